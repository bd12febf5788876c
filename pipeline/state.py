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
- `rows`: the rows of every published table, for `communiques validate` to name what changed;
- `seen`: the stat signature and sha256 of every input file, so that a run does not read a
  file again while its size, times and inode stay the same;
- `summary`: what the run that published the tables printed, printed again by a run with
  nothing to do.

This module imports no more than the standard library, the referential and the readers' list of
formats, because `communiques run` decides here, before Prefect, spaCy or Great Expectations are
imported, that there is nothing to do.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from pipeline import referential
from pipeline.read import SUPPORTED_FORMATS, ReadError, check_size
from pipeline.read.limits import LIMITS

STATE_FILE = "_state.json"
LOCK_FILE = ".lock"
STATE_FORMAT = 2
PACKAGE_DIR = Path(__file__).parent
PAUSE_VARIABLE = "COMMUNIQUES_TEST_PAUSE_AT"


class UnusableInput(Exception):
    """The input folder cannot be processed at all (exit status 2)."""


# ---------------------------------------------------------------- the input folder

def discover(input_dir: Path, output_dir: Path | None = None) -> list[Path]:
    """Every communiqué under `input_dir` (sub-folders walked), in a stable order.

    Files are listed by name (a supported extension, not hidden), links and special files too,
    so that hash_files rejects them with a reason rather than dropping them; so are links to
    folders outside `input_dir`. Never walked: hidden folders, links to folders, the output
    folder `output_dir` wherever it is, and any folder holding a STATE_FILE (the output folder
    of another run), whose Data Docs pages would otherwise be read as communiqués.
    """
    if not input_dir.exists():
        raise UnusableInput(f"input folder {input_dir} does not exist; pass --input DIR")
    if not input_dir.is_dir():
        raise UnusableInput(f"input {input_dir} is not a folder; pass --input DIR")
    if (input_dir / STATE_FILE).exists():
        raise UnusableInput(f"{input_dir} is an output folder of communiques (it holds "
                            f"{STATE_FILE}), not a folder of communiqués; pass --input DIR")
    inside = os.path.realpath(input_dir)
    skipped = {os.path.realpath(output_dir)} if output_dir is not None else set()
    files = []
    for folder, folders, names in os.walk(input_dir):
        walked = []
        for name in folders:
            path = os.path.join(folder, name)
            real = os.path.realpath(path)
            if name.startswith(".") or real in skipped or os.path.exists(os.path.join(path, STATE_FILE)):
                continue
            if not os.path.islink(path):
                walked.append(name)
            elif not _within(real, inside):
                files.append(Path(path))  # rejected: a link leading outside
        folders[:] = walked
        files += [Path(folder, name) for name in names
                  if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_FORMATS]
    if not files:
        raise UnusableInput(f"no communiqué found in {input_dir} (looked for "
                            f"{', '.join(sorted(SUPPORTED_FORMATS))} files)")
    return sorted(files)


def _within(real_path: str, folder: str) -> bool:
    return os.path.commonpath([real_path, folder]) == folder


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def safe_name(name: str) -> str:
    """A file name as text that can be written anywhere (Parquet, JSON, a terminal): bytes that
    are not UTF-8 and control characters become \\xNN escapes ("caf\\xe9.txt")."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _CONTROL_CHARACTERS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


@dataclass(frozen=True)
class InputFile:
    """A file of the input folder: the sha256 of its bytes, or why it is not a document
    (`problem`, the reason of its rejection), and its stat signature (see hash_files)."""

    source: str
    path: Path
    sha256: str | None
    problem: str | None = None
    signature: tuple[int, int, int, int] | None = None

    @property
    def doc_id(self) -> str | None:
        return self.sha256[:16] if self.sha256 else None


def cannot_read(error: OSError) -> str:
    """Why a file could not be read, and what to do."""
    why = error.strerror or str(error)
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"cannot read the file ({why}); check its permissions"
    return f"cannot read the file ({why}); copy it into the folder again"


def unreadable(source: str, error: OSError) -> dict:
    """The rejection of a file that cannot be read. It is not recorded as processed, so the next
    run tries it again (the error may be transient)."""
    return {"doc_id": None, "source": source, "stage": "read", "reason": cannot_read(error)}


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

    @property
    def seen(self) -> dict[str, list]:
        """source -> stat signature and sha256 of the files hashed: what the next scan needs
        to know that a file is unchanged without reading it."""
        return {file.source: [*file.signature, file.sha256] for file in self.files
                if file.signature is not None}

    def notices(self) -> list[dict]:
        """Rejections about files rather than documents (links, special, empty, too large or
        unreadable files, copies of another file); made again from the input folder by every
        run."""
        documents, notices = self.documents, []
        for file in self.files:
            if file.problem is not None:
                notices.append({"doc_id": None, "source": file.source, "stage": "read",
                                "reason": file.problem})
            elif documents[file.doc_id] is not file:
                notices.append({"doc_id": file.doc_id, "source": file.source, "stage": "read",
                                "reason": f"same content as {documents[file.doc_id].source}; "
                                          "it is processed once under that name"})
        return notices


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def hash_files(input_dir: Path, paths: list[Path], seen: dict[str, list] | None = None) -> Inventory:
    """Each file's sha256, once what it is (a regular file inside `input_dir`) and its size
    (not empty, not over the limit) allow it to be a document: checked first, from its stat.

    A file whose stat signature (size, modification and change times, inode) is the one `seen`
    (a previous scan's Inventory.seen) gives is not read again: its sha256 is taken from there.
    """
    inside, seen = os.path.realpath(input_dir), seen or {}
    files = []
    for path in paths:
        source = safe_name(path.relative_to(input_dir).as_posix())
        try:
            info = _examine(path, inside)
        except _NotADocument as problem:
            files.append(InputFile(source, path, None, str(problem)))
            continue
        signature = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        known = seen.get(source)
        if known and tuple(known[:4]) == signature:
            files.append(InputFile(source, path, known[4], None, signature))
            continue
        try:
            files.append(InputFile(source, path, sha256_of(path), None, signature))
        except OSError as error:
            files.append(InputFile(source, path, None, cannot_read(error)))
    return Inventory(tuple(files))


class _NotADocument(Exception):
    """Raised by _examine with the reason a file is not read."""


def _examine(path: Path, inside: str) -> os.stat_result:
    """The stat of a file that may be read as a document; else raises _NotADocument(reason)."""
    link = path.is_symlink()
    target = safe_name(os.readlink(path)) if link else ""
    try:
        info = path.stat()
    except OSError as error:
        if link and error.errno == errno.ELOOP:
            raise _NotADocument(f"cannot read the file: it is a symbolic link that leads back to "
                                f"itself (to {target}, a loop); fix or remove the link") from None
        if link:
            raise _NotADocument(f"cannot read the file: it is a symbolic link to {target}, which "
                                "does not exist; fix or remove the link") from None
        raise _NotADocument(cannot_read(error)) from None
    if link and not _within(os.path.realpath(path), inside):
        raise _NotADocument(f"not read: it is a symbolic link to {target}, outside the input "
                            "folder, and only files inside it are read; copy the file into the "
                            "folder instead of linking to it")
    if not stat.S_ISREG(info.st_mode):
        raise _NotADocument(f"not read: it is {_kind(info.st_mode)}, not a regular file; put "
                            "the communiqué itself in the folder")
    if info.st_size == 0:
        raise _NotADocument("file is empty; export the communiqué again or remove the file")
    try:
        check_size(info.st_size)
    except ReadError as error:
        raise _NotADocument(error.reason) from None
    return info


def _kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def scan(input_dir: Path, output_dir: Path | None = None) -> Inventory:
    """The input folder's files, their output folder left out; a file unchanged since the
    last publish into `output_dir` (by its stat signature) is not read again."""
    payload = read_state_payload(output_dir) if output_dir is not None else None
    return hash_files(input_dir, discover(input_dir, output_dir),
                      seen=payload.get("seen", {}) if payload else {})


# ---------------------------------------------------------------- the extraction version

# Modules that do not shape a document's rows (tables derived from all rows, file writing, the
# Modules that do not shape a document's rows (tables derived from all rows, file writing, the
# command line, the review page, scoring, settings, fetching from the web, dating claims, process
# lifetime): editing them reprocesses nothing. A new module is part of the version until it is
# added here.
NOT_IN_VERSION = {"cli.py", "report.py", "evaluate.py", "storage.py", "registry.py", "settings.py",
                  "fetch", "as_of.py", "data/as_of.json", "data/report_labels.json", "lifetime.py"}


def extraction_version() -> str:
    """What the rows depend on besides the inputs: the package's code (NOT_IN_VERSION aside)
    and rule files, the referential, the limits documents are held to, and the installed versions
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
    for limit in LIMITS:  # a document rejected for a limit is processed again when it changes
        digest.update(f"{limit.variable} {limit.value()}\0".encode())
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
    rows: dict[str, int] = field(default_factory=dict)  # published table file -> rows (storage)
    seen: dict[str, list] = field(default_factory=dict)  # Inventory.seen: unchanged files
    format: int = STATE_FORMAT

    def to_json(self) -> dict:
        return asdict(self)


def read_state_payload(output_dir: Path) -> dict | None:
    """The state file as written, if it is one this version of communiques wrote."""
    try:
        payload = json.loads((output_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or payload.get("format") != STATE_FORMAT:
        return None
    return payload


def read_state(output_dir: Path) -> tuple[State | None, str]:
    """The state of the published tables, or None and why they cannot be trusted as a state."""
    path = output_dir / STATE_FILE
    if not path.exists():
        return None, f"no previous run has published into {output_dir}"
    payload = read_state_payload(output_dir)
    try:
        state = State(**payload) if payload is not None else None
    except TypeError:
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
    """Test hook for the crash tests (tests/test_operations.py, tests/test_lifetime.py): when
    COMMUNIQUES_TEST_PAUSE_AT names this point (extract, validate or publish), print a marker
    and wait to be killed; "publish:2" waits 2 s, then goes on. Read at each call; unset in
    normal use, where it costs one lookup per call."""
    point, _, seconds = os.environ.get(PAUSE_VARIABLE, "").partition(":")
    if point == name:
        print(f"paused at {name}", flush=True)
        time.sleep(float(seconds or 3600))
