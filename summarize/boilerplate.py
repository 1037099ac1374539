"""Boilerplate: sentences that belong to the page, not the story.  Pure.

Bylines, credits ("CNN's Jane Doe contributed to this report."), calls to
action ("Click here", "Follow us on Twitter", "Read more: ..."), copyright
and photo-credit lines.  The patterns are plain regular expressions in
``summarize/data/boilerplate.txt``, so they can be read and extended without
touching code.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Pattern

from .datafiles import read_word_list


@lru_cache(maxsize=1)
def _pattern() -> Pattern[str]:
    patterns = read_word_list("boilerplate.txt")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def is_boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` (one sentence, whitespace collapsed) is page furniture.

    A pattern of ``boilerplate.txt`` must match from the sentence's start
    (leading quotes and spaces ignored).
    """
    return _pattern().match(sentence.lstrip(" \"'\u201c\u2018")) is not None
