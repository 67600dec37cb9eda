"""The HTML report: the timeline on the calendar (months on the axis, a bar from each course's first
to its last day) or in weeks when the path has no dates, the legend, the finish line, the
purposes by name, and a course table whose headers never touch, in English and French."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from support.catalogs import MINI_CATALOG
from support.html_report_parser import parse_report

from pathfinder.i18n import t
from pathfinder.loader import loads_catalog
from pathfinder.model import Catalog
from pathfinder.planner import plan
from pathfinder.profile import Profile
from pathfinder.reports.html_report import (
    LABEL_SIZE,
    NUM_PADDING_MM,
    PT_MM,
    TABLE_FONT_PT,
    TABLE_WIDTH_MM,
    TICK_SIZE,
    render_html,
    text_width,
)
from pathfinder.reports.plan_json import plan_to_json

# The mini catalog and a second provider with a course of its own, used by an alternative only.
CATALOG_TEXT = MINI_CATALOG.replace(
    "providers:\n",
    "providers:\n  - {id: night-school, name: {en: Night school, fr: École du soir}}\n",
) + (
    "  - id: evening-electrics\n"
    "    name: {en: Evening electrics, fr: Électricité du soir}\n"
    "    provider: night-school\n"
    "    hours: 40\n"
    "    weeks: 2\n"
    "    cost_eur: 300\n"
    "    format: online\n"
    "    grants: {electrical-basics: 1}\n"
)

PROFILE = {"jobs": ["assembly-operator"], "home": "flins", "mobility_km": 60, "funding": []}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return loads_catalog(CATALOG_TEXT)


def course(
    course_id: str, start: str | None, end: str | None, *, session: bool = False, **extra: Any
) -> dict[str, Any]:
    """One course of a JSON report, with its dates (a session's, or on demand)."""
    data: dict[str, Any] = {
        "id": course_id,
        "hours": 35,
        "weeks": 1,
        "cost_eur": 600,
        "format": "online",
        "pays_eur": 0,
        "site": None,
        "distance_km": None,
        "grants": {},
        "serves": [],
        "purposes": [],
        "start": start,
        "end": end,
        "session": {"start": start, "end": end, "site": "flins"} if session else None,
    }
    data.update(extra)
    return data


BEST: dict[str, Any] = {
    "courses": [
        course(
            "electrical-upgrade",
            "2027-01-11",
            "2027-01-15",
            weeks=0.7,
            serves=["prerequisite of hv-b2l"],
            purposes=[
                {
                    "kind": "prerequisite",
                    "skill": "electrical-basics",
                    "level": 1,
                    "course": "hv-b2l",
                }
            ],
        ),
        course(
            "hv-b2l",
            "2027-02-01",
            "2027-03-12",
            session=True,
            weeks=5.7,
            site="flins",
            distance_km=12.4,
            serves=["target requirement hv-safety-b2l ≥ 1"],
            purposes=[{"kind": "target", "skill": "hv-safety-b2l", "level": 1, "course": None}],
        ),
    ],
    "total_hours": 70,
    "total_weeks": 6.4,
    "total_cost_eur": 1200,
    "total_pays_eur": 0,
    "finish": "2027-03-12",
}
"""The best path: 5 days in January (on demand), then a 40-day session from 1 February."""

ALTERNATIVE: dict[str, Any] = {
    "courses": [
        course("evening-electrics", "2027-01-04", "2027-01-17"),
        course("hv-b2l", "2027-02-01", "2027-03-12", session=True),
    ],
    "total_hours": 75,
    "total_weeks": 3,
    "total_cost_eur": 900,
    "total_pays_eur": 0,
    "finish": "2027-03-12",
}


def report(*paths: dict[str, Any]) -> dict[str, Any]:
    return {
        "catalog": {"name": "Mini", "version": "1.0", "sha256": "ab" * 32},
        "target": "ev-technician",
        "optimize": "finish",
        "status": "ok",
        "gaps": [{"skill": "hv-safety-b2l", "have": 0, "need": 1}],
        "paths": list(paths),
        "blockers": [],
    }


def html_of(catalog: Catalog, document: dict[str, Any], lang: str) -> str:
    return render_html(document, catalog, PROFILE, lang, generated="2026-12-01 10:00")


def plain(text: str) -> str:
    """``text`` with its no-break spaces as spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# -- the calendar --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "months"),
    [
        ("en", ["Jan 2027", "Feb 2027", "Mar 2027"]),
        ("fr", ["janv. 2027", "févr. 2027", "mars 2027"]),
    ],
)
def test_the_axis_is_in_months_from_the_first_to_the_last(
    catalog: Catalog, lang: str, months: list[str]
) -> None:
    parsed = parse_report(html_of(catalog, report(BEST), lang))
    assert parsed.ticks == months
    assert parsed.svg_labels == [t("report.timeline_dates", lang)]
    # Labels start where their month does, left to right, a month apart (31 days, 28 days).
    x = parsed.tick_x
    assert x == sorted(x)
    assert (x[2] - x[1]) / (x[1] - x[0]) == pytest.approx(28 / 31, rel=1e-3)


def test_bars_are_placed_by_date_and_as_long_as_their_days(catalog: Catalog) -> None:
    parsed = parse_report(html_of(catalog, report(BEST), "en"))
    first, second = parsed.bar_boxes
    assert (first.course, first.start, first.end) == (
        "electrical-upgrade",
        "2027-01-11",
        "2027-01-15",
    )
    assert (second.course, second.start, second.end) == ("hv-b2l", "2027-02-01", "2027-03-12")
    assert first.x < second.x
    # 5 days (11..15 January, inclusive), then 40 days (1 February..12 March), 21 days apart.
    assert second.width / first.width == pytest.approx(40 / 5, rel=1e-3)
    assert (second.x - first.x) / first.width == pytest.approx(21 / 5, rel=1e-3)
    # The axis starts on 1 January: the first bar 10 days after the first month's label.
    day = first.width / 5
    assert first.x - (parsed.tick_x[0] - 3) == pytest.approx(10 * day, rel=1e-3)
    assert first.fill == second.fill  # one provider, one colour
    assert plain(first.title) == "Electrical upgrade: 11 Jan 2027 – 15 Jan 2027 (on demand)"
    assert plain(second.title) == "HV B2L: session 1 Feb 2027 – 12 Mar 2027"


def test_a_long_path_gets_fewer_labels_that_never_overlap(catalog: Catalog) -> None:
    long_path = {
        **BEST,
        "courses": [
            course("electrical-upgrade", "2027-01-04", "2027-01-08"),
            course("hv-b2l", "2028-11-06", "2028-12-20", session=True),
        ],
        "finish": "2028-12-20",
    }
    for lang in ("en", "fr"):
        parsed = parse_report(html_of(catalog, report(long_path), lang))
        ticks, x = parsed.ticks, parsed.tick_x
        assert ticks[0] == ("Jan 2027" if lang == "en" else "janv. 2027")
        assert 3 <= len(ticks) < 24  # not every month of the two years
        for left, right, text in zip(x, x[1:], ticks, strict=False):
            assert right - left >= text_width(text, TICK_SIZE)
        last = max(parsed.bar_boxes, key=lambda bar: bar.x)
        assert last.course == "hv-b2l"


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "From 11 Jan 2027, job-ready on 12 Mar 2027"),
        ("fr", "À partir du 11 janv. 2027, prêt pour le poste le 12 mars 2027"),
    ],
)
def test_the_finish_line_says_when_the_path_ends(catalog: Catalog, lang: str, line: str) -> None:
    html = html_of(catalog, report(BEST, ALTERNATIVE), lang)
    finish = [plain(text) for text in parse_report(html).finish]
    alternative = line.replace("11 Jan", "4 Jan").replace("11 janv.", "4 janv.")
    assert finish == [line, alternative]  # the best path's, then the alternative's
    # Just under the timeline and its legend, before the table.
    assert html.index("</svg>") < html.index('class="finish"') < html.index('class="courses"')


def test_the_course_table_gives_each_course_its_dates(catalog: Catalog) -> None:
    for lang, expected in (
        ("en", ["11 Jan 2027 – 15 Jan 2027 (on demand)", "session 1 Feb 2027 – 12 Mar 2027"]),
        (
            "fr",
            [
                "11 janv. 2027 – 15 janv. 2027 (à la demande)",
                "session du 1 févr. 2027 – 12 mars 2027",
            ],
        ),
    ):
        parsed = parse_report(html_of(catalog, report(BEST), lang))
        assert [plain(text) for text in parsed.texts["dates"]] == expected


def test_a_real_plan_is_drawn_on_the_calendar(catalog: Catalog) -> None:
    """The planner's own JSON report, today being 1 December 2026 (tests/conftest.py)."""
    result = plan(
        catalog,
        Profile(jobs=("assembly-operator",), home="flins", mobility_km=100),
        "ev-technician",
    )
    for lang, month, line in (
        ("en", "Dec 2026", "From 1 Dec 2026, job-ready on 12 Dec 2026"),
        ("fr", "déc. 2026", "À partir du 1 déc. 2026, prêt pour le poste le 12 déc. 2026"),
    ):
        parsed = parse_report(html_of(catalog, plan_to_json(result, catalog, lang), lang))
        assert parsed.ticks == [month]
        assert [plain(text) for text in parsed.finish][0] == line
        bars = parsed.bar_boxes
        assert [(b.start, b.end) for b in bars] == [
            ("2026-12-01", "2026-12-07"),
            ("2026-12-08", "2026-12-12"),
        ]
        assert bars[1].width / bars[0].width == pytest.approx(5 / 7, rel=1e-3)


# -- without dates ---------------------------------------------------------------------------------


def test_without_dates_the_axis_counts_weeks(catalog: Catalog) -> None:
    undated = {
        **BEST,
        "finish": None,
        "courses": [{**c, "start": None, "end": None, "session": None} for c in BEST["courses"]],
    }
    for lang, weeks, line in (
        ("en", "weeks", "No order of these courses fits their session dates."),
        (
            "fr",
            "semaines",
            "Aucun ordre de ces formations ne s'accorde avec les dates de leurs sessions.",
        ),
    ):
        html = html_of(catalog, report(undated), lang)
        parsed = parse_report(html)
        assert parsed.svg_labels == [t("report.timeline", lang)]
        assert parsed.ticks[0] == "0" and all(
            re.fullmatch(r"[0-9]+([.,]5)?", x) for x in parsed.ticks
        )
        assert f"{weeks} →" in html
        first, second = parsed.bar_boxes
        assert (first.start, second.end) == (None, None)
        assert second.width / first.width == pytest.approx(5.7 / 0.7, rel=1e-3)
        assert second.x == pytest.approx(first.x + first.width, abs=0.02)  # one after the other
        assert parsed.finish == [line]
        assert parsed.texts["dates"] == []


def test_a_report_without_dates_or_purposes_still_renders(catalog: Catalog) -> None:
    """A JSON report from before dates and structured purposes: weeks, and the ``serves`` texts."""
    old = {
        **BEST,
        "courses": [
            {k: v for k, v in c.items() if k not in ("start", "end", "session", "purposes")}
            for c in BEST["courses"]
        ],
    }
    del old["finish"]
    parsed = parse_report(html_of(catalog, report(old), "en"))
    assert parsed.finish == [] and parsed.ticks[0] == "0"
    assert parsed.texts["purpose"] == [
        "prerequisite of hv-b2l",
        "target requirement hv-safety-b2l ≥ 1",
    ]


# -- the table and the legend ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "purposes"),
    [
        ("en", ["prerequisite of HV B2L", "the job needs HV safety B2L, level 1"]),
        ("fr", ["prérequis de Habilitation B2L", "le métier exige Habilitation B2L, niveau 1"]),
    ],
)
def test_purposes_name_the_skill_and_the_course(
    catalog: Catalog, lang: str, purposes: list[str]
) -> None:
    parsed = parse_report(html_of(catalog, report(BEST), lang))
    assert parsed.texts["purpose"] == purposes
    assert not any("hv-" in text for text in parsed.texts["purpose"])  # no raw id


def test_purposes_escape_hostile_names() -> None:
    hostile = '<img src=x onerror="alert(1)">'
    catalog = loads_catalog(
        CATALOG_TEXT.replace("{en: HV B2L, fr: Habilitation B2L}", f"{{en: '{hostile}', fr: x}}")
    )
    html = html_of(catalog, report(BEST), "en")
    parsed = parse_report(html)
    assert parsed.texts["purpose"][0] == f"prerequisite of {hostile}"
    assert "<img" not in html and "img" not in parsed.tags


def test_the_legend_lists_the_drawn_paths_providers_only(catalog: Catalog) -> None:
    for lang, other in (("en", "Night school"), ("fr", "École du soir")):
        html = html_of(catalog, report(BEST, ALTERNATIVE), lang)
        parsed = parse_report(html)
        assert parsed.legend == ["campus"]
        assert [plain(text).strip() for text in parsed.texts["legend-item"]] == ["■ Campus"]
        assert other in html  # in the alternative's table, not the legend
        assert set(parsed.bars) == {"electrical-upgrade", "hv-b2l"}  # only the best path is drawn


def test_the_legend_follows_the_best_path_when_it_has_another_provider(catalog: Catalog) -> None:
    parsed = parse_report(html_of(catalog, report(ALTERNATIVE, BEST), "en"))
    assert parsed.legend == ["night-school", "campus"]
    fills = {bar.course: bar.fill for bar in parsed.bar_boxes}
    assert fills["evening-electrics"] != fills["hv-b2l"]


def _column_widths_mm(html: str) -> list[float]:
    colgroup = re.search(r'<table class="courses"><colgroup>(.*?)</colgroup>', html)
    assert colgroup
    percents = [float(p) for p in re.findall(r"width:([0-9.]+)%", colgroup[1])]
    assert sum(percents) == pytest.approx(100, abs=0.1)
    return [p * TABLE_WIDTH_MM / 100 for p in percents]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numeric_headers_and_figures_have_room(catalog: Catalog, lang: str) -> None:
    """Each numeric column holds its header's longest word (bold) and its widest figure, with
    padding: "Heures" and "Semaines" no longer run together."""
    expensive = {
        **BEST,
        "courses": [
            {**c, "cost_eur": 123456.5, "pays_eur": 99999, "hours": 1234.5} for c in BEST["courses"]
        ],
        "total_cost_eur": 246913,
        "total_pays_eur": 199998,
    }
    html = html_of(catalog, report(expensive), lang)
    widths = _column_widths_mm(html)
    size = TABLE_FONT_PT * PT_MM
    headers = ("report.col.hours", "report.col.weeks", "report.col.price", "report.col.pays")
    figures = ("1,234.5", "5.7", "123,456.5 €", "99,999 €")
    for width, key, figure in zip(widths[3:7], headers, figures, strict=True):
        words = t(key, lang).split()
        assert width >= max(text_width(w, size, bold=True) for w in words) + NUM_PADDING_MM - 0.01
        assert width >= text_width(figure, size) + NUM_PADDING_MM - 0.01
    assert sum(widths) == pytest.approx(TABLE_WIDTH_MM, abs=0.2)
    assert "white-space: nowrap" in html  # figures never wrap


def test_course_labels_fit_their_column(catalog: Catalog) -> None:
    """The label column is as wide as the longest label drawn (and a very wide one is drawn
    smaller): no label starts left of the picture."""
    for name in ("Electrical upgrade", "W" * 60, "Mini"):
        named = loads_catalog(
            CATALOG_TEXT.replace(
                "{en: Electrical upgrade, fr: Remise à niveau en électricité}",
                f"{{en: {name}, fr: {name}}}",
            )
        )
        parsed = parse_report(html_of(named, report(BEST), "en"))
        for (x, size), label in zip(parsed.label_anchors, parsed.labels, strict=True):
            assert x - text_width(label, size) >= 0, label
            assert size <= LABEL_SIZE
        longest = max(text_width(label, LABEL_SIZE) for label in parsed.labels)
        assert parsed.label_anchors[0][0] <= max(longest + 6, 60) + 0.01  # no wider than needed


def test_dates_are_never_split_inside_a_day(catalog: Catalog) -> None:
    html = html_of(catalog, report(BEST), "fr")
    assert "12\u00a0mars\u00a02027" in html and "1\u00a0févr.\u00a02027" in html
    assert date(2027, 3, 12).isoformat() in html  # the bar's data-end


@pytest.mark.parametrize(
    ("home", "shown"),
    [
        (
            {"query": "<b>mantes</b>", "kind": "commune", "name": "Mantes-la-Jolie",
             "postal_code": "78200", "lat": 48.9982, "lon": 1.6934},
            "Mantes-la-Jolie (78200) — 48.998, 1.693",
        ),
        ({"lat": 50.37, "lon": 3.08}, "50.370, 3.080"),
        ("flins", "Flins"),
        ("Cléon <script>", "Cléon &lt;script&gt;"),
    ],
)  # fmt: skip
def test_the_profile_shows_where_home_was_placed(
    catalog: Catalog, home: object, shown: str
) -> None:
    html = render_html(report(), catalog, {**PROFILE, "home": home}, "en", generated="x")
    assert shown in plain(html)
    assert "<script>" not in html and "<b>mantes" not in html
