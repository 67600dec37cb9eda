"""The large generated catalog the benchmarks share: 10,000 skills, 3,000 jobs, 20,000 courses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out" / "large.yaml"
LARGE = ["--skills", "10000", "--jobs", "3000", "--courses", "20000"]


def ensure_large(path: Path = DEFAULT_OUT) -> Path:
    """``path``, generated (seeded, so always the same catalog) when it does not exist yet."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate_catalog.py"), str(path), *LARGE], check=True
        )
    return path
