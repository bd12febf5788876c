"""Territories named in a run of quotes inside running prose: "Trois territoires, « A », « B », « C »
et « D », ont été labellisés", "sa liste : « A », « B » et « C » rejoignent le programme", with
« » or “ ” quotes. A quote holds one name, even with commas and "et" inside it.

Quoted words are also slogans, programmes or mottos: a run is read only when its sentence names
the programme or a labelling verb, and no count of anything but territories heads it ("Trois
slogans, « … », « … »")."""
from __future__ import annotations

import re

from pipeline.extract.structure import COUNT_WORDS
from pipeline.extract.territories.common import AWARD_VERB, PREFIX, TerritoryMention, make_mention, sentence_before
from pipeline.extract.territories.lists import QUOTED_ITEM, quoted_items
from pipeline.normalize import fold

MIN_QUOTES = 2
# the programme's name, a labelling verb or joining it (folded text)
ABOUT_THE_LABEL = re.compile(PREFIX + r"|" + AWARD_VERB.pattern + r"|\brejoign\w*|\bintegr\w*\s+(?:le|au)\s+(?:programme|dispositif)")
# a count heading the run and the noun it counts (folded text): "trois territoires (bretons),"
COUNT_HEAD = re.compile(r"\b(?:\d{1,3}|" + "|".join(fold(word) for word in COUNT_WORDS) + r")\s+(?P<noun>[a-z'’-]+)")
CLOSING_QUOTE = re.compile(r"\s*[»”]")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _quote_runs(text: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(first quote's start, sentence's end, the quotes' name spans) of every run of at least two
    quotes that make up a whole list (quoted_items): the quotes joined by ',', ';', 'et' or 'ou', a
    predicate or the sentence's end after them."""
    runs, position = [], 0
    for quote in QUOTED_ITEM.finditer(text):
        if quote.start() < position:
            continue  # inside a run read already
        stop = SENTENCE_END.search(text, quote.end())
        stop = stop.start() if stop else len(text)
        quoted = quoted_items(text, quote.start(), stop)
        if len(quoted) >= MIN_QUOTES:
            runs.append((quote.start(), stop, quoted))
            position = quoted[-1][1]
    return runs


def _counts_something_else(head: str) -> bool:
    """Whether the last count before a run, in its sentence, counts something other than
    territories ("Trois slogans, « … »", "deux mots d'ordre : « … »")."""
    counts = list(COUNT_HEAD.finditer(head))
    return bool(counts) and not counts[-1].group("noun").startswith("territoire")


def quoted_enumerations(text: str) -> list[TerritoryMention]:
    found = []
    for run_start, stop, run in _quote_runs(text):
        sentence_start, head = sentence_before(text, run_start)
        if not ABOUT_THE_LABEL.search(fold(text[sentence_start:stop])) or _counts_something_else(fold(head)):
            continue
        run_end = CLOSING_QUOTE.match(text, run[-1][1]).end()
        names = [make_mention(text, start, end, "territory.quoted_enumeration", (), run_end, (sentence_start, run_start))
                 for start, end in run]
        if all(names):  # a quote that reads as no name (a slogan's words) spoils the run
            found.extend(names)
    return found
