"""Consolidation across documents: the territories registry and the claims with their conflicts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import referential, registry

ROOT = Path(__file__).resolve().parents[1]
COMMAND = str(Path(sys.executable).with_name("communiques"))
BASE_TABLES = ("documents", "territories", "epcis", "figures", "stated_counts")
GRAND_EST_2019 = "001_078b07c576263f97.txt"
GRAND_EST_2023 = "000_ed8916e6866e8557.txt"
SELECTION_2023 = "004_b69cd6689183cdb1.txt"


HISTORY = ROOT / "tests" / "registry_corpus"  # own communiqués about the national count over time


def run(input_dir: Path, output: Path, *options: str) -> str:
    """The real `communiques run`; its standard output, once it exited 0 without a traceback."""
    result = subprocess.run([COMMAND, "run", "--input", str(input_dir), "--output", str(output),
                             *options], cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def seeds(tmp_path_factory):
    """The real command on the seeds; (published tables as rows, derive() of them, source of doc_id)."""
    output = tmp_path_factory.mktemp("registry-seeds")
    run(ROOT / "raw", output)
    tables = {name: pq.read_table(output / f"{name}.parquet").to_pylist()
              for name in (*BASE_TABLES, "territories_registry", "claims", "coverage")}
    derived = registry.derive({name: tables[name] for name in BASE_TABLES})
    doc_of = {d["source"]: d["doc_id"] for d in tables["documents"]}
    return tables, derived, doc_of


def test_the_published_tables_are_derive_of_the_published_rows(seeds):
    tables, derived, _ = seeds
    assert tables["territories_registry"] == derived["territories_registry"]
    assert tables["claims"] == derived["claims"]
    assert tables["coverage"] == derived["coverage"]


@pytest.mark.parametrize("territory_id", ["alsace-centrale", "val-de-lorraine", "terres-de-lorraine",
                                          "nord-lorraine"])
def test_grand_est_territories_of_2019_and_2023_are_one_row_with_both_phases(seeds, territory_id):
    _, derived, doc_of = seeds
    rows = [r for r in derived["territories_registry"] if r["territory_id"] == territory_id]
    assert len(rows) == 1
    row = rows[0]
    assert row["phases"] == ["2019-2022", "2023-2027"]
    assert row["doc_ids"] == sorted([doc_of[GRAND_EST_2019], doc_of[GRAND_EST_2023]])
    assert row["region_codes"] == ["44"]
    # the 2019 communiqué has no dated dateline: both dates are the 2023 one
    assert row["first_published_on"] == row["last_published_on"] == date(2023, 11, 14)


def test_the_registry_has_one_row_per_territory_named_in_a_published_document(seeds):
    tables, derived, _ = seeds
    ids = [r["territory_id"] for r in derived["territories_registry"]]
    assert ids == sorted(set(ids))
    assert set(ids) == {t["territory_id"] for t in tables["territories"]}


def test_the_canonical_name_is_the_most_recent_documents(seeds):
    _, derived, _ = seeds
    row = next(r for r in derived["territories_registry"] if r["territory_id"] == "alsace-centrale")
    assert row["name"] == "Alsace Centrale"  # 2023 spelling; 2019 wrote "Alsace centrale"


def test_population_is_the_sum_of_the_member_epcis_populations(seeds):
    _, derived, _ = seeds
    sud_champagne = next(r for r in derived["territories_registry"]
                         if r["territory_id"] == "sud-champagne")
    members = ["200069250", "200066892", "200071041", "241000405", "241000447"]
    assert sud_champagne["member_sirens"] == members
    assert sud_champagne["member_names"][0] == "CA Troyes Champagne Métropole"
    epcis = referential.load().epcis
    assert sud_champagne["population"] == sum(epcis[siren].population for siren in members) > 0
    val_de_lorraine = next(r for r in derived["territories_registry"]
                           if r["territory_id"] == "val-de-lorraine")
    assert val_de_lorraine["member_sirens"] == [] and val_de_lorraine["population"] is None


def _claims(derived: dict, unit: str, phase: str, scope_code: str) -> list[dict]:
    return [c for c in derived["claims"]
            if (c["unit"], c["phase"], c["scope_code"]) == (unit, phase, scope_code)]


def test_146_in_2019_then_149_in_2023_first_phase_territories_are_a_history(seeds):
    _, derived, doc_of = seeds
    claims = {c["doc_id"]: c for c in _claims(derived, "territoire", "2019-2022", "FR")}
    grand_est_2019, grand_est_2023 = claims[doc_of[GRAND_EST_2019]], claims[doc_of[GRAND_EST_2023]]
    assert (grand_est_2019["value"], grand_est_2023["value"]) == (146.0, 149.0)
    # the 2019 dateline has no year ("ce mardi 19 novembre"): 19 November was a Tuesday in
    # 2019, the year after the latest full date the text writes ("le 22 novembre 2018")
    assert grand_est_2019["published_on"] is None
    assert (grand_est_2019["as_of"], grand_est_2019["as_of_rule"]) == (date(2019, 11, 19),
                                                                       "as_of.weekday_date")
    assert grand_est_2023["as_of"] == date(2023, 11, 14)
    assert not any(c["conflict"] for c in claims.values())
    assert grand_est_2019["superseded_by"] == doc_of[GRAND_EST_2023]
    # "une mise à jour des 149 territoires aujourd'hui labélisés", in an undated communiqué
    undated = claims[doc_of[SELECTION_2023]]
    assert (undated["value"], undated["as_of"], undated["superseded_by"]) == (149.0, None, None)
    assert all(c["sources"] == 3 for c in claims.values())


def test_the_latest_national_first_phase_count_is_one_filter_away(seeds):
    _, derived, doc_of = seeds
    latest = [c for c in _claims(derived, "territoire", "2019-2022", "FR")
              if c["as_of"] and c["superseded_by"] is None]
    assert [(c["value"], c["doc_id"]) for c in latest] == [(149.0, doc_of[GRAND_EST_2023])]


def _coverage(derived: dict, scope_name: str, phase: str) -> dict:
    return next(r for r in derived["coverage"] if (r["scope_name"], r["phase"]) == (scope_name, phase))


def test_coverage_of_the_seeds(seeds):
    _, derived, doc_of = seeds
    grand_est = _coverage(derived, "Grand Est", "2023-2027")
    assert (grand_est["claimed"], grand_est["found"], grand_est["missing"]) == (21, 21, 0)
    assert grand_est["doc_id"] == doc_of[GRAND_EST_2023] and grand_est["missing_names"] == []
    aisne = _coverage(derived, "Aisne", "2023-2027")
    assert (aisne["scope_code"], aisne["claimed"], aisne["found"], aisne["missing"]) == ("02", 4, 4, 0)
    # the registry holds 13 of the 15 first-phase territories of Grand Est (the 2019 communiqué
    # names 13), and the national row compares 149 with every first-phase territory it holds
    first = _coverage(derived, "Grand Est", "2019-2022")
    assert (first["claimed"], first["found"], first["missing"]) == (15, 13, 2)
    national = _coverage(derived, "France", "2019-2022")
    registry_first = [r for r in derived["territories_registry"] if "2019-2022" in r["phases"]]
    assert (national["scope_code"], national["claimed"]) == ("FR", 149)
    assert national["found"] == len(registry_first) and national["missing"] == 149 - len(registry_first)
    assert {(r["scope_name"], r["phase"]) for r in derived["coverage"]} == {
        (c["scope_name"], c["phase"]) for c in derived["claims"] if c["unit"] == "territoire"}


def test_183_second_phase_territories_is_another_subject_and_agreed(seeds):
    _, derived, _ = seeds
    claims = _claims(derived, "territoire", "2023-2027", "FR")
    assert [c["value"] for c in claims] == [183.0, 183.0]
    assert not any(c["conflict"] for c in claims)


def test_grand_est_counts_agree_per_phase(seeds):
    _, derived, _ = seeds
    first = _claims(derived, "territoire", "2019-2022", "44")
    assert [c["value"] for c in first] == [15.0, 15.0] and not any(c["conflict"] for c in first)
    assert [c["value"] for c in _claims(derived, "territoire", "2023-2027", "44")] == [21.0]
    assert {c["scope_name"] for c in first} == {"Grand Est"}


def test_claims_keep_their_source_span(seeds):
    tables, derived, _ = seeds
    texts = {d["doc_id"]: d["text"] for d in tables["documents"]}
    for claim in derived["claims"]:
        assert texts[claim["doc_id"]][claim["start"]:claim["end"]] == claim["mention"]


@pytest.mark.parametrize("sentence, phase", [
    ("durant sa première phase (2019-2022)  149  Territoires  d’industrie", "2019-2022"),
    ("Pour débiter cette seconde phase, une mise à jour des 149 territoires aujourd'hui "
     "labélisés est engagée.", "2019-2022"),
    ("15 Territoires d’industrie étaient labellisés en région Grand Est.", "2019-2022"),
    ("Sur la phase 2023-2027, ce sont 183 Territoires d'industrie qui s'engagent", "2023-2027"),
    ("21 territoires participeront à la nouvelle phase du programme.", "2023-2027"),
    ("les 183 territoires aujourd'hui labellisés", None),  # no new phase named: not decided here
    ("Pour le « Temps II », quatre nouveaux axes, qui ont émergé lors du « Temps I »", None),
    ("Dans l’Aube, deux territoires ont été labellisés", None),
])
def test_the_sentence_decides_the_phase_when_it_names_one(sentence, phase):
    assert registry.named_phase(sentence)[0] == phase


@pytest.fixture(scope="session")
def history(tmp_path_factory):
    """The real command, --strict, on tests/registry_corpus: (claims, coverage, doc_id per file
    name, warnings, the run's output)."""
    output = tmp_path_factory.mktemp("registry-history")
    printed = run(HISTORY, output, "--strict")
    documents = pq.read_table(output / "documents.parquet").to_pylist()
    return (pq.read_table(output / "claims.parquet").to_pylist(),
            pq.read_table(output / "coverage.parquet").to_pylist(),
            {d["source"]: d["doc_id"] for d in documents},
            pq.read_table(output / "warnings.parquet").to_pylist(), printed)


def test_a_coverage_shortfall_is_a_warning_even_with_strict(history):
    *_, doc_of, warnings, printed = history
    assert "3 seen, 3 published, 0 rejected" in printed  # --strict rejects doubts, not shortfalls
    assert warnings == [{"doc_id": doc_of["point_fin_2020_148.txt"], "check": "coverage_shortfall",
                         "detail": "France (FR), 2019-2022: 148 territories claimed, 0 in the "
                                   "registry; add the communiqués naming the others to complete it"}]
    assert f"  coverage: {warnings[0]['detail']}" in printed


def test_own_communiques_give_the_claims_of_their_gold(history):
    claims, _, doc_of, *_ = history
    counts = {(c["doc_id"], c["value"]): c for c in claims if c["unit"] == "territoire"}
    expected = 0
    for gold_file in sorted((HISTORY / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for entry in gold["claims"]:
            claim = counts[(doc_of[gold["document"]], float(entry["value"]))]
            assert (claim["unit"], claim["phase"], claim["scope_code"]) == (
                entry["unit"], entry["phase"], entry["scope"])
            assert (claim["as_of"].isoformat(), claim["as_of_precision"], claim["conflict"]) == (
                entry["as_of"], entry["as_of_precision"], entry["conflict"]), gold["document"]
            expected += 1
    assert expected == len(counts) == 4


def test_two_communiques_of_one_month_stating_different_national_counts_conflict(history):
    claims, _, doc_of, *_ = history
    november = [c for c in claims if c["unit"] == "territoire" and c["as_of"].year == 2019]
    assert {(c["doc_id"], c["value"], c["conflict"]) for c in november} == {
        (doc_of["bilan_un_an_144.txt"], 144.0, True),
        (doc_of["assemblee_generale_146.md"], 146.0, True)}
    # both are updated by the count of end 2020
    assert {c["superseded_by"] for c in november} == {doc_of["point_fin_2020_148.txt"]}


def test_a_communique_dating_its_counts_explicitly_gets_those_dates(history):
    claims, coverage, doc_of, *_ = history
    dated = [(c["value"], c["as_of"], c["as_of_precision"], c["as_of_rule"], c["superseded_by"])
             for c in claims if c["doc_id"] == doc_of["point_fin_2020_148.txt"]]
    assert dated == [  # published on 4 February 2021
        (124.0, date(2018, 11, 1), "month", "as_of.stated_month", doc_of["bilan_un_an_144.txt"]),
        (148.0, date(2020, 12, 1), "month", "as_of.stated_month", None)]
    (national,) = coverage
    assert (national["scope_code"], national["phase"], national["claimed"], national["doc_id"],
            national["found"]) == ("FR", "2019-2022", 148, doc_of["point_fin_2020_148.txt"], 0)


def _tables(*figures: tuple[str, float, float | None, str], rejected: str | None = None,
            unit: str = "territoire", dates: dict | None = None, approximate: tuple = ()) -> dict:
    """Minimal tables: one document per doc_id whose text is its sentences, published in
    November 2023 unless `dates` says otherwise; figures as (doc_id, value, value_max, sentence),
    the mention being the number where the sentence writes it."""
    doc_ids = sorted({f[0] for f in figures})
    dates = dates or {}
    texts = {d: "\n".join(dict.fromkeys(s for doc, _, _, s in figures if doc == d)) for d in doc_ids}
    documents = [{"doc_id": d, "title": "Territoires d'industrie 2023-2027", "text": texts[d],
                  "published_on": dates.get(d, date(2023, 11, i + 1)),
                  "status": "rejected" if d == rejected else "published"}
                 for i, d in enumerate(doc_ids)]
    rows = []
    for d, v, m, s in figures:
        number = f"{v:g}"
        local = s.find(number)
        if local < 0:
            local, number = 0, s[0]
        start = texts[d].find(s) + local
        rows.append({"doc_id": d, "value": v, "value_max": m, "unit": unit,
                     "approximate": d in approximate, "scope_code": "FR", "mention": number,
                     "start": start, "end": start + len(number), "sentence": s, "rule": "r"})
    return {"documents": documents, "territories": [], "epcis": [], "figures": rows}


def test_a_value_inside_another_sources_range_is_no_conflict():
    claims = registry.derive(_tables(("a", 140.0, 150.0, "entre 140 et 150 territoires"),
                                     ("b", 146.0, None, "146 territoires")))["claims"]
    assert [c["conflict"] for c in claims] == [False, False]
    claims = registry.derive(_tables(("a", 140.0, 145.0, "entre 140 et 145 territoires"),
                                     ("b", 146.0, None, "146 territoires")))["claims"]
    assert [c["conflict"] for c in claims] == [True, True]


def test_amounts_are_consolidated_but_not_compared():
    claims = registry.derive(_tables(("a", 2e6, None, "une enveloppe de près de 2 M€"),
                                     ("b", 2e8, None, "200 millions d'euros investis"),
                                     unit="euro"))["claims"]
    assert [(c["sources"], c["conflict"]) for c in claims] == [(2, None), (2, None)]


def test_a_document_stating_several_values_claims_the_largest():
    claims = registry.derive(_tables(("a", 13.0, None, "13 sur 15"), ("a", 15.0, None, "13 sur 15"),
                                     ("b", 15.0, None, "15 territoires")))["claims"]
    assert [(c["doc_id"], c["value"], c["conflict"]) for c in claims] == [("a", 15.0, False),
                                                                          ("b", 15.0, False)]


def test_rejected_documents_do_not_count():
    claims = registry.derive(_tables(("a", 146.0, None, "146"), ("b", 149.0, None, "149"),
                                     rejected="b"))["claims"]
    assert [(c["doc_id"], c["sources"], c["conflict"]) for c in claims] == [("a", 1, False)]


def _history(claims: list[dict]) -> list[tuple]:
    return [(c["doc_id"], c["value"], c["as_of"], c["conflict"], c["superseded_by"]) for c in claims]


def test_counts_of_the_same_month_with_no_value_in_common_conflict():
    tables = _tables(("a", 144.0, None, "Le programme réunit aujourd'hui 144 territoires."),
                     ("b", 146.0, None, "Les 146 territoires d'industrie se sont réunis."),
                     dates={"a": date(2019, 11, 14), "b": date(2019, 11, 26)})
    claims = registry.derive(tables)["claims"]
    assert _history(claims) == [("a", 144.0, date(2019, 11, 14), True, None),
                                ("b", 146.0, date(2019, 11, 26), True, None)]
    assert {c["phase"] for c in claims} == {"2019-2022"}  # dated before the second phase existed


def test_a_later_count_updates_the_earlier_one():
    tables = _tables(("a", 146.0, None, "Sur les 146 territoires que compte la France."),
                     ("b", 149.0, None, "Durant sa première phase, 149 territoires."),
                     ("c", 148.0, None, "Fin décembre 2020, on recensait 148 territoires."),
                     dates={"a": date(2019, 11, 19), "b": date(2023, 11, 14), "c": date(2021, 2, 4)})
    claims = registry.derive(tables)["claims"]
    assert _history(claims) == [("a", 146.0, date(2019, 11, 19), False, "c"),
                                ("c", 148.0, date(2020, 12, 1), False, "b"),
                                ("b", 149.0, date(2023, 11, 14), False, None)]
    assert claims[1]["as_of_precision"] == "month" and claims[1]["as_of_rule"] == "as_of.stated_month"


def test_an_undated_claim_is_never_compared():
    tables = _tables(("a", 146.0, None, "Sur les 146 territoires que compte la France."),
                     ("b", 120.0, None, "Les 120 territoires de la première phase."),
                     dates={"a": date(2019, 11, 19), "b": None})
    claims = registry.derive(tables)["claims"]
    assert _history(claims) == [("b", 120.0, None, False, None),
                                ("a", 146.0, date(2019, 11, 19), False, None)]
    assert claims[0]["as_of_precision"] is None and claims[0]["as_of_rule"] is None


def test_overlapping_stated_periods_are_the_same_time():
    # "en 2019" is the whole year: it overlaps a count of November 2019
    tables = _tables(("a", 141.0, None, "En 2019, 141 territoires étaient labellisés."),
                     ("b", 146.0, None, "Le programme compte 146 territoires."),
                     dates={"a": date(2020, 3, 2), "b": date(2019, 11, 19)})
    claims = registry.derive(tables)["claims"]
    assert [(c["value"], c["as_of"], c["as_of_precision"], c["conflict"]) for c in claims] == [
        (141.0, date(2019, 1, 1), "year", True), (146.0, date(2019, 11, 19), "day", True)]


def test_an_approximate_count_allows_values_near_it():
    near = _tables(("a", 150.0, None, "Près de 150 territoires sont labellisés."),
                   ("b", 146.0, None, "Le programme compte 146 territoires."), approximate=("a",))
    assert [c["conflict"] for c in registry.derive(near)["claims"]] == [False, False]
    far = _tables(("a", 150.0, None, "Près de 150 territoires sont labellisés."),
                  ("b", 120.0, None, "Le programme compte 120 territoires."), approximate=("a",))
    assert [c["conflict"] for c in registry.derive(far)["claims"]] == [True, True]


def test_values_a_document_gives_for_several_times_are_claims_of_their_own():
    sentence = "De 124 territoires identifiés en novembre 2018, ils sont aujourd'hui 144."
    tables = _tables(("a", 124.0, None, sentence), ("a", 144.0, None, sentence),
                     dates={"a": date(2019, 11, 14)})
    claims = registry.derive(tables)["claims"]
    assert _history(claims) == [("a", 124.0, date(2018, 11, 1), False, "a"),
                                ("a", 144.0, date(2019, 11, 14), False, None)]
    assert [c["phase"] for c in claims] == ["2019-2022", "2019-2022"]


def test_coverage_takes_the_latest_count_and_names_listed_territories_the_registry_lacks():
    tables = _tables(("a", 3.0, None, "Dans l'Aube, 3 territoires sont labellisés :"),
                     ("b", 2.0, None, "Dans l'Aube, 2 territoires sont labellisés :"),
                     dates={"a": date(2023, 11, 14), "b": date(2023, 5, 2)})
    for figure in tables["figures"]:
        figure["scope_code"] = "10"
    text = tables["documents"][0]["text"]
    tables["territories"] = [  # the list names one territory placed in the Marne only
        {"doc_id": "a", "territory_id": "ouest-champenois", "name": "Ouest Champenois",
         "start": len(text) - 1, "end": len(text), "phase": "2023-2027", "region_codes": ["44"],
         "departement_codes": ["51"]},
        {"doc_id": "b", "territory_id": "sud-champagne", "name": "Sud Champagne",
         "start": 0, "end": 1, "phase": "2023-2027", "region_codes": ["44"],
         "departement_codes": ["10"]}]
    tables["stated_counts"] = [{"doc_id": "a", "scope_code": "10", "scope_name": "Aube",
                                "phase": "2023-2027", "stated": 3, "listed": 1,
                                "list_start": len(text) - 1, "list_end": len(text)}]
    (row,) = registry.derive(tables)["coverage"]
    assert row == {"scope_code": "10", "scope_name": "Aube", "phase": "2023-2027", "claimed": 3,
                   "doc_id": "a", "as_of": date(2023, 11, 14), "found": 1, "missing": 2,
                   "missing_names": ["Ouest Champenois"]}


def test_a_code_both_region_and_departement_is_named_by_its_sentence():
    assert registry.scope_name("44", "3 territoires en Loire-Atlantique") == "Loire-Atlantique"
    assert registry.scope_name("44", "21 territoires dans le Grand Est") == "Grand Est"
    assert registry.scope_name("44", "21 territoires dans la région") == "Grand Est"
    assert registry.scope_name("10", "deux territoires") == "Aube"


def test_a_code_both_region_and_departement_is_named_as_the_document_names_it():
    page = "L'Aisne compte 4 territoires d'industrie. Les quatre territoires étaient déjà labellisés."
    assert registry.scope_name("02", "Les quatre territoires étaient déjà labellisés.", page) == "Aisne"
    assert registry.scope_name("02", "trois territoires", "La Martinique compte trois territoires.") == "Martinique"
    assert registry.scope_name("01", "deux territoires", "Certains territoires de Guadeloupe, deux au total.") == "Guadeloupe"
