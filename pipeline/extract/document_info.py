"""Headline, issuer and dateline of a communiqué.

The dateline is the communiqué's own date ("Troyes, le 14 novembre 2023", "Publié le 14/11/2023").
It is looked for only where communiqués put it: near the top, or alone on its line. A date inside a
sentence of the body ("Le 9 novembre 2023, le ministre a annoncé ...") is an event, not the
publication date, so a text without a dateline gets None rather than a guess.

Web pages saved as text carry page chrome (rules/page_chrome.json): menus, search boxes,
breadcrumbs, "Mis à jour le ..." stamps, crawl banners with another date above the communiqué,
paywall and sharing widgets. Chrome never becomes a title or a date, and `chrome_spans` tells the
other stages which lines to ignore (the phase of a 2019 communiqué under a 2023 banner is the
first). A line is read part by part, so a byline "Publié le X | Mis à jour le Y" publishes on X. An
update stamp is no dateline: `update_stamp` hands it to assemble, which dates by it a page nothing
else dates (préfecture pages carry no other date); of two bare dates at the top, the one whose year
the body speaks of wins (a crawl banner's year is not in the text).
"""

from __future__ import annotations

import datetime
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from pipeline import referential
from pipeline.extract.figure_context import LINK_TITLE_WORDS, related_links
from pipeline.extract.first_letters import may_match, required_texts, with_first_letters
from pipeline.normalize import fold

CHROME_RULES = json.loads((Path(__file__).parent / "rules" / "page_chrome.json").read_text(encoding="utf-8"))
CRAWL_PREFIX = re.compile(CHROME_RULES["crawl_prefix"])


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# Chrome lines: the rules anchored at the line's start and the others, as two patterns (a line
# is chrome when either finds something): one alternation of both tried every anchored rule at
# every position of every line, three times slower.
CHROME_AT_START = _alternation([p for p in CHROME_RULES["lines"] if p.startswith("^")])
CHROME_ANYWHERE = _alternation([p for p in CHROME_RULES["lines"] if not p.startswith("^")])
# Their words, one of which a chrome line holds: a line of none (most) is not searched, ten times
# faster over a document's lines.
CHROME_ANYWHERE_TEXTS = required_texts(CHROME_ANYWHERE)


# A longer line is prose or a whole page saved on one line (menus, the communiqué, sharing
# widgets): chrome words in it do not make the communiqué chrome.
CHROME_MAX_WORDS = 80


def is_chrome_line(line: str) -> bool:
    """Whether one line of a page, as written, is page chrome."""
    return _is_chrome(fold(line.strip().strip(MARKDOWN_EDGES)))


def _is_chrome(folded: str) -> bool:
    if len(folded.split()) > CHROME_MAX_WORDS:
        return False
    return bool(CHROME_AT_START.search(folded)
                or may_match(CHROME_ANYWHERE_TEXTS, folded) and CHROME_ANYWHERE.search(folded))


TOP_LINES = 15  # the dateline stands within the first non-empty lines
PROSE_WORDS = 15  # a headline with a full stop is shorter than this
HEADLINE_WORDS = 20  # a line above a paragraph longer than this is its first sentence
MONTHS = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
          "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
          # abbreviations, also in capitals in bylines ("28 JAN 2020", "08 févr. 2024")
          "janv": 1, "jan": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "aou": 8, "sept": 9,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12,
          # an English version of a communiqué ("Saint-Benoît, 24 October 2019")
          "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}
WEEKDAY = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
# Patterns run on the folded line (lower case, no accents), offsets valid in the original.
WRITTEN_DATE = (rf"{WEEKDAY}(?P<day>\d{{1,2}})(?:er)?\s+"
                rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+(?P<year>\d{{4}})(?!\d)")
NUMERIC_DATE = r"(?P<nday>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<nyear>\d{4})(?!\d)"
DATE = rf"(?:{WRITTEN_DATE}|{NUMERIC_DATE})"
FOUR_DIGITS = re.compile(r"\d{4}")  # in every DATE (its year): a line without them holds no date
# A clock time after a date: "à 09:36", "à 06h30", "- 17:45".
TIME = r"(?:\s*(?:a|[-–,])?\s*\d{1,2}\s*[h:]\s*\d{2}(?:\s*min)?)?"
# "Troyes, le 14 novembre 2023": a short place name, then the date, alone on the line.
PLACE_DATELINE = re.compile(rf"(?P<place>[a-z][a-z'.-]*+(?:[ -][a-z'.-]++){{0,4}}),\s*(?:le\s+)?{DATE}\.?")
# "PARIS, 22 nov 2018 (Agence X) - Le gouvernement …": a news agency's name after its dispatch's dateline.
AGENCY = r"(?:\s*\([^()]{2,60}\))?"
# "Fait à Avranches, le 4 juillet 2019", "Fait en deux exemplaires, à Rouen, le 14 mai 2024",
# "Signé à Belfort le 26 mars 2019": the signature of a contract or an official act.
SIGNED = re.compile(rf"(?:fait(?:\s+en\s+\w+\s+exemplaires?(?:\s+originaux)?,?)?|signee?)\s+a\s+(?P<place>[a-z][a-z'.-]*+(?:[ -][a-z'.-]++){{0,4}}?),?\s*(?:le\s+)?{DATE}")
# "Article publié le 23/01/2024 sur mon-territoire.fr", "Par X publié le 28 JAN 2020 à 09:36",
# "Rédigé par la rédaction le Lundi 11 Juillet 2022", "Date de publication : Mardi 28 janvier 2020",
# "Paru le06/06/2019" (a label's space lost), a newsletter's "Envoyée le 7 décembre 2023",
# a magazine's "Article publié en ligne le 23 octobre 2019", a blog's "Posté le 18 juillet 2019 par …",
# an English page's "Published on 14 February 2024": anywhere in a line. "Mis à jour le ..." is no
# publication date.
PUBLISHED = re.compile(rf"(?:(?<!\w)(?:publiee?(?:\s+en\s+ligne)?|published(?:\s+on)?|redigee?|envoyee?|postee?|mise?\s+en\s+ligne|paru)(?:\s+par\s+[^|]{{1,60}}?)?"
                       rf"(?:\s+le\s+|\s+le(?=\d)|\s*(?=:)|\s+)|date\s+de\s+(?:publication|parution)\s*)[:,]?\s*{DATE}")
# A newsletter's "Date d'envoi : 07/12/2023", a bulletin's "Édition de l'hiver 2023-2024 – distribué le
# 15 janvier 2024", a newsletter's "N° 112 — Janvier 2024 — Diffusée le 9 janvier 2024": the day it
# went out to its readers, as "Envoyée le"; near the top only (a body's "le guide distribué le 3 mars",
# "le reportage diffusé le 3 mars" are events). So is the posting of minutes or a deliberation in their
# heading ("Date d'affichage : 2 avril 2024", "Compte rendu affiché au siège le 4 juillet 2019"): the
# day the act was made public, after the sitting that adopted it. So is a parliamentary report's
# "Enregistré à la Présidence du Sénat (de l'Assemblée nationale) le 7 février 2024" on its cover.
DISPATCHED = re.compile(rf"(?<!\w)(?:date\s+d'(?:envoi|affichage)\s*"
                        rf"|(?:distribuee?s?|diffusee?s?|affichee?s?(?:\s+[a-z'-]+){{0,3}}?"
                        rf"|enregistree?\s+a\s+la\s+presidence\s+(?:du\s+senat|de\s+l'assemblee\s+nationale))\s+le\s+)[:,]?\s*{DATE}")
MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
# "du 28 février au 6 mars 2025": the first day of a weekly's week, before the date that ends it
WEEK_FIRST_DAY = rf"(?:(?P<first>\d{{1,2}})(?:er)?(?:\s+(?P<first_month>{MONTH_NAME})\.?)?\s+au\s+)?"
# "publiée dans le JO Sénat du 11/04/2019 - page 1912", "Question publiée au JO le : 05/12/2023": a
# parliamentary question's publication in the Journal officiel, near the top; "Réponse publiée au
# JO le : 16/04/2024" dates the answer, the page's last part (kind "answered", before "published").
JOURNAL = r"(?:jo|journal\s+officiel)(?:\s+(?:senat|an|de\s+la\s+republique\s+francaise))?"
# "Réponse du Ministère délégué chargé de l'industrie": a Sénat page's heading over the answer's
# "Publiée dans le JO Sénat du …" (folded line)
ANSWER_HEADING = re.compile(r"\s*reponse\s+(?:du|de\s+la|de\s+l'|des|de)\s")
IN_JOURNAL = re.compile(rf"(?P<answer>reponse\s+)?(?<!\w)publiee?\s+(?:au|dans\s+le)\s+{JOURNAL}\s*(?:le|du)?\s*[:,]?\s*{DATE}")
# "Revue Pouvoirs & Territoires, n° 87, 9 décembre 2019", "Lettre d'information de la Région –
# Développement économique – n° 47 – 14 novembre 2023": a periodical's issue and its date; a
# weekly's issue and its week ("Hebdomadaire – N° 2214 – du 14 au 20 mars 2019"), its first day.
ISSUE = re.compile(rf"\bn[°o]\s*\d{{1,4}}\s*[,–-]?\s*(?:du\s+{WEEK_FIRST_DAY})?{DATE}\.?$")
# "Le blog d'un économiste — billet du 3 septembre 2024": a blog post's or a column's date; a
# site's "Article du 3 juin 2019" under its headline (the line's start: not "notre article du …").
POST = re.compile(rf"(?:\b(?:billet|chronique|tribune|editorial|edito)|^article)\s+du\s+{DATE}\.?$")
# "Semaine du 6 au 12 mars 2025", "Semaine du 1er décembre 2023 – n° 2418", "Semaine du 28 février au
# 6 mars 2025": a weekly's issue, dated by the first day of its week.
WEEK = re.compile(rf"(?<!\w)semaine\s+du\s+{WEEK_FIRST_DAY}{WRITTEN_DATE}\.?$")
# "Recueil des actes administratifs n° 30-2019-071 – Préfecture du Gard – 3 juillet 2019 – p. 41":
# the running head of a préfecture's recueil gives the day its acts were published.
RECUEIL = re.compile(rf"^recueil\s+des\s+actes\s+administratifs\b.{{0,120}}?(?<![\w/.-]){DATE}")
# "Commission permanente du 12 avril 2024" (or "… régionale du …"), "Séance du 4 juin 2019", "Adopté
# par le comité syndical le 18 mars 2021" (an activity report), minutes' "Réunion du 14 mai 2019 —
# Bonneville": the sitting a deliberation or its report was adopted at, on a line of its own near the top.
SITTING = re.compile(rf"(?:commission\s+permanente(?:\s+(?:regionale|departementale))?|(?:seance|session|assemblee|reunion)(?:\s+(?:pleniere|publique))?"
                     rf"|(?:(?:adoptee?|approuvee?)\s+(?:par|en)\s+(?:le\s+|la\s+|l')?)?"
                     rf"(?:conseil|comite)\s+(?:regional|departemental|communautaire|metropolitain|municipal|syndical))"
                     rf"(?:\s+(?:d[eu']\s*|de\s+la\s+|des\s+)[a-z][a-z'-]*(?:[ -][a-z'-]+){{0,3}})?\s+(?:du|le)\s+{DATE}")
# A date written by a machine in a field of the page's top: an RSS item's "<pubDate>Fri, 12 Apr 2019
# 07:45:00 +0200</pubDate>", an Atom entry's "<published>2019-04-12T07:45:00+02:00", a Markdown
# export's front matter "date: 2023-11-10"; ISO or RFC 822 (English abbreviations), never prose.
RFC_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "oct": 10, "nov": 11, "dec": 12}
FIELD_DATE = re.compile(
    r"(?:<(?:pubdate|published|dc:date)>|(?:date|pubdate|published|publishdate|date_published)\s*[:=]\s*[\"']?)\s*"
    r"(?:(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})(?!\d)"
    r"|(?:(?:mon|tue|wed|thu|fri|sat|sun),\s*)?(?P<rday>\d{1,2})\s+(?P<rmonth>" + "|".join(RFC_MONTHS) + r")\s+(?P<ryear>\d{4})(?!\d))")
# An e-mail's header "Date : jeu. 14 déc. 2023 à 17:02" (a weekday abbreviated), read as the day the
# letter went out only beside another header field ("De :", "Objet :"): an invitation's "Date :"
# gives its event.
EMAIL_DATE = re.compile(rf"date\s*:\s*(?:(?:lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?{DATE}")
EMAIL_FIELD = re.compile(r"(?:de|from|a|to|objet|subject|cc|expediteur)\s*:")
EMAIL_FIELD_REACH = 3  # lines either side of the "Date :" line
# An act's recitals ("VU le cahier des charges … publié le 27 juin 2023 ;", "CONSIDÉRANT que …") cite
# other texts' dates: no line of them is a byline.
RECITAL = re.compile(r"(?:vu|considerant|apres\s+avoir\s+entendu)\b")
UPDATED = re.compile(r"mise?s?\s+a\s+jour|modifiee?|derniere\s+modification")
# "Ce mardi 19 mars 2019, la ministre …" near the top: the press writes of the day it publishes.
THIS_DAY = re.compile(rf"(?<!\w)ce\s+(?=lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche){WRITTEN_DATE}")
# A date that is a line's whole part (a segment of "Rubrique · Économie · 12 juin 2019"), with a
# weekday, a clock time or an edition word: "Édition du jeudi 19 décembre 2019", "Newsletter du 17
# décembre 2018" (an intercommunality's letter), "Version validée en comité de pilotage du 4 avril
# 2019" (a plan's), "Version du 20 novembre 2023" (a list's), "Le journal du mardi 28 janvier
# 2020" (a radio's bulletin), "22/11/2018 - 17:45",
# "Par 10/04/2025" (a byline whose author's link was lost), "22 janvier 2021 à 8h57 par Jeanne Dupont",
# "La revue de presse régionale du samedi 24 novembre 2018" (a weekly review's issue),
# "Par N. D. Le 11 octobre 2019 à 19h12" (an author's initials, then the date), "Par Jeanne Dupont,
# le 20 janvier 2025 à 07h00" (a comma after the author).
BARE_DATE = re.compile(rf"(?:(?:le\s+)?(?:edition|version(?:\s+(?:validee|adoptee|approuvee)\s+(?:en|par)\s+[a-z' ]{{3,40}}?)?|journal|newsletter|lettre(?:\s+d'information)?|bulletin)\s+du\s+|(?:la\s+)?revue\s+de\s+presse(?:\s+[a-z]+)?\s+du\s+|le\s+|par\s+(?:[a-z][\w'.-]*,?\s+){{0,4}}?(?:le\s+)?)?{DATE}\.?{TIME}(?:\s+par\s+[a-z][\w'.-]*(?:\s+[\w'.-]+){{0,4}})?")
# The separators of a byline's parts: "Publié le ... | Mis à jour le ...", "Par la rédaction | 10/04/2025",
# "Édition : Mulhouse - 25 mars 2019", "Aiacciu, u 22 di lugliu 2019 / Ajaccio, le 22 juillet 2019";
# the columns of a PDF's letterhead ("Communiqué de presse          Grenoble, le 23 novembre 2018").
# A separator starts where its run of blanks starts, never inside it (read once, not from each blank).
SEGMENT = with_first_letters(re.compile(r"(?!(?<=\s)\s)(?:\s+[|·•/–-]\s+|\s*\|\s*|\s+[·•]\s*)|[ \t\u00a0]{3,}"))
BYLINE_WORDS = 12  # a line that carries a date among other parts is a byline, not a sentence
# (folded text) "Temps de lecture : 3 min", "4 min de lecture", "lecture 5 minutes"
READING_TIME = re.compile(r"\btemps\s+de\s+lecture\s*:?\s*\d+\s*(?:min(?:utes?)?|mn)\b"
                          r"|\b\d+\s*(?:min(?:utes?)?|mn)\.?\s+de\s+lecture\b|\blecture\s*:?\s*\d+\s*(?:min(?:utes?)?|mn)\b")
# (folded text) "— mis à jour à 11 h 45": a same-day update's hour, no date nor word of the byline's own
UPDATE_HOUR = re.compile(r"\b(?:mise?s?\s+a\s+jour|actualisee?s?|modifiee?s?)\s+a\s+\d{1,2}\s*(?:h|:)\s*(?:\d{2})?\b")
BYLINE_PART_WORDS = 20  # a "publié le" in a longer stretch belongs to a sentence of the body
UPDATE_LAG_YEARS = 1  # an update stamp years after the events the body tells of is not their date
STAMP_LAG_DAYS = 7  # a page updated within a week of the day it tells of was written then
MARKDOWN_EDGES = "#*_> \t"
# "Liberté Égalité Fraternité": the motto's words, one per line or all on one.
BOILERPLATE = re.compile(
    r"(?:(?:communique(?:\s+de\s+presse)?(?:\s+conjoint)?"
    r"|(?:dossier|information|invitation|note)\s+(?:de\s+)?presse"
    r"|liberte|egalite|fraternite|republique\s+francaise|actualites?)\W*)+")
GENRE_DATE_LEAD = re.compile(r"du\s+(?=\d|1er\b|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s)")
PREFECT = re.compile(r"(?:prefet|prefete|prefecture)(?:\s+de\s+(?:la\s+)?region)?"
                     r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)[a-z][a-z' -]{1,40}")
REGION = re.compile(r"(?:region\s+[a-z][\w' -]{2,40}|conseil\s+regional(?:\s+d[eu']\s*[\w' -]{2,40})?)")
# "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique"
# "ANCT – Agence nationale de la cohésion des territoires": a national publisher's line.
MINISTRY = re.compile(r"minist[e]re\s+(?:de\s+la\s+|de\s+l'\s*|de\s+|des\s+|du\s+|d'\s*)[a-z][a-z' ,-]{2,120}"
                      r"|(?:anct\s*[-–]\s*)?agence\s+nationale\s+de\s+la\s+cohesion\s+des\s+territoires(?:\s*\(anct\))?")
SOURCE = re.compile(r"source\s*:\s*(?P<name>.{3,120}?)\s*$")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,10})\)\s*$")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# "le mercredi 17 janvier", "Ce lundi 25 avril": a day without its year, in the folded body
DAY_MONTH = re.compile(rf"(?<![\d/])(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})"
                       rf"\b(?!\.?\s+\d{{4}})")

# "le jeudi 9 novembre": a day of the week before a day without its year (folded text)
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
WEEKDAY_DAY_MONTH = re.compile(rf"(?<![\w'])(?P<weekday>{'|'.join(WEEKDAYS)})\s+" + DAY_MONTH.pattern)
PROGRAMME_YEARS = range(2018, 2028)  # the two phases of the programme


def weekday_dates(text: str) -> list[tuple[int, int, datetime.date | None]]:
    """'Jeudi 9 novembre dernier, X est entrée dans le programme': each day written with its day of
    the week but no year, its span and the day itself when it falls on that day of the week in one
    year only of the programme's (the 9 November was a Thursday in 2023 alone), else None."""
    found = []
    for match in WEEKDAY_DAY_MONTH.finditer(fold(text)):
        fits = set()
        for year in PROGRAMME_YEARS:
            try:
                day = datetime.date(year, MONTHS[match["month"]], int(match["day"]))
            except ValueError:
                continue
            if day.weekday() == WEEKDAYS[match["weekday"]]:
                fits.add(day)
        found.append((match.start(), match.end(), fits.pop() if len(fits) == 1 else None))
    return found


def day_a_weekday_dates(text: str) -> datetime.date | None:
    """The day every day the text writes with its day of the week points to (weekday_dates), when
    they all fit the same single year; None otherwise."""
    days = {day for _start, _end, day in weekday_dates(text)}
    return days.pop() if len(days) == 1 and None not in days else None


def _clean(raw: str) -> str:
    """A line without its markdown markers at the edges and its crawl prefix ("date 2023-11 ")."""
    return CRAWL_PREFIX.sub("", raw.strip().strip(MARKDOWN_EDGES)).strip(MARKDOWN_EDGES)


@lru_cache(maxsize=8)
def _blocks(text: str) -> tuple[tuple[str, ...], ...]:
    """Runs of non-empty lines separated by blank lines, markdown markers at line edges and crawl
    prefixes ("date 2023-11 ") removed. Cached: the title, the issuer and the dateline read them
    (every line of a text cleaned five times)."""
    blocks, current = [], []
    for raw in text.splitlines():
        line = _clean(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append(tuple(current))
            current = []
    if current:
        blocks.append(tuple(current))
    return tuple(blocks)


def _date(match: re.Match) -> datetime.date | None:
    try:
        if match["day"]:
            return datetime.date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
        return datetime.date(int(match["nyear"]), int(match["nmonth"]), int(match["nday"]))
    except ValueError:
        return None


def _week_start(match: re.Match) -> datetime.date | None:
    """The first day of the week a WEEK or an ISSUE match gives: its first day, in the month written
    after it or the end's month (of the year before when that month comes after the end's: "du 29
    décembre au 4 janvier 2026"); the date itself when the match names no week (other patterns)."""
    end = _date(match)
    if end is None or not match.groupdict().get("first"):
        return end
    month = MONTHS[match["first_month"]] if match["first_month"] else end.month
    try:
        return datetime.date(end.year - (month > end.month), month, int(match["first"]))
    except ValueError:
        return None


def _segments(folded: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of a line cut at byline separators ("|", "·", " - ", " / ")."""
    bounds, start = [], 0
    for separator in SEGMENT.finditer(folded):
        bounds.append((start, separator.start()))
        start = separator.end()
    bounds.append((start, len(folded)))
    return [(a, b) for a, b in bounds if folded[a:b].strip()]


KINDS = ("place", "answered", "published", "signed", "sitting", "bare", "updated")  # most to least telling


def _field_date(match: re.Match) -> datetime.date | None:
    try:
        if match["iyear"]:
            return datetime.date(int(match["iyear"]), int(match["imonth"]), int(match["iday"]))
        return datetime.date(int(match["ryear"]), RFC_MONTHS[match["rmonth"]], int(match["rday"]))
    except ValueError:
        return None


def _email_dates(lines: list[str]) -> list[tuple[int, tuple[str, None, datetime.date]]]:
    """The "Date :" header of an e-mail near the top, when a header field stands beside it."""
    found = []
    for index, line in enumerate(lines[:TOP_LINES]):
        match = EMAIL_DATE.match(fold(line))
        if match and _date(match) and any(
                EMAIL_FIELD.match(fold(other))
                for other in lines[max(0, index - EMAIL_FIELD_REACH):index] + lines[index + 1:index + 1 + EMAIL_FIELD_REACH]):
            found.append((index, ("published", None, _date(match))))
    return found


@lru_cache(maxsize=4096)
def _dateline_of(line: str, near_top: bool) -> tuple[str, str | None, datetime.date] | None:
    """(kind, place, date) when `line` is a dateline: kind "place" ("Troyes, le 14 novembre 2023"),
    "answered" ("Réponse publiée au JO le ..."), "published" ("Publié le ...", "Question publiée au
    JO le ..."), "signed" ("Fait à Avranches, le ..."), "sitting" ("Commission
    permanente du ...", near the top), "bare" (a date alone or
    as a part of a short byline, counted only near the top) or "updated" ("Mis à jour le ...", no
    dateline: see update_stamp). A line is read part by part: "Publié le X | Mis à jour le Y" publishes on X.
    Cached: the title, the dateline and the chrome each read every line of the top."""
    folded = fold(line)
    if FOUR_DIGITS.search(folded) is None:
        return None  # every kind of dateline holds a DATE, whose year is four digits: most lines have none
    if RECITAL.match(folded):
        return None
    match = FIELD_DATE.match(folded.strip()) if near_top else None
    if match:
        date = _field_date(match)
        return ("published", None, date) if date else None
    # "Par X - 05 juin 2024 à 18:40 - Temps de lecture : 3 min": the reading time is no word of the
    # byline, nor "Économie — 12 mars 2024, 8 h 10 — mis à jour à 11 h 45"'s hour of an update
    kept = UPDATE_HOUR.sub(" ", READING_TIME.sub(" ", folded))
    short = sum(any(c.isalnum() for c in word) for word in kept.split()) <= BYLINE_WORDS
    found = []
    # whole-line heads, whose separators would part the date from what makes it telling
    match = RECUEIL.search(folded) if near_top else None
    if match and _date(match):
        found.append(("published", None, _date(match)))
    match = (ISSUE.search(folded.strip(" .,;:*_")) or POST.search(folded.strip(" .,;:*_"))) if near_top else None
    if match and _week_start(match):
        found.append(("bare", None, _week_start(match)))
    for start, end in _segments(folded):
        match = WEEK.search(folded, start, end) if near_top else None
        if match and _week_start(match):
            found.append(("bare", None, _week_start(match)))
            continue
        part = folded[start:end].strip(" .,;:*_")
        offset = start + len(folded[start:end]) - len(folded[start:end].lstrip(" .,;:*_"))
        updated = UPDATED.search(part)
        published = PUBLISHED.search(part)
        # "Publié le 16 avril 2019 à 12h10, mis à jour à 14h02" publishes on the first date
        if updated and not (published and published.start() < updated.start()):
            # "Mis à jour le 02/01/2023": the page's update, which may date a page nothing else dates
            # (at the top, or as a short part anywhere: "… – Page mise à jour le 12/03/2024" in a footer)
            match = re.search(DATE, part)
            if match and _date(match) and (near_top or len(part.split()) <= BYLINE_PART_WORDS):
                found.append(("updated", None, _date(match)))
            continue
        match = SIGNED.match(part)  # before the dateline's "Place, le …", which "Fait à X, le …" also reads as
        if match and _date(match):
            place = line[offset + match.start("place"):offset + match.end("place")]
            found.append(("signed", " ".join(place.split()), _date(match)))
            continue
        genre = BOILERPLATE.match(part)  # "… — communiqué de presse, Montpellier, le 30 novembre 2023"
        if genre and genre.end() < len(part):
            # "Actualité du 14 mai 2019", "Communiqué de presse du 3 mars 2023": the item's date
            lead = GENRE_DATE_LEAD.match(part, genre.end())
            end = lead.end() if lead else genre.end()
            offset, part = offset + end, part[end:]
        match = PLACE_DATELINE.match(part)
        # "Troyes, le 14 novembre 2023" alone, or followed by " – Le préfet annonce ...", or near
        # the top by its full stop and a sentence ("… – Épinal, le 17 novembre 2023. Territoires
        # d'industrie : …" on a page saved on one line)
        if match and line[offset:offset + 1].isupper() and _date(match) and (
                re.fullmatch(AGENCY, part[match.end():]) or re.match(AGENCY + r"\s*[-–—:](?:\s|$)", part[match.end():])
                or near_top and re.match(r"\.?\s+[A-ZÀ-Ý]", line[offset + match.end():offset + match.end() + 3])):
            found.append(("place", " ".join(line[offset:offset + match.end("place")].split()), _date(match)))
            continue
        match = IN_JOURNAL.search(part) if near_top else None
        if match and _date(match) and len(part.split()) <= BYLINE_PART_WORDS:
            found.append(("answered" if match["answer"] else "published", None, _date(match)))
            continue
        match = published or (DISPATCHED.search(part) if near_top else None)
        # "Le décret publié le 12 mai 2023 au Journal officiel fixe …" is a sentence, no byline
        if match and _date(match) and len(part.split()) <= BYLINE_PART_WORDS:
            found.append(("published", None, _date(match)))
            continue
        match = SITTING.search(part)
        if match and near_top and _date(match) and len(part.split()) <= BYLINE_PART_WORDS:
            found.append(("sitting", None, _date(match)))
            continue
        match = BARE_DATE.fullmatch(part) or (ISSUE.search(part) if short else None)
        # the date alone, in a short byline, or opening a line: "17/07/2019 | En Nouvelle-Aquitaine …",
        # or closing a headline after its région: "TITRE Auvergne-Rhône-Alpes – 17 mars 2021"
        if match and near_top and _week_start(match) and (short or start == 0
                                                          or end == len(folded) and _ends_with_a_region(folded[:start].rstrip(" |·•/–-"))):
            found.append(("bare", None, _week_start(match)))
    return min(found, key=lambda f: KINDS.index(f[0])) if found else None


@lru_cache(maxsize=1)
def _region_names() -> re.Pattern:
    """A région's official name ending a string (folded), as a préfecture de région's release
    closes its headline with it before the date."""
    names = sorted((fold(r.name) for r in referential.load().regions.values()), key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(name) for name in names) + r")\s*$")


def _ends_with_a_region(folded: str) -> bool:
    return _region_names().search(folded) is not None


# A speech's page: "Discours de M. X, préfet de …", "Seul le prononcé fait foi." (folded lines)
SPEECH = re.compile(r"discours\s+(?:de|du|d')\s|seul\s+le\s+prononce\s+fait\s+foi")


def _dateline(lines: list[str]) -> tuple[str | None, datetime.date | None]:
    """The first "Place, le date" dateline (on a speech's page, after the "Publié le" date); else the date a parliamentary answer was published;
    else the first "Publié le" date; else the signature
    of an act; else the sitting that adopted it; else a bare date near the top, the one whose year the other lines mention when
    there are several (a crawl banner's date stands above the communiqué's own); else the page's
    "ce mardi 19 mars 2019" in the top lines. Never an update stamp (update_stamp)."""
    found = sorted([(index, f) for index, line in enumerate(lines) if (f := _dateline_of(line, index < TOP_LINES))]
                   + _email_dates(lines), key=lambda found_at: found_at[0])
    # "Réponse du Ministère … / Publiée dans le JO Sénat du …": the answer's byline under its heading
    found = [(index, ("answered", *f[1:]) if f[0] == "published" and index and ANSWER_HEADING.match(fold(lines[index - 1]))
                      and IN_JOURNAL.search(fold(lines[index])) else f) for index, f in found]
    # a speech's "Châlons-en-Champagne, le 20 mai 2025" is where and when it was delivered; the
    # page's "Publié le 22/05/2025" is the document's own date
    speech = any(SPEECH.match(fold(line).strip(" *_#")) for line in lines)
    for kind in ("published", "place", "answered", "signed", "sitting") if speech \
            else ("place", "answered", "published", "signed", "sitting"):
        chosen = [f for _index, f in found if f[0] == kind]
        if chosen:
            return chosen[0][1], chosen[0][2]
    date_lines = {index for index, _f in found}
    body = " ".join(line for index, line in enumerate(lines) if index not in date_lines)
    bare = [f for _index, f in found if f[0] == "bare"]
    if bare:
        spoken_of = [f for f in bare if str(f[2].year) in body]
        first = (spoken_of or bare)[0]
        return first[1], first[2]
    for line in lines[:TOP_LINES]:
        match = THIS_DAY.search(fold(line))
        if match and _date(match):
            return None, _date(match)
    return None, None


def _of_the_stamps_time(stamp: datetime.date, body: str) -> bool:
    """Whether the (folded) body tells of a day in the week before the stamp ("Ce lundi 25 avril"
    under "Mise à jour : 26 avril 2022"), or its latest year (up to the stamp's) is the stamp's or
    the one before. A 2018 communiqué whose page was touched in 2023 names no such year."""
    for match in DAY_MONTH.finditer(body):
        year = stamp.year - (MONTHS[match["month"]] > stamp.month)
        try:
            day = datetime.date(year, MONTHS[match["month"]], int(match["day"]))
        except ValueError:
            continue
        if 0 <= (stamp - day).days <= STAMP_LAG_DAYS:
            return True
    years = [int(year) for year in YEAR.findall(body) if int(year) <= stamp.year]
    return bool(years) and max(years) >= stamp.year - UPDATE_LAG_YEARS


# A rubric line: short parts between separators ("Éco Nouvelle-Aquitaine | Industrie", "Actualités
# › Économie", tags "Vendée # Industrie # Collectivités territoriales"); a headline with its site's name ("Territoires d'industrie | Préfecture de la
# Marne") has a longer part.
RUBRIC_SEPARATOR = re.compile(r"(?<!\s)\s+[|›>»/#]\s+")
MAX_RUBRIC_PART_WORDS = 3
# "Economie | Lacq-Pau-Tarbes : premier contrat signé": a one-word section before a bar (a site's
# name after a headline, "Territoires d'industrie | Préfecture de la Marne", is longer).
RUBRIC_PREFIX = re.compile(r"[^\W\d][\w-]*\s*\|\s+")
HEADLINE_MIN_WORDS = 4
# "COMMUNIQUÉ DE PRESSE – Territoires d'industrie : …": the document's genre before its headline.
GENRE_PREFIX = re.compile(r"(?i:communiqu[ée](?:\s+de\s+presse)?(?:\s+conjoint)?|(?:dossier|information|invitation|note)"
                          r"\s+(?:de\s+)?presse)\s*(?:[–—:|-]|\s-)\s+")

# "Objet : La Lettre n° 212 - …": an e-mail's subject, its headline, under its other fields.
SUBJECT_PREFIX = re.compile(r"(?i:objet|subject)\s*:\s+")


def _is_rubric(line: str) -> bool:
    parts = RUBRIC_SEPARATOR.split(line.strip())
    return len(parts) > 1 and all(0 < len(part.split()) <= MAX_RUBRIC_PART_WORDS for part in parts)


# A line of fields at the page's top, "Date : 14 mars 2024 Lieu : Rodez", "Rubrique : Économie":
# each colon a label's (a time's "14:30" aside), the line short.
FIELD_LABEL_NAME = re.compile(r"(?:" + "|".join(CHROME_RULES["field_labels"]) + r")")
FIELD_LABEL = rf"\b{FIELD_LABEL_NAME.pattern}\s*:"
FIELD_LINE = re.compile(rf"(?:{FIELD_LABEL}(?:[^:]|(?<=\d):(?=\d))*?)+")
FIELD_LINE_MAX_WORDS = 30


def is_field_label(folded: str) -> bool:
    """Whether a folded label is a page's field ("Mots-clés", "Tags", "Rubrique"): the values
    after it are the page's tags, no territory's members."""
    return FIELD_LABEL_NAME.fullmatch(folded.strip()) is not None


def _is_field_line(folded: str) -> bool:
    return len(folded.split()) <= FIELD_LINE_MAX_WORDS and FIELD_LINE.fullmatch(folded.strip()) is not None


def _is_preamble(line: str) -> bool:
    """Lines above the headline that are not it: "COMMUNIQUÉ DE PRESSE", the Marianne's motto,
    the issuer (or a PDF letterhead's issuers in columns: "RÉGION X          PRÉFET DE LA RÉGION
    X"), the dateline, page chrome, a rubric, a line of fields ("Date : … Lieu : …")."""
    folded = fold(line)
    columns = COLUMNS.split(line.strip())
    return bool(BOILERPLATE.fullmatch(folded) or _is_chrome(folded) or _is_field_line(folded) or _issuer_of(line)
                or _dateline_of(line, near_top=True) or _is_rubric(line)
                or len(columns) > 1 and all(_issuer_of(column) for column in columns))


COLUMNS = re.compile(r"[ \t\u00a0]{3,}")


def _continues(title: str, block: list[str]) -> bool:
    """A headline broken over blank lines (PDF layout) goes on in lower case, or with the year
    of a date it was cut in: "... le 9 novembre" / "2023"."""
    first = block[0]
    if title.endswith((".", "!", "?")):
        return False
    return first[0].islower() or bool(re.match(r"\d{4}\b", first) and title[-1].islower())


LIST_MARKS = "•·▪➢-–—* \t"


# A site's masthead above the headline ("L'Hebdo juridique de la Gironde", "Corse Net Infos - Pure
# player corse", "CCI de l'Indre - Actualités"): a short line that says nothing of the programme
# (a chamber "de commerce et d'industrie" is the publisher's name), with no headline punctuation;
# the title of an agreement ("PROTOCOLE D'ENGAGEMENT" / "TERRITOIRE D'INDUSTRIE X") is no masthead.
PROGRAMME_WORD = re.compile(r"industri")
CHAMBER_NAME = re.compile(r"commerce\s+et\s+d['’]?\s*industrie")
HEADLINE_MARKS = re.compile(r"[:?!«»\"]")
AGREEMENT = re.compile(r"\b(?:protocole|contrat|convention|pacte|accord|charte)\b")
MASTHEAD_WORDS = 12


def _is_masthead(title: str) -> bool:
    folded = fold(title)
    return (len(title.split()) <= MASTHEAD_WORDS and not HEADLINE_MARKS.search(title)
            and not AGREEMENT.search(folded) and not PROGRAMME_WORD.search(CHAMBER_NAME.sub(" ", folded)))


# The headline a machine wrote in a field at the top: a Markdown export's front matter
# ('title: "Territoires d'industrie : 15 lauréats"' beside "date:", "slug:" …; the reader drops its
# "---" lines), an RSS item's or Atom entry's "<title>…</title>" (a feed saved as text). Its other
# fields (date:, slug:, <link>) are no headline.
FRONT_MATTER = re.compile(r"\A\s*(?:---[ \t]*\n)?(?P<fields>(?:[a-z_]+[ \t]*:[^\n]*\n){2,40})", re.IGNORECASE)
FRONT_MATTER_TITLE = re.compile(r"^title[ \t]*:[ \t]*(?P<q>[\"']?)(?P<title>[^\n]*?)(?P=q)[ \t]*$", re.MULTILINE)
FRONT_MATTER_OTHER = re.compile(r"^(?:date|author|slug|categories|tags|layout|description|image|draft|lang)[ \t]*:",
                                re.MULTILINE)
FEED_TITLE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<(?:rss|channel|feed)\b[^>]*>\s*)*<(?:item|entry)\b[^>]*>\s*"
                        r"<title\b[^>]*>\s*(?:<!\[CDATA\[)?(?P<title>[^<\n]{1,300}?)(?:\]\]>)?\s*</title>")


def _machine_title(text: str) -> str | None:
    """The front matter's "title:" or a feed item's <title>, unquoted; None when the top is no such field."""
    front = FRONT_MATTER.match(text)
    fields = front.group("fields") if front and FRONT_MATTER_OTHER.search(front.group("fields")) else None
    field = FRONT_MATTER_TITLE.search(fields) if fields else FEED_TITLE.match(text)
    title = " ".join(html.unescape(field.group("title")).split()) if field else ""
    return title or None


def _title(text: str) -> str | None:
    """The headline (a machine's title field first: _machine_title); below a masthead, the first
    headline that names the programme before any body prose ("La Gazette de la vallée" /
    "Industrie : la vallée décroche le label")."""
    machine = _machine_title(text)
    if machine:
        return machine
    title = _first_title(text)
    if not title or not _is_masthead(title):
        return title
    lines = text.splitlines()
    cleaned = [_clean(raw).lstrip(LIST_MARKS) for raw in lines]
    start = next((i for i, line in enumerate(cleaned) if line and title.startswith(line[:40])), None)
    if start is None:
        return title
    for i in range(start + 1, min(len(lines), start + TOP_LINES)):
        line = cleaned[i]
        if not line or _is_preamble(line) or title.endswith(line):
            continue
        if _reads_as_prose(line):
            break
        if PROGRAMME_WORD.search(fold(line)) and len(line.split()) >= 3:
            below = _first_title("\n".join(lines[i:]))
            return below if below and not _reads_as_prose(below) else title
    return title


def _first_title(text: str) -> str | None:
    """The first lines that are not preamble, up to the next blank line (or its continuations)
    or the next preamble line, such as the dateline; None when they read as body prose. A single
    word above them is a rubric or a widget ("Attractivité", "Loading", "logo"), not a headline."""
    parts: list[str] = []
    for block in _blocks(text):
        if parts and not _continues(parts[-1], block):
            if not _is_section_name(parts, block):
                break
            parts = []
        for line in block:
            line = line.lstrip(LIST_MARKS)
            if not parts and len(line.split()) <= 1:
                continue
            if _is_preamble(line):
                if parts:
                    return _headline(parts)
                continue
            parts.append(line)
    return _headline(parts)


def _is_section_name(parts: list[str], block: list[str]) -> bool:
    """A site's section or kicker above the headline ("Vie locale", "Actualités et agendas",
    "Retours d'expérience"): one short line alone, then a longer line that is no body prose."""
    words = parts[0].split()
    nxt = block[0].lstrip(LIST_MARKS)
    return (len(parts) == 1 and len(words) <= MAX_RUBRIC_PART_WORDS and not re.search(r"\d", parts[0])
            and len(nxt.split()) > len(words) + 2 and not _reads_as_prose(nxt) and not _is_preamble(nxt))


def _headline(lines: list[str]) -> str | None:
    """Lines joined, whitespace collapsed; long text with a full stop ending a sentence is the
    body's first paragraph, not a headline. A short first line without a full stop followed by
    a new sentence ("Le centre de l'Yonne recherche un second souffle" / "Industrie. Mise en
    place …") is the headline above a paragraph that has no blank line before it."""
    if len(lines) > 1 and _in_capitals(lines[0]) and not _in_capitals(lines[1]) \
            and len(lines[0].split()) >= HEADLINE_MIN_WORDS:
        lines = lines[:1]  # "TERRITOIRES D'INDUSTRIE : QUATRE TERRITOIRES LABELLISÉS" above its paragraph
    title = " ".join(" ".join(lines).split())
    for prefix in (RUBRIC_PREFIX, GENRE_PREFIX, SUBJECT_PREFIX):
        rubric = prefix.match(title)
        if rubric and len(title[rubric.end():].split()) >= HEADLINE_MIN_WORDS:
            title = title[rubric.end():]
    if not title or not _reads_as_prose(title):
        intro = next((i for i, line in enumerate(lines[:-1]) if line.rstrip().endswith(":")), None)
        if intro is not None and (len(lines) - intro > 2 or not lines[intro].isupper()):
            # a list's intro, its items below it: the headline ends at the colon (not "… D'INDUSTRIE :"
            # then "2 TERRITOIRES LABELLISÉS DANS L'AUBE", one headline over two lines in capitals)
            title = " ".join(" ".join(lines[:intro + 1]).split())
        return title or None
    first = " ".join(lines[0].split())
    if (len(lines) > 1 and lines[1][:1].isupper() and len(first.split()) <= HEADLINE_WORDS
            and not re.search(r"[.;](?:\s|$)|[!?]\s", first)):
        return first
    return None


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _reads_as_prose(text: str) -> bool:
    return bool(re.search(r"\.(?:\s|$)", text)) and len(text.split()) >= PROSE_WORDS


SECTION_AFTER = re.compile(r"(?<!\s)\s+[–—|:-]\s+(?i:actualit[ée]s?|communiqu[ée]s?(?:\s+de\s+presse)?|(?:espace|salle)\s+(?:de\s+)?presse"
                           r"|presse)\s*$")


def _issuer_of(line: str) -> str | None:
    """The issuer a line states: a préfet or préfecture, a "Source:", a Région or Conseil
    régional standing alone on its line, a section of its site after it left out ("Région
    Occitanie – Actualités")."""
    line = SECTION_AFTER.sub("", line)
    folded = fold(line)
    source = SOURCE.match(folded)
    if source:
        name = line[source.start("name"):source.end("name")]
        acronym = ACRONYM.search(name)
        return acronym.group(1) if acronym else " ".join(name.split())
    if PREFECT.fullmatch(folded) or REGION.fullmatch(folded) or MINISTRY.fullmatch(folded):
        return " ".join(line.split())
    return None


def _issuer(lines: list[str]) -> str | None:
    """The first explicit statement of who publishes; never a guess from the content."""
    return next((issuer for issuer in map(_issuer_of, lines) if issuer), None)


def _own_lines(text: str) -> list[str]:
    """The lines of the page, without the links to other articles ("Lire aussi : TITRE", a "SUR LE
    MÊME SUJET" heading and the short lines under it), whose "Publié le" are other articles'."""
    lines = []
    for block in _blocks(text):
        under_heading = False
        for line in block:
            kind = related_links(fold(line))
            under_heading = kind == "heading" or under_heading and len(line.split()) <= LINK_TITLE_WORDS
            if not kind and not under_heading:
                lines.append(line)
    return lines


# "Bulletin municipal d'information — Printemps 2019", "CDC Infos — février 2020": a season or a month
# and one year, no day, set off in a line near the top (not "retour sur novembre 2018", "Mis à jour :
# mars 2024" nor "Hiver 2024-2025"); folded line
SEASON_OR_MONTH_YEAR = re.compile(rf"(?:^|[—–|•,-]\s*)(?:printemps|ete|automne|hiver|{MONTH_NAME})\s+(?P<year>\d{{4}})"
                                  rf"\s*(?=$|[|•,]|[—–-](?!\s*\d))")


def written_year(text: str) -> int | None:
    """The year a season's or a month's dateline near the top gives a text it leaves undated: the
    year it was written in, which tells the intercommunalities of its time (a bulletin of spring
    2019 names the CC that merged in 2020 under the same name); None when the top lines give
    none or several."""
    years = {int(match["year"]) for line in _own_lines(text)[:TOP_LINES]
             for match in SEASON_OR_MONTH_YEAR.finditer(fold(line).strip())}
    return years.pop() if len(years) == 1 else None


@lru_cache(maxsize=8)
def _document_dateline(text: str) -> tuple[str | None, datetime.date | None]:
    """(place, date) of the communiqué's dateline; cached, for extract_document_info and
    chrome_spans ask it of the same document."""
    return _dateline(_own_lines(text))


def extract_document_info(text: str) -> dict:
    """title, issuer, place and published_on (datetime.date, its dateline's: assemble may date a page
    by its update stamp) of one communiqué; None when absent. A new dict each call (assemble
    fills in its date)."""
    return dict(_document_info(text))


@lru_cache(maxsize=8)
def _document_info(text: str) -> tuple[tuple[str, object], ...]:
    """extract_document_info's items, read once a text: assemble and the headline rule
    (territories.kicker) ask it of the same document."""
    lines = [line for block in _blocks(text) for line in block]
    place, published_on = _document_dateline(text)
    return (("title", _title(text)), ("issuer", _issuer(lines)), ("place", place), ("published_on", published_on))


class UpdateStamp(NamedTuple):
    """The first "Mis à jour le 28/03/2019" of a page no other line dates, and what its body says of
    the stamp's time: assemble decides whether the stamp dates the page (it needs the phase)."""
    date: datetime.date
    of_its_time: bool  # the body tells of a day in the week before, or of the stamp's year or the one before
    names_a_year_by_then: bool  # a year up to the stamp's: only later ones ("d'ici l'été 2019") tell of its future


def update_stamp(text: str) -> UpdateStamp | None:
    """The update stamp of a page whose only date lines are update stamps; None otherwise."""
    lines = _own_lines(text)
    found = [(index, f) for index, line in enumerate(lines) if (f := _dateline_of(line, index < TOP_LINES))]
    if not found or any(f[0] != "updated" for _index, f in found):
        return None
    date_lines = {index for index, _f in found}
    body = " ".join(line for index, line in enumerate(lines) if index not in date_lines)
    stamp = found[0][1][2]
    return UpdateStamp(stamp, _of_the_stamps_time(stamp, fold(body)),
                       any(int(year) <= stamp.year for year in YEAR.findall(body)))


def crawled_by(text: str) -> datetime.date | None:
    """The month of the crawl prefix opening the page ("date 2020-01 La ville a été …"): the page
    existed by then, so the text was written then or earlier (a 2019 article carries "date
    2021-10"); a latest date, never the dateline."""
    prefix = CRAWL_PREFIX.match(text)
    year, month = map(int, re.search(r"(\d{4})-(\d{2})", prefix.group(0)).groups()) if prefix else (0, 0)
    return datetime.date(year, month, 1) if 1 <= month <= 12 else None


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the page-chrome lines of `text`, and of the date lines near the top that
    are not its dateline (crawl banners, update stamps, even one that dates the page in assemble:
    its year is no year of the text's facts): no stage reads facts there. A
    crawl prefix glued to the first sentence (" date 2023-12 À La Réunion, … sont reconduits pour
    la période 2023-2027.") is chrome alone: the sentence is the communiqué's."""
    _place, published_on = _document_dateline(text)
    spans, position, seen = [], 0, 0
    for raw in text.split("\n"):
        prefix = CRAWL_PREFIX.match(raw)
        after_prefix = prefix.end() if prefix else 0
        if prefix:
            spans.append((position, position + after_prefix))
        line = raw[after_prefix:].strip().strip(MARKDOWN_EDGES)
        if line:
            folded = fold(line)
            dated = _dateline_of(line, seen < TOP_LINES)
            if _is_chrome(folded) or (dated and dated[2] != published_on):
                spans.append((position + after_prefix, position + len(raw)))
            seen += 1
        position += len(raw) + 1
    return spans
