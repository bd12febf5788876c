"""A pattern scanned over whole documents, with a cheap test of its first character in front.

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
"""

from __future__ import annotations

import re
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
