"""Where fetched items go: `<into>/<source>/<name>.<ext>`, each with its sidecar.

The file name comes from the URL (its last path segments, made safe) and a hash of the whole
URL, so the same URL always lands in the same file and two URLs never share one. The sidecars
are the memory of what was fetched: the ETag, Last-Modified and sha256 of each URL's last
version, for conditional GETs and to know an unchanged item. Items on other subjects are
remembered in `.off-topic.json` (hidden: never an input), so that they are not downloaded again
unless they change. Every write goes through a hidden temporary file and a rename: a killed fetch
leaves whole files, and a sidecar is written before its file, so a file is never without one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipeline.fetch.http import Response
from pipeline.read.sidecar import SUFFIX, read_sidecar, sidecar_path

OFF_TOPIC_FILE = ".off-topic.json"
NAME_CHARACTERS = 60


class Store:
    """The folder of one source."""

    def __init__(self, into: Path, source_name: str, source_filter: str = ""):
        self.folder = into / source_name
        self.filter = source_filter  # an item judged off-topic by another filter is judged again
        self._by_url: dict[str, tuple[Path, dict]] = {}
        if self.folder.is_dir():
            for path in sorted(self.folder.glob(f"*{SUFFIX}")):
                document = path.with_name(path.name.removesuffix(SUFFIX))
                try:
                    sidecar = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                if isinstance(sidecar, dict) and isinstance(sidecar.get("url"), str):
                    self._by_url[sidecar["url"]] = (document, sidecar)
        self._off_topic = self._read_off_topic()

    def previous(self, url: str) -> dict | None:
        """What the last fetch of `url` recorded (etag, last_modified, sha256), if its file is
        still there unchanged or it was found to be on another subject."""
        if url in self._by_url:
            document, sidecar = self._by_url[url]
            if document.is_file() and read_sidecar(document, _sha256_of(document)):
                return sidecar
        off_topic = self._off_topic.get(url)
        return off_topic if off_topic and off_topic.get("filter") == self.filter else None

    def save(self, response: Response, extension: str, **extra) -> Path:
        """Write the item's file and sidecar; the URL's older file (another extension) goes."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{file_stem(response.url)}.{extension}"
        sidecar = {"url": response.url, "final_url": response.final_url,
                   "fetched_at": response.fetched_at, "status": response.status,
                   "etag": response.etag, "last_modified": response.last_modified,
                   "content_type": response.content_type,
                   "sha256": hashlib.sha256(response.body).hexdigest(),
                   **{key: value for key, value in extra.items() if value is not None}}
        _atomic_write(sidecar_path(path), _json(sidecar))
        _atomic_write(path, response.body)
        previous = self._by_url.get(response.url)
        if previous and previous[0] != path:
            sidecar_path(previous[0]).unlink(missing_ok=True)
            previous[0].unlink(missing_ok=True)
        self._by_url[response.url] = (path, sidecar)
        if self._off_topic.pop(response.url, None) is not None:
            self._write_off_topic()
        return path

    def remember_off_topic(self, response: Response) -> None:
        self._off_topic[response.url] = {
            "etag": response.etag, "last_modified": response.last_modified,
            "sha256": hashlib.sha256(response.body).hexdigest(), "fetched_at": response.fetched_at,
            "filter": self.filter}
        self._write_off_topic()

    def _read_off_topic(self) -> dict[str, dict]:
        try:
            remembered = json.loads((self.folder / OFF_TOPIC_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return remembered if isinstance(remembered, dict) else {}

    def _write_off_topic(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.folder / OFF_TOPIC_FILE, _json(self._off_topic))


def file_stem(url: str) -> str:
    """'https://www.marne.gouv.fr/Actualites/Quatre-territoires?id=3' ->
    'actualites-quatre-territoires-1a2b3c4d': readable, and unique to the URL."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s][-2:]
    readable = re.sub(r"\.(?:html?|pdf|php|aspx?)$", "", "-".join(segments), flags=re.I)
    readable = re.sub(r"[^a-z0-9]+", "-", readable.lower()).strip("-")[:NAME_CHARACTERS].strip("-")
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    return f"{readable or 'index'}-{digest}"


def _sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _json(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
