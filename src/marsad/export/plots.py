"""Small hand-made SVG plots: coverage over time per outlet, who is quoted, and a figure over time.

Every label is escaped through `Markup.format`; sizes are in a narrow view box (360 wide) so the plots stay
legible on a phone without scaling the text down. Only presentation attributes are used (no inline style), so a
Content-Security-Policy without 'unsafe-inline' styles still renders them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 360
LABEL_WIDTH = 130
FONT = 12
INK, MUTED, ACCENT, GREY, GRID = "#1d2430", "#4a5260", "#0b6e4f", "#8a6d3b", "#e3e7ee"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a bar chart: label, value, and whether it stands for anonymous speakers."""

    label: str
    value: int
    muted: bool = False


def _short(label: str, limit: int = 20) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _label(x: float, y: float, text: str) -> Markup:
    """A label whose right edge is at `x`, laid out right-to-left when it is Arabic."""
    rtl = _is_arabic(text)
    return Markup('<text x="{x}" y="{y}" text-anchor="{anchor}" direction="{d}" fill="{ink}">{t}</text>').format(
        x=x, y=y, anchor="start" if rtl else "end", d="rtl" if rtl else "ltr", ink=INK, t=_short(text))


def _svg(height: int, title: str, body: Markup) -> Markup:
    return Markup('<svg class="plot" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
                  'xmlns="http://www.w3.org/2000/svg" font-size="{f}" font-family="inherit">'
                  "<title>{t}</title>{b}</svg>").format(w=WIDTH, h=height, f=FONT, t=title, b=body)


def bar_chart(bars: Sequence[Bar], title: str) -> Markup:
    """Horizontal bars growing from the right (the reading start), value written at each bar's end."""
    return _bars([(b.label, b.value, str(b.value), "ltr", GREY if b.muted else ACCENT) for b in bars], title, 36)


def _bars(rows: Sequence[tuple[str, float, str, str, str]], title: str, value_room: int) -> Markup:
    """Bars from the right, one per (label, value, text written at its end, that text's direction, fill);
    `value_room` is the width kept for that text."""
    row, top = 24, 6
    most = max((value for _, value, _, _, _ in rows), default=1) or 1
    room = WIDTH - LABEL_WIDTH - value_room
    parts = []
    for i, (label, value, shown, direction, fill) in enumerate(rows):
        y = top + i * row
        length = max(2, round(room * value / most))
        x = WIDTH - LABEL_WIDTH - 6 - length
        parts.append(_label(WIDTH - 2, y + 13, label) + Markup(
            '<rect x="{x}" y="{y}" width="{w}" height="16" rx="3" fill="{fill}"/>'
            '<text x="{vx}" y="{ty}" text-anchor="end" direction="{d}" fill="{muted}">{shown}</text>').format(
            ty=y + 13, x=x, y=y, w=length, fill=fill, vx=x - 4, d=direction, muted=MUTED, shown=shown))
    return _svg(top * 2 + row * len(rows), title, Markup("").join(parts))


def coverage_chart(counts: dict[tuple[str, str], int], title: str) -> Markup:
    """Articles per row (an outlet, a story) and column (a date, earliest on the right; or an outlet); a dot's
    area grows with the count."""
    outlets = sorted({o for o, _ in counts}, key=lambda o: (-sum(n for (k, _), n in counts.items() if k == o), o))
    dates = sorted({d for _, d in counts})
    row, top, bottom = 26, 8, 64
    step = min(40, (WIDTH - LABEL_WIDTH - 20) / max(1, len(dates)))
    most = max(counts.values(), default=1)
    parts = []
    for j, date in enumerate(dates):
        x = WIDTH - LABEL_WIDTH - 14 - j * step
        y_axis = top + row * len(outlets) + 8
        parts.append(Markup('<line x1="{x}" y1="{t}" x2="{x}" y2="{b}" stroke="{g}"/>'
                            '<text x="{x}" y="{y}" transform="rotate(-55 {x} {y})" text-anchor="end" '
                            'direction="{dir}" fill="{m}" font-size="10">{d}</text>').format(
            x=round(x, 1), t=top, b=y_axis - 6, g=GRID, y=y_axis + 4, m=MUTED, d=_short(date, 16),
            dir="rtl" if _is_arabic(date) else "ltr"))
    for i, outlet in enumerate(outlets):
        y = top + i * row + row / 2
        parts.append(_label(WIDTH - 2, round(y + 4, 1), outlet))
        for j, date in enumerate(dates):
            n = counts.get((outlet, date), 0)
            if n:
                r = 4 + 6 * (n / most) ** 0.5
                parts.append(Markup('<circle cx="{x}" cy="{y}" r="{r}" fill="{a}"><title>{o} · {d}: {n}</title>'
                                    '</circle>').format(x=round(WIDTH - LABEL_WIDTH - 14 - j * step, 1),
                                                        y=round(y, 1), r=round(r, 1), a=ACCENT, o=outlet, d=date,
                                                        n=n))
    return _svg(top + row * len(outlets) + bottom, title, Markup("").join(parts))


@dataclass(frozen=True, slots=True)
class Report:
    """One report of a figure: who gave it and when, its value (the lower end of a range) and how it was written."""

    label: str
    value: float
    shown: str


def figure_chart(reports: Sequence[Report], title: str) -> Markup:
    """A figure over time: one bar per report in order of publication (top to bottom), the value as written."""
    return _bars([(r.label, r.value, _short(r.shown, 12), "rtl", ACCENT) for r in reports], title, 70)
