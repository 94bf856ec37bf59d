"""`manifest.jsonl` beside articles: one JSON object a line naming a file and its metadata."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from marsad.types import Rejected

MANIFEST_NAME = "manifest.jsonl"
FIELDS = ("id", "source", "published", "url", "title", "author")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: Path
    meta: dict[str, str]


def read_manifest(path: Path) -> tuple[dict[Path, ManifestEntry], list[Rejected]]:
    """Entries of a manifest keyed by the resolved file they describe, and one Rejected per bad line or missing file."""
    entries: dict[Path, ManifestEntry] = {}
    problems: list[Rejected] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return entries, [Rejected(str(path), f"cannot read manifest: {exc}")]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Rejected(where, f"malformed JSON line in manifest: {exc.msg}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("path"), str):
            problems.append(Rejected(where, "manifest line has no 'path'"))
            continue
        target = (path.parent / record["path"]).resolve()
        if not target.exists():
            problems.append(Rejected(str(path.parent / record["path"]), f"named in {where} but missing"))
            continue
        meta = {k: str(record[k]) for k in FIELDS if record.get(k) not in (None, "")}
        entries[target] = ManifestEntry(target, meta)
    return entries, problems
