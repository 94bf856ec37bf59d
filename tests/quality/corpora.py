"""Where the shared data lives, read one way for every quality check: the development corpora and SaudiNewsNet."""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def development_corpora(shared: Path = SHARED) -> dict[str, tuple[Path, Path]]:
    """Every development corpus with its answer key: the seeds and each `eval/NAME/` holding corpus/ and gold.json."""
    found = {"seeds": (shared / "seeds", shared / "eval" / "seeds.gold.json")}
    eval_dir = shared / "eval"
    for folder in sorted(eval_dir.iterdir()) if eval_dir.is_dir() else []:
        if (folder / "corpus").is_dir() and (folder / "gold.json").is_file():
            found[folder.name] = (folder / "corpus", folder / "gold.json")
    return {name: paths for name, paths in found.items() if paths[0].is_dir() and paths[1].is_file()}


def saudinewsnet_records(folder: Path) -> Iterator[dict]:
    """Every SaudiNewsNet article record (one zip a day, a JSON array in each), days in order."""
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield from json.loads(z.read(name))
