"""Issue 16, fetching: --timeout bounds the whole download; gzip members,
short bodies, deeply nested HTML.

A raw TCP server on 127.0.0.1 (started here) answers each path its own way,
byte by byte when it must.  The command runs as a subprocess.  Elapsed
times are compared with bounds several seconds above the timeout given, and
the servers would hold a client that ignores the deadline for 25 s or more.
"""
from __future__ import annotations

import gzip
import socket
import socketserver
import time
from typing import Callable, Dict

import pytest

from _reliability import error_lines, numbered, run_summarize, serving

PART_ONE = "The harbor board met on Tuesday and approved the dredging plan. Work starts in spring."
PART_TWO = "Fishermen asked the board to keep the noise down at night. The mayor agreed to a curfew."
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbor plan</title></head><body><article>"
    + "".join(f"<p>{s}.</p>" for s in numbered(6).rstrip(".").split(". "))
    + "</article></body></html>"
).encode()

DRIP_SECONDS = 0.25  # between two bytes of a dripped part
DRIP_BYTES = 120  # so a dripped part lasts 30 s


Route = Callable[[socket.socket, str], None]


def _drip(sock: socket.socket, data: bytes) -> None:
    for i in range(len(data)):
        sock.sendall(data[i:i + 1])
        time.sleep(DRIP_SECONDS)


def _headers(status: str = "200 OK", **fields: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k.replace('_', '-')}: {v}" for k, v in fields.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def drip_status(sock: socket.socket, path: str) -> None:
    _drip(sock, b"HTTP/1.1 200 " + b"O" * DRIP_BYTES + b"\r\n")
    sock.sendall(b"Content-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(PAGE) + PAGE)


def drip_headers(sock: socket.socket, path: str) -> None:
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    _drip(sock, b"X-Padding: " + b"a" * DRIP_BYTES + b"\r\n")
    sock.sendall(b"Content-Length: %d\r\n\r\n" % len(PAGE) + PAGE)


def drip_chunk_sizes(sock: socket.socket, path: str) -> None:
    sock.sendall(_headers(Content_Type="text/html", Transfer_Encoding="chunked"))
    _drip(sock, b"0" * DRIP_BYTES + b"%x\r\n" % len(PAGE))
    sock.sendall(PAGE + b"\r\n0\r\n\r\n")


def slow_redirect(sock: socket.socket, path: str) -> None:
    # /redirect/N: each hop answered after 3 s; five hops, then the page.
    hop = int(path.rsplit("/", 1)[1])
    time.sleep(3.0)
    if hop < 5:
        sock.sendall(_headers("302 Found", Location=f"/redirect/{hop + 1}", Content_Length="0"))
    else:
        sock.sendall(_headers(Content_Type="text/html", Content_Length=str(len(PAGE))) + PAGE)


def gzip_members(sock: socket.socket, path: str) -> None:
    body = gzip.compress(PART_ONE.encode() + b" ") + gzip.compress(PART_TWO.encode())
    sock.sendall(_headers(Content_Type="text/plain; charset=utf-8", Content_Encoding="gzip", Content_Length=str(len(body))) + body)


def short_body(sock: socket.socket, path: str) -> None:
    sock.sendall(_headers(Content_Type="text/html", Content_Length=str(len(PAGE) + 5000)) + PAGE)


def short_gzip_body(sock: socket.socket, path: str) -> None:
    body = gzip.compress(PAGE)
    sock.sendall(_headers(Content_Type="text/html", Content_Encoding="gzip", Content_Length=str(len(body) + 5000)) + body)


def truncated_gzip(sock: socket.socket, path: str) -> None:
    body = gzip.compress(PAGE)[:-20]  # the stream stops mid-way; the length is honest
    sock.sendall(_headers(Content_Type="text/html", Content_Encoding="gzip", Content_Length=str(len(body))) + body)


ROUTES: Dict[str, Route] = {
    "/drip-status": drip_status,
    "/drip-headers": drip_headers,
    "/drip-chunk-sizes": drip_chunk_sizes,
    "/redirect": slow_redirect,
    "/gzip-members": gzip_members,
    "/short-body": short_body,
    "/short-gzip-body": short_gzip_body,
    "/truncated-gzip": truncated_gzip,
}


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(60)
        request = b""
        while b"\r\n\r\n" not in request:
            data = sock.recv(4096)
            if not data:
                return
            request += data
        path = request.split(b" ", 2)[1].decode()
        route = ROUTES.get(path) or ROUTES.get(path.rsplit("/", 1)[0])
        try:
            if route is None:
                sock.sendall(_headers("404 Not Found", Content_Length="0"))
            else:
                route(sock, path)
        except OSError:
            pass  # the client gave up: what these tests want


@pytest.fixture(scope="module")
def server():
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with serving(socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)) as url:
        yield url


def timed(args, timeout: float = 90):
    started = time.monotonic()
    result = run_summarize(args, timeout=timeout)
    return result, time.monotonic() - started


def one_error(result, *fragments: str) -> None:
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


# --- the deadline ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip-status", "/drip-headers", "/drip-chunk-sizes"])
def test_dripping_server_is_abandoned_at_the_timeout(server, path):
    # --timeout 5 was held 43 s by a status line sent a byte a second: each
    # byte came within the socket's timeout, and only the body was timed.
    result, elapsed = timed(["--timeout", "2", server + path])
    one_error(result, "--timeout")
    assert elapsed < 12, f"{elapsed:.1f} s for --timeout 2"


def test_slow_redirects_share_one_deadline(server):
    # Five hops of 3 s each, under --timeout 3.5: each hop met its own
    # timeout, so the download took 18 s and succeeded.
    result, elapsed = timed(["--timeout", "3.5", server + "/redirect/0"])
    one_error(result, "--timeout")
    assert elapsed < 12, f"{elapsed:.1f} s for --timeout 3.5"


# --- the body ----------------------------------------------------------------------------


def test_gzip_body_in_two_members_is_read_whole(server):
    result = run_summarize(["-r", "1", server + "/gzip-members"], timeout=60)
    assert result.returncode == 0, result.stderr
    assert "The mayor agreed to a curfew." in result.stdout.splitlines()


@pytest.mark.parametrize("path", ["/short-body", "/short-gzip-body", "/truncated-gzip"])
def test_body_cut_short_is_an_error(server, path):
    result = run_summarize([server + path], timeout=60)
    one_error(result, server + path)


# --- HTML nested deeper than the parser's limit --------------------------------------------


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_deeply_nested_html_falls_back_to_its_text(tmp_path, depth):
    paragraphs = "".join(f"<p>{s}.</p>" for s in numbered(6).rstrip(".").split(". "))
    html = (
        "<!DOCTYPE html><html><head><title>Deep page</title></head><body>"
        + "<div>" * depth + paragraphs + "</div>" * depth + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(html)
    result = run_summarize(["-r", "1", path], timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [s + "." for s in numbered(6).rstrip(".").split(". ")]
