"""Content terms: the words a sentence is scored by, as Porter stems.

nltk's Porter module is loaded on first use, and only that module
(``nltk_modules.load``), not all of NLTK.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import AbstractSet, Dict, Iterable, List, Optional

from . import nltk_modules
from .datafiles import read_word_list


# Words: letters (with inner apostrophes or hyphens) or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = ("'s", "\u2019s")


def words(text: str) -> List[str]:
    """Return the words of ``text`` lower-cased, in order (punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    """The English stopword list shipped in ``summarize/data/stopwords.txt``."""
    return frozenset(w.lower() for w in read_word_list("stopwords.txt"))


@lru_cache(maxsize=1)
def _stem_function():
    return nltk_modules.load("nltk.stem.porter").PorterStemmer().stem


@lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """The term of one word as it stands in the text, or ``""`` when it is not a content word."""
    # Cached on the word as found, so a repeated word costs one lookup; and
    # on its lower-case form, so "The" and "the" are stemmed once.
    return _lower_term(word.lower())


@lru_cache(maxsize=65536)
def _lower_term(word: str) -> str:
    """The term of one lower-cased word, or ``""`` when it is not a content word."""
    if word.endswith(_POSSESSIVE):
        word = word[:-2]
    if len(word) < 2 or word in stopwords() or word[0].isdigit():
        return ""
    return _stem_function()(word)


def content_terms(text: str) -> List[str]:
    """Return the stems of the content words of ``text``, in order.

    Content words are words that are not stopwords, not bare numbers and
    longer than one character; possessive ``'s`` is dropped before stemming.
    """
    return [term for term in map(_term, _WORD.findall(text)) if term]


def surface_forms(texts: Iterable[str], wanted: Optional[AbstractSet[str]] = None) -> Dict[str, str]:
    """Return, for each term of ``texts`` (or each of those in ``wanted``),
    the word it most often stands for there.

    The word is taken as written (case kept, possessive ``'s`` dropped), so
    the stem ``pari`` reads ``Paris``; a tie goes to the form met first.
    Keys are in order of each term's first occurrence.
    """
    counts: Dict[str, Counter] = {}
    for text in texts:
        for word in _WORD.findall(text):
            term = _term(word)
            if term and (wanted is None or term in wanted):
                if word[-2:].lower() in _POSSESSIVE:
                    word = word[:-2]
                counts.setdefault(term, Counter())[word] += 1
    # Counter keeps first-seen order and max() returns the first maximum: ties go to the earlier form.
    return {term: max(forms, key=forms.__getitem__) for term, forms in counts.items()}
