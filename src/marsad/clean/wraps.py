"""Re-joining hard line wraps that break a sentence, without gluing a headline to the body."""
from __future__ import annotations

from marsad.clean.rules import ends_sentence

LONG_LINE = 110  # a line this long without final punctuation is a sentence cut by a wrap, not a headline


def wrap_width(lines: list[str]) -> int | None:
    """The column a wrapped text was cut at, when most of its lines stop short of final punctuation near one width."""
    open_lines = [len(s) for s in lines if s.strip() and not ends_sentence(s)]
    if len(open_lines) < 4:
        return None
    width = sorted(open_lines)[int(0.9 * (len(open_lines) - 1))]
    near = sum(1 for n in open_lines if n >= 0.75 * width)
    return width if width <= LONG_LINE and near >= 0.6 * len(open_lines) else None


def continues(line: str, width: int | None, after_headline: bool) -> bool:
    """Whether the next line carries on this line's sentence."""
    if after_headline or ends_sentence(line) or line.rstrip().endswith((":", "：")):
        return False
    limit = 0.7 * width if width else LONG_LINE
    return len(line) >= limit
