"""One communiqué in every format gives the same rows; bad files through the real command.

The PDFs are typeset here with reportlab the way real communiqués are laid out: running header and
footer, a list crossing a page break, a band of two columns, hyphenated line ends. Each must give
the rows its text gives as a .txt file.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pdfplumber
import pyarrow.parquet as pq
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from pipeline import etl
from pipeline.read import read_document

ROOT = Path(__file__).resolve().parents[1]

DATELINE = "Troyes, le 14 novembre 2023"
TITLE = "Nouvelle phase du programme Territoires d’industrie : deux territoires labellisés dans l’Aube"
# A communiqué as blocks: a string is a paragraph, a list of strings a bullet list.
AUBE = [
    "COMMUNIQUÉ DE PRESSE",
    TITLE,
    DATELINE,
    "Lancé fin 2018, le programme Territoires d’industrie a permis d’accompagner durant sa première "
    "phase (2019-2022) 149 Territoires d’industrie dans la mise en œuvre d’actions en faveur de la "
    "réindustrialisation. Le Président de la République a annoncé le 11 mai 2023 le lancement d’une "
    "nouvelle phase pour 2023-2027, afin de poursuivre et d’amplifier la dynamique.",
    "Dans le Grand Est, 21 territoires participeront à la nouvelle phase du programme. Dans l’Aube, "
    "deux territoires ont été labellisés, il s’agit de :",
    ["Territoire d’industrie Ouest Champenois [10 - Aube / 51 - Marne]",
     "Territoire d’industrie Sud Champagne [10 - Aube]"],
    "Côté aubois, le Territoire d’industrie de l’Ouest Champenois, regroupant les communautés de "
    "communes du Nogentais et de Seine et Aube, accompagne les industriels de la chimie verte et de "
    "l’agroalimentaire. Le Territoire d’industrie du Sud Champagne regroupe la communauté "
    "d’agglomération de Troyes Champagne Métropole et les communautés de communes de "
    "Vendeuvre-Soulaines, du Chaourçois et du Val d’Armance, de la Région de Bar-sur-Aube et du "
    "Pays d’Othe.",
    "Basé sur une nouvelle offre de services, le programme est désormais doté d’une enveloppe de "
    "100 millions d’euros afin de renforcer l’animation et l’ingénierie locale et de soutenir les "
    "investissements des industriels.",
    "Contact presse : Préfecture de l’Aube – pref-communication@aube.gouv.fr – 03 25 42 35 00",
]
GRAND_EST_LIST = [
    "Territoire d’industrie Nord Ardennes [08 - Ardennes]",
    "Territoire d’industrie Ouest Champenois [10 - Aube / 51 - Marne]",
    "Territoire d’industrie Sud Champagne [10 - Aube]",
    "Territoire d’industrie du Grand Reims [51 - Marne]",
    "Territoire d’industrie de Vitry-le-François [51 - Marne]",
    "Territoire d’industrie du Pays d’Epernay Terres de Champagne [51 - Marne]",
    "Territoire d’industrie du Pays de Châlons [51 - Marne]",
    "Territoire d’industrie Sud Meuse Nord Haute-Marne [52 - Haute-Marne / 55 - Meuse]",
    "Territoire d’industrie Sud Haute-Marne [52 - Haute-Marne]",
    "Territoire d’industrie du Val de Lorraine [54 - Meurthe-et-Moselle]",
    "Territoire d’industrie du Pays du Lunévillois [54 - Meurthe-et-Moselle]",
    "Territoire d’industrie des Terres de Lorraine [54 - Meurthe-et-Moselle]",
    "Territoire d’industrie Nord Lorraine [54 - Meurthe-et-Moselle / 55 - Meuse]",
    "Territoire d’industrie du Pays de Sarrebourg [57 - Moselle]",
    "Territoire d’industrie de Thionville [57 - Moselle]",
    "Territoire d’industrie de l’Est Mosellan [57 - Moselle]",
    "Territoire d’industrie de Saint-Dié-des-Vosges [88 - Vosges]",
    "Territoire d’industrie des Vosges Sud [88 - Vosges]",
    "Territoire d’industrie de Saverne [67 - Bas-Rhin]",
    "Territoire d’industrie Alsace du Nord [67 - Bas-Rhin]",
    "Territoire d’industrie Sud Alsace [68 - Haut-Rhin]",
]
# The same communiqué followed by the list of the région: two pages, the list crossing the break.
GRAND_EST = AUBE[:-1] + [
    "Les 21 Territoires d’industrie labellisés du Grand Est sont les suivants :",
    GRAND_EST_LIST,
    AUBE[-1],
]
HEADER = "PRÉFET DE L’AUBE – Communiqué de presse"
FOOTER = "Préfecture de l’Aube – 2 rue Pierre Labonde – 10025 Troyes Cedex"
# Where the hyphenated layout may cut a word (a compound also breaks at its own hyphens).
HYPHENATION = {"réindustrialisation": "réindus-trialisation", "communautés": "communau-tés",
               "accompagner": "accompa-gner", "agglomération": "agglomé-ration",
               "industriels": "indus-triels", "investissements": "investis-sements",
               "l’agroalimentaire": "l’agroali-mentaire", "Champenois": "Champe-nois",
               "participeront": "partici-peront", "l’ingénierie": "l’ingé-nierie"}


def as_text(blocks: list) -> str:
    """The communiqué as its author would save it as .txt: blank lines between blocks."""
    return "\n\n".join(block if isinstance(block, str) else
                       "\n".join(f"• {item}" for item in block) for block in blocks) + "\n"


def as_markdown(blocks: list) -> str:
    """The communiqué in Markdown: bold kicker, heading, italic dateline, "- " lists."""
    parts = [f"**{blocks[0]}**", f"# {blocks[1]}", f"*{blocks[2]}*"]
    parts += [block if isinstance(block, str) else "\n".join(f"- {item}" for item in block)
              for block in blocks[3:]]
    return "\n\n".join(parts) + "\n"


def as_prefecture_page(blocks: list, main: bool = True) -> str:
    """The communiqué as published on a préfecture site (DSFR template), saved from the browser
    (with the cookie banner its script inserted); without `main`, as older templates lay it out
    (those pages are often in Windows-1252)."""
    body = "\n".join(f"<p>{block}</p>" if isinstance(block, str) else
                     "<ul>" + "".join(f"<li>{item}</li>" for item in block) + "</ul>"
                     for block in blocks[2:])
    return f"""<!DOCTYPE html>
<html lang="fr" data-fr-scheme="system"><head><meta charset="utf-8">
<title>{blocks[1]} - Les services de l'État dans l'Aube</title>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body>
<div class="fr-skiplinks"><nav role="navigation" aria-label="Accès rapide"><ul>
  <li><a href="#contenu">Contenu</a></li><li><a href="#header-navigation">Menu</a></li>
  <li><a href="#footer">Pied de page</a></li></ul></nav></div>
<header role="banner" class="fr-header"><div class="fr-header__body">
  <p class="fr-logo">Préfet<br>de l'Aube</p>
  <p class="fr-header__service-title">Les services de l'État dans l'Aube</p>
  <div class="fr-header__tools"><a href="/Contact">Nous contacter</a>
    <div class="fr-search-bar" role="search"><label>Rechercher</label><input type="search"></div></div>
  <nav class="fr-nav" id="header-navigation" role="navigation"><ul class="fr-nav__list">
    <li>Actualités</li><li>Politiques publiques</li><li>Démarches</li><li>Services de l'État</li>
  </ul></nav></div></header>
<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig" role="alert">
  <span>Ce site utilise des cookies pour mesurer son audience.</span>
  <button>Tout accepter</button><button>Personnaliser</button></div></div>
{'<main id="contenu" role="main">' if main else '<div id="contenu">'}<div class="fr-container">
  <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :"><ol>
    <li><a href="/">Accueil</a></li><li><a href="/Actualites">Actualités</a></li>
    <li><a href="/Actualites/Communiques-de-presse">Communiqués de presse</a></li></ol></nav>
  <div class="fr-grid-row"><div class="fr-col-md-8">
    <h1 class="fr-h1">{blocks[1]}</h1>
    <div class="fr-share"><p>Partager la page</p><ul><li><a>Facebook</a></li><li><a>X</a></li>
      <li><a>LinkedIn</a></li><li><a>Courriel</a></li></ul></div>
    <div class="fr-text">
      <p><strong>{blocks[0]}</strong></p>
      {body}
    </div>
  </div>
  <div class="fr-col-md-4"><aside><h2>À la une</h2><p>Épisode de canicule : les bons réflexes</p>
  </aside></div></div>
</div>{'</main>' if main else '</div>'}
<footer class="fr-footer" role="contentinfo" id="footer"><div class="fr-container">
  <p>Préfet de l'Aube</p><ul><li>legifrance.gouv.fr</li><li>gouvernement.fr</li>
  <li>service-public.fr</li><li>data.gouv.fr</li></ul>
  <ul><li>Plan du site</li><li>Accessibilité : partiellement conforme</li><li>Mentions légales</li>
  <li>Données personnelles</li><li>Gestion des cookies</li></ul></div></footer>
<script src="/tarteaucitron/tarteaucitron.js"></script>
</body></html>
"""


# --- a small typesetter -----------------------------------------------------------------------

FONT, SIZE, LEADING, PARAGRAPH_SPACE = "Helvetica", 11, 14, 8
LEFT, RIGHT, TOP, BOTTOM = 72, A4[0] - 72, A4[1] - 90, 80
BULLET_INDENT = 14


def fits(text: str, width: float) -> bool:
    return stringWidth(text.strip(), FONT, SIZE) <= width


def wrap(text: str, width: float, hyphenate: bool = False) -> list[str]:
    """Greedy line breaking; with `hyphenate`, a word that does not fit is cut at a HYPHENATION
    point (adding a hyphen) or at one of its own hyphens."""
    if not hyphenate:
        return simpleSplit(text, FONT, SIZE, width)
    lines, line = [], ""
    for word in text.split(" "):
        while not fits(f"{line} {word}", width):
            cut = _cut(word, line, width)
            if cut:
                head, word = cut
                lines.append(f"{line} {head}".strip())
            elif line:
                lines.append(line)
            else:
                break  # a word wider than a line overflows it
            line = ""
        line = f"{line} {word}".strip()
    return lines + [line]


def _cut(word: str, line: str, width: float) -> tuple[str, str] | None:
    """(head ending in a hyphen, rest) of the longest cut of `word` that fits after `line`."""
    marked = HYPHENATION.get(word.rstrip(",.;:"), "")  # the word with one hyphen inserted
    cuts = [(marked[:i + 1], word[i:]) for i, char in enumerate(marked) if char == "-"]
    cuts += [(word[:i + 1], word[i + 1:]) for i, char in enumerate(word[:-1]) if char == "-"]
    return max((cut for cut in cuts if fits(f"{line} {cut[0]}", width)),
               key=lambda cut: len(cut[0]), default=None)


class Typesetter:
    """A4 pages, Helvetica 11 pt on 14 pt, 8 pt between paragraphs, running header and footer."""

    def __init__(self, header: str | None = None, footer: str | None = None, bottom: float = BOTTOM):
        self.buffer = io.BytesIO()
        self.pdf = canvas.Canvas(self.buffer, pagesize=A4)
        self.header, self.footer, self.bottom = header, footer, bottom
        self.page = 0
        self._start_page()

    def _start_page(self) -> None:
        self.page += 1
        self.y = TOP
        if self.header:
            self.pdf.setFont(FONT, 9)
            self.pdf.drawString(LEFT, A4[1] - 50, self.header)
        self.pdf.setFont(FONT, SIZE)

    def _end_page(self) -> None:
        self.pdf.setFont(FONT, 9)
        if self.footer:
            self.pdf.drawString(LEFT, 50, self.footer)
        self.pdf.drawRightString(RIGHT, 50, str(self.page))

    def rows(self, blocks: list, width: float, hyphenate: bool = False) -> list[tuple[float, str] | None]:
        """(indent, text) per line, None for the space after a block; a bullet is its own glyph."""
        rows: list[tuple[float, str] | None] = []
        for block in blocks:
            if block == DATELINE:
                rows.append((width - stringWidth(block, FONT, SIZE), block))  # right-aligned
            elif isinstance(block, str):
                rows += [(0, line) for line in wrap(block, width, hyphenate)]
            else:
                for item in block:
                    lines = wrap(item, width - BULLET_INDENT, hyphenate)
                    rows.append((0, "•"))
                    rows += [(BULLET_INDENT, line) for line in lines]
            rows.append(None)
        return rows

    def draw(self, rows: list, x: float = LEFT) -> None:
        for row in rows:
            if row is None:
                self.y -= PARAGRAPH_SPACE
                continue
            indent, text = row
            if self.y < self.bottom:
                self._end_page()
                self.pdf.showPage()
                self._start_page()
            self.pdf.drawString(x + indent, self.y, text)
            if text != "•":
                self.y -= LEADING

    def columns(self, blocks: list, gutter: float = 24) -> None:
        """Blocks flowing through two balanced columns, then the page goes on full width."""
        width = (RIGHT - LEFT - gutter) / 2
        rows = self.rows(blocks, width)
        lines = [index for index, row in enumerate(rows) if row is not None and row[1] != "•"]
        half = lines[(len(lines) - 1) // 2] + 1  # the left column takes the first half of the lines
        top = self.y
        self.draw(rows[:half])
        left_end, self.y = self.y, top
        self.draw(rows[half:], LEFT + width + gutter)
        self.y = min(left_end, self.y)

    def save(self) -> bytes:
        self._end_page()
        self.pdf.save()
        return self.buffer.getvalue()


def pdf_of(blocks: list, hyphenate: bool = False, width: float = RIGHT - LEFT, **options) -> bytes:
    typesetter = Typesetter(**options)
    typesetter.draw(typesetter.rows(blocks, width, hyphenate))
    return typesetter.save()


def pdf_with_columns(blocks: list, first: int, last: int) -> bytes:
    """Blocks[first:last] in two columns, the others full width."""
    typesetter = Typesetter()
    typesetter.draw(typesetter.rows(blocks[:first], RIGHT - LEFT))
    typesetter.columns(blocks[first:last])
    typesetter.draw(typesetter.rows(blocks[last:], RIGHT - LEFT))
    return typesetter.save()


def plain_pdf_text(data: bytes) -> list[str]:
    """Each page's text as pdfplumber reads it by default: line by line across the whole page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() for page in pdf.pages]


FILES = {  # file -> its text as .txt, whose extraction it must equal
    "aube.txt": None,
    "aube-windows-1252.txt": "aube.txt",
    "aube.md": "aube.txt",
    "aube.html": "aube.txt",
    "aube-ancien-gabarit.html": "aube.txt",
    "aube.pdf": "aube.txt",
    "aube-colonnes.pdf": "aube.txt",
    "aube-cesure.pdf": "aube.txt",
    "grand-est.txt": None,
    "grand-est-deux-pages.pdf": "grand-est.txt",
}


def write_communiques(folder: Path) -> None:
    (folder / "aube.txt").write_text(as_text(AUBE), encoding="utf-8")
    (folder / "aube.md").write_text(as_markdown(AUBE), encoding="utf-8")
    (folder / "aube.html").write_text(as_prefecture_page(AUBE), encoding="utf-8")
    (folder / "aube-windows-1252.txt").write_text(as_text(AUBE), encoding="cp1252")
    (folder / "aube-ancien-gabarit.html").write_text(
        as_prefecture_page(AUBE, main=False).replace("utf-8", "windows-1252"), encoding="cp1252")
    (folder / "aube.pdf").write_bytes(pdf_of(AUBE))
    (folder / "aube-colonnes.pdf").write_bytes(pdf_with_columns(AUBE, 3, 7))
    (folder / "aube-cesure.pdf").write_bytes(pdf_of(AUBE, hyphenate=True, width=252))
    (folder / "grand-est.txt").write_text(as_text(GRAND_EST), encoding="utf-8")
    two_pages = pdf_of(GRAND_EST, header=HEADER, footer=FOOTER, bottom=200)  # breaks in the list
    (folder / "grand-est-deux-pages.pdf").write_bytes(two_pages)


@pytest.fixture(scope="module")
def communiques(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    write_communiques(folder)
    return folder


@pytest.fixture(scope="module")
def facts(communiques) -> dict[str, dict[str, Counter]]:
    """Per file: territories (id, départements), EPCIs (SIREN, territory), figures (value, unit)."""
    batch = etl.read(communiques, etl.discover(communiques))
    assert not batch.rejections
    batch = etl.extract_documents(batch.documents)
    assert not batch.rejections
    source_of = {d.doc_id: d.row["source"] for d in batch.documents}
    found = {source: {"territories": Counter(), "epcis": Counter(), "figures": Counter()}
             for source in source_of.values()}
    for row in batch.rows["territories"]:
        found[source_of[row["doc_id"]]]["territories"][
            (row["territory_id"], tuple(sorted(row["departement_codes"])))] += 1
    for row in batch.rows["epcis"]:
        found[source_of[row["doc_id"]]]["epcis"][(row["siren"], row["territory_id"])] += 1
    for row in batch.rows["figures"]:
        found[source_of[row["doc_id"]]]["figures"][(row["value"], row["unit"])] += 1
    return found


def read_text(folder: Path, name: str) -> str:
    path = folder / name
    return read_document(path, path.read_bytes()).text


def paragraphs(text: str) -> list[str]:
    """Paragraphs with their line breaks and runs of spaces made single spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


# --- the same communiqué in every format ------------------------------------------------------

def test_the_reference_texts_give_the_expected_rows(facts):
    aube = facts["aube.txt"]
    assert set(aube["territories"]) == {("ouest-champenois", ("10", "51")), ("sud-champagne", ("10",))}
    assert {siren for siren, _ in aube["epcis"]} == {
        "200006716", "200070126", "200069250", "200066892", "200071041", "241000405", "241000447"}
    assert (21.0, "territoire") in aube["figures"] and (100_000_000.0, "euro") in aube["figures"]
    assert len(facts["grand-est.txt"]["territories"]) == 21


@pytest.mark.parametrize("name", [name for name, reference in FILES.items() if reference])
def test_every_format_gives_the_rows_of_the_text(facts, name):
    assert facts[name] == facts[FILES[name]]


@pytest.mark.parametrize("name", ["aube.md", "aube.pdf", "aube-colonnes.pdf", "aube-cesure.pdf"])
def test_every_format_reads_as_the_paragraphs_of_the_text(communiques, name):
    expected = as_text(AUBE).replace("• ", "- ") if name.endswith(".md") else as_text(AUBE)
    assert paragraphs(read_text(communiques, name)) == paragraphs(expected)


@pytest.mark.parametrize("name", ["aube.html", "aube-ancien-gabarit.html"])
def test_prefecture_page_gives_the_communique_without_the_site_around_it(communiques, name):
    expected = paragraphs(as_text([TITLE, AUBE[0], *AUBE[2:]]).replace("• ", "- "))
    assert paragraphs(read_text(communiques, name)) == expected


def test_two_page_pdf_loses_its_running_lines_but_not_its_list(communiques):
    data = (communiques / "grand-est-deux-pages.pdf").read_bytes()
    first, second = plain_pdf_text(data)
    # the last line above the footer and the first below the header are items of the list
    assert first.splitlines()[-2].endswith("]") and second.splitlines()[1].endswith("]")
    result = read_document(communiques / "x.pdf", data)
    assert result.n_pages == 2
    assert HEADER not in result.text and FOOTER not in result.text
    items = "\n".join(f"• {item}" for item in GRAND_EST_LIST)
    assert items in result.text
    assert paragraphs(result.text) == paragraphs(as_text(GRAND_EST))


def test_column_band_is_read_column_by_column(communiques):
    data = (communiques / "aube-colonnes.pdf").read_bytes()
    row_by_row = plain_pdf_text(data)[0]
    assert "regroupant les communautés de" not in " ".join(row_by_row.split())  # the layout mixes
    assert paragraphs(read_text(communiques, "aube-colonnes.pdf")) == paragraphs(as_text(AUBE))


def test_hyphenated_line_ends_are_rejoined(communiques):
    raw = plain_pdf_text((communiques / "aube-cesure.pdf").read_bytes())[0]
    cuts = re.findall(r"(\w+-)\n(\w+)", raw)
    assert ("réindus-", "trialisation") in cuts and ("Vendeuvre-", "Soulaines") in cuts
    assert paragraphs(read_text(communiques, "aube-cesure.pdf")) == paragraphs(as_text(AUBE))


# --- bad input through the real command ---------------------------------------------------------

COMMAND = [str(Path(sys.executable).with_name("communiques"))]
SIZE_LIMIT = 100_000
GOOD = "aube.txt"
ACCENTED = "Préfecture de l’Aube/Communiqué du 14 novembre 2023 (Grand Est).txt"
# bad file -> what its rejection reason must say
BAD = {
    "vide.txt": "file is empty",
    "photo.txt": "looks like binary data, not text",
    "tronque.pdf": "could not be parsed as a PDF (it is corrupt or truncated)",
    "protege.pdf": "encrypted (password-protected)",
    "scan.pdf": "no text layer, needs OCR",
    "dossier-complet.txt": f"file is too large (150000 bytes, the limit is {SIZE_LIMIT} bytes)",
    "illisible.txt": "cannot read the file",
}


def canvas_pdf(draw, **options) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, **options)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned_page(pdf: canvas.Canvas) -> None:
    """A page as a scanner makes it: one picture, grey bars where the lines of text are."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("L", (595, 842), 255)
    for y in range(100, 700, 20):
        ImageDraw.Draw(picture).rectangle((72, y, 500, y + 8), fill=90)
    pdf.drawImage(ImageReader(picture), 0, 0, *A4)


def make_unreadable(path: Path) -> None:
    """A file that exists but cannot be read. chmod 000 does not stop root (tests often run as
    root in containers): there, a link to /proc/self/mem, which any read fails on (EIO)."""
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")
    else:
        path.write_text("Communiqué", encoding="utf-8")
        path.chmod(0)


def write_bad_folder(folder: Path) -> None:
    (folder / GOOD).write_text(as_text(AUBE), encoding="utf-8")
    (folder / ACCENTED).parent.mkdir()
    (folder / ACCENTED).write_text(as_text(GRAND_EST), encoding="utf-8")
    (folder / "vide.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    whole = pdf_of(AUBE)
    (folder / "tronque.pdf").write_bytes(whole[:len(whole) // 2])
    (folder / "protege.pdf").write_bytes(
        canvas_pdf(lambda pdf: pdf.drawString(72, 770, AUBE[1]), encrypt="secret"))
    (folder / "scan.pdf").write_bytes(canvas_pdf(scanned_page))
    (folder / "dossier-complet.txt").write_bytes(as_text(AUBE).encode()[:1000] * 150)
    make_unreadable(folder / "illisible.txt")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """One run of `communiques run` over every bad file and two good ones (Prefect's start-up
    costs ~25 s a run)."""
    folder, output = tmp_path_factory.mktemp("bad-input"), tmp_path_factory.mktemp("bad-output")
    write_bad_folder(folder)
    result = subprocess.run(COMMAND + ["run", "--input", str(folder), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "PYTHONWARNINGS": "ignore",
                                 "COMMUNIQUES_MAX_FILE_BYTES": str(SIZE_LIMIT)})
    assert (output / "documents.parquet").exists(), (result.stdout + result.stderr)[-4000:]
    documents = pq.read_table(output / "documents.parquet").to_pandas()
    rejections = pq.read_table(output / "rejections.parquet").to_pandas()
    territories = pq.read_table(output / "territories.parquet").to_pandas()
    return result, documents, rejections, territories


def test_bad_input_exits_1_without_traceback(bad_run):
    result = bad_run[0]
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", BAD)
def test_each_bad_file_is_rejected_at_read_with_a_reason_to_act_on(bad_run, name):
    rejections = bad_run[2]
    rejected = rejections[rejections["source"] == name]
    assert list(rejected["stage"]) == ["read"]
    assert BAD[name] in rejected.iloc[0]["reason"]


@pytest.mark.parametrize("name", [GOOD, ACCENTED])
def test_good_communiques_are_published_among_bad_files(bad_run, name):
    _, documents, _, territories = bad_run
    document = documents[documents["source"] == name].iloc[0]
    assert document["status"] == "published"
    assert (territories["doc_id"] == document["doc_id"]).sum() == (2 if name == GOOD else 21)


def test_no_input_file_is_silently_dropped(bad_run):
    _, documents, rejections, _ = bad_run
    listed = set(documents["source"]) | set(rejections["source"])
    assert listed == {GOOD, ACCENTED, *BAD}


def test_a_dangling_link_is_rejected_not_silently_dropped(tmp_path):
    (tmp_path / GOOD).write_text(as_text(AUBE), encoding="utf-8")
    (tmp_path / "lien-casse.txt").symlink_to(tmp_path / "supprime.txt")
    batch = etl.read(tmp_path, etl.discover(tmp_path))
    assert [d.row["source"] for d in batch.documents] == [GOOD]
    [rejection] = batch.rejections
    assert rejection["source"] == "lien-casse.txt" and rejection["doc_id"] is None
    assert "symbolic link to" in rejection["reason"] and "supprime.txt" in rejection["reason"]
