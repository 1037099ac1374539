"""Selection: budgets, ties, document order and redundancy control, on scores given by hand."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.budget import Budget
from summarize.scoring import term_weights
from summarize.similarity import Similarity
from summarize.selection import _greedy, best_first, select

SCORES = [0.2, 0.9, 0.1, 0.8, 0.5]
WORDS = [10, 20, 5, 30, 15]


def test_sentence_budget_takes_the_best_in_document_order():
    assert select(SCORES, WORDS, Budget(sentences=2)).indices == (1, 3)


def test_ratio_budget_rounds_to_the_nearest_sentence_and_at_least_one():
    assert select(SCORES, WORDS, Budget(ratio=0.5)).indices == (1, 3, 4)  # 2.5 -> 3
    assert select(SCORES, WORDS, Budget(ratio=0.01)).indices == (1,)


def test_word_budget_is_never_exceeded_and_skips_to_smaller_sentences():
    chosen = select(SCORES, WORDS, Budget(words=40))
    assert sum(WORDS[i] for i in chosen.indices) <= 40
    # By score: 1 (20 words), 3 (30: no room), 4 (15: 35 in all), 0 (10: no room), 2 (5: 40).
    assert chosen.indices == (1, 2, 4)


def test_word_budget_too_small_for_any_sentence_gives_the_best_alone():
    chosen = select(SCORES, WORDS, Budget(words=3))
    assert chosen.indices == (1,) and chosen.over_budget


def test_budget_covering_the_document_gives_all_of_it():
    chosen = select(SCORES, WORDS, Budget(sentences=10))
    assert chosen.indices == (0, 1, 2, 3, 4) and chosen.whole


def test_ties_go_to_the_earlier_sentence():
    assert select([0.5, 0.5, 0.5, 0.5], [5] * 4, Budget(sentences=2)).indices == (0, 1)
    assert list(best_first([0.5, 0.7, 0.5])) == [1, 0, 2]


def test_empty_document_gives_no_indices():
    assert select([], [], Budget(sentences=3)).indices == ()


def _similarity(doc):
    return Similarity(doc, term_weights(doc))


def test_mmr_passes_over_a_near_duplicate_of_a_chosen_sentence():
    doc = [["kidney", "donor", "swap"], ["kidney", "donor", "swap", "chain"], ["surgeon", "hospital"]]
    scores = [1.0, 0.95, 0.6]
    plain = select(scores, [10] * 3, Budget(sentences=2))
    mmr = select(scores, [10] * 3, Budget(sentences=2), similarity=_similarity(doc), redundancy=0.5)
    assert plain.indices == (0, 1)
    assert mmr.indices == (0, 2)


def test_duplicate_cutoff_never_picks_a_sentence_saying_the_same_thing():
    doc = [["kidney", "donor"], ["kidney", "donor"], ["surgeon"]]
    chosen = select([1.0, 1.0, 0.01], [10] * 3, Budget(sentences=2), similarity=_similarity(doc), redundancy=0.0, duplicate=0.8)
    assert chosen.indices == (0, 2)


def test_same_sentence_repeated_1000_times_appears_once():
    doc = [["kidney", "donor", "swap"]] * 1000
    chosen = select([1.0] * 1000, [10] * 1000, Budget(sentences=3), similarity=_similarity(doc), redundancy=0.3, duplicate=0.8)
    assert chosen.indices == (0,)
    assert not chosen.whole


def test_word_budget_with_mmr_is_never_exceeded():
    doc = [["a", "b"], ["a", "b", "c"], ["d"], ["e", "f"], ["g"]]
    chosen = select(SCORES, WORDS, Budget(words=45), similarity=_similarity(doc), redundancy=0.3, duplicate=0.8)
    assert sum(WORDS[i] for i in chosen.indices) <= 45
    assert list(chosen.indices) == sorted(chosen.indices)


def test_selection_is_deterministic():
    doc = [["a", "b"], ["b", "c"], ["c", "d"], ["d", "a"], ["e"]]
    runs = {select(SCORES, WORDS, Budget(sentences=3), similarity=_similarity(doc), redundancy=0.3).indices for _ in range(5)}
    assert len(runs) == 1


def test_equal_marginal_values_go_to_the_earlier_sentence():
    # Sentence 2 scores higher but repeats sentence 0 enough to tie with sentence 1.
    doc = [["a", "b"], ["c"], ["a", "b", "d"]]
    sim = _similarity(doc)
    redundancy = 0.1 / sim(2, 0)
    chosen = select([1.0, 0.8, 0.9], [10] * 3, Budget(sentences=2), similarity=sim, redundancy=redundancy)
    assert chosen.indices == (0, 1)


def test_summarize_gives_a_sentence_repeated_1000_times_once():
    from summarize import summarize

    summary = summarize("The council approved the new bridge over the river on Monday. " * 1000, sentences=3)
    assert [s.index for s in summary.sentences] == [0]


def test_duplicate_cutoff_uses_overlap_when_given():
    similar_in_topic = lambda i, j: 0.9 if {i, j} == {0, 1} else 0.0  # noqa: E731
    saying_different_things = lambda i, j: 0.2  # noqa: E731
    chosen = select(
        [1.0, 0.9, 0.01], [10] * 3, Budget(sentences=2),
        similarity=similar_in_topic, redundancy=0.0, duplicate=0.7, overlap=saying_different_things,
    )
    assert chosen.indices == (0, 1)
    without_overlap = select([1.0, 0.9, 0.01], [10] * 3, Budget(sentences=2), similarity=similar_in_topic, duplicate=0.7)
    assert without_overlap.indices == (0, 2)


def plain_mmr(scores, limit, similarity, redundancy, overlap, duplicate, word_counts, word_limit):
    """Maximal marginal relevance written out: every step values every candidate."""
    top = max(scores) if max(scores) > 0 else 1.0
    chosen, used = [], 0
    while len(chosen) < limit:
        values = [
            (scores[i] / top - redundancy * max((similarity(i, j) for j in chosen), default=0.0), -i)
            for i in range(len(scores))
            if i not in chosen
            and used + word_counts[i] <= word_limit
            and all(overlap(i, j) < duplicate for j in chosen)
        ]
        if not values:
            break
        best = -max(values)[1]
        chosen.append(best)
        used += word_counts[best]
    return chosen


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 30).flatmap(
        lambda n: st.tuples(
            st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, 0.3, 0.9]), min_size=n, max_size=n),
            st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.7, 1.0]), min_size=n * n, max_size=n * n),
            st.lists(st.integers(1, 30), min_size=n, max_size=n),
            st.integers(1, n),
            st.integers(1, 200),
        )
    ),
    st.sampled_from([0.0, 0.3, 1.0]),
)
def test_lazy_selection_equals_plain_mmr(case, redundancy):
    # The heap-based selection must choose exactly what valuing every
    # candidate at every step would, ties to the earlier sentence included.
    scores, flat, word_counts, limit, word_limit = case
    n = len(scores)

    def pair(i, j):
        return flat[min(i, j) * n + max(i, j)]

    expected = plain_mmr(scores, limit, pair, redundancy, pair, 0.7, word_counts, word_limit)
    got = _greedy(scores, limit, similarity=pair, redundancy=redundancy, overlap=pair, duplicate=0.7,
                  word_counts=word_counts, word_limit=word_limit)
    assert got == expected


def test_word_budget_never_fills_up_with_sentences_that_score_next_to_nothing():
    # "Alas!" and "Oh well." would fit in what is left of the budget.
    scores, words = [1.0, 0.03, 0.9, 0.05], [10, 1, 10, 2]
    assert select(scores, words, Budget(words=25)).indices == (0, 2)


def test_the_filler_share_is_relative_to_the_best_score():
    scores, words = [0.2, 0.01, 0.03], [5, 5, 5]
    assert select(scores, words, Budget(words=100)).indices == (0, 2)
    assert select(scores, words, Budget(words=100), filler_share=0.0).indices == (0, 1, 2)


def test_a_sentence_budget_takes_low_scores_as_asked():
    assert select([1.0, 0.03, 0.9], [10, 1, 10], Budget(sentences=3)).indices == (0, 1, 2)


def plain_mmr_compared_with_the_first(compared, scores, limit, similarity, redundancy, overlap, duplicate, terms):
    """``plain_mmr`` where a candidate is measured against the first
    ``compared`` sentences chosen only, and never takes the terms of any."""
    top = max(scores) if max(scores) > 0 else 1.0
    chosen = []
    while len(chosen) < limit:
        reference = chosen[:compared]
        taken = {terms(j) for j in chosen} - {frozenset()}
        values = [
            (scores[i] / top - redundancy * max((similarity(i, j) for j in reference), default=0.0), -i)
            for i in range(len(scores))
            if i not in chosen and terms(i) not in taken and all(overlap(i, j) < duplicate for j in reference)
        ]
        if not values:
            break
        chosen.append(-max(values)[1])
    return chosen


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 40).flatmap(
        lambda n: st.tuples(
            st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, 0.3, 0.9]), min_size=n, max_size=n),
            st.lists(st.sampled_from([0.25, 0.5, 0.7, 1.0]), min_size=n * n, max_size=n * n),
            st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=3), min_size=n, max_size=n),
            st.integers(1, n),
        )
    ),
    st.sampled_from([0.0, 0.3, 1.0]),
    st.sampled_from([1, 2, 5, 64]),
)
def test_selection_compares_with_the_first_chosen_sharing_a_term_and_never_repeats_one(case, redundancy, compared):
    # Past COMPARED chosen sentences (here made small), a candidate is
    # measured against the first COMPARED only, and only against those it
    # shares a term with: selection stays linear in the document.  The same
    # terms as a chosen sentence make a repeat, never taken at any length.
    scores, flat, sets, limit = case
    n = len(scores)

    def pair(i, j):
        # As terms() promises: nothing shared, 0; the same terms, 1.
        if not sets[i] & sets[j]:
            return 0.0
        if sets[i] == sets[j]:
            return 1.0
        return flat[min(i, j) * n + max(i, j)]

    expected = plain_mmr_compared_with_the_first(compared, scores, limit, pair, redundancy, pair, 0.7, sets.__getitem__)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("summarize.selection.COMPARED", compared)
        got = _greedy(scores, limit, similarity=pair, redundancy=redundancy, overlap=pair, duplicate=0.7, terms=sets.__getitem__)
    assert got == expected


def test_long_summary_never_repeats_a_sentence():
    from summarize import summarize

    from test_hostile import numbered

    text = " ".join([numbered(300)] + ["The council approved the new bridge over the river on Monday."] * 300)
    lines = [s.text for s in summarize(text, ratio=1).sentences]
    assert len(lines) > 200  # far more than selection.COMPARED
    assert len(lines) == len(set(lines))
    assert lines.count("The council approved the new bridge over the river on Monday.") == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 1.0, 2.0]), max_size=60), st.integers(1, 7))
def test_best_first_in_runs_is_one_sort_by_score_then_position(scores, run):
    assert list(best_first(scores, 2.0, run=run)) == sorted(range(len(scores)), key=lambda i: (-scores[i], i))
