"""The exception tree. Bad *content* is never raised: readers return `Rejected(path, reason)` and go on.

    MarsadError
    ├── ConfigError       a bad option or setting, with the bad value
    ├── InputError        a problem with input as a whole (no article could be read), with the path
    ├── StoreError        a store that cannot be opened (not a database, a folder, a server out of reach)
    └── EngineError       the engine lost a worker (killed, out of memory): what was stored is kept
"""
from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class ConfigError(MarsadError):
    """A setting or option with an invalid value."""


class InputError(MarsadError):
    """Input that cannot be processed at all, naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(MarsadError):
    """A store that cannot be opened or read, naming it (a PostgreSQL DSN without its password)."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason


class EngineError(MarsadError):
    """A worker died under the engine; the articles stored before it are kept, so a re-run goes on from there."""
