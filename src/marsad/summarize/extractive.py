"""Extractive, cited event summaries: sentences copied exactly from the articles, each naming its outlets.

A sentence ranks by corroboration (how many other outlets state the same: from the claims' support lists when given,
else TF-IDF cosine between sentences), centrality (cosine with the event's centroid, each outlet counted once),
position (news leads carry the key facts) and shared vocabulary: the mean, over its content words, of the share of
the other outlets whose article uses the word. Shared vocabulary is what many outlets report, so it is the strongest
of the signals when an event has several; it is also how novelty is kept: once a sentence is chosen its words count
for less (SumBasic), so the next pick says something else. Two sentences that back the same corroborated claim, or
whose TF-IDF cosine is high, are never both taken, nor are the leads of two articles: each states the happening
itself; nor is a sentence that restates what the chosen ones have told together (no person, place, date or figure
they have not given, most of its words said: `marsad.summarize.aspects`). Selection stops at a word budget, the
length of a short news summary. When several voices report the event, a sentence of an outlet that writes with
stance-marking vocabulary in its own voice (`marsad.compare.framing`) ranks a little lower: of two wordings of the
same fact, the summary quotes the neutral one. A sentence that is mostly direct speech ranks a little lower
(`marsad.summarize.speech`): a summary narrates the facts and names who reacted; so does a sentence its writer opens
as a background aside ("يذكر أن ...", `marsad.summarize.background`), and, when several outlets report the event, a
body sentence that no other outlet states and that gives no figure or date (`marsad.summarize.aspects.unanchored`):
colour or comment more often than a fact. A sentence that reports a named party's act or next step (an announcement,
a decision, a call, a protest, what it will do: `marsad.summarize.acts`) ranks a little higher, unless it restates a
lead: a summary says who acted and what follows, where play-by-play and colour do not. A toll that the figures layer
follows over time is stated once, by the sentence with its latest report (`marsad.summarize.figures`). A summary of
an event several outlets report quotes two of them at least (the last body sentence of a one-outlet pick gives way),
and it reads from a chosen lead: that article's sentences come first.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import Any, Protocol

import numpy as np
from scipy.sparse import csr_matrix

from marsad.cluster.terms import sublinear
from marsad.settings import DEFAULTS, SummarySettings
from marsad.summarize.acts import formal_acts
from marsad.summarize.aspects import Told, aspects, unanchored
from marsad.summarize.background import asides
from marsad.summarize.candidates import Candidate, candidates
from marsad.summarize.figures import latest_toll, toll_reports
from marsad.summarize.rules import RULES
from marsad.summarize.speech import mostly_quoted
from marsad.summarize.stems import content_stems, kept_words, stem_map, word_runs
from marsad.text.normalize import match_key, normalize
from marsad.types import Article, Event, Mention, Story, Summary, SummarySentence, Timex

WEIGHTS = {"shared": 0.6, "position": 0.2, "corroboration": 0.1, "centrality": 0.1}
SUPPORT_SIMILARITY = 0.35  # another outlet's sentence this close states the same thing
FRAMED_PENALTY = 0.05  # what a sentence of a stance-marking outlet loses when other voices report the event
QUOTED_PENALTY = 0.1  # what a sentence that is mostly direct speech loses
ASIDE_PENALTY = 0.1  # what a sentence its writer opens as a background aside loses
UNANCHORED_PENALTY = 0.1  # what a body sentence of one outlet alone, with no figure or date, loses
ACT_BONUS = 0.1  # what a sentence reporting a party's act or next step (no restatement of a lead) gains
LATEST_FIGURE = 0.1  # what a sentence gains for a toll's latest report, and loses for an earlier one
USED_WORD_WEIGHT = 0.3  # a chosen sentence's words keep this share of their weight for the next picks
POSITION_DECAY = 4.0  # body sentences after which the lead bonus has fallen to 1/e
MIN_SENTENCES, MAX_SENTENCES = 3, 6

RULES.register("lead.once")
RULES.register("voices.another")

Matrix = Any  # a numpy array; kept loose so callers need not import numpy types


class ClaimLike(Protocol):
    """What a summary needs from a claim: its support, a list of {article, sentence} (dicts or objects)."""

    @property
    def text(self) -> str: ...

    @property
    def support(self) -> Sequence[Any]: ...


def summarize_event(event_id: str, articles: Sequence[Article], claims: Sequence[ClaimLike] | None = None,
                    max_sentences: int = 5, framed: Collection[str] = (), figures: Sequence[Any] = (),
                    settings: SummarySettings = DEFAULTS.summary,
                    mentions: Mapping[str, Sequence[Mention]] | None = None,
                    timexes: Mapping[str, Sequence[Timex]] | None = None) -> Summary:
    """A summary of 3–6 sentences of one event, each cited to its article and the others that state it; `framed`
    names the articles that use stance-marking vocabulary in their own voice; `figures` are the event's
    `FigureSeries`; `settings` gives the word budget and the similarity at which two sentences say the same;
    `mentions` and `timexes` (by article id) are the articles' entity mentions and time expressions, the aspects
    a sentence tells (without them, only its numbers)."""
    limit = min(max(max_sentences, MIN_SENTENCES), MAX_SENTENCES)
    pool = [c for i, article in enumerate(articles) if not is_copy(article, articles) for c in candidates(i, article)]
    if not pool:
        return Summary(event_id, ())
    normalized = [normalize(c.text) for c in pool]
    runs = list(map(word_runs, normalized))
    sentence_words = list(map(kept_words, runs))
    stems = content_stems(sentence_words)
    vectors = sentence_vectors(sentence_words, stems)
    sims = (vectors @ vectors.T).toarray()
    voices = [article.duplicate_of or article.id for article in articles]
    quoted, starts = article_runs(pool)
    closeness = closeness_to_articles(pool, sims, voices, quoted, starts)
    keys = [" ".join(r) for r in runs]
    backing = claims_of(pool, claims or (), articles, keys)
    supporters = supporting_articles(pool, closeness, backing, voices)
    scores = importance(pool, centrality(sims, starts), corroboration(supporters, closeness, voices))
    scores -= FRAMED_PENALTY * stance_marked(pool, articles, framed, voices)
    scores -= QUOTED_PENALTY * np.array(mostly_quoted(pool))
    scores -= ASIDE_PENALTY * np.array(asides(pool))
    content, shares = shared_vocabulary(pool, sentence_words, articles, voices)
    tolls = toll_reports(pool, keys, [article.id for article in articles], figures)
    scores += LATEST_FIGURE * np.array(latest_toll(tolls, len(pool)))
    leads = article_leads(pool)
    duplicate = redundant(sims, [*claim_groups(backing), *(t.rows for t in tolls), leads],
                          settings.duplicate_similarity)
    scores += ACT_BONUS * responses(formal_acts(pool, articles, mentions or {}), duplicate, leads)
    outlets = [articles[c.article].source or voices[c.article] for c in pool]  # an article of no known outlet: its own
    found = aspects(pool, articles, mentions or {}, timexes or {})
    if len(set(outlets)) > 1:  # one outlet alone: no other to corroborate anything
        scores -= UNANCHORED_PENALTY * np.array(unanchored(found, pool, supporters))
    told = Told(found, stems, settings.restated_share)
    chosen = select(pool, scores, Vocabulary(content, shares), duplicate, limit, settings.target_words, outlets, told)
    return Summary(event_id, tuple(
        SummarySentence(pool[i].text, articles[pool[i].article].id,
                        tuple(articles[j].id for j in sorted(supporters[i])))
        for i in reading_order(chosen, pool)))


def is_copy(article: Article, articles: Sequence[Article]) -> bool:
    """A near-duplicate of another article of the event: it corroborates nothing new and is not quoted."""
    return article.duplicate_of is not None and any(a.id == article.duplicate_of for a in articles)


def sentence_vectors(docs: Sequence[list[str]], stems: Sequence[list[str]] | None = None) -> csr_matrix:
    """Unit TF-IDF rows (sublinear tf) over the content stems of texts given as their `words` (`stems`: their
    `content_stems` when already made), IDF over them; sparse: a sentence uses a few of the event's thousands of
    stems."""
    tfs = [Counter(found) for found in (content_stems(docs) if stems is None else stems)]
    terms = list(chain.from_iterable(tfs))  # each row's terms, rows in order
    vocab = {term: k for k, term in enumerate(sorted(set(terms)))}
    sizes = [len(tf) for tf in tfs]
    columns = np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))
    values = sublinear(np.fromiter(chain.from_iterable(tf.values() for tf in tfs), dtype=np.int64, count=len(terms)))
    values *= (np.log((1 + len(docs)) / (1 + np.bincount(columns, minlength=len(vocab)))) + 1.0)[columns]
    rows = np.repeat(np.arange(len(docs)), sizes)
    norms = np.sqrt(np.bincount(rows, weights=values ** 2, minlength=len(docs)))
    values /= np.where(norms > 0, norms, 1.0)[rows]
    return csr_matrix((values, columns, np.concatenate(([0], np.cumsum(sizes)))),
                      shape=(len(docs), max(len(vocab), 1)))


def claims_of(pool: Sequence[Candidate], claims: Sequence[ClaimLike], articles: Sequence[Article],
              keys: Sequence[str] | None = None) -> list[list[tuple[int, set[int]]]]:
    """For each sentence, the claims of two articles or more it states, as (claim number, indices of every article
    supporting it): a claim's supporting sentence and a candidate of the same article match when one contains the
    other (a dateline may be cut), compared by `match_key` (the candidates' `keys`, when known). A claim of one
    article names no other article and joins no two sentences."""
    shared = list(shared_claims(claims, {article.id: i for i, article in enumerate(articles)}))
    wanted = set().union(*(backers for _, backers, _ in shared))
    texts = [candidate.text for candidate in pool]
    known = dict(zip(texts, map(match_key, texts) if keys is None else keys, strict=True))  # support often quotes one
    by_article: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, candidate in enumerate(pool):
        if candidate.article in wanted:
            by_article[candidate.article].append((i, known[candidate.text]))
    found: list[list[tuple[int, set[int]]]] = [[] for _ in pool]
    for number, backers, sentences in shared:
        said = [(a, known[sentence] if sentence in known else match_key(sentence)) for a, sentence in sentences]
        stating = {i for a, sent in said if sent for i, key in by_article[a] if sent in key or key in sent}
        for i in sorted(stating):
            found[i].append((number, backers))
    return found


def shared_claims(claims: Sequence[ClaimLike],
                  index: Mapping[str, int]) -> Iterator[tuple[int, set[int], list[tuple[int, str]]]]:
    """(claim number, indices of its articles, (article index, sentence) of its support) for each claim supported
    by two of the `index`ed articles or more."""
    for number, claim in enumerate(claims):
        items = [(index.get(field_of(s, "article")), field_of(s, "sentence")) for s in claim.support]
        sentences = [(a, sentence) for a, sentence in items if a is not None]
        backers = {a for a, _ in sentences}
        if len(backers) > 1:
            yield number, backers, sentences


def field_of(item: Any, name: str) -> str:
    """A field of a support entry, whether it is a mapping or an object."""
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return str(value or "")


def article_runs(pool: Sequence[Candidate]) -> tuple[list[int], list[int]]:
    """The articles quoted in the pool, in order, and where each one's sentences begin: the pool lists an
    article's sentences together."""
    quoted: list[int] = []
    starts: list[int] = []
    for i, candidate in enumerate(pool):
        if not quoted or candidate.article != quoted[-1]:
            quoted.append(candidate.article)
            starts.append(i)
    return quoted, starts


def closeness_to_articles(pool: Sequence[Candidate], sims: Matrix, voices: Sequence[str], quoted: list[int],
                          starts: list[int]) -> Matrix:
    """For each sentence and article, its best cosine with a sentence of that article (0 for its own voice)."""
    closeness = np.zeros((len(pool), len(voices)))
    closeness[:, quoted] = np.maximum.reduceat(sims, starts, axis=1)
    own = np.array([voices[c.article] for c in pool])[:, None] == np.array(voices)[None, :]
    return np.where(own, 0.0, closeness)


def supporting_articles(pool: Sequence[Candidate], closeness: Matrix, backing: Sequence[list[tuple[int, set[int]]]],
                        voices: Sequence[str]) -> list[set[int]]:
    """For each sentence, the other articles that state it: claim support, or a close sentence of theirs."""
    close: list[set[int]] = [set() for _ in pool]
    for i, a in zip(*(axis.tolist() for axis in np.nonzero(closeness >= SUPPORT_SIMILARITY)), strict=True):
        close[i].add(a)
    return [{a for a in close[i].union(*(backers for _, backers in backing[i])) if voices[a] != voices[cand.article]}
            for i, cand in enumerate(pool)]


def corroboration(supporters: Sequence[set[int]], closeness: Matrix, voices: Sequence[str]) -> Matrix:
    """Other voices that state the sentence, plus its best closeness to each other voice (paraphrases count
    a little even below the support threshold), scaled to [0, 1]."""
    members: dict[str, list[int]] = defaultdict(list)
    for a, voice in enumerate(voices):
        members[voice].append(a)
    soft = sum((closeness[:, members[voice]].max(axis=1) for voice in sorted(members)), np.zeros(len(supporters)))
    hard = np.array([len({voices[a] for a in s}) for s in supporters], dtype=float)
    return scaled(hard + soft)


def importance(pool: Sequence[Candidate], central: Matrix, corroborated: Matrix) -> Matrix:
    """The fixed part of a sentence's worth: weighted corroboration, centrality and position, each in [0, 1]."""
    position = np.array([math.exp(-c.position / POSITION_DECAY) for c in pool])
    return (WEIGHTS["corroboration"] * corroborated + WEIGHTS["centrality"] * scaled(central)
            + WEIGHTS["position"] * position)


def stance_marked(pool: Sequence[Candidate], articles: Sequence[Article], framed: Collection[str],
                  voices: Sequence[str]) -> Matrix:
    """1 for each sentence of a `framed` article when the pool quotes more than one voice (else there is no other
    wording to prefer), 0 otherwise."""
    if not framed or len({voices[c.article] for c in pool}) < 2:
        return np.zeros(len(pool))
    return np.array([float(articles[c.article].id in framed) for c in pool])


def centrality(sims: Matrix, starts: list[int]) -> Matrix:
    """Each sentence's cosine with the event's centroid, the unit mean of the articles' unit vectors (every outlet
    weighs the same, however long). An article's vector is the sum of its sentences' (a run of the pool from each
    of `starts`), so all of it is read off the sentence similarities."""
    to_article = np.add.reduceat(sims, starts, axis=1)  # a sentence's vector . an article's
    between = np.add.reduceat(to_article, starts, axis=0)  # an article's vector . another's
    lengths = np.sqrt(np.diag(between))
    weights = np.divide(1.0, lengths, out=np.zeros_like(lengths), where=lengths > 0)
    projected = (to_article * weights).sum(axis=1)
    norm = math.sqrt(max(float(weights @ between @ weights), 0.0))
    return projected / norm if norm > 0 else projected


def shared_vocabulary(pool: Sequence[Candidate], sentence_words: Sequence[list[str]], articles: Sequence[Article],
                      voices: Sequence[str]) -> tuple[list[list[str]], dict[str, float]]:
    """Each sentence's content stems (from its `words`), and each stem's share of the other voices quoted in the
    pool whose whole article uses it (0 when one voice speaks alone, so a single-outlet event ranks by the other
    signals)."""
    quoted = sorted({c.article for c in pool})
    if len({voices[a] for a in quoted}) < 2:
        return [[] for _ in pool], {}  # every share would be 0
    article_words = [kept_words(word_runs(normalize(articles[a].text))) for a in quoted]
    stem_of = stem_map([*sentence_words, *article_words])
    stems_by_voice: dict[str, set[str]] = defaultdict(set)
    for a, used in zip(quoted, article_words, strict=True):
        stems_by_voice[voices[a]].update(filter(None, map(stem_of.get, set(used))))  # a stem is never empty
    others = max(len(stems_by_voice) - 1, 1)
    users = Counter(chain.from_iterable(stems_by_voice.values()))  # stem -> the voices using it
    return content_stems(sentence_words, stem_of), {stem: (n - 1) / others for stem, n in users.items()}


def scaled(values: Matrix) -> Matrix:
    """Values divided by their maximum (all zeros stay zeros)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else values


@dataclass
class Vocabulary:
    """The sentences' content stems and each stem's current weight, which falls once a chosen sentence uses it."""

    stems: list[list[str]]
    weights: dict[str, float]
    holders: dict[str, set[int]] = field(init=False, repr=False)  # stem -> the sentences using it

    def __post_init__(self) -> None:
        self.holders = defaultdict(set)
        for i, stems in enumerate(self.stems):
            for stem in set(stems):
                self.holders[stem].add(i)

    def value(self, i: int) -> float:
        """The mean weight of sentence i's stems, a stem counted at its first use only (said again, it adds
        nothing); summed in the order of first use, so that equal sentences are worth exactly the same in every
        process (a set's order changes with the hash seed, and with it the last bits of a float sum)."""
        stems = self.stems[i]
        return sum(map(self.weights.get, dict.fromkeys(stems), repeat(0.0))) / len(stems) if stems else 0.0

    def use(self, i: int) -> set[int]:
        """Weigh sentence i's stems down; the sentences whose value this changes."""
        changed: set[int] = set()
        for stem in set(self.stems[i]):
            self.weights[stem] = self.weights.get(stem, 0.0) * USED_WORD_WEIGHT
            changed |= self.holders[stem]
        return changed


def redundant(sims: Matrix, same: Iterable[list[int]], similarity: float) -> Matrix:
    """Pairs of sentences that say the same: a TF-IDF cosine of `similarity` or more, or both in one group of
    `same` (the sentences backing one corroborated claim, or reporting one toll)."""
    duplicate = sims >= similarity
    for rows in same:
        duplicate[np.ix_(rows, rows)] = True
    return duplicate


def claim_groups(backing: Sequence[list[tuple[int, set[int]]]]) -> list[list[int]]:
    """The sentences backing each corroborated claim (one backed by two articles or more)."""
    holders: dict[int, list[int]] = defaultdict(list)
    for i, found in enumerate(backing):
        for number, backers in found:
            if len(backers) > 1:
                holders[number].append(i)
    return list(holders.values())


def responses(acts: Sequence[float], duplicate: Matrix, leads: list[int]) -> Matrix:
    """The marks of `acts` (`marsad.summarize.acts.formal_acts`) of the sentences that say no lead again: a body
    sentence close to a lead ("ويأتي ذلك بعد أن أعلنت الوزارة ...") states the happening, not how a party answered it
    or what follows; a lead itself is the happening."""
    return np.array(acts, dtype=float) * ~duplicate[:, leads].any(axis=1)


def article_leads(pool: Sequence[Candidate]) -> list[int]:
    """The lead sentences of the pool's articles: each outlet's lead states the happening itself (who did what,
    where, when) in its own words, so a summary gives one of them and takes the other outlets' facts from their
    bodies."""
    leads = [i for i, candidate in enumerate(pool) if candidate.position == 0]
    if len(leads) > 1:
        RULES.hit("lead.once")
    return leads


def select(pool: Sequence[Candidate], scores: Matrix, vocabulary: Vocabulary, duplicate: Matrix,
           limit: int, target_words: int, voice_of: Sequence[str], told: Told) -> list[int]:
    """Greedy: the sentence of highest worth (fixed part plus the current weight of its words) that repeats
    no chosen one, nor restates what they have `told` together, until the word budget is met; a sentence that
    would end more than half of itself past the budget is left out once the summary has its minimum length.
    `voice_of` names each sentence's outlet: a summary of several quotes two of them (`another_voice`)."""
    def worth(i: int) -> float:
        return WEIGHTS["shared"] * vocabulary.value(i) + float(scores[i])

    worths = [worth(i) for i in range(len(pool))]
    closed = np.zeros(len(pool), dtype=bool)  # chosen, or saying what a chosen sentence says
    chosen: list[int] = []
    length = 0
    while len(chosen) < limit:
        best = max(np.flatnonzero(~closed).tolist(), key=worths.__getitem__, default=-1)
        if best >= 0 and told.restates(best):
            RULES.hit("aspect.restated")
            closed[best] = True
            continue
        if best < 0 or (len(chosen) >= MIN_SENTENCES and length + pool[best].words / 2 > target_words):
            break
        chosen.append(best)
        length += pool[best].words
        closed |= duplicate[:, best]
        closed[best] = True
        told.use(best)
        for i in vocabulary.use(best):
            worths[i] = worth(i)
    return another_voice(chosen, pool, voice_of, worths, duplicate)


def another_voice(chosen: list[int], pool: Sequence[Candidate], voice_of: Sequence[str], worths: Sequence[float],
                  duplicate: Matrix) -> list[int]:
    """When every chosen sentence is one voice's (`voice_of`: each sentence's outlet) and the pool has others, the
    last chosen that is no lead gives way to the sentence of another voice worth most that repeats none of the
    rest: a summary of an event several outlets report says more than the first one's lead and body (the lead
    stays: it states the happening)."""
    body = [i for i in chosen if pool[i].position > 0]
    if not body or len({voice_of[i] for i in chosen}) > 1:
        return chosen
    kept = [i for i in chosen if i != body[-1]]
    others = [i for i, voice in enumerate(voice_of) if voice != voice_of[chosen[0]] and not duplicate[i, kept].any()]
    if not others:
        return chosen
    RULES.hit("voices.another")
    return [*kept, max(others, key=worths.__getitem__)]


def reading_order(chosen: Sequence[int], pool: Sequence[Candidate]) -> list[int]:
    """Articles in the order their first sentence was chosen (the top one leads), each in its own order; but an
    article whose lead is chosen comes first: a lead states the happening (who did what, where, when), which the
    other sentences follow from (a "also" or "he said" before it points at nothing)."""
    rank: dict[int, int] = {}
    for i in chosen:
        rank.setdefault(pool[i].article, len(rank))
    leading = {pool[i].article for i in chosen if pool[i].position == 0}
    return sorted(chosen, key=lambda i: (pool[i].article not in leading, rank[pool[i].article], pool[i].position))


@dataclass(frozen=True, slots=True)
class TimelineLine:
    """One event of a story's timeline: when, what, and the first sentence of its summary with its citation."""

    event: str
    date: str | None
    title: str
    sentence: SummarySentence | None

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "date": self.date, "title": self.title,
                "text": self.sentence.text if self.sentence else None,
                "article": self.sentence.article if self.sentence else None}


def summarize_story(story: Story, events: Mapping[str, Event] | Sequence[Event],
                    summaries: Mapping[str, Summary] | Sequence[Summary]) -> list[TimelineLine]:
    """The story's dated timeline, oldest first: each event with the first sentence of its summary, cited (events
    and summaries by event id, or lists of them)."""
    by_event = summaries if isinstance(summaries, Mapping) else {s.event: s for s in summaries}
    known = events if isinstance(events, Mapping) else {event.id: event for event in events}
    timeline = [known[e] for e in story.events if e in known]
    timeline.sort(key=lambda event: (event.date is None, event.date or ""))
    return [TimelineLine(event.id, event.date, event.title, first_sentence(by_event.get(event.id)))
            for event in timeline]


def first_sentence(summary: Summary | None) -> SummarySentence | None:
    return summary.sentences[0] if summary and summary.sentences else None
