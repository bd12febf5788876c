"""Consolidation across documents: one row per territory, and the figures documents agree or differ on.

Both tables are derived from the rows of the other tables, counting only documents whose status is
"published", so they are recomputed on every run and never edited by hand.

territories_registry: one row per territory_id, whatever the number of documents naming it.
  The canonical name is the one of the most recent document (undated documents count as oldest);
  members and population come from the most recent document listing members, because perimeters
  change between phases. Population is the sum of the members' populations in the referential,
  null unless every member is linked to a SIREN.

claims: one row per (subject, scope, source document). The subject is what is counted (unit) in
  which programme phase; the scope is the area (scope_code, with its name because "44" is both
  Grand Est and Loire-Atlantique). The phase of a figure is decided on its sentence:
  1. a sentence naming the new phase and the territories "aujourd'hui labellisés" speaks of the
     ones labelled before it: the first phase ("une mise à jour des 149 territoires aujourd'hui
     labélisés" announces the second phase);
  2. else the one phase the sentence names ("durant sa première phase (2019-2022) 149 …");
  3. else the document's phase: the most common among its territories, else the one its title
     names. Figures whose phase or scope stays unknown are not consolidated.
  When a document states several values for one subject and scope, its claim is the largest: the
  smaller ones count parts of the whole ("13 sur 15", "58 d'entre eux", "2 autres territoires").
  `conflict` is set on every row of a subject and scope when no single number fits all its
  sources (value to value_max intervals without a common point): 146 first-phase territories in
  2019 against 149 in 2023. 183 territories (second phase) is another subject than 149. Only
  counts of territories are compared (conflict is null for the other units): the number of
  territories of an area in a phase is one fact, whereas amounts, jobs or projects are stated
  about many different envelopes and plans ("2 M€" for two territories, "200 millions d'euros"
  since 2018), so two different amounts do not contradict each other.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

from pipeline import referential
from pipeline.metadata import PHASES
from pipeline.normalize import fold

FIRST, SECOND = PHASES

# Phrases naming a phase, matched on folded text (lower case, no accents, one dash, one apostrophe).
PHASE_CUES = {
    FIRST: [r"premiere phase", r"2019\s*-\s*2022", r"\btemps i\b", r"premiere generation",
            r"etaient\s+labell?ises"],
    SECOND: [r"(?:seconde|deuxieme|nouvelle) phase", r"2023\s*-\s*2027", r"\btemps ii\b"],
}
LABELLED_TODAY = r"aujourd'hui\s+labell?ises"
COMPARED_UNITS = {"territoire"}


def derive(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The two consolidated tables from the rows of documents, territories, epcis and figures."""
    documents = {d["doc_id"]: d for d in tables.get("documents", []) if d["status"] == "published"}
    return {"territories_registry": territories_registry(tables, documents),
            "claims": claims(tables, documents), "coverage": []}


def _recency(document: dict) -> tuple:
    """Sort key from oldest to most recent; undated documents first, doc_id breaks ties."""
    return document["published_on"] or date.min, document["doc_id"]


def territories_registry(tables: dict[str, list[dict]], documents: dict[str, dict]) -> list[dict]:
    ref = referential.load()
    mentions: dict[str, list[dict]] = defaultdict(list)
    for row in tables.get("territories", []):
        if row["doc_id"] in documents:
            mentions[row["territory_id"]].append(row)
    members: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: defaultdict(dict))
    for row in tables.get("epcis", []):
        if row["doc_id"] in documents and row["territory_id"]:
            # keyed by SIREN (or name when unlinked): a member named twice counts once
            members[row["territory_id"]][row["doc_id"]].setdefault(row["siren"] or row["name"], row)

    rows = []
    for territory_id, named in sorted(mentions.items()):
        named.sort(key=lambda r: _recency(documents[r["doc_id"]]))
        dates = sorted(d for r in named if (d := documents[r["doc_id"]]["published_on"]))
        listings = members.get(territory_id, {})
        latest = max(listings, key=lambda doc_id: _recency(documents[doc_id]), default=None)
        listed = sorted(listings[latest].values(), key=lambda r: r["start"]) if latest else []
        sirens = [r["siren"] for r in listed]
        known = listed and all(siren in ref.epcis for siren in sirens)
        rows.append({
            "territory_id": territory_id,
            "name": named[-1]["name"],
            "phases": sorted({r["phase"] for r in named if r["phase"]}),
            "region_codes": sorted({c for r in named for c in r["region_codes"]}),
            "departement_codes": sorted({c for r in named for c in r["departement_codes"]}),
            "member_sirens": sirens,
            "member_names": [r["name"] for r in listed],
            "population": sum(ref.epcis[s].population for s in sirens) if known else None,
            "first_published_on": dates[0] if dates else None,
            "last_published_on": dates[-1] if dates else None,
            "doc_ids": sorted({r["doc_id"] for r in named}),
        })
    return rows


def named_phase(sentence: str) -> tuple[str | None, str | None]:
    """(phase, rule) the sentence itself decides (rules 1 and 2 above), else (None, None)."""
    folded = fold(sentence)
    named = {phase for phase, cues in PHASE_CUES.items() if any(re.search(c, folded) for c in cues)}
    if SECOND in named and re.search(LABELLED_TODAY, folded):
        return FIRST, "claim.labelled_before_new_phase"
    if len(named) == 1:
        return named.pop(), "claim.phase_in_sentence"
    return None, None


def _document_phases(tables: dict[str, list[dict]], documents: dict[str, dict]) -> dict[str, str | None]:
    """Per document, the most common phase of its territories (later phase on a tie), else its title's."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in tables.get("territories", []):
        if row["doc_id"] in documents and row["phase"]:
            counts[row["doc_id"]][row["phase"]] += 1
    return {doc_id: max(counts[doc_id], key=lambda p: (counts[doc_id][p], p)) if counts[doc_id]
            else named_phase(document["title"] or "")[0]
            for doc_id, document in documents.items()}


def scope_name(code: str, sentence: str) -> str:
    """Name of a scope code; a code that is both a région and a département ("44": Grand Est,
    Loire-Atlantique) is the one its sentence names, the région when it names neither."""
    if code == "FR":
        return "France"
    ref = referential.load()
    region, departement = ref.regions.get(code), ref.departements.get(code)
    if region and departement:
        return departement.name if fold(departement.name) in fold(sentence) \
            and fold(region.name) not in fold(sentence) else region.name
    return (region or departement).name if region or departement else code


def claims(tables: dict[str, list[dict]], documents: dict[str, dict]) -> list[dict]:
    document_phases = _document_phases(tables, documents)
    best: dict[tuple, dict] = {}
    for figure in tables.get("figures", []):
        doc_id = figure["doc_id"]
        if doc_id not in documents or not figure["scope_code"]:
            continue
        phase, rule = named_phase(figure["sentence"])
        if phase is None:
            phase, rule = document_phases[doc_id], "claim.document_phase"
        if phase is None:
            continue
        scope = (figure["scope_code"], scope_name(figure["scope_code"], figure["sentence"]))
        key = (figure["unit"], phase, *scope, doc_id)
        if key not in best or figure["value"] > best[key]["value"]:
            best[key] = {"unit": figure["unit"], "phase": phase, "scope_code": scope[0],
                         "scope_name": scope[1], "doc_id": doc_id,
                         "published_on": documents[doc_id]["published_on"],
                         **{c: figure[c] for c in ("value", "value_max", "approximate", "mention",
                                                   "start", "end", "sentence")},
                         "rule": rule}

    subjects: dict[tuple, list[dict]] = defaultdict(list)
    for key, row in best.items():
        subjects[key[:-1]].append(row)
    rows = []
    for subject in sorted(subjects):
        sources = sorted(subjects[subject], key=lambda r: _recency(documents[r["doc_id"]]))
        lows = [r["value"] for r in sources]
        highs = [r["value"] if r["value_max"] is None else r["value_max"] for r in sources]
        conflict = max(lows) > min(highs) if subject[0] in COMPARED_UNITS else None
        rows += [{**row, "sources": len(sources), "as_of": None, "conflict": conflict,
                  "superseded_by": None} for row in sources]
    return rows
