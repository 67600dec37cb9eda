"""The advising report as one self-contained HTML file: no network, no external CSS or script,
printable on A4. The path is drawn as an inline SVG timeline: one bar per course, coloured by
provider, on a calendar of months when the path has dates (else in weeks from the start).

It is built from the planner's JSON report (:mod:`pathfinder.reports.plan_json`), so the HTML,
Markdown and JSON reports always say the same thing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..i18n import t
from ..model import Catalog
from ..objectives import OBJECTIVE_NAMES
from ..safetext import printable
from .escape import html_text
from .wording import MONTHS, day_text, number, objective_report_text

PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)

CSS = """
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #1a1a1a; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ccc; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #e2e2e2; vertical-align: top; }
th { background: #f4f4f4; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.muted { color: #666; font-size: 9pt; }
.status { display: inline-block; padding: 0.5mm 2mm; border-radius: 2mm; background: #eef; }
.status.unreachable { background: #fde2e2; }
.status.ok, .status.already-qualified { background: #e3f6e3; }
svg { width: 100%; height: auto; }
tr, svg { break-inside: avoid; }
h2, h3 { break-after: avoid; }
table.courses { table-layout: fixed; font-size: 8.5pt; }
table.courses td, table.courses th { padding: 1mm 1.2mm; overflow-wrap: anywhere; }
table.courses thead th { white-space: normal; overflow-wrap: normal; hyphens: auto; }
table.courses .num { padding-left: 1.8mm; }
table.courses .purpose { display: block; }
table.courses .purpose + .purpose { margin-top: 1mm; }
table.courses .dates { font-size: 8pt; color: #333; }
table.courses .muted { font-size: 8pt; }
.finish { font-weight: 600; margin: 1mm 0 2mm; }
.legend-item { white-space: nowrap; }
footer { margin-top: 8mm; border-top: 1px solid #ccc; padding-top: 2mm; }
"""


def _fmt(value: Any, lang: str) -> str:
    """A number as people of ``lang`` write it (1 550,5 in French); anything else, escaped."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return html_text(number(value, lang, decimals=1))
    return html_text(str(value))


def _plain_name(catalog: Catalog, kind: str, entry_id: str | None, lang: str) -> str:
    """The entry's name in ``lang`` (its id, or a dash, when there is none), not yet escaped."""
    table = getattr(catalog, kind)
    entry = table.get(entry_id) if entry_id else None
    return catalog.name(entry, lang) if entry is not None else entry_id or "—"


def _name(catalog: Catalog, kind: str, entry_id: str | None, lang: str) -> str:
    """The entry's name, escaped for HTML (control characters shown as escapes)."""
    return html_text(_plain_name(catalog, kind, entry_id, lang))


TIMELINE_LABEL = 38
"""Characters of a course name beside its timeline bar; longer names are cut (the bar's tooltip has
the whole name)."""

TIMELINE_WIDTH = 700
"""The timeline's width in SVG units; it is drawn 100% wide (182 mm on A4), so one unit is about
0.26 mm and a 10-unit font about 7.5 pt."""
LABEL_SIZE = 10.5
"""Font size of the course labels beside the bars, in SVG units."""
TICK_SIZE = 10.0
"""Font size of the axis labels."""
MAX_LABEL_SHARE = 0.45
"""At most this share of the timeline's width goes to the course labels; longer labels are drawn
smaller."""


def _short(name: str) -> str:
    """``name`` cut to ``TIMELINE_LABEL`` characters, before escaping: an entity is never split."""
    shown = printable(name)
    return shown if len(shown) <= TIMELINE_LABEL else shown[: TIMELINE_LABEL - 2] + "…"


_NARROW = frozenset(" \u00a0\u202filjI.,:;'!|")
_SEMI_NARROW = frozenset('ftr()[]{}-/\\"*')
_WIDE = frozenset("mwMW%@…—&€")


def _char_em(char: str) -> float:
    """A generous estimate of a character's advance width, in ems, modelled on DejaVu Sans (the
    widest common sans-serif: other fonts draw the same text narrower)."""
    if char in _NARROW:
        return 0.32
    if char in _SEMI_NARROW:
        return 0.45
    if char in _WIDE:
        return 1.0
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05
    if char.isdigit():
        return 0.64
    if char.isupper():
        return 0.78
    return 0.64


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An upper estimate of how wide ``text`` is drawn at font size ``size`` (same unit)."""
    return sum(_char_em(char) for char in text) * size * (1.1 if bold else 1.0)


def _nowrap(text: str) -> str:
    """``text`` with no-break spaces: a date or an amount is never split across lines."""
    return text.replace(" ", "\u00a0")


def _course_provider(catalog: Catalog, course: Mapping[str, Any]) -> str:
    entry = catalog.courses.get(course["id"])
    if entry is not None:
        return entry.provider
    return str(course.get("provider") or "?")


def provider_colours(catalog: Catalog, paths: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """A colour per provider appearing in the paths, stable in order of first appearance."""
    colours: dict[str, str] = {}
    for path in paths:
        for course in path.get("courses", ()):
            provider = _course_provider(catalog, course)
            if provider not in colours:
                colours[provider] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _day(value: Any) -> date | None:
    """An ISO date of the JSON report as a date; None when it is null or not a date."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def path_days(path: Mapping[str, Any]) -> list[tuple[date, date]] | None:
    """Each course's first and last day, when the path is on the calendar (it has a finish date
    and every course its dates); else None, and the timeline counts weeks."""
    if _day(path.get("finish")) is None:
        return None
    days = []
    for course in path.get("courses", ()):
        first, last = _day(course.get("start")), _day(course.get("end"))
        if first is None or last is None or last < first:
            return None
        days.append((first, last))
    return days or None


def month_label(index: int, lang: str) -> str:
    """The month ``index`` (year × 12 + month − 1) as an axis label: "Jan 2027", "janv. 2027"."""
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{months[index % 12]} {index // 12}"


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200)
"""How many months one axis label may stand for: the first whose labels do not overlap is used."""


def label_column(
    labels: Sequence[str], size: float, limit: float, pad: float, least: float
) -> tuple[float, float]:
    """The width of a column of ``labels`` (at least ``least``, at most ``limit``) and the font
    size, from ``size`` down, that makes the longest fit in it with ``pad`` to spare."""
    longest = max((text_width(label, size) for label in labels), default=0.0)
    width = max(longest + pad, least)
    if width <= limit:
        return width, size
    return limit, size * (limit - pad) / longest


def _label_area(labels: Sequence[str]) -> tuple[float, float]:
    """The width of the labels' column and the font size that makes the longest label fit."""
    return label_column(labels, LABEL_SIZE, TIMELINE_WIDTH * MAX_LABEL_SHARE, 12, 60.0)


def timeline_svg(
    catalog: Catalog, path: Mapping[str, Any], colours: Mapping[str, str], lang: str
) -> str:
    """The path as a Gantt-like SVG, one bar per course, in order: on a calendar of months when the
    path has dates (each bar from the course's first to its last day, inclusive), else on a
    weeks axis from the start."""
    courses = list(path.get("courses", ()))
    days = path_days(path)
    names = [_plain_name(catalog, "courses", course["id"], lang) for course in courses]
    labels = [f"{index}. {_short(name)}" for index, name in enumerate(names, 1)]
    label_w, label_size = _label_area(labels)
    row_h, top = 22, 26
    chart_x = label_w
    chart_w = TIMELINE_WIDTH - label_w - 24
    height = top + row_h * len(courses) + 10
    aria = t("report.timeline" if days is None else "report.timeline_dates", lang)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {TIMELINE_WIDTH} {height}" '
        f'role="img" aria-label="{html_text(aria)}" class="timeline">',
    ]
    spans: list[tuple[float, float]] = []
    if days is None:
        total = max(sum(float(c["weeks"]) for c in courses), 0.1)
        scale = chart_w / total
        step = _tick_step(total)
        tick = 0.0
        while tick <= total + 1e-9:
            x = chart_x + tick * scale
            parts.append(
                f'<line x1="{x:.2f}" y1="{top - 6}" x2="{x:.2f}" y2="{height - 8}" stroke="#ddd"/>'
            )
            parts.append(
                f'<text class="tick" x="{x:.2f}" y="{top - 10}" font-size="{TICK_SIZE:g}" '
                f'text-anchor="middle" fill="#555">{_fmt(tick, lang)}</text>'
            )
            tick += step
        parts.append(
            f'<text x="{chart_x - 10}" y="{top - 10}" font-size="{TICK_SIZE:g}" text-anchor="end" '
            f'fill="#555">{html_text(t("report.weeks_axis", lang))} →</text>'
        )
        start = 0.0
        for course in courses:
            spans.append((chart_x + start * scale, max(float(course["weeks"]) * scale, 2.0)))
            start += float(course["weeks"])
    else:
        parts.extend(_month_axis(days, chart_x, chart_w, top, height, lang, spans))
    for index, (course, name, label, (x, width)) in enumerate(
        zip(courses, names, labels, spans, strict=True)
    ):
        y = top + index * row_h
        provider = _course_provider(catalog, course)
        if days is None:
            when = f"{_fmt(course['weeks'], lang)} {t('report.weeks_unit', lang)}"
            dated = ""
        else:
            when = _dates_text(course, lang)
            dated = (
                f' data-start="{html_text(str(course["start"]))}"'
                f' data-end="{html_text(str(course["end"]))}"'
            )
        parts.append(
            f'<rect class="bar" data-course="{html_text(course["id"])}"{dated} x="{x:.2f}" '
            f'y="{y + 3}" width="{width:.2f}" height="{row_h - 7}" rx="2" '
            f'fill="{colours.get(provider, PALETTE[0])}"><title>{html_text(name)}: '
            f"{html_text(when)}</title></rect>"
        )
        parts.append(
            f'<text class="label" x="{label_w - 6:.2f}" y="{y + 14}" font-size="{label_size:.2f}" '
            f'text-anchor="end">{html_text(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _month_axis(
    days: Sequence[tuple[date, date]],
    chart_x: float,
    chart_w: float,
    top: int,
    height: int,
    lang: str,
    spans: list[tuple[float, float]],
) -> list[str]:
    """The month axis (grid lines, one label per ``step`` months, each label at the left of the
    months it stands for) and, into ``spans``, each course's bar as (x, width)."""
    first = min(start for start, _ in days)
    last = max(end for _, end in days)
    m0 = first.year * 12 + first.month - 1
    months = last.year * 12 + last.month - 1 - m0 + 1
    widest = max(text_width(month_label(m, lang), TICK_SIZE) for m in range(m0, m0 + months))
    step = MONTH_STEPS[-1]
    for candidate in MONTH_STEPS:
        if chart_w / -(-months // candidate) >= widest + 10:
            step = candidate
            break
    shown = -(-months // step) * step  # whole steps: the last label has its room too
    axis_start, axis_end = _month_start(m0), _month_start(m0 + shown)
    scale = chart_w / (axis_end - axis_start).days
    parts = []
    minor = chart_w / shown >= 4
    for offset in range(shown + 1):
        labelled = offset % step == 0
        if not (labelled or minor):
            continue
        x = chart_x + (_month_start(m0 + offset) - axis_start).days * scale
        parts.append(
            f'<line x1="{x:.2f}" y1="{top - (14 if labelled else 4)}" x2="{x:.2f}" '
            f'y2="{height - 8}" stroke="{"#bbb" if labelled else "#e8e8e8"}"/>'
        )
        if labelled and offset < shown:
            parts.append(
                f'<text class="tick" x="{x + 3:.2f}" y="{top - 8}" font-size="{TICK_SIZE:g}" '
                f'fill="#555">{html_text(month_label(m0 + offset, lang))}</text>'
            )
    for start, end in days:
        x = chart_x + (start - axis_start).days * scale
        spans.append((x, max(((end - start).days + 1) * scale, 2.0)))
    return parts


def _tick_step(total: float) -> float:
    for step in (0.5, 1, 2, 4, 5, 10, 20, 26, 52):
        if total / step <= 12:
            return float(step)
    return float(round(total / 10))


def _dates_text(course: Mapping[str, Any], lang: str) -> str:
    """A course's dates as people read them: "session 7 Jan 2027 – 8 Jan 2027", or on-demand
    dates; empty when it has none. Each day is kept on one line."""
    first, last = _day(course.get("start")), _day(course.get("end"))
    if first is None or last is None:
        return ""
    dates = (
        _nowrap(day_text(first, lang))
        if first == last
        else f"{_nowrap(day_text(first, lang))}\u00a0– {_nowrap(day_text(last, lang))}"
    )
    key = "plan.step.on_demand" if course.get("session") is None else "plan.step.session"
    return t(key, lang, dates=dates)


def finish_line(path: Mapping[str, Any], lang: str) -> str:
    """When the path ends ("From 1 Dec 2026, job-ready on 21 Feb 2027"), that no schedule fits it
    (its finish is null), or nothing for a report without dates; not yet escaped."""
    if "finish" not in path:
        return ""
    finish = _day(path.get("finish"))
    if finish is None:
        return t("plan.no_schedule", lang)
    starts = [day for course in path.get("courses", ()) if (day := _day(course.get("start")))]
    return t(
        "plan.finish",
        lang,
        start=_nowrap(day_text(min(starts), lang)) if starts else "",
        finish=_nowrap(day_text(finish, lang)),
    )


def purpose_text(catalog: Catalog, purpose: Mapping[str, Any], lang: str) -> str:
    """One reason a course is in the path, with the skill's and the course's names; not yet
    escaped."""
    if purpose.get("kind") == "target":
        return t(
            "report.purpose.target",
            lang,
            skill=_plain_name(catalog, "skills", purpose.get("skill"), lang),
            level=purpose.get("level"),
        )
    return t(
        "report.purpose.prerequisite",
        lang,
        course=_plain_name(catalog, "courses", purpose.get("course"), lang),
    )


def _purpose_texts(catalog: Catalog, course: Mapping[str, Any], lang: str) -> list[str]:
    if "purposes" in course:
        return [purpose_text(catalog, p, lang) for p in course.get("purposes") or ()]
    return [str(s) for s in course.get("serves", ())]  # a report from before purposes


def _purposes(catalog: Catalog, course: Mapping[str, Any], lang: str) -> str:
    texts = _purpose_texts(catalog, course, lang)
    return "".join(f'<span class="purpose">{html_text(text)}</span>' for text in texts)


TABLE_WIDTH_MM = 182.0
TABLE_FONT_PT = 8.5
"""The course table's font size (CSS ``table.courses``)."""
PT_MM = 25.4 / 72
TEXT_PADDING_MM = 2 * 1.2 + 0.6
"""A text cell's padding (left, right) and a margin."""
NUM_PADDING_MM = 1.8 + 1.2 + 0.6
"""A numeric cell's padding (left, right) and a margin: right-aligned neighbours never touch."""

NUMERIC_COLUMNS = (
    ("report.col.hours", "hours", "total_hours", ""),
    ("report.col.weeks", "weeks", "total_weeks", ""),
    ("report.col.price", "cost_eur", "total_cost_eur", " €"),
    ("report.col.pays", "pays_eur", "total_pays_eur", " €"),
)
TEXT_COLUMNS = (
    ("report.col.course", 32),
    ("report.col.provider", 22),
    ("report.col.where", 20),
    ("report.col.serves", 26),
)
"""The text columns and their shares of the width the numeric columns leave."""


WORD_LIMIT_MM = 40.0
"""A text column need not be wider than this for its longest word: longer ones are broken."""


def _longest_word(texts: Sequence[str], size: float, *, bold: bool = False) -> float:
    """The widest word of ``texts`` (split at spaces and after hyphens, where lines may break)."""
    words = (
        word
        for text in texts
        for chunk in printable(text).split()
        for word in chunk.replace("-", "- ").split()
    )
    return max((text_width(word, size, bold=bold) for word in words), default=0.0)


def column_widths(catalog: Catalog, path: Mapping[str, Any], lang: str) -> list[float]:
    """The course table's column widths in mm, in order (course, provider, where, the four
    numeric columns, purposes). A numeric column is as wide as its header's longest word (headers
    wrap between words only) or its widest value (values never wrap), so that no two headers or
    figures touch in any language; a text column is at least as wide as its longest word (up to
    ``WORD_LIMIT_MM``), and the text columns share what is left."""
    size = TABLE_FONT_PT * PT_MM
    courses = list(path.get("courses", ()))
    numeric = []
    for key, field, total, unit in NUMERIC_COLUMNS:
        values = [text_width(_nowrap(number(c[field], lang, 1)) + unit, size) for c in courses]
        values.append(
            text_width(_nowrap(number(path.get(total, 0), lang, 1)) + unit, size, bold=True)
        )
        numeric.append(max(_longest_word([t(key, lang)], size, bold=True), *values))
    numeric = [width + NUM_PADDING_MM for width in numeric]
    contents = _text_cells(catalog, courses, lang)
    text = [
        max(
            _longest_word([t(key, lang)], size, bold=True),
            min(_longest_word(cells, size), WORD_LIMIT_MM),
        )
        + TEXT_PADDING_MM
        for (key, _), cells in zip(TEXT_COLUMNS, contents, strict=True)
    ]
    text = _share(TABLE_WIDTH_MM - sum(numeric), text, [share for _, share in TEXT_COLUMNS])
    return [*text[:3], *numeric, text[3]]


def _share(room: float, least: Sequence[float], shares: Sequence[float]) -> list[float]:
    """``room`` shared by ``shares``, no column under its ``least`` width (the others then share
    what is left); every column at its least width, scaled down, when they do not all fit."""
    widths = list(least)
    free = set(range(len(least)))
    while free:
        left = room - sum(widths[i] for i in range(len(widths)) if i not in free)
        total = sum(shares[i] for i in free)
        under = {i for i in free if left * shares[i] / total < least[i]}
        if not under:
            for i in free:
                widths[i] = left * shares[i] / total
            return widths
        free -= under
    total = sum(widths)
    return widths if total <= room else [w * room / total for w in widths]


def _text_cells(
    catalog: Catalog, courses: Sequence[Mapping[str, Any]], lang: str
) -> list[list[str]]:
    """The plain text of each text column's cells: course, provider, where, purposes."""
    cells: list[list[str]] = [[], [], [], []]
    for index, course in enumerate(courses, 1):
        cells[0] += [
            f"{index}. {_plain_name(catalog, 'courses', course['id'], lang)}",
            _dates_text(course, lang),
            str(course["id"]),
        ]
        cells[1].append(_plain_name(catalog, "providers", _course_provider(catalog, course), lang))
        if course.get("site"):
            cells[2].append(_plain_name(catalog, "sites", course["site"], lang))
            if course.get("distance_km") is not None:
                cells[2].append(f"({_nowrap(number(course['distance_km'], lang, 1))} km)")
        else:
            cells[2].append(t("report.online", lang))
        cells[3] += _purpose_texts(catalog, course, lang)
    return cells


def _path_table(catalog: Catalog, path: Mapping[str, Any], lang: str) -> str:
    courses = list(path.get("courses", ()))
    widths = column_widths(catalog, path, lang)
    total_width = sum(widths)
    head = "".join(
        f"<th{cls}>{html_text(t(key, lang))}</th>"
        for key, cls in (
            ("report.col.course", ""),
            ("report.col.provider", ""),
            ("report.col.where", ""),
            *((key, ' class="num"') for key, _, _, _ in NUMERIC_COLUMNS),
            ("report.col.serves", ""),
        )
    )
    rows = []
    for index, course in enumerate(courses, 1):
        entry = catalog.courses.get(course["id"])
        provider = _name(catalog, "providers", entry.provider if entry else None, lang)
        if course.get("site"):
            where = _name(catalog, "sites", course["site"], lang)
            if course.get("distance_km") is not None:
                where += (
                    f' <span class="muted">({_fmt(course["distance_km"], lang)}\u00a0km)</span>'
                )
        else:
            where = html_text(t("report.online", lang))
        dates = _dates_text(course, lang)
        dates_html = f'<br><span class="dates">{html_text(dates)}</span>' if dates else ""
        numbers = "".join(
            f'<td class="num">{_fmt(course[field], lang)}{unit}</td>'
            for _, field, _, unit in NUMERIC_COLUMNS
        )
        rows.append(
            f"<tr><td>{index}. {_name(catalog, 'courses', course['id'], lang)}{dates_html}"
            f'<br><span class="muted">{html_text(course["id"])}</span></td><td>{provider}</td>'
            f'<td>{where}</td>{numbers}<td class="purposes">{_purposes(catalog, course, lang)}</td></tr>'
        )
    totals = "".join(
        f'<th class="num">{_fmt(path.get(total, 0), lang)}{unit}</th>'
        for _, _, total, unit in NUMERIC_COLUMNS
    )
    totals_row = (
        f'<tr><th colspan="3">{html_text(t("report.total", lang))}</th>{totals}<th></th></tr>'
    )
    cols = "".join(f'<col style="width:{100 * w / total_width:.2f}%">' for w in widths)
    return (
        f'<table class="courses"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}{totals_row}</tbody></table>"
    )


def _finish_paragraph(path: Mapping[str, Any], lang: str) -> str:
    text = finish_line(path, lang)
    return f'<p class="finish">{html_text(text)}</p>' if text else ""


def _profile_section(
    catalog: Catalog, profile: Mapping[str, Any], reference: str | None, lang: str
) -> str:
    rows: list[tuple[str, str]] = []
    if reference:
        rows.append((t("report.reference", lang), html_text(reference)))
    jobs = ", ".join(_name(catalog, "jobs", j, lang) for j in profile.get("jobs", ())) or "—"
    rows.append((t("report.jobs", lang), jobs))
    home = profile.get("home")
    if isinstance(home, dict) and "query" in home:  # a town or postal code, as placed
        placed = str(home.get("name", ""))
        if home.get("postal_code"):
            placed += f" ({home['postal_code']})"
        home_text = html_text(f"{placed} — {float(home['lat']):.3f}, {float(home['lon']):.3f}")
    elif isinstance(home, dict):
        home_text = f"{float(home['lat']):.3f}, {float(home['lon']):.3f}"
    elif isinstance(home, str) and home not in catalog.sites:
        home_text = html_text(home)  # a town, placed when planning
    else:
        home_text = _name(catalog, "sites", home, lang) if home else "—"
    radius = profile.get("mobility_km")
    rows.append((t("report.home", lang), home_text))
    rows.append(
        (
            t("report.radius", lang),
            f"{_fmt(radius, lang)} km"
            if radius is not None
            else html_text(t("report.any_distance", lang)),
        )
    )
    rows.append(
        (
            t("report.online_ok", lang),
            html_text(t("report.yes" if profile.get("online", True) else "report.no", lang)),
        )
    )
    limits = []
    for key, unit in (
        ("max_hours", "h"),
        ("max_weeks", t("report.weeks_unit", lang)),
        ("budget_eur", "€"),
    ):
        if profile.get(key) is not None:
            limits.append(
                f"{html_text(t('report.limit.' + key, lang))} {_fmt(profile[key], lang)} {html_text(unit)}"
            )
    rows.append(
        (t("report.limits", lang), "; ".join(limits) or html_text(t("report.no_limit", lang)))
    )
    funding = ", ".join(
        html_text(t("funding." + f, lang)) if _has_funding_label(f) else html_text(f)
        for f in profile.get("funding", ())
    )
    rows.append((t("report.funding", lang), funding or "—"))
    body = "".join(f"<tr><th>{html_text(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<section class="section"><h2>{html_text(t("report.profile", lang))}</h2><table>{body}</table></section>'


def _has_funding_label(source: str) -> bool:
    from ..i18n import has_message

    return has_message("funding." + source)


def render_html(
    report: Mapping[str, Any],
    catalog: Catalog,
    profile: Mapping[str, Any],
    lang: str,
    *,
    reference: str | None = None,
    generated: str,
) -> str:
    """The whole report. ``report`` is the planner's JSON report, ``profile`` the profile's plain
    data, ``generated`` the date (and time) to print."""
    target = report.get("target")
    status = str(report.get("status", ""))
    paths = list(report.get("paths", ()))
    colours = provider_colours(catalog, paths[:1])  # only the best path is drawn
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(t('report.title', lang))} — {_name(catalog, 'jobs', target, lang)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{html_text(t('report.title', lang))}</h1>",
        f"<p>{html_text(t('report.goal', lang))} <strong>{_name(catalog, 'jobs', target, lang)}</strong> "
        f'<span class="status {html_text(status)}">{html_text(t("report.status." + status, lang))}</span></p>',
        f'<p class="muted">{html_text(t("report.optimised_for", lang, objective=objective_report_text(str(report.get("optimize", OBJECTIVE_NAMES[0])), lang)))}</p></header>',
        _profile_section(catalog, profile, reference, lang),
    ]
    gaps = report.get("gaps", ())
    parts.append(f'<section class="section"><h2>{html_text(t("report.gaps", lang))}</h2>')
    if gaps:
        rows = "".join(
            f'<tr><td>{_name(catalog, "skills", g["skill"], lang)}</td><td class="num">{g["have"]}</td><td class="num">{g["need"]}</td></tr>'
            for g in gaps
        )
        parts.append(
            f'<table><thead><tr><th>{html_text(t("report.col.skill", lang))}</th><th class="num">{html_text(t("report.col.have", lang))}</th>'
            f'<th class="num">{html_text(t("report.col.need", lang))}</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        parts.append(f"<p>{html_text(t('report.no_gaps', lang))}</p>")
    parts.append("</section>")
    if paths:
        best = paths[0]
        parts.append(f'<section class="path"><h2>{html_text(t("report.best_path", lang))}</h2>')
        parts.append(timeline_svg(catalog, best, colours, lang))
        legend = " · ".join(
            f'<span class="legend-item" data-provider="{html_text(provider)}">'
            f'<span style="color:{colour}">■</span> {_name(catalog, "providers", provider, lang)}'
            "</span>"
            for provider, colour in colours.items()
        )
        parts.append(f'<p class="muted legend">{legend}</p>')
        parts.append(_finish_paragraph(best, lang))
        parts.append(_path_table(catalog, best, lang))
        if report.get("proven") is False:
            parts.append(f'<p class="muted">{html_text(t("plan.not_proven", lang))}</p>')
        parts.append("</section>")
        for rank, path in enumerate(paths[1:], 2):
            parts.append(
                f'<section class="path"><h3>{html_text(t("report.alternative", lang, n=rank))}</h3>'
            )
            parts.append(_finish_paragraph(path, lang))
            parts.append(_path_table(catalog, path, lang))
            parts.append("</section>")
    blockers = report.get("blockers", ())
    if blockers or status == "unreachable":
        parts.append(
            f'<section class="section"><h2>{html_text(t("report.why_not", lang))}</h2><ul>'
        )
        parts.extend(f"<li>{html_text(str(b.get('reason', '')))}</li>" for b in blockers)
        parts.append("</ul>")
        for relaxation in report.get("relaxations", ()):
            text = relaxation.get("text") if isinstance(relaxation, Mapping) else relaxation
            parts.append(f"<p>{html_text(str(text))}</p>")
        parts.append("</section>")
    meta = report.get("catalog", {})
    parts.append(
        f'<footer class="muted">{html_text(t("report.catalog", lang))}: {html_text(str(meta.get("name", "")))} '
        f"{html_text(str(meta.get('version', '')))} · sha256 {html_text(str(meta.get('sha256', '')))}<br>"
        f"{html_text(t('report.generated', lang, date=generated))}</footer>"
    )
    parts.append("</body></html>\n")
    return "\n".join(parts)
