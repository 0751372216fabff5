"""Charts drawn on the server as SVG: horizontal bars, each chart with its caption and the
table of its values (the text alternative, readable without the picture and without
JavaScript). Render with {% include "evaluations/includes/bar_chart.html" with chart=… %}."""

from collections.abc import Sequence
from dataclasses import dataclass, field

# Geometry of the drawing, in SVG units (it scales to the page's width).
WIDTH = 600
LABEL_WIDTH = 220
BAR_HEIGHT = 22
GAP = 10
VALUE_ROOM = 70


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    # What the table and the end of the bar show ("12", "45 %", "4.2 / 5").
    shown: str
    y: int
    width: float


@dataclass(frozen=True)
class BarChart:
    # Unique on its page: it names the caption the picture refers to.
    slug: str
    caption: str
    # The table's column heads: what each row is, what its value is.
    label_head: str
    value_head: str
    bars: Sequence[Bar] = field(default_factory=tuple)

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * (BAR_HEIGHT + GAP) + GAP

    @property
    def bar_x(self) -> int:
        return LABEL_WIDTH

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT

    @property
    def is_empty(self) -> bool:
        return not self.bars


def bar_chart(
    *,
    slug: str,
    caption: str,
    label_head: str,
    value_head: str,
    rows: Sequence[tuple[str, float, str]],
    largest: float | None = None,
) -> BarChart:
    """`rows`: (label, value, value as shown). Bars are scaled to `largest` (a share: 100),
    or to the largest value."""
    top = largest if largest is not None else max((value for _l, value, _s in rows), default=0)
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    bars = tuple(
        Bar(
            label=label,
            value=value,
            shown=shown,
            y=GAP + index * (BAR_HEIGHT + GAP),
            width=round(room * value / top, 1) if top else 0,
        )
        for index, (label, value, shown) in enumerate(rows)
    )
    return BarChart(slug, caption, label_head, value_head, bars)
