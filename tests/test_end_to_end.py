"""What a user sees: the real `communiques` command on real files, and the Parquet it wrote."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import storage
from pipeline.evaluate import evaluate
from pipeline.metadata import TABLES

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).with_name("communiques"))]


def run_command(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(COMMAND + list(args), cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}, timeout=900)


def assert_clean_output(result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "| ERROR" not in output and "ERROR:" not in output, output


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("processed")
    result = run_command("run", "--input", str(ROOT / "raw"), "--output", str(output))
    return result, output


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("processed-corpus")
    corpus = tmp_path_factory.mktemp("corpus")
    annotated = {gold.stem for gold in (ROOT / "tests" / "corpus" / "gold").glob("*.json")}
    for path in (ROOT / "tests" / "corpus").iterdir():
        if path.is_file() and path.stem in annotated:  # PATTERNS.md is the catalogue, not a communiqué
            shutil.copy(path, corpus / path.name)
    result = run_command("run", "--input", str(corpus), "--output", str(output))
    return result, output


def test_run_on_seeds_exits_0_without_traceback(seeds_run):
    result, output = seeds_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean_output(result)
    assert "5 seen, 5 published, 0 rejected" in result.stdout
    assert re.search(r"5 new \([\d.]+ s, extraction [\d.]+ s\)", result.stdout), result.stdout
    # Libraries stay quiet: GX's INFO about its temporary docs folder used to leak into the log.
    assert "great_expectations" not in result.stdout + result.stderr


def test_every_table_has_the_contract_schema(seeds_run):
    _, output = seeds_run
    for table in TABLES.values():
        schema = pq.read_schema(output / table.file_name)
        assert schema.names == table.column_names
        assert schema.remove_metadata().equals(table.arrow_schema()), table.name
    package = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == list(TABLES)


def test_documents_have_stable_ids_and_dateline(seeds_run):
    _, output = seeds_run
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    assert len(documents) == 5 and set(documents["status"]) == {"published"}
    aube = documents[documents["source"] == "000_ed8916e6866e8557.txt"].iloc[0]
    assert aube["doc_id"] == aube["sha256"][:16]
    assert str(aube["published_on"]) == "2023-11-14" and aube["place"] == "Troyes"


def test_seed_extraction_reaches_the_thresholds_and_is_grounded(seeds_run):
    _, output = seeds_run
    scores = evaluate(output, ROOT / "tests" / "gold")
    assert scores.scores["territories"].f1 >= 0.9
    assert scores.scores["epcis"].f1 >= 0.9
    assert scores.scores["figures"].f1 >= 0.8
    assert scores.grounded_share == 1.0


def test_seed_epcis_are_all_linked_to_their_territory(seeds_run):
    _, output = seeds_run
    scores = evaluate(output, ROOT / "tests" / "gold")
    assert scores.scores["epcis"].f1 == 1.0
    assert scores.scores["membership"].f1 == 1.0
    assert scores.departements_exact == 1.0
    assert scores.phase_exact == 1.0


def test_grand_est_list_gives_21_territories_with_codes(seeds_run):
    _, output = seeds_run
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    doc_id = documents.loc[documents["source"] == "000_ed8916e6866e8557.txt", "doc_id"].iloc[0]
    territories = pq.read_table(output / "territories.parquet").to_pandas()
    grand_est = territories[territories["doc_id"] == doc_id]
    assert len(grand_est) == 21
    assert set(grand_est["phase"]) == {"2023-2027"}
    ouest = grand_est[grand_est["territory_id"] == "ouest-champenois"].iloc[0]
    assert list(ouest["departement_codes"]) == ["10", "51"] and list(ouest["region_codes"]) == ["44"]


def test_evaluate_command_prints_scores(seeds_run):
    _, output = seeds_run
    result = run_command("evaluate", "--gold", str(ROOT / "tests" / "gold"), "--output", str(output))
    assert result.returncode == 0
    assert "territories" in result.stdout and "figures" in result.stdout


def test_validate_command_passes_on_published_tables(seeds_run, tmp_path):
    _, output = seeds_run
    untouched = tmp_path / "untouched"
    shutil.copytree(output, untouched)
    latest = (untouched / "quality" / "latest.json").read_bytes()
    result = run_command("validate", "--output", str(untouched))
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean_output(result)
    assert "all checks passed" in result.stdout
    assert list((untouched / "quality").glob("validate-*.json"))
    # its results do not replace those of the publish, which stays as published
    assert (untouched / "quality" / "latest.json").read_bytes() == latest
    assert storage.verify(untouched) == []


def test_validate_names_a_table_edited_after_publishing(seeds_run, tmp_path):
    """An edit no quality check can see (a name) is still not what was published."""
    _, output = seeds_run
    edited = tmp_path / "edited"
    shutil.copytree(output, edited)
    territories = pq.read_table(edited / "territories.parquet")
    names = territories.column("name").to_pylist()
    territories = territories.set_column(territories.schema.get_field_index("name"), "name",
                                         pa.array([names[0] + " (bis)", *names[1:]]))
    pq.write_table(territories, edited / "territories.parquet")
    result = run_command("validate", "--output", str(edited))
    assert result.returncode == 1, result.stdout
    assert "FAILED territories.parquet was changed after it was published" in result.stdout
    assert "quality checks failed" in result.stdout

    pq.write_table(territories.slice(1), edited / "territories.parquet")
    result = run_command("validate", "--output", str(edited))
    assert f"({len(names)} rows published, {len(names) - 1} now)" in result.stdout


def test_validate_fails_on_a_publish_interrupted_while_moving_its_files(seeds_run, tmp_path):
    _, output = seeds_run
    mixed = tmp_path / "mixed"
    shutil.copytree(output, mixed)
    (mixed / storage.COMMIT_DIR).mkdir()
    os.replace(mixed / "figures.parquet", mixed / storage.COMMIT_DIR / "figures.parquet")
    result = run_command("validate", "--output", str(mixed))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAILED a publish was interrupted while moving its files" in result.stdout


def test_own_communiques_in_other_regions_and_styles(corpus_run):
    result, output = corpus_run
    assert result.returncode == 0, result.stdout + result.stderr
    scores = evaluate(output, ROOT / "tests" / "corpus" / "gold")
    assert scores.documents_matched == len(list((ROOT / "tests" / "corpus" / "gold").glob("*.json")))
    assert scores.scores["territories"].f1 == 1.0
    assert scores.scores["epcis"].f1 == 1.0
    assert scores.scores["membership"].f1 == 1.0
    assert scores.departements_exact == 1.0
    assert scores.phase_exact == 1.0
    assert scores.grounded_share == 1.0
    assert scores.published_on_accuracy == 1.0  # the communiqué's own date on every fixture


def scores_of_fixtures(output, names, tmp_path):
    """evaluate's scores of a run against the gold of the named fixtures only."""
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in names:
        shutil.copy(ROOT / "tests" / "corpus" / "gold" / f"{name}.json", gold)
    return evaluate(output, gold)


EPCI_FIXTURES = ("prefecture_cher_bourges_vierzon_2018", "region_centre_bourges_vierzon_sans_date",
                 "presse_aa_dunkerque_flandre_sigle_non_defini", "region_normandie_noms_usuels_2019")


def test_members_as_people_write_them_are_linked_and_attached(corpus_run, tmp_path):
    """Merged members, undefined acronyms, former and everyday names, 'Territory : members'
    lines and members in the sentence after the territory's (tests/corpus/PATTERNS.md, epcis)."""
    _, output = corpus_run
    scores = scores_of_fixtures(output, EPCI_FIXTURES, tmp_path)
    assert scores.documents_matched == len(EPCI_FIXTURES)
    assert (scores.scores["epcis"].f1, scores.scores["membership"].f1) == (1.0, 1.0)
    assert scores.departements_exact == 1.0


EPCIS2_FIXTURES = ("prefecture_ardeche_liste_point_virgule_2024", "journal_bourgogne_membres_sujet_du_verbe_2021",
                   "interco_lorient_concerne_2024", "hebdo_saint_nazaire_agglomerations_entre_parentheses_2024",
                   "presse_bearn_comite_copreside_2021")


def test_members_in_lists_of_communiques_nobody_here_had_read_are_linked_and_attached(corpus_run, tmp_path):
    """';' lists in brackets, members as the subject of "se sont rassemblées pour former",
    "concerne A, B et C", "les deux agglomérations concernées (A et B)", a truncated name, a
    committee "co-présidé par : A, président de la CC X ; …" (an official's body, no member since
    g58read), and people in a binôme and
    départements after "réunit des intercommunalités" who are no rows (PATTERNS.md, epcis2)."""
    _, output = corpus_run
    scores = scores_of_fixtures(output, EPCIS2_FIXTURES, tmp_path)
    assert scores.documents_matched == len(EPCIS2_FIXTURES)
    assert (scores.scores["epcis"].f1, scores.scores["membership"].f1) == (1.0, 1.0)
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    epcis = pq.read_table(output / "epcis.parquet").to_pandas().merge(documents[["doc_id", "source"]])
    ours = epcis[epcis["source"].str.replace(r"\.txt$", "", regex=True).isin(EPCIS2_FIXTURES)]
    assert ours["siren"].notna().all(), ours[ours["siren"].isna()]["mention"].tolist()


EPCIS3_FIXTURES = ("epcis3_protocole_parties_representees", "epcis3_interco_membres_par_departement",
                   "epcis3_interco_membre_du_territoire", "epcis3_presse_deux_cc_unies_departements",
                   "epcis3_association_metropoles_retenues", "epcis3_presse_territoire_elargi_nouveau_nom",
                   "epcis3_interco_candidature_portee_ensemble", "epcis3_cci_contrat_communes_villes")


def test_members_of_a_single_territory_named_apart_from_its_name_are_attached(corpus_run, tmp_path):
    """A protocol's parties "représentée par", members under département headings, "A, qui est
    membre du Territoire d'industrie X", subjects "A, en Mayenne, et B, en Sarthe, se sont
    unies", a renamed territory keeping the members of the one it continues, and towns named for
    métropoles far from "Les métropoles" that are no rows (PATTERNS.md, epcis3)."""
    _, output = corpus_run
    scores = scores_of_fixtures(output, EPCIS3_FIXTURES, tmp_path)
    assert scores.documents_matched == len(EPCIS3_FIXTURES)
    assert (scores.scores["epcis"].f1, scores.scores["membership"].f1) == (1.0, 1.0)
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    epcis = pq.read_table(output / "epcis.parquet").to_pandas().merge(documents[["doc_id", "source"]])
    assert (epcis["source"] == "epcis3_association_metropoles_retenues.txt").sum() == 0


EPCIS5_FIXTURES = ("epcis5_presse_dix_epci_sigle", "epcis5_hebdo_membres_en_note",
                   "epcis5_agence_laureats_membres_puis_ti", "epcis5_presse_contrat_president_agglo",
                   "epcis5_presse_agglo_adjectif_minuscule", "epcis5_presse_extension_du_dispositif",
                   "epcis5_presse_sujets_repris_ces_collectivites", "epcis5_quotidien_membres_apposition",
                   "epcis5_tele_locale_agglo_comcom")


def test_members_after_a_spelled_out_noun_in_a_footnote_or_before_their_territory(corpus_run, tmp_path):
    """"dix établissements publics de coopération intercommunale (EPCI) : A, B …", members in a
    footnote called in the territory's sentence, and list items naming their members before
    their territory ("• A et B – TI X") after an item about another, an everyday name after an
    elided article ("président d'Alès agglomération"), a name ending with a lower-case adjective
    ("l'Agglomération du Gard rhodanien"), an EPCI the territory is extended to, names taken up
    by "ces collectivités se sont réunies" (PATTERNS.md, epcis5)."""
    _, output = corpus_run
    scores = scores_of_fixtures(output, EPCIS5_FIXTURES, tmp_path)
    assert scores.documents_matched == len(EPCIS5_FIXTURES)
    assert (scores.scores["epcis"].f1, scores.scores["membership"].f1) == (1.0, 1.0)


def test_a_merged_member_gives_its_successor_and_an_ambiguous_one_its_candidates(corpus_run):
    _, output = corpus_run
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    epcis = pq.read_table(output / "epcis.parquet").to_pandas().merge(documents[["doc_id", "source"]])
    dated = epcis[epcis["source"] == "prefecture_cher_bourges_vierzon_2018.txt"]
    merged = dated[dated["siren"] == "200033207"].iloc[0]  # CC Vierzon-Sologne-Berry in 2018
    assert (merged["territory_id"], merged["successor_siren"]) == ("bourges-vierzon", "200090561")
    undated = epcis[epcis["source"] == "region_centre_bourges_vierzon_sans_date.md"]
    ambiguous = undated[undated["mention"] == "Vierzon-Sologne-Berry"].iloc[0]
    assert ambiguous.isna()["siren"]
    assert list(ambiguous["candidates"]) == ["200033207", "200090561"]


def test_text_without_territory_gives_no_rows(corpus_run):
    _, output = corpus_run
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    doc_id = documents.loc[documents["source"] == "sans_territoire.txt", "doc_id"].iloc[0]
    for table in ("territories", "epcis"):
        rows = pq.read_table(output / f"{table}.parquet").to_pandas()
        assert (rows["doc_id"] == doc_id).sum() == 0


def test_unusable_input_folder_exits_2_with_a_clear_message(tmp_path):
    result = run_command("run", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert_clean_output(result)
    assert not (tmp_path / "out").exists()


CONTRADICTING = """Metz, le 15 novembre 2023

Dans la Moselle, trois territoires ont été labellisés pour 2023-2027, il s'agit de :

- Territoire d'industrie Val de Fensch (57)
- Territoire d'industrie Pays Haut Sud (57)
"""


@pytest.fixture(scope="session")
def mixed_run(tmp_path_factory):
    """A good communiqué (named with spaces and accents), an empty file, and one whose list
    contradicts the count it states."""
    source = tmp_path_factory.mktemp("mixed")
    shutil.copy(ROOT / "raw" / "002_60021fdba411c264.txt", source / "aisne communiqué.txt")
    (source / "vide.txt").write_bytes(b"")
    (source / "moselle.txt").write_text(CONTRADICTING, encoding="utf-8")
    output = tmp_path_factory.mktemp("mixed-out")
    return run_command("run", "--input", str(source), "--output", str(output)), output


def test_bad_file_is_rejected_and_others_published(mixed_run):
    result, output = mixed_run
    assert result.returncode == 1
    assert_clean_output(result)
    rejections = pq.read_table(output / "rejections.parquet").to_pandas()
    empty = rejections[rejections["source"] == "vide.txt"]
    assert list(empty["stage"]) == ["read"] and "empty" in empty["reason"].iloc[0]
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    published = documents[documents["status"] == "published"]
    assert list(published["source"]) == ["aisne communiqué.txt"]
    territories = pq.read_table(output / "territories.parquet").to_pandas()
    assert set(territories["doc_id"]) == set(published["doc_id"]) and len(territories) == 4


def test_a_list_contradicting_its_stated_count_is_rejected_and_not_published(mixed_run):
    result, output = mixed_run
    rejections = pq.read_table(output / "rejections.parquet").to_pandas()
    moselle = rejections[rejections["source"] == "moselle.txt"]
    assert list(moselle["stage"]) == ["validate"]
    assert moselle["reason"].iloc[0] == (
        "states 3 territories in Moselle (57) for 2023-2027 ('trois territoires') but the list at "
        "113-200 ('- Territoire d'industrie Val de … d'industrie Pays Haut Sud (57)') "
        "names 2")
    assert "moselle.txt (validate): states 3 territories" in result.stdout
    doc_id = moselle["doc_id"].iloc[0]
    for table in ("territories", "epcis", "figures", "stated_counts"):
        assert doc_id not in set(pq.read_table(output / f"{table}.parquet").column("doc_id").to_pylist())
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    assert documents.loc[documents["doc_id"] == doc_id, "status"].iloc[0] == "rejected"


def test_validate_exits_1_on_tampered_tables(seeds_run, tmp_path):
    _, output = seeds_run
    tampered = tmp_path / "tampered"
    shutil.copytree(output, tampered)
    figures = pq.read_table(tampered / "figures.parquet").to_pandas()
    figures.loc[0, "mention"] = figures.loc[0, "mention"] + "x"
    pq.write_table(pa.Table.from_pandas(figures, schema=TABLES["figures"].arrow_schema(),
                                        preserve_index=False), tampered / "figures.parquet")
    result = run_command("validate", "--output", str(tampered))
    assert result.returncode == 1
    assert "does not match the text" in result.stdout


def test_data_docs_are_built_by_a_run(seeds_run):
    _, output = seeds_run
    index = output / "quality" / "data_docs" / "index.html"
    assert index.exists()
    assert "stated_vs_listed" in index.read_text(encoding="utf-8")


@pytest.mark.parametrize("fixture, gold", [("seeds_run", "tests/gold"), ("corpus_run", "tests/corpus/gold")])
def test_phase_and_regions_of_every_territory_equal_the_gold(fixture, gold, request):
    from pipeline.evaluate import load_gold
    from pipeline.normalize import name_key

    _, output = request.getfixturevalue(fixture)
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    territories = pq.read_table(output / "territories.parquet").to_pandas()
    source_of = dict(zip(documents["doc_id"], documents["source"]))
    territories["source"] = territories["doc_id"].map(source_of)
    checked = 0
    for annotation in load_gold(ROOT / gold):
        for expected in annotation["territories"]:
            row = territories[(territories["source"] == annotation["document"])
                              & (territories["territory_id"] == name_key(expected["name"]))]
            assert len(row) == 1, (annotation["document"], expected["name"])
            phase = row.iloc[0]["phase"]  # pandas 3 reads a null string as NaN
            assert (None if pd.isna(phase) else phase) == expected["phase"], expected["name"]
            assert sorted(row.iloc[0]["region_codes"]) == sorted(expected["region_codes"]), expected["name"]
            checked += 1
    assert checked > 0
