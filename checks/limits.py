"""The per-document time budget: a document that takes too long is skipped and listed."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from checks.errors import DocumentError

TIME_BUDGET = 30.0  # seconds per document; 100,000 adversarial characters take under 3 s


@contextmanager
def budget(seconds: float, name: str) -> Iterator[None]:
    """Raise DocumentError if the body runs longer than `seconds` (POSIX main thread only)."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if not usable or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise DocumentError(
            f"{name}: exceeded the {seconds:g}-second time budget per document "
            "(raise it with --time-budget)"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
