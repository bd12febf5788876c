"""Reading and extraction of untrusted files in worker processes that can be killed.

A communiqué is a file from anywhere, and its parsers run native code on it: a PDF whose content
stream inflates to gigabytes, or one of repeated text operators, can hang a reader in C code
that no signal handler reaches, or take all the memory. So every document is read and extracted
in a worker process (`python -m pipeline.contain`), held to the limits of pipeline.read.limits:

- time: each step of a document (reading the file, parsing its text with spaCy, extracting its
  rows) has MAX_SECONDS; spaCy parses up to 16 documents together, with that much per document.
  A worker past its time is killed (SIGKILL), whatever it is doing. When a step of several
  documents fails, they are parsed again one at a time, so that only the culprit is rejected;
- memory: the worker's address space is capped (RLIMIT_AS at MAX_MEMORY_MB), so an allocation
  past it fails (MemoryError) instead of swapping the machine; the worker reports it and exits;
- pages and characters: refused by the PDF reader and before spaCy (limits).

A limit hit, an exception or a crash becomes a rejection of that document (stage read or
extract, naming the limit and its variable) and the other documents go on. A worker loads
spaCy once and serves request after request; one that was killed or failed is replaced by a
new one, which loads the model again. The workers of a process end with it: they are tied to it
(pipeline.lifetime) and closed at exit; they ignore SIGINT (a Ctrl-C reaches them too), which
their parent acts on.

Protocol, over a pipe: the parent sends (files to read, documents to extract, whether to parse
them one at a time); the worker answers with messages: ("ready",) once the model is loaded, then per request
("step", kind, keys) before each step, ("read", document, rejection) after a file is read,
("extracted", doc_id, info, rows) or ("rejected", rejection) after a document is extracted,
("failed", cause) when the current step failed and the worker exits, and ("done",).
"""

from __future__ import annotations

import atexit
import gc
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe

from pipeline import etl, lifetime
from pipeline.read.limits import MAX_MEMORY_MB, MAX_SECONDS
from pipeline.state import InputFile

STARTUP_SECONDS = 600  # importing spaCy and loading its model: ~10 s, minutes on a loaded machine
CLOSE_SECONDS = 5
MEMORY = "memory"  # the cause of a failed step that ran out of memory
DOING = {"read": "reading the file", "parse": "parsing its text with spaCy",
         "extract": "extracting its rows"}


class WorkerError(Exception):
    """No worker process could be started: nothing can be read or extracted."""


# ---------------------------------------------------------------- in the calling process

def process(files: list[InputFile]) -> etl.Batch:
    """Read and extract `files` in worker processes, under the limits: every file ends up as a
    document, a rejection, or both (a rejected document)."""
    work = _Work(list(files))
    while work.to_read or work.to_extract:
        worker = _take()
        try:
            work.run_on(worker)
        finally:
            _give_back(worker)
    return work.batch


def start_worker() -> None:
    """Start a worker now, so that it loads spaCy while the caller does something else."""
    _give_back(_Worker.start())


@dataclass
class _Worker:
    process: subprocess.Popen
    connection: Connection
    ready: bool = False

    @classmethod
    def start(cls) -> _Worker:
        parent_end, child_end = Pipe()
        command = [sys.executable, "-m", "pipeline.contain", str(child_end.fileno())]
        process = lifetime.start_tied(command, interruptible=False,
                                      pass_fds=[child_end.fileno()])
        child_end.close()
        return cls(process, parent_end)

    def wait_until_ready(self) -> None:
        if self.ready:
            return
        if not self.connection.poll(STARTUP_SECONDS):
            self.kill()
            raise WorkerError(f"the worker process did not load spaCy within {STARTUP_SECONDS} s")
        try:
            message = self.connection.recv()
        except EOFError:
            status = _exit_status(self.process)
            self.kill()
            raise WorkerError(
                f"the worker process could not start ({status}); with "
                f"{MAX_MEMORY_MB.variable}={MAX_MEMORY_MB.value()} it may lack the memory to "
                "load the spaCy model (about 700 MB): raise it") from None
        assert message == ("ready",), message
        self.ready = True

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait()
        self.connection.close()

    def close(self) -> None:
        """Let it exit (end of input), killed if it does not within CLOSE_SECONDS."""
        self.connection.close()
        try:
            self.process.wait(timeout=CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_idle: list[_Worker] = []
_idle_lock = threading.Lock()


def _take() -> _Worker:
    with _idle_lock:
        worker = _idle.pop() if _idle else None
    if worker is not None and not worker.alive():
        worker.kill()  # reaped, its pipe closed
        worker = None
    worker = worker or _Worker.start()
    worker.wait_until_ready()
    return worker


def _give_back(worker: _Worker) -> None:
    if worker.alive():
        with _idle_lock:
            _idle.append(worker)
    else:
        worker.kill()


@atexit.register
def _close_idle() -> None:
    with _idle_lock:
        workers = list(_idle)
        _idle.clear()
    for worker in workers:
        worker.close()


@dataclass
class _Work:
    """The files of one call to `process`: what is left to read or extract, and the results."""

    to_read: list[InputFile]
    to_extract: list[etl.Document] = field(default_factory=list)  # read, not yet extracted
    solo: set[str] = field(default_factory=set)  # doc_ids to parse one at a time
    batch: etl.Batch = field(default_factory=etl.Batch)

    def run_on(self, worker: _Worker) -> None:
        """Send what is left to `worker` and take its answers until it is done, or until a step
        fails (the worker is then killed and the step's documents dealt with)."""
        solo = [d for d in self.to_extract if d.doc_id in self.solo]
        if solo:
            request = ([], solo, True)
        else:
            request = (self.to_read, self.to_extract, False)
        worker.connection.send(request)
        step = None
        limit = MAX_SECONDS.value()
        deadline = time.monotonic() + limit
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not worker.connection.poll(left):
                worker.kill()
                return self._failed(step, f"took more than {limit} s")
            try:
                message = worker.connection.recv()
            except EOFError:  # the worker died: of what, before it is reaped
                cause = _exit_status(worker.process)
                worker.kill()
                return self._failed(step, cause)
            kind = message[0]
            if kind == "done":
                return None
            if kind == "step":
                step = message[1:]
                deadline = time.monotonic() + limit * len(step[1])
            elif kind == "read":
                self._read(*message[1:])
            elif kind == "extracted":
                self._extracted(*message[1:])
            elif kind == "rejected":
                self._rejected(message[1])
            elif kind == "failed":
                worker.kill()
                return self._failed(step, message[1])

    def _read(self, document: etl.Document | None, rejection: dict | None) -> None:
        self.to_read.pop(0)
        if document is not None:
            self.batch.documents.append(document)
            if document.row["status"] == "published":
                self.to_extract.append(document)
        if rejection is not None:
            self.batch.rejections.append(rejection)

    def _document(self, doc_id: str) -> etl.Document:
        return next(d for d in self.to_extract if d.doc_id == doc_id)

    def _extracted(self, doc_id: str, info: dict, rows: dict) -> None:
        document = self._document(doc_id)
        self.to_extract.remove(document)
        etl.add_rows(self.batch, document, info, rows)

    def _rejected(self, rejection: dict) -> None:
        document = self._document(rejection["doc_id"])
        self.to_extract.remove(document)
        document.row["status"] = "rejected"
        self.batch.rejections.append(rejection)

    def _failed(self, step: tuple | None, cause: str) -> None:
        """The worker died or was killed during `step`: reject the file or document it was
        about, or, for a spaCy batch of several documents, parse them again one at a time."""
        if step is None:  # dead before its first step: a worker that cannot work
            raise WorkerError(f"the worker process stopped before reading anything ({cause})")
        kind, keys = step
        if kind == "parse" and len(keys) > 1:
            self.solo.update(keys)
            return
        reason = _reason(kind, cause)
        if kind == "read":
            file = self.to_read.pop(0)
            document = etl.Document(etl.new_row(file, file.sha256))
            self.batch.documents.append(document)
            self.batch.rejections.append(etl.reject(document, "read", reason))
            return
        document = self._document(keys[0])
        self.to_extract.remove(document)
        self.batch.rejections.append(etl.reject(document, "extract", reason))


def _reason(kind: str, cause: str) -> str:
    """A rejection's reason from the step that failed and why."""
    doing = DOING[kind]
    if cause.startswith("took more than"):
        return (f"{doing} {cause}, the limit per document; check that it is a communiqué, or "
                f"raise the limit with {MAX_SECONDS.variable}")
    if cause == MEMORY:
        return (f"{doing} needed more memory than the limit of {MAX_MEMORY_MB.value()} MB; "
                f"check that it is a communiqué, or raise the limit with {MAX_MEMORY_MB.variable}")
    return (f"the process {doing} crashed ({cause}); it may need more memory than the limit of "
            f"{MAX_MEMORY_MB.value()} MB: raise it with {MAX_MEMORY_MB.variable}, or report the "
            "file to the pipeline maintainers")


def _exit_status(process: subprocess.Popen) -> str:
    try:
        status = process.wait(timeout=CLOSE_SECONDS)
    except subprocess.TimeoutExpired:
        return "it stopped answering"
    if status < 0:
        return f"killed by {signal.Signals(-status).name}"
    return f"exit status {status}"


# ---------------------------------------------------------------- in the worker process

def _serve(connection: Connection) -> None:
    """The worker's life: cap its memory, load spaCy, then serve requests until the pipe
    closes."""
    limit = MAX_MEMORY_MB.value() * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        etl.warm_up()
    except MemoryError:
        print(f"communiques worker: {MAX_MEMORY_MB.value()} MB is too little to load the spaCy "
              f"model; raise {MAX_MEMORY_MB.variable}", file=sys.stderr, flush=True)
        os._exit(3)
    # The model and the rules' indexes live as long as the worker: frozen (after the warm-up's
    # garbage is collected), their ~116,000 objects are no longer walked by each full
    # collection (half the collector's time).
    gc.collect()
    gc.freeze()
    try:
        connection.send(("ready",))
        while True:
            try:
                files, documents, solo = connection.recv()
            except EOFError:
                return
            _serve_request(connection, files, documents, solo)
    except (BrokenPipeError, ConnectionResetError):
        return  # the parent closed the pipe, maybe before reading "ready": nothing left to do


def _serve_request(connection: Connection, files: list[InputFile],
                   documents: list[etl.Document], solo: bool) -> None:
    try:
        _answer(connection, files, documents, solo)
    except (BrokenPipeError, ConnectionResetError):
        raise
    except MemoryError:
        connection.send(("failed", MEMORY))
        os._exit(1)  # what was allocated may be left fragmented: a fresh worker takes over
    except Exception as error:  # noqa: BLE001  the step failed; the parent rejects its document
        connection.send(("failed", f"{type(error).__name__}: {error}"[:300]))
        os._exit(1)
    connection.send(("done",))


def _answer(connection: Connection, files: list[InputFile], documents: list[etl.Document],
            solo: bool) -> None:
    from pipeline import nlp  # in the worker only: the calling process needs no spaCy (pipeline.etl)

    to_extract = list(documents)
    for file in files:
        connection.send(("step", "read", [file.source]))
        document, rejection = etl.read_file(file)
        connection.send(("read", document, rejection))
        if document is not None and document.row["status"] == "published":
            to_extract.append(document)
    parsed = []
    for document in to_extract:
        reason = etl.too_long(document)
        if reason:
            connection.send(("rejected", etl.reject(document, "extract", reason)))
        else:
            parsed.append(document)
    for group in [[document] for document in parsed] if solo else [parsed]:
        def announce(indices: list[int], group: list = group) -> None:
            connection.send(("step", "parse", [group[index].doc_id for index in indices]))

        for document, doc in zip(group, nlp.parse((d.text for d in group), on_batch=announce)):
            connection.send(("step", "extract", [document.doc_id]))
            try:
                info, rows = etl.extracted_rows(document, doc)
            except MemoryError:
                raise
            except Exception as error:  # noqa: BLE001  this document only
                connection.send(("rejected", etl.reject(document, "extract",
                                                        etl.extraction_failed(error))))
                continue
            connection.send(("extracted", document.doc_id, info, rows))


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
    # Nothing left to write: skip the interpreter's teardown of spaCy and the rules (~0.5 s),
    # which the calling process waits for when it exits (_close_idle).
    lifetime.exit_now(0)
