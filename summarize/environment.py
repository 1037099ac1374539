"""Facts about the terminal and the standard streams, decided once per run.

The command asks ``Environment.detect()`` once, at the start of a run,
and passes the answers down; nothing else asks whether a stream is a
terminal.  Also here: making stdout report a full disk (``buffer_stdout``)
and quieting it after its reader has gone (``silence_stdout``).
"""
from __future__ import annotations

import io
import os
import shutil
import sys
from typing import Any, NamedTuple, Optional

def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is an interactive terminal."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Environment(NamedTuple):
    """Whether stdin, stdout and stderr are terminals, and how many
    ``columns`` stdout has (None when it is no terminal)."""

    stdin_terminal: bool = False
    stdout_terminal: bool = False
    stderr_terminal: bool = False
    columns: Optional[int] = None

    @classmethod
    def detect(cls) -> "Environment":
        """The facts of this process's standard streams, now."""
        stdout_terminal = is_terminal(sys.stdout)
        columns = shutil.get_terminal_size().columns if stdout_terminal else None
        return cls(
            stdin_terminal=is_terminal(sys.stdin),
            stdout_terminal=stdout_terminal,
            stderr_terminal=is_terminal(sys.stderr),
            columns=columns,
        )


def buffer_stdout() -> None:
    """Make a short write to stdout raise instead of losing the rest, and a
    character stdout's encoding cannot hold come out escaped.

    Under PYTHONUNBUFFERED (common in containers) ``sys.stdout`` writes
    straight to the descriptor, and TextIOWrapper drops the rest of a short
    write without a word: a disk that fills up mid-summary would truncate it
    and exit 0.  A BufferedWriter retries the rest, so ENOSPC or EFBIG
    surfaces.
    """
    stdout = sys.stdout
    if isinstance(getattr(stdout, "buffer", None), io.RawIOBase):
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(stdout.buffer), encoding=stdout.encoding, errors="backslashreplace", line_buffering=True
        )
    elif isinstance(stdout, io.TextIOWrapper):
        # A character the stream's encoding cannot hold (PYTHONIOENCODING=ascii)
        # is written escaped, never a traceback half-way through the output.
        stdout.reconfigure(errors="backslashreplace")


def silence_stdout() -> None:
    """Point stdout's descriptor at /dev/null.

    After a closed pipe or a full disk, Python would try to flush stdout
    again at exit and print a second error.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
