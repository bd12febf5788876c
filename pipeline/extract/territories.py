"""Territoires d'industrie named in a communiqué.

Each rule below finds one way communiqués name territories; its id goes into the `rule` column:

- territory.list_item        an item of a list whose intro (or sub-list heading) announces
                             territories: "12 territoires sont lauréats :", "Il s'agit de :",
                             "10 d'entre eux concernent la Normandie :" (the sentence before says
                             what "eux" are); glosses after the name are left out ("Est du Loiret
                             qui inclut notamment ...", "Issoudun, extension à ...", "(3 EPCI)").
                             A "label : value" item names the territory in its label ("« Axe
                             Seine » : CODAH, ..."), unless the label is a sub-list heading
                             ("Nouveaux territoires : A (32) ; B (48)"): then its parts are names.
- territory.list_item_codes  the same, or any list item, with département codes after the name:
                             "Figeac (46)", "(11-31-81)", "(TI interrégional/64-65)", "32/82",
                             or département names in brackets "(Haute-Marne et Meuse)"
- territory.prefixed_name    "Territoire d'industrie de l'Ouest Rural regroupant ...",
                             'le Territoire d'industrie "Baie de Somme Ponthieu-Marquenterre industrie"'
- territory.colon_list       names after "territoires suivants :", separated by ";" (or "," / "et")
- territory.prose            a territory named once in running prose, in a sentence about labels:
                             "Le territoire du Grand Libournais ainsi que celui du Val de Garonne,
                             Guyenne, Gascogne et Réolais ont été reconduits", "Labellisé depuis
                             2023, le pays de Vannes ...", "l'arrivée d'un territoire ..., « Cœur
                             de Maine »"
- territory.ner              (off by default, COMMUNIQUES_NER=1) a LOC/ORG/MISC entity of the
                             French model in a sentence about labels that also says "territoire"
- territory.signatories      proper names coordinated as the subject of signing a protocol or
                             contract: "Sud-Alsace et Bazancourt-Pomacle ayant déjà signé leur protocole"

Names come from the text's structure (pipeline/extract/structure.py), never from a list of known
territories; the words the rules read are data (rules/territory_words.json). A bullet list of
programme axes or measures is not a list of territories: its intro announces something else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.extract.members import MEMBER_TRIGGER
from pipeline.extract.places import PlaceMention, departements_in_name
from pipeline.extract.structure import Item, ListBlock, Span, Structure, parse
from pipeline.normalize import collapse_spaces, fold, name_key

WORDS = json.loads((Path(__file__).parent / "rules" / "territory_words.json").read_text(encoding="utf-8"))


def _words(key: str) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(WORDS[key]) + r")(?!\w)")


ANNOUNCES_TERRITORIES = _words("announces_territories")
ANNOUNCES_OTHER = _words("announces_something_else")
SUBHEADING = _words("subheading")
LABELLING = _words("labelling")
# Where a gloss starts after a name: a bracket, ", en minuscules", " – en minuscules", " : ",
# a full stop, or a word of rules/territory_words.json (run on the original text, case kept).
GLOSS_MARK = re.compile(r"\s*[(\[]|\s*,\s+(?=[a-zà-ÿ])|\s+[–—-]\s+(?=[a-zà-ÿ])|\s*:\s|\s*[.;](?:\s|$)")
GLOSS_WORD = re.compile(r"\s+(?:" + "|".join(WORDS["gloss_after_name"]) + r")(?=\s|$)")
TRAILING_CODES = re.compile(r"(?<![\w/])(\d{2}(?:\s*/\s*\d{2})+)\s*$")

BULLET = r"(?:[•▪◦●■□➢►\-\*–—]|\d{1,2}[.)]|[\uf000-\uf0ff])"
PREFIX = r"territoires?\s+d['’]\s*industrie"
ARTICLE = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|l['’]\s*|la\s+|le\s+|les\s+)"
# Words that may sit inside a name between capitalised words ("Val de Loire Sud", "Seine et Aube").
CONNECTORS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "&", "sur", "en", "sous", "lès",
              "aux", "au", "à", "-", "–", "—", "/"}
MAX_NAME_WORDS = 12
# An intro that says nothing ("La Mayenne en compte cinq :") is read with the sentences before it.
LOOK_BACK_SENTENCES = 3
# An item that starts like a sentence is not a name ("Un soutien en ingénierie").
SENTENCE_STARTS = {"un", "une", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous", "on",
                   "être", "notre", "nos", "votre", "vos", "leur", "leurs", "son", "sa", "ses", "en",
                   "dans", "chaque", "tout", "tous", "plusieurs", "certains",
                   "pour", "avec", "dans", "par", "afin", "lever", "faire", "mobiliser", "accélérer"}

CODES_BRACKET = re.compile(r"[\[(]\s*((?:TI\s+)?[^\[\]()\n]{1,60}?)\s*[\])]")
DEPARTEMENT_CODE = re.compile(r"(?<![\w])(2[AB]|97[1-6]|\d{2})(?![\w])")
COLON_LIST_INTRO = re.compile(PREFIX + r"?\s*(?:suivants|ci-dessous)\s*:|" + PREFIX + r"\s*:",
                              re.IGNORECASE)
# "les territoires suivants :", "Les 12 territoires labellisés sont : A ; B ; C."
COLON_LIST_INTRO_BARE = re.compile(r"\bterritoires\b[^.:;\n]{0,50}:", re.IGNORECASE)


@dataclass
class TerritoryMention:
    start: int
    end: int
    name: str
    rule: str
    departement_codes: set[str] = field(default_factory=set)
    block_end: int = 0  # end of the list item or sentence that describes this territory
    # (intro start, first item start) of the list holding it: "Il s'agit des territoires de :"
    intro: tuple[int, int] | None = None
    list_id: int | None = None  # the structure's list holding it (structure.parse(text).lists)

    @property
    def territory_id(self) -> str:
        return name_key(self.name)


def _codes_in(bracket: str) -> set[str]:
    known = referential.load().departements
    return {c for c in DEPARTEMENT_CODE.findall(bracket) if c in known}


@lru_cache(maxsize=1)
def _departement_words() -> frozenset[str]:
    return frozenset(w for d in referential.load().departements.values()
                     for w in re.findall(r"[a-z]+", fold(d.name)))


def _is_codes_bracket(inner: str) -> bool:
    """'[10 – Aube / 51 - Marne]', '(11-31-81)', '(TI interrégional/64-65)': codes, not prose."""
    if not _codes_in(inner):
        return False
    words = re.findall(r"[a-z]{3,}", fold(inner))
    return all(w.startswith("inter") or w in _departement_words() for w in words)


def _departements_bracket(text: str, start: int, end: int, places: list[PlaceMention]) -> set[str]:
    """'(Haute-Marne et Meuse)': département names and connectors only -> their codes."""
    inside = [p for p in places if p.kind == "departement" and start <= p.start and p.end <= end]
    if not inside:
        return set()
    rest = list(text[start:end])
    for place in inside:
        rest[place.start - start:place.end - start] = " " * (place.end - place.start)
    leftover = re.sub(r"\b(?:et|de|du|des|la|le|l|d|en|sur)\b|[\s,/&'’–—-]", "", fold("".join(rest)))
    return {p.code for p in inside} if not leftover else set()


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past leading articles/markup and trailing punctuation/markup."""
    segment = text[start:end]
    lead = re.match(r"[\s*_«\"“]*" + ARTICLE + r"?[\s*_«\"“]*", segment, re.IGNORECASE)
    cut = lead.end() if lead else 0
    # Do not strip an article that is the whole name.
    if cut >= len(segment.rstrip()):
        cut = len(re.match(r"[\s*_«\"“]*", segment).group(0))
    start += cut
    while end > start and text[end - 1] in " \t\n*_»\"”,;:.–-":
        end -= 1
    return start, end


def _looks_like_name(name: str) -> bool:
    """A proper name: capitalised, few words, most content words capitalised (an axis such as
    "Accélérer la transition écologique" is not one)."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    first = words[0]
    if first.lower().strip("'’") in SENTENCE_STARTS or first[0].isdigit() or re.search(r"\d{3}", name):
        return False
    if len(words) == 1 and len(first) < 4 and not first.isupper():
        return False  # a fragment ("Ber", a page cut mid-word) or an abbreviation
    content = [w for w in re.split(r"[\s'’]+", name) if w and w.lower() not in CONNECTORS and w[0].isalpha()]
    capitalised = sum(1 for w in content if w[0].isupper())
    if content and capitalised * 2 < len(content):
        return False
    return first[0].isupper() or (first[0].isalpha() and len(words) > 1)


def _capitalised_run(text: str, pos: int, limit: int) -> int:
    """End of a name starting at `pos`: capitalised words joined by connectors, on one line
    (or across one line break when the next word is capitalised)."""
    hard_stop = re.search(r"[\[\](),;:!?«»\"]|\.(?:\s|$)", text[pos:limit])
    if hard_stop:
        limit = pos + hard_stop.start()
    end = pos
    for match in re.finditer(r"\S+|\s+", text[pos:limit]):
        token = match.group(0)
        absolute_end = pos + match.end()
        if token.isspace():
            if token.count("\n") > 1:
                break
            continue
        word = token.strip("'’")
        bare = re.sub(r"^(?:[dl]['’])", "", token)
        if bare[:1].isupper() or bare[:1].isdigit():
            end = absolute_end
        elif word.lower() in CONNECTORS or token.lower() in ("d'", "d’", "l'", "l’"):
            continue
        else:
            break
    return end


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    return frozenset(name_key(r.name) for r in referential.load().regions.values())


def _mention(text: str, start: int, end: int, rule: str, codes=(), block_end=0, intro=None,
             list_id=None):
    start, end = _trim_name(text, start, end)
    name = collapse_spaces(text[start:end]).strip("*_ ")
    if not name or not _looks_like_name(name) or not name_key(name):
        return None
    if name_key(name) in _region_keys():  # "Territoires d'industrie Grand Est": a région
        return None
    return TerritoryMention(start, end, name, rule, set(codes), block_end or end, intro, list_id)


OPENING_QUOTES = "«“\"‘"
CLOSING_QUOTES = {"«": "»", "“": "”", '"': '"', "‘": "’"}


def _block_end(structure: Structure, text: str, position: int) -> int:
    """End of the list item, else of the paragraph (line), holding `position`."""
    held = structure.item_at(position)
    if held:
        return held[1].span.end
    line_end = text.find("\n", position)
    return len(text) if line_end < 0 else line_end


def _quoted_name(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) inside the quotes opening at `position`, on one line, at most 12 words."""
    closing = CLOSING_QUOTES[text[position]]
    end = text.find(closing, position + 1, position + 120)
    if end < 0 or "\n" in text[position:end]:
        return None
    return position + 1, end


def _prefixed_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    found = []
    prefix = r"(?:" + PREFIX + r"|(?-i:\bTI\b))"  # "le TI Sud Vosges": the usual abbreviation
    for match in re.finditer(prefix + r"[ \t]+(" + ARTICLE + r")?", text,
                             re.IGNORECASE):
        pos = match.end()
        if pos >= len(text):
            continue
        if text[pos] in OPENING_QUOTES:
            quoted = _quoted_name(text, pos)
            if not quoted:
                continue
            pos, end = quoted
        elif text[pos].isupper():
            end = _capitalised_run(text, pos, min(len(text), pos + 200))
        else:
            continue
        if end <= pos:
            continue
        codes = _codes_after(text, end, places)
        mention = _mention(text, pos, end, "territory.prefixed_name", codes,
                           _block_end(structure, text, pos))
        if mention:
            found.append(mention)
    return found


def _codes_after(text: str, end: int, places: list[PlaceMention]) -> set[str]:
    """Codes of a bracket right after a name: "Haut Bocage [08 - Ardennes]"."""
    bracket = re.match(r"[ \t]*[\[(]([^\[\]()\n]{1,60})[\])]", text[end:end + 70])
    if not bracket:
        return set()
    if _is_codes_bracket(bracket.group(1)):
        return _codes_in(bracket.group(1))
    return _departements_bracket(text, end + bracket.start(1), end + bracket.end(1), places)


def _name_and_codes(text: str, start: int, end: int,
                    places: list[PlaceMention]) -> tuple[int, int, set[str]]:
    """The name at the head of a list piece, without its gloss, and the département codes the
    piece states: in brackets (codes or names) or as a trailing "32/82"."""
    piece = text[start:end]
    head = re.match(r"[*_\s]*(?:" + PREFIX + r"\s*)?", piece, re.IGNORECASE)
    name_start = start + (head.end() if head and head.group(0).strip(" *_") else 0)
    segment = text[name_start:end]
    cuts = [m.start() for m in (GLOSS_MARK.search(segment), GLOSS_WORD.search(fold(segment))) if m]
    name_end = name_start + min(cuts) if cuts else end
    codes: set[str] = set()
    for bracket in re.finditer(r"[\[(]([^\[\]()]{1,80})[\])]", piece):
        inner = bracket.group(1)
        if _is_codes_bracket(inner):
            codes |= _codes_in(inner)
        else:
            codes |= _departements_bracket(text, start + bracket.start(1), start + bracket.end(1), places)
    trailing = TRAILING_CODES.search(text[name_start:name_end])
    if trailing:
        codes |= _codes_in(trailing.group(1))
    return name_start, name_end, codes


# "Territoires d'industrie" as the programme's name ("le programme « Territoires d'industrie »",
# "Territoires d'industrie conserve son approche") says nothing about what a list holds.
PROGRAMME_NAME = re.compile(r"(?:(?:programme|dispositif|label|initiative|demarche|contrat|plan)\s+)?"
                            r"[\"'«\s]*territoires?\s+d'\s*industrie[\"'»]?")


def _keyword_decides(sentence: str) -> bool | None:
    """Does this intro sentence announce territories (True), something else (False), or neither
    (None)? The noun just before the colon decides, else the first one named."""
    folded = fold(sentence)
    for match in PROGRAMME_NAME.finditer(folded):
        written = sentence[match.start():match.end()]
        counted = re.search(r"(?:\d|\b(?:les|des|ces|aux|autres|nouveaux|deux|trois|quatre|cinq|six|sept|"
                            r"huit|neuf|dix))\s*$", folded[max(0, match.start() - 12):match.start()])
        if re.search(r"programme|dispositif|label|initiative|d[ée]marche|contrat|plan|[«\"“]", written,
                     re.IGNORECASE) or (re.match(r"\s*T", written) and not counted):
            folded = folded[:match.start()] + " " * (match.end() - match.start()) + folded[match.end():]
    found = sorted([(m.start(), True) for m in ANNOUNCES_TERRITORIES.finditer(folded)]
                   + [(m.start(), False) for m in ANNOUNCES_OTHER.finditer(folded)])
    if not found:
        return None
    tail = folded.rstrip(" :*_")
    clause = tail[tail.rfind(",") + 1:]  # "Ces 9 territoires, composés de 29 EPCI, sont :"
    last_words_start = len(tail) - len(" ".join(clause.split()[-3:]))
    closing = [kind for position, kind in found if position >= last_words_start]
    return closing[-1] if closing else found[0][1]


def announces_territories(text: str, lst: ListBlock) -> bool:
    """Whether the list's intro announces territories: an intro ending with ':' whose words say
    so, or, when they say nothing ("10 d'entre eux concernent la Normandie :", "Il s'agit de :"),
    the sentence just before; or a sub-list heading that does."""
    if any(_keyword_decides(heading.of(text)) for heading in lst.headings):
        return True
    if lst.intro is None or not lst.intro.of(text).rstrip(" *_").endswith(":"):
        return False
    decided = _keyword_decides(lst.intro.of(text))
    position = lst.intro.start
    for _ in range(LOOK_BACK_SENTENCES):
        if decided is not None or position <= 0:
            break
        position = len(text[:position].rstrip())
        sentence_start, sentence = _sentence_before(text, position)
        decided = _keyword_decides(sentence)
        position = sentence_start
    return bool(decided)


def _is_subheading(label: str) -> bool:
    """'Renouvellement des territoires existants', 'Nouveaux territoires': a heading, not a name."""
    folded = fold(label)
    return bool(SUBHEADING.search(folded)) and not re.search(r"[«\"“]", label)


def _item_pieces(text: str, item: Item) -> list[tuple[int, int]]:
    """Where the names of an item stand: its label, or the parts of a sub-heading's value."""
    if item.field:
        label = item.field.label
        if not _is_subheading(label.of(text)):
            value = item.field.value.of(text)
            if value[:1].islower() and len(value.split()) > 3:
                return []  # "Locale : démarche animée par ...": a definition, not members
            return [(label.start, label.end)]
        value = item.field.value
        if item.parts:
            return [(p.start, p.end) for p in item.parts]
        return [(s, e) for s, e in _split_inline_list(text, value.start, value.end, r",\s+|\s+et\s+")]
    if item.parts:
        return [(p.start, p.end) for p in item.parts]
    return [(item.content.start, item.content.end)]


def _list_items(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    found = []
    for lst in structure.lists:
        if lst.kind == "inline":
            continue  # the colon-list rule reads them, with their stated count
        announced = announces_territories(text, lst)
        intro = (lst.intro.start if lst.intro else lst.span.start, lst.items[0].span.start)
        for item in lst.items:
            members = re.search(MEMBER_TRIGGER, text[item.content.start:item.span.end], re.IGNORECASE)
            for start, end in _item_pieces(text, item):
                name_start, name_end, codes = _name_and_codes(text, start, end, places)
                if not (announced or codes or members):
                    continue
                rule = "territory.list_item_codes" if codes else "territory.list_item"
                mention = _mention(text, name_start, name_end, rule, codes, item.span.end,
                                   intro if announced or codes else None, lst.id)
                if mention:
                    found.append(mention)
    return found


PROSE_HEAD = re.compile(
    r"(?<![\w'])(?:(?:le|du|au|ce)\s+territoire|celui)\s+(?P<article>de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
    r"|(?<![\w'])labellise(?:e|s|es)?\s+(?:\"?\s*territoires?\s+d'\s*industrie\s*\"?\s*)?"
    r"(?:(?:depuis|en)\s+\d{4}\s*)?,\s*(?P<subject>le\s+|la\s+|l'\s*)")
GEOGRAPHIC_HEADS = {"pays", "bassin", "val", "vallee", "vallees", "plaine", "plateau", "agglomeration",
                    "presqu'ile", "cote", "territoire", "coeur", "sud", "nord", "est", "ouest"}
# "le territoire Vendée-Centre qui comprend ...", "fait partie du Territoire Nord-Cotentin":
# 'territoire' directly followed by a capitalised name, without an article.
TERRITORY_THEN_NAME = re.compile(r"\b(?:le|du|au)\s+[Tt]erritoire\s+(?=[A-ZÀ-Ý])")
# "Le Lunévillois labellisé comme nouveau Territoire d'industrie", "X, lauréat du label « TI »".
LABELLED_AS = re.compile(r"\s*,?\s+(?:de\s+nouveau\s+|à\s+nouveau\s+)?(?:labellis[ée]e?s?|laur[ée]at(?:e|s|es)?)\s*"
                         r"(?:comme\s+|du\s+label\s+|au\s+label\s+|en\s+tant\s+que\s+)?(?:nouveau\s+)?"
                         r"[«\"“]?\s*" + PREFIX, re.IGNORECASE)
# "Cœur de Maine, le territoire d'industrie réunissant ..."
APPOSITION = re.compile(r",\s+(?:le|un)\s+" + PREFIX, re.IGNORECASE)
# "la labellisation « Chartres métropole Territoires d'Industrie »"
QUOTED_WITH_SUFFIX = re.compile(r"[«“\"]\s*(?P<name>[A-ZÀ-Ý][^«»“”\"\n]{1,60}?)\s+" + PREFIX + r"\s*[»”\"]",
                                re.IGNORECASE)
INTERCOMMUNALITY_FORM = re.compile(r"(?:les?\s+|la\s+)?(?:communaute|cc|ca|cu)\b")


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
    end = re.search(r"\.(?:\s|$)|\n", text[position:])
    return start, position + end.start() if end else len(text)


def _subject_before(text: str, end: int) -> int | None:
    """Start of the proper name that ends at `end` and opens its clause: 'Le Lunévillois',
    'Le territoire Seine Aval', 'l'Agglomération d'Agen' (article and 'territoire' left out)."""
    clause_start = max(text.rfind(sep, 0, end) for sep in (". ", "\n", " – ", " - ", ": ", ", ", "« ", "(")) + 1
    clause = text[clause_start:end]
    lead = re.match(r"[\s–:,«(-]*(?:(?:le|la|les|l['’])\s*)?(?:territoire\s+(?:de\s+|du\s+|des\s+)?)?",
                    clause, re.IGNORECASE)
    start = clause_start + lead.end()
    name = text[start:end].strip()
    if not name or not name[0].isupper():
        return None
    words = [w for w in re.split(r"[\s'’]+", name) if w]
    if not all(w[0].isupper() or w.lower() in CONNECTORS or w[0].isdigit() for w in words):
        return None
    return start


def _prose_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """Territories named once in a sentence about labels: 'le territoire du X ... reconduit',
    'celui du X, Y et Z', 'Labellisé depuis 2023, le pays de X', 'territoire ..., « X »',
    'X labellisé comme nouveau Territoire d'industrie', 'X, le territoire d'industrie ...'."""
    folded = fold(text)
    found = []

    def add(start: int, end: int, block_end: int, codes=()):
        if INTERCOMMUNALITY_FORM.match(folded[start:end]):
            return  # an intercommunality: the member rules read it
        mention = _mention(text, start, end, "territory.prose", codes, block_end)
        if mention:
            found.append(mention)

    for match in PROSE_HEAD.finditer(folded):
        sentence_start, sentence_end = _sentence_bounds(text, match.start())
        if not LABELLING.search(folded[sentence_start:sentence_end]):
            continue
        pos = match.end()
        if match.group("subject") is not None:
            head = re.match(r"[a-z'-]+", folded[pos:])
            if text[pos:pos + 1].isupper():
                end = _capitalised_run(text, pos, sentence_end)
            elif head and head.group(0) in GEOGRAPHIC_HEADS:
                end = _capitalised_run(text, pos + head.end() + 1, sentence_end)
                if end <= pos + head.end() + 1:
                    continue
            else:
                continue
        else:
            if not text[pos:pos + 1].isupper():
                continue
            end = _enumerated_name_end(text, pos, sentence_end)
        add(pos, end, sentence_end)
    for match in TERRITORY_THEN_NAME.finditer(text):
        sentence_end = _sentence_bounds(text, match.start())[1]
        add(match.end(), _capitalised_run(text, match.end(), sentence_end), sentence_end)
    for pattern in (LABELLED_AS, APPOSITION):
        for match in pattern.finditer(text):
            start = _subject_before(text, match.start())
            if start is not None:
                add(start, match.start(), _sentence_bounds(text, match.start())[1])
    for match in QUOTED_WITH_SUFFIX.finditer(text):
        add(match.start("name"), match.end("name"), _sentence_bounds(text, match.start())[1])
    for match in re.finditer(r"territoire[^.\n«“]{0,120}?,\s*(?=[«“])", text, re.IGNORECASE):
        quoted = _quoted_name(text, match.end())
        if quoted:
            codes = ({p.code for p in places if p.kind == "departement" and match.start() <= p.start < match.end()}
                     if re.search(r"d[ée]partements?\b", text[match.start():match.end()]) else set())
            add(*quoted, _sentence_bounds(text, match.start())[1], codes)
    return found


def _enumerated_name_end(text: str, pos: int, limit: int) -> int:
    """End of 'Val de Garonne, Guyenne, Gascogne et Réolais' when a verb follows the last part:
    one territory named by its parts; otherwise the first capitalised run."""
    end = _capitalised_run(text, pos, limit)
    extended = end
    while True:
        joint = re.match(r",\s+|\s+et\s+", text[extended:limit])
        if not joint or not text[extended + joint.end():extended + joint.end() + 1].isupper():
            break
        extended = _capitalised_run(text, extended + joint.end(), limit)
    if extended > end and re.match(r"\s+(?:ont|a|sont|est|vient|viennent|avait|avaient|sera|seront)\b",
                                   text[extended:limit]):
        return extended
    return end


SMALL_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                "neuf": 9, "dix": 10}
STATED_COUNT = re.compile(r"\b(\d{1,3}|" + "|".join(SMALL_COUNTS) + r")\s+(?:\w+\s+)?$", re.IGNORECASE)


def _split_inline_list(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Item spans of 'A ; B ; C' (separator ';') or 'A, B et C' (separator ', ' / ' et ')."""
    spans, pos = [], start
    for sep in re.finditer(separator, text[start:end]):
        spans.append((pos, start + sep.start()))
        pos = start + sep.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _stated_count(text: str, intro_start: int) -> int | None:
    """'2 autres Territoires d'industrie :' -> 2; the size the intro announces, if any."""
    match = STATED_COUNT.search(text[max(0, intro_start - 30):intro_start])
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else SMALL_COUNTS[word]


def _colon_list_items(text: str, start: int, end: int, stated: int | None,
                      intro_start: int) -> list[TerritoryMention]:
    """Names of an inline list: split on ';' first; on ',' / 'et' when ';' gives one item or
    fewer than the stated count ("2 autres territoires : A et B (...) ;")."""
    def names(spans):
        found = []
        for item_start, item_end in spans:
            paren = text.find("(", item_start, item_end)
            mention = _mention(text, item_start, paren if paren >= 0 else item_end,
                               "territory.colon_list", (), end, (intro_start, start))
            if mention:
                found.append(mention)
        return found

    by_semicolon = names(_split_inline_list(text, start, end, r"\s*;\s*"))
    if len(by_semicolon) > 1 and (stated is None or len(by_semicolon) == stated):
        return by_semicolon
    first_item_end = text.find(";", start, end)
    first_item_end = end if first_item_end < 0 else first_item_end
    by_comma = names(_split_inline_list(text, start, first_item_end, r",\s+|\s+et\s+"))
    if stated is not None:
        if len(by_comma) == stated:
            return by_comma
        by_both = names(_split_inline_list(text, start, end, r"\s*;\s*|,\s+|\s+et\s+"))
        return by_both if len(by_both) == stated else by_semicolon
    # No count to check against: "A, B et C" is three names when every part reads as one.
    parts = _split_inline_list(text, start, first_item_end, r",\s+|\s+et\s+")
    if len(by_semicolon) <= 1 and len(by_comma) == len(parts) > 1:
        return by_comma
    return by_semicolon


# Any other "intro : A, B et C" or "..., il s'agit de A, B et C" in running text.
INLINE_INTRO = re.compile(r"[^\S\n]*:[^\S\n]+(?=\S)|\bil\s+s['’]agit\s+(?:de\s+|des\s+|du\s+|d['’]\s*)(?=[A-ZÀ-Ý])")
COUNT_WORD = re.compile(r"\b(\d{1,3}|" + "|".join(SMALL_COUNTS) + r")\b(?![,.]\d)", re.IGNORECASE)


def _list_end(text: str, start: int) -> int:
    rest = text[start:]
    stop = re.search(r"\.(?=\s|$)|\n\s*" + BULLET + r"[ \t]", rest)
    return start + (stop.start() if stop else len(rest))


def _sentence_before(text: str, position: int) -> tuple[int, str]:
    """(start, text) of the sentence ending at `position` (within its line)."""
    line_start = text.rfind("\n", 0, position) + 1
    cut = max((m.end() for m in re.finditer(r"[.!?]\s+", text[line_start:position])), default=0)
    return line_start + cut, text[line_start + cut:position]


def _generic_inline_lists(text: str, taken: set[int], structure: Structure) -> list[TerritoryMention]:
    """A list after a colon (or "il s'agit de") in running text: the intro's sentence announces
    territories, or says nothing and the sentence before does; a count in the intro must then
    equal the number of names, and every part must read as a name."""
    found = []
    for intro in INLINE_INTRO.finditer(text):
        start = intro.end()
        held = structure.item_at(start)
        if start in taken or (held and held[0].kind != "inline"):
            continue  # a list item's "label : value" is read by the list rule
        sentence_start, sentence = _sentence_before(text, intro.start())
        decided = _keyword_decides(sentence + " :")
        if decided is False:
            continue
        counts = COUNT_WORD.findall(sentence)
        stated = None
        if counts:
            word = counts[-1].lower()
            stated = int(word) if word.isdigit() else SMALL_COUNTS[word]
        if decided is None:
            _previous_start, previous = _sentence_before(text, len(text[:sentence_start].rstrip()))
            anaphora = re.match(r"\s*il\s+s", text[intro.start():], re.I) and found
            if not (_keyword_decides(previous) or anaphora or stated is not None):
                continue
        end = _list_end(text, start)
        parts = [(s, e) for s, e in _split_inline_list(text, start, end, r"\s*;\s*|,\s+|\s+et\s+")]
        mentions = _colon_list_items(text, start, end, stated, sentence_start)
        if len(mentions) < 2 or (stated is not None and len(mentions) != stated):
            continue
        if len(mentions) != len(parts) and stated is None:
            continue
        found.extend(mentions)
    return found


def _colon_lists(text: str, structure: Structure) -> list[TerritoryMention]:
    found = []
    intros = {m.end(): m for m in [*COLON_LIST_INTRO.finditer(text), *COLON_LIST_INTRO_BARE.finditer(text)]}
    for intro in intros.values():
        start = intro.end()
        rest = text[start:]
        if re.match(r"[ \t]*\n", rest):
            continue  # nothing on the intro's line: a title, or a list (the list rule reads it)
        found.extend(_colon_list_items(text, start, _list_end(text, start),
                                       _stated_count(text, intro.start()), intro.start()))
    return found + _generic_inline_lists(text, set(intros), structure)


# Who else signs protocols: institutions, never territories.
INSTITUTION_WORDS = {"region", "regions", "etat", "departement", "prefet", "prefete", "prefecture",
                     "conseil", "ministre", "ministere", "president", "presidente", "agence", "anct",
                     "bpifrance", "banque", "ademe", "operateurs", "elus", "industriels", "commune",
                     "communes", "metropole", "intercommunalite", "gouvernement", "france"}
SIGNED = re.compile(r"\s+(?:ayant|ont|avaient|avait|a)\s+(?:d[ée]j[àa]\s+)?sign[ée]\s+"
                    r"(?:leurs?|son|sa|un|une|des|les)\s+(?:propres?\s+)?(?:protocoles?|contrats?|pactes?)",
                    re.IGNORECASE)


def _signatories(text: str) -> list[TerritoryMention]:
    found = []
    for verb in SIGNED.finditer(text):
        sentence_start = max(text.rfind(". ", 0, verb.start()), text.rfind(".\n", 0, verb.start()),
                             text.rfind("\n\n", 0, verb.start()))
        start = sentence_start + 2 if sentence_start >= 0 else 0
        subject = text[start:verb.start()]
        if not subject.strip() or len(subject.split()) > 16:
            continue
        items = _split_inline_list(text, start, verb.start(), r",\s+|\s+et\s+")
        mentions = [_mention(text, s, e, "territory.signatories", (), verb.end()) for s, e in items]
        # Every part must be a capitalised proper name, or the subject is prose.
        if mentions and all(m and all(w[:1].isupper() or w in CONNECTORS for w in m.name.split())
                            and not set(m.territory_id.split("-")) & INSTITUTION_WORDS
                            for m in mentions):
            found.extend(mentions)
    return found




def _entities(text: str, entities: list[tuple[int, int, str]], places: list[PlaceMention]) -> list[TerritoryMention]:
    """NER candidates: an entity in a sentence about labels that says "territoire", which is not
    a place of the referential nor an intercommunality."""
    folded = fold(text)
    found = []
    for start, end, _label in entities:
        sentence_start, sentence_end = _sentence_bounds(text, start)
        sentence = folded[sentence_start:sentence_end]
        if not (LABELLING.search(sentence) and "territoire" in sentence):
            continue
        if any(p.start <= start and end <= p.end for p in places) or INTERCOMMUNALITY_FORM.match(folded[start:end]):
            continue
        mention = _mention(text, start, end, "territory.ner", (), sentence_end)
        if mention:
            found.append(mention)
    return found


def find_territories(text: str, places: list[PlaceMention],
                     entities: list[tuple[int, int, str]] = ()) -> list[TerritoryMention]:
    """Territory mentions in reading order; overlapping mentions keep the earliest rule's match.
    `entities` are the NER spans (nlp.entity_spans), a candidate source only when NER runs."""
    structure = parse(text)
    candidates = (_list_items(text, structure, places) + _prefixed_names(text, structure, places)
                  + _colon_lists(text, structure) + _prose_names(text, structure, places) + _signatories(text)
                  + _entities(text, list(entities), places))
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TerritoryMention] = []
    for mention in candidates:
        overlap = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
        if overlap:
            overlap.departement_codes |= mention.departement_codes
            if overlap.intro is None and mention.intro is not None:
                overlap.intro, overlap.list_id = mention.intro, mention.list_id
            continue
        kept.append(mention)
    for mention in kept:
        mention.departement_codes |= departements_in_name(text, mention.start, mention.end, places)
    return kept
