"""HTML: the main content only, blocks separated by blank lines, <li> items as "- item" lines.

Left out: site chrome (menus, banners, footers, consent tools: by tag, ARIA role, id or class)
and what a browser does not show: elements with the `hidden` attribute, `aria-hidden="true"`,
or an inline style `display: none` or `visibility: hidden`. Hidden text is not what the
publisher says, and may be there to mislead (issue 18).

trafilatura was measured against this reader on every HTML fixture (README, "HTML pages"): it
dropped the territory list of a préfecture page without <main>, so this reader is kept.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

_NOISE_TAGS = ["script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg",
               "button"]
_FRAME_TAGS = ["header", "footer"]
# ARIA landmarks of site chrome, and ids or classes naming it (French sites' consent managers
# included: tarteaucitron, Didomi, Axeptio); a saved page keeps what scripts inserted.
_NOISE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog",
                "alertdialog"}
_NOISE_NAME = re.compile(r"(?<![a-z])(?:cookie|consent|tarteaucitron|didomi|axeptio|banner|"
                         r"breadcrumb|skiplink|menu|nav|footer|header|share|social)", re.I)
_CONTENT_TAGS = ["main", "article", "h1"]  # an element holding one of these is never noise
# An inline style that hides the element: "display: none", "visibility:hidden !important"...
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*"
                           r"(?:!\s*important\s*)?(?:;|$)", re.I)
_BLOCK_TAGS = {"address", "article", "blockquote", "body", "caption", "dd", "details", "dialog",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3",
               "h4", "h5", "h6", "header", "hgroup", "hr", "html", "main", "ol", "p", "pre",
               "section", "summary", "table", "ul"}
_LINE_TAGS = {"tr"}
_CELL_TAGS = {"td", "th"}
CELL_SEPARATOR = " | "
# A sub-list's items stand indented under their item ("- Nouveaux territoires" / "  - Nord
# Lozère"), as in Markdown, so that a group label is not read as one more item; written as a
# control character until the lines are trimmed.
_INDENT = "\x01"
# Deeper sub-lists stand at this depth: a page of hundreds of nested lists grew as the square of
# its depth (500 levels: 264,028 characters of indentation from a 28 kB page, past MAX_CHARACTERS);
# no page read nests more than two.
DEEPEST_INDENT = 16
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def html_main_text(html: str) -> str:
    """The page's main content as text; site chrome (menus, banners, footers) is left out."""
    root = main_element(html)
    _definition_lists_as_fields(root)
    _cell_lines_joined(root)
    _spanned_cells_repeated(root)
    _group_rows_filled_down(root)
    return _render(root)


_MAX_ROW_SPAN = 50
# One empty document makes the tags the reader inserts (a parser built for each tag was work repeated
# on every row of a long table).
_TAG_MAKER = BeautifulSoup("", "lxml")


def _new_tag(name: str) -> Tag:
    return _TAG_MAKER.new_tag(name)


# A data table's cell holding several values, one a line ("CC A<br>CC B", a <p> or <li> each):
# values of a few words each, not paragraphs of a layout table's page.
_MAX_CELL_LINE_WORDS = 25
_MAX_CELL_LINES = 60
CELL_PART_SEPARATOR = " ; "
# A cell's line ending where no name ends, on a spaced dash or a joining word ("Châteauroux –
# Buzançais –<br>Argenton", "Communauté de communes du<br>Pays de X"): the name goes on under it.
_CELL_LINE_CUT = re.compile(r"(?:\s[–—-]|\s(?:et|de|du|des|la|le|les|en|sur|à)|\sd['’]|\sl['’]|/)$")


def _own_rows(table: Tag) -> list[Tag]:
    """The rows of a table, not those of a table nested in one of its cells."""
    return [row for row in table.find_all("tr") if row.find_parent("table") is table]


def _is_data_table(rows: list[Tag]) -> bool:
    """At least two rows of several cells: a table of data, not a page laid out in a table."""
    return sum(len(row.find_all(_CELL_TAGS, recursive=False)) >= 2 for row in rows) >= 2


def _cell_lines_joined(root: Tag) -> None:
    """The lines of a data table's cell ('<td>CC A<br>CC B</td>', a <ul> of members, a <p> each)
    written on the row's line, parted by " ; " as a cell of values written in one line is: a line
    break inside a cell cut its row in two, and the rows after it were no longer read as the
    table's (a stated count then met a list of one row). Cells holding a table, a heading or a
    line longer than a value (a layout's paragraphs) keep their lines; "(63)" alone on its line
    stays with the value it glosses."""
    for table in root.find_all("table"):
        rows = _own_rows(table)
        if not _is_data_table(rows):
            continue
        for row in rows:
            for cell in row.find_all(_CELL_TAGS, recursive=False):
                if not cell.find(["br", "li", *_BLOCK_TAGS]) or cell.find(["table", "h1", "h2", "h3", "h4", "h5", "h6"]):
                    continue
                lines = [re.sub(r"^-\s+", "", line.strip()) for line in _render(cell).split("\n")]
                lines = [line for line in lines if line]
                if len(lines) > _MAX_CELL_LINES or any(len(line.split()) > _MAX_CELL_LINE_WORDS for line in lines):
                    continue
                value = ""
                for line in lines:
                    joined = line.startswith("(") or _CELL_LINE_CUT.search(value)
                    value += (" " if joined else CELL_PART_SEPARATOR) + line if value else line
                cell.clear()
                cell.append(value)


def _group_rows_filled_down(root: Tag) -> None:
    """A data table's row of one cell between its rows ('<tr><td colspan="3">Ain</td></tr>' over
    the Ain's territories) heads the rows under it, up to the next such row: written as a first
    cell of each of them (an empty one in the rows above the first group and in the header), as a
    cell spanning those rows is, so that the table stays one table of as many rows as it lists. A
    row of one cell before the table's first row of several (its title) or after its last (a
    source, a total) is left as it is."""
    for table in root.find_all("table"):
        rows = _own_rows(table)
        if not _is_data_table(rows):
            continue
        widths = [len(row.find_all(_CELL_TAGS, recursive=False)) for row in rows]
        wide = [index for index, width in enumerate(widths) if width >= 2]
        groups = {index for index in range(wide[0] + 1, wide[-1]) if widths[index] == 1}
        if not groups:
            continue
        label = None
        for index in range(wide[0], wide[-1] + 1):
            row = rows[index]
            if index in groups:
                label = _HTML_SPACE.sub(" ", row.get_text()).strip()
                row.decompose()
                continue
            if widths[index] < 2:
                continue
            first = row.find(_CELL_TAGS, recursive=False)
            cell = _new_tag(first.name if label is None else "td")
            cell.string = label or ""
            first.insert_before(cell)


def _spanned_cells_repeated(root: Tag) -> None:
    """A cell spanning rows ('<td rowspan="2">Amiénois</td>' beside two members) written again in
    each row it spans, so that every row keeps as many cells as the header: a row short of one was
    no row of the table, and the table stopped there."""
    for table in root.find_all("table"):
        pending: dict[int, tuple[Tag, int]] = {}  # column -> (cell, rows still to fill)
        for row in table.find_all("tr"):
            if row.find_parent("table") is not table:
                continue  # a nested table's rows are its own
            cells = row.find_all(_CELL_TAGS, recursive=False)
            column, index, placed = 0, 0, []
            while index < len(cells) or column in pending:
                if column in pending:
                    cell, left = pending.pop(column)
                    copy = _new_tag(cell.name)
                    copy.string = cell.get_text()
                    placed.append((index, copy))
                    if left > 1:
                        pending[column] = (cell, left - 1)
                else:
                    cell = cells[index]
                    span = cell.get("rowspan", "1")
                    span = int(span) if str(span).isdigit() else 1
                    if span > 1:
                        pending[column] = (cell, min(span, _MAX_ROW_SPAN) - 1)
                    index += 1
                column += 1
            for position, copy in reversed(placed):  # before the cell that stood at that place
                if position < len(cells):
                    cells[position].insert_before(copy)
                else:
                    row.append(copy)


# A <dt> that labels a field: a few words, no question ("Intercommunalités", "Savoir-faire").
_MAX_TERM_WORDS = 6


def _definition_lists_as_fields(root: Tag) -> None:
    """'<dt>Intercommunalités</dt><dd>A</dd><dd>B</dd>': a record's field, written as the line
    "Intercommunalités : A ; B" so that the label is read as a label and its values as parts,
    not as names of their own. A FAQ's <dl> (questions, answers in paragraphs) and key figures
    ("<dt>Industriels associés</dt><dd>6</dd>") are left as they are."""
    for definitions in root.find_all("dl"):
        terms = definitions.find_all("dt", recursive=False)
        values = definitions.find_all("dd", recursive=False)
        if not terms or any(_term_text(t).endswith("?") or len(_term_text(t).split()) > _MAX_TERM_WORDS
                            for t in terms) or any(v.find(_BLOCK_TAGS | {"li"}) or v.get_text().strip()[:1].isdigit()
                                                   for v in values):
            continue
        lines, term, parts = [], None, []
        for child in definitions.find_all(["dt", "dd"], recursive=False):
            if child.name == "dt":
                if term is not None:
                    lines.append((term, parts))
                term, parts = _term_text(child).rstrip(" :"), []
            else:
                parts.append(_HTML_SPACE.sub(" ", child.get_text()).strip())
        if term is not None:
            lines.append((term, parts))
        block = _new_tag("p")  # one block, a line per field
        for index, (label, found) in enumerate(lines):
            if index:
                block.append(_new_tag("br"))
            block.append(f"{label} : {' ; '.join(p for p in found if p)}")
        definitions.replace_with(block)


def _term_text(term: Tag) -> str:
    return _HTML_SPACE.sub(" ", term.get_text()).strip()


def main_element(html: str) -> Tag:
    """The element holding the page's main content, chrome and hidden elements removed: <main>,
    else the longest <article>, else the body."""
    soup = BeautifulSoup(html, "lxml")
    for tag in _noise(soup):
        tag.decompose()
    articles = soup.find_all("article")
    return (soup.find("main")
            or max(articles, key=lambda a: len(a.get_text()), default=None)
            or soup.body or soup)


def _hidden(tag: Tag) -> bool:
    """Whether a browser hides the element (and so everything in it) from readers."""
    return (tag.has_attr("hidden") or (tag.get("aria-hidden") or "").strip().lower() == "true"
            or bool(_HIDING_STYLE.search(tag.get("style") or "")))


def _noise(soup: BeautifulSoup) -> list[Tag]:
    """Outermost noise elements, hidden ones included; a noise element's subtree is not visited
    (each tag seen once)."""
    holds_content = set()  # ids of content tags and their ancestors: never noise
    for tag in soup.find_all(_CONTENT_TAGS):
        for holder in (tag, *tag.parents):
            if id(holder) in holds_content:
                break
            holds_content.add(id(holder))
    found, stack = [], [soup]
    while stack:
        for child in stack.pop().children:
            if not isinstance(child, Tag):
                continue
            label = " ".join([child.get("id") or "", *(child.get("class") or [])])
            is_frame = (child.name in _FRAME_TAGS or child.get("role") in _NOISE_ROLES
                        or _NOISE_NAME.search(label))
            if child.name in _NOISE_TAGS or _hidden(child) or (
                    is_frame and child.name not in ("html", "body") and id(child) not in holds_content):
                found.append(child)
            else:
                stack.append(child)
    return found


def _render(root: Tag) -> str:
    """Text of what `root` holds: blocks apart by a blank line, rows and items on their own line.

    Walks the tree with an explicit stack (pages can nest deeper than Python's recursion limit)
    and merges adjacent breaks, so "</p><p>" gives one blank line and "</li><li>" one newline.
    """
    out: list[str] = []
    pending_break = 0  # 0 none, 1 newline, 2 blank line
    bullet = 0  # a "- " is owed to the next text, at this list depth (start of a list item)
    # node, closing, <li> depth; the root's children only (a cell rendered alone is no next cell)
    stack: list[tuple[object, bool, int]] = [(child, False, 0) for child in reversed(root.contents)]
    while stack:
        node, closing, in_item = stack.pop()
        if isinstance(node, NavigableString):
            if isinstance(node, PreformattedString):  # comments, doctype, CDATA
                continue
            text = _HTML_SPACE.sub(" ", str(node))
            if not text.strip():
                if out and not pending_break:
                    out.append(" ")
                continue
            if out and pending_break:
                out.append("\n" * pending_break)
            pending_break = 0
            if bullet:
                out.append(_INDENT * (min(bullet, DEEPEST_INDENT) - 1) + "- ")
                bullet = 0
            out.append(text)
            continue
        name = node.name
        if name == "br":
            pending_break = max(pending_break, 1)
        elif name == "li":
            pending_break = max(pending_break, 1)
            bullet = 0 if closing else in_item + 1
        elif name in _BLOCK_TAGS:
            pending_break = max(pending_break, 1 if in_item else 2)
        elif name in _LINE_TAGS:
            pending_break = max(pending_break, 1)
        elif name in _CELL_TAGS and closing:
            out.append(" ")
        elif name in _CELL_TAGS and node.find_previous_sibling(_CELL_TAGS):
            if out and pending_break:  # after an empty first cell, on the row's own line
                out.append("\n" * pending_break)
                pending_break = 0
            out.append(CELL_SEPARATOR)  # cells stay apart: "Nord Cotentin | CA du Cotentin | 200067205"
        if not closing:
            in_item += name == "li"
            stack.append((node, True, in_item))
            stack.extend((child, False, in_item) for child in reversed(node.contents))
    lines = (re.sub(r" {2,}", " ", line).strip().replace(_INDENT, "  ") for line in "".join(out).split("\n"))
    return "\n".join(lines).strip("\n")
