"""What a downloaded item holds: its format, its clean text (for the filter), the title and
publication date of a web page (trafilatura, htmldate), and the PDFs its main content attaches.

The text is the one `communiques run` will extract from (pipeline.read), so the filter judges
exactly what would be processed; trafilatura only adds the page's metadata to the sidecar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import trafilatura

from pipeline.fetch.http import FetchError, Response
from pipeline.read import ReadError, read_document
from pipeline.read.html import main_element
from pipeline.read.text import decode

# Content types a communiqué comes in, and the extension its file gets.
CONTENT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
                 "text/plain": "txt", "text/markdown": "md"}


@dataclass(frozen=True)
class Page:
    extension: str
    text: str
    title: str | None
    published: str | None  # ISO date
    attachments: tuple[str, ...]  # URLs of the PDFs its main content links to


def read_page(response: Response) -> Page:
    """Raises FetchError for a content type that is no communiqué, or a body that cannot be read."""
    extension = CONTENT_TYPES.get(response.content_type)
    if extension is None and response.content_type in ("", "application/octet-stream"):
        extension = _extension_of(response.final_url)
    if extension is None:
        raise FetchError(f"{response.final_url} is {response.content_type or 'of no stated type'}"
                         f", not a communiqué ({', '.join(sorted(CONTENT_TYPES))})")
    try:
        text = read_document(Path(f"item.{extension}"), response.body).text
    except ReadError as error:
        raise FetchError(f"{response.final_url} cannot be read: {error.reason}") from None
    title = published = None
    attachments: tuple[str, ...] = ()
    if extension == "html":
        html = decode(response.body)
        title, published = _metadata(html)
        attachments = _attached_pdfs(html, response.final_url)
    return Page(extension, text, title, published, attachments)


def _extension_of(url: str) -> str | None:
    suffix = Path(urlsplit(url).path).suffix.lower().lstrip(".")
    return {"htm": "html"}.get(suffix, suffix) if suffix in ("html", "htm", "pdf", "txt") else None


def _metadata(html: str) -> tuple[str | None, str | None]:
    """Title and original publication date (not the "mis à jour" one) of a web page; no date
    guessed from the text (htmldate's extensive search takes "fin 2018" for 2018-01-01)."""
    document = trafilatura.extract_metadata(
        html, date_config={"extensive_search": False, "original_date": True})
    if document is None:
        return None, None
    return document.title or None, document.date or None


def _attached_pdfs(html: str, page_url: str) -> tuple[str, ...]:
    """PDF links of the page's main content (not those of its menus and footers)."""
    found = []
    for link in main_element(html).find_all("a", href=True):
        url = urljoin(page_url, link["href"].strip()).split("#")[0]
        is_pdf = (urlsplit(url).path.lower().endswith(".pdf")
                  or (link.get("type") or "").lower() == "application/pdf")
        if is_pdf and urlsplit(url).scheme in ("http", "https") and url not in found:
            found.append(url)
    return tuple(found)
