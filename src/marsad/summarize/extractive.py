"""Extractive, cited event summaries: sentences copied exactly from the articles, each naming its outlets.

A sentence ranks by corroboration (how many other outlets state the same: from the claims' support lists when
given, else TF-IDF cosine between sentences), centrality (cosine with the event's centroid, each outlet counted
once), position (news leads carry the key facts) and the standing of its article (corroborated, early, complete).
Selection is maximal marginal relevance, so no two sentences say the same; it stops at a word budget, the length
of a short news summary.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from marsad.cluster.terms import STOPWORDS, bare_word, without_article, words
from marsad.summarize.candidates import Candidate, candidates
from marsad.text.normalize import match_key
from marsad.types import Article, Event, Story, Summary, SummarySentence

WEIGHTS = {"corroboration": 0.3, "centrality": 0.3, "position": 0.3, "article": 0.1}
SUPPORT_SIMILARITY = 0.35  # another outlet's sentence this close states the same thing
DUPLICATE_SIMILARITY = 0.3  # two chosen sentences this close say the same: the second is never taken
MMR_LAMBDA = 0.7
POSITION_DECAY = 4.0  # body sentences after which the lead bonus has fallen to 1/e
TARGET_WORDS = 110  # stop adding sentences once the summary is this long
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
    supporters = supporting_articles(pool, closeness, claim_support(claims or (), articles), voices)
    scores = importance(pool, vectors, corroboration(supporters, closeness, voices), articles)
    chosen = select(pool, scores, sims, limit)
    return Summary(event_id, tuple(
        SummarySentence(pool[i].text, articles[pool[i].article].id,
                        tuple(articles[j].id for j in sorted(supporters[i])))
        for i in reading_order(chosen, pool)))


def is_copy(article: Article, articles: Sequence[Article]) -> bool:
    """A near-duplicate of another article of the event: it corroborates nothing new and is not quoted."""
    return article.duplicate_of is not None and any(a.id == article.duplicate_of for a in articles)


def sentence_vectors(texts: Sequence[str]) -> Matrix:
    """Unit TF-IDF rows (sublinear tf) over stems of normalised content words, IDF over these sentences."""
    docs = [words(t) for t in texts]
    counts = Counter(without_article(w) for ws in docs for w in ws)
    stem_of = {w: bare_word(w, counts) for w in {w for ws in docs for w in ws}}  # once per distinct word
    stems = [[s for s in map(stem_of.__getitem__, ws) if s not in STOPWORDS] for ws in docs]
    vocab = {term: k for k, term in enumerate(sorted({s for ss in stems for s in ss}))}
    matrix = np.zeros((len(texts), max(len(vocab), 1)))
    for row, ss in enumerate(stems):
        for term, tf in Counter(ss).items():
            matrix[row, vocab[term]] = 1.0 + math.log(tf)
    matrix *= np.log((1 + len(texts)) / (1 + (matrix > 0).sum(axis=0))) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def claim_support(claims: Sequence[ClaimLike], articles: Sequence[Article]) -> dict[str, set[int]]:
    """Each supporting sentence of a claim (as a match key) -> the indices of every article that supports it."""
    index = {article.id: i for i, article in enumerate(articles)}
    found: dict[str, set[int]] = {}
    for claim in claims:
        items = [(field_of(s, "article"), field_of(s, "sentence")) for s in claim.support]
        backers = {index[a] for a, _ in items if a in index}
        for _, sentence in items:
            found.setdefault(match_key(sentence), set()).update(backers)
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


def supporting_articles(pool: Sequence[Candidate], closeness: Matrix, by_claim: Mapping[str, set[int]],
                        voices: Sequence[str]) -> list[set[int]]:
    """For each sentence, the other articles that state it: claim support, or a close sentence of theirs."""
    result: list[set[int]] = []
    for i, cand in enumerate(pool):
        key = match_key(cand.text)
        from_claims = set().union(*(arts for sent, arts in by_claim.items() if sent and (sent in key or key in sent)))
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


def importance(pool: Sequence[Candidate], vectors: Matrix, corroborated: Matrix,
               articles: Sequence[Article]) -> Matrix:
    """The weighted sum of corroboration, centrality, position and article standing, each in [0, 1]."""
    centrality = scaled(vectors @ event_centroid(pool, vectors))
    position = np.array([math.exp(-c.position / POSITION_DECAY) for c in pool])
    standing = article_standing(pool, corroborated, articles)
    article = np.array([standing[c.article] for c in pool])
    return (WEIGHTS["corroboration"] * corroborated + WEIGHTS["centrality"] * centrality
            + WEIGHTS["position"] * position + WEIGHTS["article"] * article)


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


def article_standing(pool: Sequence[Candidate], corroboration: Matrix, articles: Sequence[Article]) -> dict[int, float]:
    """How much an article's own sentences are worth: corroborated, early and complete articles first."""
    members = {a: [i for i, c in enumerate(pool) if c.article == a] for a in sorted({c.article for c in pool})}
    corroborated = {a: float(corroboration[rows].mean()) for a, rows in members.items()}
    longest = max(len(rows) for rows in members.values())
    dates = sorted({articles[a].published or "~" for a in members})
    return {a: (corroborated[a] + len(rows) / longest
                + 1.0 - dates.index(articles[a].published or "~") / max(len(dates), 1)) / 3.0
            for a, rows in members.items()}


def select(pool: Sequence[Candidate], scores: Matrix, sims: Matrix, limit: int) -> list[int]:
    """Maximal marginal relevance up to the word budget: importance minus closeness to what is already chosen."""
    chosen: list[int] = []
    length = 0
    while len(chosen) < limit and (len(chosen) < MIN_SENTENCES or length < TARGET_WORDS):
        best, best_value = -1, -math.inf
        for i in range(len(pool)):
            closest = max((float(sims[i, j]) for j in chosen), default=0.0)
            if i in chosen or closest >= DUPLICATE_SIMILARITY:
                continue
            value = MMR_LAMBDA * float(scores[i]) - (1 - MMR_LAMBDA) * closest
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        length += pool[best].words
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
