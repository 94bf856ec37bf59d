"""Recall of the framing terms on real news annotated by hand (`docs/audits/*-framing-recall.json`): the articles,
found by address in SaudiNewsNet's day files, are analysed afresh, and each annotated term counts as found when a
term marsad tags in the same article holds it or is held by it (the scorer's `framing.term_recall`, whose
normalised forms it uses). An audit row with a `text` (a paragraph written for the audit) is analysed as it is.
Recall is printed for the half the lexicon was tuned on and the half held out, with the terms missed and the terms
tagged that the annotation does not list (`--half`: those of one half only, so a held-out half is read only once).

    python benchmarks/framing_recall.py [--data ../shared/data/saudinewsnet] [--audit FILE] [--out DIR]
                                        [--score ../shared/eval/score.py] [--half tune]
"""
from __future__ import annotations

import argparse
import json
import zipfile
from collections import defaultdict
from pathlib import Path

from compare_audit import run_analysis
from summaries import DEFAULT_SCORER, load_scorer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AUDIT = ROOT / "docs" / "audits" / "2026-12-07-framing-recall.json"


def find_articles(folder: Path, wanted: list[dict]) -> dict[str, dict]:
    """Audit id -> its SaudiNewsNet record, looked up by address in the day files the audit names."""
    by_url = {row["url"]: row["audit"] for row in wanted if "text" not in row}
    found: dict[str, dict] = {}
    for day in sorted({row["day"] for row in wanted if "text" not in row}):
        with zipfile.ZipFile(folder / f"{day}.zip") as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    if record.get("url") in by_url:
                        found.setdefault(by_url[record["url"]], record)
    return found


def written_record(row: dict) -> dict:
    """A paragraph written for the audit as a SaudiNewsNet-like record."""
    return {"source": row["source"], "url": row["url"], "title": row["title"], "content": row["text"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--audit", type=Path, default=DEFAULT_AUDIT)
    ap.add_argument("--out", type=Path, default=Path("/tmp/framing-recall"))
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--half", help="list the misses and extra tags of this half only (tune, test)")
    args = ap.parse_args()
    form = load_scorer(args.score).term_form
    rows = json.loads(args.audit.read_text(encoding="utf-8"))["articles"]
    records = find_articles(args.data, rows) | {row["audit"]: written_record(row) for row in rows if "text" in row}
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = args.out / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(records[row["audit"]], ensure_ascii=False) + "\n"
                              for row in rows if row["audit"] in records), encoding="utf-8")
    analysis = json.loads(run_analysis(corpus, args.out).read_text(encoding="utf-8"))
    article_of = {a.get("url"): a["id"] for a in analysis["articles"]}
    tagged = {f["article"]: [form(t["term"]) for t in f["terms"]] for f in analysis.get("framing", [])}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        terms = tagged.get(article_of.get(row["url"], ""), [])
        gold = [form(t) for t in row["terms"]]
        for term, shown in zip(gold, row["terms"], strict=True):
            hit = any(term in t or t in term for t in terms if t)
            counts[row["half"]][0] += hit
            counts[row["half"]][1] += 1
            if not hit and args.half in (None, row["half"]):
                print(f"missed {row['audit']} ({row['half']}): {shown}")
        extra = [t for t in terms if not any(g in t or t in g for g in gold)]
        if extra and args.half in (None, row["half"]):
            print(f"tagged, not annotated {row['audit']}: {' | '.join(extra)}")
    print(f"articles found {len(records)} of {len(rows)}")
    for half, (hit, total) in counts.items():
        print(f"recall {half}: {hit}/{total} = {hit / total:.3f}" if total else f"recall {half}: no term")


if __name__ == "__main__":
    main()
