"""A PDF's text saved by another tool (pdftotext, a viewer's copy, a records office's export):
the page furniture and line-end cuts that pdf.py removes from a real PDF with its layout, removed
here from the lines alone.

A text is read so only when it shows its pages: page numbers on lines of their own or closing a
running line ("Délibération n° 12          Page 1/3", "- 2 -", "--- page 3 ---"), at least
MIN_PAGE_LINES of them. Then each such line goes, with the lines repeated elsewhere in the text
that stand next to it (running heads and footers); a sentence or a list the page break cut goes
on where it stopped ("… de leurs 65" / footer / header / "communes ;"), and words cut by a hyphen
at a line's end are made whole as pdf.py makes them ("terri-" / "toires" -> "territoires",
"Vierzon-Sologne-" / "Berry" keeps its hyphen).
"""

from __future__ import annotations

import re

from pipeline.read.pdf import OPEN_END, rejoin_hyphenated

# a page number alone ("12", "- 2 -"), standing between blank lines; a page's number written as
# such ("Page 1 sur 2", "2/12", "--- page 3 ---"); or a running line closed by one after a column
# gap ("Rapport d'activité 2019      18"), written on several pages
_PAGE = r"(?:page|p\.)[ \t]*\d{1,3}(?:[ \t]*(?:/|sur)[ \t]*\d{1,3})?|\d{1,3}[ \t]*/[ \t]*\d{1,3}"
NUMBER_ALONE = re.compile(r"(?:[-–—][ \t]*)?\d{1,3}(?:[ \t]*[-–—])?")
PAGE_MARK = re.compile(r"(?:[-–—=]{1,3}[ \t]*)?(?:" + _PAGE + r")(?:[ \t]*[-–—=]{1,3})?", re.IGNORECASE)
# read on the line's last characters only: a run of blanks is no cause of backtracking
NUMBER_AFTER_GAP = re.compile(r"[ \t]{3,}(?:" + _PAGE + r"|\d{1,3})$", re.IGNORECASE)
TAIL = 40
MIN_PAGE_LINES = 2
RUNNING_REACH = 3  # lines around a page number where a repeated head or footer stands
HEADER_LINES = 6  # the first page's header, whose pieces a later page's running head repeats
COLUMN_GAP = re.compile(r"[ \t\u00a0]{3,}")
RULE_LINE = re.compile(r"[-–—_=*·.~ \t]{3,}")  # "-------": a page's edge
# where a sentence cannot stop: no closing punctuation, the page's next line going on in lower
# case ("… de leurs 65" / "communes ;"); or a comma, an article, a preposition (pdf.py's OPEN_END)
NO_CLOSING = re.compile(r"[^.!?:;»)\]\s][ \t]*$")
GOES_ON = re.compile(r"[ \t]*[a-zà-ÿ]")


def page_lines(lines: list[str], counts: dict[str, int]) -> list[int]:
    """Indices of the lines giving a page's number, when there are enough of them to show pages;
    else []. `counts`: how often each line is written (digits masked)."""
    numbers = [i for i, line in enumerate(lines)
               if line.strip() and (PAGE_MARK.fullmatch(line.strip())
                                    or NUMBER_ALONE.fullmatch(line.strip()) and _blank(lines, i - 1) and _blank(lines, i + 1)
                                    or _running_numbered(line) and counts.get(_key(line), 0) > 1)]
    return numbers if len(numbers) >= MIN_PAGE_LINES else []


def _running_numbered(line: str) -> bool:
    """Words, a column gap, then a page number ending the line."""
    written = line.strip()
    number = NUMBER_AFTER_GAP.search(written[-TAIL:])
    return number is not None and bool(written[:len(written) - len(number.group())].strip())


def _blank(lines: list[str], index: int) -> bool:
    """A blank line, or the text's edge: a page number stands apart (a key figure over its
    label, "136" / "territoires d'industrie", does not)."""
    return not 0 <= index < len(lines) or not lines[index].strip()


def without_page_furniture(text: str) -> str:
    """`text` without its pages' numbers and running lines, a sentence cut by a page break
    joined again, words cut at a line's end whole; unchanged when it shows no pages."""
    lines = text.split("\n")
    counts: dict[str, int] = {}
    for line in lines:
        key = _key(line)
        if key:
            counts[key] = counts.get(key, 0) + 1
    numbers = page_lines(lines, counts)
    if not numbers:
        return text
    header_cells = {_key(cell) for line in lines[:HEADER_LINES] for cell in COLUMN_GAP.split(line) if cell.strip()}

    def running(index: int) -> bool:
        """A page's running line: written again elsewhere, a piece of the first page's header
        ("Communiqué de presse", its date in another column), or a rule ("-------")."""
        key = _key(lines[index])
        return (counts.get(key, 0) > 1 or index >= HEADER_LINES and key in header_cells
                or bool(RULE_LINE.fullmatch(lines[index].strip())))

    first_seen: dict[str, int] = {}
    for index, line in enumerate(lines[:HEADER_LINES]):
        first_seen.setdefault(_key(line), index)

    def own_head(index: int) -> bool:
        """The first page's running head, written before anything else: the document's own title
        ("AD NORMANDIE – FICHES TERRITOIRES D'INDUSTRIE   mai 2019"), kept once."""
        return first_seen.get(_key(lines[index])) == index and not RULE_LINE.fullmatch(lines[index].strip())

    furniture = set(numbers)
    for index in numbers:  # the running lines next to a page number, blank lines between them
        for step in (-1, 1):
            near, reach = index + step, 0
            while 0 <= near < len(lines) and reach < RUNNING_REACH:
                if lines[near].strip():
                    if not running(near):
                        break
                    if near not in numbers and own_head(near):
                        break
                    furniture.add(near)
                    reach += 1
                near += step
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if index not in furniture:
            kept.append(lines[index])
            index += 1
            continue
        while index < len(lines) and (index in furniture or not lines[index].strip()):
            index += 1  # the page break: its furniture and the blank lines around it
        while kept and not kept[-1].strip():
            kept.pop()
        following = lines[index] if index < len(lines) else ""
        if kept and following.strip() and (NO_CLOSING.search(kept[-1]) and GOES_ON.match(following)
                                           or OPEN_END.search(kept[-1].rstrip())):
            continue  # "… de leurs 65" / "communes ;": one sentence
        if kept and index < len(lines):
            kept.append("")
    return rejoin_hyphenated("\n".join(kept))


def _key(line: str) -> str:
    """Digits masked: "Page 1 sur 2" and "Page 2 sur 2" are one running line."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()
