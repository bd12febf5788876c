"""One polite HTTP client for every request of a fetch.

- robots.txt of each host is read once (protego) and honoured, with its Crawl-delay, as RFC 9309
  says: its redirects followed, and a host whose robots.txt cannot be read (5xx, network error) is
  not fetched from;
- one request at a time per host, at least `interval` seconds apart;
- a User-Agent that says who we are, timeouts on connect and on each read, and a time limit on
  the whole response;
- retries with exponential backoff after a 5xx, a 429 or a network error, waiting as long as
  Retry-After says (up to max_retry_after);
- conditional GET: an ETag or Last-Modified from the previous fetch, and a 304 means unchanged;
- redirects followed by hand, so that each hop is checked: on the source's domains, not a loop,
  not to a loopback or private address (unless the source itself is on one: the tests), and the
  address a response comes from is checked again (a DNS answer may change between the check
  and the connection);
- the body streamed and cut off past max_bytes, never read whole.

Every failure is a FetchError whose reason names the URL's problem; it ends that item only.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from pipeline.fetch.sources import Settings, Source

RETRIED_STATUSES = {429, 500, 502, 503, 504}
RESPONSE_SECONDS = 120.0  # the whole of one response, however slowly its bytes come
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_MAX_REDIRECTS = 5


class FetchError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Response:
    """What a GET gave: the body is None for a 304 (not modified)."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes | None
    content_type: str
    etag: str | None
    last_modified: str | None
    fetched_at: str  # ISO 8601, UTC

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class PoliteClient:
    """GETs for one fetch run; `sleep` and `clock` are the time functions (tests may pass others)."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self._sleep, self._clock = sleep, clock
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept-Language": "fr",
                     "Accept-Encoding": "gzip, deflate"},  # the ones _decoded undoes
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=False, trust_env=False)
        self._robots: dict[str, Protego | None] = {}
        self._robots_unreadable: dict[str, str] = {}  # origin -> why its robots.txt could not be read
        self._next_request: dict[str, float] = {}  # host -> earliest time of its next request
        self._checked_hosts: dict[str, bool] = {}  # host -> resolves to a public address

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    # ---------------------------------------------------------------- the public call

    def get(self, url: str, source: Source, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET `url` for `source`, following redirects that stay within its domains."""
        seen, current = [url], url
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        private_ok = not self._public(urlsplit(source.start).hostname)
        for _ in range(self.settings.max_redirects + 1):
            self._check_allowed(current, source, private_ok)
            status, response_headers, body = self._get_with_retries(current, headers, private_ok)
            if status in (301, 302, 303, 307, 308):
                location = response_headers.get("location")
                if not location:
                    raise FetchError(f"{current} answered HTTP {status} without a Location")
                following = urljoin(current, location.strip())
                if following in seen:
                    raise FetchError(f"redirect loop: {' -> '.join([*seen, following])}")
                if not source.allows(following):
                    raise FetchError(f"{current} redirects to {following}, outside the "
                                     f"source's domains ({', '.join(source.domains)})")
                seen.append(following)
                current = following
                continue
            if status == 304:
                return self._response(url, current, status, None, response_headers)
            if status != 200:
                raise FetchError(f"{current} answered HTTP {status}"
                                 f"{' ' + _reason(status) if _reason(status) else ''}")
            return self._response(url, current, status, body, response_headers)
        raise FetchError(f"more than {self.settings.max_redirects} redirects from {url}")

    def _response(self, url: str, final_url: str, status: int, body: bytes | None,
                  headers: httpx.Headers) -> Response:
        return Response(url=url, final_url=final_url, status=status, body=body,
                        content_type=headers.get("content-type", "").split(";")[0].strip().lower(),
                        etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                        fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))

    # ---------------------------------------------------------------- checks before a request

    def _check_allowed(self, url: str, source: Source, private_ok: bool) -> None:
        if not source.allows(url):
            raise FetchError(f"{url} is outside the source's domains ({', '.join(source.domains)})")
        host = urlsplit(url).hostname
        if not private_ok and not self._public(host):
            raise FetchError(f"{url}: {host} is a loopback or private address; only a source "
                             "whose own address is one may reach such hosts")
        robots = self._robots_of(url, private_ok)
        if robots is not None and not robots.can_fetch(url, self.settings.user_agent):
            raise FetchError(f"robots.txt of {host} disallows {url}")

    def _public(self, host: str) -> bool:
        """Whether every address `host` resolves to is a public one (unresolved: public, the
        request will fail and say so)."""
        if host not in self._checked_hosts:
            try:
                addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
            except (OSError, UnicodeError):
                addresses = set()
            self._checked_hosts[host] = all(ipaddress.ip_address(a.split("%")[0]).is_global
                                            for a in addresses)
        return self._checked_hosts[host]

    def _robots_of(self, url: str, private_ok: bool) -> Protego | None:
        """The parsed robots.txt of the URL's host; None when it has none (a 4xx)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = None
            try:
                self._robots[origin] = self._read_robots(origin, private_ok)
            except FetchError as error:
                self._robots_unreadable[origin] = error.reason
        if origin in self._robots_unreadable:
            raise FetchError(f"robots.txt of {parts.hostname} could not be read "
                             f"({self._robots_unreadable[origin]}); as RFC 9309 asks, nothing "
                             "is fetched from that host until it can be (the next run tries again)")
        return self._robots[origin]

    def _read_robots(self, origin: str, private_ok: bool) -> Protego | None:
        """robots.txt as RFC 9309 reads it: redirects followed (up to five), a 4xx means no rules
        (401 and 403: the whole site off limits, the usual reading), a 5xx or a network error
        means that nothing may be fetched (FetchError)."""
        location = f"{origin}/robots.txt"
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            status, headers, body = self._get_with_retries(location, {}, private_ok,
                                                           max_bytes=ROBOTS_MAX_BYTES)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                following = urljoin(location, headers["location"].strip())
                if not private_ok and not self._public(urlsplit(following).hostname):
                    raise FetchError(f"its redirect leads to a loopback or private address "
                                     f"({following})")
                location = following
                continue
            if status == 200:
                return Protego.parse(body.decode("utf-8", errors="replace"))
            if status in (401, 403):
                return Protego.parse("User-agent: *\nDisallow: /")
            if 400 <= status < 500:
                return None
            raise FetchError(f"HTTP {status}")
        return None  # RFC 9309: past five redirects, as if there were none

    # ---------------------------------------------------------------- the request itself

    def _get_with_retries(self, url: str, headers: dict, private_ok: bool,
                          max_bytes: int | None = None) -> tuple[int, httpx.Headers, bytes]:
        attempt = 0
        while True:
            try:
                status, response_headers, body = self._get_once(url, headers, private_ok, max_bytes)
            except FetchError as error:
                if not getattr(error, "retry", False) or attempt >= self.settings.retries:
                    raise
                wait = self._backoff(attempt)
            else:
                if status not in RETRIED_STATUSES or attempt >= self.settings.retries:
                    return status, response_headers, body
                wait = _retry_after(response_headers.get("retry-after"))
                if wait is None:
                    wait = self._backoff(attempt)
                elif wait > self.settings.max_retry_after:
                    raise FetchError(f"{url} answered HTTP {status} asking to retry after "
                                     f"{wait:.0f} s, more than max_retry_after "
                                     f"({self.settings.max_retry_after:.0f} s)")
            attempt += 1
            self._wait_host(url, at_least=wait)

    def _backoff(self, attempt: int) -> float:
        return self.settings.backoff * 2 ** attempt

    def _get_once(self, url: str, headers: dict, private_ok: bool,
                  max_bytes: int | None) -> tuple[int, httpx.Headers, bytes]:
        limit = max_bytes or self.settings.max_bytes
        self._wait_host(url)
        started = self._clock()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                peer = _peer_address(response)
                if not private_ok and peer is not None and not peer.is_global:
                    raise FetchError(f"{url} answered from {peer}, a loopback or private address "
                                     "(its host's DNS changed since it was checked); not read")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(f"{url} is {_size(int(declared))}, more than the limit of "
                                     f"{_size(limit)} (max_bytes); not downloaded")
                chunks, size = [], 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"{url} is larger than the limit of {_size(limit)} "
                                         "(max_bytes); cut off")
                    if self._clock() - started > RESPONSE_SECONDS:
                        raise FetchError(f"{url} took more than {RESPONSE_SECONDS:.0f} s to "
                                         "arrive; given up")
                    chunks.append(chunk)
                body = b"".join(chunks)
                try:
                    body = _decoded(body, response.headers.get("content-encoding", ""), limit)
                except ValueError as error:
                    raise FetchError(f"{url}: {error}") from None
                return response.status_code, response.headers, body
        except httpx.TimeoutException as error:
            raise _retryable(f"{url} timed out ({type(error).__name__}: connect timeout "
                             f"{self.settings.connect_timeout:g} s, read timeout "
                             f"{self.settings.read_timeout:g} s)") from None
        except httpx.TransportError as error:
            raise _retryable(f"{url} could not be reached ({type(error).__name__}: "
                             f"{error})") from None
        except httpx.InvalidURL as error:
            raise FetchError(f"{url} is not a valid URL ({error})") from None
        finally:
            self._next_request[urlsplit(url).netloc] = self._clock() + self._interval(url)

    def _interval(self, url: str) -> float:
        parts = urlsplit(url)
        robots = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        delay = robots.crawl_delay(self.settings.user_agent) if robots else None
        return max(self.settings.interval, min(delay or 0.0, 60.0))

    def _wait_host(self, url: str, at_least: float = 0.0) -> None:
        host = urlsplit(url).netloc
        wait = max(at_least, self._next_request.get(host, 0.0) - self._clock())
        if wait > 0:
            self._sleep(wait)


def _peer_address(response: httpx.Response) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address the response actually came from: a host checked as public may resolve to
    another address when the request connects (DNS rebinding)."""
    stream = response.extensions.get("network_stream")
    address = stream.get_extra_info("server_addr") if stream is not None else None
    if not address:
        return None
    return ipaddress.ip_address(str(address[0]).split("%")[0])


def _retryable(reason: str) -> FetchError:
    error = FetchError(reason)
    error.retry = True
    return error


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _decoded(body: bytes, encoding: str, limit: int) -> bytes:
    """The body with its Content-Encoding (gzip, deflate) undone, at most `limit` bytes: a small
    compressed body may inflate to gigabytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ValueError(f"unsupported Content-Encoding {encoding!r}")
    inflater = zlib.decompressobj(wbits=47 if "gzip" in encoding else 15)  # 47: gzip or zlib
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise ValueError(f"its {encoding} body is corrupt ({error})") from None
    if len(data) > limit:
        raise ValueError(f"its body inflates past the limit of {_size(limit)} (max_bytes); cut off")
    return data


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1024 / 1024:.1f} MB" if n_bytes >= 1024 * 1024 else f"{n_bytes} bytes"
