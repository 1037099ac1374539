"""Sentence splitting: ``split_sentences`` and the offsets behind it.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters) are not downloaded: they are read from plain text files in
``summarize/data/<language>/`` that this project writes and maintains, one
folder per language.  Nothing is learned from the input: the splitter is a
pure function of the text and its language.

Each text goes through three private rooms, in this order; each module's
docstring lists its rules by the names the tests use:

1. ``_line_rules`` -- paragraphs and line layout, before Punkt
   (blank-line, hard-line-break, list-item);
2. ``_punkt`` -- the Punkt engine with the project's parameters and refined
   decisions (abbreviations, starter-orthography, number-abbreviation,
   dotted-acronym, nonfinal-abbreviation, title, ellipsis,
   elided-abbreviation, opening-mark, quote-pairs, next-token-context);
3. ``_corrections`` -- after Punkt, inside one block (glued-end, cjk-end,
   ordinal, trailing-enumerator, quoted-mark-continues, name-exclamation,
   dash-continues, leading-debris, leading-fragment).

Output: each sentence has its whitespace collapsed to single spaces; a line
break right after a hyphen inside a word ("well-" / "known") is dropped, as
wrapping tools break lines there (**hyphen-wrap**).

Punkt is loaded on first use, and only NLTK's Punkt module
(``nltk_modules.load``), so importing this module is cheap and a run never
pays for all of NLTK.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from ._corrections import correct
from ._line_rules import LIST_MARKER, blocks, paragraph_spans, wrap_width
from .datafiles import DEFAULT_LANGUAGE
from .languages import AUTO, resolve

Span = Tuple[int, int]

# A line break after a hyphen between letters: a word wrapped at its hyphen.
_HYPHEN_WRAP = re.compile(r"(?<=\w-)[^\S\n]*\n\s*(?=\w)")


def sentence_spans(text: str, language: str = DEFAULT_LANGUAGE) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    ``language``: a supported language code (its word lists in
    ``summarize/data/<language>/``).  Spans are in document order, do not
    overlap, never start or end on whitespace, and together cover every
    non-whitespace character.
    """
    from . import _punkt  # loads Punkt: on first use only

    tokenizer = _punkt.tokenizer(language)
    lexicon = _punkt.lexicon(language)
    paragraphs = paragraph_spans(text)
    width = wrap_width(text, paragraphs)
    spans: List[Span] = []
    for p_start, p_end in paragraphs:
        for b_start, b_end in blocks(text, p_start, p_end, width, language):
            # A list marker ("1.", "-") is not a sentence of its own: Punkt
            # sees only the item text, and the marker joins its first sentence.
            marker = LIST_MARKER.match(text, b_start, b_end)
            body_at = marker.end() if marker else b_start
            body = text[body_at:b_end]
            pieces = list(tokenizer.span_tokenize(_punkt.shown_to_punkt(body)))
            pieces = correct(body, pieces, lexicon)
            for i, (s, e) in enumerate(pieces):
                spans.append((b_start if i == 0 else body_at + s, body_at + e))
    return spans


def sentence_words(text: str) -> List[str]:
    """The whitespace-separated words of ``text``, a word wrapped at its
    hyphen ("well-\\nknown") taken whole: ``normalize_space(text)`` is
    these joined by single spaces."""
    if "-\n" in text or "- \n" in text:
        text = _HYPHEN_WRAP.sub("", text)
    return text.split()  # str.split's whitespace is re's \s


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and strip the ends.

    A line break right after a hyphen inside a word ("well-\\nknown") is
    removed instead, since wrapping tools break lines at hyphens: the
    sentence reads as it would unwrapped.  Non-whitespace is never changed.
    """
    return " ".join(sentence_words(text))


def split_sentences(text: str, language: str = AUTO) -> List[str]:
    """Split ``text`` into sentences.

    Returns the sentences in document order, each with its internal
    whitespace collapsed to single spaces (a hard-wrapped sentence comes back
    on one line).  No non-whitespace character is lost or changed.  A blank
    line always ends a sentence; a single newline does not.  Empty or
    whitespace-only text gives ``[]``.  Pure: the same text always gives the
    same sentences, and nothing is learned from the input.  Headings and
    list items on lines of their own are sentences of their own (see the
    module docstring for every rule).

    ``language``: a supported language code, whose abbreviations, quotation
    marks and rules apply, or ``"auto"`` to detect it (``languages.detect``;
    English when unsure).  Raises ``ValueError`` for an unknown code (the
    message lists the supported ones).
    """
    code = resolve(text, language).language
    return [normalize_space(text[s:e]) for s, e in sentence_spans(text, code)]
