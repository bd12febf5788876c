"""A PDF page laid out in two columns and copied as text: each line holds a piece of the left
column, a run of spaces, then a piece of the right one ("Nantes, le 8 décembre 2023. La Région
Pays de        France pour 2023-2027"). Read line by line, the sentences of the two columns
interleave: a list's intro ends mid-line, its items carry the other column's words. The band of
such lines is rewritten column by column, the left one first, as pdf.py reads a real PDF.

A table copied the same way (a name, spaces, a département) is not prose: only a band whose left
column wraps its sentences onto the next line, several times, or whose two columns are lists (a
marker opening both pieces of two rows, never one piece only), is read as two columns.
"""

from __future__ import annotations

import re

GAP = re.compile(r"[ \u00a0]{3,}")  # between the two columns of a line
GUTTER_SLACK = 4  # characters the right column's pieces may stand off its usual start
MIN_BAND_LINES = 6  # non-blank lines of a band of two columns
MIN_RIGHT_PIECES = 3
MIN_WRAPPED_LINES = 3  # left pieces whose sentence goes on, in lower case, on the next line
MIN_WRAPPED_WIDTH = 30  # characters of a left piece that wraps: a column of prose, not a cell
WORD = re.compile(r"[^\W\d_]{2}")
WRAP_END = re.compile(r"[^\W\d_][\w'’]*$")  # a word, no punctuation, ends the piece


def _sides(line: str, gutter: int) -> tuple[str, str] | None:
    """(left piece, right piece) of a line with the right column starting near `gutter`, or
    None when the line does not fit that layout."""
    if not line.strip():
        return "", ""
    # words apart by one or two spaces are one piece ("-  les compétences": a list marker's gap)
    pieces = [match.span() for match in re.finditer(r"\S+(?:[ \u00a0]{1,2}\S+)*", line)]
    left = [p for p in pieces if p[0] < gutter - GUTTER_SLACK]
    right = [p for p in pieces if p[0] >= gutter - GUTTER_SLACK]
    if len(left) > 1 or len(right) > 1:
        return None
    if right and abs(right[0][0] - gutter) > GUTTER_SLACK:
        return None
    if left and right and left[0][1] > right[0][0] - 3:
        return None
    if left and not right and left[0][1] > gutter - GUTTER_SLACK:
        return None
    return (line[slice(*left[0])] if left else ""), (line[slice(*right[0])] if right else "")


def _band(lines: list[str], first: int, gutter: int, floor: int) -> tuple[int, int]:
    """The lines around `first`, not before `floor`, that fit a right column starting at
    `gutter`: (start, end)."""
    start = first
    while start > floor and _sides(lines[start - 1], gutter) is not None:
        start -= 1
    end = first + 1
    while end < len(lines) and _sides(lines[end], gutter) is not None:
        end += 1
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return start, end


def _is_two_columns(sides: list[tuple[str, str]]) -> bool:
    lefts = [left for left, _ in sides]
    wrapped = sum(1 for left, following in zip(lefts, lefts[1:])
                  if len(left) >= MIN_WRAPPED_WIDTH and WRAP_END.search(left) and following[:1].islower())
    return (sum(1 for left, right in sides if left or right) >= MIN_BAND_LINES
            # words on the right, not a running head's page numbers ("Dossier de presse    2/12")
            and sum(1 for _, right in sides if WORD.search(right)) >= MIN_RIGHT_PIECES
            and wrapped >= MIN_WRAPPED_LINES)


# a list marker opening a column's piece: "- CC X            - CC Y" holds two columns' items
MARKED = re.compile(r"[-–—•▪·*][ \t]+\S")
MIN_MARKED_ROWS = 2


def _is_two_marked_columns(sides: list[tuple[str, str]]) -> bool:
    """Two lists side by side ("Hautes-Pyrénées      Haute-Garonne" / "- CC A      - CC B"):
    rows whose two pieces each open with a list marker, and no marked item beside an unmarked
    piece (a table's name and its département's cell)."""
    both = sum(1 for left, right in sides if MARKED.match(left) and MARKED.match(right))
    return both >= MIN_MARKED_ROWS and not any(
        left and right and bool(MARKED.match(left)) != bool(MARKED.match(right)) for left, right in sides)


def _column(pieces: list[str]) -> list[str]:
    """A column's lines, a blank where it had none (the other column's line), runs of blanks as one."""
    lines: list[str] = []
    for piece in pieces:
        if piece or (lines and lines[-1]):
            lines.append(piece)
    return lines


def in_reading_order(text: str) -> str:
    """The text with each band of two prose columns written column by column."""
    if not GAP.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    # lines before `settled` belong to a band already judged: each line is looked at a bounded
    # number of times, so a long table copied with wide gaps costs linear time
    index = settled = 0
    while index < len(lines):
        line = lines[index]
        gap = GAP.search(line)
        if gap is None or not line[:gap.start()].strip() or _sides(line, gap.end()) is None:
            out.append(line)
            index += 1
            continue
        start, end = _band(lines, index, gap.end(), settled)
        sides = [_sides(lines[k], gap.end()) for k in range(start, end)]
        if end <= index + 1 or not (_is_two_columns(sides) or _is_two_marked_columns(sides)):
            out += lines[index:max(end, index + 1)]  # not two columns: the band stays as it is
            index = settled = max(end, index + 1)
            continue
        del out[len(out) - (index - start):]
        out += _column([left for left, _ in sides]) + [""] + _column([right for _, right in sides])
        index = settled = end
    return "\n".join(out)
