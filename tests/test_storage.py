"""Publishing: schemas from the metadata, atomic replacement, data dictionary."""

from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import storage
from pipeline.metadata import TABLES, datapackage
from pipeline.state import State, read_state

DOCUMENT = {"doc_id": "0123456789abcdef", "source": "a.txt", "format": "txt", "sha256": "0" * 64,
            "title": None, "issuer": None, "place": "Troyes", "published_on": date(2023, 11, 14),
            "text": "21 territoires", "status": "published"}


def test_publish_writes_every_table_with_its_schema(tmp_path):
    counts = storage.publish(tmp_path, {"documents": [DOCUMENT]})
    assert counts == {name: 0 for name in TABLES} | {"documents": 1}
    for table in TABLES.values():
        assert pq.read_schema(tmp_path / table.file_name).names == table.column_names
    assert pq.read_table(tmp_path / "documents.parquet").column("published_on")[0].as_py() == date(2023, 11, 14)
    assert not list(tmp_path.glob("*.tmp"))
    assert (tmp_path / "documents.parquet").stat().st_mode & 0o777 == 0o644


def test_a_bad_row_leaves_the_previous_tables_untouched(tmp_path):
    storage.publish(tmp_path, {"documents": [DOCUMENT]})
    before = (tmp_path / "documents.parquet").read_bytes()
    bad = {**DOCUMENT, "doc_id": None}  # doc_id is not nullable
    with pytest.raises((pa.ArrowInvalid, ValueError, TypeError)):
        storage.publish(tmp_path, {"documents": [bad]})
    assert (tmp_path / "documents.parquet").read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_crash_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    storage.publish(tmp_path, {"documents": [DOCUMENT]})
    before = (tmp_path / "documents.parquet").read_bytes()

    def crash(table, where):
        open(where, "wb").write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", crash)
    with pytest.raises(OSError):
        storage.write_table(tmp_path, "documents", storage.to_arrow("documents", [DOCUMENT]))
    assert (tmp_path / "documents.parquet").read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))


def test_datapackage_describes_every_column_from_the_metadata():
    package = datapackage()
    for resource in package["resources"]:
        table = TABLES[resource["name"]]
        assert [f["name"] for f in resource["schema"]["fields"]] == table.column_names
        assert all(f["description"] for f in resource["schema"]["fields"])
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    unit = next(f for f in figures["schema"]["fields"] if f["name"] == "unit")
    assert "territoire" in unit["constraints"]["enum"]


def test_the_state_covers_the_tables_and_the_quality_results_they_passed(tmp_path):
    def quality_results(staging):
        storage.write_json(staging / storage.LATEST_RESULTS, {"success": True})

    storage.publish(tmp_path, {"documents": [DOCUMENT]}, State("v1", {"a.txt": "x"}, {}),
                    extra=quality_results)
    recorded, _ = read_state(tmp_path)
    assert set(recorded.files) == {*(t.file_name for t in TABLES.values()), "datapackage.json",
                                   storage.LATEST_RESULTS}
    assert recorded.rows["documents.parquet"] == 1 and recorded.rows["figures.parquet"] == 0
    assert storage.verify(tmp_path) == []

    storage.write_json(tmp_path / storage.LATEST_RESULTS, {"success": False})
    (problem,) = storage.verify(tmp_path)
    assert problem.startswith("quality/latest.json was changed after it was published")
    (tmp_path / "figures.parquet").unlink()
    assert "figures.parquet was published and is gone" in storage.verify(tmp_path)
