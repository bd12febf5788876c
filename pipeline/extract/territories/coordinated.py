"""territory.coordinated_subject: names coordinated as the subject opening a sentence whose verb
is no verb of the label: "A et B ont un point commun rare : ce sont des territoires d'industrie
…", "A, B et la Vallée de C, que nous avons visités, illustrent …", "A (D1 et D2), le B, C et D,
dans le Gard, ont tous installé un comité local"; not the parts a verb says make up a whole ("T1 et T2
forment le territoire A").

Towns, intercommunalities, régions and companies are coordinated the same way, so the names must
each read as a place's (no département, région, acronym, institution, person, name with a legal
form or an intercommunality's name, unless another rule names it a territory) and the text must say they are territories, in a text naming the programme: another rule
names one of them a territory in the document, or the sentence (or the one before it) speaks of
territories and none of the names is a bare town's ("Orléans, Tours et Bourges ont …").
"""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.common import (INSTITUTION, PERSON_AFTER_NAME, PREFIX, TerritoryMention, is_place_name,
                                                 make_mention, reads_as_a_place_name)
from pipeline.extract.territories.enumerations import bare_town
from pipeline.extract.territories.phrases import enumeration_before
from pipeline.linking import link_epci
from pipeline.normalize import fold

RULE = "territory.coordinated_subject"
# Where a sentence opens: the text's start, a line's, or after a stop (and a bold run-in's closing marks)
OPENING = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][*_]{2}\s))[ \t*_>]*(?=[A-ZÀ-Ý])")
SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")
SUBJECT_REACH = 240  # the subject's names, their brackets and glosses, before its verb
# The plural verb after the subject, maybe after a relative clause set off by commas ("…, que nous
# avons visités pour ce dossier, illustrent", "…, qui avaient déjà signé le leur, ouvrent"); folded
# text, the verb in lower case in the text, maybe negated ("A et B n'ont pas grand-chose en
# commun"). No adverb in -ment, no noun in -ent ("souvent", "président").
VERB_AFTER_SUBJECT = re.compile(r"(?P<gloss>,\s+(?:qui|que|qu'|dont)\s[^,;:()\n]{1,120}?,)?\s+(?:n'|ne\s+)?"
                                r"(?P<verb>ont|sont|avaient|etaient|seront|auront|[a-z]{3,}(?<!ment)(?<!souv)(?<!presid)ent)\b")
# A verb of the one whole the subjects make up ("Le Port et l'Ouest forment le Territoire de l'Ouest",
# "le Béarn et la Bigorre composent un seul territoire"): they are its parts, the whole is the
# territory; "A et B constituent les deux territoires …" names two (folded text, from the verb)
MAKE_UP = re.compile(r"(?:forment|composent|constituent)\s+(?:ensemble\s+)?(?:(?:le|la|un|une)(?![\w'-])|l')")
# Where a last name lies, set off by a comma before the verb or its relative: ", dans la Marne"
TRAILING_PLACE = re.compile(r",\s+(?:en|dans|a|au|aux)\s+[^,;:()\n]{1,60}$")
# Two places joined by hyphens, "Bazancourt-Pomacle" (not one town's name: bare_town)
TOWNS_JOINED = re.compile(r"[A-ZÀ-Ý][\w'’]+(?:-[A-ZÀ-Ý][\w'’]+)+")
SUBJECT_OPENING = re.compile(r"(?:les\s+|le\s+|la\s+|l')?")
TERRITORY_WORD = re.compile(r"(?<![\w'-])territoires?\b")
# "la Banque des Territoires", "l'Agence nationale de la cohésion des territoires": no territories
INSTITUTION_OF_TERRITORIES = re.compile(r"\b(?:cohesion|banque|amenagement)\s+des\s+territoires\b")


def coordinated_subjects(text: str, places: list[PlaceMention], others: list[TerritoryMention]) -> list[TerritoryMention]:
    """The names coordinated as a sentence's opening subject, each a territory's (module doc);
    `others` are the mentions the other rules found."""
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    named = {m.territory_id for m in others}
    found = []
    previous_start = 0
    for opening in OPENING.finditer(text):
        start = opening.end()
        stop = SENTENCE_STOP.search(text, start)
        sentence_end = stop.start() if stop else len(text)
        verb = VERB_AFTER_SUBJECT.search(folded, start, min(sentence_end, start + SUBJECT_REACH))
        sentence_before = (previous_start, start)
        previous_start = start
        if verb is None or not text[verb.start("verb")].islower() or " et " not in text[start:verb.start()]:
            continue
        if MAKE_UP.match(folded, verb.start("verb")):
            continue
        subject_end = len(text[:verb.start()].rstrip(" ,"))  # "A et B, dans les Vosges, ont"
        trailing = TRAILING_PLACE.search(folded, start, subject_end)
        subject_end = trailing.start() if trailing else subject_end
        parts = enumeration_before(text, subject_end, start)
        opened = SUBJECT_OPENING.match(folded, start)
        if len(parts) < 2 or parts[0].start > opened.end():
            continue  # not the whole subject: "Entre A et B, les salariés vont et viennent"
        mentions = [_place_name(text, folded, part, places, sentence_end) for part in parts]
        if not all(mentions) or any(m.territory_id not in named and link_epci(m.name).siren for m in mentions):
            continue  # "Flers Agglo et Terres d'Argentan Interco ont signé …": intercommunalities
        said_territories = _speaks_of_territories(folded, verb.end(), sentence_end) \
            or _speaks_of_territories(folded, *sentence_before)
        if any(m.territory_id in named for m in mentions) \
                or said_territories and not any(bare_town(text, part) for part in parts):
            found.extend(mentions)
    return found


def _place_name(text: str, folded: str, part, places: list[PlaceMention], sentence_end: int) -> TerritoryMention | None:
    """The mention of a coordinated part when it reads as a place's name of its own."""
    written = part.name or text[part.start:part.end]
    if part.epci or written.isupper() or is_place_name(written) or INSTITUTION.match(fold(written)) \
            or PERSON_AFTER_NAME.match(folded, part.end):
        return None
    if not reads_as_a_place_name(text, part.start, part.end, places, part.name) \
            and not (TOWNS_JOINED.fullmatch(written) and not bare_town(text, part)):
        return None
    return make_mention(text, part.start, part.end, RULE, (), sentence_end, name=part.name)


def _speaks_of_territories(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) says "territoire(s)", not in an institution's name."""
    words = [m.start() for m in TERRITORY_WORD.finditer(folded, start, end)]
    return any(not INSTITUTION_OF_TERRITORIES.search(folded, max(start, word - 30), word + 12) for word in words)
