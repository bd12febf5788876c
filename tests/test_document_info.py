"""Headline, issuer and dateline: the seeds against gold, and each dateline form and trap."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from pipeline.extract.document_info import extract_document_info, written_year

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "tests" / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", SEEDS, ids=lambda p: p.stem)
def test_seed_published_on_matches_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    info = extract_document_info((ROOT / "raw" / gold["document"]).read_text(encoding="utf-8"))
    expected = gold["published_on"] and datetime.date.fromisoformat(gold["published_on"])
    assert info["published_on"] == (expected or None)


def test_seed_datelines_give_the_place_and_headline():
    aube = extract_document_info((ROOT / "raw" / "000_ed8916e6866e8557.txt").read_text(encoding="utf-8"))
    aisne = extract_document_info((ROOT / "raw" / "002_60021fdba411c264.txt").read_text(encoding="utf-8"))
    assert aube["place"] == "Troyes"
    assert aube["title"] == ("NOUVELLE PHASE DU PROGRAMME TERRITOIRE D’INDUSTRIE : "
                             "2 TERRITOIRES LABELLISÉS DANS L’AUBE")
    assert (aisne["place"], aisne["issuer"]) == ("Laon", "Préfet de l'Aisne")


@pytest.mark.parametrize("line, place, date", [
    ("Troyes, le 14 novembre 2023", "Troyes", datetime.date(2023, 11, 14)),
    ("Laon, le 1er décembre 2023", "Laon", datetime.date(2023, 12, 1)),
    ("Saint-Denis, le 10 novembre 2023 -", "Saint-Denis", datetime.date(2023, 11, 10)),  # the dash ends the line
    ("**Saint-Brieuc, le 9 février 2024**", "Saint-Brieuc", datetime.date(2024, 2, 9)),
    ("Article publié le 23/01/2024 sur mon-territoire.fr", None, datetime.date(2024, 1, 23)),
    ("Publié le 24 octobre 2019 à 06h30 | Mis à jour le 25 octobre 2019 à 10h12", None,
     datetime.date(2019, 10, 24)),  # the page's update is not the communiqué's date
    ("Par Jeanne Martin publié le 28 JAN 2020 à 09:36", None, datetime.date(2020, 1, 28)),
    ("Rédigé par la rédaction le Lundi 11 Juillet 2022 à 18:40 | Modifié le Mardi 12 Juillet 2022",
     None, datetime.date(2022, 7, 11)),
    ("Date de publication : Mardi 28 janvier 2020", None, datetime.date(2020, 1, 28)),
    ("Édition du jeudi 19 décembre 2019 | Économie", None, datetime.date(2019, 12, 19)),
    ("Édition : Mulhouse/Sud-Alsace - 25 mars 2019", None, datetime.date(2019, 3, 25)),
    ("Par la rédaction | 10/04/2025 - 15:26", None, datetime.date(2025, 4, 10)),
    ("22/11/2018 - 17:45", None, datetime.date(2018, 11, 22)),
    ("30/03/2020 |", None, datetime.date(2020, 3, 30)),
    ("**Département de la Creuse** · Économie · 12 juin 2019", None, datetime.date(2019, 6, 12)),
    ("Aiacciu, u 22 di lugliu 2019 / Ajaccio, le 22 juillet 2019", "Ajaccio", datetime.date(2019, 7, 22)),
    ("Publié le mardi 14 novembre 2023", None, datetime.date(2023, 11, 14)),
    ("Ouest-France Publié le 18/11/2024 à 06h00", None, datetime.date(2024, 11, 18)),
    ("08 févr. 2024", None, datetime.date(2024, 2, 8)),
    ("Publié le 14/11/2023", None, datetime.date(2023, 11, 14)),
    ("14/11/2023", None, datetime.date(2023, 11, 14)),
    ("22 janvier 2021 à 8h57 par Jeanne Martin", None, datetime.date(2021, 1, 22)),
    ("17/07/2019 | Dans la région, une douzaine de territoires sont entrés dans le programme et le "
     "premier contrat vient d'être signé à Pau.", None, datetime.date(2019, 7, 17)),
    ("Publié le 16 avril 2019 à 12h10, mis à jour à 14h02", None, datetime.date(2019, 4, 16)),
    ("Paru le :Paru le06/06/2019", None, datetime.date(2019, 6, 6)),
    ("Version du 20 novembre 2023", None, datetime.date(2023, 11, 20)),
    ("Plan d'actions — Version validée en comité de pilotage du 4 avril 2019", None, datetime.date(2019, 4, 4)),
    ("Newsletter du 17 décembre 2018", None, datetime.date(2018, 12, 17)),
    ("# La revue de presse régionale du samedi 24 novembre 2018", None, datetime.date(2018, 11, 24)),
    ("LE JOURNAL DU MARDI 28 JANVIER 2020", None, datetime.date(2020, 1, 28)),
    ("Lettre d'information de la Région – Développement économique – n° 47 – 14 novembre 2023", None,
     datetime.date(2023, 11, 14)),
    ("*Préfecture de la région Occitanie — communiqué de presse, Montpellier, le 30 novembre 2023*",
     "Montpellier", datetime.date(2023, 11, 30)),
    ("Saint-Benoît, 24 October 2019", "Saint-Benoît", datetime.date(2019, 10, 24)),
    ("Signé à Belfort le 26 mars 2019", "Belfort", datetime.date(2019, 3, 26)),
    # a weekly's issue: the first day of its week
    ("Semaine du 6 au 12 mars 2025", None, datetime.date(2025, 3, 6)),
    ("L'HEBDO DU HAUT-DOUBS - Semaine du 1er au 7 juillet 2019", None, datetime.date(2019, 7, 1)),
    ("Semaine du 1er décembre 2023 – n° 2418", None, datetime.date(2023, 12, 1)),
    ("Semaine du 29 décembre au 4 janvier 2026", None, datetime.date(2025, 12, 29)),
])
def test_dateline_forms_near_the_top(line, place, date):
    info = extract_document_info(f"COMMUNIQUÉ DE PRESSE\n\nDes territoires labellisés\n\n{line}\n\nTexte.")
    assert (info["place"], info["published_on"]) == (place, date)


def test_date_in_a_body_sentence_is_not_a_dateline():
    text = ("Des territoires labellisés\n\nLe 9 novembre 2023, Roland LESCURE a annoncé les lauréats.\n\n"
            "Le programme, lancé le 22 novembre 2018, a été relancé le 11 mai 2023.")
    assert extract_document_info(text)["published_on"] is None


def test_this_weekday_near_the_top_dates_a_press_article_without_dateline():
    """Local press writes of the day it publishes: "Ce vendredi 9 juillet 2021, …". A date without
    "ce", or one far down the page, stays no dateline."""
    text = ("Le contrat du Finistère signé\n\nCe vendredi 9 juillet 2021, les élus ont signé à Brest "
            "le contrat Territoire d'industrie.\n")
    assert extract_document_info(text)["published_on"] == datetime.date(2021, 7, 9)
    assert extract_document_info(text.replace("Ce vendredi", "Le vendredi"))["published_on"] is None
    body = "".join(f"Paragraphe {i} du texte.\n\n" for i in range(20))
    assert extract_document_info("Titre\n\n" + body + "Ce lundi 3 mars 2025, réunion.\n")["published_on"] is None


def test_bare_date_far_from_the_top_is_not_a_dateline_but_a_dateline_line_is():
    body = "".join(f"Paragraphe {i} du texte.\n\n" for i in range(20))
    assert extract_document_info("Titre\n\n" + body + "14/11/2023\n")["published_on"] is None
    info = extract_document_info("Titre\n\n" + body + "Paris, le 3 mars 2024\n")
    assert (info["place"], info["published_on"]) == ("Paris", datetime.date(2024, 3, 3))


def test_a_date_inside_a_long_line_of_parts_is_not_a_byline():
    line = ("Le programme a été lancé par le Premier ministre devant les élus réunis à Matignon "
            "pour la circonstance | 22 novembre 2018")
    assert extract_document_info(f"Titre\n\n{line}\n\nTexte.")["published_on"] is None


def test_signature_of_an_act_dates_a_contract_without_dateline():
    body = "".join(f"Article {i} du contrat.\n\n" for i in range(20))
    text = f"Contrat Territoire d'industrie\n\n{body}Fait à Avranches, le 4 juillet 2019, en huit exemplaires.\n"
    info = extract_document_info(text)
    assert (info["place"], info["published_on"]) == ("Avranches", datetime.date(2019, 7, 4))


def test_a_date_field_of_a_feed_an_export_or_an_e_mail_dates_the_text():
    """An RSS item's <pubDate> (RFC 822, English), an Atom entry's <published>, a Markdown front
    matter's "date:" (ISO), an English page's "Published on", an e-mail's "Date : jeu. 14 déc. 2023"
    beside its "De :" and "Objet :"; an invitation's lone "Date :" is its event's day."""
    body = "Le territoire d'industrie a réuni son comité.\n"
    for head, date in [
            ("<item>\n<title>Titre</title>\n<pubDate>Fri, 12 Apr 2019 07:45:00 +0200</pubDate>", datetime.date(2019, 4, 12)),
            ("<entry>\n<published>2019-04-12T07:45:00+02:00</published>", datetime.date(2019, 4, 12)),
            ('title: "Titre"\ndate: 2023-11-10\nauthor: "Service"', datetime.date(2023, 11, 10)),
            ("Industrial Territories\n\nPublished on 14 February 2024 · Economy", datetime.date(2024, 2, 14)),
            ("De : Club <club@example.fr>\nDate : jeu. 14 déc. 2023 à 17:02\nObjet : Lettre n° 212", datetime.date(2023, 12, 14))]:
        assert extract_document_info(f"{head}\n\n{body}")["published_on"] == date, head
    invitation = "INVITATION PRESSE\n\nSignature du contrat\n\nDate : jeu. 14 mars 2024 à 10:00\nLieu : Vannes\n\n"
    assert extract_document_info(invitation + body)["published_on"] is None


def test_an_acts_recitals_cite_other_texts_dates():
    """"VU le cahier des charges … publié le 27 juin 2023 ;" cites another text: the act is dated by
    its signature."""
    text = ("Arrêté préfectoral\n\nVU le cahier des charges de l'appel à manifestation d'intérêt publié le 27 juin 2023 ;\n\n"
            "CONSIDÉRANT que le territoire doit se doter d'un comité ;\n\nArticle 1er : Un comité est créé.\n\n"
            "Fait à Vannes, le 4 mars 2024\n")
    assert extract_document_info(text)["published_on"] == datetime.date(2024, 3, 4)


def test_the_day_a_recueil_or_a_byline_published_an_act_wins_over_its_signature():
    """A préfecture's recueil publishes acts signed days before: its running head ("Recueil des
    actes administratifs n° … – 3 juillet 2019 – p. 41") or "PUBLIÉ LE" dates the text, the act's
    "Fait à …, le" (which also reads as a "Place, le" dateline) only when nothing else does."""
    body = "".join(f"Article {i} de l'arrêté.\n\n" for i in range(5))
    signature = "Fait à Alençon, le 20 juin 2019\n"
    head = "Recueil des actes administratifs n° 30-2019-071 – Préfecture du Gard – 3 juillet 2019 – p. 41"
    assert extract_document_info(f"{head}\n\nArrêté\n\n{body}{signature}")["published_on"] == datetime.date(2019, 7, 3)
    assert extract_document_info(f"RECUEIL SPÉCIAL\nPUBLIÉ LE 24 JUIN 2019\n\n{body}{signature}")["published_on"] \
        == datetime.date(2019, 6, 24)
    info = extract_document_info(f"Arrêté\n\n{body}{signature}")
    assert (info["place"], info["published_on"]) == ("Alençon", datetime.date(2019, 6, 20))
    info = extract_document_info(f"Convention\n\n{body}Fait en deux exemplaires, à Rouen, le 14 mai 2024.\n")
    assert (info["place"], info["published_on"]) == ("Rouen", datetime.date(2024, 5, 14))


@pytest.mark.parametrize("body, date", [
    ("Le mercredi 17 janvier s'est tenue la réunion de lancement.", datetime.date(2024, 1, 17)),
    ("Les lauréats de la phase 2023-2027 sont connus.", datetime.date(2024, 1, 17)),
    ("Lancée le 20 septembre dernier, l'initiative accompagnera 124 territoires.", None),
    ("Le programme a été lancé en 2018 par le Premier ministre.", None),
])
def test_update_stamp_dates_the_page_only_when_nothing_else_does_and_the_body_is_recent(body, date):
    """Préfecture pages carry only "Mis à jour le": it is their date, unless the body tells of
    events years older (a 2018 communiqué on a page touched in 2024). The dateline never is it."""
    from pipeline.extract.assemble import _date_of_the_update_stamp
    text = f"Trois territoires labellisés\n\nMis à jour le 17/01/2024\n\n{body}\n"
    assert extract_document_info(text)["published_on"] is None
    assert _date_of_the_update_stamp(text) == date
    dated = f"{text}\nPublié le 12/01/2024\n"
    assert extract_document_info(dated)["published_on"] == datetime.date(2024, 1, 12)
    assert _date_of_the_update_stamp(dated) is None


@pytest.mark.parametrize("body, date", [
    ("Trois intercommunalités forment le territoire.", datetime.date(2023, 1, 2)),
    ("Le territoire compte parmi les 124 premiers Territoires d'industrie.", None),
])
def test_a_page_naming_no_year_takes_its_stamp_unless_it_states_another_phase(body, date):
    from pipeline.extract.assemble import _date_of_the_update_stamp
    text = f"Trois territoires labellisés\n\nMis à jour le 02/01/2023\n\n{body}\n"
    assert _date_of_the_update_stamp(text) == date


@pytest.mark.parametrize("heading, date", [
    ("Séance du 26 mars 2024\nDate de convocation : 19 mars 2024\nDate d'affichage : 2 avril 2024", datetime.date(2024, 4, 2)),
    ("Séance du jeudi 27 juin 2019\nCompte rendu affiché au siège le 4 juillet 2019", datetime.date(2019, 7, 4)),
    ("Séance du 26 mars 2024", datetime.date(2024, 3, 26)),
])
def test_minutes_are_dated_by_the_posting_their_heading_gives_else_by_the_sitting(heading, date):
    """The posting of an act is the day it was made public; one certified at the foot, under the
    signature, is not read (the golds of such acts take the sitting)."""
    body = "".join(f"Point {i} : le conseil approuve la délibération.\n\n" for i in range(16))
    text = f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\n{heading}\n\n{body}"
    assert extract_document_info(text)["published_on"] == date
    foot = f"EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 26 mars 2024\n\n{body}Publié et affiché le 2 avril 2024\n"
    assert extract_document_info(foot)["published_on"] == datetime.date(2024, 3, 26)


def test_impossible_date_gives_none():
    assert extract_document_info("Titre\n\nParis, le 31 février 2024\n")["published_on"] is None


def test_title_skips_boilerplate_markdown_and_joins_a_headline_cut_by_blank_lines():
    assert extract_document_info("## Communiqué de presse\n\n### Lancement de la phase 2023-2027\n\n"
                                 "Texte.")["title"] == "Lancement de la phase 2023-2027"
    pdf = ("PRÉFET DE L'AUBE\nLiberté\nÉgalité\nFraternité\n\nLe lancement du temps II du\n\n"
           "programme, le 9 novembre\n\n2023\n\nArticle publié le 23/01/2024\n")
    info = extract_document_info(pdf)
    assert info["title"] == "Le lancement du temps II du programme, le 9 novembre 2023"
    assert info["issuer"] == "PRÉFET DE L'AUBE"


def test_a_rubric_line_is_not_the_title_but_a_site_name_after_a_headline_is_kept():
    text = ("Éco Nouvelle-Aquitaine | Industrie\n\nQuatorze contrats Territoires d'industrie signés en "
            "Nouvelle-Aquitaine\n\nLe président de la Région a signé les contrats.")
    assert extract_document_info(text)["title"] == ("Quatorze contrats Territoires d'industrie signés en "
                                                    "Nouvelle-Aquitaine")
    assert extract_document_info("Territoires d'industrie | Préfecture de la Marne\n\nTexte.")["title"] \
        == "Territoires d'industrie | Préfecture de la Marne"


def test_body_paragraph_is_not_taken_for_a_headline():
    text = ("Lille, le 20 novembre 2023\n\nLe Territoire d'industrie Flandre Lys Artois réunit la CC de "
            "Flandre Intérieure, la CA de Béthune-Bruay et la CC Flandre Lys, labellisées en 2023.")
    assert extract_document_info(text)["title"] is None


@pytest.mark.parametrize("line, issuer", [
    ("Préfète de la région Grand Est", "Préfète de la région Grand Est"),
    ("Source: Agence Nationale de la Cohésion des Territoires (ANCT)", "ANCT"),
    ("Région Occitanie", "Région Occitanie"),
    ("Conseil régional du Grand Est", "Conseil régional du Grand Est"),
])
def test_issuer_only_from_an_explicit_line(line, issuer):
    assert extract_document_info(f"Titre\n\n{line}\n\nTexte.")["issuer"] == issuer


def test_no_issuer_when_the_text_does_not_state_it():
    text = "Titre\n\nLe président du Conseil régional Grand Est et le préfet de l'Aube ont signé."
    assert extract_document_info(text)["issuer"] is None


def test_place_dateline_followed_by_text_wins_over_a_publication_line():
    text = ("# Titre\n\n*Publié le 15/11/2023*\n\nCaen, le 14 novembre 2023 – Le préfet de la région "
            "annonce la liste.\n")
    info = extract_document_info(text)
    assert (info["place"], info["published_on"]) == ("Caen", datetime.date(2023, 11, 14))


def test_page_chrome_never_becomes_the_title_or_the_date():
    text = ("Rechercher\nFermer ce champ de recherche.\nAccueil > Actualités > Économie\n\n"
            "Couverture du journal du 19/04/2024 Le nouveau magazine\n\n"
            "Trois territoires labellisés dans le Val\n\nMis à jour le 02/01/2025\n\n"
            "Publié le 14/11/2023\n\nLe texte du communiqué commence ici.\n[90% reste à lire]\n")
    info = extract_document_info(text)
    assert info["title"] == "Trois territoires labellisés dans le Val"
    assert info["published_on"] == datetime.date(2023, 11, 14)


@pytest.mark.parametrize("widget", [
    "Sauvegarder l'article Identifiez vous, pour sauvegarder cet article et le consulter plus tard !",
    "Abonnez-vous Identifiez-vous", "Déjà inscrit(e) ?\nMot de passe oublié ?", "Aucun résultat trouvé",
    "Au sommaire:", "Le Kiosque Info Je m'abonne - Saumur - Thouars - Actualité Agenda",
    "Cet article vous est offert\nSe connecter\nInscrivez-vous gratuitement",
    "Par Mme Jeanne DUPONT, M. Paul MARTIN et Mme Anne-Marie DURAND,",  # a report's rapporteurs
])
def test_account_and_search_widgets_are_no_title(widget):
    text = f"{widget}\n\nTrois territoires labellisés dans le Val\n\nLe texte du communiqué commence ici.\n"
    assert extract_document_info(text)["title"] == "Trois territoires labellisés dans le Val"


@pytest.mark.parametrize("fields", [
    "Date : 4 avril 2024\nLieu : Hôtel de ville de Troyes\n\n",        # an event's notice
    "Date : 4 avril 2024 Heure : 14:30 Lieu : Troyes\n\n",             # several on one line
    "Rubrique : Économie\nAuteur : Service communication\n\n",        # an article's fields
    "Catégories : Actualités, Industrie\nMots-clés : emploi\n\n",
    "De : Service presse <presse@exemple.fr>\nÀ : abonnes@exemple.fr\nObjet : ",  # an e-mail: its subject
])
def test_a_block_of_fields_at_the_top_is_not_the_title(fields):
    text = fields + "Le Pays de Vitré signe son contrat Territoire d'industrie\n\nLe texte commence ici.\n"
    assert extract_document_info(text)["title"] == "Le Pays de Vitré signe son contrat Territoire d'industrie"
    # a headline that opens with a word and a colon is still one
    assert extract_document_info("Territoires d'industrie : 15 lauréats\n\nLe texte.\n")["title"] == \
        "Territoires d'industrie : 15 lauréats"


def test_a_parliamentary_report_is_dated_by_its_registration():
    text = ("N° 305\n\nSÉNAT\n\nSESSION ORDINAIRE DE 2023-2024\n\n"
            "Enregistré à la Présidence du Sénat le 7 février 2024\n\nRAPPORT D'INFORMATION\n")
    assert extract_document_info(text)["published_on"] == datetime.date(2024, 2, 7)
    assert extract_document_info(text.replace("du Sénat", "de l'Assemblée nationale"))["published_on"] == \
        datetime.date(2024, 2, 7)


def test_crawl_banner_date_loses_to_the_date_the_body_speaks_of():
    text = ("samedi 25 mars 2023\n14 février 2019\n\nNormandie : des territoires labellisés\n\n"
            "Une réunion s'est tenue le 1er février 2019 pour le contrat 2019-2022.\n")
    info = extract_document_info(text)
    assert info["published_on"] == datetime.date(2019, 2, 14)
    from pipeline.extract.assemble import document_phase
    assert document_phase(text) == "2019-2022"  # the banner's 2023 is not the communiqué's


def test_a_crawl_prefix_is_a_latest_date_and_alone_is_chrome():
    from pipeline.extract.assemble import _phase_of_the_crawl
    from pipeline.extract.document_info import chrome_spans, crawled_by
    text = " date 2020-01 Le territoire a présenté ses terrains aux investisseurs.\n\nLa suite.\n"
    assert crawled_by(text) == datetime.date(2020, 1, 1)
    assert extract_document_info(text)["published_on"] is None  # never the dateline
    assert chrome_spans(text) == [(0, len(" date 2020-01 "))]  # the sentence glued to it is the communiqué's
    assert _phase_of_the_crawl(crawled_by(text)) == "2019-2022"
    assert _phase_of_the_crawl(datetime.date(2023, 11, 1)) is None  # a 2019 page may be crawled in 2023
    assert crawled_by("Le territoire, date 2020-01 du rapport.") is None


def test_a_data_credit_dated_2024_or_later_makes_a_text_second_phase():
    from pipeline.extract.assemble import _phase_of_a_credit
    credit = "© Sources ANCT, 2025; BD TOPO IGN, 2024. Réalisation : Cartographie PADT ANCT 02/2025"
    assert _phase_of_a_credit("Le territoire présente son étude.\n" + credit + "\n") == "2023-2027"
    assert _phase_of_a_credit("© Sources ANCT, 2019 ; IGN\n") is None  # an article may reuse an older map
    assert _phase_of_a_credit("© 2025 Banque des Territoires\n") is None  # a site's footer: the crawl's year


@pytest.mark.parametrize("text, phase", [
    ("Forts du label « Territoire d'industrie » reçu le 9 novembre dernier, les élus réunissent les industriels.", "2023-2027"),
    ("L'annonce a été faite le 9 novembre lors de l'assemblée générale du programme.", "2023-2027"),
    ("Le 22 novembre dernier, le gouvernement dévoilait la liste des territoires d'industrie.", "2019-2022"),
    ("Le territoire d'industrie a été retenu le 22 novembre par le Premier ministre.", "2019-2022"),
    # a day to come, another event's day: no announcement
    ("Le programme Territoires d'industrie fêtera, le 22 novembre prochain, son anniversaire.", None),
    ("Territoire d'industrie : un webinaire de présentation aura lieu le 9 novembre.", None),
])
def test_the_day_of_a_national_announcement_without_its_year_tells_the_phase(text, phase):
    from pipeline.extract.assemble import document_phase
    assert document_phase(text) == phase


def test_publie_le_inside_a_body_sentence_is_no_byline():
    text = ("Des territoires labellisés\n\nLe décret publié le 12 mai 2023 au Journal officiel fixe les "
            "règles du fonds, que les services de l'État présenteront aux élus des intercommunalités.\n")
    assert extract_document_info(text)["published_on"] is None


def test_a_byline_under_links_to_other_articles_is_not_the_communiques_date():
    text = ("Deux territoires labellisés dans le Val\n\nLe texte du communiqué, sans date.\n\n"
            "SUR LE MÊME SUJET\nLes lauréats de la Région\nPublié le 12/05/2021\n")
    assert extract_document_info(text)["published_on"] is None
    assert extract_document_info(text.replace("SUR LE MÊME SUJET\n", ""))["published_on"] == \
        datetime.date(2021, 5, 12)


@pytest.mark.parametrize("top", [
    "Attractivité\n\n",                    # a rubric word above the headline
    "Loading\n\n",                         # a widget's word
    "• Accueil\n  • Économie\n\n",          # a breadcrumb written as a list
    "Menu\nSuivez-nous\n\n",               # a menu and a social widget
])
def test_a_single_word_or_a_breadcrumb_above_the_headline_is_not_the_title(top):
    text = top + "Le Pays de Vitré signe son contrat Territoire d'industrie\n\nLe texte commence ici.\n"
    assert extract_document_info(text)["title"] == "Le Pays de Vitré signe son contrat Territoire d'industrie"


def test_a_headline_above_a_paragraph_without_a_blank_line_is_the_title():
    text = ("Le sud de la Haute-Marne signe son contrat\n"
            "Industrie. Les élus et les industriels du territoire ont signé jeudi le contrat qui engage "
            "l'État et la Région pour quatre ans, en présence du préfet.\n")
    assert extract_document_info(text)["title"] == "Le sud de la Haute-Marne signe son contrat"
    lead_only = ("Depuis novembre 2023, la communauté de communes a rejoint le dispositif ! Rencontre avec "
                 "son chef de projet, qui présente le programme et ses premiers résultats.\nQuestion : pouvez-vous le présenter ?\n")
    assert extract_document_info(lead_only)["title"] is None  # a lead sentence, no headline


def test_an_update_in_a_headline_is_no_update_stamp():
    text = "La « mise à jour » des Territoires d'industrie démarrera en juin\n\nLe texte commence ici.\n"
    assert extract_document_info(text)["title"] == "La « mise à jour » des Territoires d'industrie démarrera en juin"
    from pipeline.extract.document_info import chrome_spans
    assert chrome_spans(text) == []


@pytest.mark.parametrize("byline, date", [
    ("Par 10/04/2025 - 15:26", datetime.date(2025, 4, 10)),  # the author's link was lost
    ("Anne Martin (CLP) - 07 nov. 2023 à 10:38 - Temps de lecture :", datetime.date(2023, 11, 7)),
    # a rubric, the date and hour, then a same-day update's hour: no word of a sentence
    ("Économie — 12 mars 2024, 8 h 10 — mis à jour à 11 h 45", datetime.date(2024, 3, 12)),
])
def test_a_byline_under_the_headline_dates_the_page(byline, date):
    text = f"Un contrat signé pour le territoire\n\n{byline}\n\nLe texte du communiqué, sans autre date.\n"
    assert extract_document_info(text)["published_on"] == date


def test_a_line_of_tags_under_the_headline_is_not_part_of_it():
    text = ("Vendée\nUn plan d'action pour les entreprises de Terres de Montaigu\n"
            "Vendée # Industrie # Collectivités territoriales\n\nLe texte commence ici.\n")
    assert extract_document_info(text)["title"] == "Un plan d'action pour les entreprises de Terres de Montaigu"


@pytest.mark.parametrize("top, title", [
    ("Vie locale\n\nTerritoire d'industrie Pays Basque : un deuxième acte pour l'industrie verte",
     "Territoire d'industrie Pays Basque : un deuxième acte pour l'industrie verte"),
    ("Actualités et agendas\n\nVers une reconquête industrielle de la métropole\n\n08/12/2023 Dynamiser…",
     "Vers une reconquête industrielle de la métropole"),
    ("Economie | Lacq-Pau-Tarbes : premier contrat signé dans la région",
     "Lacq-Pau-Tarbes : premier contrat signé dans la région"),
    ("Veuillez patienter pendant le chargement...\n\nTerritoire d'industrie Vienne Condrieu : cinq EPCI",
     "Territoire d'industrie Vienne Condrieu : cinq EPCI"),
])
def test_a_section_name_or_a_loading_message_above_the_headline_is_not_the_title(top, title):
    text = f"{top}\n\nLe territoire a été labellisé en novembre, a annoncé la préfète de région hier.\n"
    assert extract_document_info(text)["title"] == title


@pytest.mark.parametrize("top, title", [
    ("L'Hebdo juridique de la Gironde\n\nTerritoires d'industrie : la Gironde en compte trois\n\n"
     "Bordeaux, le 17 novembre 2023", "Territoires d'industrie : la Gironde en compte trois"),
    ("Corse Net Infos - Pure player corse\nAccueil | Politique | Économie\n\n"
     "Grand Bastia : seize entreprises financées par Territoires d'industrie",
     "Grand Bastia : seize entreprises financées par Territoires d'industrie"),
    ("CCI Mayotte – Chambre de commerce et d'industrie de Mayotte\n\nMayotte labellisée pour 2023-2027 "
     "au titre de Territoires d'industrie", "Mayotte labellisée pour 2023-2027 au titre de Territoires d'industrie"),
    # the title of an agreement stays the title
    ("PROTOCOLE D'ENGAGEMENT\n\nTERRITOIRE D'INDUSTRIE AVIGNON-SORGUES-CAVAILLON-VENTOUX",
     "PROTOCOLE D'ENGAGEMENT"),
])
def test_a_masthead_above_the_headline_is_not_the_title(top, title):
    text = f"{top}\n\nLe territoire a été labellisé en novembre, a annoncé la préfète de région hier.\n"
    assert extract_document_info(text)["title"] == title


def test_a_pdf_letterhead_dateline_in_a_column_and_the_motto_on_one_line():
    text = ("PRÉFET DE LA CHARENTE\nLiberté Égalité Fraternité\n"
            "Communiqué de presse                                 Angoulême, le 6 décembre 2023\n\n"
            "Le territoire Grand Angoulême / Grand Cognac reconduit\n\nTexte.\n")
    info = extract_document_info(text)
    assert info["published_on"] == datetime.date(2023, 12, 6)
    assert info["title"] == "Le territoire Grand Angoulême / Grand Cognac reconduit"


def test_an_archive_banner_is_page_chrome():
    text = ("Cette page a été archivée le 12 janvier 2024. Son contenu peut ne plus être à jour.\n\n"
            "Romorantin-Lanthenay, le 30 novembre 2023\n\nSologne Val de Cher labellisé Territoire d'industrie\n\nTexte.\n")
    info = extract_document_info(text)
    assert info["title"] == "Sologne Val de Cher labellisé Territoire d'industrie"
    assert info["published_on"] == datetime.date(2023, 11, 30)


def test_a_newsletters_subscription_notice_is_page_chrome():
    """probes46_prose 15: once its dateline "diffusée le …" is read, the line below it, the
    newsletter's subscription notice, is no headline."""
    text = ("*Lettre des industriels de la Loire — diffusée le 3 octobre 2024*\n\n"
            "> Vous recevez cette lettre car vous êtes adhérent. [Se désabonner](#)\n\n"
            "Le Forez relance son contrat de territoire d'industrie\n\nTexte.\n")
    info = extract_document_info(text)
    assert info["title"] == "Le Forez relance son contrat de territoire d'industrie"
    assert info["published_on"] == datetime.date(2024, 10, 3)


def test_a_comments_sections_head_and_notice_are_page_chrome():
    from pipeline.extract.document_info import is_chrome_line
    for line in ("Commentaires (3)", "Commentaires : 12", "12 commentaires", "Commentaire",
                 "Vous devez être abonné pour commenter.", "Connectez-vous pour réagir"):
        assert is_chrome_line(line), line
    for line in ("Commentaires des élus sur la labellisation", "Trois communes ont commenté la décision."):
        assert not is_chrome_line(line), line


def test_the_genre_before_a_headline_is_not_part_of_the_title():
    info = extract_document_info("COMMUNIQUÉ DE PRESSE – Territoires d'industrie dans la Somme\n"
                                 "Amiens, le 6 juillet 2023\n\nLe préfet a réuni les territoires.")
    assert info["title"] == "Territoires d'industrie dans la Somme"
    # a genre alone on its line is preamble; a short rest is no headline of its own
    assert extract_document_info("Dossier de presse : Visite\n\nTexte.")["title"] != "Visite"


def test_a_site_section_after_the_issuer_is_no_part_of_it():
    info = extract_document_info("Région Occitanie – Actualités\nToulouse, le 12 mars 2024\n\nLe territoire a signé.")
    assert info["issuer"] == "Région Occitanie"


def test_a_headline_ends_at_the_intro_of_the_list_below_it():
    text = ("Trois territoires ont été retenus en Loire-Atlantique :\n"
            "Saint-Nazaire Loire Estuaire\nAncenis-Châteaubriant\n\nLe préfet s'en félicite.")
    assert extract_document_info(text)["title"] == "Trois territoires ont été retenus en Loire-Atlantique :"

def test_chrome_of_whole_pages_never_makes_the_title():
    """probes16a: a breadcrumb "Vous êtes ici", a byline "Par X", a PDF letterhead's issuers in
    columns, a ministry's name and a communiqué's number above the headline, a headline in
    capitals with its paragraph under it and no blank line."""
    cases = {
        "Vous êtes ici : Accueil / Presse / Communiqués\nTerritoires d’industrie : cinq territoires engagés\n"
        "Publié le 6 juillet 2023\n": "Territoires d’industrie : cinq territoires engagés",
        "Mayenne. Industrie : le Cœur de Maine décroche son label\nPar Thomas LEROUX\nPublié le 14/11/2023\n":
            "Mayenne. Industrie : le Cœur de Maine décroche son label",
        "RÉGION PAYS DE LA LOIRE          PRÉFET DE LA RÉGION PAYS DE LA LOIRE\nDOSSIER DE PRESSE\n"
        "Territoires d'industrie en Pays de la Loire\nNantes, le 30 novembre 2023\n":
            "Territoires d'industrie en Pays de la Loire",
        "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique\n"
        "Communiqué de presse\nParis, le 16 novembre 2023\nN° 1432\n"
        "Territoires d'industrie : une deuxième phase pour 183 territoires\n":
            "Territoires d'industrie : une deuxième phase pour 183 territoires",
        "23.11.2023\nTERRITOIRES D'INDUSTRIE : QUATRE TERRITOIRES LABELLISÉS\nLe Président de la Région salue "
        "la labellisation de quatre territoires :\n• « Hautes-Alpes » ;\n":
            "TERRITOIRES D'INDUSTRIE : QUATRE TERRITOIRES LABELLISÉS",
    }
    for text, title in cases.items():
        assert extract_document_info(text)["title"] == title, text

def test_a_page_saved_on_one_line_is_not_chrome_as_a_whole():
    from pipeline.extract.document_info import chrome_spans
    page = ("Aller au contenu Accueil > Actualités > Territoires d'industrie " + "Le territoire avance. " * 30
            + "Partager sur Facebook")
    assert chrome_spans(page) == []
    assert chrome_spans("Aller au contenu Aller au menu\n\nLe texte.") == [(0, 30)]


@pytest.mark.parametrize("byline, published_on", [
    ("Par N. D. Le 11 octobre 2019 à 19h12", "2019-10-11"),  # an author's initials, then the date
    ("Publié: 26 juillet 2023, 8h00", "2023-07-26"),  # a colon right after the word
    ("Revue Pouvoirs & Territoires, n° 87, 9 décembre 2019", "2019-12-09"),  # a periodical's issue
])
def test_bylines_of_the_press_give_the_publication_date(byline, published_on):
    text = f"Industrie : le Grand Compiégnois labellisé\n{byline}\n\nLe Grand Compiégnois rejoint le programme."
    assert str(extract_document_info(text)["published_on"]) == published_on


def test_a_dateline_mid_line_on_a_page_saved_on_one_line():
    text = ("Accueil > Actualités > Territoires d'industrie Communiqué de presse – Épinal, le 17 novembre 2023. "
            "Territoires d'industrie : trois territoires vosgiens labellisés. Le ministre a annoncé les lauréats.")
    info = extract_document_info(text)
    assert (str(info["published_on"]), info["place"]) == ("2023-11-17", "Épinal")


@pytest.mark.parametrize("top, published_on", [
    ("COMMISSION PERMANENTE DU 12 AVRIL 2024", "2024-04-12"),
    ("COMMISSION PERMANENTE RÉGIONALE DU 16 DÉCEMBRE 2019", "2019-12-16"),
    ("Commission permanente départementale du 8 juillet 2019", "2019-07-08"),
    ("Conseil régional d'Occitanie — Commission permanente du 24 novembre 2023", "2023-11-24"),
    ("Séance plénière du 4 juin 2019", "2019-06-04"),
    ("Conseil communautaire du 27 juin 2019 – Délibération n° 2019-112", "2019-06-27"),
])
def test_the_sitting_that_adopted_a_deliberation_dates_it(top, published_on):
    text = (f"{top}\n\nObjet : Territoires d'industrie – approbation du protocole\n\n"
            "L'assemblée approuve le protocole du Territoire d'industrie du Choletais.")
    assert str(extract_document_info(text)["published_on"]) == published_on


def test_a_sitting_told_of_in_a_sentence_dates_nothing():
    text = ("Territoires d'industrie : la Région s'engage\n\nLors de la séance plénière du 4 juin 2019, les "
            "élus régionaux ont voté à une large majorité le soutien de la Région aux protocoles des "
            "territoires d'industrie de la région.")
    assert extract_document_info(text)["published_on"] is None


@pytest.mark.parametrize("top", [
    # a Markdown export's front matter, as the reader leaves it (its "---" lines dropped) and whole
    '\ntitle: "Territoires d\'industrie : 15 lauréats en Occitanie"\ndate: 2023-11-10\nslug: ti-occitanie\n\n',
    '---\ntitle: "Territoires d\'industrie : 15 lauréats en Occitanie"\ndate: 2023-11-10\n---\n\n',
    # an RSS item saved as text
    "<item>\n  <title>Territoires d'industrie : 15 lauréats en Occitanie</title>\n"
    "  <link>https://example.org/ti</link>\n  <pubDate>Fri, 10 Nov 2023 07:45:00 +0100</pubDate>\n",
])
def test_a_machine_title_field_is_the_title_without_its_key_or_tags(top):
    info = extract_document_info(top + "La Région annonce les lauréats du programme. Ils sont quinze.\n")
    assert info["title"] == "Territoires d'industrie : 15 lauréats en Occitanie"
    assert info["published_on"] == datetime.date(2023, 11, 10)


def test_a_speech_is_dated_by_its_page_not_by_its_delivery():
    text = ("Discours du préfet – comité de pilotage du Territoire d'industrie du Pays de Châlons\n"
            "Châlons-en-Champagne, le 20 mai 2025\n\nPublié le 22/05/2025\n\nSeul le prononcé fait foi.\n\n"
            "Mesdames et messieurs les élus,")
    assert str(extract_document_info(text)["published_on"]) == "2025-05-22"


def test_a_communique_keeps_its_dateline_before_a_publication_byline():
    text = ("Territoires d'industrie : le Pays de Châlons installe son comité\n"
            "Châlons-en-Champagne, le 20 mai 2025\n\nPublié le 22/05/2025\n\nLe préfet a installé le comité.")
    assert str(extract_document_info(text)["published_on"]) == "2025-05-20"


@pytest.mark.parametrize("text, year", [
    ("CCI DU CHER — LA LETTRE DES ENTREPRISES\nN° 27 — Été 2019\n\nLe territoire …", 2019),
    ("Le journal de la communauté | février 2020 | n° 35\n\nÉdito", 2020),
    # a range of years, a month in a sentence, two datelines: no year told
    ("Le magazine — N° 14 | Hiver 2024-2025\n\nÉdito", None),
    ("Retour sur novembre 2018 et le lancement du programme\n\nLe territoire …", None),
    ("Lettre — mai 2019 — mai 2020\n\nBilan", None),
    ("Mis à jour : mars 2024\n\nLe territoire …", None),
], ids=["season", "month between bars", "range", "in a sentence", "two years", "update label"])


def test_a_season_or_a_month_dateline_tells_the_year_an_undated_text_was_written(text, year):
    """g85epci: the year links a name two EPCIs bore in turn to the one of its time (the
    published date stays null: the gold dates no season)."""
    assert written_year(text) == year
    assert extract_document_info(text)["published_on"] is None
