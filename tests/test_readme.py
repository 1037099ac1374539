"""The README's pictures (docs/*.svg) show what the current code renders."""
from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("render_readme", ROOT / "scripts" / "render_readme.py")
render_readme = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_readme)  # type: ignore[union-attr]


def visible_text(svg: str) -> list:
    """The text of an SVG, in order: what a reader sees, whatever rich's version
    does to styles and ids (so a new rich release does not fail this test)."""
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("name", sorted(render_readme.PICTURES))
def test_readme_picture_is_up_to_date(name):
    committed = (ROOT / name).read_text(encoding="utf-8")
    assert ET.fromstring(committed).tag == "{http://www.w3.org/2000/svg}svg"
    fresh = render_readme.render(render_readme.PICTURES[name])
    assert visible_text(fresh) == visible_text(committed), "run python scripts/render_readme.py"


@pytest.mark.parametrize("name", sorted(render_readme.PICTURES))
def test_readme_shows_the_picture(name):
    assert f"]({name})" in (ROOT / "README.md").read_text(encoding="utf-8")
