"""Headline and dateline detection."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize import layout
from summarize.layout import find_dateline, find_title, parse_layout


def test_first_short_line_before_blank_line_is_the_title():
    title, offset = find_title("Storm hits the coast\n\nThe storm arrived at noon.")
    assert title == "Storm hits the coast"
    assert offset == len("Storm hits the coast\n\n")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The storm arrived at noon.\n\nIt left at night.", id="ends-with-period"),
        pytest.param("Storm hits the coast\nThe storm arrived at noon.", id="no-blank-line-after"),
        pytest.param("Storm hits the coast\n\n   \n", id="nothing-follows"),
        pytest.param(" ".join(["word"] * 30) + "\n\nBody text here.", id="too-many-words"),
    ],
)
def test_lines_that_are_not_headlines(text):
    assert find_title(text) == (None, 0)


@pytest.mark.parametrize(
    "headline",
    [
        pytest.param("Could rivalry overshadow election?", id="question"),
        pytest.param("Rivals of the \u00a3400 Apple...", id="three-dots"),
        pytest.param("What comes next \u2026", id="ellipsis-character"),
        pytest.param("Who really said \u201cEnough?\u201d", id="question-inside-quotes"),
    ],
)
def test_headlines_ending_in_a_question_or_an_ellipsis_are_titles(headline):
    text = headline + "\n\nThe body begins here. It goes on."
    assert find_title(text) == (headline, len(headline) + 2)


@pytest.mark.parametrize(
    "furniture",
    [
        "Media playback is not supported on this device",
        "Media playback is unsupported on your device",
        "Click here to subscribe",
    ],
)
def test_a_boilerplate_line_is_never_the_title(furniture):
    assert find_title(furniture + "\n\nThe body begins here. It goes on.") == (None, 0)


def test_the_headline_after_a_boilerplate_line_is_the_title():
    text = "Media playback is not supported on this device\n\nStorm hits the coast\n\nThe storm arrived."
    layout = parse_layout(text)
    assert layout.title == "Storm hits the coast"
    assert text[layout.body_start:] == "The storm arrived."


def test_markdown_heading_marker_is_removed_from_title():
    assert find_title("# Storm hits the coast\n\nBody.")[0] == "Storm hits the coast"


@pytest.mark.parametrize(
    "text, dateline, body",
    [
        pytest.param("Rome (AFP) \u2013\n\n\nLibyan strongman", "Rome (AFP)", "Libyan strongman", id="own-line-en-dash"),
        pytest.param("(CNN) -- The man went home.", "(CNN)", "The man", id="cnn-double-dash"),
        pytest.param("(CNN)The man went home.", "(CNN)", "The man", id="cnn-glued"),
        pytest.param("London (CNN)The man went home.", "London (CNN)", "The man", id="place-cnn-glued"),
        pytest.param("WASHINGTON (Reuters) - The man went home.", "WASHINGTON (Reuters)", "The man", id="reuters-hyphen"),
        pytest.param("Kabul, Afghanistan (CNN) -- The man", "Kabul, Afghanistan (CNN)", "The man", id="place-with-country"),
        pytest.param("WASHINGTON -- The man went home.", "WASHINGTON", "The man", id="caps-place-dash"),
        pytest.param("March 10, 2015 . Welcome to the show.", "March 10, 2015", "Welcome", id="date-period"),
        pytest.param("Washington (CNN) A huge deal was struck.", "Washington (CNN)", "A huge", id="place-cnn-space-capital"),
        pytest.param('Leicester, England (CNN)"God save the King!"', "Leicester, England (CNN)", '"God', id="place-cnn-glued-quote"),
        pytest.param("(The Hollywood Reporter) The show", "(The Hollywood Reporter)", "The show", id="agency-alone-space"),
        pytest.param("LONDON (Reuters)\nThe man went home.", "LONDON (Reuters)", "The man", id="place-agency-own-line"),
    ],
)
def test_datelines_are_set_apart_from_the_body(text, dateline, body):
    found, start = find_dateline(text)
    assert found == dateline
    assert text[start:].startswith(body)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("(This story was updated.) The man went home.", id="parenthetical-sentence"),
        pytest.param("The man (CNN) went home.", id="agency-mid-sentence"),
        pytest.param("Rome is a city. It is old.", id="plain-opening"),
        pytest.param("Graph Convolutional Networks (GCNs) are a recently proposed architecture.", id="name-acronym-verb"),
        pytest.param("Recently, Generative Adversarial Network (GAN) and its variants have shown", id="comma-name-acronym"),
        pytest.param("Peer-to-peer (P2P) networks are here to stay.", id="hyphenated-name-acronym"),
        pytest.param("Wasserstein GAN(WGAN) is a model.", id="acronym-glued-to-name"),
        pytest.param("Deep Reinforcement Learning (Deep RL) has been receiving attention.", id="two-word-acronym"),
    ],
)
def test_openings_that_are_not_datelines(text):
    assert find_dateline(text) == (None, 0)


def test_dateline_alone_leaves_an_empty_body():
    text = "Storm hits the coast\n\nRome (AFP) \u2013\n"
    parsed = parse_layout(text)
    assert parsed.dateline == "Rome (AFP)"
    assert text[parsed.body_start:].strip() == ""


def test_layout_finds_dateline_after_title():
    text = "Storm hits the coast\n\nMIAMI (AP) - The storm arrived at noon."
    parsed = parse_layout(text)
    assert (parsed.title, parsed.dateline) == ("Storm hits the coast", "MIAMI (AP)")
    assert text[parsed.body_start:].startswith("The storm")


_FIRST_LINE_REGEX = re.compile(r"\A\s*(?P<line>[^\n]*?)[^\S\n]*\n[^\S\n]*\n")


def _title_by_regex(text):
    # The definition find_title had as a regex: the first line after any
    # blank ones, then a line of only spaces.
    match = _FIRST_LINE_REGEX.match(text)
    if not match:
        return None, 0
    line = layout._MARKDOWN_HEADING.sub("", match.group("line").strip()).strip()
    if (not line or len(line) > layout.MAX_TITLE_CHARS or len(line.split()) > layout.MAX_TITLE_WORDS
            or layout._ENDS_LIKE_SENTENCE.search(line) or not text[match.end():].strip()):
        return None, 0
    return line, match.end()


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab. #\n\t\r\u3000\u00a0\u2028", max_size=30))
def test_find_title_agrees_with_its_regex_definition(text):
    assert find_title(text) == _title_by_regex(text)


def test_a_given_title_stops_headline_detection():
    text = "Key points\n\nThe council approved the plan on Monday."
    parsed = parse_layout(text, title="Council approves plan.")
    assert (parsed.title, parsed.body_start) == ("Council approves plan.", 0)


@pytest.mark.parametrize("first", ["Council approves plan", "# Council approves plan.", "COUNCIL  approves plan!"])
def test_a_first_paragraph_repeating_the_given_title_is_set_apart(first):
    text = f"{first}\n\nRome (AFP) - The council approved the plan on Monday."
    parsed = parse_layout(text, title="Council approves plan.")
    assert parsed.title == "Council approves plan."
    assert parsed.dateline == "Rome (AFP)"
    assert text[parsed.body_start:].startswith("The council")


@pytest.mark.parametrize(
    "before",
    ["By Mara Quinlan | 14 May 2024 | Local news\n\n", "Home > Local > Harbour\n\nPublished 14 May 2024\n\n"],
)
def test_the_given_title_repeated_after_a_byline_is_set_apart(before):
    text = f"{before}Council approves plan\n\nThe council approved the plan on Monday."
    parsed = parse_layout(text, title="Council approves plan.")
    assert text[parsed.body_start:] == "The council approved the plan on Monday."


def test_a_title_repeated_after_prose_is_not_set_apart():
    text = "The vote came late.\n\nCouncil approves plan\n\nThe council approved the plan on Monday."
    assert parse_layout(text, title="Council approves plan.").body_start == 0


def test_a_blank_given_title_means_no_title_and_no_detection():
    parsed = parse_layout("Storm hits the coast\n\nThe storm arrived.", title="  ")
    assert (parsed.title, parsed.body_start) == (None, 0)
