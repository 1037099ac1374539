"""HTML → article: what the web extra keeps of a page, and its metadata."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import summarize
from summarize.errors import MissingExtraError
from summarize.extract import extract, looks_like_html, meta_charset

DATA = Path(__file__).resolve().parent / "data"
# The sample article inside a cookie banner, navigation, ads, related links,
# a newsletter box and a footer.
PAGE = DATA / "article-page.html"
TITLE = "Libya's Haftar tours Rome and Paris amid military stalemate"
# Text on the test page around the article that must never come out.
BOILERPLATE = [
    "cookie",
    "Accept all",
    "World News Daily",
    "Subscribe",
    "Advertisement",
    "Sponsored",
    "Related stories",
    "Lampedusa",
    "Oil output",
    "Newsletter",
    "morning briefing",
    "Copyright",
    "Privacy policy",
    "By Ella Ide",
]


def test_extract_keeps_the_article_and_its_metadata():
    article = extract(PAGE.read_text(encoding="utf-8"))
    assert article.title == TITLE
    assert article.byline == "Ella Ide"
    assert article.date == "2019-05-09"
    assert article.text.startswith("Rome (AFP) –\n\nLibyan strongman Khalifa Haftar")


def test_extract_leaves_out_the_page_around_the_article():
    text = extract(PAGE.read_text(encoding="utf-8")).text
    for fragment in BOILERPLATE:
        assert fragment.lower() not in text.lower()


@pytest.mark.parametrize("name", ["article-page.html", "article-page-divs.html"])
def test_extract_leaves_out_boilerplate_and_comments_without_article_markup(name, sample_text):
    # The second page has no <article> or <main> and a comment thread: in
    # trafilatura's default (recall) mode, ads and the newsletter came through.
    text = extract((DATA / name).read_text(encoding="utf-8")).text
    for fragment in BOILERPLATE + ["Great article", "I disagree", "Comments"]:
        assert fragment.lower() not in text.lower()
    assert text.split("\n\n") == [p.strip() for p in sample_text.split("\n\n")[1:] if p.strip()]


def test_extracted_paragraphs_are_the_articles(sample_text):
    paragraphs = extract(PAGE.read_text(encoding="utf-8")).text.split("\n\n")
    assert paragraphs == [p.strip() for p in sample_text.split("\n\n")[1:] if p.strip()]


def test_title_falls_back_to_the_first_h1():
    html = "<html><body><h1>Harbour dredging plan approved</h1>" + "<p>The harbour board met today to approve the dredging plan for the port.</p>" * 3 + "</body></html>"
    assert extract(html).title == "Harbour dredging plan approved"


def test_page_without_article_text_is_no_text():
    with pytest.raises(summarize.NoTextError, match="no article text"):
        extract("<html><head><title>Empty</title></head><body></body></html>")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html>", True),
        ("\n  <!-- saved --> <html lang='en'>", True),
        ("<HEAD><title>x</title>", True),
        ("The <b>bold</b> claim.", False),
        ("Plain text about <html> tags.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_meta_charset_is_found_in_the_head():
    assert meta_charset(b'<html><head><meta charset="Windows-1252">') == "windows-1252"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">') == "iso-8859-1"


def test_meta_charset_is_found_after_the_first_kilobyte():
    # A head of scripts and styles often declares its charset late (the
    # HTML standard's pre-scan stops at 1,024 bytes).
    head = b"<html><head><style>" + b"p { margin: 0 }\n" * 200 + b'</style><meta charset="koi8-r"></head>'
    assert len(head) > 3000
    assert meta_charset(head + b"<body><p>x</p></body>") == "koi8-r"


def test_meta_charset_is_only_read_from_the_head():
    page = b"<html><head><title>x</title></head><body><p>A page about <meta charset=koi8-r> tags.</p></body>"
    assert meta_charset(page) is None


@pytest.mark.parametrize("cut", [b'<meta charset="ut', b"<meta charset=ut", b'<meta charset="utf-8"'])
def test_meta_charset_never_reads_half_a_name(cut):
    # Data that ends inside the declaration declares nothing ("ut" is no charset).
    assert meta_charset(b"<html><head>" + cut) is None


def test_missing_extra_is_a_summarize_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingExtraError):
        extract("<html><body><p>Text.</p></body></html>")
