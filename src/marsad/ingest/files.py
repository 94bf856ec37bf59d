"""Files and folders to RawDocuments: dispatch by extension, archives opened, manifests applied."""
from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path, PurePosixPath

from marsad.ingest.decode import UndecodableError, decode_bytes
from marsad.ingest.manifest import MANIFEST_NAME, ManifestEntry, read_manifest
from marsad.ingest.records import read_feed, read_json, read_jsonl
from marsad.types import RawDocument, Rejected

Reader = Callable[[str, str, str], Iterator[RawDocument | Rejected]]

MAX_ARTICLE_BYTES = 5_000_000  # one article in a .txt or .html file; anything bigger is not an article
MAX_BATCH_BYTES = 500_000_000  # a JSON, JSON lines or feed file, or an archive
MAX_NESTING = 8  # archives inside archives; deeper is a zip quine or a bomb, not a corpus
# What zipfile raises on a broken or unreadable member: corrupt deflate data (zlib.error), an unsupported method
# (NotImplementedError), an encrypted member (RuntimeError), bad offsets (ValueError) besides its own BadZipFile.
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError)


def _single(fmt: str) -> Reader:
    def read(text: str, path: str, stem: str) -> Iterator[RawDocument | Rejected]:
        if not text.strip():
            yield Rejected(path, "empty file")
        else:
            yield RawDocument(id=stem, path=path, body=text, format=fmt)
    return read


READERS: dict[str, Reader] = {
    ".txt": _single("text"), ".text": _single("text"),
    ".html": _single("html"), ".htm": _single("html"),
    ".json": read_json, ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
}
ARCHIVES = (".zip", ".gz")


def is_supported(name: str) -> bool:
    """Whether a file name has an extension marsad reads."""
    suffix = PurePosixPath(name.lower()).suffix
    return suffix in READERS or suffix in ARCHIVES


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawDocument | Rejected]:
    """Every article in the given files and folders (recursively), or a Rejected per problem."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _read_folder(path)
        elif path.is_file():
            yield from _read_file(path, None)
        else:
            yield Rejected(str(path), "no such file or folder")


def _read_folder(folder: Path) -> Iterator[RawDocument | Rejected]:
    manifests: dict[Path, ManifestEntry] = {}
    for manifest in sorted(folder.rglob(MANIFEST_NAME)):
        entries, problems = read_manifest(manifest)
        manifests.update(entries)
        yield from problems
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == MANIFEST_NAME or path.name.startswith("."):
            continue
        if not is_supported(path.name):
            if path.resolve() in manifests:
                yield Rejected(str(path), f"unsupported file type '{path.suffix}'")
            continue
        yield from _read_file(path, manifests.get(path.resolve()))


def _read_file(path: Path, entry: ManifestEntry | None) -> Iterator[RawDocument | Rejected]:
    suffix = path.suffix.lower()
    limit = MAX_ARTICLE_BYTES if suffix in (".txt", ".text", ".html", ".htm") else MAX_BATCH_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            yield Rejected(str(path), f"too large for a {suffix} input ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(str(path), f"cannot read: {exc.strerror or exc}")
        return
    for item in read_bytes(data, path.name, str(path)):
        yield _apply_manifest(item, entry) if entry and isinstance(item, RawDocument) else item


def read_bytes(data: bytes, name: str, where: str, depth: int = 0) -> Iterator[RawDocument | Rejected]:
    """Articles in one file's bytes, chosen by the extension of `name`; archives are opened recursively
    (at most MAX_NESTING deep, each member at most MAX_BATCH_BYTES unpacked)."""
    suffix = PurePosixPath(name.lower()).suffix
    stem = PurePosixPath(name).stem
    if suffix in ARCHIVES and depth >= MAX_NESTING:
        yield Rejected(where, f"archives nested more than {MAX_NESTING} deep")
        return
    if suffix == ".zip":
        yield from _read_zip(data, where, depth)
        return
    if suffix == ".gz":
        try:
            inner = _gunzip(data)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            yield Rejected(where, f"broken gzip archive: {exc}")
            return
        yield from read_bytes(inner, stem, f"{where}!{stem}", depth + 1)
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield Rejected(where, f"unsupported file type '{suffix or name}'")
        return
    try:
        text = decode_bytes(data)
    except UndecodableError as exc:
        yield Rejected(where, str(exc))
        return
    yield from reader(text, where, stem)


def _gunzip(data: bytes, limit: int | None = None) -> bytes:
    """Decompress gzip data, refusing (ValueError) output past `limit` bytes instead of exhausting memory."""
    limit = MAX_BATCH_BYTES if limit is None else limit
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(limit + 1)
    if len(out) > limit:
        raise ValueError(f"unpacks to more than {limit / 1e6:.0f} MB")
    return out


def _read_zip(data: bytes, where: str, depth: int) -> Iterator[RawDocument | Rejected]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except _ZIP_ERRORS as exc:
        yield Rejected(where, f"broken zip archive: {exc}")
        return
    for member in sorted(members, key=lambda m: m.filename):
        if not is_supported(member.filename) or PurePosixPath(member.filename).name.startswith("."):
            continue
        if member.file_size > MAX_BATCH_BYTES:
            yield Rejected(f"{where}!{member.filename}", "archive member too large")
            continue
        try:
            inner = archive.read(member)
        except _ZIP_ERRORS as exc:
            yield Rejected(f"{where}!{member.filename}", f"unreadable archive member: {exc}")
            continue
        yield from read_bytes(inner, member.filename, f"{where}!{member.filename}", depth + 1)


def _apply_manifest(doc: RawDocument, entry: ManifestEntry) -> RawDocument:
    """Manifest metadata supplies or overrides what the file itself said."""
    return replace(doc, **entry.meta)
