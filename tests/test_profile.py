"""Profiles: strict reading, round trips, id checks with suggestions, start levels, overrides."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.planner_builders import course, job, make_catalog, site

from pathfinder.errors import PathfinderError, PlaceError, ProfileError, UnknownIdError
from pathfinder.profile import (
    Profile,
    check_profile,
    load_profile,
    profile_from_data,
    profile_to_data,
    start_levels,
)

FULL = """\
jobs: [ice-assembly-operator]       # held jobs
skills: {plc-basics: 1, python: 2}
home: flins
mobility_km: 60
online: true
max_hours: 600
max_weeks: 26
budget_eur: 3000
funding: [cpf, employer]
exclude_courses: [some-course]
targets: [battery-pack-assembler]
sectors: [ev, battery, circular]
lang: fr
"""


def test_reads_every_field(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(FULL, encoding="utf-8")
    profile = load_profile(path)
    assert profile == Profile(
        jobs=("ice-assembly-operator",),
        skills={"plc-basics": 1, "python": 2},
        home="flins",
        mobility_km=60,
        online=True,
        max_hours=600,
        max_weeks=26,
        budget_eur=3000,
        funding=("cpf", "employer"),
        exclude_courses=("some-course",),
        targets=("battery-pack-assembler",),
        sectors=("ev", "battery", "circular"),
        lang="fr",
    )
    assert profile_from_data(profile_to_data(profile)) == profile


def test_coordinates_home_and_empty_profile() -> None:
    assert profile_from_data({"home": {"lat": 50.37, "lon": 3.08}}).home == (50.37, 3.08)
    assert profile_from_data(None) == Profile()
    assert profile_from_data({}) == Profile()
    assert profile_from_data({"mobility_km": None, "max_hours": None}) == Profile()
    assert profile_to_data(Profile()) == {}
    assert profile_to_data(Profile(home=(50.37, 3.08), mobility_km=60.0)) == {
        "home": {"lat": 50.37, "lon": 3.08},
        "mobility_km": 60,
    }


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([1, 2], "a profile is a mapping"),
        ({"jobs": "ice-assembly-operator"}, "jobs: expected a list of ids"),
        ({"jobs": [1]}, "jobs: expected a list of ids"),
        ({"skills": ["python"]}, "skills: expected skill ids with levels"),
        ({"skills": {"python": "2"}}, "skills.python: expected a level"),
        ({"skills": {"python": -1}}, "skills.python: expected a level"),
        ({"skills": {"python": True}}, "skills.python: expected a level"),
        ({"home": 12}, "home: expected a site id"),
        ({"home": {"lat": 50}}, "home: expected a site id"),
        ({"home": {"lat": 95, "lon": 3}}, "latitude 95.0 is out of range"),
        ({"mobility_km": "60 km"}, "mobility_km: expected a number"),
        ({"mobility_km": -5}, "mobility_km: expected a number"),
        ({"max_hours": True}, "max_hours: expected a number"),
        ({"budget_eur": [3000]}, "budget_eur: expected a number"),
        ({"online": "yes"}, "online: expected true or false"),
        ({"lang": "de"}, "lang: expected one of en, fr"),
        ({"mobilty_km": 60}, "unknown field 'mobilty_km'; did you mean mobility_km?"),
        ({"zzz": 1}, "unknown field 'zzz'; a profile has: jobs, skills"),
    ],
)
def test_wrong_fields_are_named(data: Any, field: str) -> None:
    with pytest.raises(PathfinderError) as info:
        profile_from_data(data, "me.yaml")
    message = info.value.message("en")
    assert message.startswith("me.yaml")
    assert field in message
    assert info.value.exit_code == 2
    assert info.value.message("fr")  # said in French too


def test_unreadable_profile_files(tmp_path: Path) -> None:
    with pytest.raises(PathfinderError) as info:
        load_profile(tmp_path / "missing.yaml")
    assert "missing.yaml" in info.value.message("en")
    bad = tmp_path / "bad.yaml"
    bad.write_text("jobs: [a\nskills: {", encoding="utf-8")
    with pytest.raises(PathfinderError) as info:
        load_profile(bad)
    assert "bad.yaml" in info.value.message("en")
    dup = tmp_path / "dup.yaml"
    dup.write_text("jobs: [a]\njobs: [b]\n", encoding="utf-8")
    with pytest.raises(PathfinderError, match="duplicate"):
        load_profile(dup)


levels = st.dictionaries(st.sampled_from(["a", "b", "python"]), st.integers(0, 3), max_size=3)
ids = st.lists(st.sampled_from(["x", "y-z", "ev"]), max_size=3, unique=True).map(tuple)
amounts = st.one_of(st.none(), st.integers(0, 5000).map(float), st.sampled_from([0.5, 12.25]))


@given(
    st.builds(
        Profile,
        jobs=ids,
        skills=levels,
        home=st.one_of(
            st.none(), st.just("flins"), st.tuples(st.floats(-90, 90), st.floats(-180, 180))
        ),
        mobility_km=amounts,
        online=st.booleans(),
        max_hours=amounts,
        max_weeks=amounts,
        budget_eur=amounts,
        funding=ids,
        exclude_courses=ids,
        targets=ids,
        sectors=ids,
        lang=st.sampled_from([None, "en", "fr"]),
    )
)
def test_round_trip(profile: Profile) -> None:
    assert profile_from_data(profile_to_data(profile)) == profile


def catalog() -> Any:
    return make_catalog(
        courses=[course("hv-b2l", {"hv": 1}), course("python-101", {"python": 1})],
        jobs=[
            job("operator", {"torque": 2, "lean": 1}, sector="ice"),
            job("tech", {"torque": 1, "hv": 1}),
        ],
        sites=[site("flins", 48.965, 1.873)],
        skills={"hv": 1, "python": 3, "torque": 3, "lean": 2},
    )


@pytest.mark.parametrize(
    ("profile", "kind", "bad", "suggestion", "where"),
    [
        (Profile(jobs=("operatr",)), "job", "operatr", "operator", "jobs"),
        (Profile(skills={"pyton": 1}), "skill", "pyton", "python", "skills"),
        (Profile(exclude_courses=("hv-b2",)), "course", "hv-b2", "hv-b2l", "exclude_courses"),
        (Profile(targets=("tec",)), "job", "tec", "tech", "targets"),
        (Profile(sectors=("evv",)), "sector", "evv", "ev", "sectors"),
    ],
)
def test_unknown_ids_suggest(
    profile: Profile, kind: str, bad: str, suggestion: str, where: str
) -> None:
    with pytest.raises(UnknownIdError) as info:
        check_profile(profile, catalog(), {"jobs": "--from"})
    error = info.value
    assert (error.kind, error.entry_id) == (kind, bad)
    assert suggestion in error.suggestions
    assert error.where == ("--from" if where == "jobs" else where)
    assert suggestion in error.message("fr")


def test_an_unknown_home_suggests_sites_and_communes() -> None:
    with pytest.raises(PlaceError) as info:
        check_profile(Profile(home="flns"), catalog())
    assert info.value.suggestions[0] == "flins"
    assert "flins" in info.value.message("fr") and info.value.exit_code == 2


def test_level_above_max_is_refused() -> None:
    with pytest.raises(PathfinderError, match="above its max level 1"):
        check_profile(Profile(skills={"hv": 2}), catalog())
    check_profile(Profile(skills={"hv": 1}, home=(48.0, 2.0)), catalog())


def test_start_levels_raise_never_lower() -> None:
    cat = catalog()
    assert start_levels(Profile(), cat) == {}
    assert start_levels(Profile(jobs=("operator",)), cat) == {"torque": 2, "lean": 1}
    assert start_levels(Profile(jobs=("operator", "tech")), cat) == {
        "torque": 2,
        "lean": 1,
        "hv": 1,
    }
    assert start_levels(
        Profile(jobs=("operator",), skills={"torque": 1, "lean": 2, "python": 0}), cat
    ) == {
        "torque": 2,
        "lean": 2,
    }


def test_merged_overrides_only_given_fields() -> None:
    base = Profile(jobs=("operator",), mobility_km=60, online=True)
    merged = base.merged(jobs=("tech",), mobility_km=None, online=False, funding=["cpf"])
    assert merged == Profile(jobs=("tech",), mobility_km=60, online=False, funding=("cpf",))


def test_start_and_optimize_are_checked_where_they_are_written(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text("start: 2027-02-30\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.message("en").startswith(f"{path}:1:8: start: expected a date")
    path.write_text("optimize: speed\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert "hours, cost, weeks, courses, finish" in info.value.message("en")
    path.write_text("start: '2027-02-01'\noptimize: finish\n", encoding="utf-8")
    profile = load_profile(path)
    assert (profile.start, profile.optimize) == (date(2027, 2, 1), "finish")
    assert profile_to_data(profile) == {"start": "2027-02-01", "optimize": "finish"}
