"""What every reader shares: the formats it knows, the result it gives, the error it raises."""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".pdf": "pdf", ".html": "html",
                                     ".htm": "html"}


@dataclass(frozen=True)
class ReadResult:
    """A readable document: its clean text (what offsets index), format and page count (PDF)."""

    text: str
    format: str
    n_pages: int | None


class ReadError(Exception):
    """Raised with a reason a person can act on: which problem, what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
