"""Content terms: the words a sentence is scored by."""
from __future__ import annotations

import json

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import nltk_modules, terms
from summarize.datafiles import read_word_list
from summarize.terms import content_terms, stopwords, surface_forms, words


def test_words_are_lower_cased_and_punctuation_dropped():
    assert words("Hello, World! It's 3.5 km.") == ["hello", "world", "it's", "3.5", "km"]


def test_stopwords_numbers_and_single_letters_are_not_terms():
    assert content_terms("The 12 donors said a kidney was given") == ["donor", "kidney", "given"]


def test_terms_are_porter_stems_so_inflections_match():
    assert content_terms("donors") == content_terms("donor")
    assert content_terms("transplanted") == content_terms("transplanting")


def test_possessive_is_dropped_before_stemming():
    assert content_terms("Broussard's kidney") == content_terms("Broussard kidney")


def test_reporting_verbs_are_stopwords_in_news():
    # "said" is the most frequent content word of most news stories; as a
    # term it would favour every attributed sentence.
    assert {"said", "says", "told"} <= stopwords()


def test_surface_form_is_the_most_frequent_spelling_of_the_stem():
    forms = surface_forms(["Talks began.", "He talked.", "The talks ended.", "More talks."])
    assert forms["talk"] == "talks"


def test_surface_form_keeps_case_and_drops_the_possessive():
    assert surface_forms(["Paris's mayor met Paris officials."])["pari"] == "Paris"


def test_surface_form_tie_goes_to_the_first_spelling():
    assert surface_forms(["Donors wait.", "A donor waits."])["donor"] == "Donors"


# The Porter stemmer skips a step for a word with none of its suffixes
# (terms.STEP_SUFFIXES); it must give exactly NLTK's stems.


def _plain_porter():
    return nltk_modules.load("nltk.stem.porter").PorterStemmer()


@pytest.mark.parametrize("step", sorted(set(terms.STEP_SUFFIXES) - {"_step1b", "_step5a"}))
def test_every_rule_of_a_skipped_step_ends_in_one_of_its_listed_suffixes(step):
    # Record the rules NLTK's own step applies; a word ending in a rule's
    # suffix must never be skipped.
    plain = _plain_porter()
    seen = []

    def record(word, rules):
        seen.extend(suffix for suffix, _, _ in rules)
        return word

    plain._apply_rule_list = record
    for probe in ("zzz", *terms.STEP_SUFFIXES[step]):
        getattr(type(plain), step)(plain, "zz" + probe)
    assert seen, "the step applied no rule list"
    missing = [s for s in seen if s not in ("*d", "") and not s.endswith(terms.STEP_SUFFIXES[step])]
    assert missing == []


def test_steps_1b_and_5a_change_only_words_with_their_suffixes():
    # Not plain rule lists: step 1b changes only words in -ed/-ing, 5a only words in -e.
    plain, ours = _plain_porter(), terms.porter_stemmer()
    for word in ("agreed", "feed", "plastered", "bled", "motoring", "sing", "hopping", "filing", "tied", "cried"):
        assert ours._step1b(word) == type(plain)._step1b(plain, word)
    for word in ("needs", "edge", "kingdom", "ingot"):
        assert ours._step1b(word) == word == type(plain)._step1b(plain, word)
    for word in ("probate", "rate", "cease", "e", "ee"):
        assert ours._step5a(word) == type(plain)._step5a(plain, word)
    assert ours._step5a("probates") == "probates" == type(plain)._step5a(plain, "probates")


_SUFFIXES = sorted({s for group in terms.STEP_SUFFIXES.values() for s in group} | {"sses", "ies", "ied", "eed", "ly"})


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet="abcdeilmnorstuvyz", min_size=0, max_size=9),
    st.lists(st.sampled_from(_SUFFIXES), max_size=3),
)
def test_skipping_stemmer_gives_nltks_stems(stem, suffixes):
    word = stem + "".join(suffixes)
    assert terms.porter_stemmer().stem(word) == _plain_porter().stem(word)


def test_skipping_stemmer_gives_nltks_stems_on_words_of_the_package_lists():
    plain, ours = _plain_porter(), terms.porter_stemmer()
    words = {w.lower() for name in ("stopwords.txt", "sentence_starters.txt", "speech_verbs.txt", "abbreviations.txt")
             for w in read_word_list(name)}
    assert [ours.stem(w) for w in sorted(words)] == [plain.stem(w) for w in sorted(words)]


@pytest.mark.skipif(not (SHARED / "eval" / "dev.jsonl").exists(), reason="../shared/eval/dev.jsonl not present")
def test_skipping_stemmer_gives_nltks_stems_on_every_word_of_the_dev_articles():
    plain, ours = _plain_porter(), terms.porter_stemmer()
    with (SHARED / "eval" / "dev.jsonl").open(encoding="utf-8") as handle:
        vocabulary = sorted({w for line in handle for w in terms.words(json.loads(line)["text"])})
    assert len(vocabulary) > 20000
    differ = [w for w in vocabulary if ours.stem(w) != plain.stem(w)]
    assert differ == []


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aBcéz\u0301'\u2019-.,;:!?\"()[]0123_ \n\u201c\u201d\u00e9\u4e2d\u0661", max_size=40))
def test_content_terms_are_the_terms_of_the_words_the_word_regex_finds(text):
    # content_terms works token by token, with shortcuts for plain words and
    # a cache; it must give the terms of the words found in the whole text.
    assert content_terms(text) == [t for t in map(terms._term, terms._WORD.findall(text)) if t]


def _surface_forms_by_scan(texts, wanted=None):
    # surface_forms as defined: every word in order, counted as written.
    from collections import Counter

    counts = {}
    for text in texts:
        for word in terms._WORD.findall(text):
            term = terms._term(word)
            if term and (wanted is None or term in wanted):
                if word[-2:].lower() in ("'s", "\u2019s"):
                    word = word[:-2]
                counts.setdefault(term, Counter())[word] += 1
    return {term: max(forms, key=forms.__getitem__) for term, forms in counts.items()}


_PHRASE = st.lists(st.sampled_from(["Talks", "talks", "talk", "Talk's", "(talked,", "Paris", "paris's", "PARIS.",
                                    "the", "donor-led", "Donors", "donor", "U.S.", "it's", "3.5", "x"]), max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PHRASE.map(" ".join), max_size=4), st.booleans())
def test_surface_forms_count_distinct_tokens_as_a_scan_of_every_word_would(texts, some):
    wanted = {"talk", "pari"} if some else None
    result = terms.surface_forms(texts, wanted)
    expected = _surface_forms_by_scan(texts, wanted)
    assert result == expected
    assert list(result) == list(expected)  # first-occurrence order


@pytest.mark.parametrize("apostrophe", ["\u2019", "\u02bc"])
def test_typographic_apostrophes_are_read_as_straight_ones(apostrophe):
    text = "We're sure it's true, they'll say, but don't ask at five o'clock."
    assert content_terms(text.replace("'", apostrophe)) == content_terms(text)
    assert content_terms(text) == ["sure", "true", "ask", "five", "o'clock"]
