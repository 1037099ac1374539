"""The record of runs on a cluster: ``_manifest.json`` and ``_SUCCESS`` beside the outputs.

``Manifest`` accumulates over runs: the options a resumed run must repeat
(``options_of``), one entry per run, each input's status.  ``record_run``
writes it, and ``_SUCCESS`` once every input it lists is done or skipped;
``existing_files`` is the one listing ``skip_existing`` needs.

A room of ``summarize.dask`` (the public face); imports fsspec when first
needed.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from ._dask_task import commit, join
from .batch import Settings, Tally
from .errors import OutputError

MANIFEST = "_manifest.json"
SUCCESS = "_SUCCESS"
MANIFEST_VERSION = 1


@dataclass
class Manifest:
    """What every run into one output did: the ``options`` (compared on
    resume), one entry per run, and each input's entry by key
    (``status``: ``done``, ``failed`` or ``skipped``; ``output`` below the
    root; counts; ``error``)."""

    options: Dict[str, Any]
    units: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    runs: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> List[str]:
        return [key for key, entry in self.units.items() if entry.get("status") == "failed"]

    @property
    def ok(self) -> bool:
        return all(entry.get("status") in ("done", "skipped") for entry in self.units.values())

    def to_json(self) -> bytes:
        units = {key: self.units[key] for key in sorted(self.units)}
        data = {"version": MANIFEST_VERSION, "options": self.options, "runs": self.runs, "units": units}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace")

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        obj = json.loads(data)
        return cls(options=obj["options"], units=obj.get("units", {}), runs=obj.get("runs", []))


def options_of(settings: Settings) -> Dict[str, Any]:
    """The options that decide what an output holds, as the manifest keeps
    them (JSON values): a resumed run must give the same."""
    request, showing = settings.request, settings.showing
    return {
        "format": settings.fmt,
        "budget": request.budget.as_dict(),
        "input_format": request.reading.input_format,
        "max_bytes": request.reading.max_bytes,
        "text_field": request.fields.text,
        "id_field": request.fields.id,
        "title_field": request.fields.title,
        "language": request.language,
        "language_field": request.fields.language,
        "explain": request.explain,
        "keywords": request.keywords,
        "show_keywords": showing.show_keywords,
        "highlight": showing.highlight,
    }


def read_manifest(url: str, storage_options: Mapping[str, Any]) -> Optional[Manifest]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    try:
        return Manifest.from_json(fs.cat_file(path))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"cannot read the manifest {url} ({exc}); move it away, or choose another output") from None


def differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    keys = sorted(set(old) | set(new))
    return ", ".join(f"{key}: {json.dumps(old.get(key))} then {json.dumps(new.get(key))}" for key in keys if old.get(key) != new.get(key))


def existing_files(root: str, storage_options: Mapping[str, Any]) -> set[str]:
    """Every file below ``root``, relative to it: one listing, not one
    request per input."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(root, **storage_options)
    try:
        found = fs.find(path)
    except FileNotFoundError:
        return set()
    base = path.rstrip("/") + "/"
    return {name[len(base):] for name in found if name.startswith(base)}


def remove(url: str, storage_options: Mapping[str, Any]) -> None:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    with contextlib.suppress(FileNotFoundError):
        if fs.exists(path):
            fs.rm_file(path)


def record_run(
    manifest: Manifest,
    entry: Dict[str, Any],
    tally: Tally,
    complete: bool,
    interrupted: bool,
    stopped: bool,
    root: str,
    so: Mapping[str, Any],
) -> None:
    """Record the run in the manifest, write it, and ``_SUCCESS`` when every
    input it lists is done.  A manifest that cannot be written is an
    ``OutputError``, unless an interrupt is on its way already."""
    entry.update(
        interrupted=interrupted,
        stopped=stopped,
        seconds=round(tally.seconds, 3),
        documents={"summarized": tally.summarized, "failed": tally.failed, "skipped": tally.skipped},
    )
    url = join(root, MANIFEST)
    try:
        commit(url, manifest.to_json(), so)
        if complete and manifest.ok:
            commit(join(root, SUCCESS), b"", so)
    except Exception as exc:  # noqa: BLE001 - said in one line
        if interrupted:
            return
        raise OutputError(f"cannot write the manifest {url} ({type(exc).__name__}: {exc})") from None
