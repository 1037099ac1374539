"""The length budget: one limit, checked once, defaulting once."""
from __future__ import annotations

import math

import pytest

import summarize
from summarize.budget import DEFAULT_SENTENCES, Budget, budget_of, check_limit, word_count
from summarize.errors import BudgetError


def test_no_limit_means_the_default_number_of_sentences():
    assert Budget() == Budget(sentences=DEFAULT_SENTENCES)
    assert Budget().as_dict() == {"sentences": DEFAULT_SENTENCES}


@pytest.mark.parametrize(
    "limits", [dict(sentences=3, words=50), dict(ratio=0.5, words=10), dict(sentences=1, ratio=0.2, words=5)]
)
def test_more_than_one_limit_is_one_error_naming_them(limits):
    with pytest.raises(BudgetError) as caught:
        Budget(**limits)
    assert caught.value.limits == tuple(limits)
    assert "only one length limit" in str(caught.value)


@pytest.mark.parametrize(
    "name, value",
    [
        ("sentences", 0), ("sentences", -2), ("sentences", 2.5), ("sentences", True), ("sentences", "3"),
        ("sentences", math.inf), ("sentences", math.nan), ("words", 0), ("words", "60"), ("words", -math.inf),
        ("ratio", 0), ("ratio", 1.5), ("ratio", math.nan), ("ratio", "0.2"), ("ratio", False), ("ratio", -0.1),
    ],
)
def test_a_limit_of_the_wrong_type_or_out_of_range_is_a_budget_error(name, value):
    with pytest.raises(BudgetError, match=name) as caught:
        Budget(**{name: value})
    assert isinstance(caught.value, ValueError)  # what a Python caller expects of a bad value


@pytest.mark.parametrize("name, value, kept", [("sentences", 3.0, 3), ("words", 60, 60), ("ratio", 1, 1.0)])
def test_whole_numbers_are_kept_in_their_own_type(name, value, kept):
    assert check_limit(name, value) == kept
    assert type(check_limit(name, value)) is type(kept)


@pytest.mark.parametrize("ratio, total, count", [(0.5, 5, 3), (0.01, 5, 1), (1, 7, 7), (0.2, 10, 2)])
def test_a_ratio_counts_the_nearest_whole_sentence_and_at_least_one(ratio, total, count):
    assert Budget(ratio=ratio).count(total) == count


def test_a_sentence_count_never_exceeds_the_document_and_a_word_budget_counts_none():
    assert Budget(sentences=10).count(4) == 4
    assert Budget(words=30).count(4) is None


def test_a_budget_given_whole_cannot_come_with_a_limit_besides():
    assert budget_of(Budget(words=40)) == Budget(words=40)
    with pytest.raises(BudgetError, match="not both"):
        budget_of(Budget(words=40), sentences=2)


def test_the_package_exports_the_budget_and_summarize_takes_it_whole(sample_text):
    budget = summarize.Budget(words=40)
    assert summarize.summarize(sample_text, budget=budget) == summarize.summarize(sample_text, words=40)


@pytest.mark.parametrize(
    "text, count",
    [
        ("The council met on Tuesday.", 5),
        ("  spaced\tout\nwords  ", 3),
        ("", 0),
        # Chinese and Japanese: a character is a word, punctuation is not.
        ("港口委员会周二批准了计划。", 12),
        ("東京タワーは2024年に", 9),
        ("iPhone15を買った", 5),
        # Korean is written with spaces: words as usual.
        ("한국어 문장입니다.", 2),
    ],
)
def test_word_count(text, count):
    assert word_count(text) == count


def test_a_word_budget_for_chinese_counts_characters():
    text = "港口委员会周二批准了疏浚计划。渔民担心噪音会把鱼赶走。工程十月开始。"
    summary = summarize.summarize(text, words=16)
    assert sum(word_count(s.text) for s in summary.sentences) <= 16
    assert 0 < len(summary.sentences) < 3
