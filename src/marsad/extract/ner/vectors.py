"""Word vectors learned offline from unlabelled news (PPMI-SVD, as the word clusters), for the neural tagger.

The vectors of the most frequent folded words are kept as float16 in one `.npz` file: `words` (the words, UTF-8,
one a line) and `vectors` (one row a word). A word outside them has none (the tagger gives it the zero vector and
reads its characters).

Rebuild:  python -m marsad.extract.ner.vectors DIR_WITH_SAUDINEWSNET_ZIPS OUT.npz
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from marsad.extract.ner.clusters import ppmi_vectors, read_docs
from marsad.resources import MODELS_DIR

VECTOR_FILE = MODELS_DIR / "ner_vectors.npz"


class WordVectors:
    """Folded word -> row of a float16 matrix; row 0 is the zero vector of every unknown word."""

    def __init__(self, words: list[str], vectors: np.ndarray) -> None:
        self.index = {w: i + 1 for i, w in enumerate(words)}
        self.matrix = np.concatenate([np.zeros((1, vectors.shape[1]), dtype=vectors.dtype), vectors])

    def row(self, word: str) -> int:
        return self.index.get(word, 0)


def load_vectors(path: Path = VECTOR_FILE) -> WordVectors:
    """The vectors stored by `build_vectors` (an error naming the file if it is missing or not such a file)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return WordVectors(z["words"].tobytes().decode("utf-8").split("\n"), z["vectors"])
    except (OSError, KeyError, ValueError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: not a word-vector file ({e})") from e


def build_vectors(folder: Path, out: Path, n_words: int = 50_000, dims: int = 100) -> None:
    """Learn vectors of the `n_words` most frequent folded words of the articles in `folder` and write `out`."""
    vocab, _, vec = ppmi_vectors(read_docs(folder), vocab_size=n_words, dims=dims)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_vectors(out, vocab, vec.astype(np.float16))


def save_vectors(out: Path, words: list[str], vectors: np.ndarray) -> None:
    """Write `words` and their rows of `vectors` in the format `load_vectors` reads."""
    if len(words) != len(vectors) or any("\n" in w for w in words):
        raise ValueError(f"{out}: {len(words)} words (one a line) for {len(vectors)} vectors")
    np.savez(out, words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8), vectors=vectors)


if __name__ == "__main__":
    build_vectors(Path(sys.argv[1]), Path(sys.argv[2]))
