"""Stage 5: validate the derived claims table with Great Expectations suites from JSON files."""

from checks.validate.run import validate_claims
from checks.validate.suites import Suite, load_suite, load_suites

__all__ = ["Suite", "load_suite", "load_suites", "validate_claims"]
