"""Load the NLTK modules the pipeline needs, without all of NLTK.

``import nltk`` runs ``nltk/__init__.py``, which imports most of NLTK and,
through it, numpy and scipy when they are installed: about 0.25 s in a
clean environment and a second or more in a data-science one.  The pipeline
needs only ``nltk.tokenize.punkt``, ``nltk.stem.porter`` and, for languages
other than English, ``nltk.stem.snowball``, which import a handful of small
NLTK modules and nothing else -- but for ``nltk.corpus``, which the Snowball
module imports for the stopwords of its ``ignore_stopwords`` option (never
used here) and which loads most of NLTK's corpus readers.

``load(name)`` imports such a module *shallowly*: for the duration of the
import, placeholder package objects stand in for ``nltk``, ``nltk.tokenize``
and ``nltk.stem`` so their ``__init__`` files are not run, and a stand-in
for ``nltk.corpus`` offers a ``stopwords`` that refuses to be read
(``ignore_stopwords=True`` raises ``LookupError``, as NLTK does without its
data); afterwards every ``nltk`` entry this added to ``sys.modules`` is
removed again, so a later ``import nltk`` anywhere in the process gets a
complete, independent NLTK.  The loaded module objects stay alive through
the references returned here.

Fallbacks: if NLTK is already imported, it is used as it is (no cost); if
the shallow import fails with an ``ImportError`` or ``AttributeError`` (a
future NLTK laid out differently), the ordinary import is used.  ``SUMMARIZE_FULL_NLTK=1`` forces the ordinary
import.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types
from functools import lru_cache
from typing import List

# Packages whose __init__ is skipped during a shallow import.
_PLACEHOLDER_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
_LOCK = threading.Lock()


class _NoStopwords:
    """What the stand-in ``nltk.corpus`` offers as ``stopwords``: nothing to
    read (the project ships its own lists)."""

    def words(self, *args: object) -> List[str]:
        raise LookupError("NLTK's stopwords corpus is not loaded by summarize")


def _corpus() -> types.ModuleType:
    """The stand-in for ``nltk.corpus`` (see the module docstring)."""
    corpus = types.ModuleType("nltk.corpus")
    corpus.stopwords = _NoStopwords()  # type: ignore[attr-defined]
    return corpus


def _shallow_import(name: str) -> types.ModuleType:
    spec = importlib.util.find_spec("nltk")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed")
    root = list(spec.submodule_search_locations)[0]
    before = set(sys.modules)
    try:
        for package in _PLACEHOLDER_PACKAGES:
            placeholder = types.ModuleType(package)
            placeholder.__path__ = [os.path.join(root, *package.split(".")[1:])]
            sys.modules[package] = placeholder
        sys.modules["nltk.corpus"] = _corpus()
        return importlib.import_module(name)
    finally:
        for key in set(sys.modules) - before:
            if key == "nltk" or key.startswith("nltk."):
                del sys.modules[key]


def _loaded_nltk() -> List[str]:
    return [key for key in sys.modules if key == "nltk" or key.startswith("nltk.")]


@lru_cache(maxsize=None)
def load(name: str) -> types.ModuleType:
    """Return the NLTK module ``name`` (e.g. ``"nltk.tokenize.punkt"``).

    Shallow when NLTK is not imported yet; see the module docstring.
    Raises ``ImportError`` when NLTK is not installed.
    """
    with _LOCK:
        if "nltk" in sys.modules or os.environ.get("SUMMARIZE_FULL_NLTK") == "1":
            return importlib.import_module(name)
        try:
            return _shallow_import(name)
        except (ImportError, AttributeError):
            # What a differently laid-out NLTK raises here; never anything
            # broader: the exception a signal handler raises (SIGTERM) must
            # pass, or the signal is lost and the run goes on.
            for key in _loaded_nltk():
                del sys.modules[key]
            return importlib.import_module(name)
