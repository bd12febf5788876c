"""Prefect's temporary API server, tied to the process that starts it.

Prefect starts its temporary server (when PREFECT_API_URL is unset) as a child process that
outlives a SIGKILL of its parent; runs killed that way left servers piling up. TiedServer
starts it with the same command as Prefect 3.8's SubprocessASGIServer, through
pipeline.lifetime.tied, so that the kernel kills it with its parent. It takes the place of
Prefect's own: SubprocessASGIServer() returns the instance already made for its port.
"""

from __future__ import annotations

import os
import subprocess
import sys

import prefect
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import get_current_settings

from pipeline import lifetime


class TiedServer(SubprocessASGIServer):
    """SubprocessASGIServer whose process dies with this one."""

    def _run_uvicorn_command(self) -> subprocess.Popen:
        command = [sys.executable, "-m", "uvicorn",
                   "--app-dir", str(prefect.__module_path__.parent),
                   "--factory", "prefect.server.api.server:create_app",
                   "--host", "127.0.0.1", "--port", str(self.port),
                   "--log-level", "error", "--lifespan", "on"]
        environment = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                       "PREFECT__SERVER_FINAL": "1",
                       **get_current_settings().to_environment_variables(exclude_unset=True)}
        return subprocess.Popen(lifetime.tied(command), env=environment)
