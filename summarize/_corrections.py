"""Corrections: the rules applied after Punkt, to the pieces of one block.

Private to ``summarize.sentences``.  Punkt cuts a block into pieces; the
rules of ``summarize._cuts`` first cut where it cannot see an end
(glued-end, cjk-end, clock-end), then these join where it cut wrongly or
move what it left on the wrong side.  The rules (their names are used in
the tests):

* **ordinal** -- German (and Danish, Norwegian, Finnish, Czech, Polish)
  writes an ordinal number with a full stop: "am 13. Mai", "im 15.
  Jahrhundert".  A piece ending in a number of one to three digits and a
  full stop joins the next when the next word is a month or a noun that
  follows ordinals (``months.txt``, ``ordinal_nouns.txt``), or when the
  word before the number announces an ordinal (``ordinal_words.txt``:
  "am", "im", "vom") and the next word is no sentence starter.  A year
  ("im Jahr 2005.") has four digits and still ends the sentence.  Only for
  a language with ``ordinal_words.txt``.
* **trailing-enumerator** -- in "Steps: 1. Open the box." Punkt ends a
  sentence after "1."; an enumerator right after a colon moves to the
  sentence it numbers.
* **quoted-mark-continues** -- a ``?`` or ``!`` (or ellipsis) closed by a
  quote or bracket does not end the sentence when a lower-case word follows,
  or a short attribution (one to three words, the first not a sentence
  starter, a verb from ``speech_verbs.txt``, punctuation): ``"Why?" he
  asked.`` and ``"Why?" Smith asked.`` are one sentence each, '"Over?"
  Nobody answered.' is two.  (Punkt always cuts after ``?``.)  The closing
  marks are the language's (``quotes.txt``), after the space French puts
  before them: "\u00ab Pourquoi ? \u00bb dit-il."
* **quoted-stop-continues** -- a full stop closed by a quotation mark does
  not end the sentence when an attribution follows: a lower-case word with
  a speech verb among the first three words ('"This is great." she said.',
  '\u201cIt is.\u201d said the guard').  Not before a capital: a name and a
  verb there more often lead into the next quotation ('... show." Co-host
  Richard Hammond tweeted: "Gutted ..."').
* **bracketed-sentence-continues** -- a sentence in brackets inside another
  ("He teaches science (He worked as an engineer.) at the University.")
  does not end it: a piece ending in an end mark and ")" joins a next piece
  that opens lower-case, from the piece where its "(" stands, when that
  "(" is inside a sentence.  "Is it? (It is.) Fine." stays three.
* **name-exclamation** -- a capitalised word glued to a single ``!`` inside a
  sentence and followed by a lower-case word is a name ("as popular as
  Yahoo! and AOL", "on E! channel"), not an end (capitals of any
  alphabet: "\u00d6sterreich!").
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
from functools import lru_cache
from typing import TYPE_CHECKING, FrozenSet, List, Optional, Pattern, Tuple

from ._cuts import cut
from .datafiles import DEFAULT_LANGUAGE, lower_words, read_word_list

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

# A sentence end closed by a bracket (rule bracketed-sentence-continues),
# and how far back its opening bracket is looked for.
_BRACKET_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019]?\)$")
_BRACKET_REACH = 600

# An enumerator ending a piece right after a colon (rule trailing-enumerator).
_TRAILING_ENUMERATOR = re.compile(r"(?<=:)\s+(\(?\d{1,3}[.)])$")

# A word glued to one "!", after another word (rule name-exclamation):
# "Yahoo!", "E!".  Any letter here, the case checked in code (``re`` has no
# class of capitals beyond ASCII): "\u00d6sterreich!" too.
_NAME_BANG = re.compile(r"\S\s+([^\W\d_])[\w'-]*!$")

# A piece opening with a dash and a letter (rule dash-continues; the
# letter must be lower-case, checked in code).
_DASH_CONTINUES = re.compile(r"(?:--+|\u2014|\u2013)\s*([^\W\d_])")

# A piece ending in a number of one to three digits and a full stop, with
# the word before it (rule ordinal).
_ORDINAL_END = re.compile(r"(?:(?<=\s)|^)(?:([^\W\d_]+)\s+)?\d{1,3}\.$")

@lru_cache(maxsize=None)
def _attribution(language: str = DEFAULT_LANGUAGE) -> "Pattern[str]":
    """One to three words then a speech verb of ``language`` closed by
    punctuation: '"Why?" Smith asked.' but not '"Why?" Officials said the
    plan ...'."""
    verbs = "|".join(re.escape(v) for v in read_word_list("speech_verbs.txt", language)) or r"(?!)"
    return re.compile(r"(?:\S+\s+){1,3}(?:%s)[.,;:!?]" % verbs)


@lru_cache(maxsize=None)
def _lower_attribution(language: str = DEFAULT_LANGUAGE) -> "Pattern[str]":
    """A speech verb of ``language`` as one of the first three words: "she
    said.", "said the officer", "the officer told reporters" (the first
    word's case is checked in code)."""
    verbs = "|".join(re.escape(v) for v in read_word_list("speech_verbs.txt", language)) or r"(?!)"
    return re.compile(r"(?:[^\s,;:.!?]+\s+){0,2}(?:%s)(?![\w'\u2019-])" % verbs)


# A full stop closed by a quotation mark (rule quoted-stop-continues; the
# marks are the language's closers, brackets excluded).
@lru_cache(maxsize=None)
def _quoted_stop_end(quotes: str) -> "Pattern[str]":
    return re.compile(r"\.(?:[^\S\n]?[%s])+$" % re.escape(quotes))


@lru_cache(maxsize=None)
def _quoted_mark_end(closers: str) -> "Pattern[str]":
    """``_QUOTED_MARK_END`` with the closing marks ``closers`` of a language
    with ``quotes.txt``, allowing the space French puts before "?", "!"
    and "\u00bb" ("\u00ab Pourquoi ? \u00bb dit-il")."""
    return re.compile(r"[?!\u2026](?:[^\S\n]?[%s])+$" % re.escape(closers))


@lru_cache(maxsize=None)
def _ordinal_words(language: str) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """``(words before an ordinal, words after one)`` of ``language``, lower
    case (rule ordinal): ``ordinal_words.txt``; ``months.txt`` and
    ``ordinal_nouns.txt``.  Both empty without ``ordinal_words.txt``."""
    before = lower_words("ordinal_words.txt", language)
    if not before:
        return before, frozenset()
    after = frozenset(
        w.lower().rstrip(".") for name in ("months.txt", "ordinal_nouns.txt") for w in read_word_list(name, language)
    )
    return before, after


def correct(block: str, pieces: List[Span], lexicon: "Lexicon") -> List[Span]:
    """The sentence spans of ``block`` after every correction, from the
    ``pieces`` Punkt cut it into (offsets into ``block``), with the word
    lists of ``lexicon``'s language.

    The result keeps the span contract (ordered, disjoint, no whitespace at
    either end, every non-whitespace character covered).
    """
    return _correct(block, cut(block, pieces, lexicon), lexicon)


def _is_attribution(block: str, s: int, e: int, lexicon: "Lexicon") -> bool:
    """Whether ``block[s:e]`` opens with a short attribution ("Smith asked.").

    Not when its first word is a sentence starter: '"Is it over?" Nobody
    answered.' is two sentences.
    """
    if not _attribution(lexicon.language).match(block, s, e):
        return False
    first = block[s:e].split(None, 1)[0].lower().strip("\"'\u201c\u2018")
    # English "I" is capitalised anywhere: '"Are you nuts?" I screamed.'
    return (first == "i" and lexicon.language == "en") or first not in lexicon.starters


def _bracket_opening(block: str, out: List[Span], close: int) -> Optional[int]:
    """The index of the piece of ``out`` holding the "(" that the ")" at
    ``close`` (at the end of ``out[-1]`` or just after it) closes, when that
    "(" stands inside its sentence (not at its start); ``None`` otherwise.
    Looks back ``_BRACKET_REACH`` characters at most, so a long run of
    brackets costs no more than its length."""
    depth = 0
    i = len(out) - 1
    limit = max(0, close - _BRACKET_REACH)
    at = close - 1
    while i >= 0 and at >= limit:
        start = out[i][0]
        while at >= start and at >= limit:
            char = block[at]
            if char == ")":
                depth += 1
            elif char == "(":
                if depth == 0:
                    return i if at > start else None
                depth -= 1
            at -= 1
        i -= 1
    return None


def _move_trailing_enumerators(block: str, spans: List[Span]) -> List[Span]:
    """Rule trailing-enumerator: "Steps: 1. Open the box." -- Punkt ends the
    first piece after "1."; the enumerator moves to the piece it numbers."""
    out = list(spans)
    for i in range(len(out) - 1):
        s, e = out[i]
        # A cheap test first: the enumerator ends the piece (or its final
        # line break, which "$" passes over) with a digit and "." or ")".
        last = e - 1 if block[e - 1] == "\n" else e
        if block[last - 1] not in ".)" or not block[last - 2].isdigit():
            continue
        m = _TRAILING_ENUMERATOR.search(block, s, e)
        if m:
            out[i] = (s, m.start())
            out[i + 1] = (m.start(1), out[i + 1][1])
    return out


def _join_ordinals(block: str, spans: List[Span], language: str, starters: FrozenSet[str]) -> List[Span]:
    """Rule ordinal (see the module docstring): "am 13. Mai", "im 15.
    Jahrhundert", "der 35. Tagung" are not sentence ends."""
    before, after = _ordinal_words(language)
    if not before:
        return spans
    out: List[Span] = []
    for s, e in spans:
        if out:
            prev_s, prev_e = out[-1]
            m = _ORDINAL_END.search(block, max(prev_s, prev_e - 40), prev_e)
            if m is not None:
                nxt = block[s:e].split(None, 1)[0].strip(".,;:!?\"'\u201c\u201d\u201e\u00bb\u00ab()").lower()
                word = (m.group(1) or "").lower()
                if nxt in after or (word in before and nxt not in starters):
                    out[-1] = (prev_s, e)
                    continue
        out.append((s, e))
    return out


def _correct(block: str, spans: List[Span], lexicon: "Lexicon") -> List[Span]:
    """Apply the post-Punkt corrections to the sentence ``spans`` of ``block``.

    ``spans`` are offsets into ``block`` as Punkt returned them; the result
    keeps the span contract (ordered, disjoint, no whitespace at either end,
    every non-whitespace character covered).
    """
    out: List[Span] = []
    if lexicon.quotes is None:
        closers, quoted_mark_end = _CLOSERS, _QUOTED_MARK_END
    else:
        closers = lexicon.quotes[1] + ")]"
        quoted_mark_end = _quoted_mark_end(closers)
    quote_closers = closers.replace(")", "").replace("]", "")
    quoted_stop_end = _quoted_stop_end(quote_closers)
    spans = _move_trailing_enumerators(block, spans)
    spans = _join_ordinals(block, spans, lexicon.language, lexicon.starters)
    for s, e in spans:
        if out:
            prev_s, prev_e = out[-1]
            # Rule quoted-mark-continues.  A bare "?" before a lower-case word
            # is not merged: informal text often starts sentences lower-case.
            if (
                block[prev_e - 1] in closers
                and quoted_mark_end.search(block, max(prev_s, prev_e - 8), prev_e)
                and (block[s].islower() or _is_attribution(block, s, e, lexicon))
            ):
                out[-1] = (prev_s, e)
                continue
            # Rule quoted-stop-continues: '"This is great." she said.'
            if (
                block[prev_e - 1] in quote_closers
                and quoted_stop_end.search(block, max(prev_s, prev_e - 8), prev_e)
                and block[s].islower()
                and _lower_attribution(lexicon.language).match(block, s, e)
            ):
                out[-1] = (prev_s, e)
                continue
            # Rule bracketed-sentence-continues: "He teaches science (He
            # worked as an engineer.) at the University."
            # Punkt leaves the bracket to the next piece before a comma:
            # "engineer.), and he".
            if block[s] == ")" and block[s + 1:s + 2] in (",", ";", ":") and block[prev_e - 1] in ".!?\u2026\"'\u201d\u2019":
                found = _bracket_opening(block, out, s)
                opened = len(out) - 1 if found is None else found
                out[opened:] = [(out[opened][0], e)]
                continue
            if block[prev_e - 1] == ")" and block[s].islower() and _BRACKET_END.search(block, max(prev_s, prev_e - 4), prev_e):
                inside = _bracket_opening(block, out, prev_e - 1)
                if inside is not None:
                    out[inside:] = [(out[inside][0], e)]
                    continue
            # Rule name-exclamation: "as popular as Yahoo! and AOL", "on E!
            # channel".  Not for a sentence's first word ("Wow! that was").
            if block[s].islower():
                bang = _NAME_BANG.search(block, max(prev_s, prev_e - 40), prev_e)
                if bang is not None and bang.group(1).isupper():
                    out[-1] = (prev_s, e)
                    continue
            # Rule dash-continues: a dash before a lower-case word carries the
            # sentence on ("known as Mom B. -- was caught").
            if block[s] in _DASH_FIRST:
                dash = _DASH_CONTINUES.match(block, s, e)
                if dash is not None and dash.group(1).islower():
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
