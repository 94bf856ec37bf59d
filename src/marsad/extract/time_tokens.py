"""Tokens for the time grammar: words of the normalised text with their attached proclitics split off.

A proclitic (و ف ب ل ك and their chains) is split only when what remains is a word of the time lexicon, so
`لعام` reads as ل + عام and `والخميس` as و + الخميس, while `لامس` ("touched") stays one unknown word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.extract import time_lexicon as lx

_TOKEN = re.compile(r"\d{1,2}:\d{2}(?!\d)|\d+|[^\W\d_]+|[^\w\s]")
_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# Words that take only the conjunctions و ف: with ب ل ك they read as other words (لامس "touched").
_CONJ_ONLY = frozenset({"امس", "غدا", "غد", "اب", "ماي", "اوت", "جوان", "ست", "سن", "عمر", "م", "ه", "ص"})
_SENTENCE_END = frozenset(".!?؟؛;")


def _known_words() -> frozenset[str]:
    tables = (lx.GREGORIAN_MONTHS, lx.HIJRI_MONTHS, lx.WEEKDAYS, lx.CARDINAL_UNITS, lx.CARDINAL_TENS,
              lx.DAY_ORDINALS, lx.HOUR_ORDINALS, lx.MINUTE_FRACTIONS, lx.PARTS_OF_DAY, lx.HOUR_ADVERBS,
              lx.REL_DAYS, lx.REL_UNITS, lx.REL_MODS, lx.UNIT_FORMS)
    sets = (lx.SPAN_MODIFIERS, lx.APPROX, lx.MONTH_CUES, lx.YEAR_CUES, lx.FUTURE_CUES, lx.PAST_CUES,
            lx.NEAR_CUES, lx.DATE_CONNECTORS, lx.AGE_WORDS, lx.DURATION_CUES, lx.KEYWORDS)
    words = {w for t in tables for key in t for w in key.split()} | {w for s in sets for key in s for w in key.split()}
    words |= {"ال" + w for w in lx.CARDINAL_UNITS} | {"ال" + w for w in lx.CARDINAL_TENS}
    words |= {"ال" + w for w, (_, form) in lx.UNIT_FORMS.items() if form == "dual"}
    return frozenset(words)


KNOWN = _known_words()


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: `word` is the form looked up (clitics off); `start` is where that form begins."""

    start: int
    end: int
    word: str
    clitic: str
    spaced: bool  # whitespace before the token (its whole form, clitic included)
    brk: bool  # a paragraph break or sentence-final punctuation lies just before the token


@lru_cache(maxsize=1 << 16)
def split_clitic(word: str) -> tuple[str, str]:
    """(clitic, rest) when the rest is a lexicon word; ("", word) otherwise."""
    if word in KNOWN or word.isdecimal():
        return "", word
    for chain in _CLITICS:
        rest = word[len(chain):]
        if chain.endswith("ال"):
            clitic, rest = chain[:-2], "ال" + rest
        else:
            clitic = chain
        if word.startswith(chain) and len(rest) > 1 and rest in KNOWN:
            if rest in _CONJ_ONLY and clitic not in ("و", "ف"):
                continue
            return clitic, rest
    return "", word


def tokenize(text: str) -> list[Tok]:
    """Tokens of normalised text; digits glued to a letter (و2022، 2023م) come apart."""
    toks: list[Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        raw = m.group()
        gap = text[prev_end:m.start()]
        clitic, word = split_clitic(raw) if raw[0].isalpha() else ("", raw)
        brk = "\n\n" in gap or (bool(toks) and toks[-1].word in _SENTENCE_END)
        toks.append(Tok(m.start() + len(clitic), m.end(), word, clitic, bool(gap) or m.start() == 0, brk))
        prev_end = m.end()
    return toks


def is_future_verb(word: str) -> bool:
    """A present-tense verb with the future prefix س (سيعقد، ستبدأ، سنعمل), not a noun that starts alike."""
    return (len(word) >= 4 and word[0] == "س" and word[1] in "يتن"
            and not word.startswith(lx.NOT_FUTURE_PREFIXES))
