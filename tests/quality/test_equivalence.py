"""The output stays what `equivalence.json` records unless a commit changes it on purpose (and records it again)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.quality.equivalence import RECORD, current_digests, layer_digests


def test_output_is_the_recorded_one(shared: Path) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = current_digests(shared)
    if not now:
        pytest.skip("none of the fixed inputs is present")
    changed = {name: sorted(k for k in set(digests) | set(recorded.get(name, {}))
                            if digests.get(k) != recorded.get(name, {}).get(k))
               for name, digests in now.items()}
    changed = {name: layers for name, layers in changed.items() if layers}
    assert not changed, ("the analysis changed (input: layers); if on purpose, record it with "
                         f"`python -m tests.quality.equivalence --update` and say why in the commit: {changed}")


def test_a_layer_digest_names_the_layer_that_changed() -> None:
    before = layer_digests({"events": [{"id": "v1"}], "claims": [{"id": "c1", "text": "أ"}]})
    after = layer_digests({"events": [{"id": "v1"}], "claims": [{"id": "c1", "text": "ب"}]})
    assert before["events"] == after["events"] and before["claims"] != after["claims"]
