"""LHÉO values: dates of every precision, prices as free text, funders' codes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pathfinder.lheo.values import (
    UNKNOWN_DATE,
    FeedDate,
    funding_source,
    parse_date,
    parse_hours,
    parse_price,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20270111", FeedDate(date(2027, 1, 11), "day")),
        (" 20270228 ", FeedDate(date(2027, 2, 28), "day")),
        ("20270300", FeedDate(date(2027, 3, 1), "month")),
        ("00000000", UNKNOWN_DATE),
    ],
)
def test_dates_keep_their_precision(text: str, expected: FeedDate) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2027011", "2027-01-11", "20270230", "20271301", "20270000", ""])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1250", Decimal("1250")),
        ("1 250,50 €", Decimal("1250.50")),
        ("1\u202f250,5\u00a0€", Decimal("1250.5")),
        ("1.250,50", Decimal("1250.50")),
        ("1,250.50", Decimal("1250.50")),
        ("1.250", Decimal("1250")),
        ("1250.5 euros TTC", Decimal("1250.5")),
        ("Prix : 980 € TTC", Decimal("980")),
        ("Gratuit", Decimal(0)),
        ("0", Decimal(0)),
    ],
)
def test_prices_are_read_leniently(text: str, expected: Decimal) -> None:
    assert parse_price(text) == expected


@pytest.mark.parametrize(
    "text", ["nous consulter", "de 500 à 900 €", "1200 € HT", "", "2 000 000 €", "12,3,4"]
)
def test_unreadable_prices_are_none(text: str) -> None:
    assert parse_price(text) is None


def test_funders_map_to_catalog_sources() -> None:
    assert funding_source("2") == (True, "region")
    assert funding_source("4") == (True, "france-travail")
    assert funding_source(" 5 ") == (True, "employer")
    assert funding_source("16") == (True, "opco")
    assert funding_source("10") == (True, None)  # the learner pays: no funding source
    assert funding_source("7") == (False, None)  # AGEFIPH: no catalog source
    assert funding_source("99") == (False, None)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("35", Decimal(35)),
        (" 35,5 ", Decimal("35.5")),
        ("35.5 h", Decimal("35.5")),
        ("140 heures", Decimal(140)),
        ("7H", Decimal(7)),
        ("10000", Decimal(10000)),
        ("0", None),
        ("10001", None),
        ("trente", None),
        ("35-70", None),
        ("", None),
    ],
)
def test_hours(text: str, hours: Decimal | None) -> None:
    assert parse_hours(text) == hours
