"""How long ``pathfinder --help`` takes next to the floor the stack sets, ``import typer``.

Each command runs as a fresh process, alternately, many times; the script prints the medians of
wall time and of CPU time (user + system of the child, which the other jobs of a shared machine
disturb less) and their ratio. Target: ``pathfinder --help`` within 1.5x of ``import typer``.
A sub-command's ``--help`` is compared with ``import typer`` plus typer's pydantic adapters, which
typer imports to parse any option (the root's, before the sub-command's help).

    python benchmarks/bench_startup.py --repeat 30
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time


def measure(command: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of ``command``, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="runs of each command (default 30)")
    args = parser.parse_args()
    script = shutil.which("pathfinder", path=os.path.dirname(sys.executable)) or shutil.which(
        "pathfinder"
    )
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import typer'": [sys.executable, "-c", "import typer"],
        # typer >= 0.2x coerces every parameter it parses through pydantic: a sub-command's --help
        # parses the root's options first, so this is the floor for `pathfinder plan --help`.
        "python -c 'import typer, pydantic'": [
            sys.executable,
            "-c",
            "import typer, typer._adapters",
        ],
        "pathfinder --help": [script, "--help"]
        if script
        else [sys.executable, "-m", "pathfinder", "--help"],
        "pathfinder plan --help": [script, "plan", "--help"]
        if script
        else [sys.executable, "-m", "pathfinder", "plan", "--help"],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():  # warm the file cache and the .pyc files
        measure(command)
    for _ in range(args.repeat):
        for name, command in commands.items():
            runs[name].append(measure(command))
    print(f"{'command':<28} {'wall ms':>8} {'cpu ms':>8}")
    medians = {}
    for name, values in runs.items():
        wall = statistics.median(v[0] for v in values) * 1000
        cpu = statistics.median(v[1] for v in values) * 1000
        medians[name] = (wall, cpu)
        print(f"{name:<28} {wall:8.1f} {cpu:8.1f}")
    for name, floor_name in (
        ("pathfinder --help", "python -c 'import typer'"),
        ("pathfinder plan --help", "python -c 'import typer, pydantic'"),
    ):
        (wall, cpu), floor = medians[name], medians[floor_name]
        print(
            f"{name} / {floor_name}: wall {wall / floor[0]:.2f}x, cpu {cpu / floor[1]:.2f}x (target <= 1.5x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
