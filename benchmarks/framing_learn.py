"""Candidate evaluative words for `models/compare/framing_learned.tsv`, learnt from SaudiNewsNet: the words with the
article next to a one-word adjective or label of the framing lexicon, either right after it (`--frame chain`,
adjective chains: التفجير الإرهابي الجبان، الانتهاكات الممنهجة) or joined to it by و (`--frame pair`, pairs of one
stance: القمع والبطش، الإرهاب والتطرف), ranked by how often they do so times the share of their uses that do. The
list is judged by hand; what is kept goes in the table with the reason for what is dropped.

    python benchmarks/framing_learn.py [--data ../shared/data/saudinewsnet] [--frame chain|pair] [--top 200]
                                       [--min-count 3] [--min-share 0.03]
"""
from __future__ import annotations

import argparse
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

from marsad.compare.framing import LEARNED_PATH, NEUTRAL, load_lexicon, word_forms
from marsad.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"\w+")
_CLITICS = re.compile(r"^[وف]?[بكل]?(?=ال)")
_AND = "و"
_MIN_LETTERS = 5  # the article and three letters: shorter words with ال are function words or names


def seed_words() -> set[str]:
    """The normalised forms, with the article, of the one-word rows that mark a stance, of the lexicon and of the
    words learnt already (a second round starts from the first's)."""
    seeds: set[str] = set()
    for entry in load_lexicon() + load_lexicon(LEARNED_PATH):
        if entry.label != NEUTRAL and " " not in entry.term:
            seeds.update(f if f.startswith("ال") else "ال" + f for f in word_forms(entry.term))
    return seeds


def neighbours(words: list[str], seeds: set[str], frame: str) -> list[str]:
    """The words of one text in the frame next to a seed: right after it (chain), or joined to it by و (pair)."""
    if frame == "chain":
        return [_CLITICS.sub("", nxt) for word, nxt in zip(words, words[1:], strict=False)
                if _CLITICS.sub("", word) in seeds]
    found = []
    for word, nxt in zip(words, words[1:], strict=False):
        if not nxt.startswith(_AND + "ال"):
            continue
        left, right = _CLITICS.sub("", word), _CLITICS.sub("", nxt)
        if left in seeds:
            found.append(right)
        elif right in seeds:
            found.append(left)
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "saudinewsnet")
    ap.add_argument("--frame", choices=("chain", "pair"), default="chain")
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.03)
    args = ap.parse_args()
    seeds = seed_words()
    uses: Counter[str] = Counter()
    near_seed: Counter[str] = Counter()
    for day in sorted(args.data.glob("*.zip")):
        with zipfile.ZipFile(day) as z:
            for name in z.namelist():
                for record in json.loads(z.read(name)):
                    words = _WORD.findall(normalize(record["title"] + " . " + record["content"]))
                    uses.update(_CLITICS.sub("", w) for w in words)
                    near_seed.update(w for w in neighbours(words, seeds, args.frame)
                                      if w.startswith("ال") and len(w) >= _MIN_LETTERS and w not in seeds)
    ranked = sorted(((w, n, n / uses[w]) for w, n in near_seed.items()
                     if n >= args.min_count and n / uses[w] >= args.min_share), key=lambda x: -x[1] * x[2])
    for word, n, share in ranked[:args.top]:
        print(f"{word}\t{n}\t{uses[word]}\t{share:.2f}")


if __name__ == "__main__":
    main()
