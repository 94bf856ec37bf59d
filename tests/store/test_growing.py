"""A state whose lists only grow is kept in pieces: a run writes the pieces its new items fall in, and reads the
state back whole; a state kept whole by an older version is read as it is."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad.store import SQLiteStore
from marsad.store.growing import PIECE, Changed, Pieces, grown_states, joined_state

VECTORS = Pieces(("vectors",))


@dataclass
class Clusterer:
    total: int = 0
    vectors: list[int] = field(default_factory=list)


def test_a_run_writes_only_the_pieces_of_its_new_items(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Clusterer(1, list(range(3 * PIECE + 5)))
        store.put_states(grown_states(store, "c", state, VECTORS, {}))
        read, lengths = joined_state(store, "c", VECTORS)
        assert read == state
        read.vectors.extend(range(10))
        read.total = 2
        written = grown_states(store, "c", read, VECTORS, lengths)
        assert sorted(written) == ["c", "c/lengths", "c/vectors/3"]  # the piece that grew, not the three before
        store.put_states(written)
        assert joined_state(store, "c", VECTORS)[0] == read
        fresh = Clusterer(3, [7] * 5)  # made anew: every piece written, the ones past its end removed
        store.put_states(grown_states(store, "c", fresh, VECTORS, {}))
        assert joined_state(store, "c", VECTORS)[0] == fresh and not store.get_states("c/vectors/1")


def test_a_state_kept_whole_or_missing_a_piece(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        whole = Clusterer(1, [1, 2, 3])
        store.put_state("c", whole)  # as an older version kept it
        assert joined_state(store, "c", VECTORS) == (whole, {})
        store.put_states(grown_states(store, "c", Clusterer(1, list(range(2 * PIECE))), VECTORS, {}))
        store.put_states({"c/vectors/0": None})
        assert joined_state(store, "c", VECTORS) == (None, {})


@dataclass
class Indexed:
    events: list[list[int]] = field(default_factory=list)
    index: dict[tuple[int, str], list[int]] = field(default_factory=dict)


INDEXED = Pieces(("events",), ("index",))


def test_items_changed_in_place_and_the_days_changed_are_written_again(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Indexed([[n] for n in range(3 * PIECE)], {(day, "w"): [day] for day in range(5)})
        store.put_states(grown_states(store, "c", state, INDEXED, {}))
        read, lengths = joined_state(store, "c", INDEXED)
        assert read == state
        read.events[PIECE + 1].append(7)  # an event of the second piece gained a member
        read.index[(3, "w")].append(9)  # an entry of day 3 gained an event
        read.index[(5, "x")] = [1]  # a new day
        written = grown_states(store, "c", read, INDEXED, lengths, Changed({"events": PIECE + 1}, {"index": {3}}))
        assert sorted(written) == ["c", "c/events/1", "c/events/2", "c/index/3", "c/index/5", "c/lengths"]
        store.put_states(written)
        assert joined_state(store, "c", INDEXED)[0] == read


def test_a_state_kept_before_a_field_was_kept_apart_is_read_whole(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        older = Indexed([[1]], {(0, "w"): [0]})
        store.put_states(grown_states(store, "c", older, Pieces(("events",)), {}))  # its index kept in the value
        read, lengths = joined_state(store, "c", INDEXED)
        assert read == older and "index" not in lengths
        store.put_states(grown_states(store, "c", read, INDEXED, lengths))  # written in pieces from now on
        assert store.get_states("c/index/") == {"c/index/0": {(0, "w"): [0]}}
        assert joined_state(store, "c", INDEXED)[0] == older
