"""Web pages → documents: a page's bytes (read from a file, stdin or a URL)
reduced to its article.

The page is decoded with the charset the server or the page declares (else
``decoding``'s rules), then ``extract`` keeps the article: its paragraphs
become the ``Document``'s text (blank lines between them) and the page
title its ``title``, apart from the text, and its ``<html lang>`` the
``language``.  ``read_url`` fetches first (``web``), then reads what a
URL serves as a local file of its kind would be read (``url_kind``,
``sources.read_as``): a PDF, Markdown, plain text (a Project Gutenberg
book loses its licence), a DOCX or EPUB file.
"""
from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Optional

from .decoding import decode_declared
from .document import Document, Reading, checked
from .errors import ContentTypeError, about
from .formats import GENERIC_MEDIA_TYPES, kind_of_bytes, kind_of_media_type, kind_of_name
from .sources import input_kind, read_as

if TYPE_CHECKING:
    from .web import FetchedPage


def html_document(data: bytes, name: str, *, charset: Optional[str] = None, url: Optional[str] = None) -> Document:
    """The article in the HTML page ``data`` read from ``name``.

    ``charset``: as declared by the server; else the page's ``<meta
    charset>``; else ``decoding``'s rules.  Raises ``MissingExtraError``
    without the web extra, ``InputError`` for binary data, ``NoTextError``
    when the page holds no article.
    """
    from .extract import extract
    from .html_sniff import meta_charset

    with about(name):
        page = decode_declared(data, charset or meta_charset(data))
        article = extract(page.text, url)
    meta = {key: value for key, value in (("byline", article.byline), ("date", article.date)) if value}
    if url and url != name:
        meta["url"] = url
    return checked(
        Document(
            name=name,
            text=article.text,
            encoding=page.encoding,
            warnings=page.warnings,
            title=article.title,
            meta=meta,
            language=article.language,
        )
    )


def read_url(url: str, reading: Reading = Reading()) -> Document:
    """Fetch ``url`` and read it by the reader for its kind (``url_kind``):
    an HTML page is reduced to its article, a PDF, Markdown, text, DOCX or
    EPUB is read as the local file would be; the server's charset counts
    for a page, text and Markdown.  Raises ``FetchError`` subclasses
    (``ContentTypeError`` for a content type that is none of those), and
    as ``sources.read_as``.
    """
    from . import web

    page = web.fetch(url, timeout=reading.timeout, max_bytes=reading.limit(url=True))
    kind = url_kind(page, url, reading.input_format)
    # The final URL only differs from the request after redirects.
    final = url if page.url == web.to_uri(url) else page.url
    return read_as(kind, page.body, url, charset=page.charset, url=final if kind == "html" else None)


def url_kind(page: FetchedPage, url: str, input_format: str = "auto") -> str:
    """How to read ``page``, fetched from ``url``: one of
    ``document.INPUT_FORMATS`` other than ``auto``, or a kind of
    ``formats.UNSUPPORTED``.

    An ``input_format`` other than ``auto`` decides; an HTML content type
    makes a web page.  Without a content type, or with
    ``application/octet-stream``, the page is known as a local file named
    like the URL's path is (``sources.input_kind``: its first bytes, then
    its extension), sniffing for a web page as on stdin.  A content type
    that names a kind (``formats.MEDIA_TYPES``: ``text/plain``,
    ``text/markdown``, ``application/pdf`` …) stands for the extension:
    the first bytes still come first, and ``text/plain`` at a path ending
    in ``.md`` is Markdown.  Any other content type is refused
    (``ContentTypeError``) unless the bytes are a PDF, DOCX or EPUB file.
    """
    if input_format != "auto":
        return input_format
    declared = kind_of_media_type(page.content_type)
    if declared == "html":
        return "html"
    path = urllib.parse.urlsplit(page.url).path
    if page.content_type in GENERIC_MEDIA_TYPES:
        return input_kind(page.body, path, sniff=True)
    by_content = kind_of_bytes(page.body)
    if declared is None:
        if by_content in ("pdf", "docx", "epub"):
            return by_content
        raise ContentTypeError(
            f"is {page.content_type}, which summarize cannot read (it reads web pages, text, Markdown, PDF, DOCX and EPUB)",
            source=url,
        )
    if declared == "text" and kind_of_name(path) == "markdown":
        declared = "markdown"
    if by_content == "zip" and declared in ("docx", "epub"):
        return declared  # a damaged one, or one without its parts: its reader says what is wrong
    return by_content or declared
