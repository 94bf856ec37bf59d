"""Tokens for the time grammar: words of the normalised text with their attached proclitics split off.

A proclitic (و ف ب ل ك and their chains) is split only when what remains is a word of the time lexicon, so
`لعام` reads as ل + عام and `والخميس` as و + الخميس, while `لامس` ("touched") stays one unknown word.
"""
from __future__ import annotations

import re
from itertools import accumulate
from operator import add

from marsad.extract.time import lexicon as lx
from marsad.resources import fields
from marsad.text.normalize import normalize

# A token and the gap before it: what no token takes is whitespace and underscores.
_GAP_TOKEN = re.compile(r"([\s_]*)(\d{1,2}:\d{2}(?!\d)|\d+|[^\W\d_]+|[^\w\s])")
_CLITIC_ROWS = fields(lx.TABLES / "clitics.tsv")
# Proclitic chains in the order they are tried, and the conjunctions (و ف) that any word may take.
_CLITICS = tuple(form for kind, form in _CLITIC_ROWS if kind == "chain")
_CONJUNCTIONS = frozenset(form for kind, form in _CLITIC_ROWS if kind == "conjunction")
# Words that take only the conjunctions: with ب ل ك they read as other words (لامس "touched").
_CONJ_ONLY = frozenset(normalize(form) for kind, form in _CLITIC_ROWS if kind == "conjunction-only")
_SENTENCE_END = frozenset(".!?؟؛;")


def _known_words() -> frozenset[str]:
    tables = (lx.GREGORIAN_MONTHS, lx.HIJRI_MONTHS, lx.WEEKDAYS, lx.CARDINAL_UNITS, lx.CARDINAL_TENS,
              lx.DAY_ORDINALS, lx.HOUR_ORDINALS, lx.MINUTE_FRACTIONS, lx.PARTS_OF_DAY, lx.HOUR_ADVERBS,
              lx.REL_DAYS, lx.REL_UNITS, lx.REL_MODS, lx.UNIT_FORMS, lx.ANAPHORIC_MODS, lx.OFFSETS,
              lx.DECADES, lx.HOLIDAYS)
    sets = (lx.SAME_BEFORE, lx.SPAN_MODIFIERS, lx.APPROX, lx.MONTH_CUES, lx.YEAR_CUES, lx.FUTURE_CUES, lx.PAST_CUES,
            lx.NEAR_CUES, lx.DATE_CONNECTORS, lx.AGE_WORDS, lx.DURATION_CUES, lx.KEYWORDS)
    words = {w for t in tables for key in t for w in key.split()} | {w for s in sets for key in s for w in key.split()}
    words |= {"ال" + w for w in lx.CARDINAL_UNITS} | {"ال" + w for w in lx.CARDINAL_TENS}
    words |= {"ال" + w for w, (_, form) in lx.UNIT_FORMS.items() if form in ("dual", "plural")} | {"ال"}
    return frozenset(words)


KNOWN = _known_words()


def _clitic_splits() -> dict[str, str]:
    """Every word a proclitic chain glues onto a lexicon word (not itself a lexicon word) -> the lexicon word.

    The chains are tried in order, so the first that leaves a lexicon word wins."""
    out: dict[str, str] = {}
    for chain in _CLITICS:
        article = chain.endswith("ال")
        clitic = chain[:-2] if article else chain
        for rest in KNOWN:
            if len(rest) < 2 or (article and not rest.startswith("ال")):
                continue
            if (rest not in _CONJ_ONLY or clitic in _CONJUNCTIONS) and clitic + rest not in KNOWN:
                out.setdefault(clitic + rest, rest)
    return out


_SPLITS = _clitic_splits()


class Tokens:
    """Tokens of normalised text as parallel lists. `words[i]` is the form looked up (clitics off), `ends[i]`
    where the token ends; its start, clitic, spacing and breaks are read from the raw match when asked."""

    __slots__ = ("gaps", "raws", "words", "ends")

    def __init__(self, text: str) -> None:
        pairs = _GAP_TOKEN.findall(text)
        self.gaps: list[str] = [gap for gap, _ in pairs]  # the text between the previous token and this one
        self.raws: list[str] = [raw for _, raw in pairs]
        self.words: list[str] = list(map(_SPLITS.get, self.raws, self.raws))
        self.ends: list[int] = list(accumulate(map(add, map(len, self.gaps), map(len, self.raws))))

    def __len__(self) -> int:
        return len(self.words)

    def start(self, i: int) -> int:
        """Where the word begins (after its clitic)."""
        return self.ends[i] - len(self.words[i])

    def clitic(self, i: int) -> str:
        return self.raws[i][:len(self.raws[i]) - len(self.words[i])]

    def spaced(self, i: int) -> bool:
        """Whitespace before the token (its whole form, clitic included), or the start of the text."""
        return i == 0 or bool(self.gaps[i])

    def brk(self, i: int) -> bool:
        """A paragraph break or sentence-final punctuation lies just before the token."""
        return "\n\n" in self.gaps[i] or (i > 0 and self.words[i - 1] in _SENTENCE_END)


def tokenize(text: str) -> Tokens:
    """Tokens of normalised text; digits glued to a letter (و2022، 2023م) come apart."""
    return Tokens(text)


def is_future_verb(word: str) -> bool:
    """A present-tense verb with the future prefix س (سيعقد، ستبدأ، سنعمل), not a noun that starts alike."""
    return (len(word) >= 4 and word[0] == "س" and word[1] in "يتن"
            and not word.startswith(lx.NOT_FUTURE_PREFIXES))
