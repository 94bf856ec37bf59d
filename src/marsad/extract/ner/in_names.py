"""How often real news writes a word inside a name: everyday words, learned from SaudiNewsNet.

Arabic has no capital letters, so a word's "name-ness" is read from what the entity stage makes of real news: for
each word seen often enough, how many of its occurrences (bare, proclitics off) fall inside a mention found by the
whole stage (tagger, phrase rules and document pass). Words of names are mostly inside one (أحمد، وزارة، المتحدة);
everyday words almost never are (الاحتياجات، المؤسسات، فعل). A span made only of everyday words is a phrase, not a
name (`PhraseRules.everyday_phrases`).

`models/ner/in_names.tsv` is built from the last days of SaudiNewsNet, like `name_rates.tsv`, so the first days stay
free for measuring: `python -m marsad.extract.ner.in_names DIR [ARTICLES]`.
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from marsad.extract.ner.name_rates import MIN_OCCURRENCES, latest_texts
from marsad.resources import MODELS_DIR, fields

IN_NAMES_FILE = MODELS_DIR / "ner" / "in_names.tsv"
MAX_IN_NAMES = 0.05  # a frequent word inside a mention in fewer of its occurrences than this is an everyday word
HEADER = ("# provenance: saudinewsnet\n"
          "# How often a word is written inside a name in real news, learned from SaudiNewsNet (the last days, up to\n"
          "# {n} articles) by `python -m marsad.extract.ner.in_names`: the bare word (folded, proclitics off), its\n"
          "# occurrences, and how many of them fall inside a mention the entity stage found (words seen {m}+ times).\n"
          "# Statistics of CC BY-NC-SA 4.0 text.\n"
          "# columns: word\toccurrences\tin_names\n")


def count_in_names(texts: Iterator[str], limit: int) -> tuple[Counter[str], Counter[str], int]:
    """(occurrences of each bare word, occurrences inside a mention, articles read) over up to `limit` texts."""
    from marsad.extract.ner.mentions import tagged_document

    seen: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    n = 0
    for n, text in enumerate(texts, 1):
        doc = tagged_document(text)
        doc.apply_rules()
        doc.propagate()
        seen.update(doc.bare)
        inside.update(doc.bare[i] for s in doc.spans for i in range(s.first, s.last + 1))
        if n >= limit:
            break
    return seen, inside, n


def build(folder: Path, out: Path, limit: int = 8000) -> None:
    """Write the in-name counts of the words of up to `limit` articles of `folder` to `out`."""
    seen, inside, n = count_in_names(latest_texts(folder), limit)
    rows = sorted((w for w, k in seen.items() if k >= MIN_OCCURRENCES), key=lambda w: (-seen[w], w))
    with out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(n=n, m=MIN_OCCURRENCES))
        f.writelines(f"{w}\t{seen[w]}\t{inside[w]}\n" for w in rows)


@lru_cache(maxsize=1)
def everyday_words(path: Path = IN_NAMES_FILE) -> frozenset[str]:
    """The bare folded words that real news writes inside a name in under `MAX_IN_NAMES` of their occurrences."""
    return frozenset(w for w, occ, k in fields(path) if int(k) < MAX_IN_NAMES * int(occ))


if __name__ == "__main__":
    build(Path(sys.argv[1]), IN_NAMES_FILE, int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
