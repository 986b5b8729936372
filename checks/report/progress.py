"""A rich progress bar on stderr for corpus runs: documents per second and the time left."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second, in the stage's own unit (documents, suites …)."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit", "items")
        speed = task.finished_speed or task.speed
        shown = "—" if speed is None else f"{speed:,.0f}" if speed >= 10 else f"{speed:.1f}"
        return Text(f"{shown} {unit}/s", style="progress.data.speed")


class ProgressBar:
    """One line per stage (reading, comparing, validating), shown only on a terminal and only
    for runs of at least `minimum` documents. Use as a context manager; call it with
    (stage, done, total)."""

    def __init__(self, minimum: int = 4, console: Console | None = None) -> None:
        self.minimum = minimum
        self._console = console or Console(file=sys.stderr)
        self._progress: Progress | None = None
        self._tasks: dict[str, int] = {}
        self._shown: bool | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, stage: str, done: int, total: int, unit: str = "documents") -> None:
        if self._shown is None:  # the first stage, reading documents, decides for the run
            self._shown = self._start(total)
        if not self._shown or self._progress is None:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total, unit=unit)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def _start(self, total: int) -> bool:
        if total < self.minimum or not self._console.is_terminal:
            return False
        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._progress.start()
        return True
