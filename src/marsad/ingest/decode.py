"""Bytes to text: BOMs, UTF-8, UTF-16, and the legacy Arabic code pages (windows-1256, ISO-8859-6), in NFC."""
from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

LEGACY_ARABIC = ("cp1256", "iso8859_6", "utf_16")


class UndecodableError(ValueError):
    """The bytes are binary or in no encoding we can read."""


def decode_bytes(data: bytes) -> str:
    """Decode `data` to NFC text, or raise UndecodableError with the reason."""
    if not data.strip():
        raise UndecodableError("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _nfc(data.decode(encoding, errors="replace"))
    utf16 = _utf16_order(data)
    if utf16:
        return _nfc(data.decode(utf16, errors="replace"))
    if b"\x00" in data[:4096]:
        raise UndecodableError("binary content (NUL bytes), not text")
    try:
        return _nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=list(LEGACY_ARABIC)).best()
    if best is None:
        raise UndecodableError("unknown text encoding")
    return _nfc(data.decode(best.encoding, errors="replace"))


def _utf16_order(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of the first kilobyte is a high byte, NUL (Latin) or 0x06 (Arabic)."""
    head = data[:1024]
    if len(head) < 4:
        return None
    for high, codec in ((head[1::2], "utf-16-le"), (head[0::2], "utf-16-be")):
        if high.count(0) + high.count(6) > 0.9 * len(high):
            return codec
    return None


def _nfc(text: str) -> str:
    """The text with one kind of line break, in NFC: a line at a time, as composition never crosses a line break
    and most lines pass the quick check as they are (normalising a whole corpus file was ~60% of reading it)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise UndecodableError("binary content (NUL characters), not text")
    if unicodedata.is_normalized("NFC", text):
        return text
    return "\n".join(line if unicodedata.is_normalized("NFC", line) else unicodedata.normalize("NFC", line)
                     for line in text.split("\n"))
