"""Parquet out, for runs on a cluster: one fixed schema, whatever the records hold.

A room of ``summarize.dask`` (the public face); imports pyarrow when first
called.
"""
from __future__ import annotations

import io
import json
from typing import Any, Dict, Mapping, Sequence

def parquet_schema() -> Any:
    """The fixed schema of Parquet output: the fields of
    ``render.summary_dict`` and ``render.error_dict`` (ids as text: a
    number 42 is "42"), each null where a record lacks it."""
    import pyarrow as pa

    term = pa.struct([("term", pa.string()), ("weight", pa.float64())])
    return pa.schema(
        [
            ("source", pa.string()),
            ("id", pa.string()),
            ("title", pa.string()),
            ("language", pa.string()),
            ("byline", pa.string()),
            ("date", pa.string()),
            ("url", pa.string()),
            ("dateline", pa.string()),
            ("keywords", pa.list_(term)),
            ("sentences", pa.list_(pa.struct([("index", pa.int32()), ("text", pa.string()), ("score", pa.float64())]))),
            ("total_sentences", pa.int32()),
            ("settings", pa.struct([("sentences", pa.int32()), ("ratio", pa.float64()), ("words", pa.int32())])),
            (
                "all_sentences",
                pa.list_(
                    pa.struct(
                        [
                            ("index", pa.int32()),
                            ("text", pa.string()),
                            ("score", pa.float64()),
                            ("selected", pa.bool_()),
                            ("top_terms", pa.list_(term)),
                        ]
                    )
                ),
            ),
            ("error", pa.string()),
        ]
    )


def parquet_row(record: Mapping[str, Any]) -> Dict[str, Any]:
    """A JSON record (``outputs.record_of``) as a row of ``parquet_schema``."""
    row = dict(record)
    if "id" in row and row["id"] is not None and not isinstance(row["id"], str):
        row["id"] = json.dumps(row["id"], ensure_ascii=False)
    return row


def parquet_bytes(records: Sequence[Mapping[str, Any]]) -> bytes:
    """``records`` as one Parquet file of ``parquet_schema``, in order (zstd)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([parquet_row(record) for record in records], schema=parquet_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()
