"""The départements of a territory named after its towns ("Gap-Tallard", "Lacq-Pau-Tarbes").

A regional list often names territories by their towns and places them nowhere else. The
commune names of the referential (towns.csv, every current commune) say where such a town lies,
but names are shared (Aubusson: Creuse and Orne; Chaumont: five départements) and many are
ordinary words. A town therefore places a territory only when its name, written with a capital in
the territory's name, is one commune's in France, or one commune's within the régions the text
places the territory in; a name that is also a word of territory names (rules/town_words.json)
places nothing. Used only for a territory that nothing else places.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.normalize import unligature

RULES_DIR = Path(__file__).parent / "rules"
TOWNS_CSV = Path(referential.__file__).parent / "data" / "referential" / "towns.csv"
WORD = re.compile(r"[^\W\d_]+")
JOINING_WORDS = {"et"}  # "Béziers et Sète"
LONGEST_NAME = 8  # words: "Saint-Martin-de-Belleville-et-…" names longer than this are rare


def _key(words: list[str]) -> str:
    return " ".join(words)


def _words(name: str) -> list[str]:
    """Lower case, accents kept ("Vire" is no "Viré"), ligatures undone."""
    return WORD.findall(unligature(name).lower())


@lru_cache(maxsize=1)
def _towns() -> dict[str, frozenset[str]]:
    """Commune name, its words joined by one space -> the départements of the communes so named
    and of the communes whose longer name opens with it ("Lézignan": 65, and 11 for
    Lézignan-Corbières, which a territory's name may shorten so); the names of départements and
    régions left out (places.py reads those), and the words of rules/town_words.json."""
    ref = referential.load()
    areas = {_key(_words(area.name)) for area in [*ref.departements.values(), *ref.regions.values()]}
    common = set(json.loads((RULES_DIR / "town_words.json").read_text(encoding="utf-8"))["words"])
    exact: dict[str, set[str]] = {}
    longer: dict[str, set[str]] = {}
    with TOWNS_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            words = _words(row["name"])
            codes = row["departement_codes"].split("|")
            exact.setdefault(_key(words), set()).update(codes)
            for length in range(1, len(words)):
                longer.setdefault(_key(words[:length]), set()).update(codes)
    return {key: frozenset(codes | longer.get(key, set())) for key, codes in exact.items()
            if key not in areas and key not in common}


def towns_in_name(name: str) -> list[frozenset[str]]:
    """The départements of each town of a name made of towns only ("Gap-Tallard", "Troyes Bar sur
    Aube": Troyes, Bar-sur-Aube), read from the left, the longest commune name first, each town's
    first word capitalised; nothing when any other word is left ("Nice Côte d'Azur", "Pays de
    Gex"): a commune's name inside a longer name is often a word of that name ("Saint-Quentin" of
    "Saint-Quentin-en-Yvelines")."""
    words = [(word, word.lower()) for word in WORD.findall(unligature(name))]
    towns = _towns()
    found = []
    index = 0
    while index < len(words):
        if words[index][1] in JOINING_WORDS and found:
            index += 1
            continue
        for length in range(min(LONGEST_NAME, len(words) - index), 0, -1):
            codes = towns.get(_key([folded for _, folded in words[index:index + length]]))
            if codes is not None and words[index][0][0].isupper():
                found.append(codes)
                index += length
                break
        else:
            return []
    return found


def departements_of_towns(name: str, region_codes: set[str]) -> set[str]:
    """The départements the towns of a territory's name place it in: each town's one commune in
    France, or its one commune within `region_codes` when the text places the territory there.
    A town with no commune in those régions, or with several, places nothing."""
    within = referential.departements_of_regions(frozenset(region_codes)) if region_codes else None
    found: set[str] = set()
    for codes in towns_in_name(name):
        candidates = codes & within if within is not None else codes
        if len(candidates) == 1:
            found |= candidates
    return found
