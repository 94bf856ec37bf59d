"""Objects built from shipped model files, kept between processes.

Reading the CRF model's dump, the word-cluster table and the background counts into their in-memory forms costs
every process about two seconds, which a monitor pays on every cycle. `built` keeps a pickle of the object made,
named after what it is made from: the package's files (code and models, by path, size and modification time) and
any other source files given, so an upgrade, an edit or another model file makes it anew. The pickles live under
`$MARSAD_CACHE`, else the user's cache folder (`$XDG_CACHE_HOME/marsad` or `~/.cache/marsad`); a cache that cannot
be read or written is passed over and the object is built as before. Nothing is fetched: the cache only holds
what the installed package made.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

from marsad.resources import PACKAGE_DIR

T = TypeVar("T")
CACHE_ENV = "MARSAD_CACHE"


def built(name: str, build: Callable[[], T], sources: Iterable[Path] = ()) -> T:
    """The object `build` makes, read from the cache when the same package and `sources` made it before."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(name, sources)}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # noqa: S301 (written by this package, in the user's own cache)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    made = build()
    _store(folder, name, path, made)
    return made


def cache_folder() -> Path | None:
    """Where the pickles are kept; None when no folder can be named (no home directory)."""
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # Path.home() when the user has none
        return None
    return Path(base) / "marsad"


def _key(name: str, sources: Iterable[Path]) -> str:
    material = [name, package_fingerprint()]
    for source in sources:
        stat = source.stat()
        material.append(f"{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(material).encode("utf-8")).hexdigest()[:24]


def _store(folder: Path, name: str, path: Path, made: object) -> None:
    """Write the pickle atomically and remove this name's older ones; any failure leaves the cache as it was."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as f:
            written = Path(f.name)
            try:
                pickle.dump(made, f, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                written.unlink(missing_ok=True)
                raise
        os.replace(written, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


@cache
def package_fingerprint() -> str:
    """The package's files (code, models) by path, size and modification time: changes with any upgrade or edit."""
    listing = sorted(f"{p.relative_to(PACKAGE_DIR)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
                     for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return hashlib.sha256("\n".join(listing).encode("utf-8")).hexdigest()
