"""Issue 16, inputs: no traceback, and in batch no single document stops the run.

Odd charsets (codecs that are not text encodings), deeply nested JSON lines,
and bad arguments to the Python API.
"""
from __future__ import annotations

import json
import math
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import summarize
from summarize import SummarizeError

from _reliability import error_lines, numbered, run_summarize, serving

ARTICLE = (
    "<p>The harbor board met on Tuesday and approved the dredging plan for the inner channel of the port.</p>"
    "<p>Work starts in spring, and the mayor said a state grant covers most of the cost.</p>"
    "<p>Fishermen asked the board to keep the noise of the machines down at night.</p>"
)

# Codecs Python knows that do not decode bytes to text (or refuse errors="replace").
NOT_TEXT_ENCODINGS = ["base64", "hex", "rot13", "zlib", "idna", "undefined", "bz2", "uu", "quopri"]


def page(meta: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{meta}<title>Harbor plan</title></head><body><article>{ARTICLE}</article></body></html>".encode()


def summarized_the_article(result) -> None:
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "harbor board met on Tuesday" in result.stdout


@pytest.mark.parametrize("charset", NOT_TEXT_ENCODINGS)
def test_meta_charset_that_is_no_text_encoding_is_ignored(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(page(f'<meta charset="{charset}">'))
    summarized_the_article(run_summarize(["-r", "1", path]))


@pytest.mark.parametrize("charset", ["base64", "zlib"])
def test_meta_charset_that_is_no_text_encoding_fails_no_batch(tmp_path, charset):
    # With -j 2 a batch holding one such page printed nothing at all.
    (tmp_path / "a.html").write_bytes(page(f'<meta charset="{charset}">'))
    (tmp_path / "b.html").write_bytes(page())
    result = run_summarize(["-j", "2", "-r", "1", "--glob", "*.html", tmp_path])
    assert "Traceback" not in result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("==> ")] == [
        f"==> {tmp_path / 'a.html'} <==",
        f"==> {tmp_path / 'b.html'} <==",
    ]


@pytest.fixture(scope="module")
def charset_server():
    """A server on 127.0.0.1 answering /CHARSET with the page, declared in
    the Content-Type header as that charset."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802
            body = page()
            self.send_response(200)
            self.send_header("Content-Type", f"text/html; charset={self.path.lstrip('/')}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as url:
        yield url


@pytest.mark.parametrize("charset", NOT_TEXT_ENCODINGS)
def test_header_charset_that_is_no_text_encoding_is_ignored(charset_server, charset):
    summarized_the_article(run_summarize(["-r", "1", f"{charset_server}/{charset}"], timeout=60))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_header_charset_that_is_no_text_encoding_fails_no_batch(charset_server, jobs):
    result = run_summarize(["-j", jobs, "-f", "jsonl", f"{charset_server}/base64", f"{charset_server}/utf-8"], timeout=60)
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2, result.stderr


# --- JSON Lines -----------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("nesting", ["[", '{"a":'])
def test_deeply_nested_json_line_is_that_line_s_error(tmp_path, jobs, nesting):
    closing = "]" if nesting == "[" else "}"
    deep = nesting * 10_000 + "1" + closing * 10_000
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        json.dumps({"id": 1, "text": numbered(6, shift=1)}) + "\n"
        + f'{{"id": 2, "deep": {deep}, "text": "x"}}\n'
        + json.dumps({"id": 3, "text": numbered(6, shift=3)}) + "\n"
    )
    result = run_summarize(["-j", jobs, "-f", "jsonl", dataset])
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in records if "sentences" in r] == [1, 3]
    assert [r["source"] for r in records if "error" in r] == [f"{dataset}:2"]
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "not valid JSON" in errors[0], result.stderr


# --- the Python API ---------------------------------------------------------------------

TEXT = "The harbor board met on Tuesday. It approved the dredging plan. Work starts in spring. The mayor spoke."


@pytest.mark.parametrize(
    "kwargs, name",
    [
        pytest.param({"keywords": -1}, "keywords", id="keywords-negative"),
        pytest.param({"keywords": "3"}, "keywords", id="keywords-string"),
        pytest.param({"keywords": 1.5}, "keywords", id="keywords-fraction"),
        pytest.param({"sentences": math.inf}, "sentences", id="sentences-infinite"),
        pytest.param({"sentences": "3"}, "sentences", id="sentences-string"),
        pytest.param({"words": math.inf}, "words", id="words-infinite"),
        pytest.param({"words": "10"}, "words", id="words-string"),
        pytest.param({"ratio": math.nan}, "ratio", id="ratio-nan"),
        pytest.param({"ratio": "0.5"}, "ratio", id="ratio-string"),
        pytest.param({"ratio": math.inf}, "ratio", id="ratio-infinite"),
    ],
)
def test_bad_argument_is_a_clear_error_naming_it(kwargs, name):
    with pytest.raises((SummarizeError, TypeError, ValueError)) as info:
        summarize.summarize(TEXT, **kwargs)
    assert name in str(info.value), str(info.value)


@pytest.mark.parametrize("function", ["summarize", "split_sentences"])
@pytest.mark.parametrize("text", [None, TEXT.encode(), 42], ids=["None", "bytes", "int"])
def test_text_that_is_not_a_str_is_a_type_error_naming_it(function, text):
    with pytest.raises((TypeError, SummarizeError)) as info:
        getattr(summarize, function)(text)
    assert "text" in str(info.value), str(info.value)
