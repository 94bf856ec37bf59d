"""Claims: sentences of different articles of one event that state the same proposition, aligned into one claim.

A reduce step over one event. Each article is split into sentences (headlines and sentences under five words are
left out); two sentences are compared by TF-IDF over their content words (proclitics and pronoun suffixes off,
stopwords out) and over character n-grams of those words (name variants, inflections), plus shared entities,
numbers and dates. A long sentence that joins propositions (at «، و»، «، كما»، «؛»…) is compared clause by
clause, so it can support two claims. Sentences and clauses are grouped agglomeratively (average link, above a
threshold), at most one per article per claim; a claim lists whole sentences. Two sentences that give different
values for the same counted noun (56 قتيلا / 83 قتيلا) are different propositions and never join: the difference
is a contradiction, found elsewhere. Every eligible sentence ends in a claim, so a claim with one outlet is a
unique claim. Events of more than `max_articles` articles are aligned over their most central articles only
(`settings.ClaimSettings`).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Generic, Protocol, TypeVar

import numpy as np
from scipy.sparse import csr_matrix

from marsad.compare.numbers import NumberMention, read_numbers, unit_class, unit_key
from marsad.resources import MODELS_DIR, column
from marsad.settings import DEFAULTS, ClaimSettings
from marsad.text.normalize import DIACRITICS, match_key, normalize
from marsad.text.sentences import split_sentences
from marsad.types import Article, Claim, Mention, Support, Timex

MIN_WORDS = 5
CLAUSE_WORDS = 6  # a clause shorter than this is no proposition of its own
# A larger event is aligned over its `max_articles` most central articles (closest to the event's mean TF-IDF
# vector): alignment is quadratic in sentences and cubic in merges, and a 200-article cluster of a whole news
# cycle gains little from every copy. The other articles' sentences support no claim.
WORD_WEIGHT, CHAR_WEIGHT, ENTITY_WEIGHT, VALUE_WEIGHT = 0.45, 0.35, 0.15, 0.10

STOPWORDS = frozenset(normalize(w) for w in column(MODELS_DIR / "compare" / "claim_stopwords.tsv"))
_WORD = re.compile(r"[^\W\d_]{2,}")
# The short vowels and marks some outlets write on letters (قُتل، أُصيب): part of a word as written, which `\w` is not
MARKS = "".join(sorted(DIACRITICS))
# Where a sentence may join two propositions: a comma or semicolon before و، كما، فيما، بينما، مما، حيث، كذلك.
_CLAUSE_OPENERS = "|".join(map(re.escape, column(MODELS_DIR / "compare" / "clause_openers.tsv")))
_CLAUSE_BREAK = re.compile(rf"(?:[،,]\s*(?=(?:{_CLAUSE_OPENERS})\S*)|[؛;]\s*)")
_PROCLITICS = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وك",
               "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "هم", "ها", "كم", "نا", "ه")
_NAME_FOLD = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "ا": None, "و": None, "ي": None, "ه": None})


@dataclass(frozen=True, slots=True)
class EventSentence:
    """A sentence of an event with what alignment compares: content stems, entity keys, quantities, dates."""

    article: Article
    start: int
    end: int
    stems: tuple[str, ...]
    entities: frozenset[str]
    numbers: tuple[NumberMention, ...]
    dates: frozenset[str]

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A light stem for matching: normalised, proclitics, pronoun suffixes and the feminine ending off."""
    word = normalize(word)
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word[-1:] in ("ه", "ت") and len(word) > 3:
        word = word[:-1]  # ة (written ه once normalised) and its ت before a suffix: زيارة ~ زيارته
    return word


@lru_cache(maxsize=8192)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of a text (stopwords and digits out)."""
    return tuple(chain.from_iterable(map(_token_stems, text.split())))  # no word crosses a space


@lru_cache(maxsize=1 << 16)  # pieces between spaces: the frequent ones
def _token_stems(token: str) -> tuple[str, ...]:
    """The content stems of the words of a token between spaces (a token repeats more often than a text)."""
    return tuple(chain.from_iterable(map(_content_stem, _WORD.findall(token))))


@lru_cache(maxsize=1 << 18)
def _content_stem(word: str) -> tuple[str, ...]:
    """The stem of a word as written, none for a stopword."""
    word = normalize(word)
    stemmed = stem(word)
    return () if word in STOPWORDS or stemmed in STOPWORDS else (stemmed,)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A spelling-tolerant key for a name: article off, g-sounds folded, long vowels dropped (غانتس ~ جانتس)."""
    key = match_key(name)
    key = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in key.split())
    return key.translate(_NAME_FOLD)


def is_headline(text: str, start: int, end: int) -> bool:
    """A whole line without final punctuation before the body's first full sentence (title, subtitle)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = line_end if line_end >= 0 else len(text)
    whole_line = not text[line_start:start].strip() and not text[end:line_end].strip()
    if not whole_line or text[end - 1] in ".!؟?\"»”":
        return False
    earlier = text[:line_start]
    return not any(ch in ".!؟?" for ch in earlier)


def event_sentences(articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]] | None = None,
                    timexes: Mapping[str, Sequence[Timex]] | None = None) -> list[EventSentence]:
    """The claim-bearing sentences of an event's articles: not headlines, at least MIN_WORDS words."""
    found: list[EventSentence] = []
    for article in articles:
        spans = _spans_of(article.id, mentions, timexes)
        found += [_unit(article, start, end, *spans) for start, end in _claim_spans(article.text)]
    return found


def numbered_sentences(articles: Sequence[Article], wanted: Container[tuple[str, int]]) -> list[EventSentence]:
    """The claim-bearing sentences of the articles that are `wanted` (article id, start), with their numbers only:
    what reading the quantities they state needs (no stems, names or dates)."""
    return [EventSentence(article, start, end, (), frozenset(), _quantities(article.text[start:end]), frozenset())
            for article in articles for start, end in _claim_spans(article.text) if (article.id, start) in wanted]


def _spans_of(article_id: str, mentions: Mapping[str, Sequence[Mention]] | None,
              timexes: Mapping[str, Sequence[Timex]] | None) -> tuple[ByStart[Mention], ByStart[Timex]]:
    """An article's mentions and timexes, each found by where they start."""
    return ByStart((mentions or {}).get(article_id, ())), ByStart((timexes or {}).get(article_id, ()))


class _HasStart(Protocol):
    """Anything with a start offset in its article: a mention, a timex."""

    @property
    def start(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_HasStart)


class ByStart(Generic[_Spanned]):
    """The mentions or timexes of one article, found by where they start (two bisections, not a scan)."""

    def __init__(self, items: Sequence[_Spanned]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda k: items[k].start)
        self.starts = [items[k].start for k in self.order]

    def within(self, start: int, end: int) -> list[_Spanned]:
        """The items starting in [start, end), in their given order."""
        inside = self.order[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return [self.items[k] for k in sorted(inside)]


@lru_cache(maxsize=1024)
def _claim_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences of a text that can bear a claim (kept: claims and contradictions read them)."""
    return tuple((s.start, s.end) for s in split_sentences(text)
                 if len(text[s.start:s.end].split()) >= MIN_WORDS and not is_headline(text, s.start, s.end))


def _unit(article: Article, start: int, end: int, spans_m: ByStart[Mention], spans_t: ByStart[Timex],
          numbers: Sequence[NumberMention] | None = None) -> EventSentence:
    """A span of an article as aligned; `numbers` (offsets into the span) when already read."""
    text = article.text[start:end]
    return EventSentence(
        article, start, end, content_stems(text),
        frozenset(name_key(m.text) for m in spans_m.within(start, end)),
        _quantities(text) if numbers is None else tuple(numbers),
        frozenset(t.value for t in spans_t.within(start, end) if t.kind in ("date", "interval")),
    )


@lru_cache(maxsize=8192)
def _quantities(text: str) -> tuple[NumberMention, ...]:
    """The numbers of a sentence, years left out."""
    return tuple(n for n in read_numbers(text) if not _is_year(n))


def sentence_clauses(sentence: EventSentence, mentions: ByStart[Mention],
                     timexes: ByStart[Timex]) -> list[EventSentence]:
    """The clauses of a long sentence that could each stand alone (at «، و»، «، كما»، «؛»…), or [] if it has one.

    A clause keeps the offsets of its span in the article; each has at least CLAUSE_WORDS words.
    """
    text = sentence.text
    if len(text.split()) < 2 * CLAUSE_WORDS:
        return []
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if pieces and len(text[pieces[-1][0]:a].split()) < CLAUSE_WORDS:
            pieces[-1] = (pieces[-1][0], b)  # too short to stand alone: joins the clause before
        else:
            pieces.append((a, b))
    if len(pieces) > 1 and len(text[pieces[-1][0]:pieces[-1][1]].split()) < CLAUSE_WORDS:
        pieces[-2:] = [(pieces[-2][0], pieces[-1][1])]
    if len(pieces) < 2:
        return []
    out = []
    for a, b in pieces:
        a += len(text[a:b]) - len(text[a:b].lstrip(" ،,؛;-–—"))
        numbers = [n._replace(start=n.start - a, end=n.end - a) for n in sentence.numbers if a <= n.start < b]
        out.append(_unit(sentence.article, sentence.start + a, sentence.start + b, mentions, timexes, numbers))
    return out


def _is_year(number: NumberMention) -> bool:
    return number.unit is None and 1900 <= number.value <= 2100 and number.value.is_integer()


def similarity_matrix(sentences: Sequence[EventSentence]) -> np.ndarray:
    """Pairwise similarity of the event's sentences: word and character TF-IDF, entities, numbers and dates."""
    return cross_similarity(sentences, sentences, sentences)


def cross_similarity(rows: Sequence[EventSentence], cols: Sequence[EventSentence],
                     fit_on: Sequence[EventSentence]) -> np.ndarray:
    """Similarity of each of `rows` to each of `cols`, with term weights learnt from `fit_on` (the event)."""
    def docs(units: Sequence[EventSentence]) -> list[str]:
        return [" ".join(u.stems) for u in units]

    fit_docs, row_docs = docs(fit_on), docs(rows)
    col_docs = row_docs if cols is rows else docs(cols)
    words = _cosine(WORDS, fit_docs, row_docs, col_docs)
    chars = _cosine(CHARS, fit_docs, row_docs, col_docs)
    sim = WORD_WEIGHT * words + CHAR_WEIGHT * chars
    sim += ENTITY_WEIGHT * _jaccard([u.entities for u in rows], [u.entities for u in cols])
    sim += VALUE_WEIGHT * _jaccard([_values(u) for u in rows], [_values(u) for u in cols])
    return sim


def _unigrams_and_bigrams(doc: str) -> list[str]:
    """Stems and pairs of neighbouring stems: a shared pair (مبيعات الأسلحة) is strong evidence of one proposition."""
    stems = doc.split()
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def _words_of(doc: str) -> list[str]:
    return doc.lower().split()


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    """Character 3- and 4-grams inside a word, padded with a space at both ends (scikit-learn's `char_wb`)."""
    padded = f" {word} "
    if len(padded) <= 3:
        return (padded,)  # shorter than the smallest n-gram: counted once
    return tuple(padded[i:i + n] for n in (3, 4) for i in range(max(1, len(padded) - n + 1)))


Analyzer = tuple[Callable[[str], list[str]], Callable[[str], tuple[str, ...]] | None]
"""How a text is read into terms: its pieces, in order, and the terms of a piece (read once per distinct piece),
or None when the pieces are the terms."""
WORDS: Analyzer = (_unigrams_and_bigrams, None)
CHARS: Analyzer = (_words_of, _word_grams)  # an event repeats its words in many sentences
SPLIT: Analyzer = (str.split, None)


def _cosine(analyzer: Analyzer, fit_on: list[str], rows: list[str], cols: list[str]) -> np.ndarray:
    """Cosine of the TF-IDF vectors of `rows` and `cols` (sublinear tf, smoothed idf learnt from `fit_on`, terms
    of `fit_on` only: scikit-learn's TfidfVectorizer), each distinct text analysed once."""
    a, *b = _tfidf(analyzer, fit_on, [rows] if cols is rows else [rows, cols])
    return (a @ (b[0] if b else a).T).toarray()


def _tfidf(analyzer: Analyzer, fit_on: list[str], groups: list[list[str]]) -> list[csr_matrix]:
    """L2-normalised TF-IDF rows of each group of texts (sublinear tf, smoothed idf learnt from `fit_on`, terms of
    `fit_on` only: scikit-learn's TfidfVectorizer)."""
    counts = _TermCounts(analyzer, [*fit_on, *chain.from_iterable(groups)], len(fit_on))
    idf = np.log((1 + len(fit_on)) / (1 + counts.document_frequency(fit_on))) + 1.0
    return [counts.tfidf(group, idf) for group in groups]


class _TermCounts:
    """The terms of some texts counted in numpy: one (text, term, count) row per term of each distinct text, in
    the order each text first uses its terms; terms are numbered in order of first use, so the terms of the texts
    fitted on (the first ones) come first."""

    def __init__(self, analyzer: Analyzer, texts: list[str], fitted: int) -> None:
        self.text_ids = _numbered(texts)
        stream, sizes, n_terms = _term_stream(analyzer, [analyzer[0](text) for text in self.text_ids])
        fit_length = int(sizes[:len(_numbered(texts[:fitted]))].sum())
        self.fit_terms = int(stream[:fit_length].max()) + 1 if fit_length else 0
        span = max(n_terms, 1)
        keys = np.repeat(np.arange(len(sizes)), sizes) * span + stream
        unique, first, count = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first)
        self.text, self.term = np.divmod(unique[order], span)
        self.count = count[order]

    def document_frequency(self, fit_on: list[str]) -> np.ndarray:
        """How many of `fit_on` (repeats included) use each fitted term."""
        repeats = np.zeros(len(self.text_ids))
        for text in fit_on:
            repeats[self.text_ids[text]] += 1
        return np.bincount(self.term, weights=repeats[self.text], minlength=self.fit_terms)[:self.fit_terms]

    def tfidf(self, docs: list[str], idf: np.ndarray) -> csr_matrix:
        """L2-normalised TF-IDF rows of `docs` (1 + log tf) over the fitted terms, each row's terms in their order
        of use: the order of the sums, so similarities are the same to the last bit whatever the term numbers."""
        fitted = self.term < self.fit_terms
        text, term, count = self.text[fitted], self.term[fitted], self.count[fitted]
        starts = np.searchsorted(text, np.arange(len(self.text_ids) + 1))
        which = np.fromiter(map(self.text_ids.__getitem__, docs), np.int64, len(docs))
        sizes = starts[which + 1] - starts[which]
        picked = _ranges(starts[which], sizes)
        indices = term[picked]
        log_tf = np.array([1.0 + math.log(n) for n in range(1, int(count.max(initial=0)) + 1)])
        values = log_tf[count[picked] - 1] * idf[indices]
        row_of = np.repeat(np.arange(len(docs)), sizes)
        norms = np.sqrt(np.bincount(row_of, weights=values ** 2, minlength=len(docs)))
        values /= np.where(norms > 0, norms, 1.0)[row_of]
        indptr = np.concatenate(([0], np.cumsum(sizes)))
        return csr_matrix((values, indices, indptr), shape=(len(docs), self.fit_terms))


def _term_stream(analyzer: Analyzer, streams: list[list[str]]) -> tuple[np.ndarray, np.ndarray, int]:
    """The term ids of the pieces of each text, end to end (terms numbered in order of first use), the number of
    terms of each text, and the number of distinct terms."""
    pieces = _numbered(chain.from_iterable(streams))
    piece_stream, piece_counts = _flat_ids(pieces, streams)
    if analyzer[1] is None:
        return piece_stream, piece_counts, len(pieces)
    expansions = [analyzer[1](piece) for piece in pieces]
    terms = _numbered(chain.from_iterable(expansions))
    piece_terms, piece_sizes = _flat_ids(terms, expansions)
    sizes = piece_sizes[piece_stream]
    stream = piece_terms[_ranges((np.cumsum(piece_sizes) - piece_sizes)[piece_stream], sizes)]
    text_of_piece = np.repeat(np.arange(len(streams)), piece_counts)
    return stream, np.bincount(text_of_piece, weights=sizes, minlength=len(streams)).astype(np.int64), len(terms)


def _numbered(items: Iterable[str]) -> dict[str, int]:
    """Distinct items numbered in order of first appearance."""
    distinct = dict.fromkeys(items)
    return dict(zip(distinct, range(len(distinct)), strict=True))


def _flat_ids(ids: Mapping[str, int], groups: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """The ids of the items of all groups, end to end, and the size of each group."""
    sizes = np.fromiter(map(len, groups), np.int64, len(groups))
    return np.fromiter(map(ids.__getitem__, chain.from_iterable(groups)), np.int64, int(sizes.sum())), sizes


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """start, start + 1, … start + size - 1 for each start and size, end to end."""
    ends = np.cumsum(sizes)
    return np.repeat(starts - (ends - sizes), sizes) + np.arange(int(sizes.sum()))


def _values(sentence: EventSentence) -> frozenset[str]:
    """Numbers with their nouns and dates, as comparable strings."""
    numbers = {f"{unit_key(n.unit)}={n.value:g}" for n in sentence.numbers if n.unit}
    return frozenset(numbers | sentence.dates)


def _jaccard(rows: list[frozenset[str]], cols: list[frozenset[str]]) -> np.ndarray:
    """|a & b| / |a | b| for every row and column set; 0 where either is empty."""
    vocabulary = {item: k for k, item in enumerate({item for group in (rows, cols) for s in group for item in s})}
    shared = (_incidence(rows, vocabulary) @ _incidence(cols, vocabulary).T).toarray()
    union = np.add.outer(_sizes(rows), _sizes(cols)) - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _incidence(sets: list[frozenset[str]], vocabulary: dict[str, int]) -> csr_matrix:
    """A sparse 0/1 matrix: one row per set, one column per item."""
    indices = [vocabulary[item] for items in sets for item in items]
    indptr = np.concatenate(([0], np.cumsum(_sizes(sets), dtype=np.int64)))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(sets), len(vocabulary)))


def _sizes(sets: list[frozenset[str]]) -> np.ndarray:
    return np.fromiter(map(len, sets), float, len(sets))


def _exact_by_unit(sentence: EventSentence) -> dict[str, set[float]]:
    out: dict[str, set[float]] = {}
    for n in sentence.numbers:
        key = unit_class(n.unit)
        if key and not n.approximate:
            out.setdefault(key, set()).add(n.value)
    return out


def _exact_values(sentences: Sequence[EventSentence]) -> dict[str, tuple[list[int], list[frozenset[float]]]]:
    """For each counted noun (or people): the sentences giving it exact values, and those values."""
    out: dict[str, tuple[list[int], list[frozenset[float]]]] = {}
    for k, sentence in enumerate(sentences):
        for unit, values in _exact_by_unit(sentence).items():
            members, sets = out.setdefault(unit, ([], []))
            members.append(k)
            sets.append(frozenset(values))
    return out


def group_sentences(sentences: Sequence[EventSentence], sim: np.ndarray,
                    threshold: float = DEFAULTS.claims.threshold) -> list[list[int]]:
    """Average-link agglomeration: merge the most similar pair of groups while no article repeats in a group.

    The link of two groups is the mean similarity of their members; each merge updates it from the sums of
    similarities between groups (Lance-Williams), so a merge costs one row, not the pairs of every group.
    """
    if not sentences:
        return []
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    clash = _clashes(sentences)
    totals = np.array(sim, dtype=float)  # sum of the similarities between the members of two groups
    sizes = np.ones(len(sentences))
    link = np.where(clash, -1.0, totals)
    maxima = _RowMaxima(link)
    while True:
        i, j = maxima.best()
        if link[i, j] < threshold:
            break
        groups[i] = groups[i] + groups.pop(j)
        _merge(i, j, totals, sizes, clash, link)
        maxima.changed(i, j)
    return sorted(groups.values(), key=min)


class _RowMaxima:
    """The largest value of each row of a matrix and its first column, kept up to date when two rows and the
    same two columns change (a merge), so the largest pair is found in one column, not the whole matrix."""

    def __init__(self, matrix: np.ndarray) -> None:
        self.matrix = matrix
        self.column = matrix.argmax(axis=1)
        self.value = matrix[np.arange(len(matrix)), self.column]

    def best(self) -> tuple[int, int]:
        """The first pair, in row-major order, of the largest value (np.argmax of the whole matrix)."""
        row = int(np.argmax(self.value))
        return row, int(self.column[row])

    def changed(self, i: int, j: int) -> None:
        """Rows and columns i and j changed: rows whose maximum was there are read again, others compare column i
        (column j only went down)."""
        stale = (self.column == i) | (self.column == j)
        stale[[i, j]] = True
        rows = np.flatnonzero(stale)
        self.column[rows] = self.matrix[rows].argmax(axis=1)
        self.value[rows] = self.matrix[rows, self.column[rows]]
        new = self.matrix[:, i]
        better = ~stale & ((new > self.value) | ((new == self.value) & (i < self.column)))
        self.column[better] = i
        self.value[better] = new[better]


def _clashes(sentences: Sequence[EventSentence]) -> np.ndarray:
    """Pairs that may never share a group: the same article, or different values for a noun both count."""
    ids = np.unique([s.article.id for s in sentences], return_inverse=True)[1]  # numbers: faster to compare
    clash = ids[:, None] == ids[None, :]
    for members, values in _exact_values(sentences).values():
        clash[np.ix_(members, members)] |= ~_overlaps(values)
    return clash


def _overlaps(sets: list[frozenset[float]]) -> np.ndarray:
    """Whether each two of some small sets have an item in common."""
    columns = {item: k for k, item in enumerate(set().union(*sets))}
    incidence = np.zeros((len(sets), len(columns)))
    for row, items in enumerate(sets):
        incidence[row, [columns[item] for item in items]] = 1.0
    return incidence @ incidence.T > 0


def _merge(i: int, j: int, totals: np.ndarray, sizes: np.ndarray, clash: np.ndarray, link: np.ndarray) -> None:
    """Group j joins group i: sums, sizes and clashes add up; j is gone (it clashes with everything)."""
    totals[i] += totals[j]
    totals[:, i] = totals[i]
    sizes[i] += sizes[j]
    clash[i] |= clash[j]
    clash[j] = True
    clash[:, i] = clash[i]
    clash[:, j] = True
    link[j, :] = link[:, j] = -1.0
    link[i, :] = link[:, i] = np.where(clash[i], -1.0, totals[i] / (sizes[i] * sizes))


def align_claims(event_id: str, articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]] | None = None,
                 timexes: Mapping[str, Sequence[Timex]] | None = None, first_id: int = 1,
                 settings: ClaimSettings = DEFAULTS.claims) -> list[Claim]:
    """The event's claims, numbered c{first_id}, c{first_id+1}…; every eligible sentence supports a claim.

    Alignment runs over units: a sentence, or each clause of a long sentence that joins propositions
    (`sentence_clauses`), so a sentence stating two things can support two claims; a claim lists the whole
    sentences of its units. Groups with exactly the same supporting sentences are one claim.
    """
    central = central_articles(articles, settings.max_articles)
    spans = [(article, start, end) for article in central for start, end in _claim_spans(article.text)]
    if len({article.id for article, _, _ in spans}) <= 1:  # one article speaks: each sentence is its own claim
        texts = [article.text[start:end] for article, start, end in spans]  # one string for a claim and its
        # support, kept (and pickled) once with the event's comparison
        return [Claim(f"c{first_id + n}", event_id, text, (Support(article.id, text, start, end),), unique=True)
                for n, ((article, start, end), text) in enumerate(zip(spans, texts, strict=True))]
    sentences = event_sentences(central, mentions, timexes)
    units, owner = [], []
    marks = {a.id: _spans_of(a.id, mentions, timexes) for a in central}
    for i, sentence in enumerate(sentences):
        parts = sentence_clauses(sentence, *marks[sentence.article.id]) or [sentence]
        units += parts
        owner += [i] * len(parts)
    sim = cross_similarity(units, units, sentences)
    merged: dict[tuple[int, ...], list[int]] = {}
    for group in group_sentences(units, sim, settings.threshold):
        merged.setdefault(tuple(sorted({owner[k] for k in group})), []).extend(group)
    groups = sorted(merged.items(), key=lambda item: (-len(item[0]), min(item[1])))
    roots = _outlet_of(articles)
    claims = []
    for n, (supporting, group) in enumerate(groups):
        members = [sentences[k] for k in supporting]
        representative = supporting.index(owner[sorted(group)[_medoid(group, sim)]])
        claims.append(_claim(f"c{first_id + n}", event_id, members, representative, roots))
    return claims


def central_articles(articles: Sequence[Article], limit: int = DEFAULTS.claims.max_articles) -> Sequence[Article]:
    """All the articles, or the `limit` closest to the event's mean TF-IDF vector (content stems), in event order."""
    if len(articles) <= limit:
        return articles
    return [articles[k] for k in _most_central(tuple(articles), limit)]


@lru_cache(maxsize=4)  # the pipeline asks for an event's core twice: to align it and to summarise it
def _most_central(articles: tuple[Article, ...], limit: int) -> tuple[int, ...]:
    """The positions of the `limit` articles closest to the mean TF-IDF vector, in order."""
    docs = [" ".join(content_stems(a.text)) for a in articles]
    vectors = _tfidf(SPLIT, docs, [docs])[0]
    closeness = np.asarray(vectors @ np.asarray(vectors.mean(axis=0)).ravel()).ravel()
    return tuple(sorted(np.argsort(-closeness, kind="stable")[:limit].tolist()))


def _medoid(group: list[int], sim: np.ndarray) -> int:
    """The position in `sorted(group)` of the member closest on average to the others: the claim's text."""
    members = sorted(group)
    block = sim[np.ix_(members, members)]
    closeness = np.round(block.sum(axis=1) - np.diag(block), 9)  # rounded: a tie goes to the first member
    return int(np.argmax(closeness))


def _outlet_of(articles: Sequence[Article]) -> dict[str, str]:
    """Each article's outlet; a syndicated copy counts as the outlet of the article it copies."""
    by_id = {a.id: a for a in articles}

    def root(article: Article) -> Article:
        seen = {article.id}
        while article.duplicate_of in by_id and article.duplicate_of not in seen:
            article = by_id[article.duplicate_of]  # type: ignore[index]
            seen.add(article.id)
        return article

    return {a.id: root(a).source or root(a).id for a in articles}


def _claim(claim_id: str, event_id: str, members: list[EventSentence], representative: int,
           outlets: Mapping[str, str]) -> Claim:
    support = tuple(Support(s.article.id, s.text, s.start, s.end) for s in members)
    return Claim(claim_id, event_id, members[representative].text, support,
                 unique=len({outlets[s.article.id] for s in members}) == 1)


def coverage(claims: Sequence[Claim], articles: Sequence[Article]) -> dict[str, object]:
    """Claims × outlets: which outlets state each claim (True) and which stay silent (False)."""
    outlets_of = {a.id: a.source or a.id for a in articles}
    outlets = sorted(set(outlets_of.values()))
    rows = []
    for claim in claims:
        stated = {outlets_of.get(s.article, s.article) for s in claim.support}
        rows.append({"claim": claim.id, "text": claim.text, "unique": claim.unique,
                     "stated": [o in stated for o in outlets]})
    return {"outlets": outlets, "claims": rows}
