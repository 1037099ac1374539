"""PDF → a document: page text in reading order, without the page furniture.

Two layers:

* **The backend**, ``pdfium_text``: pypdfium2 (the ``pdf`` extra, PDFium's
  own text extraction, Apache-2.0/BSD-3-Clause) turns the file into a
  ``PdfText``: each page's lines with where they start, the metadata title,
  and the first page's text runs with their font sizes.  Imported only when
  a PDF is met.
* **Post-processing**, ``pdf_layout.pdf_text``: pure functions on
  ``PdfText``, whatever the library: the title (metadata, else the large
  first line), page furniture (numbers, running heads) dropped,
  paragraphs rebuilt from line widths, gaps and indents, hyphenation at
  line ends undone (see ``pdf_layout``).
"""
from __future__ import annotations

import re
from typing import Any, List, Optional, Tuple

from .document import Document, checked
from .errors import InputError, MissingExtraError, NoTextError
from .pdf_layout import PdfText, Point, pdf_text

INSTALL_HINT = "pip install 'summarize[pdf]'"


def pdf_document(data: bytes, name: str) -> Document:
    """The PDF ``data``, read from ``name``, as a ``Document`` (module
    docstring).  Raises ``MissingExtraError`` without the ``pdf`` extra,
    ``InputError`` for a damaged or encrypted file, ``NoTextError`` for a
    PDF without a text layer (scanned pages)."""
    found = pdf_text(pdfium_text(data, name))
    if not found.text.strip():
        raise NoTextError("no text in the PDF (scanned pages without a text layer need OCR first)", source=name)
    return checked(Document(name=name, text=found.text, title=found.title))


# --- the backend ---------------------------------------------------------------------


def _pdfium() -> Tuple[Any, Any]:
    """``(pypdfium2, pypdfium2.raw)``; ``MissingExtraError`` without them."""
    try:
        import pypdfium2
        import pypdfium2.raw as raw
    except ImportError:
        raise MissingExtraError(f"reading PDF needs the pdf extra: {INSTALL_HINT}") from None
    return pypdfium2, raw


def pdfium_text(data: bytes, name: str) -> PdfText:
    """``PdfText`` of the PDF ``data`` (read from ``name``), read with
    pypdfium2.  Raises ``MissingExtraError`` without it, ``InputError`` for
    a file PDFium cannot open (damaged, or encrypted with a password).

    PDFium joins a line that ends in a hyphen with the next one and marks
    the hyphen U+FFFE (U+0002 before pypdfium2 5); the line break is put
    back so that the hyphen rule (module docstring, step 4) decides.
    """
    pdfium, raw = _pdfium()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(_open_failure(str(exc)), source=name) from None
    try:
        pages: List[Tuple[str, ...]] = []
        all_starts: List[Tuple[Optional[Point], ...]] = []
        runs: List[Tuple[str, float]] = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\x02", "\ufffe")
            if index == 0:
                runs = _pdfium_runs(textpage, raw)
            # Character i of the text is character i of the text page, so
            # a line's first character gives its position.
            lines: List[str] = []
            starts: List[Optional[Point]] = []
            for match in re.finditer(r"[^\r\n\ufffe]*(?:\ufffe|\r\n|\r|\n|\Z)", text):
                chunk = match.group(0)
                if not chunk:
                    continue
                line = chunk.rstrip("\r\n").replace("\ufffe", "-")
                lines.append(line)
                if line.strip():
                    starts.append(_pdfium_origin(textpage, match.start() + len(line) - len(line.lstrip()), raw))
                else:
                    starts.append(None)
            textpage.close()
            page.close()
            pages.append(tuple(lines))
            all_starts.append(tuple(starts))
        title = pdf.get_metadata_dict().get("Title")
        return PdfText(tuple(pages), title or None, tuple(runs), tuple(all_starts))
    except pdfium.PdfiumError as exc:
        raise InputError(f"cannot read the PDF ({exc})", source=name) from None
    finally:
        pdf.close()


def _open_failure(reason: str) -> str:
    """What to say when PDFium cannot open a file, from its ``reason``."""
    if "password" in reason.lower() or "security" in reason.lower():
        return "the PDF is encrypted (it needs a password); save an unprotected copy"
    return f"not a readable PDF: damaged or not a PDF ({reason})"


def _pdfium_origin(textpage: Any, index: int, raw: Any) -> Point:
    """The baseline origin of character ``index`` (its glyph box would move
    with descenders)."""
    import ctypes

    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def _pdfium_runs(textpage: Any, raw: Any) -> List[Tuple[str, float]]:
    """Runs of characters of one font size on a PDFium text page, in order;
    white space inside a run is a space."""
    runs: List[Tuple[str, float]] = []
    chars: List[str] = []
    size: Optional[float] = None
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage, i)
        char = chr(code) if code else ""
        if not char or char.isspace():
            chars.append(" ")
            continue
        char_size = round(raw.FPDFText_GetFontSize(textpage, i), 1)
        if size is not None and char_size != size:
            runs.append(("".join(chars), size))
            chars = []
        size = char_size
        chars.append(char)
    if chars and size is not None:
        runs.append(("".join(chars), size))
    return runs
