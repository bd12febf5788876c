"""A hostile line (a page saved on one line, runs of hyphens, blanks or line breaks tens of
thousands long) is extracted in bounded time: published, not rejected for its time.

Before the rules' patterns read such runs one way only (possessive runs of blanks and words),
the extraction of these documents took from 24 s to minutes, or never ended, and the run (given
20 s a step here) rejected all four; a rule going super-linear again on one of them has it
rejected and fails the test. A sentence of 3,000 figures (127,000 characters without a full
stop) took 16 s of figure extraction while each figure's scope and inherited unit scanned the
whole sentence; indexes of the document's sentences, places and figures bring it to about 2 s.

A sentence of 8,000 figures (180,000 characters) was rejected for memory though extracted in
5 s: each figure's row held its own copy of its sentence, about 0.6 GB, which the worker could
not pickle for its answer within 1,536 MB; the rows of one sentence now share one string.
Runs of every kind of blank after names spent 4.5 s in one pattern that split each run between
its two runs of blanks (1.8 s for the whole extraction since it reads them once); after a name
ending in a number ("CC du Nom1"), the street-address mask of figures split them three ways and
never ended.

spaCy's tokenizer strips a run's prefixes and suffixes one at a time, searching the rest of the
run each time: a line of 100,000 "(" (or "«", "€", "%", "l'"...) took 173 s and was rejected at the
60 s limit. It is now given such runs in pieces of 200 characters (100,000 "(": 3.7 s of spaCy),
the doc's text unchanged; unit tests below, the whole command would add minutes when it regresses.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import nlp

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [str(Path(sys.executable).with_name("communiques"))]
LIMITS = {"COMMUNIQUES_MAX_MEMORY_MB": "1536", "COMMUNIQUES_MAX_SECONDS": "20"}
BODY = ("\nLe territoire d'industrie Grand Troyes regroupe Troyes Champagne Métropole.\n"
        "Troyes, le 14 novembre 2023\n")
# file -> its text: each shape of line that made a rule backtrack
HOSTILE_LINES = {
    # a title run of hyphenated words: the apposed EPCI name, the hyphenated départements
    "tirets.txt": "Territoire d'industrie " + "A-" * 40_000 + "B" + BODY,
    # a dateline's place of hyphenated words, never followed by its comma
    "lieu.txt": "Communauté de communes " + "a-" * 40_000 + "!" + BODY,
    # blanks and line breaks after a name: "X, membre du …", "X, son président", "à cheval sur"
    "blancs.txt": "Territoire d'industrie Grand Troyes" + " " * 10_000 + "!\n" + "\n" * 10_000 + BODY,
    # a ranked subject of spaced hyphens before a verbless sentence of rank
    "rang.txt": BODY + "Troyes" + " -" * 20_000 + " est la première de France.\n"
                "La première zone de l'Aube à être labellisée Territoire d'industrie.\n",
    # one sentence of 3,000 figures: each figure's scope and unit read the whole sentence
    "nombres.txt": " ".join(f"{i} 000 000 d'euros pour {i} 400 projets" for i in range(3_000)) + BODY,
    # every kind of blank after a name: "X regroupe des intercommunalités …" read each run twice
    "blancs_varies.txt": "".join(f"Territoire d'industrie Grand Troyes{blank * 10_000}!\n"
                                 for blank in (" ", "\t", "\n", "\u00a0", " \n", "\t \u00a0\n")) + BODY,
    # blanks after a name ending in a number: the street-address mask split them three ways
    "blancs_numero.txt": "".join(f"Territoire d'industrie Grand Troyes, la CC du Nom{number}{blank * 10_000}fin"
                                 for number, blank in enumerate(" \t\n\u00a0")) + BODY,
    # a signature's place of hyphenated words ("Fait à Saint-…"): its runs and hyphens split it
    # every way (3,000 "é-": minutes; now 1.3 s)
    "signature.txt": "Fait à " + "é-" * 10_000 + "!" + BODY,
    # one sentence of 8,000 figures placed in départements, no full stop: each row's sentence
    # glosses after the last name of "tout comme …" or "Parmi les territoires …, …": relative
    # clauses a name could end or go on with split every way (40 ", qui a": never ended)
    "gloses.txt": "Le Grand Troyes est reconduit Territoire d'industrie, tout comme Alès" + ", qui a" * 40
                  + " («.\nParmi les territoires reconduits, Alès" + ", qui a" * 40 + " («.\n" + BODY,
    "chiffres_departements.txt": "".join(f"{i} M€ dans le {('Doubs', 'Jura', 'Aube', 'Marne')[i % 4]}, "
                                         for i in range(8_000)) + BODY,
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_lines")
    for name, text in HOSTILE_LINES.items():
        (folder / name).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp("sortie")
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **LIMITS}
    done = subprocess.run(COMMAND + ["run", "--input", str(folder), "--output", str(output)],
                          cwd=ROOT, capture_output=True, text=True, env=environment, timeout=900)
    return done, output


def test_every_hostile_line_is_published_not_rejected_for_its_time(run):
    done, output = run
    assert "Traceback" not in done.stdout + done.stderr, (done.stdout + done.stderr)[-5000:]
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    published = set(documents.loc[documents["status"] == "published", "source"])
    rejections = pq.read_table(output / "rejections.parquet").to_pandas() \
        if (output / "rejections.parquet").exists() else None
    assert published == set(HOSTILE_LINES), None if rejections is None else rejections.to_string()


@pytest.mark.parametrize("unit", ["(", "«", "€", "l'", "a("])
def test_a_long_run_without_blanks_reaches_the_tokenizer_in_bounded_pieces(unit):
    short = unit * (nlp.LONGEST_CHUNK // len(unit))
    text = BODY + unit * 30_000 + "  " + BODY + short + "\n" + unit * 5
    pieces = list(nlp.bounded_pieces(text))
    assert "".join(pieces) == text
    assert max(len(run) for piece in pieces for run in piece.split()) <= nlp.LONGEST_CHUNK
    assert "  " + BODY + short + "\n" + unit * 5 in pieces  # short runs are tokenized as before


def test_a_text_tokenized_in_pieces_keeps_its_characters_and_its_other_tokens():
    run = "(" * 3 * nlp.LONGEST_CHUNK
    text = BODY + run + " " + BODY
    [doc] = nlp.parse([text])
    assert doc.text == text
    plain = [token.text for token in nlp.load().tokenizer.tokenizer(BODY)]
    assert [token.text for token in doc][:len(plain)] == plain
    assert [token.text for token in doc][-len(plain) + 1:] == plain[1:]  # after " \n"
    assert doc[len(plain)].idx == len(BODY)


def test_the_claims_of_a_sentence_of_thousands_of_figures_read_it_once(monkeypatch):
    """Publishing 8,000 figures of one sentence read the sentence once per figure for its dates,
    phase and place in the text (7 minutes in the calling process); now once."""
    from pipeline import as_of, registry

    mentions = [f"{i} M€" for i in range(2_000)]
    sentence = "".join(f"{mention} dans le Doubs en 2024, " for mention in mentions) + "phase 2023-2027"
    text = BODY + sentence + "."
    starts = [text.index(f" {mention} ") + 1 for mention in mentions[1:]]
    figures = [{"doc_id": "d", "scope_code": "25", "sentence": sentence, "unit": "euros",
                "value": float(i), "value_max": None, "approximate": False, "mention": mention,
                "start": start, "end": start + len(mention)}
               for i, (mention, start) in enumerate(zip(mentions, [len(BODY)] + starts))]
    documents = {"d": {"doc_id": "d", "text": text, "published_on": None, "title": "",
                       "status": "published"}}
    reads = []
    monkeypatch.setattr(as_of, "sentence_dates",
                        lambda *args, found=as_of.sentence_dates: reads.append(1) or found(*args))
    rows = registry.claims({"figures": figures, "territories": []}, documents)
    assert len(figures) == 2_000 and len(reads) == 1
    assert len(rows) == 1 and rows[0]["value"] == 1_999.0 and rows[0]["as_of"].year == 2024


def test_a_figure_stretch_is_scanned_for_the_own_region_only_where_its_words_stand(monkeypatch):
    """nombres.txt took 10 s of extraction: each of its 3,000 figures scanned its whole stretch of
    the sentence for "notre région" and the like (one scan per figure, of the whole sentence); the
    places of their words, found once, leave only the stretches that hold them to scan (2 s)."""
    import dataclasses

    from pipeline.extract import figure_scope

    class Counted:
        def __init__(self, pattern):
            self.pattern, self.flags, self.scans, self.found = pattern.pattern, pattern.flags, [], pattern

        def finditer(self, string, start, end):
            self.scans.append((start, end))
            return self.found.finditer(string, start, end)

    words = figure_scope._words()
    own_region = Counted(words.own_region)
    monkeypatch.setattr(figure_scope, "_words", lambda: dataclasses.replace(words, own_region=own_region))
    folded = " ".join(f"{i} 000 000 d'euros pour {i} 400 projets" for i in range(3_000)) + ", dans notre region."
    scope = figure_scope.DocumentScope(folded, [], None, figure_scope.Area("44", "region"))
    stretches = [(match.start(), len(folded) - 60) for match in re.finditer(r"\d+ 000 000", folded)]
    assert all(scope._in(stretch, stretch[0], stretch[0] + 5) is None for stretch in stretches)
    assert own_region.scans == []  # "notre region" stands after every stretch
    assert scope._in((0, len(folded)), 0, 5) == figure_scope.Area("44", "region") and len(own_region.scans) == 1


def _cpu_seconds(function, *args):
    import time
    start = time.process_time()
    function(*args)
    return time.process_time() - start


def test_a_dash_field_line_is_read_once_from_its_start():
    """A line of 10,000 blanks took 35 s in DASH_FIELD (each blank starting a label of each
    length); the label starts after the line's blanks, or three characters before its dash."""
    from pipeline.extract.members import dash_fields

    text = "Grand Troyes — CA Troyes Champagne Métropole, CC X   \n   x — CC Y\n     — CC Z\n"
    assert [(text[f.label.start:f.label.end], text[f.value.start:f.value.end]) for f in dash_fields(text)] == [
        ("Grand Troyes", "CA Troyes Champagne Métropole, CC X"), (" x", "CC Y"), ("  ", "CC Z")]
    for hostile in (" " * 20_000, "Nom — CC " + " " * 20_000 + "x", " " * 20_000 + "— CC x"):
        assert _cpu_seconds(dash_fields, hostile) < 1


def test_a_run_of_capitalised_words_is_read_once_for_an_apposed_type_noun():
    """10,000 capitalised words without a comma: each word's name ran to the end (5.5 s)."""
    from pipeline.extract.members import NAME_THEN_TYPE_NOUN

    found = [(m["name"], m["type"]) for m in NAME_THEN_TYPE_NOUN.finditer(
        "A Melun Val de Seine, agglomération de 140 000 habitants. Nom Nom x")]
    assert [f for f in found if f[1]] == [("A Melun Val de Seine", "agglomération")]
    assert _cpu_seconds(lambda: list(NAME_THEN_TYPE_NOUN.finditer("A " * 20_000 + "!"))) < 1


def test_a_dot_leader_row_is_read_once():
    """10,000 dots then a word never ended in the row's regular expression; the rows of a table
    share the intro above them, found once."""
    from pipeline.extract.figures import _intro_above_rows, _is_dot_leader_row

    assert _is_dot_leader_row("grand est ........ 21\n") and _is_dot_leader_row("- grand est : 21")
    assert _is_dot_leader_row("a ....\t\n") and not _is_dot_leader_row("a ... 1\t2\n")
    assert not _is_dot_leader_row("grand est ........ 21 x\n")
    assert _cpu_seconds(_is_dot_leader_row, "." * 20_000 + "111x\n") < 1
    rows = "repartition des territoires :\n" + "grand est ........ 21\n" * 3_000
    assert _intro_above_rows(rows, len(rows) - len("grand est ........ 21\n"), False) == (0, 30)
    assert _cpu_seconds(lambda: [_intro_above_rows(rows, start, False) for start in range(30, len(rows), 22)]) < 1


BLANK_RUNS = [blank * 10_000 for blank in (" ", "\n", " \n", "\t \u00a0\n")]


def test_the_blanks_after_a_name_are_read_once():
    """A run of blanks after a name was split between two patterns' runs at each of its blanks,
    or read again from each of them (blancs_varies: 6.8 s of extraction, 4.2 s of it in
    MEMBERS_PLACED_AFTER); possessive runs, or patterns tried where a run starts, match the same."""
    from pipeline.extract.assemble import SINCE_YEAR, _held_since_blanked
    from pipeline.extract.figures import LINE_GAP
    from pipeline.extract.members import WITH_AFTER_TERRITORY
    from pipeline.extract.territories import MEMBERS_PLACED_AFTER, RELATIVE_AFTER_NAME

    assert MEMBERS_PLACED_AFTER.match("X » réunit des communautés de communes de la Marne.", 1)
    assert MEMBERS_PLACED_AFTER.match("X, qui regroupe deux EPCI du Jura.", 1)
    assert not MEMBERS_PLACED_AFTER.match("X»réunit des EPCI du Jura.", 1)
    assert RELATIVE_AFTER_NAME.match("X »  , qui s'étend sur l'Eure, à cheval", 1).group() == " »  , qui s'étend sur l'Eure"
    assert WITH_AFTER_TERRITORY.match("X » , avec la CC Y", 1)
    text = "Depuis 2019, A.\n\n  Dès 2018, B. x\nDès mars 2024, C."
    # blanked from the first place a "Dès" may open, after the first line break
    assert SINCE_YEAR.sub(_held_since_blanked, text) == " " * 11 + ", A.\n" + " " * 12 + " B. x\n" + " " * 14 + " C."
    assert [m.span() for m in LINE_GAP.finditer("a  \n \n b\t\tc \n")] == [(1, 7), (11, 13)]
    for blanks in BLANK_RUNS:
        text = "Territoire d'industrie Grand Troyes" + blanks + "!"
        for reading in (lambda: MEMBERS_PLACED_AFTER.match(text, 35), lambda: RELATIVE_AFTER_NAME.match(text, 35),
                        lambda: WITH_AFTER_TERRITORY.match(text, 35), lambda: SINCE_YEAR.sub(_held_since_blanked, text),
                        lambda: list(LINE_GAP.finditer(text))):
            assert _cpu_seconds(reading) < 1


def test_the_blanks_after_a_verb_of_renaming_or_labelling_are_read_once():
    """10,000 blanks after "devient" were given back one at a time to the name after it (over
    60 s) and to the programme's words; "fait partie" and "est" likewise (1.4 s each on 5,000)."""
    from pipeline.extract.territories.predicates import RENAMED_WHILE_ENLARGING, _predicates

    found = RENAMED_WHILE_ENLARGING.search("le haut-doubs horloger devient  « Alliances Luxe » en accueillant x")
    assert found and found["name"] == "Alliances Luxe"
    assert _predicates().search("x est  , la premiere commune a devenir territoire d'industrie")
    assert _predicates().search("x fait partie ,  des territoires d'industrie")
    for verb in ("devient", "est", "fait partie"):
        text = f"{verb} " + " " * 10_000 + f"{verb} !"
        assert _cpu_seconds(lambda: (list(RENAMED_WHILE_ENLARGING.finditer(text)), list(_predicates().finditer(text)),
                                     list(_predicates("label_predicates_in_context").finditer(text)))) < 1


def test_a_dangling_connector_is_read_from_the_end():
    """`_trim` dropped one connector at a time, each found by a search from the name's start:
    "regroupant" and 10,000 "et" took 11.8 s of extraction, now 0.4 s."""
    import re

    from pipeline.extract.members import _trailing_connector, _trim

    searched = re.compile(r"[\s,]+(?:de|du|des|d['’]|et|à|la|le|les|l['’])$", re.IGNORECASE)
    for text in ("CC X, de", "CC X et", "CC X , ,  DES", "CC Xdes", "CC X à", "CC X d’", "de", " de", "CC X les x"):
        found = searched.search(text)
        assert _trailing_connector(text, 0, len(text)) == (found.start() if found else None)
    assert _trim("« CC X, de la »", 0, 15) == (2, 6)
    text = "regroupant " + "et " * 10_000
    assert _cpu_seconds(_trim, text, 0, len(text)) < 1 and _trim(text, 0, len(text)) == (0, 10)


def test_the_counts_of_departements_are_found_once():
    """Each "territoire" of a text about one territory searched the rest of its sentence for a
    count of départements (5,000 of them without a full stop: 4.7 s); found once, by bisection."""
    from pipeline.extract.territories import COUNTED_DEPARTEMENTS, DepartementCounts

    text = "Le territoire, sur deux départements (Lot, Cantal), et trois départements : x ; 4 départements"
    counts = DepartementCounts(text)
    for start, end in ((0, len(text)), (14, 40), (20, 60), (50, 78), (51, 77)):
        assert [m.span() for m in counts.within(start, end)] == [m.span() for m in COUNTED_DEPARTEMENTS.finditer(text, start, end)]


def test_a_run_of_quotes_is_read_once_for_the_label_given_to_names():
    """A line of 10,000 « started the label given to names at each of them (5.6 s of extraction):
    each run of quotes and blanks is now read from its start, or from where the match before it
    ended, as finditer did."""
    from pipeline.extract.territories.predicates import LABEL_GIVEN_TO, _labels_given_to

    text = ("le label \" territoire d'industrie\" attribue a \"territoire d'industrie revient au x, "
            "le label  ' territoire d'industrie pour le y")
    assert [m.span() for m in _labels_given_to(text)] == [m.span() for m in LABEL_GIVEN_TO.finditer(text)]
    assert len(list(_labels_given_to(text))) == 3
    assert _cpu_seconds(lambda: list(_labels_given_to("le label " + "\" " * 10_000 + "!"))) < 1


def _made_up_name(number: int) -> str:
    """A capitalised word of three or more syllables, different for each number."""
    syllables = ["ba", "ro", "li", "me", "tan", "vo", "cu", "sel", "dar", "pi", "gon", "ler"]
    word, number = "", number + 150
    while number:
        word, number = word + syllables[number % len(syllables)], number // len(syllables)
    return word.capitalize()


def test_many_member_lists_are_read_in_linear_work(monkeypatch):
    """Each of 1,000 sentences "La communauté de communes X regroupant A, B et C." searched the
    whole text for the programme's name when attached, and compared every type word with every
    mention found before (17 s of extraction for 2,000, quadratic; 3 s now). Counted, not timed:
    whole-text searches and mentions compared by `members._TakenSpans` (formerly `members._inside`,
    every mention found each time)."""
    from bisect import bisect_left

    from pipeline.extract import members, membership
    from pipeline.extract.assemble import extract

    work = {"whole_text_searches": 0, "mentions_compared": 0}
    programme, overlaps = membership.NAMES_THE_PROGRAMME, members._TakenSpans.overlaps

    class Counted:
        def search(self, string, *bounds):
            work["whole_text_searches"] += not bounds
            return programme.search(string, *bounds)

    def counted_overlaps(self, start, end):
        work["mentions_compared"] += bisect_left(self._spans, (end,)) - bisect_left(self._spans, (start - self._longest,))
        return overlaps(self, start, end)

    monkeypatch.setattr(membership, "NAMES_THE_PROGRAMME", Counted())
    monkeypatch.setattr(members._TakenSpans, "overlaps", counted_overlaps)
    count = 200
    text = "".join(f"La communauté de communes {_made_up_name(4 * i)} regroupant {_made_up_name(4 * i + 1)}, "
                   f"{_made_up_name(4 * i + 2)} et {_made_up_name(4 * i + 3)}.\n" for i in range(count))
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["whole_text_searches"] <= 1  # 200 before
    assert work["mentions_compared"] <= 10 * count  # 80,000 before


def test_a_member_lists_heads_found_by_bisection_are_those_read_from_its_start():
    """`members._heads` takes the list's heads by bisection and counts its brackets once: the same
    heads as reading every head of the text and the brackets from the list's start for each."""
    from pipeline.extract.members import HEAD, _heads, _names_holding_a_head
    from pipeline.normalize import fold

    def read_from_the_start(text, folded, start, end, all_heads):  # the former `_heads`
        heads = [head for head in all_heads if start <= head.start() and head.end() <= end
                 and text.count("(", start, head.start()) <= text.count(")", start, head.start())]
        pattern = _names_holding_a_head()
        inside = [(m.start(), m.end()) for m in pattern.finditer(folded, start, end)] if pattern else []
        return [head for head in heads if not any(s < head.start() < e for s, e in inside)]

    text = ("regroupant la CC du Val (communauté de communes du Val) et la CA de Lune, puis (la CC "
            "des Monts et la communauté d'agglomération du Port) et la CC de la Rive (CA X).")
    folded, all_heads = fold(text), list(HEAD.finditer(text))
    assert len(all_heads) >= 6
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 11):
            assert [h.span() for h in _heads(text, folded, start, end, all_heads)] == \
                [h.span() for h in read_from_the_start(text, folded, start, end, all_heads)]


def test_a_list_of_many_named_items_is_read_in_linear_work(monkeypatch):
    """A list of 6,125 items "- X" (79 kB) took 125 s, quadratic: spaCy makes one sentence of the
    list, and each territory's phase read the words from its first item to its own, its sentence's
    other territories, and the sentence again for its other words; renaming and recalls were
    searched from the sentence's start. 2 s now. Counted, not timed: the characters the phase
    words are read in, the searches for a renaming or a recall."""
    from pipeline.extract import assemble, membership
    from pipeline.extract import territories
    from pipeline.extract.assemble import extract

    work = {"phase_characters": 0, "renaming_searches": 0, "recall_searches": 0}
    stated, renamed, recalled = assemble._phases_stated, membership.NEW_NAME, territories.FORMER_TERRITORY_RECALL

    def counted_stated(words):
        work["phase_characters"] += len(words)
        return stated(words)

    class Counted:
        def __init__(self, pattern, key):
            self.pattern, self.key = pattern, key

        def search(self, *arguments):
            work[self.key] += 1
            return self.pattern.search(*arguments)

    monkeypatch.setattr(assemble, "_phases_stated", counted_stated)
    monkeypatch.setattr(membership, "NEW_NAME", Counted(renamed, "renaming_searches"))
    monkeypatch.setattr(territories, "FORMER_TERRITORY_RECALL", Counted(recalled, "recall_searches"))
    assemble._phase_reading.cache_clear()
    count = 300
    text = "Les territoires lauréats :\n" + "".join(f"- {_made_up_name(i)}\n" for i in range(count))
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["phase_characters"] <= 10 * len(text)
    assert work["renaming_searches"] == work["recall_searches"] == 0


def test_one_sentence_of_many_names_is_read_in_linear_work(monkeypatch):
    """"X, ainsi que le territoire de Y" 2,500 times in one sentence took 84 s, quadratic: each
    name searched the sentence from its start for a joining participle, a noun or people before a
    demonym and a recall, and was compared with every other name for a part of it. 2.8 s now.
    Counted, not timed: those searches and comparisons."""
    from pipeline.extract import territories
    from pipeline.extract.assemble import extract

    work = {"searches_from_the_sentence_start": 0, "parts_compared": 0}

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, *arguments):
            work["searches_from_the_sentence_start"] += 1
            return self.pattern.search(*arguments)

        def finditer(self, *arguments):
            work["searches_from_the_sentence_start"] += 1
            return self.pattern.finditer(*arguments)

    for name in ("JOINED_INTO", "NOUN_BEFORE_A_DEMONYM", "PEOPLE_OF_A_DEMONYM", "FORMER_TERRITORY_RECALL"):
        monkeypatch.setattr(territories, name, Counted(getattr(territories, name)))
    _count_calls(monkeypatch, territories, "_part_of", work, "parts_compared")
    count = 300
    text = ("Le territoire d'industrie Val de Lisse" + "".join(f", ainsi que le territoire de {_made_up_name(i)}"
                                                           for i in range(count)) + " sont labellisés.\n")
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["searches_from_the_sentence_start"] == 0  # 1,204 before
    assert work["parts_compared"] <= 2 * count  # 90,601 before


def _count_calls(monkeypatch, module, name: str, work: dict, key: str) -> None:
    """Replace module.name by a function that adds one to work[key] at each call."""
    function = getattr(module, name)

    def counted(*arguments):
        work[key] += 1
        return function(*arguments)

    monkeypatch.setattr(module, name, counted)


class _CharactersRead:
    """A pattern that adds up the characters it is given to search (a scan's reach, counted)."""

    def __init__(self, pattern, work, key):
        self.pattern, self.work, self.key = pattern, work, key

    def _count(self, string, pos=0, endpos=None):
        self.work[self.key] += min(len(string), len(string) if endpos is None else endpos) - pos

    def search(self, string, *bounds):
        self._count(string, *bounds)
        return self.pattern.search(string, *bounds)

    def finditer(self, string, *bounds):
        self._count(string, *bounds)
        return self.pattern.finditer(string, *bounds)

    def match(self, *arguments):
        return self.pattern.match(*arguments)


def test_one_sentence_of_many_members_is_read_in_linear_work(monkeypatch):
    """2,000 members "…, la communauté de communes X regroupant A, B et C, …" in one sentence
    without a full stop took 11.5 s of extraction (2,000 real names "…, la communauté de
    communes X, …": 9.5 s), quadratic: each member read its sentence from its start for the lines
    ending with a full stop, blank lines, ordinals and unnamed subjects before it, and from its end
    to the sentence's end, and each list the sentence to its end for its own; each read the heading
    over its sentence (there the whole text). 3 s and 2.3 s now. Counted, not timed: the characters
    those patterns were given, the headings read."""
    from pipeline import referential
    from pipeline.extract import members, membership
    from pipeline.extract.assemble import extract

    work = {"characters_read": 0, "headings_read": 0}
    for module, name in ((membership, "LINE_END_STOP"), (membership, "BLANK_LINE"), (membership, "RANKED_SUBJECT"),
                         (membership, "UNNAMED_TERRITORY"), (members, "SENTENCE_STOP")):
        monkeypatch.setattr(module, name, _CharactersRead(getattr(module, name), work, "characters_read"))
    _count_calls(monkeypatch, membership, "_heading_before", work, "headings_read")
    count = 150
    text = "Le territoire d'industrie rassemble " + ", ".join(
        f"la communauté de communes {_made_up_name(4 * i)} regroupant {_made_up_name(4 * i + 1)}, "
        f"{_made_up_name(4 * i + 2)} et {_made_up_name(4 * i + 3)}" for i in range(count)) + ".\n"
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["characters_read"] <= 10 * len(text)  # 1,272 times the text before
    current = referential.load().current_year
    names = sorted((e.siren, e.name[3:]) for e in referential.load().epcis.values()
                   if e.name.startswith("CC ") and e.last_seen == current)[:count]
    text = "Le territoire d'industrie rassemble " + ", ".join(f"la communauté de communes {name}"
                                                            for _, name in names) + ".\n"
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["headings_read"] <= 1  # 150 before


def test_a_mentions_sentence_read_once_answers_as_the_searches_it_stands_for():
    """`membership._SentenceReads` answers from one read of a sentence what each mention searched:
    the same answers on texts of full stops, quotes, line breaks and unnamed subjects cut anywhere."""
    import random

    from pipeline.extract.membership import (BLANK_LINE, LINE_END_STOP, RANKED_SUBJECT, UNNAMED_TERRITORY,
                                             _SentenceReads)

    # the bound (trigger + 40) cuts "gerant|s": an unnamed subject found up to there only
    text = "x" * 30 + " le territoire gerants x"
    assert _SentenceReads(text, text).unnamed_territory(0, 11, len(text)).span() == (31, 51)
    pieces = [".", "!", "»", "\"", " ", "  ", "\n", "\t", " \n", "le territoire", "territoire", "qui", "regroupant",
              "gerants", "un", "ce", "nouveau", "la cc", ",", "le premier", "x"]
    chance = random.Random(5)
    for _ in range(600):
        text = "".join(chance.choice(pieces) + chance.choice(["", " "]) for _ in range(chance.randint(1, 30)))
        reads = _SentenceReads(text, text)
        for start in sorted(chance.sample(range(len(text) + 1), min(3, len(text) + 1))):
            end = chance.randint(start, len(text))
            positions = sorted(chance.randint(start, len(text)) for _ in range(6))
            for pattern in (LINE_END_STOP, BLANK_LINE):
                for position in positions:
                    found = list(pattern.finditer(text, start, position))
                    assert reads.last_end(pattern, start, end, position) == (found[-1].end() if found else None)
                for position in positions:
                    found, read = pattern.search(text, position, end), reads.next_match(pattern, position, end)
                    assert (found and found.span()) == (read and read.span())
            for trigger in positions:
                found, read = UNNAMED_TERRITORY.search(text, start, trigger + 40), reads.unnamed_territory(start, trigger, end)
                assert (found and found.span()) == (read and read.span())
                assert reads.holds_a_rank(start, trigger) or not RANKED_SUBJECT.search(text, start, trigger)


def test_spans_taken_are_compared_with_their_neighbours_only():
    """`members._TakenSpans` tells whether a span overlaps one taken, as comparing it with every
    one did (2,000 heads of one sentence each compared with every mention found: 2 s)."""
    import random

    from pipeline.extract.members import _TakenSpans

    chance = random.Random(7)
    spans = [(start, start + chance.randint(0, 30)) for start in (chance.randint(0, 3_000) for _ in range(600))]
    taken = _TakenSpans(spans[:100])
    compared = []

    class Counted(list):
        def __getitem__(self, index):
            found = super().__getitem__(index)
            compared.append(len(found) if isinstance(index, slice) else 1)
            return found

    taken._spans = Counted(taken._spans)
    kept = list(spans[:100])
    for start, end in spans[100:]:
        overlapping = any(s < end and start < e for s, e in kept)
        assert taken.overlaps(start, end) == overlapping
        if not overlapping:
            taken.add(start, end)
            kept.append((start, end))
    assert sum(compared) <= 20 * len(spans)


def test_a_run_of_adverbs_is_read_once_by_the_label_predicates():
    """"Le territoire … est ainsi ainsi … labellisé." (5,000 "ainsi": 4.6 s, quadratic): the label
    predicates opening with "{aux}{adv}" started at each adverb of the run and read the rest of it
    each time. Such a start is refused right after an adverb (`predicates._not_after_an_adverb`).
    Counted, not timed: the characters the opening reads from every position it may start at."""
    import re

    from pipeline.extract.territories import predicates
    from pipeline.normalize import fold

    text = fold("Le territoire d'industrie Val de Lisse est " + "ainsi " * 2_000 + "labellisé.\n")
    opening = re.compile(r"(?:,\s*|(?<![\w']))" + predicates._expand("{aux}{adv}"))
    read = sum(len(found.group()) for start in range(len(text)) if (found := opening.match(text, start)))
    assert read <= 3 * len(text)  # twice now (from "est" and the first "ainsi"), 997 times before
    assert not predicates._predicates().search(text)


@pytest.mark.parametrize("long_text", [False, True])
def test_the_label_predicates_refusing_a_start_after_an_adverb_match_as_before(monkeypatch, long_text):
    """`label_matches` and the label predicates without refusal find the same matches, on random
    texts of their words, in a short text and in a long one (refusing after the endings of dates
    too): a match that starts right after an adverb starts as well at the adverb, which the scan
    reaches first; where the match before ended inside the adverb ("labellisé en 2019, " then
    "déjà retenu pour la phase 2"), or after an ending of no adverb ("Paris, 5 mars 2019, "), the
    start is read again without the refusal."""
    import random
    import re

    from pattern_words import spelled_out
    from pipeline.extract.territories import predicates

    def unbounded(key):
        expanded = []
        for pattern in predicates.WORDS[key]:
            for macro, body in predicates.WORDS["label_macros"].items():
                pattern = pattern.replace("{" + macro + "}", body)
            expanded.append(pattern)
        return re.compile(r"(?:,\s*|(?<![\w']))(?:" + "|".join(expanded) + ")")

    if long_text:
        monkeypatch.setattr(predicates, "LONG_TEXT", 0)
    keys = ("label_predicates", "label_predicates_in_context")
    pairs = [(unbounded(key), key) for key in keys]
    words = 2 * spelled_out(predicates.WORDS["label_macros"]["adverb"]) + 3 * [
        "en 2019,", "en 2019", "en 2023", "en mars,", "le 12 mars 2019,", "fin mars dernier", "mars", "2019,",
        "paris, 5 mars 2019,", "depuis  mars"] + [
        "le 12 mars 2019", "est", "sont", "a", "a ete", "vient d'etre", "labellise", "labellisee",
        "retenu", "retenues", "laureat", "pour la phase 2", "territoire d'industrie", "territoires d'industrie",
        "comme", "du", "programme", "combien", "l'", "fait", "partie", "des", "y", "figure", "parmi", "les", ",", ".",
        "deja", "depuis", "entre", "dans le", "pour"]
    chance = random.Random(54)
    texts = ["x labellise en 2019, deja retenu pour la phase 2", "labellisee en 2019 retenue pour la deuxieme phase.",
             "paris, 5 mars 2019, deja labellise territoire d'industrie"]
    texts += ["".join(word + chance.choice((" ", " ", "  ", "", ", ", "\n"))
                      for word in chance.choices(words, k=chance.randint(1, 14))) for _ in range(3_000)]
    for text in texts:
        for before, key in pairs:
            assert [(m.span(), m.groupdict()) for m in predicates.label_matches(text, key)] == \
                   [(m.span(), m.groupdict()) for m in before.finditer(text)], text
    # the refusal alone would lose them: their starts follow "en 2019, " or "mars 2019, " (before "deja")
    assert [m.start() for m in predicates._predicates(keys[1]).finditer(texts[0])] == [2, 26]
    assert [m.start() for m in predicates.label_matches(texts[0], keys[1])] == [2, 19]
    assert [m.start() for m in predicates._predicates(keys[0], "endings").finditer(texts[2])] == [25]
    assert [m.start() for m in predicates.label_matches(texts[2], keys[0])] == [18]


def test_a_run_of_dates_is_read_once_by_the_label_predicates(monkeypatch):
    """"en 2019, en 2019, … le territoire X est labellisé" (2,500 dates: 4.6 s, quadratic): an
    adverb written with a year is refused as the word before a predicate's start too; in a long
    text, so is what may end an adverb of many forms ("en mars 2019, ": 2,500 of them, 8 s). Counted:
    the characters the opening reads from every position; and the starts read again without the
    refusal (after a match ending inside a date), a few each time."""
    import re

    from pipeline.extract.territories import predicates
    from pipeline.normalize import fold

    for run, refusal in (("en 2019, " * 2_000, "adverbs"), ("le 12 mars 2019, " * 1_000, "endings")):
        text = fold("Le territoire d'industrie Val de Lisse, " + run + "le territoire est labellise territoire d'industrie.\n")
        opening = re.compile(r"(?:,\s*|(?<![\w']))" + predicates._expand("{aux}{adv}", refusal))
        read = sum(len(found.group()) for start in range(len(text)) if (found := opening.match(text, start)))
        assert read <= 3 * len(text)  # 1,991 times the text before for "en 2019, "
        assert len(text) >= predicates.LONG_TEXT
        assert [m.group().strip() for m in predicates.label_matches(text)] == ["est labellise territoire d'industrie"]

    unrefused, reads = predicates._predicates("label_predicates_in_context", "none"), []

    class Counted:
        def match(self, string, start):
            reads.append(start)
            return unrefused.match(string, start)

    real = predicates._predicates
    monkeypatch.setattr(predicates, "_predicates", lambda key="label_predicates", refusal="adverbs":
                        Counted() if refusal == "none" else real(key, refusal))
    for date in ("en 2019", "en mars 2019"):
        text = "x labellise " + date + (", " + date) * 2_000 + ", retenu pour la phase 2"
        assert [m.group() for m in predicates.label_matches(text, "label_predicates_in_context")] == \
            ["labellise " + date, (", " + date) * 2_000 + ", retenu pour la phase 2"]
        assert len(reads) <= 6
        reads.clear()


def test_the_numbers_of_a_sentence_of_thousands_of_dates_are_unmasked_by_bisection(monkeypatch):
    """"le 12 mars 2019, " 10,000 times: each number was compared with every masked date (5 s of
    10 s of extraction, quadratic); a bisection in the spans sorted by start finds the one it
    may overlap. Counted: the masked spans read."""
    from pipeline.extract import figures

    read = []

    class Counted(list):
        def __iter__(self):
            for span in super().__iter__():
                read.append(span)
                yield span

    masks = figures._masked_spans
    monkeypatch.setattr(figures, "_masked_spans", lambda *arguments: Counted(masks(*arguments)))
    text = "Signé le 12 mars 2019, " * 3_000 + "1,5 million d'euros pour 12 projets.\n"
    tokens = figures._number_tokens(text, text.lower(), figures._vocabulary())
    assert [(t.start, t.value) for t in tokens] == [(text.index("1,5"), 1.5), (text.index("12 projets"), 12.0)]
    assert len(read) <= 4 * 3_000  # twice its 6,000 masked spans (two a date); each for each number before


def test_a_sentence_of_thousands_of_territories_is_read_once_by_the_prose_rule(monkeypatch):
    """"Sont labellisés le territoire de A, le territoire de B, …" (10,000 names, one line without
    a full stop: 4.8 s, growing with the square of their number): the prose rule searched the
    whole sentence for its label words and its wider territory at each name, and each name's
    sentence was found reading back to the line's start (now bisection in the line breaks and
    full stops). Counted: the characters searched."""
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import common, prose

    work = {"read": 0}
    for name in ("LABELLING", "PART_OF_A_TERRITORY", "TERRITORY_AND_THAT_OF"):
        monkeypatch.setattr(prose, name, _CharactersRead(getattr(prose, name), work, "read"))
    text = "Sont labellisés " + ", ".join(f"le territoire de Nom{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}"
                                        for i in range(2_000)) + ".\n"
    found = prose.prose_names(text, parse(text), [])
    assert len(found) == 1_999 and found[-1].name == "NomXY"  # the first after "Sont labellisés", as before
    assert work["read"] <= 3 * len(text)  # the sentence once; 2,000 times before
    assert common.sentence_bounds(text, len(text) - 5) == (0, len(text) - 2)
    assert common.sentence_bounds("A. B\n. C", 7) == (6, 8) and common.sentence_bounds("A. B", 3) == (2, 4)


def test_each_occurrence_of_a_name_is_judged_once_for_the_sentence_after_it(monkeypatch):
    """A territory's name written 2,000 times took 135 s: every mention read every later
    occurrence of its name for a "Le territoire, à cheval sur …" opening the sentence after it;
    each occurrence is judged once, and the straddled départements are still found."""
    from pipeline.extract import territories
    from pipeline.extract.assemble import extract

    judged = []
    original = territories._NextSentenceStraddling._pointed_after
    monkeypatch.setattr(territories._NextSentenceStraddling, "_pointed_after",
                        lambda self, *args: judged.append(args) or original(self, *args))
    text = ("Territoires d'industrie : la Vallée de la Bresle retenue\n"
            + "La Vallée de la Bresle figure parmi les Territoires d'industrie. " * 300
            + "Le territoire, à cheval sur la Seine-Maritime et la Somme, s'appuie sur ses verriers.\n")
    extraction = extract(text, next(iter(nlp.parse([text]))))
    assert {code for t in extraction.territories for code in t["departement_codes"]} >= {"76", "80"}
    assert len(judged) <= 2 * 301


def test_a_run_of_stacked_table_headers_is_read_in_linear_work(monkeypatch):
    """A PDF table flattened one cell a line is tried from its header ("Territoire" /
    "Département(s)" / …): each try reads the rest of the run, so 2,000 header-like rows in one run
    took 11 s (quadratic); only the run's first headers are tried and each line is tested once."""
    from pipeline.extract import structure

    work = {"cells": 0}

    class Counted:
        def fullmatch(self, *arguments):
            work["cells"] += 1
            return pattern.fullmatch(*arguments)

    pattern = structure.DEPARTEMENT_CELL
    monkeypatch.setattr(structure, "DEPARTEMENT_CELL", Counted())
    rows = 2_000
    text = "Territoire\nDépartement(s)\nIntercommunalités\nVienne (86)\n" * rows
    structure.parse(text)
    assert work["cells"] <= 4 * rows * 2


def test_coordinated_places_are_matched_against_the_bodies_once_per_pair_of_names(monkeypatch):
    """"Labellisés en 2018, le X et la Y sont reconduits" a thousand times makes a thousand
    coordinated pairs, each searched for behind a body's kind ("le PETR du X et du Y") in the whole
    text: 2,000 such sentences took 10 s. The bodies are found once, a pair of names is tried once,
    and the pairs a body joins are still one territory."""
    import re as real_re

    from pipeline.extract import territories
    from pipeline.extract.territories import TerritoryMention

    compiled = []  # the patterns the function builds or searches the text with, one by one

    class CountingRe:
        def __getattr__(self, name):
            return getattr(real_re, name)

        def compile(self, *arguments):
            compiled.append(arguments[0])
            return real_re.compile(*arguments)

        def search(self, *arguments):
            compiled.append(arguments[0])
            return real_re.search(*arguments)

    monkeypatch.setattr(territories, "re", CountingRe())
    sentence = "Le Cambrésis et le Caudrésis sont reconduits. "
    text = "Le PETR du Cambrésis et du Caudrésis porte le programme. " + sentence * 500
    opening = len(text) - len(sentence) * 500
    mentions = [TerritoryMention(match.start(), match.end(), match.group(), "territory.test")
                for match in real_re.finditer("Cambrésis|Caudrésis", text) if match.start() >= opening]
    kept = territories._places_of_one_body(text, mentions)
    assert len(kept) == 500 and {m.name for m in kept} == {"Cambrésis et Caudrésis"}
    assert len(compiled) <= 2


class _CountedReads(list):
    """A list counting the items read from it, by iteration or by index."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, index):
        self.reads += 1
        return super().__getitem__(index)


def test_the_labels_of_many_field_lines_find_their_territory_by_bisection():
    """Each "Territoire d'industrie X : CC A et CC B" line's label looked for its territory among
    every territory mention of the text (the owners of `members`' fields, dash lines, headings
    and table rows: N lines, N² reads). Counted, not timed: the mentions read."""
    from pipeline.extract import members, structure

    count = 300
    names = [_made_up_name(i) for i in range(count)]
    text = "".join(f"Territoire d'industrie {name} : communauté de communes {name} et communauté de "
                   f"communes du Pays de {name}\n" for name in names)
    starts = [text.index(f"industrie {name} :") + len("industrie ") for name in names]
    territories = _CountedReads((start, start + len(name), name.lower()) for start, name in zip(starts, names))
    regions = members._field_regions(text, structure.parse(text), territories)
    assert [region.territory_hint for region in regions] == [name.lower() for name in names]
    assert territories.reads <= 10 * count  # 1,200 now, 45,150 before


def test_the_parts_of_many_sentences_of_places_are_matched_against_their_place_only():
    """"La Somme et l'Aisne sont labellisées" read each part against every place of the text (8,000
    such sentences: 10.6 s of extraction; 5 s now, linear). Counted, not timed: the places read."""
    from pipeline.extract.places import find_places
    from pipeline.extract.territories import predicates
    from pipeline.extract.territories.phrases import Part

    count = 500
    text = "La Somme et l'Aisne sont labellisées Territoires d'industrie. " * count
    places = _CountedReads(find_places(text))
    parts = [Part(place.start, place.end) for place in find_places(text)]
    assert all(predicates._places_only(parts[i:i + 2], places) for i in range(0, len(parts), 2))
    assert not predicates._places_only([parts[0], Part(parts[0].start, parts[1].end)], places)
    assert places.reads <= len(parts) * (len(places).bit_length() + 2)  # a bisection a part; 501,501 before


def _extraction_calls(monkeypatch, module, name: str, unit: str, counts: tuple[int, ...]) -> list[int]:
    """The calls of module.name while extracting the unit repeated on one line, for each count."""
    from pipeline.extract.assemble import extract

    calls = [0]
    counted = getattr(module, name)

    def counting(*args, **kwargs):
        calls[0] += 1
        return counted(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    found = []
    for count in counts:
        calls[0] = 0
        text = "Communiqué de presse\n\n" + unit * count
        extract(text, list(nlp.parse([text]))[0])
        found.append(calls[0])
    return found


def test_the_names_of_a_page_saved_on_one_line_are_compared_with_their_neighbours_only(monkeypatch):
    """A page saved on one line is one paragraph: each EPCI mention looked for its territory among
    every territory mention of it (`membership._named_in`, `_paragraph_territory`), and each
    "communauté urbaine …" read every territory (`members._demonym_mentions`): ×1,000, 6.9 s of
    extraction. Counted, not timed: the spans compared, linear in the page's length."""
    from pipeline.extract import structure

    unit = ("Parmi les lauréats renouvelés figurent la communauté urbaine d'Arras et le Grand Chalon, en "
            "Saône-et-Loire. Vierzon Sologne Berry est aussi reconduit, tout comme la vallée de la Bresle, "
            "en Seine-Maritime, terre du verre. Troyes Champagne Métropole et le Pays de Bray poursuivent "
            "leur démarche Territoires d'industrie. ")
    single, double = _extraction_calls(monkeypatch, structure.SpanReach, "covers", unit, (100, 200))
    assert double <= 2.5 * single  # 21,399 then 82,800 before, 1,799 then 3,600 now


def test_the_demonym_runs_of_a_line_of_many_names_are_read_once(monkeypatch):
    """"Territoire d'industrie X : communauté de communes A et …" repeated on one line: each name
    read the demonym after every earlier "communes" of the line (`_departement_of_a_demonym_before`,
    250,000 runs at 500). Counted, not timed: the runs read."""
    from pipeline.extract.territories import common

    unit = ("Territoire d'industrie Pays de Bray : communauté de communes des Quatre Rivières et "
            "communauté de communes Aumale - Blangy-sur-Bresle ")
    single, double = _extraction_calls(monkeypatch, common, "demonym_run", unit, (100, 200))
    assert double <= 2.5 * single  # 9,900 then 39,800 before, 394 then 794 now


def test_a_demonym_run_read_once_answers_as_the_run_up_to_each_limit():
    """`DemonymRuns` keeps a noun's run for every limit past a character no run takes: the same
    codes and end as `demonym_run` up to that limit, for every position and limit of a text."""
    from pipeline.extract.territories.common import DemonymRuns, demonym_run
    from pipeline.normalize import fold

    folded = fold("Les intercommunalités ardéchoises, drômoises et iséroises : A, B. Les élus  *côte-d'oriens* "
                  "et   jurassiens du territoire X ; les communes haut-rhinoises (C) et bas-rhinoises.")
    runs = DemonymRuns(folded)
    for position in range(len(folded)):
        for limit in range(position, len(folded) + 1):
            assert runs.run(position, limit) == demonym_run(folded, position, limit), (position, limit)


def test_a_line_of_many_colons_reads_a_bounded_sentence_for_each(monkeypatch):
    """1,000 "Territoire d'industrie X : CC A et CC B" on one line took 17 s of extraction (28 s
    on a loaded machine), quadratic: each colon's intro read its sentence from the line's start
    (`_keyword_decides`), and each name searched that sentence from its start for counted members
    placed before it. About 2.5 s now. Counted, not timed: the characters of those reads."""
    from pipeline.extract import territories
    from pipeline.extract.assemble import extract
    from pipeline.extract.territories import lists

    work = {"intro_characters": 0, "members_placed_characters": 0}
    decides = lists._keyword_decides

    def counted(sentence, *arguments, **keywords):
        work["intro_characters"] += len(sentence)
        return decides(sentence, *arguments, **keywords)

    monkeypatch.setattr(lists, "_keyword_decides", counted)
    monkeypatch.setattr(territories, "MEMBERS_PLACED_BEFORE",
                        _CharactersRead(territories.MEMBERS_PLACED_BEFORE, work, "members_placed_characters"))
    text = "Territoire d'industrie X : CC A et CC B " * 1_000 + "\n"
    [doc] = nlp.parse([text])
    extract(text, doc)
    # two reads of at most SENTENCE_REACH characters a colon: 95 times the text (500 before)
    assert work["intro_characters"] <= 150 * len(text)
    assert work["members_placed_characters"] <= 20 * len(text)  # 10 times (500 before)


def test_the_block_and_headline_of_each_member_are_read_once(monkeypatch):
    """`_paragraph_territory` and `_headline_territory` scanned every block for each member's,
    and the headline read the block and the text's first line again for each: a text of 2,000
    paragraphs, or of one line, asked each member for all of it (quadratic). The block is found by
    bisection, what a block and the first line name read once. Counted, not timed: the blocks
    compared, the territories looked for."""
    from types import SimpleNamespace

    from pipeline.extract import membership, structure

    text = "Territoires d'industrie\n\n" + "".join(f"La CC {_made_up_name(i)} a porté la candidature.\n\n"
                                                  for i in range(2_000))
    parsed = structure.parse(text)
    work = {"blocks_compared": 0, "names_looked_for": 0}

    class CountedBlocks(list):
        def __iter__(self):
            for block in super().__iter__():
                work["blocks_compared"] += 1
                yield block

    parsed.blocks = CountedBlocks(parsed.blocks)
    _count_calls(monkeypatch, membership, "_named_in", work, "names_looked_for")
    reads = membership._SentenceReads(text, text.lower())
    starts = [block.span.start for block in parsed.blocks[1:]]
    work["blocks_compared"] = 0
    for start in starts:
        mention = SimpleNamespace(start=start + 3)
        membership._paragraph_territory(mention, parsed, text.lower(), [], [], reads)
        membership._headline_territory(mention, parsed, text.lower(), [], [], reads)
        assert parsed.block_at(start + 3) == next(b for b in list.__iter__(parsed.blocks)
                                                  if b.span.start <= start + 3 < b.span.end)
    assert work["blocks_compared"] <= 2 * len(starts) + 1  # 4 million before
    assert work["names_looked_for"] <= 2 * len(starts) + 1  # 2 a block (3 a member before)


def test_the_demonyms_after_the_nouns_of_a_sentence_are_read_once_for_its_names(monkeypatch):
    """"…, les intercommunalités ardennaises et le territoire de X" 300 times in one sentence:
    each name read the demonyms after every noun before it (45,150 runs, quadratic). Those of a
    noun farther than DEMONYM_RUN_REACH are read once for all the names after it. Counted, not
    timed: the runs of demonyms read."""
    from pipeline.extract import territories
    from pipeline.extract.assemble import extract

    work = {"runs_read": 0}

    class Counted(territories.DemonymRuns):
        def run(self, *arguments):
            work["runs_read"] += 1
            return super().run(*arguments)

    monkeypatch.setattr(territories, "DemonymRuns", Counted)
    count = 300
    text = ("Le territoire d'industrie Val de Lisse" + "".join(
        f", les intercommunalités ardennaises et le territoire de {_made_up_name(i)}" for i in range(count))
        + " sont labellisés.\n")
    [doc] = nlp.parse([text])
    extraction = extract(text, doc)
    assert work["runs_read"] <= 10 * count  # 45,150 before
    placed = [row for row in extraction.territories if row["departement_codes"] == ["08"]]
    assert len(placed) == count  # each name placed by the demonym before it, as before


def test_the_blanks_before_a_carrier_participle_are_read_once():
    """", porté par …" (territory.carried) was tried from every blank of a run, each try reading
    the rest of the run for its comma: blancs_varies spent 7.5 s of its 12.9 s profiled extraction
    there (40,000 blanks: 2.2 s). A try starts after a blank only where no blank follows: the
    same matches, read from the run's first blank. CPU time of the pattern alone."""
    from pipeline.extract.territories.predicates import CARRIED_BY

    text = "le pays de vannes  \n , porte conjointement par  la ca, et x, pilote par l' agglo"
    assert [m.group() for m in CARRIED_BY.finditer(text)] == ["  \n , porte conjointement par  la ", ", pilote par l' "]
    assert CARRIED_BY.match("a , , porte par x", 3) and not CARRIED_BY.match("a  , porte par x", 2)
    for blanks in BLANK_RUNS:
        assert _cpu_seconds(lambda: list(CARRIED_BY.finditer("x" + blanks * 4 + "!"))) < 0.2


class _Read(_CharactersRead):
    """A pattern that adds up the characters it is given to search, and its tries from one place."""

    def match(self, *arguments):
        self.work["tries"] = self.work.get("tries", 0) + 1
        return self.pattern.match(*arguments)


@pytest.mark.parametrize("unit, names", [
    ("les territoires de Troyes, dont le Grand Troyes, ", 1),
    ("Je pense d'abord au Grand Troyes, puis au Grand Chalon, ", 2),
    ("deux territoires (Grand Troyes et Grand Chalon), ", 2),
    ("Les territoires sont nombreux, puis au Grand Troyes, ", 0),
    ("Les territoires labellisés aux côtés du Grand Chalon, ", 0),
    ("sur les projets parmi eux, le Grand Troyes, ", 0),
    ("Les territoires parmi lesquels le Grand Chalon, ", 1),
])
def test_a_sentence_of_many_enumeration_cues_is_read_once(monkeypatch, unit, names):
    """A sentence of 2,000 cue matches (one line, no full stop) took 3-11 s in `enumerated_names`,
    quadratic: each match searched its sentence, and the one before, for the words of territories
    or of the award, and the text up to it for a whole of something else ("sur les projets"), the
    words that open the cue ("je pense"), the label before a name, the last clause joint or the
    antecedent of "parmi lesquels". Now a
    sentence is searched once and the text before a match from the last match found in it.
    Counted: the characters searched and the tries of the whole of something else."""
    from pipeline.extract.places import find_places
    from pipeline.extract.structure import parse
    from pipeline.extract.territories import enumerations

    work = {"read": 0}
    for name in ("TERRITORIES_WORD", "AWARD_WORD", "OTHER_WHOLE", "LABEL_THEN_NAME", "CLAUSE_JOINT", "PROGRAMME",
                 "ANNOUNCES_OTHER", "ANNOUNCES_MEMBERS"):
        monkeypatch.setattr(enumerations, name, _Read(getattr(enumerations, name), work, "read"))
    count = 300
    text = "Les Territoires d'industrie. " + unit * count + "fin.\n"
    found = enumerations.enumerated_names(text, parse(text), find_places(text))
    assert len(found) == names * count
    assert work["read"] <= 10 * len(text)  # 150 to 900 times the text before
    assert work.get("tries", 0) <= 10 * count


def test_a_crawl_prefix_is_tried_once_per_run_of_blank_lines(monkeypatch):
    """`_crawl_prefixes_blanked` tried its prefix (opening with blanks) at every line start: 20,000
    lines "\\n \\n" were read 20,000 times each (4 s of extraction). It is tried at the first line
    start of each run of blanks and where a prefix ends, as `sub` found it: the same text.
    Counted, not timed: the tries."""
    import re

    from pipeline.extract import assemble

    prefix = assemble.CRAWL_PREFIX_LINES

    def with_sub(text):  # the former reading
        return prefix.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)

    for text in ("date 2023-09 Le Grand Chalon", " \n date 2023-09\ndate 2024-10 \nx date 2023-09 y",
                 "x \r\n\ndate 2024-10\n date 2024-10\n\u00a0date 2023-09 \n\n ", "date 2023-09 \n\n", "\n \ndate 2023-09",
                 "a\n" + "\n \n" * 50 + "date 2023-09 b\n" + "\n" * 50 + "date 2024-01\ndate 2024-02 c date 2024-03 d"):
        assert assemble._crawl_prefixes_blanked(text) == with_sub(text), text
    tries = []

    class Counted:
        pattern = prefix.pattern

        def match(self, *arguments):
            tries.append(1)
            return prefix.match(*arguments)

    monkeypatch.setattr(assemble, "CRAWL_PREFIX_LINES", Counted())
    text = BODY + "\n \n" * 20_000 + "date 2023-09 " + BODY
    assert assemble._crawl_prefixes_blanked(text) == with_sub(text)
    assert len(tries) <= BODY.count("\n") * 2 + 4  # 40,000 line starts


def test_a_titled_predicate_opens_at_the_start_of_its_run_of_blanks():
    """The label predicate 'titled' ("Vallée de X : un Territoire d'industrie renouvelé") opened
    with a run of blanks and was tried at each of a run's blanks, reading the rest of the run each
    time (40,000 spaces: 1.5 s, 2.1 s for tabs, growing with the square). It opens at the first or
    second blank of a run only, where the leftmost match opens: the same matches."""
    import re

    from pipeline.extract.territories.predicates import _expand, _predicates, label_matches, WORDS

    [titled] = [p for p in WORDS["label_predicates"] if p.startswith("(?P<titled>")]
    former = re.compile(r"(?:,\s*|(?<![\w']))(?:" + _expand(titled.replace(r"(?<![ \t]{2})", ""), "none") + ")")
    now = re.compile(r"(?:,\s*|(?<![\w']))(?:" + _expand(titled, "none") + ")")
    assert now.pattern != former.pattern
    for blanks in (" ", "  ", "\t \t", " " * 9, "\n  ", ",  \t"):
        for before in ("vallee de la bresle", "le pays de x »", "y,"):
            text = f"{before}{blanks}:{blanks.strip(',') or ' '}un territoire d'industrie renouvele. x"
            assert [m.span() for m in now.finditer(text)] == [m.span() for m in former.finditer(text)], text
    text = "vallee de la bresle" + " " * 40_000 + ":  un territoire d'industrie renouvele."
    [found] = label_matches(text)
    assert found.span() == (20, len(text) - 1) and found["titled"]
    assert _predicates().match(text, 22) is None  # a start inside the run is refused at once


def test_the_refused_starts_of_the_label_predicates_skip_runs_of_blanks():
    """The starts refused after an adverb were looked for at every blank, each trying every
    adverb's look-behind (blancs_varies: 0.5 s of its 3.8 s); an adverb ends with no blank, so
    only a blank after a non-blank is tried: the same positions."""
    import re

    from pipeline.extract.territories.predicates import _AFTER, _REFUSED

    text = ("x est ainsi  labellise, desormais\t\tretenu, en 2019, en mars 2019,  " + " \t\n" * 50
            + "deja   aussi encore\n" + "\u00a0" * 20 + "enfin x")
    for refusal, bodies in _AFTER.items():
        every_blank = re.compile(r"(?<=\s)(?:" + "|".join("(?<=" + body + ")" for body in bodies) + ")")
        found = [m.start() for m in _REFUSED[refusal].finditer(text)]
        assert found == [m.start() for m in every_blank.finditer(text)] and len(found) >= 6


def test_the_lines_after_each_list_and_the_calls_of_each_footnote_are_found_once(monkeypatch):
    """A communiqué of territory lists repeated 200 times (a PDF dossier, 0.6 MB) took 20 s,
    growing with the square: each list's doubts split the whole text into lines again
    (stops_at_a_page_break, resumes_after_prose), each footnote looked for its calls from the
    text's start. Counted, not timed: the splits; the lines found by bisection are the same."""
    from pipeline.extract import members, structure
    from pipeline.extract.assemble import extract

    work = {"splits": 0}
    _count_calls(monkeypatch, structure, "_lines", work, "splits")
    structure._lines_and_edges.cache_clear()
    unit = ("Deux territoires d'industrie dans le Doubs* :\n- Nord Franche-Comté\n- Pontarlier\n\n"
            "Texte entre deux listes.\n- Vesoul\n\n* Communauté de communes du Grand Pontarlier\n")
    text = unit * 60
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert work["splits"] <= 4  # 120 and more before
    lines = structure._lines(text)
    found, starts, ends = structure._lines_and_edges(text)
    assert found == lines and starts == sorted(starts) and ends == sorted(ends)
    regions = members._footnote_regions(text)
    assert [r.anchor for r in regions] == [i * len(unit) + unit.index("*") for i in range(60)]  # its own call


def _call_in_extraction(monkeypatch, module, name: str) -> tuple:
    """The last arguments and result of module.name when `_PLACED_UNIT` × 40 is extracted."""
    from pipeline.extract.assemble import extract

    function, seen = getattr(module, name), {}

    def kept(*arguments):
        seen[name] = (arguments, function(*arguments))
        return seen[name][1]

    monkeypatch.setattr(module, name, kept)
    text = _PLACED_UNIT * 40
    [doc] = nlp.parse([text])
    extract(text, doc)
    return seen[name]


# made-up paragraphs, repeated: a département read as a territory beside the territories it holds
_PLACED_UNIT = ("Territoires d'industrie : la Haute-Marne confirmée dans le programme.\n\n"
                "En Haute-Marne, le territoire du Grand Langres est reconduit.\n\n"
                "Le territoire Nord Haute-Marne est retenu.\n\n")


def test_a_departement_read_as_a_territory_is_compared_once_with_the_others(monkeypatch):
    """A list of territories by département repeated 200 times took 18.5 s (×18 for ×4 the
    text): each mention bearing a département's name read every place, and for each place every
    mention. Mentions and places are now read once; the result is the former loop's."""
    from dataclasses import replace

    from pipeline.extract import territories
    from pipeline.extract.territories.common import is_place_name, sentence_bounds

    (text, mentions, places), _ = _call_in_extraction(monkeypatch, territories, "_departements_holding_others")
    # each département place read as a territory too, as the title's "la Gironde confirmée"
    mentions = mentions + [replace(mentions[0], name=text[p.start:p.end], start=p.start, end=p.end)
                           for p in places if p.kind == "departement"][::3]

    def former(mentions):  # the loop before g76perf
        doomed = set()
        for mention in mentions:
            if not is_place_name(mention.name):
                continue
            spans = [(m.start, m.end) for m in mentions if m.territory_id == mention.territory_id]
            codes = {p.code for p in places if p.kind == "departement" and (p.start, p.end) in spans}
            elsewhere = [p for p in places if p.code in codes and not any(m.start <= p.start < m.end for m in mentions)]
            for place in elsewhere:
                start, end = sentence_bounds(text, place.start)
                if any(m.territory_id != mention.territory_id and start <= m.start < end for m in mentions):
                    doomed.add(mention.territory_id)
        return [m for m in mentions if m.territory_id not in doomed]

    result = territories._departements_holding_others(text, mentions, places)
    assert result == former(mentions)
    assert len(result) < len(mentions)  # the département mentions dropped, the territories kept


def test_paragraphs_and_territories_after_blank_lines_are_found_by_bisection(monkeypatch):
    """A press dossier repeated 200 times, its lines shuffled, took 15 s in stated counts: each
    count and list split the whole text into paragraphs again, and each blank line between
    sentences read every territory. The paragraphs are read once a text and found by bisection;
    the results are the former scans'."""
    from pipeline.extract import membership, stated_counts
    from pipeline.extract.figure_context import paragraphs

    (sentences, text, territories), split = _call_in_extraction(monkeypatch, membership, "_split_at_blank_lines")
    former = []
    for start, end in sentences:
        for blank in membership.STOP_THEN_BLANK_LINE.finditer(text, start, end):
            if text[start:blank.start()].strip() and any(blank.end() <= t.start < end for t in territories):
                former.append((start, blank.start() + 1))
                start = blank.end()
        former.append((start, end))
    assert split == former
    folded = text.lower()
    spans = paragraphs(folded)
    written = [(start, end) for start, end in spans if folded[start:end].strip()]
    for position in range(0, len(folded) + 2, 7):
        assert stated_counts._paragraph_start(folded, position) == next(
            (start for start, end in spans if start <= position < end), 0)
        assert stated_counts._holding(stated_counts._written_paragraphs(folded), position) == next(
            (i for i, (start, end) in enumerate(written) if start <= position < end), None)


def test_a_chain_of_label_predicates_reads_each_subject_within_a_bounded_window(monkeypatch):
    """"A est labellisé Territoire d'industrie, et B est reconduit, et B est reconduit, …" in one
    sentence: each predicate read its subject's clause from the sentence's start, the whole chain
    (quadratic: 1,600 links took 10.5 s). A subject is now read over at most SUBJECT_REACH
    characters before its predicate."""
    from pipeline.extract.assemble import extract
    from pipeline.extract.territories import predicates

    function, windows = predicates._clause_start, []

    def kept(text, start, end):
        windows.append(end - start)
        return function(text, start, end)

    monkeypatch.setattr(predicates, "_clause_start", kept)
    text = "Le Grand Troyes est labellisé Territoire d'industrie" + ", et Vitry est reconduit" * 400 + ".\n"
    [doc] = nlp.parse([text])
    extract(text, doc)
    assert len(windows) > 300 and max(windows) <= predicates.SUBJECT_REACH < len(text)


def test_a_section_heading_is_found_by_bisection_as_by_the_walk_up_its_block():
    """Each mention walked up its block of lines one line at a time (a block of 2,000 member
    lines: quadratic); the blocks are read once a text. The heading found is the former walk's."""
    from pipeline.extract import membership

    def former_block_start(text, position):
        line_start = text.rfind("\n", 0, position) + 1
        while line_start > 0 and text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1].strip():
            line_start = text.rfind("\n", 0, line_start - 1) + 1
        return line_start

    text = ("Communiqué\n\nSud Manche : relancer l'industrie\nLa CC Villedieu Intercom est membre.\n"
            "Granville Terre et Mer aussi.\n \n\t\n\n\n\nPays de Coutances : un projet\n\nLa CC X.\n"
            "\nLigne seule\n") * 3
    starts = membership._block_starts(text)
    headings = set()
    for position in range(len(text) + 1):
        assert starts[membership.bisect_right(starts, text.rfind("\n", 0, position) + 1) - 1] \
            == former_block_start(text, position)
        headings.add(membership._section_heading(text, position))
    assert any(h and text[slice(*h)] == "Sud Manche" for h in headings)


def test_a_line_gap_reads_its_marks_back_to_its_line_only():
    """refine_sentences copied a sentence from its start to each line break, and from it to the
    sentence's end (a sentence of 50,000 short lines: quadratic); the marks around a gap are read
    to the line's start and to the next character that is none. The sentences are the former's."""
    import random

    from pipeline.extract import figures

    def former(text, sentences):
        refined = []
        for start, end in sentences:
            cut = start
            for gap in figures.LINE_GAP.finditer(text[start:end]):
                gap_start, gap_end = start + gap.start(), start + gap.end()
                previous = text[start:gap_start].rstrip("*_»\" \t")
                following = text[gap_end:end].lstrip("#*_ ")
                if not previous or not following or not following[0].isupper():
                    continue
                last = previous[-1]
                blank = "\n" in gap.group().split("\n", 1)[1]
                if last in ".!?" or (blank and not last.islower() and last not in ",;:(-–"):
                    refined.append((cut, gap_start))
                    cut = gap_end
            refined.append((cut, end))
        return refined

    pieces = ["Nom", "nom", ".", "**", "_", "»", " ", "\t", "\n", "\n\n", "# ", ",", "A"]
    generator = random.Random(79)
    for _ in range(300):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30)))
        sentences = [(0, len(text))] if text else []
        cuts = sorted({p for block in figures.parse(text).lists if block.kind != "inline"
                       for p in (*(item.span.start for item in block.items), block.span.end)})
        expected = [piece for s, e in former(text, sentences) for piece in figures._cut_at(text, s, e, cuts)]
        # then each table row a sentence of its own, whole (g85p92): the former had no such step
        expected = figures._rows_whole(text, expected, figures.parse(text))
        assert list(figures.refine_sentences(text, sentences)) == expected


def test_spans_taken_so_far_hold_a_position_as_the_former_scan():
    """Three rules of members.py compared each match with every mention found so far; a sorted
    list of spans (_TakenSpans) answers as the former scan did."""
    import random

    from pipeline.extract.members import _TakenSpans

    generator = random.Random(79)
    spans, taken = [], _TakenSpans(())
    for _ in range(400):
        start = generator.randint(0, 500)
        span = (start, start + generator.randint(1, 40))
        spans.append(span)
        taken.add(*span)
        position = generator.randint(0, 560)
        assert taken.holds(position) == any(s <= position < e for s, e in spans)
