"""with_first_letters changes how fast a pattern scans, never what it matches; required_text is in every match,
one of required_texts too, and PiecesIndex says where none can be; spelled_out (a test helper) lists the texts of the written-out alternatives."""

import re

import pytest

from pattern_words import spelled_out
from pipeline.extract.first_letters import (PiecesIndex, may_match, required_text, required_texts, with_first_letters, written_endings,
                                             written_forms)

TEXT = ("Le territoire du Grand Libournais, labellisé en 2019, regroupe la CC du Pays Foyen et "
        "l'agglomération de Libourne.\n- Ariège : 3 EPCI ; La Communauté d'Agglomération Pays Basque "
        "(CAPB), 15 000 emplois. COMMUNAUTÉ DE COMMUNES du Haut-Jura, ſ, İstanbul, 2023-2027.")

PATTERNS = [r"(?<![\w'])(?:regroupe|rassemble)\b", r"\b(?:territoires?|laureats?)\b", r"(?i:communaut[ée])\s+de",
            r"(?:(?<![\w-])|(?<=\n-))ari[eè]ge", r"(?:^|(?<=\n))-\s*\w+", r"(?<![\d/])(20[1-3]\d)(?![\d/])",
            r"(?:la|l')?\s*(?i:agglom[ée]ration)", r"(?<=\()\w+", r"(?:x?)", r"[^a]b", r"\w+ de"]


@pytest.mark.parametrize("source", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_same_matches(source, flags):
    pattern = re.compile(source, flags)
    quick = with_first_letters(pattern)
    assert [(m.span(), m.groups()) for m in quick.finditer(TEXT)] == \
        [(m.span(), m.groups()) for m in pattern.finditer(TEXT)]
    assert quick.groupindex == pattern.groupindex


def test_bounded_patterns_get_the_test_and_others_stay():
    assert with_first_letters(re.compile(r"(?<![\w'])(?:regroupe|rassemble)")).pattern.startswith("(?=[r]")
    for source in (r"\w+ de", r"(?:x?)", r"[^a]b", r"regroupe"):  # unbounded, empty, negated, a literal prefix
        assert with_first_letters(re.compile(source)).pattern == source


@pytest.mark.parametrize("source", PATTERNS + [r"\bparmi\s+(?:eux|elles)\s*,", r"(?:ab|cd)ef(?:gh)+i", r"(?i:pays)\s+foyen"])
def test_every_match_holds_the_required_text(source):
    pattern = re.compile(source)
    required = required_text(pattern)
    assert all(required in m.group() for m in pattern.finditer(TEXT + " parmi eux, cdefghghi"))


def test_the_required_text_is_read_where_every_match_must_hold_it():
    assert required_text(re.compile(r"\bje\s+pense\s+(?:d'abord\s+)?a\s+")) == "pense"
    assert required_text(re.compile(r"(?:ab|cd)ef(?:xyz)+")) == "xyz"
    assert required_text(re.compile(r"(?:xyz)*q|r")) == ""  # an alternation: no text every match holds
    assert required_text(re.compile(r"parmi", re.IGNORECASE)) == ""  # "Parmi" matches too
    assert required_text(re.compile(r"(?i:parmi)\s+les")) == "les"


@pytest.mark.parametrize("source", PATTERNS + [r"(?:cookies?)|(?:\bmise?s? a jour\b)|(?:sauvegarder (?:cet|ce) article)",
                                              r"\bje\s+pense\s+(?:d'abord\s+)?a\s+|(?:ab|cd)ef(?:xyz)+",
                                              r"(?=[ic])(?:a\s+l'instar|comme\s+en)[^,]{0,9}"])
def test_every_match_holds_one_of_the_required_texts(source):
    pattern = re.compile(source)
    texts = required_texts(pattern)
    for line in (TEXT + " mis a jour, sauvegarder cet article, je pense a x, cdefxyz").split(","):
        assert may_match(texts, line) or not pattern.search(line)


def test_the_required_texts_are_one_for_each_alternative_or_none():
    assert required_texts(re.compile(r"(?:cookies?)|(?:\bmises? a jour\b)|(?:sauvegarder (?:cet|ce) article)")) == \
        ("cookie", " a jour", "sauvegarder ce")
    assert required_texts(re.compile(r"\bje\s+pense\s+a")) == ("pense",)
    assert required_texts(re.compile(r"cookie|\d+")) == ()  # an alternative with no text: no test
    assert required_texts(re.compile(r"cookie|jour", re.IGNORECASE)) == ()
    assert required_texts(re.compile(r"(?=[ic])(?:a\s+l'instar|comme\s+en)[^,]{0,9}")) == ("l'instar", "comme")
    assert required_texts(re.compile(r"(?:lanc|cre)e?s?\s+en\s+2018", re.IGNORECASE)) == ("2018",)
    assert may_match((), "anything") and not may_match(("cookie",), "un gateau")


def test_the_alternatives_written_out_are_spelled_and_the_others_left_out():
    assert spelled_out(r"(?:bien|(?:lui|elle) aussi|fiere? d'etre|en\s+\d{4}|[ab]c|x+)") == \
        ["bien", "lui aussi", "elle aussi", "fier d'etre", "fiere d'etre", "ac", "bc"]
    assert spelled_out("chacun|chacune") == ["chacun", "chacune"]


def test_the_fixed_width_forms_write_each_run_of_blanks_with_one_blank():
    assert written_forms(r"(?:bien|fiere? d'etre|en\s+\d{4},?|[ab]c|x\s*y)") == {
        4: ["bien"], 11: [r"fier\ d'etre"], 12: [r"fiere\ d'etre"], 7: [r"en\s\d\d\d\d"], 8: [r"en\s\d\d\d\d,"],
        2: ["ac", "bc", "xy"], 3: [r"x\sy"]}
    assert written_forms(r"(?:le|en)\s*\d{1,2}\s+(?:mars|mai)", most=8) == {}  # 16 forms: left out


def test_the_endings_of_the_alternatives_of_too_many_forms_are_written():
    dates = r"(?:bien|(?:en|le|fin)\s*(?:\d{1,2}\s+)?(?:mars|mai)(?:\s+\d{4})?,?)"
    assert written_forms(dates, most=16) == {4: ["bien"]}  # the dates: 72 forms
    assert written_endings(dates, most=8) == {
        3: ["mai"], 4: ["mars", "mai,"], 5: ["mars,"], 8: [r"mai\s\d\d\d\d"], 9: [r"mars\s\d\d\d\d", r"mai\s\d\d\d\d,"],
        10: [r"mars\s\d\d\d\d,"]}


@pytest.mark.parametrize("source", [r"(?<![\w'])(?:(?:la|notre|en|de la) region|les credits regiona(?:le|l|ux))(?!\w)",
                                    r"\b(?:territoires?|laureats?)\b", r"[^a]b"])
def test_a_stretch_without_the_pieces_holds_no_match_and_one_with_a_match_holds_them(source):
    pattern = re.compile(source)
    text = "En Bretagne, la region aide les territoires ; les credits regionaux, notre region, un laureat.\nregion"
    pieces = PiecesIndex(pattern, text)
    stretches = [(start, end) for start in range(0, len(text), 3) for end in range(start, len(text) + 1, 4)]
    assert any(not pieces.may_match(*stretch) for stretch in stretches) == bool(required_texts(pattern))
    for stretch in stretches:
        if pattern.search(text, *stretch):
            assert pieces.may_match(*stretch)
        if pieces.pieces:
            assert pieces.may_match(*stretch) == any(piece in text[slice(*stretch)] for piece in pieces.pieces)
