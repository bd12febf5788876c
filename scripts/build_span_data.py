"""Build spaCy training data (TERRITORY spans) from annotated folders of communiqués.

    python scripts/build_span_data.py FOLDER [FOLDER ...] --out build/learn/train.spacy

A FOLDER holds its documents in FOLDER/docs (or FOLDER itself) and its gold JSON in FOLDER/gold;
`DOCS=GOLD` names the two folders apart (the seeds: `raw=tests/gold`). Each document is read by
the product's own reader (pipeline/read), so the text is the one the extractor sees. The gold
lists territories by name only, so the spans are found: every occurrence of a gold name in the
text (accents, case, dashes, apostrophes and spacing folded away, 'œ' as 'oe') is labelled
TERRITORY, unless it is a piece of a longer capitalised name ('Grand Belfort' inside 'Grand Belfort
Communauté d'Agglomération' names the intercommunality). A gold name the text never writes (a name
the annotator built, an acronym's expansion) gives no span. Documents are cut at blank lines into
pieces of at most PIECE_CHARACTERS, the unit of training; pieces without a span are kept (they
teach what is not a territory). The spans are the docs' entities (for `ner`) and their
doc.spans["sc"] (for `spancat`).

`--swap-names N` writes each piece that holds a span N times, every territory name in it replaced
(all its occurrences alike, capitals kept) by the name of a random intercommunality of the
referential without its legal form, and not as it is: a model trained so cannot learn the names,
only the constructions around them (pieces without a span are written once, as they are).

The output holds the texts' sentences: write it under build/ (git-ignored), never commit it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

PIECE_CHARACTERS = 1500
LABEL = "TERRITORY"
SPANS_KEY = "sc"
# Words that may stand right before a name without making it part of a longer one
# ("Territoire d'Industrie Sud Champagne", "Pays de la Loire").
FREE_BEFORE = {"territoire", "territoires", "industrie", "d'industrie", "de", "du", "des", "la", "le",
               "les", "l", "d", "et", "au", "aux", "en", "a", "pour", "sur", "dans", "ti"}
# Words that may follow a name ("« Chartres métropole Territoires d'Industrie »", "COMMINGES -
# NESTES ENTRE …", a redaction "XXXXXXX").
FREE_AFTER = {"et", "de", "du", "des", "territoire", "territoires", "industrie", "entre"}


def folders(arguments: list[str]) -> list[tuple[Path, Path]]:
    pairs = []
    for argument in arguments:
        if "=" in argument:
            docs, gold = argument.split("=", 1)
            pairs.append((Path(docs), Path(gold)))
            continue
        folder = Path(argument)
        docs = folder / "docs" if (folder / "docs").is_dir() else folder
        pairs.append((docs, folder / "gold"))
    return pairs


def name_pattern(name: str) -> re.Pattern:
    """A gold name as a pattern on folded text: any run of spaces, dashes or apostrophes between
    its words, 'œ' matching 'oe' or 'o' (fold keeps one character for one)."""
    from pipeline.normalize import fold

    words = [w for w in re.split(r"[\s'\-/]+", fold(name.replace("œ", "\0").replace("Œ", "\0"))) if w]
    words = [re.escape(w).replace("\0", "(?:oe|o)") for w in words]
    return re.compile(r"(?<![\w])" + r"[\s'\-/]+".join(words) + r"(?![\w])")


def _extends_a_longer_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is glued to a capitalised word on its line, before or after, that is
    no connector or programme word: then it is a piece of another name."""
    from pipeline.normalize import fold

    before = re.search(r"([\w'’-]+)[ \t]+$|([\w'’]+)-$", text[max(0, start - 40):start])
    if before:
        word = before.group(1) or before.group(2)
        if word[0].isupper() and fold(word).strip("'") not in FREE_BEFORE and not fold(word).endswith("'"):
            return True
    after = re.match(r"(?:[ \t]+|-)([\w'’-]+)", text[end:end + 40])
    if after:
        word = after.group(1)
        if word[0].isupper() and fold(word) not in FREE_AFTER and not re.fullmatch(r"X+", word):
            return True
    return False


def territory_spans(text: str, names: list[str]) -> tuple[list[tuple[int, int]], int, int]:
    """(spans, names found, occurrences skipped as pieces of longer names)."""
    from pipeline.normalize import fold

    folded = fold(text)
    spans, found, skipped = [], 0, 0
    for name in names:
        matches = list(name_pattern(name).finditer(folded))
        kept = [m for m in matches if not _extends_a_longer_name(text, m.start(), m.end())]
        skipped += len(matches) - len(kept)
        found += bool(kept)
        spans += [(m.start(), m.end()) for m in kept]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int]] = []
    for span in spans:  # the longest name wins where two overlap ("Grand Est Touraine" over "Touraine")
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen, found, skipped


LEGAL_FORM_OPENING = re.compile(r"^(?:CC|CA|CU|CT|M[ée]tropole|Communaut[ée] (?:de communes|d'agglom[ée]ration|urbaine))"
                                r"\s+(?:(?:de la|de l'|du|des|de|d')\s*)?", re.IGNORECASE)


def replacement_names() -> list[str]:
    """Every name the referential's intercommunalities bore, without their legal form."""
    from pipeline import referential

    names = {LEGAL_FORM_OPENING.sub("", borne.name) for epci in referential.load().epcis.values()
             for borne in epci.names}
    return sorted(name for name in names if len(name) > 3)


def swapped(text: str, spans: list[tuple[int, int]], names: list[str],
            rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """`text` with the name of each span replaced, one random name per distinct name, and the
    spans of the new names."""
    from pipeline.normalize import name_key

    chosen: dict[str, str] = {}
    parts, new_spans, position = [], [], 0
    for start, end in spans:
        written = text[start:end]
        name = chosen.setdefault(name_key(written), rng.choice(names))
        name = name.upper() if written.isupper() else name
        parts.append(text[position:start])
        offset = sum(len(part) for part in parts)
        new_spans.append((offset, offset + len(name)))
        parts.append(name)
        position = end
    parts.append(text[position:])
    return "".join(parts), new_spans


def pieces(text: str) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces cut at blank lines, at most PIECE_CHARACTERS unless one
    paragraph is longer."""
    cuts = [m.end() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]
    result, start, last = [], 0, 0
    for cut in cuts:
        if cut - start > PIECE_CHARACTERS and last > start:
            result.append((start, last))
            start = last
        last = cut
    if last > start:
        result.append((start, last))
    return [(s, e) for s, e in result if text[s:e].strip()]


def documents(docs_dir: Path, gold_dir: Path):
    """(name, text, gold names) of every annotated document the folder holds."""
    from pipeline.evaluate import load_gold
    from pipeline.read import ReadError, read_document

    files = {path.name: path for path in docs_dir.rglob("*") if path.is_file()}
    files.update({path.stem: path for path in list(files.values())})
    for gold in load_gold(gold_dir):
        path = files.get(gold["document"]) or files.get(Path(gold["document"]).stem)
        if path is None:
            continue
        try:
            text = read_document(path, path.read_bytes()).text
        except ReadError:
            continue
        yield gold["document"], text, [t["name"] for t in gold.get("territories", [])]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="FOLDER (with docs/ and gold/) or DOCS=GOLD")
    parser.add_argument("--out", type=Path, required=True, help="the .spacy file to write")
    parser.add_argument("--swap-names", type=int, default=0, metavar="N",
                        help="write each piece with spans N times, its names replaced by random ones")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("fr")
    bin_ = DocBin()
    rng = random.Random(args.seed)
    names_pool = replacement_names() if args.swap_names else []
    totals = {"documents": 0, "pieces": 0, "spans": 0, "names": 0, "names found": 0,
              "occurrences skipped": 0, "spans not on tokens": 0}
    for docs_dir, gold_dir in folders(args.folders):
        for _, text, names in documents(docs_dir, gold_dir):
            spans, found, skipped = territory_spans(text, names)
            totals["documents"] += 1
            totals["names"] += len(set(names))
            totals["names found"] += found
            totals["occurrences skipped"] += skipped
            for start, end in pieces(text):
                inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
                versions = [(text[start:end], inside)]
                if args.swap_names and inside:
                    versions = [swapped(text[start:end], inside, names_pool, rng) for _ in range(args.swap_names)]
                for piece, piece_spans in versions:
                    doc = nlp.make_doc(piece)
                    entities = []
                    for span_start, span_end in piece_spans:
                        span = doc.char_span(span_start, span_end, label=LABEL, alignment_mode="contract")
                        if span is None or not span.text.strip():
                            totals["spans not on tokens"] += 1
                            continue
                        entities.append(span)
                    doc.ents = entities
                    doc.spans[SPANS_KEY] = entities  # for a spancat component
                    bin_.add(doc)
                    totals["pieces"] += 1
                    totals["spans"] += len(entities)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(args.out)
    print(", ".join(f"{key} {value}" for key, value in totals.items()), f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
