"""Project Gutenberg books and transcripts, read as what they are."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import summarize
from summarize.cli import cli
from summarize.document import Document
from summarize.plaintext import gutenberg, recognise, transcript
from summarize.sources import read_any

from make_documents import TRANSCRIPT, make_gutenberg

NAMES = ["essay-on-walking", "libya-haftar-rome-paris", "tricky-punctuation"]


# --- Project Gutenberg ----------------------------------------------------------


@pytest.mark.parametrize("name, skipped", [("essay-on-walking", 0), ("libya-haftar-rome-paris", 1), ("tricky-punctuation", 0)])
def test_gutenberg_header_licence_and_front_matter_are_cut(sources, name, skipped):
    found = gutenberg(make_gutenberg(sources[name]))
    assert found is not None
    assert found.title == sources[name].title
    # The front matter ends at the first prose paragraph: the dateline
    # "Rome (AFP) –", alone on its line before it, goes with the title page.
    assert found.text.split("\n\n") == list(sources[name].paragraphs[skipped:])


def test_gutenberg_title_from_the_start_line_without_a_title_field(sources):
    book = make_gutenberg(sources["essay-on-walking"]).replace("Title: ", "Name: ")
    assert gutenberg(book).title == "THE CASE FOR WALKING SLOWLY"  # type: ignore[union-attr]


def test_a_gutenberg_book_without_an_end_line_keeps_the_rest(sources):
    book = make_gutenberg(sources["essay-on-walking"])
    assert gutenberg(book[: book.index("*** END")]).text.endswith("the mind will follow.")  # type: ignore[union-attr]


def test_a_chapter_heading_with_its_name_on_the_next_line_is_not_text(sources):
    book = make_gutenberg(sources["essay-on-walking"]).replace("\n\nCHAPTER II.\n\n", "\n\nCHAPTER II.\nThe End of the Walk\n\n")
    text = gutenberg(book).text  # type: ignore[union-attr]
    assert "CHAPTER" not in text and "The End of the Walk" not in text


def test_a_long_table_of_contents_is_not_text(sources):
    contents = "\n".join(f"  CHAPTER {n}.   A chapter with a longer name {n}" for n in "I II III IV V VI".split())
    book = make_gutenberg(sources["essay-on-walking"]).replace("CONTENTS\n\n", "CONTENTS\n\n" + contents + "\n")
    assert "CHAPTER" not in gutenberg(book).text  # type: ignore[union-attr]


def test_text_without_a_start_line_is_not_gutenberg(sources):
    assert gutenberg(sources["essay-on-walking"].body) is None


def test_a_gutenberg_file_summary_has_no_licence_and_the_book_title(tmp_path, sources):
    path = tmp_path / "pg99999.txt"
    path.write_text(make_gutenberg(sources["essay-on-walking"]).replace("\n", "\r\n"), encoding="utf-8-sig")
    result = CliRunner().invoke(cli, ["-n", "3", "-f", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "The Case for Walking Slowly"
    sentences = [s["text"] for s in data["sentences"]]
    source = sources["essay-on-walking"]
    assert sentences == [s.text for s in summarize.summarize(source.body, title=source.title, sentences=3).sentences]
    assert not any("Gutenberg" in s or "***" in s or "_" in s for s in sentences)


# --- transcripts ---------------------------------------------------------------------


def test_transcript_labels_timestamps_and_directions_are_stripped():
    found = transcript(TRANSCRIPT)
    assert found is not None
    assert found.title == "Press Briefing on the Harbor Dredging Plan"
    for label in ("THE CHAIR", "DR. ALVAREZ", "MR. THOMPSON", "Q:", "Applause", "crosstalk", "00:12:41"):
        assert label not in found.text
    assert found.text.split("\n\n")[2] == "How deep is the channel today?"


def test_named_speakers_who_speak_twice_are_labels():
    text = "Anderson Cooper: Good evening.\n\nJane Roe: Thanks for having me.\n\nAnderson Cooper: What happened?\n\nJane Roe: A lot happened today."
    assert transcript(text).text.split("\n\n") == [  # type: ignore[union-attr]
        "Good evening.", "Thanks for having me.", "What happened?", "A lot happened today.",
    ]


def test_a_turn_on_the_next_line_without_a_blank_line_is_a_turn():
    text = "Q: Is it deep?\nA: Not deep enough.\nQ: When?\nA: In spring."
    assert transcript(text).text.split("\n\n") == ["Is it deep?", "Not deep enough.", "When?", "In spring."]  # type: ignore[union-attr]


def test_a_parenthesis_of_the_speech_stays():
    text = "Q: How much?\n\nA: About half (roughly 40%) of it.\n\nQ: Thanks.\n\nA: (Laughter.) Sure."
    assert transcript(text).text.split("\n\n") == ["How much?", "About half (roughly 40%) of it.", "Thanks.", "Sure."]  # type: ignore[union-attr]


@pytest.mark.parametrize("name", NAMES)
def test_news_and_essays_are_neither_kind(sources, name):
    doc = Document(name="a.txt", text=sources[name].title + "\n\n" + sources[name].body)
    assert recognise(doc) is doc


@pytest.mark.parametrize(
    "text",
    [
        "Note: the survey is old.\n\nNote: the vote was 7-2.\n\nNote: work starts in spring.\n\nMore text.",
        "READ MORE: Harbor votes.\n\nThe board met.\n\nREAD MORE: Ferry delays.\n\nIt voted.\n\nREAD MORE: Storms.",
        "ONE SPEAKER: First.\n\nONE SPEAKER: Second.\n\nONE SPEAKER: Third.",
    ],
    ids=["note-labels", "read-more-labels", "one-speaker"],
)
def test_labels_that_are_not_a_conversation_are_not_a_transcript(text):
    assert transcript(text) is None


def test_speaker_labels_are_never_keywords_nor_in_sentences(tmp_path):
    path = tmp_path / "briefing.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["-n", "3", "-k", "8", "-f", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Press Briefing on the Harbor Dredging Plan"
    keywords = {k["term"].lower() for k in data["keywords"]}
    assert not keywords & {"chair", "alvarez", "thompson", "q", "dr", "mr"}
    assert not any(":" in s["text"] for s in data["sentences"])


def test_a_transcript_is_recognised_in_a_dataset_line_too(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": TRANSCRIPT}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["-n", "3", "-f", "jsonl", str(path)])
    from_file = read_any(str(_written(tmp_path / "t.txt", TRANSCRIPT)))
    expected = summarize.summarize(from_file.text, title=from_file.title, sentences=3)
    assert [s["text"] for s in json.loads(result.stdout)["sentences"]] == [s.text for s in expected.sentences]


def _written(path, text):
    path.write_text(text, encoding="utf-8")
    return path
