"""From one document's text and spaCy doc to the rows of the contract's tables.

Extractors find mentions; this module decides what a row is: one territory per document
(mentions of the same territory merged under its territory_id), its phase and régions, each
member EPCI attached to its territory (pipeline/extract/membership.py); a territory's
départements and régions include those of its linked members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline import referential
from pipeline.extract.document_info import extract_document_info
from pipeline.extract.figures import extract_figures
from pipeline.extract.members import EpciMention, find_epcis
from pipeline.extract.membership import attach
from pipeline.extract.places import PlaceMention, find_places
from pipeline.extract.stated_counts import stated_counts
from pipeline.extract.structure import parse
from pipeline.extract.territories import find_territories
from pipeline.linking import DocumentLinker
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
        "successor_siren": link.successor_siren,
        "candidates": list(link.candidates),
        "rule": mention.rule,
    }


def _reference_year(published_on, phase: str | None) -> int | None:
    """The year whose EPCIs the text names: its date, else the start of its phase."""
    if published_on is not None:
        return published_on.year
    return {FIRST_PHASE: 2019, SECOND_PHASE: 2023}.get(phase)


def _epci_rows(attached: list[tuple[EpciMention, str | None]]) -> list[dict]:
    """One row per (EPCI, territory); an EPCI attached somewhere loses its unattached rows."""
    attached_sirens = {m.link.siren for m, territory_id in attached if territory_id and m.link.siren}
    rows, seen = [], set()
    for mention, territory_id in attached:
        key = (mention.link.siren or fold(mention.written_name), territory_id)
        if key in seen or (territory_id is None and mention.link.siren in attached_sirens):
            continue
        seen.add(key)
        rows.append(_epci_row(mention, territory_id))
    return rows


def extract(text: str, doc: Doc) -> Extraction:
    """All rows (without doc_id) that one document yields."""
    ref = referential.load()
    sentences = sentence_spans(doc)
    places = find_places(text)
    mentions = find_territories(text, places)
    doc_departements = frozenset({p.code for p in places if p.kind == "departement"}
                                 | {c for m in mentions for c in m.departement_codes})

    info = extract_document_info(text)
    phase = document_phase(text)
    linker = DocumentLinker(doc_departements, frozenset(p.code for p in places if p.kind == "region"),
                            _reference_year(info["published_on"], phase))
    structure = parse(text)
    epci_mentions = find_epcis(text, linker, structure,
                               [(m.start, m.end, m.territory_id) for m in mentions])

    by_id: dict[str, dict] = {}
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

    epci_rows = _epci_rows(attach(epci_mentions, mentions, text, sentences, structure))
    for row in epci_rows:
        if row["territory_id"] and row["siren"]:
            by_id[row["territory_id"]]["departements"] |= set(row["departement_codes"])

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
    counts = stated_counts(text, sentences, mentions, figures,
                           {row["territory_id"]: row["phase"] for row in territory_rows})
    return Extraction(info, territory_rows, epci_rows, figures, counts)


def _regions_in(places: list[PlaceMention], sentence: tuple[int, int]) -> set[str]:
    return {p.code for p in places if p.kind == "region" and sentence[0] <= p.start < sentence[1]}
