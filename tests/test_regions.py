"""Départements' regions, for sites made from a feed's places."""

from __future__ import annotations

import pytest

from pathfinder.regions import REGION_OF_DEPARTMENT, region_of


@pytest.mark.parametrize(
    ("department", "region"),
    [
        ("76", "Normandie"),
        ("59", "Hauts-de-France"),
        ("78", "Île-de-France"),
        ("2A", "Corse"),
        ("2b", "Corse"),
        (" 69 ", "Auvergne-Rhône-Alpes"),
        ("974", "La Réunion"),
        ("975", None),  # Saint-Pierre-et-Miquelon: a collectivity, no region
        ("20", None),
        (None, None),
    ],
)
def test_region_of(department: str | None, region: str | None) -> None:
    assert region_of(department) == region


def test_every_departement_is_in_one_region() -> None:
    assert len(REGION_OF_DEPARTMENT) == 101
    assert len(set(REGION_OF_DEPARTMENT.values())) == 18
    metropolitan = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}
    assert metropolitan <= set(REGION_OF_DEPARTMENT)
