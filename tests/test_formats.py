"""Kinds of input: by extension and by content, and where each goes."""
from __future__ import annotations


import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.errors import InputError
from summarize.formats import kind_of_bytes, kind_of_media_type, kind_of_name
from summarize.sources import input_kind, read_any, sniff_html

from make_documents import make_docx, make_epub, zip_of

PAGE_BODY = (
    "<body><article><h1>Harbor plan approved</h1>"
    + "".join(
        f"<p>The harbor board approved the dredging plan for the inner channel on day {i}, "
        "and the ferry operators welcomed the decision after a long wait.</p>"
        for i in range(1, 6)
    )
    + "</article></body></html>"
)


def test_generated_documents_are_known_by_their_bytes(tmp_path, sources):
    source = sources["essay-on-walking"]
    assert kind_of_bytes(make_docx(tmp_path / "a", source).read_bytes()) == "docx"
    assert kind_of_bytes(make_epub(tmp_path / "b", [source], book_title="x").read_bytes()) == "epub"


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\n  %PDF-1.4\n", "pdf"),
        (b"\x00" * 100 + b"%PDF-1.4\n...\n%%EOF\n", "pdf"),  # junk before the header, within 1024 bytes
        (b"Plain text that mentions %PDF-1.4 early" + b" " * 2000, None),  # no %%EOF at the end
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc"),
        (b"{\\rtf1\\ansi", "rtf"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"<!doctype html><p>x", None),
        (b"", None),
    ],
)
def test_magic_bytes(data, kind):
    assert kind_of_bytes(data) == kind


def test_zips_are_known_by_their_members():
    assert kind_of_bytes(zip_of(**{"META-INF__container.xml": "<x/>", "OEBPS__content.opf": "<x/>"})) == "epub"
    assert kind_of_bytes(zip_of(**{"[Content_Types].xml": "<x/>", "xl__workbook.xml": "<x/>"})) == "xlsx"
    assert kind_of_bytes(zip_of(**{"readme.txt": "hi"})) == "zip"


@pytest.mark.parametrize(
    "name, kind",
    [("a.PDF", "pdf"), ("b.docx", "docx"), ("c.epub", "epub"), ("d.md", "markdown"), ("e.markdown", "markdown"),
     ("f.XHTML", "html"), ("g.shtml", "html"), ("h.htm", "html"), ("i.txt", None), ("noext", None)],
)
def test_kind_of_name(name, kind):
    assert kind_of_name(name) == kind


@pytest.mark.parametrize(
    "data, name, input_format, kind",
    [
        (b"%PDF-1.7", "x.txt", "auto", "pdf"),  # the content wins over the name
        (b"# Title", "x.md", "auto", "markdown"),
        (b"# Title", "<stdin>", "auto", "text"),  # Markdown on stdin: only when asked
        (b"# Title", "<stdin>", "markdown", "markdown"),
        (b"%PDF-1.7", "x.pdf", "text", "text"),  # --input-format decides
        (b"PK\x03\x04 damaged", "x.docx", "auto", "docx"),  # a damaged zip named .docx: its reader says what is wrong
        (b"PK\x03\x04 damaged", "x.zip", "auto", "zip"),
    ],
)
def test_input_kind(data, name, input_format, kind):
    assert input_kind(data, name, input_format) == kind


@pytest.mark.parametrize(
    "start",
    [
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
        '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html>',
        "\ufeff<?xml version='1.0'?><!-- saved --><html>",
        "<script>window.x = 1;</script><html>",
        "  <SCRIPT src='a.js'></SCRIPT>",
    ],
    ids=["xml-declaration", "xhtml-doctype", "bom-and-comment", "script", "script-upper"],
)
def test_xhtml_and_pages_opening_with_a_script_are_pages(start):
    assert sniff_html(start.encode("utf-8"))


@pytest.mark.parametrize("start", ['<?xml version="1.0"?><rss version="2.0">', "The <script> tag runs code."])
def test_other_xml_and_text_mentioning_tags_are_not_pages(start):
    assert not sniff_html(start.encode())


@pytest.mark.parametrize(
    "head",
    ['<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbor plan approved</title></head>',
     "<script>var a = 1;</script><html><head><title>Harbor plan approved</title></head>"],
    ids=["xhtml", "script"],
)
def test_xhtml_and_script_pages_on_stdin_are_read_as_pages(head):
    pytest.importorskip("trafilatura")
    result = CliRunner().invoke(cli, ["-n", "1", "-f", "json"], input=(head + PAGE_BODY).encode())
    assert result.exit_code == 0, result.stderr
    assert '"title": "Harbor plan approved"' in result.stdout
    assert "<p>" not in result.stdout


@pytest.mark.parametrize("suffix", [".xhtml", ".shtml"])
def test_xhtml_and_shtml_files_are_pages(tmp_path, suffix):
    pytest.importorskip("trafilatura")
    path = tmp_path / f"page{suffix}"
    path.write_text("<html><head><title>Harbor plan approved</title></head>" + PAGE_BODY, encoding="utf-8")
    assert read_any(str(path)).title == "Harbor plan approved"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "a Word 97-2003 document (.doc), which cannot be read; save it as .docx, PDF or text"),
        (b"{\\rtf1\\ansi Hello}", "an RTF document, which cannot be read; save it as .docx, PDF or text"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip-compressed; decompress it first (gunzip)"),
    ],
    ids=["doc", "rtf", "gzip"],
)
def test_formats_that_cannot_be_read_are_named(tmp_path, data, message):
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_any(str(path))
    assert str(caught.value) == f"{path}: {message}"


@pytest.mark.parametrize(
    "content_type, kind",
    [
        ("text/html", "html"),
        ("Application/XHTML+XML", "html"),
        ("text/plain; charset=utf-8", "text"),
        ("text/markdown", "markdown"),
        ("application/pdf", "pdf"),
        ("application/epub+zip", "epub"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ("application/octet-stream", None),
        ("image/png", None),
        ("", None),
    ],
)
def test_kind_of_media_type(content_type, kind):
    assert kind_of_media_type(content_type) == kind
