"""Adversarial strings for a regular expression (a test helper, issue 16).

``recipes(pattern)`` gives ways to build, from the pattern's own pieces,
strings of any size on which a pattern whose cost is not
linear shows it: a piece repeated (the engine starts a match at every
repetition and each attempt runs to the end before failing: quadratic), or
a piece whose last character is stretched into a long run (two unbounded
quantifiers over the same run: quadratic within one attempt), each followed
by an ending that makes an ``$``-anchored match fail late.

The pattern is read with the standard library's own parser (``re._parser``,
``sre_parse`` before Python 3.11): private to ``re`` but stable for years,
and only the node kinds below are used.
"""
from __future__ import annotations

import functools
import itertools
from typing import Callable, Dict, List, Tuple

try:
    import re._constants as C
    import re._parser as sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

CAP = 12
"""Strings kept per node of the pattern (alternatives, repetitions)."""

ENDINGS = ("", "!", " x\u00a7")
"""What follows the repeated piece: nothing, a mark, a word and a symbol no class takes."""

# Characters tried for a character class, in order: a class gives the first few it holds.
_PROBES = "aA1 .,'-:@/x!?\"(\n"


def _category(category, char: str) -> bool:
    word = char.isalnum() or char == "_"
    return {
        C.CATEGORY_DIGIT: char.isdigit(),
        C.CATEGORY_NOT_DIGIT: not char.isdigit(),
        C.CATEGORY_SPACE: char.isspace(),
        C.CATEGORY_NOT_SPACE: not char.isspace(),
        C.CATEGORY_WORD: word,
        C.CATEGORY_NOT_WORD: not word,
    }.get(category, False)


def _in_class(items, char: str) -> bool:
    negate = hit = False
    for op, arg in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit |= ord(char) == arg
        elif op is C.RANGE:
            hit |= arg[0] <= ord(char) <= arg[1]
        elif op is C.CATEGORY:
            hit |= _category(arg, char)
    return hit != negate


def _sequence(nodes) -> List[str]:
    options = [_node(op, arg) for op, arg in nodes]
    return ["".join(combo) for combo in itertools.islice(itertools.product(*options), CAP)] or [""]


def _node(op, arg) -> List[str]:
    if op is C.LITERAL:
        return [chr(arg)]
    if op is C.NOT_LITERAL:
        return ["x" if arg != ord("x") else "y"]
    if op is C.ANY:
        return ["a"]
    if op is C.IN:
        return [c for c in _PROBES if _in_class(arg, c)][:3] or ["a"]
    if op is C.BRANCH:
        return list(dict.fromkeys(s for branch in arg[1] for s in _sequence(branch)))[:CAP]
    if op is C.SUBPATTERN:
        return _sequence(arg[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, high, body = arg
        counts = [low] + ([low + 1] if high > low else [])
        return list(dict.fromkeys(s * n for n in counts for s in _sequence(body)))[:CAP]
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(arg)
    return [""]  # anchors, look-arounds, back-references: nothing to spell


def pieces(pattern: str, flags: int = 0) -> List[str]:
    """Short strings that walk ``pattern``: for each prefix of its top-level
    sequence, up to ``CAP`` spellings (each alternative, optional parts taken
    and left out)."""
    nodes = list(sre_parse.parse(pattern, flags))
    found: Dict[str, None] = {}
    for end in range(1, len(nodes) + 1):
        for spelling in _sequence(nodes[:end]):
            if spelling:
                found.setdefault(spelling, None)
    return list(found)


def recipes(pattern: str, flags: int = 0) -> List[Tuple[str, Callable[[int], str]]]:
    """Ways to build an adversarial string for ``pattern`` (see the module
    docstring): ``(label, make)`` where ``make(size)`` gives the string of
    about ``size`` characters, so the costliest recipes at one size can be
    tried again at a larger one."""
    found: List[Tuple[str, Callable[[int], str]]] = []
    for piece in pieces(pattern, flags):
        for unit in (piece, piece + " "):
            for ending in ENDINGS:
                found.append((f"{unit!r} repeated, then {ending!r}", functools.partial(_repeated, unit, ending)))
        for ending in ENDINGS:
            found.append((f"{piece!r} with its last character stretched, then {ending!r}", functools.partial(_stretched, piece, ending)))
    return found


def _repeated(unit: str, ending: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size] + ending


def _stretched(piece: str, ending: str, size: int) -> str:
    return piece + piece[-1] * size + ending
