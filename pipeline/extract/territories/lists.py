"""Territories in lists: items of a list whose intro announces territories (territory.list_item,
territory.list_item_codes) and inline lists after a colon or "il s'agit de" (territory.colon_list).
A list of programme axes, measures or people is not a list of territories: its intro says so."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.extract import figure_scope
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.members import EPCI_COLUMN, MEMBER_TRIGGER, TYPE_WORD
from pipeline.extract.places import PlaceMention, places_starting_in
from pipeline import referential
from pipeline.extract.structure import (count_value, CONTENTS_HEADING, COUNT_WORDS, DEPARTEMENT_CODE, NUMBER_MARKER, Item, cell_parts, ListBlock, Span, SpanReach, Structure, may_be_cut,
                                        resumes_after_prose)
from pipeline.extract.territories.common import (ANNOUNCES_MEMBERS, ANNOUNCES_OTHER, COUNTED_PLACES,
                                                 ANNOUNCES_TERRITORIES, AWARD_PARTICIPLE, AWARD_WORD, BULLET, CONNECTORS,
                                                 ET_JOINT, PERSON_AFTER_NAME,
                                                 capitalised_run,
                                                 COLON_LIST_INTRO, COLON_LIST_INTRO_BARE, GLOSS_CLAUSE, GLOSS_WORD, PREFIX,
                                                 LOOK_BACK_SENTENCES, SUBHEADING,
                                                 TerritoryMention, head_and_adjective_of_place, heading_place, is_departement_name, is_place_name, legal_form_end, make_mention,
                                                 name_and_codes, quoted_name,
                                                 sentence_before, split_inline_list, stated_count, territories_demonym, line_goes_on, WORDS,
                                                 town_words, _codes_in, _is_codes_bracket, _town_words_of)
from pipeline.extract.territories.phrases import CLOSING_INCISE, GEOGRAPHIC_HEADS, GLOSS_BRACKET, is_epci_name, read_part
from pipeline.normalize import fold, mend_line_cuts

PROGRAMME_NAME = re.compile(r"(?:(?:programme|dispositif|label|initiative|demarche|contrat|plan)\s+)?"
                            r"[\"'«\s]*" + PREFIX + r"[\"'»]?")


TERRITORIES, MEMBERS, OTHER = "territories", "members", "other"
# A word announcing members, anywhere (an item's content, a label before a colon).
TRIGGER_WORD = with_first_letters(re.compile(MEMBER_TRIGGER, re.IGNORECASE))
INSTITUTIONS_NAMED_TERRITORIES = re.compile(WORDS["institutions_named_territories"])
PEOPLE_NOUN = re.compile(r"(?:" + WORDS["people_nouns"] + r")\b")
# "Les trois territoires tarnais suivants sont retenus pour une deuxième étape :": a counted or
# "suivants" territories noun announces them whatever noun ends the intro.
COUNTED_TERRITORIES = re.compile(r"\b(?P<count>\d{1,3}|" + "|".join(COUNT_WORDS) + r")\s+(?:\w+\s+)?territoires\b"
                                 r"|\bterritoires\b(?:\s+[\w'-]+){0,2}\s+(?:suivants|ci-dessous)\b")


AGENT = re.compile(r"\bpar\s")  # in the clause before a people noun: "arrêtée par le préfet et le président"


QUOTED_COUNTED = re.compile(r"\b(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r")(?:\s+(?:premiers|nouveaux|futurs|autres))?\s*$")


def _without_programme_name(sentence: str) -> str:
    """The folded sentence with the programme's name blanked out ("le programme « Territoires
    d'industrie »"), counted ones kept ("10 Territoires d'industrie"). The words before each name
    are read with the names before them blanked, the sentence rebuilt once (a line of 500 names
    was copied for each: cubic)."""
    folded = fold(sentence)
    blanked: list[tuple[int, int]] = []
    for match in PROGRAMME_NAME.finditer(folded):
        written = sentence[match.start():match.end()]
        before = _blanked(folded, max(0, match.start() - 24), match.start(), blanked)
        counted = re.search(r"(?:\d|\b(?:les|des|ces|aux|autres|nouveaux|" + "|".join(COUNT_WORDS) + r"))"
                            r"(?:\s+(?:premiers|nouveaux|futurs|autres|derniers))?\s*$",  # "les 124 premiers Territoires d'industrie"
                            before)
        # "les 124 premiers « Territoires d'industrie »": a number before the quoted name counts
        # territories, as the bare noun would
        numbered = QUOTED_COUNTED.search(before)
        if re.search(r"programme|dispositif|label|initiative|d[ée]marche|contrat|plan", written, re.IGNORECASE) \
                or (re.search(r"[«\"“]", written) and not numbered) or (re.match(r"\s*T", written) and not counted):
            blanked.append((match.start(), match.end()))
    return _blanked(folded, 0, len(folded), blanked)


def _blanked(folded: str, start: int, end: int, blanked: list[tuple[int, int]]) -> str:
    """folded[start:end] with the spans `blanked` (in order, apart, none past `end`) written as blanks."""
    first = len(blanked)
    while first and blanked[first - 1][1] > start:
        first -= 1
    pieces, position = [], start
    for span_start, span_end in blanked[first:]:
        span_start = max(span_start, start)
        pieces += [folded[position:span_start], " " * (span_end - span_start)]
        position = span_end
    return "".join(pieces) + folded[position:end]


def _listable(match: re.Match) -> bool:
    """Whether a counted noun of territories may size a list (a national 124, 144, 183 does not)."""
    count = match.group("count")
    return count is None or (count_value(count)) <= MAX_LISTED_COUNT


def _participle_kind(folded: str, position: int, nouns: list[tuple[int, str]]) -> str:
    """What an award participle announces: the noun it qualifies, the last one before it in its
    clause ("neuf projets ont été retenus :" announces projects), else territories ("Ont été retenus :")."""
    clause_start = max(folded.rfind(",", 0, position), folded.rfind(";", 0, position))
    qualified = [kind for start, kind in nouns if clause_start < start < position]
    return qualified[-1] if qualified else TERRITORIES


COMMUNES_OF = re.compile(r"communes\s+(?:de|du|des|d')")
ONE_TERRITORY_COMPOSED = re.compile(WORDS["one_territory_composed"])


# "leur engagement", "leurs projets": a possessive just before a noun
POSSESSIVE_BEFORE = re.compile(r"\b(?:leurs?|ses|son|sa)\s+$")


def _keyword_decides(sentence: str, above: bool = False) -> str | None:
    """What an intro sentence announces: TERRITORIES, MEMBERS (EPCIs, communes), OTHER (axes,
    projects, people ...) or None when it does not say. A counted noun of territories decides
    (not a national count: "des 144 territoires identifiés … autour de 4 axes :"), then a counted
    noun of members in the clause before the colon; else the noun just before the colon, else the first one named that is not a person.
    In a sentence above the intro (`above`), a thing owned ("d'autres voient leur engagement
    renouvelé") is said of what the sentence speaks of, not listed: it does not decide."""
    folded = INSTITUTIONS_NAMED_TERRITORIES.sub(lambda m: " " * len(m.group()), _without_programme_name(sentence))
    if any(_listable(m) for m in COUNTED_TERRITORIES.finditer(folded)):
        return TERRITORIES
    tail = folded.rstrip(" :*_")
    if any(ANNOUNCES_MEMBERS.match(tail, m.end() + 1) for m in COUNT_WORD.finditer(tail, tail.rfind(",") + 1)):
        return MEMBERS  # "… réunit dix intercommunalités de Meurthe-et-Moselle et de Moselle :"
    if ONE_TERRITORY_COMPOSED.match(tail, tail.rfind(",") + 1):
        return MEMBERS  # "Retenu parmi les 183 territoires …, le territoire recouvre le périmètre du PETR :"
    nouns = sorted([(m.start(), TERRITORIES) for m in ANNOUNCES_TERRITORIES.finditer(folded)]
                   + [(m.start(), MEMBERS) for m in ANNOUNCES_MEMBERS.finditer(folded)]
                   + [(m.start(), OTHER) for m in ANNOUNCES_OTHER.finditer(folded)
                      if not (above and POSSESSIVE_BEFORE.search(folded, 0, m.start()))])
    found = sorted(nouns + [(m.start(), _participle_kind(folded, m.start(), nouns))
                            for m in AWARD_PARTICIPLE.finditer(folded)])
    # "Leur liste, arrêtée par le préfet et le président du conseil régional, est la suivante :":
    # the agents of a passive are not what the list holds
    found = [(position, kind) for position, kind in found
             if not (PEOPLE_NOUN.match(folded, position)
                     and AGENT.search(folded, folded.rfind(",", 0, position) + 1, position))]
    if not found:
        return None
    tail = folded.rstrip(" :*_")
    clause = tail[tail.rfind(",") + 1:]  # "Ces 9 territoires, composés de 29 EPCI, sont :"
    last_words_start = len(tail) - len(" ".join(clause.split()[-3:]))
    closing = [kind for position, kind in found if position >= last_words_start]
    if closing:
        return closing[-1]
    # "… rassemble les communes de la Communauté intercommunale Réunion Est :": the communes of a
    # body named up to the colon, no territory named after them
    clause_start = len(tail) - len(clause)
    communes = [position for position, kind in found if kind == MEMBERS and position >= clause_start
                and COMMUNES_OF.match(folded, position)]
    if communes and not any(kind == TERRITORIES and position > communes[0] for position, kind in found):
        return MEMBERS
    named = [kind for position, kind in found if not PEOPLE_NOUN.match(folded, position)]
    return (named or [found[0][1]])[0]


def _field_heading(intro: str) -> bool:
    """A heading of one or two words without punctuation ("Localisation", "Thématiques")."""
    words = intro.strip(" *_#\n").split()
    return 0 < len(words) <= 2 and not re.search(r"[.,;!?]", intro)


# "Protocoles et contrats signés le 19 novembre 2019" over entries of a table of contents
CONTENTS_OF_TERRITORIES = re.compile(r"(?<![\w'])(?:" + "|".join(WORDS["contents_of_territories"]) + r")(?!\w)")


def list_announcement(text: str, lst: ListBlock) -> str | None:
    """What the list's intro announces (see _keyword_decides): an intro ending with ':' decides
    by its words, or, when they say nothing ("10 d'entre eux concernent la Normandie :", "Il
    s'agit de :"), by the sentences just before; a sub-list heading that announces territories
    decides alone. A table of contents' section names territories only when its line says so
    ("Territoires labellisés", "Protocoles signés"); its other entries are chapters."""
    if lst.kind == "contents":
        section = lst.intro.of(text) if lst.intro else ""
        return TERRITORIES if CONTENTS_OF_TERRITORIES.search(fold(section)) \
            or _keyword_decides(section) == TERRITORIES else OTHER
    if any(_keyword_decides(heading.of(text)) == TERRITORIES for heading in lst.headings):
        return TERRITORIES
    partitive = False
    if lst.intro is None or not lst.intro.of(text).rstrip(" *_").endswith(":"):
        if _counted_before(text, lst) or _described_as_territories(text, lst) or _counted_by_pronoun(text, lst):
            return TERRITORIES
        partitive = lst.intro is not None and _counts_them(lst.intro.of(text), len(lst.items))
    else:
        partitive = _closed_by_partitive(lst.intro.of(text), len(lst.items))
    if partitive:
        decided = None  # "Nous sommes allés voir cinq d'entre eux." then "1. Name, …": "eux" decides
    elif lst.intro is None or not lst.intro.of(text).rstrip(" *_").endswith(":"):
        if lst.intro is not None and _field_heading(lst.intro.of(text)) and _keyword_decides(lst.intro.of(text)) == OTHER:
            return OTHER  # a page's field "Localisation" then "• Le Port (974)": where the news is
        if lst.intro is None or not _headed_by_places(text, lst):
            return None
        decided = None  # "Corse" / - … / "Guyane" / - …: the sentences above say what they list
    else:
        decided = _keyword_decides(_without_apposition(_without_gloss_of_the_count(lst.intro.of(text), len(lst.items))))
        if _partitive_of_the_items(lst.intro.of(text), len(lst.items)):
            # "Onze d'entre eux ont signé leur protocole … pour 50 projets :": "eux" decides, as
            # the count of the sentence before ("… concerne 136 territoires … Trois d'entre eux …")
            decided, partitive = None, True
        if decided == MEMBERS and _counts_the_items(lst.intro.of(text), len(lst.items)):
            return TERRITORIES  # "La Guadeloupe en compte trois, portés par cinq intercommunalités :"
        if decided == OTHER and _owners_listed(text, lst):
            return TERRITORIES
    position = lst.intro.start
    for _ in range(LOOK_BACK_SENTENCES):
        if decided is not None or position <= 0:
            break
        position = len(text[:position].rstrip())
        sentence_start, sentence = sentence_before(text, position)
        decided = _keyword_decides(sentence, above=True)
        if partitive or PRONOUN_COUNT_INTRO.search(_without_gloss_of_the_count(lst.intro.of(text), len(lst.items))):
            if COUNTED_TERRITORIES.search(_without_programme_name(sentence)):
                decided = TERRITORIES  # "… attribué à 183 territoires … La Guadeloupe en compte trois :"
            elif decided != TERRITORIES and not COUNT_WORD.search(AMOUNT.sub(" ", sentence)):
                # "… dont dix en Bretagne. Une enveloppe de 100 millions d'euros accompagnera leurs
                # projets. Le Morbihan en accueille quatre :": "en" stands for no amount of money
                decided = None
            elif _opens_with_pronoun_count(sentence):
                decided = None  # "La carte en compte 183, et … 2 150 projets.": "en" counts what comes before
        position = sentence_start
    return decided


def _opens_with_pronoun_count(sentence: str) -> bool:
    """Whether the sentence's first count is a pronoun's ("La carte de novembre 2023 en compte 183
    …"): it counts what the sentence before names, whatever nouns the sentence counts after it."""
    folded = fold(AMOUNT.sub(" ", sentence))
    pronoun = PRONOUN_COUNT_IN_PROSE.search(folded)
    first = COUNT_WORD.search(folded)
    return pronoun is not None and first is not None and first.start() == pronoun.start("count")


def _headed_by_places(text: str, lst: ListBlock) -> bool:
    """Whether the list's intro and every sub-heading is a région's or département's name alone
    ("Corse" / - … / "Guyane" / - …): headings that say where the items lie, not what they are,
    so the sentences above them decide, as they do for an intro that says nothing ("Il s'agit de :").
    Two place headings at least: one place over one list is as often a map's caption over its
    legend ("Hauts-de-France" / - Périmètre EPCI / - Préfecture de département)."""
    headings = [lst.intro] + list(lst.headings)
    return len(headings) > 1 and all(is_place_name(heading.of(text).strip(" *_#:\n\t")) for heading in headings)


# "La Bourgogne-Franche-Comté, première région industrielle …, en compte dix (10) :": the pronoun
# clause closing the intro after an apposition to its subject.
PRONOUN_COUNTS = (r"(?:en|y)\s+(?:compte|comptent|accueille|accueillent|totalise|totalisent|abrite|abritent"
                  r"|recense|recensent|d[ée]nombre|d[ée]nombrent|obtient|obtiennent|a\s+obtenu|d[ée]croche|d[ée]crochent)\s+[^\W_]+(?:\s*\(\d{1,3}\))?\s*:[\s*_]*$")
# an amount of money: "100 millions d'euros", "40 000 €"
AMOUNT = re.compile(r"\d[\d\s.,]*(?:millions?|milliards?)?\s*(?:d['’]\s*)?(?:euros?|€|M€|k€)", re.IGNORECASE)
PRONOUN_COUNT = re.compile(r",\s*" + PRONOUN_COUNTS, re.IGNORECASE)
# "La Guadeloupe en compte trois :": "en" stands for the noun the sentence before counts, even a
# national count of territories ("… attribué à 183 territoires pour la période 2023-2027."),
# whatever other nouns that sentence holds ("autour de projets de développement").
PRONOUN_COUNT_INTRO = re.compile(r"\b" + PRONOUN_COUNTS, re.IGNORECASE)


def _without_apposition(intro: str) -> str:
    """The intro without what stands between its subject and a closing "en compte N :": the
    apposition describes the subject ("première région industrielle par la part de l'emploi"),
    its nouns do not say what the list holds; "en" takes it from the sentence before."""
    match = PRONOUN_COUNT.search(intro)
    first_comma = intro.find(",")
    if match is None or first_comma >= match.start():
        return intro
    return intro[:first_comma] + intro[match.start():]


# A list right under a paragraph that counts a region's territories names them, even without a
# colon ("… le choix des 10 Territoires d'industrie en Normandie montre que …" then "1. L'Axe
# Seine, bien sûr."); a national count (124, 183) sizes no list of names.
MAX_LISTED_COUNT = 30
# A cut page's last word this short may be a piece of a longer one ("Sud Als").
MIN_WHOLE_WORD = 4
DESCRIBED = re.compile(r"\bterritoire\b")


# "Onze d'entre eux ont signé …": the intro's subject is as many of what the sentence before names
# as the list has items.
PARTITIVE_SUBJECT = re.compile(r"[\s*_]*(?P<count>\d{1,2}|[a-z-]+)\s+d['’]\s*entre\s+(?:eux|elles)\b", re.IGNORECASE)


# "Plusieurs d'entre eux", "Certains d'entre eux": an uncounted part of what the sentence before names.
SOME_OF_THEM = re.compile(r"[\s*_]*(?:plusieurs|certains|certaines|\d{1,2}|" + "|".join(COUNT_WORDS)
                          + r")\s+d['’]\s*entre\s+(?:eux|elles)\b")


def _partitive_of_the_items(intro: str, items: int) -> bool:
    """Whether the intro opens with "N d'entre eux" counting the items: what they are is said by the
    sentence before, whatever the intro goes on to say of them (signed protocols, projects)."""
    match = PARTITIVE_SUBJECT.match(fold(intro))
    if match is None:
        return False
    word = match.group("count")
    return (count_value(word)) == items


# "Nous sommes allés voir cinq d'entre eux.": a part of what the sentences before count, anywhere
# in an intro without a colon.
SOME_COUNTED_OF_THEM = re.compile(r"(?<![\w'])(?P<count>\d{1,2}|[a-z-]+)\s+d['’]\s*entre\s+(?:eux|elles)\b")


def _counts_them(intro: str, items: int) -> bool:
    """Whether an intro without a colon counts the items as "N d'entre eux": what they are is
    said by the sentences before, as for an intro opening with the partitive."""
    return any((count_value(m.group("count"))) == items
               for m in SOME_COUNTED_OF_THEM.finditer(fold(intro)))


def _closed_by_partitive(intro: str, items: int) -> bool:
    """Whether an intro ending with a colon closes on "N d'entre eux" counting the items ("notre
    rédaction est allée dans huit d'entre eux :"): the partitive is what the list holds."""
    tail = fold(intro).rstrip(" :*_")
    return any(m.end() == len(tail) for m in SOME_COUNTED_OF_THEM.finditer(tail)) and _counts_them(tail[-40:], items)


def _counted_before(text: str, lst: ListBlock) -> bool:
    if lst.context is None:
        return False
    folded = _without_programme_name(lst.context.of(text))
    counts = [count_value(m.group("count"))
              for m in COUNTED_TERRITORIES.finditer(folded) if m.group("count")]
    return any(len(lst.items) <= count <= MAX_LISTED_COUNT for count in counts)


# "La nouvelle carte en compte cinq dans le département": a pronoun's count, no colon after it
PRONOUN_COUNT_IN_PROSE = re.compile(r"\b(?:en|y)\s+(?:compte|comptent|accueille|accueillent|totalise|totalisent|abrite"
                                    r"|abritent|recense|recensent|d[ée]nombre|d[ée]nombrent)\s+(?P<count>\d{1,3}|[a-z]+)\b")
TERRITORY_WORD = re.compile(r"\bterritoires?\b")


# "… en compte dix, qui illustrent …", "… en accueille trois, tous labellisés …": the pronoun's
# count, then a comma opening what is said of the counted items
PRONOUN_COUNT_GLOSSED = re.compile(PRONOUN_COUNT_IN_PROSE.pattern + r"(?:\s*\(\d{1,3}\))?\s*,[^:]*:[\s*_]*$")


def _without_gloss_of_the_count(intro: str, items: int) -> str:
    """The intro cut after its "en compte N" when N counts the items and a comma opens a gloss of
    them ("L'Occitanie en compte dix, qui illustrent la variété de son industrie :" reads as
    "L'Occitanie en compte dix :"): the gloss's nouns say what the items do or have, not what they
    are; the words up to the count, or the sentence before ("en"), say that."""
    match = PRONOUN_COUNT_GLOSSED.search(fold(intro))
    if match is None:
        return intro
    count = match.group("count")
    if (count_value(count)) != items:
        return intro
    return intro[:match.end("count")] + " :"


def _counted_by_pronoun(text: str, lst: ListBlock) -> bool:
    """'Lors de la première phase, le département ne formait qu'un seul territoire d'industrie. La
    nouvelle carte en compte cinq dans le département. …' over five marked items: the paragraph
    above a list without a colon counts exactly its items with "en compte N", and speaks of
    territories before the count ("en" stands for them)."""
    if lst.context is None or lst.kind != "bullets":
        return False
    folded = fold(lst.context.of(text))
    for match in PRONOUN_COUNT_IN_PROSE.finditer(folded):
        count = match.group("count")
        if (count_value(count)) == len(lst.items) \
                and TERRITORY_WORD.search(folded, 0, match.start()):
            return True
    return False


def _described_as_territories(text: str, lst: ListBlock) -> bool:
    """'- Gard Rhodanien : le territoire bénéficie …', '- Pau - Tarbes : ce territoire
    interrégional …': a list of "Name : description" items most of whose descriptions speak of
    "le territoire" names territories, even when the page starts inside it. Under a paragraph
    naming the programme, an intro that announces nothing else ("Passage en revue de six dossiers
    que nous avons suivis."), a description telling the item's award ("est reconduit avec …",
    "obtient le label …") speaks of a territory too."""
    values = [fold(item.field.value.of(text)) for item in lst.items if item.field]
    described = sum(bool(DESCRIBED.search(value)) for value in values)
    if lst.context is not None and 2 * described <= len(values) \
            and PROGRAMME_NAME.search(fold(lst.context.of(text))) \
            and (lst.intro is None or _keyword_decides(lst.intro.of(text)) is None):
        described = sum(bool(DESCRIBED.search(value) or AWARD_WORD.search(value)) for value in values)
    return len(values) * 2 >= len(lst.items) and described >= 2 and 2 * described > len(values)


# "leurs plans d'actions :": what the intro announces belongs to the items.
OWNERS = re.compile(r"\bleurs\s+")


def _owners_listed(text: str, lst: ListBlock) -> bool:
    """'Rencontre des trois Territoires d'industrie du Morbihan. Les équipes projet se réunissent
    pour partager leurs plans d'actions 2023-2027 :' then bare names: the intro announces the
    territories' own things ("leurs"), which the sentence before counts; its items, names
    without words in lower case, are the owners, the territories."""
    intro = lst.intro.of(text)
    if lst.context is None or not OWNERS.search(fold(intro)):
        return False
    before = _without_programme_name(lst.context.of(text)[:max(0, lst.intro.start - lst.context.start)])
    if not any(_listable(m) for m in COUNTED_TERRITORIES.finditer(before)):
        return False
    return all(not _prose_after_name(text, item.content.start, item.content.end)
               and not text[item.content.start].islower() for item in lst.items)


# "Réparti sur deux bassins, ce territoire fédère …": a count with a noun of its own counts that noun;
# a pronoun's count ("en compte trois, portés par …", "en accueille deux dans le Nord") has none
NOUN_OF_THE_COUNT = re.compile(r"\s+(?!(?:d['’]\s*entre|de|des|du|en|dans|au|aux|a|sur|pour|par|parmi|qui|et|ou)\b"
                               r"|" + WORDS["counted_label_nouns"] + r")[a-z]")


def _counts_the_items(intro: str, items: int) -> bool:
    """Whether the intro states the number of items without making it a number of members, nor of
    a noun other than territories or candidatures (`counted_label_nouns`)."""
    folded = fold(intro)
    for match in COUNT_WORD.finditer(folded):
        word = match.group(1).lower()
        value = count_value(word)
        if value == items and not ANNOUNCES_MEMBERS.match(folded, match.end() + 1) \
                and not NOUN_OF_THE_COUNT.match(folded, match.end()):
            return True
    return False


def _lists_the_places_it_counts(intro: str, names: list[str]) -> bool:
    """'Le bassin … s'étend sur trois départements : le Doubs, la Haute-Saône et le Territoire de
    Belfort.': an intro whose clause closes with a counted noun of départements or régions, and
    items that are all département or région names, list the places a territory spans, whatever
    the sentence before announces ('les territoires des trois départements :', or items "Ain : A, B"
    under such an intro, still name territories)."""
    tail = fold(intro).rstrip(" :*_\n")
    clause_start = tail.rfind(",") + 1
    counted = any(COUNTED_PLACES.fullmatch(tail, m.end() + 1) and not ANNOUNCES_TERRITORIES.search(tail, clause_start, m.start())
                  for m in COUNT_WORD.finditer(tail, clause_start))
    return counted and bool(names) and all(is_place_name(name) for name in names)


def announces_territories(text: str, lst: ListBlock) -> bool:
    """Whether the list's intro announces territories (see list_announcement)."""
    return list_announcement(text, lst) == TERRITORIES


# A gloss in lower case after a comma: "Aurillac – Figeac – Rodez (Aveyron, Cantal, Lot), territoire
# partagé avec …" glosses the name before it.
LOWER_CASE_GLOSS = re.compile(r",\s+(?=[a-zà-ÿ])")


def _is_subheading(label: str) -> bool:
    """'Renouvellement des territoires existants', 'Nouveaux territoires': a heading, not a name.
    A heading's words in a gloss after a name ("A (12, 15), territoire partagé avec …") do not
    make the name a heading."""
    head = LOWER_CASE_GLOSS.split(label, maxsplit=1)[0]
    return bool(SUBHEADING.search(fold(head))) and not re.search(r"[«\"“]", label)


SPACED_DASH = re.compile(r"\s[–—-]\s")


def _located_by_its_value(text: str, item: Item, lst: ListBlock) -> bool:
    """'– Lacq-Pau-Tarbes : Nouvelle-Aquitaine / Occitanie' under "Territoires interrégionaux": a
    name whose value is only the régions or départements it lies in, in a list whose intro or
    heading speaks of territories."""
    if item.field is None or lst.intro is None or is_place_name(item.field.label.of(text)):
        return False
    if not ANNOUNCES_TERRITORIES.search(_without_programme_name(lst.intro.of(text))):
        return False
    value = item.field.value
    places = split_inline_list(text, value.start, value.end, r"\s*[,/]\s*|\s+et\s+|\s+[–—-]\s+")
    return bool(places) and all(is_place_name(text[start:end]) for start, end in places)


def _record_field(text: str, item: Item) -> bool:
    """'Intercommunalités : A ; B', 'Savoir-faire : plasturgie, …', 'Départements : Jura': a field
    of a territory's record (territory_words.json record_fields), whose label names no territory."""
    words = WORDS["record_fields"]
    label = fold(item.field.label.of(text)).strip(" *_")
    return re.fullmatch(r"(?:" + words["departements"] + "|" + words["other"] + r")", label) is not None
# "- trois en Guyane : la CA du Centre Littoral, …", "- deux en Martinique.": how many of what the
# intro announces lie in a département or région, no name.
COUNT_IN_PLACE = re.compile(r"[\s*_]*(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r"|une?)\s+(?:en|à|au|aux|dans)\s+"
                            r"(?P<place>[^,:;.()]+?)[\s.;:,]*", re.IGNORECASE)


def _count_in_place(text: str, start: int, end: int) -> bool:
    match = COUNT_IN_PLACE.fullmatch(text, start, end)
    if match is None:
        return False
    place = match.group("place")
    return is_place_name(place) or is_place_name(re.sub(r"^(?:la|le|les)\s+|^l['’]\s*", "", place, flags=re.IGNORECASE))


# "* en Guadeloupe, Cap Excellence, autour de Jarry ;": an item led by the place its names lie in.
PLACE_LEAD = re.compile(r"[\s*_]*(?:en|à|au|aux|dans)\s+(?P<place>[^,:;()\n]{2,40}?)\s*,\s+", re.IGNORECASE)


def _place_led_items(text: str, lst: ListBlock, places: list[PlaceMention]) -> dict[int, Span]:
    """The place leads of a list of intercommunalities whose every item opens with the place its
    names lie in, when those places lie in two régions or more ("L'outre-mer y figure avec cinq
    intercommunalités :" then "* en Guadeloupe, Cap Excellence, …", "* en Guyane, la CA du Centre
    Littoral …"): no one territory is made of them, each intercommunality is one."""
    ref = referential.load()
    leads, regions = {}, set()
    for item in lst.items:
        if item.field:
            return {}
        lead = PLACE_LEAD.match(text, item.content.start, item.content.end)
        inside = [p for p in places if lead and p.kind != "country" and lead.start("place") <= p.start < lead.end("place")]
        if not inside:
            return {}
        regions |= {code for p in inside
                    for code in ([p.code] if p.kind == "region" else ref.regions_of([p.code]))}
        leads[id(item)] = Span(lead.start(), lead.end())
    return leads if len(regions) >= 2 else {}


# "- à l'Est, la Communauté intercommunale Réunion Est (Cirest), autour de Saint-André": an item of
# territories led by its side of the area the intro names, or by a place ("- en Guadeloupe, Cap Excellence").
COMPASS_LEAD = re.compile(r"[\s*_]*(?:à|au|aux|en|dans)\s+(?:l['’]\s*|le\s+|la\s+)?(?:" + "|".join(WORDS["compass_heads"])
                          + r")(?:[-\s](?:" + "|".join(WORDS["compass_heads"]) + r"))?\s*,\s+", re.IGNORECASE)


def _lead_of_an_item(text: str, item: Item, places: list[PlaceMention]) -> Span | None:
    """The place or side an item of territories opens with, when a name follows it."""
    lead = COMPASS_LEAD.match(text, item.content.start, item.content.end)
    if lead is None:
        lead = PLACE_LEAD.match(text, item.content.start, item.content.end)
        if lead is None or not any(p.kind != "country" for p in places_starting_in(places, lead.start("place"), lead.end("place"))):
            return None
    if not (NAME_OPENING.match(text, lead.end(), item.content.end)
            or _opens_with_legal_form(text, lead.end(), item.content.end)):
        return None
    return Span(lead.start(), lead.end())


NAME_OPENING = re.compile(r"[\s*_«\"]*(?:(?:[Ll]a|[Ll]es?)\s+|[Ll]['’]\s*)?[A-ZÀ-Ý]")


def _names_after_lead(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces after a place lead that open as names ("Cap Excellence", "la CIREST"); the
    glosses between them ("autour du Port", "où le spatial domine") do not."""
    pieces = _known_names_joined(text, split_inline_list(text, start, end, r",\s+(?:et\s+)?|\s+et\s+"))
    return [(s, e) for s, e in pieces if NAME_OPENING.match(text, s, e) or _opens_with_legal_form(text, s, e)]


def _place_heading(text: str, item: Item) -> bool:
    """'Bretagne : Pays de Vannes, Lamballe Terre et Mer': a région's or a département's name (or
    several: "Pays de Loire, Normandie : …", "Aisne (02) / Nord (59) : …") heading the territories that lie there, not a
    territory whose members follow ("Ariège : CC du Pays de Mirepoix, …": a value opening with a
    legal form lists members)."""
    label, value = item.field.label, item.field.value
    if _count_in_place(text, label.start, label.end):
        return True  # "trois en Guyane : la CA du Centre Littoral, la CC des Savanes …": each is one
    counted = LABEL_COUNT.search(text, label.start, label.end)  # "Grand Est (3 territoires)"
    # several: "Doubs (25) / Haute-Saône (70) : Nord Franche-Comté" too
    places = split_inline_list(text, label.start, counted.start() if counted else label.end, r",\s+|\s+et\s+|\s+/\s+")
    if not all(is_place_name(CODE_AFTER_A_PLACE.sub("", text[start:end])) for start, end in places):
        return False
    return not any(_opens_with_legal_form(text, start, end)
                   for start, end in split_inline_list(text, value.start, value.end, r",\s+|\s+et\s+|\s*;\s*"))


# A value's part opening with a word in lower case, no article: a description ("aéronautique",
# "reconversion du textile"), not a name ("le bassin de Decazeville", "Pays de Vannes").
DESCRIPTION_OPENING = re.compile(r"[\s*_]*(?!(?:la|le|les|l['’]|du|des|de|d['’])(?:\s|(?<=['’])))[a-zà-ÿ]")


def _named_like_its_place(text: str, item: Item, lst: ListBlock) -> bool:
    """'◆ Ariège : aéronautique et reconversion du textile' among '◆ Bassin d'Alès (Gard) : …'
    under an intro announcing territories: a label named like a département whose value only
    describes (every part opens in lower case, no article) is a territory named like its place,
    when the other items' labels are names, not places (a list keyed by département, "Aveyron :
    mécanique", stays a list of places)."""
    value = item.field.value
    parts = split_inline_list(text, value.start, value.end, r",\s+|\s+et\s+|\s*;\s*")
    if not parts or not all(DESCRIPTION_OPENING.match(text, start, end) for start, end in parts):
        return False
    return any(other.field and not heading_place(other.field.label.of(text)) for other in lst.items if other is not item)


# "Grand Est (3 territoires) : …", "Grand Est, 3 territoires : …": a count in a place heading.
CODE_AFTER_A_PLACE = re.compile(r"\s*\(\s*" + DEPARTEMENT_CODE + r"\s*\)\s*$")  # "Nord (59)" of "Aisne (02) / Nord (59)"
LABEL_COUNT = re.compile(r"\s*(?:\(\s*|,\s*)(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")(?:\s+territoires?)?\s*\)?\s*$",
                         re.IGNORECASE)
# A dash after a name's closing bracket parts two names: "A (08) – B (54-57) – C – D (51-52)".
DASH_AFTER_BRACKET = re.compile(r"(?<=\))\s+[–—-]\s+")


def _coded_departements(text: str, label: Span) -> bool:
    """Whether a label is départements' names, each with its code in brackets: "Nièvre (58)",
    "Finistère (29) / Morbihan (56)"."""
    pieces = split_inline_list(text, label.start, label.end, r"\s+/\s+")
    return bool(pieces) and all(
        (code := CODE_AFTER_A_PLACE.search(written := text[start:end].strip(" *_"))) is not None
        and is_departement_name(written[:code.start()]) for start, end in pieces)


def _dash_parted_names(text: str, label: Span, value: Span) -> list[tuple[int, int]] | None:
    """The names of a place heading's value parted by spaced dashes, where the heading or the
    names tell the dashes part names ("Saint-Nazaire – Cordemais" and "Vitry-le-François –
    Saint-Dizier – Bar-le-Duc" are one name each): as many dash pieces as the heading counts
    ("Grand Est (3 territoires) : A – B – C"), else the dashes that follow a name's bracket (what
    stands before a bracket is one name, dashes and all)."""
    counted = LABEL_COUNT.search(text, label.start, label.end)
    if counted:
        word = counted.group("count").lower()
        pieces = split_inline_list(text, value.start, value.end, SPACED_DASH.pattern)
        if len(pieces) > 1 and len(pieces) == (count_value(word)):
            return pieces
    pieces = split_inline_list(text, value.start, value.end, DASH_AFTER_BRACKET.pattern)
    return pieces if len(pieces) > 1 else None
# "1) Centre Bretagne" / "   Loudéac Communauté ; Pontivy Communauté" / "   Départements : Côtes-d'Armor,
# Morbihan": an item whose first line is the name and whose next lines give its details, one of
# them labelled (a record of a national list or a PDF table read line by line).
DETAIL_LABEL = re.compile(r"\s*(?:departements?|regions?|epci|intercommunalites?|membres?|perimetre|"
                          r"composition)(?:\s*\(s\))?\s*:")
WRAPPED_LINE_END = re.compile(r"(?:[,;:/(–—-]|\s(?:et|de|du|des|d'|la|le|les|l'|en|sur|a))\s*$")


# A verb in lower case inside an item's name: a remark under the list, no name ("Grand Est" keeps its capital).
REMARK_VERB = re.compile(r"\s(?:est|sont|sera|seront|était|étaient|ont|correspond(?:ent)?|constituent|constitue)\s")


def _name_line_then_details(text: str, item: Item) -> tuple[int, list[tuple[int, int]]] | None:
    """(end of the name line, spans of the labelled detail lines) of such an item, else None.
    A name wrapped over two lines ("- Castres – Revel –" / "  Castelnaudary") has no labelled line."""
    content = item.content.of(text)
    first_end = content.find("\n")
    if first_end <= 0 or WRAPPED_LINE_END.search(fold(content[:first_end])):
        return None
    details, position = [], item.content.start + first_end + 1
    for line in content[first_end + 1:].split("\n"):
        if DETAIL_LABEL.match(fold(line)):
            details.append((position, position + len(line)))
        position += len(line) + 1
    return (item.content.start + len(content[:first_end].rstrip()), details) if details else None


def _item_pieces(text: str, item: Item, announced: bool, place_heading: bool,
                 whole_lines: bool = False) -> list[tuple[int, int]]:
    """Where the names of an item stand: its label, or the parts of a sub-heading's value. Under
    an intro announcing territories, the label names one whatever follows ("Aurillac – Figeac –
    Rodez : forte culture industrielle ..."); elsewhere a label followed by a definition does not
    ("Locale : démarche animée par ..."). When the intro counts the lines (`whole_lines`), a
    line parted by ';' is one name."""
    if item.field:
        label = item.field.label
        if not _is_subheading(label.of(text)) and not place_heading:
            value = item.field.value.of(text)
            if not announced and value[:1].islower() and len(value.split()) > 3:
                return []
            return [(label.start, label.end)]
        value = item.field.value
        if item.parts:
            return [(p.start, p.end) for p in item.parts]
        parts = _known_names_joined(text, split_inline_list(text, value.start, value.end, r",\s+|\s+et\s+"))
        dashed = _dash_parted_names(text, label, value) if len(parts) == 1 and place_heading else None
        if dashed:
            return dashed
        # "Occitanie : Aurillac/Figeac/Rodez – Lacq Pau Tarbes": a spaced dash may join one name's
        # towns or part two names; under a place heading nothing else tells which, unless the
        # heading is départements with their codes, the record of one territory ("Nièvre (58) :
        # Nevers – Val de Loire ;", "Finistère (29) / Morbihan (56) : Pays de Lorient – Quimperlé")
        one_record = len(parts) == 1 and _coded_departements(text, label)
        return [(s, e) for s, e in parts if not (place_heading and not one_record and SPACED_DASH.search(text, s, e))]
    record = _name_line_then_details(text, item)
    if record is not None:
        return [(item.content.start, record[0])]
    if item.parts:
        glossed = _gloss_parts_start(text, item)
        if glossed is not None:
            return [(item.content.start, glossed)]
        members = _members_parted_by_semicolons(text, item)
        if members is not None:
            return [(item.content.start, members)]
        if whole_lines and "\n" not in text[item.content.start:item.content.end] \
                and all(p.of(text).lstrip()[:1].isupper() for p in item.parts):
            # one name parted by ';' ("Aix-Rousset-Gardanne ; Istres-Fos-…"), not "A (34).⏎
            # Intercommunalités : X ; Y" nor "Le PETR X, … réunit A, B ; il accueille …"
            return [(item.content.start, item.content.end)]
        return [(p.start, p.end) for p in item.parts]
    members = _members_after_dash(text, item.content.start, item.content.end)
    if members is not None:
        return [(item.content.start, members)]
    gloss = _gloss_line_start(text, item)
    return [(item.content.start, gloss if gloss is not None else item.content.end)]


def _gloss_parts_start(text: str, item: Item) -> int | None:
    """Where an item's name ends when every part after its first opens with a gloss clause in
    lower case ("Flers – Argentan ; porté par Flers Agglo"): the parts gloss the name, name none."""
    first, rest = item.parts[0], item.parts[1:]
    if all(text[p.start].islower() and GLOSS_CLAUSE.match(fold(p.of(text))) for p in rest):
        return first.end
    return None


def _gloss_line_start(text: str, item: Item) -> int | None:
    """Where an item's name ends when its first line is the name and its one next line is a
    sentence about it, four words or more opening with a capital and closed by a full stop
    ("Épinal – Vosges centrales" / "  Papier, bois et ameublement …") or a field of its record
    ("Centre Morbihan Communauté" / "  Filière : agroalimentaire."); a name wrapped over two lines
    ("… – Bar-le-Duc –" / "Bassin de Joinville.") is whole."""
    content = item.content.of(text)
    first_end = content.find("\n")
    if first_end <= 0 or content.count("\n") > 1 or WRAPPED_LINE_END.search(fold(content[:first_end])):
        return None
    gloss = content[first_end + 1:].strip()
    if not (gloss[:1].isupper() and gloss.endswith((".", "!")) and len(gloss.split()) >= 4
            or RECORD_FIELD_LINE.match(fold(gloss))):
        return None
    return item.content.start + len(content[:first_end].rstrip())


# "3. Centre Morbihan Communauté" / "   Filière : agroalimentaire.": a field of the territory's
# record under its name, however short (territory_words.json record_fields)
RECORD_FIELD_LINE = re.compile(r"(?:" + WORDS["record_fields"]["departements"] + "|" + WORDS["record_fields"]["other"]
                               + r")[ \t]*:[ \t]")


# "📍 Clermont Arverne Industrie – Clermont Auvergne Métropole et Mond'Arverne Communauté": a
# dash, then intercommunalities, each with its type word ("Le Creusot – Gueugnon, Bourbon-Lancy,
# Charolais et Autun" is one name, its towns have none).
ITEM_DASH = re.compile(r"\s+[–—]\s+")
MEMBER_WORD = re.compile(TYPE_WORD.pattern + r"|\b(?:CC|CA|CU)\b")
GLOSS_DASH = re.compile(r"\s+[–—]\s+(?=[a-zà-ÿ])")


def _members_after_dash(text: str, start: int, end: int) -> int | None:
    """Where an item's name ends when a dash parts it from two or more member intercommunalities.
    A name may hold a dash itself ("Nord Grande-Terre – Marie-Galante — CA du Nord Grande-Terre et
    CC de Marie-Galante"): a later dash after which members stand too, no type word between the
    two, ends it."""
    found = None
    for dash in ITEM_DASH.finditer(text, start, end):
        if found is not None and MEMBER_WORD.search(text, found.end(), dash.start()):
            break
        if _members_follow(text, dash, end):
            found = dash
    return found.start() if found else None


def _members_follow(text: str, dash: re.Match, end: int) -> bool:
    """Whether two or more member intercommunalities stand after an item's dash."""
    bracket = text.find("(", dash.end(), end)  # "Pays de Lorient – Quimperlé (porté par …)": a gloss
    stop = end if bracket < 0 else bracket
    # "A – B – regroupant l'agglomération de A et la CC de B": a second dash opening a gloss in
    # lower case ends the name's part; the members stand in the gloss, not after the first dash
    gloss = GLOSS_DASH.search(text, dash.end(), stop)
    stop = gloss.start() if gloss else stop
    # "… – CA Ardenne Métropole, CC Vallées et Plateau d'Ardenne": a name may hold "et"
    for joints in (r",\s+|\s+et\s+", r",\s+"):
        parts = split_inline_list(text, dash.end(), stop, joints)
        if len(parts) >= 2 and all(MEMBER_WORD.search(text, s, e) for s, e in parts):
            return True
    return False


def _members_parted_by_semicolons(text: str, item: Item) -> int | None:
    """Where an item's name ends when a dash parts it from members the item then parts with ";"
    ("Creil – Compiègne (Oise) – CA Creil Sud Oise ; Agglomération de la Région de Compiègne"):
    the first part's last dash opens a legal form, every later part holds a type word; the
    parts after the first are members, not names."""
    first = item.parts[0]
    dashes = list(ITEM_DASH.finditer(text, first.start, first.end))
    if not dashes or not _opens_with_legal_form(text, dashes[-1].end(), first.end):
        return None
    if all(MEMBER_WORD.search(text, part.start, part.end) for part in item.parts[1:]):
        return dashes[-1].start()
    return None


# "– le territoire de la Communauté d'agglomération de Bastia (CAB) ;", "* **le territoire de la
# communauté d'agglomération du Saint-Quentinois**": an item of a list announcing territories that
# designates one by the area of an intercommunality written with its legal form.
AREA_OF_AN_INTERCOMMUNALITY = re.compile(r"[\s*_«\"“]*le\s+territoire\s+de\s+(?=la\s|l['’])", re.IGNORECASE)


def _opens_with_legal_form(text: str, start: int, end: int) -> bool:
    lead = re.match(r"[\s*_«\"“]*(?:(?:la|le|les)\s+|l['’]\s*)?", text[start:end], re.IGNORECASE)
    return legal_form_end(text, fold(text), start + lead.end(), end) is not None  # fold(text) is cached


@lru_cache(maxsize=1)
def _words_of_epci_names() -> frozenset[str]:
    """Folded words of every name an EPCI bore since 2019, a hyphenated name one word ("sud",
    "mosellan", "franche-comte"): the vocabulary of places."""
    return frozenset(word for epci in referential.load().epcis.values() for borne in epci.names
                     for word in re.findall(r"[\w-]+", fold(borne.name)))


def _ends_with_a_whole_word(item: str) -> bool:
    """Whether an item's last word is a whole word of place: a word of an EPCI's name or a
    département's or région's demonym, not a word cut by the page end ("Sud Als", "Interdép")."""
    words = re.findall(r"[\w-]+", fold(item))
    return bool(words) and len(words[-1]) >= MIN_WHOLE_WORD and (
        words[-1] in _words_of_epci_names()
        or any(pattern.fullmatch(words[-1]) for pattern, _ in figure_scope._demonyms()))


NON_BLANK = re.compile(r"\S")


# An item that is the programme's name and nothing else: "• Territoires d'industrie"
PROGRAMME_TAG = re.compile(r"[\W_]*(?:programme\s+)?territoires?\s+d'industrie[\W_]*")


def _tags_the_programme(text: str, lst: ListBlock) -> bool:
    """'• Saint-Omer (62)' / '• Hazebrouck (59)' / '• Territoires d'industrie' / '• Formation'
    under a page's title: a list holding the programme's own name as an item (or, items after
    it, as a sub-heading) tags the page with places, programme and themes; no territory of the
    programme is listed beside the programme itself."""
    lines = [item.content for item in lst.items] + lst.headings
    return any(PROGRAMME_TAG.fullmatch(fold(line.of(text))) for line in lines)


def _cut_by_the_page(text: str, lst: ListBlock) -> bool:
    """A list ending the text with fewer items than its intro counts was cut by the crawl: its
    last item may be cut mid-word ("13 territoires … :" then nine items, the last "Sud Als")."""
    last = lst.items[-1]
    # (text after the list looked for from its end, not copied: a copy a list was quadratic)
    if lst.intro is None or not may_be_cut(text) or NON_BLANK.search(text, last.span.end) or not text.rstrip("\r\n")[-1:].isalnum() \
            or re.search(r"[,;:(\[]", last.content.of(text)):
        return False  # "Montargis ", "« Vallée de la Bresle » : C", "Tarn Nord (81), nouveau": the name was whole
    if _ends_with_a_whole_word(last.content.of(text)):
        return False  # "Est Mosellan", the text's last line: the crawl cut the page after it
    counts = [count_value(w) for w in COUNT_WORD.findall(lst.intro.of(text))]
    if len(lst.items) in counts:
        return False  # "Ces 4 territoires, composés de 6 EPCI, sont :" then four items: whole
    return any(len(lst.items) < count <= MAX_LISTED_COUNT for count in counts)


def _intro_counts_lines(text: str, lst: ListBlock) -> bool:
    """Whether the list's intro counts its lines, not the ';' parts of its items: "sept se trouvent
    en Provence-Alpes-Côte d'Azur :" over seven lines, one of them "Aix-Rousset-Gardanne ;
    Istres-Fos-Marignane-Étang de Berre": that line names one territory, not two."""
    names = sum(max(1, len(item.parts)) for item in lst.items)
    if lst.intro is None or names == len(lst.items):
        return False
    counts = {count_value(w) for w in COUNT_WORD.findall(lst.intro.of(text))}
    return len(lst.items) in counts and names not in counts


def list_items(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    found = []
    territory_lists: set[int] = set()
    # the lines of the tables of territories or members, by bisection (each list read every table)
    in_a_table = SpanReach((table.header[0].start, table.rows[-1][-1].end + 1) for table in structure.tables
                           if table.column(text, TERRITORY_COLUMN) is not None or table.column(text, EPCI_COLUMN) is not None)
    for lst in structure.lists:
        if lst.kind == "inline":
            continue  # the colon-list rule reads them, with their stated count
        if _tags_the_programme(text, lst):
            continue  # "• Cluses (74)" beside "• Territoires d'industrie": a page's tags
        if lst.intro is not None and CONTENTS_HEADING.fullmatch(lst.intro.of(text)):
            continue  # the "Sommaire": its entries are the sections' titles ("2. Les lauréats")
        if in_a_table.holds(lst.items[0].span.start):
            # lines of a table of territories, read by column by the table rule, or of members
            # ("Intercommunalité | Siège" under "Le territoire réunit :"): no row is a territory
            continue
        decided = list_announcement(text, lst)
        section_titles = _entries_of_the_contents(text, structure, lst)
        if decided is not None and section_titles:
            decided = None  # "… les 29 territoires …" / "5. Contacts presse", an entry of the "Sommaire": a section's title
        # nor does the "Sommaire"'s next entry go on with a numbered list of territories above it
        if decided is None and not section_titles and (_labelled_territories_heading(text, lst)
                                or _next_place_of_a_run(text, structure, lst, territory_lists)
                                or _next_of_a_described_run(text, structure, lst, territory_lists)
                                or _numbering_taken_up(structure, lst, territory_lists)):
            decided = TERRITORIES
        taken_up = decided is None and _taken_up_to_its_count(text, structure, lst, territory_lists)
        if taken_up:
            decided = TERRITORIES
        if decided == OTHER and _coded_under_a_silent_intro(text, lst, places):
            decided = None
        if decided == TERRITORIES:
            territory_lists.add(lst.id)
        if decided == OTHER:
            continue  # projects, axes or people: codes after a name do not make it a territory
        if lst.intro is not None and _lists_the_places_it_counts(
                lst.intro.of(text), [re.sub(r"^(?:la|le|les)\s+|^l['’]\s*", "", item.content.of(text).strip(" \t\n;.,*_"),
                                            flags=re.IGNORECASE) for item in lst.items]):
            continue
        announced = decided == TERRITORIES
        if announced:
            found += _named_by_member_headings(text, lst)
        # Under an intro announcing members ("Intercommunalités engagées, territoire par
        # territoire :"), a "Name : members" item names a territory; a bare item is a member.
        labels_only = decided == MEMBERS
        # "• « A » : CC X, CC Y" / "• « B » (12)" under "Les territoires et leurs intercommunalités :":
        # beside lines giving a label its members, a bare line is a territory listed without
        # members, as members.py reads it (no member)
        labelled = labels_only and any(item.field and item.field.value.end > item.field.value.start
                                       for item in lst.items)
        intro = (lst.intro.start if lst.intro else lst.span.start, lst.items[0].span.start)
        if taken_up:  # the intro of the list it goes on with, whose count covers it (its places too)
            previous = structure.lists[lst.id - 1]
            intro = (previous.intro.start, previous.items[0].span.start)
        spread = _place_led_items(text, lst, places) if labels_only else {}
        whole_lines = announced and _intro_counts_lines(text, lst)
        paired = announced and _items_name_pairs(text, lst, places)
        for item in lst.items:
            if item is lst.items[-1] and _cut_by_the_page(text, lst):
                continue
            if _under_a_members_heading(text, lst, item) or _under_a_field_heading(text, lst, item):
                continue
            if item.content.start in _members_under_coded_heads(text):
                continue  # the members line under "Name [10 – Aube]": coded_heads reads it
            if _departement_heading_line(text, item, lst, places):
                continue  # "**Aude (11)** — Grand Narbonne": the département heads the territories named after it
            members = TRIGGER_WORD.search(text[item.content.start:item.span.end])
            led = spread.get(id(item))
            side = _lead_of_an_item(text, item, places) if announced and not item.field and led is None else None
            if labels_only and not item.field and led is None and not (labelled and _bare_label(text, item)):
                continue
            if item.field and _record_field(text, item):
                continue  # "Savoir-faire : plasturgie, …" under a territory's name: one of its fields
            if not item.field and _count_in_place(text, item.content.start, item.content.end):
                continue  # "- deux en Martinique.": a count, no name
            # "Isère : Bièvre Isère, Vallée de l'Arve": the heading's département places each name
            place_heading = bool(item.field) and _place_heading(text, item) \
                and not (announced and _named_like_its_place(text, item, lst))
            heading = item.field.label if place_heading else led or side
            heading_codes = {p.code for p in places if p.kind == "departement"
                             and heading.start <= p.start < heading.end} if heading else set()
            record = None if item.field else _name_line_then_details(text, item)
            if record:
                heading_codes |= {p.code for p in places if p.kind == "departement"
                                  and any(start <= p.start < end for start, end in record[1])}
            pieces = (_names_after_lead(text, led.end, item.content.end) if led
                      else [(side.end, item.content.end)] if side
                      else _item_pieces(text, item, announced or labels_only, place_heading, whole_lines))
            pieces = [pair for piece in pieces for pair in _bracketed_pair(text, *piece, places)]
            for start, end, (name_start, name_end, codes) in _named_pieces(text, pieces, places, paired):
                if whole_lines and len(item.parts) > 1 and (start, end) == (item.content.start, item.content.end):
                    # the line is one name: it ends where its last part's name ends, not at the first ';'
                    _, name_end, last_codes = name_and_codes(text, item.parts[-1].start, item.parts[-1].end, places)
                    codes |= last_codes
                if REMARK_VERB.search(text, name_start, name_end):
                    continue  # "– Redon Agglomération est un territoire interrégional …": a remark
                if _opens_a_quote(text, name_start, name_end):
                    continue  # "• Les Échos — « Territoires d'industrie : 2 150 projets »": a headline's colon
                if _publisher_of_a_quoted_headline(text, name_end, end):
                    continue  # "### 1. Ouest-France (Mayenne) — « Cœur de Maine veut peser … »"
                codes = set(codes) | heading_codes
                located = not place_heading and _located_by_its_value(text, item, lst)
                codes |= {p.code for p in places_starting_in(places, item.field.value.start, item.field.value.end)
                          if p.kind == "departement"} if located else set()
                if not (announced or labels_only or codes or members or located):
                    continue
                if not (announced or labels_only or members or located) and _only_places(text, lst, places):
                    continue  # "Doubs (25)" under a territory's line: a flattened table's "Département(s)" cell
                if PERSON_AFTER_NAME.match(folded, name_end):
                    continue  # "Anne MARTIN, cheffe de projet Territoire d'industrie": a person
                # "CAPEX – Communauté d'agglomération Cap Excellence", "CA A / CC B": a territory
                # designated by its intercommunalities goes by their names
                area = AREA_OF_AN_INTERCOMMUNALITY.match(text, start, end)  # "– le territoire de la CA X (CAX) ;"
                part_start = area.end() if area else start
                designated = read_part(text, part_start, end) if _opens_with_legal_form(text, part_start, end) else None
                name = None
                if designated is not None:
                    name_start, name_end, name = designated.start, designated.end, designated.name
                rule = "territory.list_item_codes" if codes else "territory.list_item"
                mention = make_mention(text, name_start, name_end, rule, codes, item.span.end,
                                       intro if announced or labels_only or codes else None, lst.id, name,
                                       lone_compass=announced)
                if mention:
                    found.append(mention)
    return found


# "• Haut-Jura (Jura) et Haut-Doubs (Doubs) ;": "et" right after a closing bracket, then a capital
BRACKET_THEN_ET = re.compile(r"\)[ \t]+et[ \t]+(?=(?:l['’]\s*|la\s+|le\s+|les\s+)?[A-ZÀ-Ý])")


def _bracketed_pair(text: str, start: int, end: int, places: list[PlaceMention]) -> list[tuple[int, int]]:
    """A list piece as the names it holds: two when it is "A (départements) et B (départements)",
    each name with its own bracket of départements ("Fougères – Vitré (Ille-et-Vilaine) et Lorient –
    Quimperlé (Morbihan, Finistère)"): one name does not carry two places' brackets. Else the piece."""
    joint = BRACKET_THEN_ET.search(text, start, end)
    if joint is None or BRACKET_THEN_ET.search(text, joint.end(), end):
        return [(start, end)]
    first, second = (start, joint.start() + 1), (joint.end(), end)
    if "(" not in text[second[0]:end] or not all(name_and_codes(text, s, e, places)[2] for s, e in (first, second)):
        return [(start, end)]
    return [first, second]


def _named_pieces(text: str, pieces: list[tuple[int, int]], places: list[PlaceMention],
                  paired: bool) -> Iterator[tuple[int, int, tuple[int, int, set[str]]]]:
    """(start, end, (name start, name end, codes)) of each piece's name; in a list whose items
    each hold two names (`_items_name_pairs`), of each half, both with the piece's codes."""
    for start, end in pieces:
        named = name_and_codes(text, start, end, places)
        halves = _pair_halves(text, named[0], named[1]) if paired else None
        if halves is None:
            yield start, end, named
            continue
        for half_start, half_end in halves:
            yield half_start, half_end, (half_start, half_end, named[2])


HALF_OPENING = re.compile(r"(?:(?:[Ll]a|[Ll]es?)\s+|[Ll]['’]\s*)?[A-ZÀ-Ý]")


def _pair_halves(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The two names of "Est du Loiret et Nord Loiret": one " et " between two parts opening with
    a capital, which together are no intercommunality's name ("Lamballe Terre et Mer")."""
    joints = list(ET_JOINT.finditer(text, start, end))
    if len(joints) != 1 or is_epci_name(text[start:end]):
        return None
    halves = [(start, joints[0].start()), (joints[0].end(), end)]
    return halves if all(HALF_OPENING.match(text, s, e) for s, e in halves) else None


def _items_name_pairs(text: str, lst: ListBlock, places: list[PlaceMention]) -> bool:
    """Whether each item of the list names two territories joined by "et" ("• Est du Loiret et
    Nord Loiret (Loiret)"): the paragraph over it counts twice as many territories as it has
    items, not as many, and every item's name so parts in two. A name holding "et" ("Vallée de la
    Bresle et Vimeu") stays whole in a list the count sizes otherwise."""
    if lst.context is None or len(lst.items) < 2:
        return False
    folded = _without_programme_name(fold(lst.context.of(text)))
    counts = {count_value(m.group("count"))
              for m in COUNTED_TERRITORIES.finditer(folded) if m.group("count")}
    if 2 * len(lst.items) not in counts or len(lst.items) in counts:
        return False
    return all(_pair_halves(text, *name_and_codes(text, item.content.start, item.content.end, places)[:2])
               for item in lst.items)


def _opens_a_quote(text: str, start: int, end: int) -> bool:
    """Whether a name opens a French quote it does not close: the label of a press review's item
    cut at the colon of the headline it quotes ("Les Échos — « Territoires d'industrie" before
    ": 2 150 projets »"), a publisher and half a headline, no name."""
    return text.count("«", start, end) > text.count("»", start, end)


# what follows a press review item's publisher: where it sells, then the whole headline it quotes
PLACE_THEN_QUOTED_HEADLINE = re.compile(r"[ \t*_]*(?:\([^()\n]{1,60}\)[ \t*_]*)?[–—:-][ \t*_]*[«\"“][^«»\"“”\n]+[»\"”][ \t*_.]*")


def _publisher_of_a_quoted_headline(text: str, name_end: int, end: int) -> bool:
    """Whether the rest of a list item after its name is only a bracket and a quoted headline
    ("### 1. Ouest-France (Mayenne) — « Cœur de Maine veut peser … »"): a press review names the
    newspaper, then the headline it quotes; the territory is in the headline, never the newspaper
    (its bracket's département is where the newspaper sells)."""
    return PLACE_THEN_QUOTED_HEADLINE.fullmatch(text, name_end, end) is not None


# "1. Montluçon, porté par :" over "- A," "- B ;": a sub-list heading that names a territory, then
# announces its members with a member trigger after a comma
NAME_THEN_TRIGGER = re.compile(r"[ \t*_]*(?P<name>[^,:;\n]{2,80}?)[ \t*_]*,[ \t]*(?:qui[ \t]+)?")


def _named_by_member_headings(text: str, lst: ListBlock) -> list[TerritoryMention]:
    """The territories named by the sub-list headings of a list announcing territories, each
    heading giving a name, then its members' trigger, then a colon ("Name, porté par :"); the
    items under it are its members (members.py reads them)."""
    found = []
    for heading in lst.headings:
        written = heading.of(text).rstrip()
        lead = NAME_THEN_TRIGGER.match(text, heading.start, heading.end)
        if not written.endswith(":") or lead is None or not TRIGGER_WORD.match(text, lead.end(), heading.end):
            continue
        mention = make_mention(text, lead.start("name"), lead.end("name"), "territory.list_item", (), heading.end,
                               (lst.intro.start if lst.intro else lst.span.start, heading.start), lst.id)
        if mention:
            found.append(mention)
    return found


def _bare_label(text: str, item: Item) -> bool:
    """An item without a type word nor an EPCI's name ("« Vallée de l'Huisne »", "Cœur de Maine"):
    beside "Name : members" items, a territory's label, not a member."""
    written = item.content.of(text)
    return not TYPE_WORD.search(written) and not is_epci_name(written.strip(" \t«»\"“”"))


def _coded_under_a_silent_intro(text: str, lst: ListBlock, places: list[PlaceMention]) -> bool:
    """"En Alsace, quatre secteurs sont concernés :" / "- Alsace du Nord [67 – Bas-Rhin]": an intro
    whose own words announce nothing took its kind from a sentence above (the programme's
    "investissements"); items each a name with its départements' codes are places, not that."""
    if lst.intro is None or _keyword_decides(lst.intro.of(text)) is not None:
        return False
    for item in lst.items:
        start, end, codes = name_and_codes(text, item.content.start, item.content.end, places)
        if not codes or end <= start:
            return False
    return True


def _only_places(text: str, lst: ListBlock, places: list[PlaceMention]) -> bool:
    """Every item exactly a département's or région's name, its codes that place's own, in a
    list nothing announces as territories: the places of the line above (a table's
    "Département(s)" cells flattened one a line), not territories named after them (a list
    mixing them with other names, "Ariège (09)" / "Grand Narbonne (11)", lists territories)."""
    def a_place(item: Item) -> bool:
        start, end, codes = name_and_codes(text, item.content.start, item.content.end, places)
        return any(p.kind in ("departement", "region") and p.start == start and p.end == end
                   and set(codes) <= {p.code} for p in places_starting_in(places, start, end))
    return all(a_place(item) for item in lst.items)


def _next_place_of_a_run(text: str, structure: Structure, lst: ListBlock, territory_lists: set[int]) -> bool:
    """'### Grand Est — 13 territoires' / - … / '### Normandie (extrait)' / - …: a list headed by a
    place alone, right after a list of territories headed by a place (its intro or its last
    sub-heading), goes on with the run of places: its items are territories too (not the members
    of the last one)."""
    if lst.id == 0 or lst.id - 1 not in territory_lists or lst.intro is None:
        return False
    previous = structure.lists[lst.id - 1]
    if previous.intro is None or not _one_remark_between(text[previous.span.end:lst.intro.start]) \
            or lst.intro.of(text).rstrip().endswith(":"):
        return False
    # "Parmi les nouveaux entrants :" / "Pays de la Loire" / - …: the place heads the previous list's items
    previous_place = previous.headings[-1] if previous.headings else previous.intro
    return heading_place(lst.intro.of(text)) and heading_place(previous_place.of(text))


def _one_remark_between(gap: str) -> bool:
    """Whether the text between two lists is nothing, or one line of prose that opens nothing (no
    ':' at its end): a remark on the items above ("Le premier se situe en Loire-Atlantique, le
    second en Vendée.") does not end the run of place headings."""
    lines = [line for line in gap.split("\n") if line.strip()]
    return not lines or len(lines) == 1 and not lines[0].rstrip(" *_\t").endswith(":")


def _entries_of_the_contents(text: str, structure: Structure, lst: ListBlock) -> bool:
    """Whether every item of a list not announced by a colon repeats an entry of the text's table
    of contents (a list under "Sommaire"): "5. Contacts presse" under the last paragraph of section
    4 is that section's title, whatever the paragraph counts."""
    if lst.intro is None or lst.intro.of(text).rstrip(" *_").endswith(":"):
        return False
    entries = {fold(item.content.of(text)).strip(" \t*_.") for contents in structure.lists
               if contents.id != lst.id and contents.intro is not None
               and CONTENTS_HEADING.fullmatch(contents.intro.of(text)) for item in contents.items}
    return bool(entries) and all(fold(item.content.of(text)).strip(" \t*_.") in entries for item in lst.items)


def _numbering_taken_up(structure: Structure, lst: ListBlock, territory_lists: set[int]) -> bool:
    """'1. NAME' / a paragraph, a page's footer, 'DOSSIER (suite)' / '2. NAME': a numbered list whose
    first number follows the last one of the list of territories just before goes on with it,
    whatever heading the page break or a sub-title set between them."""
    if lst.id == 0 or lst.id - 1 not in territory_lists or not lst.items:
        return False
    previous = structure.lists[lst.id - 1]
    last = NUMBER_MARKER.fullmatch(previous.items[-1].marker.strip()) if previous.items else None
    return last is not None and lst.items[0].marker.strip() == f"{int(last['number']) + 1}{last['mark']}"


def _taken_up_to_its_count(text: str, structure: Structure, lst: ListBlock, territory_lists: set[int]) -> bool:
    """'quatre territoires … :' / - A / - B / a photo's caption / - C / - D: a list with the marker
    of the list of territories just before, after a few lines of prose without colon
    (resumes_after_prose), goes on with it when that list's intro counts both lists' items
    together; the prose alone (another list after a paragraph) is no evidence."""
    if lst.id == 0 or lst.id - 1 not in territory_lists:
        return False
    previous = structure.lists[lst.id - 1]
    return (previous.intro is not None and resumes_after_prose(text, previous, lst)
            and _counts_the_items(previous.intro.of(text), len(previous.items) + len(lst.items)))


# "Les territoires labellisés qui concernent le département", a heading without colon
LABELLED_TERRITORIES = re.compile(r"(?:les\s+|nos\s+)?territoires(?:\s+d'\s*industrie)?\s+"
                                  + AWARD_PARTICIPLE.pattern)
SENTENCE_END = re.compile(r"[.!?»)][ \t*_]*$")


def _labelled_territories_heading(text: str, lst: ListBlock) -> bool:
    """A heading line of a few words over the list, "Les territoires labellisés qui concernent le
    département" with no colon: it announces the territories awarded the label as well as an
    intro ending with ':' would. A heading that only names territories ("Les projets des
    territoires") says nothing of what the list holds."""
    if lst.intro is None or "\n" in lst.intro.of(text).strip():
        return False
    heading = lst.intro.of(text).strip(" \t*_#")
    return (len(heading.split()) <= 12 and not re.search(r"[.:;!?,]$", heading)
            and LABELLED_TERRITORIES.match(fold(heading)) is not None)


def _next_of_a_described_run(text: str, structure: Structure, lst: ListBlock, territory_lists: set[int]) -> bool:
    """'• Name A' / a paragraph about A / '• Name B' / a paragraph about B: each bulleted name
    followed by its description ends a list of one item, the next one's intro being that
    description. A one-item list with the same marker right after a one-item list of territories,
    only sentences between them (no heading, no colon), goes on with the run."""
    if lst.id == 0 or lst.id - 1 not in territory_lists or lst.intro is None or len(lst.items) != 1:
        return False
    previous = structure.lists[lst.id - 1]
    if len(previous.items) != 1 or previous.items[0].marker != lst.items[0].marker:
        return False
    between = [line for line in text[previous.span.end:lst.intro.end].splitlines() if line.strip()]
    return bool(between) and all(SENTENCE_END.search(line) for line in between)


def _under_a_field_heading(text: str, lst: ListBlock, item: Item) -> bool:
    """'Localisation' / '• Bastia (2B)' then 'Programme' / '• …' under a page's title: the item
    is the value of a field that says where the news is, not a territory the title's list holds."""
    above = [heading for heading in lst.headings if heading.start < item.span.start]
    if not above:
        return False
    heading = max(above, key=lambda h: h.start).of(text)
    return _field_heading(heading) and _keyword_decides(heading) == OTHER


def _under_a_members_heading(text: str, lst: ListBlock, item: Item) -> bool:
    """'• X, qui regroupe trois intercommunalités :' over '– la CA …' items: under a
    territory's line announcing its members, the items marked otherwise than it or indented deeper
    are members (an item marked as it, the next territory, is not: "2." under "1. X, porté par :")."""
    above = [heading for heading in lst.headings if heading.start < item.span.start]
    if not above:
        return False
    heading = max(above, key=lambda h: h.start)
    written = heading.of(text).rstrip()
    if not written.endswith(":") or not TRIGGER_WORD.search(written):
        return False
    heading_line = text[text.rfind("\n", 0, heading.start) + 1:heading.start]
    item_indent = item.span.start - text.rfind("\n", 0, item.span.start) - 1
    return _marker_kind(item.marker) != _marker_kind(heading_line.strip()) \
        or item_indent > len(heading_line) - len(heading_line.lstrip())


def _marker_kind(marker: str) -> str:
    """'2.' is marked as '1.' ("1. X, porté par :" / "   - A" / "2. Y"): a number's mark, not its figure."""
    number = NUMBER_MARKER.fullmatch(marker)
    return number["mark"] if number else marker


# "Territoire de l'Ouest – l'ancien TCO – et Cirest": a gloss between spaced dashes
DASH_GLOSS = re.compile(r"[ \t]+[–—-][ \t]+[a-zà-ÿ][^–—\n;:]{0,80}?[ \t]+[–—-](?=[ \t])")
# Where a gloss starts in an inline list's item: a bracket, a comma before lower case ("Vienne
# Condrieu, porté par …"), a place after "à" ("Saint-André à La Réunion").
INLINE_GLOSS = re.compile(r"\s*[([]|\s*,\s+(?=[a-zà-ÿ])|\s+à\s+(?=(?:la\s+|le\s+|l['’])?[A-ZÀ-Ý])")


# The coordinator opening the last item of an inline list parted by ';': "; et enfin la Basse-Terre",
# "; enfin l'Ouest guyanais, dont …".
LEADING_COORDINATOR = re.compile(r"\s*(?:(?:et|puis|ainsi\s+que)(?:\s+(?:enfin|encore|aussi|surtout))?|enfin)\s+(?=\S)")
# An enumeration mark opening an inline list's item: "(a)", "b)", "(2)", "3)".
INLINE_MARKER = re.compile(r"\s*\(?(?:[a-z]|\d{1,2})\)\s+")


def _prose_after_name(text: str, name_start: int, item_end: int) -> bool:
    """'Limoges Métropole et ELAN misent sur le développement industriel', 'lancement de l'acte
    II en Centre-Val de Loire': an item in lower case (but a geographic head: "le bassin de
    Brive-Périgord"), or with words in lower case after its capitalised name, is a sentence
    ("Gard rhodanien" keeps one)."""
    if text[name_start].islower():  # "l'agglomération orléanaise": a head and a demonym name a place too
        return not (GEOGRAPHIC_HEADS.match(fold(text[name_start:name_start + 30]))
                    or head_and_adjective_of_place(text[name_start:item_end].strip(" \t\n.,;")))
    run_end = capitalised_run(text, name_start, item_end)
    residue = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[run_end:item_end])
               if w[0].islower() and w not in CONNECTORS]
    return len(residue) >= 2


def _comma_spans(text: str, start: int, end: int, every_et: bool) -> list[tuple[int, int]]:
    """'A, B, C et D': split on the commas, then the last piece on its last " et " (French joins
    only the last two items with "et": "Sud et Ouest Creuse, Val de Garonne" keeps its "et");
    `every_et` splits on every " et " instead."""
    if every_et:
        return _known_names_joined(text, split_inline_list(text, start, end, r",\s+|\s+et\s+"))
    spans = split_inline_list(text, start, end, r",\s+")
    if spans:
        pieces = _known_names_joined(text, split_inline_list(text, *spans[-1], r"\s+et\s+"))
        if len(pieces) > 1:  # the last "et" left between the pieces coordinates
            spans[-1:] = [(pieces[0][0], pieces[-2][1]), pieces[-1]]
    return spans


def _counted_spans(text: str, start: int, end: int, stated: int) -> list[tuple[int, int]]:
    """'A, B et C' read with its count: the first `stated` - 2 commas, then the first " et " part
    the names, so that the last name may hold commas and "et" ("A, B et Trois vallées de X, Y et
    Z" is three names, "A et B, C et D" two); the name before that "et" holds no comma."""
    commas = split_inline_list(text, start, end, r",\s+")
    if stated < 2 or len(commas) < stated - 1:
        return []
    head, rest = commas[:stated - 2], (commas[stated - 2][0], end)
    last = split_inline_list(text, *rest, r"\s+et\s+")
    if len(last) < 2:
        return []
    joint = re.search(r"\s+et\s+", text[rest[0]:end])
    if "," in text[rest[0]:rest[0] + joint.start()]:
        return []  # "…, A, B et C de D": a comma after the last but one, no "et" parts them
    return head + [(rest[0], rest[0] + joint.start()), (rest[0] + joint.end(), end)]


def _known_names_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts joined by " et " that together are an EPCI's name are one part: "le Pays de Vannes et
    Lamballe Terre et Mer" is two names, not "Lamballe Terre" and "Mer"."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and ET_JOINT.fullmatch(text, joined[-1][1], span[0]) \
                and is_epci_name(text[joined[-1][0]:span[1]]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


# "CAP NORD : Communauté d'Agglomération du Pays Nord Martinique": a territory's name, a colon, then
# the one intercommunality it is made of, written with its legal form.
LABEL_THEN_COLON = re.compile(r"[ \t]*(?P<label>[^\n:;]{0,60}?)[ \t]*:[ \t]*")


def _label_of_an_intercommunality(text: str, start: int, end: int) -> int | None:
    """The end of the label of an item "Name : Communauté de … X", or None when the item is not so
    written; the item's start when the label is empty (": Communauté de …", a line cut before it)."""
    labelled = LABEL_THEN_COLON.match(text, start, end)
    if not labelled or legal_form_end(text, fold(text), labelled.end()) is None:
        return None
    label = labelled.group("label")
    if label and (not label[0].isupper() or is_place_name(label)):
        return None  # "Mayenne : Communauté de communes …": a place heading the members it holds
    return labelled.end("label")


BRACKET_NEXT = re.compile(r"[ \t]*\(")
# "… : l'Ouest, porté par la CA X ; l'Est, porté par la CA Y": the intercommunality that carries it
CARRIER_NEXT = re.compile(r"[ \t]*,[ \t]*(?:port|pilot|anim)[ée]e?[ \t]+par[ \t]")


def _colon_list_items(text: str, start: int, end: int, stated: int | None,
                      intro_start: int) -> list[TerritoryMention]:
    """Names of an inline list: split on ';' first; on ',' and the last 'et' ("A, B et C"), on
    the count's commas and first 'et' (_counted_spans), on ',' alone, or on every 'et', when ';' gives one item or fewer than the stated count ("les 14
    territoires suivants : A, Sud et Ouest Creuse, …, N", "2 autres territoires : A et B (...) ;").
    With a stated count, the first split giving that many names, each part one, wins. A gloss set
    off by spaced dashes, opening in lower case, is blanked first: its "et" and commas part no
    names ("A – l'agglomération troyenne et le Barséquanais – et B"); so is an adverb set off by
    commas after the closing 'et' ("A, B et, donc, C")."""
    for gloss in (DASH_GLOSS, CLOSING_INCISE):
        if gloss.search(text, start, end):
            text = text[:start] + gloss.sub(lambda m: " " * len(m.group(0)), text[start:end]) + text[end:]

    def names(spans, glossed=False):
        found = []
        for item_start, item_end in spans:
            marker = INLINE_MARKER.match(text, item_start, item_end)
            item_start = marker.end() if marker else item_start  # "(a) Bourgogne Industrie ; (b) …"
            joint = LEADING_COORDINATOR.match(text, item_start, item_end)
            item_start = joint.end() if joint else item_start  # "… ; et enfin la Basse-Terre, où …"
            labelled = _label_of_an_intercommunality(text, item_start, item_end)
            if labelled is not None:  # "CACEM : Communauté d'Agglomération du Centre Martinique"
                if labelled == item_start:
                    continue  # ": Communauté d'Agglomération du …": a line cut before its label
                item_end = labelled
            gloss = INLINE_GLOSS.search(text, item_start, item_end)
            name_end = gloss.start() if gloss else item_end
            # items parted by ';' may hold a gloss with commas: "Est du Loiret qui inclut
            # notamment Montargis, Gien et Sully-sur-Loire ; Orléans Métropole"
            gloss = GLOSS_WORD.search(fold(text), item_start, name_end) if glossed else None
            name_end = gloss.start() if gloss else name_end
            # "Les deux territoires … sont reconduits : Ouest (TCO) ; Est (CIREST)", "… : l'Ouest, porté
            # par la CA X ; l'Est, porté par la CA Y": a compass word alone glossed by a bracket or by
            # its carrier, in a list the count sizes, names a territory
            mention = make_mention(text, item_start, name_end, "territory.colon_list", (), end, (intro_start, start),
                                   lone_compass=stated is not None and (BRACKET_NEXT.match(text, name_end, item_end)
                                                                        or CARRIER_NEXT.match(text, name_end, item_end)) is not None)
            # "deux binômes : Patrice Laurent, président de la CC Lacq-Orthez, …": people
            if mention and not _prose_after_name(text, mention.start, name_end) \
                    and not PERSON_AFTER_NAME.match(fold(text), mention.end):
                found.append(mention)
        return found

    quoted = quoted_items(text, start, end)
    if len(quoted) > 1:  # each quote one name, whatever the count says (_named_one_way)
        by_quotes = names(quoted)  # "« Carros » et « Aix-Rousset-Gardanne ; Istres-Fos-Marignane »"
        if len(by_quotes) == len(quoted):
            return by_quotes
    # "deux territoires : « A » au sud, et, autour de X, « B »": a list opening with a quote, with
    # words between its quotes, holds as many quoted names as its count says
    quoted = _all_quoted(text, start, end) if stated is not None and text[start:end].lstrip().startswith("«") else []
    if len(quoted) == stated and len(by_quotes := names(quoted)) == stated:
        return by_quotes
    by_semicolon = names(split_inline_list(text, start, end, r"\s*;\s*"), glossed=";" in text[start:end])
    if len(by_semicolon) > 1 and (stated is None or len(by_semicolon) == stated):
        return by_semicolon
    first_item_end = text.find(";", start, end)
    first_item_end = end if first_item_end < 0 else first_item_end
    relative = RELATIVE_GLOSS.search(text, start, first_item_end)
    if relative:  # "… : le Grand Chalon et Bourgogne Industrie, qui associe A, B et C."
        first_item_end = relative.start()
    splits = [_comma_spans(text, start, first_item_end, every_et=False),
              split_inline_list(text, start, first_item_end, r",\s+"),
              _comma_spans(text, start, first_item_end, every_et=True)]
    if stated is not None:
        splits.append(split_inline_list(text, start, end, r"\s*;\s*|,\s+|\s+et\s+"))
        splits.append(_semicolons_then_last_et(text, start, end))
        splits.append(_dash_parted(text, start, end, stated))
        read = [(spans, names(spans)) for spans in splits]
        counted = _counted_spans(text, start, first_item_end, stated)
        exact = next((found for spans, found in [read[0], (counted, names(counted)), *read[1:]]
                      if len(found) == len(spans) == stated
                      and not any(_joins_two_intercommunalities(text, s, e) or CLOSED_THEN_NAME.search(text, s, e)
                                  or _joins_a_name_after_its_article(text, s, e, read[0][0])
                                  or _cuts_a_bracket(text, s, e) for s, e in spans)), None)
        # "la CA de Bastia (CAB), en Haute-Corse, et la CA du Pays Ajaccien": glosses between names
        loose = next((found for spans, found in (read[2], read[3])
                      if len(found) == stated and not any(_cuts_a_bracket(text, s, e) for s, e in spans)), None)
        glossed = _glossed_spans(text, start, end) if not (exact or loose) else []
        if len(glossed) == stated and len(found := names(glossed)) == stated \
                and not any(_joins_two_intercommunalities(text, s, _gloss_start(text, s, e)) for s, e in glossed):
            return found  # "l'Est du Loiret (A, B), Orléans Métropole – X, qui associe A et B, et le Nord Loiret"
        if not (exact or loose) and len(read[0][1]) == len(read[0][0]) > 1 \
                and any(_joins_a_name_after_its_article(text, s, e, read[0][0]) for s, e in read[1][0]):
            return read[0][1]  # "deux territoires : A, B et l'C": three names, whatever the count says
        if not (exact or loose):
            miscounted = _miscounted_list(text, stated, by_semicolon, read[0])
            if miscounted:
                return miscounted
        return exact or loose or by_semicolon
    # No count to check against: "A, B et C" is three names when every part reads as one ("Kourou
    # et Cayenne (Guyane)" two).
    if len(by_semicolon) <= 1:
        for spans in (_glosses_joined(text, splits[2]), _glosses_joined(text, splits[0])):
            found = names(spans)
            if len(found) == len(spans) > 1:
                return found
    return by_semicolon


def _named_one_way(text: str, start: int, end: int, names: list[TerritoryMention]) -> bool:
    """Whether an inline list's names can be read one way only, whatever its count says (the gate
    then weighs the count against them): each name in its own quotes ("trois territoires : « A »,
    « B », « C » et « D »" names four: a quote holds one name), or parted by ';' alone
    (_named_between_semicolons)."""
    quoted = quoted_items(text, start, end)
    if len(quoted) > 1:
        return len(names) == len(quoted) and all(s <= name.start < name.end <= e
                                                 for (s, e), name in zip(quoted, names))
    return _named_between_semicolons(text, start, end, names)


def _named_between_semicolons(text: str, start: int, end: int, names: list[TerritoryMention]) -> bool:
    """Whether an inline list is parted by ';' alone (outside brackets), each part one name with no
    comma nor "et" of its own: "les trois territoires suivants : A ; B ; C ; D" names four, whatever
    its count says (a name holds no ';'); commas and "et" may join or part names, so a list holding
    them stays sized by its count."""
    masked = text[:start] + GLOSS_BRACKET.sub(lambda m: " " * len(m.group(0)), text[start:end])
    parts = split_inline_list(masked, start, end, r"\s*;\s*")
    if len(parts) < 2 or len(names) != len(parts) or any(re.search(r",|\bet\b", masked[s:e]) for s, e in parts):
        return False
    return all(s <= name.start < name.end <= e for (s, e), name in zip(parts, names))


# Names parted by spaced dashes alone: "suivants : Ouest Cornouaille – Pays de Morlaix – Lannion-Trégor – …"
DASH_PARTING = re.compile(r"[ \t]+[–—][ \t]+")
DASH_PARTED_FROM = 3  # names at least: "deux territoires : Flers – Argentan" is one name, or a list cut short


def _dash_parted(text: str, start: int, end: int, stated: int) -> list[tuple[int, int]]:
    """'les quatre territoires suivants : A – B – C – D': the pieces between spaced dashes, when
    nothing else parts the list (no ';', comma nor 'et') and they are as many as its count says,
    three or more; a spaced dash also joins the places of one name ("Flers – Argentan et L'Aigle
    – Mortagne"), so fewer or more pieces than the count part nothing."""
    if stated < DASH_PARTED_FROM or re.search(r"[;,]|\bet\b", text[start:end]):
        return []
    spans = split_inline_list(text, start, end, DASH_PARTING.pattern)
    return spans if len(spans) == stated else []


def _semicolons_then_last_et(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'A ; B, C ; D et E': items parted by ';', the last two joined by ' et ' as the list closes
    (read only where the count asks for it: 'Sud et Ouest Creuse' is one name)."""
    spans = split_inline_list(text, start, end, r"\s*;\s*")
    last = split_inline_list(text, *spans[-1], r"\s+et\s+") if len(spans) > 1 else []
    return spans[:-1] + last if len(last) == 2 else spans


FOLLOWING_LIST = re.compile(r"(?:suivants|ci-dessous)\s*:", re.IGNORECASE)
# A long list's count a writer may miss by one ("les 15 territoires suivants : A, B, …" naming 14).
MISCOUNTED_FROM = 5


def _miscounted_list(text: str, stated: int, by_semicolon: list[TerritoryMention],
                     natural: tuple[list[tuple[int, int]], list[TerritoryMention]]) -> list[TerritoryMention] | None:
    """The names of a long inline list whose count no split matches but its natural one (on ';',
    else on ',' and the last 'et') misses by one, every part reading as a name: the writer
    miscounted (the gate weighs the count against the list); a shorter list's count is more
    often right and its split wrong."""
    spans, found = natural
    if len(by_semicolon) > 1:
        spans, found = None, by_semicolon
    elif len(found) != len(spans) or any(_joins_two_intercommunalities(text, s, e) or _cuts_a_bracket(text, s, e)
                                         for s, e in spans):
        return None
    return found if stated >= MISCOUNTED_FROM and abs(len(found) - stated) == 1 else None


# An item's gloss after its name: a bracket, or a comma then a word in lower case ("qui associe",
# "autour de"); where it starts the name ends.
def _gloss_start(text: str, start: int, end: int) -> int:
    gloss = INLINE_GLOSS.search(text, start, end)
    return gloss.start() if gloss else end


# A name opens with a capital, after its article at most; after a gloss, the next one with "et".
NAME_OPENS = re.compile(r"(?:l['’]\s*|la\s+|le\s+|les\s+)?[A-ZÀ-Ý«\"]")
ET_THEN_NAME = re.compile(r"et\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?[A-ZÀ-Ý«\"]")


def _glossed_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'A (x, y), B, qui associe C et D, et E, autour de F': items whose names are each glossed by
    a bracket or a clause opening in lower case after a comma; the commas and "et" of a bracket or
    a clause part no names. A clause runs on until ", et" opens a name, so the items end there;
    none when no clause opens (the plain splits read that list)."""
    masked = text[:start] + GLOSS_BRACKET.sub(lambda m: " " * len(m.group(0)), text[start:end])
    spans: list[tuple[int, int]] = []
    in_gloss = glossed = False
    for piece_start, piece_end in split_inline_list(masked, start, end, r",\s+"):
        if not (NAME_OPENS.match(text, piece_start, piece_end) or ET_THEN_NAME.match(text, piece_start, piece_end)):
            if not spans:
                return []
            spans[-1] = (spans[-1][0], piece_end)  # "qui associe …", "autour de …": the name's gloss
            in_gloss = glossed = True
        elif in_gloss and not ET_THEN_NAME.match(text, piece_start, piece_end):
            spans[-1] = (spans[-1][0], piece_end)  # a comma inside the clause
        else:
            spans.append((piece_start, piece_end))
            in_gloss = False
    return spans if glossed else []


def _glosses_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"A, porté par la communauté d'agglomération de A, et B": a piece opening with a gloss clause
    (GLOSS_CLAUSE) belongs to the name before it, as that item's gloss; its commas part no names."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and GLOSS_CLAUSE.match(fold(text[start:end])) and not text[start].isupper():  # "Centre Littoral" is a name
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


# A relative clause glossing the last name of an inline list: its commas part no names.
# "…, ce dernier s'étendant aussi sur le Rhône": a gloss about the last name, as a relative one
RELATIVE_GLOSS = re.compile(r",\s+(?:qui|dont|lequel|laquelle|lesquels|lesquelles"
                            r"|ce\s+dernier|cette\s+derni[èe]re|ces\s+derni(?:er|[èe]re)s|celui-ci|celle-ci)\s")


# "A (02) et B (02)": a bracket closes a name; what a separator adds after it
# is another name, which a count must not join to it.
CLOSED_THEN_NAME = re.compile(r"\)\s*(?:[,;]\s*|(?:et|ou)\s+)(?:et\s+)?(?:l['’]\s*|la\s+|le\s+|les\s+)?[A-ZÀ-Ý«\"]")


# "… : Val de Garonne, Fumel – Vallée du Lot et l'Agenais": after the last "et" of a list, an
# article opens another name (also read by stated_counts).
ET_ARTICLE = r"\s+et\s+(?:l['’]\s*|la\s+|le\s+|les\s+)"
ET_ARTICLE_NAME = re.compile(ET_ARTICLE + r"(?=[A-ZÀ-Ý])")


def _joins_a_name_after_its_article(text: str, start: int, end: int, natural: list[tuple[int, int]]) -> bool:
    """Whether a span a count would make one name ends with "et" and an article before a name that
    the list's natural reading (commas, then its last "et") gives as a name of its own: "Fumel –
    Vallée du Lot et l'Agenais" is two names, whatever the count; a name holding "et" before an
    article in the middle of a list ("A, Pays de X et la Y, B") is not concerned."""
    joint = ET_ARTICLE_NAME.search(text, start, end)
    return joint is not None and bool(natural) and natural[-1][1] == end and natural[-1][0] >= joint.end() - 8 \
        and natural[-1][0] > joint.start()


def _cuts_a_bracket(text: str, start: int, end: int) -> bool:
    """Whether a piece opens a bracket it does not close, or closes one it did not open: a split
    inside "(Pré-en-Pail-Saint-Samson, Villaines-la-Juhel)", whose commas part no names."""
    return text.count("(", start, end) != text.count(")", start, end)


def _joins_two_intercommunalities(text: str, start: int, end: int) -> bool:
    """'Centre Morbihan Communauté et Ploërmel Communauté' (or with a comma): two names, each with
    its type word, that a wrong count must not make one (a name holding "et" without type words
    stays one)."""
    for joint in (ET_JOINT.search(text, start, end), re.compile(r",\s+").search(text, start, end)):
        if joint and MEMBER_WORD.search(text, start, joint.start()) and MEMBER_WORD.search(text, joint.end(), end):
            return True  # also "Laval Agglomération, Mayenne Communauté"
    return False


QUOTED_ITEM = re.compile(r"[«“]\s*([^«»“”\n]{2,120}?)\s*[»”]")  # French or typographic quotes
BETWEEN_QUOTED = re.compile(r"\s*(?:[,;]\s*)?(?:(?:et|ou)\s+)?")
# what may follow the last quote of a list: nothing but punctuation, or the sentence's predicate
# ("« A », « B » et « C », ont été labellisés", "« A » et « B » rejoignent …"), a word in lower
# case other than "et"/"ou", which would go on with the list ("« A », « B » et trois autres")
AFTER_QUOTED_LIST = re.compile(r"[\s.;,]*(?:$|(?<![;.])\s(?!(?:et|ou)\b)[a-zà-ÿ])")


def quoted_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The insides of quotes that make up a whole inline list, joined by ',', ';', 'et' or 'ou':
    each quote holds one name, whatever it holds itself."""
    spans, pos = [], start
    for quote in QUOTED_ITEM.finditer(text, start, end):
        if not BETWEEN_QUOTED.fullmatch(text, pos, quote.start()):
            break
        spans.append(quote.span(1))
        pos = quote.end()
    return spans if spans and AFTER_QUOTED_LIST.match(text[pos:end]) else []


def _all_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The insides of every quote opening in [start, end)."""
    return [span for quote in re.finditer("«", text[start:end]) if (span := quoted_name(text, start + quote.start()))]


# Any other "intro : A, B et C" or "..., il s'agit de A, B et C" in running text.
# "Les territoires retenus dans l'Hérault et le Gard sont A (34) ; B (30) ; C (30).": "sont"
# after a subject of territories.
# (an intro starts where the blanks before its colon start, never inside them: a run is read once)
# "Plusieurs d'entre eux ont présenté leurs réalisations :" closing its line over a line of names
# "A (Aveyron, Cantal), B (Aube) … et C (Haute-Corse)." is as well such a list (no bullet: no list block).
INLINE_INTRO = re.compile(r"(?!(?<=[^\S\n])[^\S\n])[^\S\n]*:(?:[^\S\n]+|[^\S\n]*\n(?=[A-ZÀ-Ý«]))(?=\S)|\b[Ii]l\s+s['’]agit\s+(?:de\s+|des\s+|du\s+|d['’]\s*)(?=[A-ZÀ-Ý])"
                          r"|(?P<verb>\bsont\s+)(?=[A-ZÀ-Ý])")
COUNT_WORD = with_first_letters(re.compile(r"\b(\d{1,3}|" + "|".join(COUNT_WORDS) + r")\b(?![,.]\d)", re.IGNORECASE))
# "Phase 2 des Territoires d'industrie :", "l'acte 2 du programme": the programme's act, no count
PROGRAMME_ACT = re.compile(r"\b(?:phase|acte|saison)\s+\d{1,2}\b", re.IGNORECASE)


def _list_end(text: str, start: int) -> int:
    """An inline list ends at a full stop, a bulleted line or a closing quote that ends its
    paragraph ("… : « A » et « B »" then a blank line, no full stop) or an ellipsis ("…, Pôle
    emploi, France stratégie…" then a new paragraph); it may go on over the lines
    of a PDF's narrow column ("Flandres" then "Saint-Omer et Bresle-Vimeu", a blank line between),
    not into a line opening with a label and a colon, the next list's intro ("Sarthe : A, B" then
    "Mayenne : C, D")."""
    rest = text[start:start + MAX_INLINE_LIST_CHARACTERS]
    stop = re.search(r"[.…](?=\s|$)|(?<=[»”\"])[ \t]*\n[ \t]*\n|\n\s*" + BULLET + r"[ \t]|" + LABELLED_LINE, rest)
    return start + (stop.start() if stop else len(rest))


# A line opening with a short label and a colon ("Mayenne : …"): a new list, no item of the one above.
LINE_LABEL = r"[ \t]*[^\W\d][^\n:.,;()]{0,58}?[ \t]*"
LABELLED_LINE = r"\n" + LINE_LABEL + r":[ \t]"


# An inline list is a sentence's end: in a text without full stops (a table pasted as lines) it
# would run to the text's end from every colon, and its items grow with the text (quadratic).
MAX_INLINE_LIST_CHARACTERS = 3000



# "… ont été rejoints par un troisième : Rumilly-Usses et Rhône, qui …", "… en compte un : A, où …":
# one name announced, whose "et" parts nothing.
ONE_ANNOUNCED = re.compile(r"\b(?:un|une)\s+(?:autre|nouveau|nouvel|nouvelle|seul|seule|dernier|derni[èe]re"
                           r"|deuxi[èe]me|second|seconde|\w+i[èe]me)(?:\s+territoire)?\s*$"
                           # "Le département en compte un : X, où …": a count of one
                           r"|\b(?:en\s+)?compte(?:nt)?\s+(?:un|une|1)(?:\s+seule?)?(?:\s+territoire(?:\s+d['’]\s*industrie)?)?\s*$",
                           re.IGNORECASE)


# One territory spoken of ("Derrière ce territoire :", "Le territoire d'industrie X a été
# labellisé." before "Il s'agit de A, B et C"): a list of EPCIs after it is its members (folded)
ONE_TERRITORY = re.compile(r"\b(?:ce|le|du|au|son|notre|cet|un)\s+territoire\b(?!s)")
# several territories spoken of: "trois territoires (d'industrie)", "les territoires retenus" (not
# the programme's name: "le programme Territoires d'industrie")
TERRITORIES_NOUN = re.compile(r"\b(?:les|des|ces|ses|\d+|" + "|".join(COUNT_WORDS) + r")"
                              r"\s+(?:[a-z]+\s+)?territoires\b|\bterritoires\b(?!\s+d'\s*industrie\b)")
# "Pour X :", "Côté Y :": the intro of one name's list (original text)
FOR_ONE_NAME = re.compile(r"\s*(?:[Pp]our|[Cc][ôo]t[ée]|[Cc]oncernant|[Ss]['’]agissant\s+d[eu]s?)\s+(?:(?:le|la|les)\s+|l['’]\s*)?"
                          r"(?:[Tt]erritoire\s+(?:d['’]\s*[Ii]ndustrie\s+)?)?[«\"“]?\s*(?P<name>[A-ZÉÈÀÂÎÔ][^:.;,\n]{1,60}?)[»\"”]?\s*")


# the programme or its label named: what lets a bare count size a list of territories
ABOUT_THE_PROGRAMME = re.compile(PREFIX + r"|\blabel|\bprogramme\b|\bdispositif\b|\bterritoires\b|\bretenu|\bs[ée]lectionn",
                                 re.IGNORECASE)


def _about_the_programme(sentences: str) -> bool:
    """Whether an intro and the sentence before it speak of the programme, its label or
    territories: a count alone then sizes a list of territories ("Le département en compte
    cinq : …"); elsewhere, when every name is a town's, it counts something else ("X se situe à
    moins d'une heure de trois grands pôles économiques : A, B et C", the cities near a place)."""
    return bool(ABOUT_THE_PROGRAMME.search(sentences))


def _a_town(name: str) -> bool:
    """Whether a name is nothing but a town's: its town words (a préfecture's, or one an EPCI is
    named after) and nothing else."""
    words = _town_words_of(name)
    return bool(words) and words <= town_words() and len(name.split()) <= 2


def _for_one_name(text: str, start: int, end: int) -> bool:
    """Whether an intro is "Pour X" of one name that is no département or région ("Pour la
    Sarthe :" may announce its territories)."""
    intro = FOR_ONE_NAME.fullmatch(text, start, end)
    return bool(intro) and not is_place_name(intro.group("name"))


def _generic_inline_lists(text: str, taken: set[int], structure: Structure) -> list[TerritoryMention]:
    """A list after a colon (or "il s'agit de") in running text: the intro's sentence announces
    territories, or says nothing and the sentence before does; a count in the intro must then
    equal the number of names, and every part must read as a name; a labelled line right under
    a list read so goes on with the lists ("Sarthe : A, B" then "Mayenne : C, D"); EPCIs listed
    about one territory are its members, no territories."""
    found = []
    last_end = None  # where the last list read ends
    for intro in INLINE_INTRO.finditer(text):
        start = intro.end()
        held = structure.item_at(start)
        if start in taken or (held and held[0].kind != "inline"):
            continue  # a list item's "label : value" is read by the list rule
        sentence_start, sentence = sentence_before(text, intro.start())
        decided = _keyword_decides(sentence + " :")
        if decided == OTHER and SOME_OF_THEM.match(fold(sentence)):
            decided = None  # "Plusieurs d'entre eux ont témoigné de leurs projets :": "eux" decides
        next_line = towns_may_be_counted = False
        if decided in (OTHER, MEMBERS) or (intro.group("verb") and decided != TERRITORIES):
            continue
        counts = [count_value(word) for word in COUNT_WORD.findall(PROGRAMME_ACT.sub(" ", sentence))]
        # "Quatre territoires axonais font partie des 183 Territoires d'industrie … : A, B, C, D":
        # the count a list can have, not the national one
        listable = [count for count in counts if count <= MAX_LISTED_COUNT]
        stated = (listable or counts or [None])[-1]
        if decided is None:
            _previous_start, previous = sentence_before(text, len(text[:sentence_start].rstrip()))
            anaphora = re.match(r"\s*il\s+s", text[intro.start():], re.I) and found
            next_line = last_end is not None and re.fullmatch(r"[ \t]*\n" + LINE_LABEL, text[last_end:intro.start()])
            if not (_keyword_decides(previous) == TERRITORIES or anaphora or stated is not None or next_line):
                continue
            # a count alone, in sentences that do not speak of the programme, may count towns
            towns_may_be_counted = not (_keyword_decides(previous) == TERRITORIES or anaphora or next_line) \
                and not _about_the_programme(sentence + " " + previous)
        label_start = max(text.rfind(stop, 0, intro.start()) + 1 for stop in "\n:;")
        if re.fullmatch(LINE_LABEL, text[label_start:intro.start()]) and \
                _label_of_an_intercommunality(text, label_start, start + 80) is not None:
            if text[label_start - 1:label_start] in ":;":
                continue  # "… : A : Communauté de … ; B : Communauté de …": an item's own colon
            start = label_start  # "CAP NORD : Communauté d'Agglomération du …" opening its line: the label is the name
        end = _list_end(text, start)
        line_end = text.find("\n", start)
        if next_line and line_end >= 0:  # a line of a run of labelled lines ends with its line
            end = min(end, line_end)
        if ONE_ANNOUNCED.search(text, sentence_start, intro.start()):
            relative = RELATIVE_GLOSS.search(text, start, end)
            found.extend(_colon_list_items(text, start, relative.start() if relative else end, 1, sentence_start)[:1])
            continue
        # separators inside a gloss's brackets part no names: "A (Marne, Haute-Marne et Meuse) ; B";
        # items parted by ";" may hold commas and "et" ("… ; A et des Pays de B.")
        # (masked from the line's start: no bracket masked runs across a line, so what is masked
        # from there is the same as over the whole text, which cost each intro the text's length)
        line_start = text.rfind("\n", 0, start) + 1
        masked = text[:line_start] + GLOSS_BRACKET.sub(lambda m: " " * len(m.group(0)), text[line_start:end])
        separators = r"\s*;\s*" if ";" in masked[start:end] else r"\s*;\s*|,\s+|\s+et\s+"
        relative = RELATIVE_GLOSS.search(text, start, end) if separators != r"\s*;\s*" else None
        parts = _glosses_joined(text, split_inline_list(masked, start, relative.start() if relative else end,
                                                        separators))
        parts = [part for part in parts if not text[part[0]:part[1]].startswith(":")]  # a line cut before its label
        mentions = _colon_list_items(text, start, end, stated, sentence_start)
        if len(mentions) != len(parts) and stated is None and masked[start:end] != text[start:end]:
            # "A (Aveyron, Cantal, Lot), B (Haute-Savoie) … et M (Haute-Corse)": the commas of the
            # brackets part no names, read the names as the brackets masked part them
            mentions = _colon_list_items(masked, start, end, stated, sentence_start)
        if mentions and stated is None and WORDS_BEFORE_THE_FIRST_NAME.search(text, start, mentions[0].start):
            continue  # a title's colon (colon_lists)
        if len(mentions) < 2 or (stated is not None and len(mentions) != stated
                                 and not _named_one_way(text, start, end, mentions)):
            continue
        if towns_may_be_counted and all(_a_town(m.name) for m in mentions):
            continue  # "X se situe à moins d'une heure de trois grands pôles économiques : A, B et C"
        about = sentence if decided else sentence_before(text, len(text[:sentence_start].rstrip()))[1]
        if (ONE_TERRITORY.search(fold(about)) and not TERRITORIES_NOUN.search(fold(about))
                or _for_one_name(text, sentence_start, intro.start())) \
                and all(is_epci_name(m.name) for m in mentions):
            continue  # "Le territoire X a été labellisé. Il s'agit de A, B et C", "Derrière ce territoire :
            # A, B", "Pour X : A, la CC B et la CC C"
        if _lists_the_places_it_counts(sentence, [m.name for m in mentions]):
            continue
        if len(mentions) != len(parts) and stated is None:
            continue
        found.extend(mentions)
        last_end = end
    return found


# "Territoires d'industrie : la Gironde en compte trois": a headline after the programme's name,
# numbered when it is a section of a letter ("1. TERRITOIRE D'INDUSTRIE : LE CONTRAT EST SIGNÉ").
HEADLINE = re.compile(r"[\s#*_]*(?:(?:\d{1,2}|[IVX]{1,4})[.)][ \t]+)?" + PREFIX + r"\s*:", re.IGNORECASE)


# Words between a list's colon and its first name, where an inline list holds at most an article
# or a quote: the colon opens no list of names (a title's, the names further on in its body)
WORDS_BEFORE_THE_FIRST_NAME = re.compile(r"[^\W\d_]{4,}")


def colon_lists(text: str, structure: Structure) -> list[TerritoryMention]:
    found = []
    # "… protocole Territoires d'Industrie le 18 mai — Photo :": a bare intro must announce territories
    bare = [m for m in COLON_LIST_INTRO_BARE.finditer(text)
            if _keyword_decides(sentence_before(text, m.end())[1]) == TERRITORIES]
    intros = {m.end(): m for m in [*COLON_LIST_INTRO.finditer(text), *bare]
              if not _headline_at(text, text.rfind("\n", 0, m.start()) + 1) and not _inside_a_bracket(text, m.end())}
    for intro in intros.values():
        start = intro.end()
        rest = text[start:]
        if re.match(r"[ \t]*\n", rest):
            continue  # nothing on the intro's line: a title, or a list (the list rule reads it)
        stated = stated_count(text, intro.start())
        names = _colon_list_items(text, start, _list_end(text, start), stated,
                                  sentence_before(text, intro.start())[0])  # the intro's sentence
        if names and stated is None and WORDS_BEFORE_THE_FIRST_NAME.search(text, start, names[0].start):
            continue  # "Phase 2 des Territoires d'industrie : l'ouest du X lance …⏎⏎…, le Territoire
            # d'industrie A, B et C a réuni …": a title's colon, its words no list, the names further on
        # "des 144 territoires … autour de 4 axes : …"; a count missed by one only right before
        # "suivants :" (_miscounted_list)
        if stated is None or len(names) == stated or (
                stated >= MISCOUNTED_FROM and abs(len(names) - stated) == 1 and FOLLOWING_LIST.search(intro.group())) \
                or _named_one_way(text, start, _list_end(text, start), names):
            found.extend(names)
    return (found + _generic_inline_lists(text, set(intros), structure) + _prepositional_lists(text)
            + _bracketed_lists(text))



def _headline_at(text: str, line_start: int) -> bool:
    """A line opening with the programme's name and a colon is a headline, unless a hard-wrapped
    sentence goes on there ("La Réunion conserve ses deux⏎Territoires d'industrie : A et B")."""
    return bool(HEADLINE.match(text, line_start)) and not line_goes_on(text, line_start)


def _inside_a_bracket(text: str, position: int) -> bool:
    """'Lorient-Quimperlé (territoire interdépartemental : Morbihan et Finistère) et Pontivy-Loudéac':
    a colon inside a bracket opened on its line glosses the name before the bracket, no list."""
    segment = text[text.rfind("\n", 0, position) + 1:position]
    return segment.count("(") > segment.count(")")


# "Aux six territoires renouvelés (A, B, C, D, E et F) s'ajoutent :": the names a count of
# territories holds in brackets right after it, as many as it says.
BRACKETED_LIST = with_first_letters(re.compile(r"\b(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+territoires(?:\s+d['’]\s*industrie)?"
                                               r"(?:\s+[a-zà-ÿ-]+){0,2}\s*\((?P<names>[A-ZÀ-Ý][^()\n]{3,400})\)", re.IGNORECASE))


# "Les trois territoires d'industrie haut-saônois — Vesoul, Lure – Luxeuil et Gray — regroupent …":
# the same names between two em dashes (the spaced en dash may be part of a name); "Le Morbihan
# compte quatre Territoires d'industrie. Les trois autres — A, B et C — …": the noun left out
# after "autres", when the sentence before speaks of territories; or after a participle of the
# award ("aux quatre déjà labellisés lors de la première phase — A, B, C et D —, tous reconduits").
DASHED_LIST = with_first_letters(re.compile(r"\b(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:territoires(?:\s+d['’]\s*industrie)?"
                                            r"(?:\s+[a-zà-ÿ-]+){0,2}|(?P<others>autres|(?:d[ée]j[àa]\s+|tous\s+)?(?:labellis|retenu|reconduit"
                                            r"|s[ée]lectionn|distingu)[a-zé]*(?:\s+[\w'’-]+){0,6}?))\s*—\s*(?P<names>[A-ZÀ-Ý][^—()\n]{3,400}?)\s*—",
                                            re.IGNORECASE))


def _bracketed_lists(text: str) -> list[TerritoryMention]:
    found = []
    for match in [*BRACKETED_LIST.finditer(text), *DASHED_LIST.finditer(text)]:
        word = match["count"].lower()
        stated = count_value(word)
        intro_start = match.start()
        if match.groupdict().get("others"):
            if not _territories_before(text, match.start()):
                continue  # "les deux autres — A et B —" of anything but territories
            intro_start = text.rfind("\n", 0, match.start()) + 1  # where the place of the count is read
        names = _colon_list_items(text, match.start("names"), match.end("names"), stated, intro_start)
        if len(names) == stated >= 2:
            found.extend(names)
        elif match.re is BRACKETED_LIST:
            names = _colon_list_items(text, match.start("names"), match.end("names"), None, intro_start)
            found.extend(names if _fewer_names_alone(text, match, names, stated) else ())
    return found


# Words in a bracket of names saying it gives some of what was counted: "(Bourges, Vierzon, etc.)".
SOME_OF_THEM_IN_BRACKET = re.compile(r"(?:etc|notamment|dont|par exemple|entre autres|en particulier|ainsi que)|…|\.\.\.")


def _fewer_names_alone(text: str, match: re.Match, names: list[TerritoryMention], stated: int) -> bool:
    """'quatre territoires sont labellisés (Bourges, Vierzon et Berry-Sologne)': fewer names than
    the count in its brackets are still its list (the quality gate compares them), when the
    bracket holds nothing else: each piece between its commas and every 'et' one name, no place
    (the départements the territories lie in), no word giving only some of them."""
    if not 2 <= len(names) < stated:
        return False
    start, end = match.span("names")
    pieces = split_inline_list(text, start, end, r",\s+|\s+et\s+")
    return len(pieces) == len(names) and not SOME_OF_THEM_IN_BRACKET.search(fold(text[start:end])) \
        and not any(is_place_name(name.name) for name in names)


def _territories_before(text: str, position: int) -> bool:
    """Whether the paragraph before `position` speaks of territories (the noun "autres" leaves out)."""
    return re.search(r"\bterritoires?\b", text[text.rfind("\n", 0, position) + 1:position], re.IGNORECASE) is not None


# "Il s'agit des territoires de A-B, de la Plaine de C et des Trois vallées de D, E et F.": each
# name after its own preposition, which alone parts them (a name may hold commas and "et"); so
# after words picking some out of a count ("Dix concernent la région, parmi lesquels les
# territoires de A, de B et de C", "notamment les territoires du A et de B").
OF_NAME = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?=[A-ZÀ-Ý])"
PREPOSITIONAL_INTRO = re.compile(r"\b(?:il\s+s['’]agit|ce\s+sont|à\s+savoir|parmi\s+(?:lesquels|lesquelles|eux|elles),?"
                                 r"|notamment|en\s+particulier)\s+(?:des|les)\s+territoires\s+(?=" + OF_NAME + ")",
                                 re.IGNORECASE)
NEXT_PREPOSITION = r",\s+(?:et\s+)?(?=" + OF_NAME + r")|\s+et\s+(?=" + OF_NAME + r")"


def _predicate_cut(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names subject of their sentence ("parmi eux, les territoires de A et de B poursuivent
    leur démarche"): the last one, holding no comma, ends with its capitalised words; a name with
    commas ("des Trois vallées de D, E et F") closes its sentence and is kept whole."""
    if not spans:
        return spans
    start, end = spans[-1]
    name_start = start + re.match(OF_NAME, text[start:end]).end() if re.match(OF_NAME, text[start:end]) else start
    run_end = capitalised_run(text, name_start, end)
    if "," in text[start:end] or not name_start < run_end < end or not text[run_end:end].strip()[:1].islower():
        return spans
    return spans[:-1] + [(start, run_end)]


def _prepositional_lists(text: str) -> list[TerritoryMention]:
    found = []
    for intro in PREPOSITIONAL_INTRO.finditer(text):
        start = intro.end()
        end = _list_end(text, start)
        spans = _predicate_cut(text, split_inline_list(text, start, end, NEXT_PREPOSITION))
        mentions = [make_mention(text, s, e, "territory.colon_list", (), end, (intro.start(), start)) for s, e in spans]
        if len(spans) >= 2 and all(mentions) and not all(is_place_name(m.name) for m in mentions):
            found.extend(mentions)
    return found


# Who else signs protocols: institutions, never territories.


# A table's column of territories: its header names them ("Territoire d'industrie", "Territoire").
TERRITORY_COLUMN = re.compile(r"(?:nom\s+du\s+|libelle\s+du\s+)?territoires?(?:\s+d'\s*industrie)?")
# "Département", "Départements concernés", "Département(s)", "Dpt", "Dépt(s)", "Dép.": the column of
# its départements (headers are folded)
DEPARTEMENT_COLUMN = re.compile(r"(?:(?:departements?|dpts?|depts?|dep)\.?(?:\s*\(s\))?(?:\s+concern[ée]e?s?)?)")


# "25 / 90", "2B", "974", "64 et 65"
CODES_CELL = re.compile(r"\s*" + DEPARTEMENT_CODE + r"(?:(?:\s*[/,;-]\s*|\s+et\s+)" + DEPARTEMENT_CODE + r")*\s*")
TABLE_CELL = "territory.table_cell"


HEADING_MAX_WORDS = 8


def _heading_departement(text: str, position: int, places: list[PlaceMention]) -> set[str]:
    """The one département a heading right above a table names ("Ain – 2 territoires", a Markdown
    heading as the reader gives it): the table's territories lie there. A sentence above the table
    ("… aux 6 territoires figurant dans le tableau ci-dessous :") is no heading."""
    above = text[:text.rfind("\n", 0, position) + 1].rstrip()
    start = above.rfind("\n") + 1
    line = above[start:].strip(" #*_")
    if not line or len(line.split()) > HEADING_MAX_WORDS or line[-1] in ".:;,!?":
        return set()
    codes = {p.code for p in places if p.kind == "departement" and start <= p.start < len(above)}
    return codes if len(codes) == 1 else set()


# A sentence ending the paragraph above a table that points at it.
POINTS_AT_THE_TABLE = re.compile(r"\b(?:tableau|liste)\s+(?:ci-dessous|ci-apres|suivant|suivante)\s*[.:]?[\s*_]*$")


def _intro_departement(text: str, position: int, places: list[PlaceMention]) -> set[str]:
    """The one département the paragraph right above a table names, when it ends with a colon or
    points at the table and announces territories ("Le Finistère compte quatre territoires … Le
    tableau ci-dessous présente les quatre territoires labellisés :", "… 4 sont situés dans
    l'Aisne. Il s'agit des territoires figurant dans le tableau ci-dessous."), as a list's intro
    places its items. The sentence pointing at the table decides first, by its one département or
    the demonym of its territories ("… un cinquième territoire, interdépartemental avec la Sarthe.
    Les cinq territoires mayennais sont désormais :": 53, not the partner's 72)."""
    above = text[:text.rfind("\n", 0, position) + 1].rstrip()
    start = max(above.rfind("\n\n"), 0)
    paragraph = above[start:]
    if not (paragraph.rstrip(" *_").endswith(":") or POINTS_AT_THE_TABLE.search(fold(paragraph))) \
            or _keyword_decides(paragraph) != TERRITORIES:
        return set()
    last = max(above.rfind(". ", start), above.rfind("\n", start)) + 1
    codes = {p.code for p in places if p.kind == "departement" and last <= p.start < len(above)}
    codes = codes or territories_demonym(fold(above[last:]))
    if len(codes) == 1:
        return codes
    codes = {p.code for p in places if p.kind == "departement" and start <= p.start < len(above)}
    return codes if len(codes) == 1 else set()


def _territory_parts(text: str, parts: list[Span]) -> list[Span]:
    """The parts of a territory cell that name territories: a name, then its members one a line
    ("Thiers – Ambert<br>CC Thiers Dore et Montagne<br>CC Ambert Livradois Forez") gives the name
    alone; parts that are all names of territories ("Caen Industrie ; Lisieux Industrie") all."""
    if not parts or _names_an_epci(text, parts[0]):
        return parts
    return [parts[0]] + [part for part in parts[1:] if not _names_an_epci(text, part)]


def _names_an_epci(text: str, part: Span) -> bool:
    written = part.of(text)
    return bool(TYPE_WORD.search(written)) or is_epci_name(written)


# "Alès (30) — Alès Agglomération", "Comminges-Nestes (31, 65) — composition disponible sur …": a
# line opening with a name and its départements' codes, then a spaced dash and what it says of it.
_CODE = r"(?:\d{2}|2[AB]|97\d)"
CODED_DASH_LINE = re.compile(r"^[ \t*_]*+(?P<name>[A-ZÀ-Ý][^()\n:;.]{1,80}?)[ \t]*\((?P<codes>" + _CODE
                             + r"(?:[ \t]*(?:[-–/,]|et)[ \t]*" + _CODE + r")*)\)[ \t*_]*[—–][ \t]+(?P<value>\S[^\n]*)$",
                             re.MULTILINE)
CODED_DASH_RUN = 3  # lines in a row at least
CODED_DASH_GAP = re.compile(r"\s*(?:[*_#]*[ \t]*[^\W\d_][^\n.:;]{0,40}?[ \t*_]*\n)?\s*")  # blank lines, a short heading


def coded_dash_lines(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """Three lines or more in a row (blank lines or a short heading between them), each opening
    with a name and its départements' codes in brackets, then a spaced dash and its members or a
    remark: a page listing territories one a line ("Béziers-Sète (34) — Béziers Méditerranée, Sète
    Agglopôle Méditerranée"); each name is a territory. A département's or région's name ("Tarn
    (81) — A, B" heads the territories lying there) and a line whose value opens with a number (a
    count) are left out, but for a territory named as its département among them
    (_departement_standing_as_territory)."""
    lines = list(CODED_DASH_LINE.finditer(text))
    runs: list[list[re.Match]] = []
    for line in lines:
        if runs and CODED_DASH_GAP.fullmatch(text, runs[-1][-1].end(), line.start()):
            runs[-1].append(line)
        else:
            runs.append([line])
    found = []
    for run in runs:
        if len(run) < CODED_DASH_RUN:
            continue
        for line in run:
            codes = _codes_in(line["codes"])
            if not codes or line["value"][:1].isdigit() \
                    or is_place_name(line["name"]) and not _departement_standing_as_territory(text, line, run, places):
                continue
            mention = make_mention(text, line.start("name"), line.end("name"), "territory.coded_line", codes,
                                   line.end())
            if mention:
                found.append(mention)
    return found


def _departement_standing_as_territory(text: str, line: re.Match, run: list[re.Match],
                                      places: list[PlaceMention]) -> bool:
    """"Ariège (09) — CC des Portes d'Ariège Pyrénées, Agglomération Foix-Varilhes" among lines
    most of which name no place: a territory named as its département, its bracket that
    département's code alone, its value its members or a remark in lower case ("composition
    disponible sur la fiche du territoire"); "Tarn (81) — Albigeois, Hautes Terres d'Oc" heads the
    territories its value names."""
    named = {p.code for p in places if p.kind == "departement" and line.start("name") <= p.start < line.end("name")}
    if len(named) != 1 or _codes_in(line["codes"]) != named \
            or 2 * sum(is_place_name(other["name"]) for other in run) >= len(run):
        return False
    value = line["value"]
    return value[:1].islower() or _opens_with_legal_form(text, *line.span("value")) \
        or is_epci_name(re.split(r"[,;]", value, maxsplit=1)[0])


def _departement_heading_line(text: str, item: Item, lst: ListBlock, places: list[PlaceMention]) -> bool:
    """A list item that is a "Name (codes) — value" line whose name is a département's or région's
    ("**Gard (30)** — Alès, Pont du Gard / Gard Rhodanien" under "Les Territoires d'industrie par
    département :"): a heading over the territories its value names, as coded_dash_lines reads it,
    but for a territory named as its département (_departement_standing_as_territory)."""
    line_start = text.rfind("\n", 0, item.span.start) + 1
    line_end = text.find("\n", item.span.start)
    line = CODED_DASH_LINE.match(text, line_start, len(text) if line_end < 0 else line_end)
    if line is None or not is_place_name(line["name"]):
        return False
    run = list(CODED_DASH_LINE.finditer(text, lst.span.start, lst.span.end))
    return not _departement_standing_as_territory(text, line, run or [line], places)


# "| 7 | Lacq – Pau – Tarbes (interrégional avec l'Occitanie) |": a remark in lower case in brackets
# closing the cell glosses the name
# (searched from its bracket: no run of blanks read again from each of its blanks)
CELL_GLOSS = re.compile(r"\([a-zà-ÿ][^()\n]*\)[ \t*_]*$")


def table_cells(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.table_cell: the cells of a table's territory column ("Territoire d'industrie |
    EPCI | SIREN de l'EPCI | Département"), with the départements of the row's département cell;
    an empty one under a filled one is that cell merged over both rows ("| Sarthe | A |" then
    "|  | B |")."""
    found = []
    for table in structure.tables:
        column = table.column(text, TERRITORY_COLUMN)
        if column is None:
            continue
        departement = table.column(text, DEPARTEMENT_COLUMN)
        heading = (_heading_departement(text, table.header[0].start, places)
                   or _intro_departement(text, table.header[0].start, places)) if departement is None else set()
        above: set[str] = set()
        for number, row in enumerate(table.rows):
            codes = set(heading)
            if departement is not None:
                cell = row[departement]
                codes = {p.code for p in places if p.kind == "departement"
                         and cell.start <= p.start and p.end <= cell.end}
                if not codes and CODES_CELL.fullmatch(cell.of(text)):
                    codes = _codes_in(cell.of(text))  # "25 / 90"
                if not codes and not cell.of(text).strip():
                    codes = set(above)
                above = codes
            # a name written over two lines of a PDF's column: its pieces joined
            name = mend_line_cuts(table.cell_text(text, number, column)) if (number, column) in table.pieces else None
            # a cell naming several territories of the row's département: "Creusot-Montceau ; Chalon-sur-Saône Bresse"
            parts = [] if name else _territory_parts(text, cell_parts(text, row[column]))
            for part in parts or [row[column]]:
                gloss = CELL_GLOSS.search(text, part.start, part.end)
                end = gloss.start() if gloss and not name else part.end
                while end > part.start and text[end - 1] in " \t":
                    end -= 1
                mention = make_mention(text, part.start, end, TABLE_CELL, codes, row[-1].end, name=name)
                if mention:
                    found.append(mention)
    return found


# "Troyes – Bar-sur-Aube [10 – Aube]" over "Communauté d'agglomération …, communauté de communes …":
# a name and its départements' codes in brackets alone on a line, its members on the next.
CODED_HEAD = re.compile(r"^[ \t*_#]*(?P<name>[A-ZÀ-Ý][^()\[\]\n:;.]{1,80}?)[ \t]*[\[(](?P<codes>[^()\[\]\n]{1,60})[\])][ \t*_]*\n"
                        r"[ \t]*(?P<members>\S[^\n]*)$", re.MULTILINE)


@lru_cache(maxsize=4)
def _coded_heads(text: str) -> tuple[re.Match, ...]:
    """The CODED_HEAD lines whose brackets hold codes only and whose next line opens with an
    intercommunality's legal form, in a text naming the programme; a name that is a place's or
    itself an intercommunality's is left out."""
    if not re.search(PREFIX, fold(text)):
        return ()
    return tuple(line for line in CODED_HEAD.finditer(text)
                 if _is_codes_bracket(line["codes"]) and _opens_with_legal_form(text, *line.span("members"))
                 and not _opens_with_legal_form(text, *line.span("name")) and not is_place_name(line["name"]))


def _members_under_coded_heads(text: str) -> set[int]:
    return {line.start("members") for line in _coded_heads(text)}


def coded_heads(text: str, structure: Structure) -> list[TerritoryMention]:
    """territory.coded_head: a name over its members (CODED_HEAD), one record after another,
    blank lines between them; the block reaches over the members line so they join that name.
    Records in a row opening in a list of the structure (its intro "Deux d'entre eux concernent
    l'Aube :" over the first record only, the blank line ending it) are all of that list, which
    a stated count sizes."""
    found = []
    held = None  # the list the current row of records opens in
    previous_end = None
    for line in _coded_heads(text):
        if previous_end is None or text[previous_end:line.start()].strip():
            held = structure.list_at(line.start("name"))
        previous_end = line.end()
        intro = (held.intro.start if held.intro else held.span.start, held.items[0].span.start) if held else None
        mention = make_mention(text, line.start("name"), line.end("name"), "territory.coded_head",
                               _codes_in(line["codes"]), line.end("members"), intro, held.id if held else None)
        if mention:
            found.append(mention)
    return found
