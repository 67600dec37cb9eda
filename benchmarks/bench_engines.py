"""The planner's two exact engines side by side on the large catalog: ``plan`` per target.

    python benchmarks/bench_engines.py                       # 20 seeded targets, both profiles
    python benchmarks/bench_engines.py --profiles anywhere --engines auto integer landmarks

For each target of the seeded sample of ``bench_plan.py`` (20 jobs of the large catalog), one
``plan`` query with the command's defaults (``--optimize hours``, 3 alternatives, the time limit),
in-process after the catalog is loaded, once per engine: ``auto`` (the automatic choice:
landmark search for small problems, integer program above ``INTEGER_FROM`` courses), ``integer``
(the integer program for every problem) and ``landmarks`` (the landmark search for every
problem). Each query gets a fresh context, so no engine reuses another's work. Prints one line
per target and engine (status, proven, seconds, and per path its hours, its number of courses and a
checksum of its sorted course ids, to compare the engines' answers) and, per engine, the median and maximum
time and the number of answers not proven. Then ``explore --top 20`` over every job of every
sector, per profile.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

from bench_plan import profiles
from large_catalog import DEFAULT_OUT, ensure_large


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--catalog", type=Path, help="catalog file (default: the large one)")
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--alternatives", type=int, default=3)
    parser.add_argument(
        "--profiles", nargs="+", default=["anywhere", "local"], choices=["anywhere", "local"]
    )
    parser.add_argument(
        "--explore-top",
        type=int,
        default=20,
        help="then explore every job of every sector with --top N, per profile (0: skip)",
    )
    parser.add_argument(
        "--engines",
        nargs="+",
        default=["auto", "integer"],
        choices=["auto", "integer", "landmarks"],
    )
    args = parser.parse_args()
    os.environ.setdefault("PATHFINDER_CACHE_DIR", tempfile.mkdtemp(prefix="pathfinder-bench-"))

    from pathfinder.errors import TimeLimitError
    from pathfinder.loader import load_catalog
    from pathfinder.planner import plan
    from pathfinder.planning.engine import INTEGER_FROM, forced_engine

    path = args.catalog or ensure_large(DEFAULT_OUT)
    catalog = load_catalog(path)
    targets = sorted(random.Random(0).sample(sorted(catalog.jobs), args.queries))
    print(
        f"{path.name}: {len(catalog.courses)} courses; {len(targets)} targets; "
        f"INTEGER_FROM={INTEGER_FROM}; load average {os.getloadavg()[0]:.2f}"
    )
    for name in args.profiles:
        profile = profiles(catalog)[name]
        for engine in args.engines:
            times: list[float] = []
            unproven = 0
            for target in targets:
                begin = time.perf_counter()
                with forced_engine(None if engine == "auto" else engine):  # type: ignore[arg-type]
                    try:
                        result = plan(
                            catalog,
                            profile,  # type: ignore[arg-type]
                            target,
                            alternatives=args.alternatives,
                            time_limit=args.time_limit,
                        )
                        status, proven = result.status, result.proven
                        shown = [
                            (
                                p.total_hours,
                                len(p.steps),
                                f"{zlib.crc32(' '.join(sorted(p.course_ids)).encode()):08x}",
                            )
                            for p in result.paths
                        ]
                    except TimeLimitError:
                        status, proven, shown = "stopped", False, []
                elapsed = time.perf_counter() - begin
                times.append(elapsed)
                unproven += not proven
                print(
                    f"  [{name}] {engine:9} {target} {status:11} "
                    f"{'proven' if proven else 'NOT PROVEN'} {elapsed:7.3f} s {shown}",
                    flush=True,
                )
            print(
                f"[{name}] {engine}: median {statistics.median(times):.3f} s, "
                f"max {max(times):.3f} s, not proven {unproven}/{len(targets)}",
                flush=True,
            )
    if args.explore_top:
        from pathfinder.explore import explore

        for name in args.profiles:
            begin = time.perf_counter()
            ranking = explore(
                catalog,
                profiles(catalog)[name],  # type: ignore[arg-type]
                sectors=sorted(catalog.sectors),
                top=args.explore_top,
                time_limit=60,
            )
            elapsed = time.perf_counter() - begin
            proven = sum(item.proven for item in ranking.results)
            print(
                f"[{name}] explore --top {args.explore_top} over {len(catalog.jobs)} jobs: "
                f"{elapsed:.2f} s, {len(ranking.results)} ranked ({proven} proven), "
                f"{len(ranking.unreachable)} out of reach, {len(ranking.unexplored)} not explored",
                flush=True,
            )
    print(f"load average {os.getloadavg()[0]:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
