"""Intercommunalities named by the demonym of their town: "l'agglo paloise", "la communauté
d'agglomération vannetaise", "la métropole rouennaise".

data/town_demonyms.csv holds the demonyms (gentilés, masculine and feminine singular; plurals
are derived) of the towns that are the seats of communautés d'agglomération, communautés urbaines
and métropoles, each with the commune's INSEE code and a public page stating it; it also holds a
few towns that share a seat's demonym ("clermontois": Clermont-Ferrand and Clermont in the Oise),
so that such a demonym is known to be ambiguous. No referential of the product holds demonyms.

Only a legal-form word right before the demonym makes it an EPCI ("les entreprises paloises" names
none). The EPCI is the one of that legal form, in the town's département and in the document's
year, whose name then held the town's name ("CA Pau Béarn Pyrénées", "CA Golfe du Morbihan -
Vannes Agglomération") or the demonym itself ("CA du Niortais", "CA Bergeracoise"); a demonym of two towns, or a town whose name no or two such EPCIs hold,
links to nothing. Former provinces ("béarnais", "bigourdan") are no town and are not in the file.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.normalize import fold

DEMONYMS_FILE = Path(__file__).parent / "data" / "town_demonyms.csv"
DEMONYM_SCORE = 0.94  # an everyday form, exact, as linking's EVERYDAY_FORM_SCORE

# the legal form written before the demonym -> the EPCI types it may mean: "l'agglomération
# dunkerquoise" is said of a communauté urbaine too, but "l'agglomération lyonnaise" is mostly the
# urban area around a métropole, which "la métropole lyonnaise" names
WRITTEN = re.compile(r"^(?:(?:la|l')\s*)?(?P<form>communaute\s+d'\s*agglo(?:meration)?|agglo(?:meration)?"
                     r"|communaute\s+urbaine|metropole)\s+(?P<demonym>[a-z][a-z'-]*[a-z])$")
FORM_TYPES = (("communaute urbaine", ("CU",)), ("communaute", ("CA",)),
              ("metropole", ("METRO", "MET69")), ("agglo", ("CA", "CU")))
# the legal form a head before the demonym gave (members.head_type: "l'agglomération | paloise")
HEAD_TYPES = {"CA": ("CA", "CU"), "CU": ("CU",), "METRO": ("METRO", "MET69")}
BARE = re.compile(r"^(?P<demonym>[a-z][a-z'-]*[a-z])$")
WORD = re.compile(r"[a-z]+")
# "Chalon-sur-Saône", "Lons-le-Saunier": the town's name may be written without its qualifier
# in its EPCI's ("CA Le Grand Chalon", "Espace Communautaire Lons Agglomération")
QUALIFIER = frozenset({"sur", "sous", "en", "les", "lez", "le", "la"})
LEADING_ARTICLES = frozenset({"le", "la", "les", "l"})


def _plurals(singular: str) -> set[str]:
    if singular.endswith(("s", "x")):
        return {singular}
    return {singular + ("x" if singular.endswith("eau") else "s")}


@lru_cache(maxsize=1)
def _towns_by_form() -> dict[str, frozenset[tuple[str, str]]]:
    """Folded demonym form -> the (INSEE code, name) of each town it names."""
    forms: dict[str, set[tuple[str, str]]] = {}
    for row in _rows():
        for form in _forms(row):
            forms.setdefault(form, set()).add((row["insee"], row["commune"]))
    return {form: frozenset(towns) for form, towns in forms.items()}


def towns_of_demonym(word: str) -> frozenset[str]:
    """The names of the towns a demonym is made from ("auscitain": Auch), whatever its form."""
    return frozenset(name for _, name in _towns_by_form().get(fold(word), ()))


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    with DEMONYMS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def _forms(row: dict) -> set[str]:
    """The folded forms of a town's demonym: masculine, feminine, singular, plural."""
    return {fold(form) for singular in (row["masculine"], row["feminine"])
            for form in {singular} | _plurals(singular)}


@lru_cache(maxsize=1)
def _forms_by_town() -> dict[str, frozenset[str]]:
    return {row["insee"]: frozenset(_forms(row)) for row in _rows()}


def _departement(insee: str) -> str:
    return insee[:3] if insee.startswith("97") else insee[:2]


def _words(name: str) -> list[str]:
    return WORD.findall(fold(name))


def _town_keys(town: str) -> list[list[str]]:
    """The words of a town's name as an EPCI's name may hold them: whole, then without its
    qualifier ("chalon" for Chalon-sur-Saône), without a leading article."""
    words = _words(town)
    while words and words[0] in LEADING_ARTICLES:
        words = words[1:]
    keys = [words]
    cut = next((i for i, word in enumerate(words) if i and word in QUALIFIER), None)
    if cut:
        keys.append(words[:cut])
    return keys


def _holds(name_words: list[str], key: list[str]) -> bool:
    return any(name_words[i:i + len(key)] == key for i in range(len(name_words) - len(key) + 1))


def _year(year: int | None) -> int | None:
    """The millésime to read a year in; None before the first one: the referential does not say
    which EPCI a town had then (the "CODAH" of 2018, merged on 1 January 2019)."""
    ref = referential.load()
    if year is not None and year < ref.first_year:
        return None
    return ref.current_year if year is None else min(year, ref.current_year)


@lru_cache(maxsize=256)
def _epcis_named_after(insee: str, town: str, demonyms: frozenset[str], types: tuple[str, ...],
                       year: int) -> frozenset[str]:
    """SIRENs of the EPCIs of those types in the town's département, alive in `year`, whose name
    of that year holds the town's name (whole first, else without its qualifier) or one of its
    demonym's forms."""
    ref = referential.load()
    departement = _departement(insee)
    alive = [(epci, [_words(n.name) for n in epci.names if n.first_seen <= year <= n.last_seen])
             for epci in ref.epcis.values()
             if epci.type in types and departement in epci.departement_codes
             and epci.first_seen <= year <= epci.last_seen]
    for keys in (*([key] for key in _town_keys(town)), [WORD.findall(form) for form in demonyms]):
        found = frozenset(epci.siren for epci, names in alive
                          if any(_holds(words, key) for words in names for key in keys))
        if found:
            return found
    return frozenset()


def demonym_siren(written: str, epci_type: str | None, year: int | None) -> str | None:
    """The SIREN of the EPCI a legal form and a town's demonym name ("l'agglo paloise", or
    "paloise" after a head of that legal form); None when the words are not so made or name no
    one EPCI."""
    folded = " ".join(fold(written).strip(" \t\n,;:.").split())
    match = WRITTEN.match(folded)
    if match:
        types = next(types for form, types in FORM_TYPES if match.group("form").startswith(form))
    else:
        match = BARE.match(folded) if epci_type in HEAD_TYPES else None
        if not match:
            return None
        types = HEAD_TYPES[epci_type]
    towns = _towns_by_form().get(match.group("demonym"))
    if not towns or len(towns) > 1:
        return None  # no town's, or two towns' ("clermontois")
    (insee, town), = towns
    millesime = _year(year)
    if millesime is None:
        return None
    found = _epcis_named_after(insee, town, _forms_by_town()[insee], types, millesime)
    return next(iter(found)) if len(found) == 1 else None
