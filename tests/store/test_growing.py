"""A state whose lists only grow is kept in pieces: a run writes the pieces its new items fall in, and reads the
state back whole; a state kept whole by an older version is read as it is."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad.store import SQLiteStore
from marsad.store.growing import PIECE, grown_states, joined_state


@dataclass
class Clusterer:
    total: int = 0
    vectors: list[int] = field(default_factory=list)


def test_a_run_writes_only_the_pieces_of_its_new_items(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        state = Clusterer(1, list(range(3 * PIECE + 5)))
        store.put_states(grown_states(store, "c", state, ["vectors"], {}))
        read, lengths = joined_state(store, "c", ["vectors"])
        assert read == state
        read.vectors.extend(range(10))
        read.total = 2
        written = grown_states(store, "c", read, ["vectors"], lengths)
        assert sorted(written) == ["c", "c/lengths", "c/vectors/3"]  # the piece that grew, not the three before
        store.put_states(written)
        assert joined_state(store, "c", ["vectors"])[0] == read
        fresh = Clusterer(3, [7] * 5)  # made anew: every piece written, the ones past its end removed
        store.put_states(grown_states(store, "c", fresh, ["vectors"], {}))
        assert joined_state(store, "c", ["vectors"])[0] == fresh and not store.get_states("c/vectors/1")


def test_a_state_kept_whole_or_missing_a_piece(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        whole = Clusterer(1, [1, 2, 3])
        store.put_state("c", whole)  # as an older version kept it
        assert joined_state(store, "c", ["vectors"]) == (whole, {})
        store.put_states(grown_states(store, "c", Clusterer(1, list(range(2 * PIECE))), ["vectors"], {}))
        store.put_states({"c/vectors/0": None})
        assert joined_state(store, "c", ["vectors"]) == (None, {})
