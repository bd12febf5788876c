"""RSS and Atom feeds: the items they list (feedparser, given bytes: it never fetches)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from pipeline.fetch.http import FetchError


@dataclass(frozen=True)
class Item:
    """An item a feed or a listing page points to, with what it says about it."""

    url: str
    title: str = ""
    summary: str = ""


def feed_items(body: bytes, feed_url: str) -> list[Item]:
    """The items of a feed, in its order (newest first, as feeds list them). Raises FetchError
    for a body that is not a feed; a feed with a few errors (feedparser's bozo) is kept when it
    still lists items."""
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=True)
    items, seen = [], set()
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", [])
                                          if l.get("href")), None)
        if not link:
            continue
        url = urljoin(feed_url, link.strip()).split("#")[0]
        if url not in seen:
            seen.add(url)
            items.append(Item(url, entry.get("title", ""), entry.get("summary", "")))
    if not items and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise FetchError(f"{feed_url} is not a readable RSS or Atom feed{detail}; check the "
                         "feed URL of this source")
    return items
