"""Exit statuses and the exceptions the library raises.

The library never prints and never exits; the CLI turns a ``FactcheckError`` into a one-line
message on stderr and its ``exit_status``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    PROBLEM = 1  # quote/check (or --fail-on) found something wrong
    ERROR = 2  # usage error or unusable input
    INTERRUPTED = 130  # Ctrl-C


class FactcheckError(Exception):
    """Base class: anything the user can fix, reported as one line."""

    exit_status = ExitStatus.ERROR


class InputError(FactcheckError):
    """The user's input (a claim, an option value, stdin) is unusable."""


class SourceError(FactcheckError):
    """A source cannot be read: missing, binary, undecodable, unreachable, too large."""


class NotADocumentError(SourceError):
    """A file that is no article to analyse (binary, or too large): inside a folder it is
    skipped, not counted as a failure; named on its own it is an error like any other."""


class StoreError(FactcheckError):
    """The index database cannot be opened or written."""


class IndexingError(FactcheckError):
    """Indexing stopped for a reason outside the sources, such as a worker process dying."""
