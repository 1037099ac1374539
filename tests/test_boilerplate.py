"""Boilerplate: page furniture that is never part of a summary."""
import re
import sys

import pytest

from summarize.boilerplate import is_boilerplate


@pytest.mark.parametrize(
    "sentence",
    [
        "CNN's Jane Doe contributed to this report.",
        "CNN's Ben Wedeman and Kareem Khadder contributed to this story.",
        "Kwon contributed from Seoul .",
        "Additional reporting by Jane Doe.",
        "By Jane Doe",
        "Click here to access the transcript of today's program.",
        "Follow @CNNPhotos on Twitter to join the conversation about photography.",
        "Follow us on Facebook.",
        "Read more: Nigeria election -- what you need to know .",
        "READ MORE: 5 key issues for next Israeli leader .",
        "See more CNN Heroes .",
        "Copyright \u00a9 2015 Rolling Stone.",
        "All rights reserved.",
        "Photo: Getty Images",
        "The views expressed in this commentary are solely those of the writer.",
        "Email your story ideas and tips to tips@example.com.",
        "Sign up for our newsletter.",
        "Follow BBC Sport on Twitter.",
        "Media playback is not supported on this device.",
        "Image copyright Getty Images Image caption The bridge was closed in 2019.",
        "The BBC is not responsible for the content of external sites.",
        "Advertisement",
        "Share this with Email Facebook Messenger Twitter",
        # Furniture real pages put inside their articles (issue 17).
        "This copy is for your personal, non-commercial use only.",
        "To order presentation-ready copies for distribution to your colleagues, visit the reprints desk.",
        "See it now: Amazon",
        "Buy it now at the Harbour Shop",
        "Tested by: Mara Quinlan RRP: 89 pounds More info: shop.example/boots",
        "Boots, RRP: \u00a389, from the harbour shop.",
        "https://www.coastgazette.example/local/harbour-live",
        "<www.coastgazette.example/local>",
        "Home > Local > Harbour",
        "Accueil \u203a Actualit\u00e9s \u203a Soci\u00e9t\u00e9",
        "Home > Harbour",
        "By Mara Quinlan | 14 May 2024 | Local news",
        "Par Marie Dupont \u00b7 12 mars 2024",
        "Published 14 May 2024",
        "Updated: Tuesday, May 14th, 2024",
        "Posted 2024-05-14",
        "May 14, 2024 \u00b7 5 min read",
        "14 May 2024 | Local news",
        "Also read: Storm closes the north pier",
        "You may also like",
        "Related coverage:",
        "Lire aussi : La temp\u00eate ferme la jet\u00e9e nord",
    ],
)
def test_page_furniture_is_boilerplate(sentence):
    assert is_boilerplate(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Military officials said the fog contributed to the crash.",
        "Money contributed from donors rose sharply last year.",
        "By Thursday afternoon, the Saudis controlled Yemeni airspace, the adviser said.",
        "The book includes writing by Alain De Botton and Alison Nordstrom.",
        "More than 100 schools in Pakistan have been renamed.",
        "Video from the scene showed twisted metal and shattered glass.",
        "Police followed the suspect on foot.",
        "She said she would read more books this year.",
        "Fans follow the team on every away trip.",
        "Imagery from the satellite showed the damage.",
        "See them at the harbour museum until the end of June.",
        "By Tuesday, the harbour board had approved the plan.",
        "By Mara Quinlan's count, nine councillors changed their minds.",
        "Published in 2019, the report found the channel silting up.",
        "Most popular among the crews was the plan to dredge in winter.",
        "The trip takes a 10 minute drive from the quay.",
        "Prices rose by 5% in May 2024.",
        "If a > b and b > c, then a > c.",
    ],
)
def test_story_sentences_are_not_boilerplate(sentence):
    assert not is_boilerplate(sentence)


def test_summarize_never_chooses_boilerplate_even_with_room_to_spare():
    from summarize import summarize

    text = (
        "The council approved the new bridge on Monday. "
        "Click here to read the council's bridge report. "
        "The bridge will open next year. "
        "CNN's Jane Doe contributed to this report."
    )
    chosen = [s.text for s in summarize(text, sentences=4).sentences]
    assert chosen == ["The council approved the new bridge on Monday.", "The bridge will open next year."]


def _unfiltered(sentence: str, language: str = "en") -> bool:
    """is_boilerplate without the substring test: every pattern searched."""
    from summarize.boilerplate import _patterns

    text = sentence.lstrip(" \"'\u201c\u2018")
    patterns = _patterns(language)
    at_start, anywhere = patterns.at_start, patterns.anywhere
    return at_start.match(text) is not None or any(p.search(text) for _, p in anywhere)


@pytest.mark.parametrize("language", ["en", "de", "es", "fr", "it", "nl", "pt", "ru"])
def test_every_anywhere_pattern_has_a_required_literal(language):
    from summarize.boilerplate import _patterns

    for literal, pattern in _patterns(language).anywhere:
        assert literal and re.search(re.escape(literal), pattern.pattern, re.IGNORECASE), pattern.pattern


@pytest.mark.parametrize(
    "pattern, literal",
    [
        (r"\bcopyright\s*\d{4}", "copyright"),
        (r"colou?r", "colo"),
        (r"\b(?:opinions|views) expressed in this (?:piece|column)", "expressed in this"),
        (r"foo[abc ] bar baz", "bar baz"),
        (r"a|bcd", ""),
        (r"(?:x|y)", ""),
    ],
)
def test_required_literal(pattern, literal):
    from summarize.boilerplate import required_literal

    assert required_literal(pattern) == literal


def test_fold_keeps_every_ignorecase_match_of_an_ascii_letter():
    from summarize.boilerplate import fold

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if re.fullmatch("[a-z]", char, re.IGNORECASE):
            assert len(fold(char)) == 1 and re.fullmatch("[a-z]", fold(char)), repr(char)


@pytest.mark.parametrize(
    "sentence",
    [
        "COPYRIGHT 2015 Rolling Stone.",
        "\u0130mage copyr\u0131ght 2019 Getty.",  # dotted capital I, dotless i
        "Reuters contributed from Paris.",
        "He contributed to the fund in 2015.",
        "ALL RIGHTS RESERVED",
        "The views expressed in this column are his own.",
        "Nothing here at all.",
        "\u212aelvin contributed to this story.",  # the Kelvin sign matches k
    ],
)
def test_substring_test_never_changes_the_answer(sentence):
    assert is_boilerplate(sentence) == _unfiltered(sentence)


def test_substring_test_never_changes_the_answer_on_the_samples():
    from pathlib import Path

    from summarize import split_sentences

    samples = Path(__file__).resolve().parents[1] / "samples"
    sentences = [s for path in sorted(samples.glob("*.txt")) for s in split_sentences(path.read_text(encoding="utf-8"))]
    assert len(sentences) > 20
    assert [is_boilerplate(s) for s in sentences] == [_unfiltered(s) for s in sentences]


def test_a_text_of_only_boilerplate_is_still_summarized_from_all_of_it():
    from summarize import summarize

    text = (
        "Click here to subscribe. Follow us on Twitter for updates. "
        "CNN's Jane Doe contributed to this report. All rights reserved 2020."
    )
    result = summarize(text, sentences=2, explain=True)
    assert len(result.sentences) == 2
    # Scored, so each has its terms (unscored boilerplate has none); a score
    # may be 0 here: half the text asked for, a sentence sharing no term
    # with the others is worth nothing (scoring.Weights.others).
    assert all(s.top_terms for s in result.all_sentences)
    assert [s.selected for s in result.all_sentences].count(True) == 2


def test_fold_of_a_long_sentence_beyond_ascii_is_lowered_whole():
    from summarize.boilerplate import fold

    # Lowered a piece at a time past 65,536 characters, cut at spaces: the same result.
    text = "ÜBER Große Städte ſtraße İzmir ΟΔΟΣ " * 8000
    assert len(text) > 4 * 65536
    assert fold(text) == text.translate(str.maketrans({"\u0130": "i", "\u017f": "s"})).lower()  # final sigmas too
    unbroken = "ÜberGroßeStädte" * 20000  # no space to cut at
    assert fold(unbroken) == unbroken.lower()


def test_characters_said_to_fold_alone_fold_as_everything_they_match():
    from summarize.boilerplate import _folds_alone, fold

    alone = [chr(code) for code in range(0x100) if _folds_alone(chr(code))]
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if re.fullmatch("[\x00-\xff]", char, re.IGNORECASE):
            for pattern_char in alone:
                if re.fullmatch(re.escape(pattern_char), char, re.IGNORECASE):
                    assert fold(char) == fold(pattern_char), (pattern_char, char)


@pytest.mark.parametrize(
    "pattern, prefixes",
    [
        (r"click here\b", ("click he",)),
        (r"(?:by|written by) (?-i:[A-Z])", ("by ", "written ")),
        (r"\(?(?:photo|image)s?:", ("(image:", "(images:", "(photo:", "(photos:", "image:", "images:", "photo:", "photos:")),
        (r"(?:with )?ab", ("ab", "with ab")),
        (r"\u00e0 lire|\u00c0 voir", ("\u00e0 lire", "\u00e0 voir")),
        (r"\u00e0 lire|\u00b5g", ()),  # the micro sign matches Greek mu: no beginning to read
        (r"\d{4} news", ()),
        (r"(?=(?P<x>[^.]{2,41}))(?P=x) >", ()),
    ],
)
def test_match_prefixes(pattern, prefixes):
    from summarize.boilerplate import match_prefixes

    assert match_prefixes(pattern) == prefixes


@pytest.mark.parametrize(
    "pattern, marks",
    [
        (r"(?=(?P<x>[^.]{2,41}))(?P=x)(?<= )[>\u203a\u00bb] \w+", ">\u203a\u00bb"),
        (r"\d{4} ?[|\u00b7\u2022]", "|\u00b7\u2022"),
        (r"\d{4}(?: [|])?", ""),
        (r"(?:a|b)c", ""),
    ],
)
def test_required_marks(pattern, marks):
    from summarize.boilerplate import required_marks

    assert required_marks(pattern) == marks


@pytest.mark.parametrize("language", ["en", "de", "es", "fr", "it", "nl", "pt", "ru"])
def test_the_tests_before_the_patterns_never_change_the_answer(language):
    from pathlib import Path

    from summarize import split_sentences

    samples = Path(__file__).resolve().parents[1] / "samples"
    sentences = [s for path in sorted(samples.glob("*.txt")) for s in split_sentences(path.read_text(encoding="utf-8"))]
    sentences += ["Home > News > World", "By Jane Doe | 3 March 2021 | Politics", "\u00c0 lire aussi : la suite", "(Photo: AP)"]
    assert [is_boilerplate(s, language) for s in sentences] == [_unfiltered(s, language) for s in sentences]


@pytest.mark.parametrize(
    "document",
    [
        "Home > News > World\n\nBy Jane Doe | 3 March 2021 | Politics\n\nThe views expressed in this\n  column are his own. "
        "CNN's Jane Doe contributed  to this report. All rights\nreserved. Copyright 2020. RRP: $5. 3 min read.",
        "\u201cQuoted,\u201d he said. \u0130mage copyr\u0131ght 2019 Getty. \u212aelvin contributed to this story.",  # fold's own letters
        "\u201cQuoted,\u201d he said. Reuters contrib\u00e9uted nothing. Reuters contributed from Paris.",  # beyond ASCII: dropped
        "A sentence with no furniture at all. Another one, well-\nknown and plain.",
        "Le rapport. \u00c0 lire aussi : la suite. Tous droits r\u00e9serv\u00e9s.",
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "ru"])
def test_the_test_for_a_documents_sentences_gives_is_boilerplates_answers(document, language):
    from summarize import split_sentences
    from summarize.boilerplate import furniture_test

    sentences = split_sentences(document, language)
    assert [furniture_test(document, language)(s) for s in sentences] == [is_boilerplate(s, language) for s in sentences]


def test_a_document_is_searched_for_the_required_words_a_piece_at_a_time():
    from summarize.boilerplate import _PIECE, _found_words

    document = "x" * (_PIECE - 3) + "contributed " + "y" * _PIECE + " Copyright"
    assert _found_words(document, {"contributed", "copyright", "reserved"}) == {"contributed", "copyright"}
