"""What a terminal shows: rich renderings of a summary, consoles, the
progress bar of a batch, and SVG/HTML exports.  The only module that imports
rich, and only when one of these is asked for.

A rendering shows the title as heading, a dim line saying how many
sentences were kept, and the sentences as a list; a ``render.Display`` adds
keywords, the highlighted article and the table of every sentence.  Article
text is always data, never rich markup.
"""
from __future__ import annotations

import io
import time
from typing import IO, TYPE_CHECKING, Any, Callable, List, Mapping, Optional, Sequence

from .core import ScoredSentence, Summary
from .errors import OutputError
from .render import PLAIN, TABLE_DIGITS, Display, terms_cell

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console, RenderableType

HIGHLIGHT_STYLE = "bold black on yellow"
"""How a chosen sentence looks in the highlighted article (bold alone under NO_COLOR)."""

EXPORT_WIDTH = 100
"""Columns of an exported rendering when stdout is not a terminal to take the width from."""


def rich_renderable(
    summary: Summary,
    source: Optional[str] = None,
    extra: Optional[Mapping[str, Any]] = None,
    display: Display = PLAIN,
) -> "RenderableType":
    """A rich renderable: heading (title, or the source name), a dim line
    saying how many sentences were kept (and the ``byline`` and ``date`` of
    ``extra`` when given), and the sentences as a bullet list.

    With ``display``: a keywords line under the heading; the article body
    with the chosen sentences in ``HIGHLIGHT_STYLE`` instead of the list;
    a table of every sentence (position, score, chosen, top terms) after."""
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
    parts: List[Any] = [heading, Text(detail, style="dim")]
    if display.keywords and summary.keywords:
        keywords = Text("keywords: ", style="dim")
        for n, k in enumerate(summary.keywords):
            keywords.append((" · " if n else ""), style="dim")
            keywords.append(k.term, style="bold magenta")
        parts.append(keywords)
    parts.append(Text(""))
    if display.article is not None:
        parts.append(_highlighted_article(summary, display.article))
    else:
        body = Table.grid(padding=(0, 1))
        body.add_column(style="dim", justify="right", no_wrap=True)
        # Folded, not cut with an ellipsis: a long word or a line of Chinese
        # or Japanese (no spaces to break at) wraps where the column ends.
        body.add_column(ratio=1, overflow="fold")
        for s in summary.sentences:
            body.add_row(Text("•"), Text(s.text))
        parts.append(body)
    if display.explain and summary.all_sentences is not None:
        parts += [Text(""), _explain_table(summary.all_sentences)]
    return Group(*parts)


def _highlighted_article(summary: Summary, article: str) -> "RenderableType":
    from rich.text import Text

    start = summary.body_start
    body = Text(article[start:].rstrip())
    for s in summary.sentences:
        body.stylize(HIGHLIGHT_STYLE, s.start - start, s.end - start)
    return body


def _explain_table(sentences: Sequence[ScoredSentence]) -> "RenderableType":
    from rich.table import Table
    from rich.text import Text

    # The position, score and mark keep their width however narrow the
    # terminal; the terms and the sentence wrap (long words and Chinese or
    # Japanese folded), so every row still shows which sentence it is.
    index_width = max(len("#"), len(str(max((s.index for s in sentences), default=0))))
    table = Table(title="Every sentence, as scored", title_justify="left", expand=True, show_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True, min_width=index_width)
    table.add_column("score", justify="right", no_wrap=True, min_width=len("score"))
    table.add_column("chosen", justify="center", no_wrap=True, min_width=len("chosen"))
    table.add_column("top terms", style="magenta", ratio=1, overflow="fold")
    table.add_column("sentence", ratio=3, overflow="fold")
    for s in sentences:
        table.add_row(
            str(s.index),
            f"{s.score:.{TABLE_DIGITS}f}",
            Text("✓", style="bold green") if s.selected else "",
            Text(terms_cell(s)),
            Text(s.text, style="bold" if s.selected else ""),
        )
    return table


def rich_panel(
    summary: Summary, source: str, extra: Optional[Mapping[str, Any]] = None, display: Display = PLAIN
) -> "RenderableType":
    """``rich_renderable`` in a box, one per document when there are many."""
    from rich.panel import Panel

    return Panel(rich_renderable(summary, source, extra, display), expand=True)


def make_console(file: IO[str], *, terminal: Optional[bool] = None) -> "Console":
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
    file: IO[str],
    source: Optional[str] = None,
    *,
    terminal: Optional[bool] = None,
    extra: Optional[Mapping[str, Any]] = None,
    display: Display = PLAIN,
) -> None:
    """Print the rich rendering of ``summary`` to ``file``."""
    make_console(file, terminal=terminal).print(rich_renderable(summary, source, extra, display))


class Recorder:
    """The rich rendering as a terminal of ``width`` columns (default
    ``EXPORT_WIDTH``) shows it, kept
    in memory for ``save``: SVG or HTML files of exactly that rendering
    (rich's export).  Colours follow the usual rules (NO_COLOR honoured)."""

    def __init__(self, width: Optional[int] = None) -> None:
        from rich.console import Console

        # Truecolor whatever TERM says: the files are for browsers, not this terminal.
        self.console = Console(
            file=io.StringIO(), record=True, force_terminal=True, color_system="truecolor", width=width or EXPORT_WIDTH, highlight=False
        )

    def print(self, renderable: "RenderableType") -> None:
        self.console.print(renderable)

    def save(self, svg: Optional[str] = None, html: Optional[str] = None, *, title: str = "summarize") -> None:
        """Write what was printed to ``svg`` and/or ``html``; raises
        ``OutputError`` naming a file that cannot be written (nothing is
        written before both are rendered)."""
        outputs = []
        if svg is not None:
            outputs.append((svg, self.console.export_svg(title=title, clear=False)))
        if html is not None:
            outputs.append((html, self.console.export_html(clear=False)))
        for path, content in outputs:
            try:
                with open(path, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(content)
            except OSError as exc:
                raise OutputError.writing(path, exc) from None


class Progress:
    """A rich progress bar on ``stderr``: documents (or other ``unit``s:
    files) done/total, how many per second and time left.  Transient: it is
    gone when stopped."""

    def __init__(self, stderr: IO[str], total: Optional[int], unit: str = "docs") -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=make_console(stderr, terminal=True),
            redirect_stdout=False,
            redirect_stderr=False,
            transient=True,
        )
        self.console = self.bar.console
        self.task = self.bar.add_task("summarizing", total=total, rate="")
        self.started = time.monotonic()
        self.done = 0
        self.unit = unit
        self.bar.start()

    def advance(self) -> None:
        self.done += 1
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, advance=1, rate=f"{rate:.1f} {self.unit}/s")

    def stop(self) -> None:
        self.bar.stop()


def printer(console: Any) -> Callable[[str], None]:
    def write(text: str) -> None:
        console.print(text, end="", markup=False, highlight=False, emoji=False, soft_wrap=True)

    return write
