"""In-article aliases: a nickname the text introduces right after a person's name names that person.

News names a person in full, then gives the name they are known by (X المعروف بـ"Y", X الملقب بـY, X المكنى باسم
Y); the NER tags the nickname as a person. Linking joins the nickname to the person named just before it, here and
in the articles that use the nickname alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from marsad.extract.ner.words import words
from marsad.resources import MODELS_DIR, column
from marsad.text.normalize import fold
from marsad.types import Mention

KNOWN_AS = words("known_as")
PREPOSITIONS = frozenset(fold(word) for word in column(MODELS_DIR / "link" / "nickname_prepositions.tsv"))
MAX_GAP = 24  # characters between a name and its nickname: a comma, the known_as word, a preposition, a quote
_WORD = re.compile(r"[^\W\d_ـ]+")


def introduces_nickname(gap: str) -> bool:
    """Whether the text between two names is a `known_as` word and its preposition (، المعروف بـ"; a ب written
    on the nickname is outside its mention). The word alone is an adjective (نجم هوليوود المعروف X: famous)."""
    found = _WORD.findall(fold(gap))
    return len(found) == 2 and found[0] in KNOWN_AS and found[1] in PREPOSITIONS


def nickname_pairs(mentions: Sequence[Mention], texts: Mapping[str, str]) -> Iterator[tuple[Mention, Mention]]:
    """(person, nickname) for each person mention followed in its article by a nickname it introduces."""
    people = sorted((m for m in mentions if m.type == "PER"), key=lambda m: (m.article, m.start))
    for person, nickname in zip(people, people[1:], strict=False):
        text = texts.get(person.article, "")
        if (nickname.article == person.article and 0 < nickname.start - person.end <= MAX_GAP
                and introduces_nickname(text[person.end:nickname.start])):
            yield person, nickname
