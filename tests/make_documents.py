"""Documents the tests write: PDF, DOCX, EPUB, a Project Gutenberg e-book
and a transcript, made from the project's own ``samples/*.txt`` (title on
the first line, paragraphs separated by blank lines).  Nothing here is
checked in as a binary.

* ``make_pdf`` needs reportlab (BSD, in the test extra): justified,
  hyphenated lines (soft hyphens placed by ``soft_hyphenate``), a large
  title line, running headers and footers with page numbers, optional two
  columns, an optional embedded TrueType font (reportlab ships Bitstream
  Vera), a metadata title on request.
* ``make_docx`` and ``make_epub`` write the zip files by hand (standard
  library only); the EPUB's manifest order differs from its spine order on
  purpose.
* ``make_gutenberg`` dresses a sample as a Project Gutenberg plain-text
  book (header, START/END lines, licence: our own wording, shaped like the
  real one); ``TRANSCRIPT`` is a briefing with speaker labels.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_VOWELS = set("aeiouyAEIOUY")
# Consonant pairs that spell one sound: never split.
_DIGRAPHS = {"ch", "ck", "gh", "ph", "sh", "th", "wh", "qu"}


@dataclass(frozen=True)
class SourceText:
    """A sample: ``title`` and ``paragraphs`` (each one line of text)."""

    name: str
    title: str
    paragraphs: Tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def read_sample(path: Path) -> SourceText:
    """A sample file as title + paragraphs; wrapped lines are joined."""
    text = path.read_text(encoding="utf-8")
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    # A list written one item per line stays one paragraph per item.
    paragraphs: List[str] = []
    for raw in re.split(r"\n\s*\n", text)[1:]:
        lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
        if lines and all(re.match(r"\d+\.\s", line) for line in lines):
            paragraphs.extend(lines)
        elif lines:
            paragraphs.append(" ".join(" ".join(lines).split()))
    return SourceText(path.stem, blocks[0], tuple(paragraphs))


def samples() -> List[SourceText]:
    return [read_sample(p) for p in sorted(SAMPLES.glob("*.txt"))]


def soft_hyphenate(text: str, min_length: int = 7) -> str:
    """``text`` with soft hyphens (U+00AD) at plausible syllable breaks.

    A deliberately simple rule (no dictionary, so no licence question):
    in an alphabetic word of at least ``min_length`` letters, break before a
    consonant that sits between two vowels (V-CV) and between two
    consonants that sit between vowels (VC-CV), keeping at least three
    letters on each side.  Enough to make a typesetter break words at line
    ends the way real books do.
    """

    def word(match: "re.Match[str]") -> str:
        w = match.group(0)
        if len(w) < min_length:
            return w
        cuts = []
        for i in range(3, len(w) - 2):
            a, b, c = w[i - 1], w[i], w[i + 1]
            if a in _VOWELS and b not in _VOWELS and c in _VOWELS:
                cuts.append(i)  # V-CV: "ho-tel"
            elif (
                w[i - 2] in _VOWELS and a not in _VOWELS and b not in _VOWELS and c in _VOWELS
                and (a + b).lower() not in _DIGRAPHS
            ):
                cuts.append(i)  # VC-CV: "win-dow"
        out, last = [], 0
        for cut in cuts:
            if cut - last >= 2:
                out.append(w[last:cut])
                last = cut
        out.append(w[last:])
        return "\u00ad".join(out)

    # Only plain words: typesetters leave URLs, addresses and numbers whole.
    return " ".join(
        token if re.search(r"[/@:0-9]", token) else re.sub(r"[A-Za-z]+", word, token) for token in text.split(" ")
    )


# --- PDF (reportlab) --------------------------------------------------------


@dataclass(frozen=True)
class PdfLayout:
    """How ``make_pdf`` lays a text out.

    ``metadata_title``: the /Title in the document information (None: none
    written).  ``header``: the running header text (None: no header);
    ``alternate_header`` makes even pages show ``header`` and odd pages the
    title, as books do.  ``footer``: ``"number"`` (a page number alone),
    ``"page-word"`` ("Page 2") or None.  ``columns``: 1 or 2.
    ``indent_paragraphs``: book style (first-line indent, no gap) instead
    of a gap between paragraphs.  ``embed_font``: Bitstream Vera embedded
    as a subset (ToUnicode map), else the standard Times font.
    ``page_size`` in points; small pages give several pages from a sample.
    ``header_after_body``: draw the running header at the end of the page's
    content stream (as some producers do), not at its start.
    """

    metadata_title: Optional[str] = None
    header: Optional[str] = "Sample Press Quarterly"
    alternate_header: bool = False
    footer: Optional[str] = "number"
    columns: int = 1
    indent_paragraphs: bool = False
    embed_font: bool = False
    page_size: Tuple[float, float] = (252.0, 324.0)  # 3.5 x 4.5 in: several pages per sample
    header_after_body: bool = False
    font_size: float = 10.5
    title_size: float = 17.0


def zip_of(**members: str) -> bytes:
    """A zip archive of ``members`` (``__`` in a name stands for ``/``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


def make_pdf(path: Path, source: SourceText, layout: PdfLayout = PdfLayout(), *, repeat: int = 1) -> Path:
    """Write ``source`` to ``path`` as a PDF laid out by ``layout``;
    ``repeat`` > 1 repeats the body (for long benchmark files)."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    import reportlab

    if layout.embed_font:
        fonts_dir = Path(reportlab.__file__).parent / "fonts"
        pdfmetrics.registerFont(TTFont("Vera", str(fonts_dir / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", str(fonts_dir / "VeraBd.ttf")))
        body_font, bold_font = "Vera", "Vera-Bold"
    else:
        body_font, bold_font = "Times-Roman", "Times-Bold"

    width, height = layout.page_size
    margin = 24.0
    gap = 12.0
    frame_top = height - margin - 14  # room for the header
    frame_bottom = margin + 10  # room for the footer
    frame_height = frame_top - frame_bottom
    if layout.columns == 2:
        col = (width - 2 * margin - gap) / 2
        frames = [
            Frame(margin, frame_bottom, col, frame_height, id="left", leftPadding=0, rightPadding=0),
            Frame(margin + col + gap, frame_bottom, col, frame_height, id="right", leftPadding=0, rightPadding=0),
        ]
    else:
        frames = [Frame(margin, frame_bottom, width - 2 * margin, frame_height, id="body", leftPadding=0, rightPadding=0)]

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(body_font, 7)
        page = canvas.getPageNumber()
        if layout.header:
            text = source.title if (layout.alternate_header and page % 2) else layout.header
            canvas.drawString(margin, height - margin, text)
            canvas.drawRightString(width - margin, height - margin, str(page) if layout.alternate_header else "")
        if layout.footer == "number":
            canvas.drawCentredString(width / 2, margin - 6, str(page))
        elif layout.footer == "page-word":
            canvas.drawCentredString(width / 2, margin - 6, f"Page {page}")
        canvas.restoreState()

    on_start = (lambda c, d: None) if layout.header_after_body else furniture
    on_end = furniture if layout.header_after_body else (lambda c, d: None)
    doc = BaseDocTemplate(
        str(path),
        pagesize=layout.page_size,
        title=layout.metadata_title or "",
        author="Sample Press",
        creator="tests/make_documents.py",
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=on_start, onPageEnd=on_end)])
    body_style = ParagraphStyle(
        "body",
        fontName=body_font,
        fontSize=layout.font_size,
        leading=layout.font_size * 1.22,
        alignment=TA_JUSTIFY,
        embeddedHyphenation=1,
        firstLineIndent=12 if layout.indent_paragraphs else 0,
        spaceAfter=0 if layout.indent_paragraphs else layout.font_size * 0.6,
    )
    title_style = ParagraphStyle(
        "title", fontName=bold_font, fontSize=layout.title_size, leading=layout.title_size * 1.2, spaceAfter=10
    )
    story = [Paragraph(escape(source.title), title_style)]
    for _ in range(repeat):
        for paragraph in source.paragraphs:
            story.append(Paragraph(escape(soft_hyphenate(paragraph)), body_style))
    doc.build(story)
    return path


# --- DOCX -------------------------------------------------------------------

_DOCX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_runs(text: str) -> str:
    """``text`` as runs: split in several runs (as Word does after edits),
    one word in italics, a soft hyphen and a line break element kept."""
    words = text.split(" ")
    half = max(1, len(words) // 2)
    first, second = " ".join(words[:half]) + " ", " ".join(words[half:])
    return (
        f'<w:r><w:t xml:space="preserve">{escape(first)}</w:t></w:r>'
        f'<w:r><w:rPr><w:i/></w:rPr><w:t>{escape(second)}</w:t></w:r>'
    )


def make_docx(
    path: Path,
    source: SourceText,
    *,
    core_title: Optional[str] = None,
    title_style: bool = True,
    extras: bool = True,
) -> Path:
    """Write ``source`` as a minimal WordprocessingML package by hand.

    The title paragraph uses the ``Title`` style when ``title_style``;
    ``core_title`` goes to ``docProps/core.xml`` (``dc:title``).  With
    ``extras`` the body also holds what real files hold: a table (not
    prose), an empty paragraph, a tab, a manual line break inside a
    paragraph, a field code, and a deleted run (tracked change) that must
    not appear.
    """
    paras = []
    style = '<w:pPr><w:pStyle w:val="Title"/></w:pPr>' if title_style else ""
    paras.append(f"<w:p>{style}<w:r><w:t>{escape(source.title)}</w:t></w:r></w:p>")
    for i, paragraph in enumerate(source.paragraphs):
        paras.append(f"<w:p>{_docx_runs(paragraph)}</w:p>")
        if extras and i == 0:
            paras.append("<w:p/>")
            paras.append(
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc>"
                "<w:tc><w:p><w:r><w:t>Cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            )
            paras.append(
                "<w:p><w:r><w:t>Kept</w:t></w:r><w:r><w:tab/><w:t>after a tab</w:t></w:r>"
                "<w:r><w:br/><w:t>and after a line break.</w:t></w:r>"
                '<w:del w:id="1" w:author="x"><w:r><w:delText>DELETED WORDS</w:delText></w:r></w:del>'
                "</w:p>"
            )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(paras)}<w:sectPr/></w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        + (f"<dc:title>{escape(core_title)}</dc:title>" if core_title else "")
        + "<dc:creator>Sample Press</dc:creator></cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", core)
    return path


# --- EPUB -------------------------------------------------------------------


def make_epub(path: Path, chapters: Sequence[SourceText], *, book_title: str, epub2: bool = False) -> Path:
    """Write an EPUB (3, or 2 with ``epub2``) by hand: ``mimetype`` first
    and stored, ``META-INF/container.xml``, an OPF with ``dc:title``, one
    XHTML file per chapter.  The manifest lists the chapters in reverse
    order and a navigation document first, so only the spine gives the
    reading order; the nav document is not in the spine (EPUB 3) and the
    cover page is ``linear="no"``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        items, spine = [], []
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        items.append('<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>')
        for i in reversed(range(len(chapters))):
            items.append(f'<item id="c{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>')
        spine.append('<itemref idref="cover" linear="no"/>')
        spine.extend(f'<itemref idref="c{i}"/>' for i in range(len(chapters)))
        version = "2.0" if epub2 else "3.0"
        z.writestr(
            "OEBPS/content.opf",
            f'<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:identifier id=\"id\">urn:uuid:0</dc:identifier><dc:title>{escape(book_title)}</dc:title>"
            "<dc:language>en</dc:language></metadata>"
            f"<manifest>{''.join(items)}</manifest><spine>{''.join(spine)}</spine></package>",
        )
        z.writestr(
            "OEBPS/nav.xhtml",
            _xhtml("Contents", '<nav epub:type="toc"><ol>'
                   + "".join(f'<li><a href="text/ch{i}.xhtml">{escape(c.title)}</a></li>' for i, c in enumerate(chapters))
                   + "</ol></nav>"),
        )
        z.writestr("OEBPS/cover.xhtml", _xhtml("Cover", f"<p>{escape(book_title)}</p><p>Cover page</p>"))
        for i, chapter in enumerate(chapters):
            body = f"<h1>{escape(chapter.title)}</h1>"
            for j, paragraph in enumerate(chapter.paragraphs):
                if j == 0:
                    # Markup real books have: spans, emphasis, a soft hyphen, an entity.
                    words = paragraph.split(" ")
                    body += f'<p class="first"><span class="dropcap">{escape(words[0])}</span> <em>{escape(" ".join(words[1:]))}</em></p>'
                else:
                    body += f"<p>{escape(paragraph)}</p>"
            body += '<div class="footnote"><p><a href="#r1" epub:type="noteref">1</a></p></div>'
            z.writestr(f"OEBPS/text/ch{i}.xhtml", _xhtml(chapter.title, body))
    return path


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html>'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{escape(title)}</title><style>p {{ margin: 0 }}</style></head><body>{body}</body></html>"
    )


# --- plain-text kinds ----------------------------------------------------------


def make_gutenberg(source: SourceText, *, author: str = "A. Sample", width: int = 70) -> str:
    """``source`` dressed as a Project Gutenberg plain-text e-book: the
    header with ``Title:``/``Author:`` fields, the START line, producer
    credits, a title page and contents, chapter headings, ``_italics_``
    and an ``[Illustration]``, the body hard-wrapped at ``width``, the END
    line and a licence (our own wording, shaped like the real one)."""
    import textwrap

    def wrap(paragraph: str) -> str:
        return textwrap.fill(paragraph, width=width)

    half = max(1, len(source.paragraphs) // 2)
    chapters = [source.paragraphs[:half], source.paragraphs[half:]]
    parts = [
        f"The Project Gutenberg eBook of {source.title}, by {author}",
        wrap("This ebook is for the use of anyone anywhere in the United States and most other parts of "
             "the world at no cost and with almost no restrictions whatsoever. You may copy it, give it "
             "away or re-use it under the terms of the Project Gutenberg License included with this ebook."),
        f"Title: {source.title}\n\nAuthor: {author}\n\nRelease date: January 1, 2001 [eBook #99999]\n\nLanguage: English",
        f"*** START OF THE PROJECT GUTENBERG EBOOK {source.title.upper()} ***",
        "Produced by Volunteers at a Sample Library",
        f"{source.title.upper()}\n\nBY\n\n{author.upper()}",
        "CONTENTS\n\n  CHAPTER I.   The Beginning\n  CHAPTER II.  The End",
    ]
    for number, paragraphs in zip(("I", "II"), chapters):
        parts.append(f"CHAPTER {number}.")
        parts.append("[Illustration: A harbour at dawn]")
        for i, paragraph in enumerate(paragraphs):
            if i == 0:
                words = paragraph.split(" ")
                words[1] = f"_{words[1]}_" if len(words) > 2 else words[1]
                paragraph = " ".join(words)
            parts.append(wrap(paragraph))
    parts.append(f"*** END OF THE PROJECT GUTENBERG EBOOK {source.title.upper()} ***")
    parts.append(wrap("Updated editions will replace the previous one. Creating the works from print editions "
                      "not protected by copyright law means that no one owns a United States copyright in these "
                      "works, so the Foundation can copy and distribute it without permission and without paying "
                      "copyright royalties. Please read this license before you distribute or use this work."))
    parts.append("START: FULL LICENSE")
    return "\n\n".join(parts) + "\n"


TRANSCRIPT = """Press Briefing on the Harbor Dredging Plan

THE CHAIR: Good morning, everyone. The board voted seven to two on Tuesday to approve the dredging plan for the inner channel.
(Applause.)

THE CHAIR: The work is expected to start in the spring, and the state will share the cost.

Q: How deep is the channel today?

DR. ALVAREZ: We measured a little over three meters at low tide in some places. That is not enough for the ferries that most residents actually use.

Q: Why not wait until after the storm season?

DR. ALVAREZ: Because the survey shows the channel losing depth every year. [crosstalk] Waiting would make the dredging larger and more expensive.

MR. THOMPSON: The survey is two years old. I still think the work could wait until the winter, when traffic is lighter.

[00:12:41] THE CHAIR: Thank you all. The documents are posted on the city website.
"""
