"""Counts a communiqué presents as the size of a list of territories it gives, with the evidence.

A count is tied to a list only when the text ties them (rule ids, the `rule` column):

- stated_count.list_intro         the count is in the sentence that opens the list: "Dans l'Aube,
                                  deux territoires ont été labellisés, il s'agit de : • … • …",
                                  "2 autres territoires : A et B", "10 d'entre eux concernent la
                                  Normandie : • …";
- stated_count.previous_sentence  the list's intro has no count and points back at the sentence
                                  before it: "… 4 dans l'Aisne. Il s'agit des territoires de : …",
                                  "… 21 territoires … Les territoires labellisés sont les suivants :",
                                  "… 4 territoires … Leur liste, validée par …, figure ci-dessous :";
- stated_count.sublists_sum       either of the above, for a list split in sub-lists ("15 lauréats,
                                  qui sont : • Renouvellement … : A ; B • Nouveaux territoires : C",
                                  or sub-headings between lists): the count sizes them together.
- stated_count.resumed_list       either of the first two, for a list taken up after a few lines of
                                  prose with the same marker and no intro of its own (a PDF whose
                                  column or page ended inside the list, the page's last paragraph
                                  between its parts): the count sizes both parts.
- stated_count.whole_before       the count of all an area's territories in the sentence before a
                                  list whose intro only speaks of them ("Rencontre des trois
                                  Territoires d'industrie du Morbihan. Les équipes projet partagent
                                  leurs plans d'actions : • …"): the list may be a part of them, so
                                  the row stands only when it names more.

Lists are the structure stage's (pipeline/extract/structure.py), or, for a list written in a
sentence, the territory rules' reading of it: the colon-list rule's, else the names the enumeration
rule read one after another in a sentence (the colon-list rule leaves "Cinq territoires … : A, B, C
et D" to it when no reading gives as many names as the count), sized only by a small count before
them in their sentence. Everything else is a figure only, never compared
with a list: a count with a word between it and the list saying the list is a part ("183
lauréats, dont ceux de l'Aisne :", "Parmi les dix territoires retenus figurent :", "Les autres
territoires retenus sont les suivants :"), a narrower place named after the count ("En
Centre-Val de Loire, 12 territoires sont lauréats ; dans le Loiret, il s'agit de :"), a count of
new territories beside a list that holds renewed ones too (or of renewed ones beside new
ones: "les dix … sont renouvelés, et cinq nouveaux font leur entrée"), a count the length of one of the
list's sub-lists but not of them all, a count of the other phase, a larger count over one line
naming one territory (a lone numbered line may be a section heading), an approximate count ("une
dizaine"), a count two sentences away. When the count nearest the list is
a part of a larger one in its sentence ("Les 13 territoires, dont deux ont signé, sont les
suivants :"), the larger one is the list's size if the list has that length; so is an earlier
count of the intro's paragraph ("Six territoires … ; pour deux territoires, le périmètre reste à
arrêter"). A count of one area over a list spanning others ("la Guadeloupe en compte trois et la
Martinique un seul" over both islands' table) is compared with the listed territories of its area
only. Each row keeps the
list's span (`list_start`, `list_end`) so that a reviewer sees which list the count was compared
with. A count followed in its sentence by others it adds ("dix territoires, plus deux
interrégionaux :", "…, auxquels s'ajoutent deux territoires …") sizes the list with their sum.
The words are data (rules/stated_counts.json).

`doubt` says why a difference would not prove the document wrong: the text ends inside the list
(pages cut at a fixed length end mid-item), the list's items were not all read as territories
(or some item gave several), the items are as many as the count but one without a label
holds a ';' (one name or two), the count's sentence adds others that do not make the list's
length, the list is written in a sentence whose commas and "et" can be read
several ways (not when no reading reaches the count, nor when each name closes with its own
bracket: "A (02), B (02), C (02) et D (02)"), the count is a part of a larger one, or the count of
one area differs from the list's part there (the count's area is a reading of the text). The quality gate rejects a document whose count certainly differs from its list,
and publishes with a warning one whose difference is in doubt.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from pipeline import referential
from pipeline.extract.figure_context import paragraphs
from pipeline.extract.figures import Sentences
from pipeline.extract.figure_scope import area_of_territories, named_areas, place_area
from pipeline.extract.places import PlaceMention, places_starting_in
from pipeline.extract.structure import (count_value, COUNT_WORDS, ListBlock, Span, Structure, may_be_cut, numbering_goes_on, parse,
                                        resumes_after_prose, runs_joined_by, stops_at_a_page_break)
from pipeline.extract.territories import TerritoryMention
from pipeline.extract.territories.enumerations import RULE as ENUMERATION
from pipeline.extract.territories.common import GLOSS_CLAUSE, heading_place
from pipeline.extract.territories.lists import ET_ARTICLE, TABLE_CELL, quoted_items
from pipeline.extract.territories.phrases import CLOSING_INCISE
from pipeline.normalize import fold

RULES_PATH = Path(__file__).parent / "rules" / "stated_counts.json"
REFERRING_INTRO_MAX_WORDS = 15
SUBHEADING_MAX_WORDS = 8
ELIDED_UNIT = "figure.elided_unit_verb"  # "… et quatre entrent": the noun of the count before it
PART = "figure.part"  # "deux territoires, dont un nouveau": a part of the count before it
COMPARISON = "figure.comparison"  # "contre deux lors de la première phase": the other count compared
MAX_LISTED_COUNT = 30  # as the list rules: a national count (124, 183) is no list's size
CLOSED_ITEM = re.compile(r"[.)\]»\"”!;]\s*$")  # an item that ends like a finished one


@dataclass(frozen=True)
class Words:
    refers_back: re.Pattern
    refers_back_opening: re.Pattern
    refers_back_to_area: re.Pattern
    aimed_at: re.Pattern
    list_nouns: re.Pattern
    partial: re.Pattern
    partial_before: re.Pattern
    not_partial: re.Pattern
    those_awarded: re.Pattern
    candidates: re.Pattern
    new: re.Pattern
    renewal: re.Pattern
    remarks: re.Pattern
    others_after: re.Pattern
    shared_heads: re.Pattern
    whole_list: re.Pattern
    compared: re.Pattern
    whole_determiners: re.Pattern
    of_the_counted: re.Pattern
    joined: re.Pattern


@lru_cache(maxsize=1)
def _words() -> Words:
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    words = {key: re.compile(r"(?<![\w'])(?:" + "|".join(rules[key]) + r")(?!\w)")
             for key in Words.__dataclass_fields__ if key != "aimed_at"}
    words["aimed_at"] = re.compile("|".join(rules["aimed_at"]))  # its head noun may follow "l'"
    words["partial_before"] = re.compile(
        r"(?<![\w'])(?:" + "|".join(rules["partial_before"]) + r")\s*(?:\*\*)?\s*$")
    words["whole_determiners"] = re.compile(r"(?<![\w'])(?:" + "|".join(rules["whole_determiners"]) + r")\s+$")
    return Words(**words)


ADDED_NUMBERS = {"un": 1, "une": 1, **COUNT_WORDS}


@lru_cache(maxsize=1)
def _added() -> re.Pattern:
    """A number of other territories added to a count ("…, plus deux interrégionaux", "(et deux autres)")."""
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    numbers = "|".join(["\\d{1,2}", *ADDED_NUMBERS])
    return re.compile(r"(?<![\w'])(?:" + "|".join(rules["added"]) + r")\s*,?\s*(?P<number>" + numbers
                      + r")\s+(?:autres?\s+)?(?:" + "|".join(rules["added_nouns"]) + r")(?!\w)")


@dataclass
class ListOfTerritories:
    """A list as the territory rules read it: where it stands and what it names."""

    intro_start: int  # start of its intro (the line before its first item, or "… :" inline)
    items_start: int
    end: int
    territory_ids: set[str]
    blocks: list[ListBlock]  # the structure's list, or its sub-lists; [] for a list in a sentence
    items: int | None  # how many names its items hold; None for a list in a sentence
    has_sublists: bool
    resumed: bool = False  # taken up after prose (resumes_after_prose): one list parted in two
    sentence_end: int | None = None  # a list the enumeration rule read in prose: its sentence's end
    table: bool = False  # a table's column of territories, its rows the items
    names: list[tuple[int, int]] = field(default_factory=list)  # its names' spans, for such a list
    taken_up_unread: bool = False  # a list after a paragraph goes on with its marker, items not read
    named_apart: bool = False  # territories each named as such in one sentence (NAMED_AS_TERRITORIES_GAP)


def _names_in(block: ListBlock) -> int:
    """How many names a list's items hold: the parts of "Nouveaux territoires : A ; B" each count."""
    return sum(max(1, len(item.parts)) for item in block.items)


def _one_name_per_plain_item(lst: ListOfTerritories) -> int:
    """How many names the list's items hold when an item without a label is one name, ';' or not
    ("- A-B-C ; D-E-F" may be one territory's name); a labelled item's parts still count each
    ("Nouveaux territoires : A ; B")."""
    return sum(max(1, len(item.parts)) if item.field else 1 for block in lst.blocks for item in block.items)


def _is_subheading(text: str, span: Span | None) -> bool:
    """A short line, not a sentence: "Territoires renouvelés", "Nouveaux territoires :"."""
    if span is None:
        return False
    line = span.of(text).strip(" *_#").rstrip(" :")
    return 0 < len(line.split()) <= SUBHEADING_MAX_WORDS and line[-1] not in ".;,!?"


def _is_remarks(text: str, span: Span | None) -> bool:
    """A heading over remarks ("Observations", "Remarques :"): what follows it is not the list."""
    return span is not None and _words().remarks.fullmatch(fold(span.of(text)).strip(" *_#:\n\t")) is not None


def _before_remarks(text: str, blocks: list[ListBlock], mentions: dict[int, list[tuple[int, str]]]
                    ) -> tuple[list[ListBlock], set[str]]:
    """The blocks cut at the first remarks heading among their items, and the territories named
    before it: "Observations – Les territoires « A » et « B » correspondent …" names A and B again."""
    cut = min((heading.start for block in blocks for heading in block.headings if _is_remarks(text, heading)),
              default=None)
    if cut is not None:
        kept = []
        for block in blocks:
            items = [item for item in block.items if item.span.start < cut]
            if items:
                kept.append(replace(block, items=items, headings=[h for h in block.headings if h.start < cut],
                                    span=Span(block.span.start, items[-1].span.end)))
        blocks = kept
    ids = {territory_id for block in blocks for start, territory_id in mentions.get(block.id, [])
           if cut is None or start < cut}
    return blocks, ids


def _sublist_groups(text: str, structure: Structure,
                    naming: set[int]) -> list[tuple[int, list[ListBlock]]]:
    """(intro start, lists) of every list, sub-lists grouped under the "… :" line above their
    first sub-heading ("15 lauréats :" / "Territoires renouvelés" / - … / "Nouveaux territoires" /
    - …): the structure reads each as a list when no marker stands before the sub-headings.
    Only lists naming territories (ids in `naming`) continue a group; one headed by a place of
    its own ("### Normandie (extrait)" after "### Grand Est — 13 territoires") starts another."""
    groups: list[tuple[int, list[ListBlock]]] = []
    for block in structure.lists:
        if groups and block.id in naming and not _is_remarks(text, block.context) and (
                _continues_group(text, groups[-1], block)
                or groups[-1][1][-1].id in naming and resumes_after_prose(text, groups[-1][1][-1], block)
                and not (block.intro and heading_place(block.intro.of(text)))):
            groups[-1][1].append(block)
            continue
        intro_start = block.intro.start if block.intro else block.span.start
        if _is_subheading(text, block.context):
            above = text[:block.context.start].rstrip()
            if above.endswith(":"):
                intro_start = above.rfind("\n") + 1
        groups.append((intro_start, [block]))
    return groups


def _continues_group(text: str, group: tuple[int, list[ListBlock]], block: ListBlock) -> bool:
    """A list right under the group's last one, whose intro is a sub-heading, when the group
    itself opened with a sub-heading (under a "… :" line)."""
    intro_start, blocks = group
    first, last = blocks[0], blocks[-1]
    opened_with_subheading = bool(first.headings) or (
        _is_subheading(text, first.context) and intro_start < first.context.start)
    return (opened_with_subheading and _is_subheading(text, block.context)
            and last.span.end <= block.context.start
            and not text[last.span.end:block.context.start].strip())


BLANKS = re.compile(r"\s*")


def _lists(text: str, structure: Structure, mentions: list[TerritoryMention]) -> list[ListOfTerritories]:
    """The lists holding territory mentions: the structure's lists (sub-lists together), else
    the lists written in a sentence that the colon-list rule read ("2 autres territoires : A et B"),
    else the names the enumeration rule read in one sentence ("Cinq territoires … : A, B, C et D",
    which the colon-list rule leaves to it when no reading gives as many names as the count)."""
    by_block: dict[int, list[tuple[int, str]]] = {}  # (start, territory) of each mention in a list
    in_sentence: dict[tuple[int, int], list[TerritoryMention]] = {}
    enumerated: dict[int, list[TerritoryMention]] = {}
    by_table: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.rule == TABLE_CELL:
            table = next(i for i, table in enumerate(structure.tables) if table.holds(mention.start))
            by_table.setdefault(table, set()).add(mention.territory_id)
            continue
        block = (structure.lists[mention.list_id] if mention.list_id is not None
                 else structure.list_at(mention.start))
        if block is not None:
            by_block.setdefault(block.id, []).append((mention.start, mention.territory_id))
        elif mention.intro is not None:
            # two readings of one list in a sentence, one starting its items at the blank after
            # the colon, the other past it: one list
            intro_start, items_start = mention.intro
            in_sentence.setdefault((intro_start, BLANKS.match(text, items_start).end()), []).append(mention)
        elif mention.rule == ENUMERATION:
            enumerated.setdefault(mention.block_end, []).append(mention)
    found = []
    for intro_start, blocks in _sublist_groups(text, structure, set(by_block)):
        blocks, territory_ids = _before_remarks(text, blocks, by_block)
        if not territory_ids:
            continue
        resumed = any(resumes_after_prose(text, a, b) for a, b in zip(blocks, blocks[1:]))
        sublists = len(blocks) > 1 and not resumed or bool(blocks[0].headings) or any(
            item.field and len(item.parts) > 1 for item in blocks[0].items)
        found.append(ListOfTerritories(intro_start, blocks[0].span.start, blocks[-1].span.end,
                                       territory_ids, blocks, sum(map(_names_in, blocks)), sublists,
                                       resumed, taken_up_unread=_taken_up_unread(text, structure, blocks[-1],
                                                                                 set(by_block))))
    for index, territory_ids in by_table.items():
        table = structure.tables[index]
        # its rows are the items; the header, like the line above it, belongs to the intro
        found.append(ListOfTerritories(_line_above(text, table.header[0].start), table.rows[0][0].start,
                                       table.rows[-1][-1].end, territory_ids, [], len(table.rows), False,
                                       table=True))
    for (intro_start, items_start), members in in_sentence.items():
        found.append(ListOfTerritories(intro_start, items_start, max(m.end for m in members),
                                       {m.territory_id for m in members}, [], None, False))
    for sentence_end, members in enumerated.items():
        previous_end = None
        for run in runs_joined_by(members, text, NAMES_GAP):  # the sentence's enumerations, each a run
            # the intro of a run after another starts where that one ends ("… deux (A et B), La
            # Réunion deux également (C et D)"), of the first one at its sentence's start
            intro_start, previous_end = previous_end or run[0].start, run[-1].end
            if len({m.territory_id for m in run}) > 1:
                found.append(ListOfTerritories(intro_start, run[0].start, run[-1].end,
                                               {m.territory_id for m in run}, [], None, False,
                                               sentence_end=sentence_end,
                                               names=[(m.start, m.end) for m in run]))
    for run in _named_as_territories(text, mentions):
        found.append(ListOfTerritories(run[0].start, run[0].start, run[-1].end, {m.territory_id for m in run}, [],
                                       None, False, sentence_end=max(m.block_end for m in run),
                                       names=[(m.start, m.end) for m in run], named_apart=True))
    return sorted(found, key=lambda lst: lst.items_start)


def _taken_up_unread(text: str, structure: Structure, block: ListBlock, naming: set[int]) -> bool:
    """Whether the list right after `block` takes it up after a few lines of prose (a photo's
    caption, a page's last paragraph) with none of its items read as territories: the territory
    rules read a list's items after an intro, and the prose between stands where the intro would."""
    following = next((b for b in structure.lists if b.span.start >= block.span.end), None)
    return (following is not None and following.id not in naming
            and resumes_after_prose(text, block, following))


def _line_above(text: str, position: int) -> int:
    """The start of the last line with words before `position`: a table's intro ("## Ain – 2
    territoires", "… aux 6 territoires figurant dans le tableau ci-dessous :")."""
    above = text[:text.rfind("\n", 0, position) + 1].rstrip()
    return above.rfind("\n") + 1 if above else position


# Between two names of one enumeration: a separator, after the first name's bracket if any; the
# place the next names lie in after a semicolon ("A et B ; en Ille-et-Vilaine, C ; et dans le Morbihan, D");
# an adverb set off by commas after "et" ("A et, bien sûr, B").
NAMES_GAP = re.compile(r"\s*(?:\([^()\n]{0,80}\)\s*)?(?:et" + CLOSING_INCISE.pattern + r"\s*|;\s*(?:et\s+)?(?:en|dans)\s+(?:(?:la|le|les)\s+|l['’]\s*)?[A-ZÀ-Ý][\w'’-]*\s*,\s*"
                       r"|[,;]\s*(?:(?:et|ou)\s+)?|(?:et|ou|ainsi\s+que)\s+)"
                       r"(?:(?:le|la|les|du|des|de\s+la|de\s+l['’]|l['’])\s*)?", re.IGNORECASE)


# "Le territoire A, porté par la CUCM, et le territoire de B": two territories, each named as such,
# the first one's carrier set off by commas between them; the prose rules read them one by one.
NAMED_AS_TERRITORIES_GAP = re.compile(r"(?:,\s*(?:port|anim|pilot)[ée]e?s?\s+par\s+(?:[^,;:()\n]|\n(?![ \t]*\n)){1,80})?"
                                      r",?\s+et\s+(?:le|du|au)\s+territoire\s+"
                                      r"(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?", re.IGNORECASE)
PROSE_RULES = ("territory.prose", "territory.labelled")
TERRITORY_NAMED_BEFORE = re.compile(r"(?<![\w'’])(?:le|au|du)\s+territoire\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?\Z",
                                    re.IGNORECASE)


def _named_as_territories(text: str, mentions: list[TerritoryMention]) -> list[list[TerritoryMention]]:
    """The runs of prose mentions joined by NAMED_AS_TERRITORIES_GAP, two names or more each."""
    runs = runs_joined_by([m for m in mentions if m.rule in PROSE_RULES], text, NAMED_AS_TERRITORIES_GAP)
    # the first one named as a territory too: "le Grand Libournais et le territoire Val de Garonne, …,
    # et Bordeaux Métropole" names a third another way
    return [run for run in runs if len({m.territory_id for m in run}) > 1
            and TERRITORY_NAMED_BEFORE.search(text, max(0, run[0].start - 40), run[0].start)]




def _counted_in_the_sentence_before(text: str, sentences: Sentences, lst: ListOfTerritories,
                                    figures: list[dict]) -> tuple[dict, str] | None:
    """'Le département compte trois Territoires d'industrie pour 2023-2027. Le territoire A, porté
    par X, et le territoire de B, …': the sentence that opens with territories named as such
    enumerates those the sentence before counts (its last count of territories)."""
    index = _sentence_index(sentences, lst.items_start)
    if not index or text[sentences[index][0]:lst.items_start].strip() \
            and not TERRITORY_NAMED_BEFORE.fullmatch(text[sentences[index][0]:lst.items_start].strip() + " "):
        return None
    previous = sentences[index - 1]
    counts = [c for c in _counts_in(figures, previous[0], previous[1])
              if c.get("unit") == "territoire" and c["value"] <= MAX_LISTED_COUNT]
    return (counts[-1], "stated_count.previous_sentence") if counts else None


def _sentence_index(sentences: Sentences, position: int) -> int | None:
    """The index of the sentence holding `position`, by bisection: in reading order and disjoint,
    only the last starting at or before it may (a scan per list was quadratic on one-line pages)."""
    index = bisect_right(sentences.starts, position) - 1
    return index if index >= 0 and position < sentences[index][1] else None


def _counts_in(figures: list[dict], start: int, end: int) -> list[dict]:
    """Exact counts of territories stated in [start, end), in reading order."""
    return [f for f in figures
            if f["unit"] == "territoire" and start <= f["start"] and f["end"] <= end
            and f["value_max"] is None and not f["approximate"] and float(f["value"]).is_integer()]


def _is_partial(folded: str) -> bool:
    """Does this stretch of text say the list holds only part of what was counted?"""
    words = _words()
    kept = words.not_partial.sub(" ", folded)
    return bool(words.partial.search(kept))


def _names_a_narrower_place(count: dict, places: list[PlaceMention], start: int, end: int) -> bool:
    """A place in [start, end) that the count's area does not hold, or holds without being it:
    "En Centre-Val de Loire, 12 territoires sont lauréats ; dans le Loiret, il s'agit de :". The
    places by bisection (each list of a long text read every place)."""
    for place in places_starting_in(places, start, end):
        if place.kind != "country":
            area = place_area(place)  # "La Réunion" the département 974 is the région 04 of a count
            same = (area.code, area.kind) == (count["scope_code"], count["scope_kind"])
            if not same and not _covers_place_of(place, count):
                return True
    return False


def _covers_place_of(place: PlaceMention, count: dict) -> bool:
    """Does the place hold the count's area (a count of the Aube followed by "en Grand Est")?"""
    if count["scope_kind"] == "departement" and place.kind == "region":
        return referential.load().departements[count["scope_code"]].region_code == place.code
    return False


def _is_whole(folded: str, count: dict) -> bool:
    """A count right after "sur les", "parmi les": the whole a part is taken from."""
    return _words().partial_before.search(folded, max(0, count["start"] - 20), count["start"]) is not None


def _wholes_blanked(folded: str, count: dict, end: int, figures: list[dict], listed: int) -> str:
    """The text from the count to `end`, larger wholes after it blanked with their opener ("Quatre
    territoires franciliens figurent parmi les 124 Territoires d'industrie annoncés :" lists the
    four: "parmi" tells where they stand, not that the list is a part of them), unless the list is
    as long as the whole."""
    stretch = list(folded[count["end"]:end])
    for whole in _counts_in(figures, count["end"], end):
        opener = _words().partial_before.search(folded, max(count["end"], whole["start"] - 20), whole["start"])
        if opener and whole["value"] > count["value"] and whole["value"] != listed:
            stretch[opener.start() - count["end"]:whole["end"] - count["end"]] = " " * (whole["end"] - opener.start())
    return "".join(stretch)


def _those_awarded_blanked(intro: str, before: str) -> str:
    """The intro, "ceux qui ont été retenus" blanked when it closes it: "Avec dix territoires, la
    Normandie … Voici ceux qui ont été retenus :" points back at the whole count of the sentence
    before, the pronoun's clause only repeats the award; not after a count of candidates ("Quinze
    territoires étaient candidats. Voici ceux qui ont été retenus :": a part of them)."""
    words = _words()
    return intro if words.candidates.search(before) else words.those_awarded.sub(" ", intro)


def _pointers_aimed_at_blanked(intro: str) -> str:
    """The intro, each "suivants" blanked that closes territories an action of the intro's own subject
    aims at ("La Région a voté son soutien à l'ingénierie des territoires suivants :": those it
    supports, maybe a part of the count before), but not the list itself ("la labellisation des
    territoires suivants")."""
    words = _words()
    kept = list(intro)
    for match in words.aimed_at.finditer(intro):
        if not words.list_nouns.fullmatch(match["head"]):
            kept[match.start("pointer"):match.end("pointer")] = " " * len(match["pointer"])
    return "".join(kept)


def _tie(folded: str, sentences: Sentences, lst: ListOfTerritories,
         figures: list[dict], places: list[PlaceMention]) -> tuple[dict, str] | None:
    """The count the text ties to the list and the rule that ties it, if any."""
    index = _sentence_index(sentences, lst.intro_start)
    intro_start = sentences[index][0] if index is not None else lst.intro_start
    intro_start = min(intro_start, lst.intro_start)
    counts = _counts_in(figures, intro_start, lst.items_start)
    if lst.sentence_end is not None:  # names read in prose: only a small count before them sizes them
        after = lst.intro_start if lst.intro_start < lst.items_start else intro_start
        counts = [c for c in counts if c["value"] <= MAX_LISTED_COUNT and c["start"] >= after]
        if not counts:
            return None
    if counts:
        # "Les 4 territoires axonais comptent parmi les 183 Territoires d'industrie … : A, B, C, D":
        # a national total sizes no list of names beside a count that can
        listable = [c for c in counts if c["value"] <= MAX_LISTED_COUNT] or counts
        count = listable[-1]
        if _national_beside_a_short_list(count, lst):
            return None
        # "Les Vosges comptent trois territoires, sur les 18 que compte la région :": the whole
        # the list is taken from follows the list's own count
        # (a list as long as the whole may be the whole's: no tie then)
        listed = len(lst.territory_ids)
        if (len(listable) > 1 and _is_whole(folded, count) and listable[-2]["value"] < count["value"]
                and count["value"] != listed):
            count = listable[-2]
        if (_is_partial(_wholes_blanked(folded, count, lst.items_start, figures, listed))
                or _words().partial_before.search(folded, intro_start, count["start"])
                or _names_a_narrower_place(count, places, count["end"], lst.items_start)):
            return None
        return _sized_earlier(folded, count, figures, listed) or count, "stated_count.list_intro"
    intro = folded[intro_start:lst.items_start]
    words = _words()
    opens_by_referring = words.refers_back_opening.match(intro.lstrip(" *_\n")) is not None
    # "Les territoires charentais retenus sont :" refers to a count of the Charente only
    areas = {(area.code, area.kind) for area in named_areas(folded, intro_start, lst.items_start, places)}
    refers_back = (words.refers_back.search(_pointers_aimed_at_blanked(intro)) or opens_by_referring
                   or areas and words.refers_back_to_area.search(intro) or _opens_a_partition(folded, lst))
    if (index is None or index == 0
            or len(intro.split()) > REFERRING_INTRO_MAX_WORDS and not opens_by_referring
            or not refers_back or _is_partial(_those_awarded_blanked(intro, folded[slice(*sentences[index - 1])]))
            or any(intro_start <= f["start"] < lst.items_start for f in figures)):
        return None
    previous = sentences[index - 1]
    counts = [c for c in _counts_in(figures, previous[0], min(previous[1], intro_start))
              if _in_areas(c, areas) and not _is_compared(folded, c)]
    rule = "stated_count.previous_sentence"
    listed = len(lst.territory_ids)
    # "Trois … se trouvent en Nord-Isère sur un total de 18 territoires … Il s'agit de A, B et C":
    # the whole a part is taken from is not what the intro points back at (unless as long)
    parts = [c for c in counts if not _is_whole(folded, c) or c["value"] == listed]
    if counts and not parts:
        return None
    counts = parts
    if not counts:
        counts = _counts_of_paragraph_before(folded, sentences, intro_start, figures, areas)
        rule = "stated_count.previous_paragraph"
    if not counts:
        return None
    # "Le Tarn compte trois des 124 territoires … Il s'agit de A et de B": the count a list can have;
    # "Onze territoires voient leur label renouvelé et quatre entrent …" then "La liste est la
    # suivante :": a bare count continuing the noun of one before it is a part, not what the list sizes;
    # so is "Deux territoires, dont un nouveau. Ce sont :" (a part the list is not as long as)
    listable = [c for c in counts if c["value"] <= MAX_LISTED_COUNT] or counts
    count = ([c for c in listable if c["rule"] != ELIDED_UNIT
              and not (c["rule"] == PART and c["value"] != listed)] or listable)[-1]
    if _national_beside_a_short_list(count, lst):
        return None  # "… compte 183 territoires. Dans le quart nord-est, voici les territoires retenus :"
    if words.new.search(intro) and not words.new.search(fold(count["mention"])):
        return None  # "136 territoires. Les nouveaux sont les suivants :": a part
    if count["value"] != listed and _counted_above(folded, count, figures, listed):
        # "Deux territoires gardois labellisés" (title) … "La région Occitanie en compte 15. Les
        # territoires retenus sont les suivants :": an intro that only points back, at a count the
        # text's own count of the list in an earlier paragraph contradicts, is not tied to it
        return None
    if _names_a_narrower_place(count, places, count["end"], lst.items_start):
        return None
    return count, rule


def _title_tie(folded: str, lst: ListOfTerritories, figures: list[dict], places: list[PlaceMention],
               title: tuple[int, int]) -> tuple[dict, str] | None:
    """The headline's count for the text's one list, when the list's intro presents it as the whole
    list of an area's territories and states no count ("Cinq Territoires d'industrie pour l'Aisne"
    … "Le préfet a présenté la liste des territoires axonais retenus :"): the headline's only count
    of territories, small, the headline naming the area the intro names (and no other), with no
    count of territories in the body between the headline and the list (the body's own count would
    size it, or tell another story)."""
    counts = _counts_in(figures, *title)
    intro = folded[lst.intro_start:lst.items_start]
    if (len(counts) != 1 or counts[0]["value"] > MAX_LISTED_COUNT or not lst.blocks
            or not _words().whole_list.search(intro) or _is_partial(intro) or _words().new.search(intro)
            or _is_partial(folded[title[0]:title[1]]) or _counts_in(figures, title[1], lst.items_start)):
        return None
    areas = {(area.code, area.kind) for area in named_areas(folded, lst.intro_start, lst.items_start, places)}
    if not areas or areas != {(area.code, area.kind) for area in named_areas(folded, *title, places)}:
        return None  # "Douze territoires en Centre-Val de Loire" over "la liste des territoires indriens"
    return counts[0], "stated_count.title"


WHOLE_BEFORE = "stated_count.whole_before"


def _whole_before(folded: str, sentences: Sentences, lst: ListOfTerritories, figures: list[dict],
                  places: list[PlaceMention], departements_of: dict[str, frozenset[str]]
                  ) -> tuple[dict, str] | None:
    """The count of all an area's territories in the sentence right before a list whose intro
    neither counts nor points back but speaks of them ("Rencontre des trois Territoires d'industrie
    du Morbihan." then "Les équipes projet se réunissent pour partager leurs plans d'actions :"):
    the list may name a part of that whole, never more. Tied only when the list names more
    territories than the count, all placed in its area. The count is the only count of territories
    of its sentence, exact and small, after a definite determiner ("les", "des", "aux", "ces": the
    whole set), with nothing saying it is a part or that others join it ("dont", "autres",
    "nouveaux", "renouvelés", "plus deux", "et leurs voisins", "avec"); the intro holds no number,
    no partial word and names no other area."""
    index = _sentence_index(sentences, lst.intro_start)
    if index is None or index == 0:
        return None
    intro_start = min(sentences[index][0], lst.intro_start)
    intro = folded[intro_start:lst.items_start]
    previous = sentences[index - 1]
    counts = _counts_in(figures, previous[0], min(previous[1], intro_start))
    if (len(counts) != 1 or any(intro_start <= f["start"] < lst.items_start for f in figures)
            or not _words().of_the_counted.search(intro) or _is_partial(intro) or _words().new.search(intro)):
        return None
    count = counts[0]
    listed = len(lst.territory_ids)
    words = _words()
    after = fold(count["mention"]) + folded[count["end"]:previous[1]]
    if (count["value"] > MAX_LISTED_COUNT or listed <= count["value"]
            or count["scope_kind"] not in ("region", "departement")
            or not words.whole_determiners.search(folded, max(0, count["start"] - 10), count["start"])
            or _is_partial(after) or words.new.search(after) or words.renewal.search(after)
            or _added().search(after) or words.joined.search(after) or _is_compared(folded, count)
            or _names_a_narrower_place(count, places, count["end"], lst.items_start)):
        return None
    if not _all_in_area(count, lst, departements_of):
        return None
    return count, WHOLE_BEFORE


def _all_in_area(count: dict, lst: ListOfTerritories, departements_of: dict[str, frozenset[str]]) -> bool:
    """Whether every listed territory is placed, in a département of the count's area."""
    departements = referential.load().departements
    for territory_id in lst.territory_ids:
        codes = departements_of.get(territory_id) or frozenset()
        if count["scope_kind"] == "departement":
            inside = count["scope_code"] in codes
        else:
            inside = any(code in departements and departements[code].region_code == count["scope_code"]
                         for code in codes)
        if not inside:
            return False
    return True


def _is_compared(folded: str, count: dict) -> bool:
    """A count right after "contre": the term of a comparison ("seize lauréats, contre dix
    territoires lors de la première vague"), not a size."""
    before = folded[max(0, count["start"] - 20):count["start"]]
    return any(not before[match.end():].strip() for match in _words().compared.finditer(before))


def _opens_a_partition(folded: str, lst: ListOfTerritories) -> bool:
    """An intro that is only the first sub-heading of a list parted into renewed and new
    territories ("Renouvellement des territoires existants :" … "Nouveaux territoires :"): the
    sub-lists make the whole list, whose count the sentence before states."""
    if not lst.has_sublists or len(lst.blocks) != 1 or not lst.blocks[0].headings:
        return False
    intro = folded[lst.intro_start:lst.items_start]
    if len(intro.split()) > SUBHEADING_MAX_WORDS or not intro.rstrip().endswith(":"):
        return False
    words = _words()
    headings = " ".join(folded[h.start:h.end] for h in lst.blocks[0].headings)
    return bool(words.renewal.search(intro) and words.new.search(headings)
                or words.new.search(intro) and words.renewal.search(headings))


def _with_added(text: str, folded: str, sentences: Sentences, count: dict, lst: ListOfTerritories,
                figures: list[dict]) -> tuple[dict, str | None]:
    """The count and what its sentence adds to it before the list: "Le Grand Est compte dix
    territoires, plus deux interrégionaux :" (or "…, auxquels s'ajoutent deux territoires …",
    whose last count the tie took) sizes the list with their sum. When the sum is the list's length,
    a count of the sum (its mention from the first count to the last addition); else the count and
    the words adding (the difference is in doubt). Nothing to do for a count the list already has."""
    listed = len(lst.territory_ids)
    index = _sentence_index(sentences, count["start"])
    if count["value"] == listed or index is None:
        return count, None
    start = sentences[index][0]
    end = min(sentences[index][1], lst.items_start) if lst.items_start > start else sentences[index][1]
    additions = list(_added().finditer(folded, start, end))
    if not additions:
        return count, None
    bases = [c for c in _counts_in(figures, start, additions[0].start()) if c["value"] <= MAX_LISTED_COUNT]
    if not bases:
        return count, None
    base = bases[-1]
    total = base["value"] + sum(ADDED_NUMBERS.get(a["number"]) or int(a["number"]) for a in additions)
    if total != listed:
        return count, text[additions[0].start():additions[-1].end()]
    stop = additions[-1].end()
    return {**base, "value": total, "end": stop, "mention": text[base["start"]:stop]}, None


def _sized_earlier(folded: str, count: dict, figures: list[dict], listed: int) -> dict | None:
    """An earlier count of the intro's paragraph, in the same area or one holding it, as long as the
    list, when the count nearest it is not: "Six territoires ont été identifiés ; pour deux
    territoires, le périmètre reste à arrêter" over six rows: the later count is about some of
    them, the text sized the list with the first."""
    if count["value"] == listed:
        return None
    start = _paragraph_start(folded, count["start"])
    return next((c for c in reversed(_counts_in(figures, start, count["start"]))
                 if c["value"] == listed and _holds_area(c, count)), None)


def _holds_area(whole: dict, count: dict) -> bool:
    """Is the count's area the whole's, or within it (France holds every area)?"""
    if whole["scope_code"] == "FR" or (whole["scope_code"], whole["scope_kind"]) == (
            count["scope_code"], count["scope_kind"]):
        return True
    departement = referential.load().departements.get(count["scope_code"])
    return (count["scope_kind"] == "departement" and whole["scope_kind"] == "region"
            and departement is not None and departement.region_code == whole["scope_code"])


def _national_beside_a_short_list(count: dict, lst: ListOfTerritories) -> bool:
    """A count larger than any list of names a page gives (MAX_LISTED_COUNT: 124, 183) sizes only
    a list as long: beside a shorter one it is the programme's total, not the list's size."""
    return count["value"] > MAX_LISTED_COUNT and len(lst.territory_ids) <= MAX_LISTED_COUNT


def _holding(spans: tuple[tuple[int, int], ...], position: int) -> int | None:
    """The index of the span holding `position`, None if none does: `spans` in order and apart,
    by bisection (each count and each list read every paragraph of the text)."""
    index = bisect_right(spans, position, key=itemgetter(0)) - 1
    return index if index >= 0 and position < spans[index][1] else None


def _paragraph_start(folded: str, position: int) -> int:
    """The start of the paragraph holding `position`, 0 if none does."""
    spans = paragraphs(folded)
    index = _holding(spans, position)
    return 0 if index is None else spans[index][0]


@lru_cache(maxsize=4)
def _written_paragraphs(folded: str) -> tuple[tuple[int, int], ...]:
    """The paragraphs with more than blanks."""
    return tuple((start, end) for start, end in paragraphs(folded) if folded[start:end].strip())


def _counted_above(folded: str, count: dict, figures: list[dict], listed: int) -> bool:
    """Whether a paragraph before the count's own states a count of territories as long as the list."""
    own_start = _paragraph_start(folded, count["start"])
    return any(c["value"] == listed for c in _counts_in(figures, 0, own_start))


def _in_areas(count: dict, areas: set[tuple[str, str]]) -> bool:
    """Whether a count lies in one of the areas an intro names (any count when it names none): "Leur
    liste, validée par le préfet de la région Hauts-de-France, …" keeps a count of the Aisne."""
    if not areas or (count["scope_code"], count["scope_kind"]) in areas:
        return True
    departement = referential.load().departements.get(count["scope_code"])
    return (count["scope_kind"] == "departement" and departement is not None
            and (departement.region_code, "region") in areas)


# An area named by its kind only, in an intro: "les territoires retenus dans la région :".
AREA_ANAPHORS = {"region": re.compile(r"\b(?:la|cette|notre) region\b"),
                 "departement": re.compile(r"\b(?:le|ce|notre) departement\b")}


def _counts_of_paragraph_before(folded: str, sentences: Sentences, intro_start: int, figures: list[dict],
                                areas: set[tuple[str, str]]) -> list[dict]:
    """The counts a referring intro that opens a paragraph takes from the paragraph before it, when
    they all agree ("La Charente compte trois territoires …, contre deux lors de la première phase.
    La Nouvelle-Aquitaine en compte 24." then "Les territoires charentais retenus sont :"): the
    counts of the area the intro names, else every count; a comparison ("contre deux") is none, nor
    a part of a larger count ("seize territoires, dont cinq qui entrent"). A paragraph between
    whose counts are all national totals no list can be ("… qui concerne 183 territoires en
    France.") speaks of the programme, not of the list: the intro takes the counts of the paragraph
    before that one."""
    spans = _written_paragraphs(folded)
    own = _holding(spans, intro_start)
    if not own or folded[spans[own][0]:intro_start].strip():
        return []
    counts = _counts_in(figures, spans[own - 1][0], intro_start)
    if own > 1 and counts and all(c["value"] > MAX_LISTED_COUNT for c in counts):
        # "… dans le département :" does not point at a count of the région over the paragraph
        kinds = {kind for kind, word in AREA_ANAPHORS.items() if word.search(folded, intro_start, spans[own][1])}
        counts = [c for c in _counts_in(figures, spans[own - 2][0], spans[own - 1][0])
                  if not kinds or c["scope_kind"] in kinds]
    counts = [c for c in counts
              if c["rule"] != COMPARISON and not _is_compared(folded, c) and c["value"] <= MAX_LISTED_COUNT
              and _in_areas(c, areas) and _part_of(folded, sentences, c, figures) is None]
    return counts if len({c["value"] for c in counts}) == 1 else []


def _part_of(folded: str, sentences: Sentences, count: dict,
             figures: list[dict]) -> dict | None:
    """The larger count of the same sentence that this one is a part of ("13 territoires, dont
    dix d'entre eux …", "183 lauréats, dont 4 dans l'Aisne", "La Gironde en compte trois : deux
    sont reconduits, le troisième …": a colon right after the larger count opens its parts), if it
    reads as a part."""
    index = _sentence_index(sentences, count["start"])
    if index is None:
        return None
    earlier = [f for f in _counts_in(figures, sentences[index][0], count["start"])
               if f["value"] > count["value"]]
    is_part = (count["rule"] == "figure.partitive"
               or re.search(r"(?<![\w'])dont\s+(?:\S+\s+)?$", folded[max(0, count["start"] - 30):count["start"]])
               or earlier and PARTS_AFTER_COLON.fullmatch(folded, earlier[-1]["end"], count["start"]))
    return earlier[-1] if earlier and is_part else None


# Between a count and the first of its parts: its noun at most, then a colon ("trois : deux …").
PARTS_AFTER_COLON = re.compile(r"(?:\s+[\w'-]+){0,2}\s*:\s*")


def _counts_new_beside_renewals(folded: str, count: dict, lst: ListOfTerritories) -> bool:
    """"5 nouveaux territoires : …" over a list that also holds renewed territories."""
    words = _words()
    counted = folded[count["start"]:min(count["end"] + 30, lst.items_start)]
    if not words.new.search(counted):
        return False
    return bool(words.renewal.search(folded[count["end"]:lst.end]))


# Where the clause of a count ends: "les dix territoires de la première phase sont renouvelés, et …".
CLAUSE_END = re.compile(r"[,;:.!?\n]")


def _counts_renewals_beside_new(folded: str, count: dict, lst: ListOfTerritories) -> bool:
    """"Les dix territoires de la première phase sont tous renouvelés, et cinq nouveaux font leur
    entrée" over a list of all fifteen: a count its own clause calls renewed (and not new), beside
    new territories named after that clause, up to the list's end, is a part of the list. Not over
    sub-lists ("Territoires renouvelés" / "Nouveaux territoires"): a count of none of them still
    contradicts them (_sizes_one_sublist)."""
    if lst.has_sublists:
        return False
    words = _words()
    end = CLAUSE_END.search(folded, count["end"])
    end = end.start() if end else len(folded)
    clause = folded[count["start"]:end]
    if not words.renewal.search(clause) or words.new.search(clause):
        return False
    return bool(words.new.search(folded[end:lst.end]))


# What parts the names of a list written in a sentence, and what closes one ("A (02), B (02) et C (02)").
SENTENCE_SEPARATOR = re.compile(r"\s*[;,]\s*(?:(?:et|ou)\s+)?|\s+(?:et|ou)\s+")
CLOSING_BRACKET = re.compile(r"\s*\([^()\n]{1,60}\)")
SENTENCE_STOP = re.compile(r"[.!?…](?=\s|$)|\n")


# "…, B et l'Agenais": the last "et" before an article and a capital opens one more name.
LAST_ET_ARTICLE = re.compile(ET_ARTICLE)


def _fewer_than_commas_and_a_last_name(text: str, lst: ListOfTerritories, count: dict) -> bool:
    """'Deux territoires … : Val de Garonne, Fumel – Vallée du Lot et l'Agenais': the names read are
    parted by commas, the last by "et" and an article; fewer names than that would join names across
    a comma or make "X et l'Y" one name: the count is smaller than the list, one way only."""
    names = lst.names
    if len(names) < 3 or count["value"] >= len(names) or any(text[s - 1:s] in "«\"“" for s, _ in names):
        return False
    joints = [text[end:start] for (_, end), (start, _) in zip(names, names[1:])]
    return all(re.fullmatch(r"\s*,\s*", joint) for joint in joints[:-1]) \
        and bool(LAST_ET_ARTICLE.fullmatch(joints[-1])) and text[names[-1][0]:names[-1][0] + 1].isupper()


def _read_one_way(text: str, lst: ListOfTerritories, count: dict) -> bool:
    """Whether the names read in a sentence can be counted one way only: the count is larger than
    the pieces every comma, ';' and 'et' make from it (or from the list, when the count is in a
    sentence before) to the sentence's end, a clause glossing a name ("A, porté par X, et B") or a
    lone head sharing the next name's complement ("Sud et Ouest Creuse") no piece (no reading
    reaches it: "Cinq territoires … : A, B, C et D"); or, for the names the
    enumeration rule read, each name is closed by its own bracket, a separator alone between
    ("Trois territoires … : A (02), B (02), C (02) et D (02)")."""
    sentence_end = len(text) if lst.sentence_end is None else lst.sentence_end
    stop = SENTENCE_STOP.search(text, lst.items_start, sentence_end)
    stop = stop.start() if stop else sentence_end
    enclosed = _enclosing_bracket_end(text, lst, count)
    if enclosed is not None:
        stop = enclosed  # "quatre territoires (A, B et C) ; dans l'Indre, deux (…)": the bracket ends the list
    if _each_in_its_quotes(text, lst, stop):
        return True  # the sentence's predicate after the last quote ends the list (quoted_items)
    bracket = CLOSING_BRACKET.match(text, lst.end)
    if text[bracket.end() if bracket else lst.end:stop].strip(" \t)»\"”"):
        return False  # words after the last name ("…, A et trois autres dans le Nord"): the list may go on
    pieces_start = count["end"] if count["end"] > lst.intro_start else lst.items_start
    pieces = [piece for piece in SENTENCE_SEPARATOR.split(text[pieces_start:stop])
              if piece.strip() and not GLOSS_CLAUSE.match(fold(piece.strip()))
              and not _words().shared_heads.fullmatch(fold(piece.split(":")[-1].strip()))]  # "Sud et Ouest Creuse"
    if count["value"] > len(pieces):
        return True
    if lst.sentence_end is None:
        return False  # a colon list's names: only the count tells
    if _fewer_than_commas_and_a_last_name(text, lst, count):
        return True
    ends = []
    for start, end in lst.names:
        bracket = CLOSING_BRACKET.match(text, end)
        if bracket is None:
            return False
        ends.append(bracket.end())
    return all(SENTENCE_SEPARATOR.fullmatch(text, end, next_start)
               for end, (next_start, _) in zip(ends, lst.names[1:]))


def _each_in_its_quotes(text: str, lst: ListOfTerritories, stop: int) -> bool:
    """Whether every name of the list stands in its own quotes, a separator alone between ("trois
    territoires : « A », « B », « C » et « D »"): a quote holds one name, the list names as many
    as its quotes."""
    start = len(text[:lst.items_start].rstrip(" \t«"))
    quoted = quoted_items(text, start, stop)
    return len(quoted) > 1 and len(quoted) == len(lst.territory_ids)


BRACKET_CLOSE = re.compile(r"\s*\)")  # a bracket closing right after a list


def _enclosing_bracket_end(text: str, lst: ListOfTerritories, count: dict) -> int | None:
    """Where the bracket that holds a whole list written in a sentence closes, when one opens
    between the count and the first name and closes right after the last ("Dans le Cher, quatre
    territoires sont labellisés (A, B et C) ; dans l'Indre, deux (D et E)"): what follows it is
    no part of the list."""
    if count["end"] > lst.items_start:
        return None
    opening = text.rfind("(", count["end"], lst.items_start)
    closing = BRACKET_CLOSE.match(text, lst.end)
    if opening < 0 or closing is None or ")" in text[opening:lst.items_start]:
        return None
    if ")" in text[lst.items_start:lst.end] and text.count("(", lst.items_start, lst.end) != text.count(
            ")", lst.items_start, lst.end):
        return None
    return closing.start()


def _one_name(lst: ListOfTerritories) -> bool:
    """A list of lines (or a table's rows) holding one item that names one territory: no evidence
    against a larger count. A lone numbered line under the count's paragraph is as often a
    section heading ("2. Les territoires signataires", the real list a table flattened cell by
    cell after it) or the one line read of a list the rules could not read, as a list short of
    its count. A list written in a sentence has its own doubt (_read_one_way)."""
    return lst.items == 1 and len(lst.territory_ids) == 1


def _sizes_one_sublist(count: dict, lst: ListOfTerritories) -> bool:
    """"Dix territoires voient leur label renouvelé et cinq entrent" over "Territoires renouvelés"
    (10) / "Nouveaux territoires" (5): a count that is the length of one sub-list, not of them
    all, counts that sub-list."""
    if not lst.has_sublists or count["value"] == len(lst.territory_ids):
        return False
    under: dict[tuple[int, Span | None], int] = {}  # names per list and sub-heading
    for block in lst.blocks:
        for item in block.items:
            key = (block.id, item.heading)
            under[key] = under.get(key, 0) + max(1, len(item.parts))
    sizes = set(under.values()) if len(under) > 1 else set()
    sizes |= {len(item.parts) for block in lst.blocks for item in block.items
              if item.field and len(item.parts) > 1}
    return count["value"] in sizes


ET_BEFORE_A_NAME = re.compile(r"\s(?:et|ainsi\s+que)\s+(?:(?:la|le|les)\s+|l['’]\s*)?[A-ZÀ-Ý]")


def _closing_et(text: str, lst: ListOfTerritories, count: dict) -> str | None:
    """The last item of a list written on one line ("A ; B ; C et D"), when it holds "et" before a
    name and the count is one more than the list: French closes such a list with "et", and a
    name may hold "et" too ("Thouarsais et Loudunais"), so "C et D" may be one name or two."""
    if not lst.blocks or lst.blocks[-1].kind != "inline" or count["value"] != len(lst.territory_ids) + 1:
        return None
    last = lst.blocks[-1].items[-1].content.of(text)
    return last if ET_BEFORE_A_NAME.search(last) else None


def _doubt(text: str, lst: ListOfTerritories, whole: dict | None, count: dict,
           part: int | None, added: str | None) -> str | None:
    """Why comparing the count with this list would not prove the document wrong, if anything."""
    doubts = []
    if part is not None and part != count["value"]:  # the count's area, read from the text, may be wrong
        doubts.append(f"the list spans other areas than the count's: compared with its {part} "
                      "territories there, as the count's area was read")
    if whole is not None:
        doubts.append(f"the count is a part of the '{whole['mention']}' before it, and the list "
                      "may be the whole")
    if lst.table:
        if not text[lst.end:].strip() and may_be_cut(text):
            doubts.append("the text ends with the table: the page may have been cut")
    elif not lst.blocks:
        if not _read_one_way(text, lst, count):
            doubts.append("the list is written in a sentence, whose commas and 'et' can be read "
                          "several ways")
    elif not text[lst.end:].strip() and may_be_cut(text):
        last = lst.blocks[-1].items[-1].content.of(text)
        if not CLOSED_ITEM.search(last):
            doubts.append(f"the text ends inside the list (its last item '{_shorten(last)}' looks "
                          "unfinished): the page may have been cut")
    elif stops_at_a_page_break(text, lst.blocks[-1]):
        doubts.append("the list stops at a page break and items like its own follow: it may go "
                      "on on the next page")
    elif numbering_goes_on(text, lst.blocks[-1]):
        doubts.append("its numbering goes on after it: its items may be parted by paragraphs")
    closing = _closing_et(text, lst, count)
    if closing is not None:
        doubts.append(f"its last item '{_shorten(closing)}' holds 'et' before a name, as a list "
                      "written on one line closes: it may be two names")
    if _others_after(text, lst, count):
        doubts.append("a sentence after it names or counts the territories it leaves out: the "
                      "count holds them")
    if lst.taken_up_unread and count["value"] > len(lst.territory_ids):
        doubts.append("a list with its marker takes it up after a paragraph, its items not read as "
                      "territories: it may go on there")
    if lst.resumed:
        doubts.append("it is taken up after a paragraph with the same marker: the paragraph may "
                      "part two lists")
    plain = _one_name_per_plain_item(lst) if lst.blocks else None  # a line "A ; B" read whole is one name
    if lst.items is not None and len(lst.territory_ids) not in (lst.items, plain):
        doubts.append(f"its items hold {lst.items} name(s), {len(lst.territory_ids)} read as "
                      "territories")
    if plain is not None and plain == count["value"] != lst.items and plain != len(lst.territory_ids):
        doubts.append(f"it has {plain} items, as many as the count, some of them parted by ';' "
                      f"({lst.items} parts): an item may be one name holding a ';'")
    if added is not None:
        doubts.append(f"its intro adds other territories to the count ('{_shorten(added)}'): the "
                      "list may hold them all")
    return "; ".join(doubts) or None


ORDINALS = {"deuxieme": 2, "second": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5,
            "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10}


def _others_after(text: str, lst: ListOfTerritories, count: dict) -> bool:
    """Whether a sentence after a list short of its count opens with the others it leaves out: as
    many as are missing, right after the list ("… en compte cinq : 1. … 3. … Deux autres
    territoires seront désignés en 2019.") or further on ("Les six autres territoires de la région
    signeront leur contrat au printemps." under a table and its notes), or, right after it, the
    next one by its rank ("Quatre territoires : 1) … 3) … Le quatrième, X, a été ajouté …"): the
    count holds territories named elsewhere or later."""
    listed = len(lst.territory_ids)
    missing = int(count["value"]) - listed
    if missing <= 0:
        return False
    folded = fold(text)
    after = folded[lst.end:lst.end + 200].lstrip(" \t\n.;")
    ranked = re.match(r"(?:le|la)\s+(\w+)\b", after)
    if ranked and ORDINALS.get(ranked[1]) == listed + 1:
        return True
    others = [_others_opening().match(after)] + list(_others_opening().finditer(folded, lst.end))
    return any(count_value(other[1]) == missing
               for other in others if other)


@lru_cache(maxsize=1)
def _others_opening() -> re.Pattern:
    """A count of others opening a sentence or a line: "Les six autres territoires …"."""
    return re.compile(r"(?:^|(?<=[.!?])\s+)[\s*_#>-]*(?:les\s+)?(\d{1,2}|[a-z]+)\s+(?:"
                      + _words().others_after.pattern + ")", re.MULTILINE)


def _shorten(value: str, keep: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= keep else value[:keep - 1] + "…"


def _area_name(code: str, kind: str) -> str:
    """A COG code alone is ambiguous ("44" is a région and a département): name it by its kind."""
    ref = referential.load()
    area = {"region": ref.regions, "departement": ref.departements}.get(kind, {}).get(code)
    return area.name if area else "France"


def _scope_holding_the_listed(count: dict, lst: ListOfTerritories, mentions: list[TerritoryMention]) -> tuple[str, str]:
    """(code, kind) the count is of: "les cinq territoires retenus sont, dans les Côtes-d'Armor, A et
    B ; en Ille-et-Vilaine, C …" reads the first département after the count, which does not hold
    the territories listed in the others: their one région then, for the count and its figure."""
    if count["scope_kind"] != "departement":
        return count["scope_code"], count["scope_kind"]
    codes: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.territory_id in lst.territory_ids and lst.items_start <= mention.start < lst.end:
            codes.setdefault(mention.territory_id, set()).update(mention.departement_codes)
    if any(listed and count["scope_code"] not in listed for listed in codes.values()):
        area = area_of_territories(list(codes.values()))
        if area is not None:
            return area.code, area.kind
    return count["scope_code"], count["scope_kind"]


def _part_in_area(count: dict, lst: ListOfTerritories, departements_of: dict[str, frozenset[str]]) -> int | None:
    """How many listed territories lie in the count's area, when the list also holds some placed
    wholly outside it: "la Guadeloupe en compte trois et la Martinique un seul" over a table of
    both islands' territories, "le Cher en a deux" over a list of the région's: a count of one
    area sizes only its part. None when the count is national or a listed territory is unplaced."""
    if count["scope_kind"] not in ("region", "departement"):
        return None
    departements = referential.load().departements
    codes = {territory_id: departements_of.get(territory_id) for territory_id in lst.territory_ids}
    if not all(codes.values()):
        return None

    def inside(code: str) -> bool:
        if count["scope_kind"] == "departement":
            return code == count["scope_code"]
        return code in departements and departements[code].region_code == count["scope_code"]

    part = sum(any(map(inside, placed)) for placed in codes.values())
    return part if 0 < part < len(codes) else None


def stated_counts(text: str, sentences: Sentences, mentions: list[TerritoryMention],
                  figures: list[dict], places: list[PlaceMention], phases: dict[str, str | None],
                  sentence_phase: Callable[[tuple[int, int]], str | None],
                  departements_of: dict[str, frozenset[str]], title: tuple[int, int] | None = None) -> list[dict]:
    """One row per list whose size the text states: stated against listed (the part of the list in
    the count's area, when the list spans others), with the evidence. `title`: the headline's span
    in the text, if it stands there."""
    folded = fold(text)
    rows = []
    structure = parse(text)
    for lst, count in _counted_sublists(text, folded, structure, mentions, figures):
        of_the_list, phase = _phase(sentences, lst, count, phases, sentence_phase)
        if of_the_list:
            rows.append(_row(count, (count["scope_code"], count["scope_kind"]), phase, len(lst.territory_ids),
                             "stated_count.subheading", lst, _doubt(text, lst, None, count, None, None)))
    lists = _lists(text, structure, mentions)
    for lst in lists:
        tie = _tie(folded, sentences, lst, figures, places)
        if tie is None and lst.named_apart:
            tie = _counted_in_the_sentence_before(text, sentences, lst, figures)
        if tie is None and len(lists) == 1 and title is not None:
            tie = _title_tie(folded, lst, figures, places, title)
        if tie is None:
            tie = _whole_before(folded, sentences, lst, figures, places, departements_of)
        if tie is None:
            continue
        count, rule = tie
        if _one_name(lst) and count["value"] != 1:
            continue
        of_the_list, phase = _phase(sentences, lst, count, phases, sentence_phase)
        if not of_the_list:
            continue  # a count of the other phase
        if (_counts_new_beside_renewals(folded, count, lst) or _counts_renewals_beside_new(folded, count, lst)
                or _sizes_one_sublist(count, lst)):
            continue
        if rule == WHOLE_BEFORE:
            pass  # the list is not sized by the count, only bounded by it
        elif lst.has_sublists:
            rule = "stated_count.sublists_sum"
        elif lst.resumed:
            rule = "stated_count.resumed_list"
        whole = _part_of(folded, sentences, count, figures)
        if whole is not None and whole["value"] == len(lst.territory_ids):
            count, whole = whole, None  # "Les 13 …, dont quatre …, sont les suivants :" lists the 13
        listed = len(lst.territory_ids)
        count, added = _with_added(text, folded, sentences, count, lst, figures)
        part = _part_in_area(count, lst, departements_of) if count["value"] != listed else None
        if part is not None:  # a count of its own area, beside the list's others
            scope, listed = (count["scope_code"], count["scope_kind"]), part
        else:
            scope = _scope_holding_the_listed(count, lst, mentions)
        count.update(scope_code=scope[0], scope_kind=scope[1])  # the figure counts the same area
        rows.append(_row(count, scope, phase, listed, rule, lst, _doubt(text, lst, whole, count, part, added)))
    return rows


def _row(count: dict, scope: tuple[str, str], phase: str | None, listed: int, rule: str,
         lst: ListOfTerritories, doubt: str | None) -> dict:
    """One stated count's row: the count, the area it counts in, the list it sizes."""
    return {"scope_code": scope[0], "scope_name": _area_name(*scope), "phase": phase,
            "stated": int(count["value"]), "listed": listed,
            "mention": count["mention"], "start": count["start"], "end": count["end"],
            "rule": rule, "list_start": lst.items_start, "list_end": lst.end, "doubt": doubt}

def _phase(sentences: Sentences, lst: ListOfTerritories, count: dict, phases: dict[str, str | None],
           sentence_phase: Callable[[tuple[int, int]], str | None]) -> tuple[bool, str | None]:
    """(whether the count is of the list's phase, the list's phase). The list's phase is its intro's
    when the intro states one ("Pour 2023-2027, les territoires retenus sont les suivants :" after "En
    2018, le Doubs en comptait deux"); else the count's when a listed territory has it: a territory
    named in both phases' lists has one phase in the document ("trois en 2018 : A, B, C" then "pour
    2023-2027, quatre : A, B, D, E"); else its territories'."""
    def phase_at(position: int) -> str | None:
        index = _sentence_index(sentences, position)
        return sentence_phase(sentences[index]) if index is not None else None

    count_phase, intro_phase = phase_at(count["start"]), phase_at(lst.intro_start)
    listed = {phases[t] for t in lst.territory_ids if phases.get(t)}
    phase = intro_phase or (count_phase if count_phase in listed else next(
        (phases[t] for t in sorted(lst.territory_ids) if phases.get(t)), None))
    return not (count_phase and phase and count_phase != phase), phase


def _counted_sublists(text: str, folded: str, structure: Structure, mentions: list[TerritoryMention],
                      figures: list[dict]) -> list[tuple[ListOfTerritories, dict]]:
    """Each sub-list under a sub-heading that counts it, with its count: "Meurthe-et-Moselle – 3
    territoires" over "• A • B • C", in a list whose sub-headings count theirs by area (a regional
    letter's list by département; the first heading may be the list's intro). Only a series of two
    counted sub-headings at least: a lone one may count the whole list ("Grand Est – 3 territoires"
    over "• A" then "Interrégionaux" "• B • C"). Each count is its sub-heading's only count of
    territories, exact and small, and nothing in the heading says it is a part ("dont", "parmi",
    "autres"): the sub-list's items are what it counts."""
    found = []
    for block in structure.lists:
        headings = ([block.intro] if _is_subheading(text, block.intro) else []) + block.headings
        counted = []
        for heading in headings:
            counts = _counts_in(figures, heading.start, heading.end)
            items = [item for item in block.items if item.heading == (None if heading is block.intro else heading)]
            if len(counts) == 1 and counts[0]["value"] <= MAX_LISTED_COUNT and items \
                    and not _is_partial(folded[heading.start:heading.end]):
                counted.append((heading, counts[0], items))
        if len(counted) < 2:
            continue
        for heading, count, items in counted:
            span = Span(items[0].span.start, items[-1].span.end)
            ids = {m.territory_id for m in mentions if span.start <= m.start < span.end and m.rule != TABLE_CELL}
            if ids:
                sub = replace(block, items=items, headings=[], span=span)
                found.append((ListOfTerritories(heading.start, span.start, span.end, ids, [sub], _names_in(sub),
                                                False), count))
    return found
