"""Bad input: every file is built or reported with its reason; good files lose nothing; text stays data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.paths import EXAMPLES_DIR
from kg.pipeline import BuildError, build

MAX_BYTES = 40_000

GOOD_ARTICLE = (
    "Finnish President Aino Virtanen said on Monday that the ceasefire talks would resume next week. "
    '"We will not give up on a fair peace," Virtanen told reporters in Helsinki.\n'
)


def _nasty_corpus(folder: Path) -> dict[str, str]:
    """Write at least 15 bad inputs plus good ones; return {file name: expected reason prefix}."""
    folder.mkdir(parents=True)
    good = folder / "1-good"
    good.mkdir()
    for src in sorted(EXAMPLES_DIR.glob("*.txt"))[:2]:
        (good / src.name).write_bytes(src.read_bytes())
    (good / "cp1252.txt").write_bytes(
        (GOOD_ARTICLE.replace('"', "“", 1).replace('"', "”", 1) + "Café au lait.\n").encode("cp1252")
    )
    (good / "rows.jsonl").write_text(
        json.dumps({"id": "row-1", "title": "Row one", "text": GOOD_ARTICLE}) + "\n", encoding="utf-8"
    )

    bad = folder / "2-bad"
    bad.mkdir()
    expected = {
        "empty.txt": "empty",
        "blank.md": "empty",
        "report.pdf.txt": "binary",
        "nul.txt": "binary",
        "photo.txt": "binary",
        "archive.txt": "binary",
        "huge.txt": "too large",
        "copy.txt": "duplicate of",
        "script-only.html": "empty",
        "paper.docx": "unsupported file type",
        "slides.pdf": "unsupported file type",
        "broken.jsonl#2": "invalid JSON",
        "notext.jsonl#1": "no text field",
        "table.csv#2": "empty",
        "emptyrow.jsonl#1": "empty",
        "dup-row.jsonl#1": "duplicate of",
    }
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (bad / "report.pdf.txt").write_bytes(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    )
    (bad / "nul.txt").write_bytes(b"Some text\x00\x00\x00with NUL bytes\x00 inside.")
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (bad / "archive.txt").write_bytes(b"PK\x03\x04" + bytes(200))
    (bad / "huge.txt").write_text("word " * (MAX_BYTES // 4), encoding="utf-8")
    (bad / "copy.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (good / "original.txt").write_text(GOOD_ARTICLE + "An original line.\n", encoding="utf-8")
    (bad / "copy.txt").write_text(GOOD_ARTICLE + "An original line.\n", encoding="utf-8")
    (bad / "script-only.html").write_text(
        "<html><head><script>alert(1)</script></head><body><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    (bad / "paper.docx").write_bytes(b"PK\x03\x04not really a docx")
    (bad / "slides.pdf").write_bytes(b"%PDF-1.4")
    (bad / "broken.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": GOOD_ARTICLE.replace("Monday", "Tuesday")})
        + "\n{this is not json\n"
        + json.dumps({"id": "ok-3", "text": GOOD_ARTICLE.replace("Monday", "Friday")})
        + "\n",
        encoding="utf-8",
    )
    (bad / "notext.jsonl").write_text(json.dumps({"id": "x", "title": "No body"}) + "\n", encoding="utf-8")
    (bad / "table.csv").write_text(
        "id,title,text\nc1,Fine,"
        + '"'
        + GOOD_ARTICLE.replace("Monday", "Sunday").replace('"', '""')
        + '"\nc2,Blank,   \n',
        encoding="utf-8",
    )
    (bad / "emptyrow.jsonl").write_text(json.dumps({"id": "e", "text": "   "}) + "\n", encoding="utf-8")
    (bad / "dup-row.jsonl").write_text(json.dumps({"id": "d", "text": GOOD_ARTICLE}) + "\n", encoding="utf-8")
    return expected


@pytest.fixture(scope="module")
def nasty(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("nasty")
    expected = _nasty_corpus(root / "in")
    report = build([root / "in"], root / "out", max_bytes=MAX_BYTES, validate=True)
    return root, expected, report


def test_every_bad_input_is_reported_with_its_reason(nasty):
    root, expected, report = nasty
    assert len(expected) >= 15
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    for name, prefix in expected.items():
        assert name in reasons, f"{name} is neither built nor reported"
        assert reasons[name].startswith(prefix), (name, reasons[name])
    saved = json.loads((root / "out" / "report.json").read_text())
    assert {Path(s["source"]).name for s in saved["skipped"]} >= set(expected)


def test_nothing_is_silently_dropped(nasty):
    root, _, report = nasty
    built_sources = {Path(o.source or "").name for o in report.outcomes}
    skipped_sources = {Path(s.source).name.split("#")[0] for s in report.skipped}
    for path in (root / "in").rglob("*"):
        if path.is_file():
            assert path.name in built_sources | skipped_sources, path.name


def test_good_files_facts_are_all_present(nasty, tmp_path: Path):
    from kg.views.export import load, serialize

    root, _, report = nasty
    assert report.conforms is True, report.validation
    good_files = sorted((root / "in" / "1-good").iterdir())
    build(good_files, tmp_path, max_bytes=MAX_BYTES, validate=False)
    alone = set(serialize(load(tmp_path / "graph.trig"), "nquads").splitlines())
    together = set(serialize(load(root / "out" / "graph.trig"), "nquads").splitlines())
    missing = {q for q in alone - together if "#mentionCount>" not in q}  # counts grow with the corpus
    assert not missing, sorted(missing)[:5]
    assert report.statements > 0


def test_windows_1252_is_decoded_and_recorded(nasty):
    _, _, report = nasty
    [outcome] = [o for o in report.outcomes if o.id == "cp1252.txt"]
    assert outcome.encoding and "1252" in outcome.encoding
    assert outcome.statements >= 1


def test_exit_code_and_strict(nasty, tmp_path: Path):
    root, _, _ = nasty
    with pytest.raises(BuildError, match="was not built"):
        build([root / "in" / "2-bad"], tmp_path / "strict", max_bytes=MAX_BYTES, strict=True)
    cmd = [sys.executable, "-m", "kg", "build", str(root / "in"), "--out", str(tmp_path / "cli")]
    proc = subprocess.run([*cmd, "--max-bytes", str(MAX_BYTES)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 4, proc.stderr  # some inputs skipped: distinct from success and from errors
    assert "Traceback" not in proc.stderr
    assert "skipped" in proc.stderr


def test_hostile_quotes_and_names_round_trip(tmp_path: Path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.views.export import load, union

    text = (
        "Acting Defence Minister Seán O'Neill-Ødegård said on Monday that "
        '"<script>alert(\'x\')</script> and \\"escapes\\" & @prefix kg: <http://evil/> ." was a test.\n'
        '"Ignore previous }} ; DROP ALL ; """ triple quotes\\n and a \U0001f600 emoji," '
        "O'Neill-Ødegård said.\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(text, encoding="utf-8")
    report = build([tmp_path / "in"], tmp_path / "out")
    assert report.conforms is True, report.validation
    assert report.statements >= 1
    parsed = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert isomorphic(parsed, union(load(tmp_path / "out" / "graph.trig")))
    for subject in parsed.subjects():
        assert "<script>" not in str(subject) and " " not in str(subject)
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert('x')" not in html


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            list("abc XYZ.,;:\"'“”‘’«»()[]\n\t\r\x00\x07—-\u202e") + ["Mr Smith said ", "he told "]
        )
        | st.text(max_size=5),
        max_size=120,
    ).map("".join)
)
def test_fuzz_extraction_never_crashes_and_offsets_hold(nlp, text):
    from kg.pipeline import extract_document
    from kg.types import Document

    doc = Document("fuzz.txt", text)
    result = extract_document(doc, nlp(text))
    for statement in result.statements:
        assert text[statement.char_start : statement.char_end] == statement.quote
        assert 0.0 <= statement.confidence <= 1.0
    for pledge in result.pledges:
        assert 0 <= pledge.char_start < pledge.char_end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv"]))
def test_fuzz_loaders_build_or_skip_every_file(tmp_path_factory, data, suffix):
    from kg.documents import iter_inputs
    from kg.types import Document, Skipped

    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    items = list(iter_inputs([path]))
    assert items, "a file must yield a document or a skip"
    for item in items:
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Document):
            assert item.text.strip()
