"""The one description of every published table (after PUDL's metadata/fields.py and resources/).

Each column is described once in FIELDS and each table once in TABLES. The pyarrow schemas used to
write Parquet, the Great Expectations schema checks and `datapackage.json` are all derived from
here, so a column can never be renamed or retyped in one place and not the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

PHASES = ["2019-2022", "2023-2027"]
AS_OF_PRECISIONS = ["day", "month", "year"]
FORMATS = ["txt", "md", "pdf", "html"]
STATUSES = ["published", "rejected"]
STAGES = ["read", "extract", "validate"]
# The quality checks that can publish a document with a warning: a stated count in doubt, and a
# registry holding fewer territories than a document claims (never a rejection, even --strict).
COVERAGE_CHECK = "coverage_shortfall"
CHECKS = ["stated_vs_listed", COVERAGE_CHECK]
EPCI_TYPES = ["CC", "CA", "CU", "METRO", "MET69"]
UNITS = [
    "territoire", "projet", "emploi", "euro", "site", "ecole", "protocole", "plan", "axe",
    "priorite", "probleme", "pourcent", "departement", "epci", "commune", "region",
]


@dataclass(frozen=True)
class Field:
    """One column: its logical type, meaning and the constraints the quality gate enforces."""

    name: str
    type: str  # string, integer, number, boolean, date, timestamp, list_of_string
    description: str
    nullable: bool = False
    enum: list[str] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: list[Field]
    primary_key: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{self.name}.parquet"

    @property
    def column_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(f.name, ARROW_TYPES[f.type], nullable=f.nullable)
                          for f in self.fields])


ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "list_of_string": pa.list_(pa.string()),
    "timestamp": pa.timestamp("us", tz="UTC"),
}

# Frictionless Table Schema types for datapackage.json.
FRICTIONLESS_TYPES = {
    "string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
    "date": "date", "list_of_string": "array", "timestamp": "datetime",
}

_F = Field
FIELDS: dict[str, Field] = {f.name: f for f in [
    _F("doc_id", "string", "Stable document id: first 16 hex digits of the sha256 of the file's bytes.",
       pattern=r"^[0-9a-f]{16}$"),
    _F("source", "string", "Path of the input file relative to the input folder."),
    _F("format", "string", "Input format recognised from the file extension.", enum=FORMATS),
    _F("sha256", "string", "sha256 of the raw bytes of the file.", pattern=r"^[0-9a-f]{64}$"),
    _F("title", "string", "Headline of the communiqué.", nullable=True),
    _F("issuer", "string", "Who published the communiqué (\"Préfet de l'Aisne\", \"ANCT\").", nullable=True),
    _F("place", "string", "Place of the dateline (\"Troyes\").", nullable=True),
    _F("published_on", "date", "Date of the dateline; null when the text states none.", nullable=True),
    _F("text", "string", "Clean plain text of the document; every start/end offset indexes it."),
    _F("status", "string", "Whether the document's rows were published.", enum=STATUSES),
    _F("url", "string", "Where the document was fetched from; null for a file put in the input "
       "folder by hand.", nullable=True),
    _F("fetched_at", "timestamp", "When the document was fetched (UTC); null for a file put in the "
       "input folder by hand.", nullable=True),
    _F("territory_id", "string",
       "Stable territory key: the same territory gets the same key in every document naming it.",
       pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    _F("name", "string", "Short name of the entity, as the text or the referential gives it."),
    _F("mention", "string", "The text exactly as written: text[start:end]."),
    _F("start", "integer", "Offset of the first character of the mention in documents.text.", minimum=0),
    _F("end", "integer", "Offset just after the last character of the mention in documents.text.",
       minimum=1),
    _F("phase", "string", "Programme phase: 2019-2022 (first) or 2023-2027 (second).",
       nullable=True, enum=PHASES),
    _F("region_codes", "list_of_string", "INSEE COG codes of the régions."),
    _F("departement_codes", "list_of_string", "INSEE COG codes of the départements."),
    _F("rule", "string", "Id of the rule or component that produced the row (provenance)."),
    _F("siren", "string", "SIREN of the linked EPCI; null when no confident link.", nullable=True,
       pattern=r"^\d{9}$"),
    _F("epci_type", "string", "Legal form of the EPCI.", nullable=True, enum=EPCI_TYPES),
    _F("successor_siren", "string",
       "When the linked EPCI has since merged: SIREN of the current EPCI that continues it, the one "
       "holding most of its member communes; null when it still exists (a renamed EPCI keeps its "
       "SIREN) or when no current EPCI holds most of its communes.", nullable=True,
       pattern=r"^\d{9}$"),
    _F("candidates", "list_of_string",
       "SIRENs of the EPCIs a name fits equally well when it is not linked (siren null); empty "
       "when linked or when nothing fits.", nullable=True),
    _F("match_score", "number", "Confidence of the link to the referential, 0 to 1.",
       minimum=0.0, maximum=1.0),
    _F("value", "number", "The number stated, scaled (\"100 millions d'euros\" is 100000000).",
       minimum=0.0),
    _F("value_max", "number", "Upper bound of a range (\"1200 à 1300 projets\").", nullable=True,
       minimum=0.0),
    _F("unit", "string", "What is counted: singular, lower case, no accents.", enum=UNITS),
    _F("approximate", "boolean", "The text qualifies the number (\"près de\", \"une cinquantaine\")."),
    _F("scope_code", "string", "COG code of the area counted (région or département), FR for France.",
       nullable=True),
    _F("sentence", "string", "The sentence the figure stands in."),
    _F("scope_name", "string", "Name of the area counted (\"Grand Est\", \"Aube\", \"France\")."),
    _F("stated", "integer", "Number of territories the document says its list holds.", minimum=0),
    _F("listed", "integer", "Number of distinct territories extracted from that list.", minimum=0),
    _F("list_start", "integer", "Offset in documents.text where the list the count sizes begins "
       "(its first item).", minimum=0),
    _F("list_end", "integer", "Offset in documents.text just after the list's last item.", minimum=1),
    _F("doubt", "string",
       "Why a difference between stated and listed would not prove the document wrong (the text "
       "ends inside the list, some items were not read as territories); null when the count "
       "certainly sizes the list: a difference then rejects the document, else it is a warning.",
       nullable=True),
    _F("check", "string", "Which quality check had a doubt: stated_vs_listed (a count and its "
       "list differ where that would not prove the document wrong), coverage_shortfall (the "
       "registry holds fewer territories of an area and phase than this document's count, the "
       "latest claimed there; never a rejection).", enum=CHECKS),
    _F("detail", "string", "The doubt, in a sentence a person can act on."),
    _F("stage", "string", "Pipeline stage that rejected the document.", enum=STAGES),
    _F("reason", "string", "Why the document was rejected, in a sentence a person can act on."),
    _F("phases", "list_of_string", "Programme phases in which documents name the territory."),
    _F("member_sirens", "list_of_string",
       "SIRENs of the member EPCIs, in the order of member_names; null where a member is not "
       "linked. Members are those of the most recent document listing them."),
    _F("member_names", "list_of_string",
       "Member EPCIs (official names when linked) as listed by the most recent document listing them."),
    _F("population", "integer",
       "Population covered: sum of the member EPCIs' populations in the referential; null unless "
       "members are listed and all linked.", nullable=True, minimum=0),
    _F("first_published_on", "date", "Earliest dateline of the documents naming it.", nullable=True),
    _F("last_published_on", "date", "Latest dateline of the documents naming it.", nullable=True),
    _F("doc_ids", "list_of_string", "Published documents naming it."),
    _F("sources", "integer", "Number of documents stating a figure for the same unit, phase and scope.",
       minimum=1),
    _F("as_of", "date",
       "Date the number describes, at as_of_precision (a month or year as its first day): a date "
       "or period its sentence states (\"le 9 novembre 2023\", \"fin décembre 2020\", \"en 2019\", "
       "\"à la fin de la première phase\"), else the source's date (published_on, or a dateline "
       "without its year dated by its weekday); null when neither is known. pipeline/as_of.py "
       "has the rules.", nullable=True),
    _F("as_of_precision", "string",
       "Precision of as_of: day, month or year; two claims are at the same time when these "
       "periods overlap (a day counting as its month). Null when as_of is.", nullable=True,
       enum=AS_OF_PRECISIONS),
    _F("as_of_rule", "string",
       "Rule that dated the number (as_of.stated_day, as_of.stated_month, as_of.stated_year, "
       "as_of.phase_end, as_of.years_ago, as_of.published_on, as_of.weekday_date...); null when "
       "as_of is.", nullable=True),
    _F("superseded_by", "string",
       "doc_id of the claim about the same subject (unit, phase, scope) that comes next in time "
       "(its as_of period after this one's): the count was updated there. Null for the latest "
       "known claims, for undated ones, and for units other than territoire.", nullable=True,
       pattern=r"^[0-9a-f]{16}$"),
    _F("claimed", "integer", "Latest count of territories claimed for the scope and phase: the "
       "dated claim nothing supersedes (the largest if several), else the largest undated one.",
       minimum=0),
    _F("found", "integer", "Distinct territories of that phase that territories_registry places "
       "in that scope (its région or département codes; every territory of the phase for France).",
       minimum=0),
    _F("missing", "integer", "claimed - found (negative when the registry holds more). A shortfall "
       "is a quality warning, never a rejection: the registry is only as complete as the "
       "communiqués processed."),
    _F("missing_names", "list_of_string",
       "Territories a published source lists for the scope and phase (inside the list of a stated "
       "count) that the registry does not place there; empty when no source lists them."),
    _F("conflict", "boolean",
       "Another source states a count of this unit, phase and scope for the same time (as_of "
       "periods that overlap) with no value in common (144 and 146 national first-phase "
       "territories, both stated in November 2019); a later value is an update (superseded_by), "
       "not a conflict. "
       "False when as_of is null; null for units other than territoire, whose amounts are not "
       "compared.", nullable=True),
]}


def _fields(*names: str, **overrides: dict) -> list[Field]:
    """Pick fields by name; `overrides` adjust a field for one table (e.g. nullable doc_id)."""
    picked = []
    for name in names:
        base = FIELDS[name]
        if name in overrides:
            base = Field(**{**base.__dict__, **overrides[name]})
        picked.append(base)
    return picked


_SPAN = ("mention", "start", "end")

TABLES: dict[str, Table] = {t.name: t for t in [
    Table("documents", "One row per input document, rejected ones included.",
          _fields("doc_id", "source", "format", "sha256", "title", "issuer", "place",
                  "published_on", "text", "status", "url", "fetched_at"),
          primary_key=["doc_id"]),
    Table("territories", "One row per Territoire d'industrie per document.",
          _fields("doc_id", "territory_id", "name", *_SPAN, "phase", "region_codes",
                  "departement_codes", "rule"),
          primary_key=["doc_id", "territory_id"]),
    Table("epcis", "One row per member intercommunality named in a document.",
          _fields("doc_id", "territory_id", "siren", "name", "epci_type", *_SPAN,
                  "departement_codes", "match_score", "successor_siren", "candidates", "rule",
                  territory_id={"nullable": True,
                                "description": "Territory the EPCI belongs to, if the text says so."},
                  siren={"description": "SIREN the EPCI had when the document was written (EPCIs of "
                                        "every millésime of the referential from 2019); null when "
                                        "no confident link."},
                  name={"description": "Official name when linked (the last one that SIREN bore), "
                                       "else the name as written."},
                  departement_codes={"description": "INSEE COG codes of the départements the "
                                                    "linked EPCI lies in."})),
    Table("figures", "One row per quantity stated about the programme.",
          _fields("doc_id", "value", "value_max", "unit", "approximate", "scope_code", *_SPAN,
                  "sentence", "rule")),
    Table("stated_counts",
          "One row per count of territories a document states for a list it gives (\"deux "
          "territoires ont été labellisés : ...\"), beside the number of territories listed.",
          _fields("doc_id", "scope_code", "scope_name", "phase", "stated", "listed", *_SPAN, "rule",
                  "list_start", "list_end", "doubt")),
    Table("rejections", "One row per document the pipeline could not publish.",
          _fields("doc_id", "source", "stage", "reason",
                  doc_id={"nullable": True,
                          "description": "Document id; null if the file could not be read at all."})),
    Table("warnings", "One row per doubt the quality gate had about a published document "
          "(`communiques run --strict` rejects such documents instead).",
          _fields("doc_id", "check", "detail")),
    Table("territories_registry",
          "One row per Territoire d'industrie across all published documents (pipeline/registry.py).",
          _fields("territory_id", "name", "phases", "region_codes", "departement_codes",
                  "member_sirens", "member_names", "population", "first_published_on",
                  "last_published_on", "doc_ids",
                  name={"description": "Canonical name: the one of the most recent document naming it."}),
          primary_key=["territory_id"]),
    Table("claims",
          "One row per figure a published document states about a subject (unit and phase) and a "
          "scope at a time (as_of), with the claim that updates it and a conflict flag where "
          "documents differ at the same time (pipeline/registry.py explains the rules).",
          _fields("unit", "phase", "scope_code", "scope_name", "doc_id", "published_on", "value",
                  "value_max", "approximate", "sources", "as_of", "as_of_precision", "as_of_rule",
                  "conflict", "superseded_by", *_SPAN, "sentence", "rule",
                  phase={"nullable": False, "description":
                         "Programme phase the figure is about, from its sentence, else its document."},
                  scope_code={"nullable": False},
                  published_on={"description": "Date of the source document's dateline."},
                  value={"description": "The source's value for this subject, scope and time: "
                                        "the largest it states (scaled)."},
                  start={"description": "Offset of the claimed figure in documents.text; a "
                                        "source stating values for several times has a claim "
                                        "for each."},
                  rule={"description": "Rule that decided the claim's phase: "
                                       "claim.labelled_before_new_phase, claim.phase_in_sentence, "
                                       "claim.dated_before_second_phase or claim.document_phase."}),
          primary_key=["unit", "phase", "scope_code", "scope_name", "doc_id", "start"]),
    Table("coverage",
          "One row per scope and phase for which a count of territories is claimed: the latest "
          "claimed count beside the territories the registry holds (pipeline/registry.py).",
          _fields("scope_code", "scope_name", "phase", "claimed", "doc_id", "as_of", "found",
                  "missing", "missing_names",
                  scope_code={"nullable": False},
                  phase={"nullable": False},
                  doc_id={"description": "Document stating the latest claimed count."},
                  as_of={"description": "Date the latest claimed count describes (claims.as_of); "
                                        "null when it is undated."}),
          primary_key=["scope_code", "scope_name", "phase"]),
]}

# Tables whose rows carry a source span (mention/start/end into documents.text).
GROUNDED_TABLES = [name for name, table in TABLES.items() if "mention" in table.column_names]


def datapackage() -> dict:
    """Frictionless Data Package descriptor of the published tables."""
    resources = []
    for table in TABLES.values():
        schema_fields = []
        for f in table.fields:
            entry = {"name": f.name, "type": FRICTIONLESS_TYPES[f.type], "description": f.description}
            constraints = {"required": not f.nullable}
            if f.enum:
                constraints["enum"] = f.enum
            if f.pattern:
                constraints["pattern"] = f.pattern
            if f.minimum is not None:
                constraints["minimum"] = f.minimum
            if f.maximum is not None:
                constraints["maximum"] = f.maximum
            entry["constraints"] = constraints
            if f.type == "list_of_string":
                entry["arrayItem"] = {"type": "string"}
            schema_fields.append(entry)
        schema = {"fields": schema_fields}
        if table.primary_key:
            schema["primaryKey"] = table.primary_key
        resources.append({"name": table.name, "path": table.file_name, "format": "parquet",
                          "mediatype": "application/vnd.apache.parquet",
                          "description": table.description, "schema": schema})
    return {"name": "communiques", "title": "Territoires d'industrie: facts extracted from press releases",
            "profile": "data-package", "resources": resources}
