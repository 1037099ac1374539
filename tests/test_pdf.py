"""PDF: generated PDFs read back as their source, and the pure post-processing."""
from __future__ import annotations

import re
import sys

import pytest
from click.testing import CliRunner

import summarize
from summarize.cli import cli
from summarize.errors import InputError, MissingExtraError, NoTextError
from summarize.pdf import pdf_document
from summarize.pdf_layout import (
    PdfText,
    furniture_lines,
    keeps_hyphen,
    paragraphs_of,
    pdf_text,
    title_from_sizes,
    usable_metadata_title,
)
from summarize.sources import read_any

from conftest import PDF_LAYOUTS

NAMES = ("essay-on-walking", "libya-haftar-rome-paris", "tricky-punctuation")
CASES = [(name, layout) for name in NAMES for layout in PDF_LAYOUTS]


@pytest.fixture(autouse=True)
def _needs_pypdfium2():
    pytest.importorskip("pypdfium2")


def read(path):
    return pdf_document(path.read_bytes(), str(path))


def _url_split_by_the_typesetter(text):
    # Two columns too narrow for the URL: reportlab breaks it without a
    # hyphen ("h" / "ttps://..."), which nothing can tell from two words.
    return text.replace("h ttps://", "https://")


@pytest.mark.parametrize("name, layout", CASES)
def test_title_comes_from_the_metadata_or_the_large_first_line(pdf_files, sources, name, layout):
    assert read(pdf_files[name, layout]).title == sources[name].title


@pytest.mark.parametrize("name, layout", CASES)
def test_running_headers_footers_and_page_numbers_are_dropped(pdf_files, name, layout):
    text = read(pdf_files[name, layout]).text
    assert "Sample Press Quarterly" not in text
    assert not re.search(r"\bPage \d\b", text)
    assert not [p for p in text.split("\n\n") if re.fullmatch(r"\d+", p)]


@pytest.mark.parametrize("name, layout", CASES)
def test_the_title_is_not_repeated_in_the_text(pdf_files, sources, name, layout):
    assert sources[name].title not in read(pdf_files[name, layout]).text


@pytest.mark.parametrize("name, layout", CASES)
def test_words_come_back_whole_and_in_reading_order(pdf_files, sources, name, layout):
    text = _url_split_by_the_typesetter(read(pdf_files[name, layout]).text)
    assert text.split() == sources[name].body.split()


@pytest.mark.parametrize("name, layout", CASES)
def test_no_paragraph_break_falls_inside_a_sentence(pdf_files, sources, name, layout):
    truth = sources[name].paragraphs
    joins = {" ".join(truth[i:j]) for i in range(len(truth)) for j in range(i + 1, len(truth) + 1)}
    paragraphs = _url_split_by_the_typesetter(read(pdf_files[name, layout]).text).split("\n\n")
    assert all(p in joins for p in paragraphs)


@pytest.mark.parametrize("layout", PDF_LAYOUTS)
def test_the_summary_of_a_pdf_is_the_summary_of_its_source(pdf_files, sources, layout):
    source = sources["libya-haftar-rome-paris"]
    doc = read(pdf_files["libya-haftar-rome-paris", layout])
    from_pdf = summarize.summarize(doc.text, title=doc.title, sentences=3)
    from_source = summarize.summarize(f"{source.title}\n\n{source.body}", sentences=3)
    assert [s.text for s in from_pdf.sentences] == [s.text for s in from_source.sentences]
    assert from_pdf.title == from_source.title


def test_the_command_reads_a_pdf_file_and_a_pdf_on_stdin(pdf_files, sources):
    path = pdf_files["essay-on-walking", "book"]
    by_name = CliRunner().invoke(cli, ["-n", "2", "-f", "json", str(path)])
    on_stdin = CliRunner().invoke(cli, ["-n", "2", "-f", "json"], input=path.read_bytes())
    assert by_name.exit_code == on_stdin.exit_code == 0, by_name.stderr + on_stdin.stderr
    assert by_name.stderr == on_stdin.stderr == ""
    expected = summarize.summarize(sources["essay-on-walking"].body, title=sources["essay-on-walking"].title, sentences=2)
    for result in (by_name, on_stdin):
        assert f'"title": "{expected.title}"' in result.stdout
        for sentence in expected.sentences:
            assert sentence.text in result.stdout


def test_a_pdf_is_known_by_its_bytes_whatever_its_name(pdf_files, tmp_path):
    path = tmp_path / "paper.txt"
    path.write_bytes(pdf_files["tricky-punctuation", "plain"].read_bytes())
    assert read_any(str(path)).title == "Harbor Authority Approves $1.5 Million Dredging Plan"


def test_a_pdf_without_a_text_layer_says_so(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    drawing = canvas.Canvas(str(path))
    drawing.rect(50, 50, 200, 300, fill=1)  # a scanned page: a picture, no text
    drawing.showPage()
    drawing.save()
    with pytest.raises(NoTextError, match="scan.pdf: no text in the PDF .*OCR"):
        read(path)


def test_a_damaged_pdf_is_one_input_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 then nothing a PDF needs")
    result = CliRunner().invoke(cli, [str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: not a readable PDF")
    assert result.stderr.count("\n") == 1


def test_an_encrypted_pdf_asks_for_an_unprotected_copy(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    drawing = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    drawing.drawString(72, 720, "A locked sentence.")
    drawing.save()
    with pytest.raises(InputError, match="encrypted .*password"):
        read(path)


def test_without_the_pdf_extra_one_line_names_it(pdf_files, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 now fails
    path = pdf_files["essay-on-walking", "plain"]
    with pytest.raises(MissingExtraError, match=r"needs the pdf extra: pip install 'summarize\[pdf\]'"):
        read(path)
    result = CliRunner().invoke(cli, [str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: {path}: reading PDF needs the pdf extra: pip install 'summarize[pdf]'\n"


# --- the pure post-processing ------------------------------------------------------


@pytest.mark.parametrize(
    "before, after, keep",
    [
        ("mil", "lion", False),  # a typesetter's break
        ("recogni", "sed", False),
        ("U.K.", "owned", True),  # the part before ends in a capital
        ("UN", "recognised", True),
        ("Franco", "German", True),  # the part after is capitalised
        ("three", "hour", True),  # a number word keeps its hyphen
        ("well", "known", True),
        ("door", "way", False),  # "doorway" elsewhere in the document
        ("long", "term", True),
    ],
)
def test_keeps_hyphen(before, after, keep):
    assert keeps_hyphen(before, after, {"doorway", "mil", "way", "door"}, set()) is keep


def test_a_compound_seen_elsewhere_keeps_its_hyphen():
    assert keeps_hyphen("cross", "section", set(), {"cross-section"})


@pytest.mark.parametrize(
    "title, usable",
    [
        ("The Case for Walking Slowly", True),
        ("Microsoft Word - draft3.docx", False),
        ("untitled", False),
        ("report_final.pdf", False),
        ("", False),
        (None, False),
        ("   ", False),
    ],
)
def test_usable_metadata_title(title, usable):
    assert (usable_metadata_title(title) is not None) is usable


def test_title_from_sizes_takes_the_first_large_run():
    runs = [("Sample Press", 7.0), ("The Case for", 17.0), ("Walking Slowly", 17.0)] + [("body text " * 8, 10.5)] * 10
    assert title_from_sizes(runs) == "The Case for Walking Slowly"


def test_a_large_pull_quote_further_down_is_not_a_title():
    assert title_from_sizes([("body text " * 8, 10.5)] * 10 + [("A pull quote", 20.0)]) is None


def test_furniture_is_found_by_repetition_page_numbers_and_the_title():
    pages = [
        ["Quarterly Review", "First body line of page one.", "More text here.", "1"],
        ["Quarterly Review", "Second page body line.", "Another line.", "- 2 -"],
        ["My Title 3", "Third page body line.", "Last line.", "Page 3 of 3"],
    ]
    assert furniture_lines(pages, "My Title") == [{0, 3}, {0, 3}, {0, 3}]


def test_a_paragraph_runs_over_a_page_break():
    line = "a full line of justified text that runs to the margin"
    pages = [[line, line, line], [line + ".", "Short last line.", "Next paragraph " + line[15:]]]
    assert [len(p) for p in paragraphs_of(pages)] == [5, 1]


def test_without_sizes_or_metadata_a_short_first_line_is_the_title():
    line = "words " * 10
    assert pdf_text(PdfText(pages=(("A Plain Title", line.strip(), line.strip() + "."),))).title == "A Plain Title"
