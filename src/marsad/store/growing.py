"""A large state some of whose lists only grow (the event clusterer's vectors and headlines, one per article ever
clustered), kept in pieces so that a run writes the pieces its new items fall in, not the whole state again.

`grown_states` gives the states to write: the value with those lists left empty, the lists' lengths, and their
pieces of `PIECE` items from the one the stored length ends in. `joined_state` reads the value back with its lists
whole. A state kept whole by an older version is read as it is, and written in pieces the next time.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Protocol

PIECE = 2000  # items of a list per piece


class States(Protocol):
    def get_state(self, name: str) -> Any | None: ...

    def get_states(self, prefix: str) -> dict[str, Any]: ...


def joined_state(store: States, name: str, fields: Sequence[str]) -> tuple[Any | None, dict[str, int]]:
    """The state `name` with its growing `fields` whole again (None when none is stored or a piece is missing),
    and the fields' lengths as read (to give `grown_states` when the value is kept and grown)."""
    value = store.get_state(name)
    lengths = store.get_state(_lengths(name))
    if value is None or lengths is None:
        return value, {}  # none, or kept whole by an older version
    whole = {}
    for field in fields:
        pieces = store.get_states(f"{name}/{field}/")
        whole[field] = [item for number in range(_pieces(lengths.get(field, 0)))
                        for item in pieces.get(f"{name}/{field}/{number}", ())]
        if len(whole[field]) != lengths.get(field, 0):
            return None, {}
    return dataclasses.replace(value, **whole), dict(lengths)


def grown_states(store: States, name: str, value: Any, fields: Sequence[str], read: dict[str, int]
                 ) -> dict[str, Any]:
    """The states that keep `value` (a dataclass) as `name`: itself without its growing `fields`, their lengths,
    and their pieces from the first holding an item not in the pieces it was read from (`read`: the lengths
    `joined_state` gave for it; empty for a value made anew, written whole); pieces past its end are removed."""
    stored = store.get_state(_lengths(name)) or {}
    states: dict[str, Any] = {name: dataclasses.replace(value, **{field: [] for field in fields})}
    lengths = {}
    for field in fields:
        items = getattr(value, field)
        lengths[field] = len(items)
        first = min(read.get(field, 0), len(items)) // PIECE
        states.update((f"{name}/{field}/{number}", items[number * PIECE:(number + 1) * PIECE])
                      for number in range(first, _pieces(len(items))))
        states.update((f"{name}/{field}/{number}", None)
                      for number in range(_pieces(len(items)), _pieces(stored.get(field, 0))))
    states[_lengths(name)] = lengths
    return states


def _lengths(name: str) -> str:
    return f"{name}/lengths"


def _pieces(length: int) -> int:
    return -(-length // PIECE)
