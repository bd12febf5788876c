"""`communiques report`: one static HTML page to review what a run extracted and published.

For each document, its clean text with every extraction highlighted by kind (displaCy's manual
entity view) and the linked code shown on hover, then the rows of that document; the
consolidated territories and claims; the quality results and rejections; a chart of territories
per région and phase. The page is self-contained (inline CSS and SVG, no script, nothing fetched):
it can be opened from a CI artifact or mailed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from html import escape
from pathlib import Path

import pyarrow.parquet as pq
from spacy import displacy

from pipeline import referential
from pipeline.metadata import PHASES, TABLES

# kind: (table, label shown after the highlight, colour)
KINDS = {
    "territory": ("territories", "TERRITOIRE", "#f6c85f"),
    "epci": ("epcis", "EPCI", "#9dd39a"),
    "figure": ("figures", "CHIFFRE", "#8ecdf0"),
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
tr.conflict td { background: #fde2e2; }
.meta { color: #555; font-size: 0.9rem; } .ok { color: #17752b; } .failed { color: #b3261e; }
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


def read_tables(output_dir: Path) -> dict[str, list[dict]]:
    """Every published table as rows; FileNotFoundError naming what is missing."""
    missing = [t.file_name for t in TABLES.values() if not (output_dir / t.file_name).exists()]
    if missing:
        raise FileNotFoundError(f"{output_dir} lacks {', '.join(missing)}; run `communiques run` first")
    return {name: pq.read_table(output_dir / table.file_name).to_pylist()
            for name, table in TABLES.items()}


def build_report(output_dir: Path) -> Path:
    """Write output_dir/report/index.html from the published tables; returns its path."""
    tables = read_tables(output_dir)
    latest = output_dir / "quality" / "latest.json"
    quality = json.loads(latest.read_text(encoding="utf-8")) if latest.exists() else None
    by_doc = {name: _group(tables[name]) for name in (*DOCUMENT_TABLES, "rejections")}
    documents = sorted(tables["documents"], key=lambda d: d["source"])
    body = [
        "<h1>Territoires d'industrie: review of the published tables</h1>",
        f'<p class="meta">{escape(str(output_dir.resolve()))}: {_summary(tables)}</p>',
        "<h2>Territories per région and phase</h2>", _chart(tables),
        "<h2>Figures in conflict between documents</h2>", _conflicts(tables["claims"]),
        "<h2>Territories across documents</h2>",
        _table(tables["territories_registry"], TABLES["territories_registry"].column_names),
        "<h2>Documents</h2>", _legend(),
        *(_document(d, {name: rows.get(d["doc_id"], []) for name, rows in by_doc.items()})
          for d in documents),
        "<h2>Quality gate</h2>", _quality(quality),
        "<h2>Rejections</h2>", _table(tables["rejections"], TABLES["rejections"].column_names),
        '<h2 id="avertissements">Avertissements du contrôle qualité</h2>', _warnings(tables),
    ]
    page = ('<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            "<title>communiques: review</title>"
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


def _summary(tables: dict[str, list[dict]]) -> str:
    published = sum(d["status"] == "published" for d in tables["documents"])
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in tables.items())
    return (f"{len(tables['documents'])} documents, {published} published. "
            f"Rows per table: {escape(counts)}.")


# ---------------------------------------------------------------- highlighted text

def _spans(rows: dict[str, list[dict]]) -> list[dict]:
    """displaCy manual spans of one document, in text order; a span overlapping an earlier
    (or longer) one is left out, since the entity view cannot nest highlights."""
    candidates = []
    for kind, (table, label, _) in KINDS.items():
        for row in rows[table]:
            candidates.append({"start": row["start"], "end": row["end"], "label": label,
                               "params": {"kind": kind, "title": escape(_linked_code(kind, row))}})
    spans, last_end = [], 0
    for span in sorted(candidates, key=lambda s: (s["start"], -s["end"])):
        if span["start"] >= last_end:
            spans.append(span)
            last_end = span["end"]
    return spans


def _linked_code(kind: str, row: dict) -> str:
    """What the hover shows: the code the extraction was linked to."""
    if kind == "territory":
        return (f"territory_id {row['territory_id']}; phase {row['phase'] or 'unknown'}; "
                f"régions {_codes(row['region_codes'])}; départements {_codes(row['departement_codes'])}")
    if kind == "epci":
        link = f"SIREN {row['siren']}" if row["siren"] else "no SIREN (not linked)"
        return (f"{link}: {row['name']} ({row['epci_type'] or 'type unknown'}); "
                f"territory_id {row['territory_id'] or 'none'}; match {row['match_score']:.2f}")
    upper = row["value_max"]
    value = _number(row["value"]) + (f" to {_number(upper)}" if upper is not None else "")
    return f"{value} {row['unit']}; scope {row['scope_code'] or 'unknown'}; rule {row['rule']}"


def _codes(codes: list[str]) -> str:
    return ", ".join(codes) or "none"


def _legend() -> str:
    boxes = "".join(f'<label><input type="checkbox" id="show-{kind}" checked> '
                    f'<mark class="entity {kind}" style="background: {colour}">{label}</mark></label>'
                    for kind, (_, label, colour) in KINDS.items())
    return f'<p class="legend">Highlights (hover one for its linked code): {boxes}</p>'


def _document(document: dict, rows: dict[str, list[dict]]) -> str:
    meta = " · ".join(escape(f"{key} {document[key]}") for key in
                      ("source", "issuer", "place", "published_on", "status", "doc_id")
                      if document[key])
    parts = [f'<section id="doc-{escape(document["doc_id"])}">',
             f"<h3>{escape(document['title'] or document['source'])}</h3>",
             f'<p class="meta">{meta}</p>']
    for rejection in rows["rejections"]:
        parts.append(f'<p class="failed">Rejected at {escape(rejection["stage"])}: '
                     f'{escape(rejection["reason"])}</p>')
    if document["text"]:
        colours = {label: colour for _, label, colour in KINDS.values()}
        parts.append(displacy.render({"text": document["text"], "ents": _spans(rows)},
                                     style="ent", manual=True, page=False, jupyter=False,
                                     options={"colors": colours, "template": ENT_TEMPLATE}))
    for name in DOCUMENT_TABLES:
        if rows[name]:
            columns = [c for c in TABLES[name].column_names if c not in HIDDEN_COLUMNS]
            parts += [f"<h4>{name}</h4>", _table(rows[name], columns)]
    parts.append("</section>")
    return "\n".join(parts)


# ---------------------------------------------------------------- tables

def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if float(value).is_integer() else f"{value:g}"


def _cell(value) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, bool):
        return f"<td>{'yes' if value else 'no'}</td>"
    if isinstance(value, (int, float)):
        return f'<td class="number">{_number(value)}</td>'
    if isinstance(value, list):
        return f"<td>{escape(', '.join(str(v) for v in value))}</td>"
    return f"<td>{escape(str(value))}</td>"


def _table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(f'<tr{" class=conflict" if row.get("conflict") else ""}>'
                   + "".join(_cell(row[c]) for c in columns) + "</tr>" for row in rows)
    return f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _conflicts(claims: list[dict]) -> str:
    conflicting = [c for c in claims if c["conflict"]]
    columns = ["unit", "phase", "scope_code", "scope_name", "value", "value_max", "approximate",
               "published_on", "doc_id", "mention", "sentence"]
    return (f"<p>{len(conflicting)} of {len(claims)} claims: counts of territories that documents "
            "state differently for the same phase and area (rules in "
            "<code>pipeline/registry.py</code>).</p>" + _table(conflicting, columns))


# ---------------------------------------------------------------- quality

def _quality(quality: dict | None) -> str:
    if quality is None:
        return "<p>No quality results (quality/latest.json) in this folder.</p>"
    verdict = ('<span class="ok">all checks passed</span>' if quality["success"]
               else '<span class="failed">checks failed</span>')
    rows = []
    for name, validation in quality["validations"].items():
        results = validation["results"]
        failed = [r["expectation_config"]["type"] for r in results if not r["success"]]
        rows.append({"check": name, "expectations": len(results), "failed": len(failed),
                     "failed expectations": failed})
    failures = quality["table_failures"] + [f"document {doc_id}: {reason}" for doc_id, reasons
                                            in quality["document_failures"].items()
                                            for reason in reasons]
    listed = "".join(f"<li>{escape(f)}</li>" for f in failures)
    return (f"<p>Great Expectations {escape(quality['great_expectations_version'])}, "
            f"validated at {escape(quality['validated_at'])}: {verdict}. "
            'Details: <a href="../quality/data_docs/index.html">Data Docs</a>.</p>'
            + (f'<ul class="failed">{listed}</ul>' if listed else "")
            + _table(rows, ["check", "expectations", "failed", "failed expectations"]))


# ---------------------------------------------------------------- chart

def _chart(tables: dict[str, list[dict]]) -> str:
    """Horizontal bars: distinct territories per région (rows) and phase (one bar each), as SVG."""
    published = {d["doc_id"] for d in tables["documents"] if d["status"] == "published"}
    regions = referential.load().regions
    counts: dict[str, dict[str | None, set]] = defaultdict(lambda: defaultdict(set))
    for row in tables["territories"]:
        if row["doc_id"] in published:
            for code in row["region_codes"] or [None]:
                name = regions[code].name if code in regions else "région unknown"
                counts[name][row["phase"]].add(row["territory_id"])
    if not counts:
        return "<p>No territory published.</p>"
    phases = [p for p in [*PHASES, None] if any(p in by_phase for by_phase in counts.values())]
    top = max(len(ids) for by_phase in counts.values() for ids in by_phase.values())
    label_width, bar_width, bar, gap = 190, 480, 16, 10
    group = bar * len(phases) + gap
    height = group * len(counts) + 40
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_width + bar_width + 60}" '
           f'height="{height}" role="img" aria-label="Territories per région and phase" '
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
                       f"{phase or 'phase unknown'}: {count}</title></rect>")
            svg.append(f'<text x="{label_width + width + 4:.1f}" y="{top_y + bar - 4}">{count}</text>')
    legend_y = height - 14
    for offset, phase in enumerate(phases):
        x = label_width + offset * 140
        svg.append(f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" '
                   f'fill="{PHASE_COLOURS[phase]}"/>'
                   f'<text x="{x + 16}" y="{legend_y}">{phase or "phase unknown"}</text>')
    svg.append("</svg>")
    return "\n".join(svg)


def _warnings(tables: dict[str, list[dict]]) -> str:
    """The published documents the quality gate had a doubt about, with the doubt."""
    if not tables["warnings"]:
        return "<p>Aucun avertissement : le contrôle n'a eu de doute sur aucun document publié.</p>"
    source = {d["doc_id"]: d["source"] for d in tables["documents"]}
    rows = [{"source": source.get(w["doc_id"], w["doc_id"]), **w} for w in tables["warnings"]]
    return ("<p>Documents publiés malgré un doute (<code>communiques run --strict</code> les "
            "rejette) :</p>" + _table(rows, ["source", *TABLES["warnings"].column_names]))
