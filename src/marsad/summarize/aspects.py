"""What a summary has told: the aspects of a news event each sentence gives (who acted, where, when, how many) and
its content words, so a sentence that would add nothing new is skipped.

A news summary answers who, what, where, when and how many. A sentence's named aspects are read off the
per-article stages by their offsets: the entity mentions it holds (people and organisations: who; places: where;
other names: what), the values of its time expressions (when) and the numbers outside them (how many). What
happened is in its content words. A candidate restates the summary when it names no actor, place, date or figure
the summary has not given and most of its content words have been said already: the same toll again, a second
outlet's wording of the lead, a thanks that follows the appointment it thanks for. The pairwise similarity check of
`marsad.summarize.extractive` misses these when the facts are spread over two chosen sentences or said in other
words around the same names.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from marsad.summarize.candidates import Candidate
from marsad.summarize.rules import RULES
from marsad.text.normalize import fold, to_western_digits
from marsad.types import Article, Mention, Timex

Aspect = tuple[str, str]  # (kind, key): ("who", folded name), ("when", ISO value), ("size", "632") ...

KINDS = {"PER": "who", "ORG": "who", "GPE": "where", "LOC": "where"}  # any other entity type: "what"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

RULES.register("aspect.restated")
RULES.register("aspect.unanchored")


def aspects(pool: Sequence[Candidate], articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]],
            timexes: Mapping[str, Sequence[Timex]]) -> list[frozenset[Aspect]]:
    """Each candidate's named aspects: the mentions and time expressions that begin within its span of its article
    (by offsets; a candidate of unknown start has none of them) and the numbers of its text outside them."""
    found = []
    for candidate in pool:
        article = articles[candidate.article].id
        start, end = candidate.start, candidate.start + len(candidate.text)
        names = [m for m in mentions.get(article, ()) if candidate.start >= 0 and start <= m.start < end]
        times = [t for t in timexes.get(article, ()) if candidate.start >= 0 and start <= t.start < end]
        digits = to_western_digits(candidate.text)
        for t in times:  # a date's digits are its when, not a quantity
            offset = t.start - start
            digits = digits[:offset] + " " * (t.end - t.start) + digits[offset + t.end - t.start:]
        found.append(frozenset([*((KINDS.get(m.type, "what"), fold(m.text)) for m in names),
                                *(("when", t.value) for t in times if t.value),
                                *(("size", n) for n in _NUMBER.findall(digits))]))
    return found


def unanchored(found: Sequence[frozenset[Aspect]], pool: Sequence[Candidate],
               supporters: Sequence[Collection[int]]) -> list[bool]:
    """For each sentence (its aspects `found`), whether it is a body sentence that no other outlet states (no
    `supporters`) and that gives no figure and no date: what one outlet alone says, anchored to nothing a reader
    could check, is colour or comment (the crowds in the streets, the mood at a ceremony, a columnist's aside)
    more often than a fact of the event."""
    marks = [candidate.position > 0 and not backers and not any(kind in ("size", "when") for kind, _ in told)
             for candidate, backers, told in zip(pool, supporters, found, strict=True)]
    if any(marks):
        RULES.hit("aspect.unanchored")
    return marks


@dataclass
class Told:
    """What the chosen sentences have told: their named aspects and content stems; `share` is the part of a
    sentence's content stems, said already, from which it restates the summary when it names nothing new."""

    aspects: Sequence[frozenset[Aspect]]
    stems: Sequence[Sequence[str]]
    share: float
    named: set[Aspect] = field(default_factory=set)
    said: set[str] = field(default_factory=set)

    def restates(self, i: int) -> bool:
        """Whether sentence i would add nothing: no new named aspect, and `share` of its content stems or more said
        (judged only once something has been told)."""
        if not self.said or not all(map(self.known, self.aspects[i])):
            return False
        stems = set(self.stems[i])
        return not stems or len(stems & self.said) >= self.share * len(stems)

    def known(self, aspect: Aspect) -> bool:
        """Whether an aspect is told: itself, or a name whose words are part of a told name of its kind (a surname
        after the full name, a body after its full title)."""
        kind, key = aspect
        if aspect in self.named or kind in ("when", "size"):
            return aspect in self.named
        words = set(key.split())
        return any(k == kind and words <= set(told.split()) for k, told in self.named)

    def use(self, i: int) -> None:
        """Sentence i is chosen: what it tells is told."""
        self.named |= self.aspects[i]
        self.said.update(self.stems[i])
