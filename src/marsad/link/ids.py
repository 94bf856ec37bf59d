"""Entity ids that stay the same from one run to the next over a growing store.

Linking is redone over the whole corpus each run, and its entities come out numbered in order of first mention;
a new article can add an entity anywhere in that order. `EntityIds` keeps, in the store, which ids each spelling
was given last run and how many mentions it had under each: an entity takes the id of the old entity it overlaps
most, mention for mention (the biggest entity first when two claim one id), and only an entity none of whose
spellings was known gets a new number. Links to `/entities/eN` keep working.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.types import Entity

STATE_NAME = "entity_ids"


@dataclass(slots=True)
class EntityIds:
    """For each spelling (an entity's name or alias), the ids of the last run's entities that wrote it, with how
    many of their mentions did; and the next free number."""

    by_spelling: dict[str, dict[str, int]] = field(default_factory=dict)
    next_number: int = 1

    def assign(self, entities: Sequence[Entity]) -> list[Entity]:
        """The entities (in their order) with stable ids; remembers their spellings for the next run."""
        spellings = [_spellings(entity) for entity in entities]
        claimed: dict[int, str] = {}
        taken: set[str] = set()
        for index in sorted(range(len(entities)), key=lambda i: -len(entities[i].mentions)):
            votes = self._votes(spellings[index])
            for known in sorted(votes, key=lambda i: (-votes[i], id_number(i))):  # a tie: the older id
                if known not in taken:
                    claimed[index] = known
                    taken.add(known)
                    break
        stable = []
        for index, entity in enumerate(entities):
            if index not in claimed:
                claimed[index] = f"e{self.next_number}"
                self.next_number += 1
            stable.append(replace(entity, id=claimed[index]))
        self.by_spelling = {}
        for entity, counts in zip(stable, spellings, strict=True):
            for spelling, count in counts.items():
                self.by_spelling.setdefault(spelling, {})[entity.id] = count
        return stable

    def _votes(self, spellings: Counter[str]) -> Counter[str]:
        """How many of an entity's mentions (counted by spelling) each stored id held last run: the id of the old
        entity it overlaps most."""
        votes: Counter[str] = Counter()
        for spelling, count in spellings.items():
            held = self.by_spelling.get(spelling, {})
            if isinstance(held, tuple):  # a state kept before counts were: most recent holder first
                held = {known: 3 - rank for rank, known in enumerate(held)}
            for known, before in held.items():
                votes[known] += min(count, before)
        return votes


def id_number(entity_id: str) -> int:
    """The number of an entity id (e12 -> 12): entities in order of first mention in the run that numbered them."""
    return int(entity_id[1:])


def _spellings(entity: Entity) -> Counter[str]:
    """How many of its mentions write each of its spellings (a name or alias with none counts once)."""
    counts = Counter(mention.text for mention in entity.mentions)
    counts.update(spelling for spelling in {entity.name, *entity.aliases} if spelling not in counts)
    return counts
