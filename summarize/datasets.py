"""JSON Lines datasets → documents: one article per line.

A ``.jsonl`` file holds one JSON object per line with the article under a
text field (``text`` unless told otherwise) and, optionally, an ``id``.
Each line is a document named ``FILE.jsonl:LINE``; blank lines are skipped.
"""
from __future__ import annotations

import json
import re
from typing import Any, Dict, Iterator, Optional, Tuple

from .decoding import clean
from .document import DEFAULT_TEXT_FIELD, Document, checked
from .errors import InputError, MissingFieldError
from .sources import open_input

DATASET_SUFFIX = ".jsonl"
_SURROGATE = re.compile("[\ud800-\udfff]")


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
        raise InputError(f"not valid JSON ({exc})", source=name) from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply to read)", source=name) from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object; each line must be one {{\"{text_field}\": ...}} object", source=name)
    return record


def record_document(record: Dict[str, Any], name: str, text_field: str = DEFAULT_TEXT_FIELD) -> Document:
    """The article in a dataset ``record``: the text under ``text_field``
    and, when present, its ``id`` (kept in ``record_id``, as is).

    Raises ``MissingFieldError`` when there is no string under
    ``text_field``, and ``NoTextError`` when that text is empty.
    """
    text = record.get(text_field)
    if not isinstance(text, str):
        problem = "no" if text is None else "no string in the"
        raise MissingFieldError(f"{problem} \"{text_field}\" field", source=name)
    text, warnings = clean(text)
    if _SURROGATE.search(text):  # "\ud800" is valid JSON but no text
        text = _SURROGATE.sub("\ufffd", text)
        warnings += ("lone surrogate escapes replaced with U+FFFD",)
    return checked(Document(name=name, text=text, warnings=warnings, record_id=record.get("id")))
