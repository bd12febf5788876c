"""The ETL's stages as plain functions: discover, read, extract, gate, assemble tables.

The Prefect flow (flows/etl.py) only orchestrates these calls, so each stage is testable
without Prefect. Data flows one way; each stage hands the next a plain value.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import nlp
from pipeline.extract.assemble import extract
from pipeline.readers import SUPPORTED_FORMATS, ReadError, read_document


# Tables whose rows come from extraction (the others: documents and rejections).
EXTRACTED_TABLES = ("territories", "epcis", "figures", "stated_counts")


class UnusableInput(Exception):
    """The input folder cannot be processed at all (exit status 2)."""


@dataclass
class Document:
    """A file that was read: its documents row and its clean text."""

    row: dict

    @property
    def doc_id(self) -> str:
        return self.row["doc_id"]

    @property
    def text(self) -> str:
        return self.row["text"]


@dataclass
class Batch:
    """What a stage hands the next: documents, rows per table, and rejections so far."""

    documents: list[Document] = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=lambda: {table: [] for table in EXTRACTED_TABLES})
    rejections: list[dict] = field(default_factory=list)


def discover(input_dir: Path) -> list[Path]:
    """Every communiqué under `input_dir` (sub-folders walked), in a stable order."""
    if not input_dir.exists():
        raise UnusableInput(f"input folder {input_dir} does not exist; pass --input DIR")
    if not input_dir.is_dir():
        raise UnusableInput(f"input {input_dir} is not a folder; pass --input DIR")
    files = sorted(p for p in input_dir.rglob("*")
                   if p.is_file() and p.suffix.lower() in SUPPORTED_FORMATS
                   and not any(part.startswith(".") for part in p.relative_to(input_dir).parts))
    if not files:
        raise UnusableInput(f"no communiqué found in {input_dir} (looked for "
                            f"{', '.join(sorted(SUPPORTED_FORMATS))} files)")
    return files


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read(input_dir: Path, paths: list[Path]) -> Batch:
    """Read files; every file ends up as a document, a rejection, or both (rejected document)."""
    batch = Batch()
    seen: dict[str, str] = {}
    for path in paths:
        source = path.relative_to(input_dir).as_posix()
        try:
            data = path.read_bytes()
        except OSError as error:
            batch.rejections.append({"doc_id": None, "source": source, "stage": "read",
                                     "reason": f"cannot read the file ({error.strerror or error}); "
                                               "check its permissions"})
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        doc_id = sha256[:16]
        if doc_id in seen:
            batch.rejections.append({"doc_id": doc_id, "source": source, "stage": "read",
                                     "reason": f"same content as {seen[doc_id]}; "
                                               "it is processed once under that name"})
            continue
        seen[doc_id] = source
        row = {"doc_id": doc_id, "source": source, "format": SUPPORTED_FORMATS[path.suffix.lower()],
               "sha256": sha256, "title": None, "issuer": None, "place": None,
               "published_on": None, "text": "", "status": "published"}
        try:
            result = read_document(path, data)
            row.update(text=result.text, format=result.format)
        except ReadError as error:
            row["status"] = "rejected"
            batch.rejections.append({"doc_id": doc_id, "source": source, "stage": "read",
                                     "reason": error.reason})
        batch.documents.append(Document(row))
    return batch


def extract_documents(documents: list[Document]) -> Batch:
    """Extract the rows of readable documents; spaCy runs over them in one nlp.pipe stream."""
    batch = Batch(documents=documents)
    readable = [d for d in documents if d.row["status"] == "published"]
    for document, doc in zip(readable, nlp.parse(d.text for d in readable)):
        try:
            extraction = extract(document.text, doc)
        except Exception as error:  # one bad document must not stop the others
            document.row["status"] = "rejected"
            batch.rejections.append({"doc_id": document.doc_id, "source": document.row["source"],
                                     "stage": "extract",
                                     "reason": f"extraction failed ({type(error).__name__}: {error}); "
                                               "please report this document"})
            continue
        document.row.update(extraction.info)
        for table in EXTRACTED_TABLES:
            for row in getattr(extraction, table):
                batch.rows[table].append({"doc_id": document.doc_id, **row})
    return batch


def merge(batches: list[Batch]) -> Batch:
    merged = Batch()
    for batch in batches:
        merged.documents += batch.documents
        merged.rejections += batch.rejections
        for table, rows in batch.rows.items():
            merged.rows[table] += rows
    return merged


def tables_of(batch: Batch) -> dict[str, list[dict]]:
    """Rows of every contract table; rejected documents keep only their documents row."""
    published = {d.doc_id for d in batch.documents if d.row["status"] == "published"}
    tables = {"documents": sorted((d.row for d in batch.documents), key=lambda r: r["source"]),
              "rejections": sorted(batch.rejections, key=lambda r: (r["source"], r["stage"]))}
    for table, rows in batch.rows.items():
        tables[table] = sorted((r for r in rows if r["doc_id"] in published),
                               key=lambda r: (r["doc_id"], r["start"], r["end"]))
    return tables


def reject_documents(batch: Batch, failures: dict[str, list[str]]) -> None:
    """Mark documents that failed a document-level quality check as rejected (stage validate)."""
    for document in batch.documents:
        reasons = failures.get(document.doc_id)
        if reasons and document.row["status"] == "published":
            document.row["status"] = "rejected"
            batch.rejections.append({"doc_id": document.doc_id, "source": document.row["source"],
                                     "stage": "validate", "reason": "; ".join(reasons)})
