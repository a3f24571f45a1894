"""One loader per input format, each turning a file into `Record`s (documents still without a run id).

Whole-file formats (`.txt`, `.md`, `.html`) give one record and raise `SkipReason` when the file cannot
be used. Record formats (`.jsonl`, `.csv`) stream their rows and yield a `Skipped` for each bad row, so one
broken line never costs the others; a problem with the whole file raises `SkipReason`.
`max_bytes` bounds one document: a whole file, or the text of one row.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..types import Skipped
from .dates import normalise_date
from .decode import SkipReason, check_not_binary, decode_bytes, detect_encoding
from .fields import TEXT_FIELDS, first_line, lower_keys, scalar, short_title
from .html import declared_charset, extract_html

# How much of a record file is read to decide its encoding (and whether it is binary).
_SAMPLE_BYTES = 65536

_DELIMITERS = (",", ";", "\t", "|")

_ATX_H1 = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|date)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Record:
    """A document before it gets its run-unique id.

    `ids` are the id candidates in order of preference; `origin` is what a Skipped for it names.
    """

    text: str
    ids: tuple[str, ...]
    origin: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    encoding: str | None = None


def too_large(size: int, max_bytes: int) -> SkipReason:
    """The skip for a document over the size limit, with both sizes."""
    return SkipReason(f"too large ({size:,} bytes; limit {max_bytes:,})")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; SkipReason("too large ...") without reading it when it exceeds `max_bytes`."""
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew after stat
        raise too_large(len(data), max_bytes)
    return data


def load_txt(path: Path, shown: str, ids: tuple[str, ...], max_bytes: int) -> Record:
    """Plain text, kept exactly; the title is its first non-blank line."""
    text, encoding = decode_bytes(read_limited(path, max_bytes))
    return Record(text, ids, shown, title=short_title(first_line(text)), source=shown, encoding=encoding)


def load_markdown(path: Path, shown: str, ids: tuple[str, ...], max_bytes: int) -> Record:
    """Markdown as read; title: front-matter `title:`, else the first `# ` heading, else the first line."""
    text, encoding = decode_bytes(read_limited(path, max_bytes))
    title = date = None
    body = text
    front = _FRONT_MATTER.match(text)
    if front:
        for key, value in _FRONT_FIELD.findall(front.group(1)):
            value = value.strip().strip("\"'")
            if key.lower() == "title" and title is None:
                title = value or None
            elif key.lower() == "date" and date is None:
                date = value or None
        body = text[front.end() :]
    if not title:
        heading = _ATX_H1.search(body)
        title = heading.group(1) if heading else first_line(body)
    return Record(
        text, ids, shown, title=short_title(title), source=shown, date=normalise_date(date), encoding=encoding
    )


def load_html(path: Path, shown: str, ids: tuple[str, ...], max_bytes: int) -> Record:
    """The page's main text, og:title/<title>/<h1> and published date."""
    data = read_limited(path, max_bytes)
    markup, encoding = decode_bytes(data, declared_charset(data))
    try:
        content = extract_html(markup)
    except Exception as error:  # a third-party parser failing on one page must not stop the build
        raise SkipReason(f"parse error ({type(error).__name__}: {error})") from error
    if not content.text.strip():
        raise SkipReason("empty (no main text in the page)")
    return Record(
        content.text, ids, shown, title=content.title, source=shown, date=content.date, encoding=encoding
    )


def iter_jsonl(path: Path, shown: str, label: str, max_bytes: int) -> Iterator[Record | Skipped]:
    """One record per line holding a JSON object; blank lines are ignored, each bad line is skipped alone."""
    line_limit = max_bytes * 6 + 65536  # JSON escapes take up to 6 bytes per character of text
    with _open_text(path, newline="\n") as (stream, encoding):
        number = 0
        seen_content = False
        while True:
            try:
                line = stream.readline(line_limit)
            except UnicodeDecodeError as error:
                yield Skipped(f"{shown}#{number + 1}", f"undecodable ({error}; rest of file skipped)")
                return
            if not line:
                if not seen_content:
                    raise SkipReason("empty (no records)")
                return
            number += 1
            origin = f"{shown}#{number}"
            if len(line) >= line_limit and not line.endswith("\n"):
                seen_content = True
                _skip_line(stream)
                yield Skipped(origin, f"too large (line {number} over {line_limit:,} characters)")
                continue
            if not line.strip():
                continue
            seen_content = True
            try:
                value = json.loads(line)
            except ValueError as error:
                yield Skipped(origin, f"invalid JSON on line {number} ({_json_error(error)})")
                continue
            if not isinstance(value, dict):
                yield Skipped(origin, f"invalid JSON on line {number} (not an object)")
                continue
            yield _row_record(value, origin, f"{label}#{number}", shown, encoding, max_bytes)


def iter_csv(path: Path, shown: str, label: str, max_bytes: int) -> Iterator[Record | Skipped]:
    """One record per CSV row under a header naming the columns (case-insensitive)."""
    _raise_csv_field_limit(max_bytes)
    with _open_text(path, newline="") as (stream, encoding):
        try:
            delimiter = _delimiter(stream.readline())
            stream.seek(0)
            reader = csv.reader(stream, delimiter=delimiter)
            header = next(reader, None)
        except UnicodeDecodeError as error:
            raise SkipReason(f"undecodable ({error})") from error
        except csv.Error as error:
            raise SkipReason(f"invalid CSV in the header ({error})") from error
        if header is None:
            raise SkipReason("empty")
        names = [name.strip().lower() for name in header]
        if not set(names) & set(TEXT_FIELDS):
            raise SkipReason("no text field (the CSV header has no text, body or content column)")
        number = 0
        while True:
            try:
                row = next(reader, None)
            except UnicodeDecodeError as error:
                yield Skipped(f"{shown}#{number + 1}", f"undecodable ({error}; rest of file skipped)")
                return
            except csv.Error as error:
                reason = f"invalid CSV in row {number + 1} ({error}; rest of file skipped)"
                yield Skipped(f"{shown}#{number + 1}", reason)
                return
            if row is None:
                if number == 0:
                    raise SkipReason("empty (no rows)")
                return
            if not any(cell.strip() for cell in row):
                continue
            number += 1
            values = dict(zip(names, row, strict=False))  # short rows lack trailing cells
            yield _row_record(values, f"{shown}#{number}", f"{label}#{number}", shown, encoding, max_bytes)


def _row_record(
    row: Mapping[object, object], origin: str, fallback_id: str, shown: str, encoding: str, max_bytes: int
) -> Record | Skipped:
    """A JSONL/CSV row as a Record (fields text/body/content, title, url, date, id), or why it is skipped."""
    fields = lower_keys(row)
    texts = [value for name in TEXT_FIELDS if isinstance(value := fields.get(name), str)]
    if not texts:
        return Skipped(origin, "no text field")
    text = next((value for value in texts if value.strip()), texts[0])
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return Skipped(origin, too_large(size, max_bytes).reason)
    row_id = scalar(fields, "id")
    ids = (row_id, fallback_id) if row_id else (fallback_id,)
    return Record(
        text,
        ids,
        origin,
        title=short_title(scalar(fields, "title")),
        source=scalar(fields, "url") or shown,
        date=normalise_date(scalar(fields, "date")),
        encoding=encoding,
    )


@contextmanager
def _open_text(path: Path, newline: str) -> Iterator[tuple[io.TextIOWrapper, str]]:
    """A record file as a text stream in its detected encoding, and that encoding."""
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
        check_not_binary(head)
        encoding = detect_encoding(head, partial=len(head) == _SAMPLE_BYTES)
        if encoding is None:
            raise SkipReason("undecodable (no text encoding fits)")
        handle.seek(0)
        with io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline=newline) as stream:
            yield stream, encoding


def _skip_line(stream: io.TextIOWrapper) -> None:
    """Read past the rest of an over-long line without holding it."""
    while True:
        chunk = stream.readline(65536)
        if not chunk or chunk.endswith("\n"):
            return


def _delimiter(header_line: str) -> str:
    """The delimiter under which the header names a text column (comma when none does)."""
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([header_line], delimiter=delimiter), [])
        if {cell.strip().lower() for cell in cells} & set(TEXT_FIELDS):
            return delimiter
    return ","


def _raise_csv_field_limit(max_bytes: int) -> None:
    """Let the csv module read fields up to the document size limit (its default is 128 KiB).

    The limit is process-wide in the csv module; it is only ever raised here, never lowered.
    """
    if csv.field_size_limit() < max_bytes + 1:
        csv.field_size_limit(max_bytes + 1)


def _json_error(error: ValueError) -> str:
    """json's message without the position it repeats (the line is already named)."""
    return getattr(error, "msg", None) or str(error)
