"""The Great Expectations quality gate run on the tables before they are published.

Three kinds of checks, all executed by GX so that every run leaves a GX validation result behind:

- schema checks, one suite per table generated from pipeline.metadata (column list, non-null,
  vocabularies, patterns, ranges, primary key), so the gate can never drift from the contract;
- referential checks on a derived table with one row per code, SIREN or date to look up (list
  columns exploded), whose boolean `passed` column GX expects to be True;
- source grounding on a derived table with one row per grounded row (`mention == text[start:end]`),
  whose `grounded` column GX expects to be True. A row that fails it condemns its document only,
  so the flow can reject that document and publish the others;
- stated against listed counts ("21 territoires ... : • … " must list 21), on the stated_counts
  table. Three outcomes: where the count certainly sizes its list (`doubt` null), GX expects
  `stated == listed` at critical severity and a document contradicting itself is rejected; where
  a difference would not prove the document wrong (the text ends inside the list, items not all
  read as territories), the same expectation at warning severity publishes the document with a
  row in the `warnings` table (`communiques run --strict` rejects it instead). Both expectations
  appear in the Data Docs, the warnings with their rows;
- coverage: GX expects no shortfall (`missing <= 0`) on the coverage table, at warning severity:
  a registry holding fewer territories of an area and phase than the latest count claimed there
  is a warning row (check coverage_shortfall, on the document stating the count), never a
  rejection, even with `--strict`: the registry is only as complete as the communiqués processed.

The warnings table is the gate's own output: validate_tables replaces whatever the tables passed
hold with the warnings it finds, and validates that too; `communiques validate` compares the
published one with it (published_warnings_differ).
"""

from __future__ import annotations

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import logging  # noqa: E402
import numbers  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from datetime import date, datetime, timezone  # noqa: E402
from functools import cache  # noqa: E402
from pathlib import Path  # noqa: E402

import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
from great_expectations.core import ExpectationSuiteValidationResult  # noqa: E402
from great_expectations.core.expectation_validation_result import (  # noqa: E402
    ExpectationValidationResult,
)
from great_expectations.core.run_identifier import RunIdentifier  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.data_context.types.resource_identifiers import (  # noqa: E402
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.expectations.metadata_types import FailureSeverity  # noqa: E402
from great_expectations.expectations.row_conditions import Column  # noqa: E402

from pipeline import referential, storage  # noqa: E402
from pipeline.metadata import COVERAGE_CHECK as COVERAGE  # noqa: E402
from pipeline.metadata import GROUNDED_TABLES, TABLES, Field  # noqa: E402

REFERENCES, GROUNDING, COUNTS = "references", "grounding", "stated_vs_listed"
COUNTS_IN_DOUBT = "stated_vs_listed_in_doubt"
STRICT_HINT = "published; `communiques run --strict` rejects it"
LIST_QUOTE_CHARACTERS = 36
DATA_DOCS_SITE, DATA_DOCS_DIR = "quality", "data_docs"
SPAN_COLUMNS = ["doc_id", "mention", "start", "end"]


@dataclass
class QualityReport:
    success: bool  # no table failure, no document failure (warnings do not count)
    table_failures: list[str]
    document_failures: dict[str, list[str]]
    results_path: Path | None
    warnings: list[dict] = field(default_factory=list)  # rows of the warnings table


# ---------------------------------------------------------------- suites from the metadata

def _field_expectations(field: Field) -> list:
    """The column-level constraints a Field declares, as GX expectations."""
    expectations = []
    if not field.nullable:
        expectations.append(gx.expectations.ExpectColumnValuesToNotBeNull(column=field.name))
    if field.enum:
        expectations.append(gx.expectations.ExpectColumnValuesToBeInSet(
            column=field.name, value_set=field.enum))
    if field.pattern:
        expectations.append(gx.expectations.ExpectColumnValuesToMatchRegex(
            column=field.name, regex=field.pattern))
    if field.minimum is not None or field.maximum is not None:
        expectations.append(gx.expectations.ExpectColumnValuesToBeBetween(
            column=field.name, min_value=field.minimum, max_value=field.maximum))
    return expectations


def build_suites() -> dict[str, gx.ExpectationSuite]:
    """One suite per table, generated from metadata.TABLES (nothing restated by hand)."""
    suites = {}
    for table in TABLES.values():
        expectations = [gx.expectations.ExpectTableColumnsToMatchOrderedList(
            column_list=table.column_names)]
        for field in table.fields:
            expectations += _field_expectations(field)
        if len(table.primary_key) == 1:
            expectations.append(gx.expectations.ExpectColumnValuesToBeUnique(
                column=table.primary_key[0]))
        elif table.primary_key:
            expectations.append(gx.expectations.ExpectCompoundColumnsToBeUnique(
                column_list=table.primary_key))
        # Passed to the constructor: add_expectation() would need an active GX context.
        suites[table.name] = gx.ExpectationSuite(name=table.name, expectations=expectations)
    return suites


def write_suites(directory: Path) -> None:
    """Write the suites as expectations/<table>.json, for review and for GX tooling."""
    for name, suite in build_suites().items():
        storage.write_json(directory / f"{name}.json", suite.to_json_dict())


def _all_true_suite(name: str, column: str) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name=name, expectations=[
        gx.expectations.ExpectColumnValuesToBeInSet(column=column, value_set=[True])])


# ---------------------------------------------------------------- running GX

@cache
def _context():
    """One ephemeral context per process: creating it costs more than validating small tables."""
    # GX announces the temporary folder of the ephemeral docs site at INFO level on every run,
    # from a module whose logger GX sets to INFO itself.
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # tqdm would write to stderr
    return context


@cache
def _batch_definitions() -> dict:
    source = _context().data_sources.add_pandas("communiques")
    return {name: source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
            for name in [*TABLES, REFERENCES, GROUNDING, COUNTS, COUNTS_IN_DOUBT, COVERAGE]}


def _validate(name: str, frame: pd.DataFrame, suite: gx.ExpectationSuite,
              result_format: str) -> ExpectationSuiteValidationResult:
    batch = _batch_definitions()[name].get_batch(batch_parameters={"dataframe": frame})
    with warnings.catch_warnings():
        # GX matches regexes with pandas' str.contains, which warns about capture groups
        # (metadata patterns such as territory_id's) although only the match is wanted.
        warnings.filterwarnings("ignore", category=UserWarning,
                                message="This pattern is interpreted as a regular expression")
        return batch.validate(suite, result_format=result_format)


def _distinct(values: list) -> list:
    """Unexpected values without repeats, for messages (compound keys come as dicts)."""
    seen = {}
    for value in values:
        value = tuple(value.values()) if isinstance(value, dict) else value
        seen.setdefault(repr(value), value)
    return list(seen.values())


def _exception_message(outcome: ExpectationValidationResult) -> str | None:
    """Why GX could not evaluate an expectation (a missing column, a type error), if it could not."""
    info = outcome.exception_info or {}
    per_metric = [i for i in info.values() if isinstance(i, dict)]  # keyed by metric when raised
    messages = [i.get("exception_message") for i in [info, *per_metric] if i.get("raised_exception")]
    return "; ".join(m for m in messages if m) or None


def _describe(table: str, outcome: ExpectationValidationResult) -> str:
    """A failed expectation as a sentence naming the table and the column."""
    kwargs, result = outcome.expectation_config.kwargs, outcome.result
    kind = outcome.expectation_config.type
    subject = f"column '{kwargs['column']}'" if "column" in kwargs else "table"
    error = _exception_message(outcome)
    if error:
        return f"{table}: {subject}: {kind} could not run: {error}"
    values = _distinct(result.get("partial_unexpected_list", []))
    rows = result.get("partial_unexpected_index_list", [])
    if kind == "expect_table_columns_to_match_ordered_list":
        expected, found = kwargs["column_list"], result["observed_value"]
        missing = [c for c in expected if c not in found]
        unexpected = [c for c in found if c not in expected]
        detail = "; ".join(part for part in (missing and f"missing {missing}",
                                             unexpected and f"unexpected {unexpected}") if part)
        return (f"{table}: columns {found} do not match the contract's {expected} "
                f"({detail or 'wrong order'})")
    if kind == "expect_column_values_to_not_be_null":
        return f"{table}: {subject} has {result['unexpected_count']} null value(s) (rows {rows})"
    if kind == "expect_column_values_to_be_in_set":
        return f"{table}: {subject} has values outside {kwargs['value_set']}: {values}"
    if kind == "expect_column_values_to_match_regex":
        return f"{table}: {subject} has values not matching {kwargs['regex']}: {values}"
    if kind == "expect_column_values_to_be_between":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        if high is None:
            bounds = f"below {low}"
        elif low is None:
            bounds = f"above {high}"
        else:
            bounds = f"outside [{low}, {high}]"
        return f"{table}: {subject} has values {bounds}: {values}"
    if kind in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        key = kwargs.get("column_list") or [kwargs["column"]]
        return f"{table}: primary key {key} has duplicate values: {values} (rows {rows})"
    return f"{table}: {subject}: {kind} failed: {result}"


def _validate_derived(name: str, frame: pd.DataFrame, column: str,
                      results: dict, table_failures: list[str]) -> pd.DataFrame:
    """Expect `column` of a derived table to be all True; return the rows GX found failing.

    The COMPLETE result format lists the index of every failing row, so the reasons are read
    from GX's verdict, not recomputed beside it.
    """
    results[name] = _validate(name, frame, _all_true_suite(name, column), "COMPLETE")
    failed = []
    for outcome in results[name].results:
        if _exception_message(outcome):
            table_failures.append(_describe(name, outcome))
        failed += outcome.result.get("unexpected_index_list", [])
    return frame.loc[failed]


# ---------------------------------------------------------------- referential checks

def _luhn_valid(siren: str) -> bool:
    """INSEE SIRENs carry a Luhn check digit: catches most mistyped or misread digits."""
    if not siren.isdigit():
        return False
    total = 0
    for position, digit in enumerate(int(c) for c in reversed(siren)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _not_in_future(value) -> bool:
    """A dateline after today is a misread date (dates come as date, Timestamp or ISO string)."""
    return pd.Timestamp(value).date() <= date.today()


def _reference_checks() -> dict[str, list[tuple[str, Callable[[object], bool]]]]:
    """Per column name: (what a failing value is, test) pairs, applied wherever the column appears."""
    ref = referential.load()
    departements, regions = set(ref.departements), set(ref.regions)
    return {
        "departement_codes": [("outside the COG départements", departements.__contains__)],
        "region_codes": [("outside the COG régions", regions.__contains__)],
        "scope_code": [("outside the COG régions, départements and FR",
                        (departements | regions | {"FR"}).__contains__)],
        "siren": [("outside the EPCI referential", ref.epcis.__contains__),
                  ("failing the SIREN Luhn checksum", _luhn_valid)],
        "published_on": [("in the future", _not_in_future)],
    }


def _references(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (table, column, distinct value to look up, check): list columns exploded,
    nulls left to the suites. Distinct values, as a SIREN may be named in thousands of rows."""
    checks_by_column = _reference_checks()
    rows = []
    for name, frame in frames.items():
        types = {f.name: f.type for f in TABLES[name].fields}
        for column in checks_by_column.keys() & types.keys() & set(frame.columns):
            values = frame[column].explode() if types[column] == "list_of_string" else frame[column]
            distinct = values.dropna().unique()
            for description, test in checks_by_column[column]:
                rows += [(name, column, value, description, bool(test(value)))
                         for value in distinct]
    return pd.DataFrame(rows, columns=["table", "column", "value", "check", "passed"])


def _reference_failures(failed: pd.DataFrame) -> list[str]:
    """One message per table, column and check, listing the distinct failing values."""
    return [f"{table}: column '{column}' has values {check}: {sorted(set(map(str, group['value'])))}"
            for (table, column, check), group in failed.groupby(["table", "column", "check"],
                                                               sort=False)]


# ---------------------------------------------------------------- source grounding

def _grounding_problem(text, mention, start, end) -> str | None:
    """Why a span does not point at its mention in the document's text, or None when it does."""
    if not isinstance(text, str):
        return "its document is not in the documents table or has no text"
    if not (isinstance(start, numbers.Integral) and isinstance(end, numbers.Integral)):
        return f"offsets {start}-{end} are not integers"
    if not start < end:
        return f"start {start} is not before end {end}"
    if end > len(text):
        return f"offsets {start}-{end} run past the end of the text ({len(text)} characters)"
    if text[start:end] != mention:
        return (f"mention {mention!r} does not match the text at {start}-{end} "
                f"({text[start:end]!r})")
    return None


def _texts(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """doc_id -> text of the documents table, if it has those columns."""
    documents = frames.get("documents")
    if documents is None or not {"doc_id", "text"} <= set(documents.columns):
        return {}
    return dict(zip(documents["doc_id"], documents["text"]))


def _grounding(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per row of a grounded table: is its mention exactly text[start:end]?

    Built column by column (it has as many rows as the grounded tables together)."""
    texts = _texts(frames)
    parts = []
    for name in GROUNDED_TABLES:
        frame = frames.get(name)
        if frame is None or not set(SPAN_COLUMNS) <= set(frame.columns):
            continue  # the table's own suite reports the missing columns
        problems = [_grounding_problem(texts.get(doc_id), mention, start, end)
                    for doc_id, mention, start, end in zip(*(frame[c] for c in SPAN_COLUMNS))]
        part = pd.DataFrame({"table": name, "row": range(len(frame)),
                             "doc_id": frame["doc_id"].to_numpy(),
                             "grounded": [problem is None for problem in problems],
                             "reason": [problem and f"{name} row {row}: {problem}"
                                        for row, problem in enumerate(problems)]})
        parts.append(part[part["doc_id"].notna()])  # a null doc_id: the table's not-null check
    if not parts:
        return pd.DataFrame(columns=["table", "row", "doc_id", "grounded", "reason"])
    return pd.concat(parts, ignore_index=True)


# ---------------------------------------------------------------- stated vs listed counts

def _counts_suite(certain: bool) -> gx.ExpectationSuite:
    """stated == listed: at critical severity where the count certainly sizes its list, at
    warning severity elsewhere (a suite of its own, so that the Data Docs index tells them apart)."""
    doubt = Column("doubt")
    expectation = gx.expectations.ExpectColumnPairValuesToBeEqual(
        column_A="stated", column_B="listed",
        row_condition=doubt.is_null() if certain else doubt.is_not_null(),
        severity=FailureSeverity.CRITICAL if certain else FailureSeverity.WARNING,
        description=("Counts that certainly size their list: a difference rejects the document."
                     if certain else "Counts whose comparison is in doubt (see their doubt): a "
                     "difference publishes the document with a warning (run --strict rejects it)."))
    return gx.ExpectationSuite(name=COUNTS if certain else COUNTS_IN_DOUBT, expectations=[expectation])


def _list_quote(text, start, end) -> str:
    """The list a count was compared with, as a reviewer finds it: offsets, first and last words."""
    if not isinstance(text, str) or not isinstance(start, numbers.Integral):
        return f"the list at {start}-{end}"
    words = " ".join(text[start:end].split())
    if len(words) > 2 * LIST_QUOTE_CHARACTERS:  # its first and last words, cut between words
        head = words[:LIST_QUOTE_CHARACTERS].rsplit(" ", 1)[0]
        tail = words[-LIST_QUOTE_CHARACTERS:].split(" ", 1)[-1]
        words = f"{head} … {tail}"
    return f"the list at {start}-{end} ('{words}')"


def _count_sentence(row: pd.Series, text) -> str:
    phase = f" for {row['phase']}" if isinstance(row["phase"], str) else ""
    area = f"{row['scope_name']} ({row['scope_code']})"
    return (f"states {row['stated']} territories in {area}{phase} ('{row['mention']}') but "
            f"{_list_quote(text, row['list_start'], row['list_end'])} names {row['listed']}")


def _count_checks(frames: dict[str, pd.DataFrame], results: dict, table_failures: list[str]
                  ) -> tuple[list[tuple[str, str]], list[dict]]:
    """(doc_id, reason) of every count that certainly differs from its list, and a warning row
    for every difference in doubt."""
    frame = frames.get("stated_counts")
    columns = {"doc_id", "stated", "listed", "doubt", "mention", "list_start", "list_end"}
    if frame is None or not columns <= set(frame.columns):
        return [], []  # the table's own suite reports it
    texts = _texts(frames)
    failures, doubts = [], []
    for certain, name in ((True, COUNTS), (False, COUNTS_IN_DOUBT)):
        results[name] = _validate(name, frame, _counts_suite(certain), "COMPLETE")
        for outcome in results[name].results:
            if _exception_message(outcome):
                table_failures.append(_describe(name, outcome))
            for index in outcome.result.get("unexpected_index_list", []):
                row = frame.loc[index]
                sentence = _count_sentence(row, texts.get(row["doc_id"]))
                if certain:
                    failures.append((row["doc_id"], sentence))
                else:
                    doubts.append({"doc_id": row["doc_id"], "check": COUNTS,
                                   "detail": f"{sentence}; not a proof of error, as "
                                             f"{row['doubt']} ({STRICT_HINT})"})
    return failures, doubts


def rejections(report: QualityReport, strict: bool) -> dict[str, list[str]]:
    """Reasons per document to reject: its failures, and with `strict` its doubts (a coverage
    shortfall is about the registry, not the document: never a rejection)."""
    rejected = {doc_id: list(reasons) for doc_id, reasons in report.document_failures.items()}
    if strict:
        for warning in report.warnings:
            if warning["check"] == COVERAGE:
                continue
            reason = warning["detail"].replace(STRICT_HINT, "rejected by `communiques run --strict`")
            rejected.setdefault(warning["doc_id"], []).append(reason)
    return rejected


def published_warnings_differ(published: pd.DataFrame, report: QualityReport) -> list[str]:
    """How the warnings table as published differs from the warnings the gate finds now."""
    expected = TABLES["warnings"].column_names
    if list(published.columns) != expected:
        return [f"warnings: columns {list(published.columns)} do not match the contract's {expected}"]
    found = {tuple(w[c] for c in expected) for w in report.warnings}
    listed = set(published.itertuples(index=False, name=None))
    problems = [f"warnings: the gate finds a doubt the published table lacks: {row}"
                for row in sorted(found - listed)]
    problems += [f"warnings: the published table lists a doubt the gate does not find: {row}"
                 for row in sorted(listed - found)]
    return problems


# ---------------------------------------------------------------- coverage

def _coverage_warnings(frames: dict[str, pd.DataFrame], results: dict,
                       table_failures: list[str]) -> list[dict]:
    """A warning (doc_id of the claimed count, check, detail) per scope and phase whose registry
    holds fewer territories than claimed; the expectation's severity keeps the gate passing."""
    frame = frames.get("coverage")
    if frame is None or not {"doc_id", "claimed", "found", "missing"} <= set(frame.columns):
        return []  # the table's own suite reports it
    suite = gx.ExpectationSuite(name=COVERAGE, expectations=[
        gx.expectations.ExpectColumnValuesToBeBetween(column="missing", max_value=0,
                                                      severity=FailureSeverity.WARNING)])
    results[COVERAGE] = _validate(COVERAGE, frame, suite, "COMPLETE")
    shortfalls = []
    for outcome in results[COVERAGE].results:
        if _exception_message(outcome):
            table_failures.append(_describe(COVERAGE, outcome))
        for index in outcome.result.get("unexpected_index_list", []):
            row = frame.loc[index]
            names = list(row["missing_names"]) if row["missing_names"] is not None else []
            listed = f"; listed by a source but not placed there: {', '.join(names)}" if names else ""
            shortfalls.append({"doc_id": row["doc_id"], "check": COVERAGE, "detail": (
                f"{row['scope_name']} ({row['scope_code']}), {row['phase']}: {row['claimed']} "
                f"territories claimed, {row['found']} in the registry{listed}; add the "
                "communiqués naming the others to complete it")})
    return shortfalls


# ---------------------------------------------------------------- the gate

def validate_tables(tables: dict[str, pd.DataFrame], quality_dir: Path | None) -> QualityReport:
    """Run every check in GX; table failures block publishing, document failures reject a
    document, doubts become the warnings table (validated here too, in place of the one given)."""
    frames = {name: tables[name].reset_index(drop=True) for name in TABLES if name in tables}
    results = {}
    table_failures: list[str] = []
    count_failures, doubts = _count_checks(frames, results, table_failures)
    doubts += _coverage_warnings(frames, results, table_failures)
    frames["warnings"] = pd.DataFrame(doubts, columns=TABLES["warnings"].column_names, dtype=object)
    table_failures += [f"{name}: table missing" for name in TABLES if name not in frames]
    for name, suite in build_suites().items():
        if name in frames:
            results[name] = _validate(name, frames[name], suite, "SUMMARY")
            table_failures += [_describe(name, r) for r in results[name].results if not r.success]

    failed = _validate_derived(REFERENCES, _references(frames), "passed", results, table_failures)
    table_failures += _reference_failures(failed)

    failed = _validate_derived(GROUNDING, _grounding(frames), "grounded", results, table_failures)
    document_failures: dict[str, list[str]] = {}
    for doc_id, reason in zip(failed["doc_id"], failed["reason"]):
        document_failures.setdefault(doc_id, []).append(reason)
    for doc_id, reason in count_failures:
        document_failures.setdefault(doc_id, []).append(reason)

    success = all(_succeeded(result) for result in results.values()) and not table_failures
    report = QualityReport(success, table_failures, document_failures, None, doubts)
    if quality_dir is not None:
        report.results_path = _write_results(quality_dir, report, results)
        build_data_docs(quality_dir / DATA_DOCS_DIR, results, report.results_path.stem)
    return report


def _succeeded(result: ExpectationSuiteValidationResult) -> bool:
    """Every expectation passed, or failed at warning severity only."""
    return all(outcome.success or outcome.expectation_config.severity == FailureSeverity.WARNING
               for outcome in result.results)


def build_data_docs(site_dir: Path, results: dict[str, ExpectationSuiteValidationResult],
                    run_name: str) -> Path:
    """GX Data Docs (static HTML a person can open) of this run's validations; returns index.html.

    The ephemeral context keeps results in memory, so they are stored under this run's name and
    the site is rendered into `site_dir`.
    """
    context = _context()
    site = {"class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(site_dir.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}
    if DATA_DOCS_SITE in context.list_data_docs_sites():
        context.update_data_docs_site(DATA_DOCS_SITE, site)
    else:
        context.add_data_docs_site(DATA_DOCS_SITE, site)
    run_id = RunIdentifier(run_name=run_name)
    for name, result in results.items():
        identifier = ValidationResultIdentifier(ExpectationSuiteIdentifier(name=name), run_id, name)
        context.validation_results_store.set(identifier, result)
    context.build_data_docs(site_names=[DATA_DOCS_SITE])
    return site_dir / "index.html"


def _write_results(quality_dir: Path, report: QualityReport,
                   results: dict[str, ExpectationSuiteValidationResult]) -> Path:
    """Keep every run's results (validation-<UTC time>.json) and the last one as latest.json."""
    now = datetime.now(timezone.utc)
    payload = {"validated_at": now.isoformat(), "success": report.success,
               "great_expectations_version": gx.__version__,
               "table_failures": report.table_failures,
               "document_failures": report.document_failures,
               "warnings": report.warnings,
               "validations": {name: result.to_json_dict() for name, result in results.items()}}
    path = quality_dir / f"validation-{now.strftime('%Y%m%dT%H%M%S%fZ')}.json"
    storage.write_json(path, payload)
    storage.write_json(quality_dir / "latest.json", payload)
    return path
