"""The cache of objects built from model files: read back while its sources stay, made anew when they change,
passed over when it cannot be written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.derived import CACHE_ENV, built


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    return cache


def counting_build(source: Path, calls: list[int]):
    def build() -> dict[str, str]:
        calls.append(1)
        return {"text": source.read_text(encoding="utf-8")}
    return build


def test_a_built_object_is_read_back_while_its_source_stays(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    calls: list[int] = []
    first = built("table", counting_build(source, calls), [source])
    again = built("table", counting_build(source, calls), [source])
    assert first == again == {"text": "a\t1\n"}
    assert len(calls) == 1
    assert len(list(folder.glob("table-*.pickle"))) == 1


def test_a_changed_source_makes_it_anew_and_drops_the_old_pickle(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    calls: list[int] = []
    built("table", counting_build(source, calls), [source])
    source.write_text("a\t1\nb\t2\n", encoding="utf-8")
    os.utime(source, ns=(1, 10**18))
    assert built("table", counting_build(source, calls), [source]) == {"text": "a\t1\nb\t2\n"}
    assert len(calls) == 2
    assert len(list(folder.glob("table-*.pickle"))) == 1


def test_a_damaged_or_unwritable_cache_is_passed_over(folder: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    calls: list[int] = []
    built("table", counting_build(source, calls), [source])
    for pickle in folder.glob("table-*.pickle"):
        pickle.write_bytes(b"not a pickle")
    assert built("table", counting_build(source, calls), [source]) == {"text": "a\t1\n"}
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocked / "cache"))  # a folder inside a file cannot be made
    assert built("table", counting_build(source, calls), [source]) == {"text": "a\t1\n"}
    assert len(calls) == 3


def test_without_a_home_directory_it_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n", encoding="utf-8")
    for name in (CACHE_ENV, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    calls: list[int] = []
    assert built("table", counting_build(source, calls), [source]) == {"text": "a\t1\n"}
    assert calls == [1]
