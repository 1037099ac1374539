"""Web pages: fetching URLs from a local server, extracting articles from HTML.

Every request goes to a server these tests start on 127.0.0.1 (an ephemeral
port); nothing leaves the machine.
"""
from __future__ import annotations

import gzip
import html
import json
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Dict, List

import pytest
from click.testing import CliRunner

import summarize
from summarize import pages, sources, web
from summarize.cli import cli
from summarize.errors import (
    ContentTypeError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    TooLargeError,
)
from summarize.walk import url_file_name
from test_extract import BOILERPLATE, PAGE, TITLE  # the test page and what must not come out

Route = Callable[[BaseHTTPRequestHandler], None]


def _send(handler: BaseHTTPRequestHandler, body: bytes, content_type: str, status: int = 200, length: bool = True) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    if length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _send_encoded(handler: BaseHTTPRequestHandler, body: bytes, encoding: str) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Encoding", encoding)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(data) + compressor.flush()


def _redirect(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(1.5)
    _send(handler, PAGE.read_bytes(), "text/html; charset=utf-8")


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(30):
        handler.wfile.write(b"<p>x</p>")
        handler.wfile.flush()
        time.sleep(0.1)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        # Clients that gave up (timeouts, size caps) close early: expected here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    """A local HTTP server: ``url(path)``; ``requests`` records each
    request's path and headers."""

    def __init__(self) -> None:
        self.routes: Dict[str, Route] = {}
        self.requests: List[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server.requests.append({"path": self.path, "headers": dict(self.headers)})
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"


@pytest.fixture(scope="module")
def server():
    srv = Server()
    page = PAGE.read_bytes()
    srv.routes.update(
        {
            "/article": lambda h: _send(h, page, "text/html; charset=utf-8"),
            "/article-no-type": lambda h: _send(h, page, ""),
            "/moved": _redirect("/article"),
            "/loop": _redirect("/loop"),
            "/to-ftp": _redirect("ftp://127.0.0.1/article"),
            "/error": lambda h: h.send_error(500),
            "/slow": _slow,
            "/trickle": _trickle,
            "/image": lambda h: _send(h, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
            "/big": lambda h: _send(h, page, "text/html"),
            "/big-unannounced": lambda h: _send(h, page, "text/html", length=False),
            "/gzip": lambda h: _send_encoded(h, gzip.compress(page), "gzip"),
            "/deflate": lambda h: _send_encoded(h, zlib.compress(page), "deflate"),
            "/raw-deflate": lambda h: _send_encoded(h, _raw_deflate(page), "deflate"),
            "/gzip-bomb": lambda h: _send_encoded(h, gzip.compress(b"<html><body>" + b" " * 5_000_000), "gzip"),
            "/brotli": lambda h: _send_encoded(h, b"\x1b\x00\x00", "br"),
            "/caf%C3%A9?q=%C3%A9t%C3%A9": lambda h: _send(h, page, "text/html"),
            "/plain": lambda h: _send(h, sources_sample().encode(), "text/plain; charset=utf-8"),
            "/latin1": lambda h: _send(h, _accented_page("").encode("latin-1"), "text/html; charset=ISO-8859-1"),
            "/meta-charset": lambda h: _send(
                h, _accented_page('<meta charset="windows-1252">').encode("cp1252"), "text/html"
            ),
        }
    )
    srv.thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def sources_sample() -> str:
    return (Path(__file__).resolve().parents[1] / "samples" / "libya-haftar-rome-paris.txt").read_text(encoding="utf-8")


def _accented_page(head: str) -> str:
    paragraphs = "".join(
        f"<p>Le café numéro {i} a ouvert près de la forêt, à côté de l'hôtel où séjournent les élèves.</p>"
        for i in range(6)
    )
    return f"<!DOCTYPE html><html><head>{head}<title>Café à Noël</title></head><body><article>{paragraphs}</article></body></html>"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    # urllib honours proxy variables; requests to 127.0.0.1 must go direct.
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def article_sentences(sample_text: str) -> set:
    return set(summarize.split_sentences(sample_text))


def one_error_line(result, fragment: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert fragment in result.stderr, result.stderr


# --- documents from HTML -----------------------------------------------------------


def test_page_title_travels_apart_from_the_text():
    doc = pages.html_document(PAGE.read_bytes(), "page.html")
    assert doc.text.startswith("Rome (AFP)")
    assert doc.title == TITLE
    assert doc.meta == {"byline": "Ella Ide", "date": "2019-05-09"}


def _late_charset_page() -> bytes:
    # The charset is declared after 1,024 bytes of styles: the fallback
    # (UTF-8, then Windows-1252) would turn this KOI8-R text into mojibake.
    style = "<style>" + "p.lead { margin: 0 0 1em 0; }\n" * 60 + "</style>"
    paragraphs = "".join(
        f"<p>\u0421\u043e\u0432\u0435\u0442 \u0433\u043e\u0440\u043e\u0434\u0430 \u043e\u0434\u043e\u0431\u0440\u0438\u043b "
        f"\u043f\u043b\u0430\u043d \u043d\u043e\u043c\u0435\u0440 {i} \u0434\u043b\u044f \u0441\u0442\u0430\u0440\u043e\u0433\u043e "
        f"\u043f\u043e\u0440\u0442\u0430 \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a \u0432\u0435\u0447\u0435\u0440\u043e\u043c.</p>"
        for i in range(6)
    )
    page = f'<!DOCTYPE html><html><head>{style}<meta charset="koi8-r"><title>\u041f\u043e\u0440\u0442</title></head><body><article>{paragraphs}</article></body></html>'
    return page.encode("koi8-r")


def test_a_charset_declared_after_the_first_kilobyte_is_used():
    data = _late_charset_page()
    assert data.index(b"charset") > 1024
    doc = pages.html_document(data, "port.html")
    assert doc.encoding == "koi8-r" and doc.warnings == ()
    assert doc.text.startswith("\u0421\u043e\u0432\u0435\u0442 \u0433\u043e\u0440\u043e\u0434\u0430")


KEY_POINTS_PAGE = """<!doctype html><html><head><title>Council approves harbor dredging plan.</title></head>
<body><article><h1>Council approves harbor dredging plan.</h1>
<p>Key points</p>
<p>The city council approved the harbor dredging plan on Monday after a long debate about the cost.</p>
<p>Dredging will deepen the inner channel so that larger ships can reach the harbor docks.</p>
<p>Fishermen said the noise of the machines would scare the fish away from the bay for months.</p>
<p>The mayor said the state grant would pay for most of the work on the channel.</p>
</article></body></html>"""


def test_a_page_title_is_the_title_shown_and_the_title_weighted(runner, tmp_path):
    # The page title ends like a sentence and the body opens with a short
    # paragraph: "Key points" is a subheading, left out of the text, and
    # the page title is the title all the same.
    page = tmp_path / "council.html"
    page.write_text(KEY_POINTS_PAGE, encoding="utf-8")
    data = json.loads(runner.invoke(cli, ["-f", "json", "--explain", "-n", "2", str(page)]).stdout)
    assert data["title"] == "Council approves harbor dredging plan."
    assert data["all_sentences"][0]["text"].startswith("The city council approved")
    assert data["total_sentences"] == 4
    doc = pages.html_document(KEY_POINTS_PAGE.encode(), "council.html")
    weighted = summarize.summarize(doc.text, title=doc.title, keywords=3)
    assert [k.term for k in weighted.keywords][:2] == ["harbor", "dredging"]  # title words weigh double


# --- the command on HTML and URLs --------------------------------------------------


def test_url_summary_has_only_article_sentences(runner, server, sample_text):
    result = runner.invoke(cli, ["--ratio", "1", server.url("/article")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [s.text for s in summarize.summarize(sample_text, ratio=1).sentences]
    assert set(lines) <= article_sentences(sample_text)
    for fragment in BOILERPLATE:
        assert fragment.lower() not in result.stdout.lower()
    assert result.stderr == ""


def test_url_summary_equals_the_text_summary(runner, server, sample_text):
    result = runner.invoke(cli, [server.url("/article")])
    assert result.stdout.splitlines() == [s.text for s in summarize.summarize(sample_text).sentences]


def test_url_json_carries_title_byline_and_date(runner, server):
    result = runner.invoke(cli, ["-f", "json", server.url("/article")])
    data = json.loads(result.stdout)
    assert data["source"] == server.url("/article")
    assert data["title"] == TITLE
    assert data["byline"] == "Ella Ide"
    assert data["date"] == "2019-05-09"
    assert data["dateline"] == "Rome (AFP)"
    assert "url" not in data


def test_rich_output_shows_byline_and_date(runner, server):
    result = runner.invoke(cli, ["-f", "rich", server.url("/article")])
    lines = result.stdout.splitlines()
    assert lines[0] == TITLE
    assert lines[1].endswith("· Rome (AFP) · Ella Ide · 2019-05-09")


def test_text_json_has_no_web_keys(runner, sample_path):
    data = json.loads(runner.invoke(cli, ["-f", "json", str(sample_path)]).stdout)
    assert not {"byline", "date", "url"} & set(data)


def test_request_names_the_tool_and_its_version(runner, server):
    runner.invoke(cli, [server.url("/article")])
    headers = server.requests[-1]["headers"]
    assert headers["User-Agent"] == f"summarize/{summarize.__version__}"


def test_non_ascii_url_is_percent_encoded(server):
    doc = pages.read_url(server.url("/café?q=été"))
    assert doc.title == TITLE
    assert server.requests[-1]["path"] == "/caf%C3%A9?q=%C3%A9t%C3%A9"
    assert "url" not in doc.meta  # not redirected


@pytest.mark.parametrize(
    "url, uri",
    [
        ("https://bücher.example/a b", "https://xn--bcher-kva.example/a%20b"),
        ("http://127.0.0.1:8080/a%20b?x=1&y=%2F", "http://127.0.0.1:8080/a%20b?x=1&y=%2F"),
    ],
)
def test_to_uri(url, uri):
    assert web.to_uri(url) == uri


def test_redirect_is_followed_and_the_final_url_kept(runner, server):
    result = runner.invoke(cli, ["-f", "json", server.url("/moved")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == server.url("/moved")
    assert data["url"] == server.url("/article")


def test_saved_html_file_is_extracted(runner, tmp_path, sample_text):
    path = tmp_path / "saved.htm"
    path.write_bytes(PAGE.read_bytes())
    result = runner.invoke(cli, ["-f", "markdown", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"# {TITLE}\n")
    assert "cookie" not in result.stdout


def test_html_on_stdin_is_extracted(runner, sample_text):
    result = runner.invoke(cli, ["-n", "2"], input=PAGE.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [s.text for s in summarize.summarize(sample_text, sentences=2).sentences]


def test_page_title_ending_like_a_sentence_is_still_the_title(runner, tmp_path):
    page = PAGE.read_text(encoding="utf-8").replace(html.escape(TITLE), "Is Haftar winning in Libya?")
    path = tmp_path / "question.html"
    path.write_text(page, encoding="utf-8")
    data = json.loads(runner.invoke(cli, ["-f", "json", "--ratio", "1", str(path)]).stdout)
    assert data["title"] == "Is Haftar winning in Libya?"
    assert all("Is Haftar winning" not in s["text"] for s in data["sentences"])


def test_input_format_html_forces_extraction(runner, tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.read_bytes())
    result = runner.invoke(cli, ["--input-format", "html", "-f", "json", str(path)])
    assert json.loads(result.stdout)["title"] == TITLE


def test_input_format_text_reads_html_file_as_text(runner, tmp_path):
    path = tmp_path / "notes.html"
    path.write_text("Plain notes\n\nThe first line is plain. The second line is too. So is the third one.")
    result = runner.invoke(cli, ["--input-format", "text", "-n", "3", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "The first line is plain.\nThe second line is too.\nSo is the third one.\n"


def test_plain_text_url_is_read_as_text(runner, server, sample_text):
    result = runner.invoke(cli, [server.url("/plain")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [s.text for s in summarize.summarize(sample_text).sentences]


def test_page_without_content_type_is_sniffed(runner, server):
    result = runner.invoke(cli, ["-f", "json", server.url("/article-no-type")])
    assert json.loads(result.stdout)["title"] == TITLE


@pytest.mark.parametrize("path", ["/latin1", "/meta-charset"], ids=["header", "meta"])
def test_declared_charset_is_honoured(runner, server, path):
    result = runner.invoke(cli, ["-f", "json", server.url(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "Café à Noël"
    assert "forêt" in data["sentences"][0]["text"]
    assert result.stderr == ""


# --- other kinds at a URL: read as the local file is --------------------------------


def _serve(server, path: str, body: bytes, content_type: str) -> str:
    server.routes[path] = lambda h: _send(h, body, content_type)
    return server.url(path)


def _as_read(doc) -> tuple:
    return doc.text, doc.title, doc.encoding, doc.warnings, doc.meta, doc.language


def _pdf(pdf_files) -> Path:
    pytest.importorskip("pypdfium2")
    return pdf_files["essay-on-walking", "plain"]


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/papers/walking.pdf", "application/pdf"),
        ("/download?id=7", "application/octet-stream"),  # by its %PDF- start
        ("/get/walking", "application/force-download"),  # a type that names nothing: by its start
        ("/walking", ""),
    ],
    ids=["pdf-type", "octet-stream", "unknown-type", "no-type"],
)
def test_a_pdf_url_is_read_as_the_pdf_file(server, pdf_files, path, content_type):
    local = _pdf(pdf_files)
    url = _serve(server, path, local.read_bytes(), content_type)
    doc = sources.read_any(url)
    assert doc.name == url
    assert _as_read(doc) == _as_read(sources.read_any(str(local)))


def test_a_pdf_url_without_the_pdf_extra_names_it_as_a_file_does(runner, server, pdf_files, monkeypatch):
    local = _pdf(pdf_files)
    url = _serve(server, "/locked-out.pdf", local.read_bytes(), "application/pdf")
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now fails
    result = runner.invoke(cli, [url])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {url}: reading PDF needs the pdf extra: pip install 'summarize[pdf]'\n"


MARKDOWN = (
    "---\ntitle: Front matter\n---\n# {title}\n\n{body}\n\n```python\nprint('code is no prose')\n```\n\n"
    "- [Related story](https://example.com/related)\n"
)


@pytest.mark.parametrize(
    "path, content_type",
    [("/notes", "text/markdown; charset=utf-8"), ("/raw/README.md", "text/plain; charset=utf-8"), ("/README.md", "")],
    ids=["markdown-type", "plain-type-md-path", "no-type-md-path"],
)
def test_a_markdown_url_is_read_as_the_markdown_file(server, sources, tmp_path, path, content_type):
    source = sources["libya-haftar-rome-paris"]
    data = MARKDOWN.format(title=source.title, body="\n\n".join(source.paragraphs)).encode("utf-8")
    local = tmp_path / "notes.md"
    local.write_bytes(data)
    doc = summarize.sources.read_any(_serve(server, path, data, content_type))
    assert _as_read(doc) == _as_read(summarize.sources.read_any(str(local)))
    assert "print(" not in doc.text and "Related story" not in doc.text


def test_a_gutenberg_text_url_loses_its_header_and_licence_as_a_file_does(runner, server, sources, tmp_path):
    from make_documents import make_gutenberg

    data = make_gutenberg(sources["essay-on-walking"]).encode("utf-8")
    local = tmp_path / "pg99999.txt"
    local.write_bytes(data)
    url = _serve(server, "/cache/epub/99999/pg99999.txt", data, "text/plain; charset=utf-8")
    doc = summarize.sources.read_any(url)
    assert _as_read(doc) == _as_read(summarize.sources.read_any(str(local)))
    assert doc.title == "The Case for Walking Slowly"
    assert "Gutenberg" not in doc.text and "***" not in doc.text
    result = runner.invoke(cli, ["-f", "json", url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "The Case for Walking Slowly"


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_docx_and_epub_urls_are_read_as_the_files(server, sources, tmp_path, kind):
    from make_documents import make_docx, make_epub

    source = sources["libya-haftar-rome-paris"]
    if kind == "docx":
        local = make_docx(tmp_path / "a.docx", source)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        local = make_epub(tmp_path / "a.epub", [source], book_title=source.title)
        content_type = "application/epub+zip"
    url = _serve(server, f"/files/{kind}", local.read_bytes(), content_type)
    assert _as_read(summarize.sources.read_any(url)) == _as_read(summarize.sources.read_any(str(local)))


def test_an_html_page_is_still_a_page_whatever_its_path(server):
    url = _serve(server, "/story.md", PAGE.read_bytes(), "text/html; charset=utf-8")
    doc = summarize.sources.read_any(url)
    assert doc.title == TITLE
    assert "url" not in doc.meta  # no redirect: the URL is the document's name, not repeated


def test_input_format_decides_for_a_url_too(server, sources):
    source = sources["libya-haftar-rome-paris"]
    data = MARKDOWN.format(title=source.title, body="\n\n".join(source.paragraphs)).encode("utf-8")
    url = _serve(server, "/notes.txt", data, "text/plain; charset=utf-8")
    assert "print(" in summarize.sources.read_any(url).text  # text/plain at a .txt path: text
    doc = summarize.sources.read_any(url, summarize.document.Reading(input_format="markdown"))
    assert doc.title == "Front matter" and "print(" not in doc.text


# --- errors -----------------------------------------------------------------------


def test_not_found_is_one_line_with_the_status(runner, server):
    result = runner.invoke(cli, [server.url("/missing")])
    one_error_line(result, f"{server.url('/missing')}: HTTP 404 Not Found")


def test_server_error_is_one_line_with_the_status(runner, server):
    result = runner.invoke(cli, [server.url("/error")])
    one_error_line(result, "HTTP 500 Internal Server Error")


def test_slow_server_times_out(runner, server):
    started = time.monotonic()
    result = runner.invoke(cli, ["--timeout", "0.3", server.url("/slow")])
    one_error_line(result, "no answer within 0.3 s (raise it with --timeout)")
    assert time.monotonic() - started < 1.4


def test_trickling_server_meets_the_overall_timeout(server):
    with pytest.raises(FetchTimeoutError, match="took longer than 0.5 s"):
        web.fetch(server.url("/trickle"), timeout=0.5, max_bytes=10_000_000)


def test_refused_connection_is_one_line(runner, closed_port):
    result = runner.invoke(cli, [f"http://127.0.0.1:{closed_port}/article"])
    one_error_line(result, "connection refused")


def test_image_is_a_type_summarize_cannot_read(runner, server):
    result = runner.invoke(cli, [server.url("/image")])
    one_error_line(result, "is image/png, which summarize cannot read (it reads web pages, text, Markdown, PDF, DOCX and EPUB)")


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"], ids=["content-length", "streamed"])
def test_page_over_the_size_cap_is_refused(runner, server, path):
    result = runner.invoke(cli, ["--max-bytes", "1000", server.url(path)])
    one_error_line(result, "over the 1,000-byte limit" if path == "/big" else "larger than the 1,000-byte limit")


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_page_is_decompressed(server, path):
    assert pages.read_url(server.url(path)).title == TITLE


def test_decompressed_size_is_capped(runner, server):
    result = runner.invoke(cli, ["--max-bytes", "100000", server.url("/gzip-bomb")])
    one_error_line(result, "the page is larger than the 100,000-byte limit")


def test_unknown_compression_is_refused(runner, server):
    result = runner.invoke(cli, [server.url("/brotli")])
    one_error_line(result, "the page is compressed with br, which summarize cannot read")


def test_streamed_page_is_abandoned_once_over_the_cap(server):
    with pytest.raises(TooLargeError):
        web.fetch(server.url("/big-unannounced"), timeout=20, max_bytes=100)


def test_redirect_loop_stops_after_the_limit(runner, server):
    before = len(server.requests)
    result = runner.invoke(cli, [server.url("/loop")])
    one_error_line(result, f"more than {web.MAX_REDIRECTS} redirects")
    assert len(server.requests) - before == web.MAX_REDIRECTS + 1


def test_redirect_to_another_scheme_is_refused(runner, server):
    result = runner.invoke(cli, [server.url("/to-ftp")])
    one_error_line(result, "redirects to ftp://127.0.0.1/article; only http:// and https:// are followed")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/article.html", "file:///etc/passwd"])
def test_other_schemes_are_refused(runner, url):
    result = runner.invoke(cli, [url])
    scheme = url.split(":")[0]
    one_error_line(result, f"{url}: only http:// and https:// URLs can be fetched, not {scheme}")


@pytest.mark.parametrize(
    "path, error",
    [("/missing", HTTPStatusError), ("/image", ContentTypeError), ("/loop", FetchError)],
)
def test_errors_are_summarize_errors(server, path, error):
    with pytest.raises(error) as info:
        pages.read_url(server.url(path))
    assert isinstance(info.value, summarize.SummarizeError)


@pytest.mark.parametrize("how", ["file", "url", "stdin"])
def test_missing_extra_tells_how_to_install(runner, server, monkeypatch, how):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now fails
    args = {"file": [str(PAGE)], "url": [server.url("/article")], "stdin": []}[how]
    result = runner.invoke(cli, args, input=PAGE.read_bytes())
    one_error_line(result, "reading web pages needs the web extra: pip install 'summarize[web]'")


def test_help_tells_about_urls_and_the_extra(runner):
    result = runner.invoke(cli, ["--help"])
    assert "https:// URL" in result.stdout
    assert "pip install 'summarize[web]'" in result.stdout
    assert "--timeout SECONDS" in result.stdout


def test_text_input_never_needs_the_extra(runner, monkeypatch, sample_path):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert runner.invoke(cli, [str(sample_path)]).exit_code == 0


# --- read_any: the one entry point for a path ---------------------------------------


@pytest.mark.parametrize("name", ["page.html", "page.HTM"])
def test_read_any_extracts_html_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PAGE.read_bytes())
    assert sources.read_any(str(path)).title == TITLE


def test_read_any_reads_text_files(sample_path, sample_text):
    doc = sources.read_any(str(sample_path))
    assert doc.text == sample_text and doc.title is None and doc.meta == {}


def test_read_any_fetches_urls(server):
    assert sources.read_any(server.url("/article")).title == TITLE


@pytest.mark.parametrize("arg, expected", [("https://x.org/a", True), ("HTTP://x", True), ("ftp://x", True), ("a/b.txt", False), ("c:/x", False)])
def test_is_url(arg, expected):
    assert sources.is_url(arg) is expected


# --- web pages in batch mode ------------------------------------------------------


@pytest.fixture
def mixed_folder(tmp_path: Path, sample_text: str) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "story.txt").write_text(sample_text, encoding="utf-8")
    return folder


def test_batch_takes_html_files_only_when_the_glob_asks(runner, mixed_folder):
    default = runner.invoke(cli, ["-j", "1", str(mixed_folder)])
    assert [line for line in default.stdout.splitlines() if line.startswith("==> ")] == [
        f"==> {mixed_folder / 'story.txt'} <=="
    ]
    asked = runner.invoke(cli, ["-j", "1", "--glob", "*.html", "--glob", "*.txt", str(mixed_folder)])
    assert asked.exit_code == 0, asked.output
    assert [line for line in asked.stdout.splitlines() if line.startswith("==> ")] == [
        f"==> {mixed_folder / 'page.html'} <==",
        f"==> {mixed_folder / 'story.txt'} <==",
    ]
    # The page gives the same sentences as the text it was made from: no menus, no footer.
    page, story = asked.stdout.split("\n\n")
    assert page.splitlines()[1:] == story.splitlines()[1:]
    for fragment in BOILERPLATE:
        assert fragment.lower() not in asked.stdout.lower()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_jsonl_carries_page_title_byline_and_date(runner, server, mixed_folder, jobs):
    result = runner.invoke(
        cli, ["-j", jobs, "-f", "jsonl", "--glob", "*.html", str(mixed_folder), server.url("/article")]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(mixed_folder / "page.html"), server.url("/article")]
    for record in records:
        assert (record["title"], record["byline"], record["date"]) == (TITLE, "Ella Ide", "2019-05-09")


def test_batch_url_failure_is_an_error_record_and_the_rest_go_on(runner, server, mixed_folder):
    missing = server.url("/missing")
    result = runner.invoke(cli, ["-j", "1", "-f", "jsonl", missing, str(mixed_folder / "story.txt")])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"source": missing, "error": "HTTP 404 Not Found"}
    assert second["source"] == str(mixed_folder / "story.txt") and second["sentences"]
    assert f"{missing}: HTTP 404 Not Found" in result.stderr


def test_batch_output_dir_names_url_summaries_after_the_url(runner, server, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["-j", "1", "-o", str(out), server.url("/article")])
    assert result.exit_code == 0, result.output
    host, port = server.httpd.server_address[:2]
    expected = out / f"{host.replace('.', '_')}_{port}_article.txt"
    assert [p.name for p in out.iterdir()] == [expected.name]
    assert expected.read_text(encoding="utf-8") == runner.invoke(cli, [server.url("/article")]).stdout


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://example.org/news/story.html?id=3", "example_org_news_story_html_id_3"),
        ("http://example.org/", "example_org"),
        ("https://a.example/../..", "a_example"),
        ("https:///", "page"),
    ],
)
def test_url_file_name(url, name):
    assert url_file_name(url) == name
