"""Sentence splitting: Punkt with the project's own parameters, plus layout rules.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters) are not downloaded: they are read from plain text files in
``summarize/data/`` that this project writes and maintains.  Nothing is
learned from the input: the splitter is a pure function of the text.

Around Punkt sit rules for what it cannot see.  Each is applied in this
order; the names are used in the tests.

Layout (before Punkt):

* **blank-line** -- a blank line always ends a sentence (paragraphs are split
  first and never joined).

Punkt parameters (``summarize/data/``):

* **abbreviations** -- ``abbreviations.txt``: a period after one of these is
  not a sentence end unless the next word is a sentence starter
  (``sentence_starters.txt``): "the U.S. Army" stays whole, "in the U.S. The"
  splits.
* **starter-orthography** -- Punkt decides after an initial ("Plan B.") from
  what it knows about the case of the next word.  It is told that the
  sentence starters are ordinary lower-case words, so a capitalised starter
  after an initial opens a sentence while a name ("J. R. R. Tolkien") does
  not.
* **nonfinal-abbreviation** -- titles and "e.g."-like abbreviations
  (``nonfinal_abbreviations.txt``) lead into the next word and never end a
  sentence: "e.g. The Hobbit", "Gen. Jones".

* **ellipsis** -- an ellipsis (``...`` or ``\u2026``) ends a sentence exactly
  when the next word is capitalised: "Wait... What?" splits, "so... maybe"
  does not.  ``\u2026`` is made a candidate end so Punkt sees it at all.

Corrections (after Punkt, inside one block):

* **quoted-mark-continues** -- a ``?`` or ``!`` (or ellipsis) closed by a quote
  or bracket and followed by a lower-case word does not end the sentence:
  ``"Why?" he asked.`` is one sentence.  (Punkt always cuts after ``?``.)
* **leading-debris** -- a sentence never starts with material that belongs
  to the end of the one before: runs of ``. ! ?``, citation markers such as
  ``[12]`` or ``[...]``, and emoticons such as ``:)``.  Punkt cuts runs like
  ``!!!`` before their last mark and leaves a footnote marker that follows a
  full stop at the start of the next sentence; both move back to the
  sentence they close.  A piece left with no letter or digit at all joins
  the previous sentence.

nltk is imported on first use, so importing this module is cheap.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, List, Optional, Set, Tuple

from .datafiles import read_word_list

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WHITESPACE = re.compile(r"\s+")

# What may open a Punkt piece but belongs to the sentence before it (rule
# leading-debris): end-of-sentence marks with their closing quotes, citation
# markers, emoticons.  Each item must be followed by whitespace or the end.
_DEBRIS_ITEM = (
    r"(?:[.!?\u2026]+[\"'\u201d\u2019)\]]*"
    r"|\[(?:\d{1,3}(?:[-\u2013,]\s?\d{1,3})*|[a-z]|\.\.\.|\u2026|citation needed)\]"
    r"|[:;]-?[()DPp](?![\w]))"
)
_LEADING_DEBRIS = re.compile(r"%s(?:\s*%s)*(?=\s|$)" % (_DEBRIS_ITEM, _DEBRIS_ITEM))
_ALNUM = re.compile(r"\w")
# A question or exclamation mark closed by a quote or bracket (rule
# quoted-mark-continues): '"Why?" he asked.'
_QUOTED_MARK_END = re.compile(r"[?!\u2026][\"'\u201d\u2019)\]]+$")


@lru_cache(maxsize=1)
def _tokenizer() -> "PunktSentenceTokenizer":
    """Build the Punkt tokenizer once: shipped parameters plus rule nonfinal-abbreviation."""
    from nltk.tokenize.punkt import (
        _ORTHO_BEG_UC,
        _ORTHO_MID_LC,
        PunktLanguageVars,
        PunktParameters,
        PunktSentenceTokenizer,
        PunktToken,
    )

    def types(name: str) -> Set[str]:
        # Punkt stores types lower-cased and without the final period.
        return {w.lower().rstrip(".") for w in read_word_list(name)}

    params = PunktParameters()
    params.abbrev_types = types("abbreviations.txt")
    params.sent_starters = types("sentence_starters.txt")
    for word in params.sent_starters:
        # Rule starter-orthography: Punkt trusts a capitalised word after an
        # initial only if it has seen that word lower-case mid-sentence.  We
        # tell it so for the starter words, so "Plan B. The" splits.
        # One-letter words are skipped: "J. I. Smith" must not.
        if len(word) > 1:
            params.add_ortho_context(word, _ORTHO_MID_LC | _ORTHO_BEG_UC)
    nonfinal = frozenset(types("nonfinal_abbreviations.txt"))

    class LanguageVars(PunktLanguageVars):
        # The one-character ellipsis is a candidate end like "...", so that
        # Punkt splits it off words and asks the second pass about it.
        sent_end_chars = (".", "?", "!", "\u2026")

    class Tokenizer(PunktSentenceTokenizer):
        def _second_pass_annotation(
            self, aug_tok1: PunktToken, aug_tok2: Optional[PunktToken]
        ) -> Optional[str]:
            if aug_tok2 is not None and (aug_tok1.ellipsis or aug_tok1.tok == "\u2026"):
                # Rule ellipsis: an ellipsis ends the sentence exactly when the
                # next word is capitalised ("Wait... What?" but "so... maybe").
                aug_tok1.ellipsis = True
                aug_tok1.sentbreak = aug_tok2.first_upper
                return None
            reason = super()._second_pass_annotation(aug_tok1, aug_tok2)
            # Rule nonfinal-abbreviation: a title or "e.g." leads into the
            # next word, so no following word (not even "The") starts a sentence.
            if aug_tok2 is not None and aug_tok1.abbr and aug_tok1.type_no_period in nonfinal:
                aug_tok1.sentbreak = False
            return reason

    return Tokenizer(params, lang_vars=LanguageVars())


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
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


def _correct(block: str, spans: List[Span]) -> List[Span]:
    """Apply the post-Punkt corrections to the sentence ``spans`` of ``block``.

    ``spans`` are offsets into ``block`` as Punkt returned them; the result
    keeps the span contract (ordered, disjoint, no whitespace at either end,
    every non-whitespace character covered).
    """
    out: List[Span] = []
    for s, e in spans:
        if out and block[s].islower():
            prev_s, prev_e = out[-1]
            tail = block[max(prev_s, prev_e - 8):prev_e]
            # Rule quoted-mark-continues.  A bare "?" before a lower-case word
            # is not merged: informal text often starts sentences lower-case.
            if _QUOTED_MARK_END.search(tail):
                out[-1] = (prev_s, e)
                continue
        if out:
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
    return out


def sentence_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    Spans are in document order, do not overlap, never start or end on
    whitespace, and together cover every non-whitespace character.
    """
    tokenizer = _tokenizer()
    spans: List[Span] = []
    for p_start, p_end in paragraph_spans(text):
        block = text[p_start:p_end]
        for s, e in _correct(block, list(tokenizer.span_tokenize(block))):
            spans.append((p_start + s, p_start + e))
    return spans


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and strip the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def split_sentences(text: str) -> List[str]:
    """Split ``text`` into sentences.

    Returns the sentences in document order, each with its internal
    whitespace collapsed to single spaces (a hard-wrapped sentence comes back
    on one line).  No non-whitespace character is lost or changed.  A blank
    line always ends a sentence; a single newline does not.  Empty or
    whitespace-only text gives ``[]``.  Pure: the same text always gives the
    same sentences, and nothing is learned from the input.
    """
    return [normalize_space(text[s:e]) for s, e in sentence_spans(text)]
