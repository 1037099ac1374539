"""The supported languages, and which one a text is written in.

A language is supported when ``summarize/data/<code>/`` holds its word
lists and a ``language.txt`` (its name, its stemmer, what detection should
know): adding a language is adding a folder (``data/README.md``).  English
(``en``) is the default and comes first; the others follow in code order.

Detection needs no model and no dependency: the words of the text's start
are looked up in the stopword lists of the supported languages.  Each word
found gives each list that holds it an equal share of one vote ("the"
votes for English alone, "de" is shared by French, Spanish, Portuguese and
Dutch), and a letter only one language writes (``letters`` in its
``language.txt``: ß, ñ, ã...) adds half a vote.  The script decides first:
text mostly in Cyrillic is the supported language written in Cyrillic
(Russian) only when that language's letters and function words carry it
(Ukrainian, Bulgarian and Serbian are not supported); text mostly in
another script (Chinese, Greek, Arabic...) is not supported.

The vote reads the first ``QUICK_CHARS`` characters and stops there when
its winner has twice the evidence asked (most articles), else the first
``SAMPLE_CHARS``.  Outcomes (``Detection``): a supported language on clear
evidence; English on weak evidence (too few words, no language clearly
ahead), so that a short or ambiguous English text is never relabelled;
English with a ``note`` when the text is clearly in some other language
(Latin-script text of which no list holds its share of function words:
Welsh, Polish, Swedish; or another script).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from math import gcd
from typing import Dict, List, NamedTuple, Optional, Pattern, Set, Tuple

from .datafiles import DEFAULT_LANGUAGE, data_folder, read_word_list

AUTO = "auto"
"""The language argument that asks for detection."""

SAMPLE_CHARS = 1000
"""How much of a text the vote reads at most (from its start)."""
QUICK_CHARS = 300
QUICK_FACTOR = 2.0
"""The quick look: the first ``QUICK_CHARS`` characters decide alone when
the winner has ``QUICK_FACTOR`` times the evidence asked of the full sample."""

# Evidence needed (tuned on short paragraphs of the UD dev sets, see
# benchmarks/languages.py): at least MIN_VOTES votes for the winner, a
# MARGIN over the runner-up, and at least MIN_SHARE of the words in the
# winner's list.  Latin-script text of at least MIN_WORDS words with no
# clear winner, in which no list holds UNSUPPORTED_SHARE of the words or
# the English list less than ENGLISH_SHARE, is in some other language.
MIN_VOTES = 1.5
MARGIN = 1.25
MIN_SHARE = 0.15
MIN_WORDS = 8
UNSUPPORTED_SHARE = 0.12
ENGLISH_SHARE = 0.12
LETTER_VOTE = 0.5

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A letter of neither the Latin nor the Cyrillic alphabet (few in the texts
# that matter, so finding them all is cheap).
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff]")
# Letters of Ukrainian, Belarusian, Serbian, Macedonian, Kazakh and
# Mongolian that Russian does not use.
_NOT_RUSSIAN = re.compile(
    r"[\u0456\u0457\u0454\u0491\u045e\u0458\u0459\u045a\u045b\u045f\u0453\u045c"
    r"\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb]"
)
# Russian letters that Bulgarian does not use: any Russian text of some
# length has them.
_RUSSIAN_ONLY = re.compile(r"[\u044b\u044d\u042b\u042d]")


class Language(NamedTuple):
    """What ``summarize/data/<code>/language.txt`` says of a language:
    its ``code``, English ``name``, ``stemmer`` (``porter``, or the name of
    NLTK's Snowball algorithm: ``german``), ``script`` (``latin`` or
    ``cyrillic``), the ``letters`` no other supported language writes, and
    its ``datelines`` forms beyond the common ones."""

    code: str
    name: str
    stemmer: str
    script: str = "latin"
    letters: str = ""
    datelines: Tuple[str, ...] = ()


class Detection(NamedTuple):
    """Which language to read a text as.

    ``language``: a supported code, always.  ``supported``: False when the
    text is clearly in a language without word lists here (``language`` is
    then English and ``note`` says why).  ``confident``: the evidence was
    clear (False for English on weak evidence).  ``note``: a sentence for
    the person, or ``None``.
    """

    language: str
    supported: bool = True
    confident: bool = True
    note: Optional[str] = None


@lru_cache(maxsize=1)
def supported() -> Tuple[str, ...]:
    """The codes of the supported languages: English first, then the other
    folders of ``summarize/data/`` holding a ``language.txt``, sorted."""
    codes = sorted(entry.name for entry in data_folder().iterdir() if entry.joinpath("language.txt").is_file())
    return (DEFAULT_LANGUAGE, *(code for code in codes if code != DEFAULT_LANGUAGE))


@lru_cache(maxsize=None)
def language(code: str) -> Language:
    """The ``Language`` of a supported ``code`` (``ValueError`` for another)."""
    check(code)
    fields: Dict[str, List[str]] = {}
    for entry in read_word_list("language.txt", code):
        key, _, value = entry.partition(" ")
        fields.setdefault(key, []).append(value.strip())
    return Language(
        code=code,
        name=fields.get("name", [code])[0],
        stemmer=fields.get("stemmer", ["porter"])[0],
        script=fields.get("script", ["latin"])[0],
        letters="".join(fields.get("letters", [])),
        datelines=tuple(fields.get("dateline", [])),
    )


def check(code: str) -> str:
    """``code`` when it is a supported language; else ``ValueError`` naming
    the supported codes."""
    codes = supported()
    if code not in codes:
        raise ValueError(f"unknown language {code!r}: use {AUTO} or one of {', '.join(codes)}")
    return code


def declared(tag: object) -> Optional[str]:
    """The supported code a source's language tag names (a dataset's
    ``language`` field, a page's ``<html lang>``: "fr", "en-US", "pt_BR",
    "DE"), or ``None`` for anything else."""
    if not isinstance(tag, str):
        return None
    code = tag.strip().replace("_", "-").split("-", 1)[0].lower()
    return code if code in supported() else None


def resolve(text: str, requested: str = AUTO, declared_language: Optional[str] = None) -> Detection:
    """The language to read ``text`` as: ``requested`` itself when it is a
    supported code; for ``"auto"``, the ``declared_language`` of its source
    when that is a supported code (see ``declared``), else
    ``detect(text)``.

    Raises ``ValueError`` (naming the supported codes) for any other
    ``requested``.
    """
    if requested != AUTO:
        return Detection(check(requested))
    code = declared(declared_language)
    return Detection(code) if code is not None else detect(text)


def detect(text: str) -> Detection:
    """The language ``text`` is written in (see the module docstring).

    Pure and deterministic; reads at most ``SAMPLE_CHARS`` characters, and
    only the first ``QUICK_CHARS`` when they decide clearly.  Never raises
    for a ``str``.
    """
    if len(text) > QUICK_CHARS:
        quick = _quick_vote(text[:QUICK_CHARS])
        if quick is not None:
            return quick
    decided = _vote(text[:SAMPLE_CHARS], 1.0)
    return decided if decided is not None else Detection(DEFAULT_LANGUAGE, confident=False)


class _Table(NamedTuple):
    """What the vote looks words up in.

    ``words``: each function word of any supported language -> its votes,
    packed in one integer: one field of ``width`` bits per language (the
    i-th language's at bit ``i * width``), holding 1 in its low
    ``FOUND_BITS`` (the word is in the language's list) and above them the
    language's share of the word's vote in units of ``1 / scale`` (``scale
    // k`` for a word k languages list).  Adding the packed votes of a
    sample's words adds every language's count and score at once, at C
    speed, exactly.  ``letters``: each detection letter -> its language's
    index, and ``letter_pattern`` finding them; ``cyrillic``: the index of
    the language written in Cyrillic, or -1.
    """

    words: Dict[str, int]
    scale: int
    width: int
    letters: Dict[str, int]
    letter_pattern: Pattern[str]
    cyrillic: int


# A sample of SAMPLE_CHARS characters has fewer than 2 ** FOUND_BITS words.
FOUND_BITS = (SAMPLE_CHARS // 2 + 1).bit_length()


@lru_cache(maxsize=1)
def _table() -> _Table:
    codes = supported()
    # The words of each combination of lists (a mask: bit i for the i-th
    # language), found with set operations: at C speed, as every run pays
    # this once.
    regions: Dict[int, Set[str]] = {}
    for i, code in enumerate(codes):
        bit = 1 << i
        listed = set(" ".join(read_word_list("stopwords.txt", code)).lower().split())
        for word in [w for w in listed if not w.isalpha()]:  # "don't" votes as "don" and "t"
            listed.discard(word)
            listed.update(_WORD.findall(word))
        for mask, region in list(regions.items()):
            both = region & listed
            if both:
                region -= both
                listed -= both
                regions[mask | bit] = both
        if listed:
            regions[bit] = listed
    scale = 1
    for k in range(2, len(codes) + 1):
        scale = scale * k // gcd(scale, k)  # the least common multiple of 1..len(codes)
    width = FOUND_BITS + (scale * (SAMPLE_CHARS // 2 + 1)).bit_length()
    words: Dict[str, int] = {}
    for mask, region in regions.items():
        listing = [i for i in range(len(codes)) if mask >> i & 1]
        words.update(dict.fromkeys(region, sum((1 | scale // len(listing) << FOUND_BITS) << i * width for i in listing)))
    letters = {letter: i for i, code in enumerate(codes) for letter in language(code).letters}
    letter_pattern = re.compile("[%s]" % re.escape("".join(letters)) if letters else "(?!)")
    cyrillic = next((i for i, code in enumerate(codes) if language(code).script == "cyrillic"), -1)
    return _Table(words, scale, width, letters, letter_pattern, cyrillic)


def _scores(words: List[str], table: _Table) -> Tuple[List[int], List[int]]:
    """``(scores, found)`` per supported language for ``words`` (lower
    case): each word's vote shared by the languages listing it, in units of
    ``1 / table.scale``, and how many of the words each lists."""
    packed = sum(filter(None, map(table.words.get, words)))
    field, found_mask = (1 << table.width) - 1, (1 << FOUND_BITS) - 1
    scores, found = [], []
    for i in range(len(supported())):
        votes = packed >> i * table.width & field
        scores.append(votes >> FOUND_BITS)
        found.append(votes & found_mask)
    return scores, found


def _quick_vote(sample: str) -> Optional[Detection]:
    """The quick look at ``sample``: a language written in the Latin
    alphabet when it wins the vote of its whitespace-separated words by
    ``QUICK_FACTOR`` times the evidence asked; else ``None`` (the full vote
    decides).

    Built to cost little, since every English article pays it: no regular
    expression, no script count (a text whose words are this often
    function words of a Latin-script language is written in Latin
    letters), no letter votes; the votes are added at C speed (see
    ``_Table``).
    """
    tokens = sample.lower().split()
    table = _table()
    scores, found = _scores(tokens, table)
    best = max(range(len(scores)), key=scores.__getitem__)  # the first of equals
    runner_up = max(score for i, score in enumerate(scores) if i != best)
    if (
        best != table.cyrillic
        and scores[best] >= MIN_VOTES * QUICK_FACTOR * table.scale
        and scores[best] >= MARGIN * QUICK_FACTOR * runner_up
        and found[best] >= MIN_SHARE * QUICK_FACTOR * len(tokens)
    ):
        return Detection(supported()[best])
    return None


def _vote(sample: str, strictness: float) -> Optional[Detection]:
    """The vote on ``sample`` (see the module docstring); ``None`` when it
    does not decide.  ``strictness`` multiplies the evidence asked of a
    supported language."""
    words = _WORD.findall(sample.lower())
    letters = sum(map(len, words))
    cyrillic = len(_CYRILLIC.findall(sample))
    other = len(_OTHER_SCRIPT.findall(sample))
    latin = letters - cyrillic - other
    if other > max(cyrillic, latin) and other >= 10:
        return _unsupported(f"written in {_script_name(sample)} script")
    if len(words) < 3:
        return None
    table = _table()
    scores, found = _scores(words, table)
    if cyrillic > latin:
        return _cyrillic(sample, cyrillic, len(words), found, table.cyrillic)
    for letter in table.letter_pattern.findall(sample):
        scores[table.letters[letter]] += int(LETTER_VOTE * table.scale)
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    best, second = ranked[0], ranked[1]
    if (
        scores[best] >= MIN_VOTES * strictness * table.scale
        and scores[best] >= MARGIN * strictness * scores[second]
        and found[best] >= MIN_SHARE * strictness * len(words)
    ):
        return Detection(supported()[best])
    if len(words) >= MIN_WORDS and (
        max(found) < UNSUPPORTED_SHARE * len(words) or found[0] < ENGLISH_SHARE * len(words)
    ):
        # No language is clearly ahead and the text is not English either
        # (English prose has about 45% of its words in the English list).
        return _unsupported("few of its words are function words of " + _names())
    return None


def _cyrillic(sample: str, letters: int, words: int, found: List[int], index: int) -> Optional[Detection]:
    """The vote on a ``sample`` mostly in Cyrillic (``letters`` of it, in
    ``words`` words): the language written in Cyrillic (``index``, -1 for
    none) unless letters it does not use say otherwise; a longer text must
    also hold the letters only Russian uses (ы, э), and a short one without
    them must not write "ъ" (Bulgarian's vowel; Russian has it only after a
    few prefixes, "объявил")."""
    if index >= 0 and len(_NOT_RUSSIAN.findall(sample)) * 50 < letters:
        if _RUSSIAN_ONLY.search(sample) is not None:
            return Detection(supported()[index])
        if letters < 150 and "\u044a" not in sample and found[index] >= MIN_SHARE * words:
            return Detection(supported()[index])
    if words >= MIN_WORDS:
        return _unsupported("written in Cyrillic, but not in Russian")
    return None


def _script_name(sample: str) -> str:
    """The name Unicode gives the script of the commonest letter of
    ``sample`` outside the Latin and Cyrillic alphabets ("Greek", "Cjk")."""
    import unicodedata

    letter = Counter(_OTHER_SCRIPT.findall(sample)).most_common(1)[0][0]
    first = unicodedata.name(letter, "other").split()[0]
    return "Chinese or Japanese" if first == "CJK" else first.capitalize()


def _names() -> str:
    names = [language(code).name for code in supported()]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _unsupported(why: str) -> Detection:
    return Detection(
        DEFAULT_LANGUAGE,
        supported=False,
        confident=False,
        note=f"the text does not look like a supported language ({why}); read as English",
    )
