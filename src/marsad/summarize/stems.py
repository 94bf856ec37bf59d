"""Content stems of an event's texts: the stems of `marsad.cluster.terms.bare_word`, counted within the event,
and the words they come from, read once per sentence."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain

from marsad.cluster.terms import STOPWORDS, bare_word, choices_of

_WORD_RUN = re.compile(r"\w+")


def word_runs(normalized: str) -> list[str]:
    """The \\w runs of a normalised text: exactly its `text_key` words (punctuation and spaces both separate
    them), so `" ".join` of them is its `match_key`."""
    return _WORD_RUN.findall(normalized)


def kept_words(runs: list[str]) -> list[str]:
    """`marsad.cluster.terms.words` of the text with these `word_runs`: the runs two or more long, not all digits."""
    return [w for w in runs if len(w) > 1 and not w.isdigit()]


def stem_map(docs: Sequence[list[str]]) -> dict[str, str]:
    """Each distinct word of `docs` (their `words`) that is no function word, and its stem: it loses a clitic when
    the bare form is as common in `docs`."""
    tokens = Counter(chain.from_iterable(docs))
    counts: dict[str, int] = {}
    for word, n in tokens.items():
        form = choices_of(word).form
        counts[form] = counts.get(form, 0) + n
    return {w: s for w in tokens if (s := bare_word(w, counts)) not in STOPWORDS}


def content_stems(docs: Sequence[list[str]], stem_of: Mapping[str, str] | None = None) -> list[list[str]]:
    """Each text's content stems, from its `words`: by `stem_of`, else by the `stem_map` of `docs`."""
    stem_of = stem_map(docs) if stem_of is None else stem_of
    return [[stem_of[w] for w in ws if w in stem_of] for ws in docs]
