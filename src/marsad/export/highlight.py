"""Article text cut into pieces at span boundaries, so templates can mark entities, dates and quotes.

The text itself is never turned into HTML here: each piece is a plain string that the templates escape, and the
marks say only which kinds of span cover it. Spans may overlap (a date inside a quote); pieces never do.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A span over the text: its kind (`mention`, `timex`, `quote`, `hit`), a sub-kind and a label to show."""

    start: int
    end: int
    kind: str
    sub: str = ""
    ref: str = ""  # the entity id of a mention, empty otherwise
    label: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by the same marks."""

    text: str
    marks: tuple[Mark, ...] = ()

    def kinds(self) -> list[str]:
        """The CSS classes of this piece: `hl-<kind>` and `hl-<kind>-<sub>` for each mark."""
        classes = [f"hl-{m.kind}" for m in self.marks] + [f"hl-{m.kind}-{m.sub}" for m in self.marks if m.sub]
        return sorted(set(classes))

    def entity(self) -> str:
        """The entity id this piece names, if it is part of a linked mention."""
        return next((m.ref for m in self.marks if m.kind == "mention" and m.ref), "")

    def title(self) -> str:
        """A tooltip listing what the marks say about this piece."""
        return " · ".join(m.label for m in self.marks if m.label)


def pieces(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> list[Piece]:
    """`text[start:end]` cut at every mark boundary; each piece carries the marks covering it."""
    end = len(text) if end is None else end
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    result = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = tuple(m for m in inside if m.start <= left and m.end >= right)
        result.append(Piece(text[left:right], covering))
    return result


def paragraphs(text: str, marks: list[Mark]) -> list[list[Piece]]:
    """The text as paragraphs (one per line), each a list of pieces; empty lines are dropped."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append(pieces(text, marks, offset, offset + len(line)))
        offset += len(line) + 1
    return result


def valid(mark: Mark, text: str) -> bool:
    """Whether a mark lies inside the text (offsets from the open web's articles are not trusted blindly)."""
    return 0 <= mark.start < mark.end <= len(text)
