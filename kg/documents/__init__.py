"""Documents stage: turn input paths into `Document`s, and every input that cannot be used into a `Skipped`.

`iter_inputs` streams: files are read one at a time and JSONL/CSV rows one at a time, so a corpus never
sits in memory (only the ids and text hashes of the run, for uniqueness and duplicate detection).
Nothing is dropped silently: each unusable input yields a `Skipped` whose reason starts with one of
`REASON_KINDS`, so a report can group them. Hidden files and folders (names starting with ".") are not
inputs and are passed over.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..types import Document, Skipped
from .decode import SkipReason, clean_field, has_surrogates
from .formats import Record, iter_csv, iter_jsonl, load_html, load_markdown, load_txt

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REASON_KINDS",
    "SUPPORTED_SUFFIXES",
    "Document",
    "InputError",
    "Skipped",
    "iter_inputs",
    "reason_kind",
]

DEFAULT_MAX_BYTES = 10_000_000

_WHOLE_FILE: dict[str, Callable[[Path, str, tuple[str, ...], int], Record]] = {
    ".txt": load_txt,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".html": load_html,
    ".htm": load_html,
}
_RECORDS: dict[str, Callable[[Path, str, str, int], Iterator[Record | Skipped]]] = {
    ".jsonl": iter_jsonl,
    ".ndjson": iter_jsonl,
    ".csv": iter_csv,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted({*_WHOLE_FILE, *_RECORDS}))

# The leading keyword of every skip reason, most specific first (a report groups skips by these).
REASON_KINDS: tuple[str, ...] = (
    "duplicate of",
    "invalid JSON",
    "invalid CSV",
    "no text field",
    "too large",
    "unsupported file type",
    "parse error",
    "binary",
    "undecodable",
    "unreadable",
    "empty",
)


class InputError(Exception):
    """A user mistake in the inputs named (e.g. a path that does not exist); the message is one sentence."""


def reason_kind(reason: str) -> str:
    """The keyword a skip reason starts with (one of REASON_KINDS), e.g. 'too large' for 'too large (…)'."""
    for kind in REASON_KINDS:
        if reason.startswith(kind):
            return kind
    return reason.split(" (", 1)[0]


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Skipped]:
    """Documents and skips for each path in turn: a file, or a folder read recursively in sorted order.

    Raises InputError at once, before anything is read, when a path does not exist. `max_bytes` bounds
    one document: a whole .txt/.md/.html file, or the text of one JSONL/CSV row. Supported suffixes:
    SUPPORTED_SUFFIXES; other files are skipped as "unsupported file type".
    """
    if isinstance(paths, (str, os.PathLike)):  # one path, not a sequence of characters
        paths = [paths]
    given = [os.fspath(path) for path in paths]
    for path in given:
        if not os.path.exists(path):
            raise InputError(f"Input path '{path}' does not exist.")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    return _stream(given, max_bytes)


@dataclass(frozen=True)
class _Input:
    """One file to load: where it is, how the user sees its path, its path inside the folder given."""

    path: Path
    shown: str
    relative: str | None = None


class _Run:
    """What one run remembers: the ids handed out and the text hash of every document so far."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._hashes: dict[str, str] = {}

    def claim(self, candidates: Sequence[str]) -> str:
        """The first candidate not yet taken, else the first with the lowest free `~N` suffix."""
        options = [clean_field(c) for c in candidates if c and c.strip()]
        for option in options:
            if option not in self._ids:
                self._ids.add(option)
                return option
        base, number = options[0], 2
        while f"{base}~{number}" in self._ids:
            number += 1
        self._ids.add(f"{base}~{number}")
        return f"{base}~{number}"

    def finish(self, record: Record) -> Document | Skipped:
        """The record as a Document with a run-unique id, or why it is skipped (empty, duplicate…)."""
        if has_surrogates(record.text):
            return Skipped(record.origin, "undecodable (unpaired surrogate in the text)")
        if not record.text.strip():
            return Skipped(record.origin, "empty")
        digest = hashlib.sha256(record.text.encode("utf-8")).hexdigest()
        first = self._hashes.get(digest)
        if first is not None:
            return Skipped(record.origin, f"duplicate of {first}")
        doc_id = self.claim(record.ids)
        self._hashes[digest] = doc_id
        return Document(
            id=doc_id,
            text=record.text,
            title=record.title,
            source=record.source,
            date=record.date,
            encoding=record.encoding,
        )


def _stream(given: list[str], max_bytes: int) -> Iterator[Document | Skipped]:
    """The generator behind iter_inputs (paths already checked)."""
    run = _Run()
    for shown in given:
        path = Path(shown)
        items = _walk(path, shown) if path.is_dir() else iter([_Input(path, shown)])
        for item in items:
            if isinstance(item, Skipped):
                yield item
            else:
                yield from _load(item, run, max_bytes)


def _load(item: _Input, run: _Run, max_bytes: int) -> Iterator[Document | Skipped]:
    """Everything one file yields."""
    suffix = item.path.suffix.lower()
    if suffix not in _WHOLE_FILE and suffix not in _RECORDS:
        kind = f"'{suffix}'" if suffix else "(no extension)"
        yield Skipped(item.shown, f"unsupported file type {kind}")
        return
    ids = _file_ids(item)
    try:
        if not item.path.is_file():
            raise SkipReason("unreadable (not a regular file)")
        if suffix in _WHOLE_FILE:
            yield run.finish(_WHOLE_FILE[suffix](item.path, item.shown, ids, max_bytes))
            return
        label = run.claim(ids)
        for outcome in _RECORDS[suffix](item.path, item.shown, label, max_bytes):
            yield outcome if isinstance(outcome, Skipped) else run.finish(outcome)
    except SkipReason as skip:
        yield Skipped(item.shown, skip.reason)
    except OSError as error:
        yield Skipped(item.shown, f"unreadable ({_describe(error)})")


def _file_ids(item: _Input) -> tuple[str, ...]:
    """Id candidates for a file: its name, then its path inside the folder given, then its path as shown."""
    candidates = [item.path.name]
    if item.relative:
        candidates.append(item.relative)
    candidates.append(Path(item.shown).as_posix())
    return tuple(dict.fromkeys(candidates))


def _walk(root: Path, shown: str) -> Iterator[_Input | Skipped]:
    """Files under a folder, depth first, entries sorted by name; hidden entries passed over."""
    yield from _walk_folder(root, shown, "", (os.path.realpath(root),))


def _walk_folder(
    folder: Path, shown: str, relative: str, ancestors: tuple[str, ...]
) -> Iterator[_Input | Skipped]:
    """One folder's files and, in place, its sub-folders' files."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(shown, f"unreadable ({_describe(error)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_shown = os.path.join(shown, entry.name)
        entry_relative = f"{relative}/{entry.name}" if relative else entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            real = os.path.realpath(entry.path)
            if real in ancestors:
                yield Skipped(entry_shown, "unreadable (symbolic link loop)")
                continue
            yield from _walk_folder(Path(entry.path), entry_shown, entry_relative, (*ancestors, real))
        else:
            yield _Input(Path(entry.path), entry_shown, entry_relative)


def _describe(error: OSError) -> str:
    """An OS error as a short phrase, e.g. 'Permission denied'."""
    return error.strerror or str(error) or type(error).__name__
