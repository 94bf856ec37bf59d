"""The analysis document kept by row: one row per item of each of its lists (an article, an entity, an event, a
claim ...), written only where it changed. Publishing a cycle writes what the cycle changed, and the store keeps
no dead copy of a whole document.

A row's key, in a section whose items are made per article or per event (`OWNED_BY`), is that owner and the
item's place among its items; elsewhere the item's id, else the digest of its content (a changed item keyed so is
a new row, its old one deleted). So a publish that knows an article or an event unchanged keeps its rows without
writing them out and digesting them again. A row's position keeps the document's order. The document's keys in
order and its values that are not lists (the schema name) are its header.

A row's references (`row_refs`: `article:ID`, `event:ID`, `story:ID`, `speaker:ID`) name the items it belongs to
(a quote's article and speaker, a claim's event, an entity's articles), so a reader finds the rows of one article
or event by id without the rest of the document.
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

Row = tuple[str, str, float, str, str]  # (section, key, position, digest, the item as JSON)
Ref = tuple[str, str, str]  # (reference, section, key): the row (section, key) belongs to the item referenced
Stored = Mapping[tuple[str, str], tuple[float, str]]  # (section, key) -> (position, digest) of the rows in the store
REFERENCES = ("article", "event", "story", "speaker")  # an item's fields that name the item it belongs to
ROWS_VERSION = 4  # raised when rows change shape (2: with references, 3: owner keys, 4: quotes and attribution by
# article); older rows are written again
OWNED_BY = {"timexes": "article", "framing": "article", "quotes": "article", "attribution": "article",
            "summaries": "event", "figures": "event",
            "contradictions": "event", "framing_contrasts": "event"}  # section -> the field naming an item's owner


@dataclass(frozen=True, slots=True)
class RowChanges:
    """What publishing a document changes in the rows of the store."""

    header: dict[str, Any]
    written: list[Row]  # new rows and rows whose content changed
    moved: list[tuple[float, str, str]]  # (position, section, key) of unchanged rows in another place
    deleted: list[tuple[str, str]]  # (section, key) of rows the document no longer has
    refs: list[Ref]  # the references of the written rows (those of the deleted and rewritten rows go)


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
    text = _json(item)
    digest = _digest(text)
    return section, key or _numbered(_base_key(section, item) or f"h:{digest}", seen), position, digest, text


def _base_key(section: str, item: Any) -> str | None:
    """`o:` and the item's owner in a section of `OWNED_BY`, else `id:` and its id; None: keyed by content."""
    if not isinstance(item, dict):
        return None
    owner = item.get(OWNED_BY.get(section, "id"))
    return base_key(section, owner) if isinstance(owner, str) else None


def base_key(section: str, owner: str) -> str:
    """The base key of the rows of `owner` (an item's id, or the article or event its items belong to) in
    `section`: what `row_changes` takes as unchanged."""
    return f"o:{owner}" if section in OWNED_BY else f"id:{owner}"


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


def row_changes(doc: Mapping[str, Any], stored: Stored, unchanged: Collection[tuple[str, str]] = ()) -> RowChanges:
    """The rows to write, move and delete so that the store holds `doc` instead of what `stored` describes.

    Rows keep their stored positions where their order still holds (`placed`), so an item inserted early in a
    section moves none of the others. `unchanged` names base keys (section, `_base_key`) whose rows the caller
    knows the store holds as the document has them (the claims and summaries of an event not compared again since
    the last publish, an article not stored again): a stored one is kept without being written out and digested
    again."""
    written, moved, kept, refs = [], [], set(), []
    for section, items in doc.items():
        if not isinstance(items, list):
            continue
        seen: Counter[str] = Counter()
        found: list[tuple[str, Row | None, Any]] = []  # (key, the row to write or None, the item)
        for item in items:
            base = _base_key(section, item)
            key = _numbered(base, seen) if base else None
            if key and (section, base) in unchanged and (section, key) in stored:
                found.append((key, None, item))
                continue
            row = _row(section, 0, item, seen, key)
            before = stored.get((section, row[1]))
            found.append((row[1], row if before is None or before[1] != row[3] else None, item))
        old = [stored[(section, key)][0] if (section, key) in stored else None for key, _, _ in found]
        for (key, row, item), position, before in zip(found, placed(old), old, strict=True):
            kept.add((section, key))
            if row is not None:
                written.append((section, key, position, row[3], row[4]))
                refs.extend((ref, section, key) for ref in sorted(row_refs(item)))
            elif before != position:
                moved.append((position, section, key))
    return RowChanges(document_header(doc), written, moved, [name for name in stored if name not in kept], refs)


def placed(old: Sequence[float | None]) -> list[float]:
    """Positions for a section's items in their new order, given each one's stored position (None: a new item).
    The stored positions that still rise in the new order (the longest such run) stay; every other item is placed
    evenly between its neighbours that stay, or after the last one. Where a gap is too narrow for what goes in
    it, the section is numbered anew from 0."""
    staying = _longest_rise(old)
    if len(staying) == len(old):
        return [position for _, position in staying]  # the usual case: every item was stored, in this order
    positions = [0.0] * len(old)
    last_index, last = -1, None
    for index, position in [*staying, (len(old), None)]:
        between = range(last_index + 1, index)
        if position is None:  # past the last item that stays
            positions[last_index + 1:] = [(-1.0 if last is None else last) + n for n in range(1, len(between) + 1)]
            break
        low = position - len(between) - 1 if last is None else last
        step = (position - low) / (len(between) + 1)
        if between and step < MIN_GAP:
            return [float(n) for n in range(len(old))]
        positions[last_index + 1:index + 1] = [low + step * n for n in range(1, len(between) + 1)] + [position]
        last_index, last = index, position
    return positions


MIN_GAP = 1e-6  # the narrowest step between two positions before a section is numbered anew


def _longest_rise(old: Sequence[float | None]) -> list[tuple[int, float]]:
    """(index, position) of a longest strictly rising run (not necessarily contiguous) of the stored positions."""
    present = [(index, float(position)) for index, position in enumerate(old) if position is not None]
    if all(a < b for (_, a), (_, b) in pairwise(present)):
        return present  # the usual case: no stored row changed place
    tails: list[float] = []  # the smallest last position of a rising run of each length
    ends: list[int] = []  # the index ending that run
    before: dict[int, int] = {}
    for index, position in present:
        length = bisect_left(tails, position)
        if length == len(tails):
            tails.append(position)
            ends.append(index)
        else:
            tails[length], ends[length] = position, index
        if length:
            before[index] = ends[length - 1]
    at = dict(present)
    run: list[tuple[int, float]] = []
    index = ends[-1] if ends else None
    while index is not None:
        run.append((index, at[index]))
        index = before.get(index)
    return run[::-1]


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
