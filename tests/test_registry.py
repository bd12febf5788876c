"""Consolidation across documents: the territories registry and the claims with their conflicts."""

from __future__ import annotations

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
BASE_TABLES = ("documents", "territories", "epcis", "figures")
GRAND_EST_2019 = "001_078b07c576263f97.txt"
GRAND_EST_2023 = "000_ed8916e6866e8557.txt"
SELECTION_2023 = "004_b69cd6689183cdb1.txt"


@pytest.fixture(scope="session")
def seeds(tmp_path_factory):
    """The real command on the seeds; (published tables as rows, derive() of them, source of doc_id)."""
    output = tmp_path_factory.mktemp("registry-seeds")
    result = subprocess.run([COMMAND, "run", "--input", str(ROOT / "raw"), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert result.returncode == 0, result.stdout + result.stderr
    tables = {name: pq.read_table(output / f"{name}.parquet").to_pylist()
              for name in (*BASE_TABLES, "territories_registry", "claims")}
    derived = registry.derive({name: tables[name] for name in BASE_TABLES})
    doc_of = {d["source"]: d["doc_id"] for d in tables["documents"]}
    return tables, derived, doc_of


def test_the_published_tables_are_derive_of_the_published_rows(seeds):
    tables, derived, _ = seeds
    assert tables["territories_registry"] == derived["territories_registry"]
    assert tables["claims"] == derived["claims"]


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


def test_146_against_149_first_phase_territories_is_a_conflict(seeds):
    _, derived, doc_of = seeds
    claims = _claims(derived, "territoire", "2019-2022", "FR")
    values = {c["doc_id"]: c["value"] for c in claims}
    assert values == {doc_of[GRAND_EST_2019]: 146.0, doc_of[GRAND_EST_2023]: 149.0,
                      doc_of[SELECTION_2023]: 149.0}
    assert all(c["conflict"] and c["sources"] == 3 for c in claims)
    dated = {c["doc_id"]: c["published_on"] for c in claims}
    assert dated[doc_of[GRAND_EST_2023]] == date(2023, 11, 14)


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


def _tables(*figures: tuple[str, float, float | None, str], rejected: str | None = None,
            unit: str = "territoire") -> dict:
    """Minimal tables: one document per doc_id, figures as (doc_id, value, value_max, sentence)."""
    doc_ids = sorted({f[0] for f in figures})
    documents = [{"doc_id": d, "title": "Territoires d'industrie 2023-2027",
                  "published_on": date(2023, 11, i + 1),
                  "status": "rejected" if d == rejected else "published"}
                 for i, d in enumerate(doc_ids)]
    rows = [{"doc_id": d, "value": v, "value_max": m, "unit": unit, "approximate": False,
             "scope_code": "FR", "mention": "x", "start": 0, "end": 1, "sentence": s, "rule": "r"}
            for d, v, m, s in figures]
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


def test_a_code_both_region_and_departement_is_named_by_its_sentence():
    assert registry.scope_name("44", "3 territoires en Loire-Atlantique") == "Loire-Atlantique"
    assert registry.scope_name("44", "21 territoires dans le Grand Est") == "Grand Est"
    assert registry.scope_name("44", "21 territoires dans la région") == "Grand Est"
    assert registry.scope_name("10", "deux territoires") == "Aube"
