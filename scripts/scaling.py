"""Find the rules whose time grows faster than the text: extraction of each document repeated
SMALL and LARGE times (concatenated, then with its lines shuffled) and of pathological shapes.

    python scripts/scaling.py --set corpus=tests/corpus --set m=tests/measure/probes60_mixed/docs \
        --per-set 3 [--small 50 --large 200] [--only-pathological] [--profile NAME]

A case is flagged when its extraction time at LARGE over SMALL exceeds 6 (4 is linear) or
when one MB more costs more than 10 s. CPU seconds of this process; spaCy's parse is timed apart (it has
its own bounds, pipeline/nlp.py). --per-set takes the largest documents of each set: the whole
corpus at 200 copies is hours of spaCy on a shared machine. Not a test: a tool to find the
next slow spot, then fix it with scripts/extraction_snapshot.py --check and a test of its shape
in tests/test_hostile_lines.py.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_snapshot import read_set  # noqa: E402

BODY = ("Le territoire d'industrie Grand Troyes regroupe Troyes Champagne Métropole et la "
        "communauté de communes du Barséquanais en Champagne.\nTroyes, le 14 novembre 2023\n")
# name -> the shape with n units (n LARGE/SMALL times fewer at SMALL), between two communiqués
PATHOLOGICAL = {
    "list markers": (lambda n: "- \n" * n, 10_000),
    "CC prefixes": (lambda n: "CC " * n, 10_000),
    "semicolon items": (lambda n: "CC du Val ; " * n, 5_000),
    "nested brackets": (lambda n: "(" * n + "CC du Val" + ")" * n, 2_000),
    "line without spaces": (lambda n: "Troyes-" * n, 2_000_000 // 7),
    "short lines": (lambda n: "Nom\n" * n, 50_000),
    "empty lines": (lambda n: "\n" * n, 20_000),
    "blank lines": (lambda n: "\n \n" * n, 20_000),
    "spaces and tabs": (lambda n: "Nom" + " \t" * n + "!", 50_000),
    # one sentence: each predicate's subject read back over the chain (g79perf)
    "label predicate chain": (lambda n: "Le Grand Troyes est labellisé Territoire d'industrie"
                              + ", et Vitry est reconduit" * n + ".", 1_600),
    "member sentences": (lambda n: "La communauté d'agglomération Troyes Champagne Métropole, Barséquanais en "
                                   "Champagne et Vendeuvre-Soulaines sont membres.\n" * n, 2_000),
    # tests/test_hostile_lines.py's blancs_varies: every kind of blank after a name
    "blank variants": (lambda n: "".join(f"Territoire d'industrie Grand Troyes{blank * n}!\n"
                                         for blank in (" ", "\t", "\n", "\u00a0", " \n", "\t \u00a0\n")), 10_000),
}


def pathological(name: str, fraction: float) -> str:
    shape, count = PATHOLOGICAL[name]
    return BODY + shape(int(count * fraction)) + "\n" + BODY


def shuffled(text: str) -> str:
    lines = text.split("\n")
    random.Random(0).shuffle(lines)
    return "\n".join(lines)


def timed(text: str) -> tuple[float, float]:
    """CPU seconds of spaCy's parse and of the extraction."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract

    started = time.process_time()
    [doc] = nlp.parse([text])
    parsed = time.process_time()
    extract(text, doc)
    return parsed - started, time.process_time() - parsed


def cases(args) -> Iterator[tuple[str, str, str]]:
    """Each case's name and its text at SMALL and at LARGE."""
    if not args.only_pathological:
        for item in args.set:
            name, _, folder = item.partition("=")
            texts = read_set(Path(folder))
            for file in sorted(texts, key=lambda f: -len(texts[f]))[:args.per_set]:
                text = texts[file].rstrip("\n") + "\n"
                yield f"{name}/{file} repeated", text * args.small, text * args.large
                yield f"{name}/{file} shuffled", shuffled(text * args.small), shuffled(text * args.large)
    for name in PATHOLOGICAL:
        yield name, pathological(name, args.small / args.large), pathological(name, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", default=[], metavar="NAME=DIR")
    parser.add_argument("--per-set", type=int, default=2, help="the largest documents of each set")
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--large", type=int, default=200)
    parser.add_argument("--only-pathological", action="store_true")
    parser.add_argument("--profile", metavar="CASE", help="profile the extraction of this case at LARGE")
    args = parser.parse_args()

    from pipeline import etl

    etl.warm_up()
    timed(BODY)  # the caches a first extraction fills
    flagged = 0
    for name, small, large in cases(args):
        if args.profile:
            if name == args.profile:
                from pipeline import nlp
                from pipeline.extract.assemble import extract

                [doc] = nlp.parse([large])
                profiler = cProfile.Profile()
                profiler.runcall(extract, large, doc)
                pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            continue
        parse_small, extract_small = timed(small)
        parse_large, extract_large = timed(large)
        ratio = extract_large / max(extract_small, 0.01)
        # the cost of one more MB, without what any text costs
        per_mb = (extract_large - extract_small) / max((len(large) - len(small)) / 1e6, 1e-6)
        slow = ratio > 6 or per_mb > 10
        flagged += slow
        print(f"{'SLOW' if slow else 'ok  '} {name}: {len(large) / 1e6:.2f} MB; extraction {extract_small:.2f} → "
              f"{extract_large:.2f} s (×{ratio:.1f}, {per_mb:.1f} s/MB); spaCy {parse_small:.2f} → "
              f"{parse_large:.2f} s", flush=True)
    print(f"{flagged} case(s) flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
