"""Every rule: a fixture that triggers it, with the exact code and lines, and one that does not.

Fixtures are YAML texts with ``# expect: PFxxx`` on each line that must get a finding of that
code (see ``support.lint_fixtures``). The "good" fixture of every rule lints completely clean.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.lint_fixtures import COURSES, HEAD, JOBS, SITES, SKILLS, catalog, course, expected

from pathfinder.lint import lint
from pathfinder.lint.rule_texts import EXPLANATIONS
from pathfinder.rules import RULES


@dataclass(frozen=True)
class Case:
    bad: str
    good: str = ""
    encoding: str = "utf-8"
    prefix: bytes = b""
    setup: Callable[[pytest.MonkeyPatch, Path], None] | None = None
    files: int = 1
    """With 2, the catalog is a directory: the base catalog in ``a.yaml``, the fixture in ``b.yaml``."""


def _small_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("pathfinder.yamlsource.MAX_FILE_BYTES", len(catalog().encode()) + 10)


def _unreadable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pathfinder import boundedread

    original = boundedread.read_bounded

    def read_bounded(path: Path | str, limit: int) -> bytes:  # every input file is read by it
        if pathlib.Path(path).name == "b.yaml":
            raise PermissionError(13, "Permission denied")
        return original(path, limit)

    monkeypatch.setattr(boundedread, "read_bounded", read_bounded)


DEEP = "[" * 70 + "]" * 70
BOMB = """\
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]  # expect: PF006
"""
WELDER = "jobs:\n  - {id: welder, name: {en: W, fr: S}, sector: ev, outlook: declining, requires: {basics: 1}}\n"
BLOCK_COURSE = (
    COURSES
    + """\
  - id: block
    name: {en: Block, fr: Bloc}
    provider: campus
    hours: 21
    weeks: 1
    cost_eur: 100
    format: online
"""
)


def session_course(sessions: str, fmt: str = "onsite") -> str:
    """A block-style course at flins (0.4 weeks: 3 days) with these ``sessions:`` lines."""
    return (
        "  - id: hv\n    name: {en: HV, fr: HT}\n    provider: campus\n    hours: 14\n"
        f"    weeks: 0.4\n    cost_eur: 0\n    format: {fmt}\n    sites: [flins]\n"
        "    grants: {basics: 1}\n    sessions:" + sessions
    )


RARE_SKILLS = (
    SKILLS
    + "  - {id: rare, name: {en: Rare, fr: Rare}, category: core}\n"
    + "  - {id: deep, name: {en: Deep, fr: Profond}, category: core}\n"
)
SPECIALIST = (
    "  - id: specialist\n    name: {en: S, fr: S}\n    sector: ev\n    outlook: growing\n"
    "    requires:\n      safety: 1\n      rare: 2"
)

CASES: dict[str, Case] = {
    # --- PF0xx ---
    "PF001": Case(
        bad=catalog(
            courses=BLOCK_COURSE
            + "    grants: {safety: 1}\n    certification: a: b  # expect: PF001\n"
        )
    ),
    "PF002": Case(
        bad=catalog(
            courses=BLOCK_COURSE + "    grants: {safety: 1}\n    hours: 35  # expect: PF002\n"
        )
    ),
    "PF003": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: extra, name: !custom {en: E, fr: E}, category: core}  # expect: PF003\n"
        )
    ),
    "PF004": Case(
        bad="# expect: PF004\n" + catalog(extra="# padding padding padding\n"), setup=_small_limit
    ),
    "PF005": Case(
        bad=catalog(
            skills=SKILLS
            + f"  - {{id: deep, name: D, category: core, sources: {DEEP}}}  # expect: PF005\n"
        )
    ),
    "PF006": Case(bad=BOMB),
    "PF007": Case(
        bad=catalog(skills=SKILLS.replace("max_level: 1}", "max_level: 1}  # expect: PF007")),
        encoding="latin-1",
    ),
    "PF008": Case(bad=catalog(head="# expect: PF008\n" + HEAD), prefix=b"\xef\xbb\xbf"),
    "PF009": Case(bad=catalog(courses=COURSES + "\t- {id: tabbed}  # expect: PF009\n")),
    "PF010": Case(bad="# expect: PF010\n" + WELDER, good=WELDER, setup=_unreadable, files=2),
    # --- PF1xx ---
    "PF101": Case(
        bad=catalog(
            courses=BLOCK_COURSE
            + "    grants: {safety: 1}\n    grant: {basics: 1}  # expect: PF101\n"
        )
    ),
    "PF102": Case(
        bad=catalog(skills=SKILLS + "  - {id: nocat, name: {en: N, fr: N}}  # expect: PF102\n")
    ),
    "PF103": Case(
        bad=catalog(
            courses=COURSES
            + course("quoted", "grants: {safety: 1}").replace("hours: 21", 'hours: "21"')
            + "  # expect: PF103\n"
        )
    ),
    "PF104": Case(
        bad=catalog(
            sites=SITES
            + "  - {id: far, name: {en: F, fr: F}, region: R, lat: 148.9, lon: 1.8}  # expect: PF104\n"
        )
    ),
    "PF105": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: Bad_Id, name: {en: B, fr: B}, category: core}  # expect: PF105\n"
        )
    ),
    "PF106": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: basics, name: {en: B, fr: B}, category: core}  # expect: PF106\n"
        )
    ),
    "PF107": Case(
        bad=catalog(
            jobs=JOBS
            + "  - {id: welder, name: {en: W, fr: S}, sector: ev, outlook: declining, openings: {flinz: 2}}  # expect: PF107\n"
        )
    ),
    "PF108": Case(
        bad=catalog(
            jobs=JOBS
            + "  - {id: lead, name: {en: L, fr: C}, sector: ev, outlook: declining, requires: {safety: 2}}  # expect: PF108\n"
        )
    ),
    "PF109": Case(bad=catalog(head="sectors:  # expect: PF109\n" + HEAD.split("sectors:\n", 1)[1])),
    "PF110": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: welding, name: {en: Welding}, category: core}  # expect: PF110\n"
        )
    ),
    "PF111": Case(
        bad=catalog(
            courses=COURSES
            + course("odd", "grants: {safety: 1}").replace("format: online", "format: classroom")
            + "  # expect: PF111\n"
        )
    ),
    "PF112": Case(
        bad=catalog(
            jobs=JOBS
            + "  - {id: welder, name: {en: W, fr: S}, sector: ev, outlook: declining, rome: H-2909}  # expect: PF112\n"
        )
    ),
    "PF113": Case(
        bad=catalog(
            courses=COURSES
            + course("nowhere", "grants: {safety: 1}").replace("format: online", "format: onsite")
            + "  # expect: PF113\n"
        )
    ),
    "PF114": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: welding, name: {en: W, fr: S, de: S}, category: core}  # expect: PF114\n"
        )
    ),
    "PF115": Case(bad='catalog:  # expect: PF115\n  name: Empty\n  version: "1"\n'),
    "PF116": Case(
        bad=catalog(
            courses=COURSES
            + "  - id: hv\n    name: {en: HV, fr: HT}\n    provider: campus\n    hours: 14\n"
            + "    weeks: 0.4\n    cost_eur: 0\n    format: onsite\n    sites: [flins]\n"
            + "    grants: {basics: 1}\n    sessions:\n"
            + "      - {start: 2027-01-11, site: flins}\n"
            + "      - {start: 2027-02-01, online: true}  # expect: PF116\n"
            + "      - {start: 2027-03-01}  # expect: PF116\n"
            + course("web", "grants: {basics: 2}, sessions: [{start: 2027-01-11, site: flins}]")
            + "  # expect: PF116\n"
        ),
        good=catalog(
            courses=COURSES
            + course(
                "web",
                "grants: {basics: 2}, sessions: [{start: 2027-01-11}, {start: 2027-02-01, online: true}]",
            )
            + "\n"
        ),
    ),
    # --- PF2xx ---
    "PF201": Case(
        bad=catalog(
            courses=BLOCK_COURSE
            + "    requires:\n      basics: 3  # expect: PF201\n    grants: {safety: 1}\n"
        ),
        good=catalog(
            courses=BLOCK_COURSE
            + "    requires:\n      basics: 3\n    grants: {safety: 1}\n"
            + course("basics-advanced", "requires: {basics: 1}, grants: {basics: 3}")
            + "\n"
        ),
    ),
    "PF202": Case(
        bad=catalog(
            skills=SKILLS + "  - {id: rare, name: {en: R, fr: R}, category: core}\n",
            jobs=JOBS
            + "  - id: specialist\n    name: {en: S, fr: S}\n    sector: ev\n    outlook: growing\n"
            "    requires:\n      basics: 1\n      rare: 2  # expect: PF202\n",
        ),
        good=catalog(
            skills=SKILLS + "  - {id: rare, name: {en: R, fr: R}, category: core}\n",
            jobs=JOBS
            + "  - id: specialist\n    name: {en: S, fr: S}\n    sector: ev\n    outlook: stable\n"
            "    requires:\n      basics: 1\n      rare: 2\n",
        ),
    ),
    "PF203": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: a, name: {en: A, fr: A}, category: core}\n  - {id: b, name: {en: B, fr: B}, category: core}\n",
            courses=COURSES
            + course("ca", "requires: {b: 1}, grants: {a: 1}")
            + "  # expect: PF203\n"
            + course("cb", "requires: {a: 1}, grants: {b: 1}")
            + "\n",
        ),
        good=catalog(
            skills=SKILLS
            + "  - {id: a, name: {en: A, fr: A}, category: core}\n  - {id: b, name: {en: B, fr: B}, category: core}\n",
            courses=COURSES
            + course("ca", "grants: {a: 1}")
            + "\n"
            + course("cb", "requires: {a: 1}, grants: {b: 1}")
            + "\n",
        ),
    ),
    "PF204": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: unused, name: {en: U, fr: U}, category: core}  # expect: PF204\n"
        )
    ),
    "PF205": Case(
        bad=catalog(
            skills=SKILLS
            + "  - {id: never, name: {en: Never, fr: Jamais}, category: core}  # expect: PF205\n",
            courses=COURSES
            + course("either", "requires_any: [{never: 1, basics: 1}], grants: {safety: 1}")
            + "\n",
        ),
        good=catalog(
            skills=SKILLS + "  - {id: never, name: {en: Never, fr: Jamais}, category: core}\n",
            courses=COURSES
            + course("either", "requires_any: [{never: 1, basics: 1}], grants: {never: 1}")
            + "\n",
        ),
    ),
    "PF206": Case(
        bad=catalog(
            courses=BLOCK_COURSE
            + "    requires: {basics: 2}\n    grants: {basics: 1}  # expect: PF206\n"
            + course("basics-2", "grants: {basics: 2}")
            + "\n"
        ),
        good=catalog(
            courses=BLOCK_COURSE
            + "    requires: {basics: 2}\n    grants: {basics: 3}\n"
            + course("basics-2", "grants: {basics: 2}")
            + "\n"
        ),
    ),
    "PF207": Case(
        bad=catalog(
            courses=COURSES
            + course("safety-again", "requires: {basics: 1}, grants: {safety: 1}")
            + "  # expect: PF207\n"
        ),
        good=catalog(courses=COURSES + course("safety-direct", "grants: {safety: 1}") + "\n"),
    ),
    "PF208": Case(
        bad=catalog(
            courses=BLOCK_COURSE.replace("    hours: 21", "    hours: 140  # expect: PF208")
            + "    grants: {safety: 1}\n"
        ),
        good=catalog(
            courses=BLOCK_COURSE.replace("    hours: 21", "    hours: 45")
            + "    grants: {safety: 1}\n"
        ),
    ),
    "PF209": Case(
        bad=catalog(
            courses=BLOCK_COURSE.replace(
                "    hours: 21", "    hours: 2100  # expect: PF209"
            ).replace("    weeks: 1", "    weeks: 60")
            + "    grants: {safety: 1}\n"
        ),
        good=catalog(
            courses=BLOCK_COURSE.replace("    hours: 21", "    hours: 2000").replace(
                "    weeks: 1", "    weeks: 60"
            )
            + "    grants: {safety: 1}\n"
        ),
    ),
    "PF210": Case(
        bad=catalog(
            sites=SITES
            + "  - id: swapped\n    name: {en: S, fr: S}\n    region: R\n    lat: 1.873  # expect: PF210\n    lon: 48.965\n"
        ),
        good=catalog(
            sites=SITES
            + "  - id: ajaccio\n    name: {en: A, fr: A}\n    region: Corse\n    lat: 41.92\n    lon: 8.74\n"
        ),
    ),
    "PF211": Case(
        bad=catalog(
            courses=COURSES
            + session_course(
                "\n      - {start: 2026-11-02, site: flins}  # expect: PF211\n"
                "      - {start: 2027-01-11, site: flins}\n"
                "      - {start: 2026-06-01, end: 2026-11-30, site: flins}  # expect: PF211\n"
            )
        ),
        good=catalog(  # a session that ends today has not ended
            courses=COURSES
            + session_course(
                "\n      - {start: 2026-11-25, end: 2026-12-01, site: flins}\n"
                "      - {start: 2027-01-11, site: flins}\n"
            )
        ),
    ),
    "PF212": Case(
        bad=catalog(
            courses=COURSES
            + session_course(
                "  # expect: PF212\n"
                "      - {start: 2026-11-02, site: flins}\n"
                "      - {start: 2026-03-02, site: flins}\n"
            )
        ),
        good=catalog(
            courses=COURSES + session_course("\n      - {start: 2026-12-01, site: flins}\n")
        ),
    ),
    "PF213": Case(
        bad=catalog(
            courses=COURSES
            + session_course(
                "\n      - {start: 2027-01-11, end: 2027-01-15, site: flins}\n"
                "      - {start: 2027-02-01, site: flins}\n"
                "      - {start: 2027-01-15, end: 2027-01-20, site: flins}  # expect: PF213\n"
                "      - {start: 2027-01-04, end: 2027-01-29, site: flins}  # expect: PF213 PF213\n"
            )
        ),
        good=catalog(  # back to back at one site; online at the same time
            courses=COURSES
            + session_course(
                "\n      - {start: 2027-01-11, end: 2027-01-15, site: flins}\n"
                "      - {start: 2027-01-16, end: 2027-01-20, site: flins}\n"
                "      - {start: 2027-01-11, end: 2027-01-15, online: true}\n",
                fmt="hybrid",
            )
        ),
    ),
    "PF214": Case(
        bad=catalog(
            skills=RARE_SKILLS,
            jobs=JOBS + SPECIALIST + "  # expect: PF214\n",
            courses=COURSES
            + course("safety-advanced", "requires: {deep: 1}, grants: {safety: 1}")
            + "  # expect: PF214\n"
            + course("rare-intro", "requires: {deep: 1}, grants: {rare: 1}")
            + "\n",
        ),
        good=catalog(  # a stable job holds both levels: whoever held it has them
            skills=RARE_SKILLS,
            jobs=JOBS
            + SPECIALIST
            + "\n  - {id: veteran, name: {en: V, fr: V}, sector: ev, outlook: stable, requires: {rare: 2, deep: 1}}\n",
            courses=COURSES
            + course("safety-advanced", "requires: {deep: 1}, grants: {safety: 1}")
            + "\n",
        ),
    ),
    # --- PF3xx ---
    "PF301": Case(
        bad=catalog(
            courses=COURSES.replace(
                "grants: {safety: 1}}\n",
                "grants: {safety: 1}, certification: no}  # expect: PF301\n",
            )
        )
    ),
    "PF302": Case(
        bad=catalog(
            courses=COURSES
            + course("any-one", "requires_any: [{basics: 1}], grants: {safety: 1}")
            + "  # expect: PF302\n"
        ),
        good=catalog(
            courses=COURSES
            + course("any-two", "requires_any: [{basics: 1, safety: 1}], grants: {safety: 1}")
            + "\n"
        ),
    ),
    "PF303": Case(
        bad=catalog(
            head=HEAD.replace(
                "  languages: [en, fr]\n",
                "  languages: [en, fr]\n  lint:\n    ignore:\n      - PF998  # expect: PF303\n",
            ),
            courses=COURSES
            + "  # pathfinder: ignore  # expect: PF303\n"
            + course("c2", "grants: {safety: 1}")
            + "  # pathfinder: ignore[PF999]  # expect: PF303\n",
        ),
        good=catalog(
            courses=COURSES
            + "  # pathfinder: ignore[PF207]\n"
            + course("c2", "requires: {basics: 1}, grants: {safety: 1}")
            + "\n"
        ),
    ),
    "PF304": Case(
        bad=catalog(
            skills=SKILLS
            + '  - {id: welding, name: {en: "Weld\\u202eing", fr: "Sou\\edage"}, category: core}  # expect: PF304 PF304\n'
            '  - {id: brazing, name: {en: Brazing, fr: Brasage}, category: "core\\r"}  # expect: PF304\n',
        ),
        good=catalog(
            skills=SKILLS.replace(
                "{en: Basics, fr: Bases}", '{en: "Basics ⚡ «HV» [x] <b>", fr: "Bases\\u00a0HT"}'
            )
        ),
    ),
}


def write_case(tmp_path: Path, text: str, case: Case) -> Path:
    data = case.prefix + text.encode(case.encoding)
    if case.files == 1:
        path = tmp_path / "catalog.yaml"
        path.write_bytes(data)
        return path
    directory = tmp_path / "catalog"
    directory.mkdir()
    (directory / "a.yaml").write_text(catalog(), encoding="utf-8")
    (directory / "b.yaml").write_bytes(data)
    return directory


def test_every_rule_has_a_case_and_an_explanation() -> None:
    assert sorted(CASES) == sorted(RULES)
    assert sorted(EXPLANATIONS) == sorted(RULES)


def test_the_base_catalog_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "base.yaml"
    path.write_text(catalog(), encoding="utf-8")
    assert lint([path], use_cache=False).diagnostics == ()


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_fixture_triggers_the_rule_on_the_marked_lines(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[code]
    lines = expected(case.bad, code)
    assert lines, f"{code}: the fixture marks no line"
    target = write_case(tmp_path, case.bad, case)
    if case.setup is not None:
        case.setup(monkeypatch, tmp_path)
    report = lint([target], use_cache=False)
    found = [d for d in report.diagnostics if d.code == code]
    assert sorted(d.line for d in found) == lines, [d.render() for d in report.diagnostics]
    expected_path = str(target / "b.yaml") if case.files == 2 else str(target)
    assert {d.path for d in found} == {expected_path}
    assert all(d.severity is RULES[code].severity for d in found)


@pytest.mark.parametrize("code", sorted(CASES))
def test_good_fixture_is_clean(code: str, tmp_path: Path) -> None:
    case = CASES[code]
    good = case.good or catalog()
    target = write_case(tmp_path, good, Case(bad=good, files=case.files))
    report = lint([target], use_cache=False)
    assert report.diagnostics == (), [d.render() for d in report.diagnostics]


# --- details of some rules -------------------------------------------------------------------------


def _lint_text(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return [d.render() for d in lint([path], use_cache=False).diagnostics]


def test_cycle_is_reported_once_in_order_from_the_first_course(tmp_path: Path) -> None:
    skills = SKILLS + "".join(
        f"  - {{id: {s}, name: {{en: {s}, fr: {s}}}, category: core}}\n" for s in "xyz"
    )
    courses = (
        COURSES
        + "\n".join(
            [
                course("c-first", "requires: {z: 1}, grants: {x: 1}"),
                course("c-third", "requires: {y: 1}, grants: {z: 1}"),
                course("c-second", "requires: {x: 1}, grants: {y: 1}"),
            ]
        )
        + "\n"
    )
    found = [
        line
        for line in _lint_text(tmp_path, catalog(skills=skills, courses=courses))
        if " PF203 " in line
    ]
    assert len(found) == 1
    assert "'c-first' → 'c-second' → 'c-third' → 'c-first'" in found[0]


def test_unreachable_course_names_every_missing_prerequisite(tmp_path: Path) -> None:
    courses = (
        COURSES
        + course(
            "hard",
            "requires: {basics: 3}, requires_any: [{safety: 2, basics: 2}], grants: {safety: 1}",
        )
        + "\n"
    )
    skills = SKILLS.replace("max_level: 1", "max_level: 2")
    found = [
        line
        for line in _lint_text(tmp_path, catalog(skills=skills, courses=courses))
        if " PF201 " in line
    ]
    assert len(found) == 1
    assert "'basics' ≥ 3, ('safety' ≥ 2 | 'basics' ≥ 2)" in found[0]


def test_a_course_reachable_only_by_combining_two_jobs_is_reachable(tmp_path: Path) -> None:
    skills = SKILLS + "  - {id: other, name: {en: O, fr: A}, category: core}\n"
    jobs = (
        JOBS
        + "  - {id: clerk, name: {en: C, fr: C}, sector: ev, outlook: declining, requires: {other: 1}}\n"
    )
    courses = (
        COURSES + course("combined", "requires: {other: 1, basics: 1}, grants: {safety: 1}") + "\n"
    )
    assert not [
        line
        for line in _lint_text(tmp_path, catalog(skills=skills, jobs=jobs, courses=courses))
        if " PF201 " in line
    ]


def test_unreachable_job_names_the_missing_skill_and_level(tmp_path: Path) -> None:
    jobs = JOBS.replace(
        "outlook: declining, requires: {basics: 1}", "outlook: growing, requires: {basics: 2}"
    )
    text = catalog(jobs=jobs)
    line = next(number for number, line in enumerate(text.splitlines(), 1) if "basics: 2" in line)
    column = text.splitlines()[line - 1].index("basics: 2") + 1
    found = _lint_text(tmp_path, text)
    assert [line for line in found if " PF202 " in line] == [
        f"{tmp_path / 'c.yaml'}:{line}:{column}: error PF202 job 'operator' is out of reach for anyone who has not held it: "
        "no other job and no course that can be taken gives 'basics' ≥ 2."
    ]


def test_site_outside_france_only_for_a_french_catalog(tmp_path: Path) -> None:
    sites = (
        SITES
        + "  - {id: berlin, name: {en: Berlin, fr: Berlin}, region: BE, lat: 52.52, lon: 13.40}\n"
    )
    assert any(" PF210 " in line for line in _lint_text(tmp_path, catalog(sites=sites)))
    english = HEAD.replace("languages: [en, fr]", "languages: [en]")
    sites_en = sites.replace("{en: Flins, fr: Flins}", "Flins").replace(
        "{en: Berlin, fr: Berlin}", "Berlin"
    )
    text = catalog(head=english, sites=sites_en).replace(", fr: ", ", xx: ")
    assert not any(" PF210 " in line for line in _lint_text(tmp_path, text))


def test_graph_rules_are_skipped_when_the_catalog_has_errors(tmp_path: Path) -> None:
    skills = SKILLS + "  - {id: unused, name: {en: U, fr: U}, category: core}\n"
    path = tmp_path / "c.yaml"
    path.write_text(
        catalog(skills=skills, courses=COURSES.replace("provider: campus", "provider: nowhere")),
        encoding="utf-8",
    )
    report = lint([path], use_cache=False)
    assert [d.code for d in report.diagnostics] == ["PF107"]
    assert report.skipped == (str(path),)


def test_style_rules_run_even_when_the_catalog_has_errors(tmp_path: Path) -> None:
    courses = (
        COURSES.replace("provider: campus", "provider: nowhere")
        + course("any-one", "requires_any: [{basics: 1}], grants: {safety: 1}")
        + "\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(catalog(courses=courses), encoding="utf-8")
    assert sorted({d.code for d in lint([path], use_cache=False).diagnostics}) == ["PF107", "PF302"]


# --- suppressions ---------------------------------------------------------------------------------

DUPLICATE = course("safety-again", "requires: {basics: 1}, grants: {safety: 1}")


@pytest.mark.parametrize(
    "courses",
    [
        COURSES + DUPLICATE + "  # pathfinder: ignore[PF207]\n",
        COURSES + DUPLICATE + "  # pathfinder: ignore[PF204, PF207]\n",
        COURSES + "  # pathfinder: ignore[PF207]\n" + DUPLICATE + "\n",
        COURSES + "  #pathfinder:ignore[ pf207 ]\n" + DUPLICATE + "\n",
    ],
)
def test_suppression_comments(courses: str, tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(catalog(courses=courses), encoding="utf-8")
    report = lint([path], use_cache=False)
    assert report.diagnostics == ()
    assert report.suppressed == 1


def test_suppression_applies_to_its_line_or_the_next_only(tmp_path: Path) -> None:
    courses = (
        COURSES + "  # pathfinder: ignore[PF207]\n\n" + DUPLICATE + "\n"
    )  # a blank line in between
    assert [line.split()[2] for line in _lint_text(tmp_path, catalog(courses=courses))] == ["PF207"]
    courses = COURSES + DUPLICATE + "  # pathfinder: ignore[PF206]\n"  # another code
    assert [line.split()[2] for line in _lint_text(tmp_path, catalog(courses=courses))] == ["PF207"]


def test_catalog_wide_ignore(tmp_path: Path) -> None:
    head = HEAD.replace(
        "  languages: [en, fr]\n", "  languages: [en, fr]\n  lint:\n    ignore: [PF207, PF204]\n"
    )
    courses = COURSES + DUPLICATE + "\n"
    skills = SKILLS + "  - {id: unused, name: {en: U, fr: U}, category: core}\n"
    path = tmp_path / "c.yaml"
    path.write_text(catalog(head=head, skills=skills, courses=courses), encoding="utf-8")
    report = lint([path], use_cache=False)
    assert report.diagnostics == ()
    assert report.suppressed == 2


def test_catalog_wide_ignore_is_read_even_when_the_catalog_has_errors(tmp_path: Path) -> None:
    head = HEAD.replace(
        "  languages: [en, fr]\n", "  languages: [en, fr]\n  lint:\n    ignore: [PF302]\n"
    )
    courses = (
        COURSES.replace("provider: campus", "provider: nowhere")
        + course("any-one", "requires_any: [{basics: 1}], grants: {safety: 1}")
        + "\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(catalog(head=head, courses=courses), encoding="utf-8")
    assert [d.code for d in lint([path], use_cache=False).diagnostics] == ["PF107"]


def test_select_and_ignore_take_codes_and_prefixes(tmp_path: Path) -> None:
    from pathfinder.errors import PathfinderError

    skills = SKILLS + "  - {id: unused, name: {en: U, fr: U}, category: core}\n"
    courses = (
        COURSES
        + DUPLICATE
        + "\n"
        + course("any-one", "requires_any: [{basics: 1}], grants: {safety: 1}")
        + "\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(catalog(skills=skills, courses=courses), encoding="utf-8")
    codes = lambda **kw: sorted(d.code for d in lint([path], use_cache=False, **kw).diagnostics)  # noqa: E731
    assert codes() == ["PF204", "PF207", "PF302"]
    assert codes(select=["PF2"]) == ["PF204", "PF207"]
    assert codes(select=["PF204,PF302"]) == ["PF204", "PF302"]
    assert codes(select=["PF204", "PF3"]) == ["PF204", "PF302"]
    assert codes(ignore=["pf207"]) == ["PF204", "PF302"]
    assert codes(select=["PF2"], ignore=["PF204"]) == ["PF207"]
    with pytest.raises(PathfinderError, match="PF2O7"):
        lint([path], select=["PF2O7"])


# --- near misses: valid variants of what the rules look for are not reported ------------------------

NEAR_MISSES: dict[str, str] = {
    "PF001": catalog(courses=BLOCK_COURSE + '    grants: {safety: 1}\n    certification: "a: b"\n'),
    "PF003": catalog(
        skills=SKILLS.replace(
            "{en: Basics, fr: Bases}, category: core",
            "{en: !!str Basics, fr: Bases}, category: !!str core",
        )
    ),
    "PF009": catalog(
        courses=BLOCK_COURSE
        + '    grants: {safety: 1}\n    certification: "tab\tinside a string"\n'
    ),
    "PF104": catalog(
        sites=SITES + "  - {id: dunkirk, name: {en: D, fr: D}, region: R, lat: 51.03, lon: 2.37}\n"
    ),
    "PF108": catalog(
        jobs=JOBS
        + "  - {id: lead, name: {en: L, fr: C}, sector: ev, outlook: declining, requires: {safety: 1}}\n"
    ),
    "PF208": catalog(
        courses=BLOCK_COURSE.replace("    hours: 21", "    hours: 90").replace(
            "    weeks: 1", "    weeks: 2"
        )
        + "    grants: {safety: 1}\n"
    ),
    "PF301": catalog(
        courses=COURSES.replace(
            "grants: {safety: 1}}\n", "grants: {safety: 1}, certification: 'no'}\n"
        )
    ),
}


@pytest.mark.parametrize("code", sorted(NEAR_MISSES))
def test_near_miss_is_not_reported(code: str, tmp_path: Path) -> None:
    assert _lint_text(tmp_path, NEAR_MISSES[code]) == []


# --- PF301 anywhere ---------------------------------------------------------------------------------


def test_yaml11_booleans_are_reported_anywhere_plain_and_nowhere_quoted(tmp_path: Path) -> None:
    text = (
        catalog(
            courses=BLOCK_COURSE
            + "    grants: {safety: 1}\n    certification: Yes  # expect: PF301\n"
        )
        + "x-notes:  # expect: PF101\n"
        + "  on: 'quoted is fine'  # expect: PF301\n"
        + "  list: [off, 'no', \"yes\", !!str on, N]  # expect: PF301 PF301\n"
        + "  block:\n    - y  # expect: PF301\n    - nope\n"
        + "  text: |\n    yes inside a literal block is text\n"
    )
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    found = lint([path], use_cache=False).diagnostics
    for code in ("PF301", "PF101"):
        assert sorted(d.line for d in found if d.code == code) == expected(text, code), [
            d.render() for d in found
        ]
    on_key = next(d for d in found if d.code == "PF301" and d.line == expected(text, "PF301")[1])
    assert on_key.column == 3 and "'on'" in on_key.message


def test_suppression_at_the_end_of_the_line_or_alone_on_the_line_before(tmp_path: Path) -> None:
    block = BLOCK_COURSE.replace(
        "    name: {en: Block, fr: Bloc}",
        "    name: {en: Block, fr: on}  # pathfinder: ignore[PF301]",
    )
    text = catalog(
        courses=block
        + "    grants: {safety: 1}\n    # pathfinder: ignore[PF301]\n    certification: no\n"
    )
    assert _lint_text(tmp_path, text) == []
    path = tmp_path / "c.yaml"
    assert lint([path], use_cache=False).suppressed == 2


def test_control_characters_are_reported_at_the_scalar_with_their_code_points(
    tmp_path: Path,
) -> None:
    text = catalog(
        skills=SKILLS
        + '  - {id: welding, name: {en: "A\\x1b[2JB\\u202e\\x1b", fr: S}, category: core}\n'
        '  - {id: brazing, name: {en: B, fr: B}, "cate\\ngory": core}\n'
        "  - id: folded\n    name:\n      en: >\n        Folded\n      fr: Plié\n    category: core\n",
    )
    found = [line for line in _lint_text(tmp_path, text) if " PF304 " in line or " PF101 " in line]
    path = str(tmp_path / "c.yaml")
    message = (
        ": control and bidirectional characters can hide or reorder what readers see; remove it."
    )
    assert (
        found
        == [
            f"{path}:14:30: error PF304 text holds U+001B, U+202E{message}",
            f"{path}:15:41: error PF101 unknown key 'cate\\ngory' in a skill entry; did you mean category?",  # shown as an escape
            f"{path}:15:41: error PF304 key holds U+000A{message}",
            f"{path}:18:11: error PF304 text holds U+000A{message}",  # a folded block scalar ends with a line feed
        ]
    )


@pytest.mark.parametrize(
    "line",
    [
        '  - {id: "tt\\n", name: {en: T, fr: T}, category: core}  # expect: PF105',
        '  - {id: tt, name: {en: T, fr: T}, category: core, sources: ["\\n"]}  # expect: PF304',
    ],
)
def test_a_trailing_newline_never_passes_for_an_id(line: str, tmp_path: Path) -> None:
    """Ids, language codes and ROME codes match whole: ``$`` would accept a trailing newline."""
    found = _lint_text(tmp_path, catalog(skills=SKILLS + line + "\n"))
    code = line.rsplit(" ", 1)[1]
    assert [f for f in found if f" {code} " in f], found


@pytest.mark.parametrize(
    ("section", "code"),
    [
        ('catalog:\n  name: Test\n  version: "1"\n  languages: [en, "fr\\n"]\n', "PF104"),
        ("rome", "PF112"),
    ],
)
def test_language_and_rome_codes_match_whole(section: str, code: str, tmp_path: Path) -> None:
    if section == "rome":
        text = catalog(
            jobs=JOBS
            + '  - {id: welder, name: {en: W, fr: S}, sector: ev, outlook: declining, rome: "H2909\\n"}\n'
        )
    else:
        text = catalog(head=section + HEAD.split("\n", 4)[4])
    assert any(f" {code} " in f for f in _lint_text(tmp_path, text)), _lint_text(tmp_path, text)


# --- sessions (PF211–PF213) and coverage (PF214): exact findings ------------------------------------


def test_session_findings_exactly(tmp_path: Path) -> None:
    text = catalog(
        courses=COURSES
        + session_course(
            "\n      - {start: 2027-01-11, end: 2027-01-15, site: flins}\n"  # line 29
            "      - {start: 2026-11-02, site: flins}\n"  # 30: ended 2026-11-04
            "      - {start: 2027-01-14, site: flins}\n"  # 31: 01-14..01-16, overlaps line 29
            "      - {start: 2026-11-03, site: flins}\n"  # 32: ended; overlaps 30, not compared
        )
    )
    path = str(tmp_path / "c.yaml")
    assert _lint_text(tmp_path, text) == [
        f"{path}:30:9: warning PF211 course 'hv': the session 2026-11-02 to 2026-11-04 ended before 2026-12-01; remove it or correct its dates.",
        f"{path}:31:9: info PF213 course 'hv': the session 2027-01-14 to 2027-01-16 at 'flins' overlaps the session 2027-01-11 to 2027-01-15 at the same site ({path}:29); two groups at once, or a copy?",
        f"{path}:32:9: warning PF211 course 'hv': the session 2026-11-03 to 2026-11-05 ended before 2026-12-01; remove it or correct its dates.",
    ]


def test_a_course_whose_sessions_all_ended_is_one_finding(tmp_path: Path) -> None:
    text = catalog(
        courses=COURSES
        + session_course(
            "\n      - {start: 2026-11-02, site: flins}\n"
            "      - {start: 2026-03-02, end: 2026-03-06, site: flins}\n"
            "      - {start: 2026-03-02, end: 2026-03-06, site: flins}\n"
        )
    )
    path = str(tmp_path / "c.yaml")
    assert _lint_text(tmp_path, text) == [
        f"{path}:28:5: warning PF212 course 'hv': every session ended before 2026-12-01 (the last on 2026-11-04), "
        "so no one can take it; list the sessions to come, or remove the past ones for it to run on demand."
    ]


def test_online_sessions_are_never_past_of_a_site_and_are_not_compared(tmp_path: Path) -> None:
    text = catalog(
        courses=COURSES
        + course(
            "web",
            "grants: {basics: 2}, sessions: [{start: 2027-01-11}, {start: 2027-01-11}, {start: 2026-01-05}]",
        )
        + "\n"
    )
    assert [line.split()[2] for line in _lint_text(tmp_path, text)] == ["PF211"]


def test_session_findings_follow_the_day_given(tmp_path: Path) -> None:
    from datetime import date

    text = catalog(
        courses=COURSES
        + session_course(
            "\n      - {start: 2027-01-11, site: flins}\n      - {start: 2027-03-01, site: flins}\n"
        )
    )
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")

    def codes(day: date | None) -> list[tuple[str, int]]:
        return [(d.code, d.line) for d in lint([path], use_cache=True, today=day).diagnostics]

    assert codes(None) == []  # the tests' today: 2026-12-01
    assert codes(date(2027, 2, 1)) == [("PF211", 29)]
    assert codes(date(2027, 3, 4)) == [("PF212", 28)]
    assert codes(date(2027, 3, 3)) == [("PF211", 29)]  # the second runs 03-01..03-03
    assert codes(None) == []  # the cache keeps each day apart


def test_uncovered_levels_exactly(tmp_path: Path) -> None:
    skills = RARE_SKILLS + "  - {id: odd, name: {en: Odd, fr: Odd}, category: core}\n"
    jobs = (
        JOBS
        + SPECIALIST
        + "\n      deep: 1\n"  # line 27: needed by the job and by a course on its way
        + "  - {id: lead, name: {en: L, fr: C}, sector: ev, outlook: growing, requires: {rare: 2}}\n"
    )
    courses = (
        COURSES
        + course("safety-advanced", "requires: {deep: 1}, grants: {safety: 1}")  # line 31
        + "\n"
        + course("safety-any", "requires_any: [{odd: 1, rare: 3}], grants: {safety: 1}")  # 32
        + "\n"
    )
    path = str(tmp_path / "c.yaml")
    text = catalog(skills=skills, jobs=jobs, courses=courses)
    group = text.splitlines()[31].index("{odd") + 1  # the requires_any group
    tail = "no course grants it and no declining or stable job holds it, at that level or higher."
    assert [line for line in _lint_text(tmp_path, text) if " PF214 " in line] == [
        f"{path}:26:7: warning PF214 nothing provides 'rare' ≥ 2, which the growing job(s) 'specialist', 'lead' require: {tail}",
        f"{path}:27:7: warning PF214 nothing provides 'deep' ≥ 1, which the growing job(s) 'specialist' and the course(s) 'safety-advanced' on their way require: {tail}",
        f"{path}:32:{group}: warning PF214 nothing provides ('odd' ≥ 1 | 'rare' ≥ 3), which the course(s) 'safety-any' on the way to growing jobs require: {tail}",
    ]


def test_uncovered_levels_ignore_growing_jobs_as_a_source_and_courses_off_the_way(
    tmp_path: Path,
) -> None:
    skills = RARE_SKILLS
    jobs = (
        JOBS
        + "  - {id: lead, name: {en: L, fr: C}, sector: ev, outlook: growing, requires: {rare: 2}}\n"
        + "  - {id: chief, name: {en: C, fr: C}, sector: ev, outlook: growing, requires: {rare: 3}}\n"
    )
    courses = (
        COURSES
        + course(
            "rare-1", "requires: {deep: 1}, grants: {rare: 1}"
        )  # grants too little: off the way
        + "\n"
    )
    found = _lint_text(tmp_path, catalog(skills=skills, jobs=jobs, courses=courses))
    # Each growing job holds what the other needs (PF202 is satisfied for 'lead'), but nobody comes
    # from a growing job: both levels are reported; 'deep' of a course off the way is not.
    assert [line.split(" PF214 ")[1].split(",")[0] for line in found if " PF214 " in line] == [
        "nothing provides 'rare' ≥ 2",
        "nothing provides 'rare' ≥ 3",
    ]
    assert not any(" PF202 " in line and "'lead'" in line for line in found)


def test_courses_on_the_way_follow_grants_at_the_level_needed() -> None:
    from pathfinder.lint.catalog_reach import on_the_way
    from pathfinder.loader import loads_catalog

    skills = RARE_SKILLS
    courses = (
        COURSES
        + "\n".join(
            [
                course("rare-1", "requires: {deep: 1}, grants: {rare: 1}"),  # too low
                course("rare-2", "requires: {deep: 2}, grants: {rare: 2}"),
                course("deep-2", "requires_any: [{basics: 1, safety: 1}], grants: {deep: 3}"),
                course("deep-0", "grants: {deep: 1}"),  # too low for rare-2's deep: 2
            ]
        )
        + "\n"
    )
    jobs = JOBS + SPECIALIST + "\n"
    loaded = loads_catalog(catalog(skills=skills, jobs=jobs, courses=courses))
    targets = [job for job in loaded.jobs.values() if job.outlook == "growing"]
    assert [c.id for c in on_the_way(loaded, targets)] == ["safety-course", "rare-2", "deep-2"]
