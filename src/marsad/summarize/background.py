"""Background asides in a summary: a sentence its writer opens as an aside ("يذكر أن ...", "تجدر الإشارة إلى أن
...", "للإشارة، ...") gives the history or profile of a party to the news (when a company was founded, what a
body does, what happened years ago), seldom the news itself. Such a sentence ranks a little lower, so a sentence
of the same worth that tells the event goes first; it is still chosen when nothing else says as much. The openings
are data (`models/summarize/background.tsv`), compared by `match_key` with the sentence's first words.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.resources import MODELS_DIR, column
from marsad.summarize.candidates import Candidate
from marsad.summarize.connectives import CONJUNCTION
from marsad.summarize.rules import RULES
from marsad.text.normalize import match_key

OPENINGS = frozenset(map(match_key, column(MODELS_DIR / "summarize" / "background.tsv")))

RULES.register("background.aside")


def opens_with(sentence: str, openings: frozenset[str]) -> bool:
    """Whether the sentence opens with one of `openings` (`match_key`s), its words whole (a leading و allowed)."""
    words = match_key(" ".join(sentence.split()[:longest_opening(openings)])).split()
    if words and words[0].startswith(CONJUNCTION) and len(words[0]) > len(CONJUNCTION):
        words = [words[0][len(CONJUNCTION):], *words[1:]]
    return any(" ".join(words[:n]) in openings for n in range(1, len(words) + 1))


@lru_cache(maxsize=8)
def longest_opening(openings: frozenset[str]) -> int:
    """The words of the longest of `openings` (a few lists, each asked of every candidate sentence)."""
    return max((len(opening.split()) for opening in openings), default=0)


def opens_aside(sentence: str) -> bool:
    """Whether the sentence opens with a listed aside."""
    return opens_with(sentence, OPENINGS)


def asides(pool: Sequence[Candidate]) -> list[float]:
    """1 for each sentence of the pool that opens as a background aside, 0 for the others."""
    marks = [float(opens_aside(candidate.text)) for candidate in pool]
    RULES.hit("background.aside", int(sum(marks)))
    return marks
