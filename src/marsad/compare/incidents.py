"""Which incident a toll is told for: the kinds of incident and how many incidents the words near it name
(`incident_kinds.tsv`). Two tolls naming kinds in common with neither, or one incident and several, are two
incidents' tolls."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from marsad.compare.claims import MARKS, stem
from marsad.resources import MODELS_DIR, fields

KINDS_PATH = MODELS_DIR / "compare" / "incident_kinds.tsv"
INCIDENT_REACH = 8  # words either side of a toll, in its sentence, where the incident it is of is named
ANY = "any"
_WORDS = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")  # a word as written, its marks in it


@dataclass(frozen=True, slots=True)
class Incident:
    """What the words near a toll name: kinds of incident, and whether one incident or several."""

    kinds: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()  # "one", "several"

    def apart(self, other: Incident) -> bool:
        """Whether two tolls are of two incidents: kinds named by both with none in common, or one incident named
        against several."""
        kinds_apart = bool(self.kinds and other.kinds and not self.kinds & other.kinds)
        return kinds_apart or len(self.numbers) == len(other.numbers) == 1 and self.numbers != other.numbers


def _nouns(path: Path = KINDS_PATH) -> dict[str, tuple[str, str]]:
    """Stemmed word -> (kind, number)."""
    return {stem(word): (kind, number) for kind, number, words in fields(path) for word in words.split()}


_NOUNS = _nouns()


def incident_near(text: str, start: int, end: int) -> Incident:
    """The incident named within `INCIDENT_REACH` words either side of [start, end) of a sentence's text."""
    before = _WORDS.findall(text, 0, start)[-INCIDENT_REACH:]
    after = _WORDS.findall(text, end)[:INCIDENT_REACH]
    named = [found for w in before + after if (found := _NOUNS.get(stem(w)))]
    return Incident(frozenset(kind for kind, _ in named if kind != ANY),
                    frozenset(number for _, number in named if number != ANY))
