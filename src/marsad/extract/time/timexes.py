"""Arabic time expressions resolved to ISO 8601 values, and the publication date from a dateline.

    find_timexes(article_id, text, published) -> [Timex]   every date, time, interval and duration
    find_publication_date(text) -> "YYYY-MM-DD" | None     a dateline or timestamp near the top

The text is normalised with an offset map (`marsad.text.normalize`), read by the grammar in `time_grammar`,
and every span is cut from the original text. Deictic expressions (أمس، الأسبوع المقبل، قبل عامين) are resolved
against `published`, anaphoric ones (اليوم التالي، اليوم نفسه) and clock times against the date the narrative last
gave; without that anchor they are left out (or a bare time), never guessed from today's date.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from marsad.extract.time import lexicon as lx
from marsad.extract.time.grammar import RULES, Grammar, Hit, register
from marsad.extract.time.resolve import parse_anchor
from marsad.extract.time.tokens import Tokens, tokenize
from marsad.resources import fields
from marsad.text.normalize import Normalized, is_dropped, normalize_with_map
from marsad.types import Timex

__all__ = ["find_publication_date", "find_timexes"]

# Words allowed between a date and the hour that follows it (25 نوفمبر 2021 ، 5:42 مساءً).
_DATE_TIME_GLUE = frozenset({",", "-", "|", "في", "علي", "عند"}) | lx.HOUR_NOUNS
_GLOSS = lx.GLOSSES
_GLOSS_WORDS = max(len(g.split()) for g in _GLOSS)


def _cues(says: str) -> re.Pattern[str]:
    """Any word of datelines.tsv that says this (published, updated), in the raw line."""
    words = [word for kind, word in fields(lx.TABLES / "datelines.tsv") if kind == says]
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


_PUBLISHED_CUES = _cues("published")
_UPDATED_CUES = _cues("updated")
# Rules applied after the grammar, counted in the `time` rule set.
_DATE_TIME = register("date_time")
_HIJRI_GLOSS = register("hijri_gloss")
_HEAD_LINES = 8
_SHORT_LINE = 14  # words: a line this short with a full date on it is a dateline or a timestamp
_DATELINE_LEAD = 6  # a full date within this many tokens of a paragraph's start, then a dash, is a dateline


def find_timexes(article_id: str, text: str, published: str | None) -> list[Timex]:
    """Every time expression in `text`, offsets into `text`, values resolved against `published`."""
    norm = normalize_with_map(text)
    toks = tokenize(norm.text)
    hits = _parse(toks, parse_anchor(published))
    return [_timex(article_id, text, norm, toks, h) for h in hits]


def _parse(toks: Tokens, anchor: date | None) -> list[Hit]:
    grammar = Grammar(toks, anchor)
    hits = _merge_date_time(grammar.parse(), toks)
    return _apply_glosses(grammar.anchor_clocks(hits), toks)


def _merge_date_time(hits: list[Hit], toks: Tokens) -> list[Hit]:
    """A day followed by an hour (with at most two joining words) is one date-time."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if (prev and prev.grain == "day" and h.value.startswith("T") and h.i - prev.j <= 2
                and all(w in _DATE_TIME_GLUE for w in toks.words[prev.j:h.i])):
            out[-1] = Hit(prev.i, h.j, prev.value[:10] + h.value, "time", "time")
            RULES.hit(_DATE_TIME)
        else:
            out.append(h)
    return out


def _apply_glosses(hits: list[Hit], toks: Tokens) -> list[Hit]:
    """A Hijri date glossed by its Gregorian equivalent (... هـ الموافق ... م) takes the author's conversion."""
    out = list(hits)
    for n, (a, b) in enumerate(zip(hits, hits[1:], strict=False)):
        between = " ".join(toks.words[a.j:b.i]) if b.i - a.j <= _GLOSS_WORDS else ""
        if between in _GLOSS and a.hijri != b.hijri and a.grain == b.grain == "day":
            greg = b if a.hijri else a
            out[n] = replace(a, value=greg.value)
            out[n + 1] = replace(b, value=greg.value)
            RULES.hit(_HIJRI_GLOSS)
    return out


def _timex(article_id: str, text: str, norm: Normalized, toks: Tokens, h: Hit) -> Timex:
    start, end = norm.to_original(toks.start(h.i), toks.ends[h.j - 1])
    while end < len(text) and is_dropped(text[end]):
        end += 1
    return Timex(article_id, start, end, text[start:end], h.value, h.kind)


def find_publication_date(text: str) -> str | None:
    """The date of a dateline or timestamp line near the top (25 نوفمبر 2021 ، 5:42 مساءً), else None.

    A line that says it is the publication (نشر في) wins; then the first short line with a full date, or a
    paragraph opening "CITY، DATE ... -". Gregorian is preferred to Hijri on the same line; updates come last.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]
    found: list[tuple[int, str]] = []
    for n, line in enumerate(lines):
        value = _line_date(line)
        if value is None:
            continue
        rank = 0 if _PUBLISHED_CUES.search(line) else 2 if _UPDATED_CUES.search(line) else 1
        found.append((rank * 100 + n, value))
    return min(found)[1] if found else None


def _line_date(line: str) -> str | None:
    """The full date (year given) of a dateline or timestamp line, else None."""
    toks = tokenize(normalize_with_map(line).text)
    days = [h for h in _parse(toks, None) if h.grain in ("day", "time") and h.value[:1].isdecimal()]
    if not days:
        return None
    words = sum(1 for w in toks.words if w[:1].isalpha())
    opening = days[0].i <= _DATELINE_LEAD and "-" in toks.words[days[0].j:days[0].j + 6]
    if words > _SHORT_LINE and not opening and not _PUBLISHED_CUES.search(line):
        return None
    best = min(days, key=lambda h: (h.hijri, h.i))
    return best.value[:10]
