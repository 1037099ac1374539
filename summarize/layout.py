"""Article layout: a headline on the first line and a dateline before the body.

Pure text functions; the core uses them so that ``summarize(text)`` finds the
title whether the text came from a file, stdin or a Python string.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

# A headline: a first line, at most this many words, then a blank line.
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200

_MARKDOWN_HEADING = re.compile(r"\A#{1,6}\s+")
# The end of a paragraph: a blank line (maybe holding spaces).
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n\s*")
# What a repeated title may end with that its original lacks, or the reverse.
_TRAILING_MARKS = ".!?:;,\u2026 "
# Final punctuation, possibly inside closing quotes or brackets.
_ENDS_LIKE_SENTENCE = re.compile(r"[.!?;:,\u2026][\"'\u201d\u2019)\]]*\Z")

_NAME = r"[A-Z][\w.'\u2019-]*"
# "Rome (AFP) –", "(CNN)The", "(CNN) -- The", "WASHINGTON (Reuters) - ",
# "Kabul, Afghanistan (CNN)": an optional place, then an agency in brackets.
_AGENCY_DATELINE = re.compile(
    rf"""\s*
    (?P<dateline>
        (?:{_NAME}(?:,?[^\S\n]+{_NAME}){{0,4}},?[^\S\n]*)?
        \({_NAME}(?:[^\S\n]+{_NAME}){{0,3}}\)
    )
    [^\S\n]*(?:(?:--|[-\u2013\u2014:])[^\S\n]*)?\s*""",
    re.VERBOSE,
)
# "WASHINGTON -- The", "PARIS, France — The": a capitalised place, then a dash.
_PLACE_DATELINE = re.compile(
    r"""\s*
    (?P<dateline>[A-Z][A-Z.'\u2019-]+(?:,?[^\S\n]+[A-Z][\w.'\u2019-]*){0,3})
    [^\S\n]+(?:--|\u2013|\u2014)\s+""",
    re.VERBOSE,
)
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


def find_title(text: str) -> tuple[Optional[str], int]:
    """Return ``(title, offset after it)``, or ``(None, 0)`` without a headline.

    A headline is the first non-blank line when it is short (at most
    ``MAX_TITLE_WORDS`` words), does not end like a sentence, is followed by a
    blank line, and more text follows.  A Markdown ``#`` heading marker is
    removed from the title.
    """
    # The first line after any blank ones, then a blank line.  (With str
    # methods: a regex's lazy search for the line's end scanned all of a text
    # without line breaks.)
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    blank_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
    if blank_end < 0 or text[line_end + 1:blank_end].strip():
        return None, 0
    end = blank_end + 1
    line = _MARKDOWN_HEADING.sub("", text[start:line_end].strip()).strip()
    if (
        not line
        or len(line) > MAX_TITLE_CHARS
        or len(line.split()) > MAX_TITLE_WORDS
        or _ENDS_LIKE_SENTENCE.search(line)
        or not text[end:].strip()
    ):
        return None, 0
    return line, end


def find_dateline(text: str, start: int = 0) -> tuple[Optional[str], int]:
    """Return ``(dateline, offset where the body begins)`` for ``text[start:]``.

    Without a dateline, returns ``(None, start)``.  The dateline is only
    recognised at the very beginning of the body.
    """
    # match() anchors each pattern at ``start``.
    for pattern in (_AGENCY_DATELINE, _PLACE_DATELINE, _DATE_DATELINE):
        match = pattern.match(text, start)
        if match:
            return match.group("dateline").strip(), match.end()
    return None, start


def repeated_title_end(text: str, title: str) -> int:
    """The offset after the first paragraph of ``text`` when that paragraph
    only repeats ``title`` (case, spacing, a Markdown heading marker and
    final punctuation aside), else 0."""
    start = len(text) - len(text.lstrip())
    brk = _PARAGRAPH_END.search(text, start)
    end = brk.start() if brk else len(text)
    if end - start > 2 * len(title) + 20 or _comparable(text[start:end]) != _comparable(title):
        return 0
    return brk.end() if brk else len(text)


def _comparable(line: str) -> str:
    return " ".join(_MARKDOWN_HEADING.sub("", line.strip()).split()).rstrip(_TRAILING_MARKS).casefold()


def parse_layout(text: str, title: Optional[str] = None) -> Layout:
    """Find the headline and the dateline of ``text``; see ``Layout``.

    Given ``title`` (the document carries its title apart from its text, as
    a web page does), no headline is looked for: ``title`` (whitespace
    collapsed; ``None`` when blank) is the title, and a first paragraph that
    only repeats it is set apart with it.  The dateline is looked for either way.
    """
    if title is None:
        title, offset = find_title(text)
    else:
        title = " ".join(title.split()) or None
        offset = repeated_title_end(text, title) if title else 0
    dateline, body_start = find_dateline(text, offset)
    return Layout(title=title, dateline=dateline, body_start=body_start)
