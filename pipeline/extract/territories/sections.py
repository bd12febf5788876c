"""Territories a text gives one section each (territory.section_heading): a paragraph ending on a
sentence that counts them ("Zoom sur quatre d'entre eux.", "Voici trois territoires lauréats :"),
then as many headings at least, each over its paragraphs and opening on a territory's name, alone
or before a colon or a spaced dash ("Grand Dole : la chimie en tête", "Le Haut-Jura – plasturgie").
Each of the first headings the count takes must give a name (a page's "Contact" may follow): a run
of headings of any other kind (themes, dates, places) gives none. A section holds what it says of its
territory, to the next heading (block_end). The count is a figure, no stated count: "N d'entre eux"
sizes a part of what the sentence before counts (tests/gold/README.md), as over a numbered list."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import COUNT_WORDS, Block, Structure
from pipeline.extract.territories.common import (INSTITUTION, PREFIX, TerritoryMention, capitalised_run, codes_after,
                                                 is_place_name, make_mention)
from pipeline.normalize import fold

RULE = "territory.section_heading"
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?:]+|$)")
# "quatre d'entre eux" (what the sentences before count), or "trois territoires" counted. What
# follows the count is looked ahead, not taken: "la labellisation de deux territoires" tries "de"
# then "deux".
COUNTED = re.compile(r"(?<![\w'])(?P<count>\d{1,2}|[a-z-]+)(?=\s+(?:d['’]\s*entre\s+(?:eux|elles)\b"
                     r"|(?:\w+\s+)?(?:territoires|laureats)\b))")
ARTICLE = re.compile(r"(?:L[ea]s?\s+|L['’]\s*)(?=[A-ZÀ-Ý])")
# What closes a heading's name: a colon, a spaced dash, the heading's end, or a bracket ending it
# ("Fougères (Ille-et-Vilaine)": its départements).
NAME_CLOSE = re.compile(r"[ \t]*(?::|[ \t][–—-][ \t])|[ \t]*(?:\([^()\n]{1,40}\))?[ \t*_]*$")
MAX_SECTION_NAME_WORDS = 6


def section_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    blocks = structure.blocks
    for index, block in enumerate(blocks[:-1]):
        if block.kind != "paragraph" or blocks[index + 1].kind != "heading":
            continue
        count = _count_closing(folded, block.span.start, block.span.end)
        if count is None:
            continue
        sections = _sections(blocks, index + 1, count)
        if len(sections) < count:
            continue
        mentions = [_name(text, heading, section_end, places) for heading, section_end in sections[:count]]
        if all(mentions):
            found.extend(mentions)
    return found


def _count_closing(folded: str, start: int, end: int) -> int | None:
    """The count of territories the paragraph's last sentence gives, when the paragraph speaks of
    territories ("La région compte dix Territoires d'industrie. Zoom sur quatre d'entre eux.")."""
    if "territoire" not in folded[start:end]:
        return None
    sentences = [m for m in SENTENCE.finditer(folded, start, end) if m.group(0).strip()]
    if not sentences:
        return None
    counts = [int(word) if word.isdigit() else COUNT_WORDS.get(word)
              for word in (m.group("count") for m in COUNTED.finditer(sentences[-1].group(0)))]
    counts = [count for count in counts if count]  # "parmi les lauréats" counts nothing
    return counts[0] if len(counts) == 1 and counts[0] >= 2 else None


def _sections(blocks: list[Block], index: int, count: int) -> list[tuple[Block, int]]:
    """(heading, end of its section) of the first `count` headings in a row from `index`, each over
    one paragraph or more (no further: a page of such counts would read its headings again each)."""
    sections = []
    while len(sections) < count and index + 1 < len(blocks) and blocks[index].kind == "heading" \
            and blocks[index + 1].kind == "paragraph":
        following = index + 1
        while following < len(blocks) and blocks[following].kind == "paragraph":
            following += 1
        sections.append((blocks[index], blocks[following - 1].span.end))
        index = following
    return sections


def _name(text: str, heading: Block, section_end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    start, end = heading.span.start, heading.span.end
    while start < end and text[start] in " \t#*_":
        start += 1
    article = ARTICLE.match(text, start, end)
    name_start = article.end() if article else start
    name_end = capitalised_run(text, name_start, end)
    if name_end == name_start or not NAME_CLOSE.match(text, name_end, end):
        return None
    name = text[name_start:name_end]
    if len(name.split()) > MAX_SECTION_NAME_WORDS or is_place_name(name) or INSTITUTION.match(fold(name)):
        return None  # "Jura : …" heads a département's section, "Région : …" an institution's
    return make_mention(text, name_start, name_end, RULE, codes_after(text, name_end, places), section_end)
