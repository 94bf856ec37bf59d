"""A large state kept in pieces, so that a run writes the pieces its changes fall in, not the whole state again
(the event clusterer's lists of one item per article and of its events, and its day/term index).

A state's `Pieces` name its fields kept apart: `lists`, lists that grow at their end and whose items change, when
they do, from an index the run gives (`Changed`), kept in pieces of `PIECE` items; `days`, dicts keyed by
`(day, ...)` tuples, kept one piece a day. `grown_states` gives the states to write: the value with those fields
left empty, their lengths, and the pieces that changed. `joined_state` reads the value back whole. A state kept
whole by an older version, or kept before one of its fields was kept apart, is read as it is, and written in pieces
the next time.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Collection, Hashable, Mapping
from typing import Any, Protocol

PIECE = 2000  # items of a list per piece


class States(Protocol):
    def get_state(self, name: str) -> Any | None: ...

    def get_states(self, prefix: str) -> dict[str, Any]: ...


@dataclasses.dataclass(frozen=True)
class Pieces:
    """The fields of a state kept apart: growing `lists` and dicts keyed by day (`days`)."""

    lists: tuple[str, ...]
    days: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Changed:
    """What a run changed besides what it appended: by list field, the first item changed in place; by dict field
    kept by day, the days with a key added or changed."""

    first: Mapping[str, int] = dataclasses.field(default_factory=dict)
    days: Mapping[str, Collection[Hashable]] = dataclasses.field(default_factory=dict)


Lengths = dict[str, Any]  # list field -> its length; dict field -> {day: keys of that day}


def joined_state(store: States, name: str, pieces: Pieces) -> tuple[Any | None, Lengths]:
    """The state `name` with its fields kept apart whole again (None when none is stored or a piece is missing),
    and their lengths as read (to give `grown_states` when the value is kept and changed)."""
    value = store.get_state(name)
    lengths = store.get_state(_lengths(name))
    if value is None or lengths is None:
        return value, {}  # none, or kept whole by an older version
    whole: dict[str, Any] = {}
    for field in pieces.lists:
        if field not in lengths:
            continue  # kept whole in the value
        parts = store.get_states(f"{name}/{field}/")
        whole[field] = [item for number in range(_pieces(lengths[field]))
                        for item in parts.get(f"{name}/{field}/{number}", ())]
        if len(whole[field]) != lengths[field]:
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
    return dataclasses.replace(value, **whole), {field: (dict(n) if isinstance(n, dict) else n)
                                                 for field, n in lengths.items()}


def grown_states(store: States, name: str, value: Any, pieces: Pieces, read: Lengths,
                 changed: Changed = Changed()) -> dict[str, Any]:
    """The states that keep `value` (a dataclass) as `name`: itself without the fields kept apart, their lengths,
    and their pieces that changed since they were read (`read`: the lengths `joined_state` gave for it; empty for a
    value made anew, written whole): a list's from the first holding an item appended or changed in place, a dict's
    of the days `changed` names or whose keys changed; pieces no longer held are removed."""
    stored = store.get_state(_lengths(name)) or {}
    states: dict[str, Any] = {name: dataclasses.replace(value, **{field: [] for field in pieces.lists},
                                                        **{field: {} for field in pieces.days})}
    lengths: Lengths = {}
    for field in pieces.lists:
        items = getattr(value, field)
        lengths[field] = len(items)
        first = min(read.get(field, 0), len(items), changed.first.get(field, len(items))) // PIECE
        states.update((f"{name}/{field}/{number}", items[number * PIECE:(number + 1) * PIECE])
                      for number in range(first, _pieces(len(items))))
        states.update((f"{name}/{field}/{number}", None)
                      for number in range(_pieces(len(items)), _pieces(stored.get(field, 0))))
    for field in pieces.days:
        by_day: dict[Hashable, dict[Any, Any]] = defaultdict(dict)
        for key, item in getattr(value, field).items():
            by_day[key[0]][key] = item
        was = read.get(field, {})
        touched = set(changed.days.get(field, ())) if field in read else set(by_day)
        lengths[field] = {day: len(part) for day, part in by_day.items()}
        states.update((f"{name}/{field}/{day}", part) for day, part in by_day.items()
                      if day in touched or was.get(day) != len(part))
        states.update((f"{name}/{field}/{day}", None) for day in stored.get(field, {}) if day not in by_day)
    states[_lengths(name)] = lengths
    return states


def _lengths(name: str) -> str:
    return f"{name}/lengths"


def _pieces(length: int) -> int:
    return -(-length // PIECE)
