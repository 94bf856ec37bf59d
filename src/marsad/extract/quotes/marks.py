"""Quotation marks paired into spans, tolerant of the mixed and missing marks of translated news.

Symmetric marks (" ' “ ”) are read as opening or closing from their neighbours: a mark glued to the next word
opens, one glued to the previous word closes; so is a guillemet typed the wrong way round (لـ»مواقعنا), and of two
closing marks in a row on one line with nothing open, the first opens (قوله إن» ... »). Marks that stay ambiguous
close an open quote or open a new one. An opening mark never closed runs to the next mark or the end of its line; a
closing mark never opened starts after the previous mark or at the start of its line.
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


def _mirrored(text: str, i: int) -> str | None:
    """A guillemet typed the wrong way round, read from its neighbours: » glued to the next word after a space or an
    opening punctuation opens (قال لـ»مواقعنا ...»), « glued to the previous word before a space or a closing
    punctuation closes (... الحدود« .); None when it stands where its own direction puts it."""
    if text[i] in CLOSING and _opens_left(text, i) and not _closes_right(text, i):
        return "open"
    if text[i] in OPENING and _closes_right(text, i) and not _opens_left(text, i):
        return "close"
    return None


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close', 'either', or None when the character is no quotation mark (an apostrophe in a word)."""
    ch = text[i]
    if ch in OPENING or ch in CLOSING:
        return _mirrored(text, i) or ("open" if ch in OPENING else "close")
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
    for k, (i, role) in enumerate(marks):
        if text.count("\n", line, i):
            # an opening mark that already held a whole quotation and reached the end of its line was never closed
            pairs.extend((o, -1) for o, nested in stack if nested)
            stack = [entry for entry in stack if not entry[1]]
        line = i
        if role == "open" or (role == "either" and not stack) or (not stack and _closes_next(text, marks, k)):
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


def _closes_next(text: str, marks: list[tuple[int, str]], k: int) -> bool:
    """A closing mark with nothing open whose next mark, on the same line, closes too: the first opens the quotation
    the second closes (قوله إن» ... »), as the two marks of a quotation typed the same way."""
    i, role = marks[k]
    if role != "close" or k + 1 >= len(marks):
        return False
    j, next_role = marks[k + 1]
    return next_role == "close" and text[j] == text[i] and "\n" not in text[i:j]


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
