"""Sentence splitting: Punkt with the project's own parameters, plus layout rules.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters) are not downloaded: they are read from plain text files in
``summarize/data/`` that this project writes and maintains.  Nothing is
learned from the input: the splitter is a pure function of the text.

Around Punkt sit rules for what it cannot see.  They are applied in the
order listed; the names are used in the tests.  Gains on the UD dev sets are
in the commit messages of this module.

Layout (before Punkt):

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
* **list-item** -- a line opening with a bullet or enumerator (``- * \u2022``,
  ``1. 2) (3) a)``) starts a sentence when the bullet is unambiguous, a list
  has begun in the paragraph, the line before ends with ``. ! ? :`` or is a
  hard break.  The marker is hidden from Punkt (so "1." is not a sentence of
  its own) and joins the item's first sentence.

Inside Punkt (parameters from ``summarize/data/``, a few decisions refined
in a subclass):

* **abbreviations** -- ``abbreviations.txt``: a period after one of these is
  not a sentence end unless the next word is a sentence starter
  (``sentence_starters.txt``): "the U.S. Army" stays whole, "in the U.S. The"
  splits.
* **starter-orthography** -- Punkt decides after an initial ("Plan B.") from
  what it knows about the case of the next word.  It is told that the
  sentence starters are ordinary lower-case words, so a capitalised starter
  after an initial opens a sentence while a name ("J. R. R. Tolkien") does
  not.  A one-letter abbreviation ("c." for circa, also "vitamin C.") ends a
  sentence before a starter too.
* **number-abbreviation** -- words in ``number_abbreviations.txt`` are
  abbreviations only before a number: "No. 5" stays whole, "He said no.
  Keys?" splits.
* **dotted-acronym** -- a word of letters each followed by a period
  ("U.S.G.", "V.P.", "W.H.S.") is treated as a listed abbreviation.
* **nonfinal-abbreviation** -- "e.g."-like abbreviations
  (``nonfinal_abbreviations.txt``) lead into the next word and never end a
  sentence: "e.g. The Hobbit", "P.S. I moved".
* **title** -- a title (``titles.txt``) ends a sentence only before a word
  that cannot be a name (``non_names.txt``: pronouns, articles): "Dr. No"
  and "Gen. Jones" stay whole, "She saw the Dr. He was late." splits.
* **ellipsis** -- an ellipsis (``...``, ``. . .`` or ``\u2026``) ends a
  sentence exactly when the next word is capitalised: "Wait... What?"
  splits, "so... maybe" does not.  ``\u2026`` is made a candidate end so
  Punkt sees it at all, and Punkt is shown ``.....`` for ``. . .`` (same
  length, so offsets hold).
* **next-token-context** -- Punkt judges a candidate end from the word
  before it and the next word, but counted a full stop *inside* the next
  word ('3 oz. cups."' split after "oz.", 'like ... people?"' after the
  ellipsis).  Only the next word's first token is shown now.

Corrections (after Punkt, inside one block):

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

Output: each sentence has its whitespace collapsed to single spaces; a line
break right after a hyphen inside a word ("well-" / "known") is dropped, as
wrapping tools break lines there (**hyphen-wrap**).

nltk's Punkt module is loaded on first use, and only that module
(``nltk_modules.load``), so importing this module is cheap and a run never
pays for all of NLTK.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, FrozenSet, Iterator, List, Match, Optional, Pattern, Tuple

from . import nltk_modules
from .datafiles import read_word_list

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktToken

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# A line break after a hyphen between letters: a word wrapped at its hyphen.
_HYPHEN_WRAP = re.compile(r"(?<=\w-)[^\S\n]*\n\s*(?=\w)")

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
_GLUE_HINT = re.compile(r"[.!?\u2026][A-Z]")
# An end mark glued to a capitalised word (rule glued-end): an ellipsis
# after a word character, or a mark after a whole lower-case word.
_GLUED_END = re.compile(
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

# The word after the last whitespace (rule next-token-context).
_LAST_WORD = re.compile(r"\s(\S+)$")

# A spaced ellipsis, ". . ." (rule ellipsis).
_SPACED_ELLIPSIS = re.compile(r"\.(?:[^\S\n]\.){2,}")


def _dots(match: "Match[str]") -> str:
    """Return a run of periods as long as ``match`` (rule ellipsis)."""
    return "." * len(match.group())


# Letters (one or two at a time) each followed by a period: "U.S.G.", "Ph.D.".
_ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}$")

# A list item opens with a bullet or an enumerator and a space (rule
# list-item): "- ", "* ", "\u2022 ", "1. ", "2) ", "(3) ", "a) ", "(b) ".
# Letters need a bracket or must be lower-case: "A. Smith" opens a name.
_LIST_MARKER = re.compile(
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
# Columns of doubt before calling a line short: source text may hold double
# spaces or tabs that a wrapping tool counted and the estimate did not.
_WRAP_SLACK = 3


@lru_cache(maxsize=1)
def _layout_words() -> Tuple[FrozenSet[str], "Pattern[str]"]:
    """Return the continuation words and the attribution pattern, loaded once."""
    continuation = frozenset(w.lower() for w in read_word_list("continuation_words.txt"))
    verbs = "|".join(re.escape(v) for v in read_word_list("speech_verbs.txt"))
    # One to three words then a speech verb closed by punctuation:
    # '"Why?" Smith asked.' but not '"Why?" Officials said the plan ...'.
    attribution = re.compile(r"(?:\S+\s+){1,3}(?:%s)[.,;:!?]" % verbs)
    return continuation, attribution


def _types(name: str) -> FrozenSet[str]:
    """Read a word list as Punkt types: lower-cased, without the final period."""
    return frozenset(w.lower().rstrip(".") for w in read_word_list(name))


@lru_cache(maxsize=None)
def _types_cached(name: str) -> FrozenSet[str]:
    """Return ``_types(name)``, read once."""
    return _types(name)


def _abbreviations() -> FrozenSet[str]:
    """Return the abbreviation types of ``abbreviations.txt``, loaded once."""
    return _types_cached("abbreviations.txt")


@lru_cache(maxsize=1)
def _tokenizer() -> "PunktSentenceTokenizer":
    """Build the Punkt tokenizer once: shipped parameters and the refined decisions."""
    punkt = nltk_modules.load("nltk.tokenize.punkt")
    params = punkt.PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.sent_starters = set(_types_cached("sentence_starters.txt"))
    for word in params.sent_starters:
        # Rule starter-orthography: Punkt trusts a capitalised word after an
        # initial only if it has seen that word lower-case mid-sentence.  We
        # tell it so for the starter words, so "Plan B. The" splits.
        # One-letter words are skipped: "J. I. Smith" must not.
        if len(word) > 1:
            params.add_ortho_context(word, punkt._ORTHO_MID_LC | punkt._ORTHO_BEG_UC)
    nonfinal = _types_cached("nonfinal_abbreviations.txt")
    titles = _types_cached("titles.txt")
    non_names = _types_cached("non_names.txt")
    before_number = _types_cached("number_abbreviations.txt")

    class LanguageVars(punkt.PunktLanguageVars):
        # The one-character ellipsis is a candidate end like "...", so that
        # Punkt splits it off words and asks the second pass about it.
        sent_end_chars = (".", "?", "!", "\u2026")

    # Punkt's candidate contexts ("word" + end mark + whitespace and the
    # next word, or one "non-word" punctuation mark) that need no
    # token-by-token decision (see text_contains_sentbreak).
    lang_vars = LanguageVars()
    non_word = lang_vars._re_non_word_chars
    after = r"(?:\s|%s$)" % non_word
    # A full stop after a word of letters and digits (not digits alone),
    # perhaps after opening quotes or brackets.
    plain_period = re.compile(r"[\"'(\[{\u201c\u2018]*([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)\." + after)
    question_or_bang = re.compile(r"\S*[?!]" + after)
    # A full stop that is a token of its own: after a bracket, quote or other
    # one-character token, or after nothing.
    lone_period = re.compile(r"(?:\S*[)\";}\]*:@({\[])?\." + after)
    # A full stop after a number, before a capital.
    number_period = re.compile(r"[0-9]+\.\s+[A-Z]")
    # An ellipsis after letters (or nothing): the next character decides.
    ellipsis = re.compile(r"[A-Za-z]*\.{2,}(?:\s+(\S)|(%s)$)" % non_word)
    listed = params.abbrev_types | before_number

    class Tokenizer(punkt.PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text: str) -> bool:
            # Fast answers for the common contexts, the same as the full
            # decision below would give (tests/test_sentences.py compares
            # them on every context of the UD and CNN texts and on generated
            # ones).  A full stop after a plain word of two or more
            # characters that is no listed abbreviation is a break: the word
            # is one token, and no rule takes it back (it is no initial,
            # number or ellipsis).  A "?" or "!", or a full stop standing
            # alone, is a token of its own and a break.  After a number, a
            # capital makes Punkt's orthographic test say "break" or
            # "unknown", never "no".  An ellipsis ends a sentence exactly
            # before a capital (rule ellipsis).
            plain = plain_period.match(text)
            if plain is not None:
                word = plain.group(1)
                if len(word) > 1 and word.lower() not in listed:
                    return True
            elif question_or_bang.match(text) or lone_period.match(text) or number_period.match(text):
                return True
            else:
                dots = ellipsis.match(text)
                if dots is not None:
                    return (dots.group(1) or dots.group(2)).isupper()
            return self._full_sentbreak_decision(text)

        def _full_sentbreak_decision(self, text: str) -> bool:
            # Rule next-token-context: Punkt asks this about "word. next" and
            # answers yes if any token but the last is a break, so in
            # 'oz. cups."' the full stop of "cups." (which is followed by the
            # quote) splits after "oz.".  Only the first token of the next
            # word may follow the candidate end.
            # The context is "word" + end mark + (punctuation | space + word),
            # so only the next word follows whitespace.
            m = _LAST_WORD.search(text)
            words = self._lang_vars.word_tokenize(text[: m.start()] if m else text)
            if m:
                first = self._lang_vars._word_tokenizer_re().match(m.group(1))
                if first:
                    words.append(first.group(1))
            # Punkt's two annotation passes, without its generator pipeline
            # (this runs once per candidate end, so it is the hot loop).
            toks = [self._Token(w) for w in words]
            for aug_tok in toks:
                self._first_pass_annotation(aug_tok)
            for aug_tok, next_tok in zip(toks, toks[1:]):
                self._second_pass_annotation(aug_tok, next_tok)
                if aug_tok.sentbreak:
                    return True
            return False

        def _first_pass_annotation(self, aug_tok: PunktToken) -> None:
            super()._first_pass_annotation(aug_tok)
            if aug_tok.sentbreak and aug_tok.period_final and _ACRONYM.match(aug_tok.tok):
                # Rule dotted-acronym: "U.S.G.", "V.P.", "W.H.S." are
                # abbreviations even when not listed; they end a sentence only
                # before a sentence starter, like listed ones.
                aug_tok.sentbreak = False
                aug_tok.abbr = True

        def _second_pass_annotation(
            self, aug_tok1: PunktToken, aug_tok2: Optional[PunktToken]
        ) -> Optional[str]:
            if aug_tok2 is not None and (aug_tok1.ellipsis or aug_tok1.tok == "\u2026"):
                # Rule ellipsis: an ellipsis ends the sentence exactly when the
                # next word is capitalised ("Wait... What?" but "so... maybe").
                aug_tok1.ellipsis = True
                aug_tok1.sentbreak = aug_tok2.first_upper
                return None
            if (
                aug_tok2 is not None
                and aug_tok2.tok[:1].isdigit()
                and aug_tok1.period_final
                and aug_tok1.type_no_period in before_number
            ):
                # Rule number-abbreviation: "No. 5", "p. 45", "No. 1-ranked".
                aug_tok1.sentbreak = False
                aug_tok1.abbr = True
                return None
            reason = super()._second_pass_annotation(aug_tok1, aug_tok2)
            if aug_tok2 is None or not aug_tok1.abbr:
                return reason
            if aug_tok1.type_no_period in nonfinal:
                # Rule nonfinal-abbreviation: "e.g." leads into the next word,
                # so no following word (not even "The") starts a sentence.
                aug_tok1.sentbreak = False
            elif aug_tok1.type_no_period in titles:
                # Rule title: a title leads into a name, so only a word that
                # cannot be one ("He", "The") starts a sentence after it.
                aug_tok1.sentbreak = bool(
                    aug_tok2.first_upper and aug_tok2.type_no_sentperiod in non_names
                )
            elif aug_tok1.is_initial and self._ortho_heuristic(aug_tok2) is True:
                # A one-letter abbreviation ("c." for circa) is also a
                # capital letter ("vitamin C."); Punkt never lets it end a
                # sentence, but a sentence starter after it still does.
                aug_tok1.sentbreak = True
            return reason

    return Tokenizer(params, lang_vars=lang_vars)


def paragraph_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` offsets of the paragraphs of ``text``.

    Paragraphs are separated by blank lines; leading and trailing whitespace
    is excluded from each span; whitespace-only paragraphs are dropped.
    """
    spans: List[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    out: List[Span] = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


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
    hints = [m.start() for m in _GLUE_HINT.finditer(block)]
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
    """The matches of ``_GLUED_END`` in ``block[s:e]``, searched only in the
    words holding a mark before a capital (``hints``, the starts of
    ``_GLUE_HINT`` matches in ``block``).

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
        for m in _GLUED_END.finditer(block, start, e):
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


def _is_attribution(block: str, s: int, e: int, attribution: "Pattern[str]") -> bool:
    """Whether ``block[s:e]`` opens with a short attribution ("Smith asked.").

    Not when its first word is a sentence starter: '"Is it over?" Nobody
    answered.' is two sentences.
    """
    if not attribution.match(block, s, e):
        return False
    first = block[s:e].split(None, 1)[0].lower().strip("\"'\u201c\u2018")
    # "I" is capitalised anywhere: '"Are you nuts?" I screamed.'
    return first == "i" or first not in _types_cached("sentence_starters.txt")


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


def _correct(block: str, spans: List[Span]) -> List[Span]:
    """Apply the post-Punkt corrections to the sentence ``spans`` of ``block``.

    ``spans`` are offsets into ``block`` as Punkt returned them; the result
    keeps the span contract (ordered, disjoint, no whitespace at either end,
    every non-whitespace character covered).
    """
    out: List[Span] = []
    attribution = _layout_words()[1]
    spans = _move_trailing_enumerators(block, spans)
    for s, e in spans:
        if out:
            prev_s, prev_e = out[-1]
            # Rule quoted-mark-continues.  A bare "?" before a lower-case word
            # is not merged: informal text often starts sentences lower-case.
            if (
                block[prev_e - 1] in _CLOSERS
                and _QUOTED_MARK_END.search(block, max(prev_s, prev_e - 8), prev_e)
                and (block[s].islower() or _is_attribution(block, s, e, attribution))
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


def _wrap_width(text: str, paragraphs: List[Span]) -> int:
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
        lines = text[p_start:p_end].split("\n")
        for line, after in zip(lines, lines[1:]):
            after = after.lstrip()
            line = line.rstrip()
            # A line of one long word (a URL) may overflow any wrap width.
            if after[:1].islower() and len(line) > widest and " " in line.strip():
                widest = len(line)
    return max(widest, _MIN_WRAP_WIDTH)


def _layout_cuts(par: str, width: int) -> List[int]:
    """Return offsets in the paragraph ``par`` where line layout starts a sentence.

    Rule list-item: a line opening with a list marker starts a sentence when
    the marker is an unambiguous bullet, a list has already begun in this
    paragraph, the line before ends a clause (``. ! ? :``), or the line before
    is a hard break.  Rule hard-line-break: a line break is hard when the line
    before it is shorter than the wrap ``width`` minus the first word of the
    next line, with ``_WRAP_SLACK`` columns to spare (a wrapping tool would
    have pulled that word up); after a hard
    break a capitalised line starts a sentence, unless the line before ends
    in a comma, dash or continuation word ("and", "the").  Hard-wrapped prose
    never triggers either rule, so it splits exactly as unwrapped text.
    """
    continuation = _layout_words()[0]
    cuts: List[int] = []
    lines = par.split("\n")
    in_list = _LIST_MARKER.match(par) is not None
    prev = lines[0].rstrip()
    offset = len(lines[0]) + 1
    for line in lines[1:]:
        body = line.lstrip()
        body_at = offset + len(line) - len(body)
        offset += len(line) + 1
        body = body.rstrip()
        if not body:
            continue
        first = body.split(None, 1)[0]
        hard = len(prev) + 1 + len(first) + _WRAP_SLACK <= width
        if _LIST_MARKER.match(body):
            if body[0] in _SURE_BULLETS or in_list or hard or prev[-1] in ".!?:":
                cuts.append(body_at)
                in_list = True
        elif hard and prev[-1] not in _CONTINUES_CHARS:
            lead = body.lstrip("\"'\u201c\u2018([")
            last_word = prev.rsplit(None, 1)[-1].lower()
            if lead[:1].isupper() or lead[:1].isdigit():
                if last_word not in continuation:
                    cuts.append(body_at)
        prev = body
    return cuts


def _blocks(text: str, p_start: int, p_end: int, width: int) -> List[Span]:
    """Split the paragraph ``text[p_start:p_end]`` at its layout cuts.

    Returns spans into ``text``, in order, stripped of whitespace at both
    ends, together covering every non-whitespace character of the paragraph.
    """
    if text.find("\n", p_start, p_end) < 0:
        return [(p_start, p_end)]
    bounds = [p_start + c for c in _layout_cuts(text[p_start:p_end], width)]
    out: List[Span] = []
    for s, e in zip([p_start] + bounds, bounds + [p_end]):
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def sentence_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    Spans are in document order, do not overlap, never start or end on
    whitespace, and together cover every non-whitespace character.
    """
    tokenizer = _tokenizer()
    paragraphs = paragraph_spans(text)
    width = _wrap_width(text, paragraphs)
    spans: List[Span] = []
    for p_start, p_end in paragraphs:
        for b_start, b_end in _blocks(text, p_start, p_end, width):
            # A list marker ("1.", "-") is not a sentence of its own: Punkt
            # sees only the item text, and the marker joins its first sentence.
            marker = _LIST_MARKER.match(text, b_start, b_end)
            body_at = marker.end() if marker else b_start
            body = text[body_at:b_end]
            # Rule ellipsis: Punkt reads each dot of ". . ." as a full stop.
            # It is shown a run of dots of the same length instead, so offsets
            # still point into the original text.
            seen = _SPACED_ELLIPSIS.sub(_dots, body) if ". ." in body else body
            pieces = list(tokenizer.span_tokenize(seen))
            if _GLUE_HINT.search(body):
                pieces = _split_glued(body, pieces, _abbreviations())
            if _CJK_MARK.search(body):
                pieces = _split_cjk(body, pieces)
            pieces = _correct(body, pieces)
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
