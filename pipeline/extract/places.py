"""Mentions of départements, régions and France in a text, linked to their COG codes.

The gazetteer is built from the referential (every département and région), not written by hand:
each official name becomes an accent-, case- and dash-insensitive pattern run on the folded text,
so offsets stay valid in the original. A name must start with a capital letter in the original
("l'Aube", "AUBE"), which keeps common words ("la réunion", "le nord") out; a name whose official
form opens with an article, written without it before a complement in lower case, is the common
noun too ("Réunion des trois intercommunalités", "Réunion du 4 juin 2019").
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.extract.first_letters import with_first_letters
from pipeline.normalize import fold

RULES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    code: str  # département code, région code or "FR"
    kind: str  # "departement", "region" or "country"
    rule: str
    office: bool = False  # the seat of someone's office ("préfet de la Haute-Garonne"): places no territory


def places_starting_in(places: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    """The places starting in [start, end), by bisection: `places` is find_places' list or a part
    of it, in reading order and apart (each item of a list of 2,000 read every place of the text)."""
    return places[bisect_left(places, start, key=_start_of):bisect_left(places, end, key=_start_of)]


def place_before(places: list[PlaceMention], position: int) -> PlaceMention | None:
    """The last place starting before `position` (places in reading order and apart, as
    places_starting_in): the only one that may hold it."""
    count = bisect_left(places, position, key=_start_of)
    return places[count - 1] if count else None


def _start_of(place: PlaceMention) -> int:
    return place.start


def _name_pattern_text(name: str) -> str:
    """The folded official name without its article ("La Réunion" is also "Réunion")."""
    return re.sub(r"^(?:(?:la|le|les)\s+|l'\s*)", "", fold(name))  # "Landes" keeps its "la"


def _name_pattern(name: str) -> str:
    """Regex for an official name: dashes and spaces interchangeable, apostrophe spacing free."""
    folded = _name_pattern_text(name)
    parts = re.split(r"[\s-]+", folded)
    # "Tarn & Garonne", "Ille & Vilaine": the ampersand for "et"
    pattern = r"[\s-]+".join("(?:et|&)" if p == "et" else re.escape(p).replace("'", r"'\s*") for p in parts)
    return pattern


WORD = re.compile(r"[a-z0-9]+")


def _words(name: str) -> frozenset[str]:
    """The words of a name's pattern (folded, without its article): each is a whole word of the
    folded text wherever the pattern matches, so a text lacking one cannot hold the name, which
    lets find_places skip most of the ~140 patterns with a set test instead of a regex scan
    (a substring test let "Haute-Loire" be scanned for in every text saying "haute")."""
    return frozenset(WORD.findall(_name_pattern_text(name))) - {"et"}  # "et" may be written "&"


@lru_cache(maxsize=1)
def _place_aliases() -> dict:
    """rules/place_aliases.json, read once for the rules that take their words from it."""
    return json.loads((RULES_DIR / "place_aliases.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _gazetteer() -> list[tuple[frozenset[str], re.Pattern, str, str, str]]:
    """(words, pattern, code, kind, rule) for every place name, longest names first."""
    ref = referential.load()
    aliases = _place_aliases()
    ambiguous = set(aliases["needs_article"])
    entries: list[tuple[str, str, str, str]] = []
    for reg in ref.regions.values():
        entries.append((reg.name, reg.code, "region", "place.region_name"))
    for dep in ref.departements.values():
        entries.append((dep.name, dep.code, "departement", "place.departement_name"))
    for alias in aliases["regions"]:
        entries.append((alias["name"], alias["code"], "region", "place.region_alias"))
    # An overseas name is both a région and a département: keep the département only.
    overseas = {d.name for d in ref.departements.values()} & {r.name for r in ref.regions.values()}
    entries = [e for e in entries if not (e[2] == "region" and e[0] in overseas)]
    compiled = []
    for name, code, kind, rule in sorted(entries, key=lambda e: -len(e[0])):
        body = _name_pattern(name)
        if name in ambiguous:
            # "Nord" is a département only as "le Nord", "du Nord", "département du Nord", and not
            # as the compass word opening a name ("le Nord des Ardennes", "du Nord Grande-Terre");
            # alone in a name's brackets too ("Dunkerque (Nord)", "(Nord, Pas-de-Calais)"), or
            # followed by its own code in brackets ("Aisne (02) / Nord (59) : …").
            body = (r"(?:(?<=\b(?:le|du) )" + body + r"|(?<=\()" + body + r"(?=\s*[),])|"
                    + body + r"(?=[ \t]*\([ \t]*" + re.escape(code) + r"[ \t]*\)))")
        # "Moselle-Est" holds the Moselle; "Seine-Maritime" does not hold the Seine; a dash opening
        # a line is a list marker ("-Ariège")
        # (the name's first letter tested first: four times faster than the look-behinds alone)
        pattern = with_first_letters(re.compile(r"(?:(?<![\w-])|(?<=\n-)|(?<=\n[ \t]-)|(?<=^-))" + body
                                                + r"(?![\w]|-(?!(?:est|ouest|nord|sud|centre)\b)\w)"))
        compiled.append((_words(name), pattern, code, kind, rule))
    country = re.compile(r"(?<![\w-])france(?![\w]|-\w|\s+\d|\s+[A-Z])")
    compiled.append((frozenset({"france"}), country, "FR", "country", "place.france"))
    return compiled


# "le Nord des Ardennes", "du Nord Grande-Terre": the compass word opening a name; "le Nord-Est
# Ardennes", "dans le Nord-Ouest": a compass point; "le Nord de l'île", "le Nord du département",
# "le Nord de l'Aisne": the north of what follows.
# (a blank line after the word ends the name: "… dans le département du Nord" then a paragraph)
COMPASS_IN_NAME = re.compile(r"(?:[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)(?:(?:de\s+la|de|des|du|d['’])\s*)?[A-ZÀ-Ý]"
                             r"|[ \t\u00a0]+(?:(?:de\s+la|du)\s+[a-zà-ÿ]|de\s+l['’]\s*\w)"
                             r"|-(?:[Ee]st|[Oo]uest)(?![\w])")


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    """Folded place names that are also common words ("Nord"): a place only after an article."""
    aliases = _place_aliases()
    return frozenset(fold(name) for name in aliases["needs_article"])


@lru_cache(maxsize=1)
def _article_names() -> frozenset[str]:
    """Folded names whose official form opens with an article ("La Réunion"), without it."""
    ref = referential.load()
    names = [d.name for d in ref.departements.values()] + [r.name for r in ref.regions.values()]
    return frozenset(_name_pattern_text(name) for name in names if _name_pattern_text(name) != fold(name))


ARTICLE_BEFORE = re.compile(r"\bla\s*$")
# "Réunion des trois intercommunalités", a compte rendu's "Réunion du 4 juin 2019"
COMPLEMENT_AFTER = re.compile(r"\s+(?:de\s+la|de\s+l'|des|du|de|d')\s*[a-z\d]")


def find_places(text: str) -> list[PlaceMention]:
    """Every non-overlapping place mention in `text`, in reading order."""
    folded = fold(text)
    words = set(WORD.findall(folded))
    ambiguous = ambiguous_names()
    article_names = _article_names()
    taken = [False] * len(text)
    found: list[PlaceMention] = []
    for name_words, pattern, code, kind, rule in _gazetteer():
        if not name_words <= words:
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(taken[start:end]) or not text[start].isupper():
                continue
            if kind == "country" and _is_organisation_name(text, start, end):
                continue
            if rule == "place.departement_name" and (_inside_capitalised_name(text, start)
                                                     or _inside_a_written_epci_name(folded, start, end, code)
                                                     or _town_of_another_departement(folded, start, end, code)):
                continue
            if fold(text[start:end]) in ambiguous and COMPASS_IN_NAME.match(text, end):
                continue
            if folded[start:end] in article_names and not ARTICLE_BEFORE.search(folded, max(0, start - 4), start) \
                    and COMPLEMENT_AFTER.match(folded, end):
                continue  # "Réunion des trois intercommunalités": the noun, not La Réunion
            for i in range(start, end):
                taken[i] = True
            found.append(PlaceMention(start, end, code, kind, rule))
    found += _hyphenated_departements(text, folded, taken)
    office = _office_before()
    found = [replace(p, office=True) if p.kind == "departement" and office.search(folded, max(0, p.start - 60), p.start)
             else p for p in found]
    return sorted(found, key=lambda p: p.start)


@lru_cache(maxsize=1)
def _office_before() -> re.Pattern:
    """'préfet de la ', 'préfecture de ', 'préfète de la région Grand Est, préfète du ' just before
    a département: the seat of an office (rules/place_aliases.json, "offices")."""
    aliases = _place_aliases()
    offices = "|".join(re.escape(word) for word in aliases["offices"])
    return re.compile(r"(?<![\w-])(?:" + offices + r")(?:\s+de\s+(?:la\s+)?region\s+[\w' -]{2,40}?,\s*(?:" + offices
                      + r"))?\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)$")


HYPHENATED = re.compile(r"(?<![\w-])[a-z0-9']+(?:-[a-z0-9']+)+(?![\w-])")


@lru_cache(maxsize=1)
def _departement_forms() -> dict[str, str]:
    """Folded, hyphenated name -> code of every département whose name needs no article."""
    ambiguous = ambiguous_names()
    return {re.sub(r"\s+", "-", _name_pattern_text(d.name)): d.code for d in referential.load().departements.values()
            if fold(d.name) not in ambiguous}


@lru_cache(maxsize=1)
def _most_form_pieces() -> int:
    """The most pieces between hyphens of any of the _departement_forms ("seine-saint-denis": 3),
    counted once rather than for every hyphenated word."""
    return max(form.count("-") for form in _departement_forms()) + 1




# "Haut-Doubs": the upper part of a département; "Nord-Isère", "Sud-Vendée": a compass part of it
UPPER_PART = re.compile(r"haut|haute|bas|basse|nord|sud|est|ouest|centre")


def _hyphenated_departements(text: str, folded: str, taken: list[bool]) -> list[PlaceMention]:
    """'Ardèche-Drôme Nord', 'Gers-Tarn-et-Garonne': département names joined by hyphens, each
    capitalised (a word joined to another by a hyphen is otherwise part of a longer name), and
    'Haut-Doubs', 'Nord-Isère': the upper or a compass part of one (not 'Nord-Pas-de-Calais', a
    former région)."""
    forms = _departement_forms()
    found = []
    for token in HYPHENATED.finditer(folded):
        if any(taken[token.start():token.end()]):
            continue
        pieces = token.group(0).split("-")
        upper = UPPER_PART.fullmatch(pieces[0]) and "-".join(pieces[1:]) in forms
        if upper and text[token.start()].isupper() and text[token.start() + len(pieces[0]) + 1].isupper() \
                and not former_regions_in(token.group(0)):
            # "Haut-Doubs", "Haut-Jura": the upper part of a département; "Nord-Isère", as "Nord
            # Isère", its north
            start = token.start() + len(pieces[0]) + 1
            found.append(PlaceMention(start, token.end(), forms[folded[start:token.end()]], "departement",
                                      "place.departement_name"))
            continue
        # the fewest names covering the pieces, left to right (a name may hold hyphens itself, as
        # many as the longest form: a hostile "A-A-A-…" line is not joined in every length)
        best: list[list[tuple[int, int]] | None] = [[]] + [None] * len(pieces)
        longest = _most_form_pieces()
        for i in range(len(pieces)):
            if best[i] is None:
                continue
            for j in range(i + 1, min(i + longest, len(pieces)) + 1):
                if "-".join(pieces[i:j]) in forms and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                    best[j] = best[i] + [(i, j)]
        if not best[-1] or len(best[-1]) < 2:
            continue
        offsets = [token.start()]
        for piece in pieces:
            offsets.append(offsets[-1] + len(piece) + 1)
        names = [(offsets[i], offsets[j] - 1) for i, j in best[-1]]
        if all(text[start].isupper() for start, _end in names):
            found += [PlaceMention(start, end, forms[folded[start:end]], "departement", "place.departement_name")
                      for start, end in names]
    return found


def _is_organisation_name(text: str, start: int, end: int) -> bool:
    """'Business France', 'Régions de France', 'France Industrie', 'France 2030' name bodies or
    plans, not France."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 12]
    # A capitalised word before it names a body ("Business France"), unless it is a sentence's
    # first word ("La France en compte 183", "En France, …").
    body = re.search(r"(?<![\w'’])(?!(?:La|Le|Les|En|De|Du|Des|Dans|Pour|Partout|Toute)\s)"
                     r"[A-Z][\w]+ (?:de )?$", before)
    return bool(body) or bool(re.match(r"\s+(?:[A-Z]|\d)", after))


COMPASS = r"(?:Nord|Sud|Est|Ouest|Centre)"


# "la vallée du Cher", "le val de Loire": a river's valley, in lower case too.
RIVER_HEAD = re.compile(r"\b(?:vall[ée]es?|val|bassin|plaine|gorges|rives?|bords|confluent) (?:du|de la|de l['’]|des|de) ?$",
                        re.IGNORECASE)


def _inside_capitalised_name(text: str, start: int) -> bool:
    """'Alsace du Nord', 'Vallée de la Marne': a département word after a capitalised name (not
    after the programme's words: 'Territoires d'Industrie de Côte d'Or', nor after a grouping of
    intercommunalities: 'PETR de l'Ariège' lies in the Ariège; 'CCI du Lot' is a body's name; nor
    after an office: 'Sous-Préfète du Val-de-Marne', whose seat find_places marks). A compass word
    before it keeps the département ('Est du Loiret', 'Nord de la Meuse')."""
    before = text[max(0, start - 30):start]
    if _office_before().search(fold(before)):
        return False
    return bool(re.search(r"\b(?![Ii]ndustrie )(?!(?:PETR|SCOT|SCoT) )[A-Z][\w'’-]+ (?:du|de la|de l['’]|des|de) ?$", before)
                or RIVER_HEAD.search(before)) \
        and not re.search(r"(?:département|departement|Département)s? (?:du|de la|de l['’]|des|de) ?$",
                          before) \
        and not re.search(r"(?<![\w-])" + COMPASS + r" (?:du|de la|de l['’]|des|de) ?$", before)


@lru_cache(maxsize=1)
def _homonym_communes() -> dict[str, frozenset[str]]:
    """Folded names of the communes that share a département's or région's name -> the codes of
    the départements they lie in."""
    path = Path(referential.__file__).parent / "data" / "referential" / "communes.csv"
    codes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault(fold(row["name"]), set()).add(row["departement_code"])
    return {name: frozenset(found) for name, found in codes.items()}


# "à Vienne", "à Indre": a bare "à" (no article) before a département's name is a town's preposition
# (folded text); départements take "en", "dans la", "à la".
TOWN_PREPOSITION = re.compile(r"(?<![\w'])a[ \t\u00a0]+$")


def _town_of_another_departement(folded: str, start: int, end: int, code: str) -> bool:
    """'Mardi, à Vienne, …': the town (in the Isère), not the Vienne; 'à Paris', 'à Mayenne' name a
    town of that very département and stay."""
    towns = _homonym_communes().get(folded[start:end])
    return bool(towns) and code not in towns and bool(TOWN_PREPOSITION.search(folded, max(0, start - 4), start))


# "Saint-Nazaire Loire Estuaire", "Seine Aval": a word of a river's course after a département's
# name makes it the river.
RIVER_TAIL = re.compile(r"[\s-]+(?:[Ee]stuaire|[Aa]val|[Aa]mont|[Cc]onfluence|[Rr]ives?|[Dd]elta)\b")


def departements_in_name(text: str, start: int, end: int, places: list[PlaceMention]) -> set[str]:
    """Départements a territory's name states: 'Nord Loiret', 'Moselle Est', 'Vosges', 'Troyes Bar
    sur Aube'. A word that is also a commune's name and opens a longer name ('Vienne Condrieu',
    'Mayenne Communauté') names the town, unless a compass word goes with it; a word of a river's
    course after it makes it the river ('Loire Estuaire'), an adjective of place the mountains
    ('Vosges saônoises'); rivers after 'Val de' / 'Vallée de'
    are already left out by find_places."""
    codes = set()
    name = text[start:end].strip()
    for place in places_starting_in(places, start, end):
        if place.kind != "departement" or place.end > end:
            continue
        word = text[place.start:place.end]
        whole = fold(name) == fold(word)
        compass = re.search(r"(?<![\w-])" + COMPASS + r"(?:\s+(?:du|de la|de l['’]|des|de))?\s*$",
                            text[start:place.start]) \
            or re.match(r"\s*[-–]?\s*" + COMPASS + r"(?![\w-])", text[place.end:end])
        town_first = not text[start:place.start].strip() and fold(word) in _homonym_communes()
        river = RIVER_TAIL.match(text, place.end, end)
        qualified = re.match(r"\s+(\w+)", text[place.end:end])  # "Vosges saônoises": the mountains
        qualified = qualified and qualified.group(1).islower() and _place_adjective().fullmatch(fold(qualified.group(1)))
        if (whole or compass or not (town_first or river or qualified)) \
                and not _inside_an_epci_name(fold(name), fold(word), place.code):
            codes.add(place.code)
    return codes


# An intercommunality's legal form before its official name ("CC Usses et Rhône")
EPCI_FORM = re.compile(r"^(?:cc|ca|cu|metropole|communaute\s+(?:de\s+communes|d'agglomeration|urbaine))\s+"
                       r"(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?")


@lru_cache(maxsize=1)
def _epci_names_holding_a_place() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Folded département name -> (folded official EPCI name that holds it, the EPCI's
    départements), for every millésime: 'usses et rhone' lies in Haute-Savoie and the Ain."""
    ref = referential.load()
    words = {_name_pattern_text(d.name) for d in ref.departements.values()}
    holding: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for epci in ref.epcis.values():
        for borne in epci.names:
            core = EPCI_FORM.sub("", fold(borne.name)).strip()
            for word in words:
                if core != word and re.search(r"(?<![\w'-])" + re.escape(word) + r"(?![\w'-])", core):
                    holding.setdefault(word, []).append((_spaced(core), frozenset(epci.departement_codes)))
    return holding


def _spaced(name: str) -> str:
    """A folded name with dashes, punctuation and runs of spaces as single spaces, padded to match
    whole words: "Entre Arroux, Loire et Somme" written "d'Entre Arroux, Loire et Somme (CCEALS)"."""
    return " " + SEPARATORS.sub(" ", name).strip() + " "


# Between the words of a name: the official name's commas and the text's elisions and brackets
SEPARATORS = re.compile(r"[\s\-,;.:()«»\"'’]+")


def _inside_an_epci_name(name: str, word: str, code: str) -> bool:
    """'Rumilly-Usses et Rhône': the Rhône of an intercommunality's name the territory's name
    holds ('Usses et Rhône', in the Ain and Haute-Savoie) is a river, unless that intercommunality
    lies in the département."""
    name = _spaced(name)
    return any(core in name and code not in codes
               for core, codes in _epci_names_holding_a_place().get(_name_pattern_text(word), ()))


def _inside_a_written_epci_name(folded: str, start: int, end: int, code: str) -> bool:
    """'la communauté de communes X Sambre et Oise' (an EPCI of the Aisne): a département's name inside an
    intercommunality's official name the text writes, when that intercommunality does not lie in
    the département, is a river, no place of the text."""
    around = folded[max(0, start - EPCI_NAME_REACH):end + EPCI_NAME_REACH]
    return _inside_an_epci_name(around, folded[start:end], code)


# Characters read on each side of a département's name for an EPCI's name holding it.
EPCI_NAME_REACH = 40


@lru_cache(maxsize=1)
def _place_adjective() -> re.Pattern:
    words = json.loads((RULES_DIR / "territory_words.json").read_text(encoding="utf-8"))
    return re.compile(words["place_adjective"])


@lru_cache(maxsize=1)
def _former_regions() -> list[tuple[frozenset[str], re.Pattern, str, tuple[str, ...]]]:
    aliases = _place_aliases()
    return [(_words(entry["name"]),
             re.compile(r"(?:(?<![\w-])|(?<=nord-)|(?<=sud-)|(?<=est-)|(?<=ouest-))" + _name_pattern(entry["name"])
                        + r"(?![\w-])"), entry["code"], tuple(entry["departements"]))
            for entry in aliases["former_regions"]]


def former_regions_in(name: str) -> set[str]:
    """Régions of the pre-2016 régions a name (or a sentence) holds ('Nord Franche-Comté' and
    'Nord-Franche-Comté' -> 27); 'Nouvelle-Aquitaine' and 'Auvergne-Rhône-Alpes' are current names,
    not former ones. A set test of the words skips the patterns a text cannot hold, as find_places does."""
    folded = fold(name)
    words = set(WORD.findall(folded))
    return {code for needed, pattern, code, _ in _former_regions() if needed <= words and pattern.search(folded)}


def former_regions_reader(text: str) -> Callable[[tuple[int, int]], set[str]]:
    """former_regions_in(text[start:end]) for the spans of one text, each read once: the text
    folded once (fold keeps offsets), and only the patterns whose words the whole text holds tried
    (a match holds its pattern's words, so that set test needs no span's words). A list's 2,000
    items each read the text from their intro on: 2,000 folds of the text took most of 4.6 s."""
    folded = fold(text)
    words = set(WORD.findall(folded))
    held = [(pattern, code) for needed, pattern, code, _ in _former_regions() if needed <= words]

    @lru_cache(maxsize=None)
    def regions(span: tuple[int, int]) -> set[str]:
        piece = folded[span[0]:span[1]]
        return {code for pattern, code in held if pattern.search(piece)}
    return regions


def former_region_departements_in(name: str) -> set[str]:
    """Départements of the pre-2016 régions a territory's name holds ('Nord Franche-Comté' ->
    25, 39, 70, 90): where its member EPCIs lie, narrower than the région of today."""
    folded = fold(name)
    words = set(WORD.findall(folded))
    return {code for needed, pattern, _, departements in _former_regions()
            if needed <= words and pattern.search(folded) for code in departements}
