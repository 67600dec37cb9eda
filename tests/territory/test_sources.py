"""Reading a basin: a basin file, a CSV of people, a folder of profiles; every problem at its
file, line and column, with "did you mean"."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.errors import BasinError, PathfinderError
from pathfinder.model import Catalog
from pathfinder.territory import plan_territory
from pathfinder.territory.sources import bundled_basins, load_basin


def problems(source: Path, catalog: Catalog, lang: str = "en") -> list[str]:
    with pytest.raises(BasinError) as caught:
        load_basin(source, catalog)
    return [d.render(lang) for d in caught.value.diagnostics]


def test_a_basin_file(basin_catalog: Catalog, basin_file: Path) -> None:
    basin = load_basin(basin_file, basin_catalog)
    assert basin.title == "Test basin"
    assert [(g.id, g.count) for g in basin.groups] == [("g1", 2), ("g2", 2)]
    assert basin.openings is None and basin.horizon is not None
    assert basin.groups[0].profile.funding == ("opco",)


def test_every_problem_of_a_basin_file_is_listed(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "basin: Bad\n"
        "optimise: hours\n"
        "workforce:\n"
        "  - {id: a, count: 1000000000, jobs: [od]}\n"
        "  - {id: a, count: 2}\n"
        "  - {id: c, count: 2, mobility_km: 30}\n"
        "  - {id: d, count: 1, mobility_km: -5, home: a}\n"
        "openings:\n"
        "  - {job: new, site: aa, count: 1}\n",
        encoding="utf-8",
    )
    assert problems(path, basin_catalog) == [
        f"{path}:2:1: error PB101 unknown key 'optimise'; did you mean optimize?",
        f"{path}:4:20: error PB103 count: expected a whole number from 1 to 1000000, got 1000000000",
        f"{path}:4:38: error PB107 jobs: unknown job 'od'; did you mean old?",
        f"{path}:5:10: error PB106 group id 'a' is used twice (first on line 4)",
        f"{path}:6:36: error PB110 mobility_km needs a home to measure from: add home, or remove mobility_km",
        f"{path}:7:36: error PB103 mobility_km: expected a number from 0 to 20000 (or nothing), got -5.",
        f"{path}:9:22: error PB107 unknown site 'aa'; did you mean a?",
    ]


def test_problems_in_french(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("workforce:\n  - {id: a, count: 0}\n", encoding="utf-8")
    (line,) = problems(path, basin_catalog, "fr")
    assert (
        line
        == f"{path}:2:20: erreur PB103 count : un nombre entier de 1 à 1000000 est attendu, pas 0"
    )


def test_a_file_too_large_is_refused_unread(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    (line,) = problems(path, basin_catalog)
    assert "PB103" in line and "50.0 MB" in line


def test_a_csv_of_people_groups_identical_profiles(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "reference,jobs,home,mobility_km,funding,skills,online\n"
        "P1,old,a,10,opco,,\n"
        "P2,old,a,10,opco,,\n"
        'P3,old,"48.0,2.5",10,,s2=1,false\n',
        encoding="utf-8",
    )
    basin = load_basin(path, basin_catalog)
    assert [(g.id, g.count, g.references) for g in basin.groups] == [
        ("P1", 2, ("P1", "P2")),
        ("P3", 1, ("P3",)),
    ]
    assert basin.groups[1].profile.home == (48.0, 2.5)
    assert basin.groups[1].profile.online is False
    result = plan_territory(basin_catalog, basin)
    references = {ref for flow in result.flows for ref in flow.references}
    assert references <= {"P1", "P2", "P3"} and {"P1", "P2"} <= references


def test_csv_problems_are_placed_at_row_and_column(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("reference,jobs,mobility_km,skils\nP1,old,x\n", encoding="utf-8")
    assert problems(path, basin_catalog) == [
        f"{path}:1:4: error PB101 unknown key 'skils'; did you mean skills?"
    ]
    path.write_text("reference,jobs,mobility_km\nP1,old,x\nP1,old,5\nP3,olf,\n", encoding="utf-8")
    found = problems(path, basin_catalog)
    assert [line.split(" error ")[0] for line in found] == [
        f"{path}:2:3:",
        f"{path}:3:1:",
        f"{path}:4:2:",
    ]
    assert "did you mean old" in found[2]


def test_a_folder_of_profiles(basin_catalog: Catalog, tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    for name in ("anna", "bilal"):
        (folder / f"{name}.yaml").write_text(
            "jobs: [old]\nhome: a\nmobility_km: 10\nlang: fr\n", encoding="utf-8"
        )
    (folder / "chloe.yaml").write_text("jobs: [old]\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a profile", encoding="utf-8")
    basin = load_basin(folder, basin_catalog)
    assert [(g.id, g.references) for g in basin.groups] == [
        ("anna", ("anna", "bilal")),
        ("chloe", ("chloe",)),
    ]
    (folder / "dan.yaml").write_text("jobs: [od]\n", encoding="utf-8")
    (line,) = problems(folder, basin_catalog)
    assert line.startswith(f"{folder / 'dan.yaml'}:1:7: error PB107")


def test_an_unknown_name_suggests_a_bundled_basin(basin_catalog: Catalog) -> None:
    with pytest.raises(PathfinderError) as caught:
        load_basin("douaisi", basin_catalog)
    assert "douaisis" in str(caught.value)


def test_the_bundled_basins_are_listed() -> None:
    assert set(bundled_basins()) >= {"douaisis", "seine-aval"}


def test_problems_are_listed_in_file_order(basin_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "order.yaml"
    path.write_text(
        "openings:\n  - {job: nwe, site: a, count: 1}\nworkforce:\n  - {id: g, count: 0}\n",
        encoding="utf-8",
    )
    assert [line.split(": error")[0] for line in problems(path, basin_catalog)] == [
        f"{path}:2:11",
        f"{path}:4:20",
    ]


def test_csv_problems_name_the_file_line_after_a_cell_with_newlines(
    basin_catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text('reference,jobs\n"P\n1",old\nP2,olf\n', encoding="utf-8")
    (line,) = problems(path, basin_catalog)
    assert line.startswith(f"{path}:4:2: error PB107")  # row 3 starts on line 4
