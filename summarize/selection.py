"""Choose sentences by score within a length budget.  Pure.

The best sentences are taken by score (ties go to the earlier sentence) until
the budget is spent; the chosen ones are returned in document order.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple

from .errors import BudgetError

DEFAULT_SENTENCES = 3


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: exactly one of the three limits is set.

    ``sentences``: at most this many sentences (≥ 1).
    ``ratio``: this share of the document's sentences, 0 < ratio ≤ 1, rounded
    to the nearest whole sentence and at least one.
    ``words``: at most this many words in all (≥ 1), counted as
    whitespace-separated tokens.
    """

    sentences: Optional[int] = None
    ratio: Optional[float] = None
    words: Optional[int] = None

    @classmethod
    def of(
        cls,
        sentences: Optional[int] = None,
        ratio: Optional[float] = None,
        words: Optional[int] = None,
    ) -> "Budget":
        """Validate and build a budget; none given means ``DEFAULT_SENTENCES``.

        Raises ``BudgetError`` when more than one limit is given or a limit
        is out of range.
        """
        given = [name for name, v in (("sentences", sentences), ("ratio", ratio), ("words", words)) if v is not None]
        if len(given) > 1:
            raise BudgetError(f"give only one length limit, not {' and '.join(given)}")
        if sentences is not None and (isinstance(sentences, bool) or int(sentences) != sentences or sentences < 1):
            raise BudgetError(f"sentences must be a whole number of at least 1, not {sentences!r}")
        if ratio is not None and not (0 < ratio <= 1):
            raise BudgetError(f"ratio must be greater than 0 and at most 1, not {ratio!r}")
        if words is not None and (isinstance(words, bool) or int(words) != words or words < 1):
            raise BudgetError(f"words must be a whole number of at least 1, not {words!r}")
        if not given:
            sentences = DEFAULT_SENTENCES
        return cls(sentences=sentences, ratio=ratio, words=words)

    def as_dict(self) -> dict:
        """The one limit that is set, as ``{name: value}``."""
        return {k: v for k, v in (("sentences", self.sentences), ("ratio", self.ratio), ("words", self.words)) if v is not None}


@dataclass(frozen=True)
class Selection:
    """The chosen sentence indices in document order.

    ``whole``: the document has no more sentences than the budget allows, so
    all of them were chosen.  ``over_budget``: not even the best sentence
    fits the word budget; it was chosen alone anyway.
    """

    indices: Tuple[int, ...]
    whole: bool = False
    over_budget: bool = False


def rank(scores: Sequence[float]) -> list:
    """Indices ordered best first; equal scores keep document order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def select(scores: Sequence[float], word_counts: Sequence[int], budget: Budget) -> Selection:
    """Choose sentences within ``budget``.

    ``scores`` and ``word_counts`` hold one entry per sentence, in document
    order.  Returns a ``Selection``; an empty document gives no indices.
    """
    total = len(scores)
    if total == 0:
        return Selection(indices=())
    if budget.words is not None:
        if sum(word_counts) <= budget.words:
            return Selection(indices=tuple(range(total)), whole=True)
        chosen = []
        used = 0
        for i in rank(scores):
            if used + word_counts[i] <= budget.words:
                chosen.append(i)
                used += word_counts[i]
        if not chosen:
            return Selection(indices=(rank(scores)[0],), over_budget=True)
        return Selection(indices=tuple(sorted(chosen)))
    if budget.ratio is not None:
        count = max(1, int(math.floor(budget.ratio * total + 0.5)))
    else:
        count = int(budget.sentences or DEFAULT_SENTENCES)
    if count >= total:
        return Selection(indices=tuple(range(total)), whole=True)
    return Selection(indices=tuple(sorted(rank(scores)[:count])))
