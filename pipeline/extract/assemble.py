"""From one document's text and spaCy doc to the rows of the contract's tables.

Extractors find mentions; this module decides what a row is: one territory per document
(mentions of the same territory merged under its territory_id), its phase and régions, each
member EPCI attached to its territory (pipeline/extract/membership.py); a territory's
départements and régions include those of its linked members.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc

from pipeline import referential
from pipeline.extract.document_info import (CRAWL_PREFIX, chrome_spans, crawled_by, day_a_weekday_dates, extract_document_info,
                                            update_stamp, written_year)
from pipeline.extract.figure_context import about_another_programme, masked_spans, states_programme_figures
from pipeline.extract.figure_scope import departements_of_epci_demonyms
from pipeline.extract.figures import extract_figures, refine_sentences
from pipeline.extract.first_letters import may_match, required_texts, with_first_letters
from pipeline.extract.members import HYPHEN, TOWN_CHAIN, EpciMention, find_epcis
from pipeline.extract.membership import (NAMES_THE_PROGRAMME, attach, brands_in_full, composed_territories, legal_form_territories,
                                           compass_territories, member_named_as_territory, new_run_territories, other_territories,
                                           member_line_candidates, paired_territories, member_line_territories, run_territories,
                                           member_subject_territories, officials_bodies,
                                           same_epci_territories, renamed_successors, territories_kept, type_words_dropped)
from pipeline.extract.places import (PlaceMention, find_places, former_region_departements_in, former_regions_in,
                                     former_regions_reader, places_starting_in)
from pipeline.extract.stated_counts import stated_counts
from pipeline.extract.structure import count_value, COUNT_WORDS, SpanReach, Structure, parse
from pipeline.extract.territories import (COUNTED_DEPARTEMENTS, TerritoryMention, compass_and_demonym_codes,
                                          find_territories, headline_name_of_a_description,
                                          whole_departement_territories)
from pipeline.extract.territories.common import (PREFIX, SINGULAR_PREFIX, BULLET, LEGAL_FORM, PREPOSITION, WORDS as TERRITORY_WORDS,
                                                 coded_departement_headings, departements_bracket,
                                                 heading_place, named_by_its_departements, sentence_before, sentence_bounds,
                                                 territories_demonym)
from pipeline.extract.territories.carrier_named import carrier_named
from pipeline.extract.territories.fronted_place import fronted_place
from pipeline.extract.territories.passing import RULE as PASSING_RULE
from pipeline.extract.territories.predicates import PREDECESSOR_RULE
from pipeline.linking import DocumentLinker, departements_of_epcis_in, named_after
from pipeline.nlp import entity_spans, sentence_spans
from pipeline.normalize import fold, name_key

FIRST_PHASE, SECOND_PHASE = "2019-2022", "2023-2027"
# not the year in a plan's name: "France 2030", launched in 2021, tells no phase
YEAR = with_first_letters(re.compile(r"(?<![\d/.-])(?<!France\s)(?<!FRANCE\s)(20[1-3]\d)(?![\d/])"))
# "X fait partie des 149 territoires d'industrie qui ont bénéficié …", "parmi les 183 territoires":
# a territory said to be one of a phase's national count is of that phase
ONE_OF = r"(?:\bf(?:ai(?:t|sai(?:t|en)t)|ont)\s+partie\s+des|\bparmi\s+les|\bl['’]une?\s+des)\s+"
# "Des territoires pionniers comme A ou B nous ont montré la voie": those of the first phase; so is
# "la première vague" (every text of our collections writing it means the first phase, as "seconde
# vague" the second: SECOND_PHASE_WORDS)
# as is a span of the first phase's years ("De 2019 à 2023, le programme avait fédéré, sous la
# bannière « Haut-Doubs Horloger », …", "Le premier volet (2018-2023)"), whose end the second's
# start may overlap
PHASE_MARKERS = [(re.compile(r"2019\s*[-–/]\s*2022|premi[èe]re\s+(?:phase|vague)|temps\s+I\b|\bphase\s+(?:1|I)\b(?![\d,.])"
                             r"|(?<![\d/.-])201[89]\s*[-–]\s*202[23](?![\d/])|\b[Dd]e\s+201[89]\s+[àa]\s+202[23]\b"
                             r"|\bterritoires?\s+pionniers?\b"
                             + r"|" + ONE_OF + r"(?:124|136|141|144|146|148|149)\s+(?:«\s*)?(?:territoires|bassins)\b", re.I),
                  FIRST_PHASE),
                 (re.compile(r"2023\s*[-–/]\s*2027|nouvelle\s+phase|seconde\s+phase|deuxi[èe]me\s+phase"
                             r"|temps\s+II\b" + r"|" + ONE_OF + r"183\s+(?:«\s*)?(?:territoires|bassins|laur[ée]ats)\b", re.I),
                  SECOND_PHASE)]


# A paragraph opening with a bold head and a dash or colon ("**Occitanie** – …"): the place it heads
BOLD_HEAD = re.compile(r"[ \t]*\*\*([^*\n]{2,60})\*\*[ \t]*[–—:-]")


# A sentence moving a list's lead to the present, after a past it recalls: "La nouvelle carte en
# compte cinq", "Désormais, ils sont six", "Aujourd'hui, le département en compte trois".
NOW_MARKER = re.compile(r"\b(?:d[ée]sormais|dor[ée]navant|aujourd['’]\s*hui"
                        r"|(?:la|une)\s+nouvelle\s+(?:carte|liste|s[ée]lection))\b", re.I)


# The second phase by its name, as undated pages write it ("labellisé pour la deuxième phase",
# "la seconde vague de sélection", "Territoires d'industrie phase 2", "« Territoires d'industrie 2 »",
# "un second appel à candidatures a été lancé"; the Fonds vert's call "Territoires d'industrie en
# transition écologique", opened in 2024 to the second phase's territories);
# not "nouvelle phase", which a first-phase text also writes (contracts signed, "une nouvelle phase
# s'ouvre").
SECOND_PHASE_WORDS = re.compile(r"\b(?:deuxi[èe]me|seconde?)\s+(?:phase|vague|[ée]dition|g[ée]n[ée]ration|appel\s+[àa]\s+candidatures?)\b"
                                r"|\bphase\s+(?:2|II)\b(?![\d,.])"
                                r"|\b" + PREFIX + r"\s+(?:2|II)(?=\s*(?:[»\".,;:)!?]|$))"
                                r"|\b" + PREFIX + r"\s+en\s+transition\s+[ée]cologique\b",
                                re.IGNORECASE)
# "Zoom sur quelques nouveaux venus du programme", "Le premier est un nouvel entrant", "Première
# labellisation — X", "territoires labellisés pour la première fois": the programme's newcomers,
# which only the second phase had (every text of our collections naming them is second-phase:
# about 65; none first-phase); read, as the second phase named, where the text gives no year
NEW_ENTRANTS = re.compile(r"\bnouv(?:el|eaux)\s+(?:entrants?|venus?)\b|\bnouvelles?\s+entrantes?\b"
                          r"|\bpremi[èe]re\s+labellisation\b"
                          r"|\b(?:labellis|retenu|s[ée]lectionn|d[ée]sign)[ée]?e?s?\s+pour\s+la\s+premi[èe]re\s+fois\b",
                          re.IGNORECASE)
# "l'acte II du dispositif « Territoires d'industrie »", "la saison 2 de Territoire d'industrie", "Le
# « Temps II » du programme", "Alors que s'amorce la Phase 2 du programme": the programme's second
# act by its name, which the years of a text recalling the first ("Le premier volet (2018-2023) …",
# "la réhabilitation, en 2018, des friches …") do not outweigh.
SECOND_ACT = re.compile(r"\b(?:acte|saison|temps|phase)\s+(?:2|II|deux)\s*[»\"”]?\s+(?:du|de\s+l['’]|de)\s*"
                        # not another programme's act ("l'acte 2 du programme Action cœur de ville")
                        r"(?:(?:programme|dispositif|label|initiative)\b(?!\s*[«\"“]?\s*(?-i:[A-ZÀ-Ý])(?!erritoire))"
                        r"|[«\"“]?\s*" + PREFIX + r")",
                        re.IGNORECASE)
# "les 124 identifiés", "des 141 retenus": the count with its participle, the noun left out; in
# English, "among 148 industrial territories"
NATIONAL_COUNTS = [(re.compile(r"(?<![\d\s])\s*\b(?:124|136|141|144|146|148)\s+(?:premiers\s+)?(?:(?:«\s*)?territoires"
                               r"|industr(?:ial|y)\s+territories"
                               r"|(?:identifi|retenu|labellis|s[ée]lectionn|d[ée]sign)[ée]?s\b)", re.I), FIRST_PHASE),
                   # the first phase's national envelope, "1,3 milliard d'euros" (1,36): every text of
                   # our collections stating it is first-phase
                   (re.compile(r"(?<![\d,.])1[,.]36?\s*(?:milliards?|mds?)\b", re.I), FIRST_PHASE),
                   # … and as the press rounded it, "plus d'un milliard d'euros ayant été fléché par
                   # l'État", "un programme national de plus d'un milliard d'euros de financement" (the
                   # State's money the rest of its sentence speaks of, not a plant's investment)
                   (re.compile(r"\bplus\s+d['’]\s*un\s+milliard\s+d['’]\s*euros\b(?=[^.;!?\n]{0,60}?"
                               r"(?:financ|fl[ée]ch|\b(?:par\s+)?l['’]\s*[ÉEée]tat\b|\bprogramme\b|\bdispositif\b))", re.I),
                    FIRST_PHASE),
                   (re.compile(r"\b183\s+(?:nouveaux\s+)?(?:(?:«\s*)?territoires|industr(?:ial|y)\s+territories)", re.I), SECOND_PHASE)]


@dataclass
class Extraction:
    info: dict
    territories: list[dict] = field(default_factory=list)
    epcis: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    stated_counts: list[dict] = field(default_factory=list)

# A territory of the first phase renewed for the second is in the second ("X, qui avait fait de la
# première phase une vitrine, rempile"); "n'a pas été reconduit", "non renouvelé" say the opposite.
NOT_DENIED = r"(?<!\bpas\s)(?<!\bpas\s\s)(?<!\bpas\s[ée]t[ée]\s)(?<!\bencore\s[ée]t[ée]\s)(?<!\bnon\s)(?<!\bnon-)"
# "X poursuit l'aventure", "poursuivent leur engagement jusqu'en 2027", "X reste « Territoire
# d'industrie »", "demeure dans le dispositif", "garde son label": a territory going on with the
# programme holds its renewed label (every text of our collections writing so is second-phase:
# about 150; none first-phase), as a renewal does
CONTINUED = (r"\bpoursui\w+\s+(?:l['’]\s*aventure|(?:son|leur)\s+engagement\s+(?:dans|jusqu))"
             r"|\brest(?:e|ent)\s+(?:«\s*)?territoires?\s+d['’]\s*industrie"
             r"|\b(?:rest|demeur)(?:e|ent)\s+dans\s+le\s+(?:dispositif|programme)"
             r"|\b(?:gard|conserv)(?:e|ent)\s+(?:son|leur|le)\s+label")
# "X poursuit la dynamique engagée avec l'école de production …, nées lors de la première phase":
# going on with its approach, which a first-phase text may also write ("poursuivent leur démarche
# commune en faveur de l'industrie"): weaker, it only outweighs a first phase its sentence recalls
RENEWED = with_first_letters(re.compile(NOT_DENIED + r"(?:\b(?:reconduit|renouvel|prolong|rempil)\w*|" + CONTINUED
                                        + r"|\bpoursui\w+\s+(?:la|sa|leur)\s+(?:d[ée]marche|dynamique))", re.IGNORECASE))
# "il est aussi renouvelé pour le Terrassonnais-Brive", "X a été reconduit": a territory's label
# renewed is the second phase's when its sentence states no year (not "non reconduit", nor
# "énergies renouvelables", nor an envelope "renouvelée annuellement"); so is its renewal named
# ("Parmi les renouvellements, on trouve X", "X (57) – renouvellement ;"), not an urban one, nor a
# convention's ("renouvellement de la convention d'animation du Territoire d'industrie X")
RENEWED_LABEL = with_first_letters(re.compile(
    NOT_DENIED + r"\b(?:(?:renouvel[ée]|reconduit)e?s?\b(?!\s+(?:annuellement|chaque|tous\s+les))"
    # "Alès Agglomération … rempile": signs on again
    r"|rempil(?:e|ent|[ée]e?s?)\b"
    r"|" + CONTINUED +
    # not another thing's renewal ("renouvellement de la convention d'animation")
    r"|(?:renouvellement|reconduction)s?\b(?!\s+urbain)"
    r"(?!\s+(?:de\s+la|du|de\s+l['’]|des)\s*(?!label|territoire|programme|dispositif|candidature)\w))", re.IGNORECASE))
# "Le Pays Foyen, qui en faisait partie, n'a pas présenté de nouvelle candidature", "X n'a pas été
# reconduit", "non renouvelé": a territory that did not go on held the first phase's label only.
NOT_CONTINUED = re.compile(r"\bn['’]\s*(?:a|ont|avait|avaient)\s+pas\s+(?:[ée]t[ée]\s+(?:reconduit|renouvel[ée])"
                           r"|(?:re)?(?:pr[ée]sent[ée]|d[ée]pos[ée])\s+(?:de\s+)?nouvelle\s+candidature)"
                           r"|\bne\s+(?:fait|font|figure|figurent)\s+plus\s+(?:partie|dans|parmi)\b"
                           r"|\bnon\s+(?:reconduit|renouvel[ée])", re.IGNORECASE)
# "Voilà comment est défini le nouveau territoire d'industrie Cœur de Maine", "ce nouveau Territoire
# d'Industrie « Aa – Dunkerque – Flandre »": one territory called new is of the second phase in
# every text of our collections (the first phase's later waves are counted, "trois nouveaux
# Territoires d'industrie complètent la liste des 141", never called so one by one); a weaker
# word than a renewal, it speaks only when neither the sentence nor the document does
NEW_TERRITORY = re.compile(r"\bnouveau\s+(?:«\s*)?" + SINGULAR_PREFIX + r"\b", re.IGNORECASE)
# "CONTRAT DU TERRITOIRE D'INDUSTRIE …": the first phase's deliverable (the second phase's is a
# plan d'actions); every dated text calling it so in our collections is first-phase.
# So is its "PROTOCOLE D'ENGAGEMENT TERRITOIRE D'INDUSTRIE …" or "PROTOCOLE D'ACCORD …", signed
# before the contract (every text of our collections naming a protocole d'accord is first-phase).
FIRST_PHASE_CONTRACT = re.compile(r"\b(?:contrats?|protocoles?\s+d['’]\s*(?:engagement|accord))\s+(?:du\s+|de\s+)?" + PREFIX,
                                  re.IGNORECASE)
# "Lacq-Pau-Tarbes est un contrat pionnier", "nommé territoire pilote parmi les 13 premiers", "quatre
# sites pilotes en Auvergne-Rhône-Alpes": the first phase's pilots of 2019, which signed the first
# contracts (every dated text of our collections calling a territory, a site or a contract so is
# first-phase, but one dated 2024 titled "Les territoires pilotes de l'Aube": a year outweighs it)
FIRST_PHASE_PILOT = re.compile(r"\b(?:territoires?|sites?|contrats?|initiatives?)\s+(?:d['’]\s*industrie\s+)?"
                               r"(?:pilotes?|pionniers?)\b", re.IGNORECASE)
# The programme's two national announcements, written without their year: the first phase's list
# "annoncée le 22 novembre" (Conseil national de l'industrie, 22 November 2018), the second's "dévoilée
# le 9 novembre à Chalon-sur-Saône" (9 November 2023; "le label reçu le 9 novembre dernier"); every
# text of our collections dating a label, a list or the programme so is of that phase. Not a day
# still to come ("fêtera, le 22 novembre prochain, ses trois ans"), nor another event's ("un
# webinaire aura lieu le 9 novembre"): the date follows a word of the announcement or of a label.
ANNOUNCED = (r"\b(?:(?:annon[cç]|d[ée]voil|labellis|d[ée]sign|reconduit|renouvel)\w*|(?:pr[ée]sent|lanc|relanc|publi)[ée]e?s?"
             r"|entr[ée]e?s?(?<!entre)|r[ée]unie?s?|retenue?s?|re[çc]ue?s?|rejoint)\b")
ANNOUNCEMENT_DAYS = [(re.compile(ANNOUNCED + r"[^.;:!?\n]{0,80}?\ble\s+" + day + r"\s+novembre\b(?!\s+(?:prochain|20\d\d))"
                                 r"|\b[Ll]e\s+" + day + r"\s+novembre\b(?!\s+(?:prochain|20\d\d))[^.;:!?\n]{0,80}?" + ANNOUNCED,
                                 re.IGNORECASE), phase)
                     for day, phase in (("22", FIRST_PHASE), ("9", SECOND_PHASE))]
# "quatre axes : attirer, innover, recruter et simplifier", "(recrutement, attractivité, innovation,
# simplification)": the first phase's four needs, which the second phase replaced (transition
# écologique, innovation, compétences, foncier); simplifying and attracting named together in one
# enumeration with a third need; every undated text of our collections naming them is first-phase
NEED = r"(?:attir(?:er|ance)|attractivit[ée]|recrut(?:er|ement)|innov(?:er|ation)|simplifi(?:er|cation)|installer)"
NEEDS_LISTED = re.compile(r"\b" + NEED + r"(?:[^.;:!?\n()]{0,30}?(?:,|\bet\b|\bou\b)\s*(?:(?:l['’]|la|le|les|de|d['’]|des)\s*)?"
                          + NEED + r"){2,}", re.IGNORECASE)


SIMPLIFYING, ATTRACTING = re.compile(r"simplifi", re.I), re.compile(r"attir|attractivit", re.I)


def _names_first_phase_needs(text: str) -> bool:
    """The first phase's needs enumerated: three or more, simplifying and attracting among them."""
    return any(SIMPLIFYING.search(m.group(0)) and ATTRACTING.search(m.group(0)) for m in NEEDS_LISTED.finditer(text))


# "Lancé par le gouvernement en 2018, le programme …", "l'initiative créée en 2018": the
# programme's launch, which texts of both phases recall, tells no phase.
LAUNCH = r"\b(?:lanc|cr[ée]{2}|initi)[ée]?e?s?\s+(?:par\s+[^,.;:\n]{1,50}?\s+)?en\s+2018\b"
PROGRAMME_NOUN = r"\b(?:programme|initiative|dispositif)\b"
PROGRAMME_LAUNCHED = re.compile(PROGRAMME_NOUN + r"[^,.;:\n]{0,40}?" + LAUNCH  # "l'initiative créée par le gouvernement en 2018"
                                # "Lancé … en 2018, le programme", "Lancé en 2018 par Emmanuel Macron, le programme"
                                + r"|" + LAUNCH + r"(?:\s+par\s+[^,.;:\n]{1,50}?)?(?=\s*,\s*(?:le|l['’])\s*" + PROGRAMME_NOUN + r")"
                                # "labellisé depuis le lancement du programme, en 2018"
                                + r"|\b(?:lancement|cr[ée]ation|d[ée]but)\s+(?:du|de\s+l['’])\s*" + PROGRAMME_NOUN
                                + r"\s*,?\s*(?:en|d[èe]s)\s+2018\b",
                                re.IGNORECASE)
# "Chartres métropole est entrée dans le programme national, ce programme lancé en novembre 2018
# …": in a territory's own sentence, the launch with its month is the programme's date, not the
# territory's. (A page whose only date is "le programme a été lancé en novembre 2018" was written
# in the first phase: the document's phase keeps that year.)
PROGRAMME_LAUNCHED_IN_A_MONTH = re.compile(PROGRAMME_NOUN + r"[^,.;:\n]{0,40}?\b(?:lanc|cr[ée]{2}|initi)[ée]?e?s?\s+"
                                           r"en\s+(?:septembre|octobre|novembre|d[ée]cembre)\s+2018\b", re.IGNORECASE)


# "Le 17 et 18 janvier 2023, le territoire a accueilli …", "paru en mai 2023": a date of 2023
# before any second-phase territory was named (the régions announced theirs from June) falls
# between the phases and tells none; the text's other years do.
BETWEEN_PHASES_DATE = re.compile(r"\b(?:janvier|f[ée]vrier|mars|avril|mai)\s+(2023)\b",
                                 re.IGNORECASE)


def _between_phases_blanked(text: str) -> str:
    """`text` with the year of its dates between the two phases blanked (offsets kept)."""
    return BETWEEN_PHASES_DATE.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + "    ", text)


CRAWL_PREFIX_LINES = re.compile(CRAWL_PREFIX.pattern, re.MULTILINE)  # a prefix opening any line
if not CRAWL_PREFIX.pattern.startswith(r"^\s*"):
    raise ValueError("page_chrome.json: crawl_prefix must open with '^\\s*' (_crawl_prefixes_blanked)")
# its end is the first line start of a run of blanks, where a prefix opening with blanks may begin
LINE_AFTER_A_WORD = re.compile(r"\S[^\S\n]*\n")


def _crawl_prefixes_blanked(text: str) -> str:
    """`text` with its crawl prefixes blanked (offsets kept): one glued to the first sentence
    (" date 2023-09 Le Grand Chalon fait désormais partie …") dates the crawl, not the facts of
    the sentence, and no territory's phase is read from it. The prefix opens with blanks: it is
    tried where `sub` finds it, at the first line start of each run of blanks and where the
    prefix before ends; tried at each line start, a run of n line breaks was read n times
    (20,000 "\\n \\n": 4 s)."""
    pieces, end = [], 0
    for start in [0] + [line.end() for line in LINE_AFTER_A_WORD.finditer(text)]:
        while start >= end and (prefix := CRAWL_PREFIX_LINES.match(text, start)):
            pieces += [text[end:start], re.sub(r"[^\n]", " ", prefix.group(0))]
            start = end = prefix.end()
    return "".join(pieces) + text[end:]


# "Vu la délibération du 25 juin 2019 approuvant le protocole « Territoire d'industrie X » ;": an
# act's recital, citing an earlier act, one a line
RECITAL_LINE = re.compile(r"^[ \t*_•·–-]*(?:Vu|VU)\s[^\n]*", re.MULTILINE)
RECITAL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _recital_years_blanked(text: str) -> str:
    """`text` with the years of its "Vu …" recitals blanked (offsets kept): they date the earlier
    acts the recital cites (a 2019 protocol in a 2024 deliberation), not the phase of a territory
    the recital names, which is the act's own."""
    return RECITAL_LINE.sub(lambda m: RECITAL_YEAR.sub("    ", m.group(0)), text)


def document_phase(text: str) -> str | None:
    """The phase a communiqué speaks of: from the latest programme year it mentions, page chrome
    left out (a 2019 communiqué saved under a 2023 crawl banner is first phase).

    First-phase communiqués (2018-2022) never mention a later year; second-phase ones do. Without
    a year, the second phase named tells (SECOND_PHASE_WORDS: no first-phase text speaks of it;
    nor of newcomers, NEW_ENTRANTS, nor of a label renewed or kept, RENEWED_LABEL: the two
    first-phase texts of our collections renewing a convention give their year),
    then a national count of territories: 124 to 148 were first-phase counts (so was the
    envelope of 1,3 milliard d'euros), 183 the second
    phase's; else the day of a national announcement ("dévoilée le 9 novembre", "annoncée le 22
    novembre": ANNOUNCEMENT_DAYS); else a "contrat de territoire d'industrie", or the first phase's needs enumerated
    ("attirer, recruter, innover et simplifier"), or a pilot ("territoire pilote", "contrat
    pionnier"), is first-phase. A day written with its day of the
    week and no year counts as the one year it fits (document_info.day_a_weekday_dates).
    "Première phase" alone
    tells nothing: second-phase texts recall it; nor does a label held since 2018 ("labellisé
    depuis 2018"), which says nothing of when the text was written.
    """
    body = list(text)
    for start, end in chrome_spans(text):
        body[start:end] = " " * (end - start)
    body_text = PROGRAMME_LAUNCHED.sub(lambda m: " " * len(m.group(0)), _ranges_joined("".join(body)))
    body_text = _first_phase_labels_held_blanked(body_text)
    years = [int(y) for y in YEAR.findall(_between_phases_blanked(body_text)) if 2018 <= int(y) <= 2035]
    # "Jeudi 9 novembre dernier, X est entrée dans le programme": the one year that day fits
    weekday_dated = day_a_weekday_dates(body_text)
    years += [weekday_dated.year] if weekday_dated else []
    if SECOND_ACT.search(body_text):
        return SECOND_PHASE
    # the launch year alone ("Aux 149 périmètres sélectionnés en 2018, … cette deuxième phase")
    # does not outweigh the second phase named
    if years and not (max(years) == 2018 and SECOND_PHASE_WORDS.search(body_text)):
        return SECOND_PHASE if max(years) >= 2023 else FIRST_PHASE
    if SECOND_PHASE_WORDS.search(body_text) or NEW_ENTRANTS.search(body_text) or RENEWED_LABEL.search(body_text):
        return SECOND_PHASE
    counts = {phase for pattern, phase in NATIONAL_COUNTS if pattern.search(body_text)}
    if len(counts) == 1:
        return counts.pop()
    if counts:
        return None
    announced = {phase for pattern, phase in ANNOUNCEMENT_DAYS if pattern.search(body_text)}
    if len(announced) == 1:
        return announced.pop()
    return FIRST_PHASE if (FIRST_PHASE_CONTRACT.search(body_text) or FIRST_PHASE_PILOT.search(body_text)
                           or _names_first_phase_needs(body_text)) else None


def _without_links_to_other_articles(text: str) -> str:
    """`text` with its links to other articles and paywall markers blanked, line breaks kept."""
    spans = masked_spans(fold(text))
    if not spans:
        return text
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(blanked)


# The second phase's territories were announced in November 2023; the first phase ran to 2022.
SECOND_PHASE_ANNOUNCED = datetime.date(2023, 11, 1)


def _phase_of_the_date(published_on: datetime.date | None) -> str | None:
    """The phase of a text whose body names no year, from its own date (a local daily's "C'est
    officiel depuis mercredi" under "Publié le 22/11/2023"): none between the two phases."""
    if published_on is None:
        return None
    if published_on.year <= 2022:
        return FIRST_PHASE
    return SECOND_PHASE if published_on >= SECOND_PHASE_ANNOUNCED else None


def _date_of_the_update_stamp(text: str) -> datetime.date | None:
    """A page dated by nothing but its update stamp ("Mis à jour le 17/01/2024", préfecture sites)
    takes the stamp as its date (tests/gold/README.md) unless the text is evidently older: the stamp
    stands when the body tells of a day in the week before it or of its year or the one before, or
    names no year up to the stamp's (none, or only later ones: "d'ici l'été 2019" under a stamp of
    December 2018) and states no phase but the stamp's. A 2018 communiqué on a page touched in
    2024, or a page on the 124 first territories stamped "Mis à jour le 02/01/2023", stays undated.
    The one place a stamp dates a page; its line stays chrome (document_info.chrome_spans)."""
    stamp = update_stamp(text)
    if stamp is None:
        return None
    if stamp.of_its_time or not stamp.names_a_year_by_then and document_phase(text) in (None, _phase_of_the_date(stamp.date)):
        return stamp.date
    return None


def _dated_before_the_second(phase: str | None, published_on: datetime.date | None) -> str | None:
    """The first phase for a text published by 2022 whose later years made it second: they are
    the future ("Une deuxième phase, pour la période 2023-2027, sera proposée" in a first phase's
    review of September 2022); no territory held a second-phase label before 2023."""
    if phase == SECOND_PHASE and published_on is not None and published_on.year <= 2022:
        return FIRST_PHASE
    return phase


def _phase_of_a_renewal_title(title: str | None) -> str | None:
    """The second phase for a text without year whose headline names the programme and a renewal
    ("Territoires d'industrie : la Charente et la Vienne renouvelées"): the label was renewed once,
    for 2023-2027; not a renewal denied ("non reconduit")."""
    if not title or NOT_CONTINUED.search(title) or not NAMES_THE_PROGRAMME.search(fold(title)):
        return None
    return SECOND_PHASE if RENEWED_LABEL.search(title) else None


def _phase_of_the_crawl(written_by: datetime.date | None) -> str | None:
    """The first phase for a page crawled by 2022 (its prefix "date 2020-01"), whose body names
    no year: it was written before the second phase; a later crawl month tells nothing (the page
    may be older)."""
    return FIRST_PHASE if written_by is not None and written_by.year <= 2022 else None


# "© Sources ANCT, 2025; BD TOPO IGN, 2024 … Réalisation : Cartographie PADT ANCT 02/2025": the credit of
# a map or a figure made for the article (chrome, not the communiqué), whose date the article cannot
# precede; not a site's footer ("© 2025 Banque des Territoires"), which is the crawl's
DATA_CREDIT = re.compile(r"^[ \t]*©[^\n]*\b(?:[Ss]ources?|R[ée]alisation)\b[^\n]*", re.MULTILINE)


def _phase_of_a_credit(text: str) -> str | None:
    """The second phase for a text whose data credit is dated 2024 or later (written then or after);
    an older credit tells nothing (an article may reuse an older map)."""
    years = [int(y) for credit in DATA_CREDIT.findall(text) for y in re.findall(r"(?<!\d)(20[1-3]\d)(?!\d)", credit)]
    return SECOND_PHASE if years and max(years) >= 2024 else None


# "Le Premier ministre a présenté jeudi … la carte des territoires d'industrie", "la liste annoncée par le
# Premier ministre": the first phase's list, which Édouard Philippe announced (the second's was la Première
# ministre's; every text of our collections saying so is first-phase: about 280); not the programme's
# launch ("Lancé par le Premier ministre en 2018"), which texts of both phases recall
PRIME_MINISTER_ANNOUNCED = re.compile(
    r"\ble\s+premier\s+ministre\b(?:\s*,[^,.;:!?\n]{1,40},)?\s+(?:a|avait)\s+(?:\w+\s+)?"
    r"(?:pr[ée]sent|annonc|d[ée]voil|retenu|d[ée]sign|s[ée]lectionn|rendu\s+publi)"
    r"|\b(?:pr[ée]sent|annonc|d[ée]voil|retenu|d[ée]sign|s[ée]lectionn)[ée]e?s?\s+(?:[^.;:!?\n]{0,40}?\s)?par\s+le\s+premier\s+ministre\b",
    re.IGNORECASE)


def _phase_of_the_announcer(text: str) -> str | None:
    """The first phase for a text telling of the list the Premier ministre announced, asked only
    when neither its words nor its dates tell a phase."""
    return FIRST_PHASE if PRIME_MINISTER_ANNOUNCED.search(text) else None


def _spans(mentions: list[TerritoryMention]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.territory_id) for m in mentions]


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The sentence holding a position, by bisection: sentence_spans are in order and apart."""
    index = bisect_right(spans, position, key=lambda span: span[0]) - 1
    if index >= 0 and position < spans[index][1]:
        return spans[index]
    return position, position


# "À l'instar du premier programme, cette nouvelle candidature …", "Comme lors de la première
# phase, …": a comparison up to its comma tells no phase of the territory. Nor does a count of
# the past the list is set against ("Le département, qui en comptait quatre lors de la première
# phase, compte désormais cinq territoires :", "trois territoires, contre deux lors de la première
# phase", "seize lauréats, contre dix territoires labellisés lors de la première vague"): the
# territories named are of the present count.
COMPARISON = with_first_letters(re.compile(r"(?:[àÀa]\s+l['’]instar\s+d|(?<![\w])[Cc]omme\s+(?:lors|pour|dans|durant|pendant|en|au|à)\b"
                                           r"|[Tt]out\s+comme\b|\ben\s+compt(?:ait|aient)\s+(?=\d|[a-z])"
                                           r"|\bcontre\s+(?:\d+|une?|" + "|".join(COUNT_WORDS) + r")\s+"
                                           r"(?:territoires\s+(?:\w+\s+)?)?(?:lors|pour|dans|durant|pendant|en|au|à)\b)[^,.;:\n]{0,80}"))


# "Depuis mars 2019, le Pays Basque est labellisé", "depuis le 22 novembre 2018": a label held since a
# date up to the time of writing tells no phase; the document's does. So does a label "already"
# held ("X, qui avait déjà été retenue en 2018, poursuit …", "X, déjà lauréate en 2018, est confirmée",
# "le premier avait déjà été retenu lors de la première phase": labelled again in the text's phase).
# A "Dès" opening a sentence or a line is read from where its run of blanks starts, once: the
# blanks up to the first place it may open (after "." and a blank, or after a line break) are its
# "lead", kept as they are (a run of 10,000 line breaks was read again from each of them).
# (the look-ahead at what a match opens with: a "D", "d", "n", "p", "c" or the blank before "Dès";
# without it every alternative was tried at every character)
SINCE_YEAR = re.compile(r"(?=[Ddnpc\s])(?:\b[Dd]epuis\s+(?:le\s+|l['’]\s*)?(?:\d{1,2}(?:er)?\s+)?(?:[a-zéû]+\s+)?20[1-3]\d\b"
                        r"|(?:^|(?P<lead>(?<=[.!?])\s|(?<!\s)[^\S\n]*+\n))\s*+D[èe]s\s+(?:le\s+|l['’]\s*)?(?:\d{1,2}(?:er)?\s+)?(?:[a-zéû]+\s+)?20[1-3]\d\s*,"
                        r"|\b[Dd][ée]j[àa]\s+(?:[a-zéû]+\s+){0,3}?(?:en|d[èe]s)\s+(?:\d{1,2}(?:er)?\s+)?(?:[a-zéû]+\s+)?20[1-3]\d\b"
                        r"|\b[Dd][ée]j[àa]\s+(?:[a-zéû]+\s+){0,3}?(?:lors\s+de|pendant|durant|dans|pour|au\s+cours\s+de|d[èe]s)"
                        r"\s+la\s+premi[èe]re\s+(?:phase|vague|[ée]dition|g[ée]n[ée]ration)\b(?:,?\s+(?:en|de)\s+20[1-3]\d\b)?"
                        # "Le Territoire d'industrie né en 2018 … s'appelle désormais …": its birth, not its phase
                        # so is its creation ("Le Territoire d'industrie créé en 2018 autour de l'agglomération de
                        # Cholet se nomme à présent « Choletais-Mauges »")
                        r"|\b(?:n[ée]|cr[ée]{2})e?s?\s+(?:en|d[èe]s)\s+201[89]\b"
                        # "Le Grand Langres poursuit l'aventure engagée en 2018", "X poursuit la démarche Territoires
                        # d'industrie engagée en 2018": a label kept up since then
                        r"|\b(?:poursui|continu)\w*\s+(?:l['’]aventure|(?:la|sa|leur)\s+(?:d[ée]marche|dynamique))"
                        r"(?:\s+(?:«\s*)?[Tt]erritoires?\s+d['’]\s*[Ii]ndustrie(?:\s*»)?)?"
                        r"\s+(?:engag|amorc|lanc|entam|commenc)[ée]e\s+(?:en|d[èe]s)\s+20[1-3]\d\b)")


def _held_since_blanked(match: re.Match) -> str:
    """A label held since a year (`SINCE_YEAR`) blanked, the blanks of its lead kept."""
    lead = match.group("lead") or ""
    return lead + " " * (len(match.group(0)) - len(lead))


def _first_phase_labels_held_blanked(text: str) -> str:
    """`text` with its labels held since a first-phase year blanked ("Avec la labellisation …
    depuis 2018, quatre communautés de communes ont développé …"): held up to the time of
    writing, which may be after 2022, they tell no phase of the document; one held since 2023 does
    (offsets kept)."""
    return SINCE_YEAR.sub(lambda m: m.group(0) if any(int(year) >= 2023 for year in re.findall(r"20[1-3]\d", m.group(0)))
                          else _held_since_blanked(m), text)


def _local_phase(text: str, sentence: tuple[int, int], clause: tuple[int, int] | None = None,
                 first: int | None = None) -> str | None:
    """A phase stated in the territory's own sentence overrides the document's: its words
    ("première phase", "2023-2027"), else its years ("entré dans le dispositif dès 2018"); both
    phases and a renewal ("de la première phase, sont reconduits pour 2023-2027"): the second. A
    comparison ("À l'instar du premier programme, …") or a label held since a year ("Depuis mars
    2019, X est labellisé") tells none; the first to join, told in the past, is of the first. A sentence naming several territories gives each the phase
    its own `clause` states, from its name to the next territory's, if it states one ("X, labellisé
    pour la période 2023-2027, …, après Y, labellisé dès 2018"); a clause that states none, whose
    sentence states a phase only between its `first` territory and that clause, takes the
    document's ("Après A et B, retenus en 2018, C a rejoint le programme"); not after a colon that
    opens the names the phase is about ("A rejoint les territoires reconnus en 2018 : B, C"). A
    territory its clause says did not go on ("n'a pas été reconduit", "n'a pas présenté de nouvelle
    candidature") held the first phase's label."""
    reading = _phase_reading(text, *sentence)
    words, found = reading.words, set(reading.found)
    if len(found) > 1 and reading.renewed:
        return SECOND_PHASE  # "les deux Territoires d'industrie de la première phase, sont reconduits pour 2023-2027"
    if found == {FIRST_PHASE} and reading.renewed:
        return None  # "les deux territoires de la première phase, A et B, sont reconduits": the document's phase
    own = reading.phases(clause[0] - sentence[0], clause[1] - sentence[0]) if clause else set()
    if clause and not own and first is not None and first < clause[0] \
            and reading.phases(first - sentence[0], clause[0] - sentence[0]) \
            and ":" not in words[first - sentence[0]:clause[0] - sentence[0]] \
            and not reading.phases(None, first - sentence[0]) and not reading.phases(clause[1] - sentence[0], None):
        # "Après A et B, retenus en 2018, C a rejoint le programme": the years belong to the
        # names before it; the territory takes the document's phase
        return None
    found = own if len(own) == 1 else found
    if not found and reading.first_to_join:
        return FIRST_PHASE  # "la première agglomération entrée dans le dispositif était Val de Garonne"
    if not found and (NOT_CONTINUED.search(words[clause[0] - sentence[0]:clause[1] - sentence[0]]) if clause
                      else reading.not_continued):
        return FIRST_PHASE  # "Le Pays Foyen, qui en faisait partie, n'a pas présenté de nouvelle candidature"
    if not found and reading.renewed_label:
        return SECOND_PHASE  # "Ce dispositif … puisqu'il est aussi renouvelé pour le Terrassonnais-Brive"
    return found.pop() if len(found) == 1 else None


# "Historiquement, la première agglomération lot-et-garonnaise entrée dans le dispositif était Val de
# Garonne", "le premier territoire labellisé fut X": the first to join, told in the past, joined in
# the first phase (the programme began with it); asked only when the sentence states no phase
FIRST_TO_JOIN = re.compile(r"\bpremi(?:er|[èe]re)\s+[^.;!?\n]{0,60}?\b(?:entr[ée]e?s?|[àa]\s+(?:entrer|rejoindre|int[ée]grer)"
                           r"|rejoint|labellis[ée]e?s?|retenue?s?|int[ée]gr[ée]e?s?)\b[^.;!?\n]{0,80}?\b(?:[ée]tait|fut|avait\s+[ée]t[ée])\b",
                           re.IGNORECASE)


# What any phase statement needs (PHASE_MARKERS, YEAR): a digit, "phase", "temps" or "pionnier";
# none overlaps another, so each occurrence is found.
PHASE_CLUE = re.compile(r"\d|phase|temps|pionnier", re.IGNORECASE)


class _PhaseReading:
    """A sentence's words (`_phase_words`) and what they state, read once for all the territories
    it names: a list of 6,000 items, one sentence for spaCy, was read again for each of them."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.words = words = _phase_words(text[start:end])
        self.found = _phases_stated(words)
        self.clues = [m.start() for m in PHASE_CLUE.finditer(words)]

    def phases(self, start: int | None, end: int | None) -> set[str]:
        """`_phases_in(words[start:end])`, not read where no clue of a phase lies."""
        start, end, _ = slice(start, end).indices(len(self.words))
        index = bisect_left(self.clues, start)
        if index == len(self.clues) or self.clues[index] >= end:
            return set()
        return _phases_in(self.words[start:end])

    @cached_property
    def renewed(self) -> bool:
        return bool(RENEWED.search(self.words))

    @cached_property
    def first_to_join(self) -> bool:
        return bool(FIRST_TO_JOIN.search(self.words))

    @cached_property
    def not_continued(self) -> bool:
        return bool(NOT_CONTINUED.search(self.words))

    @cached_property
    def renewed_label(self) -> bool:
        return bool(RENEWED_LABEL.search(self.words))

    @cached_property
    def called_new(self) -> bool:
        return bool(NEW_TERRITORY.search(self.text, self.start, self.end))


# Cached by the text (its hash kept by the string) and the sentence's bounds: not its words again
# (a few hundred: each holds its text)
@lru_cache(maxsize=256)
def _phase_reading(text: str, start: int, end: int) -> _PhaseReading:
    return _PhaseReading(text, start, end)


# Cached: each territory of a sentence reads the sentence's phase, and each item of a list its lead's.
@lru_cache(maxsize=1024)
def _phase_words(sentence: str) -> str:
    """The sentence with what tells no phase blanked (offsets kept): comparisons, labels held since
    a year, the programme's launch."""
    words = sentence
    # each pattern read only where its words are: most sentences compare nothing, hold no year
    for pattern, blanked in ((COMPARISON, _blank), (SINCE_YEAR, _held_since_blanked),
                             (PROGRAMME_LAUNCHED, _blank), (PROGRAMME_LAUNCHED_IN_A_MONTH, _blank)):
        if may_match(_texts_of(pattern), words):
            words = pattern.sub(blanked, words)
    return words


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


@lru_cache(maxsize=8)
def _texts_of(pattern: re.Pattern) -> tuple[str, ...]:
    return required_texts(pattern)


def _called_new(text: str, sentence: tuple[int, int]) -> str | None:
    """The second phase for a territory its sentence calls "le nouveau territoire d'industrie";
    asked only when neither the sentence nor the document states a phase."""
    return SECOND_PHASE if _phase_reading(text, *sentence).called_new else None


# "Il y a un peu plus de cinq ans, l'Aube découvrait le programme avec deux territoires : …" (folded)
YEARS_AGO = re.compile(r"\bil\s+y\s+a\s+(?:(?:un\s+peu\s+)?(?:plus\s+de|pres\s+de|environ)\s+)?"
                       r"(?P<count>\d|cinq|six|sept|huit|neuf|dix)\s+ans\b")


def _written_alike(text: str, mention: TerritoryMention, row: dict) -> bool:
    """Whether a mention writes its territory's name as the mention its row was made from does."""
    return name_key(text[mention.start:mention.end]) == name_key(text[row["start"]:row["end"]])


def _stated_phase(text: str, structure: Structure, sentences: list[tuple[int, int]], starts: list[tuple[int, str]],
                  mention: TerritoryMention, sentence: tuple[int, int]) -> str | None:
    """The phase a mention's own sentence (its clause) or its list's lead states, if any."""
    return (_local_phase(text, sentence, _own_clause(starts, mention, sentence), _first_start(starts, sentence, mention))
            or _list_lead_phase(text, structure, mention.start, sentences))


def _years_ago_phase(text: str, sentence: tuple[int, int], published_on: datetime.date | None) -> str | None:
    """The first phase for a territory its dated text tells of "il y a N ans", N years taking the
    date back before the second phase; asked only when the sentence states no phase."""
    ago = YEARS_AGO.search(fold(text[sentence[0]:sentence[1]])) if published_on else None
    if ago is None:
        return None
    count = ago["count"]
    years = count_value(count)
    return FIRST_PHASE if published_on.year - years < 2023 else None


def _phase_before_if_former(mention: TerritoryMention, phase: str | None) -> str | None:
    """A former territory a second-phase text recalls ("Il succède au territoire « Pau – Tarbes »",
    "le Haut-Doubs Horloger devient Alliances Luxe & Précision Doubs") held the label in the first."""
    return FIRST_PHASE if mention.rule == PREDECESSOR_RULE and phase == SECOND_PHASE else phase


def _list_lead_phase(text: str, structure: Structure, position: int,
                     sentences: list[tuple[int, int]]) -> str | None:
    """The phase the lead paragraph of a territory's list item states ("Au cours de la phase 1
    (2018-2023), … On peut citer à titre d'exemple :" above "- … sur le territoire X,"); none
    when a sentence after the last one stating a phase moves to the present ("Lors de la première
    phase, … un seul territoire. La nouvelle carte en compte cinq"): that phase was another list's."""
    block = structure.list_at(position)
    lead = block.context or block.intro if block else None
    if not lead:
        return None
    for start, end in reversed(_sentences_within(sentences, lead.start, lead.end)):
        if _phases_in(text[start:end]):
            break
        if NOW_MARKER.search(text, start, end):
            return None
    return _local_phase(text, (lead.start, lead.end))


def _sentences_within(sentences: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `start`..`end` cut at the sentences it overlaps (the whole span when none)."""
    index = max(bisect_right(sentences, start, key=lambda span: span[0]) - 1, 0)
    spans = []
    for first, last in sentences[index:]:
        if first >= end:
            break
        if last > start:
            spans.append((max(first, start), min(last, end)))
    return spans or [(start, end)]


def _phases_in(words: str) -> set[str]:
    """The phases some words state: by their names or ranges, else by their years."""
    return set(_phases_stated(words))


# Cached: the same sentences and clauses are read for each territory they hold (_phase_words).
@lru_cache(maxsize=4096)
def _phases_stated(words: str) -> frozenset[str]:
    found = {phase for pattern, phase in PHASE_MARKERS if pattern.search(words)}
    if not found:
        years = {int(y) for y in YEAR.findall(_between_phases_blanked(_ranges_joined(words))) if 2018 <= int(y) <= 2035}
        found = {SECOND_PHASE if year >= 2023 else FIRST_PHASE for year in years}
    return frozenset(found)


def _own_clause(starts: list[tuple[int, str]], mention: TerritoryMention,
                sentence: tuple[int, int]) -> tuple[int, int] | None:
    """From a territory's name to the next other territory's in its sentence, when the sentence
    names another; `starts`: every mention's start and territory, in order (read by bisection,
    not all of them for each territory)."""
    if _next_other(starts, bisect_left(starts, (sentence[0],)), mention.territory_id, sentence[1]) is None:
        return None
    following = _next_other(starts, bisect_left(starts, (max(mention.start + 1, sentence[0]),)), mention.territory_id, sentence[1])
    return mention.start, sentence[1] if following is None else following


def _next_other(starts: list[tuple[int, str]], index: int, territory_id: str, end: int) -> int | None:
    """The first start from `index` on, before `end`, of another territory than `territory_id`."""
    for start, other in (starts[i] for i in range(index, len(starts))):
        if start >= end:
            return None
        if other != territory_id:
            return start
    return None


def _first_start(starts: list[tuple[int, str]], span: tuple[int, int], mention: TerritoryMention) -> int:
    """The first mention's start in a span, or the mention's if earlier."""
    index = bisect_left(starts, (span[0],))
    first = starts[index][0] if index < len(starts) and starts[index][0] < span[1] else mention.start
    return min(first, mention.start)


def _ranges_joined(text: str) -> str:
    """'2023/2027' read as the range '2023-2027' (same length, offsets kept)."""
    return re.sub(r"(20[1-3]\d)\s*/\s*(20[1-3]\d)", lambda m: m.group(0).replace("/", "-"), text)


ARTICLE_OPENING = re.compile(r"^(?:la|les|une|des|de|du|d['’])\s+", re.IGNORECASE)  # before an EPCI's written name


def _epci_row(mention: EpciMention, territory_id: str | None) -> dict:
    link = mention.link
    written = ARTICLE_OPENING.sub("", mention.written_name)
    return {
        "territory_id": territory_id,
        "siren": link.siren,
        "name": link.name or written,
        "epci_type": link.epci_type or mention.epci_type,
        "mention": None, "start": mention.start, "end": mention.end,
        "departement_codes": list(link.departement_codes),
        "match_score": float(link.score),
        "successor_siren": link.successor_siren,
        "candidates": list(link.candidates),
        "rule": mention.rule,
    }


def _reference_year(published_on, phase: str | None) -> int | None:
    """The year whose EPCIs the text names: its date, else the start of its phase."""
    if published_on is not None:
        return published_on.year
    return {FIRST_PHASE: 2019, SECOND_PHASE: 2023}.get(phase)


def _epci_rows(attached: list[tuple[EpciMention, str | None]]) -> list[dict]:
    """One row per (EPCI, territory); an EPCI attached somewhere loses its unattached rows."""
    attached_sirens = {m.link.siren for m, territory_id in attached if territory_id and m.link.siren}
    rows, seen = [], set()
    for mention, territory_id in attached:
        key = (mention.link.siren or fold(mention.written_name), territory_id)
        if key in seen or (territory_id is None and mention.link.siren in attached_sirens):
            continue
        seen.add(key)
        rows.append(_epci_row(mention, territory_id))
    return rows


def extract(text: str, doc: Doc) -> Extraction:
    """All rows (without doc_id) that one document yields. Links to other articles ("Lire aussi :
    TITRE", the titles under "Sur le même sujet") and paywall markers are blanked before any
    reading (offsets kept): their territories and intercommunalities are other articles'."""
    ref = referential.load()
    info = extract_document_info(text)
    text = _without_links_to_other_articles(text)
    if info["published_on"] is None:
        info["published_on"] = _date_of_the_update_stamp(text)
    sentences = sentence_spans(doc, text)
    places = find_places(text)
    # "préfet de la Haute-Garonne": the seat of an office says who speaks, not where a territory lies
    stated_places = [p for p in places if not p.office]
    mentions = find_territories(text, stated_places, entity_spans(doc))
    doc_departements = frozenset({p.code for p in places if p.kind == "departement"}
                                 | {c for m in mentions for c in m.departement_codes})

    phase_text = _recital_years_blanked(_crawl_prefixes_blanked(text))  # the words a territory's own phase is read from
    phase = (_dated_before_the_second(document_phase(text), info["published_on"]) or _phase_of_the_date(info["published_on"])
             or _phase_of_the_crawl(crawled_by(text)) or _phase_of_a_credit(text)
             or _phase_of_a_renewal_title(info["title"]) or _phase_of_the_announcer(text))
    # "les intercommunalités saône-et-loiriennes", a territory named "Nord Franche-Comté": where the
    # EPCIs it names may lie (linking context only)
    # an undated bulletin of "Printemps 2019" was still written in 2019
    written = written_year(text) if info["published_on"] is None else None
    # "Baie de Somme Ponthieu-Marquenterre": the départements of the EPCIs a territory's name holds
    linker = DocumentLinker(doc_departements | departements_of_epci_demonyms(fold(text))
                            | {code for m in mentions for code in former_region_departements_in(m.name)}
                            | {code for m in mentions for code in departements_of_epcis_in(m.name)},
                            frozenset(p.code for p in places if p.kind == "region"),
                            written or _reference_year(info["published_on"], phase),
                            # a second-phase text was written in 2023 or later
                            year_dated=info["published_on"] is not None or written is not None or phase == SECOND_PHASE,
                            territory_names=frozenset(m.name for m in mentions),
                            named_apart=frozenset(m.name for m in mentions if not _after_a_legal_form(text, m)))
    structure = parse(text)
    candidates = member_line_candidates(text, structure, mentions, stated_places)
    epci_mentions = find_epcis(text, linker, structure, _spans(mentions), _spans(candidates))
    named = member_line_territories(candidates, epci_mentions, text)
    dropped = {c.territory_id for c in candidates} - {n.territory_id for n in named}
    if any(m.territory_hint in dropped for m in epci_mentions):  # a label naming no territory lists no members
        epci_mentions = find_epcis(text, linker, structure, _spans(mentions), _spans(named))
    mentions = [*mentions, *named]
    mentions = sorted([*mentions, *member_subject_territories(text, epci_mentions, mentions, sentences)],
                      key=lambda m: m.start)
    designated, epci_mentions = legal_form_territories(text, epci_mentions, mentions)
    composed, epci_mentions = composed_territories(text, epci_mentions, [*mentions, *designated], sentences)
    others, epci_mentions = other_territories(text, epci_mentions, [*mentions, *designated, *composed])
    paired, epci_mentions = paired_territories(text, epci_mentions, [*mentions, *designated, *composed, *others])
    runs, epci_mentions = run_territories(text, epci_mentions, [*mentions, *designated, *composed, *others, *paired])
    new, epci_mentions = new_run_territories(text, epci_mentions, [*mentions, *designated, *composed, *others, *paired, *runs])
    compass, epci_mentions = compass_territories(text, epci_mentions, [*mentions, *designated, *composed, *others, *paired,
                                                                      *runs, *new])
    designated = [*designated, *composed, *others, *paired, *runs, *new, *compass]
    mentions = [*mentions, *designated, *whole_departement_territories(text, places, mentions)]
    if not mentions:  # "du territoire d'industrie animé par Grand Châtellerault": named by its carrier only
        mentions = carrier_named(text)[:1]
    # a territory mention that is a piece of an EPCI's name, or a member of a list, is no row
    mentions = territories_kept(epci_mentions, mentions, text)
    mentions = brands_in_full(epci_mentions, same_epci_territories(epci_mentions, mentions, text))
    mentions = type_words_dropped(epci_mentions, mentions)
    if about_another_programme(fold(text)):  # its places are that programme's sites, its EPCIs no members
        mentions = []

    by_id: dict[str, dict] = {}
    # A place word inside a territory's name ("Grand-Est Touraine", "Sud Bourgogne"), wherever the
    # text writes that name, says nothing about where the territories lie.
    name_spans = _spans_of_names(text, mentions)
    inside_a_name = SpanReach(name_spans)
    context_places = [p for p in stated_places if not inside_a_name.covers(p.start, p.end)]
    # the départements of the préfets the text names (not a région's préfet, who acts for all)
    seats = [p for p in places if p.office and p.kind == "departement"
             and not REGION_PREFECT.search(text, max(0, p.start - 80), p.start)]
    # a territory one of whose mentions states its départements takes none from the sentences
    # around its other mentions ("… de l'exemple de Sophia Antipolis dans les Alpes-Maritimes, la
    # raison d'être de « Territoires d'Industrie Alliances Luxe & Précision du Doubs »")
    placed = {m.territory_id for m in mentions if m.departement_codes}
    # the départements the headline names ("… : la Mayenne compte désormais cinq territoires")
    headline = {p.code for p in find_places(info["title"] or "") if p.kind == "departement"}
    glossed = _glossed_territories(text, mentions, context_places)
    # the former régions of each sentence, names blanked, read once a sentence, the text folded
    # once (a list's items share their intro's: 2,000 items read the text from the intro on)
    former_regions_of = former_regions_reader(_without_names(text, name_spans))
    starts = sorted((m.start, m.territory_id) for m in mentions)
    breaks = _paragraph_breaks(text)
    shared = [m.start() for m in SHARED_CLUE.finditer(text)]  # SHARED_WITH searched only where it may be
    restated: set[tuple[str, tuple[int, int]]] = set()  # (territory, sentence) read again for a later phase
    for mention in mentions:
        sentence = _sentence_of(sentences, mention.start)
        # the words after a blank line are another paragraph, whatever the sentence splitter
        # joined: a press kit's "À propos : … lancé en 2018" below its list of territories
        paragraph_break = _paragraph_break(breaks, mention.end, sentence[1])
        phase_sentence = (_paragraph_start(text, sentence[0], mention.start),
                          sentence[1] if paragraph_break is None else paragraph_break)
        if mention.territory_id not in by_id:  # its first mention's row (its phase read once, not at each mention)
            by_id[mention.territory_id] = {
                "territory_id": mention.territory_id, "name": mention.name, "start": mention.start,
                "end": mention.end,
                "phase": _phase_before_if_former(mention, _stated_phase(phase_text, structure, sentences, starts,
                                                                        mention, phase_sentence)
                                                 or _years_ago_phase(phase_text, phase_sentence, info["published_on"])
                                                 or phase or _called_new(phase_text, phase_sentence)),
                "departements": set(), "sentence_regions": set(), "rule": mention.rule,
                "name_departements": set(), "member_departements": set(), "placed_departements": set(),
            }
        elif phase != FIRST_PHASE and by_id[mention.territory_id]["phase"] == FIRST_PHASE \
                and (mention.territory_id, phase_sentence) not in restated \
                and (mention.intro is None or _written_alike(text, mention, by_id[mention.territory_id])):
            # "En 2018, trois territoires avaient été retenus : A, B, C. Pour 2023-2027, … : A, B, D":
            # a first-phase territory a later sentence names for the second holds the second's label;
            # not a list item naming it otherwise ("Bassin d'Alès" in the first list, "Alès" in the
            # second: the first phase's territory is told apart from the one that followed it)
            restated.add((mention.territory_id, phase_sentence))
            if _phase_before_if_former(mention, _stated_phase(phase_text, structure, sentences, starts, mention,
                                                              phase_sentence)) == SECOND_PHASE \
                    and not NOT_CONTINUED.search(text, *phase_sentence):
                by_id[mention.territory_id]["phase"] = SECOND_PHASE
        row = by_id[mention.territory_id]
        row["departements"] |= (mention.departement_codes - mention.name_codes) | mention.shared_codes
        row["placed_departements"] |= mention.placed_codes
        row["name_departements"] |= mention.name_codes
        if mention.territory_id not in placed:
            row["departements"] |= _stated_departements(text, context_places, mention, mentions, seats, headline)
        if mention.intro is not None:  # a list item: its intro's sentence counts too
            sentence = (_sentence_of(sentences, mention.intro[0])[0], sentence[1])
        bracket = REGION_BRACKET.match(text, mention.end)
        bracketed = _regions_in(context_places, bracket.span(1)) if bracket else set()
        # "TI Collines de Normandie (Normandie)": the région in brackets after the name, not the
        # others its list's sentence holds; "Bretagne : Pays de Vannes, …": the région heading its line
        line_start = text.rfind("\n", 0, mention.start) + 1
        colon = text.rfind(":", line_start, mention.start)
        heading = _regions_in(context_places, (line_start, colon)) if colon >= 0 else set()
        bold = BOLD_HEAD.match(text, line_start)  # "**Occitanie** – Quinze lauréats. Parmi eux, X …"
        heading = heading or (_regions_in(context_places, bold.span(1)) if bold and bold.end() <= mention.start else set())
        heading = heading or _regions_of_its_heading(structure, context_places, mention)
        # "– Lacq-Pau-Tarbes : Nouvelle-Aquitaine / Occitanie": the régions its line gives after it
        value = NAME_COLON.match(text, mention.end)
        line_end = text.find("\n", mention.end)
        valued = _regions_in(context_places, (value.end(), len(text) if line_end < 0 else line_end)) if value else set()
        # "lancé en Auvergne en même temps que …": a pre-2016 région's name when no current one is said
        # "A, B, C et D, à La Réunion, poursuivent …": the place glossing another name is that one's
        # (the sentence's places only, the only ones _regions_in reads: 2,000 mentions read every place)
        own = {mention.territory_id}
        own_places = [p for p in places_starting_in(context_places, *sentence) if glossed.get(p.start, own) == own]
        placed_after = PLACED_AFTER.match(text, mention.end)
        complement = _regions_in(context_places, placed_after.span(1)) if placed_after else set()
        row["sentence_regions"] |= (bracketed or heading or valued or complement or _regions_in(own_places, sentence)
                                    or former_regions_of(sentence))
        if bisect_left(shared, mention.end) < bisect_left(shared, sentence[1]) \
                and SHARED_WITH.search(text, mention.end, sentence[1]) and row["sentence_regions"]:
            row["sentence_regions"] |= _main_region(context_places)  # "…, un territoire interrégional partagé avec la Normandie"

    aliases = {fold(short): link.siren for short, link in linker.acronyms.items()}
    attached = attach(epci_mentions, mentions, text, sentences, structure, aliases, info["title"])
    member_named = member_named_as_territory(attached, mentions)
    if member_named:  # an EPCI of another territory told as a laureate: no territory, no members of its own
        mentions = [m for m in mentions if m.territory_id not in member_named]
        for territory_id in member_named:
            del by_id[territory_id]
        attached = attach(epci_mentions, mentions, text, sentences, structure, aliases, info["title"])
    # a territory a renamed one continues ("Le Territoire d'industrie X, labellisé pour la période
    # 2019-2022, a été reconduit … Il s'appellera désormais « Y »") held the label in the first phase,
    # unless its own sentence gives it the second only ("le renouvellement du Territoire d'industrie X
    # pour la période 2023-2027")
    first_said = {}
    for mention in mentions:
        first_said.setdefault(mention.territory_id, mention.start)
    for former in renamed_successors(mentions, fold(text), sentences).values():
        if former in by_id and by_id[former]["phase"] == SECOND_PHASE:
            start, end = _sentence_of(sentences, first_said[former])
            if _phases_in(_phase_words(text[start:end])) != {SECOND_PHASE}:
                by_id[former]["phase"] = FIRST_PHASE
    epci_rows = _epci_rows(attached)
    for row in epci_rows:
        if row["territory_id"] and row["siren"]:
            by_id[row["territory_id"]]["member_departements"] |= set(row["departement_codes"])
    # a territory named after an EPCI the text names lies where it lies, even when the text names
    # it only as an official's body, no member ("vice-présidente de la CA Pays Basque"); so does one
    # a piece of whose name the EPCI goes by ("Lacq-Pau-Tarbes" and "président de la CA Pau Béarn
    # Pyrénées": 64), or whose name opens with a piece of that name ("Lacq-Pau-Tarbes" and
    # "Président de la Communauté de communes Lacq-Orthez": 64)
    parts = {row["territory_id"]: _parts_of_a_name(row["name"]) for row in by_id.values()} if epci_mentions else {}
    for mention in epci_mentions:
        for row in by_id.values():
            if mention.link.siren and (any(named_after(part, mention.link.siren) for part in parts[row["territory_id"]])
                                       or _opening_towns(mention.link.siren) & _towns_of_a_chain(row["name"])):
                row["member_departements"] |= set(mention.link.departement_codes)

    # a text about one territory that places it nowhere else: it lies where the officials who run
    # it sit ("François Cortinovis … et le vice-président de Pays de Montbéliard Agglomération
    # constitueront la gouvernance de ce programme": 25)
    officials = {code for m in officials_bodies(epci_mentions, attached, text, sentences, name_spans)
                 for code in m.link.departement_codes} if len(by_id) == 1 else set()
    if officials and len(ref.regions_of(sorted(officials))) < 2 and ACROSS_REGIONS.search(text):
        officials = set()  # "un Territoire d'industrie sur deux régions": one région's officials place it in part
    prefects = _prefects_seat(text, places) if len(by_id) == 1 else set()
    tagged = _hashtagged_departement(text, places) if len(by_id) == 1 else set()
    # "Les 13 territoires grand-estiens sont : …" in a text about the Grand Est only: its région
    # ("… ce poumon économique de la Guadeloupe": the name of an overseas région read as its
    # département's; not the council "la Région Réunion", which says who acts)
    overseas = {departement: region for region, departement in referential.single_departement_regions().items()}
    # (a place glossing a name says where that one lies, not what the text is about)
    unglossed = [p for p in context_places if p.start not in glossed]
    text_regions = {p.code for p in unglossed if p.kind == "region"} \
        | {overseas[p.code] for p in unglossed if p.kind == "departement" and p.code in overseas
           and not REGION_COUNCIL_BEFORE.search(text, max(0, p.start - 10), p.start)}
    text_region = text_regions if len(text_regions) == 1 else set()
    named_departements = {p.code for p in places if p.kind == "departement"}  # offices' seats too
    coded_headings = coded_departement_headings(text, stated_places) if by_id else []
    territory_rows = []
    mention_starts = {m.start for m in mentions}
    written = _WrittenNames(fold(text), name_spans)
    for row in by_id.values():
        members, named = row.pop("member_departements"), row.pop("name_departements")
        # a département word in the name that none of the linked members lies in, nor any of the
        # départements the text says the territory straddles, is a river or a town ("Rhône
        # Provence Industrie", members in the Drôme and the Ardèche; "Rhône Médian, entre l'Ardèche
        # et la Drôme"; not "Sud Meuse Nord Haute-Marne (Haute-Marne)", one of its départements)
        placed_at = row.pop("placed_departements")
        placing = members | (placed_at if len(placed_at) >= 2 else set())
        departements = sorted(row.pop("departements") | members | (named & placing if placing else named)
                              | _named_places_standing(row["name"], named)
                              | _placed_after_its_name(text, row["name"], context_places)
                              | _extent_said_after_its_name(text, row["name"], context_places, sentences, breaks, written)) \
            or sorted(_placed_before_a_later_occurrence(text, row["name"], context_places, mention_starts, written)) \
            or sorted(officials) or sorted(prefects) or sorted(tagged) \
            or sorted(_prefectures_in_name(row["name"]) & named_departements)
        sentence_regions = row.pop("sentence_regions")
        departements = departements or _under_a_coded_heading(coded_headings, row["start"], sentence_regions)
        # a former région in the name ("Nord Franche-Comté") before the text's single région (a
        # liner "le Normandie" in a text about Belfort and Saint-Nazaire)
        regions = ref.regions_of(departements) if departements else sorted(
            sentence_regions or former_regions_in(row["name"]) or text_region)
        sole = referential.single_departement_regions()
        if not departements and regions and all(region in sole for region in regions):
            departements = sorted(sole[region] for region in regions)  # "Kourou … la Guyane": 973
        territory_rows.append({**row, "mention": None, "departement_codes": departements,
                               "region_codes": regions})

    described = _descriptions_of_another(text, mentions, territory_rows, epci_rows)
    if described:  # one territory, one row: the description's mentions are the other's
        territory_rows = [row for row in territory_rows if row["territory_id"] not in described]
        epci_rows = [row for row in epci_rows if row["territory_id"] not in described]
        for mention in mentions:
            mention.name = described.get(mention.territory_id, mention.name)
    headline_name = headline_name_of_a_description(text, mentions, stated_places) if len(territory_rows) == 1 else None
    if headline_name:
        _renamed(headline_name, mentions, territory_rows, epci_rows)
    headline_areas = _headline_areas(text, info["title"], mentions, territory_rows, epci_rows)
    if headline_areas:
        territory_rows = [row for row in territory_rows if row["territory_id"] not in headline_areas]
        mentions = [m for m in mentions if m.territory_id not in headline_areas]
    # a place inside a territory's or an EPCI's name ("Porte de Drôme Ardèche") is no figure's scope
    departements_of = {row["territory_id"]: frozenset(row["departement_codes"]) for row in territory_rows}
    figures = []  # a text about something else (another programme, a place's statistics) states none
    if states_programme_figures(fold(text), bool(territory_rows)):
        figures = extract_figures(text, sentences, places, [(m.start, m.end) for m in mentions]
                                  + [(m.start, m.end) for m in epci_mentions],
                                  [set(row["departement_codes"]) for row in _topic_rows(territory_rows)],
                                  [(m.start, m.end, departements_of[m.territory_id]) for m in mentions])
    for rows in (territory_rows, epci_rows):
        for row in rows:
            row["mention"] = text[row["start"]:row["end"]]
    counts = stated_counts(text, refine_sentences(text, sentences), mentions, figures, places,
                           {row["territory_id"]: row["phase"] for row in territory_rows},
                           lambda sentence: _local_phase(phase_text, sentence), departements_of,
                           _title_span(text, info["title"]))
    return Extraction(info, territory_rows, epci_rows, figures, counts)


def _topic_rows(territory_rows: list[dict]) -> list[dict]:
    """The territories a document is about, whose area is its figures' home: those it names only in
    passing ("…, notamment le X, qui a lui aussi été désigné", territory.in_passing) widen it to
    their région only when it names no other ("25 projets" in Grand Châtellerault's interview)."""
    return [row for row in territory_rows if row["rule"] != PASSING_RULE] or territory_rows


# "la communauté urbaine " right before a name (folded text)
LEGAL_FORM_BEFORE = re.compile(r"(?:" + LEGAL_FORM.pattern + r")(?:" + PREPOSITION.pattern + r")?$")
LEGAL_FORM_REACH = 40


def _after_a_legal_form(text: str, mention: TerritoryMention) -> bool:
    """Whether a territory's mention is an EPCI's name after its legal form ("la communauté urbaine
    Creusot Montceau (CUCM) a été reconduite"), not a name of its own."""
    return bool(LEGAL_FORM_BEFORE.search(fold(text[max(0, mention.start - LEGAL_FORM_REACH):mention.start])))


# "l'aire urbaine Belfort-Montbéliard-Héricourt": a common noun of area in lower case before a name
DESCRIPTION_HEAD_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(TERRITORY_WORDS["description_heads"]) + r")\s+$")
DESCRIPTION_HEAD_OPENING = re.compile(r"(?:" + "|".join(TERRITORY_WORDS["description_heads"]) + r")\s+")
DESCRIPTION_HEAD_REACH = 30


def _descriptions_of_another(text: str, mentions: list[TerritoryMention], territory_rows: list[dict],
                             epci_rows: list[dict]) -> dict[str, str]:
    """Territory id -> the name of the territory it describes: "L'aire urbaine
    Belfort-Montbéliard-Héricourt figure dans la nouvelle carte" beside "Le Nord Franche-Comté
    rempile", whose members are the EPCIs of Belfort, Montbéliard and Héricourt. A chain of two
    towns or more, written only after (or opening with) a common noun of area in lower case, each
    town one a member of one other territory is named after, is that territory described, when
    the chain has no member of its own that the other lacks."""
    members: dict[str, set[str]] = {}
    for row in epci_rows:
        if row["territory_id"] and row["siren"]:
            members.setdefault(row["territory_id"], set()).add(row["siren"])
    folded = fold(text)
    found = {}
    for row in territory_rows:
        chains = {_described_chain(text, folded, m) for m in mentions if m.territory_id == row["territory_id"]}
        chain = chains.pop() if len(chains) == 1 else None
        towns = HYPHEN.split(chain) if chain and TOWN_CHAIN.fullmatch(chain) else []
        if len(towns) < 2:
            continue
        others = [other for other in territory_rows if other is not row and members.get(other["territory_id"])
                  and all(any(named_after(town, siren) for siren in members[other["territory_id"]]) for town in towns)]
        if len(others) == 1 and members.get(row["territory_id"], set()) <= members[others[0]["territory_id"]]:
            found[row["territory_id"]] = others[0]["name"]
    return found


def _described_chain(text: str, folded: str, mention: TerritoryMention) -> str | None:
    """The name a common noun of area in lower case describes, before the mention ("l'aire urbaine
    X") or opening it ("l'axe X"), or None."""
    head = DESCRIPTION_HEAD_BEFORE.search(folded, max(0, mention.start - DESCRIPTION_HEAD_REACH), mention.start)
    if head is not None and text[head.start()].islower():
        return text[mention.start:mention.end]
    head = DESCRIPTION_HEAD_OPENING.match(folded, mention.start, mention.end)
    return text[head.end():mention.end] if head and text[mention.start].islower() else None


def _renamed(name: str, mentions: list[TerritoryMention], territory_rows: list[dict], epci_rows: list[dict]) -> None:
    """The one territory, its members read, under the name the headline gives it
    (territories.headline_name_of_a_description)."""
    old, new = territory_rows[0]["territory_id"], name_key(name)
    territory_rows[0].update(name=name, territory_id=new)
    for row in epci_rows:
        if row["territory_id"] == old:
            row["territory_id"] = new
    for mention in mentions:
        mention.name = name


def _title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the headline stands in the text, if it does."""
    start = text.find(title) if title else -1
    return (start, start + len(title)) if start >= 0 else None


MIN_BODY_TERRITORIES = 2  # a round-up under its headline's area names two at least


def _headline_areas(text: str, title: str | None, mentions: list, territory_rows: list[dict],
                    epci_rows: list[dict]) -> set[str]:
    """The territories named only in the headline, placed nowhere and with no member, when the
    body names two territories or more ("Les Alpes du Sud décrochent le label" over "le bassin de
    Gap-Tallard …" and "L'autre territoire, baptisé Vallée de la Durance"; "Territoires d'industrie :
    le Béarn reconduit" over Lacq-Pau-Tarbes and a new territory): the area the round-up is about,
    which the body names again as an area or inside other names ("les Alpes du Sud ne sont pas
    oubliées", "la CA Pau Béarn Pyrénées"). A name the body never writes again is the article's
    own territory ("Le Pays de X décroche le label" over "les deux autres territoires : A ; B")."""
    start = text.find(title) if title else -1
    if start < 0 or len(territory_rows) <= MIN_BODY_TERRITORIES:
        return set()
    end = start + len(title)
    in_body = {m.territory_id for m in mentions if not (start <= m.start and m.end <= end)}
    in_headline = {m.territory_id for m in mentions} - in_body
    with_members = {row["territory_id"] for row in epci_rows}
    body = fold(text)[end:]  # the document's fold, cached (fold keeps offsets), not the body's folded again
    areas = {row["territory_id"] for row in territory_rows if row["territory_id"] in in_headline
             and not row["departement_codes"] and row["territory_id"] not in with_members
             and fold(row["name"]) in body}
    return areas if len(in_body) >= MIN_BODY_TERRITORIES else set()


# where a name joins the names of its parts: "A / B", "Gard rhodanien – Pont du Gard",
# "Béthune-Bruay et Flandres-Lys", then "Lacq-Pau-Tarbes"
NAME_JOINTS = re.compile(r"\s+/\s+|\s+[-–]\s+|\s+et\s+")
COMPASS_WORD = re.compile(r"(?i)nord|sud|est|ouest|centre")
# a text saying its territory lies in several régions ("inter-régional", "sur deux régions")
ACROSS_REGIONS = re.compile(r"(?i)\binter-?r[ée]gional\w*|\b(?:deux|trois|2|3)\s+r[ée]gions\b")
# "Grand Bastia": the agglomeration of a town, named after it
GREAT_OF = re.compile(r"[Gg]rand\s+(?=[A-ZÀ-Ý])")
PAYS_OF = re.compile(r"(?i)pays\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?=\w)")


@lru_cache(maxsize=4096)
def _parts_of_a_name(name: str) -> tuple[str, ...]:
    """A territory's name, the sides of its " / ", and the pieces between its joints that name no
    place and no point of the compass ("Pau", not "Nord" nor "Marne" in "Nord-Est Ardennes" or
    "Marne et Brie Industries": the everyday names of "Cap Nord" or of an EPCI of the Marne)."""
    sides = NAME_JOINTS.split(name)
    pieces = [*sides, *(piece for side in sides for piece in HYPHEN.split(side))] if len(sides) > 1 \
        else HYPHEN.split(name)
    # "Pays de Vitré", "Grand Bastia": the town whose EPCI the text names ("Vitré Communauté", "la
    # communauté d'agglomération de Bastia")
    pieces += [head.sub("", piece) for piece in pieces for head in (PAYS_OF, GREAT_OF) if head.match(piece)]
    placeless = [piece for piece in pieces if not COMPASS_WORD.fullmatch(piece) and not find_places(piece)]
    return tuple(dict.fromkeys([name, *name.split(" / "), *placeless]))


# "la Région Réunion", "la Région Guadeloupe": the council, before the name it bears
REGION_COUNCIL_BEFORE = re.compile(r"R[ée]gion\s+(?:de\s+(?:la\s+)?)?$")
# an official name's legal form and its preposition: "CC de Lacq-Orthez"
OFFICIAL_FORM = re.compile(r"^(?:CA|CC|CU)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?")
# the opening of a compound name, not a town: "Haute-Bigorre", "Saint-Méen", "Val-de-Saône"
NOT_A_TOWN = re.compile(r"(?:hau(?:t|te)s?|bas(?:se)?s?|grande?s?|saint(?:e)?s?|" + "|".join(TERRITORY_WORDS["geographic_heads"]) + r")")


@lru_cache(maxsize=4096)
def _towns_of_a_chain(name: str) -> frozenset[str]:
    """The towns a territory's name chains ("Lacq-Pau-Tarbes"), as name keys; none for another name."""
    return frozenset(name_key(piece) for piece in HYPHEN.split(name)) if TOWN_CHAIN.fullmatch(name) else frozenset()


@lru_cache(maxsize=4096)
def _opening_towns(siren: str) -> frozenset[str]:
    """The first pieces of an EPCI's official names joined by hyphens ("Lacq" of "CC de
    Lacq-Orthez", "Tarbes" of "CA Tarbes-Lourdes-Pyrénées"), as name keys: the town it is named
    after first."""
    epci = referential.load().epcis.get(siren)
    pieces = (HYPHEN.split(OFFICIAL_FORM.sub("", borne.name)) for borne in (epci.names if epci else ()))
    return frozenset(name_key(p[0]) for p in pieces
                     if len(p) > 1 and " " not in p[0] and not NOT_A_TOWN.fullmatch(fold(p[0])))


def _without_names(text: str, name_spans: list[tuple[int, int]]) -> str:
    """The text with the territories' names blanked wherever written: a former région's word
    inside a territory's name names no région."""
    chars = list(text)
    for start, end in name_spans:
        start, end = max(start, 0), min(end, len(chars))
        chars[start:end] = " " * max(end - start, 0)
    return "".join(chars)


PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
ENDS_A_SENTENCE = re.compile(r"[.!?»\"]\s*$")
LIST_ITEM_START = re.compile(r"[ \t]*" + BULLET + r"[ \t]")
LIST_ITEM_LINE = re.compile(r"(?m:^)" + LIST_ITEM_START.pattern + r"[^\n]*\Z")  # the last line before endpos


def _paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """Every line break a PARAGRAPH_BREAK starts at, with the line break ending it, in order."""
    return [(m.start(), m.end(1)) for m in re.finditer(r"(?=(" + PARAGRAPH_BREAK.pattern + "))", text)]


def _paragraph_break(breaks: list[tuple[int, int]], start: int, end: int) -> int | None:
    """Where `PARAGRAPH_BREAK.search(text, start, end)` starts, by bisection (a list's 6,000 items
    each searched the rest of its sentence): the first break from `start` on, if it ends by `end`;
    a later one ends later."""
    index = bisect_left(breaks, (start,))
    return breaks[index][0] if index < len(breaks) and breaks[index][1] <= end else None


def _paragraph_start(text: str, sentence_start: int, position: int) -> int:
    """Where a territory's own paragraph starts in what the sentence splitter joined: a full
    sentence ended by a blank line before it is another paragraph ("La Bretagne en compte onze, un
    de plus qu'en 2018." then "Le nouveau venu est le territoire de Vitré"), and so is a list's last
    item, before a heading at most ("- 1 800 projets lors de la première phase" then "Quelques
    exemples" then "Dans le Tarn, Castres-Mazamet …"); an intro ending with a colon above its
    items is not."""
    breaks = list(PARAGRAPH_BREAK.finditer(text, sentence_start, position))
    if breaks and ENDS_A_SENTENCE.search(text, sentence_start, breaks[-1].start()):
        return breaks[-1].end()
    if not breaks or LIST_ITEM_START.match(text, breaks[-1].end()):
        return sentence_start  # an item of the list: its intro's words are its own
    if LIST_ITEM_LINE.search(text, sentence_start, breaks[-1].start()):
        return breaks[-1].end()
    if len(breaks) > 1 and "\n" not in text[breaks[-2].end():breaks[-1].start()] \
            and LIST_ITEM_LINE.search(text, sentence_start, breaks[-2].start()):
        return breaks[-2].end()  # the list's last item, then a heading line over the paragraph
    return sentence_start
NAME_COLON = re.compile(r"[ \t]*:[ \t]+")
REGION_BRACKET = re.compile(r"[ \t]*\(([^()\n]{2,40})\)")
# "…, à l'image de Lacq-Pau-Tarbes, entre Nouvelle-Aquitaine et Occitanie, ou d'…": the places a
# complement set off right after the name says it lies in, up to the next comma
PLACED_AFTER = re.compile(r"[ \t]*,[ \t]*(?:entre|[àa][ \t]+cheval[ \t]+sur|dans|sur|en)[ \t]([^,.;:()\n]{2,80}?)"
                          r"(?=[ \t]*(?:[,.;!]|$))", re.MULTILINE)
# A territory shared with another région lies in the text's own région too.
SHARED_WITH = re.compile(r"\binterr[ée]gional\w*[^.;]{0,40}?\bpartag[ée]e?s?\s+avec\b|\bpartag[ée]e?s?\s+avec\s+(?:la\s+|le\s+|l['’]\s*)?r[ée]gion",
                         re.IGNORECASE)
SHARED_CLUE = re.compile(r"partag", re.IGNORECASE)  # what SHARED_WITH needs


# what may stand in a place complement between its places ("à cheval sur la Seine-Maritime et la
# Somme", "s'étend sur le Tarn, la Haute-Garonne et l'Aude")
PLACE_GLUE = re.compile(r"(?:\s|,|\b(?:et|la|le|les|l|de|du|des|d|sur)\b|['’])*")
# "… le territoire de X s'étend sur A, B et C": a verb saying where the name's territory lies
SPREADS_OVER = re.compile(r"[ \t]+(?:s['’][ \t]*[ée]tend(?:ait)?|est[ \t]+[àa][ \t]+cheval|chevauche|couvre)"
                          r"(?:[ \t]+(?:sur|entre))?[ \t]([^.;:()\n]{2,120})")


def _placed_after_its_name(text: str, name: str, places: list[PlaceMention]) -> set[str]:
    """The départements a complement right after any occurrence of a territory's name says it lies
    in: set off by a comma ("… enfin, la Vallée de la Bresle, à cheval sur la Seine-Maritime et
    la Somme, …") or after a verb of extent ("le territoire de Castres-Revel-Castelnaudary s'étend
    sur le Tarn, la Haute-Garonne et l'Aude"): the places that open it, joined by commas, "et" and
    articles only. Not "X, dans la filière du Doubs", whose complement opens with something else."""
    found: set[str] = set()
    for _, end in _standalone_occurrences(fold(text), fold(name)) if name else []:
        complement = PLACED_AFTER.match(text, end) or SPREADS_OVER.match(text, end)
        if complement:
            found |= {p.code for p in _places_opening(text, places, *complement.span(1)) if p.kind == "departement"}
    return found


# what says that the départements listed right after it are the extent of what the sentence is
# about: "s'étend sur trois départements, le Tarn, l'Aude et la Haute-Garonne", "un attelage à trois
# départements (Marne, Haute-Marne, Meuse)", "17 intercommunalités réparties sur le Cantal, le Lot et
# l'Aveyron", "réunit onze intercommunalités des Pyrénées-Atlantiques et des Hautes-Pyrénées"
EXTENT_CUE = re.compile(r"\bd[ée]partements\b|\b[àa]\s+cheval\b|\bs['’]\s*[ée]tend\w*|\bchevauch\w*|\br[ée]parti\w*"
                        r"|\bcouvr\w*|\b(?:r[ée]uni\w*|rassembl\w*|regroup\w*|associ\w*|f[ée]d[èe]r\w*|compt\w*|compren\w*)"
                        r"\s+(?:[\w'’-]+\s+){0,3}?(?:intercommunalit[ée]s|communaut[ée]s|EPCI)\b", re.IGNORECASE)
EXTENT_REACH = 60  # how far after its cue the départements may start ("couvre l'aire urbaine X, sur le Doubs, …")
# the next sentence goes on about the territory: "Il s'étend désormais sur …", "Déjà pionnier lors de
# la première phase, le territoire réunit désormais onze intercommunalités des …"
REFERS_BACK = re.compile(r"\b(?:il|elle|celui-ci|(?:ce|le)\s+territoire)\b", re.IGNORECASE)
# a partner or a model the sentence turns to ("X coopère avec des industriels de la vallée de l'Adour,
# à cheval sur les Landes et les Pyrénées-Atlantiques"): what follows is about them ("Comme son nom
# l'indique, le territoire s'étend sur …" compares nothing)
TURNS_TO_ANOTHER = re.compile(r"\b(?:avec|comme(?!\s+(?:son|leur)\s+nom\b)|contrairement|[àa]\s+l['’]instar|[àa]\s+l['’]image|aux\s+c[ôo]t[ée]s)\b", re.IGNORECASE)
# what may stand between two names given together ("A, B et C couvrent …": the extent is the three's)
NAMES_GLUE = re.compile(r"[\s,«»\"“”]*(?:\b(?:et|ou)\b)?[\s«»\"“”]*(?:\b(?:la|le|les|l)\b\s*|l['’]\s*)?")


class _WrittenNames:
    """Where the territories' names are written (_spans_of_names), in order: the other name nearest
    before or after a position, by bisection (each of a list's 2,000 names read all the others)."""

    def __init__(self, folded: str, spans: list[tuple[int, int]]):
        self.folded = folded
        self.spans = sorted(set(spans))
        self.starts = [start for start, _ in self.spans]

    def last_other_before(self, position: int, floor: int, name: str, ending_by: bool = True) -> tuple[int, int] | None:
        """The last span starting in [floor, position) whose text is not `name` (folded) and, if
        `ending_by`, that ends by `position`."""
        for index in range(bisect_left(self.starts, position) - 1, -1, -1):
            start, end = self.spans[index]
            if start < floor:
                return None
            if self.folded[start:end] != name and (end <= position or not ending_by):
                return start, end
        return None

    def first_other_from(self, position: int, stop: int, name: str) -> int | None:
        """Where the first span starting in [position, stop) whose text is not `name` starts."""
        for index in range(bisect_left(self.starts, position), len(self.spans)):
            start, end = self.spans[index]
            if start >= stop:
                return None
            if self.folded[start:end] != name:
                return start
        return None


def _extent_said_after_its_name(text: str, name: str, places: list[PlaceMention], sentences: list[tuple[int, int]],
                                breaks: list[tuple[int, int]], written: _WrittenNames) -> set[str]:
    """The départements a sentence lists as a territory's extent, two at least, after any
    occurrence of its name ("Le Territoire d'industrie X rassemble 17 intercommunalités réparties
    sur le Cantal, le Lot et l'Aveyron"), or in the next sentence of the paragraph when that one
    refers back to it ("… sous le nom de X. Il s'étend désormais sur trois départements, le Tarn,
    l'Aude et la Haute-Garonne"). Read up to the next other territory's name or a partner the
    sentence turns to (TURNS_TO_ANOTHER) only, and not for a name given together with others ("A, B
    et C couvrent …"): the extent is then theirs."""
    found: set[str] = set()
    folded_name = fold(name)
    for start, end in _standalone_occurrences(written.folded, folded_name) if name else []:
        sentence = _sentence_of(sentences, start)
        before = written.last_other_before(start, sentence[0], folded_name)
        if before and NAMES_GLUE.fullmatch(text, before[1], start):
            continue
        stop = max(sentence[1], end)
        following = _sentence_of(sentences, stop + 1) if stop + 1 < len(text) else None
        if following and following[0] > stop and not text[stop:following[0]].count("\n") \
                and REFERS_BACK.search(text, following[0], min(following[1], following[0] + 80)):
            stop = following[1]
        paragraph_break = _paragraph_break(breaks, end, stop)
        stop = paragraph_break if paragraph_break is not None else stop
        later = written.first_other_from(end, stop, folded_name)
        stop = later if later is not None else stop
        turn = TURNS_TO_ANOTHER.search(text, end, stop)
        stop = turn.start() if turn else stop
        for cue in EXTENT_CUE.finditer(text, end, stop):
            run = _departements_run(text, places, cue.end(), stop)
            codes = {p.code for p in run}
            if len(codes) >= 2 and not _counted_otherwise(text, end, run[0].start, len(codes)):
                found |= codes
    return found


def _counted_otherwise(text: str, start: int, run_start: int, size: int) -> bool:
    """Whether a count of départements just before a run names another number than the run holds
    ("qui s'étend sur trois départements (la Mayenne et la Sarthe)"): the text contradicts itself,
    and the run places the territory nowhere sure."""
    for counted in COUNTED_DEPARTEMENTS.finditer(text, max(start, run_start - 80), run_start):
        word = counted.group("count").lower()
        if (count_value(word)) != size:
            return True
    return False


def _placed_before_a_later_occurrence(text: str, name: str, places: list[PlaceMention], mention_starts: set[int],
                                      written: _WrittenNames) -> set[str]:
    """The one département named before a territory's name in the sentence of an occurrence that
    no finder took as a mention, as its mentions' own sentences are read (_stated_departements): a
    text that names it first in passing and places it in a later section ("Le premier … est un
    territoire de l'Indre-et-Loire au nom trompeur : le Grand Est Touraine n'a rien à voir …").
    Not when another territory's name stands before it in that sentence (the place may be that
    one's), nor when its occurrences disagree."""
    folded_name = fold(name)
    codes: set[str] = set()
    for start, _ in _standalone_occurrences(written.folded, folded_name) if name else []:
        if start in mention_starts:
            continue
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        if written.last_other_before(start, sentence_start, folded_name, ending_by=False):
            continue
        found = {p.code for p in places_starting_in(places, sentence_start, start)
                 if p.kind == "departement" and p.end <= start}
        if len(found) == 1:
            codes |= found
    return codes if len(codes) == 1 else set()


def _departements_run(text: str, places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The départements listed one after the other from the first place within EXTENT_REACH of
    `start`, joined by commas, "et" and articles only (before `stop`)."""
    run: list[PlaceMention] = []
    for place in places_starting_in(places, start, stop):
        if place.kind != "departement" or place.end > stop:
            break
        if run and not PLACE_GLUE.fullmatch(text, run[-1].end, place.start):
            break
        if not run and place.start - start > EXTENT_REACH:
            break
        run.append(place)
    return run


def _places_opening(text: str, places: list[PlaceMention], start: int, stop: int) -> list[PlaceMention]:
    """The places that open text[start:stop], nothing but PLACE_GLUE before and between them."""
    opening = []
    for place in places_starting_in(places, start, stop):
        if place.end > stop or not PLACE_GLUE.fullmatch(text, start, place.start):
            break
        opening.append(place)
        start = place.end
    return opening


def _spans_of_names(text: str, mentions: list[TerritoryMention]) -> list[tuple[int, int]]:
    """Every place in the text where a territory's name is written, its mentions included."""
    folded = fold(text)
    spans = [(m.start, m.end) for m in mentions]
    for name in {fold(m.name) for m in mentions if m.name}:
        spans += _standalone_occurrences(folded, name)
    return spans


def _standalone_occurrences(folded: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of each occurrence of `name` with no word character nor dash on either side,
    left to right and without overlaps, as a regex would find them; found with str.find, since a
    pattern made for each name costs more to compile than to run."""
    spans = []
    at = folded.find(name)
    while at >= 0:
        end = at + len(name)
        if _joins_a_word(folded, at - 1) or _joins_a_word(folded, end):
            at = folded.find(name, at + 1)
        else:
            spans.append((at, end))
            at = folded.find(name, end)
    return spans


def _joins_a_word(folded: str, index: int) -> bool:
    """Whether the character at `index` (if any) is a word character (a regex's letters, digits
    and underscore) or a dash."""
    return 0 <= index < len(folded) and (folded[index].isalnum() or folded[index] in "_-")


def _main_region(places: list[PlaceMention]) -> set[str]:
    """The région a text names most often (its own), if one does."""
    counts = Counter(p.code for p in places if p.kind == "region").most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return set()
    return {counts[0][0]}


def _regions_in(places: list[PlaceMention], sentence: tuple[int, int]) -> set[str]:
    """The régions named in `sentence`: "la Guyane", a département that is a région of its own,
    names its région too. `places` in reading order (places_starting_in: each row read them all)."""
    region_of = {departement: region for region, departement in referential.single_departement_regions().items()}
    return {p.code if p.kind == "region" else region_of[p.code] for p in places_starting_in(places, *sentence)
            if p.kind == "region" or (p.kind == "departement" and p.code in region_of)}


def _regions_of_its_heading(structure: Structure, places: list[PlaceMention], mention: TerritoryMention) -> set[str]:
    """The région a list item stands under: the nearest heading above it (or the list's intro)
    when that heading is a région's name alone ("Corse" / - … / "Guyane" / - …), or beside a note
    or a count ("Grand Est — 13 territoires", "Normandie (extrait)")."""
    if mention.list_id is None:
        return set()
    lst = structure.lists[mention.list_id]
    above = [span for span in [lst.intro, *lst.headings] if span is not None and span.start < mention.start]
    if not above:
        return set()
    heading = max(above, key=lambda span: span.start)
    if not heading_place(heading.of(structure.text)):
        return set()
    return _regions_in(places, (heading.start, heading.end))


# An intro that only refers to the sentence before it, which says where the items lie.
REFERRING_INTRO = re.compile(r"\s*(?:il\s+s'agit\b|ce\s+sont\s*:|(?:les\s+)?voici\s*:|a\s+savoir\s*:)")


# "La Manche en obtient deux, aux côtés de A et de B": names set beside the place the sentence
# opens on, its subject, lie elsewhere ("lancé sur la Haute-Savoie aux côtés de A": a complement,
# theirs too).
SET_BESIDE = re.compile(r"\baux\s+c[ôo]t[ée]s\b|\b[àa]\s+c[ôo]t[ée]\s+(?:de|du|des|d['’])", re.IGNORECASE)
SUBJECT_PLACE_BEFORE = re.compile(r"\s*(?:(?:la|le|les|l['’])\s*)?", re.IGNORECASE)
# Where the name before lies, glossed after it: "celui d'A, dans le Loiret, et B".
PLACE_GLOSS_AFTER = re.compile(r"[ \t»”\"]*,\s*(?:situ[ée]e?\s+)?(?:en|dans|au|aux|à)\s+(?:(?:la|le|les|l['’])\s*)?")


# "…, à cheval sur la Normandie et les Hauts-de-France": the places a name straddles, after it
STRADDLE_GLOSS_AFTER = re.compile(r"[ \t»”\"]*,\s*(?:situ[ée]e?\s+)?[àa]\s+cheval\s+(?:sur|entre)\s+")
# between two places of a run: "la Normandie et les Hauts-de-France", "le Cantal, le Lot et l'Aveyron"
PLACE_RUN_GLUE = re.compile(r"\s*(?:,|\bet\b)?\s*(?:(?:la|le|les|l['’])\s*)?", re.IGNORECASE)


def _glossed_territories(text: str, mentions: list[TerritoryMention],
                         places: list[PlaceMention] = ()) -> dict[int, set[str]]:
    """Start of each place written right after a territory's name as its gloss -> the territories
    it glosses: "…, le Territoire de l'Ouest et la CIREST, à La Réunion," (the place says where
    those lie, not where the other names of the sentence or the text's territories lie); every
    place of the run a name straddles ("la Vallée de X, à cheval sur la Normandie et les
    Hauts-de-France ; le Pays Y, en Corse": neither région is the Pays Y's)."""
    glossed: dict[int, set[str]] = {}
    for mention in mentions:
        gloss = PLACE_GLOSS_AFTER.match(text[mention.end:mention.end + 40].lower())
        if gloss:
            glossed.setdefault(mention.end + gloss.end(), set()).add(mention.territory_id)
        straddled = STRADDLE_GLOSS_AFTER.match(text, mention.end)
        if straddled:
            position = straddled.end()
            for place in sorted((p for p in places if position <= p.start < position + 200), key=lambda p: p.start):
                if not PLACE_RUN_GLUE.fullmatch(text, position, place.start):
                    break
                glossed.setdefault(place.start, set()).add(mention.territory_id)
                position = place.end
    return glossed


# "Interdépartemental Gers – Tarn-et-Garonne": the adjective that opens a name made of départements
INTER_ADJECTIVE = re.compile(r"inter(?:-\s*)?(?:d[ée]partemental|r[ée]gional)e?\s+", re.IGNORECASE)


def _named_places_standing(name: str, named: set[str]) -> set[str]:
    """The départements of a name that no river nor town reads as, kept whatever members the text
    links: a compass word and a demonym ("Nord Haut-Marnais et Sud Meusien"), or départements
    only, two or more or after the adjective ("Interdépartemental Gers – Tarn-et-Garonne"; not
    "Vienne" alone, a town too)."""
    bare = INTER_ADJECTIVE.sub("", name, count=1) if INTER_ADJECTIVE.match(name) else name
    if named_by_its_departements(bare) and (len(named) >= 2 or bare != name):
        return set(named)
    return named & compass_and_demonym_codes(name)


# "préfète de la région Grand Est, préfète du Bas-Rhin": the région's préfet, who acts for all its départements
REGION_PREFECT = re.compile(r"pr[ée]f[eè]t\w*\s+de\s+(?:la\s+)?r[ée]gion", re.IGNORECASE)


def _prefects_seat(text: str, places: list[PlaceMention]) -> set[str]:
    """The département of the préfet or sous-préfet a text names, when no other département is
    named ("aux côtés de …, Sous-Préfète du Val-de-Marne"): a text about one territory that places
    it nowhere else lies where the State's representative in its programme sits. Not a région's
    préfet, who acts for all its départements; two seats place nothing."""
    departements = [p for p in places if p.kind == "departement"]
    seats = {p.code for p in departements if not REGION_PREFECT.search(text, max(0, p.start - 80), p.start)}
    return seats if len(seats) == 1 and all(p.office for p in departements) else set()


def _hashtagged_departement(text: str, places: list[PlaceMention]) -> set[str]:
    """The département a post tags ("… labellisé Territoire d'industrie 🎉 #TerritoiresDIndustrie
    #Gard #Occitanie"), when the text names no other: a post about one territory that places it
    nowhere else is tagged where it lies. Two tagged or named départements place nothing."""
    departements = [p for p in places if p.kind == "departement"]
    codes = {p.code for p in departements}
    tagged = all(p.start > 0 and text[p.start - 1] == "#" for p in departements)
    return codes if len(codes) == 1 and tagged else set()


@lru_cache(maxsize=1)
def _prefecture_codes() -> dict[str, str]:
    """Folded préfecture -> its département's code, but for a town that is its own département
    (Paris), whose name neighbouring areas take ("Paris-Saclay", "Grand Paris Sud")."""
    return {fold(d.chef_lieu_name): d.code for d in referential.load().departements.values()
            if fold(d.chef_lieu_name) != fold(d.name)}


def _prefectures_in_name(name: str) -> set[str]:
    """The département of the préfecture a territory's name opens with ("Nevers Val de Loire": 58):
    a territory the text places nowhere else lies where the town it is first named after does,
    when the text names that département too, if only as an office's seat ("la CCI de la Nièvre").
    Not a préfecture further in the name ("Lacq-Pau-Tarbes", "Vitry-le-François – … – Bar-le-Duc"):
    the towns before it may lie in other départements."""
    codes = _prefecture_codes()
    first = name.split()[0] if name.split() else ""
    return {codes[word] for word in (fold(first), fold(first.split("-")[0])) if word in codes}


def _under_a_coded_heading(headings: list[tuple[int, tuple[str, ...]]], start: int,
                           sentence_regions: set[str]) -> list[str]:
    """The départements of the nearest "Loire (42)" line above a territory placed nowhere else: a
    page going through its départements lists each one's territories in its section ("Loire (42)"
    / "Territoires d'industrie" / "• 3 territoires d'industrie : A ; B ; C"). Not when the
    territory's own sentence names another région."""
    above = [codes for position, codes in headings if position < start]
    if not above or (sentence_regions and not set(referential.load().regions_of(list(above[-1]))) & sentence_regions):
        return []
    return sorted(above[-1])


def _stated_departements(text: str, places: list[PlaceMention], mention: TerritoryMention,
                         mentions: list[TerritoryMention], seats: list[PlaceMention], headline: set[str]) -> set[str]:
    """Départements the text states for a territory without codes of its own: the one named in
    its list's intro ("Liste des territoires d'industrie en Mayenne :") or in its own sentence,
    or all of those introduced by the word "départements" ("à cheval sur les départements de la
    Mayenne et de la Sarthe, « Cœur de Maine »"). Two départements without that word: none. A
    département glossing another territory of the sentence is that one's ("celui d'A, dans le
    Loiret, et le Grand Est Touraine")."""
    if mention.intro is not None:
        start, end = mention.intro
        # an intro reaching down to a later item holds the items before it ("1. A, porté par :" /
        # "- Quimperlé Communauté (Finistère)" / "2. B"): their places are theirs, not the intro's
        earlier_item = ITEM_LINE.search(text, start, end)
        end = earlier_item.start() if earlier_item else end
        if REFERRING_INTRO.match(fold(text[start:end])):
            # "Dans le Puy-de-Dôme, trois candidatures ont été retenues. Il s'agit de :"
            start = sentence_before(text, len(text[:start].rstrip()))[0]
    else:
        start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
        end = mention.end
    parts = [m.span() for m in PART_OF_THE_ITEMS.finditer(text, start, end)] if mention.intro is not None else []

    def named_in(start: int, end: int) -> list[PlaceMention]:
        return [p for p in places_starting_in(places, start, end) if p.kind == "departement" and p.end <= end
                and not any(s <= p.start < e for s, e in parts)
                and not (SUBJECT_PLACE_BEFORE.fullmatch(text, start, p.start) and p.end <= mention.start
                         and SET_BESIDE.search(text, p.end, mention.start))
                and not any(other.start < mention.start and p.end <= mention.start
                            and PLACE_GLOSS_AFTER.fullmatch(text, other.end, p.start)
                            for other in mentions if other.territory_id != mention.territory_id)]

    named = named_in(start, end)
    codes = {p.code for p in named}
    if len(codes) == 1 or re.search(r"d[ée]partements\b", text[start:end], re.IGNORECASE):
        return codes
    # a count's place is its items': "Dans le Cher, quatre territoires sont labellisés (A, B, C et D)"
    # (an intro opening at its count: the clause before it), "… ; dans l'Indre, deux (E et F)" (a
    # sentence of two départements: the one of the item's own clause, after its semicolon)
    clause = (_clause_start(text, start), start) if mention.intro is not None and not codes \
        else (text.rfind(";", start, mention.start) + 1, end) if mention.intro is None and len(codes) > 1 else None
    if clause and 0 < clause[0] < clause[1]:
        in_clause = {p.code for p in named_in(*clause)}
        if len(in_clause) == 1:
            return in_clause
    if mention.intro is not None and _places_alone(text, mention.intro, named):
        return codes  # "Dans le Doubs et le Territoire de Belfort :" over its items: where they lie
    if not codes and mention.intro is not None:
        demonym = territories_demonym(fold(text[mention.intro[0]:mention.intro[1]]))
        if demonym:
            return demonym  # "Les cinq territoires mayennais sont :"
    before = _previous_sentence_start(text, start) if mention.intro is not None else start
    if not codes and mention.intro is not None and OWN_DEPARTEMENT.search(fold(text[before:end])):
        # "six territoires d'industrie dans le département. Ces territoires sont les suivants :" in a
        # text naming one département: the communiqué's own; in a text naming others, the one
        # whose office the intro names ("La préfète de l'Orne se félicite que trois d'entre eux
        # concernent le département :", an item glossed "à cheval sur l'Orne et le Calvados"), else
        # the one its headline names ("la Mayenne compte désormais cinq territoires" over "… à
        # cheval sur la Mayenne et la Sarthe … Les cinq territoires du département sont :")
        own = {p.code for p in places if p.kind == "departement"}
        if len(own) > 1:
            own = {p.code for p in seats if before <= p.start < end} or own & headline
        if len(own) == 1:
            return own
    return _described_departements(text, places, mention)


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding `position` opens: after the last full stop, line break, colon or
    semicolon before it."""
    return max((found + len(mark) for mark in (". ", "! ", "? ", "\n", ":", ";")
                if (found := text.rfind(mark, 0, position)) >= 0), default=0)


# a line opening a list item ("1. ", "- ", "• "): where an intro reaching down to a later item ends
ITEM_LINE = re.compile(r"\n[ \t]*" + BULLET + r"[ \t]")
# "… compte désormais cinq territoires, dont un nouveau territoire interdépartemental partagé avec la
# Sarthe :": what an intro's "dont un" clause says, up to its comma, is about one of its items, not
# all of them. Not "dont deux …" ("…, dont quatre dans les Pyrénées-Atlantiques : A, B, C, D" may be
# the list itself).
PART_OF_THE_ITEMS = re.compile(r",\s*dont\s+une?\b[^,:;\n]*", re.IGNORECASE)


# What may stand around the places of an intro made of places only: "Dans le Doubs et le Territoire de Belfort :".
PLACES_ONLY_GLUE = re.compile(r"(?:[\s*_#:,–-]|\b(?:dans|en|et|le|la|les|l'|de|du|des|d')\b)*")


def _places_alone(text: str, intro: tuple[int, int], named: list[PlaceMention]) -> bool:
    """Whether a list's intro is made of départements' names only, a heading saying where its
    items lie (each of them, when it names several)."""
    start, end = intro
    inside = [p for p in named if start <= p.start and p.end <= end]
    if not inside:
        return False
    rest = fold(text[start:end])
    for place in inside:
        rest = rest[:place.start - start] + " " * (place.end - place.start) + rest[place.end - start:]
    return PLACES_ONLY_GLUE.fullmatch(rest) is not None


# A numbered heading "2. Name, its tagline" whose paragraph starts on the next line.
NUMBERED_HEAD = re.compile(r"[ \t]*\d{1,2}[.)][ \t]*$")
# A bracket holding départements only, after a place complement: "Autour de A et de B (Doubs, Haute-Saône), …"
BRACKET = re.compile(r"\(([^()\n]{1,120})\)")


def _described_departements(text: str, places: list[PlaceMention], mention: TerritoryMention) -> set[str]:
    """A line opening with the name and a colon describes the territory: the one département of
    its first sentence, or those introduced by the word "départements" ("Castelnaudary Castres :
    Il est un point focal de l'activité industrielle de l'Aude, …" -> 11). A numbered heading's
    paragraph does too where it opens (see _heading_paragraph_departements)."""
    described = NAME_COLON.match(text, mention.end)
    line_start = text.rfind("\n", 0, mention.start) + 1
    if not described and NUMBERED_HEAD.fullmatch(text, line_start, mention.start):
        return _heading_paragraph_departements(text, places, text.find("\n", mention.end))
    if not described or text[line_start:mention.start].strip(" \t•*-–"):
        return set()
    end = sentence_bounds(text, described.end())[1]
    codes = {p.code for p in places if p.kind == "departement" and described.end() <= p.start < end}
    if len(codes) == 1 or re.search(r"d[ée]partements\b", text[described.end():end], re.IGNORECASE):
        return codes
    return set()


def _heading_paragraph_departements(text: str, places: list[PlaceMention], line_end: int) -> set[str]:
    """'2. Vallée de X, le luxe en flacons' over 'Entre Somme et Seine-Maritime, les verriers …' or
    'Autour de A et de B (Doubs, Territoire de Belfort, Haute-Saône), l'aire urbaine …': the
    départements of the place complement that opens the heading's paragraph, when it locates it
    ("entre", "dans", "à cheval sur"), or of a bracket in it holding départements only."""
    if line_end < 0 or not text[line_end + 1:line_end + 2].strip():
        return set()  # no paragraph right under the heading
    start = line_end + 1
    sentence_end = sentence_bounds(text, start)[1]
    fronted = fronted_place(text, start, sentence_end)
    if fronted is None or fronted.end is None:
        return set()
    # the complement's bracket, whose commas cut the complement short ("(Doubs, …), l'aire …")
    bracket = BRACKET.match(text, text.find("(", fronted.places_start, fronted.end), sentence_end) \
        if "(" in text[fronted.places_start:fronted.end] else None
    if bracket and re.match(r"\s*,", text[bracket.end():]):
        return departements_bracket(text, bracket.start(1), bracket.end(1), places)
    if not fronted.locates:
        return set()
    return {p.code for p in places_starting_in(places, fronted.places_start, fronted.end) if p.kind == "departement"}


def _previous_sentence_start(text: str, start: int) -> int:
    """Where the sentence before `start` begins, across the line breaks of a wrapped paragraph."""
    end = slice(None, start).indices(len(text))[1]
    while end and text[end - 1].isspace():  # len(text[:start].rstrip()), not a copy of the text before
        end -= 1
    end -= 1
    index = bisect_right(_sentence_marks(text), slice(0, end).indices(len(text))[1] - 2) - 1
    return _sentence_marks(text)[index] + 2 if index >= 0 else 0


# Cached: a list's 6,000 items each looked for the marks back to the text's start.
@lru_cache(maxsize=16)
def _sentence_marks(text: str) -> list[int]:
    """Where each mark that ends a sentence (". ", ".\n", "! ", "? ", ":\n", "\n\n") starts, in order."""
    return [m.start() for m in re.finditer(r"(?=\. |\.\n|! |\? |:\n|\n\n)", text)]


OWN_DEPARTEMENT = re.compile(r"\b(?:dans\s+le|du|le|ce|notre|au)\s+departement\b(?!\s+(?:de|du|des|d'))")
