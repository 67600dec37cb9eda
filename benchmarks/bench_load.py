"""Catalog loading speed: Pathfinder's checked load next to PyYAML's C loader and json.loads.

    python benchmarks/bench_load.py                  # generates the large catalog if needed
    python benchmarks/bench_load.py --catalog FILE   # any catalog file or directory
    python benchmarks/bench_load.py --repeat 5

Prints medians (seconds). "cold" loads check everything afresh (no cache); "warm" loads hit the
validated cache in a private temporary cache directory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from large_catalog import DEFAULT_OUT, ensure_large


def median_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def yaml_files(path: Path) -> list[Path]:
    return (
        sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml"))
        if path.is_dir()
        else [path]
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--catalog", type=Path, help="catalog file or directory (default: generated large catalog)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import yaml

    from pathfinder.loader import bundled_catalog_path, load_catalog

    os.environ["PATHFINDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="pathfinder-bench-cache-")
    target = args.catalog or ensure_large(DEFAULT_OUT)
    files = yaml_files(target)
    size = sum(f.stat().st_size for f in files)
    texts = [f.read_text(encoding="utf-8") for f in files]
    as_json = [json.dumps(yaml.load(t, Loader=yaml.CSafeLoader)) for t in texts]

    results = {
        "yaml.load(CSafeLoader)": median_time(
            lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts], args.repeat
        ),
        "json.loads (same content)": median_time(
            lambda: [json.loads(j) for j in as_json], args.repeat
        ),
        "pathfinder load, cold (--no-cache)": median_time(
            lambda: load_catalog(target, use_cache=False), args.repeat
        ),
    }
    catalog = load_catalog(target)  # fills the cache
    results["pathfinder load, warm (cache)"] = median_time(
        lambda: load_catalog(target), max(args.repeat, 5)
    )
    bundled = bundled_catalog_path()
    results["bundled catalog, cold"] = median_time(
        lambda: load_catalog(bundled, use_cache=False), 5
    )
    load_catalog(bundled)
    results["bundled catalog, warm"] = median_time(lambda: load_catalog(bundled), 5)

    print(
        f"catalog: {target} ({len(files)} file(s), {size / 2**20:.1f} MB; "
        f"{len(catalog.skills)} skills, {len(catalog.jobs)} jobs, {len(catalog.courses)} courses)"
    )
    print(f"median of {args.repeat} run(s), seconds")
    for name, seconds in results.items():
        print(f"  {name:<38} {seconds:8.3f}")


if __name__ == "__main__":
    main()
