"""A web page's furniture: what is left out of its article, and its prose blocks.

Before extraction, ``prepare`` changes the parsed page: paragraphs broken
by double ``<br>`` are split, and what only a script shows (hidden
elements, hover cards) is removed.  After it, ``blocks`` reads
trafilatura's XML block by block and ``article_paragraphs`` keeps those
that ``is_prose``: headings, code, lists of links, lines that are mostly
links or names, short lines without a sentence's final mark (bylines,
breadcrumbs, subheadings, "See it now: Amazon") and a paragraph repeating
the headline are left out; a line break inside a paragraph is a space.
"""
from __future__ import annotations

import re
from typing import Any, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from .page_titles import BARE_URL, comparable

SHORT_LINE_WORDS = 12
"""A line without a sentence's final mark and at most this many words is
page furniture (a byline, a breadcrumb, a subheading), not prose."""

LINK_SHARE = 0.5
"""A block with at least this share of its characters inside links is a
line of links (related stories, tags, breadcrumbs), not prose."""

NAME_SHARE = 0.7
"""A line without a final mark whose words are at least this share
capitalised is a run of names or labels."""

# A sentence's final mark, maybe inside closing quotes or brackets.
_FINAL_MARK = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u0964][\"'\u201d\u2019\u00bb)\]]*\Z")
# A dateline standing alone before the body: "Rome (AFP) –", "LONDON --".
_DATELINE = re.compile(r"(?:--|[-\u2013\u2014])\Z")
# Block elements of trafilatura's XML.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "graphic"})
# A name glued to itself: what is left of a hover card the page's markup did
# not set apart ("Rep. Ines HarrowInes HarrowHarbour board names...").
_GLUED_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\1")
# Elements in a page that only script shows (hidden, hover cards): never text.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# --- the page before extraction ---------------------------------------------------------


def prepare(tree: Any) -> None:
    """Change the parsed page ``tree`` in place before extraction: a
    paragraph broken by two or more ``<br>`` in a row becomes two
    paragraphs (one ``<br>`` stays a line break, read as a space), and what
    only a script shows inside a paragraph is removed: hidden elements and
    hover cards (an element repeating the name just before it, with links
    about that person: "Ines HarrowInes HarrowHarbour board names…")."""
    for paragraph in list(tree.iter("p")):
        _remove_hidden(paragraph)
        _split_at_double_breaks(paragraph)


def _remove_hidden(paragraph: Any) -> None:
    for element in list(paragraph.iterdescendants()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        hidden = (
            element.get("hidden") is not None
            or (element.get("aria-hidden") or "").strip().lower() == "true"
            or _HIDDEN_STYLE.search(element.get("style") or "")
        )
        if hidden or _is_hover_card(element):
            _drop(element)


def _is_hover_card(element: Any) -> bool:
    """Whether ``element`` repeats the name in the element just before it,
    then says more (a card shown when the name is hovered)."""
    before = element.getprevious()
    if before is None or not isinstance(before.tag, str) or (before.tail or "").strip():
        return False
    name = " ".join(before.text_content().split())
    text = " ".join(element.text_content().split())
    return len(name) >= 3 and len(text) > len(name) and text.startswith(name)


def _drop(element: Any) -> None:
    """Remove ``element`` from its tree, keeping the text after it."""
    parent = element.getparent()
    tail = element.tail or ""
    before = element.getprevious()
    if before is not None:
        before.tail = (before.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _split_at_double_breaks(paragraph: Any) -> None:
    """Split ``paragraph`` (a ``<p>``) into sibling paragraphs where two or
    more ``<br>`` follow each other (nothing but spaces between them): the
    text after such a run opens the next paragraph."""
    children = list(paragraph)
    groups: List[Tuple[Optional[str], List[Any]]] = [(paragraph.text, [])]
    runs: List[Any] = []
    i = 0
    while i < len(children):
        j = i
        while j < len(children) and children[j].tag == "br" and (j == i or not (children[j - 1].tail or "").strip()):
            j += 1
        if j - i >= 2:
            runs += children[i:j]
            groups.append((children[j - 1].tail, []))
            i = j
        else:
            groups[-1][1].append(children[i])
            i += 1
    if len(groups) == 1 or paragraph.getparent() is None:
        return
    for br in runs:
        paragraph.remove(br)  # with its tail, kept above
    anchor = paragraph
    for text, members in groups[1:]:
        new = paragraph.makeelement("p", {})
        new.text = text
        for member in members:
            new.append(member)  # moves it, with its tail
        anchor.addnext(new)
        anchor = new


# --- the article's blocks ---------------------------------------------------------------


class Block(NamedTuple):
    """One block of trafilatura's XML as text: ``text`` (whitespace
    collapsed, line breaks read as spaces), ``kind`` (``p``, ``item``,
    ``quote``, ``cell``), and the share of its non-space characters inside
    links (``links``), bold or italic (``emphasis``) and code (``code``)."""

    text: str
    kind: str
    links: float = 0.0
    emphasis: float = 0.0
    code: float = 0.0


def article_paragraphs(body: Any, title_forms: frozenset[str] = frozenset()) -> List[str]:
    """The article's prose paragraphs in trafilatura's XML ``body``, in
    order: each block that ``is_prose``, without those that only repeat the
    headline (one of ``title_forms``, comparable).  A lone dateline before
    the first paragraph ("Rome (AFP) –") is kept for the core to set apart."""
    paragraphs: List[str] = []
    for block in blocks(body):
        if comparable(block.text) in title_forms:
            continue
        if is_prose(block) or (not paragraphs and _is_dateline(block)):
            paragraphs.append(block.text)
    return paragraphs


def is_prose(block: Block) -> bool:
    """Whether ``block`` is the article's prose, not page furniture.

    Furniture: a block mostly of links (``LINK_SHARE``: related stories,
    tags, breadcrumbs), mostly code, a bare URL, a block holding a name
    glued to itself (a hover card's text), a short block all in bold
    or italics (a subheading), a block without a sentence's final mark that
    is short (``SHORT_LINE_WORDS``: a byline, a breadcrumb, "See it now:
    Amazon") or mostly capitalised words (``NAME_SHARE``: names, labels),
    and a list item or table cell that is no sentence of four words or more.
    """
    text = block.text
    if not text or block.links >= LINK_SHARE or block.code >= 0.9 or BARE_URL.match(text) or _GLUED_NAME.search(text):
        return False
    words = text.split()
    if block.emphasis >= 0.9 and len(words) <= SHORT_LINE_WORDS:
        return False
    if not ends_like_sentence(text):
        if len(words) <= SHORT_LINE_WORDS or _capitalised_share(words) >= NAME_SHARE:
            return False
    if block.kind in ("item", "cell") and (len(words) < 4 or not ends_like_sentence(text)):
        return False
    return True


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with a sentence's final mark (maybe inside
    quotes or brackets), or with a colon after five words or more (a line
    that introduces what follows)."""
    return bool(_FINAL_MARK.search(text[-32:])) or (text.endswith(":") and len(text.split()) >= 5)


def _capitalised_share(words: Sequence[str]) -> float:
    lettered = [w for w in words if w[:1].isalpha()]
    return sum(w[0].isupper() for w in lettered) / len(lettered) if lettered else 0.0


def _is_dateline(block: Block) -> bool:
    return block.kind == "p" and len(block.text.split()) <= 8 and bool(_DATELINE.search(block.text))


def blocks(body: Any, nested: bool = False) -> Iterator[Block]:
    """The text blocks of trafilatura's XML ``body`` in document order:
    paragraphs, list items, quotations and table cells, each element's own
    text before that of the blocks inside it; headings, code blocks and
    images give none.  (``nested``: ``body`` is a block whose inline
    children were read with it.)"""
    for child in body:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NO_TEXT or (nested and tag not in _BLOCKS):
            continue
        yield from _inline_blocks(child, _KINDS.get(tag, "p"))
        if any(isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in child):
            yield from blocks(child, nested=True)


_NO_TEXT = frozenset({"head", "code", "graphic"})
_KINDS = {"item": "item", "cell": "cell"}


class _Run(NamedTuple):
    text: str
    link: bool
    emphasis: bool
    code: bool


def _inline_blocks(element: Any, kind: str) -> Iterator[Block]:
    """The inline text of ``element`` (not of its block children) as
    blocks: one, or several where two line breaks follow each other; a
    single line break is a space.  Blank ones are left out."""
    runs: List[Optional[_Run]] = []
    _runs(element, runs, False, False, False, top=True)
    part: List[_Run] = []
    breaks = 0
    for run in runs:
        if run is None:
            breaks += 1
            continue
        if run.text.strip():
            if breaks >= 2 and part:
                yield _block(part, kind)
                part = []
            elif breaks:
                part.append(_Run(" ", False, False, False))
            breaks = 0
        part.append(run)
    if any(run.text.strip() for run in part):
        yield _block(part, kind)


def _runs(element: Any, out: List[Optional[_Run]], link: bool, emphasis: bool, code: bool, top: bool = False) -> None:
    """Append the text runs of ``element`` to ``out`` (``None`` for a line break)."""
    tag = element.tag
    if not top:
        link = link or tag == "ref"
        emphasis = emphasis or tag == "hi"
        code = code or tag == "code"
    if element.text:
        out.append(_Run(element.text, link, emphasis, code))
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "lb":
                out.append(None)
            elif child.tag not in _BLOCKS or child.tag == "code":
                _runs(child, out, link, emphasis, code)
        if child.tail:
            out.append(_Run(child.tail, link, emphasis, code))


def _block(runs: Sequence[_Run], kind: str) -> Block:
    text = " ".join("".join(run.text for run in runs).split())
    total = sum(_weight(run.text) for run in runs) or 1
    return Block(
        text=text,
        kind=kind,
        links=sum(_weight(run.text) for run in runs if run.link) / total,
        emphasis=sum(_weight(run.text) for run in runs if run.emphasis) / total,
        code=sum(_weight(run.text) for run in runs if run.code) / total,
    )


def _weight(text: str) -> int:
    """Characters that count in a block's shares: those that are not spaces."""
    return len("".join(text.split()))
