"""How long a summary may be: ``Budget``, parsed and checked once.

The command builds one from its options, a Python caller from
``summarize()``'s keyword arguments or by hand; from then on it travels
whole, and every stage below trusts it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

from .errors import BudgetError

DEFAULT_SENTENCES = 3
"""The limit when none is given: this many sentences."""

LIMITS = ("sentences", "ratio", "words")
"""The three kinds of limit, in the order they are reported."""

_REQUIREMENTS = {
    "sentences": "a whole number of at least 1",
    "ratio": "a number greater than 0 and at most 1",
    "words": "a whole number of at least 1",
}


def check_limit(name: str, value: Any) -> Any:
    """``value`` when it is a valid ``name`` limit (see ``Budget``), as an
    ``int`` for ``sentences`` and ``words`` and a ``float`` for ``ratio``.

    Raises ``BudgetError`` (also a ``ValueError``) naming the limit, for a
    value of the wrong type (a bool, a string, a non-whole number) or out of
    range (0, negative, infinite, NaN).
    """
    number = _as_float(value)
    if name == "ratio":
        if number is not None and 0 < number <= 1:  # NaN fails both
            return number
    elif number is not None and math.isfinite(number) and number == int(number) and number >= 1:
        return int(value)
    raise BudgetError(f"{name} must be {_REQUIREMENTS[name]}, not {value!r}", limits=(name,))


def _as_float(value: Any) -> Optional[float]:
    """``value`` as a float when it is a real number (not a bool), else None."""
    from numbers import Real  # not at import time: --help does not need it

    if isinstance(value, bool) or not isinstance(value, Real):
        return None
    try:
        return float(value)
    except OverflowError:  # an int too large for a float
        return math.inf


# A Chinese or Japanese character (Han, kana): each is a word of a budget.
# Compiled when first needed: --help imports this module.
_CJK_CLASS = "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"


def word_count(text: str, words: Optional[Sequence[str]] = None) -> int:
    """How many words ``text`` holds for a word budget: its
    whitespace-separated tokens, except that each Chinese or Japanese
    character (Han, hiragana, katakana) is a word of its own, as word
    processors count them (these languages are written without spaces: a
    sentence would otherwise be one word), and what else such a token holds
    counts once per run of letters or digits.  ``words``: ``text.split()``
    when the caller has it already (a long sentence's words are not split
    twice)."""
    tokens = text.split() if words is None else words
    if text.isascii():
        return len(tokens)
    cjk = re.compile(_CJK_CLASS)  # re caches compiled patterns
    if not cjk.search(text):
        return len(tokens)
    count = 0
    for token in tokens:
        characters = len(cjk.findall(token))
        if not characters:
            count += 1
            continue
        count += characters + sum(1 for run in cjk.split(token) if any(c.isalnum() for c in run))
    return count


def requirement(name: str) -> str:
    """What a ``name`` limit must be, in words ("a whole number of at least 1")."""
    return _REQUIREMENTS[name]


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: exactly one of the three limits is set.

    ``sentences``: at most this many sentences (≥ 1).
    ``ratio``: this share of the document's sentences, 0 < ratio ≤ 1, rounded
    to the nearest whole sentence and at least one.
    ``words``: at most this many words in all (≥ 1), counted by
    ``word_count``.

    ``Budget()`` is ``Budget(sentences=DEFAULT_SENTENCES)``.  Building one
    checks it: ``BudgetError`` when more than one limit is given or a limit
    is out of range (``check_limit``), so a ``Budget`` is always valid.
    """

    sentences: Optional[int] = None
    ratio: Optional[float] = None
    words: Optional[int] = None

    def __post_init__(self) -> None:
        given = tuple(name for name in LIMITS if getattr(self, name) is not None)
        if len(given) > 1:
            raise BudgetError(f"give only one length limit, not {' and '.join(given)}", limits=given)
        if not given:
            object.__setattr__(self, "sentences", DEFAULT_SENTENCES)
            return
        name = given[0]
        object.__setattr__(self, name, check_limit(name, getattr(self, name)))

    def as_dict(self) -> Dict[str, Any]:
        """The one limit that is set, as ``{name: value}``."""
        return {name: getattr(self, name) for name in LIMITS if getattr(self, name) is not None}

    def count(self, total: int) -> Optional[int]:
        """How many sentences a document of ``total`` sentences may give:
        ``sentences`` (at most ``total``), or ``ratio`` of ``total`` rounded
        to the nearest and at least one; ``None`` for a word budget."""
        if self.words is not None:
            return None
        if self.ratio is not None:
            return min(total, max(1, int(math.floor(self.ratio * total + 0.5))))
        return min(total, int(self.sentences or 0))


def budget_of(
    budget: Optional[Budget] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
) -> Budget:
    """``budget`` itself, or the budget the three limits describe (the
    default with none).  Raises ``BudgetError`` when ``budget`` comes with a
    limit besides, or as ``Budget`` does."""
    limits: Tuple[Tuple[str, Any], ...] = (("sentences", sentences), ("ratio", ratio), ("words", words))
    if budget is None:
        return Budget(sentences=sentences, ratio=ratio, words=words)
    if not isinstance(budget, Budget):
        raise TypeError(f"budget must be a Budget, not {type(budget).__name__}")
    extra = tuple(name for name, value in limits if value is not None)
    if extra:
        raise BudgetError(f"give either budget or {' and '.join(extra)}, not both", limits=extra)
    return budget

