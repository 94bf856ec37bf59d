"""Reported contradictions matched to a hand-written answer key, as the project's scorer matches them: a reported one
finds a key's when its claims span two of the key's articles and its detail or claim texts name two of its values."""
from __future__ import annotations

import json
import re
from pathlib import Path

from marsad.export.analysis import to_document
from marsad.pipeline import analyze
from marsad.store import SQLiteStore

_EASTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _digits(text: str) -> str:
    return re.sub(r"(?<=\d)[,٬](?=\d{3})", "", text.translate(_EASTERN))


def _names(said: str, value: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(_digits(value))}(?![\d]|\.\d)", said) is not None


def corpus_matches(corpus: Path, key: Path, db: Path) -> tuple[list[bool], list[bool]]:
    """For each contradiction of the key, whether one reported on `corpus` matches it; for each reported, whether it
    matches one of the key."""
    with SQLiteStore(db) as store:
        document = to_document(analyze([corpus], store))
    gold = json.loads(key.read_text(encoding="utf-8"))["contradictions"]
    claims = {c["id"]: c for c in document["claims"]}

    def match(wanted: dict, found: dict) -> bool:
        cited = [claims[c] for c in found["claims"]]
        articles = {s["article"] for c in cited for s in c["support"]}
        said = _digits(" ".join([found["detail"]] + [t for c in cited
                                                    for t in [c["text"]] + [s["sentence"] for s in c["support"]]]))
        return len(articles & set(wanted["articles"])) >= 2 and sum(_names(said, v) for v in wanted["values"]) >= 2

    found = document["contradictions"]
    return [any(match(g, f) for f in found) for g in gold], [any(match(g, f) for g in gold) for f in found]
