"""One document, from input to outcome: read → summarize → notes.

The one path every document takes, whether the command was given one file
or stdin (single mode) or many inputs (each batch worker): read the input
(``sources``, ``datasets``), decide its language (the one asked for, else
the one its source declares, else detected: ``languages.resolve``),
summarize it (``core``) with the title its source knows, and collect what
the person should be told about it (decoding warnings, a language that is
not supported, a summary over its word budget, a text printed whole).
Nothing here prints: the caller renders the ``Outcome``.

Every ``SummarizeError`` becomes the outcome's ``failure``; anything else is
a bug and propagates.

The records here are named tuples, not frozen dataclasses: they are made on
every run's path, and under Python 3.11 defining a frozen dataclass costs
about 5 million instructions at import (a named tuple about 1), which the
command's start-up pays.
"""
from __future__ import annotations

from typing import Any, BinaryIO, Mapping, NamedTuple, Optional, Tuple, Union

from . import languages
from .budget import Budget, word_count
from .core import Summary, summarize
from .document import STDIN_NAME, Document, Fields, Reading
from .errors import SummarizeError, printable
from .sources import read_any, read_stream


class Request(NamedTuple):
    """What to do with each document: the ``budget``; how to read inputs
    (``reading``) and dataset lines (``fields``); what to compute
    besides the summary (``explain``, ``keywords``, see ``summarize``);
    whether to keep the text for a highlighted rendering (``keep_text``);
    and the ``language`` to read it as (a supported code, or ``"auto"``:
    the language its source declares, else the one detected)."""

    budget: Budget = Budget()
    reading: Reading = Reading()
    fields: Fields = Fields()
    explain: bool = False
    keywords: int = 0
    keep_text: bool = False
    language: str = languages.AUTO


class Note(NamedTuple):
    """Something to tell the person about a document, not naming it:
    ``warning`` (its text may not be what was meant) or a plain note."""

    message: str
    warning: bool = True


class Failure(NamedTuple):
    """Why a document could not be summarized: ``message`` (not naming the
    document), the ``setting`` that would change it, if any (see
    ``errors.SummarizeError.setting``), and the ``brief`` message for the
    same problem repeated (``errors.SummarizeError.brief``; None: the
    message)."""

    message: str
    setting: Optional[str] = None
    brief: Optional[str] = None


class Outcome(NamedTuple):
    """One document's result: a ``summary``, or a ``failure``, or neither
    when it was skipped.

    ``source``: the document's name, as it can be shown (``errors.printable``).
    ``notes``: for stderr, in order.
    ``record_id``: a dataset line's ``id``.  ``meta``: a web page's
    ``byline``, ``date`` and ``url`` when found (None or empty otherwise).  ``text``: the text
    summarized, kept only when the request asks (``keep_text``).
    ``title_apart``: the title came from the source, apart from ``text``
    (a web page's), so a rendering of the whole text shows it first.
    """

    source: str
    summary: Optional[Summary] = None
    failure: Optional[Failure] = None
    notes: Tuple[Note, ...] = ()
    record_id: Any = None
    meta: Optional[Mapping[str, str]] = None
    text: Optional[str] = None
    title_apart: bool = False

    @property
    def skipped(self) -> bool:
        return self.summary is None and self.failure is None


def skipped(source: str) -> Outcome:
    """The outcome of a document left out (its output exists already)."""
    return Outcome(printable(source))


def failed(source: str, error: Union[SummarizeError, str], record_id: Any = None) -> Outcome:
    """The outcome of a document that failed with ``error`` (an exception,
    or a message not naming ``source``)."""
    if isinstance(error, SummarizeError):
        brief = error.brief if error.brief != error.message else None
        failure = Failure(error.about(source), error.setting, brief)
    else:
        failure = Failure(error)
    return Outcome(printable(source), failure=failure, record_id=record_id)


def summarize_document(doc: Document, request: Request) -> Outcome:
    """Summarize ``doc`` as ``request`` says; a ``SummarizeError`` becomes
    the failure.  ``doc``'s warnings come first among the notes, either way;
    then a note when its language is not supported (read as English)."""
    warnings = tuple(Note(message) for message in doc.warnings)
    detection = languages.resolve(doc.text, request.language, doc.language)
    try:
        summary = summarize(
            doc.text,
            title=doc.title,
            budget=request.budget,
            explain=request.explain,
            keywords=request.keywords,
            language=detection.language,
        )
    except SummarizeError as exc:
        return failed(doc.name, exc, doc.record_id)._replace(notes=warnings)
    notes = warnings + language_notes(detection) + length_notes(summary)
    return Outcome(
        printable(doc.name),
        summary=summary,
        notes=notes,
        record_id=doc.record_id,
        meta=dict(doc.meta),
        text=doc.text if request.keep_text else None,
        title_apart=doc.title is not None,
    )


def language_notes(detection: languages.Detection) -> Tuple[Note, ...]:
    """What to say of the language a text was read in: that its own is not
    supported (a note), else nothing."""
    return (Note(detection.note, warning=False),) if detection.note else ()


def length_notes(summary: Summary) -> Tuple[Note, ...]:
    """What to say of a summary's length: its one sentence is over the word
    budget (a warning), or the text was no longer than asked for and is
    given whole (a note; not when the whole was asked for, ``ratio=1``)."""
    budget = summary.budget
    if summary.over_budget and budget.words is not None:
        length = word_count(summary.sentences[0].text)
        return (Note(f"even the best sentence has {length} words, over the {budget.words}-word budget; printing it alone"),)
    if summary.whole and budget.ratio != 1:
        count = summary.total_sentences
        return (Note(f"the text has only {count} sentence{'s' if count != 1 else ''}; printing it whole", warning=False),)
    return ()


def from_path(path: str, request: Request) -> Outcome:
    """Read the file or URL ``path`` and summarize it."""
    try:
        doc = read_any(path, request.reading)
    except SummarizeError as exc:
        return failed(path, exc)
    return summarize_document(doc, request)


def from_stream(stream: BinaryIO, request: Request, name: str = STDIN_NAME) -> Outcome:
    """Read all of ``stream`` (stdin) and summarize it."""
    try:
        doc = read_stream(stream, name, request.reading)
    except SummarizeError as exc:
        return failed(name, exc)
    return summarize_document(doc, request)


def from_record(line: bytes, source: str, request: Request) -> Outcome:
    """Read one dataset line (named ``source``, ``FILE.jsonl:LINE``) and summarize it."""
    from .datasets import parse_record, record_document  # batch mode only

    record_id = None
    try:
        record = parse_record(line, source, request.fields.text)
        record_id = record.get(request.fields.id)
        doc = record_document(record, source, request.fields)
    except SummarizeError as exc:
        return failed(source, exc, record_id)
    return summarize_document(doc, request)
