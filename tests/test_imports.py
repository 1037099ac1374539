"""Import rules: which module may import what, and a cheap start-up."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "summarize"
MODULES = sorted(p for p in PACKAGE.glob("*.py"))

# Third-party packages each module may import (at any depth in the module).
ALLOWED = {
    "cli.py": {"click"},
    "render.py": {"rich"},
    "batch.py": {"rich"},
    "sentences.py": {"nltk"},
    "terms.py": {"nltk"},
    "extract.py": {"trafilatura"},  # the web extra, imported when a page is met
}
THIRD_PARTY = {"click", "rich", "nltk", "trafilatura", "lxml", "readability", "justext"}


def imported_roots(path: Path) -> tuple:
    """(top-level external packages, summarize submodules) imported by ``path``."""
    external, internal = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                external.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.module:
                    internal.add(node.module.split(".")[0])
                else:
                    internal.update(a.name for a in node.names)
            elif node.module:
                external.add(node.module.split(".")[0])
    return external, internal


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_module_imports_only_its_allowed_third_party_packages(path):
    external, _ = imported_roots(path)
    assert external & THIRD_PARTY <= ALLOWED.get(path.name, set())


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_nothing_but_the_entry_point_imports_the_cli(path):
    _, internal = imported_roots(path)
    if path.name != "__main__.py":
        assert "cli" not in internal


def loaded_after(code: str) -> list:
    probe = (
        "import sys\n"
        f"{code}\n"
        "import json\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_neither_nltk_nor_rich(flag):
    code = (
        "from summarize.cli import cli\n"
        f"try:\n    cli.main([{flag!r}], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    loaded = loaded_after(code)
    assert not {"nltk", "rich", "trafilatura", "lxml"} & set(loaded)


def test_text_input_does_not_import_the_web_extra(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title line\n\nOne sentence here. Another one there. A third.", encoding="utf-8")
    code = (
        "from summarize.cli import cli\n"
        f"try:\n    cli.main([{str(path)!r}, '-f', 'plain'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    loaded = loaded_after(code)
    assert "nltk" in loaded  # the run did happen
    assert not {"trafilatura", "lxml", "htmldate", "courlan"} & set(loaded)


def test_importing_the_package_is_cheap():
    loaded = loaded_after("import summarize")
    assert not {"nltk", "rich", "click"} & set(loaded)
