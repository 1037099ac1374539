"""Import rules: which module may import what, and a cheap start-up."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

PACKAGE = Path(__file__).resolve().parents[1] / "summarize"
MODULES = sorted(p for p in PACKAGE.glob("*.py"))

# summarize.dask, the public face of runs on a cluster, and its private rooms.
DASK_ROOM = ("dask.py", "_dask_plan.py", "_dask_task.py", "_dask_parquet.py", "_dask_manifest.py", "_dask_cluster.py")

# Third-party packages each module may import (at any depth in the module).
ALLOWED = {
    "cli.py": {"click"},
    "terminal.py": {"rich"},
    "_punkt.py": {"nltk"},  # type names only; see the test below
    "extract.py": {"trafilatura"},  # the web extra, imported when a page is met
    "markdown.py": {"markdown_it"},  # comes with rich; imported when Markdown is met
    "pdf.py": {"pypdfium2"},  # the pdf extra, imported when a PDF is met
    # the dask and parquet extras, for --scheduler: summarize.dask and its rooms
    **{name: {"dask", "distributed", "fsspec", "pyarrow"} for name in DASK_ROOM},
}
THIRD_PARTY = {"click", "rich", "nltk", "trafilatura", "lxml", "readability", "justext", "markdown_it", "pypdfium2",
               "reportlab", "docx", "dask", "distributed", "fsspec", "pyarrow", "s3fs", "gcsfs", "moto", "boto3"}


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
                else:  # from . import x: x may be a module or a package attribute (__version__)
                    internal.update(a.name for a in node.names if (PACKAGE / f"{a.name}.py").exists())
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


@pytest.mark.parametrize("path", [p for p in MODULES if p.name not in DASK_ROOM], ids=lambda p: p.name)
def test_only_summarize_dask_imports_its_rooms(path):
    # The command and the library reach runs on a cluster through the face.
    _, internal = imported_roots(path)
    assert not {name for name in internal if name.startswith("_dask_")}


# The layers of the package, lowest first (docs/architecture.md draws them).
# A module imports modules of its own layer or of lower layers only, at any
# depth (lazy imports inside functions count too).
LAYERS = {
    "foundation": {"errors", "datafiles", "languages", "nltk_modules", "budget"},
    "stages": {"layout", "_line_rules", "_punkt", "_cuts", "_corrections", "sentences", "terms", "boilerplate", "ranking", "scoring",
               "similarity", "selection", "core"},
    "input": {"document", "decoding", "formats", "plaintext", "markdown", "office", "pdf", "pdf_layout", "web", "html_sniff",
              "page_titles", "page_furniture", "extract", "pages", "sources", "datasets", "walk"},
    "document path": {"outcome"},
    "output": {"render", "terminal", "outputs"},
    "many documents": {"workers", "batch", "dask", "_dask_plan", "_dask_task", "_dask_parquet", "_dask_manifest",
                       "_dask_cluster"},
    "command": {"environment", "cli", "__main__"},
}
LAYER_OF = {module: rank for rank, modules in enumerate(LAYERS.values()) for module in modules}
STAGES = LAYERS["stages"]
INPUT = LAYERS["input"]


def test_every_module_has_a_layer():
    modules = {path.stem for path in MODULES} - {"__init__"}
    assert modules == set(LAYER_OF)


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_imports_flow_down_the_layers(path):
    if path.stem == "__init__":
        return  # the public face: it names what it exports from any layer
    _, internal = imported_roots(path)
    upward = {name for name in internal if LAYER_OF.get(name, -1) > LAYER_OF[path.stem]}
    assert upward == set()


@pytest.mark.parametrize("path", [p for p in MODULES if p.stem in STAGES], ids=lambda p: p.name)
def test_stages_import_nothing_of_input_output_or_the_command(path):
    _, internal = imported_roots(path)
    assert internal <= LAYERS["foundation"] | STAGES


@pytest.mark.parametrize("path", [p for p in MODULES if p.stem in INPUT], ids=lambda p: p.name)
def test_input_modules_import_neither_rendering_nor_the_core(path):
    # A reader makes Documents; it never needs the core's output types.
    _, internal = imported_roots(path)
    assert internal <= LAYERS["foundation"] | INPUT


def runtime_imports(path: Path) -> set:
    """Top-level packages ``path`` imports outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    roots = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_nltk_is_loaded_only_through_nltk_modules(path):
    # nltk_modules.load imports Punkt and Porter without nltk/__init__.py
    # (which imports most of NLTK, and numpy and scipy when installed).
    assert "nltk" not in runtime_imports(path)


def loaded_after(code: str, env: dict | None = None) -> tuple:
    """(top-level packages in ``sys.modules`` after running ``code``, its stdout before that)."""
    probe = (
        "import sys\n"
        f"{code}\n"
        "import json\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    env = {**os.environ, **(env or {})}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env).stdout
    *printed, modules = out.splitlines()
    return json.loads(modules), "\n".join(printed)


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_neither_nltk_nor_rich(flag):
    code = (
        "from summarize.cli import cli\n"
        f"try:\n    cli.main([{flag!r}], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    loaded, _ = loaded_after(code)
    assert not {"nltk", "rich", "trafilatura", "lxml", "markdown_it", "pypdfium2"} & set(loaded)
    assert not {"dask", "distributed", "fsspec", "pyarrow"} & set(loaded)


def cli_run(path: Path) -> str:
    return (
        "from summarize.cli import cli\n"
        f"try:\n    cli.main([{str(path)!r}, '-f', 'plain'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )


def test_text_input_does_not_import_the_web_extra(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title line\n\nOne sentence here. Another one there. A third.", encoding="utf-8")
    loaded, printed = loaded_after(cli_run(path))
    assert "One sentence here." in printed  # the run did happen
    assert not {"trafilatura", "lxml", "htmldate", "courlan", "markdown_it", "pypdfium2"} & set(loaded)
    assert not {"dask", "distributed", "fsspec", "pyarrow"} & set(loaded)


@pytest.mark.parametrize("name", ["libya-haftar-rome-paris.txt", "fr-conseil-municipal-pistes.txt"])
def test_a_run_does_not_import_all_of_nltk(name):
    loaded, printed = loaded_after(cli_run(SAMPLES / name))
    assert printed  # Punkt and Porter, or Snowball, did their work
    assert not {"nltk", "numpy", "scipy"} & set(loaded)


def test_full_nltk_import_gives_the_same_summary(sample_path):
    shallow_loaded, shallow = loaded_after(cli_run(sample_path))
    full_loaded, full = loaded_after(cli_run(sample_path), env={"SUMMARIZE_FULL_NLTK": "1"})
    assert "nltk" in full_loaded and "nltk" not in shallow_loaded  # both paths were taken
    assert full == shallow


def test_importing_the_package_is_cheap():
    loaded, _ = loaded_after("import summarize")
    assert not {"nltk", "rich", "click"} & set(loaded)
