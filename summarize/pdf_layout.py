"""PDF post-processing: a ``PdfText`` (what a PDF library read) → the
document's title and text, page furniture and hyphenation gone.  Pure: no
PDF library here (``pdf.py`` holds the pypdfium2 backend).

``pdf_text`` runs, in order:

1. *title*: the metadata ``/Title`` unless it is a producer's placeholder
   (``untitled``, ``Microsoft Word - x.docx``, a file name); else the
   first run of text on page 1 set at least ``LARGE`` times the body
   size; else a short first line without final punctuation.  The title's
   lines at the top of page 1 leave the text.
2. *furniture*: in the first and last ``EDGE_LINES`` lines of each page, a
   line that is a page number alone (``7``, ``- 7 -``, ``Page 7``,
   ``7 of 9``, ``vii``), that repeats (digits aside) at the edges of at
   least two pages and half of them, that is a short unpunctuated line
   starting or ending with the page's own number (``Chapter One 17``), or
   that is the title with a page number, is dropped.
3. *paragraphs*: a line ends a paragraph when it is shorter than the
   page's usual line by more than the next line's first word (a typesetter
   would have pulled that word up), or the next line sits below a wider
   gap than the usual line spacing or starts indented, and in either case
   the next line does not start in lower case; a list item (``1.``,
   ``•``) starts a paragraph.  A paragraph runs over page breaks.
4. *hyphenation*: a line ending in a hyphen right after a word is joined
   to the next line without a space, and without the hyphen (``mil-`` /
   ``lion``) unless the hyphen belongs to the word: the part before ends
   in a capital, digit or full stop (``U.K.-owned``, ``7-2``), the part
   after starts with a capital or digit (``Franco-German``), the
   hyphenated word appears unbroken elsewhere in the document, the part
   before is a prefix word that keeps its hyphen (``well``, ``self``,
   ``three`` …: ``KEEP_HYPHEN_AFTER``), or the joined word never appears
   while both halves do.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple

from .document import TitledText

Point = Tuple[float, float]
"""Where a line starts on its page, in points: ``(x, y)``, y upwards."""


class PdfText(NamedTuple):
    """The text of a PDF as a library reads it.

    ``pages``: per page, its lines in the library's order (blank lines
    allowed).  ``metadata_title``: the document information /Title (None
    when absent).  ``first_page_runs``: ``(text, size in points)`` for the
    text on page 1 in reading order; empty when the library gives no font
    sizes.  ``line_starts``: per page, per line, the ``Point`` where the
    line's first character sits, or None for a blank line; empty when the
    library gives no positions.
    """

    pages: Tuple[Tuple[str, ...], ...]
    metadata_title: Optional[str] = None
    first_page_runs: Tuple[Tuple[str, float], ...] = ()
    line_starts: Tuple[Tuple[Optional[Point], ...], ...] = ()


EDGE_LINES = 3
"""Lines at the top and at the bottom of a page where furniture is looked for."""

LARGE = 1.3
"""How many times the body size a title is set in, at least."""

KEEP_HYPHEN_AFTER = frozenset(
    """all cross half ill long low high one two three four five six seven eight nine ten eleven twelve twenty
    thirty forty fifty hundred self short so well wide""".split()
)
"""First parts of compounds that keep their hyphen at a line end (this
project's short list of English prefix words and numbers)."""

_HYPHENS = "-\u2010\u00ad"
_PAGE_NUMBER = re.compile(
    r"""\A[-\u2013\u2014\[(\s]*
    (?:page|p\.|pg\.|seite|página|pagina)?\s*
    (?:\d{1,4}|[ivxlcdm]{1,7})
    (?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?
    [-\u2013\u2014\])\s]*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_LIST_ITEM = re.compile(r"\A(?:[\u2022\u25aa\u25cf\u2013*-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_PLACEHOLDER_TITLE = re.compile(
    r"""\A(?:untitled|unknown|document\d*|title|\(anonymous\)|
    microsoft\s+(?:word|powerpoint)\s*-.*|.*\.(?:docx?|pdf|tex|dvi|indd|rtf|odt|pages|qxd|ps))\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_END_PUNCTUATION = re.compile(r"[.!?,;:]\Z")


def pdf_text(pdf: PdfText) -> TitledText:
    """The title and paragraphs of a PDF read by any backend (module
    docstring): the text without the title, running headers, footers and
    page numbers, one paragraph per block."""
    title = usable_metadata_title(pdf.metadata_title) or title_from_sizes(pdf.first_page_runs)
    geometry = bool(pdf.line_starts)
    # Lines travel with their positions (None without them).
    pages: List[List[Tuple[str, Optional[Point]]]] = []
    for number, page in enumerate(pdf.pages):
        starts: Sequence[Optional[Point]] = pdf.line_starts[number] if geometry else [None] * len(page)
        pages.append([(" ".join(line.split()), start) for line, start in zip(page, starts) if line.strip()])
    if title and pages:
        span = title_lines([line for line, _ in pages[0]], title)
        if span:
            del pages[0][span[0]:span[1]]
    dropped = furniture_lines([[line for line, _ in page] for page in pages], title)
    pages = [[item for i, item in enumerate(page) if i not in gone] for page, gone in zip(pages, dropped)]
    if not title and pages and len(pages[0]) > 1:
        # No metadata, no sizes: a short first line without final
        # punctuation, followed by more text, is the title.
        first = pages[0][0][0]
        if len(first.split()) <= 15 and not _END_PUNCTUATION.search(first):
            title = first
            del pages[0][0]
    lines = [[line for line, _ in page] for page in pages]
    positions = [[start for _, start in page if start is not None] for page in pages] if geometry else None
    words, compounds = _vocabulary(line for page in lines for line in page)
    paragraphs = [join_paragraph(p, words, compounds) for p in paragraphs_of(lines, positions)]
    return TitledText(title, "\n\n".join(p for p in paragraphs if p))


def usable_metadata_title(title: Optional[str]) -> Optional[str]:
    """``title`` with its whitespace collapsed, or None when it is empty,
    longer than 300 characters, or a producer's placeholder (``Untitled``,
    ``Microsoft Word - a.docx``, a file name) rather than a title."""
    if not title:
        return None
    title = " ".join(title.split())
    if not title or _PLACEHOLDER_TITLE.match(title) or not _WORD.search(title) or len(title) > 300:
        return None
    return title


def title_from_sizes(runs: Sequence[Tuple[str, float]], large: float = LARGE) -> Optional[str]:
    """The first stretch of text set at least ``large`` times the body size
    (the size of most characters), or None.

    ``runs``: ``(text, size in points)`` in reading order.  The stretch must
    start within the first quarter of the characters: a large pull quote
    further down is not a title.
    """
    weights: Counter[float] = Counter()
    for text, size in runs:
        weights[round(size, 1)] += len(text.strip())
    if not weights:
        return None
    body = weights.most_common(1)[0][0]
    total = sum(weights.values())
    seen = 0
    parts: List[str] = []
    for text, size in runs:
        if size >= large * body and text.strip():
            if not parts and seen > total / 4:
                return None
            parts.append(text)
        elif parts and text.strip():
            break
        seen += len(text.strip())
    return " ".join(" ".join(parts).split()) or None


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _words(text: str) -> List[str]:
    return [word.lower() for word in _WORD.findall(text)]


def title_lines(lines: Sequence[str], title: str, within: int = 8) -> Optional[Tuple[int, int]]:
    """``(start, end)``: the slice of ``lines``, starting among the first
    ``within``, whose words are exactly the words of ``title``; or None."""
    target = _words(title)
    if not target:
        return None
    for start in range(min(within, len(lines))):
        got: List[str] = []
        for end in range(start, len(lines)):
            got += _words(lines[end])
            if got == target:
                return start, end + 1
            if got != target[: len(got)]:
                break
    return None


def _carries_page_number(line: str, number: int) -> bool:
    """A short line without final punctuation that starts or ends with the
    page's own number: a running header (``Chapter One   17``)."""
    tokens = line.split()
    return (
        2 <= len(tokens) <= 10
        and str(number) in (tokens[0], tokens[-1])
        and not _END_PUNCTUATION.search(" ".join(t for t in tokens if t != str(number)))
    )


def furniture_lines(pages: Sequence[Sequence[str]], title: Optional[str] = None) -> List[Set[int]]:
    """Per page, the indices of its lines that are running headers, footers
    and page numbers (module docstring, step 2).  Blank lines are never
    furniture, and indices count them."""
    kept = [[i for i, line in enumerate(page) if line.strip()] for page in pages]
    texts = [[" ".join(page[i].split()) for i in index] for page, index in zip(pages, kept)]
    edges = [
        set(range(min(EDGE_LINES, len(page)))) | set(range(max(0, len(page) - EDGE_LINES), len(page))) for page in texts
    ]
    seen_on: Counter[str] = Counter()
    for page, edge in zip(texts, edges):
        seen_on.update({_key(page[i]) for i in edge})
    repeated = {key for key, count in seen_on.items() if count >= 2 and count * 2 >= len(texts)}
    title_key = " ".join(_words(title)) if title else None
    out = []
    for number, (page, edge, index) in enumerate(zip(texts, edges, kept), start=1):
        out.append(
            {
                index[i]
                for i, line in enumerate(page)
                if i in edge
                and (
                    _PAGE_NUMBER.match(line)
                    or _key(line) in repeated
                    or _carries_page_number(line, number)
                    or (title_key and " ".join(_words(line)) == title_key and re.search(r"\d", line))
                )
            }
        )
    return out


def _usual_width(lines: Sequence[str]) -> int:
    """The length of a full line on a page: the 75th percentile of the
    lengths of its lines of three words or more."""
    lengths = sorted(len(line) for line in lines if len(line.split()) >= 3)
    if not lengths:
        return max((len(line) for line in lines), default=0)
    return lengths[(len(lengths) * 3) // 4 - (1 if len(lengths) % 4 == 0 else 0)]


def _ends_hyphenated(line: str) -> bool:
    """Whether ``line`` ends in a hyphen right after a word (``mil-``,
    ``U.K.-``, ``7-``), not a dash standing alone."""
    return len(line) >= 2 and line[-1] in _HYPHENS and (line[-2].isalnum() or line[-2] == ".")


def _geometry_breaks(starts: Sequence[Point]) -> Set[int]:
    """Indices ``i`` of the lines of one page after which a paragraph ends,
    by position: the next line lies further down than the usual line
    spacing, or starts right of its column's left edge (an indent).
    Columns are the x positions where at least three lines start."""
    breaks: Set[int] = set()
    if len(starts) < 3:
        return breaks
    steps = [a[1] - b[1] for a, b in zip(starts, starts[1:]) if abs(a[0] - b[0]) < 30 and 0 < a[1] - b[1] < 60]
    if not steps:
        return breaks
    spacing = statistics.median(steps)
    counts = Counter(round(x) for x, _ in starts)
    lefts = sorted(x for x, n in counts.items() if n >= 3)
    for i, (here, after) in enumerate(zip(starts, starts[1:])):
        if abs(here[0] - after[0]) < 30 and here[1] - after[1] > 1.3 * spacing:
            breaks.add(i)
        column = max((x for x in lefts if x <= after[0] + 1), default=None)
        if column is not None and 2.5 < after[0] - column < 40:
            breaks.add(i)
    return breaks


def paragraphs_of(
    pages: Sequence[Sequence[str]], starts: Optional[Sequence[Sequence[Point]]] = None
) -> List[List[str]]:
    """The lines of all pages grouped into paragraphs (module docstring,
    step 3), each paragraph its lines in order.  ``starts`` (each line's
    position, as ``PdfText.line_starts`` without the blank lines) adds
    breaks at vertical gaps and first-line indents."""
    paragraphs: List[List[str]] = []
    current: List[str] = []
    flat: List[Tuple[str, int, bool]] = []
    for number, page in enumerate(pages):
        geometry = _geometry_breaks(starts[number]) if starts else set()
        width = _usual_width(page)
        flat.extend((line, width, i in geometry) for i, line in enumerate(page))
    for i, (line, width, gap_after) in enumerate(flat):
        if current and _LIST_ITEM.match(line):
            paragraphs.append(current)
            current = []
        current.append(line)
        if i + 1 == len(flat):
            break
        after = flat[i + 1][0]
        first = after.split(None, 1)[0] if after.split() else ""
        short = len(line) + 1 + len(first) < 0.9 * width
        if (short or gap_after) and not _ends_hyphenated(line) and not after[:1].islower():
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _vocabulary(lines: Iterable[str]) -> Tuple[Set[str], Set[str]]:
    """``(words, hyphenated words)`` seen inside lines, not at their ends."""
    words: Set[str] = set()
    compounds: Set[str] = set()
    for line in lines:
        tokens = line.split()
        for token in tokens[:-1] if _ends_hyphenated(line) else tokens:
            token = token.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019").lower()
            if "-" in token.strip("-"):
                compounds.add(token)
                words.update(part for part in token.split("-") if part)
            elif token:
                words.add(token)
    return words, compounds


def keeps_hyphen(before: str, after: str, words: Set[str], compounds: Set[str]) -> bool:
    """Whether ``before-`` at a line's end and ``after`` at the start of the
    next are one hyphenated word (True) or one word split by the typesetter
    (False).  ``before``: the line's last word without its hyphen;
    ``after``: the next line's first word; ``words`` and ``compounds``: the
    document's vocabulary (module docstring, step 4)."""
    left = re.sub(r"\A.*[^\w.]", "", before)
    right_word = re.match(r"[\w'\u2019]*", after)
    right = right_word.group(0) if right_word else ""
    if not left or not right:
        return True
    if left[-1] == "." or left[-1].isupper() or left[-1].isdigit() or right[0].isupper() or right[0].isdigit():
        return True
    low_left, low_right = left.lower(), right.lower()
    if f"{low_left}-{low_right}" in compounds:
        return True
    if (low_left + low_right) in words:
        return False
    if low_left in KEEP_HYPHEN_AFTER:
        return True
    return low_left in words and low_right in words and len(low_left) > 2 and len(low_right) > 2


def join_paragraph(lines: Sequence[str], words: Set[str], compounds: Set[str]) -> str:
    """The lines of one paragraph as one line: a space between lines,
    hyphenation at line ends undone (``keeps_hyphen``), a URL broken after
    a slash or hyphen joined again."""
    out = ""
    for line in lines:
        if out and _ends_hyphenated(out) and line[:1].isalnum() and not re.search(r"\w:/\S*\Z", out):
            before = out[:-1].rsplit(None, 1)[-1] if out[:-1].split() else ""
            hyphen = "-" if keeps_hyphen(before, line.split(None, 1)[0], words, compounds) else ""
            out = out[:-1] + hyphen + line
        elif out and re.search(r"(?:\w:/|www\.)\S*[/-]\Z", out):
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out
