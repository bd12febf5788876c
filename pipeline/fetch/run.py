"""A fetch: every source's new or changed items into the input folder, with a report.

For each source: read its feed or listing page, then each item it lists (at most max_items):
an item off the source's domains is left out; one whose last version is on disk is asked for
conditionally (ETag, If-Modified-Since), and a 304 or the same bytes means unchanged, nothing
written; a new or changed one is read as `communiques run` will read it, kept when its text
passes the source's filter (with the PDFs its main content attaches), else remembered as on
another subject. An item's failure ends that item, a source's failure that source; the others
go on, and the report says what happened to each.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.fetch.feeds import Item, feed_items
from pipeline.fetch.http import FetchError, PoliteClient, Response
from pipeline.fetch.listing import listing_items
from pipeline.fetch.page import read_page
from pipeline.fetch.sources import Settings, Source, load_sources
from pipeline.fetch.store import Store


@dataclass
class SourceReport:
    """What one source gave: counts of files, and why items or the source failed."""

    name: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    off_topic: int = 0
    left_out: list[str] = field(default_factory=list)  # links off the source's domains
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    error: str | None = None  # the source itself could not be read

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failed


@dataclass
class FetchReport:
    into: Path
    sources: list[SourceReport]
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(source.ok for source in self.sources)

    @property
    def written(self) -> int:
        return sum(source.new + source.changed for source in self.sources)

    def to_json(self) -> dict:
        return {"into": str(self.into), "seconds": self.seconds, "ok": self.ok,
                "sources": [vars(source) for source in self.sources]}


def fetch(sources_file: Path, into: Path) -> FetchReport:
    """Pull every source of `sources_file` into `into`. Raises SourcesError on a bad file."""
    settings, sources = load_sources(sources_file)
    return fetch_sources(settings, sources, into)


def fetch_sources(settings: Settings, sources: list[Source], into: Path,
                  client: PoliteClient | None = None) -> FetchReport:
    started = time.monotonic()
    reports = []
    with client or PoliteClient(settings) as http:
        for source in sources:
            report = SourceReport(source.name)
            try:
                _fetch_source(source, settings, http,
                              Store(into, source.name, source.filter.pattern), report)
            except FetchError as error:
                report.error = error.reason
            reports.append(report)
    return FetchReport(into, reports, round(time.monotonic() - started, 1))


def _fetch_source(source: Source, settings: Settings, http: PoliteClient, store: Store,
                  report: SourceReport) -> None:
    start = http.get(source.start, source)
    if source.feed:
        items = feed_items(start.body, start.final_url)
    else:
        items = listing_items(start.body, start.final_url, source.links)
    for item in items[:settings.max_items]:
        if not source.allows(item.url):
            report.left_out.append(item.url)
            continue
        try:
            _fetch_item(item, source, http, store, report)
        except FetchError as error:
            report.failed.append((item.url, error.reason))


def _fetch_item(item: Item, source: Source, http: PoliteClient, store: Store,
                report: SourceReport, attached_to: str | None = None) -> None:
    previous = store.previous(item.url)
    response = http.get(item.url, source, etag=previous and previous.get("etag"),
                        last_modified=previous and previous.get("last_modified"))
    if _unchanged(response, previous):
        report.unchanged += 1
        return
    page = read_page(response)
    if attached_to is None and not source.about_the_programme(
            "\n".join([item.title, item.summary, page.text])):
        store.remember_off_topic(response)
        report.off_topic += 1
        return
    store.save(response, page.extension, title=page.title, published=page.published,
               attached_to=attached_to)
    if previous and "url" in previous:  # a file of ours (the off-topic memory has no url)
        report.changed += 1
    else:
        report.new += 1
    for url in page.attachments:
        if not source.allows(url):
            report.left_out.append(url)
            continue
        try:
            _fetch_item(Item(url), source, http, store, report, attached_to=item.url)
        except FetchError as error:
            report.failed.append((url, error.reason))


def _unchanged(response: Response, previous: dict | None) -> bool:
    """A 304, or the bytes of the last fetch: nothing to write."""
    if response.not_modified:
        if previous is None:
            raise FetchError(f"{response.url} answered 304 (not modified) to a request that was "
                             "not conditional")
        return True
    return (previous is not None
            and previous.get("sha256") == hashlib.sha256(response.body).hexdigest())


def format_report(report: FetchReport) -> str:
    """What `communiques fetch` prints: a line per source, then what failed and why."""
    lines = [f"fetched {len(report.sources)} source(s) into {report.into}/ ({report.seconds} s)"]
    for source in report.sources:
        if source.error:
            lines.append(f"  {source.name}: failed: {source.error}")
            continue
        counts = [f"{source.new} new", f"{source.changed} changed", f"{source.unchanged} unchanged",
                  f"{source.off_topic} on other subjects", f"{len(source.failed)} failed"]
        if source.left_out:
            counts.append(f"{len(source.left_out)} link(s) off its domains left out")
        lines.append(f"  {source.name}: {', '.join(counts)}")
        lines += [f"    failed: {reason}" for _, reason in source.failed]
    return "\n".join(lines)
