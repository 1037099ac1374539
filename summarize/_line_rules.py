"""Line layout: the rules applied before Punkt, to paragraphs and lines.

Private to ``summarize.sentences``.  A text is cut into paragraphs, and a
paragraph into blocks where its line layout starts a sentence; Punkt then
splits each block.  The rules (their names are used in the tests):

* **blank-line** -- a blank line always ends a sentence (paragraphs are split
  first and never joined).
* **hard-line-break** -- a single newline is a space, unless the line before
  it is a hard break: shorter than the text's wrap width (estimated from its
  widest lines followed by a lower-case line, at least 30 columns) by more
  than the next line's first word, which a wrapping tool would have pulled
  up.  After a hard break, a line that opens capitalised (or with a digit)
  starts a sentence: headings, signatures, address lines.  Not after a line
  ending in a comma, dash or continuation word (``continuation_words.txt``).
  Wrapped prose never has a hard break inside a paragraph, so hard-wrapped
  text splits exactly as the same text unwrapped.
* **hard-wrapped** -- a paragraph of three lines or more whose lines but
  the last mostly end near one common width is hard-wrapped prose, told
  from the text alone: a book, a law or a novel wrapped by hand at ~70
  columns, with a ragged right edge.  There a line may end short before a
  capitalised word (a name, any German noun) anywhere, so rule
  hard-line-break cuts only before a line that stands on its own: short
  (at most ``_HEADING_LINE`` of the width) and opening the paragraph or
  following a line that ends in ``. ! ? : …`` (a heading over the
  text, "Part Two").  Punctuation at a line end is left to Punkt; list
  items are cut as anywhere.
* **list-item** -- a line opening with a bullet or enumerator (``- * \u2022``,
  ``1. 2) (3) a)``) starts a sentence when the bullet is unambiguous, a list
  has begun in the paragraph, the line before ends with ``. ! ? :`` or is a
  hard break.  The marker is hidden from Punkt (so "1." is not a sentence of
  its own) and joins the item's first sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, Iterable, Iterator, List, Optional, Tuple

from .datafiles import DEFAULT_LANGUAGE, read_word_list

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

# A list item opens with a bullet or an enumerator and a space (rule
# list-item): "- ", "* ", "\u2022 ", "1. ", "2) ", "(3) ", "a) ", "(b) ".
# Letters need a bracket or must be lower-case: "A. Smith" opens a name.
LIST_MARKER = re.compile(
    r"(?:[-*+\u2022\u2023\u2043\u25aa\u25cf\u25e6\u2013\u2014]"
    r"|\(?\d{1,3}[.)]|[a-z][.)]|\([a-zA-Z]\)|[A-Z]\))[^\S\n]+(?=\S)"
)
# Bullets that are never prose punctuation, unlike "-" or "1.".
_SURE_BULLETS = frozenset("*\u2022\u2023\u2043\u25aa\u25cf\u25e6")
# A line ending in one of these continues on the next (rule hard-line-break).
_CONTINUES_CHARS = frozenset(",;(-/&\u2013\u2014")
# The narrowest wrap width assumed: without evidence of a wider wrap, a line
# is a hard break when it and the next line's first word fit in this many
# columns ("Summary\nThe report ...").
_MIN_WRAP_WIDTH = 30
# Rule hard-wrapped: a paragraph whose lines mostly reach this share of
# its widest line, of at least this many columns, is hard-wrapped prose;
# there a line of its own no longer than this share of that width is a
# heading.
_FULL_LINE = 0.75
_MIN_WRAPPED_WIDTH = 40
_HEADING_LINE = 0.6
# What may end a sentence at a line end, before closing quotes or brackets.
_STOPS = frozenset(".!?:\u2026")
_CLOSING = "\"')]\u201d\u2019\u00bb"
# Columns of doubt before calling a line short: source text may hold double
# spaces or tabs that a wrapping tool counted and the estimate did not.
_WRAP_SLACK = 3


@lru_cache(maxsize=None)
def _continuation_words(language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The words a line of ``language`` may end with and still go on
    (``continuation_words.txt``), loaded once."""
    return frozenset(w.lower() for w in read_word_list("continuation_words.txt", language))


def iter_paragraphs(text: str) -> Iterator[Span]:
    """The ``(start, end)`` offsets of the paragraphs of ``text``, lazily.

    Paragraphs are separated by blank lines; leading and trailing whitespace
    is excluded from each span; whitespace-only paragraphs are dropped.
    """
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        span = _stripped(text, start, brk.start())
        if span is not None:
            yield span
        start = brk.end()
    span = _stripped(text, start, len(text))
    if span is not None:
        yield span


def _stripped(text: str, start: int, end: int) -> Optional[Span]:
    """``(start, end)`` without the whitespace at either end; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    """The ``(start, end)`` offsets of the lines of ``text[start:end]``
    (newlines excluded), without copying them."""
    while True:
        newline = text.find("\n", start, end)
        if newline < 0:
            yield start, end
            return
        yield start, newline
        start = newline + 1


def wrap_width(text: str, paragraphs: Iterable[Span]) -> int:
    """Estimate the column at which ``text`` was hard-wrapped.

    The widest line that is followed, in its paragraph, by a line opening
    with a lower-case letter: such a line break is surely soft (mid-phrase),
    while a line followed by a capital may be a heading and would make the
    estimate too small to see it.  Lines of a single word are ignored: a long
    URL overflows any width.  Never less than ``_MIN_WRAP_WIDTH``.
    """
    widest = 0
    for p_start, p_end in paragraphs:
        if text.find("\n", p_start, p_end) < 0:
            continue
        before: Optional[Span] = None
        for l_start, l_end in _lines(text, p_start, p_end):
            if before is not None:
                first = l_start
                while first < l_end and text[first].isspace():
                    first += 1
                if first < l_end and text[first].islower():
                    line = text[before[0]:before[1]].rstrip()
                    # A line of one long word (a URL) may overflow any wrap width.
                    if len(line) > widest and " " in line.strip():
                        widest = len(line)
            before = (l_start, l_end)
    return max(widest, _MIN_WRAP_WIDTH)


def _wrapped_width(text: str, p_start: int, p_end: int) -> int:
    """The width of the paragraph ``text[p_start:p_end]`` when it is
    hard-wrapped prose, else 0.

    Hard-wrapped: it has three lines or more, and at least two thirds of
    its lines but the last end near one common width (``_FULL_LINE`` of
    the widest of them, at least ``_MIN_WRAPPED_WIDTH`` columns), as a
    book, a law or an e-mail wrapped by hand or by a tool does, however
    ragged its right edge.  Headings, addresses, lists of short items and
    verse of uneven lines are not."""
    lengths = [end - start for start, end in _lines(text, p_start, p_end)]
    lengths.pop()
    if len(lengths) < 2:
        return 0
    widest = max(lengths)
    if widest < _MIN_WRAPPED_WIDTH:
        return 0
    full = sum(1 for n in lengths if n >= _FULL_LINE * widest)
    return widest if 3 * full >= 2 * len(lengths) else 0


def _ends_a_sentence(line: str) -> bool:
    """Whether ``line`` ends in punctuation that may end a sentence (``.
    ! ? : \u2026``, perhaps before closing quotes or brackets)."""
    return line.rstrip(_CLOSING)[-1:] in _STOPS


def layout_cuts(text: str, p_start: int, p_end: int, width: int, language: str = DEFAULT_LANGUAGE) -> Iterator[int]:
    """The offsets in the paragraph ``text[p_start:p_end]`` where line layout
    starts a sentence, in order, lazily.

    Rule list-item: a line opening with a list marker starts a sentence when
    the marker is an unambiguous bullet, a list has already begun in this
    paragraph, the line before ends a clause (``. ! ? :``), or the line before
    is a hard break.  Rule hard-line-break: a line break is hard when the line
    before it is shorter than the wrap ``width`` minus the first word of the
    next line, with ``_WRAP_SLACK`` columns to spare (a wrapping tool would
    have pulled that word up); after a hard
    break a capitalised line starts a sentence, unless the line before ends
    in a comma, dash or continuation word of ``language`` ("and", "the").
    Hard-wrapped prose never triggers either rule, so it splits exactly as
    unwrapped text.
    """
    continuation = _continuation_words(language)
    in_list = LIST_MARKER.match(text, p_start, p_end) is not None
    wrapped = _wrapped_width(text, p_start, p_end)
    lines = _lines(text, p_start, p_end)
    first_start, first_end = next(lines)
    prev = text[first_start:first_end].rstrip()
    # Whether the line ``prev`` began a sentence or a line of its own (the
    # paragraph's first, or after an end mark or a cut).
    prev_opens = True
    for l_start, l_end in lines:
        line = text[l_start:l_end]
        body = line.lstrip()
        body_at = l_start + len(line) - len(body)
        body = body.rstrip()
        if not body:
            continue
        first = body.split(None, 1)[0]
        hard = len(prev) + 1 + len(first) + _WRAP_SLACK <= width
        cut = False
        if LIST_MARKER.match(body):
            if body[0] in _SURE_BULLETS or in_list or hard or prev[-1] in ".!?:":
                cut = in_list = True
        elif hard and prev[-1] not in _CONTINUES_CHARS:
            lead = body.lstrip("\"'\u201c\u2018([")
            last_word = prev.rsplit(None, 1)[-1].lower()
            if lead[:1].isupper() or lead[:1].isdigit():
                # Rule hard-wrapped: in hard-wrapped prose a line may end
                # short anywhere: only a short line of its own (a heading
                # over the text) is cut here, and punctuation is left to
                # Punkt ("said Dr." / "Steven Katznelson" is one sentence).
                cut = last_word not in continuation and (
                    not wrapped or (prev_opens and len(prev) <= _HEADING_LINE * wrapped)
                )
        if cut:
            yield body_at
        prev_opens = cut or _ends_a_sentence(prev)
        prev = body


def blocks(text: str, p_start: int, p_end: int, width: int, language: str = DEFAULT_LANGUAGE) -> Iterator[Span]:
    """Split the paragraph ``text[p_start:p_end]`` at its layout cuts.

    Yields spans into ``text``, in order, stripped of whitespace at both
    ends, together covering every non-whitespace character of the paragraph.
    """
    if text.find("\n", p_start, p_end) < 0:
        yield p_start, p_end
        return
    start = p_start
    for cut in layout_cuts(text, p_start, p_end, width, language):
        yield _trimmed(text, start, cut)
        start = cut
    yield _trimmed(text, start, p_end)


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
