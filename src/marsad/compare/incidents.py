"""Which incident a stated figure is of: the kinds of incident its clause names (`incident_kinds.tsv`), and whether
its sentence dates it to a day well before the report (a past incident recalled)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from marsad.compare.claims import stem
from marsad.resources import MODELS_DIR, fields

KINDS_PATH = MODELS_DIR / "compare" / "incident_kinds.tsv"
RECALLED_DAYS = 10  # a day named this long before the report is a past incident's (a week ago may be a departure)
_WORDS = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.،,؛;:!?؟]")


def _kinds(path: Path = KINDS_PATH) -> dict[str, str]:
    """Stemmed word -> the kind of incident it names."""
    return {stem(word): kind for kind, words in fields(path) for word in words.split()}


_KIND_OF = _kinds()


def incident_kinds(text: str, start: int, end: int) -> frozenset[str]:
    """The kinds of incident named in the clause of a sentence's text around [start, end), or in the whole sentence
    when its clause names none."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    stop = _CLAUSE_END.search(text, end)
    clause = text[clause_start:stop.start() if stop else len(text)]
    return _named(clause) or _named(text)


def _named(text: str) -> frozenset[str]:
    return frozenset(kind for w in _WORDS.findall(text) if (kind := _KIND_OF.get(stem(w))))


def recalled(days: frozenset[str], published: str | None) -> bool:
    """Whether every day a figure's sentence names is `RECALLED_DAYS` or more before its report's publication day: the
    figure is a past incident's (بعد هجوم دام في 20 يوليو أودى بحياة 32 شخصا, in a report of 6 August)."""
    if not days or not published:
        return False
    report = date.fromisoformat(published[:10])
    return all((report - date.fromisoformat(day)).days >= RECALLED_DAYS for day in days)
