"""Given-name variants: the keys that let linking compare only the names that may be one."""
from __future__ import annotations

from itertools import combinations

from marsad.link.variants import (
    given_name_groups,
    given_name_keys,
    listed_given_names,
    name_tokens,
    same_given_name,
)


def test_given_names_that_may_be_one_share_a_key() -> None:
    """Every pair `same_given_name` accepts shares a key, over the listed names, the variant table's forms and
    short and transcribed forms written here (so linking misses no pair by comparing only names sharing a key)."""
    written = ["محمد", "محمدي", "مح", "بيني", "بنيامين", "بنيمين", "جوزيف", "يوسف", "غانتس", "جانتس", "كانتس",
               "عبدالله", "عبد الله", "عبدالرحمن", "ابراهيم", "إبراهيم", "براهيم", "يحيى", "يحي"]
    names = sorted({*listed_given_names(), *given_name_groups(), *("".join(name_tokens(n)) for n in written)})
    assert len(names) > 300
    keys = {name: set(given_name_keys(name)) for name in names}
    joined = [(a, b) for a, b in combinations(names, 2) if same_given_name(a, b)]
    assert len(joined) > 100
    assert all(keys[a] & keys[b] for a, b in joined)


def test_given_names_far_apart_share_no_key() -> None:
    assert not set(given_name_keys("محمد")) & set(given_name_keys("سعود"))
