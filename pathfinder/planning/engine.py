"""Which exact search answers a query: the landmark search or the integer program.

Both are exact and give the same answer, key for key (:mod:`pathfinder.planning.search`; the
brute-force property tests run with each forced on). They differ in speed: the landmark search
answers small problems in a millisecond or two but needs more and more landmarks as paths grow
long among thousands of courses; the integer program (:mod:`.integer_program`) pays for building
its model and loading HiGHS (about 0.1 s on first use), then proves long paths among thousands of
courses in a fraction of a second. So problems with more than :data:`INTEGER_FROM` courses go to
the integer program, the others to the landmark search (measured: benchmarks/README.md). Should
HiGHS fail to give an answer that passes the exact checks, the landmark search answers instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from .deadline import Deadline
from .problem import Problem
from .search import NO_CAPS, Caps, Found
from .search import search as landmark_search

Engine = Literal["landmarks", "integer"]
ENGINES: tuple[Engine, ...] = ("landmarks", "integer")

INTEGER_FROM = 120
"""Problems with more courses than this go to the integer program: on the generated benchmark
catalogs, the landmark search is faster below about 100 courses (a median of 20 ms against 46 ms
between 60 and 120), the integer program above (45 ms against 70 ms between 120 and 200, 37 ms
against 214 ms between 200 and 300; benchmarks/bench_engine_choice.py). The bundled catalog's
problems have at most 18 courses."""

_FORCED: ContextVar[Engine | None] = ContextVar("pathfinder_forced_engine", default=None)


@contextmanager
def forced_engine(engine: Engine | None) -> Iterator[None]:
    """Within the block, every search uses ``engine`` whatever the problem's size (None: the
    automatic choice). For tests and benchmarks."""
    token = _FORCED.set(engine)
    try:
        yield
    finally:
        _FORCED.reset(token)


def engine_for(problem: Problem) -> Engine:
    """The engine that answers queries on ``problem``."""
    forced = _FORCED.get()
    if forced is not None:
        return forced
    return "integer" if len(problem.courses) > INTEGER_FROM else "landmarks"


def search(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    excluded: Collection[int] = (),
    deadline: Deadline | float | None = None,
    quick: bool = True,
) -> Found | None:
    """The path of least key, by the engine for ``problem`` (the contract of
    :func:`pathfinder.planning.search.search`)."""
    if engine_for(problem) == "integer":
        from .integer_program import SolverFailed, integer_search

        try:
            return integer_search(problem, objective, caps, excluded, deadline, quick)
        except SolverFailed:
            pass
    return landmark_search(problem, objective, caps, excluded, deadline, quick)


def k_best(
    problem: Problem,
    objective: str,
    caps: Caps = NO_CAPS,
    k: int = 3,
    deadline: Deadline | float | None = None,
) -> list[Found]:
    """Up to ``k`` paths, best first, none a superset of an earlier one, by the engine for
    ``problem`` (the contract of :func:`pathfinder.planning.alternatives.k_best`)."""
    if engine_for(problem) == "integer":
        from .integer_program import SolverFailed, integer_k_best

        try:
            return integer_k_best(problem, objective, caps, k, deadline)
        except SolverFailed:
            pass
    from .alternatives import k_best as landmark_k_best

    return landmark_k_best(problem, objective, caps, k, deadline)
