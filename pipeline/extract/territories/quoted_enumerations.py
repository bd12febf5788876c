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
from pipeline.normalize import fold

# one quote, French or typographic, holding no other quote nor a line break
QUOTE = re.compile(r"«\s*(?P<french>[^«»\n]{2,120}?)\s*»|“\s*(?P<typographic>[^“”«»\n]{2,120}?)\s*”")
# what joins two quotes of one run: a comma, a semicolon, "et" or "ou"
BETWEEN_QUOTES = re.compile(r"\s*(?:[,;]\s*)?(?:(?:et|ou)\s+)?")
MIN_QUOTES = 2
# the programme's name, a labelling verb or joining it (folded text)
ABOUT_THE_LABEL = re.compile(PREFIX + r"|" + AWARD_VERB.pattern + r"|\brejoign\w*|\bintegr\w*\s+(?:le|au)\s+(?:programme|dispositif)")
# a count heading the run and the noun it counts (folded text): "trois territoires (bretons),"
COUNT_HEAD = re.compile(r"\b(?:\d{1,3}|" + "|".join(fold(word) for word in COUNT_WORDS) + r")\s+(?P<noun>[a-z'’-]+)")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _quote_runs(text: str) -> list[list[tuple[int, int]]]:
    """The insides of every run of at least two quotes joined by ',', ';', 'et' or 'ou'."""
    runs, run, last_end = [], [], None
    for quote in QUOTE.finditer(text):
        inside = quote.span("french") if quote.group("french") is not None else quote.span("typographic")
        if run and BETWEEN_QUOTES.fullmatch(text, last_end, quote.start()):
            run.append(inside)
        else:
            if len(run) >= MIN_QUOTES:
                runs.append(run)
            run = [inside]
        last_end = quote.end()
    if len(run) >= MIN_QUOTES:
        runs.append(run)
    return runs


def _counts_something_else(head: str) -> bool:
    """Whether the last count before a run, in its sentence, counts something other than
    territories ("Trois slogans, « … »", "deux mots d'ordre : « … »")."""
    counts = list(COUNT_HEAD.finditer(head))
    return bool(counts) and not counts[-1].group("noun").startswith("territoire")


def quoted_enumerations(text: str) -> list[TerritoryMention]:
    found = []
    for run in _quote_runs(text):
        run_start, run_end = run[0][0] - 1, run[-1][1] + 1
        sentence_start, head = sentence_before(text, run_start)
        stop = SENTENCE_END.search(text, run_end)
        sentence = fold(text[sentence_start:stop.start() if stop else len(text)])
        if not ABOUT_THE_LABEL.search(sentence) or _counts_something_else(fold(head)):
            continue
        names = [make_mention(text, start, end, "territory.quoted_enumeration", (), run_end, (sentence_start, run_start))
                 for start, end in run]
        if all(names):  # a quote that reads as no name (a slogan's words) spoils the run
            found.extend(names)
    return found
