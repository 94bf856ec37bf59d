"""Background word counts and document frequencies from a large news corpus (SaudiNewsNet, 2015).

With them IDF means the same in a batch of five articles as in one of thirty thousand: a word every outlet
uses every day weighs little even when a small batch happens to hold it once. Rebuild the table with

    python -m marsad.cluster.background ../shared/data/saudinewsnet
"""
from __future__ import annotations

import gzip
import sys
from collections import Counter
from functools import lru_cache, partial
from pathlib import Path

from marsad.cluster.terms import TermModel, words
from marsad.derived import built

TABLE = Path(__file__).resolve().parents[1] / "models" / "background.tsv.gz"
MIN_COUNT = 3  # rarer words and terms are left out: they would get the highest IDF anyway


def build(corpus: str) -> TermModel:
    """Term statistics of every clean article in `corpus`."""
    from marsad.clean import clean
    from marsad.ingest import read_inputs
    from marsad.types import Article

    articles = [a for a in (clean(r) for r in read_inputs([corpus]) if not hasattr(r, "reason"))
                if isinstance(a, Article)]
    docs = [words(f"{a.title or ''}\n{a.text}") for a in articles]
    model = TermModel()
    model.add_documents(docs, [[] for _ in docs])
    return model


def save(model: TermModel, path: Path = TABLE) -> None:
    """One line per entry: `docs N`, `w WORD COUNT`, `d TERM DOCUMENT-FREQUENCY`, sorted, so rebuilds diff."""
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(f"docs\t{model.docs}\n")
        for kind, counts in (("w", model.word_counts), ("d", model.doc_freq)):
            for key, n in sorted(counts.items()):
                if n >= MIN_COUNT:
                    f.write(f"{kind}\t{key}\t{n}\n")


@lru_cache(maxsize=1)
def load(path: Path = TABLE) -> tuple[int, dict[str, int], dict[str, int]]:
    """(documents, word counts, document frequencies) from the table (read once, then from `derived`'s cache);
    empty when it is absent."""
    if not path.exists():
        return 0, {}, {}
    return built("background", partial(_read, path), [path])


def _read(path: Path) -> tuple[int, dict[str, int], dict[str, int]]:
    tables: dict[str, dict[str, int]] = {"w": {}, "d": {}}
    docs = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            kind, key, *count = line.rstrip("\n").split("\t")
            if kind == "docs":
                docs = int(key)
            else:
                tables[kind][key] = int(count[0])
    return docs, tables["w"], tables["d"]


def background_model() -> TermModel:
    """A fresh term model that starts from the background counts."""
    docs, word_counts, doc_freq = load()
    return TermModel(word_counts=Counter(word_counts), doc_freq=Counter(doc_freq), docs=docs)


if __name__ == "__main__":
    save(build(sys.argv[1]))
    print(f"wrote {TABLE}")
