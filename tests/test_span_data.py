"""scripts/build_span_data.py: TERRITORY spans found from gold names, for the learned span model
experiment (docs/accuracy-history.md, "Learned span model (experiment)")."""

import json
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]

# Our own words: a territory written with other accents, dashes and case than its gold name, the
# same name inside an intercommunality's longer name, and a gold name the text never writes.
TEXT = """Communiqué de presse

Le Territoire d'industrie COEUR DE LOIRE - SUD est labellisé. Le territoire Cœur de Loire Sud
réunit la communauté de communes Cœur de Loire Sud Agglomération et deux autres EPCI.

Le territoire d'industrie Vallée de l’Ouche suivra.
"""
GOLD = {"document": "annonce.txt", "published_on": None,
        "territories": [{"name": "Cœur de Loire-Sud"}, {"name": "Vallée de l'Ouche"},
                        {"name": "Pays Jamais Écrit"}]}


def test_spans_follow_the_gold_names_as_the_text_writes_them(tmp_path):
    folder = tmp_path / "set"
    (folder / "docs").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "docs" / "annonce.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gold" / "annonce.json").write_text(json.dumps(GOLD), encoding="utf-8")
    out = tmp_path / "train.spacy"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_span_data.py"), str(folder), "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "names 3, names found 2" in run.stdout
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("fr").vocab))
    assert len(docs) == 1  # a short text is one piece (a long one is cut at blank lines)
    spans = [(e.text, e.label_) for doc in docs for e in doc.ents]
    assert spans == [("COEUR DE LOIRE - SUD", "TERRITORY"), ("Cœur de Loire Sud", "TERRITORY"),
                     ("Vallée de l’Ouche", "TERRITORY")]  # not the piece of "… Sud Agglomération"
    assert [s.text for doc in docs for s in doc.spans["sc"]] == [text for text, _ in spans]


def test_swapped_names_hide_the_territories_and_keep_their_spans(tmp_path):
    folder = tmp_path / "set"
    (folder / "docs").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "docs" / "annonce.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gold" / "annonce.json").write_text(json.dumps(GOLD), encoding="utf-8")
    out = tmp_path / "swapped.spacy"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_span_data.py"), str(folder), "--out", str(out),
                          "--swap-names", "2"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("fr").vocab))
    assert len(docs) == 2  # the one piece, twice, never as it is
    for doc in docs:
        names = [e.text for e in doc.ents]
        assert len(names) == 3 and not {"Cœur", "COEUR", "Ouche"} & set(" ".join(names).split())
        assert names[0] == names[1].upper()  # one territory, one new name, its capitals kept
        assert "Agglomération et deux autres EPCI" in doc.text  # the rest of the text as it was
