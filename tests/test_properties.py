"""Property-based tests: whatever the text, the core keeps its contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import summarize
from summarize import SummarizeError

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REAL_SENTENCES = sorted(
    {s for p in SAMPLES.glob("*.txt") for s in summarize.split_sentences(p.read_text(encoding="utf-8"))}
)

limits = st.one_of(
    st.builds(dict, sentences=st.integers(1, 8)),
    st.builds(dict, ratio=st.floats(0.01, 1.0)),
    st.builds(dict, words=st.integers(1, 120)),
)
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(REAL_SENTENCES), min_size=1, max_size=25).flatmap(
        lambda chosen: st.permutations(chosen)
    ).flatmap(
        lambda shuffled: st.sampled_from([" ", "\n", "\n\n"]).map(lambda sep: sep.join(shuffled))
    ),
)
common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def squeeze(text: str) -> str:
    return "".join(text.split())


@common
@given(texts, limits)
def test_summary_keeps_its_contract(text, limit):
    try:
        result = summarize.summarize(text, **limit)
    except SummarizeError:
        return
    flat = squeeze(text)
    for sentence in result.sentences:
        assert squeeze(sentence.text) in flat
    indices = [s.index for s in result.sentences]
    assert indices == sorted(set(indices))
    assert 1 <= len(indices) <= result.total_sentences
    if "sentences" in limit:
        assert len(indices) <= limit["sentences"]
    if "words" in limit and not result.over_budget:
        assert sum(len(s.text.split()) for s in result.sentences) <= limit["words"]
    if result.over_budget:
        assert len(indices) == 1
    assert summarize.summarize(text, **limit) == result


@common
@given(texts)
def test_split_sentences_loses_no_character(text):
    sentences = summarize.split_sentences(text)
    assert squeeze("".join(sentences)) == squeeze(text)
    assert all(s and s == s.strip() for s in sentences)


@pytest.mark.parametrize("bad", [{"sentences": 0}, {"ratio": 0.0}, {"ratio": 1.01}, {"words": -3}])
def test_bad_limits_raise_the_projects_error(bad):
    with pytest.raises(SummarizeError):
        summarize.summarize("Some text. More of it.", **bad)
