"""The area a figure counts in (its `scope_code`): the place its sentence speaks of.

Read from the narrowest stretch of the sentence outwards:

0. a demonym right after the counted noun ("trois territoires isérois", rules/demonyms.json), or
   after "sont" ("Dix d'entre eux sont normands");
1. the figure's comma-separated segment (only it for a whole opened by "Sur les", "Parmi les":
   "Sur les 124 territoires dévoilés …, une dizaine se situent en Nouvelle-Aquitaine" counts France): a national word ("au niveau national") means France; a
   place named there is the scope ("La France en compte 183, la Bourgogne-Franche-Comté 10");
   "le département", "notre région" name the document's own département or région, "l'île",
   "l'archipel" its région when that is an island (Corse, Guadeloupe, Martinique, La Réunion, Mayotte);
2. the same in the figure's clause (the sentence cut at ", dont", ";" and ":"): the nearest place,
   one on the figure's own lines (between blank lines) first (a page's head read as one sentence);
   départements written as one group ("dans l'Aude et l'Ariège") count in their common région;
3. the places of the clauses before it ("Dans le Grand Est : 13 territoires"), except ", dont"
   clauses, which count a part ("183 lauréats, dont 18 dans la région X": X is the part's scope,
   not the whole's); clauses after it enumerate ("cinq bassins : la Guyane en compte deux, …");
4. "Ces 9 territoires" repeats an earlier figure of the same value and unit: its scope;
5. else the document's home area (its one département, or the one région of all the places it
   names; when its places give none, the one département or région all its territories lie in:
   an intercommunality's page naming no place; a document of one territory lying in that area:
   the territory's own area when it lies in the same région, whatever other département the
   text names in passing) for a count of EPCIs or communes,
   a figure whose sentence speaks of the document's territory (names it, "le territoire",
   "l'agglomération", "le plan d'actions") or any figure of a local act (a protocol, a contract, a
   deliberation: its first lines name it), or, in a document whose territories all lie in its home
   area, projects, jobs, amounts, protocols and schools too small for a national total and shares
   (LOCAL_AT_MOST), or a count of territories no larger than the number it names when they all
   lie in one area (that area); in a document of several areas, a figure of a sentence about a
   territory's own things ("Sa feuille de route compte 11 projets") counts in the area of the one
   territory its paragraph names before it, when that territory lies outside the home area or
   the document has none; else France.

A count larger than its area could hold (more territories or EPCIs than the area has EPCIs)
counts France: "183 territoires lauréats" in a sentence naming the Ardennes.

A place inside a territory's name ("Grand-Est Touraine", "Sud Eure-et-Loir"), at any of its
mentions, or inside an EPCI's name ("Porte de DrômArdèche") is no scope; sentences
are cut at list items (pipeline.extract.figures.refine_sentences), so a national figure after a
list is not scoped to its last item. A région of a single département (the overseas ones) is
written with its région code, the level the programme is steered at ("La Guyane en compte deux": 03).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.extract.first_letters import PiecesIndex, with_first_letters
from pipeline.extract.places import PlaceMention, places_starting_in
from pipeline.extract.structure import SpanReach

RULES_PATH = Path(__file__).parent / "rules" / "figure_context.json"
# "Deux d'entre eux", "Quatre d'entre elles": a part of what the sentence before names
# a copula between a count and its demonym ("Dix d'entre eux sont normands")
DEMONYM_COPULA = re.compile(r"\s+(?:sont|seront|etaient|restent)(?=\s)")
PARTITIVE_PRONOUN = re.compile(r"[\w-]+\s+d'\s*entre\s+(?:eux|elles)\b")
# "deux nouveaux venus", "trois reconduits", "dix d'entre eux": a count that names itself a part
# of a whole (folded text, from the number)
NAMED_PART = re.compile(r"[\w-]+\s+(?:(?:territoires\s+)?(?:nouvea|nouvel|reconduit|renouvel)|d'\s*entre\s+(?:eux|elles)\b)")
# a sentence opening with a plural subject pronoun (folded text)
SUBJECT_PRONOUN = re.compile(r"\s*(?:ils|elles)\s")
DEMONYMS_PATH = Path(__file__).parent / "rules" / "demonyms.json"
# Past what its home area holds, a figure counts France: territories and EPCIs beyond the area's
# EPCIs, communes beyond this many per EPCI, euros from this amount (the programme's budgets),
# wherever the sentence places them.
COMMUNES_PER_EPCI = 50
# territories beyond this many in a région or a département: the programme's national counts
# ("parmi les 136 premiers territoires" in a Grand Est report; its largest région holds about 25)
TERRITORIES_AT_MOST = {"region": 40, "departement": 12}
MIN_NAME_CHARS = 4  # shorter names ("Ain") are searched for again at their own mentions only
ACT_TITLE_LINES = 8  # a local act names itself within its first lines (after the issuer's)
NATIONAL_EUROS = 1e9
# Figures no national total is this small: in a document whose territories all lie in its home
# area they count there ("33 projets ont été identifiés", "15 emplois y ont été créés", "9,2 millions d'euros",
# "financé à 50 %": a share sets a local rate; national shares name the nation or a place).
LOCAL_AT_MOST = {"projet": 150, "emploi": 3000, "euro": 5e7, "protocole": 20, "ecole": 20, "pourcent": 100}
# "programme national": the adjective of the programme's name, right before a national word (folded text)
PROGRAMME_BEFORE = re.compile(r"\bprogramme\s+$")
PARAGRAPH_LOOKBACK = 2000  # how far back a figure's paragraph is read for the territory it names
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A list item's line, and the line over a list that announces it ("Bilan … dans le Grand Bastia :").
LIST_ITEM = re.compile(r"[ \t]*[•▪◦●■➢►*–—-][ \t]")
LEAD_IN = re.compile(r"[^\n]*:[ \t]*")
CLAUSE_SEPARATOR = re.compile(r",\s*dont\b|;|:(?!//|\d)")
SEGMENT_SEPARATOR = re.compile(r",|\(|\)|\s[-–—]\s")
# What may stand between two coordinated places: "l'Aude et l'Ariège", "en Haute-Marne et en Meuse".
WHOLE_OPENER = re.compile(r"(?<![\w'])(?:sur|parmi)\s+(?:les|ces)[\s*_]+$")
LINE_HEAD_OPENING = re.compile(r"[ \t#*_]*(?:(?:la|le|les)[ \t]+|l')?")  # "LA RÉUNION. Deux territoires …"
NEWLINE = re.compile(r"\n")
HEAD_LOOKBACK = 200  # characters of the line above a head read for how it ends
PARAGRAPH_ENDS = '.!?:»"'  # how the line above a head ends when not blank: a paragraph's end
LINE_HEAD_END = re.compile(r"[ \t*_]*\.[ \t]+")  # the full stop closing a head ("MARTINIQUE. L'île …")
# a whole right after a counted part and its closing quote: "deux « Territoires d'industrie » sur les
# 141 …" (folded text)
WHOLE_AFTER = re.compile(r"[\s\"»”]*+(?P<whole>(?:sur|parmi)\s+(?:les|ces)\s+\d)")
# what stands between a counted noun and the place its complement names: "trois intercommunalités de
# l'ouest de la Saône-et-Loire", "deux communautés de communes du Jura" (folded text)
PLACE_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d'|en|dans)\s*(?:(?:la|le|les|l')\s*)?"
                              r"(?:(?:nord|sud|est|ouest|centre)\s+(?:de|du|des|d')\s*(?:(?:la|le|les|l')\s*)?)?")
COORDINATION = re.compile(r"\s*(?:,|\bet\b|\bou\b)\s*(?:(?:dans|en|a|la|le|les|de|du|des)\s+|[ld]'\s*)*"
                          # a stretch from one to the other, or to a part of it: "de l'Yonne au Haut-Doubs"
                          r"|\s+(?:jusqu'\s*)?(?:a\s+la|a\s+l'|au|aux|a)\s*(?:(?:haut|haute|bas|basse|nord|sud)-)?")


@dataclass(frozen=True)
class Area:
    code: str
    kind: str  # "departement", "region" or "country"


FRANCE = Area("FR", "country")


@dataclass(frozen=True)
class Words:
    national: re.Pattern
    own_departement: re.Pattern
    own_region: re.Pattern
    own_island: re.Pattern  # "l'île", "l'archipel": the document's own région when it is an island
    island_regions: frozenset[str]
    repeated: re.Pattern  # "ces" or "les" right before a number
    local: re.Pattern  # "le territoire", "l'agglomération": the document's own territory
    local_unless_programme: re.Pattern  # "un plan d'actions": the territory's, unless the programme is named
    programme_name: re.Pattern  # "Territoires d'industrie", however a page wrote it
    act_title: re.Pattern  # "PROTOCOLE D'ACCORD", "DÉLIBÉRATION N° …": a line opening a local act
    ranked_in: re.Pattern  # "première région industrielle de ": the place after it ranks, counts nothing
    endowed: re.Pattern  # "doté d'une enveloppe de ", right before an amount
    programme: re.Pattern  # the programme or its fund, what such an endowment belongs to
    funder_before: re.Pattern  # "les crédits de la Région": the council that pays, no place
    funded_by: re.Pattern  # "soutenu par l'État et ": a Région after it in the clause pays, no place
    beside_the_state: re.Pattern  # "l'État et ": the Région right after it is a co-pilot, no place
    shared_with: re.Pattern  # "interdépartemental avec ": the place after it is a shared territory's partner


@lru_cache(maxsize=1)
def _words() -> Words:
    context = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    rules = context["scope"]

    def words(key: str) -> re.Pattern:
        return re.compile(r"(?<![\w'])(?:" + "|".join(rules[key]) + r")(?!\w)")
    return Words(words("national"), words("own_departement"), words("own_region"), words("own_island"),
                 frozenset(rules["island_regions"]),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["repeated"]) + r")[\s*_]*$"),
                 words("local"), words("local_unless_programme"),
                 re.compile(r"(?<![\w'])(?:" + context["own_programme_name"] + r")(?!\w)"),
                 re.compile(r"[^\w\n]*(?:" + "|".join(rules["act_titles"]) + r")(?!\w)"),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["ranked_in"]) + r")\s*(?:la\s+|l'\s*)?$"),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["endowed"]) + r")[\s*_]*$"),
                 words("programme_endowed"),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["funder_before"]) + r")\s+$"),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["funded_by"]) + r")[^.;:!?\n]{0,80}$"),
                 re.compile(r"(?<![\w'])(?:" + rules["beside_the_state"] + r")\s+$"),
                 re.compile(r"(?<![\w'])(?:" + "|".join(rules["shared_with"]) + r")\s+(?:la\s+|le\s+|les\s+|l'\s*)?$"))


def _forms(demonym: str) -> list[str]:
    """The masculine and feminine, singular and plural forms of a folded demonym."""
    if demonym.endswith("eau"):
        return [demonym, demonym + "x", demonym[:-3] + "elles?"]
    if demonym.endswith(("ois", "ais")):
        return [demonym + "(?:es?)?"]
    if demonym.endswith(("ien", "een", "on")):
        return [demonym + "(?:s|nes?)?"]
    if demonym.endswith("e"):
        return [demonym + "s?"]
    return [demonym + "(?:s|es?)?"]  # girondin, occitan, normand, belfortain


DEMONYM_LEAD_CHARS = ' \t*_"'  # blanks and emphasis between a noun and its demonym


@lru_cache(maxsize=1)
def _demonym_rules() -> dict:
    return json.loads(DEMONYMS_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _demonym_alternations() -> list[tuple[str, Area]]:
    """(alternation of every form of its demonyms, area) of each département and région."""
    rules = _demonym_rules()
    return [("|".join(form.replace("'", r"'\s*") for d in demonyms for form in _forms(d)), _area_of(code, kind))
            for kind in ("departement", "region") for code, demonyms in rules[kind].items()]


@lru_cache(maxsize=1)
def _demonyms() -> list[tuple[re.Pattern, Area]]:
    """(pattern, area) of every demonym, matched right after a figure's noun."""
    # on the noun's line: "… 14\nCorse …" starts the next row, it qualifies nothing
    lead = "[" + re.escape(DEMONYM_LEAD_CHARS) + "]*"
    return [(re.compile(rf"{lead}(?:{forms})(?![\w-])"), area) for forms, area in _demonym_alternations()]


@lru_cache(maxsize=1)
def _departement_demonyms() -> re.Pattern:
    """Every département's demonym as a whole word anywhere in a text, one group per département
    (named "d" and its code): one scan of the text for all of them, twice as fast with the test of
    their first letters (a document naming no département is scanned whole)."""
    groups = (f"(?P<d{area.code}>{forms})" for forms, area in _demonym_alternations() if area.kind == "departement")
    return with_first_letters(re.compile(r"(?<![\w'-])(?:" + "|".join(groups) + r")(?![\w-])"))


def _departement_of_its_demonym(folded: str) -> Area | None:
    """The document's own département when it names none but uses one département's demonym:
    "… deux sont lot-et-garonnais" makes "à l'échelle du département" the Lot-et-Garonne."""
    codes = {match.lastgroup[1:] for match in _departement_demonyms().finditer(folded)}
    return _area_of(codes.pop(), "departement") if len(codes) == 1 else None


@lru_cache(maxsize=1)
def _demonym_openings() -> frozenset[str]:
    """The first two letters of every demonym (each at least three letters, written as is)."""
    rules = _demonym_rules()
    return frozenset(d[:2] for kind in ("departement", "region") for demonyms in rules[kind].values() for d in demonyms)


@lru_cache(maxsize=1)
def _demonyms_by_opening() -> tuple[dict[str, list[tuple[re.Pattern, Area]]], list[tuple[re.Pattern, Area]]]:
    """`_demonyms()` by the two letters a word must open with for each to match there, in their
    order: ({opening: those some form of which opens so, and those with a form of no fixed
    opening}, those with a form of no fixed opening). A figure's noun was followed by a hundred
    patterns, each tried where at most a few can match."""
    rules = _demonym_rules()
    openings, anywhere = {}, []
    demonyms_of_each = [demonyms for kind in ("departement", "region") for demonyms in rules[kind].values()]
    for number, ((pattern, area), demonyms) in enumerate(zip(_demonyms(), demonyms_of_each)):
        forms = [form.replace("'", r"'\s*") for d in demonyms for form in _forms(d)]
        if all(len(form) > 2 and all(c.isalpha() or c in "'-" for c in form[:2]) and form[2] not in "?*+{"
               for form in forms):
            for opening in {form[:2] for form in forms}:
                openings.setdefault(opening, []).append((number, pattern, area))
        else:
            anywhere.append((number, pattern, area))
    index = {opening: [(p, a) for _, p, a in sorted(found + anywhere, key=lambda item: item[0])]
             for opening, found in openings.items()}
    return index, [(p, a) for _, p, a in anywhere]


def demonyms_at(folded: str, position: int) -> list[tuple[re.Pattern, Area]]:
    """The (pattern, area) of `_demonyms()`, in order, that may match at `position`, skipping the
    blanks and marks the patterns allow: the others cannot."""
    while position < len(folded) and folded[position] in DEMONYM_LEAD_CHARS:
        position += 1
    index, anywhere = _demonyms_by_opening()
    return index.get(folded[position:position + 2], anywhere)


def demonym_may_start(folded: str, position: int, limit: int | None = None) -> bool:
    """Whether a demonym's pattern may match at `position`: its word opens, past the blanks and
    marks the patterns allow, with the first two letters of some demonym. Tried first where every
    pattern is matched at one position (a hundred patterns, most positions hold none)."""
    limit = len(folded) if limit is None else limit
    while position < limit and folded[position] in DEMONYM_LEAD_CHARS:
        position += 1
    return folded[position:min(position + 2, limit)] in _demonym_openings()


@lru_cache(maxsize=1)
def _bare_demonyms() -> list[tuple[re.Pattern, Area]]:
    """The demonyms without the blanks read before them, to find them in a stretch: the same words
    (none starts with a blank), not read again from each blank of a long run (10,000 blanks in a
    list intro took 9 s)."""
    return [(re.compile(rf"(?:{forms})(?![\w-])"), area) for forms, area in _demonym_alternations()]


# a noun of intercommunalities a demonym may qualify ("les intercommunalités saône-et-loiriennes")
EPCI_NOUN = re.compile(r"\b(?:intercommunalites|epci|communautes\s+de\s+communes|com'\s*com)\b")


def departements_of_epci_demonyms(folded: str) -> set[str]:
    """The départements a demonym right after a plural noun of intercommunalities names ("les
    présidents des intercommunalités saône-et-loiriennes": 71): where the EPCIs the text goes on
    to name may lie."""
    found = set()
    for noun in EPCI_NOUN.finditer(folded):
        if not demonym_may_start(folded, noun.end()):
            continue
        for demonym, area in _demonyms():
            if area.kind == "departement" and demonym.match(folded, noun.end()):
                found.add(area.code)
    return found


@lru_cache(maxsize=1)
def _epci_counts() -> Counter:
    """Current EPCIs per département and per région code."""
    ref = referential.load()
    counts: Counter = Counter()
    for epci in ref.epcis.values():
        if ref.is_current(epci.siren):
            counts.update(("departement", code) for code in set(epci.departement_codes))
            counts.update(("region", code) for code in set(epci.region_codes))
    return counts


def named_areas(folded: str, start: int, end: int, places: list[PlaceMention]) -> set[Area]:
    """The areas a stretch of text names, by a place or a demonym ("Les territoires charentais
    retenus sont :": the Charente), as figure scopes write them (an overseas département by its
    région)."""
    found = {_area(p) for p in places if start <= p.start < end and p.kind != "country"}
    for demonym, area in _bare_demonyms():
        for match in demonym.finditer(folded, start, end):
            word = match.start()
            if word == 0 or not (folded[word - 1].isalnum() or folded[word - 1] in "-'"):
                found.add(area)
    return found


def _lies_in(place: PlaceMention, departements: set[str]) -> bool:
    """Whether a place is one of these départements or the région of one of them."""
    if place.kind == "departement":
        return place.code in departements
    ref = referential.load()
    return place.kind == "region" and any(ref.departements[code].region_code == place.code
                                          for code in departements if code in ref.departements)


def _home(places: list[PlaceMention]) -> Area | None:
    """The one area a document speaks of, when there is one: its only département (and that
    département's région, if named), else the one région holding every département and région it
    names. Places inside territory names count ("Ardèche Drôme Nord": Auvergne-Rhône-Alpes)."""
    ref = referential.load()
    departements = {p.code for p in places if p.kind == "departement" and p.code in ref.departements}
    regions = {p.code for p in places if p.kind == "region"}
    regions_of_departements = {ref.departements[code].region_code for code in departements}
    if len(regions | regions_of_departements) != 1:
        return None
    if len(departements) == 1:
        return _area_of(next(iter(departements)), "departement")
    return Area(next(iter(regions | regions_of_departements)), "region")


def _home_of_territories(territory_departements: list[set[str]]) -> Area | None:
    """The one département every territory of the document lies in, else their one région."""
    departements = set().union(*territory_departements) if territory_departements else set()
    if not departements or not all(territory_departements):
        return None
    if len(departements) == 1:
        return _area_of(next(iter(departements)), "departement")
    regions = {referential.load().departements[code].region_code for code in departements
               if code in referential.load().departements}
    return Area(regions.pop(), "region") if len(regions) == 1 else None


def _region_of_territories(territory_departements: list[set[str]]) -> Area | None:
    """The one région every territory of the document lies in, if there is one."""
    area = _home_of_territories(territory_departements)
    return Area(_region_of(area), "region") if area is not None and _region_of(area) else None


@lru_cache(maxsize=1)
def _single_departement_regions() -> dict[str, str]:
    """Département code -> its région's code, for régions of one département (Guyane: 973 -> 03)."""
    departements = referential.load().departements
    counts = Counter(d.region_code for d in departements.values())
    return {d.code: d.region_code for d in departements.values() if counts[d.region_code] == 1}


def _area(place: PlaceMention) -> Area:
    return _area_of(place.code, place.kind)


place_area = _area  # a place as figure scopes write it: "à La Réunion" is the région 04
area_of_territories = _home_of_territories  # the one area territories of these départements lie in


def _area_of(code: str, kind: str) -> Area:
    if kind == "departement" and code in _single_departement_regions():
        return Area(_single_departement_regions()[code], "region")
    return Area(code, kind)


@dataclass
class DocumentScope:
    """What a document's figures may refer to: its places outside territory names, and its own
    département and région (the ones it names most), for "le département", "notre région"."""

    folded: str
    places: list[PlaceMention]
    own_departement: Area | None
    own_region: Area | None
    home: Area | None = None  # the one area the document speaks of, if any (_home)
    names: tuple[tuple[int, int], ...] = ()  # spans of territory names
    act: bool = False  # a local act (contract, protocol, convention, deliberation): _is_act
    territories_at_home: bool = False  # every territory it names lies in its home area
    # the one area all the document's territories lie in, and how many it names: "Dix territoires
    # voient leur label renouvelé" in a Région's list of its fifteen counts there
    territories_area: Area | None = None
    territory_total: int = 0
    # (start, end, départements of its territory) of each territory mention, in reading order
    territory_mentions: tuple[tuple[int, int, frozenset[str]], ...] = ()
    # Per-document indexes, so that a figure costs what is near it, not its whole sentence (a
    # hostile text of one 100,000-character sentence): place starts, and the clauses, segment
    # separators, national words and local words of each sentence, clause or stretch, read once.
    place_starts: list[int] = field(default_factory=list, repr=False)
    place_ends: list[int] = field(default_factory=list, repr=False)
    places_disjoint: bool = field(default=True, repr=False)  # as find_places gives them
    departements: list[PlaceMention] = field(default_factory=list, repr=False)
    departement_index: dict = field(default_factory=dict, repr=False)
    name_starts: list[int] = field(default_factory=list, repr=False)
    _clauses_of: dict = field(default_factory=dict, repr=False)
    _separators_of: dict = field(default_factory=dict, repr=False)
    _national_of: dict = field(default_factory=dict, repr=False)
    _local_of: dict = field(default_factory=dict, repr=False)
    _lead_in_of: dict = field(default_factory=dict, repr=False)  # list item's line start -> its lead-in names one

    def __post_init__(self) -> None:
        self.place_starts = [p.start for p in self.places]
        self.place_ends = [p.end for p in self.places]
        self.places_disjoint = all(a.end <= b.start < b.end for a, b in zip(self.places, self.places[1:]))
        self.departements = [p for p in self.places if p.kind == "departement"]
        for index, place in enumerate(self.departements):
            self.departement_index.setdefault(place, index)
        self.name_starts = [start for start, _end in self.names]
        self.named = SpanReach(self.names)
        self.territory_starts = [start for start, _end, _codes in self.territory_mentions]
        # the blank lines, read once a document (a figure's own lines are found between them)
        blank_lines = [m.span() for m in BLANK_LINE.finditer(self.folded)]
        self.blank_starts = [s for s, _e in blank_lines]
        self.blank_ends = [e for _s, e in blank_lines]
        self.line_starts = [0] + [m.end() for m in NEWLINE.finditer(self.folded)]  # read once (_line_head_area)
        # where "le département", "notre région" may stand (_in scans a figure's stretch only there)
        self.own_departement_words = PiecesIndex(_words().own_departement, self.folded)
        self.own_region_words = PiecesIndex(_words().own_region, self.folded)

    @classmethod
    def of(cls, folded: str, places: list[PlaceMention], names: list[tuple[int, int]],
           territory_departements: list[set[str]] = (),
           territory_mentions: list[tuple[int, int, frozenset[str]]] = ()) -> DocumentScope:
        """`territory_departements`: the départements of each of the document's territories; a
        document that names no place of its own ("L'agglomération a accompagné une dizaine de
        projets" on an intercommunality's page) has its territories' area as its home.
        `territory_mentions`: where each territory is named, with its départements."""
        names = _every_occurrence(folded, names, places)
        named = SpanReach(names)
        kept = sorted((p for p in places if not named.covers(p.start, p.start + 1)
                       and not _where_something_happened(folded, p) and not _ranked_in(folded, p)
                       and not _shared_with(folded, p)
                       and not _council_that_pays(folded, p)),
                      key=lambda p: p.start)
        departements = Counter(p.code for p in kept if p.kind == "departement")
        regions = Counter(p.code for p in kept if p.kind == "region")
        if not regions and departements:
            ref = referential.load()
            regions = Counter(ref.departements[code].region_code for code in departements.elements()
                              if code in ref.departements)
        departement = (Area(departements.most_common(1)[0][0], "departement")
                       if departements else _departement_of_its_demonym(folded))
        region = Area(regions.most_common(1)[0][0], "region") if regions else None
        if region is None:
            # "douze territoires … ont signé leur convention avec la Région" in a letter naming no
            # région or département of its own: the Région its territories all lie in
            region = _region_of_territories(territory_departements)
        # a place inside a name tells the home only where the territories lie ("Ardèche Drôme
        # Nord"), not against them ("Grand Est Touraine", in Indre-et-Loire)
        lying = set().union(*territory_departements) if territory_departements else set()
        home_places = [p for p in places if not lying or not named.covers(p.start, p.start + 1)
                       or _lies_in(p, lying)]
        home = _home(home_places)
        if home is not None and home.kind == "departement" and not all(territory_departements) \
                and not any(p.kind == "departement" and p.code == home.code and not named.covers(p.start, p.start + 1)
                            for p in places):
            # nor a département named only inside one name while other names are unplaced ("Alès,
            # Pont du Gard/Gard Rhodanien, Béziers-Sète": not the Gard's three): its région at most
            home = Area(_region_of(home), "region") if _region_of(home) else None
        # in a text naming no place, a territory whose départements are unknown tells nothing of the
        # home ("L'autre territoire d'industrie insulaire, le Pays Ajaccien", named in passing): the
        # others still give it
        located = territory_departements if places else [codes for codes in territory_departements if codes]
        home = home or _home_of_territories(located)
        if len(located) == 1:  # its one territory's area, when narrower
            home = _one_territory_area(home, located[0])
        return cls(folded, kept, departement, region, home, tuple(names), _is_act(folded),
                   _all_inside(territory_departements, home),
                   _home_of_territories(list(territory_departements)), len(territory_departements),
                   tuple(sorted(territory_mentions, key=lambda mention: mention[0])))

    def scope(self, number_start: int, start: int, end: int, sentence: tuple[int, int],
              earlier: list[dict], value: float, unit: str) -> Area:
        if unit == "euro" and value > LOCAL_AT_MOST["euro"] and self._programme_endowment(number_start, sentence):
            return FRANCE
        area = self._scope(number_start, start, end, sentence, earlier, value, unit)
        if unit in ("epci", "commune") and not self._placed_by_complement(end):
            area = self._named_territory_area(sentence, area)
        return FRANCE if _beyond(area, value, unit) else area

    def _placed_by_complement(self, end: int) -> bool:
        """Whether the counted noun's own complement names a place ("… Dijon Métropole et trois
        intercommunalités de l'ouest de la Saône-et-Loire"): a part of the territory's members,
        counted where they lie, not in the territory's area."""
        complement = PLACE_COMPLEMENT.match(self.folded, end)
        index = bisect_left(self.place_starts, complement.end()) if complement else len(self.place_starts)
        return index < len(self.place_starts) and self.place_starts[index] == complement.end()

    def _programme_endowment(self, number_start: int, sentence: tuple[int, int]) -> bool:
        """"le programme Territoires d'industrie, dotée d'une nouvelle enveloppe de 100 M€", "Doté
        d'une enveloppe de 100 millions d'euros, le programme …", "le Fonds d'accélération …, doté
        de 150 millions d'euros": the national budget of the programme or its fund, beside the
        Moselle or a métropole; more than a local amount (LOCAL_AT_MOST) after "doté de" or "une
        enveloppe (d'investissement) de" in a sentence naming the programme or its fund counts France
        ("Pour soutenir ce programme, … une enveloppe d'investissement de 100 millions d'euros")."""
        words = _words()
        return (words.endowed.search(self.folded, max(sentence[0], number_start - 60), number_start) is not None
                and words.programme.search(self.folded, *sentence) is not None)

    def _named_territory_area(self, sentence: tuple[int, int], area: Area) -> Area:
        """"Le territoire d'industrie Lezoux – Thiers – Ambert – Montbrison rassemble quatre
        intercommunalités", "• Bourges – Vierzon (3 EPCI)": the EPCIs and communes counted in a
        sentence naming one territory are its own; they count in its area (its département, or
        its région when it spans several) rather than in one of its départements the sentence
        names, its région, or France for want of a place. Another place keeps the figure. A
        sentence speaking of "ce territoire" in a document of one territory, naming no place for
        the count, counts that one's ("trois dans les Hautes-Pyrénées" keeps its département)."""
        low = bisect_left(self.territory_starts, sentence[0])
        high = bisect_left(self.territory_starts, sentence[1])
        territories = {codes for _start, _end, codes in self.territory_mentions[low:high]}
        if not territories and area.kind == "country" and self.territory_total == 1 and self.territory_mentions \
                and _words().local.search(self.folded, *sentence):
            # "…, ce territoire réunit trois intercommunalités", no place said: the document's one territory
            territories = {self.territory_mentions[0][2]}
        if len(territories) != 1:
            return area
        codes = territories.pop()
        own = _home_of_territories([set(codes)])
        if own is None:
            return area
        inside = (area.kind == "country" or area.kind == "departement" and area.code in codes
                  or area.kind == "region" and area.code == _region_of(own))
        return own if inside else area

    def _scope(self, number_start: int, start: int, end: int, sentence: tuple[int, int],
               earlier: list[dict], value: float, unit: str) -> Area:
        # "trois territoires isérois"; "Dix d'entre eux sont normands": the demonym as attribute
        copula = DEMONYM_COPULA.match(self.folded, end)
        at = copula.end() if copula else end
        for demonym, area in demonyms_at(self.folded, at) if demonym_may_start(self.folded, at) else ():
            if demonym.match(self.folded, at):
                return area
        clauses = self._clauses(sentence)
        own = next((c for c in clauses if c[0] <= number_start < c[1]), clauses[-1])
        segment = self._segment(own, number_start)
        # "Sur les 124 territoires dévoilés …, une dizaine se situent en Nouvelle-Aquitaine": a whole
        # opening its line counts where its own segment says; the rest of the clause is the part's
        whole = WHOLE_OPENER.search(self.folded, max(own[0], number_start - 16), number_start)
        # "Dix territoires de Nouvelle-Aquitaine figurent parmi les 124 …": a whole after a part
        # counted before it in its clause; the part's place is not the whole's
        mid_line = whole is not None and self.folded[self.folded.rfind("\n", 0, whole.start()) + 1:whole.start()].strip()
        if mid_line and any(row["unit"] == unit and row["value"] < value
                            and own[0] <= row["start"] < whole.start() for row in earlier):
            return self._in((whole.start(), segment[1]), start, end) or self._home_or_france(value, unit, sentence)
        if whole and (mid_line or segment[0] > whole.start()):
            whole = None  # "En Normandie, parmi les 10 sites choisis, …": the place before holds it
        # "Le département compte deux « Territoires d'industrie » sur les 141 labellisés en France":
        # the whole written right after the part has the place after it; the part counts where
        # the words before that whole say, when they say it
        whole_after = WHOLE_AFTER.match(self.folded, end, segment[1])
        if whole_after and not whole:
            for first in (segment[0], own[0]):
                area = self._in((first, whole_after.start("whole")), start, end)
                if area:
                    return area
        # "183 territoires en France, dont 11 en Île-de-France, avec une enveloppe de 100 millions
        # d'euros": a part's place counts its part, not what a later segment of its clause adds in
        # another unit ("…, dont 17 en Auvergne-Rhône-Alpes, contre quinze en novembre" compares)
        after_the_part = own[2] and segment[0] > own[0] \
            and not any(row["unit"] == unit and own[0] <= row["start"] < segment[0] for row in earlier)
        block = self._block(sentence, number_start)
        if unit == "territoire" and self._placed_only_by_the_programme_adjective(
                (max(own[0], block[0]), min(own[1], block[1])), value):
            return self.territories_area
        for stretch in (((whole.start(), segment[1]),) if whole else (segment,) if after_the_part else (segment, own[:2])):
            # "La Nouvelle République — Indre" over "Douze Territoires d'industrie en Centre-Val de
            # Loire" (a page's head read as one sentence): a place on the figure's own lines first
            inner = (max(stretch[0], block[0]), min(stretch[1], block[1]))
            own_lines = self._nearest_place(inner, start, end) if inner != stretch \
                and self._national_gap(stretch, start, end) is None else None
            area = self._area(own_lines) if own_lines else self._in(stretch, start, end)
            if area:
                return area
        others = [c for c in clauses if not c[2] and c[1] <= own[0]]
        candidates = [p for c in others for p in self._places_in(c[:2])]
        if candidates:
            return self._area(min(candidates, key=lambda p: _distance(p, start, end)))
        # "trois territoires tarnais retenus …  Un territoire reconduit, deux nouveaux venus": a part
        # counted after its whole in one sentence, no place of its own, that names itself a part
        # (NAMED_PART; not "Sur les 183 …, trois se trouvent chez nous"), counts where the whole does
        # (the earlier rows read only after such a part: 3,000 figures of a sentence each reading all)
        wholes = [row for row in earlier if row["unit"] == unit and row["value"] > value
                  and sentence[0] <= row["start"] < number_start] if NAMED_PART.match(self.folded, number_start) else []
        if wholes:
            return Area(wholes[-1]["scope_code"], wholes[-1]["scope_kind"])
        before = self._sentence_before(sentence) if PARTITIVE_PRONOUN.match(self.folded, number_start) else None
        if before and not any(before[0] <= row["start"] < before[1] for row in earlier):
            # "La Région Bretagne … a réuni les territoires labellisés. Deux d'entre eux ont présenté
            # …": the pronoun's whole is named, not counted, in the sentence before; the part counts
            # where that sentence places it (a counted whole, "quatre territoires du département …,
            # 183 en France", is left to the rules below)
            nearest = self._nearest_place(before, start, end)
            if nearest is not None:
                return self._area(nearest)
        if SUBJECT_PRONOUN.match(self.folded, sentence[0]):
            # "Ils étaient quinze en Auvergne-Rhône-Alpes … Ils seront finalement dix-sept": the
            # pronoun takes up what the sentence before counted, and where it counted it
            before = self._sentence_before(sentence)
            counted = [row for row in earlier if row["unit"] == unit and before[0] <= row["start"] < before[1]]
            if counted:
                return Area(counted[-1]["scope_code"], counted[-1]["scope_kind"])
        if _words().repeated.search(self.folded, max(0, start - 12), start):
            same = [row for row in earlier if (row["value"], row["unit"]) == (value, unit)]
            if same:
                return Area(same[-1]["scope_code"], same[-1]["scope_kind"])
        head = self._line_head_area(number_start)
        if head is not None:
            return head
        return self._home_or_france(value, unit, sentence)

    def _line_head_area(self, position: int) -> Area | None:
        """The région or département a line opens with as its head, closed by a full stop
        ("MARTINIQUE. L'île compte deux territoires", "ORNE. Deux territoires sont labellisés": a
        daily's round-up, one paragraph per area): a figure of that line naming no place of its
        own counts there, not in France."""
        line = bisect_right(self.line_starts, position) - 1
        line_start = self.line_starts[line]
        if line:
            above = self.folded[max(self.line_starts[line - 1], line_start - HEAD_LOOKBACK):line_start - 1].rstrip(" \t")
            if above and above[-1] not in PARAGRAPH_ENDS:
                return None  # a line of wrapped prose ("… deux régions, l'Occitanie et⏎l'Auvergne-Rhône-Alpes. Il …")
        head_start = LINE_HEAD_OPENING.match(self.folded, line_start).end()
        heads = places_starting_in(self.places, head_start, head_start + 1)
        if not heads or heads[0].kind not in ("region", "departement") or heads[0].end > position:
            return None
        closed = LINE_HEAD_END.match(self.folded, heads[0].end)
        return _area(heads[0]) if closed and closed.end() <= position else None

    def _placed_only_by_the_programme_adjective(self, clause: tuple[int, int], value: float) -> bool:
        """Whether a count of territories, in a clause (within its paragraph) naming no place, is national only by the
        programme's adjective ("deux territoires insulaires au titre du programme national
        Territoires d'industrie : A … et B …"), while it is no larger than the territories the
        document names, all in one area: the adjective names the programme, the count is theirs."""
        nationals = list(_words().national.finditer(self.folded, *clause))
        return (self.territories_area is not None and value <= self.territory_total and bool(nationals)
                and all(PROGRAMME_BEFORE.search(self.folded, max(0, m.start() - 12), m.start()) for m in nationals)
                and not self._places_in(clause))

    def _block(self, sentence: tuple[int, int], position: int) -> tuple[int, int]:
        """The part of the sentence between the blank lines around `position`."""
        before = bisect_right(self.blank_ends, position)
        after = bisect_left(self.blank_starts, position)
        return (max(sentence[0], self.blank_ends[before - 1]) if before else sentence[0],
                min(sentence[1], self.blank_starts[after]) if after < len(self.blank_starts) else sentence[1])

    def _sentence_before(self, sentence: tuple[int, int]) -> tuple[int, int]:
        """The sentence before this one: from the full stop or the blank line that opens it to
        this one's start."""
        end = len(self.folded[:sentence[0]].rstrip())
        start = max(self.folded.rfind(". ", 0, max(0, end - 1)), self.folded.rfind("\n\n", 0, end)) + 1
        return start, end

    def _home_or_france(self, value: float, unit: str, sentence: tuple[int, int]) -> Area:
        """A figure whose sentence names no place counts in the document's home area when it
        counts EPCIs or communes, its sentence speaks of the document's territory (names one,
        "le territoire", "le plan d'actions") or the document is a local act (a protocol's costs,
        a deliberation's credits), unless it is larger than that area could hold: a local
        communiqué's "six intercommunalités" are its territory's, "1,3 milliard d'euros" are the
        programme's. In a document whose territories all lie in its home area, projects, jobs, amounts,
        protocols and schools too small for a national total and shares (LOCAL_AT_MOST) count there; a count
        of territories no larger than the number of those it names, all in one area, counts there."""
        local = (unit in ("epci", "commune") or self.act
                 or (self.territories_at_home or self._named_so_far_at_home(sentence))
                 and value <= LOCAL_AT_MOST.get(unit, 0)
                 or bisect_left(self.name_starts, sentence[0]) < bisect_left(self.name_starts, sentence[1])
                 or self._lead_in_names_a_territory(sentence)
                 or self._speaks_locally(sentence))
        if unit == "territoire" and self.territories_area is not None and value <= self.territory_total:
            return self.territories_area  # a part of the territories it names, all in one area
        if self._speaks_locally(sentence):
            # "Le Territoire d'industrie X couvre … . Sa feuille de route compte 11 projets" in a
            # text about territories of several areas: the territory its paragraph has named,
            # when the document has no home area or that territory lies outside it
            area = self._paragraph_territory_area(sentence)
            if area is not None and not (self.home and _inside(area, self.home)):
                return area
        if self.home is None or not local:
            return FRANCE
        if self.home.kind == "region":
            # "Le Grand Bastia … a accompagné seize projets" on a page naming the Corse and the
            # Pays Ajaccien too: the one territory its paragraph names, in its own département
            area = self._paragraph_territory_area(sentence, through_sentence=True)
            if area is not None and _inside(area, self.home):
                return area
        return self.home

    def _lead_in_names_a_territory(self, sentence: tuple[int, int]) -> bool:
        """Whether the line ending with a colon right over the list whose item the sentence is
        names one of the document's territories ("Bilan de la première phase dans le Grand Bastia :"
        over "• 16 projets accompagnés ;"): the items speak of it."""
        line_start = self.folded.rfind("\n", 0, sentence[0]) + 1
        if not LIST_ITEM.match(self.folded, line_start) or self.folded[line_start:sentence[0]].strip(" \t•▪◦●■➢►*–—-"):
            return False
        items = []  # the list's lines read back to its lead-in, each answered once a document
        while line_start not in self._lead_in_of:
            items.append(line_start)
            previous = self.folded.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
            if line_start and LIST_ITEM.match(self.folded, previous):
                line_start = previous
                continue
            lead_in = self.folded[previous:line_start - 1] if line_start else ""
            self._lead_in_of[line_start] = bool(LEAD_IN.fullmatch(lead_in)) and any(
                re.search(r"(?<![\w'-])" + re.escape(self.folded[start:end]) + r"(?![\w-])", lead_in)
                for start, end, _codes in self.territory_mentions)
        for item in items:
            self._lead_in_of[item] = self._lead_in_of[line_start]
        return self._lead_in_of[line_start]

    def _named_so_far_at_home(self, sentence: tuple[int, int]) -> bool:
        """Whether every territory the text has named up to this sentence lies in its home area:
        a local daily's "1,1 million d'euros d'aides" about the territory it reports on, before
        its last paragraph names "l'autre Territoire d'industrie" of another département."""
        if self.home is None:
            return False
        named = self.territory_mentions[:bisect_left(self.territory_starts, sentence[1])]
        return bool(named) and all(_all_inside([set(codes)], self.home) for _start, _end, codes in named)

    def _paragraph_territory_area(self, sentence: tuple[int, int], through_sentence: bool = False) -> Area | None:
        """The area of the one territory named in the sentence's paragraph before it, if one is;
        a line of its own right above the paragraph is its head ("Pays Ajaccien – cap sur
        l'innovation" over "… le territoire a tiré le bilan : …") and belongs to it, also when
        the parser ran it into the paragraph's first sentence. `through_sentence`: the paragraph
        alone, up to the sentence's end (a list item above it is no head: "4° Territoire X" over
        "Article 2 : … 480 000 € … de ces territoires")."""
        inside = list(BLANK_LINE.finditer(self.folded, *sentence))
        cut = inside[-1].end() if inside else sentence[0]
        window = max(0, sentence[0] - PARAGRAPH_LOOKBACK)
        breaks = list(BLANK_LINE.finditer(self.folded, window, cut))
        start = breaks[-1].end() if breaks else window
        if len(breaks) >= 2 and not through_sentence \
                and "\n" not in self.folded[breaks[-2].end():breaks[-1].start()]:
            start = breaks[-2].end()
        low = bisect_left(self.territory_starts, start)
        high = bisect_left(self.territory_starts, sentence[1] if through_sentence else cut)
        territories = {codes for _start, _end, codes in self.territory_mentions[low:high]}
        return _home_of_territories([set(territories.pop())]) if len(territories) == 1 else None

    def _area(self, place: PlaceMention) -> Area:
        """The place's area, or the région of the départements it is coordinated with: "trois
        territoires dans l'Aude et l'Ariège" count in Occitanie, not in the Aude. Départements of
        two régions keep the nearest one's area (no single area holds them)."""
        group = self._coordinated(place)
        departements = referential.load().departements
        regions = {departements[p.code].region_code for p in group if p.code in departements}
        if len(group) > 1 and len(regions) == 1:
            return Area(regions.pop(), "region")
        return _area(place)

    def _coordinated(self, place: PlaceMention) -> list[PlaceMention]:
        """The départements written as one group with this one ("X, Y et Z")."""
        if place.kind != "departement":
            return [place]
        ordered = self.departements  # in reading order, as self.places
        index = self.departement_index[place]
        first = last = index
        while first > 0 and self._joined(ordered[first - 1], ordered[first]):
            first -= 1
        while last + 1 < len(ordered) and self._joined(ordered[last], ordered[last + 1]):
            last += 1
        return ordered[first:last + 1]

    def _joined(self, left: PlaceMention, right: PlaceMention) -> bool:
        return bool(COORDINATION.fullmatch(self.folded, left.end, right.start))

    def _in(self, stretch: tuple[int, int], start: int, end: int) -> Area | None:
        """The area a stretch of the sentence names: France for a national word, or its nearest
        place when that is nearer to the figure ("trois territoires en Guadeloupe … sur les 183 au
        niveau national"), else the document's own département or région ("le département")."""
        words = _words()
        national_gap = self._national_gap(stretch, start, end)
        nearest = self._nearest_place(stretch, start, end)
        if national_gap is not None and (nearest is None or national_gap <= _distance(nearest, start, end)):
            # "parmi les 183 territoires retenus au niveau national et les 12 lauréats de la
            # région": the document's own région right after the figure, nearer than the national
            # words, holds it
            return self._own_region_right_after(start, end, stretch, national_gap) or FRANCE
        if nearest is not None:
            return self._area(nearest)
        if self.own_departement and self.own_departement_words.may_match(*stretch) \
                and words.own_departement.search(self.folded, *stretch):
            return self.own_departement
        # (the funder's words may run on: "avec le soutien financier de l'État et de la Région"; "la
        # Région de Bar-sur-Aube" is an intercommunality's name)
        if self.own_region and self.own_region_words.may_match(*stretch) \
                and any(not self.named.holds(m.end() - 1)
                        and not words.funder_before.search(self.folded, max(stretch[0], m.start() - 50), m.start())
                        and not words.funded_by.search(self.folded, max(0, m.start() - 120), m.start())
                        and not _beside_the_state(self.folded, m.start(), m.end())
                        for m in words.own_region.finditer(self.folded, *stretch)):
            return self.own_region
        if self.own_region and self.own_region.code in words.island_regions \
                and words.own_island.search(self.folded, *stretch):
            return self.own_region  # "l'île en compte deux" in a text about La Réunion
        return None

    def _own_region_right_after(self, start: int, end: int, stretch: tuple[int, int], national_gap: int) -> Area | None:
        """The document's own région when the figure's noun is followed right by "de la région"
        ("les 12 lauréats de la région"), nearer to it than any national word."""
        after = OWN_REGION_AFTER.match(self.folded, end, stretch[1])
        if self.own_region is None or after is None or national_gap == 0:
            return None
        return self.own_region

    def _places_in(self, stretch: tuple[int, int]) -> list[PlaceMention]:
        """The places starting in the stretch, in reading order."""
        return self.places[bisect_left(self.place_starts, stretch[0]):bisect_left(self.place_starts, stretch[1])]

    def _nearest_place(self, stretch: tuple[int, int], start: int, end: int) -> PlaceMention | None:
        """The place of the stretch nearest to [start, end), the first of equals in reading order.
        Disjoint places have ordered ends: the nearest is the last ending at or before `start`
        or the next one."""
        low = bisect_left(self.place_starts, stretch[0])
        high = bisect_left(self.place_starts, stretch[1])
        if self.places_disjoint and low < high:
            index = bisect_right(self.place_ends, start, low, high)
            low, high = max(low, index - 1), min(high, index + 1)
        candidates = self.places[low:high]
        return min(candidates, key=lambda p: _distance(p, start, end)) if candidates else None

    def _clauses(self, sentence: tuple[int, int]) -> list[tuple[int, int, bool]]:
        if sentence not in self._clauses_of:
            self._clauses_of[sentence] = _clauses(self.folded, sentence)
        return self._clauses_of[sentence]

    def _segment(self, clause: tuple[int, int, bool], position: int) -> tuple[int, int]:
        """The comma-separated (or bracketed) segment of the clause holding `position`: after the
        last separator ending at or before it, up to the first one starting at or after it."""
        if clause not in self._separators_of:
            spans = [m.span() for m in SEGMENT_SEPARATOR.finditer(self.folded, clause[0], clause[1])]
            self._separators_of[clause] = ([s for s, _e in spans], [e for _s, e in spans])
        starts, ends = self._separators_of[clause]
        before = bisect_right(ends, position)
        after = bisect_left(starts, position)
        return (ends[before - 1] if before else clause[0],
                starts[after] if after < len(starts) else clause[1])

    def _national_gap(self, stretch: tuple[int, int], start: int, end: int) -> int | None:
        """The gap between [start, end) and the nearest national word of the stretch, None
        without one. The words' spans do not overlap: the nearest is on either side of where
        [start, end) falls among their ends."""
        if stretch not in self._national_of:
            spans = [m.span() for m in _words().national.finditer(self.folded, *stretch)]
            self._national_of[stretch] = (spans, [e for _s, e in spans])
        spans, ends = self._national_of[stretch]
        if not spans:
            return None
        index = bisect_right(ends, start)
        gaps = [_gap(spans[i], start, end) for i in (index - 1, index)
                if 0 <= i < len(spans) and not self._frames_an_event(spans[i], start, end)]
        return min(gaps) if gaps else None

    def _frames_an_event(self, span: tuple[int, int], start: int, end: int) -> bool:
        """"Lors de l'annonce nationale, quatre territoires du sillon lorrain ont été retenus": a
        national word in a segment dating the sentence by an event describes the event, not the
        figure of another segment."""
        between = self.folded[span[1]:start] if span[1] <= start else self.folded[end:span[0]]
        return bool(SEGMENT_BREAK.search(between)) \
            and EVENT_OPENER.search(self.folded, max(0, span[0] - EVENT_REACH), span[0]) is not None

    def _speaks_locally(self, sentence: tuple[int, int]) -> bool:
        """Whether the sentence speaks of the document's own territory ("le territoire"; "Un plan
        d'actions en 4 axes" heading a local page, not "Territoires d'industrie, un plan d'actions
        se décline en quatre axes", which presents the programme)."""
        if sentence not in self._local_of:
            words = _words()
            self._local_of[sentence] = bool(
                words.local.search(self.folded, *sentence)
                or words.local_unless_programme.search(self.folded, *sentence)
                and not words.programme_name.search(self.folded, *sentence))
        return self._local_of[sentence]


def _one_territory_area(home: Area | None, departements: set[str]) -> Area | None:
    """The area of a document's one territory in place of the home its places give, when both lie
    in one région: the Grand Bastia's "six projets" count in the Haute-Corse (2B), not in the Corse
    its page names; a territory over three départements counts in its région even where the text
    names only one of them. A département named beside it (in a weekly's banner, "des deux
    Savoie"; a neighbour, "nos voisins des Deux-Sèvres") does not make its figures the région's:
    its projects and communes are its own."""
    own = _home_of_territories([departements])
    if own is None or home is None or _region_of(own) != _region_of(home):
        return home
    return own


def _all_inside(territory_departements: list[set[str]], home: Area | None) -> bool:
    """Whether the document names territories and every one lies in its home area: a préfecture's
    page on its département's territories, not a Région's list whose home is one of its towns'. A
    territory one of whose intercommunalities reaches into a neighbouring département (a CC with
    a few communes across the border) still lies in the home département it is in."""
    if home is None or not territory_departements or not all(territory_departements):
        return False
    if home.kind == "departement":
        return all(home.code in codes for codes in territory_departements)
    departements = referential.load().departements
    return all(code in departements and departements[code].region_code == home.code
               for codes in territory_departements for code in codes)


def _inside(area: Area, home: Area) -> bool:
    """Whether `area` lies within `home` (the same area, or a département of the home région)."""
    return area == home or home.kind == "region" and _region_of(area) == home.code


def _region_of(area: Area) -> str | None:
    if area.kind == "region":
        return area.code
    departement = referential.load().departements.get(area.code)
    return departement.region_code if departement else None


def _is_act(folded: str) -> bool:
    """Whether the document opens as a local act: one of its first lines names it ("PROTOCOLE
    D'ACCORD", "CONTRAT DE TERRITOIRE D'INDUSTRIE", "DÉLIBÉRATION N° …", "COMMISSION
    PERMANENTE"). An act speaks of its own territory or council: its amounts are theirs."""
    lines = [line for line in folded.split("\n", 40) if line.strip()][:ACT_TITLE_LINES]
    return any(_words().act_title.match(line) for line in lines)


def _where_something_happened(folded: str, place: PlaceMention) -> bool:
    """"au Grand Palais à Paris", "réunis à Paris": a place after "à" locates an event or a town;
    what is counted is "en", "dans" or "de" a place. Islands keep "à" ("à La Réunion")."""
    if place.kind == "departement" and place.code in _single_departement_regions():
        return False
    return bool(re.search(r"(?<![\w'])a\s+(?:la\s+|l'\s*|le\s+)?$", folded[max(0, place.start - 8):place.start]))


def _council_that_pays(folded: str, place: PlaceMention) -> bool:
    """"est soutenu par l'État et la Région Hauts-de-France", "versée par … la Région X", "en lien
    avec la Région X", "avec l'État et la Région X": a région written as its council after a
    funding verb or as a partner pays the figure or works with the territory, it is not where the
    figure counts; unless a relative clause describes it as a place ("… avec l'État et la Région
    Occitanie, qui compte 24 territoires labellisés")."""
    council = folded.startswith("region", place.start) \
        or re.search(r"(?<![\w'])region\s+$", folded[max(0, place.start - 8):place.start]) is not None
    return place.kind == "region" and council \
        and _words().funded_by.search(folded, max(0, place.start - 120), place.start) is not None \
        and RELATIVE_AFTER.match(folded, place.end) is None


# a relative clause right after a Région describes it as a place: "l'État et la Région Bretagne,
# qui compte au total 11 territoires" (folded text)
RELATIVE_AFTER = re.compile(r"\s*,?\s*(?:qui|ou)\b")


def _beside_the_state(folded: str, start: int, end: int) -> bool:
    """"L'État et la Région ont fléché 2,5 millions d'euros": "la Région" (the text from `start` to
    `end`), named with the State, is the programme's co-pilot, not where a figure counts; unless a
    relative clause describes it as a place."""
    return _words().beside_the_state.search(folded, max(0, start - 20), start) is not None \
        and RELATIVE_AFTER.match(folded, end) is None


def _ranked_in(folded: str, place: PlaceMention) -> bool:
    """"La Bourgogne-Franche-Comté, première région industrielle de France, compte 10 territoires":
    a place after a rank is where the subject is ranked, not where the sentence counts."""
    return _words().ranked_in.search(folded, max(0, place.start - 80), place.start) is not None


def _shared_with(folded: str, place: PlaceMention) -> bool:
    """"… accueille un cinquième territoire, interdépartemental avec la Sarthe": a place after
    "interdépartemental / partagé avec" is where a shared territory's partner lies, not where the
    sentence counts."""
    return _words().shared_with.search(folded, max(0, place.start - 40), place.start) is not None


def _clauses(folded: str, sentence: tuple[int, int]) -> list[tuple[int, int, bool]]:
    """(start, end, is_part) of the sentence's clauses, cut at ", dont", ";" and ":".

    A ", dont" clause counts a part of the whole ("183 lauréats, dont 18 dans la région X"): its
    places belong to it alone.
    """
    clauses, start, is_part = [], sentence[0], False
    for separator in CLAUSE_SEPARATOR.finditer(folded, sentence[0], sentence[1]):
        clauses.append((start, separator.start(), is_part))
        start, is_part = separator.end(), separator.group().startswith(",")
    clauses.append((start, sentence[1], is_part))
    return clauses


def _distance(place: PlaceMention, start: int, end: int) -> int:
    return max(0, place.start - end, start - place.end)


def _beyond(area: Area, value: float, unit: str) -> bool:
    """Whether a count is larger than its area could hold: more territories or EPCIs than the
    area has EPCIs, more communes than COMMUNES_PER_EPCI times that ("183 territoires lauréats"
    in a sentence naming the Ardennes counts France), a billion euros or more (the programme's
    national budgets: "1,36 milliard d'euros de financement, 124 territoires" beside Normandie)."""
    if area.kind == "country":
        return False
    epcis = _epci_counts()[(area.kind, area.code)]
    return (unit in ("territoire", "epci") and value > epcis
            or unit == "territoire" and value > TERRITORIES_AT_MOST.get(area.kind, value)
            or unit == "commune" and value > epcis * COMMUNES_PER_EPCI
            or unit == "euro" and value >= NATIONAL_EUROS)


# a segment dating its sentence by an event, up to a national word ("Lors de l'annonce nationale";
# folded text)
EVENT_OPENER = re.compile(r"(?<![\w'])(?:lors|a\s+l'occasion|au\s+moment|au\s+lendemain)\s+d[^,;:\n]*$")
EVENT_REACH = 60
SEGMENT_BREAK = re.compile(r"[,;:]")


# the figure's noun qualified by the document's own région, nothing between them, the région's
# complement or adjective not following ("de la région de Lyon", "de la région lyonnaise"; a verb
# may: "Dix territoires de la région figurent dans la liste nationale")
OWN_REGION_AFTER = re.compile(r"\s+(?:de\s+la|de\s+notre)\s+region(?![\w-])(?!\s+(?:de|d'|du|des)\b)"
                              r"(?!\s+[a-z-]*(?:aise?|oise?|ienne?|ine|ale?|aux|ique|iere?|ive|if)s?\b)")


def _gap(span: tuple[int, int], start: int, end: int) -> int:
    return max(0, span[0] - end, start - span[1])


def _every_occurrence(folded: str, names: list[tuple[int, int]],
                      places: list[PlaceMention]) -> list[tuple[int, int]]:
    """The spans of names, and of every other place in the text where a name holding a place is
    written again (a territory named twice is one row, its first mention)."""
    spans = set(names)
    place_starts = sorted(p.start for p in places)
    holding = {folded[start:end] for start, end in names if end - start >= MIN_NAME_CHARS
               and bisect_left(place_starts, start) < bisect_left(place_starts, end)}
    for text in holding:
        spans.update(m.span() for m in re.finditer(re.escape(text), folded))
    return sorted(spans)
