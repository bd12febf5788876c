"""Derive the compact referential files committed under pipeline/data/referential/.

Source: Etalab's `@etalab/decoupage-administratif` npm package (INSEE COG + BANATIC).
The newest edition gives the current EPCIs, départements and régions; older editions give
aliases (former names of EPCIs that still exist under the same SIREN), because communiqués
often use the name an EPCI had when they were written.

Usage (needs npm and the network, once; runs and tests never do):
    python scripts/build_referential.py            # fetches the editions with `npm pack`
    python scripts/build_referential.py --from DIR # DIR holds the unpacked editions
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
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
CURRENT_EDITION = "6.0.0"
ALIAS_EDITIONS = ["3.1.1"]  # 2023 edition: names used by the 2023 communiqués
OUT_DIR = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "referential"


def fetch_edition(version: str, workdir: Path) -> Path:
    """Unpack one edition of the npm package and return its data folder."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{version}"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = workdir / f"etalab-decoupage-administratif-{version}.tgz"
    target = workdir / version
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="data")
    return target / "package" / "data"


def load(data_dir: Path, name: str) -> list[dict]:
    return json.loads((data_dir / f"{name}.json").read_text(encoding="utf-8"))


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build(current: Path, older: list[Path]) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    regions = load(current, "regions")
    departements = load(current, "departements")
    communes = load(current, "communes")
    commune_departement = {c["code"]: c["departement"] for c in communes if c.get("departement")}
    commune_name = {c["code"]: c["nom"] for c in communes if c["type"] == "commune-actuelle"}
    departement_region = {d["code"]: d["region"] for d in departements}

    write_csv(OUT_DIR / "regions.csv", ["code", "name", "zone"],
              sorted([r["code"], r["nom"], r["zone"]] for r in regions))
    write_csv(OUT_DIR / "departements.csv",
              ["code", "name", "region_code", "chef_lieu_name", "zone"],
              sorted([d["code"], d["nom"], d["region"], commune_name.get(d["chefLieu"], ""), d["zone"]]
                     for d in departements))

    aliases: dict[str, set[str]] = {}
    for data_dir in older:
        for epci in load(data_dir, "epci"):
            aliases.setdefault(epci["code"], set()).add(epci["nom"])

    rows = []
    for epci in load(current, "epci"):
        deps = sorted({commune_departement[m["code"]] for m in epci["membres"]
                       if m["code"] in commune_departement})
        regs = sorted({departement_region[d] for d in deps})
        former = sorted(aliases.get(epci["code"], set()) - {epci["nom"]})
        rows.append([epci["code"], epci["nom"], epci["type"], "|".join(deps), "|".join(regs),
                     epci.get("populationMunicipale") or 0, "|".join(former)])
    write_csv(OUT_DIR / "epcis.csv",
              ["siren", "name", "type", "departement_codes", "region_codes", "population",
               "former_names"], sorted(rows))
    write_homonym_communes(communes, departements, regions)
    (OUT_DIR / "SOURCE").write_text(
        f"{PACKAGE} {CURRENT_EDITION} (aliases from {', '.join(ALIAS_EDITIONS)})\n", encoding="utf-8")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path,
                        help="folder holding <version>/package/data for each edition")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = args.source or Path(tmp)
        if args.source is None:
            for version in [CURRENT_EDITION, *ALIAS_EDITIONS]:
                fetch_edition(version, base)
        build(base / CURRENT_EDITION / "package" / "data",
              [base / v / "package" / "data" for v in ALIAS_EDITIONS])
    print(f"referential written to {OUT_DIR}")


if __name__ == "__main__":
    main()
