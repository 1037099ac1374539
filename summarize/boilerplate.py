"""Boilerplate: sentences that belong to the page, not the story.  Pure.

Bylines, credits ("CNN's Jane Doe contributed to this report."), calls to
action ("Click here", "Follow us on Twitter", "Read more: ..."), copyright
and photo-credit lines.  The patterns are plain regular expressions in
``summarize/data/<language>/boilerplate.txt``, so they can be read and extended without
touching code.
"""
from __future__ import annotations

import functools
import re
import sys
from typing import Any, Callable, Dict, List, Optional, Pattern, Sequence, Set, Tuple

# The standard library's own parser of patterns: private to re, but stable for years.
if sys.version_info >= (3, 11):
    import re._parser as _sre
else:  # pragma: no cover
    import sre_parse as _sre

from .datafiles import DEFAULT_LANGUAGE, read_word_list


_Anywhere = Tuple[Tuple[str, Pattern[str]], ...]


class _Scope:
    """The patterns a sentence is tried against (see ``_is_furniture``):
    those at the start kept apart by how their matches begin (``heads``,
    keyed by their first ``key_length`` characters: see ``_Start``), but
    for those that can begin anyhow: joined in ``loose``, tried only on a
    sentence holding one of their required characters (``loose_marks``;
    ``""``: on every one); and the ``anywhere`` ones, each with its
    required words, and those words alone (``literals``).  (Plain classes:
    defining a named tuple costs about a million instructions at import.)"""

    __slots__ = ("heads", "key_length", "loose", "loose_marks", "anywhere", "literals")

    def __init__(
        self, heads: Dict[str, _Start], key_length: int, loose: Optional[Pattern[str]], loose_marks: str, anywhere: _Anywhere
    ) -> None:
        self.heads, self.key_length, self.loose, self.loose_marks = heads, key_length, loose, loose_marks
        self.anywhere, self.literals = anywhere, tuple(literal for literal, _ in anywhere)


class _Patterns(_Scope):
    """A language's patterns (see ``_patterns``): all of them as a
    ``_Scope``; the patterns at the start as written (``starts``), and
    ``at_start``, all those joined into one; and for each of ``anywhere``,
    the word of its literal a document must hold for it to match
    (``gates``: its longest word; ``""``: none is looked for)."""

    __slots__ = ("starts", "gates", "_at_start")

    def __init__(self, starts: Sequence[str], anywhere: _Anywhere) -> None:
        by_prefix: Dict[str, List[str]] = {}
        loose, marks = [], []
        for pattern in starts:
            prefixes = match_prefixes(pattern)
            if prefixes:
                for prefix in prefixes:
                    by_prefix.setdefault(prefix, []).append(pattern)
            else:
                loose.append(pattern)
                marks.append(required_marks(pattern))
        key_length = min(map(len, by_prefix), default=1)
        heads: Dict[str, _Start] = {}
        for prefix, patterns in by_prefix.items():
            heads.setdefault(prefix[:key_length], _Start()).add(prefix, patterns)
        loose_marks = "".join(sorted(set("".join(marks)))) if all(marks) else ""
        super().__init__(heads, key_length, _joined(loose) if loose else None, loose_marks, anywhere)
        self.starts = tuple(starts)
        # Only words of ASCII are looked for in a document (``_found_words``).
        self.gates = tuple(
            max(literal.split(), key=len) if literal.isascii() and literal.strip() else "" for literal in self.literals
        )
        self._at_start: Optional[Pattern[str]] = None

    @property
    def at_start(self) -> Pattern[str]:
        if self._at_start is None:
            self._at_start = _joined(self.starts)
        return self._at_start


class _Start:
    """The patterns at the start whose matches begin with one of
    ``prefixes`` (all sharing their first ``key_length`` characters),
    compiled when a sentence first needs them (``compiled``): most are
    never needed in a run, and compiling them all cost a one-document run
    ~5%."""

    __slots__ = ("prefixes", "patterns", "_compiled")

    def __init__(self) -> None:
        self.prefixes: Tuple[str, ...] = ()
        self.patterns: Tuple[str, ...] = ()
        self._compiled: Tuple[Pattern[str], ...] = ()

    def add(self, prefix: str, patterns: Sequence[str]) -> None:
        self.prefixes += (prefix,)
        self.patterns += tuple(p for p in patterns if p not in self.patterns)

    def compiled(self) -> Tuple[Pattern[str], ...]:
        if not self._compiled:
            self._compiled = tuple(re.compile(p, re.IGNORECASE) for p in self.patterns)
        return self._compiled


def _joined(patterns: Sequence[str]) -> Pattern[str]:
    """``patterns`` as one, matched case-insensitively."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


_LOADED: Dict[str, _Patterns] = {}


def _patterns(language: str = DEFAULT_LANGUAGE) -> _Patterns:
    """The patterns of ``language``'s ``boilerplate.txt``, read once.

    Those anchored at the start are kept by how their matches begin
    (``_Patterns``).  A pattern written ``.*rest`` is searched for as
    ``rest`` anywhere in the sentence: the same matches, without scanning
    to the end and back.  Each comes with the
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
    patterns = _LOADED[language] = _Patterns(start, tuple(anywhere))
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


PREFIX_LENGTH = 8
"""The most characters of a pattern's beginnings (``match_prefixes``) kept."""
_MAX_PREFIXES = 256
_ATOMIC = tuple(getattr(_sre, name) for name in ("ATOMIC_GROUP",) if hasattr(_sre, name))
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_STOP: Tuple[Any, Any] = (None, None)


def _folds_alone(char: str) -> bool:
    """Whether every character an ``IGNORECASE`` pattern's ``char`` matches
    is ``char`` once folded (``fold``): so below U+0100, but for the micro
    sign (it matches Greek mu).  tests/test_boilerplate.py checks it against
    every character."""
    return ord(char) < 0x100 and char != "\u00b5"


def match_prefixes(pattern: str) -> Tuple[str, ...]:
    """Strings, folded (``fold``), one of which begins every match of
    ``pattern`` (matched case-insensitively at a text's start), once the
    text is folded: each at most ``PREFIX_LENGTH`` characters, read off its
    literal characters until a class, a repetition or a character that does
    not fold alone (``_folds_alone``).  ``()`` when a match may begin
    anyhow, or the pattern has too many beginnings to list."""
    found: Set[str] = set()
    _prefixes(((list(_sre.parse(pattern, re.IGNORECASE).data), 0),), "", found)
    if "" in found or len(found) > _MAX_PREFIXES:
        return ()
    return tuple(sorted(found))


def _prefixes(stack: Tuple[Tuple[List[Any], int], ...], prefix: str, found: Set[str]) -> None:
    """Add to ``found`` the beginnings of the matches of the parsed nodes
    still to come (``stack``: sequences and the place reached in each,
    innermost last) after ``prefix``.  A node that cannot be read ends the
    beginning there: a shorter one is still required."""
    while stack and len(found) <= _MAX_PREFIXES:
        nodes, i = stack[-1]
        if i == len(nodes):
            stack = stack[:-1]
            continue
        op, arg = nodes[i]
        stack = stack[:-1] + ((nodes, i + 1),)
        if len(prefix) >= PREFIX_LENGTH or op is None:
            break
        if op is _sre.LITERAL and _folds_alone(chr(arg)):
            prefix += fold(chr(arg))
        elif op is _sre.IN and len(arg) <= 4 and all(o is _sre.LITERAL and _folds_alone(chr(a)) for o, a in arg):
            for char in {fold(chr(a)) for _, a in arg}:
                _prefixes(stack, prefix + char, found)
            return
        elif op is _sre.SUBPATTERN or op in _ATOMIC:
            stack += ((list(arg[-1] if op is _sre.SUBPATTERN else arg), 0),)
        elif op is _sre.BRANCH:
            for branch in arg[1]:
                _prefixes(stack + ((list(branch), 0),), prefix, found)
            return
        elif op in _REPEATS:
            low, high, item = arg
            if low == 0:
                _prefixes(stack, prefix, found)
            if high != 0:
                # Once, then on; or once, then the beginning ends (what repeats is not read).
                _prefixes(stack + ((list(item) + ([] if high == 1 else [_STOP]), 0),), prefix, found)
            return
        elif op not in _ZERO_WIDTH:  # a zero-width test is passed over: what it requires is required anyway
            break
    found.add(prefix)


def required_marks(pattern: str) -> str:
    """Characters without case, one of which every match of ``pattern``
    contains: the fewest of one character or class that the pattern holds
    outside any alternative or optional part; ``""`` when there is none."""
    best = ""
    nodes: List[Any] = list(_sre.parse(pattern, re.IGNORECASE).data)
    while nodes:
        op, arg = nodes.pop()
        chars = ""
        if op is _sre.LITERAL:
            chars = chr(arg)
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in arg):
            chars = "".join(chr(a) for _, a in arg)
        elif op is _sre.SUBPATTERN or op in _ATOMIC:
            nodes += list(arg[-1] if op is _sre.SUBPATTERN else arg)
        elif op in _REPEATS and arg[0] > 0:
            nodes += list(arg[2])
        if chars and all(not c.isalnum() and not c.isspace() and c.lower() == c.upper() == c for c in chars):
            if not best or len(chars) < len(best):
                best = chars
    return best


def is_boilerplate(sentence: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``sentence`` (one sentence, whitespace collapsed) is page
    furniture in ``language``.

    A pattern of its ``boilerplate.txt`` must match from the sentence's
    start (leading quotes and spaces ignored), or anywhere for a pattern
    written ``.*rest``.
    """
    return _is_furniture(_LOADED.get(language) or _patterns(language), sentence)


def furniture_test(document: str, language: str = DEFAULT_LANGUAGE) -> Callable[[str], bool]:
    """``is_boilerplate`` in ``language`` for the sentences of ``document``:
    the same answers, sooner.  The patterns whose required characters
    (``required_marks``) or words (the longest word of
    ``required_literal``) ``document`` lacks are left out once, instead of
    for each sentence.  A sentence is the words of a part of ``document``
    (``sentences.sentence_words``) joined by single spaces; for a string
    made otherwise, the answer may be wrong."""
    patterns = _LOADED.get(language) or _patterns(language)
    marks = "".join(mark for mark in patterns.loose_marks if mark in document)
    found = _found_words(document, set(patterns.gates))
    scope = _Scope(
        patterns.heads,
        patterns.key_length,
        None if patterns.loose_marks and not marks else patterns.loose,
        marks,
        tuple(pair for pair, gate in zip(patterns.anywhere, patterns.gates) if not gate or gate in found),
    )
    return functools.partial(_is_furniture, scope)


def _found_words(document: str, words: Set[str]) -> Set[str]:
    """Those of ``words`` (folded, ASCII) that ``fold(document)`` holds,
    read a piece at a time (pieces overlapping by the longest word), so
    that the document is never copied whole."""
    words.discard("")
    found: Set[str] = set()
    overlap = max(map(len, words), default=1) - 1
    for start in range(0, len(document), _PIECE):
        piece = document[start : start + _PIECE + overlap]
        if piece.isascii() or any(map(piece.__contains__, _FOLDED)):
            piece = fold(piece)
        else:
            # Only ASCII characters fold to ASCII here: the rest can go
            # (lowering them is the slow part).  A word found across the gap
            # one leaves is only looked for in vain in each sentence.
            piece = piece.encode("ascii", "ignore").decode("ascii").lower()
        found.update(word for word in words if word in piece)
        words -= found
        if not words:
            break
    return found


def _is_furniture(scope: _Scope, sentence: str) -> bool:
    """``is_boilerplate`` against the patterns of ``scope``."""
    text = sentence.lstrip(" \"'\u201c\u2018")
    # Most sentences begin as no pattern's match can (ruled out by one dict
    # lookup), and hold none of the characters the loose patterns require.
    head = fold(text[:PREFIX_LENGTH])
    start = scope.heads.get(head[: scope.key_length])
    if start is not None and head.startswith(start.prefixes):
        for pattern in start.compiled():
            if pattern.match(text) is not None:
                return True
    loose, marks = scope.loose, scope.loose_marks
    if loose is not None and (not marks or any(map(text.__contains__, marks))) and loose.match(text) is not None:
        return True
    if not scope.literals:
        return False
    folded = fold(text)
    if not any(map(folded.__contains__, scope.literals)):  # the usual case, tested at C speed
        return False
    return any(literal in folded and pattern.search(text) is not None for literal, pattern in scope.anywhere)
