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


def _numbered_text(count: int) -> str:
    return "\n\n".join(
        f"The harbor board met on day {i} to discuss dredging plan number {i}." for i in range(count)
    )


@pytest.fixture
def numbered_text():
    """A function: ``count`` -> that many distinct sentences, one paragraph each."""
    return _numbered_text
