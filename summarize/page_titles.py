"""A web page's title: what the page says it is, without its decoration.

``title_sources`` gathers what a parsed page says (og:title,
twitter:title, a JSON-LD headline, ``<title>``, the first ``<h1>``, the
site's names); ``page_title`` takes the first candidate that is a title
once ``clean_title`` has taken off the site's name and section labels
(``data/en/section_labels.txt``).  ``title_forms`` are the ways the
headline may be repeated in the text, for ``page_furniture`` to leave out.
Plain Python over the trees trafilatura builds.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from .datafiles import read_word_list

MAX_TITLE_CHARS = 300
"""A longer title candidate is no title (a description pasted into og:title)."""

BARE_URL = re.compile(r"\A<?(?:https?://|www\.)\S+\Z", re.IGNORECASE)
"""A URL alone: neither a title nor prose."""

# What separates a title from the site name or a section label.
_TITLE_SEPARATOR = re.compile(r"\s+(\||-{1,2}|\u2013|\u2014|::|\u00bb|\u00b7|\u2022|/)\s+")
# Separators no headline uses: without other evidence, the longest part is the title.
_STRONG_SEPARATORS = frozenset({"|", "::", "\u00bb", "\u00b7", "\u2022"})
# A URL's last part: lower-case ASCII words joined by hyphens or underscores.
_SLUG = re.compile(r"\A[a-z0-9%]+(?:(?:[-+][a-z0-9%]+){2,}|(?:_[a-z0-9%]+)+)(?:\.[a-z]{2,5})?/?\Z")
_HOST_PREFIXES = ("www.", "m.", "amp.", "edition.", "mobile.")


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


def clean_value(value: Any) -> Optional[str]:
    """``value`` with its whitespace collapsed when it is a string that is
    not blank, else ``None``."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def title_sources(tree: Any, url: Optional[str] = None) -> TitleSources:
    """What the parsed page ``tree`` (and its ``url``) says about its title
    and its site; see ``TitleSources``."""
    meta: Dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = clean_value(element.get("content"))
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
        html_title=clean_value(title_element.text_content()) if title_element is not None else None,
        h1=clean_value(h1.text_content()) if h1 is not None else None,
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
        return clean_value(headline)
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
    if not text or len(text) > MAX_TITLE_CHARS or BARE_URL.match(text) or _SLUG.match(text):
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


def first_heading(body: Any) -> Optional[str]:
    """The text of the first block of trafilatura's XML when it is a heading."""
    for child in body:
        if isinstance(child.tag, str):
            return clean_value("".join(child.itertext())) if child.tag == "head" else None
    return None


def title_forms(sources: TitleSources, headline: Optional[str], title: Optional[str]) -> frozenset[str]:
    """The page's headline as it may be repeated in the text, comparable
    (``comparable``): every candidate, raw and cleaned."""
    raw = [sources.og_title, sources.twitter_title, sources.headline, sources.h1, sources.html_title, headline, title]
    forms = set()
    for candidate in filter(None, raw):
        forms.add(comparable(candidate))
        cleaned = clean_title(candidate, sources.sites)
        if cleaned:
            forms.add(comparable(cleaned))
    forms.discard("")
    return frozenset(forms)


def comparable(text: str) -> str:
    """``text`` as compared with the page's title: whitespace collapsed,
    final punctuation taken off, case folded."""
    return " ".join(text.split()).rstrip(".!?:;,\u2026 ").casefold()
