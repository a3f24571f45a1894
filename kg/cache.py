"""The build folder's memory between builds: documents by content hash, and their extraction results.

Keyed by the SHA-256 of each document's text and a fingerprint of the extractor (model name plus the code
and data files of the parse, actors and facts stages), so an unchanged document is never parsed twice,
a changed extractor re-extracts everything, and a build that was killed resumes where it stopped: each
result is written (atomically) as soon as it is extracted.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

from kg.atomic import write_atomic
from kg.paths import PACKAGE_DIR
from kg.types import DocResult, Document

_STAGES = ("nlp", "actors", "facts")


def fingerprint(model: str) -> str:
    """Hash of what decides an extraction result: the model name and the stages' code and data files."""
    h = hashlib.sha256(model.encode())
    for stage in _STAGES:
        for path in sorted((PACKAGE_DIR / stage).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".jsonl", ".txt"}:
                h.update(str(path.relative_to(PACKAGE_DIR)).encode())
                h.update(path.read_bytes())
    h.update((PACKAGE_DIR / "types.py").read_bytes())
    return h.hexdigest()[:16]


class BuildCache:
    """Documents and extraction results of one build folder, plus the manifest of the corpus it holds."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.docs = folder / "docs"
        self.results = folder / "results" / fingerprint
        self.manifest_path = folder / "manifest.json"

    def prune_old_results(self) -> None:
        """Drop results made by another extractor version (they can never be used again)."""
        root = self.folder / "results"
        if root.is_dir():
            for child in root.iterdir():
                if child.name != self.fingerprint:
                    shutil.rmtree(child, ignore_errors=True)

    def clear(self) -> None:
        """Forget everything (`kg build --rebuild`)."""
        shutil.rmtree(self.folder, ignore_errors=True)

    # the corpus: document id -> content hash
    def manifest(self) -> dict[str, str]:
        if not self.manifest_path.exists():
            return {}
        return dict(json.loads(self.manifest_path.read_text(encoding="utf-8")))

    def save_manifest(self, manifest: dict[str, str]) -> None:
        text = json.dumps(dict(sorted(manifest.items())), indent=1, ensure_ascii=False)
        write_atomic(self.manifest_path, text.encode("utf-8"))

    # documents
    def put_document(self, document: Document) -> None:
        path = self.docs / f"{document.sha256}.pickle"
        if not path.exists():
            write_atomic(path, pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))

    def document(self, sha: str) -> Document | None:
        path = self.docs / f"{sha}.pickle"
        return pickle.loads(path.read_bytes()) if path.exists() else None

    def drop_document(self, sha: str) -> None:
        (self.docs / f"{sha}.pickle").unlink(missing_ok=True)
        (self.results / f"{sha}.pickle").unlink(missing_ok=True)

    # results
    def has_result(self, sha: str) -> bool:
        return (self.results / f"{sha}.pickle").exists()

    def put_result(self, result: DocResult) -> None:
        write_atomic(
            self.results / f"{result.document.sha256}.pickle",
            pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL),
        )

    def result(self, sha: str) -> DocResult:
        return pickle.loads((self.results / f"{sha}.pickle").read_bytes())

    def results_for(self, shas: list[str]) -> Iterator[DocResult]:
        for sha in shas:
            yield self.result(sha)
