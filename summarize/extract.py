"""HTML → article: the main text of a web page, its title, byline and date.

Built on trafilatura (the ``web`` extra), imported only when a page is met,
so ``summarize --help`` and plain-text runs never load it.  This module
drives the extraction: it parses the page, has ``page_furniture.prepare``
it, tries trafilatura as ``ATTEMPTS`` say, and reads a page flat when it
nests deeper than lxml parses.  The rest is plain Python over the trees
trafilatura builds, each in its room: the page's title (``page_titles``),
which of trafilatura's blocks are prose (``page_furniture``), and whether
bytes are a page and in which charset (``html_sniff``).

The article's text is made from trafilatura's XML, block by block, so the
page's structure decides what is prose: headings, code, lists of links,
lines that are mostly links or names, short lines without a sentence's
final mark (bylines, breadcrumbs, subheadings, "See it now: Amazon") and
a paragraph repeating the headline are left out; a line break inside a
paragraph is a space.  Sentences that only patterns can tell (credits,
reprint notices) are the core's: ``boilerplate``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Dict, List, Optional, Tuple

from .errors import MissingExtraError, NoTextError
from .page_furniture import article_paragraphs, prepare
from .page_titles import TitleSources, clean_title, clean_value, first_heading, page_title, title_forms, title_sources

INSTALL_HINT = "pip install 'summarize[web]'"

DEEP_NESTING = 250
"""Elements nested deeper than this are beyond lxml's parser (it stops at
about 255 levels), so trafilatura finds no text in such a page: ``extract``
reads its text flat instead."""

# Extraction settings tried in turn until one finds prose: precision first
# (on pages without <article>, recall mode keeps ads and newsletter blurbs as
# paragraphs: see the README), then with tables (pages laid out with them),
# then recall mode, which finds what precision loses.
ATTEMPTS: Tuple[Dict[str, bool], ...] = (
    {"favor_precision": True, "include_tables": False},
    {"favor_precision": True, "include_tables": True},
    {"favor_recall": True, "include_tables": True},
)


@dataclass(frozen=True)
class Article:
    """What a page holds: ``title`` (see ``page_titles.page_title``),
    ``byline`` and ``date`` (ISO ``YYYY-MM-DD``) or ``None`` when not found, and ``text``:
    the article's prose only, one paragraph per block, blocks separated by
    a blank line (navigation, ads, footers, headings, code, link lists and
    other furniture left out).  ``language``: the tag of ``<html lang>``
    as written ("fr", "en-US"), or ``None``."""

    title: Optional[str]
    byline: Optional[str]
    date: Optional[str]
    text: str
    language: Optional[str] = None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        # A missing lxml_html_clean (needed with lxml >= 5.2) lands here too.
        raise MissingExtraError(f"reading web pages needs the web extra: {INSTALL_HINT}") from None
    # Some of trafilatura's helpers log without a handler of their own; with
    # none, Python prints their warnings on stderr, among our one-line errors.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
    return trafilatura


def extract(html: str, url: Optional[str] = None) -> Article:
    """The article in the HTML page ``html``; ``url`` (when known) helps
    resolve metadata and tells the site's name.

    Extraction is tried as ``ATTEMPTS`` say until one finds prose.  Raises
    ``MissingExtraError`` when trafilatura is not installed and
    ``NoTextError`` when the page holds no article text.
    """
    trafilatura = _trafilatura()
    tree = trafilatura.load_html(html)
    if tree is None:
        return _flat_article(html, None)
    language = html_language(tree)
    prepare(tree)
    sources = title_sources(tree, url)
    title = None
    for attempt in ATTEMPTS:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_links=True,
            include_formatting=True,
            **attempt,
        )
        body = getattr(result, "body", None) if result is not None else None
        if body is None:
            continue
        headline = first_heading(body)
        title = page_title(sources._replace(h1=headline or sources.h1), fallback=clean_value(getattr(result, "title", None)))
        paragraphs = article_paragraphs(body, title_forms(sources, headline, title))
        if paragraphs:
            return Article(
                title=title,
                byline=clean_value(getattr(result, "author", None)),
                date=clean_value(getattr(result, "date", None)),
                text="\n\n".join(paragraphs),
                language=language,
            )
    return _flat_article(html, sources)


def _flat_article(html: str, sources: Optional[TitleSources]) -> Article:
    """The article of a page in which trafilatura found none: its text read
    flat when its elements nest deeper than lxml parses (``DEEP_NESTING``),
    else ``NoTextError``."""
    flat = _FlatText.read(html)
    if flat.deepest <= DEEP_NESTING or not flat.paragraphs:
        raise NoTextError("no article text found")
    title = page_title(sources, fallback=flat.title) if sources is not None else clean_title(flat.title) if flat.title else None
    paragraphs = flat.paragraphs
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise NoTextError("no article text found (only a title)")
    return Article(title=title, byline=None, date=None, text="\n\n".join(paragraphs))


def html_language(tree: Any) -> Optional[str]:
    """The language tag a parsed page declares on its ``<html>`` element
    (``lang``, else ``xml:lang``) as written, or ``None``."""
    root = tree.getroottree().getroot()
    for key in ("lang", "{http://www.w3.org/XML/1998/namespace}lang", "xml:lang"):
        value = root.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# --- a page read flat ---------------------------------------------------------------------


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
        return clean_value("".join(self.title_parts))

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
