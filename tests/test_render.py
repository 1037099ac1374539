"""Rendering a Summary: plain, JSON, Markdown and rich."""
from __future__ import annotations

import io
import json

import pytest

import summarize
from summarize import render
from summarize.terminal import Recorder, print_rich, rich_renderable

ARTICLE = "Storm hits the coast\n\n(CNN) -- The storm hit the coast at noon. Caf\u00e9 owners closed early. The storm moved north by night."


@pytest.fixture
def result():
    return summarize.summarize(ARTICLE, sentences=2)


def test_plain_is_one_sentence_per_line_without_title(result):
    assert render.render_plain(result) == "".join(s.text + "\n" for s in result.sentences)
    assert "Storm hits the coast\n" not in render.render_plain(result)


def test_json_has_the_documented_shape(result):
    data = json.loads(render.render_json(result, "a.txt"))
    assert list(data) == ["source", "title", "language", "dateline", "keywords", "sentences", "total_sentences", "settings"]
    assert data["language"] == "en"
    assert data["keywords"] == []  # always present; filled when the summary holds keywords
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
    print_rich(summary, buffer, "a.txt", terminal=terminal)
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


@pytest.fixture
def full(sample_text):
    return summarize.summarize(sample_text, explain=True, keywords=5)


def test_plain_keywords_line_comes_first(full):
    out = render.render_plain(full, render.Display(keywords=True))
    assert out.splitlines()[0] == "keywords: Haftar, Paris, Libya, military, Rome"
    assert out.splitlines()[1:] == [s.text for s in full.sentences]


def test_plain_highlight_is_the_article_with_markers(full, sample_text):
    out = render.render_plain(full, render.Display(article=sample_text))
    assert out.count(render.MARK_OPEN) == out.count(render.MARK_CLOSE) == len(full.sentences)
    unmarked = out.replace(render.MARK_OPEN, "").replace(render.MARK_CLOSE, "")
    assert unmarked.split() == sample_text.split()  # the article's words, in order
    marked = [line for line in out.splitlines() if line.startswith(render.MARK_OPEN)]
    assert marked == [f"{render.MARK_OPEN}{s.text}{render.MARK_CLOSE}" for s in full.sentences]


def test_plain_highlight_keeps_paragraphs(full, sample_text):
    out = render.render_plain(full, render.Display(article=sample_text))
    assert out.count("\n\n") == sample_text.count("\n\n")


def test_plain_highlight_ends_in_a_newline():
    text = "One storm came. Another storm went."
    out = render.render_plain(summarize.summarize(text, sentences=1), render.Display(article=text))
    assert out == ">>> One storm came. <<<\nAnother storm went.\n"


HARBOUR = (
    "Harbour plan approved\n\n"
    "The council met on Tuesday. The harbour dredging plan was approved after a long night of debate about\n"
    "the dredging of the harbour channel. Fishing crews left early.\n\n"
    "Work on the harbour channel starts in October. The quay stays open.\n"
)


def test_plain_highlight_puts_a_sentence_from_mid_paragraph_on_its_own_line():
    summary = summarize.summarize(HARBOUR, sentences=2)
    out = render.render_plain(summary, render.Display(article=HARBOUR))
    assert [s.start for s in summary.sentences] != [HARBOUR.index(line) for line in HARBOUR.splitlines()[2:4]]
    assert out == (
        "Harbour plan approved\n\n"
        "The council met on Tuesday.\n"
        ">>> The harbour dredging plan was approved after a long night of debate about the dredging of the harbour channel. <<<\n"
        "Fishing crews left early.\n\n"
        ">>> Work on the harbour channel starts in October. <<<\n"
        "The quay stays open.\n"
    )


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_the_marked_lines_of_a_plain_highlight_are_the_plain_summary(count):
    summary = summarize.summarize(HARBOUR, sentences=count)
    out = render.render_plain(summary, render.Display(article=HARBOUR))
    bare = [line[len(render.MARK_OPEN):-len(render.MARK_CLOSE)] for line in out.splitlines() if line.startswith(render.MARK_OPEN)]
    assert "\n".join(bare) + "\n" == render.render_plain(summary)


def test_plain_explain_is_a_table_of_every_sentence_after_the_summary(full):
    out = render.render_plain(full, render.Display(explain=True))
    summary, table = out.split("\n\n")
    assert summary.splitlines() == [s.text for s in full.sentences]
    header, *rows = table.splitlines()
    assert header.split() == ["#", "score", "chosen", "top", "terms", "sentence"]
    assert len(rows) == full.total_sentences
    first = full.all_sentences[0]
    assert rows[0].split()[:3] == [str(first.index), f"{first.score:.3f}", "*"]
    assert rows[0].endswith(first.text)


def test_json_keywords_are_terms_with_weights(full):
    data = render.summary_dict(full)
    assert [k["term"] for k in data["keywords"]] == ["Haftar", "Paris", "Libya", "military", "Rome"]
    assert all(set(k) == {"term", "weight"} for k in data["keywords"])


def test_json_all_sentences_only_when_explained(full, result):
    assert "all_sentences" not in render.summary_dict(result)
    rows = render.summary_dict(full)["all_sentences"]
    assert len(rows) == full.total_sentences
    assert all(set(r) == {"index", "text", "score", "selected", "top_terms"} for r in rows)
    assert [r["index"] for r in rows if r["selected"]] == [s.index for s in full.sentences]
    assert all(set(t) == {"term", "weight"} for r in rows for t in r["top_terms"])


def test_markdown_highlight_bolds_the_chosen_sentences(full, sample_text):
    out = render.render_markdown(full, render.Display(article=sample_text, keywords=True))
    assert out.startswith("# Libya's Haftar tours Rome and Paris amid military stalemate\n\n**Keywords:** Haftar, ")
    for s in full.sentences:
        assert f"**{sample_text[s.start:s.end]}**" in out


def test_markdown_explain_is_a_table(full):
    out = render.render_markdown(full, render.Display(explain=True))
    assert "| # | score | chosen | top terms | sentence |" in out
    assert out.count("| ✓ |") == len(full.sentences)


def rich_display(summary, display, terminal=False) -> str:
    buffer = io.StringIO()
    print_rich(summary, buffer, "a.txt", terminal=terminal, display=display)
    return buffer.getvalue()


def test_rich_highlight_shows_the_whole_body_under_the_title(full, sample_text):
    out = rich_display(full, render.Display(article=sample_text, keywords=True))
    lines = out.splitlines()
    assert lines[0] == full.title
    assert lines[2] == "keywords: Haftar · Paris · Libya · military · Rome"
    assert "Rome (AFP) –" not in out  # the dateline is in the detail line only
    for paragraph in sample_text[full.body_start:].strip().split("\n\n"):
        assert paragraph in out


def test_rich_highlight_styles_the_chosen_sentences(full, sample_text, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = rich_display(full, render.Display(article=sample_text), terminal=True)
    assert "\x1b[1;30;43m" in out  # bold black on yellow


def test_rich_explain_has_a_row_per_sentence(full):
    out = rich_display(full, render.Display(explain=True))
    assert "top terms" in out
    assert out.count("✓") == len(full.sentences)


def test_recorder_saves_a_valid_svg_and_html(full, tmp_path):
    import xml.etree.ElementTree as ET

    recorder = Recorder(80)
    recorder.print(rich_renderable(full, "a.txt", display=render.Display(keywords=True)))
    recorder.save(svg=str(tmp_path / "a.svg"), html=str(tmp_path / "a.html"))
    root = ET.parse(tmp_path / "a.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Haftar" in (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert "Haftar" in (tmp_path / "a.html").read_text(encoding="utf-8")


def rich_at(summary, display, width: int) -> str:
    from rich.console import Console

    from summarize.terminal import rich_renderable

    console = Console(file=io.StringIO(), width=width, force_terminal=False, color_system=None)
    console.print(rich_renderable(summary, "a.txt", display=display))
    return console.file.getvalue()


def _unwrapped(out: str) -> str:
    """The characters of a rendering without box lines, spaces and line breaks."""
    return "".join(c for c in out if not c.isspace() and c not in "│┃━╇")


LONG_WORD = "https://www.coastgazette.example/local/2024/05/harbour-dredging-plan-approved-after-a-long-night"
WIDE_TEXTS = {
    "long word": f"The council approved the plan at {LONG_WORD} on Tuesday. Fishing crews asked for a pause. The grant covers the cost.",
    "Chinese": "港口委员会周二批准了疏浚计划，会议持续了九个多小时，一直开到凌晨两点。渔民担心噪音会把鱼赶走。工程十月开始。",
}


@pytest.mark.parametrize("name", sorted(WIDE_TEXTS))
def test_rich_sentences_are_folded_not_cut(name):
    text = WIDE_TEXTS[name]
    summary = summarize.summarize(text, sentences=3)
    out = rich_at(summary, render.Display(), 40)
    assert "…" not in out
    for s in summary.sentences:
        assert _unwrapped(s.text) in _unwrapped(out)


@pytest.mark.parametrize("name", sorted(WIDE_TEXTS))
def test_rich_explain_table_shows_every_sentence_at_60_columns(name):
    text = WIDE_TEXTS[name]
    summary = summarize.summarize(text, sentences=1, explain=True)
    out = rich_at(summary, render.Display(explain=True), 60)
    assert "…" not in out
    table = out[out.index("Every sentence"):]
    column = "".join(line.split("│")[-1] for line in table.splitlines() if "│" in line)
    for s in summary.all_sentences:
        assert _unwrapped(s.text) in _unwrapped(column)  # whole, folded in its column
        assert f" {s.index} │ {s.score:.3f} │" in table


def test_rich_explain_table_of_the_sample_at_60_columns(full):
    out = rich_at(full, render.Display(explain=True), 60)
    table = out[out.index("Every sentence"):]
    assert "…" not in table
    for s in full.all_sentences:
        assert f"{s.index:>3} │ {s.score:.3f} │" in table
