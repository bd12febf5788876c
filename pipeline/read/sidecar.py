"""The sidecar `.json` that `communiques fetch` writes beside each file: where it came from.

`raw/prefecture-marne/quatre-territoires-1a2b3c4d.html` has its sidecar in
`raw/prefecture-marne/quatre-territoires-1a2b3c4d.html.json`: url, final_url, fetched_at,
status, etag, last_modified, content_type, sha256 (of the file's bytes), and, when known, the
page's title and publication date (`published`) and the page a PDF is attached to
(`attached_to`). A sidecar is metadata, never a document. One whose sha256 is not that of the
file beside it describes other bytes (the file was edited since): it is ignored.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

SUFFIX = ".json"
FIELDS = ("url", "final_url", "fetched_at", "status", "etag", "last_modified", "content_type",
          "sha256")


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def read_sidecar(path: Path, sha256: str) -> dict | None:
    """The sidecar of the file at `path` whose bytes have this sha256; None when there is none,
    it is unreadable, or it describes other bytes."""
    try:
        sidecar = json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(sidecar, dict) or sidecar.get("sha256") != sha256:
        return None
    return sidecar


def provenance(path: Path, sha256: str) -> dict:
    """The documents columns a sidecar fills: url and fetched_at (None without a sidecar)."""
    sidecar = read_sidecar(path, sha256) or {}
    url = sidecar.get("url") if isinstance(sidecar.get("url"), str) else None
    try:
        fetched_at = datetime.fromisoformat(sidecar["fetched_at"])
    except (KeyError, TypeError, ValueError):
        fetched_at = None
    if fetched_at is not None and fetched_at.tzinfo is None:
        fetched_at = None  # a time without its zone is no point in time
    return {"url": url, "fetched_at": fetched_at}
