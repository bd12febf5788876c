"""The limits every document is held to, each named with the variable that raises it.

A press release is a few pages: a file past these limits is a wrong file, a PDF full of
images, or one made to hurt (a content stream that inflates to gigabytes, a 2 MB text that
spaCy would need 6 GB for). Each limit is checked as early as it can be: the size from the
file's stat before it is read, the pages before they are parsed, the characters before spaCy
sees the text; time and memory are enforced by the worker process reading and extracting the
document (pipeline.contain). A document past a limit is rejected with a reason naming the
limit and its variable. Variables are read at each call, so a run (or a test) can set them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from pipeline.read.common import ReadError


@dataclass(frozen=True)
class Limit:
    """A limit: its environment variable, default, unit and what it limits."""

    variable: str
    default: int
    unit: str  # "bytes", "pages"...: how a value reads ("the limit is 200 pages")
    what: str  # "a size in bytes": what a value must be

    def value(self) -> int:
        """The variable's value when set, else the default. Raises ReadError on a value that is
        not a positive whole number (the command line exits 2 on it)."""
        value = os.environ.get(self.variable, "").strip()
        if not value:
            return self.default
        if not re.fullmatch(r"[0-9]+", value) or int(value) == 0:
            raise ReadError(f"{self.variable}={value!r} is not {self.what}; set it to a positive "
                            f"whole number, or unset it for the default of {self.show(self.default)}")
        return int(value)

    def show(self, amount: int) -> str:
        if self.unit == "bytes":
            return f"{amount / 1024 / 1024:.1f} MB" if amount >= 1024 * 1024 else f"{amount} bytes"
        return f"{amount:,} {self.unit}"


MAX_FILE_BYTES = Limit("COMMUNIQUES_MAX_FILE_BYTES", 20 * 1024 * 1024, "bytes", "a size in bytes")
MAX_PAGES = Limit("COMMUNIQUES_MAX_PAGES", 200, "pages", "a number of pages")
# spaCy's memory grows by ~3.3 MB per 1,000 characters it parses together, and extraction's
# time faster than the length: 200,000 characters is ~30 s, about 60 pages of prose.
MAX_CHARACTERS = Limit("COMMUNIQUES_MAX_CHARACTERS", 200_000, "characters", "a number of characters")
MAX_SECONDS = Limit("COMMUNIQUES_MAX_SECONDS", 60, "s", "a number of seconds")
# The address space of a worker process: ~0.7 GB once the spaCy model is loaded.
MAX_MEMORY_MB = Limit("COMMUNIQUES_MAX_MEMORY_MB", 2048, "MB", "a size in megabytes")
LIMITS = (MAX_FILE_BYTES, MAX_PAGES, MAX_CHARACTERS, MAX_SECONDS, MAX_MEMORY_MB)
MAX_FILE_BYTES_VARIABLE = MAX_FILE_BYTES.variable


def check_size(n_bytes: int) -> None:
    """Raise ReadError for a file larger than the limit (checked before reading it whole)."""
    limit = max_file_bytes()
    if n_bytes > limit:
        raise ReadError(f"file is too large ({MAX_FILE_BYTES.show(n_bytes)}, the limit is "
                        f"{MAX_FILE_BYTES.show(limit)}); check that it is the right file, or "
                        "reduce it (e.g. export the PDF without images), or raise the limit with "
                        f"{MAX_FILE_BYTES.variable}")


def max_file_bytes() -> int:
    """The size limit in bytes: COMMUNIQUES_MAX_FILE_BYTES when set, else 20 MB."""
    return MAX_FILE_BYTES.value()


def check_all() -> None:
    """Raise ReadError on the first limit whose variable is set to something unusable."""
    for limit in LIMITS:
        limit.value()


def over_limit(limit: Limit, found: int, what: str, advice: str) -> str:
    """The reason of a rejection for a limit passed: '<what> (<found>, the limit is <limit>);
    <advice>, or raise <VARIABLE>'."""
    return (f"{what} ({limit.show(found)}, the limit is {limit.show(limit.value())}); {advice}, "
            f"or raise the limit with {limit.variable}")
