"""HTML → article: the main text of a web page, its title, byline and date.

Built on trafilatura (the ``web`` extra), imported only when a page is met,
so ``summarize --help`` and plain-text runs never load it.  Everything else
here (charset sniffing, "does this look like HTML?", the page's title, and
which of trafilatura's blocks are prose) is plain Python over the trees
trafilatura builds.

The article's text is made from trafilatura's XML, block by block, so the
page's structure decides what is prose: headings, code, lists of links,
lines that are mostly links or names, short lines without a sentence's
final mark (bylines, breadcrumbs, subheadings, "See it now: Amazon") and
a paragraph repeating the headline are left out; a line break inside a
paragraph is a space.  Sentences that only patterns can tell (credits,
reprint notices) are the core's: ``boilerplate``.
"""
from __future__ import annotations

import json
import logging
import re
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from .datafiles import read_word_list
from .errors import MissingExtraError, NoTextError

INSTALL_HINT = "pip install 'summarize[web]'"

HEAD_BYTES = 256 * 1024
"""How far into a page a ``<meta>`` charset is looked for: its whole
``<head>``, up to this many bytes (the HTML standard's pre-scan stops at
1,024, where long heads of scripts and styles have not declared it yet)."""

DEEP_NESTING = 250
"""Elements nested deeper than this are beyond lxml's parser (it stops at
about 255 levels), so trafilatura finds no text in such a page: ``extract``
reads its text flat instead."""

MAX_TITLE_CHARS = 300
"""A longer title candidate is no title (a description pasted into og:title)."""

SHORT_LINE_WORDS = 12
"""A line without a sentence's final mark and at most this many words is
page furniture (a byline, a breadcrumb, a subheading), not prose."""

LINK_SHARE = 0.5
"""A block with at least this share of its characters inside links is a
line of links (related stories, tags, breadcrumbs), not prose."""

NAME_SHARE = 0.7
"""A line without a final mark whose words are at least this share
capitalised is a run of names or labels."""

# Extraction settings tried in turn until one finds prose: precision first
# (on pages without <article>, recall mode keeps ads and newsletter blurbs as
# paragraphs: see the README), then with tables (pages laid out with them),
# then recall mode, which finds what precision loses.
ATTEMPTS: Tuple[Dict[str, bool], ...] = (
    {"favor_precision": True, "include_tables": False},
    {"favor_precision": True, "include_tables": True},
    {"favor_recall": True, "include_tables": True},
)

# A <meta ...> tag: its attributes up to the next "<" or ">" (bounded), and
# the ">" that closes it, when it is there.
_META_TAG = re.compile(rb"<meta\b([^<>]{0,1024})(>?)", re.IGNORECASE)
# A charset value, whole: what follows it ends it (a cut name never matches).
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})(?=[\s"';/>])""", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.IGNORECASE)
# The tag an HTML document starts with, after comments and whitespace
# (looks_like_html skips those itself: a pattern repeating comments with a
# lazy ".*?" inside backtracked exponentially when no tag followed).
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|script)\b", re.IGNORECASE)
# What separates a title from the site name or a section label.
_TITLE_SEPARATOR = re.compile(r"\s+(\||-{1,2}|\u2013|\u2014|::|\u00bb|\u00b7|\u2022|/)\s+")
# Separators no headline uses: without other evidence, the longest part is the title.
_STRONG_SEPARATORS = frozenset({"|", "::", "\u00bb", "\u00b7", "\u2022"})
# A URL's last part: lower-case ASCII words joined by hyphens or underscores.
_SLUG = re.compile(r"\A[a-z0-9%]+(?:(?:[-+][a-z0-9%]+){2,}|(?:_[a-z0-9%]+)+)(?:\.[a-z]{2,5})?/?\Z")
_URL = re.compile(r"\A<?(?:https?://|www\.)\S+\Z", re.IGNORECASE)
# A sentence's final mark, maybe inside closing quotes or brackets.
_FINAL_MARK = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u0964][\"'\u201d\u2019\u00bb)\]]*\Z")
# A dateline standing alone before the body: "Rome (AFP) –", "LONDON --".
_DATELINE = re.compile(r"(?:--|[-\u2013\u2014])\Z")
_HOST_PREFIXES = ("www.", "m.", "amp.", "edition.", "mobile.")
# Block elements of trafilatura's XML.
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "graphic"})
# A name glued to itself: what is left of a hover card the page's markup did
# not set apart ("Rep. Ines HarrowInes HarrowHarbour board names...").
_GLUED_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\1")
# Elements in a page that only script shows (hidden, hover cards): never text.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """What a page holds: ``title`` (see ``page_title``), ``byline`` and
    ``date`` (ISO ``YYYY-MM-DD``) or ``None`` when not found, and ``text``:
    the article's prose only, one paragraph per block, blocks separated by
    a blank line (navigation, ads, footers, headings, code, link lists and
    other furniture left out).  ``language``: the tag of ``<html lang>``
    as written ("fr", "en-US"), or ``None``."""

    title: Optional[str]
    byline: Optional[str]
    date: Optional[str]
    text: str
    language: Optional[str] = None


class TitleSources(NamedTuple):
    """What a page says its title is, each ``None`` when absent:
    ``og_title``, ``twitter_title``, ``headline`` (JSON-LD), ``html_title``
    (``<title>``), ``h1`` (the page's first); and ``sites``: the site's
    names (``og:site_name``, ``application-name``, JSON-LD publisher, the
    host name of the page's URL), normalised with ``_squash``."""

    og_title: Optional[str] = None
    twitter_title: Optional[str] = None
    headline: Optional[str] = None
    html_title: Optional[str] = None
    h1: Optional[str] = None
    sites: Tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document (a doctype, or an
    ``<html>``, ``<head>``, ``<body>``, ``<meta>``, ``<title>`` or
    ``<script>`` tag), maybe after a byte-order mark, an XML declaration
    (XHTML), comments and whitespace, within its first 4096 characters.
    Linear in that length: each comment ends at its first ``-->``."""
    head = text[:4096]
    at = 1 if head.startswith("\ufeff") else 0
    while True:
        while at < len(head) and head[at].isspace():
            at += 1
        if head.startswith("<!--", at):
            end, skip = head.find("-->", at + 4), 3
        elif head.startswith("<?xml", at):
            end, skip = head.find("?>", at + 5), 2
        else:
            return _HTML_TAG.match(head, at) is not None
        if end < 0:
            return False
        at = end + skip


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
        headline = _first_heading(body)
        title = page_title(sources._replace(h1=headline or sources.h1), fallback=_clean(getattr(result, "title", None)))
        paragraphs = article_paragraphs(body, _title_forms(sources, headline, title))
        if paragraphs:
            return Article(
                title=title,
                byline=_clean(getattr(result, "author", None)),
                date=_clean(getattr(result, "date", None)),
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


# --- the page's title ---------------------------------------------------------------------


def title_sources(tree: Any, url: Optional[str] = None) -> TitleSources:
    """What the parsed page ``tree`` (and its ``url``) says about its title
    and its site; see ``TitleSources``."""
    meta: Dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = _clean(element.get("content"))
        if key and content and key not in meta:
            meta[key] = content
    sites = [meta.get("og:site_name"), meta.get("application-name"), meta.get("twitter:site", "").lstrip("@") or None]
    headline = None
    for data in _json_ld(tree):
        headline = headline or _json_ld_headline(data)
        sites.extend(_json_ld_sites(data))
    page_url = url or meta.get("og:url") or _canonical(tree)
    host = urllib.parse.urlsplit(page_url).hostname if page_url and "://" in page_url else None
    if host:
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix):
                host = host[len(prefix):]
        sites += [host, host.split(".")[0]]
    title_element = next(iter(tree.xpath("//head/title")), None)
    h1 = next(tree.iter("h1"), None)
    return TitleSources(
        og_title=meta.get("og:title"),
        twitter_title=meta.get("twitter:title"),
        headline=headline,
        html_title=_clean(title_element.text_content()) if title_element is not None else None,
        h1=_clean(h1.text_content()) if h1 is not None else None,
        sites=tuple(dict.fromkeys(s for s in map(_squash, filter(None, sites)) if s)),
    )


def _canonical(tree: Any) -> Optional[str]:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href: Optional[str] = link.get("href")
            return href
    return None


def _json_ld(tree: Any) -> Iterator[Any]:
    """The JSON-LD objects of the page, each top-level one and each of an
    ``@graph``, as parsed (a script that is no valid JSON is passed over)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:1_000_000])
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    yield from (node for node in graph if isinstance(node, dict))


_ARTICLE_TYPES = ("article", "posting", "report", "review", "webpage")


def _types(data: Dict[str, Any]) -> List[str]:
    kind = data.get("@type")
    return [str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if k]


def _json_ld_headline(data: Dict[str, Any]) -> Optional[str]:
    headline = data.get("headline")
    if isinstance(headline, str) and any(t.endswith(_ARTICLE_TYPES) for t in _types(data)):
        return _clean(headline)
    return None


def _json_ld_sites(data: Dict[str, Any]) -> List[str]:
    names = []
    publisher = data.get("publisher")
    for item in publisher if isinstance(publisher, list) else [publisher]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    if any(t in ("website", "organization", "newsmediaorganization") for t in _types(data)) and isinstance(data.get("name"), str):
        names.append(data["name"])
    return names


def _squash(text: str) -> str:
    """``text`` reduced for comparing names: lower-case letters and digits
    only, without a leading "the"."""
    squashed = re.sub(r"[\W_]+", "", text.casefold())
    return squashed[3:] if squashed.startswith("the") and len(squashed) > 6 else squashed


def page_title(sources: TitleSources, fallback: Optional[str] = None) -> Optional[str]:
    """The page's title: the first of og:title, twitter:title, the JSON-LD
    headline, the first ``<h1>``, ``<title>`` and ``fallback`` that is a
    title once cleaned (``clean_title``: the site's name and section labels
    dropped; never a URL or a URL slug, nor the site's name alone), else
    ``None``."""
    candidates = (sources.og_title, sources.twitter_title, sources.headline, sources.h1, sources.html_title, fallback)
    for candidate in candidates:
        title = clean_title(candidate, sources.sites) if candidate else None
        if title:
            return title
    return None


def clean_title(raw: str, sites: Sequence[str] = ()) -> Optional[str]:
    """``raw`` without the site's name and section labels that decorate it,
    or ``None`` when nothing of a title is left.

    The parts of ``raw`` between separators (`` | ``, `` - ``, `` – ``,
    `` — ``, `` :: ``, `` » ``, `` · ``, `` / ``) are taken off either end
    while they are one of ``sites`` (squashed names: ``_squash``) or a
    section label (``data/en/section_labels.txt``): "Title | Site", "Site |
    Title", "Title - Site", "Opinion | Title".  When parts joined by ``|``
    (or another separator no headline uses) remain, the longest is the
    title ("Title | Section | Site" of an unknown site); after a dash, a
    name (a host name, or up to four capitalised words) is dropped when the
    headline before it is in sentence case.  A URL, a slug
    ("harbour-dredging-plan") or the site's name alone is no title.
    """
    text = " ".join(raw.split())
    if not text or len(text) > MAX_TITLE_CHARS or _URL.match(text) or _SLUG.match(text):
        return None
    pieces = _TITLE_SEPARATOR.split(text)
    parts, separators = pieces[0::2], pieces[1::2]
    labels = _section_labels()
    while len(parts) > 1:
        if _decoration(parts[-1], sites, labels):
            parts, separators = parts[:-1], separators[:-1]
        elif _decoration(parts[0], sites, labels):
            parts, separators = parts[1:], separators[1:]
        else:
            break
    if len(parts) > 1 and all(s in _STRONG_SEPARATORS for s in separators):
        parts, separators = [max(parts, key=lambda p: len(p.split()))], []
    elif len(parts) == 2 and _looks_like_site(parts[1]) and _sentence_case(parts[0]):
        # "Harbour plan approved – The Coast Gazette": a name after a dash,
        # where the headline itself is not written in capitalised words.
        parts, separators = parts[:1], []
    title = parts[0] + "".join(f" {s} {p}" for s, p in zip(separators, parts[1:]))
    if _decoration(title, sites, labels) or _SLUG.match(title) or not any(c.isalpha() for c in title):
        return None
    return title


def _decoration(part: str, sites: Sequence[str], labels: frozenset[str]) -> bool:
    """Whether a part of a title is the site's name or a section label."""
    squashed = _squash(part)
    if squashed in sites or part.casefold() in labels:
        return True
    # "nytimes.com", "Coast Gazette Online": a host name's first label, then a
    # little more, in a part of capitalised words.
    words = part.split()
    return len(words) <= 3 and all(w[:1].isupper() or "." in w for w in words) and any(
        len(site) >= 4 and squashed.startswith(site) for site in sites
    )


def _looks_like_site(part: str) -> bool:
    """Whether a part of a title reads as a name: a host name, or at most
    four capitalised words ("The Coast Gazette", "BBC News")."""
    words = part.split()
    if len(words) == 1 and "." in part.strip("."):
        return True
    return len(words) <= 4 and all(w[:1].isupper() or w in _NAME_LINKS for w in words)


_NAME_LINKS = frozenset({"of", "and", "&", "the", "de", "du", "la", "le", "der", "die", "das"})


def _sentence_case(part: str) -> bool:
    """Whether a part of a title reads as a headline in sentence case: three
    words or more, some of them lower-case (not only the small ones)."""
    words = part.split()
    return len(words) >= 3 and any(w[:1].islower() and w not in _NAME_LINKS for w in words)


_LABELS: List[frozenset[str]] = []


def _section_labels() -> frozenset[str]:
    if not _LABELS:
        _LABELS.append(frozenset(label.casefold() for label in read_word_list("section_labels.txt")))
    return _LABELS[0]


def _first_heading(body: Any) -> Optional[str]:
    """The text of the first block of trafilatura's XML when it is a heading."""
    for child in body:
        if isinstance(child.tag, str):
            return _clean("".join(child.itertext())) if child.tag == "head" else None
    return None


def _title_forms(sources: TitleSources, headline: Optional[str], title: Optional[str]) -> frozenset[str]:
    """The page's headline as it may be repeated in the text, comparable
    (``_comparable``): every candidate, raw and cleaned."""
    raw = [sources.og_title, sources.twitter_title, sources.headline, sources.h1, sources.html_title, headline, title]
    forms = set()
    for candidate in filter(None, raw):
        forms.add(_comparable(candidate))
        cleaned = clean_title(candidate, sources.sites)
        if cleaned:
            forms.add(_comparable(cleaned))
    forms.discard("")
    return frozenset(forms)


def _comparable(text: str) -> str:
    return " ".join(text.split()).rstrip(".!?:;,\u2026 ").casefold()


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
        if _comparable(block.text) in title_forms:
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
    if not text or block.links >= LINK_SHARE or block.code >= 0.9 or _URL.match(text) or _GLUED_NAME.search(text):
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
