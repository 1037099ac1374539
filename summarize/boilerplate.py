"""Boilerplate: sentences that belong to the page, not the story.  Pure.

Bylines, credits ("CNN's Jane Doe contributed to this report."), calls to
action ("Click here", "Follow us on Twitter", "Read more: ..."), copyright
and photo-credit lines.  The patterns are plain regular expressions in
``summarize/data/<language>/boilerplate.txt``, so they can be read and extended without
touching code.
"""
from __future__ import annotations

import re
from typing import Dict, Pattern, Tuple

from .datafiles import DEFAULT_LANGUAGE, read_word_list


_Anywhere = Tuple[Tuple[str, Pattern[str]], ...]


class _Patterns:
    """A language's patterns (see ``_patterns``): ``at_start`` joined into
    one, ``anywhere`` each with its required words, and those words alone
    (``literals``).  (A plain class: defining a named tuple costs about a
    million instructions at import.)"""

    __slots__ = ("at_start", "anywhere", "literals")

    def __init__(self, at_start: Pattern[str], anywhere: _Anywhere, literals: Tuple[str, ...]) -> None:
        self.at_start, self.anywhere, self.literals = at_start, anywhere, literals


_LOADED: Dict[str, _Patterns] = {}


def _patterns(language: str = DEFAULT_LANGUAGE) -> _Patterns:
    """The patterns of ``language``'s ``boilerplate.txt``, read once.

    Those anchored at the start are joined into one.  A pattern written
    ``.*rest`` is searched for as ``rest`` anywhere in the sentence: the same
    matches, without scanning to the end and back.  Each comes with the
    words every match contains (``required_literal``), so that most
    sentences are ruled out by a substring test: a case-insensitive search
    at every position is the slow part.
    """
    loaded = _LOADED.get(language)
    if loaded is not None:
        return loaded
    start, anywhere = [], []
    for pattern in read_word_list("boilerplate.txt", language):
        if pattern.startswith(".*"):
            anywhere.append((required_literal(pattern[2:]), re.compile(pattern[2:], re.IGNORECASE)))
        else:
            start.append(pattern)
    patterns = _LOADED[language] = _Patterns(
        re.compile("|".join(f"(?:{p})" for p in start) or r"(?!)", re.IGNORECASE),
        tuple(anywhere),
        tuple(literal for literal, _ in anywhere),
    )
    return patterns


# Characters that match an ASCII letter under re.IGNORECASE but do not
# lower-case to it (one character for one, so substrings stay aligned).
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED = "\u0130\u0131\u017f\u212a"
_PIECE = 65536  # characters ``fold`` lowers at once


def fold(text: str) -> str:
    """``text`` lower-cased so that every match of an ``IGNORECASE`` pattern's
    ASCII literal in ``text`` is that literal, lower-case, in the result."""
    if text.isascii():
        return text.lower()
    if any(map(text.__contains__, _FOLDED)):
        text = text.translate(_ASCII_FOLD)  # with a dict: ~16 bytes a character, so only when needed
    if len(text) <= _PIECE:
        return text.lower()
    # str.lower() of text beyond ASCII takes 12 bytes a character while it
    # works: a long sentence is lowered a piece at a time, cut at spaces.
    pieces = []
    start = 0
    while start < len(text):
        end = text.find(" ", start + _PIECE)
        end = len(text) if end < 0 else end
        pieces.append(text[start:end].lower())
        start = end
    return "".join(pieces)


def required_literal(pattern: str) -> str:
    """The longest run of letters and spaces that every match of
    ``pattern`` contains (outside groups, classes and escapes, and not made
    optional by a quantifier), lower-cased; ``""`` when there is none.

    Only letters whose case folds one to one count ("\u00e9", "\u00fc", Cyrillic:
    every ``IGNORECASE`` match of them lower-cases to them), and symbols
    beyond ASCII that have no case ("\u00a9"); the run stops at any other
    character ("\u00df", whose upper case is "SS").
    """
    runs, run, depth, i = [], "", 0, 0
    while i < len(pattern):
        char = pattern[i]
        if depth == 0 and (
            char.isalpha() and char.lower() == char.upper().lower()
            or char == " "
            or not char.isascii() and not char.isalnum() and not char.isspace() and char.lower() == char.upper() == char
        ):
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


def is_boilerplate(sentence: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``sentence`` (one sentence, whitespace collapsed) is page
    furniture in ``language``.

    A pattern of its ``boilerplate.txt`` must match from the sentence's
    start (leading quotes and spaces ignored), or anywhere for a pattern
    written ``.*rest``.
    """
    text = sentence.lstrip(" \"'\u201c\u2018")
    patterns = _LOADED.get(language) or _patterns(language)  # a dict lookup: this runs for every sentence
    if patterns.at_start.match(text) is not None:
        return True
    folded = fold(text)
    if not any(map(folded.__contains__, patterns.literals)):  # the usual case, tested at C speed
        return False
    return any(literal in folded and pattern.search(text) is not None for literal, pattern in patterns.anywhere)
