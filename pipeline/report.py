"""`communiques report`: one static HTML page to review what a run extracted and published.

For its readers, French analysts, the page speaks French (labels, dates "19 novembre 2019",
numbers "1 360"); `--lang en` writes it in English. It shows the count of territories over time
for each area and phase with each source, how complete the registry is against the latest counts
(coverage, whose shortfalls are warnings), the counts that conflict, a chart of territories per
région and phase, the registry, then each document: its clean text with every extraction
highlighted by kind (displaCy's manual entity view, the linked code shown on hover) and its rows;
last, the quality results, rejections and warnings. The page is self-contained (inline CSS and
SVG, no script, nothing fetched): it can be opened from a CI artifact or mailed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from html import escape
from pathlib import Path

import pyarrow.parquet as pq
from babel.dates import format_date
from babel.numbers import format_decimal
from spacy import displacy

from pipeline import referential
from pipeline.metadata import PHASES, TABLES

LABELS_FILE = Path(__file__).parent / "data" / "report_labels.json"
LANGUAGES = ("fr", "en")
# kind: (table, colour); the label shown after a highlight is the language's kind_<kind>
KINDS = {
    "territory": ("territories", "#f6c85f"),
    "epci": ("epcis", "#9dd39a"),
    "figure": ("figures", "#8ecdf0"),
}
PHASE_COLOURS = {"2019-2022": "#7a9cc6", "2023-2027": "#e07b39", None: "#b0b0b0"}

# displaCy's entity template with a class per kind and a title for the hover.
ENT_TEMPLATE = ('<mark class="entity {kind}" style="background: {bg}" title="{title}">{text}'
                '<span class="label">{label}</span></mark>')

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #ddd; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.85rem; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
.wide { overflow-x: auto; } th { background: #f2f2f2; } td.number { text-align: right; white-space: nowrap; }
tr.conflict td { background: #fde2e2; } tr.shortfall td { background: #fff4d6; }
.timeline { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
.timeline h3 { width: 100%; margin-bottom: 0; font-size: 1rem; }
.meta { color: #555; font-size: 0.9rem; } .ok { color: #17752b; } .failed { color: #b3261e; }
.warning { color: #8a5a00; }
.entities { border: 1px solid #ddd; border-radius: 6px; padding: 1rem; font-size: 0.95rem; }
mark.entity { padding: 0.15em 0.3em; border-radius: 0.3em; line-height: 1; cursor: help; }
mark.entity .label { font-size: 0.7em; font-weight: bold; margin-left: 0.3rem; }
.legend label { margin-right: 1rem; }
body:has(#show-territory:not(:checked)) mark.territory,
body:has(#show-epci:not(:checked)) mark.epci,
body:has(#show-figure:not(:checked)) mark.figure { background: none !important; }
body:has(#show-territory:not(:checked)) mark.territory .label,
body:has(#show-epci:not(:checked)) mark.epci .label,
body:has(#show-figure:not(:checked)) mark.figure .label { display: none; }
"""

# Tables shown under each document, without the columns its section and text already show.
DOCUMENT_TABLES = ("territories", "epcis", "figures", "stated_counts", "claims")
HIDDEN_COLUMNS = {"doc_id", "sentence"}


@dataclass(frozen=True)
class Language:
    """The page's words, dates and numbers in one language."""

    code: str
    labels: dict

    def __call__(self, key: str, **values) -> str:
        """A label with its {names} filled by escaped values (the label's own markup is ours)."""
        return self.labels[key].format(**{k: escape(str(v)) for k, v in values.items()})

    def number(self, value: float) -> str:
        """"1 360", "0,95" in French; "1,360", "0.95" in English."""
        return format_decimal(value, locale=self.labels["locale"])

    def date(self, value: date, precision: str = "day") -> str:
        """"19 novembre 2019", "novembre 2019" (month), "2019" (year)."""
        pattern = {"day": "long", "month": "MMMM y", "year": "y"}[precision]
        return format_date(value, format=pattern, locale=self.labels["locale"])


@cache
def language(code: str) -> Language:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose among {', '.join(LANGUAGES)}")
    return Language(code, json.loads(LABELS_FILE.read_text(encoding="utf-8"))[code])


def read_tables(output_dir: Path) -> dict[str, list[dict]]:
    """Every published table as rows; FileNotFoundError naming what is missing."""
    missing = [t.file_name for t in TABLES.values() if not (output_dir / t.file_name).exists()]
    if missing:
        raise FileNotFoundError(f"{output_dir} lacks {', '.join(missing)}; run `communiques run` first")
    return {name: pq.read_table(output_dir / table.file_name).to_pylist()
            for name, table in TABLES.items()}


def build_report(output_dir: Path, lang: str = "fr") -> Path:
    """Write output_dir/report/index.html from the published tables; returns its path."""
    words = language(lang)
    tables = read_tables(output_dir)
    latest = output_dir / "quality" / "latest.json"
    quality = json.loads(latest.read_text(encoding="utf-8")) if latest.exists() else None
    by_doc = {name: _group(tables[name]) for name in (*DOCUMENT_TABLES, "rejections")}
    documents = sorted(tables["documents"], key=lambda d: d["source"])
    sources = {d["doc_id"]: d for d in documents}
    body = [
        f"<h1>{words('title')}</h1>",
        f'<p class="meta">{_summary(output_dir, tables, words)}</p>',
        f'<h2 id="timeline">{words("timeline")}</h2>', _timeline(tables["claims"], sources, words),
        f'<h2 id="coverage">{words("coverage")}</h2>',
        _coverage(tables["coverage"], tables["claims"], sources, words),
        f'<h2 id="conflicts">{words("conflicts")}</h2>', _conflicts(tables["claims"], sources, words),
        f'<h2 id="chart">{words("chart")}</h2>', _chart(tables, words),
        f'<h2 id="registry">{words("registry")}</h2>',
        _table(tables["territories_registry"], TABLES["territories_registry"].column_names, words),
        f'<h2 id="documents">{words("documents")}</h2>', _legend(words),
        *(_document(d, {name: rows.get(d["doc_id"], []) for name, rows in by_doc.items()}, words)
          for d in documents),
        f'<h2 id="quality">{words("quality")}</h2>', _quality(quality, words),
        f'<h2 id="rejections">{words("rejections")}</h2>',
        _table(tables["rejections"], TABLES["rejections"].column_names, words),
        f'<h2 id="avertissements">{words("warnings")}</h2>', _warnings(tables, words),
    ]
    page = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{words('page_title')}</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
    path = output_dir / "report" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def _group(rows: list[dict]) -> dict[str, list[dict]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def _summary(output_dir: Path, tables: dict[str, list[dict]], words: Language) -> str:
    published = sum(d["status"] == "published" for d in tables["documents"])
    counts = ", ".join(f"{name} {words.number(len(rows))}" for name, rows in tables.items())
    return words("summary", path=output_dir.resolve(), documents=words.number(len(tables["documents"])),
                 published=words.number(published), counts=counts)


# ---------------------------------------------------------------- counts over time

def _subject_order(claim: dict) -> tuple:
    """France first, then régions, then départements, each by name; phases in order."""
    code, name = claim["scope_code"], claim["scope_name"]
    region = referential.load().regions.get(code)
    rank = 0 if code == "FR" else 1 if region and region.name == name else 2
    return rank, name, code, claim["phase"]


def _source_link(doc_id: str, sources: dict[str, dict]) -> str:
    document = sources.get(doc_id)
    label = document["source"] if document else doc_id
    title = document["title"] if document and document["title"] else label
    return f'<a href="#doc-{escape(doc_id)}" title="{escape(title)}">{escape(label)}</a>'


def _as_of(claim: dict, words: Language) -> str:
    if claim["as_of"] is None:
        return words("undated")
    return words.date(claim["as_of"], claim["as_of_precision"] or "day")


def _value(claim: dict, words: Language) -> str:
    value = words.number(claim["value"])
    if claim["value_max"] is not None:
        value += f" {words('to')} {words.number(claim['value_max'])}"
    return f"≈ {value}" if claim["approximate"] else value


def _state(claim: dict, sources: dict[str, dict], words: Language) -> str:
    if claim["as_of"] is None:
        return words("not_compared")
    states = [words("in_conflict")] if claim["conflict"] else []
    if claim["superseded_by"]:
        states.append(words.labels["superseded"].format(
            source=_source_link(claim["superseded_by"], sources)))
    return "; ".join(states or [words("latest")])


def _timeline(claims: list[dict], sources: dict[str, dict], words: Language) -> str:
    """Per area and phase, the counts of territories in time order (undated ones last), each
    with its source and whether a later one updates it; a chart when there are two dates."""
    subjects: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        if claim["unit"] == "territoire":
            subjects[_subject_order(claim)].append(claim)
    if not subjects:
        return f"<p>{words('timeline_none')}</p>"
    parts = [f"<p>{words.labels['timeline_intro']}</p>", '<div class="timeline">']
    head = "".join(f"<th>{words(key)}</th>" for key in ("as_of", "value", "source", "mention", "state"))
    for key in sorted(subjects):
        rows = sorted(subjects[key], key=lambda c: (c["as_of"] is None, c["as_of"] or date.min))
        first = rows[0]
        parts.append(f'<h3>{words("subject", scope=first["scope_name"], phase=first["phase"])}</h3>')
        body = "".join(
            f'<tr{" class=conflict" if claim["conflict"] else ""}>'
            f'<td title="{escape(claim["as_of_rule"] or "")}">{escape(_as_of(claim, words))}</td>'
            f'<td class="number">{escape(_value(claim, words))}</td>'
            f"<td>{_source_link(claim['doc_id'], sources)}</td>"
            f"<td>{escape(' '.join(claim['mention'].split()))}</td>"
            f"<td>{_state(claim, sources, words)}</td></tr>" for claim in rows)
        parts.append(f'<div class="wide"><table class="subject"><thead><tr>{head}</tr></thead>'
                     f"<tbody>{body}</tbody></table></div>")
        parts.append(_timeline_chart([c for c in rows if c["as_of"]], words))
    parts.append("</div>")
    return "\n".join(parts)


def _timeline_chart(dated: list[dict], words: Language) -> str:
    """The dated counts of one subject as points on a time axis (SVG); empty under two dates."""
    if len({c["as_of"] for c in dated}) < 2:
        return ""
    width, height, margin = 360, 110, 30
    first, last = dated[0]["as_of"].toordinal(), dated[-1]["as_of"].toordinal()
    low, high = min(c["value"] for c in dated), max(c["value"] for c in dated)
    spread = (high - low) or high or 1  # equal values: a flat line in the middle

    def x(claim: dict) -> float:
        return margin + (width - 2 * margin) * (claim["as_of"].toordinal() - first) / (last - first)

    def y(claim: dict) -> float:  # from 20 (highest) to height - 35 (lowest)
        return height - 35 - (height - 55) * ((claim["value"] - low) / spread if high > low else 0.5)

    points = " ".join(f"{x(c):.1f},{y(c):.1f}" for c in dated)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'role="img" aria-label="{escape(words("timeline"))}" font-family="sans-serif" '
           'font-size="11">',
           f'<line x1="{margin}" y1="{height - 30}" x2="{width - margin}" y2="{height - 30}" '
           'stroke="#999"/>',
           f'<polyline points="{points}" fill="none" stroke="#7a9cc6" stroke-width="2"/>']
    above = []  # a value's label goes below its point when the previous point is close and above
    for index, claim in enumerate(dated):
        above.append(index == 0 or not above[-1] or x(claim) - x(dated[index - 1]) > 30)
    for claim, label_above in zip(dated, above):
        label = words("point", date=_as_of(claim, words), value=_value(claim, words))
        colour = "#b3261e" if claim["conflict"] else "#17457a"
        svg.append(f'<circle cx="{x(claim):.1f}" cy="{y(claim):.1f}" r="4" fill="{colour}">'
                   f"<title>{label}</title></circle>"
                   f'<text x="{x(claim):.1f}" y="{y(claim) + (-8 if label_above else 16):.1f}" '
                   'text-anchor="middle">'
                   f"{escape(_value(claim, words))}</text>")
    for claim in (dated[0], dated[-1]):
        svg.append(f'<text x="{x(claim):.1f}" y="{height - 12}" text-anchor="middle">'
                   f"{escape(words.date(claim['as_of'], 'year'))}</text>")
    svg.append("</svg>")
    return "\n".join(svg)


# ---------------------------------------------------------------- coverage and conflicts

def _coverage(rows: list[dict], claims: list[dict], sources: dict[str, dict],
              words: Language) -> str:
    if not rows:
        return f"<p>{words('coverage_none')}</p>"
    # the claim behind each row, for the precision of its date ("décembre 2020")
    claimed = {(c["scope_code"], c["scope_name"], c["phase"], c["doc_id"], c["as_of"]): c
               for c in claims if c["unit"] == "territoire"}
    rows = sorted(rows, key=_subject_order)
    columns = ("scope", "phase", "claimed", "as_of", "source", "found", "missing", "missing_names")
    head = "".join(f"<th>{words(c)}</th>" for c in columns)
    body = []
    for row in rows:
        claim = claimed.get((row["scope_code"], row["scope_name"], row["phase"], row["doc_id"],
                             row["as_of"]), {"as_of": row["as_of"], "as_of_precision": "day"})
        body.append(
            f'<tr{" class=shortfall" if row["missing"] > 0 else ""}>'
            f"<td>{escape(row['scope_name'])} ({escape(row['scope_code'])})</td>"
            f"<td>{escape(row['phase'])}</td>"
            f'<td class="number">{words.number(row["claimed"])}</td>'
            f"<td>{escape(_as_of(claim, words))}</td>"
            f"<td>{_source_link(row['doc_id'], sources)}</td>"
            f'<td class="number">{words.number(row["found"])}</td>'
            f'<td class="number">{words.number(row["missing"])}</td>'
            f"<td>{escape(', '.join(row['missing_names']))}</td></tr>")
    shortfalls = sum(row["missing"] > 0 for row in rows)
    return (f"<p>{words.labels['coverage_intro']}</p>"
            + (f'<p class="warning">{words("coverage_warnings", count=shortfalls)}</p>'
               if shortfalls else "")
            + f'<div class="wide"><table class="coverage"><thead><tr>{head}</tr></thead>'
              f"<tbody>{''.join(body)}</tbody></table></div>")


def _conflicts(claims: list[dict], sources: dict[str, dict], words: Language) -> str:
    """The counts that another source contradicts at the same time, by area and phase."""
    conflicting = sorted((c for c in claims if c["conflict"]),
                         key=lambda c: (_subject_order(c), c["as_of"]))
    intro = words("conflicts_intro", conflicting=words.number(len(conflicting)),
                  claims=words.number(len(claims)))
    if not conflicting:
        return f"<p>{intro}</p><p>{words('none')}</p>"
    columns = ("scope", "phase", "as_of", "value", "source", "mention")
    head = "".join(f"<th>{words(c)}</th>" for c in columns)
    body = "".join(
        f'<tr class="conflict"><td>{escape(c["scope_name"])} ({escape(c["scope_code"])})</td>'
        f"<td>{escape(c['phase'])}</td><td>{escape(_as_of(c, words))}</td>"
        f'<td class="number">{escape(_value(c, words))}</td>'
        f"<td>{_source_link(c['doc_id'], sources)}</td>"
        f"<td>{escape(' '.join(c['mention'].split()))}</td></tr>" for c in conflicting)
    return (f"<p>{intro}</p><div class=\"wide\"><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


# ---------------------------------------------------------------- highlighted text

def _spans(rows: dict[str, list[dict]], words: Language) -> list[dict]:
    """displaCy manual spans of one document, in text order; a span overlapping an earlier
    (or longer) one is left out, since the entity view cannot nest highlights."""
    candidates = []
    for kind, (table, _) in KINDS.items():
        for row in rows[table]:
            candidates.append({"start": row["start"], "end": row["end"], "label": words(f"kind_{kind}"),
                               "params": {"kind": kind, "title": escape(_linked_code(kind, row, words))}})
    spans, last_end = [], 0
    for span in sorted(candidates, key=lambda s: (s["start"], -s["end"])):
        if span["start"] >= last_end:
            spans.append(span)
            last_end = span["end"]
    return spans


def _linked_code(kind: str, row: dict, words: Language) -> str:
    """What the hover shows: the code the extraction was linked to."""
    if kind == "territory":
        return (f"territory_id {row['territory_id']}; phase {row['phase'] or words.labels['unknown']}; "
                f"régions {_codes(row['region_codes'], words)}; "
                f"départements {_codes(row['departement_codes'], words)}")
    if kind == "epci":
        link = f"SIREN {row['siren']}" if row["siren"] else words.labels["not_linked"]
        return (f"{link}: {row['name']} ({row['epci_type'] or words.labels['type_unknown']}); "
                f"territory_id {row['territory_id'] or words.labels['nothing']}; "
                f"{words.labels['match']} {words.number(round(row['match_score'], 2))}")
    upper = row["value_max"]
    value = words.number(row["value"]) + (f" {words.labels['to']} {words.number(upper)}"
                                          if upper is not None else "")
    return (f"{value} {row['unit']}; {words.labels['scope_hover']} "
            f"{row['scope_code'] or words.labels['unknown']}; {words.labels['rule']} {row['rule']}")


def _codes(codes: list[str], words: Language) -> str:
    return ", ".join(codes) or words.labels["nothing"]


def _legend(words: Language) -> str:
    boxes = "".join(f'<label><input type="checkbox" id="show-{kind}" checked> '
                    f'<mark class="entity {kind}" style="background: {colour}">{words(f"kind_{kind}")}'
                    "</mark></label>" for kind, (_, colour) in KINDS.items())
    return f'<p class="legend">{words("legend")} {boxes}</p>'


def _meta_value(key: str, document: dict, words: Language) -> str:
    value = document[key]
    if key == "published_on":
        return words.date(value)
    if key == "status":
        return words.labels[f"status_{value}"]
    return str(value)


def _document(document: dict, rows: dict[str, list[dict]], words: Language) -> str:
    meta = " · ".join(escape(f"{words.labels['meta_' + key]} {_meta_value(key, document, words)}")
                      for key in ("source", "issuer", "place", "published_on", "status", "doc_id")
                      if document[key])
    parts = [f'<section id="doc-{escape(document["doc_id"])}">',
             f"<h3>{escape(document['title'] or document['source'])}</h3>",
             f'<p class="meta">{meta}</p>']
    for rejection in rows["rejections"]:
        parts.append(f'<p class="failed">{words("rejected_at", stage=rejection["stage"], reason=rejection["reason"])}</p>')
    if document["text"]:
        colours = {words(f"kind_{kind}"): colour for kind, (_, colour) in KINDS.items()}
        parts.append(displacy.render({"text": document["text"], "ents": _spans(rows, words)},
                                     style="ent", manual=True, page=False, jupyter=False,
                                     options={"colors": colours, "template": ENT_TEMPLATE}))
    for name in DOCUMENT_TABLES:
        if rows[name]:
            columns = [c for c in TABLES[name].column_names if c not in HIDDEN_COLUMNS]
            parts += [f"<h4>{name}</h4>", _table(rows[name], columns, words)]
    parts.append("</section>")
    return "\n".join(parts)


# ---------------------------------------------------------------- tables

def _cell(value, words: Language) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{words('yes') if value else words('no')}</td>"
    if isinstance(value, (int, float)):
        return f'<td class="number">{words.number(value)}</td>'
    if isinstance(value, datetime):
        return f"<td>{escape(value.isoformat())}</td>"
    if isinstance(value, date):
        return f"<td>{escape(words.date(value))}</td>"
    if isinstance(value, list):
        return f"<td>{escape(', '.join(str(v) for v in value))}</td>"
    return f"<td>{escape(str(value))}</td>"


def _table(rows: list[dict], columns: list[str], words: Language) -> str:
    if not rows:
        return f"<p>{words('none')}</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(f'<tr{" class=conflict" if row.get("conflict") else ""}>'
                   + "".join(_cell(row[c], words) for c in columns) + "</tr>" for row in rows)
    return f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


# ---------------------------------------------------------------- quality

def _quality(quality: dict | None, words: Language) -> str:
    if quality is None:
        return f"<p>{words('quality_missing')}</p>"
    verdict = (f'<span class="ok">{words("quality_passed")}</span>' if quality["success"]
               else f'<span class="failed">{words("quality_failed")}</span>')
    rows = []
    for name, validation in quality["validations"].items():
        results = validation["results"]
        failed = [r["expectation_config"]["type"] for r in results if not r["success"]]
        rows.append({"check": name, "expectations": len(results), "failed": len(failed),
                     "failed_expectations": failed})
    failures = quality["table_failures"] + [words.labels["document"].format(doc_id=doc_id, reason=reason)
                                            for doc_id, reasons in quality["document_failures"].items()
                                            for reason in reasons]
    listed = "".join(f"<li>{escape(f)}</li>" for f in failures)
    line = words.labels["quality_line"].format(version=escape(quality["great_expectations_version"]),
                                               at=escape(quality["validated_at"]), verdict=verdict)
    columns = ["check", "expectations", "failed", "failed_expectations"]
    translated = [{words(c): row[c] for c in columns} for row in rows]
    return (f"<p>{line}</p>" + (f'<ul class="failed">{listed}</ul>' if listed else "")
            + _table(translated, [words(c) for c in columns], words))


# ---------------------------------------------------------------- chart

def _chart(tables: dict[str, list[dict]], words: Language) -> str:
    """Horizontal bars: distinct territories per région (rows) and phase (one bar each), as SVG."""
    published = {d["doc_id"] for d in tables["documents"] if d["status"] == "published"}
    regions = referential.load().regions
    counts: dict[str, dict[str | None, set]] = defaultdict(lambda: defaultdict(set))
    for row in tables["territories"]:
        if row["doc_id"] in published:
            for code in row["region_codes"] or [None]:
                name = regions[code].name if code in regions else words("region_unknown")
                counts[name][row["phase"]].add(row["territory_id"])
    if not counts:
        return f"<p>{words('no_territory')}</p>"
    phases = [p for p in [*PHASES, None] if any(p in by_phase for by_phase in counts.values())]
    top = max(len(ids) for by_phase in counts.values() for ids in by_phase.values())
    label_width, bar_width, bar, gap = 190, 480, 16, 10
    group = bar * len(phases) + gap
    height = group * len(counts) + 40
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 60}" '
           f'height="{height}" role="img" aria-label="{escape(words("chart"))}" '
           'font-family="sans-serif" font-size="12">']
    for index, name in enumerate(sorted(counts)):
        y = index * group
        svg.append(f'<text x="{label_width - 8}" y="{y + group / 2}" text-anchor="end">'
                   f"{escape(name)}</text>")
        for offset, phase in enumerate(phases):
            count = len(counts[name].get(phase, ()))
            width = bar_width * count / top
            top_y = y + offset * bar
            svg.append(f'<rect x="{label_width}" y="{top_y}" width="{width:.1f}" height="{bar - 2}" '
                       f'fill="{PHASE_COLOURS[phase]}"><title>{escape(name)}, '
                       f"{escape(phase or words('phase_unknown'))}: {count}</title></rect>")
            svg.append(f'<text x="{label_width + width + 4:.1f}" y="{top_y + bar - 4}">{count}</text>')
    legend_y = height - 14
    for offset, phase in enumerate(phases):
        x = label_width + offset * 140
        svg.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" '
                   f'fill="{PHASE_COLOURS[phase]}"/>'
                   f'<text x="{x + 16}" y="{legend_y}">{escape(phase or words("phase_unknown"))}</text>')
    svg.append("</svg>")
    return "\n".join(svg)


def _warnings(tables: dict[str, list[dict]], words: Language) -> str:
    """The published documents the quality gate had a doubt about, with the doubt."""
    if not tables["warnings"]:
        return f"<p>{words('warnings_none')}</p>"
    source = {d["doc_id"]: d["source"] for d in tables["documents"]}
    rows = [{"source": source.get(w["doc_id"], w["doc_id"]), **w} for w in tables["warnings"]]
    return (f"<p>{words.labels['warnings_intro']}</p>"
            + _table(rows, ["source", *TABLES["warnings"].column_names], words))
