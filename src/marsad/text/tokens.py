"""Word tokens with offsets, and proclitic splitting that only strips where the rest is attested.

Arabic glues the conjunctions و ف, the prepositions ب ل ك and the article ال to the next word: وللرباط is
و + لل + رباط, i.e. الرباط. A name like لوديي must not lose its ل, so a proclitic is stripped only when the
caller's `attested` predicate knows the remainder (a gazetteer, the model's vocabulary, the same document).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from marsad.types import Token

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:[.,٫٬][0-9٠-٩]+)*|[^\w\s]", re.UNICODE)
_SPLIT = re.compile(f"({_WORD.pattern})")  # split() keeps the tokens between the gaps

# Proclitic chains, longest first. A chain ending in "ال" keeps the article in the name (وال -> و + ال...);
# a chain ending in "لل" is a preposition ل that swallowed the article's alef (للرباط -> ل + الرباط).
PROCLITICS: tuple[str, ...] = (
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
)
_CHAINS = frozenset(PROCLITICS)
_FIRST = frozenset(c[0] for c in PROCLITICS)
_CHAIN_LENGTHS = tuple(sorted({len(c) for c in PROCLITICS}, reverse=True))  # one chain of each length can match


def tokenize(text: str) -> list[Token]:
    """Split text into word and punctuation tokens with their character offsets."""
    words, starts, ends = token_lists(text)
    return list(map(Token, starts, ends, words))


def token_lists(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of `tokenize` as parallel lists (texts, starts, ends): no object per token, for hot loops."""
    parts = _SPLIT.split(text)  # gap, token, gap, token, ..., gap
    offsets = list(accumulate(map(len, parts), initial=0))
    return parts[1::2], offsets[1:-1:2], offsets[2::2]


@lru_cache(maxsize=1 << 17)
def proclitic_readings(word: str, min_stem: int = 2) -> tuple[tuple[int, str], ...]:
    """Every way to read `word` as proclitics + a word: (characters cut, the bare word with its ال), longest first."""
    if word[:1] not in _FIRST:
        return ()
    return tuple(_reading(word[:length], word[length:]) for length in _CHAIN_LENGTHS
                 if word[:length] in _CHAINS and len(word) - length >= min_stem)


def _reading(chain: str, rest: str) -> tuple[int, str]:
    if chain.endswith("ال"):
        return len(chain) - 2, "ال" + rest
    if chain.endswith("لل"):
        return len(chain), "ال" + rest
    return len(chain), rest


def strip_proclitics(word: str, attested: Callable[[str], bool]) -> tuple[int, str]:
    """(characters cut, bare word) for the longest proclitic reading whose remainder is attested; else (0, word)."""
    if attested(word):
        return 0, word
    for cut, bare in proclitic_readings(word):
        if attested(bare):
            return cut, bare
    return 0, word
