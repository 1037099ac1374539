"""Sentence splitting: ``split_sentences`` and the offsets behind it.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters) are not downloaded: they are read from plain text files in
``summarize/data/`` that this project writes and maintains.  Nothing is
learned from the input: the splitter is a pure function of the text.

Each text goes through three private rooms, in this order; each module's
docstring lists its rules by the names the tests use:

1. ``_line_rules`` -- paragraphs and line layout, before Punkt
   (blank-line, hard-line-break, list-item);
2. ``_punkt`` -- the Punkt engine with the project's parameters and refined
   decisions (abbreviations, starter-orthography, number-abbreviation,
   dotted-acronym, nonfinal-abbreviation, title, ellipsis,
   next-token-context);
3. ``_corrections`` -- after Punkt, inside one block (glued-end, cjk-end,
   trailing-enumerator, quoted-mark-continues, name-exclamation,
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
from typing import TYPE_CHECKING, List, Tuple

from ._corrections import correct
from ._line_rules import LIST_MARKER, blocks, paragraph_spans, wrap_width
from .errors import SummarizeError

if TYPE_CHECKING:  # pragma: no cover
    from . import _punkt

Span = Tuple[int, int]

# A line break after a hyphen between letters: a word wrapped at its hyphen.
_HYPHEN_WRAP = re.compile(r"(?<=\w-)[^\S\n]*\n\s*(?=\w)")


WINDOW = 50_000
"""The most characters Punkt is given at once.  A longer block (a book
without blank lines, a list of initials) is split window by window: Punkt's
time grows with its input, and NLTK bounds each of its regular-expression
scans with a wall-clock watchdog (5 s) that a long block on a busy machine
trips."""


def punkt_spans(tokenizer: "_punkt.Tokenizer", text: str, window: int = WINDOW) -> List[Span]:
    """Punkt's ``(start, end)`` sentence spans of ``text``, found ``window``
    characters at a time: every sentence but the last of a window is kept,
    and the next window starts where that last one began, so each boundary
    is decided with the words on both sides of it in view, as it would be in
    one pass.  Windows end on whitespace; a window with no boundary at all
    (a "sentence" of ``window`` characters) ends a sentence where it ends."""
    if len(text) <= window:
        return _punkt_window(tokenizer, text)
    spans: List[Span] = []
    start = 0
    while start < len(text):
        end = start + window
        if end < len(text):
            # End the window on whitespace: Punkt must see the next word whole.
            cut = end
            while cut > start and not text[cut].isspace():
                cut -= 1
            end = cut if cut > start else end
        found = _punkt_window(tokenizer, text[start:end])
        if end >= len(text):
            spans += [(start + s, start + e) for s, e in found]
            break
        if len(found) > 1:
            spans += [(start + s, start + e) for s, e in found[:-1]]
            start += found[-1][0]
            continue
        # No boundary in a whole window: it ends a sentence of its own.
        spans += [(start + s, start + e) for s, e in found]
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return spans


def _punkt_window(tokenizer: "_punkt.Tokenizer", text: str) -> List[Span]:
    """Punkt's spans of one window.  Should NLTK's watchdog fire all the same
    (a machine so busy that a window takes seconds), the window is split in
    two at a space and each half tried alone; a piece too short to split
    that still cannot be done is a ``SummarizeError``, never a traceback."""
    try:
        return list(tokenizer.span_tokenize(text))
    except TimeoutError:
        middle = text.find(" ", len(text) // 2)
        if len(text) < 1000 or middle < 0:
            raise SummarizeError("the text could not be split into sentences in time; try again when the machine is less busy") from None
    left = _punkt_window(tokenizer, text[:middle])
    return left + [(middle + s, middle + e) for s, e in _punkt_window(tokenizer, text[middle:])]


def sentence_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    Spans are in document order, do not overlap, never start or end on
    whitespace, and together cover every non-whitespace character.
    """
    from . import _punkt  # loads Punkt: on first use only

    tokenizer = _punkt.tokenizer()
    lexicon = _punkt.lexicon()
    paragraphs = paragraph_spans(text)
    width = wrap_width(text, paragraphs)
    spans: List[Span] = []
    for p_start, p_end in paragraphs:
        for b_start, b_end in blocks(text, p_start, p_end, width):
            # A list marker ("1.", "-") is not a sentence of its own: Punkt
            # sees only the item text, and the marker joins its first sentence.
            marker = LIST_MARKER.match(text, b_start, b_end)
            body_at = marker.end() if marker else b_start
            body = text[body_at:b_end]
            pieces = punkt_spans(tokenizer, _punkt.shown_to_punkt(body))
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


def split_sentences(text: str) -> List[str]:
    """Split ``text`` into sentences.

    Returns the sentences in document order, each with its internal
    whitespace collapsed to single spaces (a hard-wrapped sentence comes back
    on one line).  No non-whitespace character is lost or changed.  A blank
    line always ends a sentence; a single newline does not.  Empty or
    whitespace-only text gives ``[]``.  Pure: the same text always gives the
    same sentences, and nothing is learned from the input.  Headings and
    list items on lines of their own are sentences of their own (see the
    module docstring for every rule).
    """
    return [normalize_space(text[s:e]) for s, e in sentence_spans(text)]
