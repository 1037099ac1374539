"""Plain-text data files shipped in ``summarize/data/``."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import FrozenSet, List


def read_word_list(name: str) -> List[str]:
    """Return the entries of ``summarize/data/<name>``: one per line, ``#`` starts a comment.

    Entries keep their case; blank lines and comments are dropped.
    """
    text = resources.files("summarize").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@lru_cache(maxsize=None)
def word_types(name: str) -> FrozenSet[str]:
    """The entries of ``summarize/data/<name>`` as Punkt types: lower-cased,
    without a final period ("Dr." and "dr" are both ``dr``); read once."""
    return frozenset(word.lower().rstrip(".") for word in read_word_list(name))
