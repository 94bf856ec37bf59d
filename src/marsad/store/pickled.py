"""States kept pickled in the store: a state written by another version of marsad may no longer load."""
from __future__ import annotations

import pickle
from typing import Any

STALE = (pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError, EOFError, IndexError)


def loads_or_none(data: bytes) -> Any | None:
    """The state, or None when it was written by a version whose classes have changed shape since: every state
    is something a run can make again (a cache, a clustering state that is rebuilt when missing)."""
    try:
        return pickle.loads(data)
    except STALE:
        return None
