"""`communiques serve`: the flow as a Prefect deployment on a schedule, stopped within seconds.

Prefect's own loop (Flow.serve) stops badly in Prefect 3.8: on SIGTERM it leaves the run in
progress going without its server, and waits for it (minutes). So the runner polls for runs in
a thread, and the main thread owns the signals: on SIGTERM or SIGINT it pauses the deployment's
schedule, marks the runs in progress as crashed, stops the Prefect server it started and exits.
Each step is bounded (API_TIMEOUT_SECONDS, SERVER_STOP_SECONDS) and the whole stop too
(STOP_SECONDS). The server and the runs in progress are tied to this process
(pipeline.lifetime), so they end with it even when it is killed.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (DeploymentFilter, DeploymentFilterId, FlowRunFilter,
                                            FlowRunFilterState, FlowRunFilterStateType)
from prefect.client.schemas.objects import StateType
from prefect.runner import Runner
from prefect.schedules import Cron
from prefect.settings import (PREFECT_API_REQUEST_TIMEOUT, PREFECT_API_URL,
                              PREFECT_CLIENT_MAX_RETRIES, temporary_settings)
from prefect.states import Crashed

from flows.etl import run_etl
from pipeline import lifetime

DEPLOYMENT = "communiques-etl"
SERVER_START_SECONDS = 300  # a first start migrates the database: slow on a slow machine
STOP_SECONDS = 8  # from the signal to the exit, whatever happens
API_TIMEOUT_SECONDS = 2
SERVER_STOP_SECONDS = 3
IN_PROGRESS = [StateType.PENDING, StateType.RUNNING, StateType.CANCELLING]


class ServerError(Exception):
    """The local Prefect server for `serve` could not start."""


def serve(cron: str, timezone: str, input_dir: Path, output_dir: Path, port: int,
          sources: Path | None) -> None:
    """Serve until SIGTERM or SIGINT, with the Prefect server of PREFECT_API_URL, else with
    one started here on 127.0.0.1:port (Prefect's temporary API runs no scheduler). Each run
    fetches from `sources` first, unless it is None."""
    os.environ[lifetime.TIE_VARIABLE] = str(os.getpid())  # runs started from here die with it
    parameters = {"input_dir": str(input_dir), "output_dir": str(output_dir),
                  "sources": None if sources is None else str(sources)}
    if PREFECT_API_URL.value():
        _serve(Cron(cron, timezone=timezone), parameters, server=None)
        return
    with _prefect_server(port) as (api_url, server), \
            temporary_settings(updates={PREFECT_API_URL: api_url}):
        _serve(Cron(cron, timezone=timezone), parameters, server)


def _serve(schedule: Cron, parameters: dict, server: subprocess.Popen | None) -> None:
    runner = Runner(name=DEPLOYMENT, pause_on_shutdown=False)  # paused by _stop, bounded
    deployment_id = runner.add_flow(run_etl, name=DEPLOYMENT, schedule=schedule,
                                    parameters=parameters)
    cron, timezone = schedule.cron, schedule.timezone
    print(f"Your flow {run_etl.name!r} is being served and polling for scheduled runs "
          f"({cron}, {timezone}). To run it now: prefect deployment run "
          f"'{run_etl.name}/{DEPLOYMENT}'. Stop with Ctrl-C or SIGTERM.", flush=True)
    lifetime.stop_on_signals(lambda signum: _stop(deployment_id, server))
    lifetime.run_in_thread(lambda: asyncio.run(runner.start()))


def _stop(deployment_id: UUID, server: subprocess.Popen | None) -> int:
    """Pause the schedule, mark the runs in progress as crashed, stop the server; exit 0.
    Past STOP_SECONDS the process exits anyway."""
    deadline = threading.Timer(STOP_SECONDS, lifetime.exit_now, (0,))
    deadline.daemon = True
    deadline.start()
    print("stopping: pausing the deployment's schedule", flush=True)
    try:
        with temporary_settings(updates={PREFECT_API_REQUEST_TIMEOUT: API_TIMEOUT_SECONDS,
                                         PREFECT_CLIENT_MAX_RETRIES: 2}), \
                get_client(sync_client=True) as client:
            client.pause_deployment(deployment_id)
            print("All deployments have been paused", flush=True)
            runs = client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
                flow_run_filter=FlowRunFilter(state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=IN_PROGRESS))))
            for run in runs:
                client.set_flow_run_state(run.id, Crashed(message="communiques serve was stopped"),
                                          force=True)
                print(f"run {run.name} stopped before its end; the next run takes its "
                      "documents up again", flush=True)
    except Exception as error:  # noqa: BLE001  the stop goes on: the server may be gone already
        print(f"could not reach the Prefect API to pause the schedule ({error})", flush=True)
    if server is not None:
        _stop_server(server)
    return 0


@contextmanager
def _prefect_server(port: int) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `prefect server start` on 127.0.0.1:port (API, scheduler and UI) while serving."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise ServerError(f"port {port} is in use: pass --port, or set PREFECT_API_URL to "
                              "the Prefect server listening there")
    address = f"http://127.0.0.1:{port}"
    # Its banner is left out, its errors shown. In a session of its own, so that Ctrl-C stops
    # `serve` first, which pauses the deployment through the server, then stops the server.
    server = subprocess.Popen(lifetime.tied([sys.executable, "-m", "prefect", "server", "start",
                                             "--host", "127.0.0.1", "--port", str(port)]),
                              stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _healthy(address):
            if server.poll() is not None or time.monotonic() > deadline:
                raise ServerError(f"the Prefect server did not start on {address}")
            time.sleep(0.5)
        print(f"Prefect server running at {address}: open it in a browser to watch the runs",
              flush=True)
        yield f"{address}/api", server
    finally:
        _stop_server(server)


def _stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=SERVER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _healthy(address: str) -> bool:
    try:
        with urllib.request.urlopen(f"{address}/api/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False
