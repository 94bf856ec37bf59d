"""Stage settings: documented defaults, changed per run from --set or a TOML file, checked by name and type."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.pipeline import process_document
from marsad.settings import Settings, SettingsError, known_settings, load_settings, parse_assignments
from marsad.types import RawDocument


def test_defaults_are_listed_by_stage_and_name() -> None:
    known = known_settings()
    assert known["events.threshold"] == Settings().events.threshold
    assert all("." in name for name in known)


def test_a_value_from_the_command_line_takes_the_default_type() -> None:
    settings = load_settings(None, parse_assignments(["events.threshold=0.3", "summary.target_words=80"]))
    assert settings.events.threshold == 0.3 and settings.summary.target_words == 80
    assert settings.stories == Settings().stories  # untouched sections stay as they were


def test_a_toml_file_then_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "run.toml"
    path.write_text("[events]\nthreshold = 0.25\nwindow_days = 2\n", encoding="utf-8")
    settings = load_settings(path, {"events.window_days": "5"})
    assert (settings.events.threshold, settings.events.window_days) == (0.25, 5)


@pytest.mark.parametrize("assignment", ["events.nothing=1", "nowhere.threshold=1", "events.window_days=soon"])
def test_unknown_names_and_wrong_types_are_errors(assignment: str) -> None:
    with pytest.raises(SettingsError):
        load_settings(None, parse_assignments([assignment]))


def test_an_assignment_needs_a_section_and_a_value() -> None:
    with pytest.raises(SettingsError):
        parse_assignments(["threshold"])


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Settings().events.threshold = 0.5  # type: ignore[misc]


def test_per_article_settings_reach_the_stages() -> None:
    body = "وقال المدير العام للشركة: \"سنفتتح ثلاثة فروع جديدة في الإسكندرية قبل نهاية العام\"."
    raw = RawDocument("a1", "a1.txt", body, "text")
    default = process_document(raw)
    strict = process_document(raw, load_settings(None, {"quotes.min_direct_words": "30"}))
    assert any(q["kind"] == "direct" for q in default.records["quotes"])
    assert not any(q["kind"] == "direct" for q in strict.records["quotes"])
