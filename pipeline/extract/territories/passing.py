"""territory.in_passing: a territory named in passing, in a clause about its label that is not
the sentence's topic (its intercommunality, an end of a map spanned, a relative's antecedent):

- a former laureate recalled with the wave it was in: "Pour mémoire, Ajaccio figurait lui aussi
  dans la première vague du programme, en 2019, avec la communauté d'agglomération du Pays
  Ajaccien (CAPA)." The town or area before the verb only places it; the intercommunality after
  "avec" is the territory, named after it ("Pays Ajaccien"), as the gold README names a territory
  designated by its carrier.
- two laureates set side by side: "Le gouvernement a retenu, d'une part, la communauté
  d'agglomération du Centre Littoral (CACL), qui …, et, d'autre part, la communauté de communes
  des Savanes, autour de …": each part names one territory; both or neither (a part that links to
  no EPCI leaves the pair in doubt).
- a map spanned from one to another: "De la Vallée de X, capitale du …, au Y et ses forges, en
  passant par Z, où …, la carte reste d'abord celle des bassins industriels historiques." Each of
  the three ends names a territory when the sentence, after the last, speaks of the programme's
  map or territories (spanned_names; "De la Manufacture de X à Y, en passant par Z, l'industrie
  fait vivre …" names companies).
- a neighbour qualified by a relative clause of its label, as the object of another verb: "nous
  échangeons avec nos voisins, notamment le Niortais - Haut Val de Sèvre, qui a lui aussi été
  désigné." (labelled_antecedents: the name right before the comma, after its article, its words
  a place's).

Each intercommunality must be written with its legal form or a well-known acronym and link to
exactly one EPCI (carrier_named.intercommunality_named_at).

The recall's subject, read by another rule ("Vichy avait elle aussi été retenue dès la première
vague, en 2018, avec Vichy Communauté"), is the place the intercommunality is named after: one
territory, the intercommunality's name kept. A subject named otherwise ("le Pays de X figurait
dans la première vague avec la CA Y") is the territory, the intercommunality its carrier
(subjects_of_a_recall). A town a pair's gloss names ("qui rassemble Cayenne, …", "autour de
Kourou") stands for that territory elsewhere in the text ("Kourou et Cayenne retenus …" as title):
no territory of its own (towns_of_a_pair)."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.carrier_named import intercommunality_named_at
from pipeline.extract.territories.common import (INSTITUTION, PREFIX, TerritoryMention, capitalised_run,
                                                 is_departement_name, make_mention, sentence_bounds,
                                                 words_of_a_place)
from pipeline.normalize import fold, name_key

RULE = "territory.in_passing"
ARTICLE = r"(?:(?:la|le)\s+|l'\s*)?"
# "dans la première vague du programme, en 2018, avec la …", "dès la première vague, en 2018,
# avec la …" (folded text); not "lors de la première phase avec May'Usinage" (a phase is a period
# the text may speak of for anything, a wave or generation one of laureates)
EARLIER_WAVE_WITH = re.compile(r"\b(?:dans|des)\s+la\s+premiere\s+(?:vague|generation)\b"
                               r"(?:\s+(?:du\s+programme|des\s+territoires\s+d'industrie))?"
                               r"(?:\s*,\s*en\s+(?:19|20)\d\d)?\s*,?\s+avec\s+" + ARTICLE)
# "a retenu, d'une part, la …", "ont été labellisés, d'une part, le …" (folded text)
ONE_PART = re.compile(r"\b(?:retenu|labellise|selectionne|reconduit|designe)e?s?\s*,\s*d'une\s+part\s*,\s*" + ARTICLE)
OTHER_PART = re.compile(r",\s*(?:et\s*,?\s*)?d'autre\s+part\s*,\s*" + ARTICLE)

# ", qui a lui aussi été désigné", ", qui avait déjà été retenu" (folded text)
LABEL_RELATIVE = re.compile(r",\s+qui\s+(?:a|avait)\s+(?:(?:lui|elle)\s+)?(?:aussi\s+|egalement\s+|deja\s+)?ete\s+"
                            r"(?:labellise|retenu|designe|reconduit|selectionne)e?\b")
# the antecedent right before that comma: an article, then a capitalised name (original text)
ANTECEDENT = re.compile(r"(?<![\w'’])(?:le|la|l['’])\s*(?=[A-ZÀ-Ý])(?P<name>[^,;:.()\n]{1,80})$")
ANTECEDENT_REACH = 100
# "De la Vallée de X", "Du Grand Y" opening a sentence, "au Y" / "à Z" / "jusqu'à Z", ", en passant par W"
# (original text, each before its name's capital)
SPAN_FROM = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:De\s+(?:la\s+|l['’]\s*)?|Du\s+|Des\s+)(?=[A-ZÀ-Ý])")
SPAN_TO = re.compile(r",?\s+(?:à|au|aux|jusqu['’]\s*(?:à|au|aux))\s+(?:la\s+|l['’]\s*)?(?=[A-ZÀ-Ý])")
SPAN_THROUGH = re.compile(r",?\s+en\s+passant\s+par\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?(?=[A-ZÀ-Ý])")
# the programme's map or its territories, in the sentence after the last end (folded text)
SPAN_OF_TERRITORIES = re.compile(r"\b(?:la\s+carte|territoires|laureats|labellis\w*|retenus)\b")


def named_in_passing(text: str) -> list[TerritoryMention]:
    """Territories named through their intercommunality in a recall of the first wave or in a
    "d'une part … d'autre part" pair after an award verb, in reading order."""
    folded = fold(text)
    found = []
    for match in EARLIER_WAVE_WITH.finditer(folded):
        mention = intercommunality_named_at(text, folded, match.end(), RULE, sentence_bounds(text, match.start())[1])
        if mention:
            found.append(mention)
    for match in ONE_PART.finditer(folded):
        sentence_end = sentence_bounds(text, match.start())[1]
        other = OTHER_PART.search(folded, match.end(), sentence_end)
        if not other:
            continue
        pair = [intercommunality_named_at(text, folded, position, RULE, sentence_end)
                for position in (match.end(), other.end())]
        if all(pair):
            found.extend(pair)
    return sorted(found, key=lambda mention: mention.start)


def subjects_of_a_recall(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """`mentions` less, for each first-wave recall, either the subject before it in its sentence
    whose name is part of the intercommunality's (the same territory), or the recall itself when
    the subject is named otherwise (its carrier)."""
    folded = fold(text)
    dropped = set()
    for recall in (m for m in mentions if m.rule == RULE):
        sentence_start = sentence_bounds(text, recall.start)[0]
        if not EARLIER_WAVE_WITH.search(folded, sentence_start, recall.start):
            continue  # a "d'une part … d'autre part" pair: no subject
        recall_words = set(name_key(recall.name).split("-"))
        for subject in mentions:
            if subject is recall or not sentence_start <= subject.start < recall.start:
                continue
            if set(name_key(subject.name).split("-")) <= recall_words:
                dropped.add(id(subject))
            else:
                dropped.add(id(recall))
    return [m for m in mentions if id(m) not in dropped]


def towns_of_a_pair(text: str, mentions: list[TerritoryMention]) -> list[TerritoryMention]:
    """`mentions` less those outside a "d'une part … d'autre part" pair's sentence whose name the
    gloss of one of its parts writes: a town standing for the territory gathering it."""
    folded = fold(text)
    glosses = []
    for part in (m for m in mentions if m.rule == RULE):
        sentence_start, sentence_end = sentence_bounds(text, part.start)
        if not ONE_PART.search(folded, sentence_start, part.start):
            continue
        next_part = min((m.start for m in mentions if m.rule == RULE and part.end <= m.start < sentence_end),
                        default=sentence_end)
        glosses.append((sentence_start, sentence_end, text[part.end:next_part]))
    return [m for m in mentions
            if m.rule == RULE or not any(not start <= m.start < end and re.search(r"(?<![\w-])" + re.escape(m.name) + r"(?![\w-])", gloss)
                                         for start, end, gloss in glosses)]


def spanned_names(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The three ends of "De A, …, au B …, en passant par C, …, la carte …" in a text about the
    programme, the words of each a place's and none a département's; all three or none."""
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    for opening in SPAN_FROM.finditer(text):
        sentence_end = sentence_bounds(text, opening.start())[1]
        first_end = capitalised_run(text, opening.end(), sentence_end)
        to = SPAN_TO.search(text, first_end, sentence_end)
        through = SPAN_THROUGH.search(text, first_end, sentence_end)
        if not to or not through:
            continue
        spans = [(opening.end(), first_end)] + [(m.end(), capitalised_run(text, m.end(), sentence_end)) for m in (to, through)]
        last_end = max(end for _, end in spans)
        if not SPAN_OF_TERRITORIES.search(folded, last_end, sentence_end):
            continue
        mentions = [make_mention(text, start, end, RULE, block_end=sentence_end) for start, end in spans]
        if all(m and words_of_a_place(m.name, m.start, m.end, places) and not is_departement_name(m.name)
               for m in mentions):
            found.extend(mentions)
    return found


def labelled_antecedents(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The name a relative clause of its label qualifies, right before its comma ("…, notamment le
    Niortais - Haut Val de Sèvre, qui a lui aussi été désigné"), in a text about the programme: a
    capitalised name from its article to the comma, its words a place's (an article is no sign:
    "avec la Manufacture X, qui a été retenue")."""
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    for relative in LABEL_RELATIVE.finditer(folded):
        antecedent = ANTECEDENT.search(text, max(0, relative.start() - ANTECEDENT_REACH), relative.start())
        if not antecedent or capitalised_run(text, antecedent.start("name"), relative.start()) != relative.start():
            continue
        mention = make_mention(text, antecedent.start("name"), relative.start(), RULE,
                               block_end=sentence_bounds(text, relative.start())[1])
        if mention and not INSTITUTION.match(fold(mention.name)) and not is_departement_name(mention.name) \
                and words_of_a_place(mention.name, mention.start, mention.end, places):
            found.append(mention)
    return found
