"""Official geography (INSEE COG + BANATIC via Etalab's decoupage-administratif), loaded once.

The files under data/referential/ are derived by scripts/build_referential.py and committed,
so no run needs npm or the network. EPCIs are those of every millésime from 2019 on: an EPCI
that has since merged keeps its SIREN, with the years it was seen and the SIREN of the EPCI that
continues it today; every name an EPCI bore comes with the years it was in use.
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
class EpciName:
    name: str
    first_seen: int  # first and last millésime in which the EPCI bore this name
    last_seen: int


@dataclass(frozen=True)
class Epci:
    siren: str
    name: str                      # the name of its last millésime
    type: str
    departement_codes: tuple[str, ...]
    region_codes: tuple[str, ...]
    population: int
    first_seen: int
    last_seen: int
    successor_siren: str | None    # when gone: the current EPCI holding most of its communes
    names: tuple[EpciName, ...]    # every name borne, the last one included

    @property
    def former_names(self) -> tuple[str, ...]:
        return tuple(n.name for n in self.names if n.name != self.name)


def _rows(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@dataclass(frozen=True)
class Referential:
    regions: dict[str, Region]
    departements: dict[str, Departement]
    epcis: dict[str, Epci]         # every SIREN of every millésime
    version: str
    current_year: int              # the newest millésime
    first_year: int                # the oldest

    def is_current(self, siren: str) -> bool:
        epci = self.epcis.get(siren)
        return epci is not None and epci.last_seen == self.current_year

    def regions_of(self, departement_codes) -> list[str]:
        return sorted({self.departements[c].region_code for c in departement_codes
                       if c in self.departements})


@lru_cache(maxsize=1)
def single_departement_regions() -> dict[str, str]:
    """Région code -> its département, for the régions of a single département (Guadeloupe,
    Martinique, Guyane, La Réunion, Mayotte): one name names both, and a territory of the région
    lies in the département."""
    by_region: dict[str, list[str]] = {}
    for departement in load().departements.values():
        by_region.setdefault(departement.region_code, []).append(departement.code)
    return {region: codes[0] for region, codes in by_region.items() if len(codes) == 1}


@lru_cache(maxsize=64)
def departements_of_regions(region_codes: frozenset[str]) -> frozenset[str]:
    """The départements of some régions."""
    return frozenset(d.code for d in load().departements.values() if d.region_code in region_codes)


@lru_cache(maxsize=1)
def load() -> Referential:
    regions = {r["code"]: Region(r["code"], r["name"]) for r in _rows("regions.csv")}
    departements = {d["code"]: Departement(d["code"], d["name"], d["region_code"], d["chef_lieu_name"])
                    for d in _rows("departements.csv")}
    names: dict[str, list[EpciName]] = {}
    for row in _rows("epci_names.csv"):
        names.setdefault(row["siren"], []).append(
            EpciName(row["name"], int(row["first_seen"]), int(row["last_seen"])))
    epcis = {e["siren"]: Epci(e["siren"], e["name"], e["type"], _split(e["departement_codes"]),
                              _split(e["region_codes"]), int(e["population"] or 0),
                              int(e["first_seen"]), int(e["last_seen"]), e["successor_siren"] or None,
                              tuple(sorted(names.get(e["siren"], []), key=lambda n: n.first_seen)))
             for e in _rows("epcis.csv")}
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.iterdir()):
        digest.update(path.read_bytes())
    return Referential(regions, departements, epcis, digest.hexdigest()[:16],
                       max(e.last_seen for e in epcis.values()),
                       min(e.first_seen for e in epcis.values()))
