"""Arabic normalisation for matching, with a map back to the original offsets.

Each rule is a character table or a small named function, as in CAMeL Tools' `normalize.py`. The normalised
form is only for comparing strings; users always see the original text, reached through `Normalized.to_original`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

DIACRITICS = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
TATWEEL = "\u0640"
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

# The one character table: one character in, one character out. Its parts are named for the folds built on it.
LETTER_VARIANTS: dict[str, str] = {**dict.fromkeys("أإآٱ", "ا"), "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"}
HAMZA_SEATS: dict[str, str] = {"ؤ": "و", "ئ": "ي"}
FOREIGN_LETTERS: dict[str, str] = {"ڤ": "ف", "پ": "ب", "گ": "ك"}
DIGITS: dict[str, str] = {**{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
                          **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}}
PUNCTUATION: dict[str, str] = {
    **dict.fromkeys("«»“”„‟″", '"'),
    **dict.fromkeys("‘’‚‛", "'"),
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?",
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015", "-"),
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
LATIN_CASE: dict[str, str] = {
    **{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)},
    **{chr(c): chr(c).lower() for c in range(0xC0, 0xDF) if chr(c).lower() != chr(c)},
}
CHAR_MAP: dict[str, str] = {**LETTER_VARIANTS, **HAMZA_SEATS, **DIGITS, **PUNCTUATION, **FOREIGN_LETTERS,
                            **LATIN_CASE}
_FAST_TABLE = str.maketrans({**CHAR_MAP, **dict.fromkeys(DIACRITICS | INVISIBLE | {TATWEEL})})
# Word folding for look-ups (NER features, gazetteers, cue tables): spelling variants of letters and digits only;
# hamza seats, punctuation and foreign letters stay, since the tagger was trained on words folded this way.
_FOLD_TABLE = str.maketrans({**LETTER_VARIANTS, **DIGITS, **dict.fromkeys(DIACRITICS | INVISIBLE | {TATWEEL})})
_DROP = 0xFFFFFFFF  # the code a dropped character maps to in `_FAST_CODES` (no character has it)
_FAST_CODES = np.arange(0x10000, dtype=np.uint32)  # `_FAST_TABLE` as an array over the Basic Multilingual Plane
for _code, _to in _FAST_TABLE.items():
    _FAST_CODES[_code] = _DROP if _to is None else ord(_to)
LONG_TEXT = 256  # from this length a text is translated through `_FAST_CODES` (per call it costs more, per
# character about a fifteenth of `str.translate`'s look-up of each character)
_DROPPED = re.compile("[" + "".join(sorted(DIACRITICS | INVISIBLE | {TATWEEL})) + "]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string and, for each of its characters, the index of the original character it came from."""

    text: str
    offsets: Sequence[int]  # increasing; a `range` when no character was dropped
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the span of the original text it covers."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def is_dropped(ch: str) -> bool:
    """Characters that carry no letter: short vowels and other marks, tatweel, invisible direction marks."""
    return ch in DIACRITICS or ch == TATWEEL or ch in INVISIBLE


def normalize_with_map(text: str) -> Normalized:
    """Normalise `text` (marks removed, letters and digits unified, Latin lower-cased) and keep the offset map."""
    return Normalized(_fast_translate(text), _kept_offsets(text), len(text))


def _kept_offsets(text: str) -> Sequence[int]:
    """The indices of the characters normalisation keeps: runs between dropped characters."""
    dropped = [m.start() for m in _DROPPED.finditer(text)]
    if not dropped:
        return range(len(text))
    starts = [0] + [d + 1 for d in dropped]
    ends = dropped + [len(text)]
    return tuple(chain.from_iterable(range(a, b) for a, b in zip(starts, ends, strict=True)))


def fold(word: str) -> str:
    """The folded form of a word or phrase for look-ups: marks dropped, letter variants and digits unified, lower
    case (`LETTER_VARIANTS`, `DIGITS`); never for output text."""
    return word.translate(_FOLD_TABLE).lower()


def normalize(text: str) -> str:
    """The normalised form of `text`, for matching only (the same string `normalize_with_map` gives)."""
    return _fast_translate(text)


def _fast_translate(text: str) -> str:
    """`text.translate(_FAST_TABLE)`; a long text through the table as an array (every character the table maps
    lies in the Basic Multilingual Plane; those above it stay as they are)."""
    if len(text) < LONG_TEXT:
        return text.translate(_FAST_TABLE)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = np.where(codes < 0x10000, _FAST_CODES[np.minimum(codes, 0xFFFF)], codes)
    return mapped[mapped != _DROP].tobytes().decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str:
    """`normalize` of a word, remembered: words recur, and a look-up costs a tenth of a translation."""
    return word.translate(_FAST_TABLE)


_NON_WORDS = re.compile(r"\W+")  # a run of spaces and punctuation


def text_key(text: str) -> str:
    """A key for comparing texts: normalised, punctuation gone, single spaces (uncached: for whole articles)."""
    return _NON_WORDS.sub(" ", normalize(text)).strip()


@lru_cache(maxsize=1 << 18)  # a 30k-article corpus has more distinct names than 64k
def match_key(text: str) -> str:
    """`text_key` for names and phrases, which repeat (cached)."""
    return text_key(text)


def to_western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits, everything else unchanged (same length)."""
    return text.translate(_DIGITS)


_DIGITS = str.maketrans(DIGITS)
