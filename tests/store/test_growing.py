"""A state whose lists only grow is kept in pieces: a run writes the pieces its new items fall in, and reads the
state back whole; its dicts are kept as logs of their changes; a state kept whole by an older version is read as
it is."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from marsad.store import SQLiteStore
from marsad.store.growing import PIECE, Changed, Pieces, grown_states, joined_state
from marsad.store.warm import WarmStore

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


@dataclass
class Counts:
    seen: dict[str, int] = field(default_factory=dict)
    links: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class Index:
    rows: np.ndarray = field(default_factory=lambda: np.zeros((0, 4), dtype=np.uint32))
    stories: list[list[int]] = field(default_factory=list)
    counts: Counts | None = None


COUNTS = Pieces(logs=("seen", "links"))
INDEX = Pieces(("rows", "stories"), parts=(("counts", COUNTS),), size=10)


def test_a_log_writes_the_entries_changed_since_it_was_read(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Counts({f"w{n}": n for n in range(100)}, defaultdict(list, {"a": [1]}))
        store.put_states(grown_states(store, "c", state, COUNTS, {}))
        read, lengths = joined_state(store, "c", COUNTS)
        assert read == state and isinstance(read.links, defaultdict)
        read.seen["w3"] += 1  # a value replaced
        read.seen["new"] = 1
        del read.seen["w5"]
        read.links["a"].append(2)  # a value changed in place: named by the run
        written = grown_states(store, "c", read, COUNTS, lengths, Changed(keys={"links": {"a"}}))
        assert written["c/seen/1"] == ({"w3": 4, "new": 1}, ("w5",)) and written["c/links/1"] == ({"a": [1, 2]}, ())
        assert "c/seen/0" not in written  # the base is not written again
        store.put_states(written)
        again, lengths = joined_state(store, "c", COUNTS)
        assert again == read
        again.seen.update((f"w{n}", -n) for n in range(100))  # more changes than the dict holds: a new base
        written = grown_states(store, "c", again, COUNTS, lengths)
        assert written["c/seen/0"] == (again.seen, ()) and written["c/seen/1"] is None
        store.put_states(written)
        assert joined_state(store, "c", COUNTS)[0] == again


def test_arrays_small_pieces_and_parts(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Index(np.arange(100, dtype=np.uint32).reshape(25, 4), [[n] for n in range(25)], Counts({"x": 1}))
        store.put_states(grown_states(store, "c", state, INDEX, {}))
        read, lengths = joined_state(store, "c", INDEX)
        assert (read.rows == state.rows).all() and read.rows.dtype == np.uint32 and read.stories == state.stories
        assert read.counts == state.counts
        read.rows = np.concatenate([read.rows, np.ones((1, 4), dtype=np.uint32)])
        read.stories[3].append(9)  # changed in place, in the first piece
        read.counts.seen["y"] = 2
        written = grown_states(store, "c", read, INDEX, lengths, Changed(first={"rows": 25}, items={"stories": {3}}))
        assert sorted(name for name in written if "/rows/" in name or "/stories/" in name) == [
            "c/rows/2", "c/stories/0"]
        assert written["c/counts/seen/1"] == ({"y": 2}, ())
        store.put_states(written)
        again = joined_state(store, "c", INDEX)[0]
        assert (again.rows == read.rows).all() and again.stories == read.stories and again.counts == read.counts


def test_a_store_with_a_memory_gives_back_the_value_it_was_given(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as inner:
        store = WarmStore(inner, "revision")
        state = Counts({"a": 1})
        store.put_states(grown_states(store, "c", state, COUNTS, {}))
        kept, lengths = joined_state(store, "c", COUNTS)
        assert kept is state  # the very object, not one joined again from its pieces
        kept.seen["b"] = 2
        store.put_states(grown_states(store, "c", kept, COUNTS, lengths))
        store.forget()  # what the process kept is dropped: read from the store
        assert joined_state(store, "c", COUNTS)[0] == Counts({"a": 1, "b": 2})


def test_a_list_kept_in_pieces_of_another_size_is_written_again_in_the_new_ones(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Clusterer(1, list(range(2 * PIECE + 1)))
        store.put_states(grown_states(store, "c", state, VECTORS, {}))  # three pieces of `PIECE`
        smaller = Pieces(("vectors",), size=PIECE // 2)
        read, lengths = joined_state(store, "c", smaller)
        assert read == state
        written = grown_states(store, "c", read, smaller, lengths)
        assert [written[f"c/vectors/{n}"] for n in range(5)] == [
            state.vectors[n * PIECE // 2:(n + 1) * PIECE // 2] for n in range(5)]
        store.put_states(written)
        assert joined_state(store, "c", smaller)[0] == state and len(store.get_states("c/vectors/")) == 5
