"""Consolidation across documents: one row per territory, and the figures documents agree or differ on.

Both tables are derived from the rows of the other tables, counting only documents whose status is
"published", so they are recomputed on every run and never edited by hand.

territories_registry: one row per territory_id, whatever the number of documents naming it.
  The canonical name is the one of the most recent document (undated documents count as oldest);
  members and population come from the most recent document listing members, because perimeters
  change between phases. Population is the sum of the members' populations in the referential,
  null unless every member is linked to a SIREN.

claims: one row per (subject, scope, source document, time). The subject is what is counted
  (unit) in which programme phase; the scope is the area (scope_code, with its name because "44" is
  both Grand Est and Loire-Atlantique). The phase of a figure is decided on its sentence:
  1. a sentence naming the new phase and the territories "aujourd'hui labellisés" speaks of the
     ones labelled before it: the first phase ("une mise à jour des 149 territoires aujourd'hui
     labélisés" announces the second phase);
  2. else the one phase the sentence names ("durant sa première phase (2019-2022) 149 …");
  3. else a count dated (as_of) before the second phase's first year is about the first phase:
     the second did not exist ("en novembre 2018, 124 territoires" in a 2023 communiqué);
  4. else the document's phase: the most common among its territories, else the one its title
     names. Figures whose phase or scope stays unknown are not consolidated.
  `as_of` is the date the number describes (pipeline/as_of.py: a date its sentence states, else
  the document's). When a document states several values for one subject, scope and time, its
  claim is the largest: the smaller ones count parts of the whole ("13 sur 15", "58 d'entre eux",
  "2 autres territoires"); values it gives for other times ("124 en novembre 2018, 146
  aujourd'hui") are claims of their own.
  Only counts of territories are compared (conflict and superseded_by are null for the other
  units): the number of territories of an area in a phase is one fact, whereas amounts, jobs or
  projects are stated about many different envelopes and plans ("2 M€" for two territories, "200
  millions d'euros" since 2018). Two counts conflict only when they are about the same subject at
  the same time (periods that overlap, a day counting as its month) and have no value in common
  (value to value_max, widened by APPROXIMATE_MARGIN when the text says "près de", "plus de");
  a later count is an update: the earlier claim's `superseded_by` names the document of the
  claim that comes next in time. 146 first-phase territories in November 2019 and 149 in
  November 2023 are a history, not a conflict. An undated claim is never compared.

coverage: one row per (scope, phase) for which a count of territories is claimed: the latest
  claimed count (the dated claim that nothing supersedes, the largest if several; else the
  largest undated one) beside the distinct territories of that phase the registry places in
  that scope (its régions or départements; every territory of the phase for France), and the
  names a source lists for that scope and phase (the territories inside a stated count's list)
  that the registry does not place there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date

from pipeline import as_of, referential
from pipeline.as_of import AsOf
from pipeline.metadata import PHASES
from pipeline.normalize import fold

FIRST, SECOND = PHASES
SECOND_PHASE_START = date(int(SECOND.split("-")[0]), 1, 1)

# Phrases naming a phase, matched on folded text (lower case, no accents, one dash, one apostrophe).
PHASE_CUES = {
    FIRST: re.compile(r"premiere phase|2019\s*-\s*2022|\btemps i\b|premiere generation"
                      r"|etaient\s+labell?ises"),
    SECOND: re.compile(r"(?:seconde|deuxieme|nouvelle) phase|2023\s*-\s*2027|\btemps ii\b"),
}
LABELLED_TODAY = re.compile(r"aujourd'hui\s+labell?ises")
COUNTED = "territoire"  # the only unit compared between sources and with the registry
# "près de 150", "plus de 140": an approximate count stands for any value within 10 % of it.
APPROXIMATE_MARGIN = 0.1


def derive(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The consolidated tables from the rows of documents, territories, epcis, figures and
    stated_counts."""
    documents = {d["doc_id"]: d for d in tables.get("documents", []) if d["status"] == "published"}
    registry = territories_registry(tables, documents)
    claim_rows = claims(tables, documents)
    return {"territories_registry": registry, "claims": claim_rows,
            "coverage": coverage(tables, documents, registry, claim_rows)}


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
    named = {phase for phase, cues in PHASE_CUES.items() if cues.search(folded)}
    if SECOND in named and LABELLED_TODAY.search(folded):
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


def _names(place: str, folded: str) -> bool:
    """Whether folded text names the place as a word ("l'Ain", not "certains")."""
    return re.search(rf"(?<![\w-]){re.escape(fold(place))}(?![\w-])", folded) is not None


def scope_name(code: str, sentence: str, document_text: str = "") -> str:
    """Name of a scope code; a code that is both a région and a département ("44": Grand Est,
    Loire-Atlantique; "02": Martinique, Aisne) is the one its sentence names, else the one its
    document names ("Les quatre territoires …" in a page about the Aisne), the région when
    both or neither are named."""
    if code == "FR":
        return "France"
    ref = referential.load()
    region, departement = ref.regions.get(code), ref.departements.get(code)
    if region and departement:
        for context in (fold(sentence), fold(document_text)):
            names_departement = _names(departement.name, context)
            if names_departement != _names(region.name, context):
                return departement.name if names_departement else region.name
        return region.name
    return (region or departement).name if region or departement else code


def _sentence_offset(figure: dict, starts: list[int]) -> int:
    """Where the figure's sentence starts in its document's text (the figure lies inside it):
    the last of `starts` (its sentence's, `_starts`) before the figure and within a sentence's
    length of its end."""
    sentence = figure["sentence"]
    index = bisect_right(starts, figure["start"]) - 1
    if sentence and index >= 0 and starts[index] >= figure["end"] - len(sentence):
        return starts[index]
    return figure["start"] - max(sentence.find(figure["mention"]), 0)


def _starts(text: str, sentence: str) -> list[int]:
    """Every start of `sentence` in `text`, overlapping ones too: found once per sentence, not
    searched again for each of its figures."""
    starts, at = [], text.find(sentence) if sentence else -1
    while at >= 0:
        starts.append(at)
        at = text.find(sentence, at + 1)
    return starts


def claims(tables: dict[str, list[dict]], documents: dict[str, dict]) -> list[dict]:
    """One row per (subject, scope, document, time), in time order per subject (undated first)."""
    document_phases = _document_phases(tables, documents)
    document_dates = {doc_id: as_of.document_date(d["text"], d["published_on"])
                      for doc_id, d in documents.items()}
    # What a sentence says (its dates, its phase) is read once per sentence and document, not
    # once per figure: a sentence of 8,000 figures took minutes read once each.
    sentence_dates: dict[tuple[str, str], list] = {}
    sentence_starts: dict[tuple[str, str], list[int]] = {}
    sentence_phases: dict[str, tuple[str | None, str | None]] = {}
    best: dict[tuple, dict] = {}
    dates: dict[tuple, AsOf | None] = {}
    for figure in tables.get("figures", []):
        doc_id = figure["doc_id"]
        if doc_id not in documents or not figure["scope_code"]:
            continue
        sentence, document_date = figure["sentence"], document_dates[doc_id]
        if (sentence, doc_id) not in sentence_dates:
            sentence_dates[sentence, doc_id] = as_of.sentence_dates(sentence, document_date)
            sentence_starts[sentence, doc_id] = _starts(documents[doc_id]["text"], sentence)
        offset = _sentence_offset(figure, sentence_starts[sentence, doc_id])
        when = as_of.nearest_date(sentence_dates[sentence, doc_id], figure["start"] - offset,
                                  figure["end"] - offset, document_date)
        if sentence not in sentence_phases:
            sentence_phases[sentence] = named_phase(sentence)
        phase, rule = sentence_phases[sentence]
        if phase is None and when and when.period[1] < SECOND_PHASE_START:
            phase, rule = FIRST, "claim.dated_before_second_phase"
        if phase is None:
            phase, rule = document_phases[doc_id], "claim.document_phase"
        if phase is None:
            continue
        scope = (figure["scope_code"],
                 scope_name(figure["scope_code"], figure["sentence"], documents[doc_id]["text"]))
        key = (figure["unit"], phase, *scope, doc_id, when.period if when else None)
        if key not in best or figure["value"] > best[key]["value"]:
            dates[key] = when
            best[key] = {"unit": figure["unit"], "phase": phase, "scope_code": scope[0],
                         "scope_name": scope[1], "doc_id": doc_id,
                         "published_on": documents[doc_id]["published_on"],
                         **{c: figure[c] for c in ("value", "value_max", "approximate", "mention",
                                                   "start", "end", "sentence")},
                         "rule": rule, "as_of": when.on if when else None,
                         "as_of_precision": when.precision if when else None,
                         "as_of_rule": when.rule if when else None}

    subjects: dict[tuple, list[tuple[dict, AsOf | None]]] = defaultdict(list)
    for key, row in best.items():
        subjects[key[:4]].append((row, dates[key]))
    rows = []
    for subject in sorted(subjects):
        in_time = sorted(subjects[subject], key=lambda c: (
            c[1].period if c[1] else (date.min, date.min), _recency(documents[c[0]["doc_id"]]),
            c[0]["start"]))
        compared = subject[0] == COUNTED
        timeline = _Timeline(in_time) if compared else None
        sources = len({row["doc_id"] for row, _ in in_time})
        for row, when in in_time:
            rows.append({**row, "sources": sources,
                         "conflict": timeline.in_conflict(row, when) if compared else None,
                         "superseded_by": timeline.next_after(when) if compared else None})
    return rows


def _bounds(row: dict) -> tuple[float, float]:
    """The values a claim allows: value to value_max, widened when approximate."""
    low, high = row["value"], row["value"] if row["value_max"] is None else row["value_max"]
    if row["approximate"]:
        low, high = low * (1 - APPROXIMATE_MARGIN), high * (1 + APPROXIMATE_MARGIN)
    return low, high


class _Timeline:
    """The dated claims of one subject, in time order, indexed so that a subject stated by
    thousands of documents is compared in n log n: claims are grouped by period, and a period by
    the distinct values its documents state."""

    def __init__(self, in_time: list[tuple[dict, AsOf | None]]):
        dated = [(row, when) for row, when in in_time if when]
        self.doc_ids = [row["doc_id"] for row, _ in dated]
        self.starts = [when.period[0] for _, when in dated]
        self.values: dict[tuple, dict[tuple, set]] = defaultdict(lambda: defaultdict(set))
        for row, when in dated:
            self.values[when.period][_bounds(row)].add(row["doc_id"])

    def in_conflict(self, row: dict, when: AsOf | None) -> bool:
        """Another document's claim at the same time (an overlapping period) with no value in
        common; never for an undated claim."""
        if when is None:
            return False
        low, high = _bounds(row)
        (start, end) = when.period
        for (other_start, other_end), values in self.values.items():
            if other_start > end or start > other_end:
                continue
            for (other_low, other_high), doc_ids in values.items():
                if (other_low > high or low > other_high) and doc_ids - {row["doc_id"]}:
                    return True
        return False

    def next_after(self, when: AsOf | None) -> str | None:
        """doc_id of the claim that comes next in time: the first whose period starts after
        this one ends."""
        if when is None:
            return None
        index = bisect_right(self.starts, when.period[1])
        return self.doc_ids[index] if index < len(self.doc_ids) else None


# ---------------------------------------------------------------- coverage

def _latest(claim_rows: list[dict]) -> dict:
    """The latest claimed count: dated and superseded by nothing (the largest on a tie), else
    the largest undated one."""
    current = [c for c in claim_rows if c["as_of"] and not c["superseded_by"]] \
        or [c for c in claim_rows if not c["as_of"]] or claim_rows
    return max(current, key=lambda c: (c["as_of"] or date.min, c["value"], c["doc_id"]))


def _in_scope(territory: dict, scope_code: str, name: str) -> bool:
    """Whether the registry places a territory in a scope: France, a région or a département
    (a code that is both is the one its name says)."""
    if scope_code == "FR":
        return True
    region = referential.load().regions.get(scope_code)
    if region and region.name == name:
        return scope_code in territory["region_codes"]
    return scope_code in territory["departement_codes"]


def _listed_names(tables: dict[str, list[dict]], documents: dict[str, dict]) -> dict[tuple, dict]:
    """Per (scope_code, scope_name, phase): territory_id -> name of the territories inside the
    list a published document gives for a count of that scope and phase."""
    territories = defaultdict(list)
    for row in tables.get("territories", []):
        territories[row["doc_id"]].append(row)
    listed: dict[tuple, dict] = defaultdict(dict)
    for count in tables.get("stated_counts", []):
        if count["doc_id"] not in documents or count.get("list_start") is None:
            continue
        key = (count["scope_code"], count["scope_name"], count["phase"])
        for row in territories[count["doc_id"]]:
            if count["list_start"] <= row["start"] and row["end"] <= count["list_end"]:
                listed[key].setdefault(row["territory_id"], row["name"])
    return listed


def coverage(tables: dict[str, list[dict]], documents: dict[str, dict], registry: list[dict],
             claim_rows: list[dict]) -> list[dict]:
    counts: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claim_rows:
        if claim["unit"] == COUNTED:
            counts[(claim["scope_code"], claim["scope_name"], claim["phase"])].append(claim)
    listed = _listed_names(tables, documents)
    names = {row["territory_id"]: row["name"] for row in registry}
    rows = []
    for (code, name, phase), scope_claims in sorted(counts.items()):
        latest = _latest(scope_claims)
        found = {row["territory_id"] for row in registry
                 if phase in row["phases"] and _in_scope(row, code, name)}
        missing = [names.get(tid, listed_name) for tid, listed_name
                   in listed.get((code, name, phase), {}).items() if tid not in found]
        rows.append({"scope_code": code, "scope_name": name, "phase": phase,
                     "claimed": int(latest["value"]), "doc_id": latest["doc_id"],
                     "as_of": latest["as_of"], "found": len(found),
                     "missing": int(latest["value"]) - len(found),
                     "missing_names": sorted(missing)})
    return rows
