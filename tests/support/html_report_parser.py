"""Reading an HTML report in tests: its tags, its timeline bars and any external reference."""

from __future__ import annotations

from html.parser import HTMLParser


class ReportParser(HTMLParser):
    """Collects every start tag, the course of each SVG timeline bar, and every src/href value."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.bars: list[str] = []
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "rect" and values.get("class") == "bar":
            self.bars.append(values.get("data-course") or "")
        for name in ("src", "href"):
            if values.get(name):
                self.references.append(values[name] or "")


def parse_report(html: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    return parser
