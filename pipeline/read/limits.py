"""The size limit checked before a file is parsed.

Files larger than 20 MB are refused before any parsing: a press release is a few pages, so a
bigger file is a wrong file or a PDF full of images, and parsing it would only cost time and
memory. The environment variable COMMUNIQUES_MAX_FILE_BYTES sets another limit in bytes; it is
read at each call, so a run (or a test) can change it without reloading the module.
"""

from __future__ import annotations

import os
import re

from pipeline.read.common import ReadError

MAX_FILE_BYTES: int = 20 * 1024 * 1024  # default size limit
MAX_FILE_BYTES_VARIABLE = "COMMUNIQUES_MAX_FILE_BYTES"


def check_size(n_bytes: int) -> None:
    """Raise ReadError for a file larger than the limit (checked before reading it whole)."""
    limit = max_file_bytes()
    if n_bytes > limit:
        raise ReadError(f"file is too large ({_size(n_bytes)}, the limit is {_size(limit)}); "
                        "check that it is the right file, or reduce it (e.g. export the PDF "
                        f"without images), or raise the limit with {MAX_FILE_BYTES_VARIABLE}")


def max_file_bytes() -> int:
    """The size limit in bytes: COMMUNIQUES_MAX_FILE_BYTES when set, else MAX_FILE_BYTES."""
    value = os.environ.get(MAX_FILE_BYTES_VARIABLE, "").strip()
    if not value:
        return MAX_FILE_BYTES
    if not re.fullmatch(r"[0-9]+", value) or int(value) == 0:
        raise ReadError(f"{MAX_FILE_BYTES_VARIABLE}={value!r} is not a size in bytes; set it to "
                        "a positive whole number, or unset it for the 20 MB default")
    return int(value)


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1024 / 1024:.1f} MB" if n_bytes >= 1024 * 1024 else f"{n_bytes} bytes"
