"""Scoring the published tables against gold annotations (format: tests/gold/README.md).

Precision, recall and F1 per table say whether a change to the rules finds more or fewer of the
right rows; the shares say whether the rows that were found carry the right attributes
(départements, phase, scope, date) and whether every row is grounded in its document's text.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath

import pandas as pd

from pipeline import storage
from pipeline.metadata import TABLES
from pipeline.normalize import name_key

TABLES_READ = ("documents", "territories", "epcis", "figures")
SCORED = ("territories", "epcis", "membership", "figures")


@dataclass
class Score:
    """Counts of one table over every gold document; the ratios follow from them."""

    tp: int
    fp: int
    fn: int

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0  # nothing found: right only if nothing was expected

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0  # nothing expected: right only if nothing was found

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Evaluation:
    scores: dict[str, Score]
    grounded_share: float
    departements_exact: float
    phase_exact: float
    scope_accuracy: float
    published_on_accuracy: float
    documents_matched: int
    documents_in_gold: int
    details: dict


@dataclass
class _Rows:
    """What one document holds, gold or extracted, in the form the scores compare."""

    territories: dict[str, set[str]]  # territory key -> departement codes
    phases: dict[str, set[str]]  # territory key -> phases ("2019-2022", "2023-2027")
    epcis: set[str]
    membership: set[tuple[str, str]]
    figures: list[tuple[tuple, str | None]]  # ((value, value_max, unit), scope), in text order


class GoldError(ValueError):
    """An annotation file that cannot be scored: the message names the file and the fix."""


def _check_gold_date(path: Path, published_on) -> None:
    """The gold format's date is a full ISO date or null; "2023-11" would compare with nothing."""
    try:
        if published_on is not None:
            date.fromisoformat(published_on)
    except (TypeError, ValueError):
        raise GoldError(f"gold file {path}: published_on {published_on!r} is not a date "
                        f"(YYYY-MM-DD); write the full date, or null when the text gives none") from None


def load_gold(gold_dir: Path) -> list[dict]:
    """Every annotation in the folder; README.md and JSON without a "document" are skipped."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold folder {gold_dir} does not exist")
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            annotation = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GoldError(f"gold file {path} is not UTF-8 JSON ({error}); fix or remove it") from error
        if isinstance(annotation, dict) and "document" in annotation:
            _check_gold_date(path, annotation.get("published_on"))
            golds.append(annotation)
    if not golds:
        raise FileNotFoundError(
            f'gold folder {gold_dir} holds no annotation (*.json with a "document")')
    return golds


def evaluate(output_dir: Path, gold_dir: Path) -> Evaluation:
    """Score the tables published in `output_dir` on the documents annotated in `gold_dir`.

    A gold document that no published document matches counts all its rows as false negatives and
    its date as wrong, so a document lost by the pipeline lowers the scores instead of vanishing.
    """
    tables = _read_tables(Path(output_dir))
    golds = load_gold(gold_dir)
    documents = tables["documents"]
    scores = {name: Score(0, 0, 0) for name in SCORED}
    details: dict = {name: {"false_positives": [], "false_negatives": []} for name in SCORED}
    departements: list[bool] = []
    phases: list[bool] = []
    scopes: list[bool] = []
    dates: list[bool] = []
    matched = 0
    for gold in golds:
        doc = gold["document"]
        document = _match_document(documents, doc)
        expected = _gold_rows(gold)
        if document is None:
            found = _Rows({}, {}, set(), set(), [])
            dates.append(False)
        else:
            matched += 1
            found = _extracted_rows(tables, document["doc_id"], set(expected.territories))
            dates.append(_iso_date(document["published_on"]) == _iso_date(gold.get("published_on")))
        wanted, got = _keys(expected), _keys(found)
        for name in SCORED:
            scores[name] += _score(doc, wanted[name], got[name], details[name])
        departements += [expected.territories[key] == found.territories[key]
                         for key in expected.territories.keys() & found.territories.keys()]
        phases += [expected.phases[key] == found.phases.get(key, set())
                   for key in expected.territories.keys() & found.territories.keys() if expected.phases.get(key)]
        scopes += _scope_agreement(expected.figures, found.figures)
    grounded, ungrounded = _grounding(tables)
    details["ungrounded"] = ungrounded
    return Evaluation(
        scores=scores,
        grounded_share=_share(grounded),
        departements_exact=_share(departements),
        phase_exact=_share(phases),
        scope_accuracy=_share(scopes),
        published_on_accuracy=_share(dates),
        documents_matched=matched,
        documents_in_gold=len(golds),
        details=details,
    )


def format_report(evaluation: Evaluation) -> str:
    """A fixed-width table a person can read in a terminal or a CI log."""
    row = "{:<12} {:>9} {:>7} {:>7} {:>6} {:>6} {:>6}"
    lines = [row.format("table", "precision", "recall", "F1", "tp", "fp", "fn")]
    for name, score in evaluation.scores.items():
        lines.append(row.format(name, f"{score.precision:.3f}", f"{score.recall:.3f}",
                                f"{score.f1:.3f}", score.tp, score.fp, score.fn))
    shares = {
        "documents matched": f"{evaluation.documents_matched} / {evaluation.documents_in_gold}",
        "grounded share": f"{evaluation.grounded_share:.3f}",
        "departements exact": f"{evaluation.departements_exact:.3f}",
        "phase exact": f"{evaluation.phase_exact:.3f}",
        "scope accuracy": f"{evaluation.scope_accuracy:.3f}",
        "published_on accuracy": f"{evaluation.published_on_accuracy:.3f}",
    }
    lines += [""] + [f"{label:<22} {value:>7}" for label, value in shares.items()]
    return "\n".join(lines)


def _read_tables(output_dir: Path) -> dict[str, pd.DataFrame]:
    missing = [TABLES[name].file_name for name in TABLES_READ
               if not (output_dir / TABLES[name].file_name).exists()]
    if missing:
        raise FileNotFoundError(f"{output_dir} has no {', '.join(missing)}; "
                                "run `communiques run` first to publish the tables")
    return {name: storage.read_table(output_dir, name) for name in TABLES_READ}


def _match_document(documents: pd.DataFrame, gold_name: str) -> pd.Series | None:
    """The document a gold file describes: same file name, else same stem (x.pdf for x.txt).

    Sources may sit in sub-folders, hence the base name; several candidates resolve to the first
    source in sorted order so that the choice is the same on every run.
    """
    names = documents["source"].map(lambda source: PurePath(source).name)
    stems = names.map(lambda name: PurePath(name).stem)
    for candidates in (names == gold_name, stems == PurePath(gold_name).stem):
        if candidates.any():
            return documents[candidates].sort_values("source").iloc[0]
    return None


def _gold_rows(gold: dict) -> _Rows:
    territories: dict[str, set[str]] = {}
    phases: dict[str, set[str]] = {}
    epcis: set[str] = set()
    membership: set[tuple[str, str]] = set()
    for territory in gold.get("territories", []):
        key = name_key(territory["name"])
        territories.setdefault(key, set()).update(territory.get("departement_codes", []))
        phases.setdefault(key, set()).update([territory["phase"]] if territory.get("phase") else [])
        for epci in territory.get("epcis", []):
            if epci.get("siren"):
                epcis.add(epci["siren"])
                membership.add((key, epci["siren"]))
    # EPCIs the text names but ties to no territory (a partner, a host): scored as EPCIs only
    epcis.update(epci["siren"] for epci in gold.get("epcis", []) if epci.get("siren"))
    figures = [(_figure_key(f["value"], f.get("value_max"), f["unit"]), f.get("scope"))
               for f in gold.get("figures", [])]
    return _Rows(territories, phases, epcis, membership, figures)


def _extracted_rows(tables: dict[str, pd.DataFrame], doc_id: str, gold_keys: set[str]) -> _Rows:
    """The document's published rows; a territory takes whichever of its keys the gold uses."""
    territories: dict[str, set[str]] = {}
    phases: dict[str, set[str]] = {}
    key_of_id: dict[str, str] = {}
    for row in _rows_of(tables["territories"], doc_id):
        key = next((k for k in (row.territory_id, name_key(row.name)) if k in gold_keys),
                   row.territory_id)
        key_of_id[row.territory_id] = key
        territories.setdefault(key, set()).update(row.departement_codes)
        phases.setdefault(key, set()).update([row.phase] if _optional(row.phase) is not None else [])
    epcis: set[str] = set()
    membership: set[tuple[str, str]] = set()
    for row in _rows_of(tables["epcis"], doc_id):
        if pd.isna(row.siren):
            continue
        epcis.add(row.siren)
        if not pd.isna(row.territory_id):
            membership.add((key_of_id.get(row.territory_id, row.territory_id), row.siren))
    figures = [(_figure_key(row.value, row.value_max, row.unit), _optional(row.scope_code))
               for row in sorted(_rows_of(tables["figures"], doc_id), key=lambda r: r.start)]
    return _Rows(territories, phases, epcis, membership, figures)


def _keys(rows: _Rows) -> dict[str, Counter]:
    """What each table is scored on: territory keys, SIRENs, (territory, SIREN), figure keys."""
    return {"territories": Counter(rows.territories.keys()), "epcis": Counter(rows.epcis),
            "membership": Counter(rows.membership),
            "figures": Counter(key for key, _ in rows.figures)}


def _rows_of(frame: pd.DataFrame, doc_id: str) -> list:
    return list(frame[frame["doc_id"] == doc_id].itertuples(index=False))


def _figure_key(value: float, value_max: float | None, unit: str) -> tuple:
    """Values rounded to 6 significant digits, so 1e8 parsed two ways still compares equal."""
    def rounded(number):
        return None if _optional(number) is None else float(f"{float(number):.6g}")
    return rounded(value), rounded(value_max), unit


def _optional(value):
    """None for every spelling of a missing value (None, NaN, pd.NA)."""
    return None if pd.isna(value) else value


def _iso_date(value) -> str | None:
    if _optional(value) is None:
        return None
    if isinstance(value, str):
        return date.fromisoformat(value).isoformat()
    return pd.Timestamp(value).date().isoformat()


def _score(doc: str, expected: Counter, found: Counter, details: dict) -> Score:
    """Multiset comparison of one document's keys; misses are kept for debugging."""
    false_positives = found - expected
    false_negatives = expected - found
    details["false_positives"] += [(doc, key) for key in false_positives.elements()]
    details["false_negatives"] += [(doc, key) for key in false_negatives.elements()]
    return Score(tp=(expected & found).total(), fp=false_positives.total(),
                 fn=false_negatives.total())


def _scope_agreement(expected: list[tuple], found: list[tuple]) -> list[bool]:
    """Pairs same-key figures in order of appearance and tells, per pair, if the scopes agree."""
    found_scopes: dict[tuple, list] = {}
    for key, scope in found:
        found_scopes.setdefault(key, []).append(scope)
    agreement = []
    for key, scope in expected:
        if found_scopes.get(key):
            agreement.append(found_scopes[key].pop(0) == scope)
    return agreement


def _grounding(tables: dict[str, pd.DataFrame]) -> tuple[list[bool], list[tuple]]:
    """Whether each row of every extracted table satisfies text[start:end] == mention."""
    texts = dict(zip(tables["documents"]["doc_id"], tables["documents"]["text"]))
    grounded, ungrounded = [], []
    for name in ("territories", "epcis", "figures"):
        for row in tables[name].itertuples(index=False):
            text = texts.get(row.doc_id)
            ok = text is not None and text[int(row.start):int(row.end)] == row.mention
            grounded.append(ok)
            if not ok:
                ungrounded.append((name, row.doc_id, row.mention))
    return grounded, ungrounded


def _share(flags: list[bool]) -> float:
    """Share of True; 1.0 when there was nothing to check, as for an empty Score."""
    return sum(flags) / len(flags) if flags else 1.0
