"""Derive the compact referential files committed under pipeline/data/referential/.

Source: Etalab's `@etalab/decoupage-administratif` npm package (INSEE COG + DGCL/BANATIC). Each
version of the package holds one millésime; the table "Millésimes et versions de package" of the
newest version's README says which (2019: 0.7, 2020: 0.8.0 for the EPCIs, ... 2026: 6.0.0).
The newest millésime gives the départements and régions; every millésime gives EPCIs, because a
communiqué of 2019 names the intercommunalités of 2019, some of which have merged since.

Files written (compact CSVs, `|` between list values):
- regions.csv, departements.csv    the current ones
- communes.csv   current communes named like a département or région (pipeline/extract/places.py)
- epcis.csv      one row per EPCI SIREN seen in any millésime: its last name and type, its
                 départements and régions, population, first and last millésime seen, and for an
                 EPCI gone from the newest millésime the SIREN of the current EPCI holding most of
                 its member communes (`successor_siren`, empty when no EPCI holds a clear majority)
- epci_names.csv one row per (SIREN, name) with the first and last millésime that name was used

Usage (needs npm and the network, once; runs and tests never do):
    python scripts/build_referential.py            # fetches the editions with `npm pack`
    python scripts/build_referential.py --from DIR # DIR holds <version>/package/data per edition
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import tarfile
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
CURRENT_EDITION = "6.0.0"  # its README lists the version holding each millésime
FIRST_MILLESIME = 2019     # older versions of the package hold none older
OUT_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "referential"
# A former EPCI continues in the current EPCI holding more than this share of its communes.
SUCCESSOR_SHARE = 0.5


def fetch_edition(version: str, workdir: Path) -> Path:
    """Unpack one edition of the npm package and return its data folder."""
    target = workdir / version
    if not (target / "package" / "data").is_dir():
        subprocess.run(["npm", "pack", f"{PACKAGE}@{version}"], cwd=workdir, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = workdir / f"etalab-decoupage-administratif-{version}.tgz"
        with tarfile.open(tarball) as tar:
            tar.extractall(target, filter="data")
    return target / "package" / "data"


def published_versions() -> list[str]:
    result = subprocess.run(["npm", "view", PACKAGE, "versions", "--json"], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout)


def millesime_versions(readme: str, versions: list[str]) -> dict[int, str]:
    """{year: version} from the README's table of millésimes ("| 2019 | 0.7 | ...").

    A version written without its patch number ("0.7") is the newest published one it names
    ("0.7.0"); "Non disponible, sauf EPCI 2020 avec 0.8.0" gives 0.8.0, which holds the EPCIs."""
    found = {}
    for row in re.finditer(r"^\|\s*(\d{4})\s*\|([^|]*)\|", readme, re.MULTILINE):
        year = int(row.group(1))
        named = re.findall(r"\d+\.\d+(?:\.\d+)?", row.group(2))
        if year < FIRST_MILLESIME or not named:
            continue
        wanted = named[-1]
        matching = [v for v in versions if v == wanted or v.startswith(wanted + ".")]
        matching = [v for v in matching if "-" not in v] or matching
        if matching:
            found[year] = max(matching, key=lambda v: tuple(int(p) for p in re.findall(r"\d+", v)))
    if not found:
        raise SystemExit("no millésime table found in the README of the current edition")
    return dict(sorted(found.items()))


def load(data_dir: Path, name: str) -> list[dict]:
    return json.loads((data_dir / f"{name}.json").read_text(encoding="utf-8"))


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_geography(current: Path) -> dict[str, str]:
    """regions.csv and departements.csv of the current millésime; returns département -> région."""
    regions = load(current, "regions")
    departements = load(current, "departements")
    communes = load(current, "communes")
    commune_name = {c["code"]: c["nom"] for c in communes if c["type"] == "commune-actuelle"}
    write_csv(OUT_DIR / "regions.csv", ["code", "name", "zone"],
              sorted([r["code"], r["nom"], r["zone"]] for r in regions))
    write_csv(OUT_DIR / "departements.csv",
              ["code", "name", "region_code", "chef_lieu_name", "zone"],
              sorted([d["code"], d["nom"], d["region"], commune_name.get(d["chefLieu"], ""), d["zone"]]
                     for d in departements))
    write_homonym_communes(communes, departements, regions)
    return {d["code"]: d["region"] for d in departements}


def write_homonym_communes(communes: list[dict], departements: list[dict], regions: list[dict]) -> None:
    """communes.csv: the current communes whose name is also a département's or région's name
    (Vienne in Isère, Mayenne, Aube, Doubs...): inside a territory's name such a word may be the
    town, not the département (pipeline/extract/places.py)."""
    def key(name: str) -> str:
        folded = unicodedata.normalize("NFD", name.lower()).encode("ascii", "ignore").decode()
        return " ".join(re.sub(r"[^a-z]+", " ", folded).split())

    area_names = {key(area["nom"]) for area in [*departements, *regions]}
    write_csv(OUT_DIR / "communes.csv", ["code", "name", "departement_code"],
              sorted([c["code"], c["nom"], c.get("departement", "")] for c in communes
                     if c["type"] == "commune-actuelle" and key(c["nom"]) in area_names))


def departement_of(commune_code: str) -> str:
    """COG rule: overseas communes (97x) carry a 3-character département code, others 2."""
    return commune_code[:3] if commune_code.startswith("97") else commune_code[:2]


@dataclass
class EpciHistory:
    """One SIREN across millésimes: what its newest millésime says, and every name it bore."""
    siren: str
    name: str = ""
    type: str = ""
    communes: frozenset[str] = frozenset()
    population: int = 0
    first_seen: int = 0
    last_seen: int = 0
    names: dict[str, list[int]] = field(default_factory=dict)  # name -> [first, last]


def epci_history(editions: dict[int, Path]) -> dict[str, EpciHistory]:
    """Every EPCI of every millésime, by SIREN, its newest millésime's facts winning."""
    history: dict[str, EpciHistory] = {}
    for year, data_dir in sorted(editions.items()):
        for epci in load(data_dir, "epci"):
            entry = history.setdefault(epci["code"], EpciHistory(epci["code"], first_seen=year))
            entry.name, entry.type, entry.last_seen = epci["nom"], epci["type"], year
            entry.communes = frozenset(m["code"] for m in epci["membres"])
            entry.population = epci.get("populationMunicipale") or 0
            seen = entry.names.setdefault(epci["nom"], [year, year])
            seen[1] = year
    return history


def current_commune(current: Path) -> dict[str, str]:
    """Any commune code of the COG (current or merged into a commune nouvelle) -> current code."""
    mapping = {}
    for commune in load(current, "communes"):
        if commune["type"] == "commune-actuelle":
            mapping[commune["code"]] = commune["code"]
        elif commune.get("chefLieu"):
            mapping.setdefault(commune["code"], commune["chefLieu"])
    return mapping


def successors(history: dict[str, EpciHistory], current_year: int,
               commune_now: dict[str, str]) -> dict[str, str]:
    """SIREN of a former EPCI -> SIREN of the current EPCI holding most of its communes.

    Communes merged into a commune nouvelle count under the new commune's code. No successor
    unless one EPCI holds more than SUCCESSOR_SHARE of them (the EPCI was split between several)."""
    epci_of_commune = {code: siren for siren, entry in history.items()
                       if entry.last_seen == current_year for code in entry.communes}
    found = {}
    for siren, entry in history.items():
        if entry.last_seen == current_year or not entry.communes:
            continue
        holders = Counter(epci_of_commune.get(commune_now.get(code, code)) for code in entry.communes)
        holders.pop(None, None)
        if holders:
            best, count = holders.most_common(1)[0]
            if count / len(entry.communes) > SUCCESSOR_SHARE:
                found[siren] = best
    return found


def write_epcis(history: dict[str, EpciHistory], successor: dict[str, str],
                departement_region: dict[str, str]) -> None:
    rows, names = [], []
    for siren, entry in sorted(history.items()):
        deps = sorted({departement_of(code) for code in entry.communes})
        regs = sorted({departement_region[d] for d in deps if d in departement_region})
        rows.append([siren, entry.name, entry.type, "|".join(deps), "|".join(regs), entry.population,
                     entry.first_seen, entry.last_seen, successor.get(siren, "")])
        names += [[siren, name, first, last] for name, (first, last) in sorted(entry.names.items())]
    write_csv(OUT_DIR / "epcis.csv",
              ["siren", "name", "type", "departement_codes", "region_codes", "population",
               "first_seen", "last_seen", "successor_siren"], rows)
    write_csv(OUT_DIR / "epci_names.csv", ["siren", "name", "first_seen", "last_seen"], names)


def build(base: Path, millesimes: dict[int, str]) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    editions = {year: base / version / "package" / "data" for year, version in millesimes.items()}
    current_year = max(editions)
    current = editions[current_year]
    departement_region = write_geography(current)
    history = epci_history(editions)
    write_epcis(history, successors(history, current_year, current_commune(current)),
                departement_region)
    listed = ", ".join(f"{year}: {version}" for year, version in millesimes.items())
    (OUT_DIR / "SOURCE").write_text(f"{PACKAGE}, millésimes {listed}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path,
                        help="folder holding <version>/package/data for each edition")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.source or Path(tmp)
        current = fetch_edition(CURRENT_EDITION, base) if args.source is None \
            else base / CURRENT_EDITION / "package" / "data"
        readme = (current.parent / "README.md").read_text(encoding="utf-8")
        versions = published_versions() if args.source is None \
            else sorted(p.name for p in base.iterdir() if (p / "package" / "data").is_dir())
        millesimes = millesime_versions(readme, versions)
        if args.source is None:
            for version in millesimes.values():
                fetch_edition(version, base)
        build(base, millesimes)
    print(f"referential written to {OUT_DIR} (millésimes {', '.join(map(str, millesimes))})")


if __name__ == "__main__":
    main()
