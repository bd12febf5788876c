"""Turning a communiqué file (txt, md, pdf, html) into the clean text every extractor works on.

Extraction offsets index `ReadResult.text`, so each reader decides once what "the text" is; one
module per format says how (text, markdown, html, pdf), `limits` says what is refused before
parsing, and `common` holds what they share. Every failure is a ReadError whose reason says what
is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.read.common import SUPPORTED_FORMATS, ReadError, ReadResult
from pipeline.read.html import html_main_text
from pipeline.read.limits import MAX_FILE_BYTES, MAX_FILE_BYTES_VARIABLE, check_size, max_file_bytes
from pipeline.read.markdown import strip_markdown
from pipeline.read.pdf import read_pdf
from pipeline.read.text import decode

__all__ = ["MAX_FILE_BYTES", "MAX_FILE_BYTES_VARIABLE", "SUPPORTED_FORMATS", "ReadError",
           "ReadResult", "check_size", "max_file_bytes", "read_document"]


def read_document(path: Path, data: bytes) -> ReadResult:
    """Decode `data` (the bytes of `path`; the extension of `path` picks the format). Raises ReadError."""
    suffix = path.suffix.lower()
    fmt = SUPPORTED_FORMATS.get(suffix)
    if fmt is None:
        found = f"unsupported file type '{suffix}'" if suffix else "file has no extension"
        raise ReadError(f"{found}; supported types are "
                        f"{', '.join(sorted(SUPPORTED_FORMATS))}: convert the document to one of "
                        "them (or give it the right extension)")
    check_size(len(data))
    if not data.strip():
        raise ReadError("file is empty; export the communiqué again or remove the file")
    try:
        if fmt == "pdf":
            return read_pdf(data)
        text = decode(data)
        if fmt == "md":
            text = strip_markdown(text)
        elif fmt == "html":
            text = html_main_text(text)
    except ReadError:
        raise
    except Exception as error:  # the promise is "only ReadError", whatever a parser does
        detail = f"{type(error).__name__}: {error}"[:200]
        raise ReadError(f"unexpected error while reading this {fmt} file ({detail}); "
                        "please report the file to the pipeline maintainers") from None
    if not text.strip():
        raise ReadError(f"file has no text once its {fmt} markup is removed; check that it is the "
                        "communiqué itself (a page filled in by JavaScript has no text: save the "
                        "rendered page or the PDF instead)")
    return ReadResult(text=text, format=fmt, n_pages=None)
