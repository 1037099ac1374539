"""Batch mode: many files, folders and datasets; workers, outputs, failures, interrupts."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import summarize
from summarize import batch, environment, render, workers
from summarize.cli import cli
from summarize.outcome import Request
from summarize.render import DEFAULT_KEYWORDS
from summarize.walk import walk

TOPICS = ["harbor", "election", "vaccine", "bridge", "orchard", "satellite", "museum", "glacier"]


def article(i: int) -> str:
    """A small article of five sentences; different for each ``i``."""
    topic = TOPICS[i % len(TOPICS)]
    return (
        f"Story {i} about the {topic}\n\n"
        f"The {topic} council met on Monday to discuss plan {i}. "
        f"Residents said the {topic} plan would cost too much. "
        f"The mayor defended the {topic} budget in a long speech. "
        f"Critics asked for a vote on the {topic} before winter. "
        f"A decision on plan {i} is expected next week."
    )


def first_sentences(text: str, n: int = 1) -> list:
    return [s.text for s in summarize.summarize(text, sentences=n).sentences]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """news/b.txt, news/a.txt, news/sub/c.md, news/notes.rst, hidden entries."""
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / ".hidden").mkdir()
    (news / "b.txt").write_text(article(1))
    (news / "a.txt").write_text(article(0))
    (news / "sub" / "c.md").write_text(article(2))
    (news / "notes.rst").write_text(article(3))
    (news / ".secret.txt").write_text(article(4))
    (news / ".hidden" / "d.txt").write_text(article(5))
    return news


def headers(stdout: str) -> list:
    return [line[4:-4] for line in stdout.splitlines() if line.startswith("==> ")]


def run_cli(runner: CliRunner, *args) -> Result:
    return runner.invoke(cli, ["-j", "1", "-n", "1", *map(str, args)])


# --- inputs ---------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order(runner, tree):
    result = run_cli(runner, tree)
    assert result.exit_code == 0
    assert headers(result.stdout) == [f"{tree}/a.txt", f"{tree}/b.txt", f"{tree}/sub/c.md"]


def test_plain_output_has_head_style_headers_and_blank_lines(runner, tmp_path):
    (tmp_path / "a.txt").write_text(article(0))
    (tmp_path / "b.txt").write_text(article(1))
    result = run_cli(runner, tmp_path / "a.txt", tmp_path / "b.txt")
    assert result.stdout == (
        f"==> {tmp_path}/a.txt <==\n{first_sentences(article(0))[0]}\n"
        f"\n==> {tmp_path}/b.txt <==\n{first_sentences(article(1))[0]}\n"
    )


def test_files_and_folders_mix_in_argument_order(runner, tree, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text(article(6))
    result = run_cli(runner, extra, tree / "sub", tree / "a.txt")
    assert headers(result.stdout) == [str(extra), f"{tree}/sub/c.md", f"{tree}/a.txt"]


def test_hidden_files_and_folders_are_skipped(runner, tree):
    result = run_cli(runner, tree)
    assert ".secret" not in result.stdout and ".hidden" not in result.stdout


def test_glob_replaces_the_default_patterns_and_repeats(runner, tree):
    result = run_cli(runner, "--glob", "*.rst", "--glob", "c.*", tree)
    assert headers(result.stdout) == [f"{tree}/notes.rst", f"{tree}/sub/c.md"]


def test_file_arguments_are_read_whatever_their_name(runner, tree):
    result = run_cli(runner, tree / "notes.rst", tree / "a.txt")
    assert headers(result.stdout) == [f"{tree}/notes.rst", f"{tree}/a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_links_to_folders_are_not_followed_and_loops_do_not_hang(runner, tree, tmp_path):
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(article(7))
    (tree / "outside").symlink_to(outside, target_is_directory=True)
    (tree / "linked.txt").symlink_to(tree / "a.txt")
    result = run_cli(runner, tree)
    assert result.exit_code == 0
    assert headers(result.stdout) == [f"{tree}/a.txt", f"{tree}/b.txt", f"{tree}/linked.txt", f"{tree}/sub/c.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_file_links_that_loop_or_lead_nowhere_are_reported(runner, tree):
    (tree / "loop.txt").symlink_to(tree / "loop.txt")
    (tree / "gone.txt").symlink_to(tree / "nowhere.txt")
    (tree / "gone.rst").symlink_to(tree / "nowhere.rst")  # not a name looked for: passed over
    result = run_cli(runner, tree)
    assert result.exit_code == 1
    assert headers(result.stdout) == [f"{tree}/a.txt", f"{tree}/b.txt", f"{tree}/sub/c.md"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == [
        f"Error: {tree}/gone.txt: a link that leads nowhere (No such file or directory)",
        f"Error: {tree}/loop.txt: a link that leads nowhere (Too many levels of symbolic links)",
    ]


def stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def test_walk_depth_is_not_bounded_by_the_recursion_limit(tmp_path):
    # A tree deeper than the recursion limit would also break rmtree on
    # Python < 3.12: lower the limit instead of building such a tree.
    deep = tmp_path.joinpath(*["d"] * 150)
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text("x")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(stack_depth() + 60)
    try:
        found = [item.path for item in walk([str(tmp_path)])]
    finally:
        sys.setrecursionlimit(limit)
    assert found == [str(deep / "a.txt")]


def test_empty_folder_is_an_error(runner, tmp_path):
    result = run_cli(runner, tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: no input found: no files named *.txt, *.md or *.markdown in" in result.stderr


def test_one_plain_file_keeps_single_document_output(runner, tree):
    result = run_cli(runner, tree / "a.txt")
    assert result.stdout == first_sentences(article(0))[0] + "\n"
    assert result.stderr == ""


def test_stdin_dash_cannot_be_mixed_with_paths(runner, tree):
    result = run_cli(runner, "-", tree)
    assert result.exit_code == 2
    assert "- (stdin) can only be given alone" in result.stderr


# --- datasets -----------------------------------------------------------------


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "first", "text": article(0)}, {"text": article(1)}, {"id": 7, "text": article(2)}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows[:2]) + "\n" + json.dumps(rows[2]) + "\n")
    return path


def test_dataset_lines_are_documents_with_source_and_id(runner, dataset):
    result = run_cli(runner, "-f", "jsonl", dataset)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [f"{dataset}:1", f"{dataset}:2", f"{dataset}:4"]
    assert [r.get("id") for r in records] == ["first", None, 7]
    assert "id" not in records[1]
    assert [r["sentences"][0]["text"] for r in records] == [first_sentences(article(i))[0] for i in range(3)]


def test_jsonl_records_have_the_summary_dict_shape(runner, dataset):
    result = run_cli(runner, "-f", "jsonl", dataset)
    expected = render.summary_dict(summarize.summarize(article(1), sentences=1, keywords=DEFAULT_KEYWORDS), f"{dataset}:2")
    assert json.loads(result.stdout.splitlines()[1]) == expected


def test_text_field_chooses_the_field(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"body": article(3)}) + "\n")
    result = run_cli(runner, "--text-field", "body", path)
    assert result.exit_code == 0
    assert result.stdout == f"==> {path}:1 <==\n{first_sentences(article(3))[0]}\n"


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"body": "x"}', 'no "text" field; the record\'s field is "body" (choose the field with --text-field)'),
        ('{"text": 42}', 'no string in the "text" field'),
        ('{"text": "  "}', "no text to summarize"),
    ],
    ids=["bad-json", "not-object", "no-field", "not-string", "empty"],
)
def test_bad_dataset_lines_fail_and_the_rest_go_on(runner, tmp_path, line, message):
    path = tmp_path / "d.jsonl"
    path.write_text(line + "\n" + json.dumps({"text": article(0)}) + "\n")
    result = run_cli(runner, "-f", "jsonl", path)
    assert result.exit_code == 1
    error, good = [json.loads(x) for x in result.stdout.splitlines()]
    assert error["source"] == f"{path}:1" and message in error["error"]
    assert set(error) == {"source", "error"}
    assert good["source"] == f"{path}:2"
    assert f"Error: {path}:1: " in result.stderr and message in result.stderr


def test_error_records_keep_the_id_when_the_line_has_one(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x1", "body": "no text field"}) + "\n")
    result = run_cli(runner, "-f", "jsonl", path)
    assert json.loads(result.stdout) == {
        "source": f"{path}:1",
        "id": "x1",
        "error": 'no "text" field; the record\'s fields are "id", "body" (choose the field with --text-field)',
    }


def test_invalid_utf8_dataset_line_fails(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 au lait. It is good."}\n')
    result = run_cli(runner, path)
    assert result.exit_code == 1
    assert f"Error: {path}:1: not valid UTF-8" in result.stderr


def test_a_missing_text_field_is_explained_once_per_dataset(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps({"id": i, "body": article(i)}) + "\n" for i in range(1000)))
    result = run_cli(runner, "-f", "jsonl", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f'Error: {path}:1: no "text" field; the record\'s fields are "id", "body" (choose the field with --text-field)',
        f'Error: {path}: no "text" field on 999 more lines (2, 3, 4, 5, 6, …)',
    ]
    assert result.stderr.splitlines()[2].startswith("0 summarized, 1000 failed, 0 skipped in ")
    assert len(result.stderr.splitlines()) == 3
    # stdout still has a record in the place of each line.
    assert len(result.stdout.splitlines()) == 1000


def test_repeated_problems_are_counted_per_dataset_and_per_problem(runner, tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(['{"body": "x"}', "{bad", json.dumps({"text": article(0)}), '{"body": "y"}', "{worse"]) + "\n")
    second.write_text('{"body": "z"}\n')
    result = run_cli(runner, first, second)
    assert headers(result.stdout) == [f"{first}:3"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert [line.split(": ")[1] for line in errors] == [f"{first}:1", f"{first}:2", str(first), str(first), f"{second}:1"]
    assert errors[2:4] == [f'Error: {first}: no "text" field on 1 more line (4)', f"Error: {first}: not valid JSON on 1 more line (5)"]
    assert '"body"' in errors[4]  # the next dataset is told in full again


def test_a_text_field_holding_a_list_of_strings_is_joined_as_paragraphs(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    paragraphs = article(2).split("\n\n")
    path.write_text(json.dumps({"text": paragraphs}) + "\n")
    result = run_cli(runner, "-n", "2", "-f", "jsonl", path)
    assert result.exit_code == 0
    expected = summarize.summarize(article(2), sentences=2)
    record = json.loads(result.stdout)
    assert record["title"] == expected.title == paragraphs[0]
    assert [s["text"] for s in record["sentences"]] == [s.text for s in expected.sentences]


def test_a_list_that_is_not_all_strings_is_refused(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": ["One.", 2]}) + "\n")
    result = run_cli(runner, path)
    assert result.stderr.startswith(f'Error: {path}:1: no string in the "text" field: it holds a list that is not all strings')


def test_id_and_title_fields_are_chosen_by_options(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    body = article(4).split("\n\n", 1)[1]  # without its headline
    path.write_text(json.dumps({"doc": "n-7", "id": "not this", "headline": "Orchard vote", "body": body}) + "\n")
    result = run_cli(runner, "-f", "jsonl", "--text-field", "body", "--id-field", "doc", "--title-field", "headline", path)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["id"], record["title"]) == ("n-7", "Orchard vote")
    expected = summarize.summarize(body, title="Orchard vote", sentences=1, keywords=DEFAULT_KEYWORDS)
    assert record == render.summary_dict(expected, f"{path}:1", "n-7")


def test_without_a_title_field_the_headline_is_found_in_the_text(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"title": "Not read", "text": article(5)}) + "\n")
    record = json.loads(run_cli(runner, "-f", "jsonl", path).stdout)
    assert record["title"] == "Story 5 about the satellite"


def test_a_title_field_that_is_not_a_string_is_a_warning(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"title": 12, "text": article(5)}) + "\n")
    result = run_cli(runner, "--title-field", "title", path)
    assert result.exit_code == 0
    assert f'Warning: {path}:1: no string in the "title" field (a number); no title taken from it' in result.stderr


# --- formats --------------------------------------------------------------------


def test_json_format_is_one_array_with_error_records(runner, tree, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run_cli(runner, "-f", "json", tree / "a.txt", missing)
    data = json.loads(result.stdout)
    assert data[0] == render.summary_dict(summarize.summarize(article(0), sentences=1, keywords=DEFAULT_KEYWORDS), f"{tree}/a.txt")
    assert data[1] == {"source": str(missing), "error": "no such file or folder"}


def test_json_format_is_laid_out_as_one_indented_array(runner, tmp_path):
    (tmp_path / "a.txt").write_text(article(0))
    (tmp_path / "e.txt").write_text("")
    result = run_cli(runner, "-f", "json", tmp_path)
    assert result.stdout == json.dumps(json.loads(result.stdout), ensure_ascii=False, indent=2) + "\n"


def test_json_format_with_nothing_found_is_an_empty_array(runner, tmp_path):
    result = run_cli(runner, "-f", "json", tmp_path)
    assert result.stdout == "[]\n"


def test_markdown_format_gives_one_section_per_document(runner, tree):
    result = run_cli(runner, "-f", "markdown", tree / "a.txt", tree / "b.txt")
    assert result.stdout == (
        f"# Story 0 about the harbor\n\nSource: `{tree}/a.txt`\n\n- {first_sentences(article(0))[0]}\n"
        f"\n# Story 1 about the election\n\nSource: `{tree}/b.txt`\n\n- {first_sentences(article(1))[0]}\n"
    )


def test_rich_format_prints_one_panel_per_document(runner, tree):
    result = run_cli(runner, "-f", "rich", tree / "a.txt", tree / "b.txt")
    assert result.exit_code == 0
    assert result.stdout.count("╭") == 2
    assert "Story 0 about the harbor" in result.stdout and "Story 1 about the election" in result.stdout


# --- output folder ----------------------------------------------------------------


def files_under(folder: Path) -> list:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("fmt, ext", [("plain", ".txt"), ("json", ".json"), ("jsonl", ".jsonl"), ("markdown", ".md")])
def test_output_dir_mirrors_relative_paths_with_the_format_extension(runner, tree, tmp_path, fmt, ext):
    out = tmp_path / "out"
    result = run_cli(runner, "-f", fmt, "-o", out, tree)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert files_under(out) == [f"a{ext}", f"b{ext}", f"sub/c{ext}"]


def test_output_file_holds_what_the_single_document_command_prints(runner, tree, tmp_path):
    out = tmp_path / "out"
    run_cli(runner, "-f", "json", "-o", out, tree)
    single = run_cli(runner, "-f", "json", tree / "b.txt")
    assert (out / "b.json").read_text() == single.stdout


def test_dataset_gives_one_output_file_with_all_its_documents(runner, dataset, tmp_path):
    out = tmp_path / "out"
    result = run_cli(runner, "-f", "jsonl", "-o", out, dataset)
    assert result.exit_code == 0
    assert files_under(out) == ["articles.jsonl"]
    assert (out / "articles.jsonl").read_text() == run_cli(runner, "-f", "jsonl", dataset).stdout


def test_failed_input_gets_no_output_file(runner, tree, tmp_path):
    (tree / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = run_cli(runner, "-o", out, tree)
    assert result.exit_code == 1
    assert files_under(out) == ["a.txt", "b.txt", "sub/c.txt"]


def test_outputs_that_would_collide_fail(runner, tree, tmp_path):
    (tree / "a.md").write_text(article(6))
    out = tmp_path / "out"
    result = run_cli(runner, "-o", out, tree)
    assert result.exit_code == 1
    assert f"Error: {tree}/a.txt: its summary would overwrite the one of {tree}/a.md in {out}/a.txt" in result.stderr


def test_output_dir_inside_an_input_folder_is_not_read(runner, tree):
    out = tree / "summaries"
    run_cli(runner, "-o", out, tree)
    result = run_cli(runner, "-o", out, tree)  # the summaries of the first run are not inputs
    assert result.exit_code == 0
    assert files_under(out) == [".summarize-output", "a.txt", "b.txt", "sub/c.txt"]


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "fmt, inputs, at_risk",
    [("plain", ["sub/c.md", "sub/c.txt"], "sub/c.txt"), ("markdown", ["sub/c.txt", "sub/c.md"], "sub/c.md")],
    ids=["md-over-txt", "txt-over-md"],
)
def test_a_summary_that_would_land_on_a_later_input_refuses_the_run(runner, tree, fmt, inputs, at_risk):
    (tree / "sub" / "c.txt").write_text(article(6))
    before = snapshot(tree)
    result = run_cli(runner, "-f", fmt, "-o", tree / "sub", *(tree / name for name in inputs))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert f"over the input {tree / at_risk}" in result.stderr
    assert snapshot(tree) == before  # nothing written, nothing lost


def test_an_output_folder_inside_an_input_folder_that_holds_inputs_refuses_the_run(runner, tree):
    before = snapshot(tree)
    result = run_cli(runner, "-o", tree / "sub", tree)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the output folder {tree / 'sub'} lies inside the input folder {tree} and holds inputs such as "
        f"{tree / 'sub' / 'c.md'}, which the run would leave out or overwrite; choose an output folder outside {tree}\n"
    )
    assert snapshot(tree) == before


def test_an_output_folder_that_is_an_input_folder_says_so(runner, tree):
    result = run_cli(runner, "-o", tree, tree)
    assert result.exit_code == 1
    assert f"the output folder {tree} is the input folder {tree}" in result.stderr
    assert "no input found" not in result.stderr


def test_skip_existing_resumes(runner, tree, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text("kept\n")
    result = run_cli(runner, "-o", out, "--skip-existing", tree)
    assert result.exit_code == 0
    assert (out / "a.txt").read_text() == "kept\n"
    assert (out / "b.txt").read_text() == first_sentences(article(1))[0] + "\n"
    assert result.stderr.startswith("2 summarized, 0 failed, 1 skipped in ")


def test_skip_existing_needs_output_dir(runner, tree):
    result = run_cli(runner, "--skip-existing", tree)
    assert result.exit_code == 2
    assert "--skip-existing needs --output-dir" in result.stderr


@pytest.mark.parametrize("args", [["-o", "out"], ["-o", "out", "-"]], ids=["no-path", "stdin"])
def test_output_dir_needs_paths(runner, tmp_path, args):
    result = runner.invoke(cli, [*args], input=article(0))
    assert result.exit_code == 2
    assert "--output-dir needs file or folder PATHs" in result.stderr


def test_unwritable_output_dir_stops_with_one_error(runner, tree, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    out = blocker / "out"
    result = run_cli(runner, "-o", out, tree)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2].startswith("0 summarized, 0 failed, 0 skipped in ")
    assert result.stderr.splitlines()[-1] == f"Error: cannot write {out / 'a.txt'}: Not a directory"


def test_fail_fast_leaves_a_dataset_cut_short_unwritten(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": article(0)}) + "\n{bad\n" + json.dumps({"text": article(1)}) + "\n")
    out = tmp_path / "out"
    result = run_cli(runner, "-o", out, "--fail-fast", "-f", "jsonl", path)
    assert result.exit_code == 1
    assert list(out.iterdir()) == []
    # The first record was summarized, but its summary went with the file: not counted.
    assert result.stderr.splitlines()[-1].startswith("0 summarized, 1 failed, 0 skipped in ")


def test_rich_cannot_go_to_files(runner, tree, tmp_path):
    result = run_cli(runner, "-f", "rich", "-o", tmp_path / "out", tree)
    assert result.exit_code == 2
    assert "rich output cannot go to files" in result.stderr


def test_output_files_are_not_left_as_temporary_files(runner, tree, tmp_path):
    out = tmp_path / "out"
    run_cli(runner, "-o", out, tree)
    assert not [p for p in out.rglob(".*")]


# --- failures -------------------------------------------------------------------


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-good.txt").write_text(article(0))
    (folder / "2-empty.txt").write_text("")
    (folder / "3-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00")
    (folder / "4-good.txt").write_text(article(1))
    return {"folder": folder, "missing": tmp_path / "missing.txt"}


def test_failures_are_reported_and_the_rest_go_on(runner, bad_inputs):
    folder, missing = bad_inputs["folder"], bad_inputs["missing"]
    result = run_cli(runner, folder, missing)
    assert result.exit_code == 1
    assert headers(result.stdout) == [f"{folder}/1-good.txt", f"{folder}/4-good.txt"]
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        f"Error: {folder}/2-empty.txt: no text to summarize (the input is empty or only whitespace)",
        f"Error: {folder}/3-binary.txt: looks like a binary file (it contains NUL bytes); give a text file",
        f"Error: {missing}: no such file or folder",
    ]
    assert lines[3].startswith("2 summarized, 3 failed, 0 skipped in ")
    assert len(lines) == 4


def test_failures_are_error_records_in_jsonl(runner, bad_inputs):
    result = run_cli(runner, "-f", "jsonl", bad_inputs["folder"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert ["error" in r for r in records] == [False, True, True, False]


def test_fail_fast_stops_at_the_first_failure(runner, bad_inputs):
    result = run_cli(runner, "--fail-fast", bad_inputs["folder"])
    assert result.exit_code == 1
    assert headers(result.stdout) == [f"{bad_inputs['folder']}/1-good.txt"]
    assert result.stderr.splitlines()[-1].startswith("1 summarized, 1 failed, 0 skipped in ")


def test_all_good_exits_zero_with_a_closing_count(runner, tree):
    result = run_cli(runner, tree)
    assert result.exit_code == 0
    assert result.stderr.startswith("3 summarized, 0 failed, 0 skipped in ")
    assert result.stderr.count("\n") == 1


def test_undecodable_file_is_summarized_with_a_warning(runner, tmp_path):
    (tmp_path / "latin.txt").write_bytes(article(0).replace("Monday", "Montag \xe9").encode("latin-1"))
    (tmp_path / "b.txt").write_text(article(1))
    result = run_cli(runner, tmp_path)
    assert result.exit_code == 0
    assert f"Warning: {tmp_path}/latin.txt: not valid UTF-8; decoded as Windows-1252" in result.stderr



# --- showing why: highlight, explain, keywords, export, per document ---------------


def test_highlight_marks_each_document_under_its_header(runner, tree):
    result = run_cli(runner, "--highlight", tree)
    assert result.exit_code == 0
    sections = result.stdout.split("\n==> ")
    assert len(sections) == 3
    for i, section in zip((0, 1, 2), sections):
        assert f">>> {first_sentences(article(i))[0]} <<<" in section
        assert f"Story {i} about the" in section  # the whole article, title included


def test_keywords_line_for_each_document(runner, tree):
    result = run_cli(runner, "-k", "2", tree)
    keyword_lines = [line for line in result.stdout.splitlines() if line.startswith("keywords: ")]
    assert keyword_lines == ["keywords: harbor, plan", "keywords: election, plan", "keywords: vaccine, plan"]  # a, b, sub/c


def test_explain_jsonl_has_all_sentences_per_document(runner, dataset):
    records = [json.loads(line) for line in run_cli(runner, "--explain", "-f", "jsonl", dataset).stdout.splitlines()]
    assert len(records) == 3
    for record in records:
        assert len(record["all_sentences"]) == record["total_sentences"] == 5
        assert len(record["keywords"]) == DEFAULT_KEYWORDS


def test_explain_output_dir_files_match_the_single_document_command(runner, tree, tmp_path):
    out = tmp_path / "out"
    assert run_cli(runner, "--explain", "-k", "3", "-o", out, tree).exit_code == 0
    single = run_cli(runner, "--explain", "-k", "3", tree / "a.txt").stdout
    assert (out / "a.txt").read_text(encoding="utf-8") == single


def test_export_svg_holds_every_document(runner, tree, tmp_path):
    import xml.etree.ElementTree as ET

    svg = tmp_path / "all.svg"
    result = run_cli(runner, "-k", "3", "--export-svg", svg, tree)
    assert result.exit_code == 0
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    text = svg.read_text(encoding="utf-8")
    for i in (0, 1, 2):
        assert f"Story&#160;{i}&#160;about" in text


def test_rich_panels_show_highlight_keywords_and_explain(runner, tree):
    result = run_cli(runner, "-f", "rich", "--highlight", "--explain", "-k", "2", tree)
    assert result.exit_code == 0
    assert result.stdout.count("keywords: ") == 3
    assert result.stdout.count("top terms") == 3
    assert "Critics asked for a vote" in result.stdout  # an unchosen sentence, in the highlighted article


def test_export_cannot_go_with_output_dir(runner, tree, tmp_path):
    result = run_cli(runner, "--export-svg", tmp_path / "a.svg", "-o", tmp_path / "out", tree)
    assert result.exit_code == 2
    assert "with --output-dir nothing is shown" in result.stderr


@pytest.mark.parametrize("options", [["--explain", "-f", "jsonl"], ["--highlight", "-k", "3"]])
def test_showing_why_is_identical_for_any_number_of_jobs(runner, tmp_path, options):
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(article(i))
    outputs = {jobs: runner.invoke(cli, ["-j", str(jobs), *options, str(tmp_path)]).stdout for jobs in (1, 3)}
    assert outputs[1] == outputs[3]
    assert outputs[1]

# --- workers, order, memory -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["plain", "jsonl"])
def test_output_is_identical_for_any_number_of_jobs(runner, tmp_path, fmt):
    for i in range(24):
        (tmp_path / f"{i:02d}.txt").write_text(article(i) if i % 7 else "")
    outputs = {}
    for jobs in (1, 2, 3):
        result = runner.invoke(cli, ["-j", str(jobs), "-f", fmt, str(tmp_path)])
        assert result.exit_code == 1
        outputs[jobs] = (result.stdout, result.stderr.splitlines()[:-1])
    assert outputs[1] == outputs[2] == outputs[3]
    assert len(outputs[1][1]) == 4


class _FakeWorkers:
    """Records how many chunks were handed out and not yet collected."""

    def __init__(self) -> None:
        self.outstanding = 0
        self.most = 0

    def submit(self, tasks, request):
        self.outstanding += 1
        self.most = max(self.most, self.outstanding)
        return tasks, request

    def collect(self, result):
        self.outstanding -= 1
        return workers.run_chunk(*result)


def test_work_in_flight_is_bounded():
    line = json.dumps({"text": article(0)}).encode()
    units = ((None, ("record", line, str(i))) for i in range(500))
    fake = _FakeWorkers()
    fake.jobs = 3
    outcomes = list(workers.ordered(units, Request(), fake))
    assert [outcome.source for _, outcome in outcomes] == [str(i) for i in range(500)]
    assert fake.most == 3 * workers.IN_FLIGHT_PER_JOB + 1


def test_walk_is_lazy(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text("x")
    found = walk([str(tmp_path)])
    assert next(found).relative == "a.txt"


# --- progress ---------------------------------------------------------------------


def test_no_progress_when_stderr_is_piped(runner, tree):
    result = runner.invoke(cli, ["-j", "1", str(tree)])
    assert "\x1b[" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_progress_bar_when_stderr_is_a_terminal(runner, tree, monkeypatch):
    monkeypatch.setattr(environment, "is_terminal", lambda stream: stream is sys.stderr)
    result = runner.invoke(cli, ["-j", "1", str(tree)])
    assert result.exit_code == 0
    assert "3/3" in result.stderr
    assert "docs/s" in result.stderr
    assert headers(result.stdout) == [f"{tree}/a.txt", f"{tree}/b.txt", f"{tree}/sub/c.md"]


def test_count_documents_counts_dataset_lines(dataset, tree):
    assert batch.count_documents([str(dataset), str(tree), "missing"], batch.Settings()) == 3 + 3 + 1


# --- interrupts (real processes) --------------------------------------------------------


def wait_for(predicate, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and FIFOs")
@pytest.mark.parametrize("group", [False, True], ids=["process", "group"])
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "sig, code, message",
    [(signal.SIGINT, 130, "Interrupted."), (signal.SIGTERM, 143, "Terminated."), (signal.SIGHUP, 129, "Hung up.")],
)
def test_interrupt_stops_cleanly_and_leaves_no_partial_output(tmp_path, jobs, sig, code, message, group):
    """Signalled alone (kill PID) or with its workers (Ctrl-C in a terminal
    reaches the whole process group)."""
    before = workers.CHUNK + 1  # more than one chunk, so some outputs are done when the FIFO blocks
    paths = []
    for i in range(before):
        paths.append(tmp_path / f"a{i:02d}.txt")
        paths[-1].write_text(article(i))
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)  # never written: the run blocks on it, mid-way
    (tmp_path / "c.txt").write_text(article(2))
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-j", jobs, "-o", str(out), *map(str, paths), str(fifo), str(tmp_path / "c.txt")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for(lambda: (out / "a00.txt").exists())
        time.sleep(0.3)
        if group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=10)
    finally:
        kill_group(proc)
    assert proc.returncode == code
    assert stdout == b""
    lines = stderr.decode().split("\n")
    done = files_under(out)
    assert done and set(done) <= {p.name for p in paths}
    assert lines[0].startswith(f"{len(done)} summarized, 0 failed, 0 skipped in ")
    assert lines[-2] == message and "Traceback" not in stderr.decode()


def kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and its workers (its own session), so none is left
    blocked on a FIFO after a failed test."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def children(pid: int) -> list:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(), reason="Linux /proc")
def test_a_worker_that_dies_stops_the_run_instead_of_hanging(tmp_path):
    paths = []
    for i in range(workers.CHUNK + 1):
        paths.append(tmp_path / f"a{i:02d}.txt")
        paths[-1].write_text(article(i))
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-j", "2", "-o", str(out), *map(str, paths), str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        wait_for(lambda: any(Path(f"/proc/{c}/wchan").read_text() == "wait_for_partner" for c in children(proc.pid)))
        blocked = [c for c in children(proc.pid) if Path(f"/proc/{c}/wchan").read_text() == "wait_for_partner"]
        os.kill(blocked[0], signal.SIGKILL)  # as the out-of-memory killer would
        stdout, stderr = proc.communicate(timeout=20)
    finally:
        kill_group(proc)
    assert proc.returncode == 1
    assert stderr.decode().splitlines()[-1] == (
        "Error: a worker process was killed by SIGKILL; the run cannot finish "
        "(try fewer --jobs, or --jobs 1 to see which input causes it)"
    )
    assert not [p for p in out.rglob(".*")]


def blocked_signals(status: Path) -> set:
    mask = int(next(line for line in status.read_text().splitlines() if line.startswith("SigBlk:")).split()[1], 16)
    return {sig for sig in (signal.SIGINT, signal.SIGTERM) if mask & (1 << (sig - 1))}


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux /proc")
def test_pool_threads_fork_workers_with_stop_signals_blocked():
    """The pool forks replacement workers from its own thread whenever one
    ends (a SIGTERM to the whole group ends them all); a replacement that
    got SIGTERM before its initializer ran raised the parent's exception
    and printed a traceback.  The pool's threads block SIGINT and SIGTERM,
    so a worker holds them until its own handlers are set."""
    tasks = Path(f"/proc/{os.getpid()}/task")
    before = set(tasks.iterdir())
    pool = workers.Workers(2)
    try:
        threads = set(tasks.iterdir()) - before
        assert threads and all(blocked_signals(t / "status") == {signal.SIGINT, signal.SIGTERM} for t in threads)
        assert blocked_signals(Path(f"/proc/{os.getpid()}/status")) == set()  # the main thread is as before
        pool.collect(pool.submit([], Request()))  # the initializers have run
        for process in pool.processes:
            assert blocked_signals(Path(f"/proc/{process.pid}/status")) == set()
    finally:
        pool.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals and FIFOs")
def test_interrupt_mid_dataset_removes_its_temporary_file(tmp_path):
    fifo = tmp_path / "d.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-j", "1", "-o", str(out), "-f", "jsonl", str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        with open(fifo, "w") as writer:
            writer.write(json.dumps({"text": article(0)}) + "\n")
            writer.flush()
            wait_for(lambda: out.exists() and any(out.iterdir()))
            time.sleep(0.3)
            proc.send_signal(signal.SIGINT)
            proc.communicate(timeout=10)
    finally:
        kill_group(proc)
    assert proc.returncode == 130
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
def test_closed_pipe_in_batch_mode_exits_quietly(tmp_path):
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(article(i))
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-j", "2", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().startswith(b"==> ")
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert stderr == ""


def _stuck_and_deaf(started: str) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    Path(started).touch()
    time.sleep(60)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_closing_kills_a_worker_that_ignores_sigterm(monkeypatch, tmp_path):
    monkeypatch.setattr(workers.Workers, "GRACE_SECONDS", 0.5)
    pool = workers.Workers(2)
    started = tmp_path / "started"
    pool.pool.apply_async(_stuck_and_deaf, (str(started),))
    wait_for(started.exists)
    began = time.monotonic()
    pool.close()  # Pool.terminate alone would wait the full minute
    assert time.monotonic() - began < 10
    assert all(p.exitcode is not None for p in pool.processes)


def _deaf(_: int) -> int:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return os.getpid()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_closing_idle_workers_needs_no_signal(monkeypatch):
    """At the end of a run the workers are told to exit through the task
    queue: no SIGTERM that could be missed, and no wait for the grace period."""
    monkeypatch.setattr(workers.Workers, "GRACE_SECONDS", 30.0)
    pool = workers.Workers(2)
    pool.pool.map(_deaf, range(8), chunksize=1)  # now SIGTERM could not stop them
    began = time.monotonic()
    pool.close(idle=True)
    assert time.monotonic() - began < 10
    assert all(p.exitcode == 0 for p in pool.processes)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes")
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_output_stays_valid(tmp_path, encoding):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as handle:
        handle.write(article(0))
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    written = subprocess.run([sys.executable, "-m", "summarize", "-f", "json", "-o", str(out), str(folder)],
                             capture_output=True, env=env, timeout=60)
    assert written.returncode == 0, written.stderr
    (summary,) = os.listdir(os.fsencode(out))
    assert summary == b"caf\xe9.json"  # the output mirrors the input's bytes
    data = json.loads((out / os.fsdecode(summary)).read_bytes().decode("utf-8"))
    assert data["source"] == f"{folder}/caf\\xe9.txt"
    printed = subprocess.run([sys.executable, "-m", "summarize", "-f", "jsonl", str(folder)],
                             capture_output=True, env=env, timeout=60)
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout.decode(encoding))["source"] == f"{folder}/caf\\xe9.txt"


def test_a_nan_id_comes_back_as_valid_json(runner, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": NaN, "text": "' + article(0).replace("\n", " ") + '"}\n')
    result = run_cli(runner, "-f", "jsonl", path)
    record = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert record["id"] == "NaN"


def test_temporary_files_of_a_run_that_is_gone_are_removed_by_the_next(runner, tree, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = [out / f".a.txt.{dead}.k3j2h1g0.tmp", out / "sub" / f".c.txt.{dead}.abcdefgh.tmp"]
    live = out / f".b.txt.{os.getpid()}.zzzzzzzz.tmp"  # a run that is still going: left alone
    for path in [*stale, live]:
        path.write_text("half a summary")
    result = run_cli(runner, "-o", out, "--skip-existing", tree)
    assert result.exit_code == 0
    assert not any(path.exists() for path in stale) and live.exists()


# --- what runs elsewhere share with batch mode (summarize.dask) ---------------------------


def test_dataset_units_are_tasks_or_failures_and_an_empty_dataset_is_an_input_error():
    from summarize.errors import InputError

    units = list(batch.dataset_units([(1, b'{"text": "a"}\n'), (3, None)], "d.jsonl", 10))
    assert units[0] == ("record", b'{"text": "a"}\n', "d.jsonl:1")
    assert units[1].source == "d.jsonl:3" and units[1].failure.message == "the line is larger than the 10-byte limit"
    with pytest.raises(InputError, match="no records: the dataset is empty"):
        list(batch.dataset_units([], "d.jsonl", 10))


def test_from_bytes_reads_what_from_path_reads(tmp_path, sample_path):
    from summarize.outcome import from_bytes, from_path

    for name, data in (("a.md", b"# Title\n\nOne sentence here. Another one there."), ("b.txt", b"  \n")):
        path = tmp_path / name
        path.write_bytes(data)
        assert from_bytes(data, str(path), Request()) == from_path(str(path), Request())


def test_write_atomically_leaves_the_whole_file_or_nothing(tmp_path):
    from summarize.outputs import write_atomically

    write_atomically(str(tmp_path / "sub" / "a.txt"), b"whole")
    assert (tmp_path / "sub" / "a.txt").read_bytes() == b"whole"
    (tmp_path / "b.txt").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomically(str(tmp_path / "b.txt"), b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "sub"]  # no temporary file left
