"""Ranking: PageRank over sentences sharing terms, counted through the terms."""
import math
import random

import pytest

from summarize.ranking import DAMPING, rank
from summarize.scoring import Signals, Weights, blend_of, score_sentences, term_weights


def pagerank_pair_by_pair(sentences, steps, damping=DAMPING):
    """PageRank the slow way: every pair of sentences linked by the cosine of
    their distinct term sets, ``steps`` steps from rank 1; the last step
    without its constant and damping (what ``Rank.score`` gives)."""
    sets = [set(s) for s in sentences]
    n = len(sets)
    link = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j and sets[i] and sets[j]:
                link[i][j] = len(sets[i] & sets[j]) / math.sqrt(len(sets[i]) * len(sets[j]))
    degree = [sum(row) for row in link]
    value = [1.0] * n
    received = value
    for _ in range(steps):
        received = [sum(link[j][i] * value[j] / degree[j] for j in range(n) if degree[j] > 0) for i in range(n)]
        value = [(1 - damping) + damping * r for r in received]
    return received


def random_document(seed, sentences=25, vocabulary=40):
    rng = random.Random(seed)
    words = [f"term{k}" for k in range(vocabulary)]
    return [[rng.choice(words[: rng.randint(3, vocabulary)]) for _ in range(rng.randint(0, 9))] for _ in range(sentences)]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("steps", [1, 2, 5])
def test_rank_through_the_terms_is_pagerank_pair_by_pair(seed, steps):
    document = random_document(seed)
    ranked = rank(document, steps=steps)
    expected = pagerank_pair_by_pair(document, steps)
    assert [ranked.score(i, terms) for i, terms in enumerate(document)] == pytest.approx(expected, abs=1e-12)


def test_the_sentence_the_others_link_to_ranks_first():
    # "hub" shares a term with each of four sentences that share nothing
    # else: they pass all their rank to it.  A small cluster of three
    # sentences sharing terms among themselves comes next; its members rank
    # above the hub's leaves, which have one link each.
    document = [
        ["hub", "a", "b", "c", "d"], ["a", "x1"], ["b", "x2"], ["c", "x3"], ["d", "x4"],
        ["p", "q", "r"], ["p", "q", "s"], ["q", "r", "s"],
    ]
    ranked = rank(document)
    scores = [ranked.score(i, terms) for i, terms in enumerate(document)]
    assert scores[0] == max(scores)
    assert min(scores[5:]) > max(scores[1:5])


def test_a_sentence_sharing_no_term_ranks_zero_and_one_without_terms_too():
    document = [["storm", "coast"], ["storm", "road"], ["tea", "biscuits"], []]
    ranked = rank(document)
    assert ranked.score(2, document[2]) == 0.0
    assert ranked.score(3, document[3]) == 0.0
    assert ranked.score(0, document[0]) > 0


@pytest.mark.parametrize("seed", range(4))
def test_term_shares_add_up_to_the_rank(seed):
    document = random_document(seed)
    ranked = rank(document)
    for i, terms in enumerate(document):
        assert math.fsum(ranked.share(i, t) for t in set(terms)) == pytest.approx(ranked.score(i, terms), abs=1e-12)


def test_rank_does_not_depend_on_the_order_of_a_sentences_terms():
    document = random_document(9)
    shuffled = [list(reversed(terms)) for terms in document]
    first, second = rank(document), rank(shuffled)
    assert [first.score(i, t) for i, t in enumerate(document)] == [second.score(i, t) for i, t in enumerate(shuffled)]


# --- how the rank enters the scores (scoring) ----------------------------------


@pytest.mark.parametrize("c, expected", [(0.0, 0.0), (0.5, 0.0), (0.75, 0.5), (1.0, 1.0)])
def test_rank_moves_toward_central_rank_from_rank_from_on(c, expected):
    assert Weights(rank=0.0, central_rank=1.0, rank_from=0.5).ranked(c) == pytest.approx(expected)


def test_rank_follows_the_share_of_an_undated_text_and_never_a_dated_one():
    weights = Weights()  # central_share 0.4, rank_from 0.5: from a fifth of the text on
    assert weights.adapted(Signals(dateline=False, share=0.1)).rank == 0.0
    assert weights.adapted(Signals(dateline=False, share=0.3)).rank == pytest.approx(0.5)
    assert weights.adapted(Signals(dateline=False, share=0.6)).rank == pytest.approx(1.0)
    assert weights.adapted(Signals(dateline=True, share=0.9)).rank == 0.0
    assert Weights(central_rank=None).adapted(Signals(dateline=False, share=0.9)).rank == 0.0


def test_no_blend_without_rank_and_a_full_one_scaled_to_the_top_term_frequency_score():
    document = random_document(3)
    weight = term_weights(document)
    assert blend_of(document, weight, Weights(rank=0.0)) is None
    full = Weights(rank=1.0)
    blend = blend_of(document, weight, full)
    assert blend is not None and blend.keep == 0.0
    plain = score_sentences(document, weight, full)
    blended = score_sentences(document, weight, full, blend=blend)
    assert max(blended) == pytest.approx(max(plain))
    ranked = [blend.ranked.score(i, terms) for i, terms in enumerate(document)]
    assert sorted(range(len(document)), key=lambda i: -blended[i]) == sorted(range(len(document)), key=lambda i: -ranked[i])


def test_the_rank_takes_no_prior_and_the_term_frequency_part_keeps_it():
    document = random_document(4)
    weight = term_weights(document)
    half = Weights(rank=0.5)
    blend = blend_of(document, weight, half)
    priors = [2.0] * len(document)
    plain = score_sentences(document, weight, half)
    with_priors = score_sentences(document, weight, half, priors, blend)
    for i, terms in enumerate(document):
        expected = 0.5 * 2.0 * plain[i] + blend.factor * blend.ranked.score(i, terms)
        assert with_priors[i] == pytest.approx(max(0.0, expected))
