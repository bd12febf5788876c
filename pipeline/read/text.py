"""Plain text (also the decoding of Markdown and HTML files): decoded exactly as written.

Only the BOM is dropped and line endings become "\\n": gold annotations quote the raw text with
its double spaces and line breaks.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.read.common import ReadError

# C0/C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which a decoded file is binary data rather than text.
_BINARY_CONTROL_SHARE = 0.01


def decode(data: bytes) -> str:
    """Bytes as text: strict UTF-8 (with or without BOM) first, else Windows-1252/Latin-1.

    charset-normalizer is limited to the two legacy encodings French files come in; on anything
    else it finds no plausible decoding, which is how binary data is recognised. Line endings
    become "\\n"; nothing else changes.
    """
    if data.startswith(b"%PDF-"):  # may well be 7-bit clean, so it would pass for text
        raise ReadError("file is a PDF, not text; give it the .pdf extension")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = decode_or_none(data, "utf-16")  # Notepad's "Unicode": unambiguous with its BOM
    else:
        text = decode_or_none(data, "utf-8-sig")
        if text is None:
            match = from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
            text = None if match is None else data.decode(match.encoding)
    if text is None or len(_CONTROL.findall(text)) > len(text) * _BINARY_CONTROL_SHARE:
        raise ReadError("file looks like binary data, not text (it is neither UTF-8, Windows-1252 "
                        "nor Latin-1 text); check that it is a text export and not a renamed "
                        "document (Word, image, archive)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("file is empty; export the communiqué again or remove the file")
    return text


def decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
