"""`communiques`: the command line of the contract (run, validate, evaluate, serve)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.settings import configure_environment

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _run(args: argparse.Namespace) -> int:
    from pipeline import etl

    try:
        etl.discover(args.input)  # fail fast, before Prefect starts, on an unusable folder
    except etl.UnusableInput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    from flows.etl import run_etl

    summary = run_etl(input_dir=str(args.input), output_dir=str(args.output))
    _print_summary(summary, args.output)
    if summary["table_failures"]:
        return EXIT_REJECTED
    return EXIT_REJECTED if summary["rejected"] else EXIT_OK


def _print_summary(summary: dict, output: Path) -> None:
    print(f"\ncommuniqués: {summary['documents']} seen, {summary['published']} published, "
          f"{summary['rejected']} rejected ({summary['seconds']} s)")
    for rejection in summary["rejections"]:
        print(f"  rejected: {rejection}")
    if summary["table_failures"]:
        print("quality gate failed on the tables; nothing was published:")
        for failure in summary["table_failures"]:
            print(f"  - {failure}")
        return
    rows = ", ".join(f"{name} {count}" for name, count in summary["rows"].items())
    print(f"tables written to {output}/: {rows}")


def _validate(args: argparse.Namespace) -> int:
    from pipeline import quality, storage
    from pipeline.metadata import TABLES

    missing = [t.file_name for t in TABLES.values() if not (args.output / t.file_name).exists()]
    if missing:
        print(f"error: {args.output} lacks {', '.join(missing)}; run `communiques run` first",
              file=sys.stderr)
        return EXIT_USAGE
    frames = {name: storage.read_table(args.output, name) for name in TABLES}
    report = quality.validate_tables(frames, args.output / "quality")
    for failure in report.table_failures:
        print(f"FAILED {failure}")
    for doc_id, reasons in report.document_failures.items():
        for reason in reasons:
            print(f"FAILED document {doc_id}: {reason}")
    print("all checks passed" if report.success else "quality checks failed")
    if report.results_path:
        print(f"results: {report.results_path}")
    return EXIT_OK if report.success else EXIT_REJECTED


def _evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_report

    try:
        print(format_report(evaluate(args.output, args.gold)))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from flows.etl import run_etl

    run_etl.serve(name="communiques-etl", cron=args.cron,
                  parameters={"input_dir": str(args.input), "output_dir": str(args.output)})
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communiques",
        description="Turn press releases about Territoires d'industrie into Parquet tables.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the ETL flow over a folder of communiqués")
    run.add_argument("--input", type=Path, default=Path("raw"), help="folder of communiqués (raw/)")
    run.add_argument("--output", type=Path, default=Path("processed"), help="output folder (processed/)")
    run.set_defaults(handler=_run)

    validate = commands.add_parser("validate", help="re-run the quality checks on published tables")
    validate.add_argument("--output", type=Path, default=Path("processed"))
    validate.set_defaults(handler=_validate)

    evaluate = commands.add_parser("evaluate", help="score published tables against gold annotations")
    evaluate.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files")
    evaluate.add_argument("--output", type=Path, default=Path("processed"))
    evaluate.set_defaults(handler=_evaluate)

    serve = commands.add_parser("serve", help="serve the flow as a Prefect deployment on a schedule")
    serve.add_argument("--cron", default="0 7 * * 1-5", help='schedule (default "0 7 * * 1-5")')
    serve.add_argument("--input", type=Path, default=Path("raw"))
    serve.add_argument("--output", type=Path, default=Path("processed"))
    serve.set_defaults(handler=_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    configure_environment()
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
