"""`communiques fetch` against a fake préfecture site on 127.0.0.1 (tests/fake_site.py): feeds,
listing pages, conditional GET, politeness, and every way an item or a source can fail.

The site's pages are tests/web/pages/*.html (our own communiqués, real facts); the PDF is typeset
here. Every test starts its own site; nothing reaches beyond the loopback address.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from fake_site import FakeSite, Reply
from pipeline.fetch.http import FetchError, PoliteClient
from pipeline.fetch.run import fetch, fetch_sources
from pipeline.fetch.sources import Settings, Source, SourcesError, load_sources
from pipeline.read.sidecar import FIELDS

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "web" / "pages"
COMMAND = [str(Path(sys.executable).with_name("communiques"))]
FAST = "interval = 0.01\nbackoff = 0.05\nretries = 2\nread_timeout = 1.0\nconnect_timeout = 1.0\n"
OTHER_SUBJECT = ("<html><body><main><h1>Épisode de canicule</h1><p>Les bons réflexes face à la "
                 "chaleur : boire de l’eau, fermer les volets.</p></main></body></html>").encode()


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def communique_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    for y, line in [(770, "Communiqué de presse"),
                    (740, "Quatre Territoires d'industrie labellisés dans la Marne (2023-2027)."),
                    (724, "Le Territoire d'industrie de Vitry-le-François en fait partie.")]:
        pdf.drawString(72, y, line)
    pdf.save()
    return buffer.getvalue()


def rss(site: FakeSite, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>Communiqué {i}</title><link>{site.url}{path}</link>"
                    f"<pubDate>Tue, 21 Nov 2023 10:00:00 +0100</pubDate></item>"
                    for i, path in enumerate(paths))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Préfecture de la Marne</title><link>{site.url}/</link>{items}"
            f"</channel></rss>").encode()


def with_etag(body: bytes, etag: str, content_type: str = "text/html; charset=utf-8"):
    """A route answering 304 to a request that already holds this ETag."""
    def reply(request):
        if request.headers.get("if-none-match") == etag:
            return Reply(status=304, headers={"ETag": etag})
        return Reply(body, headers={"ETag": etag}, content_type=content_type)
    return reply


def prefecture(site: FakeSite) -> None:
    """A feed listing a communiqué about the programme (with its PDF), one on another subject,
    and a link to another host."""
    site.routes["/robots.txt"] = Reply(b"User-agent: *\nDisallow: /prive/\n", content_type="text/plain")
    site.routes["/rss.xml"] = Reply(rss(site, ["/Actualites/quatre-territoires", "/Actualites/canicule"])
                                    .replace(b"</channel>", f"<item><link>http://localhost:{site.port}"
                                             f"/ailleurs</link></item></channel>".encode()),
                                    content_type="application/rss+xml")
    site.routes["/Actualites/quatre-territoires"] = with_etag(page("prefecture_marne.html"), '"v1"')
    site.routes["/content/download/communique-territoires-industrie-marne.pdf"] = with_etag(
        communique_pdf(), '"pdf1"', "application/pdf")
    site.routes["/Actualites/canicule"] = with_etag(OTHER_SUBJECT, '"c1"')


def sources_file(tmp_path: Path, site: FakeSite, *sources: str, settings: str = FAST) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "sources.toml"
    path.write_text(settings + "\n".join(sources), encoding="utf-8")
    return path


def feed_source(site: FakeSite, name: str = "prefecture-marne", feed: str = "/rss.xml") -> str:
    return f'[[source]]\nname = "{name}"\nfeed = "{site.url}{feed}"\ndomains = ["127.0.0.1"]\n'


def run_command(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + list(args), cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}, timeout=900)


def stored(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the command ---------------------------------------------------------------------------------

def test_fetch_keeps_the_communiques_on_the_programme_with_their_pdf_and_sidecars(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        into = tmp_path / "raw"
        result = run_command("fetch", "--sources", str(sources_file(tmp_path, site, feed_source(site))),
                             "--into", str(into))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert ("prefecture-marne: 2 new, 0 changed, 0 unchanged, 1 on other subjects, 0 failed, "
            "1 link(s) off its domains left out") in result.stdout
    folder = into / "prefecture-marne"
    documents = [p for p in folder.iterdir() if not p.name.endswith(".json")]
    assert sorted(p.suffix for p in documents) == [".html", ".pdf"]
    assert (folder / ".off-topic.json").is_file()  # the page on another subject, remembered
    html = next(folder.glob("*.html"))
    assert html.read_bytes() == page("prefecture_marne.html")
    sidecar = json.loads((folder / f"{html.name}.json").read_text(encoding="utf-8"))
    assert set(FIELDS) <= set(sidecar)
    assert sidecar["url"] == f"{site.url}/Actualites/quatre-territoires"
    assert sidecar["status"] == 200 and sidecar["etag"] == '"v1"'
    assert sidecar["content_type"] == "text/html"
    assert sidecar["title"] == "Quatre Territoires d’industrie labellisés dans la Marne pour 2023-2027"
    assert sidecar["published"] == "2023-11-21"
    pdf = json.loads(next(folder.glob("*.pdf.json")).read_text(encoding="utf-8"))
    assert pdf["attached_to"] == sidecar["url"] and pdf["content_type"] == "application/pdf"
    assert not site.asked("/ailleurs") and all(r.host.startswith("127.0.0.1") for r in site.requests)
    user_agents = {r.headers["user-agent"] for r in site.requests}
    assert len(user_agents) == 1 and user_agents.pop().startswith("communiques/")


def test_a_rerun_asks_conditionally_downloads_nothing_and_changes_no_file(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        settings, sources = load_sources(sources_file(tmp_path, site, feed_source(site)))
        into = tmp_path / "raw"
        fetch_sources(settings, sources, into)
        before = stored(into)
        mtimes = {p: p.stat().st_mtime_ns for p in into.rglob("*")}
        site.requests.clear()
        report = fetch_sources(settings, sources, into)
    source = report.sources[0]
    assert (source.new, source.changed, source.unchanged, source.off_topic) == (0, 0, 2, 0)
    assert report.ok and report.written == 0
    page_requests = site.asked("/Actualites/quatre-territoires") + site.asked("/Actualites/canicule")
    assert [r.headers.get("if-none-match") for r in page_requests] == ['"v1"', '"c1"']
    assert stored(into) == before
    assert {p: p.stat().st_mtime_ns for p in into.rglob("*")} == mtimes


def test_a_page_on_another_subject_is_judged_again_when_the_filter_changes(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        into = tmp_path / "raw"
        settings, sources = load_sources(sources_file(tmp_path, site, feed_source(site)))
        fetch_sources(settings, sources, into)
        assert fetch_sources(settings, sources, into).sources[0].unchanged == 2  # 304s
        widened = feed_source(site) + 'filter = "territoires? d.industrie|canicule"\n'
        settings, sources = load_sources(sources_file(tmp_path, site, widened))
        site.requests.clear()
        report = fetch_sources(settings, sources, into)
    assert (report.sources[0].new, report.sources[0].unchanged) == (1, 1)  # the page (304)
    assert "if-none-match" not in site.asked("/Actualites/canicule")[0].headers


def test_a_changed_page_replaces_its_file_and_sidecar(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        settings, sources = load_sources(sources_file(tmp_path, site, feed_source(site)))
        into = tmp_path / "raw"
        fetch_sources(settings, sources, into)
        changed = page("prefecture_marne.html").replace(b"quatre territoires marnais",
                                                        b"quatre territoires de la Marne")
        site.routes["/Actualites/quatre-territoires"] = with_etag(changed, '"v2"')
        report = fetch_sources(settings, sources, into)
    assert (report.sources[0].changed, report.sources[0].unchanged) == (1, 2)
    html = next((into / "prefecture-marne").glob("*.html"))
    assert html.read_bytes() == changed
    assert json.loads(Path(f"{html}.json").read_text())["etag"] == '"v2"'


def test_a_server_without_conditional_get_gives_unchanged_for_the_same_bytes(tmp_path):
    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, ["/a"]), content_type="application/rss+xml")
        site.routes["/a"] = Reply(page("presse_locale.html"))
        settings, sources = load_sources(sources_file(tmp_path, site, feed_source(site)))
        fetch_sources(settings, sources, tmp_path / "raw")
        report = fetch_sources(settings, sources, tmp_path / "raw")
    assert (report.sources[0].new, report.sources[0].unchanged) == (0, 1)


def test_a_listing_page_gives_the_links_of_its_selector(tmp_path):
    with FakeSite() as site:
        site.routes["/Communiques"] = Reply(
            b'<html><body><nav><a href="/Actualites/canicule">Menu</a></nav><ul>'
            b'<li class="fr-card"><a class="fr-card__link" href="/Actualites/ardennes">Ardennes</a></li>'
            b'<li class="fr-card"><a class="fr-card__link" href="Actualites/vitry#haut">Vitry</a></li>'
            b"</ul></body></html>")
        site.routes["/Actualites/ardennes"] = Reply(page("region_ardennes.html"))
        site.routes["/Actualites/vitry"] = Reply(page("presse_locale.html"))
        listing = (f'[[source]]\nname = "region"\nlisting = "{site.url}/Communiques"\n'
                   f'links = "a.fr-card__link"\ndomains = ["127.0.0.1"]\n')
        report = fetch(sources_file(tmp_path, site, listing), tmp_path / "raw")
    assert report.ok and report.sources[0].new == 2
    assert not site.asked("/Actualites/canicule")


# --- politeness ----------------------------------------------------------------------------------

def test_robots_txt_is_honoured(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        site.routes["/rss.xml"] = Reply(rss(site, ["/prive/note", "/Actualites/quatre-territoires"]),
                                        content_type="application/rss+xml")
        site.routes["/prive/note"] = Reply(page("presse_locale.html"))
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    failed = report.sources[0].failed
    assert [url for url, _ in failed] == [f"{site.url}/prive/note"]
    assert "robots.txt" in failed[0][1] and "disallows" in failed[0][1]
    assert not site.asked("/prive/note") and report.sources[0].new == 2


def test_robots_txt_behind_a_redirect_is_followed_and_honoured(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        site.routes["/robots.txt"] = Reply(status=301, headers={"Location": "/regles/robots.txt"})
        site.routes["/regles/robots.txt"] = Reply(b"User-agent: *\nDisallow: /prive/\n",
                                                  content_type="text/plain")
        site.routes["/rss.xml"] = Reply(rss(site, ["/prive/note", "/Actualites/quatre-territoires"]),
                                        content_type="application/rss+xml")
        site.routes["/prive/note"] = Reply(page("presse_locale.html"))
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    assert [url for url, _ in report.sources[0].failed] == [f"{site.url}/prive/note"]
    assert not site.asked("/prive/note") and report.sources[0].new == 2


def test_a_host_whose_robots_txt_fails_is_not_fetched_from(tmp_path):
    """RFC 9309: a robots.txt that cannot be read (a 5xx) means that nothing may be fetched."""
    with FakeSite() as site:
        prefecture(site)
        site.routes["/robots.txt"] = Reply(b"indisponible", 503)
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    assert not report.ok and report.sources[0].new == 0
    assert not site.asked("/rss.xml") and not site.asked("/Actualites/quatre-territoires")
    reasons = " ".join(reason for _, reason in report.sources[0].failed) + str(report.sources[0])
    assert "robots.txt" in reasons and "HTTP 503" in reasons, reasons


def test_a_500_is_retried_then_the_item_is_fetched(tmp_path):
    calls = []

    def flaky(request):
        calls.append(request)
        return Reply(b"erreur", 500) if len(calls) == 1 else Reply(page("presse_locale.html"))

    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, ["/a"]), content_type="application/rss+xml")
        site.routes["/a"] = flaky
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    assert report.ok and report.sources[0].new == 1 and len(calls) == 2


def test_a_429_waits_as_long_as_retry_after_says(tmp_path):
    calls = []

    def busy(request):
        calls.append(request)
        if len(calls) == 1:
            return Reply(b"trop de requetes", 429, headers={"Retry-After": "1"})
        return Reply(page("presse_locale.html"))

    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, ["/a"]), content_type="application/rss+xml")
        site.routes["/a"] = busy
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    assert report.ok and report.sources[0].new == 1
    assert calls[1].at - calls[0].at >= 1.0


def test_the_rate_limit_spaces_requests_to_a_host_and_200_items_complete(tmp_path):
    with FakeSite() as site:
        paths = [f"/communique-{i}" for i in range(200)]
        site.routes["/rss.xml"] = Reply(rss(site, paths), content_type="application/rss+xml")
        body = page("presse_locale.html")
        for i, path in enumerate(paths):
            site.routes[path] = Reply(body.replace(b"</h1>", f" ({i})</h1>".encode()))
        started = time.monotonic()
        result = run_command("fetch", "--sources", str(sources_file(
            tmp_path, site, feed_source(site), settings=FAST.replace("0.01", "0.02"))),
                             "--into", str(tmp_path / "raw"))
        elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "200 new, 0 changed, 0 unchanged, 0 on other subjects, 0 failed" in result.stdout
    times = sorted(r.at for r in site.requests)
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.015  # one at a time, spaced
    assert elapsed >= 200 * 0.02
    assert len(list((tmp_path / "raw" / "prefecture-marne").glob("*.html"))) == 200


# --- what ends an item, never the run -------------------------------------------------------------

def failing_item(tmp_path: Path, route, settings: str = FAST, path: str = "/a") -> tuple[str, FakeSite]:
    """Fetch a feed of one failing item and one good one; returns the failing item's reason."""
    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, [path, "/b"]), content_type="application/rss+xml")
        site.routes[path] = route
        site.routes["/b"] = Reply(page("presse_locale.html"))
        report = fetch(sources_file(tmp_path, site, feed_source(site), settings=settings),
                       tmp_path / "raw")
    source = report.sources[0]
    assert source.new == 1 and len(source.failed) == 1, source  # the good item is still fetched
    return source.failed[0][1], site


def test_a_slow_response_past_the_timeout_fails_the_item(tmp_path):
    reason, _ = failing_item(tmp_path, Reply(page("presse_locale.html"), delay=2.5),
                             settings=FAST.replace("retries = 2", "retries = 0"))
    assert "timed out" in reason


def test_a_redirect_loop_fails_the_item(tmp_path):
    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, ["/a", "/b"]), content_type="application/rss+xml")
        site.routes["/a"] = Reply(status=302, headers={"Location": "/boucle"})
        site.routes["/boucle"] = Reply(status=301, headers={"Location": f"{site.url}/a"})
        site.routes["/b"] = Reply(page("presse_locale.html"))
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    (url, reason), = report.sources[0].failed
    assert url == f"{site.url}/a" and reason.startswith("redirect loop")
    assert report.sources[0].new == 1


def test_a_redirect_to_another_domain_is_not_followed(tmp_path):
    with FakeSite() as site:
        site.routes["/rss.xml"] = Reply(rss(site, ["/a"]), content_type="application/rss+xml")
        site.routes["/a"] = Reply(status=302, headers={"Location": f"http://localhost:{site.port}/x"})
        site.routes["/x"] = Reply(page("presse_locale.html"))
        report = fetch(sources_file(tmp_path, site, feed_source(site)), tmp_path / "raw")
    (_, reason), = report.sources[0].failed
    assert "outside the source's domains" in reason and f"localhost:{site.port}/x" in reason
    assert not site.asked("/x")


@pytest.mark.parametrize("chunked", [False, True])
def test_an_oversize_body_is_cut_off(tmp_path, chunked):
    big = b"<html><body><p>" + b"Territoires d'industrie " * 5000 + b"</p></body></html>"
    reason, _ = failing_item(tmp_path, Reply(big, chunked=chunked),
                             settings=FAST + "max_bytes = 60000\n")
    assert "60000 bytes" in reason
    assert ("not downloaded" if not chunked else "cut off") in reason


def test_a_404_a_wrong_content_type_and_an_undecodable_body_fail_their_item_only(tmp_path):
    reason, _ = failing_item(tmp_path, Reply(b"introuvable", 404))
    assert "HTTP 404 Not Found" in reason
    reason, _ = failing_item(tmp_path / "image", Reply(b"\x89PNG\r\n", content_type="image/png"))
    assert "image/png, not a communiqué" in reason
    reason, _ = failing_item(tmp_path / "binaire", Reply(bytes(range(256)) * 8))
    assert "cannot be read" in reason and "binary" in reason


def test_a_malformed_feed_fails_its_source_and_the_others_go_on(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        site.routes["/casse.xml"] = Reply(b"<rss><channel><item><title>sans fin",
                                          content_type="application/rss+xml")
        path = sources_file(tmp_path, site, feed_source(site, "casse", "/casse.xml"),
                            feed_source(site))
        result = run_command("fetch", "--sources", str(path), "--into", str(tmp_path / "raw"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "casse: failed:" in result.stdout and "not a readable RSS or Atom feed" in result.stdout
    assert "prefecture-marne: 2 new" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_no_request_goes_to_a_private_address_from_a_public_source(tmp_path):
    with FakeSite() as site:
        source = Source(name="publique", domains=("www.example.org", "127.0.0.1"),
                        feed="https://www.example.org/rss.xml")
        with PoliteClient(Settings(interval=0.0)) as client, pytest.raises(FetchError) as caught:
            client.get(f"{site.url}/a", source)
    assert "loopback or private address" in caught.value.reason
    assert not site.requests


def test_a_host_that_resolves_to_a_private_address_once_checked_is_not_read(tmp_path, monkeypatch):
    """DNS rebinding: the check said public, the connection reached a loopback address."""
    monkeypatch.setattr(PoliteClient, "_public", lambda self, host: True)
    with FakeSite() as site:
        site.routes["/a"] = Reply(page("presse_locale.html"))
        source = Source(name="publique", domains=("www.example.org", "127.0.0.1"),
                        feed="https://www.example.org/rss.xml")
        with PoliteClient(Settings(interval=0.0)) as client, pytest.raises(FetchError) as caught:
            client.get(f"{site.url}/a", source)
    assert "answered from 127.0.0.1, a loopback or private address" in caught.value.reason


# --- the sources file ---------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("[[source]\n", "not valid TOML"),
    ('[[source]]\nname = "a"\ndomains = ["x.fr"]\n', "either feed"),
    ('[[source]]\nname = "a"\nlisting = "https://x.fr/l"\ndomains = ["x.fr"]\n', "links"),
    ('[[source]]\nname = "a"\nfeed = "https://x.fr/rss"\ndomains = ["y.fr"]\n', "not in its domains"),
    ('[[source]]\nname = "A B"\nfeed = "https://x.fr/rss"\ndomains = ["x.fr"]\n', "folder name"),
    ('[[source]]\nname = "a"\nfeed = "https://x.fr/rss"\ndomains = ["x.fr"]\nfilter = "("\n',
     "not a regular expression"),
    ('interval = "vite"\n[[source]]\nname = "a"\nfeed = "https://x.fr/rss"\ndomains = ["x.fr"]\n',
     "positive number"),
])
def test_a_bad_sources_file_is_a_usage_error(tmp_path, content, message):
    path = tmp_path / "sources.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourcesError, match=message):
        load_sources(path)


@pytest.mark.parametrize("command", [["fetch"], ["run", "--fetch"], ["serve"]])
def test_the_commands_exit_2_on_a_missing_sources_file(tmp_path, command):
    result = run_command(*command, "--sources", str(tmp_path / "absent.toml"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "absent.toml does not exist" in result.stderr and "Traceback" not in result.stderr


def test_the_default_filter_folds_accents_and_case():
    source = Source(name="a", domains=("x.fr",), feed="https://x.fr/rss")
    assert source.about_the_programme("Les TERRITOIRES D’INDUSTRIE de l’Aube")
    assert source.about_the_programme("un territoire d'Industrie")
    assert not source.about_the_programme("Les territoires de l'industrie")


def test_the_shipped_sources_file_is_valid():
    settings, sources = load_sources(ROOT / "sources.toml")
    assert sources and all(s.start.startswith("https://") for s in sources)
    assert settings.interval >= 1.0


# --- from the web to the tables -----------------------------------------------------------------

def test_run_fetch_gives_the_tables_of_a_run_on_the_same_files_copied_by_hand(tmp_path):
    with FakeSite() as site:
        prefecture(site)
        path = sources_file(tmp_path, site, feed_source(site))
        raw, out = tmp_path / "raw", tmp_path / "out"
        fetched = run_command("run", "--fetch", "--sources", str(path), "--input", str(raw),
                              "--output", str(out))
        assert fetched.returncode == 0, fetched.stdout + fetched.stderr
        assert "prefecture-marne: 2 new" in fetched.stdout
        first = stored(out)
        again = run_command("run", "--fetch", "--sources", str(path), "--input", str(raw),
                            "--output", str(out))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "prefecture-marne: 0 new, 0 changed, 2 unchanged" in again.stdout
    tables = [name for name in first if name.endswith(".parquet")]
    assert {name: stored(out)[name] for name in tables} == {name: first[name] for name in tables}
    by_hand, hand_out = tmp_path / "by-hand", tmp_path / "hand-out"
    for name, data in stored(raw).items():
        if not name.split("/")[-1].startswith("."):
            (by_hand / name).parent.mkdir(parents=True, exist_ok=True)
            (by_hand / name).write_bytes(data)
    copied = run_command("run", "--input", str(by_hand), "--output", str(hand_out))
    assert copied.returncode == 0, copied.stdout + copied.stderr
    for name in tables:
        assert pq.read_table(hand_out / name).equals(pq.read_table(out / name)), name
    documents = pq.read_table(out / "documents.parquet").to_pandas()
    assert len(documents) == 2 and documents["url"].str.startswith(site.url).all()
    assert documents["fetched_at"].notna().all()
    territories = pq.read_table(out / "territories.parquet").to_pandas()
    assert "Val Caché" not in " ".join(territories["name"])  # hidden in the page
    assert {"grand-reims", "vitry-le-francois"} <= set(territories["territory_id"])
