"""Plain text that is not news: Project Gutenberg e-books and transcripts.

``recognise(doc)`` gives a text ``Document`` of one of these kinds its
title and a text of prose paragraphs (separated by a blank line); any
other text comes back as it was.  Pure functions on decoded text, standard
library only.

**Project Gutenberg** (``gutenberg``): recognised by its ``*** START OF
THE/THIS PROJECT GUTENBERG EBOOK … ***`` line.  Everything before it (the
header and licence summary) and from the ``*** END OF …`` line (or, in
older files, ``End of the Project Gutenberg EBook``) onwards (the full
licence) is cut.  Title: the header's ``Title:`` field (continuation lines
joined), else the name in the START line, else the first line's "The
Project Gutenberg EBook of X, by Y".  In the body, wrapped lines are joined
(``unwrap``), ``_italics_`` lose their underscores, the front matter before
the first prose paragraph (producer credits, the title page) is dropped,
and so are tables of contents, headings (``CHAPTER IV.``, ``PREFACE``)
and ``[Illustration]`` lines anywhere.

**Transcripts** (``transcript``): recognised when at least ``MIN_TURNS``
paragraphs (and a fifth of them) open with a speaker label, from at least
two speakers: a name in capitals (``THE PRESIDENT:``, ``DR. BIRX:``,
``SEN. WARREN:``), ``Q:``/``A:``, or a capitalised name of one to four
words that opens at least two turns (``Anderson Cooper:``).  Labels,
timestamps (``[00:01:02]``, ``00:01:02``) and stage directions
(``(Applause.)``, ``[crosstalk]``) are removed; each turn is a paragraph.
The title is a short first line without a label or final punctuation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import List, Optional

from .document import Document, TitledText


def recognise(doc: Document) -> Document:
    """``doc`` read as a Project Gutenberg e-book or a transcript when its
    text is one (module docstring), else ``doc`` itself.  A title the
    document already has is kept."""
    found = gutenberg(doc.text) or transcript(doc.text)
    if found is None:
        return doc
    return replace(doc, title=doc.title or found.title, text=found.text)


# --- Project Gutenberg ---------------------------------------------------------

# The patterns are strings, compiled (and cached by re) when first used:
# most texts are neither kind, and compiling them all cost 4.5 ms at every
# start of the command.
_PG_START = r"(?im)^[ \t]*\*{3}[ \t]*START OF (?:THE |THIS )?PROJECT GUTENBERG E-?(?:BOOK|TEXT)[ \t]*(?P<name>[^\n*]*?)[ \t]*\*{3}.*$"
_PG_END = r"(?im)^[ \t]*(?:\*{3}[ \t]*END OF (?:THE |THIS )?PROJECT GUTENBERG|End of (?:the )?Project Gutenberg'?s?)\b.*$"
_PG_TITLE = r"(?m)^Title:[ \t]*(?P<title>.+(?:\n[ \t]+\S.*)*)"
_PG_FIRST_LINE = r"(?im)\A\ufeff?\s*The Project Gutenberg E-?(?:Book|Text) of (?P<title>.+?)(?:,\s+by\s+.*)?$"
_ITALICS = r"(?<![\w_])_(?=\S)([^_\n]*(?:\n[^_\n]+)*?)(?<=\S)_(?![\w_])"
_ILLUSTRATION = r"(?i)\A\[(?:Illustration|Ilustración|Abbildung)[^\]]*\]\Z"
_HEADING = r"""(?xi)\A(?:
    (?:CHAPTER|BOOK|PART|VOLUME|SECTION|CANTO|STAVE|ACT|SCENE|LETTER|CHAPITRE|KAPITEL|CAPÍTULO)\b.*
    |[IVXLCDM]+\.?
    |\d+\.?
    |[^a-z]+   # a line with no lower-case letter at all: PREFACE, THE END
)\Z"""
_CONTENTS_LINE = (
    r"(?i)\A(?:CHAPTER|BOOK|PART|VOLUME|SECTION|CANTO|STAVE|ACT|SCENE|LETTER|CHAPITRE|KAPITEL|CAPÍTULO|[IVXLCDM]+\.)\s"
    r"|\s\d{1,4}\Z"
)
_PRODUCER = r"(?i)\A(?:Produced by|Transcribed from|E-?text prepared by|This e-?book was produced)"
_PROSE_END = r"[.!?\"'\u201d\u2019)]\Z"


def gutenberg(text: str) -> Optional[TitledText]:
    """The book in a Project Gutenberg plain-text e-book, or None when
    ``text`` has no START line (module docstring)."""
    if "***" not in text:
        return None  # the START line has them: a cheap test before the search
    start = re.search(_PG_START, text)
    if start is None:
        return None
    end = re.compile(_PG_END).search(text, start.end())
    title = gutenberg_title(text[: start.start()], start.group("name"))
    paragraphs: List[str] = []
    in_front = True
    for lines in _blocks(text[start.end(): end.start() if end else len(text)]):
        joined = unwrap(lines)
        if in_front and (not _is_prose(lines) or re.match(_PRODUCER, joined) or _is_contents(lines)):
            continue  # title page, contents, credits
        in_front = False
        if re.match(_ILLUSTRATION, joined) or _is_heading(lines) or _is_contents(lines):
            continue
        paragraphs.append(re.sub(_ITALICS, r"\1", joined))
    return TitledText(title, "\n\n".join(paragraphs))


def gutenberg_title(header: str, start_name: str) -> Optional[str]:
    """The book's title from the header's ``Title:`` field, the START
    line's name, or the header's first line, in that order; None when none
    has one."""
    match = re.search(_PG_TITLE, header)
    if match:
        return " ".join(match.group("title").split())
    if start_name.strip():
        return " ".join(start_name.split()).strip(" .,:")
    match = re.search(_PG_FIRST_LINE, header)
    return " ".join(match.group("title").split()) if match else None


def _blocks(text: str) -> List[List[str]]:
    """Paragraphs (blank-line separated) as lists of stripped lines."""
    return [
        [line.strip() for line in block.split("\n") if line.strip()]
        for block in re.split(r"\n[ \t]*\n", text)
        if block.strip()
    ]


def unwrap(lines: List[str]) -> str:
    """The lines of one paragraph as one line: a space between lines, but
    none after a hyphen that ends a line after a letter (``counter-`` /
    ``offensive``): Gutenberg's transcribers rejoin words the printer
    split, so a hyphen left at a line end belongs to the word."""
    out = ""
    for line in lines:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].isalpha():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(out.split())


def _is_prose(lines: List[str]) -> bool:
    """A paragraph of running prose: a dozen words or more, ending like a
    sentence or running over three lines or more."""
    joined = " ".join(lines)
    return len(joined.split()) >= 12 and (re.search(_PROSE_END, joined) is not None or len(lines) >= 3)


def _is_contents(lines: List[str]) -> bool:
    """A table of contents: two lines or more, most of them a chapter line
    (``CHAPTER I. The Beginning``, ``IV. The Storm``) or ending in a page
    number."""
    entries = sum(1 for line in lines if re.search(_CONTENTS_LINE, line))
    return len(lines) >= 2 and entries * 2 > len(lines)


def _is_heading(lines: List[str]) -> bool:
    """A heading: one line such as ``CHAPTER IV.`` or ``PREFACE``, or a
    chapter line with its name on the next line or two."""
    if not re.match(_HEADING, lines[0]):
        return False
    return len(lines) == 1 or (len(lines) <= 3 and not _is_prose(lines))


# --- transcripts -------------------------------------------------------------------

MIN_TURNS = 3
"""The fewest labelled turns that make a transcript."""

_TIMESTAMP = r"(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\)?\]?\s*)"
_CAPS_LABEL = r"(?:[A-Z][A-Z.'\u2019-]*(?:[ \t]+[A-Z][A-Z.'\u2019-]*){0,4}|Q|A)"
_LABEL = rf"\A{_TIMESTAMP}?(?P<label>{_CAPS_LABEL})[ \t]*:[ \t]*(?=\S|\Z)"
_NAME_LABEL = rf"\A{_TIMESTAMP}?(?P<label>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){{0,3}})[ \t]*:[ \t]*(?=\S|\Z)"
# Searched from a newline (a literal first character is fast to find; a
# multi-line "^" is tried at every position, 15x slower).
_A_LABEL_LINE = re.compile(r"\n[ \t]*[^\s:][^\n:]{0,60}:")
_DIRECTION = r"[\[(](?:[A-Za-z][\w\s.,'\u2019-]{0,40}?|crosstalk[^\])]*|inaudible[^\])]*)[\])]"
_LONE_DIRECTION = rf"\A(?:{_TIMESTAMP}|\s*[\[(][^\])]{{1,60}}[\])]\s*)+\Z"
_CUE = r"(?i)(?:crosstalk|cross-talk|inaudible|unintelligible|laughter|laughs|applause|cheers|music|pause)"
_NOT_SPEAKERS = frozenset(
    {
        "note", "update", "editor's note", "source", "photo", "photos", "image", "caption", "credit", "video",
        "watch", "listen", "warning", "summary", "correction", "corrections", "related", "read more", "see also",
        "also read", "more", "tags", "advertisement", "follow", "share", "email", "subscribe", "disclaimer",
    }
)
"""Labels (lower-cased) that open a paragraph with a colon without being a speaker."""


def transcript(text: str) -> Optional[TitledText]:
    """The speech in a transcript, without speaker labels, timestamps and
    stage directions, or None when ``text`` is not a transcript (module
    docstring)."""
    if len(_A_LABEL_LINE.findall("\n" + text[:20_000])) < MIN_TURNS:
        return None  # a cheap test: fewer lines with a colon near their start than turns needed
    paragraphs = _turns(text)
    labels = _speaker_labels(paragraphs)
    if not _is_transcript(paragraphs, labels):
        return None
    title = None
    first = paragraphs[0] if paragraphs else ""
    if (
        len(paragraphs) > 1
        and len(first.split()) <= 15
        and not re.search(r"[.!?,;:]\Z", first)
        and not re.match(_LABEL, first)
        and not re.match(_NAME_LABEL, first)
    ):
        title = first
        paragraphs = paragraphs[1:]
    out = []
    for paragraph in paragraphs:
        if re.match(_LONE_DIRECTION, paragraph):
            continue
        paragraph = strip_speaker(paragraph, labels)
        paragraph = " ".join(re.sub(_DIRECTION, _drop_direction, paragraph).split())
        if re.search(r"[^\W\d_]", paragraph):
            out.append(paragraph)
    return TitledText(title, "\n\n".join(out))


def _is_speaker(label: str) -> bool:
    return label.lower() not in _NOT_SPEAKERS


def _speaker_labels(paragraphs: List[str]) -> Counter[str]:
    """How many paragraphs each candidate speaker label opens."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        match = re.match(_LABEL, paragraph) or re.match(_NAME_LABEL, paragraph)
        if match and _is_speaker(match.group("label")):
            counts[match.group("label")] += 1
    return counts


def _is_transcript(paragraphs: List[str], labels: Counter[str]) -> bool:
    caps = {label: n for label, n in labels.items() if re.match(_LABEL, label + ":")}
    named = {label: n for label, n in labels.items() if n >= 2}
    speakers = caps if sum(caps.values()) >= sum(named.values()) else named
    turns = sum(speakers.values())
    return len(speakers) >= 2 and turns >= MIN_TURNS and turns * 5 >= len(paragraphs)


def _turns(text: str) -> List[str]:
    """Paragraphs, one line each, with a new paragraph wherever a line opens
    with a capitalised label (a turn often starts on the next line, no
    blank line between)."""
    out: List[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        current: List[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            label = re.match(_LABEL, line)
            if current and label and _is_speaker(label.group("label")):
                out.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            out.append(" ".join(current))
    return [" ".join(p.split()) for p in out]


def strip_speaker(paragraph: str, labels: Counter[str]) -> str:
    """``paragraph`` without its leading timestamp and speaker label: a
    capitalised label, or a name that opens two turns or more (``labels``:
    how many turns each label opens)."""
    match = re.match(_LABEL, paragraph)
    if match is None:
        named = re.match(_NAME_LABEL, paragraph)
        if named and labels[named.group("label")] >= 2:
            match = named
    if match is not None and _is_speaker(match.group("label")):
        paragraph = paragraph[match.end():]
    return paragraph.strip()


def _drop_direction(match: re.Match[str]) -> str:
    """``(Applause.)``, ``[crosstalk]``, ``(inaudible)`` go; a parenthesis of
    the speech, such as ``(roughly 40%)``, stays."""
    bracketed = match.group(0)
    inner = bracketed[1:-1].strip()
    if re.match(_CUE, inner):
        return ""
    if inner[:1].isupper() and len(inner.split()) <= 4 and bracketed[0] == "(" and inner.endswith("."):
        return ""
    return bracketed
