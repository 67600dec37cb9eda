"""HiGHS, the linear and integer programming solver (through ``highspy``), made ready for the
core: silent, exact about whole-number objectives, and imported only when a solver is needed.

Two parts of the package solve programs: the seat program of a basin plan
(:mod:`pathfinder.territory.seat_program`) and the integer-programming engine of the planner
(:mod:`pathfinder.planning.integer_program`). Both import this module inside the functions that
build a program, so that ``pathfinder --help`` and a ``plan`` on a small catalog never load
highspy nor numpy.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def silent_highs(time_limit: float | None = None) -> Any:
    """A HiGHS instance that prints nothing, proves whole-number objectives exactly (a gap below 1
    is none), and stops after ``time_limit`` seconds when one is given.

    Some highspy releases print a banner on standard output when an instance is made, before any
    option can be set: the descriptor is pointed at /dev/null meanwhile, so that a report written
    on standard output (JSON) stays clean."""
    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            highs = highspy.Highs()
            highs.setOptionValue("output_flag", False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    # One thread: HiGHS's thread pool is global to the process, and a process forked after it
    # started (the basin planner's pool) would inherit a pool without its threads.
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", 0.5)  # whole-number objectives: a gap below 1 is none
    if time_limit is not None:
        highs.setOptionValue("time_limit", max(0.01, float(time_limit)))
    return highs
