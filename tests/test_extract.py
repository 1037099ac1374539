"""HTML → article: what the web extra keeps of a page, and its metadata."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        extract("<html><head><title>Empty</title></head><body></body></html>", name="empty.html")


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


def test_meta_charset_is_found_in_the_first_kilobyte():
    assert meta_charset(b'<html><head><meta charset="Windows-1252">') == "windows-1252"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">') == "iso-8859-1"
    assert meta_charset(b" " * 2000 + b'<meta charset="koi8-r">') is None


def test_missing_extra_is_a_summarize_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(MissingExtraError):
        extract("<html><body><p>Text.</p></body></html>")


# A comment ends at its first "-->" (as browsers read it); the start tag
# must follow the comments and whitespace.  Linear, unlike the pattern
# looks_like_html once was.
_HTML_START_REFERENCE = re.compile(
    r"\A\ufeff?\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["<!--", "-->", "--", " ", "\n", "<html>", "<!DOCTYPE html>", "<Body", "\ufeff", "x", "<", "-"]), max_size=12))
def test_looks_like_html_reads_comments_as_browsers_do(pieces):
    text = "".join(pieces)
    assert looks_like_html(text) is bool(_HTML_START_REFERENCE.match(text[:4096]))


def test_looks_like_html_is_quick_after_many_comments():
    # 22 empty comments before a non-tag took 0.7 s; each one more doubled it.
    assert looks_like_html("<!---->" * 2000 + "x") is False
    assert looks_like_html("<!---->" * 400 + "<html>") is True


@pytest.mark.parametrize("depth", [260, 3000])
def test_page_nested_deeper_than_the_parser_goes_is_read_flat(depth):
    paragraphs = [f"Paragraph {i} tells how the harbour board approved the dredging plan." for i in range(4)]
    html = (
        "<html><head><title>Deep page</title><script>var x = '<p>no</p>';</script></head><body>"
        + "<div>" * depth
        + "<nav><a href='/'>Home</a></nav>"
        + "".join(f"<p>{p}" for p in paragraphs)  # unclosed <p>, as browsers accept
        + "</div>" * depth
        + "<footer>Copyright</footer></body></html>"
    )
    article = extract(html, name="deep.html")
    assert article.title == "Deep page"
    assert article.text == "\n\n".join(paragraphs)


def test_shallow_page_without_article_text_is_still_no_text():
    html = "<html><head><title>Menu</title></head><body>" + "<div>" * 20 + "<nav><a>Home</a></nav>" + "</div>" * 20 + "</body></html>"
    with pytest.raises(summarize.NoTextError, match="no article text"):
        extract(html, name="menu.html")
