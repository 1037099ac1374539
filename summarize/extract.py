"""HTML → article: the main text of a web page, its title, byline and date.

Built on trafilatura (the ``web`` extra), imported only when a page is met,
so ``summarize --help`` and plain-text runs never load it.  Everything else
here (charset sniffing, "does this look like HTML?") is plain Python.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, List, Optional, Tuple

from .errors import MissingExtraError, NoTextError

INSTALL_HINT = "pip install 'summarize[web]'"

# How far into a page to look for <meta charset>, as the HTML standard does.
SNIFF_BYTES = 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# The tag an HTML document starts with, after comments and whitespace
# (looks_like_html skips those itself: a pattern repeating comments with a
# lazy ".*?" inside backtracked exponentially when no tag followed).
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE)
_SPACES = re.compile(r"\s*")
_BLANK_LINES = re.compile(r"\n\s*\n+")

DEEP_NESTING = 250
"""Elements nested deeper than this are beyond lxml's parser (it stops at
about 255 levels), so trafilatura finds no text in such a page: ``extract``
reads its text flat instead."""


@dataclass(frozen=True)
class Article:
    """What a page holds: ``title`` (og:title, <title> or the first <h1>),
    ``byline`` and ``date`` (ISO ``YYYY-MM-DD``) or ``None`` when not found,
    and ``text``: the main text only, one paragraph per block, blocks
    separated by a blank line (navigation, ads, footers and the like left
    out)."""

    title: Optional[str]
    byline: Optional[str]
    date: Optional[str]
    text: str


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document (a doctype, or an
    ``<html>``, ``<head>``, ``<body>``, ``<meta>`` or ``<title>`` tag, maybe
    after a byte-order mark, comments and whitespace), within its first 4096
    characters.  Linear in that length."""
    head = text[:4096]
    at = 1 if head.startswith("\ufeff") else 0
    while True:
        at = _SPACES.match(head, at).end()  # type: ignore[union-attr]  # \s* always matches
        if not head.startswith("<!--", at):
            return _HTML_TAG.match(head, at) is not None
        end = head.find("-->", at + 4)  # a comment ends at the first "-->"
        if end < 0:
            return False
        at = end + 3


def meta_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in a ``<meta>`` tag within its first
    ``SNIFF_BYTES`` bytes, lower-cased, or ``None``."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    return match.group("charset").decode("ascii").lower() if match else None


def _trafilatura(label: str) -> Any:
    try:
        import trafilatura
    except ImportError:
        # A missing lxml_html_clean (needed with lxml >= 5.2) lands here too.
        raise MissingExtraError(f"{label}: reading web pages needs the web extra: {INSTALL_HINT}") from None
    # Some of trafilatura's helpers log without a handler of their own; with
    # none, Python prints their warnings on stderr, among our one-line errors.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
    return trafilatura


def _clean(value: Any) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extract(html: str, url: Optional[str] = None, *, name: Optional[str] = None) -> Article:
    """The article in the HTML page ``html``; ``url`` (when known) helps
    resolve metadata, ``name`` is used in error messages.

    Raises ``MissingExtraError`` when trafilatura is not installed and
    ``NoTextError`` when the page holds no article text.
    """
    label = name or url or "HTML"
    trafilatura = _trafilatura(label)
    # Precision over recall: on pages without <article>, recall mode keeps
    # ads and newsletter blurbs as paragraphs (see the README's comparison).
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
    )
    text = getattr(result, "text", None) if result is not None else None
    if text and text.strip():
        title = _clean(getattr(result, "title", None))
        paragraphs = [" ".join(line.split()) for line in text.splitlines()]
        paragraphs = [p for p in paragraphs if p]
    else:
        # Nothing found: a page nested deeper than lxml parses still has its
        # text, read flat; any other page has no article.
        flat = _FlatText.read(html)
        if flat.deepest <= DEEP_NESTING or not flat.paragraphs:
            raise NoTextError(f"{label}: no article text found")
        result, title, paragraphs = None, flat.title, flat.paragraphs
    # trafilatura keeps the <h1> headline as the first block: it is the title.
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise NoTextError(f"{label}: no article text found (only a title)")
    return Article(
        title=title,
        byline=_clean(getattr(result, "author", None)),
        date=_clean(getattr(result, "date", None)),
        text="\n\n".join(paragraphs),
    )


class _FlatText(HTMLParser):
    """The text of a page, one paragraph per block element (``<p>``,
    headings, list items, ``<div>`` ...), without scripts, styles, forms and
    the page's navigation, header, footer and asides; its ``<title>``; and
    how deep its elements nest.  Standard library only, linear in the page,
    no depth limit: the fallback for pages lxml cannot parse whole."""

    BLOCKS = frozenset(
        "address article aside blockquote body br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
        "header hr li main nav ol p pre section table td th tr ul".split()
    )
    SKIPPED = frozenset("aside button footer form header iframe nav noscript object script select style svg template textarea".split())
    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
    # Elements an opening sibling closes, as a browser does ("<p>a<p>b").
    CLOSED_BY_SIBLING = frozenset("dd dt li option p td th tr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: List[str] = []
        self.skipping = 0  # open elements whose text is left out
        self.deepest = 0
        self.in_title = False
        self.title_parts: List[str] = []
        self.current: List[str] = []
        self.found: List[str] = []

    @classmethod
    def read(cls, html: str) -> "_FlatText":
        parser = cls()
        parser.feed(html)
        parser.close()
        parser._paragraph()
        return parser

    @property
    def title(self) -> Optional[str]:
        return _clean("".join(self.title_parts))

    @property
    def paragraphs(self) -> List[str]:
        return self.found

    def _paragraph(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.found.append(text)
        self.current = []

    def _push(self, tag: str) -> None:
        self.open.append(tag)
        self.skipping += tag in self.SKIPPED
        self.deepest = max(self.deepest, len(self.open))

    def _pop(self) -> None:
        self.skipping -= self.open.pop() in self.SKIPPED

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in self.BLOCKS:
            self._paragraph()
        if tag in self.VOID:
            return
        if self.open and (self.open[-1] == tag and tag in self.CLOSED_BY_SIBLING or self.open[-1] == "p" and tag in self.BLOCKS):
            self._pop()
        self._push(tag)

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        if tag in self.BLOCKS:
            self._paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in self.BLOCKS:
            self._paragraph()
        if tag in self.open:
            while self.open and self.open[-1] != tag:
                self._pop()
            self._pop()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skipping:
            self.current.append(data)
