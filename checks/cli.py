"""The command line: a thin layer over checks.pipeline and checks.report."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checks import __version__, paths
from checks.errors import FigcheckError

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
    check.add_argument("paths", nargs="*", help=f"files or folders (default: {paths.SOURCES})")
    check.add_argument("--json", type=Path, metavar="FILE", help="write the JSON report")
    check.add_argument("--html", type=Path, metavar="FILE", help="write the HTML report")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding reaches this level (default: error)",
    )
    check.add_argument(
        "--suites",
        type=Path,
        default=paths.EXPECTATIONS,
        metavar="DIR",
        help="folder of GX suites (default: expectations/)",
    )
    check.add_argument("-v", "--verbose", action="store_true", help="list consistent claims too")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _check(args)
    except FigcheckError as exc:
        print(f"figcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("figcheck: interrupted", file=sys.stderr)
        return 130


def _check(args: argparse.Namespace) -> int:
    from checks.pipeline import run
    from checks.report.files import write_atomically
    from checks.report.summary import gate_fails
    from checks.report.terminal import make_console, print_report

    _refuse_overwriting_inputs(args)
    result = run(args.paths or [str(paths.SOURCES)], suites_dir=args.suites)
    if args.json:
        from checks.report.json_report import to_json

        write_atomically(args.json, to_json(result))
    if args.html:
        from checks.report.html import render_html

        write_atomically(args.html, render_html(result))
    print_report(result, make_console(), verbose=args.verbose)
    return EXIT_FINDINGS if gate_fails(result.claims, args.fail_on) else EXIT_OK


def _refuse_overwriting_inputs(args: argparse.Namespace) -> None:
    inputs = {os.path.realpath(p) for p in args.paths}
    for output in (args.json, args.html):
        if output is not None and os.path.realpath(output) in inputs:
            raise FigcheckError(f"{output}: refusing to overwrite an input file")
