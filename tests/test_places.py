"""Départements, régions and France found in every written form, and the traps around them."""

from pipeline.extract.places import departements_in_name, find_places, former_regions_in


def codes(text):
    return [(text[p.start:p.end], p.code, p.kind) for p in find_places(text)]


def test_departements_in_every_form():
    text = ("dans l’Aube, en Haute-Marne, le Bas-Rhin, les Côtes-d'Armor, les Cotes d’Armor, "
            "à la Réunion, en Corse-du-Sud, DANS L’AUBE")
    assert [c for _, c, _ in codes(text)] == ["10", "52", "67", "22", "22", "974", "2A", "10"]


def test_regions_and_their_usual_other_names():
    text = "en Grand Est, les Hauts-de-France, en Région Sud, l'Île-de-France, en Bourgogne-Franche-Comté"
    assert [(c, k) for _, c, k in codes(text)] == [("44", "region"), ("32", "region"), ("93", "region"),
                                                    ("11", "region"), ("27", "region")]


def test_nord_needs_an_article_and_is_not_a_cardinal_point():
    assert [c for _, c, _ in codes("dans le Nord, Alsace du Nord, Nord Lorraine")] == ["59"]
    # "le Nord-Est …", "dans le Nord-Ouest": a compass point, whatever follows it
    assert [c for _, c, _ in codes("le Nord-Est Ardennes, dans le Nord-Ouest, le Nord-Pas-de-Calais")] == ["08"]


def test_an_ampersand_stands_for_et_in_a_departement_name():
    assert [c for _, c, _ in codes("Gers/Tarn & Garonne, en Ille & Vilaine, le Tarn et la Garonne")] == [
        "32", "82", "35", "81"]


def test_names_inside_other_names_are_not_places():
    text = "Saint-Dié-des-Vosges, la CC du Val de l'Aisne, la Seine-Maritime, la réunion du conseil"
    assert codes(text) == [("Seine-Maritime", "76", "departement")]
    # a compass word after a dash keeps the département: "Moselle-Est" lies in the Moselle
    assert codes("la Moselle-Est") == [("Moselle", "57", "departement")]


def test_france_but_not_organisations_or_plans():
    text = "en France, Business France, France Industrie, le plan France 2030, Régions de France"
    assert [c for _, c, _ in codes(text)] == ["FR"]


def test_departement_words_inside_territory_names():
    from pipeline.extract.places import departements_in_name

    def codes(name):
        text = f"Les territoires : {name}."
        start = text.index(name)
        return departements_in_name(text, start, start + len(name), find_places(text))

    assert codes("Est du Loiret") == {"45"}            # a compass word keeps the département
    assert codes("Moselle Est") == {"57"}
    assert codes("Vosges") == {"88"}
    assert codes("Vienne Condrieu") == set()           # Vienne is also a town (Isère)
    assert codes("Sologne Val de Cher") == set()       # a river after "Val de"
    assert codes("Grand-Est Touraine") == set()        # not the région, not a département


def test_nord_opening_a_name_is_a_compass_word():
    from pipeline.extract.places import find_places
    def codes(text):
        return [p.code for p in find_places(text)]
    assert codes("Le Nord des Ardennes à nouveau labellisé") == ["08"]
    assert codes("la Communauté d'agglomération du Nord Grande-Terre") == []
    assert codes("dans le Nord et le Pas-de-Calais") == ["59", "62"]
    # the north of what follows: an island, a département, a common noun
    assert codes("Le Territoire d'industrie Cap Nord, dans le Nord de l'île, recrute") == []
    assert codes("le Nord de l'Aisne et le Nord du département") == ["02"]
    assert codes("dans le Nord, des usines recrutent") == ["59"]


def test_departement_names_joined_by_hyphens():
    text = "sur le territoire Ardèche-Drôme Nord et l'Interdépartemental Gers-Tarn-et-Garonne"
    assert [(text[p.start:p.end], p.code) for p in find_places(text)] == [
        ("Ardèche", "07"), ("Drôme", "26"), ("Gers", "32"), ("Tarn-et-Garonne", "82")]
    # a town's name holding a département word stays a town; a département holding a hyphen stays whole
    assert find_places("à Bar-sur-Aube") == []
    assert [p.code for p in find_places("la Seine-Saint-Denis")] == ["93"]


def test_a_word_of_a_river_course_after_a_departement_name_makes_it_the_river():
    text = "Phase 2 pour Territoires d'industrie Saint-Nazaire Loire Estuaire"
    start = text.index("Saint-Nazaire")
    assert departements_in_name(text, start, len(text), find_places(text)) == set()
    text = "Territoire d'industrie Nord Loiret"
    assert departements_in_name(text, text.index("Nord"), len(text), find_places(text)) == {"45"}


def test_a_departement_whose_name_starts_like_an_article():
    # "Landes" is not "la" + "ndes"
    assert [(t, p.code) for t in ["dans les Landes"] for p in find_places(t)] == [("dans les Landes", "40")]


def test_a_former_region_in_a_name_and_current_region_names_that_are_not_one():
    from pipeline.extract.places import former_regions_in
    assert former_regions_in("Nord Franche-Comté") == {"27"}
    assert former_regions_in("Sud Alsace") == {"44"}
    # current names hold former ones: they are not read as such
    assert former_regions_in("Auvergne-Rhône-Alpes Est") == set()
    assert former_regions_in("Grand-Est Touraine") == set()


def test_a_former_region_after_a_compass_word_and_a_dash():
    assert former_regions_in("Nord-Franche-Comté") == former_regions_in("Nord Franche-Comté") == {"27"}
    assert former_regions_in("Nouvelle-Aquitaine") == set()


def test_the_seat_of_an_office_is_flagged():
    """'préfet de la Haute-Garonne' says who speaks, not where a territory lies (assemble.py)."""
    text = ("Étienne Guyot, préfet d’Occitanie, préfet de la Haute-Garonne, a signé à Alès (Gard). "
            "La préfecture de Haute-Loire, la préfète de la région Grand Est, préfète du Bas-Rhin, "
            "le sous-préfet de l'Aube ; un territoire de la Haute-Garonne, le préfet annonce que la Creuse")
    assert [(p.code, p.office) for p in find_places(text) if p.kind == "departement"] == [
        ("31", True), ("30", False), ("43", True), ("67", True), ("10", True), ("31", False), ("23", False)]


def test_a_dash_opening_a_line_is_a_list_marker_not_a_word_joiner():
    places = find_places("Les territoires retenus :\n-Ariège\n -Vosges\n")
    assert [p.code for p in places if p.kind == "departement"] == ["09", "88"]
    # inside a word, a dash still joins: "Auvergne-Rhône-Alpes" holds no Rhône
    assert [p.code for p in find_places("En Auvergne-Rhône-Alpes\n-Rhône-Alpes") if p.kind == "departement"] == []


def test_reunion_without_its_article_before_a_complement_is_the_noun():
    """fix19b: "Réunion des trois intercommunalités du territoire" is a meeting; "à La Réunion",
    "Guadeloupe, Réunion et Guyane" name the département."""
    assert find_places("Réunion des trois intercommunalités du territoire.") == []
    assert [p.code for p in find_places("Deux territoires à La Réunion.")] == ["974"]
    assert [p.code for p in find_places("Guadeloupe, Réunion et Guyane.")] == ["971", "974", "973"]


def test_a_departement_after_a_petr_is_a_place_after_another_body_a_name():
    text = "10. PETR de l'Ariège : textile en Pays d'Olmes."
    assert [p.code for p in find_places(text) if p.kind == "departement"] == ["09"]
    assert [p.code for p in find_places("Diagnostic porté par la CCI du Lot.") if p.kind == "departement"] == []


def test_nord_before_a_blank_line_is_the_departement():
    # g20a: a name goes on across one line break at most; a paragraph after the word opens nothing
    assert [c for _, c, _ in codes("six territoires dans le département du Nord\n\nLe préfet salue")] == ["59"]
    assert [c for _, c, _ in codes("le Nord\nGrande-Terre")] == []


def departement_codes(text):
    return [p.code for p in find_places(text) if p.kind == "departement"]


def test_a_departement_name_inside_a_written_epci_name_is_no_place():
    assert departement_codes("la communauté de communes Thiérache Sambre et Oise, la CC de la Thiérache du Centre") == []
    assert departement_codes("la communauté de communes Thiérache Sambre et Oise (CCTSO)") == []
    assert departement_codes("la communauté de communes Usses et Rhône") == []  # it lies in the Ain and Haute-Savoie
    assert departement_codes("la communauté de communes du Sud Territoire, dans le Doubs") == ["25"]
    assert departement_codes("deux territoires dans l'Oise") == ["60"]


def test_a_capitalised_office_keeps_its_seat():
    # "Sous-Préfète du …" is an office, not a capitalised name like "Alsace du Nord"
    places = find_places("Martine Durand, Sous-Préfète du Val-de-Marne, et le Préfet de l'Aube")
    assert [(p.code, p.office) for p in places] == [("94", True), ("10", True)]
