"""Each EPCI attached to its territory, whatever the layout (pipeline/extract/membership.py)."""

import pytest

from pipeline import nlp
from pipeline.extract.assemble import extract


def members(text):
    """{(territory_id, SIREN)} of the epcis rows of a text; SIRENs of rows without territory
    under None."""
    rows = extract(text, next(nlp.parse([text]))).epcis
    return {(row["territory_id"], row["siren"]) for row in rows}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Les territoires labellisés dans la Manche :\n\n"
                 "• Nord-Cotentin (50) : CA du Cotentin et CC de la Baie du Cotentin\n"
                 "• Sud-Manche (50) : Mont-Saint-Michel-Normandie et Villedieu Intercom\n",
                 {("nord-cotentin", "200067205"), ("nord-cotentin", "200042729"),
                  ("sud-manche", "200069425"), ("sud-manche", "200043354")}, id="territory : A et B"),
    pytest.param("Le 14 novembre 2023, le territoire d'industrie Seine Aval a été labellisé. "
                 "Il réunit la Communauté urbaine Grand Paris Seine & Oise et la communauté de "
                 "communes Gally Mauldre.",
                 {("seine-aval", "200059889"), ("seine-aval", "200034130")}, id="the sentence after"),
    pytest.param("Liste des territoires d'industrie en Mayenne :\n\n-Mont des Avaloirs\n\n"
                 "-Mayenne Communauté\n\n-Laval Agglomération\n",
                 {("mayenne-communaute", "200055887"), ("laval-agglomeration", "200083392")},
                 id="a territory that is one EPCI"),
    pytest.param("Le 10 novembre 2023, la préfète salue le territoire d'industrie Sud Champagne, "
                 "autour de la communauté d'agglomération de Troyes Champagne Métropole.",
                 {("sud-champagne", "200069250")}, id="autour de"),
    pytest.param("Labellisé en 2023, le Pays Ajaccien poursuit son action. La Communauté "
                 "d'agglomération du Pays Ajaccien accompagne les industriels.",
                 {("pays-ajaccien", "242010056")}, id="territory named after its EPCI"),
])
def test_members_are_attached_to_their_territory(text, expected):
    assert members(text) == expected


def test_the_subject_acting_on_the_programme_of_the_territory_named_after_it_is_a_member():
    """"A, associée à B, a dressé le bilan du dispositif sur le territoire du X": the bodies
    carrying it (PATTERNS.md, g56members)."""
    title = "Territoire d'industrie : le Pays de Fougères fait le point\n\n"
    text = (title + "Au terme de la première phase du programme, Fougères Agglomération, associée à la "
            "communauté de communes Couesnon Marches de Bretagne, a dressé le bilan du dispositif "
            "sur le territoire du Pays de Fougères.")
    assert members(text) == {("pays-de-fougeres", "200072452"), ("pays-de-fougeres", "200070688")}


def test_an_office_is_not_a_membership():
    text = ("Le territoire d'industrie Soissonnais et Valois a été labellisé en 2023. "
            "Le président de GrandSoissons Agglomération a salué la décision.")
    assert members(text) == set()


def test_a_label_participle_before_the_territory_named_takes_no_members_back():
    """"Retenu pour la seconde phase, le territoire réunit :" points back to the territory named
    before (PATTERNS.md, g83fix); a territory named in its own sentence, or left unnamed, still
    answers first."""
    named = ("Le territoire d'industrie Sud Champagne a signé son contrat en 2020. Retenu pour la seconde "
             "phase, le territoire Nord-Ouest Aube réunit la CC du Nogentais et la CC de l'Orvin et de l'Ardusson.")
    assert members(named) == {("nord-ouest-aube", "200006716"), ("nord-ouest-aube", "241000488")}
    unnamed = ("Le territoire du Grand Libournais a été reconduit en 2023. Retenu lui aussi en 2023, "
               "le territoire regroupant Bordeaux Métropole et la COBAN est nouveau.")
    assert members(unnamed) == set()


def test_a_territory_named_before_the_places_it_stretches_across_keeps_its_members():
    """"qui déborde de la Somme sur la Seine-Maritime, réunit": places crossed, no territory
    (PATTERNS.md, g83fix); the territory named before the stretch keeps the members."""
    text = ("Aube — Industrie\n\nLe territoire d'industrie Nord-Ouest Aube, qui va de Nogent-sur-Seine à "
            "Romilly-sur-Seine, réunit la CC du Nogentais, la CC des Portes de Romilly-sur-Seine et la CC de "
            "l'Orvin et de l'Ardusson.")
    assert members(text) == {("nord-ouest-aube", "200006716"), ("nord-ouest-aube", "200000545"),
                             ("nord-ouest-aube", "241000488")}


def test_the_members_of_an_unnamed_first_are_not_the_named_seconds():
    """"Le premier réunit A et B. … Le second, dit « X », …": A and B are the first's, a territory
    the text designates by them (tests/gold/README.md: named as the text joins them), never X's
    (PATTERNS.md, g83fix, g84gaps; the guard fixture g83fix_quotidien_aube_premier_second_dits_guard
    names both)."""
    text = ("Territoires d'industrie : deux contrats signés dans l'Aube\n\nLe préfet a signé mardi les "
            "contrats « Territoires d'industrie » de deux territoires aubois.\n\nLe premier réunit la "
            "communauté de communes du Nogentais et celle des Portes de Romilly-sur-Seine, le long de la "
            "Seine. Ses industriels misent sur le textile.\n\nLe second, dit « Sud Champagne », est centré "
            "sur Troyes. Il s'appuie sur la communauté d'agglomération Troyes Champagne Métropole.")
    first = "nogentais-et-portes-de-romilly-sur-seine"
    assert members(text) == {(first, "200006716"), (first, "200000545"), ("sud-champagne", "200069250")}
    # the ordinals pick from no count of territories: no territory, the members stay without one
    firms = text.replace("de deux territoires aubois", "de deux entreprises auboises")
    assert members(firms) == {(None, "200006716"), (None, "200000545"), (None, "200069250")}


def test_the_members_of_an_unnamed_territory_beside_named_ones_belong_to_none():
    text = ("Le territoire du Grand Libournais a été reconduit en 2023. Le territoire regroupant "
            "Bordeaux Métropole et la COBAN vient d'être labellisé.")
    assert members(text) == set()


def test_without_any_territory_members_stay_with_a_null_territory():
    text = ("Le 2 décembre 2019, la communauté de communes du Plateau de Lannemezan et la "
            "communauté de communes Neste Barousse ont signé leur contrat de territoire d'industrie.")
    assert members(text) == {(None, "200070787"), (None, "200070829")}


def test_territory_departements_and_regions_come_from_linked_members():
    text = ("Le 9 novembre 2023, le territoire d'industrie Cœur de Maine a été labellisé. Il réunit "
            "la communauté de communes des Coëvrons et LBN Communauté.")
    extraction = extract(text, next(nlp.parse([text])))
    territory = next(row for row in extraction.territories if row["territory_id"] == "coeur-de-maine")
    assert (territory["departement_codes"], territory["region_codes"]) == (["53", "72"], ["52"])


def test_a_merged_member_keeps_its_siren_then_and_gives_its_successor():
    text = ("Bourges, le 13 décembre 2018 – Le territoire d'industrie Bourges-Vierzon regroupe "
            "la CA Bourges Plus et les communautés de communes Vierzon-Sologne-Berry et Cœur de Berry.")
    rows = extract(text, next(nlp.parse([text]))).epcis
    merged = next(row for row in rows if row["siren"] == "200033207")
    assert (merged["territory_id"], merged["successor_siren"]) == ("bourges-vierzon", "200090561")


def test_an_epci_labelled_in_its_own_clause_is_not_a_member_of_the_territory_named_before():
    text = ("Le 17 novembre 2023, le territoire Val de Garonne a été reconduit, et Bordeaux "
            "Métropole entre dans le programme avec la COBAN.")
    assert members(text) == set()


def test_a_territory_designated_by_its_intercommunality_keeps_it_as_member():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Le programme « Territoires d'industrie » bénéficie à 141 territoires, dont les communautés "
            "d'agglomération de Bastia et du Pays Ajaccien.\n")
    rows = extract(text, next(nlp.parse([text])))
    assert {row["name"]: row["departement_codes"] for row in rows.territories} == {
        "Bastia": ["2B"], "Pays Ajaccien": ["2A"]}
    assert {row["territory_id"] for row in rows.epcis} == {"bastia", "pays-ajaccien"}
    # a piece of an EPCI's name is no territory row
    text = ("Philippe Duprieu, président de la Communauté d'Agglomération Territoires Vendômois, a ouvert "
            "le comité du Territoire d'industrie de la Vallée du Loir.\n")
    assert [row["name"] for row in extract(text, next(nlp.parse([text]))).territories] == ["Vallée du Loir"]


def test_a_departement_word_in_a_name_that_no_member_lies_in_is_a_river():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Le territoire d'industrie « Rhône Provence Industrie » regroupe la communauté d'agglomération "
            "Montélimar Agglomération et la communauté de communes Ardèche Rhône Coiron.\n")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert [(row["name"], row["departement_codes"]) for row in rows] == [("Rhône Provence Industrie", ["07", "26"])]


def test_names_in_a_member_list_that_some_member_does_not_designate_are_members_not_territories():
    """"il est composé de 3 EPCI (Vienne Condrieu Agglomération, la communauté de communes de La
    Vallée du Garon, …)": a territory rule reading "Vallée du Garon" as a territory is overruled,
    since the list holds a member (Vienne Condrieu Agglomération) that is no territory's name."""
    from pipeline.extract.membership import territories_kept
    from pipeline.extract.members import find_epcis
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import TerritoryMention
    from pipeline.linking import DocumentLinker
    text = ("Il est composé de 3 EPCI (Vienne Condrieu Agglomération, la communauté de communes de "
            "La Vallée du Garon, la communauté de communes du Pays Mornantais).")
    epcis = find_epcis(text, DocumentLinker(frozenset({"38", "69"})), parse(text), [])
    assert len(epcis) == 3 and all(m.in_member_list for m in epcis)
    pieces = [TerritoryMention(text.find(name), text.find(name) + len(name), name, "territory.colon_list")
              for name in ("Vallée du Garon", "Pays Mornantais")]
    assert territories_kept(epcis, pieces, text) == []


def test_an_epci_the_territory_goes_by_names_it_for_the_members_after_it():
    text = ("Le Territoire d’industrie qui concerne Le Grésivaudan regroupe le Pays Voironnais et "
            "la communauté de communes Coeur de Chartreuse. Le Grésivaudan est labellisé Territoire "
            "d'industrie depuis novembre 2018.")
    assert {("gresivaudan", "243800984"), ("gresivaudan", "200040111")} <= members(text)


def test_an_epci_in_an_enumeration_of_territories_is_not_a_member_of_the_one_before():
    """The territory rules may stop early in a long enumeration; an EPCI named further on is an
    item of it (a territory they missed), not a member of the last territory they found."""
    from pipeline.extract.members import find_epcis
    from pipeline.extract.membership import attach
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import TerritoryMention
    from pipeline.linking import DocumentLinker
    text = ("Le dispositif concerne les territoires suivants : Adour Landes Océanes, Grand Angoulême, "
            "Limoges Métropole, Nord Poitou.")
    epcis = find_epcis(text, DocumentLinker(frozenset({"87"})), parse(text), [])
    found = [TerritoryMention(text.find(name), text.find(name) + len(name), name, "territory.enumeration")
             for name in ("Adour Landes Océanes", "Grand Angoulême")]
    attached = attach(epcis, found, text, [(0, len(text))], parse(text))
    assert [(m.link.siren, territory) for m, territory in attached if m.link.siren == "248719312"] == []


def test_epcis_of_the_committees_chairs_are_no_members():
    """"Il est co-présidé par : A, président de la CC X ; …": people, each given by the body they
    preside; an official's body is no member (tests/gold/README.md)."""
    text = ("Un comité local valide les projets menés sur le territoire d'industrie Lacq-Pau-Tarbes. "
            "Il est co-présidé par : Patrice Laurent, président de la Communauté de communes de "
            "Lacq-Orthez ; Gérard Trémège, président de la Communauté d'agglomération "
            "Tarbes-Lourdes-Pyrénées.")
    assert members(text) == set()


def test_a_sentence_ending_with_a_colon_is_no_territory_label():
    """"Le Lunévillois rejoint ainsi les territoires sélectionnés fin 2018 : Nord Lorraine et Val
    et Terres de Lorraine qui comprend …": the members are Val et Terres de Lorraine's."""
    text = ("Le Pays du Lunévillois a été labellisé Territoire d'industrie en novembre 2023.\n\n"
            "Le Lunévillois rejoint ainsi les territoires meurthe-et-mosellans sélectionnés fin 2018 : "
            "Nord Lorraine et Val et Terres de Lorraine qui comprend les communautés de communes du "
            "Bassin de Pompey et de Moselle et Madon.\n")
    found = members(text)
    assert ("val-et-terres-de-lorraine", "245400601") in found
    assert not any(territory and "lunevillois" in territory for territory, _ in found)


def test_a_territory_in_the_paragraph_before_is_not_in_the_epcis_sentence():
    """The parser may run a sentence over a line break after "»."; the paragraph after speaks of
    another territory, which the territory rules miss."""
    from pipeline.extract.members import find_epcis
    from pipeline.extract.membership import attach
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import TerritoryMention
    from pipeline.linking import DocumentLinker
    text = ("Les communautés de communes se sont rassemblées pour former le « Territoire d'industrie "
            "Ouest Saône et Loire ».\nLe 2 novembre, Dijon Métropole annonçait avoir rejoint le quatuor.")
    epcis = [m for m in find_epcis(text, DocumentLinker(frozenset({"21"})), parse(text), [])
             if m.link.siren == "242100410"]
    name = "Ouest Saône et Loire"
    territory = TerritoryMention(text.find(name), text.find(name) + len(name), name, "territory.prefixed_name")
    attached = attach(epcis, [territory], text, [(0, len(text))], parse(text))
    assert epcis and [t for _, t in attached] == []


def test_a_name_cut_by_the_sentence_splitter_keeps_its_sentence():
    # the senter cuts "… tandis que Lisieux | Industrie s'appuie …"; the EPCI after it is Lisieux's
    text = ("Dans le Calvados, Caen Industrie correspond au périmètre de Caen la mer, tandis que Lisieux "
            "Industrie s'appuie sur l'agglomération Lisieux Normandie.")
    assert members(text) == {("caen-industrie", "200065597"), ("lisieux-industrie", "200069532")}


def test_the_epci_column_of_a_table_lists_the_members_of_its_row():
    text = ("Liste des Territoires d'industrie et des EPCI concernés\n\n"
            "Territoire d'industrie | EPCI | SIREN de l'EPCI | Département\n"
            "Nord Cotentin | CA du Cotentin | 200067205 | Manche\n"
            "Comminges - Nestes | CC Neste Barousse | 200070829 | Hautes-Pyrénées\n")
    assert members(text) == {("nord-cotentin", "200067205"), ("comminges-nestes", "200070829")}


def test_the_epcis_signing_a_territorys_agreement_are_its_members():
    """A protocol's parties ("ENTRE … La Communauté d'Agglomération X représentée par …"): in a
    document about one territory, the EPCIs among them are its members; the State, the Région
    and other bodies are no rows."""
    text = ("PROTOCOLE D'ENGAGEMENT\n\nTERRITOIRE D'INDUSTRIE AVIGNON-SORGUES-CAVAILLON-VENTOUX\n\n"
            "ENTRE\n\nL'Etat, représenté par le préfet de Vaucluse ; La Communauté d'Agglomération "
            "du Grand Avignon représentée par son président, dûment habilité à cet effet ; La "
            "Communauté de Communes Les Sorgues du Comtat représentée par son président, dûment "
            "habilité à cet effet ; Bpifrance représentée par son directeur régional.\n")
    found = members(text)
    assert {siren for _, siren in found} == {"248400251", "248400293"}
    assert {territory for territory, _ in found} == {"avignon-sorgues-cavaillon-ventoux"}


def test_a_list_of_epcis_under_departement_headings_lists_the_one_territorys_members():
    text = ("« Rhône Provence Industrie » vient d'être retenu comme territoire d'industrie. "
            "Quatre intercommunalités de la Drôme et de l'Ardèche portent la candidature.\n"
            "Pour la Drôme :\n• Montélimar Agglomération,\n• La Communauté de communes Drôme Sud "
            "Provence,\nPour l'Ardèche :\n• La Communauté de communes DRAGA\n"
            "• La Communauté de communes Ardèche Rhône Coiron\n")
    assert members(text) == {("rhone-provence-industrie", siren) for siren in
                             ("200040459", "200042901", "240700864", "200071405")}


def test_an_epci_that_is_a_member_of_the_territory_named_after_it():
    text = ("Depuis 2018, la Communauté de communes Ambert Livradois Forez, qui est membre du "
            "Territoire d'industrie Lezoux – Thiers – Ambert – Montbrison, accompagne ses "
            "industriels.")
    assert members(text) == {("lezoux-thiers-ambert-montbrison", "200070761")}


def test_the_own_epci_of_a_town_is_no_member_of_the_one_territory():
    """A town's own intercommunality, named with its legal form in a document about one
    territory, is not one of the territory's members."""
    text = ("Rassemblant cinq intercommunalités, le Territoire d'industrie Nevers Val de Loire "
            "accueille une commune de plus.\n\nRattachée à la communauté de communes Bazois Loire "
            "Morvan, qui couvre le sud-est de la Nièvre, la commune de Cercy-la-Tour rejoint le "
            "dispositif.\n")
    assert ("nevers-val-de-loire", "200067882") not in members(text)


def test_subjects_of_a_verb_of_membership_with_their_departement_between():
    text = ("Le Territoire d'industrie Cœur de Maine a été labellisé pour 2023-2027. La communauté de "
            "communes des Coëvrons, en Mayenne, et Loué-Brûlon-Noyen Communauté, en Sarthe (LBN), "
            "se sont unies pour défendre l'emploi industriel.")
    assert members(text) == {("coeur-de-maine", "200033298"), ("coeur-de-maine", "200040475")}


def test_a_territory_enlarged_and_renamed_names_the_newcomer_alone():
    """"L'élargissement avec l'entrée de A … avec un nouveau nom, Y": the text names A for Y (two
    collectors' gold, real21 and real23); the former members stay the former territory's."""
    text = ("Le Territoire d'industrie Haut-Doubs Horloger s'étendait sur 5 Communautés de Communes "
            "(Val de Morteau, Plateau du Russey, Pays de Maîche, Portes du Haut-Doubs, Loue Lison).\n\n"
            "L'élargissement avec l'entrée de Grand Besançon Métropole associe l'université. Ce "
            "nouveau Territoire d'industrie entre dans la phase 2023-2027 avec un nouveau nom, "
            "Alliances Luxe & Précision Doubs.")
    first = {"242504116", "242504355", "200023075", "242504181", "200068070"}
    assert members(text) == ({("haut-doubs-horloger", siren) for siren in first}
                             | {("alliances-luxe-et-precision-doubs", "242500361")})


def test_a_newcomer_said_to_join_the_former_members_makes_one_territory_with_them():
    """"Dijon Métropole a rejoint ces quatre intercommunalités. Le territoire élargi a été baptisé
    « Bourgogne Industrie »": the former members are the renamed territory's too."""
    text = ("Le Territoire d'industrie Ouest Saône-et-Loire réunissait la communauté urbaine Creusot "
            "Montceau et la communauté de communes Le Grand Charolais.\n\nPour la nouvelle phase, "
            "Dijon Métropole a rejoint ces deux intercommunalités. Le territoire élargi a été baptisé "
            "« Bourgogne Industrie ».")
    former = {"247100290", "200071884"}
    assert members(text) == ({("ouest-saone-et-loire", siren) for siren in former}
                             | {("bourgogne-industrie", siren) for siren in former | {"242100410"}})


def test_a_territory_born_of_members_named_before_another_is_not_its_successor():
    """"A et B s'étaient rassemblées pour donner naissance au Territoire X" after a title naming
    Y: X is named, not renamed, and Y does not take X's members."""
    text = ("Bourgogne Industrie, un nouveau territoire\n\nLe 25 février 2021, la communauté de "
            "communes du Grand Autunois Morvan et la communauté de communes Le Grand Charolais se "
            "sont rassemblées pour donner naissance au « Territoire d'industrie Ouest "
            "Saône-et-Loire ».")
    assert all(territory != "bourgogne-industrie" for territory, _ in members(text))


def test_the_epcis_carrying_the_candidature_of_the_one_territory_are_its_members():
    """"les territoires de la CU X, de la CC Y … ont porté ensemble une candidature": the areas
    of the EPCIs, not other territories; the territory is named in the next sentence."""
    text = ("Fin 2023, les territoires de la Communauté urbaine de Dunkerque et de la Communauté de "
            "Communes des Hauts de Flandre ont porté ensemble une candidature au programme. Elle a "
            "donné naissance au nouveau Territoire d'industrie « Aa – Dunkerque – Flandre ».")
    assert members(text) == {("aa-dunkerque-flandre", "245900428"), ("aa-dunkerque-flandre", "200040954")}


def test_the_cohesion_des_territoires_is_a_ministrys_name_not_other_territories():
    """A sentence speaking of other territories keeps the one territory's rule 7 from guessing;
    a ministry's name ("la ministre de la cohésion des territoires", in a contract's signing
    sentence naming the members) and the EPCIs' own areas are no other territories."""
    from pipeline.extract.membership import OTHER_TERRITORIES
    assert not OTHER_TERRITORIES.search("en présence de la ministre de la cohésion des territoires")
    assert not OTHER_TERRITORIES.search("les territoires de la Communauté urbaine de Dunkerque")
    assert OTHER_TERRITORIES.search("rejoint les deux territoires de la Drôme")


def test_names_coordinated_after_an_epci_without_legal_form_are_members():
    """"les territoires de l'Agglomération de X, A, le B – qui composent le Territoire
    d'industrie Y": official names coordinated after an EPCI, the run said to compose Y."""
    text = ("Les territoires de l'Agglomération de La Roche-sur-Yon, Vie et Boulogne, le Pays des "
            "Achards – qui composent le Territoire d'industrie Vendée-Centre – se fixent des "
            "objectifs avec l'État et la Région des Pays de la Loire.")
    assert members(text) == {("vendee-centre", "248500589"), ("vendee-centre", "200072882"),
                             ("vendee-centre", "248500530")}


def test_a_town_or_an_everyday_form_coordinated_after_an_epci_is_no_member():
    text = ("Le Territoire d'industrie Vendée-Centre regroupe La Roche-sur-Yon Agglomération. "
            "La Roche-sur-Yon Agglomération et Aizenay ont signé la convention, en Vendée.")
    assert members(text) == {("vendee-centre", "248500589")}


def test_the_bodies_of_presidents_signing_with_the_territorys_epci_are_its_members():
    """"signer le protocole avec les présidents des communautés de communes A, B, C et de la
    communauté d'agglomération X": the signatories' EPCIs, coordinated with the EPCI the
    territory is named after, are its members; no person is a row."""
    text = ("Le 21 mars 2019, la préfète de Lot-et-Garonne est venue à Marmande pour signer le "
            "protocole du Territoire d'industrie Val de Garonne Agglomération avec les présidents "
            "des communautés de communes du Pays de Duras, du Pays de Lauzun, des Coteaux et Landes "
            "de Gascogne et de la communauté d'agglomération Val de Garonne.")
    territory = "val-de-garonne-agglomeration"
    assert members(text) == {(territory, "244700449"), (territory, "244700464"),
                             (territory, "244701355"), (territory, "200030674")}


def test_an_epci_named_as_someones_office_is_no_row_when_no_territory_is_named():
    text = ("« Les problématiques remontent du terrain », souligne la vice-présidente de la "
            "communauté de communes Caux Seine Agglo, membre de la gouvernance du programme.")
    assert members(text) == set()


def test_a_run_of_epcis_in_a_sentence_about_several_territories_shares_no_territory():
    """"Les territoires retenus ont signé leur contrat : Val de Garonne Agglomération, la CC du
    Pays de Duras …" may name as many territories as EPCIs: the run gives its EPCIs nothing."""
    text = ("Le Territoire d'industrie Val de Garonne Agglomération est labellisé. En 2019, les "
            "territoires retenus ont signé leur contrat avec la communauté d'agglomération Val de "
            "Garonne et la communauté de communes du Pays de Duras.")
    assert ("val-de-garonne-agglomeration", "244700449") not in members(text)


def test_a_footnote_lists_the_members_of_the_territory_its_call_stands_by():
    text = ("Le territoire d’industrie Cœur de Flandre - Pays de Saint-Omer couvre 147 communes* et "
            "60 entreprises industrielles. Il mise sur la qualification.\n\n"
            "* Communauté d’agglomération du Pays de Saint-Omer, communauté de communes Flandre Lys "
            "et communauté de communes du Pays de Lumbres.\n")
    territory = "coeur-de-flandre-pays-de-saint-omer"
    assert members(text) == {(territory, "200069037"), (territory, "245900758"), (territory, "246201016")}


def test_an_item_is_a_sentence_and_its_members_may_come_before_its_territory():
    """"• Douaisis Agglo (Hauts-de-France) • Flers Agglo et Intercom … – TI Collines de
    Normandie": the second item's EPCIs belong to the territory after the dash, not to the
    first item's."""
    text = ("Les lauréats de l'appel « Rebond industriel » sont :\n\n"
            "  • Douaisis Agglo (Hauts-de-France)\n"
            "  • Flers Agglo et Intercom de la Vire au Noireau – TI Collines de Normandie (Normandie)\n")
    found = members(text)
    assert ("collines-de-normandie", "200035814") in found
    assert ("collines-de-normandie", "200068799") in found
    assert not any(siren == "200035814" and territory != "collines-de-normandie" for territory, siren in found)


def test_without_any_territory_an_epci_party_to_another_agreement_is_no_row():
    """A text about an agreement on reindustrialisation that names no territory: the EPCI
    written with its legal form is a party to that agreement, not a member of a territory."""
    text = ("La région Hauts-de-France, l'association Intercommunalités de France et la communauté "
            "d'agglomération Béthune-Bruay Artois Lys Romane ont signé, lundi 18 décembre, un accord "
            "pour coordonner leurs actions en matière de réindustrialisation.")
    assert members(text) == set()


@pytest.mark.parametrize("sentence", [
    "Le dispositif a ainsi été étendu à la communauté de communes de Marana-Golo.",
    "La communauté de communes de Marana-Golo vient de rejoindre le dispositif.",
    "La communauté de communes de Marana-Golo vient s'ajouter au dispositif.",
])
def test_in_a_document_about_one_territory_an_epci_it_extends_to_is_a_member(sentence):
    text = ("Retenu en novembre 2020, le territoire d'industrie de Bastia a présenté son bilan.\n\n"
            + sentence + "\n\nLe programme soutient l'attractivité des territoires et des métiers.\n")
    assert members(text) == {("bastia", "200036499")}


@pytest.mark.parametrize("rule, kept", [("territory.topic", True), ("territory.list_item", False)])
def test_the_territory_an_article_is_about_stays_one_when_its_epci_opens_a_member_list(rule, kept):
    """"Creil Sud Oise, l'Aire Cantilienne, … ces collectivités se sont réunies": the article is
    about Creil Sud Oise (its topic), and its EPCI opens the list of members; a name found only
    as a list's item is a member, not a territory."""
    from pipeline.extract.members import find_epcis
    from pipeline.extract.membership import territories_kept
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import TerritoryMention
    from pipeline.linking import DocumentLinker
    text = ("Creil Sud Oise, l'Aire Cantilienne, le Liancourtois et Senlis Sud Oise... ces "
            "collectivités se sont réunies pour bâtir un plan d'actions.")
    epcis = find_epcis(text, DocumentLinker(frozenset({"60"})), parse(text), [])
    territory = TerritoryMention(0, len("Creil Sud Oise"), "Creil Sud Oise", rule)
    assert (territories_kept(epcis, [territory], text) == [territory]) is kept


@pytest.mark.parametrize("text", [
    pytest.param("La communauté d'agglomération du Cotentin et la communauté de communes de la Baie du "
                 "Cotentin, les deux intercommunalités du territoire d'industrie Nord-Cotentin, ont signé "
                 "leur contrat en 2023.", id="apposition"),
    pytest.param("Le territoire d'industrie Nord-Cotentin a été labellisé en 2023. La communauté "
                 "d'agglomération du Cotentin et la communauté de communes de la Baie du Cotentin en sont "
                 "les deux membres.", id="en sont les membres"),
    pytest.param("Le territoire d'industrie Nord-Cotentin a été labellisé en 2023. La communauté "
                 "d'agglomération du Cotentin et la communauté de communes de la Baie du Cotentin y sont "
                 "associées.", id="y sont associées"),
])
def test_members_said_so_after_their_names(text):
    assert members(text) == {("nord-cotentin", "200067205"), ("nord-cotentin", "200042729")}


def test_en_font_partie_after_several_territories_names_none_of_them():
    text = ("Sept territoires sont retenus en Provence-Alpes-Côte d'Azur, dont Gap Tallard et la Vallée "
            "de la Durance. La communauté de communes du Briançonnais et le Sisteronais Buech en font partie.")
    assert not {territory for territory, _ in members(text)} - {None}


def test_the_members_of_a_named_territory_go_to_no_other_one():
    """"Le territoire Collines de Normandie regroupe A et B" after a sentence about Nord-Cotentin:
    whether or not the territory rules keep Collines de Normandie, its members are not
    Nord-Cotentin's."""
    text = ("En 2019, deux territoires d'industrie ont été labellisés en Normandie. Le territoire "
            "Nord-Cotentin regroupe la communauté d'agglomération du Cotentin et la communauté de "
            "communes de la Baie du Cotentin. Le territoire Collines de Normandie regroupe Flers Agglo "
            "et la communauté de communes Intercom de la Vire au Noireau.")
    found = members(text)
    assert {("nord-cotentin", "200067205"), ("nord-cotentin", "200042729")} <= found
    assert not {siren for territory, siren in found if territory == "nord-cotentin"} & {"200035814", "200068799"}


def test_a_bracket_of_members_belongs_to_the_name_right_before_it():
    """"les territoires Nord-Cotentin (A, B) et Collines de Normandie (C, D)": the second
    bracket's members are not Nord-Cotentin's, whether or not Collines de Normandie is found;
    "les quatre intercommunalités de l'arrondissement de Lunéville (CC3M, …)" is no name."""
    text = ("En 2019, les territoires d'industrie Nord-Cotentin (communauté d'agglomération du "
            "Cotentin, communauté de communes de la Baie du Cotentin) et Collines de Normandie (Flers "
            "Agglo, communauté de communes Intercom de la Vire au Noireau) ont été labellisés.")
    found = members(text)
    assert {("nord-cotentin", "200067205"), ("nord-cotentin", "200042729")} <= found
    assert not {siren for territory, siren in found if territory == "nord-cotentin"} & {"200035814", "200068799"}


def test_a_verbless_sentence_describing_the_territory_named_before():
    text = ("Titre sur les Territoires d'industrie\n\nLa candidature a été portée par la Communauté urbaine "
            "Grand Paris Seine & Oise et définie sur le même périmètre, dénommé Seine Aval. Un territoire qui "
            "comprend 2 autres EPCI : la Communauté d'agglomération Saint Germain Boucles de Seine et la "
            "Communauté de communes Gally Mauldre. La gouvernance suit.")
    assert {siren for territory, siren in members(text) if territory == "seine-aval"} == \
        {"200059889", "200058519", "200034130"}
    # with a verb of its own, "un territoire qui réunit A et B" is another territory, left unnamed
    other = ("Titre sur les Territoires d'industrie\n\nLe Pays de Vitré est labellisé. Un territoire qui réunit "
             "la Communauté d'agglomération Saint Germain Boucles de Seine et la Communauté de communes "
             "Gally Mauldre vient aussi d'être labellisé.")
    assert not any(territory == "pays-de-vitre" for territory, _siren in members(other))


@pytest.mark.parametrize("text", [
    "Le contrat du Territoire d'industrie Pays Basque a été signé en présence de Sylvie Durruty, "
    "vice-présidente de la Communauté d'Agglomération Pays Basque.",
    "Le maire d'Alès, président d'Alès agglomération, a signé le contrat du Territoire d'industrie d'Alès.",
])
def test_an_office_in_the_epci_a_territory_is_named_after_makes_it_no_member(text):
    """Annotators list an EPCI named only as an official's body under no territory, even the one
    that bears its name (a bare territory name lists no member by itself)."""
    assert not any(territory for territory, _ in members(text))


def test_a_territory_named_by_the_start_of_its_epcis_name_has_it_as_member():
    """"Gap Tallard" for the "communauté d'agglomération Gap Tallard Durance": people shorten a
    long name from its end; the others of a run that does not say which territory stay out."""
    text = ("Sept territoires ont été retenus : Carros, Gap Tallard et la Vallée de la Durance. "
            "La communauté d'agglomération Gap Tallard Durance et la communauté de communes du "
            "Briançonnais en font partie.")
    assert members(text) == {("gap-tallard", "200067825")}


@pytest.mark.parametrize("text", [
    "Avec la CC des Coëvrons, LBN Communauté forme le Territoire d'industrie Cœur de Maine.",
    "LBN Communauté forme désormais le Territoire d'industrie Cœur de Maine avec la communauté de "
    "communes des Coëvrons.",
])
def test_epcis_said_to_form_the_territory_in_the_singular_are_its_members(text):
    assert members(text) == {("coeur-de-maine", "200040475"), ("coeur-de-maine", "200033298")}


def test_a_territory_coordinated_by_an_epci_named_before_it_has_it_as_member():
    text = ("Coordonné par la communauté d'agglomération Tarbes-Lourdes-Pyrénées et le pôle "
            "métropolitain du Pays de Béarn, le Territoire d'industrie Lacq-Pau-Tarbes réunit dix "
            "intercommunalités. Le Territoire d'industrie Adour Landes Océanes est voisin.")
    assert members(text) == {("lacq-pau-tarbes", "200069300")}


def test_the_epcis_signing_the_one_territorys_contract_are_its_members():
    text = ("La communauté de communes du Grand-Figeac et la communauté d'agglomération du Bassin "
            "d'Aurillac ont signé lundi le contrat du territoire d'industrie Aurillac – Figeac – Rodez.")
    assert members(text) == {("aurillac-figeac-rodez", "200067361"), ("aurillac-figeac-rodez", "241500230")}


@pytest.mark.parametrize("text", [
    "Séminaire des Territoires d'industrie avec la cheffe de projet Territoires d'industrie à la "
    "Communauté intercommunale Réunion Est (CIREST).",
    "Séminaire des Territoires d'industrie avec la directrice générale adjointe à l'attractivité à la "
    "communauté d'agglomération du Centre Littoral.",
])
def test_a_staff_members_employer_is_no_row(text):
    assert members(text) == set()


def test_the_epcis_own_areas_are_not_other_territories():
    """"… pour l'industrie de leurs territoires": the members' areas, not other territories
    d'industrie the sentence may be about."""
    text = ("Territoire d'industrie Aurillac – Figeac – Rodez.\n\nLa communauté de communes du "
            "Grand-Figeac et la communauté d'agglomération du Bassin d'Aurillac se sont engagées pour "
            "l'industrie de leurs territoires, dans le cadre de la labellisation accordée par l'État.")
    assert members(text) == {("aurillac-figeac-rodez", "200067361"), ("aurillac-figeac-rodez", "241500230")}


def test_the_epcis_of_a_paragraph_about_one_of_several_territories_are_its_members():
    """A press article giving each territory its paragraph: the EPCIs carrying the candidature
    or signing the contract there are that territory's; a paragraph naming two territories, or
    an office, tells nothing."""
    text = ("Le territoire d'industrie Aurillac – Figeac – Rodez mise sur la mécanique. La communauté "
            "de communes du Grand-Figeac et Rodez Agglomération ont porté sa candidature.\n\n"
            "Le territoire d'industrie Lacq-Pau-Tarbes mise sur la chimie. La communauté "
            "d'agglomération Tarbes-Lourdes-Pyrénées a porté sa candidature.\n\n"
            "Les territoires d'industrie Lacq-Pau-Tarbes et Aurillac – Figeac – Rodez ont été labellisés, "
            "a rappelé le président de la communauté de communes de Lacq-Orthez.")
    assert members(text) == {("aurillac-figeac-rodez", "200067361"), ("aurillac-figeac-rodez", "241200187"),
                             ("lacq-pau-tarbes", "200069300")}


def test_a_name_read_from_its_head_stops_before_the_next_name_it_is_coordinated_with():
    text = ("La communauté d'agglomération du Bassin d'Aurillac et Rodez Agglomération ont signé le "
            "contrat du territoire d'industrie Aurillac – Figeac – Rodez.")
    assert members(text) == {("aurillac-figeac-rodez", "241500230"), ("aurillac-figeac-rodez", "241200187")}


@pytest.mark.parametrize("text", [
    "La communauté de communes du Grand-Figeac et Rodez Agglomération ont porté la candidature du "
    "territoire d'industrie Aurillac – Figeac – Rodez, la communauté d'agglomération "
    "Tarbes-Lourdes-Pyrénées celle du territoire d'industrie Lacq-Pau-Tarbes.",
    "La communauté de communes du Grand-Figeac et Rodez Agglomération forment quant à elles le "
    "territoire d'industrie Aurillac – Figeac – Rodez, voisin du territoire d'industrie Lacq-Pau-Tarbes.",
])
def test_epcis_named_before_the_territory_whose_candidature_they_carry_or_that_they_form(text):
    assert {("aurillac-figeac-rodez", "200067361"), ("aurillac-figeac-rodez", "241200187")} <= members(text)
    assert ("lacq-pau-tarbes", "200067361") not in members(text)


def test_the_epcis_among_the_signatories_of_the_one_territory_are_its_members():
    text = ("Le territoire d'industrie Aurillac – Figeac – Rodez a désormais son contrat. Les signataires "
            "sont l'État, la Région, la communauté de communes du Grand-Figeac et Rodez Agglomération.")
    assert members(text) == {("aurillac-figeac-rodez", "200067361"), ("aurillac-figeac-rodez", "241200187")}


@pytest.mark.parametrize("text, expected", [
    # a local paper about one territory named after a CA: "l'agglomération" signing is that CA
    ("Grand Cognac fait partie des territoires retenus. Mardi, l'agglomération a signé le protocole "
     "d'accord du Territoire d'industrie Grand Cognac.", {("grand-cognac", "200070514")}),
    # a noun of another legal form says nothing of which EPCI
    ("Grand Cognac fait partie des territoires retenus. Mardi, la communauté de communes a signé le "
     "protocole d'accord du Territoire d'industrie Grand Cognac.", set()),
    # a sentence that is not about the programme
    ("Le Territoire d'industrie Grand Cognac a signé son protocole. L'agglomération compte de "
     "nombreuses distilleries.", set()),
    # a text about two territories: which one the noun means is not said
    ("Les territoires d'industrie Grand Cognac et Grand Angoulême sont retenus ; l'agglomération a "
     "signé le protocole.", set()),
])
def test_a_type_noun_without_name_is_the_epci_the_one_territory_is_named_after(text, expected):
    assert set(members(text)) == expected


def test_a_bracket_a_list_part_opens_lists_members_when_no_territory_is_named_before_it():
    text = ("Le Territoire d'industrie Lacq-Pau-Tarbes a signé son contrat.\n\nPour le préparer, le Pays "
            "de Béarn s'est allié avec la Bigorre (agglo de Tarbes-Lourdes-Pyrénées et la CC de la "
            "Haute-Bigorre) et la CC du Pays de Nay.")
    assert members(text) == {("lacq-pau-tarbes", "200069300"), ("lacq-pau-tarbes", "246500482"),
                             ("lacq-pau-tarbes", "246401756")}


def test_an_epci_several_fit_is_reported_with_them_and_still_designates_its_territory():
    """An undated text naming the CA Seine-Eure (SIREN 200089456 since 2020; "CA Seine Eure",
    200035665, in 2019): both fit, so the row has no SIREN and both candidates, and the territory
    named after it stays. Before, the head mention was dropped, and a shorter everyday name
    ("Communauté d'agglomération Seine") linked the CA Seine Normandie Agglomération instead."""
    text = "La Communauté d'agglomération Seine-Eure est labellisée « Territoire d'industrie »."
    result = extract(text, next(nlp.parse([text])))
    assert [row["name"] for row in result.territories] == ["Seine-Eure"]
    assert [(row["siren"], row["candidates"], row["territory_id"]) for row in result.epcis] == [
        (None, ["200035665", "200089456"], "seine-eure")]
    text = "La Communauté d'agglomération Seine Eure porte le projet Territoire d'industrie."
    assert {row["siren"] for row in extract(text, next(nlp.parse([text]))).epcis} <= {None}


def test_an_ordinal_stands_for_the_territory_of_that_rank():
    text = ("Deux territoires sont labellisés : Châteauroux-Buzançais-Argenton et Issoudun. Le premier "
            "réunit Châteauroux Métropole et la CC Val de l'Indre-Brenne ; le second, la CC du Pays d'Issoudun.")
    assert members(text) == {("chateauroux-buzancais-argenton", "243600327"),
                             ("chateauroux-buzancais-argenton", "243600301"), ("issoudun", "243600236")}

@pytest.mark.parametrize("text, expected", [
    pytest.param("Le 15 mars 2024, la Région installe les binômes.\n\n"
                 "Nord Basse-Terre / Grand Sud Caraïbe : CA du Nord Basse-Terre et CA Grand Sud Caraïbe.\n",
                 {("nord-basse-terre-grand-sud-caraibe", "249710062"),
                  ("nord-basse-terre-grand-sud-caraibe", "249710070")}, id="name : A et B"),
    pytest.param("Le 15 novembre 2023, la préfète confirme les périmètres.\n\nVallée de la Bresle – Vimeu "
                 "(Seine-Maritime, Somme) : CC des Villes Sœurs, CC du Vimeu et CC interrégionale Aumale – "
                 "Blangy-sur-Bresle.\n",
                 {("vallee-de-la-bresle-vimeu", "247600588"), ("vallee-de-la-bresle-vimeu", "200070944"),
                  ("vallee-de-la-bresle-vimeu", "200069722")}, id="name (départements) : A, B et C"),
    pytest.param("Le 15 mars 2024, la Région installe les binômes des Territoires d'industrie.\n\n"
                 "Partenaires : Région Guadeloupe, CA du Nord Basse-Terre et CA Grand Sud Caraïbe.\n",
                 set(), id="a heading is no territory"),
])
def test_a_line_naming_a_list_of_epcis_names_their_territory(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Le 14 mars 2019, la Région signe. Le territoire de Bourges-Vierzon, regroupant Bourges "
                 "Plus et la communauté de communes Cœur de Berry, travaillera sur le foncier.",
                 {("bourges-vierzon", "241800507"), ("bourges-vierzon", "200070571")}, id="participle"),
    pytest.param("Le 8 février 2024, le préfet salue les industriels.\n\nLe territoire Bocage Vendéen a été "
                 "labellisé. Il associe les communautés de communes du Pays des Herbiers et du Pays de "
                 "Pouzauges.\n\nLe territoire Vendée Grand Sud est également retenu. Les intercommunalités "
                 "concernées sont la communauté de communes du Pays de la Châtaigneraie et la communauté de "
                 "communes Vendée Sèvre Autise.",
                 {("bocage-vendeen", "248500621"), ("bocage-vendeen", "248500464"),
                  ("vendee-grand-sud", "248500415"), ("vendee-grand-sud", "248500563")},
                 id="the sentence after, paragraph by paragraph"),
])
def test_the_territory_a_member_list_names_as_its_subject(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Préfecture de la région Normandie – Rouen, le 26 novembre 2018\n\n"
                 "Axe Seine (Eure, Seine-Maritime) : Métropole Rouen Normandie, CA Seine Eure, "
                 "Communauté de l'agglomération havraise (CODAH), CC Caux Estuaire et CC Eure-Madrie-Seine.\n",
                 {("axe-seine", "200023414"), ("axe-seine", "200035665"), ("axe-seine", "242700623")},
                 id="names that link to none between the members"),
    pytest.param("Le 20 septembre 2023, trois territoires ont signé leur feuille de route. Le territoire "
                 "Vallée de la Bresle – Vimeu associe la CC des Villes Sœurs et la CC du Vimeu ; enfin "
                 "le Saint-Quentinois, dans l'Aisne, réunit l'agglomération du Saint-Quentinois et "
                 "Chauny-Tergnier-La Fère.",
                 {("vallee-de-la-bresle-vimeu", "247600588"), ("vallee-de-la-bresle-vimeu", "200070944"),
                  ("saint-quentinois", "200071892"), ("saint-quentinois", "200071785")},
                 id="a list whose subject is another territory, without 'territoire'"),
    pytest.param("Le 21 novembre 2023, Concarneau Cornouaille Agglomération est reconnue territoire "
                 "d'industrie. La démarche sera conduite avec Quimperlé Communauté, partenaire de la "
                 "filière navale, qui ne fait pas partie du territoire.",
                 {("concarneau-cornouaille-agglomeration", "242900769")}, id="said not to be a member"),
    pytest.param("Le 30 novembre 2023, la CACEM forme à elle seule le territoire « CACEM », tandis que "
                 "Cap Nord Martinique est porté par la communauté d'agglomération du Pays Nord Martinique.",
                 {("cacem", "249720061"), ("cap-nord-martinique", "200041788")},
                 id="the territory an EPCI forms, named right after"),
])
def test_members_of_probes16b_layouts(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize("after", [
    "pourra rejoindre la démarche lors d'un prochain appel.",
    "réfléchit à sa propre candidature.",
    "n'a pas candidaté.",
    "n'est pas concernée, mais suit les travaux.",
])
def test_an_epci_said_to_join_later_or_not_at_all_is_not_a_member(after):
    text = ("Le territoire d'industrie Vallée de la Bresle-Vimeu est reconduit pour 2023-2027. "
            "Il rassemble la CC du Vimeu et la CC des Villes Sœurs.\n\n"
            f"Le même jour, la communauté d'agglomération de la Baie de Somme {after}")
    assert members(text) == {("vallee-de-la-bresle-vimeu", "200070944"),
                             ("vallee-de-la-bresle-vimeu", "247600588")}


def test_a_member_line_labelled_with_an_adjective_of_place_names_its_territory():
    text = ("Territoires d'industrie 2019-2022 en Loire-Atlantique :\n"
            "- Bassin nazairien : la CARENE et Estuaire et Sillon ;\n"
            "- Ancenis-Châteaubriant : la COMPA et Châteaubriant-Derval Communauté.\n")
    assert ("bassin-nazairien", "244400644") in members(text)
    assert ("bassin-nazairien", "200072734") in members(text)


def test_a_territory_after_a_line_ending_with_a_full_stop_is_not_the_members():
    text = ("Territoires d'industrie : Bourgogne Industrie et Grand Chalon labellisés\n\n"
            "Le préfet se réjouit de la labellisation de deux territoires d'industrie pour 2023-2027.\n\n"
            "Bourgogne Industrie est un territoire interdépartemental (Côte-d'Or, Saône-et-Loire). Il est "
            "porté par la Communauté urbaine Creusot-Montceau, qui en assure l'animation.\n"
            "Autour d'elle : Dijon Métropole et le Grand Autunois Morvan.\n\n"
            "Le Grand Chalon est labellisé seul : le territoire correspond au périmètre de l'agglomération.\n")
    assert ("bourgogne-industrie", "247100290") in members(text)


def test_a_sentence_points_back_only_from_the_start_of_its_paragraph():
    text = ("Le territoire d'industrie Cœur de Flandre – Pays de Saint-Omer regroupe la CC de Flandre "
            "Intérieure et la CA du Pays de Saint-Omer.\n"
            "Il comprend aussi la CC Flandre Lys et la CC du Pays de Lumbres.\n\n"
            "Le Pôle métropolitain de l'Artois rassemble trois agglomérations :\n"
            "la CA de Lens-Liévin, la CA d'Hénin-Carvin et la CA de Béthune-Bruay, Artois-Lys Romane.\n")
    assert not any(siren in ("246200364", "246200299", "200072460") and territory == "coeur-de-flandre-pays-de-saint-omer"
                   for territory, siren in members(text))


@pytest.mark.parametrize("heading", ["« Seine Aval » – Yvelines", "Seine Aval (Yvelines)", "Seine Aval\n"])
def test_a_heading_line_names_the_territory_its_paragraph_points_back_to(heading):
    text = ("Territoires d'industrie : les lauréats franciliens\n\n"
            f"{heading}\nLe territoire s'organise autour de la communauté urbaine Grand Paris Seine & Oise "
            "et de la communauté de communes Gally Mauldre.\n")
    assert members(text) == {("seine-aval", "200059889"), ("seine-aval", "200034130")}


def test_a_trigger_word_opening_an_epcis_name_opens_no_list():
    text = ("| Territoire | Département(s) | Intercommunalités membres |\n|---|---|---|\n"
            "| Grand Est Touraine | Indre-et-Loire | CC du Castelrenaudais ; CC Autour de Chenonceaux Bléré-Val de Cher |\n"
            "| Sologne Val de Cher | Loir-et-Cher | CC du Romorantinais et du Monestois ; CC de la Sologne des Rivières |\n")
    assert ("sologne-val-de-cher", "200018406") in members(text)
    assert ("grand-est-touraine", "200018406") not in members(text)


def test_a_label_naming_a_side_of_the_territory_is_no_territory():
    """r18members: "- côté Gers : CC A, CC B" / "- versant tarn-et-garonnais : CC C" under one
    interdepartemental territory name parts of it; their members are its members."""
    text = ("Le territoire d'industrie interdépartemental Gers / Tarn-et-Garonne a été reconduit pour "
            "2023-2027. Il réunit :\n"
            "- côté Gers : CC de la Lomagne Gersoise et CC Bastides de Lomagne ;\n"
            "- Versant tarn-et-garonnais : CC Terres des Confluences et CC Grand Sud Tarn-et-Garonne.\n")
    territory = "interdepartemental-gers-tarn-et-garonne"
    assert members(text) == {(territory, "243200391"), (territory, "200034726"),
                             (territory, "200066322"), (territory, "200066652")}


def test_an_ordinal_apposed_or_after_est_names_one_of_the_territories_counted():
    """r18members: "Le second, Thouarsais et Loudunais, est interdépartemental. Il associe …" and
    "Le premier est Laval Agglomération, qui regroupe …": the members after the pronoun are the
    second's, not the first's."""
    text = ("Deux territoires deux-sévriens ont été labellisés pour 2023-2027. Le premier, Niort-Haut "
            "Val de Sèvre, réunit la CA du Niortais et la CC Haut Val de Sèvre. Le second, Thouarsais et "
            "Loudunais, est interdépartemental. Il associe la CC du Thouarsais et la CC du Pays Loudunais.")
    assert members(text) == {("niort-haut-val-de-sevre", "200041317"), ("niort-haut-val-de-sevre", "200041994"),
                             ("thouarsais-et-loudunais", "247900798"), ("thouarsais-et-loudunais", "248600447")}
    text = ("Deux territoires mayennais sont labellisés pour 2023-2027. Le premier est Laval Agglomération, "
            "qui regroupe 34 communes autour de Laval.")
    assert members(text) == {("laval-agglomeration", "200083392")}


def test_a_heading_in_capitals_and_its_members_after_a_long_dash():
    """r18members: "NORD ARDENNES — CA Ardenne Métropole, CC Vallées et Plateau d'Ardenne": a
    "label : value" line written with a long dash names a territory by its members; "ARDENNES"
    before the legal form is the heading's last word, no acronym of the CA (the title's "Ardennes"
    is no member)."""
    text = ("Les territoires d'industrie des Ardennes\n\nDeux territoires ardennais ont été retenus en 2018 :\n\n"
            "NORD ARDENNES — CA Ardenne Métropole, CC Vallées et Plateau d'Ardenne\n\n"
            "SUD ARDENNES — CC des Crêtes Préardennaises, CC du Pays Rethélois\n")
    assert members(text) == {("nord-ardennes", "200041630"), ("nord-ardennes", "200067759"),
                             ("sud-ardennes", "240800862"), ("sud-ardennes", "200043156")}


def test_a_territory_that_coincides_with_one_epci_lists_it():
    """r18members: "Bièvre Isère, qui se confond avec la CC Bièvre Isère Communauté, est
    reconduit", "Le territoire du Pays Ajaccien correspond à la communauté d'agglomération du Pays
    Ajaccien, qui rassemble Ajaccio et les communes voisines" (a town, no member)."""
    text = ("Dans l'Isère, le programme Territoires d'industrie retient trois territoires pour 2023-2027. "
            "Bièvre Isère, qui se confond avec la CC Bièvre Isère Communauté, est reconduit.")
    assert members(text) == {("bievre-isere", "200059392")}
    text = ("Le territoire du Pays Ajaccien correspond à la communauté d'agglomération du Pays Ajaccien, "
            "qui rassemble Ajaccio et les communes voisines. Il a été reconduit dans le programme "
            "Territoires d'industrie pour 2023-2027.")
    assert members(text) == {("pays-ajaccien", "242010056")}


def test_the_epcis_of_a_joint_bid_under_a_name_are_its_members():
    """r18members: "A et B ont déposé une candidature commune sous le nom « X », retenue pour la
    deuxième phase du programme Territoires d'industrie": X is a territory, A and B its members,
    not those of the territory named before."""
    text = ("Le territoire de la Gascogne Toulousaine a été reconduit. Par ailleurs, la communauté "
            "d'agglomération Grand Auch Cœur de Gascogne et la communauté de communes Astarac Arros en "
            "Gascogne ont déposé une candidature commune sous le nom « Grand Auch Astarac », retenue pour "
            "la deuxième phase du programme Territoires d'industrie (2023-2027).")
    assert members(text) == {("grand-auch-astarac", "200066926"), ("grand-auch-astarac", "200035756")}


def test_an_epci_goes_to_the_territory_named_after_it_most_fully():
    """r18members: "L'agglomération de Concarneau est labellisée" (its town) and "Concarneau
    Cornouaille agglomération (CCA) est labellisée": the EPCI is the member of the one its
    everyday name names, not of the town's."""
    text = ("L'agglomération de Concarneau est labellisée « Territoire d'industrie »\n\n"
            "Depuis le 9 novembre 2023, Concarneau Cornouaille agglomération (CCA) est labellisée "
            "« Territoire d'industrie ».")
    assert ("concarneau-cornouaille-agglomeration", "242900769") in members(text)
    assert ("concarneau", "242900769") not in members(text)


def test_members_that_co_animate_the_demarche_or_are_said_members_in_an_apposition():
    """fix19b: "Aux côtés de la CC A (SIGLE), la CA B et l'agglomération C co-animent la
    démarche" (the subject of the verb), "le site est situé sur la CC A, membre du Territoire
    d'industrie X" (an apposition without verb), "le lycée X et l'AFPA de Y" after "formé par":
    no member."""
    text = ("Le Territoire d'industrie Lacq-Pau-Tarbes est reconduit pour 2023-2027. Aux côtés de la "
            "Communauté de communes de Lacq-Orthez (CCLO), la Communauté d'agglomération "
            "Tarbes-Lourdes-Pyrénées et l'agglomération Pau Béarn Pyrénées co-animent la démarche.")
    assert members(text) == {("lacq-pau-tarbes", siren) for siren in ("200039204", "200067254", "200069300")}
    text = ("Le site est situé sur la communauté de communes du Pays de Fontenay-Vendée, membre du "
            "Territoire d'industrie Vendée Grand Sud. Le dirigeant évoque le vivier formé par le lycée "
            "Notre-Dame et l'AFPA de Fontenay.")
    assert members(text) == {("vendee-grand-sud", "200071934")}


def test_a_text_that_never_names_the_programme_keeps_no_epci_without_territory():
    """fix19b: another call's words of selection ("retenu … pour une Fabrique prospective") in a
    text that never names Territoires d'industrie make no member."""
    text = ("Communauté de communes Vierzon-Sologne-Berry — Actualités\n\nL'ANCT a retenu la "
            "Communauté de communes Vierzon-Sologne-Berry pour une Fabrique prospective.")
    assert members(text) == set()


def test_the_former_territory_a_renewal_recalls_takes_none_of_the_members_listed():
    text = ("Le territoire d'industrie « Lacq-Pau-Tarbes » est labellisé pour la période 2023-2027.\n\n"
            "Les membres\n\n"
            "- la Communauté d'Agglomération Pau Béarn Pyrénées ;\n"
            "- la Communauté d'Agglomération Tarbes-Lourdes-Pyrénées ;\n"
            "- la Communauté de Communes de Lacq-Orthez.\n\n"
            "Ces trois EPCI prennent le relais du territoire « Pau – Tarbes » de la première génération (2019-2022).")
    assert {territory for territory, _ in members(text)} == {"lacq-pau-tarbes"}
    assert len(members(text)) == 3


@pytest.mark.parametrize("text, expected", [
    pytest.param("Territoire d'industrie Lorient – Quimperlé. La signature du contrat « Territoires "
                 "d'industrie » a réuni les signataires : l'État, Anne Leroux, présidente de Lorient "
                 "Agglomération, Jean Caradec, président de Quimperlé Communauté, et la Région.",
                 {("lorient-quimperle", "200042174"), ("lorient-quimperle", "242900694")},
                 id="parties after a colon"),
    pytest.param("Le contrat du Territoire d'industrie Lorient – Quimperlé est signé entre l'État, "
                 "Anne Leroux, présidente de Lorient Agglomération, Jean Caradec, vice-président de "
                 "Quimperlé Communauté, et la Région.",
                 {("lorient-quimperle", "200042174")}, id="a vice-president signs for none"),
    pytest.param("Territoire d'industrie Lorient – Quimperlé : la signature du contrat s'est tenue "
                 "entre l'État et la Région, en présence de Jean Caradec, président de Quimperlé "
                 "Communauté.",
                 set(), id="present only"),
    pytest.param("Territoire d'industrie Lorient – Quimperlé. Le contrat a été signé par Anne Leroux, "
                 "présidente de Lorient Agglomération.",
                 set(), id="the person who signed"),
])
def test_an_epci_whose_president_is_a_party_to_the_contract_is_a_member(text, expected):
    assert members(text) == expected


def test_epcis_listed_together_whose_names_make_up_a_territory_s_are_its_members():
    text = ("Le projet « Territoire d'industrie Thiers-Ambert » a été lancé en même temps que le "
            "Territoire d'industrie Montluçon et celui d'Issoire-Brioude.\n\nConcrètement, le territoire élargi qui "
            "englobe les communautés de communes Thiers Dore et Montagne et Ambert Livradois Forez "
            "veut attirer des salariés.")
    assert members(text) == {("thiers-ambert", "200070712"), ("thiers-ambert", "200070761")}


def test_epcis_whose_names_make_up_no_territory_s_name_stay_unattached():
    text = ("Le projet « Territoire d'industrie Thiers-Vichy » a été lancé en même temps que le "
            "Territoire d'industrie Montluçon et celui d'Issoire-Brioude.\n\nConcrètement, le territoire élargi qui "
            "englobe les communautés de communes Thiers Dore et Montagne et Ambert Livradois Forez "
            "veut attirer des salariés.")
    assert members(text) == set()

def test_an_epci_a_territory_takes_in_as_it_is_renamed_and_a_demonym_of_intercommunalities():
    """r21: "il intègre X et devient « Territoire d'industrie Y »": X is a member of Y; "les
    intercommunalités saône-et-loiriennes" places the EPCIs the text names, so a loose form of a
    Saône-et-Loire EPCI's name links in a text otherwise about the Côte-d'Or."""
    text = ("Le Territoire d'industrie Haut-Doubs Horloger a été labellisé en 2019. Pour la nouvelle phase, il "
            "intègre Grand Besançon Métropole et devient « Territoire d'industrie Alliances Luxe & Précision "
            "du Doubs ».")
    assert members(text) == {("alliances-luxe-et-precision-du-doubs", "242500361")}
    text = ("Dijon Métropole rejoint les intercommunalités saône-et-loiriennes. En Côte-d'Or, le territoire "
            "Bourgogne Industrie réunit Dijon Métropole et la Communauté urbaine Creusot-Montceau.")
    assert members(text) == {("bourgogne-industrie", "242100410"), ("bourgogne-industrie", "247100290")}


def test_the_one_that_joins_after_names_retained_in_2018_takes_the_documents_phase():
    """r21: "Après A et B, retenus dès 2018, C a rejoint le programme": 2018 is A's and B's."""
    text = ("Chartres, le 10 novembre 2023.\n\nAprès le Drouais et le Dunois, retenus dès 2018, Chartres "
            "Métropole a rejoint le programme Territoires d'industrie.")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert {row["territory_id"]: row["phase"] for row in rows} == {
        "drouais": "2019-2022", "dunois": "2019-2022", "chartres-metropole": "2023-2027"}

def test_members_listed_under_each_territorys_line_go_to_it_and_the_next_line_is_the_next_territory():
    text = ("Troyes, le 14 novembre 2023\n\nDeux territoires d'industrie ont été labellisés dans l'Aube :\n\n"
            "• Sud Champagne, qui regroupe trois intercommunalités :\n"
            "  – la communauté d'agglomération Troyes Champagne Métropole ;\n"
            "  – la communauté de communes du Barséquanais en Champagne ;\n"
            "  – la communauté de communes du Pays d'Othe ;\n"
            "• Ouest Champenois, qui associe la communauté de communes du Nogentais et celle de l'Orvin et de "
            "l'Ardusson.\n")
    assert sorted(members(text)) == sorted([
        ("sud-champagne", "200069250"), ("sud-champagne", "200069003"), ("sud-champagne", "241000447"),
        ("ouest-champenois", "200006716"), ("ouest-champenois", "241000488")])

def test_a_topic_territory_named_after_its_epci_needs_the_epci_tied_to_the_programme():
    """An article about an intercommunality's own work, whose only word of the programme is a
    staff member's title, names no member; one where the EPCI holds the label does."""
    staff = ("La direction de l'économie de la CIREST a réuni ce matin les chefs d'entreprise "
             "de l'Est.\n\nJeanne Payet, cheffe de projet Territoires d'industrie – CIREST, a "
             "présenté le bilan.\n\nLa CIREST a adopté sa feuille de route pour les années à "
             "venir. La CIREST accompagnera aussi les artisans de Saint-Benoît.")
    assert ("cirest", "249740093") not in members(staff)
    label = ("La CIREST poursuit son développement économique à Saint-Benoît. Détentrice du label "
             "Territoire d'industrie, la CIREST soutient ses industriels. La CIREST a adopté sa "
             "feuille de route.")
    assert members(label) == {("cirest", "249740093")}
    # a page in English names the programme "Industry Territories"
    english = ("Signature of the Territoires d'industrie agreement in Saint-Benoit\n\n"
               "Ten territories, including the CIREST, presented their industrial projects.\n\nThe port "
               "supports the CIREST's projects within the \u201cIndustry Territories\u201d approach. Next year "
               "the CIREST will sign its contract.")
    assert members(english) == {("cirest", "249740093")}


def test_bodies_taken_up_as_the_signatories_of_an_agreement_are_members():
    """"Étaient présents A, la CC X et B. Le protocole signé par ces partenaires …" in the
    paragraph of one of several territories."""
    text = ("Saint-Laurent-du-Maroni signe son protocole « Territoire d'industrie »\n\n"
            "Le territoire d'industrie de Saint-Laurent-du-Maroni a sa feuille de route.\n\n"
            "Étaient présents deux industriels, la Communauté de communes de l'Ouest Guyanais "
            "et la Collectivité territoriale de Guyane. Le protocole signé par ces partenaires "
            "engage chacun pour Saint-Laurent-du-Maroni.\n\n"
            "En Guyane, deux autres territoires sont labellisés : Kourou et Cayenne.\n")
    assert ("saint-laurent-du-maroni", "249730037") in members(text)


def test_a_member_listed_in_a_paragraph_naming_no_territory_belongs_to_the_headlines_one():
    """An article about one territory, its headline naming it, the others named in passing."""
    text = ("En Guyane, Saint-Laurent-du-Maroni devient « Territoire d'industrie »\n\n"
            "Lancé par le gouvernement, le programme s'étend à l'Ouest guyanais. À cette occasion, "
            "la Collectivité territoriale de Guyane a adopté un plan en deux axes.\n\n"
            "« Le premier concerne la filière bois et la formation des jeunes. Il sera co-piloté par "
            "la Communauté de communes de l'Ouest Guyanais et l'Office national des forêts », "
            "précise la Collectivité.\n\n"
            "Saint-Laurent-du-Maroni est, après Kourou et Cayenne, la troisième commune guyanaise "
            "à devenir « Territoire d'industrie ».\n")
    assert members(text) == {("saint-laurent-du-maroni", "249730037")}


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("Le conseil a validé jeudi l'extension du dispositif à la communauté de communes du Triangle Vert.",
                 {("vesoul-val-de-saone", "200041861")}, id="extension of the programme to it"),
    pytest.param("La communauté de communes du Triangle Vert a donc été associée dès le départ.",
                 {("vesoul-val-de-saone", "200041861")}, id="said associated"),
    pytest.param("Les élus ont aussi voté l'extension de la zone d'activités de la communauté de communes "
                 "du Triangle Vert.", set(), id="another extension"),
])
def test_an_epci_named_below_a_masthead_belongs_to_the_headlines_territory_when_said_to_join(sentence, expected):
    """The headline stands below a masthead that names no territory; the paragraph names none; the
    EPCI is named, not listed: a member only when its sentence says it joins the programme."""
    text = ("L'Écho de la Haute-Saône\nAccueil > Économie\n\n"
            "Territoires d'industrie : le territoire Vesoul – Val de Saône s'élargit\n\n"
            "Publié le 19 mars 2024\n\nLe comité de pilotage s'est réuni mardi. " + sentence + "\n\n"
            "Plus au nord, le territoire Vosges saônoises, porté par la communauté de communes du Pays de Lure, "
            "présentera sa feuille de route en juin.\n")
    found = members(text)
    assert ("vosges-saonoises", "247000664") in found
    assert {(territory, siren) for territory, siren in found if siren == "200041861"} == expected


def test_f23_a_sentence_pointing_back_after_a_fronted_time_lists_the_territory_named_before():
    text = ("Le Territoire d'industrie Ouest Saône-et-Loire accueille un nouveau membre, et le territoire "
            "Nevers Val de Loire poursuit ses actions de son côté. Le président a présenté le Territoire "
            "d'industrie Ouest Saône-et-Loire jeudi. À l'origine, en 2019, ils étaient quatre "
            "collectivités, la communauté urbaine Creusot Montceau, la communauté de communes du Grand "
            "Autunois Morvan, la communauté de communes du Grand Charolais et la communauté de communes "
            "entre Arroux, Loire et Somme.")
    found = members(text)
    assert {("ouest-saone-et-loire", siren) for siren in ("247100290", "200070530", "200071884", "200070316")} <= found


def test_the_parties_of_a_protocol_concluded_between_them_are_its_members():
    """f22: "Le protocole d'accord …, conclu entre l'État, la Région, la CA X et la CC Y"."""
    text = ("Arrêté portant approbation du protocole d'accord du territoire d'industrie « Nord Cotentin ».\n\n"
            "Article 1er : Le protocole d'accord annexé au présent arrêté, conclu entre l'État, la Région "
            "Normandie, la communauté d'agglomération du Cotentin et la communauté de communes de la Baie "
            "du Cotentin, est approuvé.")
    assert members(text) == {("nord-cotentin", "200067205"), ("nord-cotentin", "200042729")}


def test_members_of_the_former_phase_under_the_new_names_intertitle_stay_with_the_former_territory():
    """f20: an intertitle naming the renamed territory runs into "Lors de la première phase, le
    label réunissait A et B": they are the former territory's, the newcomer the new name's."""
    text = ("L'État a confirmé le renouvellement du Territoire d'industrie Haut-Doubs Horloger pour "
            "2023-2027.\n\nTerritoire d'industrie Alliances Luxe & Précision du Doubs\n\nLors de la première "
            "phase, le label réunissait deux communautés de communes : Val de Morteau et Loue Lison.\n\n"
            "Pour 2023-2027, le territoire accueille Grand Besançon Métropole et devient « Territoire "
            "d'industrie Alliances Luxe & Précision du Doubs ».")
    assert members(text) == {("haut-doubs-horloger", "242504116"), ("haut-doubs-horloger", "200068070"),
                             ("alliances-luxe-et-precision-du-doubs", "242500361")}
    text = ("L'État a confirmé le renouvellement du Territoire d'industrie Haut-Doubs Horloger pour "
            "2023-2027.\n\nTerritoire d'industrie Alliances Luxe & Précision du Doubs\n\nContrairement à la "
            "première phase, le territoire accueille désormais la CU Grand Besançon Métropole.\n\nIl devient "
            "« Territoire d'industrie Alliances Luxe & Précision du Doubs ».")
    assert members(text) == {("alliances-luxe-et-precision-du-doubs", "242500361")}  # the newcomer stays


def test_a_territory_named_by_its_counted_members_names_each_of_them():
    """"Le territoire d'industrie A, B et C … Les trois intercommunalités …": the parts of the name
    are the members; uncounted, the same name lists none (a bare name is no member)."""
    named = ("Le territoire d'industrie Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis est "
             "reconduit pour la période 2023-2027.")
    territory = "pays-de-grasse-cannes-pays-de-lerins-et-sophia-antipolis"
    assert members(named + " Les trois intercommunalités misent sur la parfumerie.") == {
        (territory, "200039857"), (territory, "200039915"), (territory, "240600585")}
    assert members(named + " Les deux intercommunalités misent sur la parfumerie.") == set()
    assert members(named) == set()


def test_our_intercommunality_is_the_one_the_masthead_names():
    """An intercommunality's magazine: "notre intercommunalité" in a sentence about the programme
    is the EPCI its masthead names, a member of the one territory; without masthead, nobody."""
    body = ("Depuis 2018, notre intercommunalité est engagée dans le programme « Territoires "
            "d'industrie ». Le contrat du Territoire d'industrie Ouest Saône-et-Loire sera signé au "
            "printemps.")
    masthead = "AUTUNOIS MORVAN MAG\nLe journal de la Communauté de communes du Grand Autunois Morvan\n\n"
    assert members(masthead + body) == {("ouest-saone-et-loire", "200070530")}
    assert members("ÉCONOMIE\n\n" + body) == set()
    # or its everyday name, a type word ending it, in capitals; a paper's name is no EPCI's
    assert members("LE GRAND CHAROLAIS COMMUNAUTÉ — LE MAG\nN° 12\n\n" + body) == {
        ("ouest-saone-et-loire", "200071884")}
    assert members("LE JOURNAL DE SAÔNE-ET-LOIRE — ÉCONOMIE\n\n" + body) == set()


def test_an_agglomeration_s_type_word_before_its_official_name_is_its_legal_form():
    """'l'Agglomération de Rochefort Océan' for the 'CA Rochefort Océan' goes by 'Rochefort Océan';
    the 'CA d'Agen', the agglomeration of a town, keeps 'Agglomération d'Agen'."""
    text = "En 2019, l'Agglomération de Rochefort Océan a été labellisée Territoire d'industrie."
    assert members(text) == {("rochefort-ocean", "200041762")}
    rows = extract(text, next(nlp.parse([text]))).territories
    assert [row["name"] for row in rows] == ["Rochefort Océan"]


def test_an_intercommunality_designated_by_its_legal_form_alone_is_the_territory():
    text = ("Le président de la communauté de communes de l'Huisne Sarthoise s'en félicite. Ce travail permet "
            "à la communauté de communes d'être labellisée Territoire d'industrie.")
    assert members(text) == {("huisne-sarthoise", "247200686")}
    # two intercommunalities of that form: which one is unsaid
    text = ("Les présidents de la communauté de communes de l'Huisne Sarthoise et de la communauté de communes "
            "du Gesnois Bilurien s'en félicitent. Ce travail permet à la communauté de communes d'être "
            "labellisée Territoire d'industrie.")
    assert members(text) == set()


def test_an_official_s_intercommunality_opening_a_chain_of_towns_places_the_territory():
    text = ("Le Territoire d'industrie Lacq-Pau-Tarbes est reconduit. Le comité reste co-animé par Patrice "
            "Laurent, président de la Communauté de communes Lacq-Orthez.")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert [(row["name"], row["departement_codes"]) for row in rows] == [("Lacq-Pau-Tarbes", ["64"])]


def test_the_subjects_of_a_verb_of_membership_belong_to_what_follows_it():
    # "; A et B forment Nord-Ouest Aube": a territory the rules did not find, never the one
    # named before the subjects in the same sentence
    text = ("Troyes Champagne Métropole, la CC du Barséquanais en Champagne et la CC de la Région de "
            "Bar-sur-Aube forment le territoire d'industrie Sud Champagne ; la CC du Nogentais et la "
            "CC des Portes de Romilly-sur-Seine forment Nord-Ouest Aube.")
    found = members(text)
    assert ("sud-champagne", "200006716") not in found
    assert ("sud-champagne", "200000545") not in found
    assert {("sud-champagne", "200069003"), ("sud-champagne", "241000405")} <= found
    # the name after "forment" is the territory they make (membership._territory_the_subjects_form)
    assert {("nord-ouest-aube", "200006716"), ("nord-ouest-aube", "200000545")} <= found


def test_a_project_just_described_names_its_owner_not_a_member():
    """"Ce projet est porté par X, et soutenu au titre du Fonds vert": the owner of a project the
    text has just described; "ce projet, porté par X, a été retenu au programme …" still lists X."""
    visit = ("Le comité de pilotage de Territoires d'industrie s'est réuni lundi à Audincourt. Les élus ont "
             "visité une ancienne filature. ")
    assert members(visit + "Ce projet de reconversion est porté par Pays de Montbéliard Agglomération, et "
                           "soutenu par l'État au titre du Fonds vert.") == set()
    assert members(visit + "Ce projet, porté par Pays de Montbéliard Agglomération, a été retenu par le "
                           "programme.") == {(None, "200065647")}


def test_a_party_to_the_signing_belongs_to_the_territory_its_sentence_names_after_it():
    """"Après la signature du contrat par la CA X …, Y devient …" in a text about two territories;
    not the president who signs for an EPCI named as his office."""
    intro = ("La Région Grand Est a retenu dans l'Aube ses territoires pilotes : « Nord-Ouest Aube » et "
             "« Sud Champagne ».\n\n")
    assert members(intro + "Après la signature du contrat par la communauté d'agglomération Troyes Champagne "
                           "Métropole et la Région, Sud Champagne devient le premier territoire du "
                           "département à engager ses actions.") == {("sud-champagne", "200069250")}
    assert members(intro + "Après la signature du contrat par Jean Martin, vice-président de la communauté "
                           "d'agglomération Troyes Champagne Métropole, Sud Champagne devient le premier "
                           "territoire du département à engager ses actions.") == set()


def test_a_bare_official_name_opening_with_a_town_of_the_territory_name_is_its_member():
    """"Pau Béarn Pyrénées, premier bassin …" in a text about Lacq-Pau-Tarbes: the official name of
    an EPCI of the text's départements, without legal form; not as someone's office, not in a text
    about a territory named otherwise."""
    text = ("Le territoire d'industrie Lacq-Pau-Tarbes a présenté sa feuille de route. Pau Béarn Pyrénées, "
            "premier bassin d'emplois industriels des Pyrénées-Atlantiques, accueillera l'usine.")
    assert members(text) == {("lacq-pau-tarbes", "200067254")}
    assert members(text.replace("Pau Béarn Pyrénées, premier", "Le président de Pau Béarn Pyrénées, premier")) \
        == set()
    assert members(text.replace("Lacq-Pau-Tarbes", "Béarn Industrie")) == set()


def test_a_territory_taking_over_from_one_named_after_it_keeps_its_members():
    """"Le territoire d'industrie « A » a été labellisé … . Ce nouveau territoire prend la suite du B.
    Celui-ci regroupait C et D. Il s'ouvre désormais à E.": A continues B, whose members it keeps;
    E, said to join, is A's only."""
    text = ("Le territoire d'industrie « Alliances Luxe & Précision Doubs » a été labellisé pour la période "
            "2023-2027.\n\nCe nouveau territoire prend la suite du Haut-Doubs Horloger, retenu en 2018. Celui-ci regroupait les "
            "communautés de communes du Val de Morteau et du Pays de Maîche.")
    assert members(text) == {(territory, siren) for territory in ("alliances-luxe-et-precision-doubs", "haut-doubs-horloger")
                             for siren in ("242504116", "200023075")}
    # who joins, pointed back at the former territory, joins the new one only
    assert members(text + " Il s'ouvre désormais à Grand Besançon Métropole.") - members(text) == {
        ("alliances-luxe-et-precision-doubs", "242500361")}


@pytest.mark.parametrize("heading, after", [
    ("Cœur de Maine", "- un campus des métiers de la plasturgie à Évron\n- la reconversion d'une friche à Sillé-le-Guillaume\n"),
    ("Cœur de Maine", "- Marie Dupont, chargée de mission\n"),
    ("Cœur de Maine", "- Évron\n- Sillé-le-Guillaume\n"),
    ("## Cœur de Maine", "- un campus des métiers de la plasturgie à Évron\n"),
    ("## Cœur de Maine", ""),
])
def test_members_under_a_bare_heading_end_where_another_list_follows_them(heading, after):
    """g40lists: "Cœur de Maine" over its members, then the territory's projects (contacts,
    communes) written with the same marker and no break: the members stay the heading's
    territory's (the whole list was judged not of intercommunalities and nothing was read); a
    Markdown heading ("## Cœur de Maine") is one too."""
    text = ("Territoires d'industrie 2023-2027\n\nLe programme national Territoires d'industrie entre "
            f"dans sa deuxième phase.\n\n{heading}\n- Communauté de communes des Coëvrons\n"
            "- Communauté de communes de la Champagne Conlinoise et du Pays de Sillé\n" + after)
    assert members(text) == {("coeur-de-maine", "200033298"), ("coeur-de-maine", "200072718")}


def test_a_list_mixing_members_and_other_items_names_no_territory_by_its_heading():
    """g40lists: an intercommunality again after an item naming none: one list of mixed items
    (parties, projects), not a territory's members under its heading."""
    text = ("Territoires d'industrie 2023-2027\n\nLe programme national Territoires d'industrie entre "
            "dans sa deuxième phase.\n\nCœur de Maine\n- Communauté de communes des Coëvrons\n"
            "- Communauté de communes de la Champagne Conlinoise et du Pays de Sillé\n"
            "- la Région Pays de la Loire\n- Communauté de communes du Pays de Craon\n")
    assert not any(territory == "coeur-de-maine" for territory, _ in members(text))


@pytest.mark.parametrize("scale, expected", [
    pytest.param("du Pays du Lunévillois", {("pays-du-lunevillois", "245400759"), ("pays-du-lunevillois", "200069433")},
                 id="a name before the bracket"),
    pytest.param("de la Meurthe-et-Moselle", {(None, "245400759"), (None, "200069433")}, id="a place's name"),
])
def test_a_name_before_a_bracket_of_its_members_is_the_territory_of_a_text_naming_none(scale, expected):
    text = ("Le label Territoires d'industrie a été obtenu en novembre 2023. Il s'agit d'un programme conduit "
            f"à l'échelle {scale} (la communauté de communes du Pays du Sanon et la CC de Vezouze en Piémont).")
    assert members(text) == expected
    # a sentence's first word before the bracket names nothing
    text = ("Les intercommunalités ont obtenu le label Territoires d'industrie. Ensemble (la communauté de "
            "communes du Pays du Sanon et la CC de Vezouze en Piémont), elles recrutent.")
    assert not any(territory for territory, _ in members(text))


@pytest.mark.parametrize("written", [
    "Le chef de projet, installé à Ardenne Métropole, a réuni les fondeurs.",
    "Un chargé de mission, dont le poste est cofinancé par l'État, sera basé au sein d'Ardenne Métropole dès l'été.",
])
def test_the_body_a_staff_member_is_posted_at_is_no_member(written):
    """A staff post at an EPCI ("installé à X", "basé au sein de X") names its employer, not a member
    of the territory whose newsletter head the paragraph stands under (probes60_mixed mx13)."""
    text = ("La lettre des Territoires d'industrie\n\nNord Ardennes – un parcours pour les fondeurs\n\n" + written
            + "\n\nPays de Vannes – des usines agrandies\n\nLe territoire accompagne ses industriels.\n")
    assert ("nord-ardennes", "200041630") not in members(text)


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("Le binôme élu-industriel du territoire Déodatie réunit le président de la communauté "
                 "de communes Gérardmer Hautes Vosges et un industriel du textile. ",
                 ({"deodatie"}, set()), id="a binôme (a president's body is no member)"),
    pytest.param("Le Territoire d'industrie Déodatie, labellisé en 2023, réunit la communauté "
                 "d'agglomération de Saint-Dié-des-Vosges et la communauté de communes Gérardmer Hautes "
                 "Vosges. ", ({"deodatie"}, {("deodatie", "200071066"), ("deodatie", "200096642")}),
                 id="its members"),
])
def test_a_repeated_sentence_reads_each_territory_name_with_each_epci_once(monkeypatch, sentence, expected):
    """A sentence naming a territory and EPCIs repeated a thousand times: membership's passes
    compared every territory mention with every EPCI mention (named_after 320,000 times for 400
    sentences; 2,000 binômes 9.5 s, 2,000 of the second 22 s). Each name is now tried with each
    EPCI once and spans are found by bisection: the work grows no faster than the text, and the
    rows stay the same."""
    from pipeline.extract import membership

    calls = []
    real = membership.named_after
    monkeypatch.setattr(membership, "named_after", lambda *arguments: calls.append(arguments) or real(*arguments))
    counts, found = {}, {}
    for repeated in (100, 400):
        calls.clear()
        text = "Communiqué de presse\n\n" + sentence * repeated
        extraction = extract(text, next(nlp.parse([text])))
        counts[repeated] = len(calls)
        found[repeated] = ({row["territory_id"] for row in extraction.territories},
                           {(row["territory_id"], row["siren"]) for row in extraction.epcis})
    assert counts[400] <= 4 * counts[100] + 10, counts
    assert found[100] == found[400] == expected


def test_the_lead_of_an_item_designating_a_pair_is_read_near_its_first_member(monkeypatch):
    """A line of a thousand sentences each listing intercommunalities: the lead "le territoire
    formé par" was looked for from the line's start before each of them (the line read back
    a thousand times); it stands a few words before its first member."""
    from pipeline.extract import membership

    scanned = []
    lead = membership.ITEM_TERRITORY_LEAD

    class Counting:
        def search(self, folded, start, end):
            scanned.append(end - start)
            return lead.search(folded, start, end)

    monkeypatch.setattr(membership, "ITEM_TERRITORY_LEAD", Counting())
    sentence = ("Les quatre intercommunalités labellisées Territoire d'industrie : la CC du Grand Langres, "
                "la CA de Chaumont, la CC des Savoir-Faire et la CC Auberive Vingeanne. ")
    read = {}
    for repeated in (100, 400):
        scanned.clear()
        text = "Communiqué de presse\n\n" + sentence * repeated
        extract(text, next(nlp.parse([text])))
        read[repeated] = sum(scanned)
    assert 0 < read[400] <= 5 * read[100], read


@pytest.mark.parametrize("header", ["Intercommunalités du territoire", "EPCI composant le territoire",
                                    "Intercommunalités engagées", "EPCI de ce territoire"])
def test_a_member_column_headed_with_its_territory_lists_the_row_s_members(header):
    text = ("Besançon, le 14 mai 2024\n\nLes deux territoires d'industrie conventionnés :\n\n"
            f"| Territoire d'industrie | {header} | Département |\n|---|---|---|\n"
            "| Nord Franche-Comté | Pays de Montbéliard Agglomération ; Grand Belfort | Doubs |\n"
            "| Grand Dole | CA du Grand Dole | Jura |\n\nFin.\n")
    extraction = extract(text, next(nlp.parse([text])))
    assert {(row["territory_id"], row["siren"]) for row in extraction.epcis} == {
        ("nord-franche-comte", "200065647"), ("nord-franche-comte", "200069052"), ("grand-dole", "200010650")}


def test_a_side_heading_over_intercommunalities_names_no_territory():
    """"Versant béarnais" over "- Communauté de communes …" items: a side of the one territory the
    page names (territory_words.json part_label), not a territory of its own (PATTERNS.md, g82p88)."""
    text = ("Territoires d'industrie : Lacq-Pau-Tarbes\n\n"
            "Le territoire d'industrie Lacq-Pau-Tarbes réunit les intercommunalités suivantes.\n\n"
            "Versant béarnais\n"
            "- Communauté de communes de Lacq-Orthez\n"
            "- Communauté d'agglomération Pau Béarn Pyrénées\n\n"
            "Versant bigourdan\n"
            "- Communauté d'agglomération Tarbes-Lourdes-Pyrénées\n")
    assert {territory for territory, _ in members(text)} == {"lacq-pau-tarbes"}


@pytest.mark.parametrize("sentence, expected", [
    pytest.param("L'extension du périmètre à la communauté de communes Jura Nord est à l'étude.",
                 {("grand-dole", "200010650")}, id="planned: not yet a member"),
    pytest.param("Un élargissement aux communautés de communes Jura Nord et de la Plaine Jurassienne est envisagé.",
                 {("grand-dole", "200010650")}, id="planned, a run of two"),
    pytest.param("L'extension du périmètre à la communauté de communes Jura Nord, actée en 2023, renforce la filière.",
                 {("grand-dole", "200010650"), ("grand-dole", "243900560")}, id="made: a member (guard)"),
])
def test_an_extension_only_planned_gives_no_member(sentence, expected):
    """"Une extension du périmètre à la CC X est à l'étude": X is not in the territory yet
    (member_words.json planned_extension; PATTERNS.md, g82p88)."""
    text = ("Territoires d'industrie : le Grand Dole reconduit\n\nLe territoire du Grand Dole a été reconduit "
            "dans le programme Territoires d'industrie. Il s'appuie sur la communauté d'agglomération du "
            "Grand Dole. " + sentence)
    assert members(text) == expected


def test_a_run_with_members_outside_a_composed_name_stays_with_its_paragraph_territory():
    """Three of five members make up the name of the territory's description ("le bassin Belfort –
    Montbéliard – Héricourt"), the other two do not: the run describes the territory its paragraph
    names, not the composed one (membership._composing_the_name's `every_one`; g82memb's rule
    overrules the paragraph only when every member of the run is a part of the name)."""
    text = ("Le Nord Franche-Comté garde son label Territoires d'industrie\n\n"
            "Labellisé dès 2018, le bassin Belfort – Montbéliard – Héricourt reste dans la liste des "
            "territoires reconduits par l'État jusqu'en 2027.\n\n"
            "Le Nord Franche-Comté a de nouveau été retenu ce mois-ci. Pays de Montbéliard Agglomération, "
            "le Grand Belfort, la communauté de communes du Pays d'Héricourt, celle du Sud Territoire et "
            "la communauté de communes des Vosges du Sud ont porté ensemble la candidature.\n")
    assert {territory for territory, _ in members(text)} == {"nord-franche-comte"}
    assert len(members(text)) == 5


@pytest.mark.parametrize("opening, expected", [
    # "Deux concernent l'Orne" after "plusieurs territoires": a bare count the ordinal picks from
    ("de plusieurs territoires normands. Deux concernent l'Orne.", "pays-de-l-aigle-et-pays-de-mortagne-au-perche"),
    # a bare count after companies: no territory to pick (guard)
    ("de plusieurs entreprises normandes. Deux concernent l'Orne.", None),
])
def test_an_ordinal_after_a_bare_count_designates_its_territory_by_its_members(opening, expected):
    """"… avec plusieurs territoires. Deux concernent l'Orne. Le premier réunit la CC A et celle de B"
    (variants35T s1): a territory the text designates by its members, named as the text joins
    them, "celle de" taking up the legal form (tests/gold/README.md)."""
    text = ("Territoires d'industrie : des contrats signés\n\nLa Région a signé mardi les contrats "
            + opening + " Le premier réunit la communauté de communes des Pays de L'Aigle et celle du Pays de "
            "Mortagne-au-Perche, à l'est du département.")
    assert {(territory, siren) for territory, siren in members(text)} >= {(expected, "200068468"),
                                                                          (expected, "200036069")}


TWO_TERRITORIES_CARRIED = ("Le protocole du Territoire d'industrie « Nord-Ouest Aube » a été signé à Nogent-sur-Seine.\n\n"
                           "{opening}, ce territoire associe la communauté de communes de l'Orvin et de l'Ardusson.\n\n"
                           "L'Aube compte un second territoire d'industrie, « Sud Champagne », qui regroupe la "
                           "communauté d'agglomération Troyes Champagne Métropole et la communauté de communes "
                           "du Barséquanais en Champagne.")


@pytest.mark.parametrize("opening, carrier", [
    ("Porté par la communauté de communes du Nogentais – la CCN –", True),
    ("Animé par la communauté de communes du Nogentais (CCN)", True),
    ("Piloté conjointement par la communauté de communes du Nogentais", True),
    # a place then "ce territoire": the sentence points back, no carrier named
    ("À cheval sur la vallée de la Seine", False),
])
def test_a_sentence_opening_on_the_territory_s_carrier_points_back_to_the_one_named_before(opening, carrier):
    """probes96_official 06: "Porté par la CA X – le TCO –, ce territoire réunit …" in a text naming
    two territories: X and the EPCIs the sentence associates are the members of the territory the
    paragraph before names (member_words.json anaphora)."""
    found = members(TWO_TERRITORIES_CARRIED.format(opening=opening))
    assert ("nord-ouest-aube", "241000488") in found
    assert (("nord-ouest-aube", "200006716") in found) is carrier
    assert ("sud-champagne", "200069250") in found


def test_a_carrier_then_a_pronoun_other_than_the_territory_points_back_to_nothing():
    """After "Porté par X," only "ce territoire" or "le territoire" take up the territory: "il" may
    be the project the sentence speaks of."""
    from pipeline.extract.membership import ANAPHORA

    assert ANAPHORA.match("Porté par la communauté de communes du Nogentais, ce territoire associe A")
    assert ANAPHORA.match("Porté par la communauté de communes du Nogentais, le territoire associe A")
    assert not ANAPHORA.match("Porté par la communauté de communes du Nogentais, il associe A")
    assert not ANAPHORA.match("Porté par la communauté de communes du Nogentais, le projet associe A")


COMMITTEE = ("ARRÊTÉ portant composition du comité de projet du Territoire d'industrie « Nord-Ouest Aube »\n\n"
             "Article 1er – Le comité est coprésidé par le président de la communauté d'agglomération "
             "Troyes Champagne Métropole et un chef d'entreprise.\n\n"
             "Article 2 – Le comité comprend en outre :\n"
             " a) {heading} :\n"
             "  - le président de la communauté de communes du Nogentais ;\n"
             "  - le président de la communauté de communes de l'Orvin et de l'Ardusson ;\n"
             " b) au titre de l'État : le sous-préfet de Nogent-sur-Seine.\n")


@pytest.mark.parametrize("heading, listed", [
    ("au titre des intercommunalités membres du territoire", True),
    ("pour les établissements publics de coopération intercommunale membres", True),
    ("au titre des EPCI membres", True),
    ("au titre des collectivités", False),  # no word that they are the members
])
def test_members_named_through_their_presidents_under_a_heading_saying_they_are_the_members(heading, listed):
    """probes96_official 11: an arrêté's part "au titre des intercommunalités membres du territoire :"
    lists members through their presidents (members_represented); the co-chair's EPCI, named only
    through its president elsewhere, stays no member (tests/gold/README.md)."""
    found = members(COMMITTEE.format(heading=heading))
    assert (("nord-ouest-aube", "200006716") in found) is listed
    assert (("nord-ouest-aube", "241000488") in found) is listed
    assert ("nord-ouest-aube", "200069250") not in found


def test_a_member_placed_beside_a_town_is_no_neighbour():
    """"la CC A, voisine de <town>, et la CA B" in a member list: the town places A, which stays a
    member; "voisine du territoire" still says a neighbour outside it."""
    text = ("Reconduit pour 2023-2027, le territoire d'industrie Grand Dole a tenu son premier comité. "
            "Autour de la table, la communauté de communes Jura Nord, voisine {}, et la communauté "
            "d'agglomération du Grand Dole.")
    assert ("grand-dole", "243900560") in members(text.format("de Dole"))
    assert ("grand-dole", "243900560") not in members(text.format("du territoire"))


@pytest.mark.parametrize("subject, member", [
    ("le dispositif a été installé localement en 2019", True),
    ("le programme a été lancé en 2019", True),
    ("une zone d'activités a été aménagée en 2019", False),  # not the programme set up there
])
def test_the_epci_the_programme_was_set_up_on_is_the_one_territorys_member(subject, member):
    """probes98_mixed 07: "le programme a été installé … sur le périmètre de la seule agglomération
    X" names the EPCI the territory covers (membership.INSTALLED_ON_ITS_PERIMETER); something else
    set up on an EPCI's perimeter says nothing of the programme."""
    text = ("Territoires d'industrie : trois ans dans le bassin montluçonnais\n\n"
            "Les copilotes du Territoire d'industrie Bassin de Montluçon ont présenté le bilan de la démarche. "
            f"Lancé fin 2018, {subject} sur le périmètre de la seule communauté d'agglomération "
            "Montluçon Communauté.")
    assert (("bassin-de-montlucon", "200071082") in members(text)) is member


@pytest.mark.parametrize("joins", ["a ainsi rejoint", "a finalement rejoint", "a rejoint"])
def test_an_epci_that_joined_the_perimeter_after_a_where_clause_is_a_member(joins):
    """probes98_mixed 07: "La CC X, où …, a ainsi rejoint le périmètre du territoire": an adverb
    between auxiliary and participle (joins_the_perimeter), a relative clause with "où"
    (members.APPOSITION)."""
    text = ("Territoires d'industrie : Grand Châtellerault fait le point\n\n"
            "Élus et industriels ont présenté le bilan du Territoire d'industrie Grand Châtellerault. "
            "Lancé fin 2018, le programme a d'abord été porté par la communauté d'agglomération Grand "
            "Châtellerault. La crise sanitaire a retardé les comités. La communauté de communes Vienne "
            f"et Gartempe, où plusieurs sous-traitants sont installés, {joins} le périmètre du territoire en 2021.")
    assert ("grand-chatellerault", "200070043") in members(text)


@pytest.mark.parametrize("text", [
    "La Communauté d'agglomération Rochefort Océan a été labellisée Territoire d'industrie pour la période "
    "2023-2027. Le territoire d'industrie de Rochefort Océan côtoie en Charente-Maritime la Communauté "
    "d'agglomération de La Rochelle, également retenue.",
    "La Communauté d'agglomération Rochefort Océan a été labellisée Territoire d'industrie pour la période "
    "2023-2027. Le territoire d'industrie de Rochefort Océan travaillera avec la Communauté d'agglomération "
    "de La Rochelle, aussi labellisée.",
])
def test_an_epci_also_labelled_before_its_participle_is_no_member_of_the_subject(text):
    """"la CA X, également retenue", "aussi labellisée": another laureate (member_words.json
    labelled_too, adverb first), not a member of the territory the text is about: the member of
    the territory it designates (predicates.intercommunalities_labelled_too)."""
    assert ("rochefort-ocean", "241700434") not in members(text)
    assert ("rochelle", "241700434") in members(text)
    assert ("rochefort-ocean", "200041762") in members(text)


def test_epcis_carrying_the_demarche_are_members_of_the_territory_their_paragraph_names():
    """"A, B et C continueront de porter la démarche" in the paragraph of the one territory it names
    (member_words.json acting_together), though the next paragraph names another laureate."""
    text = ("Le territoire d'industrie Vitré est reconduit dans le programme Territoires d'industrie pour "
            "2023-2027. La communauté d'agglomération Vitré Communauté et la communauté de communes "
            "Roche aux Fées Communauté continueront de porter la démarche.\n\n"
            "Le territoire côtoie la communauté d'agglomération Fougères Agglomération, retenue elle aussi.")
    found = members(text)
    assert ("vitre", "200039022") in found
    assert ("fougeres-agglomeration", "200072452") in found


BREST_AND_MORLAIX = "Territoires d'industrie : le Pays de Brest et le Pays de Morlaix labellisés\n\n"


@pytest.mark.parametrize("second, expected", [
    pytest.param("et le Pays de Morlaix, autour de", {("pays-de-brest", "242900314"), ("pays-de-morlaix", "242900835")},
                 id="a known territory, named in the title only"),
    pytest.param("et le nord du Finistère, qui réunit", {("pays-de-brest", "242900314"), (None, "242900835")},
                 id="a part of the area, in lower case"),
])
def test_a_member_trigger_after_a_coordinated_subject_is_that_subjects(second, expected):
    """"Le A, porté par X, et le B, autour de la CA Y": the name coordinated after A right before
    the trigger is its subject (membership.COORDINATED_SUBJECT; PATTERNS.md, g110attach); a name of no
    territory found keeps Y without territory, never A's."""
    text = (BREST_AND_MORLAIX + "Le Pays de Brest, porté par Brest Métropole, " + second
            + " la communauté d'agglomération Morlaix Communauté, sont accompagnés par l'État.")
    assert members(text) == expected


def test_an_epci_coordinated_after_the_territory_is_no_subject_of_the_trigger_after_it():
    """"…, et la communauté de communes X, qui réunit vingt communes": an EPCI as that subject is
    a member of the territory named before, as it was."""
    text = (BREST_AND_MORLAIX + "Le Pays de Brest, porté par Brest Métropole, et la communauté de communes "
            "du Pays d'Iroise, qui réunit vingt communes, sont accompagnés par l'État.")
    assert members(text) == {("pays-de-brest", "242900314"), ("pays-de-brest", "242900074")}


FOUGERES_COUNTED = ("Le comité de pilotage du territoire d'industrie « Fougères » s'est réuni le 4 mars 2024.\n\n"
                    "Ce territoire est porté par deux intercommunalités situées au nord-est de l'Ille-et-Vilaine.\n\n")


@pytest.mark.parametrize("text, expected", [
    pytest.param("La Région a validé deux territoires.\n\nLe premier, qui a pris le nom de « Nord Franche-Comté » "
                 "lors de son renouvellement, est interdépartemental. Il réunit trois intercommunalités situées dans "
                 "le Doubs, la Haute-Saône et le Territoire de Belfort. Ce sont la communauté d'agglomération Pays de "
                 "Montbéliard Agglomération, la communauté d'agglomération Grand Belfort et, nouvelle venue, la "
                 "communauté de communes du Pays d'Héricourt.\n\nLe second, Haut-Jura, s'étend sur le Jura et l'Ain.",
                 {("nord-franche-comte", "200065647"), ("nord-franche-comte", "200069052"),
                  ("nord-franche-comte", "247000722")}, id="counted where they lie, then 'Ce sont'"),
    pytest.param(FOUGERES_COUNTED + "Il s'agit de Couesnon Marches de Bretagne, dont le siège est à Maen Roch, et de "
                 "la communauté d'agglomération Fougères Agglomération.",
                 {("fougeres", "200070688"), ("fougeres", "200072452")}, id="'Il s'agit de' a bare name"),
    pytest.param(FOUGERES_COUNTED + "Couesnon Marches de Bretagne accueillera le prochain comité.",
                 set(), id="no pointer over the blank line: no list"),
])
def test_members_counted_in_one_sentence_are_named_in_the_next(text, expected):
    """A count of members closing its sentence, where they lie after it, then the sentence or
    paragraph that names them ("Ce sont …", "Il s'agit de …"; tests/corpus/PATTERNS.md, g111next)."""
    assert members(text) == expected


def test_a_table_announced_by_the_sentence_above_holds_the_members_of_the_territory_named_before():
    text = ("La Région a validé deux territoires.\n\nLe premier, Nord Franche-Comté, est reconduit.\n\n"
            "Le second, Chalon Sud Bourgogne, se situe en Saône-et-Loire. Ses membres figurent dans le tableau "
            "ci-dessous.\n\n  Intercommunalité                  | Siège\n"
            "  ----------------------------------+----------------\n"
            "  CA Le Grand Chalon                | Chalon-sur-Saône\n"
            "  CC Sud Côte Chalonnaise           | Buxy\n")
    assert members(text) == {("chalon-sud-bourgogne", "247100589"), ("chalon-sud-bourgogne", "247104094")}


def test_a_question_heading_over_the_perimeter_does_not_cut_it_from_its_territory():
    text = ("Territoire d'industrie Val de Lorraine : questions fréquentes\n\n"
            "Qu'est-ce que le Territoire d'industrie Val de Lorraine ?\n\n"
            "C'est le label que porte notre vallée pour la période 2023-2027. Il avait été attribué en 2018.\n\n"
            "Quelles intercommunalités sont concernées ?\n\n"
            "Le périmètre est celui de la communauté de communes du Bassin de Pompey.\n")
    assert members(text) == {("val-de-lorraine", "245400601")}


def test_a_grouping_intro_with_a_colon_gives_its_paragraphs_to_the_territory_before():
    text = ("Le territoire Sud Alsace a été labellisé pour 2023-2027, dans la seconde vague du programme.\n"
            "Il regroupe les agglomérations voisines du Haut-Rhin :\n\n"
            "Mulhouse Alsace Agglomération, autour de Mulhouse, qui aménage nos parcs ;\n\n"
            "et, plus au sud, la communauté d'agglomération Saint-Louis Agglomération.\n")
    assert members(text) == {("sud-alsace", "200066009"), ("sud-alsace", "200066058")}


def test_an_intro_without_a_grouping_verb_gives_its_paragraph_to_no_territory():
    text = ("Le territoire Sud Alsace a été labellisé pour 2023-2027, dans la seconde vague du programme.\n"
            "Il remercie ses hôtes :\n\n"
            "Mulhouse Alsace Agglomération, qui accueillait la réunion.\n")
    assert ("sud-alsace", "200066009") not in members(text)


@pytest.mark.parametrize("text, member", [
    ("Le territoire de la Gâtine vient d'être retenu dans la deuxième phase du programme. La communauté "
     "de communes de Parthenay-Gâtine, qui porte le dossier, a réuni ses industriels dès le printemps.", True),
    ("Le territoire de la Gâtine vient d'être retenu dans la deuxième phase du programme. La communauté "
     "de communes de Parthenay-Gâtine, qui porte le dossier de la friche de la laiterie, a réuni ses "
     "industriels dès le printemps.", False),
])
def test_the_epci_carrying_the_dossier_is_a_member_of_the_one_territory(text, member):
    """"La CC X, qui porte le dossier, …" in a text about one territory: its carrier, a member
    (member_words.json labelling); "porte le dossier de la friche" is a project of its own."""
    assert (("gatine", "200041333") in members(text)) is member


def test_an_epci_labelled_itself_is_no_member_of_a_territory_its_paragraph_names_after_it():
    """"La CIREST, Communauté …, est labellisée … le second territoire est X, qui s'appuie sur …":
    the labelled EPCI (its acronym and its name in apposition) is no member of X: it is the
    territory its acronym names, or tied to none (tests/measure/variants42A 01, probes107_mixed 08)."""
    text = ("Territoires d'industrie : La Réunion décroche deux labels\n\n"
            "La CIREST, Communauté intercommunale Réunion Est, est labellisée Territoire d'industrie avec la "
            "zone de Bras-Panon. À l'ouest, le second territoire est le Territoire de l'Ouest, qui s'appuie sur "
            "la communauté d'agglomération Territoire de la Côte Ouest.\n")
    found = members(text)
    assert ("territoire-de-l-ouest", "249740101") in found
    assert ("cirest", "249740093") in found
    assert ("territoire-de-l-ouest", "249740093") not in found


def test_a_territory_named_in_passing_between_a_subject_and_its_verb_takes_none_of_its_members():
    """"X, voisin de la Déodatie, réunit la CA d'Épinal": the members are X's (variants42A 02)."""
    text = ("Deux territoires des Vosges sont labellisés Territoires d'industrie : la Déodatie et "
            "Épinal – Vosges centrales.\n\n"
            "Épinal – Vosges centrales, voisin de la Déodatie, réunit la communauté d'agglomération d'Épinal.\n\n"
            "Plus à l'est, la Déodatie s'appuie sur la communauté d'agglomération de Saint-Dié-des-Vosges.\n")
    assert members(text) == {("epinal-vosges-centrales", "200068757"), ("deodatie", "200071066")}


def test_an_epci_labelled_itself_in_a_one_territory_text_stays_a_member_of_the_territory_named_before():
    """"Le territoire d'industrie du Grand Bastia …⏎⏎Quand la CA de Bastia a été retenue, nous
    avons associé la CC de Marana-Golo": its one territory, named before (probes46_prose 02)."""
    text = ("Bilan du territoire d'industrie du Grand Bastia.\n\n"
            "Quand la communauté d'agglomération de Bastia a été retenue, fin 2020, nous avons voulu y "
            "associer la communauté de communes de Marana-Golo.\n")
    assert members(text) == {("grand-bastia", "242000354"), ("grand-bastia", "200036499")}


def test_a_post_about_one_territory_lies_in_the_one_departement_it_tags():
    post = ("🏭 C'EST OFFICIEL ! Le territoire Nord Est Ardenne est reconduit « Territoire d'industrie » pour "
            "2023-2027 🎉\n#TerritoiresDIndustrie #Ardennes #GrandEst\n")
    assert [row["departement_codes"] for row in extract(post, next(nlp.parse([post]))).territories] == [["08"]]
    # a département named outside a hashtag too: the tag alone no longer tells
    named = post.replace("pour 2023-2027", "pour 2023-2027, à deux pas de la Meuse")
    assert [row["departement_codes"] for row in extract(named, next(nlp.parse([named]))).territories] != [["08"]]
