"""What the territory rules share: their words, the mention they make, and how they read a name
(trimmed of articles and markup, told from prose) and the département codes stated beside it."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

from pipeline import referential
from pipeline.extract import figure_scope
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.places import PlaceMention, ambiguous_names, places_starting_in
from pipeline.extract.structure import count_value, COUNT_WORDS, STACKED_TERRITORIES_HEADER, Structure
from pipeline.normalize import collapse_spaces, fold, mend_line_cuts, name_key

WORDS = json.loads((Path(__file__).parents[1] / "rules" / "territory_words.json").read_text(encoding="utf-8"))


def _words(key: str) -> re.Pattern:
    return with_first_letters(re.compile(r"(?<![\w'])(?:" + "|".join(WORDS[key]) + r")(?!\w)"))


ANNOUNCES_TERRITORIES = _words("announces_territories")
AWARD_PARTICIPLE = _words("award_participles")
ANNOUNCES_OTHER = _words("announces_something_else")
ANNOUNCES_MEMBERS = _words("announces_members")
COUNTED_PLACES = _words("counted_places")
# "Anne MARTIN, cheffe de projet", "Gérard Trémège, Président de la CA …": a person, not a place
PERSON_AFTER_NAME = re.compile(WORDS["person_after_name"])
# "M. le Premier ministre, Édouard Philippe, a retenu …": a person's title right before a name
PERSON_BEFORE_NAME = re.compile(WORDS["person_before_name"])
SUBHEADING = _words("subheading")
LABELLING = _words("labelling")
PROGRAMME_HEADING = re.compile(WORDS["programme_heading"])
PART_OF_A_TERRITORY = re.compile(WORDS["part_of_a_territory"])
# Where a gloss starts after a name: a bracket, ", en minuscules", " – en minuscules", " : ",
# a full stop, or a word of rules/territory_words.json (run on the original text, case kept).
GLOSS_MARK = re.compile(r"\s*[(\[]|\s*,\s+(?=[a-zà-ÿ])|\s+[–—-]\s+(?=[a-zà-ÿ])|\s*:\s|\s*[.;](?:\s|$)"
                        r"|\s+à\s+(?=(?:la\s+|le\s+|l['’])?[A-ZÀ-Ý])")
GLOSS_WORD = re.compile(r"\s+(?:" + "|".join(WORDS["gloss_after_name"]) + r")(?=\s|$)")
# ", porté par la communauté d'agglomération de X," between two names: a clause glossing the
# name before it, no name of its own (folded text, matched at the start of a list's piece)
GLOSS_CLAUSE = re.compile(r"(?:" + "|".join(WORDS["gloss_clause_openers"]) + r")\s")
TRAILING_CODES = re.compile(r"(?<![\w/])(\d{2}(?:\s*/\s*\d{2})+)\s*$")

BULLET = r"(?:[•▪◦●■□➢►\-\*–—]|\d{1,2}[.)]|[\uf000-\uf0ff])"
# The programme's words, "Territoire(s) d'industrie", in folded text or not (either apostrophe):
# the rules that read them build on these two.
PREFIX = r"territoires?\s+d['’]\s*industrie"
SINGULAR_PREFIX = r"territoire\s+d['’]\s*industrie"
ARTICLE = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|l['’]\s*|la\s+|le\s+|les\s+)"
# A heading or a run-in head opening on its article, capitalised: "Le Saint-Quentinois", "L'Auxerrois".
HEAD_ARTICLE = re.compile(r"(?:L[ea]s?\s+|L['’]\s*)(?=[A-ZÀ-Ý])")
# Words that may sit inside a name between capitalised words ("Val de Loire Sud", "Seine et Aube").
CONNECTORS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "&", "sur", "en", "sous", "lès",
              "aux", "au", "à", "-", "–", "—", "/"}
MAX_NAME_WORDS = 12
DANGLING_ENDS = {"un", "une", "le", "la", "les", "l", "des", "du", "de", "d", "au", "aux", "et", "ou"}
# Words of a span that could still be a name once its line cuts are mended and its dashes dropped.
MAX_SPAN_WORDS = 3 * MAX_NAME_WORDS
NAME_TAIL_ADJECTIVES = frozenset(WORDS["name_tail_adjectives"])
# An intro that says nothing ("La Mayenne en compte cinq :") is read with the sentences before it.
LOOK_BACK_SENTENCES = 3
# An item that starts like a sentence is not a name ("Un soutien en ingénierie").
SENTENCE_STARTS = {"un", "une", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous", "on",
                   "être", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "leur", "leurs", "son", "sa", "ses", "en",
                   "dans", "chaque", "tout", "tous", "plusieurs", "certains",
                   "pour", "avec", "dans", "par", "afin", "lever", "faire", "mobiliser", "accélérer",
                   "quelques", "nombreux", "nombreuses", "à", "au", "aux", "sur", "chez", "depuis",
                   "après", "avant", "lors", "selon", "entre", "vers", "grâce", "outre",
                   # connectives opening a sentence ("Ainsi, territoire d'industrie depuis 2018, …")
                   "ainsi", "désormais", "toutefois", "cependant", "pourtant", "néanmoins", "enfin",
                   "aussi", "alors", "ensuite", "puis", "aujourd'hui", "ici", "déjà", "encore", "bref",
                   "certes", "donc", "or", "surtout", "dès", "voici", "voilà", "mais", "car", "si",
                   "quand", "lorsque", "puisque", "parallèlement", "également",
                   # a time's preposition after the programme's words ("RESTE TERRITOIRE D'INDUSTRIE
                   # JUSQU'EN 2027")
                   "jusqu'en", "jusqu'à", "jusqu'au", "jusqu'aux", "jusque",
                   # a list's closing line ("- Soit 3 territoires sur les 18 de la région")
                   "soit",
                   # a demonstrative pronoun taking up the name before ("Celui-ci réunit …")
                   "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "celui-là", "celle-là", "ceux-là",
                   "celles-là", "lui-même", "elle-même", "lequel", "laquelle", "lesquels", "lesquelles"}
# A number word alone is a count ("Trois lauréats"), not a name; it may open one ("Trois vallées").
NUMBER_WORDS = {"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                "douze", "treize", "quatorze", "quinze", "seize", "vingt", "cent"}

CODES_BRACKET = re.compile(r"[\[(]\s*((?:TI\s+)?[^\[\]()\n]{1,60}?)\s*[\])]")
# "(11-31-81)", "(32/82)", "(64, 65)"; not the parts of a duration or a time ("(1'48)", "(2:30)")
DEPARTEMENT_CODE = re.compile(r"(?<![\w'’:.])(2[AB]|97[1-6]|\d{2})(?![\w'’:])")
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
    # départements its name holds ("Moselle Est"): a river's name may hide among them ("Rhône
    # Provence Industrie"), which the départements of its members tell (assemble.py)
    name_codes: set[str] = field(default_factory=set)
    # an intercommunality written with its legal form said to join the programme ("la Communauté
    # de communes Sud-Avesnois a rejoint le dispositif"): beside a territory the text names, a member
    joins: bool = False
    # the départements it is said to share ("partagé avec l'Orne"): besides, not instead of, the
    # ones its context gives (assemble.py)
    shared_codes: set[str] = field(default_factory=set)
    # the départements written right after its name or opening its sentence as where it lies ("…,
    # entre l'Ardèche et la Drôme", "(Ardèche et Drôme)"): a département word of its name they leave
    # out is a river or a town ("Rhône Médian", assemble.py)
    placed_codes: set[str] = field(default_factory=set)

    @property
    def territory_id(self) -> str:
        return name_key(self.name)



def codes_in_name(name: str) -> set[str]:
    """'Interdépartemental 32/82', 'Territoire 32-82': département codes a name ends with."""
    trailing = re.search(r"(?<![\w/])(\d{2}(?:\s*[/-]\s*\d{2})+)\s*$", name)
    return _codes_in(trailing.group(1)) if trailing else set()


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


# A bracket opening with codes, then a comma and a gloss: "(64-65, territoire interrégional …)".
LEADING_CODES = re.compile(r"\s*(\d{2}(?:\s*[-–/]\s*\d{2})*)(?!\d)\s*,\s")


def departements_bracket(text: str, start: int, end: int, places: list[PlaceMention]) -> set[str]:
    """'(Haute-Marne et Meuse)': département names and connectors only -> their codes. Beside
    another département, a name that needs an article elsewhere is one too: '(Nord et Aisne)'."""
    inside = [p for p in places_starting_in(places, start, end) if p.kind == "departement" and p.end <= end]
    if not inside:
        return set()
    codes = {p.code for p in inside}
    rest = list(text[start:end])
    for place in inside:
        rest[place.start - start:place.end - start] = " " * (place.end - place.start)
    rest = "".join(rest)
    for name, code in _departements_needing_an_article().items():
        for bare in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w'’-])", fold(rest)):
            # a name of its own, not a complement: "(Nord et Aisne)", not "Meuse du Nord"; nor a
            # compass word before another name ("Sud Meuse – Nord Haute-Marne": the north of it) or
            # after one ("Le Mans – Sarthe Nord": the north of the Sarthe)
            if rest[bare.start()].isupper() and re.search(r"(?:^|[,/&–—]|\bet)\s*$", fold(rest[:bare.start()])) \
                    and not any(rest[bare.end():place.start - start].isspace() for place in inside) \
                    and not any(rest[place.end - start:bare.start()].isspace() for place in inside):
                codes.add(code)
                rest = rest[:bare.start()] + " " * len(name) + rest[bare.end():]
    # "(département de la Nièvre)", "(départements du Doubs et du Jura)", "(territoire
    # interrégional Somme / Seine-Maritime)"
    leftover = re.sub(r"\b(?:et|de|du|des|la|le|les|l|d|en|dans|sur|departements?)\b|[\s,/&'’–—-]", "",
                      INTER_TERRITORY.sub(" ", fold(rest)))
    return codes if not leftover else set()


INTER_TERRITORY = re.compile(r"\bterritoires?\s+(?:d'\s*industrie\s+)?inter-?(?:departementa|regiona)(?:l|le|ux|les)\b")


@lru_cache(maxsize=1)
def _departements_needing_an_article() -> dict[str, str]:
    """Folded name -> code of the départements whose name is also a common word ('Nord'): a place
    only with its article in prose (pipeline/extract/places.py)."""
    return {fold(d.name): code for code, d in referential.load().departements.items()
            if fold(d.name) in ambiguous_names()}


# A legal form (folded text): "communauté(s) de communes", "d'agglomération", "urbaine",
# "établissement public territorial", "CC",
# "CA", "CU", "la métropole de"; "l'agglomération de" in lower case only (a capital makes it the
# brand of one EPCI: "l'Agglomération d'Agen" is that territory's name).
# "la Communauté intercommunale Réunion Est (Cirest)": La Réunion's agglomerations keep that form in their names.
LEGAL_FORM = re.compile(r"(?:communautes?\s+(?:de[s]?\s+communes?|d'\s*agglomerations?|urbaines?|de\s+l'agglomeration"
                        r"|intercommunales?)"
                        r"|etablissements?\s+publics?\s+territori(?:al|aux)|ept(?=\s)"  # the Grand Paris EPT
                        r"|c[acu](?=\s)|metropoles?(?=\s+(?:de|du|d')\s*)|agglomerations?(?=\s+(?:de|du|des|d')\s*))\s*")
# "l'agglo du Pays de Dreux": the abbreviation in lower case is a legal form ("Agglo" a brand's word).
LOWER_AGGLO = re.compile(r"agglos?(?=\s+(?:de|du|des|d['’])\s*)\s*")
# An acronym written before the legal form it abbreviates: "la CAPEX Communauté d'Agglomération".
ACRONYM_BEFORE_FORM = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:\s+|\s*[–—-]\s*)(?=[Cc]ommunaut)")
PREPOSITION = re.compile(r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)")
# "la communauté d'agglomération de La Rochelle": a capitalised article after a lower-case "de" is
# the town's ("La Rochelle", "L'Isle-Adam"), part of the name; not in Title Case ("De La Vallée").
TOWN_ARTICLE_AFTER_DE = re.compile(r"de\s+(?=La\s|L['’])")


def written_with_legal_form(folded: str, name: str) -> bool:
    """Whether the folded text writes `name` after a legal form ("la communauté de communes Vie et
    Boulogne"): the name of an intercommunality."""
    key = fold(name)
    answers = _legal_form_answers(folded)
    if key not in answers:  # (a name the text lacks is written with none)
        answers[key] = key in folded and bool(re.search(LEGAL_FORM.pattern + PREPOSITION.pattern + "?"
                                                        + re.escape(key) + r"(?![\w-])", folded))
    return answers[key]


@lru_cache(maxsize=4)
def _legal_form_answers(folded: str) -> dict[str, bool]:
    """written_with_legal_form's answers for one text, by folded name: a text naming a territory
    2,000 times asked it 2,000 times, each read the whole text."""
    return {}


def legal_form_end(text: str, folded: str, pos: int, end: int | None = None) -> int | None:
    """End of the legal form (and its preposition) starting at `pos`, if one does; `end` bounds
    what is read of `folded` as `folded[:end]` would, without copying a long text's fold for each
    name (the copy made trim_name quadratic in the text's length)."""
    end = len(folded) if end is None else end
    acronym = ACRONYM_BEFORE_FORM.match(text, pos)
    if acronym:
        pos = acronym.end()
    form = LEGAL_FORM.match(folded, pos, end) or (LOWER_AGGLO.match(text, pos) if not acronym else None)
    if not form:
        return None
    if folded[pos:min(pos + 5, end)] == "agglo" and text[pos].isupper() and not acronym:
        return None  # "l'Agglomération d'Agen": the brand is the name
    form_end = form.end()
    preposition = PREPOSITION.match(folded, form_end, end)
    if not preposition:
        return form_end
    town_article = TOWN_ARTICLE_AFTER_DE.match(text, form_end, preposition.end())
    return town_article.end() if town_article else preposition.end()



# Superscript digits: the call of a footnote, never part of a name.
FOOTNOTE_CALLS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past leading punctuation, articles and markup and trailing
    punctuation/markup (no name opens on ":", ";" or ",": "CAP Nord : Communauté …" cut after its
    acronym leaves the colon on the span)."""
    segment = text[start:end]
    lead = re.match(r"[\s*_«\"“:;,]*(?:(?:et|ou)\s+)?" + ARTICLE + r"?[\s*_«\"“]*", segment, re.IGNORECASE)
    cut = lead.end() if lead else 0
    # Do not strip an article that is the whole name.
    if cut >= len(segment.rstrip()):
        cut = len(re.match(r"[\s*_«\"“:;,]*", segment).group(0))
    start += cut
    form_end = legal_form_end(text, fold(text), start, end)  # the text's fold is cached
    if form_end is not None and form_end < end:
        start = form_end  # "la Communauté d'agglomération de Bastia": the territory goes by "Bastia"
    attachment = ATTACHMENT.search(text, start, end)
    if attachment:
        end = attachment.start()  # "Protocole Territoire d'industrie X – PDF – 1,2 Mo": a file's link
    # "« X »" with no-break spaces; "Name¹": a footnote's call glued to the name
    while end > start and text[end - 1] in " \t\r\n\u00a0\u202f*_»\"”,;:.–-" + FOOTNOTE_CALLS:
        end -= 1
    remark = REMARK_BRACKET.search(text, start, end)
    if remark and remark.end() == end and ITEM_REMARK.fullmatch(fold(remark.group(1)).strip()):
        end = remark.start()  # "Pau – Tarbes (interrégional)" in a table's cell is named "Pau – Tarbes"
    return start, end


# A bracket closing a name, which may hold a remark on its label (rules/territory_words.json
# `item_remark`: "(interrégional)", "(nouveau)", "(renouvelé)").
REMARK_BRACKET = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
ITEM_REMARK = re.compile(WORDS["item_remark"])


# The file type of a download link after a document's title: " – PDF – 1,2 Mo", " (pdf, 210 Ko)".
ATTACHMENT = re.compile(r"[ \t]*[-–—|(,][ \t]*(?:PDF|pdf|DOCX?|docx?|ODT|odt)\b")


@lru_cache(maxsize=1)
def _not_a_name_head() -> re.Pattern:
    """Opening words of institutions, the programme and its phases (rules/territory_words.json)."""
    ref = referential.load()
    places = {"regions": "|".join(re.escape(fold(r.name)) for r in ref.regions.values()),
              "departements": "|".join(re.escape(fold(d.name)) for d in ref.departements.values())}
    heads = [head.replace("{regions}", places["regions"]).replace("{departements}", places["departements"])
             for head in WORDS["not_a_name_head"]]
    return re.compile(r"(?:" + "|".join(heads) + r")(?![\w'])")


# A name holds no word of the award ("le bassin de Bourges et Vierzon retenu par l'État").
AWARD_VERB = re.compile(r"\b(?:labellis|labelis|retenu|laureat|selectionn|reconduit|designe)\w*")
# A word of the award anywhere, "label" too (folded text): a sentence or a list's values about it
AWARD_WORD = re.compile(WORDS["award_words"])


# "Lundi, le Territoire d'industrie …": a day or a month opening a sentence.
MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
          "novembre", "decembre")
CALENDAR_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", *MONTHS,
                  "hier", "aujourd'hui", "demain"}
# "Localement, le Territoire d'industrie concerne …": an adverb opening a sentence.
ADVERB = re.compile(r"[a-z]{3,}(?:ement|amment|emment)")


# Words a name never holds, which tell a sentence in capitals from a name in capitals.
SENTENCE_WORDS = {"dans", "pour", "avec", "par", "qui", "que", "est", "sont", "un", "une", "ces", "vers", "chez"}


PAGE_MARK = re.compile(r"(?:page|p\.)\s*\d{1,3}(?:\s*(?:/|sur)\s*\d{1,3})?", re.IGNORECASE)
# An amount, a share or a table's cell separator: "Montant total\t1,2 Md€", "| Territoire |"
NOT_IN_NAMES = re.compile(r"[€%|]")
PART_LABEL = re.compile(WORDS["part_label"])  # "côté Gers": a part of a territory, on the original text


LONE_TYPE_WORD = re.compile(r"(?:l')?(?:agglomeration|agglo|communaute|metropole|intercommunalite|interco|intercom)s?")


# "Remiremont et ses vallées", "Nogent et son bassin": a place and what surrounds it, in lower case
POSSESSIVE_TAIL = re.compile(r"(?<=\w)\s+et\s+(?:ses|son|sa)\s+[^\W\d_]+$")


def opens_with_an_institution(name: str) -> bool:
    """Whether a name opens with an institution's, an office's or the programme's word ("Président
    de l'UIMM …", "Préfecture de …"): no territory's name (rules/territory_words.json not_a_name_head)."""
    return bool(_not_a_name_head().match(fold(name)))


# A Roman numeral of a few letters: an ordinal, no place ("Territoires d'industrie II")
ROMAN_NUMERAL = re.compile(r"[IVX]{2,4}")


# "3 Vallées", "2 Rives": one figure, then a capitalised plural head of geography (folded text)
NUMBERED_HEADS = re.compile(r"[1-9][ \t]+(?:" + "|".join(h for h in WORDS["geographic_heads"] if h.endswith("s?"))
                            + r"|rives|lacs|rivieres)(?![\w'-])")


def numbered_name(name: str) -> bool:
    """A name that opens with its count ("des 3 Vallées"), not a count of things ("9 territoires",
    "3 Projets"): one figure, then a capitalised plural head of geography."""
    return bool(re.match(r"[1-9][ \t]+[A-ZÀ-Ý]", name)) and bool(NUMBERED_HEADS.match(fold(name)))


# Cached: every rule that finds a name asks it (14,000 times on 2,000 generated texts, for fewer
# than 1,000 distinct names), and it reads the name a dozen ways.
@lru_cache(maxsize=8192)
def looks_like_name(name: str) -> bool:
    """A proper name: capitalised, few words, most content words capitalised (an axis such as
    "Accélérer la transition écologique" is not one)."""
    words = [w for w in name.split() if any(c.isalnum() for c in w)]  # " / " and " – " join names
    if not words or len(words) > MAX_NAME_WORDS or PAGE_MARK.fullmatch(name):
        return False  # "Page 1/2" between two items of a list printed on two pages
    if NOT_IN_NAMES.search(name):
        return False  # a line of a table of amounts, a Markdown table's header read as an item
    if PART_LABEL.match(name):
        return False  # "côté Gers : CC A, CC B" under an interdepartmental territory: a part of it
    first = words[0]
    if fold(words[-1]).strip("'’") in DANGLING_ENDS:
        return False  # "Est une" (a sentence's "… est une …"): no name ends on an article or a connector
    if first.lower().replace("’", "'").strip("'") in SENTENCE_STARTS or first[0].isdigit() and not numbered_name(name) \
            or re.search(r"\d{3}", name):
        return False
    if fold(first) in NUMBER_WORDS and len(words) > 1 and all(w[0].islower() for w in words[1:]):
        return False  # "Trois intercommunalités : A, B et C" (an interview's answer): a count of things;
        # not "Trois vallées de Bruyères"
    if opens_with_an_institution(name) or AWARD_VERB.search(fold(name)):
        return False
    if PROGRAMME_HEADING.fullmatch(fold(name)):
        return False  # "2. LES TERRITOIRES SIGNATAIRES", "Cartographie des Territoires d'Industrie": a heading
    if name.rstrip(" *_").endswith("?"):
        return False  # "Qui anime le programme Territoires d'Industrie ?": a page's question, no name
    if len(words) == 1 and (len(first) < 4 and not first.isupper() and fold(first) not in _short_chefs_lieux()
                            or fold(first) in NUMBER_WORDS or ROMAN_NUMERAL.fullmatch(first)
                            or ADVERB.fullmatch(fold(first)) or fold(first) in CALENDAR_WORDS
                            or LONE_TYPE_WORD.fullmatch(fold(first).strip("'"))):
        # a fragment ("Ber", a page cut mid-word), an abbreviation, a count, a numeral ("Territoires
        # d'industrie II": the programme's second phase), an adverb, or an
        # intercommunality's type word alone ("L'Agglomération labellisée « Territoire d'industrie »")
        return False
    cased = POSSESSIVE_TAIL.sub("", name)  # "Remiremont et ses vallées": the town names it
    content = [w for w in re.split(r"[\s'’]+", cased) if w and w.lower() not in CONNECTORS and w[0].isalpha()]
    if name.isupper() and any(fold(w) in SENTENCE_WORDS for w in content):
        return False  # "GRAND-ORLY SEINE BIÈVRE RÉINVENTE L'INDUSTRIE DANS LA VILLE": a headline in capitals
    capitalised = sum(1 for w in content if w[0].isupper())
    if content and capitalised * 2 < len(content):
        return head_and_adjective_of_place(name)  # "le bassin annécien" in a list after a colon
    return first[0].isupper() or (first[0].isalpha() and len(words) > 1) or numbered_name(name)


@lru_cache(maxsize=1)
def _short_chefs_lieux() -> frozenset[str]:
    """Folded names of the départements' chefs-lieux shorter than four letters ('Gap', 'Pau'): a
    town, not a fragment, in a list of names ('Grasse, Carros, Gap, Toulon')."""
    return frozenset(fold(d.chef_lieu_name) for d in referential.load().departements.values()
                     if len(d.chef_lieu_name) < 4)


HEAD_AND_ADJECTIVE_OF_PLACE = re.compile(r"(?:" + "|".join(WORDS["place_adjective_heads"]) + r")\s+(?P<adjective>"
                                         + WORDS["place_adjective"] + r")")


# a demonym in lower case, a whole word (folded text): "bourguignonne", "nazairien"
PLACE_ADJECTIVE = re.compile(WORDS["place_adjective"] + r"(?![\w'-])")


def head_and_adjective_of_place(name: str) -> bool:
    """'bassin annécien', 'pays voironnais': a geographic head in lower case and a demonym, a
    place's name (territory_words.json place_adjective_heads, place_adjective)."""
    match = HEAD_AND_ADJECTIVE_OF_PLACE.fullmatch(fold(name))
    return match is not None and match.group("adjective") not in WORDS["not_place_adjectives"]


def is_place_adjective(word: str) -> bool:
    """'bourguignonne', 'vosgien': a demonym in lower case (territory_words.json place_adjective),
    no everyday adjective ('urbaine', 'prochain')."""
    folded = fold(word)
    return word[:1].islower() and PLACE_ADJECTIVE.fullmatch(folded) is not None \
        and folded not in WORDS["not_place_adjectives"]


# A line opening with a short label and a colon: an interview's speaker, a "label : value" line.
LABEL_LINE = re.compile(r"[ \t]*[^\W\d_][^\n:.;!?]{0,40}?[ \t\u00a0]:[ \t\u00a0]")
# A line followed by one this much longer, and long, is a title above a paragraph.
TITLE_RATIO, PARAGRAPH_LINE = 2, 80


# A preposition, an article or a conjunction ending a line: its sentence goes on below.
DANGLING_WORD = re.compile(r"(?<![\w'’-])(?:à|en|dans|de|du|des|au|aux|et|ou|le|la|les|sur|par|pour|avec)$", re.IGNORECASE)


# A line naming the kind of a page or a speech ("Intervention de M. le Sous-Préfet", "Discours du
# président", "Compte rendu de la réunion"): no line of a name wrapped over it.
DOCUMENT_KIND_LINE = re.compile(r"\s*(?:intervention|discours|allocution|communiqu[ée]|dossier\s+de\s+presse"
                                r"|compte[- ]rendu|proc[èe]s[- ]verbal|ordre\s+du\s+jour)\b", re.IGNORECASE)


def _line_ends_a_title(text: str, line_end: int, next_start: int) -> bool:
    """Whether the line break at `line_end` ends a title or a label rather than wrapping a
    paragraph: the next line is a paragraph much longer than this one ("Territoire d'industrie
    Aurillac – Figeac – Rodez" then "Plusieurs projets ont été lancés …"), starts a sentence or
    a list item, is a word or two standing alone ("Le Territoire d'Industrie du Grand
    Compiégnois" then "Texte"), or is a table's header of territories ("Territoire"). A narrow PDF
    column wraps lines of similar lengths."""
    line = text[text.rfind("\n", 0, line_end) + 1:line_end]
    if DANGLING_WORD.search(line.rstrip()):
        return False  # "…, le TCO et la CIREST, à" then "La Réunion, poursuivent …": no line ends so
    next_end = text.find("\n", next_start)
    next_line = text[next_start:len(text) if next_end < 0 else next_end]
    if len(next_line) > max(TITLE_RATIO * len(line), PARAGRAPH_LINE):
        return True
    if DATE.search(fold(" ".join(next_line.split()[:4]))):
        return True  # a dateline ("Publié le 13 novembre 2020")
    if DOCUMENT_KIND_LINE.match(next_line):
        return True  # "… Vallée de X" then "Intervention de M. le Sous-Préfet": the kind of the page
    first = re.match(r"\s*(\S+)", next_line)
    if first and (first.group(1).lower().strip("'’") in SENTENCE_STARTS | {"le", "la", "les", "l"}
                  or not first.group(1)[0].isalnum()):
        return True  # the next line starts a sentence or a list item
    last_word = line.split()[-1].lower() if line.split() else ""
    if LABEL_LINE.match(next_line) and last_word not in CONNECTORS:
        return True  # "Mon Sud-Avesnois : Pouvez-vous …": a speaker's or a label's line (not a
        # name wrapped after a dash: "Aurillac –" then "Figeac – Rodez : le contrat")
    if STACKED_TERRITORIES_HEADER.fullmatch(fold(next_line).strip()):
        return True  # "Les dix Territoires d'industrie de X" over a table one cell a line: "Territoire"
    alone = next_end < 0 or not text[next_end + 1:next_end + 2].strip()
    return alone and len(next_line.split()) <= 2 and not re.search(r"[.,;:]", next_line)
YEAR_TOKEN = re.compile(r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?[.,;:)]*$")
# A day and its month ("– 18 décembre 2019", "Publié le 13 novembre") is a date, never part of a name.
DATE = re.compile(r"(?:1er|\d{1,2})\s+(?:" + "|".join(MONTHS) + r")\b")


def _starts_a_date(text: str, pos: int) -> bool:
    """Whether a date starts at `pos`; a digit first, as every token of a name is tried."""
    return text[pos:pos + 1].isdigit() and bool(DATE.match(fold(text[pos:pos + 20])))


# Words of a contract's title in capitals that follow the name: "COMMINGES - NESTES ENTRE …",
# "CONTRAT TERRITOIRE D'INDUSTRIE Vendée Centre ENTRE · La Roche-sur-Yon Agglomération …".
CONTRACT_WORDS = {"ENTRE", "ET", "AVEC", "CONTRAT", "PROTOCOLE", "CONVENTION", "ANNEXE"}


# The kind of document a running header or a title names after a spaced dash ("X – Protocole
# d'accord", "X – Contrat de territoire", "X – Fiche territoire"): no part of the name.
DOCUMENT_KIND_AFTER_DASH = re.compile(r"\s+(?:protocoles?|contrats?|conventions?|communiqu[ée]|dossier\s+de\s+presse"
                                      r"|fiches?|annexes?|plans?\s+d['’]\s*actions?|compte[- ]rendu|d[ée]lib[ée]ration)\b",
                                      re.IGNORECASE)
# A body named after a spaced dash, in a signature or a job title ("Chef de projet pour le Territoire
# d'industrie X - Conseil Régional de …", "X – Préfecture de …"): the employer, no part of the name.
BODY_AFTER_DASH = re.compile(r"\s+(?:conseil\s+(?:r[ée]gional|d[ée]partemental|g[ée]n[ée]ral)|r[ée]gion|pr[ée]fecture"
                             r"|minist[èe]re|d[ée]partement\s+(?:de|du|des|d['’])|ville\s+(?:de|du|d['’])|mairie"
                             r"|banque\s+des\s+territoires|bpifrance|anct|dreets|direccte|cci|chambre)\b",
                             re.IGNORECASE)


# "LACQ-PAU-TARBES XXXXXXX XX XXXXXXXXXX": a document host's redaction ends a name.
REDACTED = re.compile(r"(?:X['’])?X{3,}(?:[-'’]X+)*[.,]?")


INSTITUTION = re.compile(r"\b(?:region|etat|departement|prefecture|conseil|agence|banque|chambre|ministere"
                         r"|metropole|universite|pole|petr|cluster|ecole|institut|groupe|association|syndicat)\b")
PLACE_WORD = re.compile(r"(?<![\w'-])(?:" + "|".join(WORDS["geographic_heads"]) + r"|grand|grande|portes?|haute?s?)(?![\w'-])")
COMPOUNDS = re.compile(r"\s+[–—-]\s+|[\s/]+")  # words, a hyphenated compound whole
SAINTS = {"saint", "sainte", "st", "ste"}
SPACED_DASH = re.compile(r"\S\s+[–—-]\s+\S")  # "Saint-Nazaire – Cordemais": places a territory joins


def _town_words_of(written: str) -> set[str]:
    """The folded words of a name that may be a town's: each capitalised word of four letters or
    more, a hyphenated compound whole ('Saint-Omer') and its pieces, but no saint's word ('Saint',
    and 'Jean' in 'Saint-Jean-de-Luz': a first name)."""
    words = set()
    for compound in COMPOUNDS.split(written):
        if len(compound) < 4 or not compound[:1].isupper():
            continue
        words.add(fold(compound))
        pieces = compound.split("-")
        words.update(fold(piece) for previous, piece in zip([""] + pieces, pieces)
                     if len(piece) >= 4 and piece[:1].isupper() and not {fold(piece), fold(previous)} & SAINTS)
    return words


@lru_cache(maxsize=1)
def town_words() -> frozenset[str]:
    """The town words (_town_words_of) of the referential's EPCI names, every millésime's, and of
    its préfectures' names: the towns and areas places are named after ('Vierzon', 'Caen',
    'Saint-Omer'), which companies' and people's names seldom are ('Saint-Gobain')."""
    ref = referential.load()
    names = [n.name for e in ref.epcis.values() for n in e.names] + [d.chef_lieu_name for d in ref.departements.values()]
    return frozenset(word for name in names for word in _town_words_of(name))


TITLE_LINES = 4


def top_lines(text: str, count: int) -> list[tuple[int, int]]:
    """(start, end) of the first `count` non-empty lines, without reading the rest of the text."""
    return [(m.start(), m.end()) for m in islice(re.finditer(r"[^\n]*\S[^\n]*", text), count)]


def titled_by_the_programme(folded: str) -> bool:
    """Whether the text's first lines (its title, a rubric, a kicker) name the programme: the whole
    article is about its territories, so a bare award far from the word "territoires" is theirs
    ("Le Grand-Orly Seine Bièvre, labellisé dès 2018 …, a partagé" ten lines below). Blank lines
    do not count: a masthead of three lines, a blank line, then the title; the first paragraph
    is the head's last line (a trade paper's two-line head, then "L'État a retenu … Dunkerque,
    Fos-sur-Mer … en font partie.": "Le dispositif vient compléter Territoires d'industrie" after it
    is no title)."""
    head = []
    for line in folded.split("\n", 40)[:40]:
        if len(head) == TITLE_LINES:
            break
        if line.strip():
            head.append(line)
        if BODY_PARAGRAPH.fullmatch(line):
            break
    return bool(re.search(PREFIX, "\n".join(head)))


# A line of running text, no title: a long line closed by a full stop (folded text)
BODY_PARAGRAPH = re.compile(r".{100,}[.!?»\"]\s*")


def reads_as_a_place_name(text: str, start: int, end: int, places: list[PlaceMention], name: str | None = None) -> bool:
    """Whether a name in prose reads as a place's, not a company's or a person's: a place's
    article before it, a word of geography in it, a département's or a région's name, a town's
    (town_words), or names joined by a spaced dash; never an institution (named first) nor an
    acronym."""
    written = name or text[start:end]
    folded = fold(written)
    if INSTITUTION.match(folded) or written.isupper():
        return False
    article = re.search(r"(?:\bdu|\bau|\baux|\b(?:de\s+)?la|\bl'|\b(?:de\s+)?les?|\bdes)\s*[\"«]?\s*$",
                        fold(text[max(0, start - 10):start]))
    return bool(article) or words_of_a_place(written, start, end, places)


def words_of_a_place(written: str, start: int, end: int, places: list[PlaceMention]) -> bool:
    """Whether the words of a name are a place's, whatever article stands before it (reads_as_a_place_name
    without the article: "la Manufacture X" has one too): a place inside it, a word of geography,
    a town's word, or names joined by a spaced dash."""
    holds_place = any(start <= p.start and p.end <= end for p in places if p.kind != "country")
    return bool(holds_place or PLACE_WORD.search(fold(written))
                or bool(_town_words_of(written) & town_words()) or bool(SPACED_DASH.search(written)))


# capitalised_run's: what ends a name at once, a word of letters, a word or a run of blanks, an elision
NAME_HARD_STOP = re.compile(r"[\[\](),;:!?«»\"]|\.(?:\s|$)")
LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
WORD_OR_BLANKS = re.compile(r"\S+|\s+")
ELISION = re.compile(r"^(?:[dl]['’])")


def capitalised_run(text: str, pos: int, limit: int) -> int:
    """End of a name starting at `pos`: capitalised words joined by connectors, on one line, or
    across one line break of a wrapped paragraph (a title line ends the name: "Territoire
    d'industrie Aurillac – Figeac – Rodez" then "Plusieurs projets ..."). A year ends it
    ("INTERDEPARTEMENTAL / HAUTE-VIENNE 2019-2022"), and so does a date ("Nevers Val de Loire –
    18 décembre 2019", a dateline "Publié le 13 novembre" on the next line)."""
    hard_stop = NAME_HARD_STOP.search(text[pos:limit])
    if hard_stop:
        limit = pos + hard_stop.start()
    # a name in capitals: its first two words are ("ROCHEFORT – ROYAN", not "CAP Nord Martinique")
    first_words = [w for w in LETTER_WORD.findall(text[pos:limit]) if len(w) > 1][:2]
    in_capitals = len(first_words) == 2 and all(w.isupper() for w in first_words)
    end = pos
    for match in WORD_OR_BLANKS.finditer(text[pos:limit]):
        token = match.group(0)
        absolute_end = pos + match.end()
        if token.isspace():
            if token.count("\n") > 1:
                break
            if "\n" in token and _line_ends_a_title(text, pos + match.start(), pos + match.end()):
                break
            continue
        if (YEAR_TOKEN.match(token) or token in CONTRACT_WORDS or REDACTED.fullmatch(token)
                or _starts_a_date(text, pos + match.start())):
            break
        if token in "–—-" and (DOCUMENT_KIND_AFTER_DASH.match(text, pos + match.end(), limit)
                               or BODY_AFTER_DASH.match(text, pos + match.end(), limit)):
            break  # "Territoire d'industrie X – Protocole d'accord", "X - Conseil Régional": no part of the name
        word = token.strip("'’")
        bare = ELISION.sub("", token)
        if in_capitals and any(c.islower() for c in bare):
            break  # "COMMINGES - NESTES" then "Territoire d'industrie …": a name in capitals ends
        if bare[:1].isupper() or bare[:1].isdigit():
            end = absolute_end
        elif word.lower() in CONNECTORS or token.lower() in ("d'", "d’", "l'", "l’"):
            continue
        elif end > pos and word.lower() in NAME_TAIL_ADJECTIVES:
            end = absolute_end  # a name closed by an adjective of the data list ("X centrale")
        elif end > pos and head_and_adjective_of_place(SPACED_DASHES.split(text[pos:end])[-1] + " " + word):
            end = absolute_end  # a geographic head and its demonym ("Pays ajaccien", "Bassin annécien"),
            # one part of a dashed name too ("Epernay – Bassin sézannais – Portes de Romilly"; not
            # "le Haut Bocage vendéen", whose demonym says where the Haut Bocage lies)
        elif fold(text[pos:end]) in WORDS["compass_heads"] and is_place_adjective(word):
            end = absolute_end  # a compass word alone is named by its demonym ("l'Ouest guyanais")
        else:
            break
    return end


# "le territoire d'industrie Yonne industrielle", "du Territoire Bourgogne industrie": a name
# given after the programme's words may end with the programme's word in lower case; "l'industrie
# de demain" after a name is a phrase of its own.
BRAND_WORD = re.compile(r"[ \t]+(?:industrie|industries|industriel|industrielle)(?![\w'’-])(?![ \t]+(?:de|du|des|d['’]|et)\b)")


def brand_end(text: str, start: int, end: int) -> int:
    """`end` past the programme's word in lower case closing the name [start, end) after the
    programme's words; a région's name stays the région ("Grand Est industriel")."""
    brand = BRAND_WORD.match(text, end)
    return brand.end() if brand and name_key(text[start:end]) not in _region_keys() else end


@lru_cache(maxsize=1)
def _departement_keys() -> frozenset[str]:
    return frozenset(name_key(d.name) for d in referential.load().departements.values())


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    """Keys of the régions' official names and of the names they go by ("Région Sud", "PACA")."""
    aliases = json.loads((Path(__file__).parents[1] / "rules" / "place_aliases.json").read_text(encoding="utf-8"))
    return frozenset([name_key(r.name) for r in referential.load().regions.values()]
                     + [name_key(alias["name"]) for alias in aliases["regions"]])


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """Keys of the country's names ("France métropolitaine") and of its parts ("Outre-mer")."""
    aliases = json.loads((Path(__file__).parents[1] / "rules" / "place_aliases.json").read_text(encoding="utf-8"))
    return frozenset(name_key(name) for name in aliases["country"] + aliases["country_parts"])


def is_place_name(name: str) -> bool:
    """Whether `name` is a département's, a région's or the country's name."""
    return name_key(name) in _departement_keys() | _region_keys() | _country_keys()


def is_departement_name(name: str) -> bool:
    """Whether `name` is a département's name."""
    return name_key(name) in _departement_keys()


def is_region_name(name: str) -> bool:
    """Whether `name` is a région's name (or one it goes by)."""
    return name_key(name) in _region_keys()


def article_before_a_place(text: str, start: int, end: int, name: str | None = None) -> bool:
    """'la Somme', 'le Cantal': a département's or région's name after its article names the place
    (a territory bearing its département's name goes without one: 'Mayotte a rejoint …')."""
    return is_place_name(name or text[start:end]) and bool(re.search(r"\b(?:la|le|les|l['’])\s*$", text[max(0, start - 4):start],
                                                                    re.IGNORECASE))


# What a heading may add after the place it names: a note or a count in brackets ("Normandie
# (extrait)", "Doubs (2)"), a count of what it heads after a dash or colon ("Grand Est — 13 territoires").
HEADING_PLACE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,30}\)|[—–:-]\s*\d{1,3}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)\s*$")


def heading_place(heading: str) -> bool:
    """Whether a heading line names only a département, a région or the country, beside a note
    or a count of what it heads: the place the items under it lie in."""
    written = heading.strip(" *_#:\n\t")
    return is_place_name(written) or is_place_name(HEADING_PLACE_TAIL.sub("", written).strip(" *_"))


# A line made of départements' names, each with its code in brackets: "Loire (42)", "## Corrèze (19)",
# "HAUTES-PYRÉNÉES (65) ET PYRÉNÉES-ATLANTIQUES (64)".
CODED_PLACE = r"[^\W\d_][^()\n]{0,40}?[ \t]*\((?:\d[\dAB]|97\d)\)"
CODED_DEPARTEMENT_LINE = re.compile(r"^[ \t#*_]*" + CODED_PLACE + r"(?:[ \t]*(?:,|&|/|\b(?:et|ET)\b)[ \t]*"
                                    + CODED_PLACE + r")*[ \t*_:]*$", re.MULTILINE)
CODED_PIECE = re.compile(r"(?:[ \t]*(?:,|&|/|\b(?:et|ET)\b)[ \t]*)?([^\W\d_][^()\n]{0,40}?)[ \t]*\((\d[\dAB]|97\d)\)")


def coded_departement_headings(text: str, places: list[PlaceMention]) -> list[tuple[int, tuple[str, ...]]]:
    """(start, codes) of each line naming départements by their names and their own codes alone,
    in reading order: a page's section for one département (a préfecture de région's page going
    through its départements), or for the two a shared territory spans ("HAUTES-PYRÉNÉES (65) ET
    PYRÉNÉES-ATLANTIQUES (64)"), where what follows lies until the next such line. A code that is
    not the name's ("Loire (69)") or a town before the code ("Roanne (42)") heads nothing."""
    codes = {(p.start, p.end): p.code for p in places if p.kind == "departement"}
    found = []
    for line in CODED_DEPARTEMENT_LINE.finditer(text):
        pieces = list(CODED_PIECE.finditer(text, line.start(), line.end()))
        if pieces and all(codes.get(piece.span(1)) == piece.group(2) for piece in pieces):
            found.append((line.start(), tuple(piece.group(2) for piece in pieces)))
    return found


def named_by_its_departements(name: str) -> bool:
    """Whether `name` is made of départements' names or codes only ("Gers/Tarn & Garonne",
    "Dordogne / Haute-Vienne", "32/82"): a territory so named keeps the adjective that opens its
    official name ("Interdépartemental Gers/Tarn-et-Garonne"); before any other name
    ("le territoire interrégional Vallée de la Bresle – Vimeu") the adjective is a gloss."""
    words = name_key(name).split("-")
    reached = {0}
    for end in range(1, len(words) + 1):
        if any(start in reached and ("-".join(words[start:end]) in _departement_keys()
                                     or words[start:end] == ["et"] or re.fullmatch(r"\d[\dab]", words[start]) and end == start + 1)
               for start in range(end)):
            reached.add(end)
    return len(words) in reached and bool(words[0])


# "bassin" in lower case right before a name of its own is a common noun in apposition, not part of
# the name: "le bassin Figeac – Decazeville"; so it is before "de" and a town ("le bassin de
# Decazeville" names "Decazeville"), unless an EPCI's name holds the basin ("le bassin de
# Brive-Périgord": the CA du Bassin de Brive). "Bassin d'Alès" with its capital and "le bassin
# nazairien" (an adjective) are kept whole.
COMMON_NOUN_HEAD = re.compile(r"bassin\s+(?=[A-ZÀ-Ý])")
COMMON_NOUN_OF = re.compile(r"bassin\s+(?:de\s+|d['’]\s*)(?=[A-ZÀ-Ý])")


@lru_cache(maxsize=1)
def _basins_of_epci_names() -> frozenset[str]:
    """'bassin de brive', 'bassin d'aubenas': the basin and its first word in the referential's
    EPCI names of every millésime (folded)."""
    return frozenset(match.group(0) for epci in referential.load().epcis.values() for borne in epci.names
                     for match in re.finditer(r"\bbassin (?:de |d')\w+", fold(borne.name).replace("’", "'")))


def _common_noun_of_a_town(name: str) -> re.Match | None:
    """'bassin de ' in 'bassin de Decazeville', not in 'bassin de Brive-Périgord' (an EPCI's basin)."""
    head = COMMON_NOUN_OF.match(name)
    if head is None:
        return None
    basin = re.match(r"bassin (?:de |d')\w+", re.sub(r"\s+", " ", fold(name).replace("’", "'")).replace("d' ", "d'"))
    return None if basin and basin.group(0) in _basins_of_epci_names() else head


def make_mention(text: str, start: int, end: int, rule: str, codes=(), block_end=0, intro=None,
                 list_id=None, name: str | None = None, departement_name_ok: bool = False,
                 lone_compass: bool = False):
    """A mention of [start, end) trimmed, or None when it does not read as a territory's name.
    `name` is given when the name is not the span's text ("A / B" for a pair of EPCIs). A région's
    name is none ("Territoires d'industrie Grand Est"), unless `departement_name_ok` and it is also
    a département's (Mayotte). `lone_compass`: an item of a list announcing territories may be a
    compass word alone ("- le Sud, qui associe la CIVIS et la CASUD")."""
    start, end = trim_name(text, start, end)
    if name is None and len(text[start:end].split(None, MAX_SPAN_WORDS)) > MAX_SPAN_WORDS:
        return None  # a stretch of text, not a name: spared the work below (hostile lists run long)
    name = collapse_spaces(name or mend_line_cuts(text[start:end])).strip("*_ ")
    remark = REMARK_BRACKET.search(name)  # a remark a line cut kept from trim_name: "(TI inter-" / "régional)"
    if remark and remark.end() == len(name) and remark.start() and ITEM_REMARK.fullmatch(fold(remark.group(1)).strip()):
        name = name[:remark.start()]
    if not name or not (looks_like_name(name) or lone_compass and fold(name) in WORDS["compass_heads"]) \
            or not name_key(name):
        return None
    if name_key(name) in _region_keys() and not (departement_name_ok and name_key(name) in _departement_keys()):
        return None
    common_noun = COMMON_NOUN_HEAD.match(name) or _common_noun_of_a_town(name)
    if common_noun:
        name = name[common_noun.end():]  # "le bassin Figeac – Decazeville" is named "Figeac – Decazeville"
    if name[0].islower():
        name = name[0].upper() + name[1:]  # "le bassin nazairien" is named "Bassin nazairien"
    return TerritoryMention(start, end, name, rule, set(codes), block_end or end, intro, list_id)


OPENING_QUOTES = "«“\"‘"
CLOSING_QUOTES = {"«": "»", "“": "”", '"': '"', "‘": "’"}


def block_end(structure: Structure, text: str, position: int) -> int:
    """End of the list item, else of the paragraph (line), holding `position`."""
    held = structure.item_at(position)
    if held:
        return held[1].span.end
    line_end = text.find("\n", position)
    return len(text) if line_end < 0 else line_end


# A quoted name a PDF's line end cuts at a hyphen ("« Sud Meuse Nord Haute-" / "Marne »").
QUOTE_WRAPPED_AT_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")


def quoted_name(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) inside the quotes opening at `position`, on one line (but for a word cut at a
    hyphen at the line's end), at most 12 words."""
    closing = CLOSING_QUOTES[text[position]]
    end = text.find(closing, position + 1, position + 120)
    if end < 0 or "\n" in QUOTE_WRAPPED_AT_HYPHEN.sub("-", text[position:end]):
        return None
    return position + 1, end



# Where a name stands, written right after it: "Cayenne (Guyane )", "Saint-André à La Réunion",
# "la ville de Baie-Mahault en Guadeloupe", "X, en Ardèche et dans la Drôme" (each place with its
# preposition).
PLACE_AFTER = re.compile(r",?\s+(?:en|à|au|dans)\s+(?P<place>(?:la\s+|le\s+|les\s+|l['’]\s*)?[A-ZÀ-Ý][\w'’-]*"
                         r"(?:(?:[ -](?:de\s+|du\s+|des\s+|la\s+|et\s+)?|\s+et\s+(?:(?:en|dans)\s+)?(?:la\s+|le\s+|les\s+|l['’]\s*)?)"
                         r"[A-ZÀ-Ý][\w'’-]*)*)")


def codes_after(text: str, end: int, places: list[PlaceMention]) -> set[str]:
    """Codes of a bracket right after a name ("Haut Bocage [08 - Ardennes]", "Cayenne (Guyane)"),
    or of the département it is said to lie in ("Saint-André à La Réunion")."""
    bracket = re.match(r"[»”\"]?[ \t]*[\[(]([^\[\]()\n]{1,60})[\])]", text[end:end + 70])  # after a quoted name too
    if not bracket:
        place = PLACE_AFTER.match(text, end, min(len(text), end + 60))
        if not place:
            return set()
        return departements_bracket(text, place.start("place"), place.end("place"), places)
    if _is_codes_bracket(bracket.group(1)):
        return _codes_in(bracket.group(1))
    return departements_bracket(text, end + bracket.start(1), end + bracket.end(1), places)


# "La zone intitulée Collines de Normandie": an area's noun and a participle of naming before a
# list piece's name, optional (the name follows the participle).
AREA_ENTITLED = r"(?:(?:la|le|l['’])\s*(?:zone|territoire|secteur|bassin)\s+(?:intitul|appel|d[ée]nomm|baptis|nomm)[ée]e?s?\s+)?"


def gloss_start(text: str, start: int, end: int) -> int:
    """Where the gloss after the name starting at `start` begins ("Est du Loiret qui inclut …",
    "Vienne Condrieu, porté par …", "Saint-André à La Réunion"), else `end`."""
    segment = text[start:end]
    # a gloss opens in lower case: "Bretagne Porte de Loire" holds no "porté par"
    word = next((m for m in GLOSS_WORD.finditer(fold(segment)) if not segment[m.start():m.end()].strip()[:1].isupper()), None)
    cuts = [m.start() for m in (GLOSS_MARK.search(segment), word) if m]
    return start + min(cuts) if cuts else end


CELL_BAR = re.compile(r"[ \t]+\|[ \t]+")


def name_and_codes(text: str, start: int, end: int,
                    places: list[PlaceMention]) -> tuple[int, int, set[str]]:
    """The name at the head of a list piece, without its gloss, and the département codes the
    piece states: in brackets (codes or names) or as a trailing "32/82"."""
    piece = text[start:end]
    # "- Le Territoire d'industrie Aurillac-Figeac-Rodez regroupe …": the programme's name, with its article
    head = re.match(r"[*_\s]*(?:(?:(?:le|la|l['’])\s*)?" + PREFIX + r"\s*)?" + AREA_ENTITLED, piece, re.IGNORECASE)
    name_start = start + (head.end() if head and head.group(0).strip(" *_") else 0)
    name_end = gloss_start(text, name_start, end)
    codes: set[str] = set()
    for bracket in re.finditer(r"[\[(]([^\[\]()]{1,80})[\])]", piece):
        inner = bracket.group(1)
        if _is_a_date(inner, piece[bracket.end():]):
            continue
        lead = LEADING_CODES.match(inner)
        if _is_codes_bracket(inner):
            codes |= _codes_in(inner)
        elif lead and _codes_in(lead.group(1)):  # "(64-65, territoire interrégional avec …)"
            codes |= _codes_in(lead.group(1))
        else:
            codes |= departements_bracket(text, start + bracket.start(1), start + bracket.end(1), places)
    cell = CELL_BAR.search(text, name_start, name_end)
    if cell:  # "Caen Industrie | Calvados": a table row, the name's cell then its département's
        codes |= departements_bracket(text, cell.end(), end, places) or _codes_in(text[cell.end():end])
        name_end = cell.start()
    trailing = TRAILING_CODES.search(text[name_start:name_end])
    if trailing:
        codes |= _codes_in(trailing.group(1))
    after_dash = departements_after_dash(text, name_start, name_end, places)
    if after_dash:
        name_end, dash_codes = after_dash
        codes |= dash_codes
    comma = LAST_COMMA.match(text, name_start, name_end)
    after_comma = departements_bracket(text, comma.end(1), name_end, places) if comma else set()
    if after_comma:  # "- Auxerrois, Yonne": the département after the item's last comma
        name_end = comma.start(1)
        codes |= after_comma
    return name_start, name_end, codes


LAST_COMMA = re.compile(r".*\S(,[ \t]+)", re.DOTALL)

# "(14/12)", "(14/12/2023)": a day and a month, a year maybe; "— « …": a quoted headline after it.
DAY_MONTH = re.compile(r"\s*(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])(?P<year>\s*/\s*(?:\d{4}|\d{2}))?\s*")
QUOTED_HEADLINE_AFTER = re.compile(r"\s*[–—:-]\s*[«\"“]")


def _is_a_date(inner: str, after: str) -> bool:
    """'▶ Le Républicain lorrain (14/12) — « Le Pays-Haut … »': a press review dates each
    newspaper's article; a bracket holding a day and a month is a date, not the codes 14 and 12,
    when a year follows them or the article's quoted headline comes right after the bracket."""
    date = DAY_MONTH.fullmatch(inner)
    return date is not None and (date.group("year") is not None or QUOTED_HEADLINE_AFTER.match(after) is not None)


SPACED_DASHES = re.compile(r"[ \t]+[–—-][ \t]+")
# "Interdépartemental Gers – Tarn-et-Garonne": the adjective before a name made of départements
INTER_BEFORE_PLACES = re.compile(r"^\s*inter(?:-\s*)?(?:d[ée]partemental|r[ée]gional)e?\s+", re.IGNORECASE)


# Département codes alone, parted by dashes, slashes or commas: "974", "64-65", "32/82".
CODES_ONLY = re.compile(r"(?:2[AB]|97[1-6]|\d{2})(?:\s*[-/,]\s*(?:2[AB]|97[1-6]|\d{2}))*")


def departements_after_dash(text: str, start: int, end: int,
                             places: list[PlaceMention]) -> tuple[int, set[str]] | None:
    """'Bassin d'Alès – Gard', 'Aurillac – Figeac – Rodez – Aveyron, Lot et Cantal', 'Est Réunion –
    974': after a name's last spaced dash, only the départements it lies in (names or codes); the
    name ends at that dash and they are its codes; codes alone after it are never a part of the name. A name made of départements' names ('Interdépartemental Gers – Tarn-et-Garonne') or
    holding a région's stays whole (a département's word in another name is a river or its part:
    'Rhône Provence Industrie – Ardèche et Drôme', 'Nord Isère – Isère' end at the dash), and so
    does a one-word name before a single département ('Argonne – Ardennes' may be the name itself)."""
    dash = None
    for dash in SPACED_DASHES.finditer(text, start, end):
        pass
    if dash is None:
        return None
    tail = text[dash.end():end].strip()
    if CODES_ONLY.fullmatch(tail):  # "Est Réunion – 974", "Issoudun – 36", "Nord Loiret – 45": codes are no name's part
        return dash.start(), _codes_in(tail)
    codes = departements_bracket(text, dash.end(), end, places)
    before = [p for p in places_starting_in(places, start, dash.start()) if p.kind in ("departement", "region")]
    if not codes or any(p.kind == "region" for p in before) \
            or (before and named_by_its_departements(INTER_BEFORE_PLACES.sub("", text[start:end], count=1))):
        return None
    if len(text[start:dash.start()].split()) < 2 and len(codes) < 2:
        return None
    return dash.start(), codes


# "Territoires d'industrie" as the programme's name ("le programme « Territoires d'industrie »",
# "Territoires d'industrie conserve son approche") says nothing about what a list holds.

# The end of a sentence; a question quoted inside it ("« Comment faire ? »") does not end it.
SENTENCE_STOP = re.compile(r"[.!\n]|\?(?!\s*[»”\"])")


def asked(text: str, position: int) -> bool:
    """Whether the sentence holding `position` is a question ("La CAPA, un Territoire
    d'industrie ?"): a question asserts no label."""
    stops = _sentence_stops(text)  # SENTENCE_STOP.search(text, position), not read again from each name
    index = bisect_left(stops, (position,))
    return index < len(stops) and stops[index][1] == "?"


@lru_cache(maxsize=16)
def _sentence_stops(text: str) -> list[tuple[int, str]]:
    """Every SENTENCE_STOP (one character each, the search from any position finds one) and its character."""
    return [(m.start(), m.group(0)) for m in SENTENCE_STOP.finditer(text)]


SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")


# "… les contrats avec plusieurs territoires. Deux concernent la Charente.": a count opening a sentence,
# which an ordinal picks from (folded text)
COUNT_OPENING = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:deux|trois|quatre|cinq)\s+(?P<bare>(?:d'entre\s+eux\s+)?"
                           r"(?:concernent|sont|se\s+trouvent|se\s+situent|touchent|visent)\b)?")


def bare_count_of_territories(folded: str, position: int, reach: int) -> bool:
    """'… avec plusieurs territoires néo-aquitains. Deux concernent la Charente.': the last count
    opening a sentence within `reach` before `position`, a bare one (no noun: not "Deux entreprises
    …"), taking up the territories the sentence before it speaks of (not a title's programme)."""
    window = max(0, position - reach)
    counts = list(COUNT_OPENING.finditer(folded, window, position))
    count = counts[-1] if counts else None
    if count is None or count.group("bare") is None:
        return False
    ended = max(folded.rfind(mark, window, count.start()) for mark in ".!?\n")  # the sentence before ends there
    before = max(folded.rfind(mark, window, max(window, ended)) for mark in ".!?\n") + 1
    return re.search(r"\bterritoires\b", folded[max(window, before):count.start()]) is not None


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    # text.rfind("\n", 0, position), then text.rfind(". ", max(newline, 0), position): not read
    # back again from each name of a line of thousands
    newlines, stops = _sentence_starts(text)
    newline = newlines[count - 1] if (count := bisect_left(newlines, position)) else -1
    stop = stops[count - 1] if (count := bisect_right(stops, position - 2)) and stops[count - 1] >= max(newline, 0) else -1
    start = max(stop, newline) + 1  # a full stop is looked for after the line break only
    ends = sentence_ends(text)  # SENTENCE_END.search(text, position), not read again from each name
    index = bisect_left(ends, position)
    return start, ends[index] if index < len(ends) else len(text)


@lru_cache(maxsize=16)
def _sentence_starts(text: str) -> tuple[list[int], list[int]]:
    """Every line break and every full stop followed by a space, in order."""
    return [m.start() for m in re.finditer("\n", text)], [m.start() for m in re.finditer(r"\. ", text)]


@lru_cache(maxsize=16)
def sentence_ends(text: str) -> list[int]:
    """Every position a SENTENCE_END match starts at (a full stop's line break too), in order."""
    return [m.start() for m in re.finditer(r"(?=" + SENTENCE_END.pattern + ")", text)]


WRAPPED_LINE = 40  # a line of running text at least this long may wrap a sentence onto the next


def line_goes_on(text: str, line_start: int) -> bool:
    """Whether the line before `line_start` is a long line of running text that ends without a
    stop, so that its sentence goes on at `line_start` (a hard-wrapped paragraph)."""
    if line_start < 2 or text[line_start - 1] != "\n":
        return False
    line = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].rstrip()
    return len(line) >= WRAPPED_LINE and line[-1] not in ".!?:;»\""


def wrapped_sentence_start(text: str, sentence_start: int) -> int:
    """Where the sentence sentence_bounds starts at a line break really starts, in a hard-wrapped
    paragraph ("… la carte des 124 Territoires d'industrie. Le Nord⏎Franche-Comté y figure"): a
    line that goes on, and ends no title, holds the sentence's start after its last full stop; a
    line without one, the sentence began on a line above ("… 2023-2027. Le territoire A, porté par
    X, et le⏎territoire de B, autour de la CC⏎C, ont tous deux été confirmés")."""
    start = sentence_start
    for _ in range(MAX_WRAPPED_SENTENCE_LINES):
        if not line_goes_on(text, start) or _line_ends_a_title(text, start - 1, start):
            return start
        line_start = text.rfind("\n", 0, start - 1) + 1
        stop = text.rfind(". ", line_start, start - 1)
        if stop >= 0:
            return stop + 1
        start = line_start
    return start


# The end of a line whose sentence has ended: a stop, a colon, a closing quote.
LINE_END_STOP = re.compile(r"[.!?:;»\"”][ \t]*$")
MAX_WRAPPED_SENTENCE_LINES = 8  # lines of a narrow column one sentence runs over, at most


def wraps_onto_the_next_line(text: str, line_end: int) -> bool:
    """Whether the line break at `line_end` wraps a paragraph rather than ending a title ("Portrait :
    la chargée de mission du territoire" then "Recrutée au printemps, …")."""
    return text[line_end:line_end + 1] == "\n" and not _line_ends_a_title(text, line_end, line_end + 1)


def wrapped_sentence_end(text: str, position: int) -> int:
    """Where the sentence at `position` ends in a narrow column or a hard-wrapped paragraph, whose
    lines all end a sentence for sentence_bounds ("Le territoire⏎Sud Meuse Nord Haute-Marne, à⏎cheval
    … a lui aussi été retenu."): its lines run on while one ends without a stop and the next is
    not blank, over a bounded number of lines (a page of lines without a stop is read once per
    name, not to its end)."""
    end = sentence_bounds(text, position)[1]
    for _ in range(MAX_WRAPPED_SENTENCE_LINES):
        if end >= len(text) or text[end] != "\n" or not text[end + 1:end + 2].strip() \
                or LINE_END_STOP.search(text, text.rfind("\n", 0, end) + 1, end):
            break
        end = sentence_bounds(text, end + 1)[1]
    return end


ET_JOINT = re.compile(r"\s+et\s+")  # the joint of two coordinated names
# "Le préfet a reconduit pour la période 2023-2027 les territoires A et B": an award verb in the
# active voice, a complement at most, then the plural object "les (deux) territoires" (folded
# text, up to the noun): the names after it are territories, each one of them.
AWARDED_PLURAL_OBJECT = re.compile(r"\b(?:a|ont|avait|avaient|vient\s+d'|viennent\s+d')\s*(?:labellise|labelise|retenu"
                                   r"|selectionne|designe|reconduit|renouvele|confirme)\s+(?:(?:pour|sur|dans|en|a)\s"
                                   r"[^.;:,()\n]{0,40}?\s)?les\s+(?:(?:\d{1,2}|" + "|".join(COUNT_WORDS)
                                   + r")\s+)?(?=territoires\b)")
# not the programme's act ("Phase 2 des Territoires d'industrie :", "la saison 2 des …")
STATED_COUNT = re.compile(r"(?<!\bphase\s)(?<!\bacte\s)(?<!\bsaison\s)\b(\d{1,3}|" + "|".join(COUNT_WORDS)
                          + r")\s+(?:\w+\s+)?$", re.IGNORECASE)


def awarded_plural_object_at(text: str, position: int) -> bool:
    """Whether the plural noun of territories at `position` is the object AWARDED_PLURAL_OBJECT reads."""
    start = max(0, position - 120)
    folded = fold(text[start:position + len("territoires")])
    return any(m.end() == position - start for m in AWARDED_PLURAL_OBJECT.finditer(folded))


def split_inline_list(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Item spans of 'A ; B ; C' (separator ';') or 'A, B et C' (separator ', ' / ' et ')."""
    spans, pos = [], start
    for sep in re.finditer(separator, text[start:end]):
        spans.append((pos, start + sep.start()))
        pos = start + sep.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def stated_count(text: str, intro_start: int) -> int | None:
    """'2 autres Territoires d'industrie :' -> 2; the size the intro announces, if any."""
    match = STATED_COUNT.search(text[max(0, intro_start - 30):intro_start])
    if not match:
        return None
    word = match.group(1).lower()
    return count_value(word)



# The longest sentence `sentence_before` gives (the sets' longest is ~1,200 characters): each colon
# of a line of 1,000 "X : A et B" read its sentence from the line's start (28 s, quadratic).
SENTENCE_REACH = 2_000
STOP_THEN_BLANKS = re.compile(r"[.!?]\s+")
BLANKS = re.compile(r"\s+")


def sentence_before(text: str, position: int) -> tuple[int, str]:
    """(start, text) of the sentence ending at `position` (within its line): of a longer one, its
    last SENTENCE_REACH characters from a word's start, so that reading it for each colon or
    mention of a line stays linear."""
    reach = max(0, position - SENTENCE_REACH)
    newline = text.rfind("\n", max(0, reach - 1), position)
    if newline >= 0 or reach == 0:
        start = newline + 1
    else:  # a line longer than the reach: from its first word there
        blank = BLANKS.search(text, reach, position)
        start = blank.end() if blank else reach
    start = max((m.end() for m in STOP_THEN_BLANKS.finditer(text, start, position)), default=start)
    return start, text[start:position]




def demonyms_at(folded: str, position: int, limit: int) -> list[tuple[int, str]]:
    """(end, département) of each demonym written at `position` (rules/demonyms.json); an overseas
    région of one département ("guyanais": its area is the région 03) gives that département."""
    if not figure_scope.demonym_may_start(folded, position, limit):
        return []
    overseas = {region: departement for departement, region in figure_scope._single_departement_regions().items()}
    return [(match.end(), area.code if area.kind == "departement" else overseas[area.code])
            for pattern, area in figure_scope._demonyms()
            if (area.kind == "departement" or area.code in overseas) and (match := pattern.match(folded, position, limit))]


# "ardéchois et drômois", "ardéchoises, drômoises et iséroises": demonyms coordinated after one noun.
DEMONYM_JOINT = re.compile(r"\s*,\s*|\s+et\s+")


def demonym_run(folded: str, position: int, limit: int) -> tuple[set[str], int]:
    """Départements of the demonyms coordinated from `position` ("intercommunalités ardéchoises
    et drômoises": 07 and 26; the first alone when no other follows it), and where the run ends
    (`position` when none is written there)."""
    codes: set[str] = set()
    end = position
    while found := demonyms_at(folded, position, limit):
        codes |= {code for _end, code in found}
        end = max(stop for stop, _code in found)
        joint = DEMONYM_JOINT.match(folded, end, limit)
        if not joint:
            break
        position = joint.end()
    return codes, end


DEMONYM_FORM_SYNTAX = re.compile(r"\(\?:|[()?|]|\\s\*")  # what the forms add to their letters: groups, options, blanks


@lru_cache(maxsize=1)
def demonym_stop() -> re.Pattern:
    """A character no step of `demonym_run` takes (not a blank, emphasis, a comma, nor a letter,
    hyphen or apostrophe of a demonym's forms): its patterns read their text in order, one
    character past what they take at most, so a run from a position reads nothing past the first
    such character after it."""
    taken = {character for forms, _area in figure_scope._demonym_alternations()
             for character in DEMONYM_FORM_SYNTAX.sub("", forms)}
    return re.compile("[^\\s" + re.escape("".join(sorted(taken)) + figure_scope.DEMONYM_LEAD_CHARS + ",") + "]")


class DemonymRuns:
    """`demonym_run(folded, position, limit)` for the nouns of a sentence read again for each name
    after them (a page saved on one line: 500 names, 250,000 runs), read once for a position when
    a character the run cannot take lies between it and the limit: the limit then changes nothing."""

    def __init__(self, folded: str):
        self.folded = folded
        self._stops = [match.start() for match in demonym_stop().finditer(folded)]
        self._runs: dict[int, tuple[set[str], int]] = {}

    def run(self, position: int, limit: int) -> tuple[set[str], int]:
        index = bisect_left(self._stops, position)
        if index == len(self._stops) or self._stops[index] >= limit:
            return demonym_run(self.folded, position, limit)
        if position not in self._runs:
            self._runs[position] = demonym_run(self.folded, position, len(self.folded))
        return self._runs[position]


# "Les cinq territoires mayennais sont :", "les territoires d'industrie isérois :": the demonym
# right after a noun of territories (folded).
TERRITORIES_THEN_DEMONYM = re.compile(r"\bterritoires(?:\s+d'\s*industrie)?\s+")


def territories_demonym(folded: str) -> set[str]:
    """The one département whose demonym an intro gives its territories, where they all lie; two
    demonyms ("les territoires ardéchois et drômois :") place none, each item lying in one."""
    for noun in TERRITORIES_THEN_DEMONYM.finditer(folded):
        codes = demonym_run(folded, noun.end(), len(folded))[0]
        if codes:
            return codes if len(codes) == 1 else set()
    return set()
