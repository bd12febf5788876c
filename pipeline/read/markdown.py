"""Markdown: the text file's decoding, then the markup removed; lines and "- " list items stay."""

from __future__ import annotations

import re

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


def strip_markdown(text: str) -> str:
    """Markdown as plain text with the same lines: markup gone, list items kept as "- item"."""
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text
