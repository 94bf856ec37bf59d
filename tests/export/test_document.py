"""The analysis document's items: a story's row stands for everything it is made of."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from marsad.export.analysis import document_items, to_document
from marsad.pipeline import analyze
from marsad.store import SQLiteStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_a_story_row_is_kept_while_its_events_summaries_and_figures_are_the_same(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        analysis = analyze([EXAMPLES], store)
    made: dict = {}
    first = document_items(analysis, made)[0]["stories"]
    assert document_items(analysis, made)[0]["stories"] == first  # the very same rows
    assert all(a is b for a, b in zip(document_items(analysis, made)[0]["stories"], first, strict=True))
    told = first[0].story.events[0]
    summaries = tuple(replace(s) if s.event == told else s for s in analysis.summaries)  # one summary made anew
    again, convert = document_items(replace(analysis, summaries=summaries), made)
    assert again["stories"][0] is not first[0]
    assert all(a is b for a, b in zip(again["stories"][1:], first[1:], strict=True))
    assert convert["stories"](again["stories"][0]) == to_document(analysis)["stories"][0]
    assert [row.story for row in document_items(analysis)[0]["stories"]] == list(analysis.stories)
