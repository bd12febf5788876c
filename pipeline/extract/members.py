"""Member intercommunalités (EPCIs) named in a communiqué.

Rules (ids in the `rule` column):
- epci.member_list    the list after "regroupant", "composé de", ... A legal-form head
                      ("les communautés de communes") is distributed over the coordinated names
                      that follow it: "de Vendeuvre-Soulaines, du Chaourçois et du Val d'Armance"
                      is split where the parts are real EPCIs of the referential (one of them
                      contains "et"), by dynamic programming over the ", " and " et " joints.
- epci.head_mention   a head followed by a capitalised name anywhere else in the text
                      ("la communauté de communes du Grand Autunois Morvan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import referential
from pipeline.linking import ACCEPT_SCORE, Link, link_epci
from pipeline.normalize import fold

MEMBER_TRIGGER = (r"(?:regroupant|regroupe|compos[ée]e?s?\s+(?:de|des|du)|comprenant|comprend"
                  r"|r[ée]unissant|r[ée]unit|associant|associe|rassemblant|rassemble|f[ée]d[èée]re"
                  r"|constitu[ée]e?\s+(?:de|des|du)|form[ée]e?\s+(?:de|des|du|par)|couvrant|couvre"
                  r"|englobant|englobe|port[ée]e?\s+par)")
HEAD = re.compile(
    r"(?:(?:la|les|une|des|l['’])\s*)?"
    r"(?:(?i:communaut[ée]s?\s+de\s+communes)|(?i:communaut[ée]s?\s+d['’]\s*agglom[ée]rations?)"
    r"|(?i:communaut[ée]s?\s+urbaines?)|(?i:(?<=la\s)m[ée]tropole|(?<=les\s)m[ée]tropoles)"
    r"|\bCC\b|\bCA\b|\bCU\b)")
HEAD_TYPES = [("agglom", "CA"), ("urbaine", "CU"), ("tropole", "METRO"), ("communes", "CC"),
              ("cc", "CC"), ("ca", "CA"), ("cu", "CU")]
JOINT = re.compile(r"\s*,\s*(?:et\s+)?|\s+et\s+")
MAX_PARTS_PER_NAME = 4
# A connector between two groups: "... Métropole et les communautés de communes de ..."
GROUP_CONNECTOR = re.compile(r"[\s,;]*(?:\bet\b)?[\s,]*(?:(?:la|les|une|des|l['’])\s*)?$",
                             re.IGNORECASE)


@dataclass
class EpciMention:
    start: int
    end: int
    link: Link
    written_name: str
    epci_type: str | None
    rule: str


def _head_type(head: str) -> str:
    words = head.lower().split()
    for marker, epci_type in HEAD_TYPES:
        if any(marker in word if len(marker) > 2 else marker == word for word in words):
            return epci_type
    return "CC"


def _member_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each member list: from the trigger to ')' or the sentence/item end."""
    spans = []
    for trigger in re.finditer(r"\b" + MEMBER_TRIGGER + r"\b", text, re.IGNORECASE):
        rest = text[trigger.end():]
        inside_paren = text.rfind("(", 0, trigger.start()) > text.rfind(")", 0, trigger.start())
        closing = r"\)" if inside_paren else r"\.(?=\s|$)|\n[ \t]*\n|\n[ \t]*[•▪\-\*–]\s"
        stop = re.search(closing + r"|;", rest)
        end = trigger.end() + (stop.start() if stop else len(rest))
        spans.append((trigger.end(), end))
    return spans


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a coordinated list between ', ' and ' et ' joints, as absolute spans."""
    parts, pos = [], start
    for joint in JOINT.finditer(text, start, end):
        parts.append((pos, joint.start()))
        pos = joint.end()
    parts.append((pos, end))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def _split_names(text: str, start: int, end: int, epci_type: str | None,
                 departements: frozenset[str]) -> list[tuple[int, int, Link]]:
    """Best partition of a coordinated list into EPCI names (each a run of segments)."""
    parts = _segments(text, start, end)
    n = len(parts)
    if n == 0:
        return []

    @lru_cache(maxsize=None)
    def link(i: int, j: int) -> Link:
        return link_epci(text[parts[i][0]:parts[j][1]], epci_type, departements)

    def gain(i: int, j: int) -> float:
        score = link(i, j).score
        return score - ACCEPT_SCORE if score >= ACCEPT_SCORE else 2 * (score - ACCEPT_SCORE)

    best = [0.0] + [float("-inf")] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - MAX_PARTS_PER_NAME), j):
            value = best[i] + gain(i, j - 1)
            if value > best[j]:
                best[j], back[j] = value, i
    names, j = [], n
    while j > 0:
        i = back[j]
        names.append((parts[i][0], parts[j - 1][1], link(i, j - 1)))
        j = i
    return list(reversed(names))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, markup and punctuation; a ')' stays when it closes a '(' inside."""
    while start < end and text[start] in " \t\n*_":
        start += 1
    while end > start and (text[end - 1] in " \t\n*_,.;:"
                           or text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end)):
        end -= 1
    return start, end


def _looks_like_name(written: str) -> bool:
    """An unlinked part is still reported when it reads as a proper name: short, capitalised."""
    words = written.split()
    return 0 < len(words) <= 8 and any(w[:1].isupper() for w in words) \
        and not re.search(r"\b(?:participer|sont|seront|ont|est)\b", written)


@lru_cache(maxsize=1)
def _names_holding_a_head() -> re.Pattern | None:
    """Official names with a legal form after their start ("CC Grand Orb Communauté de Communes
    en Languedoc"), less their leading one, as one pattern on folded text: a head inside such a
    name does not start a new group of names."""
    tails = set()
    for epci in referential.load().epcis.values():
        for name in (epci.name, *epci.former_names):
            if any(head.start() > 0 for head in HEAD.finditer(name)):
                lead = HEAD.match(name)
                tail = fold(name[lead.end() if lead else 0:]).split()
                tails.add(r"\s+".join(re.escape(word) for word in tail))
    return re.compile("|".join(sorted(tails))) if tails else None


def _heads(text: str, folded: str, start: int, end: int) -> list[re.Match]:
    """The legal-form heads of a member list, those inside an official name left out."""
    heads = list(HEAD.finditer(text, start, end))
    pattern = _names_holding_a_head()
    if heads and pattern:
        inside = [(m.start(), m.end()) for m in pattern.finditer(folded, start, end)]
        heads = [head for head in heads if not any(s < head.start() < e for s, e in inside)]
    return heads


def find_member_epcis(text: str, departements: frozenset[str]) -> list[EpciMention]:
    """EPCIs of every member list; `departements` are the document's, used to break ties."""
    found: list[EpciMention] = []
    folded = fold(text)
    for span_start, span_end in _member_spans(text):
        heads = _heads(text, folded, span_start, span_end)
        groups = []  # (mention_start, names_start, names_end, type)
        headless_end = heads[0].start() if heads else span_end
        connector = GROUP_CONNECTOR.search(text[span_start:headless_end])
        headless_end = span_start + connector.start() if connector else headless_end
        if text[span_start:headless_end].strip(" \t\n,:"):
            groups.append((span_start, span_start, headless_end, None))
        for k, head in enumerate(heads):
            names_end = heads[k + 1].start() if k + 1 < len(heads) else span_end
            connector = GROUP_CONNECTOR.search(text[head.end():names_end])
            if connector:
                names_end = head.end() + connector.start()
            groups.append((head.start(), head.end(), names_end, _head_type(head.group(0))))
        for mention_start, names_start, names_end, epci_type in groups:
            names = _split_names(text, *_trim(text, names_start, names_end), epci_type, departements)
            for index, (start, end, link) in enumerate(names):
                if index == 0 and mention_start != names_start:
                    start = mention_start
                start, end = _trim(text, start, end)
                start += len(re.match(r"(?:(?:la|les|une|des)\s+)?", text[start:end],
                                      re.IGNORECASE).group(0)) if index == 0 else 0
                if end > start and (link.siren or _looks_like_name(text[names_start:end])):
                    found.append(EpciMention(start, end, link, " ".join(text[start:end].split()),
                                             epci_type, "epci.member_list"))
    return found


def find_head_mentions(text: str, departements: frozenset[str],
                       taken: list[tuple[int, int]]) -> list[EpciMention]:
    """'la communauté de communes du Pays de X' outside member lists."""
    found = []
    for head in HEAD.finditer(text):
        if any(head.start() < e and s < head.end() for s, e in taken):
            continue
        name = re.match(r"\s*(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?((?:[A-ZÉÈÀÂÎÔ][\w'’-]*"
                        r"(?:\s+(?:de|du|des|la|le|les|et|sur|en|l['’]|d['’])?\s*(?=[A-ZÉÈÀÂÎÔ]))?\s*)+)",
                        text[head.end():head.end() + 120])
        if not name or not name.group(1).strip():
            continue
        end = head.end() + name.end()
        start, end = _trim(text, head.start(), end)
        epci_type = _head_type(head.group(0))
        link = link_epci(text[head.end():end], epci_type, departements)
        if link.siren:
            found.append(EpciMention(start, end, link, " ".join(text[start:end].split()), epci_type,
                                     "epci.head_mention"))
    return found
