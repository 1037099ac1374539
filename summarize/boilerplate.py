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
from typing import List, Pattern, Tuple

from .datafiles import read_word_list


@lru_cache(maxsize=1)
def _patterns() -> Tuple[Pattern[str], Pattern[str]]:
    """``(at the start, anywhere)``: the patterns of ``boilerplate.txt``, joined.

    A pattern written ``.*rest`` is searched for as ``rest`` anywhere in the
    sentence: the same matches, without scanning to the end and back.
    """
    start, anywhere = [], []
    for pattern in read_word_list("boilerplate.txt"):
        if pattern.startswith(".*"):
            anywhere.append(pattern[2:])
        else:
            start.append(pattern)

    def join(patterns: List[str]) -> Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)

    return join(start), join(anywhere)


def is_boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` (one sentence, whitespace collapsed) is page furniture.

    A pattern of ``boilerplate.txt`` must match from the sentence's start
    (leading quotes and spaces ignored).
    """
    text = sentence.lstrip(" \"'\u201c\u2018")
    at_start, anywhere = _patterns()
    return at_start.match(text) is not None or anywhere.search(text) is not None
