"""Turning a communiqué file (txt, md, pdf, html) into the clean text every extractor works on.

Extraction offsets index `ReadResult.text`, so each reader decides once what "the text" is; one
module per format says how (text, markdown, html, pdf), `limits` says what is refused before
parsing, and `common` holds what they share. Every failure is a ReadError whose reason says what
is wrong and what to do.
"""

from __future__ import annotations

from pathlib import Path

import re

from pipeline.read.common import SUPPORTED_FORMATS, ReadError, ReadResult
from pipeline.read.limits import MAX_FILE_BYTES, MAX_FILE_BYTES_VARIABLE, check_size, max_file_bytes

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
    # The parsers (bs4, pdfplumber: 0.4 s of imports) are imported here, not with the package:
    # a run with nothing new looks at the formats and limits only, and decides in under 1 s.
    from pipeline.read.columns import in_reading_order
    from pipeline.read.html import html_main_text
    from pipeline.read.markdown import strip_markdown
    from pipeline.read.pdf import read_pdf
    from pipeline.read.pdf_text import without_page_furniture
    from pipeline.read.text import decode

    check_size(len(data))
    if not data.strip():
        raise ReadError("file is empty; export the communiqué again or remove the file")
    try:
        if fmt == "pdf":
            result = read_pdf(data)
            return ReadResult(cleaned(result.text), fmt, result.n_pages)
        text = decode(data)
        if fmt == "txt":  # a PDF's text saved as such: its columns, then its pages
            text = without_page_furniture(in_reading_order(without_control_characters(text)))
        elif fmt == "md":
            text = strip_markdown(text)
        elif fmt == "html":
            text = html_main_text(text)
    except (ReadError, MemoryError):  # a memory limit is the caller's to report
        raise
    except Exception as error:  # the promise is "only ReadError", whatever a parser does
        detail = f"{type(error).__name__}: {error}"[:200]
        raise ReadError(f"unexpected error while reading this {fmt} file ({detail}); "
                        "please report the file to the pipeline maintainers") from None
    if not text.strip():
        raise ReadError(f"file has no text once its {fmt} markup is removed; check that it is the "
                        "communiqué itself (a page filled in by JavaScript has no text: save the "
                        "rendered page or the PDF instead)")
    return ReadResult(text=cleaned(text), format=fmt, n_pages=None)


def cleaned(text: str) -> str:
    """What every format's text goes through: control characters, ligatures, dot leaders."""
    return with_leaders_as_colons(with_ligatures_spelt_out(without_control_characters(text)))


# A PDF's typographic ligatures, left in the text a PDF tool saved ("conﬁer", "Bénéﬁciaire"):
# pdfplumber spells them out, a saved text or a web page copied from a PDF may not, and no
# folded word would match them.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


def with_ligatures_spelt_out(text: str) -> str:
    return text.translate(LIGATURES)


# C0 and C1 control characters but tab and line feed (line endings are "\n" by then).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = {"\x0b", "\x0c", "\x85"}  # vertical tab, form feed (a page break), NEL


def without_control_characters(text: str) -> str:
    """The text with every control character replaced: those that break a line by "\\n", the
    others (NUL...) by a space, so that words stay apart and no offset moves."""
    return _CONTROL.sub(lambda m: "\n" if m.group() in _LINE_BREAKS else " ", text)


# A dot leader between a label and its value on one line: "Nom du territoire ...... X", a
# table of contents' "X ........ 17", a count per région "Région Y ....... 8".
_LEADER = re.compile(r"(?<=\S)[ \t]*(?:\.[ \t]?){4,}[ \t]*(?=[^\s.])")


def with_leaders_as_colons(text: str) -> str:
    """The text with each dot leader written as " : ", the way the extractors read a label and
    its value (a field line, a "Name : value" item); the dots carry no words."""
    return _LEADER.sub(" : ", text)
