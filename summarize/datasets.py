"""JSON Lines datasets → documents: one article per line.

A ``.jsonl`` file holds one JSON object per line.  The article is under a
text field (``Fields.text``, ``text`` unless told otherwise): a string, or a
list of strings (its paragraphs, joined with a blank line).  An identifier
(``Fields.id``, ``id``) is kept as it is, and a title field, when one is
named (``Fields.title``), gives the title apart from the text, and a
language field (``Fields.language``, ``language``) the article's language
tag ("fr", "pt-BR") when it holds a string.  Each line
is a document named ``FILE.jsonl:LINE``; blank lines are skipped.  The text
is read as a file's is: Project Gutenberg books and transcripts are
recognised (``plaintext``).
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple

from .decoding import clean
from .document import DEFAULT_TEXT_FIELD, Document, Fields, checked
from .errors import InputError, MissingFieldError
from .plaintext import recognise
from .sources import open_input

DATASET_SUFFIX = ".jsonl"
_SURROGATE = re.compile("[\ud800-\udfff]")

FIELDS_LISTED = 12
"""The most field names a missing-field error lists."""


def is_dataset(path: str) -> bool:
    """Whether ``path`` names a JSON Lines dataset (by its ``.jsonl`` suffix)."""
    return path.lower().endswith(DATASET_SUFFIX)


def read_lines(path: str, max_bytes: int) -> Iterator[Tuple[int, Optional[bytes]]]:
    """The non-blank lines of the dataset at ``path`` as ``(number, bytes)``,
    numbered from 1, read lazily; a line longer than ``max_bytes`` comes as
    ``(number, None)`` and is never held whole.  Raises ``InputError`` when
    the file cannot be opened or is a folder."""
    with open_input(path) as handle:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # pass over the rest of it
                    line = handle.readline(1 << 20)
                yield number, None
            elif line.strip():
                yield number, line


def parse_record(line: bytes, name: str, text_field: str = DEFAULT_TEXT_FIELD) -> Dict[str, Any]:
    """One dataset line as a JSON object.  Raises ``InputError`` (its source
    ``name``) when it is not UTF-8 JSON or not an object (``text_field``
    names the field the message suggests)."""
    try:
        # NaN and Infinity (which Python reads but JSON forbids) are kept as
        # the strings they are written as: an "id" must come back out as JSON.
        record = json.loads(line, parse_constant=str)
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8 (JSON Lines must be UTF-8)", source=name) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc})", source=name, brief="not valid JSON") from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply to read)", source=name, brief="not valid JSON") from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object; each line must be one {{\"{text_field}\": ...}} object", source=name)
    return record


def record_document(record: Dict[str, Any], name: str, fields: Fields = Fields()) -> Document:
    """The article in a dataset ``record``, named ``name``: the text under
    ``fields.text`` (a list of strings is joined, a blank line between
    them), ``record_id`` from ``fields.id`` (kept as is), and the title
    from ``fields.title`` when it is named and holds a string (else a
    warning says so), and the language tag from ``fields.language`` when it
    holds a string.

    Raises ``MissingFieldError`` when there is no string or list of strings
    under ``fields.text`` (its message lists the record's fields; its
    ``brief`` does not), and ``NoTextError`` when that text is empty.
    """
    text, warnings = clean(text_of(record, fields.text, name))
    if _SURROGATE.search(text):  # "\ud800" is valid JSON but no text
        text = _SURROGATE.sub("\ufffd", text)
        warnings += ("lone surrogate escapes replaced with U+FFFD",)
    title: Optional[str] = None
    if fields.title is not None and record.get(fields.title) is not None:
        value = record[fields.title]
        if isinstance(value, str):
            title = " ".join(_SURROGATE.sub("\ufffd", clean(value)[0]).split()) or None
        else:
            warnings += (f"no string in the \"{fields.title}\" field ({_kind(value)}); no title taken from it",)
    language = record.get(fields.language)
    doc = checked(
        Document(
            name=name,
            text=text,
            warnings=warnings,
            title=title,
            record_id=record.get(fields.id),
            language=language if isinstance(language, str) else None,
        )
    )
    return checked(recognise(doc))


def text_of(record: Dict[str, Any], field: str, name: str) -> str:
    """The text under ``field`` in ``record``: a string, or a list of
    strings joined with a blank line.  Raises ``MissingFieldError`` (its
    source ``name``) otherwise."""
    value = record.get(field)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(item.strip() for item in value if item.strip())
    if value is None:
        brief = f"no \"{field}\" field"
        raise MissingFieldError(f"{brief}; {_fields_of(record)}", source=name, brief=brief)
    brief = f"no string in the \"{field}\" field"
    raise MissingFieldError(f"{brief}: it holds {_kind(value)}", source=name, brief=brief)


def _fields_of(record: Dict[str, Any]) -> str:
    """The record's fields, as a missing-field error lists them."""
    if not record:
        return "the record has no fields"
    names: List[str] = [json.dumps(_SURROGATE.sub("\ufffd", key), ensure_ascii=False) for key in record]
    more = len(names) - FIELDS_LISTED
    listed = ", ".join(names[:FIELDS_LISTED]) + (f" and {more} more" if more > 0 else "")
    return f"the record's field{'s are' if len(names) > 1 else ' is'} {listed}"


def _kind(value: Any) -> str:
    """What a JSON value is, for a message: ``a number``, ``a list of numbers`` …"""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list that is not all strings"
    return "null" if value is None else "a string"
