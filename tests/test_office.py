"""DOCX and EPUB, read from files the tests write by hand."""
from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner

import summarize
from summarize import office
from summarize.cli import cli
from summarize.errors import InputError, NoTextError
from summarize.office import docx_document, epub_document, parse_xml, read_docx, read_epub, xhtml_blocks

from make_documents import make_docx, make_epub, zip_of


# --- DOCX -------------------------------------------------------------------------


def test_docx_paragraphs_in_order_with_the_core_title(tmp_path, sources):
    source = sources["tricky-punctuation"]
    found = read_docx(make_docx(tmp_path / "a.docx", source, core_title="Dredging Plan", extras=False).read_bytes())
    assert found.title == "Dredging Plan"
    assert found.text.split("\n\n") == list(source.paragraphs)


def test_docx_title_from_the_title_style_without_a_core_title(tmp_path, sources):
    source = sources["essay-on-walking"]
    found = read_docx(make_docx(tmp_path / "a.docx", source).read_bytes())
    assert found.title == source.title
    assert source.title not in found.text


def test_docx_leaves_out_tables_and_deleted_text_and_reads_breaks_and_tabs_as_spaces(tmp_path, sources):
    text = read_docx(make_docx(tmp_path / "a.docx", sources["essay-on-walking"]).read_bytes()).text
    assert "Cell one" not in text and "DELETED" not in text
    assert "Kept after a tab and after a line break." in text.split("\n\n")


def test_docx_headings_by_style_name_are_not_text():
    styles = (
        f'<w:styles xmlns:w="{office.W[1:-1]}"><w:style w:styleId="berschrift1">'
        '<w:name w:val="heading 1"/></w:style></w:styles>'
    )
    body = (
        f'<w:document xmlns:w="{office.W[1:-1]}"><w:body>'
        '<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Ein Abschnitt</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Der Text.</w:t></w:r></w:p></w:body></w:document>"
    )
    found = read_docx(zip_of(**{"word__document.xml": body, "word__styles.xml": styles}))
    assert found == (None, "Der Text.")


def test_a_docx_declaring_entities_is_refused():
    evil = zip_of(**{"word__document.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'})
    with pytest.raises(InputError, match="refused: its part word/document.xml declares XML entities"):
        docx_document(evil, "evil.docx")


def test_a_part_too_large_uncompressed_is_refused(tmp_path, sources, monkeypatch):
    monkeypatch.setattr(office, "MAX_MEMBER_BYTES", 1000)
    data = make_docx(tmp_path / "a.docx", sources["libya-haftar-rome-paris"]).read_bytes()
    with pytest.raises(InputError, match="a.docx: refused: its part word/document.xml is [0-9,]+ bytes uncompressed"):
        docx_document(data, "a.docx")


def test_a_damaged_docx_is_one_input_error(tmp_path):
    path = tmp_path / "cut.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    result = CliRunner().invoke(cli, [str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: not a valid DOCX file: the zip is damaged or truncated\n"


def test_a_docx_without_paragraphs_has_no_text(tmp_path):
    body = f'<w:document xmlns:w="{office.W[1:-1]}"><w:body><w:p/></w:body></w:document>'
    with pytest.raises(NoTextError, match="empty.docx"):
        docx_document(zip_of(**{"word__document.xml": body}), "empty.docx")


def test_deep_nesting_is_refused_not_a_crash():
    body = f'<w:document xmlns:w="{office.W[1:-1]}"><w:body>' + "<w:sdt><w:sdtContent>" * 5000
    body += "</w:sdtContent></w:sdt>" * 5000 + "</w:body></w:document>"
    with pytest.raises(InputError, match="nested too deeply"):
        docx_document(zip_of(**{"word__document.xml": body}), "deep.docx")


# --- EPUB ------------------------------------------------------------------------------


@pytest.mark.parametrize("epub2", [False, True], ids=["epub3", "epub2"])
def test_epub_chapters_in_spine_order_with_the_package_title(tmp_path, sources, epub2):
    chapters = [sources["essay-on-walking"], sources["tricky-punctuation"]]
    found = read_epub(make_epub(tmp_path / "b.epub", chapters, book_title="Two Samples", epub2=epub2).read_bytes())
    assert found.title == "Two Samples"
    assert found.text.split("\n\n") == [p for chapter in chapters for p in chapter.paragraphs]


def test_epub_leaves_out_the_cover_the_contents_headings_and_note_markers(tmp_path, sources):
    chapter = sources["essay-on-walking"]
    text = read_epub(make_epub(tmp_path / "b.epub", [chapter], book_title="One").read_bytes()).text
    assert "Cover page" not in text and "Contents" not in text
    assert chapter.title not in text
    assert "\n\n1\n\n" not in text and not text.endswith("1")


def test_an_epub_without_a_container_is_one_input_error():
    with pytest.raises(InputError, match="x.epub: a zip file without META-INF/container.xml, so not an EPUB"):
        epub_document(zip_of(mimetype="application/epub+zip"), "x.epub")


def test_an_epub_with_encrypted_chapters_says_so(tmp_path, sources):
    path = make_epub(tmp_path / "drm.epub", [sources["essay-on-walking"]], book_title="Locked")
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["OEBPS/text/ch0.xhtml"] = bytes(range(256)) * 4  # ciphertext, not XML
    members["META-INF/encryption.xml"] = b"<encryption/>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(InputError, match="drm.epub: the EPUB is encrypted \\(DRM\\)"):
        epub_document(buffer.getvalue(), "drm.epub")


def test_xhtml_inline_markup_keeps_its_words():
    root = parse_xml(
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Part</h2>'
        b"<p>An <em>emphasised</em> word,<br/>a line break, the 1<sup>st</sup> and a note.<sup><a href='#n'>3</a></sup>"
        b"<sup>4</sup></p><table><tr><td>cell</td></tr></table><pre>code()</pre></body></html>",
        "t.xhtml",
    )
    # A superscript of digits alone is a note marker (an exponent would lose it too).
    assert xhtml_blocks(root) == (["Part"], ["An emphasised word, a line break, the 1st and a note."])


# --- the command --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["docx", "epub"])
def test_the_command_reads_docx_and_epub_by_name_and_on_stdin(tmp_path, sources, kind):
    source = sources["libya-haftar-rome-paris"]
    if kind == "docx":
        path = make_docx(tmp_path / "a.docx", source, extras=False)
    else:
        path = make_epub(tmp_path / "a.epub", [source], book_title=source.title)
    expected = summarize.summarize("\n\n".join(source.paragraphs), title=source.title, sentences=2)
    lines = [s.text + "\n" for s in expected.sentences]
    for args, data in (([str(path)], None), ([], path.read_bytes())):
        result = CliRunner().invoke(cli, ["-n", "2", *args], input=data)
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == "".join(lines)
