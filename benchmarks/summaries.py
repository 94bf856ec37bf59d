"""Event summaries against the reference summaries of an answer key: ROUGE-1/2 of marsad's summary beside the
lead-3 baseline and a greedy extractive oracle, per event and on average, with the length in words of each and of
the reference (ROUGE-1 is an F1, so a summary much longer or shorter than the reference loses), and ROUGE-1 of
marsad's summary cut to lead-3's length in words ("at lead length": which of the two says more of the reference in
as many words, apart from what the length adds or costs; lead-3 is the scorer's, the first three lines of the
earliest article, so it may hold its headline); an event whose summary only repeats lead-3 sentences is marked
"lead only"; the gain over lead-3 is given apart for the events of one article and of several. With --sentences,
each event's summary sentences follow it, each with the words of the reference it holds (unigrams, as the scorer
counts them) of its own words, and then the oracle's picks the summary left out: what content it missed, and which
of its sentences add little.

    python benchmarks/summaries.py --gold GOLD.json --analysis ANALYSIS.json [--score ../shared/eval/score.py]
                                   [--sentences]

The oracle adds, one at a time, the candidate sentence (`marsad.summarize.candidates`) of the matched event's
articles that raises ROUGE-1 against the reference most, and stops when none does: an upper bound for a
selection from the same pool, not a target (it reads the reference).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

from marsad.summarize.candidates import candidates
from marsad.types import Article

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def load_scorer(path: Path) -> ModuleType:
    """The evaluation's score.py as a module (its `rouge` and `lead`)."""
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def oracle(pool: list[str], reference: str, scorer: ModuleType) -> list[str]:
    """The sentences of the greedy ROUGE-1 oracle over `pool`, in the order it picks them."""
    chosen: list[str] = []
    best = 0.0
    while True:
        gains = [(scorer.rouge(" ".join([*chosen, s]), reference)["rouge1"], s) for s in pool if s not in chosen]
        top = max(gains, default=(0.0, ""))
        if top[0] <= best:
            return chosen
        best = top[0]
        chosen.append(top[1])


def show_sentences(said: list[str], picked: list[str], reference: str, scorer: ModuleType) -> None:
    """Each summary sentence, then each oracle pick the summary left out, with the reference words it holds."""
    wanted = Counter(scorer.tokens(reference))
    for name, sentences in (("marsad", said), ("oracle", [s for s in picked if s not in said])):
        for sentence in sentences:
            words = Counter(scorer.tokens(sentence))
            print(f"    {name:6} {sum((words & wanted).values()):3}/{sum(words.values()):<3} {sentence[:110]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--analysis", required=True)
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--sentences", action="store_true", help="each event's sentences and the oracle's other picks")
    args = ap.parse_args()
    scorer = load_scorer(args.score)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    ana = json.loads(Path(args.analysis).read_text(encoding="utf-8"))
    arts = {a["id"]: a for a in ana["articles"]}
    garts = gold["articles"]
    gold_events: dict[str, set[str]] = defaultdict(set)
    for a, g in garts.items():
        gold_events[g["event"]].add(a)
    sys_events = {v["id"]: set(v["articles"]) for v in ana["events"]}
    sums = {s["event"]: s for s in ana["summaries"]}
    rows = []
    lengths: list[dict[str, int]] = []  # words of the reference and of each summary, per event
    sizes: list[int] = []  # the articles of each matched event
    for gev, ref in gold.get("summaries", {}).items():
        best = max(sys_events, key=lambda v: len(sys_events[v] & gold_events[gev]))
        ours = " ".join(s["text"] for s in sums.get(best, {}).get("sentences", []))
        pool = [c.text for i, a in enumerate(sorted(sys_events[best])) if a in arts
                for c in candidates(i, Article(a, arts[a]["text"], title=arts[a].get("title")))]
        picked = oracle(pool, ref, scorer)
        texts = {"lead3": scorer.lead(gev, garts, arts, 3), "marsad": ours, "oracle": " ".join(picked)}
        scores = {k: scorer.rouge(t, ref) for k, t in texts.items()}
        scores["at_lead"] = scorer.rouge(" ".join(ours.split()[:len(texts["lead3"].split())]), ref)
        rows.append(scores)
        sizes.append(len(sys_events[best]))
        said = [s["text"] for s in sums.get(best, {}).get("sentences", [])]
        lead_only = bool(said) and all(s in texts["lead3"] for s in said)
        lengths.append({"reference": len(ref.split()), **{k: len(t.split()) for k, t in texts.items()}})
        print(f"{gev:5} {len(sys_events[best]):3} art  ref {lengths[-1]['reference']:3}w  " + "  ".join(
            f"{k} R1 {s['rouge1']:.3f} R2 {s['rouge2']:.3f} ({lengths[-1][k]}w)" for k, s in scores.items()
            if k in texts) + f"  marsad at lead length R1 {scores['at_lead']['rouge1']:.3f}"
            + ("  (lead only)" if lead_only else ""))
        if args.sentences:
            show_sentences(said, picked, ref, scorer)
    for k in ("lead3", "marsad", "oracle"):
        r1 = sum(r[k]["rouge1"] for r in rows) / len(rows)
        r2 = sum(r[k]["rouge2"] for r in rows) / len(rows)
        words = sum(n[k] for n in lengths) / len(lengths)
        print(f"mean {k:7} ROUGE-1 {r1:.3f}  ROUGE-2 {r2:.3f}  {words:.0f} words")
    print(f"mean reference {sum(n['reference'] for n in lengths) / len(lengths):.0f} words")
    for name, members in (("one-article", [i for i, n in enumerate(sizes) if n == 1]),
                          ("several", [i for i, n in enumerate(sizes) if n > 1])):
        if members:
            gains = [sum(rows[i]["marsad"][m] - rows[i]["lead3"][m] for i in members) / len(members)
                     for m in ("rouge1", "rouge2")]
            level = sum(rows[i]["at_lead"]["rouge1"] - rows[i]["lead3"]["rouge1"] for i in members) / len(members)
            print(f"gain over lead-3, {len(members)} {name} events: ROUGE-1 {gains[0]:+.3f}  ROUGE-2 {gains[1]:+.3f}"
                  f"  (ROUGE-1 at lead length {level:+.3f})")


if __name__ == "__main__":
    main()
