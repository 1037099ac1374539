"""The command line: input, options, output streams, errors and exit codes."""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import summarize
from conftest import SAMPLES
from summarize import environment, render
from summarize.cli import cli



@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def expected_lines(text: str, **limits) -> list:
    return [s.text for s in summarize.summarize(text, **limits).sentences]


def test_file_prints_summary_sentences_only(runner, sample_path, sample_text):
    result = runner.invoke(cli, [str(sample_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected_lines(sample_text)
    assert result.stderr == ""


def test_dash_reads_stdin(runner, sample_text):
    result = runner.invoke(cli, ["-", "-n", "2"], input=sample_text.encode())
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected_lines(sample_text, sentences=2)


def test_piped_stdin_is_read_without_path(runner, sample_text):
    result = runner.invoke(cli, [], input=sample_text.encode())
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected_lines(sample_text)


def test_no_path_with_terminal_stdin_is_a_usage_error(runner, monkeypatch):
    monkeypatch.setattr(environment, "is_terminal", lambda stream: True)
    result = runner.invoke(cli, [])
    assert result.exit_code == 2
    assert "no input: give a PATH, or pipe text in" in result.stderr
    assert result.stdout == ""


def test_json_format_gives_one_object(runner, sample_path, sample_text):
    result = runner.invoke(cli, ["-n", "5", "--format", "json", str(sample_path)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source"] == str(sample_path)
    assert data["title"] == "Libya's Haftar tours Rome and Paris amid military stalemate"
    assert [s["text"] for s in data["sentences"]] == expected_lines(sample_text, sentences=5)
    assert data["settings"] == {"sentences": 5}


def test_markdown_format(runner, sample_path):
    result = runner.invoke(cli, ["-f", "markdown", str(sample_path)])
    assert result.stdout.startswith("# Libya's Haftar tours Rome and Paris")


def test_rich_format_is_forced_off_a_terminal(runner, sample_path):
    result = runner.invoke(cli, ["-f", "rich", str(sample_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Libya's Haftar tours Rome and Paris amid military stalemate"


@pytest.mark.parametrize(
    "option, expected",
    [(["-r", "0.5"], {"ratio": 0.5}), (["-w", "40"], {"words": 40}), (["-n", "1"], {"sentences": 1})],
)
def test_each_length_control_reaches_the_core(runner, sample_path, sample_text, option, expected):
    result = runner.invoke(cli, [*option, str(sample_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected_lines(sample_text, **expected)


@pytest.mark.parametrize(
    "args",
    [["-n", "2", "-w", "10"], ["-r", "0.5", "-n", "2"], ["-w", "5", "-r", "0.1"]],
)
def test_length_controls_are_mutually_exclusive(runner, sample_path, args):
    result = runner.invoke(cli, [*args, str(sample_path)])
    assert result.exit_code == 2
    assert "cannot be combined" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [["-n", "0"], ["-n", "-1"], ["--ratio", "0"], ["--ratio", "1.5"], ["--words", "0"], ["--format", "xml"]],
)
def test_out_of_range_options_are_usage_errors(runner, sample_path, args):
    result = runner.invoke(cli, [*args, str(sample_path)])
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


def test_over_budget_words_warns_and_prints_one_sentence(runner, sample_path):
    result = runner.invoke(cli, ["-w", "3", str(sample_path)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1
    assert "over the 3-word budget; printing it alone" in result.stderr


def test_short_text_is_printed_whole_with_a_note(runner):
    result = runner.invoke(cli, ["-n", "5"], input=b"Only one. And two.")
    assert result.stdout.splitlines() == ["Only one.", "And two."]
    assert result.stderr == "Note: <stdin>: the text has only 2 sentences; printing it whole\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty.txt: no text to summarize"),
        (b" \n\n\t", "empty.txt: no text to summarize"),
        (b"\x7fELF\x02\x01\x01\x00\x00", "empty.txt: looks like a binary file"),
    ],
    ids=["empty", "whitespace", "binary"],
)
def test_bad_files_fail_with_one_line(runner, tmp_path, content, message):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, [str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_missing_file_fails_with_one_line(runner, tmp_path):
    result = runner.invoke(cli, [str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.txt'}: no such file\n"


def test_invalid_utf8_warns_and_summarizes(runner, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("Caf\u00e9 first. ".encode() + b"\xff" + b" Second one here. Third one too. Fourth at last.")
    result = runner.invoke(cli, ["-n", "1", str(path)])
    assert result.exit_code == 0
    assert "invalid UTF-8 byte" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_title_only_input_fails(runner):
    result = runner.invoke(cli, [], input=b"Just a Headline\n\n(CNN) -- ")
    assert result.exit_code == 1
    assert "no text to summarize" in result.stderr


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.stdout == f"summarize, version {summarize.__version__}\n"


def test_help_has_examples_and_every_option(runner):
    result = runner.invoke(cli, ["--help"])
    assert "Examples:" in result.stdout
    for flag in ("--sentences", "--ratio", "--words", "--language", "--format", "--version", "--output-dir",
                 "--skip-existing", "--jobs", "--glob", "--text-field", "--fail-fast"):
        assert flag in result.stdout


# --- real processes: entry points, environment, signals, pipes ------------

def run(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, **kwargs)


def test_python_dash_m_works(sample_path, sample_text):
    result = run([str(sample_path)])
    assert result.returncode == 0
    assert result.stdout.splitlines() == expected_lines(sample_text)


@pytest.mark.parametrize("name", ["libya-haftar-rome-paris.txt", "de-stadtrat-radwege.txt", "ru-gorsovet-velodorozhki.txt"])
def test_works_offline_with_empty_nltk_data(tmp_path, name):
    # English loads Punkt and Porter, the others Punkt and Snowball: none needs NLTK's data.
    sample_path = SAMPLES / name
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(home)}
    result = run([str(sample_path)], env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == expected_lines(sample_path.read_text(encoding="utf-8"))
    assert result.stderr == ""
    assert list(empty.iterdir()) == [] and list(home.iterdir()) == []


def test_closed_pipe_exits_quietly(tmp_path):
    big = tmp_path / "big.txt"
    rng = random.Random(0)
    vocabulary = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]
    # Distinct sentences, so redundancy control keeps them all.
    big.write_text(" ".join(
        "Sentence " + " ".join(rng.sample(vocabulary, 8)) + "." for _ in range(3000)
    ))
    proc = subprocess.Popen(
        # Made-up words: -l en, or detection would add a note on stderr.
        [sys.executable, "-m", "summarize", "--ratio", "1", "-l", "en", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout.readline().startswith(b"Sentence ")
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert stderr == ""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig, code, message", [(signal.SIGINT, 130, "Interrupted."), (signal.SIGTERM, 143, "Terminated.")])
def test_signals_exit_cleanly(sig, code, message):
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    time.sleep(1.0)  # let it start and block reading stdin
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    assert err.decode().strip() == message
    assert out == b""


# Raises KeyboardInterrupt when the named module is imported, as a Ctrl-C
# arriving while Python loads it would.
INTERRUPT_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
"""


@pytest.mark.parametrize("module", ["summarize.cli", "click", "summarize.core"])
@pytest.mark.parametrize("start", ["python -m", "console script"])
def test_ctrl_c_while_the_command_loads_is_one_line(sample_path, module, start):
    # The command takes a noticeable fraction of a second to import; Ctrl-C
    # then ends it as it would later: one line and status 130, no traceback.
    if start == "python -m":
        launch = "import runpy\nrunpy.run_module('summarize', run_name='__main__')"
    else:
        launch = "from summarize.__main__ import run\nrun()"
    code = INTERRUPT_IMPORT.format(module=module) + f"sys.argv = ['summarize', {str(sample_path)!r}]\n" + launch
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr, result.stdout) == (130, "Interrupted.\n", "")


def test_the_console_script_is_the_guarded_entry_point():
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="summarize")
    assert script.value == "summarize.__main__:run"


def test_the_package_loads_only_its_errors_before_the_command():
    # What runs before __main__.run can catch Ctrl-C: keep it to this.
    code = "import sys\nimport summarize.__main__\nprint(sorted(m for m in sys.modules if m.startswith(('summarize', 'typing', 'click'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(["summarize", "summarize.__main__", "summarize.errors"])


def test_public_names_load_on_first_use():
    code = (
        "import summarize as package\n"
        "from summarize import *\n"
        "from summarize import core, sentences\n"
        "missing = [n for n in package.__all__ if n not in globals()]\n"
        "same = [package.summarize is core.summarize, Summary is core.Summary, split_sentences is sentences.split_sentences]\n"
        "print(missing, same, package.split_sentences('It rained. We stayed in.'), sorted(set(package.__all__) - set(dir(package))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] [True, True, True] ['It rained.', 'We stayed in.'] []"


def test_highlight_prints_the_article_with_markers(runner, sample_path, sample_text):
    result = runner.invoke(cli, ["--highlight", str(sample_path)])
    assert result.exit_code == 0
    assert result.stdout.replace(">>> ", "").replace(" <<<", "") == sample_text.rstrip("\n") + "\n"
    marked = [line for line in result.stdout.splitlines() if line.startswith(">>> ")]
    assert [line[4:-4] for line in marked] == expected_lines(sample_text)


WRAPPED_ARTICLE = (
    "Harbour plan approved\n\n"
    "The council met on Tuesday night in the old town hall. The harbour dredging plan was\n"
    "approved after a long night of debate about the dredging of the harbour channel. Fishing\n"
    "crews left early. Work on the harbour channel starts in October, the harbour board said.\n"
    "The quay stays open.\n"
)


@pytest.mark.parametrize("count", ["1", "2", "4"])
def test_grep_and_sed_find_the_highlighted_summary(runner, tmp_path, count):
    # The README's recipes: grep '^>>> ' lists the chosen sentences, even
    # from mid-paragraph and wrapped over lines; sed strips the marks.
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED_ARTICLE, encoding="utf-8")
    highlighted = runner.invoke(cli, ["--highlight", "-n", count, str(path)]).stdout
    plain = runner.invoke(cli, ["-n", count, str(path)]).stdout
    grep = [line for line in highlighted.splitlines() if re.match(r"^>>> ", line)]
    sed = [re.sub(r"^>>> (.*) <<<$", r"\1", line) for line in grep]
    assert len(grep) == int(count)
    assert "\n".join(sed) + "\n" == plain


def test_highlight_reads_stdin(runner, sample_text):
    result = runner.invoke(cli, ["--highlight", "-n", "1"], input=sample_text.encode())
    assert result.exit_code == 0
    assert result.stdout.count(">>> ") == 1


def test_keywords_line_comes_above_the_summary(runner, sample_path, sample_text):
    result = runner.invoke(cli, ["-k", "3", str(sample_path)])
    assert result.stdout.splitlines() == ["keywords: Haftar, Paris, Libya", *expected_lines(sample_text)]


def test_highlight_and_keywords_together(runner, sample_path):
    lines = runner.invoke(cli, ["--highlight", "--keywords", "5", str(sample_path)]).stdout.splitlines()
    assert lines[0] == "keywords: Haftar, Paris, Libya, military, Rome"
    assert lines[1] == "Libya's Haftar tours Rome and Paris amid military stalemate"


def test_json_always_has_the_default_number_of_keywords(runner, sample_path):
    data = json.loads(runner.invoke(cli, ["-f", "json", str(sample_path)]).stdout)
    assert len(data["keywords"]) == render.DEFAULT_KEYWORDS
    assert data["keywords"][0] == {"term": "Haftar", "weight": 2.0}
    assert "all_sentences" not in data


def test_keywords_option_sets_how_many_json_has(runner, sample_path):
    data = json.loads(runner.invoke(cli, ["-f", "json", "-k", "2", str(sample_path)]).stdout)
    assert [k["term"] for k in data["keywords"]] == ["Haftar", "Paris"]


def test_explain_json_adds_all_sentences(runner, sample_path, sample_text):
    data = json.loads(runner.invoke(cli, ["--explain", "-f", "json", str(sample_path)]).stdout)
    rows = data["all_sentences"]
    assert len(rows) == data["total_sentences"] == 17
    assert [r["text"] for r in rows if r["selected"]] == expected_lines(sample_text)
    assert [t["term"] for t in rows[0]["top_terms"]] == ["Haftar", "Paris", "military"]


def test_explain_plain_adds_a_table(runner, sample_path, sample_text):
    result = runner.invoke(cli, ["--explain", str(sample_path)])
    summary, table = result.stdout.split("\n\n")
    assert summary.splitlines() == expected_lines(sample_text)
    assert len(table.splitlines()) == 1 + 17


def test_explain_does_not_change_the_summary(runner, sample_path):
    plain = json.loads(runner.invoke(cli, ["-f", "json", str(sample_path)]).stdout)
    explained = json.loads(runner.invoke(cli, ["-f", "json", "--explain", str(sample_path)]).stdout)
    assert explained.pop("all_sentences")
    assert explained == plain


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_highlight_has_no_json_form(runner, sample_path, fmt):
    result = runner.invoke(cli, ["--highlight", "-f", fmt, str(sample_path)])
    assert result.exit_code == 2
    assert "--highlight prints the article as text" in result.stderr


def test_export_svg_saves_a_valid_svg_and_keeps_stdout(runner, sample_path, sample_text, tmp_path):
    import xml.etree.ElementTree as ET

    svg = tmp_path / "out.svg"
    result = runner.invoke(cli, ["--highlight", "-k", "5", "--export-svg", str(svg), str(sample_path)])
    assert result.exit_code == 0
    assert ">>> " in result.stdout  # stdout is the usual plain output
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Haftar" in svg.read_text(encoding="utf-8")


def test_export_html_saves_the_rich_rendering(runner, sample_path, tmp_path):
    page = tmp_path / "out.html"
    result = runner.invoke(cli, ["--explain", "--export-html", str(page), str(sample_path)])
    assert result.exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert "top terms" in text


@pytest.mark.parametrize("option", ["--export-svg", "--export-html"])
def test_unwritable_export_path_is_one_error_line(runner, sample_path, tmp_path, option):
    target = tmp_path / "missing" / "out.file"
    result = runner.invoke(cli, [option, str(target), str(sample_path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: cannot write {target}")
    assert result.stdout == ""


def test_help_shows_examples_of_the_new_options(runner):
    result = runner.invoke(cli, ["--help"])
    for example in ["summarize --highlight article.txt", "summarize --explain -f json article.txt", "--export-svg summary.svg"]:
        assert example in result.stdout


# --- languages ----------------------------------------------------------------

WELSH = (
    "Mae hi wedi bod yn bwrw glaw drwy'r dydd heddiw, ac roedd y plant yn drist oherwydd nad oedden nhw'n "
    "gallu chwarae y tu allan. Roedd eu mam wedi addo mynd a nhw i'r traeth. Bydd hi'n braf yfory, medden nhw."
)
UNSUPPORTED = "the text does not look like a supported language"


def test_help_shows_the_language_option_with_an_example(runner):
    result = runner.invoke(cli, ["--help"])
    assert "-l, --language CODE|auto" in result.stdout
    assert "summarize -l de artikel.txt" in result.stdout


def test_an_unknown_language_is_a_usage_error_listing_the_supported_ones(runner, sample_path):
    result = runner.invoke(cli, ["-l", "xx", str(sample_path)])
    assert result.exit_code == 2
    assert "unknown language 'xx': use auto or one of en, de, es, fr, it, nl, pt, ru" in result.stderr
    assert result.stdout == ""


def test_the_language_is_detected_and_in_json_after_the_title(runner):
    result = runner.invoke(cli, ["-f", "json", str(SAMPLES / "de-stadtrat-radwege.txt")])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data)[:4] == ["source", "title", "language", "dateline"]
    assert (data["language"], data["dateline"]) == ("de", "MÜNCHEN (dpa)")


def test_a_language_code_given_is_used_in_any_case(runner):
    result = runner.invoke(cli, ["-f", "json", "-l", "EN", str(SAMPLES / "de-stadtrat-radwege.txt")])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "en"


def test_an_unsupported_language_is_read_as_english_with_a_note(runner):
    result = runner.invoke(cli, ["-", "-n", "1", "-f", "json"], input=WELSH.encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["language"] == "en"
    assert result.stderr.startswith(f"Note: <stdin>: {UNSUPPORTED} (few of its words are function words of English")
    assert result.stderr.endswith("); read as English\n")


def test_a_language_given_says_nothing_of_detection(runner):
    result = runner.invoke(cli, ["-", "-n", "1", "-l", "en"], input=WELSH.encode())
    assert result.exit_code == 0
    assert result.stderr == ""


def test_batch_mode_prints_the_language_note_as_single_mode_does(runner, tmp_path):
    (tmp_path / "cy.txt").write_text(WELSH, encoding="utf-8")
    (tmp_path / "de.txt").write_text((SAMPLES / "de-stadtrat-radwege.txt").read_text(encoding="utf-8"), encoding="utf-8")
    single = runner.invoke(cli, ["-n", "1", str(tmp_path / "cy.txt")])
    batch = runner.invoke(cli, ["-n", "1", "-j", "1", str(tmp_path)])
    assert batch.exit_code == single.exit_code == 0
    note = f"Note: {tmp_path / 'cy.txt'}: {UNSUPPORTED}"
    assert single.stderr.startswith(note)
    assert [line for line in batch.stderr.splitlines() if UNSUPPORTED in line] == single.stderr.splitlines()


def test_a_dataset_line_says_its_language(runner, tmp_path):
    text = (SAMPLES / "libya-haftar-rome-paris.txt").read_text(encoding="utf-8")
    dataset = tmp_path / "d.jsonl"
    lines = [{"id": 1, "text": text, "language": "de-AT"}, {"id": 2, "text": text}, {"id": 3, "text": text, "language": "cy"}]
    dataset.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = runner.invoke(cli, ["-f", "jsonl", "-n", "1", str(dataset)])
    assert result.exit_code == 0, result.stderr
    # The field names the language to read the line in; one not supported is left to detection.
    assert [json.loads(line)["language"] for line in result.stdout.splitlines()] == ["de", "en", "en"]
    given = runner.invoke(cli, ["-f", "jsonl", "-n", "1", "-l", "en", str(dataset)])
    assert [json.loads(line)["language"] for line in given.stdout.splitlines()] == ["en", "en", "en"]


def test_a_page_says_its_language_in_html_lang(runner, tmp_path):
    pytest.importorskip("trafilatura")
    page = (Path(__file__).parent / "data" / "article-page.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page
    dutch = tmp_path / "page.html"
    dutch.write_text(page.replace('<html lang="en">', '<html lang="nl-NL">'), encoding="utf-8")
    results = [runner.invoke(cli, ["-f", "json", str(path)]) for path in (Path(__file__).parent / "data" / "article-page.html", dutch)]
    assert [json.loads(r.stdout)["language"] for r in results] == ["en", "nl"]
