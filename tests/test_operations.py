"""Operations through the real command: incremental and idempotent runs, crash safety, Dask, serve.

A `communiques run` that gets past the no-op check costs ~25 s (Prefect, spaCy, Great
Expectations), so runs are shared. `serve` starts first: with no PREFECT_API_URL it starts a
Prefect server with its scheduler and UI, and the runs of the incremental and crash tests report
to that server, as a team watching runs in the UI would have them do (each is spared the start of
Prefect's temporary API). The Dask run uses the temporary API, as a plain `communiques run` does.
The incremental runs' last tables are the reference of the other tests.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import etl, state, storage
from pipeline.metadata import TABLES

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).with_name("communiques"))]
SEEDS = sorted((ROOT / "raw").glob("*.txt"))
RENAMED = "ancien-nom.txt"  # the first run sees SEEDS[2] under this name
PUBLISHED_FILES = [*(table.file_name for table in TABLES.values()), "datapackage.json"]
SQLALCHEMY_2_1 = tuple(map(int, metadata.version("sqlalchemy").split(".")[:2])) >= (2, 1)
SCHEDULER_BUG = "Can't evaluate bulk DML statement"


def environment(**extra: str) -> dict:
    """The test's environment without a Prefect API, unless one is given."""
    inherited = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**inherited, "PYTHONWARNINGS": "ignore", **extra}


def run_command(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + list(args), cwd=ROOT, capture_output=True, text=True,
                          env=environment(**env), timeout=900)


def assert_clean(output: str) -> None:
    assert "Traceback" not in output, output
    assert "| ERROR" not in output and "ERROR:" not in output, output


def published(output: Path) -> dict[str, bytes]:
    return {name: (output / name).read_bytes() for name in PUBLISHED_FILES}


def assert_no_duplicate_keys(output: Path) -> None:
    for table in TABLES.values():
        if table.primary_key:
            frame = pq.read_table(output / table.file_name).to_pandas()
            assert not frame.duplicated(table.primary_key).any(), table.name


def kill_at(point: str, input_dir: Path, output: Path, *args: str, **env: str) -> str:
    """Start `communiques run`, SIGKILL it (and any child) once it pauses at `point`
    (state.pause_point); returns what it printed."""
    process = subprocess.Popen(
        COMMAND + ["run", "--input", str(input_dir), "--output", str(output), *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=environment(COMMUNIQUES_TEST_PAUSE_AT=point, **env), start_new_session=True)
    watchdog = threading.Timer(600, os.killpg, (process.pid, signal.SIGKILL))
    watchdog.start()
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.strip() == f"paused at {point}":
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    watchdog.cancel()
    printed = "".join(lines)
    assert f"paused at {point}" in printed, printed
    return printed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api(base: str, path: str, payload: dict | None = None, attempts: int = 6):
    """A call to Prefect's API, retried on 429/502/503 as Prefect's own client does (a loaded
    server answers 503 when its database is busy)."""
    request = urllib.request.Request(
        f"{base}{path}", method="GET" if payload is None else "POST",
        data=None if payload is None else json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"})
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            if error.code not in (429, 502, 503) or attempt == attempts - 1:
                raise
            time.sleep(2 ** attempt)


def wait_for(condition, seconds: float, every: float = 1.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(every)
    return None


@dataclass
class Served:
    process: subprocess.Popen
    api_url: str
    source: Path
    output: Path
    lines: list[str] = field(default_factory=list)

    @property
    def printed(self) -> str:
        return "".join(self.lines)

    def stop(self) -> int:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # Ctrl-C
        try:
            return self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            raise


@pytest.fixture(scope="module")
def serve(tmp_path_factory):
    """`communiques serve` with no PREFECT_API_URL, over the 5 seeds; test_serve_stops_cleanly
    (the last test) stops it."""
    source, output = tmp_path_factory.mktemp("served-inputs"), tmp_path_factory.mktemp("served")
    for path in SEEDS:
        shutil.copy(path, source / path.name)
    port = free_port()
    process = subprocess.Popen(
        COMMAND + ["serve", "--cron", "0 7 * * 1-5", "--port", str(port), "--no-fetch",
                   "--input", str(source), "--output", str(output)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=environment(PREFECT_HOME=str(tmp_path_factory.mktemp("prefect-home"))),
        start_new_session=True)
    served = Served(process, f"http://127.0.0.1:{port}/api", source, output)
    threading.Thread(target=lambda: served.lines.extend(process.stdout), daemon=True).start()
    try:
        assert wait_for(lambda: "is being served" in served.printed, 300), served.printed
        yield served
    finally:
        served.stop()


# ---------------------------------------------------------------- incremental and idempotent

@pytest.fixture(scope="module")
def incremental(serve, tmp_path_factory):
    """3 communiqués (one under another name), the same again, then all 5 with their names."""
    source, output = tmp_path_factory.mktemp("inputs"), tmp_path_factory.mktemp("processed")
    for path in SEEDS[:2]:
        shutil.copy(path, source / path.name)
    shutil.copy(SEEDS[2], source / RENAMED)
    first = run_command("run", "--input", str(source), "--output", str(output),
                        PREFECT_API_URL=serve.api_url)
    after_first = published(output)
    first_copy = tmp_path_factory.mktemp("first-run")
    shutil.copytree(output, first_copy, dirs_exist_ok=True)

    started = time.monotonic()
    again = run_command("run", "--input", str(source), "--output", str(output))
    again_seconds = time.monotonic() - started
    after_again = published(output)

    (source / RENAMED).rename(source / SEEDS[2].name)
    for path in SEEDS[3:]:
        shutil.copy(path, source / path.name)
    last = run_command("run", "--input", str(source), "--output", str(output),
                       PREFECT_API_URL=serve.api_url)
    return {"first": first, "after_first": after_first, "first_copy": first_copy,
            "again": again, "again_seconds": again_seconds, "after_again": after_again,
            "last": last, "source": source, "output": output}


def test_first_run_publishes_the_documents_it_sees(incremental):
    first = incremental["first"]
    assert first.returncode == 0, first.stdout + first.stderr
    assert_clean(first.stdout + first.stderr)
    assert "3 seen, 3 published, 0 rejected; 3 new" in first.stdout
    assert "tables written to" in first.stdout and "territories" in first.stdout


def test_a_rerun_with_nothing_new_takes_seconds_and_changes_no_byte(incremental):
    again = incremental["again"]
    assert again.returncode == 0, again.stdout + again.stderr
    assert incremental["again_seconds"] < 10
    assert "nothing new" in again.stdout and "unchanged" in again.stdout
    assert "prefect" not in again.stdout + again.stderr  # decided before Prefect starts
    assert incremental["after_again"] == incremental["after_first"]


def test_a_run_processes_only_new_documents_and_follows_a_rename(incremental):
    last, output = incremental["last"], incremental["output"]
    assert last.returncode == 0, last.stdout + last.stderr
    assert_clean(last.stdout + last.stderr)
    assert "5 seen, 5 published, 0 rejected; 2 new" in last.stdout
    assert "5 communiqué(s) found" in last.stderr and "2 new, 3 already processed" in last.stderr
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    assert list(documents["source"]) == [path.name for path in SEEDS]
    assert_no_duplicate_keys(output)
    assert not list(output.glob(".staging-*")) and not (output / storage.COMMIT_DIR).exists()


def test_same_inputs_give_the_same_tables_on_a_dask_cluster_of_2_workers(incremental,
                                                                          tmp_path):
    result = run_command("run", "--input", str(incremental["source"]), "--output", str(tmp_path),
                         "--workers", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean(result.stdout + result.stderr)
    assert "Dask cluster at tcp://127.0.0.1" in result.stderr and "(2/2 batches)" in result.stderr
    assert "WARNING" not in result.stderr, result.stderr  # workers stop without being killed
    assert published(tmp_path) == published(incremental["output"])


@pytest.mark.parametrize("count, slots", [(1, 4), (5, 2), (700, 1), (2000, 2), (10_000, 2)])
def test_extraction_batches_cover_every_document_once_the_largest_first(count, slots):
    from flows.etl import EXTRACT_BATCH_MAX, batch_bounds

    bounds = list(batch_bounds(count, slots))
    assert bounds[0][0] == 0 and bounds[-1][1] == count
    assert all(end == next_first for (_, end), (next_first, _) in zip(bounds, bounds[1:]))
    sizes = [end - first for first, end in bounds]
    assert all(0 < size <= EXTRACT_BATCH_MAX for size in sizes)
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)  # the last may be a remainder
    assert len(bounds) >= min(count, slots)  # a small run still reaches every worker
    assert len(bounds) <= 2 * slots + count // EXTRACT_BATCH_MAX + 16  # never one per document


# ---------------------------------------------------------------- crash safety

@pytest.fixture(scope="module")
def crashes(serve, incremental, tmp_path_factory):
    """Over the first run's tables and the 5 communiqués: runs killed during extraction, during
    validation (with --full), while publishing (after a change of extraction version), each
    checked by the tests below, then a plain run."""
    output = tmp_path_factory.mktemp("crashed")
    shutil.copytree(incremental["first_copy"], output, dirs_exist_ok=True)
    source, api_url = incremental["source"], serve.api_url
    record = {"output": output, "before": published(output)}
    record["extract"] = kill_at("extract", source, output, PREFECT_API_URL=api_url)
    record["after_extract"] = published(output)
    record["validate"] = kill_at("validate", source, output, "--full", PREFECT_API_URL=api_url)
    record["after_validate"] = published(output)

    state_file = output / state.STATE_FILE  # as if the extraction code had changed since
    payload = json.loads(state_file.read_text(encoding="utf-8"))
    state_file.write_text(json.dumps({**payload, "version": "0" * 16}), encoding="utf-8")
    record["publish"] = kill_at("publish", source, output, PREFECT_API_URL=api_url)
    record["after_publish"] = published(output)
    record["tables_after_publish"] = {name: pq.read_table(output / table.file_name)
                                      for name, table in TABLES.items()}
    record["next"] = run_command("run", "--input", str(source), "--output", str(output),
                                 PREFECT_API_URL=api_url)
    return record


def test_a_kill_during_extraction_leaves_the_tables_as_they_were(crashes):
    assert "2 new, 3 already processed" in crashes["extract"]
    assert crashes["after_extract"] == crashes["before"]


def test_a_kill_during_validation_leaves_the_tables_as_they_were(crashes):
    assert "processing every document: --full" in crashes["validate"]
    assert "5 new, 0 already processed" in crashes["validate"]
    assert crashes["after_validate"] == crashes["before"]


def test_a_kill_while_publishing_leaves_every_table_readable(crashes, incremental):
    assert "processing every document: the extraction code" in crashes["publish"]
    old, new, after = crashes["before"], published(incremental["output"]), crashes["after_publish"]
    assert all(after[name] in (old[name], new[name]) for name in after)
    assert any(after[name] != old[name] for name in after)  # killed halfway: some files moved
    assert any(after[name] != new[name] for name in after)
    for name, table in crashes["tables_after_publish"].items():
        assert table.schema.names == TABLES[name].column_names


def test_the_next_run_completes_the_work_without_duplicate_or_lost_row(crashes, incremental):
    after_kill, output = crashes["next"], crashes["output"]
    assert after_kill.returncode == 0, after_kill.stdout + after_kill.stderr
    assert_clean(after_kill.stdout + after_kill.stderr)
    # it finished moving the killed run's files: its state lists the 5 documents as processed
    assert "0 new, 5 already processed" in after_kill.stderr
    assert published(output) == published(incremental["output"])
    assert_no_duplicate_keys(output)
    assert not list(output.glob(".staging-*")) and not (output / storage.COMMIT_DIR).exists()
    assert state.read_state(output)[0] is not None


# ---------------------------------------------------------------- the publish protocol

DOCUMENT = {"doc_id": "0123456789abcdef", "source": "a.txt", "format": "txt", "sha256": "0" * 64,
            "title": None, "issuer": None, "place": None, "published_on": date(2023, 11, 14),
            "text": "21 territoires", "status": "published"}


def test_recovery_finishes_a_committed_publish_and_drops_uncommitted_ones(tmp_path, monkeypatch):
    storage.publish(tmp_path, {"documents": [DOCUMENT]}, state.State("v1", {"a.txt": "x"}, {}))
    renamed = {**DOCUMENT, "source": "b.txt"}
    moved, replace = [], os.replace

    def killed_after_documents(source, target):
        if "documents.parquet" in moved:
            raise KeyboardInterrupt  # as if killed between two moves into place
        if storage.COMMIT_DIR in Path(source).parts:
            moved.append(Path(target).name)
        replace(source, target)

    monkeypatch.setattr(os, "replace", killed_after_documents)
    with pytest.raises(KeyboardInterrupt):
        storage.publish(tmp_path, {"documents": [renamed]}, state.State("v2", {"b.txt": "x"}, {}))
    monkeypatch.undo()
    assert state.read_state(tmp_path)[0] is None  # tables and state disagree: not trusted
    (tmp_path / ".staging-999999").mkdir()

    storage.recover(tmp_path)
    recovered, _ = state.read_state(tmp_path)
    assert recovered.version == "v2"
    assert storage.read_rows(tmp_path, "documents")[0]["source"] == "b.txt"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_extraction_version_follows_extraction_code_only(tmp_path, monkeypatch):
    """Editing the command line or the review page must not reprocess every document; editing
    an extraction rule must."""
    package = tmp_path / "pipeline"
    shutil.copytree(state.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(state, "PACKAGE_DIR", package)
    before = state.extraction_version()
    for module in ("cli.py", "report.py", "as_of.py", "data/as_of.json", "data/report_labels.json"):
        with open(package / module, "a", encoding="utf-8") as source:
            source.write("\n# edited\n")
    assert state.extraction_version() == before
    with open(package / "extract" / "members.py", "a", encoding="utf-8") as source:
        source.write("\n# edited\n")
    assert state.extraction_version() != before


def test_carried_documents_follow_renames_and_keep_files_that_left(tmp_path):
    for name, text in (("b.txt", "B"), ("copie.txt", "B")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    inventory = state.scan(tmp_path)
    kept_id, gone_id = inventory.inputs["b.txt"], "f" * 16
    tables = {name: [] for name in etl.EXTRACTED_TABLES}
    tables["documents"] = [{**DOCUMENT, "doc_id": kept_id, "source": "a.txt", "status": "rejected"},
                           {**DOCUMENT, "doc_id": gone_id, "source": "parti.txt"}]
    tables["rejections"] = [
        {"doc_id": kept_id, "source": "a.txt", "stage": "validate", "reason": "its own"},
        {"doc_id": kept_id, "source": "vieille-copie.txt", "stage": "read", "reason": "a copy"}]
    batch = etl.carry_over(tables, inventory)
    assert {d.doc_id: d.row["source"] for d in batch.documents} == {kept_id: "b.txt",
                                                                    gone_id: "parti.txt"}
    assert batch.rejections == [{"doc_id": kept_id, "source": "b.txt", "stage": "validate",
                                 "reason": "its own"}]
    assert [r["source"] for r in inventory.notices()] == ["copie.txt"]


# ---------------------------------------------------------------- schedules

def finished(run: dict) -> dict | None:
    return run if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED") else None


@pytest.fixture(scope="module")
def deployment(serve):
    return api(serve.api_url, "/deployments/name/communiques-etl/communiques-etl")


def test_serve_registers_the_flow_with_its_cron_schedule(serve, deployment):
    schedules = deployment["schedules"]
    assert [s["schedule"]["cron"] for s in schedules] == ["0 7 * * 1-5"]
    assert schedules[0]["schedule"]["timezone"] == "Europe/Paris" and schedules[0]["active"]
    assert f"Prefect server running at {serve.api_url.removesuffix('/api')}" in serve.printed


@pytest.mark.xfail(SQLALCHEMY_2_1, strict=True,
                   reason="Prefect 3.8.8's scheduler cannot insert scheduled runs with "
                          f"SQLAlchemy 2.1 ({SCHEDULER_BUG}); constraints.txt pins 2.0.x")
def test_the_schedule_makes_runs_at_7_on_weekdays(serve, deployment):
    scheduled = wait_for(lambda: api(serve.api_url, "/flow_runs/filter", {
        "deployments": {"id": {"any_": [deployment["id"]]}},
        "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
        "sort": "EXPECTED_START_TIME_ASC", "limit": 5}), 15)
    assert scheduled, serve.printed
    for run in scheduled:  # 7:00 in Paris is 5:00 or 6:00 UTC
        assert run["expected_start_time"][11:16] in ("05:00", "06:00"), run["expected_start_time"]


def test_a_run_of_the_served_deployment_publishes_the_tables(serve, deployment, incremental):
    run = api(serve.api_url, f"/deployments/{deployment['id']}/create_flow_run", {})
    run = wait_for(lambda: finished(api(serve.api_url, f"/flow_runs/{run['id']}")), 300, every=2)
    assert run and run["state"]["type"] == "COMPLETED", serve.printed
    assert published(serve.output) == published(incremental["output"])


def test_runs_by_hand_report_to_the_server_of_prefect_api_url(serve, incremental):
    runs = api(serve.api_url, "/flow_runs/filter", {"sort": "START_TIME_ASC", "limit": 50})
    by_hand = [r for r in runs if r["parameters"].get("output_dir") == str(incremental["output"])
               and r["state"]["type"] == "COMPLETED"]
    assert len(by_hand) == 2  # the no-op run never starts Prefect


def test_prefect_yaml_deploys_the_flow_to_a_work_pool(serve):
    env = {"PREFECT_API_URL": serve.api_url, "PWD": str(ROOT)}
    prefect = [str(Path(sys.executable).with_name("prefect"))]
    subprocess.run(prefect + ["work-pool", "create", "communiques", "--type", "process"], cwd=ROOT,
                   env=environment(**env), capture_output=True, check=True, timeout=300)
    deploy = subprocess.run(prefect + ["--no-prompt", "deploy", "--all"], cwd=ROOT,
                            env=environment(**env), capture_output=True, text=True, timeout=300)
    assert deploy.returncode == 0 and "Traceback" not in deploy.stderr, deploy.stdout + deploy.stderr
    deployed = api(serve.api_url, "/deployments/name/communiques-etl/weekdays")
    assert deployed["work_pool_name"] == "communiques"
    assert deployed["entrypoint"] == "flows/etl.py:run_etl"
    assert deployed["parameters"] == {"input_dir": "raw", "output_dir": "processed",
                                      "sources": "sources.toml"}
    assert [s["schedule"]["cron"] for s in deployed["schedules"]] == ["0 7 * * 1-5"]
    (step,) = deployed["pull_steps"]
    assert step["prefect.deployments.steps.set_working_directory"]["directory"] == str(ROOT)


def test_prefect_cli_lists_the_runs_of_the_server(serve):
    """FastAPI from 0.151 on makes Prefect 3.8.8's server reject null fields (422)."""
    listed = subprocess.run([str(Path(sys.executable).with_name("prefect")), "flow-run", "ls"],
                            cwd=ROOT, env=environment(PREFECT_API_URL=serve.api_url, COLUMNS="250"),
                            capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    assert "communiques-etl" in listed.stdout


def test_serve_stops_cleanly_on_ctrl_c(serve):
    """Last test of the module: stops the server the others use."""
    assert serve.stop() == 0, serve.printed
    assert "All deployments have been paused" in serve.printed
    known = serve.printed.count(SCHEDULER_BUG) if SQLALCHEMY_2_1 else 0  # see the xfail above
    assert serve.printed.count("Traceback") == known, serve.printed
