"""Publishing tables as Parquet, never half-written, all of them or none.

A run writes every table, datapackage.json and the state file (pipeline.state) into a staging
folder inside the output folder (`.staging-<pid>/`), each file flushed to disk. Renaming that
folder to `.commit/` is the commit point, one atomic step: before it the previous tables are
untouched and the staging folder is garbage; after it the files are moved into place one by one
(atomic renames, so a reader sees the old file or the new one, never a partial one), the state
file last, and `.commit/` is removed. A process killed between two moves leaves `.commit/` behind;
the next run (recover) finishes moving it before anything else, so the tables and the state end
up from the same publish. Schemas come from pipeline.metadata.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.metadata import TABLES, datapackage
from pipeline.state import STATE_FILE, State, pause_point, sha256_of

PUBLISHED_MODE = 0o644
STAGING_PREFIX, COMMIT_DIR = ".staging-", ".commit"


def to_arrow(table_name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table with the contract's schema and column order."""
    schema = TABLES[table_name].arrow_schema()
    columns = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def to_frame(table_name: str, rows: list[dict]) -> pd.DataFrame:
    """The same table as pandas (what the quality gate validates)."""
    columns = TABLES[table_name].column_names
    # Object columns built directly: values stay the rows' own objects, nulls stay None.
    return pd.DataFrame({name: pd.Series([row.get(name) for row in rows], dtype=object)
                         for name in columns}, columns=columns)


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


def publish(output_dir: Path, tables: dict[str, list[dict]],
            state: State | None = None) -> dict[str, int]:
    """Write every table and datapackage.json, and the state if given; returns rows per table.

    Tables are converted to Arrow (and so type-checked) and written one at a time, so that only
    one is held in memory; a bad row stops the publish before its commit point, leaving the
    previous tables untouched.
    """
    if (output_dir / COMMIT_DIR).exists():  # a publish that failed after its commit point
        _move_committed(output_dir)
    staging = output_dir / f"{STAGING_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    counts = {}
    try:
        for name in TABLES:
            table = to_arrow(name, tables.get(name, []))
            counts[name] = table.num_rows
            write_table(staging, name, table)
            del table  # before the next one is built
        write_json(staging / "datapackage.json", datapackage())
        if state is not None:
            files = {path.name: sha256_of(path) for path in sorted(staging.iterdir())}
            write_json(staging / STATE_FILE, {**state.to_json(), "files": files})
        _fsync_folder(staging)
        staging.rename(output_dir / COMMIT_DIR)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_folder(output_dir)
    _move_committed(output_dir)
    return counts


def _move_committed(output_dir: Path) -> None:
    """Move the files of a committed publish into place, the state file last; idempotent, so
    a publish killed halfway is finished by the next call."""
    commit = output_dir / COMMIT_DIR
    names = sorted(path.name for path in commit.iterdir() if path.name != STATE_FILE)
    for moved, name in enumerate(names, start=1):
        os.replace(commit / name, output_dir / name)
        if moved == len(names) // 2:
            pause_point("publish")  # test hook: old and new tables side by side
    if (commit / STATE_FILE).exists():
        os.replace(commit / STATE_FILE, output_dir / STATE_FILE)
    _fsync_folder(output_dir)
    commit.rmdir()


def recover(output_dir: Path) -> None:
    """Finish a publish killed after its commit point; drop the staging folders of runs killed
    before theirs. Call it only while holding the output folder (state.locked)."""
    if (output_dir / COMMIT_DIR).exists():
        _move_committed(output_dir)
    for staging in output_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(staging)


def _fsync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (POSIX: fsync the directory)."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def read_rows(output_dir: Path, table_name: str) -> list[dict]:
    return pq.read_table(output_dir / TABLES[table_name].file_name).to_pylist()


def read_table(output_dir: Path, table_name: str) -> pd.DataFrame:
    return pq.read_table(output_dir / TABLES[table_name].file_name).to_pandas()
