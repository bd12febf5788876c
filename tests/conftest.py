"""The suite leaves no process behind.

pytest becomes the subreaper of the processes its tests start (Linux): a process whose parent
was killed is then re-parented to pytest instead of init, so that the check at the end of the
session still sees it.
"""

from __future__ import annotations

import ctypes
import sys
import time

import psutil
import pytest

PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
LEFT_BEHIND_GRACE_SECONDS = 30  # for processes still exiting when the last test ends


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    """Those still running (a zombie has ended: only its exit status is left to collect)."""
    running = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                running.append(process)
        except psutil.NoSuchProcess:
            pass
    return running


def describe(processes: list[psutil.Process]) -> list[str]:
    described = []
    for process in processes:
        try:
            described.append(f"{process.pid}: {' '.join(process.cmdline())[:200]}")
        except psutil.Error:
            described.append(str(process.pid))
    return described


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind():
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    yield
    deadline = time.monotonic() + LEFT_BEHIND_GRACE_SECONDS
    while (left := alive(psutil.Process().children(recursive=True))) and time.monotonic() < deadline:
        time.sleep(0.5)
    described = describe(left)
    for process in left:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    assert not left, f"the tests left processes behind: {described}"
