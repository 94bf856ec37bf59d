"""The lint: no rule, row, comment or test of ours carries a rare phrase of a development corpus.

Knowledge must hold for news we have not seen, so nothing in `src/` or `tests/` may be written from one of the
development corpora's sentences; a phrase that is rare in real news (absent from SaudiNewsNet) and present in a
development corpus shows where that happened. Broad public knowledge (famous names, institutions) is listed with
its reason in `dev_phrases_allowed.tsv`.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from tests.quality.dev_phrases import ROOT, Hit, allowed_phrases, phrases, rare_dev_phrases_in


@pytest.fixture(scope="module")
def hits(shared: Path) -> list[Hit]:
    if not (shared / "data" / "saudinewsnet").is_dir():
        pytest.skip("SaudiNewsNet not found: the lint needs it to tell rare phrases from common ones")
    return rare_dev_phrases_in([ROOT / "src", ROOT / "tests"], shared)


def test_no_rare_development_phrase_in_src_or_tests(hits: list[Hit]) -> None:
    allowed = allowed_phrases()
    found = sorted({(h.phrase, str(h.path.relative_to(ROOT))) for h in hits if h.phrase not in allowed})
    assert not found, ("rare phrases of the development corpora in our files (rewrite them in your own words, or add "
                       f"broad public knowledge to dev_phrases_allowed.tsv with its reason): {found}")


def test_phrases_are_three_word_runs_broken_by_punctuation_and_lone_letters() -> None:
    assert list(phrases("قال الوزير أمس، إن الوفد و ف ب وصل")) == ["قال الوزير امس"]
    assert list(phrases("أعلنت وزارة الصحة عن")) == ["اعلنت وزاره الصحه", "وزاره الصحه عن"]


def test_allow_list_rows_carry_a_reason() -> None:
    rows = [line.split("\t") for line in (ROOT / "tests" / "quality" / "dev_phrases_allowed.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert rows and all(len(row) == 2 and row[1].strip() for row in rows)
