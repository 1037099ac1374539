"""Shallow loading of NLTK's Punkt, Porter and Snowball modules."""
from __future__ import annotations

import json
import subprocess
import sys

SAMPLE = (
    "Dr. Smith met Mr. Jones at 10 a.m. on Jan. 5. They talked. "
    "\"Why?\" he asked. The U.S. team won 3.5 to 2. It rained."
)


def run_probe(code: str, env_full: bool = False) -> dict:
    env = None
    if env_full:
        import os

        env = {**os.environ, "SUMMARIZE_FULL_NLTK": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout)


PROBE = f"""
import json, sys
from summarize.nltk_modules import load
punkt = load("nltk.tokenize.punkt")
porter = load("nltk.stem.porter")
spans = list(punkt.PunktSentenceTokenizer().span_tokenize({SAMPLE!r}))
stems = [porter.PorterStemmer().stem(w) for w in ["running", "generously", "summaries"]]
left = sorted(k for k in sys.modules if k == "nltk" or k.startswith("nltk."))
print(json.dumps({{"spans": spans, "stems": stems, "left": left,
                  "numpy": "numpy" in sys.modules}}))
"""


def test_shallow_load_leaves_no_nltk_entries_behind():
    result = run_probe(PROBE)
    assert result["left"] == []
    assert result["numpy"] is False


def test_shallow_and_full_imports_give_identical_results():
    shallow = run_probe(PROBE)
    full = run_probe(PROBE, env_full=True)
    assert shallow["spans"] == full["spans"]
    assert shallow["stems"] == full["stems"] == ["run", "gener", "summari"]
    assert "nltk" in full["left"]  # the full import really took the other path


def test_real_nltk_import_afterwards_is_complete():
    code = (
        "from summarize.nltk_modules import load\n"
        "load('nltk.tokenize.punkt')\n"
        "import nltk, json\n"
        "print(json.dumps({'ok': hasattr(nltk, 'sent_tokenize') and hasattr(nltk.tokenize, 'punkt')}))\n"
    )
    assert run_probe(code) == {"ok": True}


def test_already_imported_nltk_is_reused():
    code = (
        "import nltk.tokenize.punkt as real, json\n"
        "from summarize.nltk_modules import load\n"
        "print(json.dumps({'same': load('nltk.tokenize.punkt') is real}))\n"
    )
    assert run_probe(code) == {"same": True}


SNOWBALL_PROBE = """
import json, sys
from summarize.nltk_modules import load
snowball = load("nltk.stem.snowball")
stems = [snowball.GermanStemmer().stem(w) for w in ["Arbeiten", "begonnen", "Häuser"]]
stems += [snowball.FrenchStemmer().stem(w) for w in ["continuellement", "arrivée"]]
try:
    snowball.GermanStemmer(ignore_stopwords=True)
    refused = False
except LookupError:
    refused = True
left = sorted(k for k in sys.modules if k == "nltk" or k.startswith("nltk."))
print(json.dumps({"stems": stems, "refused": refused, "left": left, "numpy": "numpy" in sys.modules}))
"""


def test_snowball_loads_shallowly_without_nltks_corpus_readers():
    # nltk.stem.snowball imports nltk.corpus for its optional stopwords: a
    # stand-in takes its place, which refuses to give stopwords.
    shallow = run_probe(SNOWBALL_PROBE)
    assert shallow["left"] == [] and shallow["numpy"] is False
    assert shallow["refused"] is True
    full = run_probe(SNOWBALL_PROBE, env_full=True)
    assert shallow["stems"] == full["stems"] == ["arbeit", "begonn", "haus", "continuel", "arriv"]
