"""The ``summarize`` command: options → a request → one document or many → output.

The only module that imports click.  It reads the options into the objects
the library takes (a ``Budget``, a ``Reading``, a ``Request``, what to
show), decides the terminal facts once (``Environment``), runs one document
(``outcome``) or many (``batch``), prints, and turns every
``SummarizeError`` into one line on stderr and exit status 1, adding the
flag to change where a setting would help ("raise it with --timeout").
"""
from __future__ import annotations

import errno
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, List, Mapping, NoReturn, Optional, Sequence, Tuple

import click

from . import __version__, render
from .budget import DEFAULT_SENTENCES, Budget, check_limit, requirement
from .document import DEFAULT_LOCAL_MAX_BYTES, DEFAULT_MAX_BYTES, INPUT_FORMATS, Fields, Reading
from .environment import Environment, buffer_stdout, silence_stdout
from .errors import BudgetError, ExitStatus, SummarizeError

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Settings
    from .outcome import Outcome, Request

# The pipeline is imported once a run starts, so that --help and --version
# start instantly.

FORMAT_CHOICES = ("auto", *render.FORMATS, "parquet")
"""The formats -f takes: parquet only with --scheduler (summarize.dask writes it)."""

HINTS: Mapping[str, str] = {
    "timeout": "raise it with --timeout",
    "max_bytes": "raise it with --max-bytes",
    "text_field": "choose the field with --text-field",
    "jobs": "try fewer --jobs, or --jobs 1 to see which input causes it",
}
"""What to add to a failure's message, by the setting that would change it."""

LIMIT_FLAGS = {"sentences": "-n/--sentences", "ratio": "-r/--ratio", "words": "-w/--words"}


def _check_language(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An option callback: ``auto``, or a supported language code
    (``languages.check`` says which; any case: ``DE`` is ``de``)."""
    if value is None or value == "auto":
        return value
    from . import languages  # only when -l is given: --help stays cheap

    try:
        return languages.check(str(value).strip().lower())
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _check_limit(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """An option callback: a length limit checked by ``budget.check_limit``,
    the one place that says what a limit may be."""
    if value is None:
        return None
    limit = str(param.name)
    try:
        return check_limit(limit, value)
    except BudgetError:
        raise click.BadParameter(f"must be {requirement(limit)}, not {value}") from None


class _Terminated(BaseException):
    """Raised from the SIGTERM and SIGHUP handler to unwind like Ctrl-C: a
    ``BaseException``, as ``KeyboardInterrupt`` is, so that no ``except
    Exception`` on the way can swallow it.  ``args[0]``: the signal."""

    @property
    def status(self) -> ExitStatus:
        return ExitStatus.HANGUP if self.args and self.args[0] == _SIGHUP else ExitStatus.TERMINATED


_SIGHUP = getattr(signal, "SIGHUP", None)
_STOP_MESSAGES = {ExitStatus.TERMINATED: "Terminated.", ExitStatus.HANGUP: "Hung up."}


class _Interrupted(BaseException):
    """Ctrl-C, carried past click, which would print a blank line for it."""


class _ClosedPipe(Exception):
    """stdout was closed by its reader; carried past click's own EPIPE handling."""


def _is_closed_pipe(exc: BaseException) -> bool:
    return isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE)


# Errors only a write raises.  Files under --output-dir are reported by
# errors.OutputError, so one of these reaching the command is stdout's.
_FULL_OUTPUT = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})


class SummarizeCommand(click.Command):
    """A click command that maps interrupts and closed pipes to exit codes.

    Ctrl-C exits 130, SIGTERM 143 and SIGHUP 129 with one line on stderr; a closed stdout
    (``summarize x | head -1``) exits 141 silently; a stdout that cannot take
    more (a full disk, ``> /dev/full``, ``ulimit -f``) exits 1 with one
    line.  None prints a traceback.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise _Interrupted() from None
        except OSError as exc:
            if _is_closed_pipe(exc):
                raise _ClosedPipe() from None
            raise

    def main(  # type: ignore[override]  # one signature for click's two overloads
        self, args: Optional[Sequence[str]] = None, prog_name: Optional[str] = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
            stop_if_signalled()
            sys.stdout.flush()
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (KeyboardInterrupt, _Interrupted, click.Abort):
            click.echo("Interrupted.", err=True)
            sys.exit(ExitStatus.INTERRUPTED)
        except _Terminated as stop:
            click.echo(_STOP_MESSAGES[stop.status], err=True)
            sys.exit(stop.status)
        except _ClosedPipe:
            silence_stdout()
            sys.exit(ExitStatus.BROKEN_PIPE)
        except OSError as exc:
            if exc.errno in _FULL_OUTPUT:
                click.echo(f"Error: cannot write to stdout: {exc.strerror}", err=True)
                silence_stdout()  # else the flush at exit fails again, with a traceback
                sys.exit(ExitStatus.FAILURE)
            if not _is_closed_pipe(exc):
                raise
            silence_stdout()
            sys.exit(ExitStatus.BROKEN_PIPE)
        sys.exit(code if isinstance(code, int) else ExitStatus.OK)


def _fail(message: str) -> NoReturn:
    raise click.ClickException(message)


def describe(error: SummarizeError) -> str:
    """``error`` as the command says it: with the hint for its setting."""
    hint = HINTS.get(error.setting) if error.setting else None
    return f"{error} ({hint})" if hint else str(error)


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
    type=click.INT,
    callback=_check_limit,
    metavar="N",
    help=f"Keep this many sentences (default {DEFAULT_SENTENCES}).",
)
@click.option(
    "-r",
    "--ratio",
    type=click.FLOAT,
    callback=_check_limit,
    metavar="F",
    help="Keep this share of the sentences, 0 < F <= 1 (rounded, at least one).",
)
@click.option(
    "-w",
    "--words",
    type=click.INT,
    callback=_check_limit,
    metavar="N",
    help="Keep the best sentences that fit in N words (never more, unless the best sentence alone is longer).",
)
@click.option(
    "-l",
    "--language",
    default="auto",
    show_default=True,
    callback=_check_language,
    metavar="CODE|auto",
    help="The articles' language: a code such as de or fr (an unknown one lists them all), or auto: "
    "each article's own (a dataset's language field, a page's <html lang>), else detected from its "
    "function words; English when unsure.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="auto",
    show_default=True,
    help="Output: rich on a terminal and plain when piped (auto), or force one. jsonl: one JSON object per line; "
    "parquet: with --scheduler only.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read the inputs (auto: by their first bytes and their extension; stdin that starts like HTML is a page).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=Reading().timeout,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a URL that does not answer, or finish downloading, within this time.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    metavar="N",
    default=None,
    help=(
        f"Refuse an input larger than N bytes (default: {DEFAULT_MAX_BYTES:,} for a URL, "
        f"{DEFAULT_LOCAL_MAX_BYTES:,} for a file, stdin or a dataset line)."
    ),
)
@click.option(
    "-o",
    "--output-dir",
    metavar="DIR",
    # Not writable=True: a folder that cannot be written is a fault found on
    # the first write (exit 1, naming the file), like a full disk, not a usage error.
    type=click.Path(file_okay=False, dir_okay=True),
    help="Write one summary file per input into DIR, mirroring the folders' layout (.txt, .json, .jsonl or .md). "
    "With --scheduler, DIR may be a URL (s3://bucket/summaries/).",
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
    help="File names to take from folders (repeatable; default *.txt, *.md and *.markdown). "
    "Known extensions match in any case: *.pdf takes A.PDF.",
)
@click.option(
    "--iglob",
    "any_case",
    metavar="PATTERN",
    multiple=True,
    help="As --glob, matching the whole name in any case.",
)
@click.option(
    "--text-field",
    default=Fields().text,
    show_default=True,
    metavar="NAME",
    help="The field holding the article in a .jsonl dataset (one JSON object per line): a string or a list of strings.",
)
@click.option(
    "--id-field",
    default=Fields().id,
    show_default=True,
    metavar="NAME",
    help="The field holding a dataset record's id, kept in JSON output as \"id\".",
)
@click.option(
    "--title-field",
    metavar="NAME",
    help="The field holding a dataset record's title (default: none; the headline is looked for in the text).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Summarize on a Dask cluster (the dask extra): tcp://HOST:8786 for a running scheduler, or local:N to start "
    "N worker processes here. Needs -o; inputs and -o may be fsspec URLs and globs (s3://bucket/news/*.jsonl).",
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
    help=f"Show the N heaviest terms of the article above the summary. JSON always has keywords (default {render.DEFAULT_KEYWORDS}).",
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
    language: str,
    fmt: str,
    input_format: str,
    timeout: float,
    max_bytes: Optional[int],
    output_dir: Optional[str],
    skip_existing: bool,
    jobs: Optional[int],
    patterns: Tuple[str, ...],
    any_case: Tuple[str, ...],
    text_field: str,
    id_field: str,
    title_field: Optional[str],
    scheduler: Optional[str],
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

    Languages: English, German, French, Spanish, Italian, Portuguese, Dutch
    and Russian, each with its own sentence rules, stopwords, stemmer and
    datelines. The language of each article is detected (-l auto); give
    -l CODE to set it. Text in another language is read as English, with
    a note on stderr.

    PATH is a text file, a Markdown file (.md), a web page (.html, .htm,
    .xhtml), a PDF, DOCX or EPUB document, an http:// or https:// URL, or -
    for stdin; without PATH, text is read from a pipe (a PDF, DOCX, EPUB or
    web page there is known by its first bytes). Each is read as what it
    is: a page is reduced to its article, Markdown to its prose, a Project
    Gutenberg book loses its licence, a transcript its speaker labels; the
    title is kept apart. Web pages need the web extra (pip install
    'summarize[web]'), PDFs the pdf extra (pip install 'summarize[pdf]').
    Give at most one of -n, -r and -w; the default is 3 sentences.

    \b
    Examples:
      summarize article.txt
      summarize -n 5 article.txt
      summarize --words 60 article.txt
      summarize -l de artikel.txt
      cat article.txt | summarize --ratio 0.2
      summarize - --format json < article.txt
      summarize https://example.com/news/story.html
      summarize --format json saved-page.html
      summarize README.md
      summarize paper.pdf
      summarize -n 10 book.epub
      cat report.docx | summarize

    Many inputs: any mix of files, URLs, folders (searched recursively for
    *.txt, *.md and *.markdown, or the --glob patterns; hidden ones
    skipped) and .jsonl datasets (one JSON object per line, the article
    under "text", its "id" kept; --text-field, --id-field and --title-field
    choose others). They are summarized in parallel and printed in the
    order given, each under a "==> PATH <==" header; failures are reported
    on stderr and the rest go on (exit 1 if any failed). A progress bar and
    a closing count go to stderr.

    \b
    Examples:
      summarize news/ more/ extra.txt
      summarize --format jsonl articles.jsonl > summaries.jsonl
      summarize --text-field body --title-field headline data.jsonl
      summarize -o summaries/ --skip-existing -j 4 news/
      summarize --glob '*.html' --glob '*.txt' --fail-fast archive/
      summarize --glob '*.pdf' --glob '*.docx' --glob '*.epub' papers/

    Beyond one machine: --scheduler runs the same work on a Dask cluster
    (the dask extra; Python 3.10 or later), one task per input file (per
    row group of a Parquet file), each output what -o writes for it. Give
    tcp://HOST:8786 for a running scheduler, or local:N to start N worker
    processes here. -o is required; inputs and -o may be paths, globs or
    fsspec URLs (s3:// needs the s3 extra, gs:// the gcs extra, -f parquet
    and Parquet inputs the parquet extra). _manifest.json in -o lists what
    was done and what failed; _SUCCESS appears when every input is done;
    --skip-existing resumes a run with the same options.

    \b
    Examples:
      summarize --scheduler local:2 -o summaries/ --glob '*.jsonl' news/
      summarize --scheduler tcp://scheduler:8786 -f jsonl \\
          's3://archive/2024/*.jsonl.gz' -o s3://summaries/2024/
      summarize --scheduler tcp://scheduler:8786 -f parquet --skip-existing \\
          's3://crawl/*.parquet' -o s3://summaries/crawl/

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
    from .outcome import Request

    env = Environment.detect()
    try:
        budget = Budget(sentences=sentences, ratio=ratio, words=words)
    except BudgetError as exc:
        raise click.UsageError(
            f"{' and '.join(LIMIT_FLAGS[name] for name in exc.limits)} cannot be combined: give one length limit"
        ) from None
    if skip_existing and output_dir is None:
        raise click.UsageError("--skip-existing needs --output-dir")
    if fmt == "parquet" and scheduler is None:
        raise click.UsageError("-f parquet needs --scheduler (Parquet is written by runs on a Dask cluster)")
    if highlight and fmt in render.JSON_FORMATS:
        raise click.UsageError("--highlight prints the article as text: use plain, rich or markdown (JSON has each sentence's index)")
    if (export_svg or export_html) and output_dir is not None:
        raise click.UsageError("--export-svg and --export-html save what a terminal shows; with --output-dir nothing is shown")
    for path in (export_svg, export_html):
        if path is not None:
            check_writable(path)
    showing = render.Showing(
        highlight=highlight,
        explain=explain,
        keywords=keywords if keywords is not None else (render.DEFAULT_KEYWORDS if fmt in render.JSON_FORMATS else 0),
        show_keywords=bool(keywords),
        export_svg=export_svg,
        export_html=export_html,
    )
    request = Request(
        budget=budget,
        reading=Reading(input_format, timeout, max_bytes),
        fields=Fields(text_field, id_field, title_field),
        explain=showing.explain,
        keywords=showing.keywords,
        keep_text=showing.highlight,
        language=language,
    )
    if scheduler is not None:
        return summarize_on_cluster(paths, scheduler, request, fmt, showing, output_dir, skip_existing, fail_fast, jobs,
                                    patterns, any_case, env)
    if not is_batch(paths, output_dir):
        if fmt == "auto":
            fmt = "rich" if env.stdout_terminal else "plain"
        return summarize_one(paths[0] if paths else None, request, fmt, showing, env)
    if output_dir is not None and (not paths or "-" in paths):
        raise click.UsageError("--output-dir needs file or folder PATHs (stdin has no name to mirror)")
    if "-" in paths:
        raise click.BadParameter("- (stdin) can only be given alone", param_hint="PATH")
    if output_dir is not None:
        if fmt == "rich":
            raise click.BadParameter("rich output cannot go to files; choose plain, json, jsonl or markdown", param_hint="'-f' / '--format'")
        fmt = "plain" if fmt == "auto" else fmt
    elif fmt == "auto":
        fmt = "rich" if env.stdout_terminal else "plain"
    from .batch import Settings, run_batch
    from .walk import DEFAULT_PATTERNS, Names

    settings = Settings(
        request=request,
        fmt=fmt,
        output_dir=output_dir,
        skip_existing=skip_existing,
        fail_fast=fail_fast,
        jobs=jobs or cpu_count(),
        names=Names(patterns, any_case) if patterns or any_case else Names(DEFAULT_PATTERNS),
        progress=env.stderr_terminal,
        stdout_terminal=env.stdout_terminal,
        showing=showing,
        export_width=env.columns,
        hints=HINTS,
    )
    try:
        tally = run_batch(paths, settings, sys.stdout, sys.stderr)
    except SummarizeError as exc:
        _fail(describe(exc))
    if not (tally.summarized or tally.failed or tally.skipped):
        _fail(f"no input found: no files named {settings.names} in {', '.join(paths)}{_other_files(paths, settings)}")
    return ExitStatus.FAILURE if tally.failed else ExitStatus.OK


def summarize_on_cluster(
    paths: Sequence[str],
    scheduler: str,
    request: Request,
    fmt: str,
    showing: render.Showing,
    output_dir: Optional[str],
    skip_existing: bool,
    fail_fast: bool,
    jobs: Optional[int],
    patterns: Tuple[str, ...],
    any_case: Tuple[str, ...],
    env: Environment,
) -> int:
    """``--scheduler``: every input summarized on a Dask cluster
    (``summarize.dask``), one file per input under ``output_dir``."""
    if output_dir is None:
        raise click.UsageError("--scheduler needs -o/--output-dir: each input's summary is written there")
    if not paths or "-" in paths:
        raise click.UsageError("--scheduler needs file, folder or URL PATHs (stdin has no name to mirror)")
    if jobs is not None:
        raise click.UsageError("--jobs and --scheduler cannot be combined: the cluster's workers do the work (local:N starts N)")
    if fmt == "rich":
        raise click.BadParameter("rich output cannot go to files; choose plain, json, jsonl, markdown or parquet", param_hint="'-f' / '--format'")
    from .dask import parse_scheduler, summarize_files
    from .batch import Settings
    from .walk import DEFAULT_PATTERNS, Names

    try:
        parse_scheduler(scheduler)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--scheduler'") from None
    settings = Settings(
        request=request,
        fmt="plain" if fmt == "auto" else fmt,
        output_dir=output_dir,
        skip_existing=skip_existing,
        fail_fast=fail_fast,
        names=Names(patterns, any_case) if patterns or any_case else Names(DEFAULT_PATTERNS),
        progress=env.stderr_terminal,
        stdout_terminal=env.stdout_terminal,
        showing=showing,
        hints=HINTS,
    )
    try:
        report = summarize_files(paths, settings, scheduler, stderr=sys.stderr)
    except SummarizeError as exc:
        _fail(describe(exc))
    if not report.found:
        _fail(f"no input found: no files named {settings.names} in {', '.join(paths)}{_other_files(paths, settings)}")
    return report.exit_status


def _other_files(paths: Sequence[str], settings: Settings) -> str:
    """What to add to "no input found" when the folders hold files of kinds
    the patterns left out: how many, and the --glob options that take them."""
    from .walk import passed_over

    found = passed_over(paths, settings.names, (settings.output_dir,) if settings.output_dir else ())
    if not found:
        return ""
    kinds = sorted(found, key=lambda extension: (-found[extension], extension))
    held = ", ".join(f"{found[k]} {k} file{'s' if found[k] != 1 else ''}" for k in kinds)
    options = " ".join(f"--glob '*{kind}'" for kind in kinds)
    return f"; they hold {held}: take them with {options}"


def cpu_count() -> int:
    """The CPUs this process may run on (its affinity mask, where known)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def is_batch(paths: Tuple[str, ...], output_dir: Optional[str]) -> bool:
    """Whether the inputs call for batch mode: several paths, a folder, a
    ``.jsonl`` dataset or an output folder.  One file or stdin keeps the
    single-document output."""
    from .datasets import is_dataset
    from .sources import is_url

    return len(paths) > 1 or output_dir is not None or any(
        path != "-" and not is_url(path) and (os.path.isdir(path) or is_dataset(path)) for path in paths
    )


def summarize_one(
    path: Optional[str], request: Request, fmt: str, showing: render.Showing, env: Environment
) -> int:
    """The single-document command: read, summarize, print; a failure exits 1.

    ``path``: a file or URL, ``-`` for stdin, or None for stdin when it is
    not a terminal (else a usage error).  ``fmt``: a format of
    ``render.FORMATS`` (``auto`` resolved by the caller)."""
    from .outcome import from_path, from_stream

    if path is None or path == "-":
        if path is None and env.stdin_terminal:
            raise click.UsageError("no input: give a PATH, or pipe text in (cat article.txt | summarize)")
        result = from_stream(sys.stdin.buffer, request)
    else:
        result = from_path(path, request)
    for line in render.note_lines(result):
        click.echo(line, err=True, nl=False)
    if result.failure is not None:
        _fail(f"{result.source}: {render.failure_text(result.failure, HINTS)}")
    emit(result, fmt, showing, env.columns)
    return ExitStatus.OK


def emit(result: Outcome, fmt: str, showing: render.Showing, export_width: Optional[int]) -> None:
    """Print ``result``'s summary to stdout in ``fmt``, with what
    ``showing`` adds, and save the rich rendering to the export files
    (``export_width`` columns: the terminal's, else ``terminal.EXPORT_WIDTH``)."""
    from . import terminal

    stop_if_signalled()
    summary = result.summary
    assert summary is not None
    display = showing.display_of(result)
    stdout = sys.stdout
    if fmt == "rich":
        terminal.print_rich(summary, stdout, result.source, extra=result.meta, display=display)
    else:
        # Line by line, so a reader that stops early (head -1) is noticed at once.
        for line in render.render_text(summary, fmt, result.source, result.meta, display).splitlines(keepends=True):
            stdout.write(line)
    if showing.exporting:
        recorder = terminal.Recorder(export_width)
        recorder.print(terminal.rich_renderable(summary, result.source, result.meta, display))
        try:
            recorder.save(svg=showing.export_svg, html=showing.export_html)
        except SummarizeError as exc:
            _fail(str(exc))


_STOPPED: List[int] = []
"""The stop signals received.  The exception a handler raises is lost when
the signal lands while Python runs a finalizer (a ``__del__``: Python
prints "Exception ignored" and goes on), so the run checks this list
before it prints anything (``stop_if_signalled``)."""


def _on_stop_signal(signum: int, frame: Any) -> None:
    _STOPPED.append(signum)
    raise _Terminated(signum)


def stop_if_signalled() -> None:
    """Raise the stop a signal asked for if its exception was swallowed."""
    if _STOPPED:
        raise _Terminated(_STOPPED[0])


def _unraisable(unraisable: Any) -> None:
    # A stop raised inside a finalizer: said once, as "Terminated.", when
    # stop_if_signalled raises it again; anything else as Python says it.
    if not isinstance(unraisable.exc_value, _Terminated):
        sys.__unraisablehook__(unraisable)


def main(argv: Optional[List[str]] = None) -> None:
    """Run the command (``summarize`` and ``python -m summarize`` come here through ``__main__.run``)."""
    for name in ("SIGTERM", "SIGHUP"):  # a closed terminal stops a run as SIGTERM does
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_stop_signal)
    sys.unraisablehook = _unraisable
    buffer_stdout()
    cli.main(args=argv, prog_name="summarize")
