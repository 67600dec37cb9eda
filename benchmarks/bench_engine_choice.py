"""Where the automatic choice between the planner's engines should switch: ``plan`` times of the
landmark search and of the integer program by problem size.

    python benchmarks/bench_engine_choice.py

On a catalog generated like the regression set's (benchmarks/generate_catalog.py, 5,000 courses,
seed 7; written to benchmarks/out/medium.yaml when missing), with the profile of
tests/support/large_cases.json (a held job, CPF, no home), up to 8 targets per bucket of problem
size (courses of the compiled problem): one ``plan`` each (hours, 3 alternatives, 10 s limit),
with each engine forced on. Prints the median and maximum per bucket and engine, and how many
answers were not proven. The first integer-program query also pays for importing highspy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "medium.yaml"
GENERATOR = ["--skills", "2500", "--jobs", "600", "--courses", "5000", "--seed", "7"]
BUCKETS = [(20, 60), (60, 120), (120, 200), (200, 300), (300, 450), (450, 700), (700, 1200)]


def main() -> None:
    os.environ.setdefault("PATHFINDER_CACHE_DIR", tempfile.mkdtemp(prefix="pathfinder-bench-"))
    if not OUT.exists():
        OUT.parent.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate_catalog.py"), str(OUT), *GENERATOR], check=True
        )
    from pathfinder.loader import load_catalog
    from pathfinder.planner import plan
    from pathfinder.planning.context import Context
    from pathfinder.planning.engine import INTEGER_FROM, forced_engine
    from pathfinder.planning.problem import Problem
    from pathfinder.profile import Profile

    catalog = load_catalog(OUT)
    held = next(j.id for j in catalog.jobs.values() if j.outlook != "growing")
    profile = Profile(jobs=(held,), funding=("cpf",))
    context = Context(catalog, profile)
    sizes = sorted(
        (len(Problem(context, job.requires).courses), job_id)
        for job_id, job in catalog.jobs.items()
    )
    print(f"{OUT.name}: {len(catalog.courses)} courses; INTEGER_FROM={INTEGER_FROM}")
    for low, high in BUCKETS:
        targets = [job_id for size, job_id in sizes if low <= size < high][:8]
        if not targets:
            continue
        row = []
        for engine in ("landmarks", "integer"):
            times: list[float] = []
            unproven = 0
            for target in targets:
                with forced_engine(engine):  # type: ignore[arg-type]
                    begin = time.perf_counter()
                    result = plan(catalog, profile, target, time_limit=10)
                    times.append(time.perf_counter() - begin)
                unproven += not result.proven
            row.append(
                f"{engine} median {statistics.median(times) * 1000:.0f} ms, "
                f"max {max(times) * 1000:.0f} ms, not proven {unproven}"
            )
        print(f"{low}-{high} courses ({len(targets)} targets): " + " | ".join(row), flush=True)


if __name__ == "__main__":
    main()
