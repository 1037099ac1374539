"""URL → bytes, safely and within bounds: ``fetch(url) -> FetchedPage``.

Standard library only (urllib).  The rules:

- only ``http`` and ``https``; any other scheme is refused, including as a
  redirect target;
- redirects (301, 302, 303, 307, 308) are followed by hand, at most
  ``MAX_REDIRECTS`` of them;
- ``timeout`` seconds bound the connection and every read, and the whole
  download (a server trickling bytes cannot hold us forever);
- the body is read in chunks and abandoned as soon as it passes
  ``max_bytes`` (a ``Content-Length`` over the cap is refused before reading);
  a gzip or deflate body is decompressed as it arrives, and the cap applies
  to the decompressed bytes too (no zip bombs);
- the User-Agent names the tool: ``summarize/<version>``.

Every failure is a ``FetchError`` subclass with a one-line message, its
``source`` the URL it is about (after redirects, the one that failed).
"""
from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import IO, Optional

from . import __version__
from .errors import ContentTypeError, FetchError, FetchTimeoutError, HTTPStatusError, TooLargeError

MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
USER_AGENT = f"summarize/{__version__}"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
ACCEPT_ENCODING = "gzip, deflate"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
CHUNK_BYTES = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class FetchedPage:
    """A downloaded page.

    ``url``: the final URL (after redirects).  ``status``: the HTTP status.
    ``content_type``: the media type, lower-cased, without parameters (""
    when the server sent none).  ``charset``: the charset the server
    declared, lower-cased, or ``None``.  ``body``: the bytes, at most the
    ``max_bytes`` given to ``fetch``.
    """

    url: str
    status: int
    content_type: str
    charset: Optional[str]
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def is_text(self) -> bool:
        return self.content_type in TEXT_TYPES


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every 3xx back to ``fetch``, which checks and counts redirects."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Message, newurl: str
    ) -> None:
        return None


def check_scheme(url: str) -> None:
    """Raise ``FetchError`` unless ``url`` is an http or https URL with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FetchError("not a valid URL", source=url) from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise FetchError(f"only http:// and https:// URLs can be fetched, not {scheme}", source=url)
    if not host:
        raise FetchError("not a valid URL (no host)", source=url)


# Characters left as they are when quoting a path or query: reserved
# delimiters and "%", so a URL that is already escaped stays the same.
_SAFE_PATH = "/%:@!$&'()*+,;=~"
_SAFE_QUERY = _SAFE_PATH + "?"


def to_uri(url: str) -> str:
    """``url`` with a non-ASCII host in IDNA and non-ASCII or space
    characters in the path, query and fragment percent-encoded (as UTF-8),
    so that "https://bücher.example/café" can be requested.  An ASCII URL
    without spaces comes back unchanged.  Raises ``FetchError`` for a host
    IDNA rejects."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    host = parts.hostname or ""
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError("not a valid host name", source=url) from None
        userinfo, _, hostport = netloc.rpartition("@")
        hostport = hostport.lower().replace(host, ascii_host, 1)
        netloc = f"{userinfo}@{hostport}" if userinfo else hostport
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=_SAFE_PATH),
            urllib.parse.quote(parts.query, safe=_SAFE_QUERY),
            urllib.parse.quote(parts.fragment, safe=_SAFE_QUERY),
        )
    )


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirects())


def _reason(exc: BaseException) -> BaseException:
    return exc.reason if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException) else exc


def _connection_error(url: str, exc: BaseException, timeout: float) -> FetchError:
    reason = _reason(exc)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return FetchTimeoutError(f"no answer within {timeout:g} s", source=url)
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("connection refused (is the server up?)", source=url)
    if isinstance(reason, socket.gaierror):
        return FetchError("cannot resolve the host name", source=url)
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"TLS error ({getattr(reason, 'reason', None) or reason})", source=url)
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return FetchError(f"cannot fetch it ({detail})", source=url)


class _Inflater:
    """Decompresses a gzip or deflate body chunk by chunk, never producing
    more than it is asked for."""

    def __init__(self, encoding: str) -> None:
        # 47: gzip or zlib header, detected; deflate may also come raw (-15).
        self.encoding = encoding
        self.raw_fallback = encoding == "deflate"
        self.inflater = zlib.decompressobj(47)

    def __call__(self, chunk: bytes, limit: int) -> bytes:
        try:
            return self.inflater.decompress(chunk, limit)
        except zlib.error:
            if not self.raw_fallback:
                raise
            self.raw_fallback = False
            self.inflater = zlib.decompressobj(-15)
            return self.inflater.decompress(chunk, limit)

    def flush(self) -> bytes:
        return self.inflater.flush()


def _read_capped(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float, timeout: float, encoding: str = ""
) -> bytes:
    inflate = _Inflater(encoding) if encoding else None
    chunks = []
    size = 0
    received = 0
    # read1 returns what one receive brings, so a server trickling bytes
    # still meets the deadline check between chunks.
    read = getattr(response, "read1", response.read)
    while True:
        if time.monotonic() > deadline:
            raise FetchTimeoutError(f"the download took longer than {timeout:g} s", source=url)
        chunk = read(CHUNK_BYTES)
        if not chunk:
            if inflate is not None:
                chunks.append(inflate.flush())
                if size + len(chunks[-1]) > max_bytes:
                    raise TooLargeError(f"the page is larger than the {max_bytes:,}-byte limit", source=url)
            return b"".join(chunks)
        received += len(chunk)
        if received > max_bytes:
            raise TooLargeError(f"the page is larger than the {max_bytes:,}-byte limit", source=url)
        if inflate is not None:
            try:
                chunk = inflate(chunk, max_bytes - size + 1)
            except zlib.error:
                raise FetchError(f"the {encoding} data is corrupt", source=url) from None
        size += len(chunk)
        if size > max_bytes:
            raise TooLargeError(f"the page is larger than the {max_bytes:,}-byte limit", source=url)
        chunks.append(chunk)


def fetch(url: str, *, timeout: float, max_bytes: int) -> FetchedPage:
    """Download ``url`` (http or https) following the module's rules.

    ``timeout``: seconds (> 0) for connecting, for each read, and for the
    whole download.  ``max_bytes``: the largest body accepted (≥ 1).
    Only the status is checked here, not the content type: that is the
    caller's decision (see ``FetchedPage.is_html``).

    Raises ``FetchError`` (bad scheme, refused connection, unknown host, TLS
    problem, too many redirects or a redirect to another scheme),
    ``HTTPStatusError`` (4xx, 5xx), ``FetchTimeoutError`` and ``TooLargeError``.
    """
    check_scheme(url)
    deadline = time.monotonic() + timeout
    opener = _opener()
    current = to_uri(url)
    for _ in range(MAX_REDIRECTS + 1):
        request = urllib.request.Request(
            current, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
        )
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code in _REDIRECTS:
                location = exc.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {exc.code} redirect without a Location", source=current) from None
                target = urllib.parse.urljoin(current, location.strip())
                if urllib.parse.urlsplit(target).scheme.lower() not in SCHEMES:
                    raise FetchError(f"redirects to {target}; only http:// and https:// are followed", source=current) from None
                current = to_uri(target)
                continue
            raise HTTPStatusError(f"HTTP {exc.code} {exc.reason}".rstrip(), exc.code, source=current) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise _connection_error(current, exc, timeout) from None
        with response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise TooLargeError(f"the page is {int(length):,} bytes, over the {max_bytes:,}-byte limit", source=current)
            encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
            if encoding == "x-gzip":
                encoding = "gzip"
            if encoding not in ("identity", "gzip", "deflate"):
                raise FetchError(f"the page is compressed with {encoding}, which summarize cannot read", source=current)
            try:
                body = _read_capped(
                    response, current, max_bytes, deadline, timeout, "" if encoding == "identity" else encoding
                )
            except FetchError:
                raise
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                raise _connection_error(current, exc, timeout) from None
            charset = headers.get_content_charset()
            return FetchedPage(
                url=response.geturl(),
                status=response.status,
                content_type=headers.get_content_type() if headers.get("Content-Type") else "",
                charset=charset.lower() if charset else None,
                body=body,
            )
    raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url)


def require_page(page: FetchedPage, url: str) -> None:
    """Raise ``ContentTypeError`` unless ``page`` is HTML, plain text, or
    has no declared type."""
    if page.content_type and not (page.is_html or page.is_text):
        raise ContentTypeError(f"is {page.content_type}, not a web page (HTML or plain text)", source=url)
