"""Folders → inputs: which names are taken, in which case, and what is passed over."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.walk import Names, name_matcher, passed_over, walk

from make_documents import make_docx, make_epub

ARTICLE = "Harbor plan approved\n\nThe harbor board approved the plan on Monday. Work starts in spring. The state pays half."


def found(folder: Path, names: Names = Names()) -> list:
    return [Path(item.path).name for item in walk([str(folder)], names)]


@pytest.mark.parametrize(
    "names, name, taken",
    [
        (Names(), "notes.txt", True),
        (Names(), "NOTES.TXT", True),  # a known extension matches in any case
        (Names(), "post.markdown", True),
        (Names(), "page.html", False),
        (Names(("*.pdf",)), "SCAN.PDF", True),
        (Names(("*.pdf",)), "scan.pdf.bak", False),
        (Names(("report*.pdf",)), "Report1.pdf", False),  # the rest of the pattern keeps its case
        (Names(("*.rst",)), "A.RST", False),  # not an extension summarize reads: case matters
        (Names((), ("report*",)), "REPORT-1.rst", True),  # --iglob: the whole name in any case
    ],
)
def test_which_names_a_walk_takes(names, name, taken):
    assert name_matcher(names)(name) is taken


def test_names_are_listed_as_a_person_reads_them():
    assert str(Names()) == "*.txt, *.md or *.markdown"
    assert str(Names(("*.pdf",), ("*.DOCX",))) == "*.pdf or *.DOCX"


def test_upper_case_extensions_are_walked(tmp_path):
    for name in ("A.TXT", "b.Md", "c.txt.orig"):
        (tmp_path / name).write_text(ARTICLE)
    assert found(tmp_path) == ["A.TXT", "b.Md"]


def test_passed_over_counts_the_readable_files_the_names_leave_out(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.html", "b.HTM", "sub/c.pdf", "sub/d.pdf", "e.png", ".hidden.pdf", "f.txt"):
        (tmp_path / name).write_text("x")
    assert passed_over([str(tmp_path)]) == {".pdf": 2, ".html": 1, ".htm": 1}
    assert passed_over([str(tmp_path)], Names(("*.pdf", "*.html", "*.htm", "*.txt"))) == {}


def test_a_folder_of_pages_says_how_to_take_them(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "b.html").write_text("<html><body><p>y</p></body></html>")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(cli, [str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: no input found: no files named *.txt, *.md or *.markdown in {tmp_path}; "
        "they hold 2 .html files, 1 .pdf file: take them with --glob '*.html' --glob '*.pdf'"
    )


def test_a_folder_of_nothing_readable_is_the_plain_error(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = CliRunner().invoke(cli, [str(tmp_path)])
    assert result.stderr.splitlines()[-1] == f"Error: no input found: no files named *.txt, *.md or *.markdown in {tmp_path}"


def test_batch_mode_takes_documents_with_glob(tmp_path, sources):
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "Essay.DOCX", sources["essay-on-walking"], extras=False)
    make_epub(folder / "book.epub", [sources["tricky-punctuation"]], book_title="Harbor Stories")
    (folder / "notes.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["-j", "1", "-f", "json", "-o", str(out), "--glob", "*.docx", "--glob", "*.epub", str(folder)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["Essay.json", "book.json"]
    assert json.loads((out / "Essay.json").read_text())["title"] == "The Case for Walking Slowly"
    assert json.loads((out / "book.json").read_text())["title"] == "Harbor Stories"


def test_iglob_matches_any_case(tmp_path):
    (tmp_path / "Notes.RST").write_text(ARTICLE)
    (tmp_path / "other.rst").write_text(ARTICLE)
    result = CliRunner().invoke(cli, ["-j", "1", "--iglob", "notes.*", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"==> {tmp_path / 'Notes.RST'} <=="
    assert result.stdout.count("==> ") == 1
