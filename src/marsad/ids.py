"""Ids that stay the same from one run to the next over a growing store.

A corpus stage redone over the whole store numbers what it finds in its own order (entities by first mention,
stories by their first event), and a new article can add or split something anywhere in that order. Each found
group (an entity's spellings, a story's events) instead takes the id of the earlier group it overlaps most: the
biggest group first, a tie to the older id, each earlier id to one group at most; a group that overlaps none gets
the next free number. Links to `/entities/eN` or `/stories/sN` keep working.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

Held = Mapping[str, Mapping[str, int]]  # a member (a spelling, an event) -> {earlier id: how often it held it}


def overlap_ids(groups: Sequence[Counter[str]], held: Held, next_number: int, prefix: str) -> tuple[list[str], int]:
    """An id for each group (its members counted), in order, and the next free number."""
    claimed: dict[int, str] = {}
    taken: set[str] = set()
    for index in sorted(range(len(groups)), key=lambda i: -groups[i].total()):
        votes: Counter[str] = Counter()
        for member, count in groups[index].items():
            for known, before in held.get(member, {}).items():
                votes[known] += min(count, before)
        for known in sorted(votes, key=lambda k: (-votes[k], id_number(k))):
            if known not in taken:
                claimed[index] = known
                taken.add(known)
                break
    ids = []
    for index in range(len(groups)):
        if index not in claimed:
            claimed[index] = f"{prefix}{next_number}"
            next_number += 1
        ids.append(claimed[index])
    return ids, next_number


def holders(groups: Sequence[Counter[str]], ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """What to remember for the next run: for each member, the ids of the groups holding it, with how often."""
    held: dict[str, dict[str, int]] = {}
    for group, group_id in zip(groups, ids, strict=True):
        for member, count in group.items():
            held.setdefault(member, {})[group_id] = count
    return held


def id_number(item_id: str) -> int:
    """The number of an id (e12 -> 12, s3 -> 3): its place in the order of the run that numbered it."""
    return int(item_id[1:])
