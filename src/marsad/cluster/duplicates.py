"""Syndicated near-duplicates with MinHash LSH: a copy points at the first version and is kept, never dropped.

Each article's signature (its `Fingerprint`) is made once, in the per-article map step, and kept in the store; the
corpus-wide pass only compares signatures.
"""
from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from marsad.settings import DEFAULTS, DuplicateSettings
from marsad.text.normalize import text_key
from marsad.types import Article, Fingerprint

NUM_PERM = 128
SHINGLE = 3


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the normalised text."""
    tokens = text_key(text).encode("utf-8").split()
    if len(tokens) < size:
        return {b" ".join(tokens)}
    return set(map(b" ".join, zip(*(tokens[i:] for i in range(size)), strict=False)))  # each n-gram, joined in C


def signature(text: str) -> MinHash:
    template = _template()
    m = MinHash(num_perm=NUM_PERM, seed=template.seed, hashfunc=zlib.crc32, permutations=template.permutations,
                scheme=template.scheme)
    m.update_batch(list(shingles(text)))
    return m


HASH_TYPE = np.dtype("<u4")  # crc32 hashes: every value fits 32 bits


def fingerprint(article: Article) -> Fingerprint:
    """The article's signature in a compact form for the store."""
    return Fingerprint(article.id, signature(article.text).hashvalues.astype(HASH_TYPE).tobytes().hex())


def _minhash(hex_values: str) -> LeanMinHash:
    template = _template()
    values = np.frombuffer(bytes.fromhex(hex_values), dtype=HASH_TYPE).astype(template.hashvalues.dtype)
    return LeanMinHash(seed=template.seed, hashvalues=values, scheme=template.scheme)


@cache
def _template() -> MinHash:
    """A MinHash whose permutations every signature shares: drawn once, as drawing them per article cost as much
    as the hashing."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def mark_duplicates(articles: Sequence[Article], settings: DuplicateSettings = DEFAULTS.duplicates,
                    fingerprints: Mapping[str, Sequence[Fingerprint]] | None = None) -> list[Article]:
    """The articles with `duplicate_of` set on each near-copy of an earlier one (earliest published first);
    signatures are taken from `fingerprints` (article id -> [its Fingerprint]) where given, else made here."""
    made = fingerprints or {}
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or "9999", i))
    rank = {i: r for r, i in enumerate(order)}
    threshold = settings.threshold
    lsh = MinHashLSH(threshold=min(settings.candidate, threshold), num_perm=NUM_PERM)
    signatures: dict[int, MinHash | LeanMinHash] = {}
    root: dict[int, int] = {}
    for i in order:
        given = made.get(articles[i].id)
        sig = signatures[i] = _minhash(given[0].minhash) if given else signature(articles[i].text)
        hits = [int(key) for key in lsh.query(sig) if sig.jaccard(signatures[int(key)]) >= threshold]
        if hits:
            first = min(hits, key=rank.__getitem__)
            root[i] = root.get(first, first)
        lsh.insert(str(i), sig)
    out = list(articles)
    for i, first in root.items():
        out[i] = replace(articles[i], duplicate_of=articles[first].id)
    return out
