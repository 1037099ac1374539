"""Sentence splitting: ``split_sentences`` and the offsets behind it.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters) are not downloaded: they are read from plain text files in
``summarize/data/<language>/`` that this project writes and maintains, one
folder per language.  Nothing is learned from the input: the splitter is a
pure function of the text and its language.

Each text goes through three private rooms, in this order; each module's
docstring lists its rules by the names the tests use:

1. ``_line_rules`` -- paragraphs and line layout, before Punkt
   (blank-line, hard-line-break, hard-wrapped, list-item, inline-list);
2. ``_punkt`` -- the Punkt engine with the project's parameters and refined
   decisions (abbreviations, starter-orthography, number-abbreviation,
   dotted-acronym, nonfinal-abbreviation, title, ellipsis,
   elided-abbreviation, opening-mark, quote-pairs, opening-typography,
   next-token-context);
3. ``_cuts`` then ``_corrections`` -- after Punkt, inside one block: cuts
   (glued-end, cjk-end, clock-end), then joins and moves (ordinal,
   trailing-enumerator, quoted-mark-continues, quoted-stop-continues,
   bracketed-sentence-continues, name-exclamation, dash-continues,
   leading-debris, leading-fragment).

Output: each sentence has its whitespace collapsed to single spaces; a line
break right after a hyphen inside a word ("well-" / "known") is dropped, as
wrapping tools break lines there (**hyphen-wrap**).

Punkt is loaded on first use, and only NLTK's Punkt module
(``nltk_modules.load``), so importing this module is cheap and a run never
pays for all of NLTK.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, List, Tuple

from ._corrections import correct
from ._line_rules import LIST_MARKER, blocks, iter_paragraphs, wrap_width
from .datafiles import DEFAULT_LANGUAGE
from .errors import SummarizeError
from .languages import AUTO, resolve

if TYPE_CHECKING:  # pragma: no cover
    from . import _punkt

Span = Tuple[int, int]

# A line break after a hyphen between letters: a word wrapped at its hyphen.
_HYPHEN_WRAP = re.compile(r"(?<=\w-)[^\S\n]*\n\s*(?=\w)")


# Where a window may end: after a mark that may end a sentence, and the
# space after it (Chinese and Japanese marks need none).
_WINDOW_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d)\]]*\s|[\u3002\uff01\uff1f\uff61]")

WINDOW = 50_000
"""The most characters of one block split at once.  A longer block (a book
without blank lines, a list of initials) is split window by window: Punkt's
time and the corrections' memory grow with their input, and NLTK bounds
each of its regular-expression scans with a wall-clock watchdog (5 s) that a
long block on a busy machine trips."""


def sentence_spans(text: str, language: str = DEFAULT_LANGUAGE) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    ``language``: a supported language code (its word lists in
    ``summarize/data/<language>/``).  Spans are in document order, do not
    overlap, never start or end on whitespace, and together cover every
    non-whitespace character.
    """
    return list(iter_sentence_spans(text, language))


def iter_sentence_spans(text: str, language: str = DEFAULT_LANGUAGE) -> Iterator[Span]:
    """``sentence_spans`` of ``text``, lazily: what a text holds is never
    held all at once besides the spans the caller keeps."""
    from . import _punkt  # loads Punkt: on first use only

    tokenizer = _punkt.tokenizer(language)
    lexicon = _punkt.lexicon(language)
    width = wrap_width(text, iter_paragraphs(text))
    for p_start, p_end in iter_paragraphs(text):
        for b_start, b_end in blocks(text, p_start, p_end, width, language):
            # A list marker ("1.", "-", "1.)", "\u2022 9.") is not a sentence of its own: Punkt
            # sees only the item text, and the marker joins its first sentence.
            marker = LIST_MARKER.match(text, b_start, b_end)
            body_at = marker.end() if marker else b_start
            first = True
            for s, e in block_spans(text[body_at:b_end], tokenizer, lexicon):
                yield (b_start if first else body_at + s), body_at + e
                first = False


def block_spans(
    block: str, tokenizer: "_punkt.Tokenizer", lexicon: "_punkt.Lexicon", window: int = WINDOW
) -> Iterator[Span]:
    """The sentence spans of one ``block`` (a paragraph, or a part of one
    its line layout set apart): Punkt's, then corrected.

    A block longer than ``window`` characters is split a window at a time:
    all but the last two sentences of a window are kept and the next window
    starts where those two began, so each boundary is decided, and each
    correction made, with its neighbours in view, as in one pass.  A window
    ends after the first mark that may end a sentence (``. ! ? …``) past
    ``window`` characters; one with hardly a boundary (sentences of half a
    window: a run of initials) ends a sentence where it ends."""
    if len(block) <= window:
        yield from _corrected(block, tokenizer, lexicon)
        return
    start = 0
    while start < len(block):
        # End the window just after a mark that may end a sentence and the
        # space after it (the rules must see the next word whole); a block
        # with no such mark past the window is taken whole (one long
        # sentence costs Punkt nothing: it has nothing to decide).
        mark = _WINDOW_END.search(block, start + window)
        end = mark.end() if mark else len(block)
        found = _corrected(block[start:end], tokenizer, lexicon)
        if end < len(block) and len(found) > 2:
            for s, e in found[:-2]:
                yield start + s, start + e
            start += found[-2][0]
            continue
        for s, e in found:
            yield start + s, start + e
        start = end
        while start < len(block) and block[start].isspace():
            start += 1


def _corrected(block: str, tokenizer: "_punkt.Tokenizer", lexicon: "_punkt.Lexicon") -> List[Span]:
    """Punkt's spans of ``block`` (its spaced ellipses shown as dots), corrected."""
    from . import _punkt

    return correct(block, _punkt_spans(tokenizer, _punkt.shown_to_punkt(block)), lexicon)


def _punkt_spans(tokenizer: "_punkt.Tokenizer", text: str) -> List[Span]:
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
    left = _punkt_spans(tokenizer, text[:middle])
    return left + [(middle + s, middle + e) for s, e in _punkt_spans(tokenizer, text[middle:])]


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


def require_text(text: object, name: str = "text") -> None:
    """Raise ``TypeError`` unless ``text`` is a ``str`` (bytes are to be
    decoded first: the message says so)."""
    if not isinstance(text, str):
        hint = "; decode it first" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"{name} must be a str, not {type(text).__name__}{hint}")


def split_sentences(text: str, language: str = AUTO) -> List[str]:
    """Split ``text`` into sentences.

    Returns the sentences in document order, each with its internal
    whitespace collapsed to single spaces (a hard-wrapped sentence comes back
    on one line).  No non-whitespace character is lost or changed.  A blank
    line always ends a sentence; a single newline does not.  Empty or
    whitespace-only text gives ``[]``.  Pure: the same text always gives the
    same sentences, and nothing is learned from the input.  Headings and
    list items on lines of their own are sentences of their own, and so are
    the items of a list inside a line, each with its marker ("Steps: 1.)
    mix 2.) bake" gives "Steps:", "1.) mix", "2.) bake"; see the module
    docstring for every rule).

    ``language``: a supported language code, whose abbreviations, quotation
    marks and rules apply, or ``"auto"`` to detect it (``languages.detect``;
    English when unsure).  Raises ``ValueError`` for an unknown code (the
    message lists the supported ones), ``TypeError`` when ``text`` is not a
    ``str``.
    """
    require_text(text)
    code = resolve(text, language).language
    return [normalize_space(text[s:e]) for s, e in sentence_spans(text, code)]
