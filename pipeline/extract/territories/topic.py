"""territory.topic: the one territory a single-subject article about the programme keeps
coming back to, when no other rule names a territory (find_territories calls it last).

Local press, intercommunality and préfecture pages are about one territory and often never
write it in a construction the other rules read: 'un nouveau label pour le Nord-Franche-Comté'
then 'Le Nord-Franche-Comté bénéficiera …'; 'la gouvernance du dispositif pour la Vallée de la
Seine' then 'les 7 EPCI du territoire de la Vallée de la Seine'. A reader knows the territory from
the proper noun of a place the title and the body, or the body twice, name after a word of place
('pour le', 'sur le', 'dans le', 'au', 'en', 'territoire de'; not after a count: 'un des douze
territoires de la Métropole du Grand Paris' names the whole they divide).

Precision first: a candidate must read as a place (a geographic head or compass word, 'Grand X',
an intercommunality's brand 'X Agglo', a name of the referential's intercommunalities without
their legal form, or a name holding a département's or a former région's name beside other
words), never a région, a département or a country alone; the document must speak of the
programme; and one candidate must win clearly (the only one, or named at least twice as often as
the next). A city named as a venue ('à Chalon-sur-Saône') is no candidate: 'à' is no cue. A
title speaking of 'l'Agglomération' alone points at the one agglomeration the body names with its
brand ('le projet est lancé sur l'Agglomération' … 'l'Agglomération Saumur Val de Loire').
A title about the programme opening with a place's name after its article ('Le Nord Franche-Comté
candidat pour « Territoires d'industrie »') proposes it like a cue; the programme's words right
before the cue ('l'acte II du dispositif « Territoires d'industrie » dans le Val de X', not
after a count: 'plusieurs Territoires d'industrie dans le Nord') make one mention enough. In a text
saying two intercommunalities form a territory, one name joining two intercommunalities' names by a
spaced dash ('Orléans Métropole – Beauce Loirétaine') names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline import referential
from pipeline.extract.places import PlaceMention, find_places, former_regions_in
from pipeline.extract.structure import COUNT_WORDS
from pipeline.extract.territories.common import (HEAD_ARTICLE, PREFIX, WORDS, TerritoryMention, capitalised_run,
                                                 departements_bracket, is_place_name, make_mention, sentence_bounds)
from pipeline.extract.territories.prose import PROSE_HEAD
from pipeline.linking import ACRONYM, alias_rows, known_acronyms
from pipeline.normalize import fold, name_key

RULE = "territory.topic"
MAX_TITLE_LINES = 3
# Words of place before a capitalised name: "pour le", "sur la", "dans l'", "au", "en", "territoire
# de la"; never "à", which names a venue ("à Chalon-sur-Saône").
CUE = re.compile(r"(?<![\w'’])(?i:(?:pour|sur|dans|vers|en faveur)\s+(?:le|la|les|l['’])\s*|au\s+|aux\s+|en\s+"
                 r"|territoires?\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*))(?=[A-ZÀ-Ý])")
PLACE_HEAD = re.compile(r"(?:" + "|".join(WORDS["geographic_heads"]) + r"|grand|grande)(?![\w'])")
BRAND_TAIL = re.compile(r"\s(?:agglo|agglomeration|communaute|metropole)$")
# "l'Agglomération" / "l'Agglo" alone in a title: the body's one agglomeration.
BARE_AGGLOMERATION = re.compile(r"(?<![\w])l'\s*agglo(?:meration)?(?![\w'])")
BRANDED_AGGLOMERATION = re.compile(r"(?<![\w])[Aa]gglo(?:m[ée]ration)?\s+(?=[A-ZÀ-Ý])")
# Words that make a capitalised run an institution, a company, a venue or the programme.
NOT_A_PLACE = re.compile(r"(?<![\w'])(?:" + "|".join(WORDS["topic_not_a_place"]) + r")s?(?![\w'])")
CLEAR_MARGIN = 2
OFFICIAL_BODY = re.compile(WORDS["topic_official_body"])
OFFICE_WINDOW = 90  # characters before a name where an official's office may stand
# The programme's words, then a cue: 'le dispositif « Territoires d'industrie » dans le Val de
# X' says once where the programme is carried out (folded text).
PROGRAMME_BEFORE = re.compile(PREFIX + r"(?:\s+20[1-3]\d\s*-\s*20[1-3]\d)?[\s»\"]*$")
PROGRAMME_CUE = re.compile(r"(?:pour|sur|dans)\s+(?:le|la|l')\s*")
# "plusieurs Territoires d'industrie dans le Nord et Pas-de-Calais": territories counted in an area
COUNTED_BEFORE = re.compile(r"\b(?:\d+|plusieurs|quelques|certains|des|les|nos|ses|leurs|ces|" + "|".join(COUNT_WORDS)
                            + r")\s+(?:nouveaux\s+)?[«\"]?\s*$")
# "l'Est de la Seine-Maritime" is a name where its compass word is capitalised; "à l'est de la
# Seine-Maritime" says a direction (a key of a compass word, then its preposition)
COMPASS_OF = re.compile(r"(?:" + "|".join(WORDS["compass_heads"]) + r")-(?:de-la|de-l|du|des|de|d)-")
PLACES_JOINT = re.compile(r"\s+et\s+|\s*,\s*")
# "un des douze territoires de la Métropole du Grand Paris": a count before the plural cue makes
# what follows the whole the counted territories divide, not one of them (folded text).
COUNT_BEFORE_PLURAL = re.compile(r"\b(?:\d+|" + "|".join(COUNT_WORDS) + r")\s+$")


def topic_name(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The territory a single-subject article about the programme is about, or nothing."""
    folded = fold(text)
    if not re.search(PREFIX, folded) or _label_held_by_a_site(folded) or _programme_only_denied(text, folded):
        return []
    title_end = _title_end(text)
    proposed: dict[str, TerritoryMention] = {}
    anchored = set()
    for cue in CUE.finditer(text):
        if folded.startswith("territoires", cue.start()) \
                and COUNT_BEFORE_PLURAL.search(folded, max(0, cue.start() - 20), cue.start()):
            continue
        mention = _candidate(text, cue.end(), places)
        if mention and folded.startswith("territoire", cue.start()) \
                and name_key(folded[cue.start():mention.end]) in _epci_names_without_acronym():
            continue  # "le Territoire de la Côte Ouest": an intercommunality's whole name, not a place
        if mention:
            proposed.setdefault(mention.territory_id, mention)
            programme = PROGRAMME_BEFORE.search(folded, max(0, cue.start() - 60), cue.start())
            if programme and PROGRAMME_CUE.match(folded, cue.start()) \
                    and not COUNTED_BEFORE.search(folded, max(0, programme.start() - 30), programme.start()) \
                    and not all(is_place_name(part) for part in PLACES_JOINT.split(mention.name)):
                anchored.add(mention.territory_id)
    subject = _title_subject(text, title_end, places)
    if subject:
        proposed.setdefault(subject.territory_id, subject)
    scores = {}
    for key, mention in proposed.items():
        pattern = re.compile(r"(?<![\w-])" + key_pattern(key) + r"(?![\w-])")
        found = [m for m in pattern.finditer(folded) if not (COMPASS_OF.match(key) and text[m.start()].islower())
                 and not OFFICIAL_BODY.search(folded, max(0, m.start() - OFFICE_WINDOW), m.start())
                 and not _tail_of_a_longer_name(text, m.start())]
        in_title = any(m.start() < title_end for m in found)
        in_body = sum(m.start() >= title_end for m in found)
        if (in_title and in_body) or in_body >= 2:
            scores[key] = in_body + in_title
        elif key in anchored:  # 'le dispositif « Territoires d'industrie » dans le Val de X', once
            scores[key] = 2
    brand = _agglomeration_of_the_title(text, folded, title_end)
    if brand and brand.territory_id not in scores:
        proposed[brand.territory_id] = brand
        scores[brand.territory_id] = 2  # named in the title (as "l'Agglomération") and the body
    if not scores:
        return _joined_member_names(text, folded) or _intercommunality_subject(text, folded)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] < CLEAR_MARGIN * ranked[1][1]:
        return []
    if ranked[0][0] in epci_names() and (allied_intercommunalities(text, folded) or FORMED_BY_TWO.search(folded)):
        return []  # an intercommunality allied with others, or one of those the territory groups: a member
    if _label_only_wished(folded, ranked[0][0]) or _among_participants(text, folded, ranked[0][0], places):
        return []
    return [proposed[ranked[0][0]]]


# A meeting's participants: "réuni … en présence de différents représentants : Etat, Région …, A, B"
# (folded text); the list runs to the sentence's end.
PARTICIPANTS = re.compile(r"\ben presence\s+(?:de|d'|des|du)\s*(?:(?:differents|divers|nombreux|plusieurs)\s+)?"
                          r"(?:(?:representants|partenaires|acteurs|elus)\s*(?:de|d'|des|du)?\s*)?:?\s*")
PARTICIPANT_JOINT = re.compile(r"\s*,\s*|\s+et\s+")
PARTICIPANTS_END = re.compile(r"[.;\n]")


def _among_participants(text: str, folded: str, key: str, places: list[PlaceMention]) -> bool:
    """Whether the text lists the place it keeps naming among a meeting's participants beside
    another place ("Le comité de pilotage s'est réuni … en présence de … : Etat, Région, Grand
    Périgueux, Grand Bergeracois"): the territory the meeting steers spans both, and is neither's
    name alone."""
    for cue in PARTICIPANTS.finditer(folded):
        end = PARTICIPANTS_END.search(text, cue.end())
        end = end.start() if end else len(text)
        others = winner = False
        position = cue.end()
        for part in PARTICIPANT_JOINT.split(text[cue.end():end]):
            start = text.index(part, position) if part else position
            position = start + len(part)
            item = make_mention(text, start, position, RULE, (), position) if part.strip() else None
            if item is None:
                continue
            if item.territory_id == key:
                winner = True
            elif reads_as_place(item, places):
                others = True
        if winner and others:
            return True
    return False


# The label's holder named by a common noun of a site, a company or a project, right after the
# label's words: "Labellisé « Territoire d'industrie » depuis 2018, le site actuel s'étend sur …"
# (rules/territory_words.json predicate_partner_nouns).
LABEL_HOLDER_NOT_A_PLACE = re.compile(r"\s*(?:" + WORDS["predicate_partner_nouns"] + r")(?![\w'])")


def _label_held_by_a_site(folded: str) -> bool:
    """Whether the text gives the label to a site, a company or a project it names by a common noun
    ("Labellisé « Territoire d'industrie » depuis 2018, le site actuel …"): the intercommunality or
    place it keeps naming promotes that site, and is no territory the text labels."""
    return any(head.group("article") is None and LABEL_HOLDER_NOT_A_PLACE.match(folded, head.end())
               for head in PROSE_HEAD.finditer(folded))


# "Le programme Territoires d'industrie … n'a pas été mobilisé pour ce dossier", "un investissement
# sans lien avec le dispositif": the programme named only to say it played no part (folded text)
PROGRAMME_DENIED = re.compile(r"\bn'(?:a|ont|est|sont|avait|etait)\s+pas\s+(?:ete\s+)?(?:mobilise|sollicite|utilise|active"
                              r"|concerne|retenu|labellis|implique)\w*|\bsans\s+(?:aucun\s+)?lien\s+avec\s+(?:le|ce)\s+"
                              r"(?:dispositif|programme|label)\b")


def _programme_only_denied(text: str, folded: str) -> bool:
    """Whether every sentence naming the programme says it played no part: an article about a
    place's plant or project that names the programme only to set it aside speaks of no territory."""
    return all(PROGRAMME_DENIED.search(folded, *sentence_bounds(text, match.start()))
               for match in re.finditer(PREFIX, folded))


# "afin que X soit rapidement labellisé « Territoire d'industrie »": the award wished for X (a
# subjunctive); "X a été labellisé", "X est retenu": the award received (folded text).
WISHED_AWARD = r"\s+(?:soit|soient|puisse|puissent)\s+(?:[\w'-]+\s+){0,3}?(?:etre\s+)?(?:labellis|labelis|retenu|selectionn|reconnu)"
RECEIVED_AWARD = r"\s+(?:a|ont|est|sont|avait|etait)\s+(?:ete\s+)?(?:[\w'-]+\s+){0,2}?(?:labellis|labelis|retenu|selectionn|reconduit|laureat)"


def _label_only_wished(folded: str, key: str) -> bool:
    """Whether the text only wishes the label for the territory it keeps naming ("… pour que X soit
    rapidement labellisé", a candidacy still to be filed) and never says X received it: a
    candidate's article, no territory of the programme."""
    name = key_pattern(key)
    return bool(re.search(r"\bque\s+(?:(?:le|la|les|l')\s*)?" + name + WISHED_AWARD, folded)) \
        and not re.search(r"(?<![\w-])" + name + RECEIVED_AWARD, folded)


# A capitalised word right before a name, on its line, that is no article, preposition, opener or
# word of the programme: "le Nord Cotentin" holds "Cotentin" as the tail of another name.
WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<word>[A-ZÀ-Ý][\w’'-]*)[ \t]+$")
NAME_OPENERS = frozenset({"le", "la", "les", "l'", "dans", "en", "pour", "sur", "vers", "au", "aux", "du",
                          "de", "des", "d'", "a", "et", "ou", "avec", "entre", "chez", "par", "depuis",
                          "territoire", "territoires", "industrie", "d'industrie"})


def _tail_of_a_longer_name(text: str, start: int) -> bool:
    """Whether the name written at `start` ends a longer proper name ("le Nord Cotentin" beside a
    heading "Dans le Cotentin"): that mention is the other name's, not the candidate's."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    # (a word in capitals tells nothing: "TERRITOIRE D'INDUSTRIE COTENTIN")
    return bool(before) and not before.group("word").isupper() and fold(before.group("word")) not in NAME_OPENERS


def _title_end(text: str) -> int:
    """End of the title: the first line about the programme among the first lines, else the first."""
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:MAX_TITLE_LINES]
    if not lines:
        return 0
    about = next((m for m in lines if re.search(PREFIX, fold(m.group(0)))), lines[0])
    return about.end()


# "Le Nord Franche-Comté candidat pour « Territoires d'industrie »": a title opening with a place's
# name, its article before it, is about that place.
TITLE_SUBJECT = re.compile(r"[ \t]*" + HEAD_ARTICLE.pattern)


def _title_subject(text: str, title_end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """The name a title about the programme opens with, after its article, when it reads as a place's."""
    line_start = text.rfind("\n", 0, title_end) + 1
    opening = TITLE_SUBJECT.match(text, line_start, title_end)
    return _candidate(text, opening.end(), places) if opening else None


def key_pattern(key: str) -> str:
    """A name key ('vallee-de-la-seine') as a pattern on folded text, any spacing or dash between words."""
    return r"[\s'-]+".join(re.escape(word) for word in key.split("-"))


def _candidate(text: str, start: int, places: list[PlaceMention]) -> TerritoryMention | None:
    end = capitalised_run(text, start, min(len(text), start + 120))
    if end <= start:
        return None
    mention = make_mention(text, start, end, RULE, (), end)
    if mention is None or not reads_as_place(mention, places):
        return None
    return mention


def reads_as_place(mention: TerritoryMention, places: list[PlaceMention]) -> bool:
    name = fold(mention.name)
    if is_place_name(mention.name) or NOT_A_PLACE.search(name):
        return False
    if any(p.start <= mention.start and mention.end <= p.end for p in places) \
            or departements_bracket(mention.name, 0, len(mention.name), find_places(mention.name)):
        return False  # a région, a département or a country alone, or départements coordinated
    head = PLACE_HEAD.match(name)
    if head and head.end() == len(name):
        return False  # "le Grand plan": a head word alone
    if head or BRAND_TAIL.search(name) or mention.territory_id in epci_names():
        return True
    holds_place = any(mention.start <= p.start and p.end <= mention.end and p.kind != "country" for p in places)
    return (holds_place or bool(former_regions_in(mention.name))) and len(mention.name.split()) > 1


def _agglomeration_of_the_title(text: str, folded: str, title_end: int) -> TerritoryMention | None:
    """'… lancé sur l'Agglomération' then 'l'Agglomération Saumur Val de Loire': the one
    agglomeration the body names with its brand, when it is a referential intercommunality's name."""
    if not any(not re.match(r"\s+[A-ZÀ-Ý]", text[m.end():title_end])
               for m in BARE_AGGLOMERATION.finditer(folded, 0, title_end)):
        return None  # "l'Agglomération d'Agen" in the title names it: other rules read it
    named = {}
    for brand in BRANDED_AGGLOMERATION.finditer(text, title_end):
        end = capitalised_run(text, brand.end(), min(len(text), brand.end() + 120))
        mention = make_mention(text, brand.end(), end, RULE, (), end)
        if mention and mention.territory_id in epci_names():
            named[mention.territory_id] = mention
    return next(iter(named.values())) if len(named) == 1 else None


# Legal forms opening a referential name ("CC du Pays de Wissembourg", "CA de Bastia").
FORM_OPENING = re.compile(r"^(?:cc|ca|cu|metropole|communaute (?:de communes|d'agglomeration|urbaine))\s+"
                          r"(?:(?:de la|de l'|du|des|de|d')\s*)?")


def _bare_epci_names():
    """Every name the referential's intercommunalities bore, folded, without their legal form."""
    for epci in referential.load().epcis.values():
        for borne in epci.names:
            yield FORM_OPENING.sub("", fold(borne.name))


@lru_cache(maxsize=1)
def epci_names() -> frozenset[str]:
    """Keys of every name the referential's intercommunalities bore, without their legal form."""
    return frozenset(name_key(bare) for bare in _bare_epci_names() if len(bare) > 3)


@lru_cache(maxsize=1)
def _epci_names_without_acronym() -> frozenset[str]:
    """Keys of the same names without the acronym in brackets some end with ("CA Territoire de la
    Côte Ouest (TCO)"): how a text writes them whole."""
    return frozenset(name_key(ACRONYM_IN_BRACKETS.sub("", bare)) for bare in _bare_epci_names())


ACRONYM_IN_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=1)
def _usual_names() -> frozenset[str]:
    """Keys of the names intercommunalities usually go by besides their official one
    (data/epci_aliases.csv), acronyms aside: those count only when they name one intercommunality."""
    return frozenset(name_key(row["alias"]) for row in alias_rows() if not ACRONYM.fullmatch(row["alias"]))


# An intercommunality a single-subject article is about is named this often, and this many times
# more often than any other intercommunality.
INTERCOMMUNALITY_MENTIONS = 3
RUN_JOINT = re.compile(r"\s+(?:et|ou)\s+|\s*[,/]\s+")
RUN_START = re.compile(r"(?<![\w'’-])(?:(?:le|la|les|l['’])\s*)?[A-ZÀ-Ý]")


# A territory the text says two intercommunalities form or groups ("le dispositif réunit
# l'agglomération A, la CA B et les communautés de communes C et D"): "celui formé par la métropole d'Orléans et
# la communauté de communes de la Beauce-Loirétaine" is named after neither alone.
INTERCOMMUNALITY = r"(?:la|le|l'|les)\s*(?:metropoles?|communautes?|agglomerations?|cc|ca|cu)\b"
FORMED_BY_TWO = re.compile(r"\b(?:(?:forme|compose|constitue)e?s?\s+(?:par|de)|reunissant|regroupant|rassemblant"
                           r"|associant|regroupe|reunit|rassemble|associe)\s+(?:(?:ici|donc|ainsi|desormais|aujourd'hui)\s+)?"
                           + INTERCOMMUNALITY
                           + r"[^.;:\n]{0,250}?\s+et\s+(?:de\s+)?" + INTERCOMMUNALITY)


# "Elles sont six communautés de communes à s'être rassemblées autour du dispositif", "la
# collectivité s'est alliée avec cinq autres intercommunalités": a territory of several
# intercommunalities, in a sentence that gathers them.
SEVERAL_INTERCOMMUNALITIES = re.compile(r"\b(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?P<others>autres\s+)?"
                                        r"(?:intercommunalites|communautes(?:\s+de\s+communes|\s+d'agglomeration)?"
                                        r"|epci)\b")
GATHERING = re.compile(r"\b(?:alli|rassembl|regroup|reuni|unie?s\b|federe)")


def allied_intercommunalities(text: str, folded: str) -> bool:
    """Whether the text says its intercommunality joined others to form the territory: an
    article about one of them ('Creil Sud Oise, l'Aire Cantilienne, … ces collectivités se sont
    réunies') is about a member, not a territory going by its name."""
    for match in SEVERAL_INTERCOMMUNALITIES.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if match.group("others") or GATHERING.search(folded, sentence_start, sentence_end):
            return True
    return False


# "Orléans Métropole – Beauce Loirétaine": two names joined by a spaced dash.
DASH_JOINT = re.compile(r"[ \t]+[–—-][ \t]+")


def _joined_member_names(text: str, folded: str) -> list[TerritoryMention]:
    """'dont celui formé par la métropole d'Orléans et la communauté de communes de la
    Beauce-Loirétaine' then '… positionner Orléans Métropole – Beauce Loirétaine dans le paysage':
    in a text saying two intercommunalities form a territory, the one name joining two
    intercommunalities' names with a spaced dash names it."""
    if not FORMED_BY_TWO.search(folded):
        return []
    found: dict[str, TerritoryMention] = {}
    for joint in DASH_JOINT.finditer(text):
        starts = [m.start() for m in RUN_START.finditer(text, max(0, joint.start() - 60), joint.start())
                  if capitalised_run(text, m.start(), joint.start()) == joint.start()]
        if not starts:
            continue
        start = min(starts)
        end = capitalised_run(text, joint.end(), min(len(text), joint.end() + 60))
        if end <= joint.end():
            continue
        sides = [make_mention(text, start, joint.start(), RULE, (), joint.start()),
                 make_mention(text, joint.end(), end, RULE, (), end)]
        if all(side and side.territory_id in epci_names() and not is_place_name(side.name) for side in sides):
            mention = make_mention(text, start, end, RULE, (), end)
            if mention:
                found.setdefault(mention.territory_id, mention)
    return list(found.values()) if len(found) == 1 else []


def _intercommunality_subject(text: str, folded: str) -> list[TerritoryMention]:
    """'Le Bassin de Pompey, en Meurthe-et-Moselle, n'a pas attendu …' then '… président de la
    communauté de communes du Bassin de Pompey' then 'le Bassin de Pompey tirera profit du
    dispositif': an article about the programme that keeps naming one intercommunality (a name of
    the referential's, written with or without its legal form, or the name it usually goes by:
    "Cap Nord") is about that territory. It must
    be named at least three times, twice as often as any other, a town named after "à" (a venue:
    "réunis à Lyon") not counted; a territory the text says two intercommunalities or more form ("le Territoire d'industrie
    réunissant la communauté de communes de A, B Agglomération, … et la communauté de communes C")
    is none's."""
    if FORMED_BY_TWO.search(folded) or allied_intercommunalities(text, folded):
        return []  # "celui formé par la métropole d'Orléans et la communauté de communes de …"
    counts: dict[str, int] = {}
    proposed: dict[str, TerritoryMention] = {}
    covered = 0  # a run is read once, not again from each of its words
    for start in RUN_START.finditer(text):
        if start.start() < covered or start.start() > 0 and text[start.start() - 1].isupper():
            continue
        end = capitalised_run(text, start.start(), min(len(text), start.start() + 120))
        joint = RUN_JOINT.search(text, start.start(), end)  # "Le Bassin de Pompey et Metz Métropole": two
        end = covered = joint.start() if joint else end
        mention = make_mention(text, start.start(), end, RULE, (), end) if end > start.start() else None
        if mention is None or is_place_name(mention.name) or not (
                mention.territory_id in epci_names() or len(known_acronyms().get(mention.name, ())) == 1
                or mention.territory_id in _usual_names()):
            continue  # a name of the referential's, the well-known acronym of one ("la CAB") or
            # the name it usually goes by ("Cap Nord" for the CA du Pays Nord Martinique)
        proposed.setdefault(mention.territory_id, mention)
    for key in proposed:  # "à Lyon" names a venue: not counted
        counts[key] = len(re.findall(r"(?<![\w-])(?<!\ba )" + key_pattern(key) + r"(?![\w-])", folded))
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < INTERCOMMUNALITY_MENTIONS \
            or (len(ranked) > 1 and ranked[0][1] < CLEAR_MARGIN * ranked[1][1]):
        return []
    key = ranked[0][0]
    return [] if _label_only_wished(folded, key) else [proposed[key]]

