"""Calendar arithmetic for time expressions: the anchor, relative days, months and weeks, Hijri conversion, ISO values.

A direction says where an underspecified date lies relative to the anchor (the publication date, or for anaphoric
expressions the date the narrative last gave):
`past` on or before it, `before` strictly before, `future` on or after, `after` strictly after, `near` closest.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

_ANCHOR = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ANCHOR_YEARS = range(2, 9999)  # years 1 and 9999 are no publication date, and a day or week off them overflows


def parse_anchor(published: str | None) -> date | None:
    """The date part of an ISO date or datetime; None when missing or not a real date."""
    m = _ANCHOR.match(published or "")
    if not m or int(m[1]) not in _ANCHOR_YEARS:
        return None
    return valid_date(int(m[1]), int(m[2]), int(m[3]))


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The day with this weekday (Monday 0) on the requested side of the anchor."""
    back = (anchor.weekday() - weekday) % 7
    fwd = (weekday - anchor.weekday()) % 7
    if direction == "before":
        return anchor - timedelta(days=back or 7)
    if direction == "after":
        return anchor + timedelta(days=fwd or 7)
    if direction == "future":
        return anchor + timedelta(days=fwd)
    if direction == "near" and fwd < back:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


def month_year(anchor: date, month: int, direction: str) -> int:
    """The year of a month named without one (ديسمبر الماضي, يناير), seen from the anchor."""
    y = anchor.year
    if direction in ("before",):
        return y if month < anchor.month else y - 1
    if direction in ("after",):
        return y if month > anchor.month else y + 1
    if direction == "future":
        return y if month >= anchor.month else y + 1
    if direction == "current":
        return y
    if direction == "near":
        ahead = (month - anchor.month) % 12
        return y + (month < anchor.month) if ahead <= 2 else (y if month <= anchor.month else y - 1)
    return y if month <= anchor.month else y - 1


def day_month_date(anchor: date, month: int, day: int, direction: str) -> date | None:
    """A day and month without a year (12 غشت الماضي), placed on the requested side of the anchor."""
    if direction == "current":
        return valid_date(anchor.year, month, day)
    return pick_date(anchor, [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                               if (d := valid_date(y, month, day))], direction)


def pick_date(anchor: date, options: list[date], direction: str) -> date | None:
    """Of the yearly occurrences of a day (in order), the one on the requested side of the anchor."""
    if not options:
        return None
    pick = {
        "before": [d for d in options if d < anchor][-1:],
        "past": [d for d in options if d <= anchor][-1:],
        "after": [d for d in options if d > anchor][:1],
        "future": [d for d in options if d >= anchor][:1],
        "near": sorted(options, key=lambda d: (abs((d - anchor).days), d > anchor))[:1],
    }[direction]
    return pick[0] if pick else None


def shift_date(anchor: date, unit: str, n: int) -> date:
    """The anchor moved by n days (D), weeks (W), months (M) or years (Y); a day the month lacks becomes its last."""
    if unit in ("D", "W"):
        return anchor + timedelta(days=n * (7 if unit == "W" else 1))
    year, month = shift_month(anchor.year, anchor.month, n * (12 if unit == "Y" else 1))
    day = anchor.day
    while valid_date(year, month, day) is None:
        day -= 1
    return date(year, month, day)


def relative_unit(anchor: date, unit: str, shift: int) -> str:
    """الأسبوع/الشهر/العام + الماضي/الجاري/المقبل: an ISO week as an interval, a month, or a year."""
    if unit == "Y":
        return f"{anchor.year + shift:04d}"
    if unit == "M":
        return iso_month(*shift_month(anchor.year, anchor.month, shift))
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion; None outside its range or for a day the month does not have."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_interval(year: int, month: int) -> str | None:
    """A Hijri month as the Gregorian interval it covers."""
    try:
        start = Hijri(year, month, 1)
        end = Hijri(year, month, start.month_length())
    except (ValueError, OverflowError):
        return None
    return f"{_g(start).isoformat()}/{_g(end).isoformat()}"


def hijri_year_interval(year: int) -> str | None:
    """A Hijri year as the Gregorian interval it covers."""
    first, last = hijri_month_interval(year, 1), hijri_month_interval(year, 12)
    return f"{first.split('/')[0]}/{last.split('/')[1]}" if first and last else None


def hijri_year_of(anchor: date) -> int | None:
    """The Hijri year the anchor falls in."""
    try:
        return Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def _g(h: Hijri) -> date:
    g = h.to_gregorian()
    return date(g.year, g.month, g.day)
