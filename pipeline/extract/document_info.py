"""Headline, issuer and dateline of a communiqué.

The dateline is the communiqué's own date ("Troyes, le 14 novembre 2023", "Publié le 14/11/2023").
It is looked for only where communiqués put it: near the top, or alone on its line. A date inside a
sentence of the body ("Le 9 novembre 2023, le ministre a annoncé ...") is an event, not the
publication date, so a text without a dateline gets None rather than a guess.

Web pages saved as text carry page chrome (rules/page_chrome.json): menus, search boxes,
breadcrumbs, "Mis à jour le ..." stamps, crawl banners with another date above the communiqué,
paywall and sharing widgets. Chrome never becomes a title or a date, and `chrome_spans` tells the
other stages which lines to ignore (the phase of a 2019 communiqué under a 2023 banner is the
first). An update date is never the publication date; of two bare dates at the top, the one whose
year the body speaks of wins (a crawl banner's year is not in the text).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from pipeline.normalize import fold

CHROME_RULES = json.loads((Path(__file__).parent / "rules" / "page_chrome.json").read_text(encoding="utf-8"))
CHROME = re.compile("|".join(f"(?:{pattern})" for pattern in CHROME_RULES["lines"]))
CRAWL_PREFIX = re.compile(CHROME_RULES["crawl_prefix"])

TOP_LINES = 15  # the dateline stands within the first non-empty lines
PROSE_WORDS = 15  # a headline with a full stop is shorter than this
MONTHS = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
          "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
          "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
# Patterns run on the folded line (lower case, no accents), offsets valid in the original.
WRITTEN_DATE = (rf"{WEEKDAY}(?P<day>\d{{1,2}})(?:er)?\s+"
                rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+(?P<year>\d{{4}})")
NUMERIC_DATE = r"(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4})"
DATE = rf"(?:{WRITTEN_DATE}|{NUMERIC_DATE})"
# "Troyes, le 14 novembre 2023": a short place name, then the date, alone on the line.
PLACE_DATELINE = re.compile(rf"(?P<place>[a-z][a-z'.-]*(?:[ -][a-z'.-]+){{0,4}}),\s*(?:le\s+)?{DATE}\.?")
# "Article publié le 23/01/2024 sur mon-territoire.fr", "Ouest-France Publié le 18/11/2024 à 06h00",
# "— *Publié le 28/10/2024*": anywhere in a line. "Mis à jour le ..." is not a publication date.
PUBLISHED = re.compile(rf"(?<!\w)publiee?\s+(?:le\s+)?:?\s*{DATE}")
UPDATED = re.compile(r"mise?s?\s+a\s+jour|modifie|derniere\s+modification")
BARE_DATE = re.compile(rf"(?:le\s+)?{DATE}\.?")
MARKDOWN_EDGES = "#*_> \t"
BOILERPLATE = re.compile(
    r"(?:communique(?:\s+de\s+presse)?(?:\s+conjoint)?"
    r"|(?:dossier|information|invitation|note)\s+(?:de\s+)?presse"
    r"|liberte|egalite|fraternite|republique\s+francaise|actualites?)\W*")
PREFECT = re.compile(r"(?:prefet|prefete|prefecture)(?:\s+de\s+(?:la\s+)?region)?"
                     r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)[a-z][a-z' -]{1,40}")
REGION = re.compile(r"(?:region\s+[a-z][\w' -]{2,40}|conseil\s+regional(?:\s+d[eu']\s*[\w' -]{2,40})?)")
SOURCE = re.compile(r"source\s*:\s*(?P<name>.{3,120}?)\s*$")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,10})\)\s*$")


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-empty lines separated by blank lines, markdown markers at line edges and crawl
    prefixes ("date 2023-11 ") removed."""
    blocks, current = [], []
    for raw in text.splitlines():
        line = CRAWL_PREFIX.sub("", raw.strip().strip(MARKDOWN_EDGES)).strip(MARKDOWN_EDGES)
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _date(match: re.Match) -> datetime.date | None:
    try:
        if match["day"]:
            return datetime.date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
        return datetime.date(int(match["nyear"]), int(match["nmonth"]), int(match["nday"]))
    except ValueError:
        return None


def _dateline_of(line: str, near_top: bool) -> tuple[str, str | None, datetime.date] | None:
    """(kind, place, date) when `line` is a dateline: kind "place" ("Troyes, le 14 novembre 2023"),
    "published" ("Publié le ...") or "bare" (a date alone, counted only near the top)."""
    folded = fold(line)
    if UPDATED.search(folded):
        return None  # "Mis à jour le 02/01/2023": the page's update, not the communiqué's date
    match = PLACE_DATELINE.match(folded)
    # "Troyes, le 14 novembre 2023" alone, or followed by " – Le préfet annonce ..."
    if match and (match.end() == len(folded.rstrip()) or re.match(r"\s*[-:]\s", folded[match.end():])) \
            and line[0].isupper() and _date(match):
        return "place", " ".join(line[:match.end("place")].split()), _date(match)
    match = PUBLISHED.search(folded)
    if match and _date(match):
        return "published", None, _date(match)
    match = BARE_DATE.fullmatch(folded)
    if match and near_top and _date(match):
        return "bare", None, _date(match)
    return None


def _dateline(lines: list[str]) -> tuple[str | None, datetime.date | None]:
    """The first "Place, le date" dateline; else the first "Publié le" date; else a bare date near
    the top, the one whose year the other lines mention when there are several (a crawl banner's
    date stands above the communiqué's own)."""
    found = [(index, f) for index, line in enumerate(lines) if (f := _dateline_of(line, index < TOP_LINES))]
    for kind in ("place", "published"):
        chosen = [f for _index, f in found if f[0] == kind]
        if chosen:
            return chosen[0][1], chosen[0][2]
    if not found:
        return None, None
    date_lines = {index for index, _f in found}
    body = " ".join(line for index, line in enumerate(lines) if index not in date_lines)
    spoken_of = [f for _index, f in found if str(f[2].year) in body]
    first = (spoken_of or [f for _index, f in found])[0]
    return first[1], first[2]


def _is_preamble(line: str) -> bool:
    """Lines above the headline that are not it: "COMMUNIQUÉ DE PRESSE", the Marianne's motto,
    the issuer, the dateline, page chrome."""
    folded = fold(line)
    return bool(BOILERPLATE.fullmatch(folded) or CHROME.search(folded) or _issuer_of(line)
                or _dateline_of(line, near_top=True) or UPDATED.search(folded))


def _continues(title: str, block: list[str]) -> bool:
    """A headline broken over blank lines (PDF layout) goes on in lower case, or with the year
    of a date it was cut in: "... le 9 novembre" / "2023"."""
    first = block[0]
    if title.endswith((".", "!", "?")):
        return False
    return first[0].islower() or (first[0].isdigit() and title[-1].islower())


def _title(text: str) -> str | None:
    """The first lines that are not preamble, up to the next blank line (or its continuations)
    or the next preamble line, such as the dateline; None when they read as body prose."""
    parts: list[str] = []
    for block in _blocks(text):
        if parts and not _continues(parts[-1], block):
            break
        for line in block:
            if _is_preamble(line):
                if parts:
                    return _headline(parts)
                continue
            parts.append(line)
    return _headline(parts)


def _headline(lines: list[str]) -> str | None:
    """Lines joined, whitespace collapsed; long text with a full stop ending a sentence is the
    body's first paragraph, not a headline."""
    title = " ".join(" ".join(lines).split())
    if not title or (re.search(r"\.(?:\s|$)", title) and len(title.split()) >= PROSE_WORDS):
        return None
    return title


def _issuer_of(line: str) -> str | None:
    """The issuer a line states: a préfet or préfecture, a "Source:", a Région or Conseil
    régional standing alone on its line."""
    folded = fold(line)
    source = SOURCE.match(folded)
    if source:
        name = line[source.start("name"):source.end("name")]
        acronym = ACRONYM.search(name)
        return acronym.group(1) if acronym else " ".join(name.split())
    if PREFECT.fullmatch(folded) or REGION.fullmatch(folded):
        return " ".join(line.split())
    return None


def _issuer(lines: list[str]) -> str | None:
    """The first explicit statement of who publishes; never a guess from the content."""
    return next((issuer for issuer in map(_issuer_of, lines) if issuer), None)


def extract_document_info(text: str) -> dict:
    """title, issuer, place and published_on (datetime.date) of one communiqué; None when absent."""
    lines = [line for block in _blocks(text) for line in block]
    place, published_on = _dateline(lines)
    return {"title": _title(text), "issuer": _issuer(lines), "place": place,
            "published_on": published_on}


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the page-chrome lines of `text`, and of the date lines near the top that
    are not the communiqué's date (crawl banners, update stamps): no stage reads facts there."""
    _place, published_on = _dateline([line for block in _blocks(text) for line in block])
    spans, position, seen = [], 0, 0
    for raw in text.split("\n"):
        line = raw.strip().strip(MARKDOWN_EDGES)
        if line:
            folded = fold(line)
            dated = _dateline_of(line, seen < TOP_LINES)
            if CHROME.search(folded) or (dated and dated[2] != published_on):
                spans.append((position, position + len(raw)))
            seen += 1
        position += len(raw) + 1
    return spans
