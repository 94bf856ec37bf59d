"""Content stems of an event's texts: the stems of `marsad.cluster.terms.bare_word`, counted within the event.

`bare_word` reads a word against counts; all it asks of the word alone (its form without ال, its proclitic readings,
their nisba-less rests) is the same in every event, so it is worked out once per word (cached) and each event
only looks its counts up.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from marsad.cluster.terms import MIN_STEM, NISBA, STOPWORDS, without_article
from marsad.text.normalize import normalize
from marsad.text.tokens import proclitic_readings

_WORD_RUN = re.compile(r"\w+")

Reading = tuple[str, tuple[str, ...]]  # a form without ال, and the rests its nisba endings may leave, in order


class Choices(NamedTuple):
    """What `bare_word` may make of a word, whatever the counts: the word without ال, the rests its nisba endings
    leave, and its proclitic readings (longest first) as `Reading`s."""

    form: str
    rests: tuple[str, ...]
    readings: tuple[Reading, ...]


def word_runs(normalized: str) -> list[str]:
    """The \\w runs of a normalised text: exactly its `text_key` words (punctuation and spaces both separate
    them), so `" ".join` of them is its `match_key`."""
    return _WORD_RUN.findall(normalized)


def normalized_with(text: str, pieces: Sequence[tuple[str, str]]) -> str:
    """`normalize(text)`, reusing the normalised forms of pieces of it, given in order as (piece, normalised):
    normalisation maps each character on its own, so the text's is that of its parts joined."""
    parts: list[str] = []
    end = 0
    for piece, normalized in pieces:
        start = text.index(piece, end)
        parts += (normalize(text[end:start]), normalized)
        end = start + len(piece)
    parts.append(normalize(text[end:]))
    return "".join(parts)


def kept_words(runs: list[str]) -> list[str]:
    """`marsad.cluster.terms.words` of the text with these `word_runs`: the runs two or more long, not all digits."""
    return [w for w in runs if len(w) > 1 and not w.isdigit()]


def stem_map(docs: Sequence[list[str]]) -> dict[str, str]:
    """Each distinct word of `docs` (their `words`) that is no function word, and its stem: it loses a clitic when
    the bare form is as common in `docs`."""
    tokens = Counter(chain.from_iterable(docs))
    choices = dict(zip(tokens, map(choices_of, tokens), strict=True))
    counts: dict[str, int] = {}
    for (form, _, _), n in zip(choices.values(), tokens.values(), strict=True):
        counts[form] = counts.get(form, 0) + n
    return {w: s for w, c in choices.items() if (s := stem(c, counts)) not in STOPWORDS}


def content_stems(docs: Sequence[list[str]], stem_of: Mapping[str, str] | None = None) -> list[list[str]]:
    """Each text's content stems, from its `words`: by `stem_of`, else by the `stem_map` of `docs`."""
    stem_of = stem_map(docs) if stem_of is None else stem_of
    return [[stem_of[w] for w in ws if w in stem_of] for ws in docs]


def stem(choices: Choices, counts: Mapping[str, int]) -> str:
    """`bare_word` of the word with these `choices_of`: the first proclitic reading at least as common as the
    word itself (else the word), then the first of its nisba rests that occurs."""
    form, rests, readings = choices
    if readings:
        floor = counts.get(form, 0)
        for reading in readings:
            if counts.get(reading[0], 0) >= floor:
                form, rests = reading
                break
    for rest in rests:
        if counts.get(rest):
            return rest
    return form


@lru_cache(maxsize=1 << 17)
def choices_of(word: str) -> Choices:
    """What `bare_word` may make of the word, whatever the counts."""
    bares = [bare for _cut, bare in proclitic_readings(word, min_stem=MIN_STEM)]
    return Choices(*_with_rests(without_article(word)), tuple(_with_rests(without_article(w)) for w in bares))


def _with_rests(form: str) -> Reading:
    return form, tuple(form[:-len(e)] for e in NISBA if form.endswith(e) and len(form) - len(e) >= MIN_STEM)
