"""Path arguments → the inputs they name, in order: ``walk``.

A file argument is taken whatever its name; a folder is walked
recursively in sorted name order for the file names asked for
(``DEFAULT_PATTERNS`` unless told otherwise); a URL passes through.  An
argument that cannot be read is yielded with its error, in its place, so
the caller reports it and goes on.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from .datasets import is_dataset
from .sources import is_url

DEFAULT_PATTERNS = ("*.txt", "*.md")
"""The file names taken from folders unless other patterns are given."""


@dataclass(frozen=True)
class Input:
    """One input found by ``walk``, in the order it must be reported.

    ``path``: where to read it.  ``relative``: its path below the folder
    argument it was found in (the file name for a file argument), used to
    mirror the input tree.  ``dataset``: a ``.jsonl`` file, one article per
    line.  ``error``: why it cannot be read (a missing argument, a folder
    that cannot be listed; not naming the input), else None.
    """

    path: str
    relative: str
    dataset: bool = False
    error: Optional[str] = None


def walk(paths: Iterable[str], patterns: Sequence[str] = DEFAULT_PATTERNS, skip: Sequence[str] = ()) -> Iterator[Input]:
    """The inputs named by ``paths``, lazily, in argument order.

    A file argument is yielded as it is, whatever its name, and so is a URL
    (``relative`` is then ``url_file_name(url)``).  A folder is
    walked recursively, entries in sorted name order, yielding regular files
    (or links to them) whose name matches one of the ``fnmatch``
    ``patterns``.  Names starting with ``.`` are skipped; links to folders
    are not followed, so link loops cannot happen.  Folders whose real path
    is in ``skip`` (an output folder inside an input folder) are left out.
    A missing argument, a folder that cannot be listed, or a matching link
    that loops or leads nowhere is yielded with its ``error`` set, in its
    place, and the walk goes on.
    """
    skipped = {os.path.realpath(p) for p in skip}
    for path in paths:
        if is_url(path):
            yield Input(path, url_file_name(path))
            continue
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield Input(path, os.path.basename(path), error="no such file or folder")
            continue
        except OSError as exc:
            yield Input(path, os.path.basename(path), error=f"cannot read it ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(path, patterns, skipped)
        else:
            yield Input(path, os.path.basename(path), dataset=is_dataset(path))


def url_file_name(url: str) -> str:
    """A file name standing for ``url`` when its summary is written to a
    folder: the URL without its scheme, each run of characters other than
    ASCII letters, digits and ``-`` made one ``_`` (no dots, so the output
    extension is simply appended)."""
    name = re.sub(r"[^A-Za-z0-9-]+", "_", url.split("://", 1)[-1]).strip("_")
    return name[:200] or "page"


def _walk_folder(folder: str, patterns: Sequence[str], skipped: Set[str]) -> Iterator[Input]:
    # Depth first with an explicit stack (no recursion limit on deep trees);
    # only the sorted listings along the current path are held.
    if skipped and os.path.realpath(folder) in skipped:
        return
    stack: List[Tuple[str, str, Iterator[os.DirEntry[str]]]] = []
    listing = _listing(folder)
    if isinstance(listing, str):
        yield Input(folder, "", error=listing)
        return
    stack.append((folder, "", iter(listing)))
    while stack:
        base, relative, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = os.path.join(base, entry.name)
        below = os.path.join(relative, entry.name) if relative else entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if skipped and os.path.realpath(path) in skipped:
                    continue
                listing = _listing(path)
                if isinstance(listing, str):
                    yield Input(path, below, error=listing)
                else:
                    stack.append((path, below, iter(listing)))
                continue
            regular = entry.is_file()  # follows a link to a file; False for FIFOs and sockets
        except OSError:
            regular = False  # a link loop, for one
        if not any(fnmatch.fnmatchcase(entry.name, p) for p in patterns):
            continue
        if regular:
            yield Input(path, below, dataset=is_dataset(entry.name))
        elif entry.is_symlink():
            try:
                os.stat(path)  # a link to a FIFO or socket is passed over, like them
            except OSError as exc:
                # A link that loops or leads nowhere is reported, as find does, not passed over.
                yield Input(path, below, error=f"a link that leads nowhere ({exc.strerror or exc})")


def _listing(folder: str) -> Union[List[os.DirEntry[str]], str]:
    """The entries of ``folder`` sorted by name, or why it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return f"cannot list the folder ({exc.strerror or exc})"
