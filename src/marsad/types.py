"""The artifacts that flow through the pipeline: one frozen, slotted dataclass each.

Spans (`Sentence`, `Token`, `Mention`, `Timex`, `Quote`) are offsets into `Article.text`, the clean text;
what a user sees is always cut from that text, never a copy that can drift.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_as_fields(cls: type[T]) -> type[T]:
    """Pickle instances as (class, field values): the dataclass default for slotted classes restores each field
    through `__setstate__`, about three times slower, and spans cross to and from worker processes by the
    hundred thousand."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: attrgetter gives a tuple for two fields or more")
    values = attrgetter(*names)

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


def _plain(obj: Any) -> dict[str, Any]:
    """A dataclass as a JSON-ready dict: `dataclasses.asdict` without its deep copies of plain values (a tenth of
    the time on a whole analysis)."""
    return {name: _plain_value(getattr(obj, name)) for name in field_names(type(obj))}


def _plain_value(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):  # most values: checked first, as they are cheap
        return value
    if isinstance(value, list | tuple):
        return type(value)(map(_plain_value, value))
    if isinstance(value, dict):
        return {key: _plain_value(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(value)
    return value


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """The names of a dataclass's fields, in order."""
    return tuple(f.name for f in fields(kind))


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from disk or a feed: decoded text plus the metadata found beside it."""

    id: str
    path: str
    body: str
    format: str  # "text" (plain) or "html"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Rejected:
    """A file or record that could not be read, with the reason, so the rest of the batch goes on."""

    path: str
    reason: str


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body text in NFC, metadata, and every line that cleaning dropped."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    removed: tuple[str, ...] = ()
    duplicate_of: str | None = None
    path: str = ""
    removed_by: tuple[str, ...] = ()  # the cleaning rule that dropped each string of `removed`

    def to_dict(self) -> dict[str, Any]:
        d = _plain(self)
        d["removed"] = list(self.removed)
        d["removed_by"] = list(self.removed_by)
        return d


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark; `stem_start` is where the word begins once its proclitics are off."""

    start: int
    end: int
    text: str
    stem_start: int = -1

    @property
    def stem(self) -> int:
        return self.start if self.stem_start < 0 else self.stem_start


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's MinHash signature over its word 3-grams: what near-duplicate detection compares."""

    article: str
    minhash: str  # the hash values as hexadecimal, 32-bit little-endian each


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article, clitics off, `ال` kept."""

    article: str
    start: int
    end: int
    text: str
    type: str  # PER ORG GPE LOC MISC

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression and its ISO 8601 value (date, month, year, time, interval or duration)."""

    article: str
    start: int
    end: int
    text: str
    value: str
    kind: str = "date"  # date | time | interval | duration | set

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported quote with its speaker as written (`speaker` is filled by linking)."""

    article: str
    start: int
    end: int
    text: str
    kind: str  # direct | reported
    cue: str | None = None
    speaker_text: str | None = None
    speaker_start: int = -1
    speaker_end: int = -1
    anonymous: bool = False
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity across the corpus, with every spelling and every mention."""

    id: str
    type: str
    name: str
    name_latin: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def to_dict(self, mentions: bool = True) -> dict[str, Any]:
        """As the document gives it; without its mentions when a store keeps them apart (`store.rows.DETACHED`)."""
        fields = {"id": self.id, "type": self.type, "name": self.name, "name_latin": self.name_latin,
                  "aliases": list(self.aliases)}
        return {**fields, "mentions": [m.to_dict() for m in self.mentions]} if mentions else fields


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Event:
    id: str
    story: str | None
    title: str
    date: str | None
    articles: tuple[str, ...]
    date_evidence: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "story": self.story, "title": self.title, "date": self.date,
                "articles": list(self.articles), "date_evidence": list(self.date_evidence)}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    events: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "events": list(self.events)}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One summary sentence, copied exactly from `article`; `also_in` are the other articles that state it."""

    text: str
    article: str
    also_in: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "article": self.article, "also_in": list(self.also_in)}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Summary:
    """An extractive, cited summary of one event."""

    event: str
    sentences: tuple[SummarySentence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "sentences": [s.to_dict() for s in self.sentences]}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Support:
    """One article stating a claim, with its sentence cut from the article text (`start`, `end` into it)."""

    article: str
    sentence: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """One proposition of an event and every article stating it; `unique` when a single outlet does."""

    id: str
    event: str
    text: str
    support: tuple[Support, ...]
    unique: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "event": self.event, "text": self.text,
                "support": [s.to_dict() for s in self.support], "unique": self.unique}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Contradiction:
    """Claims of one event that give different values for the same slot (a toll, a duration, a time)."""

    event: str
    about: str  # date | number | count | other
    claims: tuple[str, ...]
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "about": self.about, "claims": list(self.claims), "detail": self.detail}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class FigurePoint:
    """One report of a figure: the value an article gives (low to high for a hedge or a range), its outlet and day."""

    article: str
    outlet: str
    published: str | None
    low: float
    high: float
    shown: str  # as the article writes it
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        high = None if self.high == float("inf") else self.high  # "more than": no upper bound in JSON
        return {"article": self.article, "outlet": self.outlet, "published": self.published, "low": self.low,
                "high": high, "shown": self.shown, "sentence": self.sentence}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class FigureSeries:
    """A figure of an event over time (a toll, a count of homes, a sum): its reports in order of publication."""

    event: str
    quantity: str  # killed | injured | missing | displaced | arrested | the counted noun
    label: str
    points: tuple[FigurePoint, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "quantity": self.quantity, "label": self.label,
                "points": [p.to_dict() for p in self.points]}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class FramingTerm:
    """A framing term as the article writes it (clitics off), its matching form, and how often it occurs."""

    term: str
    normalized: str
    count: int
    label: str
    category: str

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "count": self.count, "label": self.label, "category": self.category}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Framing:
    """The framing terms one article uses in its own voice, most frequent first."""

    article: str
    terms: tuple[FramingTerm, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "terms": [t.to_dict() for t in self.terms]}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class ContrastTerm:
    """A word or bigram one outlet uses near an entity far more than the other outlets covering it."""

    outlet: str
    entity: str
    term: str
    count: int
    others: int  # occurrences near the same entity in the other outlets
    z: float

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "entity": self.entity, "term": self.term, "count": self.count,
                "others": self.others, "z": round(self.z, 2)}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Contrast:
    """A framing contrast of one event: a word one outlet puts next to an entity that the other outlets do not."""

    event: str
    term: ContrastTerm

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, **self.term.to_dict()}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Voice:
    """A speaker quoted in an article: the linked entity (None when unlinked) as written, and how often."""

    speaker: str | None
    text: str
    count: int


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Attribution:
    """How one article attributes what it reports: named and anonymous quotes, direct and reported, its voices."""

    article: str
    quotes: int
    named: int
    anonymous: int
    direct: int
    reported: int
    voices: tuple[Voice, ...]
    anonymous_voices: tuple[tuple[str, int], ...]  # (the source as written, how often)

    def to_dict(self) -> dict[str, Any]:
        share = round(self.anonymous / self.quotes, 3) if self.quotes else 0.0
        return {"article": self.article, "quotes": self.quotes, "named": self.named, "anonymous": self.anonymous,
                "direct": self.direct, "reported": self.reported, "anonymous_share": share,
                "voices": [{"speaker": v.speaker, "text": v.text, "count": v.count} for v in self.voices],
                "anonymous_voices": [{"text": text, "count": n} for text, n in self.anonymous_voices]}


@dataclass(frozen=True, slots=True)
class Published:
    """The analysis document last stored: the corpus key it was made from, and its totals."""

    key: str
    totals: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything marsad found over the stored corpus in one run, ready for export: an immutable record, each
    corpus stage returning a new one with its results filled in."""

    articles: tuple[Article, ...] = ()
    spans: Mapping[str, Mapping[str, Sequence[Any]]] = field(default_factory=dict)  # stage -> article id -> spans
    rejected: tuple[Rejected, ...] = ()
    from_inputs: int = 0  # articles read from this run's inputs (the rest come from the store)
    reused: int = 0  # of those, articles already stored with the same content
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()  # with their speakers linked to entities
    framing: tuple[Framing, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    contrasts: tuple[Contrast, ...] = ()
    events: tuple[Event, ...] = ()
    stories: tuple[Story, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    summaries: tuple[Summary, ...] = ()
    figures: tuple[FigureSeries, ...] = ()
    corpus_key: str = ""  # what the analysis depends on (see `pipeline.corpus_key`)
    unchanged: Published | None = None  # set instead of the results when the stored analysis is still current

    def totals(self) -> dict[str, int]:
        """How many articles, events, stories and contradictions the corpus has."""
        if self.unchanged:
            return dict(self.unchanged.totals)
        return {"articles": len(self.articles), "events": len(self.events), "stories": len(self.stories),
                "contradictions": len(self.contradictions)}

    def all_spans(self, stage: str) -> list[Any]:
        """Every span of one stage across the articles, in article order."""
        by_article = self.spans.get(stage, {})
        return [span for article in self.articles for span in by_article.get(article.id, [])]

