"""The local Dask cluster of `communiques run --workers N`, started before Prefect.

Started by the flow's task runner, the cluster came up only once the flow had started, and each
worker process then imported the flow's modules (Prefect, ~3 s) and started its reader process
(pipeline.contain, loading spaCy, ~5 s) when its first batch came: the two workers loaded all
that at once, on 2 cores, while the flow waited. `start` brings the cluster up before Prefect's
server starts (the caller passes its address to prefect-dask's DaskTaskRunner), and each worker
process starts its reader process and imports the flow as it starts (`dask_setup`, a Dask
preload), so that the loading overlaps Prefect's start-up as in a one-process run.

Imports no Prefect: it runs before Prefect is imported. When this process dies, even by
SIGKILL, the worker processes exit (their pipe to it closes), and their reader processes with
them (pipeline.lifetime).
"""

from __future__ import annotations

import os
import signal
import threading
from typing import TYPE_CHECKING

os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # before distributed's import
if TYPE_CHECKING:
    from distributed import LocalCluster

WORKER_EXIT_SECONDS = 60


def start(workers: int) -> LocalCluster:
    """A local cluster of `workers` processes of one thread each, started; returns once the
    worker processes are up (~2 s), their reader processes still loading. Close it (`close`)
    once the flow has run, while Prefect's server still takes the workers' last reports."""
    from distributed import LocalCluster, Nanny

    class PatientNanny(Nanny):
        """Lets a worker process exit by itself. With spaCy and Prefect loaded, the interpreter's
        own teardown can outlast the 4 s distributed waits before killing it with a warning."""

        async def close(self, timeout: float = WORKER_EXIT_SECONDS, reason: str = "nanny-close"):
            return await super().close(timeout=timeout, reason=reason)

    _keep_malloc_defaults()
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                        dashboard_address=":0", worker_class=PatientNanny, preload=[__name__])


def close(cluster: LocalCluster) -> None:
    cluster.close(timeout=WORKER_EXIT_SECONDS)


def dask_setup(worker) -> None:
    """In each worker process as it starts (the preload's hook): ignore SIGINT, start its reader
    process, and import the flow's modules in a thread, instead of when the first batch comes.

    A Ctrl-C reaches the worker processes too (the terminal's process group): asyncio would
    cancel the worker's tasks, with a warning each, while their nanny, in this process, is
    already ending them (their pipe to it closes; `close`, or SIGTERM past its timeout). A
    worker without a nanny (`dask worker --no-nanny`) is left to stop on Ctrl-C.
    """
    from pipeline import contain

    if worker.nanny and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    contain.start_worker()
    threading.Thread(target=_import_flow, name="import flow", daemon=True).start()


def _import_flow() -> None:
    try:
        import flows.etl  # noqa: F401
    except Exception:  # noqa: BLE001  the first task imports it again and reports the error
        pass


def _keep_malloc_defaults() -> None:
    """Spawn local workers without distributed's MALLOC_TRIM_THRESHOLD_=65536.

    Setting it turns off glibc's adaptive mmap threshold, so every array spaCy allocates is
    mapped and faulted in afresh: extraction ran 25-30 % slower in a worker than in a plain
    process. The numpy thread settings (OMP_NUM_THREADS=1...) are kept.
    """
    import dask

    key = "distributed.nanny.pre-spawn-environ"
    environ = {name: value for name, value in dask.config.get(key, {}).items()
               if name != "MALLOC_TRIM_THRESHOLD_"}
    dask.config.set({key: environ})
