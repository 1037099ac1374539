"""Web pages → documents: a page's bytes (read from a file, stdin or a URL)
reduced to its article.

The page is decoded with the charset the server or the page declares (else
``decoding``'s rules), then ``extract`` keeps the article: its paragraphs
become the ``Document``'s text (blank lines between them) and the page
title its ``title``, apart from the text, and its ``<html lang>`` the
``language``.  ``read_url`` fetches first (``web``); a URL serving plain
text is read as text.
"""
from __future__ import annotations

from typing import Optional

from .decoding import decode_declared
from .document import Document, Reading, checked
from .errors import about
from .sources import sniff_html


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
    """Fetch ``url`` and read it: an HTML page (by its content type, or
    ``reading.input_format == "html"``) is reduced to its article;
    ``text/plain`` is read as text; a page without a content type is
    sniffed.  Other content types are refused.  Raises ``FetchError``
    subclasses, and as ``html_document``.
    """
    from . import web

    page = web.fetch(url, timeout=reading.timeout, max_bytes=reading.limit(url=True))
    if reading.input_format == "auto":
        web.require_page(page, url)
        is_html = page.is_html or (not page.content_type and sniff_html(page.body))
    else:
        is_html = reading.input_format == "html"
    if is_html:
        # The final URL only differs from the request after redirects.
        final = url if page.url == web.to_uri(url) else page.url
        return html_document(page.body, url, charset=page.charset, url=final)
    with about(url):
        decoded = decode_declared(page.body, page.charset)
    return checked(Document(name=url, text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings))
