"""What the input side hands over: a ``Document``, read as ``Reading`` says.

Every reader (``sources`` for files and stdin, ``pages`` for web pages,
``datasets`` for JSON Lines) makes ``Document``s; everything past the
readers takes them.  Nothing here reads anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, NamedTuple, Optional, Tuple

from .errors import NoTextError

STDIN_NAME = "<stdin>"
"""The name standard input goes by."""

INPUT_FORMATS = ("auto", "text", "markdown", "html", "pdf", "docx", "epub")
"""How an input may be read: ``auto`` decides by its first bytes and its name."""

DEFAULT_TIMEOUT = 20.0
"""Seconds a URL may take to answer and download."""

DEFAULT_MAX_BYTES = 10_000_000
"""The largest web page fetched, in bytes."""

DEFAULT_LOCAL_MAX_BYTES = 100_000_000
"""The largest file, stdin or dataset line read, in bytes: larger than any
article or book, small enough that a device that never ends (``/dev/zero``)
is refused before memory runs out."""

DEFAULT_TEXT_FIELD = "text"
"""The field of a dataset record that holds its article."""

DEFAULT_ID_FIELD = "id"
"""The field of a dataset record that holds its identifier."""

DEFAULT_LANGUAGE_FIELD = "language"
"""The field of a dataset record that may name its article's language."""


class Reading(NamedTuple):
    """How inputs are read: ``input_format`` (one of ``INPUT_FORMATS``);
    for URLs the ``timeout`` in seconds (> 0); ``max_bytes`` (≥ 1), the
    largest input accepted, or None for the default of its kind
    (``DEFAULT_MAX_BYTES`` for a URL, ``DEFAULT_LOCAL_MAX_BYTES`` for a
    file, stdin or a dataset line)."""

    input_format: str = "auto"
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: Optional[int] = None

    def limit(self, url: bool = False) -> int:
        """The size cap in bytes for a URL (``url``) or a local input."""
        if self.max_bytes is not None:
            return self.max_bytes
        return DEFAULT_MAX_BYTES if url else DEFAULT_LOCAL_MAX_BYTES


class Fields(NamedTuple):
    """Which fields of a dataset record (a JSON object) hold what: ``text``
    the article (a string, or a list of strings: its paragraphs); ``id`` an
    identifier, any JSON value, kept as it is; ``title`` the article's
    title (a string), or None to read no title field and look for a
    headline in the text instead; ``language`` the article's language tag
    ("fr", "pt-BR"), read when present."""

    text: str = DEFAULT_TEXT_FIELD
    id: str = DEFAULT_ID_FIELD
    title: Optional[str] = None
    language: str = DEFAULT_LANGUAGE_FIELD


class TitledText(NamedTuple):
    """What a reader finds in a document of a known kind (Markdown, PDF, an
    e-book …): its ``title`` (None when it has none) and its ``text``, one
    paragraph per block, paragraphs separated by a blank line, without the
    title."""

    title: Optional[str]
    text: str


@dataclass(frozen=True)
class Document:
    """A text to summarize and what its source knows about it.

    ``name``: its path, URL, ``<stdin>`` or ``file.jsonl:LINE``.  ``text``:
    decoded, with ``\\n`` line endings.  ``encoding``: how it was decoded.
    ``warnings``: messages for the person, one line each, not naming the
    document.  ``title``: the title the source gives apart from the text (a
    web page's), else None: pass it to ``summarize(text, title=...)``.
    ``meta``: ``byline``, ``date`` and the final ``url`` of a web page when
    found (keys only when present).  ``record_id``: the identifier of a
    dataset line (``Fields.id``; any JSON value, kept as is), else None.
    ``language``: the language tag the source declares (a dataset line's
    ``Fields.language``, a page's ``<html lang>``) as written, else None:
    pass it to ``languages.resolve``.
    """

    name: str
    text: str
    encoding: str = "utf-8"
    warnings: Tuple[str, ...] = ()
    title: Optional[str] = None
    meta: Mapping[str, str] = field(default_factory=dict)
    record_id: Optional[object] = None
    language: Optional[str] = None


def checked(doc: Document) -> Document:
    """``doc``, unless its text is blank: then ``NoTextError``."""
    if not doc.text.strip():
        raise NoTextError("no text to summarize (the input is empty or only whitespace)", source=doc.name)
    return doc
