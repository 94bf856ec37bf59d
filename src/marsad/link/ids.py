"""Entity ids that stay the same from one run to the next over a growing store.

Linking is redone over the whole corpus each run, and its entities come out numbered in order of first mention;
a new article can add an entity anywhere in that order. `EntityIds` keeps, in the store, the id each spelling was
last given: an entity takes the id most of its spellings had (the biggest entity first when two claim one id), and
only an entity none of whose spellings was known gets a new number. Links to `/entities/eN` keep working.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.types import Entity

STATE_NAME = "entity_ids"


@dataclass(slots=True)
class EntityIds:
    """The ids each spelling (an entity's name or alias) was given, and the next free number."""

    by_spelling: dict[str, tuple[str, ...]] = field(default_factory=dict)
    next_number: int = 1

    def assign(self, entities: Sequence[Entity]) -> list[Entity]:
        """The entities (in their order) with stable ids; remembers their spellings for the next run."""
        claimed: dict[int, str] = {}
        taken: set[str] = set()
        for index in sorted(range(len(entities)), key=lambda i: -len(entities[i].mentions)):
            votes = self._votes(entities[index])
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
        for entity in stable:
            for spelling in _spellings(entity):
                ids = self.by_spelling.get(spelling, ())
                self.by_spelling[spelling] = (entity.id, *(i for i in ids if i != entity.id))[:3]
        return stable

    def _votes(self, entity: Entity) -> Counter[str]:
        """How many of the entity's spellings each stored id was given (earlier holders of a spelling count less)."""
        votes: Counter[str] = Counter()
        for spelling in _spellings(entity):
            for rank, known in enumerate(self.by_spelling.get(spelling, ())):
                votes[known] += 3 - rank
        return votes


def id_number(entity_id: str) -> int:
    """The number of an entity id (e12 -> 12): entities in order of first mention in the run that numbered them."""
    return int(entity_id[1:])


def _spellings(entity: Entity) -> set[str]:
    return {entity.name, *entity.aliases}
