"""Shared fixtures: a private cache directory, small catalogs, and the real console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never read or write the user's cache, nor follow their PATHFINDER_CATALOG."""
    monkeypatch.setenv("PATHFINDER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv(
        "XDG_STATE_HOME", str(tmp_path_factory.mktemp("state"))
    )  # the cache's HMAC key
    monkeypatch.delenv("PATHFINDER_CACHE_KEY_FILE", raising=False)
    monkeypatch.delenv("PATHFINDER_CACHE_MAX_MB", raising=False)
    monkeypatch.delenv("PATHFINDER_CATALOG", raising=False)


MINI_CATALOG = """\
catalog:
  name: Mini
  version: "1.0"
  languages: [en, fr]
sectors:
  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}
  - {id: ice, name: {en: Combustion engines, fr: Moteurs thermiques}}
providers:
  - {id: campus, name: {en: Campus, fr: Campus}, url: https://campus.example.org}
sites:
  - {id: flins, name: {en: Flins, fr: Flins}, region: Île-de-France, lat: 48.965, lon: 1.873}
  - {id: cleon, name: {en: Cléon, fr: Cléon}, region: Normandie, lat: 49.313, lon: 1.035}
skills:
  - {id: electrical-basics, name: {en: Electrical basics, fr: Bases de l'électricité}, category: electrical, max_level: 2}
  - {id: hv-safety-b2l, name: {en: HV safety B2L, fr: Habilitation B2L}, category: electrical-safety, max_level: 1}
  - {id: torque-tooling, name: {en: Torque tooling, fr: Outillage de serrage}, category: assembly}
jobs:
  - id: assembly-operator
    name: {en: Assembly operator, fr: Opérateur de montage}
    sector: ice
    outlook: declining
    rome: H2909
    requires: {torque-tooling: 2}
  - id: ev-technician
    name: {en: EV technician, fr: Technicien VE}
    sector: ev
    outlook: growing
    requires: {hv-safety-b2l: 1, torque-tooling: 1}
    openings: {flins: 12}
courses:
  - id: electrical-upgrade
    name: {en: Electrical upgrade, fr: Remise à niveau en électricité}
    provider: campus
    hours: 35
    weeks: 1
    cost_eur: 600
    format: online
    grants: {electrical-basics: 1}
    funding: [cpf]
  - id: hv-b2l
    name: {en: HV B2L, fr: Habilitation B2L}
    provider: campus
    hours: 21
    weeks: 0.6
    cost_eur: 950
    format: onsite
    sites: [flins, cleon]
    requires: {electrical-basics: 1}
    grants: {hv-safety-b2l: 1}
    certification: NF C18-550 B2L
"""


COMPLETE_PROFILE = {
    "lang": "en",
    "jobs": ["ice-assembly-operator"],
    "skills": {},
    "home": "douai",
    "mobility_km": 60,
    "online": True,
    "max_hours": None,
    "max_weeks": None,
    "budget_eur": None,
    "funding": ["cpf"],
    "targets": ["battery-pack-assembler"],
}
"""A profile that answers every question of an advising session, on the bundled catalog."""


@pytest.fixture
def mini_catalog(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CATALOG, encoding="utf-8")
    return path


def pathfinder_command() -> list[str]:
    """The installed console script (falls back to ``python -m pathfinder``)."""
    script = shutil.which("pathfinder", path=os.path.dirname(sys.executable)) or shutil.which(
        "pathfinder"
    )
    return [script] if script else [sys.executable, "-m", "pathfinder"]


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the real ``pathfinder`` command with no terminal and no standard input."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    full_env.update({"NO_COLOR": "1", "COLUMNS": "80", **(env or {})})
    return subprocess.run(
        [*pathfinder_command(), *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
