"""Entity ids that stay the same from one run to the next over a growing store (`marsad.ids`).

Linking is redone over the whole corpus each run, and its entities come out numbered in order of first mention.
`EntityIds` keeps, in the store, which ids each spelling was given last run and how many mentions it had under
each: an entity takes the id of the old entity it overlaps most, mention for mention.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from marsad.ids import IdMemo, holders, overlap_ids
from marsad.types import Entity

STATE_NAME = "entity_ids"


@dataclass(slots=True)
class EntityIds:
    """For each spelling (an entity's name or alias), the ids of the last run's entities that wrote it, with how
    many of their mentions did; and the next free number."""

    by_spelling: dict[str, dict[str, int]] = field(default_factory=dict)
    next_number: int = 1

    def assign(self, entities: Sequence[Entity], spellings: Sequence[Counter[str]] | None = None,
               memo: IdMemo | None = None) -> list[Entity]:
        """The entities (in their order) with stable ids; remembers their spellings (`spellings`, when already
        counted) for the next run (`memo`: what this process's last assignment counted, for a linker that gives
        back its unchanged entities' spellings as the same objects)."""
        spellings = spellings or [entity_spellings(entity) for entity in entities]
        held = self._held()
        ids, self.next_number = overlap_ids(spellings, held, self.next_number, "e", memo)
        self.by_spelling = memo.holders(spellings, ids, held) if memo else holders(spellings, ids)
        return [entity if entity.id == entity_id else replace(entity, id=entity_id)
                for entity, entity_id in zip(entities, ids, strict=True)]

    def _held(self) -> dict[str, dict[str, int]]:
        """The ids each spelling had last run, with how many of their mentions wrote it (a state kept before
        counts were lists the holders most recent first: converted)."""
        if not any(isinstance(held, tuple) for held in islice(self.by_spelling.values(), 1)):
            return self.by_spelling
        return {spelling: {known: 3 - rank for rank, known in enumerate(held)} if isinstance(held, tuple) else held
                for spelling, held in self.by_spelling.items()}


def entity_spellings(entity: Entity) -> Counter[str]:
    """How many of its mentions write each of its spellings (a name or alias with none counts once)."""
    counts = Counter(mention.text for mention in entity.mentions)
    counts.update(spelling for spelling in {entity.name, *entity.aliases} if spelling not in counts)
    return counts
