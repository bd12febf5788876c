"""Publishing tables as Parquet, never half-written.

Every file is written to a temporary name in the output folder, flushed to disk, then renamed over
the old one (an atomic step on POSIX), so a reader or a crash sees either the previous table or the
new one. Schemas come from pipeline.metadata.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.metadata import TABLES, datapackage

PUBLISHED_MODE = 0o644


def to_arrow(table_name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table with the contract's schema and column order."""
    schema = TABLES[table_name].arrow_schema()
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def to_frame(table_name: str, rows: list[dict]) -> pd.DataFrame:
    """The same table as pandas (what the quality gate validates)."""
    frame = pd.DataFrame(rows, columns=TABLES[table_name].column_names)
    return frame.astype(object).where(frame.notna(), None) if len(frame) else frame


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, PUBLISHED_MODE)  # mkstemp makes 0600; analysts must read the tables
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_table(output_dir: Path, table_name: str, table: pa.Table) -> Path:
    path = output_dir / TABLES[table_name].file_name
    _atomic_write(path, lambda tmp: pq.write_table(table, tmp))
    return path


def write_json(path: Path, payload: dict) -> None:
    def dump(tmp: str) -> None:
        Path(tmp).write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n",
                             encoding="utf-8")
    _atomic_write(path, dump)


def publish(output_dir: Path, tables: dict[str, list[dict]]) -> dict[str, int]:
    """Write every table and datapackage.json; returns rows per table.

    All Arrow tables are built (and so type-checked) before the first file is replaced, so a bad
    row cannot leave a mix of new and old tables behind.
    """
    arrow_tables = {name: to_arrow(name, tables.get(name, [])) for name in TABLES}
    for name, table in arrow_tables.items():
        write_table(output_dir, name, table)
    write_json(output_dir / "datapackage.json", datapackage())
    return {name: table.num_rows for name, table in arrow_tables.items()}


def read_table(output_dir: Path, table_name: str) -> pd.DataFrame:
    return pq.read_table(output_dir / TABLES[table_name].file_name).to_pandas()
