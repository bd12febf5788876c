"""One bad file never stops a batch: hostile files, generated here, each end as one rejection
naming the limit it hit, while the other documents of the same run are published.

The run goes through the real command with a memory limit of 1.5 GB per worker process and 20 s
per step of a document, so that it stays well under 2 GB and a few minutes.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline import contain, etl, nlp, state
from pipeline.extract.assemble import extract

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).with_name("communiques"))]
SEEDS = sorted((ROOT / "raw").glob("*.txt"))
LATIN1_NAME = os.fsdecode(b"communiqu\xe9-nord.txt")  # a name that is not UTF-8
LIMITS = {"COMMUNIQUES_MAX_MEMORY_MB": "1536", "COMMUNIQUES_MAX_SECONDS": "20"}
# hostile file -> what its one rejection must say (stage, words of the reason)
HOSTILE = {
    "gros.txt": ("extract", "text is too long to extract from (2,"),
    "deux-mille-pages.pdf": ("read", "PDF has too many pages (2,000 pages, the limit is 200 pages)"),
    "bombe.pdf": ("read", "needed more memory than the limit of 1536 MB"),
    "operateurs.pdf": ("read", "COMMUNIQUES_MAX_"),  # time or memory, whichever comes first
    "passwd.txt": ("read", "symbolic link to /etc/passwd, outside the input folder"),
    "vide.txt": ("read", "file is empty"),
    "vide-aussi.txt": ("read", "file is empty"),
}


def pdf_with_content(compressed: bytes) -> bytes:
    """A one-page PDF whose content stream is `compressed` (FlateDecode), written by hand: no
    library writes a stream it did not compress itself."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
               b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed
               + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pdf, offsets = io.BytesIO(), []
    pdf.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(pdf.tell())
        pdf.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = pdf.tell()
    pdf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    pdf.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    pdf.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return pdf.getvalue()


def deflated(repeated: bytes, total: int) -> bytes:
    """`repeated` repeated up to `total` bytes, compressed without ever being held whole."""
    compressor, parts = zlib.compressobj(9), []
    for _ in range(total // len(repeated)):
        parts.append(compressor.compress(repeated))
    return b"".join([*parts, compressor.flush()])


def thousands_of_pages(count: int) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page in range(1, count + 1):
        pdf.drawString(72, 770, f"Territoires d'industrie, annexe, page {page}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def write_hostile_folder(folder: Path) -> None:
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    shutil.copy(ROOT / "tests" / "corpus" / "nord_flandre.txt", folder / LATIN1_NAME)
    text_with_nul = SEEDS[0].read_text(encoding="utf-8").replace("\n\n", "\n\x00\n", 3)
    (folder / "nul.txt").write_text(text_with_nul.replace("Aube", "Aube ", 1), encoding="utf-8")
    seed_text = SEEDS[1].read_text(encoding="utf-8")
    (folder / "gros.txt").write_text(seed_text * (2_500_000 // len(seed_text) + 1),
                                     encoding="utf-8")
    (folder / "deux-mille-pages.pdf").write_bytes(thousands_of_pages(2000))
    (folder / "bombe.pdf").write_bytes(pdf_with_content(deflated(b" " * 2**20, 1536 * 2**20)))
    (folder / "operateurs.pdf").write_bytes(pdf_with_content(
        deflated(b"BT /F1 12 Tf 72 720 Td (Territoire) Tj ET\n" * 25_000, 400 * 2**20)))
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "vide.txt").write_bytes(b"")
    (folder / "vide-aussi.txt").write_bytes(b"")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One `communiques run` over every hostile file, 5 good communiqués, a good one under a
    name that is not UTF-8 and one holding NUL characters; its output folder is inside the
    input folder. Then a second run over the same folder."""
    folder = tmp_path_factory.mktemp("hostile")
    write_hostile_folder(folder)
    output = folder / "sortie"
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **LIMITS}
    started = time.monotonic()
    first = subprocess.run(COMMAND + ["run", "--input", str(folder), "--output", str(output)],
                           cwd=ROOT, capture_output=True, text=True, env=environment, timeout=900)
    seconds = time.monotonic() - started
    again = subprocess.run(COMMAND + ["run", "--input", str(folder), "--output", str(output)],
                           cwd=ROOT, capture_output=True, text=True, env=environment, timeout=900)
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    rejections = pq.read_table(output / "rejections.parquet").to_pandas()
    return {"first": first, "seconds": seconds, "again": again, "documents": documents,
            "rejections": rejections, "output": output}


def test_the_run_exits_1_without_traceback_and_publishes_the_good_documents(hostile_run):
    first = hostile_run["first"]
    printed = first.stdout + first.stderr
    assert first.returncode == 1, printed[-5000:]
    assert "Traceback" not in printed, printed[-5000:]
    print(f"hostile run: {hostile_run['seconds']:.0f} s")  # shown with pytest -s
    documents = hostile_run["documents"]
    published = set(documents.loc[documents["status"] == "published", "source"])
    assert published == {seed.name for seed in SEEDS} | {"communiqu\\xe9-nord.txt", "nul.txt"}

    # the seeds' rows are those extracted in this process, without workers or limits
    seeds = etl.extract_documents(etl.read(ROOT / "raw", etl.discover(ROOT / "raw")).documents)
    for table in etl.EXTRACTED_TABLES:
        published_rows = pq.read_table(hostile_run["output"] / f"{table}.parquet").to_pylist()
        expected = sorted((r["doc_id"], r["start"], r["end"]) for r in seeds.rows[table])
        assert sorted((r["doc_id"], r["start"], r["end"]) for r in published_rows
                      if r["doc_id"] in {d.doc_id for d in seeds.documents}) == expected, table


@pytest.mark.parametrize("name", HOSTILE)
def test_each_hostile_file_ends_as_one_rejection_with_a_clear_reason(hostile_run, name):
    rejections = hostile_run["rejections"]
    rejected = rejections[rejections["source"] == name]
    assert len(rejected) == 1, rejections.to_string()
    stage, words = HOSTILE[name]
    assert rejected.iloc[0]["stage"] == stage
    assert words in rejected.iloc[0]["reason"], rejected.iloc[0]["reason"]
    assert "COMMUNIQUES_MAX_" in rejected.iloc[0]["reason"] or stage == "read"


def test_the_hung_reader_was_ended_by_a_limit(hostile_run):
    rejections = hostile_run["rejections"]
    reason = rejections.loc[rejections["source"] == "operateurs.pdf", "reason"].iloc[0]
    assert ("took more than 20 s" in reason and "COMMUNIQUES_MAX_SECONDS" in reason) or \
        "COMMUNIQUES_MAX_MEMORY_MB" in reason, reason


def test_no_control_character_reaches_the_published_text(hostile_run):
    documents = hostile_run["documents"]
    text = documents.loc[documents["source"] == "nul.txt", "text"].iloc[0]
    assert "\x00" not in text and "Aube" in text
    assert not any(ord(char) < 32 and char not in "\n\t" for t in documents["text"] for char in t)


def test_the_output_folder_inside_the_input_folder_is_never_read(hostile_run):
    documents, again = hostile_run["documents"], hostile_run["again"]
    assert not documents["source"].str.startswith("sortie/").any()
    # the second run sees its Data Docs and tables in sortie/ and reads none of them
    assert again.returncode == 1 and "nothing new" in again.stdout, again.stdout + again.stderr
    assert "14 seen" in again.stdout, again.stdout


def test_a_long_text_is_parsed_in_pieces_with_its_offsets_kept():
    seed = SEEDS[0].read_text(encoding="utf-8")
    text = seed * (2 * nlp.PIECE_CHARACTERS // len(seed) + 1)
    assert len(nlp.split(text)) >= 3 and "".join(nlp.split(text)) == text
    batches = []
    [doc] = nlp.parse([text], on_batch=batches.append)
    assert doc.text == text and len(batches) >= 2  # never all of it in one batch
    extraction, alone = extract(text, doc), extract(seed, next(nlp.parse([seed])))
    assert {r["territory_id"] for r in extraction.territories} == \
        {r["territory_id"] for r in alone.territories}
    rows = extraction.territories + extraction.epcis + extraction.figures
    assert max(row["start"] for row in rows) > 2 * nlp.PIECE_CHARACTERS  # the last piece too
    for row in rows:
        assert text[row["start"]:row["end"]] == row["mention"]


# ---------------------------------------------------------------- what a failed step becomes

def documents_read(folder: Path, count: int) -> tuple[list[etl.Document], state.Inventory]:
    for index in range(count):
        (folder / f"c{index}.txt").write_text(f"Communiqué numéro {index}.", encoding="utf-8")
    inventory = state.scan(folder)
    return etl.read_documents(list(inventory.documents.values())).documents, inventory


def test_a_failed_spacy_batch_of_several_documents_is_parsed_again_one_at_a_time(tmp_path):
    documents, _ = documents_read(tmp_path, 3)
    work = contain._Work([], to_extract=list(documents))
    work._failed(("parse", [d.doc_id for d in documents[:2]]), contain.MEMORY)
    assert work.solo == {d.doc_id for d in documents[:2]} and not work.batch.rejections
    assert work.to_extract == documents  # nothing lost, nothing rejected yet

    work._failed(("parse", [documents[0].doc_id]), contain.MEMORY)  # alone, it fails again
    [rejection] = work.batch.rejections
    assert rejection["doc_id"] == documents[0].doc_id and rejection["stage"] == "extract"
    assert "parsing its text with spaCy needed more memory than the limit of" in rejection["reason"]
    assert "COMMUNIQUES_MAX_MEMORY_MB" in rejection["reason"]
    assert documents[0].row["status"] == "rejected" and work.to_extract == documents[1:]


def test_a_file_whose_reading_was_killed_is_a_rejected_document(tmp_path):
    _, inventory = documents_read(tmp_path, 1)
    [file] = inventory.documents.values()
    work = contain._Work([file])
    work._failed(("read", [file.source]), "took more than 60 s")
    [document] = work.batch.documents
    assert document.doc_id == file.doc_id and document.row["status"] == "rejected"
    [rejection] = work.batch.rejections
    assert rejection["stage"] == "read" and rejection["reason"].startswith(
        "reading the file took more than 60 s, the limit per document")
    assert "COMMUNIQUES_MAX_SECONDS" in rejection["reason"] and not work.to_read


def test_a_crash_is_told_as_a_crash():
    reason = contain._reason("extract", "killed by SIGSEGV")
    assert reason.startswith("the process extracting its rows crashed (killed by SIGSEGV)")


def test_a_memory_limit_too_low_for_the_model_stops_the_run_with_a_clear_error(tmp_path,
                                                                                monkeypatch):
    _, inventory = documents_read(tmp_path, 1)
    contain._close_idle()  # workers of other tests were started with other limits
    monkeypatch.setenv("COMMUNIQUES_MAX_MEMORY_MB", "300")
    with pytest.raises(contain.WorkerError, match="COMMUNIQUES_MAX_MEMORY_MB=300 it may lack"):
        contain.process(list(inventory.documents.values()))


def test_a_worker_whose_caller_exits_without_reading_its_ready_message_ends_quietly():
    """A run with nothing new starts a worker and never uses it: when the run exits, the worker
    must end without printing a traceback (a closed pipe with unread data is a reset, not EOF)."""
    caller = ("from pipeline import contain\n"
              "worker = contain._Worker.start()\n"
              "assert worker.connection.poll(600)\n"  # "ready" is waiting, and is never read
              "import time; time.sleep(1)\n"  # the worker is waiting for a request
              "worker.close()\n"
              "assert worker.process.returncode == 0, worker.process.returncode\n")
    finished = subprocess.run([sys.executable, "-c", caller], capture_output=True, text=True,
                              timeout=700, cwd=Path(__file__).parents[1])
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr, finished.stderr
