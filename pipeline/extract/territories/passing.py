"""territory.in_passing: a territory the text names only through its one intercommunality, in a
clause about its label that is not the sentence's topic.

- a former laureate recalled with the wave it was in: "Pour mémoire, Ajaccio figurait lui aussi
  dans la première vague du programme, en 2019, avec la communauté d'agglomération du Pays
  Ajaccien (CAPA)." The town or area before the verb only places it; the intercommunality after
  "avec" is the territory, named after it ("Pays Ajaccien"), as the gold README names a territory
  designated by its carrier.
- two laureates set side by side: "Le gouvernement a retenu, d'une part, la communauté
  d'agglomération du Centre Littoral (CACL), qui …, et, d'autre part, la communauté de communes
  des Savanes, autour de …": each part names one territory; both or neither (a part that links to
  no EPCI leaves the pair in doubt).

Each intercommunality must be written with its legal form or a well-known acronym and link to
exactly one EPCI (carrier_named.intercommunality_named_at).

The recall's subject, read by another rule ("Vichy avait elle aussi été retenue dès la première
vague, en 2018, avec Vichy Communauté"), is the place the intercommunality is named after: one
territory, the intercommunality's name kept. A subject named otherwise ("le Pays de X figurait
dans la première vague avec la CA Y") is the territory, the intercommunality its carrier
(subjects_of_a_recall)."""

from __future__ import annotations

import re

from pipeline.extract.territories.carrier_named import intercommunality_named_at
from pipeline.extract.territories.common import TerritoryMention, sentence_bounds
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
