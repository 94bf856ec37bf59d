"""Registered rules: named, counted when they fire, listed with zero until they do."""
from __future__ import annotations

import pytest

from marsad.rules import RuleSet, hit_counts


def test_a_registered_rule_counts_its_firings_only() -> None:
    rules = RuleSet("test.registry")

    @rules.rule("even")
    def even(n: int) -> bool:
        return n % 2 == 0

    before = hit_counts().get("test.registry.even", 0)
    assert [even(n) for n in range(5)] == [True, False, True, False, True]
    assert hit_counts()["test.registry.even"] == before + 3


def test_a_branch_counted_by_name_is_listed_from_its_first_use() -> None:
    rules = RuleSet("test.branches")
    rules.hit("comma", 2)
    rules.hit("comma")
    assert hit_counts()["test.branches.comma"] == 3 and rules.names == ["comma"]


def test_a_name_registered_twice_is_an_error() -> None:
    rules = RuleSet("test.twice")
    rules.rule("once")(lambda: None)
    with pytest.raises(ValueError):
        rules.rule("once")(lambda: None)
