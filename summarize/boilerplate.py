"""Boilerplate: sentences that belong to the page, not the story.  Pure.

Bylines, credits ("CNN's Jane Doe contributed to this report."), calls to
action ("Click here", "Follow us on Twitter", "Read more: ..."), copyright
and photo-credit lines.  The patterns are plain regular expressions in
``summarize/data/<language>/boilerplate.txt``, so they can be read and extended without
touching code.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Pattern, Tuple

from .datafiles import read_word_list


_Anywhere = Tuple[Tuple[str, Pattern[str]], ...]


@lru_cache(maxsize=1)
def _patterns() -> Tuple[Pattern[str], _Anywhere]:
    """``(at the start, anywhere)``: the patterns of ``boilerplate.txt``.

    Those anchored at the start are joined into one.  A pattern written
    ``.*rest`` is searched for as ``rest`` anywhere in the sentence: the same
    matches, without scanning to the end and back.  Each comes with the
    words every match contains (``required_literal``), so that most
    sentences are ruled out by a substring test: a case-insensitive search
    at every position is the slow part.
    """
    start, anywhere = [], []
    for pattern in read_word_list("boilerplate.txt"):
        if pattern.startswith(".*"):
            anywhere.append((required_literal(pattern[2:]), re.compile(pattern[2:], re.IGNORECASE)))
        else:
            start.append(pattern)
    return re.compile("|".join(f"(?:{p})" for p in start) or r"(?!)", re.IGNORECASE), tuple(anywhere)


# Characters that match an ASCII letter under re.IGNORECASE but do not
# lower-case to it (one character for one, so substrings stay aligned).
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased so that every match of an ``IGNORECASE`` pattern's
    ASCII literal in ``text`` is that literal, lower-case, in the result."""
    return text.lower() if text.isascii() else text.translate(_ASCII_FOLD).lower()


def required_literal(pattern: str) -> str:
    """The longest run of lower-case ASCII letters and spaces that every
    match of ``pattern`` contains (outside groups, classes and escapes, and
    not made optional by a quantifier), lower-cased; ``""`` when there is none."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        char = pattern[i]
        if depth == 0 and (char.isascii() and char.isalpha() or char == " "):
            run += char.lower()
            i += 1
            continue
        if run:
            # A quantifier after the run applies to its last character only.
            runs.append(run[:-1] if char in "?*+{" else run)
            run = ""
        if char == "\\":
            i += 2
        elif char == "[":
            i = pattern.index("]", i + 2) + 1
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            i += 1
            if depth == 0 and char == "|":
                return ""  # an alternative at the top: no literal is required
    runs.append(run)
    return max((r.strip() for r in runs), key=len, default="")


def is_boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` (one sentence, whitespace collapsed) is page furniture.

    A pattern of ``boilerplate.txt`` must match from the sentence's start
    (leading quotes and spaces ignored).
    """
    text = sentence.lstrip(" \"'\u201c\u2018")
    at_start, anywhere = _patterns()
    if at_start.match(text) is not None:
        return True
    folded = fold(text)
    if not any(map(folded.__contains__, _literals())):  # the usual case, tested at C speed
        return False
    return any(literal in folded and pattern.search(text) is not None for literal, pattern in anywhere)


@lru_cache(maxsize=1)
def _literals() -> Tuple[str, ...]:
    """The words required by the "anywhere" patterns (see ``_patterns``)."""
    return tuple(literal for literal, _ in _patterns()[1])
