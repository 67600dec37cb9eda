"""Reading an HTML report in tests: its tags, its timeline (bars, axis labels, course labels), the
legend, the finish lines, the purposes and dates of the course tables, and any external
reference."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset({"br", "img", "meta", "col", "line", "rect", "hr", "input", "link"})
"""Elements without an end tag (``rect`` is closed by ``</rect>`` in the report, but holds only
its tooltip)."""

TEXT_CLASSES = ("tick", "label", "finish", "purpose", "dates", "legend-item")
"""Classes whose elements' text is collected, in document order, under that class."""


@dataclass
class Bar:
    """One timeline bar: its course, position and width (SVG units), dates when drawn on the
    calendar, colour and tooltip."""

    course: str
    x: float
    width: float
    start: str | None
    end: str | None
    fill: str
    title: str = ""


class ReportParser(HTMLParser):
    """Collects every start tag, the course of each SVG timeline bar (and the bar itself), the
    texts of the elements of :data:`TEXT_CLASSES`, the providers of the legend, and every
    src/href value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.bars: list[str] = []
        self.bar_boxes: list[Bar] = []
        self.references: list[str] = []
        self.texts: dict[str, list[str]] = {name: [] for name in TEXT_CLASSES}
        self.legend: list[str] = []
        self.svg_labels: list[str] = []
        """The aria-label of each timeline."""
        self.tick_x: list[float] = []
        """Where each axis label starts (month axis) or is centred (weeks axis)."""
        self.label_anchors: list[tuple[float, float]] = []
        """Each course label's x (where it ends: it is right-aligned) and font size."""
        self._open: list[tuple[str, str | None]] = []  # (tag, collected class)
        self._in_bar_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "rect" and "bar" in classes:
            self.bars.append(values.get("data-course") or "")
            self.bar_boxes.append(
                Bar(
                    values.get("data-course") or "",
                    float(values.get("x") or 0),
                    float(values.get("width") or 0),
                    values.get("data-start"),
                    values.get("data-end"),
                    values.get("fill") or "",
                )
            )
        if tag == "text" and "tick" in classes:
            self.tick_x.append(float(values.get("x") or 0))
        if tag == "text" and "label" in classes:
            self.label_anchors.append(
                (float(values.get("x") or 0), float(values.get("font-size") or 0))
            )
        if tag == "svg" and values.get("aria-label"):
            self.svg_labels.append(values["aria-label"] or "")
        if tag == "title" and self.tags[-2:-1] == ["rect"]:
            self._in_bar_title = True
        if "legend-item" in classes:
            self.legend.append(values.get("data-provider") or "")
        for name in ("src", "href"):
            if values.get(name):
                self.references.append(values[name] or "")
        if tag in VOID and tag != "rect":
            return
        collected = next((c for c in TEXT_CLASSES if c in classes), None)
        if collected is not None:
            self.texts[collected].append("")
        self._open.append((tag, collected))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_bar_title = False
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_bar_title and self.bar_boxes:
            self.bar_boxes[-1].title += data
        for _, collected in self._open:
            if collected is not None:
                self.texts[collected][-1] += data

    @property
    def ticks(self) -> list[str]:
        """The axis labels of the timeline(s), left to right."""
        return self.texts["tick"]

    @property
    def labels(self) -> list[str]:
        """The course labels beside the bars."""
        return self.texts["label"]

    @property
    def finish(self) -> list[str]:
        """The finish line of each path: the best one, then the alternatives."""
        return self.texts["finish"]


def parse_report(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    return parser
