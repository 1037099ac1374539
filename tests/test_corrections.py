"""The corrections after Punkt (``summarize._cuts`` and
``summarize._corrections``): their cheap shortcuts must find what the
plain patterns find.  The rules themselves are
tested through ``split_sentences`` in test_sentences.py."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import _corrections as corrections
from summarize import _cuts
from summarize._punkt import lexicon


def _split_glued_by_full_scan(block, spans, abbrevs):
    # Rule glued-end as first written: the pattern searched over each whole span.
    out = []
    for s, e in spans:
        for m in _cuts.GLUED_END.finditer(block, s, e):
            if not _cuts.glued_cut(m, abbrevs):
                continue
            out.append((s, m.end()))
            s = m.end()
        out.append((s, e))
    return out


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet="abcdeUSTa\u00e9\u00c9\u0434\u0414.!?\u2026\"'(\u201c\u00ab \n", max_size=40),
    st.lists(st.integers(0, 40), max_size=3),
)
def test_glued_end_search_in_hinted_words_finds_what_a_full_scan_finds(block, cuts):
    bounds = sorted({0, len(block), *(c for c in cuts if c <= len(block))})
    spans = list(zip(bounds, bounds[1:]))
    abbrevs = lexicon().abbreviations | {"abc"}
    assert _cuts._split_glued(block, spans, abbrevs) == _split_glued_by_full_scan(block, spans, abbrevs)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aZ1\u0661.!?\u2026[]():;-\u2014\u2013\"'\u201c\u201d\u2018\u2019 DPpc", min_size=1, max_size=12))
def test_cheap_first_character_tests_never_skip_a_correction(text):
    # _correct tries a pattern only when a one-character test allows it.
    if corrections._DASH_CONTINUES.match(text):
        assert text[0] in corrections._DASH_FIRST
    if corrections._LEADING_DEBRIS.match(text):
        assert text[0] in corrections._DEBRIS_FIRST
    if corrections._OPENING_FRAGMENT.match(text):
        assert corrections._may_open_fragment(text[0])
    if corrections._QUOTED_MARK_END.search(text):
        assert text[-1] in corrections._CLOSERS


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(["de", "fr", "ru"]), st.text(alphabet="a.?!\u2026 \u00bb\u00ab\u201c\u201d\u201e\"')]", min_size=1, max_size=10))
def test_a_quoted_mark_end_of_any_language_ends_in_one_of_its_closers(language, text):
    # _correct tries rule quoted-mark-continues only after a closing mark.
    closers = lexicon(language).closers + ")]"
    if corrections._quoted_mark_end(closers).search(text):
        assert text[-1] in closers


def _move_trailing_enumerators_by_full_scan(block, spans):
    # Rule trailing-enumerator as first written: the pattern searched over every piece.
    out = list(spans)
    for i in range(len(out) - 1):
        s, e = out[i]
        m = corrections._TRAILING_ENUMERATOR.search(block, s, e)
        if m:
            out[i] = (s, m.start())
            out[i + 1] = (m.start(1), out[i + 1][1])
    return out


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet="a1\u0661\u00b2:.() \n", min_size=1, max_size=30),
    st.lists(st.integers(1, 30), max_size=3),
)
def test_trailing_enumerators_found_after_a_cheap_test_are_those_a_full_scan_finds(block, cuts):
    bounds = sorted({0, len(block), *(c for c in cuts if c <= len(block))})
    spans = list(zip(bounds, bounds[1:]))
    assert corrections._move_trailing_enumerators(block, spans) == _move_trailing_enumerators_by_full_scan(block, spans)
