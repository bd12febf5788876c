"""`communiques`: the command line of the contract (run, fetch, validate, evaluate, report, serve)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from pipeline import lifetime
from pipeline.settings import configure_environment

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _run(args: argparse.Namespace) -> int:
    """Run the flow, unless the published tables already hold exactly these inputs: that is
    decided from a scan of the input folder, before Prefect (~12 s to start) is imported. With
    --fetch the flow fetches first, so it always starts."""
    started = time.monotonic()
    from pipeline import state
    from pipeline.read import ReadError, limits

    try:
        limits.check_all()  # a bad COMMUNIQUES_MAX_... is a usage error, not a failed run
        if args.fetch:
            _check_sources(args.sources)
            inventory = None
        else:
            inventory = state.scan(args.input, args.output)  # fails fast on an unusable folder
    except (ReadError, state.UnusableInput, UsageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    previous = None if args.full or args.fetch else state.up_to_date(args.output, inventory)
    if previous and previous.summary.get("strict", False) == args.strict:
        summary = {**previous.summary, "new": 0, "seconds": round(time.monotonic() - started, 1)}
        _print_summary(summary, args.input, args.output, unchanged=True)
        return EXIT_REJECTED if summary["rejected"] else EXIT_OK

    exiting_with = lifetime.without_teardown_at_exit()
    # From now on, a signal ends the run at once, even while it starts (a Dask cluster started
    # below would otherwise be closed gently, waiting for its workers).
    lifetime.stop_on_signals(lifetime.farewell(
        f"the tables in {args.output} are those of the last complete run"))
    # The processes that read and extract load spaCy (~7 s) while Prefect is imported here and
    # its server starts: this process's worker, or that of each local Dask worker (flows.cluster).
    address, local_cluster = args.dask_address, None
    if args.workers:
        from flows import cluster

        local_cluster = cluster.start(args.workers)
        address = local_cluster.scheduler_address
    elif not address:
        from pipeline import contain

        contain.start_worker()
    from flows.server import start_if_needed

    server = start_if_needed(remote_workers=bool(args.dask_address))  # starts while the flow is imported
    from flows.etl import NoApiForWorkers, dask_runner, prefect_api, run_etl

    flow = run_etl
    if address:
        flow = run_etl.with_options(task_runner=dask_runner(address))
    try:
        with prefect_api(remote_workers=bool(args.dask_address), server=server):
            final = lifetime.run_in_thread(
                lambda: flow(input_dir=str(args.input), output_dir=str(args.output),
                             full=args.full, sources=str(args.sources) if args.fetch else None,
                             strict=args.strict, return_state=True))
    except NoApiForWorkers as error:
        print(f"error: {error}", file=sys.stderr)
        return exiting_with(EXIT_USAGE)
    finally:
        if local_cluster is not None:
            cluster.close(local_cluster)  # before Prefect's server stops (at exit)
    if not final.is_completed():
        print(f"error: the run failed ({final.message}); nothing was published, the tables in "
              f"{args.output} are those of the last complete run", file=sys.stderr)
        return exiting_with(EXIT_REJECTED)
    summary = final.result()
    if summary.get("fetch"):
        print(summary["fetch"]["report"])
    _print_summary(summary, args.input, args.output)
    if summary["table_failures"] or (summary.get("fetch") and not summary["fetch"]["ok"]):
        return exiting_with(EXIT_REJECTED)
    return exiting_with(EXIT_REJECTED if summary["rejected"] else EXIT_OK)


class UsageError(Exception):
    """Bad command-line input (exit status 2)."""


def _check_sources(path: Path) -> None:
    """Raise UsageError when the sources file cannot be used (before Prefect starts)."""
    from pipeline.fetch.sources import SourcesError, load_sources

    try:
        load_sources(path)
    except SourcesError as error:
        raise UsageError(str(error)) from None


def _fetch(args: argparse.Namespace) -> int:
    from pipeline.fetch.run import fetch, format_report
    from pipeline.fetch.sources import SourcesError

    try:
        report = fetch(args.sources, args.into)
    except SourcesError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"error: cannot write into {args.into} ({error.strerror or error}); pass --into DIR",
              file=sys.stderr)
        return EXIT_USAGE
    print(format_report(report))
    return EXIT_OK if report.ok else EXIT_REJECTED


SHORTFALLS_SHOWN = 5  # coverage shortfalls printed in the summary; coverage.parquet has them all


def _print_summary(summary: dict, input_dir: Path, output: Path, unchanged: bool = False) -> None:
    new = "nothing new" if unchanged else f"{summary['new']} new"
    warned = f" ({summary['warned']} with a warning)" if summary.get("warned") else ""
    print(f"\ncommuniqués: {summary['documents']} seen, {summary['published']} published{warned}, "
          f"{summary['rejected']} rejected; {new} ({_timing(summary, unchanged)})")
    for rejection in summary["rejections"]:
        print(f"  rejected: {rejection}")
    for warning in summary.get("warnings", []):
        print(f"  warning: {warning}")
    shortfalls = summary.get("coverage", [])
    for shortfall in shortfalls[:SHORTFALLS_SHOWN]:
        print(f"  coverage: {shortfall}")
    if len(shortfalls) > SHORTFALLS_SHOWN:
        print(f"  coverage: {len(shortfalls) - SHORTFALLS_SHOWN} more areas where the registry "
              f"holds fewer territories than claimed ({output}/coverage.parquet)")
    if summary["kept_without_file"]:
        print(f"  kept: {summary['kept_without_file']} document(s) whose file left {input_dir}/ "
              "(`communiques run --full` rebuilds the tables from the input folder alone)")
    if summary["table_failures"]:
        print("quality gate failed on the tables; nothing was published:")
        for failure in summary["table_failures"]:
            print(f"  - {failure}")
        return
    rows = ", ".join(f"{name} {count}" for name, count in summary["rows"].items())
    where = f"in {output}/ unchanged" if unchanged else f"written to {output}/"
    print(f"tables {where}: {rows}")


def _timing(summary: dict, unchanged: bool) -> str:
    """'41.8 s, extraction 35.2 s': the flow's time and the part spent extracting."""
    if unchanged or not summary.get("extraction_seconds"):
        return f"{summary['seconds']} s"
    return f"{summary['seconds']} s, extraction {summary['extraction_seconds']} s"


def _validate(args: argparse.Namespace) -> int:
    """Check first that the files are those the last publish wrote (pipeline.storage.verify),
    then run the quality gate on the tables again; its results do not replace the publish's
    (quality/validate-<time>.json)."""
    from pipeline import quality, storage
    from pipeline.metadata import TABLES

    missing = [t.file_name for t in TABLES.values() if not (args.output / t.file_name).exists()]
    changed = storage.verify(args.output)
    if len(missing) == len(TABLES) and not (args.output / storage.COMMIT_DIR).exists():
        print(f"error: {args.output} holds no published tables; run `communiques run` first",
              file=sys.stderr)
        return EXIT_USAGE
    for problem in changed:
        print(f"FAILED {problem}")
    if missing:
        print(f"FAILED {args.output} lacks {', '.join(missing)}")
        print("quality checks failed")
        return EXIT_REJECTED
    try:
        frames = {name: storage.read_table(args.output, name) for name in TABLES}
    except (OSError, ValueError) as error:  # pyarrow's errors are ones too
        print(f"FAILED a table cannot be read as Parquet ({error})")
        print("quality checks failed")
        return EXIT_REJECTED
    report = quality.validate_tables(frames, None)
    quality.write_results(args.output / "quality", report, prefix="validate", latest=False)
    failures = report.table_failures + quality.published_warnings_differ(frames["warnings"], report)
    for failure in failures:
        print(f"FAILED {failure}")
    for doc_id, reasons in report.document_failures.items():
        for reason in reasons:
            print(f"FAILED document {doc_id}: {reason}")
    for warning in report.warnings:
        print(f"WARNING document {warning['doc_id']} ({warning['check']}): {warning['detail']}")
    success = report.success and not failures and not changed
    print("all checks passed" if success else "quality checks failed")
    print(f"results: {report.results_path}")
    return EXIT_OK if success else EXIT_REJECTED


def _evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate import GoldError, evaluate, format_report

    try:
        print(format_report(evaluate(args.output, args.gold)))
    except (FileNotFoundError, GoldError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from pipeline.report import build_report

    try:
        print(build_report(args.output, args.lang))
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """Serve the flow as a deployment on a schedule (flows/serve.py)."""
    if not args.no_fetch:
        try:
            _check_sources(args.sources)
        except UsageError as error:
            print(f"error: {error} (or pass --no-fetch)", file=sys.stderr)
            return EXIT_USAGE
    from flows.serve import ServerError, serve

    try:
        serve(args.cron, args.timezone, args.input, args.output, args.port,
              sources=None if args.no_fetch else args.sources)
    except ServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communiques",
        description="Turn press releases about Territoires d'industrie into Parquet tables.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the ETL flow over a folder of communiqués")
    run.add_argument("--input", type=Path, default=Path("raw"), help="folder of communiqués (raw/)")
    run.add_argument("--output", type=Path, default=Path("processed"), help="output folder (processed/)")
    run.add_argument("--full", action="store_true",
                     help="process every document again, not only the new ones")
    run.add_argument("--strict", action="store_true",
                     help="reject the documents the quality gate has a doubt about, instead of "
                          "publishing them with a warning")
    scale_out = run.add_mutually_exclusive_group()
    scale_out.add_argument("--workers", type=_positive, metavar="N",
                           help="extract on a local Dask cluster of N worker processes")
    scale_out.add_argument("--dask-address", metavar="ADDRESS",
                           help="extract on the Dask cluster whose scheduler is at ADDRESS "
                                "(tcp://host:8786); needs PREFECT_API_URL")
    run.add_argument("--fetch", action="store_true",
                     help="first pull new communiqués from the sources file into the input folder")
    run.add_argument("--sources", type=Path, default=Path("sources.toml"),
                     help="sources file for --fetch (sources.toml)")
    run.set_defaults(handler=_run)

    fetch = commands.add_parser("fetch", help="pull new communiqués from the web into a folder")
    fetch.add_argument("--sources", type=Path, default=Path("sources.toml"),
                       help="sources file: feeds and listing pages (sources.toml)")
    fetch.add_argument("--into", type=Path, default=Path("raw"),
                       help="folder to write them into, one sub-folder per source (raw/)")
    fetch.set_defaults(handler=_fetch)

    validate = commands.add_parser("validate", help="re-run the quality checks on published tables")
    validate.add_argument("--output", type=Path, default=Path("processed"))
    validate.set_defaults(handler=_validate)

    evaluate = commands.add_parser("evaluate", help="score published tables against gold annotations")
    evaluate.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files")
    evaluate.add_argument("--output", type=Path, default=Path("processed"))
    evaluate.set_defaults(handler=_evaluate)

    report = commands.add_parser("report", help="write an HTML review page into OUTPUT/report/")
    report.add_argument("--output", type=Path, default=Path("processed"))
    report.add_argument("--lang", choices=["fr", "en"], default="fr",  # report.LANGUAGES
                        help="language of the page: fr (default) or en")
    report.set_defaults(handler=_report)

    serve = commands.add_parser("serve", help="serve the flow as a Prefect deployment on a schedule")
    serve.add_argument("--cron", default="0 7 * * 1-5", help='schedule (default "0 7 * * 1-5")')
    serve.add_argument("--timezone", default="Europe/Paris", help="of the schedule (Europe/Paris)")
    serve.add_argument("--port", type=_positive, default=4200,
                       help="of the Prefect server started when PREFECT_API_URL is unset (4200)")
    serve.add_argument("--sources", type=Path, default=Path("sources.toml"),
                       help="sources file each run fetches from first (sources.toml)")
    serve.add_argument("--no-fetch", action="store_true",
                       help="only process the input folder, fetch nothing")
    serve.add_argument("--input", type=Path, default=Path("raw"))
    serve.add_argument("--output", type=Path, default=Path("processed"))
    serve.set_defaults(handler=_serve)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def main(argv: list[str] | None = None) -> int:
    configure_environment()
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader of stdout went away (`communiques evaluate | head`): nothing is wrong with
        # the command; stop quietly, as other command-line tools do, without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
