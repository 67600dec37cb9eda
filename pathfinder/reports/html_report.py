"""The advising report as one self-contained HTML file: no network, no external CSS or script,
printable on A4. The path is drawn as an inline SVG timeline (weeks on the axis, one bar per
course, coloured by provider).

It is built from the planner's JSON report (:mod:`pathfinder.reports.plan_json`), so the HTML,
Markdown and JSON reports always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..i18n import t
from ..model import Catalog
from ..objectives import OBJECTIVE_NAMES
from ..safetext import printable
from .escape import html_text
from .wording import number, objective_report_text

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
table.courses { table-layout: fixed; font-size: 9pt; }
table.courses td, table.courses th { padding: 1mm 1.2mm; overflow-wrap: anywhere; }
table.courses thead th { white-space: normal; overflow-wrap: normal; hyphens: auto; }
table.courses .num { padding-left: 2.5mm; }
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


def _short(name: str) -> str:
    """``name`` cut to ``TIMELINE_LABEL`` characters, before escaping: an entity is never split."""
    shown = printable(name)
    return shown if len(shown) <= TIMELINE_LABEL else shown[: TIMELINE_LABEL - 2] + "…"


def provider_colours(catalog: Catalog, paths: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """A colour per provider appearing in the paths, stable in order of first appearance."""
    colours: dict[str, str] = {}
    for path in paths:
        for course in path.get("courses", ()):
            provider = (
                catalog.courses[course["id"]].provider if course["id"] in catalog.courses else "?"
            )
            if provider not in colours:
                colours[provider] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def timeline_svg(
    catalog: Catalog, path: Mapping[str, Any], colours: Mapping[str, str], lang: str
) -> str:
    """The path as a Gantt-like SVG: weeks on the x axis, one bar per course, in order."""
    courses = list(path.get("courses", ()))
    total = max(sum(float(c["weeks"]) for c in courses), 0.1)
    label_w, chart_w, row_h, top = 230, 440, 22, 26
    scale = chart_w / total
    height = top + row_h * len(courses) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + chart_w + 20} {height}" '
        f'role="img" aria-label="{html_text(t("report.timeline", lang))}" class="timeline">',
    ]
    step = _tick_step(total)
    tick = 0.0
    while tick <= total + 1e-9:
        x = label_w + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 8}" stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{top - 10}" font-size="10" text-anchor="middle" fill="#555">{_fmt(tick, lang)}</text>'
        )
        tick += step
    parts.append(
        f'<text x="{label_w - 6}" y="{top - 10}" font-size="10" text-anchor="end" fill="#555">{html_text(t("report.weeks_axis", lang))} →</text>'
    )
    start = 0.0
    for index, course in enumerate(courses):
        entry = catalog.courses.get(course["id"])
        provider = entry.provider if entry is not None else "?"
        y = top + index * row_h
        x = label_w + start * scale
        width = max(float(course["weeks"]) * scale, 2.0)
        label = _name(catalog, "courses", course["id"], lang)
        short = html_text(_short(_plain_name(catalog, "courses", course["id"], lang)))
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 14}" font-size="10.5" text-anchor="end">{index + 1}. {short}</text>'
        )
        parts.append(
            f'<rect class="bar" data-course="{html_text(course["id"])}" x="{x:.1f}" y="{y + 3}" width="{width:.1f}" '
            f'height="{row_h - 7}" rx="2" fill="{colours.get(provider, PALETTE[0])}"><title>{label}: '
            f"{_fmt(course['weeks'], lang)} {html_text(t('report.weeks_unit', lang))}</title></rect>"
        )
        start += float(course["weeks"])
    parts.append("</svg>")
    return "".join(parts)


def _tick_step(total: float) -> float:
    for step in (0.5, 1, 2, 4, 5, 10, 20, 26, 52):
        if total / step <= 12:
            return float(step)
    return float(round(total / 10))


def _path_table(catalog: Catalog, path: Mapping[str, Any], lang: str) -> str:
    head = "".join(
        f"<th{cls}>{html_text(t(key, lang))}</th>"
        for key, cls in (
            ("report.col.course", ""),
            ("report.col.provider", ""),
            ("report.col.where", ""),
            ("report.col.hours", ' class="num"'),
            ("report.col.weeks", ' class="num"'),
            ("report.col.price", ' class="num"'),
            ("report.col.pays", ' class="num"'),
            ("report.col.serves", ""),
        )
    )
    rows = []
    for index, course in enumerate(path.get("courses", ()), 1):
        entry = catalog.courses.get(course["id"])
        provider = _name(catalog, "providers", entry.provider if entry else None, lang)
        if course.get("site"):
            where = _name(catalog, "sites", course["site"], lang)
            if course.get("distance_km") is not None:
                where += f' <span class="muted">({_fmt(course["distance_km"], lang)} km)</span>'
        else:
            where = html_text(t("report.online", lang))
        serves = "<br>".join(html_text(str(s)) for s in course.get("serves", ()))
        rows.append(
            f"<tr><td>{index}. {_name(catalog, 'courses', course['id'], lang)}"
            f'<br><span class="muted">{html_text(course["id"])}</span></td><td>{provider}</td><td>{where}</td>'
            f'<td class="num">{_fmt(course["hours"], lang)}</td><td class="num">{_fmt(course["weeks"], lang)}</td>'
            f'<td class="num">{_fmt(course["cost_eur"], lang)} €</td><td class="num">{_fmt(course["pays_eur"], lang)} €</td>'
            f"<td>{serves}</td></tr>"
        )
    totals = (
        f'<tr><th colspan="3">{html_text(t("report.total", lang))}</th>'
        f'<th class="num">{_fmt(path.get("total_hours", 0), lang)}</th><th class="num">{_fmt(path.get("total_weeks", 0), lang)}</th>'
        f'<th class="num">{_fmt(path.get("total_cost_eur", 0), lang)} €</th><th class="num">{_fmt(path.get("total_pays_eur", 0), lang)} €</th><th></th></tr>'
    )
    widths = "".join(f'<col style="width:{w}%">' for w in (21, 15, 13, 7, 8, 9, 10, 17))
    return f'<table class="courses"><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}{totals}</tbody></table>'


def _profile_section(
    catalog: Catalog, profile: Mapping[str, Any], reference: str | None, lang: str
) -> str:
    rows: list[tuple[str, str]] = []
    if reference:
        rows.append((t("report.reference", lang), html_text(reference)))
    jobs = ", ".join(_name(catalog, "jobs", j, lang) for j in profile.get("jobs", ())) or "—"
    rows.append((t("report.jobs", lang), jobs))
    home = profile.get("home")
    if isinstance(home, dict):
        home_text = f"{float(home['lat']):.3f}, {float(home['lon']):.3f}"
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
    colours = provider_colours(catalog, paths)
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
            f'<span style="color:{colour}">■</span> {_name(catalog, "providers", provider, lang)}'
            for provider, colour in colours.items()
        )
        parts.append(f'<p class="muted">{legend}</p>')
        parts.append(_path_table(catalog, best, lang))
        if report.get("proven") is False:
            parts.append(f'<p class="muted">{html_text(t("plan.not_proven", lang))}</p>')
        parts.append("</section>")
        for rank, path in enumerate(paths[1:], 2):
            parts.append(
                f'<section class="path"><h3>{html_text(t("report.alternative", lang, n=rank))}</h3>'
            )
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
