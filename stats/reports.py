"""Visit history for the admin: a gap-free run of days, a bar chart's geometry, CSV rows."""

from dataclasses import dataclass
from datetime import date, timedelta

from .models import DailyVisits

PERIODS = (30, 365)


@dataclass(frozen=True)
class DayRow:
    day: date
    visits: int
    peak_online: int


def history(*, days: int, today: date) -> list[DayRow]:
    """The ``days`` days ending ``today``, oldest first; a day without a row counts 0."""
    first = today - timedelta(days=days - 1)
    stored = {row.day: row for row in DailyVisits.objects.filter(day__gte=first, day__lte=today)}
    rows = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        row = stored.get(day)
        rows.append(DayRow(day, row.visits if row else 0, row.peak_online if row else 0))
    return rows


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    row: DayRow


CHART_WIDTH = 760
CHART_HEIGHT = 240
PLOT_LEFT = 56
PLOT_TOP = 12
PLOT_BOTTOM = 24


def _nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ value (axis maximum)."""
    if value <= 0:
        return 10
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return 10 * magnitude


def chart(rows: list[DayRow]) -> dict:
    """Geometry of an SVG bar chart of visits per day (server-rendered, no script)."""
    plot_width = CHART_WIDTH - PLOT_LEFT - 8
    plot_height = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    top = _nice_ceiling(max((row.visits for row in rows), default=0))
    slot = plot_width / max(len(rows), 1)
    bar_width = max(slot * 0.8, 0.5)
    bars = []
    for index, row in enumerate(rows):
        height = plot_height * row.visits / top
        bars.append(
            Bar(
                x=round(PLOT_LEFT + index * slot + (slot - bar_width) / 2, 2),
                y=round(PLOT_TOP + plot_height - height, 2),
                width=round(bar_width, 2),
                height=round(height, 2),
                row=row,
            )
        )
    ticks = [
        {"value": top * share // 4, "y": round(PLOT_TOP + plot_height * (1 - share / 4), 2)}
        for share in range(5)
    ]
    labels = []
    if rows:
        # First date starts at the left edge, last ends at the right one: none is clipped.
        edges = {0: ("start", PLOT_LEFT), len(rows) - 1: ("end", PLOT_LEFT + plot_width)}
        for index in sorted({0, len(rows) // 2, len(rows) - 1}):
            anchor, x = edges.get(index, ("middle", PLOT_LEFT + index * slot + slot / 2))
            labels.append({"x": round(x, 2), "anchor": anchor, "day": rows[index].day})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": PLOT_LEFT,
        "right": CHART_WIDTH - 8,
        "baseline_y": PLOT_TOP + plot_height,
        "label_y": CHART_HEIGHT - 6,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
    }
