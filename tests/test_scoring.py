"""Scoring: term weights, sentence scores, priors and similarity, on term lists built by hand."""
import dataclasses

import pytest

from summarize.scoring import (
    DEFAULT_WEIGHTS,
    Signals,
    Weights,
    score_sentences,
    score_weights,
    term_counts,
    words_prior,
    term_weights,
)
from summarize.similarity import Similarity


def test_most_frequent_term_weighs_one_and_others_relative_to_it():
    weights = term_weights([["kidney", "donor"], ["kidney", "chain"], ["kidney", "donor"]])
    assert weights == {"kidney": 1.0, "donor": pytest.approx(2 / 3), "chain": pytest.approx(1 / 3)}


def test_title_terms_are_boosted_by_title_boost():
    plain = term_weights([["kidney", "donor"]], weights=Weights(title_boost=1.0))
    titled = term_weights([["kidney", "donor"]], ["donor"], weights=Weights(title_boost=1.0))
    assert titled["donor"] == pytest.approx(2 * plain["donor"])
    assert titled["kidney"] == plain["kidney"]


def test_term_counts_are_occurrences_in_first_occurrence_order():
    counts = term_counts([["kidney", "donor"], ["chain", "kidney", "kidney"]])
    assert list(counts.items()) == [("kidney", 3), ("donor", 1), ("chain", 1)]


def test_no_terms_give_no_weights():
    assert term_weights([[], []]) == {}


def test_sentence_carrying_frequent_terms_outscores_one_with_rare_terms():
    doc = [["kidney", "donor", "swap"], ["kidney", "donor", "chain"], ["weather", "sunny", "cold"]]
    scores = score_sentences(doc, term_weights(doc))
    assert scores[0] > scores[2] and scores[1] > scores[2]


def test_a_term_repeated_in_one_sentence_counts_once():
    weight = {"kidney": 1.0, "donor": 0.5}
    once, twice = score_sentences([["kidney", "donor"], ["kidney", "kidney", "donor"]], weight, Weights(length_exponent=0))
    assert once == twice


def test_sentence_without_terms_scores_zero():
    assert list(score_sentences([[]], {"kidney": 1.0})) == [0.0]


def test_length_exponent_divides_the_sum_by_a_power_of_the_term_count():
    weight = {"a": 1.0, "b": 1.0, "c": 0.0, "d": 0.0}
    short, padded = score_sentences([["a", "b"], ["a", "b", "c", "d"]], weight, Weights(length_exponent=0.5))
    assert short == pytest.approx(2 / 2 ** 0.5)
    assert padded == pytest.approx(2 / 4 ** 0.5)


def test_priors_multiply_scores():
    weight = {"a": 1.0}
    assert list(score_sentences([["a"], ["a"]], weight, priors=[2.0, 0.5])) == [2.0, 0.5]


def test_position_prior_is_one_plus_position_at_the_lead_and_decays():
    weights = Weights(position=1.0, position_decay=3.0, short_words=0)
    text = "Officials said the bridge reopened on Monday after repairs."
    factors = [words_prior(i, text.split(), weights) for i in range(6)]
    assert factors[0] == pytest.approx(2.0)
    assert all(a > b for a, b in zip(factors, factors[1:]))
    assert factors[-1] > 1.0


def test_position_informs_but_does_not_decide():
    # The lead carries one weak term; sentence 5 carries the document's main terms.
    doc = [["weather"]] + [["misc%d" % i] for i in range(4)] + [["kidney", "donor", "swap"]]
    doc += [["kidney", "donor"], ["kidney", "swap"], ["donor", "swap"]]
    texts = ["A sentence of twelve ordinary words that says nothing much at all here."] * len(doc)
    priors = [words_prior(i, t.split()) for i, t in enumerate(texts)]
    scores = score_sentences(doc, term_weights(doc), priors=priors)
    assert max(range(len(doc)), key=scores.__getitem__) == 5


@pytest.mark.parametrize(
    "text",
    ['"We are thrilled to see the new bridge open over the river at last."',
     "\u201cWe are thrilled to see the new bridge open over the river at last.\u201d"],
)
def test_sentence_that_is_all_quote_is_lowered_by_quote(text):
    weights = Weights(quote=0.5, short_words=0)
    plain = "The mayor said he was thrilled with the new bridge over the river."
    assert words_prior(3, text.split(), weights) == pytest.approx(0.5 * words_prior(3, plain.split(), weights))


@pytest.mark.parametrize(
    "text, inside",
    [
        pytest.param('"We are thrilled," the mayor said of the new bridge over the river.', 3, id="attributed"),
        pytest.param("\u201cCinderella,\u201d the latest live-action Disney film, earned $70 million.", 1, id="quoted-title"),
        pytest.param('" We are thrilled , " the mayor said of the bridge.', 6, id="spaced-quotes"),
    ],
)
def test_quote_discount_counts_by_the_share_of_the_sentence_inside_the_quote(text, inside):
    weights = Weights(quote=0.5, short_words=0)
    plain = "The mayor said he was thrilled with the new bridge over the river."
    share = inside / len(text.split())
    assert words_prior(3, text.split(), weights) == pytest.approx(0.5 ** share * words_prior(3, plain.split(), weights))


def test_quote_discount_by_share_can_be_switched_off():
    weights = Weights(quote=0.5, short_words=0, quote_by_share=False)
    text = "\u201cCinderella,\u201d the latest live-action Disney film, earned $70 million."
    plain = "The latest live-action Disney film, Cinderella, earned $70 million."
    assert words_prior(3, text.split(), weights) == pytest.approx(0.5 * words_prior(3, plain.split(), weights))


@pytest.mark.parametrize("opener", ["But", "However,", "He", "They", "This", "And"])
def test_sentence_that_cannot_stand_alone_is_lowered_by_dangling(opener):
    weights = Weights(dangling=0.8, short_words=0)
    rest = " the council approved the plan to rebuild the bridge by next year."
    assert words_prior(2, (opener + rest).split(), weights) == pytest.approx(0.8 * words_prior(2, ("The" + rest).split(), weights))


@pytest.mark.parametrize(
    "text",
    ["This paper proposes a new method for training deep networks quickly.",
     "These results show that the method trains deep networks quickly.",
     "Those networks were trained with the new method in a day."],
)
def test_demonstrative_naming_its_subject_is_not_dangling(text):
    weights = Weights(dangling=0.8, short_words=0)
    plain = "The new method trains deep networks quickly and well on images."
    assert words_prior(2, text.split(), weights) == pytest.approx(words_prior(2, plain.split(), weights))


@pytest.mark.parametrize(
    "text",
    ["This is a new method for training deep networks quickly on images.",
     "This allows deep networks to be trained quickly on images and text.",
     "These were trained quickly on images and text with the new method."],
)
def test_demonstrative_pronoun_is_dangling(text):
    weights = Weights(dangling=0.8, short_words=0)
    plain = "The new method trains deep networks quickly and well on images."
    assert words_prior(2, text.split(), weights) == pytest.approx(0.8 * words_prior(2, plain.split(), weights))


WE = frozenset(("we", "our", "ours"))


@pytest.mark.parametrize(
    "text",
    ["We propose a loss scaling method that trains deep networks faster.",
     "In this paper, we propose a loss scaling method for deep networks.",
     "The method (ours) trains deep networks faster than loss scaling does.",
     "Our method trains deep networks faster than any loss scaling does."],
)
def test_a_sentence_in_the_writers_voice_is_raised_by_voice(text):
    weights = Weights(voice=0.3, short_words=0, position=0)
    plain = "The new method trains deep networks faster than loss scaling does."
    assert words_prior(2, text.split(), weights, first_person=WE) == pytest.approx(1.3 * words_prior(2, plain.split(), weights, first_person=WE))


@pytest.mark.parametrize(
    "text",
    ['"We will rebuild the bridge by next year," the mayor told the council.',
     'The mayor said: \u201cwe will rebuild the bridge by next year\u201d.',
     "The weather was fine and the bridge was rebuilt by next year."],
)
def test_a_we_in_quotation_marks_or_no_we_is_not_the_writers_voice(text):
    weights = Weights(voice=0.3, short_words=0, position=0, quote=1)
    assert words_prior(2, text.split(), weights, first_person=WE) == pytest.approx(1.0)
    # Without the language's words nothing is the writer's voice.
    assert words_prior(2, "We propose a method.".split(), weights) == pytest.approx(1.0)


@pytest.mark.parametrize("quotes, voice", [(0.0, 0.3), (0.05, 0.225), (0.1, 0.15), (0.2, 0.0), (1.5, 0.0)])
def test_voice_fades_as_the_document_quotes_others(quotes, voice):
    weights = Weights(voice=0.3, voice_quotes=0.2)
    assert weights.adapted(Signals(dateline=False, quotes=quotes)).voice == pytest.approx(voice)


def test_a_dateline_silences_the_writers_voice():
    assert Weights(voice=0.3).adapted(Signals(dateline=True, quotes=0.0)).voice == 0.0
    assert Weights(voice=0.3, voice_quotes=0).adapted(Signals(dateline=False)).voice == 0.0


def test_a_dateline_keeps_the_position_prior_and_its_absence_lowers_it():
    weights = Weights(position=1.0, undated_position=0.5, central_share=0)
    assert weights.adapted(Signals(dateline=True)).position == 1.0
    assert weights.adapted(Signals(dateline=False)).position == 0.5


def test_one_sentence_summary_uses_the_one_sentence_exponent():
    weights = Weights(length_exponent=0.8, one_sentence_exponent=0.5, central_share=0)
    assert weights.adapted(Signals(sentences=1, share=0.05)).length_exponent == 0.5
    assert weights.adapted(Signals(sentences=2, share=0.05)).length_exponent == 0.8
    unchanged = Weights(one_sentence_exponent=None, central_share=0)
    assert unchanged.adapted(Signals(sentences=1)).length_exponent == 0.8


@pytest.mark.parametrize("share, factor", [(0.0, 1.0), (0.1, 0.75), (0.2, 0.5), (0.4, 0.0), (0.9, 0.0)])
def test_redundancy_fades_as_the_summary_takes_more_of_the_document(share, factor):
    weights = Weights(redundancy=0.3, redundancy_share=0.4)
    assert weights.adapted(Signals(share=share)).redundancy == pytest.approx(0.3 * factor)


def test_adapting_changes_only_the_knobs_it_documents():
    weights = Weights()
    adapted = weights.adapted(Signals(dateline=False, sentences=1, share=0.5))
    changed = {"position", "length_exponent", "redundancy", "quote", "dangling", "title_boost", "others", "voice", "rank"}
    for field in dataclasses.fields(Weights):
        if field.name not in changed:
            assert getattr(adapted, field.name) == getattr(weights, field.name)


@pytest.mark.parametrize("share, c", [(0.02, 0.05), (0.1, 0.25), (0.2, 0.5), (0.4, 1.0), (0.9, 1.0)])
def test_centrality_grows_with_the_share_of_an_undated_text(share, c):
    weights = Weights(central_share=0.4)
    assert weights.centrality(Signals(dateline=False, share=share)) == pytest.approx(c)


def test_a_dateline_or_no_central_share_means_no_centrality():
    assert Weights().centrality(Signals(dateline=True, share=0.9)) == 0.0
    assert Weights(central_share=0).centrality(Signals(dateline=False, share=0.9)) == 0.0


def test_a_dated_text_keeps_its_knobs_at_any_share():
    weights = Weights()
    adapted = weights.adapted(Signals(dateline=True, sentences=7, share=0.9))
    assert (adapted.position, adapted.quote, adapted.dangling, adapted.title_boost, adapted.length_exponent, adapted.others) == (
        weights.position, weights.quote, weights.dangling, weights.title_boost, weights.length_exponent, weights.others)


def test_a_central_summary_has_each_knob_at_its_central_value():
    weights = Weights(position=1.0, undated_position=0.5, quote=0.5, dangling=0.8, title_boost=1.0, length_exponent=0.8,
                      others=0.0, central_share=0.4)
    adapted = weights.adapted(Signals(dateline=False, sentences=7, share=0.5))
    assert (adapted.position, adapted.quote, adapted.dangling, adapted.title_boost, adapted.length_exponent, adapted.others) == (
        0.0, 1.0, 1.0, 0.0, 0.5, 1.0)


def test_halfway_to_the_central_share_each_knob_is_halfway():
    weights = Weights(position=1.0, undated_position=0.5, quote=0.5, dangling=0.8, title_boost=1.0, length_exponent=0.8,
                      others=0.0, central_share=0.4)
    adapted = weights.adapted(Signals(dateline=False, sentences=3, share=0.2))
    assert adapted.position == pytest.approx(0.25)
    assert adapted.quote == pytest.approx(0.75)
    assert adapted.dangling == pytest.approx(0.9)
    assert adapted.title_boost == pytest.approx(0.5)
    assert adapted.length_exponent == pytest.approx(0.65)
    assert adapted.others == pytest.approx(0.5)


def test_a_central_knob_set_to_none_is_not_moved():
    weights = Weights(central_quote=None, central_title_boost=None)
    adapted = weights.adapted(Signals(dateline=False, sentences=7, share=0.9))
    assert (adapted.quote, adapted.title_boost) == (weights.quote, weights.title_boost)
    assert adapted.position == 0.0


def test_score_weights_without_others_are_the_document_weights():
    doc = [["kidney", "donor"], ["kidney", "chain"]]
    weight = term_weights(doc)
    assert score_weights(term_counts(doc), weight, weights=Weights(others=0.0)) is weight


def test_with_others_a_term_counts_its_occurrences_in_other_sentences():
    doc = [["kidney", "donor"], ["kidney", "chain"], ["kidney", "donor"]]
    weight = term_weights(doc)  # kidney 1, donor 2/3, chain 1/3
    shared = score_weights(term_counts(doc), weight, weights=Weights(others=1.0))
    assert shared == {"kidney": pytest.approx(2 / 3), "donor": pytest.approx(1 / 3), "chain": 0.0}
    half = score_weights(term_counts(doc), weight, weights=Weights(others=0.5))
    assert half["chain"] == pytest.approx(1 / 3 * 0.5)


def test_with_others_a_title_term_keeps_its_boost():
    doc = [["kidney", "donor"], ["kidney", "chain"], ["kidney", "donor"]]
    weights = Weights(others=1.0, title_boost=1.0)
    shared = score_weights(term_counts(doc), term_weights(doc, ["donor"], weights), ["donor"], weights)
    assert shared["donor"] == pytest.approx(2 * 1 / 3)
    assert shared["kidney"] == pytest.approx(2 / 3)


def test_with_others_a_sentence_of_terms_found_nowhere_else_scores_zero():
    doc = [["storm", "coast"], ["storm", "flood", "coast"], ["zebra", "quantum"]]
    weights = Weights(others=1.0, length_exponent=0.5)
    scores = score_sentences(doc, score_weights(term_counts(doc), term_weights(doc), weights=weights), weights)
    assert scores[2] == 0.0 and scores[0] > 0 and scores[1] > 0


def test_short_sentence_is_scaled_by_its_share_of_short_words():
    weights = Weights(short_words=12, position=0)
    assert words_prior(0, ("McCrary said.").split(), weights) == pytest.approx(2 / 12)
    assert words_prior(0, (" ".join(["word"] * 12)).split(), weights) == pytest.approx(1.0)


def test_weights_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_WEIGHTS.position = 0  # type: ignore[misc]


def test_similarity_of_same_terms_is_one_and_of_disjoint_terms_zero():
    doc = [["kidney", "donor"], ["donor", "kidney", "kidney"], ["weather", "sunny"]]
    sim = Similarity(doc, term_weights(doc))
    assert sim(0, 1) == pytest.approx(1.0)
    assert sim(0, 2) == 0.0


def test_similarity_is_symmetric_and_between_zero_and_one_for_partial_overlap():
    doc = [["kidney", "donor", "swap"], ["kidney", "weather"]]
    sim = Similarity(doc, term_weights(doc))
    assert 0.0 < sim(0, 1) < 1.0
    assert sim(0, 1) == pytest.approx(sim(1, 0))


def test_similarity_of_a_sentence_without_terms_is_zero():
    doc = [[], ["kidney"]]
    assert Similarity(doc, term_weights(doc))(0, 1) == 0.0


def test_scores_do_not_depend_on_the_hash_seed():
    # Weights whose float sum depends on the order of addition; sets iterate
    # in hash order, which changes between processes.
    import os
    import subprocess
    import sys

    # The rank (summarize.ranking) too: its sums run in sentence order or through fsum.
    program = (
        "from summarize.scoring import score_sentences; from summarize.similarity import Similarity;"
        "from summarize.ranking import rank;"
        "w = {t: v for t, v in zip('abcdefgh', (0.1, 0.2, 0.3, 0.7, 1e-9, 3.3, 0.05, 1/3))};"
        "doc = [list('abcdefgh'), list('hgfedcba'), list('aceg'), list('bdfx'), list('xyzab')];"
        "r = rank(doc);"
        "print(repr(score_sentences(doc, w)), repr(Similarity(doc, w)(0, 2)), [r.score(i, t).hex() for i, t in enumerate(doc)])"
    )
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outputs) == 1


def test_overlap_is_the_cosine_of_plain_term_sets():
    doc = [["a", "b"], ["a", "b", "c", "d"], ["b", "a", "a"], ["e"], []]
    sim = Similarity(doc, term_weights(doc))
    assert sim.overlap(0, 1) == pytest.approx(2 / 8 ** 0.5)
    assert sim.overlap(0, 2) == 1.0
    assert sim.overlap(0, 3) == 0.0
    assert sim.overlap(0, 4) == 0.0


def test_sharing_the_main_term_is_similar_but_not_overlapping():
    # "schilling" dominates the document: two sentences that share only it
    # are alike in topic (similarity) without saying the same thing (overlap).
    doc = [["schilling"] * 6, ["schilling", "vote", "father", "year"], ["schilling", "drama", "start", "proud"]]
    sim = Similarity(doc, term_weights(doc))
    assert sim(1, 2) > 0.8
    assert sim.overlap(1, 2) == pytest.approx(0.25)
