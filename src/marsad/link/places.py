"""Spelling variants of place and facility names, for `marsad.link.entities`.

Foreign and Amazigh place names reach Arabic through several spellings: a long vowel or a hamza seat written or
not (إيموزار / إموزار, ماريوبول / ماريوبل). A place's *variant key* folds those away in each word that is
neither a definite Arabic noun nor a listed Arabic given name, and names a facility's head by its class (ملعب X /
استاد X: `facility_heads.tsv`). A key the gazetteer gives two places (غانا / غينيا) joins nothing.
(A facility's body alone is not joined to it: مسجد X is often in the place X, and news names the place.)
"""
from __future__ import annotations

from functools import lru_cache

from marsad.link.variants import LONG_VOWELS, listed_given_names
from marsad.resources import MODELS_DIR, fields
from marsad.text.normalize import match_key

FACILITY_HEADS: dict[str, str] = {match_key(word): kind
                                  for word, kind in fields(MODELS_DIR / "link" / "facility_heads.tsv")}
VOWEL_SEATS = LONG_VOWELS | {"ء"}  # long vowels and the hamza on the line
MIN_FOLDED = 3  # a shorter folded word (كييف -> كف) says too little to join two spellings


@lru_cache(maxsize=1 << 16)
def fold_vowels(word: str) -> str:
    """A word without the long vowels and hamza seats inside it (its first and last letters kept: رفح / رفحاء,
    زامبيا / زيمبابوي stay apart)."""
    folded = word[0] + "".join(ch for ch in word[1:-1] if ch not in VOWEL_SEATS) + word[-1]
    return folded if len(folded) >= MIN_FOLDED else word


def _foldable(word: str) -> bool:
    """Whether a word may be a transcribed name: not a definite Arabic noun, not a listed Arabic given name."""
    return not word.startswith("ال") and word not in listed_given_names()


def facility_kind(word: str) -> str | None:
    """The class of facility a head noun names (ملعب, استاد -> stadium), or None."""
    return FACILITY_HEADS.get(word)


def variant_key(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A place or facility name's variant key (`tokens` from `name_tokens`)."""
    head = facility_kind(tokens[0]) if len(tokens) > 1 else None
    words = tokens[1:] if head else tokens
    return ((head,) if head else ()) + tuple(fold_vowels(w) if _foldable(w) else w for w in words)
