"""Catalog text is data: whatever a name holds (Rich markup, Markdown, HTML, terminal escapes, line
breaks, bidirectional overrides), every output shows it as text and stays well-formed.

The property tests put an arbitrary name on a job, a course, a skill, a site, a provider and a
sector of a small catalog and check each output format in-process; the end-to-end tests run the
real console script on a hostile catalog.
"""

from __future__ import annotations

import json
import re
import tempfile
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import jsonschema
import pydot  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from support.catalogs import MINI_CATALOG
from support.cli import run_cli
from support.lint_fixtures import SARIF_SUBSET_SCHEMA

from pathfinder.cli.console import stdout_console
from pathfinder.cli.plan_render import render_explore, render_plan
from pathfinder.diagnostics import Diagnostic, Severity
from pathfinder.explore import explore
from pathfinder.graph import build_graph, to_dot, to_mermaid
from pathfinder.lint import LintReport, lint
from pathfinder.lint.formats import github, sarif
from pathfinder.lint.formats import text as lint_text
from pathfinder.loader import loads_catalog
from pathfinder.model import Catalog
from pathfinder.planner import plan
from pathfinder.profile import Profile
from pathfinder.reports.escape import html_text, markdown_link, markdown_text, safe_url
from pathfinder.reports.html_report import render_html
from pathfinder.reports.plan_json import plan_to_json
from pathfinder.reports.plan_markdown import plan_to_markdown
from pathfinder.safetext import UNSAFE, inert_json, printable

# Names that are each a known attack, then Hypothesis' arbitrary text with the dangerous characters
# made likely.
HOSTILE = (
    "[/bold]",
    "a [/] b",
    "[link=https://evil.example]Official[/link]",
    "\x1b[2J\x1b[HCleared",
    "\x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\",
    "Safe\rForged",
    "Line\n::error file=x::forged",
    "abc\u202efdp.exe",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "# Heading\n| a | b |",
    "`code` *em* _u_ ~~s~~ $x$",
    ":smile: & &amp; \\",
    " padded ",
    "<<>>&&" * 10,
)
SPECIAL = "[]<>|#`*_\\&\"'\n\r\t\x1b\x00\x07\x85\x9b\u202e\u2066\u200f\u2028 -.!(){}~=$:;%"
NAMES = st.one_of(
    st.sampled_from(HOSTILE),
    # Any character a UTF-8 file can hold (so no lone surrogate: the loader never yields one).
    st.text(
        alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(codec="utf-8")),
        min_size=1,
        max_size=40,
    ),
)
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PROFILE = Profile(jobs=("assembly-operator",), home="flins", mobility_km=100)


def _yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: anything but printable ASCII as an escape."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def catalog_named(name: str) -> Catalog:
    """The mini catalog with ``name`` (in both languages) on the target job, the on-site course,
    the skill it grants, the site it is given at, the provider and the sector."""
    quoted = _yaml_string(name)
    both = f"{{en: {quoted}, fr: {quoted}}}"
    text = MINI_CATALOG
    for original in (
        "{en: EV technician, fr: Technicien VE}",
        "{en: HV B2L, fr: Habilitation B2L}",
        "{en: HV safety B2L, fr: Habilitation B2L}",
        "{en: Flins, fr: Flins}",
        "{en: Campus, fr: Campus}",
        "{en: Electric vehicles, fr: Véhicule électrique}",
    ):
        assert original in text
        text = text.replace(original, both)
    return loads_catalog(text)


def _no_raw_control(text: str) -> None:
    found = {hex(ord(c)) for c in UNSAFE.findall(text) if c != "\n"}
    assert not found, found


# -- the terminal ------------------------------------------------------------------------------------


def _terminal(render: object, *args: object) -> str:
    console = stdout_console()
    console.file = StringIO()
    console.width = 2000  # no wrapping: names are found whole
    render(*args, console, "en")  # type: ignore[operator]
    return console.file.getvalue()


@EXAMPLES
@given(NAMES)
def test_plan_and_explore_text_show_the_name_as_inert_text(name: str) -> None:
    cat = catalog_named(name)
    result = plan(cat, PROFILE, "ev-technician")
    out = _terminal(render_plan, result, cat)
    _no_raw_control(out)
    assert "\x1b" not in out
    shown = printable(name)
    assert f"Path to {shown}  (ev-technician)" in out
    explored = _terminal(render_explore, explore(cat, PROFILE), cat)
    _no_raw_control(explored)


# -- JSON: faithful data ----------------------------------------------------------------------------


@EXAMPLES
@given(st.one_of(NAMES, st.text()))
def test_json_on_standard_output_is_inert_and_the_same_data(name: str) -> None:
    document = json.dumps({"name": name, "list": [name, 1]}, ensure_ascii=False, indent=2)
    shown = inert_json(document)
    _no_raw_control(shown)
    assert json.loads(shown) == {"name": name, "list": [name, 1]}


@EXAMPLES
@given(NAMES)
def test_plan_json_round_trips_the_exact_name(name: str) -> None:
    cat = catalog_named(name)
    data = json.loads(
        json.dumps(plan_to_json(plan(cat, PROFILE, "ev-technician"), cat, "en"), ensure_ascii=False)
    )
    courses = data["paths"][0]["courses"]
    assert courses[-1]["name"] == name
    assert courses[-1]["site_name"] == name
    assert courses[-1]["provider_name"] == name


# -- Markdown ----------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    """Start tags, and the text of each element of interest (h1, first strong, title, svg text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ("br", "img", "meta", "col", "line", "rect", "hr"):
            self.stack.append(tag)
            self.texts.setdefault(tag, []).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for tag in self.stack:
            self.texts[tag][-1] += data


def _collect(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


MARKDOWN_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ol",
    "ul",
    "li",
    "strong",
    "code",
    "a",
    "blockquote",
}


@EXAMPLES
@given(NAMES)
def test_markdown_renders_the_name_as_its_text_and_opens_nothing(name: str) -> None:
    cat = catalog_named(name)
    result = plan(cat, PROFILE, "ev-technician")
    md = plan_to_markdown(result, cat, "en")
    _no_raw_control(md)
    assert markdown_text(name) in md
    # The name never starts a line: same line structure as with a plain name.
    baseline = plan_to_markdown(
        plan(catalog_named("Plain"), PROFILE, "ev-technician"), catalog_named("Plain"), "en"
    )
    assert [line[:2] for line in md.splitlines()] == [line[:2] for line in baseline.splitlines()]
    html = MarkdownIt("commonmark").enable("table").render(md)
    parsed = _collect(html)
    assert set(parsed.tags) <= MARKDOWN_TAGS, set(parsed.tags) - MARKDOWN_TAGS
    shown = printable(name)
    assert parsed.texts["h1"][0] == f"Path to {shown} (ev-technician)"
    assert parsed.texts["strong"][1] == shown  # the course, in bold, after the first course
    assert parsed.texts["a"] == [shown, shown]  # the provider, linked to its http(s) URL
    row = next(cell for cell in parsed.texts["td"] if cell.endswith("(hv-safety-b2l)"))
    assert row == f"{shown} (hv-safety-b2l)"


def test_markdown_text_escapes_each_construct() -> None:
    assert markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown_text("# a | b") == "\\# a \\| b"
    assert markdown_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert markdown_text("Mini 1.0 (level 2) - a+b=c!") == "Mini 1.0 (level 2) - a+b=c!"  # readable
    assert markdown_text("1. first") == "1\\. first" and markdown_text("2) x") == "2\\) x"
    assert (
        markdown_text("- item") == "\\- item"
        and markdown_text("+ x") == "\\+ x"
        and markdown_text("===") == "\\==="
    )
    assert markdown_text("a\nb\r\x1b") == "a\\\\nb\\\\r\\\\x1b"
    assert markdown_text(" a ") == "&#32;a&#32;"
    assert markdown_text("Électricité") == "Électricité"


def test_links_only_for_http_and_https() -> None:
    assert (
        markdown_link("Campus", "https://campus.example.org")
        == "[Campus](<https://campus.example.org>)"
    )
    for url in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "http://a b",
        "http://x\n",
        "vbscript:x",
        None,
    ):
        assert markdown_link("Campus", url) == "Campus"
    assert not safe_url("JAVASCRIPT:alert(1)")
    assert safe_url("HTTP://EXAMPLE.ORG/path?q=1")


# -- HTML --------------------------------------------------------------------------------------------

HTML_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "strong",
    "span",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "br",
    "colgroup",
    "col",
    "svg",
    "line",
    "text",
    "rect",
    "ul",
    "li",
    "footer",
}


def _html(cat: Catalog) -> str:
    result = plan(cat, PROFILE, "ev-technician")
    profile = {"jobs": ["assembly-operator"], "home": "flins", "mobility_km": 100, "funding": []}
    return render_html(
        plan_to_json(result, cat, "en"), cat, profile, "en", generated="2024-05-01 10:00"
    )


@EXAMPLES
@given(NAMES)
def test_html_report_shows_the_name_as_text(name: str) -> None:
    html = _html(catalog_named(name))
    _no_raw_control(html)
    parsed = _collect(html)
    assert set(parsed.tags) <= HTML_TAGS, set(parsed.tags) - HTML_TAGS
    shown = printable(name)
    assert parsed.texts["title"][0].endswith(f" — {shown}")
    assert parsed.texts["strong"][0] == shown
    label = shown if len(shown) <= 38 else shown[:36] + "…"
    assert parsed.texts["text"][-1] == f"2. {label}"


def test_html_timeline_cuts_names_before_escaping() -> None:
    name = "<>&" * 20
    html = _html(catalog_named(name))
    labels = re.findall(r'text-anchor="end">2\. ([^<]*)</text>', html)
    assert labels == [html_text(name[:36]) + "…"]
    assert "&gt…" not in html and "&amp…" not in html and "&lt…" not in html


# -- graphs ------------------------------------------------------------------------------------------


@EXAMPLES
@given(NAMES)
def test_dot_and_mermaid_stay_well_formed_whatever_the_labels(name: str) -> None:
    cat = catalog_named(name)
    graph = build_graph(cat, "en")
    baseline_dot = to_dot(build_graph(catalog_named("Plain"), "en"))
    for node in list(graph.nodes):  # ids are checked by the loader; the writers must not rely on it
        graph.nodes[node]["id"] = name
    graph.graph["name"] = name
    dot = to_dot(graph)
    _no_raw_control(dot)
    assert len(dot.splitlines()) == len(baseline_dot.splitlines())
    parsed = pydot.graph_from_dot_data(dot)
    assert parsed is not None and len(parsed) == 1
    assert len(parsed[0].get_nodes()) >= graph.number_of_nodes()
    mermaid = to_mermaid(graph)
    _no_raw_control(mermaid)
    node_line = re.compile(
        r'  n\d+(?:\(\["[^"\n\[\]<>`|]*"\]\)|\["[^"\n\[\]<>`|]*"\]|\{\{"[^"\n\[\]<>`|{}]*"\}\})'
    )
    lines = mermaid.splitlines()
    assert sum(1 for line in lines if node_line.fullmatch(line)) == graph.number_of_nodes()


# -- the lint ----------------------------------------------------------------------------------------


def _report(name: str) -> LintReport:
    """Diagnostics that quote ``name``, as a lint of a real file would make them."""
    params = (("id", name),)
    found = (
        Diagnostic(f"cat{name}.yaml", 3, 5, "PF105", Severity.ERROR, "schema.bad_id", params),
        Diagnostic(
            "cat.yaml",
            4,
            7,
            "PF111",
            Severity.ERROR,
            "schema.bad_enum",
            (("field", "format"), ("value", name), ("choices", "a | b"), ("suggestion", "")),
        ),
    )
    return LintReport(found, ("cat.yaml",), skipped=(f"dir{name}",))


@EXAMPLES
@given(NAMES)
def test_lint_human_formats_are_one_line_per_problem(name: str) -> None:
    report = _report(name)
    lines = github(report, "en").splitlines()
    assert len(lines) == 3 and all(line.startswith("::") for line in lines)
    _no_raw_control(github(report, "en"))
    for line in lines[:2]:
        properties = line.split("::")[1]
        assert re.fullmatch(r"error file=[^:,]*,line=\d+,col=\d+,title=PF\d{3}", properties), (
            properties
        )
    text = lint_text(report, "en")
    _no_raw_control(text)
    assert len(text.splitlines()) == 4
    log = json.loads(sarif(report, "en"))
    jsonschema.Draft7Validator(SARIF_SUBSET_SCHEMA).validate(log)
    assert [r["message"]["text"] for r in log["runs"][0]["results"]] == [
        d.message_in("en") for d in report.diagnostics
    ]


def test_lint_of_a_catalog_with_a_hostile_name_is_clean_in_ci_logs() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.yaml"
        path.write_text(
            MINI_CATALOG.replace("  - {id: ev, name:", '  - {id: "ev\\n::error::x", name:'),
            encoding="utf-8",
        )
        report = lint([path], use_cache=False)
    lines = github(report, "en").splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any("PF105" in line and "ev\\n::error::x" in line for line in lines)


# -- the real command --------------------------------------------------------------------------------

E2E_NAME = (
    "[/bold] a [/] b [link=https://evil.example]Official[/link] \x1b[2J \u202e <b>x</b> :smile:"
)


@pytest.fixture
def hostile_catalog(tmp_path: Path) -> str:
    quoted = _yaml_string(E2E_NAME)
    text = MINI_CATALOG.replace(
        "{en: EV technician, fr: Technicien VE}", f"{{en: {quoted}, fr: {quoted}}}"
    )
    text = text.replace("{en: HV B2L, fr: Habilitation B2L}", f"{{en: {quoted}, fr: {quoted}}}")
    text = text.replace(
        "{en: Electric vehicles, fr: Véhicule électrique}", f"{{en: {quoted}, fr: {quoted}}}"
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "args",
    [
        ("catalog", "stats"),
        ("catalog", "show", "ev-technician"),
        ("catalog", "show", "hv-b2l"),
        ("catalog", "search", "official"),
        ("plan", "--to", "ev-technician", "--from", "assembly-operator"),
        ("plan", "--to", "ev-technician", "--from", "assembly-operator", "--format", "md"),
        ("explore", "--from", "assembly-operator"),
    ],
)
def test_commands_show_hostile_names_as_text(args: tuple[str, ...], hostile_catalog: str) -> None:
    result = run_cli(
        *args, "--catalog", hostile_catalog, env={"COLUMNS": "300"}
    )  # wide: names are not cut
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[2J" in result.stdout or "\\\\x1b\\[2J" in result.stdout
    assert "\\u202e" in result.stdout
    if "md" not in args:
        assert "[/bold] a [/] b [link=https://evil.example]Official[/link]" in " ".join(
            result.stdout.split()
        )
        assert ":smile:" in result.stdout


def test_lint_reports_the_hostile_name(hostile_catalog: str) -> None:
    result = run_cli("lint", hostile_catalog, "--format", "github")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 6 and all(
        line.startswith("::error ") and "title=PF304" in line for line in lines
    )
    assert "U+001B, U+202E" in lines[0]
