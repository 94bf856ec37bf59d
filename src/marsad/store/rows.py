"""The analysis document kept by row: one row per item of each of its lists (an article, an entity, an event, a
claim ...), written only where it changed. Publishing a cycle writes what the cycle changed, and the store keeps
no dead copy of a whole document.

A row's key, in a section whose items are made per article or per event (`OWNED_BY`), is that owner and the
item's place among its items; elsewhere the item's id, else the digest of its content (a changed item keyed so is
a new row, its old one deleted). So a publish that knows an article or an event unchanged keeps its rows without
writing them out and digesting them again. A row's position keeps the document's order. The document's keys in
order and its values that are not lists (the schema name) are its header.

A row's references (`row_refs`: `article:ID`, `event:ID`, `story:ID`, `speaker:ID`) name the items it belongs to
(a quote's article and speaker, a claim's event), so a reader finds the rows of one article or event by id without
the rest of the document.

An entity's mentions are not part of its row (`DETACHED`): the store keeps them one row a mention
(`store.query.MentionChanges`), so an entity named once more is not written again with its thousands of mentions,
and puts them back when it reads the entity (`attach`).
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import is_
from typing import Any

import numpy as np

Row = tuple[str, str, float, str, str]  # (section, key, position, digest, the item as JSON)
Ref = tuple[str, str, str]  # (reference, section, key): the row (section, key) belongs to the item referenced
REFERENCES = ("article", "event", "story", "speaker")  # an item's fields that name the item it belongs to
ROWS_VERSION = 6  # raised when rows change shape (2: with references, 3: owner keys, 4: quotes and attribution by
# article, 5: search tables kept by the item each row is of, 6: entities without their mentions); older rows are
# written again
OWNED_BY = {"timexes": "article", "framing": "article", "quotes": "article", "attribution": "article",
            "summaries": "event", "figures": "event",
            "contradictions": "event", "framing_contrasts": "event"}  # section -> the field naming an item's owner
DETACHED = {"entities": "mentions"}  # section -> the field of its items a store keeps apart from their rows


@dataclass(frozen=True, slots=True)
class RowChanges:
    """What publishing a document changes in the rows of the store."""

    header: dict[str, Any]
    written: list[Row]  # new rows and rows whose content changed
    moved: list[tuple[float, str, str]]  # (position, section, key) of unchanged rows in another place
    deleted: list[tuple[str, str]]  # (section, key) of rows the document no longer has
    refs: list[Ref]  # the references of the written rows (those of the deleted and rewritten rows go)
    detached: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # section -> item id -> its `DETACHED`
    # field, of the items converted that held it (a document of JSON-ready items: the store keeps them apart)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def document_header(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The document's keys in order and its values that are not lists."""
    return {"sections": list(doc), "values": {k: v for k, v in doc.items() if not isinstance(v, list)},
            "rows": ROWS_VERSION}


def current(header: Mapping[str, Any] | None) -> bool:
    """Whether the rows stored under this header are of this version (else they are all written again)."""
    return bool(header) and header.get("rows") == ROWS_VERSION


def document_rows(doc: Mapping[str, Any]) -> Iterator[Row]:
    """The document's rows, one at a time (a whole document's JSON is never held at once)."""
    for section, items in doc.items():
        if not isinstance(items, list):
            continue
        seen: Counter[str] = Counter()
        for position, item in enumerate(items):
            yield _row(section, position, item, seen)


def _row(section: str, position: int, item: Any, seen: Counter[str], key: str | None = None) -> Row:
    """One item's row (`_base_key`; `seen`: the keys met so far in its section), under `key` if already given."""
    digest, text, _, _ = _encoded(item, None, DETACHED.get(section))
    return section, key or _numbered(_base_key(section, item) or f"h:{digest}", seen), position, digest, text


def _base_key(section: str, item: Any) -> str | None:
    """`o:` and the item's owner in a section of `OWNED_BY`, else `id:` and its id; None: keyed by content."""
    return _base_keys(section, [item])[0]


def _base_keys(section: str, items: Sequence[Any]) -> list[str | None]:
    """`_base_key` of each item of a section. An item is a JSON-ready dict, or an object with the same fields that
    `row_changes` converts when it writes it."""
    field, prefix = owner_field(section), _prefix(section)
    owners = [item.get(field) if type(item) is dict else getattr(item, field, None) for item in items]
    return [prefix + owner if type(owner) is str else None for owner in owners]


def owner_field(section: str) -> str:
    """The field of an item of `section` that its rows are keyed by: its owner's (`OWNED_BY`), else its id."""
    return OWNED_BY.get(section, "id")


def _prefix(section: str) -> str:
    return "o:" if section in OWNED_BY else "id:"


def _numbered(base: str, seen: Counter[str]) -> str:
    """The key of the next item with this base key in its section: the base, then `base#2`, `base#3` ..."""
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}#{seen[base]}"


def row_refs(item: Any) -> set[str]:
    """The items a document item belongs to, as `kind:id`: its `article`, `event`, `story` and `speaker`
    fields, the `articles` it lists and the articles of the `mentions` it holds."""
    if not isinstance(item, dict):
        return set()
    refs = {f"{name}:{item[name]}" for name in REFERENCES if isinstance(item.get(name), str) and item[name]}
    refs.update(f"article:{a}" for a in item.get("articles") or () if isinstance(a, str))
    refs.update(f"article:{m['article']}" for m in item.get("mentions") or ()
                if isinstance(m, dict) and isinstance(m.get("article"), str))
    return refs


Digests = Callable[[str, Sequence[str]], Mapping[str, str]]  # (section, keys) -> the stored digest of each
Unchanged = Callable[[Any], bool]  # whether the store holds an item's rows as the document has them


@dataclass(slots=True)
class Published:
    """The items a section's rows were last written or kept from, by identity (id(item) -> the item, its key, its
    base key). The item is held, so its id names no other object while it is here."""

    items: dict[int, Any] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    bases: dict[int, str | None] = field(default_factory=dict)
    holding: Counter[str | None] = field(default_factory=Counter)  # base key -> how many of the items have it

    def clear(self) -> None:
        self.items.clear()
        self.keys.clear()
        self.bases.clear()
        self.holding.clear()

    def forget(self, numbers: Collection[int]) -> set[str | None]:
        """Drop these items (by id); their base keys."""
        for number in numbers:
            del self.items[number], self.keys[number]
        gone = [self.bases.pop(number) for number in numbers]
        self.holding.subtract(gone)
        for base in set(gone):
            if self.holding[base] <= 0:
                del self.holding[base]  # an owner no item holds any more is not kept
        return set(gone)

    def note(self, item: Any, key: str, base: str | None) -> None:
        number = id(item)
        if number in self.bases:
            self.holding[self.bases[number]] -= 1
        self.items[number], self.keys[number], self.bases[number] = item, key, base
        self.holding[base] += 1


@dataclass(slots=True)
class StoredRows:
    """What `row_changes` needs of the rows in the store: each row's position by section and key, and the
    digests of the rows it asks about (those it encodes again: read by key, not the whole table)."""

    positions: dict[str, dict[str, float]]
    digests: Digests
    published: dict[str, Published] = field(default_factory=dict)  # by section: the very object a row was made
    # from needs no encoding, and its key is known (a row is made of its item alone: an item whose row holds more
    # stands for all it is made of, as `export.analysis.StoryRow` does)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, str, float, str]]) -> StoredRows:
        """Stored rows given whole as (section, key, position, digest)."""
        positions: dict[str, dict[str, float]] = {}
        digests: dict[tuple[str, str], str] = {}
        for section, key, position, digest in rows:
            positions.setdefault(section, {})[key] = position
            digests[(section, key)] = digest
        return cls(positions, lambda section, keys: {k: digests[(section, k)] for k in keys
                                                     if (section, k) in digests})

    def holds(self, section: str, key: str) -> bool:
        """Whether the store holds a row of this key (before `apply`)."""
        return key in self.positions.get(section, ())

    def replaced(self, changes: RowChanges) -> list[tuple[str, str]]:
        """(section, key) of the written rows that replace a stored one (their references go first)."""
        return [(section, key) for section, key, *_ in changes.written if self.holds(section, key)]

    def apply(self, changes: RowChanges) -> None:
        """The positions after `changes` are written (kept by a store between its publishes)."""
        for section, key in changes.deleted:
            self.positions.get(section, {}).pop(key, None)
        for section, key, position, *_ in changes.written:
            self.positions.setdefault(section, {})[key] = position
        for position, section, key in changes.moved:
            self.positions[section][key] = position


class PublishedRows:
    """The positions of the rows a store holds, kept by the store between its publishes while the analysis it
    wrote last is the stored one (its version), so a publish does not read the whole row table again."""

    def __init__(self) -> None:
        self._version: int | None = None
        self._rows: StoredRows | None = None

    def rows(self, version: int, read: Callable[[], Iterable[tuple[str, str, float]]], digests: Digests
             ) -> StoredRows:
        """The stored rows at analysis `version` (`read`: every row's section, key and position)."""
        if self._rows is None or self._version != version:
            positions: dict[str, dict[str, float]] = {}
            for section, key, position in read():
                positions.setdefault(section, {})[key] = position
            self._rows = StoredRows(positions, digests)
        self._rows.digests = digests
        self._version = None  # until `written`: a publish that fails leaves nothing to trust
        return self._rows

    def written(self, version: int, changes: RowChanges) -> None:
        """Note `changes` written as analysis `version`."""
        if self._rows is not None:
            self._rows.apply(changes)
            self._version = version


Convert = Callable[[Any], Any]  # an item of a section as JSON-ready data


def row_changes(doc: Mapping[str, Any], stored: StoredRows, unchanged: Mapping[str, Unchanged] | None = None,
                convert: Mapping[str, Convert] | None = None) -> RowChanges:
    """The rows to write, move and delete so that the store holds `doc` instead of what `stored` describes.

    Rows keep their stored positions where their order still holds (`placed`), so an item inserted early in a
    section moves none of the others. `unchanged` tells, by section, the items whose rows the caller knows the
    store holds as the document has them (the claims and summaries of an event not compared again since the last
    publish, an article not stored again): a stored one is kept without being converted (`convert`, by section:
    how an item of the document becomes JSON-ready; none: it is), written out and digested again."""
    parts = list(section_changes(doc, stored, unchanged, convert))
    detached: dict[str, dict[str, list[Any]]] = {}
    for part in parts:
        for section, found in part.detached.items():
            detached.setdefault(section, {}).update(found)
    return RowChanges(document_header(doc), *(list(chain.from_iterable(getattr(part, name) for part in parts))
                                              for name in ("written", "moved", "deleted", "refs")), detached)


ROWS_AT_ONCE = 2000  # the most rows `section_changes` encodes for one part


def section_changes(doc: Mapping[str, Any], stored: StoredRows, unchanged: Mapping[str, Unchanged] | None = None,
                    convert: Mapping[str, Convert] | None = None) -> Iterator[RowChanges]:
    """`row_changes` in parts, each to be written before the next is asked for, so a first publish never holds
    the whole document as JSON: a section's written rows at most `ROWS_AT_ONCE` at a time, then its moved and
    deleted rows; last the rows of the sections the document no longer has."""
    header = document_header(doc)
    for section, items in doc.items():
        if not isinstance(items, list):
            continue
        make = (convert or {}).get(section)
        positions = stored.positions.get(section, {})
        published = stored.published.setdefault(section, Published())
        keys, encode = _section_keys(section, items, (unchanged or {}).get(section), positions, published)
        detach = DETACHED.get(section)
        seen: Counter[str] = Counter()
        by_content = {}  # an item keyed by its content gets its key (`h:` and its digest, numbered) once encoded
        for index in encode:
            if keys[index] is None:
                by_content[index] = _encoded(items[index], make, detach)
                keys[index] = _numbered(f"h:{by_content[index][0]}", seen)
        old = np.array(list(map(positions.get, keys)), dtype=float)  # None: nan
        if not (unstored := set(np.flatnonzero(np.isnan(old)).tolist())).issubset(encode):
            encode = sorted(unstored.union(encode))  # an item published before whose row the store lost
        new = _placed(old)
        changed: set[str] = set()
        for chunk in (encode[first:first + ROWS_AT_ONCE] for first in range(0, len(encode), ROWS_AT_ONCE)):
            rows = [by_content.pop(index, None) or _encoded(items[index], make, detach) for index in chunk]
            before = stored.digests(section, [key for index in chunk if (key := keys[index]) in positions])
            written, refs, found = [], [], {}
            for index, (digest, text, item_refs, held) in zip(chunk, rows, strict=True):
                key = keys[index]
                if held is not None:
                    found[held[0]] = held[1]
                if before.get(key) != digest:
                    changed.add(key)
                    written.append((section, key, float(new[index]), digest, text))
                    refs.extend((ref, section, key) for ref in item_refs)
            yield RowChanges(header, written, [], [], refs, {section: found} if found else {})
        shifted = np.flatnonzero(~np.isnan(old) & (old != new)).tolist()
        moved = [(float(new[index]), section, key) for index in shifted if (key := keys[index]) not in changed]
        kept = int(np.count_nonzero(~np.isnan(old)))  # keys are unique: fewer than stored, some are gone
        gone = positions.keys() - set(keys) if kept < len(positions) else ()
        yield RowChanges(header, [], moved, [(section, key) for key in gone], [])
    yield RowChanges(header, [], [], [(section, key) for section, found in stored.positions.items()
                                      if not isinstance(doc.get(section), list) for key in found], [])


def _section_keys(section: str, items: Sequence[Any], unchanged: Unchanged | None, stored: Mapping[str, float],
                  published: Published) -> tuple[list[str | None], list[int]]:
    """Each item's row key in a section (None: keyed by its content, known once encoded) and the places of the
    items to encode: all but those whose row is `stored` and that are the very object it was `published` from
    (read by identity alone: its key is known) or that the caller knows `unchanged`. Items sharing a base key (an
    owner's) are numbered (`_numbered`), again only for the owners with an item new or gone since `published`:
    those of the new items alone when no item told by identity has such an owner (an event compared again, an
    article stored anew), else every item of the section is asked its owner."""
    ids = list(map(id, items))
    present = set(ids)
    if len(present) < len(ids):  # an object twice in the section: none is told by identity
        published.clear()
    keys: list[str | None] = list(map(published.keys.get, ids))  # None: not published as this very object
    missed = list(compress(range(len(ids)), map(is_, keys, repeat(None))))
    gone = published.keys.keys() - present if len(published.keys) > len(ids) - len(missed) else ()
    bases = dict(zip(missed, _base_keys(section, [items[index] for index in missed]), strict=True))
    dirty = (published.forget(gone) | set(bases.values())) - {None}
    if dirty:
        owners: Mapping[int, str | None] | list[str | None] = bases  # the new items' owners, in section order
        places: Iterable[int] = [index for index, base in bases.items() if base in dirty]
        if any(published.holding[base] > 0 for base in dirty):  # an owner with items told by identity
            owners = list(map(published.bases.get, ids))
            for index, base in bases.items():
                owners[index] = base
            places = compress(range(len(ids)), map(dirty.__contains__, owners))
        seen: Counter[str] = Counter()
        for index in places:
            key, keys[index] = keys[index], _numbered(owners[index], seen)
            if key is not None and key != keys[index]:  # published before, now under another key
                bases[index] = owners[index]
    encode = [index for index in sorted(bases) if (key := keys[index]) is None or key not in stored
              or unchanged is None or not unchanged(items[index])]
    for index, base in bases.items():
        if (key := keys[index]) is not None:
            published.note(items[index], key, base)
    return keys, encode


def _encoded(item: Any, make: Convert | None, detach: str | None = None
             ) -> tuple[str, str, list[str], tuple[str, list[Any]] | None]:
    """(digest, JSON, the items it belongs to, (its id, its `detach` field) when it holds one) of an item (`make`:
    how it becomes JSON-ready; none: it is); the `detach` field is left out of its row."""
    value = make(item) if make else item
    held = None
    if detach and isinstance(value, dict) and detach in value:
        value = dict(value)
        held = str(value.get("id")), value.pop(detach)
    text = _json(value)
    return _digest(text), text, sorted(row_refs(value)), held


def placed(old: Sequence[float | None]) -> list[float]:
    """Positions for a section's items in their new order, given each one's stored position (None: a new item).
    The stored positions that still rise in the new order (the longest such run) stay; every other item is placed
    evenly between its neighbours that stay, or after the last one. Where a gap is too narrow for what goes in
    it, the section is numbered anew from 0."""
    return [float(position) for position in _placed(np.array(old, dtype=float))]


def _placed(stored: np.ndarray) -> np.ndarray:
    """`placed` of stored positions as an array (nan: a new item)."""
    staying = ~np.isnan(stored)
    kept = stored[staying]
    if not bool((np.diff(kept) > 0).all()):  # a stored row changed place: the longest rising run stays
        staying = _rising(stored)
    positions = np.where(staying, stored, np.nan)
    for first, last in _runs(np.flatnonzero(~staying).tolist()):
        before = positions[first - 1] if first else None
        after = positions[last + 1] if last + 1 < len(stored) else None
        between = last - first + 1
        if after is None:  # past the last item that stays
            positions[first:] = (-1.0 if before is None else before) + np.arange(1, between + 1)
            break
        low = after - between - 1 if before is None else before
        step = (after - low) / (between + 1)
        if step < MIN_GAP:
            return np.arange(len(stored), dtype=float)
        positions[first:last + 1] = low + step * np.arange(1, between + 1)
    return positions


def _runs(indexes: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in rising `indexes`."""
    start = 0
    for at in range(1, len(indexes) + 1):
        if at == len(indexes) or indexes[at] != indexes[at - 1] + 1:
            yield indexes[start], indexes[at - 1]
            start = at


MIN_GAP = 1e-6  # the narrowest step between two positions before a section is numbered anew


def _longest_rise(old: Sequence[float | None] | np.ndarray) -> list[tuple[int, float]]:
    """(index, position) of a longest strictly rising run (not necessarily contiguous) of the stored positions
    (None or nan: a new item)."""
    stored = np.array(old, dtype=float)
    rising = _rising(stored)
    return list(zip(np.flatnonzero(rising).tolist(), stored[rising].tolist(), strict=True))


def _rising(stored: np.ndarray) -> np.ndarray:
    """Which stored positions (nan: none) make a longest strictly rising run. A position above all before it and
    below all after it is in every longest run; the run is looked for only among the others, between two such (a
    few, when a few rows moved)."""
    indexes = np.flatnonzero(~np.isnan(stored))
    present = stored[indexes]
    above = present > np.concatenate(([-np.inf], np.maximum.accumulate(present)[:-1]))
    below = present < np.concatenate((np.minimum.accumulate(present[::-1])[::-1][1:], [np.inf]))
    fixed = above & below
    rising = np.zeros(len(stored), dtype=bool)
    rising[indexes[fixed]] = True
    bounds = np.concatenate(([-1], np.flatnonzero(fixed), [len(present)]))
    for first, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        if end - first > 1:  # others between two fixed positions: those between their values may rise
            low = present[first] if first >= 0 else -np.inf
            high = present[end] if end < len(present) else np.inf
            between = [(int(indexes[k]), float(present[k])) for k in range(first + 1, end)
                       if low < present[k] < high]
            rising[[index for index, _ in _rise(between)]] = True
    return rising


def _rise(present: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
    """A longest strictly rising run of (index, position) pairs in index order (patience sorting)."""
    tails: list[float] = []  # the smallest last position of a rising run of each length
    ends: list[int] = []  # the place in `present` ending that run
    before: dict[int, int] = {}
    for at, (_, position) in enumerate(present):
        length = bisect_left(tails, position)
        if length == len(tails):
            tails.append(position)
            ends.append(at)
        else:
            tails[length], ends[length] = position, at
        if length:
            before[at] = ends[length - 1]
    run: list[tuple[int, float]] = []
    at = ends[-1] if ends else None
    while at is not None:
        run.append(present[at])
        at = before.get(at)
    return run[::-1]


def attach(item: dict[str, Any], section: str, found: Mapping[str, list[Any]]) -> dict[str, Any]:
    """The item with the field its section keeps apart (`DETACHED`) put back from `found` (item id -> its list;
    none: an empty list)."""
    field_name = DETACHED.get(section)
    if field_name:
        item[field_name] = found.get(str(item.get("id")), [])
    return item


def assemble(header: Mapping[str, Any], rows: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """The document from its header and its rows as (section, JSON) in section and position order. A header
    without sections is a whole document kept by an older version of the store."""
    if "sections" not in header:
        return dict(header)
    doc: dict[str, Any] = {section: [] for section in header["sections"]}
    doc.update(header["values"])
    for section, text in rows:
        doc[section].append(json.loads(text))
    return doc
