"""Territories a text about the programme gives as examples (territory.example): a heading or a
sentence announcing them ("Quelques exemples", "Les territoires pionniers montrent la voie."),
then sentences each opening on one of them as their subject, after a place complement at most:
"Dans le Tarn, Castres-Mazamet mise sur …", "À cheval sur deux départements, le bassin X
engage …", "Le Pays de Saint-Omer (Pas-de-Calais) a ouvert …", "À Vierzon (Cher), le protocole …"
(a town with its département in brackets, the place the sentence is about). Two such sentences at
least: one alone may be any subject. The announcing words are rules data (territory_words.json,
"examples_intro").

A report's cases may go unannounced, each a paragraph opening on a run-in head, the name and its
département in brackets ("Le Saint-Quentinois (Aisne). Porté par …", "L'Auxerrois (Yonne) – …"):
two such paragraphs at least, their brackets holding départements, give their names.

A sentence opening on some of the territories the text speaks of, or speaking of territories before
", comme", may enumerate examples after "comme" or "à l'image de" ("Les 183 territoires … Certains dépassent les frontières
administratives, comme la Vallée de X, entre A et B, Y, qui réunit …, ou encore Z, qui s'étend
sur …"): each capitalised name opening a piece of the enumeration is one, placed by the
départements its gloss names."""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import Structure
from pipeline.extract.territories.common import (HEAD_ARTICLE, INSTITUTION, PREFIX, WORDS, TerritoryMention, capitalised_run,
                                                 codes_after, is_place_name, make_mention, reads_as_a_place_name)
from pipeline.extract.territories.fronted_place import fronted_place
from pipeline.normalize import fold

EXAMPLES_INTRO = re.compile(WORDS["examples_intro"])  # folded text
SHORT_INTRO_WORDS = 8  # a paragraph this short holding the announcing words stands as a heading
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
ARTICLE = re.compile(r"(?:le|la|les|l['’])\s*(?=[A-ZÀ-Ý])")
# After the subject (its département in brackets at most), a verb in lower case: no apposition.
BRACKET_THEN_VERB = re.compile(r"(?P<bracket>[ \t]*\([^()\n]{1,40}\))?[ \t]+(?=[a-zà-ÿ])")
BRACKET_THEN_COMMA = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*,")
MIN_EXAMPLES = 2
# The announcing words opening their sentence as an adverbial set off by a comma: "À titre
# d'exemple, …", "Par exemple, …" (folded text).
FRONTED_INTRO = re.compile(r"\s*a\s+titre\s+d'\s*exemples?\s*,\s*")
# A run-in head closes after the bracket with a full stop or a dash, then the paragraph goes on.
RUN_IN_HEAD_END = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*(?:\.|[–—])[ \t]+(?=\S)")
# A sentence anywhere in the text, a line's end closing it too (linear on a line without stops).
ANY_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|(?=\n)|$)")
SOME_OF_THEM = re.compile(WORDS["examples_some_of_them"])  # folded text
# The last example's gloss ends where the sentence's predicate goes on: "…, comme la Vallée de X,
# entre A et B, et s'étend à l'outre-mer, où …" (not ", et le Cantal": a place of the gloss).
PREDICATE_GOES_ON = re.compile(r",\s+et\s+(?!(?:le|la|les|l'|l’|du|des|de|d'|d’|en|dans|au|aux)\b)(?=[a-zà-ÿ])")
TERRITORIES_SUCH_AS = re.compile(WORDS["examples_territories_such_as"])  # folded text
EXAMPLES_MARKER = re.compile(WORDS["examples_marker"])  # folded text
# The territories its paragraph speaks of before ("Les 183 territoires labellisés illustrent …").
THEM_BEFORE = re.compile(r"\b(?:territoires|laureats)\b")
# The next piece of an enumeration of examples: ", Y", ", ou encore Y", " et Y" before a capital.
NEXT_PIECE = re.compile(r"(?:,\s*(?:(?:ou|et)\s+(?:encore\s+)?)?|\s+(?:ou|et)\s+(?:encore\s+)?)(?:(?:la|le|les|l['’])\s*)?(?=[A-ZÀ-Ý])")


def example_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    for spans in _announced_stretches(text, folded, structure):
        mentions = [m for start, end in spans for m in [_subject(text, start, end, places)] if m]
        if len(mentions) >= MIN_EXAMPLES:
            found.extend(mentions)
    found.extend(_examples_of_some(text, folded, places))
    heads = [m for m in (_run_in_head(text, block.span.start, block.span.end, places)
                         for block in structure.blocks if block.kind == "paragraph") if m]
    if len(heads) >= MIN_EXAMPLES:
        found.extend(heads)
    return found


def _examples_of_some(text: str, folded: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The names a sentence picking some of the territories just spoken of gives as examples, each
    opening a piece of its enumeration after the marker, with the départements its gloss names.
    One name alone must read as a place's; a place's own name is part of a gloss ("sur le Cantal,
    le Lot et l'Aveyron")."""
    found = []
    for sentence in ANY_SENTENCE.finditer(text):
        start, end = sentence.start() + len(sentence.group(0)) - len(sentence.group(0).lstrip()), sentence.end()
        some = SOME_OF_THEM.match(folded, start, end)
        paragraph_start = text.rfind("\n", 0, start) + 1
        if some and THEM_BEFORE.search(folded, paragraph_start, some.end()):
            marker = EXAMPLES_MARKER.search(folded, some.end(), end)
        else:  # "… plusieurs territoires qui franchissent les limites régionales, comme …"
            such_as = TERRITORIES_SUCH_AS.search(folded, start, end)
            marker = such_as and EXAMPLES_MARKER.match(folded, such_as.end(), end)
        if not marker:
            continue
        names, pos = [], marker.end()
        while pos < end:
            name_end = capitalised_run(text, pos, end) if text[pos].isupper() else pos
            if name_end > pos and not _opens_on_a_place(text, pos, name_end, places):
                names.append((pos, name_end))
            following = NEXT_PIECE.search(text, name_end, end)
            if not following:
                break
            pos = following.end()
        predicate_goes_on = PREDICATE_GOES_ON.search(text, names[-1][1], end) if names else None
        gloss_ends = [start for start, _ in names[1:]] + [predicate_goes_on.start() if predicate_goes_on else end]
        mentions = [m for m in (_example(text, start, name_end, gloss_end, end, places)
                                for (start, name_end), gloss_end in zip(names, gloss_ends)) if m]
        if len(mentions) >= MIN_EXAMPLES or len(mentions) == 1 and reads_as_a_place_name(
                text, mentions[0].start, mentions[0].end, places):
            found.extend(mentions)
    return found


def _opens_on_a_place(text: str, start: int, end: int, places: list[PlaceMention]) -> bool:
    """'le Cantal', 'le Lot et l'Aveyron': a piece of a gloss naming where an example lies."""
    return is_place_name(text[start:end]) or any(p.start == start and p.kind != "country" for p in places)


def _example(text: str, start: int, end: int, gloss_end: int, sentence_end: int,
             places: list[PlaceMention]) -> TerritoryMention | None:
    """One example of an enumeration, placed by the départements its gloss names."""
    if INSTITUTION.match(fold(text[start:end])):
        return None
    codes = {p.code for p in places if p.kind == "departement" and end <= p.start < gloss_end}
    return make_mention(text, start, end, "territory.example", codes, sentence_end)


def _announced_stretches(text: str, folded: str, structure: Structure) -> list[list[tuple[int, int]]]:
    """The sentences (start, end) each announced stretch holds: the paragraphs under an announcing
    heading (or short paragraph), up to the next heading; the sentences after an announcing
    sentence, in its paragraph."""
    stretches = []
    blocks = structure.blocks
    for index, block in enumerate(blocks):
        start, end = block.span.start, block.span.end
        if block.kind not in ("heading", "paragraph") or not EXAMPLES_INTRO.search(folded, start, end):
            continue
        if block.kind == "heading" or len(text[start:end].split()) <= SHORT_INTRO_WORDS:
            sentences = []
            for following in blocks[index + 1:]:
                if following.kind != "paragraph":
                    break
                sentences.extend(_sentences(text, following.span.start, following.span.end))
            stretches.append(sentences)
            continue
        sentences = _sentences(text, start, end)
        announcing = next((i for i, (s, e) in enumerate(sentences) if EXAMPLES_INTRO.search(folded, s, e)), None)
        if announcing is not None:
            stretches.append(_fronted_clauses(text, folded, *sentences[announcing]) + sentences[announcing + 1:])
    return stretches


def _fronted_clauses(text: str, folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses, parted by semicolons, of a sentence the announcing words open as a fronted
    adverbial ("À titre d'exemple, la Vallée de X réunit … ; Y associe … ; Z s'étend sur …"):
    each may open on an example; none when the words stand elsewhere in the sentence."""
    fronted = FRONTED_INTRO.match(folded, start, end)
    if not fronted:
        return []
    clauses, at = [], fronted.end()
    for clause in re.finditer(r"[^;]+", text[at:end]):
        clause_start = at + clause.start() + len(clause.group(0)) - len(clause.group(0).lstrip())
        if clause.group(0).strip():
            clauses.append((clause_start, at + clause.end()))
    return clauses


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
            for m in SENTENCE.finditer(text, start, end) if m.group(0).strip()]


def _subject(text: str, start: int, end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """The name a sentence opens on as its subject, after a place complement at most, or the town
    of an opening "À X (département)," complement."""
    fronted = fronted_place(text, start, end)
    if fronted is not None:
        if fronted.end is None:
            return None
        if not fronted.locates:  # "À Vierzon (Cher), …": the town is what the sentence is about
            name_end = capitalised_run(text, fronted.places_start, end)
            if BRACKET_THEN_COMMA.match(text, name_end):
                return _mention(text, fronted.places_start, name_end, end, places, bracketed=True)
            return None
        start = fronted.end
    article = ARTICLE.match(text, start)
    name_start = article.end() if article else start
    name_end = capitalised_run(text, name_start, end)
    after = BRACKET_THEN_VERB.match(text, name_end)
    if name_end == name_start or not after:
        return None
    return _mention(text, name_start, name_end, end, places, bracketed=bool(after.group("bracket")))


def _run_in_head(text: str, start: int, end: int, places: list[PlaceMention]) -> TerritoryMention | None:
    """The name of a paragraph's run-in head "Le Saint-Quentinois (Aisne). …", after its article,
    when its bracket holds départements."""
    article = HEAD_ARTICLE.match(text, start)
    if not article:
        return None  # "Bressuire (Deux-Sèvres). Un an après …": a press dateline, a town
    name_end = capitalised_run(text, article.end(), end)
    if name_end == article.end() or not RUN_IN_HEAD_END.match(text, name_end, end) \
            or not codes_after(text, name_end, places):
        return None
    name_start = article.end()
    return _mention(text, name_start, name_end, end, places, bracketed=True)


def _mention(text: str, start: int, end: int, sentence_end: int, places: list[PlaceMention],
             bracketed: bool) -> TerritoryMention | None:
    name = text[start:end]
    if is_place_name(name) or INSTITUTION.match(fold(name)):
        return None
    codes = codes_after(text, end, places)
    if not (reads_as_a_place_name(text, start, end, places) or bracketed and codes):
        return None
    return make_mention(text, start, end, "territory.example", codes, sentence_end)
