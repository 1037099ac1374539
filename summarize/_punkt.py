"""The Punkt engine: NLTK's Punkt with the project's parameters and refined decisions.

Private to ``summarize.sentences``, which imports this module on first use:
importing it loads NLTK's Punkt module (``nltk_modules.load``, never all of
NLTK).  Nothing is learned from the input: the parameters come from the
word lists of one language in ``summarize/data/<language>/`` (a
``Lexicon``), read once per language; each language has its own
``Tokenizer`` (``tokenizer(language)``).

The rules applied inside Punkt (their names are used in the tests):

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
* **elided-abbreviation** -- French and Italian glue an elided article to
  the next word ("l'art. 12", "dall'art. 12"): Punkt's token is "'art.",
  and the abbreviation is what follows the apostrophe (``elisions.txt``:
  the elided words).
* **opening-mark** -- "\u00bf" and "\u00a1" only ever open a sentence
  ("etc. \u00bfQu\u00e9"): after an abbreviation they start one, though
  Punkt sees no capital.
* **quote-pairs** -- after an end mark, Punkt moves quotation marks and
  brackets followed by a space back to the sentence before.  NLTK lists
  opening marks there too, which left French "\u00ab" (always followed by a
  space) at the end of the sentence before it: for a language with a
  ``quotes.txt`` only its closing marks move back (English keeps NLTK's
  list).
* **opening-typography** -- a curly quote, guillemet or dash before a word
  is a token of its own, as a straight quote or bracket is, so the word
  after it is judged alone: "\u201cMr. Bennet", "\u00abM. Bovary",
  "\u2014Dr. Birx" and "voice\u2014Dr. Birx" keep their title.  A dash also
  ends the word before it.
* **next-token-context** -- Punkt judges a candidate end from the word
  before it and the next word, but counted a full stop *inside* the next
  word ('3 oz. cups."' split after "oz.", 'like ... people?"' after the
  ellipsis).  Only the next word's first token is shown now.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, FrozenSet, Optional, Tuple

from . import nltk_modules
from .datafiles import DEFAULT_LANGUAGE, lower_words, read_word_list, word_types

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktToken

punkt: Any = nltk_modules.load("nltk.tokenize.punkt")

# A spaced ellipsis, ". . ." (rule ellipsis).
_SPACED_ELLIPSIS = re.compile(r"\.(?:[^\S\n]\.){2,}")
# The word after the last whitespace (rule next-token-context).
LAST_WORD = re.compile(r"\s(\S+)$")
# Letters (one or two at a time) each followed by a period: "U.S.G.", "Ph.D.".
ACRONYM = re.compile(r"(?:[^\W\d_]{1,2}\.){2,}$")


# The English quotation marks: what a language without ``quotes.txt`` uses.
ENGLISH_QUOTES = ("\"'\u201c\u2018", "\"'\u201d\u2019")
# Marks that only ever open a sentence (rule opening-mark).
SENTENCE_OPENERS = "\u00bf\u00a1"


@dataclass(frozen=True)
class Lexicon:
    """The word lists the splitter reads for one ``language``.

    As Punkt types (lower-cased, without a final period):
    ``abbreviations``, ``starters`` (words that open sentences),
    ``nonfinal`` ("e.g."), ``titles`` ("Dr."), ``non_names`` (words that
    cannot follow a title in a name: "He", "The") and ``before_number``
    ("No." before a number).  ``elisions``: the lower-case words written
    elided before an apostrophe ("l" of "l'art."; rule
    elided-abbreviation).  ``quotes``: ``(opening marks, closing marks)``
    of ``quotes.txt``, or ``None`` without one (English: NLTK's
    realignment list and ``ENGLISH_QUOTES``).
    """

    language: str
    abbreviations: FrozenSet[str]
    starters: FrozenSet[str]
    nonfinal: FrozenSet[str]
    titles: FrozenSet[str]
    non_names: FrozenSet[str]
    before_number: FrozenSet[str]
    elisions: FrozenSet[str] = frozenset()
    quotes: Optional[Tuple[str, str]] = None

    @property
    def closers(self) -> str:
        """The closing quotation marks (a mark that closes some pair counts,
        even if it opens another)."""
        return (self.quotes or ENGLISH_QUOTES)[1]


@lru_cache(maxsize=None)
def lexicon(language: str = DEFAULT_LANGUAGE) -> Lexicon:
    """The word lists of ``summarize/data/<language>/``, read once per language."""
    return Lexicon(
        language=language,
        abbreviations=word_types("abbreviations.txt", language),
        starters=word_types("sentence_starters.txt", language),
        nonfinal=word_types("nonfinal_abbreviations.txt", language),
        titles=word_types("titles.txt", language),
        non_names=word_types("non_names.txt", language),
        before_number=word_types("number_abbreviations.txt", language),
        elisions=lower_words("elisions.txt", language),
        quotes=quote_marks(language),
    )


def quote_marks(language: str) -> Optional[Tuple[str, str]]:
    """``(openers, closers)``: the quotation marks of ``quotes.txt`` (one
    pair a line), or ``None`` when the language has no such list.

    A mark that closes some pair counts as a closer even if it opens
    another (German "\u201c" closes \u201e\u2026\u201c and opens
    \u201c\u2026\u201d): after an end mark it stays with the sentence
    before.  The straight quotes close as often as they open: they are
    always closers.
    """
    pairs = [entry.split() for entry in read_word_list("quotes.txt", language)]
    if not pairs:
        return None
    closers = "".join(dict.fromkeys(["\"", "'"] + [close for _, close in pairs]))
    openers = "".join(dict.fromkeys(o for o, _ in pairs if o not in closers))
    return openers, closers


def unelided(typ: str, elisions: FrozenSet[str]) -> str:
    """The Punkt type ``typ`` without an elided word before its apostrophe
    (rule elided-abbreviation): "'art" and "l'art" are "art" when "l" is
    one of ``elisions``; other types (all of them for a language without
    elisions) are returned as they are."""
    if not elisions:
        return typ
    typ = typ.replace("\u2019", "'")
    if typ.startswith("'"):
        return typ[1:]
    head, mark, rest = typ.partition("'")
    return rest if mark and head in elisions else typ


def shown_to_punkt(text: str) -> str:
    """``text`` as Punkt is shown it (rule ellipsis): each ". . ." as a run
    of dots of the same length, so offsets still point into ``text``."""
    if ". ." not in text:
        return text
    return _SPACED_ELLIPSIS.sub(lambda match: "." * len(match.group()), text)


# NLTK has no type information: its classes are Any to the type checker,
# and subclassing Any is what the two ignores below allow.
class LanguageVars(punkt.PunktLanguageVars):  # type: ignore[misc]
    # The one-character ellipsis is a candidate end like "...", so that
    # Punkt splits it off words and asks the second pass about it.
    sent_end_chars = (".", "?", "!", "\u2026")
    # Rule opening-typography: NLTK lets a word start with any mark but
    # straight quotes, brackets and hyphens, so "\u201cMr." and "\u00abM." were
    # one token whose type is no abbreviation.  Curly quotes, guillemets and
    # dashes are tokens of their own before a word, like "(" and '"'; a dash
    # also ends a word ("voice\u2014Dr. Birx").
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u203a\u2014\u2013]"

    @property
    def _re_non_word_chars(self) -> str:
        chars: str = super()._re_non_word_chars
        return chars[:-2] + "\u2014\u2013])"

    def __init__(self, closers: Optional[str] = None) -> None:
        super().__init__()
        if closers is not None:
            # Rule quote-pairs: only these closing marks (and brackets)
            # move back to the sentence before.
            self.re_boundary_realignment = re.compile(r"[%s)\]}]+?(?:\s+|(?=--)|$)" % re.escape(closers), re.MULTILINE)


# Punkt's candidate contexts ("word" + end mark + whitespace and the next
# word, or one "non-word" punctuation mark) that need no token-by-token
# decision (see Tokenizer.text_contains_sentbreak).
_NON_WORD = LanguageVars()._re_non_word_chars
_AFTER = r"(?:\s|%s$)" % _NON_WORD
# A full stop after a word of letters and digits (not digits alone),
# perhaps after opening quotes or brackets.
_PLAIN_PERIOD = re.compile(r"[\"'(\[{\u201c\u2018]*([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)\." + _AFTER)
_QUESTION_OR_BANG = re.compile(r"\S*[?!]" + _AFTER)
# A full stop that is a token of its own: after a bracket, quote or other
# one-character token, or after nothing.
_LONE_PERIOD = re.compile(r"(?:\S*[)\";}\]*:@({\[])?\." + _AFTER)
# A full stop after a number, before a capital.
_NUMBER_PERIOD = re.compile(r"[0-9]+\.\s+[A-Z]")
# An ellipsis after letters (or nothing): the next character decides.
_ELLIPSIS = re.compile(r"[A-Za-z]*\.{2,}(?:\s+(\S)|(%s)$)" % _NON_WORD)


class Tokenizer(punkt.PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt with the parameters of a ``Lexicon`` and the rules above."""

    def __init__(self, lexicon: Lexicon) -> None:
        params = punkt.PunktParameters()
        params.abbrev_types = set(lexicon.abbreviations)
        params.sent_starters = set(lexicon.starters)
        for word in params.sent_starters:
            # Rule starter-orthography: Punkt trusts a capitalised word after an
            # initial only if it has seen that word lower-case mid-sentence.  We
            # tell it so for the starter words, so "Plan B. The" splits.
            # One-letter words are skipped: "J. I. Smith" must not.
            if len(word) > 1:
                params.add_ortho_context(word, punkt._ORTHO_MID_LC | punkt._ORTHO_BEG_UC)
        super().__init__(params, lang_vars=LanguageVars(lexicon.quotes[1] if lexicon.quotes else None))
        self._lexicon = lexicon
        self._listed = lexicon.abbreviations | lexicon.before_number

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
        plain = _PLAIN_PERIOD.match(text)
        if plain is not None:
            word = plain.group(1)
            if len(word) > 1 and word.lower() not in self._listed:
                return True
        elif _QUESTION_OR_BANG.match(text) or _LONE_PERIOD.match(text) or _NUMBER_PERIOD.match(text):
            return True
        else:
            dots = _ELLIPSIS.match(text)
            if dots is not None:
                return (dots.group(1) or dots.group(2)).isupper()
        return self.full_sentbreak_decision(text)

    def full_sentbreak_decision(self, text: str) -> bool:
        # Rule next-token-context: Punkt asks this about "word. next" and
        # answers yes if any token but the last is a break, so in
        # 'oz. cups."' the full stop of "cups." (which is followed by the
        # quote) splits after "oz.".  Only the first token of the next
        # word may follow the candidate end.
        # The context is "word" + end mark + (punctuation | space + word),
        # so only the next word follows whitespace.
        m = LAST_WORD.search(text)
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
        elisions = self._lexicon.elisions
        if elisions and aug_tok.sentbreak and aug_tok.period_final and "'" in aug_tok.tok.replace("\u2019", "'"):
            if unelided(aug_tok.type_no_period, elisions) in self._lexicon.abbreviations:
                # Rule elided-abbreviation: "l'art." is the abbreviation "art.".
                aug_tok.sentbreak = False
                aug_tok.abbr = True
                return
        if aug_tok.sentbreak and aug_tok.period_final and ACRONYM.match(aug_tok.tok):
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
            and (
                aug_tok1.type_no_period in self._lexicon.before_number
                or unelided(aug_tok1.type_no_period, self._lexicon.elisions) in self._lexicon.before_number
            )
        ):
            # Rule number-abbreviation: "No. 5", "p. 45", "No. 1-ranked".
            aug_tok1.sentbreak = False
            aug_tok1.abbr = True
            return None
        reason: Optional[str] = super()._second_pass_annotation(aug_tok1, aug_tok2)
        if aug_tok2 is None or not aug_tok1.abbr:
            return reason
        if aug_tok2.tok[:1] in SENTENCE_OPENERS:
            # Rule opening-mark: "\u00bf" and "\u00a1" only ever open a sentence
            # ("etc. \u00bfQu\u00e9"); Punkt sees no capital and would not split.
            aug_tok1.sentbreak = True
        elif aug_tok1.type_no_period in self._lexicon.nonfinal:
            # Rule nonfinal-abbreviation: "e.g." leads into the next word,
            # so no following word (not even "The") starts a sentence.
            aug_tok1.sentbreak = False
        elif aug_tok1.type_no_period in self._lexicon.titles:
            # Rule title: a title leads into a name, so only a word that
            # cannot be one ("He", "The") starts a sentence after it.
            aug_tok1.sentbreak = bool(
                aug_tok2.first_upper and aug_tok2.type_no_sentperiod in self._lexicon.non_names
            )
        elif aug_tok1.is_initial and self._ortho_heuristic(aug_tok2) is True:
            # A one-letter abbreviation ("c." for circa) is also a
            # capital letter ("vitamin C."); Punkt never lets it end a
            # sentence, but a sentence starter after it still does.
            aug_tok1.sentbreak = True
        return reason


@lru_cache(maxsize=None)
def tokenizer(language: str = DEFAULT_LANGUAGE) -> Tokenizer:
    """The tokenizer of ``language`` (a code with a folder in
    ``summarize/data/``), built once per language."""
    return Tokenizer(lexicon(language))
