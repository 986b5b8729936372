"""A self-contained HTML report: inline CSS, no script, no external request."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from checks import __version__
from checks.pipeline import Run
from checks.report.passages import passages
from checks.report.summary import findings, summarize


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("checks", "report/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(run: Run) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        sources=run.sources,
        metadata=run.metadata,
        claims=run.claims,
        findings=findings(run.claims),
        summary=summarize(run.claims),
        passages=passages,
    )
