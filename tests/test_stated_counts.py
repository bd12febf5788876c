"""Stated counts: a count is compared with a list only when the text ties them, with the evidence.

Each test is a small communiqué written for it (real territories, our sentences); the end-to-end
outcomes (rejection, warning, --strict) are in tests/test_gate.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import nlp
from pipeline.extract.assemble import extract
from pipeline.read import read_document

CONTACT = "\n\nContact presse : service de la communication de la préfecture.\n"


def counts(text: str) -> list[dict]:
    return extract(text, next(nlp.parse([text]))).stated_counts


def only(text: str) -> dict:
    rows = counts(text)
    assert len(rows) == 1, rows
    return rows[0]


def test_a_count_in_the_lists_intro_sizes_it_and_the_row_points_at_the_list():
    text = ("Troyes, le 14 novembre 2023\n\nDans l'Aube, deux territoires ont été labellisés, il "
            "s'agit de :\n\n- Territoire d'industrie Sud Champagne (10)\n"
            "- Territoire d'industrie Ouest Champenois (10)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (2, 2, "stated_count.list_intro", None)
    assert (row["scope_code"], row["scope_name"], row["mention"]) == ("10", "Aube", "deux territoires")
    assert text[row["list_start"]:row["list_end"]].startswith("- Territoire d'industrie Sud Champagne")
    assert text[row["list_start"]:row["list_end"]].endswith("Ouest Champenois (10)")


def test_a_referring_intro_takes_the_count_of_the_sentence_before():
    text = ("Laon, le 14 novembre 2023\n\nLe ministre a annoncé 183 lauréats, dont 18 dans la région "
            "Hauts-de-France et 4 dans l'Aisne. Il s'agit des territoires de :\n\n- Haute Picardie (02)\n"
            "- Soissonnais-Valois (02)\n- Sud de l'Aisne (02)\n- Thiérache (02)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"], row["scope_code"]) == (
        4, 4, "stated_count.previous_sentence", "02")




def test_those_awarded_point_back_at_the_whole_count_but_not_at_candidates():
    text = ("Cherbourg, le 24 novembre 2018\n\n{} Voici ceux qui ont été retenus{} :\n\n"
            "- Nord Cotentin\n- Sud Manche" + CONTACT)
    row = only(text.format("Avec trois territoires, la Manche fait mieux que bien des départements.", ""))
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (3, 2, "stated_count.previous_sentence", None)
    # a count of candidates, or a clause going on after the award, names a part of the count
    assert counts(text.format("Trois territoires de la Manche étaient candidats.", "")) == []
    assert counts(text.format("Avec trois territoires, la Manche fait mieux que bien des départements.",
                              " pour la première fois")) == []


def test_a_part_of_the_national_count_sizes_a_list_in_the_next_sentence_its_gloss_no_name():
    text = ("Albi, le 23 novembre 2018\n\nLe Tarn obtient {} des 124 territoires d'industrie annoncés ce "
            "jour.\n\nIl s'agit de Castres-Mazamet, piloté par la communauté d'agglomération de Castres "
            "Mazamet, et d'Albi-Carmaux." + CONTACT)
    row = only(text.format("deux"))
    assert (row["stated"], row["listed"], row["rule"], row["mention"]) == (
        2, 2, "stated_count.previous_sentence", "deux")
    # three announced, two pieces besides the gloss: no reading reaches three, a certain difference
    row = only(text.format("trois"))
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 2, None)
    # a piece between commas that is no gloss clause may be a name: in doubt
    row = only(text.format("trois").replace("piloté par la", "la"))
    assert (row["stated"], row["listed"]) == (3, 2) and "written in a sentence" in row["doubt"]


def test_a_referring_intro_is_not_tied_to_a_count_the_text_s_own_count_of_the_list_contradicts():
    text = ("Nîmes, le 21 novembre 2023\n\nTerritoires d'industrie : deux territoires gardois labellisés\n\n"
            "Le Gouvernement a publié la liste des lauréats. La région Occitanie en compte 15.\n\n"
            "Les territoires retenus sont les suivants :\n\n- Alès ;\n- Pont du Gard / Gard Rhodanien." + CONTACT)
    assert counts(text) == []
    without_own_count = text.replace("deux territoires gardois labellisés", "les lauréats gardois")
    assert [(row["stated"], row["listed"]) for row in counts(without_own_count)] == [(15, 2)]

@pytest.mark.parametrize("layout", [
    "L'Occitanie compte 15 lauréats, qui sont :\n\n• Renouvellement des territoires existants : "
    "Ariège (09) ; Grand Narbonne (11) ; Alès (30) ; Pont du Gard/Gard Rhodanien (30) ; Castres Revel "
    "Castelnaudary (11-31-81) ; Comminges-Nestes (31-65) ; Interdépartemental 32/82 ; Béziers-Sète (34) "
    "; Lacq Pau Tarbes (TI interrégional/64-65) ; Aurillac Figeac Rodez (TI interrégional/12-15-46).\n"
    "• Nouveaux territoires : Grand Auch/Astarac (32) ; Nord Lozère (48) ; Pyrénées-Orientales (66) ; "
    "Albigeois (81) ; Hautes Terres d'Oc (81).",
    "L'Occitanie compte quinze lauréats :\n\nTerritoires renouvelés\n\n- Ariège (09)\n- Grand Narbonne "
    "(11)\n- Alès (30)\n- Pont du Gard/Gard Rhodanien (30)\n- Castres Revel Castelnaudary (11-31-81)\n"
    "- Comminges-Nestes (31-65)\n- Interdépartemental 32/82\n- Béziers-Sète (34)\n- Lacq Pau Tarbes "
    "(TI interrégional/64-65)\n- Aurillac Figeac Rodez (TI interrégional/12-15-46)\n\nNouveaux "
    "territoires\n\n- Grand Auch/Astarac (32)\n- Nord Lozère (48)\n- Pyrénées-Orientales (66)\n"
    "- Albigeois (81)\n- Hautes Terres d'Oc (81)",
    "Avec 15 lauréats, l'Occitanie est bien représentée. Ces territoires sont :\n\nTerritoires renouvelés\n"
    "- Ariège (09)\n- Grand Narbonne (11)\n- Alès (30)\n- Pont du Gard/Gard Rhodanien (30)\n- Castres Revel "
    "Castelnaudary (11-31-81)\n- Comminges-Nestes (31-65)\n- Interdépartemental 32/82\n- Béziers-Sète (34)\n"
    "- Lacq Pau Tarbes (64-65)\n- Aurillac Figeac Rodez (12-15-46)\n\nNouveaux territoires\n"
    "- Grand Auch/Astarac (32)\n- Nord Lozère (48)\n- Pyrénées-Orientales (66)\n- Albigeois (81)\n"
    "- Hautes Terres d'Oc (81)",
])
def test_a_count_sizing_sub_lists_is_compared_with_their_sum(layout):
    row = only("Toulouse, le 10 novembre 2023\n\n" + layout + CONTACT)
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (
        15, 15, "stated_count.sublists_sum", None)


@pytest.mark.parametrize("intro", [
    "Les Hauts-de-France comptent 18 territoires d'industrie, dont ceux de l'Aisne :",
    "Parmi les 18 territoires retenus en Hauts-de-France figurent :",
    "En Hauts-de-France, 18 territoires sont lauréats ; dans l'Aisne, il s'agit de :",
    "Le programme compte 183 territoires. Les autres territoires retenus sont les suivants :",
    "Le programme compte 183 territoires. Les nouveaux territoires sont les suivants :",
    "Lors de la première phase (2019-2022), l'Aisne comptait 3 territoires d'industrie. Les "
    "territoires labellisés pour 2023-2027 sont les suivants :",
    "Dix-huit territoires ont été identifiés en Hauts-de-France. L'État accompagnera en premier lieu "
    "les territoires suivants :",
])
def test_totals_around_a_partial_list_and_counts_of_the_other_phase_are_figures_only(intro):
    text = (f"Laon, le 14 novembre 2023\n\n{intro}\n\n- Haute Picardie (02)\n- Soissonnais-Valois (02)"
            f"\n- Sud de l'Aisne (02)\n- Thiérache (02)" + CONTACT)
    assert counts(text) == []
    assert extract(text, next(nlp.parse([text]))).figures  # the count is still a figure


def test_tel_que_before_a_subject_pronoun_compares_and_the_count_sizes_the_whole_list():
    intro = ("Voici la liste des quatre territoires de l'Aisne retenus pour 2023-2027, {} :")
    items = "\n\n- Haute Picardie (02)\n- Soissonnais-Valois (02)\n- Sud de l'Aisne (02)\n- Thiérache (02)"
    text = "Laon, le 14 novembre 2023\n\n" + intro.format("telle que nous l'avons établie") + items + CONTACT
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"]) == (4, 4, "stated_count.list_intro")
    # "tels que" before a name gives examples: a part of the count
    text = "Laon, le 14 novembre 2023\n\n" + intro.format("tels que") + items + CONTACT
    assert counts(text) == []


def test_a_count_of_new_territories_does_not_size_a_list_holding_a_renewed_one():
    text = ("Albi, le 10 novembre 2023\n\nLe Tarn gagne deux nouveaux territoires d'industrie, aux "
            "côtés d'un territoire reconduit :\n\n- Castres Revel Castelnaudary (11-31-81), reconduit\n"
            "- Albigeois (81), nouveau lauréat\n- Hautes Terres d'Oc (81), nouveau lauréat" + CONTACT)
    assert counts(text) == []


def test_the_whole_before_a_part_sizes_the_list_when_the_list_has_its_length():
    text = ("Metz, le 12 avril 2019\n\nLes 4 territoires d'industrie de Moselle, dont deux ont déjà "
            "signé leur protocole, sont les suivants :\n\n- Moselle Est (57)\n- Nord Lorraine (57)\n"
            "- Val de Fensch (57)\n- Pays Haut Sud (57)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["mention"], row["doubt"]) == (
        4, 4, "4 territoires d'industrie", None)


def test_doubts_a_page_cut_inside_its_list_and_a_list_in_a_sentence():
    short = ("Strasbourg, le 23 novembre 2018\n\nDans le Grand Est, 13 territoires d'industrie ont été "
             "retenus :\n\n• Alsace centrale\n• Moselle Est\n• Sud Als")
    page = short.replace("\n\nDans", "\n\n" + "Le programme soutient l'industrie des territoires. " * 30 + "\n\nDans")
    row = only(page)  # a page as long as a crawl keeps, cut inside its list
    assert row["stated"] == 13 and row["listed"] < 13
    assert row["doubt"].startswith("the text ends inside the list (its last item 'Sud Als'")
    row = only(short)  # too short to have been cut: the list is the author's, the count contradicts it
    assert (row["stated"], row["listed"], row["doubt"]) == (13, 3, None)
    sentence = ("Ajaccio, le 22 juillet 2019\n\nEn Corse, deux territoires ont été retenus : la "
                "Communauté d'agglomération de Bastia, en Haute-Corse, et celle du Pays Ajaccien." + CONTACT)
    for row in counts(sentence):
        assert "written in a sentence" in row["doubt"]


def test_a_complete_list_ending_the_text_is_no_doubt():
    text = ("Metz, le 15 novembre 2023\n\nDans la Moselle, trois territoires ont été labellisés, il "
            "s'agit de :\n\n- Territoire d'industrie Val de Fensch (57)\n"
            "- Territoire d'industrie Pays Haut Sud (57)\n")
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 2, None)


def test_a_national_total_beside_the_lists_own_count_does_not_size_it():
    row = only("Quatre territoires axonais font partie des 183 Territoires d'industrie retenus pour 2023-2027 : "
               "le Saint-Quentinois, le Sud de l'Aisne, le Soissonnais-Valois, la Thiérache et Pays de la Serre.")
    assert (row["stated"], row["listed"]) == (4, 4)


def test_a_list_stopping_at_a_page_break_before_items_like_its_own_is_in_doubt():
    text = ("Rouen, le 23 novembre 2018\n\nPour la Normandie, les 4 territoires retenus sont :\n"
            "- Nord Cotentin (Manche) ;\n- Sud Manche (Manche) ;\n\nPréfecture de la région Normandie, "
            "service de la communication, suite du communiqué          1/2\n\nLa suite de la liste, page suivante, est la voici :\n\n"
            "- Caen Industrie (Calvados) ;\n- Lisieux Industrie (Calvados)." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (4, 2)
    assert "page break" in row["doubt"]
    # without a colon announcing the rest, the list is taken up after the page's furniture: one list
    row = only(text.replace("est la voici :", "est la voici"))
    assert (row["stated"], row["listed"], row["rule"]) == (4, 4, "stated_count.resumed_list")


def test_a_numbered_list_whose_numbering_goes_on_further_is_in_doubt():
    text = ("Rouen, le 26 novembre 2018\n\nLes trois territoires de la Seine-Maritime sont :\n\n1. Axe Seine\n"
            "2. Côte d'Albâtre\n\nCes territoires réunissent les agglomérations et des filières fortes :\n\n"
            "- la chimie ;\n- l'automobile.\n\n3. Vallée de la Bresle" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (3, 2)
    assert "numbering goes on" in row["doubt"]


def test_a_lone_numbered_line_after_the_counts_sentence_sizes_nothing():
    """A press kit's numbered section heading ("2. NORD-ISÈRE") right under the paragraph ending
    with "Trois territoires isérois signent leur contrat ce jour." reads as a list of one item: no
    evidence against the count, which stays a figure (tests/corpus fixture; the gate rejected it)."""
    path = Path(__file__).parent / "corpus" / "g56gate_dossier_presse_isere_titre_numerote.txt"
    text = read_document(path, path.read_bytes()).text
    extraction = extract(text, next(nlp.parse([text])))
    assert extraction.stated_counts == []
    assert {row["name"] for row in extraction.territories} == {"NORD-ISÈRE", "Bièvre-Valloire",
                                                               "Vienne Condrieu"}
    assert [f["value"] for f in extraction.figures if f["unit"] == "territoire"] == [3]


def test_a_list_taken_up_after_a_paragraph_with_its_marker_is_one_list():
    text = ("Dijon, le 6 décembre 2018\n\nLes trois territoires suivants ont été retenus dans la région :\n\n"
            "– Nord Franche-Comté (25-70-90)\n– Grand Chalon (71)\nChaque territoire réunira ses élus et\n"
            "ses industriels autour d'un plan d'actions.\n– Vosges saônoises (70)." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"]) == (3, 3, "stated_count.resumed_list")


def test_a_list_after_a_paragraph_ending_with_a_colon_is_another_list():
    text = ("Dijon, le 6 décembre 2018\n\nLes deux territoires suivants ont été retenus dans la région :\n\n"
            "– Nord Franche-Comté (25-70-90)\n– Grand Chalon (71)\nUn troisième territoire est à l'étude "
            "dans la Haute-Saône :\n– Vosges saônoises (70)." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (2, 2, "stated_count.list_intro", None)


AISNE = "Laon, le 14 novembre 2023\n\n"


@pytest.mark.parametrize("sentence, stated, listed", [
    # no reading of its commas and 'et' gives as many names as the count
    ("Cinq territoires de l'Aisne ont été labellisés pour la période 2023-2027 : Haute Picardie, "
     "Soissonnais-Valois, Sud de l'Aisne et Thiérache.", 5, 4),
    # each name closed by its own bracket: the count cannot join two of them
    ("Trois territoires de l'Aisne ont été labellisés pour la période 2023-2027 : Haute Picardie (02), "
     "Soissonnais-Valois (02), Sud de l'Aisne (02) et Thiérache (02).", 3, 4),
    # g20a: names parted by commas, the last after "et" and its article: fewer would join two names
    ("Deux territoires de l'Aisne ont été labellisés pour la période 2023-2027 : Haute Picardie, "
     "Soissonnais-Valois et la Thiérache.", 2, 3),
])
def test_a_count_contradicting_a_list_written_in_a_sentence_is_certain_when_it_reads_one_way(
        sentence, stated, listed):
    row = only(AISNE + sentence + CONTACT)
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (
        stated, listed, "stated_count.list_intro", None)


def test_a_count_contradicting_a_list_its_commas_can_read_otherwise_is_in_doubt():
    row = only(AISNE + "Deux territoires de l'Aisne ont été labellisés pour la période 2023-2027 : Haute "
               "Picardie, Soissonnais-Valois, Sud de l'Aisne et Thiérache." + CONTACT)
    assert (row["stated"], row["listed"]) == (2, 4)
    assert "written in a sentence" in row["doubt"]


@pytest.mark.parametrize("sentence", [
    "Six territoires ont été labellisés en Hauts-de-France pour 2023-2027, parmi lesquels Haute Picardie, "
    "Soissonnais-Valois et Thiérache.",
    "Dix-huit territoires ont été labellisés en Hauts-de-France pour 2023-2027, dont Haute Picardie, "
    "Soissonnais-Valois et Thiérache.",
    "Cinq territoires ont été labellisés pour la période 2023-2027 : Haute Picardie, Thiérache et trois "
    "autres dans le Nord.",
])
def test_a_count_of_which_a_sentence_names_a_part_rejects_nothing(sentence):
    assert all(row["doubt"] or row["stated"] == row["listed"] for row in counts(AISNE + sentence + CONTACT))


def test_counts_of_several_enumerations_in_one_sentence_size_each_its_own():
    text = ("Sur les 124 Territoires d'industrie dévoilés ce jeudi, cinq se trouvent outre-mer. La Guyane en "
            "compte deux (Kourou et Cayenne), La Réunion deux également (TCO et Cirest) et la Guadeloupe un "
            "seul." + CONTACT)
    assert all(row["stated"] == row["listed"] == 2 for row in counts(text))


def test_a_count_the_length_of_one_sub_list_counts_that_sub_list():
    text = ("Toulouse, le 17 novembre 2023\n\nLa Région compte désormais quinze Territoires d'industrie. "
            "Onze territoires voient leur label renouvelé et quatre entrent dans le programme.\n\n"
            "La liste est la suivante :\n\n**Territoires renouvelés**\n- Ariège (09)\n- Grand Narbonne (11)\n"
            "- Alès (30)\n- Pont du Gard / Gard Rhodanien (30)\n- Castres – Revel – Castelnaudary (11, 31, 81)\n"
            "- Comminges-Nestes (31, 65)\n- Interdépartemental Gers / Tarn-et-Garonne (32, 82)\n"
            "- Béziers-Sète (34)\n- Lacq – Pau – Tarbes (64, 65)\n- Aurillac – Figeac – Rodez (12, 15, 46)\n"
            "- Grand Auch / Astarac (32)\n\n**Nouveaux territoires**\n- Nord Lozère (48)\n"
            "- Pyrénées-Orientales (66)\n- Albigeois (81)\n- Hautes Terres d'Oc (81)" + CONTACT)
    assert counts(text) == []
    contradicted = text.replace("Onze territoires voient", "Douze territoires voient")
    row = only(contradicted)
    assert (row["stated"], row["listed"]) == (12, 15)


def test_an_intro_opening_with_leur_liste_refers_back_whatever_its_length():
    text = ("Laon, le 21 novembre 2023\n\nL'Aisne compte 4 territoires d'industrie pour la deuxième phase. "
            "Leur liste, validée par le préfet de la région Hauts-de-France et le président du conseil "
            "régional, figure ci-dessous :\n\n- Haute Picardie (02, 80)\n- Soissonnais-Valois (02)\n"
            "- Sud de l'Aisne (02)\n- Thiérache et Pays de la Serre (02)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"]) == (4, 4, "stated_count.previous_sentence")
    assert only(text.replace("4 territoires", "5 territoires"))["listed"] == 4


def test_a_count_in_the_heading_or_the_sentence_above_a_table_sizes_its_rows():
    """'Ain – 2 territoires' above a table whose column names territories; a deliberation's
    '… aux 3 territoires figurant dans le tableau ci-dessous :'. The header belongs to the intro."""
    text = ("Lyon, le 18 janvier 2024\n\nLa commission permanente a voté son aide.\n\n"
            "Ain – 2 territoires\n\nTerritoire | Aide régionale\nHaut-Bugey | 280 000 €\n"
            "Plaine de l'Ain | 190 000 €\n\nDécision suivante." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"], row["doubt"]) == (2, 2, "stated_count.list_intro", None)
    assert (row["scope_code"], text[row["list_start"]:row["list_end"]].split(" |")[0]) == ("01", "Haut-Bugey")
    text = text.replace("Ain – 2 territoires", "Ain – 3 territoires")
    assert (only(text)["stated"], only(text)["listed"]) == (3, 2)


def test_a_count_above_a_table_of_amounts_with_no_territory_column_sizes_nothing():
    text = ("Lyon, le 18 janvier 2024\n\nLa Région soutient 2 territoires de l'Ain.\n\n"
            "Action | Montant\nFormation | 280 000 €\nFoncier | 190 000 €\n" + CONTACT)
    assert counts(text) == []


def test_remarks_under_a_list_are_not_part_of_it():
    """An 'Observations' heading closing a numbered list, its items naming a territory of the other
    phase: the count sizes the list above it, which holds no sub-lists."""
    text = ("Vannes, le 20 novembre 2023\n\nLe Morbihan compte 2 territoires d'industrie pour la période "
            "2023-2027. Leur liste est la suivante :\n\n1) Pays de Vannes (56)\n2) Centre Morbihan "
            "Communauté (56)\n\nObservations\n1) Le territoire d'industrie Pays de Lorient – Quimperlé, de "
            "la première phase, est suivi par le Finistère.\n2) Les filières dominantes sont "
            "l'agroalimentaire et le nautisme." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"]) == (2, 2, "stated_count.previous_sentence")
    assert text[row["list_start"]:row["list_end"]].endswith("Centre Morbihan Communauté (56)")


def test_a_whole_after_the_lists_own_count_does_not_make_the_list_a_part():
    """'trois territoires, sur les 18 que compte la région :' and 'Quatre territoires figurent
    parmi les 124 … :' list the three and the four; a list as long as the whole stays untied."""
    text = ("Épinal, le 26 novembre 2018\n\nLes Vosges comptent trois territoires d'industrie, sur les 18 "
            "que compte la région Grand Est :\n\n- Déodatie (88)\n- Épinal (88)\n- Hautes-Vosges (88)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["scope_code"]) == (3, 3, "88")
    text = ("Paris, le 26 novembre 2018\n\nQuatre territoires franciliens figurent parmi les 124 "
            "Territoires d'industrie annoncés par le Premier ministre :\n\n- Seine Aval (78)\n"
            "- Grand Paris Sud (91)\n- Grand Roissy – Le Bourget (93, 95)\n- Nord-Est Seine-et-Marne (77)" + CONTACT)
    assert (only(text)["stated"], only(text)["listed"]) == (4, 4)
    text = ("Troyes, le 26 novembre 2018\n\nL'Aube compte deux territoires, sur les 3 que voici :\n\n"
            "- Sud Champagne (10)\n- Nord-Ouest Aube (10)\n- Sézanne (51)" + CONTACT)
    assert counts(text) == []


def test_a_referring_intro_opening_a_paragraph_takes_the_agreeing_count_of_the_paragraph_before():
    """'La Charente compte trois territoires …, contre deux lors de la première phase. La
    Nouvelle-Aquitaine en compte 24.' then 'Les territoires charentais retenus sont :': the count of
    the area the intro names (a demonym), the comparison and the région's count left out."""
    text = ("Angoulême, le 17 novembre 2023\n\nLa Charente compte trois territoires labellisés dans la "
            "deuxième phase, contre deux lors de la première phase (2019-2022). La Nouvelle-Aquitaine en "
            "compte 24.\n\nLes territoires charentais retenus sont :\n\n- Grand Cognac (16)\n"
            "- Angoulême – Cœur de Charente (16)\n- Charente Limousine – Haute-Charente (16)" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["scope_code"], row["rule"]) == (
        3, 3, "16", "stated_count.previous_paragraph")
    # counts of the paragraph that disagree, and an intro naming no area: no tie
    text = text.replace("Les territoires charentais retenus sont", "Les territoires retenus sont")
    assert counts(text) == []


def test_an_overseas_island_named_after_its_count_is_no_narrower_place():
    """'deux territoires' of La Réunion count in its région (04); 'à La Réunion' after the count is
    the same area, not a narrower one."""
    text = ("Saint-Denis, le 16 novembre 2023\n\nL'île de La Réunion compte deux territoires "
            "labellisés.\n\nPour la période 2023-2027, les territoires retenus à La Réunion sont les suivants :\n"
            "- Territoire d'industrie « Réunion Nord-Est » ;\n- Territoire d'industrie « Grand Sud »." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["scope_code"]) == (2, 2, "04")


def test_a_count_the_list_is_added_to_does_not_size_it():
    text = ("Rennes, le 25 août 2023\n\nLa Bretagne compte 10 territoires d'industrie. Aux six territoires "
            "renouvelés s'ajoutent :\n\n- Brest-Morlaix\n- Vitré\n- Pays de Fougères\n- Finistère Sud" + CONTACT)
    assert [row["stated"] for row in counts(text)] != [6]


def test_a_list_short_of_its_count_by_the_others_the_next_sentence_counts_is_in_doubt():
    text = ("Dijon, le 22 novembre 2018\n\nLe Premier ministre a annoncé les 124 territoires d'industrie. "
            "La Bourgogne-Franche-Comté en compte cinq :\n\n1. Nord Franche-Comté (25)\n"
            "2. Le Creusot-Montceau (71)\n3. Vallée de l'Ognon (70)\n\nDeux autres territoires seront désignés en 2019."
            + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (5, 3)
    assert "the territories it leaves out" in row["doubt"]
    # others that do not make up the difference leave it certain
    assert only(text.replace("Deux autres", "Trois autres"))["doubt"] is None


def test_the_programmes_total_sizes_no_short_list_a_referring_intro_opens():
    text = ("Paris, le 16 juin 2023\n\nLa deuxième phase du programme Territoires d'industrie compte 183 territoires. "
            "Dans le quart nord-est, voici les territoires retenus :\n\n- Sud Champagne\n- Ouest Champenois\n"
            "- Grand Chalon" + CONTACT)
    assert counts(text) == []


def test_a_list_short_of_its_count_by_the_next_one_named_by_its_rank_is_in_doubt():
    text = ("Rennes, le 23 novembre 2018\n\nQuatre territoires d'industrie bretons sont lauréats :\n1) Lannion-Trégor\n"
            "2) Guingamp-Paimpol\n3) Centre Bretagne\n\nLe quatrième, le Pays de Vitré, a été ajouté ce matin." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (4, 3)
    assert "the territories it leaves out" in row["doubt"]


def test_a_table_cell_naming_two_territories_counts_both():
    # read as one territory, the cell made a correct "Cinq" look contradicted by four rows
    text = ("Dijon, le 12 décembre 2023\n\nCinq territoires d'industrie sont labellisés pour 2023-2027 "
            "dans l'ouest de la région :\n\nDépartement | Nombre | Territoires\nCôte-d'Or | 1 | Haute Côte-d'Or\n"
            "Nièvre | 1 | Val de Loire nivernais\nSaône-et-Loire | 2 | Creusot-Montceau ; Chalon-sur-Saône Bresse\n"
            "Yonne | 1 | Nord Yonne" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (5, 5)


def test_a_table_s_total_row_is_no_territory():
    # "Total" read as a fifth territory would certainly contradict a correct "Quatre"
    text = ("Laon, le 14 novembre 2023\n\nQuatre territoires d'industrie sont labellisés dans l'Aisne pour "
            "2023-2027 :\n\nTerritoire\tEPCI\tStatut\nHaute Picardie\tCA de Saint-Quentin\trenouvelé\n"
            "Sud de l'Aisne\tCA de la Région de Château-Thierry\trenouvelé\nThiérache\tCC de la Thiérache du Centre\tnouveau\n"
            "Soissonnais\tGrandSoissons Agglomération\tnouveau\nTotal\t4 territoires\t" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (4, 4)


def test_an_intro_naming_what_its_subject_does_for_the_territories_does_not_refer_back():
    text = ("Amiens, le 5 février 2024\n\nPour la période 2023-2027, les Hauts-de-France comptent 18 "
            "territoires d'industrie. La Région a voté son {} des territoires suivants :\n\n"
            "- Sud de l'Aisne (02)\n- Soissonnais-Valois (02)" + CONTACT)
    # those the Région supports may be a part of the 18: no tie, nothing to contradict
    assert counts(text.format("soutien à l'animation")) == []
    # the list itself ("la labellisation des territoires suivants") still points back at the count
    row = only(text.format("accord à la labellisation"))
    assert (row["stated"], row["listed"], row["rule"]) == (18, 2, "stated_count.previous_sentence")


@pytest.mark.parametrize("intro, layout", [
    ("Trois territoires aubois ont été labellisés pour 2023-2027. La liste ci-après les reprend ; pour "
     "deux territoires, la feuille de route a déjà été adoptée.", "- {}\n"),
    ("L'Aube compte trois Territoires d'industrie pour 2023-2027, dont le détail figure ci-dessous ; le "
     "contrat de deux territoires est signé depuis janvier :", "{n}. {}\n"),
    ("Le label Territoires d'industrie 2023-2027 a été accordé à trois territoires de l'Aube. Un chef de "
     "projet est déjà recruté dans deux territoires, selon le tableau suivant :",
     "| {} | recruté |\n"),
])
def test_an_earlier_count_of_the_paragraph_as_long_as_the_list_sizes_it(intro, layout):
    names = ["Nord-Ouest Aube", "Ouest Champenois", "Sud Champagne"]
    head = "| Territoire | Chef de projet |\n|---|---|\n" if layout.startswith("|") else ""
    items = "".join(layout.format(name, n=n) for n, name in enumerate(names, 1))
    row = only(f"Troyes, le 21 mars 2024\n\n{intro}\n\n{head}{items}" + CONTACT)
    assert (row["stated"], row["listed"], row["scope_code"], row["doubt"]) == (3, 3, "10", None)


@pytest.mark.parametrize("intro, items, stated", [
    ("Le programme Territoires d'industrie est reconduit pour 2023-2027 en Bourgogne. La Saône-et-Loire "
     "en accueille deux et "
     "l'Yonne un seul. Récapitulatif :",
     "| Département | Territoire d'industrie |\n|---|---|\n| Saône-et-Loire | Creusot-Montceau |\n"
     "| Saône-et-Loire | Grand Chalon |\n| Yonne | Yonne industrielle |\n", ("89", 1)),
    ("Territoires d'industrie 2023-2027 : dans le Jura, deux territoires ont été retenus ; la "
     "Haute-Saône en compte trois. Les voici :",
     "- Haut-Jura (39)\n- Grand Dole (39)\n- Gray (70)\n- Lure – Luxeuil (70)\n- Vesoul – Val de Saône (70)\n",
     ("70", 3)),
    ("Territoires d'industrie 2023-2027. Pour la Nièvre, un territoire ; pour la Saône-et-Loire, deux "
     "territoires, à savoir :",
     "1. Nevers – Val de Loire (Nièvre)\n2. Creusot-Montceau (Saône-et-Loire)\n"
     "3. Grand Chalon (Saône-et-Loire)\n", ("71", 2)),
])
def test_a_count_of_one_area_over_a_list_spanning_others_sizes_its_part(intro, items, stated):
    row = only(f"Dijon, le 9 février 2024\n\n{intro}\n\n{items}" + CONTACT)
    assert (row["scope_code"], row["stated"], row["listed"], row["doubt"]) == (*stated, stated[1], None)


def test_a_count_of_one_area_differing_from_its_part_of_a_wider_list_is_in_doubt():
    text = ("Dijon, le 9 février 2024\n\nLe programme est reconduit pour 2023-2027. Dans l'Yonne, deux "
            "territoires sont retenus. Récapitulatif :\n\n| Département | Territoire |\n|---|---|\n"
            "| Saône-et-Loire | Creusot-Montceau |\n| Saône-et-Loire | Grand Chalon |\n"
            "| Yonne | Yonne industrielle |\n" + CONTACT)
    row = only(text)
    assert (row["scope_code"], row["stated"], row["listed"]) == ("89", 2, 1)
    assert row["doubt"].startswith("the list spans other areas")


BRETON_2023 = ["Lannion-Trégor", "Guingamp-Paimpol", "Lamballe", "Centre Bretagne", "Pays de Vannes",
               "Lorient-Quimperlé", "Brest-Morlaix", "Vitré", "Pays de Fougères", "Finistère Sud"]


@pytest.mark.parametrize("sentence", [
    "En Bretagne, les six territoires de la première phase sont tous renouvelés, et quatre nouveaux font "
    "leur entrée.",
    "En Bretagne, six territoires voient leur label reconduit ; de nouveaux venus les rejoignent.",
])
def test_a_count_of_renewed_territories_beside_new_ones_does_not_size_the_whole_list(sentence):
    items = "".join(f"- {name}\n" for name in sorted(BRETON_2023))
    text = f"Rennes, le 10 novembre 2023\n\n{sentence}\n\nVoici la carte régionale du programme :\n{items}" + CONTACT
    assert counts(text) == []


def test_a_count_of_renewed_territories_over_a_list_of_them_alone_sizes_it():
    items = "".join(f"- {name}\n" for name in BRETON_2023[:6])
    text = ("Rennes, le 10 novembre 2023\n\nEn Bretagne, sept territoires voient leur label renouvelé "
            f"pour 2023-2027. Il s'agit de :\n{items}" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"]) == (7, 6, None)


def test_a_line_holding_a_semicolon_is_one_name_when_the_intro_counts_the_lines():
    """"Cinq territoires … :" over five lines, one of them "A ; B": the line is one territory's
    name, not two, and the count matches its list."""
    text = ("Rennes, le 22 novembre 2018\n\nParmi les 124 territoires annoncés, cinq se situent en "
            "Bretagne :\n\n- Brest ; Morlaix\n- Centre Ouest Bretagne\n- Redon Agglomération\n"
            "- Vitré Communauté\n- Loudéac Communauté Bretagne Centre\n\nChacun préparera son "
            "contrat." + CONTACT)
    rows = extract(text, next(nlp.parse([text])))
    assert "Brest ; Morlaix" in {row["name"] for row in rows.territories}
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"]) == (5, 5, None)


def test_a_count_of_the_lines_before_a_list_with_a_semicolon_inside_a_line_is_in_doubt():
    """The count in the sentence before the list, the line "A ; B" read as two names: the list
    has as many lines as the count, so the difference is in doubt, never a rejection."""
    text = ("Rennes, le 22 novembre 2018\n\nCinq territoires bretons ont été retenus. Il s'agit "
            "de :\n\n- Brest ; Morlaix\n- Centre Ouest Bretagne\n- Redon Agglomération\n"
            "- Vitré Communauté\n- Loudéac Communauté Bretagne Centre\n\nChacun préparera son "
            "contrat." + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"]) == (5, 6)
    assert "may be one name holding a ';'" in row["doubt"]


def test_a_count_of_the_lists_items_is_no_certain_difference_when_an_item_holds_a_semicolon():
    """An item without a label holding ';' may be one name ("A-B-C ; D-E-F" is one territory of
    Provence-Alpes-Côte d'Azur): a count equal to the items is never a certain difference."""
    text = ("Marseille, le 2 avril 2019\n\nLa Région soutiendra les 4 territoires d'industrie désignés "
            "sur son sol :\n\n- Aix-Rousset-Gardanne ; Istres-Fos-Marignane-Étang de Berre\n- Carros – Le Broc\n"
            "- Gap-Tallard\n- Vallée de la Durance" + CONTACT)
    row = only(text)
    assert row["stated"] == 4
    assert row["stated"] == row["listed"] or "may be one name holding a ';'" in row["doubt"]


@pytest.mark.parametrize("intro, mention", [
    ("Le Grand Est compte neuf territoires d'industrie, plus un interrégional :",
     "neuf territoires d'industrie, plus un interrégional"),
    ("Le Grand Est compte huit territoires d'industrie, auxquels s'ajoutent deux territoires interrégionaux :",
     "huit territoires d'industrie, auxquels s'ajoutent deux territoires"),
    ("Le Grand Est compte huit territoires d'industrie régionaux et deux interrégionaux :",
     "huit territoires d'industrie régionaux et deux interrégionaux"),
])
def test_a_count_with_others_its_intro_adds_sizes_the_list_with_their_sum(intro, mention):
    items = ["Alsace centrale", "Sud Alsace", "Moselle Est", "Nord Lorraine", "Val de Lorraine",
             "Terres de Lorraine", "Déodatie", "Nord Est Ardennes", "Troyes – Bar-sur-Aube", "Langres – Chaumont"]
    text = ("Strasbourg, le 23 novembre 2018\n\n" + intro + "\n\n" + "\n".join(f"- {item}" for item in items)
            + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"], row["mention"]) == (10, 10, None, mention)
    assert text[row["start"]:row["end"]] == mention
    # others that do not make up the list's length leave the difference in doubt
    row = only(text.replace("- Langres – Chaumont\n", "- Langres – Chaumont\n- Nord Haute-Marne\n"))
    assert row["stated"] != row["listed"] and "its intro adds other territories" in row["doubt"]


def test_a_number_of_other_things_after_the_count_adds_no_territories():
    text = ("Épinal, le 8 décembre 2023\n\nLes Vosges comptent trois territoires d'industrie et deux projets "
            "de friches retenus :\n\n- Épinal – Vosges centrales\n- Plaine des Vosges\n- Gérardmer\n- Déodatie" + CONTACT)
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 4, None)


def test_an_intro_saying_how_the_counted_territories_are_spread_refers_back_to_the_count():
    text = ("Orléans, le 20 novembre 2023\n\nPour 2023-2027, {} territoires sont labellisés en Centre-Val "
            "de Loire. Ils se répartissent ainsi :\n\n• Indre\n    o Châteauroux – Buzançais – Argenton\n"
            "    o Issoudun\n• Cher\n    o Berry-Sologne" + CONTACT)
    row = only(text.format("trois"))
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 3, None)
    row = only(text.format("quatre"))
    assert (row["stated"], row["listed"], row["doubt"]) == (4, 3, None)


NOUVELLE_AQUITAINE_2019 = ("Grand Angoulême / Grand Cognac / Rouillacais / La Rochefoucauld – Porte du Périgord ; "
                           "Rochefort, Royan, Marennes-Oléron ; Bassin de Brive – Périgord ; Sud et Ouest Creuse ; "
                           "Interdépartemental Dordogne / Haute-Vienne ; Grand Libournais ; Adour Landes Océanes ; "
                           "Val de Garonne ; Pays Basque ; Lacq – Pau – Tarbes ; Niortais – Haut Val de Sèvre ; "
                           "Grand Châtellerault ; Nord Poitou et Limoges Métropole – ELAN.")


def test_a_closing_et_in_a_list_on_one_line_may_part_two_names_of_a_count_one_more():
    text = ("Bordeaux, le 4 mars 2019\n\nQuatorze Territoires d'industrie en Nouvelle-Aquitaine\n\n"
            "Les {} territoires de la région retenus sont : " + NOUVELLE_AQUITAINE_2019 + CONTACT)
    # the count asks for the closing "et" to part the last item: fourteen names, that "et" in no
    # doubt (gate35 c06; the list was read as thirteen, the "et" in doubt)
    row = only(text.format("quatorze"))
    assert (row["stated"], row["listed"]) == (14, 14)
    assert row["doubt"] is None or "'et'" not in row["doubt"]
    # two more than the list: no reading of one "et" reaches it, a certain difference
    rows = [row for row in counts(text.format("quinze")) if row["stated"] == 15]
    assert all(row["doubt"] is None or "'et'" not in row["doubt"] for row in rows), rows


def test_a_lone_head_sharing_the_next_names_complement_is_no_name_of_its_own():
    """'Sud et Ouest Creuse': 'Sud' alone names nothing, so splitting at that 'et' is no reading of
    the list: a count one more than its names is certain, not in doubt (probes76_gate g14)."""
    text = ("Limoges, le 14 février 2020\n\nLa Région a signé les contrats des {} territoires suivants : "
            "Grand Châtellerault, Sud et Ouest Creuse, Nord Poitou, Pays Basque, Val de Garonne." + CONTACT)
    row = only(text.format("cinq"))
    assert (row["stated"], row["listed"]) == (5, 5)
    row = only(text.format("six"))
    assert (row["stated"], row["listed"], row["doubt"]) == (6, 5, None)
    # guard: a lone head first after the colon is still no name; a word with its own complement is one
    row = only(text.replace("Grand Châtellerault, Sud et Ouest Creuse", "Sud et Ouest Creuse, Grand Châtellerault")
               .format("six"))
    assert (row["stated"], row["listed"], row["doubt"]) == (6, 5, None)


TARN_TAKEN_UP = ("Albi, le 25 novembre 2023\n\nLe département voit {} territoires labellisés pour la deuxième "
                 "phase du programme :\n\n• Albigeois\n• Hautes Terres d'Oc\n\n(Photo : un atelier de mécanique "
                 "près de Carmaux.)\n\n• Castres-Mazamet\n• Carmausin-Ségala" + CONTACT)


def test_a_list_taken_up_after_a_caption_is_counted_whole_when_its_count_covers_both_parts():
    text = TARN_TAKEN_UP.format("quatre")
    result = extract(text, next(nlp.parse([text])))
    assert [t["name"] for t in result.territories] == ["Albigeois", "Hautes Terres d'Oc", "Castres-Mazamet",
                                                       "Carmausin-Ségala"]
    row = only(text)
    assert (row["stated"], row["listed"], row["rule"]) == (4, 4, "stated_count.resumed_list")


def test_a_list_taken_up_after_a_paragraph_but_not_read_leaves_a_larger_count_in_doubt():
    """Five for two read, the same marker going on after a caption with two items no rule read:
    the list may go on there, so the difference proves nothing (gate36 c07 was rejected)."""
    text = TARN_TAKEN_UP.format("cinq")
    result = extract(text, next(nlp.parse([text])))
    assert [t["name"] for t in result.territories] == ["Albigeois", "Hautes Terres d'Oc"]
    row = only(text)
    assert (row["stated"], row["listed"]) == (5, 2)
    assert "takes it up after a paragraph, its items not read as territories" in row["doubt"]


def test_a_corrected_count_after_en_realite_sizes_its_list():
    """'Ils sont en réalité trois (et non quatre) à l'avoir installé :' counts what the pronoun
    stands for: three over two names contradicts the text, over three it holds."""
    intro = ("Publié le 30 novembre 2018\n\nNous indiquions que quatre territoires d'industrie du Calvados et de "
             "l'Orne avaient installé leur comité de projet. Ils sont en réalité trois (et non quatre) à "
             "l'avoir installé à ce jour :\n\n• Caen Industrie (14)\n• Pays de l'Aigle (61)\n")
    row = only(intro + "\nNous prions nos lecteurs de nous excuser.")
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 2, None)
    row = only(intro + "• Lisieux Industrie (14)\n\nNous prions nos lecteurs de nous excuser.")
    assert (row["stated"], row["listed"]) == (3, 3)


@pytest.mark.parametrize("bracket, listed", [
    ("(Perche Industrie, Pays de Dreux et Sud Eure-et-Loir)", 3),
    # a word giving only some of them, a piece that is no name, places: no list
    ("(Perche Industrie, Pays de Dreux, etc.)", None),
    ("(Perche Industrie, Pays de Dreux et notamment Sud Eure-et-Loir)", None),
    ("(Eure-et-Loir, Loiret et Indre)", None),
])
def test_fewer_names_than_the_count_in_its_brackets_are_its_list_only_when_nothing_else_is_there(bracket, listed):
    text = (f"Publié le 24 novembre 2023\n\nDans l'Eure-et-Loir, quatre territoires sont labellisés {bracket}.\n\n"
            "Les comités de projet se réuniront en janvier.")
    rows = counts(text)
    assert [(r["stated"], r["listed"], r["doubt"]) for r in rows] == ([(4, listed, None)] if listed else [])


THEIR_PLANS = "Leurs équipes ont présenté leurs plans d'actions 2023-2027 :"


@pytest.mark.parametrize("whole, intro, stated", [
    ("les deux territoires d'industrie de la Haute-Saône", THEIR_PLANS, 2),
    # more than the whole contradicts it; as many or fewer may be all or a part of it: no row
    ("les trois territoires d'industrie de la Haute-Saône", THEIR_PLANS, None),
    ("les quatre territoires d'industrie de la Haute-Saône", THEIR_PLANS, None),
    # not the whole set: an indefinite count, others joined to the counted ones, new ones only
    ("deux territoires d'industrie de la Haute-Saône", THEIR_PLANS, None),
    ("les deux territoires d'industrie de la Haute-Saône et leurs voisins", THEIR_PLANS, None),
    ("les deux territoires d'industrie de la Haute-Saône, avec d'autres", THEIR_PLANS, None),
    ("les deux nouveaux territoires d'industrie de la Haute-Saône", THEIR_PLANS, None),
    # an intro that does not speak of the counted ones: its list may be others
    ("les deux territoires d'industrie de la Haute-Saône", "Étaient aussi présentés les plans d'actions :", None),
])
def test_a_whole_count_in_the_sentence_before_bounds_a_list_its_intro_does_not_tie(whole, intro, stated):
    """'Rencontre des trois Territoires d'industrie du Morbihan.' then 'Les équipes se réunissent
    pour partager leurs plans :' over four of them: the intro neither counts nor points back, so the
    list may be a part of the whole before it, but never more than it (stated_count.whole_before)."""
    text = (f"Vesoul, le 8 mars 2024\n\nLe Département a accueilli hier {whole}. {intro}\n- Vesoul ;\n"
            "- Lure – Luxeuil ;\n- Gray.\n\nLes entreprises peuvent contacter le service du développement économique.")
    rows = counts(text)
    assert [(r["stated"], r["listed"], r["rule"], r["doubt"]) for r in rows] == (
        [(stated, 3, "stated_count.whole_before", None)] if stated else [])


def test_a_count_below_the_comma_pieces_of_a_list_in_a_sentence_stays_in_doubt():
    """A name may hold commas ("Trois vallées de Bruyères, Gérardmer et Saint-Dié-des-Vosges"): a
    count smaller than the pieces the commas part proves nothing, however the pieces were read."""
    vosges = only("Trois territoires d'industrie vosgiens reconduits\n\n23 novembre 2023\n\nLes trois "
                  "territoires vosgiens retenus pour 2023-2027 sont : Plaine des Vosges, Epinal-Rambervillers, "
                  "Trois vallées de Bruyères, Gérardmer et Saint-Dié-des-Vosges." + CONTACT)
    assert vosges["stated"] == 3 and "written in a sentence" in vosges["doubt"]
    club = only("Club des industriels – 24 novembre 2023\n\nTerritoires d'industrie : le club aux comités\n\n"
                "Pour la période 2023-2027, le club représentera ses adhérents dans les comités de projet des "
                "trois territoires ci-dessous : Alès, Pont du Gard/Gard Rhodanien, Béziers-Sète, Grand Narbonne."
                + CONTACT)
    assert (club["stated"], club["listed"]) == (3, 4) and "written in a sentence" in club["doubt"]


def test_a_list_in_a_sentence_parted_by_semicolons_alone_is_read_whatever_its_count():
    """A name holds no ';': "les trois territoires suivants : A ; B ; C ; D" names four, and the
    count differs for certain (the gate rejects it); a part holding a comma or "et" may be one name
    or two, so such a list stays sized by its count."""
    text = ("Agence régionale de développement – Actualités\n\n1er décembre 2023\n\nQuatre plans d'actions\n\n"
            "Nos chargés d'affaires accompagnent pour 2023-2027 les trois territoires d'industrie suivants : "
            "Ariège ; Nord Lozère ; Pyrénées-Orientales ; Comminges-Nestes." + CONTACT)
    extraction = extract(text, next(nlp.parse([text])))
    assert [t["name"] for t in extraction.territories] == [
        "Ariège", "Nord Lozère", "Pyrénées-Orientales", "Comminges-Nestes"]
    row = only(text)
    assert (row["stated"], row["listed"], row["doubt"]) == (3, 4, None)
    from types import SimpleNamespace

    from pipeline.extract.territories.lists import _named_between_semicolons
    start, end = text.index("Ariège"), text.index("Comminges-Nestes.") + len("Comminges-Nestes")
    names = [SimpleNamespace(start=text.index(n), end=text.index(n) + len(n))
             for n in ("Ariège", "Nord Lozère", "Pyrénées-Orientales", "Comminges-Nestes")]
    assert _named_between_semicolons(text, start, end, names)
    joined = text.replace("Nord Lozère ;", "Nord Lozère et")  # a part holding "et": one name or two
    assert not _named_between_semicolons(joined, start, end + 1,
                                         [SimpleNamespace(start=joined.index(n), end=joined.index(n) + len(n))
                                          for n in ("Ariège", "Nord Lozère", "Comminges-Nestes")])


def test_a_list_in_a_sentence_of_names_each_in_its_quotes_is_read_whatever_its_count():
    """A quote holds one name: "trois territoires ci-dessous : « A », « B », « C » et « D »" names
    four (two quotes are never joined to reach the count) and the count differs for certain; a
    quote holding commas and "et" is still one name, and as many quotes as the count agree."""
    text = ("Club des industriels – 24 novembre 2023\n\nTerritoires d'industrie : le club aux comités\n\n"
            "Pour la période 2023-2027, le club représentera ses adhérents dans les comités de projet des "
            "trois territoires ci-dessous : « Alès », « Pont du Gard/Gard Rhodanien », « Béziers-Sète » et "
            "« Grand Narbonne »." + CONTACT)
    extraction = extract(text, next(nlp.parse([text])))
    assert [t["name"] for t in extraction.territories] == [
        "Alès", "Pont du Gard/Gard Rhodanien", "Béziers-Sète", "Grand Narbonne"]
    assert (only(text)["stated"], only(text)["listed"], only(text)["doubt"]) == (3, 4, None)
    vosges = only("Trois territoires d'industrie vosgiens\n\n23 novembre 2023\n\nLes trois territoires vosgiens "
                  "retenus pour 2023-2027 sont : « Plaine des Vosges », « Epinal-Rambervillers » et « Trois "
                  "vallées de Bruyères, Gérardmer et Saint-Dié-des-Vosges »." + CONTACT)
    assert (vosges["stated"], vosges["listed"]) == (3, 3)


@pytest.mark.parametrize("title", ["Territoires d'industrie : vos contacts pour 2023-2027",
                                   "Le club aux comités de projet"])
def test_a_bare_count_of_territories_before_ci_dessous_sizes_its_list_whatever_the_title(title):
    """"des trois territoires ci-dessous : A, B, C" counts the programme's territories the sentence
    lists, whether or not the title, glued to the sentence or not, names the programme; and a place
    inside one listed name (the Gard in "Pont du Gard/Gard Rhodanien") is no home of the count when
    the others are unplaced: the count is the région's of the issuer."""
    text = (f"Club des industriels d'Occitanie – La lettre du mois\n\nPublié le 24 novembre 2023\n\n{title}\n\n"
            "Pour la période 2023-2027, le club représentera ses adhérents dans les comités de projet des "
            "trois territoires ci-dessous : Alès, Pont du Gard/Gard Rhodanien, Béziers-Sète, Grand Narbonne.")
    row = only(text)
    assert (row["stated"], row["listed"], row["mention"]) == (3, 4, "trois territoires")
    assert (row["scope_code"], row["scope_name"]) == ("76", "Occitanie")
    figure = extract(text, next(nlp.parse([text]))).figures
    assert [(f["value"], f["unit"], f["scope_code"]) for f in figure] == [(3.0, "territoire", "76")]


def test_a_bare_count_before_the_names_of_two_places_is_no_list_announced():
    """"les deux territoires sont complémentaires : …" names places the text spoke of: no word
    announcing a list stands between the count and the colon."""
    text = ("Communauté de communes – 3 octobre 2023\n\nUn atelier commun\n\nLes deux territoires sont "
            "complémentaires : l'un fabrique, l'autre assemble.")
    assert [f for f in extract(text, next(nlp.parse([text]))).figures if f["unit"] == "territoire"] == []
