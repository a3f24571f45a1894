"""Each input format becomes Documents with the right id, title, date, source, text and encoding."""

from __future__ import annotations

import json
from pathlib import Path

from kg.documents import Document, Skipped, iter_inputs


def load(*paths: Path | str, **options: int) -> list[Document | Skipped]:
    return list(iter_inputs(list(paths), **options))


def only_documents(results: list[Document | Skipped]) -> list[Document]:
    assert all(isinstance(r, Document) for r in results), results
    return [r for r in results if isinstance(r, Document)]


def test_txt_keeps_text_exactly_and_titles_with_first_nonblank_line(tmp_path: Path) -> None:
    text = "\r\n   Ceasefire talks resume in Vienna  \r\nDelegates arrived on Sunday.\r\n\r\nMore later.\r\n"
    path = tmp_path / "000_talks.txt"
    path.write_bytes(text.encode("utf-8"))
    (doc,) = only_documents(load(path))
    assert doc.id == "000_talks.txt"
    assert doc.text == text
    assert doc.title == "Ceasefire talks resume in Vienna"
    assert doc.source == str(path)
    assert doc.date is None
    assert doc.encoding == "utf-8"


def test_long_first_line_title_is_cut_to_200_characters(tmp_path: Path) -> None:
    line = " ".join(f"word{i}" for i in range(100))
    (tmp_path / "long.txt").write_text(line + "\nsecond", encoding="utf-8")
    (doc,) = only_documents(load(tmp_path / "long.txt"))
    assert doc.title is not None
    assert len(doc.title) <= 200
    assert line.startswith(doc.title.rstrip("\u2026"))


def test_source_is_the_path_as_given(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    Path("corpus/a.txt").write_text("Alpha text.", encoding="utf-8")
    (doc,) = only_documents(load("corpus"))
    assert doc.source == str(Path("corpus") / "a.txt")


def test_markdown_title_is_first_h1_and_text_is_the_markdown(tmp_path: Path) -> None:
    text = "Intro line that is not a heading\n\n## Sub heading\n\n# Main heading #\n\nBody with *emphasis*.\n"
    (tmp_path / "note.md").write_text(text, encoding="utf-8")
    (doc,) = only_documents(load(tmp_path / "note.md"))
    assert doc.title == "Main heading"
    assert doc.text == text


def test_markdown_without_heading_uses_first_line(tmp_path: Path) -> None:
    (tmp_path / "plain.md").write_text("\nJust a first line\nand a second", encoding="utf-8")
    (doc,) = only_documents(load(tmp_path / "plain.md"))
    assert doc.title == "Just a first line"


def test_markdown_front_matter_gives_title_and_date(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Summit ends without deal"\ndate: 2025-02-17\nauthor: desk\n---\n'
        "# Other heading\n\nBody.\n"
    )
    (tmp_path / "fm.md").write_text(text, encoding="utf-8")
    (doc,) = only_documents(load(tmp_path / "fm.md"))
    assert doc.title == "Summit ends without deal"
    assert doc.date == "2025-02-17"
    assert doc.text == text


def test_html_file_gives_main_text_title_and_date(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Talks stall</title>"
        '<meta name="date" content="Mon, 17 Feb 2025 10:00:00 GMT">'
        "<script>var hidden = 1;</script></head><body><nav>Menu Sections</nav>"
        "<p>The negotiators failed to agree on a timetable for the withdrawal.</p>"
        "<p>Another round is planned for next month in a neutral country.</p></body></html>"
    )
    (tmp_path / "page.htm").write_text(page, encoding="utf-8")
    (doc,) = only_documents(load(tmp_path / "page.htm"))
    assert doc.id == "page.htm"
    assert doc.title == "Talks stall"
    assert doc.date == "2025-02-17T10:00:00+00:00"
    assert "timetable for the withdrawal" in doc.text
    assert "Menu Sections" not in doc.text
    assert "hidden" not in doc.text
    assert "\n\n" in doc.text


def test_html_in_windows_1251_declared_in_meta(tmp_path: Path) -> None:
    words = "Переговоры продолжатся."
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{words}</p></body></html>'
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (doc,) = only_documents(load(tmp_path / "ru.html"))
    assert doc.text == words
    assert doc.encoding == "cp1251"


def test_windows_1252_text_file_decodes_and_records_encoding(tmp_path: Path) -> None:
    text = "The envoy said \u201cthe r\u00e9gime must choose\u201d before leaving.\r\n"
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (doc,) = only_documents(load(tmp_path / "legacy.txt"))
    assert doc.text == text
    assert doc.encoding == "cp1252"


def test_utf8_bom_is_stripped_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfFirst line\nSecond line\n")
    (doc,) = only_documents(load(tmp_path / "bom.txt"))
    assert doc.text == "First line\nSecond line\n"
    assert doc.title == "First line"


def test_jsonl_rows_become_documents_with_their_fields(tmp_path: Path) -> None:
    rows = [
        {
            "id": "art-1",
            "title": "First",
            "url": "https://example.org/1",
            "date": "2025-01-05",
            "text": "One.",
        },
        {"Title": "Second", "BODY": "Two.", "Date": "January 6, 2025"},
        {"content": "Three.", "id": 42},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    first, second, third = only_documents(load(path))
    assert (first.id, first.title, first.source, first.date, first.text) == (
        "art-1",
        "First",
        "https://example.org/1",
        "2025-01-05",
        "One.",
    )
    assert (second.id, second.title, second.source, second.date, second.text) == (
        "feed.jsonl#2",
        "Second",
        str(path),
        "2025-01-06",
        "Two.",
    )
    assert (third.id, third.text) == ("42", "Three.")
    assert {first.encoding, second.encoding, third.encoding} == {"utf-8"}


def test_jsonl_broken_line_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": "Good one."}),
        '{"text": "broken, no closing brace"',
        "",
        json.dumps({"text": "Good two."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text here"}),
        json.dumps({"text": 17}),
        json.dumps({"text": "   "}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = load(path)
    docs = [r for r in results if isinstance(r, Document)]
    skips = [r for r in results if isinstance(r, Skipped)]
    assert [d.text for d in docs] == ["Good one.", "Good two."]
    assert [d.id for d in docs] == ["mixed.jsonl#1", "mixed.jsonl#4"]
    assert [(s.source, s.reason.split(" (")[0]) for s in skips] == [
        (f"{path}#2", "invalid JSON on line 2"),
        (f"{path}#5", "invalid JSON on line 5"),
        (f"{path}#6", "no text field"),
        (f"{path}#7", "no text field"),
        (f"{path}#8", "empty"),
    ]


def test_jsonl_unpaired_surrogate_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "sur.jsonl"
    path.write_text('{"text": "bad \\ud800 half"}\n{"text": "fine \\ud83d\\ude00 pair"}\n', encoding="utf-8")
    results = load(path)
    assert isinstance(results[0], Skipped)
    assert results[0].reason.startswith("undecodable")
    assert isinstance(results[1], Document)
    assert results[1].text == "fine \U0001f600 pair"


def test_csv_rows_with_case_insensitive_header_and_multiline_text(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        "ID,Title,URL,Date,Text\r\n"
        'c1,"Quoted, title",https://example.org/c1,2025-02-01,"Line one\r\nline ""two"""\r\n'
        ",,,,Second row text\r\n",
        encoding="utf-8",
        newline="",
    )
    first, second = only_documents(load(path))
    assert (first.id, first.title, first.source, first.date) == (
        "c1",
        "Quoted, title",
        "https://example.org/c1",
        "2025-02-01",
    )
    assert first.text == 'Line one\r\nline "two"'
    assert (second.id, second.title, second.source, second.text) == (
        "table.csv#2",
        None,
        str(path),
        "Second row text",
    )


def test_csv_with_semicolons_in_windows_1252(tmp_path: Path) -> None:
    text = "Le ministre a d\u00e9clar\u00e9 \u201cnous serons pr\u00eats\u201d, puis il est parti."
    path = tmp_path / "fr.csv"
    path.write_bytes(f"titre;body\nUn;{text}\n".encode("cp1252"))
    (doc,) = only_documents(load(path))
    assert doc.text == text
    assert doc.encoding == "cp1252"
    assert doc.id == "fr.csv#1"


def test_csv_without_text_column_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "meta.csv"
    path.write_text("id,title\n1,a\n2,b\n", encoding="utf-8")
    (skip,) = load(path)
    assert isinstance(skip, Skipped)
    assert skip.source == str(path)
    assert skip.reason.startswith("no text field")


def test_csv_row_with_blank_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("text,title\n ,blank\nReal text.,ok\n", encoding="utf-8")
    skip, doc = load(path)
    assert isinstance(skip, Skipped)
    assert (skip.source, skip.reason) == (f"{path}#1", "empty")
    assert isinstance(doc, Document)
    assert doc.id == "rows.csv#2"
