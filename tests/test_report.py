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
    assert '<html lang="fr">' in dom and "Lancé fin 2018" in dom


def section(dom: str, anchor: str) -> str:
    """The HTML of one section of the page: from its heading to the next one."""
    match = re.search(rf'<h2 id="{anchor}">.*?(?=<h2 |</body>)', dom, flags=re.S)
    assert match, anchor
    return match.group(0)


def cells(row: str) -> list[str]:
    """The text of a table row's cells, tags removed."""
    return [re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]


def subject_rows(timeline: str, heading: str) -> list[list[str]]:
    table = re.search(rf"<h3>{heading}</h3>.*?<tbody>(.*?)</tbody>", timeline, flags=re.S)
    assert table, heading
    return [cells(row) for row in re.findall(r"<tr[^>]*>.*?</tr>", table.group(1), flags=re.S)]


def test_the_timeline_shows_each_count_in_time_with_its_source_in_french(report, tmp_path):
    _, page = report
    dom = chromium(page, tmp_path / "profile", "--dump-dom").stdout
    timeline = section(dom, "timeline")
    assert "Le nombre de territoires au fil du temps" in timeline
    first = subject_rows(timeline, "France, phase 2019-2022")
    assert [row[:3] for row in first] == [
        ["19 novembre 2019", "146", "001_078b07c576263f97.txt"],
        ["14 novembre 2023", "149", "000_ed8916e6866e8557.txt"],
        ["sans date", "149", "004_b69cd6689183cdb1.txt"]]
    assert first[0][4] == "mis à jour par 000_ed8916e6866e8557.txt"
    assert first[1][4] == "dernier connu" and first[2][4] == "non daté, non comparé"
    assert subject_rows(timeline, "Grand Est, phase 2023-2027") == [
        ["14 novembre 2023", "21", "000_ed8916e6866e8557.txt", "21 territoires", "dernier connu"]]
    # two dates: a chart of the count over time, a point per dated count
    chart = re.search(r"<h3>France, phase 2019-2022</h3>.*?(<svg.*?</svg>)", timeline, flags=re.S)
    assert chart and len(re.findall(r"<circle", chart.group(1))) == 2
    assert "<title>19 novembre 2019 : 146</title>" in chart.group(1)


def test_the_coverage_table_compares_the_latest_counts_with_the_registry(report, tmp_path):
    _, page = report
    dom = chromium(page, tmp_path / "profile", "--dump-dom").stdout
    coverage = section(dom, "coverage")
    assert "Complétude du registre" in coverage and "jamais un rejet" in coverage
    rows = {tuple(cells(row)[:2]): (cells(row), "shortfall" in row)
            for row in re.findall(r"<tr[^>]*>.*?</tr>", coverage, flags=re.S)[1:]}
    assert rows[("Grand Est (44)", "2023-2027")] == (
        ["Grand Est (44)", "2023-2027", "21", "14 novembre 2023", "000_ed8916e6866e8557.txt",
         "21", "0", ""], False)
    # "4 dans l'Aisne" (the 9th) and the title's "4 TERRITOIRES" (the page's 14th) are both the
    # Aisne's: the latest answers, and no "Martinique (02)" row claims the title's count
    assert rows[("Aisne (02)", "2023-2027")][0][2:] == [
        "4", "14 novembre 2023", "002_60021fdba411c264.txt", "4", "0", ""]
    assert not any(name.startswith("Martinique") for name, _ in rows)
    national, shortfall = rows[("France (FR)", "2019-2022")]
    assert national[2] == "149" and shortfall  # a shortfall is shown as a warning
    assert re.search(r'class="warning">\d+ avertissement\(s\) de complétude', coverage)
    assert "Aucun." in section(dom, "conflicts")  # 146 in 2019 and 149 in 2023: a history
    # the gate passed; the warnings section lists its coverage warnings
    assert "tous les contrôles sont passés" in section(dom, "quality")
    warnings = section(dom, "avertissements")
    assert "coverage_shortfall" in warnings and "ne rejette jamais rien" in warnings
    assert "Grand Est (44), 2019-2022: 15 territories claimed, 13 in the registry" in warnings


def test_numbers_and_dates_are_french_by_default_and_english_on_request(report, tmp_path):
    _, page = report
    french = page.read_text(encoding="utf-8")
    assert "100\u202f000\u202f000" in french  # "100 millions d'euros", French grouping
    assert "publié le 14 novembre 2023" in french
    output = tmp_path / "processed"  # a copy: the other tests read the French page
    shutil.copytree(page.parent.parent, output)
    english = run_command("report", "--output", str(output), "--lang", "en")
    assert english.returncode == 0, english.stderr
    dom = chromium(output / "report" / "index.html", tmp_path / "profile", "--dump-dom").stdout
    assert '<html lang="en">' in dom and "100,000,000" in dom
    timeline = section(dom, "timeline")
    assert "Counts of territories over time" in timeline
    assert [row[:2] for row in subject_rows(timeline, "France, phase 2019-2022")] == [
        ["19 November 2019", "146"], ["14 November 2023", "149"], ["undated", "149"]]
    assert "How complete the registry is" in section(dom, "coverage")


def test_counts_of_one_month_that_differ_are_shown_in_conflict(tmp_path):
    output = tmp_path / "processed"
    run = run_command("run", "--input", str(ROOT / "tests" / "registry_corpus"), "--output", str(output))
    assert run.returncode == 0, run.stdout + run.stderr
    result = run_command("report", "--output", str(output))
    assert result.returncode == 0, result.stderr
    dom = chromium(output / "report" / "index.html", tmp_path / "profile", "--dump-dom").stdout
    conflicts = re.findall(r'<tr class="conflict">.*?</tr>', section(dom, "conflicts"), flags=re.S)
    assert [cells(row)[:5] for row in conflicts] == [
        ["France (FR)", "2019-2022", "14 novembre 2019", "144", "bilan_un_an_144.txt"],
        ["France (FR)", "2019-2022", "19 novembre 2019", "146", "assemblee_generale_146.md"]]
    rows = subject_rows(section(dom, "timeline"), "France, phase 2019-2022")
    assert [row[:2] + row[4:] for row in rows] == [
        ["novembre 2018", "124", "mis à jour par bilan_un_an_144.txt"],
        ["14 novembre 2019", "144", "en conflit; mis à jour par point_fin_2020_148.txt"],
        ["19 novembre 2019", "146", "en conflit; mis à jour par point_fin_2020_148.txt"],
        ["décembre 2020", "148", "dernier connu"]]
    (coverage,) = re.findall(r'<tr class="shortfall">.*?</tr>', section(dom, "coverage"), flags=re.S)
    assert cells(coverage)[:5] == ["France (FR)", "2019-2022", "148", "décembre 2020",
                                   "point_fin_2020_148.txt"]


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
