"""The lines of a document as cleaning sees them: NFC, invisible marks gone, spaces squeezed."""
from __future__ import annotations

import re
import unicodedata

from marsad.ingest.html import page_lines
from marsad.types import RawDocument

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def tidy(line: str) -> str:
    """One line without invisible marks, with single spaces and no spaces at its ends."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def text_lines(body: str) -> list[str]:
    """Every line of a text (empty ones too, so that adjacency is kept), tidied."""
    return [tidy(line) for line in unicodedata.normalize("NFC", body).split("\n")]


def document_lines(raw: RawDocument) -> list[str]:
    """The non-empty lines of a document: its text, or the visible text of an HTML page (menus and footers
    included, since they are what recurs across an outlet's pages)."""
    body = page_lines(raw.body) if raw.format == "html" else raw.body
    return [line for line in text_lines(body) if line]
