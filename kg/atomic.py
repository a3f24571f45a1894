"""Atomic file writes shared by every stage: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path | str, data: str | bytes) -> Path:
    """Write `data` (UTF-8 text or bytes) to a temporary file beside `path`, then rename it over `path`.

    Keeps an existing file's permissions (new files get 0644); creates the parent folder.
    """
    with open_atomic(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


@contextmanager
def open_atomic(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to stream into; it replaces `path` when the block ends, and vanishes on an error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
