"""Errors that end a run with exit code 2 and one clear line on stderr, and the one that does
not: a document that cannot be read is skipped, listed in every report, and the run exits 2 at
the end."""


class FigcheckError(Exception):
    """Base for every error the CLI reports as a single line."""


class InputError(FigcheckError):
    """A path or a setting is wrong before any work starts: the run stops at once."""


class DocumentError(InputError):
    """One document cannot be read, decoded or checked in time. The run goes on without it; the
    document is listed as skipped with this reason, and the exit code is 2 at the end."""


class MissingPart(FigcheckError):
    """An optional package that one kind of input needs is not installed."""


class SuiteError(FigcheckError):
    """An expectation suite is invalid or GX would silently change it."""
