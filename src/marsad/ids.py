"""Ids that stay the same from one run to the next over a growing store.

A corpus stage redone over the whole store numbers what it finds in its own order (entities by first mention,
stories by their first event), and a new article can add or split something anywhere in that order. Each found
group (an entity's spellings, a story's events) instead takes the id of the earlier group it overlaps most: the
biggest group first, a tie to the older id, each earlier id to one group at most; a group that overlaps none gets
the next free number. Links to `/entities/eN` or `/stories/sN` keep working.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

Held = Mapping[str, Mapping[str, int]]  # a member (a spelling, an event) -> {earlier id: how often it held it}


def overlap_ids(groups: Sequence[Counter[str]], held: Held, next_number: int, prefix: str,
                memo: IdMemo | None = None) -> tuple[list[str], int]:
    """An id for each group (its members counted), in order, and the next free number (`memo`: what the same
    process's last assignment counted, reused for the groups it saw)."""
    ranked = memo.ranked(groups, held) if memo else [_ranked(group, held) for group in groups]
    claimed: dict[int, str] = {}
    taken: set[str] = set()
    for index in sorted(range(len(groups)), key=lambda i: -ranked[i][0]):
        for known in ranked[index][1]:
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


def _ranked(group: Counter[str], held: Held) -> tuple[int, list[str]]:
    """A group's size, and the earlier ids its members held, most overlapping first (then the older)."""
    votes: Counter[str] = Counter()
    for member, count in group.items():
        for known, before in held.get(member, {}).items():
            votes[known] += min(count, before)
    return group.total(), sorted(votes, key=lambda k: (-votes[k], id_number(k)))


def holders(groups: Sequence[Counter[str]], ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """What to remember for the next run: for each member, the ids of the groups holding it, with how often."""
    held: dict[str, dict[str, int]] = {}
    for group, group_id in zip(groups, ids, strict=True):
        for member, count in group.items():
            held.setdefault(member, {})[group_id] = count
    return held


class IdMemo:
    """What an assignment remembers for the next one in the same process, where most groups come back as the
    very objects they were (a group is never changed in place): each group's votes, the groups holding each
    member, and the id each group was given. The next assignment counts again only the groups new or holding a
    member whose entry of `held` changed, and updates `held` only for the groups given another id, new or gone:
    exactly what counting everything again gives."""

    def __init__(self) -> None:
        self._groups: dict[int, Counter[str]] = {}  # id(group) -> the group (held, so its id names no other)
        self._given: dict[int, str] = {}  # id(group) -> the id it was given
        self._votes: dict[int, tuple[int, list[str]]] = {}  # id(group) -> `_ranked` of it, while still right
        self._holding: dict[str, set[int]] = {}  # a member -> id() of the groups holding it
        self._held: Held | None = None  # the holders made last, which the next assignment must start from
        self._open = False  # votes counted for groups `holders` has not taken in yet (not held: ids may recur)

    def ranked(self, groups: Sequence[Counter[str]], held: Held) -> list[tuple[int, list[str]]]:
        """`_ranked` of each group, from memory where still right."""
        if held is not self._held or self._open:  # another start, or an assignment left unfinished
            self._votes.clear()
        self._open = True
        found = list(map(self._votes.get, map(id, groups)))
        for index in [index for index, votes in enumerate(found) if votes is None]:
            found[index] = self._votes[id(groups[index])] = _ranked(groups[index], held)
        return found  # type: ignore[return-value]

    def holders(self, groups: Sequence[Counter[str]], ids: Sequence[str], held: Held) -> dict[str, dict[str, int]]:
        """`holders`, made from `held` (what this memo made last) by the changes of the groups and their ids."""
        objects = dict(zip(map(id, groups), groups, strict=True))
        given = dict(zip(objects, ids, strict=True)) if len(objects) == len(groups) else {}
        if not given or held is not self._held:  # a group twice, or another start: counted anew
            made = holders(groups, ids)
            self._holding = {}
            changed: Iterable[str] = {*held, *made}  # every entry may have changed
            for key, group in objects.items():
                for member in group:
                    self._holding.setdefault(member, set()).add(key)
        else:
            before, now = self._groups, objects
            gone = [(before[key], known) for key, known in self._given.items() if given.get(key) != known]
            came = [(now[key], known) for key, known in given.items() if self._given.get(key) != known]
            entries = {member: dict(held.get(member, {})) for group, _ in (*gone, *came) for member in group}
            for group, known in gone:
                for member in group:
                    entries[member].pop(known, None)
            for group, known in came:
                for member, count in group.items():
                    entries[member][known] = count
            made = {**held, **entries}
            for member in [member for member, found in entries.items() if not found]:
                del made[member]
            for key in before.keys() - now.keys():
                for member in before[key]:
                    self._holding[member].discard(key)
            for key in now.keys() - before.keys():
                for member in now[key]:
                    self._holding.setdefault(member, set()).add(key)
            changed = entries
        stale = {key for member in changed for key in self._holding.get(member, ())}
        self._votes = {key: votes for key, votes in self._votes.items() if key in given and key not in stale}
        self._groups, self._given, self._held, self._open = objects, given, made, False
        return made


def id_number(item_id: str) -> int:
    """The number of an id (e12 -> 12, s3 -> 3): its place in the order of the run that numbered it."""
    return int(item_id[1:])
