"""Rendering a Summary: plain, JSON, Markdown and rich."""
from __future__ import annotations

import io
import json

import pytest

import summarize
from summarize import render

ARTICLE = "Storm hits the coast\n\n(CNN) -- The storm hit the coast at noon. Caf\u00e9 owners closed early. The storm moved north by night."


@pytest.fixture
def result():
    return summarize.summarize(ARTICLE, sentences=2)


def test_plain_is_one_sentence_per_line_without_title(result):
    assert render.render_plain(result) == "".join(s.text + "\n" for s in result.sentences)
    assert "Storm hits the coast\n" not in render.render_plain(result)


def test_json_has_the_documented_shape(result):
    data = json.loads(render.render_json(result, "a.txt"))
    assert set(data) == {"source", "title", "dateline", "sentences", "total_sentences", "settings"}
    assert data["source"] == "a.txt"
    assert data["title"] == "Storm hits the coast"
    assert data["dateline"] == "(CNN)"
    assert data["settings"] == {"sentences": 2}
    assert data["total_sentences"] == 3
    assert [set(s) for s in data["sentences"]] == [{"index", "text", "score"}] * 2
    assert [s["text"] for s in data["sentences"]] == [s.text for s in result.sentences]


def test_json_keeps_non_ascii_text_as_is():
    text = render.render_json(summarize.summarize("Caf\u00e9 cr\u00e8me is good. It is.", sentences=1))
    assert "Caf\u00e9 cr\u00e8me" in text


def test_markdown_has_title_heading_and_bullets(result):
    lines = render.render_markdown(result).splitlines()
    assert lines[0] == "# Storm hits the coast"
    assert lines[2:] == [f"- {s.text}" for s in result.sentences]


def rich_output(summary, terminal=False) -> str:
    buffer = io.StringIO()
    render.print_rich(summary, buffer, "a.txt", terminal=terminal)
    return buffer.getvalue()


def test_rich_shows_title_and_every_sentence(result):
    out = rich_output(result)
    assert out.splitlines()[0] == "Storm hits the coast"
    for s in result.sentences:
        assert s.text in out


@pytest.mark.parametrize("markup", ["[citation needed]", "[/]", "[bold]loud[/bold]"])
def test_article_text_is_never_read_as_markup(markup):
    summary = summarize.summarize(f"A claim {markup} was made. Another one followed.", ratio=1.0)
    assert markup in rich_output(summary)


def test_rich_off_a_terminal_has_no_escape_codes(result):
    assert "\x1b[" not in rich_output(result, terminal=False)


def test_rich_on_a_terminal_styles_the_title(result, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in rich_output(result, terminal=True)
