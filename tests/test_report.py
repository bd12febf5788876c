"""`communiques report`: the review page, opened in headless Chromium as a person would open it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMAND = str(Path(sys.executable).with_name("communiques"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--window-size=1280,2000", "--enable-logging=stderr", "--v=0"]


def run_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture(scope="session")
def report(tmp_path_factory):
    """The real commands on the seeds: run, then report; (report result, page path)."""
    output = tmp_path_factory.mktemp("report-seeds")
    run = run_command("run", "--input", str(ROOT / "raw"), "--output", str(output))
    assert run.returncode == 0, run.stdout + run.stderr
    return run_command("report", "--output", str(output)), output / "report" / "index.html"


def chromium(page: Path, user_data: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium on the page; fails (never skips) when Debian's chromium is missing."""
    binary = shutil.which("chromium")
    if binary is None:
        pytest.fail("chromium is not installed: `apt-get install -y chromium` (.ci/run does it)")
    return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={user_data}", *args,
                           page.as_uri()], capture_output=True, text=True, timeout=180)


def test_report_prints_the_page_path_and_exits_0(report):
    result, page = report
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == str(page)
    assert page.exists()


def test_the_page_is_self_contained(report):
    _, page = report
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and " src=" not in html
    assert "<svg" in html and "Grand Est" in html


def test_the_page_loads_without_console_errors_and_shows_the_highlights(report, tmp_path):
    _, page = report
    result = chromium(page, tmp_path / "profile", "--dump-dom")
    assert result.returncode == 0, result.stderr
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    dom = result.stdout
    kinds = re.findall(r'<mark class="entity (territory|epci|figure)"[^>]* title="[^"]+"', dom)
    rows = {kind: pq.read_metadata(page.parent.parent / f"{table}.parquet").num_rows
            for kind, table in [("territory", "territories"), ("epci", "epcis"), ("figure", "figures")]}
    assert {kind: kinds.count(kind) for kind in rows} == rows  # every extraction is highlighted
    assert 'title="SIREN 200069250: CA Troyes Champagne Métropole (CA)' in dom
    assert 'title="territory_id sud-champagne; phase 2023-2027; régions 44; départements 10"' in dom
    conflicts = re.findall(r'<tr class="conflict">.*?</tr>', dom, flags=re.S)
    assert any(">146<" in row for row in conflicts) and any(">149<" in row for row in conflicts)


def test_a_screenshot_of_the_page_is_a_png(report, tmp_path):
    _, page = report
    screenshot = tmp_path / "report.png"
    result = chromium(page, tmp_path / "profile", f"--screenshot={screenshot}")
    assert result.returncode == 0, result.stderr
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_without_published_tables_exits_2_with_a_clear_message(tmp_path):
    result = run_command("report", "--output", str(tmp_path))
    assert result.returncode == 2
    assert "lacks documents.parquet" in result.stderr and "run `communiques run` first" in result.stderr
    assert "Traceback" not in result.stderr
