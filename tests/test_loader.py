"""The loader: every rule on small hand-made catalogs, with exact codes and positions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.catalogs import MINI_CATALOG

from pathfinder.errors import CatalogError, PathfinderError
from pathfinder.loader import check_catalog, load_catalog, loads_catalog
from pathfinder.model import Catalog


def found(text: str, tmp_path: Path) -> list[tuple[str, int, int]]:
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_catalog(path, use_cache=False)
    return [(d.code, d.line, d.column) for d in result.diagnostics]


def replace(old: str, new: str) -> str:
    assert old in MINI_CATALOG, old
    return MINI_CATALOG.replace(old, new, 1)


def test_mini_catalog_loads_clean(tmp_path: Path) -> None:
    assert found(MINI_CATALOG, tmp_path) == []
    catalog = loads_catalog(MINI_CATALOG)
    assert isinstance(catalog, Catalog)
    assert list(catalog.courses) == ["electrical-upgrade", "hv-b2l"]
    course = catalog.courses["hv-b2l"]
    assert (course.hours, course.weeks, course.cost_eur, course.sites) == (
        21,
        0.6,
        950,
        ("flins", "cleon"),
    )
    assert dict(course.requires) == {"electrical-basics": 1}
    assert catalog.skills["torque-tooling"].max_level == 3  # the default
    assert catalog.name(catalog.jobs["ev-technician"], "fr") == "Technicien VE"
    assert catalog.courses_granting["hv-safety-b2l"] == (course,)
    assert course.location is not None and course.location.line == 40


def test_model_is_immutable() -> None:
    catalog = loads_catalog(MINI_CATALOG)
    with pytest.raises(TypeError):
        catalog.courses["x"] = catalog.courses["hv-b2l"]  # type: ignore[index]
    with pytest.raises(TypeError):
        catalog.courses["hv-b2l"].grants["x"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        catalog.courses["hv-b2l"].hours = 3  # type: ignore[misc]


# (what to replace, replacement, expected (code, line, column))
RULE_CASES = [
    ('  version: "1.0"\n', '  version: "1.0"\n  owner: me\n', ("PF101", 4, 3)),
    ("courses:\n", "course:\n", ("PF101", 30, 1)),
    ("    rome: H2909\n", "    rome: H2909\n    colour: red\n", ("PF101", 23, 5)),
    ("    provider: campus\n    hours: 35\n", "    hours: 35\n", ("PF102", 31, 5)),
    ("    hours: 21\n", "    hours: twenty\n", ("PF103", 43, 12)),
    ("    weeks: 1\n", '    weeks: "1"\n', ("PF103", 35, 12)),
    ("    cost_eur: 950\n", "    cost_eur: -1\n", ("PF104", 45, 15)),
    ("    hours: 21\n", "    hours: 0\n", ("PF104", 43, 12)),
    (
        "  - {id: flins, name: {en: Flins, fr: Flins}, region: Île-de-France, lat: 48.965",
        "  - {id: flins, name: {en: Flins, fr: Flins}, region: Île-de-France, lat: 98.965",
        ("PF104", 11, 75),
    ),
    ("  - id: ev-technician\n", "  - id: EV_technician\n", ("PF105", 24, 9)),
    ("  - {id: ice, name:", "  - {id: ev, name:", ("PF106", 7, 10)),
    ("    sector: ev\n", "    sector: evs\n", ("PF107", 26, 13)),
    (
        "    requires: {hv-safety-b2l: 1, torque-tooling: 1}\n",
        "    requires: {hv-safety-b2l: 1, torque-tooling: 4}\n",
        ("PF108", 28, 50),
    ),
    ("    outlook: growing\n", "    outlook: booming\n", ("PF111", 27, 14)),
    ("    rome: H2909\n", "    rome: Z2909\n", ("PF112", 22, 11)),
    ("    sites: [flins, cleon]\n", "", ("PF113", 46, 13)),
    (
        "  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}",
        "  - {id: ev, name: {en: Electric vehicles}}",
        ("PF110", 6, 20),
    ),
    (
        "  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}",
        "  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique, de: Elektro}}",
        ("PF114", 6, 69),
    ),
    ("    format: online\n", "    format: on\n", ("PF301", 37, 13)),
    ("    grants: {electrical-basics: 1}\n", "    grants: {}\n", ("PF104", 38, 13)),
    (
        "    requires: {electrical-basics: 1}\n",
        "    requires: {electrical-basics: 0}\n",
        ("PF104", 48, 35),
    ),
    ("  languages: [en, fr]\n", "  languages: [en, FR]\n", ("PF104", 4, 19)),
    ("    hours: 21\n", "    hours: 21\n    hours: 22\n", ("PF002", 44, 5)),
]


@pytest.mark.parametrize(
    "old,new,expected", RULE_CASES, ids=[f"{c[2][0]}-{i}" for i, c in enumerate(RULE_CASES)]
)
def test_each_rule_has_its_code_and_position(
    old: str, new: str, expected: tuple[str, int, int], tmp_path: Path
) -> None:
    assert expected in found(replace(old, new), tmp_path)


def test_unknown_reference_suggests_the_closest_id(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(replace("    sector: ev\n", "    sector: evs\n"))
    result = check_catalog(path, use_cache=False)
    (problem,) = result.errors
    assert problem.message == "unknown sector 'evs'; did you mean ev?"
    assert problem.render() == f"{path}:26:13: error PF107 unknown sector 'evs'; did you mean ev?"
    assert (
        problem.render("fr")
        == f"{path}:26:13: erreur PF107 secteur inconnu(e) : « evs » ; vouliez-vous dire ev ?"
    )


def test_yaml11_boolean_where_text_is_expected_is_not_false(tmp_path: Path) -> None:
    text = replace("  name: Mini\n", "  name: no\n")
    catalog = loads_catalog(text)
    assert catalog.info.name == "no"


def test_all_problems_are_reported_in_one_pass(tmp_path: Path) -> None:
    text = (
        replace("    hours: 21\n", "    hours: x\n")
        .replace("sector: ev\n", "sector: evs\n")
        .replace("rome: H2909", "rome: 2909")
    )
    assert [c for c, _, _ in found(text, tmp_path)] == ["PF112", "PF107", "PF103"]


def test_missing_metadata_and_repeated_metadata(tmp_path: Path) -> None:
    without = MINI_CATALOG.split("sectors:", 1)[1]
    assert found("sectors:" + without, tmp_path) == [("PF109", 1, 1)]
    twice = MINI_CATALOG + "catalog:\n  name: Again\n  version: '2'\n"
    assert found(twice, tmp_path) == [("PF002", 51, 1)]
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.yaml").write_text(MINI_CATALOG)
    (tmp_path / "dir" / "b.yaml").write_text("catalog:\n  name: Again\n  version: '2'\n")
    result = check_catalog(tmp_path / "dir", use_cache=False)
    assert [(d.code, Path(d.path).name, d.line) for d in result.diagnostics] == [
        ("PF109", "b.yaml", 2)
    ]


def test_load_catalog_refuses_a_catalog_with_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(replace("    hours: 21\n", "    hours: x\n"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(path, use_cache=False)
    assert [d.code for d in caught.value.diagnostics if d.is_error] == ["PF103"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PathfinderError, match="no catalog at"):
        load_catalog(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(PathfinderError, match="no .yaml or .yml"):
        load_catalog(tmp_path / "empty")


def split_catalog(directory: Path) -> None:
    """The mini catalog as a directory: metadata, a nested folder of courses, the rest."""
    head, rest = MINI_CATALOG.split("sectors:", 1)
    body, courses = rest.split("courses:", 1)
    (directory / "b-courses").mkdir(parents=True)
    (directory / "a-meta.yml").write_text(head)
    (directory / "c-entries.yaml").write_text("sectors:" + body)
    (directory / "b-courses" / "all.yaml").write_text("courses:" + courses)
    (directory / "notes.txt").write_text("not yaml: ignored")


def test_a_directory_merges_its_files_recursively(tmp_path: Path) -> None:
    split_catalog(tmp_path / "cat")
    result = check_catalog(tmp_path / "cat", use_cache=False)
    assert result.errors == ()
    assert [Path(f).name for f in result.files] == ["a-meta.yml", "all.yaml", "c-entries.yaml"]
    assert result.catalog is not None and len(result.catalog.courses) == 2
    assert result.catalog.sha256 == loads_catalog(MINI_CATALOG).sha256


def test_duplicate_ids_across_files_name_the_first_file(tmp_path: Path) -> None:
    split_catalog(tmp_path / "cat")
    (tmp_path / "cat" / "d-more.yaml").write_text(
        "courses:\n  - id: hv-b2l\n    name: {en: X, fr: X}\n    provider: campus\n    hours: 1\n"
        "    weeks: 1\n    cost_eur: 0\n    format: online\n    grants: {hv-safety-b2l: 1}\n"
    )
    result = check_catalog(tmp_path / "cat", use_cache=False)
    (problem,) = result.errors
    assert (problem.code, problem.line, problem.column) == ("PF106", 2, 9)
    assert "all.yaml:11:9" in problem.message


def test_content_hash_ignores_key_order_formatting_and_comments() -> None:
    base = loads_catalog(MINI_CATALOG).sha256
    reordered = MINI_CATALOG.replace(
        "    hours: 21\n    weeks: 0.6\n", "    weeks: 0.6\n    hours: 21.0\n"
    ).replace(
        "  - {id: ev, name: {en: Electric vehicles, fr: Véhicule électrique}}",
        "  # the EV sector\n  - id: ev\n    name:\n      fr: Véhicule électrique\n      en: 'Electric vehicles'",
    )
    assert loads_catalog(reordered).sha256 == base
    changed = MINI_CATALOG.replace("    hours: 21\n", "    hours: 22\n")
    assert loads_catalog(changed).sha256 != base


def test_cache_serves_unchanged_files_and_never_stale_ones(tmp_path: Path) -> None:
    split_catalog(tmp_path / "cat")
    first = load_catalog(tmp_path / "cat")
    cached = sorted(Path(os.environ["PATHFINDER_CACHE_DIR"]).glob("*.pfcache"))
    assert len(cached) == 1
    again = load_catalog(tmp_path / "cat")
    assert again == first and again.sha256 == first.sha256
    courses = tmp_path / "cat" / "b-courses" / "all.yaml"
    courses.write_text(courses.read_text().replace("hours: 21", "hours: 24"))
    assert load_catalog(tmp_path / "cat").courses["hv-b2l"].hours == 24
    courses.write_text(courses.read_text().replace("hours: 24", "hours: oops"))
    with pytest.raises(CatalogError):
        load_catalog(tmp_path / "cat")


def test_a_corrupt_cache_entry_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINI_CATALOG)
    load_catalog(path)
    for entry in Path(os.environ["PATHFINDER_CACHE_DIR"]).glob("*.pfcache"):
        entry.write_bytes(b"garbage")
    assert load_catalog(path).sha256 == loads_catalog(MINI_CATALOG).sha256


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINI_CATALOG)
    load_catalog(path, use_cache=False)
    assert list(Path(os.environ["PATHFINDER_CACHE_DIR"]).glob("*")) == []


def test_single_language_catalog_accepts_plain_names() -> None:
    text = MINI_CATALOG.replace("languages: [en, fr]", "languages: [fr]").replace(
        "{id: campus, name: {en: Campus, fr: Campus}", "{id: campus, name: Campus"
    )
    catalog = loads_catalog(text)
    assert catalog.providers["campus"].name == {"fr": "Campus"}
