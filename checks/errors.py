"""Errors that end a run with exit code 2 and one clear line on stderr."""


class FigcheckError(Exception):
    """Base for every error the CLI reports as a single line."""


class InputError(FigcheckError):
    """A source cannot be found, read or decoded."""


class SuiteError(FigcheckError):
    """An expectation suite is invalid or GX would silently change it."""
