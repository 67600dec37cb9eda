"""Planner speed: ``plan`` queries and ``explore`` on a loaded catalog, and the catalog's memory.

    python benchmarks/bench_plan.py                       # bundled + large (generated when missing)
    python benchmarks/bench_plan.py --only bundled
    python benchmarks/bench_plan.py --queries 60 --repeat 3

Everything runs in-process after the catalog is loaded (the load itself: ``bench_load.py``):

- ``plan``: one query per target job (a seeded random sample of the jobs, ``--queries`` of them),
  with the command's defaults (``--optimize hours``, 3 alternatives, blockers and relaxations when
  there is no path, the ``--time-limit``); prints the median, 90th percentile and maximum over the
  queries, and how many answers the time limit cut short (not proven shortest).
- ``explore``: every job of every sector (not only the growing ones) from the same profile, with
  explore's time limit; median of ``--repeat`` runs, with the jobs ranked, cut short and left
  unexplored.
- memory: a fresh interpreter loads the large catalog; resident set size before and after the load
  and the peak (``ru_maxrss``), in MiB.

Two profiles per catalog: "local" (a held job, a home site, a mobility radius, CPF funding: the
usual case, where many targets are out of reach and the answer is blockers plus relaxations) and
"anywhere" (the same without home and radius, so every course is usable: the search's worst case).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from large_catalog import DEFAULT_OUT, ensure_large


def rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def memory_child(path: str) -> None:
    """Run in a fresh interpreter: print the memory of loading ``path`` as JSON."""
    import gc

    from pathfinder.loader import load_catalog
    from pathfinder.planner import plan  # noqa: F401  (count the planner's import too)

    gc.collect()
    before = rss_mib()
    catalog = load_catalog(path, use_cache=False)
    gc.collect()
    after = rss_mib()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"before": before, "after": after, "peak": peak, "courses": len(catalog.courses)}
        )
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def profiles(catalog: object) -> dict[str, object]:
    from pathfinder.profile import Profile

    jobs = catalog.jobs  # type: ignore[attr-defined]
    sites = catalog.sites  # type: ignore[attr-defined]
    held = next(j.id for j in jobs.values() if j.outlook != "growing")
    home = "flins" if "flins" in sites else sorted(sites)[0]
    local = Profile(jobs=(held,), home=home, mobility_km=150, funding=("cpf",))
    anywhere = Profile(jobs=(held,), funding=("cpf",))
    return {"local": local, "anywhere": anywhere}


def bench_catalog(
    label: str,
    path: Path | None,
    queries: int,
    repeat: int,
    explore_profiles: set[str],
    limits: tuple[float, float],
) -> None:
    from pathfinder.errors import TimeLimitError
    from pathfinder.explore import explore
    from pathfinder.loader import bundled_catalog_path, load_catalog
    from pathfinder.planner import plan

    start = time.perf_counter()
    catalog = load_catalog(path or bundled_catalog_path())
    loaded = time.perf_counter() - start
    print(
        f"\n== {label}: {len(catalog.skills)} skills, {len(catalog.jobs)} jobs, {len(catalog.courses)} courses "
        f"(loaded in {loaded:.2f} s)"
    )
    job_ids = sorted(catalog.jobs)
    # a seeded random sample: a regular stride can fall on one kind of job only
    targets = sorted(random.Random(0).sample(job_ids, min(queries, len(job_ids))))
    plan_limit, explore_limit = limits
    for name, profile in profiles(catalog).items():
        times: list[float] = []
        statuses: dict[str, int] = {}
        worst = ("", 0.0)
        for target in targets:
            begin = time.perf_counter()
            try:
                result = plan(catalog, profile, target, time_limit=plan_limit)  # type: ignore[arg-type]
                status = result.status if result.proven else "ok, not proven"
            except TimeLimitError:
                status = "stopped"
            elapsed = time.perf_counter() - begin
            times.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
            if elapsed > worst[1]:
                worst = (target, elapsed)
        print(
            f"  plan [{name}] over {len(targets)} targets {statuses}: median {statistics.median(times) * 1000:.1f} ms, "
            f"p90 {percentile(times, 0.9) * 1000:.1f} ms, max {worst[1] * 1000:.0f} ms ({worst[0]})"
        )
        if name not in explore_profiles:
            continue
        runs = []
        for _ in range(repeat):
            begin = time.perf_counter()
            ranking = explore(
                catalog,
                profile,
                sectors=sorted(catalog.sectors),  # type: ignore[arg-type]
                time_limit=explore_limit,
            )
            runs.append(time.perf_counter() - begin)
        explored = len(ranking.results) + len(ranking.unreachable) + len(ranking.unexplored)
        cut = sum(1 for item in ranking.results if not item.proven)
        print(
            f"  explore [{name}] over {explored} jobs ({len(ranking.results)} ranked, {cut} of them not proven; "
            f"{len(ranking.unreachable)} out of reach; {len(ranking.unexplored)} not explored): "
            f"median {statistics.median(runs):.2f} s of {repeat}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--catalog", type=Path, help="large catalog file (default: the generated one)"
    )
    parser.add_argument("--only", choices=("bundled", "large"))
    parser.add_argument(
        "--queries", type=int, default=30, help="plan queries per catalog and profile"
    )
    parser.add_argument("--repeat", type=int, default=3, help="explore runs (median)")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=30.0,
        help="seconds per plan query (default: the command's, 30)",
    )
    parser.add_argument(
        "--explore-time-limit",
        type=float,
        default=60.0,
        help="seconds per explore run (default: the command's, 60)",
    )
    parser.add_argument(
        "--explore-anywhere",
        action="store_true",
        help="also explore the large catalog with the 'anywhere' profile (slow)",
    )
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return

    os.environ.setdefault("PATHFINDER_CACHE_DIR", tempfile.mkdtemp(prefix="pathfinder-bench-plan-"))
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    limits = (args.time_limit, args.explore_time_limit)
    if args.only != "large":
        bench_catalog(
            "bundled catalog", None, args.queries, args.repeat, {"local", "anywhere"}, limits
        )
    if args.only != "bundled":
        large = args.catalog or ensure_large(DEFAULT_OUT)
        explore_profiles = {"local", "anywhere"} if args.explore_anywhere else {"local"}
        bench_catalog(
            f"large catalog {large.name}",
            large,
            args.queries,
            args.repeat,
            explore_profiles,
            limits,
        )
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(large)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        memory = json.loads(out.strip().splitlines()[-1])
        print(
            f"  memory: RSS {memory['before']:.0f} MiB before the load, {memory['after']:.0f} MiB after "
            f"(catalog {memory['after'] - memory['before']:.0f} MiB), peak {memory['peak']:.0f} MiB"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
