"""The future tense of a verb, learned from the SaudiNewsNet background counts.

A future verb is the particle س on an imperfect verb (سيؤدي، ستقام، سنعمل, with و or ف before it: وسيتم). Written
so, it looks like many nouns (سيارة، ستة، سيدة); the background counts tell them apart: the imperfect verb without
س (يؤدي، تقام، نعمل) is a common word of its own, more common than the form with it, while the rest of a noun is no
word (يارة، تة) or a rarer one than the noun (يدة against سيدة).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.cluster.background import load

_IMPERFECT = ("ي", "ت", "ن")  # the prefixes of the imperfect that follow س (the first person أ is left out: سا-
# opens many names, سامر، ساهم)
_CONJUNCTIONS = ("و", "ف")
MIN_IMPERFECT = 20  # background count the imperfect verb needs, as a word of its own
IMPERFECT_RATIO = 2  # how many times more common than the form with س it must be


@lru_cache(maxsize=4096)
def future_verb(word: str) -> bool:
    """Whether a normalised word is a verb in the future tense (سيؤدي، وستكون), by the background counts."""
    if word[:1] in _CONJUNCTIONS and word[1:2] == "س":
        word = word[1:]
    if len(word) < 4 or word[0] != "س" or word[1] not in _IMPERFECT:
        return False
    counts = load()[1]
    imperfect = counts.get(word[1:], 0)
    return imperfect >= MIN_IMPERFECT and imperfect >= IMPERFECT_RATIO * counts.get(word, 0)
