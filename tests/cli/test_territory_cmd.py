"""``pathfinder territory`` driven end to end: text, JSON (the documented shape), Markdown,
exports, the bundled basins, bad input (exit 2) and nobody placed (exit 1)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from support.basins import BASIN, write_catalog
from support.cli import run_cli, run_console_script

SHAPE = {
    "basin": str,
    "optimize": str,
    "catalog": dict,
    "capacity": str,
    "proven": bool,
    "people": int,
    "openings": int,
    "placed": int,
    "total": dict,
    "flows": list,
    "stranded": list,
    "unfilled": list,
    "seats": list,
}
FLOW = {
    "group",
    "job",
    "site",
    "count",
    "courses",
    "hours",
    "weeks",
    "cost_eur",
    "pays_eur",
    "references",
}


def basin_inputs(tmp_path: Path, seats: int = 1) -> tuple[Path, Path]:
    catalog = write_catalog(tmp_path, seats)
    basin = tmp_path / "basin.yaml"
    basin.write_text(BASIN, encoding="utf-8")
    return catalog, basin


def check_shape(document: dict) -> None:  # type: ignore[type-arg]
    for key, kind in SHAPE.items():
        assert isinstance(document[key], kind), key
    assert set(document["catalog"]) >= {"name", "version", "sha256"}
    assert set(document["total"]) >= {"hours", "weeks", "cost_eur", "pays_eur", "courses"}
    for flow in document["flows"]:
        assert set(flow) >= FLOW
        assert all(set(c) >= {"id", "site"} for c in flow["courses"])
    assert all(set(s) >= {"group", "count", "reason", "relaxation"} for s in document["stranded"])
    assert all(set(u) >= {"job", "site", "count", "reason"} for u in document["unfilled"])
    assert all(
        set(s) >= {"course", "site", "needed", "available", "to_add"} for s in document["seats"]
    )


def test_json_from_the_real_console_script(tmp_path: Path) -> None:
    catalog, basin = basin_inputs(tmp_path)
    done = run_console_script(
        "territory", str(basin), "--catalog", str(catalog), "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    check_shape(document)
    assert (document["people"], document["placed"], document["capacity"]) == (4, 2, "respected")
    assert document["seats"] == [
        {"course": "c1", "site": "a", "needed": 2, "available": 1, "to_add": 1, "used": 1}
    ]
    assert sum(f["count"] for f in document["flows"]) == document["placed"]


def test_text_in_english_and_french(tmp_path: Path) -> None:
    catalog, basin = basin_inputs(tmp_path)
    english = run_cli("territory", str(basin), "--catalog", str(catalog))
    assert english.returncode == 0, english.stderr
    assert "Basin plan: Test basin" in english.stdout
    assert "g1 → new at a: 1 people, 10 h each" in english.stdout
    assert "Seats to open: 1" in english.stdout
    assert "the training seats on their paths are taken" in english.stdout
    french = run_cli("territory", str(basin), "--catalog", str(catalog), "--lang", "fr")
    assert "Plan du bassin : Test basin" in french.stdout
    assert "Places à ouvrir : 1" in french.stdout
    assert "personne à portée ne peut se qualifier" in french.stdout


def test_no_capacity_and_markdown(tmp_path: Path) -> None:
    catalog, basin = basin_inputs(tmp_path)
    done = run_cli(
        "territory", str(basin), "--catalog", str(catalog), "--no-capacity", "--format", "md"
    )
    assert done.returncode == 0
    assert done.stdout.startswith("# Basin plan: Test basin")
    assert "Training seats ignored (--no-capacity)." in done.stdout
    assert "| g1 | new | a | 2 |" in done.stdout


def test_exports_are_private_and_complete(tmp_path: Path) -> None:
    catalog, basin = basin_inputs(tmp_path)
    for suffix in ("json", "md", "html"):
        out = tmp_path / f"report.{suffix}"
        done = run_cli("territory", str(basin), "--catalog", str(catalog), "--export", str(out))
        assert done.returncode == 0, done.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert "Test basin" in out.read_text(encoding="utf-8")
    check_shape(json.loads((tmp_path / "report.json").read_text(encoding="utf-8")))
    bad = run_cli(
        "territory", str(basin), "--catalog", str(catalog), "--export", str(tmp_path / "r.pdf")
    )
    assert bad.returncode == 2 and ".html, .md, .json" in bad.stderr


def test_bad_basin_is_exit_2_with_every_problem(tmp_path: Path) -> None:
    catalog, _ = basin_inputs(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "workforce:\n  - {id: a, count: -1}\n  - {id: b, count: 1, jobs: [od]}\n", encoding="utf-8"
    )
    done = run_cli("territory", str(bad), "--catalog", str(catalog))
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:2:20: error PB103")
    assert lines[1].startswith(f"{bad}:3:29: error PB107") and "did you mean old" in lines[1]
    assert lines[2] == "pathfinder: error: the basin has 2 error(s), listed above."
    assert "Traceback" not in done.stderr


def test_nobody_placed_is_exit_1(tmp_path: Path) -> None:
    catalog, _ = basin_inputs(tmp_path)
    lonely = tmp_path / "lonely.yaml"
    lonely.write_text(
        "workforce:\n  - {id: far, count: 1, home: far, mobility_km: 5, exclude_courses: [c2]}\n"
        "openings:\n  - {job: new, site: a, count: 1}\n",
        encoding="utf-8",
    )
    done = run_cli("territory", str(lonely), "--catalog", str(catalog))
    assert done.returncode == 1
    assert "No one can be placed." in done.stdout


def test_missing_basin_and_unknown_objective(tmp_path: Path) -> None:
    assert run_cli("territory").returncode == 2
    catalog, basin = basin_inputs(tmp_path)
    done = run_cli("territory", str(basin), "--catalog", str(catalog), "--optimize", "finish")
    assert done.returncode == 2


def test_the_bundled_basins_run_and_are_listed() -> None:
    listed = run_cli("territory", "--list")
    assert listed.returncode == 0
    assert "douaisis" in listed.stdout
    done = run_cli("territory", "douaisis", "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    check_shape(document)
    assert document["placed"] > 0 and document["proven"]
