"""Direct speech in a summary: a summary reports what happened and who said what, in the outlets' narration.

A sentence that is mostly a quotation (at least half of its words between quotation marks, as
`marsad.extract.quotes.marks` pairs them: guillemets, straight and curly quotes) is a reaction in the speaker's
own words, rarely the fact itself; a news summary states the toll, the damage or the decision and names who
reacted. Such a sentence ranks a little lower, so a narrated sentence of the same worth goes first; it is still
chosen when nothing narrated says as much.
"""
from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.quotes.marks import quoted_spans
from marsad.summarize.candidates import Candidate
from marsad.summarize.rules import RULES

QUOTED_SHARE = 0.5  # a sentence with this share of its words in quotation marks or more is mostly quoted

RULES.register("speech.mostly-quoted")


def quoted_share(sentence: str) -> float:
    """The share of the sentence's words that stand between quotation marks."""
    words = len(sentence.split())
    inside = sum(len(sentence[span.start:span.end].split()) for span in quoted_spans(sentence))
    return min(inside / words, 1.0) if words else 0.0


def mostly_quoted(pool: Sequence[Candidate]) -> list[float]:
    """1 for each sentence of the pool that is mostly direct speech, 0 for the others."""
    marks = [float(quoted_share(candidate.text) >= QUOTED_SHARE) for candidate in pool]
    RULES.hit("speech.mostly-quoted", int(sum(marks)))
    return marks
