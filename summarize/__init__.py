"""summarize: extractive article summaries, offline.

>>> import summarize
>>> result = summarize.summarize(text, sentences=3)
>>> [str(s) for s in result.sentences]

The public API is this module's names; everything else is internal.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .core import Sentence, Summary, summarize
from .errors import BudgetError, FetchError, InputError, MissingExtraError, NoTextError, SummarizeError
from .sentences import split_sentences

__all__ = [
    "BudgetError",
    "FetchError",
    "InputError",
    "MissingExtraError",
    "NoTextError",
    "Sentence",
    "Summary",
    "SummarizeError",
    "__version__",
    "split_sentences",
    "summarize",
]
