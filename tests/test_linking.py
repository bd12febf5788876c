"""Linking names as people write them to SIRENs: everyday forms, context, years, acronyms."""

import pytest

from pipeline.linking import DocumentLinker, departements_of_epcis_in, known_acronyms, link_epci, named_after


@pytest.mark.parametrize("written, epci_type, siren", [
    ("Caen la mer", None, "200065597"),                          # CU Caen la Mer
    ("Flers Agglo", None, "200035814"),                          # CA Flers Agglo
    ("Seine Normandie Agglo", None, "200072312"),                # CA Seine Normandie Agglomération
    ("de Lisieux", "CA", "200069532"),                           # l'agglomération de Lisieux
    ("de Rouen", "METRO", "200023414"),                          # la Métropole de Rouen
    ("Sauldre Sologne", "CC", "200000933"),                      # CC Sauldre et Sologne
    ("Moselle & Madon", "CC", "245400171"),                      # CC Moselle et Madon
    ("Pays des Coëvrons", None, "200033298"),                    # CC des Coëvrons
    ("Vienne Condrieu Agglomération", None, "200077014"),        # CA Vienne Condrieu
    ("Golfe du Morbihan — Vannes Agglomération", None, "200067932"),
    ("Evreux - Portes de Normandie", None, "200071454"),
    ("Caux Vallée de Seine", None, "200010700"),                 # a name older than 2019, from the aliases file
    ("Gailly Mauldre", None, "200034130"),                       # a typing slip
    ("Guingamp-Paimpol Agglomération", None, "200067981"),       # … Agglomération de l'Armor à l'Argoat
    ("Loudéac Communauté", None, "200067460"),                   # … Communauté - Bretagne Centre
    ("com com de Loudéac", "CC", "200067460"),                   # … without its type word too
    ("Niort Agglo", None, "200041317"),                          # CA du Niortais, from the aliases file
    ("Cannes Lérins", "CA", "200039915"),                        # CA Cannes Pays de Lérins: town and pays
    ("Chabris Bazelle", None, "243600202"),                      # CC Chabris - Pays de Bazelle
    ("Les Essarts-Saint-Fulgent", None, "200071918"),            # CC du Pays de Saint-Fulgent - Les Essarts
])
def test_everyday_names_link_to_their_epci(written, epci_type, siren):
    assert link_epci(written, epci_type).siren == siren


@pytest.mark.parametrize("written", ["Caux Estuaire", "CODAH", "Grand Port Maritime de Bordeaux",
                                     "Bourges", "Vannes"])
def test_names_of_no_epci_of_any_millesime_stay_unlinked(written):
    assert link_epci(written).siren is None


def test_a_name_fitting_several_epcis_gives_no_siren_and_lists_them():
    link = link_epci("des Quatre Rivières", "CC")  # Haute-Saône, Haute-Savoie, and "des 4 rivières"
    assert link.siren is None
    assert set(link.candidates) == {"247000623", "247400666", "200069730"}
    in_context = link_epci("des Quatre Rivières", "CC", frozenset({"74"}))
    assert (in_context.siren, in_context.candidates) == ("247400666", ())


def test_the_document_year_picks_the_siren_a_name_had_then():
    old, new = link_epci("Seine Eure", None, frozenset(), 2019), link_epci("Seine Eure", None, frozenset(), 2023)
    assert (old.siren, old.successor_siren) == ("200035665", "200089456")
    assert (new.siren, new.successor_siren) == ("200089456", None)
    undated = link_epci("Seine Eure")
    assert undated.siren is None and set(undated.candidates) == {"200035665", "200089456"}
    guessed = link_epci("Seine Eure", None, frozenset(), 2019, year_dated=False)
    assert guessed.siren is None  # a year guessed from the phase breaks no tie


def test_a_former_name_links_to_the_epci_that_bore_it_with_its_current_name():
    link = link_epci("CC de Flandre Intérieure")
    assert (link.siren, link.name, link.successor_siren) == ("200040947", "CA Coeur de Flandre", None)


def test_well_known_acronyms_count_only_in_their_context():
    assert known_acronyms()["CUD"] == ("245900428",)
    assert known_acronyms()["CARENE"] == ("244400644",)  # from the official name's brackets
    assert DocumentLinker(frozenset({"59"})).link("la CUD").siren == "245900428"
    assert DocumentLinker(frozenset({"33"})).link("la CUD").siren is None
    assert DocumentLinker().link("CASE").siren is None
    dated = DocumentLinker(frozenset({"27"}), year=2019)
    assert dated.link("la CASE").siren == "200035665"


def test_an_acronym_the_text_defines_is_learnt_for_the_document():
    linker = DocumentLinker(frozenset({"54"}))
    assert linker.link("LUBA").siren is None
    linker.learn("LUBA", link_epci("du Territoire de Lunéville à Baccarat", "CC"))
    assert linker.link("la LUBA").siren == "200070324"
    assert DocumentLinker(frozenset({"54"})).link("LUBA").siren is None


def test_an_acronym_never_defined_may_be_the_initials_of_one_epci_of_the_departement():
    linker = DocumentLinker(frozenset({"54"}))
    assert linker.link("CCTLB").siren == "200070324"     # CC du Territoire de Lunéville à Baccarat
    assert linker.link("CC3M").siren == "200067643"      # CC Meurthe Mortagne Moselle
    assert linker.link("CCS").siren is None              # three letters: too short to trust
    assert DocumentLinker(frozenset({"33"})).link("CCTLB").siren is None  # another département
    assert DocumentLinker().link("CCTLB").siren is None                   # no context


def test_a_count_of_c_is_the_acronym_of_a_cc_whose_initials_are_all_c():
    haute_garonne = DocumentLinker(frozenset({"31"}))
    assert haute_garonne.link("la 5C").siren == "200072643"  # CC Coeur et Coteaux du Comminges
    assert haute_garonne.initials_in_context("Côté Comminges, on y retrouve la 5C.")["5C"].siren == "200072643"
    assert DocumentLinker(frozenset({"2B"})).link("la 4C").siren is None  # Cap Corse, Castagniccia-Casinca, Centre Corse
    assert DocumentLinker(frozenset({"65"})).link("la 5C").siren is None  # none in the Hautes-Pyrénées
    assert DocumentLinker(frozenset({"2B"})).link("2B").siren is None     # a département's code
    # every word's initials: "CC du Pays de Craon" without its "Pays" is no "3C"
    assert DocumentLinker(frozenset({"53"})).link("la 3C").siren == "200033298"  # CC des Coëvrons
    # g107epci: the "(4 C)" the CC du Cordais et du Causse carries in its name is none of its
    # words: its own initials give "4C", not a stray "5C"
    from pipeline.linking import generated_acronyms
    assert "200034064" in generated_acronyms()["4C"] and "200034064" not in generated_acronyms()["5C"]
    assert DocumentLinker(frozenset({"81"})).link("la 5C").siren is None


def test_an_acronym_opening_with_a_count_of_c_links_by_its_short_name_in_brackets():
    """g107epci: "3CA (Cœur de l'Avesnois)": three C (the CC's and the name's first), then A."""
    assert DocumentLinker(frozenset({"59"})).link("3CA (Cœur de l'Avesnois)").siren == "200043263"
    assert DocumentLinker(frozenset({"59"})).link("3CA (Pays de Mormal)").siren is None  # not its initials


def test_a_count_of_c_may_open_an_acronym_before_the_other_initials():
    """g115emiss: "la 3CMA": the C of the legal form and of "Cœur" counted, then M and A."""
    from pipeline.linking import _initials
    assert "3CMA" in _initials("CC Coeur de Maurienne Arvan", frozenset())
    assert DocumentLinker(frozenset({"73"})).link("3CMA").siren == "200070464"
    assert DocumentLinker(frozenset({"74"})).link("3CMA").siren is None  # none in the Haute-Savoie
    found = DocumentLinker(frozenset({"73"})).initials_in_context("Le projet est porté par la 3CMA.")
    assert found["3CMA"].siren == "200070464"
    assert "3C" not in _initials("CC Coeur de Maurienne Arvan", frozenset())  # not all C


def test_the_start_of_an_official_name_opening_with_its_own_legal_form_links_in_its_departement():
    """g115emiss: "Agglomération de la Région de Compiègne" with no head before it: its own legal
    form asks the same as a head's ("la communauté d'agglomération | de la Région de Compiègne")."""
    oise = DocumentLinker(frozenset({"60"}))
    for written in ("Agglomération de la Région de Compiègne", "l'Agglomération de la Région de Compiègne (ARC)"):
        assert oise.link(written).siren == "200067965"  # CA de la Région de Compiègne et de la Basse Automne
    assert oise.link("Région de Compiègne").siren is None  # no legal form written
    assert DocumentLinker(frozenset({"80"})).link("Agglomération de la Région de Compiègne").siren is None
    assert DocumentLinker(frozenset({"60"})).link("Communauté de communes de la Région de Compiègne").siren is None


def test_initials_never_defined_in_a_text_placed_by_its_region_only():
    """g107epci: "porté par la 2CCAM, la CCFG et la CCPR" under "Auvergne-Rhône-Alpes" alone:
    the initials of one EPCI of the région; a text naming a département reads that one only."""
    region = DocumentLinker(frozenset(), frozenset({"84"}))
    assert region.link("2CCAM").siren == "200033116"  # CC Cluses-Arve et Montagnes
    assert region.link("CCFG").siren == "200000172"   # CC Faucigny - Glières
    assert DocumentLinker(frozenset({"75"}), frozenset({"84"})).link("CCFG").siren is None
    assert DocumentLinker(frozenset(), frozenset({"11"})).link("CCFG").siren is None  # another région


def test_an_area_after_an_epcis_name_links_the_name_before_it_in_the_documents_departements():
    linker = DocumentLinker(frozenset({"31", "65"}))
    assert linker.link("les Pyrénées Haut-Garonnaises du Luchonnais").siren == "200072635"
    assert DocumentLinker(frozenset({"33"})).link("les Pyrénées Haut-Garonnaises du Luchonnais").siren is None
    assert linker.link("les Coteaux du Luchonnais").siren is None  # no EPCI's name before the area
    assert linker.link("Cœur et Coteaux du Comminges").siren == "200072643"  # a name ending so, whole


def test_the_departements_of_the_epcis_a_territorys_name_holds_whole():
    assert departements_of_epcis_in("Baie de Somme Ponthieu-Marquenterre") == {"80"}
    assert departements_of_epcis_in("Pays Rochois – Arve et Salève") == {"74"}
    assert departements_of_epcis_in("Lacq-Pau-Tarbes") == set()  # no EPCI's name
    assert departements_of_epcis_in("Pays de Châlons") == set()   # a town's name alone is no EPCI's
    assert departements_of_epcis_in("Puy-en-Velay") == set()      # one word: the town's name too
    assert departements_of_epcis_in("Grand Châtellerault") == set()  # an EPCI's whole name: nothing


def test_a_known_acronym_of_elsewhere_gives_way_to_the_initials_of_one_epci_here():
    """"la CCPB" is the data file's CC of the Plaine de l'Ain (01); in a text of the Moselle it
    is the CC du Pays de Bitche by its initials; no guess where two EPCIs have those initials."""
    assert DocumentLinker(frozenset({"57"})).link("la CCPB").siren == "200069441"
    assert DocumentLinker(frozenset({"01"})).link("la CCPB").siren == "240100891"
    assert DocumentLinker(frozenset({"54", "55", "57", "88"})).link("la CCAM").siren is None
    assert DocumentLinker(frozenset({"57"})).known_in_context("la CCPB").get("CCPB") is None  # members only


def test_the_departements_of_a_former_region_a_territorys_name_holds():
    from pipeline.extract.places import former_region_departements_in
    assert former_region_departements_in("Nord Franche-Comté") == {"25", "39", "70", "90"}
    assert former_region_departements_in("Nord Lorraine") == {"54", "55", "57", "88"}
    assert former_region_departements_in("Vallée de l'Arve") == set()


def test_a_known_acronym_may_be_written_as_a_word():
    assert DocumentLinker(regions=frozenset({"04"})).link("la Cirest").siren == "249740093"
    assert DocumentLinker(regions=frozenset({"04"})).link("la Case").siren is None  # too short


def test_names_a_territory_may_take_from_its_epci():
    assert named_after("Pays Ajaccien", "242010056")   # CA du Pays Ajaccien
    assert named_after("Roannais", "200035731")        # CA Roannais Agglomération
    assert named_after("TCO", "249740101")             # CA Territoire de la Côte Ouest (TCO)
    assert not named_after("Sud Champagne", "200069250")


def test_the_start_of_a_name_with_its_legal_form_links_in_the_documents_departements():
    from pipeline.linking import link_epci
    assert link_epci("Creusot Montceau", "CU", frozenset({"71"})).siren == "247100290"
    # outside the document's départements, or under another legal form: no guess
    assert link_epci("Creusot Montceau", "CU", frozenset({"21"})).siren is None
    assert link_epci("Creusot Montceau", "CC", frozenset({"71"})).siren is None
    assert link_epci("Creusot Montceau", None, frozenset({"71"})).siren is None


def test_a_shortened_name_links_in_the_one_region_of_a_text_whose_departements_lie_there():
    """g50a: a Région's text naming another territory's départements (25, 70, 90) reads a name
    shortened from its end among all the région's; not when a département lies outside it."""
    from pipeline.linking import DocumentLinker
    linker = DocumentLinker(frozenset({"25", "70", "90"}), frozenset({"27"}), 2019)
    assert linker.link("Creusot Montceau", "CU").siren == "247100290"
    outside = DocumentLinker(frozenset({"25", "01"}), frozenset({"27"}), 2019)
    assert outside.link("Creusot Montceau", "CU").siren is None


def test_an_acronym_of_a_names_own_initials_links_in_the_documents_departements():
    """"la Communauté de communes ELAN" (CC Élan Limousin Avenir Nature, Haute-Vienne)."""
    from pipeline.linking import DocumentLinker
    assert DocumentLinker(frozenset({"87"})).link("ELAN", "CC").siren == "200066512"
    assert DocumentLinker(frozenset({"33"})).link("ELAN", "CC").siren is None


@pytest.mark.parametrize("written, departement, siren", [
    ("le Cap Sizun", "29", "242900629"),                    # CC Cap Sizun - Pointe du Raz
    ("la Station des Rousses", "39", "243900354"),          # CC de la Station des Rousses-Haut Jura
    ("la Vallée de l'Ubaye", "04", "200072304"),            # CC Vallée de l'Ubaye - Serre-Ponçon
    ("les Rives de l'Ain", "01", "200029999"),              # CC Rives de l'Ain - Pays du Cerdon
])
def test_the_first_of_two_places_a_name_joins_links_to_its_epci(written, departement, siren):
    link = DocumentLinker(frozenset({departement})).link(written)
    assert (link.siren, link.exact) == (siren, True)


@pytest.mark.parametrize("official", [
    "CA de Bar-le-Duc - Sud Meuse",                  # a town: the CA's seat, no everyday form
    "CA La Roche sur Yon - Agglomération",           # a town then a type word
    "CC du Pays de Saint-Fulgent - Les Essarts",     # a town after "Pays de"
    "CC Faucigny - Glières",                         # one word: a pays as much as the EPCI
    "CC Haute-Provence - Pays de Banon",             # part of a département's name
    "CA du Grand Saint-Dizier Der et Vallées",       # a hyphen inside a town's name
    "CC de Pouilly-en-Auxois / Bligny-sur-Ouche",    # a town's complement
    "CU Le Creusot Montceau-les-Mines",
])
def test_no_first_place_form_for_a_town_one_word_or_an_area(official):
    from pipeline.linking import first_place_form
    assert first_place_form(official) is None


def test_a_former_brand_from_the_aliases_file():
    """"Cap Calaisis", the CA du Calaisis's brand until 2017, in a text of 2018."""
    assert DocumentLinker(frozenset({"62"}), year=2018).link("l'agglomération Cap Calaisis").siren == "246201149"


def test_a_brand_acronym_written_as_a_word_links_only_where_its_epci_lies():
    """"La Cali", the CA du Libournais's own short name: a one-word everyday name, read in a text
    of the Gironde only."""
    assert DocumentLinker(frozenset({"33"})).link("La Cali").siren == "200070092"
    assert DocumentLinker(frozenset({"69"})).link("La Cali").siren is None


def test_an_everyday_name_no_millesime_has_comes_from_the_aliases_file():
    from pipeline.linking import link_epci
    assert link_epci("Communauté d'Agglomération Meuse Grand Sud", "CA").siren == "200033025"


def test_an_acronym_from_the_aliases_file_that_its_names_initials_do_not_give():
    """"DRAGA" for the CC du Rhône aux Gorges de l'Ardèche: its initials keep the "Du" and the
    "Aux" that generated acronyms leave out, so the aliases file gives it."""
    assert DocumentLinker(frozenset({"07"})).link("DRAGA", "CC").siren == "240700864"
    assert DocumentLinker(frozenset({"75"})).link("DRAGA", "CC").siren is None
    # "composé de A, de B et de DRAGA": the list's preposition before the acronym
    assert DocumentLinker(frozenset({"07"})).link("de DRAGA").siren == "240700864"
    assert DocumentLinker(frozenset({"84"})).link("LMV").siren == "200040442"


def test_everyday_names_and_short_acronyms_from_the_aliases_file():
    """"Marana-Golu" (the Corsican spelling of Marana-Golo) is the EPCI itself, not a likeness;
    "TLP" has three letters, too few for generated initials: both come from the aliases file, and
    an acronym counts only where its EPCI lies."""
    assert DocumentLinker(frozenset({"2B"})).link("Marana-Golu").exact
    assert DocumentLinker(frozenset({"2B"})).link("Marana-Golu").siren == "200036499"
    assert DocumentLinker(frozenset({"65"})).link("TLP").siren == "200069300"
    assert DocumentLinker(frozenset({"29"})).link("TLP").siren is None
    assert DocumentLinker(frozenset({"64"})).link("CCLO").exact


def test_pays_de_may_be_omitted_before_the_town():
    """"les communautés de communes du Pays de Landerneau Daoulas, Landivisiau, …": the town
    stands for the CC du Pays de Landivisiau; an exact name still wins ("Dunois")."""
    assert link_epci("Landivisiau", "CC").siren == "242900751"
    assert link_epci("CC le Dunois", "CC").siren == "241800424"     # not the CC du Pays Dunois


def test_a_town_qualified_by_its_river_or_country_is_written_alone_with_a_type_word():
    """"Châlons Agglo", "l'agglomération de Châlons" for the CA de Châlons-en-Champagne: only
    with a type word (a bare town is a place) and in the document's départements."""
    marne = frozenset({"51"})
    assert link_epci("Châlons Agglo", None, marne).siren == "200066876"
    assert link_epci("l'agglomération de Châlons", None, marne).siren == "200066876"
    assert link_epci("Châlons", None, marne).siren is None
    assert link_epci("Saint-Dié Agglo", None, frozenset({"88"})).siren == "200071066"
    assert link_epci("Saint-Dié Agglo", None, frozenset({"75"})).siren is None
    assert link_epci("Saint-Dié Agglo").siren is None
    # a short name of the aliases file is known everywhere, like "Niort Agglo"
    assert link_epci("Châlons Agglo", None, frozenset({"75"})).siren == "200066876"


def test_a_town_with_a_type_word_is_read_in_the_region_of_a_text_that_names_no_departement():
    """"président de la Communauté d'agglomération de Pau" in a text placed by "Nouvelle-Aquitaine"
    only: the seat read among the région's départements; never in another région, never a bare
    town, and a named département still narrows it."""
    from pipeline.linking import DocumentLinker
    aquitaine = DocumentLinker(regions=frozenset({"75"}))
    assert aquitaine.link("Communauté d'agglomération de Pau").siren == "200067254"
    assert aquitaine.link("Pau").siren is None
    assert DocumentLinker(regions=frozenset({"76"})).link("Communauté d'agglomération de Pau").siren is None
    assert DocumentLinker(frozenset({"33"}), frozenset({"75"})).link("Communauté d'agglomération de Pau").siren is None
    assert DocumentLinker().link("Communauté d'agglomération de Pau").siren is None
    # a national text naming several régions is no frame
    assert DocumentLinker(regions=frozenset({"75", "76"})).link("Communauté d'agglomération de Pau").siren is None


def test_a_town_made_great_is_written_alone_after_a_type_word():
    """"l'agglomération de Reims" for the CU du Grand Reims, "la métropole de Nancy" for the
    Métropole du Grand Nancy: the head gives the type; a bare town or another legal form does not."""
    assert link_epci("de Reims", "CA", frozenset({"51"})).siren == "200067213"
    assert link_epci("la métropole de Nancy", None, frozenset({"54"})).siren == "245400676"
    assert link_epci("de Reims", None, frozenset({"51"})).siren is None
    assert link_epci("de Reims", "CC", frozenset({"51"})).siren is None


def test_a_likeness_of_strings_needs_a_word_of_the_epcis_own():
    """"en Martinique" is as alike as a slip to "Centre Martinique" but shares only a région's
    word; slips, words run together and a dropped word still link."""
    assert link_epci("en Martinique", None, frozenset({"972"})).siren is None
    assert link_epci("Porte de Drôme Ardèche", "CC", frozenset({"26", "07"})).siren == "200040491"
    assert link_epci("inter-régionale Aumale-Blangy-sur-Bresle", "CC", frozenset({"76"})).siren == "200069722"
    assert link_epci("Loue Auvezère en Périgord", "CC", frozenset({"24"})).siren == "242401024"


def test_a_long_acronym_of_one_epci_links_in_a_text_naming_no_place():
    """"la CIREST" in a text naming no place is the only EPCI it can be; in a text about another
    département, or written as a word ("Arcade"), it is not read."""
    text = "Le projet Territoires d'industrie de la CIREST avance."
    assert DocumentLinker().known_in_context(text)["CIREST"].siren == "249740093"
    assert "CIREST" not in DocumentLinker(frozenset({"33"})).known_in_context(text)
    assert "ARCADE" not in DocumentLinker().known_in_context("Une arcade commerciale : Arcade.")


def test_a_four_letter_acronym_of_one_epci_links_when_written_twice_after_its_article():
    """"La CAPI … de la CAPI": an organisation's short name; once, or without an article, it may
    be a code ("CCTV"), and in a text about another département it is not read."""
    text = "La CAPI fait partie des 183 territoires retenus. L'industrie est ancrée dans l'ADN de la CAPI."
    assert DocumentLinker().known_in_context(text)["CAPI"].siren == "243800604"
    assert "CAPI" not in DocumentLinker().known_in_context("La CAPI fait partie des 183 territoires retenus.")
    assert "CAPI" not in DocumentLinker(frozenset({"33"})).known_in_context(text)
    assert "CCTV" not in DocumentLinker().known_in_context("Des caméras CCTV filment la zone ; CCTV partout.")


def test_a_tagline_after_the_official_name_is_left_out():
    linker = DocumentLinker(frozenset({"60"}))
    assert linker.link("du Liancourtois la Vallée Dorée", "CC").siren == "246000129"
    assert linker.link("du Liancourtois – la Vallée Dorée", "CC").siren == "246000129"
    # the name before is no official name: nothing
    assert linker.link("du Pays de la Vallée Dorée", "CC").siren is None
    # outside the document's départements: nothing either
    assert DocumentLinker(frozenset({"2A"})).link("du Liancourtois la Vallée Dorée", "CC").siren is None


def test_one_word_left_of_an_official_name_links_only_inside_the_documents_departements():
    # "la Chambre de commerce" in a text about Mayotte is not the CC du Canton de La Chambre (73)
    assert link_epci("Chambre", None, frozenset({"976"})).siren is None
    assert link_epci("Chambre", None, frozenset({"73"})).siren == "247300361"
    assert link_epci("Chambre").siren is None
    # the official name itself still links anywhere
    assert link_epci("CC du Canton de La Chambre", "CC", frozenset({"976"})).siren == "247300361"


def test_a_part_of_a_name_with_its_acronym_in_brackets_links_by_the_acronym():
    """"l'Artois-Lys Romane (CABBALR)": the initials of "CA de Béthune-Bruay, Artois-Lys Romane",
    whose names hold every word written; an acronym of another EPCI links nothing."""
    linker = DocumentLinker(frozenset({"02"}), frozenset(), 2023)
    assert linker.link("Artois-Lys Romane (CABBALR)").siren == "200072460"
    assert linker.link("Flandre Romane (CABBALR)").siren is None
    assert DocumentLinker(frozenset({"972"})).link("la CACEM").siren == "249720061"


def test_an_everyday_name_is_read_capitalised_or_in_capitals_never_in_lower_case():
    from pipeline.linking import everyday_alias_pattern
    pattern = everyday_alias_pattern("Cap Nord")
    assert [m.group(0) for m in pattern.finditer("la CACEM, CAP Nord et Cap Nord ; le cap nord")] == ["CAP Nord", "Cap Nord"]
    assert everyday_alias_pattern("Espace Sud").search("la CACEM et l'Espace Sud")
    assert not everyday_alias_pattern("Espace Sud").search("aujourd'Espace Sud")


def test_an_alias_followed_by_its_own_regions_name_links_to_its_epci():
    assert link_epci("Cap Nord Martinique").siren == "200041788"
    assert link_epci("Cap Nord Normandie").siren is None  # not its région


def test_an_agglomeration_is_written_with_the_town_its_name_opens_with():
    """r18members: "l'agglo d'Évreux" (CA Evreux Portes de Normandie), "le Grand Auch
    agglomération" (CA Grand Auch Coeur de Gascogne), "l'agglomération de Troyes": the town an
    agglomeration's official name opens with, written with a type word, in the document's
    départements only; a bare town is a place; a lead that is no town ("Pays", "Val") gives none."""
    from pipeline.linking import _seats
    assert link_epci("d'Évreux", "CA", frozenset({"27"})).siren == "200071454"
    assert link_epci("Grand Auch agglomération", None, frozenset({"32"})).siren == "200066926"
    assert link_epci("de Troyes", "CA", frozenset({"10"})).siren == "200069250"
    assert link_epci("d'Évreux", "CA", frozenset({"61"})).siren is None
    assert link_epci("Évreux", None, frozenset({"27"})).siren is None
    assert _seats("val garonne agglo", "CA") == set() and _seats("saint lo agglo", "CA") == {"saint lo"}
    assert named_after("Évreux", "200071454")


def test_an_unknown_acronym_links_by_the_short_name_in_brackets_its_initials_give():
    """f22: "CUCM (Creusot-Montceau)": the acronym opens with the legal form (CU), its other
    letters are the short name's initials; a short name they do not give links nothing. Alone,
    "CUCM" is the initials of one EPCI of these départements (g56names: "Montceau-les-Mines"
    read without its complement): a link not exact, trusted in member lists only."""
    linker = DocumentLinker(frozenset({"21", "71"}), frozenset(), 2023)
    assert linker.link("CUCM (Creusot-Montceau)").siren == "247100290"
    assert linker.link("CUCM (Chalon)").siren is None
    alone = linker.link("CUCM")
    assert alone.siren == "247100290" and not alone.exact
    assert DocumentLinker(frozenset(), frozenset(), 2023).link("CUCM").siren is None
    # an official name holding its acronym and, in brackets, the words it spells is that EPCI
    ecla = "CA ECLA  (Espace Communautaire Lons Agglomération)"
    assert DocumentLinker(frozenset({"39"}), frozenset(), 2023).link(ecla).siren == "200071116"


def test_a_head_of_two_legal_forms_links_each_name_under_the_one_it_fits():
    """f22: "les communautés de communes et d'agglomération de Lacq-Orthez, …": "CC|CA"."""
    linker = DocumentLinker(frozenset({"64", "65"}), frozenset(), 2023)
    assert linker.link("Lacq-Orthez", "CC|CA").siren == "200039204"
    assert linker.link("Tarbes-Lourdes-Pyrénées", "CC|CA").siren == "200069300"


def test_an_official_name_holding_two_legal_names_links_by_each():
    """BANATIC's "CC Terres de Montaigu, CC Montaigu-Rocheservière" (2019-2021): the brand and the
    legal name of one EPCI, each a name people write."""
    assert link_epci("Montaigu-Rocheservière", "CC", frozenset({"85"}), 2020).siren == "200070233"
    assert link_epci("Terres de Montaigu", "CC", frozenset({"85"}), 2020).siren == "200070233"


def test_no_name_longer_than_the_longest_linked_core_links():
    """longest_linked_core() bounds every path of link_epci and of the acronyms, from the data:
    an indexed name (official, everyday, alias) written with one word more, a seat with its type
    word, a likeness (fuzz.ratio needs 2 * common / (query + key) characters >= ACCEPT_SCORE, so
    a query of bound + 1 words, 2 * bound + 1 characters at least, is like no key enough), an
    acronym of one word; past it, even a name repeating the longest official one links to nothing."""
    from pipeline.linking import (ACCEPT_SCORE, _index, core_word_ceiling, generated_acronyms,
                                  longest_linked_core)
    bound, index = longest_linked_core(), _index()
    assert all(key.count(" ") + 2 <= bound for key in index.exact)
    assert all(key.count(" ") + 2 <= bound for key in index.seat)
    shortest_query = 2 * (bound + 1) - 1
    assert all(2 * len(key) / (len(key) + shortest_query) < ACCEPT_SCORE for key in index.fuzzy_keys)
    assert all(core_word_ceiling(acronym) <= bound for acronym in [*known_acronyms(), *generated_acronyms()])
    longest = max(index.fuzzy_keys, key=len)
    repeated = " ".join([longest] * (bound // (longest.count(" ") + 1) + 1))
    assert len(repeated.split()) > bound and link_epci(repeated).siren is None


def test_a_defined_short_name_widens_the_documents_bound():
    from pipeline.linking import longest_linked_core
    linker = DocumentLinker()
    long_name = " ".join(f"Nom{i}" for i in range(longest_linked_core() + 5))
    linker.learn(long_name, link_epci("Flers Agglo"))
    assert linker.longest_linked_core() == longest_linked_core() + 5
    assert linker.link(long_name).siren == "200035814"


def test_core_word_floors_never_exceed_a_runs_core():
    """core_word_floors counts, for each written word, a floor of the words core_name gives for
    any run of the name holding it: legal forms (stripped from a run's start only, repeated) and
    stopwords count nothing."""
    import random
    from pipeline.linking import core_name, core_word_floors
    vocabulary = ["Communauté", "de", "Communes", "CC", "Métropole", "la", "L'Agglo", "d'Agglomération",
                  "Troyes", "Saint-Jean", "Quatre", "Urbaine", "Lacc", "-", "Com", "com", "Et", "Pays",
                  "Agglo", "Cœur", "l'", "Communautés", "Urbaines", "des", "Ca", "Val"]
    rng = random.Random(41)
    for _ in range(3000):
        words = rng.choices(vocabulary, k=rng.randint(1, 9))
        floors = core_word_floors(words)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                assert sum(floors[i:j]) <= len(core_name(" ".join(words[i:j])).split()), words[i:j]
    assert core_word_floors("Métropole Métropole CC Troyes Champagne de la Ville".split()) == [0, 0, 0, 1, 1, 0, 0, 1]


def test_a_trailing_bracket_is_matched_from_the_first_of_its_blanks():
    """The trailing-bracket patterns start after a non-blank (a name holding 10,000 blanks was read
    again from each of them): the same substitutions as without the look-behind."""
    import itertools
    import re

    from pipeline.linking import TRAILING_BRACKET, TRAILING_BRACKET_OR_OPENED

    plain = re.compile(r"\s*\([^()]*\)$"), re.compile(r"\s*\([^()]*\)?\s*$")
    for length in range(8):
        for characters in itertools.product(" \n(a)", repeat=length):
            written = "".join(characters)
            assert TRAILING_BRACKET.sub("", written) == plain[0].sub("", written), repr(written)
            assert TRAILING_BRACKET_OR_OPENED.sub("", written) == plain[1].sub("", written), repr(written)


def test_initials_skip_a_towns_complement_and_need_the_documents_departements():
    """g56names: "la CUCM" is the CU Le Creusot Montceau-les-Mines in Saône-et-Loire and the CU
    Caen la Mer in Calvados: the départements choose, never a guess without them."""
    from pipeline.linking import _initials
    assert {"CUCM", "CUCMM"} <= _initials("CU Le Creusot Montceau-les-Mines", frozenset())
    assert DocumentLinker(frozenset({"14"}), frozenset(), 2023).link("la CUCM").siren == "200065597"
    assert DocumentLinker(frozenset({"14", "71"}), frozenset(), 2023).link("la CUCM").candidates \
        == ("200065597", "247100290")


def test_initials_of_a_legal_form_after_its_article_count_outside_lists_in_context():
    """g56names: "Pour la CCBPD, …" names the CC Beaujolais Pierres Dorées in a text of the Rhône;
    not in a text of another département, nor without one, nor an acronym not after "la"."""
    text = "Pour la CCBPD, ce label compte. Le CCBPD est ailleurs."
    assert set(DocumentLinker(frozenset({"69"}), frozenset(), 2023).initials_in_context(text)) == {"CCBPD"}
    assert DocumentLinker(frozenset({"38"}), frozenset(), 2023).initials_in_context(text) == {}
    assert DocumentLinker(frozenset(), frozenset(), 2023).initials_in_context(text) == {}
    assert DocumentLinker(frozenset({"69"}), frozenset(), 2023).initials_in_context("Le CCBPD.") == {}


def test_a_name_without_its_leading_word_links_weakly_in_the_documents_departements():
    """g56names: "Pierres Dorées" for the CC Beaujolais Pierres Dorées, in the Rhône only, and not
    exact (a list's whole item only)."""
    found = link_epci("Pierres Dorées", None, frozenset({"69"}), 2023)
    assert found.siren == "200040574" and not found.exact
    assert link_epci("Pierres Dorées", None, frozenset({"38"}), 2023).siren is None
    assert link_epci("Pierres Dorées", None, frozenset(), 2023).siren is None


def test_initials_take_the_territorys_name_as_context_in_a_text_naming_no_departement():
    """g56names: "la CUCM" in a bulletin of the territory "Creusot-Montceau" naming no département:
    the one of the two EPCIs of those initials whose name the territory's starts; none without it;
    a well-known acronym keeps its own path."""
    named = DocumentLinker(frozenset(), frozenset(), 2019, territory_names=frozenset({"Creusot-Montceau"}))
    assert named.link("la CUCM").siren == "247100290"
    assert DocumentLinker(frozenset(), frozenset(), 2019, territory_names=frozenset({"Bretagne Sud"})).link("la CUCM").siren is None


@pytest.mark.parametrize("written, epci_type, year, siren", [
    ("l'agglo paloise", None, 2019, "200067254"),                     # CA Pau Béarn Pyrénées
    ("la communauté d'agglomération vannetaise", None, 2023, "200067932"),  # … - Vannes Agglomération
    ("paloise", "CA", 2023, "200067254"),                             # after the head "l'agglomération"
    ("la métropole rouennaise", None, 2023, "200023414"),             # Métropole Rouen Normandie
    ("la communauté urbaine mancelle", None, 2023, "247200132"),      # CU Le Mans Métropole
    ("l'agglomération niortaise", None, 2023, "200041317"),           # CA du Niortais: the demonym itself
    ("l'agglomération havraise", None, 2023, "200084952"),            # CU Le Havre Seine Métropole
])
def test_a_legal_form_and_a_towns_demonym_link_to_the_epci_named_after_it(written, epci_type, year, siren):
    link = DocumentLinker(year=year).link(written, epci_type)
    assert (link.siren, link.exact) == (siren, True)


@pytest.mark.parametrize("written, epci_type, year", [
    ("paloise", None, 2023),                          # a bare demonym is no EPCI
    ("les entreprises paloises", None, 2023),
    ("l'agglomération clermontoise", None, 2023),     # Clermont-Ferrand's and Clermont's (Oise)
    ("l'agglomération bigourdane", None, 2023),       # a former province, no town
    ("la métropole paloise", None, 2023),             # no métropole is named after Pau
    ("l'agglomération havraise", None, 2018),         # before the first millésime (the CODAH)
])
def test_a_demonym_of_no_one_epci_links_to_nothing(written, epci_type, year):
    assert DocumentLinker(year=year).by_demonym(written, epci_type) is None


def _one_letter_away() -> list[tuple[str, str, str]]:
    """(written, SIREN, a département it does not lie in) for official names of the referential
    whose first letter, changed, gives a name no EPCI bears ("Mayenne Communauté" ->
    "Cayenne Communauté"): a near miss one letter from a real EPCI elsewhere."""
    from pipeline import referential
    from pipeline.linking import _index, core_name
    ref = referential.load()
    found = []
    for siren in sorted(ref.epcis)[::40]:
        epci = ref.epcis[siren]
        core = core_name(epci.name)
        if not 12 <= len(core) <= 24 or not core[0].isalpha():
            continue
        other = next(letter for letter in "cmbt" if letter != core[0])
        near = other + core[1:]
        if near in _index().exact:
            continue
        elsewhere = next(code for code in sorted(ref.departements) if code not in epci.departement_codes)
        found.append((near.title(), siren, elsewhere))
    return found


def test_a_likeness_is_never_an_exact_link():
    """A name one letter away from an official one is a likeness, however high its score (0.944
    for a name of 18 letters): never `exact`, whatever the context."""
    near_misses = _one_letter_away()
    assert len(near_misses) > 10
    for written, siren, _elsewhere in near_misses:
        link = link_epci(written)
        assert not link.exact, (written, link)


def test_a_likeness_of_an_epci_elsewhere_gives_no_siren():
    """A near miss of an EPCI of another département than the document's ("Cayenne et de la
    communauté" in a text of Guyane for "Mayenne Communauté") is another place's name, not a slip:
    no SIREN, even with the legal form written; in the EPCI's own département it links."""
    for written, siren, elsewhere in _one_letter_away():
        for epci_type in (None, "CC"):
            assert link_epci(written, epci_type, frozenset({elsewhere}), 2023).siren != siren, written
    assert link_epci("Cayenne et de la communauté", None, frozenset({"973"}), 2023).siren is None
    assert link_epci("Cayenne et de la communauté").siren is None  # 0.944 in a text naming no place
    assert link_epci("Gailly Mauldre").siren == "200034130"          # 0.96: a slip, strictly alike
    assert link_epci("Gailly Mauldre", None, frozenset({"78"})).siren == "200034130"


def test_a_territory_name_points_to_the_epci_it_starts_written_with_its_legal_form_or_initials():
    # a text naming the Vaucluse only, about the territory "Gap-Tallard" (CA Gap-Tallard-Durance, 04/05)
    linker = DocumentLinker(frozenset({"84"}), territory_names=frozenset({"Gap-Tallard"}),
                            named_apart=frozenset({"Gap-Tallard"}))
    assert linker.link("Gap-Tallard", "CA").siren == "200067825"
    assert linker.link("CAGTD").siren == "200067825"
    # the name only ever written after the legal form is the EPCI's own name, no territory's
    assert DocumentLinker(frozenset({"84"}), territory_names=frozenset({"Gap-Tallard"})).link("Gap-Tallard", "CA").siren is None
    assert DocumentLinker(frozenset({"84"})).link("CAGTD").siren is None
