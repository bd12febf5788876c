"""The sources file: which feeds and listing pages to pull communiqués from (TOML, as data).

    interval = 1.0                          # optional settings, before the sources: see Settings
    [[source]]
    name = "prefecture-marne"               # folder name under the input folder
    feed = "https://www.marne.gouv.fr/…/rss"   # an RSS or Atom feed, or:
    # listing = "https://…/Communiques-de-presse"  # a listing page ...
    # links = "a.fr-card__link"                    # ... and the CSS selector of its item links
    domains = ["www.marne.gouv.fr"]         # hosts the fetcher may follow from this source
    # filter = "territoires? d.industrie"   # regular expression on the item text (the default)

The filter is matched against the item's text with accents and case folded away, so the default
keeps "Territoire d'industrie", "TERRITOIRES D’INDUSTRIE" and "territoires d'Industrie" alike.
Every mistake is a SourcesError naming the source and the key, so `communiques fetch` exits 2.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import soupsieve

from pipeline.normalize import fold

DEFAULT_FILTER = r"territoires? d.industrie"
SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class SourcesError(Exception):
    """The sources file cannot be used: the reason says where and what to change."""


@dataclass(frozen=True)
class Settings:
    """How politely and how far to fetch; each may be set at the top of the sources file."""

    user_agent: str = ("communiques/0.1 (open-source ETL of the press releases about "
                       "Territoires d'industrie; polite, incremental fetching)")
    interval: float = 1.0  # seconds between two requests to one host (robots.txt may ask more)
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3  # after a 5xx, a 429 or a network error
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    max_retry_after: float = 300.0  # a longer Retry-After fails the item instead of waiting
    max_bytes: int = 20 * 1024 * 1024  # a response larger than this is cut off, not read
    max_items: int = 500  # items taken from one feed or listing, newest first
    max_redirects: int = 5


@dataclass(frozen=True)
class Source:
    name: str
    domains: tuple[str, ...]
    feed: str | None = None
    listing: str | None = None
    links: str | None = None
    filter: re.Pattern = field(default_factory=lambda: re.compile(DEFAULT_FILTER))

    @property
    def start(self) -> str:
        """The URL the source is read from: its feed or its listing page."""
        return self.feed or self.listing

    def allows(self, url: str) -> bool:
        """Whether `url` is an http(s) URL on one of the source's domains."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "") in self.domains

    def about_the_programme(self, text: str) -> bool:
        return bool(self.filter.search(fold(text)))


def load_sources(path: Path) -> tuple[Settings, list[Source]]:
    """Settings and sources of the file at `path`. Raises SourcesError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"sources file {path} does not exist; pass --sources FILE "
                           "(README: 'Fetching from the web')") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesError(f"cannot read the sources file {path} ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path} is not valid TOML ({error})") from None
    tables = data.pop("source", [])
    settings = _settings(data, path)
    if not isinstance(tables, list) or not tables:
        raise SourcesError(f"{path} holds no [[source]] table; add one per feed or listing page")
    sources = [_source(table, index, path) for index, table in enumerate(tables, start=1)]
    names = [source.name for source in sources]
    for name in names:
        if names.count(name) > 1:
            raise SourcesError(f"{path}: two sources are named {name!r}; names are folder "
                               "names and must differ")
    return settings, sources


def _settings(data: dict, path: Path) -> Settings:
    known = Settings.__dataclass_fields__
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise SourcesError(f"{path}: unknown setting(s) {', '.join(unknown)}; known ones are "
                           f"{', '.join(known)}")
    values = {}
    for key, value in data.items():
        expected = type(getattr(Settings, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool) or (
                expected is not str and value < 0):
            raise SourcesError(f"{path}: {key} = {value!r} should be a "
                               f"{'text' if expected is str else 'positive number'}")
        values[key] = value
    return Settings(**values)


def _source(table: object, index: int, path: Path) -> Source:
    where = f"{path}, source {index}"
    if not isinstance(table, dict):
        raise SourcesError(f"{where} is not a table")
    name = table.get("name")
    if not isinstance(name, str) or not SOURCE_NAME.fullmatch(name):
        raise SourcesError(f"{where}: name = {name!r} should be a folder name (lower-case "
                           "letters, digits, '.', '_' or '-')")
    where = f"{path}, source {name!r}"
    unknown = sorted(set(table) - {"name", "feed", "listing", "links", "domains", "filter"})
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(unknown)}")
    feed, listing, links = table.get("feed"), table.get("listing"), table.get("links")
    if bool(feed) == bool(listing):
        raise SourcesError(f"{where}: give either feed (an RSS or Atom feed) or listing (a page "
                           "of links, with links = a CSS selector), not both nor neither")
    for key, url in (("feed", feed), ("listing", listing)):
        if url is not None and (not isinstance(url, str)
                                or urlsplit(url).scheme not in ("http", "https")
                                or not urlsplit(url).hostname):
            raise SourcesError(f"{where}: {key} = {url!r} is not an http(s) URL")
    if listing:
        if not isinstance(links, str) or not links.strip():
            raise SourcesError(f"{where}: a listing needs links = the CSS selector of its item "
                               "links (e.g. \"a.fr-card__link\")")
        try:
            soupsieve.compile(links)
        except soupsieve.SelectorSyntaxError as error:
            raise SourcesError(f"{where}: links = {links!r} is not a CSS selector "
                               f"({str(error).splitlines()[0]})") from None
    elif links is not None:
        raise SourcesError(f"{where}: links is for a listing page; a feed lists its own items")
    domains = table.get("domains")
    if (not isinstance(domains, list) or not domains
            or not all(isinstance(d, str) and d for d in domains)):
        raise SourcesError(f"{where}: domains should list the hosts the fetcher may follow, "
                           "e.g. domains = [\"www.marne.gouv.fr\"]")
    domains = tuple(d.lower() for d in domains)
    start_host = urlsplit(feed or listing).hostname
    if start_host not in domains:
        raise SourcesError(f"{where}: the host of its {'feed' if feed else 'listing'} "
                           f"({start_host}) is not in its domains")
    pattern = table.get("filter", DEFAULT_FILTER)
    try:
        compiled = re.compile(fold(pattern)) if isinstance(pattern, str) else None
    except re.error as error:
        raise SourcesError(f"{where}: filter = {pattern!r} is not a regular expression "
                           f"({error})") from None
    if compiled is None:
        raise SourcesError(f"{where}: filter should be a regular expression in quotes")
    return Source(name=name, domains=domains, feed=feed, listing=listing,
                  links=links, filter=compiled)
