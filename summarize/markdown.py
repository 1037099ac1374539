"""Markdown → a document: its title, and its prose without the markup.

Parsed with markdown-it-py (CommonMark, plus GFM tables and
strike-through), which rich already depends on; imported when a Markdown
input is met, so ``--help`` never loads it.

* **Title**: ``title:`` in a YAML (``---``) or TOML (``+++``) front matter
  block at the very top; else the first level-1 heading (``# Title`` or a
  ``===`` underline).  Front matter is never text.
* **Text**: paragraphs, block quotes and list items (each item its own
  paragraph, its text only), in document order, separated by a blank line.
  Inline markup keeps its words: emphasis, strong, link text and inline
  code lose their markers; link targets, autolinks, images (so badges),
  HTML tags, struck-through words and footnote markers (``[^1]``) are
  dropped.  A line break inside a paragraph is a space.
* **Never text**: headings, fenced and indented code, tables, HTML blocks,
  thematic breaks, link reference definitions, footnote bodies
  (``[^1]: …``), and paragraphs that hold no letter or nothing but links (a
  row of badges or navigation links).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING, List, Optional, Sequence, Tuple

from .document import Document, TitledText

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"""^title[ \t]*[:=][ \t]*(?P<q>["']?)(?P<title>.+?)(?P=q)[ \t]*$""", re.MULTILINE | re.IGNORECASE)
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_DEFINITION = re.compile(r"\A\[\^[^\]\s]+\]:")
_LETTER = re.compile(r"[^\W\d_]")
_BREAK_TAG = re.compile(r"\A<br\s*/?>\Z", re.IGNORECASE)


def markdown_document(doc: Document) -> Document:
    """``doc``, whose text is Markdown, with its title and its prose
    (module docstring).  A title the document already has is kept."""
    found = read_markdown(doc.text)
    return replace(doc, title=doc.title or found.title, text=found.text)


def split_front_matter(text: str) -> Tuple[Optional[str], str]:
    """``(title or None, text without the front matter block)``.  Only the
    ``title`` key is read (a plain or quoted one-line value); the rest of
    the block is dropped unread."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    title_match = _FRONT_TITLE.search(match.group(2))
    title = " ".join(title_match.group("title").split()) if title_match else None
    return title or None, text[match.end():]


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark plus GFM tables and strike-through, so tables are seen as
    # tables (not paragraphs of pipes) and ~~x~~ loses its tildes.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_markdown(text: str) -> TitledText:
    """The title and prose of the Markdown ``text`` (module docstring)."""
    title, source = split_front_matter(text)
    paragraphs: List[str] = []
    skip_until: Optional[str] = None
    heading: Optional[str] = None
    for token in _parser().parse(source):
        if skip_until:
            if token.type == skip_until:
                skip_until = None
        elif token.type == "table_open":
            skip_until = "table_close"
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline" and not _FOOTNOTE_DEFINITION.match(token.content):
            words, only_links = _inline_text(token.children or ())
            if heading is not None:
                if heading == "h1" and title is None:
                    title = words or None
            elif _LETTER.search(words) and not only_links:
                paragraphs.append(words)
        # fence, code_block, html_block, hr: never text
    return TitledText(title, "\n\n".join(paragraphs))


def _inline_text(children: Sequence[Token]) -> Tuple[str, bool]:
    """The words of an inline token's children, and whether all of them
    sit inside links (a navigation or badge line)."""
    parts: List[str] = []
    outside: List[str] = []
    in_link = 0
    struck = 0
    autolink = False
    for token in children:
        kind = token.type
        if kind == "s_open":
            struck += 1
        elif kind == "s_close":
            struck -= 1
        elif struck:
            continue  # struck-through words were taken back
        elif kind == "link_open":
            in_link += 1
            autolink = token.markup == "autolink"
        elif kind == "link_close":
            in_link -= 1
            autolink = False
        elif kind in ("text", "code_inline") and not autolink:
            parts.append(token.content)
            if not in_link:
                outside.append(token.content)
        elif kind in ("softbreak", "hardbreak") or (kind == "html_inline" and _BREAK_TAG.match(token.content)):
            parts.append(" ")
        # images (badges), other HTML tags, emphasis markers: no words of their own
    text = " ".join(_FOOTNOTE_MARK.sub("", "".join(parts)).split())
    only_links = bool(text) and not _LETTER.search(" ".join(outside))
    return text, only_links
