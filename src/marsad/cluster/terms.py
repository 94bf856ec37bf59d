"""Weighted term vectors for clustering: Arabic-normalised words, light proclitic stripping, TF-IDF, entities.

A word loses a proclitic (و ب ل ف ك، وال، لل) only when the bare word is at least as common in the corpus seen so
far (`وإسرائيل` -> `اسرائيل`, but `وزير` stays, as `زير` is rarer); the article ال then comes off, so
`الحكومة` and `حكومة` meet, and so does a nisba ending whose base is a word too (`الإيرانية` -> `ايران`).
Vectors are sparse dicts {term: weight} with unit length.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise, repeat
from operator import mul, neg, truediv
from typing import ClassVar, NamedTuple

import numpy as np

from marsad.cluster.touched import Touching
from marsad.resources import MODELS_DIR, column
from marsad.text.normalize import match_key, text_key
from marsad.text.tokens import proclitic_readings
from marsad.types import Mention

Vector = dict[str, float]

MIN_STEM = 3
FUNCTION_WORD = ""  # the term of a stopword: never a stem (a stem keeps MIN_STEM letters), dropped from vectors
NISBA = ("يين", "يون", "يه", "ي")
ENTITY_PREFIX = "@"
VECTOR_TERMS = 60  # an article's heaviest terms carry its topic; the long tail is noise and cost
RESIDUE = 1e-12  # what is left of a weight taken out of a sum: nothing
ENTITY_WEIGHT = 1.5  # an entity name counts a little more than a word: it names who or where
# Function words and reporting verbs in their matching form (ة -> ه, ى -> ي, أ -> ا), after clitic stripping.
STOPWORDS = frozenset(map(match_key, column(MODELS_DIR / "cluster" / "stopwords.tsv")))


def words(text: str) -> list[str]:
    """Matching-form words of `text` that contain a letter (bare numbers say little about the topic)."""
    return [w for w in text_key(text).split() if len(w) > 1 and not w.isdigit()]


def bare_word(word: str, counts: Mapping[str, int]) -> str:
    """The word's stem: proclitics off when the bare word is at least as common, its ال off, and a nisba
    ending (ي، ية، يون، يين) off when the rest is a word seen too (سودانية -> سودان)."""
    form, rests, readings = choices_of(word)
    if readings:
        floor = counts.get(form, 0)
        for reading in readings:
            if counts.get(reading[0], 0) >= floor:
                form, rests = reading
                break
    for rest in rests:
        if counts.get(rest):
            return rest
    return form


Reading = tuple[str, tuple[str, ...]]  # a form without ال, and the rests its nisba endings may leave, in order


class Choices(NamedTuple):
    """What `bare_word` may make of a word, whatever the counts: the word without ال, the rests its nisba endings
    leave, and its proclitic readings (longest first) as `Reading`s."""

    form: str
    rests: tuple[str, ...]
    readings: tuple[Reading, ...]


@lru_cache(maxsize=1 << 17)
def choices_of(word: str) -> Choices:
    """All `bare_word` asks of the word alone (the same in every count), worked out once per word."""
    bares = [bare for _cut, bare in proclitic_readings(word, min_stem=MIN_STEM)]
    return Choices(*_with_rests(without_article(word)), tuple(_with_rests(without_article(w)) for w in bares))


def _with_rests(form: str) -> Reading:
    return form, tuple(form[:-len(e)] for e in NISBA if form.endswith(e) and len(form) - len(e) >= MIN_STEM)


def without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) - 2 >= MIN_STEM else word


def entity_terms(mentions: Iterable[Mention]) -> list[str]:
    """One term per entity mention: its normalised name, marked so it never meets a plain word."""
    return [ENTITY_PREFIX + key for key in (match_key(m.text) for m in mentions) if key]


@dataclass
class Counted:
    """The words and terms whose counts changed (a store writes those: `store.growing`)."""

    words: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)


@dataclass
class TermModel(Touching):
    """Word counts and document frequencies seen so far: what makes a stem and an IDF. Grows, never refits."""

    word_counts: Counter[str] = field(default_factory=Counter)
    doc_freq: Counter[str] = field(default_factory=Counter)
    docs: int = 0
    TOUCHED: ClassVar[type] = Counted

    def add_documents(self, docs_words: Sequence[list[str]], docs_entities: Sequence[list[str]]) -> list[Vector]:
        """Count a batch, then vectorise it, so the batch's own frequencies shape its stems and IDF. Each
        distinct word is counted and stemmed once; the term frequencies are counted in one array."""
        occurrences = list(chain.from_iterable(docs_words))
        batch = Counter(occurrences)
        for word, n in batch.items():
            self.word_counts[without_article(word)] += n
        self.touched.words.update(map(without_article, batch))
        term_of = {word: self.term(word) for word in batch}
        vocab = sorted(set(term_of.values()).union(*docs_entities) - {FUNCTION_WORD})  # term ids in term order
        term_id = {term: i for i, term in enumerate(vocab)}
        word_term_id = {word: term_id.get(term, -1) for word, term in term_of.items()}
        term_ids = np.fromiter(chain(map(word_term_id.__getitem__, occurrences),
                                     map(term_id.__getitem__, chain.from_iterable(docs_entities))), dtype=np.int64)
        doc_ids = np.repeat(np.tile(np.arange(len(docs_words)), 2), [*map(len, docs_words), *map(len, docs_entities)])
        keep = term_ids >= 0
        pairs, tf = np.unique(doc_ids[keep] * len(vocab) + term_ids[keep], return_counts=True)
        docs, terms = np.divmod(pairs, max(len(vocab), 1))
        for term, df in zip(vocab, np.bincount(terms, minlength=len(vocab)).tolist(), strict=True):
            self.doc_freq[term] += df
        self.touched.terms.update(vocab)
        self.docs += len(docs_words)
        weights = sublinear(tf) * np.array([self.idf(term) for term in vocab])[terms]
        entity = np.array([term.startswith(ENTITY_PREFIX) for term in vocab], dtype=bool)[terms]
        weights[entity] *= ENTITY_WEIGHT
        return unit_vectors(docs, terms, weights, len(docs_words), vocab)

    def term(self, word: str) -> str:
        """The word's stem, or `FUNCTION_WORD` for a function word."""
        stem = bare_word(word, self.word_counts)
        return FUNCTION_WORD if stem in STOPWORDS else stem

    def idf(self, term: str) -> float:
        return math.log((1 + self.docs) / (1 + self.doc_freq[term])) + 1.0

    def share(self, term: str) -> float:
        """The share of documents that hold the term; an entity's is its rarest word's (`جازان` for `@جازان`)."""
        if term.startswith(ENTITY_PREFIX):
            stems = [self.term(word) for word in words(term[len(ENTITY_PREFIX):])]
            return min((self.share(stem) for stem in stems if stem), default=0.0)
        return self.doc_freq[term] / self.docs if self.docs else 0.0


def sublinear(tf: np.ndarray) -> np.ndarray:
    """1 + log(tf), with Python's log (as the stored vectors always had), once per distinct frequency."""
    values, index = np.unique(tf, return_inverse=True)
    return np.array([1.0 + math.log(n) for n in values.tolist()])[index]


def unit_vectors(docs: np.ndarray, terms: np.ndarray, weights: np.ndarray, n_docs: int,
                 vocab: Sequence[str]) -> list[Vector]:
    """Each document's `VECTOR_TERMS` heaviest terms (ties by term), scaled to unit length, as `normalized`
    would: the squares are summed in that order."""
    order = np.lexsort((terms, -weights, docs))
    docs, terms, weights = docs[order], terms[order], weights[order]
    starts = np.searchsorted(docs, np.arange(n_docs))
    rank = np.arange(len(docs)) - starts[docs]
    top = rank < VECTOR_TERMS
    docs, terms, weights, rank = docs[top], terms[top], weights[top], rank[top]
    squares = np.zeros((n_docs, VECTOR_TERMS))
    squares[docs, rank] = weights * weights
    weights /= np.sqrt(np.cumsum(squares, axis=1)[:, -1])[docs]
    names, values = [vocab[t] for t in terms.tolist()], weights.tolist()
    bounds = np.searchsorted(docs, np.arange(n_docs + 1)).tolist()
    return [dict(zip(names[a:b], values[a:b], strict=True)) for a, b in pairwise(bounds)]


def normalized(vec: Vector) -> Vector:
    weights = vec.values()
    norm = math.sqrt(sum(map(mul, weights, weights)))
    return dict(zip(vec, map(truediv, weights, repeat(norm)), strict=True)) if norm else vec


def dot(small: Vector, big: Vector) -> float:
    """Dot product, iterating over the smaller vector."""
    if len(small) > len(big):
        small, big = big, small
    return sum(map(mul, small.values(), map(big.get, small, repeat(0.0))))


@dataclass
class Centroid:
    """A running sum of unit vectors with its squared norm, for cosine against the mean direction."""

    total: Vector = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, vec: Vector, overlap: float) -> None:
        """Add a unit vector whose dot product with the running sum is `overlap`."""
        for term, w in vec.items():
            self.total[term] = self.total.get(term, 0.0) + w
        self.norm2 += 2.0 * overlap + 1.0

    def swap(self, old: Vector, new: Vector) -> None:
        """Put unit vector `new` in place of `old`, one of those added (a member made again)."""
        for term, w in old.items():
            left = self.total[term] - w
            if abs(left) > RESIDUE:
                self.total[term] = left
            else:
                del self.total[term]
        for term, w in new.items():
            self.total[term] = self.total.get(term, 0.0) + w
        self.norm2 = dot(self.total, self.total)

    def cosine(self, vec: Vector) -> tuple[float, float]:
        """(cosine with the mean direction, raw dot product with the running sum)."""
        raw = dot(vec, self.total)
        return (raw / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0), raw

    def unit(self) -> Vector:
        return normalized(self.total)


def top_terms(vec: Vector, k: int) -> list[str]:
    """The k heaviest terms (ties by term, so the choice is deterministic)."""
    return [t for _, t in heapq.nsmallest(k, zip(map(neg, vec.values()), vec, strict=True))]
