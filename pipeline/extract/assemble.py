"""From one document's text and spaCy doc to the rows of the contract's tables.

Extractors find mentions; this module decides what a row is: one territory per document
(mentions of the same territory merged under its territory_id), its phase and régions, each
member EPCI attached to the territory whose list item it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from pipeline import referential
from pipeline.extract.document_info import extract_document_info
from pipeline.extract.figures import extract_figures
from pipeline.extract.members import EpciMention, find_head_mentions, find_member_epcis
from pipeline.extract.places import PlaceMention, find_places
from pipeline.extract.stated_counts import stated_counts
from pipeline.extract.territories import TerritoryMention, find_territories
from pipeline.nlp import sentence_spans
from pipeline.normalize import fold

FIRST_PHASE, SECOND_PHASE = "2019-2022", "2023-2027"
YEAR = re.compile(r"(?<![\d/.-])(20[1-3]\d)(?![\d/])")
PHASE_MARKERS = [(re.compile(r"2019\s*[-–]\s*2022|premi[èe]re\s+phase|temps\s+I\b", re.I), FIRST_PHASE),
                 (re.compile(r"2023\s*[-–]\s*2027|nouvelle\s+phase|seconde\s+phase|deuxi[èe]me\s+phase"
                             r"|temps\s+II\b", re.I), SECOND_PHASE)]


@dataclass
class Extraction:
    info: dict
    territories: list[dict] = field(default_factory=list)
    epcis: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    stated_counts: list[dict] = field(default_factory=list)


def document_phase(text: str) -> str | None:
    """The phase a communiqué speaks of: from the latest programme year it mentions.

    First-phase communiqués (2018-2022) never mention a later year; second-phase ones do.
    """
    years = [int(y) for y in YEAR.findall(text) if 2018 <= int(y) <= 2035]
    if not years:
        return None
    return SECOND_PHASE if max(years) >= 2023 else FIRST_PHASE


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return position, position


def _local_phase(text: str, sentence: tuple[int, int]) -> str | None:
    """A phase stated in the territory's own sentence overrides the document's."""
    found = {phase for pattern, phase in PHASE_MARKERS if pattern.search(text[sentence[0]:sentence[1]])}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=4096)
def _name_regex(name: str) -> re.Pattern:
    """A territory's name in folded text, dashes and spaces interchangeable."""
    pattern = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", fold(name)))
    return re.compile(r"(?<!\w)" + pattern + r"(?!\w)")


def _territory_of(mention: EpciMention, territories: list[TerritoryMention], text: str,
                  sentence: tuple[int, int]) -> TerritoryMention | None:
    """The territory named last before the EPCI in its sentence ("Le territoire de Castres-Mazamet
    est porté par la CA de Castres Mazamet"); else the one whose list item holds the EPCI."""
    before = fold(text[sentence[0]:mention.start])
    named = []
    for territory in territories:
        positions = [m.start() for m in _name_regex(territory.name).finditer(before)]
        if positions:
            named.append((positions[-1], territory))
    if named:
        return max(named, key=lambda item: item[0])[1]
    for territory in territories:
        if territory.end <= mention.start < territory.block_end:
            return territory
    return None


def _epci_row(mention: EpciMention, territory_id: str | None) -> dict:
    link = mention.link
    written = re.sub(r"^(?:la|les|une|des|de|du|d['’])\s+", "", mention.written_name, flags=re.I)
    return {
        "territory_id": territory_id,
        "siren": link.siren,
        "name": link.name or written,
        "epci_type": link.epci_type or mention.epci_type,
        "mention": None, "start": mention.start, "end": mention.end,
        "departement_codes": list(link.departement_codes),
        "match_score": float(link.score),
        "rule": mention.rule,
    }


def extract(text: str, doc: Doc) -> Extraction:
    """All rows (without doc_id) that one document yields."""
    ref = referential.load()
    sentences = sentence_spans(doc)
    places = find_places(text)
    mentions = find_territories(text, places)
    doc_departements = frozenset({p.code for p in places if p.kind == "departement"}
                                 | {c for m in mentions for c in m.departement_codes})

    member_mentions = find_member_epcis(text, doc_departements)
    taken = [(m.start, m.end) for m in member_mentions]
    epci_mentions = member_mentions + find_head_mentions(text, doc_departements, taken)

    by_id: dict[str, dict] = {}
    phase = document_phase(text)
    for mention in mentions:
        sentence = _sentence_of(sentences, mention.start)
        row = by_id.setdefault(mention.territory_id, {
            "territory_id": mention.territory_id, "name": mention.name, "start": mention.start,
            "end": mention.end, "phase": _local_phase(text, sentence) or phase,
            "departements": set(), "sentence_regions": set(), "rule": mention.rule,
        })
        row["departements"] |= mention.departement_codes
        if mention.intro is not None:  # a list item: its intro's sentence counts too
            sentence = (_sentence_of(sentences, mention.intro[0])[0], sentence[1])
        row["sentence_regions"] |= _regions_in(places, sentence)

    epci_rows, seen = [], set()
    for mention in sorted(epci_mentions, key=lambda m: m.start):
        territory = _territory_of(mention, mentions, text, _sentence_of(sentences, mention.start))
        territory_id = territory.territory_id if territory else None
        key = (mention.link.siren or mention.written_name, territory_id)
        if key in seen:
            continue
        seen.add(key)
        epci_rows.append(_epci_row(mention, territory_id))
        if territory_id and mention.link.siren:
            by_id[territory_id]["departements"] |= set(mention.link.departement_codes)

    territory_rows = []
    for row in by_id.values():
        departements = sorted(row.pop("departements"))
        sentence_regions = row.pop("sentence_regions")
        regions = ref.regions_of(departements) if departements else sorted(sentence_regions)
        territory_rows.append({**row, "mention": None, "departement_codes": departements,
                               "region_codes": regions})

    figures = extract_figures(text, sentences, places)
    for rows in (territory_rows, epci_rows):
        for row in rows:
            row["mention"] = text[row["start"]:row["end"]]
    counts = stated_counts(text, sentences, mentions, figures, places,
                           {row["territory_id"]: row["phase"] for row in territory_rows},
                           lambda sentence: _local_phase(text, sentence))
    return Extraction(extract_document_info(text), territory_rows, epci_rows, figures, counts)


def _regions_in(places: list[PlaceMention], sentence: tuple[int, int]) -> set[str]:
    return {p.code for p in places if p.kind == "region" and sentence[0] <= p.start < sentence[1]}
