"""The time limit on a deep catalog: a prerequisite chain of N courses.

    python benchmarks/bench_deep.py                    # N = 5000, in-process and console script
    python benchmarks/bench_deep.py --courses 2000 --time-limit 2 --no-cli

Course ``i`` requires skill ``i - 1`` and grants skill ``i``; the one job requires skill ``N``,
so the only path takes all N courses in order. Course ids are numbered so that id order is the
reverse of the chain (``c05000`` is the first course to take): the order the planner scans courses
in is then the worst one for a forward pass. ``--ids chain`` numbers them in chain order,
``--ids plain`` without zero padding (a scrambled order).

Prints, for ``plan`` (3 alternatives, default objective) and ``explore``, the wall time of the
search alone (the catalog is loaded first, in-process) and of the console script with
``--time-limit`` (all: start-up, load, search and JSON output; the first run loads cold, the
second from the cache), with the result's status and whether it is proven.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = """\
catalog: {name: Deep chain, version: "1", languages: [en, fr]}
sectors: [{id: ev, name: {en: EV, fr: VE}}]
providers: [{id: campus, name: {en: Campus, fr: Campus}}]
"""


def course_id(i: int, n: int, ids: str) -> str:
    if ids == "chain":
        return f"c{i:05d}"
    if ids == "plain":
        return f"c{i}"
    return f"c{n + 1 - i:05d}"  # reverse: id order is the opposite of the chain


def chain_yaml(n: int, ids: str = "reverse") -> str:
    """The catalog as YAML text: skills s1..sN, courses granting them in a chain, one job."""
    lines = [HEADER, "skills:\n"]
    lines += [
        f"  - {{id: s{i}, name: {{en: S{i}, fr: S{i}}}, category: chain}}\n"
        for i in range(1, n + 1)
    ]
    lines.append(
        f"jobs:\n  - {{id: target, name: {{en: Target, fr: Cible}}, sector: ev, outlook: growing,"
        f" requires: {{s{n}: 1}}}}\ncourses:\n"
    )
    for i in range(1, n + 1):
        requires = f", requires: {{s{i - 1}: 1}}" if i > 1 else ""
        cid = course_id(i, n, ids)
        lines.append(
            f"  - {{id: {cid}, name: {{en: {cid}, fr: {cid}}}, provider: campus, hours: 1, weeks: 1,"
            f" cost_eur: 0, format: online{requires}, grants: {{s{i}: 1}}}}\n"
        )
    return "".join(lines)


def timed(label: str, call: object) -> object:
    start = time.perf_counter()
    result = call()  # type: ignore[operator]
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--courses", type=int, default=5000)
    parser.add_argument("--ids", choices=("reverse", "chain", "plain"), default="reverse")
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--no-cli", action="store_true", help="skip the console-script runs")
    parser.add_argument(
        "--no-unlimited", action="store_true", help="skip the runs without a time limit"
    )
    args = parser.parse_args()

    from pathfinder.errors import TimeLimitError
    from pathfinder.explore import explore
    from pathfinder.loader import loads_catalog
    from pathfinder.planner import plan
    from pathfinder.profile import Profile

    text = chain_yaml(args.courses, args.ids)
    catalog = loads_catalog(text)
    print(f"chain of {args.courses} courses, ids {args.ids}, time limit {args.time_limit:g} s")
    for limit in (args.time_limit,) if args.no_unlimited else (args.time_limit, None):
        name = "none" if limit is None else f"{limit:g} s"
        try:
            result = timed(
                f"plan, time_limit={name}",
                lambda limit=limit: plan(catalog, Profile(), "target", time_limit=limit),
            )
            steps = len(result.paths[0].steps) if result.paths else 0  # type: ignore[attr-defined]
            print(f"    status {result.status}, proven {result.proven}, {steps} courses")  # type: ignore[attr-defined]
        except TimeLimitError:
            print("    no path found within the time limit")
        found = timed(
            f"explore, time_limit={name}",
            lambda limit=limit: explore(catalog, Profile(), time_limit=limit),
        )
        print(f"    ranked {len(found.results)}, unexplored {len(found.unexplored)}")  # type: ignore[attr-defined]
    if args.no_cli:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deep.yaml"
        path.write_text(text, encoding="utf-8")
        env = {**os.environ, "PATHFINDER_CACHE_DIR": tmp}
        command = [sys.executable, "-m", "pathfinder"]
        for sub in (["plan", "--to", "target"], ["explore"]):
            argv = [
                *command,
                *sub,
                "--catalog",
                str(path),
                "--time-limit",
                f"{args.time_limit:g}",
                "--format",
                "json",
            ]
            done = timed(
                f"pathfinder {sub[0]} --time-limit {args.time_limit:g} (all)",
                lambda argv=argv: subprocess.run(argv, capture_output=True, env=env),
            )
            print(f"    exit {done.returncode}")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
