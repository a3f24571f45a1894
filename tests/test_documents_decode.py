"""Bytes to text: UTF-8, byte-order marks, legacy encodings, binary sniffing, dates."""

from __future__ import annotations

import codecs

import pytest

from kg.documents.dates import normalise_date
from kg.documents.decode import SkipReason, binary_kind, decode_bytes, detect_encoding

WESTERN = "The minister said \u201cthe talks were useful\u201d, and the caf\u00e9 owner agreed.\r\nLine 2.\n"


def test_utf8_is_kept_exactly_with_its_newlines() -> None:
    text = "  Line one\r\n\r\nLine two\u2014with a dash\n\tindented\n"
    decoded, encoding = decode_bytes(text.encode("utf-8"))
    assert decoded == text
    assert encoding == "utf-8"


def test_utf8_bom_is_stripped_and_recorded() -> None:
    decoded, encoding = decode_bytes(codecs.BOM_UTF8 + WESTERN.encode("utf-8"))
    assert decoded == WESTERN
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text_not_binary(codec: str) -> None:
    data = WESTERN.encode(codec)
    assert b"\x00" in data
    assert binary_kind(data) is None
    decoded, encoding = decode_bytes(data)
    assert decoded == WESTERN
    assert encoding == codec


@pytest.mark.parametrize(
    "text",
    [
        WESTERN,
        "He said \u201cwe will help\u201d at the caf\u00e9.",
        "Le pr\u00e9sident a d\u00e9clar\u00e9 que la France enverra des soldats apr\u00e8s la tr\u00eave.",
    ],
)
def test_windows_1252_curly_quotes_and_accents_decode(text: str) -> None:
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded, encoding = decode_bytes(data)
    assert decoded == text
    assert encoding == "cp1252"


def test_declared_charset_wins_over_a_guess() -> None:
    text = "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0441\u043a\u0430\u0437\u0430\u043b."
    data = text.encode("cp1251")
    assert decode_bytes(data, declared="windows-1251") == (text, "cp1251")


def test_declared_latin1_is_read_as_windows_1252() -> None:
    data = "\u201cYes,\u201d she said.".encode("cp1252")
    assert detect_encoding(data, declared="ISO-8859-1") == "cp1252"


def test_declared_charset_that_does_not_fit_is_ignored() -> None:
    data = "caf\u00e9 \u201cok\u201d and more words here".encode("cp1252")
    assert detect_encoding(data, declared="no-such-charset") == "cp1252"


def test_partial_sample_may_end_inside_a_character() -> None:
    data = "na\u00efve \u2014 ".encode("utf-8")
    cut = data[:-2]  # ends inside the three-byte dash
    assert detect_encoding(cut, partial=True) == "utf-8"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "zip archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"plain start then a NUL \x00 byte", "NUL bytes"),
    ],
)
def test_binary_content_is_refused(data: bytes, kind: str) -> None:
    assert binary_kind(data) == kind
    with pytest.raises(SkipReason) as caught:
        decode_bytes(data)
    assert caught.value.reason == f"binary ({kind})"


def test_text_that_merely_starts_with_letters_of_a_signature_is_text() -> None:
    for text in ("MZ Bank said profits rose.", "RIFF between the allies widened."):
        assert binary_kind(text.encode()) is None


def test_bytes_no_encoding_reads_are_undecodable() -> None:
    data = bytes(range(0x80, 0x100)) * 3
    with pytest.raises(SkipReason) as caught:
        decode_bytes(data)
    assert caught.value.reason.startswith("undecodable")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-02", "2025-03-02"),
        (" 2025-03-02T09:30:00Z ", "2025-03-02T09:30:00+00:00"),
        ("2025-03-02T09:30:00+01:00", "2025-03-02T09:30:00+01:00"),
        ("Sun, 02 Mar 2025 09:30:00 GMT", "2025-03-02T09:30:00+00:00"),
        ("March 2, 2025", "2025-03-02"),
        ("2 March 2025", "2025-03-02"),
        ("2025/03/02", "2025-03-02"),
        ("20250302", "2025-03-02"),
        ("last spring", "last spring"),
        ("2025-02-30", "2025-02-30"),
        ("   ", None),
        (None, None),
    ],
)
def test_dates_are_normalised_to_iso_or_kept(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected
