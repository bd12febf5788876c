"""Text normalisation shared by readers, extractors, linking and evaluation.

`fold` keeps one character per character so that a regex run on the folded text gives offsets
valid in the original text: this is how every extraction stays grounded (text[start:end] == mention).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘ʼ´`"
DASHES = "-‐‑‒–—―−"
SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\t"

_FOLD_TABLE: dict[int, str] = {}
for _c in APOSTROPHES:
    _FOLD_TABLE[ord(_c)] = "'"
for _c in DASHES:
    _FOLD_TABLE[ord(_c)] = "-"
for _c in SPACES:
    _FOLD_TABLE[ord(_c)] = " "
_FOLD_TABLE.update({ord("œ"): "o", ord("Œ"): "o", ord("æ"): "a", ord("Æ"): "a",
                    ord("«"): '"', ord("»"): '"', ord("“"): '"', ord("”"): '"'})


def _fold_char(char: str) -> str:
    mapped = _FOLD_TABLE.get(ord(char))
    if mapped is not None:
        return mapped
    base = unicodedata.normalize("NFD", char)[0].lower()
    return base if len(base) == 1 else char


# Latin, punctuation and symbol blocks: every character French text uses. Others stay as they are.
_FOLD_TRANSLATION = {code: folded for code in range(0x2500)
                     if not 0xD800 <= code <= 0xDFFF and (folded := _fold_char(chr(code))) != chr(code)}


# From this length on a string is a document (or a large part of one), folded by a dozen rules.
LONG_TEXT = 500


def fold(text: str) -> str:
    """Lower case, no accents, one apostrophe, one dash, one space; same length as `text`, one
    character for one, so fold(text)[a:b] == fold(text[a:b]). Folded strings are remembered: a
    long text (_fold_long) because every extractor folds the document it reads, a short one
    (_fold_short) because the rules fold the same lines, names and sentences again and again."""
    if len(text) >= LONG_TEXT:
        return _fold_long(text)
    return _fold_short(text)


@lru_cache(maxsize=32)
def _fold_long(text: str) -> str:
    return text.translate(_FOLD_TRANSLATION)


# 2,000 generated communiqués fold 490,000 short strings, 61,000 distinct ones, and the
# translation costs about 100 ns a character (a dictionary look-up each): a tenth of the
# extraction's time without this cache. 65,536 strings of under LONG_TEXT characters: ~15 MB.
@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return text.translate(_FOLD_TRANSLATION)


LEADING_ARTICLES = re.compile(r"^(?:(?:de|du|des|d|l|la|le|les)\s+)+")
NOT_LETTERS_OR_DIGITS = re.compile(r"[^a-z0-9]+")  # what name_key turns into blanks


LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def unligature(text: str) -> str:
    """'Cœur' -> 'Coeur': for keys and comparisons, where length need not be kept."""
    return text.translate(LIGATURES)


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Key under which two spellings of one name compare equal.

    "Territoire d'Industrie de l'Ouest Rural" minus its prefix, "l’Ouest  Rural" and
    "OUEST-RURAL" all give "ouest-rural": case, accents, apostrophes, dashes, slashes,
    spacing and leading articles do not matter, nor "&" for "et" ("Tarn & Garonne"). Cached: a territory mention's territory_id is
    this key of its name, asked dozens of times per mention.
    """
    folded = fold(unligature(name)).replace("&", " et ")
    folded = NOT_LETTERS_OR_DIGITS.sub(" ", folded).strip()
    folded = LEADING_ARTICLES.sub("", folded)
    return "-".join(folded.split())


# A word cut by a hyphen at a line's end, as a PDF or a hard-wrapped text cuts it ("Haut-Doubs
# Horlo-" / "ger"); the hyphen stays when the next line goes on with a compound's part in
# capitals or a small word ("Bourgogne-" / "Franche-Comté", "Pont-" / "à-Mousson").
LINE_CUT = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=(?P<next>[^\W\d_][\w'’]*))")
KEPT_AFTER_CUT = {"de", "du", "des", "la", "le", "les", "l", "d", "à", "au", "aux", "en", "et", "sur", "sous", "lès", "lez"}


def mend_line_cuts(text: str) -> str:
    """`text` with the words a hyphen cut at a line's end joined again."""
    def joined(cut: re.Match) -> str:
        word = cut.group("next")
        if word[0].isupper() or word.lower().rstrip("'’") in KEPT_AFTER_CUT:
            return "-"
        return ""
    return LINE_CUT.sub(joined, text)


_ONE_APOSTROPHE = str.maketrans({c: "'" for c in APOSTROPHES})


def collapse_spaces(text: str) -> str:
    """One space between words, apostrophes unified: the display form of a name from the text."""
    return " ".join(text.translate(_ONE_APOSTROPHE).split())
