"""Bytes to text: refuse binary content, decode UTF-8, else detect the encoding with charset-normalizer.

The decoded text is kept exactly (no whitespace or newline normalisation) because every fact's character
offsets index into it. The only change is dropping a leading byte-order mark, which is not content.
"""

from __future__ import annotations

import codecs
import re

# Signatures of common non-text files that users rename or drop into a corpus folder. Most other binary
# formats (executables, audio, video, databases) hold NUL bytes near the start and are caught by that test;
# signatures made only of letters that could begin a real text (e.g. "MZ", "RIFF") are deliberately absent.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"\x7fELF", "executable"),
)

# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy single-byte encoding preferred when charset-normalizer finds it as plausible as its best guess:
# on short Western text it otherwise picks look-alikes such as cp775 or cp1006 that garble curly quotes.
_PREFERRED_LEGACY = "cp1252"

# Declared charsets that browsers read as Windows-1252 (WHATWG Encoding Standard): pages that say
# ISO-8859-1 almost always hold Windows-1252 curly quotes and dashes.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}

_SNIFF_BYTES = 8192


class SkipReason(Exception):
    """An input cannot become a document; `reason` is the short text shown in the report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark (one whose decoder drops the mark), if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` (or its first bytes) looks like, or None for text.

    A known file signature, or a NUL byte in the first 8 KiB of a file without a UTF-16/32 byte-order mark.
    """
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:_SNIFF_BYTES]:
        return "NUL bytes"
    return None


def check_not_binary(data: bytes) -> None:
    """Raise SkipReason("binary (...)") when `data` is not text."""
    kind = binary_kind(data)
    if kind is not None:
        raise SkipReason(f"binary ({kind})")


def detect_encoding(data: bytes, declared: str | None = None, *, partial: bool = False) -> str | None:
    """The codec to decode `data` with, or None when no encoding reads it as text.

    Order: byte-order mark, strict UTF-8, the `declared` charset (e.g. an HTML meta tag) when it decodes
    cleanly, then charset-normalizer. `partial` says `data` is only the start of a file, so a multi-byte
    character cut at the end is not an error.
    """
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    if _decodes(data, "utf-8", partial):
        return "utf-8"
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        name = _WHATWG_ALIASES.get(name, name) if name else None
        if name is not None and name not in ("utf-8", "utf-16", "utf-32") and _decodes(data, name, partial):
            return name
    return _charset_normalizer_guess(data)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a whole file: `(text, encoding)`; raises SkipReason for binary or undecodable input."""
    check_not_binary(data)
    encoding = detect_encoding(data, declared)
    if encoding is None:
        raise SkipReason("undecodable (no text encoding fits)")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SkipReason(f"undecodable ({encoding}: {error})") from error
    return strip_bom(text), encoding


def strip_bom(text: str) -> str:
    """`text` without a leading U+FEFF byte-order mark."""
    return text[1:] if text.startswith("\ufeff") else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """True when `text` holds unpaired surrogates (possible from JSON escapes); such text is not Unicode."""
    return _SURROGATE.search(text) is not None


def clean_field(value: str) -> str:
    """A metadata value safe to encode: unpaired surrogates replaced with U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _decodes(data: bytes, encoding: str, partial: bool) -> bool:
    """Whether `data` decodes strictly with `encoding` (allowing a cut final character when `partial`)."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _charset_normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's choice, preferring Windows-1252 among equally plausible candidates."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        plausible = match.chaos <= best.chaos and _PREFERRED_LEGACY in match.could_be_from_charset
        if plausible and _decodes(data, _PREFERRED_LEGACY, False):
            return _PREFERRED_LEGACY
    return codecs.lookup(best.encoding).name
