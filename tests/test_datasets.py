"""Datasets: JSON Lines records, read lazily, each line its own document."""
from __future__ import annotations

import io
import json

import pytest

from summarize.datasets import lines_of, parse_record, read_lines, record_document
from summarize.document import Fields
from summarize.errors import InputError, MissingFieldError


def test_lines_are_numbered_from_one_and_blank_ones_skipped(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "a"}\n\n{"text": "b"}\n')
    assert list(read_lines(str(path), 1000)) == [(1, b'{"text": "a"}\n'), (3, b'{"text": "b"}\n')]


def test_a_line_over_the_cap_is_never_held_and_the_next_ones_go_on(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "b"}\n')
    assert list(read_lines(str(path), 100)) == [(1, None), (2, b'{"text": "b"}\n')]


def test_lines_of_any_stream_are_read_as_a_file_s():
    # What a dataset kept elsewhere (an object store, a compressed file) is read through.
    stream = io.BytesIO(b'{"text": "a"}\n\n' + b"x" * 50 + b'\n{"text": "b"}')
    assert list(lines_of(stream, 20)) == [(1, b'{"text": "a"}\n'), (3, None), (4, b'{"text": "b"}')]


def test_a_deeply_nested_line_is_not_valid_json_not_a_crash():
    line = b"[" * 10000 + b"]" * 10000
    with pytest.raises(InputError, match="d.jsonl:1: not valid JSON"):
        parse_record(line, "d.jsonl:1")


def test_a_record_without_its_text_field_names_the_setting():
    with pytest.raises(MissingFieldError) as caught:
        record_document(json.loads('{"body": "x"}'), "d.jsonl:1")
    assert caught.value.setting == "text_field"
    assert str(caught.value) == 'd.jsonl:1: no "text" field; the record\'s field is "body"'
    assert caught.value.brief == 'no "text" field'


def test_a_missing_field_error_lists_at_most_twelve_fields():
    record = {f"f{i}": i for i in range(15)}
    with pytest.raises(MissingFieldError, match=r'"f11" and 3 more\Z'):
        record_document(record, "d.jsonl:1")


def test_a_list_of_strings_is_joined_as_paragraphs():
    doc = record_document({"text": ["First one. ", "", "Second one."]}, "d.jsonl:1")
    assert doc.text == "First one.\n\nSecond one."


def test_the_fields_can_be_chosen():
    record = {"body": "It rained.", "key": "k1", "id": "not this", "headline": "  Rain  today "}
    doc = record_document(record, "d.jsonl:1", Fields(text="body", id="key", title="headline"))
    assert (doc.text, doc.record_id, doc.title) == ("It rained.", "k1", "Rain today")


def test_the_id_is_kept_as_it_is():
    doc = record_document({"text": "It rained.", "id": 7.5}, "d.jsonl:2")
    assert (doc.name, doc.text, doc.record_id) == ("d.jsonl:2", "It rained.", 7.5)


def test_a_lone_surrogate_escape_in_the_text_is_replaced_with_a_warning():
    doc = record_document(json.loads('{"text": "caf\\u00e9 \\ud800 ok."}'), "d.jsonl:1")
    assert doc.text == "caf\u00e9 \ufffd ok."
    assert doc.warnings == ("lone surrogate escapes replaced with U+FFFD",)


def test_nan_and_infinity_are_kept_as_the_strings_they_are_written_as():
    assert parse_record(b'{"id": NaN, "n": -Infinity, "text": "x"}', "d.jsonl:1") == {"id": "NaN", "n": "-Infinity", "text": "x"}
