"""Audit of the comparison layer on real news: a sample of reported contradictions and framing terms to judge by hand.

    python benchmarks/compare_audit.py [--data ../shared/data/saudinewsnet] [--days 2015-07-22 2015-07-23 2015-07-24]
                                       [--articles 3000] [--skip 0] [--out /tmp/compare-audit] [--seed 23]
                                       [--sample 50] [--analysis FILE] [--explain] [--tsv FILE] [--missed 25]

Builds a JSON lines corpus of `--articles` SaudiNewsNet articles, an equal share from each of the consecutive
`--days` (the first of each day's file after `--skip` articles, in file order: a skip past the articles audited
before gives unseen ones), runs `marsad analyze` on it (a fresh store), and prints the
counts (contradictions, framing terms by function, figure series) and a random sample (fixed seed) of contradictions
with the sentences of every claim they name, and of framing terms with their sentence, so a person can judge each.
`--analysis` samples an analysis JSON already made instead of running. The figure series of tolls are listed too,
with the outlets and days of their reports. `--tsv` writes the sample of contradictions as a table to judge (one row a
contradiction: its event, values, the articles of its claims with outlet, time and address, and empty verdict and reason
columns). `--missed N` draws N figure series (tolls first, up to 15, then other figures) in which two outlets give
values that do not overlap on one publication day, every report of each with its sentence: the candidates of a true
contradiction missed, to judge for recall.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

from marsad.text.normalize import normalize, normalize_with_map

DEFAULT_DAYS = ("2015-07-22", "2015-07-23", "2015-07-24")
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def build_corpus(folder: Path, days: list[str], limit: int, out: Path, skip: int = 0) -> int:
    """Write `limit` articles, an equal share of each day's zip after its first `skip`, to `out` as JSON lines; the
    count written."""
    share, rest = divmod(limit, len(days))
    written = 0
    with out.open("w", encoding="utf-8") as sink:
        for k, day in enumerate(days):
            with zipfile.ZipFile(folder / f"{day}.zip") as z:
                records = [r for name in z.namelist() for r in json.loads(z.read(name))
                           if str(r.get("content") or "").strip()]
            for record in records[skip:skip + share + (k < rest)]:
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written


def run_analysis(corpus: Path, out: Path, explain: bool = False) -> Path:
    """`marsad analyze` on the corpus with a fresh store (`explain`: in this process, printing how often each rule
    fired); the analysis JSON."""
    store, analysis = out / "audit.db", out / "audit.json"
    for path in out.glob("audit.db*"):
        path.unlink()
    subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--json", str(analysis),
                    "--db", str(store), "-q", *(["--explain"] if explain else [])], check=True)
    return analysis


def sentence_around(text: str, term: str, reach: int = 160) -> str:
    """The sentence of `text` holding the first match of `term` (compared normalised; without its article when the
    text writes it with a clitic), cut to `reach` characters either side of the term; the text's start when the
    term is not found."""
    norm = normalize_with_map(text)
    key = normalize(term).strip('"')
    at = norm.text.find(key)
    if at < 0 and key.startswith("ال"):
        at = norm.text.find(key[2:])
    begin, end = norm.to_original(max(at, 0), max(at, 0) + len(key))
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, begin)]
    start = max(starts[-1] if starts else 0, begin - reach)
    stop = min(m.start() if (m := _SENTENCE_END.search(text, end)) else len(text), end + reach)
    return f"{text[start:begin]}[[{text[begin:end]}]]{text[end:stop]}".strip()


def print_contradictions(analysis: dict, rng: random.Random, size: int) -> None:
    """A sample of contradictions, each with the outlet, day and sentence of every claim it names."""
    articles = {a["id"]: a for a in analysis["articles"]}
    claims = {c["id"]: c for c in analysis["claims"]}
    found = analysis["contradictions"]
    print(f"\n== contradictions: {len(found)} reported; a sample of {min(size, len(found))}")
    for k, item in enumerate(rng.sample(found, min(size, len(found)))):
        print(f"\n#C{k} {item['event']} [{item['about']}] {item['detail']}")
        for claim in item["claims"]:
            for support in claims[claim]["support"]:
                article = articles[support["article"]]
                print(f"    {article['source']} {article.get('published', '')}: {support['sentence'][:300]}")


def write_sample(analysis: dict, rng: random.Random, size: int, out: Path) -> None:
    """The sample `print_contradictions` shows (same seed, same order) as a TSV to judge by hand."""
    articles = {a["id"]: a for a in analysis["articles"]}
    claims = {c["id"]: c for c in analysis["claims"]}
    found = analysis["contradictions"]
    rows = ["\t".join(("#", "event", "about", "detail", "articles", "verdict", "reason"))]
    for k, item in enumerate(rng.sample(found, min(size, len(found)))):
        ids = dict.fromkeys(s["article"] for claim in item["claims"] for s in claims[claim]["support"])
        cited = "; ".join(f"{i} {articles[i]['source']} {articles[i].get('published', '')} {articles[i].get('url', '')}"
                          for i in ids)
        rows.append("\t".join((f"C{k}", item["event"], item["about"], item["detail"], cited, "", "")))
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")


def print_framing(analysis: dict, rng: random.Random, size: int) -> None:
    """Counts of framing terms by function, and a sample of terms with their sentence."""
    articles = {a["id"]: a for a in analysis["articles"]}
    terms = [(f["article"], t) for f in analysis["framing"] for t in f["terms"]]
    print(f"\n== framing terms: {len(terms)} in {len(analysis['framing'])} articles")
    print("   by function:", dict(Counter(t["category"] for _, t in terms).most_common()))
    print("   by label:", dict(Counter(t["label"] for _, t in terms).most_common(30)))
    print(f"   a sample of {min(size, len(terms))}")
    for k, (article, term) in enumerate(rng.sample(terms, min(size, len(terms)))):
        source = articles[article]["source"]
        context = sentence_around(articles[article]["text"], term["term"])
        print(f"\n#F{k} [{source}] {term['term']} ({term['label']}, {term['category']}) :: {context}")


def print_figures(analysis: dict) -> None:
    """How many figure series there are, and every toll series with its reports."""
    series = analysis.get("figures", [])
    tolls = [s for s in series if s["quantity"] in ("killed", "injured", "missing", "displaced", "arrested")]
    print(f"\n== figure series: {len(series)} ({len(tolls)} tolls)")
    for s in tolls:
        points = ", ".join(f"{p['shown']} ({p['outlet']} {p['published']})" for p in s["points"])
        print(f"   {s['event']} {s['label']}: {points}")


def disagreeing_series(analysis: dict) -> list[dict]:
    """The figure series in which two outlets give values that do not overlap on one publication day."""
    def apart(p: dict, q: dict) -> bool:
        return p["outlet"] != q["outlet"] and (p["published"] or "")[:10] == (q["published"] or "")[:10] and (
            p["high"] is not None and p["high"] < q["low"] or q["high"] is not None and q["high"] < p["low"])
    return [s for s in analysis.get("figures", []) if any(
        apart(p, q) for k, p in enumerate(s["points"]) for q in s["points"][k + 1:])]


def print_missed(analysis: dict, rng: random.Random, size: int) -> None:
    """A sample of the series `disagreeing_series` finds, with the contradictions reported in their event."""
    reported: dict[str, list[str]] = {}
    for item in analysis["contradictions"]:
        reported.setdefault(item["event"], []).append(item["detail"])
    found = disagreeing_series(analysis)
    tolls = [s for s in found if s["quantity"] in ("killed", "injured", "missing", "displaced", "arrested")]
    others = [s for s in found if s not in tolls]
    print(f"\n== figure series with a same-day disagreement between outlets: {len(found)} ({len(tolls)} tolls)")
    drawn = rng.sample(tolls, min(15, size, len(tolls)))
    drawn += rng.sample(others, min(size - len(drawn), len(others)))
    for k, series in enumerate(drawn):
        print(f"\n#M{k} {series['event']} {series['label']} reported: {reported.get(series['event'], [])}")
        for p in series["points"]:
            print(f"    {p['outlet']} {p['published']} [{p['shown']}] {p['sentence'][:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet")
    parser.add_argument("--days", nargs="+", default=list(DEFAULT_DAYS))
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--skip", type=int, default=0, help="articles of each day's file passed over first")
    parser.add_argument("--out", type=Path, default=Path("/tmp/compare-audit"))
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--analysis", type=Path, help="an analysis JSON to sample instead of running")
    parser.add_argument("--explain", action="store_true", help="print how often each rule fired (one process)")
    parser.add_argument("--tsv", type=Path, help="write the sample of contradictions as a TSV to judge")
    parser.add_argument("--missed", type=int, default=0, help="draw this many figure series where outlets disagree")
    args = parser.parse_args()
    if args.analysis is None:
        args.out.mkdir(parents=True, exist_ok=True)
        corpus = args.out / "corpus.jsonl"
        print(f"corpus: {build_corpus(args.data, args.days, args.articles, corpus, args.skip)} articles of {args.days}")
        args.analysis = run_analysis(corpus, args.out, args.explain)
    analysis = json.loads(args.analysis.read_text(encoding="utf-8"))
    print(f"analysis: {len(analysis['articles'])} articles, {len(analysis['events'])} events")
    print_contradictions(analysis, random.Random(args.seed), args.sample)
    if args.tsv:
        write_sample(analysis, random.Random(args.seed), args.sample, args.tsv)
    print_framing(analysis, random.Random(args.seed), args.sample)
    print_figures(analysis)
    if args.missed:
        print_missed(analysis, random.Random(args.seed), args.missed)


if __name__ == "__main__":
    main()
