"""The command line: a thin layer over checks.pipeline, checks.gate and checks.report."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import getpass
import os
import sys
from pathlib import Path

from checks import __version__, paths
from checks.errors import DocumentError, FigcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2
        self.exit(EXIT_USAGE, f"figcheck: {message} (see figcheck --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="figcheck", description="Check that the figures in Chinese reports add up."
    )
    parser.add_argument("--version", action="version", version=f"figcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check sources and report claims that do not add up")
    _inputs(check)
    check.add_argument("--json", type=Path, metavar="FILE", help="write the JSON report")
    check.add_argument("--html", type=Path, metavar="FILE", help="write the HTML report")
    check.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML, a case a claim")
    check.add_argument("--sarif", type=Path, metavar="FILE", help="write SARIF 2.1.0")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when an unacknowledged finding reaches this level (default: error)",
    )
    check.add_argument(
        "--strict-acknowledged",
        action="store_true",
        help="also exit 1 when an acknowledgement matches no finding any more",
    )
    check.add_argument("-v", "--verbose", action="store_true", help="list consistent claims too")
    check.add_argument(
        "--max-findings",
        type=int,
        default=200,
        metavar="N",
        help="print at most N findings in full, the most severe first (default: 200)",
    )

    acknowledge = commands.add_parser("acknowledge", help="accept a reviewed finding")
    acknowledge.add_argument("claim_id", metavar="CLAIM_ID")
    acknowledge.add_argument("--reason", required=True, help="why the finding is acceptable")
    acknowledge.add_argument("--by", default=None, help="who accepts it (default: your user name)")
    _inputs(acknowledge)

    explain = commands.add_parser("explain", help="print one claim in full")
    explain.add_argument("claim_id", metavar="CLAIM_ID")
    _inputs(explain)

    table = commands.add_parser("facts", help="print every figure as the finders read it")
    table.add_argument("paths", nargs="+", help="files, folders or - for stdin")
    table.add_argument("--csv", type=Path, metavar="FILE", help="also write the table as CSV")
    table.add_argument("--max-mb", type=float, default=_env_float("FIGCHECK_MAX_MB", 50))

    extract = commands.add_parser("extract", help="write the claims table as CSV")
    _inputs(extract)
    extract.add_argument("--csv", type=Path, metavar="FILE", required=True, help="the CSV file")
    return parser


def _inputs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="*", help=f"files, folders or - for stdin (default: {paths.SOURCES})"
    )
    command.add_argument(
        "--suites",
        type=Path,
        default=paths.EXPECTATIONS,
        metavar="DIR",
        help="folder of GX suites (default: expectations/)",
    )
    command.add_argument(
        "--acknowledged",
        type=Path,
        default=None,
        metavar="FILE",
        help="acknowledged findings (default: data/acknowledged.yaml)",
    )
    command.add_argument(
        "--max-mb",
        type=float,
        default=_env_float("FIGCHECK_MAX_MB", 50),
        metavar="MB",
        help="refuse inputs larger than this (default: 50, or $FIGCHECK_MAX_MB)",
    )
    command.add_argument(
        "--time-budget",
        type=float,
        default=_env_float("FIGCHECK_TIME_BUDGET", 30),
        metavar="SECONDS",
        help="per-document time limit (default: 30, or $FIGCHECK_TIME_BUDGET)",
    )
    command.add_argument(
        "--engine",
        choices=("pandas", "spark"),
        default="pandas",
        help="where GX runs the suites: pandas, or a local Spark session (figcheck[spark])",
    )


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def entry() -> None:
    """The console script and `python -m checks`: run, then leave without the interpreter's
    teardown. Freeing GX and pandas object by object takes about 0.7 s and writes nothing;
    every exit handler registered during the run still runs first."""
    outcome = {"code": EXIT_USAGE}
    atexit.register(_leave_quickly, outcome)  # registered first: runs after all the others
    # One short-lived command: the cyclic collector would only walk the heap of claims again and
    # again while the reports are written (seconds on a corpus), to free next to nothing.
    gc.disable()
    try:
        outcome["code"] = main()
    except SystemExit as exc:  # argparse: --help, usage errors
        outcome["code"] = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    sys.exit(outcome["code"])


def _leave_quickly(outcome: dict[str, int]) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(outcome["code"])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    unknown = [word for word in extra if word.startswith("-") and word != "-"]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if extra:  # paths given after options: "acknowledge ID --reason … data/sources"
        if not hasattr(args, "paths"):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.paths = [*args.paths, *extra]
    try:
        return COMMANDS[args.command](args)
    except FigcheckError as exc:
        print(f"figcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("figcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # figcheck check | head
        return EXIT_OK
    except Exception as exc:  # never a traceback for a user; FIGCHECK_DEBUG=1 shows it
        if os.environ.get("FIGCHECK_DEBUG"):
            raise
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        print(f"figcheck: internal error: {type(exc).__name__}: {detail}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace):
    """The checked run with acknowledgements applied, and the stale entries."""
    from checks.gate import apply_acknowledgements, load_acknowledgements
    from checks.pipeline import run
    from checks.report.progress import ProgressBar

    _refuse_overwriting_inputs(args)
    known = load_acknowledgements(args.acknowledged)
    given = args.paths or [str(paths.SOURCES)]
    with ProgressBar() as progress:
        result = run(
            given,
            suites_dir=args.suites,
            progress=progress,
            max_bytes=int(args.max_mb * 2**20),
            time_budget=args.time_budget,
            keep_texts_up_to=_text_bytes_to_keep(args),
            engine=args.engine,
        )
    result.stale = apply_acknowledgements(result.claims, known)
    for skipped in result.skipped:  # one line each; the reports list them too
        print(f"figcheck: skipped {_shown(skipped.path)}: {skipped.reason}", file=sys.stderr)
    return result, known, result.stale


def _shown(path: str) -> str:
    return "standard input" if path == "-" else path


def _text_bytes_to_keep(args: argparse.Namespace) -> int:
    """Full texts are kept only for an HTML report small enough to embed them."""
    if getattr(args, "html", None) is None:
        return 0
    from checks.report.html import EMBED_LIMIT

    return 4 * EMBED_LIMIT  # bytes: a character takes at most four


def _check(args: argparse.Namespace) -> int:
    from checks.report.files import write_atomically
    from checks.report.summary import gate_fails
    from checks.report.terminal import make_console, print_report

    if not args.paths and args.html is None:  # the bundled data: an analyst's report too
        args.html = paths.HOME / "reports" / "report.html"
    result, _, stale = _run(args)
    for target, render in _writers(args):
        if target is not None:
            write_atomically(target, render(result, args))
    failed = gate_fails(result.claims, args.fail_on) or (args.strict_acknowledged and stale)
    verdict = EXIT_FINDINGS if failed else EXIT_OK
    if result.skipped:  # a document went unchecked: a CI gate must not pass
        verdict = EXIT_USAGE
    try:
        print_report(
            result,
            make_console(),
            verbose=args.verbose,
            stale=stale,
            max_findings=args.max_findings,
        )
    except BrokenPipeError:  # `figcheck check | head`: the gate's verdict stands
        _silence_stdout()
    return verdict


def _silence_stdout() -> None:
    """Nothing more reaches the closed pipe, not even the final flush."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _writers(args: argparse.Namespace):
    def json_report(result, _):
        from checks.report.json_report import json_chunks

        return json_chunks(result)

    def html_report(result, _):
        from checks.report.html import html_chunks

        return html_chunks(result, result.stale)

    def junit_report(result, options):
        from checks.report.junit import to_junit

        return to_junit(result, options.fail_on)

    def sarif_report(result, _):
        from checks.report.sarif import to_sarif

        return to_sarif(result)

    return (
        (args.json, json_report),
        (args.html, html_report),
        (args.junit, junit_report),
        (args.sarif, sarif_report),
    )


def _acknowledge(args: argparse.Namespace) -> int:
    from checks.gate import append_entry, fingerprint

    result, known, _ = _run(args)
    claim = _find(result.claims, args.claim_id)
    if claim.verdict == "consistent":
        raise FigcheckError(f"{args.claim_id}: the claim is consistent; nothing to acknowledge")
    if fingerprint(claim) in known.by_fingerprint():
        print(f"figcheck: {args.claim_id} is already acknowledged in {known.path}")
        return EXIT_OK
    entry = append_entry(known, claim, args.reason, args.by or _user())
    print(f"figcheck: acknowledged {entry['claim']} as {entry['fingerprint']} in {known.path}")
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from checks.report.explain import print_explanation
    from checks.report.terminal import make_console
    from checks.validate import load_suite

    result, _, _ = _run(args)
    claim = _find(result.claims, args.claim_id)
    suite = load_suite(args.suites / f"{claim.suite_name}.json")
    print_explanation(claim, suite, make_console())
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from checks.report.csv_table import to_csv
    from checks.report.files import write_atomically

    result, _, _ = _run(args)
    write_atomically(args.csv, to_csv(result))
    print(f"figcheck: wrote {len(result.claims)} claims to {args.csv}")
    return EXIT_USAGE if result.skipped else EXIT_OK


def _facts(args: argparse.Namespace) -> int:
    """The fact table of each document: no validation, so no GX import."""
    from checks.document import Document
    from checks.facts import facts
    from checks.read import collect_paths, read_source
    from checks.read.source import Skipped, unique_ids
    from checks.report.facts_table import print_facts, to_csv
    from checks.report.files import write_atomically
    from checks.report.terminal import make_console

    files = collect_paths(args.paths)
    tables, skipped = [], []
    for path, source_id in zip(files, unique_ids(files), strict=True):
        try:
            doc = Document(read_source(path, source_id, int(args.max_mb * 2**20)))
        except DocumentError as error:  # as in check: one bad document is skipped, not fatal
            skipped.append(Skipped.because(source_id, str(path), error))
            continue
        tables.append((doc, facts(doc)))
    if args.csv is not None:
        write_atomically(args.csv, to_csv(tables))
    print_facts(tables, make_console())
    for one in skipped:
        print(f"figcheck: skipped {_shown(one.path)}: {one.reason}", file=sys.stderr)
    return EXIT_USAGE if skipped else EXIT_OK


def _find(claims, claim_id: str):
    for claim in claims:
        if claim.id == claim_id:
            return claim
    raise FigcheckError(f"{claim_id}: no such claim (figcheck extract lists every claim id)")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "unknown")


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    inputs = {os.path.realpath(p) for p in args.paths if p != "-"}
    outputs = [getattr(args, name, None) for name in ("json", "html", "junit", "sarif", "csv")]
    for output in outputs:
        if output is not None and os.path.realpath(output) in inputs:
            raise FigcheckError(f"{output}: refusing to overwrite an input file")


COMMANDS = {
    "check": _check,
    "acknowledge": _acknowledge,
    "explain": _explain,
    "extract": _extract,
    "facts": _facts,
}
