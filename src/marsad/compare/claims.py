"""Claims: sentences of different articles of one event that state the same proposition, aligned into one claim.

A reduce step over one event. Each article is split into sentences (headlines and sentences under five words are
left out); two sentences are compared by TF-IDF over their content words (proclitics and pronoun suffixes off,
stopwords out) and over character n-grams of those words (name variants, inflections), plus shared entities,
numbers and dates. Sentences are then grouped agglomeratively (average link, above a threshold), at most one
sentence per article per claim. Two sentences that give different values for the same counted noun (56 قتيلا /
83 قتيلا) are different propositions and never join: the difference is a contradiction, found elsewhere. Every
eligible sentence ends in a claim, so a claim with one outlet is a unique claim.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from marsad.compare.numbers import NumberMention, read_numbers, unit_class, unit_key
from marsad.text.normalize import match_key, normalize
from marsad.text.sentences import split_sentences
from marsad.types import Article, Claim, Mention, Support, Timex

MIN_WORDS = 5
THRESHOLD = 0.22  # average-link similarity two groups need to merge
WORD_WEIGHT, CHAR_WEIGHT, ENTITY_WEIGHT, VALUE_WEIGHT = 0.45, 0.35, 0.15, 0.10

STOPWORDS = frozenset(normalize(w) for w in """
في من على إلى الى عن مع أن إن أنه أنها إنه إنها التي الذي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء كان كانت
يكون تكون قد لقد لم لن ما لا كما بعد قبل بين حيث أو ثم هو هي هم هما عند حتى خلال منذ كل أي غير لدى عبر ضمن
نحو أيضا فقط وقد وكان كانوا ليس أكثر أقل بعض عدة عدد أمس اليوم يوم مساء صباح قال قالت أضاف أضافت وأضاف
أكد أكدت أوضح أشار أشارت ذكر ذكرت أفاد أفادت وفق وفقا بحسب حسب إذ إذا لكن لكنه بينما فيما وسط له لها لهم
به بها بهم فيه فيها منه منها عليه عليها إليه عنه معه تم يتم جرى الذى آخر أخرى الآخر بشأن حول مثل دون إلا
سوى الجاري الماضي المقبل الحالي العام عام الأول الثاني تحت فوق أمام خلف جانب لدى كذلك هناك هنا وهو وهي
""".split())
_WORD = re.compile(r"[^\W\d_]{2,}")
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


def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of a text (stopwords and digits out)."""
    words = (normalize(w) for w in _WORD.findall(text))
    return tuple(stem(w) for w in words if w not in STOPWORDS and stem(w) not in STOPWORDS)


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
        spans_m = (mentions or {}).get(article.id, ())
        spans_t = (timexes or {}).get(article.id, ())
        for s in split_sentences(article.text):
            text = article.text[s.start:s.end]
            if len(text.split()) < MIN_WORDS or is_headline(article.text, s.start, s.end):
                continue
            found.append(EventSentence(
                article, s.start, s.end, content_stems(text),
                frozenset(name_key(m.text) for m in spans_m if s.start <= m.start < s.end),
                tuple(n for n in read_numbers(text) if not _is_year(n)),
                frozenset(t.value for t in spans_t if s.start <= t.start < s.end and t.kind in ("date", "interval")),
            ))
    return found


def _is_year(number: NumberMention) -> bool:
    return number.unit is None and 1900 <= number.value <= 2100 and number.value.is_integer()


def similarity_matrix(sentences: Sequence[EventSentence]) -> np.ndarray:
    """Pairwise similarity of the event's sentences: word and character TF-IDF, entities, numbers and dates."""
    docs = [" ".join(s.stems) for s in sentences]
    words = _cosine(TfidfVectorizer(analyzer=_unigrams_and_bigrams, sublinear_tf=True), docs)
    chars = _cosine(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True), docs)
    sim = WORD_WEIGHT * words + CHAR_WEIGHT * chars
    sim += ENTITY_WEIGHT * _jaccard([s.entities for s in sentences])
    sim += VALUE_WEIGHT * _jaccard([_values(s) for s in sentences])
    return sim


def _unigrams_and_bigrams(doc: str) -> list[str]:
    """Stems and pairs of neighbouring stems: a shared pair (مبيعات الأسلحة) is strong evidence of one proposition."""
    stems = doc.split()
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def _cosine(vectorizer: TfidfVectorizer, docs: list[str]) -> np.ndarray:
    try:
        matrix = vectorizer.fit_transform(docs)
    except ValueError:  # no usable term at all
        return np.zeros((len(docs), len(docs)))
    return np.asarray((matrix @ matrix.T).todense())


def _values(sentence: EventSentence) -> frozenset[str]:
    """Numbers with their nouns and dates, as comparable strings."""
    numbers = {f"{unit_key(n.unit)}={n.value:g}" for n in sentence.numbers if n.unit}
    return frozenset(numbers | sentence.dates)


def _jaccard(sets: list[frozenset[str]]) -> np.ndarray:
    n = len(sets)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if sets[i] and sets[j]:
                out[i, j] = out[j, i] = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
    return out


def values_conflict(a: EventSentence, b: EventSentence) -> bool:
    """Whether two sentences give disjoint exact values for a counted noun (or for people) they share."""
    by_unit_a = _exact_by_unit(a)
    by_unit_b = _exact_by_unit(b)
    return any(by_unit_a[u].isdisjoint(by_unit_b[u]) for u in by_unit_a.keys() & by_unit_b.keys())


def _exact_by_unit(sentence: EventSentence) -> dict[str, set[float]]:
    out: dict[str, set[float]] = {}
    for n in sentence.numbers:
        key = unit_class(n.unit)
        if key and not n.approximate:
            out.setdefault(key, set()).add(n.value)
    return out


def group_sentences(sentences: Sequence[EventSentence], sim: np.ndarray,
                    threshold: float = THRESHOLD) -> list[list[int]]:
    """Average-link agglomeration: merge the most similar pair of groups while no article repeats in a group."""
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    blocked = _blocked_pairs(sentences)
    link = sim.copy()
    np.fill_diagonal(link, -1.0)
    for i, j in blocked:
        link[i, j] = link[j, i] = -1.0
    _block_same_article(sentences, link)
    while groups:
        flat_i, flat_j = np.unravel_index(np.argmax(link), link.shape)
        i, j = int(flat_i), int(flat_j)
        if link[i, j] < threshold:
            break
        groups[i] = groups[i] + groups.pop(j)
        link[j, :] = link[:, j] = -1.0
        _relink(groups, i, sentences, sim, blocked, link)
    return sorted(groups.values(), key=min)


def _blocked_pairs(sentences: Sequence[EventSentence]) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))
            if sentences[i].numbers and sentences[j].numbers and values_conflict(sentences[i], sentences[j])}


def _block_same_article(sentences: Sequence[EventSentence], link: np.ndarray) -> None:
    ids = np.array([s.article.id for s in sentences])
    link[ids[:, None] == ids[None, :]] = -1.0


def _relink(groups: dict[int, list[int]], i: int, sentences: Sequence[EventSentence], sim: np.ndarray,
            blocked: set[tuple[int, int]], link: np.ndarray) -> None:
    """Average similarity of the merged group to every other group; -1 where articles overlap or values conflict."""
    members = groups[i]
    articles = {sentences[m].article.id for m in members}
    for k, other in groups.items():
        if k == i:
            continue
        clash = articles & {sentences[m].article.id for m in other} or any(
            (min(a, b), max(a, b)) in blocked for a in members for b in other)
        value = -1.0 if clash else float(sim[np.ix_(members, other)].mean())
        link[i, k] = link[k, i] = value


def align_claims(event_id: str, articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]] | None = None,
                 timexes: Mapping[str, Sequence[Timex]] | None = None, first_id: int = 1) -> list[Claim]:
    """The event's claims, numbered c{first_id}, c{first_id+1}…; every eligible sentence is in one claim."""
    sentences = event_sentences(articles, mentions, timexes)
    if not sentences:
        return []
    sim = similarity_matrix(sentences)
    groups = group_sentences(sentences, sim)
    groups.sort(key=lambda g: (-len(g), min(g)))
    roots = _outlet_of(articles)
    return [_claim(f"c{first_id + n}", event_id, [sentences[k] for k in sorted(g)], _medoid(g, sim), roots)
            for n, g in enumerate(groups)]


def _medoid(group: list[int], sim: np.ndarray) -> int:
    """The position in `sorted(group)` of the member closest on average to the others: the claim's text."""
    members = sorted(group)
    return int(np.argmax(sim[np.ix_(members, members)].sum(axis=1)))


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
