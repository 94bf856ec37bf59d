"""Extractive, cited event summaries: sentences copied exactly from the articles, each naming its outlets.

A sentence ranks by corroboration (how many other outlets state the same: from the claims' support lists when
given, else TF-IDF cosine between sentences), centrality (cosine with the event's centroid, each outlet counted
once), position (news leads carry the key facts) and shared vocabulary: the mean, over its content words, of the
share of the other outlets whose article uses the word. Shared vocabulary is what many outlets report, so it is
the strongest of the signals when an event has several; it is also how novelty is kept: once a sentence is
chosen its words count for less (SumBasic), so the next pick says something else. Two sentences that back the
same corroborated claim, or whose TF-IDF cosine is high, are never both taken. Selection stops at a word budget,
the length of a short news summary.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from marsad.cluster.terms import STOPWORDS, bare_word, without_article, words
from marsad.summarize.candidates import Candidate, candidates
from marsad.text.normalize import match_key
from marsad.types import Article, Event, Story, Summary, SummarySentence

WEIGHTS = {"shared": 0.6, "position": 0.2, "corroboration": 0.1, "centrality": 0.1}
SUPPORT_SIMILARITY = 0.35  # another outlet's sentence this close states the same thing
DUPLICATE_SIMILARITY = 0.3  # two chosen sentences this close say the same: the second is never taken
USED_WORD_WEIGHT = 0.3  # a chosen sentence's words keep this share of their weight for the next picks
POSITION_DECAY = 4.0  # body sentences after which the lead bonus has fallen to 1/e
TARGET_WORDS = 110  # the word budget: reference news summaries run 95-145 words
MIN_SENTENCES, MAX_SENTENCES = 3, 6

Matrix = Any  # a numpy array; kept loose so callers need not import numpy types


class ClaimLike(Protocol):
    """What a summary needs from a claim: its support, a list of {article, sentence} (dicts or objects)."""

    @property
    def text(self) -> str: ...

    @property
    def support(self) -> Sequence[Any]: ...


def summarize_event(event_id: str, articles: Sequence[Article], claims: Sequence[ClaimLike] | None = None,
                    max_sentences: int = 5) -> Summary:
    """A summary of 3–6 sentences of one event, each cited to its article and the others that state it."""
    limit = min(max(max_sentences, MIN_SENTENCES), MAX_SENTENCES)
    pool = [c for i, article in enumerate(articles) if not is_copy(article, articles) for c in candidates(i, article)]
    if not pool:
        return Summary(event_id, ())
    vectors = sentence_vectors([c.text for c in pool])
    sims = vectors @ vectors.T
    voices = [article.duplicate_of or article.id for article in articles]
    closeness = closeness_to_articles(pool, sims, voices, len(articles))
    backing = claims_of(pool, claims or (), articles)
    supporters = supporting_articles(pool, closeness, backing, voices)
    scores = importance(pool, vectors, corroboration(supporters, closeness, voices))
    content, shares = shared_vocabulary(pool, articles, voices)
    same_claim = [{n for n, backers in found if len(backers) > 1} for found in backing]
    chosen = select(pool, scores, Vocabulary(content, shares), redundant(sims, same_claim), limit)
    return Summary(event_id, tuple(
        SummarySentence(pool[i].text, articles[pool[i].article].id,
                        tuple(articles[j].id for j in sorted(supporters[i])))
        for i in reading_order(chosen, pool)))


def is_copy(article: Article, articles: Sequence[Article]) -> bool:
    """A near-duplicate of another article of the event: it corroborates nothing new and is not quoted."""
    return article.duplicate_of is not None and any(a.id == article.duplicate_of for a in articles)


def content_stems(texts: Sequence[str]) -> list[list[str]]:
    """Each text's content words as stems; a word loses a clitic when the bare form is as common in `texts`."""
    docs = [words(t) for t in texts]
    counts = Counter(without_article(w) for ws in docs for w in ws)
    stem_of = {w: bare_word(w, counts) for w in {w for ws in docs for w in ws}}  # once per distinct word
    return [[s for s in map(stem_of.__getitem__, ws) if s not in STOPWORDS] for ws in docs]


def sentence_vectors(texts: Sequence[str]) -> Matrix:
    """Unit TF-IDF rows (sublinear tf) over stems of normalised content words, IDF over these sentences."""
    stems = content_stems(texts)
    vocab = {term: k for k, term in enumerate(sorted({s for ss in stems for s in ss}))}
    matrix = np.zeros((len(texts), max(len(vocab), 1)))
    for row, ss in enumerate(stems):
        for term, tf in Counter(ss).items():
            matrix[row, vocab[term]] = 1.0 + math.log(tf)
    matrix *= np.log((1 + len(texts)) / (1 + (matrix > 0).sum(axis=0))) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def claims_of(pool: Sequence[Candidate], claims: Sequence[ClaimLike],
              articles: Sequence[Article]) -> list[list[tuple[int, set[int]]]]:
    """For each sentence, the claims it states, as (claim number, indices of every article supporting it): a
    claim's supporting sentence and a candidate of the same article match when one contains the other (a dateline
    may be cut)."""
    index = {article.id: i for i, article in enumerate(articles)}
    by_article: dict[int, list[tuple[int, str]]] = {}
    for i, candidate in enumerate(pool):
        by_article.setdefault(candidate.article, []).append((i, match_key(candidate.text)))
    found: list[list[tuple[int, set[int]]]] = [[] for _ in pool]
    for number, claim in enumerate(claims):
        items = [(index.get(field_of(s, "article")), match_key(field_of(s, "sentence"))) for s in claim.support]
        backers = {a for a, _ in items if a is not None}
        stating = {i for a, sent in items if a is not None and sent
                   for i, key in by_article.get(a, ()) if sent in key or key in sent}
        for i in sorted(stating):
            found[i].append((number, backers))
    return found


def field_of(item: Any, name: str) -> str:
    """A field of a support entry, whether it is a mapping or an object."""
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return str(value or "")


def closeness_to_articles(pool: Sequence[Candidate], sims: Matrix, voices: Sequence[str], articles: int) -> Matrix:
    """For each sentence and article, its best cosine with a sentence of that article (0 for its own voice)."""
    closeness = np.zeros((len(pool), articles))
    for a in range(articles):
        rows = [j for j, c in enumerate(pool) if c.article == a]
        if rows:
            closeness[:, a] = sims[:, rows].max(axis=1)
    own = np.array([[voices[c.article] == voices[a] for a in range(articles)] for c in pool])
    return np.where(own, 0.0, closeness)


def supporting_articles(pool: Sequence[Candidate], closeness: Matrix, backing: Sequence[list[tuple[int, set[int]]]],
                        voices: Sequence[str]) -> list[set[int]]:
    """For each sentence, the other articles that state it: claim support, or a close sentence of theirs."""
    result: list[set[int]] = []
    for i, cand in enumerate(pool):
        from_claims = set().union(*(backers for _, backers in backing[i]))
        close = set(np.flatnonzero(closeness[i] >= SUPPORT_SIMILARITY).tolist())
        result.append({a for a in close | from_claims if voices[a] != voices[cand.article]})
    return result


def corroboration(supporters: Sequence[set[int]], closeness: Matrix, voices: Sequence[str]) -> Matrix:
    """Other voices that state the sentence, plus its best closeness to each other voice (paraphrases count
    a little even below the support threshold), scaled to [0, 1]."""
    by_voice = [[a for a, v in enumerate(voices) if v == voice] for voice in sorted(set(voices))]
    soft = sum((closeness[:, members].max(axis=1) for members in by_voice), np.zeros(len(supporters)))
    hard = np.array([len({voices[a] for a in s}) for s in supporters], dtype=float)
    return scaled(hard + soft)


def importance(pool: Sequence[Candidate], vectors: Matrix, corroborated: Matrix) -> Matrix:
    """The fixed part of a sentence's worth: weighted corroboration, centrality and position, each in [0, 1]."""
    centrality = scaled(vectors @ event_centroid(pool, vectors))
    position = np.array([math.exp(-c.position / POSITION_DECAY) for c in pool])
    return (WEIGHTS["corroboration"] * corroborated + WEIGHTS["centrality"] * centrality
            + WEIGHTS["position"] * position)


def shared_vocabulary(pool: Sequence[Candidate], articles: Sequence[Article],
                      voices: Sequence[str]) -> tuple[list[list[str]], dict[str, float]]:
    """Each sentence's content stems, and each stem's share of the other voices quoted in the pool whose whole
    article uses it (0 when one voice speaks alone, so a single-outlet event ranks by the other signals)."""
    quoted = sorted({c.article for c in pool})
    if len({voices[a] for a in quoted}) < 2:
        return [[] for _ in pool], {}  # every share would be 0
    stems = content_stems([c.text for c in pool] + [articles[a].text for a in quoted])
    users: dict[str, set[str]] = {}
    for a, article_stems in zip(quoted, stems[len(pool):], strict=True):
        for stem in article_stems:
            users.setdefault(stem, set()).add(voices[a])
    others = max(len({voices[a] for a in quoted}) - 1, 1)
    return stems[:len(pool)], {stem: (len(v) - 1) / others for stem, v in users.items()}


def scaled(values: Matrix) -> Matrix:
    """Values divided by their maximum (all zeros stay zeros)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values


def event_centroid(pool: Sequence[Candidate], vectors: Matrix) -> Matrix:
    """The unit mean of the articles' unit vectors: every outlet weighs the same, however long."""
    total = np.zeros(vectors.shape[1])
    for article in sorted({c.article for c in pool}):
        summed = vectors[[i for i, c in enumerate(pool) if c.article == article]].sum(axis=0)
        total += unit(summed)
    return unit(total)


def unit(vector: Matrix) -> Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@dataclass
class Vocabulary:
    """The sentences' content stems and each stem's current weight, which falls once a chosen sentence uses it."""

    stems: list[list[str]]
    weights: dict[str, float]

    def value(self, i: int) -> float:
        """The mean weight of sentence i's stems."""
        stems = self.stems[i]
        return sum(self.weights.get(s, 0.0) for s in stems) / len(stems) if stems else 0.0

    def use(self, i: int) -> None:
        for stem in set(self.stems[i]):
            self.weights[stem] = self.weights.get(stem, 0.0) * USED_WORD_WEIGHT


def redundant(sims: Matrix, same_claim: Sequence[set[int]]) -> Matrix:
    """Pairs of sentences that say the same: a high TF-IDF cosine, or backing the same corroborated claim."""
    shared_claim = np.array([[bool(a & b) for b in same_claim] for a in same_claim], dtype=bool)
    return (sims >= DUPLICATE_SIMILARITY) | shared_claim


def select(pool: Sequence[Candidate], scores: Matrix, vocabulary: Vocabulary, duplicate: Matrix,
           limit: int) -> list[int]:
    """Greedy: the sentence of highest worth (fixed part plus the current weight of its words) that repeats
    no chosen one, until the word budget is met; a sentence that would end more than half of itself past the
    budget is left out once the summary has its minimum length."""
    chosen: list[int] = []
    length = 0
    while len(chosen) < limit:
        open_ = [i for i in range(len(pool)) if i not in chosen and not duplicate[i, chosen].any()]
        best = max(open_, key=lambda i: WEIGHTS["shared"] * vocabulary.value(i) + float(scores[i]), default=-1)
        if best < 0 or (len(chosen) >= MIN_SENTENCES and length + pool[best].words / 2 > TARGET_WORDS):
            break
        chosen.append(best)
        length += pool[best].words
        vocabulary.use(best)
    return chosen


def reading_order(chosen: Sequence[int], pool: Sequence[Candidate]) -> list[int]:
    """Articles in the order their first sentence was chosen (the top one leads), each in its own order."""
    rank: dict[int, int] = {}
    for i in chosen:
        rank.setdefault(pool[i].article, len(rank))
    return sorted(chosen, key=lambda i: (rank[pool[i].article], pool[i].position))


def summarize_story(story: Story, events: Sequence[Event],
                    summaries: Mapping[str, Summary] | Sequence[Summary]) -> list[tuple[str | None, str, str]]:
    """The story's timeline: (event date, event title, first summary sentence) per event, oldest first."""
    by_event = summaries if isinstance(summaries, Mapping) else {s.event: s for s in summaries}
    known = {event.id: event for event in events}
    timeline = [known[e] for e in story.events if e in known]
    timeline.sort(key=lambda event: (event.date is None, event.date or ""))
    return [(event.date, event.title, first_sentence(by_event.get(event.id))) for event in timeline]


def first_sentence(summary: Summary | None) -> str:
    return summary.sentences[0].text if summary and summary.sentences else ""
