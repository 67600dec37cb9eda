"""Matching people to openings: the assignment problem of a basin, built from the groups'
options (:mod:`.routes`), solved (:mod:`.assignment`), and split back to the groups.

Groups with the same options are one class (they are interchangeable) and are assigned together;
their people go back to them in id order. Without seat limits each class uses its best route to
each job; with them, its K best, and each course with limited seats may be taken at any site
where the class has a usable session in the horizon. The choices that take one course within
the same sites form one slot, whichever classes they belong to: any spread of the slot's people
over those sites can be handed back to its classes, since each may use every one of them (one
slot per course and set of sites, not per class, keeps the integer program small).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Catalog
from ..planning.deadline import Deadline
from ..planning.numbers import common_scale
from .assignment import Assignment, Choice, Problem, Slot, solve, spread_over_seats
from .basin import Horizon, Opening
from .result import Route
from .routes import GroupOptions
from .seats import seat_capacity


@dataclass(frozen=True)
class Matching:
    """One assignment, made over classes of groups with the same options (they are
    interchangeable), and split back to the groups."""

    problem: Problem
    assignment: Assignment
    classes: Sequence[GroupOptions]
    """One per class: its first group's options, with the class's total count."""
    members: Sequence[tuple[int, ...]]
    """The groups of each class, in id order (indices into ``options``)."""
    options: Sequence[GroupOptions]
    openings: Sequence[Opening]
    pool_keys: Sequence[tuple[str, str | None]] = ()
    """The course and site (None: online) of each seat pool, by index."""

    def flows_by_group(self) -> list[tuple[int, int, int, int]]:
        """``(group, opening, route, count)`` in rank order: each class's people handed to its
        groups in id order."""
        left = [o.group.count for o in self.options]
        found = []
        for index in sorted(self.assignment.counts):
            count = self.assignment.counts[index]
            choice = self.problem.choices[index]
            for member in self.members[choice.group]:
                if not count:
                    break
                taken = min(count, left[member])
                if taken:
                    left[member] -= taken
                    count -= taken
                    found.append((member, choice.opening, choice.route, taken))
        return found

    def placed_by_group(self) -> list[int]:
        placed = [0] * len(self.options)
        for member, _, _, count in self.flows_by_group():
            placed[member] += count
        return placed

    def filled_by_opening(self) -> list[int]:
        filled = [0] * len(self.openings)
        for index, count in self.assignment.counts.items():
            filled[self.problem.choices[index].opening] += count
        return filled

    def pool_use(self) -> dict[tuple[str, str | None], int]:
        """Seats taken per course and site with limited seats."""
        used = self.assignment.pool_use(self.problem)
        return {self.pool_keys[pool]: n for pool, n in used.items() if n}

    def seats_used(self) -> dict[tuple[str, str | None], int]:
        """Seats taken per course and site (None: online): where the plan put them for the
        courses with limited seats, else at each person's nearest usable site."""
        slotted = {
            (self.problem.choices[c].group, self.pool_keys[slot.pools[0]][0])
            for slot in self.problem.slots
            for c in slot.choices
        }
        used: dict[tuple[str, str | None], int] = {}
        for index, count in self.assignment.counts.items():
            choice = self.problem.choices[index]
            job = self.openings[choice.opening].job
            route = self.classes[choice.group].routes[job][choice.route]
            for step in route.courses:
                if (choice.group, step.course) in slotted:
                    continue  # counted where the plan put it, below
                key = (step.course, step.site)
                used[key] = used.get(key, 0) + count
        for key, n in self.pool_use().items():
            used[key] = used.get(key, 0) + n
        return used


def classes_of(options: Sequence[GroupOptions]) -> tuple[list[GroupOptions], list[tuple[int, ...]]]:
    """Groups with the same options (openings in reach; routes to each job with the same cost,
    courses, sites and sessions, whoever pays) form a class: they are interchangeable."""
    by_key: dict[tuple[object, ...], list[int]] = {}
    for index in sorted(range(len(options)), key=lambda i: options[i].group.id):
        option = options[index]
        routes: object = option.routes_key  # numbered by the one all_options call they come from
        if routes is None:
            routes = tuple(
                (job, tuple((r.value, r.courses, r.sessions) for r in found))
                for job, found in sorted(option.routes.items())
            )
        key = (option.in_reach, routes)
        by_key.setdefault(key, []).append(index)
    classes, members = [], []
    for indices in by_key.values():
        first = options[indices[0]]
        total = sum(options[i].group.count for i in indices)
        classes.append(replace(first, group=replace(first.group, count=total)))
        members.append(tuple(indices))
    return classes, members


def match_people(
    catalog: Catalog,
    options: Sequence[GroupOptions],
    openings: Sequence[Opening],
    horizon: Horizon | None,
    deadline: Deadline,
    taken: Mapping[tuple[str, str | None], int] | None = None,
    free: Matching | None = None,
) -> Matching:
    """The best assignment: ignoring seats (``horizon`` None: each group's best route), or
    respecting the seats of the sessions in ``horizon`` (every route planned), less the seats
    already ``taken``. When the plan without seat limits (``free``) fits the seats, it is the
    best plan with them too (any plan with seats, its routes made best, scores no better), and
    no integer program is needed."""
    classes, members = classes_of(options)
    scale = common_scale(
        route.value for o in classes for routes in o.routes.values() for route in routes
    )
    pools: dict[tuple[str, str | None], int | None] = {}
    pool_sizes: list[int] = []
    choices: list[Choice] = []
    # (course, its pools) -> the choices, of any class, that take it in one of those pools
    slotted: dict[tuple[str, tuple[int, ...]], list[int]] = {}
    limits: dict[int, dict[str, tuple[int, ...]] | None] = {}  # id(route) -> its limited courses
    rank = 0
    ordered = sorted(enumerate(openings), key=lambda pair: pair[1].key)
    values: dict[int, int] = {}  # id(route) -> its cost in whole units
    sites: dict[tuple[str, int], list[str | None]] = {}  # for _limited
    for g, option in enumerate(classes):  # classes come in the order of their first group id
        reach = set(option.in_reach)
        for o, opening in ordered:
            routes = option.routes.get(opening.job) if opening in reach else None
            if not routes:  # out of reach, or no path
                continue
            base, rank = rank, rank + len(routes)  # ranks as if every route were a choice
            for r, route in enumerate(routes if horizon is not None else routes[:1]):
                limited: dict[str, tuple[int, ...]] | None = {}
                if horizon is not None:
                    if id(route) not in limits:  # routes are shared: each looked at once
                        limits[id(route)] = _limited(
                            catalog, route, horizon, pools, pool_sizes, taken, sites
                        )
                    limited = limits[id(route)]
                if limited is None:  # a course with no session in the horizon
                    continue
                for course, course_pools in limited.items():
                    slotted.setdefault((course, course_pools), []).append(len(choices))
                if id(route) not in values:
                    values[id(route)] = int(route.value * scale)
                choices.append(Choice(g, o, r, values[id(route)], base + r))
    slots = [Slot(tuple(slotted[key]), key[1]) for key in sorted(slotted)]
    if not slots:  # no seat binds: the best routes suffice
        kept = [i for i, c in enumerate(choices) if c.route == 0]
        choices, pool_sizes = [choices[i] for i in kept], []
    problem = Problem(
        [o.group.count for o in classes], [o.count for o in openings], choices, pool_sizes, slots
    )
    assignment = _from_free(problem, free) if free is not None and slots else None
    if assignment is None:
        assignment = solve(problem, deadline.left())
        if not assignment.proven and free is not None and slots:
            fallback = _trimmed_free(problem, free)  # out of time: never worse than this
            if fallback.placed() > assignment.placed():
                assignment = fallback
    keys = [key for key, pool in sorted(pools.items(), key=_pool_order) if pool is not None]
    return Matching(problem, assignment, classes, members, options, openings, keys)


def _free_counts(problem: Problem, free: Matching) -> tuple[dict[int, int], bool]:
    """The plan without seat limits as counts of ``problem``'s choices (its best routes), in
    rank order, and whether every one of its flows has a choice here (a best route with no
    session in the horizon has none)."""
    index = {(c.group, c.opening, c.route): i for i, c in enumerate(problem.choices)}
    counts: dict[int, int] = {}
    whole = True
    for i in sorted(free.assignment.counts):
        c = free.problem.choices[i]
        mapped = index.get((c.group, c.opening, c.route))
        if mapped is None:
            whole = False
        else:
            counts[mapped] = free.assignment.counts[i]
    return counts, whole


def _from_free(problem: Problem, free: Matching) -> Assignment | None:
    """The plan without seat limits as a plan of ``problem``, when it fits the seats."""
    counts, whole = _free_counts(problem, free)
    split = spread_over_seats(problem, counts) if whole else None
    return None if split is None else Assignment(counts, free.assignment.proven, split)


def _trimmed_free(problem: Problem, free: Matching) -> Assignment:
    """A plan that fits the seats, made from the plan without limits: its flows in rank order,
    each kept with as many people as the seats left allow. Not proven; what a solver stopped by
    the time limit falls back on when it found less."""
    counts: dict[int, int] = {}
    for choice, wanted in _free_counts(problem, free)[0].items():
        low, high = 0, wanted
        while low < high:  # the most people of this flow that still fit
            middle = (low + high + 1) // 2
            if spread_over_seats(problem, {**counts, choice: middle}) is None:
                high = middle - 1
            else:
                low = middle
        if low:
            counts[choice] = low
    return Assignment(counts, False, spread_over_seats(problem, counts) or {})


def _pool_order(item: tuple[tuple[str, str | None], int | None]) -> int:
    return -1 if item[1] is None else item[1]


def _limited(
    catalog: Catalog,
    route: Route,
    horizon: Horizon,
    pools: dict[tuple[str, str | None], int | None],
    pool_sizes: list[int],
    taken: Mapping[tuple[str, str | None], int] | None,
    memo: dict[tuple[str, int], list[str | None]],
) -> dict[str, tuple[int, ...]] | None:
    """The courses of ``route`` with limited seats, each with the seat pools (the course at a
    site the group can take it at, within the horizon) it can be taken in; None when a course
    has no usable session in the horizon. ``memo`` keeps the sites of each course and sessions
    (routes share their sessions' tuples)."""
    limited: dict[str, tuple[int, ...]] = {}
    for step, sessions in zip(route.courses, route.sessions, strict=True):
        if sessions is None:  # runs on demand: no limit
            continue
        known = (step.course, id(sessions))
        if known not in memo:
            memo[known] = sorted(
                {None if s.online else s.site for s in sessions if s.start in horizon},
                key=lambda site: site or "",
            )
        sites = memo[known]
        if not sites:
            return None
        found = []
        for site in sites:
            key = (step.course, site)
            if key not in pools:
                seats = seat_capacity(catalog.courses[step.course], site, horizon)
                pools[key] = None if seats is None else len(pool_sizes)
                if seats is not None:
                    pool_sizes.append(max(0, seats - (taken or {}).get(key, 0)))
            pool = pools[key]
            if pool is None:  # a site without a limit: the course never runs out
                break
            found.append(pool)
        else:
            limited[step.course] = tuple(found)
    return limited
