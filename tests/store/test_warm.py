"""A warm store (a watcher's between rounds) gives every round the analysis a cold store gives, while reading its
states and its corpus from the store once; another writer, or a failed round, makes it read them again."""
from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from marsad.pipeline import LINKED, LINKED_PIECES, REVISION, UNDIGESTED, _linked_as_before, analyze, publish
from marsad.store import SQLiteStore
from marsad.store.growing import joined_state
from marsad.store.warm import WarmStore
from marsad.types import Entity
from marsad.watch import poll_once

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ROUNDS = (["01_amman_water_alafaq.txt", "06_marsa_floods_alafaq.txt"],
          ["02_amman_water_nabdkhaleej.txt", "07_marsa_floods_alshorouk.txt"],
          ["04_amman_water_aldiffa.txt", "08_marsa_floods_aldiffa.txt"])


class CountingStore(SQLiteStore):
    """An SQLite store that counts its whole-corpus and state reads."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.reads: Counter[str] = Counter()

    def articles(self, ids: Any = None) -> Any:
        self.reads["all articles" if ids is None else "some articles"] += 1
        return super().articles(ids)

    def content_hashes(self) -> dict[str, str]:
        self.reads["content hashes"] += 1
        return super().content_hashes()

    def get_state(self, name: str) -> Any:
        self.reads[name] += 1
        return super().get_state(name)

    def get_states(self, prefix: str) -> dict[str, Any]:
        self.reads[prefix] += 1
        return super().get_states(prefix)


def _document(store: Any, folder: Path) -> str | None:
    analysis = poll_once([str(folder)], store, report=lambda message: None)
    if analysis is None:
        return None
    publish(store, analysis)
    return json.dumps(store.get_analysis(), ensure_ascii=False, sort_keys=True).replace(str(folder), "IN")


def _add(folder: Path, names: list[str]) -> None:
    for name in names:
        shutil.copy(EXAMPLES / name, folder)


def test_warm_rounds_give_the_cold_rounds_analysis_reading_the_store_once(tmp_path: Path) -> None:
    warm_in, cold_in = tmp_path / "warm", tmp_path / "cold"
    warm_in.mkdir()
    cold_in.mkdir()
    with CountingStore(tmp_path / "w.db") as inner, SQLiteStore(tmp_path / "c.db") as cold:
        warm = WarmStore(inner, REVISION)
        for names in ROUNDS:
            _add(warm_in, names)
            _add(cold_in, names)
            assert _document(warm, warm_in) == _document(cold, cold_in)
        for folder in (warm_in, cold_in):  # an article stored again with other content
            path = folder / ROUNDS[0][0]
            path.write_text(path.read_text(encoding="utf-8") + "\nسطر أضيف إلى الخبر بعد نشره.\n", encoding="utf-8")
        assert _document(warm, warm_in) == _document(cold, cold_in)
    assert inner.reads["all articles"] == 1 and inner.reads["some articles"] == len(ROUNDS)
    assert inner.reads["comparison:"] == 1 and inner.reads["events"] == 1 and inner.reads["content hashes"] == 1


def test_another_writer_or_a_failed_round_makes_it_read_the_store_again(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folders = {name: tmp_path / name for name in ("warm", "cold", "other")}
    for folder in folders.values():
        folder.mkdir()
    _add(folders["other"], ROUNDS[1])
    with CountingStore(tmp_path / "w.db") as inner, SQLiteStore(tmp_path / "c.db") as cold:
        warm = WarmStore(inner, REVISION)
        _add(folders["warm"], ROUNDS[0])
        _add(folders["cold"], ROUNDS[0])
        assert _document(warm, folders["warm"]) == _document(cold, folders["cold"])
        for path in (tmp_path / "w.db", tmp_path / "c.db"):  # another process stores articles meanwhile
            with SQLiteStore(path) as writer:
                publish(writer, analyze([folders["other"]], writer))
        _add(folders["warm"], ROUNDS[2])
        _add(folders["cold"], ROUNDS[2])
        assert _document(warm, folders["warm"]) == _document(cold, folders["cold"])
        assert inner.reads["all articles"] == 2

        def fail(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a stage failed")
        _add(folders["warm"], ["05_amman_water_almaidan.txt"])
        with monkeypatch.context() as patch:
            patch.setattr("marsad.watch.analyze_documents", fail)
            with pytest.raises(RuntimeError):
                _document(warm, folders["warm"])
        _document(warm, folders["warm"])
        assert inner.reads["all articles"] == 3


def _two_warm_rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                     seen: Callable[..., str]) -> tuple[list[str], list[str], dict[str, Any], dict[str, Any]]:
    """What `pipeline.<name>` was called on (`seen` of its arguments) in a warm store's first round and in its
    second, which adds one article of the second story; and the two rounds' documents."""
    import marsad.pipeline as pipeline
    calls: list[str] = []
    real = getattr(pipeline, name)

    def counting(*values):  # type: ignore[no-untyped-def]
        calls.append(seen(*values))
        return real(*values)
    monkeypatch.setattr(pipeline, name, counting)
    monkeypatch.setattr(pipeline, "link_on_engine", lambda work: False)  # a warm linker from the first round on
    folder = tmp_path / "in"
    folder.mkdir()
    with SQLiteStore(tmp_path / "w.db") as inner:
        warm = WarmStore(inner, REVISION)
        _add(folder, ["01_amman_water_alafaq.txt", "02_amman_water_nabdkhaleej.txt", "06_marsa_floods_alafaq.txt"])
        _document(warm, folder)
        first, calls[:] = list(calls), []
        before = warm.get_analysis()
        _add(folder, ["07_marsa_floods_alshorouk.txt"])
        _document(warm, folder)
        return first, calls, before, warm.get_analysis()


def test_a_warm_round_keys_again_only_the_events_its_articles_or_links_changed(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, before, _ = _two_warm_rounds(tmp_path, monkeypatch, "entity_key",
                                                lambda places: places[0][3].article if places else "")
    assert len(first) == len(before["events"])  # the first round keys every event
    assert 0 < len(second) < len(before["events"]) and not any("amman_water" in article for article in second)


def test_a_warm_publish_digests_the_entities_in_its_first_round_only(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Later rounds know an entity unchanged by identity and write again those the linker made anew: no entity's
    mentions are digested again, and a cold process publishing next writes again the entities left undigested."""
    first, second, before, after = _two_warm_rounds(tmp_path, monkeypatch, "_entity_digest", lambda e: e.name)
    assert len(first) == len(before["entities"]) and not second
    with SQLiteStore(tmp_path / "w.db") as store:
        linked, _ = joined_state(store, LINKED, LINKED_PIECES)
    undigested = {entity for entity, digest in linked.entities.items() if digest == UNDIGESTED}
    assert 0 < len(undigested) < len(after["entities"])
    entity = Entity("e1", "LOC", "عمان", "Amman", ("عمان",), ())
    assert not _linked_as_before({"e1": UNDIGESTED}, {"e1": UNDIGESTED}, (), entity)  # unknown is never the same
    assert _linked_as_before({"e1": "d"}, {"e1": "d"}, (), entity)


def test_a_warm_round_profiles_again_only_the_articles_whose_quotes_changed(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, before, after = _two_warm_rounds(tmp_path, monkeypatch, "attribution_profile",
                                                    lambda article, quotes: article)
    assert len(first) == len(before["articles"])
    assert "07_marsa_floods_alshorouk" in second and len(second) < len(after["articles"])


def test_a_warm_publish_writes_only_the_mentions_its_round_changed(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An entity's row is kept without its mentions; a warm round gives the store the mentions it added and
    removed, not an entity's whole list, and the store then holds the entities a cold store holds."""
    import marsad.pipeline as pipeline
    made: list[Any] = []
    real = pipeline._mention_changes
    monkeypatch.setattr(pipeline, "_mention_changes", lambda *values: made.append(real(*values)) or made[-1])
    _, _, before, after = _two_warm_rounds(tmp_path, monkeypatch, "link_corpus", lambda *values: "")
    first, second = made
    assert len(first.whole) == len(before["entities"]) and not first.added
    mentions = sum(len(e["mentions"]) for e in after["entities"])
    assert 0 < len(second.added) < mentions and not set(second.whole) & {e["id"] for e in before["entities"]}
    new = {a["id"] for a in after["articles"] if "alshorouk" in a["id"]}  # only entities new in the round whole
    assert {row[0] for row in second.added} == new == {row[0] for rows in second.whole.values() for row in rows}
    with SQLiteStore(tmp_path / "w.db") as store:
        rows = [json.loads(data) for (data,) in store._db.execute(
            "SELECT data FROM analysis_rows WHERE section = 'entities'")]
        assert rows and not any("mentions" in row for row in rows)
        with SQLiteStore(tmp_path / "c.db") as cold:
            publish(cold, analyze([tmp_path / "in"], cold))
            assert store.get_analysis()["entities"] == cold.get_analysis()["entities"] == after["entities"]


def _canonical(value: Any) -> Any:
    """A value as plain lists and dicts sorted by key, to compare states whatever order their dicts were filled in."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}]
    if isinstance(value, dict):
        return sorted((repr(key), _canonical(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if hasattr(value, "__dict__"):
        return _canonical(vars(value))
    return value


def test_the_states_a_warm_round_writes_are_the_ones_it_keeps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm store gives each stage back the state it left (`store.growing`) without reading its pieces again:
    what the rounds wrote, read back by a fresh process, must be that state, so it goes on as the watcher would.
    Pieces of one item, so that an item changed in place and not written shows."""
    import marsad.pipeline as pipeline
    folder = tmp_path / "in"
    folder.mkdir()
    kept = {}
    for name, constant in ((pipeline.EVENTS, "PIECES"), (pipeline.STORIES, "STORY_PIECES"),
                           (pipeline.DUPLICATES, "DUPLICATE_PIECES"), (pipeline.ENTITY_IDS, "ENTITY_ID_PIECES"),
                           (pipeline.BUILT_EVENTS, "BUILT_PIECES"), (pipeline.LINKED, "LINKED_PIECES")):
        kept[name] = dataclasses.replace(getattr(pipeline, constant), size=1)
        monkeypatch.setattr(pipeline, constant, kept[name])
    with SQLiteStore(tmp_path / "w.db") as inner:
        warm = WarmStore(inner, REVISION)
        for names in (*ROUNDS, ["05_amman_water_almaidan.txt", "09_marsa_floods_almaidan.txt"]):
            _add(folder, names)
            _document(warm, folder)
        with SQLiteStore(tmp_path / "w.db") as fresh:
            for name, pieces in kept.items():
                read, given = (_canonical(joined_state(store, name, pieces)[0]) for store in (fresh, warm))
                assert read == given


def test_a_warm_round_makes_anew_only_the_framing_of_its_articles(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An article's framing is kept as the very object while its terms are the same (its row told unchanged by
    identity when published)."""
    first, second, before, after = _two_warm_rounds(tmp_path, monkeypatch, "Framing", lambda article, terms: article)
    assert len(first) == len(before["articles"])
    assert second == ["07_marsa_floods_alshorouk"] and after["framing"][:len(before["framing"])] == before["framing"]


def test_a_near_duplicate_marked_in_one_round_comes_back_the_very_object(tmp_path: Path) -> None:
    """An article marked as another's near-duplicate is kept so by the warm store: a later round that marks it
    alike gives the same object (its rows told unchanged by identity), not a copy made anew each round."""
    folder = tmp_path / "in"
    folder.mkdir()
    _add(folder, ["01_amman_water_alafaq.txt"])
    shutil.copy(EXAMPLES / "01_amman_water_alafaq.txt", folder / "01_amman_water_copy.txt")
    with SQLiteStore(tmp_path / "w.db") as inner:
        warm = WarmStore(inner, REVISION)
        first = poll_once([str(folder)], warm, report=lambda message: None)
        _add(folder, ["06_marsa_floods_alafaq.txt"])
        second = poll_once([str(folder)], warm, report=lambda message: None)
    assert first is not None and second is not None
    marked = [a for a in first.articles if a.duplicate_of]
    assert marked and all(any(a is b for b in second.articles) for a in marked)
