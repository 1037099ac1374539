"""summarize: extractive article summaries, offline.

>>> import summarize
>>> result = summarize.summarize(text, sentences=3)
>>> [str(s) for s in result.sentences]

The public API is this module's names; everything else is internal.
``summarize``, ``split_sentences``, ``Summary``, ``Sentence`` and ``Budget`` are loaded
on first use, so importing the package costs next to nothing: the command
line relies on that to catch Ctrl-C from its very start (``__main__.run``).
"""
from __future__ import annotations

import importlib

from .errors import BudgetError, FetchError, InputError, MissingExtraError, NoTextError, SummarizeError

__version__ = "0.1.0"

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers know the name), without importing typing
if TYPE_CHECKING:
    from typing import Any, List

    from .budget import Budget
    from .core import Sentence, Summary, summarize
    from .sentences import split_sentences

# Public name -> the submodule that defines it (imported by __getattr__).
_LAZY = {"Budget": "budget", "Sentence": "core", "Summary": "core", "summarize": "core", "split_sentences": "sentences"}

__all__ = [
    "Budget",
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


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_LAZY))
