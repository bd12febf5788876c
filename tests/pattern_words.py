"""Test helper: the texts an alternation of words matches, to write test texts from a rule's words."""

from __future__ import annotations

from re import _constants as C  # noqa: N812 (the names of the parsed pattern's operations)
from re import _parser


def _texts(items) -> list[str] | None:
    """Every text the parsed sequence `items` matches when it is made of literal characters,
    alternations and optional parts only; None otherwise."""
    texts = [""]
    for op, av in items:
        if op is C.LITERAL:
            options = [chr(av)]
        elif op is C.IN and all(item is C.LITERAL for item, _ in av):
            options = [chr(character) for _, character in av]
        elif op is C.SUBPATTERN and not (av[1] or av[2]):
            options = _texts(av[3])
        elif op is C.BRANCH:
            branches = [_texts(alternative) for alternative in av[1]]
            options = None if None in branches else [text for branch in branches for text in branch]
        elif op is C.MAX_REPEAT and av[:2] == (0, 1):
            inner = _texts(av[2])
            options = None if inner is None else ["", *inner]
        else:
            options = None
        if options is None:
            return None
        texts = [text + option for text in texts for option in options]
    return texts


def spelled_out(pattern: str) -> list[str]:
    """The texts matched by the alternatives of the alternation `pattern` that are written out
    ("(?:lui|elle) aussi": "lui aussi", "elle aussi"; "fiere? d'etre"); an alternative with a class
    or a repeat ("en\\s+\\d{4}") is left out."""
    parsed = _parser.parse(pattern)
    alternatives = parsed[0][1][1] if len(parsed) == 1 and parsed[0][0] is C.BRANCH else [parsed]
    return [text for alternative in alternatives for text in (_texts(alternative) or [])]
