"""The errors summarize raises for problems a person can fix.

Every message names what is wrong and, where it helps, what to do.  The CLI
turns any of them into one line on stderr and exit status 1.
"""
from __future__ import annotations


class SummarizeError(Exception):
    """Base class: a problem with the input or the request, not a bug."""


class NoTextError(SummarizeError):
    """The input holds no text to summarize (empty or whitespace only)."""


class InputError(SummarizeError):
    """An input cannot be read: missing, unreadable, binary or a directory."""


class BudgetError(SummarizeError):
    """A length budget is out of range (for example ``sentences=0``)."""


class MissingExtraError(SummarizeError):
    """An input needs an optional extra that is not installed (``summarize[web]``)."""


class OutputError(SummarizeError):
    """An output file (a summary under ``--output-dir``, an SVG or HTML
    export) cannot be written: the run stops."""

    @classmethod
    def writing(cls, path: str, exc: OSError) -> "OutputError":
        """The error for ``exc`` raised while writing ``path``, naming
        ``path`` (never a temporary file)."""
        return cls(f"cannot write {path}: {exc.strerror or exc}")


class FetchError(SummarizeError):
    """A URL cannot be fetched: bad scheme, HTTP error, timeout, refused
    connection, too many redirects, too large, or not a web page."""


class HTTPStatusError(FetchError):
    """The server answered with a 4xx or 5xx status; ``status`` holds it."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class FetchTimeoutError(FetchError):
    """The server did not answer, or stopped sending, within the timeout."""


class TooLargeError(FetchError):
    """The page is larger than the size cap."""


class ContentTypeError(FetchError):
    """The URL holds something other than a web page or plain text."""
