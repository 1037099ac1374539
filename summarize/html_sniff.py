"""Is it a web page, and in which charset: what a page's first bytes say.

``looks_like_html`` tells a page from text by how it starts;
``meta_charset`` reads the charset its ``<head>`` declares.  Standard
library only and linear in what they read, so sniffing an input never
loads the web extra.
"""
from __future__ import annotations

import re
from typing import Optional

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
# The tag an HTML document starts with, after comments and whitespace
# (looks_like_html skips those itself: a pattern repeating comments with a
# lazy ".*?" inside backtracked exponentially when no tag followed).
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|script)\b", re.IGNORECASE)


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
