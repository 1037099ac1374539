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
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Pattern, Set, Tuple

from .datafiles import DEFAULT_LANGUAGE, data_folder, read_word_list

AUTO = "auto"
"""The language argument that asks for detection."""

SAMPLE_CHARS = 1000
"""How much of a text the vote reads at most (from its start)."""
QUICK_CHARS = 300
QUICK_FACTOR = 2.0
QUICK_SHARE = 0.2
"""The quick look: the first ``QUICK_CHARS`` characters decide alone when
the winner has ``QUICK_FACTOR`` times the votes and the margin asked of the
full sample, and ``QUICK_SHARE`` of the words are in its list (less than
asked of the full sample: a headline and a dateline come first; measured
on the dev sets, the same texts are read alike, and 2 of the 700 CNN dev
articles need the full vote instead of 32)."""

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


def _ranges(*spans: Tuple[int, int]) -> Dict[int, None]:
    """A ``str.translate`` table deleting the code points of ``spans`` (inclusive)."""
    return dict.fromkeys(c for low, high in spans for c in range(low, high + 1))


@lru_cache(maxsize=1)
def _alphabets() -> Tuple[Dict[int, None], Dict[int, None]]:
    """``str.translate`` tables deleting the Latin and the Cyrillic alphabet
    (so the length lost counts their letters, at C speed: a regular
    expression with a class beyond Latin-1 takes about 3.5 million
    instructions to compile, which a run would pay for one text)."""
    latin = _ranges((0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xB5, 0xB5), (0xBA, 0xBA), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    return latin, _ranges((0x400, 0x4FF))


@lru_cache(maxsize=1)
def _russian() -> Tuple[Pattern[str], Pattern[str]]:
    """``(not Russian, only Russian)``: letters of Ukrainian, Belarusian,
    Serbian, Macedonian, Kazakh and Mongolian that Russian does not use,
    and Russian letters that Bulgarian does not use (any Russian text of
    some length has them).  Compiled for the first text in Cyrillic."""
    return (
        re.compile(
            r"[\u0456\u0457\u0454\u0491\u045e\u0458\u0459\u045a\u045b\u045f\u0453\u045c"
            r"\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb]"
        ),
        re.compile(r"[\u044b\u044d\u042b\u042d]"),
    )


class Language:
    """What ``summarize/data/<code>/language.txt`` says of a language:
    its ``code``, English ``name``, ``stemmer`` (``porter``, or the name of
    NLTK's Snowball algorithm: ``german``), ``script`` (``latin`` or
    ``cyrillic``), the ``letters`` no other supported language writes, and
    its ``datelines`` forms beyond the common ones."""

    __slots__ = ("code", "name", "stemmer", "script", "letters", "datelines")

    def __init__(
        self, code: str, name: str, stemmer: str, script: str = "latin", letters: str = "", datelines: Tuple[str, ...] = ()
    ) -> None:
        self.code, self.name, self.stemmer, self.script, self.letters, self.datelines = (
            code, name, stemmer, script, letters, datelines,
        )


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


class _Table:
    """What the vote looks words up in.

    ``words``: each function word of any supported language -> its votes,
    packed in one integer: one field of ``width`` bits per language (the
    i-th language's at bit ``i * width``), holding 1 in its low
    ``FOUND_BITS`` (the word is in the language's list) and above them the
    language's share of the word's vote in units of ``1 / scale`` (``scale
    // k`` for a word k languages list).  Adding the packed votes of a
    sample's words adds every language's count and score at once, at C
    speed, exactly.
    """

    __slots__ = ("words", "scale", "width", "shifts", "field", "quick_votes")

    def __init__(self, words: Dict[str, int], scale: int, width: int, count: int) -> None:
        self.words, self.scale, self.width = words, scale, width
        self.shifts = tuple(i * width for i in range(count))
        self.field = (1 << width) - 1
        self.quick_votes = MIN_VOTES * QUICK_FACTOR * scale


# A sample of SAMPLE_CHARS characters has fewer than 2 ** FOUND_BITS words.
FOUND_BITS = (SAMPLE_CHARS // 2 + 1).bit_length()


TABLE_FILE = "detection.txt"
"""The stored table of which languages list each stopword, in ``summarize/data/``."""


@lru_cache(maxsize=1)
def _table() -> _Table:
    codes = supported()
    regions: Mapping[int, Iterable[str]] = _stored_regions(codes) or _regions(codes)  # stale or missing: the lists
    scale = 1
    for k in range(2, len(codes) + 1):
        scale = scale * k // gcd(scale, k)  # the least common multiple of 1..len(codes)
    width = FOUND_BITS + (scale * (SAMPLE_CHARS // 2 + 1)).bit_length()
    words: Dict[str, int] = {}
    for mask, region in regions.items():
        listing = [i for i in range(len(codes)) if mask >> i & 1]
        words.update(dict.fromkeys(region, sum((1 | scale // len(listing) << FOUND_BITS) << i * width for i in listing)))
    return _Table(words, scale, width, len(codes))


@lru_cache(maxsize=1)
def _letters() -> Tuple[Dict[str, int], int]:
    """``(letters, cyrillic)`` for the full vote: each detection letter ->
    its language's index, and the index of the language written in
    Cyrillic (-1 for none).  Every language's ``language.txt`` is read for
    them, which the quick look never needs."""
    codes = supported()
    letters = {letter: i for i, code in enumerate(codes) for letter in language(code).letters}
    cyrillic = next((i for i, code in enumerate(codes) if language(code).script == "cyrillic"), -1)
    return letters, cyrillic


def _regions(codes: Tuple[str, ...]) -> Dict[int, Set[str]]:
    """The words of each combination of stopword lists of ``codes``: mask
    (bit i for the i-th language) -> the words exactly those languages list.
    Found with set operations, at C speed."""
    regions: Dict[int, Set[str]] = {}
    for i, code in enumerate(codes):
        bit = 1 << i
        listed = set(read_word_list("stopwords.txt", code))  # single lower-case words (tests/test_languages.py)
        if not "".join(listed).isalpha():
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
    return regions


def _made_from(codes: Tuple[str, ...]) -> str:
    """The first line of the stored table: the languages, each with the
    size in bytes of the stopword list the table was made from."""
    sizes = (_size(data_folder().joinpath(code).joinpath("stopwords.txt")) for code in codes)
    return "languages " + " ".join(f"{code}:{size}" for code, size in zip(codes, sizes))


def _size(path: Any) -> int:
    """The size in bytes of the data file ``path`` (a traversable)."""
    try:
        return int(path.stat().st_size)  # a file on disk: pathlib
    except AttributeError:  # inside a zip
        return len(path.read_bytes())


def table_text() -> str:
    """The text of ``summarize/data/detection.txt`` as the lists make it
    today (``scripts/detection_table.py`` writes it)."""
    codes = supported()
    lines = [
        "# Which supported languages list each stopword: written by scripts/detection_table.py",
        "# from summarize/data/<code>/stopwords.txt; do not edit (tests/test_languages.py checks",
        "# it).  First the languages (bit i of a mask is the i-th) with the size of each list it",
        "# was made from; then a mask and the words exactly those languages list.  A list changed",
        "# or a language added since makes it stale: detection then reads the lists themselves",
        "# (the same votes, a few milliseconds more at start-up).",
        _made_from(codes),
    ]
    lines += [f"{mask} " + " ".join(sorted(words)) for mask, words in sorted(_regions(codes).items())]
    return "\n".join(lines) + "\n"


def _stored_regions(codes: Tuple[str, ...]) -> Optional[Dict[int, List[str]]]:
    """The regions (see ``_regions``) of ``summarize/data/detection.txt``,
    or ``None`` when it is missing or was made from other lists: reading
    one small file costs a tenth of reading every list and sorting their
    words, which every run that detects a language would pay."""
    path = data_folder().joinpath(TABLE_FILE)
    if not path.is_file():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    if not lines or lines[0] != _made_from(codes):
        return None
    regions: Dict[int, List[str]] = {}
    for line in lines[1:]:
        mask, *words = line.split()
        regions[int(mask)] = words
    return regions


def _scores(words: List[str], table: _Table) -> Tuple[List[int], List[int]]:
    """``(scores, found)`` per supported language for ``words`` (lower
    case): each word's vote shared by the languages listing it, in units of
    ``1 / table.scale``, and how many of the words each lists."""
    packed = sum(filter(None, map(table.words.get, words)))
    fields = [packed >> shift & table.field for shift in table.shifts]
    found_mask = (1 << FOUND_BITS) - 1
    return [votes >> FOUND_BITS for votes in fields], [votes & found_mask for votes in fields]


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
    packed = sum(filter(None, map(table.words.get, tokens)))
    fields = [packed >> shift & table.field for shift in table.shifts]
    scores = [votes >> FOUND_BITS for votes in fields]
    top = max(scores)
    best = scores.index(top)  # the first of equals
    if (
        top >= table.quick_votes
        and top >= MARGIN * QUICK_FACTOR * sorted(scores)[-2]
        and fields[best] & ((1 << FOUND_BITS) - 1) >= QUICK_SHARE * len(tokens)
        and language(supported()[best]).script != "cyrillic"
    ):
        return Detection(supported()[best])
    return None


def _vote(sample: str, strictness: float) -> Optional[Detection]:
    """The vote on ``sample`` (see the module docstring); ``None`` when it
    does not decide.  ``strictness`` multiplies the evidence asked of a
    supported language."""
    words = _WORD.findall(sample.lower())
    letters = sum(map(len, words))
    latin_table, cyrillic_table = _alphabets()
    cyrillic = len(sample) - len(sample.translate(cyrillic_table))
    in_latin = len(sample) - len(sample.translate(latin_table))
    other = max(0, sum(map(len, _WORD.findall(sample))) - in_latin - cyrillic)  # letters of neither alphabet
    latin = letters - cyrillic - other
    if other > max(cyrillic, latin) and other >= 10:
        return _unsupported(f"written in {_script_name(sample)} script")
    if len(words) < 3:
        return None
    table = _table()
    scores, found = _scores(words, table)
    letters_of, cyrillic_index = _letters()
    if cyrillic > latin:
        return _cyrillic(sample, cyrillic, len(words), found, cyrillic_index)
    for letter, index in letters_of.items():  # str.count: no pattern to compile
        scores[index] += int(LETTER_VOTE * table.scale) * sample.count(letter)
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
    not_russian, russian_only = _russian()
    if index >= 0 and len(not_russian.findall(sample)) * 50 < letters:
        if russian_only.search(sample) is not None:
            return Detection(supported()[index])
        if letters < 150 and "\u044a" not in sample and found[index] >= MIN_SHARE * words:
            return Detection(supported()[index])
    if words >= MIN_WORDS:
        return _unsupported("written in Cyrillic, but not in Russian")
    return None


def _script_name(sample: str) -> str:
    """The name Unicode gives the script of the commonest letter of
    ``sample`` outside the Latin and Cyrillic alphabets ("Greek", "Chinese
    or Japanese" for CJK)."""
    import unicodedata

    latin_table, cyrillic_table = _alphabets()
    others = "".join(_WORD.findall(sample.translate(latin_table).translate(cyrillic_table)))
    letter = Counter(others).most_common(1)[0][0]
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
