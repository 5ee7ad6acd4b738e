"""Errors that the command line turns into one clear line and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


class DiplographError(Exception):
    """An input or runtime problem the user can fix: one line on stderr, exit code 3."""

    exit_code = EXIT_INPUT


class InputError(DiplographError):
    """The input (document, RDF file, query) cannot be used as it is."""


class UsageError(DiplographError):
    """The command was called wrongly (unknown parameter, bad value): exit code 2."""

    exit_code = EXIT_USAGE


class DiplographWarning(UserWarning):
    """Something the user should know that does not stop the command (one line on stderr)."""
