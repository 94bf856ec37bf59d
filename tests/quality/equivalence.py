"""What the analysis is, layer by layer, on fixed inputs: a digest to tell a refactoring from a change of output.

The inputs are the seeds, dev1 and dev2 of ../shared/eval and the first 2,000 SaudiNewsNet articles that have text.
Each layer of the `marsad.analysis/v1` document (entities, events, claims ...) is hashed on its own, so a
difference names the layers it touches. `test_equivalence.py` compares the current output with the recorded
digests in `equivalence.json`; a commit that changes the output on purpose records them again, and says why:

    .venv/bin/python -m tests.quality.equivalence --update
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from itertools import islice
from pathlib import Path

from tests.quality.corpora import ROOT, SHARED, development_corpora, saudinewsnet_records

FIXED_CORPORA = ("seeds", "dev1", "dev2")
RECORD = Path(__file__).with_name("equivalence.json")
SAUDINEWSNET_ARTICLES = 2000


def layer_digests(analysis: dict) -> dict[str, str]:
    """sha256 of each top-level layer of an analysis document, keys sorted; articles without their input path (it
    names a temporary folder)."""
    analysis = {**analysis, "articles": [{k: v for k, v in a.items() if k != "path"}
                                         for a in analysis.get("articles", [])]}
    return {layer: hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
            for layer, value in sorted(analysis.items())}


def saudinewsnet_sample(folder: Path, out: Path, limit: int = SAUDINEWSNET_ARTICLES) -> Path:
    """The first `limit` SaudiNewsNet articles with text (days in order), written as one JSON array file."""
    records = islice((r for r in saudinewsnet_records(folder) if (r.get("content") or "").strip()), limit)
    out.mkdir(parents=True, exist_ok=True)
    (out / "saudinewsnet.json").write_text(json.dumps(list(records), ensure_ascii=False), encoding="utf-8")
    return out


def inputs(shared: Path, work: Path) -> dict[str, Path]:
    """The fixed inputs that are present: name -> folder to analyse."""
    found = {name: corpus for name, (corpus, _) in development_corpora(shared).items() if name in FIXED_CORPORA}
    if (shared / "data" / "saudinewsnet").is_dir():
        found["saudinewsnet2000"] = saudinewsnet_sample(shared / "data" / "saudinewsnet", work / "saudinewsnet")
    return found


def analyse(corpus: Path, work: Path) -> dict:
    """The analysis document of `corpus`, made in a fresh store."""
    out = work / "analysis.json"
    run = subprocess.run([sys.executable, "-m", "marsad", "analyze", str(corpus), "--json", str(out), "--db",
                          str(work / "marsad.db"), "-q"], capture_output=True, text=True, timeout=1200)
    if run.returncode != 0:
        raise RuntimeError(f"marsad analyze {corpus} failed: {run.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def current_digests(shared: Path = SHARED) -> dict[str, dict[str, str]]:
    """Layer digests of every fixed input, analysed now."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        digests = {}
        for name, corpus in inputs(shared, work).items():
            (work / name).mkdir(exist_ok=True)
            digests[name] = layer_digests(analyse(corpus, work / name))
        return digests


def main(argv: list[str]) -> None:
    digests = current_digests()
    if "--update" in argv:
        RECORD.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {RECORD.relative_to(ROOT)}")
    else:
        print(json.dumps(digests, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])
