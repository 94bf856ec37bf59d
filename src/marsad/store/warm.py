"""A store that a long-running writer (`marsad watch`) keeps warm between rounds.

Every run of the pipeline reads its states (the event clusterer, each event's comparison, the entity ids, the
Latin names ...) and the whole stored corpus back from the store. `WarmStore` wraps a store and keeps, for the
process that owns it, the states it read or wrote and the corpus it loaded, so a round unpickles and parses only
what changed: the articles stored since (read back by id) and the states no run of this process has touched yet;
a round at 4,000 stored articles costs about a quarter less. A stage may also keep in `memory` what it made last
round and can only build on in this process (the entity linker, `link.linker`). Everything else passes through to
the wrapped store, which stays the record: every write goes to it as before.

This holds while the process is the store's only writer, as a watcher is. `check` drops what is kept when the
store's revision is not the one this process last saw (another process stored articles meanwhile); the pipeline
calls it before each run.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from marsad.store.base import Store
from marsad.store.sqlite import Processed
from marsad.types import Article

Spans = dict[str, dict[str, list[Any]]]  # stage -> article id -> its spans
ReadCorpus = Callable[[Collection[str] | None], tuple[list[Article], Spans]]  # ids (None: all) -> their corpus


class WarmStore:
    """`store` with its states and its loaded corpus kept in memory between runs (see the module's notes)."""

    def __init__(self, store: Store, revision: str) -> None:
        self.inner = store
        self._revision = revision  # the state every run that stores articles raises
        self._states: dict[str, Any] = {}
        self._prefixes: set[str] = set()  # prefixes whose states are all in `_states`
        self._articles: dict[str, Article] | None = None  # in the order first stored
        self._spans: Spans = {}
        self._stored: set[str] = set()  # articles stored since the corpus was kept
        self._hashes: dict[str, str] | None = None  # every stored article's content hash, once read
        self.memory: dict[str, Any] = {}  # what a stage keeps of its last round in this process alone (never stored)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __enter__(self) -> WarmStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.inner.close()

    def check(self) -> None:
        """Drop what is kept when another process changed the store's corpus since this one last did."""
        if self._states.get(self._revision) != self.inner.get_state(self._revision):
            self.forget()

    def forget(self) -> None:
        """Keep nothing: the next reads come from the store."""
        self._states.clear()
        self._prefixes.clear()
        self._articles, self._spans, self._stored, self._hashes = None, {}, set(), None
        self.memory.clear()

    def get_state(self, name: str) -> Any | None:
        if name not in self._states and not any(name.startswith(prefix) for prefix in self._prefixes):
            self._states[name] = self.inner.get_state(name)
        return self._states.get(name)

    def get_states(self, prefix: str) -> dict[str, Any]:
        if prefix not in self._prefixes:
            self._states.update(self.inner.get_states(prefix))
            self._prefixes.add(prefix)
        return {name: value for name, value in self._states.items() if name.startswith(prefix) and value is not None}

    def put_state(self, name: str, value: Any) -> None:
        self.inner.put_state(name, value)
        self._states[name] = value

    def put_states(self, values: Mapping[str, Any]) -> None:
        self.inner.put_states(values)
        self._states.update(values)

    def put_processed(self, batch: Iterable[Processed]) -> None:
        batch = list(batch)
        self.inner.put_processed(batch)
        self._stored.update(article.id for article, _, _ in batch)
        if self._hashes is not None:
            self._hashes.update((article.id, digest) for article, digest, _ in batch)

    def content_hashes(self) -> dict[str, str]:
        """Every stored article's content hash, by id: read once, then kept up to date with what is stored."""
        if self._hashes is None:
            self._hashes = self.inner.content_hashes()
        return self._hashes

    def put_annotation(self, article_id: str, stage: str, data: Any) -> None:
        self.inner.put_annotation(article_id, stage, data)
        self._stored.add(article_id)  # read back with the rest of its spans

    def keep_marked(self, articles: Iterable[Article]) -> None:
        """Keep these articles as a run marked them (near-duplicates with their originals): the corpus gives them
        back so, and a next run that marks them alike keeps the very objects (their rows told unchanged by
        identity)."""
        if self._articles is not None:
            self._articles.update((article.id, article) for article in articles if article.id in self._articles)

    def corpus(self, read: ReadCorpus) -> tuple[list[Article], Spans]:
        """Every stored article in the order first stored, with its spans by stage: `read` (a reader over the
        wrapped store) is asked for all of them the first time, then for those stored since."""
        if self._articles is None:
            articles, self._spans = read(None)
            self._articles = {article.id: article for article in articles}
        elif self._stored:
            articles, spans = read(self._stored)
            self._articles.update((article.id, article) for article in articles)  # a known id keeps its place
            for stage, found in spans.items():
                self._spans.setdefault(stage, {}).update(found)
        self._stored = set()
        return list(self._articles.values()), {stage: dict(found) for stage, found in self._spans.items()}
