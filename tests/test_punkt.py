"""The Punkt engine (``summarize._punkt``): its fast answers at a candidate
end must be the full token-by-token decision's, on real and generated text."""
from __future__ import annotations

import glob
import json
from pathlib import Path

import pytest
from conftest import SAMPLES, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st
from test_sentences import CASES

from summarize._punkt import tokenizer


def _contexts(texts):
    engine = tokenizer()
    for text in texts:
        for _, context in engine._match_potential_end_contexts(text):
            yield context


def _disagreements(contexts):
    engine = tokenizer()
    return [c for c in contexts if engine.text_contains_sentbreak(c) != engine.full_sentbreak_decision(c)]


def test_fast_sentbreak_answers_agree_on_every_context_of_the_samples_and_cases():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [text for _, text, _ in CASES]
    contexts = list(_contexts(texts))
    assert len(contexts) > 200
    assert _disagreements(contexts) == []


@pytest.mark.skipif(not (SHARED / "sbd").is_dir(), reason="../shared/sbd not present")
def test_fast_sentbreak_answers_agree_on_every_context_of_the_ud_and_cnn_texts():
    texts = []
    for name in sorted(glob.glob(str(SHARED / "sbd" / "*.jsonl"))) + [str(SHARED / "eval" / "dev.jsonl")]:
        if Path(name).exists():
            with open(name, encoding="utf-8") as handle:
                texts += [json.loads(line)["text"] for line in handle]
    contexts = list(_contexts(texts))
    assert len(contexts) > 10000
    assert _disagreements(contexts) == []


CONTEXT_WORD = st.text(alphabet="aAbeiIosSTUvwxyZ0123.-'\u2019\u2018\u201c\u201d\"()[]{}*@#%?!:;,\u2026", min_size=0, max_size=8)


@settings(max_examples=3000, deadline=None)
@given(
    CONTEXT_WORD,
    st.sampled_from([".", "?", "!", "\u2026"]),
    st.one_of(st.sampled_from(list(")\";}]*:@'({[!?")), st.builds(lambda ws, w: ws + (w or "x"), st.sampled_from([" ", "\n", "  "]), CONTEXT_WORD)),
)
def test_fast_sentbreak_answers_agree_on_generated_contexts(word, mark, after):
    # Punkt's context: the word before the mark, the mark, then one non-word
    # mark or whitespace and the next word.
    word = "".join(word.split())
    assert _disagreements([word + mark + after]) == []


_PREVIOUS = ["", "a", "ab", "AB", "U.S", "no", "e.g", "Dr", "12", "2014", "1970s", "x2", "'", '"', "(", ")", "]",
             "*", "#", "%", "?", "!", ".", "..", "-", "\u2019", "\u201c", "\u2026", "etc", "Ph.D", "a.m", "St", "un-", "'s"]
_NEXT = [" The", " the", " He", " 5", " 1-ranked", ' "It', " (a", " ...", " .", " I", " \u00e9", " \u00c9", " \u2026",
         ")", '"', "'", ";", ":", "!", "?", "*", "@", "(", "[", "]", "{", "}"]


def test_fast_sentbreak_answers_agree_on_every_combination_of_common_pieces():
    # The word before the mark is one or two of the pieces, so initials,
    # numbers, abbreviations, quotes and brackets meet every mark and next word.
    contexts = [first + second + mark + nxt
                for first in _PREVIOUS for second in _PREVIOUS[:16]
                for mark in (".", "?", "!", "\u2026") for nxt in _NEXT]
    assert len(contexts) > 50000
    assert _disagreements(contexts) == []
