"""Crash safety: `marsad analyze` killed with SIGKILL at several moments and started again ends with exactly the
store (articles, content hashes, annotations, event state) and the JSON of a run that was never interrupted.

Kill points are chosen by watching the store from outside (a read-only connection beside the WAL): after the
first article, in the middle, near the end of the per-article loop, after every article is stored but before the
event state is, and after the event state is stored but before the analysis is. No hook in the product code.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marsad.pipeline import EVENTS, PIECES
from marsad.store import SQLiteStore
from marsad.store.growing import joined_state

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES, PER_FILE = 30, 10
Snapshot = dict[str, Any]
Moment = Callable[[float], bool]  # seconds since the run started -> kill now?


def make_corpus(folder: Path) -> Path:
    """30 SaudiNewsNet-like JSON lines in three files, made from the bundled examples (a paragraph dropped per copy,
    outlets and dates varied), so they form several events with claims across outlets."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    records = []
    for n in range(N_ARTICLES):
        paragraphs = [p for p in texts[n % len(texts)].split("\n\n") if p.strip()]
        copy = n // len(texts)
        if copy and len(paragraphs) > 3:
            del paragraphs[1 + copy % (len(paragraphs) - 2)]
        records.append({"id": f"art{n:02d}", "source": f"outlet{n % 5}", "published": f"2025-03-{12 + copy:02d}",
                        "text": "\n\n".join(paragraphs)})
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(N_ARTICLES // PER_FILE):
        part = records[f * PER_FILE:(f + 1) * PER_FILE]
        (folder / f"part{f}.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in part),
                                               encoding="utf-8")
    return folder


def command(inputs: list[Path], db: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "marsad", "analyze", *map(str, inputs), "--db", str(db), "--json", str(out), "-q"]


def run_to_end(inputs: list[Path], db: Path, out: Path) -> None:
    done = subprocess.run(command(inputs, db, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _peek(db: Path, sql: str) -> Any:
    """One value read from the store while another process writes it; None when not there yet."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05) as conn:
            row = conn.execute(sql).fetchone()
            return row[0] if row else None
    except sqlite3.OperationalError:  # not created yet, or locked for an instant
        return None


def stored(db: Path) -> int:
    return int(_peek(db, "SELECT COUNT(*) FROM articles") or 0)


def has_state(db: Path) -> bool:
    return _peek(db, "SELECT 1 FROM state WHERE name = 'events'") is not None


def analysis_version(db: Path) -> int:
    return int(_peek(db, "SELECT version FROM analysis WHERE id = 1") or 0)


def kill_when(inputs: list[Path], db: Path, out: Path, moment: Moment, label: str,
              limit: float = 120) -> dict[str, Any]:
    """Start a run, SIGKILL it as soon as `moment()` holds, and say what the store held at that instant."""
    proc = subprocess.Popen(command(inputs, db, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started, deadline = time.monotonic(), time.monotonic() + limit
    try:
        while proc.poll() is None and not moment(time.monotonic() - started):
            assert time.monotonic() < deadline, f"{label}: the moment never came"
            time.sleep(0.002)
    finally:
        finished = proc.poll() is not None
        os.kill(proc.pid, signal.SIGKILL) if not finished else None
        proc.wait(timeout=30)
    return {"kill": label, "after_s": round(time.monotonic() - started, 2), "finished_first": finished,
            "articles_stored": stored(db), "event_state": has_state(db), "analysis_version": analysis_version(db)}


def snapshot(db: Path, out: Path) -> Snapshot:
    """Everything a run leaves: articles in order with hashes, annotations, event assignments, the analysis."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        articles = conn.execute("SELECT id, seq, content_hash, data FROM articles ORDER BY seq").fetchall()
        annotations = conn.execute("SELECT article_id, stage, data FROM annotations ORDER BY 1, 2").fetchall()
        analysis = json.loads(conn.execute("SELECT data FROM analysis WHERE id = 1").fetchone()[0])
    with SQLiteStore(db) as store:
        state = joined_state(store, EVENTS, PIECES)[0]  # its lists and maps kept in pieces
    return {"articles": articles, "annotations": annotations, "events": dict(state.article_event),
            "event_order": list(state.article_ids), "analysis": analysis,
            "json": json.loads(out.read_text(encoding="utf-8"))}


def assert_same_store(got: Snapshot, want: Snapshot) -> None:
    ids = [row[0] for row in got["articles"]]
    assert len(ids) == len(set(ids)) == N_ARTICLES, "an article lost or stored twice"
    assert [row[:3] for row in got["articles"]] == [row[:3] for row in want["articles"]], "ids, order or hashes"
    assert got["articles"] == want["articles"]
    assert got["annotations"] == want["annotations"]
    assert got["events"] == want["events"] and got["event_order"] == want["event_order"]
    assert got["analysis"] == want["analysis"]
    assert got["json"] == want["json"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("crash") / "corpus")


@pytest.fixture(scope="module")
def reference(corpus: Path) -> Snapshot:
    """The store and JSON of one uninterrupted run."""
    db, out = corpus.parent / "reference.db", corpus.parent / "reference.json"
    run_to_end([corpus], db, out)
    return snapshot(db, out)


def test_killed_runs_resume_to_the_same_store(corpus: Path, reference: Snapshot, report: dict[str, Any]) -> None:
    db, out = corpus.parent / "killed.db", corpus.parent / "killed.json"
    moments: list[tuple[str, Moment]] = [
        ("0.3 s after start (imports, no store yet)", lambda t: t >= 0.3),
        ("after the 1st article", lambda t: stored(db) >= 1),
        ("mid-loop, 12 articles stored", lambda t: stored(db) >= 12),
        ("near the end, 27 stored", lambda t: stored(db) >= 27),
        ("all articles stored, event state not yet", lambda t: stored(db) == N_ARTICLES),
        ("event state stored, analysis not yet", lambda t: has_state(db)),
    ]
    kills = [kill_when([corpus], db, out, moment, label) for label, moment in moments]
    run_to_end([corpus], db, out)
    report["crash kill points (one store, killed and restarted in turn)"] = kills
    assert sum(not k["finished_first"] for k in kills) >= 5, kills  # the kills really interrupted runs
    assert any(k["articles_stored"] == N_ARTICLES and not k["event_state"] for k in kills), kills
    assert any(k["event_state"] and k["analysis_version"] == 0 for k in kills), kills
    assert_same_store(snapshot(db, out), reference)


def test_a_stored_event_state_missing_new_articles_is_completed(corpus: Path, report: dict[str, Any]) -> None:
    """Run 1 on a third of the corpus; run 2 on all of it is killed after some new articles are stored, so the stored
    event state lacks them; run 3 must place exactly those and end like runs 1 + 2 uninterrupted."""
    first = [corpus / "part0.jsonl"]
    want_db, want_out = corpus.parent / "inc-ref.db", corpus.parent / "inc-ref.json"
    run_to_end(first, want_db, want_out)
    run_to_end([corpus], want_db, want_out)
    db, out = corpus.parent / "inc.db", corpus.parent / "inc.json"
    run_to_end(first, db, out)
    kill = kill_when([corpus], db, out, lambda t: stored(db) >= PER_FILE + 5, "run 2 after 5 new articles")
    assert not kill["finished_first"] and kill["event_state"]
    with SQLiteStore(db) as store:
        state = joined_state(store, EVENTS, PIECES)[0]
    assert len(state.article_event) == PER_FILE < kill["articles_stored"]  # the state lags the articles
    run_to_end([corpus], db, out)
    report["crash kill points (incremental run)"] = [kill]
    assert_same_store(snapshot(db, out), snapshot(want_db, want_out))
