"""Turning a communiqué file (txt, md, pdf, html) into the clean text every extractor works on.

Extraction offsets index `ReadResult.text`, so each reader decides once what "the text" is:

* txt  - decoded exactly as written (only the BOM is dropped and line endings become "\\n"): gold
         annotations quote the raw text with its double spaces and line breaks.
* md   - the same decoding, then Markdown markup removed; lines and "- " list items stay.
* html - the main content only, blocks separated by blank lines, <li> items as "- item" lines.
* pdf  - the text layer of each page without running headers, footers and page numbers, words
         hyphenated at a line end rejoined, pages separated by a blank line.

Files larger than MAX_FILE_BYTES (20 MB) are refused before any parsing: a press release is a few
pages, so a bigger file is a wrong file or a PDF full of images, and parsing it would only cost time
and memory. Every failure is a ReadError whose reason says what is wrong and what to do.
"""

from __future__ import annotations

import codecs
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag
from charset_normalizer import from_bytes
from pdfminer.pdfdocument import PDFEncryptionError

SUPPORTED_FORMATS: dict[str, str] = {".txt": "txt", ".md": "md", ".pdf": "pdf", ".html": "html",
                                     ".htm": "html"}
MAX_FILE_BYTES: int = 20 * 1024 * 1024


@dataclass(frozen=True)
class ReadResult:
    """A readable document: its clean text (what offsets index), format and page count (PDF)."""

    text: str
    format: str
    n_pages: int | None


class ReadError(Exception):
    """Raised with a reason a person can act on: which problem, what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_document(path: Path, data: bytes) -> ReadResult:
    """Decode `data` (the bytes of `path`; the extension of `path` picks the format). Raises ReadError."""
    suffix = path.suffix.lower()
    fmt = SUPPORTED_FORMATS.get(suffix)
    if fmt is None:
        found = f"unsupported file type '{suffix}'" if suffix else "file has no extension"
        raise ReadError(f"{found}; supported types are "
                        f"{', '.join(sorted(SUPPORTED_FORMATS))}: convert the document to one of "
                        "them (or give it the right extension)")
    if len(data) > MAX_FILE_BYTES:
        raise ReadError(f"file is too large ({_size(len(data))}, the limit is "
                        f"{_size(MAX_FILE_BYTES)}); check that it is the right file, or reduce it "
                        "(e.g. export the PDF without images)")
    if not data.strip():
        raise ReadError("file is empty; export the communiqué again or remove the file")
    try:
        if fmt == "pdf":
            return _read_pdf(data)
        text = _decode(data)
        if fmt == "md":
            text = _strip_markdown(text)
        elif fmt == "html":
            text = _html_main_text(text)
    except ReadError:
        raise
    except Exception as error:  # the promise is "only ReadError", whatever a parser does
        detail = f"{type(error).__name__}: {error}"[:200]
        raise ReadError(f"unexpected error while reading this {fmt} file ({detail}); "
                        "please report the file to the pipeline maintainers") from None
    if not text.strip():
        raise ReadError(f"file has no text once its {fmt} markup is removed; check that it is the "
                        "communiqué itself (a page filled in by JavaScript has no text: save the "
                        "rendered page or the PDF instead)")
    return ReadResult(text=text, format=fmt, n_pages=None)


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1024 / 1024:.1f} MB" if n_bytes >= 1024 * 1024 else f"{n_bytes} bytes"


# --- text decoding (txt, md, html) -----------------------------------------------------------

# C0/C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which a decoded file is binary data rather than text.
_BINARY_CONTROL_SHARE = 0.01


def _decode(data: bytes) -> str:
    """Bytes as text: strict UTF-8 (with or without BOM) first, else Windows-1252/Latin-1.

    charset-normalizer is limited to the two legacy encodings French files come in; on anything
    else it finds no plausible decoding, which is how binary data is recognised. Line endings
    become "\\n"; nothing else changes.
    """
    if data.startswith(b"%PDF-"):  # may well be 7-bit clean, so it would pass for text
        raise ReadError("file is a PDF, not text; give it the .pdf extension")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_or_none(data, "utf-16")  # Notepad's "Unicode": unambiguous with its BOM
    else:
        text = _decode_or_none(data, "utf-8-sig")
        if text is None:
            match = from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
            text = None if match is None else data.decode(match.encoding)
    if text is None or len(_CONTROL.findall(text)) > len(text) * _BINARY_CONTROL_SHARE:
        raise ReadError("file looks like binary data, not text (it is neither UTF-8, Windows-1252 "
                        "nor Latin-1 text); check that it is a text export and not a renamed "
                        "document (Word, image, archive)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("file is empty; export the communiqué again or remove the file")
    return text


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


# --- Markdown --------------------------------------------------------------------------------

_NOT_BLANK_LINE = r"(?:(?!\n[ \t]*\n)[\s\S])"  # emphasis may wrap lines, never paragraphs
# (pattern, replacement) in order: code and links before emphasis, so that their content is not
# taken for markup; rules and bullets before emphasis, so that "* * *" and "* item" stay intact.
_MARKDOWN_RULES = [
    (re.compile(r"^ {0,3}(?:`{3,}|~{3,}).*$", re.M), ""),                  # code fences
    (re.compile(r"`([^`\n]+)`"), r"\1"),                                    # inline code
    (re.compile(r"!\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])"), ""),    # images
    (re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)"), r"\1"),  # [text](url "t")
    (re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]"), r"\1"),                 # [text][ref]
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*$", re.M), ""),             # [ref]: url
    (re.compile(r"<((?:https?|ftp)://[^\s<>]+|mailto:[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>"), r"\1"),
    (re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # headings
    (re.compile(r"^ {0,3}([-*_=])[ \t]*(?:\1[ \t]*){2,}$", re.M), ""),      # rules, underlines
    (re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+", re.M), ""),                     # block quotes
    (re.compile(r"^([ \t]*)[*+](?=[ \t])", re.M), r"\1-"),                  # bullets become "-"
    (re.compile(rf"(?<!\\)\*\*(?=\S)((?:(?!\*\*){_NOT_BLANK_LINE})+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(rf"(?<![\w\\])__(?=\S)((?:(?!__){_NOT_BLANK_LINE})+?)(?<=\S)__(?!\w)"), r"\1"),
    (re.compile(rf"(?<![\\*])\*(?=[^\s*])((?:(?!\*){_NOT_BLANK_LINE})+?)(?<=\S)\*"), r"\1"),
    (re.compile(rf"(?<![\w\\])_(?=[^\s_])((?:(?!_){_NOT_BLANK_LINE})+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),                   # backslash escapes
]


def _strip_markdown(text: str) -> str:
    """Markdown as plain text with the same lines: markup gone, list items kept as "- item"."""
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text


# --- HTML ------------------------------------------------------------------------------------

_NOISE_TAGS = ["script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg"]
_FRAME_TAGS = ["header", "footer"]
_NOISE_NAME = re.compile(r"(?<![a-z])(?:cookie|banner|breadcrumb|menu|nav|footer|header|share|"
                         r"social)", re.I)
_CONTENT_TAGS = ["main", "article", "h1"]  # an element holding one of these is never noise
_BLOCK_TAGS = {"address", "article", "blockquote", "body", "caption", "dd", "details", "dialog",
               "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3",
               "h4", "h5", "h6", "header", "hgroup", "hr", "html", "main", "ol", "p", "pre",
               "section", "summary", "table", "ul"}
_LINE_TAGS = {"tr"}
_CELL_TAGS = {"td", "th"}
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _html_main_text(html: str) -> str:
    """The page's main content as text; site chrome (menus, banners, footers) is left out."""
    soup = BeautifulSoup(html, "lxml")
    for tag in _noise(soup):
        tag.decompose()
    articles = soup.find_all("article")
    root = (soup.find("main")
            or max(articles, key=lambda a: len(a.get_text()), default=None)
            or soup.body or soup)
    return _render(root)


def _noise(soup: BeautifulSoup) -> list[Tag]:
    """Outermost noise elements; a noise element's subtree is not visited (each tag seen once)."""
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
            is_frame = child.name in _FRAME_TAGS or _NOISE_NAME.search(label)
            if child.name in _NOISE_TAGS or (is_frame and child.name not in ("html", "body")
                                             and id(child) not in holds_content):
                found.append(child)
            else:
                stack.append(child)
    return found


def _render(root: Tag) -> str:
    """Text of `root`: blocks apart by a blank line, rows and items on their own line.

    Walks the tree with an explicit stack (pages can nest deeper than Python's recursion limit)
    and merges adjacent breaks, so "</p><p>" gives one blank line and "</li><li>" one newline.
    """
    out: list[str] = []
    pending_break = 0  # 0 none, 1 newline, 2 blank line
    bullet = False  # a "- " is owed to the next text (we are at the start of a list item)
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]  # node, closing, in a <li>
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
                out.append("- ")
                bullet = False
            out.append(text)
            continue
        name = node.name
        if name == "br":
            pending_break = max(pending_break, 1)
        elif name == "li":
            pending_break = max(pending_break, 1)
            bullet = not closing
        elif name in _BLOCK_TAGS:
            pending_break = max(pending_break, 1 if in_item else 2)
        elif name in _LINE_TAGS:
            pending_break = max(pending_break, 1)
        elif name in _CELL_TAGS and closing:
            out.append(" ")
        if not closing:
            in_item = in_item or name == "li"
            stack.append((node, True, in_item))
            stack.extend((child, False, in_item) for child in reversed(node.contents))
    lines = (re.sub(r" {2,}", " ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(lines).strip("\n")


# --- PDF -------------------------------------------------------------------------------------

_EDGE_LINES = 3  # lines at the top and at the bottom of a page where headers and footers live
_PAGE_NUMBER = re.compile(r"(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*(?:(?:/|sur|of)\s*\d{1,3})?"
                          r"\s*[-–—]?", re.I)
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]\n(?=(\S+))")


def _read_pdf(data: bytes) -> ReadResult:
    """Text of each page, cleaned, pages apart by a blank line.

    pdfplumber's word extraction already turns ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) into letters and every
    Unicode space (no-break, narrow no-break) into a plain space between words.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text(x_tolerance=1.5, expand_ligatures=True) or ""
                     for page in pdf.pages]
    except Exception as error:
        if _caused_by_encryption(error):
            raise ReadError("PDF is encrypted (password-protected), so its text cannot be read; "
                            "provide an unprotected copy") from None
        raise ReadError("file could not be parsed as a PDF (it is corrupt or truncated); "
                        "download or export it again") from None
    if not pages:
        raise ReadError("PDF has no pages; download or export it again")
    if not any(page.strip() for page in pages):
        raise ReadError("PDF has no text layer, needs OCR (it is a scan or an image); run OCR on it "
                        "or provide a text version")
    page_lines = _drop_page_furniture([page.split("\n") for page in pages])
    texts = (_rejoin_hyphenated("\n".join(lines)) for lines in page_lines)
    text = "\n\n".join(t for t in texts if t.strip())
    if not text.strip():
        raise ReadError("PDF has only page headers, footers and numbers, no body text; check that "
                        "it is the communiqué itself")
    return ReadResult(text=text, format="pdf", n_pages=len(pages))


def _caused_by_encryption(error: Exception) -> bool:
    """pdfplumber wraps pdfminer's errors: look at the wrapped one too."""
    related = [error, *error.args, error.__cause__, error.__context__]
    return any(isinstance(e, PDFEncryptionError) for e in related)


def _edges(lines: list[str]) -> set[int]:
    indices = range(len(lines))
    return set(indices[:_EDGE_LINES]) | set(indices[-_EDGE_LINES:])


def _furniture_key(line: str) -> str:
    """Digits masked, so "Page 1 sur 2" and "Page 2 sur 2" count as the same running line."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _drop_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines repeated at the top or bottom of 2+ pages, and page numbers at either end.

    Only a page's first and last lines are candidates, so a body line is never removed for
    looking like a number or for being repeated in the middle of the text.
    """
    counts = Counter(key for lines in pages
                     for key in {_furniture_key(lines[i]) for i in _edges(lines)} if key)
    repeated = {key for key, count in counts.items() if count >= 2}
    kept = []
    for lines in pages:
        edges = _edges(lines)
        kept.append([line for i, line in enumerate(lines)
                     if not (i in edges and (_furniture_key(line) in repeated
                                             or _PAGE_NUMBER.fullmatch(line.strip())))])
    return kept


def _rejoin_hyphenated(text: str) -> str:
    """ "réindus-\\ntrialisation" -> "réindustrialisation", only when the line goes on in lower case.

    A continuation holding a hyphen itself ("Romilly-\\nsur-Seine") is a compound name cut at its
    own hyphen: that line break is left alone.
    """
    def join(match: re.Match) -> str:
        rest = match.group(1)
        return "" if rest[0].islower() and "-" not in rest else match.group(0)

    return _LINE_END_HYPHEN.sub(join, text)
