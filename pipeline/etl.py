"""The ETL's stages as plain functions: discover, read, extract, gate, assemble tables.

The Prefect flow (flows/etl.py) only orchestrates these calls, so each stage is testable
without Prefect. Data flows one way; each stage hands the next a plain value.

Runs are incremental: the documents already published (carry_over) are merged with the new ones
into one Batch, and tables_of turns that Batch into the published tables.

spaCy and the extraction rules are imported by the functions that extract (extracted_rows,
extract_documents, warm_up): the flow's own process only merges and gates tables, while the
worker processes extract (pipeline.contain), and those imports (~1.5 s of CPU) would compete
with the run's start-up for the machine's cores.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import registry
from pipeline.metadata import TABLES
from pipeline.read import (SUPPORTED_FORMATS, ReadError, check_size, max_file_bytes,
                           read_document)
from pipeline.read.limits import MAX_CHARACTERS, over_limit
from pipeline.read.sidecar import provenance
from pipeline.state import InputFile, Inventory, hash_files, unreadable
# The first stage lives in pipeline.state, which imports no spaCy: re-exported here.
from pipeline.state import UnusableInput, discover  # noqa: F401

# Tables whose rows come from extraction (the others: documents and rejections).
EXTRACTED_TABLES = ("territories", "epcis", "figures", "stated_counts")


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


def read(input_dir: Path, paths: list[Path]) -> Batch:
    """Read files; every file ends up as a document, a rejection, or both (rejected document)."""
    inventory = hash_files(input_dir, paths)
    batch = read_documents(list(inventory.documents.values()))
    batch.rejections += inventory.notices()
    return batch


def read_documents(files: list[InputFile]) -> Batch:
    """The documents row and clean text of each file, in this process (pipeline.contain reads
    in a worker process, under limits)."""
    batch = Batch()
    for file in files:
        document, rejection = read_file(file)
        if document is not None:
            batch.documents.append(document)
        if rejection is not None:
            batch.rejections.append(rejection)
    return batch


def read_file(file: InputFile) -> tuple[Document | None, dict | None]:
    """(document, rejection) of a file: a file that cannot be parsed is a rejected document
    (its id is known), one that cannot be read at all a rejection only."""
    try:
        size = file.path.stat().st_size
        data = file.path.read_bytes() if size <= max_file_bytes() else None  # not a huge one
    except OSError as error:
        return None, unreadable(file.source, error)
    # The sha256 of the bytes parsed, should the file have changed since it was scanned.
    document = Document(new_row(file, hashlib.sha256(data).hexdigest() if data is not None
                                else file.sha256))
    try:
        if data is None:
            check_size(size)  # raises: the file is too large to be read
        result = read_document(file.path, data)
    except ReadError as error:
        return document, reject(document, "read", error.reason)
    document.row.update(text=result.text, format=result.format)
    return document, None


def new_row(file: InputFile, sha256: str) -> dict:
    """The documents row of a file before it is read."""
    return {"doc_id": sha256[:16], "source": file.source,
            "format": SUPPORTED_FORMATS[file.path.suffix.lower()], "sha256": sha256,
            "title": None, "issuer": None, "place": None, "published_on": None, "text": "",
            "status": "published", **provenance(file.path, sha256)}


def reject(document: Document, stage: str, reason: str) -> dict:
    """Mark `document` rejected; returns its rejections row."""
    document.row["status"] = "rejected"
    return {"doc_id": document.doc_id, "source": document.row["source"], "stage": stage,
            "reason": reason}


def too_long(document: Document) -> str | None:
    """Why the document's text is too long to extract from (MAX_CHARACTERS), if it is."""
    if len(document.text) <= MAX_CHARACTERS.value():
        return None
    return over_limit(MAX_CHARACTERS, len(document.text), "text is too long to extract from",
                      "check that it is a communiqué (not a whole report or a data file)")


def extraction_failed(error: Exception) -> str:
    return (f"extraction failed ({type(error).__name__}: {error}); please report this document")


def extracted_rows(document: Document, doc) -> tuple[dict, dict[str, list[dict]]]:
    """The document's information (title, issuer, dateline) and its rows per extracted table,
    from its spaCy doc."""
    from pipeline.extract.assemble import extract

    extraction = extract(document.text, doc)
    return extraction.info, {table: [{"doc_id": document.doc_id, **row}
                                     for row in getattr(extraction, table)]
                             for table in EXTRACTED_TABLES}


def add_rows(batch: Batch, document: Document, info: dict, rows: dict[str, list[dict]]) -> None:
    document.row.update(info)
    for table, table_rows in rows.items():
        batch.rows[table] += table_rows


def extract_documents(documents: list[Document]) -> Batch:
    """Extract the rows of readable documents in this process (pipeline.contain does it in a
    worker process, under limits); spaCy runs over them in one nlp.pipe stream."""
    from pipeline import nlp

    batch = Batch(documents=documents)
    readable = []
    for document in documents:
        if document.row["status"] != "published":
            continue
        reason = too_long(document)
        if reason:
            batch.rejections.append(reject(document, "extract", reason))
        else:
            readable.append(document)
    for document, doc in zip(readable, nlp.parse(d.text for d in readable)):
        try:
            add_rows(batch, document, *extracted_rows(document, doc))
        except Exception as error:  # one bad document must not stop the others
            batch.rejections.append(reject(document, "extract", extraction_failed(error)))
    return batch


WARM_UP_TEXT = ("Le 2 mai 2024, la préfète de l'Ain annonce 2 territoires d'industrie : "
                "« Exemple » (01 - Ain), regroupant la communauté de communes de la Dombes, "
                "et 1,5 million d'euros pour 120 emplois.")


def warm_up() -> None:
    """Load the spaCy model and build every lazily built index (referential, gazetteer, EPCI
    names) by extracting a made-up sentence, so that the first real batch does not pay for it."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract

    extract(WARM_UP_TEXT, next(nlp.parse([WARM_UP_TEXT])))


def merge(batches: list[Batch]) -> Batch:
    merged = Batch()
    for batch in batches:
        merged.documents += batch.documents
        merged.rejections += batch.rejections
        for table, rows in batch.rows.items():
            merged.rows[table] += rows
    return merged


def carry_over(tables: dict[str, list[dict]], inventory: Inventory) -> Batch:
    """The documents of the published tables, with their rows, to be merged with the new ones.

    `tables` holds the published documents, rejections and EXTRACTED_TABLES. A document whose
    file was renamed takes its new name. One whose file left the input folder is kept as it
    was: an incremental run adds and never deletes (`communiques run --full` rebuilds from the
    input folder alone). Rejections about files rather than documents (unreadable, copies) are
    left out: Inventory.notices makes them again from the input folder.
    """
    current = inventory.documents
    batch = Batch(rows={table: list(tables[table]) for table in EXTRACTED_TABLES})
    published_source = {}
    for row in tables["documents"]:
        published_source[row["doc_id"]] = row["source"]
        if row["doc_id"] in current:
            row["source"] = current[row["doc_id"]].source
        batch.documents.append(Document(row))
    for row in tables["rejections"]:
        doc_id = row["doc_id"]
        if doc_id in published_source and row["source"] == published_source[doc_id]:
            source = current[doc_id].source if doc_id in current else row["source"]
            batch.rejections.append({**row, "source": source})
    return batch


def tables_of(batch: Batch) -> dict[str, list[dict]]:
    """The published tables (those of metadata.TABLES) from the merged rows of a run.

    The single place where rows become tables, so tables derived from the rows of several
    documents belong here: they see every document, new or carried over. Rejected documents
    keep only their documents row. Rows are sorted so that the same inputs give the same
    files whatever the order in which documents were processed (or carried over from an
    earlier run); rows of a document tied on (start, end) keep the extractor's order.
    """
    published = {d.doc_id for d in batch.documents if d.row["status"] == "published"}
    tables = {"documents": sorted((d.row for d in batch.documents),
                                  key=lambda r: (r["source"], r["doc_id"])),
              "rejections": sorted(batch.rejections,
                                   key=lambda r: (r["source"], r["stage"], r["doc_id"] or "",
                                                  r["reason"])),
              "warnings": []}
    for table, rows in batch.rows.items():
        tables[table] = sorted((r for r in rows if r["doc_id"] in published),
                               key=lambda r: (r["doc_id"], r["start"], r["end"]))
    tables.update(registry.derive(tables))  # consolidated across every published document
    return {name: tables[name] for name in TABLES if name in tables}  # in the contract's order


def reject_documents(batch: Batch, failures: dict[str, list[str]]) -> None:
    """Mark documents that failed a document-level quality check as rejected (stage validate)."""
    for document in batch.documents:
        reasons = failures.get(document.doc_id)
        if reasons and document.row["status"] == "published":
            document.row["status"] = "rejected"
            batch.rejections.append({"doc_id": document.doc_id, "source": document.row["source"],
                                     "stage": "validate", "reason": "; ".join(reasons)})
