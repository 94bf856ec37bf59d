"""Sentence splitting for Arabic news: at ؟ ! . (with or without a following space) and line ends.

No split at ، or inside numbers (2.5), abbreviations of one letter (U.S., د. before a name, أ.د.), web and mail
addresses (www.gov.sa, name@site.com: a point between two Latin letters or digits), Arabic letter names spelled
with points (أيه.إم.دي, إس.دي.إيه: no space on either side, a name of two letters beside one of two or three) or
ellipses inside a sentence (a lone letter after a number, 2020 م., is a unit and may end one); a quote that
runs over several sentences stays open until its closing mark, so a sentence never ends inside quotation marks
that close later on the same line.
"""
from __future__ import annotations

import re

from marsad.types import Sentence

_OPEN = {"«": "»", "“": "”", "„": "”", '"': '"'}
_TERMINAL = frozenset(".!؟?")
_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_WORD = re.compile("[A-Za-z0-9]")
_CAN_SPLIT = re.compile("[\n" + re.escape("".join(_TERMINAL | _OPEN.keys() | set(_OPEN.values()))) + "]")


def _is_terminal(text: str, i: int) -> bool:
    """Whether the punctuation at i ends a sentence."""
    ch = text[i]
    if ch not in _TERMINAL:
        return False
    if ch == ".":
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if _DIGIT.match(prev) and _DIGIT.match(nxt):
            return False  # 2.5
        if nxt == "." or prev == ".":
            return False  # an ellipsis or ".." joins
        if prev.isalpha() and prev.isascii() and (i < 2 or not text[i - 2].isalpha()):
            return False  # a one-letter Latin abbreviation: U.S.
        if _ARABIC_LETTER.match(prev) and _lone_letter(text, i - 1):
            return False  # a one-letter Arabic abbreviation: د. before a name, أ.د.
        if _LATIN_WORD.match(prev) and _LATIN_WORD.match(nxt):
            return False  # an address: www.gov.sa, name@site.com
        if _spelled_letters(text, i):
            return False  # Arabic letter names spelled with points: أيه.إم.دي
    return True


def _spelled_letters(text: str, i: int) -> bool:
    """The point at i joins two short Arabic words with no space (أيه.إم, إس.دي): one of two letters, the other of
    two or three, as the names of Latin letters are spelled; two longer words run together (الوفد.وبدأت) are two
    sentences with a space missing."""
    if not _ARABIC_LETTER.match(text[i + 1:i + 2]):
        return False  # a space or a mark after the point: most sentence ends
    sizes = sorted((_word_size(text, i - 1, -1), _word_size(text, i + 1, 1)))
    return sizes[0] == 2 and sizes[1] <= 3


def _word_size(text: str, k: int, step: int) -> int:
    """The letters of the whole Arabic word that starts at k and runs in the direction of `step` (0: none; a word of
    more than 3, or one that runs on into other word characters, counts 4)."""
    size = 0
    while 0 <= k < len(text) and _ARABIC_LETTER.match(text[k]) and size < 4:
        size += 1
        k += step
    return 4 if 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_") else size


def _lone_letter(text: str, i: int) -> bool:
    """The letter at i stands alone (a space, a point or the start before it) and no number precedes it."""
    if i > 0 and not (text[i - 1].isspace() or text[i - 1] in ".("):
        return False
    before = text[:i].rstrip()
    return not before or not _DIGIT.match(before[-1])


def split_sentences(text: str) -> list[Sentence]:
    """Sentences as spans over `text`, trimmed of surrounding whitespace; a line break always ends one."""
    spans: list[Sentence] = []
    start = 0
    depth: list[str] = []
    i = 0
    n = len(text)
    while (found := _CAN_SPLIT.search(text, i)) is not None:  # other characters change nothing
        i = found.start()
        ch = text[i]
        if ch == "\n":
            _add(spans, text, start, i)
            start, depth = i + 1, []
        elif depth and ch == depth[-1]:
            depth.pop()
            if i > 0 and text[i - 1] in _TERMINAL and not depth:
                _add(spans, text, start, i + 1)
                start = i + 1
        elif ch in _OPEN and _closes_on_line(text, i, _OPEN[ch]):
            depth.append(_OPEN[ch])
        elif not depth and _is_terminal(text, i):
            j = i + 1
            while j < n and text[j] in _TERMINAL:
                j += 1
            while j < n and text[j] in "»”\")’'":
                j += 1
            _add(spans, text, start, j)
            start = i = j
            continue
        i += 1
    _add(spans, text, start, n)
    return spans


def _closes_on_line(text: str, i: int, closer: str) -> bool:
    """An opening quote counts only when its closing mark follows on the same line."""
    line_end = text.find("\n", i + 1)
    return text.find(closer, i + 1, line_end if line_end >= 0 else len(text)) >= 0


def _add(spans: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Sentence(start, end))
