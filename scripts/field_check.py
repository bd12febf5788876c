"""Score a folder of communiqués against hand gold in one command.

    python scripts/field_check.py DIR GOLD.json|GOLD_DIR            # the real product
    python scripts/field_check.py DIR GOLD_DIR --fast [--show]      # in process, territories only

The default runs the real `communiques run` on DIR into a temporary folder, then prints
`communiques evaluate`'s scores: what a user gets. `--fast` reads and extracts each annotated
document in this process (no Prefect, no quality gate) and scores territories only, for rule
development: a few seconds instead of a minute. `--show` lists every missed and extra territory
and every département set that differs. Gold documents that DIR does not hold count as missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent


def _gold_dir(gold: Path, workdir: Path) -> Path:
    """A folder of annotations: GOLD itself, or a folder holding the one file GOLD."""
    if gold.is_dir():
        return gold
    folder = workdir / "gold"
    folder.mkdir()
    shutil.copy(gold, folder / gold.name)
    return folder


def run_product(docs: Path, gold_dir: Path, workdir: Path) -> int:
    output = workdir / "output"
    environment = {**os.environ, "PREFECT_HOME": os.environ.get("PREFECT_HOME", str(workdir / "prefect"))}
    run = subprocess.run([str(BIN / "communiques"), "run", "--input", str(docs), "--output", str(output)],
                         env=environment, capture_output=True, text=True)
    summary = [line for line in run.stdout.splitlines() if line.startswith(("communiqués", "  rejected"))]
    print("\n".join(summary) or run.stdout[-2000:] + run.stderr[-2000:])
    if run.returncode not in (0, 1):
        return run.returncode
    return subprocess.run([str(BIN / "communiques"), "evaluate", "--gold", str(gold_dir),
                           "--output", str(output)], env=environment).returncode


def run_fast(docs: Path, gold_dir: Path, show: bool) -> int:
    """Territory precision/recall and exact département sets, extracted in this process."""
    from pipeline import nlp
    from pipeline.evaluate import load_gold
    from pipeline.extract.assemble import extract
    from pipeline.normalize import name_key
    from pipeline.read import ReadError, read_document

    files = {path.name: path for path in docs.rglob("*") if path.is_file()}
    files.update({path.stem: path for path in list(files.values())})
    tp = fp = fn = 0
    exact: list[bool] = []
    for gold in load_gold(gold_dir):
        name = gold["document"]
        expected = {}
        for territory in gold.get("territories", []):
            expected.setdefault(name_key(territory["name"]), set()).update(territory["departement_codes"])
        path = files.get(name) or files.get(Path(name).stem)
        found: dict[str, set[str]] = {}
        if path is not None:
            try:
                text = read_document(path, path.read_bytes()).text
            except ReadError as error:
                print(f"{name}: not read ({error.reason})")
                text = None
            if text is not None:
                rows = extract(text, next(nlp.parse([text]))).territories
                for row in rows:
                    key = next((k for k in (row["territory_id"], name_key(row["name"])) if k in expected),
                               row["territory_id"])
                    found.setdefault(key, set()).update(row["departement_codes"])
        tp += len(expected.keys() & found.keys())
        fp += len(found.keys() - expected.keys())
        fn += len(expected.keys() - found.keys())
        shared = expected.keys() & found.keys()
        exact += [expected[key] == found[key] for key in shared]
        if show:
            for key in sorted(expected.keys() - found.keys()):
                print(f"  missed  {name}: {key}")
            for key in sorted(found.keys() - expected.keys()):
                print(f"  extra   {name}: {key}")
            for key in sorted(k for k in shared if expected[k] != found[k]):
                print(f"  deps    {name}: {key} expected {sorted(expected[key])} found {sorted(found[key])}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    share = sum(exact) / len(exact) if exact else 1.0
    print(f"territories  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn}); departements exact {share:.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, help="folder of communiqués (txt, md, html, pdf)")
    parser.add_argument("gold", type=Path, help="one gold JSON file, or a folder of them")
    parser.add_argument("--fast", action="store_true", help="extract in process, score territories only")
    parser.add_argument("--show", action="store_true", help="with --fast: list every difference")
    args = parser.parse_args()
    if not args.docs.is_dir() or not args.gold.exists():
        parser.error("DIR must be a folder and GOLD a gold file or folder")
    with tempfile.TemporaryDirectory(prefix="field_check-") as workdir:
        gold_dir = _gold_dir(args.gold, Path(workdir))
        if args.fast:
            return run_fast(args.docs, gold_dir, args.show)
        return run_product(args.docs, gold_dir, Path(workdir))


if __name__ == "__main__":
    sys.exit(main())
