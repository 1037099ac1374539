"""Summary → text for people or programs.  The only module that imports rich.

Plain text: one sentence per line, nothing else.  JSON: one object whose
shape comes from ``summary_dict``; JSON Lines: the same object on one line.
Markdown: title heading and a bullet list.  Rich: title as heading,
sentences as a numbered list, for terminals.  Article text is always data,
never rich markup.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, TextIO

from .core import Summary

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console, RenderableType

FORMATS = ("plain", "rich", "json", "jsonl", "markdown")
SCORE_DIGITS = 6


def summary_dict(
    summary: Summary,
    source: Optional[str] = None,
    record_id: Any = None,
    extra: Optional[Mapping[str, Any]] = None,
) -> Dict[str, Any]:
    """The JSON shape of a summary: the one place that defines it.

    Keys: ``source`` (path, URL, ``<stdin>``, ``file.jsonl:LINE`` or None),
    ``id`` (only for a dataset line that has one), ``title``, then the keys
    of ``extra`` when given (for web pages: ``byline``, ``date``, ``url``,
    each only when found), ``dateline``, ``sentences`` (``[{index, text, score}]`` in document order),
    ``total_sentences`` and ``settings`` (the length limit used).
    Scores are rounded to ``SCORE_DIGITS`` decimals so output is stable.
    """
    return {
        "source": source,
        **_id_field(record_id),
        "title": summary.title,
        **(extra or {}),
        "dateline": summary.dateline,
        "sentences": [
            {"index": s.index, "text": s.text, "score": round(s.score, SCORE_DIGITS)}
            for s in summary.sentences
        ],
        "total_sentences": summary.total_sentences,
        "settings": summary.budget.as_dict(),
    }


def error_dict(source: str, message: str, record_id: Any = None) -> Dict[str, Any]:
    """The JSON shape of an input that could not be summarized:
    ``{"source", "id" (when known), "error"}``."""
    return {"source": source, **_id_field(record_id), "error": message}


def _id_field(record_id: Any) -> Dict[str, Any]:
    return {"id": record_id} if record_id is not None else {}


def json_line(data: Dict[str, Any]) -> str:
    """``data`` as one line of JSON Lines (UTF-8 kept as is), newline-terminated."""
    return json.dumps(data, ensure_ascii=False) + "\n"


def over_budget_warning(summary: Summary, source: str, words: Optional[int]) -> Optional[str]:
    """The warning for a summary whose one sentence is over the ``words``
    budget (see ``Summary.over_budget``), else None."""
    if not (summary.over_budget and words is not None):
        return None
    length = len(summary.sentences[0].text.split())
    return f"{source}: even the best sentence has {length} words, over the --words {words} budget; printing it alone"


def render_plain(summary: Summary) -> str:
    """One sentence per line, each line ending in a newline; no title."""
    return "".join(s.text + "\n" for s in summary.sentences)


def json_block(data: Dict[str, Any]) -> str:
    """``data`` as indented JSON (UTF-8 kept as is), without a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_json(summary: Summary, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> str:
    """``summary_dict`` as indented JSON (UTF-8 kept as is), newline-terminated."""
    return json_block(summary_dict(summary, source, extra=extra)) + "\n"


def render_markdown(summary: Summary) -> str:
    """The title as a ``#`` heading (when there is one), then one bullet per sentence."""
    lines = []
    if summary.title:
        lines += [f"# {summary.title}", ""]
    lines += [f"- {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def render_markdown_section(summary: Summary, source: str) -> str:
    """One document among many in Markdown: the title as a ``#`` heading
    followed by a ``Source:`` line, or the source as the heading when there
    is no title; then one bullet per sentence."""
    if summary.title:
        lines = [f"# {summary.title}", "", f"Source: `{source}`", ""]
    else:
        lines = [f"# {source}", ""]
    lines += [f"- {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def render_text(summary: Summary, fmt: str, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> str:
    """Render in a text format: ``plain``, ``json``, ``jsonl`` or
    ``markdown``; ``extra`` adds keys to JSON only (see ``summary_dict``)."""
    if fmt == "json":
        return render_json(summary, source, extra)
    if fmt == "jsonl":
        return json_line(summary_dict(summary, source, extra=extra))
    if fmt == "markdown":
        return render_markdown(summary)
    if fmt == "plain":
        return render_plain(summary)
    raise ValueError(f"not a text format: {fmt!r}")


def rich_renderable(summary: Summary, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> "RenderableType":
    """A rich renderable: heading (title, or the source name), a dim line
    saying how many sentences were kept (and the ``byline`` and ``date`` of
    ``extra`` when given), and the sentences as a bullet list."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    heading = Text(summary.title or source or "Summary", style="bold cyan")
    kept = len(summary.sentences)
    detail = f"{kept} of {summary.total_sentences} sentence{'s' if summary.total_sentences != 1 else ''}"
    if source and summary.title:
        detail = f"{source} · {detail}"
    if summary.dateline:
        detail += f" · {summary.dateline}"
    for key in ("byline", "date"):
        if extra and extra.get(key):
            detail += f" · {extra[key]}"
    body = Table.grid(padding=(0, 1))
    body.add_column(style="dim", justify="right", no_wrap=True)
    body.add_column(ratio=1)
    for s in summary.sentences:
        body.add_row(Text("•"), Text(s.text))
    return Group(heading, Text(detail, style="dim"), Text(""), body)


def rich_panel(summary: Summary, source: str, extra: Optional[Mapping[str, Any]] = None) -> "RenderableType":
    """``rich_renderable`` in a box, one per document when there are many."""
    from rich.panel import Panel

    return Panel(rich_renderable(summary, source, extra), expand=True)


def make_console(file: TextIO, *, terminal: Optional[bool] = None) -> "Console":
    """A rich console writing to ``file``; ``terminal`` forces terminal mode
    on or off (None lets rich decide; NO_COLOR and FORCE_COLOR are honoured).
    Off a terminal, lines are not re-wrapped."""
    from rich.console import Console

    console = Console(file=file, force_terminal=terminal, highlight=False)
    if not console.is_terminal:
        console.soft_wrap = True
    return console


def print_rich(
    summary: Summary,
    file: TextIO,
    source: Optional[str] = None,
    *,
    terminal: Optional[bool] = None,
    extra: Optional[Mapping[str, Any]] = None,
) -> None:
    """Print the rich rendering of ``summary`` to ``file``."""
    make_console(file, terminal=terminal).print(rich_renderable(summary, source, extra))
