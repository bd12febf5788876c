"""pipeline.read: decoding, markup removal, PDF clean-up, and "only ReadError" on bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, HealthCheck, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pipeline import etl, state
from pipeline.read import SUPPORTED_FORMATS, ReadError, ReadResult, max_file_bytes, read_document

FRENCH = "Communiqué – l’Aube : « Territoires d’industrie », 2 sites\nTroyes, le 14 novembre"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def read(tmp_path: Path, name: str, data: bytes) -> ReadResult:
    """Write the file as the pipeline would find it, then read it back through read_document."""
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path, path.read_bytes())


def draw_pdf(pages: list[list[tuple[float, float, str]]], size: float = 11) -> bytes:
    """A PDF with each (x, y, text) of each page drawn where it says (y from the bottom)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for strings in pages:
        pdf.setFont("Helvetica", size)
        for x, y, text in strings:
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_pdf(pages: list[list[str]], header: str | None = None, footer: str | None = None,
             numbers: bool = False, font: str = "Helvetica", **canvas_options) -> bytes:
    """A PDF with one text line per entry of `pages`, plus optional running header/footer/number."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, **canvas_options)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont(font, 11)
        if header:
            pdf.drawString(72, 810, header)
        y = 770
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        if footer:
            pdf.drawString(72, 50, footer)
        if numbers:
            pdf.drawString(290, 30, f"{number}/{len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# --- text ------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoded", [
    FRENCH.encode("utf-8"),
    b"\xef\xbb\xbf" + FRENCH.encode("utf-8"),
    FRENCH.encode("cp1252"),
], ids=["utf-8", "utf-8-bom", "cp1252"])
def test_text_encodings_decode_to_the_same_string(tmp_path, encoded):
    result = read(tmp_path, "c.txt", encoded)
    assert result == ReadResult(text=FRENCH, format="txt", n_pages=None)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1"])
def test_latin1_text_decodes(tmp_path, encoding):
    text = "Préfète de la région : « réindustrialisation » à Châlons-en-Champagne, façade ÉTÉ"
    assert read(tmp_path, "c.txt", text.encode(encoding)).text == text


def test_text_is_kept_exactly_apart_from_line_endings(tmp_path):
    raw = "\n  COMMUNIQUÉ  **DE** PRESSE \r\nligne  deux\rligne trois\r\n\r\n# pas un titre\n"
    expected = "\n  COMMUNIQUÉ  **DE** PRESSE \nligne  deux\nligne trois\n\n# pas un titre\n"
    assert read(tmp_path, "c.txt", raw.encode()).text == expected


def test_text_saved_from_a_pdf_loses_its_page_furniture(tmp_path):
    """A text showing its pages: the running lines next to page numbers go, the sentence the
    page break cut goes on, words cut at a line's end are whole, ligatures spelt out."""
    raw = ("Roannais Agglomération – Délibération n° 12                 Page 1 sur 2\n\n"
           "Considérant la candidature commune des deux intercommu-\nnalités, à l’échelle de leurs 65\n\n"
           "Roannais Agglomération – Délibération n° 12                 Page 1 sur 2\n\n"
           "Roannais Agglomération – Délibération n° 12                 Page 2 sur 2\n\n"
           "communes ; le projet sera ﬁnancé par la Région.\n")
    assert read(tmp_path, "c.txt", raw.encode()).text == (
        "Considérant la candidature commune des deux intercommunalités, à l’échelle de leurs 65\n"
        "communes ; le projet sera financé par la Région.\n")


def test_the_first_pages_running_head_stays_once_as_the_documents_title(tmp_path):
    """A running head repeated over every page number is furniture, but its first writing, above
    everything, is the document's own title: kept once (probes19_structured 16's title)."""
    head = "AD NORMANDIE – FICHES TERRITOIRES D'INDUSTRIE                 mai 2019\n"
    raw = (head + "                                  Page 4 / 22\n\nFICHE N° 3\nNom du territoire : Côte d'Albâtre\n\n"
           + head + "                                  Page 5 / 22\n\nFICHE N° 4\nNom du territoire : Caux Seine\n")
    text = read(tmp_path, "c.txt", raw.encode()).text
    assert text.startswith(head + "\nFICHE N° 3") and text.count("AD NORMANDIE") == 1 and "Page" not in text


def test_text_without_pages_keeps_its_lines(tmp_path):
    """One number alone on a line is no page: a text without pages keeps its cut words."""
    raw = "Le territoire réunit quatre intercommu-\nnalités.\n\n12\n\nFin."
    assert read(tmp_path, "c.txt", raw.encode()).text == raw


def test_upper_case_extension_is_recognised(tmp_path):
    assert read(tmp_path, "C.TXT", b"Bonjour").format == "txt"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_empty_text_is_rejected(tmp_path, data):
    with pytest.raises(ReadError, match="file is empty"):
        read(tmp_path, "c.txt", data)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,
    b"\x00" * 500 + b"Communique",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
])
def test_binary_data_named_txt_is_rejected(tmp_path, data):
    with pytest.raises(ReadError, match="looks like binary data, not text"):
        read(tmp_path, "c.txt", data)


@pytest.mark.parametrize("name", ["c.txt", "c.md", "c.html"])
def test_a_pdf_with_a_text_extension_is_told_to_be_renamed(tmp_path, name):
    with pytest.raises(ReadError, match=r"is a PDF.*\.pdf extension"):
        read(tmp_path, name, make_pdf([["Corps"]]))


def test_unknown_extension_lists_supported_ones(tmp_path):
    with pytest.raises(ReadError) as caught:
        read(tmp_path, "c.docx", b"PK\x03\x04")
    assert "'.docx'" in caught.value.reason
    assert all(extension in caught.value.reason for extension in SUPPORTED_FORMATS)


def test_oversize_file_is_rejected_with_size_and_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUES_MAX_FILE_BYTES", "100")
    assert read(tmp_path, "c.txt", b"a" * 100).text == "a" * 100
    with pytest.raises(ReadError) as caught:
        read(tmp_path, "c.txt", b"a" * 101)
    assert "101 bytes" in caught.value.reason and "100 bytes" in caught.value.reason
    assert "COMMUNIQUES_MAX_FILE_BYTES" in caught.value.reason


def test_default_size_limit_is_20_mb(monkeypatch):
    monkeypatch.delenv("COMMUNIQUES_MAX_FILE_BYTES", raising=False)
    assert max_file_bytes() == 20 * 1024 * 1024


@pytest.mark.parametrize("value", ["0", "-5", "1e6", "20 MB"])
def test_a_size_limit_that_is_not_a_number_of_bytes_is_reported(tmp_path, monkeypatch, value):
    monkeypatch.setenv("COMMUNIQUES_MAX_FILE_BYTES", value)
    with pytest.raises(ReadError, match="COMMUNIQUES_MAX_FILE_BYTES.*positive whole number"):
        read(tmp_path, "c.txt", b"Bonjour")


def test_an_oversize_file_is_rejected_without_being_read(tmp_path, monkeypatch):
    """A 5 GB file must not be loaded into memory, nor even hashed, to learn that it is too large."""
    monkeypatch.setenv("COMMUNIQUES_MAX_FILE_BYTES", "100")
    (tmp_path / "big.txt").write_bytes(b"a" * 101)
    monkeypatch.setattr(Path, "open", lambda self, *args: pytest.fail(f"{self} was opened"))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    inventory = state.scan(tmp_path)
    assert inventory.documents == {}
    [rejection] = inventory.notices()
    assert rejection["stage"] == "read" and rejection["doc_id"] is None
    assert "file is too large (101 bytes" in rejection["reason"]


def test_the_command_exits_2_on_a_bad_size_limit(tmp_path):
    (tmp_path / "c.txt").write_text("Bonjour", encoding="utf-8")
    command = Path(sys.executable).with_name("communiques")
    result = subprocess.run([str(command), "run", "--input", str(tmp_path), "--output",
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "COMMUNIQUES_MAX_FILE_BYTES": "20 MB"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "error: COMMUNIQUES_MAX_FILE_BYTES='20 MB' is not a size in bytes" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


# --- Markdown --------------------------------------------------------------------------------

def test_markdown_markup_is_removed_and_bullets_kept(tmp_path):
    markdown = (
        "# Communiqué de **presse**\n"
        "\n"
        "Le *préfet* de l'__Aube__ : voir [le site](https://www.aube.gouv.fr \"Aube\") "
        "ou <https://www.entreprises.gouv.fr>.\n"
        "![logo](logo.png)\n"
        "\n"
        "* Ouest Champenois\n"
        "- Sud Champagne\n"
        "1. Nord Ardennes\n"
        "\n"
        "Le fichier snake_case_name et 5 * 3 restent tels quels.\n"
    )
    expected = (
        "Communiqué de presse\n"
        "\n"
        "Le préfet de l'Aube : voir le site ou https://www.entreprises.gouv.fr.\n"
        "\n"
        "\n"
        "- Ouest Champenois\n"
        "- Sud Champagne\n"
        "1. Nord Ardennes\n"
        "\n"
        "Le fichier snake_case_name et 5 * 3 restent tels quels.\n"
    )
    result = read(tmp_path, "c.md", markdown.encode())
    assert result.format == "md"
    assert result.text == expected


def test_markdown_of_only_markup_is_rejected(tmp_path):
    with pytest.raises(ReadError, match="no text"):
        read(tmp_path, "c.md", b"![photo](photo.jpg)\n---\n")


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><title>Préfecture</title><style>p {color: red}</style></head>
<body class="has-header">
  <header class="site-header"><a href="/">Accueil</a></header>
  <nav><ul><li>Actualités</li><li>Démarches</li></ul></nav>
  <div id="cookie-banner">Ce site utilise des cookies. <button>Accepter</button></div>
  <main>
    <div class="fr-breadcrumb">Accueil &gt; Presse</div>
    <article>
      <header><h1>Deux   Territoires d’industrie</h1></header>
      <p>Lancé fin 2018, le programme
         a été <b>renouvelé</b>.<br>Dans l’Aube :</p>
      <ul><li>Ouest Champenois</li><li></li><li>Sud <i>Champagne</i></li></ul>
      <!-- commentaire -->
      <div class="social-share">Partager sur X</div>
      <script>track()</script>
    </article>
    <p>Contact presse : pref-communication@aube.gouv.fr</p>
  </main>
  <aside>À lire aussi</aside>
  <footer>Mentions légales</footer>
</body></html>"""


def test_html_keeps_only_the_main_content(tmp_path):
    result = read(tmp_path, "c.html", PAGE.encode())
    assert result.format == "html"
    assert result.text == ("Deux Territoires d’industrie\n"
                           "\n"
                           "Lancé fin 2018, le programme a été renouvelé.\n"
                           "Dans l’Aube :\n"
                           "\n"
                           "- Ouest Champenois\n"
                           "- Sud Champagne\n"
                           "\n"
                           "Contact presse : pref-communication@aube.gouv.fr")


def test_html_without_main_uses_the_body_minus_chrome(tmp_path):
    html = ("<body class='has-cookie-banner'><div id='menu'>Menu</div><p>Corps du communiqué.</p>"
            "<div class='footer'>Pied</div></body>").encode("cp1252")
    assert read(tmp_path, "c.htm", html).text == "Corps du communiqué."


def test_html_with_no_text_is_rejected(tmp_path):
    with pytest.raises(ReadError, match="no text"):
        read(tmp_path, "c.html", b"<html><body><script>render()</script></body></html>")


def test_hidden_html_is_not_content(tmp_path):
    """What a browser does not show is not what the publisher says (issue 18)."""
    html = ("<main><p>Texte visible.</p>"
            "<p hidden>Attribut hidden.</p>"
            "<div aria-hidden=\"true\"><p>ARIA caché.</p></div>"
            "<p style=\"color: red; display : none\">Style display none.</p>"
            "<ul><li>Premier</li><li style=\"VISIBILITY:hidden !important\">Style visibility.</li></ul>"
            "<p aria-hidden=\"false\" style=\"display: block\">Encore visible.</p></main>")
    assert read(tmp_path, "c.html", html.encode()).text == ("Texte visible.\n\n- Premier\n\n"
                                                            "Encore visible.")


def test_a_page_of_hidden_text_only_is_rejected(tmp_path):
    with pytest.raises(ReadError, match="no text"):
        read(tmp_path, "c.html", b"<body><div style='display:none'>Territoires</div></body>")


def test_html_sub_list_items_stand_indented_under_their_item(tmp_path):
    """A group label's sub-list (<li><strong>Nouveaux territoires</strong><ul>…) stays under it."""
    html = ("<main><p>Lauréats :</p><ul><li><strong>Territoires renouvelés</strong><ul><li>Alpha (39)</li>"
            "<li>Beta (25)</li></ul></li><li>Gamma</li></ul></main>")
    assert read(tmp_path, "c.html", html.encode()).text == ("Lauréats :\n\n- Territoires renouvelés\n"
                                                            "  - Alpha (39)\n  - Beta (25)\n- Gamma")


def test_html_definition_list_of_a_record_reads_as_field_lines(tmp_path):
    """'<dt>Intercommunalités</dt><dd>A</dd><dd>B</dd>' is one field, a FAQ's questions are not."""
    record = "<main><h2>Alpha</h2><dl><dt>Intercommunalités</dt><dd>CC A</dd><dd>CC B</dd><dt>Filières</dt><dd>bois</dd></dl></main>"
    assert read(tmp_path, "c.html", record.encode()).text == "Alpha\n\nIntercommunalités : CC A ; CC B\nFilières : bois"
    faq = "<main><dl><dt>Qui contacter ?</dt><dd><p>La préfecture.</p></dd></dl></main>"
    assert read(tmp_path, "c.html", faq.encode()).text == "Qui contacter ?\n\nLa préfecture."


def test_html_cell_spanning_rows_is_written_in_each_row(tmp_path):
    """'<td rowspan="2">': every row keeps the header's number of cells (the table went on)."""
    html = ("<main><table><tr><th>Dép.</th><th>Territoire</th><th>Note</th></tr>"
            "<tr><td rowspan='3'>Orne</td><td>Alpha</td><td rowspan='2'>x</td></tr>"
            "<tr><td>Beta</td></tr><tr><td>Gamma</td><td>y</td></tr>"
            "<tr><td>Aisne</td><td>Delta</td><td>z</td></tr></table></main>")
    assert read(tmp_path, "c.html", html.encode()).text == (
        "Dép. | Territoire | Note\nOrne | Alpha | x\nOrne | Beta | x\nOrne | Gamma | y\nAisne | Delta | z")


def test_html_cell_of_several_lines_stays_on_its_row(tmp_path):
    """'<td>CC A<br>CC B</td>', a <ul> or a <p> each: the cell's lines parted by " ; " on the row's
    line ("(63)" alone on its line stays with its value); a page laid out in a table keeps its lines."""
    html = ("<main><table><tr><th>Territoire</th><th>Dép.</th><th>EPCI</th></tr>"
            "<tr><td>Alpha</td><td>Puy-de-Dôme<br>(63)</td><td>CC A<br>CC B</td></tr>"
            "<tr><td>Beta</td><td>Ain</td><td><ul><li>CA C</li></ul></td></tr>"
            "<tr><td>Gamma</td><td>Ardèche</td><td><p>CC D</p><p>CC E</p></td></tr></table></main>")
    assert read(tmp_path, "c.html", html.encode()).text == (
        "Territoire | Dép. | EPCI\nAlpha | Puy-de-Dôme (63) | CC A ; CC B\nBeta | Ain | CA C\n"
        "Gamma | Ardèche | CC D ; CC E")
    layout = "<body><table><tr><td><p>Titre</p><p>Premier paragraphe.</p></td></tr></table></body>"
    assert read(tmp_path, "l.html", layout.encode()).text == "Titre\n\nPremier paragraphe."


def test_html_row_of_one_cell_heads_the_rows_under_it(tmp_path):
    """'<tr><th colspan="2">Ain</th></tr>' over its territories: written as a first cell of each row
    under it (an empty one in the header), so that the table stays one table; a title row above
    the header and a source row under the last row stay lines of their own."""
    html = ("<main><table><tr><td colspan='2'>Territoires labellisés</td></tr>"
            "<tr><th>Territoire</th><th>EPCI</th></tr>"
            "<tr><th colspan='2'>Ain</th></tr><tr><td>Alpha</td><td>CC A</td></tr>"
            "<tr><th colspan='2'>Isère</th></tr><tr><td>Beta</td><td>CC B</td></tr><tr><td>Gamma</td><td>CC C</td></tr>"
            "<tr><td colspan='2'>Source : ANCT</td></tr></table></main>")
    assert read(tmp_path, "g.html", html.encode()).text == (
        "Territoires labellisés\n| Territoire | EPCI\nAin | Alpha | CC A\nIsère | Beta | CC B\n"
        "Isère | Gamma | CC C\nSource : ANCT")


def test_dot_leaders_read_as_a_label_and_its_value(tmp_path):
    text = "Nom du territoire ............ Alpha\nAvant-propos . . . . . . . 3\nFin du texte...\n"
    assert read(tmp_path, "c.txt", text.encode()).text.startswith("Nom du territoire : Alpha\nAvant-propos : 3\nFin du texte...")


# (left, right) lines of a PDF page in two columns copied as text, the left one wrapped prose
TWO_PROSE_COLUMNS = [("Le préfet de la Vendée salue la labellisation", "Le programme en bref"),
                     ("pour la période 2023-2027 de trois territoires", "• 183 territoires labellisés"),
                     ("d'industrie dans le département de la", "en France"),
                     ("Vendée, qui seront accompagnés par l'État et", ""),
                     ("la Région dans leurs projets industriels.", "Contact presse"),
                     ("", "Bureau de la communication")]


def test_two_prose_columns_of_a_pdf_copied_as_text_are_read_one_after_the_other(tmp_path):
    rows = TWO_PROSE_COLUMNS
    text = "\n".join((left.ljust(50) + right).rstrip() for left, right in rows) + "\n"
    assert read(tmp_path, "c.txt", text.encode()).text == "\n".join(
        [left for left, _ in rows[:5]] + ["", "", "Le programme en bref", "• 183 territoires labellisés",
                                          "en France", "", "Contact presse", "Bureau de la communication"]) + "\n"


def test_a_table_copied_from_a_pdf_keeps_its_rows(tmp_path):
    rows = [("Territoire", "Département"), ("Bocage Vendéen", "Vendée"), ("Vendée Grand Sud", "Vendée"),
            ("Vendée-Centre", "Vendée"), ("Saint-Nazaire Loire Estuaire", "Loire-Atlantique"),
            ("Ancenis-Châteaubriant", "Loire-Atlantique")]
    text = "\n".join(left.ljust(40) + right for left, right in rows) + "\n"
    assert read(tmp_path, "c.txt", text.encode()).text == text


def test_two_lists_side_by_side_are_read_one_after_the_other_a_marked_table_keeps_its_rows(tmp_path):
    """"Cher      Indre" over "- CC A      - CC B" rows: each column is a list under its heading.
    A marked name beside an unmarked cell ("- Bourges      Cher") is a table's row, kept."""
    rows = [("Cher", "Indre"), ("- CA Bourges Plus", "- CA Châteauroux Métropole"),
            ("- CC Vierzon-Sologne-Berry", "- CC du Pays d'Issoudun"), ("", "- CC Champagne Boischauts")]
    text = "\n".join((left.ljust(40) + right).rstrip() for left, right in rows) + "\n"
    assert read(tmp_path, "c.txt", text.encode()).text.split("\n") == [
        "Cher", "- CA Bourges Plus", "- CC Vierzon-Sologne-Berry", "", "", "Indre", "- CA Châteauroux Métropole",
        "- CC du Pays d'Issoudun", "- CC Champagne Boischauts", ""]
    table = "\n".join(left.ljust(40) + right for left, right in [
        ("- Bourges", "Cher"), ("- Vierzon", "Cher"), ("- Châteauroux", "Indre"), ("- Issoudun", "Indre")]) + "\n"
    assert read(tmp_path, "d.txt", table.encode()).text == table


def test_a_long_table_copied_from_a_pdf_keeps_its_rows_and_two_columns_after_it_are_still_read(tmp_path):
    """Each band of gapped lines is judged once (a 5,000-row table took minutes when every line
    judged its whole band again)."""
    table = "\n".join(f"Commune {i}".ljust(40) + f"Département {i % 95}" for i in range(5000)) + "\n\n"
    rows = TWO_PROSE_COLUMNS
    prose = "\n".join((left.ljust(50) + right).rstrip() for left, right in rows) + "\n"
    text = read(tmp_path, "c.txt", (table + prose).encode()).text
    assert text.startswith(table)
    assert text[len(table):].startswith("\n".join(left for left, _ in rows[:5]))


def test_deeply_nested_html_is_read(tmp_path):
    html = b"<div>" * 3000 + b"Texte" + b"</div>" * 3000
    assert read(tmp_path, "c.html", html).text == "Texte"


def test_lists_nested_hundreds_deep_stand_at_a_bounded_indent(tmp_path):
    """500 lists nested one in another each indented their items further (264,028 characters from
    a 28 kB page, rejected past MAX_CHARACTERS): items deeper than DEEPEST_INDENT stand at its depth,
    those above it as before. Counted: the characters read."""
    from pipeline.read.html import DEEPEST_INDENT

    depth = 500
    html = ("<main>" + "<div><ul><li>Territoire d'industrie Val\n" * depth + "fin"
            + "</li></ul></div>" * depth + "</main>").encode()
    lines = read(tmp_path, "c.html", html).text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip().startswith("- ")]
    assert indents[:DEEPEST_INDENT] == list(range(0, 2 * DEEPEST_INDENT, 2))
    assert set(indents[DEEPEST_INDENT:]) == {2 * (DEEPEST_INDENT - 1)}
    assert sum(len(line) + 1 for line in lines) <= 2 * len(html)  # 264,028 characters before


# --- PDF -------------------------------------------------------------------------------------

def test_pdf_headers_footers_and_page_numbers_are_removed(tmp_path):
    data = make_pdf([["Premier paragraphe du communiqué.", "Suite du texte."],
                     ["Second paragraphe sur la page deux."]],
                    header="Préfecture de l’Aube – Communiqué de presse",
                    footer="Contact presse : 03 25 42 35 00", numbers=True)
    result = read(tmp_path, "c.pdf", data)
    assert result.format == "pdf" and result.n_pages == 2
    assert result.text == ("Premier paragraphe du communiqué.\nSuite du texte.\n\n"
                           "Second paragraphe sur la page deux.")


def test_single_page_pdf_keeps_its_first_line_but_not_its_page_number(tmp_path):
    data = make_pdf([["COMMUNIQUÉ DE PRESSE", "Troyes, le 14 novembre 2023"]], numbers=True)
    assert read(tmp_path, "c.pdf", data).text == "COMMUNIQUÉ DE PRESSE\nTroyes, le 14 novembre 2023"


def test_a_number_ending_the_body_is_not_taken_for_a_page_number(tmp_path):
    data = make_pdf([["Contact presse : 03 25 42 35", "00"]], numbers=True)
    assert read(tmp_path, "c.pdf", data).text == "Contact presse : 03 25 42 35\n00"


def test_pdf_words_hyphenated_at_line_end_are_rejoined(tmp_path):
    data = make_pdf([["en faveur de la réindus-", "trialisation, avec Romilly-",
                      "sur-Seine et Vendeuvre-", "Soulaines, pour 2023-", "2027 (contact : pref-",
                      "communication@aube.gouv.fr), porte-", "parole"]])
    assert read(tmp_path, "c.pdf", data).text == (
        "en faveur de la réindustrialisation, avec Romilly-sur-Seine et Vendeuvre-Soulaines, pour "
        "2023-2027 (contact : pref-communication@aube.gouv.fr), porteparole")  # no dictionary


def test_pdf_paragraphs_are_separated_by_a_blank_line(tmp_path):
    data = draw_pdf([[(72, 770, "COMMUNIQUÉ DE PRESSE"), (72, 740, "Premier paragraphe sur"),
                      (72, 726, "deux lignes."), (72, 700, "Second paragraphe.")]])
    assert read(tmp_path, "c.pdf", data).text == ("COMMUNIQUÉ DE PRESSE\n\nPremier paragraphe sur\n"
                                                  "deux lignes.\n\nSecond paragraphe.")


def test_pdf_bullets_without_unicode_mapping_become_bullets(tmp_path):
    # Helvetica's bullet comes out of pdfminer as "(cid:127)", Word's Symbol bullet as U+F0B7
    data = draw_pdf([[(72, 770, "Il s’agit des territoires de :"), (72, 756, "•"),
                      (86, 756, "Sud Champagne"), (72, 742, "•"), (86, 742, "Ouest Champenois")]])
    assert read(tmp_path, "c.pdf", data).text == ("Il s’agit des territoires de :\n• Sud Champagne\n"
                                                  "• Ouest Champenois")


def test_pdf_list_item_wrapped_onto_lines_is_one_line(tmp_path):
    # the rest of an item starts under its words, the next item at the bullet
    data = draw_pdf([[(72, 770, "•"), (86, 770, "Territoire d’industrie Ouest Champenois [10"),
                      (86, 756, "- Aube / 51 - Marne] regroupant les communautés de"),
                      (86, 742, "communes du Nogentais et de Seine et Aube"),
                      (72, 728, "•"), (86, 728, "Territoire d’industrie Sud Champagne [10 - Aube]")]])
    assert read(tmp_path, "c.pdf", data).text == (
        "• Territoire d’industrie Ouest Champenois [10 - Aube / 51 - Marne] regroupant les "
        "communautés de communes du Nogentais et de Seine et Aube\n"
        "• Territoire d’industrie Sud Champagne [10 - Aube]")


def test_pdf_list_and_sentence_go_on_across_the_page_break(tmp_path):
    data = draw_pdf([[(72, 770, "Les territoires sont :"), (72, 744, "• Sud Champagne"),
                      (72, 730, "• Ouest Champenois"), (290, 30, "1")],
                     [(72, 770, "• Nord Ardennes"), (72, 744, "Le territoire regroupe les communes du"),
                      (72, 730, "Nogentais."), (290, 30, "2")],
                     [(72, 770, "Fin du communiqué."), (290, 30, "3")]])
    assert read(tmp_path, "c.pdf", data).text == (
        "Les territoires sont :\n\n• Sud Champagne\n• Ouest Champenois\n• Nord Ardennes\n\n"
        "Le territoire regroupe les communes du\nNogentais.\n\nFin du communiqué.")


TWO_COLUMNS = [(72, 780, "Deux territoires labellisés dans le département de l’Aube en 2023"),
               (72, 750, "Le Territoire d’industrie de l’Ouest"),
               (72, 736, "Champenois regroupe les communautés"),
               (72, 722, "de communes du Nogentais et de Seine"),
               (72, 708, "et Aube, autour de Nogent-sur-Seine."),
               (310, 750, "Le Territoire d’industrie du Sud"),
               (310, 736, "Champagne regroupe la communauté"),
               (310, 722, "d’agglomération de Troyes Champagne"),
               (310, 708, "Métropole et le Pays d’Othe."),
               (72, 680, "Ces deux territoires rejoignent les 21 territoires labellisés du Grand Est.")]


def test_pdf_two_column_band_is_read_column_by_column(tmp_path):
    assert read(tmp_path, "c.pdf", draw_pdf([TWO_COLUMNS])).text == (
        "Deux territoires labellisés dans le département de l’Aube en 2023\n\n"
        "Le Territoire d’industrie de l’Ouest\nChampenois regroupe les communautés\n"
        "de communes du Nogentais et de Seine\net Aube, autour de Nogent-sur-Seine.\n\n"
        "Le Territoire d’industrie du Sud\nChampagne regroupe la communauté\n"
        "d’agglomération de Troyes Champagne\nMétropole et le Pays d’Othe.\n\n"
        "Ces deux territoires rejoignent les 21 territoires labellisés du Grand Est.")


def test_pdf_table_of_short_cells_stays_row_by_row(tmp_path):
    rows = [("Nord Ardennes", "08"), ("Sud Champagne", "10"), ("Grand Reims", "51"),
            ("Pays de Châlons", "51")]
    data = draw_pdf([[(x, 770 - 14 * i, cell) for i, row in enumerate(rows)
                      for x, cell in zip((72, 300), row)]])
    assert read(tmp_path, "c.pdf", data).text == ("Nord Ardennes 08\nSud Champagne 10\n"
                                                  "Grand Reims 51\nPays de Châlons 51")


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs the DejaVu Sans font for ligature glyphs")
def test_pdf_ligatures_and_non_breaking_spaces_are_normalised(tmp_path):
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    data = make_pdf([["La di\ufb03culté a\ufb00ecte l’\ufb01lière\u00a0: 100\u202f%"]],
                    font="DejaVuSans")
    assert read(tmp_path, "c.pdf", data).text == "La difficulté affecte l’filière : 100 %"


def test_encrypted_pdf_is_rejected(tmp_path):
    data = make_pdf([["Texte confidentiel"]], encrypt="secret")
    with pytest.raises(ReadError, match="encrypted") as caught:
        read(tmp_path, "c.pdf", data)
    assert "unprotected copy" in caught.value.reason


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated_pdf_is_rejected(tmp_path, cut):
    data = make_pdf([["Premier paragraphe."], ["Second paragraphe."]])
    with pytest.raises(ReadError, match="could not be parsed as a PDF"):
        read(tmp_path, "c.pdf", data[:int(len(data) * cut)])


def test_pdf_whose_text_layer_is_unmapped_glyphs_needs_ocr(tmp_path):
    with pytest.raises(ReadError, match="unreadable.*needs OCR"):
        read(tmp_path, "c.pdf", draw_pdf([[(72, 770, "•" * 40)]]))


def test_pdf_without_text_needs_ocr(tmp_path):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.rect(100, 100, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(ReadError, match="OCR"):
        read(tmp_path, "c.pdf", buffer.getvalue())


# --- any input -------------------------------------------------------------------------------

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçôœABCDEÉ.,;:'’", min_size=1, max_size=10)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strings=st.lists(st.tuples(st.integers(0, 560), st.integers(0, 830),
                                  st.lists(WORD, min_size=1, max_size=10).map(" ".join)),
                        min_size=1, max_size=40))
@example(strings=[(0, 0, ": ..:"), (0, 0, "..")])  # found by the suite on 2026-12-07: a leader drawn over
def test_any_pdf_layout_keeps_every_letter_once(tmp_path, strings):
    """Columns, regions and paragraph joins may reorder text, never drop or repeat it. Dots and
    colons are left out of the count: strings drawn over each other can join into a dot leader
    ("…:..:.."), which every reader writes as " : " on purpose (read.with_leaders_as_colons)."""
    text = read(tmp_path, "c.pdf", draw_pdf([strings])).text
    expected = Counter(c for _, _, string in strings for c in string if not c.isspace() and c not in ".:")
    assert Counter(c for c in text if not c.isspace() and c not in ".:") == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000),
                      st.text(max_size=500).map(str.encode),
                      st.binary(max_size=500).map(lambda junk: b"%PDF-1.4\n" + junk),
                      st.binary(max_size=500).map(lambda junk: b"<html><body>" + junk)),
       extension=st.sampled_from(sorted(SUPPORTED_FORMATS)))
def test_any_bytes_give_a_result_or_a_read_error(tmp_path, data, extension):
    try:
        result = read(tmp_path, f"fuzz{extension}", data)
    except ReadError as error:
        assert error.reason and "Traceback" not in error.reason
    else:
        assert result.format == SUPPORTED_FORMATS[extension] and result.text.strip()
