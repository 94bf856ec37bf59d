"""NER tagging speed on SaudiNewsNet text, one core: tokens per second for the CRF tagger and for find_mentions.

    python benchmarks/ner.py [--data ../shared/data/saudinewsnet] [--articles 3000]

The feature cache starts empty, as in a fresh process; a warm-up article loads the model and tables first.
Times are CPU seconds of this process (`time.process_time`): the work is single-threaded, and other jobs on a
shared machine then do not skew the figures.
"""
from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from marsad.extract.ner.mentions import find_mentions, load_tagger, sentence_ranges
from marsad.text.tokens import token_lists


def read_articles(folder: Path, limit: int) -> list[str]:
    """Up to `limit` article bodies from the SaudiNewsNet zips in `folder`."""
    out: list[str] = []
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                out += [a["content"] for a in json.loads(z.read(name)) if a.get("content")]
        if len(out) >= limit:
            break
    return out[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet")
    ap.add_argument("--articles", type=int, default=3000)
    args = ap.parse_args()
    texts = read_articles(args.data, args.articles)
    tagger = load_tagger()
    find_mentions("warm-up", "قال الرئيس في الرياض.")
    sentences = []
    for text in texts:
        words, _, ends = token_lists(text)
        sentences += [words[a:b] for a, b in sentence_ranges(text, words, ends)]
    n_tokens = sum(len(s) for s in sentences)

    t0 = time.process_time()
    for k in range(0, len(sentences), 20):
        tagger.tag_sentences(sentences[k:k + 20])
    tag_s = time.process_time() - t0
    print(f"CRF tagging (features + Viterbi): {n_tokens:,} tokens in {tag_s:.2f} s = {n_tokens / tag_s:,.0f} tokens/s")

    t0 = time.process_time()
    n_mentions = sum(len(find_mentions(str(i), text)) for i, text in enumerate(texts))
    full_s = time.process_time() - t0
    print(f"find_mentions (tokenize + tag + document pass): {n_tokens / full_s:,.0f} tokens/s, "
          f"{len(texts) / full_s:,.0f} articles/s, {n_mentions:,} mentions")


if __name__ == "__main__":
    main()
