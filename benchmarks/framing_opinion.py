"""Candidate evaluative words for `models/compare/framing_learned.tsv`, learnt from SaudiNewsNet by the kind of
article: words far more common in columns (the author line is a bare personal name, or the address is an opinion
section) than in reports (the author line names a news agency or a dateline: واس - الرياض، لندن: «الشرق الأوسط»),
ranked by the smoothed log ratio of the share of each kind's articles that use them. Opinion vocabulary is not all
framing (أعتقد، المجتمع), so the list is judged by hand on a sample of each word's uses before a row is kept.

    python benchmarks/framing_opinion.py [--data ../shared/data/saudinewsnet] [--top 300] [--min-docs 8]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import zipfile
from collections import Counter
from pathlib import Path

from framing_learn import _CLITICS, _MIN_LETTERS, _WORD, seed_words

from marsad.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
_REPORT = re.compile(r"[-–ـ:«»\"]|واس|رويترز|أ ?ف ?ب|د ?ب ?أ|متابعة|\bمن\s")  # agency or dateline
_OPINION_PATH = re.compile(r"/opinion/|/Articles/|-يكتب-")
_NAME = re.compile(r"^(?:د\.\s?)?[\w\s]+$")


def kind(record: dict) -> str | None:
    """'opinion' for a column, 'report' for agency or datelined copy, None when the record does not tell."""
    author = record.get("author", "").replace("&nbsp;", " ").strip()
    if _OPINION_PATH.search(record.get("url", "")):
        return "opinion"
    if not author:
        return None
    if _REPORT.search(author):
        return "report"
    return "opinion" if _NAME.match(author) and 2 <= len(author.split()) <= 5 else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--min-docs", type=int, default=8)
    args = ap.parse_args()
    seeds = seed_words()
    docs = {"opinion": Counter(), "report": Counter()}
    totals = Counter()
    for day in sorted(args.data.glob("*.zip")):
        with zipfile.ZipFile(day) as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    which = kind(record)
                    if which is None:
                        continue
                    totals[which] += 1
                    words = _WORD.findall(normalize(record["title"] + " . " + record["content"]))
                    docs[which].update({w for w in (_CLITICS.sub("", x) for x in words)
                                        if w.startswith("ال") and len(w) >= _MIN_LETTERS and w not in seeds})
    opinion, report = docs["opinion"], docs["report"]

    def ratio(word: str) -> float:
        return math.log((opinion[word] + 0.5) / totals["opinion"]) - math.log((report[word] + 0.5) / totals["report"])

    ranked = sorted((w for w, n in opinion.items() if n >= args.min_docs),
                    key=lambda w: -ratio(w) * math.log(opinion[w]))
    print(f"# opinion articles {totals['opinion']}, reports {totals['report']}")
    for word in ranked[:args.top]:
        print(f"{word}\t{opinion[word]}\t{report[word]}\t{ratio(word):.2f}")


if __name__ == "__main__":
    main()
