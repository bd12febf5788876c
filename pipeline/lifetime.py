"""No process outlives `communiques`, and a signal stops it at once without a half-done publish.

- `tied(command)`: the command line that runs `command` with a parent-death signal (Linux's
  prctl PR_SET_PDEATHSIG): the kernel kills it when the thread that started it ends, which
  for the main thread is when the process dies, even by SIGKILL. The Prefect servers are
  started that way; `die_with_parent` ties the calling process itself (contained workers).
  `interruptible=False` has the command ignore SIGINT: a Ctrl-C reaches every process of the
  terminal's process group, and a process its parent ends (pipeline.contain's readers) would
  only print a KeyboardInterrupt traceback before being ended.
  Dask's worker processes need nothing: they exit when their parent's pipe closes (and
  ignore SIGINT: flows.cluster).
- `stop_on_signals`: SIGTERM and SIGINT end the process at once (os._exit), which takes the
  tied processes with it. Waiting for Prefect to wind a flow down could take minutes (a task
  thread still running, reports to a server already stopped); nothing is lost by not waiting,
  since a publish is all or nothing (pipeline.storage), except while its files are being moved
  into place: `uninterruptible` makes the signal wait for the end of those moves.

Imports only the standard library: it runs before anything heavy, and as the small program
(`python -m pipeline.lifetime PARENT_PID COMMAND...`) that ties a command to its parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # linux/prctl.h
# Set by a launcher (`communiques serve`) to its pid: the processes it starts to run the flow
# tie themselves to it (die_with_launcher), since it cannot start them through `tied`.
TIE_VARIABLE = "COMMUNIQUES_TIED_TO"


def die_with_parent(parent_pid: int | None = None) -> None:
    """Have the kernel SIGKILL this process when its parent (the thread that started it) ends.

    `parent_pid`: the parent expected; if it died before the tie was made, exit now. Does
    nothing where prctl does not exist (not Linux): there only a clean exit stops children.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def die_with_launcher() -> None:
    """Tie this process to its parent if that parent asked for it (TIE_VARIABLE)."""
    if os.environ.get(TIE_VARIABLE) == str(os.getppid()):
        die_with_parent(os.getppid())


IGNORE_SIGINT = "--ignore-sigint"


def tied(command: Sequence[str], interruptible: bool = True) -> list[str]:
    """`command` run so that it dies with this process (see the module docstring), ignoring
    SIGINT unless `interruptible`. Start it from a thread that lives as long as it should: the
    main thread, or a long-lived one."""
    flags = [] if interruptible else [IGNORE_SIGINT]
    return [sys.executable, "-m", "pipeline.lifetime", str(os.getpid()), *flags, *command]


_spawner: ThreadPoolExecutor | None = None
_spawner_lock = threading.Lock()


def start_tied(command: Sequence[str], interruptible: bool = True,
               **popen_options) -> subprocess.Popen:
    """Start `command` tied to this process (`tied`), from a thread kept for that (the tie
    follows the thread that started a process; a task's thread may end before the process
    should)."""
    global _spawner
    with _spawner_lock:
        if _spawner is None:
            _spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tied-spawner")
    return _spawner.submit(subprocess.Popen, tied(command, interruptible),
                           **popen_options).result()


# ---------------------------------------------------------------- signals

_moving = threading.Lock()
_owner: int | None = None  # the thread inside `uninterruptible`
_pending: int | None = None  # a stop signal that thread received meanwhile
_stopping = False
_stop_action: Callable[[int], int] | None = None


@contextmanager
def uninterruptible() -> Iterator[None]:
    """A section (moving published files into place) that a stop signal lets finish first."""
    global _owner
    with _moving:
        _owner = threading.get_ident()
        try:
            yield
        finally:
            _owner = None
    if _pending is not None:
        _stop(_pending)


def stop_on_signals(action: Callable[[int], int]) -> None:
    """On SIGTERM or SIGINT, call `action(signal number)`, which returns the exit status, and
    end the process at once (os._exit: no thread, atexit hook or Prefect teardown waited for).
    A second signal while `action` runs ends it at once."""
    global _stop_action
    _stop_action = action
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _on_stop_signal)


def _on_stop_signal(signum: int, _frame) -> None:
    global _pending
    if _stopping:
        exit_now(128 + signum)
    if _owner == threading.get_ident():  # this thread is inside the section: it ends it first
        _pending = signum
        return
    with _moving:  # another thread may be moving files: wait for it
        _stop(signum)


def _stop(signum: int) -> None:
    global _stopping
    _stopping = True
    status = _stop_action(signum) if _stop_action else 128 + signum
    _release_semaphores()
    exit_now(status)


def _release_semaphores() -> None:
    """Unlink the named semaphores multiprocessing made in this process (the queues of the
    local Dask workers' nannies), as its exit hook would have (through its finalizers, a
    private registry): left to its resource tracker, they are unlinked too, but with a warning
    of "leaked semaphore objects" after the farewell."""
    synchronize = sys.modules.get("multiprocessing.synchronize")
    if synchronize is None:
        return
    from multiprocessing import util

    # Private names: where they differ (another Python), the tracker warns as before.
    for finalizer in list(getattr(util, "_finalizer_registry", {}).values()):
        if getattr(finalizer, "_callback", None) is getattr(synchronize.SemLock, "_cleanup", 0):
            try:
                finalizer()
            except Exception:  # noqa: BLE001  the tracker unlinks what is left, with its warning
                pass


def exit_now(status: int) -> None:
    """End the process without waiting for anything; the tied processes end with it."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def farewell(message: str) -> Callable[[int], int]:
    """A stop action that prints "stopped by SIGTERM: `message`" to stderr and exits as the
    signal would have."""
    def action(signum: int) -> int:
        print(f"\nstopped by {signal.Signals(signum).name}: {message}", file=sys.stderr, flush=True)
        return 128 + signum
    return action


# ---------------------------------------------------------------- exit

def without_teardown_at_exit() -> Callable[[int], int]:
    """Have this process end, at exit, without the interpreter's teardown; returns the function
    that records the exit status (and returns it).

    A run has Prefect, Great Expectations and pandas loaded: the interpreter's teardown frees
    their modules and objects one by one, 2 to 4 s on 2 cores, with nothing left to write. The
    hook registered here runs last, after the exit hooks registered later (atexit runs them in
    reverse: Prefect's server stopped, the worker processes closed, Prefect's own services,
    drained even before any atexit hook); it shuts logging down, flushes the standard streams
    and ends the process with the recorded status. None recorded (an exception on its way
    out): the interpreter ends as usual.
    """
    import atexit
    import logging

    recorded: list[int] = []

    def end() -> None:
        if recorded:
            logging.shutdown()  # registered before this hook: it would not run
            exit_now(recorded[-1])

    atexit.register(end)

    def record(status: int) -> int:
        recorded.append(status)
        return status
    return record


def run_in_thread(function: Callable[[], object]) -> object:
    """Call `function` in another thread, so that the main thread stays free to act on a
    signal at once (Prefect replaces the SIGTERM handler of the thread running a flow, and
    would wait for it to wind down), with this thread's context variables (settings)."""
    import contextvars

    context = contextvars.copy_context()
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = context.run(function)
        except BaseException as error:  # noqa: BLE001  re-raised in the calling thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="flow", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def _exec_tied(argv: list[str]) -> None:
    """`python -m pipeline.lifetime PARENT_PID [--ignore-sigint] COMMAND...`: tie, then become
    COMMAND (a SIGINT ignored is kept across exec, and Python then installs no handler of its
    own: no KeyboardInterrupt)."""
    parent_pid, command = int(argv[0]), argv[1:]
    if command[0] == IGNORE_SIGINT:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        command = command[1:]
    die_with_parent(parent_pid)  # kept across exec
    os.execv(command[0], command)


if __name__ == "__main__":
    _exec_tied(sys.argv[1:])
