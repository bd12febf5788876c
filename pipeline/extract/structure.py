"""Document structure: clean text -> blocks (headings, paragraphs, lists, "label : value" lines).

Extractors ask structural questions ("the items of the list this intro opens", "the label of
this line") instead of scanning characters for bullets and colons; a new publisher's layout is
one change here. Every span is a pair of offsets into the clean text, so rows stay grounded.

Interface (what other stages may rely on):

- `parse(text) -> Structure`, cached per text.
- `Structure.lists`: every `ListBlock`, in reading order. A list has
    `intro`    the sentence that opens it (the last sentence before its first item or first
               sub-list heading, usually ending with ":"), or None;
    `context`  the whole paragraph or line holding the intro (an intro such as "10 d'entre eux
               concernent la Normandie :" needs the sentence before it);
    `items`    `Item`s in order; `headings` the sub-list headings (a line or item ending with ":",
               or a short line without punctuation, between items or between the intro and the
               first item: "Nouveaux territoires :", "Territoires renouvelés"); each item names
               its `heading`;
    `kind`     "bullets" (a marker on every item: •, -, -Name, *, 1., 1), a), ▪, ➢, emoji,
               private-use glyphs), "lines" (one item per line without a marker under an intro
               ending with ":": a short line, or a "Name : what it is" line of any length), or "inline" (the items after "intro :" on the same line,
               separated by ";").
- `Item`: `span` (marker included), `content` (after the marker), `marker`, `heading`, `field`
  (its "label : value" split when it reads so: "« Axe Seine » : CODAH, Caux Estuaire") and
  `parts` (its value, else its content, split on ";" when it holds several: "Nouveaux
  territoires : A (32) ; B (48)").
- `Structure.fields`: every "label : value" line, in lists or not (label span, value span).
- `Structure.tables`: every `Table` (rows of cells written "a | b | c" or parted by tabs, a
  PDF's text columns, or one cell per line; the first row its `header`, then `rows`; cells are
  spans).
- `Structure.blocks`: headings, paragraphs and lists covering the text in order.
- `Structure.list_at(pos)` / `item_at(pos)`: the list / (list, item) holding an offset.

A marked item goes on over the next lines while they continue it (lower-case start or deeper
indentation); an unrelated sentence on the next line ends the list. Blank lines between items
of the same list do not end it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field as default
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.extract.first_letters import with_first_letters
from pipeline.normalize import fold

BULLET_CHARS = "•·▪▫◦●○■□◆◇❖➢➤➣►▶▸‣⁃→⇒✓✔✗☐☑❯*–—-"
_LEGEND_CODES = r"(?:\d{2}|2[AB]|97\d)(?:[ \t]*[-–/,][ \t]*(?:\d{2}|2[AB]|97\d))*"
# A marker, then spaces; or a bullet glued to the name ("-Mont des Avaloirs", "•Alès").
MARKER = re.compile(
    r"[ \t]*(?P<marker>"
    r"(?:[" + re.escape(BULLET_CHARS) + r"](?![*\-–—])"
    r"|\d{1,2}(?:°\)?|[.)/])(?!\d)|[a-hA-H][.)](?=[ \t])|[a-z]\)(?=[ \t])|(?:i{1,3}|iv|v|vi{1,3})[.)](?=[ \t])"
    r"|(?:I{1,3}|IV|VI{0,3}|IX|X)[.)](?=[ \t])"
    # an indented full stop or '>' for a bullet: a word processor's "·" or "➢" as a PDF's text
    # gives it ("  . CC X", "  > la CIREST, …", "  › la CACEM, …"); at the margin, '>' opens a
    # quote or a teaser, '›' a breadcrumb's step
    r"|(?<=[ \t])\.(?=[ \t]+[A-ZÀ-Ý])|(?<=[ \t])[>›](?=[ \t]+\S)"
    # Word's second-level bullet pasted as a letter: "    o Berry-Sologne" under "• Cher"
    r"|o(?=[ \t]+[A-ZÀ-Ý])"
    # a map legend's bare number before a coded name: " 1  Nord Poitou (79 – 86)", " 13  Nord X [54-57]"
    r"|\d{1,2}(?=[ \t]{2,}[A-ZÀ-Ý][^()\[\]\n:;.]{1,80}?[ \t]*(?:\([ \t]*" + _LEGEND_CODES + r"[ \t]*\)|\[[ \t]*"
    + _LEGEND_CODES + r"[ \t]*\])[ \t]*$))"
    r")(?P<gap>[ \t\u00a0\u202f]*)")  # a no-break space after a bullet too ("•\u00a0Alès")
# the second initial of a person's name ("D. K.", "J.-P. M."), after a letter read as a marker
INITIAL = re.compile(r"(?:[A-ZÀ-Ý]\.-)?[A-ZÀ-Ý]\.(?=[ \t]|$)")
GLYPH_CATEGORIES = {"So", "Co", "Sk"}  # emoji, private-use glyphs of Word/PDF bullets
# legal marks of that category: "© Le Journal — Tous droits réservés" closes a page, no list item
NOT_BULLET_GLYPHS = "©®℗™"
INVISIBLE = "\ufe0f\u200d\u200b\u2060"
COLON = re.compile(r":(?=[\s]|$)")
COLON_BLANKS = " \t\u00a0\u202f"
SENTENCE_END = re.compile(r"[.!?…](?:[\s»\"”)]*)(?=\s+[«\"“(]?[A-ZÀ-Ý0-9])")
MAX_LABEL_WORDS = 14
MAX_LINE_ITEM_WORDS = 14
MAX_HEADING_WORDS = 16
MAX_INTRO_WORDS = 40
MAX_SUB_HEADING_WORDS = 6
MAX_FIELD_LINE_LABEL_WORDS = 8
COLUMN_GAP = re.compile(r"[ \u00a0]{3,}")  # between two columns of a PDF's text
COLUMN_SLACK = 2  # characters a piece may stand off its column's start
NARROW_GAP = re.compile(r"(?<=\S)[ \u00a0]{2}(?=\S)")  # a full cell's padding before the next column
# A table written one cell per line: how many columns, how many rows at least, and what a cell of
# figures holds ("80 000 €", "50 %", "2019").
MIN_STACKED_COLUMNS, MAX_STACKED_COLUMNS, MIN_STACKED_ROWS = 3, 8, 2
MAX_STACKED_HEADER_TRIES = 3
FIGURE_CELL = re.compile(r"[-+]?\d[\d \u00a0\u202f.,]*(?:\s*(?:%|€|k€|M€|Md€|euros?|HT|TTC|ha|m²))*")
MIN_NESTED_INDENT = 2  # how much deeper than its item a sub-item's marker stands
CELL_SEPARATOR = " | "  # how pipeline/read/html.py writes the cells of a table row
# a bar between cells; an empty cell leaves two bars side by side ("Thiers | | CC A"), an empty
# first or last one a bar at the line's start or end
# a row summing the table up ends it: "Total", "**TOTAL GÉNÉRAL**", "Sous-total", "Ensemble"
TOTAL_ROW = re.compile(r"[*_ \t]*(?:(?:sous-)?total(?:\s+g[ée]n[ée]ral)?|ensemble)[*_ \t]*:?[*_ \t]*", re.IGNORECASE)
CELL_BAR = r"(?:^|[ \t])\|(?=[ \t]|$)"
# A table pasted from a spreadsheet into a text file. The spaces before the tabs are matched
# from the first of their run: finditer's matches never start after a space (a match there makes
# one a space earlier, and a match's spaces after its tabs run to the next non-space), and a
# line of 10,000 spaces was read again from each of them.
TAB_SEPARATOR = r"(?:(?<! )[ ]+)?\t+[ ]*"
# A spreadsheet exported as CSV with ";" (French Excel's separator) and pasted as text:
# "code;territoire;depts;epci_membre". Prose and inline lists put a space after ";".
CSV_SEPARATOR = r";"
MIN_CSV_SEPARATORS = 3


def _csv_row(written: str) -> bool:
    return written.count(";") >= MIN_CSV_SEPARATORS and re.search(r";[ \t\u00a0]", written) is None
# Crawls and search excerpts keep a page's first ~2,000 characters, so a cut page is long: a
# shorter text ending inside a list ends where its author ended it (its last item is whole, and
# a count the list does not reach is a contradiction, not a cut).
MIN_CUT_CHARACTERS = 1500


@lru_cache(maxsize=4)
def may_be_cut(text: str) -> bool:
    """Whether a text is long enough to be a page cut by a crawl (MIN_CUT_CHARACTERS); once a
    text (each list asks, and strip copies the text)."""
    return len(text.strip()) >= MIN_CUT_CHARACTERS


# A line holding a name and its départements' codes in brackets: "Sud Charente (16)",
# "Lacq-Pau-Tarbes (64-65)", and a remark after a spaced dash ("Albigeois (81) – nouveau",
# "… (64-65) – TI interrégional avec la Nouvelle-Aquitaine").
DEPARTEMENT_CODE = r"(?:\d{2}|2[AB]|97\d)"
CODED_LINE = re.compile(r"[ \t]*[A-ZÀ-Ý«\"“][^()\n:;.]{1,80}?[ \t]*\([ \t]*" + DEPARTEMENT_CODE
                        + r"(?:[ \t]*[-–/,et ]+[ \t]*" + DEPARTEMENT_CODE + r")*[ \t]*\)"
                        + r"(?:[ \t]+[–—-][ \t]+(?P<remark>[^()\n:;.]{1,60}))?[ \t]*[,;.]?[ \t]*")
# The same line with its départements named, not coded: "Roannais (Loire)", "Saint-Dizier – Vitry-le-François
# (Haute-Marne, Marne)" (the bracket is checked against the referential's names).
NAMED_LINE = re.compile(r"[ \t]*[A-ZÀ-Ý«\"“][^()\n:;.]{1,80}?[ \t]*\((?P<departements>[^()\n]{3,80})\)[ \t]*[,;.]?[ \t]*")
ITEM_REMARK = re.compile(json.loads((Path(__file__).parent / "rules" / "territory_words.json")
                                    .read_text(encoding="utf-8"))["item_remark"])
# A heading naming several départements with their codes: "Marne (51), Haute-Marne (52) et Meuse (55)".
_CODED_PLACE = r"[A-ZÀ-Ý][^()\n:;.,]{0,40}?[ \t]*\([ \t]*" + DEPARTEMENT_CODE + r"[ \t]*\)"
CODED_PLACES = re.compile(_CODED_PLACE + r"(?:[ \t]*(?:,|et)[ \t]+" + _CODED_PLACE + r")+")
# A stacked table's département cell, "Haute-Vienne (87)" or codes alone ("64, 65"), and the header
# over that column ("Département(s)", "Départements concernés", folded).
DEPARTEMENT_CELL = re.compile(r"[ \t]*(?:" + _CODED_PLACE + r"|" + DEPARTEMENT_CODE + r"(?:[ \t]*(?:[-/,]|et)[ \t]*"
                              + DEPARTEMENT_CODE + r")*)[ \t]*")
STACKED_DEPARTEMENTS_HEADER = re.compile(r"departements?(?:\s*\(s\))?(?:\s+concernee?s?)?")
# The header over a stacked table's column of territories ("Territoire", "Territoires d'industrie",
# "Nom du territoire", folded).
STACKED_TERRITORIES_HEADER = re.compile(r"(?:nom\s+du\s+)?territoires?(?:\s*\(s\))?(?:\s+d'industrie)?")
# What parts the départements of one cell written by name: "Marne, Aube", "Marne et Haute-Marne".
NAMES_SEPARATOR = r"\s*(?:,|\bet\b|\s[/–-]\s)\s*"
MARKDOWN_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?"
                           r"|\+?[-=]{3,}(?:\+[-=]{3,})+\+?")  # or a plain-text grid's "-----+-----"
# A rule of dashes across the whole line under a text table's header ("Territoire | Intercommunalités"
# then "------------"): it parts the header from the rows, which go on under it.
HEADER_RULE = re.compile(r"[ \t]*[-=_]{10,}[ \t]*")


@lru_cache(maxsize=1)
def _departement_names() -> re.Pattern:
    """A cell naming départements only, folded: "marne, aube", "meurthe-et-moselle et moselle"."""
    names = sorted((fold(d.name) for d in referential.load().departements.values()), key=len, reverse=True)
    name = "(?:" + "|".join(re.escape(n) for n in names) + r")(?:\s*\(\s*" + DEPARTEMENT_CODE.lower() + r"\s*\))?"
    return re.compile(rf"{name}(?:{NAMES_SEPARATOR}{name})*")


def _departements_cell(cell: str) -> bool:
    """Whether a cell holds départements only, by name or by code ("Marne, Aube", "Doubs (25)", "54, 57")."""
    return bool(DEPARTEMENT_CELL.fullmatch(cell) or _departement_names().fullmatch(fold(cell).strip()))


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Field:
    """A "label : value" line or item."""
    label: Span
    value: Span


@dataclass
class Item:
    span: Span
    content: Span
    marker: str
    heading: Span | None = None
    field: Field | None = None
    parts: list[Span] = default(default_factory=list)


@dataclass
class ListBlock:
    id: int
    kind: str
    span: Span
    intro: Span | None
    context: Span | None
    items: list[Item]
    headings: list[Span] = default(default_factory=list)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "list"
    span: Span
    list_id: int | None = None


@dataclass
class Table:
    """Rows of cells written "a | b | c" (an HTML table as the reader renders it) or parted by
    tabs; the first row is the header."""
    header: list[Span]
    rows: list[list[Span]]
    # the pieces of a cell written over several lines of a PDF's text columns, by (row, column):
    # its span then runs over the other columns' text between them
    pieces: dict[tuple[int, int], list[Span]] = default(default_factory=dict)

    def cell_text(self, text: str, row: int, column: int) -> str:
        """What a cell holds, its pieces on several lines joined."""
        pieces = self.pieces.get((row, column))
        if pieces is None:
            return self.rows[row][column].of(text)
        return "\n".join(piece.of(text) for piece in pieces)

    def holds(self, position: int) -> bool:
        """Whether `position` lies on one of the table's lines."""
        return self.header[0].start <= position <= self.rows[-1][-1].end

    def column(self, text: str, header: re.Pattern) -> int | None:
        """The first column whose header, folded, `header` matches whole ("Territoire d'industrie")."""
        return next((i for i, cell in enumerate(self.header) if header.fullmatch(fold(cell.of(text)))), None)


@dataclass
class Structure:
    text: str
    blocks: list[Block]
    lists: list[ListBlock]
    fields: list[Field]
    tables: list[Table] = default(default_factory=list)

    def list_at(self, position: int) -> ListBlock | None:
        return _first_holding(self.lists, self._list_starts, position)

    def block_at(self, position: int) -> Block | None:
        return _first_holding(self.blocks, self._block_starts, position)

    def item_at(self, position: int) -> tuple[ListBlock, Item] | None:
        lst = self.list_at(position)
        if lst is None:
            return None
        if id(lst) not in self._item_starts:
            self._item_starts[id(lst)] = _starts_if_apart(lst.items)
        item = _first_holding(lst.items, self._item_starts[id(lst)], position)
        return (lst, item) if item else None

    # Found by bisection where the spans are in order and apart (a figure per item of a list of
    # 3,000 items scanned the items each time, each member the blocks), by a scan otherwise.
    @cached_property
    def _list_starts(self) -> list[int] | None:
        return _starts_if_apart(self.lists)

    @cached_property
    def _block_starts(self) -> list[int] | None:
        return _starts_if_apart(self.blocks)

    @cached_property
    def _item_starts(self) -> dict[int, list[int] | None]:
        return {}


class SpanReach:
    """Whether some span of a set starts at or before a position and ends at or after another, by
    bisection over the spans in order of start with the farthest end reached so far (every place or
    sentence of a list of 2,000 items was compared with every name)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._farthest = list(accumulate((end for _, end in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        count = bisect_right(self._starts, start)
        return count > 0 and self._farthest[count - 1] >= end

    def holds(self, position: int) -> bool:
        """Whether some span holds the character at `position` (start <= position < end)."""
        return self.covers(position, position + 1)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with start..end (starts before its end, ends after
        its start)."""
        return self.covers(end - 1, start + 1)


class SpanHolders:
    """Which spans of a list hold a stretch (start at or before its start, end at or after its
    end), as SpanReach finds whether one does: back from the last span starting before it, while
    the farthest end reached so far gets there (each of 2,000 territories was compared with every
    EPCI mention of the text)."""

    def __init__(self, spans):
        self._order = sorted(range(len(spans)), key=lambda index: spans[index])
        self._spans = [spans[index] for index in self._order]
        self._starts = [start for start, _ in self._spans]
        self._farthest = list(accumulate((end for _, end in self._spans), max))

    def holding(self, start: int, end: int) -> list[int]:
        """The indices in the list of the spans holding [start, end], in the list's order."""
        found = []
        index = bisect_right(self._starts, start) - 1
        while index >= 0 and self._farthest[index] >= end:
            if self._spans[index][1] >= end:
                found.append(self._order[index])
            index -= 1
        return sorted(found)


class SpansInside:
    """Which spans of a list lie inside a stretch (start at or after its start, end at or before its
    end), by bisection over their starts (the label of each "label : value" line was compared with
    every territory of the text)."""

    def __init__(self, spans):
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda index: spans[index][0])
        self._starts = [spans[index][0] for index in self._order]

    def inside(self, start: int, end: int) -> list:
        """The spans inside [start, end], in the list's order."""
        starting = self._order[bisect_left(self._starts, start):bisect_right(self._starts, end)]
        return [self._spans[index] for index in sorted(starting) if self._spans[index][1] <= end]

    def first_inside(self, start: int, end: int):
        """The first span of the list inside [start, end], None if none is."""
        return next(iter(self.inside(start, end)), None)


def runs_joined_by(mentions: list, text: str, joint: re.Pattern, together=None) -> list[list]:
    """The mentions (of intercommunalities, of territories: anything with a start and an end) in
    runs, in text order: each after the last of its run with only `joint` between them in `text`
    ("A, B et C"), and, where `together` is given, the two together (in one sentence, on one line)."""
    runs: list[list] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        if runs and joint.fullmatch(text, runs[-1][-1].end, mention.start) \
                and (together is None or together(runs[-1][-1], mention)):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


def _starts_if_apart(spanned: list) -> list[int] | None:
    """The starts of the things' spans when each ends before the next starts, else None."""
    spans = [thing.span for thing in spanned]
    return [span.start for span in spans] if all(a.end <= b.start for a, b in zip(spans, spans[1:])) else None


def _first_holding(spanned: list, starts: list[int] | None, position: int):
    """The first thing whose span holds `position`, None if none does."""
    if starts is None:
        return next((thing for thing in spanned if thing.span.start <= position < thing.span.end), None)
    index = bisect_right(starts, position) - 1
    return spanned[index] if index >= 0 and position < spanned[index].span.end else None


@dataclass
class _Line:
    start: int  # first non-blank character
    end: int  # after the last non-blank character
    indent: int
    marker: str | None = None
    content_start: int = 0

    @property
    def blank(self) -> bool:
        return self.end <= self.start


def _marker(text: str, line_start: int, line_end: int) -> tuple[str, int] | None:
    """(marker, content start) when the line starts with a list marker followed by content."""
    match = MARKER.match(text, line_start, line_end)
    if match:
        marker, content = match.group("marker"), match.end()
        if content >= line_end:
            return None
        glued = not match.group("gap")
        if marker in "*" and text[content:content + 1] == "*":
            return None  # "**bold**", not a bullet
        if glued and (marker[0].isalnum() or marker in "*»"):
            return None  # "1.5", "a)b", "*word"
        if glued and not (text[content].isupper() or text[content] in "«\"“'’"):
            return None  # "-t-il", "—la suite"
        if marker[0].isalpha() and INITIAL.match(text, content, line_end):
            return None  # "D. K. : Dix-sept actions": a speaker's initials in an interview
        return marker, content
    position = line_start
    while position < line_end and text[position] in " \t":
        position += 1
    glyph = position
    if glyph < line_end and unicodedata.category(text[glyph]) in GLYPH_CATEGORIES \
            and text[glyph] not in NOT_BULLET_GLYPHS:
        position += 1
        while position < line_end and (text[position] in INVISIBLE
                                       or unicodedata.category(text[position]) in GLYPH_CATEGORIES):
            position += 1
        content = position
        while content < line_end and text[content] in " \t":
            content += 1
        if content < line_end and (text[content].isalnum() or text[content] in "«\"“"):
            return text[glyph:position], content
    return None


# A table of contents: its heading, then "Title : page" lines (a dot leader read as " : ").
CONTENTS_HEADING = re.compile(r"[#*_ \t]*(?:sommaire|table des mati[eè]res)[ \t*_:]*", re.IGNORECASE)
CONTENTS_ENTRY = re.compile(r"(?P<title>[^\n]*?\S)[ \t]+:[ \t]+(?P<page>\d{1,3})")


def _lines(text: str) -> list[_Line]:
    lines, position = [], 0
    for raw in text.split("\n"):
        line_end = position + len(raw)
        start, end = position, line_end
        while start < end and text[start] in " \t\r\u00a0\u202f\u200b\ufeff":
            start += 1
        while end > start and text[end - 1] in " \t\r\u00a0\u202f\u200b\ufeff":
            end -= 1
        line = _Line(start, end, start - position)
        if not line.blank:
            found = _marker(text, position, end)
            if found:
                line.marker, line.content_start = found
            else:
                line.content_start = start
        lines.append(line)
        position = line_end + 1
    return lines


# A PDF's page number, alone or closing a running footer ("AER BFC – Note d'information
# Page 1", "Communiqué de presse     1/2", "- 2 -").
_PAGE = r"(?:page|p\.)[ \t]*\d{1,3}(?:[ \t]*(?:/|sur)[ \t]*\d{1,3})?|\d{1,3}[ \t]*/[ \t]*\d{1,3}"
PAGE_NUMBER = re.compile(r"(?:[-–—][ \t]*)?(?:" + _PAGE + r"|\d{1,3})(?:[ \t]*[-–—])?"
                         r"|.*\S(?:[ \t]{2,}|[ \t]+[–—|-][ \t]+)(?:" + _PAGE + r")",
                         re.IGNORECASE)
DASHED_NUMBER = re.compile(r"[-–—][ \t]*\d{1,3}[ \t]*[-–—]")  # "- 2 -", read as a marker and its item
RUNNING_LINE_REACH = 3  # lines around a page number where a repeated header or footer stands


def _without_page_chrome(text: str, lines: list[_Line]) -> list[_Line]:
    """`lines` with a PDF's page numbers and the running headers and footers around them (a line
    written twice or more, near a page number) made blank: a list goes on across a page break."""
    written = [text[line.start:line.end] for line in lines]
    repeated = {body for body, count in Counter(written).items() if body and count > 1}
    chrome = set()
    for index, line in enumerate(lines):
        if line.blank or not PAGE_NUMBER.fullmatch(text, line.start, line.end) \
                or (line.marker and not DASHED_NUMBER.fullmatch(text, line.start, line.end)):
            continue
        chrome.add(index)
        for near in range(max(0, index - RUNNING_LINE_REACH), min(len(lines), index + RUNNING_LINE_REACH + 1)):
            if written[near] in repeated and not lines[near].marker:
                chrome.add(near)
        chrome.update(_furniture_inside_a_list(text, lines, index))
    chrome.update(_web_chrome_inside_a_list(text, lines))
    return [_Line(line.start, line.start, line.indent) if index in chrome else line
            for index, line in enumerate(lines)]


def _web_chrome(text: str, line: _Line) -> bool:
    """Whether a line is a web page's chrome (rules/page_chrome.json)."""
    from pipeline.extract.document_info import is_chrome_line  # it reads structure's phrases
    return is_chrome_line(text[line.start:line.end])


def _web_chrome_inside_a_list(text: str, lines: list[_Line]) -> set[int]:
    """The lines of a web page's chrome standing alone between two items of one marker, a blank
    line above them (an advert, "PUBLICITÉ" / "Abonnez-vous …", cutting a press article's list):
    every unmarked line between them is chrome, so the list goes on under it. Right under an
    item, a line goes on with it ("porté" / "par Flers Agglo" is no byline)."""
    chrome: set[int] = set()
    previous_item: _Line | None = None
    between: list[int] = []
    for index, line in enumerate(lines):
        if line.blank:
            continue
        if line.marker:
            if previous_item is not None and between and line.marker == previous_item.marker \
                    and line.indent == previous_item.indent:
                chrome.update(between)
            previous_item, between = line, []
        elif previous_item is not None and _web_chrome(text, line) \
                and (between or lines[index - 1].blank):
            between.append(index)
        else:
            previous_item, between = None, []
    return chrome


# Page furniture written once (a first page has no running header): capitals, a column gap or a
# date, as in "COMMUNIQUÉ DE PRESSE – Territoires d'industrie        23/11/2018".
FURNITURE_REACH = 6  # lines from a page number to the items around it, blank lines included
FURNITURE_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")


RULE_LINE = re.compile(r"[-–—_=*·.~ \t]{3,}")  # "-------": a page's edge in a PDF read as text
HEADER_LINES = 6  # the first page's header, where a later page's running header is written first


def _looks_like_furniture(text: str, line: _Line, header_cells: set[str]) -> bool:
    body = text[line.start:line.end]
    if body.rstrip(" *_").endswith(":"):
        return False  # "Nouveaux territoires :" heads a sub-list
    letters = [c for c in body if c.isalpha()]
    capitals = len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)
    return capitals or bool(COLUMN_GAP.search(body) or FURNITURE_DATE.search(body)
                            or RULE_LINE.fullmatch(body)) or body in header_cells


def _header_cells(text: str, lines: list[_Line]) -> set[str]:
    """The pieces of the document's first lines, split at column gaps ("Communiqué de presse
    Angers, le 28 novembre 2023"): a later page's running header repeats one of them alone."""
    header = []
    for line in lines:
        if line.marker or len(header) == HEADER_LINES:
            break
        if not line.blank:
            header.append(COLUMN_GAP.split(text[line.start:line.end]))
    return {piece.strip() for pieces in header if len(pieces) > 1 for piece in pieces if piece.strip()}


def _furniture_inside_a_list(text: str, lines: list[_Line], page_number: int) -> set[int]:
    """Lines of page furniture around a page number that stands between two items with the same
    marker: the list goes on over the page break ("- Côte d'Albâtre ;" / footer 1/2 / header /
    "- Lisieux Industrie ;")."""
    header_cells = _header_cells(text, lines)
    def furniture_towards(step: int) -> tuple[set[int], _Line | None]:
        found, index = set(), page_number + step
        while 0 <= index < len(lines) and abs(index - page_number) <= FURNITURE_REACH:
            line = lines[index]
            if line.marker:
                return found, line
            if not line.blank:
                if not _looks_like_furniture(text, line, header_cells):
                    return set(), None
                found.add(index)
            index += step
        return set(), None
    before, item_before = furniture_towards(-1)
    after, item_after = furniture_towards(1)
    if item_before is None or item_after is None or item_before.marker != item_after.marker:
        return set()
    return before | after


def _outside_brackets(text: str, start: int, end: int):
    """Positions in [start, end) outside round and square brackets (the brackets left out)."""
    depth = 0
    for position in range(start, end):
        char = text[position]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield position


def _field(text: str, start: int, end: int, max_label_words: int = MAX_LABEL_WORDS) -> Field | None:
    """'label : value' in [start, end): a short label, a colon outside brackets, a value."""
    if text.find(":", start, end) < 0:
        return None  # most lines: no need to walk them character by character
    for position in _outside_brackets(text, start, end):
        if text[position] == ":":
            if position + 1 < end and not text[position + 1].isspace():
                continue  # "10:30", "https://"
            label_end = position
            while label_end > start and text[label_end - 1] in " \t\u00a0\u202f":
                label_end -= 1
            value_start = position + 1
            while value_start < end and text[value_start] in " \t\u00a0\u202f":
                value_start += 1
            label = text[start:label_end]
            if not label.strip() or len(label.split()) > max_label_words or SENTENCE_END.search(label):
                return None
            if value_start >= end:
                return None
            return Field(Span(start, label_end), Span(value_start, end))
    return None


def cell_parts(text: str, span: Span) -> list[Span]:
    """The parts of a table cell (or any span) written "A ; B", outside brackets; [] for one part."""
    return _parts(text, span)


def _parts(text: str, span: Span) -> list[Span]:
    """`span` split on ';' (outside brackets) when it holds more than one part; else []."""
    if text.find(";", span.start, span.end) < 0:
        return []  # one part: no need to walk it character by character
    parts, part_start = [], span.start
    for position in _outside_brackets(text, span.start, span.end):
        if text[position] == ";":
            parts.append((part_start, position))
            part_start = position + 1
    parts.append((part_start, span.end))
    spans = [_trimmed(text, s, e) for s, e in parts]
    spans = [s for s in spans if s.end > s.start]
    return spans if len(spans) > 1 else []


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
        end -= 1
    return Span(start, end)


def _last_sentence(text: str, start: int, end: int) -> int:
    """Start of the last sentence of [start, end)."""
    last = start
    for match in SENTENCE_END.finditer(text, start, end):
        last = match.end()
    while last < end and text[last].isspace():
        last += 1
    return last


# Words of a label grouping the items under it ("Territoires renouvelés", "Nouveaux lauréats",
# "Territoires labellisés en 2023"), no name: rules/territory_words.json "subheading".
GROUP_WORDS = json.loads((Path(__file__).parent / "rules" / "territory_words.json").read_text(encoding="utf-8"))["subheading"]
GROUP_LABEL = re.compile(r"(?:(?:" + "|".join(GROUP_WORDS) + r"|d['’]industrie|en|de|du|des|la|le|les|l['’]|et|"
                         r"\d{4}(?:\s*[-–/]\s*\d{4})?)(?:\s+|$))+")


def _group_label(text: str, line: _Line) -> bool:
    """A marked line made only of words that group territories (GROUP_LABEL), one of them
    "territoire(s)" or "lauréat(s)": a heading over the items below, not an item."""
    body = fold(text[line.content_start:line.end].strip(" *_:\t"))
    return bool(body) and GROUP_LABEL.fullmatch(body + " ") is not None \
        and re.search(r"\b(?:territoires?|laureat)", body) is not None


def _ends_with_colon(text: str, line: _Line) -> bool:
    return text[line.start:line.end].rstrip(" *_").endswith(":")


# A line cut where no phrase ends, as a PDF or a hard-wrapped text cuts it: "… regroupant la CC
# Neste Barousse et la" / "CC du Pays de Trie", "- Vitry-le-François – Saint-Dizier – Bar-le-Duc –" /
# "Bassin de Joinville." (a spaced dash between the towns of one name).
DANGLING_END = re.compile(r"(?:(?<![\w'’-])(?:et|ou|la|le|les|l['’]|de|du|des|d['’]|à|au|aux|en|par|pour|sur|avec|CC|CA|CU)"
                          r"|(?<=\w)-|(?<=\w[ \t])[–—])[ \t]*$", re.IGNORECASE)

# A line cut inside an intercommunality's name, as a narrow column or a PDF cuts it: its legal
# form alone, or with the one word that opens a name ("Communauté d'agglomération" / "Grand Lac",
# "Communauté d'agglomération du Grand" / "Chambéry"); the next line holds the rest of the name.
LEGAL_FORM = r"(?i:communaut[ée][ \t]+(?:de[ \t]+communes|d['’][ \t]*agglom[ée]ration|urbaine))"
LEGAL_FORM_CUT = re.compile(LEGAL_FORM + r"(?:[ \t]+(?i:du|des|de[ \t]+la|de)[ \t]+"
                            r"(?:Grand|Pays|Haut|Bas|Val|Cœur|Portes?|Terres?))?[ \t]*$")
LEGAL_FORM_IN_LINE = re.compile(LEGAL_FORM + r"|\bC[CAU]\b")
# A line going on with a name cut above it: "Communauté de communes du Pays" / "de Fayence".
NAME_GOES_ON = re.compile(r"(?:de|du|des|d['’]|et|sur|en)(?![\w'’-])")

WRAPPED_LINE_END = re.compile(r"[^\W\d_][\w'’]*$")  # a word, no punctuation: the sentence may go on

# A first cell of a PDF's table cut over two lines: "Rochefort – Royan - Marennes -" / "Oléron".
CUT_CELL_END = re.compile(DANGLING_END.pattern + r"|\s[-–—/,]$", re.IGNORECASE)


def _continues(text: str, item_line: _Line, line: _Line, previous: _Line) -> bool:
    """A line right under an item continues it: it starts in lower case, is indented deeper, the
    line above it was cut where no phrase ends or inside a name, or it stands between two items
    (a wrapped line)."""
    first = text[line.start]
    return first.islower() or first in ",;)" or (line.indent > item_line.indent and line.indent >= 2) \
        or (bool(DANGLING_END.search(text[previous.start:previous.end])) and not _ends_with_colon(text, line)) \
        or _cut_inside_a_name(text, previous, line)


def _cut_inside_a_name(text: str, line: _Line, following: _Line) -> bool:
    """Whether an intercommunality's name runs from `line` onto the `following` one, right under
    it: `line` holds its legal form and no more than the name's opening word ("Communauté
    d'agglomération du Grand" / "Chambéry"), or the `following` one opens with the connector that
    goes on with it ("Communauté de communes du Pays" / "de Fayence"; not a new item "la CC …")."""
    if following.blank or following.marker or _ends_with_colon(text, following):
        return False
    return LEGAL_FORM_CUT.match(text, line.content_start, line.end) is not None \
        or (WRAPPED_LINE_END.search(text, line.start, line.end) is not None
            and LEGAL_FORM_IN_LINE.search(text, line.content_start, line.end) is not None
            and NAME_GOES_ON.match(text, following.start) is not None)


def _between_items(text: str, lines: list, j: int) -> bool:
    """Whether line j, unmarked, runs straight into the next item, no blank line between: the end
    of a wrapped item, not a heading ("Nouveaux territoires :")."""
    return j + 1 < len(lines) and lines[j + 1].marker and not lines[j + 1].blank \
        and not _ends_with_colon(text, lines[j])


# A finite verb: an auxiliary, a future ("s'engagera", "seront") or a plural present
# ("figurent", "concernent"; not a noun in "-ment": "Renouvellement").
FINITE_VERB = re.compile(r"(?<![\w'’-])(?:est|sont|a|ont|sera|seront|était|étaient|[\w'’]{2,}(?:era|eront|ront)"
                         r"|[\w'’]*[^\Wm]ent)(?![\w'’-])", re.IGNORECASE)


def _french_count_words() -> dict[str, int]:
    """French count words from 2 to 99 ("quatorze", "vingt et un", "quatre-vingt-dix-neuf"), with
    the 1990 spelling's hyphens ("vingt-et-un"), longest first: a pattern joining them reads
    "dix-sept" whole, not "dix". Regions count up to 29 territories, territories dozens of EPCIs."""
    units = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
             "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
    words: dict[str, int] = {word: value for value, word in enumerate(units) if value >= 2}
    tens = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
    for base, ten in [*tens.items(), (80, "quatre-vingt")]:
        for unit in range(1, 20 if base in (60, 80) else 10):
            if unit in (1, 11) and base != 80:  # "vingt et un", "soixante et onze"
                words[ten + " et " + units[unit]] = words[ten + "-et-" + units[unit]] = base + unit
            else:
                words[ten + "-" + units[unit]] = base + unit
        if base != 80:
            words[ten] = base
    words["quatre-vingts"] = 80
    return dict(sorted(words.items(), key=lambda item: -len(item[0])))


COUNT_WORDS = _french_count_words()


def count_value(word: str, default: int | None = None) -> int | None:
    """"12" -> 12, "Douze" -> 12: a count read in digits or in words (any case); `default` for a
    word that is no count. One conversion for every rule reading counts."""
    return int(word) if word.isdigit() else COUNT_WORDS.get(word.lower(), default)
# A count in a list's intro line: "L'Isère en compte trois :", "Voici les 4 lauréats :".
INTRO_COUNT = re.compile(r"(?<![\w'’-])(\d{1,2}|" + "|".join(COUNT_WORDS) + r")(?![\w'’-])", re.IGNORECASE)
# A count of things ("cinq territoires labellisés"), not a day ("le 2 décembre"): a plural noun after it.
COUNT_IN_PARAGRAPH = with_first_letters(re.compile(r"\b(\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:[\w'’-]+\s+)?[\w'’-]+[sx]\b",
                                                   re.IGNORECASE))


def _in_capitals(text: str, line: _Line) -> bool:
    """Whether a line's letters (three or more) are all capitals: "SEINE-MARITIME ET EURE"."""
    letters = [c for c in text[line.content_start:line.end] if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _reads_as_sentence(text: str, line: _Line) -> bool:
    """Whether a line reads as a sentence rather than a heading: a comma outside brackets or a
    finite verb."""
    return any(text[p] == "," for p in _outside_brackets(text, line.start, line.end)) \
        or bool(FINITE_VERB.search(text, line.start, line.end))


def _short_line(text: str, line: _Line) -> bool:
    """A line that can be one item of a list without markers: a few words, not prose."""
    body = text[line.start:line.end]
    words = body.split()
    if not words or len(words) > MAX_LINE_ITEM_WORDS or body.endswith(":"):
        return False
    return not (SENTENCE_END.search(body) or (body.endswith(".") and len(words) > 6))


def _field_line(text: str, line: _Line) -> bool:
    """A "Name : what it is" line of any length, whose label is a few words: one item of a list
    without markers ("Nord-Cotentin : communauté d'agglomération du Cotentin et …", "Bassin
    d'Alès : initialement empreint d'une tradition minière, …"), the label capitalised like a
    name ("Les plans d'actions s'organisent en 4 axes : …" is a sentence)."""
    line_field = _field(text, line.start, line.end, MAX_FIELD_LINE_LABEL_WORDS)
    if line_field is None:
        return False
    words = [w for w in re.split(r"[\s'’-]+", line_field.label.of(text)) if len(w) >= 4]
    return bool(words) and 2 * sum(w[0].isupper() for w in words) >= len(words)


_RECORD_FIELDS = json.loads((Path(__file__).parent / "rules" / "territory_words.json").read_text(encoding="utf-8"))["record_fields"]
RECORD_FIELD_LABEL = re.compile(r"(?:" + "|".join(_RECORD_FIELDS.values()) + r")(?:\s+[\w'-]+){0,4}")


def _record_field(text: str, line: _Line) -> bool:
    """A field of a record ("Départements : …", "Intercommunalités : …", "Contact : …"), not a name and what it is."""
    line_field = _field(text, line.start, line.end, MAX_FIELD_LINE_LABEL_WORDS)
    return line_field is not None and RECORD_FIELD_LABEL.fullmatch(fold(line_field.label.of(text)).strip()) is not None


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.lines = _without_page_chrome(text, _lines(text))
        self.lists: list[ListBlock] = []
        self.blocks: list[Block] = []
        self.notes: set[int] = set()  # lines of footnotes under a list: prose, no list of their own

    def _intro(self, before: int) -> tuple[Span | None, Span | None]:
        """(last sentence, whole line) of the last non-blank line before line `before`."""
        index = before - 1
        while index >= 0 and self.lines[index].blank:
            index -= 1
        if index < 0:
            return None, None
        line = self.lines[index]
        if line.marker:
            return None, None
        # "… quatre territoires d'industrie en Sarthe et en" / "Mayenne :": a sentence wrapped
        # over lines (a PDF's text) is the intro whole, not its last line
        first = index
        while first > 0 and self._wraps_onto(self.lines[first - 1], self.lines[first]):
            first -= 1
        start = _last_sentence(self.text, self.lines[first].start, line.end)
        return Span(start, line.end), Span(min(start, line.start), line.end)

    def _wraps_onto(self, line: _Line, following: _Line) -> bool:
        """Whether `line` is a piece of prose that its sentence goes on from on the `following` line."""
        if line.blank or line.marker or WRAPPED_LINE_END.search(self.text, line.start, line.end) is None:
            return False
        return DANGLING_END.search(self.text, line.start, line.end) is not None \
            or self.text[following.start:following.start + 1].islower()

    def _item(self, line: _Line, end: int, heading: Span | None, first_sub_item: _Line | None = None) -> Item:
        """An item; one with sub-items ("• Nord Cotentin" then "◦ Communauté …" lines indented
        deeper) reads as "label : value", its first line the label, its sub-items the value."""
        content = Span(line.content_start, end)
        line_end = min(end, line.end)
        item_field = _field(self.text, content.start, line_end)
        if item_field is None and first_sub_item is not None:
            label_end = len(self.text[:first_sub_item.start].rstrip(" \t\r\n:"))
            item_field = Field(Span(content.start, label_end), Span(first_sub_item.content_start, end))
        parts = _parts(self.text, item_field.value if item_field else content)
        return Item(Span(line.start, end), content, line.marker or "", heading, item_field, parts)

    def _new_list(self, kind: str, first_line: int, items: list[Item], headings: list[Span],
                  intro_line: int) -> ListBlock:
        intro, context = self._intro(intro_line)
        lst = ListBlock(len(self.lists), kind, Span(items[0].span.start if not headings or
                                                    headings[0].start > items[0].span.start
                                                    else headings[0].start, items[-1].span.end),
                        intro, context, items, headings)
        self.lists.append(lst)
        self.blocks.append(Block("list", lst.span, lst.id))
        return lst

    def _bullet_list(self, index: int) -> int:
        """Read the marked list starting at line `index`; returns the index after it."""
        lines, text = self.lines, self.text
        intro_line = index
        items: list[Item] = []
        headings: list[Span] = []
        heading: Span | None = None
        # A short "Sub-heading :" line right above the first item, under an intro line ending
        # with ":", is the first sub-list heading.
        previous = index - 1
        while previous >= 0 and lines[previous].blank:
            previous -= 1
        if previous >= 0 and self._sub_heading(lines[previous]):
            above = previous - 1
            while above >= 0 and lines[above].blank:
                above -= 1
            # or a heading standing left of the indented items right under it ("Mayenne" / "  ➢ Laval
            # Agglomération"; a title above a blank line then items is their intro, and so is a
            # sentence: "Pour la CDC, trois chantiers sont prioritaires :" / " > …")
            if above >= 0 and not lines[above].marker and (
                    _ends_with_colon(text, lines[above])
                    or previous == index - 1 and self._heads_items_below(lines[previous], lines[index])
                    and not _reads_as_sentence(text, lines[previous])):
                heading = Span(lines[previous].start, lines[previous].end)
                headings.append(heading)
                intro_line = previous
        # an item ending with ":" over items indented deeper ("- X, réunissant :" / "  - la CA …")
        # heads them only: the next item back at its own indentation is no longer under it
        outer: tuple[int, Span | None] | None = None
        i = index
        while i < len(lines):
            line = lines[i]
            if outer is not None and line.marker and line.indent <= outer[0]:
                heading, outer = outer[1], None
            if line.blank:
                following = i + 1
                while following < len(lines) and lines[following].blank:
                    following += 1
                if following < len(lines) and lines[following].marker and _numbering_breaks(items, lines[following].marker):
                    break  # "- … ;" / blank / "4. Paroles de territoires": a numbered section's heading
                if following < len(lines) and (lines[following].marker or (
                        self._heads_a_sub_list(lines[following], headings) and self._next_is_item(following))):
                    i = following
                    continue
                numbered = self._next_number_after_prose(following, items) if following < len(lines) else None
                if numbered is not None:
                    i = numbered  # "1. Axe Seine" / a paragraph about it / "2. Côte d'Albâtre"
                    continue
                break
            if not line.marker:
                if self._heads_a_sub_list(line, headings) and self._next_is_item(i):
                    heading = Span(line.start, line.end)  # "Nouveaux territoires :" between items
                    headings.append(heading)
                    i += 1
                    continue
                numbered = self._next_number_after_prose(i, items)
                if numbered is not None:
                    i = numbered  # "1. Axe Seine" / a paragraph about it / "2. Côte d'Albâtre"
                    continue
                break
            if items and self._footnote_of(line, items):
                # "- Vallée de la Bresle-Vimeu*" then "* Territoire interrégional …": a note, and so
                # are the lines marked with asterisks right under it ("** Nouvel entrant.")
                while i < len(lines) and lines[i].marker and set(lines[i].marker.strip()) == {"*"}:
                    self.notes.add(i)
                    i += 1
                break
            end, j = line.end, i + 1
            while j < len(lines) and not lines[j].blank and not lines[j].marker \
                    and (_continues(text, line, lines[j], lines[j - 1]) or _between_items(text, lines, j)) \
                    and not self._heads_items_below(lines[j], line):
                end, j = lines[j].end, j + 1
            nested = j
            while j < len(lines) and not lines[j].blank and lines[j].marker and not _ends_with_colon(text, lines[j - 1]) \
                    and lines[j].indent >= line.indent + MIN_NESTED_INDENT:
                end, j = lines[j].end, j + 1  # "• Nord Cotentin" then "    ◦ Communauté …": its sub-items
            content = text[line.content_start:end].rstrip(" *_")
            if content.endswith(":") and self._next_is_item(j - 1):
                if j < len(lines) and lines[j].marker and lines[j].indent >= line.indent + MIN_NESTED_INDENT:
                    outer = (line.indent, heading)
                heading = Span(line.content_start, end)  # "• Nouveaux territoires :" then items
                headings.append(heading)
            elif _group_label(text, line) and (nested < j or self._next_is_item(j - 1)):
                # "- Territoires renouvelés" then its items, indented under it or not: a heading
                heading = Span(line.content_start, line.end)
                headings.append(heading)
                items += [self._item(lines[k], lines[k].end, heading) for k in range(nested, j)]
            elif nested < j and self._departement_label(line, lines[nested:j], headings, j):
                heading = Span(line.content_start, line.end)  # "• Cher" over "    o Berry-Sologne"
                headings.append(heading)
                items += [self._item(lines[k], lines[k].end, heading) for k in range(nested, j)]
            elif len({lines[k].indent for k in range(nested, j)}) >= 2:
                items += self._tree_items([line, *lines[nested:j]], headings)
            else:
                items.append(self._item(line, end, heading, lines[nested] if nested < j else None))
            i = j
        if items:
            self._new_list("bullets", index, items, headings, intro_line)
        return i

    def _departement_label(self, line: _Line, sub_items: list[_Line], headings: list[Span], after: int) -> bool:
        """A marked line naming départements only, over sub-items naming no intercommunality, in a
        list where the marked line before or after it at its level does the same ("• Cher" /
        "    o Berry-Sologne" / "• Eure-et-Loir" / …): a heading. Alone, "• Vosges" over its
        sub-items may be a territory named after its département with its members."""
        text = self.text
        if not _departements_cell(text[line.content_start:line.end].strip(" *_:\t")) or any(
                LEGAL_FORM_IN_LINE.search(text, item.content_start, item.end) for item in sub_items):
            return False
        if headings and _departements_cell(text[headings[-1].start:headings[-1].end].strip(" *_:\t")):
            return True
        following = after
        while following < len(self.lines) and (self.lines[following].blank or (
                self.lines[following].marker and self.lines[following].indent > line.indent)):
            following += 1
        if following >= len(self.lines):
            return False
        below = self.lines[following]
        return bool(below.marker) and below.indent == line.indent \
            and _departements_cell(text[below.content_start:below.end].strip(" *_:\t"))

    def _tree_items(self, tree: list[_Line], headings: list[Span]) -> list[Item]:
        """A tree of marked lines three levels deep or more ("- Région" / "  - Département" /
        "    - Territoire" / "      - CC …"): the lines one level above its leaves are the items,
        their leaves their sub-items, the lines of the levels above them headings (each item
        under the last one above it)."""
        parent = sorted({line.indent for line in tree})[-2]
        items: list[Item] = []
        heading: Span | None = None
        k = 0
        while k < len(tree):
            line = tree[k]
            if line.indent < parent:
                heading = Span(line.content_start, line.end)
                headings.append(heading)
                k += 1
                continue
            leaves = k + 1
            while leaves < len(tree) and tree[leaves].indent > parent:
                leaves += 1
            if line.indent == parent:
                items.append(self._item(line, tree[leaves - 1].end, heading, tree[k + 1] if leaves > k + 1 else None))
            k = leaves
        return items

    def _footnote_of(self, line: _Line, items: list[Item]) -> bool:
        """A line marked with asterisks, under items marked otherwise, one of which ends a word
        with the same asterisks (a footnote's call, "Bresle-Vimeu*"): the footnote, not an item."""
        stars = line.marker.strip() if line.marker else ""
        if not stars or set(stars) != {"*"} or items[0].marker.strip() == stars:
            return False
        call = re.compile(r"[^\s*]" + re.escape(stars) + r"(?!\*)")
        return any(call.search(item.content.of(self.text)) for item in items)

    def _next_number_after_prose(self, index: int, items: list[Item]) -> int | None:
        """The line of the next number of a numbered list when only prose stands before it
        ("1. Axe Seine" / "Ce territoire réunit …" / "2. Côte d'Albâtre"), else None. Items that
        followed one another with no prose between are a list the prose ends: the next number
        after it is a section's heading ("1. A" / "2. B" / "3. C" / a paragraph / "4. Contacts
        presse", a Markdown "### 4. …" whose marks the reader took off)."""
        last = NUMBER_MARKER.fullmatch(items[-1].marker) if items else None
        if last is None or self._back_to_back(items):
            return None
        following = f"{int(last['number']) + 1}{last['mark']}"
        for j in range(index, min(len(self.lines), index + PROSE_BETWEEN_NUMBERS)):
            line = self.lines[j]
            if line.marker:
                return j if line.marker == following else None
            if not line.blank and _ends_with_colon(self.text, line):
                return None
        return None

    def _back_to_back(self, items: list[Item]) -> bool:
        """Whether a list's items, two or more, stand one right under another (blank lines only),
        the last one closing it: one ending with ";" or "," goes on ("4. Douaisis ;" / a PDF's page
        footer / "5. Valenciennois ;")."""
        return len(items) >= 2 and not self.text[:items[-1].span.end].rstrip(" *_").endswith((";", ",")) \
            and not any(self.text[before.span.end:after.span.start].strip() for before, after in zip(items, items[1:]))

    def _sub_heading(self, line: _Line) -> bool:
        """'Nouveaux territoires :' or a short heading without punctuation ('Territoires
        renouvelés', an HTML <h3>) that can head a sub-list."""
        if line.blank or line.marker:
            return False
        body = self.text[line.start:line.end].rstrip(" *_")
        words = len(body.split())
        if body.endswith(":"):
            return words <= MAX_LABEL_WORDS
        if words <= MAX_LABEL_WORDS and CODED_PLACES.fullmatch(body):
            return True  # "Marne (51), Haute-Marne (52) et Meuse (55)" over the items lying there
        # a count of its items in brackets ends a heading too: "Doubs (2)", "Jura (3)"
        return words <= MAX_SUB_HEADING_WORDS and (not re.search(r"[.;,!?)]$", body)
                                                   or re.search(r"\S\s*\(\d{1,2}\)$", body) is not None)

    def _heads_items_below(self, line: _Line, item_line: _Line) -> bool:
        """An unmarked short line among items that stands left of their markers or is written in
        capitals when they are not ("CALVADOS" / "- Caen Industrie", "Mayenne" / "  ➢ Laval
        Agglomération"): a sub-list heading, not the end of a wrapped item."""
        if not self._sub_heading(line) or line.indent > item_line.indent:
            return False
        return line.indent < item_line.indent or (
            _in_capitals(self.text, line) and not _in_capitals(self.text, item_line))

    def _heads_a_sub_list(self, line: _Line, headings: list[Span]) -> bool:
        """A line between the items of a list heads a sub-list when the list opened with one, or
        when it is a short heading ("Nouveaux territoires :"); a sentence ending with ":" after
        the items ("Dans les Vosges, trois territoires ont été retenus :", "Chaque territoire
        s'engagera sur quatre priorités :") opens a new list with its own intro."""
        if not self._sub_heading(line):
            return False
        if headings:
            return True
        body = self.text[line.start:line.end].rstrip(" *_:")
        return len(body.split()) <= MAX_SUB_HEADING_WORDS and not _reads_as_sentence(self.text, line)

    def _next_is_item(self, index: int) -> bool:
        following = index + 1
        while following < len(self.lines) and self.lines[following].blank:
            following += 1
        return following < len(self.lines) and bool(self.lines[following].marker)

    def _coded_line(self, line: _Line) -> bool:
        coded = CODED_LINE.fullmatch(self.text, line.start, line.end)
        if coded is None:
            named = NAMED_LINE.fullmatch(self.text, line.start, line.end)
            return named is not None and _departement_names().fullmatch(fold(named["departements"]).strip()) is not None
        return coded["remark"] is None or ITEM_REMARK.match(fold(coded["remark"])) is not None

    def _line_list(self, index: int, coded: bool = False) -> int:
        """Short lines without markers under an intro ending with ':' (`coded`: each a name and
        its départements' codes, under any line); returns the index after them, or `index` when
        they are not a list (fewer than two)."""
        lines, text = self.lines, self.text
        chosen: list[int] = []
        headings: list[Span] = []  # coded lines under headings of their own: "BRETAGNE", "CORSE"
        item_headings: list[Span | None] = []
        ends: list[int] = []  # each item's end: a name cut over two lines is one item
        i, spaced = index, None
        while i < len(lines):
            line = lines[i]
            if line.blank:
                following = i + 1
                while following < len(lines) and lines[following].blank:
                    following += 1
                if spaced is False or following >= len(lines):
                    break
                spaced, i = True, following
                continue
            if coded and chosen and not line.marker and not self._coded_line(line) \
                    and self._sub_heading(line) and self._next_is_coded(i) \
                    or not coded and self._departements_heading(i):
                headings.append(Span(line.start, line.end))
                i += 1
                continue
            if line.marker or not (_short_line(text, line) or _field_line(text, line)) \
                    or coded and not self._coded_line(line) or text[line.start] == "|":
                break  # a Markdown table's row is read by _tables, cell by cell
            if chosen and ends[-1] == lines[i - 1].end and (
                    DANGLING_END.search(text, lines[i - 1].start, lines[i - 1].end)
                    or _cut_inside_a_name(text, lines[i - 1], line)):
                ends[-1] = line.end  # "Communauté d'agglomération" / "Grand Lac": one item
                i += 1
                continue
            if chosen and spaced is None:
                spaced = False
            chosen.append(i)
            ends.append(line.end)
            item_headings.append(headings[-1] if headings else None)
            i += 1
        if len(chosen) < 2:
            return index
        items = [self._item(lines[k], end, heading) for k, end, heading in zip(chosen, ends, item_headings)]
        self._new_list("lines", index, items, headings, index)
        return chosen[-1] + 1

    def _headed_paragraphs(self, intro: int, index: int) -> int:
        """'L'Isère en compte trois :' then, set apart by blank lines, as many paragraphs each
        under a short line of its own ("Bièvre Valloire" / "Entre Grenoble et Lyon, ce territoire
        …"): the short lines are the items, as many as the intro's count. Returns the index after
        the last paragraph, or `index` when the blocks are not so."""
        lines, text = self.lines, self.text
        counts = {count_value(word)
                  for word in INTRO_COUNT.findall(text, lines[intro].start, lines[intro].end)}
        chosen, i = [], index
        while i + 1 < len(lines):
            line, body = lines[i], lines[i + 1]
            if line.blank or line.marker or body.blank or body.marker or not _short_line(text, line) \
                    or _field_line(text, line) or text[line.end - 1] in ".!?;,…" or _short_line(text, body) \
                    or not text[line.start].isupper():
                break
            chosen.append(i)
            i += 2
            while i < len(lines) and not lines[i].blank:
                i += 1  # the paragraph's other lines
            while i < len(lines) and lines[i].blank:
                i += 1
        if len(chosen) < 2 or len(chosen) not in counts:
            return index
        items = [self._item(lines[k], lines[k].end, None) for k in chosen]
        self._new_list("lines", index, items, [], index)
        end = chosen[-1] + 1
        while end < len(lines) and not lines[end].blank:
            end += 1
        return end

    def _departements_heading(self, index: int) -> bool:
        """A line in capitals naming départements only over a line that is not ("CALVADOS / ORNE"
        then "Flers – Vire : Flers Agglo et …"): the heading of the items under it, not one of them."""
        line, text = self.lines[index], self.text
        if line.marker or not _in_capitals(text, line) \
                or not _departements_cell(text[line.content_start:line.end].strip(" \t*_#")):
            return False
        following = index + 1
        while following < len(self.lines) and self.lines[following].blank:
            following += 1
        return following < len(self.lines) and not self.lines[following].marker \
            and not _in_capitals(text, self.lines[following])

    def _next_is_coded(self, index: int) -> bool:
        following = index + 1
        while following < len(self.lines) and self.lines[following].blank:
            following += 1
        return following < len(self.lines) and self._coded_line(self.lines[following])

    def _counted_line_list(self, index: int) -> int:
        """Short lines without markers, set apart by blank lines, right under a paragraph that
        counts them ("Avec cinq territoires labellisés, la Mayenne … ." then five names, one per
        line): a list whose intro is that paragraph. Returns the index after them, or `index`."""
        lines, text = self.lines, self.text
        paragraph = lines[index - 1]
        first = index
        while first < len(lines) and lines[first].blank:
            first += 1
        if first == index:
            return index
        last = first
        while last < len(lines) and not lines[last].blank and not lines[last].marker \
                and _short_line(text, lines[last]) and not _field_line(text, lines[last]):
            last += 1
        if last == first:  # or "Name : what it is" lines, one per name (an HTML <dl>), none a record's field
            while last < len(lines) and not lines[last].blank and not lines[last].marker \
                    and _field_line(text, lines[last]) and not _record_field(text, lines[last]):
                last += 1
        run = last - first
        if run < 2 or (last < len(lines) and not lines[last].blank):
            return index
        if any(_web_chrome(text, lines[k]) for k in range(first, last)):
            return index  # "Commentaires (3)" / "Vous devez être abonné pour commenter.": the page's, no list
        counts = {count_value(word)
                  for word in COUNT_IN_PARAGRAPH.findall(text, paragraph.start, paragraph.end)}
        if run not in counts:
            return index
        items = [self._item(lines[k], lines[k].end, None) for k in range(first, last)]
        lst = self._new_list("lines", first, items, [], first)
        lst.intro = lst.context  # the whole paragraph: its count and where they lie
        return last

    def _inline_list(self, line: _Line) -> None:
        """'intro : A ; B ; C' on one line: the parts after the colon are the items."""
        colon = COLON.search(self.text, line.start, line.end)
        if not colon:
            return
        # the blanks before the colon are the intro's end (read once: the pattern
        # "[ \t]*:" read a line's run of 10,000 blanks again from each of them)
        colon_start = line.start + len(self.text[line.start:colon.start()].rstrip(COLON_BLANKS))
        intro_start = _last_sentence(self.text, line.start, colon_start)
        line_field = _field(self.text, intro_start, line.end, MAX_INTRO_WORDS)
        if not line_field:
            return
        parts = _parts(self.text, line_field.value)
        if not parts:
            return
        items = [Item(part, part, ";") for part in parts]
        lst = ListBlock(len(self.lists), "inline", Span(parts[0].start, parts[-1].end),
                        Span(intro_start, line_field.value.start), Span(line.start, line.end), items)
        self.lists.append(lst)

    def _contents(self, index: int) -> int:
        """The entries of a table of contents under its "SOMMAIRE" line at `index`: lines "Title :
        page" (the reader writes a dot leader as " : ") whose pages never go down, in runs parted
        by section lines without a page ("Protocoles signés le 19 novembre 2019"); each run of two
        or more is a list whose intro is the line above it. Returns the index after the contents."""
        lines, text = self.lines, self.text
        run: list[int] = []
        last_page, i = 0, index + 1

        def close_run() -> None:
            if len(run) >= 2:
                items = [Item(Span(lines[k].start, lines[k].end), Span(lines[k].start, entry_end), "")
                         for k, entry_end in ((k, self._contents_entry(lines[k])[0]) for k in run)]
                self._new_list("contents", run[0], items, [], run[0])
            else:
                self.blocks.extend(Block("heading", Span(lines[k].start, lines[k].end)) for k in run)
            run.clear()

        while i < len(lines):
            line = lines[i]
            if line.blank:
                close_run()  # "Annexes : 113" after a blank line is no entry of the section above
                i += 1
                continue
            entry = self._contents_entry(line)
            if entry is not None and entry[1] >= last_page:
                run.append(i)
                last_page = entry[1]
            elif entry is None and not line.marker and self._sub_heading_line(line):
                close_run()
                self.blocks.append(Block("heading", Span(line.start, line.end)))
            else:
                break
            i += 1
        close_run()
        return i

    def _contents_entry(self, line: _Line) -> tuple[int, int] | None:
        """(end of the title, page) of a table of contents' line "Title : page", else None."""
        match = CONTENTS_ENTRY.fullmatch(self.text, line.start, line.end)
        return None if match is None or line.marker else (match.end("title"), int(match["page"]))

    def _sub_heading_line(self, line: _Line) -> bool:
        body = self.text[line.start:line.end]
        return len(body.split()) <= MAX_HEADING_WORDS and not re.search(r"[.:;,]$", body) \
            and re.search(r"[^\W\d_]", body) is not None

    def build(self) -> Structure:
        lines, text = self.lines, self.text
        fields: list[Field] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.blank:
                i += 1
                continue
            if CONTENTS_HEADING.fullmatch(text, line.start, line.end):
                self.blocks.append(Block("heading", Span(line.start, line.end)))
                i = self._contents(i)
                continue
            if line.marker and i not in self.notes:
                i = self._bullet_list(i)
                continue
            if _ends_with_colon(text, line):
                self.blocks.append(Block("paragraph", Span(line.start, line.end)))
                following = i + 1
                while following < len(lines) and lines[following].blank:
                    following += 1
                if following < len(lines) and not lines[following].marker:
                    after = self._line_list(following)
                    if after == following:
                        after = self._headed_paragraphs(i, following)
                    if after != following:
                        i = after
                        continue
                i += 1
                continue
            if self._coded_line(line):
                after = self._line_list(i, coded=True)
                if after != i:  # "Grand Châtellerault (86)" then "Sud Charente (16)": a list, no colon above
                    i = after
                    continue
            body = text[line.start:line.end]
            words = len(body.split())
            kind = "heading" if (body.startswith("#") or (words <= MAX_HEADING_WORDS and
                                                           not re.search(r"[.:;,]$", body))) else "paragraph"
            self.blocks.append(Block(kind, Span(line.start, line.end)))
            self._inline_list(line)
            i += 1
            if kind == "paragraph":
                i = self._counted_line_list(i)
        for lst in self.lists:
            for item in lst.items:
                if item.field:
                    fields.append(item.field)
        for block in self.blocks:
            if block.kind != "list":
                line_field = _field(text, block.span.start, block.span.end)
                if line_field:
                    fields.append(line_field)
        self.lists.sort(key=lambda lst: lst.span.start)
        ids: dict[Span, int] = {}  # a list block's list, found by its span (each read every list)
        for number, lst in enumerate(self.lists):
            lst.id = number
            ids.setdefault(lst.span, number)
        self.blocks = [Block(b.kind, b.span, ids[b.span] if b.kind == "list" else None) for b in self.blocks]
        fields.sort(key=lambda f: f.label.start)
        return Structure(text, self.blocks, self.lists, fields,
                         self._tables() + self._column_tables() + self._stacked_tables())

    def _tables(self) -> list[Table]:
        """Runs of at least two consecutive lines cut into the same number of cells by " | "; a
        table written in Markdown ("| a | b |", then "|---|---|") is read the same way."""
        tables, run = [], []
        for line in self.lines + [_Line(0, 0, 0)]:
            if run and MARKDOWN_RULE.fullmatch(self.text, line.start, line.end):
                continue  # the rule under a Markdown table's header
            if len(run) == 1 and HEADER_RULE.fullmatch(self.text, line.start, line.end):
                continue  # a plain dashed rule under the header of a table of bars
            cells = self._cells(line)
            if cells and run and len(cells) != len(run[0]):
                # "    |          | CC des Portes … |" under " N° | Territoire | …": a plain-text
                # grid's line whose first and last cells are empty, no Markdown's outer pipes
                cells = self._cells(line, outer_pipes=False) or cells
            if cells and run and TOTAL_ROW.fullmatch(next((cell.of(self.text) for cell in cells if cell.of(self.text)), "")):
                cells = []  # "| **Total** | | | **330 000 €** |", "| | TOTAL | 200 000 € |": the table's foot, no row of it
            if cells and (not run or len(cells) == len(run[0])):
                run.append(cells)
                continue
            if len(run) >= 2:
                tables.append(self._bar_table(run))
            run = [cells] if cells else []
        return tables

    def _bar_table(self, run: list[list[Span]]) -> Table:
        """The header and rows of a run, a row holding only a first cell joined to the row above
        when that row's first cell is cut where no phrase ends ("Aurillac – Figeac –" over
        "Rodez") or it goes on in lower case: a cell wrapped over two lines of a plain-text grid."""
        rows: list[list[Span]] = []
        pieces: dict[tuple[int, int], list[Span]] = {}
        for cells in run[1:]:
            first = cells[0].of(self.text)
            if (rows and first and not any(cell.of(self.text) for cell in cells[1:])
                    and (CUT_CELL_END.search(rows[-1][0].of(self.text)) or first[0].islower())):
                above = pieces.setdefault((len(rows) - 1, 0), [rows[-1][0]])
                above.append(cells[0])
                rows[-1][0] = Span(above[0].start, cells[0].end)
                continue
            if rows and self._wraps_cells_above(cells, rows[-1]):
                for column, cell in enumerate(cells):
                    if cell.of(self.text):
                        above = pieces.setdefault((len(rows) - 1, column), [rows[-1][column]])
                        above.append(cell)
                        rows[-1][column] = Span(above[0].start, cell.end)
                continue
            rows.append(list(cells))
        return Table(run[0], rows, pieces)

    def _wraps_cells_above(self, cells: list[Span], above: list[Span]) -> bool:
        """Whether a row goes on with the cells of the row above, wrapped over two lines of a
        plain-text grid ("5 | Moselle-Est | 57 | CA Forbach … / CA Sarreguemines | 40 000 €" /
        "  |             |    | Confluences |"): its first cell is empty, fewer than half of its
        cells hold text, each under a cell holding text, and none is a total. A row filling half
        or more ("| | Territoire B | 40 000 € |", a rowspan flattened) is a row of its own."""
        written = [cell.of(self.text) for cell in cells]
        filled = [column for column, value in enumerate(written) if value]
        return (not written[0] and filled and 2 * len(filled) < len(cells)
                and all(above[column].of(self.text) for column in filled)
                and not any(TOTAL_ROW.fullmatch(value) for value in written))

    def _column_tables(self) -> list[Table]:
        """Tables of a PDF's text columns: a header of short cells parted by runs of spaces, then
        lines whose pieces start under its cells, up to a blank line. A line without a piece
        under the first column, or going on from a first cell cut where no phrase ends
        ("Rochefort – Royan - Marennes -" / "Oléron") or in lower case ("… – Portes" / "de
        Romilly"), continues the row above."""
        tables, lines, text = [], self.lines, self.text
        index = 0
        while index < len(lines):
            header = self._column_pieces(lines[index])
            if len(header) < 2 or any(len(piece.of(text).split()) > MAX_SUB_HEADING_WORDS for piece in header):
                index += 1
                continue
            starts = [piece.start - lines[index].start + lines[index].indent for piece in header]
            rows: list[dict[int, list[Span]]] = []
            following = index + 1
            while following < len(lines) and not lines[following].blank:
                line = lines[following]
                pieces = self._parted_at_starts(line, self._column_pieces(line) or [Span(line.start, line.end)],
                                                starts)
                placed: dict[int, list[Span]] = {}
                for piece in pieces:
                    offset = piece.start - line.start + line.indent
                    column = max((c for c, start in enumerate(starts) if start <= offset + COLUMN_SLACK), default=None)
                    if column is None or abs(offset - starts[column]) > COLUMN_SLACK:
                        placed = {}
                        break  # a piece standing under no column: not a table's line
                    placed.setdefault(column, []).append(piece)
                if not placed:
                    break
                first_cut = rows and 0 in rows[-1] and CUT_CELL_END.search(rows[-1][0][-1].of(text))
                # "Epernay – … – Portes" / "de Romilly": a first cell going on in lower case
                goes_on = 0 in placed and text[placed[0][0].start].islower()
                if rows and (0 not in placed or first_cut or goes_on):
                    for column, found in placed.items():
                        rows[-1].setdefault(column, []).extend(found)
                else:
                    rows.append(placed)
                following += 1
            if len(rows) >= 2 and all(0 in row for row in rows):
                tables.append(self._column_table(header, rows))
                index = following
            else:
                index += 1
        return tables

    def _column_table(self, header: list[Span], rows: list[dict[int, list[Span]]]) -> Table:
        table_rows, pieces = [], {}
        for number, row in enumerate(rows):
            last = max(piece.end for found in row.values() for piece in found)
            cells = []
            for column in range(len(header)):
                found = row.get(column)
                if not found:
                    cells.append(Span(last, last))
                    continue
                cells.append(Span(found[0].start, found[-1].end))
                if len(found) > 1:
                    pieces[(number, column)] = found
            table_rows.append(cells)
        return Table(header, table_rows, pieces)

    def _stacked_tables(self) -> list[Table]:
        """Tables a PDF's text extraction wrote one cell per line: a header of N short lines
        without figures ("Bénéficiaire" / "Territoire" / "Taux"), then rows of N lines each, up
        to a blank line or a line that breaks the pattern (a "Total" row). Every row has its
        figures in the same columns, and some column holds figures (a list of names does not
        parse as a table); the smallest such N is the table's width."""
        tables, run = [], []
        for line in self.lines + [_Line(0, 0, 0)]:
            if not line.blank and not line.marker:
                run.append(line)
                continue
            table = self._stacked_table(run) or self._stacked_rows_by_departements(run) or self._stacked_rows(run)
            if table:
                tables.append(table)
            run = []
        return tables

    def _stacked_table(self, lines: list[_Line]) -> Table | None:
        cells = [Span(line.start, line.end) for line in lines]
        kinds = [bool(FIGURE_CELL.fullmatch(cell.of(self.text))) for cell in cells]
        for width in range(MIN_STACKED_COLUMNS, MAX_STACKED_COLUMNS + 1):
            header = cells[:width]
            if len(cells) < width * (MIN_STACKED_ROWS + 1) or any(kinds[:width]) \
                    or any(len(cell.of(self.text).split()) > MAX_SUB_HEADING_WORDS
                           or cell.of(self.text).rstrip().endswith((".", ":", ";", ","))
                           for cell in header):
                continue
            pattern = kinds[width:2 * width]
            if not any(pattern) or all(pattern):
                continue
            rows = []
            for first in range(width, len(cells) - width + 1, width):
                if kinds[first:first + width] != pattern:
                    break
                rows.append(cells[first:first + width])
            if len(rows) >= MIN_STACKED_ROWS:
                return Table(header, rows)
        return None

    def _stacked_rows_by_departements(self, lines: list[_Line]) -> Table | None:
        """A table of territories a PDF's text extraction wrote one cell per line, whose rows have
        several lines in a cell: a header of three short lines, the second the départements'
        ("Territoire" / "Département(s)" / "Intercommunalités"), then rows each made of a name, its
        départements one a line ("Vienne (86)", "64, 65"), then the other cell's lines up to the
        next line standing over a département's (the next row's name). A row without a
        département or without a last cell ends the table. Only the run's first headers are tried
        (a table has one): each try reads the rest of the run, which thousands of header-like lines
        would make quadratic."""
        text = self.text
        coded_lines = [bool(DEPARTEMENT_CELL.fullmatch(text, line.start, line.end)) for line in lines]
        tries = 0
        for first in range(len(lines) - 4):
            header = [Span(line.start, line.end) for line in lines[first:first + 3]]
            if not STACKED_DEPARTEMENTS_HEADER.fullmatch(fold(header[1].of(text))) \
                    or any(len(cell.of(text).split()) > MAX_SUB_HEADING_WORDS or FIGURE_CELL.fullmatch(cell.of(text))
                           or cell.of(text).rstrip().endswith((".", ":", ";", ",")) for cell in header):
                continue
            tries += 1
            if tries > MAX_STACKED_HEADER_TRIES:
                return None
            cells = [Span(line.start, line.end) for line in lines[first + 3:]]
            coded = coded_lines[first + 3:]
            rows, pieces, index = [], {}, 0
            while index < len(cells) and not coded[index]:
                end = index + 1
                while end < len(cells) and coded[end]:
                    end += 1
                last = end
                while last < len(cells) and not (not coded[last] and last + 1 < len(cells) and coded[last + 1]):
                    last += 1
                if end == index + 1 or last == end:
                    break
                row = [cells[index], Span(cells[index + 1].start, cells[end - 1].end), Span(cells[end].start, cells[last - 1].end)]
                for column, found in ((1, cells[index + 1:end]), (2, cells[end:last])):
                    if len(found) > 1:
                        pieces[(len(rows), column)] = found
                rows.append(row)
                index = last
            if len(rows) >= MIN_STACKED_ROWS and index == len(cells):
                return Table(header, rows, pieces)
        return None

    def _stacked_rows(self, lines: list[_Line]) -> Table | None:
        """A table of territories a PDF's text extraction wrote one cell per line, every cell on
        one line: a header opening with the territories' column ("Territoire"), the départements'
        among its short lines ("Département(s)"), then rows of as many lines, read while the
        départements' cell names départements only ("Marne, Aube", "Moselle (57)", "54, 57"; a
        two-column "Territoire" / "Département(s)" table, or four with "Intercommunalités" /
        "Territoire pilote"; the run may end on a row short of its last cell, an empty one). A name may be a département's ("Vosges" / "Vosges"): a row is read by
        its place, never by what it holds. The width reading the most rows wins (the smallest on a
        tie); only the run's first territories' headers are tried."""
        text = self.text
        folded = [fold(text[line.start:line.end]).strip() for line in lines]
        tries = 0
        for first in range(len(lines) - 1):
            if not STACKED_TERRITORIES_HEADER.fullmatch(folded[first]):
                continue
            tries += 1
            if tries > MAX_STACKED_HEADER_TRIES:
                return None
            best: Table | None = None
            for width in range(2, MAX_STACKED_COLUMNS + 1):
                header = [Span(line.start, line.end) for line in lines[first:first + width]]
                if len(header) < width or any(len(cell.of(text).split()) > MAX_SUB_HEADING_WORDS
                                              or cell.of(text).rstrip().endswith((".", ":", ";", ","))
                                              for cell in header):
                    break
                column = next((k for k in range(1, width)
                               if STACKED_DEPARTEMENTS_HEADER.fullmatch(folded[first + k])), None)
                if column is None:
                    continue
                rows = []
                for index in range(first + width, len(lines) - width + 2, width):
                    row = [Span(line.start, line.end) for line in lines[index:index + width]]
                    if len(row) == width - 1 > column:  # the run ends on a row short of its last cell
                        row.append(Span(row[-1].end, row[-1].end))
                    if len(row) < width or not _departements_cell(row[column].of(text)) \
                            or FIGURE_CELL.fullmatch(row[0].of(text)):
                        break
                    rows.append(row)
                if len(rows) >= MIN_STACKED_ROWS and (best is None or len(rows) > len(best.rows)):
                    best = Table(header, rows)
            if best is not None:
                return best
        return None

    def _parted_at_starts(self, line: _Line, pieces: list[Span], starts: list[int]) -> list[Span]:
        """The pieces, each parted where two spaces end right at a column's start: a cell filling
        its column leaves only those before the next ("Lacq Pau Tarbes (TI interrégional)  64-65")."""
        parted = []
        for piece in pieces:
            start = piece.start
            for gap in NARROW_GAP.finditer(self.text, piece.start, piece.end):
                if gap.end() - line.start + line.indent in starts:
                    parted.append(Span(start, gap.start()))
                    start = gap.end()
            parted.append(Span(start, piece.end))
        return parted

    def _column_pieces(self, line: _Line) -> list[Span]:
        """The pieces of a line parted by runs of spaces (a PDF's columns), or [] when it has one."""
        if line.blank or "\t" in self.text[line.start:line.end] or CELL_SEPARATOR in self.text[line.start:line.end]:
            return []
        pieces, start = [], line.start
        for gap in COLUMN_GAP.finditer(self.text, line.start, line.end):
            pieces.append(Span(start, gap.start()))
            start = gap.end()
        pieces.append(Span(start, line.end))
        return pieces if len(pieces) > 1 else []

    def _cells(self, line: _Line, outer_pipes: bool = True) -> list[Span]:
        written = self.text[line.start:line.end]
        separator_pattern = (CELL_BAR if CELL_SEPARATOR in written or written.startswith("| ")
                             or written.endswith(" |")
                             else TAB_SEPARATOR if "\t" in written.strip()
                             else CSV_SEPARATOR if _csv_row(written) else None)
        if line.blank or separator_pattern is None:
            return []
        if separator_pattern == CSV_SEPARATOR and not written.strip(" ;"):
            return []  # ";;;;;": an empty row of a spreadsheet parts its tables
        first, last = line.start, line.end
        empty_first = 0
        if separator_pattern == TAB_SEPARATOR:  # a row whose last cells are empty ends with tabs
            # and one whose first cells are empty (merged over rows) starts with a tab for each
            empty_first = self.text.count("\t", self.text.rfind("\n", 0, first) + 1, first)
            raw_end = self.text.find("\n", last)
            raw_end = len(self.text) if raw_end < 0 else raw_end
            last = len(self.text[:raw_end].rstrip(" \r"))
        if outer_pipes and self.text.startswith("| ", first) and self.text.endswith(" |", first, last):
            first, last = first + 2, last - 2  # "| a | b |": Markdown's outer pipes
        cells, start = [Span(first, first)] * empty_first, first
        for separator in re.finditer(separator_pattern, self.text[first:last]):
            cells.append(_trimmed(self.text, start, first + separator.start()))
            start = first + separator.end()
        cells.append(_trimmed(self.text, start, last))
        return cells


@lru_cache(maxsize=4)
def _lines_and_edges(text: str) -> tuple[list[_Line], list[int], list[int]]:
    """The lines of a text, their starts and their ends (both in order), read once for the
    questions asked about each list (read again for each, a text of 500 lists took 40 s)."""
    lines = _lines(text)
    return lines, [line.start for line in lines], [line.end for line in lines]


def _numbering_breaks(items: list[Item], marker: str) -> bool:
    """Whether a numbered marker after a blank line cannot go on with the list's items: a number
    other than the next of its last numbered item ("1." … "5." / blank / "1. Cinq ans d'action"),
    or other than 1 under bullets only ("- …" / blank / "4. Paroles de territoires"): a numbered
    heading of the page, its sections' titles."""
    number = NUMBER_MARKER.fullmatch(marker.strip())
    if number is None or not items:
        return False
    numbered = [last for item in items if (last := NUMBER_MARKER.fullmatch(item.marker.strip()))]
    if not numbered:
        return int(number["number"]) != 1
    return int(number["number"]) != int(numbered[-1]["number"]) + 1


def stops_at_a_page_break(text: str, block: ListBlock) -> bool:
    """Whether a page number stands in the few lines after a list and an item with the list's
    marker follows it: the list may go on on the next page, under furniture not recognised."""
    lines, starts, _ = _lines_and_edges(text)
    after = bisect_left(starts, block.span.end)
    if after == len(lines) or not block.items[-1].marker:
        return False
    page_number = None
    index = after
    # the footer within reach of the list, the next page's first item within reach of the footer
    while index < len(lines) and index < (after if page_number is None else page_number) + FURNITURE_REACH:
        line = lines[index]
        if line.marker:
            return page_number is not None and line.marker == block.items[-1].marker
        if page_number is None and not line.blank and PAGE_NUMBER.fullmatch(text, line.start, line.end):
            page_number = index
        index += 1
    return False


NUMBER_MARKER = re.compile(r"(?P<number>\d{1,2})(?P<mark>°\)?|[.)])")
PROSE_BETWEEN_NUMBERS = 8  # lines of prose (blank ones included) between two numbered items
NUMBERING_REACH = 2000  # characters after a list where its numbering may go on


def numbering_goes_on(text: str, block: ListBlock) -> bool:
    """Whether a numbered list ("1. Axe Seine") stops and a line further on carries the next
    number with the same mark ("2. Côte d'Albâtre"): its items are parted by paragraphs of prose."""
    last = NUMBER_MARKER.fullmatch(block.items[-1].marker.strip()) if block.items else None
    if last is None:
        return False
    following = f"{int(last['number']) + 1}{last['mark']}"
    window = text[block.span.end:block.span.end + NUMBERING_REACH]
    return bool(re.search(r"(?m)^[ \t]*" + re.escape(following) + r"[ \t]+\S", window))


def resumes_after_prose(text: str, block: ListBlock, following: ListBlock) -> bool:
    """Whether `following` takes up `block` after a few lines of prose: its items have the
    marker of `block`'s last one and nothing introduces them ("• Pithiviers" / a sentence about
    the programme / "• Vallée du Loir", a PDF whose column or page ended inside the list)."""
    if not block.items or not following.items or not block.items[-1].marker \
            or following.items[0].marker != block.items[-1].marker:
        return False
    lines, starts, ends = _lines_and_edges(text)
    first = bisect_left(starts, block.span.end)
    between = lines[first:max(first, bisect_right(ends, following.span.start))]
    prose = [line for line in between if not line.blank]
    if not prose or len(between) > PROSE_BETWEEN_NUMBERS or any(line.marker for line in prose):
        return False
    return not text[prose[-1].start:prose[-1].end].rstrip(" *_").endswith(":")


@lru_cache(maxsize=8)
def parse(text: str) -> Structure:
    """The structure of a clean text (cached: several extractors ask for the same document's)."""
    return _Builder(text).build()
