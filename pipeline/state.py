"""What the published tables already hold, so that a run processes only the rest.

The published tables are the state: documents.parquet has a row per document processed, keyed by
doc_id (a hash of the file's bytes), and every other table carries doc_id. `_state.json`, the last
file each publish moves into the output folder (pipeline.storage), adds what the tables cannot say:

- `version`: the extraction version the tables were made with (extraction_version). When it
  changes, every document is processed again;
- `inputs`: the input files the run saw (source path -> doc_id), so that a run over unchanged
  inputs is recognised from a scan of the input folder alone;
- `files`: the sha256 of every published file. Tables edited or replaced by hand are never
  mistaken for the state: every document is then processed again;
- `summary`: what the run that published the tables printed, printed again by a run with
  nothing to do.

This module imports no more than the standard library, the referential and the readers' list of
formats, because `communiques run` decides here, before Prefect, spaCy or Great Expectations are
imported, that there is nothing to do.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from pipeline import referential
from pipeline.read import SUPPORTED_FORMATS, max_file_bytes

STATE_FILE = "_state.json"
LOCK_FILE = ".lock"
STATE_FORMAT = 1
PACKAGE_DIR = Path(__file__).parent
PAUSE_VARIABLE = "COMMUNIQUES_TEST_PAUSE_AT"


class UnusableInput(Exception):
    """The input folder cannot be processed at all (exit status 2)."""


# ---------------------------------------------------------------- the input folder

def discover(input_dir: Path) -> list[Path]:
    """Every communiqué under `input_dir` (sub-folders walked), in a stable order."""
    if not input_dir.exists():
        raise UnusableInput(f"input folder {input_dir} does not exist; pass --input DIR")
    if not input_dir.is_dir():
        raise UnusableInput(f"input {input_dir} is not a folder; pass --input DIR")
    files = sorted(p for p in input_dir.rglob("*")
                   if (p.is_file() or _is_broken_link(p)) and p.suffix.lower() in SUPPORTED_FORMATS
                   and not any(part.startswith(".") for part in p.relative_to(input_dir).parts))
    if not files:
        raise UnusableInput(f"no communiqué found in {input_dir} (looked for "
                            f"{', '.join(sorted(SUPPORTED_FORMATS))} files)")
    return files


def _is_broken_link(path: Path) -> bool:
    """A symbolic link to a file that is gone: listed, to be rejected, rather than dropped."""
    return path.is_symlink() and not path.exists()


@dataclass(frozen=True)
class InputFile:
    """A file of the input folder and the sha256 of its bytes (None, and why, if unreadable;
    for a symbolic link to a file that is gone, the link's target)."""

    source: str
    path: Path
    sha256: str | None
    error: str | None = None
    missing_target: str | None = None

    @property
    def doc_id(self) -> str | None:
        return self.sha256[:16] if self.sha256 else None


def unreadable(source: str, why: str) -> dict:
    """The rejection of a file that cannot be read. It is not recorded as processed, so the next
    run tries it again (the error may be transient)."""
    return {"doc_id": None, "source": source, "stage": "read",
            "reason": f"cannot read the file ({why}); check its permissions"}


def broken_link(source: str, target: str) -> dict:
    """The rejection of a symbolic link whose file is gone (tried again by the next run too)."""
    return {"doc_id": None, "source": source, "stage": "read",
            "reason": f"cannot read the file: it is a symbolic link to {target}, which does not "
                      "exist; fix or remove the link"}


@dataclass(frozen=True)
class Inventory:
    """The input files of a run, hashed: the documents they hold, the files that are not ones."""

    files: tuple[InputFile, ...]

    @property
    def documents(self) -> dict[str, InputFile]:
        """doc_id -> the first file (by path) holding those bytes: same content, same document."""
        documents: dict[str, InputFile] = {}
        for file in self.files:
            if file.doc_id:
                documents.setdefault(file.doc_id, file)
        return documents

    @property
    def inputs(self) -> dict[str, str | None]:
        return {file.source: file.doc_id for file in self.files}

    def notices(self) -> list[dict]:
        """Rejections about files rather than documents (unreadable, or a copy of another file);
        made again from the input folder by every run."""
        documents, notices = self.documents, []
        for file in self.files:
            if file.missing_target is not None:
                notices.append(broken_link(file.source, file.missing_target))
            elif file.doc_id is None:
                notices.append(unreadable(file.source, file.error))
            elif documents[file.doc_id] is not file:
                notices.append({"doc_id": file.doc_id, "source": file.source, "stage": "read",
                                "reason": f"same content as {documents[file.doc_id].source}; "
                                          "it is processed once under that name"})
        return notices


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def hash_files(input_dir: Path, paths: list[Path]) -> Inventory:
    files = []
    for path in paths:
        source = path.relative_to(input_dir).as_posix()
        try:
            sha256 = sha256_of(path)
        except OSError as error:
            target = os.readlink(path) if _is_broken_link(path) else None
            files.append(InputFile(source, path, None, error.strerror or str(error), target))
            continue
        files.append(InputFile(source, path, sha256))
    return Inventory(tuple(files))


def scan(input_dir: Path) -> Inventory:
    return hash_files(input_dir, discover(input_dir))


# ---------------------------------------------------------------- the extraction version

# Modules that do not shape a document's rows (tables derived from all rows, file writing, the
# command line, the review page, scoring, settings, fetching from the web, dating claims): editing
# them reprocesses nothing. A new module is part of the version until it is added here.
NOT_IN_VERSION = {"cli.py", "report.py", "evaluate.py", "storage.py", "registry.py", "settings.py",
                  "fetch", "as_of.py", "data/as_of.json", "data/report_labels.json"}


def extraction_version() -> str:
    """What the rows depend on besides the inputs: the package's code (NOT_IN_VERSION aside)
    and rule files, the referential, the size limit on input files, and the installed versions
    of the dependencies (the spaCy model, the PDF reader and the fuzzy matcher change rows too).
    Any change means every document is processed again."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.json")]):
        relative = path.relative_to(PACKAGE_DIR)
        if relative.as_posix() in NOT_IN_VERSION or relative.parts[0] in NOT_IN_VERSION:
            continue
        digest.update(f"{path.relative_to(PACKAGE_DIR).as_posix()}\0".encode())
        digest.update(path.read_bytes())
    digest.update(f"referential {referential.load().version}\0".encode())
    digest.update(f"max file bytes {max_file_bytes()}\0".encode())
    for requirement in metadata.requires("communiques") or []:
        if "extra ==" not in requirement:
            name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
            digest.update(f"{name} {metadata.version(name)}\0".encode())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- the state file

@dataclass
class State:
    version: str
    inputs: dict[str, str | None]
    summary: dict
    files: dict[str, str] = field(default_factory=dict)  # published file -> sha256 (storage)
    format: int = STATE_FORMAT

    def to_json(self) -> dict:
        return asdict(self)


def read_state(output_dir: Path) -> tuple[State | None, str]:
    """The state of the published tables, or None and why they cannot be trusted as a state."""
    path = output_dir / STATE_FILE
    if not path.exists():
        return None, f"no previous run has published into {output_dir}"
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        state = State(**payload) if payload.get("format") == STATE_FORMAT else None
    except (OSError, ValueError, TypeError):
        state = None
    if state is None:
        return None, f"{path} is unreadable or from another version of communiques"
    for name, sha256 in state.files.items():
        if not (output_dir / name).is_file() or sha256_of(output_dir / name) != sha256:
            return None, (f"{output_dir / name} is not the file the last run published "
                          "(edited, replaced or removed)")
    return state, ""


def up_to_date(output_dir: Path, inventory: Inventory) -> State | None:
    """The state of the published tables if they hold exactly these inputs, processed by this
    version of the extraction: then there is nothing to do."""
    state, _ = read_state(output_dir)
    if state and state.inputs == inventory.inputs and state.version == extraction_version():
        return state
    return None


# ---------------------------------------------------------------- one run at a time

@contextmanager
def locked(output_dir: Path, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder for a run: two runs publishing into one folder would interleave.

    A flock, so the kernel releases it when the process dies, even by SIGKILL."""
    output_dir.mkdir(parents=True, exist_ok=True)
    with open(output_dir / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait(f"another run is publishing into {output_dir}; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------- test hook

def pause_point(name: str) -> None:
    """Test hook for the crash tests (tests/test_operations.py): when COMMUNIQUES_TEST_PAUSE_AT
    names this point (extract, validate or publish), print a marker and wait to be killed.
    Read at each call; unset in normal use, where it costs one lookup per call."""
    if os.environ.get(PAUSE_VARIABLE) == name:
        print(f"paused at {name}", flush=True)
        time.sleep(3600)
