"""Where the project's suites and data live. FIGCHECK_HOME points elsewhere if needed."""

from __future__ import annotations

import os
from pathlib import Path

HOME = Path(os.environ.get("FIGCHECK_HOME", Path(__file__).resolve().parent.parent))
EXPECTATIONS = HOME / "expectations"
DATA = HOME / "data"
SOURCES = DATA / "sources"
