"""The basin plan's HTML report: one self-contained file whose flow diagram, seats chart and map
say what the plan says (a band per flow as wide as its people, a bar per course and site, a circle
per site), in English and French, with catalog and basin text shown as text, never as markup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import pytest
from support.catalogs import MINI_CATALOG
from support.html_report_parser import parse_report

from pathfinder.i18n import t
from pathfinder.loader import load_catalog
from pathfinder.model import Catalog
from pathfinder.profile import Profile
from pathfinder.reports.territory_html import territory_to_html
from pathfinder.reports.wording import number
from pathfinder.territory import Basin, Group, Opening, TerritoryResult, plan_territory
from pathfinder.territory.basin import Horizon

SVG = "{http://www.w3.org/2000/svg}"

# The mini catalog with a third site (its name holding markup) and dated sessions of the on-site
# course: few seats at Flins, more at Cléon; the online course keeps no limit.
CATALOG_TEXT = MINI_CATALOG.replace(
    "sites:\n",
    "sites:\n  - {id: rouen, name: {en: 'Rouen <i>x</i> & co', fr: Rouen}, region: Normandie,"
    " lat: 49.443, lon: 1.099}\n",
) + (
    "    sessions:\n"
    "      - {start: 2027-01-11, site: flins, seats: 3}\n"
    "      - {start: 2027-02-08, site: cleon, seats: 10}\n"
)

EVIL_GROUP = "g1<script>alert(1)</script>"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    path = tmp_path_factory.mktemp("catalog") / "mini.yaml"
    path.write_text(CATALOG_TEXT, encoding="utf-8")
    return load_catalog(path, use_cache=False)


@pytest.fixture(scope="module")
def result(catalog: Catalog) -> TerritoryResult:
    operator = ("assembly-operator",)
    basin = Basin(
        title="Seine <b>valley</b>",
        groups=(
            Group(EVIL_GROUP, 5, Profile(jobs=operator, home="flins", mobility_km=60)),
            Group("g2", 3, Profile(jobs=operator, home="cleon", mobility_km=30)),
            Group("g3", 2, Profile(jobs=("ev-technician",), home="rouen", mobility_km=30)),
        ),
        openings=(
            Opening("ev-technician", "flins", 6),
            Opening("ev-technician", "cleon", 2),
            Opening("ev-technician", "rouen", 1),
            Opening("assembly-operator", "rouen", 1),
        ),
        horizon=Horizon(date(2026, 12, 1), date(2027, 11, 30)),
    )
    return plan_territory(catalog, basin)


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def with_class(self, tag: str, name: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for found, attrs in self.elements
            if found == tag and name in (attrs.get("class") or "").split()
        ]


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def svgs(html: str) -> dict[str, ET.Element]:
    """Each inline SVG, parsed as XML (it must be well-formed), by its class."""
    found = {}
    for text in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL):
        root = ET.fromstring(text)
        found[root.get("class") or ""] = root
    return found


def test_the_fixture_plan_has_what_the_figures_draw(result: TerritoryResult) -> None:
    assert len(result.flows) >= 2
    assert any(line.available is None for line in result.seats)
    assert any(line.available is not None for line in result.seats)
    assert result.stranded and result.unfilled


def test_the_report_is_one_self_contained_file(result: TerritoryResult, catalog: Catalog) -> None:
    html = territory_to_html(result, catalog, "en")
    report = parse_report(html)
    assert report.references == []  # no src, no href
    assert "script" not in report.tags
    assert {"link", "img", "iframe", "object"}.isdisjoint(report.tags)
    assert "@page" in html and "A4" in html
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    assert set(svgs(html)) == {"flows", "seats", "map"}


def test_every_svg_is_well_formed_xml(result: TerritoryResult, catalog: Catalog) -> None:
    for lang in ("en", "fr"):
        html = territory_to_html(result, catalog, lang)
        assert len(re.findall(r"<svg\b", html)) == 3
        for root in svgs(html).values():
            assert root.tag == f"{SVG}svg"


def test_the_text_says_what_the_markdown_says(result: TerritoryResult, catalog: Catalog) -> None:
    html = territory_to_html(result, catalog, "en")
    for key in ("territory.summary.title", "territory.flows.title", "territory.seats.title"):
        assert f"<h2>{t(key)}</h2>" in html
    assert "<h2>Not placed</h2>" in html and "<h2>Openings left unfilled</h2>" in html
    assert "Basin plan: Seine &lt;b&gt;valley&lt;/b&gt;" in html
    assert t("territory.unlimited") in html


def test_flow_bands_carry_each_flow_and_add_up_to_the_people_placed(
    result: TerritoryResult, catalog: Catalog
) -> None:
    html = territory_to_html(result, catalog, "en")
    bands = elements(html).with_class("path", "band")
    counts = [int(band["data-count"] or "") for band in bands]
    assert sum(counts) == result.placed
    assert sorted(counts) == sorted(flow.count for flow in result.flows)
    drawn = sorted(
        (b["data-group"], b["data-job"], b["data-site"], int(b["data-count"] or "")) for b in bands
    )
    assert drawn == sorted((f.group, f.job, f.site, f.count) for f in result.flows)
    # Each band has a tooltip "group → job @ site: N", and its width is proportional to N.
    flows = svgs(html)["flows"]
    paths = flows.findall(f"{SVG}path")
    assert len(paths) == len(result.flows)
    widths = []
    for path in paths:
        title = path.findtext(f"{SVG}title") or ""
        count = int(path.get("data-count") or "")
        assert title.startswith(f"{path.get('data-group')} → ")
        assert title.endswith(f": {number(count, 'en')}")
        numbers = [float(n) for n in re.findall(r"-?\d+\.\d+", path.get("d") or "")]
        widths.append((numbers[-1] - numbers[1]) / count)  # the left end's height per person
    assert max(widths) - min(widths) < 0.02


def test_seat_bars_say_what_is_needed_and_what_is_available(
    result: TerritoryResult, catalog: Catalog
) -> None:
    html = territory_to_html(result, catalog, "en")
    found = elements(html)
    needed = [int(bar["data-needed"] or "") for bar in found.with_class("rect", "seat-needed")]
    assert needed == [line.needed for line in result.seats]
    available = [
        int(bar["data-available"] or "") for bar in found.with_class("rect", "seat-available")
    ]
    assert available == [line.available for line in result.seats if line.available is not None]
    chart = svgs(html)["seats"]
    texts = [element.text for element in chart.iter(f"{SVG}text")]
    for line in result.seats:
        assert number(line.needed, "en") in texts
        shown = "no limit" if line.available is None else number(line.available, "en")
        assert shown in texts
    assert texts.count("no limit") == sum(line.available is None for line in result.seats)


def test_the_map_has_one_circle_per_site_shown(result: TerritoryResult, catalog: Catalog) -> None:
    html = territory_to_html(result, catalog, "en")
    sites = {flow.site for flow in result.flows} | {item.site for item in result.unfilled}
    sites |= {course.site for flow in result.flows for course in flow.route.courses if course.site}
    circles = svgs(html)["map"].findall(f".//{SVG}circle")
    assert sorted(c.get("data-site") or "" for c in circles) == sorted(sites)
    for circle in circles:
        assert circle.findtext(f"{SVG}title")
        assert 0 <= float(circle.get("cx") or "-1") <= 700
    # The west of the map is on the left, the north at the top.
    where = {
        c.get("data-site"): (float(c.get("cx") or ""), float(c.get("cy") or "")) for c in circles
    }
    assert where["cleon"][0] < where["flins"][0]
    assert where["cleon"][1] < where["flins"][1]


def test_french_report(result: TerritoryResult, catalog: Catalog) -> None:
    html = territory_to_html(result, catalog, "fr")
    assert '<html lang="fr">' in html
    assert "<h2>Qui va où</h2>" in html and "<h2>Places de formation</h2>" in html
    assert t("territory.html.seat_chart", "fr") in html
    assert "sans limite" in html and "no limit" not in html
    assert "Postes à pourvoir" in html or "Postes et formation" in html
    charts = svgs(html)
    assert charts["flows"].get("aria-label") == t("territory.html.flow_chart", "fr")
    titles = [p.findtext(f"{SVG}title") or "" for p in charts["flows"].findall(f"{SVG}path")]
    assert all(" : " in title for title in titles)


def test_english_is_the_default_language(result: TerritoryResult, catalog: Catalog) -> None:
    assert '<html lang="en">' in territory_to_html(result, catalog)
    assert '<html lang="en">' in territory_to_html(result, catalog, "xx")


def test_basin_and_catalog_text_is_escaped(result: TerritoryResult, catalog: Catalog) -> None:
    for lang in ("en", "fr"):
        html = territory_to_html(result, catalog, lang)
        assert "<script" not in html.lower()
        assert "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = territory_to_html(result, catalog, "en")
    assert "Rouen &lt;i&gt;x&lt;/i&gt; &amp; co" in html  # a site's name, in the map


def test_a_plan_that_places_no_one(catalog: Catalog) -> None:
    basin = Basin(
        title="Empty",
        groups=(
            Group("far", 2, Profile(jobs=("assembly-operator",), home="flins", mobility_km=1)),
        ),
        openings=(Opening("ev-technician", "cleon", 1),),
        horizon=Horizon(date(2026, 12, 1), date(2027, 11, 30)),
    )
    result = plan_territory(catalog, basin)
    assert result.placed == 0
    html = territory_to_html(result, catalog, "en")
    assert t("territory.none_placed") in html
    assert not elements(html).with_class("path", "band")
    for root in svgs(html).values():
        assert root.tag == f"{SVG}svg"
    circles = svgs(html)["map"].findall(f".//{SVG}circle")
    assert [c.get("data-site") for c in circles] == ["cleon"]
