"""Polling folders: a file is new or changed when its path, modification time or size differ from the last poll.

Only those files are read, with the metadata of the folder's `manifest.jsonl` applied as when reading the whole
folder; a new or changed manifest makes every file a candidate (the store's content hash then keeps only the
articles whose text or metadata really changed).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from marsad.ingest import read_inputs
from marsad.ingest.files import is_supported
from marsad.ingest.manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from marsad.types import RawDocument, Rejected

Signatures = dict[str, tuple[int, int]]  # path -> (mtime in ns, size)


def signatures(source: Path) -> Signatures:
    """Path, mtime and size of every readable file and manifest under `source` (or of `source` itself)."""
    files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
    out: Signatures = {}
    for path in files:
        if path.name.startswith(".") or not (is_supported(path.name) or path.name == MANIFEST_NAME):
            continue
        try:
            stat = path.stat()
        except OSError:  # removed while we looked
            continue
        out[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return out


def changed_documents(source: Path, now: Signatures, before: Signatures) -> Iterator[RawDocument | Rejected]:
    """The documents of new or changed files (of every file when a manifest is new or changed), in path order."""
    changed = {path for path, signature in now.items() if before.get(path) != signature}
    manifest_changed = any(Path(path).name == MANIFEST_NAME for path in changed)
    entries, problems = _manifests(source)
    if manifest_changed:  # reported once, not every round
        yield from problems
    for path in sorted(Path(p) for p in (now if manifest_changed else changed) if Path(p).name != MANIFEST_NAME):
        entry = entries.get(path.resolve())
        for item in read_inputs([path]):
            yield replace(item, **entry.meta) if entry and isinstance(item, RawDocument) else item


def _manifests(source: Path) -> tuple[dict[Path, ManifestEntry], list[Rejected]]:
    """Every manifest entry under a folder, keyed by the resolved file it describes, and the manifests' problems."""
    entries: dict[Path, ManifestEntry] = {}
    problems: list[Rejected] = []
    if source.is_dir():
        for manifest in sorted(source.rglob(MANIFEST_NAME)):
            found, bad = read_manifest(manifest)
            entries.update(found)
            problems.extend(bad)
    return entries, problems
