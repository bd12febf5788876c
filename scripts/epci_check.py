"""Score the member EPCIs of a folder of communiqués against hand gold, in this process.

    python scripts/epci_check.py DIR GOLD_DIR [--show] [NAME ...]

Reads and extracts each annotated document (no Prefect, no quality gate: a document the gate
would reject still counts) and prints precision, recall and F1 of the EPCIs by SIREN, of the
memberships (territory, SIREN) and of the territories, as `communiques evaluate` counts them.
`--show` lists, per document, every missed or extra SIREN and membership, and the rows left
without SIREN with their candidates. `--causes` sorts every missed membership by cause
(territory missing, mention not found, link refused, member not attached, attached to the wrong
territory) and every extra one (EPCI not in the gold, attached to the wrong territory) and
prints the totals. NAME restricts the run to documents whose name holds it.
For rule development on the linking and attachment of EPCIs; the product is measured by
`communiques run` then `communiques evaluate`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline import nlp
from pipeline.evaluate import load_gold
from pipeline.extract import assemble
from pipeline.extract.assemble import extract
from pipeline.normalize import name_key
from pipeline.read import ReadError, read_document

FORMATS = (".txt", ".md", ".html", ".htm", ".pdf")
MENTIONS: list = []  # the EPCI mentions of the last document, before attachment


def _recording_attach(mentions, *args, **kwargs):
    MENTIONS[:] = mentions
    return ATTACH(mentions, *args, **kwargs)


ATTACH, assemble.attach = assemble.attach, _recording_attach


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)

    def line(self, label: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (f"{label:<12} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
                f"  (tp {self.tp}, fp {self.fp}, fn {self.fn})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("names", nargs="*")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--causes", action="store_true")
    args = parser.parse_intermixed_args()
    files = {path.stem: path for path in args.docs.rglob("*") if path.suffix.lower() in FORMATS}
    scores = {"territories": Counts(), "epcis": Counts(), "membership": Counts()}
    causes: Counter = Counter()
    for gold in load_gold(args.gold):
        stem = Path(gold["document"]).stem
        if args.names and not any(name in stem for name in args.names):
            continue
        path = files.get(stem)
        try:
            text = read_document(path, path.read_bytes()).text if path else ""
        except ReadError:
            text = ""
        MENTIONS.clear()
        rows = extract(text, next(nlp.parse([text]))) if text else None
        wanted_territories = {name_key(t["name"]) for t in gold["territories"]}
        wanted_epcis = {e["siren"] for t in gold["territories"] for e in t["epcis"] if e.get("siren")}
        wanted_members = {(name_key(t["name"]), e["siren"]) for t in gold["territories"]
                          for e in t["epcis"] if e.get("siren")}
        key_of = {row["territory_id"]: next((k for k in (row["territory_id"], name_key(row["name"]))
                                             if k in wanted_territories), row["territory_id"])
                  for row in (rows.territories if rows else [])}
        found_epcis = {row["siren"] for row in (rows.epcis if rows else []) if row["siren"]}
        found_members = {(key_of.get(row["territory_id"], row["territory_id"]), row["siren"])
                         for row in (rows.epcis if rows else []) if row["siren"] and row["territory_id"]}
        scores["territories"].add(wanted_territories, set(key_of.values()))
        scores["epcis"].add(wanted_epcis, found_epcis)
        scores["membership"].add(wanted_members, found_members)
        if args.causes:
            for cause, member in _causes(gold, rows, key_of, set(key_of.values())):
                causes[cause] += 1
                print(f"   {cause:<28} {stem} {member}")
        if args.show and (wanted_epcis != found_epcis or wanted_members != found_members):
            print(f"== {stem}" + ("" if path else " (no such document)"))
            for siren in sorted(found_epcis - wanted_epcis):
                print("   extra   ", siren)
            for siren in sorted(wanted_epcis - found_epcis):
                print("   missed  ", siren)
            for member in sorted(found_members - wanted_members):
                print("   extra   ", member)
            for member in sorted(wanted_members - found_members):
                print("   missed  ", member)
            for row in (rows.epcis if rows else []):
                if not row["siren"]:
                    print("   no SIREN", repr(row["mention"]), row["candidates"])
    for label, counts in scores.items():
        print(counts.line(label))
    for cause, count in sorted(causes.items()):
        print(f"{cause:<28} {count}")
    return 0


def _causes(gold: dict, rows, key_of: dict, found_keys: set) -> list[tuple[str, tuple]]:
    """(cause, (territory, SIREN)) of every missed or extra membership of one document."""
    epci_rows = rows.epcis if rows else []
    wanted = {(name_key(t["name"]), e["siren"]): e.get("as_written", "")
              for t in gold["territories"] for e in t["epcis"] if e.get("siren")}
    wanted_sirens = {siren for _, siren in wanted}
    found = {(key_of.get(r["territory_id"], r["territory_id"]), r["siren"])
             for r in epci_rows if r["siren"] and r["territory_id"]}
    result = []
    for (territory, siren), written in sorted(wanted.items()):
        if (territory, siren) in found:
            continue
        with_siren = [r for r in epci_rows if r["siren"] == siren]
        if territory not in found_keys:
            cause = "missed: territory missing"
        elif any(r["territory_id"] for r in with_siren):
            cause = "missed: wrong territory"
        elif with_siren:
            cause = "missed: not attached"
        elif any(m.link.siren == siren for m in MENTIONS):
            cause = "missed: found, dropped"
        elif any(siren in (r["candidates"] or ()) or name_key(r["mention"]) == name_key(written)
                 for r in epci_rows if not r["siren"]):
            cause = "missed: link refused"
        else:
            cause = "missed: mention not found"
        result.append((cause, (territory, siren, written)))
    for member in sorted(found - set(wanted)):
        cause = "extra: wrong territory" if member[1] in wanted_sirens else "extra: EPCI not in gold"
        result.append((cause, member))
    unattached = {r["siren"] for r in epci_rows if r["siren"] and not r["territory_id"]}
    for siren in sorted(unattached - wanted_sirens - {s for _, s in found}):
        result.append(("extra: unattached, not in gold", siren))
    return result


if __name__ == "__main__":
    raise SystemExit(main())
