"""Path arguments → the inputs they name, in order: ``walk``.

A file argument is taken whatever its name; a folder is walked
recursively in sorted name order for the file names asked for (``Names``:
``DEFAULT_PATTERNS`` unless told otherwise); a URL passes through.  An
argument that cannot be read is yielded with its error, in its place, so
the caller reports it and goes on.  ``passed_over`` says what a walk left
out that could have been read.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from collections import Counter
from typing import Callable, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Set, Tuple, Union

from .datasets import is_dataset
from .sources import is_url

DEFAULT_PATTERNS = ("*.txt", "*.md", "*.markdown")
"""The file names taken from folders unless other patterns are given."""

READABLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".shtml", ".pdf", ".docx", ".epub", ".jsonl")
"""The extensions (lower-case) of the files summarize reads: a pattern
ending in one matches it in any case (``*.pdf`` takes ``SCAN.PDF``)."""


class Names(NamedTuple):
    """The file names a folder walk takes: those matching one of the
    ``fnmatch`` ``patterns`` (case matters, except in an extension of
    ``READABLE_EXTENSIONS`` at the pattern's end) or one of the
    ``any_case`` patterns (case never matters).  ``str()`` lists them."""

    patterns: Tuple[str, ...] = DEFAULT_PATTERNS
    any_case: Tuple[str, ...] = ()

    def __str__(self) -> str:
        listed = (*self.patterns, *self.any_case)
        return " or ".join(listed) if len(listed) < 3 else f"{', '.join(listed[:-1])} or {listed[-1]}"


def name_matcher(names: Names) -> Callable[[str], bool]:
    """A test of a file name (without its folder) against ``names``."""
    exact: List[str] = []
    extensions: List[Tuple[str, str]] = []
    for pattern in names.patterns:
        root, extension = os.path.splitext(pattern)
        if extension.lower() in READABLE_EXTENSIONS:
            extensions.append((root, extension.lower()))
        else:
            exact.append(pattern)
    any_case = [pattern.lower() for pattern in names.any_case]

    def matches(name: str) -> bool:
        lower = name.lower()
        return (
            any(fnmatch.fnmatchcase(name, pattern) for pattern in exact)
            or any(_with_extension(name, root, extension) for root, extension in extensions)
            or any(fnmatch.fnmatchcase(lower, pattern) for pattern in any_case)
        )

    return matches


def _with_extension(name: str, root: str, extension: str) -> bool:
    """Whether ``name`` has ``extension`` (lower-case; in any case) after a
    stem that matches the pattern ``root`` (case matters)."""
    stem, ext = os.path.splitext(name)
    return ext.lower() == extension and fnmatch.fnmatchcase(stem, root)


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


def walk(paths: Iterable[str], names: Names = Names(), skip: Sequence[str] = ()) -> Iterator[Input]:
    """The inputs named by ``paths``, lazily, in argument order.

    A file argument is yielded as it is, whatever its name, and so is a URL
    (``relative`` is then ``url_file_name(url)``).  A folder is
    walked recursively, entries in sorted name order, yielding regular files
    (or links to them) whose name matches ``names``.  Names starting with ``.`` are skipped; links to folders
    are not followed, so link loops cannot happen.  Folders whose real path
    is in ``skip`` (an output folder inside an input folder) are left out.
    A missing argument, a folder that cannot be listed, or a matching link
    that loops or leads nowhere is yielded with its ``error`` set, in its
    place, and the walk goes on.
    """
    skipped = {os.path.realpath(p) for p in skip}
    matches = name_matcher(names)
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
            yield from _walk_folder(path, matches, skipped)
        else:
            yield Input(path, os.path.basename(path), dataset=is_dataset(path))


def url_file_name(url: str) -> str:
    """A file name standing for ``url`` when its summary is written to a
    folder: the URL without its scheme, each run of characters other than
    ASCII letters, digits and ``-`` made one ``_`` (no dots, so the output
    extension is simply appended)."""
    name = re.sub(r"[^A-Za-z0-9-]+", "_", url.split("://", 1)[-1]).strip("_")
    return name[:200] or "page"


def _walk_folder(folder: str, matches: Callable[[str], bool], skipped: Set[str]) -> Iterator[Input]:
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
        if not matches(entry.name):
            continue
        if regular:
            yield Input(path, below, dataset=is_dataset(entry.name))
        elif entry.is_symlink():
            try:
                os.stat(path)  # a link to a FIFO or socket is passed over, like them
            except OSError as exc:
                # A link that loops or leads nowhere is reported, as find does, not passed over.
                yield Input(path, below, error=f"a link that leads nowhere ({exc.strerror or exc})")


def passed_over(paths: Iterable[str], names: Names = Names(), skip: Sequence[str] = ()) -> Counter[str]:
    """How many files of each readable extension (``READABLE_EXTENSIONS``,
    lower-case) the folders among ``paths`` hold that ``names`` does not
    take: what a walk that found nothing could have read with other
    patterns.  Hidden files and the folders in ``skip`` are left out, as
    ``walk`` leaves them."""
    takes = name_matcher(names)
    found: Counter[str] = Counter()
    folders = [path for path in paths if not is_url(path) and os.path.isdir(path)]
    for item in walk(folders, Names(("*",)), skip):
        name = os.path.basename(item.path)
        extension = os.path.splitext(name)[1].lower()
        if item.error is None and extension in READABLE_EXTENSIONS and not takes(name):
            found[extension] += 1
    return found


def _listing(folder: str) -> Union[List[os.DirEntry[str]], str]:
    """The entries of ``folder`` sorted by name, or why it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return f"cannot list the folder ({exc.strerror or exc})"
