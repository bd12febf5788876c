"""Territories a text gives one section each (territory.section_heading): a paragraph ending on a
sentence that counts them ("Zoom sur quatre d'entre eux.", "Voici trois territoires lauréats :"),
then as many headings at least, each over its paragraphs and opening on a territory's name, alone
or before a colon or a spaced dash ("Grand Dole : la chimie en tête", "Le Haut-Jura – plasturgie"),
or after a kicker's colon ("Le renouvellement : Aurillac Figeac Rodez"). A sentence announcing them
without a count ("tour d'horizon de quelques-uns de ces nouveaux venus") takes the headings in a row.
A heading whose kicker says the award ("Reconduit : X", "Première labellisation — Y") needs no count.
Each of the first headings the count takes must give a name (a page's "Contact" may follow): a run
of headings of any other kind (themes, dates, places) gives none. A section holds what it says of its
territory, to the next heading (block_end). The count is a figure, no stated count: "N d'entre eux"
sizes a part of what the sentence before counts (tests/gold/README.md), as over a numbered list."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import count_value, COUNT_WORDS, Block, Structure
from pipeline.extract.territories.common import (HEAD_ARTICLE, INSTITUTION, PREFIX, WORDS, TerritoryMention, capitalised_run,
                                                 codes_after, is_place_adjective, is_place_name, is_region_name,
                                                 make_mention)
from pipeline.normalize import fold

RULE = "territory.section_heading"
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?:]+|$)")
# "quatre d'entre eux" (what the sentences before count), "trois territoires", "deux exemples"
# counted; what follows the count is looked ahead, not taken ("de deux territoires": "deux")
COUNTED = re.compile(r"(?<![\w'])(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")(?=\s+(?:"
                     + WORDS["section_counted"] + "))")
# "tour d'horizon de quelques-uns de ces nouveaux venus": as many as the headings in a row give
UNCOUNTED = re.compile(WORDS["section_uncounted"])
# what the announcing block speaks of: territories, or the programme ("… du programme")
TOPIC = re.compile(WORDS["section_topic"])
# a line that is no sentence ("Publié le 20/11/2023", "*Communiqué – Lille, le 28 novembre 2019*")
# between a title counting the territories and their headings
NO_SENTENCE = re.compile(r"[^.!?\n]*")
# "2. TROIS TERRITOIRES À LA LOUPE": a numbered chapter's title, the last line of a list block
CHAPTER_TITLE = re.compile(r"[ \t#*_]*\d{1,2}[.)][ \t]+[^.!?:\n]+")
# "Compétences", "Foncier", "Transition écologique": a theme's heading, no territory's
THEME = re.compile(r"(?:" + "|".join(WORDS["section_themes"]) + r")\b")
# "Le renouvellement : Aurillac Figeac Rodez": a kicker in lower case, the name after its colon
KICKER = re.compile(r"(?:L[ea]s?\s+|L['’]\s*)?[a-zà-ÿ][\w'’-]*(?:[ \t]+[a-zà-ÿ][\w'’-]*){0,2}[ \t]*:[ \t]*(?=[A-ZÀ-Ý])")
# "Reconduit : Castres-Mazamet", "Première labellisation — Mont des Avaloirs": a kicker saying the
# award (folded text), the name after it
AWARD_KICKER = re.compile(WORDS["section_award_kicker"] + r"(?=[a-z])")
# What closes a heading's name: a colon, a spaced dash, the heading's end, or a bracket ending it
# ("Fougères (Ille-et-Vilaine)": its départements).
NAME_CLOSE = re.compile(r"[ \t]*(?::|[ \t][–—-][ \t])|[ \t]*(?:\([^()\n]{1,40}\))?[ \t*_]*$")
MAX_SECTION_NAME_WORDS = 6
# "Bresse bourguignonne", "Déodatie – Ouest vosgien": a heading's name may end on a demonym in lower case
TAIL_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
WORD = re.compile(r"[^\s–—-]\S*")  # the dashes of "Rochefort – Royan – Marennes – Oléron" are no words
# headings an uncounted announcement takes: two at least (one alone may be any section's), a
# dozen at most (a page of announcements would read its headings again each)
MIN_UNCOUNTED, MAX_UNCOUNTED = 2, 12


def section_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    blocks = structure.blocks
    for index, block in enumerate(blocks[:-1]):
        if blocks[index + 1].kind != "heading":
            continue
        for count, closing in _announced_counts(text, folded, blocks, index):
            # the first sentence's count ("… les contrats de deux Territoires d'industrie, qui …. La
            # Nouvelle-Aquitaine en compte 14.") holds only when exactly that many sections follow;
            # an announcement without a count (0) takes the headings in a row
            sections = _sections(blocks, index + 1, (count if closing else count + 1) if count else MAX_UNCOUNTED)
            if len(sections) < (count or MIN_UNCOUNTED) or not closing and len(sections) > count:
                continue
            mentions = [_name(text, heading, section_end, places, place_named=bool(count))
                        for heading, section_end in sections[:count or None]]
            if all(mentions) and (count or all(_placed_or_a_territory(folded, mention) for mention in mentions)) \
                    and not all(is_place_name(mention.name) for mention in mentions):
                found.extend(mentions)
                break
    return found + _award_kicker_names(text, folded, blocks, places, {m.start for m in found})


def _award_kicker_names(text: str, folded: str, blocks: list[Block], places: list[PlaceMention],
                        taken: set[int]) -> list[TerritoryMention]:
    """"Reconduit : Castres-Mazamet", "Première labellisation — Mont des Avaloirs" over a paragraph:
    a heading whose kicker says the award names the territory after it, no count announcing it."""
    found = []
    for index, block in enumerate(blocks[:-1]):
        if block.kind != "heading" or blocks[index + 1].kind != "paragraph":
            continue
        start = block.span.start + len(text[block.span.start:block.span.end]) \
            - len(text[block.span.start:block.span.end].lstrip(" \t#*_"))
        if not AWARD_KICKER.match(folded, start, block.span.end):
            continue
        mention = _name(text, block, _sections(blocks, index, 1)[0][1], places)
        if mention is not None and mention.start not in taken:
            found.append(mention)
    return found


def _announced_counts(text: str, folded: str, blocks: list[Block], index: int) -> list[tuple[int, bool]]:
    """The counts announcing the headings after blocks[index]: that paragraph's, or a title's right
    over them ("## Territoires d'industrie : deux contrats signés" then "## Dunkerquois"); when it
    counts nothing and is a line that is no sentence, a dateline, the title's over it
    ("<h1>… : deux territoires labellisés</h1><p>Publié le 20/11/2023</p><h2>Luberon</h2>")."""
    block = blocks[index]
    if block.kind == "list":  # "1. LE PROGRAMME" / … / "2. TROIS TERRITOIRES À LA LOUPE": a chapter's numbered title
        line_start = text.rfind("\n", block.span.start, block.span.end) + 1
        return _counts(folded, line_start, block.span.end) \
            if CHAPTER_TITLE.fullmatch(text, line_start, block.span.end) else []
    if block.kind not in ("heading", "paragraph"):
        return []
    counts = _counts(folded, block.span.start, block.span.end)
    if not counts and index > 0 and blocks[index - 1].kind == "heading" \
            and NO_SENTENCE.fullmatch(text, block.span.start, block.span.end):
        return _counts(folded, blocks[index - 1].span.start, blocks[index - 1].span.end)
    return counts


def _placed_or_a_territory(folded: str, mention: TerritoryMention) -> bool:
    """Whether an uncounted section's heading is a territory's: its départements in brackets
    ("Cœur de Maine (Mayenne, Sarthe)"), or its section speaks of a territory ("ce territoire de
    moyenne montagne"); not a theme's ("Foncier" over a paragraph about vacant plots)."""
    return bool(mention.departement_codes) or "territoire" in folded[mention.end:mention.block_end]


def _counts(folded: str, start: int, end: int) -> list[tuple[int, bool]]:
    """The count of territories the paragraph's last sentence gives, when the paragraph speaks of
    territories ("La région compte dix Territoires d'industrie. Zoom sur quatre d'entre eux."), with
    True, or 0 when it announces them without a count ("tour d'horizon de quelques-uns de ces
    nouveaux venus"); then its first sentence's count, with False."""
    if not TOPIC.search(folded, start, end):
        return []
    sentences = [m for m in SENTENCE.finditer(folded, start, end) if m.group(0).strip()]
    found = []
    for sentence in sentences[-1:] + sentences[:1][:len(sentences) - 1]:
        closing = sentence is sentences[-1]
        counts = [count_value(word)
                  for word in (m.group("count") for m in COUNTED.finditer(sentence.group(0)))]
        if len(counts) == 1 and counts[0] >= 2:  # "parmi les lauréats" counts nothing
            found.append((counts[0], closing))
        elif not counts and closing and UNCOUNTED.search(sentence.group(0)):
            found.append((0, True))
    return found


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


def _name(text: str, heading: Block, section_end: int, places: list[PlaceMention],
          place_named: bool = False) -> TerritoryMention | None:
    """The territory a section's heading names. A heading naming a département ("Ariège") names
    the territory called after it when `place_named`: among as many headings as the count says
    territories, beside one naming no place (a run of départements' headings names none)."""
    start, end = heading.span.start, heading.span.end
    while start < end and text[start] in " \t#*_":
        start += 1
    kicker = KICKER.match(text, start, end)
    award = None if kicker else AWARD_KICKER.match(fold(text[start:end]))  # the heading's line only
    start = kicker.end() if kicker else start + award.end() if award else start
    article = HEAD_ARTICLE.match(text, start, end)
    name_start = article.end() if article else start
    name_end = capitalised_run(text, name_start, end)
    tail = TAIL_WORD.match(text, name_end, end) if name_end > name_start else None
    if tail and is_place_adjective(tail.group(1)) and NAME_CLOSE.match(text, tail.end(), end):
        name_end = tail.end()
    if name_end == name_start or not NAME_CLOSE.match(text, name_end, end):
        return None
    name = text[name_start:name_end]
    if len(WORD.findall(name)) > MAX_SECTION_NAME_WORDS or is_place_name(name) and not place_named \
            or is_region_name(name) or INSTITUTION.match(fold(name)) \
            or THEME.match(fold(name)):
        return None  # "Jura : …" heads a département's section, "Région : …" an institution's
    return make_mention(text, name_start, name_end, RULE, codes_after(text, name_end, places), section_end)
