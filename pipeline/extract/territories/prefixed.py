"""territory.prefixed_name: the name after the programme's words ("Territoire d'industrie de
l'Ouest Rural regroupant ...", 'le Territoire d'industrie "Baie de Somme Ponthieu-Marquenterre
industrie"', "le TI Sud Vosges")."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import Structure
from pipeline.extract.territories.common import (ARTICLE, OPENING_QUOTES, PREFIX, TerritoryMention,
                                                 block_end, capitalised_run, codes_after, make_mention,
                                                 quoted_name)

def prefixed_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    found = []
    prefix = r"(?:" + PREFIX + r"|(?-i:\bTI\b))"  # "le TI Sud Vosges": the usual abbreviation
    for match in re.finditer(prefix + r"[ \t]+(" + ARTICLE + r")?", text,
                             re.IGNORECASE):
        pos = match.end()
        if pos >= len(text):
            continue
        if text[pos] in OPENING_QUOTES:
            quoted = quoted_name(text, pos)
            if not quoted:
                continue
            pos, end = quoted
        elif text[pos].isupper():
            end = capitalised_run(text, pos, min(len(text), pos + 200))
        else:
            continue
        if end <= pos:
            continue
        codes = codes_after(text, end, places)
        mention = make_mention(text, pos, end, "territory.prefixed_name", codes,
                           block_end(structure, text, pos))
        if mention:
            found.append(mention)
    return found


