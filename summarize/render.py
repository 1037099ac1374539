"""Summary → text for people or programs, and what each run shows.

Plain text: one sentence per line, nothing else.  JSON: one object whose
shape comes from ``summary_dict``; JSON Lines: the same object on one line.
Markdown: title heading and a bullet list.  (Rich renderings for terminals
are ``terminal``'s.)  Also here: the formats and their file extensions,
what a run shows besides the summary (``Showing``, ``Display``), and the
lines that tell the person about a document (``note_lines``,
``failure_text``).

A ``Display`` adds to plain, Markdown and rich output: the keywords above
the summary, the whole article with the summary highlighted in place of the
sentence list, and a table of every sentence's score after it.  JSON needs
no ``Display``: it shows whatever the ``Summary`` holds.
"""
from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, NamedTuple, Optional, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .core import ScoredSentence, Summary, TermWeight
    from .outcome import Failure, Outcome

EXTENSIONS = {"plain": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
"""The text formats, each with the file name extension of an output file in it."""

FORMATS = ("plain", "rich", "json", "jsonl", "markdown")
"""Every output format: the text formats, and rich for terminals."""

JSON_FORMATS = ("json", "jsonl")
"""The formats that always hold keywords and cannot highlight."""

DEFAULT_KEYWORDS = 10
"""How many keywords JSON holds unless told otherwise."""
SCORE_DIGITS = 6
TABLE_DIGITS = 3
"""Decimals of a score in the ``--explain`` tables (JSON keeps ``SCORE_DIGITS``)."""

MARK_OPEN, MARK_CLOSE = ">>> ", " <<<"
"""What wraps a chosen sentence in the plain highlighted article."""

NO_HINTS: Mapping[str, str] = MappingProxyType({})


def note_lines(outcome: Outcome) -> List[str]:
    """The outcome's notes as lines for stderr: ``Warning: SOURCE: message``
    or ``Note: SOURCE: message``, newline-terminated."""
    return [f"{'Warning' if n.warning else 'Note'}: {outcome.source}: {n.message}\n" for n in outcome.notes]


def failure_text(failure: Failure, hints: Mapping[str, str] = NO_HINTS) -> str:
    """A failure's message for the person, with the hint ``hints`` gives
    for its setting (the command's words, e.g. "raise it with --timeout")
    in brackets after it."""
    hint = hints.get(failure.setting) if failure.setting else None
    return f"{failure.message} ({hint})" if hint else failure.message


class Showing(NamedTuple):
    """The display options of a run: ``highlight`` (the article with the
    summary marked), ``explain`` (every sentence's score), ``keywords`` (how
    many to compute: -k N, or ``DEFAULT_KEYWORDS`` for JSON),
    ``show_keywords`` (-k N given, N > 0), and the ``export_svg`` /
    ``export_html`` paths.  One document's ``Display`` is ``display(text)``."""

    highlight: bool = False
    explain: bool = False
    keywords: int = 0
    show_keywords: bool = False
    export_svg: Optional[str] = None
    export_html: Optional[str] = None

    @property
    def exporting(self) -> bool:
        return self.export_svg is not None or self.export_html is not None

    def display_of(self, outcome: Outcome) -> "Display":
        """What plain, Markdown and rich output show for ``outcome``'s summary."""
        title = outcome.summary.title if outcome.summary is not None and outcome.title_apart else None
        return self.display(outcome.text, title)

    def display(self, article: Optional[str] = None, heading: Optional[str] = None) -> "Display":
        """What plain, Markdown and rich output show for a document whose
        text is ``article``; ``heading``: its title, when the source gave
        it apart from the text (see ``Display``)."""
        if not self.highlight:
            article = heading = None
        return Display(keywords=self.show_keywords, explain=self.explain, article=article, heading=heading)


class Display(NamedTuple):
    """What plain, Markdown and rich output show besides the summary.

    ``keywords``: the summary's ``keywords``, above it.  ``explain``: a
    table of its ``all_sentences`` after it.  ``article``: the text that was
    summarized; when given, it is shown whole, the chosen sentences
    highlighted, instead of the list of sentences.  ``heading``: a title the
    document carries apart from ``article`` (a web page's); the plain
    highlighted article starts with it, as the text of a saved article
    would.  The ``Summary`` must
    hold what is asked for (``summarize(..., keywords=N, explain=True)``);
    what it lacks is left out.
    """

    keywords: bool = False
    explain: bool = False
    article: Optional[str] = None
    heading: Optional[str] = None


PLAIN = Display()


def summary_dict(
    summary: Summary,
    source: Optional[str] = None,
    record_id: Any = None,
    extra: Optional[Mapping[str, Any]] = None,
) -> Dict[str, Any]:
    """The JSON shape of a summary: the one place that defines it.

    Keys: ``source`` (path, URL, ``<stdin>``, ``file.jsonl:LINE`` or None),
    ``id`` (only for a dataset line that has one), ``title``, ``language``
    (the code of the language the text was read as), then the keys
    of ``extra`` when given (for web pages: ``byline``, ``date``, ``url``,
    each only when found), ``dateline``, ``keywords`` (``[{term, weight}]``,
    heaviest first; empty when the summary holds none), ``sentences``
    (``[{index, text, score}]`` in document order), ``total_sentences``,
    ``settings`` (the length limit used) and, only when the summary holds
    them, ``all_sentences`` (``[{index, text, score, selected,
    top_terms: [{term, weight}]}]``, every sentence in document order).
    Scores and weights are rounded to ``SCORE_DIGITS`` decimals so output is stable.
    """
    data = {
        "source": source,
        **_id_field(record_id),
        "title": summary.title,
        "language": summary.language,
        **(extra or {}),
        "dateline": summary.dateline,
        "keywords": _term_list(summary.keywords or ()),
        "sentences": [
            {"index": s.index, "text": s.text, "score": round(s.score, SCORE_DIGITS)}
            for s in summary.sentences
        ],
        "total_sentences": summary.total_sentences,
        "settings": summary.budget.as_dict(),
    }
    if summary.all_sentences is not None:
        data["all_sentences"] = [
            {
                "index": s.index,
                "text": s.text,
                "score": round(s.score, SCORE_DIGITS),
                "selected": s.selected,
                "top_terms": _term_list(s.top_terms),
            }
            for s in summary.all_sentences
        ]
    return data


def _term_list(terms: Sequence[TermWeight]) -> List[Dict[str, Any]]:
    return [{"term": t.term, "weight": round(t.weight, SCORE_DIGITS)} for t in terms]


def error_dict(source: str, message: str, record_id: Any = None) -> Dict[str, Any]:
    """The JSON shape of an input that could not be summarized:
    ``{"source", "id" (when known), "error"}``."""
    return {"source": source, **_id_field(record_id), "error": message}


def _id_field(record_id: Any) -> Dict[str, Any]:
    return {"id": record_id} if record_id is not None else {}


def json_line(data: Dict[str, Any]) -> str:
    """``data`` as one line of JSON Lines (UTF-8 kept as is), newline-terminated."""
    return json.dumps(data, ensure_ascii=False) + "\n"


def render_plain(summary: Summary, display: Display = PLAIN) -> str:
    """One sentence per line, each line ending in a newline; no title.

    With ``display``: first a ``keywords: a, b, c`` line; the article
    verbatim (after its ``heading``) instead of the sentences, each chosen sentence wrapped in
    ``MARK_OPEN``/``MARK_CLOSE`` (``highlight_plain``); then a blank line
    and the table of every sentence (``explain_plain``).
    """
    out = ""
    if display.keywords and summary.keywords is not None:
        out += "keywords: " + ", ".join(k.term for k in summary.keywords) + "\n"
    if display.article is not None:
        if display.heading:
            out += display.heading + "\n\n"
        out += highlight_plain(summary, display.article)
    else:
        out += "".join(s.text + "\n" for s in summary.sentences)
    if display.explain and summary.all_sentences is not None:
        out += "\n" + explain_plain(summary.all_sentences)
    return out


def highlight_plain(summary: Summary, article: str) -> str:
    """``article`` (the text ``summary`` was made from), newline-terminated,
    with each chosen sentence on a line of its own, wrapped in
    ``MARK_OPEN`` and ``MARK_CLOSE``: so ``grep '^>>> '`` finds every chosen
    sentence, and the lines between the marks are the plain summary.

    The rest of the article is verbatim, except where a chosen sentence
    shares a line with other text: the spaces between them become a line
    break.  A chosen sentence is its ``text`` (its own line breaks are
    spaces).  The article's words stay as they are, in order.
    """
    parts: List[str] = []
    at = 0
    for s in summary.sentences:
        before = article[at:s.start]
        if parts:  # after a chosen sentence: the rest of its line starts a new one
            before = before.lstrip(" \t")
            before = before if before.startswith("\n") else "\n" + before
        before = before.rstrip(" \t")
        if before and not before.endswith("\n"):
            before += "\n"
        parts += [before, MARK_OPEN, s.text, MARK_CLOSE]
        at = s.end
    rest = article[at:]
    if parts:
        rest = rest.lstrip(" \t")
        rest = rest if rest.startswith("\n") or not rest else "\n" + rest
    text = "".join(parts) + rest
    return text if text.endswith("\n") else text + "\n"


def _marked(summary: Summary, article: str, open_mark: str, close_mark: str, start: int = 0) -> str:
    """``article[start:]`` with each chosen sentence of ``summary`` between
    ``open_mark`` and ``close_mark``."""
    parts, at = [], start
    for s in summary.sentences:
        parts += [article[at:s.start], open_mark, article[s.start:s.end], close_mark]
        at = s.end
    parts.append(article[at:])
    return "".join(parts)


def terms_cell(s: ScoredSentence) -> str:
    return ", ".join(t.term for t in s.top_terms)


def explain_plain(sentences: Sequence[ScoredSentence]) -> str:
    """Every sentence on one line of an aligned table: position, score,
    ``*`` when chosen, top terms, then its text; a header line first."""
    rows = [("#", "score", "chosen", "top terms", "sentence")]
    rows += [(str(s.index), f"{s.score:.{TABLE_DIGITS}f}", "*" if s.selected else "", terms_cell(s), s.text) for s in sentences]
    widths = [max(len(row[c]) for row in rows) for c in range(4)]
    lines = []
    for row in rows:
        cells = [row[0].rjust(widths[0]), row[1].rjust(widths[1]), row[2].ljust(widths[2]), row[3].ljust(widths[3]), row[4]]
        lines.append("  ".join(cells).rstrip() + "\n")
    return "".join(lines)


def json_block(data: Dict[str, Any]) -> str:
    """``data`` as indented JSON (UTF-8 kept as is), without a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_json(summary: Summary, source: Optional[str] = None, extra: Optional[Mapping[str, Any]] = None) -> str:
    """``summary_dict`` as indented JSON (UTF-8 kept as is), newline-terminated."""
    return json_block(summary_dict(summary, source, extra=extra)) + "\n"


def render_markdown(summary: Summary, display: Display = PLAIN) -> str:
    """The title as a ``#`` heading (when there is one), then one bullet per
    sentence (or what ``display`` asks for: see ``markdown_body``)."""
    lines = []
    if summary.title:
        lines += [f"# {summary.title}", ""]
    return "".join(line + "\n" for line in lines) + markdown_body(summary, display)


def render_markdown_section(summary: Summary, source: str, display: Display = PLAIN) -> str:
    """One document among many in Markdown: the title as a ``#`` heading
    followed by a ``Source:`` line, or the source as the heading when there
    is no title; then one bullet per sentence (or what ``display`` asks for)."""
    if summary.title:
        lines = [f"# {summary.title}", "", f"Source: `{source}`", ""]
    else:
        lines = [f"# {source}", ""]
    return "".join(line + "\n" for line in lines) + markdown_body(summary, display)


def markdown_body(summary: Summary, display: Display = PLAIN) -> str:
    """The sentences as ``-`` bullets, newline-terminated.  With
    ``display``: a ``**Keywords:**`` paragraph first; the article body
    instead of the bullets, chosen sentences in ``**bold**``; a table of
    every sentence after."""
    blocks = []
    if display.keywords and summary.keywords is not None:
        blocks.append("**Keywords:** " + ", ".join(k.term for k in summary.keywords))
    if display.article is not None:
        blocks.append(_marked(summary, display.article, "**", "**", summary.body_start).strip())
    else:
        blocks.append("\n".join(f"- {s.text}" for s in summary.sentences))
    if display.explain and summary.all_sentences is not None:
        rows = ["| # | score | chosen | top terms | sentence |", "|---:|---:|:---:|---|---|"]
        rows += [
            f"| {s.index} | {s.score:.{TABLE_DIGITS}f} | {'✓' if s.selected else ''} | "
            f"{_markdown_cell(terms_cell(s))} | {_markdown_cell(s.text)} |"
            for s in summary.all_sentences
        ]
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_text(
    summary: Summary,
    fmt: str,
    source: Optional[str] = None,
    extra: Optional[Mapping[str, Any]] = None,
    display: Display = PLAIN,
) -> str:
    """Render in a text format: ``plain``, ``json``, ``jsonl`` or
    ``markdown``; ``extra`` adds keys to JSON only (see ``summary_dict``),
    ``display`` applies to plain and Markdown only."""
    if fmt == "json":
        return render_json(summary, source, extra)
    if fmt == "jsonl":
        return json_line(summary_dict(summary, source, extra=extra))
    if fmt == "markdown":
        return render_markdown(summary, display)
    if fmt == "plain":
        return render_plain(summary, display)
    raise ValueError(f"not a text format: {fmt!r}")
