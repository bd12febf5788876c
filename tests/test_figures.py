"""Figure extraction: scores on the seeds against gold, and each rule and trap on small communiqués."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline import nlp
from pipeline.extract.figures import extract_figures
from pipeline.extract.places import find_places

ROOT = Path(__file__).resolve().parents[1]


def figures(text: str) -> list[dict]:
    doc = next(nlp.parse([text]))
    return extract_figures(text, nlp.sentence_spans(doc), find_places(text))


def facts(text: str) -> list[tuple]:
    """(value, value_max, unit, approximate, scope_code) of every figure, in reading order."""
    return [(f["value"], f["value_max"], f["unit"], f["approximate"], f["scope_code"]) for f in figures(text)]


def _key(value, value_max, unit) -> tuple:
    return float(value), None if value_max is None else float(value_max), unit


@pytest.fixture(scope="module")
def seed_results() -> list[tuple[str, dict, list[dict]]]:
    results = []
    for gold_path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (ROOT / "raw" / gold["document"]).read_text(encoding="utf-8")
        results.append((text, gold, figures(text)))
    return results


def test_seed_figures_reach_f1_and_scope_thresholds(seed_results):
    true_positives = predicted = expected = scoped = 0
    for _, gold, found in seed_results:
        gold_keys = Counter(_key(g["value"], g["value_max"], g["unit"]) for g in gold["figures"])
        found_keys = Counter(_key(f["value"], f["value_max"], f["unit"]) for f in found)
        gold_scoped = Counter(_key(g["value"], g["value_max"], g["unit"]) + (g["scope"],)
                              for g in gold["figures"])
        found_scoped = Counter(_key(f["value"], f["value_max"], f["unit"]) + (f["scope_code"],)
                               for f in found)
        true_positives += sum((gold_keys & found_keys).values())
        scoped += sum((gold_scoped & found_scoped).values())
        predicted += sum(found_keys.values())
        expected += sum(gold_keys.values())
    precision, recall = true_positives / predicted, true_positives / expected
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert scoped / true_positives >= 0.9


def test_seed_figures_are_grounded_in_their_sentence(seed_results):
    for text, _, found in seed_results:
        for figure in found:
            assert text[figure["start"]:figure["end"]] == figure["mention"]
            assert figure["sentence"] in text
            assert figure["mention"] in figure["sentence"]


def test_press_contact_block_gives_no_figure():
    text = ("Contact presse : Préfecture de l'Aube, 2, rue Pierre Labonde - CS 20372\n"
            "10025 TROYES Cedex\nTél. : 03 25 42 35 00 - 06 12 34 56 78 - +33 1 40 04 04 04\n"
            "Mél : pref-communication@aube.gouv.fr - www.aube.gouv.fr/actualites/2023/12-territoires\n")
    assert figures(text) == []


def test_dates_times_years_and_periods_give_no_figure():
    text = ("Troyes, le 14 novembre 2023. Le 9 novembre, lors de la réunion du 23/01/2024 à 14h30 "
            "(mise à jour 11/2023), publiée le 1er décembre 2023 et annoncée en novembre 2023, le "
            "programme lancé fin 2018 pour la période 2023-2027 avance ; rendez-vous à 9 h 30 ou à "
            "10:15, le mardi 19\n\nnovembre.")
    assert figures(text) == []


def test_ordinals_versions_names_and_bare_un_are_not_figures():
    text = ("La deuxième phase, le 2e axe et le salon BE 4.0 Industries du Futur accompagnent le plan "
            "France 2030 et la Communauté de communes des 3 Rivières. Un emploi industriel permet de "
            "créer 1,5 emploi indirect.")
    assert facts(text) == [(1.5, None, "emploi", False, "FR")]


def test_numbers_in_words_and_approximate_nouns():
    text = ("Vingt et un territoires, quatre-vingt-dix projets, dix-huit sites et une dizaine "
            "d'écoles sont concernés ; un millier d'emplois sont attendus.")
    assert facts(text) == [(21.0, None, "territoire", False, "FR"), (90.0, None, "projet", False, "FR"),
                           (18.0, None, "site", False, "FR"), (10.0, None, "ecole", True, "FR"),
                           (1000.0, None, "emploi", True, "FR")]


def test_french_digit_formats():
    text = ("Il y a 12\u202f000 emplois, 3\u00a0400 projets, 2 400 sites, 44.000 entreprises et "
            "87% de communes.")
    assert [(f["value"], f["unit"]) for f in figures(text)] == [
        (12000.0, "emploi"), (3400.0, "projet"), (2400.0, "site"), (44000.0, "entreprise"),
        (87.0, "pourcent")]


def test_thousands_separator_never_crosses_a_line_break():
    assert [(f["value"], f["mention"]) for f in figures("Le total atteint 2\n400 projets.")] == [
        (400.0, "400 projets")]


def test_ranges_share_the_noun_and_scale_of_their_upper_bound():
    text = ("Entre 1 200 et 1 300 projets, soit environ 1200 à 1300 projets ; 10 à 15 % des communes "
            "et de 2 à 3 millions d'euros.")
    found = figures(text)
    assert [(f["value"], f["value_max"], f["unit"], f["approximate"]) for f in found] == [
        (1200.0, 1300.0, "projet", False), (1200.0, 1300.0, "projet", True),
        (10.0, 15.0, "pourcent", False), (2_000_000.0, 3_000_000.0, "euro", False)]
    assert found[0]["mention"] == "Entre 1 200 et 1 300 projets"
    assert found[1]["mention"] == "environ 1200 à 1300 projets"
    assert {f["rule"] for f in found} == {"figure.range"}


def test_money_scales_and_symbols():
    text = ("Une enveloppe de 100 millions d'euros, puis 2 M€, 1,5 Md€, 3 Mds € et 500 k€, "
            "plus de 2 milliards d'euros, 250 000 € et un milliard d'euros pour un projet.")
    found = figures(text)
    assert [(f["value"], f["unit"]) for f in found] == [
        (100_000_000.0, "euro"), (2_000_000.0, "euro"), (1_500_000_000.0, "euro"),
        (3_000_000_000.0, "euro"), (500_000.0, "euro"), (2_000_000_000.0, "euro"), (250_000.0, "euro"),
        (1_000_000_000.0, "euro")]
    assert found[5]["mention"] == "plus de 2 milliards d'euros" and found[5]["approximate"]


def test_approximation_words_are_part_of_the_mention():
    text = ("Près de 150 territoires, environ 30 projets, au moins 12 sites, moins de 5 %, "
            "presque 40 EPCI et quelque 200 entreprises, pour 7 plans.")
    found = figures(text)
    assert [f["mention"] for f in found] == [
        "Près de 150 territoires", "environ 30 projets", "au moins 12 sites", "moins de 5 %",
        "presque 40 EPCI", "quelque 200 entreprises", "7 plans"]
    assert [f["approximate"] for f in found] == [True] * 6 + [False]
    assert [f["unit"] for f in found] == ["territoire", "projet", "site", "pourcent", "epci",
                                          "entreprise", "plan"]


def test_unit_nouns_after_one_adjective_and_their_synonyms():
    text = ("Un partenariat avec 2 autres Territoires d'industrie, autour de quatre nouveaux axes, "
            "de 4 priorités et de 5 problématiques ; 183 lauréats, 11 signatures et 50 sites clés.")
    assert [(f["value"], f["unit"]) for f in figures(text)] == [
        (2.0, "territoire"), (4.0, "axe"), (4.0, "priorite"), (5.0, "probleme"), (183.0, "territoire"),
        (11.0, "protocole"), (50.0, "site")]


def test_number_without_noun_is_dropped():
    assert figures("Le programme compte 12 ; la réunion réunit 40 personnes dans 3 salles.") == []


def test_enumeration_continued_in_places_takes_the_place_as_scope():
    text = ("Le ministre a annoncé les noms des 183 lauréats du programme, dont 18 dans la région "
            "Hauts-de-France et 4 dans l'Aisne.")
    found = figures(text)
    assert facts(text) == [(183.0, None, "territoire", False, "FR"),
                           (18.0, None, "territoire", False, "32"),
                           (4.0, None, "territoire", False, "02")]
    assert found[1]["mention"] == "18 dans la région Hauts-de-France"
    assert found[1]["rule"] == "figure.elided_unit_place"


def test_scope_is_the_nearest_place_of_the_clause():
    text = ("Sur les 146 Territoires d'industrie que compte la France, le Grand Est en dispose plus de "
            "10% soit au total 15 territoires. Dans l'Aube, deux territoires ont été labellisés, il "
            "s'agit de : Sud Champagne et Ouest Champenois. Le programme dispose de 100 millions d'euros.")
    assert [f["scope_code"] for f in figures(text)] == ["FR", "44", "44", "10", "FR"]


def test_headline_place_does_not_leak_into_the_first_paragraph():
    text = ("2 TERRITOIRES LABELLISÉS DANS L'AUBE\n\nTroyes, le 14 novembre 2023\n\nLe programme a "
            "accompagné 149 territoires.")
    assert facts(text) == [(2.0, None, "territoire", False, "10"), (149.0, None, "territoire", False, "FR")]


def test_partitive_ratio_and_verb_frames_take_the_noun_from_context():
    text = ("Les 11 signatures portent le nombre de territoires du Grand Est dotés d'un plan à 13 sur 15. "
            "La mobilisation des Territoires d'industrie est forte : 87% d'entre eux ont installé leur "
            "gouvernance ; 58 d'entre eux ont un plan et plus de 98 sont attendus.")
    found = figures(text)
    assert [(f["value"], f["unit"], f["rule"]) for f in found] == [
        (11.0, "protocole", "figure.number_unit"), (13.0, "territoire", "figure.ratio"),
        (15.0, "territoire", "figure.ratio"), (87.0, "pourcent", "figure.number_unit"),
        (58.0, "territoire", "figure.partitive"), (98.0, "territoire", "figure.elided_unit_verb")]
    assert found[4]["mention"] == "58 d'entre eux"
    assert found[5]["mention"] == "plus de 98" and found[5]["approximate"]
