"""When a number holds (pipeline/as_of.py): dates stated in its sentence, else the document's."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline import as_of
from pipeline.as_of import AsOf

PUBLISHED = AsOf(date(2023, 11, 14), "day", as_of.PUBLISHED_ON)


def _date_of(sentence: str, number: str, document: AsOf | None = PUBLISHED) -> tuple | None:
    start = sentence.index(number)
    candidates = as_of.sentence_dates(sentence, document, today=date(2026, 1, 1))
    found = as_of.nearest_date(candidates, start, start + len(number), document)
    return found and (found.on, found.precision, found.rule)


@pytest.mark.parametrize("sentence, number, expected", [
    ("Fin décembre 2020, on recensait 148 Territoires d'industrie.", "148",
     (date(2020, 12, 1), "month", "as_of.stated_month")),
    ("En novembre 2018, 124 territoires avaient été identifiés.", "124",
     (date(2018, 11, 1), "month", "as_of.stated_month")),
    ("À la fin de la première phase, 149 territoires étaient labellisés.", "149",
     (date(2022, 12, 1), "month", "as_of.phase_end")),
    ("Le 9 novembre 2023, le ministre a annoncé les noms des 183 lauréats.", "183",
     (date(2023, 11, 9), "day", "as_of.stated_day")),
    ("L'État a annoncé le 9 novembre 2023 la liste des 183 lauréats.", "183",
     (date(2023, 11, 9), "day", "as_of.stated_day")),
    ("18 territoires d'industrie, à date du 09/11/2023", "18",
     (date(2023, 11, 9), "day", "as_of.stated_day")),
    ("Début 2019, 136 territoires étaient labellisés.", "136",
     (date(2019, 1, 1), "month", "as_of.stated_month")),
    ("En 2019, 141 territoires étaient labellisés.", "141", (date(2019, 1, 1), "year", "as_of.stated_year")),
    ("contre 551 il y a cinq ans", "551", (date(2018, 1, 1), "year", "as_of.years_ago")),
    # a day without its year is the latest such day up to the document's date
    ("Le 11 mai dernier, 149 territoires étaient labellisés.", "149",
     (date(2023, 5, 11), "day", "as_of.stated_day_without_year")),
    ("Le 2 décembre, 150 territoires", "150", (date(2022, 12, 2), "day", "as_of.stated_day_without_year")),
])
def test_a_date_or_period_stated_in_the_sentence_wins(sentence, number, expected):
    assert _date_of(sentence, number) == expected


@pytest.mark.parametrize("sentence, number", [
    # a date of another event: a launch, a start, a deadline, a target
    ("Lancé fin 2018, le programme a permis d'accompagner durant sa première phase (2019-2022) "
     "149 Territoires d'industrie.", "149"),
    ("Le programme, lancé le 22 novembre 2018, compte 146 territoires.", "146"),
    ("Depuis novembre 2018, 146 territoires ont été labellisés.", "146"),
    ("Lancé par le Premier ministre lors du Conseil national de l'industrie le 22 novembre 2018, "
     "le programme bénéficie à 141 territoires.", "141"),
    ("Après le lancement du dispositif par le Gouvernement en 2018, les 141 territoires "
     "contractualisent.", "141"),
    ("Édouard Philippe a dévoilé la liste des 124 territoires, dispositif annoncé en septembre 2018.",
     "124"),
    ("D'ici 2027, 200 territoires seront accompagnés.", "200"),
    ("Les candidats ont jusqu'au 22 septembre 2023 ; 149 territoires sont labellisés.", "149"),
    # a phase's years name the phase, not the time of the count
    ("Sur la phase 2023-2027, ce sont 183 Territoires d'industrie qui s'engagent.", "183"),
    # a date after the document's is a target, or another page's date
    ("En 2025, 200 territoires devront être accompagnés.", "200"),
    ("Publié le 15/11/2023 : 9 territoires normands sont retenus.", "9"),
    ("Fin 2023, 190 territoires seront labellisés.", "190"),
])
def test_other_dates_leave_the_documents_date(sentence, number):
    assert _date_of(sentence, number) == (date(2023, 11, 14), "day", as_of.PUBLISHED_ON)


def test_a_word_of_the_present_nearer_than_a_date_keeps_the_documents_date():
    sentence = "De 124 territoires identifiés en novembre 2018, ils sont aujourd'hui 144."
    assert _date_of(sentence, "124") == (date(2018, 11, 1), "month", "as_of.stated_month")
    assert _date_of(sentence, "144") == (date(2023, 11, 14), "day", as_of.PUBLISHED_ON)


def test_without_a_document_date_only_full_dates_count():
    assert _date_of("Le 11 mai dernier, 149 territoires.", "149", document=None) is None
    assert _date_of("Fin 2020, 148 territoires.", "148", document=None) == (
        date(2020, 12, 1), "month", "as_of.stated_month")


def test_a_dateline_without_its_year_is_dated_by_its_weekday():
    text = ("Lors de l'assemblée réunie ce mardi 19 novembre à Mulhouse, le programme lancé le "
            "22 novembre 2018 ...")
    found = as_of.document_date(text, None, today=date(2026, 1, 1))
    assert (found.on, found.precision, found.rule) == (date(2019, 11, 19), "day", as_of.WEEKDAY_DATE)
    # no year fits the weekday in the year of the latest full date or the next: no guess
    assert as_of.document_date(text.replace("mardi", "jeudi"), None, today=date(2026, 1, 1)) is None
    # a weekday date in the past is an event, not the document's date
    past = "Auditionnée le mercredi 31 octobre dernier, la mission rendra ses choix le 22 novembre 2018."
    assert as_of.document_date(past, None, today=date(2026, 1, 1)) is None
    # no full date to start from: no guess
    assert as_of.document_date("Réunie ce mardi 19 novembre à Mulhouse.", None) is None
    # the published date, when there is one, is the document's date
    assert as_of.document_date(text, date(2019, 11, 20)).on == date(2019, 11, 20)


def test_periods_overlap_at_their_precision():
    november = AsOf(date(2019, 11, 14), "day", "r")
    assert november.overlaps(AsOf(date(2019, 11, 26), "day", "r"))  # same month
    assert november.overlaps(AsOf(date(2019, 1, 1), "year", "r"))
    assert not november.overlaps(AsOf(date(2019, 12, 1), "month", "r"))
    assert november.before(AsOf(date(2019, 12, 1), "month", "r"))
    assert not november.before(AsOf(date(2019, 1, 1), "year", "r"))
