"""Link an intercommunality name written in a communiqué to its SIREN in the referential.

Names are compared on a "core" form: folded, without the legal-form words ("CC", "communauté
d'agglomération"...), articles, "et" and parentheticals, "Agglomération" written "agglo". Every
EPCI of every millésime is indexed under every name it bore, and under the everyday forms people
write for it, generated from those names:
- without a leading "Canton de"/"Région de"/"Bassin de"/"Pays de"/"Île de" ("les communautés de
  communes de Marennes et d'Oléron" for the "CC de l'Île d'Oléron", "CC de Charly-sur-Marne" for
  "CC du Canton de Charly-sur-Marne", "les communautés de communes des bassins de Pompey et de
  Pont-à-Mousson", "les communautés de communes du Pays de Landerneau Daoulas, Landivisiau …"), a trailing type word ("Lorient" for "Lorient Agglomération") or a région's
  name ("Lisieux" for "Lisieux Normandie", "Métropole de Rouen" for "Métropole Rouen Normandie");
- a town then the pays it lies in without the common noun ("Cannes Lérins" for the "CA Cannes Pays
  de Lérins"), and a name joining two places by a spaced dash the other way round ("Les
  Essarts-Saint-Fulgent" for the "CC du Pays de Saint-Fulgent - Les Essarts");
- and a name written with a leading "Pays" ("Pays des Coëvrons") is also tried without it;
- an official name that is a town qualified by its river or country ("CA de Châlons-en-Champagne")
  or made great ("CU du Grand Poitiers"), or an agglomeration's, a communauté urbaine's or a
  métropole's that opens with its town ("CA Evreux Portes de Normandie", "CA Grand Auch Coeur de
  Gascogne"), is also the town written with a type word ("Châlons Agglo", "l'agglomération de
  Châlons", "l'agglo d'Évreux", "le Grand Auch agglomération"), for an EPCI of the document's
  départements only.
A tagline written after the official name ("CC du Liancourtois la Vallée Dorée") is left out
when the words before it are an official name of the document's départements.
Typing slips are caught by a fuzzy comparison of whole names (rapidfuzz), when the names share a
word of the EPCI's own, not only a place's ("en Martinique" is no slip for "Centre Martinique"); such a
likeness is never an exact link, and links only for an EPCI of the document's départements or, in a
text naming none, at a strict score ("Cayenne et de la communauté" is no slip for "Mayenne
Communauté", of another département). A name written with
its legal form may be the start of an official one ("communauté urbaine Creusot Montceau" for "CU
Le Creusot Montceau-les-Mines"): it links when one EPCI of that form in the document's
départements has a name starting so.

Context breaks ties and lowers doubtful links: the legal form written in the text, the
départements of the document (and of the other members already linked), and its year: a
communiqué of 2019 naming an EPCI that merged in 2020 links to the SIREN it had then, and one
writing in 2019 a name whose SIREN dates from 2020 links to the one EPCI that SIREN continues. A
bare everyday form (no legal form nor type word) of an EPCI outside every département and région
the document names is a town of its own area, never linked ("Saint-Louis" of La Réunion). A weak
match gives no SIREN; a name fitting several EPCIs equally gives no SIREN and their SIRENs as
`candidates`, never a guess.

Acronyms: one defined in the text ("… Nord (COBAN)") is learnt for that document
(DocumentLinker.learn); well-known ones never defined come from data/epci_aliases.csv (each with
its source) and from the acronyms in official names ("CA … (CARENE)"), and count only when an
EPCI they name lies in the document's départements or régions. Failing those, the initials of
the names of the document's départements' EPCIs ("CCTLB" for "CC du Territoire de Lunéville à
Baccarat") link an acronym that only one of them gives; failing those, the initials of the EPCI a
territory it names is named after ("la CUCM" where the territory is "Creusot-Montceau", in a text
naming none of its départements). So does the territory's name written with that EPCI's legal form
("la communauté urbaine Creusot-Montceau"), where the text writes the name apart as well.
The same file holds a few names no millésime has (a name dropped before 2019, "Caux Vallée de Seine"): they are indexed as
everyday forms of their EPCI.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline import referential
from pipeline.normalize import fold, unligature
from pipeline.town_demonyms import DEMONYM_SCORE, demonym_siren

ACCEPT_SCORE = 0.86       # below this, no SIREN
AMBIGUITY_MARGIN = 0.03   # two different EPCIs this close: no SIREN
EVERYDAY_FORM_SCORE = 0.94  # a generated everyday form, not the name itself
TYPE_MISMATCH_PENALTY = 0.10
NEAR_TYPE_PENALTY = 0.03  # "agglomération" written for a communauté urbaine or a métropole
OUTSIDE_DEPARTEMENTS_PENALTY = 0.08
OUTSIDE_YEAR_PENALTY = 0.05  # the EPCI did not exist in the document's year (its dateline's)
GUESSED_YEAR_PENALTY = 0.02  # ... in the year its phase suggests: too weak to break a tie
FUZZY_MIN_LENGTH = 6      # shorter names must match exactly
SEAT_FORM_SCORE = 0.905   # "Châlons Agglo" for "CA de Châlons-en-Champagne": too weak to link
                          # outside the document's départements; an everyday form (exact), not a
                          # likeness
TRUNCATED_SCORE = 0.90    # the start of a name, written with its legal form, in the document's
                          # départements ("communauté urbaine Creusot Montceau")
OFFICIAL_NAME_SCORE = 0.99  # the official name itself, of the document's départements and year
STRICT_LIKENESS_SCORE = 0.95  # a likeness in a text naming no département: one letter away from a name of 18 letters is another place ("Cayenne
                              # communauté" for "Mayenne Communauté"), not a slip
ALIASES_FILE = Path(__file__).parent / "data" / "epci_aliases.csv"

# Repeated: "CA Agglo Pays d'Issoire" is written for the official "Agglo Pays d'Issoire"; an
# article goes with the form it comes before ("la communauté d'agglomération", "CA L'Agglo").
# "Intercommunale" opens the names of La Réunion's agglomerations ("CA Intercommunale du Nord de la
# Réunion (CINOR)"), written "la Communauté intercommunale du Nord de La Réunion": their legal form.
LEGAL_FORM_UNIT = (r"(?:(?:la|le|les|l')\s*)?"
                   r"(?:communautes?\s+(?:de|des)\s+communes?|communautes?\s+d'\s*agglomerations?"
                   r"|communautes?\s+urbaines?|metropoles?|cc|ca|cu|cdc|com\s?com|agglo|agglomerations?|communautes?"
                   r"|intercommunales?)\b\s*")
LEGAL_FORM = re.compile(r"^(?:" + LEGAL_FORM_UNIT + r")+")
# one legal form, anywhere: the words core_name may strip from a name's start
LEGAL_FORM_WORDS = re.compile(LEGAL_FORM_UNIT)
STOPWORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et"}
GENERIC_LEADS = re.compile(r"^(?:canton|region|bassin|pays|ile)\s+")
TYPE_TAILS = re.compile(r"\s+(?:agglo|communaute|metropole|intercom|interco)$")
TYPE_INSIDE = re.compile(r"^(\S+(?:\s\S+)*?\s(?:agglo|communaute|metropole))\s\S.*$")
# core_name's: a bracket (or one a list's end cut), what is no letter of a folded name, what parts its words
BRACKET_OR_ITS_OPENING = re.compile(r"\([^)]*(?:\)|$)")
NOT_LETTERS = re.compile(r"[^a-z0-9']+")
WORD_SEPARATORS = re.compile(r"[\s']+")
# "CA Cannes Pays de Lérins", "CC Chabris - Pays de Bazelle": a town then the "pays" it lies in;
# people write the two names without the common noun ("l'Agglomération Cannes Lérins")
TYPE_WORDS_IN_CORE = re.compile(r"(?:^|\s)(?:agglo|communaute|metropole|intercom|interco)(?:\s|$)")
TOWN_THEN_PAYS = re.compile(r"^(?P<town>[a-z]{3,})\spays\s(?P<pays>[a-z]{3,}(?:\s[a-z]+)?)$")
WRITTEN_LEADS = re.compile(r"^(?:pays|territoire)\s+")
# "Châlons-en-Champagne", "Romilly-sur-Seine": a town's name qualified by its river or
# country; "Grand Poitiers", "Le Grand Chalon": the town made great. People write the agglomeration
# "Châlons Agglo", "l'agglomération de Châlons", "l'agglomération de Poitiers"
PLACE_QUALIFIER = re.compile(r"^(?P<town>[a-z]{4,}(?:\s[a-z]+)?)\s(?:en|sur|sous|lez|les)\s[a-z]+(?:\s[a-z]+)?$"
                             r"|^grand\s(?P<great>[a-z]{4,}(?:\s[a-z]+)?)$")
# "CA Evreux Portes de Normandie", "CA Grand Auch Coeur de Gascogne", "CA Troyes Champagne
# Métropole": an agglomeration's name opening with its town, then a tagline; people write "l'agglo
# d'Évreux", "le Grand Auch agglomération", "l'agglomération de Troyes" (core words)
TOWN_FIRST = re.compile(r"^(?:(?P<great>grand)\s)?(?P<town>(?:saint|sainte)\s[a-z]{2,}|[a-z]{3,})\s\S")
# first words of names that are no town: "CA Pays de Fontainebleau", "CA Val de Garonne", "CA Cap Excellence"
NOT_A_TOWN = frozenset({"pays", "val", "vallee", "vallees", "coeur", "terres", "terre", "portes", "porte",
                        "cote", "cotes", "plaine", "plaines", "plateau", "bassin", "haut", "haute", "hauts",
                        "sud", "nord", "est", "ouest", "centre", "golfe", "mont", "monts", "lac", "lacs", "baie",
                        "ile", "iles", "rives", "rive", "cap", "agglo", "communaute", "metropole", "territoire",
                        "grand", "petite", "petit", "riviera", "estuaire", "sources", "caux", "entre", "saint",
                        "sainte", "intercommunale", "region", "agglomeration", "europeenne", "seine", "provence", "paris"})
WRITTEN_TYPE = re.compile(r"^(?:l'\s*|la\s+|le\s+)?(?:cc|ca|cu|agglo|agglomeration|metropole|communaute)\b"
                          r"|\b(?:agglo|agglomeration|metropole|communaute)$")
WORD_FORMS = {"agglomeration": "agglo", "agglomerations": "agglo", "st": "saint", "ste": "sainte",
              # "CC des 4 rivières" is written "des Quatre Rivières"
              "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6", "sept": "7",
              "huit": "8", "neuf": "9", "dix": "10", "mille": "1000"}
# "COBAN", "CdC", "3CM", "2CCAM" (a count of repeated initials first: not "2B", a code), "5C" (a
# communauté de communes whose name's initials are all C: "Cœur et Coteaux du Comminges")
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}|[A-Z][a-z]?[A-Z0-9&][A-Za-z0-9&]{0,8}|[2-9][A-Z]{2}[A-Z0-9&]{0,7}")
ALL_C_COUNT = re.compile(r"[3-9]C")
COUNTED_C = re.compile(r"^([2-9])C")  # "3CA": three C, then the other letters
LEADING_C_RUN = re.compile(r"C{3,9}")  # "CCCMA": the three C a count stands for ("3CMA")
NAME_FORM = {"CC": "CC", "CA": "CA", "CU": "CU", "Métropole": "METRO"}
NEAR_TYPES = {"CA", "CU", "METRO", "MET69"}
ARTICLES = re.compile(r"^(?:(?:la|le|les|l)['’ ]\s*)", re.IGNORECASE)
# "CC du Liancourtois la Vallée Dorée": the tagline an EPCI writes after its name, an article
# and capitalised words right after a capitalised word (not "… de la Vallée …")
TAGLINE = re.compile(r"(?<=[^\W\d_]{3})[ \t]+(?:[-–][ \t]+)?(?:la|le|les)[ \t]+"
                     r"[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+[A-ZÉÈÀÂÎÔ][\w'’-]*)*[ \t]*$")
# "les Pyrénées Haut-Garonnaises du Luchonnais": the area people add after an EPCI's name, one
# word named after a town ("-ais", "-ois"), not a word of the name
AREA_AFTER_NAME = re.compile(r"(?<=[^\W\d_]{3})[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’])[ \t]*"
                             r"[A-ZÉÈÀÂÎÔ][\w-]*(?:ais|ois|aise|oise)[ \t]*$")


@dataclass(frozen=True)
class Link:
    siren: str | None
    name: str | None        # official name when linked (the last the SIREN bore)
    epci_type: str | None
    score: float            # 0..1
    departement_codes: tuple[str, ...]
    candidates: tuple[str, ...] = ()     # SIRENs fitting equally when not linked
    successor_siren: str | None = None   # the EPCI continuing a merged one today
    exact: bool = False                  # a name or everyday form of it, not a likeness


NO_LINK = Link(None, None, None, 0.0, ())


def _linked(epci, score: float, exact: bool) -> Link:
    """The link to one EPCI of the referential."""
    return Link(epci.siren, epci.name, epci.type, score, epci.departement_codes, (),
                epci.successor_siren, exact)


@lru_cache(maxsize=16384)
def core_name(name: str) -> str:
    """'Communauté de Communes du Pays d’Othe (Aube)' -> 'pays othe'. Cached: linking and the
    membership rules read the same names in every document."""
    folded = fold(unligature(name))
    folded = BRACKET_OR_ITS_OPENING.sub(" ", folded)  # "(CCVE)", or "(CCVE" cut by a list's end
    folded = NOT_LETTERS.sub(" ", folded).strip()
    folded = LEGAL_FORM.sub("", folded)
    words = [WORD_FORMS.get(w, w) for w in WORD_SEPARATORS.split(folded)]
    return " ".join(w for w in words if w and w not in STOPWORDS)


def _letters(written: str) -> str:
    """A written name as core_name reads it: folded, letters, digits and apostrophes between
    single blanks."""
    return NOT_LETTERS.sub(" ", fold(unligature(written))).strip()


def _core_words(written: str) -> list[re.Match]:
    """The words core_name reads in a written name, folded, before it strips a legal form."""
    return list(re.finditer(r"[^\s']+", _letters(written)))


def _kept(word: str) -> bool:
    return WORD_FORMS.get(word, word) not in STOPWORDS


def core_word_ceiling(written: str) -> int:
    """At most how many words core_name gives for a name, or for it after an article: its words but
    the stopwords (a legal form or a bracket it strips only takes more away)."""
    return sum(_kept(word.group(0)) for word in _core_words(written))


def core_word_floors(words: list[str]) -> list[int]:
    """For each written word of a name without brackets (its words as split at blanks), how many
    words of core_name it gives at least, whichever run of the name's words it is read in: the
    core of words[i:j] has at least sum(floors[i:j]) words. A word core_name may strip as part of
    a legal form (which it strips from a run's start only, repeated: "Métropole Métropole … X")
    counts nothing, nor does a stopword. One pass: a name of 10,000 words is read in linear time."""
    if any("(" in word for word in words):
        return [0] * len(words)  # core_name strips a bracket's words
    folded = [_letters(word) for word in words]
    joined, owners, position = [], [], 0
    for index, word in enumerate(folded):
        if word:
            joined.append(word)
            owners.append((position, index))
            position += len(word) + 1
    text = " ".join(joined)
    floors = [0] * len(words)
    owner = 0
    form_until = 0  # a legal form read from a word at or before this one reaches this far
    for word in re.finditer(r"[^\s']+", text):
        form = LEGAL_FORM_WORDS.match(text, word.start())
        form_until = max(form_until, form.end() if form else 0)
        while owner + 1 < len(owners) and owners[owner + 1][0] <= word.start():
            owner += 1
        if word.start() >= form_until and _kept(word.group(0)):
            floors[owners[owner][1]] += 1
    return floors


@lru_cache(maxsize=1)
def _region_words() -> re.Pattern:
    names = sorted((core_name(r.name) for r in referential.load().regions.values()), key=len,
                   reverse=True)
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(n) for n in names if n) + r")(?=\s|$)")


def everyday_forms(core: str) -> set[str]:
    """Shorter forms people write for an official core name (the core itself left out)."""
    forms = {GENERIC_LEADS.sub("", core)}
    forms |= {TYPE_TAILS.sub("", form) for form in forms}
    forms |= {_region_words().sub(" ", form).strip() for form in forms}
    # "Guingamp-Paimpol Agglomération" for "CA Guingamp-Paimpol Agglomération de l'Armor à
    # l'Argoat": the name up to its type word, its tagline left out
    # and "la com com de Loudéac" for "CC Loudéac Communauté - Bretagne Centre": that name without
    # its type word too, as "Lorient" for "Lorient Agglomération"
    typed = TYPE_INSIDE.match(core)
    if typed:
        forms |= {typed.group(1), TYPE_TAILS.sub("", typed.group(1))}
    forms |= {f"{inner['town']} {inner['pays']}" for inner in [TOWN_THEN_PAYS.match(core)]
              if inner and inner["town"] not in NOT_A_TOWN}
    forms = {" ".join(form.split()) for form in forms}
    return {form for form in forms if form != core and len(form) >= 4}


# "CC du Pays de Saint-Fulgent - Les Essarts": a name joining two places (often the EPCIs it merged)
TWO_PLACES = re.compile(r"^(?P<first>(?:(?!\s[-–]\s).)+)\s[-–]\s(?P<second>(?:(?!\s[-–]\s).)+)$")


def swapped_form(name: str) -> str | None:
    """The two places of a name joined by a spaced dash, the other way round and without a leading
    "Pays de" ("Les Essarts-Saint-Fulgent"): none when a part is a type word ("La Roche-sur-Yon -
    Agglomération") or holds one."""
    parts = TWO_PLACES.match(name)
    if not parts:
        return None
    first, second = (GENERIC_LEADS.sub("", core_name(parts[key])) for key in ("first", "second"))
    if not first or not second or any(TYPE_WORDS_IN_CORE.search(part) for part in (first, second)):
        return None
    return f"{second} {first}"


# "CC de la Station des Rousses-Haut Jura": a hyphen joining two places of several words each
# (not a town's own hyphens: "Montceau-les-Mines", "Haut-Jura Saint-Claude")
HYPHENED_PLACES = re.compile(r"^(?P<first>[^,]+\s\S+)-(?P<second>[A-ZÉÈÀÂÎÔ]\S*\s\S.*)$")
OFFICIAL_LEGAL_FORM = re.compile(r"^(?:CC|CA|CU)\s+")
# words a hyphen ties to the next one: "Grand Saint-Dizier", "Vallons de Haute-Bretagne",
# "Arcachon Sud-Pôle", "Pouilly-en-Auxois"
HYPHEN_TIED = frozenset({"saint", "sainte", "st", "ste", "haut", "haute", "bas", "basse", "grand", "grande",
                         "sud", "nord", "est", "ouest", "en", "sur", "sous", "les", "lez", "le", "la", "aux", "au"})
# what opens a place's name before its own words: "de la", "du Pays de"
PLACE_LEADS = re.compile(r"^(?:(?:de|du|des|d['’]|la|le|les|l['’]|pays|canton|bassin|r[ée]gion|[iî]le)(?:\s+|(?<=['’])))+",
                         re.IGNORECASE)


def first_place_form(name: str) -> str | None:
    """The first of two places a name joins, as people write the EPCI ("le Cap Sizun" for the "CC
    Cap Sizun - Pointe du Raz", "la Station des Rousses" for the "CC de la Station des
    Rousses-Haut Jura"). None when that place is one word, hyphens aside ("Faucigny", "Caux": a
    pays more than an EPCI; "Bar-le-Duc", "Saint-Fulgent": a town), or part of a département's
    or région's name ("Haute-Provence" of the "CC Haute-Provence - Pays de Banon")."""
    bare = OFFICIAL_LEGAL_FORM.sub("", name)
    parts = TWO_PLACES.match(bare) or HYPHENED_PLACES.match(bare)
    if not parts or fold(parts["first"].split()[-1]) in HYPHEN_TIED \
            or not TYPE_TAILS.sub("", " " + core_name(parts["second"])).strip():
        return None  # (a second part that is a type word: "La Roche sur Yon - Agglomération", a town)
    first = GENERIC_LEADS.sub("", core_name(parts["first"]))
    if " " not in PLACE_LEADS.sub("", parts["first"].strip()) \
            or any(f" {first} " in f" {area} " for area in _area_cores()):
        return None
    return first


@lru_cache(maxsize=1)
def _area_cores() -> tuple[str, ...]:
    """The core names of the départements and régions."""
    ref = referential.load()
    return tuple(core_name(area.name) for area in (*ref.departements.values(), *ref.regions.values()))


def _form_of(name: str, default: str) -> str:
    """Legal form a name states ('CC de Flandre Intérieure' is a CC even if the EPCI is now a CA)."""
    return NAME_FORM.get(name.split(" ", 1)[0], default)


@dataclass(frozen=True)
class _Entry:
    siren: str
    name: str
    form: str
    first_seen: int
    last_seen: int


@dataclass
class _Index:
    exact: dict[str, list[tuple[_Entry, bool]]] = field(default_factory=dict)  # key -> (entry, everyday)
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_owners: list[list[_Entry]] = field(default_factory=list)
    by_first_word: dict[str, list[str]] = field(default_factory=dict)  # official cores
    seat: dict[str, list[_Entry]] = field(default_factory=dict)  # "chalons" -> CA de Châlons-en-Champagne
    headless: dict[str, list[_Entry]] = field(default_factory=dict)  # "pierres dorees" -> CC Beaujolais Pierres Dorées


@lru_cache(maxsize=1)
def alias_rows() -> list[dict]:
    """The rows of data/epci_aliases.csv: names intercommunalities go by, each with its SIREN and source."""
    with ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=None)
def everyday_alias_pattern(alias: str) -> re.Pattern:
    """Where an everyday name is written, each of its words as listed, in capitals or capitalised
    ("CAP Nord", "Cap Nord" for "Cap Nord"), a whole word, after an elided article at most
    ("l'Espace Sud"); never in lower case ("le cap nord")."""
    words = [r"(?:" + "|".join(map(re.escape, dict.fromkeys((w, w.upper(), w[:1].upper() + w[1:])))) + r")"
             for w in alias.split()]
    return re.compile(r"(?<![\w&-])(?<!\w\w['’])" + r"[ \t]+".join(words) + r"(?![\w&-])")


def _is_acronym(alias: str) -> bool:
    return bool(ACRONYM.fullmatch(alias)) and sum(c.isupper() for c in alias) >= 2 \
        or bool(ALL_C_COUNT.fullmatch(alias))


def _own_places(ref: referential.Referential, epci: referential.Epci) -> set[str]:
    """The names of an intercommunality's départements and régions, which people write after the
    name it goes by ("Cap Nord Martinique" for the alias "Cap Nord")."""
    return ({ref.departements[code].name for code in epci.departement_codes if code in ref.departements}
            | {ref.regions[code].name for code in epci.region_codes if code in ref.regions})


@lru_cache(maxsize=1)
def _index() -> _Index:
    index = _Index()
    fuzzy: dict[str, list[_Entry]] = {}
    ref = referential.load()
    epcis = ref.epcis
    for alias in alias_rows():
        epci = epcis.get(alias["siren"])
        if epci and not _is_acronym(alias["alias"]):
            entry = _Entry(epci.siren, alias["alias"], epci.type, epci.first_seen, epci.last_seen)
            for written in (alias["alias"], *(f"{alias['alias']} {place}" for place in _own_places(ref, epci))):
                index.exact.setdefault(core_name(written), []).append((entry, True))
    for epci in epcis.values():
        for borne, name in ((borne, name) for borne in epci.names for name in _names_in(borne.name)):
            entry = _Entry(epci.siren, borne.name, _form_of(name, epci.type),
                           borne.first_seen, borne.last_seen)
            core = core_name(name)
            if not core:
                continue
            index.exact.setdefault(core, []).append((entry, False))
            fuzzy.setdefault(core, []).append(entry)
            for form in everyday_forms(core) | {swapped_form(name), first_place_form(name)} - {None}:
                index.exact.setdefault(form, []).append((entry, True))
            for town in _seats(core, entry.form):
                index.seat.setdefault(town, []).append(entry)
            headless = HEADLESS.match(core)
            if headless:
                index.headless.setdefault(headless.group("rest"), []).append(entry)
    index.fuzzy_keys = list(fuzzy)
    index.fuzzy_owners = list(fuzzy.values())
    for key in fuzzy:
        index.by_first_word.setdefault(key.split(" ", 1)[0], []).append(key)
    return index


# "CC Terres de Montaigu, CC Montaigu-Rocheservière": an official name holding two, each with its
# legal form (the brand and the legal name of one EPCI)
SECOND_LEGAL_NAME = re.compile(r",\s*(?=(?:CC|CA|CU)\s)")


# "CA CIVIS (Communauté Intercommunale des Villes Solidaires)", "CA ECLA (Espace Communautaire Lons
# Agglomération)": an official name that is an acronym, its expansion in brackets
ACRONYM_THEN_EXPANSION = re.compile(r"^(?P<form>C[ACU]|CC)\s+[A-Z]{3,}\s*\((?P<expansion>[^()]*\s[^()]*\s[^()]*)\)$")


def _names_in(name: str) -> list[str]:
    """The names an official name holds: itself, or each of the legal names it joins; an acronym's
    expansion, which texts write in full ("la Communauté Intercommunale des Villes Solidaires")."""
    expanded = ACRONYM_THEN_EXPANSION.match(name)
    if expanded:
        return [name, f"{expanded.group('form')} {expanded.group('expansion')}"]
    parts = SECOND_LEGAL_NAME.split(name)
    return [name] if len(parts) == 1 else parts


def _seats(core: str, form: str) -> set[str]:
    """The towns people write with a type word for an official core name: the town it qualifies
    ("chalons" for "chalons en champagne") or makes great ("poitiers"); for an agglomeration, a
    communauté urbaine or a métropole, the town its name opens with ("evreux" for "evreux portes
    normandie", "auch" and "grand auch" for "grand auch coeur gascogne")."""
    qualified = PLACE_QUALIFIER.match(core)
    if qualified:
        return {qualified.group("town") or qualified.group("great")}
    first = TOWN_FIRST.match(core) if form in NEAR_TYPES else None
    if first is None or first.group("town") in NOT_A_TOWN:
        return set()
    town = first.group("town")
    return {town, f"grand {town}"} if first.group("great") else {town}


def _truncated(query: str, epci_type: str, departements: frozenset[str]) -> list[tuple[_Entry, float, bool]]:
    """(entry, base score, not exact) of the EPCIs of the document's départements and of the legal form
    written whose official name starts with the query's words and goes on ("Creusot Montceau"
    for "CU Le Creusot Montceau-les-Mines"): people shorten long names from the end."""
    index = _index()
    if len(query.split()) < 2:
        return []
    ref = referential.load()
    found = []
    for key in index.by_first_word.get(query.split(" ", 1)[0], ()):
        if key.startswith(query + " "):
            for entry, _everyday in index.exact.get(key, ()):
                epci = ref.epcis[entry.siren]
                if entry.form == epci_type and set(epci.departement_codes) & departements:
                    found.append((entry, TRUNCATED_SCORE, False))
    return found


# "beaujolais pierres dorees": a leading word (a pays, a river, a town) then a name of two words
# or more, which people write alone where the leading word is understood ("le Beaujolais et ses
# intercommunalités (…, Pierres Dorées, …)")
HEADLESS = re.compile(r"^(?!(?:agglo|communaute|metropole|intercom|interco)\s)[a-z]{4,}\s(?P<rest>[a-z]{3,}(?:\s[a-z]{3,})+)$")


# "l'Agglomération de la Région de Compiègne": a legal form opening the written name itself, not
# given by a head before it
LEADING_LEGAL_FORMS = ((re.compile(r"^(?:l'\s*|la\s+)?(?:communaute de communes|cc)\s"), "CC"),
                       (re.compile(r"^(?:l'\s*|la\s+)?(?:communaute d'\s*agglomeration|agglomeration|agglo|ca)\s"), "CA"),
                       (re.compile(r"^(?:la\s+)?(?:communaute urbaine|cu)\s"), "CU"))


def _leading_legal_form(written: str) -> str | None:
    """The legal form a written name opens with, for _truncated: 'CA' for "l'Agglomération de …"."""
    letters = _letters(written)
    return next((form for pattern, form in LEADING_LEGAL_FORMS if pattern.match(letters)), None)


def _headless(query: str, departements: frozenset[str]) -> list[tuple[_Entry, float, bool]]:
    """(entry, base score, not exact) of the EPCIs of the document's départements whose official name is the
    query after one leading word: too weak alone, it links a name a list of members gives whole."""
    ref = referential.load()
    return [(entry, TRUNCATED_SCORE, False) for entry in _index().headless.get(query, ())
            if set(ref.epcis[entry.siren].departement_codes) & departements]


def _seat_forms(written: str, query: str, epci_type: str | None,
                departements: frozenset[str]) -> list[tuple[_Entry, float, bool]]:
    """(entry, base score, exact) of the EPCIs of the document's départements whose official name is a
    town qualified by its river or country ("CA de Châlons-en-Champagne") or made great ("CU du
    Grand Poitiers") when the text writes the town with a type word ("Châlons Agglo",
    "l'agglomération de Châlons", "l'agglomération de Poitiers"): never a bare
    town, which is a place, nor a town of another département (towns of one name lie in several).
    The type word may be the head before the name
    (`epci_type`: "l'agglomération | de Poitiers")."""
    if not epci_type and not WRITTEN_TYPE.search(_letters(written)):
        return []
    ref = referential.load()
    return [(entry, SEAT_FORM_SCORE, True) for entry in _index().seat.get(TYPE_TAILS.sub("", query), ())
            if set(ref.epcis[entry.siren].departement_codes) & departements]


def _query_forms(query: str) -> list[tuple[str, bool]]:
    """(form, everyday) pairs to look up for a written core name: itself, without a leading
    "Pays" ("Pays des Coëvrons"), without a trailing type word ("Vienne Condrieu Agglomération")."""
    forms = [(query, False)]
    for shorter in (WRITTEN_LEADS.sub("", query), TYPE_TAILS.sub("", query)):
        if shorter != query and len(shorter) >= 4:
            forms.append((shorter, True))
    return forms


def _type_penalty(written: str | None, form: str, epci_type: str) -> float:
    if not written or written in (form, epci_type):
        return 0.0
    if written in NEAR_TYPES and (form in NEAR_TYPES or epci_type in NEAR_TYPES):
        return NEAR_TYPE_PENALTY
    return TYPE_MISMATCH_PENALTY


def _year_of(year: int | None) -> int | None:
    """The millésime closest to a year: 2018 is read in 2019's, 2030 in the newest."""
    if year is None:
        return None
    ref = referential.load()
    return min(max(year, ref.first_year), ref.current_year)


def _score(entry: _Entry, base: float, epci_type: str | None, departements: frozenset[str],
           year: int | None, year_dated: bool) -> float:
    epci = referential.load().epcis[entry.siren]
    score = base - _type_penalty(epci_type, entry.form, epci.type)
    if departements and not _inside(entry, departements):
        score -= OUTSIDE_DEPARTEMENTS_PENALTY
    if year is not None and not epci.first_seen <= year <= epci.last_seen:
        score -= OUTSIDE_YEAR_PENALTY if year_dated else GUESSED_YEAR_PENALTY
    return score


def _inside(entry: _Entry, departements: frozenset[str]) -> bool:
    return bool(set(referential.load().epcis[entry.siren].departement_codes) & departements)


def _candidates(query: str) -> list[tuple[_Entry, float, bool]]:
    """(entry, base score, exact) of every indexed name the query may mean: exact for a name or
    an everyday form of it, not for a likeness, whatever its score."""
    index = _index()
    found: list[tuple[_Entry, float, bool]] = []
    exact = False
    for form, everyday_query in _query_forms(query):
        for entry, everyday_key in index.exact.get(form, ()):
            everyday = everyday_query or everyday_key
            found.append((entry, EVERYDAY_FORM_SCORE if everyday else 1.0, True))
            exact = exact or not everyday
    if not exact and len(query) >= FUZZY_MIN_LENGTH:
        for raw, position in _fuzzy_matches(query):
            if not _shares_own_word(query, index.fuzzy_keys[position]):
                continue
            for entry in index.fuzzy_owners[position]:
                found.append((entry, min(raw / 100, 0.98), False))
    return found


FUZZY_WORD_SCORE = 75  # a typing slip changes letters of a word, not the word
FUZZY_WORD_LENGTH = 4  # shorter words ("sur", "val") do not make two names alike


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words of the départements' and régions' names, which many EPCIs' names share."""
    ref = referential.load()
    return frozenset(word for area in [*ref.departements.values(), *ref.regions.values()]
                     for word in core_name(area.name).split())


def _shares_own_word(query: str, key: str) -> bool:
    """Whether a written name and an official one it is like share a word of the EPCI's own, not
    only a place's: "en Martinique" is no slip for "Centre Martinique", though alike as strings.
    Words run together count ("Porte de Drôme Ardèche" for "Porte de DrômArdèche")."""
    words = query.split()
    written = words + [a + b for a, b in zip(words, words[1:])]
    return any(fuzz.ratio(word, other) >= FUZZY_WORD_SCORE for word in key.split()
               if len(word) >= FUZZY_WORD_LENGTH and word not in _place_words() for other in written)


@lru_cache(maxsize=16384)
def _fuzzy_matches(query: str) -> tuple[tuple[float, int], ...]:
    """(score, position in the index's fuzzy keys) of the (at most 10) official names most like
    the query. Cached: comparing a name with the 1,300 keys was linking's costliest step, and
    member lists are split by trying the same runs of names in document after document."""
    return tuple((raw, position) for _key, raw, position in
                 process.extract(query, _index().fuzzy_keys, scorer=fuzz.ratio, limit=10,
                                 score_cutoff=ACCEPT_SCORE * 100 - 10))


@lru_cache(maxsize=1)
def longest_linked_core() -> int:
    """The most words the core of a name without brackets can have and still be linked to a
    SIREN by link_epci or a well-known acronym, computed from the referential and the aliases:
    - an indexed name, official or everyday, which a query may write with one word more (a
      leading "Pays", a trailing type word: _query_forms); a seat, with its type word;
    - a name like an official one: a SIREN needs fuzz.ratio >= ACCEPT_SCORE, i.e.
      2 * common / (query + key) >= ACCEPT_SCORE in characters, so a query has at most
      key * (2 - ACCEPT_SCORE) / ACCEPT_SCORE characters, and words of one letter or more
      between single blanks;
    - the start of an official name (_truncated) is shorter than the name;
    - an acronym: one written word, of the known acronyms or the initials of a name.
    Past it, asking the linker about a name (each start of a run of 10,000 capitalised words) is
    useless: tests/test_linking.py checks the bound."""
    index = _index()
    indexed = max(key.count(" ") + 1 for key in index.exact) + 1
    seats = max(key.count(" ") + 1 for key in index.seat) + 1
    like_chars = int(max(map(len, index.fuzzy_keys)) * (2 - ACCEPT_SCORE) / ACCEPT_SCORE)
    acronyms = max(map(core_word_ceiling, known_acronyms()))
    return max(indexed, seats, (like_chars + 1) // 2, acronyms, 1)


def _decide(scored: dict[str, tuple[float, _Entry, bool]], epci_type: str | None) -> Link:
    """The best SIREN if it beats every other by the margin; else no SIREN (and the ties)."""
    if not scored:
        return Link(None, None, epci_type, 0.0, ())
    ranked = sorted(scored.items(), key=lambda item: -item[1][0])
    siren, (score, entry, exact) = ranked[0]
    score = max(0.0, min(1.0, score))
    runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
    if score < ACCEPT_SCORE:
        return Link(None, None, epci_type, round(min(score, ACCEPT_SCORE - 0.01), 3), ())
    if score - runner_up < AMBIGUITY_MARGIN:
        ties = tuple(sorted(s for s, (v, *_rest) in ranked if score - v < AMBIGUITY_MARGIN))
        return Link(None, None, epci_type, round(ACCEPT_SCORE - 0.01, 3), (), ties)
    return _linked(referential.load().epcis[siren], round(score, 3), exact)


def _corroborated(entry: _Entry, base: float, departements: frozenset[str]) -> bool:
    """Whether the context backs a likeness, which alone may be another place's name one letter
    away ("Cayenne et de la communauté" for "Mayenne Communauté"): an EPCI of the document's
    départements; in a text naming none, a likeness at a strict score (a legal form written is
    no backing: most EPCIs share it)."""
    if departements:
        return _inside(entry, departements)
    return base >= STRICT_LIKENESS_SCORE


@lru_cache(maxsize=16384)
def link_epci(written: str, epci_type: str | None = None,
              context_departements: frozenset[str] = frozenset(), year: int | None = None,
              year_dated: bool = True) -> Link:
    """Best referential EPCI for a name as written; siren None when weak or ambiguous.

    `year` is the document's: its dateline's (`year_dated`), or the one its phase suggests,
    which only breaks ties between EPCIs of different names. Cached: member lists are split by
    trying many candidate names, and communiqués of one région repeat the same intercommunalités."""
    query = core_name(written)
    if not query:
        return Link(None, None, epci_type, 0.0, ())
    year = _year_of(year)
    scored: dict[str, tuple[float, _Entry, bool]] = {}
    candidates = _candidates(query)
    if epci_type and context_departements and not any(base >= ACCEPT_SCORE for _, base, _ in candidates):
        candidates += _truncated(query, epci_type, context_departements)
    if context_departements and not any(base >= ACCEPT_SCORE for _, base, _ in candidates):
        candidates += _seat_forms(written, query, epci_type, context_departements)
    written_form = None if epci_type else _leading_legal_form(written)
    if written_form and context_departements and not any(base >= ACCEPT_SCORE for _, base, _ in candidates):
        # the legal form the name opens with, where no head gave one ("Agglomération de la Région
        # de Compiègne"): after the seat forms, which read "l'Agglo de Saint-Dizier" exactly
        candidates += _truncated(query, written_form, context_departements)
    if context_departements and not any(base >= ACCEPT_SCORE for _, base, _ in candidates):
        candidates += _headless(query, context_departements)
    for entry, base, exact in candidates:
        if exact and base == EVERYDAY_FORM_SCORE and " " not in query and (not epci_type or context_departements) \
                and not _inside(entry, context_departements):
            continue  # one word left of a name: only nearby, or with its legal form in a text naming
            # no place ("Chambre" of "CC du Canton de La Chambre" in a text about Mayotte's Chambre
            # de commerce; "l'agglomération centre" of Guadeloupe is no "CA du Centre de la Martinique")
        score = _score(entry, base, epci_type, context_departements, year, year_dated)
        if not exact and not _corroborated(entry, base, context_departements):
            score = min(score, ACCEPT_SCORE - 0.01)  # a likeness alone is no link
        if year is not None and not entry.first_seen <= year <= entry.last_seen:
            score -= 0.001  # among the names of one EPCI, the one it bore that year
        # of one EPCI, a name written exactly ranks before a likeness to another of its names
        previous = scored.get(entry.siren)
        if previous is None or (exact and score >= ACCEPT_SCORE, score) > (previous[2] and previous[0] >= ACCEPT_SCORE, previous[0]):
            scored[entry.siren] = (score, entry, exact)
    link = _decide(scored, epci_type)
    return _as_it_was(link, year) if year_dated else link


@lru_cache(maxsize=1)
def _predecessors() -> dict[str, tuple[str, ...]]:
    """SIREN -> the SIRENs of the EPCIs it continues (their successor_siren)."""
    found: dict[str, list[str]] = {}
    for epci in referential.load().epcis.values():
        if epci.successor_siren:
            found.setdefault(epci.successor_siren, []).append(epci.siren)
    return {siren: tuple(before) for siren, before in found.items()}


def _as_it_was(link: Link, year: int | None) -> Link:
    """A name a dated text writes before the EPCI bearing it existed ("l'agglomération Grand Calais
    Terres et Mers" in 2019, a SIREN of 2020): the one EPCI it continues, alive that year, which
    had that SIREN then; unchanged when it continues several (a merger) or none."""
    if not link.siren or year is None:
        return link
    ref = referential.load()
    if year >= ref.epcis[link.siren].first_seen:
        return link
    before = [siren for siren in _predecessors().get(link.siren, ())
              if ref.epcis[siren].first_seen <= year <= ref.epcis[siren].last_seen]
    return _linked(ref.epcis[before[0]], link.score, link.exact) if len(before) == 1 else link


# a word of a territory's name, between blanks, slashes, dashes and brackets
NAME_WORD = re.compile(r"[^\s/–—,;()«»\"]+")
MAX_NAME_SPAN_WORDS = 6
NAME_SPAN_EDGE_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "sur", "à", "a"})


@lru_cache(maxsize=4096)
def departements_of_epcis_in(name: str) -> frozenset[str]:
    """The départements of the EPCIs whose name, two words at least, a territory's name holds as a
    part ("Baie de Somme Ponthieu-Marquenterre": the CA de la Baie de Somme, 80): where the EPCIs its
    text names without a département, by initials it never defines ("la CABS et la CCPM"), may lie.
    One word alone may be a town's or a river's ("Puy-en-Velay": the town, in its text, is no
    member); a name that is an EPCI's whole takes nothing from it (tests/gold/README.md)."""
    words = NAME_WORD.findall(name)
    found: set[str] = set()
    for first in range(len(words)):
        for last in range(first + 2, min(len(words), first + MAX_NAME_SPAN_WORDS) + 1):
            span = " ".join(words[first:last])
            if (first, last) == (0, len(words)) or fold(words[first]) in NAME_SPAN_EDGE_WORDS \
                    or fold(words[last - 1]) in NAME_SPAN_EDGE_WORDS:
                continue
            link = link_epci(span)
            if link.siren and link.exact and link.score >= OFFICIAL_NAME_SCORE and named_after(span, link.siren):
                found |= set(link.departement_codes)
    return frozenset(found)


@lru_cache(maxsize=4096)
def _forms_of(siren: str) -> frozenset[str]:
    """Every core name and everyday form an EPCI goes by, its town included ("Évreux" for the
    territory of "l'agglo d'Évreux")."""
    epci = referential.load().epcis.get(siren)
    forms = set()
    for name in (name for borne in (epci.names if epci else ()) for name in _names_in(borne.name)):
        official = core_name(name)
        forms |= {official} | everyday_forms(official) | _seats(official, _form_of(name, epci.type)) \
            | {swapped_form(name)} - {None}
    return frozenset(forms)


@lru_cache(maxsize=8192)
def _core_of(name: str) -> str:
    return core_name(name)


# Cached: the membership rules ask it of every (territory name, EPCI) pair of a document, often
# of the same pair again (a territory named several times); the answer depends on the referential only.
@lru_cache(maxsize=16384)
def named_after(name: str, siren: str) -> bool:
    """Whether a name ("Pays Ajaccien", "Roannais", "TCO") is one the EPCI goes by: one of its
    names, an everyday form of one, or its acronym; a type word may end it ("Nevers
    Agglomération" for "CA de Nevers"), as it may end a name the linker reads."""
    core = _core_of(name)
    if core and (core in _forms_of(siren) or TYPE_TAILS.sub("", core) in _forms_of(siren)
                 or core in _everyday_alias_cores().get(siren, ())):
        return True
    acronym = name.strip().upper()
    return siren in known_acronyms().get(acronym, ()) and _is_acronym(acronym)


@lru_cache(maxsize=1)
def _everyday_alias_cores() -> dict[str, frozenset[str]]:
    """SIREN -> core names of its everyday aliases in data/epci_aliases.csv that are no acronym
    ("Meuse Grand Sud" for the CA de Bar-le-Duc - Sud Meuse): names it goes by too."""
    cores: dict[str, set[str]] = {}
    for row in alias_rows():
        if not _is_acronym(row["alias"]):
            cores.setdefault(row["siren"], set()).add(core_name(row["alias"]))
    return {siren: frozenset(names) for siren, names in cores.items()}


@lru_cache(maxsize=8192)
def named_by_its_start(name: str, siren: str) -> bool:
    """Whether a name of two words or more is the start of one of the EPCI's official names
    ("Gap Tallard" for "CA Gap-Tallard-Durance"): people shorten long names from the end."""
    core = _core_of(name)
    if len(core.split()) < 2:
        return False
    return any(official.startswith(core + " ") for official in _official_cores(siren))


def is_official_name(name: str, siren: str) -> bool:
    """Whether a name is one of the EPCI's official names without its legal form ("Alès
    Agglomération"), not an everyday form of it ("Agglo d'Alès")."""
    core = _core_of(name)
    return bool(core) and core in _official_cores(siren)


@lru_cache(maxsize=4096)
def _official_cores(siren: str) -> tuple[str, ...]:
    """The core of each official name of an EPCI (none for an unknown SIREN). Cached apart from
    named_by_its_start, whose (name, SIREN) pairs are too many to stay in its cache over a run."""
    epci = referential.load().epcis.get(siren)
    return tuple(core_name(borne.name) for borne in epci.names) if epci else ()


@lru_cache(maxsize=1)
def known_acronyms() -> dict[str, tuple[str, ...]]:
    """ACRONYM -> SIRENs: data/epci_aliases.csv, and acronyms in brackets in official names."""
    aliases: dict[str, set[str]] = {}
    for row in alias_rows():
        if _is_acronym(row["alias"]):
            aliases.setdefault(row["alias"].upper(), set()).add(row["siren"])
    for epci in referential.load().epcis.values():
        for borne in epci.names:
            for inner in re.findall(r"\(([^()]+)\)", borne.name):
                compact = inner.replace(" ", "")
                if ACRONYM.fullmatch(compact) and compact.upper() == compact:
                    aliases.setdefault(compact, set()).add(epci.siren)
    return {alias: tuple(sorted(sirens)) for alias, sirens in aliases.items()}


GENERATED_ACRONYM_SCORE = 0.90
# "Artois-Lys Romane (CABBALR)": an acronym in brackets ending a written name
BRACKETED_ACRONYM = re.compile(r"\(\s*([A-Za-z0-9&]{2,10})\s*\)\s*$")
# "CUCM (Creusot-Montceau)": an acronym's short name in brackets, no acronym itself
BRACKETED_SHORT_NAME = re.compile(r"\(\s*([A-ZÉÈÀÂÎÔ][^()]{2,60}?)\s*\)\s*$")
LONE_ACRONYM_LENGTH = 5  # a known acronym this long, in capitals, of one EPCI in all France
# a shorter one counts when the text writes it as an organisation's, after its article, again
# and again ("La CAPI fait partie des 183 territoires …, l'ADN de la CAPI"): not a code ("CCTV")
SHORT_LONE_ACRONYM_LENGTH = 4
SHORT_LONE_ACRONYM_USES = 2
ACRONYM_STOPWORDS = STOPWORDS | {"en", "a", "sur", "sous", "aux", "au", "lez", "les"}
ACRONYM_GENERIC = {"pays", "communaute", "agglo", "agglomeration"}


def _initials(name: str, dropped: frozenset[str]) -> set[str]:
    """'CC du Territoire de Lunéville à Baccarat' -> {'CCTLB', '2CTLB'}; 'CC Meurthe Mortagne
    Moselle' -> {'CCMMM', 'CC3M', '2CMMM'}: the legal form's letters (a CC's also as "2C"), then
    the initials of the significant words, repeated initials also counted ("3M"); the initials
    alone from four letters on. A town's complement joined by hyphens ("Montceau-les-Mines") is
    read with its letter and without it: 'CU Le Creusot Montceau-les-Mines' -> 'CUCMM', 'CUCM'; a
    town's "-à-" with its letter too: 'CC du Bassin de Pont-à-Mousson' -> 'CCBPM', 'CCBPAM'."""
    form = re.match(r"(CC|CA|CU)\s+(.*)", name)
    if not form:
        return set()
    # "CC du Cordais et du Causse (4 C)": the acronym a name carries in brackets is none of its words
    own = re.search(r"\s*\(([^()]*)\)\s*$", form.group(2))
    words = form.group(2)[:own.start()] if own and _is_acronym(own.group(1).replace(" ", "")) else form.group(2)
    folded = fold(unligature(words))
    return set().union(*(_initials_of(form.group(1), written, dropped)
                         for written in {folded, TOWN_COMPLEMENT.sub("", folded), TOWN_A.sub("-A-", folded)}))


# "-les-Mines", "-sur-Saône" after a town's name: the complement people leave out of its initial
TOWN_COMPLEMENT = re.compile(r"(?<=\w)-(?:les|sur|sous|en|lez|aux|au)-[\w-]+")
# "Pont-à-Mousson" (folded "pont-a-mousson"): its "à" has a letter of its own ("la CCBPAM"), kept
# in capitals, which no stop word is
TOWN_A = re.compile(r"(?<=\w)-a-(?=\w)")


def _initials_of(form: str, folded: str, dropped: frozenset[str]) -> set[str]:
    """_initials of a name without its legal form `form`, folded."""
    words = [w for w in re.split(r"[\s'-]+", folded)
             if w and w not in ACRONYM_STOPWORDS and w not in dropped and w[0].isalpha()]
    initials = "".join(w[0] for w in words).upper()
    counted = re.sub(r"(.)\1+", lambda run: f"{len(run.group(0))}{run.group(1)}", initials)
    # "la 2CCAM" for "CC Cluses-Arve et Montagnes": the two C of "Communauté de Communes" counted
    twice = {"2C" + initials} if form == "CC" else set()
    # "la 5C" for "CC Cœur et Coteaux du Comminges": the legal form's letters and the initials, all
    # C, counted together; every word's ("la 3C" is the CC des Coëvrons, not the CC du Pays de Craon)
    all_c = {f"{len(form + initials)}C"} if not dropped and ALL_C_COUNT.fullmatch(f"{len(form + initials)}C") \
        and set(form + initials) == {"C"} else set()
    # "la 3CMA" for "CC Cœur de Maurienne Arvan": the C opening the legal form and the name counted
    # together, the other initials after them (all C is all_c's)
    leading_c = LEADING_C_RUN.match(form + initials)
    counted_with_form = {f"{len(leading_c.group(0))}C{(form + initials)[leading_c.end():]}"} \
        if leading_c and leading_c.end() < len(form + initials) else set()
    # "Communauté de communes ELAN" for "CC Élan Limousin Avenir Nature": the name's own initials
    return {form + initials, form + counted} | twice | all_c | counted_with_form \
        | ({initials} if len(initials) >= 4 else set())


@lru_cache(maxsize=1)
def generated_acronyms() -> dict[str, tuple[str, ...]]:
    """Acronyms an EPCI's names would give ('CCTLB'), for acronyms a text uses without defining
    them and that no data file knows; only trusted inside a list of members, for one EPCI of the
    document's départements, and from four letters on (a count of C, "5C", from two)."""
    found: dict[str, set[str]] = {}
    for epci in referential.load().epcis.values():
        for borne in epci.names:
            for dropped in (frozenset(), frozenset(ACRONYM_GENERIC)):
                for acronym in _initials(borne.name, dropped):
                    if len(acronym) >= 4 or ALL_C_COUNT.fullmatch(acronym):
                        found.setdefault(acronym, set()).add(epci.siren)
    return {acronym: tuple(sorted(sirens)) for acronym, sirens in found.items()}


# A bracket ending a name, with the blanks before it. The match starts after a character that is
# no blank: the leftmost match is the same (blanks before a match make a match too), and a run
# of 10,000 blanks inside a name is no longer read again from each of its blanks (quadratic).
TRAILING_BRACKET = re.compile(r"(?<!\s)\s*\([^()]*\)$")
TRAILING_BRACKET_OR_OPENED = re.compile(r"(?<!\s)\s*\([^()]*\)?\s*$")  # or opened, cut by a list's end
# "CCST — le Sud Territoire", "CCPR – Pays Rochois": an acronym glossed after a spaced dash by the
# name it abbreviates
ACRONYM_DASH_GLOSS = re.compile(r"(?P<acronym>[A-Z0-9][A-Za-z0-9&]{1,9})[ \t]+[-–—][ \t]+(?P<name>\S.*)")


@lru_cache(maxsize=8192)
def acronym_in(written: str) -> str | None:
    """The acronym a written name is, if it is one: 'la COBAN', 'la COBAN (Communauté …)' ->
    'COBAN'; a known acronym of five letters or more may be written as a word ('la Cirest')."""
    bare = TRAILING_BRACKET_OR_OPENED.sub("", written.strip(" \t\n,;:."))
    # "la COBAN", and "de DRAGA" in a list distributing its preposition ("composé de A et de DRAGA")
    bare = re.sub(r"^(?:(?:de\s+la|de\s+l|la|le|les|l|de|du|des|d)['’ ]\s*)", "", bare.strip(" \t\n,;:.()"),
                  flags=re.I)
    if _is_acronym(bare):
        return bare
    if len(bare) >= 5 and bare.isalpha() and bare.istitle() and bare.upper() in known_acronyms():
        return bare.upper()
    return None


# "la CCBPD", "de la CUCM": a legal form's letters and two initials or more, after the article
# of "la communauté", or in brackets after a legal form written without its name ("l'agglo
# (CACM)"); "la 5C", "la 3CMA": a count of C, alone or before the other initials
ARTICLE_THEN_FORM_INITIALS = re.compile(r"(?:(?<![\w'’])[Ll]a\s+|(?<![\w'’])[Ll]['’]\s*(?i:agglo(?:m[ée]ration)?|intercommunalit[ée])\s*\(\s*)((?:C[CAU]|2C)[A-Z0-9]{2,8}|[3-9]C(?:[A-Z0-9]{1,8})?)(?![\w&'’-])")

# "la CCPM du Pays de Mormal", "CCSA du Sud Avesnois": a legal form's acronym, then the name it spells
ACRONYM_THEN_NAME = re.compile(r"(?:(?:la|le)\s+|l['’]\s*)?(?P<acronym>C[CAU][A-Z0-9]{1,6})\s+"
                               r"(?P<name>(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?[A-ZÉÈÀÂÎÔ].*)$")


class DocumentLinker:
    """Links the names of one document, with its context: the départements and régions it names,
    its year, and the acronyms it defines."""

    def __init__(self, departements: frozenset[str] = frozenset(),
                 regions: frozenset[str] = frozenset(), year: int | None = None,
                 year_dated: bool = True, territory_names: frozenset[str] = frozenset(),
                 named_apart: frozenset[str] = frozenset()):
        self.departements = departements
        self.territory_names = territory_names  # the territories the text names: context for initials
        # those of them it names somewhere without a legal form before ("Creusot-Montceau, territoire
        # d'industrie …", not only "la communauté urbaine Creusot Montceau"): an EPCI's name written
        # short after its legal form may be theirs (_by_a_territory_name)
        self.named_apart = named_apart
        self.regions = regions
        self.year = year
        self.year_dated = year_dated
        self.acronyms: dict[str, Link] = {}

    def widen(self, departements) -> bool:
        """Add the départements of members already linked: context for the others. True when
        that changed the context."""
        wider = self.departements | frozenset(departements)
        changed, self.departements = wider != self.departements, wider
        return changed

    def learn(self, acronym: str, link: Link) -> None:
        """An acronym the text defines ('… Nord (COBAN)') means that EPCI in this document."""
        if link.siren and acronym not in self.acronyms:
            self.acronyms[acronym] = link

    def known_in_context(self, text: str) -> dict[str, Link]:
        """The well-known acronyms (data file, official names) a text uses that mean one EPCI of
        this document's départements or régions (or, in a text naming no place, a lone one)."""
        found = {}
        for acronym in known_acronyms():
            written = acronym in text or (len(acronym) >= 5 and acronym.title() in text)
            if written and acronym not in self.acronyms:
                link = self._link_acronym(acronym, None)
                if not link.siren and acronym in text:
                    link = self._lone_acronym(acronym, text)
                if link.siren and link.exact:  # initials alone are trusted in member lists only
                    found[acronym] = link
        return found

    def initials_in_context(self, text: str) -> dict[str, Link]:
        """The acronyms no list knows that a text uses as an intercommunality's, after its article
        ("la CCBPD s'est associée à …"), whose letters are a legal form's then the initials of
        the name of one EPCI of this document's départements (and its year): outside a list of
        members too, the legal form and the place standing for the list's context. A well-known
        acronym of an EPCI elsewhere ("CCPH" in an official name of the Yvelines) is read so too."""
        found = {}
        if not (self.departements or self.territory_names):
            return found
        for match in ARTICLE_THEN_FORM_INITIALS.finditer(text):
            acronym = match.group(1)
            if acronym in found or acronym in self.acronyms:
                continue  # (a well-known acronym of an EPCI of the context overrides: known_in_context)
            link = self._link_acronym(acronym, None)
            if link.siren:
                found[acronym] = replace(link, exact=True)
        return found

    def everyday_aliases_in_context(self, text: str) -> dict[str, Link]:
        """The everyday names of data/epci_aliases.csv that are no acronym ("Cap Nord", "Meuse
        Grand Sud"), written as they are in the text, of an EPCI of this document's départements
        or régions: used bare, like a well-known acronym."""
        ref = referential.load()
        found = {}
        for row in alias_rows():
            alias = row["alias"]
            if _is_acronym(alias) or row["siren"] not in ref.epcis:
                continue
            epci = ref.epcis[row["siren"]]
            # the document's places first: most aliases are elsewhere, and their search is dearer
            if (set(epci.departement_codes) & self.departements or set(epci.region_codes) & self.regions) \
                    and everyday_alias_pattern(alias).search(text):
                link = self.link(alias)
                if link.siren == row["siren"] and link.exact:
                    found[alias] = link
        return found

    def longest_linked_core(self) -> int:
        """longest_linked_core(), or more when the text defined a longer short name ("(Cap Nord)")."""
        return max([longest_linked_core(), *map(core_word_ceiling, self.acronyms)])

    def link(self, written: str, epci_type: str | None = None) -> Link:
        if epci_type and "|" in epci_type:
            # a head of several legal forms ("les communautés de communes et d'agglomération de
            # A, B et C"): the one EPCI the name means under one of them, or the untyped link
            typed = {found.siren: found for found in (self.link(written, form) for form in epci_type.split("|"))
                     if found.siren}
            return next(iter(typed.values())) if len(typed) == 1 else self.link(written)
        by_demonym = self.by_demonym(written, epci_type)
        if by_demonym:
            return by_demonym
        short = ARTICLES.sub("", written.strip(" \t\n,;:."))
        # the defined short name with its gloss in brackets: "4C (Cœur de Maurienne Arvan)"
        defined = self.acronyms.get(short) or self.acronyms.get(TRAILING_BRACKET.sub("", short))
        if defined:  # a short name the text defined ("(Cap Nord)")
            return defined
        glossed = self._by_dash_gloss(short, epci_type)
        if glossed:
            return glossed
        acronym = acronym_in(written)
        if acronym:
            found = self._link_acronym(acronym, epci_type)
            if found.siren and not found.exact and BRACKETED_SHORT_NAME.search(written):
                # initials only ("CUCM" of two EPCIs, one here): the short name in brackets says
                # which; an official name holding its acronym and the words it spells ("CA ECLA
                # (Espace Communautaire Lons Agglomération)") is that EPCI, exactly
                named = link_epci(written, epci_type, self.departements, self.year, self.year_dated)
                return named if named.exact else self._by_bracketed_short_name(written, acronym, epci_type) or NO_LINK
            if found.siren or found.candidates:
                return found
            # an official name written in capitals ("CA CIVIS"): exactly, never by likeness
            named = link_epci(written, epci_type, self.departements, self.year, self.year_dated)
            if named.exact:
                return named
            return self._by_bracketed_short_name(written, acronym, epci_type) or found
        found = self._near(link_epci(written, epci_type, self.departements, self.year, self.year_dated),
                           written, epci_type)
        if not (found.siren or found.candidates):
            found = self._by_spelled_acronym(written, epci_type) or self._by_a_territory_name(written, epci_type) or found
        if not (found.siren or found.candidates):
            bracketed = self._by_bracketed_acronym(written, epci_type)
            if bracketed.siren:
                return bracketed
        if not (found.siren or found.candidates) and len(self.regions) == 1:
            found = self._near(self._in_the_region(written, epci_type) or found, written, epci_type)
        tagline = TAGLINE.search(written) if not (found.siren or found.candidates) else None
        if tagline and written[:tagline.start()].split()[-1][:1].isupper():
            # the official name before it, of the document's départements, or nothing
            named = link_epci(written[:tagline.start()], epci_type, self.departements, self.year,
                              self.year_dated)
            if named.exact and named.score >= OFFICIAL_NAME_SCORE:
                return named
        area = AREA_AFTER_NAME.search(written) if not (found.siren or found.candidates) else None
        if area:
            # the name before it, exactly, of an EPCI of the document's départements, or nothing
            named = link_epci(written[:area.start()], epci_type, self.departements, self.year, self.year_dated)
            if named.exact and named.score >= OFFICIAL_NAME_SCORE and set(named.departement_codes) & self.departements:
                return named
        return found

    def _by_dash_gloss(self, short: str, epci_type: str | None) -> Link | None:
        """"CCST — le Sud Territoire": the name after the dash, linked exactly, when the acronym
        before it links the same EPCI (defined, known or by its initials); else None."""
        gloss = ACRONYM_DASH_GLOSS.fullmatch(short)
        if not gloss or not acronym_in(gloss["acronym"]):
            return None
        named = self.link(gloss["name"], epci_type)
        if not (named.siren and named.exact):
            return None
        return named if self.link(gloss["acronym"], epci_type).siren == named.siren else None

    def _near(self, link: Link, written: str, epci_type: str | None) -> Link:
        """The link, unless a bare everyday form, no legal form nor type word written, links an EPCI
        outside every département and région the document names ("Saint-Louis" for the CA
        Saint-Louis Agglomération of the Haut-Rhin in "la CIVIS, qui regroupe Saint-Pierre,
        Saint-Louis …" of La Réunion): such a form is mostly a town's name too, and a town of the
        document's own area is the likelier reading. Its official name ("Lisieux Normandie") links."""
        if not link.siren or epci_type or WRITTEN_TYPE.search(_letters(written)) \
                or not (self.departements or self.regions):
            return link
        epci = referential.load().epcis[link.siren]
        if set(epci.departement_codes) & self.departements or set(epci.region_codes) & self.regions \
                or is_official_name(written, link.siren):
            return link
        return Link(None, None, epci_type, round(ACCEPT_SCORE - 0.01, 3), ())

    def by_demonym(self, written: str, epci_type: str | None = None) -> Link | None:
        """"l'agglo paloise": the EPCI named after the town of that demonym, in the document's
        year (pipeline/town_demonyms.py), or None."""
        siren = demonym_siren(written, epci_type, self.year)
        return _linked(referential.load().epcis[siren], DEMONYM_SCORE, True) if siren else None

    def _in_the_region(self, written: str, epci_type: str | None) -> Link | None:
        """"François Bayrou, président de la Communauté d'agglo de Pau" in a text that places
        itself by one région only ("En Nouvelle-Aquitaine, …"): a town with its type word, or a
        name shortened from its end, read among the région's départements as among a named
        département's (one EPCI of that seat there, or none; not in a national text naming several
        régions, where one town's name may be several EPCIs' seat). A text naming départements,
        all of that région (a Région's text naming another territory's), still narrows a town,
        not a name shortened from its end ("la communauté urbaine Creusot Montceau")."""
        in_region = referential.departements_of_regions(self.regions)
        if not self.departements <= in_region:
            return None
        found = link_epci(written, epci_type, in_region, self.year, self.year_dated)
        if self.departements and not (found.siren and epci_type and named_by_its_start(written, found.siren)):
            return None
        return found

    def _by_spelled_acronym(self, written: str, epci_type: str | None) -> Link | None:
        """"la CCPM du Pays de Mormal": an acronym made of a legal form and the initials of the
        name written after it, then that name; the EPCI of that legal form and name, exactly."""
        spelled = ACRONYM_THEN_NAME.match(written.strip(" \t\n,;:."))
        if not spelled:
            return None
        full = f"{spelled['acronym'][:2]} {spelled['name']}"
        if not any(spelled["acronym"] in _initials(full, dropped) for dropped in (frozenset(), frozenset(ACRONYM_GENERIC))):
            return None
        named = link_epci(full, epci_type or spelled["acronym"][:2], self.departements, self.year, self.year_dated)
        return named if named.exact else None

    def _by_a_territory_name(self, written: str, epci_type: str | None) -> Link | None:
        """"la communauté urbaine Creusot-Montceau" in a text of the territory "Creusot-Montceau"
        naming none of its départements: the territory's name written with a legal form, the one
        EPCI of that form in all France whose official name starts with it (as _truncated reads
        it among the document's départements)."""
        query = core_name(written)
        if not epci_type or not any(core_name(name) == query for name in self.named_apart):
            return None
        everywhere = frozenset(referential.load().departements)
        sirens = {entry.siren for entry, _, _ in _truncated(query, epci_type, everywhere)}
        if len(sirens) != 1:
            return None
        return _linked(referential.load().epcis[sirens.pop()], TRUNCATED_SCORE, False)

    def _by_bracketed_acronym(self, written: str, epci_type: str | None) -> Link:
        """A part of an official name with its acronym in brackets ("l'Artois-Lys Romane
        (CABBALR)" for the "CA de Béthune-Bruay, Artois-Lys Romane"): the EPCI the acronym
        means in this document (defined, well known, or the initials of one of its names in all
        France), when every word written before the bracket is a word of one of its names."""
        bracket = BRACKETED_ACRONYM.search(written)
        if not bracket or not _is_acronym(bracket.group(1)):
            return NO_LINK
        acronym, words = bracket.group(1), set(re.findall(r"\w{3,}", fold(written[:bracket.start()])))
        if not words:
            return NO_LINK
        ref = referential.load()
        found = self._link_acronym(acronym, epci_type)
        sirens = [found.siren] if found.siren else list(found.candidates) or [
            s for s in {*known_acronyms().get(acronym, ()), *generated_acronyms().get(acronym, ())}
            if s in ref.epcis]
        fitting = [s for s in sirens if any(words <= set(re.findall(r"\w{3,}", fold(borne.name)))
                                            for borne in ref.epcis[s].names)]
        if len(fitting) != 1:
            return NO_LINK
        return found if found.siren == fitting[0] else _linked(ref.epcis[fitting[0]], GENERATED_ACRONYM_SCORE, False)

    def _by_bracketed_short_name(self, written: str, acronym: str, epci_type: str | None) -> Link | None:
        """An acronym no list knows with a short name in brackets ("CUCM (Creusot-Montceau)"):
        the EPCI the short name means, with the legal form the acronym opens with, when the
        acronym's other letters are the initials of the short name's words; a count opening it
        stands for as many C ("3CA (Cœur de l'Avesnois)": the CC du Cœur de l'Avesnois)."""
        bracket = BRACKETED_SHORT_NAME.search(written)
        letters = COUNTED_C.sub(lambda count: "C" * int(count.group(1)), acronym)
        form = re.match(r"C[CAU]", letters)
        if not bracket or not form:
            return None
        words = [w for w in re.split(r"[\s'’-]+", fold(bracket.group(1))) if w and w not in ACRONYM_STOPWORDS]
        if letters[form.end():] != "".join(w[0] for w in words).upper():
            return None
        named = link_epci(bracket.group(1), epci_type or form.group(0), self.departements, self.year,
                          self.year_dated)
        return named if named.siren else None

    def _lone_acronym(self, acronym: str, text: str) -> Link:
        """A well-known acronym written in capitals in a text that names no place ("le projet
        Territoires d'industrie de la CIREST"): long and of one EPCI in all France, it is that one;
        four letters do when the text writes it after its article at least twice ("La CAPI …")."""
        ref = referential.load()
        sirens = [s for s in known_acronyms().get(acronym, ()) if s in ref.epcis]
        if self.departements or self.regions or len(sirens) != 1:
            return NO_LINK
        if len(acronym) < LONE_ACRONYM_LENGTH and not (
                len(acronym) >= SHORT_LONE_ACRONYM_LENGTH
                and len(re.findall(rf"(?<![\w'’])(?i:la|le|l['’])\s*{re.escape(acronym)}(?![\w'’])", text))
                >= SHORT_LONE_ACRONYM_USES):
            return NO_LINK
        return _linked(ref.epcis[sirens[0]], EVERYDAY_FORM_SCORE, True)

    def _link_acronym(self, acronym: str, epci_type: str | None) -> Link:
        if acronym in self.acronyms:
            return self.acronyms[acronym]
        ref = referential.load()
        sirens = [s for s in known_acronyms().get(acronym.upper(), ()) if s in ref.epcis]
        in_context = [s for s in sirens
                      if set(ref.epcis[s].departement_codes) & self.departements
                      or set(ref.epcis[s].region_codes) & self.regions]
        score, exact = EVERYDAY_FORM_SCORE, True
        if not in_context and (self.departements or self.regions):
            # never defined, unknown here ("la CCPH" of a CC of the Yvelines in a text of the
            # Haute-Saône): the initials of a name of the document's départements, or of its
            # régions when it names no département ("porté par la 2CCAM, la CCFG et la CCPR" in a
            # text placed in Auvergne-Rhône-Alpes only)
            in_context = [s for s in generated_acronyms().get(acronym.upper(), ())
                          if set(ref.epcis[s].departement_codes) & self.departements
                          or not self.departements and set(ref.epcis[s].region_codes) & self.regions]
            score, exact = GENERATED_ACRONYM_SCORE, False
        if not in_context and not sirens and self.territory_names:
            # "la CUCM" in a text of the territory "Creusot-Montceau" naming none of its
            # départements: the initials of the EPCI the territory's name is a name or the start of one of
            in_context = [s for s in generated_acronyms().get(acronym.upper(), ())
                          if any(named_after(name, s) or named_by_its_start(name, s) for name in self.territory_names)]
            score, exact = GENERATED_ACRONYM_SCORE, False
        year = _year_of(self.year)
        if year is not None and self.year_dated and len(in_context) > 1:
            in_context = [s for s in in_context
                          if ref.epcis[s].first_seen <= year <= ref.epcis[s].last_seen] or in_context
        if len(in_context) != 1:
            return Link(None, None, epci_type, 0.0, (), tuple(in_context))
        return _linked(ref.epcis[in_context[0]], score, exact)
