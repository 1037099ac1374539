"""Summary → text for people or programs.  The only module that imports rich.

Plain text: one sentence per line, nothing else.  JSON: one object whose
shape comes from ``summary_dict``.  Markdown: title heading and a bullet
list.  Rich: title as heading, sentences as a numbered list, for terminals.
Article text is always data, never rich markup.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, TextIO

from .core import Summary

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console, RenderableType

FORMATS = ("plain", "rich", "json", "markdown")
SCORE_DIGITS = 6


def summary_dict(summary: Summary, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """The JSON shape of a summary: the one place that defines it.

    Keys: ``source`` (path, URL, ``<stdin>`` or None), ``title``, then the
    keys of ``extra`` when given (for web pages: ``byline``, ``date``,
    ``url``, each only when found), ``dateline``, ``sentences``
    (``[{index, text, score}]`` in document order), ``total_sentences`` and
    ``settings`` (the length limit used).
    Scores are rounded to ``SCORE_DIGITS`` decimals so output is stable.
    """
    return {
        "source": source,
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


def render_plain(summary: Summary) -> str:
    """One sentence per line, each line ending in a newline; no title."""
    return "".join(s.text + "\n" for s in summary.sentences)


def render_json(summary: Summary, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> str:
    """``summary_dict`` as indented JSON (UTF-8 kept as is), newline-terminated."""
    return json.dumps(summary_dict(summary, source, extra), ensure_ascii=False, indent=2) + "\n"


def render_markdown(summary: Summary) -> str:
    """The title as a ``#`` heading (when there is one), then one bullet per sentence."""
    lines = []
    if summary.title:
        lines += [f"# {summary.title}", ""]
    lines += [f"- {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def render_text(summary: Summary, fmt: str, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> str:
    """Render in a text format: ``plain``, ``json`` or ``markdown``;
    ``extra`` adds keys to JSON only (see ``summary_dict``)."""
    if fmt == "json":
        return render_json(summary, source, extra)
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
