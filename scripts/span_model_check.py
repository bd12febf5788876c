"""Measure a trained TERRITORY span model against the rules, on annotated folders.

    python scripts/span_model_check.py FOLDER [FOLDER ...] --model DIR [--seen TRAINING_FOLDER ...] [--show VARIANT]
    python scripts/span_model_check.py FOLDER [FOLDER ...] --rules-only

FOLDERs are given as to scripts/build_span_data.py (FOLDER with docs/ and gold/, or DOCS=GOLD).
Scores territories as scripts/field_check.py --fast does (precision, recall, F1 over name keys,
summed over the folders), for:

- rules          the product's extraction as it is;
- model          every span the model predicts (a spancat's: scored --threshold or more) is a
                 territory, its name trimmed and keyed as the product does (articles and legal
                 forms off, pipeline.normalize.name_key);
- last resort    the rules, and in a document where they name nothing (after their own last
                 resorts), the one name among the model's spans that passes the product's name
                 filters (territories.common.make_mention: a name, no région) and the agreement
                 test: predicted at least --min-count times, and CLEAR_MARGIN times as often as
                 any other; its row goes through the real assembly (départements, members);
- filter         the rules' territories the model also predicts in the document (a span scored
                 --filter-threshold or more with the same key, or overlapping the row's mention);
- gazetteer      (with --seen) the last resort with, instead of the model's spans, the occurrences
                 of the names the training folders' gold holds: what a list of names alone gives.

Also counts the documents whose gold names no territory that get one, times the rules and the
model (documents per second), and with --seen splits recall between the gold names the training
folders' gold holds and the others (a model may learn names rather than constructions).
`--rules-only` prints the rules' line only and imports only what older commits have too: run it,
or the variants, from a throwaway worktree of an older commit with PYTHONPATH set to it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).parent))

CLEAR_MARGIN = 2
VARIANTS = ("rules", "model", "last resort", "filter", "gazetteer")


class Score:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tp = self.fp = self.fn = 0
        self.empty_documents = self.empty_with_territory = 0
        self.seconds = 0.0
        self.found_keys: list[str] = []  # true positives, to tell names seen in training
        self.expected_keys: list[str] = []

    def add(self, expected: set[str], found: set[str], show: str | None = None) -> None:
        self.tp += len(expected & found)
        self.found_keys += sorted(expected & found)
        self.expected_keys += sorted(expected)
        self.fp += len(found - expected)
        self.fn += len(expected - found)
        if not expected:
            self.empty_documents += 1
            self.empty_with_territory += bool(found)
        if show is not None:
            for key in sorted(expected - found):
                print(f"  {self.name:12} missed  {show}: {key}")
            for key in sorted(found - expected):
                print(f"  {self.name:12} extra   {show}: {key}")

    def line(self, documents: int) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speed = f"{documents / self.seconds:6.1f} docs/s" if self.seconds else ""
        return (f"{self.name:12} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (tp {self.tp}, fp {self.fp}, "
                f"fn {self.fn}); no-gold documents given a territory {self.empty_with_territory}"
                f"/{self.empty_documents}  {speed}")


def keys_of(rows: list[dict], expected: set[str]) -> set[str]:
    """As field_check: a row counts under its id, or its name's key when that one is expected."""
    from pipeline.normalize import name_key

    return {next((k for k in (row["territory_id"], name_key(row["name"])) if k in expected), row["territory_id"])
            for row in rows}


SPANS_KEY = "sc"
# A spancat model keeps every suggestion down to this score; the variants pick their own threshold.
LOW_THRESHOLD = 0.05


def scored_spans(model, text: str) -> list[tuple[int, int, float]]:
    """(start, end, score) of the model's spans: a ner's entities score 1; a spancat's every
    suggestion above LOW_THRESHOLD with its score."""
    doc = model(text)
    if SPANS_KEY not in doc.spans:
        return [(e.start_char, e.end_char, 1.0) for e in doc.ents]
    group = doc.spans[SPANS_KEY]
    scores = group.attrs.get("scores", [1.0] * len(group))
    return [(span.start_char, span.end_char, float(max(numpy.ravel(score)))) for span, score in zip(group, scores)]


def best_spans(spans: list[tuple[int, int, float]], threshold: float) -> list[tuple[int, int]]:
    """Spans at or above `threshold`, the higher score winning where two overlap."""
    chosen: list[tuple[int, int, float]] = []
    for span in sorted((s for s in spans if s[2] >= threshold), key=lambda s: -s[2]):
        if not any(span[0] < other[1] and other[0] < span[1] for other in chosen):
            chosen.append(span)
    return sorted((s, e) for s, e, _ in chosen)


def load_model(path: Path):
    import spacy

    model = spacy.load(path)
    if "spancat" in model.pipe_names:  # (spancat_singlelabel keeps the spans it labels, with their scores)
        model.get_pipe("spancat").cfg["threshold"] = LOW_THRESHOLD
    return model


def span_name(text: str, start: int, end: int) -> str:
    """The product's trimming (articles, markup, legal forms) without its filters."""
    from pipeline.extract.territories.common import trim_name
    from pipeline.normalize import collapse_spaces

    start, end = trim_name(text, start, end)
    return collapse_spaces(text[start:end])


def last_resort(spans_of, min_count: int, rule: str, debug: bool = False):
    """A replacement for the rules' entry point (assemble.find_territories): the rules, then, when
    they name nothing, the agreed name among `spans_of(text)`. Works on older commits too."""
    from pipeline.extract import assemble
    from pipeline.extract.territories.common import make_mention

    find_territories = assemble.find_territories

    def rules_then_spans(text, places, entities=()):
        found = find_territories(text, places, entities)
        if found:
            return found
        spans = spans_of(text)
        if debug:
            print(f"  {rule} consulted: {[text[s:e] for s, e in spans]}")
        mentions = [m for m in (make_mention(text, s, e, rule) for s, e in spans) if m is not None]
        ranked = Counter(m.territory_id for m in mentions).most_common()
        if not ranked or ranked[0][1] < min_count or len(ranked) > 1 and ranked[0][1] < CLEAR_MARGIN * ranked[1][1]:
            return []
        return [next(m for m in mentions if m.territory_id == ranked[0][0])]

    return rules_then_spans


def _model_score(text: str, row: dict, spans: list[tuple[int, int, float]]) -> float:
    """The best score the model gives a span overlapping the row's mention or keyed as the row."""
    from pipeline.normalize import name_key

    keys = {row["territory_id"], name_key(row["name"])}
    return max((score for s, e, score in spans
                if s < row["end"] and row["start"] < e or name_key(span_name(text, s, e)) in keys), default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--model", type=Path)
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--min-count", type=int, default=2, help="last resort: times the model must predict the key")
    parser.add_argument("--threshold", type=float, default=0.5, help="spancat: score of a predicted span")
    parser.add_argument("--filter-threshold", type=float, default=0.5,
                        help="filter: the score a rule's territory needs from the model")
    parser.add_argument("--seen", action="append", default=[],
                        help="a training FOLDER (repeatable): count the true positives whose name its gold holds")
    parser.add_argument("--show", action="append", default=[], choices=VARIANTS,
                        help="list the misses and extras of this variant (repeatable)")
    args = parser.parse_args()
    if not args.rules_only and args.model is None:
        parser.error("--model DIR, or --rules-only")

    from build_span_data import folders
    from pipeline import nlp
    from pipeline.evaluate import load_gold
    from pipeline.extract.assemble import extract
    from pipeline.normalize import name_key
    from pipeline.read import ReadError, read_document

    from build_span_data import territory_spans
    from pipeline.extract import assemble

    seen_names = sorted({t["name"] for _, gold_dir in folders(args.seen) for gold in load_gold(gold_dir)
                         for t in gold.get("territories", [])})
    seen = {name_key(name) for name in seen_names}
    model = None
    find_territories = assemble.find_territories
    if not args.rules_only:
        model = load_model(args.model)
        rules_then_model = last_resort(lambda text: best_spans(scored_spans(model, text), args.threshold),
                                       args.min_count, "territory.learned", "last resort" in args.show)
        rules_then_gazetteer = last_resort(lambda text: territory_spans(text, seen_names)[0], args.min_count,
                                           "territory.gazetteer", "gazetteer" in args.show)
    nlp.load()
    scores = {variant: Score(variant) for variant in VARIANTS}
    documents = 0
    for docs_dir, gold_dir in folders(args.folders):
        files = {path.name: path for path in docs_dir.rglob("*") if path.is_file()}
        files.update({path.stem: path for path in list(files.values())})
        for gold in load_gold(gold_dir):
            name = gold["document"]
            expected = {name_key(t["name"]) for t in gold.get("territories", [])}
            path = files.get(name) or files.get(Path(name).stem)
            text = None
            if path is not None:
                try:
                    text = read_document(path, path.read_bytes()).text
                except ReadError:
                    pass
            documents += 1
            found = {variant: set() for variant in VARIANTS}
            if text is not None:
                started = time.perf_counter()
                rows = extract(text, next(nlp.parse([text]))).territories
                scores["rules"].seconds += time.perf_counter() - started
                found["rules"] = keys_of(rows, expected)
                if model is not None:
                    started = time.perf_counter()
                    spans = scored_spans(model, text)
                    scores["model"].seconds += time.perf_counter() - started
                    found["model"] = {name_key(span_name(text, s, e)) for s, e in best_spans(spans, args.threshold)} - {""}
                    found["filter"] = keys_of([r for r in rows if _model_score(text, r, spans) >= args.filter_threshold],
                                              expected)
                    assemble.find_territories = rules_then_model
                    started = time.perf_counter()
                    found["last resort"] = keys_of(extract(text, next(nlp.parse([text]))).territories, expected)
                    scores["last resort"].seconds += time.perf_counter() - started
                    if seen_names:
                        assemble.find_territories = rules_then_gazetteer
                        found["gazetteer"] = keys_of(extract(text, next(nlp.parse([text]))).territories, expected)
                    assemble.find_territories = find_territories
            for variant in VARIANTS:
                scores[variant].add(expected, found[variant], name if variant in args.show else None)
    for variant in VARIANTS[:1] if model is None else VARIANTS if seen else VARIANTS[:-1]:
        print(scores[variant].line(documents)
              + (f"; recall on names in training gold {sum(k in seen for k in scores[variant].found_keys)}"
                 f"/{sum(k in seen for k in scores[variant].expected_keys)}, on others "
                 f"{sum(k not in seen for k in scores[variant].found_keys)}"
                 f"/{sum(k not in seen for k in scores[variant].expected_keys)}" if seen else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
