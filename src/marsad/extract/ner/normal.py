"""Orthographic folding used for NER features, word counts and gazetteer look-ups (never for output text).

One alef, ي for ى, ه for ة, no diacritics or tatweel, Eastern digits as ASCII: spelling variants then share
one feature, one cluster and one gazetteer entry.
"""
from __future__ import annotations

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]")
_TABLE = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
    **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
})


def fold(word: str) -> str:
    """The folded form of a word or phrase: diacritics off, letter variants merged, lower-cased Latin."""
    return _DIACRITICS.sub("", word).translate(_TABLE).lower()
