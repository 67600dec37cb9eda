"""Home as anything a person types: a site id, LAT,LON, a postal code or a commune name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.cli import run_cli

from pathfinder.errors import PlaceError
from pathfinder.home import resolve_home, site_or_place
from pathfinder.loader import load_catalog
from pathfinder.profile import HomePlace, Profile, load_profile, profile_to_data


@pytest.fixture
def catalog(mini_catalog: Path):  # type: ignore[no-untyped-def]
    return load_catalog(mini_catalog)


def test_a_site_id_and_coordinates_are_taken_as_they_are(catalog) -> None:  # type: ignore[no-untyped-def]
    site = resolve_home("flins", catalog)
    assert (site.kind, site.name, site.lat, site.lon) == ("site", "Flins", 48.965, 1.873)
    point = resolve_home((49.0, 1.7), catalog)
    assert (point.kind, point.lat, point.lon) == ("coordinates", 49.0, 1.7)
    assert resolve_home("49.0,1.7", catalog).kind == "coordinates"


def test_a_commune_whatever_its_case_and_accents(catalog) -> None:  # type: ignore[no-untyped-def]
    for typed in ("Mantes-la-Jolie", "mantes la jolie", "MANTES LA JOLIE"):
        home = resolve_home(typed, catalog)
        assert (home.kind, home.name, home.postal_code, home.insee) == (
            "commune",
            "Mantes-la-Jolie",
            "78200",
            "78361",
        )
        assert home.query == typed
    assert resolve_home("cleon", catalog).name == "Cléon"


def test_a_shared_postal_code_is_the_mean_of_its_communes(catalog) -> None:  # type: ignore[no-untyped-def]
    home = resolve_home("78200", catalog)
    assert home.kind == "postal-code" and home.mean_of == 12
    assert "Mantes-la-Jolie" in (home.name or "")
    assert 48.9 < home.lat < 49.0 and 1.6 < home.lon < 1.7


def test_an_ambiguous_name_lists_its_candidates(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PlaceError) as caught:
        resolve_home("Saint-Denis", catalog)
    message = caught.value.message("en")
    assert "Saint-Denis (93, 93200, 93210)" in message and "Saint-Denis (974" in message
    assert caught.value.exit_code == 2


def test_unknown_text_suggests_sites_and_communes(catalog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PlaceError) as caught:
        resolve_home("flinz", catalog)
    assert caught.value.suggestions[0] == "flins"


def test_a_resolved_home_round_trips_through_a_profile_file(tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    home = site_or_place("mantes la jolie", catalog)
    assert isinstance(home, HomePlace)
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(profile_to_data(Profile(home=home))), encoding="utf-8")
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))["home"]
    assert saved["query"] == "mantes la jolie" and saved["name"] == "Mantes-la-Jolie"
    assert load_profile(path).home == home
    assert site_or_place("flins", catalog) == "flins"


def test_plan_json_says_what_was_typed_and_where_it_landed(mini_catalog: Path) -> None:
    done = run_cli(
        "plan", "--catalog", str(mini_catalog), "--from", "assembly-operator", "--to", "ev-technician",
        "--home", "mantes la jolie",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    home = json.loads(done.stdout)["home"]
    assert home == {
        "query": "mantes la jolie",
        "kind": "commune",
        "name": "Mantes-la-Jolie",
        "postal_code": "78200",
        "insee": "78361",
        "lat": home["lat"],
        "lon": home["lon"],
        "mean_of": 1,
    }
    assert round(home["lat"], 1) == 49.0 and round(home["lon"], 1) == 1.7


def test_an_ambiguous_home_flag_is_exit_2_with_the_candidates(mini_catalog: Path) -> None:
    done = run_cli(
        "plan", "--catalog", str(mini_catalog), "--to", "ev-technician", "--home", "Sainte-Marie"
    )
    assert done.returncode == 2
    assert "Sainte-Marie (" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) <= 2


def test_a_site_or_coordinates_never_load_the_gazetteer(mini_catalog: Path) -> None:
    code = (
        "from pathfinder import gazetteer, load_catalog, plan\n"
        "from pathfinder.profile import Profile\n"
        f"cat = load_catalog({str(mini_catalog)!r})\n"
        "plan(cat, Profile(home='flins', mobility_km=50), 'ev-technician')\n"
        "plan(cat, Profile(home=(49.0, 1.7), mobility_km=50), 'ev-technician')\n"
        "print(gazetteer.is_loaded())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(("fmt", "lang"), [("text", "en"), ("md", "fr")])
def test_the_reports_say_where_a_typed_home_was_placed(
    mini_catalog: Path, fmt: str, lang: str
) -> None:
    done = run_cli(
        "plan", "--catalog", str(mini_catalog), "--from", "assembly-operator", "--to",
        "ev-technician", "--home", "78200", "--format", fmt, "--lang", lang,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert ("12 communes" in said) and ("Mantes-la-Jolie" in said)
