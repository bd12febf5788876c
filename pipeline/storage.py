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
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.metadata import TABLES, datapackage
from pipeline.lifetime import uninterruptible
from pipeline.state import STATE_FILE, State, pause_point, read_state_payload, sha256_of

PUBLISHED_MODE = 0o644
STAGING_PREFIX, COMMIT_DIR = ".staging-", ".commit"
LATEST_RESULTS = "quality/latest.json"


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


def publish(output_dir: Path, tables: dict[str, list[dict]], state: State | None = None,
            extra: Callable[[Path], None] | None = None) -> dict[str, int]:
    """Write every table and datapackage.json, then `extra(staging folder)` (the quality
    results), and the state if given; returns rows per table.

    Tables are converted to Arrow (and so type-checked) and written one at a time, so that only
    one is held in memory; a bad row stops the publish before its commit point, leaving the
    previous tables untouched. The state records the sha256 of every file it covers
    (COVERED) and the rows of every table, which `verify` checks.
    """
    if (output_dir / COMMIT_DIR).exists():  # a publish that failed after its commit point
        with uninterruptible():
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
        if extra is not None:
            extra(staging)
        if state is not None:
            files = {name: sha256_of(staging / name) for name in _covered(staging)}
            rows = {TABLES[name].file_name: count for name, count in counts.items()}
            write_json(staging / STATE_FILE, {**state.to_json(), "files": files, "rows": rows})
        _fsync_tree(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with uninterruptible():  # a stop signal waits for the moves: never a mix of two publishes
        staging.rename(output_dir / COMMIT_DIR)
        _fsync_folder(output_dir)
        _move_committed(output_dir)
    return counts


# Files whose sha256 the state records: the tables, their dictionary and the quality results
# they passed (the Data Docs pages are a view of those results).
COVERED = [*(table.file_name for table in TABLES.values()), "datapackage.json", LATEST_RESULTS]


def _covered(folder: Path) -> list[str]:
    return [name for name in COVERED if (folder / name).is_file()]


def _move_committed(output_dir: Path) -> None:
    """Move the files of a committed publish into place: those of sub-folders (the quality
    results) first, then the tables, the state file last; idempotent, so a publish killed
    halfway is finished by the next call."""
    commit = output_dir / COMMIT_DIR
    files = sorted(path.relative_to(commit).as_posix() for path in commit.rglob("*")
                   if not path.is_dir() and path.name != STATE_FILE)
    nested = [name for name in files if "/" in name]
    tables = [name for name in files if "/" not in name]
    for name in nested:
        (output_dir / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(commit / name, output_dir / name)
    for folder in {(output_dir / name).parent for name in nested}:
        _fsync_folder(folder)
    for moved, name in enumerate(tables, start=1):
        os.replace(commit / name, output_dir / name)
        if moved == len(tables) // 2:
            pause_point("publish")  # test hook: old and new tables side by side
    if (commit / STATE_FILE).exists():
        os.replace(commit / STATE_FILE, output_dir / STATE_FILE)
    _fsync_folder(output_dir)
    shutil.rmtree(commit)  # only empty folders are left


def recover(output_dir: Path) -> None:
    """Finish a publish killed after its commit point; drop the staging folders of runs killed
    before theirs. Call it only while holding the output folder (state.locked)."""
    if (output_dir / COMMIT_DIR).exists():
        with uninterruptible():
            _move_committed(output_dir)
    for staging in output_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(staging)


def verify(output_dir: Path) -> list[str]:
    """What makes the files of `output_dir` differ from what the last publish wrote: a publish
    interrupted while moving its files, a file changed, replaced or removed since (by its
    sha256 and, for tables, its rows), a missing record. Empty when they are as published."""
    if (output_dir / COMMIT_DIR).exists():
        return [f"a publish was interrupted while moving its files into {output_dir}: the tables "
                "mix two runs; `communiques run` finishes moving them"]
    payload = read_state_payload(output_dir)
    if payload is None:
        return [f"{output_dir / STATE_FILE} is missing, unreadable or from another version of "
                "communiques: nothing says which tables were published; run `communiques run`"]
    problems = []
    for name, sha256 in payload["files"].items():
        path = output_dir / name
        if not path.is_file():
            problems.append(f"{name} was published and is gone")
        elif sha256_of(path) != sha256:
            published, now = payload["rows"].get(name), _rows(path)
            count = (f" ({published} rows published, {now} now)"
                     if published is not None and now is not None and now != published else "")
            problems.append(f"{name} was changed after it was published{count}: it is not the "
                            "file the last run wrote (edited or replaced by hand?); run "
                            "`communiques run` to publish the tables again")
    return problems


def _rows(path: Path) -> int | None:
    try:
        return pq.read_metadata(path).num_rows
    except (OSError, pa.ArrowException):
        return None


def _fsync_tree(folder: Path) -> None:
    """Flush every file and folder under `folder` to disk (files written by other code too)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            _fsync_folder(path)
        else:
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_folder(folder)


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
