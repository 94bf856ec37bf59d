"""What a streaming state changed in place since a store last wrote it: the store writes those parts again
(`store.growing`), and the note is not part of the state."""
from __future__ import annotations

from typing import Any, ClassVar


class Touching:
    """Base of a dataclass state that notes in `touched` (a `TOUCHED`) what its updates changed in place until
    `written` is called; the note is left out when the state is pickled."""

    TOUCHED: ClassVar[type]

    def __post_init__(self) -> None:
        self.touched = self.TOUCHED()

    def written(self) -> None:
        """The store has written the state: nothing is changed since."""
        self.touched = self.TOUCHED()

    def __getstate__(self) -> dict[str, Any]:
        return {name: value for name, value in vars(self).items() if name != "touched"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)
        self.touched = self.TOUCHED()
