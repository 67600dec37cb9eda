"""Great-circle distances and LAT,LON parsing."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pathfinder.errors import PathfinderError
from pathfinder.geo import haversine_km, looks_like_coordinates, parse_lat_lon


def test_known_distances() -> None:
    # Paris (Notre-Dame) to London (Charing Cross): about 344 km.
    assert haversine_km(48.8530, 2.3499, 51.5080, -0.1247) == pytest.approx(343.9, abs=1.0)
    # One degree of latitude is about 111.2 km.
    assert haversine_km(48.0, 2.0, 49.0, 2.0) == pytest.approx(111.2, abs=0.1)
    assert haversine_km(48.965, 1.873, 48.965, 1.873) == 0.0
    # Antipodes: half the circumference.
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088, rel=1e-9)


coords = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


@given(coords, coords)
def test_symmetric_and_bounded(a: tuple[float, float], b: tuple[float, float]) -> None:
    d = haversine_km(*a, *b)
    assert d == pytest.approx(haversine_km(*b, *a), abs=1e-6)
    assert 0.0 <= d <= math.pi * 6371.0088 + 1e-6


@given(coords, coords, coords)
@example(a=(0.0, 5.722045898437513e-06), b=(0.0, 1.0), c=(0.0, 180.0))  # the haversine failed here
def test_triangle_inequality(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
) -> None:
    assert haversine_km(*a, *c) <= haversine_km(*a, *b) + haversine_km(*b, *c) + 1e-6


def test_parse_lat_lon() -> None:
    assert parse_lat_lon("50.37,3.08") == (50.37, 3.08)
    assert parse_lat_lon(" -33.9 , 151.2 ") == (-33.9, 151.2)
    assert looks_like_coordinates("50.37,3.08")
    assert not looks_like_coordinates("flins")
    assert not looks_like_coordinates("1,2,3")


@pytest.mark.parametrize(
    "text", ["flins", "50.37", "50.37;3.08", "a,b", "1,2,3", "", "nan,3", "91,0", "0,181"]
)
def test_bad_coordinates_name_the_flag(text: str) -> None:
    with pytest.raises(PathfinderError) as info:
        parse_lat_lon(text, "--home")
    assert info.value.exit_code == 2
    assert "--home" in info.value.message("en")
    assert "--home" in info.value.message("fr")


def test_nearest_within_a_radius() -> None:
    from pathfinder.geo import nearest_within

    points = [(49.313, 1.035, "cleon"), (49.32, 1.10, "elbeuf"), (50.37, 3.08, "douai")]
    assert nearest_within(49.315, 1.04, points, 5) == "cleon"
    assert nearest_within(49.32, 1.09, points, 5) == "elbeuf"
    assert nearest_within(48.0, 2.0, points, 5) is None
    assert nearest_within(49.313, 1.035, [], 5) is None
