"""Corrections: the rules applied after Punkt, to the pieces of one block.

Private to ``summarize.sentences``.  Punkt cuts a block into pieces; these
rules cut where it cannot see an end and join where it cut wrongly.  The
rules (their names are used in the tests):

* **glued-end** -- informal text drops the space after an end mark, where
  Punkt never looks: "Base...Miramar is north" and "great service.The
  staff" split (an ellipsis before a capital always; a single mark only
  after a whole lower-case word that is no abbreviation, before a capitalised
  word that is no domain part).
* **trailing-enumerator** -- in "Steps: 1. Open the box." Punkt ends a
  sentence after "1."; an enumerator right after a colon moves to the
  sentence it numbers.
* **quoted-mark-continues** -- a ``?`` or ``!`` (or ellipsis) closed by a
  quote or bracket does not end the sentence when a lower-case word follows,
  or a short attribution (one to three words, the first not a sentence
  starter, a verb from ``speech_verbs.txt``, punctuation): ``"Why?" he
  asked.`` and ``"Why?" Smith asked.`` are one sentence each, '"Over?"
  Nobody answered.' is two.  (Punkt always cuts after ``?``.)
* **name-exclamation** -- a capitalised word glued to a single ``!`` inside a
  sentence and followed by a lower-case word is a name ("as popular as
  Yahoo! and AOL", "on E! channel"), not an end.
* **dash-continues** -- a piece opening with a dash and a lower-case word
  continues the sentence before it ("known as Mom B. -- was caught").
* **leading-debris** -- a sentence never starts with material that belongs
  to the end of the one before: runs of ``. ! ?``, citation markers such as
  ``[12]`` or ``[...]``, and emoticons such as ``:)``.  Punkt cuts runs like
  ``!!!`` before their last mark and leaves a footnote marker that follows a
  full stop at the start of the next sentence; both move back to the
  sentence they close.  A piece left with no letter or digit at all joins
  the previous sentence.
* **leading-fragment** -- a piece that can only open what follows joins the
  next one: a bare enumerator ('2. "New cars ..."'), an opening quote with an
  ellipsis ('"... Receiving the love'), or debris at the start of a block.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, FrozenSet, Iterator, List, Match, Pattern, Tuple

from .datafiles import read_word_list

if TYPE_CHECKING:  # pragma: no cover
    from ._punkt import Lexicon

Span = Tuple[int, int]

# What may open a Punkt piece but belongs to the sentence before it (rule
# leading-debris): end-of-sentence marks with their closing quotes, citation
# markers, emoticons.  Each item must be followed by whitespace or the end.
# A run of marks is taken whole (never split between items), which keeps
# matching linear on long runs such as "!!!!!!!!".
_DEBRIS_ITEM = (
    r"(?:[.!?\u2026]+(?![.!?\u2026])[\"'\u201d\u2019)\]]*"
    r"|\[(?:\d{1,3}(?:[-\u2013,]\s?\d{1,3})*|[a-z]|\.\.\.|\u2026|citation needed)\]"
    r"|[:;]-?[()DPp](?![\w]))"
)
_LEADING_DEBRIS = re.compile(r"%s(?:\s*%s)*(?=\s|$)" % (_DEBRIS_ITEM, _DEBRIS_ITEM))
_ALNUM = re.compile(r"\w")
# A question or exclamation mark closed by a quote or bracket (rule
# quoted-mark-continues): '"Why?" he asked.'
_QUOTED_MARK_END = re.compile(r"[?!\u2026][\"'\u201d\u2019)\]]+$")

# A piece that only opens what follows (rule leading-fragment): an
# enumerator, or an opening quote or bracket before an ellipsis, possibly
# with an opening quote.
_OPENING_FRAGMENT = re.compile(
    r"(?:\(?\d{1,3}[.)]|[a-z][.)])(?:\s*[\"'\u201c\u2018(\[])?$"
    r"|[\"'\u201c\u2018(\[]+\s*(?:\.\.+|\u2026|[.\s]+)$"
)


def _may_open_fragment(char: str) -> bool:
    """Whether ``_OPENING_FRAGMENT`` can match from ``char`` (a cheap test first)."""
    return char in "(\"'\u201c\u2018[" or char.isdigit() or "a" <= char <= "z"


# What the patterns of the corrections can start (or, for
# _QUOTED_MARK_END, end) with: cheap tests that skip most sentences.
_CLOSERS = "\"'\u201d\u2019)]"
_DASH_FIRST = "-\u2014\u2013"
_DEBRIS_FIRST = ".!?\u2026[:;"

# An enumerator ending a piece right after a colon (rule trailing-enumerator).
_TRAILING_ENUMERATOR = re.compile(r"(?<=:)\s+(\(?\d{1,3}[.)])$")

# A capitalised word glued to one "!", after another word (rule
# name-exclamation): "Yahoo!", "E!".
_NAME_BANG = re.compile(r"\S\s+[A-Z][\w'-]*!$")

# A piece opening with a dash and a lower-case word (rule dash-continues).
_DASH_CONTINUES = re.compile(r"(?:--+|\u2014|\u2013)\s*[a-z]")

# Cheap test for rule glued-end, so most blocks skip it.
GLUE_HINT = re.compile(r"[.!?\u2026][A-Z]")
# An end mark glued to a capitalised word (rule glued-end): an ellipsis
# after a word character, or a mark after a whole lower-case word.
GLUED_END = re.compile(
    r"(?<=\w)(?:\.{2,}|\u2026)(?=[A-Z])"
    r"|(?:(?<=[\s\"'(\u201c])|^)(?P<word>[A-Za-z]*[a-z]{2})[.!?]+"
    r"(?!(?:Com|Net|Org|Edu|Gov|Info|Biz)\b)"
    r"(?=[A-Z][a-z]*(?:[\s,;:!?'\u2019\")]|\.(?:\s|$)|$))"
)

# A full stop, exclamation or question mark of Chinese or Japanese text
# (rule cjk-end), unless a closing quote or bracket follows it: that quote
# ends a quotation inside the sentence as often as the sentence.
_CJK_MARK = re.compile(r"[\u3002\uff01\uff1f\uff61]")
_CJK_END = re.compile(
    r"[\u3002\uff01\uff1f\uff61]+"
    r"(?![\u300d\u300f\uff09\u3015\u3011\u300b\u3009\u201d\u2019\"')\]])"
    r"(?=\s*\S)"
)


@lru_cache(maxsize=1)
def _attribution() -> "Pattern[str]":
    """One to three words then a speech verb closed by punctuation:
    '"Why?" Smith asked.' but not '"Why?" Officials said the plan ...'."""
    verbs = "|".join(re.escape(v) for v in read_word_list("speech_verbs.txt"))
    return re.compile(r"(?:\S+\s+){1,3}(?:%s)[.,;:!?]" % verbs)


def correct(block: str, pieces: List[Span], lexicon: "Lexicon") -> List[Span]:
    """The sentence spans of ``block`` after every correction, from the
    ``pieces`` Punkt cut it into (offsets into ``block``).

    The result keeps the span contract (ordered, disjoint, no whitespace at
    either end, every non-whitespace character covered).
    """
    if GLUE_HINT.search(block):
        pieces = _split_glued(block, pieces, lexicon.abbreviations)
    if _CJK_MARK.search(block):
        pieces = _split_cjk(block, pieces)
    return _correct(block, pieces, lexicon.starters)


def _split_glued(block: str, spans: List[Span], abbrevs: FrozenSet[str]) -> List[Span]:
    """Split the ``spans`` of ``block`` where a sentence end is glued to the next word.

    Rule glued-end: Punkt only considers an end mark followed by whitespace
    or punctuation, but informal text drops the space: "Air Force
    Base...Miramar is north", "great service.The staff".  An ellipsis between
    a word and a capitalised word always splits; a single mark splits after
    a lower-case word that is not an abbreviation, before a capitalised
    word that is not followed by a period, "@" or "/" and is not a domain
    ending (so "www.Example.com", "Newsfeed.Com", "Mrs.Smith" and
    "j.doe@Example.org" stay whole).
    """
    out: List[Span] = []
    hints = [m.start() for m in GLUE_HINT.finditer(block)]
    for s, e in spans:
        for m in _glued_ends(block, s, e, hints):
            word = m.group("word")
            if word is not None and word.lower() in abbrevs:
                continue
            cut = m.end()
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _glued_ends(block: str, s: int, e: int, hints: List[int]) -> Iterator["Match[str]"]:
    """The matches of ``GLUED_END`` in ``block[s:e]``, searched only in the
    words holding a mark before a capital (``hints``, the starts of
    ``GLUE_HINT`` matches in ``block``).

    Every match ends between such a mark and its capital, and none holds
    whitespace, so searching each of those words alone finds the same
    matches as searching the span (which is slow: the pattern is tried at
    every character).
    """
    searched = s
    for hint in hints[bisect_left(hints, s):]:
        if hint >= e:
            break
        if hint < searched:
            continue
        start = hint
        while start > s and not block[start - 1].isspace():
            start -= 1
        end = hint + 1
        while end < e and not block[end].isspace():
            end += 1
        for m in GLUED_END.finditer(block, start, e):
            if m.start() >= end:
                break
            yield m
        searched = end


def _split_cjk(block: str, spans: List[Span]) -> List[Span]:
    """Split the ``spans`` of ``block`` after Chinese and Japanese end marks.

    Rule cjk-end: Punkt needs whitespace after a sentence end, which CJK
    text does not put there, so "\u6211\u4eec\u53bb\u516c\u56ed\u3002\u5929\u6c14\u5f88\u597d\u3002" was one sentence.  A
    run of ``\u3002`` ``\uff01`` ``\uff1f`` ends a sentence unless a closing
    quote or bracket follows it.
    """
    out: List[Span] = []
    for s, e in spans:
        for m in _CJK_END.finditer(block, s, e):
            out.append((s, m.end()))
            s = m.end()
            while block[s].isspace():  # the lookahead promises a non-space before e
                s += 1
        out.append((s, e))
    return out


def _is_attribution(block: str, s: int, e: int, starters: FrozenSet[str]) -> bool:
    """Whether ``block[s:e]`` opens with a short attribution ("Smith asked.").

    Not when its first word is a sentence starter: '"Is it over?" Nobody
    answered.' is two sentences.
    """
    if not _attribution().match(block, s, e):
        return False
    first = block[s:e].split(None, 1)[0].lower().strip("\"'\u201c\u2018")
    # "I" is capitalised anywhere: '"Are you nuts?" I screamed.'
    return first == "i" or first not in starters


def _move_trailing_enumerators(block: str, spans: List[Span]) -> List[Span]:
    """Rule trailing-enumerator: "Steps: 1. Open the box." -- Punkt ends the
    first piece after "1."; the enumerator moves to the piece it numbers."""
    out = list(spans)
    for i in range(len(out) - 1):
        s, e = out[i]
        m = _TRAILING_ENUMERATOR.search(block, s, e)
        if m:
            out[i] = (s, m.start())
            out[i + 1] = (m.start(1), out[i + 1][1])
    return out


def _correct(block: str, spans: List[Span], starters: FrozenSet[str]) -> List[Span]:
    """Apply the post-Punkt corrections to the sentence ``spans`` of ``block``.

    ``spans`` are offsets into ``block`` as Punkt returned them; the result
    keeps the span contract (ordered, disjoint, no whitespace at either end,
    every non-whitespace character covered).
    """
    out: List[Span] = []
    spans = _move_trailing_enumerators(block, spans)
    for s, e in spans:
        if out:
            prev_s, prev_e = out[-1]
            # Rule quoted-mark-continues.  A bare "?" before a lower-case word
            # is not merged: informal text often starts sentences lower-case.
            if (
                block[prev_e - 1] in _CLOSERS
                and _QUOTED_MARK_END.search(block, max(prev_s, prev_e - 8), prev_e)
                and (block[s].islower() or _is_attribution(block, s, e, starters))
            ):
                out[-1] = (prev_s, e)
                continue
            # Rule name-exclamation: "as popular as Yahoo! and AOL", "on E!
            # channel".  Not for a sentence's first word ("Wow! that was").
            if block[s].islower() and _NAME_BANG.search(block, max(prev_s, prev_e - 40), prev_e):
                out[-1] = (prev_s, e)
                continue
            # Rule dash-continues: a dash before a lower-case word carries the
            # sentence on ("known as Mom B. -- was caught").
            if block[s] in _DASH_FIRST and _DASH_CONTINUES.match(block, s, e):
                out[-1] = (prev_s, e)
                continue
        if out and block[s] in _DEBRIS_FIRST:
            # Rule leading-debris: hand marks that close the previous sentence back to it.
            m = _LEADING_DEBRIS.match(block, s, e)
            if m:
                prev_s, _ = out[-1]
                rest = m.end()
                while rest < e and block[rest].isspace():
                    rest += 1
                if rest >= e or not _ALNUM.search(block, rest, e):
                    out[-1] = (prev_s, e)
                    continue
                out[-1] = (prev_s, m.end())
                s = rest
        out.append((s, e))
    # Rule leading-fragment: a piece that can only open what follows joins
    # the next piece: an enumerator ("2." before '"New cars ...'), an opening
    # quote with an ellipsis ('"... Receiving'), or debris opening the block
    # with nothing before it to close (". . . Start here.").
    merged: List[Span] = []
    carry = -1
    for i, (s, e) in enumerate(out):
        if carry >= 0:
            s, carry = carry, -1
        if i + 1 < len(out) and (
            (_may_open_fragment(block[s]) and _OPENING_FRAGMENT.match(block, s, e))
            or (i == 0 and not _ALNUM.search(block, s, e))
        ):
            carry = s
            continue
        merged.append((s, e))
    return merged
