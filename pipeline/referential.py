"""Official geography (INSEE COG + BANATIC via Etalab's decoupage-administratif), loaded once.

The files under data/referential/ are derived by scripts/build_referential.py and committed,
so no run needs npm or the network.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "referential"


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    region_code: str
    chef_lieu_name: str


@dataclass(frozen=True)
class Epci:
    siren: str
    name: str
    type: str
    departement_codes: tuple[str, ...]
    region_codes: tuple[str, ...]
    population: int
    former_names: tuple[str, ...]


def _rows(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@dataclass(frozen=True)
class Referential:
    regions: dict[str, Region]
    departements: dict[str, Departement]
    epcis: dict[str, Epci]
    version: str

    def regions_of(self, departement_codes) -> list[str]:
        return sorted({self.departements[c].region_code for c in departement_codes
                       if c in self.departements})


@lru_cache(maxsize=1)
def load() -> Referential:
    regions = {r["code"]: Region(r["code"], r["name"]) for r in _rows("regions.csv")}
    departements = {d["code"]: Departement(d["code"], d["name"], d["region_code"], d["chef_lieu_name"])
                    for d in _rows("departements.csv")}
    epcis = {e["siren"]: Epci(e["siren"], e["name"], e["type"], _split(e["departement_codes"]),
                              _split(e["region_codes"]), int(e["population"] or 0),
                              _split(e["former_names"]))
             for e in _rows("epcis.csv")}
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.iterdir()):
        digest.update(path.read_bytes())
    return Referential(regions, departements, epcis, digest.hexdigest()[:16])
