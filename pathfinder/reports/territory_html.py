"""A basin plan as one self-contained HTML file (``territory --export FILE.html``): no network, no
external CSS, no script, printable on A4, in English or French.

The text (header, summary, flows, seats, people not placed, openings left unfilled) is the one of
the Markdown report, worded by :mod:`.territory_wording`. Three inline SVG figures come with it:

- a flow diagram: each group (left) to the jobs and sites it fills (right), one band per flow, as
  wide as its people (``data-count``);
- a bar chart of the seats each course needs at each site against the seats its sessions offer
  (``data-needed``, ``data-available``; no bar and "no limit" when the sessions set none);
- a map-like plot of the opening and training sites at their coordinates (``data-site``).

Catalog and basin text is data, never markup: every piece of it goes through
:func:`.escape.html_text`, and each SVG is well-formed XML.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..i18n import DEFAULT_LANG, LANGUAGES, t
from ..model import Catalog
from ..safetext import printable
from ..territory.result import SeatDemand, TerritoryResult
from .escape import html_text
from .html_report import CSS as BASE_CSS
from .html_report import PALETTE, label_column, text_width
from .territory_wording import (
    flow_headers,
    flow_rows,
    header_lines,
    seat_headers,
    seat_rows,
    site_text,
    stranded_line,
    summary_rows,
    to_open_text,
    unfilled_line,
)
from .wording import number

CSS = (
    BASE_CSS
    + """
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { color: #666; font-size: 9pt; margin-top: 1mm; }
ul.plain { margin: 1mm 0 3mm; padding-left: 5mm; }
"""
)

WIDTH = 700
"""Every figure's width in SVG units; drawn 100% wide (182 mm on A4)."""
FONT = 10.0
"""Font size of the figures' labels, in SVG units."""
SMALL = 9.0
"""Font size of the numbers beside the bars and of the legends."""
LABEL_CHARS = 42
"""Characters of a label shown in a figure; longer ones are cut (the tooltip has them whole)."""
LABEL_SHARE = 0.32
"""At most this share of a figure's width goes to one column of labels; longer labels are drawn
smaller."""

NEEDED_COLOUR = "#1f77b4"
AVAILABLE_COLOUR = "#9ecae1"
OPENING_COLOUR = "#d62728"
TRAINING_COLOUR = "#1f77b4"
BOTH_COLOUR = "#9467bd"


def _x(text: str) -> str:
    """``text`` escaped for HTML and for XML: :func:`.escape.html_text`, and the two
    noncharacters XML 1.0 forbids (U+FFFE, U+FFFF) written as visible escapes."""
    return html_text(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def _colon(lang: str) -> str:
    """A colon as ``lang`` writes it between a label and its value ("Flins : …" in French)."""
    return " : " if lang == "fr" else ": "


def _cut(text: str) -> str:
    """``text`` (control characters made visible) cut to ``LABEL_CHARS`` characters, before
    escaping: an entity is never split."""
    shown = printable(text)
    return shown if len(shown) <= LABEL_CHARS else shown[: LABEL_CHARS - 1] + "…"


def _fit(labels: Sequence[str], size: float = FONT) -> tuple[float, float]:
    """The width of a column of ``labels`` (at most ``LABEL_SHARE`` of the figure) and the font
    size that makes the longest fit in it."""
    return label_column(labels, size, WIDTH * LABEL_SHARE, 10, 40.0)


def _name(catalog: Catalog, kind: str, entry_id: str, lang: str) -> str:
    """The entry's name in ``lang``, or its id when the catalog has no such entry; not escaped."""
    entry = getattr(catalog, kind).get(entry_id)
    return catalog.name(entry, lang) if entry is not None else entry_id


def _site_name(catalog: Catalog, site: str | None, lang: str) -> str:
    return site_text(site, lang) if site is None else _name(catalog, "sites", site, lang)


def _svg_open(height: float, aria: str, cls: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'role="img" aria-label="{_x(aria)}" class="{cls}">'
    )


def _text(
    x: float, y: float, content: str, *, size: float = FONT, anchor: str = "start", extra: str = ""
) -> str:
    """An SVG ``<text>``; ``content`` is plain text, escaped here."""
    return (
        f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}" text-anchor="{anchor}"{extra}>'
        f"{_x(content)}</text>"
    )


# --- the flow diagram ------------------------------------------------------------------------

NODE_W = 12
NODE_GAP = 8.0
NODE_MIN = 14.0
"""A node's slot is at least this tall, so that labels never overlap; the node itself (and its
bands) stays proportional to its people."""


@dataclass
class _Node:
    key: tuple[str, ...]
    label: str
    count: int = 0
    y: float = 0.0
    """Where the node's rectangle starts."""
    used: float = 0.0
    """How much of the node's height the bands drawn so far take."""
    flows: list[int] = field(default_factory=list)


def _column(nodes: list[_Node], scale: float, top: float) -> float:
    """Place ``nodes`` from ``top`` down; the column's bottom."""
    y = top
    for node in nodes:
        height = node.count * scale
        slot = max(height, NODE_MIN)
        node.y = y + (slot - height) / 2
        y += slot + NODE_GAP
    return y - NODE_GAP


def flow_svg(result: TerritoryResult, catalog: Catalog, lang: str) -> str:
    """Groups on the left, jobs at sites on the right, a band per flow as wide as its people."""
    flows = [flow for flow in result.flows if flow.count > 0]
    groups: dict[str, _Node] = {}
    targets: dict[tuple[str, str], _Node] = {}
    for index, flow in enumerate(flows):
        group = groups.setdefault(flow.group, _Node((flow.group,), flow.group))
        group.count += flow.count
        group.flows.append(index)
        target_label = f"{_name(catalog, 'jobs', flow.job, lang)} @ " + _name(
            catalog, "sites", flow.site, lang
        )
        target = targets.setdefault(
            (flow.job, flow.site), _Node((flow.job, flow.site), target_label)
        )
        target.count += flow.count
        target.flows.append(index)
    left = list(groups.values())
    right = list(targets.values())
    colours = {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(groups)}

    left_labels = [f"{_cut(n.label)} ({number(n.count, lang)})" for n in left]
    right_labels = [f"{_cut(n.label)} ({number(n.count, lang)})" for n in right]
    left_w, left_size = _fit(left_labels)
    right_w, right_size = _fit(right_labels)
    x0 = left_w + NODE_W  # the bands' left end
    x1 = WIDTH - right_w - NODE_W  # the bands' right end
    top = 26.0
    total = sum(flow.count for flow in flows)
    body = min(max(60.0, 30.0 * max(len(left), len(right))), 400.0)
    scale = body / total
    bottom = max(_column(left, scale, top), _column(right, scale, top))
    height = bottom + 10

    parts = [_svg_open(height, t("territory.html.flow_chart", lang), "flows")]
    parts.append(
        _text(
            left_w,
            14,
            t("territory.col.group", lang),
            size=SMALL,
            anchor="end",
            extra=' fill="#555"',
        )
    )
    parts.append(
        _text(WIDTH - right_w, 14, t("territory.col.job", lang), size=SMALL, extra=' fill="#555"')
    )

    # Bands leave each group in the order of their targets, and reach each target in the order of
    # their groups: no two bands of one node cross at that node.
    target_rank = {key: i for i, key in enumerate(targets)}
    group_rank = {key: i for i, key in enumerate(groups)}
    starts: dict[int, float] = {}
    ends: dict[int, float] = {}
    for node in left:
        for index in sorted(node.flows, key=lambda i: target_rank[(flows[i].job, flows[i].site)]):
            starts[index] = node.y + node.used
            node.used += flows[index].count * scale
    for node in right:
        for index in sorted(node.flows, key=lambda i: group_rank[flows[i].group]):
            ends[index] = node.y + node.used
            node.used += flows[index].count * scale
    middle = (x0 + x1) / 2
    for index, flow in enumerate(flows):
        width = flow.count * scale
        ya, yb = starts[index], ends[index]
        title = t(
            "territory.html.band",
            lang,
            group=flow.group,
            job=_name(catalog, "jobs", flow.job, lang),
            site=_name(catalog, "sites", flow.site, lang),
            count=number(flow.count, lang),
        )
        d = (
            f"M{x0:.2f},{ya:.2f} C{middle:.2f},{ya:.2f} {middle:.2f},{yb:.2f} {x1:.2f},{yb:.2f} "
            f"L{x1:.2f},{yb + width:.2f} C{middle:.2f},{yb + width:.2f} {middle:.2f},"
            f"{ya + width:.2f} {x0:.2f},{ya + width:.2f} Z"
        )
        parts.append(
            f'<path class="band" data-count="{flow.count}" data-group="{_x(flow.group)}" '
            f'data-job="{_x(flow.job)}" data-site="{_x(flow.site)}" d="{d}" '
            f'fill="{colours[flow.group]}" fill-opacity="0.45" stroke="{colours[flow.group]}" '
            f'stroke-opacity="0.7" stroke-width="0.5"><title>{_x(title)}</title></path>'
        )
    for node, label in zip(left, left_labels, strict=True):
        h = node.count * scale
        parts.append(
            f'<rect class="node group" data-group="{_x(node.label)}" x="{left_w:.2f}" '
            f'y="{node.y:.2f}" width="{NODE_W}" height="{h:.2f}" '
            f'fill="{colours[node.key[0]]}"><title>{_x(node.label)}{_colon(lang)}'
            f"{_x(number(node.count, lang))}</title></rect>"
        )
        parts.append(
            _text(
                left_w - 4,
                node.y + h / 2 + left_size / 3,
                label,
                size=left_size,
                anchor="end",
                extra=' class="label"',
            )
        )
    for node, label in zip(right, right_labels, strict=True):
        h = node.count * scale
        parts.append(
            f'<rect class="node target" data-job="{_x(node.key[0])}" data-site="{_x(node.key[1])}" '
            f'x="{x1:.2f}" y="{node.y:.2f}" width="{NODE_W}" height="{h:.2f}" fill="#555">'
            f"<title>{_x(node.label)}{_colon(lang)}{_x(number(node.count, lang))}</title></rect>"
        )
        parts.append(
            _text(
                x1 + NODE_W + 4,
                node.y + h / 2 + right_size / 3,
                label,
                size=right_size,
                extra=' class="label"',
            )
        )
    parts.append("</svg>")
    return "".join(parts)


# --- the seats chart -------------------------------------------------------------------------

SEAT_ROW = 30
NUMBER_ROOM = 70
"""Room right of the longest bar for its number (or "no limit")."""


def _seat_label(catalog: Catalog, line: SeatDemand, lang: str) -> str:
    course = _cut(_name(catalog, "courses", line.course, lang))
    return f"{course} — {_cut(_site_name(catalog, line.site, lang))}"


def seats_svg(result: TerritoryResult, catalog: Catalog, lang: str) -> str:
    """Per course and site, a bar of the seats needed and one of the seats available (none, and
    "no limit", when the sessions set no limit), each with its number."""
    seats = list(result.seats)
    labels = [_seat_label(catalog, line, lang) for line in seats]
    label_w, label_size = _fit(labels)
    chart_x = label_w
    chart_w = WIDTH - chart_x - NUMBER_ROOM
    most = max((max(line.needed, line.available or 0) for line in seats), default=0)
    scale = chart_w / most if most else 0.0
    top = 24
    height = top + SEAT_ROW * len(seats) + 6
    parts = [_svg_open(height, t("territory.html.seat_chart", lang), "seats")]
    legend_x = chart_x
    for name, colour in (("needed", NEEDED_COLOUR), ("available", AVAILABLE_COLOUR)):
        text = t(f"territory.col.{name}", lang)
        parts.append(f'<rect x="{legend_x:.2f}" y="5" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(legend_x + 14, 14, text, size=SMALL, extra=' class="legend"'))
        legend_x += 14 + text_width(text, SMALL) + 16
    for index, (line, label) in enumerate(zip(seats, labels, strict=True)):
        y = top + index * SEAT_ROW
        site = "" if line.site is None else line.site
        available = (
            t("territory.unlimited", lang)
            if line.available is None
            else number(line.available, lang)
        )
        title = (
            f"{_name(catalog, 'courses', line.course, lang)} — "
            f"{_site_name(catalog, line.site, lang)}{_colon(lang)}"
            f"{t('territory.col.needed', lang)} {number(line.needed, lang)}, "
            f"{t('territory.col.available', lang)} {available}, "
            f"{t('territory.col.to_add', lang)} {number(line.to_add, lang)}, "
            f"{t('territory.col.used', lang)} {number(line.used, lang)}"
        )
        parts.append(
            f'<g class="seat" data-course="{_x(line.course)}" data-site="{_x(site)}">'
            f"<title>{_x(title)}</title>"
        )
        parts.append(
            _text(chart_x - 6, y + 15, label, size=label_size, anchor="end", extra=' class="label"')
        )
        needed_w = line.needed * scale
        parts.append(
            f'<rect class="seat-needed" data-needed="{line.needed}" x="{chart_x:.2f}" '
            f'y="{y + 3}" width="{needed_w:.2f}" height="11" fill="{NEEDED_COLOUR}"/>'
        )
        parts.append(
            _text(
                chart_x + needed_w + 4,
                y + 12,
                number(line.needed, lang),
                size=SMALL,
                extra=' class="value needed"',
            )
        )
        if line.available is None:
            parts.append(
                _text(
                    chart_x + 4,
                    y + 24,
                    available,
                    size=SMALL,
                    extra=' class="value unlimited" font-style="italic" fill="#555"',
                )
            )
        else:
            available_w = line.available * scale
            parts.append(
                f'<rect class="seat-available" data-available="{line.available}" '
                f'x="{chart_x:.2f}" y="{y + 15}" width="{available_w:.2f}" height="11" '
                f'fill="{AVAILABLE_COLOUR}"/>'
            )
            parts.append(
                _text(
                    chart_x + available_w + 4,
                    y + 24,
                    available,
                    size=SMALL,
                    extra=' class="value available"',
                )
            )
        parts.append("</g>")
    parts.append(
        f'<line x1="{chart_x:.2f}" y1="{top}" x2="{chart_x:.2f}" y2="{height - 4}" stroke="#999"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


# --- the map ---------------------------------------------------------------------------------


@dataclass
class _Place:
    site: str
    opening: bool = False
    training: bool = False
    placed: int = 0
    unfilled: int = 0
    courses: list[str] = field(default_factory=list)


def _places(result: TerritoryResult) -> dict[str, _Place]:
    """The opening sites (of the flows and of the openings left unfilled) and the training sites
    (of the courses on the flows' routes), in order of first appearance."""
    places: dict[str, _Place] = {}
    for flow in result.flows:
        place = places.setdefault(flow.site, _Place(flow.site))
        place.opening = True
        place.placed += flow.count
    for item in result.unfilled:
        place = places.setdefault(item.site, _Place(item.site))
        place.opening = True
        place.unfilled += item.count
    for flow in result.flows:
        for course in flow.route.courses:
            if course.site is None:
                continue
            place = places.setdefault(course.site, _Place(course.site))
            place.training = True
            if course.course not in place.courses:
                place.courses.append(course.course)
    return places


MAP_MARGIN = 24.0
MAP_TOP = 26.0
"""Room above the plot for the legend."""
MAP_HEIGHT = 300.0
"""The plot's largest height."""
MIN_SPAN = 0.2
"""The smallest span of the plot, in degrees: one site, or sites side by side, are not blown up."""


def _role(place: _Place) -> str:
    if place.opening and place.training:
        return "both"
    return "opening" if place.opening else "training"


ROLE_COLOURS = {"opening": OPENING_COLOUR, "training": TRAINING_COLOUR, "both": BOTH_COLOUR}


def _place_title(catalog: Catalog, place: _Place, lang: str) -> str:
    details = [t(f"territory.html.map.{_role(place)}", lang)]
    if place.opening:
        details.append(f"{t('territory.summary.placed', lang)} {number(place.placed, lang)}")
        if place.unfilled:
            details.append(
                f"{t('territory.summary.unfilled', lang)} {number(place.unfilled, lang)}"
            )
    if place.courses:
        names = ", ".join(_name(catalog, "courses", c, lang) for c in place.courses)
        details.append(f"{t('territory.col.courses', lang)}{_colon(lang)}{names}")
    sep = " ; " if lang == "fr" else "; "
    return _name(catalog, "sites", place.site, lang) + _colon(lang) + sep.join(details)


def map_svg(result: TerritoryResult, catalog: Catalog, lang: str) -> str | None:
    """The opening and training sites at their coordinates, on an equirectangular projection
    (longitudes shortened by the cosine of the mean latitude) fitted to their bounding box with a
    margin; None when no site of the plan is in the catalog."""
    places = [p for p in _places(result).values() if p.site in catalog.sites]
    if not places:
        return None
    coords = [(catalog.sites[p.site].lat, catalog.sites[p.site].lon) for p in places]
    mean_lat = sum(lat for lat, _ in coords) / len(coords)
    shrink = max(math.cos(math.radians(mean_lat)), 0.05)
    xs = [lon * shrink for _, lon in coords]
    ys = [-lat for lat, _ in coords]
    span_x = max(max(xs) - min(xs), MIN_SPAN)
    span_y = max(max(ys) - min(ys), MIN_SPAN)
    mid_x = (max(xs) + min(xs)) / 2
    mid_y = (max(ys) + min(ys)) / 2
    labels = [_cut(_name(catalog, "sites", p.site, lang)) for p in places]
    label_room = min(max(text_width(label, FONT) for label in labels) + 12, WIDTH * LABEL_SHARE)
    plot_w = WIDTH - 2 * MAP_MARGIN - label_room
    scale = min(plot_w / span_x, MAP_HEIGHT / span_y)
    plot_h = span_y * scale
    height = MAP_TOP + plot_h + 2 * MAP_MARGIN
    centre_x = MAP_MARGIN + plot_w / 2
    centre_y = MAP_TOP + MAP_MARGIN + plot_h / 2

    parts = [_svg_open(height, t("territory.html.map_chart", lang), "map")]
    parts.append(
        f'<rect x="0.5" y="{MAP_TOP - 4:.2f}" width="{WIDTH - 1}" '
        f'height="{height - MAP_TOP + 3.5:.2f}" fill="#fafafa" stroke="#ddd"/>'
    )
    legend_x = MAP_MARGIN
    for role in ("opening", "training", "both"):
        if not any(_role(p) == role for p in places):
            continue
        text = t(f"territory.html.map.{role}", lang)
        parts.append(
            f'<rect x="{legend_x:.2f}" y="6" width="10" height="10" rx="5" '
            f'fill="{ROLE_COLOURS[role]}"/>'
        )
        parts.append(_text(legend_x + 14, 15, text, size=SMALL, extra=' class="legend"'))
        legend_x += 14 + text_width(text, SMALL) + 16
    for place, label, x, y in zip(places, labels, xs, ys, strict=True):
        cx = centre_x + (x - mid_x) * scale
        cy = centre_y + (y - mid_y) * scale
        role = _role(place)
        parts.append(
            f'<circle class="site {role}" data-site="{_x(place.site)}" cx="{cx:.2f}" '
            f'cy="{cy:.2f}" r="6" fill="{ROLE_COLOURS[role]}" stroke="#fff" stroke-width="1.5">'
            f"<title>{_x(_place_title(catalog, place, lang))}</title></circle>"
        )
        parts.append(_text(cx + 9, cy + FONT / 3, label, extra=' class="label"'))
    parts.append("</svg>")
    return "".join(parts)


# --- the document ----------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    def cls(index: int) -> str:
        return ' class="num"' if index in numeric else ""

    head = "".join(f"<th{cls(i)}>{_x(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{_x(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{_x(caption)}</figcaption></figure>"


def territory_to_html(result: TerritoryResult, catalog: Catalog, lang: str | None = None) -> str:
    """The whole report, in ``lang`` (English when it is None or not a known language)."""
    lang = lang if lang is not None and lang in LANGUAGES else DEFAULT_LANG
    title = t("territory.title", lang, basin=result.basin)
    lines = header_lines(result, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_x(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_x(title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{_x(title)}</h1>",
        f"<p>{_x(lines[0])}</p>",
        *(f'<p class="muted">{_x(line)}</p>' for line in lines[1:]),
        "</header>",
    ]

    summary = "".join(
        f"<tr><th>{_x(k)}</th><td>{_x(v)}</td></tr>" for k, v in summary_rows(result, lang)
    )
    parts.append(
        f'<section class="summary"><h2>{_x(t("territory.summary.title", lang))}</h2>'
        f"<table>{summary}</table></section>"
    )

    parts.append(f'<section class="flows"><h2>{_x(t("territory.flows.title", lang))}</h2>')
    if any(flow.count > 0 for flow in result.flows):
        parts.append(_figure(flow_svg(result, catalog, lang), t("territory.html.flow_chart", lang)))
        parts.append(_table(flow_headers(lang), flow_rows(result, lang), {3, 5}))
    else:
        parts.append(f"<p>{_x(t('territory.none_placed', lang))}</p>")
    parts.append("</section>")

    places = _places(result)
    unmapped = [site for site in places if site not in catalog.sites]
    if places:
        parts.append(f'<section class="sites"><h2>{_x(t("territory.html.map", lang))}</h2>')
        plot = map_svg(result, catalog, lang)
        if plot is not None:
            parts.append(_figure(plot, t("territory.html.map_chart", lang)))
        if unmapped:
            text = t("territory.html.map.missing", lang, sites=", ".join(unmapped))
            parts.append(f'<p class="muted">{_x(text)}</p>')
        parts.append("</section>")

    parts.append(f'<section class="seats"><h2>{_x(t("territory.seats.title", lang))}</h2>')
    if result.seats:
        parts.append(
            _figure(seats_svg(result, catalog, lang), t("territory.html.seat_chart", lang))
        )
        parts.append(_table(seat_headers(lang), seat_rows(result, lang), {2, 3, 4, 5}))
        opening = to_open_text(result, lang)
        if opening:
            parts.append(f'<p class="finish">{_x(opening)}</p>')
    else:
        parts.append(f"<p>{_x(t('territory.seats.none', lang))}</p>")
    parts.append("</section>")

    for kind, lines in (
        ("stranded", [stranded_line(item, lang) for item in result.stranded]),
        ("unfilled", [unfilled_line(gap, lang) for gap in result.unfilled]),
    ):
        if lines:
            items = "".join(f"<li>{_x(line)}</li>" for line in lines)
            parts.append(
                f'<section class="{kind}"><h2>{_x(t(f"territory.{kind}.title", lang))}</h2>'
                f'<ul class="plain">{items}</ul></section>'
            )

    info = catalog.info
    parts.append(
        f'<footer class="muted">{_x(t("report.catalog", lang))}{_colon(lang)}{_x(info.name)} '
        f"{_x(info.version)} · sha256 {_x(catalog.sha256)}</footer>"
    )
    parts.append("</body></html>\n")
    return "\n".join(parts)
