"""Scoring against gold: exact counts on tiny hand-made tables, so a scoring bug cannot hide."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from pipeline.evaluate import Score, evaluate, format_report, load_gold

COLUMNS = {
    "documents": ["doc_id", "source", "published_on", "text"],
    "territories": ["doc_id", "territory_id", "name", "mention", "start", "end",
                    "departement_codes", "phase"],
    "epcis": ["doc_id", "territory_id", "siren", "mention", "start", "end"],
    "figures": ["doc_id", "value", "value_max", "unit", "scope_code", "mention", "start", "end"],
}

TEXT_A = ("Sud Champagne, l'Ouest Champenois et Pays de Châlons. CA Troyes, CC Romilly, "
          "CC Bar, CC Inconnue. 21 territoires, 100 millions d'euros, 2 territoires dans l'Aube, "
          "2 territoires en France, 1200 à 1300 projets, 50 projets.")
TEXT_B = "Grand Reims"
TEXT_D = "Pays de Bitche"


def span(text: str, mention: str, occurrence: int = 0) -> dict:
    """mention/start/end of the n-th occurrence of `mention`: grounded by construction."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return {"mention": mention, "start": start, "end": start + len(mention)}


def write_tables(folder, tables: dict[str, list[dict]]) -> None:
    folder.mkdir(exist_ok=True)
    for name, columns in COLUMNS.items():
        pd.DataFrame(tables.get(name, []), columns=columns).to_parquet(folder / f"{name}.parquet")


def write_gold(folder, annotations: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "README.md").write_text("# not an annotation\n", encoding="utf-8")
    for annotation in annotations:
        stem = annotation["document"].rsplit(".", 1)[0]
        (folder / f"{stem}.json").write_text(json.dumps(annotation), encoding="utf-8")


def territory(name: str, departements: list[str], sirens: list[str] = ()) -> dict:
    return {"name": name, "phase": "2023-2027", "region_codes": ["44"],
            "departement_codes": departements,
            "epcis": [{"siren": siren, "name": "", "as_written": ""} for siren in sirens]}


def figure(value, unit: str, scope: str, value_max=None) -> dict:
    return {"value": value, "value_max": value_max, "unit": unit, "scope": scope, "as_written": ""}


GOLD = [
    {"document": "a.txt", "published_on": None,
     "territories": [territory("Sud Champagne", ["10"], ["200069250"]),
                     territory("Ouest Champenois", ["10", "51"], ["200000545"]),
                     territory("Nord Ardennes", ["08"])],
     "figures": [figure(21, "territoire", "44"), figure(100000000, "euro", "FR"),
                 figure(2, "territoire", "10"), figure(2, "territoire", "FR"),
                 figure(1200, "projet", "FR", value_max=1300)]},
    {"document": "b.txt", "published_on": "2023-11-14",
     "territories": [territory("Grand Reims", ["51"])], "figures": []},
    {"document": "missing.txt", "published_on": "2024-01-01",
     "territories": [territory("Vosges", ["88"])], "figures": []},
]


def a_row(mention: str, occurrence: int = 0, **values) -> dict:
    """A row of document a, grounded in TEXT_A."""
    return {"doc_id": "a" * 16, **span(TEXT_A, mention, occurrence), **values}


OUTPUT = {
    "documents": [
        {"doc_id": "a" * 16, "source": "seeds/a.txt", "published_on": None, "text": TEXT_A},
        {"doc_id": "b" * 16, "source": "b.pdf", "published_on": date(2023, 11, 14), "text": TEXT_B},
        {"doc_id": "d" * 16, "source": "d.txt", "published_on": None, "text": TEXT_D},
    ],
    "territories": [
        a_row("Sud Champagne", territory_id="sud-champagne", name="Sud Champagne",
              departement_codes=["10"], phase="2023-2027"),
        # another id, but the name's key is the gold's; its départements miss the Marne
        a_row("l'Ouest Champenois", territory_id="ouest-champenois-10",
              name="l'Ouest Champenois", departement_codes=["10"], phase="2019-2022"),
        a_row("Pays de Châlons", territory_id="pays-de-chalons",
              name="Pays de Châlons", departement_codes=["51"]),
        {"doc_id": "b" * 16, "territory_id": "grand-reims", "name": "Grand Reims",
         "departement_codes": ["51"], "phase": "2023-2027", **span(TEXT_B, "Grand Reims")},
        # not in gold: ignored by the scores, counted by grounding, and deliberately ungrounded
        {"doc_id": "d" * 16, "territory_id": "pays-de-bitche", "name": "Pays de Bitche",
         "departement_codes": ["57"], "mention": "Pays de Bitche", "start": 1, "end": 15},
    ],
    "epcis": [
        a_row("CA Troyes", territory_id="pays-de-chalons", siren="200069250"),
        a_row("CC Romilly", territory_id="ouest-champenois-10", siren="200000545"),
        a_row("CC Bar", territory_id=None, siren="241000405"),
        a_row("CC Inconnue", territory_id="sud-champagne", siren=None),
    ],
    "figures": [
        # the second "2 territoires" comes first in the file: pairing must follow `start`
        a_row("2 territoires", 1, value=2.0, value_max=None, unit="territoire",
              scope_code="44"),
        a_row("21 territoires", value=21.0, value_max=None, unit="territoire",
              scope_code="44"),
        a_row("100 millions d'euros", value=100000000.0000001, value_max=None,
              unit="euro", scope_code="FR"),
        a_row("2 territoires", 0, value=2.0, value_max=None, unit="territoire",
              scope_code="10"),
        a_row("1200 à 1300 projets", value=1200.0, value_max=None, unit="projet",
              scope_code="FR"),
        a_row("50 projets", value=50.0, value_max=None, unit="projet",
              scope_code="FR"),
    ],
}


@pytest.fixture
def scored(tmp_path):
    write_tables(tmp_path / "processed", OUTPUT)
    write_gold(tmp_path / "gold", GOLD)
    return evaluate(tmp_path / "processed", tmp_path / "gold")


def test_territories_are_matched_by_key_per_document(scored):
    # a.txt: sud + ouest found, pays-de-chalons extra, nord-ardennes missed; b.txt: found;
    # missing.txt: missed; d.txt (not in gold) is not scored
    assert scored.scores["territories"] == Score(tp=3, fp=1, fn=2)
    assert scored.scores["territories"].precision == pytest.approx(3 / 4)
    assert scored.scores["territories"].recall == pytest.approx(3 / 5)
    assert scored.scores["territories"].f1 == pytest.approx(2 / 3)
    assert ("a.txt", "pays-de-chalons") in scored.details["territories"]["false_positives"]
    assert scored.departements_exact == pytest.approx(2 / 3)  # ouest lacks "51"
    assert scored.phase_exact == pytest.approx(2 / 3)  # ouest has the first phase, the gold the second


def test_epcis_and_membership(scored):
    assert scored.scores["epcis"] == Score(tp=2, fp=1, fn=0)  # unlinked (null SIREN) not counted
    assert scored.scores["epcis"].recall == 1.0
    assert scored.scores["membership"] == Score(tp=1, fp=1, fn=1)
    membership = scored.details["membership"]
    assert membership["false_negatives"] == [("a.txt", ("sud-champagne", "200069250"))]
    assert membership["false_positives"] == [("a.txt", ("pays-de-chalons", "200069250"))]


def test_an_epci_the_gold_ties_to_no_territory_is_scored_as_an_epci_only(tmp_path):
    gold = [dict(GOLD[0], epcis=[{"siren": "241000405", "name": "", "as_written": "CC Bar",
                                  "territory": None}]), *GOLD[1:]]
    write_tables(tmp_path / "processed", OUTPUT)
    write_gold(tmp_path / "gold", gold)
    scored = evaluate(tmp_path / "processed", tmp_path / "gold")
    assert scored.scores["epcis"] == Score(tp=3, fp=0, fn=0)  # the null-territory CC Bar now expected
    assert scored.scores["membership"] == Score(tp=1, fp=1, fn=1)  # memberships unchanged


def test_figures_multiset_rounding_and_scope(scored):
    # 21, 1e8 (rounded), 2 and 2 match; 1200 without its upper bound and 50 do not
    assert scored.scores["figures"] == Score(tp=4, fp=2, fn=1)
    assert scored.scores["figures"].f1 == pytest.approx(8 / 11)
    assert scored.details["figures"]["false_negatives"] == [("a.txt", (1200.0, 1300.0, "projet"))]
    # the two "2 territoires" pair in text order: 10 with 10, FR with 44
    assert scored.scope_accuracy == pytest.approx(3 / 4)


def test_grounding_covers_every_document(scored):
    assert scored.grounded_share == pytest.approx(14 / 15)
    assert scored.details["ungrounded"] == [("territories", "d" * 16, "Pays de Bitche")]


def test_documents_match_by_name_or_stem_and_dates(scored):
    assert (scored.documents_matched, scored.documents_in_gold) == (2, 3)  # README.md skipped
    assert scored.published_on_accuracy == pytest.approx(2 / 3)  # null == null; missing.txt wrong


def test_exact_file_name_wins_over_same_stem(tmp_path):
    documents = [{"doc_id": "b" * 16, "source": "b.pdf", "published_on": None, "text": TEXT_B},
                 {"doc_id": "c" * 16, "source": "txt/b.txt", "published_on": None, "text": TEXT_B}]
    rows = [{"doc_id": doc_id, "territory_id": "grand-reims", "name": "Grand Reims",
             "departement_codes": codes, **span(TEXT_B, "Grand Reims")}
            for doc_id, codes in (("b" * 16, ["10"]), ("c" * 16, ["51"]))]
    write_tables(tmp_path / "out", {"documents": documents, "territories": rows})
    write_gold(tmp_path / "gold", [GOLD[1]])
    evaluation = evaluate(tmp_path / "out", tmp_path / "gold")
    assert evaluation.documents_matched == 1
    assert evaluation.departements_exact == 1.0  # scored on txt/b.txt, not on b.pdf


def test_empty_tables_score_perfectly_when_nothing_is_expected(tmp_path):
    documents = [{"doc_id": "e" * 16, "source": "vide.txt", "published_on": None, "text": "rien"}]
    write_tables(tmp_path / "out", {"documents": documents})
    write_gold(tmp_path / "gold", [{"document": "vide.txt", "published_on": None,
                                    "territories": [], "figures": []}])
    evaluation = evaluate(tmp_path / "out", tmp_path / "gold")
    assert all(score == Score(0, 0, 0) and score.f1 == 1.0 for score in evaluation.scores.values())
    assert evaluation.grounded_share == 1.0 and evaluation.documents_matched == 1


def test_score_edge_cases():
    assert Score(0, 0, 3).f1 == 0.0 and Score(0, 0, 3).precision == 0.0
    assert Score(0, 2, 0).f1 == 0.0 and Score(0, 2, 0).recall == 0.0
    assert Score(1, 0, 0).f1 == 1.0


def test_missing_table_names_the_file_and_the_fix(tmp_path):
    write_tables(tmp_path / "out", {})
    (tmp_path / "out" / "figures.parquet").unlink()
    write_gold(tmp_path / "gold", GOLD)
    with pytest.raises(FileNotFoundError, match=r"figures\.parquet.*communiques run"):
        evaluate(tmp_path / "out", tmp_path / "gold")


def test_gold_folder_without_annotations_is_an_error(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "README.md").write_text("notes", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="no annotation"):
        load_gold(tmp_path / "gold")


def test_report_is_a_fixed_width_table(scored):
    lines = format_report(scored).splitlines()
    table = lines[:5]
    assert table[0].split() == ["table", "precision", "recall", "F1", "tp", "fp", "fn"]
    assert table[1].split() == ["territories", "0.750", "0.600", "0.667", "3", "1", "2"]
    assert len({len(line) for line in table}) == 1
    assert "documents matched" in lines[6] and lines[6].endswith("2 / 3")
    assert any(line.split()[-1] == "0.933" for line in lines if line.startswith("grounded share"))


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`communiques evaluate … | head -1`: the pipe closes before the report is written."""
    import subprocess
    import sys
    from pathlib import Path

    write_tables(tmp_path / "processed", OUTPUT)
    write_gold(tmp_path / "gold", GOLD)
    command = [str(Path(sys.executable).parent / "communiques"), "evaluate",
               "--gold", str(tmp_path / "gold"), "--output", str(tmp_path / "processed")]
    evaluate_process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    evaluate_process.stdout.readline()
    evaluate_process.stdout.close()  # as `head -1` does
    stderr = evaluate_process.stderr.read().decode()
    assert evaluate_process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


@pytest.mark.parametrize("content, problem", [
    ('{"document": "a.txt", "published_on": "2023-11", "territories": []}', r"'2023-11' is not a date"),
    ('{"document": "a.txt", ', "is not UTF-8 JSON"),
])
def test_a_gold_file_that_cannot_be_scored_is_named_with_the_fix(tmp_path, content, problem):
    """`communiques evaluate` on a hand-written gold with a month-only date or cut JSON: exit 2,
    the file and what to write, no traceback."""
    import subprocess
    import sys
    from pathlib import Path

    write_tables(tmp_path / "processed", OUTPUT)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(content, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "communiques"), "evaluate",
               "--gold", str(tmp_path / "gold"), "--output", str(tmp_path / "processed")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "a.json" in result.stderr and re.search(problem, result.stderr)
    assert "Traceback" not in result.stderr
