"""What a search box query asks, in the forms the search index holds (`text_key`: normalised, unpunctuated).

A query is alternatives separated by `OR`; each alternative lists needles that must all be found. A needle is a
word or a "quoted phrase", and is found when any of its forms is a substring of an article's key. A word's form
drops the proclitics and article (وللفيضانات -> فيضانات) and a plural ending (فيضانات -> فيضان), so every
inflection that contains the stem is found; a compound name is found joined or apart (عبدالله / عبد الله).
Results that hold the words as typed rank first (`exact`). A word in Latin letters also finds the articles that
name an entity whose Latin name holds it (Bourita -> بوريطة), by the entity's Arabic names (`with_names`).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from marsad.resources import MODELS_DIR, column
from marsad.text.normalize import match_key, text_key
from marsad.text.tokens import proclitic_readings

OR = "OR"
MIN_STEM = 3  # a stem keeps this many letters: shorter ones would be found inside unrelated words
PLURAL_ENDINGS = ("ات", "ون", "ين")
_PHRASE = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class Needle:
    """One word or phrase of a query: found when any of its forms is in the text; `exact` is the form as typed."""

    forms: tuple[str, ...]
    exact: str


Query = tuple[tuple[Needle, ...], ...]  # alternatives, each a conjunction of needles


def parse(text: str) -> Query:
    """The alternatives and needles of a query; words are matched by stem, quoted phrases as written."""
    alternatives: list[list[Needle]] = [[]]
    for phrase, word in _PHRASE.findall(text):
        if word == OR:
            alternatives.append([])
        elif phrase:
            key = match_key(phrase)
            if key:
                alternatives[-1].append(Needle((key,), key))
        else:
            alternatives[-1].extend(Needle(word_forms(key), key) for key in match_key(word).split())
    return tuple(tuple(needles) for needles in alternatives if needles)


@lru_cache(maxsize=4096)
def word_forms(key: str) -> tuple[str, ...]:
    """The forms a word of the query is found by: its stem, and the stem apart or joined for a compound name."""
    stem = _without_ending(_without_proclitics(key))
    for prefix in _compound_prefixes():
        rest = stem[len(prefix):]
        if stem.startswith(prefix) and len(rest) >= MIN_STEM:
            return stem, f"{prefix} {rest}"
    return (stem,)


def _without_proclitics(word: str) -> str:
    """The word without a proclitic chain: after the article a stem of MIN_STEM letters, else one more (بنات is
    no ب + نات)."""
    for _cut, bare in proclitic_readings(word, min_stem=MIN_STEM):
        if bare.startswith("ال") and len(bare) - 2 >= MIN_STEM:
            return bare[2:]
        if len(bare) > MIN_STEM:
            return bare
    return word[2:] if word.startswith("ال") and len(word) - 2 >= MIN_STEM else word


def _without_ending(word: str) -> str:
    for ending in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM + 1:
            return word[:-len(ending)]
    return word


@lru_cache(maxsize=1)
def _compound_prefixes() -> tuple[str, ...]:
    return tuple(map(match_key, column(MODELS_DIR / "search" / "compound_prefixes.tsv")))


def like_condition(query: Query, column_name: str, placeholder: str) -> tuple[str, list[str]]:
    """A SQL condition (LIKE on `column_name`, with the driver's `placeholder`) and its parameters."""
    params: list[str] = []

    def like(form: str) -> str:
        params.append("%" + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        return f"{column_name} LIKE {placeholder} ESCAPE '\\'"

    alternatives = [" AND ".join("(" + " OR ".join(map(like, needle.forms)) + ")" for needle in needles)
                    for needles in query]
    return "(" + " OR ".join(f"({a})" for a in alternatives) + ")" if alternatives else "1 = 1", params


def fts_expression(query: Query, min_length: int) -> str | None:
    """The query as an FTS5 expression over a trigram index, or None when a form is too short for it."""
    if not query or any(len(form) < min_length for needles in query for n in needles for form in n.forms):
        return None

    def quoted(form: str) -> str:
        return '"' + form.replace('"', '""') + '"'

    return " OR ".join("(" + " AND ".join("(" + " OR ".join(map(quoted, n.forms)) + ")" for n in needles) + ")"
                       for needles in query)


def exact_forms(query: Query) -> list[str]:
    """The needles as typed, to rank the articles that hold them above those holding only their stems."""
    return [needle.exact for needles in query for needle in needles]


@dataclass(frozen=True, slots=True)
class TextChanges:
    """What the full-text index needs after a new analysis: the articles to drop (gone or changed) and the rows to
    add (article id, digest of its text, its index key); articles indexed with the same text are left alone."""

    stale: list[str]
    rows: list[tuple[str, str, str]]


def text_changes(articles: Iterable[Mapping[str, Any]], indexed: Mapping[str, str]) -> TextChanges:
    """The index changes for `articles` (analysis records) given the digests already `indexed`."""
    digests = {}
    rows = []
    for article in articles:
        text = f"{article.get('title') or ''}\n{article.get('text', '')}"
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        digests[str(article["id"])] = digest
        if indexed.get(article["id"]) != digest:
            rows.append((str(article["id"]), digest, text_key(text)))
    stale = [article_id for article_id, digest in indexed.items() if digests.get(article_id) != digest]
    return TextChanges(stale, rows)


def name_rows(entities: Iterable[Mapping[str, object]]) -> Iterator[tuple[str, str]]:
    """(Latin word, Arabic name key) for each word of three letters or more of each entity's Latin name and each
    of its Arabic names (name and aliases): the rows a store keeps to expand Latin words (`with_names`)."""
    for entity in entities:
        latin = str(entity.get("name_latin") or "").lower()
        names = {match_key(str(n)) for n in (entity.get("name"), *(entity.get("aliases") or ())) if n}
        for word in {w for w in re.findall(r"[a-z]+", latin) if len(w) >= MIN_STEM}:
            yield from ((word, name) for name in sorted(names) if name)


SEARCH_TABLES = {"search_articles": "article_id", "search_entity_names": "entity_id"}  # each lookup table made of
# rows and the column naming the item it is of
MENTIONS_TABLE = "search_mentions"  # the entities' mentions, kept apart from their rows (`store.rows.DETACHED`)


@dataclass(frozen=True, slots=True)
class SearchChanges:
    """What the lookup tables need after a publish, from the article and entity rows it wrote or deleted alone:
    the articles and entities whose lookup rows go (`SEARCH_TABLES`: deleted or written again), the rows to insert
    in each table, and the written articles (for the full-text index, `text_changes`)."""

    gone: dict[str, list[str]]
    rows: dict[str, list[tuple[Any, ...]]]
    articles: list[dict[str, Any]]


def search_changes(written: Iterable[tuple[str, str, str]], deleted: Iterable[tuple[str, str]],
                   stored: Callable[[str, str], bool]) -> SearchChanges:
    """The lookup rows to change for the rows written (section, key, JSON; `stored`: whether a row of its section
    and key was stored before, whose lookup rows go) and deleted (section, key): each article's outlet and day,
    and the Latin words of each entity's names (`name_rows`)."""
    items: dict[str, list[dict[str, Any]]] = {"articles": [], "entities": []}
    gone: dict[str, set[str]] = {"articles": set(), "entities": set()}
    for section, key, text in written:
        if section in items:
            item = json.loads(text)
            items[section].append(item)
            if stored(section, key):
                gone[section].add(str(item.get("id")))
    for section, key in deleted:
        if section in gone and key.startswith("id:"):
            gone[section].add(key.removeprefix("id:"))
    rows = {"search_articles": [(a["id"], a.get("source"), (a.get("published") or "")[:10] or None)
                                for a in items["articles"]],
            "search_entity_names": [(e["id"], *row) for e in items["entities"] for row in sorted(set(name_rows([e])))]}
    return SearchChanges({"search_articles": sorted(gone["articles"]),
                          "search_entity_names": sorted(gone["entities"])},
                         {table: list(dict.fromkeys(found)) for table, found in rows.items()}, items["articles"])


MentionRow = tuple[str, int, int, str, str]  # (article, start, end, entity, text): a row of `MENTIONS_TABLE`


@dataclass(frozen=True, slots=True)
class MentionChanges:
    """What a publish changes in the mentions a store keeps apart from the entities' rows: rows to add and to
    remove, and the entities whose rows are given `whole` (the store keeps those it holds and removes the rest).
    An entity whose row is deleted loses its mentions too."""

    added: list[MentionRow] = field(default_factory=list)
    removed: list[MentionRow] = field(default_factory=list)
    whole: dict[str, list[MentionRow]] = field(default_factory=dict)

    def applied(self, stored: Collection[MentionRow]) -> tuple[list[MentionRow], list[MentionRow]]:
        """(rows to delete, rows to insert), given the rows `stored` of the entities given whole."""
        wanted = {row for rows in self.whole.values() for row in rows}
        held = set(stored)
        return ([*self.removed, *sorted(held - wanted, key=repr)],
                [*self.added, *(row for rows in self.whole.values() for row in rows if row not in held)])


def published_mentions(detached: Mapping[str, list[Mapping[str, Any]]], deleted: Iterable[tuple[str, str]],
                       given: MentionChanges | None) -> MentionChanges:
    """The mention changes of a publish: `given` by the caller, and, given whole, the mentions of the entities
    converted with theirs (`detached`: entity id -> its mentions, `store.rows.RowChanges.detached`) and none of the
    entities whose rows are `deleted` (section, key)."""
    given = given or MentionChanges()
    whole = dict(given.whole)
    whole.update((key.removeprefix("id:"), []) for section, key in deleted
                 if section == "entities" and key.startswith("id:"))
    whole.update((entity, mention_rows(entity, mentions)) for entity, mentions in detached.items())
    return MentionChanges(given.added, given.removed, whole)


def mention_rows(entity: str, mentions: Iterable[Mapping[str, Any]]) -> list[MentionRow]:
    """The mention rows of an entity from its mentions as the document gives them ({article, start, end, text})."""
    return [(m["article"], m["start"], m["end"], entity, m["text"]) for m in mentions]


def mention_dicts(rows: Iterable[tuple[str, str, int, int, str]]) -> dict[str, list[dict[str, Any]]]:
    """Entity id -> its mentions as the document gives them, from rows (entity, article, start, end, text), each
    entity's in the order of their article and place (as `link.entities.build_entity` orders them)."""
    found: dict[str, list[tuple[str, int, int, str]]] = defaultdict(list)
    for entity, article, start, end, text in rows:
        found[entity].append((article, start, end, text))
    return {entity: [{"article": a, "start": s, "end": e, "text": t} for a, s, e, t in sorted(mentions)]
            for entity, mentions in found.items()}


def with_names(query: Query, names_of: Callable[[str], list[str]]) -> Query:
    """The query with each Latin word's needle also found by the Arabic names of the entities it names."""
    def expanded(needle: Needle) -> Needle:
        if not needle.exact.isascii():
            return needle
        return replace(needle, forms=tuple(dict.fromkeys([*needle.forms, *names_of(needle.exact.lower())])))

    return tuple(tuple(map(expanded, needles)) for needles in query)
