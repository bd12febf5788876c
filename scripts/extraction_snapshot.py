"""Time the extraction rules alone, in process, and check that a change keeps their output.

spaCy parses every text once; then `pipeline.extract.assemble.extract` runs over each set of
texts, timed (the best of --repeat passes) in CPU seconds of this process: on a shared machine
they vary much less than wall time. The output of every document (its information and
its rows, JSON with sorted keys, one line a document) can be written to a file, or compared
with a file written before a change: an optimisation must leave it identical.

    python scripts/extraction_snapshot.py --generated 500 --set real=DIR --set fixtures=tests/corpus \
        --write before.jsonl            # then, after a change:
    python scripts/extraction_snapshot.py ... --check before.jsonl [--profile generated]

Texts are the ones a run extracts from, read as it reads them (read_set); --generated N writes N
communiqués with scripts/generate_corpus.py (its default seed: the benchmark's first N).
--profile SET prints cProfile's top functions (cumulative and own time) for one pass over SET.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read_set(folder: Path) -> dict[str, str]:
    """Relative path -> text of every document `communiques run --input folder` extracts from, in
    name order: the files it takes (pipeline.state.discover), read as it reads them (pipeline.etl.read:
    copies once, unreadable ones rejected), texts past its length limit left out (etl.too_long;
    tests/corpus/PATTERNS.md, the catalogue, is one)."""
    from pipeline import etl, state

    batch = etl.read(folder, state.discover(folder))
    return {document.row["source"]: document.text for document in batch.documents
            if document.row["status"] == "published" and etl.too_long(document) is None}


def generated(count: int, workdir: Path) -> dict[str, str]:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_corpus.py"), "--out", str(workdir),
                    "--count", str(count), "--pdf-sample", "0"], check=True, stdout=subprocess.DEVNULL)
    return read_set(workdir / "txt")


def as_json(extraction) -> dict:
    return {"info": extraction.info, "territories": extraction.territories, "epcis": extraction.epcis,
            "figures": extraction.figures, "stated_counts": extraction.stated_counts}


def _plain(value):
    """JSON for what rows hold besides JSON types: dates, sets (sorted), tuples."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=0, help="that many generated communiqués")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=DIR",
                        help="a folder of communiqués (any depth)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="timed passes per set, the best counts (later passes find the names "
                             "of the first in linking's cache: faster than a run)")
    parser.add_argument("--write", type=Path, help="write the output of every document here")
    parser.add_argument("--check", type=Path, help="compare the output with this file")
    parser.add_argument("--profile", metavar="SET", help="profile one pass over this set")
    args = parser.parse_args()

    from pipeline import etl, nlp
    from pipeline.extract.assemble import extract

    sets: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="extraction_snapshot-") as workdir:
        if args.generated:
            sets["generated"] = generated(args.generated, Path(workdir))
    for item in args.set:
        name, _, folder = item.partition("=")
        sets[name] = read_set(Path(folder))

    etl.warm_up()
    parsed, parse_seconds = {}, {}
    for name, texts in sets.items():
        started = time.process_time()
        parsed[name] = list(zip(texts, texts.values(), nlp.parse(texts.values())))
        parse_seconds[name] = time.process_time() - started
    lines = []
    for name, documents in parsed.items():
        best = float("inf")
        for _ in range(args.repeat):
            started = time.process_time()
            results = [(file, extract(text, doc)) for file, text, doc in documents]
            best = min(best, time.process_time() - started)
        characters = sum(len(text) for _, text, _ in documents)
        print(f"{name}: {len(documents)} documents, {characters:,} characters: spaCy "
              f"{parse_seconds[name]:.3f} s, extraction {best:.3f} s of CPU "
              f"({1000 * best / max(len(documents), 1):.2f} ms a document, best of {args.repeat})")
        lines += [json.dumps({"set": name, "file": file, **as_json(extraction)}, sort_keys=True,
                             ensure_ascii=False, default=_plain) for file, extraction in results]

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _file, text, doc in parsed[args.profile]:
            extract(text, doc)
        profiler.disable()
        for order in ("cumulative", "tottime"):
            pstats.Stats(profiler).sort_stats(order).print_stats(45)

    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} documents written to {args.write}")
    if args.check:
        expected = args.check.read_text(encoding="utf-8").splitlines()
        differing = [(old, new) for old, new in zip(expected, lines) if old != new]
        if differing or len(expected) != len(lines):
            for old, new in differing[:5]:
                print(f"DIFFERS: {json.loads(old)['set']}/{json.loads(old)['file']}\n  before {old[:3000]}\n"
                      f"  after  {new[:3000]}")
            print(f"output CHANGED: {len(differing)} documents differ "
                  f"({len(expected)} before, {len(lines)} now)")
            return 1
        print(f"output identical to {args.check} ({len(lines)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
