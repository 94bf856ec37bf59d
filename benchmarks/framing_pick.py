"""Pick SaudiNewsNet articles for a framing audit by hand (`docs/audits/*-framing-recall*.json`): `--per-day`
articles of each of `--days`, from different outlets, drawn with a fixed seed among articles of 120-650 words that
name at least two political or security topics (`--any-topic`: any subject, society and sport too), none an
article of the audits `--exclude` names; each is written as a text file to read and annotate, and their addresses
are printed as audit rows with empty terms (the texts stay in SaudiNewsNet).

    python benchmarks/framing_pick.py --days 2015-07-21 2015-07-22 ... [--per-day 4] [--seed 38] [--out DIR]
                                      [--any-topic] [--exclude AUDIT ...] [--prefix b]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOPICS = re.compile(r"الحكومة|الرئيس|الأمن|القوات|الحرب|وزير الخارجية|مجلس الأمن|اليمن|سوري|العراق|فلسطين|إيران|ليبيا"
                    r"|مصر|لبنان|الجيش|المعارضة|البرلمان")
MIN_WORDS, MAX_WORDS, MIN_TOPICS = 120, 650, 2


def candidates(folder: Path, day: str, min_topics: int = MIN_TOPICS) -> list[dict]:
    """A day's articles in file order that are long enough to frame and short enough to read, naming at least
    `min_topics` public-affairs topics."""
    with zipfile.ZipFile(folder / f"{day}.zip") as z:
        records = [r for name in sorted(z.namelist()) for r in json.loads(z.read(name))]
    return [r for r in records if MIN_WORDS <= len(r["content"].split()) <= MAX_WORDS
            and len(TOPICS.findall(r["content"])) >= min_topics]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--days", nargs="+", required=True)
    ap.add_argument("--per-day", type=int, default=4)
    ap.add_argument("--seed", type=int, default=38)
    ap.add_argument("--out", type=Path, default=Path("/tmp/framing-pick"))
    ap.add_argument("--any-topic", action="store_true", help="any subject, not only political or security news")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="audits whose articles are not drawn again")
    ap.add_argument("--prefix", default="b", help="first letter of the audit ids")
    args = ap.parse_args()
    audited = {row["url"] for path in args.exclude
               for row in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for day in args.days:
        pool = [r for r in candidates(args.data, day, 0 if args.any_topic else MIN_TOPICS)
                if r["url"] not in audited]
        rng.shuffle(pool)
        outlets: set[str] = set()
        for record in pool:
            if record["source"] in outlets:
                continue
            outlets.add(record["source"])
            audit = f"{args.prefix}{len(rows):02d}"
            (args.out / f"{audit}.txt").write_text(f"{audit} {day} {record['source']} {record['url']}\n"
                                                  f"{record['title']}\n\n{record['content']}\n", encoding="utf-8")
            rows.append({"audit": audit, "day": day, "source": record["source"], "url": record["url"], "terms": []})
            if len(outlets) == args.per_day:
                break
    print(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
