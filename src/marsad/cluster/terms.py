"""Weighted term vectors for clustering: Arabic-normalised words, light proclitic stripping, TF-IDF, entities.

A word loses a proclitic (و ب ل ف ك، وال، لل) only when the bare word is at least as common in the corpus seen so
far (`وإسرائيل` -> `اسرائيل`, but `وزير` stays, as `زير` is rarer); the article ال then comes off, so
`الحكومة` and `حكومة` meet, and so does a nisba ending whose base is a word too (`الإيرانية` -> `ايران`).
Vectors are sparse dicts {term: weight} with unit length.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.text.normalize import match_key
from marsad.text.tokens import proclitic_readings
from marsad.types import Mention

Vector = dict[str, float]

MIN_STEM = 3
NISBA = ("يين", "يون", "يه", "ي")
ENTITY_PREFIX = "@"
VECTOR_TERMS = 60  # an article's heaviest terms carry its topic; the long tail is noise and cost
ENTITY_WEIGHT = 1.5  # an entity name counts a little more than a word: it names who or where
# Function words and reporting verbs in their matching form (ة -> ه, ى -> ي, أ -> ا), after clitic stripping.
STOPWORDS = frozenset(match_key(w) for w in """
في من إلى على عن مع أن إن أو ثم قد لا ما لم لن كما بين حتى منذ خلال بعد قبل عند لدى حول ضد دون غير بل إلا
هذا هذه ذلك تلك هؤلاء هو هي هم هن نحن أنا التي الذي الذين اللذين اللتين كل بعض أي أيضا كان كانت يكون تكون
كانوا وكان وقد لقد إذ إذا فيما فيه فيها منه منها عليه عليها إليه إليها به بها له لها لهم عنه عنها أنه أنها
قال وقال قالت أضاف وأضاف أكد وأكد أوضح وأوضح أشار وأشار وفق وفقا حيث اليوم أمس الآن عام العام يوم سنة
""".split())


def words(text: str) -> list[str]:
    """Matching-form words of `text` that contain a letter (bare numbers say little about the topic)."""
    return [w for w in match_key(text).split() if len(w) > 1 and not w.isdigit()]


def bare_word(word: str, counts: Counter[str]) -> str:
    """The word's stem: proclitics off when the bare word is at least as common, its ال off, and a nisba
    ending (ي، ية، يون، يين) off when the rest is a word seen too (سودانية -> سودان)."""
    for _cut, bare in proclitic_readings(word, min_stem=MIN_STEM):
        if counts[without_article(bare)] >= counts[without_article(word)]:
            word = bare
            break
    word = without_article(word)
    for ending in NISBA:
        rest = word[:-len(ending)]
        if word.endswith(ending) and len(rest) >= MIN_STEM and counts[rest]:
            return rest
    return word


def without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) - 2 >= MIN_STEM else word


def entity_terms(mentions: Iterable[Mention]) -> list[str]:
    """One term per entity mention: its normalised name, marked so it never meets a plain word."""
    return [ENTITY_PREFIX + key for key in (match_key(m.text) for m in mentions) if key]


@dataclass
class TermModel:
    """Word counts and document frequencies seen so far: what makes a stem and an IDF. Grows, never refits."""

    word_counts: Counter[str] = field(default_factory=Counter)
    doc_freq: Counter[str] = field(default_factory=Counter)
    docs: int = 0
    _stems: dict[str, str] = field(default_factory=dict)

    def add_documents(self, docs_words: Sequence[list[str]], docs_entities: Sequence[list[str]]) -> list[Vector]:
        """Count a batch, then vectorise it, so the batch's own frequencies shape its stems and IDF."""
        for ws in docs_words:
            self.word_counts.update(map(without_article, ws))
        self._stems.clear()
        docs_terms = [self.terms(ws) for ws in docs_words]
        for terms, ents in zip(docs_terms, docs_entities, strict=True):
            self.doc_freq.update(set(terms) | set(ents))
        self.docs += len(docs_words)
        return [self.vector(terms, ents) for terms, ents in zip(docs_terms, docs_entities, strict=True)]

    def stem(self, word: str) -> str:
        cached = self._stems.get(word)
        if cached is None:
            cached = self._stems[word] = bare_word(word, self.word_counts)
        return cached

    def terms(self, ws: Iterable[str]) -> list[str]:
        """Stems of the words, function words left out."""
        return [t for t in map(self.stem, ws) if t not in STOPWORDS]

    def idf(self, term: str) -> float:
        return math.log((1 + self.docs) / (1 + self.doc_freq[term])) + 1.0

    def vector(self, terms: Sequence[str], ents: Sequence[str]) -> Vector:
        """Unit TF-IDF vector (sublinear term frequency) of one article's terms and entity names, its
        `VECTOR_TERMS` heaviest terms only."""
        vec: Vector = {}
        for term, tf in Counter(terms).items():
            vec[term] = (1.0 + math.log(tf)) * self.idf(term)
        for term, tf in Counter(ents).items():
            vec[term] = (1.0 + math.log(tf)) * self.idf(term) * ENTITY_WEIGHT
        return normalized({t: vec[t] for t in top_terms(vec, VECTOR_TERMS)})


def normalized(vec: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else vec


def dot(small: Vector, big: Vector) -> float:
    """Dot product, iterating over the smaller vector."""
    if len(small) > len(big):
        small, big = big, small
    get = big.get
    return sum(w * get(t, 0.0) for t, w in small.items())


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

    def cosine(self, vec: Vector) -> tuple[float, float]:
        """(cosine with the mean direction, raw dot product with the running sum)."""
        raw = dot(vec, self.total)
        return (raw / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0), raw

    def unit(self) -> Vector:
        return normalized(self.total)


def top_terms(vec: Vector, k: int) -> list[str]:
    """The k heaviest terms (ties by term, so the choice is deterministic)."""
    return [t for t, _ in sorted(vec.items(), key=lambda tw: (-tw[1], tw[0]))[:k]]
