"""The ``finish`` objective's speed: ``plan --optimize finish`` next to ``--optimize hours``.

    python benchmarks/bench_finish.py                     # bundled + large with sessions
    python benchmarks/bench_finish.py --only bundled --queries 40

On the bundled catalog (its illustrative sessions) and on the large generated catalog with dated
sessions (``generate_catalog.py --sessions``: 2-6 sessions per on-site or hybrid course, generated
once into ``benchmarks/out/large-sessions.yaml``), for a seeded sample of target jobs and two
profiles (those of bench_plan.py: "local", a held job, a home site, a 150 km radius; "anywhere",
no home, no radius), it
times ``plan`` with one path and with three, and prints the median, 90th percentile and maximum,
and how many answers the time limit cut short. "Today" is fixed (2026-12-01) so that every session
counts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LARGE_SESSIONS = HERE / "out" / "large-sessions.yaml"

os.environ.setdefault("PATHFINDER_TODAY", "2026-12-01")
sys.path.insert(0, str(ROOT))

from pathfinder import load_catalog, plan  # noqa: E402
from pathfinder.errors import TimeLimitError  # noqa: E402
from pathfinder.profile import Profile  # noqa: E402


def ensure_large_sessions() -> Path:
    if not LARGE_SESSIONS.exists():
        LARGE_SESSIONS.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate_catalog.py"), str(LARGE_SESSIONS), "--sessions"],
            check=True,
        )
    return LARGE_SESSIONS


def profiles(catalog: object) -> dict[str, Profile]:
    """The profiles of bench_plan.py: a held job, home at Flins (else the first site) within
    150 km, CPF; and the same without home and radius."""
    jobs = catalog.jobs  # type: ignore[attr-defined]
    sites = catalog.sites  # type: ignore[attr-defined]
    held = next(j.id for j in jobs.values() if j.outlook != "growing")
    home = "flins" if "flins" in sites else sorted(sites)[0]
    return {
        "local": Profile(jobs=(held,), home=home, mobility_km=150, funding=("cpf",)),
        "anywhere": Profile(jobs=(held,), funding=("cpf",)),
    }


def measure(catalog: object, name: str, queries: int, time_limit: float) -> None:
    growing = sorted(j.id for j in catalog.jobs.values() if j.outlook == "growing")  # type: ignore[attr-defined]
    targets = random.Random(7).sample(growing, k=min(queries, len(growing)))
    for label, profile in profiles(catalog).items():
        for objective, alternatives in (("hours", 1), ("finish", 1), ("finish", 3)):
            times, cut, found = [], 0, 0
            for target in targets:
                start = time.perf_counter()
                try:
                    result = plan(
                        catalog,  # type: ignore[arg-type]
                        profile,
                        target,
                        objective=objective,
                        alternatives=alternatives,
                        time_limit=time_limit,
                    )
                    cut += not result.proven
                    found += bool(result.paths)
                except TimeLimitError:
                    cut += 1
                times.append(time.perf_counter() - start)
            times.sort()
            p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
            print(
                f"{name:8} {label:8} {objective:6} k={alternatives}  "
                f"median {statistics.median(times) * 1000:8.1f} ms  p90 {p90 * 1000:8.1f} ms  "
                f"max {times[-1] * 1000:8.1f} ms  paths {found}/{len(targets)}  not proven {cut}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("bundled", "large"))
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    if args.only != "large":
        measure(load_catalog(), "bundled", args.queries, args.time_limit)
    if args.only != "bundled":
        large = load_catalog(ensure_large_sessions())
        measure(large, "large", args.queries, args.time_limit)


if __name__ == "__main__":
    main()
