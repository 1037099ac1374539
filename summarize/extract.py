"""HTML → article: the main text of a web page, its title, byline and date.

Built on trafilatura (the ``web`` extra), imported only when a page is met,
so ``summarize --help`` and plain-text runs never load it.  Everything else
here (charset sniffing, "does this look like HTML?") is plain Python.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Optional

from .errors import MissingExtraError, NoTextError

INSTALL_HINT = "pip install 'summarize[web]'"

HEAD_BYTES = 256 * 1024
"""How far into a page a ``<meta>`` charset is looked for: its whole
``<head>``, up to this many bytes (the HTML standard's pre-scan stops at
1,024, where long heads of scripts and styles have not declared it yet)."""

# A <meta ...> tag: its attributes up to the next "<" or ">" (bounded), and
# the ">" that closes it, when it is there.
_META_TAG = re.compile(rb"<meta\b([^<>]{0,1024})(>?)", re.IGNORECASE)
# A charset value, whole: what follows it ends it (a cut name never matches).
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})(?=[\s"';/>])""", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.IGNORECASE)
_HTML_START = re.compile(
    r"""\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b""",
    re.IGNORECASE | re.DOTALL,
)


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
    after comments and whitespace)."""
    return bool(_HTML_START.match(text[:4096]))


def meta_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in a ``<meta>`` tag of its ``<head>``
    (before ``</head>`` or ``<body>``, within ``HEAD_BYTES``), lower-cased,
    or ``None``.  Only a whole tag counts: a tag cut off by the end of the
    data, or a name with nothing after it, is no declaration (``"ut"`` is
    never read from a ``utf-8`` cut short)."""
    head = data[:HEAD_BYTES]
    end = _HEAD_END.search(head)
    if end is not None:
        head = head[:end.start()]
    for tag in _META_TAG.finditer(head):
        if not tag.group(2):
            continue  # not closed where the data ends: maybe cut short
        match = _CHARSET.search(tag.group(1) + b">")
        if match:
            return match.group(1).decode("ascii").lower()
    return None


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


def _clean(value: Any) -> Optional[str]:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extract(html: str, url: Optional[str] = None) -> Article:
    """The article in the HTML page ``html``; ``url`` (when known) helps
    resolve metadata.

    Raises ``MissingExtraError`` when trafilatura is not installed and
    ``NoTextError`` when the page holds no article text.
    """
    trafilatura = _trafilatura()
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
    if not text or not text.strip():
        raise NoTextError("no article text found")
    title = _clean(getattr(result, "title", None))
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    # trafilatura keeps the <h1> headline as the first block: it is the title.
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise NoTextError("no article text found (only a title)")
    return Article(
        title=title,
        byline=_clean(getattr(result, "author", None)),
        date=_clean(getattr(result, "date", None)),
        text="\n\n".join(paragraphs),
    )
