"""Issue 16, time: work grows linearly with the input, whatever its shape.

Time is CPU time (``_reliability.child_cpu_seconds``), not wall time, and
every bound is far from what linear work costs: a test fails on a quadratic
(or worse) shape, not on a busy machine.  Growth tests compare the same work
at two sizes ten times apart: linear work grows about 10x (10-13x with the
sorting involved), quadratic work about 100x.
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import time
from importlib import resources

import pytest

from _regex_examples import recipes
from _reliability import child_cpu_seconds, error_lines, run_summarize

GROWTH_LIMIT = 30.0
"""Largest CPU-time ratio accepted between two sizes ten times apart."""

# --- boilerplate patterns ------------------------------------------------------------


def boilerplate_patterns() -> list:
    """The patterns of every language's summarize/data/<language>/boilerplate.txt,
    as the files document them."""
    patterns = []
    for folder in sorted(resources.files("summarize").joinpath("data").iterdir(), key=lambda entry: entry.name):
        path = folder.joinpath("boilerplate.txt")
        if folder.is_dir() and path.is_file():
            text = path.read_text(encoding="utf-8")
            patterns += [entry for entry in (line.split("#", 1)[0].strip() for line in text.splitlines()) if entry]
    assert patterns
    return patterns


def _applications(pattern: str) -> list:
    """How the pattern is applied: matched from the sentence's start (as the
    file says) and, for a ``.*`` pattern, its rest searched for anywhere."""
    forms = [("match", re.compile(pattern, re.IGNORECASE).match)]
    if pattern.startswith(".*"):
        forms.append(("search", re.compile(pattern[2:], re.IGNORECASE).search))
    return forms


def _cpu(function, text: str) -> float:
    started = time.process_time()
    function(text)
    return time.process_time() - started


SMALL, LARGE = 10_000, 100_000
SMALL_CAP, LARGE_CAP = 0.2, 1.0  # CPU seconds: linear patterns take under 0.03 s at 100 KB


@pytest.mark.parametrize("pattern", boilerplate_patterns())
def test_boilerplate_pattern_is_linear_on_adversarial_strings(pattern):
    # Every recipe at 10 KB; the five costliest again at 100 KB.  Stops at
    # the first string over its cap, so a quadratic pattern fails in seconds.
    for how, apply in _applications(pattern):
        costs = []
        for label, make in recipes(pattern, re.IGNORECASE):
            seconds = _cpu(apply, make(SMALL))
            assert seconds < SMALL_CAP, f"{how} took {seconds:.2f} s on 10 KB of {label}"
            costs.append((seconds, label, make))
        for _, label, make in sorted(costs, key=lambda c: -c[0])[:5]:
            seconds = _cpu(apply, make(LARGE))
            assert seconds < LARGE_CAP, f"{how} took {seconds:.2f} s on 100 KB of {label}"


def test_long_credit_sentence_is_summarized_in_linear_time():
    # One sentence of "contributed from A " repeated: 24 s at 100 KB before.
    def setup(size: int) -> str:
        return f"text = ('contributed from A ' * {size // 19 + 1})[:{size}] + '!'"

    small = child_cpu_seconds(setup(20_000), "summarize.summarize(text)")
    large = child_cpu_seconds(setup(200_000), "summarize.summarize(text)", timeout=120)
    assert large / max(small, 0.01) < GROWTH_LIMIT, (small, large)


_RUN_ON = """
import random
rng = random.Random(2)
words = ["harbor", "board", "Plan", "river", "U.S", "Mr", "e.g", "Paris", "p.m", "vote", "A.B"]
text = " ".join(rng.choice(words) for _ in range({count}))
"""


def test_one_huge_sentence_with_dotted_words_is_split_in_linear_time():
    # No end mark anywhere, but words holding a mark before a capital ("U.S"):
    # each such word was searched for a glued sentence end up to the end of
    # the whole sentence: 20,000 words took 17 s; 1 MB of prose words 41 s.
    small = child_cpu_seconds(_RUN_ON.format(count=2_000), "summarize.split_sentences(text)")
    large = child_cpu_seconds(_RUN_ON.format(count=20_000), "summarize.split_sentences(text)", timeout=120)
    assert large / max(small, 0.01) < GROWTH_LIMIT, (small, large)


@pytest.mark.parametrize(
    "piece",
    [
        pytest.param("1.) 2.) 3.) ", id="bare-markers"),
        pytest.param("a. b. c. ", id="letters"),
        pytest.param("(1) and (2) and ", id="joined-references"),
        pytest.param("i) x ii) y ", id="roman"),
        pytest.param("Steps: 1.) step here 2.) step there 3.) and more ", id="inline-lists"),
        pytest.param("\u2022 9. one \u2022 10. two ", id="numbered-bullets"),
    ],
)
def test_inline_lists_are_found_in_linear_time(piece):
    # Rule inline-list reads each candidate marker once, as every form it
    # may be; a run's items are never read twice, nor the text before it.
    # Timed alone (Punkt's linear time would hide a quadratic search: the
    # text before each run sliced took 5.8 s at 1 MB of "a. b. c. "), then
    # the whole split.
    def setup(size: int) -> str:
        return f"from summarize._line_rules import inline_list_cuts\ntext = ({piece!r} * {size // len(piece) + 1})[:{size}]"

    for work, small_size in (("inline_list_cuts(text, 0, len(text))", 100_000), ("summarize.split_sentences(text, language='en')", 20_000)):
        small = child_cpu_seconds(setup(small_size), work)
        large = child_cpu_seconds(setup(10 * small_size), work, timeout=120)
        assert large / max(small, 0.01) < GROWTH_LIMIT, (work, small, large)


# --- selection of long summaries --------------------------------------------------------

_DISTINCT = """
import random
V = [a + b + c for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]
rng = random.Random(0)
text = " ".join("Sentence " + " ".join(rng.sample(V, 8)) + "." for _ in range({count}))
"""


@pytest.mark.parametrize(
    "limit, small, large",
    [
        pytest.param("ratio=1", 30_000, 300_000, id="ratio-1-at-300KB"),
        pytest.param("ratio=0.2", 100_000, 1_000_000, id="ratio-0.2-at-1MB"),
        pytest.param("words=len(text.split()) // 5", 100_000, 1_000_000, id="words-a-fifth-at-1MB"),
    ],
)
def test_long_summary_of_distinct_sentences_takes_linear_time(limit, small, large):
    # -r 1 on 300 KB took 88 s, -r 0.2 on 1 MB about 100 s: each new sentence was compared with every one chosen.
    work = f"summary = summarize.summarize(text, {limit})"
    cheap = child_cpu_seconds(_DISTINCT.format(count=small // 42), work)
    costly = child_cpu_seconds(_DISTINCT.format(count=large // 42), work, timeout=150)
    assert costly / max(cheap, 0.01) < GROWTH_LIMIT, (cheap, costly)


def test_long_summary_still_leaves_out_repeated_sentences():
    # Whatever makes long summaries cheap must keep the promise that no
    # sentence repeats one already chosen, at every length.
    from _reliability import numbered

    import summarize

    text = " ".join([numbered(400, shift=1)] + ["The council approved the new bridge over the river on Monday."] * 400)
    for ratio in (0.2, 0.5, 1.0):
        lines = [str(s) for s in summarize.summarize(text, ratio=ratio).sentences]
        assert len(lines) == len(set(lines)), ratio


# --- NLTK's regex watchdog ---------------------------------------------------------------
#
# NLTK 3.10 runs Punkt's regular expressions under a wall-clock watchdog
# (nltk.redos.DEFAULT_TIMEOUT, 5 s) that covers a whole finditer over a
# paragraph, including the work done between matches: a big paragraph
# raised TimeoutError, with a traceback.  A loaded machine is simulated by
# lowering the watchdog's limit in the child.

def _has_watchdog() -> bool:
    spec = importlib.util.find_spec("nltk")  # the package, not run
    return bool(spec and spec.submodule_search_locations and any(
        os.path.exists(os.path.join(folder, "redos.py")) for folder in spec.submodule_search_locations
    ))


needs_watchdog = pytest.mark.skipif(not _has_watchdog(), reason="an NLTK without the regex watchdog")

_WITH_WATCHDOG = """
import sys
import nltk.redos
nltk.redos.DEFAULT_TIMEOUT = {limit}
sys.argv = ["summarize", *{args!r}]
import runpy
runpy.run_module("summarize", run_name="__main__")
"""


def run_with_watchdog(limit: float, args, **kwargs) -> subprocess.CompletedProcess:
    import sys

    from _reliability import child_env

    code = _WITH_WATCHDOG.format(limit=limit, args=[str(a) for a in args])
    kwargs.setdefault("timeout", 300)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), **kwargs)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A. B. C. D. " * 100_000, id="initials-1.2MB"),
        pytest.param("Mr. Dr. St. " * 90_000, id="titles-1MB"),
    ],
)
def test_big_paragraph_of_abbreviations_is_summarized(tmp_path, text):
    path = tmp_path / "big.txt"
    path.write_text(text)
    result = run_summarize([path], timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert result.stdout.strip()


def _prose(nbytes: int) -> str:
    import random

    from _reliability import ROOT

    import summarize

    sentences = [s for p in sorted((ROOT / "samples").glob("*.txt")) for s in summarize.split_sentences(p.read_text(encoding="utf-8"))]
    rng = random.Random(1)
    parts, size = [], 0
    while size < nbytes:
        parts.append(" ".join(rng.sample(sentences, 4)))
        size += len(parts[-1]) + 1
    return " ".join(parts)


def _reference_list(count: int) -> str:
    names = ["Smith", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor"]
    return " ".join(
        f"{names[i % 8]}, {chr(65 + i % 26)}. {chr(66 + i % 20)}., {names[(i + 3) % 8]}, {chr(67 + i % 19)}. "
        f"({1950 + i % 70}). On the theory of item {i}. J. Appl. Phys. {i % 90}, {i % 400}-{i % 400 + 9}."
        for i in range(count)
    )


@needs_watchdog
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: _prose(3_000_000), id="prose-3MB"),
        pytest.param(lambda: _reference_list(10_000), id="reference-list-1MB"),
    ],
)
def test_one_huge_paragraph_meets_a_watchdog_ten_times_stricter(tmp_path, make):
    # 0.5 s instead of 5 s: a machine ten times busier than this one.  Cut
    # into pieces of reasonable size, no piece comes near it.
    path = tmp_path / "paragraph.txt"
    path.write_text(make())
    result = run_with_watchdog(0.5, ["-n", "2", path])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) == 2


@needs_watchdog
def test_a_watchdog_that_always_fires_never_gives_a_traceback(tmp_path):
    # Whatever the machine: a document is summarized, or fails with one
    # line, and in batch mode the other documents go on.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(_prose(20_000))
    second.write_text(_reference_list(100))
    single = run_with_watchdog(1e-9, [first])
    assert "Traceback" not in single.stderr
    assert single.returncode == 0 or (single.returncode == 1 and len(error_lines(single.stderr)) == 1), single.stderr[-2000:]
    batch = run_with_watchdog(1e-9, ["-j", "1", "-f", "jsonl", first, second])
    assert "Traceback" not in batch.stderr
    assert len(batch.stdout.splitlines()) == 2, batch.stderr[-2000:]


# --- sniffing HTML ------------------------------------------------------------------------


def test_text_opening_with_many_html_comments_is_sniffed_quickly():
    # "Does this start like HTML?" backtracked exponentially over comments:
    # 22 comments took 0.7 s, 40 would take days.
    text = "<!---->" * 40 + "x The harbor board met on Tuesday. It approved the plan. Work starts in spring."
    result = run_summarize(["-"], input=text, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
