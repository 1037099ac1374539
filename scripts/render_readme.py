"""Regenerate the README's pictures of the sample article: ``docs/*.svg``.

Each picture is ``summarize --export-svg`` of the sample with the options
below, run through the command itself, so the README shows exactly what the
current code prints on a terminal 100 columns wide.  Run it after changing
anything the rich output shows:

    python scripts/render_readme.py            # rewrite docs/*.svg
    python scripts/render_readme.py --check    # exit 1 if one is stale

``tests/test_readme.py`` checks that the pictures' text is what the current
code renders.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = "samples/libya-haftar-rome-paris.txt"

PICTURES: Dict[str, List[str]] = {
    "docs/sample-highlight.svg": ["--highlight", "--keywords", "5"],
    "docs/sample-explain.svg": ["--explain", "--keywords", "5"],
}
"""Each picture and the options it is rendered with (besides the sample)."""


def render(options: List[str]) -> str:
    """The SVG that ``summarize OPTIONS --export-svg`` writes for the sample."""
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.svg"
        subprocess.run(
            [sys.executable, "-m", "summarize", *options, "--export-svg", str(target), SAMPLE],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,  # not a terminal: the export is 100 columns wide
            check=True,
        )
        return target.read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only tell whether the pictures are up to date")
    args = parser.parse_args()
    stale = []
    for name, options in PICTURES.items():
        svg = render(options)
        path = ROOT / name
        if path.exists() and path.read_text(encoding="utf-8") == svg:
            continue
        stale.append(name)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(svg, encoding="utf-8")
            print(f"wrote {name}")
    if args.check and stale:
        print(f"stale: {', '.join(stale)} (run python scripts/render_readme.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
