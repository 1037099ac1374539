"""The public API: summarize() and its Summary."""
from __future__ import annotations

import dataclasses

import pytest

import summarize
from summarize import BudgetError, NoTextError
from summarize.scoring import Weights
from summarize.sentences import normalize_space


def test_sentences_come_in_document_order(sample_text):
    result = summarize.summarize(sample_text, sentences=4)
    indices = [s.index for s in result.sentences]
    assert len(indices) == 4
    assert indices == sorted(indices)


def test_sentence_str_is_its_text_and_it_is_frozen(sample_text):
    first = summarize.summarize(sample_text, sentences=1).sentences[0]
    assert str(first) == first.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.text = "changed"  # type: ignore[misc]


def test_sentence_offsets_point_into_the_input(sample_text):
    for s in summarize.summarize(sample_text, sentences=5).sentences:
        assert normalize_space(sample_text[s.start:s.end]) == s.text


def test_title_is_detected_and_never_a_summary_sentence(sample_text):
    result = summarize.summarize(sample_text, ratio=1.0)
    assert result.title == "Libya's Haftar tours Rome and Paris amid military stalemate"
    assert all(result.title not in s.text for s in result.sentences)


def test_dateline_is_not_part_of_any_sentence(sample_text):
    result = summarize.summarize(sample_text, ratio=1.0)
    assert result.dateline == "Rome (AFP)"
    assert result.sentences[0].text.startswith("Libyan strongman")


def test_glued_cnn_dateline_is_removed_from_first_sentence():
    text = "(CNN)The storm hit the coast. The storm moved north. Rain followed the storm."
    result = summarize.summarize(text, ratio=1.0)
    assert result.sentences[0].text == "The storm hit the coast."


@pytest.mark.parametrize("count", [1, 2, 5])
def test_sentences_limit_gives_that_many(count, numbered_text):
    assert len(summarize.summarize(numbered_text(10), sentences=count).sentences) == count


@pytest.mark.parametrize("ratio, expected", [(0.1, 1), (0.25, 3), (0.5, 5), (1.0, 10)])
def test_ratio_is_a_rounded_share_of_the_sentences(ratio, expected, numbered_text):
    assert len(summarize.summarize(numbered_text(10), ratio=ratio).sentences) == expected


@pytest.mark.parametrize("budget", [14, 30, 60])
def test_word_budget_is_never_exceeded(sample_text, budget):
    result = summarize.summarize(sample_text, words=budget)
    assert sum(len(s.text.split()) for s in result.sentences) <= budget
    assert not result.over_budget


def test_word_budget_below_every_sentence_gives_the_best_one_flagged(numbered_text):
    result = summarize.summarize(numbered_text(5), words=3)
    assert len(result.sentences) == 1
    assert result.over_budget


def test_short_text_is_returned_whole_and_flagged():
    result = summarize.summarize("One sentence here. And a second one.", sentences=3)
    assert [s.text for s in result.sentences] == ["One sentence here.", "And a second one."]
    assert result.whole


def test_default_is_three_sentences(sample_text):
    result = summarize.summarize(sample_text)
    assert len(result.sentences) == 3
    assert result.budget.as_dict() == {"sentences": 3}


@pytest.mark.parametrize(
    "kwargs",
    [{"sentences": 2, "words": 10}, {"ratio": 0.5, "sentences": 1}, {"ratio": 0.5, "words": 5}],
)
def test_two_limits_are_refused(kwargs):
    with pytest.raises(BudgetError, match="only one length limit"):
        summarize.summarize("Some text. More text.", **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [{"sentences": 0}, {"sentences": -1}, {"ratio": 0}, {"ratio": 1.5}, {"words": 0}],
)
def test_out_of_range_limits_are_refused(kwargs):
    with pytest.raises(BudgetError):
        summarize.summarize("Some text. More text.", **kwargs)


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_raises_no_text(text):
    with pytest.raises(NoTextError, match="no text to summarize"):
        summarize.summarize(text)


def test_same_input_gives_the_same_summary(sample_text):
    assert summarize.summarize(sample_text, sentences=4) == summarize.summarize(sample_text, sentences=4)


def test_split_sentences_is_exported():
    assert summarize.split_sentences("One. Two.") == ["One.", "Two."]


@pytest.mark.parametrize("limits", [{"sentences": 3}, {"ratio": 0.5}, {"words": 60}])
def test_explain_and_keywords_do_not_change_the_summary(sample_text, limits):
    plain = summarize.summarize(sample_text, **limits)
    full = summarize.summarize(sample_text, explain=True, keywords=10, **limits)
    assert full.sentences == plain.sentences
    assert dataclasses.replace(full, all_sentences=None, keywords=None) == plain


def test_explain_and_keywords_are_none_unless_asked(sample_text):
    result = summarize.summarize(sample_text)
    assert result.all_sentences is None and result.keywords is None


def test_explain_gives_every_sentence_in_order_with_the_chosen_marked(sample_text):
    result = summarize.summarize(sample_text, sentences=4, explain=True)
    assert [s.index for s in result.all_sentences] == list(range(result.total_sentences))
    chosen = {s.index: s for s in result.sentences}
    assert {s.index for s in result.all_sentences if s.selected} == set(chosen)
    for s in result.all_sentences:
        if s.selected:
            assert (s.score, s.text, s.start, s.end) == (chosen[s.index].score, chosen[s.index].text, chosen[s.index].start, chosen[s.index].end)


def test_top_terms_are_the_largest_shares_of_the_score(sample_text):
    result = summarize.summarize(sample_text, explain=True)
    for s in result.all_sentences:
        shares = [t.weight for t in s.top_terms]
        assert 1 <= len(shares) <= summarize.core.TOP_TERMS
        assert shares == sorted(shares, reverse=True)
        assert sum(shares) <= s.score + 1e-9


def test_top_term_shares_add_up_to_the_score_when_all_are_shown():
    # Three content terms only ("storm", "hit", "coast"): all are shown.
    result = summarize.summarize("The storm hit the coast. The storm moved on.", explain=True)
    first = result.all_sentences[0]
    assert sorted(t.term for t in first.top_terms) == ["coast", "hit", "storm"]
    assert sum(t.weight for t in first.top_terms) == pytest.approx(first.score)


def test_boilerplate_sentences_are_listed_unscored():
    text = "The council met on Monday to vote on the budget. The budget passed. Click here to subscribe."
    result = summarize.summarize(text, explain=True)
    last = result.all_sentences[-1]
    assert last.text == "Click here to subscribe."
    assert (last.score, last.selected, last.top_terms) == (0.0, False, ())


def test_keywords_are_surface_forms_heaviest_first(sample_text):
    keywords = summarize.summarize(sample_text, keywords=5).keywords
    assert [k.term for k in keywords] == ["Haftar", "Paris", "Libya", "military", "Rome"]
    weights = [k.weight for k in keywords]
    assert weights == sorted(weights, reverse=True)


def test_keywords_are_at_most_the_terms_of_the_text():
    assert len(summarize.summarize("Cats sleep. Dogs bark loudly.", keywords=50).keywords) == 5  # cat, sleep, dog, bark, loudli


def test_body_start_is_where_the_body_begins(sample_text):
    result = summarize.summarize(sample_text)
    assert sample_text[result.body_start:].startswith("Libyan strongman")


def _signals(text, **limits):
    layout, spans = summarize.core.body_sentences(text)
    return summarize.core.signals(text, layout, spans, summarize.Budget(**limits))


_TEN = " ".join(f"Sentence number {i} has four words here." for i in range(10))


@pytest.mark.parametrize(
    "limits, sentences",
    [({"sentences": 2}, 2), ({"sentences": 30}, 10), ({"ratio": 0.3}, 3), ({"words": 24}, 3), ({"words": 1}, 1)],
)
def test_signals_count_the_summary_against_the_body(limits, sentences):
    signals = _signals(_TEN, **limits)
    assert (signals.sentences, signals.share) == (sentences, pytest.approx(sentences / 10))
    assert not signals.dateline


def test_signals_see_a_dateline():
    assert _signals("(CNN) -- " + _TEN, sentences=3).dateline


def test_signals_count_double_quotation_marks_per_body_sentence():
    quoted = _TEN.replace("four", "\u201cfour\u201d", 2).replace("has", '"has"', 1)
    assert _signals(quoted, sentences=3).quotes == pytest.approx(6 / 10)
    assert _signals(_TEN.replace("four", "'four'"), sentences=3).quotes == 0.0


_ABSTRACT = (
    "Mixed precision training speeds up the training of deep networks on modern hardware. "
    "Loss scaling keeps small gradients from vanishing in half precision training. "
    "A single loss scale must be tuned by hand for every model and every training stage. "
    "We introduce adaptive loss scaling, which sets a loss scale for each layer during training. "
    "Experiments on image and language models show faster convergence and better accuracy."
)


def test_an_undated_text_in_its_writers_voice_is_summarized_by_what_they_say_they_do():
    budget = summarize.Budget(sentences=1)
    chosen = summarize.core.summarize_with(_ABSTRACT, budget, Weights()).sentences
    assert [s.text[:12] for s in chosen] == ["We introduce"]
    # Without the voice weight, a sentence with more of the heavy terms wins.
    assert summarize.core.summarize_with(_ABSTRACT, budget, Weights(voice=0)).sentences[0].index == 2


def test_the_writers_voice_is_silent_in_a_dated_text_and_in_one_full_of_quotations():
    budget = summarize.Budget(sentences=1)
    quoting = _ABSTRACT.replace("Loss scaling keeps", '"Loss scaling," they say, "keeps').replace(
        "training. A", 'training." A').replace("accuracy.", 'accuracy," the "team" says.')
    assert summarize.core.signals(quoting, *summarize.core.body_sentences(quoting), budget).quotes >= 0.2
    for text in ("(CNN) -- " + _ABSTRACT, quoting):
        voiced = summarize.core.summarize_with(text, budget, Weights(), explain=True)
        assert voiced.all_sentences == summarize.core.summarize_with(text, budget, Weights(voice=0), explain=True).all_sentences
        assert not voiced.sentences[0].text.startswith("We")


def test_top_term_shares_add_up_to_the_score_in_a_one_sentence_summary():
    # One sentence asked: the adapted length exponent divides the shares too.
    result = summarize.summarize("The storm hit the coast. The storm moved on.", sentences=1, explain=True)
    first = result.all_sentences[0]
    assert sum(t.weight for t in first.top_terms) == pytest.approx(first.score)


def test_a_word_budget_is_a_limit_not_a_quota():
    text = (
        "The harbour board approved the dredging plan for the old port on Tuesday after a nine-hour meeting. Alas! "
        "The dredging plan will deepen the harbour channel by two metres so that cargo ships can reach the old quay. "
        "So be it. Fishing crews fear the harbour dredging will drive fish from the bay. Oh well. Indeed."
    )
    chosen = [s.text for s in summarize.summarize(text, words=60).sentences]
    assert chosen == [
        "The harbour board approved the dredging plan for the old port on Tuesday after a nine-hour meeting.",
        "The dredging plan will deepen the harbour channel by two metres so that cargo ships can reach the old quay.",
        "Fishing crews fear the harbour dredging will drive fish from the bay.",
    ]


_HARBOUR = (
    "Officials met in the town hall on a rainy Monday evening to settle the fate of the old port at last. "
    "The harbour dredging plan will deepen the harbour channel so cargo ships can reach the quay. "
    "Fishing crews fear the dredging will drive fish from the harbour. "
    "The council approved the harbour dredging plan after a long debate. "
    "Tea and biscuits were served afterwards in the lobby."
)


def test_a_long_summary_of_an_undated_text_scores_what_each_sentence_shares_with_the_rest():
    # Two of five sentences: a share of 0.4, full centrality and full rank.
    # The first and last sentences share no term with the others and score
    # nothing; of the three that do, the two sharing "harbour dredging plan"
    # with each other (and "harbour", "dredging" with the third) stand first.
    result = summarize.summarize(_HARBOUR, sentences=2, explain=True)
    scores = [s.score for s in result.all_sentences]
    assert scores[0] == scores[4] == 0.0
    assert min(scores[1:4]) > 0
    assert [s.index for s in result.sentences] == [1, 3]


def test_top_term_shares_add_up_to_the_score_in_a_central_summary():
    result = summarize.summarize("The storm hit the coast. The storm moved on. Crews cleared the coast road.",
                                 sentences=2, explain=True)
    for sentence in result.all_sentences:
        assert sum(t.weight for t in sentence.top_terms) == pytest.approx(sentence.score)


def test_a_dated_text_is_scored_without_centrality_at_any_share():
    text = "(CNN) -- " + _HARBOUR
    budget = summarize.Budget(sentences=2)
    central = summarize.core.summarize_with(text, budget, Weights(), explain=True)
    plain = summarize.core.summarize_with(text, budget, Weights(central_share=0), explain=True)
    assert central.all_sentences == plain.all_sentences


# An article whose contractions are typeset with the typographic apostrophe:
# counted as words of their own, "we’re", "don’t" and "it’s" would be its
# most frequent "terms" and choose the sentences that hold them.
CURLY_ARTICLE = (
    "The council voted on Monday to close the old bridge over the river. "
    "We’re not going to wait, and we don’t think it’s safe, and we’re sure of that, the mayor said. "
    "Engineers found deep cracks in the bridge deck and rust in the steel cables last spring. "
    "It’s a shame, but we’re told it’s over and we don’t argue, one resident said. "
    "Traffic will move to the new bridge downstream, which opened two years ago. "
    "The old bridge carried ten thousand cars a day before the cracks were found. "
    "Repairs to the deck would cost more than a new bridge, the engineers said. "
    "We don’t know, we’re unsure, it’s hard, another resident said. "
    "The council will decide in June whether to pull the old bridge down."
)


@pytest.mark.parametrize("budget", [1, 2, 3, 4])
def test_typographic_apostrophes_choose_the_same_sentences_as_straight_ones(budget):
    straight = CURLY_ARTICLE.replace("\u2019", "'")
    curly = summarize.summarize(CURLY_ARTICLE, sentences=budget, language="en")
    plain = summarize.summarize(straight, sentences=budget, language="en")
    assert [s.index for s in curly.sentences] == [s.index for s in plain.sentences]
    assert [s.score for s in curly.sentences] == [s.score for s in plain.sentences]
