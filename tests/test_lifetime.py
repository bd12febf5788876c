"""Process lifetime through the real command: nothing outlives `communiques`, a signal stops it
within seconds, and the published tables are then those of the last complete publish.

Every check reads the process table (psutil): the processes a command started are taken while
it runs, then must all be gone once it is killed or stopped.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest
from conftest import alive, describe

from pipeline import lifetime, storage

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).with_name("communiques"))]
SEEDS = sorted((ROOT / "raw").glob("*.txt"))
GONE_WITHIN_SECONDS = 10


def environment(**extra: str) -> dict:
    inherited = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    return {**inherited, "PYTHONWARNINGS": "ignore", **extra}


class Started:
    """A command started in a session of its own, its output gathered by a thread."""

    def __init__(self, args: list[str], **env: str):
        self.process = subprocess.Popen(COMMAND + args, cwd=ROOT, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True,
                                        env=environment(**env), start_new_session=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.process.stdout),
                                       daemon=True)
        self.reader.start()

    @property
    def printed(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, seconds: float = 600) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.printed:
            assert self.process.poll() is None, self.printed
            assert time.monotonic() < deadline, self.printed
            time.sleep(0.2)

    def tree(self) -> list[psutil.Process]:
        main = psutil.Process(self.process.pid)
        return [main, *main.children(recursive=True)]

    def signal_and_wait(self, signum: int, group: bool = False) -> float:
        """Send `signum` to the command (its main process only, or with `group` every process
        of its process group, as a Ctrl-C in a terminal); seconds until it exited."""
        started = time.monotonic()
        (os.killpg if group else os.kill)(self.process.pid, signum)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            pytest.fail(f"still running 120 s after {signal.Signals(signum).name}: {self.printed}")
        return time.monotonic() - started


def assert_all_gone(tree: list[psutil.Process]) -> None:
    deadline = time.monotonic() + GONE_WITHIN_SECONDS
    while alive(tree) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = alive(tree)
    for process in left:
        process.kill()
    assert not left, f"left behind: {describe(left)}"


def published(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes()
            for path in sorted(output.rglob("*")) if path.is_file() and path.name != ".lock"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def first_publish(inputs, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("published")
    result = subprocess.run(COMMAND + ["run", "--input", str(inputs), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, env=environment(), timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def run_paused_at(point: str, inputs: Path, output: Path, *args: str, **env: str) -> Started:
    """`communiques run --full` paused at `point` (state.pause_point: "publish:3" goes on after
    3 s)."""
    run = Started(["run", "--input", str(inputs), "--output", str(output), "--full", *args],
                  COMMUNIQUES_TEST_PAUSE_AT=point, **env)
    run.wait_for(f"paused at {point.partition(':')[0]}")
    return run


# ---------------------------------------------------------------- kill -9

@pytest.mark.parametrize("args", [(), ("--workers", "2")], ids=["run", "run --workers 2"])
def test_nothing_outlives_a_run_killed_with_sigkill(args, inputs, tmp_path):
    run = run_paused_at("extract", inputs, tmp_path, *args)
    tree = run.tree()
    assert any("uvicorn" in " ".join(p.cmdline()) for p in tree)  # Prefect's temporary server
    if args:
        assert len([p for p in tree if "spawn_main" in " ".join(p.cmdline())]) == 2  # workers
    run.signal_and_wait(signal.SIGKILL)
    assert_all_gone(tree)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(inputs: Path, output: Path, home: Path) -> tuple[Started, str]:
    """`communiques serve` with a Prefect server of its own; and that server's API address."""
    port = free_port()
    served = Started(["serve", "--port", str(port), "--no-fetch", "--input", str(inputs),
                      "--output", str(output)], PREFECT_HOME=str(home))
    served.wait_for("is being served")
    return served, f"http://127.0.0.1:{port}/api"


def test_nothing_outlives_serve_killed_with_sigkill(inputs, tmp_path):
    served, _ = serve(inputs, tmp_path / "output", tmp_path / "home")
    tree = served.tree()
    assert any("prefect server start" in " ".join(p.cmdline()) for p in tree)
    served.signal_and_wait(signal.SIGKILL)
    assert_all_gone(tree)


def test_serve_stops_within_10_s_on_sigterm_even_with_a_run_in_progress(inputs, tmp_path):
    served, api_url = serve(inputs, tmp_path / "output", tmp_path / "home")
    prefect = str(Path(sys.executable).with_name("prefect"))
    subprocess.run([prefect, "deployment", "run", "communiques-etl/communiques-etl"], cwd=ROOT,
                   env=environment(PREFECT_API_URL=api_url), capture_output=True, check=True,
                   timeout=300)
    served.wait_for("communiqué(s) found")  # the run is in progress, in a process of its own
    tree = served.tree()
    assert len(tree) >= 3, describe(tree)
    seconds = served.signal_and_wait(signal.SIGTERM)
    assert seconds < 10, served.printed
    assert served.process.returncode == 0, served.printed
    assert "All deployments have been paused" in served.printed
    assert "stopped before its end" in served.printed
    assert_all_gone(tree)


# ---------------------------------------------------------------- SIGTERM and SIGINT

@pytest.mark.parametrize("signum, point", [(signal.SIGTERM, "extract"), (signal.SIGINT, "validate"),
                                           (signal.SIGTERM, "publish:3")])
def test_a_signal_stops_a_run_within_seconds_leaving_the_last_complete_publish(
        signum, point, inputs, first_publish, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(first_publish, output)
    before = published(output)
    run = run_paused_at(point, inputs, output)
    tree = run.tree()
    seconds = run.signal_and_wait(signum)
    assert seconds < 5, run.printed
    assert run.process.returncode == 128 + signum
    assert f"stopped by {signal.Signals(signum).name}" in run.printed
    assert "Traceback" not in run.printed
    assert_all_gone(tree)
    if point.startswith("publish"):  # stopped while moving files: the moves end first
        assert storage.verify(output) == []  # every file from that one publish
        assert published(output) != before
    else:
        assert published(output) == before


def test_ctrl_c_stops_a_run_on_workers_printing_only_its_farewell(inputs, first_publish,
                                                                 tmp_path):
    """A Ctrl-C sends SIGINT to every process of the terminal's process group: the processes
    the run ends itself (the Dask workers and their readers) print nothing, and the nannies'
    semaphores are released, not reported as leaked at exit (warnings shown)."""
    output = tmp_path / "output"
    shutil.copytree(first_publish, output)
    before = published(output)
    run = run_paused_at("extract", inputs, output, "--workers", "2", PYTHONWARNINGS="default")
    tree = run.tree()
    assert len([p for p in tree if "pipeline.contain" in " ".join(p.cmdline())]) == 2  # readers
    seconds = run.signal_and_wait(signal.SIGINT, group=True)
    assert seconds < 5, run.printed
    assert run.process.returncode == 128 + signal.SIGINT
    assert_all_gone(tree)
    run.reader.join(10)  # all they printed, the last processes (resource tracker) included
    assert "stopped by SIGINT" in run.printed
    assert "Traceback" not in run.printed, run.printed
    assert "KeyboardInterrupt" not in run.printed, run.printed
    assert "CancelledError" not in run.printed, run.printed  # Dask workers' tasks, by asyncio
    assert "leaked semaphore" not in run.printed, run.printed
    assert published(output) == before


def test_a_stop_signal_waits_for_the_end_of_an_uninterruptible_section(tmp_path):
    done = tmp_path / "done"
    script = textwrap.dedent(f"""
        import os, signal
        from pipeline import lifetime
        lifetime.stop_on_signals(lifetime.farewell("bye"))
        with lifetime.uninterruptible():
            os.kill(os.getpid(), signal.SIGTERM)
            open({str(done)!r}, "w").write("moved")
        print("never printed")
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 128 + signal.SIGTERM
    assert done.read_text() == "moved"
    assert "stopped by SIGTERM: bye" in result.stderr and "never printed" not in result.stdout


def test_a_tied_command_dies_with_the_process_that_started_it(tmp_path):
    script = textwrap.dedent(f"""
        import subprocess, sys, time
        from pipeline import lifetime
        child = subprocess.Popen(lifetime.tied([sys.executable, "-c", "import time; time.sleep(600)"]))
        print(child.pid, flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    child = psutil.Process(int(parent.stdout.readline()))
    parent.kill()
    parent.wait()
    assert_all_gone([child])


def test_the_tie_is_made_only_for_the_launcher_that_asked(monkeypatch):
    ties = []
    monkeypatch.setattr(lifetime, "die_with_parent", ties.append)
    monkeypatch.setenv(lifetime.TIE_VARIABLE, str(os.getppid() + 1))
    lifetime.die_with_launcher()
    monkeypatch.setenv(lifetime.TIE_VARIABLE, str(os.getppid()))
    lifetime.die_with_launcher()
    assert ties == [os.getppid()]
