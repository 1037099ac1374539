#!/usr/bin/env python3
"""Write summarize/data/detection.txt: which supported languages list each stopword.

    python scripts/detection_table.py

Run it after changing a stopwords.txt or adding a language folder
(tests/test_languages.py fails until then; detection works either way,
reading the lists themselves when the stored table is stale).
"""
from __future__ import annotations

from pathlib import Path

from summarize import languages

TARGET = Path(__file__).resolve().parents[1] / "summarize" / "data" / languages.TABLE_FILE

if __name__ == "__main__":
    TARGET.write_text(languages.table_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
