"""PF201–PF207 and PF214: checks that need the whole catalog's prerequisite graph.

They run on a catalog that loaded without errors. Every check is one pass over the entries or one
fixpoint (:mod:`.catalog_reach`); networkx only looks for cycles among the courses already found
unreachable, which is a small graph.

Definitions (see ``docs/lint-rules.md``):

- PF201: a course is unreachable when no profile made of the catalog's jobs (any number of them
  held) can take it after any sequence of courses — exact for such profiles, see :mod:`.catalog_reach`.
- PF202: a *target* job (outlook ``growing``; ``declining`` and ``stable`` jobs are where people
  come from) is unreachable when one of its required levels is neither held by another job nor granted
  by a course that can be taken. Never a false alarm; it can miss a job whose only route runs
  through a course that itself needs the job's own skills.
- PF203: unreachable courses that need what only the others of the cycle grant.
- PF214: coverage. A level that a target job requires, or that a course on the way to one
  requires (:func:`.catalog_reach.on_the_way`), and that no course grants at that level or more
  and no job people come from (``declining``, ``stable``) holds. Unlike PF201 and PF202 it asks
  whether anything *provides* the level at all, not whether it can be reached, and it does not
  count target jobs as a source: a person does not retrain from a growing job. Reported once per
  level (or ``requires_any`` group), at the first target job needing it, else at the first
  course, naming what needs it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..diagnostics import Diagnostic
from ..levels import Requirement, highest, meets, meets_any, short_of
from ..model import Catalog, Course, Job
from ..rules import diagnostic
from .catalog_reach import Reach, demands, format_requirement, on_the_way, reach
from .locate import Locator, Span

TARGET_OUTLOOKS = ("growing",)
LISTED = 3
"""How many requiring courses PF205 names, and how many jobs and courses PF214 names."""


def check(catalog: Catalog, locator: Locator) -> list[Diagnostic]:
    """Every PF201–PF207 finding of a catalog loaded without errors."""
    reached = reach(catalog)
    found: list[Diagnostic] = []
    found.extend(unreachable_courses(catalog, reached, locator))
    found.extend(unreachable_jobs(catalog, reached, locator))
    found.extend(cycles(catalog, reached, locator))
    found.extend(skill_usage(catalog, locator))
    found.extend(nothing_new(catalog, locator))
    found.extend(duplicates(catalog, locator))
    found.extend(uncovered_levels(catalog, locator))
    return found


def _unmet_steps(
    course: Course, levels: Mapping[str, int]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """``(steps to the node, formatted requirement)`` for each requirement the levels do not meet."""
    for skill, level in short_of(levels, course.requires):
        yield ("requires", skill), format_requirement(((skill, level),))
    for index, group in enumerate(course.requires_any):
        if not meets_any(levels, group):
            yield ("requires_any", index), format_requirement(tuple(group.items()))


def unreachable_courses(catalog: Catalog, reached: Reach, locator: Locator) -> Iterator[Diagnostic]:
    """PF201, at the first requirement nothing reaches, naming all of them."""
    for course in catalog.courses.values():
        if course.id in reached.takeable:
            continue
        missing = list(_unmet_steps(course, reached.levels))
        if not missing:  # pragma: no cover - an untaken course always has an unmet requirement
            continue
        steps, _ = missing[0]
        where = locator.at("courses", course, *steps, on_key=steps[0] == "requires")
        text = ", ".join(requirement for _, requirement in missing)
        yield diagnostic("PF201", "lint.unreachable_course", *where, id=course.id, missing=text)


def unreachable_jobs(catalog: Catalog, reached: Reach, locator: Locator) -> Iterator[Diagnostic]:
    """PF202, at the first required skill that nothing but the job itself provides."""
    best: dict[str, tuple[int, str, int]] = {}  # skill -> (top level, its job, second level)
    for job in catalog.jobs.values():
        for skill, level in job.requires.items():
            top, holder, second = best.get(skill, (0, "", 0))
            if level > top:
                best[skill] = (level, job.id, top)
            elif level > second:
                best[skill] = (top, holder, level)
    for job in catalog.jobs.values():
        if job.outlook not in TARGET_OUTLOOKS:
            continue
        missing: list[tuple[str, int]] = []
        for skill, level in job.requires.items():
            top, holder, second = best[skill]
            from_jobs = second if holder == job.id else top
            if max(from_jobs, reached.granted.get(skill, 0)) < level:
                missing.append((skill, level))
        if missing:
            where = locator.at("jobs", job, "requires", missing[0][0], on_key=True)
            text = ", ".join(format_requirement((item,)) for item in missing)
            yield diagnostic("PF202", "lint.unreachable_job", *where, id=job.id, missing=text)


def cycles(catalog: Catalog, reached: Reach, locator: Locator) -> Iterator[Diagnostic]:
    """PF203: one finding per set of unreachable courses that unlock only each other.

    The graph links each unreachable course to the requirement levels it grants (``A -> (s, L)``
    when A grants s at L or more) and each unmet requirement level to the course waiting on it.
    Its strongly connected components with two or more courses are the cycles; each is reported
    once, in order, starting from the course written first, at that course.
    """
    stuck = [course for course in catalog.courses.values() if course.id not in reached.takeable]
    if len(stuck) < 2:
        return
    import networkx as nx  # type: ignore[import-untyped]

    graph = nx.DiGraph()
    thresholds: dict[str, set[int]] = {}
    for course in stuck:
        for requirement in reached.unmet(course):
            for skill, level in requirement:  # an unmet requirement meets none of its options
                graph.add_edge(("level", skill, level), ("course", course.id))
                thresholds.setdefault(skill, set()).add(level)
    for course in stuck:
        for skill, granted in course.grants.items():
            for level in thresholds.get(skill, ()):
                if level <= granted:
                    graph.add_edge(("course", course.id), ("level", skill, level))
    rank = {course_id: index for index, course_id in enumerate(catalog.courses)}
    for component in nx.strongly_connected_components(graph):
        members = sorted(
            (node[1] for node in component if node[0] == "course"), key=rank.__getitem__
        )
        if len(members) < 2:
            continue
        sub = graph.subgraph(component)
        order = [
            edge[0][1]
            for edge in nx.find_cycle(sub, source=("course", members[0]))
            if edge[0][0] == "course"
        ]
        if (
            len(order) < 2
        ):  # pragma: no cover - a component of several courses has a cycle through two
            continue
        first = min(range(len(order)), key=lambda i: rank[order[i]])
        order = order[first:] + order[:first]
        text = " → ".join(f"'{course_id}'" for course_id in [*order, order[0]])
        where = locator.at("courses", catalog.courses[order[0]], "id")
        yield diagnostic("PF203", "lint.cycle", *where, cycle=text)


def skill_usage(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF204 (orphans) and PF205 (required by courses, granted by none, held by no job)."""
    granting = catalog.courses_granting
    by_courses = catalog.courses_requiring
    by_jobs = catalog.jobs_requiring
    for skill in catalog.skills.values():
        if skill.id in granting or skill.id in by_jobs:
            continue
        courses = by_courses.get(skill.id)
        where = locator.at("skills", skill, "id")
        if not courses:
            yield diagnostic("PF204", "lint.orphan_skill", *where, id=skill.id)
            continue
        names = [f"'{course.id}'" for course in courses[:LISTED]]
        if len(courses) > LISTED:
            names.append("…")
        yield diagnostic(
            "PF205", "lint.ungranted_skill", *where, id=skill.id, courses=", ".join(names)
        )


def nothing_new(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF206: every grant is already demanded, at that level or more, by the course's prerequisites."""
    for course in catalog.courses.values():
        demanded = demands(course)
        if meets(demanded, course.grants):
            where = locator.at("courses", course, "grants", on_key=True)
            yield diagnostic("PF206", "lint.nothing_new", *where, id=course.id)


def duplicates(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF207: a course with the same grants, requires and requires_any groups as an earlier one."""
    first: dict[object, Course] = {}
    for course in catalog.courses.values():
        key = (course.grants, course.requires, frozenset(course.requires_any))
        earlier = first.setdefault(key, course)
        if earlier is course:
            continue
        there = locator.at("courses", earlier, "id")
        where = locator.at("courses", course, "id")
        yield diagnostic(
            "PF207",
            "lint.duplicate_course",
            *where,
            id=course.id,
            other=earlier.id,
            first=f"{there.path}:{there.line}",
        )


def _listed(ids: list[str]) -> str:
    """``'a', 'b', 'c', …``: the first :data:`LISTED` ids, quoted."""
    names = [f"'{entry_id}'" for entry_id in ids[:LISTED]]
    if len(ids) > LISTED:
        names.append("…")
    return ", ".join(names)


def uncovered_levels(catalog: Catalog, locator: Locator) -> Iterator[Diagnostic]:
    """PF214: each level needed on the way to a target job that nothing provides (see the module)."""
    targets = [job for job in catalog.jobs.values() if job.outlook in TARGET_OUTLOOKS]
    if not targets:
        return
    provided = highest(
        [
            *(job.requires for job in catalog.jobs.values() if job.outlook not in TARGET_OUTLOOKS),
            *(course.grants for course in catalog.courses.values()),
        ]
    )
    # requirement (options sorted) -> (as first written, where first needed, jobs, courses)
    needs: dict[Requirement, tuple[Requirement, Span, list[str], list[str]]] = {}

    def need(requirement: Requirement, entry: Job | Course, where: Span) -> None:
        key = tuple(sorted(requirement))
        first = needs.setdefault(key, (requirement, where, [], []))
        needers = first[2] if isinstance(entry, Job) else first[3]
        if entry.id not in needers:
            needers.append(entry.id)

    for job in targets:
        for skill, level in short_of(provided, job.requires):
            where = locator.at("jobs", job, "requires", skill, on_key=True)
            need(((skill, level),), job, where)
    for course in on_the_way(catalog, targets):
        for skill, level in short_of(provided, course.requires):
            where = locator.at("courses", course, "requires", skill, on_key=True)
            need(((skill, level),), course, where)
        for index, group in enumerate(course.requires_any):
            if not meets_any(provided, group):
                where = locator.at("courses", course, "requires_any", index)
                need(tuple(group.items()), course, where)
    for requirement, where, jobs, courses in needs.values():
        text = format_requirement(requirement)
        if jobs and courses:
            yield diagnostic(
                "PF214",
                "lint.uncovered_level_both",
                *where,
                requirement=text,
                jobs=_listed(jobs),
                courses=_listed(courses),
            )
        elif jobs:
            yield diagnostic(
                "PF214", "lint.uncovered_level_jobs", *where, requirement=text, jobs=_listed(jobs)
            )
        else:
            yield diagnostic(
                "PF214",
                "lint.uncovered_level_courses",
                *where,
                requirement=text,
                courses=_listed(courses),
            )
