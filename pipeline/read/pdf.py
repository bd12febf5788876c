"""PDF: the text layer in reading order, cleaned as a text file would be.

A band of two columns is read column by column. Running headers, footers and page numbers are
removed, words hyphenated at a line end rejoined, list bullets kept at the start of their line,
and paragraphs (found from the space between lines) separated by a blank line, as in a text
file; a paragraph or list that goes on across a page or column break stays one.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from pipeline.read.common import ReadError, ReadResult
from pipeline.read.limits import MAX_PAGES, over_limit

_X_TOLERANCE = 1.5  # pt: a wider gap between two letters is a space
_LINE_TOLERANCE = 3.0  # pt: words whose tops differ by less stand on one line (pdfplumber's default)
# Column detection: a gutter is a vertical strip at least _MIN_GUTTER wide that no word of a run of
# consecutive lines touches, with at least _MIN_COLUMN_LINES lines of text on each side. Wider than
# any space between words, narrower than any column gutter (Word's default is 35 pt). It is looked
# for every _SCAN_STEP, away from the outer _SCAN_MARGIN of the text's width on either side.
_MIN_GUTTER = 12.0
_MIN_COLUMN_LINES = 3
_SCAN_STEP = 2.0
_SCAN_MARGIN = 0.15
# Median words per line on each side of a gutter: prose and list items have more, the cells of a
# table ("Haut Bocage | 08") fewer; a table must stay row by row, its cells belong together.
_MIN_COLUMN_WORDS = 4
# A gap between two lines wider than this many times the document's usual gap between lines, and
# than half a line's height, is space between paragraphs.
_PARAGRAPH_GAP = 1.5
_EDGE_LINES = 3  # lines at the top and at the bottom of a page where headers and footers live
_PAGE_NUMBER = re.compile(r"(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*(?:(?:/|sur|of)\s*\d{1,3})?"
                          r"\s*[-–—]?", re.I)
# A bullet glyph without a Unicode mapping: Word's Symbol-font bullets come out in the private use
# area (U+F0B7), standard-font ones as "(cid:127)"; at the start of a line they are list bullets.
_UNMAPPED_BULLET = re.compile(r"^(?:[\uf000-\uf0ff]|\(cid:\d+\))(?=\s)")
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_BULLET_LINE = re.compile(r"(?:[•▪◦●■□➢►\-–—*]|\d{1,2}[.)])\s")
# The end of a line that cannot end a paragraph: a comma, an opening bracket, a word cut at a
# hyphen, or a word that always has a following one (article, preposition, conjunction).
OPEN_END = re.compile(r"(?:[,;(]|(?<=[^\W\d_])[-\u00ad\u2010]|\b(?:à|au|aux|d[e'’]|des|du|en|et|"
                       r"l[ae'’]|les|par|pour|sur))$", re.I)
_CUT_WORD_END = re.compile(r"[^\W_][-\u00ad\u2010]$")
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W_])([-\u00ad\u2010])\n(?=([^\W_]\S*))")
_PLAIN_WORD = re.compile(r"[^\W\d_]+[,.;:!?)»]*")  # letters, then closing punctuation only


@dataclass(frozen=True)
class _Line:
    """A line in reading order, with the geometry that tells how it joins the line before.

    Distances are in points; `indent` and `text_indent` count from the left edge of the text of
    its region (page band or column), so that a column's lines compare with another column's.
    """

    text: str
    height: float
    gap: float | None  # space above it; None at the top of a region
    indent: float
    text_indent: float  # where its words start: after the bullet of a list item, else = indent


def read_pdf(data: bytes) -> ReadResult:
    """Text of the pages in reading order (columns one after the other), cleaned.

    pdfplumber's word extraction already turns ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) into letters and every
    Unicode space (no-break, narrow no-break) into a plain space between words.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES.value():  # counted from the page tree, none parsed
                raise ReadError(over_limit(MAX_PAGES, len(pdf.pages), "PDF has too many pages",
                                           "check that it is the communiqué itself"))
            pages = [_closed_after(page, _page_lines(page)) for page in pdf.pages]
    except (ReadError, MemoryError):  # a memory limit is the caller's to report
        raise
    except Exception as error:
        if _caused_by(error, MemoryError):  # out of memory inside pdfminer, wrapped by pdfplumber
            raise MemoryError from None
        if _caused_by(error, PDFEncryptionError):
            raise ReadError("PDF is encrypted (password-protected), so its text cannot be read; "
                            "provide an unprotected copy") from None
        raise ReadError("file could not be parsed as a PDF (it is corrupt or truncated); "
                        "download or export it again") from None
    if not pages:
        raise ReadError("PDF has no pages; download or export it again")
    if not any(pages):
        raise ReadError("PDF has no text layer, needs OCR (it is a scan or an image); run OCR on it "
                        "or provide a text version")
    # the usual space between two lines of a paragraph: most gaps are, paragraph breaks are not
    gaps = sorted(line.gap for lines in pages for line in lines if line.gap is not None)
    usual_gap = gaps[len(gaps) // 4] if gaps else 0.0
    text = rejoin_hyphenated(_join(_drop_page_furniture(pages, usual_gap), usual_gap))
    if not text.strip():
        raise ReadError("PDF has only page headers, footers and numbers, no body text; check that "
                        "it is the communiqué itself")
    if len("".join(_UNMAPPED_GLYPH.findall(text))) > len(text) / 3:
        raise ReadError("PDF's text layer is unreadable (its fonts do not say which letters they "
                        "draw), needs OCR; run OCR on it or provide a text version")
    return ReadResult(text=text, format="pdf", n_pages=len(pages))


def _closed_after(page, lines: list[_Line]) -> list[_Line]:
    """The page's lines, its parsed objects released: a long PDF is not held whole in memory."""
    page.close()
    return lines


def _caused_by(error: Exception, kind: type[BaseException]) -> bool:
    """pdfplumber wraps pdfminer's errors: look at the wrapped one too."""
    related = [error, *error.args, error.__cause__, error.__context__]
    return any(isinstance(e, kind) for e in related)


def _page_lines(page) -> list[_Line]:
    """The page's lines, region by region: full-width bands, and each column of a column band."""
    lines = []
    for x0, top, x1, bottom in _regions(page):
        region = page.filter(lambda obj: x0 <= (obj["x0"] + obj["x1"]) / 2 < x1
                             and top <= (obj["top"] + obj["bottom"]) / 2 < bottom)
        found = region.extract_text_lines(x_tolerance=_X_TOLERANCE, expand_ligatures=True)
        if not found:
            continue
        left = min(f["x0"] for f in found)
        previous = None
        for line in found:
            text = _UNMAPPED_BULLET.sub("•", line["text"])
            words = _word_starts(line["chars"])
            text_indent = words[1] if _BULLET_LINE.match(text) and len(words) > 1 else words[0]
            lines.append(_Line(text=text, height=line["bottom"] - line["top"],
                               gap=None if previous is None else line["top"] - previous["bottom"],
                               indent=line["x0"] - left, text_indent=text_indent - left))
            previous = line
    return lines


def _word_starts(chars: list[dict]) -> list[float]:
    """x0 of the first character of each word (a space glyph or a gap wider than a letter's
    tolerance separates words), for the first two words."""
    starts, previous = [], None
    for char in chars:
        if char["text"].isspace():
            previous = None
            continue
        if previous is None or char["x0"] - previous["x1"] > _X_TOLERANCE:
            starts.append(char["x0"])
            if len(starts) == 2:
                break
        previous = char
    return starts


def _regions(page) -> list[tuple[float, float, float, float]]:
    """Boxes to read one after the other: the page cut above and below each band of columns, and
    each such band cut at its gutter. Every character's centre falls in exactly one box, even
    text drawn off the page."""
    x0, top, x1, bottom = -math.inf, -math.inf, math.inf, math.inf
    regions, y = [], top
    for band_top, band_bottom, gutter in _column_bands(page):
        if band_top > y:
            regions.append((x0, y, x1, band_top))
        regions += [(x0, band_top, gutter, band_bottom), (gutter, band_top, x1, band_bottom)]
        y = band_bottom
    regions.append((x0, y, x1, bottom))
    return regions


def _column_bands(page) -> list[tuple[float, float, float]]:
    """(top, bottom, gutter x) of each band of the page laid out in two columns, top to bottom.

    Gutter positions are tried every _SCAN_STEP across the middle of the text: at each, the lines
    that no word crosses form runs, and a run may hold a band (_band). The same band is found at
    every position inside its gutter; of overlapping bands the one with most lines wins.
    """
    lines = _word_lines(page.extract_words(x_tolerance=_X_TOLERANCE))
    if not lines:
        return []
    left = min(w["x0"] for line in lines for w in line)
    right = max(w["x1"] for line in lines for w in line)
    found = set()
    x = left + (right - left) * _SCAN_MARGIN
    while x < right - (right - left) * _SCAN_MARGIN:
        run: list[int] = []
        for index, line in enumerate([*lines, None]):
            if line is not None and not any(w["x0"] < x < w["x1"] for w in line):
                run.append(index)
                continue
            band = _band(lines, run[0], run[-1], x) if run else None
            if band:
                found.add(band)
            run = []
        x += _SCAN_STEP
    chosen: list[tuple[int, int, float, float]] = []
    for band in sorted(found, key=lambda b: (b[0] - b[1], b[2] - b[3])):  # most lines, widest
        if all(band[1] < other[0] or band[0] > other[1] for other in chosen):
            chosen.append(band)
    bands = []
    for start, end, lo, hi in sorted(chosen):
        top = (_bottom(lines[start - 1]) + _top(lines[start])) / 2 if start else _top(lines[0]) - 1
        bottom = ((_bottom(lines[end]) + _top(lines[end + 1])) / 2 if end + 1 < len(lines)
                  else _bottom(lines[end]) + 1)
        bands.append((top, bottom, (lo + hi) / 2))
    return bands


def _band(lines: list[list[dict]], first: int, last: int,
          x: float) -> tuple[int, int, float, float] | None:
    """(first line, last line, gutter's left and right edge) of the column band that lines
    first..last (which no word crosses at x) hold, if any.

    The band starts where both columns have begun, so that a short line above them ("Dans
    l'Aube :") is read before them; it ends where both have ended, or later while the longer
    column goes on without a paragraph's space (so a short paragraph after the band is not read
    as the end of the left column).
    """
    def sides(start: int, end: int) -> tuple[list[list[dict]], list[list[dict]]]:
        return ([[w for w in line if w["x1"] <= x] for line in lines[start:end + 1]],
                [[w for w in line if w["x0"] >= x] for line in lines[start:end + 1]])

    left_side, right_side = sides(first, last)
    if not any(left_side) or not any(right_side):
        return None
    start = first + max(next(i for i, ws in enumerate(side) if ws) for side in (left_side, right_side))
    end = first + min(max(i for i, ws in enumerate(side) if ws) for side in (left_side, right_side))
    gaps = sorted(_top(lines[i]) - _bottom(lines[i - 1]) for i in range(start + 1, end + 1))
    usual_gap = gaps[len(gaps) // 4] if gaps else 0.0
    while end < last and not _paragraph_gap(_top(lines[end + 1]) - _bottom(lines[end]),
                                            _bottom(lines[end + 1]) - _top(lines[end + 1]), usual_gap):
        end += 1
    left_side, right_side = sides(start, end)
    if not (_is_column(left_side) and _is_column(right_side)):
        return None
    lo = max(w["x1"] for words in left_side for w in words)
    hi = min(w["x0"] for words in right_side for w in words)
    return (start, end, lo, hi) if hi - lo >= _MIN_GUTTER else None


def _word_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines, top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and word["top"] - lines[-1][0]["top"] <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _is_column(side: list[list[dict]]) -> bool:
    """Enough lines of prose or list items (not table cells) on one side of a gutter."""
    counts = sorted(len(words) for words in side if words)
    return len(counts) >= _MIN_COLUMN_LINES and counts[len(counts) // 2] >= _MIN_COLUMN_WORDS


def _top(line: list[dict]) -> float:
    return min(w["top"] for w in line)


def _bottom(line: list[dict]) -> float:
    return max(w["bottom"] for w in line)


def _edges(lines: list[_Line]) -> set[int]:
    indices = range(len(lines))
    return set(indices[:_EDGE_LINES]) | set(indices[-_EDGE_LINES:])


def _furniture_key(line: str) -> str:
    """Digits masked, so "Page 1 sur 2" and "Page 2 sur 2" count as the same running line."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _drop_page_furniture(pages: list[list[_Line]], usual_gap: float) -> list[list[_Line]]:
    """Remove lines repeated at the top or bottom of 2+ pages, and page numbers at either end.

    Only a page's first and last lines are candidates, so a body line is never removed for
    looking like a number or for being repeated in the middle of the text; a page number also
    stands apart, so the end of a phone number wrapped onto the last line ("00") stays.
    """
    counts = Counter(key for lines in pages
                     for key in {_furniture_key(lines[i].text) for i in _edges(lines)} if key)
    repeated = {key for key, count in counts.items() if count >= 2}
    kept = []
    for lines in pages:
        edges = _edges(lines)
        apart = [line.gap is None or _paragraph_gap(line.gap, line.height, usual_gap)
                 for line in lines] + [True]
        kept.append([line for i, line in enumerate(lines)
                     if not (i in edges and (_furniture_key(line.text) in repeated
                                             or (_PAGE_NUMBER.fullmatch(line.text.strip())
                                                 and apart[i] and apart[i + 1])))])
    return kept


def _join(pages: list[list[_Line]], usual_gap: float) -> str:
    """Lines joined by "\\n", with a blank line where a paragraph ends.

    Within a region a paragraph ends at a gap wider than usual. Where the text flows on to the
    next column or page the layout says nothing, so the words decide (see _flows_on). A list
    item wrapped over several lines is put back on one line, as in a text file: line-based rules
    read items line by line, and a wrapped line starting with "- " would pass for an item.
    """
    parts: list[str] = []
    item: _Line | None = None  # the first line of the list item being written
    previous: _Line | None = None
    for lines in pages:
        for index, line in enumerate(lines):
            is_item = bool(_BULLET_LINE.match(line.text))
            if previous is None:
                separator = ""
            elif _wraps_item(item, line, usual_gap):
                # a word cut at the line end is rejoined later, across a "\n" only
                separator = "\n" if _CUT_WORD_END.search(previous.text) else " "
                is_item = False
            elif index == 0 or line.gap is None:
                flows = _flows_on(previous.text, line.text, is_item, item is not None)
                separator = "\n" if flows else "\n\n"
            else:
                separator = "\n\n" if _paragraph_gap(line.gap, line.height, usual_gap) else "\n"
            if is_item:
                item = line
            elif separator == "\n\n":
                item = None
            parts += [separator, line.text]
            previous = line
    return "".join(parts)


def _wraps_item(item: _Line | None, line: _Line, usual_gap: float) -> bool:
    """Whether `line` is the rest of a list item: it starts where the item's words start, right
    of its bullet (a next item starts at the bullet), with no paragraph space above it."""
    return (item is not None and item.text_indent > item.indent + 1
            and abs(line.indent - item.text_indent) <= 2
            and not _paragraph_gap(line.gap, line.height, usual_gap))


def _paragraph_gap(gap: float | None, height: float, usual_gap: float) -> bool:
    """Whether a space between two lines is wider than the space between two lines of a paragraph."""
    return gap is not None and gap > max(_PARAGRAPH_GAP * usual_gap, height / 2)


def _flows_on(previous: str, following: str, is_item: bool, in_list: bool) -> bool:
    """Whether the text goes on, across a column or page break, in the same paragraph.

    A list goes on when the next line is another item; a sentence goes on when the next line
    starts in lower case or the last one cannot end a paragraph (a comma, a cut word, "de"...).
    Outside lists a line ending in a lower-case letter has not ended its sentence either.
    """
    if is_item:
        return in_list or bool(OPEN_END.search(previous))
    return (following[0].islower() or bool(OPEN_END.search(previous))
            or (not in_list and previous[-1].islower()))


def rejoin_hyphenated(text: str) -> str:
    """A word cut at a line end is made whole again.

    "réindus-\\ntrialisation" -> "réindustrialisation" when the line goes on with a lower-case
    word (a soft hyphen always goes). Otherwise the hyphen belongs to the word and stays, only
    the line break goes: "Romilly-\\nsur-Seine", "Vendeuvre-\\nSoulaines", "2023-\\n2027",
    "pref-\\ncommunication@aube.gouv.fr".
    """
    def join(match: re.Match) -> str:
        hyphen = match.group(1)
        return "" if hyphen == "\u00ad" or _cuts_a_word(match) else hyphen

    return _LINE_END_HYPHEN.sub(join, text)


def _cuts_a_word(match: re.Match) -> bool:
    rest = match.group(2)
    return bool(match.string[match.start() - 1].isalpha() and rest[0].islower()
                and _PLAIN_WORD.fullmatch(rest))


def cut_words(text: str) -> list[tuple[int, int, int]]:
    """(hyphen, rest start, rest end) of every word cut at a line end the way `rejoin_hyphenated`
    rejoins it, for a text copied from a PDF without this reader ("Commu-\nnauté")."""
    cuts = []
    for match in _LINE_END_HYPHEN.finditer(text):
        if match.group(1) == "\u00ad" or _cuts_a_word(match):
            letters = next((i for i, char in enumerate(match.group(2)) if not char.isalpha()),
                           len(match.group(2)))
            cuts.append((match.start(), match.end(), match.end() + letters))
    return cuts
