"""Content terms: the words a sentence is scored by, as stems.

Every function takes ``language``, a supported code (English by default).
English words are Porter stems; the other languages use their Snowball
stemmer (``stemmer`` in ``summarize/data/<code>/language.txt``).  NLTK's
Porter and Snowball modules are loaded on first use, and only those
modules (``nltk_modules.load``), not all of NLTK.  Stopwords come from
``summarize/data/<code>/stopwords.txt``; an elided article or pronoun glued
before a word ("l'homme", "dell'anno": ``elisions.txt``) or a pronoun
hyphened after it ("dit-il": ``clitics.txt``) is dropped from it.  A
typographic apostrophe counts as a straight one: "don\u2019t" is "don't".
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import repeat
from typing import AbstractSet, Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Tuple, TypeVar

from . import nltk_modules
from .datafiles import DEFAULT_LANGUAGE, lower_words, read_word_list
from .languages import language as language_of


# Words: letters (with inner apostrophes or hyphens) or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = ("'s", "\u2019s")
# Typographic apostrophes (right single quotation mark, modifier letter
# apostrophe) -> the straight one the word lists are written with.
_APOSTROPHES = str.maketrans("\u2019\u02bc", "''")


def words(text: str) -> List[str]:
    """Return the words of ``text`` lower-cased, in order (punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


def stopwords(language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The stopword list of ``language``, lower case (``summarize/data/<language>/stopwords.txt``)."""
    return lower_words("stopwords.txt", language)


def _elisions(language: str) -> FrozenSet[str]:
    """The words written elided before an apostrophe ("l" of "l'homme"), lower case."""
    return lower_words("elisions.txt", language)


@lru_cache(maxsize=None)
def _clitics(language: str) -> Tuple[str, ...]:
    """Pronouns hyphened to the end of a word ("-t-il", "-il"), lower case, longest first."""
    return tuple(sorted((w.lower() for w in read_word_list("clitics.txt", language)), key=len, reverse=True))


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


@lru_cache(maxsize=None)
def snowball_stemmer(algorithm: str) -> Any:
    """NLTK's Snowball stemmer for ``algorithm`` ("german", "french"...),
    loaded shallowly (``nltk_modules``): no stopwords of its own, and not
    all of NLTK."""
    snowball = nltk_modules.load("nltk.stem.snowball")
    return getattr(snowball, algorithm.capitalize() + "Stemmer")()


@lru_cache(maxsize=None)
def _stem_function(language: str = DEFAULT_LANGUAGE) -> Callable[[str], str]:
    """The stemmer of ``language``: Porter (English) or its Snowball algorithm."""
    algorithm = language_of(language).stemmer
    stem: Callable[[str], str] = (porter_stemmer() if algorithm == "porter" else snowball_stemmer(algorithm)).stem
    return stem


# Caches, each emptied when full (cheaper than least-recently-used
# bookkeeping): the terms of each whitespace-separated token seen, e.g.
# "(Reuters)," -> ("reuter",) (a word never spans whitespace, so a text's
# terms are its tokens' terms in order; most tokens recur, and a lookup is far
# cheaper than the word regex); and the term of each lower-cased word, so
# "The" and "the" are stemmed once.  One pair per language (``Vocabulary``).
# They live as long as the process (a batch worker summarizes thousands of
# documents), so what they hold is bounded: at most _CACHE_SIZE entries, and
# a token or word longer than _CACHED_LENGTH characters (a URL, a run of
# letters with no space: rarely seen twice) is never kept.  Together that
# bounds the keys and terms held to a few megabytes; without the length
# limit, 40 documents with a unique 1 MB token each kept 120 MB.
_CACHE_SIZE = 65536
_CACHED_LENGTH = 40


class Vocabulary:
    """What makes the terms of one language: its caches (``tokens``,
    ``lowers``), ``stopwords``, ``stem`` function, and for languages other
    than English its elided words and hyphened pronouns.  Made once per
    language (``vocabulary``) and handed down the path a word takes on its
    first sight, so that path looks nothing up by language."""

    __slots__ = ("code", "english", "tokens", "lowers", "stopwords", "stem", "elisions", "clitics")

    def __init__(self, code: str) -> None:
        self.code = code
        self.english = code == DEFAULT_LANGUAGE
        self.tokens: Dict[str, Tuple[str, ...]] = {}
        self.lowers: Dict[str, str] = {}
        self.stopwords = stopwords(code)
        self.stem = _stem_function(code)
        self.elisions = _elisions(code)
        self.clitics = _clitics(code)


_VOCABULARIES: Dict[str, Vocabulary] = {}


def vocabulary(language: str = DEFAULT_LANGUAGE) -> Vocabulary:
    """The ``Vocabulary`` of ``language``, made on first use."""
    found = _VOCABULARIES.get(language)
    if found is None:
        found = _VOCABULARIES[language] = Vocabulary(language)
    return found


def _term(word: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The term of one word as it stands in the text, or ``""`` when it is not a content word."""
    return _term_in(word, vocabulary(language))


def _term_in(word: str, vocab: Vocabulary) -> str:
    lower = word.lower()
    term = vocab.lowers.get(lower)
    return _remember(vocab.lowers, lower, _lower_term(lower, vocab)) if term is None else term


_Value = TypeVar("_Value")


def _remember(cache: Dict[str, _Value], key: str, value: _Value) -> _Value:
    """Store ``value`` under ``key`` in one of the caches above (emptied when
    full; a key longer than ``_CACHED_LENGTH`` is not stored); return it."""
    if len(key) <= _CACHED_LENGTH:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = value
    return value


def _lower_term(word: str, vocab: Vocabulary) -> str:
    """The term of one lower-cased word, or ``""`` when it is not a content word.

    A typographic apostrophe is read as a straight one ("we\u2019re" is
    "we're"), so an article's terms do not depend on its apostrophe style."""
    if "\u2019" in word or "\u02bc" in word:
        word = word.translate(_APOSTROPHES)
    if vocab.english:
        if word.endswith(_POSSESSIVE):
            word = word[:-2]
    else:
        word = _without_elision(word, vocab)
    if len(word) < 2 or word in vocab.stopwords or word[0].isdigit():
        return ""
    return vocab.stem(word)


def _without_elision(word: str, vocab: Vocabulary) -> str:
    """``word`` without an elided word glued before it ("l'Homme" ->
    "Homme") or a pronoun hyphened after it ("dit-il" -> "dit"), as the
    language's ``elisions.txt`` and ``clitics.txt`` list them."""
    if "'" in word or "\u2019" in word:
        head, _, rest = word.replace("\u2019", "'").partition("'")
        if head.lower() in vocab.elisions:
            word = rest
    if "-" in word:
        lower = word.lower()
        for clitic in vocab.clitics:
            if lower.endswith(clitic) and len(lower) > len(clitic):
                return word[: -len(clitic)]
    return word


# Punctuation a token may carry around a word ("(said", "Paris,"); never
# part of a word at its edges, so stripping it leaves the token's words.
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"


def _token_terms(token: str, vocab: Vocabulary) -> Tuple[str, ...]:
    word = token.strip(_EDGE_PUNCTUATION)
    if word.isalpha():  # one word of letters: what the word regex would find
        term = _term_in(word, vocab)
        terms: Tuple[str, ...] = (term,) if term else ()
    else:
        terms = tuple(filter(None, map(_term_in, _WORD.findall(token), repeat(vocab))))
    return _remember(vocab.tokens, token, terms)


def content_terms(text: str, language: str = DEFAULT_LANGUAGE) -> List[str]:
    """Return the stems of the content words of ``text``, in order.

    Content words are words that are not stopwords of ``language``, not
    bare numbers and longer than one character; possessive ``'s``
    (English), or an elided article and a hyphened pronoun (see the module
    docstring), is dropped before stemming.
    """
    return tokens_terms(text.split(), language)


def tokens_terms(tokens: Iterable[str], language: str = DEFAULT_LANGUAGE) -> List[str]:
    """``content_terms`` of a text given as its whitespace-separated tokens."""
    vocab = _VOCABULARIES.get(language) or vocabulary(language)
    known = vocab.tokens.get
    out: List[str] = []
    for token in tokens:
        terms = known(token)
        out += _token_terms(token, vocab) if terms is None else terms
    return out


def surface_forms(
    texts: Iterable[str], wanted: Optional[AbstractSet[str]] = None, language: str = DEFAULT_LANGUAGE
) -> Dict[str, str]:
    """Return, for each term of ``texts`` (or each of those in ``wanted``),
    the word it most often stands for there.

    The word is taken as written (case kept; possessive ``'s``, or an
    elided article and a hyphened pronoun, dropped), so the stem ``pari``
    reads ``Paris``; a tie goes to the form met first.  Keys are in order
    of each term's first occurrence.
    """
    # Each distinct token once, with how often it occurs: tokens come in
    # order of first occurrence, so terms and their forms do too.
    tokens: Counter[str] = Counter()
    for text in texts:
        tokens.update(text.split())
    counts: Dict[str, Counter[str]] = {}
    vocab = vocabulary(language)
    for token, occurrences in tokens.items():
        terms = vocab.tokens.get(token)
        if terms is None:
            terms = _token_terms(token, vocab)
        if not terms or (wanted is not None and wanted.isdisjoint(terms)):
            continue
        for word in _WORD.findall(token):
            term = _term_in(word, vocab)
            if term and (wanted is None or term in wanted):
                if not vocab.english:
                    word = _without_elision(word, vocab)
                elif word[-2:].lower() in _POSSESSIVE:
                    word = word[:-2]
                counts.setdefault(term, Counter())[word] += occurrences
    # Counter keeps first-seen order and max() returns the first maximum: ties go to the earlier form.
    return {term: max(forms, key=forms.__getitem__) for term, forms in counts.items()}
