"""The sentences of an article that may stand in a summary: exact copies of the clean text, body only.

Headlines, subheadings and bylines (short lines without final punctuation: a closing quote is not one), questions
and sentences too short or too long to read alone are left out; every line before the first body sentence may be
a headline or kicker; a leading dateline ("City (Agency) -"), list mark ("- ", "* ", "• ", "..") and connective
("من جهته،", `marsad.summarize.connectives`) are cut off, so what remains is still one contiguous piece of the
article. A piece that opens with a comma, semicolon or colon is the rest of a sentence split off, not one. A body
sentence that is the article's own headline, or mostly it, is the title or a link or credit line that repeats it
(a title ending in "!", a syndication link "the story in paper X: <headline>"), not a statement of the news.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from marsad.clean.rules import dateline_prefix
from marsad.summarize.connectives import without_connective
from marsad.summarize.rules import RULES
from marsad.text.normalize import match_key
from marsad.text.sentences import split_sentences
from marsad.types import Article

MIN_WORDS = 6
MAX_WORDS = 60
HEADLINE_WORDS = 20  # a first line this short without final punctuation is the headline
LABEL_WORDS = 8  # any other line this short without final punctuation is a subheading, byline or caption
FINAL = ".!؟?…)"
CLOSING_QUOTES = "»”\"'"
QUESTION = ("؟", "?")
CONTINUING = "،,؛;:"  # marks that go on with a sentence: a piece opening with one was split off from it
_LIST_MARK = re.compile(r"(?:[-–—*•]+|\.{2,})\s*(?=[^\d\s])")  # a bullet or leading dots, not a minus sign
HEADLINE_SHARE = 0.5  # a body sentence this much of whose words are the article's whole headline repeats it
HEADLINE_MIN_WORDS = 3  # a shorter headline is too common a phrase to mark a line

RULES.register("candidate.headline-repeat")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A body sentence of one article: `position` counts body sentences from 0 (the lead); `start` is where its
    text begins in the article's text (-1: not known)."""

    article: int
    position: int
    text: str
    start: int = -1

    @property
    def words(self) -> int:
        return len(self.text.split())


def candidates(index: int, article: Article) -> list[Candidate]:
    """The article's body sentences that may be quoted alone in a summary."""
    text = article.text
    headline = match_key(html.unescape(article.title or ""))
    found: list[Candidate] = []
    position = 0
    for sentence in split_sentences(text):
        piece = text[sentence.start:sentence.end]
        if is_label_line(text, sentence.start, sentence.end, first=position == 0):
            continue
        piece = without_connective(without_list_mark(without_dateline(piece)))
        if readable_alone(piece) and not is_headline(piece, headline) and not (
                position > 0 and repeats_headline(piece, headline)):
            found.append(Candidate(index, position, piece, text.find(piece, sentence.start)))
        position += 1
    return found


def is_headline(sentence: str, headline: str) -> bool:
    """Whether the sentence is the article's headline (`match_key`s equal), whatever its final mark: a title that
    ends in "!" or a closing quote is no label by its shape."""
    if not headline or match_key(sentence) != headline:
        return False
    RULES.hit("candidate.headline-repeat")
    return True


def repeats_headline(sentence: str, headline: str) -> bool:
    """Whether the sentence holds the whole `headline` (its `match_key`, of HEADLINE_MIN_WORDS words or more) and
    that is HEADLINE_SHARE of its words or more."""
    size = len(headline.split())
    if size < HEADLINE_MIN_WORDS or f" {headline} " not in f" {match_key(sentence)} ":
        return False
    if size < HEADLINE_SHARE * len(match_key(sentence).split()):
        return False
    RULES.hit("candidate.headline-repeat")
    return True


def is_label_line(text: str, start: int, end: int, first: bool) -> bool:
    """A whole line without final punctuation that is short: a headline (`first`: before any body sentence),
    subheading or byline. A headline may end in a quoted word; a sentence ends in a mark, inside quotes or not."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if line != text[start:end] or line.rstrip(CLOSING_QUOTES).endswith(tuple(FINAL)):
        return False
    return len(line.split()) <= (HEADLINE_WORDS if first else LABEL_WORDS)


def without_dateline(sentence: str) -> str:
    """The sentence after a leading dateline, if it has one."""
    prefix = dateline_prefix(sentence)
    return sentence[len(prefix):].lstrip() if prefix else sentence


def without_list_mark(sentence: str) -> str:
    """The sentence after a leading list mark ("- ", "* ", "• ") or run of dots, if it has one."""
    mark = _LIST_MARK.match(sentence)
    return sentence[mark.end():] if mark else sentence


def readable_alone(sentence: str) -> bool:
    """A complete statement (it ends in a mark or a closing quote, so no line broken mid-sentence, and opens with
    no mark that goes on with another) that is no question, between MIN_WORDS and MAX_WORDS words."""
    stripped = sentence.rstrip(CLOSING_QUOTES + " ")
    complete = (stripped != sentence.rstrip() or stripped.endswith(tuple(FINAL))) and not sentence.startswith(
        tuple(CONTINUING))
    return complete and not stripped.endswith(QUESTION) and MIN_WORDS <= len(sentence.split()) <= MAX_WORDS
