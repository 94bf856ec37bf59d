"""The store makes re-runs cheap and safe: same content is a no-op, changed content replaces."""
from __future__ import annotations

from pathlib import Path

from marsad.pipeline import analyze
from marsad.store import SQLiteStore

BODY = "وقع البلدان اتفاقا للتعاون في مجال المياه يوم الأربعاء في العاصمة.\nوقال الوزير إن الخطوة مهمة."


def test_reingesting_same_content_is_a_noop(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        first = analyze([tmp_path / "in"], store)
        second = analyze([tmp_path / "in"], store)
        assert (first.reused, second.reused) == (0, 1)
        assert store.count() == 1
        assert second.articles == first.articles


def test_changed_content_replaces_the_stored_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        analyze([path], store)
        path.write_text(BODY + "\nوأضاف أن التنفيذ يبدأ الشهر المقبل.", encoding="utf-8")
        again = analyze([path], store)
        assert again.reused == 0 and store.count() == 1
        stored = store.get_article("a")
        assert stored is not None and "التنفيذ" in stored.text


def test_interrupted_run_resumes_with_what_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(f"{BODY}\nالخبر رقم {i}.", encoding="utf-8")
    db = tmp_path / "m.db"
    with SQLiteStore(db) as store:
        analyze([folder / "0.txt", folder / "1.txt"], store)  # a run that stopped half-way
    with SQLiteStore(db) as store:
        resumed = analyze([folder], store)
        assert resumed.reused == 2 and len(resumed.articles) == 4 and store.count() == 4


def test_store_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    with SQLiteStore(tmp_path / "m.db") as store:
        [article] = analyze([path], store).articles
    with SQLiteStore(tmp_path / "m.db") as store:
        assert list(store.articles()) == [article]
