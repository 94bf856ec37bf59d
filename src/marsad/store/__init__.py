"""The store: articles and per-article stage results, so re-runs skip what is done."""
from marsad.store.sqlite import SQLiteStore, content_hash

__all__ = ["SQLiteStore", "content_hash"]
