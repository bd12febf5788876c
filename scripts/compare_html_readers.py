"""Compare the HTML reader (pipeline/read/html.py) with trafilatura on every HTML fixture.

For each page with a reference text (the communiqué as a person would save it): the share of
the reference's paragraphs found (recall), the paragraphs that are not the communiqué's (noise),
and whether the extraction (territories, EPCIs, figures) equals that of the reference text.
trafilatura's XML output is rendered the way the reader renders HTML (blocks apart by a blank
line, list items as "- item"), with its title first, so that only what each keeps differs.

    .venv/bin/python scripts/compare_html_readers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import trafilatura
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pipeline import nlp  # noqa: E402
from pipeline.extract.assemble import extract  # noqa: E402
from pipeline.read import read_document  # noqa: E402


def fixtures() -> list[tuple[str, bytes, str]]:
    """(name, html bytes, reference text) of every HTML fixture with a reference."""
    import test_formats as formats
    import test_readers as readers

    aube = formats.as_text([formats.TITLE, formats.AUBE[0], *formats.AUBE[2:]]).replace("• ", "- ")
    grand_est = formats.as_text([formats.TITLE, formats.GRAND_EST[0], *formats.GRAND_EST[2:]])
    found = [
        ("test_formats aube.html", formats.as_prefecture_page(formats.AUBE).encode(), aube),
        ("test_formats aube-ancien-gabarit.html",
         formats.as_prefecture_page(formats.AUBE, main=False).encode(), aube),
        ("test_formats grand-est.html", formats.as_prefecture_page(formats.GRAND_EST).encode(),
         grand_est.replace("• ", "- ")),
        ("test_readers PAGE", readers.PAGE.encode(),
         "Deux Territoires d’industrie\n\nLancé fin 2018, le programme a été renouvelé.\n"
         "Dans l’Aube :\n\n- Ouest Champenois\n- Sud Champagne\n\n"
         "Contact presse : pref-communication@aube.gouv.fr"),
    ]
    for page in sorted((ROOT / "tests" / "web" / "pages").glob("*.html")):
        found.append((f"tests/web/pages/{page.name}", page.read_bytes(),
                      page.with_suffix(".txt").read_text(encoding="utf-8")))
    return found


def trafilatura_text(html: bytes) -> str:
    xml = trafilatura.extract(html, output_format="xml", include_tables=True,
                              include_comments=False)
    metadata = trafilatura.extract_metadata(html.decode("utf-8", "replace"))
    blocks = []
    if xml:
        for element in etree.fromstring(xml.encode()).find("main"):
            if element.tag == "list":
                blocks.append("\n".join(f"- {' '.join(''.join(i.itertext()).split())}"
                                        for i in element.iter("item")))
            else:
                blocks.append(" ".join("".join(element.itertext()).split()))
    title = metadata.title if metadata else None
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return "\n\n".join(b for b in blocks if b)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.replace("\n- ", "\n\n- ").split("\n\n") if p.strip()]


def rows(text: str) -> set:
    extraction = extract(text, next(nlp.parse([text])))
    return ({("territory", r["territory_id"]) for r in extraction.territories}
            | {("epci", r["siren"] or r["name"]) for r in extraction.epcis}
            | {("figure", r["value"], r["unit"]) for r in extraction.figures})


def main() -> None:
    print("| page | reader | recall | noise paragraphs | rows missing | rows extra |")
    print("|---|---|---|---|---|---|")
    totals = {"reader": [0, 0, 0, 0], "trafilatura": [0, 0, 0, 0]}
    for name, html, reference in fixtures():
        expected_paragraphs, expected_rows = paragraphs(reference), rows(reference)
        for reader, text in (("reader", read_document(Path("page.html"), html).text),
                             ("trafilatura", trafilatura_text(html))):
            got = paragraphs(text)
            found = sum(p in got for p in expected_paragraphs)
            noise = sum(p not in expected_paragraphs for p in got)
            extracted = rows(text)
            missing, extra = len(expected_rows - extracted), len(extracted - expected_rows)
            for i, value in enumerate((found, len(expected_paragraphs), missing, extra)):
                totals[reader][i] += value
            print(f"| {name} | {reader} | {found}/{len(expected_paragraphs)} | {noise} | "
                  f"{missing} | {extra} |")
    for reader, (found, total, missing, extra) in totals.items():
        print(f"| **all** | {reader} | {found}/{total} | | {missing} | {extra} |")


if __name__ == "__main__":
    main()
