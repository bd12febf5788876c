"""Territories a round-up gives under headings naming départements (territory.departement_section):
after a paragraph about the programme, two headings or more in a row each naming départements only
("Haute-Savoie", "TARN (81)", "HAUTES-PYRÉNÉES (65) ET PYRÉNÉES-ATLANTIQUES (64)"), each over
paragraphs opening on a territory as their subject: "L'Ardèche Drôme Nord est à cheval sur le
Rhône", "À ses côtés, l'Annemasse mise sur …", "Entrée remarquée de la Baie de Somme
Ponthieu-Marquenterre, où …". The heading gives the place; the paragraph's subject, after its
article, is the territory (a département's, région's or institution's name is none)."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import Block, Structure
from pipeline.extract.territories.common import (INSTITUTION, PREFIX, TerritoryMention, capitalised_run,
                                                 is_departement_name, is_place_name, make_mention)
from pipeline.normalize import fold

RULE = "territory.departement_section"
# what the paragraph over the headings speaks of: territories or the programme (folded text)
TOPIC = re.compile(r"territoire|\bprogramme\b|\bdispositif\b")
# a heading's words joining départements' names: their codes in brackets, "et", commas, slashes;
# blanks before them taken from a run's start only (`(?<!\s)`), not scanned again from each of its
# positions (a heading of 10,000 blanks: blancs.txt)
HEADING_GLUE = re.compile(r"(?:(?<!\s)\s+)?\(\s*(?:\d[\dab]|9[78]\d)\s*\)\s*|(?<!\s)\s+et\s+"
                          r"|(?:(?<!\s)\s+)?[,/&]\s*")
# A paragraph's opening subject: a fronted phrase set off by a comma ("À ses côtés,", "Nouveau
# venu,") or an entry's noun ("Entrée remarquée de"), then the article before the name (folded text).
SUBJECT = re.compile(r"[\s*_]*(?:[^,.;:!?\n]{1,30},\s*|(?:entree|arrivee|retour)(?:\s+[a-z]+)?\s+de\s+)?"
                     r"(?:le\s+|la\s+|l')(?=\S)")
# what follows the subject's name: a verb in lower case, or a comma ("…, où la métallurgie …")
AFTER_NAME = re.compile(r"\s+[a-z]|\s*,")
# "L'Albigeois et les Hautes Terres d'Oc": a second subject, its own article after "et"
ARTICLED_JOINT = re.compile(r"\s+et\s+(?:les?|la|l['’])\s*(?=[A-ZÀ-Ý])")
MAX_NAME_WORDS = 6
MIN_SECTIONS = 2


def departement_section_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    blocks = structure.blocks
    found = []
    index = 0
    while index < len(blocks):
        run = _departement_sections(text, blocks, index)
        if len(run) >= MIN_SECTIONS and index > 0 and blocks[index - 1].kind == "paragraph" \
                and TOPIC.search(folded, blocks[index - 1].span.start, blocks[index - 1].span.end):
            for heading, paragraphs, section_end in run:
                codes = {place.code for place in places if place.kind == "departement"
                         and heading.span.start <= place.start < heading.span.end}
                found += [m for p in paragraphs for m in _subjects(text, folded, p, section_end, codes)]
        index += max(1, sum(1 + len(paragraphs) for _, paragraphs, _ in run))
    return found


def _departement_sections(text: str, blocks: list[Block], index: int) -> list[tuple[Block, list[Block], int]]:
    """(heading, paragraphs, section end) of the headings in a row from `index` each naming départements only."""
    sections = []
    while index < len(blocks) and blocks[index].kind == "heading" and _names_departements(text, blocks[index]):
        following = index + 1
        while following < len(blocks) and blocks[following].kind == "paragraph":
            following += 1
        if following == index + 1:
            break
        sections.append((blocks[index], blocks[index + 1:following], blocks[following - 1].span.end))
        index = following
    return sections


def _names_departements(text: str, heading: Block) -> bool:
    """"Haute-Savoie", "TARN (81)", "HAUTES-PYRÉNÉES (65) ET PYRÉNÉES-ATLANTIQUES (64)"."""
    line = text[heading.span.start:heading.span.end].strip(" \t#*_")
    parts = [part for part in HEADING_GLUE.split(fold(line)) if part.strip()]
    return bool(parts) and all(is_departement_name(part) for part in parts)


def _subjects(text: str, folded: str, paragraph: Block, section_end: int, codes: set[str]) -> list[TerritoryMention]:
    """The territories a section's paragraph opens on, its subject after the article ("L'Albigeois
    et les Hautes Terres d'Oc sont …": two), placed in the heading's départements (a river after
    it, "à cheval sur le Rhône", places it nowhere)."""
    subject = SUBJECT.match(folded, paragraph.span.start, paragraph.span.end)
    if not subject or not text[subject.end():subject.end() + 1].isupper():
        return []
    end = capitalised_run(text, subject.end(), paragraph.span.end)
    if end == subject.end() or not AFTER_NAME.match(text, end):
        return []
    found = []
    start = subject.end()
    for joint in [*ARTICLED_JOINT.finditer(text, start, end), None]:
        name_end = joint.start() if joint else end
        name = text[start:name_end]
        if len(name.split()) > MAX_NAME_WORDS or is_place_name(name) or INSTITUTION.search(fold(name)):
            return []
        mention = make_mention(text, start, name_end, RULE, codes, section_end)
        if mention is None:
            return []
        found.append(mention)
        start = joint.end() if joint else end
    return found
