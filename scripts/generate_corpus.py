"""Generate realistic communiqués from the referential, with their gold, for benchmarks.

Deterministic from --seed: the same arguments give the same files on every machine. Each
communiqué announces the territories of one département (a bullet list with département codes,
"regroupant" phrases naming real EPCIs of that département), states figures, and ends with a
press-contact block (phones, postal address) that must yield nothing. Territory names are
invented from place-like words, so the extraction cannot have seen them.

    python scripts/generate_corpus.py --out bench/corpus --count 2000 [--pdf-sample 20]
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap
from pathlib import Path

from pipeline import referential

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
NAME_PARTS = ["Vallée", "Pays", "Portes", "Cœur", "Plateau", "Val", "Monts", "Rives", "Bassin", "Terres"]
NAME_TAILS = ["de l'Ardoise", "du Lin", "des Forges", "de la Verrerie", "du Textile", "des Mines",
              "de la Mécanique", "du Bois", "des Canaux", "de la Céramique", "du Granit", "des Tanneries"]
NUMBER_WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}
BULLETS = ["•", "-", "*", "–"]


def _territory_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(NAME_PARTS)} {rng.choice(NAME_TAILS)} {rng.choice(['Nord', 'Sud', 'Est', 'Ouest', 'Centre', 'Haut', 'Bas'])}"
        if name not in used:
            used.add(name)
            return name


def _communique(rng: random.Random, index: int) -> tuple[str, dict]:
    ref = referential.load()
    epcis_by_dep: dict[str, list] = {}
    for epci in ref.epcis.values():
        if len(epci.departement_codes) == 1 and ref.is_current(epci.siren):
            epcis_by_dep.setdefault(epci.departement_codes[0], []).append(epci)
    departements = sorted(d for d in epcis_by_dep if d in ref.departements and len(epcis_by_dep[d]) >= 4)
    dep = ref.departements[rng.choice(departements)]
    count = rng.randint(2, 5)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    used: set[str] = set()
    members = rng.sample(sorted(epcis_by_dep[dep.code], key=lambda e: e.siren), k=min(count * 2, len(epcis_by_dep[dep.code])))
    territories, lines = [], []
    bullet = rng.choice(BULLETS)
    for k in range(count):
        name = _territory_name(rng, used)
        pair = members[2 * k:2 * k + 2]
        gold_epcis = [{"siren": e.siren, "name": e.name, "as_written": e.name} for e in pair]
        if pair:
            lines.append(f"{bullet} Territoire d'industrie {name} ({dep.code}) regroupant la "
                         + " et la ".join(e.name for e in pair) + ".")
        else:
            lines.append(f"{bullet} Territoire d'industrie {name} ({dep.code})")
        deps = sorted({dep.code, *[d for e in pair for d in e.departement_codes]})
        territories.append({"name": name, "phase": "2023-2027", "region_codes": ref.regions_of(deps),
                            "departement_codes": deps, "epcis": gold_epcis})
    millions = rng.choice([2, 5, 10, 12, 20])
    projects = rng.randint(20, 400)
    jobs = rng.randint(1, 30) * 100
    text = "\n".join([
        "COMMUNIQUÉ DE PRESSE", "",
        f"Territoires d'industrie : {count} territoires labellisés dans le département {dep.name}", "",
        f"{dep.chef_lieu_name}, le {day} {MONTHS[month - 1]} 2023", "",
        f"Le préfet annonce que {NUMBER_WORDS[count]} territoires ont été labellisés pour la période "
        f"2023-2027 dans le département {dep.name}, il s'agit de :", "",
        *lines, "",
        f"Ces territoires porteront {projects} projets industriels, soutenus à hauteur de {millions} "
        f"millions d'euros, pour près de {jobs} emplois.", "",
        f"Contact presse : 0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)} - {rng.randint(1, 40)} rue de la Préfecture, "
        f"{dep.code if dep.code.isdigit() else '20'}000 {dep.chef_lieu_name}", ""])
    figures = [
        {"value": count, "value_max": None, "unit": "territoire", "scope": dep.code, "as_written": f"{count} territoires"},
        {"value": count, "value_max": None, "unit": "territoire", "scope": dep.code, "as_written": f"{NUMBER_WORDS[count]} territoires"},
        {"value": projects, "value_max": None, "unit": "projet", "scope": "FR", "as_written": f"{projects} projets"},
        {"value": millions * 1_000_000, "value_max": None, "unit": "euro", "scope": "FR", "as_written": f"{millions} millions d'euros"},
        {"value": jobs, "value_max": None, "unit": "emploi", "scope": "FR", "as_written": f"près de {jobs} emplois"},
    ]
    gold = {"document": f"communique_{index:05d}.txt", "published_on": f"2023-{month:02d}-{day:02d}",
            "issuer": None, "territories": territories, "figures": figures,
            "stated_counts": [{"scope": dep.code, "phase": "2023-2027", "count": count}]}
    return text, gold


def write_pdf(text: str, path: Path) -> None:
    """A one-column PDF of the text (reportlab, a dev dependency)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in text.splitlines():
        # wrapped between words, as a word processor does (a word cut without a hyphen is no layout)
        for chunk in textwrap.wrap(line, 95) or [""]:
            pdf.drawString(40, y, chunk)
            y -= 14
            if y < 60:
                pdf.showPage()
                y = 800
    pdf.save()


def generate(out: Path, count: int, seed: int, pdf_sample: int) -> None:
    rng = random.Random(seed)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    (out / "txt").mkdir(parents=True, exist_ok=True)
    if pdf_sample:
        (out / "pdf").mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text, gold = _communique(rng, index)
        (out / "txt" / gold["document"]).write_text(text, encoding="utf-8")
        (out / "gold" / gold["document"].replace(".txt", ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        if index < pdf_sample:
            write_pdf(text, out / "pdf" / gold["document"].replace(".txt", ".pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/corpus"))
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--pdf-sample", type=int, default=20)
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.pdf_sample)
    print(f"{args.count} communiqués written to {args.out}/txt (gold in {args.out}/gold)")


if __name__ == "__main__":
    main()
