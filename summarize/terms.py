"""Content terms: the words a sentence is scored by, as Porter stems.

nltk's Porter module is loaded on first use, and only that module
(``nltk_modules.load``), not all of NLTK.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import AbstractSet, Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple, TypeVar

from . import nltk_modules
from .datafiles import read_word_list


# Words: letters (with inner apostrophes or hyphens) or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = ("'s", "\u2019s")


def words(text: str) -> List[str]:
    """Return the words of ``text`` lower-cased, in order (punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=1)
def stopwords() -> FrozenSet[str]:
    """The English stopword list shipped in ``summarize/data/stopwords.txt``."""
    return frozenset(w.lower() for w in read_word_list("stopwords.txt"))


# The suffixes each step of the Porter algorithm looks for (Porter 1980,
# with NLTK's extensions: "ies"/"ied" of four letters, "fulli", "logi").  A
# word ending in none of a step's suffixes leaves that step unchanged, so
# the step need not run: NLTK builds the step's rule list on every call,
# which is most of its cost.  tests/test_terms.py checks these against the
# rules of the installed NLTK and the results against its plain stemmer.
STEP_SUFFIXES = {
    "_step1a": ("s",),
    "_step1b": ("ed", "ing"),
    "_step1c": ("y",),
    "_step2": (
        "ational", "tional", "enci", "anci", "izer", "bli", "abli", "alli", "entli", "eli", "ousli",
        "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti",
        "biliti", "fulli", "logi",
    ),
    "_step3": ("icate", "ative", "alize", "iciti", "ical", "ful", "ness"),
    "_step4": (
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
        "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ),
    "_step5a": ("e",),
    "_step5b": ("ll",),
}


def _skipping(step: Callable[[Any, str], str], suffixes: Tuple[str, ...]) -> Callable[[Any, str], str]:
    """``step``, run only for a word ending in one of ``suffixes``."""

    def run(self: Any, word: str) -> str:
        return step(self, word) if word.endswith(suffixes) else word

    return run


@lru_cache(maxsize=1)
def porter_stemmer() -> Any:
    """NLTK's Porter stemmer (NLTK's extensions), each step skipped for a
    word that ends in none of its suffixes: the same stems, about three
    times faster."""
    porter = nltk_modules.load("nltk.stem.porter").PorterStemmer
    steps = {name: _skipping(getattr(porter, name), suffixes) for name, suffixes in STEP_SUFFIXES.items()}
    return type("SkippingPorterStemmer", (porter,), steps)()


@lru_cache(maxsize=1)
def _stem_function() -> Callable[[str], str]:
    stem: Callable[[str], str] = porter_stemmer().stem
    return stem


# Caches, each emptied when full (cheaper than least-recently-used
# bookkeeping): the terms of each whitespace-separated token seen, e.g.
# "(Reuters)," -> ("reuter",) (a word never spans whitespace, so a text's
# terms are its tokens' terms in order; most tokens recur, and a lookup is far
# cheaper than the word regex); and the term of each lower-cased word, so
# "The" and "the" are stemmed once.  They live as long as the process (a
# batch worker summarizes thousands of documents), so what they hold is
# bounded: at most _CACHE_SIZE entries, and a token or word longer than
# _CACHED_LENGTH characters (a URL, a run of letters with no space: rarely
# seen twice) is never kept.  Together that bounds the keys and terms held
# to a few megabytes; without the length limit, 40 documents with a unique
# 1 MB token each kept 120 MB.
_CACHE_SIZE = 65536
_CACHED_LENGTH = 40
_TOKEN_TERMS: Dict[str, Tuple[str, ...]] = {}
_LOWER_TERMS: Dict[str, str] = {}


def _term(word: str) -> str:
    """The term of one word as it stands in the text, or ``""`` when it is not a content word."""
    lower = word.lower()
    term = _LOWER_TERMS.get(lower)
    return _remember(_LOWER_TERMS, lower, _lower_term(lower)) if term is None else term


_Value = TypeVar("_Value")


def _remember(cache: Dict[str, _Value], key: str, value: _Value) -> _Value:
    """Store ``value`` under ``key`` in one of the caches above (emptied when
    full; a key longer than ``_CACHED_LENGTH`` is not stored); return it."""
    if len(key) <= _CACHED_LENGTH:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = value
    return value


def _lower_term(word: str) -> str:
    """The term of one lower-cased word, or ``""`` when it is not a content word."""
    if word.endswith(_POSSESSIVE):
        word = word[:-2]
    if len(word) < 2 or word in stopwords() or word[0].isdigit():
        return ""
    return _stem_function()(word)


# Punctuation a token may carry around a word ("(said", "Paris,"); never
# part of a word at its edges, so stripping it leaves the token's words.
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"


def _token_terms(token: str) -> Tuple[str, ...]:
    word = token.strip(_EDGE_PUNCTUATION)
    if word.isalpha():  # one word of letters: what the word regex would find
        term = _term(word)
        terms: Tuple[str, ...] = (term,) if term else ()
    else:
        terms = tuple(term for term in map(_term, _WORD.findall(token)) if term)
    return _remember(_TOKEN_TERMS, token, terms)


def content_terms(text: str) -> List[str]:
    """Return the stems of the content words of ``text``, in order.

    Content words are words that are not stopwords, not bare numbers and
    longer than one character; possessive ``'s`` is dropped before stemming.
    """
    return tokens_terms(text.split())


def tokens_terms(tokens: Iterable[str]) -> List[str]:
    """``content_terms`` of a text given as its whitespace-separated tokens."""
    known = _TOKEN_TERMS.get
    out: List[str] = []
    for token in tokens:
        terms = known(token)
        out += _token_terms(token) if terms is None else terms
    return out


def surface_forms(texts: Iterable[str], wanted: Optional[AbstractSet[str]] = None) -> Dict[str, str]:
    """Return, for each term of ``texts`` (or each of those in ``wanted``),
    the word it most often stands for there.

    The word is taken as written (case kept, possessive ``'s`` dropped), so
    the stem ``pari`` reads ``Paris``; a tie goes to the form met first.
    Keys are in order of each term's first occurrence.
    """
    # Each distinct token once, with how often it occurs: tokens come in
    # order of first occurrence, so terms and their forms do too.
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(text.split())
    counts: Dict[str, Counter[str]] = {}
    for token, occurrences in tokens.items():
        terms = _TOKEN_TERMS.get(token)
        if terms is None:
            terms = _token_terms(token)
        if not terms or (wanted is not None and wanted.isdisjoint(terms)):
            continue
        for word in _WORD.findall(token):
            term = _term(word)
            if term and (wanted is None or term in wanted):
                if word[-2:].lower() in _POSSESSIVE:
                    word = word[:-2]
                counts.setdefault(term, Counter())[word] += occurrences
    # Counter keeps first-seen order and max() returns the first maximum: ties go to the earlier form.
    return {term: max(forms, key=forms.__getitem__) for term, forms in counts.items()}
