"""The quality gate's three outcomes, as a user meets them with the real `communiques` command.

A count that certainly sizes its list and differs from it rejects the document, with a reason
naming the list (the deliberately inconsistent fixtures of tests/corpus/inconsistent/); a
difference in doubt (a page cut inside its list) publishes the document with a row in
warnings.parquet, shown in the run summary, by `communiques validate`, on the review page and in
the Data Docs; `communiques run --strict` rejects it instead.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from test_end_to_end import ROOT, assert_clean_output, run_command

CORPUS = ROOT / "tests" / "corpus"
INCONSISTENT = sorted((CORPUS / "inconsistent").glob("*.txt"))
CUT = "agregateur_grand_est_liste_coupee.txt"  # 13 announced, the page cut inside the 9th item: 8 names
# A name of each inconsistent list, which the rejection reason must quote.
LIST_NAMES = {"prefecture_aisne_il_s_agit_de_trois.txt": "Haute Picardie",
              "prefecture_morbihan_quatre_pour_trois.txt": "Pays de Lorient",
              "region_occitanie_quinze_pour_quatorze.txt": "Ariège",
              # short, ending with its list: not a page cut by a crawl, a contradiction
              "prefecture_drome_trois_pour_deux_fin_de_texte.txt": "Vallée de la Drôme",
              # lists written in a sentence that read one way only: no reading reaches five names;
              # each name closed by its own bracket
              "r18gate_prefecture_aisne_cinq_pour_quatre_en_ligne.txt": "Haute Picardie",
              "r18gate_prefecture_aisne_trois_pour_quatre_codes.txt": "Thiérache",
              # a table under a heading that counts its rows ("Vosges – 4 territoires")
              "r19counts_region_vosges_quatre_pour_cinq_tableau.txt": "Epinal-Rambervillers",
              # a count in the sentence before a list in a sentence, a clause glossing its first
              # name: three pieces at most, four announced
              "g29gate_prefecture_aisne_quatre_des_183_porte_par.txt": "Saint-Quentinois",
              # "et deux projets" adds no territories to the count: still three for four
              "g75gate_prefecture_vosges_trois_et_deux_projets.txt": "Épinal",
              # "telle que nous l'avons établie" compares, it gives no example: the list is whole
              "g79p85_club_aisne_telle_que_nous_cinq_pour_quatre.txt": "Haute Picardie",
              # département bullets over "o" sub-items, one département left out; the intro
              # "Ils se répartissent ainsi :" points back at the count before it
              "g80gate_region_cvl_puces_o_douze_pour_onze.txt": "Berry-Sologne",
              # "les sept territoires suivants : Sud et Ouest Creuse, A, …" over six names: "Sud"
              # alone names nothing, so no reading of the commas and "et" reaches seven
              "g72p76_region_sept_territoires_suivants_six_noms.txt": "Sud et Ouest Creuse",
              "g81gate_region_na_sud_et_ouest_creuse_sept_pour_six.txt": "Grand-Libournais",
              # "Voici les territoires retenus dans le département :" points back over a paragraph
              # counting only the programme's 183 at the count of the paragraph before it
              "g82p89_quotidien_aisne_compte_puis_national_trois.txt": "Saint-Quentinois",
              # a list per phase, the second's names also in the first: the count's phase is the
              # list's ("trois territoires du Jura" for 2023-2027 over the two)
              "g84gate_prefecture_jura_deux_phases_trois_pour_deux.txt": "Grand Dole",
              # sub-headings counting their sub-lists by département ("Saône-et-Loire – 3 territoires")
              "g84gate_region_bfc_sous_titre_trois_pour_deux.txt": "Creusot-Montceau",
              # the count only in the headline, the intro presenting the whole list of its area
              "g84gate_radio_jura_trois_dans_le_titre_pour_deux.txt": "Haut-Jura",
              # "Territoires renouvelés :" opening renewed and new sub-lists points back at the count
              # before it, not at the one after "contre"
              "g84gate_prefecture_aisne_cinq_pour_quatre_renouveles_et_nouveau.txt": "Saint-Quentinois",
              # "Voici ceux qui ont été retenus :" points back at the whole count before it: the
              # pronoun's clause only repeats the award, it takes no part
              "g85p9394_quotidien_manche_voici_ceux_trois_pour_deux.txt": "Nord Cotentin",
              # a correction "Ils sont en réalité trois (et non quatre)": the pronoun's count sizes the list
              "g86gate_lettre_normandie_rectificatif_trois_pour_deux.txt": "Caen Industrie",
              # fewer names than the count in its brackets, nothing else there
              "g86gate_radio_centre_quatre_pour_trois_entre_parentheses.txt": "Perche Industrie",
              # "les deux territoires … de la Haute-Saône" in the sentence before an intro speaking
              # of them ("Leurs équipes ont présenté …") over three: more than the whole
              "g114gate_lettre_departement_les_deux_puis_trois_equipes.txt": "Lure – Luxeuil",
              # the sentence after the count opens with two territories named as such, the first
              # one's carrier set off by commas ("Le territoire A, porté par X, et le territoire de B")
              "r41p106_cci_haute_marne_trois_pour_deux_porte_par.txt": "Grand Langres",
              # a list in a sentence parted by ";" alone, one name a part: four names for three
              "g134semi_agence_normandie_trois_suivants_point_virgule_quatre.txt": "Saint-Lô Agglo",
              # a list in a sentence whose names each stand in their own quotes: four for three
              "g141gate_club_occitanie_trois_entre_guillemets_quatre.txt": "Grand Narbonne",
              # quoted names set off by commas, the predicate after the last quote: "Trois
              # territoires, « A », « B », « C » et « D », ont été labellisés" names four
              "g145quoted_prefecture_bretagne_trois_apposes_entre_guillemets_quatre.txt": "Lorient"}


def table(output: Path, name: str):
    return pq.read_table(output / f"{name}.parquet").to_pandas()


def doc_id_of(output: Path, source: str) -> str:
    documents = table(output, "documents")
    return documents.loc[documents["source"] == source, "doc_id"].iloc[0]


@pytest.fixture(scope="session")
def gate_input(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gate-input")
    for path in [*INCONSISTENT, CORPUS / CUT]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def gate_run(gate_input, tmp_path_factory):
    output = tmp_path_factory.mktemp("gate-output")
    return run_command("run", "--input", str(gate_input), "--output", str(output)), output


def test_every_inconsistent_fixture_is_rejected_with_a_reason_naming_its_list(gate_run):
    result, output = gate_run
    assert result.returncode == 1, result.stdout + result.stderr
    assert_clean_output(result)
    assert set(LIST_NAMES) == {path.name for path in INCONSISTENT}
    rejections = table(output, "rejections").set_index("source")
    for source, name in LIST_NAMES.items():
        assert rejections.loc[source, "stage"] == "validate"
        reason = rejections.loc[source, "reason"]
        assert re.fullmatch(r"states \d+ territories in .+ but the list at \d+-\d+ \('.+'\) names \d+",
                            reason), reason
        assert name in reason, reason
        doc_id = doc_id_of(output, source)
        for name_ in ("territories", "figures", "stated_counts", "warnings"):
            assert doc_id not in set(table(output, name_)["doc_id"])


def test_a_list_cut_by_the_end_of_the_page_is_published_with_a_warning(gate_run):
    result, output = gate_run
    doc_id = doc_id_of(output, CUT)
    documents = table(output, "documents").set_index("doc_id")
    assert documents.loc[doc_id, "status"] == "published"
    assert (table(output, "territories")["doc_id"] == doc_id).sum() == 8
    counts = table(output, "stated_counts")
    row = counts[counts["doc_id"] == doc_id].iloc[0]
    assert (row["stated"], row["listed"], row["rule"]) == (13, 8, "stated_count.list_intro")
    assert "the text ends inside the list" in row["doubt"]
    text = documents.loc[doc_id, "text"]
    assert text[row["list_start"]:row["list_end"]].startswith("• Alsace bossue")
    warnings = table(output, "warnings")
    warnings = warnings[warnings["check"] != "coverage_shortfall"]  # those are about the registry
    assert list(warnings["doc_id"]) == [doc_id] and list(warnings["check"]) == ["stated_vs_listed"]
    detail = warnings["detail"].iloc[0]
    assert detail.startswith("states 13 territories in Grand Est (44) for 2019-2022")
    assert "names 8; not a proof of error, as the text ends inside the list" in detail
    assert "`communiques run --strict` rejects it" in detail
    assert "27 seen, 1 published (1 with a warning), 26 rejected" in result.stdout
    assert f"  warning: {CUT} (stated_vs_listed): {detail}" in result.stdout


def test_validate_shows_the_warnings_and_rechecks_the_published_table(gate_run, tmp_path):
    _, output = gate_run
    result = run_command("validate", "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean_output(result)
    assert f"WARNING document {doc_id_of(output, CUT)} (stated_vs_listed): states 13" in result.stdout
    tampered = tmp_path / "tampered"
    shutil.copytree(output, tampered)
    warnings = pq.read_table(tampered / "warnings.parquet")
    pq.write_table(warnings.slice(0, 0), tampered / "warnings.parquet")
    result = run_command("validate", "--output", str(tampered))
    assert result.returncode == 1
    assert "FAILED warnings: the gate finds a doubt the published table lacks" in result.stdout


def test_the_data_docs_show_the_warning_apart_from_the_rejections(gate_run):
    _, output = gate_run
    site = output / "quality" / "data_docs"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "stated_vs_listed_in_doubt" in index
    pages = sorted((site / "validations" / "stated_vs_listed_in_doubt").rglob("*.html"))
    page = pages[-1].read_text(encoding="utf-8")  # the last validation of the run: the published tables
    assert "publishes the document with a warning" in page
    assert "[13, 8]" in page


def test_the_review_page_lists_the_warnings(gate_run):
    _, output = gate_run
    result = run_command("report", "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (output / "report" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="avertissements"'):]
    assert CUT in section and "stated_vs_listed" in section
    assert "names 8; not a proof of error, as the text ends inside the list" in section


def test_strict_rejects_the_document_with_a_warning_and_a_plain_run_publishes_it_again(
        gate_run, gate_input, tmp_path):
    _, published = gate_run
    output = tmp_path / "strict"
    shutil.copytree(published, output)
    result = run_command("run", "--input", str(gate_input), "--output", str(output), "--strict")
    assert result.returncode == 1, result.stdout + result.stderr
    assert_clean_output(result)
    assert "27 seen, 0 published, 27 rejected" in result.stdout
    rejections = table(output, "rejections").set_index("source")
    assert rejections.loc[CUT, "stage"] == "validate"
    assert rejections.loc[CUT, "reason"].endswith("(rejected by `communiques run --strict`)")
    assert table(output, "warnings").empty
    result = run_command("run", "--input", str(gate_input), "--output", str(output))
    assert result.returncode == 1
    assert "27 seen, 1 published (1 with a warning), 26 rejected" in result.stdout
    assert list(table(output, "warnings")["check"]).count("stated_vs_listed") == 1


def test_a_press_kits_numbered_heading_under_its_count_does_not_reject_it(tmp_path):
    """"Trois territoires … signent leur contrat ce jour." then the heading "2. NORD-ISÈRE": a
    lone numbered line is no list the count sizes; the correct press kit is published, no warning."""
    source = "g56gate_dossier_presse_isere_titre_numerote.txt"
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(CORPUS / source, folder / source)
    output = tmp_path / "output"
    result = run_command("run", "--input", str(folder), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean_output(result)
    assert "1 seen, 1 published, 0 rejected" in result.stdout
    doc_id = doc_id_of(output, source)
    assert table(output, "documents").set_index("doc_id").loc[doc_id, "status"] == "published"
    assert table(output, "rejections").empty
    assert table(output, "stated_counts").empty
    assert "stated_vs_listed" not in set(table(output, "warnings")["check"])
    assert (table(output, "territories")["doc_id"] == doc_id).sum() == 3
