"""Work handed to an engine a piece at a time, mapped from a side thread while the caller goes on."""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from queue import SimpleQueue
from types import TracebackType
from typing import Any, Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Result = TypeVar("Result")
Engine = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]

_END = object()  # no more items


class Stream(Generic[Key, Result]):
    """`function` mapped on an `engine` over items handed in one at a time (`put`), from a side thread: the
    engine's workers start on the first items while the caller is still making the others. `results` ends the
    stream and gives each key's result (of a key handed in twice, its last item's). Used as a context manager, the
    stream is ended however the block is left."""

    def __init__(self, engine: Engine, function: Callable[[Any], Result]) -> None:
        self._items: SimpleQueue[Any] = SimpleQueue()
        self._keys: list[Key] = []  # the keys of the items the engine has taken, in order
        self._results: dict[Key, Result] = {}
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._map, args=(engine, function), daemon=True)
        self._thread.start()

    def put(self, key: Key, item: Any) -> None:
        self._items.put((key, item))

    def results(self) -> dict[Key, Result]:
        """Each key's result, once every item handed in is done; what failed on the engine is raised here."""
        self.close()
        if self._error is not None:
            raise self._error
        return self._results

    def close(self) -> None:
        """End the stream, once what was handed in is done."""
        if self._thread.is_alive():
            self._items.put(_END)
            self._thread.join()

    def _handed(self) -> Iterator[Any]:
        while (entry := self._items.get()) is not _END:
            self._keys.append(entry[0])
            yield entry[1]

    def _map(self, engine: Engine, function: Callable[[Any], Result]) -> None:
        try:
            for number, result in enumerate(engine(function, self._handed())):  # results come in input order
                self._results[self._keys[number]] = result
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by `results`
            self._error = exc

    def __enter__(self) -> Stream[Key, Result]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
