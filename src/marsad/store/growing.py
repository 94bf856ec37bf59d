"""A large state kept in pieces, so that a run writes the pieces its changes fall in, not the whole state again
(the event and story clusterers, their term counts, the near-duplicate index, the entity ids, the events made).

A state's `Pieces` name its fields kept apart: `lists`, lists (or arrays) that grow at their end and whose items
change, when they do, from an index or at the places the run gives (`Changed`), kept in pieces of `size` items;
`days`, dicts keyed by `(day, ...)` tuples, kept one piece a day; `logs`, dicts whose values are replaced (or
named by the run when changed in place), kept as a base and the changes of each run since (found by comparing
with the dict as last written, and folded into a new base once they outnumber its keys); `parts`, fields that are
states of their own kept in pieces. `grown_states` gives the states to write: the value with those fields left
empty, their lengths, and the pieces that changed. `joined_state` reads the value back whole. A state kept whole
by an older version, or kept before one of its fields was kept apart, is read as it is, and written in pieces the
next time.

A store that keeps a `memory` for its process (`store.warm.WarmStore`) also keeps each value as last given to
`grown_states`, whose states the caller writes: `joined_state` then gives that very object back, with what it
holds beyond the state (an index's sorted hashes), instead of joining its pieces again.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from typing import Any, Protocol

import numpy as np

PIECE = 2000  # items of a list per piece
LOG_PIECES = 64  # a log's pieces (its base and the changes of each run) before they are folded into one base


class States(Protocol):
    def get_state(self, name: str) -> Any | None: ...

    def get_states(self, prefix: str) -> dict[str, Any]: ...


@dataclasses.dataclass(frozen=True)
class Pieces:
    """The fields of a state kept apart: growing `lists`, dicts keyed by day (`days`), dicts kept as a log of
    their changes (`logs`), `parts` (field, its pieces) that are states kept in pieces themselves, and the items
    of a list's piece (`size`, or a list's own in `sizes`)."""

    lists: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    logs: tuple[str, ...] = ()
    parts: tuple[tuple[str, Pieces], ...] = ()
    size: int = PIECE
    sizes: tuple[tuple[str, int], ...] = ()

    def size_of(self, field: str) -> int:
        """The items of a piece of the list `field`."""
        return dict(self.sizes).get(field, self.size)


@dataclasses.dataclass(frozen=True)
class Changed:
    """What a run changed besides what it appended: by list field, the first item changed in place or the items
    changed in place (`items`); by dict field kept by day, the days with a key added or changed, or every key
    added or changed (`keys`); by log, every key that may have changed (the others are not compared); by part,
    what changed in it."""

    first: Mapping[str, int] = dataclasses.field(default_factory=dict)
    days: Mapping[str, Collection[Hashable]] = dataclasses.field(default_factory=dict)
    items: Mapping[str, Collection[int]] = dataclasses.field(default_factory=dict)
    keys: Mapping[str, Collection[Hashable]] = dataclasses.field(default_factory=dict)
    parts: Mapping[str, Changed] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Logged:
    """A dict kept as a log, as read or last written: its pieces' numbers of entries and the dict itself."""

    sizes: list[int]
    held: dict[Any, Any]


Lengths = dict[str, Any]  # list field -> (its length, the items of a piece); dict field -> {day: its part};
# log -> `Logged`; part -> its own lengths
PART = "part"  # a part's entry in its state's stored lengths (its own are kept under its name)
_MEMORY = "growing"  # a warm store's memory: state name -> (the value last given to `grown_states`, its lengths)
_ABSENT = object()


def joined_state(store: States, name: str, pieces: Pieces) -> tuple[Any | None, Lengths]:
    """The state `name` with its fields kept apart whole again (None when none is stored or a piece is missing),
    and their lengths as read (to give `grown_states` when the value is kept and changed)."""
    kept = (_kept(store) or {}).get(name)
    return kept if kept is not None else _joined(store, name, pieces)


def _joined(store: States, name: str, pieces: Pieces) -> tuple[Any | None, Lengths]:
    value = store.get_state(name)
    lengths = store.get_state(_lengths(name))
    if value is None or lengths is None:
        return value, {}  # none, or kept whole by an older version
    whole: dict[str, Any] = {}
    read: Lengths = {}
    for field in pieces.lists:
        if field not in lengths:
            continue  # kept whole in the value
        parts = store.get_states(f"{name}/{field}/")
        length, size = read[field] = _list_length(lengths[field])
        found = [parts.get(f"{name}/{field}/{number}", ()) for number in range(_pieces(length, size))]
        empty = getattr(value, field)
        whole[field] = (np.concatenate([empty, *found]) if isinstance(empty, np.ndarray) else
                        [item for part in found for item in part])
        if len(whole[field]) != length:
            return None, {}
    for field in pieces.days:
        if field not in lengths:
            continue
        parts = store.get_states(f"{name}/{field}/")
        joined = defaultdict(list)  # the dicts kept by day are defaultdicts of lists (the clusterer's index)
        for day, keys in lengths[field].items():
            part = parts.get(f"{name}/{field}/{day}")
            if part is None or len(part) != keys:
                return None, {}
            joined.update(part)
        whole[field] = joined
        read[field] = {day: dict(parts[f"{name}/{field}/{day}"]) for day in lengths[field]}
    for field in pieces.logs:
        if field not in lengths:
            continue
        parts = store.get_states(f"{name}/{field}/")
        held: dict[Any, Any] = {}
        for number, size in enumerate(lengths[field]):
            part = parts.get(f"{name}/{field}/{number}")
            if part is None or len(part[0]) + len(part[1]) != size:
                return None, {}
            held.update(part[0])
            for key in part[1]:
                del held[key]
        whole[field] = _filled(getattr(value, field), held)
        read[field] = Logged(list(lengths[field]), held)
    for field, own in pieces.parts:
        if field not in lengths:
            continue
        whole[field], read[field] = _joined(store, f"{name}/{field}", own)
        if whole[field] is None:
            return None, {}
    return dataclasses.replace(value, **whole), read


def grown_states(store: States, name: str, value: Any, pieces: Pieces, read: Lengths,
                 changed: Changed = Changed()) -> dict[str, Any]:
    """The states that keep `value` (a dataclass) as `name`: itself without the fields kept apart, their lengths,
    and their pieces that changed since they were read (`read`: the lengths `joined_state` gave for it; empty for a
    value made anew, written whole): a list's from the first holding an item appended or changed in place, a dict's
    of the days `changed` names or whose keys changed, a log's entries that differ from the dict as read; pieces no
    longer held are removed. A part's lists only grow."""
    states, lengths = _grown(store, name, value, pieces, read, changed)
    if (memory := _kept(store)) is not None:
        memory[name] = (value, lengths)
    return states


def _grown(store: States, name: str, value: Any, pieces: Pieces, read: Lengths,
           changed: Changed) -> tuple[dict[str, Any], Lengths]:
    """The states to write and the lengths they leave (with each log as written)."""
    stored = store.get_state(_lengths(name)) or {}
    emptied = {field: _emptied(getattr(value, field)) for field in (*pieces.lists, *pieces.days, *pieces.logs)}
    states: dict[str, Any] = {name: dataclasses.replace(value, **emptied, **{field: None for field, _ in pieces.parts})}
    lengths: Lengths = {}  # as written, for the next `grown_states`
    for field in pieces.lists:
        items, size = getattr(value, field), pieces.size_of(field)
        lengths[field], count = (len(items), size), _pieces(len(items), size)
        was, was_size = read.get(field, (0, size))
        was = was if was_size == size else 0  # pieces of another size: all written again
        first = min(was, len(items), changed.first.get(field, len(items)))  # the first item new or changed, or
        # the end of a list that lost items
        grown = range(first // size, count) if first < len(items) or len(items) < was else ()
        numbers = {*grown, *(item // size for item in changed.items.get(field, ()) if item < len(items))}
        states.update((f"{name}/{field}/{number}", _piece(items, number, size)) for number in sorted(numbers))
        stored_length, stored_size = _list_length(stored.get(field, 0))
        states.update((f"{name}/{field}/{number}", None)
                      for number in range(count, _pieces(stored_length, stored_size)))
    stored_lengths = {field: (n[0] if n[1] == PIECE else list(n)) for field, n in lengths.items()}
    for field in pieces.days:
        items, was, keys = getattr(value, field), read.get(field), changed.keys.get(field)
        if was is not None and keys is not None:  # the parts as read, brought up to date with the keys changed
            by_day, touched = was, {key[0] for key in keys}
            for key in keys:
                by_day.setdefault(key[0], {})[key] = items[key]
        else:
            by_day = defaultdict(dict)
            for key, item in items.items():
                by_day[key[0]][key] = item
            touched = {day for day, part in by_day.items() if len((was or {}).get(day, ())) != len(part)}
            touched.update(changed.days.get(field, ()) if was is not None else by_day)
        lengths[field] = by_day
        stored_lengths[field] = {day: len(part) for day, part in by_day.items()}
        states.update((f"{name}/{field}/{day}", by_day[day]) for day in touched if day in by_day)
        states.update((f"{name}/{field}/{day}", None) for day in stored.get(field, {}) if day not in by_day)
    for field in pieces.logs:
        written, lengths[field] = _logged(f"{name}/{field}", getattr(value, field), read.get(field),
                                          changed.keys.get(field), len(stored.get(field, ())))
        states.update(written)
        stored_lengths[field] = lengths[field].sizes
    for field, own in pieces.parts:
        written, lengths[field] = _grown(store, f"{name}/{field}", getattr(value, field), own, read.get(field, {}),
                                         changed.parts.get(field, Changed()))
        states.update(written)
        stored_lengths[field] = PART
    states[_lengths(name)] = stored_lengths
    return states, lengths


def _logged(prefix: str, current: dict[Any, Any], was: Logged | None, touched: Collection[Hashable] | None,
            stored: int) -> tuple[dict[str, Any], Logged]:
    """A log's pieces to write (`stored`: how many the store holds) and the log they leave: the entries of the
    `touched` keys (every key that may have changed, when the run tells) or else those that differ from the dict as
    read; a new base when there is no such dict or the changes would outnumber it."""
    if was is not None:
        held = was.held  # the log's own copy: brought up to date in place
        if touched is None:
            changes = {key: item for key, item in current.items()
                       if (old := held.get(key, _ABSENT)) is not item and old != item}
            added = sum(key not in held for key in changes)
            removed = () if len(held) + added == len(current) else tuple(key for key in held if key not in current)
        else:
            changes = {key: current[key] for key in touched if key in current}
            removed = tuple(key for key in touched if key not in current and key in held)
        if not changes and not removed:
            return {}, was
        held.update(changes)
        for key in removed:
            del held[key]
        if len(was.sizes) < LOG_PIECES and sum(was.sizes[1:]) + len(changes) + len(removed) <= len(current):
            return ({f"{prefix}/{len(was.sizes)}": (changes, removed)},
                    Logged([*was.sizes, len(changes) + len(removed)], held))
    base = dict(current)  # written now, then the log's own copy (a warm store's cached piece is never read again
    # while it keeps the value: `joined_state`)
    states: dict[str, Any] = {f"{prefix}/0": (base, ())}
    states.update((f"{prefix}/{number}", None) for number in range(1, stored))
    return states, Logged([len(base)], base)


def _emptied(items: Any) -> Any:
    """An empty container of the kind of `items` (a list, an array, a dict or a defaultdict with its factory)."""
    if isinstance(items, np.ndarray):
        return items[:0].copy()
    if isinstance(items, defaultdict):
        return defaultdict(items.default_factory)
    return type(items)()


def _filled(empty: Any, held: dict[Any, Any]) -> Any:
    """`held` as a dict of the kind of `empty` (a Counter is filled, not counted)."""
    whole = _emptied(empty)
    dict.update(whole, held)
    return whole


def _piece(items: Any, number: int, size: int) -> Any:
    """The items of one piece (an array's as a copy, so a kept piece holds no view of the whole)."""
    part = items[number * size:(number + 1) * size]
    return part.copy() if isinstance(part, np.ndarray) else part


def _kept(store: States) -> dict[str, Any] | None:
    """The values this process last gave `grown_states`, for a store that keeps a memory."""
    memory = getattr(store, "memory", None)
    return memory.setdefault(_MEMORY, {}) if isinstance(memory, dict) else None


def _list_length(stored: int | list[int]) -> tuple[int, int]:
    """A list's length and the items of its pieces, as its state's lengths keep them (a length alone: `PIECE`)."""
    return (stored, PIECE) if isinstance(stored, int) else (stored[0], stored[1])


def _lengths(name: str) -> str:
    return f"{name}/lengths"


def _pieces(length: int, size: int) -> int:
    return -(-length // size)
