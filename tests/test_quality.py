"""The Great Expectations gate: valid tables pass, and each kind of bad row is caught and named."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipeline import quality, referential, registry, storage
from pipeline.metadata import TABLES

ROOT = Path(__file__).resolve().parents[1]
DOC_ID = "0123456789abcdef"
TEXT = ("Troyes, le 14 novembre 2023. Le Territoire d'industrie Sud Champagne (Aube) entre dans "
        "la deuxième phase avec la CA Troyes Champagne Métropole. Au total, 21 territoires sont "
        "labellisés dans la région.")


def span(mention: str) -> dict:
    start = TEXT.index(mention)
    return {"mention": mention, "start": start, "end": start + len(mention)}


def valid_rows() -> dict[str, list[dict]]:
    """One plausible row per table, with real referential codes (Aube, Grand Est, Troyes agglo)."""
    rows = {
        "documents": [{"doc_id": DOC_ID, "source": "aube.txt", "format": "txt", "sha256": "a" * 64,
                       "title": "Sud Champagne", "issuer": "Préfet de l'Aube", "place": "Troyes",
                       "published_on": date(2023, 11, 14), "text": TEXT, "status": "published"}],
        "territories": [{"doc_id": DOC_ID, "territory_id": "sud-champagne", "name": "Sud Champagne",
                         **span("Sud Champagne"), "phase": "2023-2027", "region_codes": ["44"],
                         "departement_codes": ["10"], "rule": "territory.pattern"}],
        "epcis": [{"doc_id": DOC_ID, "territory_id": "sud-champagne", "siren": "200069250",
                   "name": "CA Troyes Champagne Métropole", "epci_type": "CA",
                   **span("CA Troyes Champagne Métropole"), "departement_codes": ["10"],
                   "match_score": 0.97, "rule": "epci.linked"}],
        "figures": [{"doc_id": DOC_ID, "value": 21.0, "value_max": None, "unit": "territoire",
                     "approximate": False, "scope_code": "44", **span("21 territoires"),
                     "sentence": "Au total, 21 territoires sont labellisés dans la région.",
                     "rule": "figure.count"}],
        "stated_counts": [{"doc_id": DOC_ID, "scope_code": "44", "scope_name": "Grand Est", "phase": "2023-2027", "stated": 21,
                           "listed": 21, **span("21 territoires"), "rule": "stated_count.list_intro",
                           "list_start": 0, "list_end": 10}],
        "rejections": [{"doc_id": None, "source": "broken.pdf", "stage": "read",
                        "reason": "The PDF could not be opened: it is encrypted."}],
        "warnings": [],
    }
    derived = registry.derive(rows)
    # a registry holding the 21 territories claimed: valid tables give no warning either
    derived["coverage"] = [{**row, "found": row["claimed"], "missing": 0} for row in derived["coverage"]]
    return {**rows, **derived}


def frames(rows: dict[str, list[dict]]) -> dict:
    """The DataFrames exactly as the flow builds them."""
    return {name: storage.to_frame(name, table_rows) for name, table_rows in rows.items()}


def validate_with(table: str, **changes) -> quality.QualityReport:
    """Validate the valid tables after changing columns of the first row of `table`."""
    rows = valid_rows()
    rows[table][0].update(changes)
    return quality.validate_tables(frames(rows), None)


def test_valid_tables_pass():
    report = quality.validate_tables(frames(valid_rows()), None)
    assert report.table_failures == []
    assert report.document_failures == {}
    assert report.success
    assert report.results_path is None


def test_valid_tables_pass_after_a_parquet_round_trip(tmp_path):
    """Published tables come back with other dtypes (numpy arrays for lists); `validate` sees those."""
    storage.publish(tmp_path, valid_rows())
    report = quality.validate_tables({name: storage.read_table(tmp_path, name) for name in TABLES}, None)
    assert report.table_failures == []
    assert report.document_failures == {}
    assert report.success


def test_empty_tables_pass():
    report = quality.validate_tables(frames({name: [] for name in TABLES}), None)
    assert report.success, report.table_failures


@pytest.mark.parametrize("table, changes, expected", [
    ("territories", {"territory_id": None}, "territories: column 'territory_id' has 1 null value(s)"),
    ("documents", {"doc_id": "NOT-A-HASH"}, "documents: column 'doc_id' has values not matching"),
    ("territories", {"phase": "2020"},
     "territories: column 'phase' has values outside ['2019-2022', '2023-2027']: ['2020']"),
    ("territories", {"departement_codes": ["10", "99"]},
     "territories: column 'departement_codes' has values outside the COG départements: ['99']"),
    ("territories", {"region_codes": ["45"]},
     "territories: column 'region_codes' has values outside the COG régions: ['45']"),
    ("epcis", {"departement_codes": ["2C"]},
     "epcis: column 'departement_codes' has values outside the COG départements: ['2C']"),
    ("epcis", {"siren": "200069251"},
     "epcis: column 'siren' has values failing the SIREN Luhn checksum: ['200069251']"),
    ("epcis", {"siren": "732829320"},  # a valid SIREN (Luhn) that is no EPCI
     "epcis: column 'siren' has values outside the EPCI referential: ['732829320']"),
    ("epcis", {"match_score": 1.5}, "epcis: column 'match_score' has values outside [0.0, 1.0]: [1.5]"),
    ("figures", {"unit": "kilometre"}, "figures: column 'unit' has values outside"),
    ("figures", {"value": -21.0}, "figures: column 'value' has values below 0.0: [-21.0]"),
    ("figures", {"scope_code": "ZZ"}, "figures: column 'scope_code' has values outside the COG"),
    ("documents", {"published_on": date.today() + timedelta(days=30)},  # parametrized at collection time
     "documents: column 'published_on' has values in the future"),
    ("rejections", {"stage": "publish"}, "rejections: column 'stage' has values outside"),
])
def test_a_bad_value_fails_the_table_naming_table_and_column(table, changes, expected):
    report = validate_with(table, **changes)
    assert not report.success
    assert any(expected in failure for failure in report.table_failures), report.table_failures


def test_a_duplicate_primary_key_fails():
    rows = valid_rows()
    rows["territories"].append(dict(rows["territories"][0], name="Sud-Champagne"))
    report = quality.validate_tables(frames(rows), None)
    assert not report.success
    assert [f for f in report.table_failures if f.startswith(
        "territories: primary key ['doc_id', 'territory_id'] has duplicate values: "
        "[('0123456789abcdef', 'sud-champagne')]")], report.table_failures


def test_a_wrong_column_list_fails():
    tables = frames(valid_rows())
    tables["figures"] = tables["figures"].drop(columns=["rule"])
    tables["epcis"] = tables["epcis"][list(reversed(TABLES["epcis"].column_names))]
    report = quality.validate_tables(tables, None)
    assert not report.success
    assert any(f.startswith("figures: columns") and "missing ['rule']" in f
               for f in report.table_failures), report.table_failures
    assert any(f.startswith("epcis: columns") for f in report.table_failures), report.table_failures


def test_a_missing_table_fails():
    tables = frames(valid_rows())
    del tables["rejections"]
    report = quality.validate_tables(tables, None)
    assert not report.success
    assert "rejections: table missing" in report.table_failures


@pytest.mark.parametrize("table, changes, expected", [
    ("territories", {"end": TEXT.index("Sud Champagne")},
     f"territories row 0: start {TEXT.index('Sud Champagne')} is not before end"),
    ("figures", {"mention": "22 territoires"},
     f"figures row 0: mention '22 territoires' does not match the text at {TEXT.index('21 terr')}-"),
    ("epcis", {"start": len(TEXT) + 1, "end": len(TEXT) + 5}, "epcis row 0: offsets"),
    ("figures", {"doc_id": "fedcba9876543210"}, "figures row 0: its document is not in the documents"),
])
def test_an_ungrounded_row_fails_its_document_only(table, changes, expected):
    report = validate_with(table, **changes)
    assert not report.success
    assert report.table_failures == []
    doc_id = changes.get("doc_id", DOC_ID)
    assert list(report.document_failures) == [doc_id]
    assert any(reason.startswith(expected) for reason in report.document_failures[doc_id]), \
        report.document_failures


def test_results_are_written_as_json(tmp_path):
    quality_dir = tmp_path / "quality"
    report = quality.validate_tables(frames(valid_rows()), quality_dir)
    path = report.results_path
    assert path is not None and path.parent == quality_dir
    assert path.name.startswith("validation-") and path.suffix == ".json"
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == json.loads((quality_dir / "latest.json").read_text(encoding="utf-8"))
    assert written["success"] is True
    assert set(written["validations"]) == {*TABLES, "references", "grounding", "stated_vs_listed",
                                           "stated_vs_listed_in_doubt", "coverage_shortfall"}
    assert all(v["success"] for v in written["validations"].values())
    assert not list(quality_dir.glob("*.tmp")) and not list(quality_dir.glob(".*"))


def test_failures_are_written_too(tmp_path):
    rows = valid_rows()
    rows["figures"][0]["unit"] = "kilometre"
    report = quality.validate_tables(frames(rows), tmp_path)
    written = json.loads(report.results_path.read_text(encoding="utf-8"))
    assert written["success"] is False
    assert written["table_failures"] == report.table_failures
    assert written["validations"]["figures"]["success"] is False


def test_a_successful_run_is_quiet(capfd):
    quality.validate_tables(frames(valid_rows()), None)
    out, err = capfd.readouterr()
    assert out == ""
    assert "ERROR" not in err and "Calculating Metrics" not in err, err


def test_suites_are_generated_from_the_metadata():
    suites = quality.build_suites()
    assert list(suites) == list(TABLES)
    for name, table in TABLES.items():
        configs = [e.configuration for e in suites[name].expectations]
        assert configs[0].kwargs["column_list"] == table.column_names
        not_null = {c.kwargs["column"] for c in configs
                    if c.type == "expect_column_values_to_not_be_null"}
        assert not_null == {f.name for f in table.fields if not f.nullable}
        in_set = {c.kwargs["column"]: c.kwargs["value_set"] for c in configs
                  if c.type == "expect_column_values_to_be_in_set"}
        assert in_set == {f.name: f.enum for f in table.fields if f.enum}


def test_the_committed_suites_are_the_generated_ones(tmp_path):
    """expectations/*.json must be regenerated (quality.write_suites) when the metadata changes."""
    committed = ROOT / "expectations"
    assert sorted(p.name for p in committed.glob("*.json")) == sorted(f"{n}.json" for n in TABLES)
    quality.write_suites(tmp_path)
    for path in committed.glob("*.json"):
        assert path.read_text(encoding="utf-8") == (tmp_path / path.name).read_text(encoding="utf-8"), \
            f"{path} is stale: run quality.write_suites(Path('expectations'))"


def test_luhn_accepts_every_referential_siren_and_rejects_a_changed_digit():
    sirens = list(referential.load().epcis)
    assert sirens and all(quality._luhn_valid(s) for s in sirens)
    assert not quality._luhn_valid("200069251")
    assert not quality._luhn_valid("20006925X")


def test_a_stated_count_differing_from_the_list_rejects_its_document_with_a_reason():
    report = validate_with("stated_counts", listed=20)
    assert not report.success
    assert report.table_failures == []
    assert report.document_failures == {DOC_ID: [
        "states 21 territories in Grand Est (44) for 2023-2027 ('21 territoires') but the list at "
        "0-10 ('Troyes, le') names 20"]}
    assert report.warnings == []


DOUBT = "the text ends inside the list: the page may have been cut"


def test_a_difference_in_doubt_publishes_the_document_with_a_warning():
    report = validate_with("stated_counts", listed=20, doubt=DOUBT)
    assert report.success and report.table_failures == [] and report.document_failures == {}
    assert report.warnings == [{
        "doc_id": DOC_ID, "check": "stated_vs_listed",
        "detail": "states 21 territories in Grand Est (44) for 2023-2027 ('21 territoires') but the "
                  f"list at 0-10 ('Troyes, le') names 20; not a proof of error, as {DOUBT} "
                  "(published; `communiques run --strict` rejects it)"}]


def test_a_count_in_doubt_equal_to_its_list_gives_no_warning():
    report = validate_with("stated_counts", doubt=DOUBT)
    assert report.success and report.warnings == [] and report.document_failures == {}


def test_the_warnings_table_is_the_gates_own_and_is_validated(tmp_path):
    rows = valid_rows()
    rows["stated_counts"][0].update(listed=20, doubt=DOUBT)
    rows["warnings"] = [{"doc_id": DOC_ID, "check": "stated_vs_listed", "detail": "made up"}]
    report = quality.validate_tables(frames(rows), tmp_path)
    assert [w["detail"].startswith("states 21") for w in report.warnings] == [True]
    written = json.loads(report.results_path.read_text(encoding="utf-8"))
    assert written["warnings"] == report.warnings
    assert written["validations"]["warnings"]["success"] is True
    outcomes = [(r["expectation_config"]["severity"], r["success"])
                for name in ("stated_vs_listed", "stated_vs_listed_in_doubt")
                for r in written["validations"][name]["results"]]
    assert outcomes == [("critical", True), ("warning", False)]


def test_validate_compares_the_published_warnings_with_the_gates():
    rows = valid_rows()
    rows["stated_counts"][0].update(listed=20, doubt=DOUBT)
    report = quality.validate_tables(frames(rows), None)
    published = storage.to_frame("warnings", report.warnings)
    assert quality.published_warnings_differ(published, report) == []
    assert quality.published_warnings_differ(published.iloc[0:0], report)[0].startswith(
        "warnings: the gate finds a doubt the published table lacks")
    extra = storage.to_frame("warnings", [*report.warnings, {"doc_id": DOC_ID,
                                                             "check": "stated_vs_listed",
                                                             "detail": "made up"}])
    assert quality.published_warnings_differ(extra, report) == [
        "warnings: the published table lists a doubt the gate does not find: "
        f"('{DOC_ID}', 'stated_vs_listed', 'made up')"]


def test_the_stated_count_check_appears_in_the_gx_results(tmp_path):
    report = quality.validate_tables(frames(valid_rows()), tmp_path)
    results = json.loads(report.results_path.read_text(encoding="utf-8"))
    assert "stated_vs_listed" in json.dumps(results)


def test_a_coverage_shortfall_is_a_warning_in_the_results_never_a_failure(tmp_path):
    rows = valid_rows()
    rows.update(registry.derive(rows))  # 21 territories claimed in Grand Est, one in the registry
    assert [(r["claimed"], r["found"], r["missing"]) for r in rows["coverage"]] == [(21, 1, 20)]
    report = quality.validate_tables(frames(rows), tmp_path)
    assert report.success and report.table_failures == [] and report.document_failures == {}
    assert report.warnings == [{
        "doc_id": DOC_ID, "check": "coverage_shortfall",
        "detail": "Grand Est (44), 2023-2027: 21 territories claimed, 1 in the registry; add the "
                  "communiqués naming the others to complete it"}]
    results = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    assert results["success"] and results["warnings"] == report.warnings
    (outcome,) = results["validations"]["coverage_shortfall"]["results"]
    assert not outcome["success"] and outcome["expectation_config"]["severity"] == "warning"
    assert results["validations"]["warnings"]["success"]  # the warnings table holds it
    # about the registry, not the document: not a rejection, even with --strict
    assert quality.rejections(report, strict=True) == {}


def test_no_coverage_warning_when_the_registry_holds_the_claimed_territories():
    rows = valid_rows()
    rows["figures"][0].update(value=1.0)  # one territory claimed, the one in the registry
    rows.update(registry.derive(rows))
    report = quality.validate_tables(frames(rows), None)
    assert report.success and report.warnings == []
