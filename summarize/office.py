"""DOCX and EPUB → documents, with the standard library only.

Both formats are zip files of XML.  They are opened with ``zipfile`` and
parsed with ``xml.etree.ElementTree``, after two checks that make the
parsing safe without defusedxml:

* **sizes**: a member larger than ``MAX_MEMBER_BYTES`` uncompressed, or a
  file whose members add up to more than ``MAX_TOTAL_BYTES``, is refused
  (``zipfile`` never reads past a member's declared size, so the declared
  sizes are the ones that count: no zip bomb).
* **entities**: a part that declares entities (``<!ENTITY``) is refused.
  Neither format uses them, and they are what the "billion laughs" and
  quadratic-blowup attacks need; ElementTree never fetches external
  entities or DTDs.

The text holds one paragraph per block, separated by a blank line; a line
break inside a paragraph is a space.  Headings, tables and notes are not
prose: they are left out (the first heading may give the title).

**DOCX**: the main part named by ``_rels/.rels``; body paragraphs in order,
including those inside content controls (``w:sdt``) and inserted (tracked)
runs; not deleted runs, field instructions, tables, headers, footers,
footnotes or comments.  Headings are known by their style's name
(``heading N``, ``Title``, ``Subtitle``: names are English even where style
ids are localised) or an outline level.  Title: ``dc:title`` in
``docProps/core.xml``, else the first paragraph in the ``Title`` style.

**EPUB** (2 and 3): the package document named by
``META-INF/container.xml``; content documents in **spine** order (not
manifest order), without those marked ``linear="no"`` (covers) and the
navigation document.  Title: the package's first ``dc:title``, else the
first ``<h1>``.  An EPUB whose chapters are encrypted (DRM) is refused as
such.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from io import BytesIO
from typing import Callable, Dict, Iterator, List, Optional, Tuple
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from .document import Document, TitledText, checked
from .errors import InputError, about

MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""The largest part of a DOCX or EPUB read, uncompressed."""

MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""The largest DOCX or EPUB read, all parts uncompressed."""

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"


def docx_document(data: bytes, name: str) -> Document:
    """The DOCX file ``data``, read from ``name``, as a ``Document``.
    Raises ``InputError`` for a damaged, unsafe or non-Word file and
    ``NoTextError`` when it holds no paragraph of text."""
    with about(name):
        found = _deep(read_docx, data)
    return checked(Document(name=name, text=found.text, title=found.title))


def epub_document(data: bytes, name: str) -> Document:
    """The EPUB file ``data``, read from ``name``, as a ``Document``.
    Raises as ``docx_document``."""
    with about(name):
        found = _deep(read_epub, data)
    return checked(Document(name=name, text=found.text, title=found.title))


def _deep(read: Callable[[bytes], TitledText], data: bytes) -> TitledText:
    """``read(data)``, with elements nested deeper than Python's recursion
    limit (a hostile file) refused as ``InputError``."""
    try:
        return read(data)
    except RecursionError:
        raise InputError("refused: its XML is nested too deeply") from None


# --- the zip and its XML -----------------------------------------------------------


def _open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InputError(f"not a valid {kind} file: the zip is damaged or truncated") from None
    total = 0
    for info in archive.infolist():
        if info.file_size > MAX_MEMBER_BYTES:
            raise InputError(f"refused: its part {info.filename} is {info.file_size:,} bytes uncompressed")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"refused: it is {total:,} bytes uncompressed")
    return archive


def _read(archive: zipfile.ZipFile, name: str) -> Optional[bytes]:
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError) as exc:  # bad CRC, encrypted member
        raise InputError(f"cannot read its part {name} ({exc})") from None


def parse_xml(data: bytes, name: str) -> ET.Element:
    """The XML ``data`` of the part ``name`` as an element tree.

    Raises ``InputError`` when it declares entities (see the module
    docstring) or is not well-formed.
    """
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        probe = data.decode("utf-16", errors="replace").encode("utf-8")
    if b"<!ENTITY" in probe:
        raise InputError(f"refused: its part {name} declares XML entities")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"its part {name} is not well-formed XML ({exc})") from None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _join(paragraphs: List[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


# --- DOCX ------------------------------------------------------------------------------


def read_docx(data: bytes) -> TitledText:
    """The title and paragraphs of the DOCX file ``data`` (module
    docstring).  Raises ``InputError`` for a damaged, unsafe or non-Word zip."""
    archive = _open_zip(data, "DOCX")
    main = _main_part(archive)
    xml = _read(archive, main)
    if xml is None:
        raise InputError(f"a zip file without a Word document part ({main})")
    body = parse_xml(xml, main).find(f"{W}body")
    if body is None:
        raise InputError(f"its part {main} has no document body")
    styles = _heading_styles(archive)
    title = None
    core = _read(archive, "docProps/core.xml")
    if core is not None:
        element = parse_xml(core, "docProps/core.xml").find(f"{DC}title")
        title = _clean(element.text or "") if element is not None else None
    paragraphs: List[str] = []
    for paragraph in _docx_paragraphs(body):
        text = _run_text(paragraph)
        if not text:
            continue
        kind = _paragraph_kind(paragraph, styles)
        if kind == "title" and not title:
            title = text
        elif kind == "body":
            paragraphs.append(text)
    return TitledText(title or None, _join(paragraphs))


def _main_part(archive: zipfile.ZipFile) -> str:
    rels = _read(archive, "_rels/.rels")
    if rels is not None:
        for rel in parse_xml(rels, "_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _heading_styles(archive: zipfile.ZipFile) -> Dict[str, str]:
    """Paragraph style id → ``"title"`` or ``"heading"``, for the styles
    that mark headings (by name, or by an outline level)."""
    data = _read(archive, "word/styles.xml")
    kinds: Dict[str, str] = {}
    if data is None:
        return kinds
    for style in parse_xml(data, "word/styles.xml").iter(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        name_el = style.find(f"{W}name")
        name = ((name_el.get(f"{W}val") if name_el is not None else "") or "").lower()
        if not style_id:
            continue
        if name == "title":
            kinds[style_id] = "title"
        elif name == "subtitle" or re.fullmatch(r"heading \d", name) or style.find(f"{W}pPr/{W}outlineLvl") is not None:
            kinds[style_id] = "heading"
    return kinds


def _docx_paragraphs(body: ET.Element) -> Iterator[ET.Element]:
    """The body's paragraphs in order: its own and those in content
    controls; tables are passed over."""
    for child in body:
        tag = _local(child.tag)
        if tag == "p":
            yield child
        elif tag == "sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _docx_paragraphs(content)


def _run_text(paragraph: ET.Element) -> str:
    """A paragraph's words: its text runs (not deleted text, ``w:delText``,
    nor field instructions, ``w:instrText``), tabs and breaks as spaces."""
    parts: List[str] = []
    for element in paragraph.iter():
        tag = _local(element.tag)
        if tag == "t":
            parts.append(element.text or "")
        elif tag in ("tab", "br", "cr"):
            parts.append(" ")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return _clean("".join(parts))


def _paragraph_kind(paragraph: ET.Element, styles: Dict[str, str]) -> str:
    """``"title"``, ``"heading"`` or ``"body"``, by the paragraph's style."""
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    style_id = style.get(f"{W}val") if style is not None else None
    if style_id in styles:
        return styles[style_id]
    if style_id and style_id.lower() == "title":
        return "title"
    if style_id and re.fullmatch(r"(?i)heading\d", style_id):
        return "heading"
    if paragraph.find(f"{W}pPr/{W}outlineLvl") is not None:
        return "heading"
    return "body"


# --- EPUB --------------------------------------------------------------------------------

_BLOCKS = frozenset(
    {"p", "li", "blockquote", "dd", "dt", "figcaption", "caption", "address", "div", "section", "article", "aside",
     "header", "footer", "main", "body", "ol", "ul", "dl", "figure", "nav", "center"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hgroup"})
_SKIP = frozenset({"head", "script", "style", "table", "pre", "rt", "rp", "svg", "math", "nav"})
_NOTE_TYPES = frozenset({"footnote", "endnote", "rearnote", "note", "noteref", "toc", "landmarks", "page-list", "pagebreak"})


def read_epub(data: bytes) -> TitledText:
    """The title and paragraphs of the EPUB file ``data`` (module
    docstring).  Raises ``InputError`` for a damaged, unsafe or non-EPUB zip."""
    archive = _open_zip(data, "EPUB")
    container = _read(archive, "META-INF/container.xml")
    if container is None:
        raise InputError("a zip file without META-INF/container.xml, so not an EPUB")
    rootfile = parse_xml(container, "META-INF/container.xml").find(f".//{CONTAINER}rootfile")
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    opf_data = _read(archive, opf_path) if opf_path else None
    if opf_path is None or opf_data is None:
        raise InputError("the EPUB names no package document")
    opf = parse_xml(opf_data, opf_path)
    base = posixpath.dirname(opf_path)
    title_el = opf.find(f"{OPF}metadata/{DC}title")
    title = _clean(title_el.text or "") if title_el is not None else None
    manifest = {item.get("id"): item for item in opf.iter(f"{OPF}item")}
    paragraphs: List[str] = []
    first_heading = None
    for itemref in opf.iter(f"{OPF}itemref"):
        item = manifest.get(itemref.get("idref"))
        if itemref.get("linear") == "no" or item is None:
            continue
        if "nav" in (item.get("properties") or "").split() or "html" not in (item.get("media-type") or ""):
            continue
        path = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
        content = _read(archive, path)
        if content is None:
            continue
        try:
            root = parse_xml(content, path)
        except InputError:
            if "META-INF/encryption.xml" in archive.namelist():
                raise InputError("the EPUB is encrypted (DRM): its chapters cannot be read") from None
            raise
        headings, blocks = xhtml_blocks(root)
        if headings and first_heading is None:
            first_heading = headings[0]
        paragraphs.extend(blocks)
    return TitledText(title or first_heading or None, _join(paragraphs))


def _is_note(element: ET.Element) -> bool:
    kinds = set((element.get(f"{EPUB_NS}type") or element.get("role") or "").replace("doc-", "").split())
    return bool(kinds & _NOTE_TYPES)


def _is_marker(element: ET.Element) -> bool:
    """A superscript that is a note marker (a link, or digits and signs
    alone), not an exponent or an ordinal ending."""
    if _local(element.tag) != "sup":
        return False
    text = "".join(element.itertext())
    return any(_local(c.tag) == "a" for c in element.iter()) or bool(re.fullmatch(r"[\s\d*\u2020\u2021,\[\]()]+", text))


def xhtml_blocks(root: ET.Element) -> Tuple[List[str], List[str]]:
    """``(headings, paragraphs)`` of an XHTML document, each in document
    order: the text of each block element, inline markup reduced to its
    words; notes, tables, code and furigana left out."""
    headings: List[str] = []
    paragraphs: List[str] = []

    def inline(element: ET.Element, parts: List[str]) -> None:
        for child in element:
            tag = _local(child.tag)
            if tag in _SKIP or _is_note(child) or _is_marker(child):
                pass
            elif tag == "br":
                parts.append(" ")
            else:
                parts.append(child.text or "")
                inline(child, parts)
            parts.append(child.tail or "")

    def walk(element: ET.Element) -> None:
        tag = _local(element.tag)
        if tag in _SKIP or _is_note(element):
            return
        if tag in _HEADINGS:
            parts = [element.text or ""]
            inline(element, parts)
            headings.append(_clean("".join(parts)))
            return
        has_blocks = any(_local(c.tag) in _BLOCKS | _HEADINGS | _SKIP for c in element)
        if tag in _BLOCKS and not has_blocks:
            parts = [element.text or ""]
            inline(element, parts)
            text = _clean("".join(parts))
            if re.search(r"[^\W\d_]", text):  # digits alone: a note or page number
                paragraphs.append(text)
            return
        # Mixed content: loose text between blocks is a paragraph of its own.
        loose = _clean(element.text or "")
        if loose and tag in _BLOCKS:
            paragraphs.append(loose)
        for child in element:
            walk(child)
            tail = _clean(child.tail or "")
            if tail and tag in _BLOCKS:
                paragraphs.append(tail)

    body = next((element for element in root.iter() if _local(element.tag) == "body"), root)
    walk(body)
    return headings, paragraphs
