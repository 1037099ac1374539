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
  its own) and joins the item's first sentence.  A bullet may carry a
  number (``\u2022 9.``); ``1.)`` and Roman ``ii)`` are enumerators too.
* **inline-list** -- an enumeration inside a line ("Steps: 1.) first do
  this 2.) then do that") is cut before each of its markers, so a marker
  goes with the item it introduces and the words before the first marker
  ("Steps:") are a piece of their own.  A run is two or more markers of
  one form counting up by one (``1. 2.``, ``1.) 2.)``, ``(1) (2)``,
  ``1) 2)``, ``a. b.``, ``(a) (b)``, ``a) b)``, ``A) B)``, ``(A) (B)``,
  ``i) ii)``, ``(i) (ii)``, ``i. ii.``), or of sure bullets (``\u2022
  first \u2022 second``, ``\u2022 9. first \u2022 10. second``), and every
  item holds a word that does more than join (not only words of the
  language's ``continuation_words.txt``: "(1) and (2)" and "steps 1. and
  2." are no lists).  ``1.)`` and bullets never occur in prose, so a run
  of them is enough.  The other forms do ("rose to 2.", "section (a)",
  "J. R. R.", "U.S. a. b."): a run of them must start at 1, a or i, right
  after the paragraph's or a line's start, a colon or an end mark
  ("Steps: 1. ...", "... done. a) ..."), and each item but the last is
  at most ``_INLINE_ITEM`` characters and does not lead on into the next
  with a comma, a semicolon or a conjunction (``conjunctions.txt``) at
  its end: "four groups: (1) Dutch speakers, (2) French speakers, ... en
  (4) ..." and "if: (a) he did it; and (b) he knew" are one sentence
  each.  Letters of ``a.`` lists are lower-case (capitals with full
  stops are initials, "A. B. C."); a language that writes ordinals with
  a full stop (``ordinal_words.txt``: German "der 1. und 2. Mai") has no
  bare ``1.`` lists.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Tuple

from .datafiles import DEFAULT_LANGUAGE, lower_words, read_word_list

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")

# An enumerator: "1.", "2)", "3.)", "(4)", "a.", "b)", "(c)", "D)", "(E)",
# "ii.", "iii)", "(iv)".  Letters need a bracket or must be lower-case:
# "A. Smith" opens a name.
_ENUMERATOR = (
    r"\(?\d{1,3}(?:\.\)|[.)])|[a-z][.)]|\([a-zA-Z]\)|[A-Z]\)"
    r"|x{0,3}(?:ix|iv|v?i{1,3}|v|x)[.)]|\(x{0,3}(?:ix|iv|v?i{1,3}|v|x)\)"
)
# Bullets that are never prose punctuation, unlike "-" or "1.".
_SURE_BULLETS = frozenset("*\u2022\u2023\u2043\u25aa\u25cf\u25e6")
# Of those, the ones never written inside a line but as bullets ("*"
# also marks footnotes and emphasis, and multiplies).
_INLINE_BULLETS = "\u2022\u2023\u2043\u25aa\u25cf\u25e6"
# A list item opens with a bullet or an enumerator and a space (rule
# list-item): "- ", "* ", "\u2022 ", "1. ", "2) ", "(3) ", "a) ", "(b) ",
# "1.) ", a bullet and an enumerator ("\u2022 9. ").
LIST_MARKER = re.compile(
    r"(?:[-*+\u2022\u2023\u2043\u25aa\u25cf\u25e6\u2013\u2014](?:[^\S\n]+(?:%s)(?=\s))?|%s)[^\S\n]+(?=\S)"
    % (_ENUMERATOR, _ENUMERATOR)
)
# A marker inside a line (rule inline-list), after whitespace or at the
# start, before whitespace: a bullet, perhaps with an enumerator, or an
# enumerator: its opening bracket, label and closing mark.
_INLINE_MARKER = re.compile(
    r"(?<!\S)(?:(?P<bullet>[%s](?:[^\S\n]+(?:%s))?)"
    r"|(?P<open>\()?(?P<label>\d{1,3}|[a-zA-Z]|[ivx]{2,7})(?P<close>\.\)|[.)]))(?=\s)"
    % (_INLINE_BULLETS, _ENUMERATOR)
)
# Rule inline-list: the longest item (characters) of a run of markers that
# may be prose ("rose to 2."): items of an inline list are short.
_INLINE_ITEM = 250
# Rule inline-list: where a run of markers that may be prose may begin:
# after the paragraph's start, a line's start, a colon or an end mark
# (perhaps closed by quotes or brackets).
_INTRODUCING = frozenset(":.!?\u2026\n")
# Lower-case Roman numerals and their values (rule inline-list).
_ROMAN = {
    tens + ones: 10 * t + o
    for t, tens in enumerate(("", "x", "xx", "xxx"))
    for o, ones in enumerate(("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"))
    if tens + ones
}
_WORD = re.compile(r"[^\W\d_]+")
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


def _continuation_words(language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The words a line of ``language`` may end with and still go on
    (``continuation_words.txt``), loaded once."""
    return lower_words("continuation_words.txt", language)


def _conjunctions(language: str = DEFAULT_LANGUAGE) -> FrozenSet[str]:
    """The conjunctions of ``language`` that join the items of one
    enumeration (``conjunctions.txt``: "and", "or"), lower case, loaded
    once (rule inline-list)."""
    return lower_words("conjunctions.txt", language)


@lru_cache(maxsize=None)
def _writes_dotted_ordinals(language: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``language`` writes ordinals with a full stop ("am 1. Mai"):
    it has ``ordinal_words.txt`` (rule inline-list: no bare ``1.`` lists)."""
    return bool(read_word_list("ordinal_words.txt", language))


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


# A run of markers being read (rule inline-list): its markers' spans and
# the value of its last marker.
_Run = Tuple[List[Span], int]


def inline_list_cuts(text: str, p_start: int, p_end: int, language: str = DEFAULT_LANGUAGE) -> List[int]:
    """The offsets in the paragraph ``text[p_start:p_end]`` where an inline
    enumeration starts an item (rule inline-list), in order, without
    repeats, each after ``p_start``.

    Linear in the paragraph: one scan finds the candidate markers, each
    read as every form it may be (``i)`` is the ninth letter and the first
    Roman numeral), each form keeping the run it is in; an item's words are
    read until one does more than join, and a form's items never overlap.
    """
    ordinals = _writes_dotted_ordinals(language)
    runs: Dict[Tuple[str, str], _Run] = {}
    cuts: List[int] = []
    for m in _inline_markers(text, p_start, p_end):
        if m.group("bullet") is not None:
            readings = [(("bullet", ""), 0)]
        else:
            opened, label, close = m.group("open"), m.group("label"), m.group("close")
            if opened and close != ")":
                continue
            form = "(x)" if opened else "x" + close
            readings = []
            if label.isdigit():
                if form != "x." or not ordinals:
                    readings.append((("number", form), int(label)))
            elif len(label) == 1 and label.islower():
                readings.append((("lower", form), ord(label) - ord("a") + 1))
            elif len(label) == 1 and form in ("(x)", "x)"):
                # A capital with a full stop is an initial ("A. B. C."), not a list.
                readings.append((("upper", form), ord(label) - ord("A") + 1))
            if label in _ROMAN:
                readings.append((("roman", form), _ROMAN[label]))
        for key, value in readings:
            run = runs.get(key)
            if run is not None and (key[0] == "bullet" or value == run[1] + 1):
                run[0].append(m.span())
                runs[key] = (run[0], value)
                continue
            if run is not None:
                cuts.extend(_run_cuts(text, p_start, m.start(), key, run[0], language))
            runs[key] = ([m.span()], value)
    for key, run in runs.items():
        cuts.extend(_run_cuts(text, p_start, p_end, key, run[0], language))
    return sorted(set(c for c in cuts if c > p_start))


# The longest enumerator ("(viiiiii.)"): how far back its start may lie.
_MARKER_LENGTH = 10


def _inline_markers(text: str, p_start: int, p_end: int) -> Iterator["re.Match[str]"]:
    """The matches of ``_INLINE_MARKER`` in ``text[p_start:p_end]``, in
    order, found faster: an enumerator ends in "." or ")" before whitespace,
    so only the token ending at each such mark (found by ``str.find``: a
    sentence end every hundred characters or so) is tried.  Trying the
    pattern at every character cost ~400 instructions a character, a fifth
    of a summary.  A paragraph holding a bullet is scanned whole (a bullet
    and its enumerator span a space)."""
    if any(bullet in text[p_start:p_end] for bullet in _INLINE_BULLETS):
        yield from _INLINE_MARKER.finditer(text, p_start, p_end)
        return
    ends = []
    for close in ".)":
        at = text.find(close, p_start, p_end - 1)
        while at >= 0:
            if text[at + 1].isspace() and _may_close_a_label(text, at, p_start):
                ends.append(at)
            at = text.find(close, at + 1, p_end - 1)
    ends.sort()
    for end in ends:
        start = end
        while start > p_start and end - start < _MARKER_LENGTH and not text[start - 1].isspace():
            start -= 1
        m = _INLINE_MARKER.match(text, start, p_end)
        if m is not None and m.end() == end + 1:
            yield m


def _may_close_a_label(text: str, end: int, p_start: int) -> bool:
    """Whether the "." or ")" at ``end`` may close an enumerator's label: it
    follows a digit, a Roman numeral's letter or a letter standing alone
    (after whitespace or "("), perhaps through "." in ".)".  Most full
    stops end a word and are ruled out here, before any pattern is tried."""
    if text[end] == ")" and end > p_start and text[end - 1] == ".":
        end -= 1
    if end <= p_start:
        return False
    before = text[end - 1]
    if before.isdigit() or before in "ivx":
        return True
    return before.isalpha() and (end - 1 == p_start or text[end - 2].isspace() or text[end - 2] == "(")


def _run_cuts(text: str, p_start: int, end: int, key: Tuple[str, str], markers: List[Span], language: str) -> List[int]:
    """The starts of ``markers`` (one form's run, in order; the last item
    ends at ``end``) when they make an inline list (rule inline-list), else
    ``[]``."""
    if len(markers) < 2:
        return []
    sure = key[0] == "bullet" or key[1] == "x.)"
    if not sure:
        # Looked for backwards, never sliced: a paragraph has many runs.
        at = markers[0][0]
        while at > p_start and text[at - 1] in " \t":
            at -= 1
        while at > p_start and text[at - 1] in _CLOSING:
            at -= 1
        if at > p_start and text[at - 1] not in _INTRODUCING:
            return []
        if _first_value(text, markers[0], key) != 1:
            return []
    # An item of nothing but words that only lead on ("and", "or", "to":
    # ``continuation_words.txt``) joins two references: "(1) and (2)".
    joining = _continuation_words(language)
    conjunctions = _conjunctions(language)
    for i, (_, m_end) in enumerate(markers):
        item_end = markers[i + 1][0] if i + 1 < len(markers) else end
        if not sure and i + 1 < len(markers) and (item_end - m_end > _INLINE_ITEM or _leads_on(text, m_end, item_end, conjunctions)):
            return []
        if not any(w.group().lower() not in joining for w in _WORD.finditer(text, m_end, item_end)):
            return []
    return [start for start, _ in markers]


def _leads_on(text: str, start: int, end: int, conjunctions: FrozenSet[str]) -> bool:
    """Whether the item ``text[start:end]`` ends in a comma, a semicolon or
    one of ``conjunctions`` ("and"): it goes on into the next, and the
    enumeration is one sentence ("four groups: (1) Dutch speakers, (2)
    French speakers, ... and (4) ...")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",;":
        return True
    word_start = end
    while word_start > start and text[word_start - 1].isalpha():
        word_start -= 1
    return text[word_start:end].lower() in conjunctions


def _first_value(text: str, marker: Span, key: Tuple[str, str]) -> int:
    """The value of the ``marker`` read as ``key``'s kind."""
    label = text[marker[0]:marker[1]].strip("(.)")
    if key[0] == "number":
        return int(label)
    if key[0] == "roman":
        return _ROMAN[label]
    return ord(label.lower()) - ord("a") + 1


def blocks(text: str, p_start: int, p_end: int, width: int, language: str = DEFAULT_LANGUAGE) -> Iterator[Span]:
    """Split the paragraph ``text[p_start:p_end]`` at its layout cuts and
    the items of its inline lists (rule inline-list).

    Yields spans into ``text``, in order, stripped of whitespace at both
    ends, together covering every non-whitespace character of the paragraph.
    """
    inline = inline_list_cuts(text, p_start, p_end, language)
    if text.find("\n", p_start, p_end) < 0:
        cuts: Iterable[int] = inline
    elif inline:
        cuts = sorted(set(inline).union(layout_cuts(text, p_start, p_end, width, language)))
    else:
        cuts = layout_cuts(text, p_start, p_end, width, language)
    start = p_start
    for cut in cuts:
        yield _trimmed(text, start, cut)
        start = cut
    yield _trimmed(text, start, p_end)


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
