"""Prefect's temporary API server, started by this process and tied to it.

Prefect starts its temporary server (when PREFECT_API_URL is unset) as a child process that
outlives a SIGKILL of its parent; runs killed that way left servers piling up. TemporaryServer
starts the same server (Prefect 3.8's SubprocessASGIServer command: uvicorn on
prefect.server.api.server:create_app, UI off) through pipeline.lifetime.tied, so that the kernel
kills it with its parent. It does not import prefect.server (~5 s of imports this process never
needs), and `start` returns at once: the caller does its own start-up while the server starts,
then waits for it (`wait_until_ready`).

`start_if_needed` starts it as early as a run knows it needs one: once Prefect's settings are
read (~1 s of imports), before the flow's own modules are imported (~0.7 s more), so that the
server's start-up (~5 s of CPU, the longest of a run's start) runs beside those imports and
the worker loading spaCy instead of after them.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from pipeline import lifetime

POLL_SECONDS = 0.1
STOP_SECONDS = 5


class ServerError(RuntimeError):
    """The temporary server did not start."""


class TemporaryServer:
    """A Prefect API server on a free port of 127.0.0.1, for the life of this process."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> None:
        import prefect  # only to locate it: prefect.server is imported by the server process
        from prefect.settings import get_current_settings

        command = [sys.executable, "-m", "uvicorn",
                   "--app-dir", str(Path(prefect.__file__).parent.parent),
                   "--factory", "prefect.server.api.server:create_app",
                   "--host", "127.0.0.1", "--port", str(self.port),
                   "--log-level", "error", "--lifespan", "on"]
        environment = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                       "PREFECT__SERVER_FINAL": "1",
                       **get_current_settings().to_environment_variables(exclude_unset=True)}
        self.process = subprocess.Popen(lifetime.tied(command), env=environment)
        atexit.register(self.stop)  # after the flow's last logs are sent (atexit runs in reverse)

    def wait_until_ready(self, timeout: float) -> None:
        """Return once /api/health answers; raise ServerError if the process ends or the
        timeout passes first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"Prefect's temporary server exited with status "
                                  f"{self.process.returncode} while starting on port {self.port}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(POLL_SECONDS)
        self.stop()
        raise ServerError(f"Prefect's temporary server did not answer within {timeout:.0f} s "
                          "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def start_if_needed(remote_workers: bool) -> TemporaryServer | None:
    """The run's temporary server, started now; None when the run needs none: PREFECT_API_URL
    names a server, or Dask workers on other machines need one they can reach (the flow's
    prefect_api says so)."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value() or remote_workers:
        return None
    server = TemporaryServer()
    server.start()  # stopped at exit (atexit), after the logs are sent; killed with this process
    return server


def _free_port() -> int:
    """A port free on 127.0.0.1 now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
