"""How long the gazetteer takes to place a home: cold (a fresh process) and warm (in-process).

    python benchmarks/bench_gazetteer.py --repeat 20

Cold: each command runs as a fresh process, alternately, ``--repeat`` times; the script prints the
medians of wall time and of CPU time (user + system of the child) for ``import pathfinder`` (the
floor), ``import pathfinder.gazetteer`` (no data read) and one ``resolve`` per name or postal
code, and what each adds to the floor. Target: a name's lookup adds under 50 ms to ``import
pathfinder``. A postal code reads every block of the data file: it is reported, not held to the
target. The children use compiled bytecode, as an installed package does, even when
PYTHONDONTWRITEBYTECODE is set: it is cached in a private temporary directory
(PYTHONPYCACHEPREFIX).

Warm: once the whole data file is decompressed, the median time of one call, per kind of query.
The script exits 1 when the cold target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

NAMES = ("Cléon", "mantes la jolie", "St-Denis (93)", "paris 15", "Zuydcoote")
"""Cold lookups held to the target: names with accents, hyphens, Saint, an arrondissement, and
one at the end of the alphabet (the last block of the file)."""

POSTAL_CODES = ("78200", "01400")
"""Cold lookups reported as well: postal codes shared by several communes."""

TARGET_MS = 50.0


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of ``command``, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def cold(repeat: int) -> float:
    """Prints the cold table; returns the largest median wall time a name's lookup adds (ms)."""
    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-pycache-") as pycache:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
        return cold_runs(repeat, env)


def cold_runs(repeat: int, env: dict[str, str]) -> float:
    commands = {
        "import pathfinder": [sys.executable, "-c", "import pathfinder"],
        "import pathfinder.gazetteer": [sys.executable, "-c", "import pathfinder.gazetteer"],
    }
    for query in (*NAMES, *POSTAL_CODES):
        code = f"from pathfinder.gazetteer import resolve; resolve({query!r})"
        commands[f"resolve({query!r})"] = [sys.executable, "-c", code]
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for command in commands.values():  # compile and cache the bytecode, warm the file cache
        measure(command, env)
    for _ in range(repeat):
        for label, command in commands.items():
            runs[label].append(measure(command, env))
    medians = {
        label: (
            statistics.median(v[0] for v in values) * 1000,
            statistics.median(v[1] for v in values) * 1000,
        )
        for label, values in runs.items()
    }
    floor_wall, floor_cpu = medians["import pathfinder"]
    print(f"cold, fresh processes, median of {repeat}")
    print(f"{'command':<34} {'wall ms':>8} {'cpu ms':>8} {'+wall ms':>9} {'+cpu ms':>8}")
    for label, (wall, cpu) in medians.items():
        print(f"{label:<34} {wall:8.1f} {cpu:8.1f} {wall - floor_wall:9.1f} {cpu - floor_cpu:8.1f}")
    return max(medians[f"resolve({name!r})"][0] - floor_wall for name in NAMES)


def warm(repeat: int) -> None:
    from pathfinder import gazetteer
    from pathfinder.errors import PlaceError

    start = time.perf_counter()
    gazetteer.default()
    opened = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    len(gazetteer.default())  # decompresses every block
    decompressed = (time.perf_counter() - start) * 1000

    def failing(query: str) -> Callable[[], object]:
        def run() -> None:
            try:
                gazetteer.resolve(query)
            except PlaceError:
                pass

        return run

    per_name = [
        median_ms(lambda name=name: gazetteer.resolve(name), repeat)
        for name in (*NAMES, "Ajaccio", "Paris")
    ]
    cases: dict[str, Callable[[], float]] = {
        "resolve a name (median over names)": lambda: statistics.median(per_name),
        "resolve a postal code (78200, 12 communes)": lambda: median_ms(
            lambda: gazetteer.resolve("78200"), repeat
        ),
        "resolve an ambiguous name (Saint-Denis)": lambda: median_ms(
            failing("Saint-Denis"), repeat
        ),
        "resolve an unknown name (Mantes-la-Joly)": lambda: median_ms(
            failing("Mantes-la-Joly"), repeat
        ),
        "complete('mant')": lambda: median_ms(lambda: gazetteer.complete("mant"), repeat),
        "suggestions('saint deniss')": lambda: median_ms(
            lambda: gazetteer.suggestions("saint deniss"), repeat
        ),
    }
    print(
        f"\nwarm, in-process, median of {repeat} calls (opening the data file: {opened:.1f} ms;"
        f" then decompressing all of it: {decompressed:.1f} ms)"
    )
    print(f"{'call':<44} {'ms':>8}")
    for label, value in cases.items():
        print(f"{label:<44} {value():8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--repeat", type=int, default=20, help="runs of each (default 20)")
    args = parser.parse_args()
    added = cold(args.repeat)
    warm(max(args.repeat, 50))
    verdict = "met" if added < TARGET_MS else "MISSED"
    print(
        f"\nslowest cold name lookup adds {added:.1f} ms to `import pathfinder`"
        f" (target < {TARGET_MS:.0f} ms: {verdict})"
    )
    return 0 if added < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
