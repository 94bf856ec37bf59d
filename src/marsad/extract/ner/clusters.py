"""Word clusters and counts learned offline from unlabelled news, shipped as one small TSV table.

Each frequent word gets a PPMI-SVD vector from its left and right neighbours; k-means at three granularities
gives coarse-to-fine cluster ids (a stand-in for Brown cluster prefixes). Word counts ship in the same table:
they decide whether a leading و/ب/ل/ف/ك is a clitic (وإسرائيل) or part of a name (لوديي).

Rebuild:  python -m marsad.extract.ner.clusters DIR_WITH_SAUDINEWSNET_ZIPS OUT.tsv
"""
from __future__ import annotations

import json
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from marsad.text.normalize import fold
from marsad.text.tokens import tokenize

GRANULARITIES = (64, 256, 1024)
HEADER = ("# provenance: saudinewsnet\n"
          "# Word clusters and counts learned from SaudiNewsNet by `python -m marsad.extract.ner.clusters`.\n"
          "# columns: word count " + " ".join(f"c{k}" for k in GRANULARITIES) + "\n")


def read_texts(folder: Path) -> Iterator[str]:
    """Article bodies from SaudiNewsNet-style zips (each a JSON array of objects with `content`)."""
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for art in json.loads(z.read(name)):
                    if art.get("content"):
                        yield art["content"]


def read_docs(folder: Path) -> list[list[str]]:
    """The folded tokens of every article body in `folder` (one string object per word type keeps 9M tokens cheap)."""
    folded: dict[str, str] = {}
    return [[folded.get(t.text) or folded.setdefault(t.text, fold(t.text)) for t in tokenize(text)]
            for text in read_texts(folder)]


def ppmi_vectors(docs: list[list[str]], vocab_size: int = 120_000, context_size: int = 10_000, dims: int = 100,
                 seed: int = 0) -> tuple[list[str], Counter[str], np.ndarray]:
    """(vocabulary, word counts, unit vectors): a PPMI-SVD vector from each frequent word's left and right
    neighbours among the `context_size` most frequent words, for the `vocab_size` most frequent words (count >= 3)."""
    from scipy import sparse
    from sklearn.utils.extmath import randomized_svd

    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    unk = len(vocab)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for d in docs:
        ids = np.fromiter((index.get(w, unk) for w in d), dtype=np.int64, count=len(d))
        if len(ids) < 2:
            continue
        left, right = ids[:-1], ids[1:]
        keep = (left < unk) & (right < context_size)  # right neighbour as context of the left word
        rows.append(left[keep])
        cols.append(right[keep] + context_size)
        keep = (right < unk) & (left < context_size)  # left neighbour as context of the right word
        rows.append(right[keep])
        cols.append(left[keep])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(len(vocab), 2 * context_size)).tocsr()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum()
    m = m.tocoo()
    pmi = np.log(m.data * 1.0 / (row_sum[m.row] / total * col_sum[m.col] * total) + 1e-12)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = randomized_svd(ppmi, n_components=dims, random_state=seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vocab, counts, vec


def build_clusters(folder: Path, out: Path, vocab_size: int = 120_000, context_size: int = 10_000,
                   dims: int = 100, seed: int = 0) -> None:
    """Count words in `folder`, learn clusters for the `vocab_size` most frequent, write `word count c1 c2 c3`."""
    from sklearn.cluster import MiniBatchKMeans

    vocab, counts, vec = ppmi_vectors(read_docs(folder), vocab_size, context_size, dims, seed)
    labels = []
    for k in GRANULARITIES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vec))
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for i, w in enumerate(vocab):
            f.write(f"{w}\t{counts[w]}\t" + "\t".join(str(lab[i]) for lab in labels) + "\n")


if __name__ == "__main__":
    build_clusters(Path(sys.argv[1]), Path(sys.argv[2]))
