"""Basin planning speed (``pathfinder territory``): a 50,000-person CSV on the bundled catalog,
and a generated basin of 1,000 groups on the large benchmark catalog.

    python benchmarks/bench_territory.py                    # both
    python benchmarks/bench_territory.py --only csv --people 50000 --workers 2

The CSV basin: people holding the bundled catalog's declining and stable jobs, living in one of
six seeded "towns" around each of its sites (within about 30 km), with a radius of 20, 40, 60 km or none, some
funding, some self-assessed skills; every job's openings in the catalog. The large basin: 1,000
groups of 1-200 people over the large catalog's non-growing jobs and sites, radius 100-300 km or
none, 400 openings of growing jobs. Each is read (``load_basin``), then planned with the seats
respected; the script prints the time to read, to plan the groups (in ``--workers`` processes)
and to solve the assignment, how many distinct planning problems there were, the people placed,
and the peak memory (this process and its children). "Today" is fixed (2026-12-01).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
LARGE_SESSIONS = OUT / "large-sessions.yaml"

os.environ.setdefault("PATHFINDER_TODAY", "2026-12-01")
sys.path.insert(0, str(ROOT))

from pathfinder import load_catalog  # noqa: E402
from pathfinder.loader import bundled_catalog_path  # noqa: E402
from pathfinder.territory import plan_territory  # noqa: E402
from pathfinder.territory.sources import load_basin  # noqa: E402


def people_csv(catalog: object, people: int, seed: int = 7) -> Path:
    """A per-person CSV of ``people`` rows (written once per size into benchmarks/out/)."""
    path = OUT / f"basin-{people}.csv"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    jobs = sorted(j.id for j in catalog.jobs.values() if j.outlook != "growing")  # type: ignore[attr-defined]
    sites = sorted(catalog.sites.values(), key=lambda s: s.id)  # type: ignore[attr-defined]
    skills = sorted(catalog.skills)  # type: ignore[attr-defined]
    towns = [  # six "towns" around each site: people live in towns, not at random points
        (
            round(site.lat + rng.uniform(-0.25, 0.25), 2),
            round(site.lon + rng.uniform(-0.35, 0.35), 2),
        )
        for site in sites
        for _ in range(6)
    ]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["reference", "jobs", "home", "mobility_km", "funding", "skills"])
        for n in range(people):
            lat, lon = rng.choice(towns)
            radius = rng.choice(["20", "40", "60", ""])
            funding = rng.choice(["", "opco", "france-travail", "opco;cpf"])
            skill = f"{rng.choice(skills)}=1" if rng.random() < 0.2 else ""
            home = f"{lat},{lon}"
            writer.writerow(
                [f"P{n:06d}", rng.choice(jobs), home, radius if home else "", funding, skill]
            )
    return path


def large_basin(catalog: object, groups: int = 1000, seed: int = 11) -> Path:
    """A basin file of ``groups`` groups on the large catalog (written once)."""
    path = OUT / f"large-basin-{groups}.yaml"
    if path.exists():
        return path
    rng = random.Random(seed)
    jobs = catalog.jobs  # type: ignore[attr-defined]
    held = sorted(j.id for j in jobs.values() if j.outlook != "growing")
    growing = sorted(j.id for j in jobs.values() if j.outlook == "growing")
    sites = sorted(catalog.sites)  # type: ignore[attr-defined]
    lines = ["basin: Large generated basin", "workforce:"]
    for n in range(groups):
        radius = rng.choice(["100", "200", "300", None])
        home = rng.choice(sites)
        lines.append(
            f"  - {{id: g{n:04d}, count: {rng.randint(1, 200)}, jobs: [{rng.choice(held)}], home: {home}"
            + (f", mobility_km: {radius}}}" if radius else "}")
        )
    lines.append("openings:")
    seen = set()
    while len(seen) < 400:
        seen.add((rng.choice(growing), rng.choice(sites)))
    for job, site in sorted(seen):
        lines.append(f"  - {{job: {job}, site: {site}, count: {rng.randint(5, 120)}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run(name: str, catalog: object, source: Path, workers: int, time_limit: float | None) -> None:
    started = time.perf_counter()
    basin = load_basin(source, catalog)  # type: ignore[arg-type]
    read = time.perf_counter() - started
    problems = [0]

    def progress(done: int, total: int) -> None:
        problems[0] = total

    started = time.perf_counter()
    result = plan_territory(
        catalog,  # type: ignore[arg-type]
        basin,
        workers=workers,
        time_limit=time_limit,
        progress=progress,
    )
    total = time.perf_counter() - started
    print(
        f"{name}: {basin.people:,} people in {len(basin.groups):,} groups, "
        f"{problems[0]:,} distinct planning problems (group and job); read {read:.1f} s, plan {result.planning_seconds:.1f} s "
        f"({workers} workers), assignment {result.solve_seconds:.2f} s, total {read + total:.1f} s; "
        f"placed {result.placed:,} of {result.people:,} ({result.placed_without_limits:,} without seat limits), "
        f"proven {result.proven}; peak memory {peak_mb():.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=["csv", "large"])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--time-limit", type=float, default=None)
    args = parser.parse_args()
    if args.only in (None, "csv"):
        catalog = load_catalog(bundled_catalog_path())
        run(
            "bundled catalog, CSV",
            catalog,
            people_csv(catalog, args.people),
            args.workers,
            args.time_limit,
        )
    if args.only in (None, "large"):
        if not LARGE_SESSIONS.exists():
            OUT.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    sys.executable,
                    str(HERE / "generate_catalog.py"),
                    str(LARGE_SESSIONS),
                    "--sessions",
                ],
                check=True,
            )
        catalog = load_catalog(LARGE_SESSIONS)
        run(
            "large catalog, basin file",
            catalog,
            large_basin(catalog, args.groups),
            args.workers,
            args.time_limit,
        )


if __name__ == "__main__":
    main()
