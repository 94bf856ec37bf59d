"""Syndicated near-duplicates with MinHash LSH: a copy points at the first version and is kept, never dropped.

Each article's signature (its `Fingerprint`) is made once, in the per-article map step, and kept in the store; the
corpus-wide pass only compares signatures.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

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


@cache
def _template() -> MinHash:
    """A MinHash whose permutations every signature shares: drawn once, as drawing them per article cost as much
    as the hashing."""
    return MinHash(num_perm=NUM_PERM, seed=1)


@dataclass
class Touched:
    """The article ids whose entry in an index's `seen` and `originals` one `mark` set or removed."""

    seen: set[str] = field(default_factory=set)
    originals: set[str] = field(default_factory=set)


@dataclass
class DuplicateIndex:
    """Every article's signature (512 bytes) in one array, kept between runs so that a run compares its new articles
    only. Candidate pairs share one band of their signature (LSH banding, with the bands `datasketch.MinHashLSH`
    chooses for the candidate threshold); a candidate is a copy when the estimated Jaccard reaches the threshold. An
    article is compared with those published at most `window_days` before it (syndicated copies follow their
    original within days), so a delivery of older news finds its copies as a run over everything would. Every
    copy found is kept with its original.

    A run takes its new articles in publication order after the stored ones; one that arrives after copies of it
    published later (a late delivery) becomes their group's original, as a run over all the articles at once would
    find."""

    settings: DuplicateSettings = field(default_factory=DuplicateSettings)
    ids: list[str] = field(default_factory=list)  # the articles, in the order they were indexed
    published: list[str] = field(default_factory=list)  # their publication dates ("9999": undated)
    signatures: np.ndarray = field(default_factory=lambda: np.zeros((0, NUM_PERM), dtype=HASH_TYPE))
    seen: dict[str, bytes] = field(default_factory=dict)  # every article ever indexed: its signature's digest
    originals: dict[str, str] = field(default_factory=dict)  # every copy found: its original

    def __post_init__(self) -> None:
        self._checked: dict[str, tuple[Article, object]] = {}  # the article and fingerprints each id was last
        # checked with, so a later run over the same objects (a watcher's) skips them; not part of the state
        self._bands: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # the signatures indexed and their
        # band hashes sorted by band, with the row of each (`_band_index`: made once, then kept as rows are added)
        self._first_changed = len(self.ids)
        self._touched = Touched()

    def __getstate__(self) -> dict[str, object]:
        return {name: value for name, value in vars(self).items() if not name.startswith("_")}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self.__post_init__()

    @property
    def first_changed(self) -> int:
        """The first row the last `mark` removed or added (a store keeps the rows in pieces: `store.growing`)."""
        return self._first_changed

    @property
    def touched(self) -> Touched:
        """The keys of `seen` and `originals` the last `mark` set or removed (a store writes those alone)."""
        return self._touched

    def mark(self, articles: Sequence[Article],
             fingerprints: Mapping[str, Sequence[Fingerprint]] | None = None) -> list[Article]:
        """The articles with `duplicate_of` set on each near-copy of an earlier one (earliest published first);
        signatures are taken from `fingerprints` (article id -> [its Fingerprint]) where given, else made here."""
        made = fingerprints or {}
        self._first_changed = len(self.ids)
        self._touched = Touched()
        new, renewed = [], set()  # renewed: indexed before with another signature
        for i, article in enumerate(articles):
            given = made.get(article.id)
            if (checked := self._checked.get(article.id)) and checked[0] is article and checked[1] is given:
                continue  # the very article and fingerprint checked before: indexed as it is
            self._checked[article.id] = (article, given)
            values = (np.frombuffer(bytes.fromhex(given[0].minhash), dtype=HASH_TYPE) if given else
                      signature(article.text).hashvalues.astype(HASH_TYPE))
            digest = hashlib.blake2b(values.tobytes(), digest_size=12).digest()
            if (was := self.seen.get(article.id)) != digest:  # new, or its text changed since it was indexed
                if was is not None:
                    renewed.add(article.id)
                self.seen[article.id] = digest
                self._touched.seen.add(article.id)
                self._forget_original(article.id)
                new.append((article.published or UNDATED, i, article.id, values))
        if renewed:
            self._keep(np.array([article_id not in renewed for article_id in self.ids], dtype=bool))
        if new:
            self._add(sorted(new, key=lambda item: item[:2]))
        return [a if a.duplicate_of == (original := self.originals.get(a.id)) else replace(a, duplicate_of=original)
                for a in articles]

    def _add(self, new: list[tuple[str, int, str, np.ndarray]]) -> None:
        """Index the new articles one by one, each looking for its original among those indexed before it, through
        the rows of each band hash (`_band_index` for those indexed before the call, buckets for the new ones)."""
        keys, rows = self._band_index()
        buckets: list[dict[int, list[int]]] = [{} for _ in range(len(keys))]
        signatures, added = self.signatures, len(self.signatures)
        new_signatures: list[np.ndarray] = []
        new_bands: list[np.ndarray] = []
        for published, _, article_id, values in new:
            row, bands = added + len(new_signatures), self._band_hashes(values[np.newaxis])[0]
            candidates: set[int] = set()
            for band, key in enumerate(bands.tolist()):
                low, high = keys[band].searchsorted(bands[band]), keys[band].searchsorted(bands[band], side="right")
                candidates.update(rows[band, low:high].tolist())
                candidates.update(buckets[band].get(key, ()))
                buckets[band].setdefault(key, []).append(row)
            oldest = _window_start(published, self.settings.window_days)
            hits = [other for other in candidates if self.published[other] >= oldest and np.count_nonzero(
                values == (signatures[other] if other < added else new_signatures[other - added])) / NUM_PERM
                    >= self.settings.threshold]
            earlier = [other for other in hits if self.published[other] <= published]
            if earlier:
                first = self.ids[min(earlier, key=lambda other: (self.published[other], other))]
                self._set_original(article_id, self.originals.get(first, first))
            if later := [other for other in hits if self.published[other] > published]:
                self._reroot(later, published, self.originals.get(article_id, article_id))
            self.ids.append(article_id)
            self.published.append(published)
            new_signatures.append(values)
            new_bands.append(bands)
        self.signatures = np.concatenate([signatures, np.array(new_signatures, dtype=HASH_TYPE).reshape(-1, NUM_PERM)])
        fresh = np.array(new_bands, dtype=np.uint64).reshape(-1, len(keys)).T
        self._bands = (self.signatures, *_merged(keys, rows, fresh, np.arange(added, len(self.signatures))))

    def _band_index(self) -> tuple[np.ndarray, np.ndarray]:
        """By band (a row each), the band hashes of the indexed signatures in rising order and the row of each:
        kept from the last `_add` while the signatures are the same, else made from them."""
        if self._bands and self._bands[0] is self.signatures:
            return self._bands[1], self._bands[2]
        hashes = self._band_hashes(self.signatures).T
        order = np.argsort(hashes, axis=1, kind="stable")
        return np.take_along_axis(hashes, order, axis=1), order

    def _reroot(self, later: list[int], published: str, root: str) -> None:
        """Copies published after the article that arrived last (a late delivery) are its copies, as a run over
        all the articles at once would find: their groups whose original is also later move under `root`."""
        groups = {self.originals.get(self.ids[row], self.ids[row]) for row in later}
        row_of = {article_id: row for row, article_id in enumerate(self.ids) if article_id in groups}
        groups = {group for group in groups if group in row_of and self.published[row_of[group]] > published}
        if not groups:
            return
        for copy in [copy for copy, original in self.originals.items() if original in groups]:
            self._set_original(copy, root)
        for group in groups:
            self._set_original(group, root)

    def _set_original(self, copy: str, original: str) -> None:
        self.originals[copy] = original
        self._touched.originals.add(copy)

    def _forget_original(self, article_id: str) -> None:
        if self.originals.pop(article_id, None) is not None:
            self._touched.originals.add(article_id)

    def _band_hashes(self, signatures: np.ndarray) -> np.ndarray:
        """Each signature's LSH bands, one 64-bit number per band (the band's values times fixed odd numbers,
        summed modulo 2**64): two signatures are candidates when one band agrees."""
        bands, rows = _bands(min(self.settings.candidate, self.settings.threshold))
        values = signatures[:, :bands * rows].astype(np.uint64).reshape(len(signatures), bands, rows)
        return (values * BAND_MULTIPLIERS[:rows]).sum(axis=2, dtype=np.uint64)

    def _keep(self, keep: np.ndarray) -> None:
        """Keep only the indexed articles where `keep` is true."""
        if keep.all():
            return
        self._first_changed = min(self._first_changed, int(np.argmin(keep)))
        self.ids = [i for i, k in zip(self.ids, keep.tolist(), strict=True) if k]
        self.published = [p for p, k in zip(self.published, keep.tolist(), strict=True) if k]
        self.signatures = self.signatures[keep]


UNDATED = "9999"


BAND_MULTIPLIERS = np.random.default_rng(1).integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)


def _merged(keys: np.ndarray, rows: np.ndarray, fresh: np.ndarray, fresh_rows: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Band by band, the sorted band hashes `keys` (the row of each in `rows`) with the `fresh` ones of the rows
    `fresh_rows` inserted in order, each after those equal to it already there (a stable sort of the two)."""
    merged_keys, merged_rows = [], []
    for band_keys, band_rows, new in zip(keys, rows, fresh, strict=True):
        order = np.argsort(new, kind="stable")
        at = band_keys.searchsorted(new[order], side="right")
        merged_keys.append(np.insert(band_keys, at, new[order]))
        merged_rows.append(np.insert(band_rows, at, fresh_rows[order]))
    return np.array(merged_keys).reshape(keys.shape[0], -1), np.array(merged_rows).reshape(keys.shape[0], -1)


@cache
def _bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) that `datasketch.MinHashLSH` chooses for `threshold`."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _window_start(published: str, window_days: int) -> str:
    """The earliest publication date within `window_days` before `published` ("" when there is no bound)."""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:  # undated
        return ""
    return (day - timedelta(days=window_days)).isoformat() if window_days else ""


def mark_duplicates(articles: Sequence[Article], settings: DuplicateSettings = DEFAULTS.duplicates,
                    fingerprints: Mapping[str, Sequence[Fingerprint]] | None = None) -> list[Article]:
    """The articles with `duplicate_of` set on each near-copy of an earlier one, in one pass (`DuplicateIndex`)."""
    return DuplicateIndex(settings).mark(articles, fingerprints)
