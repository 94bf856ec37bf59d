"""The sentences of an article that may stand in a summary: exact copies of the clean text, body only.

Headlines, subheadings and bylines (short lines without final punctuation), questions and sentences too short or
too long to read alone are left out; a leading dateline ("City (Agency) -") is cut off, so what remains is still
one contiguous piece of the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.clean.rules import dateline_prefix
from marsad.text.sentences import split_sentences
from marsad.types import Article

MIN_WORDS = 6
MAX_WORDS = 60
HEADLINE_WORDS = 20  # a first line this short without final punctuation is the headline
LABEL_WORDS = 8  # any other line this short without final punctuation is a subheading, byline or caption
FINAL = ".!؟?…»”\")"
QUESTION = ("؟", "?")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A body sentence of one article: `position` counts body sentences from 0 (the lead)."""

    article: int
    position: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def candidates(index: int, article: Article) -> list[Candidate]:
    """The article's body sentences that may be quoted alone in a summary."""
    text = article.text
    found: list[Candidate] = []
    position = 0
    for number, sentence in enumerate(split_sentences(text)):
        piece = text[sentence.start:sentence.end]
        if is_label_line(text, sentence.start, sentence.end, first=number == 0):
            continue
        piece = without_dateline(piece)
        if readable_alone(piece):
            found.append(Candidate(index, position, piece))
        position += 1
    return found


def is_label_line(text: str, start: int, end: int, first: bool) -> bool:
    """A whole line without final punctuation that is short: a headline (first line), subheading or byline."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if line != text[start:end] or line.endswith(tuple(FINAL)):
        return False
    return len(line.split()) <= (HEADLINE_WORDS if first else LABEL_WORDS)


def without_dateline(sentence: str) -> str:
    """The sentence after a leading dateline, if it has one."""
    prefix = dateline_prefix(sentence)
    return sentence[len(prefix):].lstrip() if prefix else sentence


def readable_alone(sentence: str) -> bool:
    """Not a question, and between MIN_WORDS and MAX_WORDS words."""
    stripped = sentence.rstrip("»”\") ")
    return not stripped.endswith(QUESTION) and MIN_WORDS <= len(sentence.split()) <= MAX_WORDS
