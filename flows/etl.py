"""The Prefect flow: a thin orchestration of pipeline.etl's stages.

A run holds the output folder (pipeline.state.locked), finishes a publish a killed run left
halfway (pipeline.storage.recover), and processes only the documents the published tables lack:
all of them with `full`, when the extraction version changed, or when the tables are not the ones
the state file describes. The others are carried over with their rows.

Extraction goes in batches of documents, one task each (never one per sentence, so Prefect's
per-task cost stays out of the inner loop), submitted to the flow's task runner: one thread by
default, a Dask cluster with dask_runner, where each worker process loads the spaCy model once
(the local cluster of `run --workers`: flows.cluster). Task inputs are large (document texts)
and the published tables are the cache, hence NO_CACHE; those of the tasks the flow calls
directly are quote()d, or Prefect would visit every row of them looking for futures (not those
submitted: prefect-dask hands a quote to the worker as a tuple).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.settings import configure_environment

configure_environment()

from prefect import flow, get_run_logger, task  # noqa: E402  (settings first)
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.settings import (PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,  # noqa: E402
                              temporary_settings)
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from pipeline import contain, etl, lifetime, state, storage  # noqa: E402
from pipeline.metadata import COVERAGE_CHECK  # noqa: E402
# pipeline.quality (Great Expectations, ~4 s of imports) is imported by _import_quality or `validate`.
if TYPE_CHECKING:
    from flows.server import TemporaryServer
    from pipeline.quality import QualityReport


EXTRACT_BATCH_MAX, EXTRACT_BATCH_MIN = 500, 32
QUALITY_DIR = "quality"

_importing_quality: threading.Thread | None = None


def _import_quality() -> None:
    """Import Great Expectations in a background thread while the documents are extracted.

    Extraction keeps one core busy (the worker process, or each Dask worker) while this process
    only waits for results; during start-up every core is busy already (Prefect's server
    starting, the worker loading spaCy), and an import there would delay both. `validate`
    waits for it (_wait_for_quality).
    """
    global _importing_quality

    def work() -> None:
        try:
            from pipeline import quality  # noqa: F401
        except Exception:  # noqa: BLE001  the task doing it for real reports the error
            pass

    _importing_quality = threading.Thread(target=work, name="import quality", daemon=True)
    _importing_quality.start()


def _wait_for_quality() -> None:
    if _importing_quality is not None:
        _importing_quality.join()


class NoApiForWorkers(Exception):
    """Dask workers on other machines cannot reach this process's ephemeral Prefect API."""


@task(name="fetch new communiqués", cache_policy=NO_CACHE)
def fetch_new(sources_file: Path, input_dir: Path) -> dict:
    """Pull the sources' new or changed items into the input folder (pipeline.fetch); not
    retried: the fetch itself retries each request, and a failed item is in its report."""
    from pipeline.fetch.run import fetch, format_report

    report = fetch(sources_file, input_dir)
    return {"ok": report.ok, "written": report.written, "report": format_report(report)}


@task(name="scan input files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def scan_inputs(input_dir: Path, output_dir: Path) -> state.Inventory:
    return state.scan(input_dir, output_dir)


@task(name="load published tables", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def load_published(output_dir: Path, inventory: state.Inventory) -> etl.Batch:
    tables = {name: storage.read_rows(output_dir, name)
              for name in ("documents", "rejections", *etl.EXTRACTED_TABLES)}
    return etl.carry_over(tables, inventory)


@task(name="read and extract", cache_policy=NO_CACHE)
def extract_batch(files: list[state.InputFile]) -> etl.Batch:
    """Read and extract files in a worker process of this process (pipeline.contain), under the
    limits of pipeline.read.limits."""
    state.pause_point("extract")
    return contain.process(files)


@task(name="validate", cache_policy=NO_CACHE)
def validate(batch: etl.Batch, strict: bool = False) -> tuple[QualityReport, dict[str, list[dict]]]:
    """Gate the tables; documents failing a document-level check (with `strict`, also those with
    a warning) are rejected, then the others re-checked. Returns the report and the tables it
    passed (or failed), the warnings it found among them; nothing is written yet."""
    state.pause_point("validate")
    _wait_for_quality()
    from pipeline import quality

    tables = etl.tables_of(batch)
    report = quality.validate_tables(_frames(tables), None)
    rejected = quality.rejections(report, strict)
    if rejected:
        etl.reject_documents(batch, rejected)
        tables = etl.tables_of(batch)
        report = quality.validate_tables(_frames(tables), None)
    tables["warnings"] = report.warnings
    return report, tables


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish(output_dir: Path, tables: dict[str, list[dict]], run_state: state.State,
            report: QualityReport) -> None:
    """The tables with the quality results they passed (quality/latest.json, Data Docs), in
    one commit."""
    from pipeline import quality

    storage.publish(output_dir, tables, run_state,
                    extra=lambda staging: quality.write_results(staging / QUALITY_DIR, report))


def keep_unpublished_results(output_dir: Path, report: QualityReport) -> Path:
    """The results of a run that published nothing, beside the published ones and without
    replacing them (latest.json and the Data Docs stay those of the last publish)."""
    from pipeline import quality

    return quality.write_results(output_dir / QUALITY_DIR, report, prefix="unpublished",
                                 latest=False, data_docs=False)


def _frames(tables: dict[str, list[dict]]) -> dict:
    return {name: storage.to_frame(name, rows) for name, rows in tables.items()}


def _carry_over_published(target: Path, version: str, full: bool, strict: bool, logger) -> bool:
    """Whether the published documents can be kept as they are; if not, says why."""
    previous, why = state.read_state(target)
    if previous and full:
        why = "--full"
    elif previous and previous.version != version:
        why = "the extraction code, its rules, the referential or a dependency changed"
    elif previous and previous.summary.get("strict", False) != strict:
        why = "--strict " + ("given" if strict else "left out") + " this time"
    if why:
        logger.info("processing every document: %s", why)
    return not why


def _extract(files: list[state.InputFile], logger) -> list[etl.Batch]:
    """Submit the files in batches to the task runner; log progress as batches finish."""
    sizes = {extract_batch.submit(files[first:end]): end - first
             for first, end in batch_bounds(len(files), _parallel_slots())}
    batches, done = [], 0
    for future in as_completed(list(sizes)):
        batches.append(future.result())
        done += sizes[future]
        logger.info("extracted %d/%d documents (%d/%d batches)", done, len(files),
                    len(batches), len(sizes))
    return batches


def batch_bounds(count: int, slots: int) -> Iterator[tuple[int, int]]:
    """(first, end) of each extraction batch: a share of the documents left, at most
    EXTRACT_BATCH_MAX and at least EXTRACT_BATCH_MIN (or what spreads a small run over every slot).

    Large batches first, so that each task's fixed cost (in a Dask worker, Prefect rebuilds its
    settings and API client for every task: ~0.2 s) is paid rarely; smaller ones at the end, so
    that no worker waits long for another to finish its last batch (guided self-scheduling).
    """
    smallest = min(EXTRACT_BATCH_MIN, math.ceil(count / slots))
    first = 0
    while first < count:
        size = min(EXTRACT_BATCH_MAX, max(smallest, math.ceil((count - first) / (2 * slots))))
        yield first, min(count, first + size)
        first += size


def _parallel_slots() -> int:
    """How many batches the task runner runs at once: the Dask workers' threads, else one, so
    that small runs are still spread over every worker."""
    client = getattr(FlowRunContext.get().task_runner, "client", None)  # DaskTaskRunner's
    return sum(client.nthreads().values()) if client else 1


@flow(name="communiques-etl", task_runner=ThreadPoolTaskRunner(max_workers=1))
def run_etl(input_dir: str = "raw", output_dir: str = "processed", full: bool = False,
            sources: str | None = None, strict: bool = False) -> dict:
    """Fetch new communiqués from the sources file into input_dir (when `sources` is given),
    then process those not yet published in output_dir, gate and publish; with `strict`,
    documents the gate has a doubt about are rejected instead of published with a warning."""
    lifetime.die_with_launcher()  # a run started by `communiques serve` ends with it
    logger = get_run_logger()
    started = time.monotonic()
    source, target = Path(input_dir), Path(output_dir)
    fetched = None
    if sources:
        fetched = fetch_new(Path(sources), source)
        for line in fetched["report"].splitlines():
            logger.info(line)
    with state.locked(target, on_wait=logger.info):
        storage.recover(target)
        inventory = scan_inputs(source, target)
        current = inventory.documents
        version = state.extraction_version()
        kept = (load_published(target, inventory)
                if _carry_over_published(target, version, full, strict, logger) else etl.Batch())
        processed = {document.doc_id for document in kept.documents}
        new = [file for doc_id, file in current.items() if doc_id not in processed]
        logger.info("%d communiqué(s) found in %s: %d new, %d already processed",
                    len(inventory.files), source, len(new), len(current) - len(new))

        extraction_started = time.monotonic()
        _import_quality()
        extracted = _extract(new, logger)
        extraction_seconds = time.monotonic() - extraction_started
        batch = etl.merge([kept, etl.Batch(rejections=inventory.notices()), *extracted])
        report, tables = validate(quote(batch), strict)

        status = {row["doc_id"]: row["status"] for row in tables["documents"]}
        published = sum(status.get(doc_id) == "published" for doc_id in current)
        source_of = {row["doc_id"]: row["source"] for row in tables["documents"]}
        # doubts about documents of the input folder; coverage shortfalls are about the registry
        warnings = [w for w in tables["warnings"]
                    if w["doc_id"] in current and w["check"] != COVERAGE_CHECK]
        summary = {"documents": len(inventory.files), "new": len(new), "published": published,
                   "rejected": len(inventory.files) - published, "strict": strict,
                   "warned": len({w["doc_id"] for w in warnings}),
                   "warnings": sorted(f"{source_of[w['doc_id']]} ({w['check']}): {w['detail']}"
                                      for w in warnings),
                   "coverage": sorted(w["detail"] for w in tables["warnings"]
                                      if w["check"] == COVERAGE_CHECK),
                   "kept_without_file": len(status.keys() - current.keys()),
                   "rows": {}, "table_failures": report.table_failures,
                   "rejections": [f"{r['source']} ({r['stage']}): {r['reason']}"
                                  for r in tables["rejections"]
                                  if r["doc_id"] is None or r["doc_id"] in current]}
        if report.table_failures:
            for failure in report.table_failures:
                logger.warning("table check failed: %s", failure)
            logger.warning("nothing published; the previous tables in %s are kept (this run's "
                           "results: %s)", target, keep_unpublished_results(target, report))
        else:
            summary["rows"] = {name: len(rows) for name, rows in tables.items()}
            publish(target, quote(tables), quote(state.State(version, inventory.inputs, summary, seen=inventory.seen)),
                    quote(report))
    summary["seconds"] = round(time.monotonic() - started, 1)
    summary["extraction_seconds"] = round(extraction_seconds, 1)
    summary["fetch"] = fetched
    return summary


def dask_runner(address: str) -> TaskRunner:
    """A DaskTaskRunner on the cluster at `address`: one of another machine, or the local one
    `run --workers` started (flows.cluster)."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # before distributed's import
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=address)


@contextmanager
def prefect_api(remote_workers: bool, server: TemporaryServer | None = None) -> Iterator[None]:
    """A Prefect API for the run: PREFECT_API_URL's, else a temporary server: `server` when the
    caller started it already (flows.server.start_if_needed), else one started here.

    Started here, in the main thread, rather than by Prefect from the thread running the flow,
    the server is tied to this process (flows.server) and Dask workers on this machine can
    report their task runs to it (each would otherwise start an API of its own). Workers on
    other machines cannot reach it (it listens on 127.0.0.1): they need a Prefect server.
    """
    if PREFECT_API_URL.value():
        yield
        return
    if remote_workers:
        raise NoApiForWorkers(
            "Dask workers on other machines need a Prefect server they can reach: start one "
            "(prefect server start --host 0.0.0.0) and set PREFECT_API_URL=http://HOST:4200/api")
    if server is None:
        from flows.server import start_if_needed

        server = start_if_needed(remote_workers)
    server.wait_until_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield
