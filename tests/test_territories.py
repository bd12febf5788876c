"""Each territory rule on the wording it is for, and the traps around it."""

import re

import pytest

from pipeline.extract.places import find_places
from pipeline.extract.territories import find_territories
from pipeline.extract.territories.common import trim_name
from pipeline.extract.territories.fronted_place import fronted_place
from pipeline.normalize import name_key


def territories(text):
    return {(m.territory_id, m.rule, tuple(sorted(m.departement_codes)))
            for m in find_territories(text, find_places(text))}


def ids(text):
    return [m.territory_id for m in find_territories(text, find_places(text))]


def test_list_items_with_codes_in_every_bracket_form():
    text = ("Les territoires labellisés sont :\n"
            "• Territoire d’Industrie Ouest Rural [10 – Aube / 51 - Marne]\n"
            "- Pays Vert (32)\n"
            "* Vallée Haute (11-31-81)\n"
            "– Adour Pyrénées (TI interrégional/64-65)\n"
            "1. Pays des Lacs (39)\n")
    found = territories(text)
    assert ("ouest-rural", "territory.list_item_codes", ("10", "51")) in found
    assert ("pays-vert", "territory.list_item_codes", ("32",)) in found
    assert ("vallee-haute", "territory.list_item_codes", ("11", "31", "81")) in found
    assert ("adour-pyrenees", "territory.list_item_codes", ("64", "65")) in found
    assert ("pays-des-lacs", "territory.list_item_codes", ("39",)) in found


def test_prefixed_name_stops_before_member_list_and_strips_article():
    text = "• Territoire d’Industrie de l’Ouest Rural regroupant la communauté de communes du Sud."
    assert ids(text) == ["ouest-rural"]


def test_programme_name_is_not_a_territory():
    text = ("Le programme Territoires d’industrie a permis d’accompagner 149 Territoires d’industrie. "
            "NOUVELLE PHASE DU PROGRAMME TERRITOIRE D’INDUSTRIE :\n2 TERRITOIRES LABELLISÉS\n"
            "Territoires d'Industrie, c'est quoi ?\nTerritoires d'industrie\n\nÀ date du 9 novembre")
    assert ids(text) == []


def test_a_departement_after_its_article_is_the_place_not_a_territory():
    assert ids("Territoires d'industrie : la Somme labellisée pour quatre ans de plus\n\nAmiens, le 24 "
               "novembre 2023") == []
    assert ids("Mayotte a rejoint les 183 Territoires d'industrie labellisés.") == ["mayotte"]


def test_a_name_going_on_after_a_lower_case_adjective_of_the_data_list():
    assert ids("Le Territoire d'industrie Pôle métropolitain de l'Artois est confirmé pour 2023-2027.") == [
        "pole-metropolitain-de-l-artois"]


def test_spaced_dashes_part_names_under_a_place_heading_only_where_the_heading_or_brackets_say_so():
    intro = "Voici les territoires labellisés en 2018, région par région :\n\n"
    other = "Bretagne : Pays de Vannes, Lamballe Terre et Mer\n"
    assert ids(intro + "Grand Est (3 territoires) : Nord Est Ardenne – Nord Lorraine – Moselle Est\n"
               + other)[:3] == ["nord-est-ardenne", "nord-lorraine", "moselle-est"]
    assert ids(intro + "Grand Est : Nord Est Ardenne (08) – Vitry-le-François – Saint-Dizier – Bar-le-Duc "
               "(51-52-55)\n" + other)[:2] == ["nord-est-ardenne", "vitry-le-francois-saint-dizier-bar-le-duc"]
    # nothing tells whether "A – B" is one name or two: neither is read
    assert ids(intro + "Pays de la Loire : Saint-Nazaire – Cordemais\n" + other) == [
        "pays-de-vannes", "lamballe-terre-et-mer"]


def test_semicolon_list_after_territoires_suivants():
    text = ("Les élus des territoires suivants: Val Bossu – Sarre – Nord ; Plaine \n\nhaute ; "
            "Langres-Chaumont ; Troyes Bar sur Aube. Ensuite autre chose.")
    assert ids(text) == ["val-bossu-sarre-nord", "plaine-haute", "langres-chaumont", "troyes-bar-sur-aube"]


def test_stated_count_splits_a_coordination():
    text = "Un partenariat est engagé avec 2 autres Territoires d’industrie : Flandres Sud et Bresle-Vimeu (secteur verrier) ;"
    assert ids(text) == ["flandres-sud", "bresle-vimeu"]


def test_bold_bullets_with_member_lists():
    text = ("Il s'agit des territoires de :\n\n"
            "- **Haute Vallée** (regroupant les Communautés de Communes de A et de B)\n"
            "- **du Pays Clair** (regroupant la Communauté d'Agglomération de C)\n")
    assert ids(text) == ["haute-vallee", "pays-clair"]


def test_sentence_like_bullets_are_not_territories():
    text = ("Territoires d'Industrie, un accompagnement accru des territoires :\n\n"
            "- Un soutien en animation et en ingénierie\n"
            "- Une contribution à la mise en œuvre d'un plan d'actions\n")
    assert ids(text) == []


def test_departement_named_inside_a_territory_name():
    found = {m.territory_id: m.departement_codes
             for m in find_territories("territoires suivants : Nord Est Ardennes ; Alsace du Nord.",
                                       find_places("territoires suivants : Nord Est Ardennes ; Alsace du Nord."))}
    assert found == {"nord-est-ardennes": {"08"}, "alsace-du-nord": set()}


def test_territory_id_ignores_case_accents_dashes_and_articles():
    assert name_key("de l’Ouest  Champenois") == name_key("OUEST-CHAMPENOIS") == "ouest-champenois"
    assert name_key("Troyes / Bar-sur-Aube") == name_key("Troyes Bar sur Aube")


def test_text_without_territory_gives_nothing():
    assert ids("Le programme Territoires d'industrie poursuit sa mise en oeuvre.") == []


def test_signatories_of_a_protocol_are_territories_but_institutions_are_not():
    text = ("Figeac et Vallée du Lot ayant déjà signé leur propre protocole, la liste s'allonge. "
            "La Région et l'État ont signé un contrat.")
    found = {(m.territory_id, m.rule) for m in find_territories(text, find_places(text))}
    assert found == {("figeac", "territory.signatories"), ("vallee-du-lot", "territory.signatories")}


def test_ligature_oe_is_spelled_out_in_keys():
    assert name_key("Cœur de Savoie") == name_key("Coeur de Savoie") == "coeur-de-savoie"


def test_a_dash_inside_a_prefixed_name_is_kept():
    text = "Le Territoire d'industrie Vallée de la Bresle – Vimeu (TI interrégional/76-80) associe la CC X."
    assert ids(text) == ["vallee-de-la-bresle-vimeu"]


def test_an_employer_after_a_spaced_dash_is_no_part_of_the_name():
    text = ("- Anne Roux, chargée de mission pour le Territoire d'industrie Nevers Val de Loire - Conseil "
            "Régional de Bourgogne Franche-Comté\n"
            "- Luc Bel, chef de projet pour le Territoire d'industrie Lacq – Pau – Tarbes - CCI Pau Béarn\n")
    assert ids(text) == ["nevers-val-de-loire", "lacq-pau-tarbes"]


def test_territories_named_where_their_activities_stand():
    text = ("Les Territoires d'industrie de la région emploient la moitié des salariés de l'industrie. "
            "Des territoires se distinguent : la chimie dans le Grand Dole, l'horlogerie, la joaillerie et la "
            "bijouterie dans le Haut-Doubs, ou encore la forêt dans les Vosges saônoises.")
    assert ids(text) == ["grand-dole", "haut-doubs", "vosges-saonoises"]
    # départements and régions where activities stand are no territories; nor is a list of names
    assert ids("Les Territoires d'industrie avancent. Des territoires se distinguent : la chimie dans le "
               "Doubs, la mécanique en Bourgogne-Franche-Comté.") == []
    assert ids("Les Territoires d'industrie avancent. Des territoires se distinguent : la chimie dans le "
               "Grand Dole, la mécanique chez Peugeot à Sochaux.") == []


def test_a_rank_among_the_territories_signing_their_protocol_names_the_subject():
    text = ("Dans ce contexte, l'Auxois-Morvan est le second territoire de la région Bourgogne-Franche-Comté à "
            "signer ce protocole Territoires d'industrie.")
    assert ids(text) == ["auxois-morvan"]
    assert ids("Le Grand Dole est la première ville à signer ce protocole avec la Région.") == []


def test_comma_list_without_stated_count():
    text = "Les territoires lauréats sont : Vallée de la Bresle, Pays de Bray et Caux Maritime. Suite."
    assert ids(text) == ["vallee-de-la-bresle", "pays-de-bray", "caux-maritime"]


def test_ti_abbreviation():
    text = "Le TI Sud Vosges regroupe la CC X. (TI interrégional/64-65) Le titre."
    assert ids(text) == ["sud-vosges"]


def test_sub_grouped_list_with_codes_in_every_form():
    text = ("La région compte 5 lauréats, qui sont :\n"
            "• Renouvellement des territoires existants : Pays Vert (09) ; Vallée Haute (11-31-81) ; "
            "Interdépartemental 32/82 ; Adour Sud (TI interégional/64-65).\n"
            "• Nouveaux territoires: Monts Clairs (48).\n")
    assert territories(text) == {
        ("pays-vert", "territory.list_item_codes", ("09",)),
        ("vallee-haute", "territory.list_item_codes", ("11", "31", "81")),
        ("interdepartemental-32-82", "territory.list_item_codes", ("32", "82")),
        ("adour-sud", "territory.list_item_codes", ("64", "65")),
        ("monts-clairs", "territory.list_item_codes", ("48",))}


def test_glosses_after_names_and_an_axis_list_before_them():
    text = ("Il se focalise sur 4 axes majeurs :\n• Accélérer la transition écologique\n"
            "• Mobiliser le foncier industriel\n\n"
            "En région, 3 territoires sont lauréats de cette seconde phase du programme :\n"
            "• Est du Loiret qui inclut notamment Montargis\n"
            "• Bourg Haut (3 EPCI) extension à la communauté de communes du Val\n"
            "• Plaine Claire, extension à la CA du Lac,\n"
            "Une phrase sans rapport suit la liste.\n")
    assert ids(text) == ["est-du-loiret", "bourg-haut", "plaine-claire"]
    assert territories(text) >= {("est-du-loiret", "territory.list_item", ("45",))}


def test_label_value_items_name_the_territory_in_the_label():
    text = ("Ce sont ainsi 124 Territoires d'Industrie qui ont été annoncés. 10 d'entre eux concernent la région :\n"
            "• « Axe Vert » : CA du Lac, Monts Agglo\n"
            "• Pays Haut (Haute-Marne et Meuse) : CC du Val\n")
    assert territories(text) == {("axe-vert", "territory.list_item", ()),
                                 ("pays-haut", "territory.list_item_codes", ("52", "55"))}


def test_governance_levels_are_not_territories():
    text = ("Territoires d'industrie conserve sa gouvernance tripartite :\n"
            "• Locale : démarche animée par un binôme élu-industriel\n"
            "• Nationale : suivi de la coordination de l'offre de services\n")
    assert ids(text) == []


def test_territories_named_once_in_prose():
    assert ids("Le territoire du Grand Bois ainsi que celui du Val de Ruisseau, Lande, Forêt et Marais "
               "ont été reconduits.") == ["grand-bois", "val-de-ruisseau-lande-foret-et-marais"]
    assert ids("Labellisé depuis 2023, le pays de Lumière a dressé son bilan.") == ["pays-de-lumiere"]
    assert ids("Communiqué – Le Bocageois labellisé comme nouveau Territoire d'Industrie") == ["bocageois"]
    assert ids("Lancé en 2023, Cœur de Vallée, le territoire d'industrie réunissant deux EPCI, avance.") == [
        "coeur-de-vallee"]
    assert ids("Le 25 octobre, une convention a été signée pour le territoire Bocage-Centre qui comprend "
               "trois agglomérations.") == ["bocage-centre"]


def test_inline_list_announced_by_a_count_and_il_s_agit_de():
    text = ("En Alsace, quatre secteurs sont concernés : Alpha Nord, Beta Sud, Gamma et Delta Centre. "
            "En Lorraine, il s'agit de Epsilon, Zeta Haut et la Plaine Claire.")
    assert ids(text) == ["alpha-nord", "beta-sud", "gamma", "delta-centre", "epsilon", "zeta-haut",
                         "plaine-claire"]


def test_a_count_of_schools_is_not_a_list_of_territories():
    text = "Cela s'est traduit par la création de deux écoles de production : Forge Vallée à Ville, et Atelier Sud."
    assert ids(text) == []


def test_a_counted_noun_of_territories_announces_the_list_whatever_noun_ends_the_intro():
    text = ("Les trois territoires tarnais suivants sont retenus pour une deuxième étape du programme :\n"
            "  • Tarn Nord (81), nouveau lauréat\n"
            "  • Hautes Terres d'Oc (81), nouveau lauréat\n")
    assert ids(text) == ["tarn-nord", "hautes-terres-d-oc"]


def test_codes_after_names_do_not_make_projects_or_companies_territories():
    text = ("Dans les prochains mois, les projets suivants seront accélérés :\n"
            "  • ATELIERS DE VITRE (groupe TEXIER) à Vitré (Ille-et-Vilaine) – maroquinerie\n"
            "  • Forges de Bretagne (56) – fonderie\n")
    assert ids(text) == []


def test_members_of_one_territory_by_departement_are_not_territories():
    text = ("La candidature de « Rhône Provence Industrie » vient d'être retenue pour ce territoire "
            "étendu à 4 EPCI.\nPour la Drôme :\n• Montélimar Agglomération (1),\n"
            "• La Communauté de communes Drôme Sud Provence (2),\nPour l'Ardèche :\n"
            "• La Communauté de communes Ardèche Rhône Coiron (4)\n"
            "Celles-ci, ainsi que leurs vice-présidents en charge de l'économie : Eric Phélippeau, "
            "Alain Gallu et Bernard Noël, portent un projet commun.")
    assert "montelimar-agglomeration" not in ids(text)
    assert not {"eric-phelippeau", "alain-gallu", "bernard-noel"} & set(ids(text))


def test_name_and_members_items_under_an_intro_announcing_intercommunalities():
    text = ("Intercommunalités engagées, territoire par territoire :\n\n"
            "- Caen Industrie : Caen la mer\n- Collines de Normandie : Flers Agglo et Intercom de la Vire au Noireau\n"
            "\nIntercommunalités membres :\n- Flers Agglo\n- Caen la mer\n")
    assert ids(text) == ["caen-industrie", "collines-de-normandie"]


def test_label_then_description_items_under_an_intro_announcing_territories():
    text = ("Les autres territoires retenus sont les suivants :\n"
            "- Aurillac – Figeac – Rodez : forte culture industrielle dans l'aéronautique.\n"
            "- Bassin d'Alès : développement centré autour de quelques filières.\n")
    assert ids(text) == ["aurillac-figeac-rodez", "bassin-d-ales"]


def test_programme_words_with_a_capital_and_a_title_line_end_the_name():
    assert ids("Titre\nLe Territoire d’Industrie du Grand Compiégnois\nTexte\n") == ["grand-compiegnois"]
    assert ids("Territoire d’industrie Aurillac – Figeac – Rodez\nPlusieurs projets ont été lancés.") == [
        "aurillac-figeac-rodez"]
    assert ids("grâce au Territoire d'Industrie Sud Meuse Nord Haute-Marne. La candidature commune au "
               "Territoire d'Industrie des quatre EPCI a été retenue.") == ["sud-meuse-nord-haute-marne"]


def test_word_pilote_a_year_and_a_name_in_capitals_on_the_next_line():
    assert ids("le protocole du « Territoire d’industrie » pilote Grand-Orly Seine Bièvre.") == [
        "grand-orly-seine-bievre"]
    assert ids("CONTRAT DU TERRITOIRE D’INDUSTRIE INTERDEPARTEMENTAL / HAUTE-VIENNE 2019-2022\n") == [
        "interdepartemental-haute-vienne"]
    assert ids("CONTRAT TERRITOIRE D’INDUSTRIE\nCONTRAT TERRITOIRE D’INDUSTRIE\n"
               "ROCHEFORT – ROYAN - MARENNES - OLERON 2020-2022\nENTRE\n") == ["rochefort-royan-marennes-oleron"]


def test_institutions_phases_counts_and_epci_pieces_are_not_names():
    assert ids("Le « Territoire d'industrie » représenté par :\n- l’État représenté par le Préfet,\n") == []
    assert ids("une candidature au programme Territoires d’Industrie Temps II (2023 – 2027).") == []
    assert ids("Trois lauréats « Territoires d'industrie » dans le Tarn") == []
    assert ids("Philippe Duprieu, président de la Communauté d’Agglomération du Territoire Vendômois, "
               "a ouvert la réunion du Territoire d'industrie.") == []
    assert ids("Quand on lui rajoute le territoire de la CCPG, on peut parler de Territoire d’industrie.") == []


def test_a_question_asserts_no_label():
    assert ids("La CAPA, un Territoire d’industrie ?\nLa Corse figure parmi les territoires.") == []


def rules_of(text):
    return {m.territory_id: m.rule for m in find_territories(text, find_places(text))}


def names_of(text):
    return [m.name for m in find_territories(text, find_places(text))]


def test_subjects_of_a_label_predicate():
    assert rules_of("Seine Aval encore labellisé Territoire d’industrie") == {"seine-aval": "territory.labelled"}
    assert ids("CAP Nord Martinique est labellisée Territoire d’Industrie et dispose de 14 zones.") == [
        "cap-nord-martinique"]
    assert ids("Le Pays Ajaccien, fier d’être de nouveau labelisé Territoire d’Industrie jusqu’en 2027.") == [
        "pays-ajaccien"]
    assert ids("Et le nord Franche-Comté fut l’un des premiers territoires reconnus par l’État.") == [
        "nord-franche-comte"]
    assert ids("Reconnu pour 2023-2027, Cœur de Maine a la particularité d’être l’un des deux "
               "\"Territoires d’industrie\" de la région.") == ["coeur-de-maine"]
    assert ids("La Guyane comptera 3 territoires d’industrie car comme Kourou, Cayenne et Saint Laurent "
               "feront aussi partie des 141 territoires d’industrie sélectionnés.") == [
        "kourou", "cayenne", "saint-laurent"]
    assert ids("Pour le Gers, c’est l’Interdépartemental Gers Tarn-et-Garonne qui a été retenu.") == [
        "interdepartemental-gers-tarn-et-garonne"]
    assert ids("Labellisation de l’Agglomération d’Agen : Territoire d’Industrie 2023/2027") == [
        "agglomeration-d-agen"]
    assert names_of("Le Pôle d’équilibre territorial et rural (PETR) du Soissonnais et du Valois vient "
                    "d’obtenir la labellisation Territoires d’industrie.") == ["Soissonnais et Valois"]


def test_what_is_not_the_subject_of_a_label_predicate():
    # places, coordinated members, the object of "portée par", a title's kicker, a question
    assert ids("Economie : La Guadeloupe, la Guyane et la Réunion labellisées «Territoires d’industrie»") == []
    assert ids("Le sénateur se réjouit de l’accès de la communauté d’agglomération du Grand Auch Cœur de "
               "Gascogne et de la communauté de communes d’Astarac-Arros en Gascogne au dispositif.") == []
    assert ids("La candidature portée par GPSEO, Saint-Germain Boucles de Seine et les communautés de "
               "communes Gally Mauldre et Les Portes de l’Île-de-France fait partie des 183 territoires "
               "choisis par l’État.") == []
    assert ids("Communiqué – Le Lunévillois labellisé comme nouveau Territoire d’Industrie") == ["lunevillois"]
    assert ids("Mayotte, futur territoire d’industrie labellisé Territoire d'industrie ?") == []


def test_names_coordinated_after_a_cue():
    assert ids("124 territoires vont bénéficier du plan, dix sont situés en Nouvelle-Aquitaine. Parmi eux, "
               "Aubusson-La Souterraine, le bassin de Brive-Périgord, Limoges Métropole et le pays de "
               "Saint-Yrieix-la-Perche.") == ["aubusson-la-souterraine", "bassin-de-brive-perigord",
                                               "limoges-metropole", "pays-de-saint-yrieix-la-perche"]
    assert ids("Dans la région, ce seront les secteurs de Pithiviers, Montargis, Issoudun, Bourges-Vierzon, "
               "la vallée du Loir et la vallée du Cher (voir carte) qui profiteront du label.") == [
        "pithiviers", "montargis", "issoudun", "bourges-vierzon", "vallee-du-loir", "vallee-du-cher"]
    # a place complement: the places where something happens, not territories
    assert ids("Le label se déploie dans le Grand Chalon et dans les territoires de Louhans, Tournus ou "
               "encore Cluny.") == []
    # "avec parmi ceux-ci le « X »", without a verb, the name in quotes
    assert ids("L'État vient de retenir 124 territoires, dont 13 dans la région Grand Est, avec parmi "
               "ceux-ci le « Nord-Est Ardennes ».") == ["nord-est-ardennes"]
    # after the last comma only the last "et" coordinates: "Lamballe Terre et Mer" is one name
    assert ids("Trois nouveaux territoires complètent la liste : Vendée-Est, Lamballe Terre et Mer et "
               "Saint-Brieuc Baie d'Armor.") == ["vendee-est", "lamballe-terre-et-mer", "saint-brieuc-baie-d-armor"]
    assert ids("Trois territoires sont retenus. Parmi eux, le Pays de Gex, Monts et Vallées de l'Ouest et la "
               "Vallée de l'Arve.") == ["pays-de-gex", "monts-et-vallees-de-l-ouest", "vallee-de-l-arve"]
    assert ids("Le programme bénéficie à 141 territoires, dont les communautés d’agglomération de Bastia "
               "et du Pays Ajaccien.") == ["bastia", "pays-ajaccien"]
    assert ids("À La Réunion, les deux Territoires d’industrie de la première phase, le Territoire de "
               "l'Ouest et la CIREST, sont reconduits.") == ["territoire-de-l-ouest", "cirest"]
    assert ids("Des sites pilotes ont été désignés, quatre pour la région Auvergne-Rhône-Alpes : Annecy, "
               "Montluçon, le Puy-en-Velay et Vienne-Condrieu.\n") == []  # no territory in sight
    assert ids("Lire aussi : 15 territoires d'industrie en Auvergne-Rhône-Alpes\nDes sites pilotes ont été "
               "désignés, quatre pour la région Auvergne-Rhône-Alpes : Annecy, Montluçon, le Puy-en-Velay "
               "et Vienne-Condrieu.") == ["annecy", "montlucon", "puy-en-velay", "vienne-condrieu"]
    assert ids("Le Lunévillois rejoint les territoires Meurthe-et-Mosellans sélectionnés fin 2018 : Nord "
               "Lorraine et Val et Terres de Lorraine qui comprend la CC du Bassin de Pompey.") == [
        "lunevillois", "nord-lorraine", "val-et-terres-de-lorraine"]
    assert ids("Parmi eux figurent Baie de Somme Ponthieu-Marquenterre industrie, qui associe la CA de la "
               "Baie de Somme et la CC Ponthieu-Marquenterre, et Vallée de la Bresle-Vimeu, un territoire "
               "interrégional.") == ["baie-de-somme-ponthieu-marquenterre-industrie", "vallee-de-la-bresle-vimeu"]


def test_a_pair_of_intercommunalities_candidating_together_is_one_territory_and_an_et_inside_a_name_stays():
    """probes91_mixed 02: "• la CA A, qui candidatait avec la CA B" was no pair, so the whole list
    went to one territory; "la CA Grand Calais Terres et Mers" was cut at its "et" and read as none."""
    intro = "Deux candidatures ont été retenues au programme Territoires d'industrie :\n\n"
    text = (intro + "• la communauté d'agglomération du Boulonnais, qui candidatait avec la communauté de communes "
            "de Desvres-Samer ;\n• la communauté d'agglomération Grand Calais Terres et Mers.\n")
    assert ids(text) == ["boulonnais-desvres-samer", "grand-calais-terres-et-mers"]
    support = intro.replace("Deux candidatures ont", "Une candidature a") + (
        "• la communauté d'agglomération du Boulonnais, qui candidatait avec le soutien du port.\n")
    assert ids(support) == ["boulonnais"]  # no intercommunality after "avec": no pair


def test_a_labelled_intercommunality_whose_bid_the_next_sentence_names_is_no_territory_of_its_own():
    """variants37H c1-c2 (probes91_mixed 08's kind): "La CA X a obtenu le label … Sa candidature a été
    retenue sous l'intitulé « Y »" gave X and Y; X is Y's member."""
    text = ("La communauté d'agglomération du Pays de Grasse a obtenu le label Territoires d'industrie pour "
            "2023-2027. Sa candidature a été retenue sous l'intitulé « Pays de Grasse Industrie ».")
    assert ids(text) == ["pays-de-grasse-industrie"]
    presented = text.replace("Sa candidature a été retenue sous l'intitulé « Pays de Grasse Industrie »",
                             "Son dossier a été présenté par le président")
    assert ids(presented) == ["pays-de-grasse"]  # no name given to the bid: the labelled EPCI names it


def test_a_territory_that_pursues_the_approach_in_a_text_about_the_programme_is_read():
    """probes91_mixed 10: "En Corse, le Pays Ajaccien poursuit la démarche engagée en 2019" named
    no territory; a council's or a firm's approach is none."""
    lead = "Territoires d'industrie : la deuxième phase lancée\n\nLe programme entre dans sa deuxième phase. "
    assert ids(lead + "En Bretagne, le Pays de Morlaix poursuit la démarche engagée en 2018.") == ["pays-de-morlaix"]
    assert ids(lead + "La Région poursuit la démarche engagée en 2018 avec les intercommunalités.") == []
    assert ids(lead + "L'entreprise Aubert Industrie poursuit sa démarche de certification.") == []


def test_territories_designated_by_their_intercommunalities():
    assert names_of("Trois territoires en Guadeloupe ont été labellisés sur les 183 au niveau national : "
                    "CAPEX, Communauté de communes de Marie-Galante avec la Communauté d’Agglomération du "
                    "Nord Grande Terre, Communauté d’Agglomération Nord Basse Terre avec la Communauté "
                    "d’Agglomération du Grand Sud Caraïbes.") == [
        "CAPEX", "Marie-Galante / Nord Grande Terre", "Nord Basse Terre / Grand Sud Caraïbes"]
    assert names_of("Ainsi, les territoires de la CAPEX Communauté d’Agglomération Cap Excellence, de la "
                    "Communauté d’Agglomération Nord Grande Terre / Communauté de communes de Marie-Galante, "
                    "et, de la CA Grand Sud Caraïbe / CA Nord Basse Terre sont nos lauréats.") == [
        "Cap Excellence", "Nord Grande Terre / Marie-Galante", "Grand Sud Caraïbe / Nord Basse Terre"]
    assert names_of("Parmi les 183 territoires retenus, on retrouve le binôme Agglomération du Gard "
                    "rhodanien-Communauté de communes du Pont du Gard (CCPG).") == ["Gard rhodanien / Pont du Gard"]
    # members who write a candidacy together are one territory, not several
    assert ids("Fin 2023, les territoires de la Communauté urbaine de Dunkerque et de la Communauté de "
               "Communes des Hauts de Flandre ont porté ensemble une candidature au programme Territoires "
               "d’Industrie.") == []


def test_a_short_form_takes_the_full_name_of_its_territory():
    text = ("Le Pays du Lunévillois labellisé Territoire d'industrie\n"
            "Le Lunévillois rejoint ainsi les territoires de Meurthe-et-Moselle reconnus en 2018.")
    assert set(ids(text)) == {"pays-du-lunevillois"}


def test_numbered_items_under_a_paragraph_counting_the_territories():
    text = ("Le choix des 10 Territoires d’industrie en Normandie montre que toute la région est concernée.\n\n"
            "  1. L’Axe Seine, bien sûr.\n  2. La Vallée de la Bresle, centre mondial du flaconnage.\n"
            "  3. La région de Lisieux, autour de l’agro-industrie.\n"
            "  4. La zone intitulée Collines de Normandie,\n")
    assert ids(text) == ["axe-seine", "vallee-de-la-bresle", "region-de-lisieux", "collines-de-normandie"]
    # a national count sizes no list of names
    assert ids("Le programme compte 183 territoires d'industrie.\n- Montargis Gien\n- Vierzon Sud\n") == []


def test_a_page_starting_inside_a_list_of_described_territories():
    text = ("- Gard Rhodanien : le territoire bénéficie d’un réel dynamisme dans l’énergie.\n"
            "- Narbonne : bénéficiant des activités portuaires, le Narbonnais possède des atouts.\n"
            "- Pau - Tarbes : ce territoire interrégional possède une forte identité industrielle.\n"
            "- PETR d’Ariège : la vocation industrielle de ce territoire se maintient.\n")
    assert ids(text) == ["gard-rhodanien", "narbonne", "pau-tarbes", "petr-d-ariege"]
    assert ids("- Locale : démarche animée par un binôme élu-industriel sur le territoire\n"
               "- Nationale : suivi de l'offre de services\n") == []


def test_name_then_description_paragraphs_under_an_intro_announcing_territories():
    text = ("10 territoires ont été sélectionnés en Occitanie, sur l’ensemble de la région :\n\n"
            "Aurillac – Figeac – Rodez : Marqué par une forte culture industrielle, ce bassin est dynamique.\n\n"
            "Bassin d’Alès : Initialement empreint d’une tradition minière, son développement continue.\n\n"
            "Béziers-Sète : Bénéficiant du dynamisme du port de Sète, ce territoire se développe.\n")
    assert ids(text) == ["aurillac-figeac-rodez", "bassin-d-ales", "beziers-sete"]


def test_items_naming_territories_by_their_intercommunalities():
    text = ("Le ministre a dévoilé la carte des 183 Territoires d'industrie. La Guadeloupe en compte trois, "
            "portés par cinq intercommunalités :\n\n"
            "▪ CAPEX – Communauté d'agglomération Cap Excellence ;\n"
            "▪ CANGT – Communauté d'agglomération du Nord Grande-Terre / CCMG – Communauté de communes de "
            "Marie-Galante ;\n"
            "▪ CAGSC – Communauté d'agglomération Grand Sud Caraïbe / CANBT – Communauté d'agglomération du "
            "Nord Basse-Terre.\n")
    found = {m.name: m.departement_codes for m in find_territories(text, find_places(text))}
    assert found == {"Cap Excellence": set(), "Nord Grande-Terre / Marie-Galante": set(),
                     "Grand Sud Caraïbe / Nord Basse-Terre": set()}


def test_counted_names_in_brackets_and_place_glosses():
    assert ids("Sur les 124 Territoires d'industrie, cinq se trouvent outre-mer. La Guyane en compte deux "
               "(Kourou et Cayenne), La Réunion deux également (Le Port et Saint-André) et la Guadeloupe un "
               "seul (Baie-Mahault, avec la zone industrielle de Jarry).") == [
        "kourou", "cayenne", "port", "saint-andre", "baie-mahault"]
    assert ids("En Auvergne-Rhône-Alpes, quatre territoires pilotes ont été désignés (Annecy, Montluçon, "
               "Le Puy-en-Velay et Vienne-Condrieu).") == ["annecy", "montlucon", "puy-en-velay", "vienne-condrieu"]
    # pilot sites a count sizes before a colon: territories too
    assert ids("Territoires d'industrie : les pilotes\n\nPour aller vite, l'État a choisi des sites pilotes, quatre "
               "pour la région : Vienne-Condrieu, Montluçon, Annecy et le Puy-en-Velay.") == [
        "vienne-condrieu", "montlucon", "annecy", "puy-en-velay"]
    # a text that never names the programme: other pilot sites
    assert ids("Pour aller vite, l'État a choisi des sites pilotes, quatre pour la région : Vienne-Condrieu, "
               "Montluçon, Annecy et le Puy-en-Velay.") == []
    # a count of members in brackets names members
    assert ids("Le territoire regroupe quatre intercommunalités (Bourges Plus, Vierzon, Sauldre et Cœur de "
               "Berry).") == []
    assert ids("En Corse, deux territoires ont été retenus : la Communauté d'agglomération de Bastia (CAB), "
               "en Haute-Corse, et la Communauté d'agglomération du Pays Ajaccien (CAPA), en Corse-du-Sud.") == [
        "bastia", "pays-ajaccien"]
    assert ids("5 zones ont été sélectionnées pour faire partie des territoires: Baie-Mahault (Guadeloupe), "
               "Kourou et Cayenne (Guyane ), Le Port et Saint-André à La Réunion.") == [
        "baie-mahault", "kourou", "cayenne", "port", "saint-andre"]


def test_a_headline_after_the_programme_name_is_no_name():
    assert ids("Territoires d'industrie : le bassin de Bourges et Vierzon retenu par l'État\n\n"
               "Bourges, le 13 décembre 2018") == []


def test_more_label_predicates_and_their_limits():
    assert ids("À La Réunion, le TCO et la Cirest, les deux Territoires d'industrie de la première phase, "
               "sont reconduits pour 2023-2027.") == ["tco", "cirest"]
    assert ids("Seine Aval reste Territoire d'industrie\n\nSeine Aval est de nouveau lauréat.") == ["seine-aval"] * 2
    assert ids("Mamoudzou – Le 9 novembre dernier, Mayotte a rejoint les 183 territoires retenus.") == ["mayotte"]
    assert ids("Forts du label « Mayotte, Territoire d’Industrie » reçu le 9 novembre, la CCI a ouvert des "
               "Assises autour d’une question : « Comment faire évoluer le secteur industriel ? »") == ["mayotte"]
    text = ("le Premier ministre a présenté les 124 territoires que l'État veut aider. Villes moyennes et "
            "zones rurales dominent la carte : la Vallée de l'Arve (Haute-Savoie), Aurillac – Figeac – Rodez "
            "(Cantal, Lot et Aveyron) ou encore Moselle Est y figurent.")
    assert territories(text) == {("vallee-de-l-arve", "territory.labelled", ("74",)),
                                 ("aurillac-figeac-rodez", "territory.labelled", ("12", "15", "46")),
                                 ("moselle-est", "territory.labelled", ("57",))}
    assert ids("la carte des 124 Territoires d'industrie. Le Cher y figure :\n") == []
    assert ids("*Dans le Roannais, labellisé « territoire d'industrie », les techniciens se forment.*") == ["roannais"]
    assert ids("Industrie : le territoire Dordogne / Haute-Vienne a son contrat\n\nLes élus ont approuvé le "
               "contrat du Territoire d'industrie interdépartemental Dordogne / Haute-Vienne.") == [
        "interdepartemental-dordogne-haute-vienne", "interdepartemental-dordogne-haute-vienne"]


def test_a_title_after_the_programme_name_is_a_headline_not_a_list():
    assert ids("Territoires d'industrie : la Gironde en compte trois\n\nBordeaux, le 17 novembre 2023\n") == []
    assert ids("Territoires d'industrie : l'Aa, Dunkerque et la Flandre font cause commune\n\nLe texte.") == []


def test_a_name_whose_verb_lists_member_intercommunalities():
    assert rules_of("Le plus vaste, l'Axe Seine, rassemble neuf intercommunalités de l'estuaire : la CU Le "
                    "Havre Seine Métropole, Caux Seine Agglo.") == {"axe-seine": "territory.grouping"}
    assert ids("Dans le Calvados, Caen Industrie correspond au périmètre de Caen la mer, tandis que Lisieux "
               "Industrie s'appuie sur l'agglomération Lisieux Normandie.") == ["caen-industrie", "lisieux-industrie"]
    assert ids("L'agence d'attractivité Vendée Grand Sud, qui comprend trois communautés de communes (Pays "
               "de La Châtaigneraie, Pays de Fontenay-Vendée et Vendée Sèvre Autise), s'engage.") == ["vendee-grand-sud"]
    # an intercommunality grouping communes, a région, a count of communes: none
    assert ids("La communauté de communes du Pays de Lure regroupe trois communautés voisines.") == []
    assert ids("La Région Normandie rassemble trois intercommunalités autour du projet.") == []
    assert ids("Le Pays de Lure regroupe 42 communes.") == []
    # a quoted name holding "et" before the verb is one name, not its last conjunct
    assert ids("Le territoire « Béthune-Bruay et Flandres-Lys » regroupe deux intercommunalités.") == [
        "bethune-bruay-et-flandres-lys"]
    assert ids('Le territoire "Vallée de la Bresle et Vimeu", qui regroupe trois intercommunalités, avance.') == [
        "vallee-de-la-bresle-et-vimeu"]


def departements_of(text):
    return {m.territory_id: m.departement_codes for m in find_territories(text, find_places(text))}


def test_departements_written_beside_names_or_in_the_next_sentence():
    assert departements_of("5 zones ont été sélectionnées pour faire partie des territoires: Baie-Mahault "
                           "(Guadeloupe), Kourou et Cayenne (Guyane ), Le Port et Saint-André à La Réunion.") == {
        "baie-mahault": {"971"}, "kourou": {"973"}, "cayenne": {"973"}, "port": {"974"}, "saint-andre": {"974"}}
    assert departements_of("Sur les 124 Territoires d'industrie, cinq se trouvent outre-mer. La Guyane en "
                           "compte deux (Kourou et Cayenne), La Réunion deux également (Le Port et Saint-André)."
                           ) == {"kourou": {"973"}, "cayenne": {"973"}, "port": {"974"}, "saint-andre": {"974"}}
    assert departements_of("Le bassin économique Aurillac – Figeac – Rodez a été identifié « Territoires "
                           "d’industrie » en novembre 2018. Il s’étend sur trois départements (Aveyron, Lot, "
                           "Cantal) et deux régions.") == {"aurillac-figeac-rodez": {"12", "15", "46"}}
    # a river's valley names no département
    assert departements_of("ce seront les secteurs de Pithiviers, Bourges-Vierzon et la vallée du Cher qui "
                           "profiteront du label.")["vallee-du-cher"] == set()


def test_more_prose_forms_seen_on_other_pages():
    assert names_of("Le label Territoire d’industrie pays de Vannes allie industrie et transition écologique") == [
        "Pays de Vannes"]
    assert ids("Limoges Métropole est l'un des dix secteurs néo-aquitains retenus parmi les 124 territoires.") == [
        "limoges-metropole"]
    assert ids("124 territoires ont été identifiés. Parmi ces 124 territoires (dont 10 en Nouvelle-Aquitaine) "
               "il y a Val de Garonne Agglomération (VGA) .") == ["val-de-garonne-agglomeration"]
    # one label for two intercommunalities: a territory the text leaves unnamed
    assert ids("La Métropole Européenne de Lille et la Pévèle-Carembault labellisées \"Territoire d’industrie\"\n"
               "La Mel et la Communauté de communes Pévèle Carembault viennent d’être labellisées "
               "\"territoire d’industrie\".") == []


def test_kicker_line_above_a_title_about_the_programme():
    text = ("Vallée de la Bresle-Vimeu\nLa deuxième phase de Territoires d'industrie est lancée\n"
            "Publié le 07/12/2023\nLe programme rassemble ici trois intercommunalités.\n")
    assert rules_of(text) == {"vallee-de-la-bresle-vimeu": "territory.kicker"}
    # a rubric, a radio's chrome, a place: no name
    assert ids("Développement économique\nLa réindustrialisation se construit autour du label Territoires "
               "d'industrie\n") == []
    assert ids("Le Direct\n\nLe bilan du programme Territoires d'Industries\n") == []
    assert ids("Grand Est\nLes Territoires d'industrie passent à la vitesse supérieure\n") == []
    # a page's genre label in capitals
    assert ids("COMMUNIQUÉ DE PRESSE\n\nTerritoires d'industrie : un an après, la dynamique se confirme\n") == []


def test_names_in_capitals_end_before_the_contract_words():
    assert ids("CONTRAT DU TERRITOIRE D'INDUSTRIE COMMINGES - NESTES ENTRE Territoire d'industrie COMMINGES - "
               "NESTES représenté par :") == ["comminges-nestes", "comminges-nestes"]
    assert ids("CAP Nord Martinique est labellisée Territoire d’Industrie.") == ["cap-nord-martinique"]


def test_an_intercommunality_labelled_goes_by_its_short_name_in_brackets():
    assert names_of("Labellisée Territoire d'industrie pour la période 2023-2027, la communauté d'agglomération "
                    "du Pays Nord Martinique (Cap Nord) lance un appel à projets.") == ["Cap Nord"]
    assert names_of("Labellisé lui aussi, le territoire d'Issoudun s'étend à la CA de Châteauroux Métropole.") == [
        "Issoudun"]


def test_a_territory_straddling_two_departements():
    assert departements_of("Près d'un quart des intercommunalités sont nouvelles, à l'image de celles de Cœur "
                           "de Maine, territoire à cheval sur la Mayenne et la Sarthe ...") == {
        "coeur-de-maine": {"53", "72"}}


def test_counted_inline_list_split_on_commas_keeps_et_slash_and_dash_inside_names():
    # French joins only the last two items with "et"; the stated count tells which split is right
    assert ids("En Bourgogne-Franche-Comté, le programme retient les 4 territoires suivants : Nord "
               "Franche-Comté, Haut-Doubs Horloger, Auxois – Morvan / Montbardois, Val de Saône et "
               "Vingeanne.") == ["nord-franche-comte", "haut-doubs-horloger", "auxois-morvan-montbardois",
                                 "val-de-saone-et-vingeanne"]
    assert ids("En Nouvelle-Aquitaine, le dispositif concerne les 3 territoires suivants : Sud et Ouest "
               "Creuse, Nord Poitou et Pays Basque.") == ["sud-et-ouest-creuse", "nord-poitou", "pays-basque"]


def test_a_national_count_sizes_no_inline_list_and_announces_nothing():
    text = ("L'accompagnement des 144 territoires identifiés s'articulera autour de 4 axes : – Recruter – "
            "Innover – Attirer – Simplifier\n"
            "Localisé en Isère, il est composé de 5 EPCI (Vienne Condrieu Agglomération, la communauté de "
            "communes du Pays Mornantais, la communauté de communes des Vallons du Lyonnais).")
    assert ids(text) == []
    # an inline list goes on over the lines of a PDF's narrow column
    assert ids("Un partenariat est engagé avec 2 autres Territoires d'industrie : Flandres \n\nSaint-Omer et "
               "Bresle-Vimeu (secteur verrier) ; les échanges commencent.") == ["flandres-saint-omer", "bresle-vimeu"]


def test_an_inline_item_in_lower_case_or_going_on_in_prose_is_a_sentence():
    assert ids("Territoires d'industrie : Limoges Métropole et ELAN misent sur le développement "
               "industriel\n\nLe texte suit.") == []
    assert ids("Réindustrialisation des territoires : lancement de l'acte II en Centre-Val de Loire\n") == []
    # a bare intro about a photo is no intro
    assert ids("La signature du protocole Territoires d'Industrie le 18 mai 2021 — Photo : Cyril "
               "Raineau/JDE\n") == []


def test_the_last_item_cut_mid_word_by_the_page_is_no_territory():
    page = "Le programme soutient l'industrie des territoires. " * 30  # a page as long as a crawl keeps
    intro = page + "\n\nDans le Grand Est, 13 territoires d'industrie ont été retenus :\n\n• Alsace centrale\n• Nord Lorraine\n"
    assert ids(intro + "• Sud Als\n") == ["alsace-centrale", "nord-lorraine"]
    # a short text was not cut: its last item is whole
    assert ids(intro[len(page) + 2:] + "• Sud Als\n") == ["alsace-centrale", "nord-lorraine", "sud-als"]
    # a name followed by anything was whole when the page was cut
    assert ids(intro + "• Moselle Est \n") == ["alsace-centrale", "nord-lorraine", "moselle-est"]
    assert ids(intro + "• Moselle Est (57), extension\n") == ["alsace-centrale", "nord-lorraine", "moselle-est"]
    # an intro that also counts something else: a list as long as one of its counts is whole
    intro = ("Ces 3 territoires, composés de 29 établissements publics de coopération intercommunale "
             "(EPCI), sont :\n• Alsace centrale\n• Nord Lorraine\n")
    assert ids(intro + "• Sud Alsace") == ["alsace-centrale", "nord-lorraine", "sud-alsace"]
    assert ids(page + intro.replace("Ces 3", "Ces 4") + "• Sud Als") == ["alsace-centrale", "nord-lorraine"]


def test_a_singular_territory_noun_makes_the_coordinated_words_one_name():
    text = ("La liste des Territoires d'industrie de la deuxième phase est parue. La Gironde en compte deux : "
            "le Grand Libournais et le territoire Val de Garonne, Guyenne, Gascogne et Réolais sont reconduits.")
    assert ids(text) == ["grand-libournais", "val-de-garonne-guyenne-gascogne-et-reolais"]
    # a company retained in a fund is not renewed: "reconduit" only
    assert ids("Vingt entreprises lauréates du fonds. Territoires d'industrie : Forges de Bologne a été "
               "retenue.") == []


def test_an_adverb_a_person_or_a_place_after_the_programme_words_is_no_territory():
    assert ids("Localement, le Territoire d'industrie concerne Lorient Agglomération et Quimperlé "
               "Communauté.") == []
    assert ids("Pour le délégué aux territoires d'industrie Olivier Lluansi, la démarche avance.") == []
    # after "du", the name is the territory's
    assert ids("L'élu référent du Territoire d'industrie Alliances Luxe & Précision du Doubs répond.") == [
        "alliances-luxe-et-precision-du-doubs"]
    assert ids("Avec le seul protocole Territoires d'Industrie de Côte d'Or, le département avance.") == []


def test_a_geographic_head_in_lower_case_opens_a_prefixed_name():
    assert ids("Le Territoire d'industrie de l'axe Seine s'inscrit dans cette ambition.") == ["axe-seine"]


def test_an_apposition_of_the_programme_words_names_the_territory_before_it():
    assert ids("Sud Alsace, nouveau “Territoire d’industrie”\nLe texte suit.") == ["sud-alsace"]
    assert ids("Grand Châtellerault, territoire d’industrie, territoire en devenir\n") == ["grand-chatellerault"]
    # a day, a month or an adverb opening the sentence names nothing
    assert ids("Lundi, le Territoire d'industrie a présenté son plan.") == []


def test_the_name_a_territory_is_given():
    assert ids("Dijon métropole a rejoint le quatuor pour donner naissance à un nouveau Territoire du "
               "dispositif, baptisé « Bourgogne Industrie ».") == ["bourgogne-industrie"]
    assert ids("Ce nouveau Territoire d’Industrie entre dans une nouvelle phase, avec un nouveau nom, "
               "Alliances Luxe & Précision Doubs.") == ["alliances-luxe-et-precision-doubs"]
    # a name given to something else
    assert ids("L'usine, baptisée « Gigafactory Nord », ouvrira en 2025.") == []


def test_a_naming_participle_opening_its_sentence_before_the_territory():
    before = "Un titre\n\nLes deux villes ne forment plus qu'un seul « territoire d'industrie ». "
    assert ids(before + "Baptisé Val Riant, il rassemble deux communautés de communes.") == ["val-riant"]
    assert ids(before + "Baptisé « Val Riant », le territoire rassemble deux agglomérations.") == ["val-riant"]
    # the other naming participles, in capitals, and the other nouns of a territory
    assert ids(before + "Dénommé Val Riant, il rassemble deux agglomérations.") == ["val-riant"]
    assert ids(before + "Appelé Val Riant, ce nouvel ensemble rassemble deux agglomérations.") == ["val-riant"]
    assert ids(before + "Intitulé « Val Riant », notre bassin rassemble deux agglomérations.") == ["val-riant"]
    assert ids(before + "Nommé Val Riant, le tandem rassemble deux agglomérations.") == ["val-riant"]
    # its subject not the territory: a feminine pronoun (an intercommunality's) or another noun
    assert ids(before + "Baptisée Val Riant, elle rassemble vingt communes.") == []
    assert ids(before + "Baptisé Campus Nord, le site ouvrira en 2025.") == []
    # no territory said before
    assert ids("Un titre\n\nUne usine a ouvert. Baptisé Campus Nord, il accueille des apprentis.") == []


def test_the_departement_a_sentence_counts_territories_in():
    text = ("L'État a dévoilé la liste des Territoires d'industrie. La Gironde en compte deux. Le territoire "
            "du Grand Libournais ainsi que celui du Val de Garonne, Guyenne, Gascogne et Réolais ont été "
            "reconduits.")
    assert departements_of(text) == {"grand-libournais": {"33"}, "val-de-garonne-guyenne-gascogne-et-reolais": {"33"}}
    # two places counted: none given
    text = text.replace("La Gironde en compte deux.", "La Gironde et la Dordogne en comptent deux.")
    assert departements_of(text) == {"grand-libournais": set(), "val-de-garonne-guyenne-gascogne-et-reolais": set()}


def test_departement_codes_a_name_ends_with():
    text = "Leur territoire commun a été reconduit sous le nom de Territoire d'industrie « Interdépartemental 32/82 »."
    assert departements_of(text) == {"interdepartemental-32-82": {"32", "82"}}


def test_a_name_told_as_a_former_one_is_no_territory():
    text = ("Le territoire Sud Champagne, porté par l'agglomération connue {}sous le nom de Grand Troyes, "
            "reste Territoire d'industrie.")
    assert "grand-troyes" not in ids(text.format("auparavant "))
    assert "grand-troyes" not in ids(text.format("jusqu'en 2016 "))
    # without a word of the past, the name the territory goes by
    assert "sud-champagne" in ids("Le territoire a été reconduit sous le nom de Sud Champagne.")


def test_the_programmes_words_ending_a_line_of_a_hand_wrapped_paragraph_go_on_with_the_name():
    text = ("Bulletin municipal\n\nL'annonce a été faite à l'automne dernier par le gouvernement, qui a\n"
            "choisi notre secteur parmi les premiers bassins aidés par{}\n"
            "l'État. Pour nos entreprises, le Territoire d'industrie\n"
            "Albi-Carmaux ouvre l'accès aux aides de l'État et de la Région.\n")
    assert ("albi-carmaux", "territory.prefixed_name", ()) in territories(text.format(""))
    # the line above closes its sentence: no paragraph runs into this line, which may head the next
    assert not any(rule == "territory.prefixed_name" for _, rule, _ in territories(text.format(" la Région.")))


def test_a_person_opening_the_sentence_before_an_intro_decides_nothing():
    items = "\n• Sud Meuse Nord Haute-Marne (Haute-Marne et Meuse)\n• Sud Haute-Marne (Haute-Marne)\n\nLa suite.\n"
    intro = ("Le ministre a arrêté la liste des territoires d'industrie de la deuxième phase. Deux d'entre "
             "eux concernent la Haute-Marne :")
    assert ids(intro + items) == ["sud-meuse-nord-haute-marne", "sud-haute-marne"]
    # people closing the intro announce people
    assert ids("Étaient présents les élus :" + items) == []


def test_a_gloss_with_commas_inside_an_item_of_a_semicolon_list():
    text = ("Les territoires retenus dans le Loiret sont : Est du Loiret qui inclut notamment Montargis, "
            "Gien et Sully-sur-Loire ; Orléans Métropole.")
    assert ids(text) == ["est-du-loiret", "orleans-metropole"]


def test_a_name_opening_with_the_letters_of_an_article_before_an_apposition():
    # "La", "Le", "Les" open a name without being its article: "Lacq", "Laval", "Lens"
    assert ids("Lacq-Pau-Tarbes, territoire d'industrie depuis 2023, accueille une usine.") == ["lacq-pau-tarbes"]
    assert ids("Le Grand Châtellerault, territoire d'industrie, accueille une usine.") == ["grand-chatellerault"]


def test_plural_programme_words_then_du_a_et_du_b_name_two_territories():
    assert ids("Les territoires d'industrie du Choletais et du Segréen signent.") == ["choletais", "segreen"]
    # régions are no territories; a singular keeps its one name
    assert ids("Les territoires d'industrie des Hauts-de-France et du Grand Est se réunissent.") == []
    assert ids("Le territoire d'industrie du Val de Lorraine et du Bassin de Pompey signe.") == [
        "val-de-lorraine-et-du-bassin-de-pompey"]


def test_a_page_mark_between_two_items_is_no_territory():
    text = ("Les territoires labellisés sont les suivants :\n- Pays de Fougères ;\n- Vitré Communauté ;\n"
            "Page 1/2\n- Lorient Agglomération.\n")
    assert ids(text) == ["pays-de-fougeres", "vitre-communaute", "lorient-agglomeration"]


def test_a_person_with_a_role_after_an_enumeration_cue_is_no_territory():
    text = ("Les élus du territoire d'industrie étaient réunis. Parmi eux, Gérard Trémège, Président de la "
            "Communauté d'agglomération Tarbes-Lourdes-Pyrénées, a salué le dispositif.")
    assert ids(text) == []


def test_a_territory_named_by_its_departements_codes():
    text = "Le Territoire d'Industrie 32/82, porté par deux PETR, a été reconduit pour 2023-2027."
    assert departements_of(text) == {"32-82": {"32", "82"}}
    assert ids("Le TI 32/82 a été relabellisé.") == ["32-82"]
    # a date, a count, codes that are no département, years: no name
    assert ids("Le Territoire d'industrie 12/05/2023 : réunion du comité.") == []
    assert ids("Territoire d'industrie 2023/2027 : la feuille de route.") == []
    assert ids("Le Territoire d'industrie 32/99 a été relabellisé.") == []
    # the same territory under its full name and its codes: one territory, the full name
    text = ("Territoire d'industrie « Interdépartemental Gers / Tarn-et-Garonne ». Le Territoire "
            "d'Industrie 32/82 se décline en sept axes.")
    assert ids(text) == ["interdepartemental-gers-tarn-et-garonne"] * 2


def test_quotes_after_a_territory_hold_a_name_not_a_sentence():
    assert ids("Pour le délégué aux territoires d'industrie, venu à Mulhouse, « le Sud Alsace montre la voie ».") == []
    assert ids("Le ministre salue l'arrivée d'un nouveau territoire, « Cœur de Maine ».") == ["coeur-de-maine"]


def test_the_departements_the_only_territory_spans():
    text = ("La Tour-du-Pin-Grésivaudan, labellisée Territoire d'industrie, signe son contrat. Selon la "
            "préfecture, « le territoire regroupe 152 communes appartenant à deux départements, l'Isère et "
            "la Savoie ».")
    assert departements_of(text) == {"tour-du-pin-gresivaudan": {"38", "73"}}
    # two territories: the sentence says nothing of which
    text = text.replace("La Tour-du-Pin-Grésivaudan, labellisée Territoire d'industrie, signe son contrat.",
                        "Le Voironnais et la Tour-du-Pin-Grésivaudan sont labellisés Territoires d'industrie.")
    assert departements_of(text) == {"voironnais": set(), "tour-du-pin-gresivaudan": set()}


def test_connectives_and_things_named_near_a_territory_are_no_territory():
    assert ids("Ainsi, territoire d'industrie depuis 2018, la ville accueille des usines.") == []
    assert ids("Désormais, le Territoire d'industrie compte dix intercommunalités.") == []
    assert ids("Le nouveau site, baptisé « Campus Industrie », ouvrira ses portes sur le territoire.") == []
    assert ids("Cette zone du territoire, dénommée Parc Nord, accueillera des entreprises.") == []
    assert ids("Montluçon, territoire d'industrie depuis 2018, accueille des usines.") == ["montlucon"]


def test_people_renewed_in_a_text_about_territories_are_no_territory():
    assert ids("Le comité de pilotage du Territoire d'industrie s'est réuni. Les co-présidents Marc Dupont "
               "et Anne Morel sont reconduits.") == []


def test_the_one_departement_a_text_says_its_territories_are_in():
    text = ("Deux « territoires d'industrie » pour le tissu industriel du Loir-et-Cher\n\n"
            "Lancement du Territoire d'industrie de la Vallée du Loir\n\nIl a été lancé le 22 février à Vendôme.")
    assert departements_of(text) == {"vallee-du-loir": {"41"}}
    text = ("Avec le seul protocole Territoires d'Industrie de Côte d'Or, le Pays de l'Auxois avance. "
            "Le territoire du Montbardois-Auxois était retenu en novembre parmi les 124 territoires labellisés.")
    assert departements_of(text)["montbardois-auxois"] == {"21"}
    # a département the text does not tie to its territories gives nothing
    text = ("La préfète de la Marne a présenté la carte. Le territoire du Grand Reims a été retenu parmi les "
            "territoires labellisés.")
    assert departements_of(text) == {"grand-reims": set()}


def test_an_undated_contract_of_territoire_d_industrie_is_first_phase():
    from pipeline.extract.assemble import document_phase
    assert document_phase("CONTRAT DU TERRITOIRE D'INDUSTRIE COMMINGES - NESTES ENTRE les signataires") == "2019-2022"
    assert document_phase("Le contrat territoire d'industrie 2023-2027 est signé.") == "2023-2027"
    assert document_phase("Le territoire d'industrie présente son plan d'actions.") is None
    # a first-phase national count with its participle, the noun left out
    assert document_phase("Le territoire d'industrie, pilote parmi les 124 identifiés, présente son plan.") == "2019-2022"
    assert document_phase("Le territoire d'industrie présente ses 124 projets.") is None
    # "les 124 premiers « Territoires d'industrie »": the first wave's count, ranked
    assert document_phase("Nous voulons rejoindre les 124 premiers « Territoires d'industrie ».") == "2019-2022"


def test_the_first_phase_s_four_needs_enumerated_make_an_undated_text_first_phase():
    from pipeline.extract.assemble import document_phase
    assert document_phase("Le dispositif repose sur quatre axes : attirer, innover, recruter et simplifier.") == "2019-2022"
    assert document_phase("Le programme s'articule autour de quatre axes (recrutement, attractivité, innovation, "
                          "simplification).") == "2019-2022"
    assert document_phase("Cinq problématiques : attirer, recruter, simplifier, innover et installer.") == "2019-2022"
    # the second phase's axes, or simplifying named apart from the other needs, tell nothing
    assert document_phase("Les axes : transition écologique, innovation, recrutement et foncier.") is None
    assert document_phase("La simplification administrative aide à innover et à recruter.") is None
    assert document_phase("Ce label permettra de simplifier les démarches. Il aidera à attirer et à recruter.") is None
    # a year or a second-phase count still speaks first
    assert document_phase("En 2024, le plan d'actions vise à attirer, recruter, innover et simplifier.") == "2023-2027"
    assert document_phase("Parmi les 183 territoires, attirer, recruter, innover et simplifier.") == "2023-2027"


def test_an_undated_protocole_d_accord_is_first_phase_and_a_label_held_since_2018_tells_no_phase():
    from pipeline.extract.assemble import document_phase
    assert document_phase("PROTOCOLE D'ACCORD TERRITOIRE D'INDUSTRIE « SUD CHAMPAGNE » Entre l'État et la Région") == "2019-2022"
    # held up to a time of writing the text does not give; the programme's launch neither
    assert document_phase("Avec le label « Territoire d'industrie » depuis 2018, quatre intercommunalités ont bâti "
                          "une offre. Lancé en 2018 par le Premier ministre, le programme soutient l'industrie.") is None
    assert document_phase("Labellisé depuis 2018, le territoire a signé son contrat en 2019.") == "2019-2022"
    assert document_phase("Labellisé depuis 2023, le territoire présente son plan d'actions.") == "2023-2027"


@pytest.mark.parametrize("sentence, phase", [
    ("Ce dispositif concerne fortement la Dordogne puisqu'il est aussi renouvelé pour le Terrassonnais-Brive.",
     "2023-2027"),
    ("Sud Champagne a été reconduit.", "2023-2027"),
    # not renewed: it held the first phase's label only
    ("Sud Champagne n'a pas été reconduit.", "2019-2022"),
    ("Le Soissonnais, qui en faisait partie, n'a pas présenté de nouvelle candidature.", "2019-2022"),
    ("Sud Champagne n'a pas encore été reconduit.", None),
    ("Sud Champagne mise sur les énergies renouvelables.", None),
    ("Sud Champagne reçoit une enveloppe renouvelée annuellement.", None),
])
def test_a_territory_whose_label_is_renewed_is_second_phase(sentence, phase):
    from pipeline.extract.assemble import _local_phase
    assert _local_phase(sentence, (0, len(sentence))) == phase


def test_a_territory_called_new_is_second_phase_only_when_nothing_else_speaks():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    for text, phase in [("Voilà comment les élus présentent le nouveau territoire d'industrie Tarn Nord, dans le Tarn.",
                         "2023-2027"),
                        ("Voilà comment les élus présentent le nouveau territoire d'industrie Tarn Nord, dans le Tarn. "
                         "Le contrat sera signé en 2019.", "2019-2022")]:
        rows = extract(text, next(nlp.parse([text]))).territories
        assert [row["phase"] for row in rows] == [phase]


def test_a_first_phase_territory_renewed_for_the_second_is_in_the_second():
    from pipeline.extract.assemble import _local_phase
    sentence = ("À La Réunion, le TCO et la Cirest, les deux Territoires d'industrie de la première phase, "
                "sont reconduits pour la période 2023-2027.")
    assert _local_phase(sentence, (0, len(sentence))) == "2023-2027"
    sentence = "Labellisés pour la première phase, ils présentent leur bilan avant la période 2023-2027."
    assert _local_phase(sentence, (0, len(sentence))) is None


@pytest.mark.parametrize("sentence, phase", [
    ("La Vallée de l'Arve fait partie des 149 territoires d'industrie qui ont bénéficié du premier programme.",
     "2019-2022"),
    ("Limoges Métropole est l'une des 124 « territoires d'industrie » identifiés.", "2019-2022"),
    ("La CAPI fait partie des 183 territoires retenus.", "2023-2027"),
    ("Le premier programme a accompagné 149 territoires, dont la Vallée de l'Arve.", None),
])
def test_a_territory_said_to_be_one_of_a_phases_national_count_is_of_that_phase(sentence, phase):
    from pipeline.extract.assemble import _local_phase
    assert _local_phase(sentence, (0, len(sentence))) == phase


@pytest.mark.parametrize("sentence, phase", [
    # going on with the programme is a renewal: the first phase its sentence recalls tells none (the document's)
    ("À La Réunion, les deux territoires de la première phase poursuivent leur engagement jusqu'en 2027 : le TCO et la Cirest.",
     None),
    ("Le Roannais poursuit la dynamique engagée avec l'école de production, ouverte lors de la première phase.", None),
    ("L'Ouest reste « Territoire d'industrie ».", "2023-2027"),
    ("Le Mont des Avaloirs reste dans le dispositif.", "2023-2027"),
    ("Le Grand Châtellerault garde son label.", "2023-2027"),
    # an approach carried on, which a first-phase text may also write, tells no phase by itself
    ("Les deux agglomérations poursuivent leur démarche commune en faveur de l'industrie.", None),
    ("Centre Morbihan Communauté poursuit son engagement en faveur des filières agroalimentaires.", None),
    # a span of the first phase's years; its creation in 2018 tells none
    ("De 2019 à 2023, le programme avait réuni, sous la bannière « Haut-Doubs Horloger », cinq communautés.",
     "2019-2022"),
    ("Le premier volet (2018-2023) a réuni le Haut-Doubs Horloger.", "2019-2022"),
    ("Le Territoire d'industrie créé en 2018 autour de Cholet se nomme à présent « Choletais-Mauges ».", None),
])
def test_a_territory_going_on_with_the_programme_is_renewed(sentence, phase):
    from pipeline.extract.assemble import _local_phase
    assert _local_phase(sentence, (0, len(sentence))) == phase


@pytest.mark.parametrize("text, phase", [
    ("Zoom sur quelques nouveaux venus du programme Territoires d'industrie.", "2023-2027"),
    ("Première labellisation — Mont des Avaloirs.", "2023-2027"),
    ("Ploërmel Communauté : sélectionnée pour la première fois.", "2023-2027"),
    ("* Bassin de Sarreguemines (57) – renouvellement ;", "2023-2027"),
    # a year outweighs them: a text of 2021 renewing a convention
    ("Le conseil approuve le renouvellement de la convention, le 9 mars 2021.", "2019-2022"),
])
def test_newcomers_or_a_renewal_make_an_undated_text_second_phase(text, phase):
    from pipeline.extract.assemble import document_phase
    assert document_phase(text) == phase


def test_the_premier_ministre_s_list_makes_an_undated_text_first_phase():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    for text, phase in [("Le Premier ministre a annoncé la liste des territoires d'industrie : le Territoire "
                         "d'industrie Roannais en fait partie.", "2019-2022"),
                        # the programme's launch, which texts of both phases recall, tells none
                        ("Lancé par le Premier ministre, le programme accompagne le Territoire d'industrie Roannais.", None),
                        ("La Première ministre a annoncé la liste : le Territoire d'industrie Roannais en fait partie.", None)]:
        rows = extract(text, next(nlp.parse([text]))).territories
        assert [row["phase"] for row in rows] == [phase]


def test_a_lower_case_bassin_before_a_name_is_no_part_of_the_name():
    """The outside authors' gold names "le bassin Figeac – Decazeville – Villefranche-de-Rouergue"
    without the common noun in apposition; "le bassin de X" (a name that may hold it: "Bassin de
    Brive-Périgord"), a capital ("Bassin d'Alès") or an adjective ("le bassin nazairien") keep it."""
    text = ("Labellisé Territoire d'industrie en novembre dernier, le bassin Figeac – Decazeville – "
            "Villefranche-de-Rouergue vient de signer son protocole.")
    assert ids(text) == ["figeac-decazeville-villefranche-de-rouergue"]
    assert ids("Le bassin nazairien a été labellisé Territoire d'industrie.") == ["bassin-nazairien"]


def test_a_renewal_of_the_first_phase_without_a_year_tells_the_document_s_phase():
    """'les deux territoires de la première phase, A et B, sont reconduits' in a 2023 text: renewed,
    so not first-phase; 'n'a pas été reconduit' stays first-phase."""
    from pipeline.extract.assemble import _local_phase
    sentence = "À La Réunion, les deux territoires de la première phase, le TCO et la Cirest, sont reconduits."
    assert _local_phase(sentence, (0, len(sentence))) is None
    sentence = "Le Soissonnais, labellisé lors de la première phase, n'a pas été reconduit."
    assert _local_phase(sentence, (0, len(sentence))) == "2019-2022"


def test_a_label_held_since_a_year_tells_no_phase_of_its_own():
    """'Depuis mars 2019, le Pays Basque est labellisé' in a text about 2023-2027: the document's phase."""
    from pipeline.extract.assemble import _local_phase
    for sentence in ("Depuis mars 2019, le Pays Basque est labellisé Territoire d'industrie.",
                     "Le Grand Autunois est Territoire d'industrie depuis le 22 novembre 2018."):
        assert _local_phase(sentence, (0, len(sentence))) is None
    for sentence in ("Le Grand Autunois est entré dans le dispositif dès 2018.",
                     "Le Pays Basque a été labellisé Territoire d'Industrie en mars 2019."):
        assert _local_phase(sentence, (0, len(sentence))) == "2019-2022"


def test_a_label_already_held_in_the_first_phase_tells_no_phase_of_its_own():
    """'le premier avait déjà été retenu lors de la première phase' in a text announcing the second:
    the ordinal's clause recalls the past, the territory's phase is the text's."""
    from pipeline.extract.assemble import _local_phase
    for sentence in ("Le premier avait déjà été retenu lors de la première phase.",
                     "Déjà lauréat pendant la première vague, le territoire est confirmé."):
        assert _local_phase(sentence, (0, len(sentence))) is None
    # a label kept is a renewal, the second phase's
    sentence = "Déjà lauréat pendant la première vague, le territoire conserve son label."
    assert _local_phase(sentence, (0, len(sentence))) == "2023-2027"
    sentence = "Le territoire a été retenu lors de la première phase."
    assert _local_phase(sentence, (0, len(sentence))) == "2019-2022"


def test_an_undated_text_naming_the_second_phase_is_second_phase():
    from pipeline.extract.assemble import document_phase
    for text in ("Les résultats de la seconde vague de sélection des Territoires d'industrie sont connus.",
                 "Le territoire est labellisé pour la deuxième phase du programme.",
                 "Notre candidature à « Territoires d'industrie 2 » est retenue.",
                 "Les lauréats de Territoires d'industrie phase 2 se réunissent."):
        assert document_phase(text) == "2023-2027", text
    # the first phase recalled, or a "nouvelle phase" of contracts, tells nothing without a year
    for text in ("Le territoire avait été retenu lors de la première phase.",
                 "Une nouvelle phase s'ouvre avec la signature du contrat.",
                 "Les Territoires d'industrie 2 fois plus nombreux dans la région."):
        assert document_phase(text) is None, text


def test_a_date_of_early_2023_falls_between_the_phases():
    from pipeline.extract.assemble import document_phase
    # January to May 2023: no second-phase territory was named yet; the text's other years decide
    assert document_phase("Signé en 2019, le contrat a été présenté les 17 et 18 janvier 2023.") == "2019-2022"
    assert document_phase("Le territoire a présenté son bilan en mai 2023.") is None
    # from June, régions named their second-phase territories
    assert document_phase("Publié le 26 juillet 2023. Le territoire obtient le label.") == "2023-2027"


def test_a_list_item_takes_the_phase_of_its_lead():
    from pipeline.extract.assemble import _list_lead_phase
    from pipeline.extract.structure import parse
    text = ("Le programme entre dans son acte II en 2024.\n\n"
            "Au cours de la phase 1 (2018-2023), des projets ont vu le jour. Par exemple :\n"
            "- une plateforme sur le territoire Roannais,\n- une démarche sur le territoire Vallée de l'Arve.\n")
    sentences = [m.span() for m in re.finditer(r"[^.:\n]+[.:]?", text)]
    assert _list_lead_phase(text, parse(text), text.index("Roannais"), sentences) == "2019-2022"
    assert _list_lead_phase(text, parse(text), text.index("acte"), sentences) is None
    # the sentence nearest the list moves to the present: the recalled first phase is not its
    text = ("Lors de la première phase, le département n'avait qu'un territoire. Aujourd'hui, voici les siens :\n"
            "- Roannais\n- Vallée de l'Arve\n")
    sentences = [m.span() for m in re.finditer(r"[^.:\n]+[.:]?", text)]
    assert _list_lead_phase(text, parse(text), text.index("Roannais"), sentences) is None


def test_an_enumeration_goes_on_after_ainsi_que():
    text = ("Près de 150 territoires ont été labellisés en France, dont Castres-Mazamet et Tarn Nord dans le "
            "Tarn, ainsi que Grand Narbonne et Nord Lozère en Lozère.")
    assert ids(text) == ["castres-mazamet", "tarn-nord", "grand-narbonne", "nord-lozere"]


def test_english_quotes_hold_a_name_as_french_ones_do():
    assert names_of("Le périmètre “Béziers-Sète” est l’un des 15 Territoires d’Industrie retenus en "
                    "Occitanie.") == ["Béziers-Sète"]

def test_territories_without_departements_take_the_one_region_the_text_names():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Le président de la Région Grand Est salue la sélection de 13 territoires d'industrie dans la région.\n\n"
            "Les territoires grand-estiens retenus sont :\n-Nord Est Ardenne\n-Moselle Est (57)\n")
    rows = {row["territory_id"]: row["region_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"nord-est-ardenne": ["44"], "moselle-est": ["44"]}
    text = text.replace("dans la région.", "dans la région, comme la Normandie.")
    rows = {row["territory_id"]: row["region_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows["nord-est-ardenne"] == []


def test_a_former_region_in_the_sentence_gives_its_region_but_not_inside_a_name():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Le programme, lancé en Picardie en même temps que le Territoire d'industrie Alpha Nord, "
            "soutient aussi Grand Beta.")
    rows = {row["territory_id"]: row["region_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows["alpha-nord"] == ["32"]
    text = "Deux territoires sont labellisés : Alsace centrale et Grand Beta."
    rows = {row["territory_id"]: row["region_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows["grand-beta"] == []


def test_a_clause_saying_where_else_a_territory_lies_adds_its_departements():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    for clause in ("ce dernier s'étendant aussi sur la Loire", "qui déborde sur la Loire"):
        text = f"En Isère, deux territoires sont labellisés : Alpha Nord et Beta Sud, {clause}. Gamma y travaille."
        rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
        assert rows == {"alpha-nord": ["38"], "beta-sud": ["38", "42"]}, clause


def test_a_territory_whose_name_joins_an_officials_epci_lies_where_that_epci_lies():
    """"Issoudun-Châteauroux" and "le vice-président de Châteauroux Métropole": a piece of a name
    joined by hyphens, dashes or "et" that the EPCI goes by places the territory (36), the EPCI
    still no member; a piece naming a place or a point of the compass ("Nord" in "Nord-Est
    Ardennes", the everyday name of "Cap Nord") ties nothing."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Le Territoire d'industrie Issoudun-Châteauroux a réuni son comité de pilotage, a rappelé le "
            "vice-président de Châteauroux Métropole chargé de l'économie.")
    extraction = extract(text, next(nlp.parse([text])))
    assert {row["territory_id"]: row["departement_codes"] for row in extraction.territories} == {
        "issoudun-chateauroux": ["36"]}
    assert not any(row["territory_id"] for row in extraction.epcis)
    text = ("Le Territoire d'industrie Nord-Est Ardennes a réuni son comité de pilotage, a rappelé le "
            "président de Cap Nord Martinique.")
    rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"nord-est-ardennes": ["08"]}


def test_a_line_naming_a_territory_before_a_colon_describes_it():
    """"Bassin d'Alès : Il reste l'un des principaux pôles industriels du Gard, …": the one
    département of the first sentence after the name's colon, at a line's start, is where it
    lies; a town there ("le port de Sète") is none, nor is a département of a later sentence."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Deux territoires retenus en Occitanie :\n\nBassin d'Alès : Il reste l'un des principaux pôles "
            "industriels du Gard, entre mécanique et éco-industries.\n\nBéziers-Sète : Porté par le port de Sète, "
            "ce bassin mise sur la maintenance. Il attire des salariés de l'Aude.\n")
    rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"bassin-d-ales": ["30"], "beziers-sete": []}


def test_departements_counted_after_a_dash_clause_of_extent():
    """"le Territoire d'industrie Cœur de Maine – qui s'étend sur deux départements (la Mayenne et la
    Sarthe) –": the départements the count names, as many as it says."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Élus et industriels du Territoire d'industrie Cœur de Maine – qui s'étend sur deux départements "
            "(la Mayenne et la Sarthe) – se sont retrouvés jeudi.")
    rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"coeur-de-maine": ["53", "72"]}
    text = text.replace("deux départements", "trois départements")
    rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"coeur-de-maine": []}


def test_a_region_word_inside_a_territory_name_written_again_in_the_body_is_no_region():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Territoires d'industrie : le Grand Est Touraine accélère\n\n"
            "Premier à avoir signé son contrat, le Grand Est Touraine passe aux actes.")
    rows = {row["territory_id"]: row["region_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"grand-est-touraine": []}


def test_a_territory_shared_with_another_region_lies_in_the_texts_region_too():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Région Hauts-de-France\n\nPour la deuxième phase, 18 territoires des Hauts-de-France s'engagent. "
            "Parmi eux figurent Santerre Haute-Somme, et Vallée de la Bresle-Vimeu, un territoire interrégional "
            "partagé avec la Normandie.")
    rows = {row["territory_id"]: sorted(row["region_codes"]) for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows["vallee-de-la-bresle-vimeu"] == ["28", "32"]


def test_a_quoted_name_keeps_the_bracket_after_its_closing_quote():
    text = "Le périmètre “Béziers-Sète” (Hérault) est l’un des 15 Territoires d’industrie retenus en Occitanie."
    mentions = find_territories(text, find_places(text))
    assert [(m.name, sorted(m.departement_codes)) for m in mentions] == [("Béziers-Sète", ["34"])]


def test_a_name_coordinated_before_a_name_with_its_own_place_takes_the_place_written_after_both():
    text = ("Près de 150 territoires ont été labellisés en France, dont Albigeois et Tarn Nord dans le Tarn, "
            "ainsi que Grand Narbonne dans l'Aude.")
    found = {m.territory_id: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"albigeois": ["81"], "tarn-nord": ["81"], "grand-narbonne": ["11"]}


def test_an_intercommunality_designated_by_its_acronym_keeps_it_unless_named_in_full():
    """Annotators name a territory the text designates by its intercommunality's acronym by the
    acronym (CACEM, CAP Nord, TCO, CIREST); by the spelled-out name when the text names the
    territory so too, or glosses the acronym with a bare name."""
    text = ("La Communauté urbaine de Cherbourg (CUC) porte le dossier. La CUC a été labellisée Territoire "
            "d'industrie en 2023.")
    assert names_of(text) == ["CUC"]
    text = "La CUC (Communauté urbaine de Cherbourg) a été labellisée Territoire d'industrie en 2023."
    assert names_of(text) == ["CUC"]
    text = "La CACEM (communauté d'agglomération du Centre de la Martinique) a été labellisée Territoire d'industrie."
    assert names_of(text) == ["CACEM"]
    text = ("Le Territoire d'industrie de Cherbourg est lancé. La CUC (Communauté urbaine de Cherbourg) a été "
            "labellisée Territoire d'industrie en 2023.")
    assert set(names_of(text)) == {"Cherbourg"}
    text = "Territoires d'industrie : le TCO (Territoire de la Côte Ouest) a été labellisé."
    assert names_of(text) == ["Territoire de la Côte Ouest"]
    # an acronym of the name alone is the name's short form
    text = ("La communauté d'agglomération Territoire de la Côte Ouest (TCO) signe. Le TCO a été labellisé "
            "Territoire d'industrie.")
    assert names_of(text) == ["TCO"]


def test_an_intercommunality_said_to_be_a_territory_with_its_place_between():
    text = ("Depuis janvier, la communauté de communes Terres de Montaigu, en Vendée, est officiellement un "
            "« territoire d'industrie ».")
    found = find_territories(text, find_places(text))
    assert [(m.name, sorted(m.departement_codes)) for m in found] == [("Terres de Montaigu", ["85"])]


def test_a_head_and_an_adjective_of_place_name_the_only_territory():
    assert names_of("Le bassin nazairien a été labellisé Territoire d'industrie par l'État.") == ["Bassin nazairien"]
    assert names_of("Le bassin minier a été labellisé Territoire d'industrie.") == []
    text = ("Le territoire Sud Alsace a été labellisé Territoire d'industrie. Le bassin mulhousien a été "
            "retenu comme territoire d'industrie pilote.")
    assert names_of(text) == ["Sud Alsace"]


def test_an_adjective_after_the_programme_words_in_the_plural_is_no_name():
    assert names_of("FOCUS\nTERRITOIRES D'INDUSTRIE ULTRAMARINS : VERS DES STRATÉGIES INSULAIRES") == []
    assert names_of("Les Territoires d'industrie normands se réunissent à Caen.") == []
    assert names_of("Le Territoire d'industrie Briançonnais est labellisé.") == ["Briançonnais"]


def test_a_redacted_passage_ends_a_name():
    assert names_of("CONTRAT TERRITOIRE D'INDUSTRIE LACQ-PAU-TARBES XXXXXXX XX XXXXXXXXXX X'XXXXXXXXX\n") \
        == ["LACQ-PAU-TARBES"]


def test_a_territory_shared_by_two_towns():
    text = ("Le premier volet a permis au territoire commun Issoudun-Châteauroux de bénéficier d'une aide "
            "de l'État.")
    assert names_of(text) == ["Issoudun-Châteauroux"]


def test_territories_set_beside_a_named_one():
    text = ("Il copilote le « Territoire d'industrie Rumilly-Usses et Rhône », lancé en Haute-Savoie aux côtés "
            "du Grand Annecy et de la Vallée de l'Arve.")
    assert names_of(text) == ["Rumilly-Usses et Rhône", "Grand Annecy", "Vallée de l'Arve"]
    # people, institutions and a sentence without a named territory are not
    assert names_of("Le Territoire d'industrie Sud Vosges avance aux côtés de la Région Grand Est et du "
                    "Conseil départemental.") == ["Sud Vosges"]
    assert names_of("La ville avance aux côtés du Grand Annecy et de la Vallée de l'Arve.") == []


def test_the_departements_the_only_territorys_intercommunalities_lie_in():
    text = ("CONTRAT TERRITOIRE D'INDUSTRIE LACQ-PAU-TARBES\n\nLe contrat engage l'État et les intercommunalités "
            "des Pyrénées-Atlantiques et des Hautes-Pyrénées qui composent le territoire.")
    found = find_territories(text, find_places(text))
    assert [(m.territory_id, sorted(m.departement_codes)) for m in found] == [("lacq-pau-tarbes", ["64", "65"])]


def test_territories_said_to_lie_in_the_one_departement_of_the_text():
    text = ("Les territoires d'industrie dans l'Indre\n\nL'aide a permis au territoire commun "
            "Issoudun-Châteauroux de soutenir trois projets.")
    found = find_territories(text, find_places(text))
    assert [(m.territory_id, sorted(m.departement_codes)) for m in found] == [("issoudun-chateauroux", ["36"])]


def test_a_candidacy_retained_for_the_second_phase_names_its_territory():
    text = ("Le Gouvernement a présenté la carte des Territoires d'industrie. La candidature des "
            "Alpes-de-Haute-Provence a été retenue pour la phase II du programme.")
    found = find_territories(text, find_places(text))
    assert [(m.name, sorted(m.departement_codes)) for m in found] == [("Alpes-de-Haute-Provence", ["04"])]
    assert names_of("Le Cher y figure parmi les territoires.") == []


def test_the_upper_part_of_a_departement_and_its_mountains():
    text = "Les territoires labellisés en Bourgogne-Franche-Comté sont :\n- Haut-Doubs Horloger\n- Haut-Jura\n- Vosges saônoises\n"
    found = {m.territory_id: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"haut-doubs-horloger": ["25"], "haut-jura": ["39"], "vosges-saonoises": []}
    other = "le Haut-Rhin et la Haute-Marne"
    assert [other[p.start:p.end] for p in find_places(other)] == ["Haut-Rhin", "Haute-Marne"]


def test_a_titles_subject_after_the_programme_names_its_intercommunalities():
    text = ("Territoires d'industrie : Limoges Métropole et ELAN misent sur l'industrie\n\nLe dispositif concerne "
            "la Communauté urbaine Limoges Métropole et la Communauté de communes ELAN.")
    assert names_of(text) == ["Limoges Métropole et ELAN"]
    # a person is never written with a legal form
    assert names_of("Territoires d'industrie : Bruno Le Maire annonce la deuxième phase\n\nLe ministre était à "
                    "Chalon-sur-Saône.") == []


def test_a_title_about_the_programme_and_one_intercommunality_names_the_territory_after_it():
    text = ("La Communauté d'agglomération de Bastia tire le bilan du programme Territoires d'industrie\n\n"
            "Le programme se referme sur un bilan positif.")
    assert names_of(text) == ["Bastia"]
    two = ("La communauté de communes de Marana-Golu et la communauté d'agglomération de Bastia rejoignent "
           "Territoires d'industrie\n\nLe programme s'ouvre.")
    assert names_of(two) == []


def test_a_departements_demonym_after_territoires_places_the_names_after_it():
    text = "Il rejoint ainsi les territoires meurthe-et-mosellans retenus dès 2018, dont Nord Lorraine."
    found = find_territories(text, find_places(text))
    assert [(m.territory_id, sorted(m.departement_codes)) for m in found] == [("nord-lorraine", ["54"])]
    text = "Il rejoint ainsi les territoires voisins retenus dès 2018, dont Nord Lorraine."
    assert [sorted(m.departement_codes) for m in find_territories(text, find_places(text))] == [[]]


def test_a_labelled_subject_written_with_the_programme_words_is_named_without_them():
    text = ("Labellisé fin 2023, le Territoire d’Industrie du Pays des Étangs réunit la communauté "
            "d'agglomération du Centre et deux communautés de communes.")
    assert ids(text) == ["pays-des-etangs"]


def test_names_chosen_for_the_plan_of_the_programme_are_territories():
    text = "Le Vimeu et le Ponthieu ont été choisis pour le plan « Territoires d'industrie » de l'État."
    assert sorted(ids(text)) == ["ponthieu", "vimeu"]


def test_a_count_of_zones_labelled_is_no_name():
    assert ids("13 zones du Grand Est labellisées « Territoires d'industrie » en 2018.") == []
    assert ids("Les dix secteurs de Bretagne ont été labellisés Territoires d'industrie.") == []
    assert ids("Le bassin nazairien a été labellisé Territoire d'industrie.") == ["bassin-nazairien"]


def test_a_cleft_about_something_else_than_the_label_is_no_territory():
    venue = ("Les territoires d'industrie se réunissent à Dijon. C'est le Palais des Congrès qui a "
             "été retenu pour accueillir cette rencontre nationale.")
    assert ids(venue) == []
    laureate = ("Dix territoires ont été sélectionnés en Occitanie. Pour le Gers, c'est le Pays "
                "d'Armagnac qui a été retenu.")
    assert ids(laureate) == ["pays-d-armagnac"]


def test_the_comma_closing_a_place_gloss_is_no_apposition():
    text = ("Les communautés de communes du Pays Loudunais, dans la Vienne, et du Thouarsais, dans "
            "les Deux-Sèvres, viennent d'être labellisées « Territoires d'industrie ».")
    assert "vienne" not in ids(text)


def test_a_title_subject_with_an_article_named_again_in_the_body_is_the_territory():
    title = ("Territoires d'industrie : le Val de Sambre avance\n\n"
             "Premier à avoir présenté ses projets, le Val de Sambre passe aux actes.")
    assert territories(title) == {("val-de-sambre", "territory.headline", ())}
    for institution in ("le Premier ministre annonce 100 millions\n\nLe Premier ministre a parlé.",
                        "la France compte 183 lauréats\n\nLa France compte 183 territoires.",
                        "le Val de Sambre avance\n\nLe contrat est signé."):
        assert ids("Territoires d'industrie : " + institution) == [], institution

def test_an_enumeration_cue_does_not_start_in_the_title_above():
    text = ("Territoires d'industrie : 15 lauréats en Occitanie\n\nLa région compte 15 territoires, dont "
            "Albigeois et Tarn Nord dans le Tarn, ainsi que Grand Narbonne dans l'Aude.")
    found = {m.territory_id: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"albigeois": ["81"], "tarn-nord": ["81"], "grand-narbonne": ["11"]}


def test_topic_the_territory_a_single_subject_article_keeps_naming():
    # in the title after "pour le" and again in the body, spelled with or without its dash
    text = ("« Territoires d'industrie » : un contrat signé pour le Nord-Franche-Comté\n\n"
            "Le Nord-Franche-Comté recevra des crédits pendant quatre ans. La commission a accordé au "
            "Nord Franche-Comté le rôle de territoire pilote.\n")
    assert rules_of(text) == {"nord-franche-comte": "territory.topic"}
    # twice in the body after words of place, never in the title
    text = ("Territoires d'industrie : la gouvernance est installée\n\n"
            "Une réunion a installé le pilotage du programme Territoires d'industrie pour la Vallée de l'Arve. "
            "Les élus du territoire de la Vallée de l'Arve ont désigné leur binôme.\n")
    assert rules_of(text) == {"vallee-de-l-arve": "territory.topic"}
    # a title speaking of "l'Agglomération" alone: the one agglomeration the body brands
    text = ("Territoire d'industrie : le contrat est signé sur l'Agglomération\n\n"
            "Le président de l'Agglomération Saumur Val de Loire a signé le contrat jeudi.\n")
    assert rules_of(text) == {"saumur-val-de-loire": "territory.topic"}


def test_topic_names_no_candidate_the_text_only_wishes_the_label_for():
    wished = ("Le label Territoire d'industrie se fait attendre\n\n"
              "La liste de 2018 avait oublié le Pays de Ploërmel. Le conseiller "
              "régional demande que le Pays de Ploërmel soit rapidement labellisé. Une candidature sera "
              "déposée pour le Pays de Ploërmel en mai.\n")
    assert ids(wished) == []
    received = wished + "\nEn juillet, le Pays de Ploërmel a été labellisé par la Région.\n"
    assert ids(received) == ["pays-de-ploermel"]


def test_topic_names_no_promoter_of_the_site_the_text_labels():
    promoter = ("ZAC : le Grand Dole étend sa plateforme chimique\n\n"
                "Le Grand Dole se donne les moyens de ses ambitions. Le Grand Dole souhaite achever les "
                "acquisitions cette année. Le projet a été adopté par le Grand Dole en 2022.\n")
    assert ids(promoter + "Le programme Territoires d'industrie accompagne le projet.\n") == ["grand-dole"]
    site = promoter + "Labellisé « Territoire d'industrie » depuis 2019, le site actuel s'étend sur 90 hectares.\n"
    assert ids(site) == []


def test_topic_names_no_venue_person_company_or_departement():
    # a national piece: a city as a venue, the Grand Palais, a minister, a company
    assert ids("Territoires d'industrie : 124 territoires retenus\n\n"
               "Le Premier ministre a réuni les élus à Chalon-sur-Saône puis au Grand Palais. Au Grand Palais, "
               "la ministre Agnès Pannier-Runacher a salué le groupe Michelin pour le Groupe Michelin.\n") == []
    # a national plan with a place's head word, named twice
    assert ids("Territoires d'industrie : les opérateurs s'engagent\n\n"
               "Les crédits vont au Grand plan d'investissement. Au Grand plan d'investissement s'ajoutent "
               "les prêts.\n") == []
    # départements coordinated, a région, a country: no territory
    assert ids("Territoires d'industrie dans la Mayenne et la Sarthe\n\n"
               "Le programme avance dans la Mayenne et la Sarthe, pour la Normandie et pour la France.\n") == []
    # a document not about the programme
    assert ids("Un nouveau parc pour la Vallée de l'Arve\n\nLa Vallée de l'Arve inaugure son parc.\n") == []
    # two places named as often: no clear winner
    assert ids("Territoires d'industrie : deux bassins avancent\n\n"
               "Le programme progresse dans le Val de Lorraine et dans le Pays de Bray. Le Val de Lorraine "
               "et le Pays de Bray ont signé.\n") == []


def test_a_well_known_acronym_of_an_intercommunality_is_the_territory_the_text_names_after_it():
    """data/epci_aliases.csv: CAPA is the CA du Pays Ajaccien. A text that also names the territory
    'Pays Ajaccien' speaks of one territory under that name; a text that only writes the acronym
    names the territory by it (tests/gold/README.md: the name the text gives it), and so does a
    short name of its own (CAPEX for the CA Cap Excellence)."""
    assert set(names_of("Le Pays Ajaccien a été labellisé Territoire d'industrie en 2018. "
                        "La CAPA a été labellisée Territoire d'industrie en 2018.")) == {"Pays Ajaccien"}
    assert names_of("La CAPA a été labellisée Territoire d'industrie en 2018.") == ["CAPA"]
    assert names_of("La CAPEX a été labellisée Territoire d'industrie en 2018.") == ["CAPEX"]


def test_a_list_item_followed_by_a_role_is_a_person():
    text = ("Le séminaire des Territoires d'industrie accueille :\n"
            "- Anne MARTIN, cheffe de projet Territoire d'industrie\n"
            "- Paul DURAND, enseignant-chercheur\n")
    assert ids(text) == []


def test_a_short_chef_lieu_is_a_name_though_a_short_fragment_is_not():
    from pipeline.extract.territories.common import looks_like_name
    assert looks_like_name("Gap") and looks_like_name("Pau")
    assert not looks_like_name("Ber") and not looks_like_name("Dun")
    assert ids("Dans les Hautes-Alpes, deux territoires ont été retenus : Gap et Haute Durance.") == [
        "gap", "haute-durance"]


def test_a_headline_in_capitals_is_no_name_though_a_name_in_capitals_is():
    from pipeline.extract.territories.common import looks_like_name
    assert not looks_like_name("GRAND-ORLY SEINE BIÈVRE RÉINVENTE L'INDUSTRIE DANS LA VILLE")
    assert looks_like_name("VALLÉE DE LA BRESLE-VIMEU")


def test_a_name_after_the_programme_words_may_end_with_the_programme_word_in_lower_case():
    assert names_of("Afin de favoriser le rebond du territoire d'industrie Yonne industrielle, "
                    "une mission a été déployée.") == ["Yonne industrielle"]
    assert names_of("Afin de favoriser le rebond du territoire d'industrie Morvan industriel, une mission "
                    "a été déployée par l'État.") == ["Morvan industriel"]
    assert names_of("C'est une alliance qui devrait faire du Territoire Bresse industrie l'un des plus "
                    "importants du pays, labellisé en 2023.") == ["Bresse industrie"]
    # the programme's word opening a phrase of its own stays out of the name
    assert names_of("Le territoire d'industrie Morvan industrie de demain a été labellisé.") == ["Morvan"]


def test_a_speakers_line_after_a_name_ends_it():
    text = ("Rencontre avec Paul Martin, chef de projets Territoires d'Industrie Grand Hainaut Cambrésis\n"
            "Mon Journal : Pouvez-vous présenter le programme ?\n")
    assert names_of(text) == ["Grand Hainaut Cambrésis"]


def test_an_intercommunality_joining_the_programme_beside_the_territory_named_is_its_member():
    text = ("Depuis 2023, la Communauté de communes du Sud-Avesnois a rejoint le dispositif Territoires "
            "d'Industrie. Rencontre avec le chef de projet du Territoire d'industrie Grand Hainaut Cambrésis.")
    assert ids(text) == ["grand-hainaut-cambresis"]
    # alone, the intercommunality joining is the territory
    assert ids("La Communauté de communes du Sud-Avesnois a rejoint le dispositif Territoires d'Industrie.") \
        == ["sud-avesnois"]


def test_variants_of_one_name_name_one_territory():
    text = ('Les membres du "Territoire d\'Industrie Alliances Luxe & Précision Doubs" étaient réunis. '
            "« Territoires d'Industrie Alliances Luxe & Précision du Doubs » regroupe 6 EPCI. "
            "La raison d'être de « Territoires d'Industrie Alliances Luxe & Précision du Doubs » est claire.")
    assert set(names_of(text)) == {"Alliances Luxe & Précision du Doubs"}
    text = ("L'Indre voit labelliser celui d'Issoudun, au territoire d'industrie. "
            "Pour le « Territoire d'Industrie » Châteauroux-Issoudun, le binôme est constitué.")
    assert set(names_of(text)) == {"Châteauroux-Issoudun"}
    # two territories, one name holding a word of the other but not as a whole part: both stay
    text = "Les territoires retenus sont :\n- Terres de Lorraine\n- Lorraine Nord\n"
    assert set(names_of(text)) == {"Terres de Lorraine", "Lorraine Nord"}


def test_a_common_noun_before_a_name_of_its_own_is_not_part_of_it():
    assert names_of("Porté par sa dynamique industrielle, le pays Terres de Lorraine est l'un des 21 "
                    "territoires labellisés Territoires d'industrie.") == ["Terres de Lorraine"]
    # a head opening the name stays: "le pays de Vannes", "le bassin nazairien", "l'axe Seine"
    assert names_of("Labellisé depuis 2023, le pays de Vannes accueille le comité.") == ["Pays de Vannes"]
    assert names_of("L'axe Seine a été labellisé Territoire d'industrie.") == ["Axe Seine"]


def test_items_marked_ti_in_a_list_of_another_programmes_laureates_are_the_only_territories():
    text = ("Les six premiers lauréats de l'appel à manifestation d'intérêt « Rebond industriel » ont été "
            "annoncés.\n\nCes six territoires sont :\n\n"
            "  • Morlaix Communauté (Bretagne)\n"
            "  • Douaisis Agglo (Hauts-de-France)\n"
            "  • Flers Agglo et Intercom de la Vire au Noireau – TI Collines de Normandie (Normandie)\n")
    assert ids(text) == ["collines-de-normandie"]
    # without any mark, the items of a list of territories are territories
    text = "Ces territoires sont :\n\n  • Morlaix Communauté (Bretagne)\n  • Douaisis Agglo (Hauts-de-France)\n"
    assert ids(text) == ["morlaix-communaute", "douaisis-agglo"]


def test_an_etablissement_public_territorial_goes_by_its_name_without_its_legal_form():
    text = ("Le territoire d'industrie Grand-Orly Seine Bièvre compte 17 320 emplois industriels. "
            "L'Établissement public territorial Grand-Orly Seine Bièvre a été labellisé Territoire d'industrie.")
    assert set(names_of(text)) == {"Grand-Orly Seine Bièvre"}
    assert names_of("L'EPT Grand-Orly Seine Bièvre a été labellisé Territoire d'industrie.") == ["Grand-Orly Seine Bièvre"]


def test_an_industrial_zone_selected_as_a_territory_goes_by_its_place():
    assert names_of("« TERRITOIRES D'INDUSTRIE » La Guadeloupe retenue à travers la zone industrielle et "
                    "commerciale de Jarry à Baie-Mahault") == ["Jarry"]
    assert names_of("L'État a retenu la zone industrielle et commerciale de Jarry parmi les 124 « territoires "
                    "d'industrie ».") == ["Jarry"]
    # a zone selected for another label, in a sentence that does not speak of the programme
    assert names_of("78 sites clés en main ont été retenus, dont la zone industrielle de Bonneuil. "
                    "Le programme Territoires d'industrie s'en félicite.") == []
    # a zone named after a département is no territory's name
    assert names_of("L'État a retenu la zone industrielle de Mayenne parmi les territoires d'industrie.") == []


def test_topic_the_one_intercommunality_an_article_about_the_programme_keeps_naming():
    text = ("« Territoires d'industrie » : un millier d'actions à lancer\n\n"
            "L'État applique son initiative « Territoires d'industrie ». Le Bassin de Pompey, en "
            "Meurthe-et-Moselle, n'a pas attendu. « Nous attendions cela », confie le président de la "
            "communauté de communes du Bassin de Pompey. Le journal suivra comment le Bassin de Pompey "
            "tirera profit du dispositif, comme Metz Métropole.\n")
    assert names_of(text) == ["Bassin de Pompey"]
    # a city named as a venue of a national meeting, however often, is no territory
    assert names_of("Les territoires d'industrie réunis à Lyon\n\nConviés à Lyon, les Territoires "
                    "d'industrie ont tenu leur assemblée à Lyon, au salon Global Industrie.\n") == []
    # named twice only, or as often as another intercommunality: no territory
    assert names_of("Territoires d'industrie : les élus réunis\n\nLe Bassin de Pompey et Metz Métropole "
                    "ont présenté leurs projets. Le Bassin de Pompey, Metz Métropole et Metz Métropole "
                    "encore, puis le Bassin de Pompey.\n") == []
    # a territory the text says two intercommunalities form is named after neither alone
    assert names_of("Territoires d'industrie : un label pour le bassin\n\n183 territoires ont été "
                    "labellisés, dont celui formé par la métropole de Metz et la communauté de communes "
                    "du Bassin de Pompey. Le président de la communauté de communes du Bassin de Pompey "
                    "salue le label ; le Bassin de Pompey y travaillait.\n") == []
    # nor one the text says several intercommunalities gather, the last of them named alone after
    assert names_of("Premier comité pour le Territoire d'industrie\n\nLes acteurs du « Territoire "
                    "d'industrie » réunissant la communauté de communes de la Plaine de l'Ain, Haut-Bugey "
                    "Agglomération, la communauté de communes du Pays Bellegardien, Pays de Gex Agglo et la "
                    "communauté de communes Bugey Sud se sont retrouvés à Belley.\n\nPour Bugey Sud, une "
                    "étape : les entreprises de Bugey Sud présenteront leurs projets, dit le président de "
                    "Bugey Sud.\n") == []
    # nor one the text says allied with others, or several gathered: the article is about a member
    pompey = ("Le Bassin de Pompey, en Meurthe-et-Moselle, a préparé son dossier. Le président de la "
              "communauté de communes du Bassin de Pompey le défend ; le Bassin de Pompey y tient.\n")
    assert names_of("Territoires d'industrie : un label pour le bassin\n\n" + pompey
                    + "La collectivité s'est alliée avec trois autres intercommunalités.\n") == []
    assert names_of("Territoires d'industrie : un label pour le bassin\n\n" + pompey
                    + "Elles sont quatre communautés de communes à s'être rassemblées autour du dispositif.\n") == []
    assert names_of("La communauté de communes du Bassin de Pompey engagée dans Territoires d'industrie\n\n"
                    "Le contrat est plus complexe : la collectivité s'est alliée avec trois autres "
                    "intercommunalités.\n") == []


def test_each_quote_of_an_inline_list_holds_one_name():
    text = ("Deux ont été choisis comme territoires pilotes : « Carros » et « Aix-Rousset-Gardanne ; "
            "Istres-Fos-Marignane-Etang de Berre ». Carros est le plus petit.")
    assert names_of(text) == ["Carros", "Aix-Rousset-Gardanne ; Istres-Fos-Marignane-Etang de Berre"]
    # quotes that do not make up the whole list: the usual split
    text = "Les territoires suivants : « Carros », Vallée du Var et Grasse."
    assert names_of(text) == ["Carros", "Vallée du Var", "Grasse"]
    # the paragraph ends at its closing quote, without a full stop
    text = ("Deux ont été retenus comme territoires pilotes : « Vallée de l'Arve » et « Annecy ; Rumilly »\n\n"
            "Le protocole signé ce jour prévoit douze actions. Il sera suivi.")
    assert names_of(text) == ["Vallée de l'Arve", "Annecy ; Rumilly"]


def test_the_subject_before_a_relative_clause_holds_the_label():
    text = ("L'Axe Seine dans lequel s'inscrit Le Havre Seine Métropole a été identifié « Territoire "
            "d'Industrie ».")
    assert names_of(text) == ["Axe Seine"]
    assert names_of("L'identification de l'Axe Seine comme « Territoire d'Industrie » reconnaît son "
                    "identité.") == ["Axe Seine"]
    # an identification of something else than a name is no territory
    assert names_of("L'identification des besoins comme territoire d'industrie a pris un an.") == []


def test_a_place_complement_opening_the_sentence_is_not_the_subject():
    text = ("Ils sont 141 territoires en France à être devenus territoires d'industrie. En Maine-et-Loire, "
            "le Choletais et le Segréen en faisaient déjà partie, désormais, le Saumurois y figure également.")
    assert names_of(text) == ["Choletais", "Segréen", "Saumurois"]
    # the département alone before the predicate is still no territory
    assert names_of("Ils sont 141 territoires. En Bretagne, le Finistère en faisait déjà partie.") == []


def test_those_of_after_the_programme_words_picks_out_territories():
    text = ("Le chômage touche plus durement les habitants des Territoires d'industrie situés dans les "
            "Hauts-de-France, particulièrement ceux du Boulonnais-Calaisis et du Hainaut-Douaisis-Cambrésis.")
    assert names_of(text) == ["Boulonnais-Calaisis", "Hainaut-Douaisis-Cambrésis"]
    # a département after its article is where they lie, the name beside it still a territory (g83fix)
    assert names_of("Les Territoires d'industrie du Grand Est, notamment ceux de la Marne et du Sud Champagne, "
                    "ont présenté leurs projets.") == ["Sud Champagne"]
    # "ceux de" pointing back at something else than the programme's territories
    assert names_of("Les salariés des usines, particulièrement ceux de Michelin et de Renault, "
                    "sont inquiets.") == []
    # "ceux" after a preposition takes up that preposition's earlier noun: perimeters, no territories
    assert names_of("Le territoire d'industrie « Aurillac-Figeac-Rodez » s'étend dans les périmètres de la "
                    "communauté d'agglomération du Bassin d'Aurillac, et dans ceux du Pays de Figeac et de la "
                    "communauté de communes Grand-Figeac.") == ["Aurillac-Figeac-Rodez"]


def test_a_sector_named_by_towns_after_the_programme_is_a_territory_not_the_person_before():
    text = ("Le 22 novembre dernier, M. le Premier ministre, Édouard Philippe, a retenu 124 territoires "
            "d'industrie. Le secteur Béziers-Sète bénéficie d'un contrat avec l'État.")
    assert names_of(text) == ["Béziers-Sète"]
    # a sector of the economy is no territory
    assert names_of("Le programme Territoires d'industrie aide le secteur Agro-Alimentaire.") == []


def test_topic_the_well_known_acronym_of_one_intercommunality_an_article_keeps_naming():
    text = ("Le vice-président de la CAB a dressé le bilan de l'engagement de la CAB dans le dispositif.\n\n"
            "Le programme Territoires d'industrie, installé sur le territoire de la CAB en 2020, a été "
            "étendu à la Communauté de communes de Marana-Golo.\n")
    assert names_of(text) == ["CAB"]  # the name the text gives it ("le tribunal de Bastia" names no territory)


def test_in_a_marked_item_the_name_before_the_mark_is_no_territory():
    text = ("Ces six territoires sont :\n\n"
            "  • Morlaix Communauté (Bretagne)\n"
            "  • Flers et Vire – TI Collines de Normandie (Normandie)\n")
    assert names_of(text) == ["Collines de Normandie"]


def test_names_after_a_plural_head_of_intercommunalities_are_members_of_a_territory_left_unnamed():
    assert names_of("ECONOMIE : Les agglos de Béziers, Agde/Pézenas et Sète labellisés territoires "
                    "d'industrie") == []
    assert names_of("Les communautés de communes du Thouarsais et du Loudunais ont été labellisées "
                    "Territoires d'industrie.") == []
    # a singular subject stays a territory
    assert names_of("Le Thouarsais a été labellisé Territoire d'industrie.") == ["Thouarsais"]


def test_a_name_wrapped_after_a_dash_goes_on_past_a_colon_on_the_next_line():
    text = "Le bilan du contrat du Territoire d'industrie Aurillac –\nFigeac – Rodez : un an après\n"
    assert names_of(text) == ["Aurillac – Figeac – Rodez"]


def test_a_region_before_the_programme_word_stays_a_region():
    assert names_of("Le territoire Grand Est industriel a été labellisé en 2019 par l'État.") == []
    assert names_of("Les Territoires d'industrie Grand Est industriel se réunissent à Metz.") == []


def test_obtaining_or_entering_the_label_or_the_programme_is_a_label_predicate():
    for sentence in ("Le Pays de Redon obtient le label Territoire d'industrie.",
                     "Le Pays de Redon décroche le label « Territoire d'industrie ».",
                     "Le Pays de Redon se voit attribuer le label Territoire d'industrie.",
                     "Le Pays de Redon entre dans le programme Territoires d'industrie.",
                     "Le Pays de Redon fait son entrée dans le dispositif Territoires d'industrie.",
                     "Le Pays de Redon a été retenu au titre du programme Territoires d'industrie.",
                     "Le Pays de Redon est officiellement entré dans le programme Territoires d'industrie.",
                     "Le Pays de Redon est éligible au programme « Territoires d'industrie »."):
        assert names_of(sentence) == ["Pays de Redon"], sentence
    assert names_of("Chartres métropole est entrée dans le programme national Territoires d'industrie.") == \
        ["Chartres métropole"]
    # a company or common nouns entering the programme are no territory
    assert names_of("L'entreprise Michelin entre dans le programme Territoires d'industrie.") == []
    assert names_of("Le groupe Safran a été retenu comme Territoire d'industrie.") == []
    assert names_of("Les entreprises obtiennent le label Territoire d'industrie.") == []
    assert names_of("L'entreprise Michelin est éligible au programme Territoires d'industrie.") == []


def test_territories_retenus_sont_then_names_without_a_colon():
    assert names_of("Les territoires retenus en Bretagne sont Vitré, Fougères et Loudéac.") == \
        ["Vitré", "Fougères", "Loudéac"]
    assert names_of("Les territoires retenus sont nombreux et variés.") == []
    assert names_of("Les territoires retenus sont la Bretagne et la Normandie.") == []


def test_the_active_voice_labels_its_object():
    assert names_of("Le gouvernement a labellisé le Pays de Redon « Territoire d'industrie ».") == ["Pays de Redon"]
    assert names_of("L'État a retenu le Pays de Redon et le Val de Lorraine parmi les territoires "
                    "d'industrie.") == ["Pays de Redon", "Val de Lorraine"]
    assert names_of("Le label « Territoire d'industrie » a été attribué au Pays de Redon.") == ["Pays de Redon"]
    # an object that is no place, a région, a project, a venue: none
    assert names_of("Le gouvernement a choisi Lyon pour les Territoires d'industrie.") == []
    assert names_of("Le Premier ministre a choisi le Grand Palais pour le Territoire d'industrie.") == []
    assert names_of("Le jury a retenu Michelin pour son projet.") == []
    assert names_of("L'État a retenu la Bretagne parmi les territoires d'industrie.") == []
    assert names_of("La Région a retenu le projet Hydrogène dans le programme Territoires d'industrie.") == []
    # two intercommunalities labelled together: members of a territory left unnamed
    assert names_of("L'État a labellisé la communauté de communes du Thouarsais et la communauté de "
                    "communes du Pays Loudunais « Territoire d'industrie ».") == []
    # other verbs of recognition, a present or a participle that cannot be a passive's
    assert names_of("Le ministre a reconnu le Pays de Redon comme Territoire d'industrie.") == ["Pays de Redon"]
    assert names_of("L'État reconnaît le Pays de Redon comme Territoire d'industrie.") == ["Pays de Redon"]
    assert names_of("La convention officialisant le Pays de Redon comme Territoire d'industrie est signée.") \
        == ["Pays de Redon"]
    assert names_of("Le ministre a reconnu le Pays de Redon pour son travail.") == []


def test_more_ways_of_saying_a_place_holds_the_label():
    assert names_of("Territoires d'industrie : le Pays de Redon retenu\n\nLe texte suit.") == ["Pays de Redon"]
    assert names_of("Territoires d'industrie : Vitré et Fougères labellisés\n\nLe texte suit.") == ["Vitré", "Fougères"]
    assert names_of("Le Pays de Redon, l'un des 183 territoires d'industrie, accueille les élus.") == ["Pays de Redon"]
    assert names_of("Le Pays de Redon conserve son label Territoire d'industrie.") == ["Pays de Redon"]
    assert names_of("Renouvellement du label Territoire d'industrie pour le Pays de Redon") == ["Pays de Redon"]
    assert names_of("Le Pays de Redon renouvelé Territoire d'industrie pour 2023-2027.") == ["Pays de Redon"]
    # traps: a company after the programme's words, a count, the programme for a country or for companies
    assert names_of("Territoires d'industrie : Michelin retenu pour un projet\n\nLe texte suit.") == []
    assert names_of("Territoires d'industrie : 183 territoires retenus\n") == []
    assert names_of("Les Territoires d'industrie pour la France entière.") == []
    assert names_of("Le label Territoire d'industrie pour les entreprises du Pays de Redon.") == []
    # coordinated names with a singular participle: one territory whose name is unsure
    assert names_of("Territoires d'industrie : le bassin de Bourges et Vierzon retenu\n\nLe texte.") == []


def test_a_bare_award_participle_in_a_text_about_the_programme():
    assert names_of("Le programme Territoires d'industrie avance. Dans le Morbihan, le Pays de Lorient et "
                    "le Pays de Vannes ont été retenus.") == ["Pays de Lorient", "Pays de Vannes"]
    assert names_of("Le Pays de Lorient et le Pays de Vannes font partie des lauréats.") == \
        ["Pays de Lorient", "Pays de Vannes"]
    assert names_of("Les deux territoires morbihannais retenus sont le Pays de Lorient et le Pays de "
                    "Vannes.") == ["Pays de Lorient", "Pays de Vannes"]
    # companies, people, the members a territory groups: none
    assert names_of("Le programme Territoires d'industrie avance. Michelin et Safran ont été retenus pour "
                    "leurs projets.") == []
    assert names_of("Territoires d'industrie. Le territoire regroupant la CDC argentanaise et son homologue "
                    "des Vallées d'Auge et du Merlerault a été retenu.") == []


def test_fronted_label_phrases_and_list_membership():
    for sentence in ("Le comité du Territoire d'Industrie (TI) Pays de Redon s'est réuni.",
                     "La candidature du Pays de Redon a été retenue par l'État au titre du programme "
                     "Territoires d'industrie.",
                     "Avec le label Territoires d'industrie, le Pays de Redon accélère.",
                     "Territoire d'industrie depuis 2018, le Pays de Redon accélère.",
                     "Le Pays de Redon bénéficie du label Territoire d'industrie depuis 2018.",
                     "Le Pays de Redon figure dans la liste des 124 territoires d'industrie."):
        assert names_of(sentence) == ["Pays de Redon"], sentence
    assert names_of("Avec le label Territoires d'industrie, les entreprises accélèrent.") == []
    assert names_of("Grâce au label Territoires d'industrie, la Région soutient 40 projets.") == []


# lead, after reading a seventh set

def test_the_programmes_words_or_a_venue_after_a_is_no_name():
    text = ("Un titre sur la Guyane\n\nKourou est, après une autre ville, la troisième commune guyanaise à "
            "devenir Territoire d'Industrie.\n\nA Vesoul, \"Territoire d'industrie\" a recruté sa cheffe de projet.")
    assert not {"territoire-d-industrie", "a-vesoul"} & set(ids(text))


def test_a_date_between_the_verb_and_the_label_keeps_the_predicate():
    text = ("Un titre sur l'industrie\n\nPour relancer son industrie, comme 182 autres territoires, la "
            "communauté urbaine d'Alençon a obtenu en novembre 2023 le label national \"Territoire "
            "d'industrie\", qu'elle a inauguré jeudi.")
    assert ids(text) == ["alencon"]
    assert ids("Un titre\n\nLe Pays de Vitré a été labellisé le 9 novembre 2023 « Territoire d'industrie ».") \
        == ["pays-de-vitre"]


def test_a_territory_or_a_perimeter_given_its_name():
    text = ("Un titre\n\nLa candidature Territoires d'industrie a été portée par la communauté urbaine et "
            "définie sur le même périmètre géographique, dénommé Val Industriel. Un territoire de 4 EPCI.")
    assert "val-industriel" in ids(text)
    text = ("Un titre\n\nTrois intercommunalités donnent naissance à un nouveau territoire du dispositif, "
            "baptisé « Cœur Industriel », labellisé Territoire d'industrie.")
    assert "coeur-industriel" in ids(text)
    # no programme in the sentence, no name
    assert ids("Un titre\n\nLe quartier, baptisé Les Hauts, accueille une école.") == []


def test_a_title_setting_a_name_beside_the_label():
    text = ("Mamoudzou\ndimanche 19 janvier 2025\n\nMayotte « Territoire d’industrie » : une volonté politique\n\n"
            "Les élus de Mayotte ont présenté leurs projets.")
    assert ids(text) == ["mayotte"]
    assert ids("Vallée de l'Arve, Territoire d'industrie : un bilan\n\nLa Vallée de l'Arve présente ses projets.") \
        == ["vallee-de-l-arve"]
    # a person is no place; a name the body does not repeat is left
    assert ids("Anne Martin « Territoire d’industrie » : la ministre parle\n\nAnne Martin a parlé.") == []
    assert ids("Mayotte « Territoire d’industrie » : une volonté politique\n\nLes élus ont parlé.") == []


def test_a_comparison_with_the_first_phase_tells_no_phase():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Titre\n\nLe gouvernement a présenté la carte 2023-2027 des Territoires d'industrie. À l'instar du "
            "premier programme, la candidature a été définie sur le même périmètre, dénommé Val Industriel.")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert [(row["name"], row["phase"]) for row in rows] == [("Val Industriel", "2023-2027")]


def test_a_perimeter_named_by_its_adjective():
    text = ("Le label « Territoires d'industrie » accompagne les bassins industriels.\n"
            "Le périmètre interdépartemental Gers/Tarn et Garonne s'étend sur deux départements.")
    assert names_of(text) == ["Interdépartemental Gers/Tarn et Garonne"]
    # an intercommunality's name after "l'", or no word of the programme: no territory
    assert names_of("Le programme Territoires d'industrie rassemble Villes Sœurs et l'interrégionale "
                    "Aumale - Blangy-sur-Bresle.") == []
    assert names_of("Le périmètre interdépartemental Gers/Tarn et Garonne s'étend sur deux départements.") == []


def test_one_name_written_with_and_without_an_ampersand_is_one_territory():
    text = ("Territoire d'Industrie interdépartemental Gers/Tarn & Garonne\n\n"
            "Le périmètre interdépartemental Gers/Tarn et Garonne concerne onze intercommunalités.")
    assert {name_key(name) for name in names_of(text)} == {"interdepartemental-gers-tarn-et-garonne"}


def test_a_departement_qualified_by_an_adjective_of_place_is_a_name():
    assert names_of("Le Gard rhodanien est labellisé Territoire d'industrie.") == ["Gard rhodanien"]
    assert names_of("Le Gard rhodanien-Uzège a été retenu comme Territoire d'industrie.") == [
        "Gard rhodanien-Uzège"]
    # a common adjective makes no name
    assert names_of("Le Gard voisin est labellisé Territoire d'industrie.") == []


def test_a_name_never_opens_with_a_preposition():
    # "Autour de Roanne Agglomération, …" sets the scene: the territory is the one named after it
    assert names_of("Autour de Roanne Agglomération, le territoire d'industrie Roannais accélère "
                    "ses projets.") == ["Roannais"]
    assert names_of("Avec Vierzon Sologne Berry, le territoire d'industrie Bourges-Vierzon est "
                    "reconduit.") == ["Bourges-Vierzon"]


def test_a_fronted_participle_of_the_label_before_a_subject_without_article():
    assert names_of("Fraîchement labellisé « Territoire d'industrie », Grand Chambéry prépare son "
                    "plan d'actions.") == ["Grand Chambéry"]
    assert names_of("Mamoudzou – Labellisée « Territoire d'industrie » en 2023, Mayotte présente son "
                    "bilan.") == ["Mayotte"]
    # coordinated subjects, a subject in the middle of a sentence, a question: no territory read so
    assert names_of("Labellisées « Territoire d'industrie », Vitré Communauté et Fougères Agglomération "
                    "préparent leur plan.") == []
    assert names_of("Les élus, labellisés « Territoire d'industrie » depuis peu, Martin Dupont en tête, "
                    "se réunissent.") == []


def test_a_quoted_label_set_beside_a_name_after_its_article():
    assert names_of("Une table ronde sur l'avenir du Calaisis, « Territoire d'industrie », s'est tenue "
                    "hier.") == ["Calaisis"]
    assert names_of("Des usines du Boulonnais, « Territoire d'Industries », sont modernisées.") == ["Boulonnais"]
    # without quotes, the apposition still needs a name opening its clause
    assert names_of("Une table ronde sur l'avenir du Calaisis, territoire d'industrie, s'est tenue.") == []


def test_intercommunalities_named_by_their_brand_and_labelled_together_are_members():
    text = ("La Métropole et Mond'Arverne Communauté sont lauréates. Elles forment le territoire "
            "Clermont Arverne Industrie.")
    assert names_of(text) == ["Clermont Arverne Industrie"]


def test_the_area_of_an_intercommunality_in_a_sentence_about_something_else_is_no_territory():
    text = ("Vice-président de la communauté de communes du Pays de Fayence, il veut que les zones "
            "d'activités du territoire Pays de Fayence en profitent.")
    assert names_of(text) == []
    assert names_of("Le territoire Pays de Fayence est labellisé Territoire d'industrie, dit la "
                    "communauté de communes du Pays de Fayence.") == ["Pays de Fayence"]


def test_towns_in_a_name_state_no_departement():
    """The contract's départements are those the text states or where the members lie: the seeds'
    and the field set's golds give none for a name made of towns."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("En Occitanie, les territoires d'industrie retenus sont :\n- Castelnaudary-Castres\n"
            "- Béziers-Sète (Hérault)\n- Pays de Lacq (Pyrénées-Atlantiques)\n")
    rows = {row["territory_id"]: (row["departement_codes"], row["region_codes"])
            for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"castelnaudary-castres": ([], ["76"]), "beziers-sete": (["34"], ["76"]),
                    "pays-de-lacq": (["64"], ["75"])}


def test_the_parts_of_a_report_are_no_territories():
    """A report's section headings under a sentence about labelled territories: 'Conclusion : …'
    is a part of the document, not a territory named in a 'Name : description' item."""
    text = ("Cette note revient sur quelques enseignements des territoires labellisés « Territoires "
            "d'industrie ».\n\n"
            "1\n2\n"
            "Les ressources d'un territoire :\n"
            "deux exemples comparés\n"
            "Conclusion : quelles recommandations pour l'action publique ?\n"
            "3\n")
    assert ids(text) == []


def test_a_part_of_a_wider_labelled_area_is_not_the_territory():
    """A member's page: 'labellisé … au sein d'une démarche commune à …, le territoire de X' names
    a part of the territory; 'au sein de la Région' only says where it lies."""
    part = ("Labellisé « Territoire d'industrie » en novembre 2018 au sein d'une démarche commune à "
            "quatre intercommunalités de la vallée, le territoire du Pays Rochois accélère ses projets.")
    assert ids(part) == []
    whole = ("Labellisé « Territoire d'industrie » en novembre 2018 au sein de la Région "
             "Auvergne-Rhône-Alpes, le territoire du Pays Rochois accélère ses projets.")
    assert ids(whole) == ["pays-rochois"]


def test_a_wider_labelled_area_is_named_after_the_towns_it_links():
    """'au sein d'un vaste espace reliant A, B et C': the wider territory goes by its towns (A-B-C),
    whether the member is the fronted subject or the subject of the predicate."""
    fronted = ("Labellisé depuis mars 2019 « Territoire d'industrie » au sein d'un vaste espace "
               "inter-régional reliant Lacq, Pau et Tarbes, le territoire de Lacq-Orthez avance.")
    assert names_of(fronted) == ["Lacq-Pau-Tarbes"]
    predicate = ("Le territoire a été labellisé « Territoire d'industrie » au sein d'un ensemble reliant "
                 "Saint-Nazaire et Cordemais.")
    assert names_of(predicate) == ["Saint-Nazaire-Cordemais"]
    assert names_of("Le territoire a été labellisé « Territoire d'industrie » au sein d'un ensemble "
                    "de quatre intercommunalités.") == []


def test_a_fronted_award_predicate_names_the_subject_but_not_a_company():
    """'Lauréat du programme Territoires d'industrie, le Pays de Redon …' reads as 'Labellisé …, le X';
    a company after it is no territory."""
    assert ids("Lauréat du programme Territoires d'industrie, le Pays de Redon mise sur la chimie.") \
        == ["pays-de-redon"]
    assert ids("Lauréate du fonds Territoires d'industrie, l'entreprise Atil investit dans le Morbihan.") == []
    assert ids("Lauréate du fonds Territoires d'industrie, Elixance Polymers investit à Elven.") == []
    assert ids("Lauréate de l'appel à projets Territoires d'industrie, La Poste a investi à Caen.") == []


def test_a_headline_saying_laureate_names_its_subject():
    """'Territoires d'industrie : le X de nouveau lauréat', 'Le X lauréat de Territoires d'industrie';
    a company laureate of a fund is no territory."""
    assert ids("Actualités\n\nTerritoires d'industrie : le Pays de Châlons de nouveau lauréat\n") == ["pays-de-chalons"]
    assert ids("Actualités\n\nLe Pays de Châlons de nouveau lauréat de Territoires d'industrie\n") == ["pays-de-chalons"]
    assert ids("Actualités\n\nTerritoires d'industrie : l'entreprise Atil lauréate du fonds vert\n") == []


def test_a_name_apposed_after_a_possessive_and_the_programme_words():
    assert names_of("Nous avons choisi d'unir nos forces. Notre territoire d'industrie, Lacq-Pau-Tarbes.") == \
        ["Lacq-Pau-Tarbes"]
    # no possessive: the comma enumerates; the name does not end the sentence: left unread
    assert names_of("Le programme Territoires d'industrie, Bpifrance et la Banque des Territoires.") == []
    assert names_of("Notre territoire d'industrie, Lacq, Pau et Tarbes, avance.") == []


def test_a_quoted_name_after_territoire_in_a_sentence_about_the_programme():
    assert names_of("Le territoire « nord Lorraine », à la frontière, intègre le dispositif nommé "
                    "« Territoires d'industrie ».") == ["Nord Lorraine"]
    # another programme's words in quotes, a quoted sentence, no programme in the sentence: no name
    assert names_of("Le territoire « zéro chômeur » rejoint les Territoires d'industrie.") == []
    assert names_of("Le territoire « Nord Lorraine » accueille une usine.") == []


def test_a_member_labelled_on_a_wider_axis_names_the_axis():
    # "X est labellisée … sur l'axe A-B-C": X is a part of the wider territory, the axis is the territory
    assert names_of("La CCLO est labellisée « Territoire d'industrie » sur l'axe Lacq-Pau-Tarbes. "
                    "Le contrat a été signé le 15 juillet 2019.") == ["Lacq-Pau-Tarbes"]
    assert names_of("Le Pays de Redon est labellisé « Territoire d'industrie ».") == ["Pays de Redon"]


def test_a_demonstrative_before_the_interdepartmental_adjective_names_the_territory_as_written():
    text = ("Les élus lancent leurs actions au titre du programme Territoires d'industrie. Pour la préfète, "
            "cette interdépartementale Gers/Tarn-et-Garonne forme un trait d'union entre Toulouse et Agen.")
    assert names_of(text) == ["Interdépartementale Gers/Tarn-et-Garonne"]
    member = ("Les élus lancent leurs actions au titre du programme Territoires d'industrie avec "
              "l'interrégionale Aumale - Blangy-sur-Bresle.")
    assert names_of(member) == []


def test_an_intercommunality_named_again_and_again_by_its_usual_name_is_the_topic():
    text = ("Cap Nord lance un appel à projets\n\nCap Nord veut attirer des entreprises au Robert. "
            "Le programme Territoires d'industrie accompagne la démarche. Les élus de Cap Nord présenteront les lauréats.")
    assert names_of(text) == ["Cap Nord"]
    assert names_of(text.replace("Les élus de Cap Nord", "Les élus")) == []  # twice is not enough


def test_a_count_of_valleys_then_as_many_places_after_the_programme_words():
    text = ("Les représentants du label « Territoires d'industrie » des trois vallées de Bruyères, Gérardmer "
            "et Saint-Dié-des-Vosges étaient réunis.")
    assert names_of(text) == ["Trois vallées de Bruyères, Gérardmer et Saint-Dié-des-Vosges"]
    assert names_of(text.replace("trois", "quatre")) == []  # three places for four valleys: no name


def test_some_of_the_territories_then_a_colon_and_their_names():
    text = ("Parmi les 183 territoires labellisés Territoires d'industrie – qui bénéficient du programme –, "
            "plusieurs ont déjà fait l'objet d'études : Angoulême-Cognac, Alès, Alsace centrale, Seine-Aval-Mantes.")
    assert names_of(text) == ["Angoulême-Cognac", "Alès", "Alsace centrale", "Seine-Aval-Mantes"]


def test_poles_in_brackets_before_the_verb_of_the_award():
    text = ("Dans la Région Sud, pas moins de huit pôles (Grasse, Carros, Aix-Marseille, Durance, Haute Durance, "
            "Toulon) ont réussi à décrocher ce label très convoité.")
    assert names_of(text) == ["Grasse", "Carros", "Aix-Marseille", "Durance", "Haute Durance", "Toulon"]
    assert names_of("Les trois pôles (Lyon, Grenoble et Annecy) ont signé une convention.") == []


def test_the_programme_renewed_for_a_territory():
    text = ("La référente de Territoires d'industrie était présente. Ce dispositif national concerne la Dordogne "
            "puisqu'il est aussi renouvelé pour le Terrassonnais-Brive.")
    assert names_of(text) == ["Terrassonnais-Brive"]
    assert names_of("Ce dispositif d'aide, il est renouvelé pour le Terrassonnais-Brive.") == []  # no programme


def test_an_ordinal_of_the_award_names_the_subject_and_the_places_before_it():
    text = ("Kourou est, après Cayenne et Saint-Laurent du Maroni, la troisième commune guyanaise à devenir "
            "Territoire d'Industrie.")
    assert names_of(text) == ["Kourou", "Cayenne", "Saint-Laurent du Maroni"]
    assert names_of("Le Pays de Redon est le premier territoire breton à être labellisé Territoire d'industrie.") \
        == ["Pays de Redon"]
    assert names_of("Michelin est la première entreprise à rejoindre les Territoires d'industrie.") == []


def test_a_name_joined_by_a_dash_before_the_programmes_words():
    assert names_of("La démarche Grand Est Touraine – Territoire d'industrie a eu des retombées.") \
        == ["Grand Est Touraine"]
    assert names_of("« Cœur de Loire-Territoire d'Industrie » vise à soutenir l'industrie.") == ["Cœur de Loire"]
    # a région, a heading without an undertaking's word, a name after the programme's words
    assert names_of("Le programme Normandie - Territoire d'industrie est lancé.") == []
    assert names_of("Mot de la semaine n° 473 - Territoire d'Industrie") == []


def test_one_territory_named_after_an_enumeration_cue_in_the_singular():
    text = "183 territoires d'industrie ont été retenus. Parmi eux figure le territoire de Lacq-Pau-Tarbes."
    assert names_of(text) == ["Lacq-Pau-Tarbes"]
    assert names_of("183 territoires d'industrie ont été retenus. Parmi eux figure le Grand Villeneuvois.") \
        == ["Grand Villeneuvois"]
    assert names_of("Le Territoire de la Côte Ouest a été labellisé Territoire d'industrie.") \
        == ["Territoire de la Côte Ouest"]  # in capitals, "Territoire de" is part of the name


def test_an_et_inside_an_intercommunalitys_name_or_a_singular_subject_coordinates_nothing():
    # inline lists: "Lamballe Terre et Mer" is an EPCI's name, so its "et" joins no two names
    assert names_of("Les territoires retenus sont : Pays de Vannes, Vallée de la Bresle et Lamballe Terre et Mer.") \
        == ["Pays de Vannes", "Vallée de la Bresle", "Lamballe Terre et Mer"]
    assert names_of("La Bretagne compte 12 territoires d'industrie, dont 2 nouveaux : le Pays de Vannes et "
                    "Lamballe Terre et Mer.") == ["Pays de Vannes", "Lamballe Terre et Mer"]
    # a verb in the singular has one subject
    assert names_of("Sud et Ouest Creuse est labellisé Territoire d'industrie.") == ["Sud et Ouest Creuse"]
    assert names_of("Vitré et Fougères ont été labellisés Territoires d'industrie.") == ["Vitré", "Fougères"]
    # "ce territoire de la Creuse": a département describing a territory named before
    assert names_of("Ce territoire de la Creuse rejoint les 183 territoires retenus.") == []


def test_a_region_or_departement_heading_lists_the_territories_that_lie_there():
    text = ("Les nouveaux territoires d'industrie sont :\n\n• Bretagne : Pays de Vannes, Lamballe Terre et Mer\n"
            "• Isère : Bièvre Isère, Vallée de l'Arve\n")
    assert names_of(text) == ["Pays de Vannes", "Lamballe Terre et Mer", "Bièvre Isère", "Vallée de l'Arve"]
    # a département's name before intercommunalities is a territory named so, with its members
    text = "Les territoires d'industrie sont :\n\n• Ariège : CC du Pays de Mirepoix et CC des Portes d'Ariège Pyrénées\n"
    assert names_of(text) == ["Ariège"]
    # several places head a line; a spaced dash under a place heading may join one name's towns
    # or part two names: nothing tells which, so neither is read
    text = ("Les territoires d'industrie pilotes sont :\n- Pays de Loire, Normandie : Vallée de l'Huisne,\n"
            "- Occitanie : Aurillac/Figeac/Rodez – Lacq Pau Tarbes.\n")
    assert names_of(text) == ["Vallée de l'Huisne"]


def test_lines_of_names_with_their_codes_are_a_list_without_a_colon_above():
    text = "Les lauréats de la Nouvelle-Aquitaine\n\nGrand Châtellerault (86)\nNord Poitou (79)\n\nFin."
    assert names_of(text) == ["Grand Châtellerault", "Nord Poitou"]
    # one such line is no list; nor are sentences with a code in brackets
    assert names_of("La réunion s'est tenue à Poitiers (86).\nLe préfet de la Charente (16) était là.") == []

def test_a_departement_tail_is_no_territory():
    # "le Territoire de Belfort" read as "le territoire de Belfort"
    text = ("Labellisé en novembre 2018, le territoire d'industrie Nord Franche-Comté s'étend sur le Doubs, "
            "la Haute-Saône et le Territoire de Belfort.")
    assert territories(text) == {("nord-franche-comte", "territory.prefixed_name", ("25", "70", "90"))}
    # a name begun inside the département's and running on past it is a piece of it too
    text = ("Labellisé en novembre 2023 pour 2023-2027, le territoire d'industrie Grand Dole travaille avec "
            "le Territoire de Belfort et la Haute-Saône.")
    assert "belfort-et-la-haute-saone" not in ids(text)


def test_a_departement_whose_territories_the_text_names_is_no_territory():
    text = ("Territoires d'industrie : la Vendée confirmée dans la deuxième phase du programme\n\n"
            "En Vendée, le territoire du Bocage Vendéen ainsi que celui de Vendée Grand Sud ont été retenus.\n")
    assert "vendee" not in ids(text)
    # a territory bearing its département's name, alone in it, stays
    assert ids("Territoires d'industrie : Mayotte labellisée\n\nMayotte a été labellisée Territoire d'industrie.") \
        == ["mayotte"]


def test_a_title_coordinating_departements_names_no_territory():
    from pipeline.extract.territories.kicker import headline_subject
    text = ("Territoires d'industrie : la Moselle et la Meurthe-et-Moselle au rendez-vous\n\n"
            "Le programme se déploie à cheval sur la Moselle et la Meurthe-et-Moselle.\n")
    assert headline_subject(text) == []


def test_departements_framing_the_sentence_of_one_territory():
    opening = ("Dans la Moselle et la Meurthe-et-Moselle, le territoire Nord Lorraine a été retenu pour la "
               "période 2023-2027.")
    assert territories(opening) == {("nord-lorraine", "territory.prose", ("54", "57"))}
    after = "Le territoire d'industrie Grand Angoulême / Grand Cognac est reconduit pour 2023-2027 en Charente."
    assert {codes for *_, codes in territories(after)} == {("16",)}
    # another name between: the place may be that one's
    other = ("La communauté d'agglomération du Pays Ajaccien, labellisée Territoire d'industrie pour la période "
             "2023-2027, devient le deuxième territoire corse du programme, après le Grand Bastia, labellisé dès "
             "2018 en Haute-Corse.")
    assert ("pays-ajaccien", "territory.labelled", ("2B",)) not in territories(other)


def test_towns_each_after_its_own_de_after_the_plural_programme_words():
    text = "L'État a retenu en Guyane les territoires d'industrie de Kourou, de Cayenne et de Saint-Laurent-du-Maroni."
    assert ids(text) == ["kourou", "cayenne", "saint-laurent-du-maroni"]
    assert ids("Les territoires d'industrie de Lacq-Pau-Tarbes et du Pays Basque sont reconduits.") \
        == ["lacq-pau-tarbes", "pays-basque"]
    assert ids("Les territoires d'industrie de Moselle et de Meurthe-et-Moselle sont reconduits.") == []


def test_another_territory_of_the_programme_in_apposition_with_its_demonym():
    text = ("Labellisé depuis 2023, le Carmausin-Ségala accélère. "
            "L'Albigeois, autre territoire d'industrie tarnais retenu la même année, partage ses outils. "
            "Hautes Terres d'Oc, autre territoire tarnais labellisé en 2023, participe aussi.")
    found = territories(text)
    assert ("albigeois", "territory.prose", ("81",)) in found
    assert ("hautes-terres-d-oc", "territory.prose", ("81",)) in found


def test_an_apposed_participle_with_a_year_of_the_programme():
    text = ("Le Pays Ajaccien, labellisé Territoire d'industrie pour la période 2023-2027, rejoint ainsi le "
            "Grand Bastia, labellisé dès 2018 en Haute-Corse.")
    assert "grand-bastia" in ids(text)
    # a year before the programme: another label
    text = ("Fin 2018, le territoire d'industrie de la Côte Ouest s'est appuyé sur le pôle territorial ÉcoPAL, "
            "labellisé en 2016.")
    assert "ecopal" not in ids(text)


def test_a_singular_verb_makes_one_name_of_a_and_b():
    assert ids("Marne et Brie Industries fait son entrée parmi les territoires d'industrie.") \
        == ["marne-et-brie-industries"]


def test_names_after_de_meme_que_or_tout_comme_hold_the_label_too():
    text = ("Le programme accueille de nouveaux territoires. Dans le Morbihan, Ploërmel Communauté fait son entrée "
            "dans le programme, de même que la communauté de communes Centre Morbihan Communauté.")
    assert ids(text) == ["ploermel-communaute", "centre-morbihan-communaute"]


def test_a_bare_participle_of_the_award_after_a_name_holding_a_departement():
    assert ids("Le programme des territoires. Moselle-Est est reconduit pour 2023-2027.") == ["moselle-est"]
    # people and companies still need a place's article
    assert ids("Le programme des territoires. Michelin et Safran ont été retenus.") == []


def test_the_bare_words_region_and_departement_name_no_territory():
    assert names_of("Territoires d'industrie : la Région signe avec l'État\n\nRennes, le 3 mai 2024\n") == []
    assert names_of("Le territoire Région de Lisieux a été labellisé Territoire d'industrie.") == ["Région de Lisieux"]

def test_a_word_cut_by_a_hyphen_at_a_line_end_is_joined_again():
    from pipeline.normalize import mend_line_cuts
    assert mend_line_cuts("Haut-Doubs Horlo-\nger") == "Haut-Doubs Horloger"
    assert mend_line_cuts("Bourgogne-\nFranche-Comté") == "Bourgogne-Franche-Comté"
    assert mend_line_cuts("Pont-\nà-Mousson") == "Pont-à-Mousson"
    text = "Les territoires retenus sont :\n• Pays Horlo-\nger\n• Vallée Haute\n"
    assert ids(text) == ["pays-horloger", "vallee-haute"]


def test_a_comma_list_sized_by_a_small_count_beside_the_national_one():
    text = ("Quatre territoires axonais font partie des 183 Territoires d’industrie retenus : "
            "le Saint-Quentinois, le Sud de l’Aisne, le Soissonnais-Valois, la Thiérache et Pays de la Serre.")
    assert ids(text) == ["saint-quentinois", "sud-de-l-aisne", "soissonnais-valois", "thierache-et-pays-de-la-serre"]


def test_a_participle_agreeing_with_counted_territories_does_not_name_the_subject():
    text = "Avec cinq territoires labellisés pour 2023-2027, la Mayenne confirme sa place de département industriel."
    assert ids(text) == []


def test_measures_announced_as_benefits_are_not_territories():
    text = ("Chaque territoire labellisé disposera des appuis suivants :\n• Ingénierie de projet\n"
            "• Fonds Territoires d'industrie de la Banque des Territoires\n• Offre de services Business France\n")
    assert ids(text) == []


def test_an_inline_list_after_sont_when_the_subject_is_territories():
    text = "Les territoires retenus dans le Gard et l'Aude sont Alpha (30) ; Beta Sud (11) ; Gamma (30). Ils étaient déjà labellisés."
    assert ids(text) == ["alpha", "beta-sud", "gamma"]
    assert ids("Les élus présents sont Jean Dupont et Marie Durand.") == []


def test_plural_programme_words_before_departement_names_name_no_territory():
    assert ids("Les territoires d'industrie du Gard et de l'Hérault reconduits") == []


def test_names_each_after_its_preposition():
    text = ("Trois territoires ont décroché le label. Il s'agit des territoires d'Alpha-Nord, de la Plaine "
            "des Monts et des Trois vallées de Beta, Gamma et Delta.")
    assert ids(text) == ["alpha-nord", "plaine-des-monts", "trois-vallees-de-beta-gamma-et-delta"]


def test_a_dash_parts_a_name_from_its_member_intercommunalities():
    text = ("Trois territoires labellisés :\n📍 Alpha Industrie – Alpha Métropole et Beta Communauté\n"
            "📍 Gamma – Delta, Epsilon et Zeta\n📍 Eta Val\n")
    assert ids(text) == ["alpha-industrie", "gamma-delta-epsilon-et-zeta", "eta-val"]


def test_enumeration_marks_inside_an_inline_list():
    text = "Deux territoires ont été retenus : (a) Alpha Industrie, qui associe deux agglomérations ; (b) Beta Val."
    assert ids(text) == ["alpha-industrie", "beta-val"]


def test_a_sub_heading_naming_a_departement_places_its_items():
    text = ("Les territoires retenus sont les suivants :\n\nDans l'Aude :\n- Alpha Nord\n- Beta\n\n"
            "Dans le Tarn :\n- Gamma\n")
    found = territories(text)
    assert ("alpha-nord", "territory.list_item", ("11",)) in found
    assert ("gamma", "territory.list_item", ("81",)) in found


def test_a_capitalised_word_of_a_name_is_no_gloss():
    text = "Trois territoires retenus :\n• Alpha Agglomération - Bretagne Porte de Loire (territoire interrégional)\n• Beta Val\n• Gamma Sud\n"
    assert ids(text)[0] == "alpha-agglomeration-bretagne-porte-de-loire"


def test_programme_words_counted_in_letters_past_ten_announce_a_list():
    text = "Les treize Territoires d'industrie de la région sont les suivants :\n- Alpha Nord\n- Beta Sud\n"
    assert ids(text) == ["alpha-nord", "beta-sud"]


def test_a_count_does_not_merge_two_intercommunalities_into_one_name():
    text = "Les trois territoires retenus sont : Alpha Val, Beta Sud, Gamma Communauté et Delta Communauté."
    assert "gamma-communaute-et-delta-communaute" not in ids(text)


def test_as_many_names_as_the_count_apposed_after_a_verb_of_the_award():
    assert ids("Dans l'Aisne, deux territoires rejoignent le programme, le Saint-Quentinois et le "
               "Chaunois.") == ["saint-quentinois", "chaunois"]
    assert ids("Trois territoires de Haute-Marne – Langres, Chaumont et Joinville – intègrent le "
               "programme Territoires d'industrie.") == ["langres", "chaumont", "joinville"]
    # one name short of the count, or names between dashes before another verb: no territory
    assert ids("Dans l'Aisne, trois territoires rejoignent le programme, le Saint-Quentinois et le Chaunois.") == []
    assert ids("Deux territoires de l'Aisne – Soissonnais et Chaunois – attendent la réponse de l'État.") == []


def test_the_label_given_to_names_each_after_its_own_preposition():
    assert ids("Le label Territoire d'industrie a été attribué au Saint-Quentinois et au Chaunois.") \
        == ["saint-quentinois", "chaunois"]
    # before a subject, "à" joins partners to one territory's name
    assert "oree-de-la-brie" not in ids(
        "L'agglomération Marne et Gondoire associée aux Portes Briardes et à l'Orée de la Brie est lauréate "
        "du programme Territoires d'industrie.")


def test_names_that_are_the_counted_territories_of_the_label():
    assert ids("Le Saint-Quentinois et le Chaunois sont les deux territoires de l'Aisne labellisés "
               "Territoires d'industrie.") == ["saint-quentinois", "chaunois"]
    assert ids("Le Saint-Quentinois et le Chaunois sont les deux territoires les plus industriels de l'Aisne.") == []


def test_a_communique_dated_before_2023_without_a_year_is_first_phase():
    from datetime import date

    from pipeline.extract.assemble import _phase_of_the_date
    assert _phase_of_the_date(date(2018, 11, 23)) == "2019-2022"
    assert _phase_of_the_date(date(2023, 6, 5)) is None  # between the two phases
    assert _phase_of_the_date(None) is None


def test_a_territory_record_written_as_field_lines():
    text = ("Territoire : Vallée de la Bresle\n"
            "Départements : Seine-Maritime (76), Somme (80)\n"
            "Intercommunalités signataires du contrat : CC des Villes Sœurs\n\n"
            "Nom du territoire : Baie de Somme industrie (80)\n"
            "Date de labellisation : 2023\n")
    assert territories(text) == {("vallee-de-la-bresle", "territory.record_field", ("76", "80")),
                                 ("baie-de-somme-industrie", "territory.record_field", ("80",))}
    # a lone field line may be anything
    assert ids("Territoire : Vallée de la Bresle\n\nLe préfet s'y rendra lundi.") == []


def test_names_that_each_hold_the_label():
    assert ids("Le Grand Annecy et la Vallée de l'Arve restent chacun Territoire d'industrie.") \
        == ["grand-annecy", "vallee-de-l-arve"]
    # one label for both: a territory the text leaves unnamed
    assert ids("La Pévèle-Carembault et la Vallée de la Lys sont labellisées « Territoire d'industrie ».") == []


def test_a_title_opening_with_the_one_departement_places_the_territories():
    text = ("Haute-Savoie : deux territoires gardent leur label\n\n"
            "Le Grand Annecy et la Vallée de l'Arve restent chacun Territoire d'industrie.")
    assert territories(text) == {("grand-annecy", "territory.labelled", ("74",)),
                                 ("vallee-de-l-arve", "territory.labelled", ("74",))}


def test_departements_a_territory_is_shared_between():
    assert territories("Le territoire d'industrie Comminges-Nestes, partagé entre la Haute-Garonne et les "
                       "Hautes-Pyrénées, a signé son contrat.") \
        == {("comminges-nestes", "territory.prefixed_name", ("31", "65"))}


def test_each_name_after_a_plural_head_of_territories_is_one():
    assert ids("Les territoires de Bourges-Vierzon et de Châteauroux-Buzançais-Argenton sont confirmés dans le "
               "programme Territoires d'industrie.") == ["bourges-vierzon", "chateauroux-buzancais-argenton"]
    assert ids("Le Lochois intègre la liste des Territoires d'industrie.") == ["lochois"]


def test_an_intercommunality_labelled_with_its_legal_form_in_lower_case_abbreviation():
    assert ids("L'agglo du Pays de Dreux décroche le label Territoire d'industrie.") == ["pays-de-dreux"]


def test_list_lines_of_table_cells_and_slash_numbered_items():
    assert territories("Les territoires d'industrie normands :\nCaen Industrie | Calvados\nNord Cotentin | Manche\n") \
        == {("caen-industrie", "territory.list_item_codes", ("14",)),
            ("nord-cotentin", "territory.list_item_codes", ("50",))}
    assert ids("Les lauréats en Auvergne-Rhône-Alpes\n1/ Vallée de l'Arve (74)\n2/ Roannais (42)\n") \
        == ["vallee-de-l-arve", "roannais"]


def test_names_coordinated_after_the_programme_words_in_the_plural():
    assert ids("Ils ont signé les protocoles des « Territoires d'industrie » Axe Seine, Dieppe Côte d'Albâtre, "
               "Pays de l'Aigle et Collines de Normandie.") \
        == ["axe-seine", "dieppe-cote-d-albatre", "pays-de-l-aigle", "collines-de-normandie"]
    assert ids("Le protocole Territoires d'industrie Ouest et Sud Creusois est signé.") == ["ouest-et-sud-creusois"]


def test_a_name_closed_by_an_adjective_in_lower_case():
    assert ids("L'étude porte sur l'un des 146 territoires labellisés Territoires d'industrie, celui de "
               "l'Alsace centrale.") == ["alsace-centrale"]


def test_the_subject_of_a_fronted_participle_with_a_noun_of_place_apposed():
    assert ids("Labellisé Territoire d'industrie en novembre dernier, Carros, ville de la plaine du Var, a signé "
               "son protocole.") == ["carros"]


def test_celui_de_then_a_name_opening_with_a_geographic_head_in_lower_case():
    assert ids("En Normandie, parmi les 10 territoires retenus, celui de la vallée de la Bresle est marqué par "
               "l'industrie du verre.") == ["vallee-de-la-bresle"]


def test_names_before_a_colon_and_their_count():
    assert ids("Grand Châtellerault, Grand Libournais et le Niortais : trois territoires obtiennent le label") \
        == ["grand-chatellerault", "grand-libournais", "niortais"]
    assert ids("Grand Châtellerault et Grand Libournais : trois territoires obtiennent le label") == []

# probes16a: whole communiqués as publishers put them online


def test_inline_list_whose_brackets_hold_commas_and_et():
    text = ("La préfète salue la labellisation de territoires lorrains. Il s'agit de : Sud Meuse Nord "
            "Haute-Marne (Marne, Haute-Marne et Meuse) ; Nord Lorraine (Meurthe-et-Moselle et Moselle) ; "
            "Moselle-Est (Moselle).")
    assert ids(text) == ["sud-meuse-nord-haute-marne", "nord-lorraine", "moselle-est"]
    codes = {m.territory_id: m.departement_codes for m in find_territories(text, find_places(text))}
    assert {"51", "52", "55"} <= codes["sud-meuse-nord-haute-marne"]


def test_headings_between_items_left_of_them_or_in_capitals():
    shifted = ("Cinq territoires bretons sont labellisés pour la période 2023-2027.\nCôtes-d'Armor\n"
               "  ➢ Guingamp-Paimpol\nFinistère et Morbihan\n  ➢ Pays de Lorient – Quimperlé\nMorbihan\n"
               "  ➢ Pays de Vannes\n")
    assert territories(shifted) == {("guingamp-paimpol", "territory.list_item", ("22",)),
                                    ("pays-de-lorient-quimperle", "territory.list_item", ("29", "56")),
                                    ("pays-de-vannes", "territory.list_item", ("56",))}
    capitals = ("Six territoires normands sont retenus :\n\nCALVADOS\n- Caen Industrie\n- Lisieux Industrie\n"
                "MANCHE\n- Nord Cotentin\nSEINE-MARITIME ET EURE\n- Axe Seine\n")
    assert territories(capitals) == {("caen-industrie", "territory.list_item", ("14",)),
                                     ("lisieux-industrie", "territory.list_item", ("14",)),
                                     ("nord-cotentin", "territory.list_item", ("50",)),
                                     ("axe-seine", "territory.list_item", ("27", "76"))}


def test_a_title_above_a_blank_line_is_no_heading_of_indented_items():
    text = "À La Réunion, cap sur la transition écologique !\n\nLocalisation\n\n  • Le Port (974)\n"
    assert ids(text) == []


def test_coded_lines_each_under_a_heading_of_its_own():
    text = ("En voici un extrait, région par région.\nCORSE\nPays Ajaccien (2A)\nHAUTS-DE-FRANCE\n"
            "Soissonnais-Valois (02)\nÎLE-DE-FRANCE\nMarne et Brie Industries (77-91)\nLA RÉUNION\nCIREST (974)\n")
    assert territories(text) == {("pays-ajaccien", "territory.list_item_codes", ("2A",)),
                                 ("soissonnais-valois", "territory.list_item_codes", ("02",)),
                                 ("marne-et-brie-industries", "territory.list_item_codes", ("77", "91")),
                                 ("cirest", "territory.list_item_codes", ("974",))}


def test_a_type_word_alone_and_a_download_link_are_no_names():
    assert ids("L'Agglomération labellisée « Territoire d'industrie »") == []
    assert names_of("Documents joints\nProtocole Territoire d'industrie Grand-Est Touraine – PDF – 1,2 Mo\n") == [
        "Grand-Est Touraine"]


def test_places_straddled_stop_where_the_sentence_goes_on():
    text = ("Labellisé Territoire d'industrie, le territoire Vienne Condrieu, à cheval sur l'Isère et le "
            "Rhône, réunit Vienne Condrieu Agglomération et la communauté de communes Entre Bièvre et Rhône.")
    assert territories(text) == {("vienne-condrieu", "territory.prose", ("38", "69"))}
    quoted = ("C'est officiel : le Territoire d'industrie « Vallée de la Bresle – Vimeu », à cheval sur la "
              "Seine-Maritime et la Somme, figure de nouveau sur la liste.")
    assert territories(quoted) == {("vallee-de-la-bresle-vimeu", "territory.prefixed_name", ("76", "80"))}


def test_a_straddling_apposition_and_territories_said_so_before_a_bare_award():
    text = ("Le territoire Cœur de Maine, à cheval sur la Mayenne et la Sarthe, fait désormais partie des "
            "territoires d'industrie pour la période 2023-2027. Dans le reste de la Bretagne, les territoires "
            "Pays de Vannes et Guingamp-Paimpol ont également été retenus.")
    # "Le territoire X" opening the sentence is read first as prose; the predicate's reading agrees
    assert territories(text) == {("coeur-de-maine", "territory.prose", ("53", "72")),
                                 ("pays-de-vannes", "territory.labelled", ()),
                                 ("guingamp-paimpol", "territory.labelled", ())}
    assert ids("Dans l'Aisne, Michelin et Safran ont également été retenus.") == []


def test_a_relative_clause_after_the_last_name_of_an_inline_list():
    text = ("Deux territoires du département figurent dans la nouvelle liste des territoires d'industrie : "
            "le Grand Chalon et Bourgogne Industrie, qui associe Dijon Métropole, la communauté urbaine "
            "Creusot Montceau et la communauté de communes du Grand Autunois Morvan.")
    assert ids(text) == ["grand-chalon", "bourgogne-industrie"]


def test_an_acronym_of_another_territory_s_name_is_that_territory():
    found = [m.name for m in find_territories(
        "À La Réunion, la CIREST et le TCO sont chacun territoire d'industrie : « CIREST » et « Territoire de la "
        "Côte Ouest ».", [])]
    assert "TCO" not in found and "Territoire de la Côte Ouest" in found

def test_a_list_counted_as_intercommunalities_names_members_not_territories():
    text = ("Le Territoire d'industrie Nord Lorraine, reconduit pour la période 2023-2027, réunit dix "
            "intercommunalités de Meurthe-et-Moselle et de Moselle :\n- Metz Métropole ;\n"
            "- Communauté d'agglomération du Val de Fensch ;\n- Communauté de communes Rives de Moselle.\n")
    assert ids(text) == ["nord-lorraine"]


def test_an_inline_list_parted_by_semicolons_keeps_et_inside_its_names():
    text = ("Le ministre a annoncé les 183 lauréats, dont 18 dans la région Hauts-de-France et 4 dans l'Aisne. "
            "Il s'agit de : Haute Picardie ; Soissonnais-Valois ; Sud de l'Aisne ; Thiérache et des Pays de la Serre.")
    assert ids(text) == ["haute-picardie", "soissonnais-valois", "sud-de-l-aisne", "thierache-et-des-pays-de-la-serre"]


def test_chrome_words_after_the_programmes_name_on_a_one_line_page_are_no_names():
    text = ("Accueil > Actualités > Territoires d'industrie Aller au contenu Aller au menu "
            "Territoires d'industrie Communiqué de presse – Laon, le 14 novembre 2023.")
    assert ids(text) == []


def test_a_counted_inline_list_whose_last_name_holds_commas_and_et():
    text = ("Dans les Vosges, trois territoires sont labellisés : Epinal-Rambervillers, Plaine des Vosges et "
            "Trois vallées de Bruyères, Gérardmer et Saint-Dié-des-Vosges.")
    assert ids(text) == ["epinal-rambervillers", "plaine-des-vosges",
                         "trois-vallees-de-bruyeres-gerardmer-et-saint-die-des-vosges"]
    text = "La Nièvre en compte deux : Nevers Val de Loire et Loire, Vignobles et Nohain."
    assert ids(text) == ["nevers-val-de-loire", "loire-vignobles-et-nohain"]
    text = ("Les 4 territoires axonais comptent parmi les 183 Territoires d'industrie : Saint-Quentinois, "
            "Sud de l'Aisne, Soissonnais-Valois, Thiérache et Pays de la Serre.")
    assert ids(text)[-1] == "thierache-et-pays-de-la-serre"


def test_fronted_departements_with_ce_sont_place_the_names_after_them():
    text = ("Le programme Territoires d'industrie est reconduit. Dans le Haut-Rhin, ce sont Colmar Centre Haut-Rhin "
            "et Sud Alsace ; dans le Bas-Rhin, l'Alsace du Nord.")
    assert territories(text) == {("colmar-centre-haut-rhin", "territory.enumeration", ("68",)),
                                 ("sud-alsace", "territory.enumeration", ("68",)),
                                 ("alsace-du-nord", "territory.enumeration", ("67",))}
    # the names must close the clause: people and bodies that do something are no territories
    assert ids("Pour les territoires d'industrie, dans le Grand Est, ce sont l'État et la Région qui pilotent.") == []


def test_the_label_coming_back_to_names():
    text = "Le label Territoires d'industrie revient au Pays Ajaccien, en Corse-du-Sud, et au Grand Bastia, en Haute-Corse."
    assert territories(text) == {("pays-ajaccien", "territory.labelled", ("2A",)),
                                 ("grand-bastia", "territory.labelled", ("2B",))}


def test_a_territory_shares_departements_besides_the_one_its_context_gives():
    found = {m.territory_id: m.shared_codes for m in find_territories(
        "Les territoires retenus en Seine-Maritime sont :\n- Côte d'Albâtre ;\n"
        "- Vallée de la Bresle – Vimeu (territoire interrégional avec la Somme).\n", find_places(
            "Les territoires retenus en Seine-Maritime sont :\n- Côte d'Albâtre ;\n"
            "- Vallée de la Bresle – Vimeu (territoire interrégional avec la Somme).\n"))}
    assert found == {"cote-d-albatre": set(), "vallee-de-la-bresle-vimeu": {"80"}}
    text = "En Isère, le territoire d'industrie Vienne Condrieu, partagé avec le Rhône, est reconduit."
    assert [m.shared_codes for m in find_territories(text, find_places(text))] == [{"69"}]

def test_lines_of_a_table_of_amounts_and_a_markdown_header_are_no_names():
    text = ("Le plan régional se décompose ainsi :\n"
            "Montant total\t\t\t1,2 Md€\nIngénierie\t\t\t3 M€\nPart des crédits ruraux\t15 %\n\n"
            "Les territoires qui font leur entrée :\n\n"
            "| Territoire | Département |\n|---|---|\n| Chartres métropole | Eure-et-Loir (28) |\n")
    assert ids(text) == ["chartres-metropole"]

def test_an_adjective_of_the_programme_opens_only_a_name_made_of_departements():
    from pipeline.extract.territories.common import named_by_its_departements
    assert named_by_its_departements("Gers/Tarn & Garonne")
    assert named_by_its_departements("Dordogne / Haute-Vienne")
    assert named_by_its_departements("32/82")
    assert not named_by_its_departements("Vallée de la Bresle – Vimeu")
    text = ("Le territoire interrégional Vallée de la Bresle – Vimeu a été reconduit au titre des Territoires "
            "d'industrie. Le Territoire d'industrie interdépartemental Gers / Tarn-et-Garonne aussi.")
    assert set(ids(text)) == {"vallee-de-la-bresle-vimeu", "interdepartemental-gers-tarn-et-garonne"}


def test_quoted_names_with_no_break_spaces_and_subjects_glossed_before_their_predicate():
    text = ("Territoires d'industrie : la Région réunit les binômes\n\n"
            "Plusieurs territoires ont été labellisés, dont le territoire «\u00a0Pays des Lacs\u00a0». "
            "La Vallée Haute, qui avait déjà été retenue en 2018, poursuit son plan. "
            "Autour de Lacville, le Pays Vert (Jura) entre dans le dispositif. "
            "Terres Hautes Communauté, autour de Montville, est également labellisée. "
            "Au sud du département, un autre territoire jurassien, le Val Riant, a lui aussi été retenu.")
    assert {"pays-des-lacs", "vallee-haute", "pays-vert", "terres-hautes-communaute", "val-riant"} <= set(ids(text))


def test_a_title_whose_verb_is_in_the_present_names_no_territory():
    assert ids("Territoires d'industrie : l'Ouest confirme ses bassins industriels\n\nTexte.") == []
    assert ids("Territoires d'industrie : le Pays de Redon confirmé\n\nTexte.") == ["pays-de-redon"]


def test_names_after_a_savoir_and_a_capitalised_pays_with_its_demonym():
    text = ("Deux territoires figurent parmi les Territoires d'industrie, à savoir le Pays ajaccien, en "
            "Corse-du-Sud, et le territoire de Bastia. Sur le continent, le Pays basque a lui aussi été retenu.")
    assert set(ids(text)) == {"pays-ajaccien", "bastia", "pays-basque"}
    # a lower-case head and a demonym beside a name describe that territory
    assert ids("Le territoire Saint-Nazaire Cordemais a été labellisé. Le bassin nazairien y figure.") == [
        "saint-nazaire-cordemais"]


def test_a_speech_names_territories_after_je_pense_a_and_puis_a():
    text = ("Notre région compte plusieurs Territoires d'industrie. Je pense d'abord à l'Axe Seine, qui relie Rouen "
            "au Havre, puis à Caen Industrie, et enfin au Nord Cotentin. Je pense aussi à Michelin, puis à nos lycées.")
    assert set(ids(text)) == {"axe-seine", "caen-industrie", "nord-cotentin"}
    text = ("Discours sur les Territoires d'industrie\n\nJe pense à la Vallée de l'Arve, au Grand Annecy et à "
            "Vienne Condrieu.")
    assert set(ids(text)) == {"vallee-de-l-arve", "grand-annecy", "vienne-condrieu"}


def test_names_fronted_by_d_abord_and_ensuite_after_a_question_about_the_laureates():
    text = ("Qui sont les lauréats ? D'abord le Grand Chalon, qui candidatait seul. Ensuite Bourgogne Industrie, qui "
            "associe trois intercommunalités. Ensuite, la Région réunira les binômes. Enfin Safran, qui recrute.")
    assert set(ids(text)) == {"grand-chalon", "bourgogne-industrie"}


def test_the_representatives_of_territories_but_not_of_companies_nor_of_carriers():
    text = ("Le comité des Territoires d'industrie s'est réuni. Les représentants de l'Est du Loiret et du Nord "
            "Loiret ont présenté leurs projets. Les représentants d'Hutchinson et de Shiseido ont parlé d'emploi.")
    assert set(ids(text)) == {"est-du-loiret", "nord-loiret"}
    text = ("Les élus du Pays Portes de Gascogne et du PETR Garonne Quercy Gascogne se sont réunis au titre du "
            "programme Territoires d'industrie.")
    assert ids(text) == []


def test_a_fronted_ordinal_laureate_names_the_one_territory_after_it():
    text = ("Deux territoires étaient déjà connus. Troisième lauréat du département, Orléans Métropole – Beauce "
            "Loirétaine présentera sa feuille de route. Autre lauréat, le Vendômois, qui réunit trois "
            "intercommunalités. Premier lauréat du concours de l'innovation, Safran a présenté un moteur. "
            "Dernier lauréat, l'entreprise Hutchinson, qui fabrique des joints.")
    assert set(ids(text)) == {"orleans-metropole-beauce-loiretaine", "vendomois"}


def test_departements_of_the_territory_named_before_ce_dernier_and_of_an_interregional_one():
    text = ("Le premier dossier concerne le territoire Comminges – Nestes. Pour ce dernier, à cheval sur la "
            "Haute-Garonne et les Hautes-Pyrénées, la priorité est la formation. Le territoire Lacq-Pau-Tarbes, "
            "interrégional, relie les Pyrénées-Atlantiques et les Hautes-Pyrénées au titre des Territoires d'industrie.")
    assert territories(text) >= {("comminges-nestes", "territory.prose", ("31", "65")),
                                 ("lacq-pau-tarbes", "territory.prose", ("64", "65"))}


def test_a_departement_glossing_one_territory_is_not_the_next_ones():
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("La Région a retenu comme Territoires d'industrie le territoire de Sologne Val de Cher ainsi que celui "
            "d'Orléans Métropole – Beauce Loirétaine, dans le Loiret, et le Grand Est Touraine, qui réunit quatre "
            "communautés de communes.")
    rows = {row["territory_id"]: row["departement_codes"] for row in extract(text, next(nlp.parse([text]))).territories}
    assert rows == {"sologne-val-de-cher": [], "orleans-metropole-beauce-loiretaine": ["45"], "grand-est-touraine": []}


def test_a_subject_with_a_long_apposition_and_quoted_names_after_tout_comme():
    text = ("Territoires d'industrie en Guadeloupe\n\nCap Excellence, l'agglomération qui réunit Les Abymes, "
            "Baie-Mahault et Pointe-à-Pitre, a été retenue, tout comme « Nord Grande-Terre – Marie-Galante » et "
            "« Grand Sud Caraïbe – Nord Basse-Terre ».")
    assert set(ids(text)) == {"cap-excellence", "nord-grande-terre-marie-galante", "grand-sud-caraibe-nord-basse-terre"}
    # an intercommunality's name needs no article before a bare award; a company's still does
    assert ids("Territoires d'industrie en Guadeloupe\n\nAirbus, l'entreprise qui recrute à Toulouse, a été retenue.") == []


def test_run_in_paragraph_heads_of_a_review_about_the_programme():
    text = ("Territoires d'industrie : la deuxième vague\n\n"
            "Nantes, le 12 décembre 2023. Tour d'horizon des bassins de l'Ouest.\n\n"
            "Bretagne. La région met en avant ses bassins navals.\n\n"
            "Saint-Nazaire – Cordemais. Le bassin industriel de l'estuaire mise sur l'éolien en mer.\n\n"
            "Vendée Grand Sud. Autour de Luçon, les élus veulent former des techniciens.\n\n"
            "Christelle Morançais. La présidente de Région a promis un soutien aux binômes.\n")
    assert set(ids(text)) == {"saint-nazaire-cordemais", "vendee-grand-sud"}
    # one such paragraph is no review's layout; nor are heads under a title about something else
    assert ids("Territoires d'industrie : la deuxième vague\n\nVendée Grand Sud. Autour de Luçon, les élus "
               "veulent former des techniciens.\n") == []
    assert ids("Le salon de l'emploi\n\nSaint-Nazaire – Cordemais. Le bassin recrute.\n\nVendée Grand Sud. "
               "Autour de Luçon, on recrute.\n") == []


def test_departements_joined_into_the_territory_named_after_them_and_a_demonym_of_its_intercommunalities():
    text = ("Le Lot voit son bassin de Figeac réuni avec le Cantal et l'Aveyron dans le territoire Aurillac – "
            "Figeac – Rodez, reconduit au titre des Territoires d'industrie. Sur le littoral, plusieurs "
            "intercommunalités héraultaises forment le territoire Béziers-Sète, lui aussi reconduit.")
    assert departements_of(text) == {"aurillac-figeac-rodez": {"12", "15", "46"}, "beziers-sete": {"34"}}


def test_the_territory_before_a_cleft_after_apres_and_a_former_name_that_is_no_territory():
    text = ("Territoires d'industrie : un troisième lauréat\n\nAprès la Plaine Haute, labellisée elle aussi, c'est le "
            "territoire Val Riant qui a été retenu. En 2019, il s'appelait « Val du Lac ». Le périmètre, baptisé "
            "« Lacs et Forêts » à sa création, a été renommé en 2023. Après Michelin, c'est Safran qui a été retenu.")
    assert set(ids(text)) == {"plaine-haute", "val-riant"}
    assert ids("Le territoire, rebaptisé « Val Riant », a été retenu comme Territoire d'industrie.") == ["val-riant"]


def test_a_territory_and_that_of_another_in_a_text_about_the_programme_and_the_departement_of_counted_members():
    text = ("Territoires d'industrie : la Région réunit les binômes\n\nLa vice-présidente a salué le territoire de "
            "Sologne Val de Cher ainsi que celui d'Orléans Métropole – Beauce Loirétaine, dans le Loiret, et le Grand "
            "Est Touraine, qui réunit quatre communautés de communes d'Indre-et-Loire.")
    assert departements_of(text) == {"sologne-val-de-cher": set(), "orleans-metropole-beauce-loiretaine": {"45"},
                                     "grand-est-touraine": {"37"}}
    # without a title about the programme, nor a word of the label, "le territoire de X" is a place's area
    assert ids("Le maire a salué le territoire de Vierzon ainsi que celui de Bourges.") == []


def test_a_compass_word_in_lower_case_before_a_region_after_plural_programme_words_says_where_they_lie():
    text = ("La commission a soutenu plusieurs Territoires d'industrie de l'ouest de l'Occitanie. "
            "Le Territoire d'industrie du Sud de l'Aisne a signé.")
    assert ids(text) == ["sud-de-l-aisne"]


def test_companies_institutions_and_people_in_the_prose_cues_are_no_territories():
    text = ("Territoires d'industrie : le comité régional des lauréats\n\n"
            "Qui sont les lauréats du concours ? D'abord Orano, qui recrute à La Hague. Ensuite Naval Group, qui "
            "construit des sous-marins. Enfin Saint-Gobain, qui ouvre une usine.\n\n"
            "Les représentants de l'État et de la Région ont présenté le calendrier. Les représentants de Bpifrance "
            "et de la Banque des Territoires ont présenté leurs offres.\n\n"
            "Je pense d'abord à nos apprentis, puis à nos entreprises, et enfin à Airbus.\n\n"
            "Troisième lauréat du concours, Arkema a été distingué. Premier lauréat, le lycée Alexis de Tocqueville.\n\n"
            "Après la réunion, c'est le préfet qui a conclu.\n")
    assert ids(text) == []


def test_a_recalled_former_territory_is_no_territory_of_the_document():
    """r18members: "Pour mémoire, le Grand Charolais formait avec le Clunisois le territoire Ouest
    Saône-et-Loire" in a 2023 text recalls a former territory; a territory named without the
    recall stays one."""
    text = ("Le territoire Mâconnais Beaujolais a été labellisé Territoire d'industrie pour 2023-2027. "
            "Pour mémoire, le Grand Charolais formait avec le Clunisois le territoire Ouest Saône-et-Loire.")
    assert ids(text) == ["maconnais-beaujolais"]
    assert "ouest-saone-et-loire" in ids("Le territoire Ouest Saône-et-Loire a été labellisé pour 2023-2027.")


def test_an_ordinal_followed_by_a_person_names_no_territory():
    text = ("Deux territoires sont labellisés pour 2023-2027. Le premier est Anne Martin, maire de Laval, "
            "qui le dit. Le second, Thouarsais et Loudunais, est interdépartemental.")
    assert ids(text) == ["thouarsais-et-loudunais"]


def test_an_item_whose_name_line_is_followed_by_its_details_is_named_by_that_line():
    text = ("La Bretagne compte 3 territoires d'industrie pour la période 2023-2027. Leur liste, arrêtée "
            "par le préfet de région et le président du conseil régional, est la suivante :\n\n"
            "1) Lorient – Quimperlé\n   Lorient Agglomération ; Quimperlé Communauté\n"
            "   Départements : Morbihan, Finistère\n\n"
            "2) Vitré – Fougères\n   Vitré Communauté ; Fougères Agglomération\n   Département : Ille-et-Vilaine\n\n"
            "3) Redon Agglomération\n   Départements : Ille-et-Vilaine, Loire-Atlantique, Morbihan\n\n"
            "Observations\n– Redon Agglomération est un territoire interrégional ; son suivi est assuré à Rennes.\n")
    found = {m.name: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"Lorient – Quimperlé": ["29", "56"], "Vitré – Fougères": ["35"],
                     "Redon Agglomération": ["35", "44", "56"]}


def test_a_name_wrapped_over_two_lines_is_no_name_line_with_details():
    text = ("Les territoires suivants sont labellisés :\n- Castres – Revel –\n  Castelnaudary (11, 31, 81)\n"
            "- Grand Narbonne (11)\n")
    assert ids(text) == ["castres-revel-castelnaudary", "grand-narbonne"]


def test_a_duration_in_brackets_is_no_departement_code():
    text = ("Alès reconduit dans le programme Territoires d'industrie\n\n▶ Écouter le reportage (1'48)\n\n"
            "Le territoire d'Alès a été reconduit pour la deuxième phase du programme.")
    assert "ecouter-le-reportage" not in ids(text)


def test_an_inline_list_parted_by_semicolons_whose_last_item_opens_with_et_enfin():
    text = ("Sur les 183 territoires retenus pour 2023-2027, la Guadeloupe en a obtenu trois : Cap Excellence, "
            "autour de Pointe-à-Pitre, des Abymes et de Baie-Mahault ; le Nord Grande-Terre, que la communauté "
            "d'agglomération du Nord Grande Terre porte avec Marie-Galante ; et enfin la Basse-Terre, où deux "
            "agglomérations ont candidaté ensemble.")
    assert sorted(ids(text)) == ["basse-terre", "cap-excellence", "nord-grande-terre"]


def test_a_singular_prefix_before_an_overseas_regions_name_names_the_territory():
    assert ids("Le préfet a signé le contrat du Territoire d'industrie Martinique.") == ["martinique"]
    assert ids("Les Territoires d'industrie Martinique se réunissent.") == []
    assert ids("Le Territoire d'industrie Grand Est se réunit.") == []


def test_another_territory_renewed_before_a_colon_and_a_cleft_that_wins_the_label():
    text = ("Alès a été reconduit dans le programme Territoires d'industrie. Dans le Gard, un autre territoire a "
            "été reconduit : Pont du Gard – Gard Rhodanien, autour de Bagnols-sur-Cèze.")
    assert "pont-du-gard-gard-rhodanien" in ids(text)
    text = ("Territoires d'industrie : l'Auvergne bien servie. Dans l'Allier, c'est le bassin de Montluçon qui "
            "décroche le label, porté par Montluçon Communauté.")
    assert ids(text) == ["montlucon"]  # "bassin de" in lower case is a common noun (PATTERNS.md, p26)
    assert ids("Dans l'Allier, c'est Michelin qui décroche le label, pour son usine.") == []


def test_a_river_in_an_intercommunality_name_held_by_the_territory_name_is_no_departement():
    text = "Le Territoire d'industrie Rumilly-Usses et Rhône a signé son protocole."
    assert territories(text) == {("rumilly-usses-et-rhone", "territory.prefixed_name", ())}
    text = "Le Territoire d'industrie Nord Rhône a signé son protocole."
    assert territories(text) == {("nord-rhone", "territory.prefixed_name", ("69",))}


def test_a_title_s_only_territory_gets_the_departement_it_is_named_after():
    text = "Ariège « Territoire d'industrie » : un bilan\n\nLes élus de l'Ariège ont salué la méthode."
    assert territories(text) == {("ariege", "territory.headline", ("09",))}


def test_the_programme_s_words_at_a_wrapped_line_end_go_on_with_the_name():
    wrapped = ("Les élus se sont retrouvés dans une usine pour signer le protocole du Territoire d'industrie\n"
               "Vallée de l'Arve (Haute-Savoie), ce vendredi.")
    assert ids(wrapped) == ["vallee-de-l-arve"]
    heading = "Territoire d'industrie\nLes élus se sont retrouvés ce vendredi."
    assert ids(heading) == []


def test_a_name_followed_by_a_demonym_is_the_name_followed_by_its_departement():
    """'le Nord-Ouest aubois' in the title, 'Nord-Ouest Aube' in the list: one territory."""
    text = ("Territoires d'industrie 2023-2027 : le Sud Champagne et le Nord-Ouest aubois confirmés\n\n"
            "Deux territoires de l'Aube ont été reconduits :\n"
            "• Sud Champagne, autour de Troyes ;\n"
            "• Nord-Ouest Aube, autour de Romilly-sur-Seine.\n")
    assert sorted(set(ids(text))) == ["nord-ouest-aube", "sud-champagne"]


def test_codes_opening_a_bracket_before_a_gloss_place_the_item():
    text = "Les lauréats :\n- Lacq Pau Tarbes (64-65, territoire interrégional avec la Nouvelle-Aquitaine)\n- Albigeois (81)\n"
    found = {m.name: m.departement_codes for m in find_territories(text, find_places(text))}
    assert found == {"Lacq Pau Tarbes": {"64", "65"}, "Albigeois": {"81"}}


def test_a_running_header_names_the_territory_without_the_document_kind():
    text = ("Territoire d'industrie Vallée de la Bresle – Contrat de territoire        2/5\n\n"
            "Le Territoire d'industrie Vallée de la Bresle réunit deux intercommunalités.")
    names = {m.name for m in find_territories(text, find_places(text))}
    assert names == {"Vallée de la Bresle"}


def test_a_departement_column_named_otherwise_places_each_row():
    for header in ("Département(s)", "Départements concernés", "Dpt"):
        text = (f"Territoires retenus :\n\n| Territoire | {header} | Statut |\n|---|---|---|\n"
                "| Alpha Nord | Gard, Aude | nouveau |\n| Beta Sud | Tarn | renouvelé |\n")
        found = {m.name: m.departement_codes for m in find_territories(text, find_places(text))}
        assert found == {"Alpha Nord": {"30", "11"}, "Beta Sud": {"81"}}, header


def test_an_item_valued_by_its_regions_under_a_heading_of_territories_is_one():
    text = "Territoires interrégionaux (exemples)\n  – Alpha Nord : Normandie / Hauts-de-France\n  – Beta Sud : Bretagne / Normandie\n"
    assert {m.name for m in find_territories(text, find_places(text))} == {"Alpha Nord", "Beta Sud"}
    other = "Projets (exemples)\n  – Alpha Nord : Normandie / Hauts-de-France\n  – Beta Sud : Bretagne / Normandie\n"
    assert find_territories(other, find_places(other)) == []


def test_the_next_sentence_of_a_hard_wrapped_paragraph_places_its_territory():
    text = ("Le Président rappelle que le territoire Vallée de la Bresle, labellisé lors de la première\n"
            "phase, a été reconduit en 2023.\nCe territoire s'étend sur la Seine-Maritime et la Somme ; la\n"
            "communauté de communes en est membre.\n")
    found = {m.name: m.departement_codes for m in find_territories(text, find_places(text))}
    assert found == {"Vallée de la Bresle": {"76", "80"}}


def test_a_list_whose_intro_counts_part_of_the_territories_before_it_names_them():
    text = ("La Normandie compte 10 des 136 Territoires d'industrie. Quatre d'entre eux ont signé leur contrat, "
            "pour une vingtaine de projets portés par les binômes :\n"
            "- Axe Seine (Seine-Maritime, Eure) ;\n- Vallée de la Bresle (Seine-Maritime) ;\n"
            "- Caen Industrie (Calvados) ;\n- Flers.\n")
    assert ids(text) == ["axe-seine", "vallee-de-la-bresle", "caen-industrie", "flers"]
    text = ("La Normandie compte 10 des 136 Territoires d'industrie. Deux d'entre eux ont signé leur contrat, "
            "pour une vingtaine de projets :\n- usine de batteries ;\n- centre de formation ;\n- pépinière.\n")
    assert ids(text) == []


def test_an_item_of_a_list_of_territories_is_not_read_as_a_part_of_a_longer_name():
    text = ("Trois territoires ont signé leur protocole :\n\n- Haut Doubs (Doubs) ;\n- Moyen Doubs (Doubs) ;\n- Jura.\n\n"
            "Le territoire initialement dénommé « Haut et Moyen Doubs » a été scindé en deux.")
    assert {"haut-doubs", "moyen-doubs"} <= set(ids(text))


def test_items_counting_intercommunalities_in_a_place_name_each_of_them():
    text = ("Cinq intercommunalités des départements d'outre-mer participent au programme, qui compte 148 territoires :\n"
            "- deux en Guadeloupe : la communauté d'agglomération Cap Excellence, autour de Jarry, et la "
            "communauté d'agglomération du Nord Basse-Terre, labellisée en 2019 ;\n"
            "- une à La Réunion : la CINOR (Nord de la Réunion) ;\n"
            "- deux en Martinique.\n")
    assert sorted(ids(text)) == ["cap-excellence", "nord-basse-terre", "nord-de-la-reunion"]


def test_a_title_naming_a_member_the_next_sentences_list_under_a_pronoun_is_no_territory():
    text = ("Communauté de communes du Pays de Falaise\n\nLe Pays de Falaise, « territoire d'industrie »\n\n"
            "13 mars 2019\n\nBonne nouvelle : le territoire d'industrie « Caen Industrie » fait partie des 136 "
            "territoires.\n\nIl associe quatre intercommunalités :\n– Caen la Mer ;\n"
            "– la communauté de communes Cingal-Suisse Normande ;\n– la CCPF (Pays de Falaise) ;\n"
            "– la communauté de communes Val ès Dunes.\n")
    assert ids(text) == ["caen-industrie"]


def test_a_fronted_frame_before_a_singular_subject_is_no_territory():
    text = ("La nouvelle carte compte 183 territoires d'industrie. "
            "Outre-mer, Cap Excellence fait partie des lauréats.")
    assert ids(text) == ["cap-excellence"]


def test_a_cleft_whose_verb_a_gloss_follows_after_a_sentence_naming_the_programme():
    text = ("Le Premier ministre a dévoilé la liste des 124 territoires d'industrie. Pour l'Aveyron, c'est "
            "Aurillac – Figeac – Rodez qui est retenu, au carrefour de trois départements.")
    assert ids(text) == ["aurillac-figeac-rodez"]
    text = ("Le festival a lieu en juin. C'est l'Espace des Arts qui a été retenu, pour sa grande salle.")
    assert ids(text) == []


def test_the_intercommunality_a_territorys_perimeter_matches_is_no_second_territory():
    text = ("Le préfet et le président de Fougères Agglomération ont signé le contrat du Territoire d'industrie "
            "de Fougères, dont le périmètre correspond à celui de Fougères Agglomération.")
    assert ids(text) == ["fougeres"]


def test_a_name_followed_by_a_short_name_the_text_uses_elsewhere_is_that_territory():
    text = ("Grand Paris Sud confirmé « Territoire d'industrie » pour 2023-2027\n\n"
            "La Communauté d'Agglomération Grand Paris Sud Seine-Essonne-Sénart (Grand Paris Sud) a officiellement "
            "reçu le label « Territoire d'industrie » pour la période 2023-2027.")
    assert set(ids(text)) == {"grand-paris-sud"}
    text = ("Le Territoire d'industrie Vallée de la Bresle (Bresle – Vimeu) a reçu le label Territoire d'industrie. "
            "La Vallée de la Bresle a signé son contrat.")
    assert set(ids(text)) == {"vallee-de-la-bresle"}


def test_ordinal_subjects_with_a_quoted_name_in_a_text_about_territories():
    text = ("Dans la liste dévoilée jeudi, 124 territoires au niveau national, dont 10 en Normandie, le "
            "Calvados apparaît deux fois.\n\nLe premier ensemble, baptisé « Caen Industrie », couvre l'agglomération. "
            "Il réunit Caen la Mer et deux communautés de communes. La métallurgie y domine.\n\n"
            "Le second, « Flers – Vire », déborde sur l'Orne. Il associe Flers Agglo et Vire Normandie.")
    assert ids(text) == ["caen-industrie", "flers-vire"]
    assert ids("Le premier ensemble, baptisé « Les Arts florissants », joue Rameau ce soir.") == []
    # the readings of an ordinal share their ordinals, the fifth too
    counted = "Cinq territoires sont labellisés pour 2023-2027 dans la région. "
    assert ids(counted + "Le cinquième, baptisé « Val Riant », est nouveau.") == ["val-riant"]
    assert ids(counted + "Le cinquième est Val Riant.") == ["val-riant"]


def test_intercommunalities_led_by_places_in_several_regions_are_territories_each():
    text = ("La carte des 124 Territoires d'industrie est connue. L'outre-mer y figure avec trois intercommunalités :\n\n"
            "* en Guadeloupe, la communauté d'agglomération du Nord Basse-Terre, autour de Sainte-Rose, et Cap "
            "Excellence, autour de Jarry ;\n* en Martinique, la Communauté d'agglomération de l'Espace Sud de la "
            "Martinique, autour du Marin.\n")
    assert ids(text) == ["nord-basse-terre", "cap-excellence", "espace-sud-de-la-martinique"]
    text = ("Le territoire d'industrie Nord Franche-Comté regroupe trois intercommunalités :\n\n"
            "* dans le Doubs, Pays de Montbéliard Agglomération ;\n"
            "* en Haute-Saône, la communauté de communes du Pays d'Héricourt ;\n"
            "* dans le Territoire de Belfort, le Grand Belfort.\n")
    assert ids(text) == ["nord-franche-comte"]


def test_the_quoted_territory_a_territory_takes_over_from_is_named():
    text = ("Le territoire d'industrie Caen Normandie Industrie a été labellisé pour 2023-2027. Il succède au "
            "territoire « Caen Industrie » de la première génération (2018-2022).")
    assert set(ids(text)) == {"caen-normandie-industrie", "caen-industrie"}
    text = ("Ces trois EPCI prennent le relais du territoire « Flers – Vire » de la première génération.")
    assert ids(text) == ["flers-vire"]


def test_the_neighbour_territory_that_will_sign_its_protocol_is_named():
    text = ("Le protocole du territoire d'industrie Flers a été signé hier. À noter : le territoire voisin de "
            "Vire – Condé, centré sur l'agroalimentaire, signera son protocole l'an prochain.")
    assert "vire-conde" in ids(text)
    assert ids("Le territoire de la Région signera son contrat demain.") == []


def test_places_designated_pilot_sites_along_with_a_territory():
    text = ("Le territoire d'industrie « Caen Industrie » fait partie des 136 territoires.\n\n"
            "Caen Industrie avait été désigné site pilote par la Région, avec Flers, Vire et Le Havre.")
    assert ids(text) == ["caen-industrie", "flers", "vire", "havre"]
    assert ids("Le musée a été désigné site pilote par la Région, avec Airbus et Safran.") == []


def test_a_quoted_name_intercommunalities_present_themselves_under():
    text = ("La nouvelle carte compte 183 territoires d'industrie. Dans l'Ouest, les trois intercommunalités autour "
            "de Flers et de Vire se présentent désormais sous la bannière « Bocage normand », qui succède à "
            "l'ancien « Flers – Vire ».")
    assert "bocage-normand" in ids(text)
    assert ids("Le festival se tient sous la bannière « Jazz en liberté ».") == []


def test_the_area_a_count_of_intercommunalities_is_of():
    text = ("L'Etat et les trois communautés de communes du Pays de Lure ont signé le protocole. Il lance la "
            "phase opérationnelle du programme Territoires d'industrie.")
    assert rules_of(text) == {"pays-de-lure": "territory.intercommunalities_of"}
    text = ("Labellisées Territoires d'industrie, quatre intercommunalités du Nord Haut-Marnais et Sud Meusien "
            "valident leur plan.")
    assert ids(text) == ["nord-haut-marnais-et-sud-meusien"]
    # as many names as the count: the members of a territory left unnamed
    assert ids("Les quatre communautés de communes de Saint-Dizier, Bar-le-Duc, Joinville et Portes de Meuse ont "
               "été retenues parmi les Territoires d'industrie.") == []
    # the enumeration goes on with a repeated preposition: members, one by one
    assert ids("La candidature au Territoire d'industrie des quatre EPCI du Grand Saint-Dizier, de la CC du "
               "Pays de Joinville et de la CA de Bar-le-Duc a été retenue.") == []
    # a département's intercommunalities; a sentence far from the programme
    assert ids("Les quatre intercommunalités de la Manche sont labellisées Territoires d'industrie.") == []
    assert ids("Les trois communautés de communes du Pays de Lure ont voté le budget.") == []


def test_as_many_territories_as_the_count_after_ceux_de():
    text = ("Des projets ont été aidés dans les territoires d'industrie de la région. Des missions ont été conduites "
            "sur 2 territoires en mutation, ceux de Montargis-Gien et de Châteauroux-Issoudun.")
    assert ids(text) == ["montargis-gien", "chateauroux-issoudun"]
    assert ids("Des missions ont été conduites sur 2 territoires ruraux, ceux de Montargis et de Gien.") == []
    assert ids("Des projets ont été aidés dans les territoires d'industrie. Des missions ont été conduites sur "
               "3 territoires, ceux de Montargis et de Gien.") == []


def test_the_area_a_count_of_intercommunalities_is_of_gives_way_to_a_named_territory():
    text = ("Le Territoire d'industrie Saint-Omer a été labellisé en 2023. Les trois intercommunalités de "
            "l'Audomarois portent son plan d'action.")
    assert ids(text) == ["saint-omer"]

def test_the_singular_programme_words_before_names_and_a_singular_verb_name_one_territory():
    # r22terr: "Le Territoire d'industrie A, B et C a été labellisé": one territory named after all three
    text = ("Le Territoire d'industrie Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis a été "
            "reconduit en 2023.")
    assert names_of(text) == ["Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis"]
    text = ("Le Territoire d'industrie Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis fait partie "
            "des territoires reconduits.")
    assert names_of(text) == ["Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis"]
    # other subjects coordinated with the territory, or a plural verb: not one name
    for text in ("Le Territoire d'industrie Sud Vosges, la Région et Bpifrance ont signé une convention.",
                 "Le territoire d'industrie Sud Vosges, Bpifrance et la Banque des Territoires signent une convention."):
        assert all("," not in name for name in names_of(text)), text


def test_a_ranked_demonym_places_the_towns_its_sentence_ranks():
    # r22terr: "X est, après A et B, la troisième commune guyanaise à devenir …"; an overseas
    # région's demonym gives its one département
    text = ("Avec son protocole, Kourou devient, après Cayenne et Saint-Laurent-du-Maroni, la troisième ville "
            "guyanaise à intégrer la liste des Territoires d'industrie.")
    found = {m.territory_id: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"kourou": ["973"], "cayenne": ["973"], "saint-laurent-du-maroni": ["973"]}
    text = ("Avec son protocole, Kourou devient, après Cayenne et Saint-Laurent-du-Maroni, la troisième ville "
            "à intégrer la liste des Territoires d'industrie.")
    found = {m.territory_id: sorted(m.departement_codes) for m in find_territories(text, find_places(text))}
    assert found == {"kourou": [], "cayenne": [], "saint-laurent-du-maroni": []}


def test_the_programmes_launch_year_tells_no_phase():
    # r22terr: both phases' texts recall that the programme was launched in 2018
    from pipeline.extract.assemble import _local_phase, document_phase
    for text in ("Lancé par le gouvernement en 2018, le programme soutient les bassins industriels.",
                 "L'initiative portée et lancée par le gouvernement en 2018 aide les bassins industriels.",
                 "Le dispositif national lancé en 2018 aide les villes moyennes."):
        assert document_phase(text) is None, text
        assert _local_phase(text, (0, len(text))) is None, text
    assert document_phase("Le territoire a été labellisé en 2018.") == "2019-2022"
    assert document_phase("Créé en 2018, le programme a signé son contrat en 2020.") == "2019-2022"
    text = "Créé en 2018, le programme s'élargit : l'État ouvre un second appel à candidatures."
    assert document_phase(text) == "2023-2027"


def test_a_protocole_d_engagement_of_the_programme_is_first_phase():
    # r22terr: the first phase's protocol, signed before its contract, in an undated text
    from pipeline.extract.assemble import document_phase
    assert document_phase("PROTOCOLE D'ENGAGEMENT\nTERRITOIRE D'INDUSTRIE VALLÉE DE L'ARVE") == "2019-2022"
    assert document_phase("Le protocole d'engagement du Territoire d'industrie est signé.") == "2019-2022"


def test_an_intercommunality_among_those_the_territory_groups_is_no_topic():
    # r22terr: an interview of one member's president; the territory groups four intercommunalities
    # and the text never names it
    text = ("Agglomération de Rochefort Océan : Territoires d'industrie, quatre ans après\n\n"
            "Le président de l'agglomération Rochefort Océan revient sur la démarche. À Rochefort Océan, "
            "les projets avancent. Le dispositif réunit l'agglomération Rochefort Océan, la communauté "
            "d'agglomération Royan Atlantique et les communautés de communes du Bassin de Marennes et de l'Île d'Oléron.")
    assert ids(text) == []
    text = ("Agglomération de Rochefort Océan : Territoires d'industrie, quatre ans après\n\n"
            "Le président de l'agglomération Rochefort Océan revient sur la démarche. À Rochefort Océan, "
            "les projets avancent. Pour Rochefort Océan, Territoires d'industrie soutient le port et l'aéronautique.")
    assert ids(text) == ["rochefort-ocean"]

def test_the_names_after_apres_and_the_one_that_joins_after_them():
    """r21: "Après A, B et C, retenus dès 2018, D a rejoint le programme": the names before the
    subject are territories, and so is the subject that joins after them."""
    text = ("Territoires d'industrie : un nouveau venu\n\nAprès le Val Riant, le Bocage Haut et les Plaines "
            "du Nord, retenus dès 2018, Riant Métropole a rejoint le programme Territoires d'industrie.")
    assert set(ids(text)) == {"val-riant", "bocage-haut", "plaines-du-nord", "riant-metropole"}
    # a lower-case subject or a subject joining something else names no territory
    assert ids("Territoires d'industrie\n\nAprès la crise, la communauté a rejoint le programme.") == []
    assert "riant-metropole" not in ids("Territoires d'industrie\n\nAprès le Val Riant, retenu dès 2018, "
                                        "Riant Métropole a rejoint le club des entreprises.")

def test_a_list_after_il_s_agit_de_opening_its_sentence_with_a_gloss_on_the_last_name():
    text = ("Sur les 17 territoires d'industrie de la région, trois concernent l'Isère. Il s'agit de "
            "Bièvre-Valloire, du Nord-Isère et de Vienne Condrieu, ce dernier étant le plus ancien.")
    assert ids(text) == ["bievre-valloire", "nord-isere", "vienne-condrieu"]
    assert ids("Le préfet a réuni les élus. Il s'agit de Paul, de Marie et de Jean.") == []


def test_the_names_a_count_of_territories_holds_in_brackets():
    text = ("La Bretagne compte 10 territoires d'industrie. Aux six territoires renouvelés (Lannion-Trégor, "
            "Guingamp-Paimpol, Lamballe, Centre Bretagne, Pays de Vannes et Lorient-Quimperlé) s'ajoutent "
            "quatre nouveaux.")
    assert ids(text)[:6] == ["lannion-tregor", "guingamp-paimpol", "lamballe", "centre-bretagne",
                             "pays-de-vannes", "lorient-quimperle"]
    # as many names as the count, or none
    assert ids("Les deux territoires d'industrie (Lannion-Trégor, Guingamp-Paimpol, Lamballe, Vitré) signent.") == []


def test_a_name_with_commas_given_after_the_programme_is_one_territory_where_written_again():
    text = ("Le Territoire d'industrie « Aix-Rousset-Gardanne, Istres-Fos, Marignane-Étang de Berre » signe\n\n"
            "Les Bouches-du-Rhône comptent deux territoires d'industrie : le territoire Arles-Crau-Alpilles et le "
            "territoire Aix-Rousset-Gardanne, Istres-Fos, Marignane-Étang de Berre, qui a signé son protocole.")
    assert sorted(set(ids(text))) == ["aix-rousset-gardanne-istres-fos-marignane-etang-de-berre", "arles-crau-alpilles"]


def test_a_name_closed_by_a_lower_case_adjective_of_position():
    text = "Le territoire d'industrie de la Plaine orientale réunit deux communautés de communes."
    assert ids(text) == ["plaine-orientale"]


def test_one_name_announced_after_un_troisieme_is_not_parted_on_its_et():
    text = ("La Haute-Savoie compte désormais trois territoires d'industrie. L'État a retenu un troisième "
            "territoire : Rumilly-Usses et Rhône, qui réunit deux communautés de communes.")
    assert ids(text) == ["rumilly-usses-et-rhone"]


def test_en_compte_n_after_an_apposition_reads_the_sentence_before():
    # g20a: the apposition's nouns (emploi, industriel) do not say what the list holds; "les 183
    # « Territoires d'industrie »" before it does
    text = ("Le Gouvernement a publié la liste des 183 « Territoires d'industrie ». Le Cher, département où "
            "l'industrie pèse le plus dans l'emploi salarié, en compte trois (3) :\n\n- Bourges ;\n- Vierzon ;\n"
            "- Saint-Amand-Montrond.\n")
    assert ids(text) == ["bourges", "vierzon", "saint-amand-montrond"]


def test_bare_awards_of_towns_joined_by_hyphens_and_a_paragraph_in_context():
    # g20a: "Castres-Mazamet", "Rodez": a town's name, no article; the paragraph goes on with the
    # territories its first sentence speaks of
    text = ("Sur les 183 territoires d'industrie, l'Occitanie en compte 17.\n\n"
            "Dans le Tarn, Castres-Mazamet et Albi-Carmaux sont reconduits. Rodez voit sa candidature retenue, "
            "tandis que le Grand Figeac conserve son label. Le financement du chef de projet est assuré pour "
            "quatre ans par l'État et la Région, aux côtés des intercommunalités et des chambres consulaires, "
            "qui ont accompagné les candidatures depuis le printemps. Dans la Haute-Garonne, le Comminges fait "
            "son entrée.")
    assert ids(text) == ["castres-mazamet", "albi-carmaux", "rodez", "grand-figeac", "comminges"]
    # people and companies are still no territories
    assert ids("Sur les 183 territoires d'industrie, dix sont en Occitanie. Marc Dupont et Anne Morel sont "
               "reconduits.") == []
    assert ids("Sur les 183 territoires d'industrie, dix sont en Occitanie. Michelin et Safran sont "
               "reconduits.") == []


def test_an_ordinal_before_the_programme_words_ranks_no_name():
    # g20a: "le troisième territoire d'industrie du Cher" names where it lies, no territory "Cher"
    text = ("Vierzon devient le troisième territoire d'industrie du Cher\n\nAprès Bourges et Saint-Amand-Montrond, "
            "Vierzon rejoint à son tour le programme Territoires d'industrie.")
    assert sorted(set(ids(text))) == ["bourges", "saint-amand-montrond", "vierzon"]


def test_already_labelled_in_the_first_phase_with_its_year_tells_no_phase_of_its_own():
    # g20a: "déjà labellisés lors de la première phase en 2018": renewed, the document's phase
    from pipeline.extract.assemble import _local_phase
    sentence = "Dans la Manche, on retrouve le Cotentin, Saint-Lô et Granville, déjà labellisés lors de la première phase en 2018."
    assert _local_phase(sentence, (0, len(sentence))) is None


def test_a_list_in_the_departement_of_the_communique_lies_in_it():
    # g20a: "… dans le département. Ces territoires sont les suivants :" in a text naming one département
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    text = ("Territoires d'industrie : trois territoires du département du Nord\n\nLe préfet salue la labellisation "
            "de trois territoires dans le\ndépartement. Ces territoires sont les suivants :\n\n1. Dunkerquois ;\n"
            "2. Douaisis ;\n3. Valenciennois.\n")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert {row["name"]: row["departement_codes"] for row in rows} == {
        "Dunkerquois": ["59"], "Douaisis": ["59"], "Valenciennois": ["59"]}
    # two départements named: which one is the communiqué's is not said
    text = text.replace("du département du Nord", "du Nord et du Pas-de-Calais")
    rows = extract(text, next(nlp.parse([text]))).territories
    assert all(row["departement_codes"] == [] for row in rows)


def test_the_names_a_count_of_territories_holds_between_em_dashes():
    # g20a: "— A, B – C et D —" after a count: as many names as counted; a spaced en dash stays inside a name
    text = ("Les trois territoires d'industrie haut-saônois — Vesoul, Lure – Luxeuil et Gray — regroupent "
            "onze intercommunalités.")
    assert ids(text) == ["vesoul", "lure-luxeuil", "gray"]
    assert ids("Les deux territoires d'industrie — Vesoul, Lure, Gray et Héricourt — signent.") == []


def test_a_lower_case_head_and_demonym_is_an_item_of_a_list_of_territories():
    # g20a: "le bassin annécien" after a colon and a count is one of the names, not a description
    text = ("La Haute-Savoie conserve trois territoires d'industrie : la Vallée de l'Arve, le Genevois français "
            "et le bassin annécien.")
    assert names_of(text) == ["Vallée de l'Arve", "Genevois français", "Bassin annécien"]
    # beside a territory's name, outside a list, it still describes that one
    assert ids("Grand Belfort est labellisé Territoire d'industrie. Le bassin belfortain y figure.") == ["grand-belfort"]


def test_a_count_does_not_join_a_last_name_after_et_and_its_article():
    # g20a: "deux territoires : A, B et l'C" names three, whatever the count
    text = ("Le Lot-et-Garonne compte deux territoires d'industrie pour la période 2023-2027 : Val de Garonne, "
            "Fumel – Vallée du Lot et l'Agenais.")
    assert ids(text) == ["val-de-garonne", "fumel-vallee-du-lot", "agenais"]
    # a count the list fits keeps a name holding "et" ("Monts et Vallées")
    text = ("La Creuse compte deux territoires d'industrie : Sud et Ouest Creuse, Monts et Vallées de l'Ouest.")
    assert len(ids(text)) == 2


def test_the_last_name_of_a_list_shares_the_departements_its_gloss_with_etant_names():
    # g20a: "…, Lacq-Orthez et Pau – Tarbes, ce dernier étant partagé avec les Hautes-Pyrénées"
    text = ("Les Pyrénées-Atlantiques comptent quatre territoires d'industrie : le Pays basque, le Haut-Béarn, "
            "Lacq-Orthez et Pau – Tarbes, ce dernier étant partagé avec les Hautes-Pyrénées.")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found["pau-tarbes"] == {"65"} and found["lacq-orthez"] == set()


def test_a_table_under_a_paragraph_announcing_territories_lies_in_its_one_departement():
    # g20a: "Le Finistère compte quatre territoires … Le tableau ci-dessous présente les quatre territoires :"
    text = ("La Mayenne compte trois territoires d'industrie pour 2023-2027. Le tableau ci-dessous "
            "présente les trois territoires et leurs filières :\n\n| Territoire | Filières |\n|---|---|\n"
            "| Laval | numérique |\n| Château-Gontier | agroéquipement |\n")
    found = {m.territory_id: m.departement_codes for m in find_territories(text, find_places(text))}
    assert found == {"laval": {"53"}, "chateau-gontier": {"53"}}
    # a paragraph naming two départements places nothing
    text = text.replace("La Mayenne compte", "La Mayenne et la Sarthe comptent")
    assert all(not codes for codes in (m.departement_codes for m in find_territories(text, find_places(text))))

def test_a_table_cell_naming_several_territories_with_semicolons():
    text = ("Département | Nombre | Territoires\nCalvados | 2 | Caen Industrie ; Lisieux Industrie\n"
            "Orne | 1 | Perche ornais\n")
    found = territories(text)
    assert ("caen-industrie", "territory.table_cell", ("14",)) in found
    assert ("lisieux-industrie", "territory.table_cell", ("14",)) in found
    assert "caen-industrie-lisieux-industrie" not in ids(text)


def test_names_in_apposition_to_what_a_place_counts():
    text = ("La Sarthe compte désormais deux territoires d'industrie pour la période 2023-2027, "
            "Le Mans Métropole et Sablé-sur-Sarthe. Le premier était déjà labellisé.")
    assert {"mans-metropole", "sable-sur-sarthe"} <= set(ids(text))
    other = "La région compte 19 territoires d'industrie, dont trois dans les Landes."
    assert ids(other) == []
    too_many = ("La Sarthe compte deux territoires d'industrie, Le Mans Métropole, La Flèche et "
                "Sablé-sur-Sarthe.")
    assert "la-fleche" not in ids(too_many)


def test_a_total_row_of_a_table_is_no_territory():
    text = "Territoire | Département\nAlpha Nord | Aisne\nBeta Sud | Aisne\nTotal | 2\nSous-total régional | 2\n"
    assert {"alpha-nord", "beta-sud"} == set(ids(text))


def test_a_list_s_closing_total_and_page_chrome_are_no_territories():
    text = ("Quatre territoires sont retenus dans l'Aisne :\n\n- Saint-Quentinois ;\n- Thiérache ;\n- Soissonnais ;\n"
            "- Château-Thierry ;\n- Soit 4 territoires sur les 18 des Hauts-de-France.\n\nSuite.\n\n"
            "- Télécharger le communiqué (PDF, 85 Ko)\n- Partager sur Facebook\n- Imprimer la page\n")
    assert set(ids(text)) == {"saint-quentinois", "thierache", "soissonnais", "chateau-thierry"}


def test_a_count_of_departements_beside_the_one_territory_says_where_it_lies():
    from pipeline import nlp
    from pipeline.extract.assemble import extract

    def departements(text):
        return {row["territory_id"]: row["departement_codes"]
                for row in extract(text, next(nlp.parse([text]))).territories}
    text = ("Les élus ont lancé hier le Territoire d'industrie Lacq-Pau-Tarbes. Ses industriels viennent de "
            "deux départements (Pyrénées-Atlantiques, Hautes-Pyrénées) et de deux régions.")
    assert departements(text) == {"lacq-pau-tarbes": ["64", "65"]}
    # fewer départements named than counted: none
    text = ("Les élus ont lancé hier le Territoire d'industrie Lacq-Pau-Tarbes. Ses industriels viennent de "
            "trois départements (Pyrénées-Atlantiques, Hautes-Pyrénées) et de deux régions.")
    assert departements(text) == {"lacq-pau-tarbes": []}
    # two territories: the count may be both's
    text = ("Le Territoire d'industrie Comminges-Nestes a signé son contrat. Les élus ont aussi lancé le "
            "Territoire d'industrie Lacq-Pau-Tarbes. Leurs industriels viennent de deux départements "
            "(Pyrénées-Atlantiques, Hautes-Pyrénées).")
    assert departements(text) == {"comminges-nestes": [], "lacq-pau-tarbes": []}


def test_the_programme_words_in_the_singular_and_a_demonym_place_the_one_territory():
    text = ("Le comité du Territoire d'industrie Nevers-Val de Loire s'est réuni vendredi. Ses deux copilotes "
            "ont rappelé que le seul territoire d'industrie nivernais avait gardé ses projets malgré la crise.")
    assert {m.territory_id: m.departement_codes for m in find_territories(text, find_places(text))} == {
        "nevers-val-de-loire": {"58"}}
    # two territories: the demonym may be either's
    text = ("Le Territoire d'industrie Nevers-Val de Loire et le Territoire d'industrie Auxerrois se sont réunis. "
            "Le territoire d'industrie nivernais a présenté ses projets.")
    assert all(not m.departement_codes for m in find_territories(text, find_places(text)))

def test_f23_a_legal_form_then_a_name_holding_et_before_a_singular_verb_is_one_territory():
    text = ("Le salon tombait à point : la communauté d'agglomération Marne et Gondoire a décroché en "
            "novembre dernier le label « Territoire d'industrie ».")
    assert ids(text) == ["marne-et-gondoire"]
    plural = "La CC Alpha Nord et la CC Beta Sud ont obtenu le label « Territoire d'industrie »."
    assert "alpha-nord" not in ids(plural)


def test_f23_a_lower_case_name_inside_the_quotes_the_programme_s_words_open():
    text = "Le maire co-anime le réseau « Territoire d'industrie luxe et précision du Doubs »."
    assert ids(text) == ["luxe-et-precision-du-doubs"]
    assert ids("Le réseau « Territoire d'industrie de demain » se réunit.") == []
    assert ids("Le colloque « Territoires d'industrie en Bretagne » a eu lieu.") == []


def test_f23_a_web_link_marker_after_the_programme_s_words_is_no_name():
    text = "Le programme Territoires d'industrie Nouvelle fenêtre soutient les territoires industriels."
    assert ids(text) == []


def test_f23_a_title_opening_with_a_place_s_name_gives_the_topic():
    text = ("Le Nord Franche-Comté présente son plan « Territoires d'industrie »\n\n"
            "Les élus du Nord Franche-Comté ont validé les actions de 2024.")
    assert ids(text) == ["nord-franche-comte"]
    region = ("Le Grand Est présente ses « Territoires d'industrie »\n\n"
              "Les élus du Grand Est ont validé les actions de 2024.")
    assert ids(region) == []


def test_f23_the_programme_s_words_then_dans_le_name_the_place_once():
    text = "Quel est votre rôle dans le dispositif « Territoires d'industrie » dans le Val de Lorraine ?"
    assert ids(text) == ["val-de-lorraine"]
    counted = "ENTREPRISES : plusieurs Territoires d'industrie dans le Nord et Pas-de-Calais\n\nHuit zones retenues."
    assert ids(counted) == []


def test_f23_members_counted_by_departement_place_the_only_territory():
    text = ("Le Territoire d'industrie Lacq-Pau-Tarbes entame son deuxième acte. Il compte 11 intercommunalités "
            "dont 8 dans les Pyrénées-Atlantiques et 3 dans les Hautes-Pyrénées.")
    assert territories(text) == {("lacq-pau-tarbes", "territory.prefixed_name", ("64", "65"))}


def test_f23_phase_words_and_a_fronted_start_year():
    from pipeline.extract.assemble import SECOND_PHASE, _local_phase, document_phase
    assert document_phase("l'acte II du dispositif « Territoires d'industrie » dans le Val") == SECOND_PHASE
    assert document_phase("Le premier volet (2018-2022) est clos. Le « Temps II » du programme est lancé.") == SECOND_PHASE
    assert document_phase("la saison 2 de Territoire d'industrie se veut offensive") == SECOND_PHASE
    assert document_phase("En 2021, l'acte 2 du programme Action cœur de ville est lancé.") == "2019-2022"
    assert document_phase("Labellisé depuis le lancement du programme, en 2018, le territoire compte dix EPCI.") is None
    sentence = "Dès 2019, les industriels du Territoire d'industrie X se sont engagés."
    assert _local_phase(sentence, (0, len(sentence))) is None
    apposed = "Après A, labellisé dès 2018, B a rejoint le programme."
    assert _local_phase(apposed, (0, len(apposed))) == "2019-2022"


def test_f23_two_intercommunalities_forming_a_territory_named_by_their_joined_names():
    text = ("Parmi les lauréats Territoires d'industrie figure celui formé par la métropole d'Orléans et la "
            "communauté de communes de la Beauce Loirétaine. Le label place Orléans Métropole – Beauce "
            "Loirétaine sur la carte industrielle.")
    assert ids(text) == ["orleans-metropole-beauce-loiretaine"]
    alone = ("Le label Territoires d'industrie place Orléans Métropole – Beauce Loirétaine sur la carte. "
             "Les élus saluent la nouvelle.")
    assert "orleans-metropole-beauce-loiretaine" not in ids(alone)


def test_f23_a_verbless_sentence_of_rank_after_the_sentence_giving_its_subject_the_rank():
    text = ("La métropole est labellisée pour 2023-2027. Carros avait été la première en 2018. La première "
            "zone des Alpes-Maritimes à être labellisée Territoire d'industrie.")
    assert ("carros", "territory.labelled", ("06",)) in territories(text)
    unranked = "Carros accueille une usine. La première zone des Alpes-Maritimes à être labellisée Territoire d'industrie."
    assert "carros" not in ids(unranked)


def test_an_arrondissement_is_named_by_its_towns():
    text = "L'arrondissement de Fougères-Vitré est éligible au programme « Territoires d'Industrie »."
    assert names_of(text) == ["Fougères-Vitré"]


def test_a_lower_case_basin_of_a_town_is_no_part_of_the_name():
    text = "Dans l'Aveyron, le bassin de Decazeville a été retenu comme Territoire d'industrie."
    assert ids(text) == ["decazeville"]
    text = "En Corrèze, le bassin de Brive-Périgord a été retenu comme Territoire d'industrie."
    assert ids(text) == ["bassin-de-brive-perigord"]  # the CA du Bassin de Brive holds the basin


def test_a_cut_list_keeps_its_last_item_ending_with_a_whole_word():
    from pipeline.extract.territories.lists import _ends_with_a_whole_word
    assert _ends_with_a_whole_word("Est Mosellan")
    assert _ends_with_a_whole_word("Val de Fensch")
    assert not _ends_with_a_whole_word("Sud Als")
    assert not _ends_with_a_whole_word("Interdép")


def test_a_compass_word_and_a_demonym_name_the_departement():
    from pipeline.extract.territories import compass_and_demonym_codes
    assert compass_and_demonym_codes("Est Mosellan") == {"57"}
    assert compass_and_demonym_codes("Nord Meurthe-et-Mosellan") == {"54"}
    assert compass_and_demonym_codes("Nevers et Sud Nivernais") == set()


def test_a_town_and_its_surroundings_in_lower_case_is_a_name():
    from pipeline.extract.territories.common import looks_like_name
    assert looks_like_name("Remiremont et ses vallées")
    assert not looks_like_name("Remiremont et les vallées voisines")


def test_an_agglomeration_and_its_demonym_in_an_inline_list_is_a_name():
    from pipeline.extract.territories.lists import _prose_after_name
    text = "Trois d'entre eux : l'agglomération orléanaise, le Giennois et le Pithiverais."
    start = text.index("agglomération")
    assert not _prose_after_name(text, start, text.index(","))
    assert _prose_after_name("Ils : agglomération et projets.", 6, 30)


def test_a_fiche_territoire_title_names_its_territory_and_its_table_row_the_departements():
    text = ("Fiche territoire n° 64-01 : Lacq-Pau-Tarbes\n\nRubrique | Contenu\n"
            "Départements | Pyrénées-Atlantiques, Hautes-Pyrénées\nFilières | chimie, aéronautique\n")
    assert territories(text) == {("lacq-pau-tarbes", "territory.record_field", ("64", "65"))}


def test_an_inline_list_in_a_text_without_full_stops_ends_within_its_bound():
    """A table pasted as lines, no full stop: each colon's list would run to the text's end."""
    from pipeline.extract.territories.lists import MAX_INLINE_LIST_CHARACTERS, _list_end
    text = "Les territoires retenus : " + "Nom, Autre nom\n" * 2000
    assert _list_end(text, 26) == 26 + MAX_INLINE_LIST_CHARACTERS
    assert _list_end("Ils sont deux : A et B. Puis la suite", 15) == 22


def test_a_counted_noun_of_departements_closing_an_intro_lists_places():
    before = ("Le territoire d'industrie Nord Franche-Comté, l'un des 124 territoires désignés, a signé son contrat. ")
    inline = before + "Le bassin s'étend sur trois départements : le Doubs, la Haute-Saône et le Territoire de Belfort."
    bullets = before + "Le bassin s'étend sur trois départements :\n- le Doubs ;\n- la Haute-Saône ;\n- le Territoire de Belfort.\n"
    assert ids(inline) == ids(bullets) == ["nord-franche-comte"]
    by_place = ("Les 124 territoires désignés sont connus. Ils se répartissent sur trois départements :\n"
                "- Doubs : Nord Franche-Comté\n- Jura : Haut-Jura\n- Haute-Saône : Vesoul\n")
    named = "Voici les territoires d'industrie des trois départements : Nord Franche-Comté, Haut-Jura et Vesoul."
    assert ids(by_place) == ids(named) == ["nord-franche-comte", "haut-jura", "vesoul"]


def test_a_pronoun_count_intro_takes_what_the_sentence_before_counts():
    text = ("Le label, qui rapproche élus et industriels autour de projets de développement, a été attribué à "
            "183 territoires pour la période 2023-2027. La Corse en compte deux :\n\n"
            "1. la communauté d'agglomération du Pays Ajaccien ;\n2. la communauté d'agglomération de Bastia.\n")
    assert set(ids(text)) == {"pays-ajaccien", "bastia"}
    assert set(ids(text.replace("en compte", "en obtient"))) == {"pays-ajaccien", "bastia"}


def test_departements_after_a_names_last_dash_are_its_codes():
    text = ("Parmi les territoires retenus dans la région, citons :\n"
            "- Bassin d'Alès – Gard : passé minier ;\n"
            "- Aurillac – Figeac – Rodez – Aveyron, Lot et Cantal : la « Mecanic Vallée » ;\n"
            "- Interdépartemental Gers – Tarn-et-Garonne : agroalimentaire ;\n"
            "- Argonne – Ardennes : forêt.\n")
    found = {(m.territory_id, tuple(sorted(m.departement_codes))) for m in find_territories(text, find_places(text))}
    assert ("bassin-d-ales", ("30",)) in found
    assert ("aurillac-figeac-rodez", ("12", "15", "46")) in found
    assert any(key == "interdepartemental-gers-tarn-et-garonne" for key, _ in found)
    assert any(key == "argonne-ardennes" for key, _ in found)


def test_a_cleft_subject_ends_before_its_apposition():
    text = ("Le gouvernement a présenté la carte des 124 Territoires d'industrie.\n\n"
            "En Guadeloupe, c'est Baie-Mahault, et sa zone industrielle et commerciale de Jarry, "
            "la plus importante des Antilles, qui a été retenue.")
    assert ids(text) == ["baie-mahault"]


def test_the_description_on_a_names_line_says_which_departements_it_straddles():
    # g28dept: a definition list read as "name : description"
    text = ("Parmi les lauréats figurent les territoires suivants :\n\n"
            "Lacq-Pau-Tarbes : Renouvelé. Territoire interrégional (Pyrénées-Atlantiques, Hautes-Pyrénées), chimie.\n"
            "Comminges – Nestes : Nouveau. Bassin à cheval sur la Haute-Garonne et les Hautes-Pyrénées.\n"
            "Bassin d'Alès : Renouvelé. Mécanique et chimie, comme en Haute-Garonne.\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"lacq-pau-tarbes": {"64", "65"}, "comminges-nestes": {"31", "65"}, "bassin-d-ales": set()}


def test_a_note_saying_a_territory_takes_in_communes_of_another_departement():
    # g28dept: the footnote below the list, the call glued to the name
    text = ("Dans l'Aisne, les territoires suivants sont confirmés :\n- Thiérache ;\n- Haute Picardie¹.\n\n"
            "¹ Le territoire de Haute Picardie est interdépartemental : il comprend également des communes "
            "de la Somme.\n")
    found = {m.name: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"Thiérache": set(), "Haute Picardie": {"80"}}


def test_a_name_of_two_compass_words_and_demonyms_lies_in_both_departements():
    # g28dept: "Nord Haut-Marnais et Sud Meusien", one member named (in the Meuse)
    from pipeline.extract.territories import compass_and_demonym_codes
    assert compass_and_demonym_codes("Nord Haut-Marnais et Sud Meusien") == {"52", "55"}
    assert compass_and_demonym_codes("Sud Meusien et Bar-le-Duc") == set()  # a town beside it


def test_a_footnote_called_by_an_asterisk_and_a_bracket_gloss_describe_the_name():
    # g28dept: "Vimeu*" then "* Territoire interrégional, qui englobe aussi des communes de la Somme"
    text = ("En Seine-Maritime, les territoires suivants sont labellisés :\n\n- Côte d'Albâtre ;\n"
            "- Vallée de la Bresle – Vimeu*.\n\n* Territoire interrégional, qui englobe aussi des communes de la Somme.\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"cote-d-albatre": set(), "vallee-de-la-bresle-vimeu": {"80"}}
    text = ("Dans le Morbihan, les territoires suivants sont reconduits :\n"
            "- Lorient-Quimperlé (territoire interdépartemental : Morbihan et Finistère) ;\n- Pontivy-Loudéac.\n\n"
            "Le territoire de Pontivy-Loudéac s'étend aussi sur les Côtes-d'Armor.\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"lorient-quimperle": {"29", "56"}, "pontivy-loudeac": {"22"}}


def test_a_colon_inside_a_bracket_opens_no_list():
    # g28dept: the gloss's colon made "Finistère)" a territory
    text = ("Dans le Morbihan, les territoires d'industrie Lorient-Quimperlé (territoire interdépartemental : "
            "Morbihan et Finistère) et Pontivy-Loudéac sont reconduits.")
    assert "finistere" not in ids(text)


def test_a_territory_interdepartemental_between_two_departements():
    text = ("Les territoires labellisés sont Lorient-Quimperlé, territoire interdépartemental entre le Morbihan "
            "et le Finistère, et Vannes-Auray.")
    found = {m.territory_id: m.departement_codes for m in find_territories(text, find_places(text))}
    assert found["lorient-quimperle"] == {"29", "56"}


@pytest.mark.parametrize("apposition", [
    ", dont le périmètre s'étend sur le Morbihan et le Finistère,",
    ", qui couvre des communes du Morbihan et du Finistère,",
    ", territoire interdépartemental Morbihan-Finistère,",
    ", implanté dans le Morbihan et le Finistère,",
    ", à cheval sur deux départements (Morbihan et Finistère),",
    " (interdépartemental, Morbihan et Finistère)",
])
def test_an_apposition_says_which_departements_a_territory_covers(apposition):
    # g28dept
    text = f"Le territoire d'industrie Lorient-Quimperlé{apposition} est reconduit pour 2023-2027."
    found = find_territories(text, find_places(text))
    assert [(m.territory_id, m.departement_codes | m.shared_codes) for m in found] == [("lorient-quimperle", {"29", "56"})]


def test_the_next_sentence_says_this_territory_straddles_two_departements():
    text = ("Le territoire d'industrie Vallée de la Bresle – Vimeu est confirmé. Ce territoire est à cheval "
            "sur la Seine-Maritime et la Somme.")
    assert territories(text) == {("vallee-de-la-bresle-vimeu", "territory.prefixed_name", ("76", "80"))}


def test_the_next_cells_of_a_names_row_describe_it():
    # g28dept: a tab-separated table with a remarks column
    text = ("Les territoires labellisés :\n\nTerritoire\tRemarque\n"
            "Lorient-Quimperlé\tTerritoire interdépartemental (Morbihan, Finistère)\nVannes-Auray\tNouveau\n"
            "Pontivy-Loudéac\tNouveau\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"lorient-quimperle": {"29", "56"}, "vannes-auray": set(), "pontivy-loudeac": set()}


def test_bold_names_call_no_footnote_and_keep_their_description():
    # g28dept: "**X** :" is emphasis, not the call of a note "**…" further on
    text = ("Les territoires suivants sont labellisés :\n\n**Vannes-Auray** : nouveau territoire.\n\n"
            "**Lorient-Quimperlé** : territoire à cheval sur le Morbihan et le Finistère.\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"vannes-auray": set(), "lorient-quimperle": {"29", "56"}}


def test_the_departements_a_basin_spans_after_a_colon_are_no_territories():
    # g28dept: "Le bassin, …, s'étend sur trois départements : le Doubs, la Haute-Saône et le Territoire de Belfort."
    text = ("Le territoire d'industrie Nord Franche-Comté a signé son contrat. Le bassin, autour de Belfort, "
            "s'étend sur trois départements : le Doubs, la Haute-Saône et le Territoire de Belfort.")
    assert territories(text) == {("nord-franche-comte", "territory.prefixed_name", ("25", "70", "90"))}


def test_demonym_after_the_last_of_dashed_names_stays_in_the_name():
    text = ("Dans les Landes, deux territoires d'industrie sont retenus, le Seignanx – Pays tarusate "
            "et la Haute Lande.")
    assert ids(text) == ["seignanx-pays-tarusate", "haute-lande"]
    # a kicker in capitals before the dash joins no name to the one after it
    kicker = ("GARD – Gard rhodanien-Pont du Gard de nouveau labellisé Territoire d'industrie\n\n"
              "Le territoire Gard rhodanien-Pont du Gard est reconduit.")
    assert ids(kicker) == ["gard-rhodanien-pont-du-gard"]


def test_interdepartemental_avec_in_a_table_cell_adds_the_other_departement():
    text = ("Dans l'Aisne, deux territoires sont labellisés :\n\n"
            "| Territoire | Département | Statut |\n|---|---|---|\n"
            "| Sambre-Avesnois-Thiérache | Aisne | Renouvelé (interdépartemental avec le Nord) |\n"
            "| Soissonnais | Aisne | Renouvelé |\n")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"sambre-avesnois-thierache": {"59"}, "soissonnais": set()}


def test_territories_named_as_the_plural_object_of_an_award_or_after_a_gloss_in_brackets():
    # g30a: "a reconduit … les territoires A et B", "les territoires d'industrie A (gloss) et B"
    head = "Territoires d'industrie en Eure-et-Loir. "
    assert ids(head + "Le préfet a reconduit pour la période 2023-2027 les territoires Chartres Métropole et "
                      "Sud Eure-et-Loir.") == ["chartres-metropole", "sud-eure-et-loir"]
    assert ids("Le gouvernement a reconduit les territoires d'industrie Castres-Mazamet et Albi-Carmaux.") \
        == ["castres-mazamet", "albi-carmaux"]
    assert ids("Le programme se poursuit avec les territoires d'industrie Castres-Mazamet (textile et "
               "pharmacie) et Albi-Carmaux.") == ["castres-mazamet", "albi-carmaux"]
    # one name holding "et" after the plural programme's words stays one
    assert ids("Les territoires d'industrie Ouest et Sud Creusois sont reconduits.") == ["ouest-et-sud-creusois"]


def test_the_programmes_newcomer_is_a_territory_of_its_own():
    """'Nouveau venu, le bassin X' beside a territory renewed before it names a second territory,
    unless its adjective is made from the other's name (then it describes that one); 'Le nouveau
    venu est le territoire de X' names one in a text about the programme."""
    renewed = "Territoires d'industrie 2023-2027\n\nSans surprise, la vallée de l'Arve est reconduite.\n\n"
    assert ids(renewed + "Nouveau venu, le bassin annécien rejoint le dispositif.") == [
        "vallee-de-l-arve", "bassin-annecien"]
    assert ids("Territoires d'industrie 2023-2027\n\nSans surprise, le Grand Belfort est reconduit.\n\n"
               "Nouveau venu, le bassin belfortain rejoint le dispositif.") == ["grand-belfort"]
    assert ids("Les 183 territoires d'industrie sont connus. Le nouveau venu est le territoire de Vitré, "
               "qui candidatait seul.") == ["vitre"]
    assert ids("Le nouveau venu est le territoire de Vitré.") == []


def test_a_demonym_after_an_em_dash_or_an_unspaced_hyphen_stays_in_the_name():
    # g32terr: "le Seignanx—Pays tarusate", "le Seignanx-Pays tarusate"; not a compass word's compound
    for dash in ("—", "-", " — "):
        text = f"Dans les Landes, deux territoires sont retenus, la Haute Lande et le Seignanx{dash}Pays tarusate."
        assert ids(text)[0] == "haute-lande" and len(ids(text)) == 2
        assert name_key(find_territories(text, find_places(text))[1].name) == "seignanx-pays-tarusate"
    text = "Territoires d'industrie 2023-2027 : le Sud Champagne et le Nord-Ouest aubois confirmés dans le programme"
    assert ids(text) == ["sud-champagne", "nord-ouest"]


def test_the_place_a_rank_in_the_award_is_said_of_after_its_verb():
    # g32terr: "la première agglomération … entrée dans le dispositif, en 2018, était X"
    text = ("« Historiquement, la première agglomération lot-et-garonnaise entrée dans le dispositif, en 2018, "
            "était Val de Garonne », a rappelé le sous-préfet.")
    assert territories(text) == {("val-de-garonne", "territory.labelled", ("47",))}
    assert ids("La première commune du département retenue dans le programme fut Millau.") == ["millau"]
    # a company's rank names no territory
    assert ids("La première entreprise entrée dans le dispositif Territoires d'industrie était Safran.") == []


def test_benefiting_from_the_programme_names_a_place_not_a_company():
    # g32terr: "X bénéficie du programme Territoires d'industrie"
    assert ids("Le Pays de Vannes bénéficie du programme « Territoires d'industrie ».") == ["pays-de-vannes"]
    assert ids("Le Pays de Fougères bénéficie de la labellisation Territoires d'industrie.") == ["pays-de-fougeres"]
    assert ids("Depuis 2019, le Pays de Fougères bénéficie du programme Territoires d'industrie.") == ["pays-de-fougeres"]
    for subject in ("Safran", "L'Oréal", "La Bretagne", "L'entreprise Bretagne Céramique", "Terre de Lin",
                    "La coopérative Terre de Lin"):
        assert ids(f"{subject} bénéficie du programme Territoires d'industrie.") == []


def test_a_town_chosen_for_the_departement_fronting_a_cleft():
    # g32terr: "Pour les Alpes-Maritimes, c'est Carros qui a été retenu" after the programme's words
    before = "La liste des 124 territoires d'industrie est connue. "
    assert territories(before + "Pour les Alpes-Maritimes, c'est Carros qui a été retenu.") == {
        ("carros", "territory.labelled", ("06",))}
    assert ids(before + "En Guadeloupe, c'est Baie-Mahault qui a été retenue. Dans la Drôme, c'est Pierrelatte "
                        "qui a été retenu.") == ["baie-mahault", "pierrelatte"]
    assert ids(before + "Dans l'Aisne, c'est l'entreprise Saint-Gobain qui a été retenue.") == []
    assert ids("Le jury s'est réuni. Pour les Alpes-Maritimes, c'est Carros qui a été retenu.") == []


def test_call_it_now_names_the_territory_renamed():
    # g32terr: "Appelez-le désormais « X »" after sentences about a territory
    text = ("Le Territoire d'industrie Haut-Doubs Horloger s'étend jusqu'à Besançon. "
            "Appelez-le désormais « Alliances Luxe & Précision Doubs ».")
    assert ids(text) == ["haut-doubs-horloger", "alliances-luxe-et-precision-doubs"]
    assert ids("Le Territoire d'industrie Haut-Doubs Horloger s'agrandit. Il s'appelle désormais « Alliances Luxe & "
               "Précision Doubs ».") == ["haut-doubs-horloger", "alliances-luxe-et-precision-doubs"]
    assert ids("Le nouveau modèle est sorti. Appelez-le désormais « Super Turbo ».") == []
    # without "désormais" no renaming: a project of the territory may be so named
    assert ids("Le territoire d'industrie finance un tiers-lieu. Appelez-le « La Fabrique ».") == []


def test_took_the_name_after_il_or_an_ordinal_and_qui_names_the_territory():
    # r40p104 (probes104_mixed 03, 12): the quoted name given by "a pris le nom de"
    renewed = "Le territoire d'industrie de l'agglomération a été reconduit pour 2023-2027. "
    assert ids(renewed + "À cette occasion, il s'est élargi et a pris le nom de « Bourges-Vierzon ».") == ["bourges-vierzon"]
    candidates = "La Région a validé la candidature de deux territoires. "
    assert ids(candidates + "Le premier, qui a pris le nom de « Nord Franche-Comté » lors de son renouvellement, "
               "s'étend sur trois départements.") == ["nord-franche-comte"]
    # a communauté's pronoun, a name not quoted, no territory spoken of: no territory
    assert ids(renewed + "Elle a pris le nom de « Vierzon-Sologne-Berry » lors de la fusion.") == []
    assert ids(renewed + "Il a pris le nom de Bourges Plus en 2002.") == []
    assert ids("Le syndicat a été créé en 1990. Il a pris le nom de « Pôle Berry » en 2005.") == []


def test_a_title_coordinating_names_before_parmi_les_territoires_names_them():
    # r40p104 (probes104_mixed 11): "A, B et C parmi les territoires d'industrie", a title line
    body = "\n\nLe Premier ministre a dévoilé la liste des 124 territoires d'industrie.\n"
    assert ids("Le Lensois, le Béthunois et le Douaisis parmi les territoires d'industrie" + body) \
        == ["lensois", "bethunois", "douaisis"]
    # firms, one name, or words before the names: no territory
    assert ids("Safran, Airbus et Thales parmi les lauréats" + body) == []
    assert ids("Le Douaisis parmi les territoires d'industrie" + body) == []
    assert ids("Grâce à l'usine, le Lensois et le Béthunois parmi les territoires d'industrie" + body) == []


def test_a_head_and_demonym_said_to_join_beside_a_renewed_territory_is_another():
    # g32terr: "La vallée de l'Arve est reconduite. Le bassin annécien fait son entrée dans le dispositif."
    renewed = "Territoires d'industrie 2023-2027\n\nLa vallée de l'Arve est reconduite dans le programme. "
    assert ids(renewed + "Le bassin annécien fait son entrée dans le dispositif.") == ["vallee-de-l-arve", "bassin-annecien"]
    assert ids("Territoires d'industrie 2023-2027\n\nLe Grand Belfort est reconduit dans le programme. "
               "Le bassin belfortain fait son entrée dans le dispositif.") == ["grand-belfort"]


def test_interdepartemental_avec_apposed_in_prose_adds_the_other_departement():
    # g32terr: "Le Sambre-Avesnois-Thiérache, interdépartemental avec le Nord, est lui aussi reconduit"
    text = ("Dans l'Aisne, le Soissonnais est reconduit dans le programme Territoires d'industrie. "
            "Le Sambre-Avesnois-Thiérache, interdépartemental avec le Nord, est lui aussi reconduit dans le programme.")
    found = {m.territory_id: m.shared_codes for m in find_territories(text, find_places(text))}
    assert found == {"soissonnais": set(), "sambre-avesnois-thierache": {"59"}}
    # in the sentence after, pointing back at it
    text = ("Dans l'Aisne, le territoire Sambre-Avesnois-Thiérache est reconduit dans le programme Territoires "
            "d'industrie. Il est interdépartemental avec le Nord.")
    found = {m.territory_id: (m.departement_codes, m.shared_codes) for m in find_territories(text, find_places(text))}
    assert found == {"sambre-avesnois-thierache": ({"02"}, {"59"})}


def test_no_name_ends_on_an_article_or_a_connector():
    """A span cut after an article ('Est une', seen on a real page) was published as a territory."""
    from pipeline.extract.territories.common import looks_like_name
    assert not looks_like_name("Est une")
    assert not looks_like_name("Vallée de la")
    assert looks_like_name("Pays d'Auge")
    assert looks_like_name("Est de la Somme")


def test_a_plan_s_name_and_the_first_phase_s_envelope_tell_the_phase():
    """'France 2030' names a plan launched in 2021, no year of the programme; the national envelope
    of 1,3 (1,36) milliard d'euros was the first phase's; the launch year alone does not outweigh
    the second phase named."""
    from pipeline.extract.assemble import document_phase
    assert document_phase("Les lauréats ont été annoncés en 2022 lors d'un comité de France 2030.") == "2019-2022"
    assert document_phase("Un comité de pilotage de France 2030 a réuni les lauréats.") is None
    assert document_phase("L'État s'engage à hauteur de 1,3 milliard d'euros pour le programme.") == "2019-2022"
    assert document_phase("Plus de 1,36 milliard d'euros sont fléchés vers leurs projets.") == "2019-2022"
    assert document_phase("Aux 149 périmètres sélectionnés en 2018 s'ajoute cette deuxième phase du programme.") \
        == "2023-2027"


def test_a_contract_title_in_capitals_with_the_name_first():
    text = "ROCHEFORT - ROYAN - MARENNES - OLERON - 2020-2022 CONTRAT TERRITOIRE D'INDUSTRIE - Cap Métiers\n"
    assert ids(text) == ["rochefort-royan-marennes-oleron"]
    assert ids("ANGOULEME - COGNAC - CONTRAT DU TERRITOIRE D'INDUSTRIE\n") == ["angouleme-cognac"]
    # a sentence in capitals before the contract's words, no dash: no name
    assert ids("SIGNATURE DU CONTRAT TERRITOIRE D'INDUSTRIE\n") == []


def test_a_whole_departement_labelled_is_named_after_it():
    from pipeline.extract.territories import whole_departement_territories
    text = ("Le préfet de l'Ariège a rappelé que l'ensemble du département a été labellisé « Territoire "
            "d'industrie ».")
    found = whole_departement_territories(text, find_places(text), [])
    assert [(t.name, t.departement_codes) for t in found] == [("Ariège", {"09"})]
    # two départements named: which one is unsaid
    text = "Entre l'Ariège et l'Aude, l'ensemble du département a été labellisé « Territoire d'industrie »."
    assert whole_departement_territories(text, find_places(text), []) == []


def test_trimmed_name_opens_on_no_colon_or_semicolon():
    text = "Le Marsan : Communauté de communes du Pays Grenadois ; Val de Lorraine"
    start, end = trim_name(text, text.index(":"), text.index(" ;"))
    assert not text[start].isspace() and text[start] not in ":;,"
    start, end = trim_name(text, text.index(";"), len(text))
    assert text[start:end] == "Val de Lorraine"


@pytest.mark.parametrize("text, rest, locates", [
    ("En Maine-et-Loire, le Choletais et le Segréen en faisaient partie", "le Choletais et le Segréen en faisaient partie", True),
    ("Situé entre le Lot, le Cantal et l'Aveyron, le territoire Figeac", "le territoire Figeac", True),
    ("« Dans la Moselle et la Meurthe-et-Moselle, le territoire Nord Lorraine", "le territoire Nord Lorraine", True),
    ("À cheval sur l’Ain et le Jura, le Haut-Bugey", "le Haut-Bugey", True),
    ("Autour d'Albi, le Grand Albigeois", "le Grand Albigeois", False),
    ("Au sud du département, un autre territoire", None, False),  # no capitalised name: not read through its comma
])
def test_a_fronted_place_complement_is_no_subject_and_a_locating_one_places_the_sentence(text, rest, locates):
    fronted = fronted_place(text, 0, len(text))
    assert fronted.locates is locates
    assert (text[fronted.end:] if fronted.end else None) == rest


def test_a_sentence_opening_on_no_place_is_no_fronted_place():
    assert fronted_place("Le territoire Nord Lorraine, en Moselle, est retenu", 0, 51) is None


def test_one_place_heading_over_a_map_legend_names_no_territory():
    """Région headings over lists let the sentences above say what the lists hold; one place over
    one list is as often a map's caption over its legend."""
    above = "Les territoires d'industrie retenus pour 2023-2027 figurent sur la carte ci-dessous.\n\n"
    legend = "Hauts-de-France\n\n- Périmètre territoire d'industrie\n- Périmètre EPCI\n- Préfecture de département\n"
    assert ids(above + legend) == []
    headed = "Corse\n\n- Grand Bastia\n- Pays Ajaccien\n\nGuyane\n\n- Ouest Guyanais\n"
    assert set(ids(above + headed)) == {"grand-bastia", "pays-ajaccien", "ouest-guyanais"}


def test_mention_starts_count_the_other_mentions_of_a_span():
    from pipeline.extract.territories import MentionStarts
    from pipeline.extract.territories.common import TerritoryMention
    a, b, a_again = (TerritoryMention(start, start + 5, name, "test")
                     for start, name in ((0, "Vitré"), (10, "Redon"), (20, "Vitré")))
    named = MentionStarts([a, b, a_again])
    assert named.others(a, 0, 30) == 2 and named.others(a, 0, 10) == 0 and named.others(b, 0, 30) == 2
    assert named.other_than(a.territory_id, 0, 30) and not named.other_than(a.territory_id, 0, 10)
    assert not named.other_than(a.territory_id, 15, 30) and named.other_than(b.territory_id, 15, 30)


def test_a_name_and_its_departements_heading_each_paragraph_of_a_press_kit():
    text = ("Territoires d’industrie : quelques exemples\n\nGRAND EST\n"
            "Saint-Dizier – Vitry-le-François – Bar-le-Duc (Haute-Marne, Marne, Meuse)\n"
            "Le territoire a fait de la fonderie le fil rouge de son protocole.\n\nHAUTS-DE-FRANCE\n"
            "Saint-Omer (Pas-de-Calais)\nLe territoire a engagé un plan de recrutement.\n")
    found = territories(text)
    assert ("saint-dizier-vitry-le-francois-bar-le-duc", "territory.placed_heading", ("51", "52", "55")) in found
    assert ("saint-omer", "territory.placed_heading", ("62",)) in found


def test_one_name_and_departement_line_is_no_series_of_headings():
    text = ("Territoires d’industrie : le binôme présente la feuille de route\n\n"
            "Jean Martin (Haute-Marne)\nL’industriel a présenté les actions de l’année.\n")
    assert all(rule != "territory.placed_heading" for _, rule, _ in territories(text))


def test_the_intercommunality_carrying_a_named_territory_is_no_second_territory():
    text = ("Territoire d’industrie « Est Réunion »\n\nRetenue le 22 novembre 2018 parmi les territoires "
            "d’industrie, la Communauté intercommunale Réunion Est (CIREST) porte seule le Territoire "
            "d’industrie de l’Est.")
    assert ids(text) == ["est-reunion"]


def test_the_programme_words_then_a_quoted_name_on_the_next_line():
    text = "ÉCONOMIE Un territoire d’industrie\n« Collines de Normandie »\nL’industrie représente un emploi sur trois."
    assert ids(text) == ["collines-de-normandie"]


def test_the_towns_an_intercommunality_is_made_of_are_no_territories():
    """A participle or "avec ses" apposed between the subject and its label predicate says what the
    subject is made of: its towns are no subjects, in every form (real34 01, Guyane)."""
    tail = " fait partie des 22 territoires pilotes du programme Territoires d'industrie."
    for apposed in (", composée des communes de Kourou, de Sinnamary, d'Iracoubo et de Saint-Élie,",
                    ", constituée d'Iracoubo, de Kourou et de Sinnamary,",
                    ", avec ses communes de Kourou et de Sinnamary,",
                    ", regroupant Kourou, Sinnamary, Iracoubo et Saint-Élie,"):
        assert ids("La communauté de communes des Savanes" + apposed + tail) == ["savanes"], apposed


def test_a_pronoun_subject_of_the_label_stands_for_the_place_opening_a_sentence_before():
    text = ("Le Bocage Bressuirais compte de nombreux emplois industriels. Avec ses entreprises, le Bocage "
            "est l'un des bassins les plus industriels de la région. Il fait partie des Territoires d'industrie.")
    assert ids(text) == ["bocage-bressuirais"]
    company = ("Le Groupe Rouger emploie 300 salariés. Il fait partie des lauréats du programme Territoires "
               "d'industrie.")
    assert ids(company) == []
    partner = ("Le Crédit Agricole soutient les entreprises locales. Il fait partie des partenaires du "
               "programme Territoires d'industrie.")
    assert ids(partner) == [] and ids(partner.replace(". Il fait", " et fait")) == []
    assert ids("Le Crédit Agricole fait partie des partenaires du programme Territoires d'industrie.") == []


def test_a_pronoun_antecedent_written_before_its_legal_form_is_the_name_without_it():
    """probes91_mixed 16: "Le X Communauté d'agglomération a été confirmée … Elle figure parmi les
    lauréats" gave a second territory "X Communauté"; a type word of the usual name stays."""
    text = ("Le Grand Villeneuvois Communauté d'agglomération a été confirmé pour la deuxième phase. Il "
            "figure parmi les lauréats du programme Territoires d'industrie en Nouvelle-Aquitaine.")
    assert ids(text) == ["grand-villeneuvois"]
    usual = ("La Riviera Française Communauté a été confirmée pour la deuxième phase. Elle figure parmi les "
             "lauréats du programme Territoires d'industrie.")
    assert ids(usual) == ["riviera-francaise-communaute"]


def test_a_rural_area_named_with_a_departement_demonym_lies_in_that_departement():
    text = "Le Bocage Vendéen a été retenu parmi les Territoires d'industrie."
    assert territories(text) == {("bocage-vendeen", "territory.labelled", ("85",))}


def test_a_roundup_by_departement_after_a_count_gives_each_name_its_departement():
    lead = "L'État a publié la liste des « territoires d'industrie ». La région en compte {}.\n\n"
    roundup = ("Dans le Calvados, Caen Industrie et Lisieux Industrie, deux bassins de sous-traitance ; "
               "dans l'Orne, le Pays de l'Aigle et ses fonderies ; enfin en Seine-Maritime, la vallée de la Bresle.\n")
    found = {(m.territory_id, tuple(sorted(m.departement_codes))) for m in
             find_territories(lead.format("quatre") + roundup, find_places(lead.format("quatre") + roundup))}
    assert {("caen-industrie", ("14",)), ("lisieux-industrie", ("14",)), ("pays-de-l-aigle", ("61",)),
            ("vallee-de-la-bresle", ("76",))} == found
    assert ids(lead.format("cinq") + roundup) == []  # the names do not add up to the count, one is lower case
    towns = ("Dans le Calvados, Caen accueillera un salon ; dans la Manche, Cherbourg ouvre une école ; "
             "dans l'Orne, Alençon recrute.\n")
    assert ids(lead.format("trois") + towns) == []  # sentences about towns, not a round-up
    uncounted = "Le salon des territoires d'industrie se tient à Caen.\n\n"
    assert ids(uncounted + "Dans le Calvados, Caen et Lisieux ; dans la Manche, Cherbourg ; dans l'Orne, Alençon.\n") == []


def test_the_subject_of_each_paragraph_under_headings_naming_departements():
    lead = ("Territoires d'industrie : la carte chez nous\n\nLe gouvernement a dévoilé la liste des territoires "
            "d'industrie. Tour d'horizon de ceux qui concernent nos lecteurs.\n\n")
    sections = ("VIENNE (86)\nLe Grand Châtellerault mise sur la mécanique.\n\n"
                "DEUX-SÈVRES (79)\nÀ ses côtés, le Bocage Bressuirais parie sur la métallurgie.\n\n"
                "La Région cofinancera les postes de chefs de projet.\n")
    found = {(m.territory_id, m.rule, tuple(sorted(m.departement_codes)))
             for m in find_territories(lead + sections, find_places(lead + sections))}
    assert found == {("grand-chatellerault", "territory.departement_section", ("86",)),
                     ("bocage-bressuirais", "territory.departement_section", ("79",))}
    # two subjects, each with its article: two names, not one
    pair = sections.replace("Le Grand Châtellerault mise", "L'Albigeois et les Hautes Terres d'Oc misent")
    assert {"albigeois", "hautes-terres-d-oc"} <= set(ids(lead + pair))
    assert "albigeois-et-les-hautes-terres-d-oc" not in ids(lead + pair)
    # no paragraph about the programme over the headings
    assert ids("Un titre\n\nLa météo de la semaine.\n\n" + sections) == []
    # one heading alone, or headings naming no département
    assert ids(lead + sections.split("\n\nDEUX")[0] + "\n") == []
    themes = sections.replace("VIENNE (86)", "Compétences").replace("DEUX-SÈVRES (79)", "Foncier")
    assert ids(lead + themes) == []


def test_a_departement_section_repeated_reads_each_territory_mention_a_few_times(monkeypatch):
    """A page of "Loire (42)" sections each over a list of territories, repeated: looking for the
    territory a short name in brackets stands for compared every mention with every other one
    (3,000,000 reads of a mention's id for 1,000 sections), and so did the labels of "label :
    value" lines: the work now grows as the text."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    from pipeline.extract.territories.common import TerritoryMention

    reads = []
    real = TerritoryMention.territory_id
    monkeypatch.setattr(TerritoryMention, "territory_id", property(lambda self: reads.append(1) or real.fget(self)))
    counts = {}
    for repeated in (100, 400):
        reads.clear()
        text = "Communiqué de presse\n\n" + "Loire (42)\n• 3 territoires d'industrie : Roannais ; Forez Est ; Saint-Étienne\n\n" * repeated
        extract(text, next(nlp.parse([text])))
        counts[repeated] = len(reads)
    assert counts[400] <= 5 * counts[100], counts


@pytest.mark.parametrize("header", ["Dépt(s)", "Dpt.", "Dép.", "Dpts"])
def test_an_abbreviated_departement_column_places_the_rows_and_a_cut_remark_leaves_the_name(header):
    text = ("Annexe – territoires lauréats 2023-2027\n\n"
            f" Territoire                          {header:<11}Porteur\n"
            " Lacq Pau Tarbes (TI interrégional)  64-65      CA Tarbes-Lourdes-Pyrénées\n"
            " Aurillac Figeac Rodez (TI inter-    12-15-46   Rodez Agglomération\n"
            " régional)\n"
            " Albigeois                           81         CA de l'Albigeois\n\nFin.\n")
    assert territories(text) == {("lacq-pau-tarbes", "territory.table_cell", ("64", "65")),
                                 ("aurillac-figeac-rodez", "territory.table_cell", ("12", "15", "46")),
                                 ("albigeois", "territory.table_cell", ("81",))}


def test_a_tab_after_the_programme_s_words_ends_a_header_cell_not_a_name():
    text = ("Territoire d'industrie\tDépartements\tIntercommunalités\n"
            "Grand Dole\t39\tCommunauté d'agglomération du Grand Dole\n"
            "Haut-Jura\t39\tCommunauté de communes Haut-Jura Saint-Claude\n")
    assert sorted(ids(text)) == ["grand-dole", "haut-jura"]


def test_a_territory_named_by_the_towns_it_gathers_after_the_programme_words():
    text = ("Les élus du Territoire d'industrie regroupant les bassins de Lacq, de Pau et de Tarbes "
            "se sont réunis à Mourenx.")
    assert ids(text) == ["lacq-pau-tarbes"]
    assert ids("Le Territoire d'industrie qui réunit les vallées de Bruyères et de Gérardmer a signé.") \
        == ["bruyeres-gerardmer"]


@pytest.mark.parametrize("text", [
    # several territories, not one named by three towns
    "Les trois Territoires d'industrie réunissant les bassins de Lacq, de Pau et de Tarbes ont signé.",
    # rivers and areas take an article; "bassins de vie" is a common noun
    "Le Territoire d'industrie qui réunit les vallées de la Meuse et de la Moselle a signé.",
    "Le programme Territoires d'industrie rassemblant les bassins de vie les plus industriels avance.",
    # no "et" closes the towns; no town the referential knows
    "Le Territoire d'industrie regroupant les bassins de Lacq, de Pau, puis la plaine a signé.",
    "Le Territoire d'industrie regroupant les bassins de Zorbaville et de Quetzalie a signé.",
])
def test_gathered_towns_guards(text):
    assert not any(m.rule == "territory.prefixed_name" and "–" in m.name
                   for m in find_territories(text, find_places(text)))


def test_a_heading_in_capitals_ends_the_name_the_body_writes_before_a_clause():
    heading = "LE TERRITOIRE D'INDUSTRIE SUD CHAMPAGNE OUVRE SON GUICHET AUX PME\n\n"
    body = "Le Territoire d'industrie Sud Champagne, dans l'Aube, ouvre un guichet.\n"
    assert set(ids(heading + body)) == {"sud-champagne"}
    # guard: a name's tail after a dash, or two words, is no clause: the full name stays
    text = "TERRITOIRE D'INDUSTRIE VALLÉE DE LA BRESLE – VIMEU\n\nLe Territoire d'industrie Vallée de la Bresle a signé.\n"
    assert "vallee-de-la-bresle-vimeu" in ids(text)


def test_a_newcomer_described_by_the_demonym_of_a_town_in_another_name_is_that_one():
    text = ("Le bassin palois fait son entrée dans le programme Territoires d'industrie. Le territoire "
            "« Lacq / Pau / Tarbes » a été labellisé en novembre.\n")
    assert set(ids(text)) == {"lacq-pau-tarbes"}
    # guard: a demonym of a town no other name holds is a newcomer of its own
    text = ("La vallée de l'Arve est reconduite. Le bassin annécien fait son entrée dans le programme "
            "Territoires d'industrie, comme le territoire « Lacq / Pau / Tarbes » labellisé en 2018.\n")
    assert "bassin-annecien" in ids(text)


def test_two_dashed_names_joined_by_et_after_the_plural_are_two_territories():
    """'les territoires A – B – C et D – E' (probes89_press 16): each name joins places by spaced
    dashes, so the one "et" parts them; a part may be a head and its demonym ("Bassin sézannais")."""
    text = ("Mardi, les territoires Epernay – Bassin sézannais – Portes de Romilly et Troyes – Bar-sur-Aube "
            "ont paraphé leur protocole avec l'État.")
    assert sorted(ids(text)) == ["epernay-bassin-sezannais-portes-de-romilly", "troyes-bar-sur-aube"]
    prefixed = "Mardi, les territoires d'industrie Flers – Argentan et L'Aigle – Mortagne ont signé leur contrat."
    assert sorted(ids(prefixed)) == ["aigle-mortagne", "flers-argentan"]


@pytest.mark.parametrize("text, expected", [
    # a name holding "et" beside a dash on one side only stays one name
    ("Mardi, les territoires d'industrie Val de Garonne – Guyenne – Gascogne et Réolais ont signé leur contrat.",
     ["val-de-garonne-guyenne-gascogne-et-reolais"]),
    ("Le programme Territoires d'industrie avance : les territoires Pays Rochois – Arve et Salève ont signé.", []),
    ("Le programme Territoires d'industrie avance : les territoires Vallées du Gier et de l'Ondaine - Loire Sud "
     "ont signé.", []),
])
def test_a_name_holding_et_beside_one_dash_is_not_parted(text, expected):
    assert ids(text) == expected


def test_examples_in_the_clauses_of_a_sentence_a_titre_d_exemple_opens():
    """'À titre d'exemple, A réunit … ; B associe … ; C s'étend sur …' (probes88_official 06): each
    clause opens on an example; the places right after "associe" are its départements."""
    text = ("Territoires d'industrie : la nouvelle carte\n\nÀ titre d'exemple, Haut-Jura – Bugey associe le Jura "
            "et l'Ain ; Issoire – Brioude réunit des communes du Puy-de-Dôme et de la Haute-Loire.")
    assert territories(text) == {("haut-jura-bugey", "territory.example", ("01", "39")),
                                 ("issoire-brioude", "territory.example", ("43", "63"))}


@pytest.mark.parametrize("text", [
    # institutions and companies as the clauses' subjects
    "Territoires d'industrie : le financement\n\nÀ titre d'exemple, la Banque des Territoires accompagne les "
    "études ; l'Agence de l'eau soutient la sobriété ; Michelin investit à Clermont-Ferrand.",
    # the announcing words not fronted: the clauses of the sentence are not read
    "Territoires d'industrie : le financement\n\nLes élus citent à titre d'exemple deux usines ; Flers recrute ; "
    "Argentan forme.",
])
def test_fronted_example_clauses_guards(text):
    assert ids(text) == []


def test_associe_then_places_or_other_words():
    """"X associe le Jura et l'Ain" places X there; "associe les industriels du Jura" does not."""
    title = "Territoires d'industrie : Haut-Jura – Bugey\n\nLe territoire Haut-Jura – Bugey associe "
    assert territories(title + "le Jura et l'Ain.") == {("haut-jura-bugey", "territory.prose", ("01", "39"))}
    assert territories(title + "les industriels du Jura et les lycées de l'Ain.") == {
        ("haut-jura-bugey", "territory.prose", ("39",))}  # its name's only


def test_an_intercommunality_renamed_in_the_feminine_is_no_territory_renaming():
    """"… et celle de Loué-Brûlon-Noyen, rebaptisée LBN Communauté" after "le nouveau territoire" (probes89_press
    02): the feminine participle agrees with the intercommunality, and its new name is one; a territory's own
    renaming in the feminine ("la Vallée de la Bresle, rebaptisée Vallée de la Bresle – Vimeu") still reads."""
    text = ("Le nouveau territoire d'industrie Cœur de Maine associe la communauté de communes des Coëvrons et celle "
            "de Loué-Brûlon-Noyen, rebaptisée LBN Communauté.")
    assert ids(text) == ["coeur-de-maine"]
    renamed = ("Le territoire d'industrie de la Vallée de la Bresle, rebaptisée Vallée de la Bresle – Vimeu pour la "
               "seconde phase, réunit trois intercommunalités.")
    assert set(ids(renamed)) == {"vallee-de-la-bresle-vimeu"}


@pytest.mark.parametrize("short, full, expected", [
    ("le Sud-Vendée", "Vendée Grand Sud", ["vendee-grand-sud"]),  # probes87_mixed 10
    # guards: another compass word, or "Grand" before no compass word, is another name
    ("le Nord-Vendée", "Vendée Grand Sud", ["nord-vendee", "vendee-grand-sud"]),
    ("le Pays de Flers", "Grand Pays de Flers", ["grand-pays-de-flers", "pays-de-flers"]),
])
def test_grand_before_a_compass_word_says_the_same_area(short, full, expected):
    text = (f"Territoires d'industrie : le programme avance\n\nLabellisé en 2023, {short} a présenté son plan. "
            f"Le territoire d'industrie {full} associe trois communautés de communes.")
    assert sorted(set(ids(text))) == expected


def test_a_title_s_compass_word_is_the_territory_whose_act_the_body_names():
    """'Le protocole « Territoire d'industrie » de l'Ouest est signé' over 'le protocole du Territoire
    d'industrie Le Port' (probes87_mixed 05): one territory, the body's name."""
    title = "Le protocole « Territoire d'industrie » de l'Ouest est signé\n\n"
    assert set(ids(title + "Mercredi, l'État a signé le protocole du Territoire d'industrie Le Port.")) == {"port"}
    # guards: the body gives the act to no name, or to two
    assert set(ids(title + "Mercredi, l'État a signé le protocole avec le TCO.")) == {"ouest"}
    assert set(ids(title + "Mercredi, l'État a signé le protocole du Territoire d'industrie Le Port. Le protocole "
                   "du Territoire d'industrie Saint-André le sera en décembre.")) == {"ouest", "port", "saint-andre"}


def test_every_alternative_of_the_renaming_words_holds_a_piece_the_scan_is_gated_on():
    """prose_names scans NAMED only in a text holding one of NAMED_NEEDS: each alternative's
    wording holds one (a new alternative must get its example here, and a piece if it needs one)."""
    from re import _parser

    from pipeline.extract.first_letters import may_match
    from pipeline.extract.territories.prose import NAMED, NAMED_NEEDS

    examples = ["rebaptisée Vallée", "dénommée Vallée", "le groupement nommé Vallée", "sous le nom de Vallée",
                "sous la bannière « Vallée", "nouveau nom : Vallée", "du Territoire « Vallée", "le territoire s'appellera X",
                "le territoire d'industrie s'appellera X", "dite « Vallée", "Il s'appelle désormais « Vallée",
                "se nommera désormais « Vallée", "portera désormais le nom de « Vallée", "Intitulé « Vallée"]
    assert len(_parser.parse(NAMED.pattern)[0][1][1]) == len(examples)  # one example an alternative
    for example in examples:
        assert NAMED.search(example), example
        assert may_match(NAMED_NEEDS, example), example
    # a wording none of them holds finds no name: "Lauréat, le territoire devient une vitrine"
    assert NAMED.search("Le territoire devient une vitrine de l'industrie.") is None


def test_an_acts_enacting_word_after_a_recitals_inline_list_is_no_territory():
    """'CONSIDÉRANT que les territoires suivants ont été retenus … : A ; B ;' then 'DÉCIDE :' alone
    on its line: the list runs on over the blank line, its names are still read, the act's word is
    no name (nor 'ARRÊTE :' of a préfet's arrêté)."""
    for word in ("DÉCIDE", "ARRÊTE", "DÉLIBÈRE"):
        text = ("La Commission permanente,\n\nCONSIDÉRANT que les territoires suivants ont été retenus au titre "
                f"de Territoires d'industrie : Bassin d'Alès ; Gard Rhodanien ;\n\n{word} :\n\n"
                "ARTICLE 1 : d'approuver les protocoles d'accord.\n")
        assert sorted(ids(text)) == ["bassin-d-ales", "gard-rhodanien"], word


def test_a_capitalised_est_ending_a_masthead_line_is_no_copula():
    """'Préfecture de la région Grand Est – Région Grand Est' over the title 'Territoires
    d'industrie : …': no territory 'Région Grand'; a lower-case 'est' ending a wrapped line is
    still the verb of the label."""
    text = ("Préfecture de la région Grand Est – Région Grand Est\n\nTerritoires d'industrie : le contrat "
            "du territoire Nord Lorraine signé\n\nLe territoire d'industrie Nord Lorraine a signé son contrat.")
    assert set(ids(text)) == {"nord-lorraine"}
    wrapped = "Le Pays de Redon est\nTerritoire d'industrie depuis 2018, a rappelé le président."
    assert ids(wrapped) == ["pays-de-redon"]


def test_run_in_heads_with_an_apposition_and_their_traps():
    """A press kit's bold heads, the bold dropped: "Name, apposition. Paragraph"; two names joined
    by "et" are left to the other rules, a dateline holds a figure."""
    kit = ("Dossier de presse : les Territoires d'industrie\n\n"
           "Lacq – Pau – Tarbes, un territoire à cheval sur deux régions. Déjà pionnier, il réunit onze intercommunalités.\n\n"
           "Vallée de la Bresle – Vimeu, deux régions, une filière. Les verriers travaillent ensemble.\n\n"
           "Nord Lozère et Albigeois, deux nouveaux venus. Ils entrent dans le programme.\n")
    found = ids(kit)
    assert "lacq-pau-tarbes" in found and "vallee-de-la-bresle-vimeu" in found
    assert "nord-lozere-et-albigeois" not in found
    one = "Dossier de presse : les Territoires d'industrie\n\nLacq – Pau – Tarbes, un territoire à cheval. Déjà pionnier.\n"
    assert ids(one) == []  # one head alone may be any paragraph's subject
    datelines = ("Dossier de presse : les Territoires d'industrie\n\n"
                 "Figeac, le 3 juillet 2019. Les élus se sont réunis.\n\nRodez, le 4 juillet 2019. Les élus ont signé.\n")
    assert ids(datelines) == []


def test_a_title_opening_the_second_act_of_its_territory():
    assert ids("Lacq-Pau-Tarbes ouvre l'acte 2 de son Territoire d'industrie sous le signe de la décarbonation\n\n"
               "Le territoire s'agrandit.\n") == ["lacq-pau-tarbes"]
    assert ids("La Vallée de la Bresle – Vimeu engagée dans la deuxième phase de Territoires d'industrie\n\n"
               "Le territoire réunit trois intercommunalités.\n") == ["vallee-de-la-bresle-vimeu"]
    # another programme's second act names no territory of this one
    assert ids("Vierzon ouvre l'acte 2 de son programme Action cœur de ville\n\nLa ville s'engage.\n") == []


def test_a_review_headline_naming_the_territory_before_the_programme():
    review = ("Revue de presse — Territoires d'industrie\n\n"
              "« Pays de Châlons : le Territoire d'industrie tient son premier comité de pilotage »\n\n"
              "Trois mois après la labellisation, les élus ont réuni les industriels.\n")
    assert ids(review) == ["pays-de-chalons"]
    # a région heading the line is no territory; the one after the programme's words is read elsewhere
    heading = ("Revue de presse — Territoires d'industrie\n\n"
               "Normandie : le Territoire d'industrie tient ses assises à Caen\n\nLes élus ont réuni les industriels.\n")
    assert "normandie" not in ids(heading)


def test_a_headline_subject_before_the_programme_and_its_traps():
    """The name inside a line ("Bonne nouvelle pour la « Glass Vallée » : le territoire d'industrie
    X est reconduit") or followed by the territory's own name is no headline subject; a title's
    "Bassin de X", the body's "le bassin de X", is the place X."""
    inside = ("Bresle : une bonne nouvelle\n\n"
              "Bonne nouvelle pour la « Glass Vallée » : le territoire d'industrie Vallée de la Bresle – Vimeu est reconduit.\n")
    assert "glass-vallee" not in ids(inside)
    lacq = ("Bassin de Lacq : le territoire d'industrie repart pour quatre ans\n\n"
            "Le bassin de Lacq a été confirmé dans la nouvelle génération du programme Territoires d'industrie.\n")
    assert {m.name for m in find_territories(lacq, find_places(lacq))} == {"Lacq"}
    short = ("Haut-Doubs : le Territoire d'industrie change de nom\n\n"
             "La première phase avait labellisé le Territoire d'industrie Haut-Doubs Horloger (25).\n")
    assert ids(short) == ["haut-doubs-horloger"]


@pytest.mark.parametrize("sentence, expected", [
    ("Plusieurs territoires franchissent les limites régionales, à l'image de Mâconnais Beaujolais, entre "
     "Bourgogne-Franche-Comté et Auvergne-Rhône-Alpes, ou de la Thiérache, à cheval sur les Hauts-de-France "
     "et le Grand Est.", {("maconnais-beaujolais", ()), ("thierache", ())}),
    ("Certains territoires dépassent les limites départementales, comme Haut-Jura – Haut-Bugey, dans le Jura "
     "et l'Ain, ou Nevers Val de Loire, entre la Nièvre et le Cher.",
     {("haut-jura-haut-bugey", ("01", "39")), ("nevers-val-de-loire", ("18", "58"))}),
    # a complement that names no région nor département: no example read
    ("Plusieurs territoires franchissent les limites régionales, à l'image de Mâconnais Beaujolais, entre "
     "deux vallées, ou de la Thiérache, à cheval sur deux régions.", set()),
    # one example only
    ("Plusieurs territoires franchissent les limites régionales, à l'image de Mâconnais Beaujolais, entre "
     "Bourgogne-Franche-Comté et Auvergne-Rhône-Alpes.", set()),
])
def test_examples_each_followed_by_the_places_they_lie_in(sentence, expected):
    """probes96_official 07: "…, à l'image de A, entre R1 et R2, ou d'B, à cheval sur …" in a text
    naming the programme (enumeration cue placed_examples); the départements of each complement are
    its name's."""
    text = "Territoires d'industrie : la nouvelle carte 2023-2027\n\n" + sentence
    found = {(m.territory_id, tuple(sorted(m.departement_codes))) for m in find_territories(text, find_places(text))
             if m.rule == "territory.enumeration"}
    assert found == expected


def test_a_name_on_the_line_after_le_territoire_in_a_narrow_column_reads_its_sentence_on():
    text = ("Les territoires voisins ne sont pas\nen reste. Le territoire\nSud Meuse Nord Haute-Marne, à\n"
            "cheval sur la Meuse et la Haute-\nMarne, a lui aussi été retenu.\n")
    assert "sud-meuse-nord-haute-marne" in ids(text)
    # a blank line ends the paragraph: the heading under it is no name of "le territoire"
    assert ids("Les élus défendent le territoire\n\nGrand Dole : les chiffres de l'emploi\n") == []


def test_examples_of_some_territories_after_comme_and_not_of_companies():
    """A sentence picking some of the territories its paragraph speaks of names examples after
    "comme" (examples.py); a determiner before a noun picks companies or people, not territories."""
    text = ("Territoires d'industrie : la deuxième phase est lancée.\n\n"
            "Les territoires labellisés sont très divers. Certains s'étendent sur plusieurs départements, "
            "comme Nord Franche-Comté, entre le Doubs, la Haute-Saône et le Territoire de Belfort, ou encore "
            "le Bassin de Brive-Périgord, qui s'étend sur la Corrèze et la Dordogne.")
    found = territories(text)
    assert ("nord-franche-comte", "territory.example", ("25", "70", "90")) in found
    assert ("bassin-de-brive-perigord", "territory.example", ("19", "24")) in found
    companies = ("Territoires d'industrie : la deuxième phase est lancée.\n\n"
                 "Les territoires labellisés accueillent de grands groupes. Certains industriels, comme "
                 "Michelin, Safran ou encore Arkema, y recrutent.")
    assert ids(companies) == []


def test_a_place_without_its_comma_after_tandis_que_is_no_subject():
    """'tandis qu'en Guyane la communauté de communes X est reconduite': the place alone before the
    subject's article is a complement (fronted_place); each clause keeps its own département."""
    text = ("Territoires d'industrie : les outre-mer dans la deuxième phase.\n\n"
            "Dans les Antilles, en Martinique, la communauté d'agglomération de l'Espace Sud de la Martinique "
            "poursuit son engagement, tandis qu'en Guyane la communauté de communes de l'Ouest Guyanais est reconduite.")
    found = ids(text)
    assert "ouest-guyanais" in found and "espace-sud-de-la-martinique" in found
    assert fronted_place("en Guyane la communauté", 0, 23).end == len("en Guyane ")
    assert fronted_place("en juin la communauté", 0, 21).end is None  # not a place: no complement


def test_celui_beside_ours_needs_territories_spoken_of():
    """'il y a le nôtre et celui du X' names X after a question about territories, not elsewhere."""
    asked = ("Le programme Territoires d'industrie a été relancé.\n\n"
             "Combien y a-t-il de territoires d'industrie autour de vous ?\n\n"
             "Plusieurs en Lorraine. Le long de la frontière, il y a le nôtre et celui du Nord Lorraine, plus à l'est.")
    assert "nord-lorraine" in ids(asked)
    unasked = ("Le programme Territoires d'industrie a été relancé.\n\n"
               "Quel club soutenez-vous ?\n\n"
               "Il y a le nôtre et celui du Nord Lorraine, plus à l'est.")
    assert "nord-lorraine" not in ids(unasked)


@pytest.mark.parametrize("text, expected", [
    ("Territoires d'industrie : bilan. En Corse, le label a également été renouvelé pour le Pays Ajaccien.",
     {"pays-ajaccien"}),
    ("Territoires d'industrie : bilan. Le label a aussi été attribué au Grand Cognac.", {"grand-cognac"}),
    # another label named between, a period, a person after "pour": no territory
    ("Territoires d'industrie : bilan. Le label French Tech a été attribué à Saint-Dizier.", set()),
    ("Territoires d'industrie : bilan. Le label a été renouvelé pour la période 2023-2027.", set()),
    ("Territoires d'industrie : bilan. Le label a été renouvelé pour Michel Dupont.", set()),
    # a text that never names the programme: another label's renewal
    ("Bilan. En Corse, le label a également été renouvelé pour le Pays Ajaccien.", set()),
])
def test_a_territory_named_after_the_label_s_renewal(text, expected):
    """probes96_official 16: "le label a également été renouvelé pour le Pays Ajaccien" names that
    territory (enumeration cue with needs programme_text)."""
    found = {m.territory_id for m in find_territories(text, find_places(text)) if m.rule == "territory.enumeration"}
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("Territoires d'industrie : bilan en Corse.\n\nLe Pays Ajaccien a également été reconduit.", {"pays-ajaccien"}),
    ("Territoires d'industrie : bilan.\n\nLe Grand Dole a lui aussi été reconduit.", {"grand-dole"}),
    # people and companies: no place's article
    ("Territoires d'industrie : bilan.\n\nLes co-présidents Marc Dupont et Anne Morel ont également été reconduits.",
     set()),
    ("Territoires d'industrie : bilan.\n\nMichelin a également été reconduit.", set()),
    # no territory spoken of: another renewal
    ("Bilan de l'année.\n\nLe Pays Ajaccien a également été reconduit.", set()),
])
def test_a_subject_then_an_adverb_before_ete_reconduit(text, expected):
    """probes96_official 16: "Le Pays Ajaccien a également été reconduit": the adverb between the
    auxiliary and "été" (label_predicates_in_context)."""
    assert {m.territory_id for m in find_territories(text, find_places(text))} == expected


@pytest.mark.parametrize("member, name", [
    ("la Communauté d'Agglomération du Pays de Laon", "Laonnois"),  # a member's name holds the town
    ("le Pays de Laon", "Pays de Laon"),  # no legal form: the area's other name
])
def test_an_area_named_after_its_town_keeps_its_name_beside_a_members_name_holding_the_town(member, name):
    """probes98_mixed 12: "Le Lunévillois" beside "la Communauté de Communes du Territoire de
    Lunéville à Baccarat" in its member list stays "Lunévillois": a name written only after a
    legal form is a member's, not the area's other name (_areas_named_after_their_town)."""
    text = ("Le Laonnois, Territoire d'industrie\n\n"
            "Le Laonnois fait partie des 136 territoires retenus en 2018.\n\n"
            "Le Territoire d'industrie du Laonnois s'appuie sur le périmètre du Pôle d'équilibre "
            "territorial et rural. Il rassemble :\n\n"
            f"  > {member}\n"
            "  > la Communauté de Communes de la Champagne Picarde\n"
            "  > la Communauté de Communes du Chemin des Dames\n"
            "  > la Communauté de Communes du Pays de la Serre\n")
    assert {m.name for m in find_territories(text, find_places(text)) if m.start < text.index("Il rassemble")} == {name}


def test_an_area_named_after_its_town_is_the_territory_its_epci_designates():
    """probes68_mixed 03: "La communauté d'agglomération de Grand Châtellerault, labellisée …" then
    "celui du Châtelleraudais": the territory designated by its EPCI, named short; only a member
    list's items written after a legal form are members' names."""
    text = ("Grand Châtellerault : les artisans ont leur place dans le Territoire d'industrie\n\n"
            "La communauté d'agglomération de Grand Châtellerault, labellisée Territoire d'industrie dès 2018 "
            "et reconduite en novembre 2023, ouvre son plan d'action aux artisans.\n\n"
            "La Nouvelle-Aquitaine compte 16 Territoires d'industrie ; celui du Châtelleraudais est le seul "
            "du département à être piloté par une seule agglomération.\n")
    assert {m.name for m in find_territories(text, find_places(text))} == {"Grand Châtellerault"}


def test_topic_counts_no_mention_that_ends_a_longer_name():
    # a review of three territories the rules do not read, one heading naming a place only as
    # part of a territory's name: "Grande-Terre" is no territory of its own
    review = ("# Territoires d'industrie : trois façons de s'en emparer\n\n"
              "Le Sud Champagne, le Nord Grande-Terre et Marie-Galante et le Grand Narbonne ont chacun leur méthode.\n\n"
              "## En Grande-Terre, la logistique d'abord\n\n"
              "Autour du port, le Nord Grande-Terre mise sur la logistique et l'agroalimentaire.\n")
    assert ids(review) == []
    # the same place named alone twice is still the article's topic
    alone = review.replace("le Nord Grande-Terre mise", "la Grande-Terre mise")
    assert ids(alone) == ["grande-terre"]


def test_a_name_less_its_compass_word_is_that_territory_named_short():
    from pipeline.extract.territories import _named_without_its_compass_word
    from pipeline.extract.territories.common import TerritoryMention

    def mentions(*names, listed=()):
        return [TerritoryMention(0, 1, name, "territory.list_item" if name in listed else "territory.labelled",
                                 intro=(0, 0) if name in listed else None) for name in names]

    headline = mentions("Lorraine", "Nord Lorraine", listed=("Nord Lorraine",))
    _named_without_its_compass_word(headline)
    assert [m.name for m in headline] == ["Nord Lorraine", "Nord Lorraine"]
    both = mentions("Lorraine", "Nord Lorraine", "Sud Lorraine")  # which one: neither
    _named_without_its_compass_word(both)
    assert [m.name for m in both] == ["Lorraine", "Nord Lorraine", "Sud Lorraine"]
    items = mentions("Lorraine", "Nord Lorraine", listed=("Lorraine", "Nord Lorraine"))  # two items: two territories
    _named_without_its_compass_word(items)
    assert [m.name for m in items] == ["Lorraine", "Nord Lorraine"]


def test_names_coordinated_as_a_sentence_subject_are_territories_only_when_the_text_says_so():
    """territory.coordinated_subject: the sentence says they are territories, or another rule
    names one of them; towns, intercommunalities and régions coordinated the same way are not."""
    said = ("Territoires d'industrie : le bilan.\n\nLa Maurienne et Savoie Industrie ont un point commun : "
            "ce sont des territoires d'industrie de la Savoie.")
    assert {"maurienne", "savoie-industrie"} <= coordinated_ids(said)
    towns = ("Territoires d'industrie : le bilan.\n\nAlbertville et Montmélian ont aussi leurs zones "
             "d'activités, sans être des territoires labellisés.")
    assert not {"albertville", "montmelian"} & coordinated_ids(towns)
    epcis = ("Territoires d'industrie : le bilan.\n\nFlers Agglo et Terres d'Argentan Interco ont signé "
             "une feuille de route commune avec les autres territoires.")
    assert not {"flers-agglo", "terres-d-argentan-interco"} & coordinated_ids(epcis)
    regions = ("Territoires d'industrie : le bilan.\n\nNouvelle-Aquitaine et Occitanie ont financé "
               "les territoires à parts égales.")
    assert not coordinated_ids(regions)
    known = ("Le territoire d'industrie Nord Lozère a réuni son comité.\n\nNord Lozère et Alès, dans le Gard, "
             "ont tous deux misé sur la formation.")
    assert {"nord-lozere", "ales"} <= coordinated_ids(known)
    unknown = "Le programme Territoires d'industrie avance.\n\nMarvejols et Alès ont tous deux misé sur la formation."
    assert not {"marvejols", "ales"} & coordinated_ids(unknown)


def coordinated_ids(text):
    return {m.territory_id for m in find_territories(text, find_places(text))}


def test_a_quoted_headline_names_its_subject_only_when_it_speaks_of_the_label():
    from pipeline.extract.territories.quoted_headlines import quoted_headline_names

    def quoted(body):
        text = "Revue de presse après l'annonce des Territoires d'industrie.\n\n" + body
        return [m.name for m in quoted_headline_names(text, find_places(text))]

    assert quoted("• Ouest-France — « Pays de Fougères : le label prolongé »\n") == ["Pays de Fougères"]
    assert quoted("« Le Choletais signe son contrat de Territoire d'industrie » — *Le Courrier*\n") == ["Choletais"]
    assert quoted("• Le Pays d'Auge — « Le Calvados garde son Pays d'Auge »\n  Lisieux reste le pilier du territoire.\n") \
        == ["Pays d'Auge"]
    assert quoted("• Le Pays d'Auge — « Le Calvados garde son Pays d'Auge »\n  Les éleveurs s'inquiètent.\n") == []
    assert quoted("• Les Échos — « Territoires d'industrie : 2 150 projets »\n") == []
    assert quoted("• Métaux Hebdo — « Fonderie : un label qui ne fait pas tout »\n") == []  # a rubric, no place
    assert quoted("• Ouest-France — « Pays de Fougères : la foire s'ouvre »\n") == []  # no word of the label
    # a speaker's words inside a sentence are no headline
    assert quoted("Le maire résume : « Pays de Fougères : le label prolongé », dit-il.\n") == []
LEAD_OF_THE_VIENNE = "Le territoire d'industrie Grand Châtellerault est reconduit pour 2023-2027. Dans la Vienne, il travaillera avec "


@pytest.mark.parametrize("apposed, expected", [
    pytest.param("la communauté d'agglomération Grand Poitiers, également retenue.",
                 {"Grand Poitiers": ("86",)}, id="legal form, adverb first"),
    pytest.param("la CA Grand Poitiers, retenue elle aussi dans le programme, sur le foncier.",
                 {"Grand Poitiers": ("86",)}, id="abbreviated legal form, pronoun after"),
    pytest.param("sa voisine Cholet Agglomération, aussi labellisée.",
                 {"Cholet Agglomération": ("49",)}, id="everyday name holding its type word"),
    pytest.param("la communauté d'agglomération de La Rochelle, également retenue.",
                 {"La Rochelle": ("17",)}, id="a town's article"),
    pytest.param("Grand Poitiers, aussi labellisée.", {}, id="a bare name designates no EPCI"),
    pytest.param("la CA Grand Poitiers et la CC du Haut-Poitou, également retenues.", {}, id="coordinated: one label or two"),
    pytest.param("la CC du Haut-Poitou, également lauréate du programme Petites villes de demain.", {},
                 id="another programme's laureate"),
])
def test_an_intercommunality_said_labelled_too_in_an_apposition_is_a_territory_of_its_own(apposed, expected):
    """"…, où il côtoie la CA de X, également retenue": a territory designated by that EPCI, where
    its EPCI lies (predicates.intercommunalities_labelled_too)."""
    found = {m.name: tuple(sorted(m.departement_codes)) for m in find_territories(
        LEAD_OF_THE_VIENNE + apposed, find_places(LEAD_OF_THE_VIENNE + apposed)) if m.territory_id != "grand-chatellerault"}
    assert found == expected


def test_an_intercommunality_labelled_too_in_a_text_not_naming_the_programme_is_no_territory():
    text = "Le pôle mécanique est reconduit. Il travaillera avec la communauté d'agglomération Grand Poitiers, également retenue."
    assert "grand-poitiers" not in ids(text)


def test_an_abbreviated_legal_form_before_a_bare_award_opens_its_subject():
    """"La CA de X a aussi été labellisée": the subject of the award, not a member of the territory
    named before (BEFORE_BARE_AWARD_SUBJECT)."""
    text = "Le territoire d'industrie Rochefort Océan est reconduit pour 2023-2027. La CA de La Rochelle a aussi été labellisée."
    assert "rochelle" in ids(text)


@pytest.mark.parametrize("subject, expected", [
    ("La communauté d'agglomération de La Rochelle", "La Rochelle"),  # the town's article is its name's
    ("La communauté urbaine Le Creusot Montceau-les-Mines", "Le Creusot Montceau-les-Mines"),
    ("La communauté d'agglomération de la Rochelle", "Rochelle"),  # lower case: the preposition's article
])
def test_a_town_article_after_a_legal_form_stays_in_the_name(subject, expected):
    """'la communauté d'agglomération de La Rochelle est également retenue': "La Rochelle", not
    "Rochelle" (common.TOWN_ARTICLE_AFTER_DE, phrases.read_part)."""
    text = f"Territoires d'industrie en Charente-Maritime. {subject} est également retenue dans le programme."
    assert [m.name for m in find_territories(text, find_places(text))] == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Marne et Gondoire, labellisée Territoire d'industrie pour 2023-2027, ouvre un campus.", ["marne-et-gondoire"]),
    ("Lamballe Terre et Mer, retenue comme Territoire d'industrie, ouvre un campus.", ["lamballe-terre-et-mer"]),
    # a plural participle: two names
    ("Le Thouarsais et le Loudunais, labellisés Territoires d'industrie, ouvrent un campus.", []),
])
def test_a_singular_participle_in_apposition_keeps_a_name_holding_et_whole(sentence, expected):
    """'X et Y, labellisée …, ouvre': one name, as before a singular verb (SINGULAR_APPOSED)."""
    assert [i for i in ids(sentence) if "et" in i.split("-")] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Le journal se félicite de voir le Sud Champagne — un nom peu connu — figurer parmi les élus.", ["sud-champagne"]),
    ("Le journal se réjouit de voir le Sud Champagne figurer parmi les lauréats.", ["sud-champagne"]),
    ("Le Sud Champagne figure parmi les élus.", ["sud-champagne"]),
    ("Le journal espère voir le Sud Champagne figurer parmi les lauréats.", []),  # a hope
    ("Jean Martin figure parmi les élus.", []),  # a person: no place's article
    ("Le Sud Champagne figure parmi les élus du conseil régional.", []),  # councillors
])
def test_a_territory_seen_to_figure_among_the_elected(sentence, expected):
    text = "Territoires d'industrie : la liste des 124 territoires est publiée. " + sentence
    assert ids(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La préfète se félicite de la labellisation du territoire d'industrie animé par Grand Châtellerault.",
     {"Grand Châtellerault": ["86"]}),
    ("Le territoire d'industrie est porté par la communauté d'agglomération du Grand Dole depuis 2018.",
     {"Grand Dole": ["39"]}),
    ("Notre territoire d'industrie, porté par la CACEM, recrute son chef de projet.", {"CACEM": ["972"]}),
    # two carriers: left to the member rules
    ("Le territoire d'industrie est porté par GrandAngoulême et Grand Cognac.", {}),
    # a carrier linked to no EPCI
    ("Le territoire d'industrie est porté par la Fabrique de l'industrie.", {}),
    # beside a territory the text names, the carrier is its member
    ("Le territoire d'industrie Sud Champagne est reconduit. Le territoire d'industrie est porté par la "
     "communauté d'agglomération Troyes Champagne Métropole.", {"Sud Champagne": ["10"]}),
    # a compass frame names it (assemble.compass_territories): the carrier is its member
    ("Territoires d'industrie en Martinique. Au Nord, le territoire d'industrie est porté par CAP Nord, la "
     "communauté d'agglomération du Pays Nord Martinique.", {"Nord": ["972"]}),
])
def test_a_territory_named_only_through_its_carrier(text, expected):
    """'du territoire d'industrie animé par X': a territory designated by the one EPCI carrying it,
    where that EPCI lies, when the text names no territory (territories.carrier_named)."""
    from pipeline import nlp
    from pipeline.extract.assemble import extract
    rows = extract(text, next(nlp.parse([text]))).territories
    assert {row["name"]: sorted(row["departement_codes"]) for row in rows} == expected


def test_a_type_word_after_an_article_is_dropped_but_a_bare_items_name_is_kept():
    """'du territoire de l'Agglomération Rochefort Océan' goes by the EPCI's own name; a list item
    written "Agglomération Gap-Tallard-Durance (05)" is named as the text gives it."""
    assert "Rochefort Océan" in names_of(
        "La préfète annonce la reconduction du territoire de l'Agglomération Rochefort Océan dans le "
        "programme Territoires d'industrie pour 2023-2027.")
    assert "Agglomération Gap-Tallard-Durance" in names_of(
        "Cinq territoires d'industrie sont labellisés en Provence-Alpes-Côte d'Azur : Pays de Grasse (06) ; "
        "Durance-Lubéron-Verdon (04-83) ; Métropole Toulon Provence Méditerranée (83) ; Agglomération "
        "Gap-Tallard-Durance (05) ; Pays d'Arles (13).")


def test_coordinated_subjects_making_up_one_whole_are_its_parts():
    """'T1 et T2 forment le territoire A': the subjects make up the territory, none is one; 'A et B
    constituent les deux territoires …' names two."""
    parts = ("Territoires d'industrie : la carte.\n\nLe Béarn et la Bigorre forment le territoire "
             "Lacq-Pau-Tarbes, porté par deux agglomérations.")
    assert not {"bearn", "bigorre"} & coordinated_ids(parts)
    assert "lacq-pau-tarbes" in ids(parts) and not {"bearn", "bigorre"} & set(ids(parts))


def test_a_singular_cue_keeps_its_one_name_before_an_apposition_of_towns():
    """'Un seul territoire : A, le bassin de T1, T2 et T3': A alone; the towns describe it."""
    text = ("Territoires d'industrie : la carte.\n\nHAUTE-MARNE. Un seul territoire : Nord Haute-Marne, le bassin "
            "de Saint-Dizier, Joinville et Wassy, qui rassemble la métallurgie.")
    assert ids(text) == ["nord-haute-marne"]


def test_the_verb_est_before_a_name_is_no_compass_word():
    """"le second territoire est Cap Nord, qui s'appuie sur …": the name is "Cap Nord" (the verb
    "est" is no compass word; PATTERNS.md lead41)."""
    text = ("En Martinique, deux territoires ont été labellisés « Territoires d'industrie ». Au nord, le "
            "second territoire est Cap Nord, qui s'appuie sur la communauté d'agglomération du Pays Nord Martinique.")
    assert "est-cap-nord" not in ids(text)
    assert "cap-nord" in ids(text)


def test_no_rule_constant_of_the_extraction_is_defined_twice_in_its_module():
    """A module-level constant assigned twice replaces the first pattern for every use, the uses
    written for it too (prose's PLACE_ARTICLE_BEFORE, predicates' SINGULAR_APPOSED and the
    territory word of __init__ were: each now has its own name)."""
    import ast
    from collections import Counter
    from pathlib import Path

    twice = []
    for module in sorted((Path(__file__).resolve().parents[1] / "pipeline" / "extract").rglob("*.py")):
        names = Counter(target.id for node in ast.parse(module.read_text(encoding="utf-8")).body
                        if isinstance(node, ast.Assign) for target in node.targets
                        if isinstance(target, ast.Name) and target.id.isupper())
        twice += [f"{module.name}: {name}" for name, count in names.items() if count > 1]
    assert twice == []


def test_intercommunalities_that_each_saw_their_label_renewed_are_two_territories():
    """'A et B ont chacune vu leur label renouvelé' (no programme words after 'label', the
    programme named before): one territory each; without 'chacune', coordinated legal forms stay
    the members of one territory left unnamed (PATTERNS.md g120subj)."""
    each = ("L'île reste dans le programme Territoires d'industrie. La Communauté d'agglomération du Pays "
            "Ajaccien et la Communauté d'agglomération de Bastia ont chacune vu leur label renouvelé jusqu'en 2027.")
    assert {"pays-ajaccien", "bastia"} <= set(ids(each))
    together = each.replace("ont chacune vu leur label", "ont vu leur label")
    assert not {"pays-ajaccien", "bastia"} & set(ids(together))
    # the singular is left: "À Alès, Alès Agglomération voit son label prolongé" speaks of a
    # territory a list already named "Alès" (probes93_press 02)
    one = "L'île reste dans le programme Territoires d'industrie. La CA de Bastia voit son label prolongé."
    assert "bastia" not in ids(one)


def test_an_acronym_subject_with_its_legal_name_apposed_is_the_territory():
    """'La CACEM, Communauté d'agglomération du Centre de la Martinique, est labellisée': the
    acronym is the subject, its apposition spells it out."""
    text = ("La CACEM, Communauté d'agglomération du Centre de la Martinique, est labellisée Territoire "
            "d'industrie avec la zone de la Lézarde.")
    assert "cacem" in ids(text)


def test_a_departement_between_two_names_of_an_enumeration_is_a_territory():
    """'figurent Nord Lozère, les Pyrénées-Orientales, Grand Auch Astarac': an item of its own; a
    département after a preposition ('dans le Gers') or closing the list is a place."""
    text = ("Territoires d'industrie : la nouvelle carte.\n\nParmi les nouveaux venus figurent Nord Lozère, "
            "les Pyrénées-Orientales, Grand Auch Astarac dans le Gers ou encore Cœur de Maine, à cheval sur la "
            "Mayenne et la Sarthe.")
    found = set(ids(text))
    assert {"nord-lozere", "pyrenees-orientales", "grand-auch-astarac", "coeur-de-maine"} <= found
    assert not {"gers", "sarthe", "mayenne"} & found


def test_enfin_alone_opens_the_last_item_of_a_list_parted_by_semicolons():
    """'Trois territoires … : A, autour de … ; B, porté par … ; enfin C, dont …': three names."""
    text = ("Trois territoires sont retenus en Guyane : le Centre Littoral, autour de Cayenne ; Kourou et les "
            "Savanes, portés par la communauté de communes des Savanes ; enfin l'Ouest guyanais, dont la "
            "communauté de communes de l'Ouest Guyanais est le chef de file.")
    assert "ouest-guyanais" in ids(text)


def test_two_names_carried_by_one_intercommunality_in_the_plural_are_one_territory():
    """"Kourou et les Savanes, portés par la CC des Savanes" (probes107_mixed 08): one carrier
    for a plural participle, one territory; two carriers may stand for two."""
    text = ("Territoires d'industrie : trois territoires en Guyane. Le Centre Littoral est reconduit ; "
            "Kourou et les Savanes, portés par la communauté de communes des Savanes, font leur entrée.")
    assert "Kourou et les Savanes" in names_of(text)
    assert "Savanes" not in names_of(text)


def test_a_plural_sentence_after_a_run_of_names_places_each_of_them():
    intro = "Deux nouveaux territoires entrent dans le programme Territoires d'industrie :\n"
    assert departements_of(intro + "Déodatie ;\nÉpinal.\nTous deux situés dans les Vosges, ces territoires "
                           "renforcent le massif.") == {"deodatie": {"88"}, "epinal": {"88"}}
    # one name is no run: "ils" points elsewhere
    assert departements_of(intro.replace("Deux nouveaux territoires entrent", "La Déodatie entre") + "Situés "
                           "en Saône-et-Loire, ils visitent le site.")["deodatie"] == set()


def test_a_title_subject_entering_the_club_is_the_territory_its_labelled_intercommunality_forms():
    """"X entre dans le club des territoires d'industrie" over a body naming X again and saying one
    intercommunality, written with its legal form, labelled (probes44_mixed 11): one territory, X;
    without the body naming X again, the intercommunality stays a territory."""
    head = "Le Mayet\nLa Montagne bourbonnaise entre dans le club des territoires d'industrie\n\n"
    body = "La communauté d'agglomération Vichy Communauté a été labellisée « territoire d'industrie » en novembre."
    assert set(names_of(head + "La Montagne bourbonnaise fait bien partie de la liste nationale. " + body)) \
        == {"Montagne bourbonnaise"}
    assert "Vichy Communauté" in names_of(head + "Personne n'osait y croire. " + body)


def test_two_place_subjects_of_a_title_after_the_programme_counted_two_below():
    """"Territoires d'industrie : le Grand Bastia et le Pays ajaccien lancent …" over "les deux
    territoires d'industrie de l'île" (probes45_members 16): both names, the place adjective
    included; without the count below, none."""
    title = "Territoires d'industrie : le Grand Bastia et le Pays ajaccien lancent leurs plans\n\n"
    assert set(names_of(title + "Les deux territoires d'industrie de l'île passent à l'action.")) \
        == {"Grand Bastia", "Pays ajaccien"}
    assert names_of(title + "Les élus de l'île passent à l'action.") == []


def test_a_first_wave_recalled_with_its_intercommunality_names_the_territory_after_it():
    """"X figurait dans la première vague du programme, en 2019, avec la CA Y" (probes79_press 12,
    variants35M c1, variants35T d1): the intercommunality is the territory, named after it, a name
    holding "et" read whole; a subject named after it ("Vichy … avec Vichy Communauté") is the same
    territory; a subject named otherwise keeps the territory, the intercommunality its carrier; a
    "première phase avec" is no recall."""
    assert territories("Pour mémoire, Ajaccio figurait lui aussi dans la première vague du programme, en 2019, "
                       "avec la communauté d'agglomération du Pays Ajaccien (CAPA).") \
        == {("pays-ajaccien", "territory.in_passing", ("2A",))}
    assert ids("Pour mémoire, Calais figurait déjà dans la première vague du programme, en 2018, "
               "avec la communauté d'agglomération Grand Calais Terres et Mers.") == ["grand-calais-terres-et-mers"]
    assert ids("Vichy avait elle aussi été retenue dès la première vague, en 2018, avec Vichy Communauté.") \
        == ["vichy-communaute"]
    assert ids("Le Territoire d'industrie Pays de Vannes avait été retenu dès la première vague, en 2018, "
               "avec la communauté d'agglomération Golfe du Morbihan - Vannes Agglomération.") == ["pays-de-vannes"]
    assert ids("Lors de la première phase avec la communauté de communes du Pays de Lumbres, "
               "des ateliers ont ouvert.") == []


def test_a_pair_of_laureates_one_part_and_the_other_names_both_or_neither():
    """"a retenu, d'une part, la CA X (…), qui …, et, d'autre part, la CC Y, autour de …"
    (probes18_press 23): two territories named after their intercommunalities; a part linking to
    no EPCI leaves the pair unread."""
    pair = ("Le gouvernement a retenu, d'une part, la Communauté d'agglomération du Centre Littoral (CACL), "
            "qui rassemble Cayenne et Matoury, et, d'autre part, la Communauté de communes des Savanes, "
            "autour de Kourou.")
    assert territories(pair) == {("centre-littoral", "territory.in_passing", ("973",)),
                                 ("savanes", "territory.in_passing", ("973",))}
    assert ids("Le jury a retenu, d'une part, la logistique portuaire, et, d'autre part, "
               "la communauté de communes des Savanes.") == []


def test_a_title_town_a_pair_gloss_names_stands_for_that_territory():
    """"Kourou et Cayenne retenus …" over "a retenu, d'une part, la CA du Centre Littoral, qui
    rassemble Cayenne …, et, d'autre part, la CC des Savanes, autour de Kourou" (probes18_press
    23): the two intercommunalities only; without the pair the title's towns stay."""
    title = "Kourou et Cayenne retenus parmi les « Territoires d'industrie »\n\n"
    pair = ("Le gouvernement a retenu, d'une part, la Communauté d'agglomération du Centre Littoral (CACL), "
            "qui rassemble Cayenne et Matoury, et, d'autre part, la Communauté de communes des Savanes, "
            "autour de Kourou.")
    assert set(ids(title + pair)) == {"centre-littoral", "savanes"}
    assert {"kourou", "cayenne"} <= set(ids(title + "Le gouvernement a annoncé la liste jeudi."))


def test_territories_spoken_of_before_comma_comme_give_examples():
    """"… plusieurs territoires qui franchissent les limites régionales, comme la Vallée de X, entre
    A et B, et s'étend …, où la Guadeloupe …" (probes91_mixed 10), "de territoires très différents,
    comme le Sud Champagne, dans l'Aube, …" (variants37H e1): the example, placed by its gloss up
    to where the predicate goes on; a département after "comme" is none."""
    programme = "Le programme Territoires d'industrie entre dans sa deuxième phase. "
    assert territories(programme + "Elle compte plusieurs territoires qui franchissent les limites régionales, "
                       "comme la Vallée de la Bresle – Vimeu, entre Normandie et Hauts-de-France, et s'étend "
                       "à l'outre-mer, où la Guadeloupe compte trois lauréats.") \
        == {("vallee-de-la-bresle-vimeu", "territory.example", ())}
    assert territories(programme + "Les intervenants venaient de territoires très différents, comme le Sud "
                       "Champagne, dans l'Aube, ou des métropoles régionales.") \
        == {("sud-champagne", "territory.example", ("10",))}
    assert ids(programme + "Les intervenants venaient de territoires ruraux, comme la Creuse.") == []


def test_the_three_ends_of_a_map_spanned_from_one_to_another_are_territories():
    """"De la Vallée de l'Arve, …, au Creusot-Montceau et ses forges, en passant par Sud Champagne,
    où …, la carte reste …" (probes107_mixed 07): three territories; without the map or its
    territories after them (companies: "l'industrie fait vivre …"), none."""
    programme = "Le gouvernement a dévoilé la carte du programme Territoires d'industrie. "
    spanned = ("De la Vallée de l'Arve, capitale du décolletage, au Creusot-Montceau et ses forges, en passant "
               "par Sud Champagne, où le textile cherche un second souffle, ")
    assert ids(programme + spanned + "la carte reste celle des bassins historiques.") \
        == ["vallee-de-l-arve", "creusot-montceau", "sud-champagne"]
    assert ids(programme + spanned + "l'industrie fait vivre des milliers de familles.") == []


def test_a_neighbour_a_relative_of_its_label_qualifies_is_a_territory():
    """"…, notamment le Niortais - Haut Val de Sèvre, qui a lui aussi été désigné." (probes110_mixed
    09): the name before the comma, its words a place's; "la Manufacture X, qui a été retenue" (an
    article is no sign) and a département are none."""
    programme = "Le programme Territoires d'industrie continue. "
    assert rules_of(programme + "Nous échangeons avec nos voisins des Deux-Sèvres, notamment le Niortais - "
                    "Haut Val de Sèvre, qui a lui aussi été désigné.") \
        == {"niortais-haut-val-de-sevre": "territory.in_passing"}
    assert ids(programme + "Nous travaillons avec la Manufacture Bohin, qui a été retenue.") == []
    assert ids(programme + "Nous travaillons avec la Creuse, qui a été retenue.") == []


def test_a_territory_named_as_its_departement_on_a_coded_dash_line():
    """'**Ariège (09)** — CC A, CA B' among lines of territories' names is a territory; a run of
    départements heading the territories their values name gives none, nor a line whose bracket
    holds another code than the département's."""
    lines = ("**Pays de Grasse (06)** — CA du Pays de Grasse\n\n"
             "**Alpes-de-Haute-Provence (04)** — CA Provence-Alpes-Agglomération\n\n"
             "**Hautes-Alpes (05)** — composition disponible sur la fiche du territoire\n\n"
             "**Ventoux – Comtat (84)** — CA Ventoux-Comtat-Venaissin (COVE)\n\n"
             "**Sud Sainte-Baume (83)** — composition disponible sur la fiche du territoire\n")
    assert ids("La Région accompagne les Territoires d'industrie ci-dessous.\n\n" + lines) == [
        "pays-de-grasse", "alpes-de-haute-provence", "hautes-alpes", "ventoux-comtat", "sud-sainte-baume"]
    headings = ("**Aude (11)** — Grand Narbonne\n\n**Gard (30)** — Alès, Pont du Gard / Gard Rhodanien\n\n"
                "**Hérault (34)** — Béziers-Sète\n")
    assert ids("Voici, département par département, les Territoires d'industrie retenus.\n\n" + headings) == []
    # under a colon the lines are a list's items: its heading lines are still no territories
    assert ids("Les Territoires d'industrie par département :\n\n" + headings) == []
    assert ids("Les Territoires d'industrie de la Région Sud :\n\n" + lines) == [
        "pays-de-grasse", "alpes-de-haute-provence", "hautes-alpes", "ventoux-comtat", "sud-sainte-baume"]
    other_code = lines.replace("Hautes-Alpes (05)", "Hautes-Alpes (04)")
    assert "hautes-alpes" not in ids("La Région accompagne les Territoires d'industrie ci-dessous.\n\n" + other_code)


def test_a_newcomer_alone_in_its_sentence_then_its_members():
    """'Nouveau venu, l'Ariège. Il réunit la communauté d'agglomération …' names a territory; a
    person after 'Nouveau venu' whose sentence after gathers people does not."""
    text = "Territoires d'industrie 2023-2027\n\n"
    assert ids(text + "Nouveau venu, l'Ariège. Il réunit l'Agglo Foix-Varilhes et la communauté de communes "
                      "des Portes d'Ariège Pyrénées.") == ["ariege"]
    assert ids(text + "Nouveau venu, Julien Marchal. Il réunit chaque mois les industriels et les élus de la "
                      "communauté d'agglomération.") == []
    assert ids("Nouveau venu, l'Ariège. Il réunit l'Agglo Foix-Varilhes.") == []  # no programme named


def test_a_counted_list_parted_by_spaced_dashes_alone():
    """'les quatre territoires … suivants : A – B – C – D' names as many as its count; when the
    pieces are more than the count, a dash joins the places of a name: nothing is parted."""
    intro = "Le département compte pour 2023-2027 les {} territoires d'industrie suivants : "
    assert ids(intro.format("quatre") + "Déodatie – Plaine des Vosges – Gérardmer – Trois vallées de Bruyères.") == [
        "deodatie", "plaine-des-vosges", "gerardmer", "trois-vallees-de-bruyeres"]
    assert ids(intro.format("trois") + "Sud Meuse – Nord Haute-Marne – Val de Lorraine – Lunévillois.") == []


def test_a_geographic_head_ending_a_title_over_a_blank_line():
    """'# Les Territoires d'industrie de la région' over '*Publié le …*': the title ends at its blank
    line, no 'Région Publié'; 'le Territoire d'industrie pays de Vannes' on one line is a name."""
    assert ids("# Les Territoires d'industrie de la région\n\n*Publié le 3 octobre 2023*\n\nTexte.") == []
    assert ids("Le label Territoire d'industrie pays de Vannes est renouvelé.") == ["pays-de-vannes"]
