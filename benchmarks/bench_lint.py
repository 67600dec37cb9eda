"""Lint speed: ``pathfinder lint --no-cache`` next to ``yamllint -d relaxed`` on the same file.

    pip install -e '.[bench]'                        # yamllint: a benchmark-only dependency
    python benchmarks/bench_lint.py                  # generates the large catalog if needed
    python benchmarks/bench_lint.py --catalog FILE   # any catalog file
    python benchmarks/bench_lint.py --repeat 5 --yamllint-repeat 1

Both tools run as commands, the way people run them, from a fresh process each time (interpreter
start-up included), output discarded. The Pathfinder lint is cold: ``--no-cache`` and an empty
private cache directory, so every file is read, parsed and checked afresh, the whole-catalog checks
included. The file is read once beforehand so that both find it in the OS page cache. Prints the
medians (seconds) and the ratio; exits 1 if Pathfinder is not at least ``--min-ratio`` times faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from large_catalog import DEFAULT_OUT, ensure_large


def pathfinder_command() -> list[str]:
    script = shutil.which("pathfinder", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "pathfinder"]


def timed(command: list[str], env: dict[str, str], repeat: int, ok: tuple[int, ...]) -> float:
    """Median wall time of ``command`` over ``repeat`` runs; its exit status must be in ``ok``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        times.append(time.perf_counter() - start)
        if result.returncode not in ok:
            sys.exit(
                f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}"
            )
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--catalog", type=Path, help="catalog file (default: the generated large catalog)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of pathfinder lint (median)")
    parser.add_argument(
        "--yamllint-repeat",
        type=int,
        default=1,
        help="runs of yamllint (median); each takes about a minute",
    )
    parser.add_argument("--min-ratio", type=float, default=5.0)
    args = parser.parse_args()

    target = args.catalog or ensure_large(DEFAULT_OUT)
    size = target.stat().st_size
    target.read_bytes()  # into the page cache, for both tools alike
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PATHFINDER_CACHE_DIR": tempfile.mkdtemp(prefix="pathfinder-bench-lint-"),
    }
    lint_cmd = [*pathfinder_command(), "lint", "--no-cache", str(target)]
    yamllint_cmd = [sys.executable, "-m", "yamllint", "-d", "relaxed", str(target)]

    ours = timed(lint_cmd, env, args.repeat, ok=(0, 1))
    theirs = timed(yamllint_cmd, env, args.yamllint_repeat, ok=(0, 1, 2))
    ratio = theirs / ours
    print(f"catalog: {target} ({size / 2**20:.1f} MB)")
    print(f"  {'pathfinder lint --no-cache (cold)':<36} {ours:8.2f} s   (median of {args.repeat})")
    print(f"  {'yamllint -d relaxed':<36} {theirs:8.2f} s   (median of {args.yamllint_repeat})")
    print(f"  pathfinder lint is {ratio:.1f}x faster (required: {args.min_ratio:g}x)")
    if ratio < args.min_ratio:
        sys.exit(1)


if __name__ == "__main__":
    main()
