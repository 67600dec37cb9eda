"""Small catalogs for the lint tests: a clean base, and a way to swap one section.

Expected findings are marked in the YAML itself: a line ending in ``# expect: PF201`` (or
``# expect: PF301 PF301``) must get exactly those findings of that code.
"""

from __future__ import annotations

import re

HEAD = """\
catalog:
  name: Test
  version: "1"
  languages: [en, fr]
sectors:
  - {id: ev, name: {en: EV, fr: VE}}
providers:
  - {id: campus, name: {en: Campus, fr: Campus}}
"""
SITES = """\
sites:
  - {id: flins, name: {en: Flins, fr: Flins}, region: IDF, lat: 48.965, lon: 1.873}
"""
SKILLS = """\
skills:
  - {id: basics, name: {en: Basics, fr: Bases}, category: core}
  - {id: safety, name: {en: Safety, fr: Sécurité}, category: core, max_level: 1}
"""
JOBS = """\
jobs:
  - {id: operator, name: {en: Operator, fr: Opérateur}, sector: ev, outlook: declining, requires: {basics: 1}}
  - {id: technician, name: {en: Technician, fr: Technicien}, sector: ev, outlook: growing, requires: {basics: 1, safety: 1}, openings: {flins: 3}}
"""
COURSES = """\
courses:
  - {id: safety-course, name: {en: Safety, fr: Sécurité}, provider: campus, hours: 21, weeks: 1, cost_eur: 500, format: onsite, sites: [flins], requires: {basics: 1}, grants: {safety: 1}}
"""


def catalog(
    head: str = HEAD,
    sites: str = SITES,
    skills: str = SKILLS,
    jobs: str = JOBS,
    courses: str = COURSES,
    extra: str = "",
) -> str:
    """The base catalog (clean: the lint finds nothing) with some sections replaced or added to."""
    return head + sites + skills + jobs + courses + extra


def course(course_id: str, fields: str) -> str:
    """One flow-style course line with the usual fields and ``fields`` added."""
    return (
        f"  - {{id: {course_id}, name: {{en: {course_id}, fr: {course_id}}}, provider: campus, hours: 21, "
        f"weeks: 1, cost_eur: 100, format: online, {fields}}}"
    )


_MARK = re.compile(r"#\s*expect:\s*((?:PF\d{3}\s*)+)$")


def expected(text: str, code: str) -> list[int]:
    """The lines marked ``# expect: … code …``, once per mention, sorted."""
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _MARK.search(line)
        if match:
            lines.extend(number for found in match.group(1).split() if found == code)
    return sorted(lines)
