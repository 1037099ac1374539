"""Boilerplate: page furniture that is never part of a summary."""
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
