"""Territoires d'industrie named in a communiqué.

Each rule below finds one way communiqués name territories; its id goes into the `rule` column:

- territory.list_item        an item of a list whose intro (or sub-list heading) announces
                             territories: "12 territoires sont lauréats :", "Il s'agit de :",
                             "10 d'entre eux concernent la Normandie :" (the sentence before says
                             what "eux" are); glosses after the name are left out ("Est du Loiret
                             qui inclut notamment ...", "Issoudun, extension à ...", "(3 EPCI)").
                             A "label : value" item names the territory in its label ("« Axe
                             Seine » : CODAH, ..."), unless the label is a sub-list heading
                             ("Nouveaux territoires : A (32) ; B (48)"): then its parts are names.
- territory.list_item_codes  the same, or any list item, with département codes after the name:
                             "Figeac (46)", "(11-31-81)", "(TI interrégional/64-65)", "32/82",
                             or département names in brackets "(Haute-Marne et Meuse)"
- territory.coded_line       a name opening one of three lines or more in a row, each a name,
                             its départements' codes and, after a spaced dash, its members or a
                             remark: "Béziers-Sète (34) — Béziers Méditerranée, Sète Agglopôle …"
- territory.coded_head       a name and its départements' codes in brackets alone on a line,
                             its members (with their legal forms) on the next: "Troyes –
                             Bar-sur-Aube [10 – Aube]" / "Communauté d'agglomération …, …"
- territory.prefixed_name    "Territoire d'industrie de l'Ouest Rural regroupant ...",
                             'le Territoire d'industrie "Baie de Somme Ponthieu-Marquenterre industrie"',
                             "le contrat « Territoires d'industrie » pour Saint-Nazaire Cordemais",
                             "Notre territoire d'industrie, Lacq-Pau-Tarbes."
- territory.record_field     the value of a "Territoire : X" field line in a record of field lines
                             ("Départements : …", "Intercommunalités : …"), or of a page's
                             title "Fiche territoire n° 64-01 : Lacq-Pau-Tarbes": records.py
- territory.colon_list       names after "territoires suivants :", separated by ";" (or "," / "et")
- territory.quoted_enumeration  names each in its own quotes in running prose, set off by commas or
                             after a colon ("Trois territoires, « A », « B » et « C », ont été
                             labellisés"): quoted_enumerations.py
- territory.prose            a territory named once in running prose, in a sentence about labels:
                             "Le territoire du Grand Libournais ainsi que celui du Val de Garonne,
                             Guyenne, Gascogne et Réolais ont été reconduits", "Labellisé depuis
                             2023, le pays de Vannes ...", "Reconduit ... au sein du programme
                             Territoires d'industrie, le Grand Libournais ...", "Reconduits pour
                             2023-2027, la Cirest et le TCO ..." (two, an acronym), "l'arrivée d'un
                             territoire ..., « Cœur de Maine »"; not a part of a wider area
                             ("labellisé ... au sein d'un vaste espace reliant ..., le territoire de X")
- territory.ner              (off by default, COMMUNIQUES_NER=1) a LOC/ORG/MISC entity of the
                             French model in a sentence about labels that also says "territoire"
- territory.carried          a place's name with a participle apposed giving its carrier, an
                             intercommunality: "le Pays Ajaccien, porté par la CAPA, a lui aussi été
                             labellisé", "Le Pays de Vannes, porté conjointement par A, B et C, mise sur …"
- territory.in_passing       a territory named through its one intercommunality in a clause about its
                             label: a recall of the first wave "Ajaccio figurait lui aussi dans la
                             première vague du programme, en 2019, avec la CA du Pays Ajaccien
                             (CAPA)", a pair "a retenu, d'une part, la CA X …, et, d'autre part, la
                             CC Y", or one of three ends of "De A, …, au B, en passant par C, …, la
                             carte …", or a name a relative of its label qualifies ("…, notamment le
                             X, qui a lui aussi été désigné"): passing.py
- territory.kicker           (when no other rule finds one but territory.carried) a name alone on a line above a title
                             about the programme
- territory.headline         (likewise) a title's subject after the programme's words, when the
                             body writes each of its intercommunalities with its legal form:
                             "Territoires d'Industrie : Limoges Métropole et ELAN misent sur …";
                             or the one intercommunality a title about the programme names
                             ("L'agglomération de Bastia veut ses Territoires d'industrie")
- territory.section_headline (likewise) the name a newsletter section's headline gives the
                             territory whose protocol or contract it says signed: "p.4 — GRAND-EST
                             TOURAINE : LE PROTOCOLE EST SIGNÉ" (kicker.py)
- territory.topic            (last of all) the one place-like proper noun a single-subject article
                             about the programme names in its title and body, or twice in its body,
                             after a word of place: "un nouveau label pour le Nord-Franche-Comté" …
                             "Le Nord-Franche-Comté bénéficiera"; it must win clearly (topic.py);
                             a title opening with a place's name ("Le Nord Franche-Comté présente son
                             plan « Territoires d'industrie »") is a candidate too, and the programme's
                             words then "dans le X" ('le dispositif « Territoires d'industrie » dans le
                             Val de X') name it once; in a text saying two intercommunalities form
                             a territory, their names joined by a dash ("Orléans Métropole – Beauce
                             Loirétaine") name it; else
                             the one intercommunality of the referential (or its well-known acronym,
                             or the name it usually goes by: "Cap Nord") the article keeps naming:
                             "Le Bassin de Pompey … la communauté de communes du Bassin de Pompey …
                             le Bassin de Pompey tirera profit"
- territory.labelled         (also) "X avait été la première en 2018. La première zone des Alpes-Maritimes
                             à être labellisée Territoire d'industrie.": a verbless sentence of rank
                             right after the sentence giving X that rank
- territory.predecessor      the former territory a territory takes over from, quoted or after
                             the territory noun: "Il succède au territoire « Pau – Tarbes » de la
                             première génération", "prend la suite du Territoire d'industrie X",
                             or dropped right before a renaming ("Exit « A ». Le Territoire
                             d'industrie … s'appelle désormais « B »"); it takes none of the
                             members the text lists
- territory.intercommunalities_of  the one area a count of intercommunalities is "of", near the
                             programme's words: "les quatre communautés de communes du Grand Est
                             Touraine", "quatre intercommunalités du A et B" (fewer names than the count),
                             when no other rule names a territory
- territory.example          the subjects of sentences a heading or a sentence announces as
                             examples: "Quelques exemples" then "Dans le Tarn, Castres-Mazamet
                             mise sur …", "Les territoires pionniers montrent la voie. Le Pays de
                             Saint-Omer (Pas-de-Calais) a ouvert …"; or, unannounced, the run-in
                             heads of two paragraphs or more: "Le Saint-Quentinois (Aisne). Porté
                             par …" (examples.py)
- territory.section_heading  the names opening the headings of as many sections as a paragraph's
                             last sentence counts ("Zoom sur quatre d'entre eux." then "Grand
                             Dole : la chimie en tête" / paragraph / "Haut-Jura – …"), each section
                             holding what it says of its territory (sections.py)
- territory.roundup          a round-up by département in prose after a sentence counting the
                             territories ("La région en place six."): "Dans le Loiret, A et B, … ;
                             dans l'Indre, C et son pôle … ; enfin dans le Loir-et-Cher, la vallée
                             du D et la vallée du E", the names adding up to the count (roundup.py)
- territory.departement_section  the subject opening each paragraph under headings naming
                             départements only, after a paragraph about the programme: "Haute-Savoie"
                             / "À ses côtés, l'Annemasse mise sur …" (departement_sections.py)
- territory.signatories      proper names coordinated as the subject of signing a protocol or
                             contract: "Sud-Alsace et Bazancourt-Pomacle ayant déjà signé leur protocole"
- territory.quoted_headline  the name a press review's quoted headline gives its subject when the
                             headline says the label is about it: "• Le Progrès — « Roannais : un
                             label et un chef de projet »", "« Le X signe son contrat … »", "« L'Aube
                             garde son X »" over "… le pilier du territoire", "« X relabellisé … »",
                             "« X veut peser … »" over "le territoire d'industrie qui unit A et B"
                             (quoted_headlines.py); the newspaper before it is none
- territory.coordinated_subject names coordinated as the subject opening a sentence whose verb is
                             no verb of the label ("A et B ont un point commun : ce sont des
                             territoires d'industrie …"), when that sentence or the one before
                             speaks of territories and none is a bare town, or another rule names
                             one of them a territory (coordinated.py)
- territory.whole_departement (called by assemble.py, every place counted) a whole département said
                             to be labelled, in a text naming no territory and one département:
                             "l'ensemble du département a été labellisé" beside "le préfet de l'Ariège"

territory.labelled also reads the wider territory a member's page says it is labelled within ("…
sur l'axe Lacq-Pau-Tarbes", "… au sein d'un vaste espace reliant Lacq, Pau et Tarbes"), the places
a territory comes after in the order of the award ("Kourou est, après Cayenne et Saint-Laurent du
Maroni, la troisième commune à devenir Territoire d'industrie"), the territory the programme is
renewed for ("Ce dispositif … il est aussi renouvelé pour le Terrassonnais-Brive"), an
industrial zone the State selected, under its place's name ("la Guadeloupe retenue à travers la
zone industrielle et commerciale de Jarry"), the place a rank in the award is said of after its
verb ("la première agglomération … entrée dans le dispositif, en 2018, était Val de Garonne"), and
a town a cleft says was chosen for a département ("Pour les Alpes-Maritimes, c'est Carros qui a
été retenu"). A list whose items
mark its Territoires d'industrie with "TI Name" (another programme's laureates) names only those.
Names written with and without a connector, or a name and a whole part of it ("celui d'Issoudun",
"Châteauroux-Issoudun"), are one territory; an intercommunality with its legal form said to join
the programme, beside a territory the text names, is its member; so is the intercommunality the body
designates a title's territory through ("Grand Bastia : le territoire d'industrie …" over "le
territoire d'industrie de la CAB").

Names come from the text's structure (pipeline/extract/structure.py), never from a list of known
territories; the words the rules read are data (rules/territory_words.json). A bullet list of
programme axes or measures is not a list of territories: its intro announces something else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from os.path import commonprefix
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from pipeline import referential
from pipeline.extract import figure_scope
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.places import PlaceMention, departements_in_name, place_before, places_starting_in
from pipeline.extract.structure import count_value, parse
from pipeline.town_demonyms import towns_of_demonym
from pipeline.extract.territories.common import (PREFIX, SINGULAR_PREFIX, CONNECTORS, FOOTNOTE_CALLS, LEGAL_FORM, MAX_NAME_WORDS, COUNT_WORDS, WORDS,
                                                 DemonymRuns, demonym_run, demonyms_at,
                                                 TerritoryMention, capitalised_run, codes_after, codes_in_name,
                                                 departements_bracket, is_place_name, legal_form_end, make_mention,
                                                 sentence_ends, sentence_bounds, town_words, TITLE_LINES, SENTENCE_STOP,
                                                 top_lines)
from pipeline.extract.territories.coordinated import coordinated_subjects
from pipeline.extract.territories.examples import example_names
from pipeline.extract.territories.passing import (labelled_antecedents, named_in_passing, spanned_names,
                                                  subjects_of_a_recall, towns_of_a_pair)
from pipeline.extract.territories.sections import RULE as SECTION_RULE, section_names
from pipeline.extract.territories.departement_sections import departement_section_names
from pipeline.extract.territories.enumerations import (enumerated_names, names_among_territories_in_a_title,
                                                       names_before_a_count)
from pipeline.extract.territories.fronted_place import fronted_place
from pipeline.extract.territories.kicker import (headline_line, headline_pair, headline_subject, kicker_name, section_headline,
                                                title_apposition)
from pipeline.extract.territories.lists import (COUNTED_TERRITORIES, announces_territories, coded_dash_lines, coded_heads, colon_lists,
                                                list_items, table_cells)
from pipeline.extract.territories.phrases import PLACE_ADJECTIVE, PLACE_ADJECTIVE_HEAD
from pipeline.extract.territories.predicates import (CARRIED_RULE, COUNTED_OF_RULE, PREDECESSOR_RULE,
                                                     RULE as LABELLED_RULE, carried_subjects,
                                                     grouping_subjects, intercommunalities_labelled_too, intercommunalities_of,
                                                     labelled_objects, labelled_subjects, predecessors, selected_zones,
                                                     wider_areas)
from pipeline.extract.territories.prefixed import CODES_AS_NAME, prefixed_names, suffixed_names, territory_named
from pipeline.extract.territories.prose import (ONLY_OTHER_IS, described_heads, entities_in_label_sentences, prose_names,
                                               run_in_heads, signatories)
from pipeline.extract.territories.quoted_enumerations import quoted_enumerations
from pipeline.extract.territories.quoted_headlines import headlines_named_in_full, quoted_headline_names
from pipeline.extract.territories.records import (departement_fields_under_a_name, fiche_titles, placed_headings,
                                                  record_names)
from pipeline.extract.territories.roundup import roundup_names
from pipeline.extract.territories.topic import key_pattern, reads_as_place, topic_name
from pipeline.linking import EVERYDAY_FORM_SCORE, is_official_name, known_acronyms, link_epci
from pipeline.normalize import collapse_spaces, fold, name_key

# "pays-du-", "vallee-de-la-": a geographic head and its preposition at the start of a key.
GEOGRAPHIC_HEAD = re.compile(r"(?:" + "|".join(WORDS["geographic_heads"]) + r")-(?:de-la-|de-l-|du-|des-|de-|d-)"
                             r"|(?:" + "|".join(WORDS["name_adjectives"]) + r")-")

COMPASS_HEADS = frozenset(WORDS["compass_heads"])
FRENCH_QUOTES = str.maketrans({"“": "«", "”": "»", "„": "«"})

__all__ = ["TerritoryMention", "announces_territories", "compass_and_demonym_codes", "find_territories",
           "headline_name_of_a_description"]


def find_territories(text: str, places: list[PlaceMention],
                     entities: list[tuple[int, int, str]] = ()) -> list[TerritoryMention]:
    """Territory mentions in reading order; overlapping mentions keep the earliest rule's match.
    `entities` are the NER spans (nlp.entity_spans), a candidate source only when NER runs.
    English-style quotes read as French ones ("le périmètre “Béziers-Sète”" as « … »); one
    character for one, so offsets hold."""
    text = text.translate(FRENCH_QUOTES)
    structure = parse(text)
    candidates = (coded_heads(text, structure) + list_items(text, structure, places) + prefixed_names(text, structure, places)
                  + territory_named(text, structure, places)
                  + suffixed_names(text, structure)
                  # a former territory recalled is read as such before prose reads its quoted name
                  + colon_lists(text, structure) + quoted_enumerations(text) + predecessors(text, structure, places) + prose_names(text, structure, places)
                  + labelled_subjects(text, structure, places) + intercommunalities_labelled_too(text, structure, places)
                  + enumerated_names(text, structure, places)
                  + grouping_subjects(text, structure, places) + carried_subjects(text, structure, places)
                  + named_in_passing(text) + spanned_names(text, places) + labelled_antecedents(text, places)
                  + table_cells(text, structure, places)
                  + selected_zones(text, structure, places) + labelled_objects(text, structure, places)
                  + wider_areas(text, structure, places)
                  + signatories(text) + entities_in_label_sentences(text, list(entities), places)
                  + record_names(text, places) + fiche_titles(text, places) + placed_headings(text, places)
                  + names_before_a_count(text, structure, places)
                  + names_among_territories_in_a_title(text, places)
                  + run_in_heads(text, places) + described_heads(text, places)
                  + intercommunalities_of(text, structure, places)
                  + example_names(text, structure, places) + section_names(text, structure, places)
                  + coded_dash_lines(text, places)
                  + roundup_names(text, structure, places) + departement_section_names(text, structure, places)
                  + quoted_headline_names(text, places))
    candidates = _marked_items_only(text, structure, candidates)
    candidates += _likewise_elided(text, candidates, places)
    candidates = [m for m in candidates if not _tail_of_a_place(m, places) and not _recalled_former(text, m)]
    candidates = [m for m in candidates if not _perimeter_of_another(text, m)] or candidates
    candidates = _parts_of_a_name_with_commas(text, candidates)
    candidates += coordinated_subjects(text, places, candidates)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TerritoryMention] = []
    reach: list[int] = []  # the furthest end of the kept mentions up to each, which start in order
    for mention in candidates:
        # none before the first reaching past its start overlaps it (not all 6,000 items compared)
        overlap = next((kept[i] for i in range(bisect_right(reach, mention.start), len(kept))
                        if mention.start < kept[i].end and kept[i].start < mention.end), None)
        if overlap:
            overlap.departement_codes |= mention.departement_codes
            if overlap.intro is None and mention.intro is not None:
                overlap.intro, overlap.list_id = mention.intro, mention.list_id
            if mention.rule == PREDECESSOR_RULE and (overlap.start, overlap.end) == (mention.start, mention.end):
                overlap.rule = PREDECESSOR_RULE  # "prend la suite du Territoire d'industrie X": a former one
            continue
        kept.append(mention)
        reach.append(max(reach[-1], mention.end) if reach else mention.end)
    if any(not m.joins for m in kept):  # the intercommunality joins the territory the text names
        kept = [m for m in kept if not m.joins]
    if any(m.rule != COUNTED_OF_RULE for m in kept):
        # "les trois intercommunalités de l'Audomarois" beside the territory "Saint-Omer": the area a
        # count of intercommunalities is of names the territory only when the text names no other
        kept = [m for m in kept if m.rule != COUNTED_OF_RULE]
    # (an item of a list of territories is one of them: "… trois territoires : A, B et le bassin annécien")
    if any(not _described(text, m) for m in kept):
        kept = [m for m in kept if not _described(text, m) or m.intro is not None or _a_newcomer_of_its_own(text, m, kept)]
    kept = towns_of_a_pair(text, subjects_of_a_recall(text, kept))
    kept = _members_of_another(text, kept)
    kept = _carriers_of_a_named_territory(text, kept)
    kept = _title_territory_named_through_a_member(text, kept)
    kept = _places_of_one_body(text, kept)
    kept = _departements_holding_others(text, kept, places)
    _departements_in_names(text, kept, places)
    _departement_of_the_sub_heading(structure, kept, places)
    _departement_of_the_section_heading(structure, kept, places)
    departement_fields_under_a_name(text, kept, places)
    _places_written_after(text, kept, places)
    _departements_joined_into(text, kept, places)
    _departements_respectively(text, kept, places)
    _departements_of_its_counted_members(text, kept, places)
    _departements_framing_the_sentence(text, kept, places)
    _departement_of_the_only_other(text, kept, places)
    _departements_in_the_next_sentence(text, kept, places)
    _departements_placing_the_list_before(text, kept, places)
    _departement_counted_before(text, kept, places)
    _departements_of_the_only_territory(text, kept, places)
    _the_departement_the_text_is_about(text, kept, places)
    _departement_of_its_namesake(kept, places)
    _departement_of_a_demonym_before(text, kept)
    _departement_of_the_one_territory_demonym(text, kept)
    _departement_of_this_territory_demonym(text, kept)
    _departements_shared_with(text, kept, places)
    _departements_its_description_states(text, kept, places)
    _departements_it_takes_in(text, kept, places)
    _heads_an_acronym_spells(text, kept)
    _short_names_in_brackets(text, kept)
    _capitals_run_past_the_name(text, kept)
    _short_forms_named_in_full(text, kept)
    _carriers_left_out(kept)
    _demonym_for_its_departement(text, kept)
    _type_word_before_its_epci_name(text, kept)
    _variants_of_one_name(text, kept)
    _named_without_its_compass_word(kept)
    headlines_named_in_full(kept)
    _areas_named_after_their_town(text, kept)
    _named_with_where(kept)
    _codes_named_in_full(kept)
    kept = _title_names_its_list_restates(text, kept)
    kept = _title_compass_of_the_body_act(text, kept)
    kept = _title_named_under_its_label(text, kept)
    kept = _nicknames_in_the_head(text, kept)
    if all(m.rule == CARRIED_RULE or _labelled_too(text, m) for m in kept):
        # a title's or a page's only territory: "Mayotte « Territoire d'industrie » : …"; beside one
        # named with its carrier ("le Pays Ajaccien, porté par la CAPA, a lui aussi été labellisé")
        # or said labelled "too" (another territory, the article's own, was before it)
        named = {m.territory_id for m in kept}
        found = [m for m in (kicker_name(text, places) or headline_subject(text) or headline_pair(text, places)
                             or title_apposition(text, places) or section_headline(text, places)
                             or topic_name(text, places)) if m.territory_id not in named]
        _departements_in_names(text, found, places)
        kept = sorted(found + kept, key=lambda m: m.start)
    _acronyms_spelled_out(text, kept)
    return kept


# "X … a lui aussi été labellisé", "X, elle aussi retenue": the label of another territory than X,
# the one the article speaks of (folded text, right after the name, within its sentence)
LABELLED_TOO = re.compile(r"[^.;:!?\n]{0,80}?\b(?:lui|elle|eux|elles)\s+aussi\b")


def _labelled_too(text: str, mention: TerritoryMention) -> bool:
    """A name found by its label predicate that says it is labelled too: it leaves room for the
    article's own territory, which the title or the body names (topic, headline)."""
    return mention.rule == "territory.labelled" and bool(LABELLED_TOO.match(fold(text[mention.end:mention.end + 120])))


HEAD_PARAGRAPHS = 2  # a title and its chapeau: the first two paragraphs with a line of 40 characters or more
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
QUOTED = re.compile(r"«\s*$")  # right before a name (a closing quote follows it)
PREFIXED_RULE = "territory.prefixed_name"


def _nicknames_in_the_head(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Figeac. Le bassin de la « Mecanic Vallée » reconduit …' then 'Le Territoire d'industrie
    Figeac – Decazeville … est retenu': a title or chapeau names the body's territory by a
    nickname. A quoted name said labelled in the head and written nowhere else, when the body
    names another territory after the programme's words, lying in its départements or in none
    yet (the only such one, when the nickname states none), is that territory's nickname, no
    territory of its own. Kept when two could be it."""
    quoted = [m for m in mentions if m.rule == LABELLED_RULE and QUOTED.search(text, max(0, m.start - 3), m.start)
              and "»" in text[m.end:m.end + 3]]
    if not quoted:
        return mentions
    head_end = _head_end(text)
    folded = fold(text)
    dropped = set()
    for nickname in quoted:
        written = [m.start() for m in re.finditer(re.escape(fold(nickname.name)), folded)]
        if len(written) != 1 or written[0] >= head_end:
            continue
        others = [m for m in mentions if m.territory_id != nickname.territory_id and m.rule == PREFIXED_RULE]
        one_other = len({m.territory_id for m in others}) == 1
        named_after = {m.territory_id for m in others if _may_be_nicknamed(folded, nickname, written[0], m, one_other)}
        if len(named_after) == 1:
            dropped.add(nickname.territory_id)
    return [m for m in mentions if m.territory_id not in dropped]


def _may_be_nicknamed(folded: str, nickname: TerritoryMention, nickname_at: int, other: TerritoryMention,
                      one_other: bool) -> bool:
    """Whether `other`, a territory named after the programme's words, may be the one a head's
    quoted `nickname` (written at `nickname_at`) stands for: the body names it after the
    nickname, and it lies in the nickname's départements (or in none yet); a nickname stating no
    département may only stand for the body's one such territory (`one_other`)."""
    if folded.find(fold(other.name), nickname_at + 1) < 0:
        return False
    if nickname.departement_codes:
        return not other.departement_codes or nickname.departement_codes <= other.departement_codes
    return one_other


def _head_end(text: str) -> int:
    """Where the body starts: after the title and the chapeau, the first paragraphs that say
    something (a kicker, a date or a masthead's lines are shorter)."""
    said, start = 0, 0
    for end in [m.start() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        if any(len(line.strip()) >= 40 for line in text[start:end].splitlines()):
            said += 1
            if said == HEAD_PARAGRAPHS:
                return end
        start = end
    return 0


def _title_names_its_list_restates(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Territoires d'industrie : l'Ouest et l'Est de La Réunion reconduits' over 'La Réunion
    conserve ses deux Territoires d'industrie : le Territoire de l'Ouest, …, et la CIREST, …': a
    title names short the territories the body lists in full. When the body's territories are the
    items of one list whose intro counts them, the title names as many, and the body never writes
    a title's name again but inside those items, the title's names are those items: the list's
    names stand. The title is the first line, or the headline under a publisher's masthead
    ("PRÉFET DE LA RÉGION RÉUNION", a date, "COMMUNIQUÉ DE PRESSE", then the title)."""
    if not any(m.intro is not None for m in mentions):
        return mentions
    first_line = (0, re.match(r"\s*[^\n]*", text).end())
    for title_start, title_end in [first_line, *headline_line(text)]:
        restated = _restated_by_its_list(text, mentions, title_start, title_end)
        if restated is not None:
            return restated
    return mentions


# The act a sentence names right before a territory's name, in a few words: "signature du
# protocole « Territoire d'industrie » de l'", "le protocole du Territoire d'industrie " (folded text)
ACT_BEFORE_NAME = re.compile(r"\b(?P<act>protocole|contrat)\b[^.;!?\n]{0,50}$")


def _title_compass_of_the_body_act(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Signature du protocole « Territoire d'industrie » de l'Ouest' over 'le protocole du
    Territoire d'industrie Le Port a été signé': the title names by a lone compass word the
    territory whose act the body names, under another name: one territory, the body's name (its
    title's compass word is where it lies). Kept when the body gives that act to no other name,
    or to several."""
    folded = fold(text)
    first_line = (0, re.match(r"\s*[^\n]*", text).end())
    for title_start, title_end in [first_line, *headline_line(text)]:
        title = [m for m in mentions if title_start <= m.start and m.end <= title_end]
        if len(title) != 1 or fold(title[0].name) not in COMPASS_HEADS:
            continue
        act = ACT_BEFORE_NAME.search(folded, max(title_start, title[0].start - 60), title[0].start)
        if act is None:
            continue
        acted = {m.territory_id for m in mentions if m.start >= title_end and m.territory_id != title[0].territory_id
                 and (body_act := ACT_BEFORE_NAME.search(folded, max(title_end, m.start - 60), m.start))
                 and body_act.group("act") == act.group("act")}
        if len(acted) == 1:
            return [m for m in mentions if m.territory_id != title[0].territory_id]
    return mentions


# "Le territoire labellisé sous l'intitulé « X »" opening a sentence: the name the label is held
# under, given to the territory the text spoke of before (folded text, right before X).
LABEL_HELD_UNDER_NAME = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:le|ce|notre)\s+territoire\s+(?:labellise|retenu|reconduit"
                                   r"|selectionne|renouvele)e?\s+sous\s+(?:l'intitule|le\s+nom|la\s+denomination"
                                   r"|l'appellation|le\s+vocable)\s+(?:de\s+|d')?\"?\s*$")


def _title_named_under_its_label(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Le Bocage normand reconduit comme Territoire d'industrie' over 'Le territoire labellisé sous
    l'intitulé « Flers-Vire-Domfront » poursuit …': the body's sentence takes up the title's one
    territory and gives the name it is labelled under; one territory, that name (the gold lists a
    territory once). Kept when the text names any other."""
    if len(mentions) != 2 or mentions[0].territory_id == mentions[1].territory_id:
        return mentions
    title, body = sorted(mentions, key=lambda m: m.start)
    held_under = LABEL_HELD_UNDER_NAME.search(fold(text), max(0, body.start - 80), body.start)
    first_line = (0, re.match(r"\s*[^\n]*", text).end())
    if held_under and any(start <= title.start and title.end <= end < body.start
                          for start, end in [first_line, *headline_line(text)]):
        return [body]
    return mentions


def _restated_by_its_list(text: str, mentions: list[TerritoryMention], title_start: int,
                          title_end: int) -> list[TerritoryMention] | None:
    """The body's list when the title's names (between `title_start` and `title_end`, none named
    above it) are that list's items named short; None when they are not."""
    if any(m.start < title_start for m in mentions):
        return None
    title = [m for m in mentions if m.end <= title_end]
    body = [m for m in mentions if m.end > title_end]
    if not title or len(title) != len(body) or body[0].intro is None \
            or any(m.intro != body[0].intro for m in body):
        return None
    intro_start, intro_end = body[0].intro
    sentence_start = max(text.rfind(". ", 0, intro_start), text.rfind("\n\n", 0, intro_start)) + 1  # across wrapped lines
    counts = [m.group("count") for m in COUNTED_TERRITORIES.finditer(fold(text[sentence_start:intro_end]))
              if m.group("count")]
    if not any((count_value(count)) == len(body) for count in counts):
        return None
    outside_items = fold("".join(text[end:start] for end, start in
                                 zip([title_end] + [m.end for m in body], [m.start for m in body] + [len(text)])))
    if any(re.search(r"(?<![\w-])" + re.escape(fold(m.name)) + r"(?![\w-])", outside_items) for m in title):
        return None
    return body


def _departements_in_names(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """The départements a territory's name states ('Nord Loiret', 'Vosges', 'Territoire
    d'industrie 32/82'), kept apart in name_codes: a name's places are weaker than a statement."""
    for mention in mentions:
        # "Sud Meuse - Nord Haute-Marne (Haute-Marne et Meuse)": what its bracket states is stated,
        # even where its name holds the same places
        mention.name_codes = (departements_in_name(text, mention.start, mention.end, places)
                              | compass_and_demonym_codes(mention.name)) - mention.departement_codes
        if mention.rule == "territory.list_item_codes" and mention.departement_codes:
            # its codes are written beside it: a département's name in it they leave out is a
            # river or a town ("Marne et Brie Industries (77-91)")
            mention.name_codes = set()
        mention.departement_codes |= mention.name_codes | codes_in_name(mention.name)


# "Est Mosellan", "Nord Meurthe-et-Mosellan": a name made of a compass word and a demonym (folded);
# so is one made of a word of a rural area and a demonym ("Bocage Vendéen", "Plateau Ardéchois").
COMPASS_BEFORE_A_DEMONYM = re.compile(r"(?:nord|sud|est|ouest|centre|bocage|pays|plaine|plateau|marais)[ \t-]+")


def compass_and_demonym_codes(name: str) -> set[str]:
    """'Est Mosellan' lies in the Moselle as 'Nord Loiret' lies in the Loiret: a name made of a
    compass word (or a word of a rural area: 'Bocage Vendéen') and a département's demonym names
    that part of the département
    (rules/demonyms.json), and one made of two such parts ('Nord Haut-Marnais et Sud Meusien')
    both; a demonym beside a town's name ('Nevers et Sud Nivernais') is left to the rules on
    demonyms. No river or town is written so: these codes stand whatever members the text names."""
    return set(_compass_and_demonym_codes(fold(name).strip()))


# Cached: a territory's name is asked once per mention and again when its places are weighed
# (14,000 times on 2,000 generated texts, fewer than 1,000 distinct names), and each compass
# word tries every demonym's pattern (~3 % of the extraction's time uncached).
@lru_cache(maxsize=4096)
def _compass_and_demonym_codes(folded: str) -> frozenset[str]:
    parts = [part.strip() for part in re.split(r"\s+(?:et|&)\s+|\s+[–—/-]\s+", folded)]
    codes = [_compass_demonym_part(part) for part in parts]
    whole = _compass_demonym_part(folded)
    return frozenset(whole or (set().union(*codes) if len(codes) > 1 and all(codes) else set()))


def _compass_demonym_part(folded: str) -> set[str]:
    compass = COMPASS_BEFORE_A_DEMONYM.match(folded)
    if compass is None:
        return set()
    return _demonym_codes(folded, compass.end(), len(folded)) if any(
        pattern.fullmatch(folded, compass.end()) for pattern, _ in figure_scope._demonyms()) else set()


# "Flers Agglo et Intercom de la Vire au Noireau – TI Collines de Normandie": the usual
# abbreviation of the programme marking which items of a list are its territories.
TI_MARK = re.compile(r"(?<![\w'’])TI\s+(?=[A-ZÀ-Ý])")


def _marked_items_only(text: str, structure, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """A list of another programme's laureates ("appel à manifestation d'intérêt « Rebond
    industriel »") marks the ones that are Territoires d'industrie with "TI Name": when some items
    of a list carry the mark, its territories are the names after the mark only ("Flers Agglo et
    Intercom de la Vire au Noireau – TI Collines de Normandie": members, then the territory)."""
    items = {id(m): structure.item_at(m.start) for m in mentions}
    marked = {id(held[0]) for held in items.values()
              if held and TI_MARK.search(text, held[1].span.start, held[1].span.end)}
    return [m for m in mentions if not (items[id(m)] and id(items[id(m)][0]) in marked
                                        and m.rule != "territory.prefixed_name")]


FORMER_TERRITORY_RECALL = re.compile(WORDS["former_territory_recall"])


def _recalled_former(text: str, mention: TerritoryMention) -> bool:
    """'Pour mémoire, le Grand Charolais formait avec le Clunisois le territoire Ouest
    Saône-et-Loire': a territory the sentence recalls as it used to be is no territory of the
    document (rules/territory_words.json former_territory_recall)."""
    start, _ = sentence_bounds(text, mention.start)
    clues = _recall_clues(fold(text))  # fold(text)[a:b] == fold(text[a:b])
    if bisect_left(clues, start) == bisect_left(clues, mention.start):
        return False  # no recall marker before it: its sentence's words not folded and searched again
    return FORMER_TERRITORY_RECALL.search(fold(text[start:mention.start])) is not None


# What FORMER_TERRITORY_RECALL's marker needs (none overlaps another), where it starts in the
# folded text: 1,000 names of one sentence each searched it from the sentence's start.
RECALL_CLUE = re.compile(r"memoire|rappel|auparavant|jusqu'")


@lru_cache(maxsize=16)
def _recall_clues(folded: str) -> list[int]:
    return [m.start() for m in RECALL_CLUE.finditer(folded)]


PERIMETER_OF_ANOTHER = re.compile(WORDS["perimeter_of_another"])


def _perimeter_of_another(text: str, mention: TerritoryMention) -> bool:
    """'… d'Alès, dont le périmètre correspond à celui d'Alès Agglomération': the intercommunality
    whose perimeter the territory's matches is its member (rules/territory_words.json)."""
    start, _ = sentence_bounds(text, mention.start)
    return PERIMETER_OF_ANOTHER.search(fold(text[max(start, mention.start - 80):mention.start])) is not None


def _tail_of_a_place(mention: TerritoryMention, places: list[PlaceMention]) -> bool:
    """'… couvre le Doubs, la Haute-Saône et le Territoire de Belfort', read as 'le territoire de
    Belfort': a name that ends a département's or région's name begun before it is a piece of
    that place ("Savoie" in "Haute-Savoie", "Garonne" in "Tarn-et-Garonne"), no territory; so is
    a name begun inside it and running on ("partagé avec le Territoire de Belfort et la
    Haute-Saône", read 'Belfort et la Haute-Saône')."""
    place = place_before(places, mention.start)  # places are apart: no other may hold its start
    return place is not None and place.kind != "country" and mention.start < place.end \
        and (mention.end <= place.end or place.start < mention.start)


def _described(text: str, mention: TerritoryMention) -> bool:
    """'Le bassin nazairien a été labellisé': a head and an adjective of place describe the
    territory of a text that names none; beside a territory's name ('Grand Belfort … Le bassin
    belfortain y figure') they describe that one. A head written with a capital is a name of its
    own ('le Pays ajaccien, en Corse-du-Sud, et le territoire de Bastia')."""
    words = mention.name.split()
    return len(words) == 2 and words[1].islower() and not text[mention.start:mention.start + 1].isupper() \
        and bool(PLACE_ADJECTIVE_HEAD.match(fold(mention.name))) and bool(PLACE_ADJECTIVE.fullmatch(fold(words[1])))


NEWCOMER_FRONTED = re.compile(WORDS["newcomer_fronted"])
NEWCOMER_PREDICATE = re.compile(WORDS["newcomer_predicate"])
STEM = 4  # letters a place adjective shares with the name it is made from: "belfortain" / "Belfort"


def _a_newcomer_of_its_own(text: str, mention: TerritoryMention, kept: list[TerritoryMention]) -> bool:
    """'Sans surprise, la vallée de l'Arve est reconduite. … Nouveau venu, le bassin annécien rejoint
    le dispositif', '… Le bassin annécien fait son entrée dans le dispositif': the newcomer is not
    the territory renewed before it, when its adjective is made from none of the other names ('le
    bassin belfortain' beside 'Grand Belfort' is that one; 'le bassin auscitain' beside 'Grand Auch
    / Astarac', by the town its demonym is made from)."""
    start, end = sentence_bounds(text, mention.start)
    if not (NEWCOMER_FRONTED.search(fold(text[start:mention.start])) or NEWCOMER_PREDICATE.match(fold(text[mention.end:end]))):
        return False
    adjective = mention.name.split()[1]
    stem, towns = fold(adjective)[:STEM], {name_key(town) for town in towns_of_demonym(adjective)}
    return not any(word.startswith(stem) for other in kept if other is not mention
                   for word in re.findall(r"[a-z]+", fold(other.name))) \
        and not any(f"-{town}-" in f"-{other.territory_id}-" for other in kept if other is not mention for town in towns)


# "composé des communautés de communes A, B et C", "Ce projet regroupera 4 intercommunalités :":
# the intercommunalities one territory is made of.
MADE_OF_INTERCOMMUNALITIES = re.compile(
    r"\b(?:compose|constitue|forme|regroup\w*|reuni\w*|rassembl\w*|associ\w*)e?s?\s+(?:de\s+|des\s+|par\s+)?(?:(?:les|ses)\s+)?"
    r"(?:(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+)?(?:intercommunalites|communautes|epci)\b")


LEGAL_FORM_BEFORE = re.compile(LEGAL_FORM.pattern + r"$")
LEGAL_FORM_OF_BEFORE = re.compile(LEGAL_FORM.pattern + r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?$")
# "la Communauté intercommunale Réunion Est (CIREST) porte seule le Territoire d'industrie de l'Est"
CARRIES_THE_TERRITORY = re.compile(r"\bport(?:e|ent|ait|aient)\s+(?:(?:seule?s?|aussi|egalement)\s+)?(?:le|ce)\s+"
                                   + SINGULAR_PREFIX + r"\b")


# "Le territoire d'industrie Y couvre la communauté d'agglomération du Pays de X …": a verb of what
# the territory is made of, then an intercommunality written with its legal form.
MADE_OF = re.compile(r"(?<![\w'])(?:" + "|".join(WORDS["grouping_verbs"] + WORDS["covering_verbs"]) + r")(?![\w'])")
LEGAL_FORM_OF = LEGAL_FORM.pattern + r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?"


def _carriers_of_a_named_territory(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Territoire d'industrie « Est Réunion »' above 'la Communauté intercommunale Réunion Est
    (CIREST) porte seule le Territoire d'industrie de l'Est': an intercommunality written with its
    legal form, said to carry the territory, is that territory's member when the programme's words
    name the territory otherwise. So is one the text names by its acronym ("Retenue parmi les
    148 territoires d'industrie, la CAB a souhaité élargir la démarche à sa voisine … Le territoire
    d'industrie « A – B » réunit ainsi les deux intercommunalités")."""
    prefixed = [m for m in mentions if m.rule == "territory.prefixed_name"]
    named = {m.territory_id for m in prefixed}
    if not named:
        return mentions
    folded = fold(text)
    made_of = [(verb.end(), end) for m in prefixed for end in [sentence_bounds(text, m.start)[1]]
               if (verb := MADE_OF.search(folded, m.end, end))]

    def carrier(mention: TerritoryMention) -> bool:
        if mention.rule not in ("territory.prose", "territory.labelled") or mention.territory_id in named:
            return False
        if _listed_with_its_form(folded, mention, made_of):
            return True
        if mention.rule != "territory.prose":
            return False
        if mention.name in known_acronyms():
            return True
        window = max(0, mention.start - 40)
        form = LEGAL_FORM_BEFORE.search(folded, window, mention.start)
        end = sentence_bounds(text, mention.start)[1]
        return form is not None and bool(CARRIES_THE_TERRITORY.search(folded, mention.end, end)) \
            or LEGAL_FORM_OF_BEFORE.search(folded, window, mention.start) is not None \
            and any(_part_of_the_name(mention.territory_id, other) for other in named)
    return [m for m in mentions if not carrier(m)]


# "Grand Bastia : le territoire d'industrie dresse un bilan": a title about one territory, named
# before a colon (folded text, right after the name)
TITLE_ABOUT_ITS_TERRITORY = re.compile(r"\s*:\s*le\s+" + SINGULAR_PREFIX + r"\b")
# "le territoire d'industrie de la CAB", "… du Grand Annecy": the territory through one of its
# intercommunalities (folded text, right before the name)
THROUGH_AN_INTERCOMMUNALITY = re.compile(SINGULAR_PREFIX + r"\s+(?:de\s+la|du|de\s+l')\s*$")
MAX_HEADLINE = 150  # a headline's line: no sentence's end within it
# "la communauté d'agglomération X, également retenue", "…, retenue elle aussi", "…, aussi
# labellisée": another laureate beside the title's (folded text, within its sentence)
ALSO_LABELLED = re.compile(r"[^.;:!?\n]{0,80}?\b(?:aussi|egalement)\b")


def _title_territory_named_through_a_member(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """A title about one territory whose body designates that territory through one of its
    intercommunalities: the same territory, the intercommunality its member (members.py links
    it), not a second one. The body says it two ways:
    - with the programme's words: 'Grand Bastia : le territoire d'industrie dresse un bilan' over
      'Retenu en 2020, le territoire d'industrie de la CAB …', the intercommunality by its acronym
      or its official name ("du Grand Annecy");
    - as the one labelled: 'La Déodatie entre dans le club des territoires d'industrie' then '… la
      Déodatie fait bien partie de la liste nationale. La communauté d'agglomération de
      Saint-Dié-des-Vosges a été labellisée …', the headline's subject named again in the body and
      the intercommunality written with its legal form; only when the text names these two alone,
      and not when the intercommunality is said labelled too (another laureate)."""
    if len({m.territory_id for m in mentions}) < 2:
        return mentions
    folded = fold(text)
    title = _title_before_the_programme_words(text, folded, mentions)
    if title is not None:
        mentions = [m for m in mentions if not _the_programme_words_through_a_member(folded, title, m)]
    if len({m.territory_id for m in mentions}) != 2:
        return mentions
    subject = _headline_subject_named_again(text, folded, mentions)
    if subject is None:
        return mentions
    territory, title_end = subject
    others = [m for m in mentions if m.territory_id != territory.territory_id]
    if all(m.start >= title_end and m.rule == LABELLED_RULE and not ALSO_LABELLED.match(folded, m.end)
           and LEGAL_FORM_OF_BEFORE.search(folded, max(0, m.start - 60), m.start) for m in others):
        return [m for m in mentions if m.territory_id == territory.territory_id]
    return mentions


def _title_before_the_programme_words(text: str, folded: str, mentions: list[TerritoryMention]) -> TerritoryMention | None:
    """The territory a title line names before ': le territoire d'industrie'."""
    titles = [(0, re.match(r"\s*[^\n]*", text).end()), *headline_line(text)]
    return next((m for m in mentions if any(start <= m.start and m.end <= end for start, end in titles)
                 and TITLE_ABOUT_ITS_TERRITORY.match(folded, m.end)), None)


def _the_programme_words_through_a_member(folded: str, title: TerritoryMention, mention: TerritoryMention) -> bool:
    """Whether the body's 'le territoire d'industrie de la CAB' names the title's territory through
    an intercommunality: after the title, an acronym or an EPCI's official name."""
    if mention.territory_id == title.territory_id or mention.start < title.end \
            or not THROUGH_AN_INTERCOMMUNALITY.search(folded, max(0, mention.start - 40), mention.start):
        return False
    if ACRONYM_NAME.fullmatch(mention.name):
        return True
    siren = link_epci(mention.name).siren
    return siren is not None and is_official_name(mention.name, siren)


def _headline_subject_named_again(text: str, folded: str,
                                  mentions: list[TerritoryMention]) -> tuple[TerritoryMention, int] | None:
    """The first territory a headline says labelled, with the headline's end, when the body after
    it names it again."""
    headlines = [(start, end) for start, end in top_lines(text, TITLE_LINES)
                 if end - start <= MAX_HEADLINE and not SENTENCE_STOP.search(text, start, end)]
    placed = [(m, end) for m in mentions if m.rule == LABELLED_RULE
              for start, end in headlines if start <= m.start and m.end <= end]
    if not placed or fold(placed[0][0].name) not in folded[placed[0][1]:]:
        return None
    return placed[0]


def _listed_with_its_form(folded: str, mention: TerritoryMention, made_of: list[tuple[int, int]]) -> bool:
    """'Le Pays de Saint-Omer a été retenu … Le territoire d'industrie Audomarois couvre la
    communauté d'agglomération du Pays de Saint-Omer et …': a name the programme's words say a
    territory of another name is made of, with its legal form, is that territory's member."""
    written = re.compile(LEGAL_FORM_OF + re.escape(fold(mention.name)) + r"(?![\w-])")
    return any(written.search(folded, start, end) for start, end in made_of)


def _part_of_the_name(territory_id: str, other_id: str) -> bool:
    """'la communauté d'agglomération de Bastia' beside 'le territoire d'industrie du Grand Bastia':
    the intercommunality's name is a run of the named territory's words, so it is a part of it."""
    return f"-{territory_id}-" in f"-{other_id}-" and territory_id != other_id


def _members_of_another(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'La vallée du Garon, « territoire d'industrie »' above 'Le territoire d'industrie « Vienne
    Condrieu » composé des communautés de communes …, de la Vallée du Garon et …': a name the
    text lists among the intercommunalities another territory of it is made of is a member."""
    if len({m.territory_id for m in mentions}) < 2:
        return mentions
    folded = fold(text)
    lists = [(start, _with_its_list(text, end), match.end())
             for match in MADE_OF_INTERCOMMUNALITIES.finditer(folded)
             for start, end in [sentence_bounds(text, match.start())]]

    def owner(sentence_start: int) -> str | None:
        """'Il associe cinq intercommunalités :': the territory named last before a sentence whose
        subject is a pronoun is the one made of them."""
        if not PRONOUN_SUBJECT.match(folded, sentence_start):
            return None
        before = [m for m in mentions if m.start < sentence_start]
        return max(before, key=lambda m: m.start).territory_id if before else None

    def listed(mention: TerritoryMention) -> bool:  # in a list of another sentence than its own
        written = fold(mention.name)
        others = [(start, end) for sentence_start, end, start in lists
                  if not sentence_start <= mention.start < end and written in folded[start:end]
                  and owner(sentence_start) != mention.territory_id]
        if not others:
            return False  # the name written nowhere there: no pattern to build
        name = re.compile(r"(?<![\w-])" + re.escape(written) + r"(?![\w-])")
        # the next word of the longer member's name it heads, None where it is a whole item
        goes_on = [(longer.group(1) if (longer := LONGER_NAME_GOES_ON.match(text, match.end())) else None)
                   for start, end in others for match in name.finditer(folded, start, end)]
        # the head of several members' names ("Haut-Jura Saint-Claude", "Haut-Jura Arcade") is the
        # area they share, no member; the head of one ("Bourges" of "Bourges Plus") is taken for it
        return bool(goes_on) and (None in goes_on or len(set(goes_on)) < 2)
    return [m for m in mentions if not listed(m)]


# A longer name going on after a name: its next word, capitalised.
LONGER_NAME_GOES_ON = re.compile(r"[ \t]+([A-ZÀ-Ý][\w'’-]*)")
PRONOUN_SUBJECT = re.compile(r"\s*(?:il|elle|celui-ci|celle-ci)\s")


def _with_its_list(text: str, sentence_end: int) -> int:
    """Where a sentence ends, or, when it ends with a colon ("Il associe cinq intercommunalités
    :" then one per line), the paragraph of its list."""
    if not text[:sentence_end].rstrip().endswith(":") and not text[sentence_end:sentence_end + 1] == ":":
        return sentence_end
    paragraph = PARAGRAPH_END.search(text, sentence_end)
    return paragraph.start() if paragraph else len(text)


PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _departements_holding_others(text: str, mentions: list[TerritoryMention],
                                 places: list[PlaceMention]) -> list[TerritoryMention]:
    """'Territoires d'industrie : la Gironde confirmée dans la deuxième phase' above 'En Gironde,
    le territoire du Grand Libournais … reconduit': a département read as a territory is where
    the text's territories lie when a sentence places another of them there; a territory that
    bears its département's name (Ariège, Mayotte) is the only one in it. Mentions and places
    are read once, a sentence's territories by bisection (each place-named mention read every
    mention for every place: a document repeated 200 times took 15 s)."""
    ids = [m.territory_id for m in mentions]
    named = {i for m, i in zip(mentions, ids) if is_place_name(m.name)}
    if not named:
        return mentions
    order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
    starts = [mentions[k].start for k in order]
    reach = list(accumulate((mentions[k].end for k in order), max))  # the furthest end so far
    in_order = [ids[k] for k in order]
    # the next mention in reading order of another territory than this one's
    other_after = [len(order)] * len(order)
    for k in range(len(order) - 2, -1, -1):
        other_after[k] = k + 1 if in_order[k + 1] != in_order[k] else other_after[k + 1]

    def another_in(territory_id: str, start: int, end: int) -> bool:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        return first < stop and (in_order[first] != territory_id or other_after[first] < stop)

    # (not its word inside another territory's name: "Vosges" beside "Vosges saônoises")
    outside: dict[str, list[PlaceMention]] = {}
    for place in places:
        if not (count := bisect_right(starts, place.start)) or reach[count - 1] <= place.start:
            outside.setdefault(place.code, []).append(place)
    codes_at: dict[tuple[int, int], set[str]] = {}
    for place in places:
        if place.kind == "departement":
            codes_at.setdefault((place.start, place.end), set()).add(place.code)
    codes: dict[str, set[str]] = {}
    for mention, territory_id in zip(mentions, ids):
        if territory_id in named:
            codes.setdefault(territory_id, set()).update(codes_at.get((mention.start, mention.end), ()))
    doomed = {territory_id for territory_id, its_codes in codes.items()
              if any(another_in(territory_id, *sentence_bounds(text, place.start))
                     for code in its_codes for place in outside.get(code, ()))}
    return [m for m, i in zip(mentions, ids) if i not in doomed]


# "les départements", "les deux départements" before the places they are
COUNTED_NOUN_OF_DEPARTEMENTS = r"les\s+(?:(?:deux|trois|quatre|\d)\s+)?d[ée]partements\b"
STRADDLING = re.compile(r"[ \t]*+[»”\"]?,?\s*+(?:(?:lui|elle),\s*)?(?:(?:un|le|ce)\s+)?(?:territoire\s+)?"
                        # "…, bassin mécanique et aéronautique à cheval sur …", "…, territoire industriel à
                        # cheval sur …": an apposition, its words in lower case, before the straddling words
                        r"(?:(?:bassin|territoire)(?:\s+[a-zàâçéèêëîïôûùœ'’-]+){0,6}?\s+(?=(?:situ[ée]\s+)?[àa]\s+cheval\s))?"
                        # "Le territoire réunit trois intercommunalités à cheval sur la Seine-Maritime et la Somme"
                        r"(?:(?:r[ée]unit|regroupe|rassemble|associe|compte)\s+(?:\w+\s+)?(?:intercommunalit[ée]s|EPCI)\s+)?"
                        # "…, dont le périmètre s'étend sur …", "Ce territoire est à cheval sur …"
                        r"(?:dont\s+le\s+p[ée]rim[èe]tre\s+|(?:qui\s+)?est\s+)?"
                        r"(?:(?:situ[ée]\s+)?[àa]\s+cheval\s+(?:sur|entre)"
                        # "…, entre l'Ardèche et la Drôme", "…, situé à la fois en Ardèche et dans la Drôme"
                        r"|(?<=,\s)entre|(?:situ[ée]e?\s+)?[àa]\s+la\s+fois(?=\s+(?:en|dans)\s)"
                        # "…, à la frontière entre l'Ardèche et la Haute-Loire"
                        r"|[àa]\s+la\s+(?:fronti[èe]re|limite|jonction|charni[èe]re)\s+entre"
                        # "…, aux confins de la Marne et de la Haute-Marne", "…, à la limite du Nord et de
                        # l'Aisne": a border of two or more places (one alone is only near it)
                        r"|(?P<border>aux\s+confins|[àa]\s+la\s+(?:fronti[èe]re|limite|jonction|charni[èe]re|crois[ée]e))"
                        r"(?=\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]))"
                        # "…, sur les départements de l'Ain et de la Saône-et-Loire", "…, qui couvre l'Ardèche et la Drôme"
                        r"|(?:situ[ée]e?\s+|implant[ée]e?\s+)?(?:sur|dans)(?=\s+" + COUNTED_NOUN_OF_DEPARTEMENTS + r")"
                        r"|(?:qui\s+)?(?:couvre|couvrant|englobe|englobant)(?=\s+(?:l['’]|la\s|le\s|les\s))"
                        # "…, qui couvre une partie de la Marne et de la Haute-Marne"
                        r"|(?:qui\s+)?(?:couvre|couvrant|englobe|englobant|s['’]\s*[ée]tend\s+sur)\s+une\s+partie(?=\s+(?:de\s+la|de\s+l['’]|du|des)\s)"
                        # "…, qui s'étend à la fois sur la Seine-Maritime et sur la Somme", "…, qui s'étend de
                        # la Seine-Maritime à la Somme" (a run of places only: not "de l'estuaire jusqu'à …")
                        r"|(?:qui\s+)?s['’]\s*[ée]tend(?:ant)?\s+(?:[àa]\s+la\s+fois\s+)?sur|qui\s+s['’]\s*[ée]tend(?=\s+(?:de\s|du\s|des\s|d['’]))"
                        # "…, qui relie la Seine-Maritime et la Somme", "Lacq-Pau-Tarbes associe les
                        # Pyrénées-Atlantiques et les Hautes-Pyrénées" (places right after the article only)
                        r"|(?:qui\s+)?(?:relie|reliant|associe|associant)(?=\s+(?:l['’]|la\s|le\s|les\s))"
                        r"|(?:qui\s+est\s+)?(?:partag|r[ée]parti|situ|implant)[ée]?e?\s+(?:entre|sur)"
                        r"|implant[ée]e?\s+dans"
                        # "…, qui couvre des communes du Morbihan et du Finistère"
                        r"|(?:qui\s+)?(?:couvre|regroupe|r[ée]unit|rassemble|associe|f[ée]d[èe]re|englobe|comprend|inclut)\s+des\s+communes"
                        r"|inter(?:d[ée]partemental|r[ée]gional)e?\s*,?\s*(?:qui\s+)?(?:relie|reliant|r[ée]unit|associe|englobe|couvre|entre)"
                        # "…, territoire interdépartemental Morbihan-Finistère"
                        r"|inter(?:d[ée]partemental|r[ée]gional)e?(?=\s+[A-ZÀ-Ý])"
                        # "…, territoire interdépartemental (Marne, Haute-Marne)"
                        r"|inter(?:d[ée]partemental|r[ée]gional)e?\s*\((?=[^()\n]{1,80}\)))(?:\s+|(?<=\())"
                        # "…, à cheval sur les départements de l'Ardèche et de la Drôme"
                        r"(?:" + COUNTED_NOUN_OF_DEPARTEMENTS + r"\s+)?"
                        r"(?P<places>[^.;()\n]{1,80})")


def _straddled(text: str, straddling: re.Match, places: list[PlaceMention], counted: bool = False) -> set[str]:
    """The départements a STRADDLING match places a territory in: its run of places, or with
    `counted` those a count of départements names ("à cheval sur deux départements (Morbihan et
    Finistère)"); none for a border of one place ("à la limite de la Marne": only near it)."""
    codes = _places_run(text, straddling.start("places"), straddling.end("places"), places)
    if not codes and counted:
        codes = _counted_departements(text, straddling.start("places"), sentence_bounds(text, straddling.start())[1], places)
    return set() if straddling.group("border") and len(codes) < 2 else codes


def _places_run(text: str, start: int, end: int, places: list[PlaceMention]) -> set[str]:
    """The départements of the places written one after the other from `start`, joined by "et",
    commas and articles: "l'Isère et le Rhône" in "… sur l'Isère et le Rhône, réunit Vienne
    Condrieu Agglomération" (a name's "Vienne" further on is not one of them)."""
    codes, position = set(), start
    for place in sorted((p for p in places if start <= p.start < end and p.kind != "country"), key=lambda p: p.start):
        if not PLACE_HEADING_GLUE.fullmatch(fold(text[position:place.start])):
            break
        if place.kind == "departement":
            codes.add(place.code)
        position = place.end
    return codes


# "« Axe Seine », qui s'étend de l'estuaire jusqu'à la vallée de l'Eure": a relative clause
# between a name and the places it straddles
# (possessive blanks: a run of them is read once, not split between the two runs at each blank)
RELATIVE_AFTER_NAME = re.compile(r"[ \t]*+[»”\"]?\s*+,\s*qui\s[^,;.()«»\n]*")
CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý]")


def _straddling_after_a_clause(text: str, end: int, places: list[PlaceMention]) -> re.Match | None:
    """STRADDLING after a relative clause that names no one but places ("…, qui s'étend de
    l'estuaire jusqu'à la vallée de l'Eure, à cheval sur la Seine-Maritime et l'Eure")."""
    clause = RELATIVE_AFTER_NAME.match(text, end)
    if not clause:
        return None
    named = [(p.start, p.end) for p in places if end <= p.start < clause.end()]
    if any(not any(start <= word.start() < stop for start, stop in named)
           for word in CAPITALISED_WORD.finditer(text, end, clause.end())):
        return None  # "X, qui associe Lisieux Normandie, à cheval sur …": another's
    return STRADDLING.match(text, clause.end())


# "… voit son label renouvelé ; en Corse-du-Sud, le Pays Ajaccien également.": the clause after
# the semicolon elides the predicate said of the territory before it
LIKEWISE_ELIDED = re.compile(r"[^.;\n]{0,120}?;\s*(?P<frame>(?:en|dans|au|aux)\s+[^,;.\n]{1,40},\s*)?"
                             r"(?:(?:le|la|les|l['’])\s*)?(?P<name>[A-ZÀ-Ý][^,;.\n]{1,60}?)\s+(?:également|aussi)\s*[.;]")


def _likewise_elided(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> list[TerritoryMention]:
    """The territories a clause after a semicolon gives the same predicate, elided, as the
    territory named before it ("…, le territoire A voit son label renouvelé ; en Corse-du-Sud,
    le Pays Ajaccien également.")."""
    found = []
    for mention in mentions:
        elided = LIKEWISE_ELIDED.match(text, mention.end)
        if elided:
            framed = {p.code for p in places if p.kind == "departement" and elided.start("frame") <= p.start < elided.end("frame")}
            other = make_mention(text, elided.start("name"), elided.end("name"), mention.rule,
                                 framed | codes_after(text, elided.end("name"), places))
            found += [other] if other else []
    return found


def _places_written_after(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Kourou et Cayenne (Guyane )', 'Le Port et Saint-André à La Réunion', 'X, territoire à
    cheval sur la Mayenne et la Sarthe', 'X, partagé entre la Haute-Garonne et les Hautes-Pyrénées':
    the départements written after a name are where it lies,
    and where the name coordinated with it by "et" lies, even when the last name states its own
    ("Albigeois et Tarn Nord dans le Tarn")."""
    next_sentence = _NextSentenceStraddling(text, mentions)
    for index, mention in enumerate(mentions):
        codes = codes_after(text, mention.end, places)
        # "Cœur de Maine, territoire à cheval sur la Mayenne et la Sarthe", "…, à cheval sur deux
        # départements (Morbihan et Finistère)"; past a relative clause that names no place ("…, qui
        # s'étend de la côte jusqu'aux plateaux, à cheval sur …")
        for straddling in (STRADDLING.match(text, mention.end), _straddling_after_a_clause(text, mention.end, places),
                           next_sentence.of(mention)):
            if straddling and (straddled := _straddled(text, straddling, places, counted=True)):
                codes |= straddled
                break
        if not codes:
            continue
        mention.placed_codes |= codes
        if not mention.departement_codes - mention.name_codes:  # its name's places are no statement
            mention.departement_codes |= codes
        previous = index - 1
        while previous >= 0 and not mentions[previous].departement_codes \
                and re.fullmatch(r"\s+et\s+(?:(?:de\s+)?(?:la|le|les|l['’])\s*)?", text[mentions[previous].end:mentions[previous + 1].start]) \
                and not _placed_item_by_item(text, mentions, previous, mention.end):
            mentions[previous].departement_codes |= codes
            previous -= 1


# A comma between two names of an enumeration, after the first one's bracket ("A (D1 et D2), le B")
COMMA_JOINT = re.compile(r"\s*(?:\([^()\n]{0,60}\)\s*)?,\s*(?:(?:la|le|les|l['’])\s*)?")


def _placed_item_by_item(text: str, mentions: list[TerritoryMention], index: int, last_end: int) -> bool:
    """Whether the place after the last name (ending at `last_end`) is set off by a comma and a
    name coordinated before mentions[index] by commas has départements of its own: "A (D1 et D2),
    le B, le C et D, dans le Gard" places each name apart, the Gard only D; not "A, B, C et D, à La
    Réunion", nor "A (Guadeloupe), B et C (Guyane)"."""
    if not text[last_end:last_end + 3].lstrip(" \t»\"").startswith(","):
        return False
    while index and COMMA_JOINT.fullmatch(text, mentions[index - 1].end, mentions[index].start):
        index -= 1
        if mentions[index].departement_codes - mentions[index].name_codes:
            return True
    return False


# "Le territoire, à cheval sur …", "Ce territoire, situé à cheval entre …" opening the next sentence
NEXT_SENTENCE_TERRITORY = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:Le|Ce|Notre)\s+territoire(?=\s*,)")


class _NextSentenceStraddling:
    """STRADDLING set off by commas at the start of the sentence after one where a mention's name
    stands (the mention or the same words further on), whose subject points back to it ("… le Nord
    Franche-Comté a été retenu. Le territoire, à cheval sur le Doubs et le Territoire de Belfort,
    regroupe …"); not when another territory is named in between. Read once per document: each
    occurrence of a name is judged once, not again from every earlier mention of it (a name
    written 2,000 times took 135 s)."""

    def __init__(self, text: str, mentions: list[TerritoryMention]):
        self.text, self.folded = text, fold(text)
        self.ends = sentence_ends(text)
        ordered = sorted((m.start, m.territory_id) for m in mentions)
        self.starts = [start for start, _ in ordered]
        self.territories = [territory for _, territory in ordered]
        # the first index after each one whose territory differs: whether the mentions between
        # two positions are all one territory's, without reading them
        self.run_ends = [len(ordered)] * len(ordered)
        for index in range(len(ordered) - 2, -1, -1):
            same = self.territories[index + 1] == self.territories[index]
            self.run_ends[index] = self.run_ends[index + 1] if same else index + 1
        self.answers: dict[tuple[str, int, object], tuple[bool, re.Match | None]] = {}

    def of(self, mention: TerritoryMention) -> re.Match | None:
        name, territory = fold(self.text[mention.start:mention.end]), mention.territory_id
        chain, position = [], mention.start
        while position >= 0 and (name, position, territory) not in self.answers:
            chain.append(position)
            position = self.folded.find(name, position + len(name))
        answer = self.answers[(name, position, territory)] if position >= 0 else (False, None)
        for position in reversed(chain):
            answer = self._pointed_after(position, territory) or answer
            self.answers[(name, position, territory)] = answer
        return answer[1]

    def _pointed_after(self, position: int, territory) -> tuple[bool, re.Match | None] | None:
        """(True, STRADDLING or None) when the sentence holding `position` ends with a full stop,
        names no other territory after it, and the next one opens with "Le territoire,"."""
        index = bisect_left(self.ends, position)
        end = self.ends[index] if index < len(self.ends) else len(self.text)
        if end >= len(self.text) or self.text[end] != ".":
            return None
        first, last = bisect_right(self.starts, position), bisect_right(self.starts, end)
        if first < last and (self.territories[first] != territory or self.run_ends[first] < last):
            return None
        pointer = NEXT_SENTENCE_TERRITORY.match(self.text, end + 1)
        return (True, STRADDLING.match(self.text, pointer.end())) if pointer else None


# "A et B, respectivement dans l'Yonne et la Nièvre": one place for each name, in their order.
# Its blanks and quotes are read whole (possessive), not split with the blanks after them (10,000
# blanks after a name: 3 s).
RESPECTIVELY = re.compile(r"[ \t»”\"]*+(?:,?\s*(?:(?:situ|implant|localis)[ée]e?s\s+)?|\s*\(\s*)respectivement\s+", re.IGNORECASE)
NAMES_JOINT = re.compile(r"[ \t»”\"]*(?:,\s*(?:et\s+)?|\s+et\s+)(?:(?:la|le|les)\s+|l['’]\s*)?[«“\"]?\s*", re.IGNORECASE)


def _departements_respectively(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Les territoires retenus sont l'Auxerrois et Cœur de Loire, respectivement dans l'Yonne et
    la Nièvre': as many départements as coordinated names, each where the name of its rank lies."""
    ordered = sorted({(m.start, m.end): m for m in mentions}.values(), key=lambda m: m.start)
    for index, last in enumerate(ordered):
        respectively = RESPECTIVELY.match(text, last.end)
        if not respectively:
            continue
        names = [last]
        while index - len(names) >= 0 and NAMES_JOINT.fullmatch(text, ordered[index - len(names)].end, names[0].start):
            names.insert(0, ordered[index - len(names)])
        run, position = [], respectively.end()
        for place in sorted((p for p in places if p.start >= position and p.kind != "country"), key=lambda p: p.start):
            if place.kind != "departement" or not PLACE_HEADING_GLUE.fullmatch(fold(text[position:place.start])):
                break
            run.append(place.code)
            position = place.end
        if len(names) < 2 or len(run) != len(names):
            continue
        for mention, code in zip(names, run):
            if not mention.departement_codes - mention.name_codes:
                mention.departement_codes.add(code)
                mention.placed_codes.add(code)


# "le Grand Est Touraine, qui réunit quatre communautés de communes d'Indre-et-Loire": where the
# intercommunalities a relative clause counts lie; so with the verb right after the name ("Le
# territoire X réunit des communautés de communes de la Marne et de la Haute-Marne").
# (the blanks and quotes after the name are read once: possessive, the lookbehind asks the run to
# end with a blank as "\s+" did; read as "[ \t»”\"]*\s+" each blank of a run opened a way)
MEMBERS_PLACED_AFTER = re.compile(r"(?:[ \t»”\"]*+,\s*+qui\s+|(?=[ \t»”\"\s])[ \t»”\"]*+\s*+(?<=\s))(?:r[ée]unit|regroupe|rassemble|associe|f[ée]d[èe]re)\s+"
                                  r"(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r"|des|plusieurs)\s+"
                                  r"(?:intercommunalit[ée]s|communaut[ée]s(?:\s+de\s+communes|\s+d['’]agglom[ée]ration)?|EPCI)\s+"
                                  r"(?P<places>(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[^.;()\n]{1,60})", re.IGNORECASE)


# "A, au même titre que quatorze autres communautés de communes de l'Aveyron, du Lot et du Cantal,
# figure dans le périmètre du Territoire d'industrie X": the counted intercommunalities are placed
# before the verb that makes them part of the territory named at the sentence's end.
MEMBERS_PLACED_BEFORE = re.compile(r"\b(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r"|des|plusieurs)\s+(?:autres\s+)?"
                                   r"(?:intercommunalit[ée]s|communaut[ée]s(?:\s+de\s+communes|\s+d['’]agglom[ée]ration)?|EPCI)\s+"
                                   r"(?P<places>(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[^.;()\n]{1,60}?),\s+"
                                   r"(?:figure(?:nt)?|font\s+partie|fait\s+partie|appartiennent|appartient|sont\s+membres?|est\s+membre)\b"
                                   r"[^.;()\n]{0,80}$", re.IGNORECASE)
# how far before a name MEMBERS_PLACED_BEFORE is looked for: its count, places and verb take ~200
# characters (each name of a sentence of 1,500 searched it from the sentence's start: quadratic)
MEMBERS_PLACED_REACH = 400


class MentionStarts:
    """The mentions' starts in order, all and by territory: whether a span names another
    territory is found by bisection (a list of 2,000 items asked it of each mention for every other)."""

    def __init__(self, mentions: list[TerritoryMention]):
        self.all = sorted(m.start for m in mentions)
        self.by_territory: dict[str | None, list[int]] = {}
        for mention in mentions:
            self.by_territory.setdefault(mention.territory_id, []).append(mention.start)
        for starts in self.by_territory.values():
            starts.sort()

    def others(self, mention: TerritoryMention, start: int, end: int) -> int:
        """How many mentions but this one start in [start, end)."""
        return bisect_left(self.all, end) - bisect_left(self.all, start) - (start <= mention.start < end)

    def other_than(self, territory_id: str | None, start: int, end: int) -> bool:
        """Whether a mention of another territory starts in [start, end)."""
        own = self.by_territory.get(territory_id, [])
        return bisect_left(self.all, end) - bisect_left(self.all, start) > bisect_left(own, end) - bisect_left(own, start)


def _departements_of_its_counted_members(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'le Grand Est Touraine, qui réunit quatre communautés de communes d'Indre-et-Loire', 'X
    réunit des communautés de communes de la Marne et de la Haute-Marne': the départements its
    intercommunalities are said to lie in, for that one name (the verb is in the singular); or
    before it, the one territory its sentence names (MEMBERS_PLACED_BEFORE)."""
    named = MentionStarts(mentions)
    for mention in mentions:
        if mention.departement_codes:
            continue
        counted = MEMBERS_PLACED_AFTER.match(text, mention.end)
        if not counted:
            start, end = sentence_bounds(text, mention.start)
            alone = not named.other_than(mention.territory_id, start, end)
            counted = MEMBERS_PLACED_BEFORE.search(text, max(start, mention.start - MEMBERS_PLACED_REACH),
                                                mention.start) if alone else None
        if counted:
            mention.departement_codes |= _places_run(text, counted.start("places"), counted.end("places"), places)


# "Le Lot voit son bassin de Figeac réuni avec le Cantal et l'Aveyron dans le territoire X": the
# places joined into the territory named right after, the subject's among them.
JOINED_INTO = re.compile(r"(?:r[ée]uni|associ[ée]|regroup[ée]|rassembl[ée])e?s?\s+(?:avec|[àa])\s+(?P<places>[^.;()\n]{1,80}?)\s+"
                         r"(?:dans|au\s+sein\s+d[ue]|pour\s+former)\s+(?:le\s+|un\s+)?(?:m[êe]me\s+)?territoire"
                         r"(?:\s+d['’]\s*industrie)?\s*[«\"]?\s*$", re.IGNORECASE)
JOINED_CLUE = re.compile(r"(?=r[ée]uni|associ[ée]|regroup[ée]|rassembl[ée])", re.IGNORECASE)  # where JOINED_INTO may start


def _departements_joined_into(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'… son bassin de Figeac réuni avec le Cantal et l'Aveyron dans le territoire Aurillac –
    Figeac – Rodez': the départements written after "avec", and those of the sentence's subject
    before the participle ("Le Lot voit …"), are where the territory named right after lies."""
    clues = [m.start() for m in JOINED_CLUE.finditer(text)]
    for mention in mentions:
        if mention.departement_codes:
            continue
        sentence_start = sentence_bounds(text, mention.start)[0]
        if bisect_left(clues, sentence_start) == bisect_left(clues, mention.start):
            continue  # no participle of joining before it (1,000 names of one sentence each searched)
        joined = JOINED_INTO.search(text, sentence_start, mention.start)
        if not joined:
            continue
        codes = _places_run(text, joined.start("places"), joined.end("places"), places)
        if codes:
            mention.departement_codes |= codes | {p.code for p in places if p.kind == "departement"
                                                  and sentence_start <= p.start < joined.start()}


# "Collines de Normandie, partagé avec l'Orne", "Vallée de la Bresle (territoire interrégional avec
# la Somme)", "…, ce dernier étant partagé avec les Hautes-Pyrénées", "…, qui s'étend aussi sur la
# Loire", "X, qui déborde sur la Loire", "Beaujolais, commun avec le Rhône", "Nord Franche-Comté,
# organisé autour de Pays de Montbéliard Agglomération et partagé avec la Haute-Saône" (a participle
# of what it is built around, then the sharing): the départements it shares, besides the one the
# context gives.
# (possessive blanks: the blanks after a name are read once, not once per way of splitting them)
BUILT_AROUND = r"(?:(?:port|organis|construit|centr|structur|articul|b[âa]ti)[ée]?e?s?\s+(?:par|sur|autour\s+d(?:e|u|es|['’]))\s*[^.;:,()\n]{1,100}?\s+et\s+)?"
SAID_TO_SHARE = re.compile(r"[ \t]*+[»”\"]?\s*+[,(–—-]\s*(?:(?:ce\s+dernier|celui-ci|lui-m[eê]me|qui)\s+(?:[ée]tant\s+)?)?"
                           r"(?:(?:(?:un|le)\s+)?(?:territoire\s+)?(?:(?:inter(?:-\s*)?(?:r[ée]gional|d[ée]partemental)\s+)?"
                           r"(?:qui\s+est\s+)?" + BUILT_AROUND + r"(?:partag[ée]e?|commune?)|inter(?:-\s*)?(?:r[ée]gional|d[ée]partemental))\s+avec"
                           r"|(?:s['’][ée]tend(?:ant)?|d[ée]bord(?:e|ant))\s+(?:(?:aussi|[ée]galement|lui\s+aussi)\s+)?sur)"
                           r"\s+(?P<places>[^.;()\n]{1,80})")


def _departements_shared_with(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Collines de Normandie, partagé avec l'Orne': the départements a territory is said to
    share are where it lies too, besides the one its context gives (the Calvados of 'Le Calvados
    compte trois territoires …', a list's heading), which they do not replace."""
    for mention in mentions:
        shared = SAID_TO_SHARE.match(text, mention.end)
        if shared:
            # "… – qui s'étend sur trois départements (Aveyron, Lot et Cantal)": the count's places
            mention.shared_codes |= _places_run(text, shared.start("places"), shared.end("places"), places) \
                or _counted_departements(text, shared.start("places"), sentence_bounds(text, shared.start())[1], places)


# What a territory's description says it straddles: "Territoire interdépartemental (Morbihan,
# Finistère)", "interrégional : Aisne et Somme", "(interdépartemental, Morbihan et Finistère)",
# "Renouvelé (interdépartemental avec le Nord)", "à cheval sur la Haute-Garonne et les Hautes-Pyrénées", "qui englobe aussi des communes du Finistère".
INTER = r"inter(?:-\s*)?(?:d[ée]partemental|r[ée]gional)e?"
STRADDLED_IN_DESCRIPTION = re.compile(
    r"\b" + INTER + r"\s*\((?P<bracket>[^()\n]{1,80})\)"
    r"|(?:\b" + INTER + r"\s*(?::|,|,?\s*(?:entre|avec))|[àa]\s+cheval\s+sur|(?:partag|r[ée]parti)[ée]?e?\s+entre"
    r"|s['’]\s*[ée]tend(?:ant)?\s+(?:(?:aussi|[ée]galement)\s+)?sur"
    r"|(?:comprend|inclut|englobe|couvre)\s+(?:(?:aussi|[ée]galement|en\s+outre)\s+)?des\s+communes)"
    r"\s+(?P<places>[^.;()\n]{1,80})", re.IGNORECASE)
# A name's description: on its own line after a colon or a dash ("Lorient-Quimperlé : Renouvelé.
# Territoire interdépartemental (…)", a definition list) or in the next cells of its table row, or
# in a bracket right after it.
DESCRIPTION_AFTER_NAME = re.compile(r"[»”\"*_]*(?:[ \t]*(?::|[–—])[ \t]+|[ \t]*\|[ \t]*|\t[ \t]*)(?P<line>[^\n]*)"
                                    r"|[»”\"]?[ \t]*\((?P<bracket>[^()\n]{1,120})\)")
# The call of a footnote glued to a name: "Lorient-Quimperlé*", "Name¹".
FOOTNOTE_CALL = re.compile(r"[»”\"]?(?P<call>\*{1,3}|[" + FOOTNOTE_CALLS + r"])(?![*" + FOOTNOTE_CALLS + r"])")


def _descriptions(text: str, mention: TerritoryMention, named: MentionStarts,
                  notes: list[re.Match]) -> list[tuple[int, int]]:
    """Where a name is described: the rest of its own line after a colon, a dash or a table's cell
    border, or the bracket after it, when no other territory is named there; the first of the
    text's `notes` further on that starts with the call glued to the name ("X*" and "* Territoire
    interdépartemental, …")."""
    spans = []
    described = DESCRIPTION_AFTER_NAME.match(text, mention.end)
    if described:
        group = "line" if described.group("line") is not None else "bracket"
        span = described.span(group)
        if not named.others(mention, span[0], span[1]):
            spans.append(span)
    called = FOOTNOTE_CALL.match(text, mention.end)
    if called and not text[max(0, mention.start - 4):mention.start].rstrip("«“\" ").endswith("*"):  # "**X**": bold
        note = next((n for n in notes if n.start() > called.end() and n.group("call") == called.group("call")), None)
        # a line naming another territory is an item of a list marked so, not the note
        if note and not named.others(mention, note.start("note"), note.end("note")):
            spans.append(note.span("note"))
    return spans


# A line opening with a footnote's call: "* Territoire interrégional, …", "¹ Le territoire de …".
NOTE_LINE = re.compile(r"^[ \t]*(?P<call>\*{1,3}|[" + FOOTNOTE_CALLS + r"])[ \t]*(?P<note>[^\s*" + FOOTNOTE_CALLS
                       + r"][^\n]*)", re.MULTILINE)


def _departements_its_description_states(text: str, mentions: list[TerritoryMention],
                                         places: list[PlaceMention]) -> None:
    """'Lorient-Quimperlé : Renouvelé. Territoire interdépartemental (Morbihan, Finistère), …',
    'Lorient-Quimperlé*' then '* Territoire interdépartemental, qui englobe aussi des communes du
    Finistère': the départements a name's description says it straddles are where it lies,
    besides those its context gives."""
    notes, named = list(NOTE_LINE.finditer(text)), MentionStarts(mentions)
    for mention in mentions:
        for start, end in _descriptions(text, mention, named, notes):
            # from where the places of one match would start, another may begin ("interrégional,
            # qui englobe aussi des communes de la Somme")
            while straddled := STRADDLED_IN_DESCRIPTION.search(text, start, end):
                group = "bracket" if straddled.group("bracket") is not None else "places"
                mention.shared_codes |= _places_run(text, straddled.start(group), straddled.end(group), places)
                start = straddled.start(group)


# "³ Le territoire de Déodatie est interrégional : il comprend également des communes de
# Meurthe-et-Moselle", "X s'étend aussi sur la Somme": a sentence anywhere in the text, a footnote's
# included, saying which other départements a named territory takes in.
TAKES_IN = with_first_letters(re.compile(r"(?:\best\s+" + INTER + r"\s*[:;,]\s*(?:il|elle)\s+)?"
                                         r"\b(?:(?:comprend|inclut|englobe|couvre|compte|r[ée]unit|regroupe)\s+(?:(?:aussi|[ée]galement|en\s+outre)\s+)?"
                                         r"des\s+communes|s['’]\s*[ée]tend\s+(?:aussi|[ée]galement)\s+sur)"
                                         r"\s+(?P<places>[^.;()\n]{1,80})", re.IGNORECASE))


def _departements_it_takes_in(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Le territoire de Déodatie est interrégional : il comprend également des communes de
    Meurthe-et-Moselle' (a footnote below the list naming it), 'Le territoire de X s'étend aussi
    sur le Finistère': the départements a territory is said to take in, wherever the text writes
    its name right before, are where it lies, besides those its context gives. The phrases are
    found once; each looks back for a name (no scan of the text per name)."""
    folded = fold(text)
    names = [(fold(m.name), m) for m in mentions if m.name]
    for taken in TAKES_IN.finditer(text):
        before = folded[max(0, taken.start() - 200):taken.start()].rstrip(" \t»”\"")
        for name, mention in names:
            if before.endswith(name) and not re.search(r"[\w-]$", before[:len(before) - len(name)]):
                mention.shared_codes |= _places_run(text, taken.start("places"), taken.end("places"), places)


# "… est reconduit pour la période 2023-2027 en Charente": a département after the predicate.
IN_BEFORE = re.compile(r"(?:\ben|\bdans\s+(?:la|le|les|l['’])?)\s*$", re.IGNORECASE)


def _departement_of_the_only_other(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Dans le Doubs, le seul autre territoire labellisé est le Nord Franche-Comté': the place
    framing the sentence holds the text's territory too, the one "autre" sets X beside; it goes
    to the territories whose départements nothing else states."""
    folded = fold(text)
    for match in ONLY_OTHER_IS.finditer(folded):
        start = sentence_bounds(text, match.start())[0]
        start = max(start, text.rfind(";", start, match.start()) + 1)  # "… ; dans le Doubs, le seul autre …"
        fronted = fronted_place(text, start, match.start())
        comma = text.rfind(",", start, match.start())
        codes = departements_bracket(text, fronted.places_start, comma, places) \
            if fronted and fronted.locates and comma > fronted.places_start else set()
        for mention in mentions:
            if codes and not mention.departement_codes - mention.name_codes and mention.start != match.end():
                mention.departement_codes |= codes


# A subordinate clause of contrast or time after a comma, with a subject of its own.
SUBORDINATE_CLAUSE = re.compile(r",\s*(?:tandis|alors|pendant)\s+qu(?:e\s|['’])", re.IGNORECASE)


def _departements_framing_the_sentence(text: str, mentions: list[TerritoryMention],
                                       places: list[PlaceMention]) -> None:
    """A sentence naming one territory states where it lies in its opening ('Dans la Moselle et la
    Meurthe-et-Moselle, le territoire Nord Lorraine a été retenu': both, as a bracket's
    départements); a territory's predicate states it after the name, no other name between ('Le
    territoire X est reconduit pour la période 2023-2027 en Charente', '…, après le Grand Bastia,
    labellisé dès 2018 en Haute-Corse': Grand Bastia's, not the sentence's first territory's)."""
    named = MentionStarts(mentions)
    for mention in mentions:
        if mention.departement_codes - mention.name_codes:  # its name's places are no statement
            continue
        start, end = sentence_bounds(text, mention.start)
        # "Dans l'Aveyron, A voit son label renouvelé ; en Corse-du-Sud, B également.": a clause each
        semicolon = text.find(";", mention.end, end)
        end = semicolon if semicolon >= 0 else end
        # "A poursuit son engagement, tandis que dans le Tarn-et-Garonne B est reconduite": B's place
        subordinate = SUBORDINATE_CLAUSE.search(text, mention.end, end)
        end = subordinate.start() if subordinate else end
        start = max(start, text.rfind(";", start, mention.start) + 1)
        alone = not named.other_than(mention.territory_id, start, end)
        # its places run on to the last comma before the name, past the complement's one name: "Dans
        # l'Aveyron, le Cantal et le Lot, le territoire X" (départements only, else nothing)
        fronted = fronted_place(text, start, mention.start) if alone else None
        comma = text.rfind(",", start, mention.start)
        codes = departements_bracket(text, fronted.places_start, comma, places) \
            if fronted and fronted.locates and comma > fronted.places_start else set()
        if not codes:
            after = [p for p in places_starting_in(places, mention.end, end) if p.kind == "departement"]
            # no other territory between: "A, qui mise sur …, et l'B, en Côte-d'Or" places B alone,
            # "à l'image de A ou d'Issoudun, dans l'Indre" Issoudun only
            if after and all(IN_BEFORE.search(text, max(mention.end, p.start - 14), p.start)
                             and not re.search(r"(?<![\w'’-])[A-ZÀ-Ý]", text[mention.end:p.start])
                             and not named.other_than(mention.territory_id, mention.end, p.start) for p in after):
                codes = {p.code for p in after}
        mention.departement_codes |= codes
        mention.placed_codes |= codes


# A sentence about the territory named just before: "Il s'étend sur trois départements
# (Aveyron, Lot, Cantal)", "Pour ce dernier, à cheval sur l'Aude et l'Ariège, …", "Le bassin, qui …".
ANAPHORA = re.compile(r"\s*(?:il|elle|celui-ci|celle-ci|son p[ée]rim[èe]tre"
                      # "Ce territoire d'industrie est à cheval sur …", "Ce territoire interdépartemental s'étend sur …"
                      r"|(?:ce|le)\s+territoire(?:\s+d['’]\s*industrie)?(?:\s+inter(?:d[ée]partemental|r[ée]gional)e?(?=\s+(?:est|s['’]|se)\b))?"
                      # "Le bassin, qui réunit …, s'étend sur trois départements : …" (not "le bassin de X")
                      r"|(?:le|ce)\s+bassin(?!\s+(?:de|du|des|d['’]))"
                      r"|(?:pour|chez|dans)\s+(?:ce\s+dernier|cette\s+derni[èe]re|celui-ci|celle-ci))\b",
                      re.IGNORECASE)
# "Il est interdépartemental avec le Nord": the other département of a territory lying in the one
# the text gives it.
SHARED_IN_THE_SENTENCE_AFTER = re.compile(r"\s+(?:est\s+)?(?:(?:un|le)\s+territoire\s+)?" + INTER
                                          + r"\s+avec\s+(?P<places>[^.;()\n]{1,80})", re.IGNORECASE)
DEPARTEMENTS_WORD = re.compile(r"\bd[ée]partements?\b", re.IGNORECASE)
# Where a sentence of a hard-wrapped paragraph ends (a full stop before a space or a line break).
WRAPPED_SENTENCE_END = re.compile(r"[.!?](?=[ \t]*\n|[ \t]+\S)")


def _heads_a_longer_line(text: str, line_end: int) -> bool:
    """Whether the line ending at `line_end` stands above a much longer one: a heading ("Le
    Territoire d'industrie Aurillac-Figeac-Rodez" above "C'est 17 EPCI sur 3 départements …"), not
    a line of a hard-wrapped paragraph, whose lines are all about the width of the first."""
    line = text[text.rfind("\n", 0, line_end) + 1:line_end].strip()
    following_end = text.find("\n", line_end + 1)
    following = text[line_end + 1:following_end if following_end >= 0 else len(text)].strip()
    return len(following) > 1.5 * len(line) + 10


def _departements_in_the_next_sentence(text: str, mentions: list[TerritoryMention],
                                       places: list[PlaceMention]) -> None:
    """The départements a sentence pointing back at the only territory of the sentence before
    states ("Le bassin Aurillac – Figeac – Rodez a été identifié … Il s'étend sur trois
    départements (Aveyron, Lot, Cantal)"), or the places it straddles ("… le territoire X. Pour ce
    dernier, à cheval sur l'Aude et l'Ariège, …"), or the other one it is shared with ("Il est
    interdépartemental avec le Nord")."""
    named = MentionStarts(mentions)
    one_territory = len({m.territory_id for m in mentions}) == 1  # once, not for each of 2,000 items
    # its one-character matches, found once (6,000 items each searched the rest of the text)
    stops = [m.start() for m in WRAPPED_SENTENCE_END.finditer(text)]
    for mention in mentions:
        sentence_start, sentence_end = sentence_bounds(text, mention.start)
        index = bisect_left(stops, mention.end)  # WRAPPED_SENTENCE_END.search(text, mention.end)
        wrapped = stops[index] if index < len(stops) else None
        if text.startswith("\n", sentence_end) and wrapped is not None and "\n\n" not in text[sentence_end:wrapped] \
                and not _heads_a_longer_line(text, sentence_end):
            sentence_end = wrapped + 1  # a hard-wrapped paragraph: the sentence goes on
        if named.others(mention, sentence_start, sentence_end):
            continue
        following_start = sentence_end + 1
        while following_start < len(text) and text[following_start] in " \t\n" and not text.startswith("\n\n", following_start):
            following_start += 1
        following_end = sentence_bounds(text, min(len(text), following_start + 1))[1]
        anaphora = ANAPHORA.match(text, following_start)
        shared = SHARED_IN_THE_SENTENCE_AFTER.match(text, anaphora.end()) if anaphora else None
        if shared:  # "Il est interdépartemental avec le Nord": besides the département its context gives
            mention.shared_codes |= _places_run(text, shared.start("places"), shared.end("places"), places)
        if shared or mention.departement_codes:
            continue
        straddling = STRADDLING.match(text, anaphora.end()) if anaphora else None
        spanned = _straddled(text, straddling, places) if straddling else set()
        if spanned:  # "Pour ce dernier, à cheval sur l'Aude et l'Ariège, …": the places it spans
            mention.departement_codes |= spanned
        elif anaphora and DEPARTEMENTS_WORD.search(text, following_start, following_end):
            mention.departement_codes |= {p.code for p in places if p.kind == "departement"
                                          and following_start <= p.start < following_end}
        elif one_territory:
            mention.departement_codes |= _counted_departements(text, following_start, following_end, places) \
                or _part_of_a_departement(text, following_start, following_end, places)


# "Situés en Saône-et-Loire, ils …", "Tous deux implantés dans les Vosges, ces territoires …"
PLACING_THE_LIST_BEFORE = re.compile(
    r"(?:Tou(?:s|tes)\s+(?:deux|trois|quatre)\s+)?(?:Situ|Implant|Localis)[ée]e?s\s+(?:en|dans)\s+"
    r"(?P<places>[^,.;:\n]{2,60}),\s*(?:ils|elles|ces\s+(?:deux\s+|trois\s+|quatre\s+)?territoires)\b", re.IGNORECASE)


def _departements_placing_the_list_before(text: str, mentions: list[TerritoryMention],
                                          places: list[PlaceMention]) -> None:
    """The départements a plural sentence after a run of names states ("Le Grand Chalon ;
    Mâconnais, autour de … . Situés en Saône-et-Loire, ils renforcent …"): where each name of the
    run lies, that no statement of its own places. The run goes back from the last name before the
    sentence while no sentence end nor colon parts two names; two territories at least (a plural)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for placing in PLACING_THE_LIST_BEFORE.finditer(text):
        codes = {p.code for p in places if p.kind == "departement"
                 and placing.start("places") <= p.start < placing.end("places")}
        index = bisect_left([m.start for m in ordered], placing.start()) - 1
        if not codes or index < 0 or not re.fullmatch(r"[^.!?:]*[.!?;]?\s*", text[ordered[index].end:placing.start()]):
            continue
        run = [ordered[index]]
        while index > 0 and not re.search(r"[.!?:]", text[ordered[index - 1].end:ordered[index].start]):
            index -= 1
            run.append(ordered[index])
        if len({m.territory_id for m in run}) < 2:
            continue
        for mention in run:
            if not mention.departement_codes - mention.name_codes:
                mention.departement_codes |= codes


# "de trois départements (Lot, Aveyron, Cantal)", "sur deux départements : la Mayenne et la Sarthe"
# ("trois départements r (Lot, …": a stray letter before the bracket)
# ("à cheval sur deux départements, la Marne et la Haute-Marne": after a comma or a dash)
COUNTED_DEPARTEMENTS = re.compile(r"\b(?P<count>" + "|".join(COUNT_WORDS) + r"|\d)\s+d[ée]partements\s*(?:[a-z]\s*)?(?P<open>\(|:|,|–|—)",
                                  re.IGNORECASE)


class DepartementCounts:
    """A text's counts of départements (COUNTED_DEPARTEMENTS), found once; those of a span by
    bisection (each "territoire" of a text searched the rest of its sentence: 5,000 of them and no
    full stop, 3.6 s). No count starts inside another (each opens on a one-word count at a word
    boundary), and one ends where its bracket, colon, comma or dash is: so those of a span are
    the ones a search of the span finds."""

    def __init__(self, text: str):
        self.matches = list(COUNTED_DEPARTEMENTS.finditer(text))
        self.starts = [match.start() for match in self.matches]

    def within(self, start: int, end: int) -> list[re.Match]:
        found = self.matches[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [match for match in found if match.end() <= end]


def _counted_departements(text: str, start: int, end: int, places: list[PlaceMention],
                          counts: DepartementCounts | None = None) -> set[str]:
    """'… lancer le Territoire d'industrie A – B – C. Une mobilisation d'acteurs de trois
    départements (Lot, Aveyron, Cantal) …': in a text about one territory, a count of
    départements in the next sentence followed by as many départements' names (in brackets or
    after a colon) says where it lies, though the sentence does not point back at it."""
    found = counts.within(start, end) if counts else COUNTED_DEPARTEMENTS.finditer(text, start, end)
    for counted in found:
        stop = text.find(")", counted.end(), end) if counted.group("open") == "(" else end
        named = [p for p in places if p.kind == "departement" and counted.end() <= p.start < (stop if stop >= 0 else end)]
        word = counted.group("count").lower()
        count = count_value(word)
        if named and len({p.code for p in named}) == count == len(named):
            return {p.code for p in named}
    return set()


# "… pour l'ensemble du nord-est de la Haute-Saône", "à l'échelle du sud de la Manche": a compass
# part of one département (folded text, the département's name right after it)
PART_OF_A_DEPARTEMENT = re.compile(r"(?<![\w'])(?:(?:l'ensemble|la\s+totalite|tout|toute)\s+)?(?:du|de\s+la|de\s+l'|le|la|l')\s*"
                                   r"(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))?\s+(?:de\s+la|de\s+l'|du|des|de)\s*$")
APPROACH_WORDS = re.compile(r"\b(?:demarche|programme|dispositif|territoire)\b")


def _part_of_a_departement(text: str, start: int, end: int, places: list[PlaceMention]) -> set[str]:
    """'Les Vosges saônoises font partie des dix Territoires d'industrie … C'est notre PETR qui
    porte la démarche pour l'ensemble du nord-est de la Haute-Saône': in a text about one territory,
    the next sentence saying that the approach covers a compass part of one département (and
    naming no other) says where it lies."""
    named = [p for p in places_starting_in(places, start, end) if p.kind == "departement"]
    if len({p.code for p in named}) != 1 or not APPROACH_WORDS.search(fold(text[start:end])):
        return set()
    place = named[0]
    return {place.code} if PART_OF_A_DEPARTEMENT.search(fold(text[max(start, place.start - 40):place.start])) else set()


# "La Gironde en compte trois.", "Dans le Cher, deux territoires sont retenus.": a count of
# territories in one place.
COUNTS_TERRITORIES = re.compile(r"\ben\s+compte\s+(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\b|\b(?:\d{1,2}|"
                                + "|".join(COUNT_WORDS) + r")\s+(?:nouveaux\s+)?territoires\b"
                                # "… avec plusieurs territoires. Deux concernent la Vendée.": a bare count opening its sentence
                                r"|(?:^|(?<=[.!?]\s)|(?<=\n))(?:" + "|".join(COUNT_WORDS) + r")\s+(?:d['’]entre\s+eux\s+)?"
                                r"(?:concernent|se\s+trouvent|se\s+situent)\b", re.IGNORECASE)


def _departement_of_the_sub_heading(structure, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Dans l'Aude :' / '- A' / '- B' / 'Dans le Tarn :' / '- C': a list's sub-heading naming
    one département says where the items under it lie; so does one made of département names
    only ("Mayenne et Sarthe", "SEINE-MARITIME ET EURE"), for the items under it span them."""
    for mention in mentions:
        if mention.departement_codes:
            continue
        held = structure.item_at(mention.start)
        heading = held[1].heading if held else None
        if heading is None:
            continue
        named = [p for p in places if p.kind == "departement" and heading.start <= p.start < heading.end]
        codes = {p.code for p in named}
        words_end = heading.start + len(heading.of(structure.text).rstrip(" \t:"))
        # "Nord et Pas-de-Calais": beside another département, the Nord is one too (not the
        # Pas-de-Calais alone)
        bracket = departements_bracket(structure.text, heading.start, words_end, places)
        if len(bracket) > len(codes):
            mention.departement_codes |= bracket
        elif len(codes) == 1 or (codes and _only_places(heading.of(structure.text), heading.start, named)):
            mention.departement_codes |= codes


# A round-up by département: at least this many section headings, each one département's name.
MIN_DEPARTEMENT_SECTIONS = 2


def _departement_of_the_section_heading(structure, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'### Bouches-du-Rhône' / 'Deux territoires : le Pays d'Arles, … ; et Fos-Étang de Berre, …':
    in a round-up whose sections are headed by one département's name each, a territory its
    section names without placing it lies in that département (headings of several départements,
    or of anything else, place nothing)."""
    headings = [block.span for block in structure.blocks if block.kind == "heading"]
    codes: list[str | None] = []
    for heading in headings:
        named = [p for p in places_starting_in(places, heading.start, heading.end) if p.kind == "departement"]
        placed = {p.code for p in named}
        codes.append(placed.pop() if len(placed) == 1 and _only_places(heading.of(structure.text), heading.start, named)
                     else None)
    if sum(code is not None for code in codes) < MIN_DEPARTEMENT_SECTIONS:
        return
    starts = [heading.start for heading in headings]
    for mention in mentions:
        index = bisect_right(starts, mention.start) - 1
        if not mention.departement_codes and index >= 0 and codes[index] and mention.start >= headings[index].end:
            mention.departement_codes.add(codes[index])


# What a heading made of département names holds besides them: "Dans la", "et", ",", ":", and
# their codes in brackets ("Marne (51) et Aube (10)").
PLACE_HEADING_GLUE = re.compile(r"(?:[\s,;:/&'–—-]|\b(?:et|dans|en|sur|le|la|les|l|du|des|de|d|a|au|aux|jusqu)\b"
                                r"|\(\s*(?:\d{2}|2[ab]|97\d)\s*\))*")


def _only_places(heading: str, offset: int, named: list[PlaceMention]) -> bool:
    rest = list(fold(heading))
    for place in named:
        rest[place.start - offset:place.end - offset] = " " * (place.end - place.start)
    return bool(PLACE_HEADING_GLUE.fullmatch("".join(rest)))


COMPARED_PLACE = re.compile(r"\b(?:autant\s+que|plus\s+que|moins\s+que|comme|contre)\s+(?:(?:le|la|les)\s+|l['’]\s*)?$",
                            re.IGNORECASE)


def _departement_counted_before(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'La Gironde en compte trois. Le territoire du Grand Libournais ainsi que celui du Val de
    Garonne … ont été reconduits.': the one département a sentence counts territories in is where
    the territories named in the next sentence lie, when that sentence names no place itself (a
    place it compares with, "soit autant que le Puy-de-Dôme", is not the one it counts in)."""
    for mention in mentions:
        if mention.departement_codes:
            continue
        sentence_start, sentence_end = sentence_bounds(text, mention.start)
        if any(p.kind != "country" for p in places_starting_in(places, sentence_start, sentence_end)):
            continue
        before_end = sentence_start  # (the text before, its blanks left out, not copied: 2,000 mentions copied it)
        while before_end > 0 and text[before_end - 1].isspace():
            before_end -= 1
        if before_end <= 0 or text[before_end - 1] != ".":
            continue  # a list's intro ending with ":" gives its départements in assemble.py
        before_start = sentence_bounds(text, before_end - 1)[0]
        if not COUNTS_TERRITORIES.search(text, before_start, before_end):
            continue
        # "…, le département en compte trois, soit autant que le Puy-de-Dôme.": a place compared is not the one counted
        counted = [p for p in places_starting_in(places, before_start, before_end) if p.kind != "country"
                   and not COMPARED_PLACE.search(text, max(0, p.start - 30), p.start)]
        named = {p.code for p in counted}
        codes = {p.code for p in counted if p.kind == "departement"}
        if len(codes) == 1 and named == codes:
            mention.departement_codes |= codes


# "le territoire regroupe 152 communes appartenant à deux départements, l'Isère et la Savoie"
A_TERRITORY_WORD = re.compile(r"\bterritoire\b", re.IGNORECASE)  # "un territoire interrégional … sur trois départements"
THE_TERRITORY_SPANS = re.compile(r"\b(?:le|ce|notre)\s+territoire\b(?!\s+d['’]\s*industrie\s+[A-ZÀ-Ý])"
                                 r"[^.;\n]{0,100}?\bd[ée]partements?\b", re.IGNORECASE)


# "un territoire enclavé", "ce territoire rural": the territory noun with its article and at most
# two adjectives in lower case, where the places it straddles may follow
A_TERRITORY_DESCRIBED = re.compile(r"\b(?:[Uu]n|[Ll]e|[Cc]e|[Nn]otre)\s+territoire(?:\s+(?!d['’])[a-zàâçéèêëîïôûùœ-]+){0,2}(?=[ \t]*,?[ \t]+[àa][ \t]+cheval[ \t])")


# "les intercommunalités des Pyrénées-Atlantiques et des Hautes-Pyrénées qui composent le
# territoire": where its members lie, département names and connectors only.
MEMBERS_IN = re.compile(r"\b(?:[Ii]ntercommunalit[ée]s|EPCI)\s+(?P<places>(?:(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’]|et|,)\s*)+"
                        r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*\s*)+)")


# "élargi à 11 intercommunalités dont 8 dans les Pyrénées-Atlantiques et 3 dans les
# Hautes-Pyrénées": its members counted by the département they lie in.
MEMBERS_COUNTED_BY_PLACE = re.compile(r"\b(?:intercommunalit[ée]s|EPCI|communaut[ée]s(?:\s+de\s+communes)?)\s*,?\s+dont\s+"
                                      r"(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:dans|en)\s", re.IGNORECASE)
COUNT_IN_BEFORE = re.compile(r"(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:dans|en)\s+(?:les\s+|le\s+|la\s+|l['’]\s*)?$",
                             re.IGNORECASE)


def _departements_counted_in(text: str, places: list[PlaceMention]) -> set[str]:
    """The départements a count of intercommunalities is shared out among ("11 intercommunalités dont
    8 dans les Pyrénées-Atlantiques et 3 dans les Hautes-Pyrénées"), each after its own count."""
    for match in MEMBERS_COUNTED_BY_PLACE.finditer(text):
        sentence_end = sentence_bounds(text, match.start())[1]
        codes = {p.code for p in places if p.kind == "departement" and match.start() < p.start < sentence_end
                 and COUNT_IN_BEFORE.search(text, max(match.start(), p.start - 30), p.start)}
        if codes:
            return codes
    return set()


def _departements_of_the_only_territory(text: str, mentions: list[TerritoryMention],
                                        places: list[PlaceMention]) -> None:
    """In a text about one territory, the départements its intercommunalities are said to lie in
    (or are counted in: "11 intercommunalités dont 8 dans les Pyrénées-Atlantiques et 3 dans les
    Hautes-Pyrénées"), or a sentence saying which départements "le territoire" spans give them ("Selon la préfecture, « le territoire regroupe 152 communes appartenant à deux
    départements, l'Isère et la Savoie »")."""
    if not mentions or len({_words_of_a_name(m.territory_id) for m in mentions}) > 1 \
            or any(m.departement_codes for m in mentions):
        return
    members_in = MEMBERS_IN.search(text)
    if members_in:  # "les intercommunalités des Pyrénées-Atlantiques et des Hautes-Pyrénées"
        codes = departements_bracket(text, members_in.start("places"), members_in.end("places"), places)
        if codes:
            for mention in mentions:
                mention.departement_codes |= codes
            return
    counted = _departements_counted_in(text, places)
    if counted:  # "11 intercommunalités dont 8 dans les Pyrénées-Atlantiques et 3 dans les Hautes-Pyrénées"
        for mention in mentions:
            mention.departement_codes |= counted
        return
    for match in THE_TERRITORY_SPANS.finditer(text):
        sentence_end = sentence_bounds(text, match.end())[1]
        codes = {p.code for p in places if p.kind == "departement" and match.end() <= p.start < sentence_end}
        if codes:
            for mention in mentions:
                mention.departement_codes |= codes
            return
    for match in A_TERRITORY_DESCRIBED.finditer(text):
        # "… comment un territoire enclavé, à cheval sur le Lot, l'Aveyron et le Cantal, a maintenu …"
        straddling = STRADDLING.match(text, match.end())
        codes = _straddled(text, straddling, places) if straddling else set()
        if codes:
            for mention in mentions:
                mention.departement_codes |= codes
            return
    counts = DepartementCounts(text)
    for match in A_TERRITORY_WORD.finditer(text):
        # "Minoï Marchand a en charge un territoire interrégional … sur trois départements (Aveyron,
        # Lot et Cantal)": as many départements named as counted
        codes = _counted_departements(text, match.end(), sentence_bounds(text, match.end())[1], places, counts)
        if codes:
            for mention in mentions:
                mention.departement_codes |= codes
            return


# "Deux « territoires d'industrie » pour redynamiser le tissu industriel du Loir-et-Cher",
# "Deux territoires d'industrie dans l'Indre",
# "le seul protocole Territoires d'Industrie de Côte d'Or", "… : trois lauréats en Sarthe": territories
# said to be in a département.
# "Haute-Savoie : deux territoires gardent leur label": a line that opens with a place before a
# colon and speaks of territories is about that place.
# "Nièvre : …", "NIÈVRE. Le territoire d'industrie …" (a press kicker in capitals)
PLACE_HEADING_LINE = re.compile(r"[ \t]*(?P<place>[A-ZÀ-Ý][\w'’ -]{2,40}?)[ \t\u00a0]*(?::|(?<=[A-ZÀ-Ý])\.(?=[ \t]))[^\n]*\b[Tt]erritoires?\b")
TERRITORIES_IN = re.compile(r"\b(?:territoires?|laur[ée]ats?)\b[^.;:\n]{0,60}?(?:\b(?:du|de\s+la|des|de|en|dans\s+l(?:a|e|es))\s+|\b(?:de|dans)\s+l['’]\s*|\bd['’]\s*)$",
                            re.IGNORECASE)


TERRITORY_WORD = re.compile(r"\bterritoires?\b", re.IGNORECASE)  # where TERRITORIES_IN starts
DEPARTEMENT_NOUN_BEFORE = re.compile(r"\bd[ée]partement\s+(?:du|de\s+la|des|de|d['’]|de\s+l['’])\s*$", re.IGNORECASE)


def _the_departement_the_text_is_about(text: str, mentions: list[TerritoryMention],
                                       places: list[PlaceMention]) -> None:
    """A text that names one département only, and says its territories are there ("Deux
    territoires d'industrie dans l'Indre", "… autre territoire d'industrie mayennais"), gives it
    to the territories whose départements it does not state otherwise."""
    if all(mention.departement_codes for mention in mentions):
        return  # nothing to give
    departements = [p for p in places if p.kind == "departement"]
    territory_words = [word.start() for word in TERRITORY_WORD.finditer(text)]
    said_to_hold = {p.code for p in departements
                    if DEPARTEMENT_NOUN_BEFORE.search(text, max(0, p.start - 30), p.start)
                    and _territories_said_in(text, p, territory_words)}
    if len({p.code for p in departements}) != 1:
        # "Territoires d'industrie 2023-2027 dans le département des Vosges" and a note naming
        # another département in passing: the one the text says its territories are in
        if len(said_to_hold) == 1:
            code = next(iter(said_to_hold))
            for mention in mentions:
                if not mention.departement_codes:
                    mention.departement_codes.add(code)
        return
    folded = fold(text)
    if not any(_territories_said_in(text, p, territory_words) or _heads_its_line(text, p) for p in departements) \
            and not any(_demonym_codes(folded, word.end(), len(text)) == {departements[0].code}
                        for word in re.finditer(r"\bterritoires?\b(?:\s+d'\s*industrie)?", folded)):
        # "SAÔNE-ET-LOIRE : plan de relance …" then "(TI du X)": a name the programme's words
        # introduce, in a text placing no territory itself; bare names beside it may be
        # neighbours cited ("A, lui aussi Territoire d'industrie", "renouvelé pour X-Brive")
        if any(_kicker_of_the_title(text, p) for p in departements) \
                and not any(mention.departement_codes for mention in mentions):
            for mention in mentions:
                if mention.rule == "territory.prefixed_name":
                    mention.departement_codes.add(departements[0].code)
        return
    for mention in mentions:
        if not mention.departement_codes and not _placed_by_a_region(text, mention, places):
            mention.departement_codes.add(departements[0].code)


def _departement_of_its_namesake(mentions: list[TerritoryMention], places: list[PlaceMention]) -> None:
    """'Territoire d'industrie Vierzon-Sologne-Berry : …' then '… la première du nord du Cher': a
    text's one territory, named as an intercommunality is (bare, so no member: tests/gold/README.md)
    or as each of the intercommunalities that bore that official name, lies in the one département
    the text names when they lie there too (not in a text of several territories: "le Haut-Jura et
    le Grand Dole" states no département of the Grand Dole)."""
    if len({_words_of_a_name(m.territory_id) for m in mentions}) != 1:
        return
    named = {p.code for p in places if p.kind == "departement" and not p.office}
    if len(named) != 1:
        return
    code, epcis = next(iter(named)), referential.load().epcis
    for mention in mentions:
        if mention.departement_codes:
            continue
        link = link_epci(mention.name)
        sirens = [link.siren] if link.siren and link.exact and link.score >= EVERYDAY_FORM_SCORE \
            else [siren for siren in link.candidates if is_official_name(mention.name, siren)]
        if sirens and len(sirens) == len(link.candidates or sirens) \
                and all(code in epcis[siren].departement_codes for siren in sirens):
            mention.departement_codes.add(code)


def _placed_by_a_region(text: str, mention: TerritoryMention, places: list[PlaceMention]) -> bool:
    """Whether the mention is an item of a list whose sentence names a région before the list and
    no département ("Dix concernent la Normandie, parmi lesquels les territoires de A et de B"):
    its territories are the région's, not those of the one département the rest of the text is about."""
    if mention.intro is None:
        return False
    start, end = sentence_bounds(text, mention.start)
    kinds = {p.kind for p in places_starting_in(places, start, end)}
    return "departement" not in kinds and any(p.kind == "region" for p in places_starting_in(places, start, mention.intro[1]))


def _territories_said_in(text: str, place: PlaceMention, territory_words: list[int]) -> bool:
    """TERRITORIES_IN ending at the place, in its sentence ("Deux territoires d'industrie dans
    l'Indre"), searched from the sentence's first word "territoire" (the starts of
    TERRITORY_WORD): no match starts before it, and a sentence of thousands of places without a
    full stop is not read once per place."""
    sentence_start = sentence_bounds(text, place.start)[0]
    first = bisect_left(territory_words, sentence_start)
    return first < len(territory_words) and territory_words[first] < place.start \
        and bool(TERRITORIES_IN.search(text, territory_words[first], place.start))


# "SAÔNE-ET-LOIRE : plan de relance …", "Loire | …", "NIÈVRE. …": the title's kicker
TITLE_KICKER_END = re.compile(r"[ \t\u00a0]*(?::|\||\.(?=[ \t]))")  # not "TARN – ÉCONOMIE", a rubric


def _kicker_of_the_title(text: str, place: PlaceMention) -> bool:
    """Whether the département opens the text's first line as its kicker ("Loire : …"): a local
    article about that département, the only one it names."""
    first = len(text) - len(text.lstrip())
    return place.start == first and TITLE_KICKER_END.match(text, place.end) is not None


def _heads_its_line(text: str, place: PlaceMention) -> bool:
    heading = PLACE_HEADING_LINE.match(text, text.rfind("\n", 0, place.start) + 1)
    return bool(heading) and heading.end("place") == place.end


# "les territoires meurthe-et-mosellans", "quatre intercommunalités héraultaises": a demonym's noun.
NOUN_BEFORE_A_DEMONYM = re.compile(r"\bterritoires\b(?:\s+d'\s*industrie)?|\b(?:intercommunalites|communautes"
                                   r"(?:\s+de\s+communes|\s+d'agglomeration)?|epci|agglomerations)\b")
# "Les élus nivernais du territoire d'industrie X": people or firms of a département, then the
# territory they belong to (folded text).
PEOPLE_OF_A_DEMONYM = re.compile(r"\b(?:elus|entreprises|industriels|acteurs|maires|communes|salaries)\s+")
# where each of them starts, found once: 1,000 names of one sentence each searched from the
# sentence's start
NOUN_CLUE = re.compile(r"(?=" + NOUN_BEFORE_A_DEMONYM.pattern + ")")
PEOPLE_CLUE = re.compile(r"(?=" + PEOPLE_OF_A_DEMONYM.pattern + ")")
OF_THE_TERRITORY = re.compile(r"\s+(?:du|de\s+ce)\s+territoire(?:\s+d'\s*industrie)?\s*(?:[«\"]\s*)?")
# "Le Mont des Avaloirs, autre territoire d'industrie mayennais": the demonym of an apposition.
APPOSED_TERRITORY = re.compile(r",\s+(?:(?:un|le|l')\s*)?(?:(?:autre|nouveau|nouvel|premier)\s+)?territoire(?:\s+d'\s*industrie)?")
# "X est, après A et B, la troisième commune guyanaise à devenir …", "la première agglomération
# lot-et-garonnaise entrée dans le dispositif était X": an ordinal, a noun of place, then a
# demonym: it places every name its sentence ranks.
RANKED_OF_A_DEMONYM = re.compile(r"\b(?:la|le)\s+(?:premiere?|seconde?|deuxieme|troisieme|quatrieme|cinquieme|sixieme"
                                 r"|derniere?|seule?)\s+(?:commune|ville|agglomeration|intercommunalite|territoire)\s+")


def _demonym_codes(folded: str, position: int, limit: int) -> set[str]:
    """Départements whose demonym is written at `position`."""
    return {code for _end, code in demonyms_at(folded, position, limit)}


# "X regroupe des intercommunalités ardéchoises et drômoises": the members' demonyms after the name
# (possessive blanks: read once, not once per way of splitting them between the two runs).
EPCIS_OF_A_DEMONYM_AFTER = re.compile(r"[ \t»”\"]*+,?\s*+(?:qui\s+)?(?:reunit|regroupe|rassemble|associe|federe)\s+"
                                      r"(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|des|plusieurs)\s+"
                                      r"(?:intercommunalites|communautes(?:\s+de\s+communes|\s+d'agglomeration)?|epci)(?=\s)")


# The farthest a run of demonyms read after a noun may reach (the longest are ~50 characters: "les
# intercommunalités ardéchoises, drômoises et iséroises"): a run read up to a name farther is read
# up to there, once for all the names after it (1,000 names of a sentence each read every noun's).
DEMONYM_RUN_REACH = 400


class _NounsOfASentence:
    """The demonyms after each noun of a sentence (NOUN_BEFORE_A_DEMONYM), for each name in it:
    those of the nouns farther than DEMONYM_RUN_REACH before the name summed once, in order."""

    def __init__(self, folded: str, start: int, end: int, runs_read: DemonymRuns):
        self.runs_read = runs_read
        self.words = list(NOUN_BEFORE_A_DEMONYM.finditer(folded, start, end))
        self.ends = [word.end() for word in self.words]
        # the distinct runs (two at most: two place nothing) of the first k nouns, read to their reach
        self.far: list[list[set[str]]] = [[]]
        for word in self.words:
            run = self._run(word, word.end() + DEMONYM_RUN_REACH)
            known = self.far[-1]
            self.far.append(known + [run] if run and len(known) < 2 and run not in known else known)

    def _run(self, word: re.Match, limit: int) -> set[str]:
        run = self.runs_read.run(word.end(), limit)[0]
        # "les territoires ardéchois et drômois : A, B": each lies in one of them, not in both
        return run if len(run) == 1 or not word.group(0).startswith("territoires") else set()

    def runs_before(self, position: int) -> list[set[str]]:
        far = bisect_right(self.ends, position - DEMONYM_RUN_REACH)
        return self.far[far] + [self._run(word, position) for word in self.words[far:bisect_left(self.ends, position)]]


def _departement_of_a_demonym_before(text: str, mentions: list[TerritoryMention]) -> None:
    """'Le Toulois rejoint les territoires meurthe-et-mosellans sélectionnés fin 2018 : Nord
    Lorraine et Pays de Briey', 'plusieurs intercommunalités héraultaises forment le territoire X':
    a département's demonym after "territoires" or a plural noun of intercommunalities earlier
    in the sentence says where the names after it lie (rules/demonyms.json); so does one in an
    apposition right after the name ('La Gascogne Toulousaine, autre territoire gersois …'), or one
    after an ordinal that ranks the names, after them or before ('X est, après A et B, la troisième
    commune guyanaise à …', 'la première agglomération lot-et-garonnaise entrée dans le dispositif
    était X'), or one of its people right before it ('Les élus nivernais du territoire d'industrie X'),
    or one written right after the name, an adjective of it ('les EPCI du territoire X aubois', 'le
    Territoire d'industrie « X » mayennais', 'X vosgien a signé')."""
    folded = fold(text)
    ranked_runs: dict[tuple[int, int], list[set[str]]] = {}
    noun_clues = [m.start() for m in NOUN_CLUE.finditer(folded)]
    people_clues = [m.start() for m in PEOPLE_CLUE.finditer(folded)]
    runs_read = DemonymRuns(folded)
    nouns_read: dict[tuple[int, int], _NounsOfASentence] = {}
    for mention in mentions:
        if mention.departement_codes - mention.name_codes:  # its name's places are no statement
            continue
        sentence_start, sentence_end = sentence_bounds(text, mention.start)
        runs = []
        nouns = bisect_left(noun_clues, sentence_start) < bisect_left(noun_clues, mention.start)
        if nouns:
            if (sentence_start, sentence_end) not in nouns_read:
                nouns_read[sentence_start, sentence_end] = _NounsOfASentence(folded, sentence_start, sentence_end,
                                                                             runs_read)
            runs += nouns_read[sentence_start, sentence_end].runs_before(mention.start)
        apposed = APPOSED_TERRITORY.match(folded, mention.end, sentence_end)
        if apposed:
            runs.append(demonym_run(folded, apposed.end(), sentence_end)[0])
        glued = DEMONYM_GLUED_AFTER.match(folded, mention.end, sentence_end)
        if glued:
            runs.append(demonym_run(folded, glued.end(), sentence_end)[0])
        members = EPCIS_OF_A_DEMONYM_AFTER.match(folded, mention.end, sentence_end)
        if members:
            runs.append(demonym_run(folded, members.end(), sentence_end)[0])
        people_before = bisect_left(people_clues, max(sentence_start, mention.start - DEMONYM_RUN_REACH)) \
            < bisect_left(people_clues, mention.start)
        for people in PEOPLE_OF_A_DEMONYM.finditer(folded, max(sentence_start, mention.start - DEMONYM_RUN_REACH),
                                                   mention.start) if people_before else ():
            codes, end = runs_read.run(people.end(), mention.start)
            if codes and OF_THE_TERRITORY.fullmatch(folded, end, mention.start):
                runs.append(codes)
        if (sentence_start, sentence_end) not in ranked_runs:  # read once a sentence, not for each of its names
            ranked_runs[sentence_start, sentence_end] = [
                _demonym_codes(folded, ranked.end(), sentence_end)
                for ranked in RANKED_OF_A_DEMONYM.finditer(folded, sentence_start, sentence_end)]
        runs += ranked_runs[sentence_start, sentence_end]
        stated = {frozenset(run) for run in runs if run}
        if len(stated) == 1:
            mention.departement_codes |= next(iter(stated))
            mention.placed_codes |= next(iter(stated))


# "du territoire X aubois", "« X » mayennais": a demonym right after the name (folded text)
DEMONYM_GLUED_AFTER = re.compile(r"[ \t\u00a0]*(?:[»\"][ \t\u00a0]*)?(?=[a-z])")


# "copilote du seul Territoire d'industrie nivernais": the programme's words in the singular,
# then a demonym (folded text).
ONE_TERRITORY_OF_A_DEMONYM = re.compile(r"\b(?:le|du|au|notre|ce|son)\s+(?:seul\s+|unique\s+)?" + SINGULAR_PREFIX + r"\s+")


def _departement_of_the_one_territory_demonym(text: str, mentions: list[TerritoryMention]) -> None:
    """'… du Territoire d'industrie Nevers-Val de Loire … copilote du seul Territoire d'industrie
    nivernais': in a text about one territory that places it nowhere, the programme's words in the
    singular followed by a département's demonym say where it lies (rules/demonyms.json)."""
    if len({m.territory_id for m in mentions}) != 1 or any(m.departement_codes for m in mentions):
        return
    folded = fold(text)
    codes = set()
    for match in ONE_TERRITORY_OF_A_DEMONYM.finditer(folded):
        codes |= _demonym_codes(folded, match.end(), min(len(folded), match.end() + 40))
    if len(codes) == 1:
        for mention in mentions:
            mention.departement_codes |= codes


# "X : première labellisation pour ce territoire gersois": the territory spoken of again in its own
# sentence, then a demonym (folded text)
THIS_TERRITORY_OF_A_DEMONYM = re.compile(r"\b(?:ce|cet)\s+(?:territoire|bassin)\s+(?=[a-z])")
# how far after its name a territory's own sentence is read for it (not a whole list's sentence per item)
THIS_TERRITORY_REACH = 200


def _departement_of_this_territory_demonym(text: str, mentions: list[TerritoryMention]) -> None:
    """'– Grand Auch / Astarac : première labellisation pour ce territoire gersois': a territory
    placed nowhere whose own sentence calls it "ce territoire" with a département's demonym lies
    in that département (rules/demonyms.json); one département only, no other territory between."""
    folded = fold(text)
    starts = sorted(m.start for m in mentions)
    for mention in mentions:
        if mention.departement_codes:
            continue
        index = bisect_right(starts, mention.start)
        limit = min(starts[index] if index < len(starts) else len(text), mention.end + THIS_TERRITORY_REACH)
        stop = SENTENCE_STOP.search(text, mention.end, limit)
        limit = stop.start() if stop else limit
        match = THIS_TERRITORY_OF_A_DEMONYM.search(folded, mention.end, limit)
        codes = _demonym_codes(folded, match.end(), min(len(folded), match.end() + 40)) if match else set()
        if len(codes) == 1:
            mention.departement_codes |= codes


def _capitals_run_past_the_name(text: str, mentions: list[TerritoryMention]) -> None:
    """'LE TERRITOIRE D'INDUSTRIE COMMINGES-NESTES RECRUTE SON CHEF DE PROJET' beside
    'Comminges-Nestes' in the body: a heading in capitals gives no case to end the name, so the
    name it opens with, written in small letters elsewhere in the document, is where it ends when
    a clause follows (three words at least, no dash: "VALLÉE DE LA BRESLE – VIMEU" beside "Vallée
    de la Bresle" is the full name of a short form)."""
    written = {m.territory_id: m.name for m in mentions if any(c.islower() for c in text[m.start:m.end])}
    for mention in mentions:
        span = text[mention.start:mention.end]
        if any(c.islower() for c in span) or mention.territory_id in written:
            continue
        shorter = [key for key in written if mention.territory_id.startswith(key + "-")]
        if not shorter:
            continue
        key = max(shorter, key=len)
        end = next((mention.start + word.end() for word in re.finditer(r"[\w'’]+", span)
                    if name_key(span[:word.end()]) == key), None)
        rest = text[end:mention.end] if end is not None else ""
        if len(re.findall(r"[\w'’]+", rest)) >= 3 and not re.match(r"\s*[–—-]", rest):
            mention.end, mention.name = end, written[key]


def _short_forms_named_in_full(text: str, mentions: list[TerritoryMention]) -> None:
    """'Le Ternois' beside 'Pays du Ternois', 'Gers / Tarn-et-Garonne' beside
    'Interdépartemental Gers / Tarn-et-Garonne': the short form names the same territory, so it
    takes the full name (one territory per document); unless the full form is only the subject of
    a sentence of the label and the short one is written as the label's own name ("Le Pays de la
    Déodatie a été désigné … Le territoire d'industrie Déodatie …"): then the full one takes the
    short name (not a list's "Interdépartemental Gers / Tarn-et-Garonne" under a breadcrumb's
    "Territoire d'industrie Gers / Tarn-et-Garonne"); and unless the full form only opens lines
    (a title's "Bassin de Lacq : …") while the text writes its head in lower case ("le bassin de
    Lacq"): the head is a description, the short name stays."""
    full, short_of = {}, {}
    for mention in mentions:
        head = GEOGRAPHIC_HEAD.match(mention.territory_id)
        if head and head.end() < len(mention.territory_id):
            full.setdefault(mention.territory_id[head.end():], mention.name)
            short_of[mention.territory_id] = mention.territory_id[head.end():]
    labelled = {m.territory_id: m.name for m in mentions if m.rule == "territory.prefixed_name"}
    in_prose = {m.territory_id for m in mentions if m.rule == LABELLED_RULE} \
        - {m.territory_id for m in mentions if m.rule != LABELLED_RULE}
    kept_short = {short for whole, short in short_of.items() if short in labelled and whole in in_prose}
    # "Bassin de Lacq : le territoire d'industrie repart" opening a title, "Le bassin de Lacq a été
    # confirmé" in the body: the head is capitalised by its place alone, the body describes "Lacq"
    described = {m.territory_id: m.name for m in mentions if text[m.start:m.start + 1].islower()}
    inside_a_line = {m.territory_id for m in mentions if m.territory_id in short_of
                     and text[text.rfind("\n", 0, m.start) + 1:m.start].strip(" \t«\"“*#_")}
    by_description = {whole: described[short] for whole, short in short_of.items()
                      if short in described and whole not in inside_a_line}
    described_shorts = {short_of[whole] for whole in by_description}
    for mention in mentions:
        key = mention.territory_id
        if key in by_description:
            mention.name = by_description[key]
        elif short_of.get(key) in kept_short:
            mention.name = labelled[short_of[key]]
        elif key in full and key not in kept_short and key not in described_shorts:
            mention.name = full[key]


# "Métropole Aix-Marseille-Provence - ": the intercommunality carrying a territory, with its
# legal form, then a dash before the territory's own name.
CARRIER_BEFORE = re.compile(r"(?:metropole|communaute|agglomeration|c[acu])\b.*\s[-–—]\s*")


def _carriers_left_out(mentions: list[TerritoryMention]) -> None:
    """'PROTOCOLE … « MÉTROPOLE AIX-MARSEILLE-PROVENCE - AIX-ROUSSET-GARDANNE ; ISTRES-… »' in a
    title, '« Aix-Rousset-Gardanne ; Istres-… » a été désigné' in the body: a name that is
    another name of the text after its carrying intercommunality is that territory."""
    names = {fold(m.name): m.name for m in mentions}
    # the text's first name (in `names`' order) that ends this one, found among its own endings:
    # comparing every name with every other took 1 s for a list of 1,000 items
    order = {short_folded: index for index, short_folded in enumerate(names)}
    for mention in mentions:
        folded = fold(mention.name)
        endings = [folded[cut:] for cut in range(1, len(folded) + 1)
                   if folded[cut:] in names and CARRIER_BEFORE.fullmatch(folded[:cut])]
        if endings:
            mention.name = names[min(endings, key=order.__getitem__)]


def _demonym_for_its_departement(text: str, mentions: list[TerritoryMention]) -> None:
    """'le Nord-Ouest aubois' in a title beside 'Nord-Ouest Aube' in the list: a name followed
    by a département's demonym is the text's name followed by that département's, when the
    text writes it (rules/demonyms.json)."""
    folded = fold(text)
    names = {m.territory_id: m.name for m in mentions}
    departements = referential.load().departements
    for mention in mentions:
        gap = re.match(r"[ \t]+", folded[mention.end:mention.end + 3])
        if not gap:
            continue
        for code in _demonym_codes(folded, mention.end + gap.end(), len(text)):
            longer = names.get(name_key(f"{mention.name} {departements[code].name}"))
            if longer:
                mention.name = longer
                break


SHORT_NAME_BRACKET = re.compile(r"[ \t]*\(\s*([^()\n]{2,40}?)\s*\)")


def _short_names_in_brackets(text: str, mentions: list[TerritoryMention]) -> None:
    """'La Communauté d'Agglomération du Pays Nord Martinique (CAP Nord) a reçu le label' under the
    title 'CAP Nord confirmé « Territoire d'industrie »': a name followed by a short name in
    brackets that the text names a territory by elsewhere is that territory, an acronym in capitals
    too ('la Communauté urbaine d'Alençon (CUA)' beside 'La CUA, territoire d'industrie' is 'CUA';
    _acronyms_spelled_out spells it out when the text names the territory in full elsewhere)."""
    first_named: dict[str, TerritoryMention] = {}  # the first mention of each territory, by id
    for mention in mentions:
        first_named.setdefault(mention.territory_id, mention)
    for mention in mentions:
        bracket = SHORT_NAME_BRACKET.match(text, mention.end)
        if bracket is None:
            continue
        short = name_key(bracket.group(1))
        other = first_named.get(short) if short != mention.territory_id else None
        if other is not None:
            renamed = mention.territory_id
            mention.name = other.name
            if first_named.get(renamed) is mention:  # its territory's first mention is now the next one
                following = next((m for m in mentions if m.territory_id == renamed), None)
                first_named.pop(renamed)
                if following is not None:
                    first_named[renamed] = following


# The rules that read a name whole, its commas included: after the programme's words, as an item, as a cell.
WHOLE_NAME_RULES = frozenset({"territory.prefixed_name", "territory.list_item", "territory.table_cell"})


def _parts_of_a_name_with_commas(text: str, candidates: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Le Territoire d'industrie « A-B, C-D, E » …' then, in the body, '… et le territoire A-B,
    C-D, E, qui a signé …': a name holding commas, given whole after the programme's words, or as
    a list's item or a table's cell ("| Le Creusot – Gueugnon, Bourbon-Lancy, Charolais et Autun |"
    then "… pilotes : le Nord Franche-Comté, Le Creusot – Gueugnon, Bourbon-Lancy, Charolais et
    Autun, et …"), is one territory wherever the text writes it again; the names a list rule reads
    in it are one mention of it, with what they stated (départements, the list's intro)."""
    whole_names = {m.name for m in candidates if m.rule in WHOLE_NAME_RULES and ", " in m.name}
    kept = list(candidates)
    for name in whole_names:
        for found in re.finditer(re.escape(name), text):
            parts = [m for m in kept if found.start() <= m.start and m.end <= found.end()
                     and (m.start, m.end) != found.span()]
            if not parts:
                continue
            listed = next((m for m in parts if m.intro is not None), parts[0])
            whole = replace(listed, start=found.start(), end=found.end(), name=name,
                            departement_codes=set().union(*(m.departement_codes for m in parts)))
            kept = [m for m in kept if m not in parts] + [whole]
    return kept


# Between two coordinated names: a comma or "et", and the article or preposition of the next
# ("le Cambrésis et le Caudrésis", "du Cambrésis et du Caudrésis"; folded text).
COORDINATION = re.compile(r"\s*(?:,|\bet\b)\s*(?:(?:de\s+la|de\s+l'|du|des|de|d'|le|la|les|l')\s*)?$")
ARTICLE = r"(?:(?:de\s+la|de\s+l'|du|des|de|d'|le|la|les|l')\s*)?"
JOINT_BODY = r"\b(?:" + "|".join(re.escape(body) for body in WORDS["joint_bodies"]) + r")\s+"


def _places_of_one_body(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """'Le Cambrésis et le Caudrésis sont engagés …' beside 'le PETR du Cambrésis et du Caudrésis':
    places a text coordinates, which a body it names joins in its own name in the same order
    (a PETR, a pays, a pôle, a syndicat mixte, an intercommunality), are one territory named
    after both ('Cambrésis et Caudrésis'), not two."""
    if len(mentions) < 2:
        return mentions
    folded = fold(text)
    ordered = sorted(mentions, key=lambda m: m.start)
    runs, run = [], [ordered[0]]
    for mention in ordered[1:]:
        if COORDINATION.match(folded, run[-1].end, mention.start):
            run.append(mention)
        else:
            runs.append(run)
            run = [mention]
    runs.append(run)
    kept = list(mentions)
    # where a body's kind ends, read once: each run is tried there only, and runs naming the same
    # places once (a text of a thousand coordinated pairs would search the whole text for each)
    body_ends = [match.end() for match in re.finditer(JOINT_BODY, folded)]
    joined: dict[tuple[str, ...], bool] = {}
    for run in runs:
        if len(run) < 2 or not body_ends:
            continue
        names = tuple(fold(m.name) for m in run)
        if names not in joined:
            joint = r"\s*(?:,|\bet\b)\s*" + ARTICLE
            body = re.compile(ARTICLE + joint.join(re.escape(name) for name in names) + r"(?![\w-])")
            joined[names] = any(body.match(folded, end) for end in body_ends)
        if not joined[names]:
            continue
        name = ", ".join(m.name for m in run[:-1]) + " et " + run[-1].name
        whole = replace(run[0], end=run[-1].end, name=name,
                        departement_codes=set().union(*(m.departement_codes for m in run)))
        kept = [m for m in kept if all(m is not part for part in run)] + [whole]
    return sorted(kept, key=lambda m: m.start) if len(kept) < len(mentions) else mentions


def _words_of_a_name(key: str) -> tuple[str, ...]:
    """A name key's words but its connectors, in alphabetical order: 'Tarbes Pau Lacq' in a
    subtitle and 'Lacq Pau Tarbes' in the body are one territory's name, its towns in another order.
    "Grand" before a compass word says the same area: 'le Sud-Vendée' beside 'Vendée Grand Sud'."""
    words = key.split("-")
    return tuple(sorted(word for index, word in enumerate(words) if word not in CONNECTORS
                        and not (word == "grand" and words[index + 1:index + 2] and words[index + 1] in COMPASS_HEADS)))


def _variants_of_one_name(text: str, mentions: list[TerritoryMention]) -> None:
    """'Alliances Luxe & Précision Doubs' in a caption beside '… Précision du Doubs' twice in the
    body, 'Tarbes Pau Lacq' beside 'Lacq Pau Tarbes': names with the same words but for their
    connectors and their order name one territory, under its most
    written form (on a tie, the one written after the programme's words, then the longer);
    'celui d'Issoudun' beside 'Châteauroux-Issoudun': a name whose words are a whole part of a
    longer name's (its places joined by dashes or "et") is that territory named short, but for an
    item of a list of territories; so is a place described by a geographic head in lower case ('le
    bassin de la X figure parmi les 124 …' beside 'Le territoire X-Y-Z', X a river), and so is one
    holding all of a name's words ('LE BASSIN DE VIERZON ET BOURGES' in a heading beside 'Bourges-Vierzon')."""
    words = _words_of_a_name
    written: dict[str, int] = {}
    for mention in mentions:
        written[mention.name] = written.get(mention.name, 0) + 1
    labelled = {m.name for m in mentions if m.rule == "territory.prefixed_name"}  # the label's own words
    by_words: dict[tuple[str, ...], str] = {}
    for name in sorted(written, key=lambda n: (-written[n], n not in labelled, -len(n))):
        by_words.setdefault(words(name_key(name)), name)
    names = set(by_words.values())
    for mention in mentions:
        mention.name = by_words[words(mention.territory_id)]
    # each name's words, and the names each whole part is of (_part_of), found once: not every
    # name read again for each of 1,000 mentions
    words_of = {name: words(name_key(name)) for name in names}
    having_part: dict[str, list[str]] = {}
    for name in names:
        for piece in dict.fromkeys(name_key(piece) for piece in re.split(r"\s*[-–/]\s*|\s+et\s+", name)):
            having_part.setdefault(piece, []).append(name)
    for mention in mentions:
        if mention.rule.startswith("territory.list_item") and mention.intro is not None or mention.rule == SECTION_RULE:
            continue  # an item of a list of territories, or a counted section's heading, is one in full:
            # "Y de X" beside a longer "Z et Y de X", "## Luberon" beside "## Sud-Luberon"
        if mention.rule == PREDECESSOR_RULE:
            continue  # "Fini « A ». Le territoire … se nomme à présent « A-B »": the former one, not A-B short
        short = mention.name
        head = GEOGRAPHIC_HEAD.match(mention.territory_id)
        written = text[mention.start:mention.end]
        # (a head in capitals, "LE BASSIN DE VIERZON ET BOURGES, TERRITOIRE D'INDUSTRIE", may be lower case as well)
        described = head and (written[:1].islower() or written.isupper())
        if described:
            short = mention.territory_id[head.end():]  # "bassin de la Sambre": the place it describes
        parts = words(name_key(short))
        same = [name for name in names if words_of[name] == parts] if described else []
        if len(same) == 1:
            mention.name = same[0]  # "le bassin de Vierzon et Bourges" beside "Bourges-Vierzon"
            continue
        longer = {name for name in having_part.get(name_key(short), ()) if _part_of(short, name, parts, words_of[name])}
        if len(longer) == 1:
            mention.name = longer.pop()


def _named_without_its_compass_word(mentions: list[TerritoryMention]) -> None:
    """'le Cotentin et le Sud-Manche labellisés' in a headline beside the list's '— Nord Cotentin,
    qui associe …': a name that is another mention's name less its leading compass word is that
    territory named short, when only one name of the text so holds it; not an item of a list of
    territories, which names one in full ("Cotentin" and "Nord Cotentin" as two items stay two), nor
    a counted section's heading ("Luberon" and "Sud-Luberon" over two sections)."""
    longer: dict[str, set[str]] = {}
    for mention in mentions:
        compass, _, rest = mention.territory_id.partition("-")
        if compass in COMPASS_HEADS and rest:
            longer.setdefault(rest, set()).add(mention.name)
    listed = {m.territory_id for m in mentions if m.rule.startswith("territory.list_item") and m.intro is not None
              or m.rule == SECTION_RULE}
    for mention in mentions:
        names = longer.get(mention.territory_id, set())
        if len(names) == 1 and mention.territory_id not in listed:
            mention.name = next(iter(names))


# "Nord Franche-Comté : l'industrie automobile fait front commun": a headline opening with a name
# before a colon; "le bassin Montbéliard-Belfort-Héricourt": a territory written after a
# geographic head in lower case, a description (folded text for the head).
HEADLINE_SUBJECT = re.compile(r"[ \t#*]*(?P<name>[A-ZÀ-Ý][^\n:|]{1,60}?)[ \t]*:[ \t]")
DESCRIBING_HEAD = re.compile(r"(?:" + "|".join(WORDS["geographic_heads"]) + r")\s")
HEADLINE_LINES = 6  # a page's title may stand under its masthead, menus and a rubric


def headline_name_of_a_description(text: str, mentions: list[TerritoryMention], places: list[PlaceMention]) -> str | None:
    """'Nord Franche-Comté : l'industrie automobile fait front commun' over 'Labellisé territoire
    d'industrie …, le bassin Montbéliard-Belfort-Héricourt a présenté son plan' and 'Sur le papier, le
    Nord Franche-Comté n'a rien d'un territoire simple': in a document of one territory, written only
    as a description (a geographic head in lower case), a headline opening with a place's name that
    the body writes again after an article names that territory: one territory, one row. Its
    members and départements are the description's (assemble.py renames the rows once they are read)."""
    if not mentions or len({m.territory_id for m in mentions}) != 1 \
            or not all(text[m.start:m.start + 1].islower() and DESCRIBING_HEAD.match(fold(text[m.start:m.end]))
                       for m in mentions):
        return None
    folded = fold(text)
    for start, end in top_lines(text, HEADLINE_LINES):
        subject = HEADLINE_SUBJECT.match(text, start, end)
        if subject is None or capitalised_run(text, subject.start("name"), end) != subject.end("name"):
            continue  # the whole part before the colon is one name
        headline = make_mention(text, subject.start("name"), subject.end("name"), mentions[0].rule, (), end)
        if headline is None or headline.territory_id == mentions[0].territory_id or not reads_as_place(headline, places):
            continue
        again = re.compile(r"(?<![\w'])(?:le|la|les|l')\s*" + key_pattern(headline.territory_id) + r"(?![\w-])")
        if again.search(folded, end):
            return headline.name
    return None


# The area of a town, named by its adjective ("le Châtelleraudais", "le Roannais"): one word.
AREA_OF_A_TOWN = re.compile(r"(?P<stem>[a-z]{3,})(?:ais|ois)")
TOWN_WORD = re.compile(r"(?P<stem>[a-z]{3,})")
PLACES_JOINED = re.compile(r"\s*[-–/]\s*|\s+et\s+")


def _areas_named_after_their_town(text: str, mentions: list[TerritoryMention]) -> None:
    """'Le Châtelleraudais garde son label' in a title beside 'le territoire d'industrie Grand
    Châtellerault' in the body: a one-word area named after a town ("-ais", "-ois") is the text's
    one other territory holding that town's word (their first letters shared, but for the town's
    last two or three, or the town its demonym is made from: 'le Montalbanais', Montauban), named
    short; not one joining towns ('l'Albigeois' is not 'Carmaux-Albi').
    So is a town's bare name in the title ("Bastia et Ajaccio entrent dans le dispositif" over
    "le Grand Bastia"): the headline names the territories by their towns. A name the text writes
    only as list items after a legal form is a piece of a member's name ("Le X-ois" beside
    "Il rassemble : > la Communauté de Communes du Territoire de X à Y"), not the
    area's other name; a territory designated by its EPCI ("La communauté d'agglomération de Grand
    Châtellerault, labellisée …") is one."""
    folded = fold(text) if mentions else ""
    names = {m.name for m in mentions}
    members_only = names - {m.name for m in mentions if not _a_members_item(folded, m)}
    title = top_lines(text, TITLE_LINES) if mentions else []  # title, rubric, kicker
    title_end = title[-1][1] if title else 0
    body_names = {m.name for m in mentions if m.start >= title_end}
    for mention in mentions:
        area = AREA_OF_A_TOWN.fullmatch(mention.territory_id)
        town = not area and mention.start < title_end and mention.territory_id in town_words()
        area = area or (TOWN_WORD.fullmatch(mention.territory_id) if town else None)  # "bastia", not "saint-omer"
        if not area or mention.rule.startswith("territory.list_item") and mention.intro is not None:
            continue  # an item of a list of territories is one of them
        stem = area.group("stem")
        # "le Montalbanais": a demonym that does not keep its town's root (pipeline/data/town_demonyms.csv)
        towns = {name_key(name) for name in towns_of_demonym(mention.territory_id)} if not town else set()
        # a town's name is the body's territory: not one its own line names beside it ("Durance, Haute Durance")
        holding = {name for name in (body_names if town else names) if name != mention.name and not PLACES_JOINED.search(name)
                   and name not in members_only
                   and (any(_same_root(stem, word) for word in name_key(name).split("-"))
                        or any(f"-{key}-" in f"-{name_key(name)}-" for key in towns))}
        if len(holding) == 1:
            mention.name = holding.pop()


def _a_members_item(folded: str, mention: TerritoryMention) -> bool:
    """'> la Communauté de Communes du Territoire de Lunéville': a list item written as an
    intercommunality's name."""
    return mention.rule.startswith("territory.list_item") \
        and LEGAL_FORM_OF_BEFORE.search(folded, max(0, mention.start - 60), mention.start) is not None


# "… du Territoire d'industrie Vendée Grand Sud à Fontenay-le-Comte": the place where something
# happens, after a name ("Lunéville à Baccarat" is one name: its first part names nothing else)
AT_A_PLACE = re.compile(r"\s+(?:à|au|aux)\s+(?=[A-ZÀ-Ý])")


# A type word written right before a capitalised name: "l'Agglomération Cap Excellence".
TYPE_WORD_BEFORE_A_NAME = re.compile(r"(?:Agglom[ée]ration|Agglo|Communaut[ée]|Intercommunalit[ée])\s+(?=[A-ZÀ-Ý])")
# The abbreviation of a legal form opening an EPCI's official name ("CA CAP Excellence").
ABBREVIATED_LEGAL_FORM = re.compile(r"(?:CA|CC|CU)\s+")
# The article that makes the type word a common noun: "de l'Agglomération X", "la Communauté X".
ARTICLE_BEFORE = re.compile(r"(?:\b[Ll][’']\s*|\b[Ll]a\s+)$")


@lru_cache(maxsize=1)
def _epci_names_behind_their_legal_form() -> frozenset[str]:
    """Name keys of every EPCI's official names less their legal form's abbreviation:
    "CA CAP Excellence" gives cap-excellence, "CA Agglomération d'Agen" agglomeration-d-agen."""
    return frozenset(name_key(ABBREVIATED_LEGAL_FORM.sub("", name, count=1))
                     for epci in referential.load().epcis.values() for name in (n.name for n in epci.names))


def _type_word_before_its_epci_name(text: str, mentions: list[TerritoryMention]) -> None:
    """'du territoire de l'Agglomération Cap Excellence': a territory designated by its one EPCI,
    the type word written before the EPCI's own name (the referential's "CA CAP Excellence") after
    an article, goes by that name; written bare, as a list item's or a heading's name ("•
    Agglomération Gap-Tallard-Durance (05)"), it is the name as the text gives it. A type word that
    belongs to the name stays ("Agglomération d'Agen", official as "CA Agglomération d'Agen";
    "Communauté Paris-Saclay")."""
    names = _epci_names_behind_their_legal_form()
    for mention in mentions:
        type_word = TYPE_WORD_BEFORE_A_NAME.match(mention.name)
        if (type_word and ARTICLE_BEFORE.search(text, max(0, mention.start - 4), mention.start)
                and mention.territory_id not in names and name_key(mention.name[type_word.end():]) in names):
            mention.name = mention.name[type_word.end():]


def _named_with_where(mentions: list[TerritoryMention]) -> None:
    """A name whose part before " à " is the name of another mention of the text (a photo's
    caption after the body: "soirée de lancement du Territoire d'industrie X à Y" beside "X") is
    that territory, Y where its event took place."""
    ids = {m.territory_id for m in mentions}
    for mention in mentions:
        at = list(AT_A_PLACE.finditer(mention.name))
        head = mention.name[:at[-1].start()] if at else ""
        if head and name_key(head) in ids and name_key(head) != mention.territory_id:
            mention.name = head


def _same_root(stem: str, town: str) -> bool:
    """'chatelleraud' (Châtelleraudais) and 'chatellerault', 'roann' and 'roanne': the shorter all
    but its last two letters, three at least, begins both."""
    shared = len(commonprefix([stem, town]))
    return shared >= max(3, min(len(stem), len(town)) - 2)


def _codes_named_in_full(mentions: list[TerritoryMention]) -> None:
    """'Territoire d'Industrie 32/82' beside 'Interdépartemental Gers/Tarn-et-Garonne': a name
    made of département codes is the text's one territory lying in exactly those départements."""
    for mention in mentions:
        if not CODES_AS_NAME.fullmatch(mention.name):
            continue
        codes = set(mention.name.split("/"))
        named = {m.name for m in mentions if m.departement_codes == codes and not CODES_AS_NAME.fullmatch(m.name)}
        if len(named) == 1:
            mention.name = named.pop()


def _part_of(short: str, long: str, short_words: tuple[str, ...], long_words: tuple[str, ...]) -> bool:
    """Whether `short` is a whole dash- or "et"-separated part of `long` ('Issoudun' of
    'Châteauroux-Issoudun', not 'Val' of 'Val de Saône')."""
    if len(short_words) >= len(long_words) or not short_words:
        return False
    pieces = [name_key(piece) for piece in re.split(r"\s*[-–/]\s*|\s+et\s+", long)]
    return name_key(short) in pieces


ACRONYM_NAME = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
ACRONYM_AFTER = re.compile(r"[ \t]*\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)")


def _initials(name: str) -> str:
    """'Territoire de la Côte Ouest' -> 'TCO': the first letters of its words but connectors."""
    return "".join(word[0] for word in re.split(r"[\s'’-]+", name)
                   if word and word.lower() not in CONNECTORS).upper()


def _heads_an_acronym_spells(text: str, mentions: list[TerritoryMention]) -> None:
    """'le Territoire de la Côte Ouest (TCO)', read as 'Côte Ouest' after "le territoire de": the
    acronym in brackets after a name spells the words before it too, so they are part of the
    name (not a legal form: 'Communauté urbaine d'Alençon (CUA)' goes by 'Alençon')."""
    folded = fold(text)
    for mention in mentions:
        bracket = ACRONYM_AFTER.match(text, mention.end)
        if not bracket:
            continue
        acronym, initials = bracket.group("acronym"), _initials(mention.name)
        if not initials or acronym == initials or not acronym.endswith(initials):
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        words = list(re.finditer(r"[^\s'’]+['’]?", text[line_start:mention.start]))
        for word in reversed(words[-MAX_NAME_WORDS:]):
            start = line_start + word.start()
            if fold(word.group().rstrip("'’")) not in CONNECTORS and not word.group()[0].isupper():
                break
            written = _initials(text[start:mention.end])
            if written == acronym and text[start].isupper():
                if not LEGAL_FORM.match(folded, start):
                    mention.start, mention.name = start, collapse_spaces(text[start:mention.end])
                break
            if len(written) > len(acronym):
                break


def _acronyms_spelled_out(text: str, mentions: list[TerritoryMention]) -> None:
    """'La CUA, un territoire d'industrie par nature' in a text whose title names the 'Territoire
    d'industrie de la Communauté urbaine d'Alençon', the body writing 'la Communauté Urbaine
    d'Alençon (CUA)' or 'la CUA (Communauté urbaine d'Alençon)': an intercommunality's acronym
    goes by the name its spelled-out form gives ('Alençon') when another mention of the text
    names the territory so, or by the bare name the text glosses it with ('le TCO (Territoire de
    la Côte Ouest)'); a territory the text designates only by the acronym of an intercommunality
    written with its legal form keeps the acronym ('CACEM (communauté d'agglomération du Centre
    de la Martinique)', 'CAP NORD : Communauté d'Agglomération du Pays Nord Martinique'), as
    annotators name it (tests/gold/README.md: the name the text gives it)."""
    folded = fold(text)
    named = {m.territory_id for m in mentions if not ACRONYM_NAME.fullmatch(m.name)}
    for mention in mentions:
        if not ACRONYM_NAME.fullmatch(mention.name):
            continue
        acronym = mention.name
        spelled_out = (lambda: _spelled_out(text, folded, acronym), lambda: _initials_of_another(mentions, acronym),
                       lambda: _known_acronym(acronym, named), lambda: _written_with_its_form(text, folded, acronym))
        mention.name = (next((name for read in spelled_out if (name := read()) and name_key(name) in named), None)
                        or _named_in_its_bracket(text, acronym) or acronym)


def _named_in_its_bracket(text: str, acronym: str) -> str | None:
    """'le TCO (Territoire de la Côte Ouest) et la CIREST (Réunion Est)': an acronym the text
    glosses with a capitalised name in brackets goes by that name (a département's is a place; an
    intercommunality written with its legal form is no bare name: the acronym is kept)."""
    for after in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"\s*\(\s*(?=[A-ZÀ-Ý])([^()\n\d]{3,80}?)\s*\)", text):
        name = collapse_spaces(after.group(1))
        start = after.start(1)
        if (capitalised_run(text, start, after.end(1)) == after.end(1) and not is_place_name(name) and name_key(name)
                and not LEGAL_FORM.match(fold(name))):
            return name
    return None


def _initials_of_another(mentions: list[TerritoryMention], acronym: str) -> str | None:
    """'le TCO … « Territoire de la Côte Ouest »': another territory of the text whose capitalised
    words' initials are the acronym is the same territory, under its full name."""
    for other in mentions:
        words = [w for w in re.split(r"[\s'’-]+", other.name) if w[:1].isupper()]
        if len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym.upper():
            return other.name
    return None


def _spelled_out(text: str, folded: str, acronym: str) -> str | None:
    for bracket in re.finditer(r"\(\s*" + re.escape(acronym) + r"\s*\)", text):
        name = _spelled_out_before(text, folded, bracket.start(), acronym[0])
        if name:
            return name
    for after in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"\s*\(", text):  # "la CUA (Communauté …)"
        closing = text.find(")", after.end(), after.end() + 120)
        name = _spelled_out_before(text, folded, closing, acronym[0], after.end()) if closing > 0 else None
        if name:
            return name
    return None


def _written_with_its_form(text: str, folded: str, acronym: str) -> str | None:
    """'La CCGM labellisée', the body writing 'La Communauté de communes Gally Mauldre, labellisée
    depuis 2018' without the acronym in brackets: the one intercommunality the text writes with
    its legal form whose initials, the form's included, are the acronym goes by its name."""
    names = set()
    for form in LEGAL_FORM.finditer(folded):
        name_start = legal_form_end(text, folded, form.start())
        if name_start is None or name_start >= len(text) or not text[name_start].isupper():
            continue
        name = collapse_spaces(text[name_start:capitalised_run(text, name_start, min(len(text), name_start + 120))])
        if name and _initials(folded[form.start():form.end()]) + _initials(name) == acronym.upper():
            names.add(name)
    return names.pop() if len(names) == 1 else None


OFFICIAL_FORM = re.compile(r"C[ACU]\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?")


def _known_acronym(acronym: str, named: set[str]) -> str | None:
    """'La CAPA, un Territoire d'industrie ?' in a text that also names the territory 'le Pays
    Ajaccien': a well-known acronym of one intercommunality (data/epci_aliases.csv) that
    abbreviates its legal form too is the territory named after its official name without the form
    ('CA du Pays Ajaccien' -> 'Pays Ajaccien'), when another mention (`named`: territory ids) names
    it so; a text that names the territory only by the acronym ('la CAPA et la CAB vont en
    bénéficier', 'le tribunal de Bastia' being no territory) names it by the acronym
    (tests/gold/README.md: the name the text gives it)."""
    sirens = known_acronyms().get(acronym.upper(), ())
    if len(sirens) != 1:
        return None
    official = referential.load().epcis[sirens[0]].name
    form = OFFICIAL_FORM.match(official)
    if form is None or not acronym.upper().startswith(official[:2]):
        return None
    name = official[form.end():]
    initials = "".join(word[0] for word in re.findall(r"[^\W\d_][\w-]*", name) if word.lower() not in CONNECTORS)
    # 'CAPA' is C(ommunauté d')A(gglomération du) P(ays) A(jaccien); 'CAPEX' (CA Cap Excellence)
    # and 'CIREST' (its official name holds it) are short names of their own
    if initials.upper() != acronym.upper()[2:]:
        return None
    return name if name_key(name) in named else None


def _spelled_out_before(text: str, folded: str, bracket: int, initial: str, window_start: int | None = None) -> str | None:
    """The name an intercommunality written with its legal form right before `bracket` goes by,
    when the acronym abbreviates the legal form too (its `initial` is the form's: 'CUA'); an
    acronym of the name alone ('Territoire de la Côte Ouest (TCO)') is that name's short form."""
    window_start = max(0, bracket - 120) if window_start is None else window_start
    for form in LEGAL_FORM.finditer(folded, window_start, bracket):
        if folded[form.start()] != initial.lower():
            continue
        name_start = legal_form_end(text, folded, form.start())
        if name_start is None or name_start >= bracket or not text[name_start].isupper():
            continue
        if capitalised_run(text, name_start, bracket) == len(text[:bracket].rstrip()):
            name = collapse_spaces(text[name_start:len(text[:bracket].rstrip())])
            return name if name_key(name) else None
    return None


# "l'ensemble du département a été labellisé « Territoire d'industrie »" (folded text)
WHOLE_DEPARTEMENT_LABELLED = re.compile(
    r"\b(?:l'ensemble\s+du|la\s+totalite\s+du|tout\s+le)\s+(?P<word>departement)\s+(?:a\s+ete|est|vient\s+d'etre)\s+"
    r"(?:labellise|retenu|selectionne)\s+(?:comme\s+)?(?:\"\s*)?" + PREFIX)


# "Les Hautes-Alpes retenues pour la deuxième phase de Territoires d'Industrie": the département's
# name itself as the subject of the award (folded text, from the end of its name).
DEPARTEMENT_LABELLED = re.compile(
    r"\s*(?:(?:est|sont|a\s+ete|ont\s+ete|vient\s+d'etre|viennent\s+d'etre)\s+)?(?:officiellement\s+)?"
    r"(?:labellise|retenu|selectionne)e?s?\s+(?:comme\s+|pour\s+la\s+(?:premiere|deuxieme|seconde|nouvelle)\s+phase\s+"
    r"(?:du\s+programme\s+|de\s+|des\s+))?[\"«\s]*" + PREFIX
    # "L'Ain est labellisé « Territoire d'industrie »… deux fois": it holds two territories, is none
    + r"(?![\"»\s.…,]*(?:a\s+)?(?:deux|trois|quatre|cinq|[2-9])\s+(?:fois|reprises)\b)")

# The département's name opens its sentence, after its article at most: not the tail of a longer
# name ("Sud Vendée retenu comme Territoire d'industrie").
OPENS_ITS_SENTENCE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)(?:(?:[Ll]a|[Ll]e|[Ll]es)\s+|[Ll]['’]\s*)?$")


def whole_departement_territories(text: str, places: list[PlaceMention],
                                  mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """A territory that is a whole département said to be labelled ("Simon Bertoux a rappelé que
    l'ensemble du département a été labellisé « Territoire d'industrie »", "Les Hautes-Alpes
    retenues pour la deuxième phase de Territoires d'Industrie"), when the text names no territory
    and one département only, an office's seat included ("le préfet de l'Ariège"): named after that
    département (rule territory.whole_departement). Beside territories the text names, the
    département so labelled is where they lie ("la Somme labellisée" over its list)."""
    codes = {p.code for p in places if p.kind == "departement"}
    if mentions or len(codes) != 1:
        return []
    folded = fold(text)
    labelled = WHOLE_DEPARTEMENT_LABELLED.search(folded)
    if labelled is not None:
        start, end, block_end = *labelled.span("word"), labelled.end()
    else:
        subject = next((p for p in places if p.kind == "departement" and not p.office
                        and OPENS_ITS_SENTENCE.search(text, max(0, p.start - 40), p.start)
                        and DEPARTEMENT_LABELLED.match(folded, p.end)), None)
        if subject is None:
            return []
        start, end, block_end = subject.start, subject.end, DEPARTEMENT_LABELLED.match(folded, subject.end).end()
    code = codes.pop()
    return [TerritoryMention(start, end, referential.load().departements[code].name, "territory.whole_departement",
                             {code}, block_end)]
