"""territory.record_field: a territory's record written as fields, one per line, as press kits
and "fiche territoire" pages do:

    Territoire : Vallée de la Bresle
    Départements : Seine-Maritime (76), Somme (80)
    Intercommunalités : CC des Villes Sœurs, CC Interrégionale Aumale - Blangy-sur-Bresle

A page holding one such record may name the territory in its title instead: "Fiche territoire
n° 64-01 : Lacq-Pau-Tarbes", its fields then in a table.

The name is the value of a field labelled as the territory's name ("Territoire", "Territoire
d'industrie", "Nom du territoire"); the record is that line and the field lines around it up to a
blank line, and it must hold another field of a territory's record (départements, région,
intercommunalités, binôme, date of the label, phase…): a lone "Territoire : …" line may be
anything. The département fields of the record state its départements; its member fields are in
its block, so membership attaches their EPCIs to it. The labels are data
(rules/territory_words.json, record_fields).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.common import (PREFIX, WORDS, TerritoryMention, codes_after, departements_bracket, is_place_name,
                                                 make_mention)
from pipeline.normalize import fold

RULE = "territory.record_field"
HEADING_RULE = "territory.placed_heading"
FIELD_LINE = re.compile(r"^[ \t]*(?:[-•*▪►][ \t]*)?(?P<label>[^\W\d_][\w'’ \t()-]{1,40}?)[ \t\u00a0\u202f]*:[ \t]*(?P<value>[^\n]*)$",
                        re.MULTILINE)
# "Fiche territoire n° 64-01 : Lacq-Pau-Tarbes", "FICHE TERRITOIRE D'INDUSTRIE – Vallée de l'Arve"
FICHE_TITLE = re.compile(r"^[ \t#*_]*fiche[ \t]+(?:de[ \t]+)?territoire(?:[ \t]+d['’][ \t]*industrie)?"
                         r"(?:[ \t]+n[°o]?[ \t]*[\w-]+)?[ \t]*[:–—-][ \t]*(?P<value>[^\n]+?)[ \t*_]*$",
                         re.MULTILINE | re.IGNORECASE)
FIELD_OR_CELLS = re.compile(r"^[ \t]*(?P<label>[^\W\d_][\w'’ \t()-]{1,40}?)[ \t]*(?::|\|)[ \t]*(?P<value>[^\n]*)$",
                            re.MULTILINE)  # "Départements : …", a table row "Départements | …"
CODES_BRACKET = re.compile(r"[ \t]*[(\[][^()\[\]\n]{1,60}[)\]][ \t]*$")


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    words = WORDS["record_fields"]
    return (re.compile(r"(?:" + words["name"] + r")$"), re.compile(r"(?:" + words["departements"] + r")$"),
            re.compile(r"(?:" + words["other"] + r")(?:\s+[\w'-]+){0,4}$"))  # "Intercommunalités signataires du contrat"


def record_names(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    name_label, departements_label, other_label = _labels()
    fields = list(FIELD_LINE.finditer(text))
    labels = [fold(field.group("label")).strip() for field in fields]
    found = []
    for index, field in enumerate(fields):
        if not name_label.match(labels[index]):
            continue
        first, last = _record(text, fields, labels, index)
        others = [i for i in range(first, last + 1) if i != index]
        if not any(departements_label.match(labels[i]) or other_label.match(labels[i]) for i in others):
            continue
        value_start, value_end = field.start("value"), field.end("value")
        value_end = len(text[:value_end].rstrip(" \t.;"))
        bracket = CODES_BRACKET.search(text, value_start, value_end)
        name_end = bracket.start() if bracket else value_end
        if value_start >= name_end or not text[value_start].isupper() and text[value_start] not in "«\"“":
            continue
        codes = codes_after(text, name_end, places) if bracket else set()
        for i in others:
            if departements_label.match(labels[i]):
                codes |= {p.code for p in places if p.kind == "departement"
                          and fields[i].start("value") <= p.start < fields[i].end("value")}
        mention = make_mention(text, value_start, name_end, RULE, codes, block_end=fields[last].end())
        if mention and not is_place_name(mention.name):
            found.append(mention)
    return found


def fiche_titles(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The territory a "Fiche territoire … : Name" title names, with the départements its page's
    "Départements" field or table row states (its page: up to the next such title)."""
    titles = list(FICHE_TITLE.finditer(text))
    departements_label = _labels()[1]
    found = []
    for number, title in enumerate(titles):
        page_end = titles[number + 1].start() if number + 1 < len(titles) else len(text)
        codes = set()
        for row in FIELD_OR_CELLS.finditer(text, title.end(), page_end):
            if departements_label.match(fold(row.group("label")).strip()):
                codes |= {p.code for p in places if p.kind == "departement"
                          and row.start("value") <= p.start < row.end("value")}
                break
        # its page up to the next title is its record: membership attaches the members listed there
        mention = make_mention(text, title.start("value"), title.end("value"), RULE, codes,
                               block_end=len(text[:page_end].rstrip()))
        if mention and text[mention.start].isupper() and not is_place_name(mention.name):
            found.append(mention)
    return found


# "Saint-Dizier – Vitry-le-François – Bar-le-Duc (Haute-Marne, Marne, Meuse)" alone on its line:
# a press kit's heading over the paragraph about one territory.
PLACED_HEADING = re.compile(r"^[ \t]*(?P<name>[A-ZÀ-Ý«][^\n()\[\]:;,.!?]{1,70}?)[ \t]*\((?P<places>[^()\n]{2,80})\)[ \t]*$",
                            re.MULTILINE)
PROGRAMME_WORDS = re.compile(PREFIX, re.IGNORECASE)
MIN_PLACED_HEADINGS = 2  # one such line may be anything (a person and a seat); a series is a kit's


def placed_headings(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """Territories a text about the programme heads one paragraph each with, as press kits do:
    a line holding a name and, in brackets, nothing but its départements, above the lines of its
    paragraph, after a blank line or a heading. Two such headings at least; the name's block is
    its paragraph, so membership attaches the members that paragraph names."""
    if not PROGRAMME_WORDS.search(text):
        return []
    found = []
    for line in PLACED_HEADING.finditer(text):
        codes = departements_bracket(text, line.start("places"), line.end("places"), places)
        previous = text[text.rfind("\n", 0, max(0, line.start() - 1)) + 1:max(0, line.start() - 1)]
        after = text[line.end():line.end() + 2]
        if not codes or not after.startswith("\n") or not after[1:].strip() \
                or (previous.strip() and not _a_heading(previous)):
            continue
        paragraph_end = text.find("\n\n", line.end())
        mention = make_mention(text, line.start("name"), line.end("name"), HEADING_RULE, codes,
                               block_end=len(text) if paragraph_end < 0 else paragraph_end)
        if mention and not is_place_name(mention.name):
            found.append(mention)
    return found if len(found) >= MIN_PLACED_HEADINGS else []


def _a_heading(line: str) -> bool:
    """A line in capitals ("HAUTS-DE-FRANCE"), a heading of the kit's sections."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _record(text: str, fields: list[re.Match], labels: list[str], index: int) -> tuple[int, int]:
    """First and last index of the field lines next to fields[index], none across a blank line or
    a line that is no field, nor past the next record's name."""
    name_label = _labels()[0]
    first = last = index
    while first > 0 and _adjacent(text, fields[first - 1], fields[first]) and not name_label.match(labels[first - 1]):
        first -= 1
    while last + 1 < len(fields) and _adjacent(text, fields[last], fields[last + 1]) \
            and not name_label.match(labels[last + 1]):
        last += 1
    return first, last


def _adjacent(text: str, first: re.Match, second: re.Match) -> bool:
    return text[first.end():second.start()].strip(" \t\r") == "\n"


def departement_fields_under_a_name(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Territoire d'industrie Lacq-Pau-Tarbes' / 'Départements : Pyrénées-Atlantiques,
    Hautes-Pyrénées' / 'Phase : 2023-2027': a record's fields right under a line that a territory's
    name ends (a heading, a list item) are its record; its département field states where it lies."""
    departements_label = _labels()[1]
    fields = list(FIELD_LINE.finditer(text))
    labels = [fold(field.group("label")).strip() for field in fields]
    ends = {len(text[:m.end].rstrip(" \t.:;*_")): m for m in mentions}  # a name's end, past the marks after it
    for index, field in enumerate(fields):
        if not departements_label.match(labels[index]):
            continue
        first, _last = _record(text, fields, labels, index)
        heading_end = fields[first].start() - 1  # the newline before the record's first field
        if heading_end < 0 or text[heading_end] != "\n":
            continue
        mention = ends.get(len(text[:heading_end].rstrip(" \t\r.:;*_")))
        if mention is None or mention.departement_codes - mention.name_codes \
                or text.rfind("\n", 0, heading_end) >= mention.start:
            continue
        codes = {p.code for p in places if p.kind == "departement"
                 and field.start("value") <= p.start < field.end("value")}
        mention.departement_codes |= codes
        mention.placed_codes |= codes
