"""The sync's comparison: each field the feed keeps current, with exact values; dates of every
precision; prices and hours that cannot be read; funders; places by INSEE code, postal code and
coordinates; courses missing from the feed; certification links; candidates by ROME code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.lheo_feeds import (
    CATALOG,
    NS22,
    NS23,
    action,
    formation,
    gazetteer,
    place,
    write_catalog,
    write_feed,
)

from pathfinder.lheo.feed import read_offers
from pathfinder.lheo.places import NewSite
from pathfinder.lheo.sync import Candidate, SyncResult, certification_code, sync
from pathfinder.loader import load_catalog

CLEON = place(insee="76178", postal="76410", town="Cléon")


def run(tmp_path: Path, *formations: str, ns: str = NS23) -> SyncResult:
    catalog = load_catalog(write_catalog(tmp_path / "cat"), use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", *formations, ns=ns)
    return sync(catalog, read_offers(feed), "feed.xml", gazetteer())


def changes(result: SyncResult, course: str) -> dict[str, tuple[Any, Any]]:
    (update,) = [u for u in result.updated if u.course == course]
    return {c.field: (c.old, c.new) for c in update.changes}


def keys(result: SyncResult) -> list[str]:
    return [w.key for w in result.warnings]


def winding(*actions: str, **kwargs: Any) -> str:
    return formation("F-WIND", *actions, **kwargs)


@pytest.mark.parametrize("ns", [NS23, NS22])
def test_every_field_of_a_linked_course_takes_the_feeds_value(tmp_path: Path, ns: str) -> None:
    result = run(
        tmp_path,
        winding(
            action(
                "A-CLEON",
                places=(CLEON,),
                sessions=(("20270111", "20270115"), ("20270405", "20270409")),
                funders=("2", "16"),
                hours="21",
                price="1 250,50 €",
            ),
            cpf=True,
        ),
        ns=ns,
    )
    assert changes(result, "winding") == {
        "hours": (35, 21),
        "cost_eur": (900, 1250.5),
        "funding": (["employer"], ["cpf", "opco", "region"]),
        "sessions": (
            [
                {"start": "2027-01-11", "end": "2027-01-17", "site": "cleon", "seats": 8},
                {"start": "2027-03-01", "end": "2027-03-07", "site": "cleon", "seats": 8},
            ],
            [
                # The seats of the session already at Cléon on 11 January are kept.
                {"start": "2027-01-11", "end": "2027-01-15", "site": "cleon", "seats": 8},
                {"start": "2027-04-05", "end": "2027-04-09", "site": "cleon"},
            ],
        ),
    }  # sites: Cléon's INSEE code is 0.5 km from the site cleon, which stays the only one
    assert result.warnings == ()
    assert result.new_sites == ()
    assert result.offers == 1


def test_the_changes_come_in_the_catalog_formats_order_and_unchanged_fields_are_left_out(
    tmp_path: Path,
) -> None:
    result = run(
        tmp_path,
        winding(action("A-CLEON", places=(CLEON,), funders=("5",), hours="35", price="880")),
    )
    (update,) = result.updated
    assert [c.field for c in update.changes] == ["cost_eur"]
    assert update.changes[0].new == 880


def test_a_course_the_feed_agrees_with_is_unchanged(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        winding(
            action(
                "A-CLEON",
                places=(CLEON,),
                sessions=(("20270111", "20270117"), ("20270301", "20270307")),
                funders=("5",),
                hours="35",
                price="900",
            )
        ),
    )
    assert result.updated == ()
    assert result.unchanged == ("winding",)


def test_sessions_keep_the_precision_the_feed_gives(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        winding(
            action(
                "A-CLEON",
                places=(CLEON,),
                sessions=(
                    ("20270111", "20270115"),  # to the day
                    ("20270200", "20270300"),  # a month: skipped
                    ("00000000", "00000000"),  # unknown: skipped
                    ("20270405", "20270400"),  # end known to the month: the course's length
                    ("20270510", "00000000"),  # end unknown: the course's length
                    ("2027-06-07", "20270611"),  # not AAAAMMJJ: skipped
                    ("20270614", "20270610"),  # ends before it starts: the course's length
                ),
            )
        ),
    )
    assert changes(result, "winding")["sessions"][1] == [
        {"start": "2027-01-11", "end": "2027-01-15", "site": "cleon", "seats": 8},
        {"start": "2027-04-05", "end": "2027-04-11", "site": "cleon"},
        {"start": "2027-05-10", "end": "2027-05-16", "site": "cleon"},
        {"start": "2027-06-14", "end": "2027-06-20", "site": "cleon"},
    ]
    (update,) = result.updated
    written = next(c for c in update.changes if c.field == "sessions").to_write
    assert [sorted(s) for s in written] == [
        ["end", "seats", "site", "start"],
        ["site", "start"],  # no end known to the day: none written, the catalog computes it
        ["site", "start"],
        ["site", "start"],
    ]
    messages = {w.key: w.message("en") for w in result.warnings}
    assert messages == {
        "sync.session_month_only": (
            "winding: 1 session(s) whose start is known only to the month (2027-02) skipped"
            " (first at feed.xml:10)."
        ),
        "sync.session_unknown_start": (
            "winding: 1 session(s) with an unknown start (00000000) skipped (first at feed.xml:11)."
        ),
        "sync.session_bad_date": (
            "winding: 1 session(s) with a date that is not AAAAMMJJ skipped (first at feed.xml:14)."
        ),
        "sync.session_end_unknown": (
            "winding: 3 session(s) with no usable end (unknown, known only to the month, or before"
            " the start): their end is the course's length."
        ),
    }


def test_when_no_session_can_be_used_the_catalogs_stay(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        winding(action("A-CLEON", places=(CLEON,), sessions=(("20270300", "00000000"),))),
    )
    assert result.updated == ()
    assert result.unchanged == ("winding",)
    assert keys(result) == ["sync.session_month_only", "sync.no_usable_sessions"]


@pytest.mark.parametrize(
    ("price", "hours", "key", "message"),
    [
        (
            "nous consulter",
            "35",
            "sync.cost_eur_unreadable",
            "winding: price 'nous consulter' (feed.xml:7) is not an amount in euros;"
            " cost_eur kept at 900.",
        ),
        (
            "de 500 à 900 €",
            "35",
            "sync.cost_eur_unreadable",
            "winding: price 'de 500 à 900 €' (feed.xml:7) is not an amount in euros;"
            " cost_eur kept at 900.",
        ),
        (
            "900",
            "trente",
            "sync.hours_unreadable",
            "winding: hours 'trente' (feed.xml:7) is not a number of hours; hours kept at 35.",
        ),
        (
            "900",
            "0",
            "sync.hours_unreadable",
            "winding: hours '0' (feed.xml:7) is not a number of hours; hours kept at 35.",
        ),
    ],
)
def test_a_value_that_cannot_be_read_keeps_the_catalogs_and_says_so(
    tmp_path: Path, price: str, hours: str, key: str, message: str
) -> None:
    result = run(tmp_path, winding(action("A-CLEON", hours=hours, price=price)))
    assert result.updated == ()
    assert [(w.key, w.message("en")) for w in result.warnings] == [(key, message)]


def test_a_warning_is_also_in_french(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", price="sur devis")))
    assert result.warnings[0].message("fr") == (
        "winding : prix « sur devis » (feed.xml:7) n'est pas un montant en euros ;"
        " cost_eur reste 900."
    )


def test_funders_codes_map_to_the_catalogs_sources(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", funders=("4", "5", "16", "2", "10"))))
    assert changes(result, "winding")["funding"] == (
        ["employer"],
        ["employer", "opco", "region", "france-travail"],
    )


def test_the_learner_paying_alone_leaves_no_funding_source(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", funders=("10",))))
    assert changes(result, "winding") == {"funding": (["employer"], [])}


def test_an_unknown_funder_is_left_out_and_named(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", funders=("13", "5", "99"))))
    assert result.unchanged == ("winding",)  # employer, as before
    assert [w.message("en") for w in result.warnings] == [
        "winding: funder code '13' (feed.xml:7) has no funding source in the catalog; left out"
        " (see docs/lheo-sync.md).",
        "winding: funder code '99' (feed.xml:7) has no funding source in the catalog; left out"
        " (see docs/lheo-sync.md).",
    ]


def test_a_feed_naming_no_funder_keeps_the_catalogs_funding(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", funders=("13",))))
    assert result.unchanged == ("winding",)


@pytest.mark.parametrize(
    ("where", "how"),
    [
        (place(insee="76660"), "INSEE code"),
        (place(postal="76430"), "postal code"),
        (place(lat="49.4777", lon="0.3011", insee="76660"), "coordinates"),
        (place(postal="76430", town="SANDOUVILLE"), "postal code and town"),
    ],
)
def test_a_place_far_from_every_site_becomes_a_new_site(
    tmp_path: Path, where: str, how: str
) -> None:
    result = run(tmp_path, winding(action("A-CLEON", places=(where,))))
    assert result.new_sites == (
        NewSite(
            "sandouville",
            "Sandouville",
            "Normandie",
            49.4777,
            0.3011,
            "LHÉO feed feed.xml (INSEE 76660" + (", 76430)" if "76430" in where else ")"),
        ),
    ), how
    assert changes(result, "winding")["sites"] == (["cleon"], ["sandouville", "cleon"])


def test_coordinates_name_the_point_and_the_commune_names_the_site(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        winding(action("A-CLEON", places=(place(insee="76575", lat="49.38", lon="1.11"),))),
    )
    (site,) = result.new_sites
    assert (site.id, site.name, site.region, site.lat, site.lon) == (
        "saint-etienne-du-rouvray",
        "Saint-Étienne-du-Rouvray",
        "Normandie",
        49.38,
        1.11,
    )


def test_coordinates_alone_are_named_after_the_nearest_commune(tmp_path: Path) -> None:
    near = place(lat="49.37", lon="1.10")  # 1 km from Saint-Étienne-du-Rouvray's centroid
    result = run(tmp_path, winding(action("A-CLEON", places=(near,))))
    (site,) = result.new_sites
    assert (site.id, site.name, site.region, site.lat, site.lon) == (
        "saint-etienne-du-rouvray",
        "Saint-Étienne-du-Rouvray",
        "Normandie",
        49.37,
        1.1,
    )
    assert site.source == "LHÉO feed feed.xml (INSEE 76575)"


def test_coordinates_far_from_every_commune_get_no_site(tmp_path: Path) -> None:
    at_sea = place(lat="49.9", lon="-0.5")  # the Channel
    result = run(tmp_path, winding(action("A-CLEON", places=(at_sea,))))
    assert result.new_sites == ()
    assert keys(result) == ["sync.place_unlocated"]
    assert "place 49.9, -0.5 (feed.xml:7) could not be placed" in result.warnings[0].message("en")


def test_a_postal_code_shared_by_communes_is_their_mean_and_finds_a_site_nearby(
    tmp_path: Path,
) -> None:
    # 59552: Lambres-lez-Douai and Courchelettes, whose mean is 3 km from the site douai.
    result = run(tmp_path, winding(action("A-CLEON", places=(place(postal="59552"),))))
    assert result.new_sites == ()
    assert changes(result, "winding")["sites"] == (["cleon"], ["douai", "cleon"])


def test_a_place_that_cannot_be_located_keeps_the_sites_and_is_named(tmp_path: Path) -> None:
    nowhere = place(postal="99999", town="Atlantis")
    result = run(
        tmp_path,
        winding(
            action("A-CLEON", places=(nowhere,), sessions=(("20270111", "20270115"),)),
            action("A-CLEON"),
        ),
    )
    assert result.new_sites == ()
    assert keys(result) == [
        "sync.session_no_place",
        "sync.no_usable_sessions",
        "sync.place_unlocated",
    ]
    assert result.warnings[2].message("en") == (
        "winding: place 99999 Atlantis (feed.xml:7) could not be placed (no valid coordinates,"
        " or no commune for its INSEE code, postal code, town or coordinates); no site for it."
    )


@pytest.mark.parametrize("lat,lon", [("0", "0"), ("91", "1"), ("north", "1"), ("49,3", "")])
def test_coordinates_that_are_no_place_are_not_used(tmp_path: Path, lat: str, lon: str) -> None:
    result = run(
        tmp_path, winding(action("A-CLEON", places=(place(insee="76660", lat=lat, lon=lon),)))
    )
    assert [(s.lat, s.lon) for s in result.new_sites] == [(49.4777, 0.3011)]  # the commune's


def test_a_linked_course_missing_from_the_feed_is_listed(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", hours="35")))
    # testing-online is linked to F-GONE, testing to RNCP474: neither is in the feed.
    assert result.missing == ("testing", "testing-online")
    assert result.unchanged == ("winding",)


def test_a_link_without_action_takes_every_action_of_the_formation(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        formation(
            "F-GONE",
            action("B1", sessions=(("20270111", "20270111"),), hours="7"),
            action("B2", sessions=(("20270201", "20270201"),), hours="7"),
        ),
    )
    assert changes(result, "testing-online") == {
        "sessions": (
            [],
            [
                {"start": "2027-01-11", "end": "2027-01-11", "online": True},
                {"start": "2027-02-01", "end": "2027-02-01", "online": True},
            ],
        )
    }


def test_actions_that_disagree_keep_the_catalogs_value(tmp_path: Path) -> None:
    result = run(tmp_path, formation("F-GONE", action("B1", hours="7"), action("B2", hours="10,5")))
    assert result.unchanged == ("testing-online",)
    assert [w.message("en") for w in result.warnings] == [
        "testing-online: the feed's actions give different hours (7, 10.5); hours kept at 7."
    ]


def test_a_course_is_linked_by_its_rncp_code(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        formation("F-TEST", action("T1", hours="21"), rncp="474"),
        formation("F-OTHER", action("T2", hours="99"), rncp="475"),
    )
    assert changes(result, "testing") == {"hours": (14, 21)}


def test_a_certification_several_formations_hold_links_none_of_them(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        formation("F-TEST", action("T1", hours="21"), rncp="RNCP474"),
        formation("F-TEST-2", action("T2", hours="28"), rncp="474"),
    )
    assert "testing" not in [u.course for u in result.updated]
    assert "testing" not in result.unchanged + result.missing
    assert [w.message("en") for w in result.warnings] == [
        "testing: 2 formations of the feed certify RNCP474 (F-TEST, F-TEST-2); link one with"
        " lheo: {formation: …}. Not updated."
    ]


def test_a_linked_formation_certifying_another_code_is_told(tmp_path: Path) -> None:
    text = CATALOG.replace(
        "    lheo: {formation: F-WIND, action: A-CLEON}\n",
        "    lheo: {formation: F-WIND, action: A-CLEON}\n    rncp: RNCP35280\n",
    )
    catalog = load_catalog(write_catalog(tmp_path / "cat", text), use_cache=False)
    agrees = write_feed(tmp_path / "a.xml", winding(action("A-CLEON"), rncp="35280"))
    differs = write_feed(tmp_path / "b.xml", winding(action("A-CLEON"), rncp="474"))
    silent = write_feed(tmp_path / "c.xml", winding(action("A-CLEON")))
    assert sync(catalog, read_offers(agrees), "a.xml", gazetteer()).warnings == ()
    assert sync(catalog, read_offers(silent), "c.xml", gazetteer()).warnings == ()
    (warning,) = sync(catalog, read_offers(differs), "b.xml", gazetteer()).warnings
    assert warning.message("en") == (
        "winding: the catalog says RNCP35280, but formation F-WIND of the feed certifies RNCP474;"
        " check the link (the code is not changed)."
    )


def test_a_hybrid_course_without_a_place_runs_its_sessions_online(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        formation("F-TEST", action("T1", sessions=(("20270111", "20270112"),)), rncp="474"),
    )
    assert changes(result, "testing") == {
        "sessions": ([], [{"start": "2027-01-11", "end": "2027-01-12", "online": True}])
    }


def test_offers_linked_to_no_course_matching_a_jobs_rome_code_are_candidates(
    tmp_path: Path,
) -> None:
    result = run(
        tmp_path,
        winding(action("A-CLEON"), rome=("H2602",)),  # linked: not a candidate
        formation("F-NEW", action("N1"), action("N2"), title="Bobinage", rome=("I1604", "H2602")),
        formation("F-ELSE", action("E1"), rome=("K2111",)),  # no catalog job has K2111
    )
    assert result.candidates == (
        Candidate("F-NEW", "N1", "Bobinage", ("H2602",), ("winder",)),
        Candidate("F-NEW", "N2", "Bobinage", ("H2602",), ("winder",)),
    )


def test_courses_sharing_one_action_are_both_updated_and_told(tmp_path: Path) -> None:
    twin = CATALOG.replace(
        "lheo: {formation: F-GONE}", "lheo: {formation: F-WIND, action: A-CLEON}"
    )
    catalog = load_catalog(write_catalog(tmp_path / "cat", twin), use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", winding(action("A-CLEON", hours="21")))
    result = sync(catalog, read_offers(feed), "feed.xml", gazetteer())
    assert [u.course for u in result.updated] == ["winding", "testing-online"]
    assert [w.message("en") for w in result.warnings] == [
        "courses winding, testing-online link to the same offer F-WIND/A-CLEON; each is updated"
        " from it."
    ]


def test_the_json_form_has_the_documented_keys(tmp_path: Path) -> None:
    result = run(tmp_path, winding(action("A-CLEON", hours="21")))
    data = result.to_json("en")
    assert data == {
        "feed": "feed.xml",
        "offers": 1,
        "updated": [{"course": "winding", "changes": {"hours": {"old": 35, "new": 21}}}],
        "unchanged": [],
        "missing": ["testing", "testing-online"],
        "candidates": [],
        "new_sites": [],
        "warnings": [],
        "written": False,
    }


@pytest.mark.parametrize(
    ("text", "prefix", "code"),
    [
        ("474", "RNCP", "RNCP474"),
        ("RNCP35280", "RNCP", "RNCP35280"),
        (" rncp 474 ", "RNCP", "RNCP474"),
        ("0474", "RNCP", "RNCP474"),
        ("5463", "RS", "RS5463"),
        ("RS-5463", "RS", None),
        ("1234567", "RNCP", None),
        ("", "RS", None),
    ],
)
def test_certification_codes_are_read_in_the_catalogs_form(
    text: str, prefix: str, code: str | None
) -> None:
    assert certification_code(text, prefix) == code
