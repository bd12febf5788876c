"""Territoires d'industrie named in a communiqué.

Each rule below finds one way communiqués name territories; its id goes into the `rule` column:

- territory.list_item_codes  a list line ending with département codes:
                             "• Territoire d'Industrie Haut Bocage [08 - Ardennes]", "- Figeac (46)"
- territory.prefixed_name    "Territoire d'industrie de l'Ouest Rural regroupant ..."
- territory.colon_list       names after "territoires suivants :", separated by ";" (or "," / "et")
- territory.bullet_list      bullet items under an intro naming territories ("Il s'agit des territoires
                             de :"), or any bullet item followed by its member list "(regroupant ...)"
- territory.signatories      proper names coordinated as the subject of signing a protocol or
                             contract: "Sud-Alsace et Bazancourt-Pomacle ayant déjà signé leur protocole"

Names come from the text's structure, never from a list of known territories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline import referential
from pipeline.extract.places import PlaceMention
from pipeline.extract.members import MEMBER_TRIGGER
from pipeline.normalize import collapse_spaces, name_key

BULLET = r"(?:[•▪◦●■□➢►\-\*–—]|\d{1,2}[.)]|[\uf000-\uf0ff])"
PREFIX = r"territoires?\s+d['’]\s*industrie"
ARTICLE = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|l['’]\s*|la\s+|le\s+|les\s+)"
# Words that may sit inside a name between capitalised words ("Val de Loire Sud", "Seine et Aube").
CONNECTORS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "sur", "en", "sous", "lès",
              "aux", "au", "à", "-", "–", "—", "/"}
MAX_NAME_WORDS = 12
# An item that starts like a sentence is not a name ("Un soutien en ingénierie").
SENTENCE_STARTS = {"un", "une", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous", "on",
                   "pour", "avec", "dans", "par", "afin", "lever", "faire", "mobiliser", "accélérer"}

CODES_BRACKET = re.compile(r"[\[(]\s*((?:TI\s+)?[^\[\]()\n]{1,60}?)\s*[\])]")
DEPARTEMENT_CODE = re.compile(r"(?<![\w])(2[AB]|97[1-6]|\d{2})(?![\w])")
LIST_INTRO = re.compile(
    r"(?:territoires?|lauréats?)\b[^\n:]{0,60}:\s*$|il\s+s['’]agit\s+(?:des\s+territoires\s+)?(?:de|des|du)?\s*:\s*$",
    re.IGNORECASE)
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

    @property
    def territory_id(self) -> str:
        return name_key(self.name)


def _bullet_items(text: str) -> list[tuple[int, int, int]]:
    """(item_start, content_start, item_end) of every list item; an item ends at the next item
    or at a blank line."""
    starts = [(m.start(), m.end()) for m in
              re.finditer(r"(?m)^[ \t]*" + BULLET + r"[ \t]+(?=\S)", text)]
    items = []
    for i, (start, content) in enumerate(starts):
        limit = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        blank = re.search(r"\n[ \t]*\n", text[content:limit])
        end = content + blank.start() if blank else limit
        items.append((start, content, end))
    return items


def _codes_in(bracket: str) -> set[str]:
    known = referential.load().departements
    return {c for c in DEPARTEMENT_CODE.findall(bracket) if c in known}


def _is_codes_bracket(inner: str) -> bool:
    """'[10 – Aube / 51 - Marne]', '(11-31-81)', '(TI interrégional/64-65)': codes, not prose."""
    if not _codes_in(inner):
        return False
    words = re.findall(r"[^\W\d_]{4,}", inner)
    allowed = {w.lower() for w in ("interrégional", "interregional", "interdépartemental")}
    dep_names = " ".join(d.name.lower() for d in referential.load().departements.values())
    return all(w.lower() in allowed or w.lower() in dep_names for w in words)


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
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    first = words[0]
    if first.lower().strip("'’") in SENTENCE_STARTS:
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


def _mention(text: str, start: int, end: int, rule: str, codes=(), block_end=0, intro=None):
    start, end = _trim_name(text, start, end)
    name = collapse_spaces(text[start:end]).strip("*_ ")
    if not name or not _looks_like_name(name) or not name_key(name):
        return None
    if name_key(name) in _region_keys():  # "Territoires d'industrie Grand Est": a région
        return None
    return TerritoryMention(start, end, name, rule, set(codes), block_end or end, intro)


def _list_items_with_codes(text: str) -> list[TerritoryMention]:
    found = []
    for line in re.finditer(r"(?m)^.*$", text):
        line_text = line.group(0)
        bracket = None
        for b in CODES_BRACKET.finditer(line_text):
            if _is_codes_bracket(b.group(1)):
                bracket = b
                break
        if not bracket:
            continue
        head = re.match(r"[ \t]*(?:" + BULLET + r"[ \t]+)?(?:[*_]*" + PREFIX + r"\s*)?", line_text,
                        re.IGNORECASE)
        start = line.start() + head.end()
        end = line.start() + bracket.start()
        if end - start < 2:
            continue
        # "Territoire d'industrie" must start the item, or the line must be a list item.
        if not head.group(0).strip():
            continue
        mention = _mention(text, start, end, "territory.list_item_codes", _codes_in(bracket.group(1)),
                           line.end())
        if mention:
            found.append(mention)
    return found


def _prefixed_names(text: str) -> list[TerritoryMention]:
    found = []
    prefix = r"(?:" + PREFIX + r"|(?-i:\bTI\b))"  # "le TI Sud Vosges": the usual abbreviation
    for match in re.finditer(prefix + r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:«\s*)?(" + ARTICLE + r")?", text,
                             re.IGNORECASE):
        pos = match.end()
        if pos >= len(text) or not (text[pos].isupper()):
            continue
        end = _capitalised_run(text, pos, min(len(text), pos + 200))
        if end <= pos:
            continue
        block = re.search(r"\n[ \t]*\n|\n[ \t]*" + BULLET + r"[ \t]", text[end:])
        block_end = end + block.start() if block else len(text)
        mention = _mention(text, pos, end, "territory.prefixed_name", (), block_end)
        if mention:
            found.append(mention)
    return found


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
        return by_comma if len(by_comma) == stated else by_semicolon
    # No count to check against: "A, B et C" is three names when every part reads as one.
    parts = _split_inline_list(text, start, first_item_end, r",\s+|\s+et\s+")
    if len(by_semicolon) <= 1 and len(by_comma) == len(parts) > 1:
        return by_comma
    return by_semicolon


def _colon_lists(text: str) -> list[TerritoryMention]:
    found = []
    intros = {m.end(): m for m in [*COLON_LIST_INTRO.finditer(text), *COLON_LIST_INTRO_BARE.finditer(text)]}
    for intro in intros.values():
        start = intro.end()
        rest = text[start:]
        if re.match(r"[ \t]*\n", rest):
            continue  # nothing on the intro's line: a title, or a bullet list (bullet rule)
        stop = re.search(r"\.(?=\s|$)|\n\s*" + BULLET + r"[ \t]", rest)
        end = start + (stop.start() if stop else len(rest))
        found.extend(_colon_list_items(text, start, end, _stated_count(text, intro.start()),
                                       intro.start()))
    return found


def _bullet_lists(text: str) -> list[TerritoryMention]:
    found = []
    items = _bullet_items(text)
    for item_start, content, item_end in items:
        body = text[content:item_end]
        members = re.match(r"[^()\[\]\n]{2,120}?\(\s*" + MEMBER_TRIGGER, body, re.IGNORECASE)
        line_start = text.rfind("\n", 0, item_start) + 1
        intro_start = _intro_before(text, item_start, items)
        if not (members or intro_start is not None):
            continue
        stop = re.search(r"[(\[]|\n|$", body)
        name_end = content + stop.start()
        if re.match(r"[*_]*" + PREFIX, body, re.IGNORECASE):
            continue  # "Territoire d'industrie X": the prefixed rule reads it
        mention = _mention(text, content, name_end, "territory.bullet_list", (), item_end)
        if mention and line_start <= mention.start:
            found.append(mention)
    return found


def _intro_before(text: str, item_start: int, items: list[tuple[int, int, int]]) -> int | None:
    """Start of the line introducing the list holding this item, when it announces territories."""
    first = item_start
    for start, _content, end in reversed([i for i in items if i[0] <= item_start]):
        gap = text[end:first] if end <= first else ""
        if start != item_start and gap.strip():
            break
        first = start
    intro_end = first
    intro_start = text.rfind("\n", 0, max(0, intro_end - 1))
    while intro_start > 0 and not text[intro_start + 1:intro_end].strip():
        intro_start = text.rfind("\n", 0, intro_start)
    intro = text[intro_start + 1:intro_end].strip()
    return intro_start + 1 if LIST_INTRO.search(intro) else None


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


def _bullet_list_spans(text: str) -> list[tuple[int, int, int]]:
    """(intro start, first item start, last item end) of each bullet list: consecutive items
    separated by nothing but blank lines, introduced by the line before the first one."""
    spans: list[list[int]] = []
    for item_start, _content, item_end in _bullet_items(text):
        if spans and not text[spans[-1][2]:item_start].strip():
            spans[-1][2] = item_end
        else:
            spans.append([item_start, item_start, item_end])
    for span in spans:
        line_end = len(text[:span[1]].rstrip())
        span[0] = text.rfind("\n", 0, line_end) + 1
    return [tuple(span) for span in spans]


def find_territories(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """Territory mentions in reading order; overlapping mentions keep the earliest rule's match."""
    candidates = (_list_items_with_codes(text) + _prefixed_names(text) + _bullet_lists(text)
                  + _colon_lists(text) + _signatories(text))
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TerritoryMention] = []
    for mention in candidates:
        overlap = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
        if overlap:
            overlap.departement_codes |= mention.departement_codes
            continue
        kept.append(mention)
    lists = _bullet_list_spans(text)
    for mention in kept:
        if mention.intro is None:
            mention.intro = next(((intro, first) for intro, first, last in lists
                                  if first <= mention.start < last), None)
        mention.departement_codes |= {p.code for p in places
                                      if p.kind == "departement" and mention.start <= p.start
                                      and p.end <= mention.end}
    return kept
