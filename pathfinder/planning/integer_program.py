"""The exact search by integer programming (HiGHS): the planner's engine for large problems.

**The program.** One 0/1 variable per course of the compiled problem (taken or not), and one
variable between 0 and 1 per needed threshold and per ``requires_any`` group (met or not). Rows: a
taken course needs each threshold it requires and each of its any-of groups; a threshold is met
only if a taken course meets it (not a course whose own requirements already ask for that level
or more: it can only come after); a group only if one of its thresholds is; the target's
thresholds are met. One row per weight (hours, weeks, what the person pays, courses) carries the
caps and, while a path is chosen, the values settled so far. This is the delete-free planning
model of Imai and Fukunaga (JAIR 2015) without its ordering variables: it allows course sets that
meet each other's requirements in a cycle, which no order can take. The answer is therefore
replayed through the reachability check
(:meth:`~pathfinder.planning.reachability.Reachability.reach`); a set that falls short teaches a
landmark (:meth:`~pathfinder.planning.reachability.Reachability.landmark`), added as a row (take
one of its courses), and the program is solved again. Every row holds for every valid path within
the caps, so the program's optimum is a lower bound, and a valid set that reaches it is optimal.

**Linear first.** Each program is first solved as a linear program (its relaxation: courses may
be taken in part), with the dual simplex from the last basis, without presolve. On these problems
the relaxation usually lands on whole numbers; a whole, valid answer that reaches the
relaxation's optimum is proven optimal without branching. Only a relaxation that ends in
fractions is solved again as an integer program (branch and bound).

**Fewer free courses.** Once a stage's least value is known, every course whose reduced cost in
the relaxation exceeds the gap between that value and the relaxation's bound is fixed at 0: any
solution taking it would cost more (reduced-cost fixing). When the relaxation ends in fractions,
its support, made valid and irredundant, gives such a value before branching. On the large
benchmark catalog this leaves a few dozen of several thousand courses free, so the later stages
and the search by ids are small; branch and bound then runs on a presolved copy of the model.

**The key, exactly.** Paths are ranked by the objective, then fewer courses, then fewer hours,
then the sorted course ids (:mod:`pathfinder.planning.search`). The first stage minimises the
objective and the courses together when the sum stays small enough to be exact in floating point
(:func:`stages`), else one after the other; each settled value then bounds its row, and the next
stage minimises the hours. Last, the ids: a set ``T`` with the same key comes before the answer
``S`` when, at the first position (in id order) where they differ, ``T`` has the course. So
``T`` takes some *candidate*: a course before ``S``'s last one that ``S`` does not take. Linear
programs (maximise the candidates taken) find the candidates no set within the settled rows can
take, even in part: they are fixed at 0. If none is left, ``S`` stands (the usual case: one
linear program). Otherwise, for the earliest remaining candidate ``c``, a set that comes first
must keep what ``S`` takes before ``c``: those are fixed at 1, and either some valid set also
takes ``c`` (it becomes ``S``) or none does (``c`` is fixed at 0); and so on. When those linear
programs end in fractions, one integer program finds the earliest position at which a valid set
can first differ from ``S`` by taking a course (:meth:`Program._first_difference`); its answer
becomes ``S``, everything up to that position is fixed, and the search goes on.

**Alternatives.** The next best path is the optimum with one more row per earlier path: take all
of its courses but one at most (:func:`integer_k_best`).

**Floating point is never trusted.** Weights are the problem's whole numbers
(:mod:`pathfinder.planning.numbers`), every answer is rounded, replayed through the reachability
check, its weights summed in Python integers and compared with the solver's bound (a whole number
below the bound plus one is the optimum: no whole number lies between); an answer that fails any
of these is not used.

**Time.** The solver stops at the deadline; the best valid set known by then is reported as not
proven (:class:`~pathfinder.planning.search.OutOfTime`), as for the landmark search.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Sequence
from typing import Any

from .bitsets import members
from .deadline import Deadline, TimeUp
from .problem import Problem
from .search import NO_CAPS, Caps, Found, OutOfTime, found_path, learned_state, quick_path

INF = float("inf")
PRESOLVED_TRY = 0.1
"""Seconds branch and bound gets on a presolved copy before it runs in place instead."""
WHOLE = 1e-6
"""How far from 0 or 1 a solver's value may be and still count as that number."""
WEIGHT_ROWS: tuple[tuple[str, str | None], ...] = (
    ("hours", "max_hours"),
    ("weeks", "max_weeks"),
    ("pays", "budget_eur"),
    ("courses", None),
)
"""The weights with a row of their own, and the cap that bounds each (if any)."""
ROW_OF_WEIGHT = {"cost": "pays"}
"""Objectives whose weights are another row's (the ``cost`` objective is what the person pays)."""


class SolverFailed(Exception):
    """HiGHS ended in a state no answer can be read from (not optimal, infeasible or stopped),
    or its answer failed the exact checks: the caller uses the landmark search instead.

    Internal control flow, never shown to a user as such."""


class _Stopped(Exception):
    """The deadline passed in a stage; its argument is the best valid set known then, if any.

    Internal control flow, never shown to a user as such: the search turns it into
    :class:`~pathfinder.planning.search.OutOfTime`."""


class Program:
    """The integer program of one problem in a HiGHS instance, kept across searches (other
    objectives, caps, excluded courses: alternatives): only bounds and costs change between
    them, so each solve starts from the last basis."""

    def __init__(self, problem: Problem) -> None:
        import numpy as np

        from ..highs import silent_highs

        self.problem = problem
        self.reachability = learned_state(problem).reachability
        courses = problem.courses
        n = self.n = len(courses)
        self.ones = [1] * n
        m = len(problem.bits)
        group_column: dict[int, int] = {}
        for pc in courses:
            for group in pc.any:
                group_column.setdefault(group, n + m + len(group_column))
        width = n + m + len(group_column)
        lower = np.zeros(width)
        for b in members(problem.target):
            lower[n + b] = 1.0
        highs = self.highs = silent_highs()
        highs.setOptionValue("presolve", "off")
        highs.addVars(width, lower, np.ones(width))
        rows = _Rows()
        below = _held_before(problem)
        achievers: list[list[int]] = [[] for _ in range(m)]
        for i, pc in enumerate(courses):
            for b in members(pc.req):
                rows.add((i, n + b), (1.0, -1.0), -INF, 0.0)
            for group in pc.any:
                rows.add((i, group_column[group]), (1.0, -1.0), -INF, 0.0)
            for b in members(pc.grant & ~below[i]):
                achievers[b].append(i)
        for b, taken in enumerate(achievers):
            rows.add((n + b, *taken), (1.0, *(-1.0 for _ in taken)), -INF, 0.0)
        for group, column in group_column.items():
            met = [n + b for b in members(group)]
            rows.add((column, *met), (1.0, *(-1.0 for _ in met)), -INF, 0.0)
        self.weight_row: dict[str, int] = {}
        first = rows.count
        for offset, (name, _) in enumerate(WEIGHT_ROWS):
            self.weight_row[name] = first + offset
            rows.add(range(n), [float(w) for w in self.weights(name)], -INF, INF)
        rows.flush(highs)
        self.upper: dict[str, float] = {name: INF for name, _ in WEIGHT_ROWS}
        self.excluded: frozenset[int] = frozenset()
        self.fixed: frozenset[int] = frozenset()  # courses every path takes: lower bound 1
        self.integer = False
        self.forbidden: list[int] = []  # rows of forbid_superset
        self.forbidden_sets: list[int] = []  # their course sets, as masks
        self.saved: dict[int, tuple[float, float]] = {}  # columns fixed in a search: their bounds

    # -- bounds --------------------------------------------------------------------------------

    def weights(self, name: str) -> list[int]:
        """Each course's weight called ``name``, in the problem's whole units (courses: 1)."""
        return self.ones if name == "courses" else self.problem.weights[name]

    def bound_row(self, name: str, upper: float) -> None:
        """Set the upper bound of a weight's row (``INF``: none)."""
        row = ROW_OF_WEIGHT.get(name, name)
        if self.upper[row] != upper:
            self.upper[row] = upper
            self.highs.changeRowBounds(self.weight_row[row], -INF, upper)

    def prepare(self, caps: Caps, excluded: Collection[int], necessary: int) -> None:
        """Bounds for one search: the caps on their rows, the excluded courses at 0, the courses
        every path takes at 1."""
        from .numbers import scaled_cap

        for name, cap_field in WEIGHT_ROWS:
            cap = None if cap_field is None else getattr(caps, cap_field)
            scaled = scaled_cap(cap, self.problem.scale[name]) if cap is not None else None
            self.bound_row(name, INF if scaled is None else float(scaled))
        excluded = frozenset(excluded)
        fixed = frozenset(members(necessary))
        changed = (excluded ^ self.excluded) | (fixed ^ self.fixed)
        if changed:
            import numpy as np

            columns = sorted(changed)
            self.highs.changeColsBounds(
                len(columns),
                np.asarray(columns, dtype=np.int32),
                np.asarray([1.0 if c in fixed else 0.0 for c in columns]),
                np.asarray([0.0 if c in excluded else 1.0 for c in columns]),
            )
            self.excluded, self.fixed = excluded, fixed

    # -- solving ---------------------------------------------------------------------------------

    def _set_integer(self, integer: bool) -> None:
        """Whether the courses' columns must be whole (an integer program) or not (its
        relaxation)."""
        import numpy as np

        if integer != self.integer:
            self.highs.changeColsIntegrality(
                self.n,
                np.arange(self.n, dtype=np.int32),
                np.full(self.n, 1 if integer else 0, dtype=np.uint8),
            )
            self.integer = integer

    def _costs(self, costs: Sequence[float]) -> None:
        import numpy as np

        width = self.highs.getNumCol()
        full = np.zeros(width)
        full[: len(costs)] = costs
        self.highs.changeColsCost(width, np.arange(width, dtype=np.int32), full)

    def _run(self, clock: Deadline, presolved: bool = False) -> tuple[str, list[float], float]:
        """Run to the optimum or the deadline: ``("optimal" | "infeasible" | "stopped",
        the courses' values, the bound)``. Raises TimeUp when the deadline passed without a
        solution to read, SolverFailed when HiGHS ends otherwise."""
        left = clock.left()
        if left is not None and left <= 0:
            raise TimeUp
        # Relaxations: in place, without presolve (the dual simplex from the last basis is much
        # faster on them). Branch and bound with ``presolved``: first on a fresh copy of the
        # model, with presolve, which drops the many columns fixed by then, for a short try
        # (measured: most such programs take 0.05 s there, against 0.2-0.6 s in place, but a
        # few take seconds); then in place. Never presolve in place: on a model changed after
        # earlier solves, it gave a wrong optimum (highspy 1.16, caught by the checks below).
        if self.integer and presolved:
            from ..highs import silent_highs

            copy = silent_highs()
            copy.passModel(self.highs.getModel())
            tried = self._read(copy, PRESOLVED_TRY if left is None else min(left, PRESOLVED_TRY))
            if tried is not None and tried[0] != "stopped":
                return tried  # a stopped try is not the deadline: the run in place goes on
            left = clock.left()
            if left is not None and left <= 0:
                raise TimeUp
        found = self._read(self.highs, left)
        if found is None:
            raise TimeUp
        return found

    def _read(self, solver: Any, seconds: float | None) -> tuple[str, list[float], float] | None:
        """Run ``solver`` for at most ``seconds``: its answer as :meth:`_run` gives it, or None
        when the time ran out without a solution to read."""
        import highspy

        solver.setOptionValue("time_limit", INF if seconds is None else max(0.01, seconds))
        solver.run()
        status = solver.getModelStatus()
        info = solver.getInfo()
        if status == highspy.HighsModelStatus.kOptimal:
            bound = info.mip_dual_bound if self.integer else info.objective_function_value
            return "optimal", list(solver.getSolution().col_value), bound
        if status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", [], INF
        if status == highspy.HighsModelStatus.kTimeLimit:
            values = list(solver.getSolution().col_value)
            if self.integer and info.primal_solution_status == 2 and values:  # a feasible one
                return "stopped", values, -INF
            return None
        raise SolverFailed(str(status))

    def _whole(self, values: Sequence[float]) -> int | None:
        """The courses taken, as a mask, when every course's value is whole; else None."""
        chosen = 0
        for i in range(self.n):
            v = values[i]
            if v > 1 - WHOLE:
                chosen |= 1 << i
            elif v > WHOLE:
                return None
        return chosen

    def _valid(self, chosen: int) -> bool:
        return self.reachability.valid(chosen)

    def _valid_or_cut(self, chosen: int) -> bool:
        """Check a whole answer: outside the program's bounds is the solver's failure; a set
        that falls short of the target is cut (False); else it is a valid set (True)."""
        if not self._within(chosen):
            raise SolverFailed("answer outside the program's bounds")
        if self._valid(chosen):
            return True
        self.cut(chosen)
        return False

    def _within(self, chosen: int) -> bool:
        """Exactly, in whole numbers: the set keeps off the excluded courses, takes the fixed ones,
        is no superset of a forbidden set and stays within every weight row's bound."""
        if any(chosen >> i & 1 for i in self.excluded):
            return False
        if any(chosen & forbidden == forbidden for forbidden in self.forbidden_sets):
            return False
        if any(not chosen >> i & 1 for i in self.fixed):
            return False
        taken = members(chosen)
        for name, _ in WEIGHT_ROWS:
            upper = self.upper[name]
            if upper != INF and sum(self.weights(name)[i] for i in taken) > upper:
                return False
        return True

    def forbid_superset(self, courses: Collection[int]) -> None:
        """A row that keeps out every superset of ``courses`` (take all of them but one at most),
        until :meth:`allow_supersets`."""
        import numpy as np

        columns = sorted(courses)
        self.forbidden.append(self.highs.getNumRow())
        self.forbidden_sets.append(sum(1 << c for c in columns))
        self.highs.addRow(
            -INF,
            float(len(columns) - 1),
            len(columns),
            np.asarray(columns, dtype=np.int32),
            np.ones(len(columns)),
        )

    def allow_supersets(self) -> None:
        """Drop the rows of :meth:`forbid_superset` (the landmark rows stay)."""
        import numpy as np

        if self.forbidden:
            rows = np.asarray(self.forbidden, dtype=np.int32)
            self.highs.deleteRows(len(rows), rows)
            self.forbidden = []
            self.forbidden_sets = []

    def cut(self, chosen: int) -> None:
        """A set that falls short of the target: add the landmark it teaches as a row (every
        valid path takes one of its courses)."""
        import numpy as np

        weights = self.problem.weights["hours"]
        by_cost = sorted(range(self.n), key=lambda i: (weights[i], i))
        mask = self.reachability.landmark(chosen, by_cost)
        if not mask:  # nothing can extend it: no valid path (not when the target is reachable)
            raise SolverFailed("empty landmark")
        learned_state(self.problem).add(mask)
        landmark = members(mask)
        self.highs.addRow(
            1.0,
            INF,
            len(landmark),
            np.asarray(landmark, dtype=np.int32),
            np.ones(len(landmark)),
        )

    def least(self, weights: Sequence[int], clock: Deadline) -> int | None:
        """The valid set of least total weight within the current bounds, as a mask; None when
        there is none. Raises _Stopped past the deadline."""
        self._costs([float(w) for w in weights])
        integer = False
        relaxed: tuple[float, list[float]] | None = None  # the relaxation's bound, reduced costs
        while True:
            self._set_integer(integer)
            status, values, bound = self._run(clock, presolved=self._mostly_fixed())
            if status == "infeasible":
                return None
            if not integer and status == "optimal":
                relaxed = bound, list(self.highs.getSolution().col_dual)[: self.n]
            chosen = self._whole(values)
            if chosen is None:
                if integer:
                    raise SolverFailed("fractional answer to an integer program")
                integer = True  # the relaxation ended in fractions: branch and bound
                rounded = self._rounded_up(values, weights)
                if rounded is not None and relaxed is not None:
                    value = sum(weights[i] for i in members(rounded))
                    self._fix_by_reduced_costs(rounded, value, *relaxed)
                continue
            if not self._valid_or_cut(chosen):
                continue
            if status == "stopped":
                raise _Stopped(chosen)
            value = sum(weights[i] for i in members(chosen))
            if value - bound >= 1 - WHOLE:  # the answer does not reach the bound
                if integer:
                    raise SolverFailed("answer does not reach the solver's bound")
                integer = True
                continue
            if relaxed is not None:
                self._fix_by_reduced_costs(chosen, value, *relaxed)
            return chosen

    def _rounded_up(self, values: Sequence[float], weights: Sequence[int]) -> int | None:
        """A valid set within the rows made from a fractional solution: every course it takes
        even in part, then without the courses not needed (costliest first); None when that is
        not a valid set within the rows. Its value bounds the optimum from above, which lets
        :meth:`_fix_by_reduced_costs` shrink the integer program before branching."""
        taken = 0
        for i in range(self.n):
            if values[i] > WHOLE:
                taken |= 1 << i
        if not self._valid(taken) or not self._within(taken):
            return None
        fixed = sum(1 << i for i in self.fixed)
        taken = self.reachability.without_unneeded(taken, weights, fixed)
        return taken if self._within(taken) else None

    def _fix_by_reduced_costs(
        self, chosen: int, value: int, bound: float, reduced: Sequence[float]
    ) -> None:
        """Fix at 0 the courses no set of this stage's least value can take: a course whose
        reduced cost in the relaxation's optimum exceeds the gap between that value and the
        relaxation's bound would raise any solution taking it above the value (reduced-cost
        fixing; with a margin of half a unit, the weights being whole numbers). The next stages
        and the search by ids then work on the few courses left free."""
        gap = value - bound + 0.5
        self.fix(
            {
                i: 0.0
                for i in range(self.n)
                if reduced[i] > gap and not chosen >> i & 1 and self.free(i)
            }
        )

    def first_by_ids(self, chosen: int, clock: Deadline) -> int:
        """Among the valid sets within the current bounds (all of the same key as ``chosen``),
        the one whose sorted ids come first (module docstring). Raises _Stopped past the
        deadline (with the best set known). The columns it fixes stay fixed until
        :meth:`restore`."""
        try:
            while True:
                chosen, settled = self._next_by_ids(chosen, clock)
                if settled:
                    return chosen
        except TimeUp:
            raise _Stopped(chosen) from None
        finally:
            self._set_integer(False)

    def fix(self, columns: dict[int, float]) -> None:
        """Fix these courses' columns at these values, until :meth:`restore`."""
        if columns:
            for c in columns:
                self.saved.setdefault(c, self._base_bounds(c))
            self._bound_columns({c: (value, value) for c, value in columns.items()})

    def restore(self) -> None:
        """Give the columns fixed by :meth:`fix` their bounds back (at the end of a search)."""
        if self.saved:
            self._bound_columns(self.saved)
            self.saved = {}

    def _bound_columns(self, bounds: dict[int, tuple[float, float]]) -> None:
        import numpy as np

        columns = sorted(bounds)
        self.highs.changeColsBounds(
            len(columns),
            np.asarray(columns, dtype=np.int32),
            np.asarray([bounds[c][0] for c in columns]),
            np.asarray([bounds[c][1] for c in columns]),
        )

    def _next_by_ids(self, chosen: int, clock: Deadline) -> tuple[int, bool]:
        """One step of :meth:`first_by_ids`: ``(the set, whether it is settled)``.

        The courses before ``chosen``'s last one that it does not take (and that are not fixed
        yet) are the *candidates*: a set with the same key comes first only by taking one. Linear
        programs find the candidates that some solution within the rows takes at least in part
        (the others are fixed at 0: no set takes them); none left, ``chosen`` is settled.
        Otherwise, for the earliest such candidate ``c``: a set that comes first must keep every
        course ``chosen`` takes before ``c`` (fixed at 1); then either a valid set takes ``c``
        (it becomes the answer so far, ``c`` fixed at 1), or none does (``c`` fixed at 0)."""

        fix = self.fix
        last = chosen.bit_length() - 1
        candidates = [i for i in range(last) if not chosen >> i & 1 and self.free(i)]
        possible: set[int] = set()
        rest = candidates
        while rest:
            found, whole = self._taken_in_part(rest, clock)
            if not found:
                break
            if not whole:
                # the rows' solutions are fractional here: branch and bound, once, for the
                # earliest first difference among the candidates not ruled out
                better = self._first_difference(chosen, sorted(possible | set(rest)), clock)
                if better is None:
                    return chosen, True
                # the first set by ids agrees with it up to that first difference, included
                low = (better ^ chosen) & -(better ^ chosen)
                fix({i: float(better >> i & 1) for i in range(low.bit_length()) if self.free(i)})
                return better, False
            possible |= found
            rest = [i for i in rest if i not in found]
        fix(dict.fromkeys(rest, 0.0))  # no solution within the rows takes any of them
        if not possible:
            return chosen, True
        first = min(possible)
        fix({i: 1.0 for i in range(first) if chosen >> i & 1 and self.free(i)})
        fix({first: 1.0})
        self._costs([0.0] * self.n)
        better = self._any_valid(clock)
        if better is None:
            fix({first: 0.0})
            return chosen, False
        if not _before(better, chosen):
            raise SolverFailed("answer does not come before the set it improves")
        return better, False

    def _taken_in_part(self, rest: Sequence[int], clock: Deadline) -> tuple[set[int], bool]:
        """The courses of ``rest`` that the relaxation takes, at least in part, when it takes as
        much of them as it can within the rows (empty: no solution takes any, even in part), and
        whether that solution is in whole numbers."""
        costs = [0.0] * self.n
        for i in rest:
            costs[i] = -1.0
        self._costs(costs)
        self._set_integer(False)
        status, values, bound = self._run(clock)
        if status != "optimal" or -bound <= WHOLE:
            return set(), True
        return {i for i in rest if values[i] > WHOLE}, self._whole(values) is not None

    def _first_difference(
        self, chosen: int, candidates: Sequence[int], clock: Deadline
    ) -> int | None:
        """A valid set within the current bounds that comes before ``chosen`` by ids, differing
        from it first as early as possible; None when there is none. One integer program, with
        (for the time of the solve) a 0/1 column ``z[c]`` per candidate (the set first differs
        from ``chosen`` by taking ``c``) and a column ``w[p]`` per free position ``p`` before
        ``chosen``'s last (that first difference comes after ``p``): the set keeps ``chosen``'s
        courses and leaves the others while ``w`` is 1, takes the ``c`` whose ``z`` is 1, and
        ``c`` is the earliest possible. Positions whose column is fixed agree with ``chosen``
        already: they need no row."""
        import numpy as np

        highs = self.highs
        last = chosen.bit_length() - 1
        base_cols = highs.getNumCol()
        base_rows = highs.getNumRow()
        z = {c: base_cols + k for k, c in enumerate(candidates)}
        positions = sorted({i for i in range(last) if self.free(i)} | set(candidates))
        w = {p: base_cols + len(z) + k for k, p in enumerate(positions)}
        count = len(z) + len(w)
        upper = np.ones(count)
        upper[-1] = 0.0  # w at the last position: no candidate comes after it
        highs.addVars(count, np.zeros(count), upper)
        rows = _Rows()
        rows.add(list(z.values()), [1.0] * len(z), 1.0, 1.0)
        for c, column in z.items():
            rows.add((column, c), (1.0, -1.0), -INF, 0.0)
        for p, after in zip(positions, positions[1:], strict=False):  # w[p] = w[after] + z[after]
            if after in z:
                rows.add((w[p], w[after], z[after]), (1.0, -1.0, -1.0), 0.0, 0.0)
            else:
                rows.add((w[p], w[after]), (1.0, -1.0), 0.0, 0.0)
        for p in positions:
            if chosen >> p & 1:
                rows.add((p, w[p]), (1.0, -1.0), 0.0, INF)
            else:
                rows.add((p, w[p]), (1.0, 1.0), -INF, 1.0)
        rows.flush(highs)
        try:
            costs = [0.0] * (base_cols + count)
            for c, column in z.items():
                costs[column] = float(c)
            # and, below one unit in all, a nudge towards early courses after the difference:
            # the answer then often needs no further step (the first difference stays exact)
            nudge = 0.25 / max(1, self.n * self.n)
            for i in range(self.n):
                if self.free(i):
                    costs[i] = nudge * i
            self._costs(costs)
            self._set_integer(True)
            highs.changeColsIntegrality(
                len(z), np.asarray(list(z.values()), dtype=np.int32), np.ones(len(z), np.uint8)
            )
            while True:
                status, values, _ = self._run(clock, presolved=self._mostly_fixed())
                if status == "infeasible":
                    return None
                if status == "stopped":
                    raise TimeUp
                better = self._whole(values)
                if better is None:
                    raise SolverFailed("fractional answer to an integer program")
                if self._valid_or_cut(better):
                    if not _before(better, chosen):
                        raise SolverFailed("answer does not come before the set it improves")
                    return better
        finally:  # the cuts learned meanwhile stay: only this solve's rows and columns go
            highs.deleteRows(
                rows.count, np.arange(base_rows, base_rows + rows.count, dtype=np.int32)
            )
            highs.deleteCols(count, np.arange(base_cols, base_cols + count, dtype=np.int32))
            self._set_integer(False)

    def _base_bounds(self, column: int) -> tuple[float, float]:
        return (
            1.0 if column in self.fixed else 0.0,
            0.0 if column in self.excluded else 1.0,
        )

    def free(self, column: int) -> bool:
        """Whether a course's column is neither excluded, nor taken by every path, nor fixed in
        this search."""
        return column not in self.saved and column not in self.excluded and column not in self.fixed

    def _mostly_fixed(self) -> bool:
        """Whether most courses' columns are fixed (by reduced costs, exclusions, the search by
        ids): then presolve on a fresh copy pays for itself (measured on the large benchmark
        catalog: a stage's branch and bound from 0.6 s to 0.05 s), otherwise it can cost more
        than it saves (0.4 s to 1.9 s)."""
        return 2 * (len(self.saved) + len(self.excluded)) >= self.n

    def _any_valid(self, clock: Deadline) -> int | None:
        """A valid set within the current bounds (the costs set to 0), or None when there is
        none: the relaxation first, the integer program when it ends in fractions."""
        integer = False
        while True:
            self._set_integer(integer)
            status, values, _ = self._run(clock, presolved=self._mostly_fixed())
            if status == "infeasible":
                return None
            if status == "stopped":
                raise TimeUp
            chosen = self._whole(values)
            if chosen is None:
                if integer:
                    raise SolverFailed("fractional answer to an integer program")
                integer = True
                continue
            if self._valid_or_cut(chosen):
                return chosen


def _held_before(problem: Problem) -> list[int]:
    """Per course, the thresholds it cannot be the first to meet: those its ``requires`` already
    meets (a course asking for a skill at level 2 and granting level 3 meets level 2 and below
    only after someone else did). Without this, the program would let such a course meet its
    own requirement."""
    levels_of: dict[str, list[tuple[int, int]]] = {}
    for (skill, level), bit in problem.bit_of.items():
        levels_of.setdefault(skill, []).append((level, bit))
    below = []
    for pc in problem.courses:
        mask = 0
        for skill, need in pc.course.requires.items():
            for level, bit in levels_of.get(skill, ()):
                if level <= need:
                    mask |= bit
        below.append(mask)
    return below


def _before(a: int, b: int) -> bool:
    """Whether set ``a`` comes before set ``b`` by sorted positions (same size): at the lowest
    position where they differ, ``a`` has the member."""
    diff = a ^ b
    low = diff & -diff
    return bool(a & low)


class _Rows:
    """Rows gathered in HiGHS's compressed form, then added at once."""

    def __init__(self) -> None:
        self.count = 0
        self.starts: list[int] = []
        self.index: list[int] = []
        self.value: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(
        self, columns: Sequence[int], values: Sequence[float], lower: float, upper: float
    ) -> None:
        self.starts.append(len(self.index))
        self.index.extend(columns)
        self.value.extend(values)
        self.lower.append(lower)
        self.upper.append(upper)
        self.count += 1

    def flush(self, highs: Any) -> None:
        import numpy as np

        highs.addRows(
            self.count,
            np.asarray(self.lower),
            np.asarray(self.upper),
            len(self.index),
            np.asarray(self.starts, dtype=np.int32),
            np.asarray(self.index, dtype=np.int32),
            np.asarray(self.value),
        )


_PROGRAMS: weakref.WeakKeyDictionary[Problem, Program] = weakref.WeakKeyDictionary()


def program_of(problem: Problem) -> Program:
    """The problem's program, built on first use and kept with the problem."""
    program = _PROGRAMS.get(problem)
    if program is None:
        program = _PROGRAMS[problem] = Program(problem)
    return program


SAFE_TOTAL = 2**40
"""Two weights are minimised as one (the first times a factor, plus the second) only when every
total stays below this: far within what the solver's floating point holds exactly."""


def stages(problem: Problem, objective: str) -> list[list[tuple[str, int]]]:
    """The weights minimised in turn, each stage as ``(row, factor)`` terms: the objective, then
    the courses, then the hours. The objective and the courses go in one stage, as the
    objective times one more than the number of thresholds plus the courses, when that stays
    below :data:`SAFE_TOTAL`: an irredundant path takes at most one course per threshold (each
    one is the first to meet some threshold), so a path with a smaller objective always has a
    smaller total, and among equal objectives the fewer courses win."""
    first = ROW_OF_WEIGHT.get(objective, objective)
    order = [first] + [name for name in ("courses", "hours") if name != first]
    found: list[list[tuple[str, int]]] = [[(name, 1)] for name in order]
    if first != "courses":
        factor = len(problem.bits) + 1
        total = sum(problem.weights[first])
        if (total + 1) * factor < SAFE_TOTAL:
            found[:2] = [[(first, factor), ("courses", 1)]]
    return found


def integer_search(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    excluded: Collection[int] = (),
    deadline: Deadline | float | None = None,
    quick: bool = True,
) -> Found | None:
    """The path of least key avoiding the courses at positions ``excluded``, within ``caps``:
    the same answer and the same contract as :func:`pathfinder.planning.search.search`, found
    with the integer program (module docstring). Raises :class:`SolverFailed` when HiGHS cannot
    give an answer that passes the exact checks."""
    clock = Deadline.of(deadline)
    if not problem.reachable:
        return None
    if problem.target == 0:
        return Found((), (0, 0, 0, ()))
    learned = learned_state(problem)
    program = program_of(problem)
    necessary = learned.necessary
    if any(necessary >> i & 1 for i in excluded):
        return None  # a course every path takes is excluded
    program.prepare(caps, excluded, necessary)
    best: int | None = None
    try:
        return _stages(problem, program, objective, clock)
    except _Stopped as stopped:
        (best,) = stopped.args
    except TimeUp:
        pass
    finally:
        program.restore()
    if best is not None:
        raise OutOfTime(found_path(problem, objective, best, proven=False))
    raise OutOfTime(quick_path(problem, objective, caps, excluded, clock) if quick else None)


def _stages(problem: Problem, program: Program, objective: str, clock: Deadline) -> Found | None:
    """The stages of :func:`integer_search` on a prepared program; raises _Stopped (with the
    best set known, if any) past the deadline."""
    best: int | None = None
    try:
        for terms in stages(problem, objective):
            weights = [0] * program.n
            for name, factor in terms:
                for i, w in enumerate(program.weights(name)):
                    weights[i] += w * factor
            chosen = program.least(weights, clock)
            if chosen is None:
                assert best is None, "a later stage always has the earlier stage's answer"
                return None
            best = chosen
            for name, _ in terms:
                value = sum(program.weights(name)[i] for i in members(chosen))
                program.bound_row(name, float(value))
        assert best is not None
        best = program.first_by_ids(best, clock)
        return found_path(problem, objective, best)
    except TimeUp:
        raise _Stopped(best) from None
    except _Stopped as stopped:
        (known,) = stopped.args  # within the earlier stages' bounds: no worse than best
        raise _Stopped(known if known is not None else best) from None


def integer_k_best(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    k: int = 3,
    deadline: Deadline | float | None = None,
) -> list[Found]:
    """Up to ``k`` paths, best first, none a superset of an earlier one: the answer of
    :func:`pathfinder.planning.alternatives.k_best`. Each next path is the optimum with one row
    per earlier path (take all of its courses but one at most): that optimum is irredundant by
    itself, since a valid subset would be cheaper and still no superset of an earlier path.
    The first search running out of time raises :class:`OutOfTime`; a later one ends the list
    with the paths already proven."""
    clock = Deadline.of(deadline)
    first = integer_search(problem, objective, caps, deadline=clock)
    if first is None or k < 1:
        return []
    picks = [first]
    program = program_of(problem)
    try:
        while len(picks) < k:
            program.forbid_superset(picks[-1].members)
            try:
                found = integer_search(problem, objective, caps, deadline=clock, quick=False)
            except OutOfTime:
                break
            if found is None:
                break
            picks.append(found)
    finally:
        program.allow_supersets()
    return picks
