"""Where summaries go: a stream in one format, or one file per input.

``Writer`` writes outcomes in one format to one destination (stdout, or one
output file), labelling each document when there are many.  ``OutputFiles``
keeps one ``AtomicFile`` per input under an output folder: written under a
temporary name and renamed into place, so a reader never sees half a file.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from typing import IO, Any, Callable, Dict, Mapping, Optional, Tuple

from . import render, terminal
from .errors import OutputError
from .outcome import Outcome


MARK = ".summarize-output"
"""A hidden file in an output folder's root that says summarize wrote there:
such a folder inside an input folder holds summaries, not inputs."""


def mark_folder(folder: str) -> None:
    """Create ``folder`` (and its parents) if need be and leave ``MARK`` in it.
    Raises ``OutputError`` naming the folder when it cannot be written."""
    path = os.path.join(folder, MARK)
    try:
        os.makedirs(folder, exist_ok=True)
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("Summaries written by summarize; an input folder that holds this folder leaves it out.\n")
    except OSError as exc:
        raise OutputError.writing(path, exc) from None


def is_marked(folder: str) -> bool:
    """Whether ``folder`` holds ``MARK`` (summarize wrote summaries there)."""
    return os.path.isfile(os.path.join(folder, MARK))


@dataclass(frozen=True)
class Target:
    """Where the documents of one input go under an output folder:
    ``single`` for a text file (the file holds one summary), else a dataset."""

    path: str
    single: bool


class Writer:
    """Writes outcomes in one format to one destination.

    ``single``: the destination holds one document, exactly as
    ``summarize FILE`` prints it.  Otherwise each document is labelled:
    plain text gets a ``==> source <==`` header and a blank line between
    documents (as ``head`` does); JSON becomes one array; JSON Lines one
    object per line; Markdown one section per document.  Failures appear
    as ``{"source", "error"}`` records in JSON and JSON Lines only.
    ``showing`` says what to show besides the summaries; ``hints`` what to
    add to a failure's message (``render.failure_text``); ``record`` is also
    given each document's rich panel (for the export files); ``show``
    prints a rich panel (``fmt`` rich).
    """

    def __init__(
        self,
        fmt: str,
        write: Callable[[str], object],
        show: Optional[Callable[[Any], None]] = None,
        *,
        single: bool = False,
        showing: render.Showing = render.Showing(),
        hints: Mapping[str, str] = render.NO_HINTS,
        record: Optional[Callable[[Any], None]] = None,
    ) -> None:
        self.fmt, self.write, self.show, self.single = fmt, write, show, single
        self.showing, self.hints, self.record = showing, hints, record
        self.count = 0

    def add(self, outcome: Outcome) -> None:
        summary, source = outcome.summary, outcome.source
        display = self.showing.display_of(outcome)
        panel = None
        if summary is not None and (self.record is not None or self.fmt == "rich"):
            panel = terminal.rich_panel(summary, source, outcome.meta, display)
            if self.record is not None:
                self.record(panel)
        if self.fmt in render.JSON_FORMATS and not self.single:
            data = record_of(outcome, self.hints)
            if data is not None:
                self._record(data)
            return
        if summary is None:
            return  # failures are reported on stderr only
        if self.fmt == "rich":
            assert self.show is not None
            self.show(panel)
        elif self.single:
            self.write(render.render_text(summary, self.fmt, source, outcome.meta, display))
        else:
            separator = "\n" if self.count else ""
            if self.fmt == "markdown":
                self.write(separator + render.render_markdown_section(summary, source, display))
            else:
                self.write(f"{separator}==> {source} <==\n" + render.render_plain(summary, display))
        self.count += 1

    def _record(self, data: Dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.write(render.json_line(data))
        else:
            # Indented as json.dumps(list, indent=2) would, without holding the list.
            text = render.json_block(data).replace("\n", "\n  ")
            self.write(("[\n  " if not self.count else ",\n  ") + text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and not self.single:
            self.write("\n]\n" if self.count else "[]\n")


def record_of(outcome: Outcome, hints: Mapping[str, str] = render.NO_HINTS) -> Optional[Dict[str, Any]]:
    """The record of ``outcome`` among many in JSON, JSON Lines (and
    Parquet): ``render.summary_dict``, or ``render.error_dict`` for a
    failure (its message with ``hints``); None for a document skipped."""
    if outcome.summary is not None:
        return render.summary_dict(outcome.summary, outcome.source, outcome.record_id, outcome.meta)
    if outcome.failure is not None:
        return render.error_dict(outcome.source, render.failure_text(outcome.failure, hints), outcome.record_id)
    return None


def gets_file(single: bool, outcome: Outcome) -> bool:
    """Whether ``outcome`` goes into an output file: a text file's (``single``)
    only when it was summarized (one that failed gets no file, so
    ``--skip-existing`` tries it again); a dataset's always."""
    return not single or outcome.summary is not None


ENCODING, ERRORS = "utf-8", "backslashreplace"
"""How output files are encoded.  backslashreplace: a file name that is no
UTF-8 quoted in a message still leaves the file valid UTF-8."""


def encoded(text: str) -> bytes:
    """``text`` as an output file holds it (``ENCODING``, ``ERRORS``)."""
    return text.encode(ENCODING, ERRORS)


class AtomicFile:
    """A file written under a temporary name in its folder, renamed into
    place by ``commit`` and deleted by ``abort``: readers never see half a
    file, and an interrupted run leaves nothing behind."""

    def __init__(self, path: str, mode: int) -> None:
        self.path = path
        fd, self.temp = _temporary(path, mode)
        try:
            self.file: IO[str] = os.fdopen(fd, "w", encoding=ENCODING, errors=ERRORS, newline="")
        except BaseException:
            os.close(fd)
            os.unlink(self.temp)
            raise

    def commit(self) -> None:
        self.file.close()
        os.replace(self.temp, self.path)

    def abort(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass  # the write that failed has raised already; a second flush fails the same way
        try:
            os.unlink(self.temp)
        except FileNotFoundError:
            pass


def _temporary(path: str, mode: int) -> Tuple[int, str]:
    """A new temporary file beside ``path`` (its folders made): its
    descriptor and name, ".NAME.PID.RANDOM.tmp"."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    # The process id in the name tells a later run whether its writer is gone.
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.{os.getpid()}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)  # mkstemp makes 0600; outputs get the usual umask
    except BaseException:
        os.close(fd)
        os.unlink(temp)
        raise
    return fd, temp


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to the file ``path`` as ``AtomicFile`` does: under a
    temporary name in its folder, renamed into place once whole; nothing
    is left under either name if writing fails.  Raises ``OSError``."""
    fd, temp = _temporary(path, _file_mode())
    try:
        try:
            handle = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


# A temporary file of AtomicFile: ".NAME.PID.RANDOM.tmp".
_TEMPORARY = re.compile(r"\A\..+\.(?P<pid>[0-9]+)\.[A-Za-z0-9_]+\.tmp\Z")


def remove_stale_temporaries(folder: str) -> int:
    """Delete the temporary files that runs now gone (killed, say) left in
    ``folder`` and below; a live run's are left alone.  Returns how many
    were deleted."""
    removed = 0
    for base, _, names in os.walk(folder):
        for name in names:
            match = _TEMPORARY.match(name)
            if match and not _alive(int(match.group("pid"))):
                try:
                    os.unlink(os.path.join(base, name))
                    removed += 1
                except OSError:
                    pass  # gone already, or not ours to delete
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is another user's
    return True


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class OutputFiles:
    """``--output-dir``: one file per input, the current one kept open while
    a dataset's documents arrive.  ``add`` and ``finish`` raise
    ``OutputError`` naming the summary file that cannot be written (a full
    disk, a file size limit, no permission); ``abort`` then removes it.
    ``held``: how many summaries the open file holds (lost with it if it is
    aborted)."""

    def __init__(self, fmt: str, showing: render.Showing = render.Showing(), hints: Mapping[str, str] = render.NO_HINTS) -> None:
        self.fmt, self.showing, self.hints = fmt, showing, hints
        self.mode = _file_mode()
        self.target: Optional[Target] = None
        self.file: Optional[AtomicFile] = None
        self.writer: Optional[Writer] = None
        self.held = 0

    def add(self, target: Optional[Target], outcome: Outcome) -> None:
        if target != self.target:
            self.finish()
        if target is None or not gets_file(target.single, outcome):
            return
        try:
            if self.file is None:
                self.target = target
                self.file = AtomicFile(target.path, self.mode)
                self.writer = Writer(self.fmt, self.file.file.write, single=target.single, showing=self.showing, hints=self.hints)
            assert self.writer is not None
            self.writer.add(outcome)
        except OSError as exc:
            raise OutputError.writing(target.path, exc) from None
        if target.single:
            self.finish()
        elif outcome.summary is not None:
            self.held += 1

    def finish(self) -> None:
        if self.file is not None and self.writer is not None:
            try:
                self.writer.close()
                self.file.commit()
            except OSError as exc:
                raise OutputError.writing(self.file.path, exc) from None
        self.file = self.writer = None
        self.target = None
        self.held = 0

    def abort(self) -> None:
        if self.file is not None:
            self.file.abort()
        self.file = self.writer = None
        self.held = 0
