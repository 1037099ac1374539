"""Boilerplate: sentences that belong to the page, not the story.  Pure.

Bylines, credits ("CNN's Jane Doe contributed to this report."), calls to
action ("Click here", "Follow us on Twitter", "Read more: ..."), copyright
and photo-credit lines.  The patterns are plain regular expressions in
``summarize/data/<language>/boilerplate.txt``, so they can be read and extended without
touching code.
"""
from __future__ import annotations

import re
from typing import Any, Dict, FrozenSet, Iterable, Optional, Pattern, Sequence, Set, Tuple

try:  # Python's own regular-expression parser (first_characters reads its output)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.9 and 3.10
    import sre_parse as _sre_parse

from .datafiles import DEFAULT_LANGUAGE, read_word_list


_Anywhere = Tuple[Tuple[str, Pattern[str]], ...]


class _Patterns:
    """A language's patterns (see ``_patterns``): those anchored at the
    start (``start``, tried by ``starts``; ``at_start`` joins them all),
    ``anywhere`` each with its required words, and those words alone
    (``literals``).  (A plain class: defining a named tuple costs about a
    million instructions at import.)"""

    __slots__ = ("start", "firsts", "anywhere", "literals", "_by_first", "_compiled", "_all")

    def __init__(self, start: Sequence[str], anywhere: _Anywhere, literals: Tuple[str, ...]) -> None:
        self.start, self.anywhere, self.literals = tuple(start), anywhere, literals
        self.firsts = tuple(first_characters(p) for p in self.start)
        self._by_first: Dict[str, Tuple[Pattern[str], ...]] = {}
        self._compiled: Dict[int, Pattern[str]] = {}
        self._all: Optional[Pattern[str]] = None

    @property
    def at_start(self) -> Pattern[str]:
        """Every start pattern joined into one, compiled when first asked for."""
        if self._all is None:
            self._all = _joined(self.start)
        return self._all

    def starts(self, text: str) -> bool:
        """Whether a start pattern matches at the start of ``text``.  Only
        the patterns that can begin with its first character are tried
        (``first_characters``), each compiled when first needed: the whole
        alternation cost ~5 \u00b5s a sentence, and compiling it ~30 ms at
        start-up."""
        first = text[:1].lower()
        if not first.isascii() or not first:  # case folding beyond ASCII: all of them
            return self.at_start.match(text) is not None
        tried = self._by_first.get(first)
        if tried is None:
            tried = self._by_first[first] = tuple(
                self._pattern(i) for i, chars in enumerate(self.firsts) if chars is None or first in chars
            )
        return any(pattern.match(text) is not None for pattern in tried)

    def _pattern(self, i: int) -> Pattern[str]:
        found = self._compiled.get(i)
        if found is None:
            found = self._compiled[i] = re.compile(self.start[i], re.IGNORECASE)
        return found


def _joined(patterns: Sequence[str]) -> Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def first_characters(pattern: str) -> Optional[FrozenSet[str]]:
    """The characters, lower-cased, a match of ``pattern`` (case ignored)
    can begin with, when they are ASCII and few; ``None`` when they cannot
    be told (any character, a class beyond ASCII, a pattern that may match
    nothing at all, a construct this does not read): then the pattern is
    always tried.  Read from Python's own parse of the pattern."""
    try:
        found, empty = _first_of(_sre_parse.parse(pattern, re.IGNORECASE))
    except Exception:  # noqa: BLE001 - any surprise in the parser's internals: always try the pattern
        return None
    if found is None or empty or not all(c.isascii() for c in found):
        return None
    return frozenset(c.lower() for c in found)


_FirstSet = Tuple[Optional[Set[str]], bool]


def _first_of(items: Iterable[Any]) -> _FirstSet:
    """``(characters, may be empty)`` of a parsed sequence; ``None`` characters: any."""
    found: Set[str] = set()
    for item in items:
        chars, empty = _first_of_item(*item)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_of_item(op: Any, av: Any) -> _FirstSet:
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}, False
    if name == "IN":
        chars: Set[str] = set()
        for kind, value in av:
            kind = str(kind)
            if kind == "LITERAL":
                chars.add(chr(value))
            elif kind == "RANGE" and value[1] - value[0] < 64:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range
                return None, False
        return chars, False
    if name == "BRANCH":
        found: Set[str] = set()
        empty = False
        for branch in av[1]:
            chars_b, empty_b = _first_of(branch)
            if chars_b is None:
                return None, False
            found |= chars_b
            empty = empty or empty_b
        return found, empty
    if name == "SUBPATTERN":
        return _first_of(av[-1])
    if name == "ATOMIC_GROUP":
        return _first_of(av)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        chars_r, empty_r = _first_of(av[2])
        return chars_r, empty_r or av[0] == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # consume nothing (a lookahead only narrows)
        return set(), True
    return None, False  # ANY, NOT_LITERAL, a group reference...


_LOADED: Dict[str, _Patterns] = {}


def _patterns(language: str = DEFAULT_LANGUAGE) -> _Patterns:
    """The patterns of ``language``'s ``boilerplate.txt``, read once.

    Those anchored at the start are tried by their first character
    (``_Patterns.starts``).  A pattern written
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
        start,
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
    if patterns.starts(text):
        return True
    folded = fold(text)
    if not any(map(folded.__contains__, patterns.literals)):  # the usual case, tested at C speed
        return False
    return any(literal in folded and pattern.search(text) is not None for literal, pattern in patterns.anywhere)
