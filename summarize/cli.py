"""The ``summarize`` command: options → sources → core → render.

The only module that imports click.  It validates option combinations,
reads the input, calls ``summarize.summarize`` and prints the result; every
``SummarizeError`` becomes one line on stderr and exit status 1.
"""
from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import sys
from typing import Any, Mapping, NoReturn, Optional, Tuple

import click

from . import __version__
from .core import Summary, summarize
from .errors import SummarizeError
from .render import EXPORT_WIDTH, Showing
from .sources import DEFAULT_PATTERNS, INPUT_FORMATS, Document, Reading, is_dataset, is_url, read_any, read_stream, with_page_title
from .selection import DEFAULT_SENTENCES

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as coreutils report it

DEFAULT_TIMEOUT = 20.0  # seconds; summarize.web's default, kept here so --help never imports it
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_KEYWORDS = 10  # in JSON, which always has keywords; -k N changes it
FORMAT_CHOICES = ("auto", "plain", "rich", "json", "jsonl", "markdown")


def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is an interactive terminal: decided here only."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _silence_stdout() -> None:
    # After a closed pipe, Python would try to flush stdout again at exit and
    # print a second error: point the descriptor at /dev/null instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class _Terminated(Exception):
    """Raised from the SIGTERM handler to unwind like Ctrl-C."""


class _ClosedPipe(Exception):
    """stdout was closed by its reader; carried past click's own EPIPE handling."""


def _is_closed_pipe(exc: BaseException) -> bool:
    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


# Errors only a write raises.  Files under --output-dir are reported by
# errors.OutputError, so one of these reaching the command is stdout's.
_FULL_OUTPUT = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


class SummarizeCommand(click.Command):
    """A click command that maps interrupts and closed pipes to exit codes.

    Ctrl-C exits 130 and SIGTERM 143 with one line on stderr; a closed stdout
    (``summarize x | head -1``) exits 141 silently; a stdout that cannot take
    more (a full disk, ``> /dev/full``, ``ulimit -f``) exits 1 with one
    line.  None prints a traceback.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if _is_closed_pipe(exc):
                raise _ClosedPipe() from None
            raise

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
            sys.stdout.flush()
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (KeyboardInterrupt, click.Abort):
            click.echo("Interrupted.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except _Terminated:
            click.echo("Terminated.", err=True)
            sys.exit(EXIT_TERMINATED)
        except _ClosedPipe:
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError as exc:
            if exc.errno in _FULL_OUTPUT:
                click.echo(f"Error: cannot write to stdout: {exc.strerror}", err=True)
                _silence_stdout()  # else the flush at exit fails again, with a traceback
                sys.exit(1)
            if not _is_closed_pipe(exc):
                raise
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> NoReturn:
    raise click.ClickException(message)


def warn(message: str) -> None:
    """One warning line on stderr."""
    click.echo(f"Warning: {message}", err=True)


def note(message: str) -> None:
    """One informational line on stderr."""
    click.echo(f"Note: {message}", err=True)


def read_input(path: Optional[str], reading: Reading = Reading()) -> Document:
    """The document named by ``path``: a file, a URL, ``-`` for stdin, or
    stdin when ``path`` is None and stdin is not a terminal, read as
    ``reading`` says.  Raises ``SummarizeError`` or ``click.UsageError``."""
    if path is None or path == "-":
        if path is None and is_terminal(sys.stdin):
            raise click.UsageError(
                "no input: give a PATH, or pipe text in (cat article.txt | summarize)"
            )
        return read_stream(sys.stdin.buffer, input_format=reading.input_format)
    return read_any(path, reading)


def report_length(summary: Summary, doc: Document, words: Optional[int]) -> None:
    """Tell on stderr when the summary is the whole text or over the word budget."""
    from .render import over_budget_warning

    over = over_budget_warning(summary, doc.name, words)
    if over:
        warn(over)
    elif summary.whole and summary.budget.ratio != 1:
        count = summary.total_sentences
        note(f"{doc.name}: the text has only {count} sentence{'s' if count != 1 else ''}; printing it whole")


def export_width() -> int:
    """Columns of an exported rendering: the terminal's when stdout is one."""
    if is_terminal(sys.stdout):
        return shutil.get_terminal_size((EXPORT_WIDTH, 24)).columns
    return EXPORT_WIDTH


def emit(
    summary: Summary,
    fmt: str,
    source: str,
    extra: Optional[Mapping[str, str]] = None,
    showing: Showing = Showing(),
    article: Optional[str] = None,
) -> None:
    """Print ``summary`` to stdout in ``fmt`` (``auto`` resolved here);
    ``extra`` (byline, date of a web page) goes into JSON and rich output.
    ``showing`` adds keywords, the highlighted ``article`` (the text that
    was summarized) and the score table, and saves the rich rendering to
    the export files."""
    stdout = sys.stdout
    if fmt == "auto":
        fmt = "rich" if is_terminal(stdout) else "plain"
    from . import render

    display = showing.display(article)
    if fmt == "rich":
        render.print_rich(summary, stdout, source, extra=extra, display=display)
    else:
        # Line by line, so a reader that stops early (head -1) is noticed at once.
        for line in render.render_text(summary, fmt, source, extra, display).splitlines(keepends=True):
            stdout.write(line)
    if showing.exporting:
        recorder = render.Recorder(export_width())
        recorder.print(render.rich_renderable(summary, source, extra, display))
        try:
            recorder.save(svg=showing.export_svg, html=showing.export_html)
        except SummarizeError as exc:
            _fail(str(exc))


def check_writable(path: str) -> None:
    """Fail now (exit 1, one line), before any work, when ``path`` cannot be written."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        _fail(f"cannot write {path}: no such folder {folder}")
    if not os.access(path if os.path.exists(path) else folder, os.W_OK):
        _fail(f"cannot write {path}: permission denied")


@click.command(
    cls=SummarizeCommand,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
# readable=False: an unreadable file is an input error (exit 1; in batch mode
# that input fails and the rest go on), reported by sources, not a usage error.
@click.argument("paths", metavar="[PATH]...", nargs=-1, type=click.Path(allow_dash=True, dir_okay=True, readable=False))
@click.option(
    "-n",
    "--sentences",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"Keep this many sentences (default {DEFAULT_SENTENCES}).",
)
@click.option(
    "-r",
    "--ratio",
    type=click.FloatRange(0, 1, min_open=True),
    metavar="F",
    help="Keep this share of the sentences, 0 < F <= 1 (rounded, at least one).",
)
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    metavar="N",
    help="Keep the best sentences that fit in N words (never more, unless the best sentence alone is longer).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="auto",
    show_default=True,
    help="Output: rich on a terminal and plain when piped (auto), or force one. jsonl: one JSON object per line.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Read the input as text or as an HTML page (auto: URLs, .html/.htm files and stdin that starts like HTML are pages).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a URL that does not answer, or finish downloading, within this time.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    metavar="N",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse a URL whose page is larger than this.",
)
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    # Not writable=True: a folder that cannot be written is a fault found on
    # the first write (exit 1, naming the file), like a full disk, not a usage error.
    type=click.Path(file_okay=False, dir_okay=True),
    help="Write one summary file per input into DIR, mirroring the folders' layout (.txt, .json, .jsonl or .md).",
)
@click.option(
    "--skip-existing",
    is_flag=True,
    help="With --output-dir: leave out inputs whose summary file already exists (resume a run).",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=1),
    help="Worker processes for many inputs (default: the number of CPUs). Output is the same for any N.",
)
@click.option(
    "--glob",
    "patterns",
    metavar="PATTERN",
    multiple=True,
    help="File names to take from folders (repeatable; default *.txt and *.md).",
)
@click.option(
    "--text-field",
    default="text",
    show_default=True,
    metavar="NAME",
    help="The field holding the article in a .jsonl dataset (one JSON object per line).",
)
@click.option("--fail-fast", is_flag=True, help="With many inputs: stop at the first one that fails.")
@click.option(
    "--highlight",
    is_flag=True,
    help="Print the whole article with the summary sentences highlighted in place (plain: wrapped in >>> <<<).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also show every sentence: its position, score, whether it was chosen and its top terms (JSON: all_sentences).",
)
@click.option(
    "-k",
    "--keywords",
    metavar="N",
    type=click.IntRange(min=0),
    help=f"Show the N heaviest terms of the article above the summary. JSON always has keywords (default {DEFAULT_KEYWORDS}).",
)
@click.option(
    "--export-svg",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Also save the rich rendering, as a terminal shows it, to FILE as SVG.",
)
@click.option(
    "--export-html",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Also save the rich rendering, as a terminal shows it, to FILE as HTML.",
)
@click.version_option(__version__, "-V", "--version", prog_name="summarize")
def cli(
    paths: Tuple[str, ...],
    sentences: Optional[int],
    ratio: Optional[float],
    words: Optional[int],
    fmt: str,
    input_format: str,
    timeout: float,
    max_bytes: int,
    output_dir: Optional[str],
    skip_existing: bool,
    jobs: Optional[int],
    patterns: Tuple[str, ...],
    text_field: str,
    fail_fast: bool,
    highlight: bool,
    explain: bool,
    keywords: Optional[int],
    export_svg: Optional[str],
    export_html: Optional[str],
) -> int:
    """Print the key sentences of the articles in PATHs (or stdin).

    Sentences are scored by how often their content words occur in the
    article and the best are printed in their original order. A first-line
    headline becomes the title; a dateline such as "(CNN) --" is dropped.
    Works offline: nothing is downloaded unless PATH is a URL.

    PATH is a text file, an HTML file (.html, .htm), an http:// or https://
    URL, or - for stdin; without PATH, text is read from a pipe. Web pages
    are reduced to their article (title, byline and date kept for JSON);
    they need the web extra: pip install 'summarize[web]'. Give at most one
    of -n, -r and -w; the default is 3 sentences.

    \b
    Examples:
      summarize article.txt
      summarize -n 5 article.txt
      summarize --words 60 article.txt
      cat article.txt | summarize --ratio 0.2
      summarize - --format json < article.txt
      summarize https://example.com/news/story.html
      summarize --format json saved-page.html

    Many inputs: any mix of files, URLs, folders (searched recursively for
    *.txt and *.md, or the --glob patterns; hidden ones skipped) and .jsonl
    datasets (one JSON object per line, the article under "text", its "id"
    kept). They are summarized in parallel and printed in the order given,
    each under a "==> PATH <==" header; failures are reported on stderr and
    the rest go on (exit 1 if any failed). A progress bar and a closing
    count go to stderr.

    \b
    Examples:
      summarize news/ more/ extra.txt
      summarize --format jsonl articles.jsonl > summaries.jsonl
      summarize -o summaries/ --skip-existing -j 4 news/
      summarize --glob '*.html' --glob '*.txt' --fail-fast archive/

    Showing why: --highlight prints the whole article with the chosen
    sentences marked (>>> ... <<< when piped), --explain adds a table of
    every sentence's score and top terms, -k N lists the article's N
    heaviest terms. --export-svg FILE and --export-html FILE save the rich
    rendering, as a terminal shows it (with many inputs: every document in
    one file).

    \b
    Examples:
      summarize --highlight article.txt
      summarize --highlight --keywords 5 article.txt | less
      summarize --explain article.txt
      summarize --explain -f json article.txt
      summarize -k 5 --export-svg summary.svg article.txt
    """
    given = [flag for flag, value in (("-n/--sentences", sentences), ("-r/--ratio", ratio), ("-w/--words", words)) if value is not None]
    if len(given) > 1:
        raise click.UsageError(f"{' and '.join(given)} cannot be combined: give one length limit")
    if skip_existing and output_dir is None:
        raise click.UsageError("--skip-existing needs --output-dir")
    if highlight and fmt in ("json", "jsonl"):
        raise click.UsageError("--highlight prints the article as text: use plain, rich or markdown (JSON has each sentence's index)")
    if (export_svg or export_html) and output_dir is not None:
        raise click.UsageError("--export-svg and --export-html save what a terminal shows; with --output-dir nothing is shown")
    for path in (export_svg, export_html):
        if path is not None:
            check_writable(path)
    showing = Showing(
        highlight=highlight,
        explain=explain,
        keywords=keywords if keywords is not None else (DEFAULT_KEYWORDS if fmt in ("json", "jsonl") else 0),
        show_keywords=bool(keywords),
        export_svg=export_svg,
        export_html=export_html,
    )
    reading = Reading(input_format, timeout, max_bytes)
    if not is_batch(paths, output_dir):
        return summarize_one(paths[0] if paths else None, reading, sentences, ratio, words, fmt, showing)
    if output_dir is not None and (not paths or "-" in paths):
        raise click.UsageError("--output-dir needs file or folder PATHs (stdin has no name to mirror)")
    if "-" in paths:
        raise click.BadParameter("- (stdin) can only be given alone", param_hint="PATH")
    if output_dir is not None:
        if fmt == "rich":
            raise click.BadParameter("rich output cannot go to files; choose plain, json, jsonl or markdown", param_hint="'-f' / '--format'")
        fmt = "plain" if fmt == "auto" else fmt
    elif fmt == "auto":
        fmt = "rich" if is_terminal(sys.stdout) else "plain"
    from .batch import Settings, run_batch

    settings = Settings(
        sentences=sentences,
        ratio=ratio,
        words=words,
        fmt=fmt,
        output_dir=output_dir,
        skip_existing=skip_existing,
        fail_fast=fail_fast,
        jobs=jobs or cpu_count(),
        patterns=patterns or DEFAULT_PATTERNS,
        text_field=text_field,
        progress=is_terminal(sys.stderr),
        reading=reading,
        showing=showing,
        export_width=export_width() if showing.exporting else EXPORT_WIDTH,
    )
    try:
        tally = run_batch(paths, settings, sys.stdout, sys.stderr, stdout_terminal=is_terminal(sys.stdout))
    except SummarizeError as exc:
        _fail(str(exc))
    if not (tally.summarized or tally.failed or tally.skipped):
        _fail(f"no input found: no files named {' or '.join(settings.patterns)} in {', '.join(paths)}")
    return 1 if tally.failed else 0


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask, where known)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def is_batch(paths: Tuple[str, ...], output_dir: Optional[str]) -> bool:
    """Whether the inputs call for batch mode: several paths, a folder, a
    ``.jsonl`` dataset or an output folder.  One file or stdin keeps the
    single-document output."""
    return len(paths) > 1 or output_dir is not None or any(
        path != "-" and not is_url(path) and (os.path.isdir(path) or is_dataset(path)) for path in paths
    )


def summarize_one(
    path: Optional[str],
    reading: Reading,
    sentences: Optional[int],
    ratio: Optional[float],
    words: Optional[int],
    fmt: str,
    showing: Showing = Showing(),
) -> int:
    """The single-document command: read, summarize, print; errors exit 1."""
    try:
        doc = read_input(path, reading)
        for message in doc.warnings:
            warn(message)
        try:
            summary = summarize(
                doc.text, sentences=sentences, ratio=ratio, words=words, explain=showing.explain, keywords=showing.keywords
            )
        except SummarizeError as exc:
            _fail(f"{doc.name}: {exc}")
    except SummarizeError as exc:
        _fail(str(exc))
    summary = with_page_title(summary, doc)
    report_length(summary, doc, words)
    emit(summary, fmt, doc.name, doc.meta, showing, doc.text)
    return 0


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated()


def _buffer_stdout() -> None:
    # Under PYTHONUNBUFFERED (common in containers) sys.stdout writes straight
    # to the descriptor, and TextIOWrapper drops the rest of a short write
    # without a word: a disk that fills up mid-summary would truncate it and
    # exit 0.  A BufferedWriter retries the rest, so ENOSPC or EFBIG surfaces.
    stdout = sys.stdout
    if isinstance(getattr(stdout, "buffer", None), io.RawIOBase):
        sys.stdout = io.TextIOWrapper(
            io.BufferedWriter(stdout.buffer), encoding=stdout.encoding, errors=stdout.errors, line_buffering=True
        )


def main(argv: Optional[list] = None) -> None:
    """Run the command (``summarize`` and ``python -m summarize`` come here through ``__main__.run``)."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    _buffer_stdout()
    cli.main(args=argv, prog_name="summarize")
