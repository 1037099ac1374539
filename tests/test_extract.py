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
from summarize.extract import extract
from summarize.html_sniff import looks_like_html, meta_charset
from summarize.page_furniture import article_paragraphs
from summarize.page_titles import clean_title

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


# --- titles ----------------------------------------------------------------------------

SITES = ("coastgazette", "coastgazette.example")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Harbour dredging plan approved | The Coast Gazette", "Harbour dredging plan approved"),
        ("The Coast Gazette | Harbour dredging plan approved", "Harbour dredging plan approved"),
        ("Harbour dredging plan approved - The Coast Gazette", "Harbour dredging plan approved"),
        ("Harbour dredging plan approved \u2013 The Coast Gazette", "Harbour dredging plan approved"),
        ("Harbour dredging plan approved \u2014 coastgazette.example", "Harbour dredging plan approved"),
        # A site nobody named, after a dash: a name after a sentence-case headline.
        ("Harbour dredging plan approved \u2013 Tidewater Weekly", "Harbour dredging plan approved"),
        ("Harbour dredging plan approved - tidewater.example", "Harbour dredging plan approved"),
        ("Harbour Plan Approved - What Happens Next", "Harbour Plan Approved - What Happens Next"),
        ("Opinion | Harbour dredging plan approved", "Harbour dredging plan approved"),
        ("Opinion | Harbour dredging plan approved | The Coast Gazette", "Harbour dredging plan approved"),
        ("Harbour dredging plan approved | Local news | The Coast Gazette", "Harbour dredging plan approved"),
        # A site nobody named: the longest part between bars is the title.
        ("Harbour dredging plan approved | Tidewater Weekly", "Harbour dredging plan approved"),
        # A dash inside a headline stays when nothing says it is decoration.
        ("Brexit - what happens next?", "Brexit - what happens next?"),
        ("Harbour dredging plan approved", "Harbour dredging plan approved"),
    ],
)
def test_clean_title_drops_the_site_name_and_section_labels(raw, expected):
    assert clean_title(raw, SITES) == expected


@pytest.mark.parametrize(
    "raw",
    ["harbour-dredging-plan-approved", "harbour_dredging_plan", "https://www.coastgazette.example/local/x",
     "The Coast Gazette", "Opinion | The Coast Gazette"],
)
def test_clean_title_is_never_a_slug_a_url_or_the_site_alone(raw):
    assert clean_title(raw, SITES) is None


def _page(head: str, body: str = "") -> str:
    prose = "".join(
        f"<p>The harbour board met on day {i} to approve the dredging plan for the old port, officials said.</p>"
        for i in range(4)
    )
    return f"<!DOCTYPE html><html><head>{head}</head><body><main>{body}{prose}</main></body></html>"


@pytest.mark.parametrize(
    "head, title",
    [
        # A decorated <title>: og:title, twitter:title or the JSON-LD headline wins.
        ('<title>Harbour plan | Coast Gazette</title><meta property="og:title" content="Harbour dredging plan approved">',
         "Harbour dredging plan approved"),
        ('<title>Harbour plan | Coast Gazette</title><meta name="twitter:title" content="Harbour dredging plan approved">',
         "Harbour dredging plan approved"),
        ('<title>Coast Gazette</title><meta property="og:site_name" content="Coast Gazette">'
         '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
         ' "headline": "Harbour dredging plan approved", "publisher": {"@type": "Organization", "name": "Coast Gazette"}}</script>',
         "Harbour dredging plan approved"),
        ('<title>Coast Gazette</title><script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Coast Gazette"},'
         ' {"@type": "Article", "headline": "Harbour dredging plan approved"}]}</script>',
         "Harbour dredging plan approved"),
        # The site's name, from og:site_name or the page's own URL.
        ('<title>Harbour dredging plan approved - Coast Gazette</title><meta property="og:site_name" content="Coast Gazette">',
         "Harbour dredging plan approved"),
        ('<title>Harbour dredging plan approved - Coastgazette</title>'
         '<link rel="canonical" href="https://www.coastgazette.example/local/harbour-dredging-plan-approved">',
         "Harbour dredging plan approved"),
        ('<title>Opinion | Harbour dredging plan approved</title>', "Harbour dredging plan approved"),
        # A slug is never the title: the page's <h1> is.
        ('<title>harbour-dredging-plan-approved</title>', "Harbour dredging plan approved"),
        ('<title>Coast Gazette</title><script type="application/ld+json">{broken json</script>', "Harbour dredging plan approved"),
    ],
)
def test_page_title_prefers_clean_metadata(head, title):
    assert extract(_page(head, "<h1>Harbour dredging plan approved</h1>")).title == title


def test_a_page_without_any_title_has_none():
    assert extract(_page("", "")).title is None


# --- furniture and prose ---------------------------------------------------------------

PAGES = DATA / "pages"
FURNITURE = [
    "Home",  # breadcrumb
    "Mara Quinlan",  # byline with date and section
    "Local news",
    "Harbour dredging plan approved after long night",  # the headline repeated
    "Harrow Ines Harrow",  # hover card
    "Ines HarrowInes",
    "Harbour board names new chair",
    "MORE",
    "Fishing families fear the noise",  # subheadings
    "What the grant pays for",
    "See it now",
    "Amazon",
    "RRP",
    "Tested by",
    "https://",
    "Related",
    "north pier",
    "Port traffic rises",
    "Lifeboat",
    "All rights reserved",
]


def test_page_furniture_is_left_out_of_the_text():
    text = extract((PAGES / "furniture.html").read_text(encoding="utf-8")).text
    for fragment in FURNITURE:
        assert fragment not in text


def test_prose_around_the_furniture_is_kept_whole():
    article = extract((PAGES / "furniture.html").read_text(encoding="utf-8"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "Harbour dredging plan approved after long night"
    assert paragraphs[0].startswith("The town council approved the harbour dredging plan")
    assert "Councillor Ines Harrow said the vote was the hardest of her career" in paragraphs[2]
    assert paragraphs[-2].startswith("Work on the channel is due to start in October")
    # A sentence only a pattern can tell is left for the core (see test_boilerplate).
    assert paragraphs[-1] == "This copy is for your personal, non-commercial use only."
    assert len(paragraphs) == 7


def test_the_headline_repeated_after_a_byline_is_not_a_summary_sentence():
    summary = summarize.summarize(**_document(PAGES / "furniture.html"), ratio=1)
    texts = [s.text for s in summary.sentences]
    assert "Harbour dredging plan approved after long night" not in texts
    assert not any("Mara Quinlan" in t or "non-commercial" in t for t in texts)


def _document(path: Path) -> dict:
    article = extract(path.read_text(encoding="utf-8"))
    return {"text": article.text, "title": article.title}


@pytest.mark.parametrize(
    "block",
    [
        '<p><a href="/a">Storm closes the north pier</a> <a href="/b">Ferry timetable changes</a></p>',
        '<p>Read more: <a href="/c">Storm damage closes the north pier for a week after the gales</a></p>',
        "<p>Home &gt; Local &gt; Harbour</p>",
        "<p>Accueil &gt; Actualit\u00e9s &gt; Soci\u00e9t\u00e9</p>",
        "<p>By Mara Quinlan | 14 May 2024 | Local news</p>",
        "<p>Ines Harrow, Tom Welland, Anna Pike and Joe Mercer of the Harbour Board</p>",
        "<p>https://www.coastgazette.example/local/harbour-live</p>",
        "<h2>The road ahead</h2>",
        "<p><strong>The road ahead for the harbour</strong></p>",
        "<p><b>What does the plan cost?</b></p>",
        "<ul><li>Cost</li><li>Timetable</li></ul>",
        "<pre><code>dredge(depth=2)\nprint('done')</code></pre>",
    ],
)
def test_structure_tells_furniture_from_prose(block):
    text = extract(_page("<title>Harbour</title>", block)).text
    assert text.split("\n\n") == [
        f"The harbour board met on day {i} to approve the dredging plan for the old port, officials said." for i in range(4)
    ]


def test_a_sentence_with_a_link_in_it_is_prose():
    block = '<p>The council published <a href="/r">the full report</a> on its website on Monday evening.</p>'
    assert extract(_page("<title>Harbour</title>", block)).text.startswith("The council published the full report on its")


def test_a_list_of_sentences_is_prose():
    block = "<ul><li>The channel will be two metres deeper.</li><li>Work starts in October and lasts eighteen months.</li></ul>"
    paragraphs = extract(_page("<title>Harbour</title>", block)).text.split("\n\n")
    assert paragraphs[:2] == ["The channel will be two metres deeper.", "Work starts in October and lasts eighteen months."]


# --- line breaks, code, tables ---------------------------------------------------------


def test_line_breaks_inside_a_paragraph_are_spaces():
    paragraphs = extract((PAGES / "wrapped.html").read_text(encoding="utf-8")).text.split("\n\n")
    assert paragraphs[1] == (
        "On Monday the dough rested for four hours on the counter and the loaf came out pale and tight. "
        "On Tuesday it rested overnight in the fridge and the crust turned deep brown."
    )
    assert paragraphs[0].startswith("I baked the same loaf every morning for a week, changing one thing at a time, and the")
    assert "\n" not in paragraphs[0]


def test_two_line_breaks_in_a_row_end_a_paragraph():
    paragraphs = extract((PAGES / "wrapped.html").read_text(encoding="utf-8")).text.split("\n\n")
    assert paragraphs[2] == "The hydration mattered less than I expected."
    assert paragraphs[3].startswith("Salt mattered more:")


def test_code_blocks_are_never_text():
    text = extract((PAGES / "wrapped.html").read_text(encoding="utf-8")).text
    assert "print(" not in text and "0.72" not in text


def test_wrapped_paragraphs_give_whole_sentences():
    summary = summarize.summarize(**_document(PAGES / "wrapped.html"), ratio=1)
    assert summary.total_sentences == 8
    assert all(s.text[-1] in ".:" for s in summary.sentences)


def test_a_page_laid_out_with_tables_is_read():
    # Precision mode without tables finds nothing: tables, then recall, are tried.
    article = extract((PAGES / "table-layout.html").read_text(encoding="utf-8"))
    paragraphs = article.text.split("\n\n")
    assert article.title == "Why towns dredge"
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Most of the towns along the coast were built for boats")
    assert "June 2011" not in article.text and "FAQ" not in article.text


def test_extraction_that_finds_nothing_tries_tables_then_recall(monkeypatch):
    trafilatura = pytest.importorskip("trafilatura")
    calls = []
    real = trafilatura.bare_extraction

    def spy(*args, **kwargs):
        calls.append({k: kwargs.get(k) for k in ("favor_precision", "favor_recall", "include_tables")})
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    with pytest.raises(summarize.NoTextError, match="no article text"):
        extract("<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert calls == [
        {"favor_precision": True, "favor_recall": None, "include_tables": False},
        {"favor_precision": True, "favor_recall": None, "include_tables": True},
        {"favor_precision": None, "favor_recall": True, "include_tables": True},
    ]


def test_a_hover_card_the_markup_does_not_set_apart_takes_its_paragraph():
    block = (
        '<p>Councillor Ines Harrow<span>Ines Harrow<a href="/a">Harbour board names new chair</a>'
        "</span> said the vote was the hardest of her career.</p>"
    )
    assert "Harrow" not in extract(_page("<title>Harbour</title>", block)).text


def test_inline_code_and_links_stay_in_their_sentence_once():
    etree = pytest.importorskip("lxml.etree")
    body = etree.fromstring(
        "<body><p>The board used the <code>depth</code> survey that the harbour engineers carried out over three"
        " weeks in the spring. <ref target='/r'>The report was published on Monday.</ref></p>"
        "<code>dredge(depth=2)</code></body>"
    )
    assert article_paragraphs(body) == [
        "The board used the depth survey that the harbour engineers carried out over three weeks in the spring."
        " The report was published on Monday."
    ]


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
    article = extract(html)
    assert article.title == "Deep page"
    assert article.text == "\n\n".join(paragraphs)


def test_shallow_page_without_article_text_is_still_no_text():
    html = "<html><head><title>Menu</title></head><body>" + "<div>" * 20 + "<nav><a>Home</a></nav>" + "</div>" * 20 + "</body></html>"
    with pytest.raises(summarize.NoTextError, match="no article text"):
        extract(html)
