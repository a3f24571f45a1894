"""Walking inputs: order, hidden files, unique ids, duplicates, every skip reason, user errors."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.documents import REASON_KINDS, Document, InputError, Skipped, iter_inputs, reason_kind


def load(*paths: Path | str, **options: int) -> list[Document | Skipped]:
    return list(iter_inputs(list(paths), **options))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def skip_reasons(results: list[Document | Skipped]) -> dict[str, str]:
    return {r.source: r.reason for r in results if isinstance(r, Skipped)}


def test_missing_path_raises_input_error_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Some text.")
    missing = tmp_path / "nowhere" / "gone.txt"
    with pytest.raises(InputError) as caught:
        iter_inputs([good, missing])  # raised by the call itself, not on iteration
    message = str(caught.value)
    assert message == f"Input path '{missing}' does not exist."
    assert message.count(".") >= 1 and "\n" not in message


def test_nested_folders_are_read_depth_first_in_sorted_order(tmp_path: Path) -> None:
    # created out of order on purpose
    for name in ["z.txt", "b/y.txt", "a.txt", "b/c/x.txt", "b/a.md", "B.txt"]:
        write(tmp_path / name, f"Text of {name}.")
    ids = [d.id for d in load(tmp_path) if isinstance(d, Document)]
    assert ids == ["B.txt", "a.txt", "a.md", "x.txt", "y.txt", "z.txt"]
    assert ids == [d.id for d in load(tmp_path) if isinstance(d, Document)]


def test_hidden_files_and_folders_are_not_inputs(tmp_path: Path) -> None:
    write(tmp_path / "visible.txt", "Visible.")
    write(tmp_path / ".hidden.txt", "Hidden file.")
    write(tmp_path / ".git" / "notes.txt", "Hidden folder.")
    assert [getattr(r, "id", r) for r in load(tmp_path)] == ["visible.txt"]


def test_same_file_name_in_two_folders_gets_unique_ids(tmp_path: Path) -> None:
    write(tmp_path / "a" / "000_abc.txt", "First article.")
    write(tmp_path / "b" / "000_abc.txt", "Second article.")
    write(tmp_path / "c" / "000_abc.txt", "Third article.")
    ids = [d.id for d in load(tmp_path) if isinstance(d, Document)]
    assert ids == ["000_abc.txt", "b/000_abc.txt", "c/000_abc.txt"]


def test_same_relative_path_in_two_inputs_still_unique(tmp_path: Path) -> None:
    one = write(tmp_path / "one" / "x.txt", "Text one.")
    two = write(tmp_path / "two" / "x.txt", "Text two.")
    three = write(tmp_path / "three" / "x.txt", "Text three.")
    ids = [d.id for d in load(one.parent, two.parent, three) if isinstance(d, Document)]
    assert ids == ["x.txt", str(two.as_posix()), str(three.as_posix())]
    assert len(set(ids)) == 3


def test_row_ids_that_clash_are_made_unique(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", json.dumps({"id": "same", "text": "Alpha."}) + "\n")
    write(tmp_path / "b.jsonl", json.dumps({"id": "same", "text": "Beta."}) + "\n")
    ids = [d.id for d in load(tmp_path) if isinstance(d, Document)]
    assert ids == ["same", "b.jsonl#1"]


def test_duplicate_text_is_skipped_naming_the_first(tmp_path: Path) -> None:
    text = "The same wire story, published twice.\n"
    write(tmp_path / "01.txt", text)
    write(tmp_path / "02.txt", text)
    write(tmp_path / "03.jsonl", json.dumps({"id": "row-1", "text": text}) + "\n")
    results = load(tmp_path)
    assert [type(r).__name__ for r in results] == ["Document", "Skipped", "Skipped"]
    assert skip_reasons(results) == {
        str(tmp_path / "02.txt"): "duplicate of 01.txt",
        f"{tmp_path / '03.jsonl'}#1": "duplicate of 01.txt",
    }


def test_the_same_file_named_twice_is_a_duplicate_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path / "once.txt", "Only once.")
    results = load(path, tmp_path)
    assert isinstance(results[0], Document)
    assert skip_reasons(results) == {str(tmp_path / "once.txt"): "duplicate of once.txt"}


def test_each_skip_reason_for_its_case(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.md", " \n\t\r\n")
    write(tmp_path / "renamed_pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    write(tmp_path / "nul.html", b"<html>\x00\x01\x02</html>")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "report.pdf", b"%PDF-1.4")
    write(tmp_path / "noext", "Text without a suffix.")
    write(tmp_path / "garbage.txt", bytes(range(0x80, 0x100)) * 3)
    write(tmp_path / "big.txt", "x" * 600)
    write(tmp_path / "script_only.html", "<html><body><script>var a = 1;</script></body></html>")
    write(tmp_path / "rows.jsonl", "not json\n")
    write(tmp_path / "ok.txt", "Fine.")
    reasons = skip_reasons(load(tmp_path, max_bytes=500))
    expected_kinds = {
        "empty.txt": "empty",
        "blank.md": "empty",
        "renamed_pdf.txt": "binary",
        "nul.html": "binary",
        "image.png": "unsupported file type",
        "report.pdf": "unsupported file type",
        "noext": "unsupported file type",
        "garbage.txt": "undecodable",
        "big.txt": "too large",
        "script_only.html": "empty",
    }
    for name, kind in expected_kinds.items():
        assert reason_kind(reasons[str(tmp_path / name)]) == kind, (name, reasons)
    assert reasons[str(tmp_path / "renamed_pdf.txt")] == "binary (PDF)"
    assert reasons[str(tmp_path / "report.pdf")] == "unsupported file type '.pdf'"
    assert reasons[str(tmp_path / "noext")] == "unsupported file type (no extension)"
    assert reasons[str(tmp_path / "big.txt")] == "too large (600 bytes; limit 500)"
    assert reason_kind(reasons[f"{tmp_path / 'rows.jsonl'}#1"]) == "invalid JSON"
    assert str(tmp_path / "ok.txt") not in reasons


def test_explicitly_named_unsupported_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "paper.PDF", b"%PDF-1.4")
    assert load(path) == [Skipped(str(path), "unsupported file type '.pdf'")]


def test_upper_case_suffix_is_supported(tmp_path: Path) -> None:
    (doc,) = load(write(tmp_path / "README.TXT", "Readme text is content too."))
    assert isinstance(doc, Document)
    assert doc.id == "README.TXT"


def test_jsonl_row_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.jsonl",
        json.dumps({"text": "short"}) + "\n" + json.dumps({"text": "y" * 500}) + "\n",
    )
    doc, skip = load(path, max_bytes=100)
    assert isinstance(doc, Document)
    assert isinstance(skip, Skipped)
    assert skip.source == f"{path}#2"
    assert skip.reason == "too large (500 bytes; limit 100)"


def test_unreadable_file_reports_the_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.documents import formats

    path = write(tmp_path / "locked.txt", "Locked text.")

    def refuse(path: Path, max_bytes: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(formats, "read_limited", refuse)
    assert load(path) == [Skipped(str(path), "unreadable (Permission denied)")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_special_file_in_a_folder_is_unreadable_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert load(tmp_path) == [Skipped(str(tmp_path / "pipe.txt"), "unreadable (not a regular file)")]


def test_symbolic_link_loop_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha.")
    try:
        (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("symbolic links are not available here")
    results = load(tmp_path)
    assert [getattr(r, "id", None) for r in results] == ["a.txt", None]
    assert results[1] == Skipped(str(tmp_path / "loop"), "unreadable (symbolic link loop)")


def test_inputs_stream_one_file_at_a_time(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", "First.")
    second = write(tmp_path / "2.txt", "Second.")
    stream = iter_inputs([tmp_path])
    assert isinstance(stream, Iterator)
    first = next(stream)
    assert isinstance(first, Document) and first.id == "1.txt"
    second.unlink()  # not read yet, so its loss shows up as a skip rather than a document
    assert list(stream) == [Skipped(str(second), "unreadable (not a regular file)")]


def test_reason_kind_groups_every_reason_by_its_keyword() -> None:
    samples = {
        "duplicate of a.txt": "duplicate of",
        "invalid JSON on line 3 (Expecting value)": "invalid JSON",
        "too large (12,000 bytes; limit 10)": "too large",
        "binary (PDF)": "binary",
        "empty (no main text in the page)": "empty",
        "unreadable (Permission denied)": "unreadable",
    }
    for reason, kind in samples.items():
        assert reason_kind(reason) == kind
        assert kind in REASON_KINDS


def _random_content(rng: random.Random) -> bytes:
    """One messy input: random bytes, Unicode in a random encoding, broken JSON lines or tag soup."""
    alphabet = "abc \u201c\u201d\"'<>&;,\n\r\t\x0b\x1f\u00e9\u00df\u0416\u4e2d\U0001f600\ufeff\u2028{}[]:\\"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
    choice = rng.randrange(5)
    if choice == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    if choice == 1:
        return text.encode(rng.choice(["utf-8", "utf-16", "utf-8-sig"]))
    if choice == 2:
        return text.encode("cp1252", errors="replace")
    if choice == 3:
        lines = [json.dumps({"text": text[i:]}) if i % 2 else text[i : i + 20] for i in range(0, 60, 7)]
        return "\n".join(lines).encode("utf-8")
    return f"<html><body><p>{text}</p><script>{text}</script><p>id,text\n1,{text}</p>".encode()


def test_messy_inputs_never_crash_and_every_file_is_accounted_for(tmp_path: Path) -> None:
    rng = random.Random(20250302)
    suffixes = [".txt", ".md", ".html", ".jsonl", ".csv", ".bin"]
    files = [write(tmp_path / f"f{i:03d}{rng.choice(suffixes)}", _random_content(rng)) for i in range(120)]
    results = load(tmp_path, max_bytes=2_000)
    for path in files:
        shown = str(path)
        assert any(r.source == shown or r.source.startswith(shown + "#") for r in results), shown
    docs = [r for r in results if isinstance(r, Document)]
    assert docs, "the generator should produce some usable documents"
    assert len({d.id for d in docs}) == len(docs)
    assert len({d.sha256 for d in docs}) == len(docs)
    for doc in docs:
        assert doc.text.strip()
        doc.text.encode("utf-8")  # no unpaired surrogates reach later stages
    for skip in (r for r in results if isinstance(r, Skipped)):
        assert reason_kind(skip.reason) in REASON_KINDS, skip


def test_a_single_path_string_is_one_input(tmp_path: Path) -> None:
    write(tmp_path / "solo.txt", "Solo text.")
    assert [getattr(r, "id", r) for r in iter_inputs(str(tmp_path / "solo.txt"))] == ["solo.txt"]


def test_jsonl_line_too_long_to_hold_is_skipped_and_the_next_line_loads(tmp_path: Path) -> None:
    huge = json.dumps({"text": "z" * 70_000})
    path = write(tmp_path / "huge.jsonl", huge + "\n" + json.dumps({"text": "After the huge line."}) + "\n")
    skip, doc = load(path, max_bytes=100)
    assert isinstance(skip, Skipped)
    assert skip.source == f"{path}#1"
    assert reason_kind(skip.reason) == "too large"
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("huge.jsonl#2", "After the huge line.")
