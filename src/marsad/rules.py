"""Registered rules: every rule of a rule-based stage has a name, and each time it fires its counter goes up.

A stage keeps its rules in a `RuleSet` (as spaCy's `Matcher` keeps named patterns, or dateparser its ordered
strategies); a rule is registered with `@rules.rule("name")` on a function, or counted by name with
`rules.hit("name")` where a rule is a table row or a branch. `marsad analyze --explain` runs the stages in one
process and prints `hit_counts()` at the end: which rules fired, and how often, on the user's own articles.

Counting costs one dictionary increment per firing and is always on; counts are per process.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_HITS: Counter[str] = Counter()
_REGISTRY: dict[str, RuleSet] = {}


class RuleSet:
    """The named rules of one stage (`stage` is its name in the counts, e.g. `time`, `quotes`, `ner.phrases`)."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.names: list[str] = []  # in the order registered
        self._keys: dict[str, str] = {}  # name -> its counter key, `stage.name`
        _REGISTRY[stage] = self

    def rule(self, name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
        """Register a function as the rule `name`: each call that returns something other than None/False/[] is a
        hit."""
        key = self._add(name)

        def register(function: Callable[P, R]) -> Callable[P, R]:
            @wraps(function)
            def counted(*args: P.args, **kwargs: P.kwargs) -> R:
                result = function(*args, **kwargs)
                if result:
                    _HITS[key] += 1
                return result

            counted.rule_name = name  # type: ignore[attr-defined]
            return counted

        return register

    def register(self, *names: str) -> None:
        """Register rules counted by name (`hit`), so they are listed before they first fire."""
        for name in names:
            self._add(name)

    def hit(self, name: str, n: int = 1) -> None:
        """Count `n` firings of the rule `name` (registered on first use)."""
        key = self._keys.get(name) or self._add(name)
        _HITS[key] += n

    def _add(self, name: str) -> str:
        if name in self._keys:
            raise ValueError(f"rule {name!r} registered twice in {self.stage!r}")
        self.names.append(name)
        self._keys[name] = key = f"{self.stage}.{name}"
        return key


def rule_sets() -> dict[str, RuleSet]:
    """Every rule set registered so far, by stage."""
    return dict(_REGISTRY)


def hit_counts() -> dict[str, int]:
    """`stage.rule` -> firings in this process, for every registered rule (0 for those that never fired)."""
    names = {f"{s.stage}.{n}": 0 for s in _REGISTRY.values() for n in s.names}
    return {**names, **_HITS}


def reset_counts() -> None:
    """Set every counter back to zero."""
    _HITS.clear()
