"""Cuts: the rules applied after Punkt that end a sentence where it sees none.

Private to ``summarize.sentences`` (through ``summarize._corrections``,
which joins and moves pieces afterwards).  Punkt only considers an end mark
followed by whitespace; these rules cut the pieces of one block further
(their names are used in the tests):

* **glued-end** -- informal text drops the space after an end mark, where
  Punkt never looks: "Base...Miramar is north", "great service.The
  staff" and "l'\u00e9t\u00e9.Le lendemain" split (an ellipsis before a capital
  always; a single mark only after a whole word ending in two lower-case
  letters that is no abbreviation, before a capitalised word that is no
  domain part; letters of any alphabet).
* **cjk-end** -- Chinese and Japanese end marks (``\u3002`` ``\uff01``
  ``\uff1f``) end a sentence without the space Punkt needs, unless a
  closing quote or bracket follows them.
* **clock-end** -- a clock time with a dotted "a.m."/"p.m." ("6 P.M.", "7
  a.m.") before a capitalised word ends the sentence unless that word may
  follow a time (``time_followers.txt``: days, months, time zones) or
  "time" comes next: "at 6 P.M. Mr. Smith then went" splits, "at 6 p.m.
  Tuesday", "7 a.m. ET" and "5 p.m. London time" do not.  Only for a
  language with ``time_followers.txt``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, FrozenSet, Iterator, List, Match, Optional, Tuple

from .datafiles import read_word_list

if TYPE_CHECKING:  # pragma: no cover
    from ._punkt import Lexicon

Span = Tuple[int, int]

# Where rule glued-end may cut: an end mark before a letter; only those
# before a capital are kept (``glue_hints``: ``re`` has no class of
# capitals beyond ASCII, and one listing them costs millions of
# instructions to compile).
GLUE_HINT = re.compile(r"[.!?\u2026][^\W\d_]")
# An end mark glued to a word (rule glued-end): an ellipsis after a word
# character, or a mark after a whole word.  Letters of any alphabet: the
# cases asked for (an ellipsis before a capital; a mark between a word
# ending in two lower-case letters and a capitalised, otherwise lower-case
# word) are checked on the match by glued_cut, since ``re`` has no class of
# capitals beyond ASCII ("\u00e9t\u00e9.Le", "\u0433\u043e\u0434\u0430.\u041e\u043d").
GLUED_END = re.compile(
    r"(?<=\w)(?:\.{2,}|\u2026)(?=(?P<after>[^\W\d_]))"
    r"|(?:(?<=[\s\"'(\u201c\u00ab\u201e])|^)(?P<word>[^\W\d_]*[^\W\d_]{2})(?P<marks>[.!?]+)"
    r"(?!(?:Com|Net|Org|Edu|Gov|Info|Biz)\b)"
    r"(?=(?P<next>[^\W\d_]+)(?:[\s,;:!?'\u2019\")\u00bb\u201c]|\.(?:\s|$)|$))"
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



# A clock time with a dotted "a.m."/"p.m." and the two words after it
# (rule clock-end).
_CLOCK = re.compile(r"(?<![\w.])\d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.m\.|[AP]\.M\.)(?=\s+(\S+)(?:\s+(\S+))?)")


@lru_cache(maxsize=None)
def _time_followers(language: str) -> FrozenSet[str]:
    """Capitalised words that may follow a clock time inside a sentence of
    ``language`` (``time_followers.txt``: days, months, time zones)."""
    return frozenset(read_word_list("time_followers.txt", language))


def _split_clock_ends(block: str, spans: List[Span], followers: FrozenSet[str]) -> List[Span]:
    """Rule clock-end: "at 6 P.M. Mr. Smith then went" -- a clock time
    before a capitalised word that is no day, month or time zone
    (``followers``), and not before "time" ("London time"), ends the
    sentence.  Punkt ends one there only before a sentence starter."""
    out: List[Span] = []
    for s, e in spans:
        for m in _CLOCK.finditer(block, s, e):
            word, after = m.group(1), m.group(2) or ""
            cut = m.end()
            if cut >= e or cut <= s:
                continue
            name = word.lstrip("\"'\u201c\u2018([").rstrip(".,;:!?\"'\u201d\u2019)]")
            if name.endswith(("'s", "\u2019s")):
                name = name[:-2]
            if not name[:1].isupper() or name in followers or after.lower().startswith("time"):
                continue
            out.append((s, cut))
            s = cut
            while block[s].isspace():  # the lookahead promises a word before e
                s += 1
        out.append((s, e))
    return out


def cut(block: str, pieces: List[Span], lexicon: "Lexicon") -> List[Span]:
    """The ``pieces`` Punkt cut ``block`` into (offsets into ``block``),
    cut further by rules glued-end, cjk-end and clock-end with the word
    lists of ``lexicon``'s language; each rule runs only when the block
    holds what it looks for."""
    hints = glue_hints(block)
    if hints:
        pieces = _split_glued(block, pieces, lexicon.abbreviations, hints)
    if not block.isascii() and _CJK_MARK.search(block):
        pieces = _split_cjk(block, pieces)
    if (".m." in block or ".M." in block) and _time_followers(lexicon.language):
        pieces = _split_clock_ends(block, pieces, _time_followers(lexicon.language))
    return pieces


def glue_hints(block: str) -> List[int]:
    """The offsets in ``block`` of the end marks right before a capital
    letter (of any alphabet): the only places rule glued-end may cut.  Most
    blocks have none ("U.S." has one, "a.m." and "www.cnn.com" none)."""
    return [m.start() for m in GLUE_HINT.finditer(block) if block[m.end() - 1].isupper()]


def _split_glued(block: str, spans: List[Span], abbrevs: FrozenSet[str], hints: Optional[List[int]] = None) -> List[Span]:
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
    if hints is None:
        hints = glue_hints(block)
    for s, e in spans:
        for m in _glued_ends(block, s, e, hints):
            if not glued_cut(m, abbrevs):
                continue
            cut = m.end()
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def glued_cut(m: "Match[str]", abbrevs: FrozenSet[str]) -> bool:
    """Whether a match of ``GLUED_END`` is a sentence end (rule glued-end).

    An ellipsis before a capital always is; a mark after a word is when the
    word ends in two lower-case letters and is no abbreviation and the next
    word is capitalised and otherwise lower-case ("service.The", "\u00e9t\u00e9.Le").
    A word match whose marks begin with an ellipsis before a capital
    ("word...ABC") is an ellipsis end.
    """
    word = m.group("word")
    if word is None:
        return m.group("after").isupper()
    after = m.group("next")
    if not after[0].isupper():
        return False
    if word[-2:].islower() and (len(after) == 1 or after[1:].islower()):
        return word.lower() not in abbrevs
    return m.group("marks").startswith("..")


def _glued_ends(block: str, s: int, e: int, hints: List[int]) -> Iterator["Match[str]"]:
    """The matches of ``GLUED_END`` in ``block[s:e]``, searched only in the
    words holding a mark before a capital (``hints``, the starts of
    ``glue_hints`` of ``block``).

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
        # The word and the character after it (what the pattern's lookahead
        # reads): searching on to the span's end made a long run-on sentence
        # of dotted words ("U.S") quadratic.
        for m in GLUED_END.finditer(block, start, min(e, end + 1)):
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
