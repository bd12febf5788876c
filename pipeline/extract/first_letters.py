"""A pattern scanned over whole documents, with a cheap test in front: of its first character,
or of a piece of text every match contains.

Python's regex engine skips ahead quickly only when a pattern opens with a literal or a set of
characters. Most rules open with a look-behind (`(?<![\\w'])`), a word boundary or an
alternation of many words: then the engine tries every branch at every character of the text
(the place names' patterns, the enumeration cues, the label predicates, the EPCI heads: a large
part of the extraction's time). `with_first_letters` puts in
front a look-ahead at the characters a match can open with, computed from the pattern itself:
a position whose character is not one of them fails at once, and the matches are the same (the
look-ahead only rejects positions where no match can start).

The first characters are read from the pattern as CPython's `re` parses it (re._parser and
re._compiler, Python 3.11 as pinned); whenever they cannot be bounded (a match that may open with
any character, or may be empty), the pattern is returned unchanged.

A rule of many patterns (the enumeration cues) scans a document once per pattern, even when the
words a pattern needs are nowhere in it ("parmi", "a savoir", "en compte": most documents have
none). `required_text` reads from the pattern the longest piece of text that every match
contains, so that `required_text(p) in text` (a fast substring search) decides whether the scan
can find anything at all. An alternation of rules (the page chrome's lines, a sentence's
comparisons) has no such piece: `required_texts` gives one for each alternative, and
`may_match` says whether a text holds any.

`written_forms` writes the fixed-width forms of an alternation's alternatives, and
`written_endings` those of how the others end: the adverbs a label predicate may open with, refused
in look-behinds as the words before it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import lru_cache
from re import _constants as C  # noqa: N812 (the names of the parsed pattern's operations)
from re import _compiler, _parser

_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT}


class _Unbounded(Exception):
    """A match may open with any character: no test to put in front."""


def _class_items(charset) -> list[str]:
    """The items of a character class `[...]` for a parsed set (no negated set)."""
    items = []
    for op, av in charset:
        if op is C.LITERAL:
            items.append(re.escape(chr(av)))
        elif op is C.RANGE:
            items.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            items.append(r"\d")
        else:  # a negated set, a wide category (\\w, \\s…: a test per character as slow as the pattern's own)
            raise _Unbounded
    return items


def _first(items) -> tuple[list[str], bool]:
    """(class items a match of the sequence `items` can open with, whether it can be empty)."""
    found: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return found + [re.escape(chr(av))], False
        if op is C.IN:
            return found + _class_items(av), False
        if op is C.SUBPATTERN:
            inner, empty = _first(av[3])
        elif op is C.ATOMIC_GROUP:
            inner, empty = _first(av)
        elif op is C.BRANCH:
            inner, empty = [], False
            for alternative in av[1]:
                first, alternative_empty = _first(alternative)
                inner += first
                empty = empty or alternative_empty
        elif op in _REPEATS:
            inner, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:  # any character, a back-reference, a conditional group
            raise _Unbounded
        found += inner
        if not empty:
            return found, False
    return found, True


def with_first_letters(pattern: re.Pattern) -> re.Pattern:
    """`pattern`, the same matches, with a look-ahead at its possible first characters in front;
    unchanged when the engine already skips ahead by itself (a literal or a set opens it: the
    look-ahead would only slow it down). A pattern with case-insensitive parts gets a
    case-insensitive test: a wider test is still a right one."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if _compiler._get_literal_prefix(parsed, pattern.flags)[0] or _compiler._get_charset_prefix(parsed, pattern.flags):
        return pattern
    try:
        first, empty = _first(parsed)
    except _Unbounded:
        return pattern
    if empty or not first or re.match(r"\(\?[aiLmsux]+\)", pattern.pattern):
        return pattern  # may match the empty string; or global flags, which must open the pattern
    letters = "[" + "".join(dict.fromkeys(first)) + "]"
    if pattern.flags & re.IGNORECASE or re.search(r"\(\?[a-zA-Z]*i", pattern.pattern):
        letters = "(?i:" + letters + ")"
    return re.compile("(?=" + letters + ")" + pattern.pattern, pattern.flags)


def _longest_required(items) -> str:
    """The longest run of literal characters that every match of the sequence `items` contains:
    a run of the sequence itself, or one of a group or of a repeat taken at least once (not of an
    alternation, a look-around, a class, or a group with flags of its own)."""
    longest, run = "", ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        longest, run = max(longest, run, key=len), ""
        if op is C.SUBPATTERN and not (av[1] or av[2]):
            longest = max(longest, _longest_required(av[3]), key=len)
        elif op in _REPEATS and av[0] >= 1:
            longest = max(longest, _longest_required(av[2]), key=len)
    return max(longest, run, key=len)


def required_text(pattern: re.Pattern) -> str:
    """The longest piece of text every match of `pattern` contains, "" when none can be told (or
    the pattern is case-insensitive or verbose): `required_text(p) not in text` means no match."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    return _longest_required(parsed)


@lru_cache(maxsize=None)
def required_texts(pattern: re.Pattern) -> tuple[str, ...]:
    """Pieces of text one of which every match of `pattern` contains: its `required_text`, else
    those of each alternative of a group of alternatives every match goes through (an alternation
    of rules); () when that cannot be told (or the pattern is verbose, or case-insensitive and a
    piece has letters). `may_match` tests them. Cached: PiecesIndex asks it for the same
    patterns in every document, and parsing a pattern costs more than the look-ups it saves."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & re.VERBOSE:
        return ()
    pieces = _required_pieces(list(parsed))
    if parsed.state.flags & re.IGNORECASE and any(c.isalpha() for piece in pieces for c in piece):
        return ()  # "2018" stays, "lire" would miss "LIRE"
    return pieces


def _required_pieces(items) -> tuple[str, ...]:
    longest = _longest_required(items)
    if longest:
        return (longest,)
    for op, av in items:  # look-arounds and repeats are not gone through by every match
        if op is C.SUBPATTERN and not (av[1] or av[2]):
            pieces = _required_pieces(av[3])
        elif op is C.BRANCH:
            each = [_required_pieces(alternative) for alternative in av[1]]
            pieces = tuple(dict.fromkeys(p for alternative in each for p in alternative)) if all(each) else ()
        else:
            continue
        if pieces:
            return pieces
    return ()


def may_match(texts: tuple[str, ...], text: str) -> bool:
    """False when `text` holds none of `texts` (required_texts): no match can be found there."""
    return not texts or any(piece in text for piece in texts)


def _forms(items, most: int) -> list[tuple[str, int]] | None:
    """(pattern, width) of every fixed-width form of the parsed sequence `items` made of literal
    characters, digits, blanks, alternations and repeats, a run of blanks written with one blank
    (or none where it may be empty); None past `most` forms or for anything else."""
    forms = [("", 0)]
    for op, av in items:
        if op is C.LITERAL:
            options = [(re.escape(chr(av)), 1)]
        elif op is C.IN and all(item is C.LITERAL for item, _ in av):
            options = [(re.escape(chr(character)), 1) for _, character in av]
        elif op is C.IN and av in ([(C.CATEGORY, C.CATEGORY_DIGIT)], [(C.CATEGORY, C.CATEGORY_SPACE)]):
            options = [(r"\d" if av[0][1] is C.CATEGORY_DIGIT else r"\s", 1)]
        elif op is C.SUBPATTERN and not (av[1] or av[2]):
            options = _forms(av[3], most)
        elif op is C.BRANCH:
            branches = [_forms(alternative, most) for alternative in av[1]]
            options = None if None in branches else [form for branch in branches for form in branch]
        elif op is C.MAX_REPEAT and (inner := _forms(av[2], most)) is not None:
            counts = range(av[0], av[1] + 1) if av[1] is not C.MAXREPEAT else [av[0]] if av[0] else [0, 1]
            options = [("".join(f for f, _ in chosen), sum(w for _, w in chosen))
                       for count in counts for chosen in itertools.product(inner, repeat=count)]
        else:
            options = None
        if options is None or len(forms) * len(options) > most:
            return None
        forms = [(form + option, width + option_width) for form, width in forms for option, option_width in options]
    return forms


def _alternatives(pattern: str) -> list:
    """The parsed alternatives of the alternation `pattern`, or the pattern parsed as one."""
    parsed = _parser.parse(pattern)
    return parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is C.BRANCH else [parsed]


def written_forms(pattern: str, most: int = 64) -> dict[int, list[str]]:
    """Width -> patterns of the fixed-width forms of the alternatives of the alternation `pattern`
    (for look-behinds): "en\\s+\\d{4},?" gives "en\\s\\d\\d\\d\\d" and the same with its comma;
    an alternative of more than `most` forms, or of other parts, is left out."""
    alternatives = _alternatives(pattern)
    by_width: dict[int, list[str]] = {}
    for alternative in alternatives:
        for form, width in _forms(alternative, most) or []:
            by_width.setdefault(width, []).append(form)
    return by_width


def written_endings(pattern: str, most: int = 128, shortest: int = 3) -> dict[int, list[str]]:
    """Width -> patterns of the fixed-width forms of how the alternatives of `pattern` that
    `written_forms` leaves out end: the longest run of their last parts of at most `most` forms
    ("(?:en|le)\\s*(?:mars|mai),?" ends with "mars", "mars,", "mai", "mai,"), none shorter than
    `shortest` characters. Such an ending does not tell the alternative matched before it."""
    alternatives = _alternatives(pattern)
    by_width: dict[int, list[str]] = {}
    for alternative in alternatives:
        if _forms(alternative, 64) is not None:
            continue
        ending = next((forms for start in range(1, len(alternative)) if (forms := _forms(alternative[start:], most))), [])
        for form, width in ending:
            if width >= shortest:
                by_width.setdefault(width, []).append(form)
    return by_width


class PiecesIndex:
    """Where the `required_texts` of a pattern stand in one text, found once: whether a stretch of
    it holds one of them whole, told by bisection, without reading the stretch. A rule that scans
    the stretch around each of many figures (a sentence of 3,000 figures, each scanning the whole
    sentence: quadratic) skips the scan where no match can be."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pieces = required_texts(pattern)
        self.starts = {piece: _occurrences(piece, text) for piece in self.pieces}

    def may_match(self, start: int, end: int) -> bool:
        """False when text[start:end] holds none of the pieces: no match of the pattern there."""
        if not self.pieces:
            return True
        for piece, starts in self.starts.items():
            index = bisect_left(starts, start)
            if index < len(starts) and starts[index] + len(piece) <= end:
                return True
        return False


def _occurrences(piece: str, text: str) -> list[int]:
    """The start of every occurrence of `piece` in `text`, overlapping ones included."""
    starts, found = [], text.find(piece)
    while found >= 0:
        starts.append(found)
        found = text.find(piece, found + 1)
    return starts
