"""Départements of the towns a territory's name holds: 'Troyes – Bar-sur-Aube' lies in the Aube,
'Aurillac-Figeac-Rodez' in the Cantal, the Lot and the Aveyron.

Gold convention (issue 15, `/work/shared/gold/README.md`): when a text states no département
for a territory and names none of its members, a careful analyst gives those its name makes
obvious. Towns come from the referential's communes (towns.csv: communes of 2,000 inhabitants or
more, with every commune sharing their name). A name several communes bear counts only in the
régions the text speaks of ("Chaumont" in a Grand Est list is the Haute-Marne's); one outside
them only when it is the only commune of that name and a large town ("Aurillac" in an Occitanie
list). A short name stands for a town qualified by its river or country ("Portes de Romilly" for
Romilly-sur-Seine) in those régions only.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline import referential
from pipeline.normalize import fold

RULES_DIR = Path(__file__).parent / "rules"
TOWN = 2_000  # inhabitants: a smaller commune is a homonym only (scripts/build_referential.py)
# A town outside the text's régions counts when no other commune bears its name and it is this large.
LARGE_TOWN = 20_000
OTHER_NAME_TOWN = 10_000  # a town is called by a shorter name ("Romilly", "Puy-en-Velay") from this size
QUALIFIED = re.compile(r"^(.+?)-(?:sur|sous|en|les|le|la)-")  # folded: "romilly-sur-seine", "bruay-la-buissiere"
ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l')(.+)$")      # folded: "le creusot", "l'aigle"


@dataclass(frozen=True)
class Town:
    name: str
    departement_code: str
    region_code: str
    population: int


def _key(words: str) -> str:
    """Folded name, words joined by one space ('Bar-sur-Aube' and 'Bar sur Aube' are one)."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(words)))


@lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, list[Town]], dict[str, list[Town]]]:
    """(name key -> communes of that name, other name key -> the towns it stands for): a town
    without its article ("Creusot", "Puy-en-Velay") or by its short name ("Romilly")."""
    departements = referential.load().departements
    path = Path(referential.__file__).parent / "data" / "referential" / "towns.csv"
    by_name: dict[str, list[Town]] = {}
    by_other_name: dict[str, list[Town]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            town = Town(row["name"], row["departement_code"], departements[row["departement_code"]].region_code,
                        int(row["population"]))
            by_name.setdefault(_key(town.name), []).append(town)
            for other in (ARTICLE.match(fold(town.name)), QUALIFIED.match(fold(town.name))):
                if other:
                    by_other_name.setdefault(_key(other.group(1)), []).append(town)
    return by_name, by_other_name


@lru_cache(maxsize=1)
def _not_towns() -> tuple[frozenset[str], re.Pattern]:
    """Keys of départements' and régions' names (read by places.py, not here), and the words that
    open a longer place's name ("Plaine", "Pays", "Nord")."""
    ref = referential.load()
    areas = frozenset(_key(area.name) for area in [*ref.departements.values(), *ref.regions.values()])
    words = json.loads((RULES_DIR / "territory_words.json").read_text(encoding="utf-8"))
    heads = words["geographic_heads"] + ["grand", "grande", "portes?", "rives?"]
    return areas, re.compile(r"(?:" + "|".join(heads) + r")")


# "Val de Saône", "Vals d'Aix", "Entre Saône et Grosne": a river's or a valley's name, not a town
RIVER_BEFORE = re.compile(r"(?:^|\s)(?:vals?|vallees?|rives?|bords|gorges|confluent|entre)\s+(?:(?:de|du|des|d)\s+(?:(?:la|l)\s+)?)?$")
# "Plaine des Vosges", "Saint-Quentin en Yvelines", "Joinville en Champagne": the head of a longer name
LONGER_NAME_AFTER = {"de", "du", "des", "d", "la", "l", "le", "les", "en", "sur", "sous"}


def departements_of_towns(name: str, regions: set[str]) -> set[str]:
    """Départements of the towns `name` holds, each capitalised and neither the head of a longer
    place's name ('Plaine des Vosges') nor a river ('Val de Saône'); `regions` are the régions the
    text speaks of."""
    by_name, by_other_name = _towns()
    areas, head = _not_towns()
    longest = max(len(key.split()) for key in by_name)
    words = [m.group(0) for m in re.finditer(r"[^\W_]+", name)]
    keys = [_key(word) for word in words]
    codes: set[str] = set()
    i = 0
    while i < len(words):
        size = next((n for n in range(min(longest, len(words) - i), 0, -1)
                     if (joined := " ".join(keys[i:i + n])) in by_name or joined in areas
                     or joined in by_other_name), 0)
        if not size:
            i += 1
            continue
        key, written, before = " ".join(keys[i:i + size]), " ".join(words[i:i + size]), " ".join(keys[:i] + [""])
        opening = i == 0
        i += size
        following = keys[i] if i < len(keys) else ""
        # a département's or région's name is read by places.py, unless it is a town's (same accents)
        # opening a longer name, which places.py leaves to the town ("Vienne Condrieu")
        area = key in areas and not (opening and following
                                     and any(t.name.lower() == written.lower() for t in by_name.get(key, [])))
        if area or not written[0].isupper() or (size == 1 and head.fullmatch(key)) \
                or following in LONGER_NAME_AFTER or RIVER_BEFORE.search(before):
            continue
        others = [t for t in by_other_name.get(key, []) if " " in key or not ARTICLE.match(fold(t.name))]
        codes |= _departement_of(by_name.get(key, []), others, regions)  # "Puy-en-Velay", not "Crau"
    return codes


def _departement_of(homonyms: list[Town], others: list[Town], regions: set[str]) -> set[str]:
    """The one département a town's name points to, or none when it is unsure: the communes of
    that name or another name of ("Puy-en-Velay", "Romilly") in the text's régions, small ones
    included, must all lie in one département; outside them, the only commune of that name if large."""
    local = [(t, TOWN) for t in homonyms if t.region_code in regions] \
        + [(t, OTHER_NAME_TOWN) for t in others if t.region_code in regions]
    if local:
        found = {t.departement_code for t, _ in local}
        return found if len(found) == 1 and any(t.population >= size for t, size in local) else set()
    if len(homonyms) == 1 and homonyms[0].population >= LARGE_TOWN:
        return {homonyms[0].departement_code}
    return set()
