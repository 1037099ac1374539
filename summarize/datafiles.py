"""Plain-text data files shipped in ``summarize/data/<language>/``.

One folder per language, named by its code (``en``, ``de``...), each
holding the same kinds of word lists (``data/README.md`` lists them).  One
entry a line; ``#`` starts a comment.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, FrozenSet, List

DEFAULT_LANGUAGE = "en"
"""The language whose lists are read when none is named."""

_COMMENT = re.compile(r"#[^\n]*")


@lru_cache(maxsize=1)
def data_folder() -> Any:
    """``summarize/data`` as an ``importlib.resources`` traversable, found
    once (finding it costs about a millisecond, and a language reads a
    dozen lists)."""
    return resources.files("summarize").joinpath("data")


def read_word_list(name: str, language: str = DEFAULT_LANGUAGE) -> List[str]:
    """Return the entries of ``summarize/data/<language>/<name>``: one per
    line, ``#`` starts a comment.

    Entries keep their case; blank lines and comments are dropped.  A list
    the language does not have gives ``[]``: not every language needs every
    list (only German writes ordinals with a full stop).
    """
    path = data_folder().joinpath(language).joinpath(name)
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    if "#" in text:
        text = _COMMENT.sub("", text)
    # At C speed: every run reads a few thousand lines (detection reads
    # every language's stopwords).
    return list(filter(None, map(str.strip, text.splitlines())))


@lru_cache(maxsize=None)
def lower_words(name: str, language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The entries of ``summarize/data/<language>/<name>``, lower-cased; read once."""
    return frozenset(word.lower() for word in read_word_list(name, language))


@lru_cache(maxsize=None)
def word_types(name: str, language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The entries of ``summarize/data/<language>/<name>`` as Punkt types:
    lower-cased, without a final period ("Dr." and "dr" are both ``dr``);
    read once.

    Punkt's type of "z. B." is "b" (it sees two tokens), so an entry with a
    space inside is read as its last part; "z.B." is read whole.
    """
    return frozenset(word.lower().rstrip(".").split()[-1] for word in read_word_list(name, language))
