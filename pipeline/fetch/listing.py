"""Listing pages ("Communiqués de presse", "Actualités"): the item links its selector picks."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from pipeline.fetch.feeds import Item
from pipeline.fetch.http import FetchError


def listing_items(body: bytes, page_url: str, selector: str) -> list[Item]:
    """The links of the page matching `selector` (an <a>, or an element holding one), in page
    order, absolute and without fragment. Raises FetchError when the selector finds none: the
    page changed its layout, or the selector is wrong."""
    soup = BeautifulSoup(body, "lxml")
    items, seen = [], set()
    for element in soup.select(selector):
        link = element if element.name == "a" else element.find("a", href=True)
        href = link.get("href") if link is not None else None
        if not href or href.strip().lower().startswith(("javascript:", "mailto:", "tel:")):
            continue
        url = urljoin(page_url, href.strip()).split("#")[0]
        if url not in seen:
            seen.add(url)
            items.append(Item(url, " ".join(link.get_text(" ").split())))
    if not items:
        raise FetchError(f"no link of {page_url} matches the selector {selector!r}; check the "
                         "links selector of this source against the page")
    return items
