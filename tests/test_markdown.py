"""Markdown read as Markdown: the title, the prose, and nothing else."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.errors import NoTextError
from summarize.markdown import read_markdown, split_front_matter
from summarize.sources import read_any, read_stream

README = """\
[![CI](https://img.shields.io/badge/ci-passing-green.svg)](https://ci.example.org) [![PyPI](https://img.shields.io/pypi/v/x.svg)](https://pypi.org/x)

# Harbor plan

The **Harbor Authority** voted 7-2 on *Tuesday* to approve a [$1.5 million plan](https://harbor.example.org/plan)
to dredge the inner channel.[^1] Run `summarize plan.md` to see it.<br>
It ends a <span class="x">long</span> dispute.

## Details

- Dredging the inner channel to 4.5 meters.
- Moving the sediment off the ~~old~~ new pier.

| Part | Cost |
|------|------|
| Dredging | $1M |

```python
print("not a sentence.")
```

    indented code is not a sentence either.

<div align="center"><img src="logo.png"></div>

> A quoted paragraph stays.

[Docs](https://x) · [API](https://y) · <https://example.org/autolink>

---

[^1]: A footnote body.
"""


def test_the_first_level_one_heading_is_the_title():
    assert read_markdown(README).title == "Harbor plan"


def test_prose_lists_and_quotes_are_kept_without_markup():
    assert read_markdown(README).text.split("\n\n") == [
        "The Harbor Authority voted 7-2 on Tuesday to approve a $1.5 million plan to dredge the inner channel. "
        "Run summarize plan.md to see it. It ends a long dispute.",
        "Dredging the inner channel to 4.5 meters.",
        "Moving the sediment off the new pier.",
        "A quoted paragraph stays.",
    ]


@pytest.mark.parametrize(
    "absent",
    ["Details", "Dredging | $1M", "not a sentence", "indented code", "logo", "shields", "Docs", "autolink", "footnote",
     "https://", "old", "**", "`"],
)
def test_headings_code_tables_html_badges_links_and_notes_are_not_text(absent):
    assert absent not in read_markdown(README).text


@pytest.mark.parametrize(
    "front",
    [
        '---\ntitle: "Front Matter Title"\ndate: 2024-01-02\n---\n',
        "---\ntitle: Front Matter Title\n...\n",
        '+++\ntitle = "Front Matter Title"\n+++\n',
    ],
    ids=["yaml", "yaml-dots", "toml"],
)
def test_front_matter_gives_the_title_and_is_never_text(front):
    found = read_markdown(front + README)
    assert found.title == "Front Matter Title"
    assert "date" not in found.text and "2024" not in found.text


def test_front_matter_without_a_title_leaves_the_heading_to_be_the_title():
    found = read_markdown("---\nlayout: post\n---\n" + README)
    assert found.title == "Harbor plan" and "layout" not in found.text


def test_a_setext_heading_is_a_title_too():
    assert read_markdown("Intro line.\n\nTitle Here\n==========\n\nBody text.\n") == ("Title Here", "Intro line.\n\nBody text.")


def test_without_a_heading_there_is_no_title():
    assert read_markdown("Just a paragraph.\n") == (None, "Just a paragraph.")


def test_a_thematic_break_is_not_front_matter_mid_document():
    assert split_front_matter("Text.\n\n---\ntitle: x\n---\n")[0] is None


def test_an_md_file_is_read_as_markdown(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    doc = read_any(str(path))
    assert doc.title == "Harbor plan"
    assert doc.text == read_markdown(README).text


@pytest.mark.parametrize("name", ["notes.markdown", "NOTES.MD"])
def test_other_markdown_names_are_markdown_too(tmp_path, name):
    path = tmp_path / name
    path.write_text(README, encoding="utf-8")
    assert read_any(str(path)).title == "Harbor plan"


def test_markdown_on_stdin_needs_the_input_format():
    from io import BytesIO

    from summarize.document import Reading

    assert read_stream(BytesIO(README.encode())).title is None  # text: nothing says it is Markdown
    assert read_stream(BytesIO(README.encode()), reading=Reading(input_format="markdown")).title == "Harbor plan"


def test_markdown_with_no_prose_says_so(tmp_path):
    path = tmp_path / "code.md"
    path.write_text("# Only code\n\n```\nx = 1\n```\n", encoding="utf-8")
    with pytest.raises(NoTextError, match="code.md: no prose to summarize"):
        read_any(str(path))


def test_the_command_never_prints_markup_headings_or_code(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(README, encoding="utf-8")
    result = CliRunner().invoke(cli, ["-n", "3", "-f", "markdown", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "# Harbor plan"
    for markup in ("**", "](", "`", "<br>", "|", "shields", "not a sentence"):
        assert markup not in result.stdout
