"""``pathfinder catalog …`` driven through the real console script."""

from __future__ import annotations

import json
from pathlib import Path

from support.catalogs import MINI_CATALOG
from support.cli import run_cli


def test_version_and_help() -> None:
    from pathfinder import __version__

    result = run_cli("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"pathfinder {__version__}")
    result = run_cli("--help")
    assert result.returncode == 0 and "catalog" in result.stdout
    for command in ("stats", "show", "search", "schema"):
        assert run_cli("catalog", command, "--help").returncode == 0


def test_stats_json(mini_catalog: Path) -> None:
    result = run_cli("catalog", "stats", "--catalog", str(mini_catalog), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"] == {
        "sectors": 2,
        "providers": 1,
        "sites": 2,
        "skills": 3,
        "jobs": 2,
        "courses": 2,
    }
    assert data["languages"] == ["en", "fr"]
    assert len(data["sha256"]) == 64
    assert data["jobs_by_outlook"] == {"declining": 1, "stable": 0, "growing": 1}


def test_stats_text_in_french(mini_catalog: Path) -> None:
    result = run_cli("catalog", "stats", "--catalog", str(mini_catalog), "--lang", "fr")
    assert result.returncode == 0
    assert "formations" in result.stdout and "Véhicule électrique" in result.stdout
    assert "\x1b[" not in result.stdout  # NO_COLOR


def test_show_a_skill_with_what_grants_and_requires_it(mini_catalog: Path) -> None:
    result = run_cli(
        "catalog", "show", "hv-safety-b2l", "--catalog", str(mini_catalog), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "skill"
    assert data["related"]["granted_by"] == [{"id": "hv-b2l", "name": "HV B2L", "level": 1}]
    assert data["related"]["required_by_jobs"] == [
        {"id": "ev-technician", "name": "EV technician", "level": 1}
    ]
    text = run_cli(
        "catalog", "show", "hv-b2l", "--catalog", str(mini_catalog), "--lang", "fr"
    ).stdout
    assert "Habilitation B2L" in text and "ev-technician" in text


def test_show_unknown_id_suggests_and_exits_2(mini_catalog: Path) -> None:
    result = run_cli("catalog", "show", "hv-safety-b2", "--catalog", str(mini_catalog))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "pathfinder: error: unknown entry 'hv-safety-b2'; did you mean hv-safety-b2l?"
    )
    assert "Traceback" not in result.stderr


def test_search_ignores_case_and_accents(mini_catalog: Path) -> None:
    result = run_cli(
        "catalog", "search", "electricite", "--catalog", str(mini_catalog), "--format", "json"
    )
    ids = [hit["id"] for hit in json.loads(result.stdout)]
    assert ids == ["electrical-basics", "electrical-upgrade"]
    result = run_cli("catalog", "search", "OPÉRATEUR", "--catalog", str(mini_catalog))
    assert result.returncode == 0 and "assembly-operator" in result.stdout
    assert run_cli("catalog", "search", "zzz", "--catalog", str(mini_catalog)).returncode == 1


def test_schema_is_json(mini_catalog: Path) -> None:
    result = run_cli("catalog", "schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"].startswith("Pathfinder catalog")


def test_broken_catalog_lists_every_error_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        MINI_CATALOG.replace("hours: 21", "hours: x").replace("sector: ev\n", "sector: evs\n")
    )
    result = run_cli("catalog", "stats", "--catalog", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"{path}:26:13: error PF107 unknown sector 'evs'; did you mean ev?"
    assert lines[1].startswith(f"{path}:43:12: error PF103 hours:")
    assert lines[2] == "pathfinder: error: the catalog has 2 error(s), listed above."


def test_missing_catalog_path_exits_2(tmp_path: Path) -> None:
    result = run_cli("catalog", "stats", "--catalog", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "no catalog at" in result.stderr and "Traceback" not in result.stderr


def test_environment_variable_chooses_the_catalog(mini_catalog: Path) -> None:
    result = run_cli(
        "catalog", "stats", "--format", "json", env={"PATHFINDER_CATALOG": str(mini_catalog)}
    )
    assert json.loads(result.stdout)["name"] == "Mini"


def test_bad_flag_value_exits_2(mini_catalog: Path) -> None:
    result = run_cli("catalog", "stats", "--catalog", str(mini_catalog), "--format", "xml")
    assert result.returncode == 2
