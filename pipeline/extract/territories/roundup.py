"""Territories a round-up gives département by département, in prose (territory.roundup): after
a sentence counting them ("La région en place six."), one paragraph of clauses, each a département
then its names, separated by ";" or full stops: "Dans le Loiret, A et B, … ; dans l'Indre, C et
son pôle … ; enfin dans le Loir-et-Cher, la vallée du D et la vallée du E, …".

A paragraph opening "Dans le X," names the places of any story, so each clause must be verbless
after its names, the paragraph right before must end on a count with territories in its last two
sentences, and the names must add up to that count, unless the clauses are three or more and
every name is capitalised: a departmental round-up of towns in other prose does none of this."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention, places_starting_in
from pipeline.extract.structure import count_value, COUNT_WORDS, Structure
from pipeline.extract.territories.common import ET_JOINT, PREFIX, WORDS, TerritoryMention, capitalised_run, make_mention
from pipeline.normalize import fold

RULE = "territory.roundup"
# A clause's opening: a connective at most, then "dans le X," / "en X," (X a département, read
# from the places found); the names follow the comma.
CLAUSE_OPENING = re.compile(r"(?:(?:enfin|puis|et|ensuite|quant\s+a)\s+)?(?:dans\s+(?:le|la|les|l')\s*|en\s+)", re.I)
# A name written after its article and a lower-case word of geography: "la vallée du Loir".
GEOGRAPHIC_NAME = re.compile(r"(?:le|la|les|l')\s*(?P<head>(?:" + "|".join(WORDS["geographic_heads"]) + r")\s+"
                             r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?)(?=[a-z])")
NAME_ARTICLE = re.compile(r"(?:le|la|les|l['’])\s*(?=[A-ZÀ-Ý])")  # "le Pays de X": the name after it
NAME_JOINT = re.compile(r"\s*,\s*|\s+et\s+")
COUNT = re.compile(r"\b(\d{1,2})\b|\b(" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r")\b")
# After its names a clause is verbless: it ends, or goes on after a comma or with "et son / sa / ses …".
CLAUSE_TAIL = re.compile(r"\s*(?:[,;.]|$|et\s+(?:son|sa|ses|leur|leurs)\b)")
MAX_COUNT = 30
MIN_CLAUSES = 2
MIN_CAPITALISED_CLAUSES = 3  # without a count to meet, this many clauses, every name capitalised


def roundup_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    for previous, block in zip(structure.blocks, structure.blocks[1:]):
        if previous.kind != "paragraph" or block.kind != "paragraph":
            continue
        clauses = _clauses(text, folded, block.span.start, block.span.end, places)
        if len(clauses) < MIN_CLAUSES:
            continue
        mentions = [m for code, clause_names in clauses for start, end, _ in clause_names
                    for m in [make_mention(text, start, end, RULE, {code}, block.span.end)] if m]
        names = [name for _, clause_names in clauses for name in clause_names]
        if len(mentions) != len(names):
            continue
        count = _stated_count(folded, previous.span.start, previous.span.end)
        capitalised = len(clauses) >= MIN_CAPITALISED_CLAUSES and all(not lower_head for *_, lower_head in names)
        if count is not None and (count == len(names) or capitalised):
            found.extend(mentions)
    return found


def _clauses(text: str, folded: str, start: int, end: int,
             places: list[PlaceMention]) -> list[tuple[str, list[tuple[int, int, bool]]]]:
    """(département code, names) of each clause the paragraph is made of, from its start; none
    when a clause of it reads otherwise."""
    clauses = []
    for piece in re.finditer(r"[^;.]+(?:[;.]|$)", text[start:end]):
        piece_start = start + piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip())
        piece_end = start + piece.end()
        if piece_start >= piece_end - 1:
            continue
        clause = _clause(text, folded, piece_start, piece_end, places)
        if clause is None:
            return []
        clauses.append(clause)
    return clauses


def _clause(text: str, folded: str, start: int, end: int,
            places: list[PlaceMention]) -> tuple[str, list[tuple[int, int, bool]]] | None:
    opening = CLAUSE_OPENING.match(folded, start, end)
    if not opening:
        return None
    place = next((p for p in places_starting_in(places, opening.end(), opening.end() + 1)
                  if p.kind == "departement" and not p.office), None)
    comma = re.compile(r"\s*,\s*").match(text, place.end) if place else None
    if not comma:
        return None
    names, position = [], comma.end()
    while position < end:
        geographic = GEOGRAPHIC_NAME.match(folded, position, end)  # folded: lower case, no accents
        article = NAME_ARTICLE.match(text, position, end)
        capital = geographic.end() if geographic else article.end() if article else position
        name_end = capitalised_run(text, capital, end)
        if name_end == capital or not text[capital].isupper():
            break
        cut = geographic.start("head") if geographic else capital
        # "A et B" is two names here, the clause coordinating them ("Seine et Aube" then counts two, and misses)
        for joint in ET_JOINT.finditer(text, cut, name_end):
            names.append((cut, joint.start(), bool(geographic)))
            cut = joint.end()
        names.append((cut, name_end, bool(geographic)))
        joint = NAME_JOINT.match(text, name_end, end)
        if not joint:
            break
        position = joint.end()
    if not names or not CLAUSE_TAIL.match(folded, names[-1][1], end):
        return None  # "Dans le Calvados, Caen accueillera …": a sentence about the town
    return place.code, names


def _stated_count(folded: str, start: int, end: int) -> int | None:
    """The one count (up to MAX_COUNT) the paragraph's last sentence states, when it or the
    sentence before speaks of territories ("… 124 « territoires d'industrie ». La région en place six.")."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", folded[start:end].strip()) if s]
    if not sentences or not re.search(r"\bterritoires?\b", " ".join(sentences[-2:])):
        return None
    counts = [count_value(m.group(1) or m.group(2)) for m in COUNT.finditer(sentences[-1])]
    return counts[0] if len(counts) == 1 and 0 < counts[0] <= MAX_COUNT else None
