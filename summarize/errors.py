"""The errors summarize raises for problems a person can fix, and the exit statuses.

Every message names what is wrong and, where it helps, what to do, in the
words of the library: it never names a command-line flag.  The input an
error is about travels as a field, ``source``, not inside the message:
``str(error)`` is ``"source: message"`` (or the message alone), and a caller
that already shows the source reads ``error.message``.  ``setting`` names
the ``Reading`` or ``summarize()`` setting that would change the outcome
(``"timeout"``, ``"max_bytes"``, ``"text_field"``, ``"jobs"``), so the
command can add its own hint ("raise it with --timeout") where it prints.

The command turns any of them into one line on stderr and exit status 1
(``ExitStatus.FAILURE``).
"""
from __future__ import annotations

from enum import IntEnum

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple


class ExitStatus(IntEnum):
    """The command's exit statuses: the one place that defines them."""

    OK = 0
    FAILURE = 1
    """An input could not be summarized, or output could not be written."""
    USAGE = 2
    """A bad option value, conflicting options, no input."""
    INTERRUPTED = 130
    """128 + SIGINT: Ctrl-C."""
    HANGUP = 129
    """128 + SIGHUP: the terminal went away."""
    BROKEN_PIPE = 141
    """128 + SIGPIPE: stdout's reader went away (as coreutils report it)."""
    TERMINATED = 143
    """128 + SIGTERM."""


def printable(name: str) -> str:
    """``name`` (a path, maybe holding bytes that are not UTF-8, which
    Python keeps as lone surrogates) as it can be shown and written as
    UTF-8: each such byte as ``\\xNN``, the usual escaping ("caf\\xe9.txt")."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape" if _only_escapes(name) else "backslashreplace").decode(
            "utf-8", "backslashreplace"
        )


def _only_escapes(name: str) -> bool:
    """Whether every surrogate in ``name`` stands for a byte (U+DC80..U+DCFF)."""
    return all("\udc80" <= c <= "\udcff" for c in name if "\ud800" <= c <= "\udfff")


class SummarizeError(Exception):
    """Base class: a problem with the input or the request, not a bug.

    ``message``: what is wrong, without the source.  ``source``: the input
    it is about (a path, URL, ``<stdin>`` or ``file.jsonl:LINE``), or None.
    ``brief``: the message without the details that need saying only once
    when the same problem repeats on many inputs (the lines of one
    dataset); the message itself unless given.
    """

    setting: Optional[str] = None
    """The setting that would change the outcome, for the command's hint."""

    def __init__(self, message: str, *, source: Optional[str] = None, brief: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.brief = brief or message

    def __str__(self) -> str:
        return f"{printable(self.source)}: {self.message}" if self.source else self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        # Exceptions pickle their positional args only; keep the source too.
        return (_rebuild, (type(self), self.__dict__))

    def about(self, source: str) -> str:
        """The message as said of the input ``source``: without the source
        when the error is about that input (or none), else with its own
        (a redirect's target, say)."""
        return self.message if self.source in (None, source) else str(self)


class about:
    """A context in which a ``SummarizeError`` raised without a ``source``
    gets ``source``: ``with about(path): decode(data)``."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __enter__(self) -> "about":
        return self

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> None:
        if isinstance(error, SummarizeError) and error.source is None:
            error.source = self.source


def _rebuild(cls: "type[SummarizeError]", state: "Dict[str, Any]") -> SummarizeError:
    error = SummarizeError.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class NoTextError(SummarizeError):
    """The input holds no text to summarize (empty or whitespace only)."""


class InputError(SummarizeError):
    """An input cannot be read: missing, unreadable, binary or a directory."""


class MissingFieldError(InputError):
    """A dataset record has no text under the field asked for."""

    setting = "text_field"


class BudgetError(SummarizeError, ValueError):
    """A length budget is out of range (for example ``sentences=0``) or more
    than one limit is given.  ``limits``: the names of the limits at fault."""

    def __init__(self, message: str, *, limits: Tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.limits = limits


class MissingExtraError(SummarizeError):
    """An input needs an optional extra that is not installed (``summarize[web]``)."""


class OutputError(SummarizeError):
    """An output file (a summary under an output folder, an SVG or HTML
    export) cannot be written: the run stops."""

    @classmethod
    def writing(cls, path: str, exc: OSError) -> "OutputError":
        """The error for ``exc`` raised while writing ``path``, naming
        ``path`` (never a temporary file)."""
        return cls(f"cannot write {path}: {exc.strerror or exc}")


class WorkerError(SummarizeError):
    """A worker process died (killed, out of memory): the run stops."""

    setting = "jobs"


class FetchError(SummarizeError):
    """A URL cannot be fetched: bad scheme, HTTP error, timeout, refused
    connection, too many redirects, too large, or of a type that cannot be read."""


class HTTPStatusError(FetchError):
    """The server answered with a 4xx or 5xx status; ``status`` holds it."""

    def __init__(self, message: str, status: int, *, source: Optional[str] = None) -> None:
        super().__init__(message, source=source)
        self.status = status


class FetchTimeoutError(FetchError):
    """The server did not answer, or stopped sending, within the timeout."""

    setting = "timeout"


class TooLargeError(FetchError, InputError):
    """The input (a page, a file, stdin, a dataset line) is larger than the size cap."""

    setting = "max_bytes"


class ContentTypeError(FetchError):
    """The URL serves a content type that is none of the kinds read (a web
    page, text, Markdown, PDF, DOCX, EPUB), and its bytes are none of them."""
