"""The Prefect flow: a thin orchestration of pipeline.etl's stages.

One task per stage and per batch of documents (never per sentence), so Prefect's per-task cost
stays out of the inner loop; the spaCy model is loaded once per process. Task inputs are large
(document texts) and runs are not cached by Prefect yet, hence NO_CACHE.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from pipeline.settings import configure_environment

configure_environment()

from prefect import flow, get_run_logger, task  # noqa: E402  (settings first)
from prefect.cache_policies import NO_CACHE  # noqa: E402

from pipeline import etl, quality, storage  # noqa: E402

logging.getLogger("great_expectations").setLevel(logging.WARNING)  # its INFO lines are noise here

EXTRACT_BATCH_SIZE = 64


@task(name="discover input files", cache_policy=NO_CACHE)
def discover_files(input_dir: Path) -> list[Path]:
    return etl.discover(input_dir)


@task(name="read text", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def read_text(input_dir: Path, paths: list[Path]) -> etl.Batch:
    return etl.read(input_dir, paths)


@task(name="extract", cache_policy=NO_CACHE)
def extract_batch(documents: list[etl.Document]) -> etl.Batch:
    return etl.extract_documents(documents)


@task(name="validate", cache_policy=NO_CACHE)
def validate(batch: etl.Batch, quality_dir: Path) -> quality.QualityReport:
    """Gate the tables; documents failing a document-level check are rejected, then re-checked."""
    report = quality.validate_tables(_frames(batch), quality_dir)
    if report.document_failures:
        etl.reject_documents(batch, report.document_failures)
        report = quality.validate_tables(_frames(batch), quality_dir)
    return report


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def publish(output_dir: Path, batch: etl.Batch) -> dict[str, int]:
    return storage.publish(output_dir, etl.tables_of(batch))


def _frames(batch: etl.Batch) -> dict:
    return {name: storage.to_frame(name, rows) for name, rows in etl.tables_of(batch).items()}


@flow(name="communiques-etl")
def run_etl(input_dir: str = "raw", output_dir: str = "processed") -> dict:
    """Read every communiqué of input_dir, extract, gate and publish the tables into output_dir."""
    logger = get_run_logger()
    started = time.monotonic()
    source, target = Path(input_dir), Path(output_dir)
    paths = discover_files(source)
    logger.info("%d communiqué(s) found in %s", len(paths), source)
    read_batch = read_text(source, paths)

    readable = read_batch.documents
    batches = [etl.Batch(rejections=read_batch.rejections)]
    for first in range(0, len(readable), EXTRACT_BATCH_SIZE):
        chunk = readable[first:first + EXTRACT_BATCH_SIZE]
        batches.append(extract_batch(chunk))
        logger.info("extracted %d/%d documents", min(first + EXTRACT_BATCH_SIZE, len(readable)),
                    len(readable))
    batch = etl.merge(batches)

    report = validate(batch, target / "quality")
    summary = {"documents": len(paths), "published": 0, "rejected": 0, "rows": {},
               "table_failures": report.table_failures, "seconds": 0.0}
    if report.table_failures:
        for failure in report.table_failures:
            logger.warning("table check failed: %s", failure)
        logger.warning("nothing published; the previous tables in %s are kept", target)
    else:
        summary["rows"] = publish(target, batch)
    summary["published"] = sum(d.row["status"] == "published" for d in batch.documents)
    summary["rejected"] = len(paths) - summary["published"]
    summary["rejections"] = [f"{r['source']} ({r['stage']}): {r['reason']}" for r in batch.rejections]
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary
