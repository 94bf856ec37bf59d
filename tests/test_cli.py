"""The command line end to end: outputs, schema validity, exit codes, and one clear line per bad file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

BODY = "وقع البلدان اتفاقا للتعاون في مجال المياه يوم الأربعاء في العاصمة.\nوقال الوزير إن الخطوة مهمة."
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def marsad(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def schema(tmp_path: Path) -> dict:
    out = marsad("schema", cwd=tmp_path)
    assert out.returncode == 0
    return json.loads(out.stdout)


def test_analyze_writes_valid_json_and_html(tmp_path: Path) -> None:
    run = marsad("analyze", EXAMPLES, "--json", "out/a.json", "--html", "out/r.html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    doc = json.loads((tmp_path / "out/a.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema(tmp_path))
    assert len(doc["articles"]) >= 8
    assert (tmp_path / "marsad.db").exists()  # the default store is in the working directory
    page = (tmp_path / "out/r.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert all(a["id"] in page for a in doc["articles"])


def test_bad_files_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.jsonl").write_text("{nope\n", encoding="utf-8")
    (folder / "img.txt").write_bytes(bytes(range(256)) * 4)
    run = marsad("analyze", folder, "--json", "a.json", cwd=tmp_path)
    assert run.returncode == 0
    problems = [line for line in run.stderr.splitlines() if line.startswith("marsad: skipped")]
    assert len(problems) == 3
    assert any("empty.txt" in p and "empty" in p for p in problems)
    assert any("bad.jsonl:1" in p and "malformed JSON" in p for p in problems)
    assert any("img.txt" in p and "binary" in p for p in problems)
    assert "Traceback" not in run.stderr
    assert [a["id"] for a in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["articles"]] == ["good"]


def test_exit_2_when_nothing_was_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = marsad("analyze", tmp_path / "empty.txt", cwd=tmp_path)
    assert run.returncode == 2 and "no article could be processed" in run.stderr


def test_a_run_that_processed_nothing_leaves_no_new_store(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = marsad("analyze", tmp_path / "empty.txt", "--db", "new.db", cwd=tmp_path)
    assert run.returncode == 2 and not list(tmp_path.glob("new.db*"))


def test_the_closing_line_says_what_the_run_found_and_wrote(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    run = marsad("analyze", tmp_path / "a.txt", "--json", "a.json", cwd=tmp_path)
    last = run.stderr.strip().splitlines()[-1]
    assert run.returncode == 0 and "1 article read" in last and "1 event" in last and "1 story" in last
    assert "0 contradictions" in last and last.endswith("wrote a.json")


@pytest.mark.parametrize("db", ["folder", "not-a-store.db", "postgresql://marsad:secret@127.0.0.1:1/none"])
def test_a_bad_store_is_one_line_and_exit_2(tmp_path: Path, db: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "not-a-store.db").write_text("plain text, no database", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    run = marsad("analyze", tmp_path / "a.txt", "--db", db, cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "secret" not in run.stderr
    assert run.stderr.startswith("marsad: cannot open the store") and len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("db", ["notes.db", "missing.db", "postgresql://marsad:secret@127.0.0.1:1/marsad"])
def test_serve_refuses_what_is_no_store(tmp_path: Path, db: str) -> None:
    (tmp_path / "notes.db").write_text("plain text, no database", encoding="utf-8")
    run = marsad("serve", "--db", db, cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "secret" not in run.stderr
    assert run.stderr.startswith("marsad: cannot serve") and len(run.stderr.strip().splitlines()) == 1


def test_watch_publishes_each_round_with_new_articles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    run = marsad("watch", "in", "--db", "m.db", "--rounds", "2", "--every", "1", "--engine", "local", cwd=tmp_path)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "round 1: 1 new articles" in run.stderr and "round 2" not in run.stderr  # nothing new the second time
    exported = marsad("export", "--db", "m.db", "--json", "out.json", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["articles"]) == 1


def test_strict_makes_a_problem_fatal(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    run = marsad("analyze", tmp_path / "in", "--strict", cwd=tmp_path)
    assert run.returncode == 2 and "b.txt" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["schema", "--help"], ["export", "--help"]])
def test_help_everywhere(tmp_path: Path, args: list[str]) -> None:
    run = marsad(*args, cwd=tmp_path)
    assert run.returncode == 0 and "Usage" in run.stdout


def test_eval_ner_prints_micro_and_per_type(shared: Path, tmp_path: Path) -> None:
    run = marsad("eval", "ner", "--conll", shared / "data" / "anercorp" / "test_data.txt", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = {line.split()[0]: line.split() for line in run.stdout.splitlines() if line.strip()}
    assert {"PER", "ORG", "LOC", "MISC", "micro"} <= set(lines)
    assert float(lines["micro"][3]) >= 0.82


def test_a_setting_changes_the_run_and_a_bad_one_is_a_usage_error(tmp_path: Path) -> None:
    def events(*settings: str) -> int:
        db = tmp_path / f"{len(settings)}.db"
        run = marsad("analyze", EXAMPLES, "--json", db.with_suffix(".json"), "--db", db, "-q", *settings,
                     cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        return len(json.loads(db.with_suffix(".json").read_text(encoding="utf-8"))["events"])

    default = events()
    assert events("--set", "events.threshold=0.99", "--set", "duplicates.threshold=1.0") > default
    bad = marsad("analyze", EXAMPLES, "--set", "events.nothing=1", cwd=tmp_path)
    assert bad.returncode == 2 and "events.nothing" in bad.stderr and "Traceback" not in bad.stderr


def test_settings_from_a_toml_file_and_the_list_of_settings(tmp_path: Path) -> None:
    (tmp_path / "run.toml").write_text("[summary]\ntarget_words = 40\n", encoding="utf-8")
    run = marsad("analyze", EXAMPLES, "--settings", "run.toml", "--json", "a.json", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    listed = marsad("settings", cwd=tmp_path)
    assert listed.returncode == 0 and "summary.target_words = 110" in listed.stdout


def test_explain_prints_the_rules_that_fired(tmp_path: Path) -> None:
    run = marsad("analyze", EXAMPLES, "--explain", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    counts = dict(line.split()[::-1] for line in run.stdout.splitlines() if line.strip())
    assert int(counts["quotes.speech_verb"]) > 0 and int(counts["time.date_phrase"]) > 0


def test_an_unchanged_rerun_is_a_no_op_that_still_writes_the_outputs(tmp_path: Path) -> None:
    first = marsad("analyze", EXAMPLES, "--json", "a.json", cwd=tmp_path)
    again = marsad("analyze", EXAMPLES, "--json", "b.json", "--html", "b.html", cwd=tmp_path)
    assert first.returncode == 0 and again.returncode == 0, again.stderr
    assert "the stored analysis is current" in again.stderr
    before, after = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("a.json", "b.json"))
    assert before == after and (tmp_path / "b.html").stat().st_size > 0


def test_the_progress_total_is_counted_on_a_side_thread(tmp_path: Path) -> None:
    import threading

    from marsad.cli import _count_inputs

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    totals: list[int] = []
    done = threading.Event()
    _count_inputs((tmp_path,), lambda n: (totals.append(n), done.set()))
    assert done.wait(30) and totals == [2]


def test_export_writes_one_story_of_the_stored_analysis(tmp_path: Path) -> None:
    assert marsad("analyze", EXAMPLES, "--json", "all.json", cwd=tmp_path).returncode == 0
    whole = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    story = whole["stories"][0]["id"]
    run = marsad("export", "--story", story, "--json", "one.json", "--html", "one.html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    jsonschema.validate(one, schema(tmp_path))
    assert [s["id"] for s in one["stories"]] == [story] and 0 < len(one["articles"]) < len(whole["articles"])
    missing = marsad("export", "--story", "s999", "--json", "x.json", cwd=tmp_path)
    assert missing.returncode == 2 and "s999" in missing.stderr and "Traceback" not in missing.stderr


def test_the_json_is_written_an_item_at_a_time_as_the_whole_analysis_reads(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """`analyze --json` writes the document an item at a time, never the analysis converted whole and held as one
    JSON text: byte for byte what `json.dumps` of the whole gives."""
    from click.testing import CliRunner

    import marsad.cli as cli
    from marsad.export.analysis import to_document
    from marsad.pipeline import analyze
    from marsad.store import SQLiteStore

    monkeypatch.setattr(cli, "to_document", lambda analysis: pytest.fail("the analysis converted whole"))
    run = CliRunner().invoke(cli.main, ["analyze", str(EXAMPLES), "--json", str(tmp_path / "a.json"),
                                        "--db", str(tmp_path / "a.db"), "--workers", "1", "-q"])
    assert run.exit_code == 0, run.output
    with SQLiteStore(tmp_path / "b.db") as store:
        whole = json.dumps(to_document(analyze([EXAMPLES], store)), ensure_ascii=False, indent=1)
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == whole
