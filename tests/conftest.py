"""Shared fixtures: paths to the sample articles and a small synthetic one."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLES / "libya-haftar-rome-paris.txt"


@pytest.fixture
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


_TOPICS = [
    "The harbor board approved a dredging plan for the inner channel.",
    "Local fishermen worried about noise from the heavy machinery.",
    "A state grant will cover most of the construction budget.",
    "Engineers measured the water depth at several tidal points.",
    "Ferry operators expect shorter delays once the work is done.",
    "Environmental groups asked for monitoring of the sediment.",
    "The mayor praised volunteers who cleaned the northern beach.",
    "Shipping traffic usually slows during the winter storm season.",
    "Residents can read every document on the city website.",
    "Critics argued that the survey data was already two years old.",
    "Tourism officials hope larger cruise vessels will visit.",
    "The contract names a firm from the neighbouring county.",
]


def _numbered_text(count: int) -> str:
    return "\n\n".join(_TOPICS[i] for i in range(count))


@pytest.fixture
def numbered_text():
    """A function: ``count`` -> that many distinct sentences, one paragraph each."""
    return _numbered_text


# --- documents the tests write (tests/make_documents.py) ---------------------------


@pytest.fixture(scope="session")
def sources():
    """The samples as ``make_documents.SourceText``, by name."""
    from make_documents import samples

    return {source.name: source for source in samples()}


PDF_LAYOUTS = {
    # Times, a metadata title, a running header, page-number footers, gaps between paragraphs.
    "plain": lambda source: dict(metadata_title=source.title),
    # An embedded subset font, no metadata title (the large first line is the title),
    # alternating headers with the page number, indented paragraphs, the header drawn last.
    "book": lambda source: dict(embed_font=True, alternate_header=True, indent_paragraphs=True, header_after_body=True),
    # Two columns, a producer's placeholder title, "Page N" footers.
    "twocol": lambda source: dict(
        metadata_title="Microsoft Word - draft3.docx", columns=2, footer="page-word", page_size=(360.0, 260.0), font_size=9.0
    ),
}


@pytest.fixture(scope="session")
def pdf_files(tmp_path_factory, sources):
    """``(sample name, layout name) -> path`` of a PDF generated with reportlab."""
    pytest.importorskip("reportlab")
    from make_documents import PdfLayout, make_pdf

    folder = tmp_path_factory.mktemp("pdf")
    return {
        (name, layout): make_pdf(folder / f"{name}-{layout}.pdf", source, PdfLayout(**options(source)))
        for name, source in sources.items()
        for layout, options in PDF_LAYOUTS.items()
    }
