"""When a number holds: the date or period a claim describes (claims.as_of).

The programme's counts change over time (124 territories announced in November 2018, 146 in
November 2019, 149 at the end of the first phase), so a count is only comparable with counts of
the same time. A figure's date is, in this order:
1. a date or period its own sentence states and ties to the count: "le 9 novembre 2023",
   "fin décembre 2020", "en novembre 2018", "début 2019", "en 2019", "à la fin de la première
   phase", "il y a cinq ans". The one nearest the number wins; a word of the present
   ("aujourd'hui", "à ce jour") nearer than any date keeps the document's date. A date that
   dates another event ("lancé fin 2018", "depuis 2018", "jusqu'au 22 septembre", "d'ici 2027")
   or lies after the document's date (a target, a deadline) is not the count's;
2. else the document's date: its published_on, or, for a communiqué that gives its day in the
   present without the year ("réunie ce mardi 19 novembre"), the year in which that day falls
   on that weekday, taken from the latest year of a full date the text writes and the year after
   ("lancé le 22 novembre 2018" makes Tuesday 19 November 2019);
3. else none: the claim is undated and never compared.

A date has a precision (day, month or year); two claims are "at the same time" when their
periods overlap, a day counting as its month. The rules (regexes on folded text) live in
pipeline/data/as_of.json.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path

from pipeline.metadata import PHASES
from pipeline.normalize import fold

RULES_FILE = Path(__file__).parent / "data" / "as_of.json"
PUBLISHED_ON, WEEKDAY_DATE, STATED_DAY = "as_of.published_on", "as_of.weekday_date", "as_of.stated_day"
NOT_THE_COUNT_WINDOW = 120  # characters before a date searched for words dating another event


@dataclass(frozen=True)
class AsOf:
    """A date at a precision: `on` is the day, or the first day of the month or year."""

    on: date
    precision: str
    rule: str

    @cached_property
    def period(self) -> tuple[date, date]:
        """First and last day compared for "the same time": a day counts as its month."""
        if self.precision == "year":
            return date(self.on.year, 1, 1), date(self.on.year, 12, 31)
        last = calendar.monthrange(self.on.year, self.on.month)[1]
        return self.on.replace(day=1), self.on.replace(day=last)

    def overlaps(self, other: AsOf) -> bool:
        (start, end), (other_start, other_end) = self.period, other.period
        return start <= other_end and other_start <= end

    def before(self, other: AsOf) -> bool:
        """Wholly earlier: this period ends before the other starts."""
        return self.period[1] < other.period[0]


@dataclass(frozen=True)
class Rules:
    months: dict[str, int]
    weekdays: list[str]
    edges: dict[str, int]
    phase_ordinals: dict[str, int]
    small_numbers: dict[str, int]
    stated: list[tuple[str, str, re.Pattern]]  # (rule, precision, pattern)
    present: re.Pattern
    any_date: re.Pattern  # what every stated date holds: a cheap test before the others
    not_the_count: list[re.Pattern]
    weekday_date: re.Pattern


@cache
def rules() -> Rules:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    alternatives = {name: "|".join(sorted(map(re.escape, data[name]), key=len, reverse=True))
                    for name in ("months", "weekdays", "phase_ordinals", "small_numbers")}

    def compile_(regex: str) -> re.Pattern:
        for name, alternation in alternatives.items():
            regex = regex.replace(f"{{{name}}}", alternation)
        return re.compile(regex)

    return Rules(
        months=data["months"], weekdays=data["weekdays"], edges=data["edges"],
        phase_ordinals=data["phase_ordinals"], small_numbers=data["small_numbers"],
        stated=[(r["rule"], r["precision"], compile_(r["regex"])) for r in data["stated"]],
        present=compile_(data["present"]),
        any_date=compile_(data["any_date"]),
        not_the_count=[compile_(regex) for regex in data["not_the_count"]],
        weekday_date=compile_(data["document_date"]),
    )


def document_date(text: str, published_on: date | None, today: date | None = None) -> AsOf | None:
    """The date of the document (rule 2): its published_on, else a weekday dateline's."""
    if published_on:
        return AsOf(published_on, "day", PUBLISHED_ON)
    r, today = rules(), today or date.today()
    folded = fold(text)
    match = r.weekday_date.search(folded)
    years = [int(m["year"]) for rule, _, pattern in r.stated if rule == STATED_DAY
             for m in pattern.finditer(folded)]
    if not match or not years:
        return None
    weekday, month, day = r.weekdays.index(match["weekday"]), r.months[match["month"]], int(match["day"])
    for year in (max(years), max(years) + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday and candidate <= today:
            return AsOf(candidate, "day", WEEKDAY_DATE)
    return None


def sentence_dates(sentence: str, document: AsOf | None,
                   today: date | None = None) -> list[tuple[int, int, AsOf | None]]:
    """(start, end, date) of what can date a number of the sentence, None for "the document's
    date". Found once per sentence: a sentence of thousands of figures is not read once each."""
    r, folded = rules(), fold(sentence)
    limit = document.on if document else (today or date.today())  # a later date is a target
    candidates = [(match.start(), match.end(), None) for match in r.present.finditer(folded)]
    for found, match in _stated_dates(folded, document):
        if found.on <= limit and not _dates_another_event(folded, match.start()):
            candidates.append((match.start(), match.end(), found))
    return candidates


def nearest_date(candidates: list[tuple[int, int, AsOf | None]], start: int, end: int,
                 document: AsOf | None) -> AsOf | None:
    """The date of `sentence_dates` nearest the number at start:end, else the document's."""
    if not candidates:
        return document
    _, nearest = min(((max(0, low - end, start - high), found) for low, high, found in candidates),
                     key=lambda c: (c[0], c[1] is not None))
    return nearest or document


def _dates_another_event(folded: str, position: int) -> bool:
    before = folded[max(0, position - NOT_THE_COUNT_WINDOW):position]
    return any(pattern.search(before) for pattern in rules().not_the_count)


def _stated_dates(folded: str, document: AsOf | None) -> list[tuple[AsOf, re.Match]]:
    """Every date the sentence states, the longest where two overlap ("9 novembre 2023" rather
    than its "novembre 2023")."""
    if not rules().any_date.search(folded):
        return []
    found = []
    for rule, precision, pattern in rules().stated:
        for match in pattern.finditer(folded):
            when = _resolve(rule, precision, match, document)
            if when is not None:
                found.append((when, match))
    found.sort(key=lambda f: (f[1].start(), -f[1].end()))
    kept: list[tuple[AsOf, re.Match]] = []
    for when, match in found:
        if kept and match.start() < kept[-1][1].end():
            continue  # inside (or overlapping) a longer one found first
        kept.append((when, match))
    return kept


def _resolve(rule: str, precision: str, match: re.Match, document: AsOf | None) -> AsOf | None:
    """The AsOf a stated date means; None when it needs a document date there is none of, or
    names no real day."""
    r, groups = rules(), match.groupdict()
    try:
        if groups.get("phase"):
            last_year = int(PHASES[r.phase_ordinals[groups["phase"]]].split("-")[1])
            return AsOf(date(last_year, 12, 1), precision, rule)
        if groups.get("years_ago"):
            if document is None:
                return None
            text = groups["years_ago"]
            years = int(text) if text.isdigit() else r.small_numbers[text]
            return AsOf(date(document.on.year - years, 1, 1), precision, rule)
        month = (r.months[groups["month"]] if groups.get("month")
                 else int(groups["month_number"]) if groups.get("month_number")
                 else r.edges[groups["edge"]] if groups.get("edge") else 1)
        day = int(groups["day"]) if groups.get("day") else 1
        if groups.get("year"):
            return AsOf(date(int(groups["year"]), month, day), precision, rule)
        if document is None:
            return None
        # "le 11 mai" in a communiqué of November 2023: the latest such day up to its date
        on = date(document.on.year, month, day)
        return AsOf(on if on <= document.on else date(document.on.year - 1, month, day),
                    precision, rule)
    except ValueError:
        return None
