"""Story ids that stay the same from one run to the next over a growing store (`marsad.ids`).

Stories are linked again over every event each run and come out numbered by their first event; an event whose
core changes a little can start a story early in that order and renumber every later one. `StoryIds` keeps, in the
store, which story held each event last run: a story takes the id of the old story it shares most events with.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from marsad.ids import holders, overlap_ids
from marsad.types import Event, Story

STATE_NAME = "story_ids"


@dataclass(slots=True)
class StoryIds:
    """For each event, the id of the story that held it last run; and the next free number."""

    by_event: dict[str, dict[str, int]] = field(default_factory=dict)
    next_number: int = 1

    def assign(self, events: Sequence[Event], stories: Sequence[Story]) -> tuple[list[Event], list[Story]]:
        """The events and stories (in their order) with stable story ids; remembers them for the next run."""
        groups = [Counter(story.events) for story in stories]
        ids, self.next_number = overlap_ids(groups, self.by_event, self.next_number, "s")
        self.by_event = holders(groups, ids)
        renamed = {story.id: new for story, new in zip(stories, ids, strict=True)}
        return ([replace(event, story=renamed.get(event.story or "", event.story)) for event in events],
                [replace(story, id=new) for story, new in zip(stories, ids, strict=True)])
