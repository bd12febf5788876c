"""Territories a press review names only inside the headlines it quotes (territory.quoted_headline):
"• Le Progrès — « Roannais : un label et un chef de projet »", "## « Le Roannais signe son contrat
de Territoire d'industrie » — *Le Progrès*".

A review's items quote other papers' headlines, and the territory a headline is about is often
named nowhere else in the review. A quote is a headline when it is its line's own matter: it
opens the line (after a bullet, a heading's or bold marks) or follows a publisher and a spaced
dash, and it ends the line or a spaced dash follows it (then the publisher); a speaker's words
inside a sentence are no headline. The headline names a territory only when it says the label
is its subject, precision first:
- "Name : …" with a word of the label after the colon ("Val de Fensch : cinq ans de plus pour le
  label"; not "Décolletage : la filière s'inquiète", nor "Territoires d'industrie : 2 150 projets");
- "[Le] Name <verb> son label / son contrat …" ("Le Roannais signe son contrat de Territoire
  d'industrie");
- "<département or région> <verb> son Name" ("L'Aube garde son X"), when the item's
  own lines below speak of "le territoire" ("… reste le pilier du territoire");
- "[Le] Name <word of the label> …" ("Le Pays ajaccien relabellisé jusqu'en 2027");
- "[Le] Name <verb> …" ("Cœur de Maine veut peser entre Laval et Le Mans"), when the item's own
  lines below speak of a territory of the programme they do not name ("le territoire d'industrie
  qui unit A et B"): the headline gives its name.
The name must read as a place's (reads_as_a_place_name) and be no département, région nor the
programme.
"""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.common import (SINGULAR_PREFIX, PREFIX, WORDS, TerritoryMention, capitalised_run, is_place_name,
                                                 make_mention, reads_as_a_place_name)
from pipeline.normalize import fold

RULE = "territory.quoted_headline"
# A line holding a quoted headline: markup, a publisher and a spaced dash maybe, the quote, then
# the line's end or a spaced dash (the publisher after it).
HEADLINE_LINE = re.compile(r"^[ \t]*(?:[-–—•·*>#]+[ \t]+)?(?:\*\*|__)?"
                           r"(?:[^«»\n]{2,80}?[ \t]+[—–-][ \t]+(?:\*\*|\*|_)?)?"
                           r"«[ \t\u00a0]*(?P<headline>[^«»\n]{3,200}?)[ \t\u00a0]*»"
                           r"(?:\*\*|\*|_)*[ \t]*(?:$|[—–-][ \t])", re.MULTILINE)
LABEL_WORDS = re.compile(r"(?<![\w'])(?:" + "|".join(WORDS["quoted_headline_label_words"]) + r")")  # folded text
# "Val de Fensch : …": the name, a colon (French spacing or not), the rest
NAME_THEN_COLON = re.compile(r"(?P<name>[^:]{2,80}?)[ \t\u00a0]*:[ \t\u00a0]+(?P<rest>\S.*)$")
ARTICLE = re.compile(r"(?:le|la|les|l['’])[ \t\u00a0]*", re.IGNORECASE)
# " signe son contrat …", " garde son X": one verb, then a possessive
VERB_THEN_POSSESSIVE = re.compile(r"[ \t\u00a0]+[a-zà-ÿ]+[ \t\u00a0]+(?:son|sa|ses|leur|leurs)[ \t\u00a0]+")
# the item's own lines below its headline speaking of its territory: "… le pilier du territoire"
THE_TERRITORY = re.compile(r"(?<![\w'])(?:le|du|au|ce|notre)\s+territoire(?![\w'])")
SINGLE_TERRITORY = re.compile(r"(?<![\w'])territoire(?![\w'])")
# the item's lines speaking of a territory of the programme without naming it: "le territoire
# d'industrie qui unit …", "le territoire d'industrie, reconnu …" (folded text)
UNNAMED_TERRITORY = re.compile(r"(?<![\w'])(?:le|ce)\s+" + SINGULAR_PREFIX + r"\s*(?:,|qui\b|dont\b|porte\b|forme\b)")
# a verb in lower case right after the headline's subject, then the rest of the headline
SUBJECT_THEN_VERB = re.compile(r"[ \t\u00a0]+[a-zà-ÿ]+(?:[ \t\u00a0]|$)")
SENTENCE = re.compile(r"(?:[^.!?\n]|\n(?![ \t]*\n))+[.!?]?")  # no sentence goes on past a blank line
# the item's lines end at the next list item, heading or rule ("*Publisher*" in italics goes on)
ITEM_END = re.compile(r"\n[ \t]*(?:[-–—•·*>]+[ \t]|#|(?:-{3,}|\*{3,}|_{3,})[ \t]*$)", re.MULTILINE)
MAX_ITEM_BODY = 600


def quoted_headline_names(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    if not re.search(PREFIX, fold(text)):
        return []
    found = []
    lines = list(HEADLINE_LINE.finditer(text))
    for line, following in zip(lines, [*lines[1:], None]):
        start, end = line.span("headline")
        body = (line.end(), _item_end(text, line.end(), following.start() if following else len(text)))
        mention = (_named_before_a_colon(text, start, end, places) or _subject_of_its_label(text, start, end, places)
                   or _kept_by_its_place(text, start, end, body, places)
                   or _subject_of_an_unnamed_territory(text, start, end, body, places))
        if mention:
            mention.departement_codes |= _placed_by_its_item(text, body, places)
            found.append(mention)
    return found


def _item_end(text: str, start: int, limit: int) -> int:
    """End of an item's lines below its headline: the next headline, list item, heading or rule,
    and a paragraph or two at most."""
    limit = min(limit, start + MAX_ITEM_BODY)
    item_end = ITEM_END.search(text, start, limit)
    return item_end.start() if item_end else limit


def _placed_by_its_item(text: str, body: tuple[int, int], places: list[PlaceMention]) -> set[str]:
    """The one département the item's sentences about "territoire" name ("Le seul territoire
    d'industrie d'Indre-et-Loire a été reconduit" under "« Grand Est Touraine : … »"), or none."""
    codes = set()
    for sentence in SENTENCE.finditer(text, *body):
        if SINGLE_TERRITORY.search(fold(sentence.group(0))):
            codes |= {p.code for p in places if p.kind == "departement" and sentence.start() <= p.start < sentence.end()}
    return codes if len(codes) == 1 else set()


def _place_name(text: str, start: int, end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """The mention of a whole name [start, end) that reads as a place's, no département nor région."""
    if capitalised_run(text, start, end) != end:
        return None  # "Aurillac, Figeac et Rodez ont les mêmes problèmes": no one name
    mention = make_mention(text, start, end, RULE, (), end)
    if mention is None or is_place_name(mention.name) \
            or not reads_as_a_place_name(text, mention.start, mention.end, places, mention.name):
        return None
    return mention


def _named_before_a_colon(text: str, start: int, end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """"Roannais : un label et un chef de projet": the name before the colon, the label after it."""
    colon = NAME_THEN_COLON.match(text, start, end)
    if not colon or not LABEL_WORDS.search(fold(colon.group("rest"))):
        return None
    name_start = ARTICLE.match(text, start, colon.end("name"))
    return _place_name(text, name_start.end() if name_start else start, colon.end("name"), places)


def _capitalised_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the capitalised words opening "[Le] Subject …", its article left out."""
    article = ARTICLE.match(text, start, end)
    subject_start = article.end() if article else start
    if not text[subject_start:subject_start + 1].isupper():
        return None
    subject_end = capitalised_run(text, subject_start, end)
    return (subject_start, subject_end) if subject_end > subject_start else None


def _subject_then_possessive(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(subject start, subject end, object start) of "[Le] Subject <verb> son <object>"."""
    subject = _capitalised_subject(text, start, end)
    possessive = VERB_THEN_POSSESSIVE.match(text, subject[1], end) if subject else None
    return (*subject, possessive.end()) if possessive else None


def _subject_of_its_label(text: str, start: int, end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """"Le Roannais signe son contrat de Territoire d'industrie": the subject of a verb whose
    object is its label or contract."""
    parts = _subject_then_possessive(text, start, end)
    if parts is None or not LABEL_WORDS.match(fold(text[parts[2]:end])):
        return None
    return _place_name(text, parts[0], parts[1], places)


def _subject_of_an_unnamed_territory(text: str, start: int, end: int, body: tuple[int, int],
                                     places: list[PlaceMention]) -> TerritoryMention | None:
    """"Le Pays ajaccien relabellisé jusqu'en 2027": the subject of a word of the label; "Cœur de
    Maine veut peser …" over "le territoire d'industrie qui unit A et B": the subject of any verb,
    when the item's lines speak of a territory they do not name."""
    subject = _capitalised_subject(text, start, end)
    verb = SUBJECT_THEN_VERB.match(text, subject[1], end) if subject else None
    if verb is None:
        return None
    labelled = LABEL_WORDS.match(fold(text[verb.start():end]).lstrip())
    if not (labelled or UNNAMED_TERRITORY.search(fold(text[body[0]:body[1]]))):
        return None
    return _place_name(text, *subject, places)


def _kept_by_its_place(text: str, start: int, end: int, body: tuple[int, int],
                       places: list[PlaceMention]) -> TerritoryMention | None:
    """"L'Aube garde son X": a département or a région keeping (or gaining) its
    territory, when the item's lines below speak of "le territoire"."""
    parts = _subject_then_possessive(text, start, end)
    if parts is None or not is_place_name(text[parts[0]:parts[1]]) or not THE_TERRITORY.search(fold(text[body[0]:body[1]])):
        return None
    object_end = capitalised_run(text, parts[2], end)
    return _place_name(text, parts[2], object_end, places) if object_end == end else None


def headlines_named_in_full(mentions: list[TerritoryMention]) -> None:
    """'« Le Bocage garde son label »' over 'la reconduction du territoire Haut Bocage': a
    headline's name that is the last words of one other name of the text is that territory named
    short."""
    for mention in mentions:
        if mention.rule != RULE:
            continue
        longer = {other.name for other in mentions
                  if other.rule != RULE and other.territory_id.endswith("-" + mention.territory_id)}
        if len(longer) == 1:
            mention.name = longer.pop()
