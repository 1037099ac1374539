"""Article layout: a headline on the first line and a dateline before the body.

Pure text functions; the core uses them so that ``summarize(text)`` finds the
title whether the text came from a file, stdin or a Python string.  Every
function takes ``language`` (a supported code, English by default): its
boilerplate is never a title, and its datelines have their own forms
(``months.txt``, ``agencies.txt`` of ``summarize/data/<language>/``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional, Pattern, Tuple

from .boilerplate import is_boilerplate
from .datafiles import DEFAULT_LANGUAGE, read_word_list
from .languages import language as language_of


# Capital letters in the dateline rules.  Python's ``re`` has no
# ``\p{Lu}``, and ``[A-Z]`` misses "\u00c9" and "\u00dc" ("\u00c9VRY \u2014" and
# "M\u00dcNCHEN (dpa)" are datelines): the capitals of ASCII and Latin-1,
# which every language written in the Latin alphabet here uses.  A class
# reaching beyond Latin-1 costs about 3.5 million instructions more to
# compile (``re`` builds a table for the whole plane), which every run would
# pay for the English patterns: a language written in Cyrillic gets its
# capitals in its own patterns, compiled when it is first met.
UPPER = "[A-Z\u00c0-\u00d6\u00d8-\u00de]"
CYRILLIC_UPPER = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f]"


def _name(upper: str) -> str:
    """A capitalised word (place or agency name) with capitals ``upper``."""
    return upper + r"[\w.'\u2019-]*"


def _place_dateline(upper: str) -> Pattern[str]:
    """ "WASHINGTON -- The", "PARIS, France \u2014 The": a place in capitals
    ``upper``, then a dash."""
    return re.compile(
        r"""\s*
        (?P<dateline>%s[%s.'\u2019-]+(?:,?[^\S\n]+%s[\w.'\u2019-]*){0,3})
        [^\S\n]+(?:--|\u2013|\u2014)\s+"""
        % (upper, upper[1:-1], upper),
        re.VERBOSE,
    )

# A headline: a first line, at most this many words, then a blank line.
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200

_MARKDOWN_HEADING = re.compile(r"\A#{1,6}\s+")
# The end of a paragraph: a blank line (maybe holding spaces).
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")
# What a repeated title may end with that its original lacks, or the reverse.
_TRAILING_MARKS = ".!?:;,\u2026 "
# Final punctuation, possibly inside closing quotes or brackets.  Not a
# question mark or an ellipsis: headlines end so ("Could rivalry overshadow
# election?", "Rivals of the Apple...").
_ENDS_LIKE_SENTENCE = re.compile(r"(?:(?<!\.\.)\.|[!;:,])[\"'\u201d\u2019)\]]*\Z")

_NAME = _name(UPPER)
_AGENCY = rf"\({_NAME}(?:[^\S\n]+{_NAME}){{0,3}}\)"
# What follows a dateline's agency: a dash (or colon), or nothing at all
# (rule glued: "(CNN)The"); the body starts after it.
_AFTER_AGENCY = r"[^\S\n]*(?:(?:--|[-\u2013\u2014:])[^\S\n]*)?\s*"
# "(CNN)The", "(CNN) -- The", "(The Hollywood Reporter) The": an agency in
# brackets at the very start of the body.
_AGENCY_DATELINE = re.compile(rf"\s*(?P<dateline>{_AGENCY}){_AFTER_AGENCY}")
# "Rome (AFP) \u2013", "WASHINGTON (Reuters) - The", "London (CNN)The",
# "Kabul, Afghanistan (CNN) -- The": a place, then an agency in brackets, then
# a dash, the end of the line, or the body glued on or opening with a capital
# or a quote.  A name and its acronym in a sentence ("Graph Convolutional
# Networks (GCNs) are ...") go on with a lower-case word.
_PLACE_AGENCY_DATELINE = re.compile(
    rf"""\s*
    (?P<dateline>
        {_NAME}(?:,?[^\S\n]+{_NAME}){{0,4}},?[^\S\n]*
        {_AGENCY}
    )
    (?=[^\S\n]*(?:--|[-\u2013\u2014:]|\n|\Z)|[^\s]|[^\S\n]+(?:{UPPER}|["'\u201c\u2018]))
    {_AFTER_AGENCY}""",
    re.VERBOSE,
)
_PLACE_DATELINE = _place_dateline(UPPER)
# "March 10, 2015 ." (CNN Student News): a date standing alone before the body.
_DATE_DATELINE = re.compile(
    r"""\s*
    (?P<dateline>(?:January|February|March|April|May|June|July|August|September|
        October|November|December)[^\S\n]+\d{1,2},[^\S\n]+\d{4})
    [^\S\n]*(?:\.|--|\u2013|\u2014)[^\S\n]*(?=\S)""",
    re.VERBOSE,
)


class Layout(NamedTuple):
    """Where the parts of an article are.

    ``title`` and ``dateline`` are ``None`` when absent.  ``body_start`` is
    the character offset in the original text where the body begins (after
    the title and the dateline), so ``text[body_start:]`` is what gets
    summarized.
    """

    title: Optional[str]
    dateline: Optional[str]
    body_start: int


def find_title(text: str, language: str = DEFAULT_LANGUAGE) -> tuple[Optional[str], int]:
    """Return ``(title, offset after it)``, or ``(None, 0)`` without a headline.

    A headline is the first non-blank line when it is short (at most
    ``MAX_TITLE_WORDS`` words), does not end like a sentence (a question
    mark or an ellipsis may end a headline; a full stop, comma, colon or
    exclamation mark may not), is followed by a blank line, and more text
    follows.  A Markdown ``#`` heading marker is removed from the title.
    Page furniture is never a title (``boilerplate.is_boilerplate`` in
    ``language``: "Media playback is not supported on this device"): such
    lines before the headline, each followed by a blank line, are passed
    over.
    """
    start = 0
    while True:
        line, end = _first_line(text, start)
        if line is None or not is_boilerplate(line, language):
            break
        start = end
    if (
        not line
        or len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or _ENDS_LIKE_SENTENCE.search(line)
        or not text[end:].strip()
    ):
        return None, 0
    return line, end


def _first_line(text: str, start: int) -> tuple[Optional[str], int]:
    """``(line, offset after the blank line after it)``: the first line of
    ``text[start:]`` after any blank ones, without a Markdown heading marker,
    when a blank line follows it; else ``(None, 0)``."""
    # With str methods: a regex's lazy search for the line's end scanned all
    # of a text without line breaks.
    start = len(text) - len(text[start:].lstrip())
    line_end = text.find("\n", start)
    blank_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    if blank_end < 0 or text[line_end + 1:blank_end].strip():
        return None, 0
    return _MARKDOWN_HEADING.sub("", text[start:line_end].strip()).strip(), blank_end + 1


_ENGLISH_DATELINES = (_AGENCY_DATELINE, _PLACE_AGENCY_DATELINE, _PLACE_DATELINE, _DATE_DATELINE)


@lru_cache(maxsize=None)
def _datelines(language: str) -> Tuple[Pattern[str], ...]:
    """The dateline patterns of ``language``, tried in order.

    English: an agency in brackets ("(CNN) --"), a place and an agency
    ("Rome (AFP) \u2013"), a place in capitals and a dash, a date alone.
    Another language has its own forms, built from its month names
    (``months.txt``) and news agencies (``agencies.txt``), then the place
    and the dash:

    * place, date and agency: "PARIS, 5 mai (AFP) -", "Madrid, 5 may
      (EFE).-", "MADRID, 5 (EUROPA PRESS) -", "\u041c\u041e\u0421\u041a\u0412\u0410, 5 \u043c\u0430\u044f \u2013 \u0420\u0418\u0410
      \u041d\u043e\u0432\u043e\u0441\u0442\u0438.", "\u041c\u041e\u0421\u041a\u0412\u0410, 5 \u043c\u0430\u044f. /\u0422\u0410\u0421\u0421/.";
    * place and a known agency: "M\u00dcNCHEN (dpa) -", "Wien (APA/dpa) -";
    * the agency first, then place and date: "(ANSA) - ROMA, 5 MAG -";
    * any capitalised name in brackets, as in English, but only before a
      dash: "Merkel (CDU) sagte" and "Macron (LREM) a dit" open sentences;
    * with ``dateline place-full-stop`` in ``language.txt``, a place in
      capitals and a full stop: "M\u00dcNCHEN. Der" (German and Dutch local papers).

    Every repetition is bounded: linear time on any text.
    """
    if language == DEFAULT_LANGUAGE:
        return _ENGLISH_DATELINES
    cyrillic = language_of(language).script == "cyrillic"
    upper = CYRILLIC_UPPER if cyrillic else UPPER
    name = _name(upper)
    months = [m.rstrip(".") for m in read_word_list("months.txt", language)]
    agencies = read_word_list("agencies.txt", language)
    month = "(?:%s)\\.?" % "|".join(sorted(map(re.escape, months), key=len, reverse=True)) if months else "(?!)"
    agency = "(?:%s)" % "|".join(sorted(map(re.escape, agencies), key=len, reverse=True)) if agencies else "(?!)"
    place = upper + r"[\w.'\u2019-]{0,40}(?:[^\S\n]{1,3}%s[\w.'\u2019-]{0,40}){0,3}" % upper
    date = r"\d{1,2}(?:\.|[^\S\n]de)?(?:[^\S\n]{1,3}%s(?:[^\S\n]{1,3}(?:de[^\S\n])?\d{4})?)?" % month
    dash = r"(?:--|[-\u2013\u2014])"
    flags = re.VERBOSE | re.IGNORECASE
    patterns = [
        re.compile(
            r"""\s*(?P<dateline>%s,[^\S\n]{1,3}%s
            (?:[^\S\n]{0,3}\([^()\n]{1,40}\)|\.?[^\S\n]{0,3}/%s/|[^\S\n]{1,3}%s[^\S\n]{1,3}%s)
            )[^\S\n]{0,3}(?:\.?[^\S\n]{0,3}%s|\.|:)?\s*"""
            % (place, date, agency, dash, agency, dash),
            flags,
        ),
        re.compile(
            r"""\s*(?P<dateline>%s[^\S\n]{0,3}\(%s(?:/%s){0,3}\))
            [^\S\n]{0,3}(?:\.?[^\S\n]{0,3}%s|\.|:)?\s*""" % (place, agency, agency, dash),
            flags,
        ),
        re.compile(
            r"""\s*(?P<dateline>\(%s\)[^\S\n]{0,3}%s[^\S\n]{0,3}%s(?:,[^\S\n]{1,3}%s)?)
            [^\S\n]{0,3}%s\s*""" % (agency, dash, place, date, dash),
            flags,
        ),
        re.compile(
            r"""\s*(?P<dateline>(?:%s(?:,?[^\S\n]+%s){0,4},?[^\S\n]*)?\(%s(?:[^\S\n]+%s){0,3}\))
            [^\S\n]*%s[^\S\n]*\s*""" % (name, name, name, name, dash),
            re.VERBOSE,
        ),
    ]
    if "place-full-stop" in language_of(language).datelines:
        patterns.append(re.compile(r"\s*(?P<dateline>%s(?:[-/]?%s){2,40}\.)[^\S\n]{1,3}(?=%s)" % (upper, upper, upper)))
    return (*patterns, _place_dateline(upper) if cyrillic else _PLACE_DATELINE)


def find_dateline(text: str, start: int = 0, language: str = DEFAULT_LANGUAGE) -> tuple[Optional[str], int]:
    """Return ``(dateline, offset where the body begins)`` for ``text[start:]``.

    Without a dateline, returns ``(None, start)``.  The dateline is only
    recognised at the very beginning of the body, in one of the forms of
    ``language`` (``_datelines``).
    """
    # match() anchors each pattern at ``start``.
    for pattern in _datelines(language):
        match = pattern.match(text, start)
        if match:
            return match.group("dateline").strip(), match.end()
    return None, start


# Page furniture paragraphs (a byline, a breadcrumb) passed over before a
# repeated title: at most this many.
MAX_LEADING_FURNITURE = 2


def repeated_title_end(text: str, title: str) -> int:
    """The offset after the paragraph of ``text`` that only repeats
    ``title`` (case, spacing, a Markdown heading marker and final
    punctuation aside) when it is the first paragraph, or comes after at
    most ``MAX_LEADING_FURNITURE`` paragraphs of page furniture
    (``boilerplate.is_boilerplate``: "By Jane Doe | 3 March 2021 |
    Politics"); else 0."""
    start = 0
    for _ in range(MAX_LEADING_FURNITURE + 1):
        paragraph, end, after = _paragraph(text, start)
        if not paragraph:
            return 0
        if len(paragraph) <= 2 * len(title) + 20 and _comparable(paragraph) == _comparable(title):
            return after
        if len(paragraph) > MAX_TITLE_CHARS or not is_boilerplate(" ".join(paragraph.split())):
            return 0
        start = after
    return 0


def _paragraph(text: str, start: int) -> tuple[str, int, int]:
    """``(paragraph, its end, the offset after the blank line after it)``:
    the first paragraph of ``text[start:]``, stripped ("" when there is none)."""
    first = len(text) - len(text[start:].lstrip())
    brk = _PARAGRAPH_END.search(text, first)
    end = brk.start() if brk else len(text)
    return text[first:end].strip(), end, brk.end() if brk else len(text)


def _comparable(line: str) -> str:
    return " ".join(_MARKDOWN_HEADING.sub("", line.strip()).split()).rstrip(_TRAILING_MARKS).casefold()


def parse_layout(text: str, title: Optional[str] = None, language: str = DEFAULT_LANGUAGE) -> Layout:
    """Find the headline and the dateline of ``text``, written in
    ``language``; see ``Layout``.

    Given ``title`` (the document carries its title apart from its text, as
    a web page does), no headline is looked for: ``title`` (whitespace
    collapsed; ``None`` when blank) is the title, and a first paragraph that
    only repeats it is set apart with it.  The dateline is looked for either way.
    """
    if title is None:
        title, offset = find_title(text, language)
    else:
        title = " ".join(title.split()) or None
        offset = repeated_title_end(text, title) if title else 0
    dateline, body_start = find_dateline(text, offset, language)
    return Layout(title=title, dateline=dateline, body_start=body_start)
