"""Quotation marks paired into spans, tolerant of the mixed and missing marks of translated news.

Symmetric marks (" ' “ ”) are read as opening or closing from their neighbours: a mark glued to the next word
opens, one glued to the previous word closes. Marks that stay ambiguous close an open quote or open a new one.
An opening mark never closed runs to the next mark or the end of its line; a closing mark never opened starts
after the previous mark or at the start of its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "«„‹"
CLOSING = "»›"
SYMMETRIC = "\"“”‘’'″"
_BEFORE_OPEN = set("([{«“—-:،,؛ـ")
_AFTER_CLOSE = set(".,،؛;:!?؟)]}»”…")
_CLITICS = set("وبلفك")
_MARK = re.compile("[" + re.escape(OPENING + CLOSING + SYMMETRIC) + "]")


@dataclass(frozen=True, slots=True, order=True)
class QuotedSpan:
    """Text between quotation marks: `start:end` is the content, `outer_start:outer_end` includes the marks."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    closed: bool


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _opens_left(text: str, i: int) -> bool:
    """True when the mark at i is preceded by a space, an opening punctuation or a lone clitic (و"...)."""
    if i == 0 or text[i - 1].isspace() or text[i - 1] in _BEFORE_OPEN:
        return True
    return text[i - 1] in _CLITICS and (i == 1 or text[i - 2].isspace())


def _closes_right(text: str, i: int) -> bool:
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _AFTER_CLOSE


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close', 'either', or None when the character is no quotation mark (an apostrophe in a word)."""
    ch = text[i]
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    if ch not in SYMMETRIC:
        return None
    left, right = _opens_left(text, i), _closes_right(text, i)
    if ch in "'‘’" and not left and not right and _is_letter(text[i - 1]) and _is_letter(text[i + 1]):
        return None
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _line_start(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quoted span in text order (a quotation nested inside another is part of it)."""
    marks = [(m.start(), role) for m in _MARK.finditer(text) if (role := mark_role(text, m.start()))]
    positions = [i for i, _ in marks]
    pairs: list[tuple[int, int]] = []  # (opening index or -1, closing index or -1)
    stack: list[list[int]] = []  # [opening index, 1 when a quotation closed inside it]
    line = 0
    for i, role in marks:
        if text.count("\n", line, i):
            # an opening mark that already held a whole quotation and reached the end of its line was never closed
            pairs.extend((o, -1) for o, nested in stack if nested)
            stack = [entry for entry in stack if not entry[1]]
        line = i
        if role == "open" or (role == "either" and not stack):
            stack.append([i, 0])
        elif stack:
            if text[i] == "»" and any(text[o] == "«" for o, _ in stack):
                while text[stack[-1][0]] != "«":
                    pairs.append((stack.pop()[0], -1))
            pairs.append((stack.pop()[0], i))
            if stack:
                stack[-1][1] = 1
        else:
            pairs.append((-1, i))
    pairs.extend((o, -1) for o, _ in stack)
    spans = [_span(text, o, c, positions) for o, c in pairs]
    return _top_level(sorted(s for s in spans if s.end > s.start))


def _span(text: str, o: int, c: int, positions: list[int]) -> QuotedSpan:
    """A span from its marks; a missing mark is replaced by the neighbouring mark or the line edge."""
    if o >= 0 and c >= 0:
        return QuotedSpan(o, o + 1, c, c + 1, True)
    if o >= 0:
        later = [p for p in positions if p > o]
        end = min(later[0] if later else len(text), _line_end(text, o + 1))
        return QuotedSpan(o, o + 1, end, end, False)
    earlier = [p for p in positions if p < c]
    start = max(earlier[-1] + 1 if earlier else 0, _line_start(text, c))
    return QuotedSpan(start, start, c, c + 1, False)


def _top_level(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """Drop spans that lie inside an earlier one (nested quotations)."""
    out: list[QuotedSpan] = []
    for s in spans:
        if out and s.outer_start < out[-1].outer_end and s.end <= out[-1].outer_end:
            continue
        out.append(s)
    return out
