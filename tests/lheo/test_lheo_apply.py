"""Writing a sync into the catalog's files: only the changed fields change, byte for byte
everything else stays (comments, quoting, key order, flow and block styles, blank lines); new
sites are appended; a result that would not lint is refused and no file is touched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run_cli
from support.lheo_feeds import action, formation, gazetteer, place, write_feed

from pathfinder.errors import SyncRefusedError
from pathfinder.lheo import apply as apply_module
from pathfinder.lheo.apply import write
from pathfinder.lheo.feed import read_offers
from pathfinder.lheo.sync import Change, CourseUpdate, SyncResult, sync
from pathfinder.loader import catalog_files, load_catalog

META = """\
# yaml-language-server: $schema=../docs/catalog.schema.json
catalog:
  name: 'Sync test'       # quoted on purpose
  version: "1"
  languages: [en, fr]
sectors:
  - {id: ev, name: {en: EV, fr: VE}}
providers:
  - {id: ema, name: {en: Academy, fr: "Académie"}}
skills:
  - {id: winding, name: {en: Winding, fr: Bobinage}, category: motor}
jobs:
  - {id: winder, name: {en: Winder, fr: Bobinier}, sector: ev, outlook: growing, requires: {winding: 2}}
"""

SITES = """\
sites:
  # The plant.
  - id: cleon
    name: {en: Cléon plant, fr: Usine de Cléon}
    region: Normandie
    lat: 49.313     # approximate
    lon: 1.035

  - {id: douai, name: {en: Douai, fr: Douai}, region: Hauts-de-France, lat: 50.371, lon: 3.08}
"""

COURSES = """\
# Courses of the academy.
# Dates are illustrative.
courses:
- id: winding-basics
  name: {en: Winding basics, fr: Bases du bobinage}
  provider: ema
  hours: 35     # one week
  weeks: 1
  cost_eur: 900
  format: onsite
  sites: [cleon]
  grants: {winding: 1}
  lheo: {formation: F-WIND, action: A-CLEON}
  sessions:
  - {start: 2027-01-11, site: cleon, seats: 8}   # the first one
  - start: 2027-03-01
    site: cleon

# Advanced: not in the feed.
- id: winding-advanced
  name: {en: "Winding, advanced", fr: 'Bobinage avancé'}
  provider: ema
  hours: 70
  weeks: 2
  cost_eur: 1800
  format: onsite
  sites:
  - cleon
  requires: {winding: 1}
  grants: {winding: 2}
  funding:
  - employer
  lheo: {formation: F-WIND, action: A-ADV}
"""


def run_lint(root: Path) -> object:
    return run_cli("lint", str(root), "--no-cache")


def catalog_dir(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    (root / "courses").mkdir(parents=True)
    (root / "catalog.yaml").write_text(META, encoding="utf-8")
    (root / "sites.yaml").write_text(SITES, encoding="utf-8")
    (root / "courses" / "academy.yaml").write_text(COURSES, encoding="utf-8")
    return root


def synced(tmp_path: Path, *actions: str) -> tuple[Path, SyncResult]:
    root = catalog_dir(tmp_path)
    catalog = load_catalog(root, use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", formation("F-WIND", *actions))
    return root, sync(catalog, read_offers(feed), "feed.xml", gazetteer())


def apply(root: Path, result: SyncResult) -> tuple[str, ...]:
    return write(root, catalog_files(root), load_catalog(root, use_cache=False), result)


def test_only_the_changed_fields_change_byte_for_byte(tmp_path: Path) -> None:
    root, result = synced(
        tmp_path,
        action(
            "A-CLEON",
            places=(place(insee="76178"),),
            sessions=(("20270111", "20270115"), ("20270405", "20270409")),
            hours="21",
            price="900",
        ),
        action("A-ADV", places=(place(insee="76178"),), funders=("5", "16"), hours="70"),
    )
    written = apply(root, result)
    assert written == (str(root / "courses" / "academy.yaml"),)
    assert (root / "courses" / "academy.yaml").read_text(encoding="utf-8") == (
        COURSES.replace("  hours: 35     # one week", "  hours: 21     # one week")
        .replace(
            "  - {start: 2027-01-11, site: cleon, seats: 8}   # the first one\n"
            "  - start: 2027-03-01\n    site: cleon\n",
            "  - {start: 2027-01-11, end: 2027-01-15, site: cleon, seats: 8}\n"
            "  - {start: 2027-04-05, end: 2027-04-09, site: cleon}\n",
        )
        .replace("  funding:\n  - employer\n", "  funding:\n  - employer\n  - opco\n")
    )
    assert (root / "catalog.yaml").read_text(encoding="utf-8") == META
    assert (root / "sites.yaml").read_text(encoding="utf-8") == SITES


def test_a_field_the_course_lacked_is_inserted_where_the_format_lists_it(
    tmp_path: Path,
) -> None:
    root, result = synced(
        tmp_path,
        action("A-CLEON", funders=("2", "5")),
        action(
            "A-ADV",
            places=(place(insee="76178"),),
            sessions=(("20270607", "20270618"),),
            hours="70",
        ),
    )
    apply(root, result)
    text = (root / "courses" / "academy.yaml").read_text(encoding="utf-8")
    assert (
        "  grants: {winding: 1}\n  funding: [employer, region]\n  lheo: {formation: F-WIND" in text
    )
    assert text.endswith(
        "  funding:\n  - employer\n"
        "  sessions:\n  - {start: 2027-06-07, end: 2027-06-18, site: cleon}\n"
        "  lheo: {formation: F-WIND, action: A-ADV}\n"
    )


def test_a_field_appended_after_the_last_one_keeps_the_comments_that_follow(
    tmp_path: Path,
) -> None:
    root = catalog_dir(tmp_path)
    courses = root / "courses" / "academy.yaml"
    moved = COURSES.replace(
        "  grants: {winding: 1}\n  lheo: {formation: F-WIND, action: A-CLEON}\n  sessions:\n"
        "  - {start: 2027-01-11, site: cleon, seats: 8}   # the first one\n"
        "  - start: 2027-03-01\n    site: cleon\n",
        "  lheo: {formation: F-WIND, action: A-CLEON}\n  grants: {winding: 1}   # the last key\n",
    )
    courses.write_text(moved, encoding="utf-8")
    catalog = load_catalog(root, use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", formation("F-WIND", action("A-CLEON", funders=("2",))))
    write(root, catalog_files(root), catalog, sync(catalog, read_offers(feed), "f", gazetteer()))
    assert courses.read_text(encoding="utf-8") == moved.replace(
        "  grants: {winding: 1}   # the last key\n",
        "  grants: {winding: 1}   # the last key\n  funding: [region]\n",
    )


def test_new_sites_are_appended_to_the_sites_list(tmp_path: Path) -> None:
    root, result = synced(tmp_path, action("A-CLEON", places=(place(insee="76660"),)))
    apply(root, result)
    assert (root / "sites.yaml").read_text(encoding="utf-8") == SITES + (
        "  - id: sandouville\n"
        "    name: {en: Sandouville, fr: Sandouville}\n"
        "    region: Normandie\n"
        "    lat: 49.4777\n"
        "    lon: 0.3011\n"
        "    sources: [LHÉO feed feed.xml (INSEE 76660)]\n"
    )
    text = (root / "courses" / "academy.yaml").read_text(encoding="utf-8")
    assert "  sites: [sandouville, cleon]\n" in text  # cleon: its sessions stay
    assert load_catalog(root, use_cache=False).sites["sandouville"].region == "Normandie"


def test_a_catalog_in_one_file_gets_its_sites_list_when_it_had_none(tmp_path: Path) -> None:
    text = (
        META
        + "courses:\n"
        + "  - {id: w, name: {en: W, fr: W}, provider: ema, hours: 7, weeks: 1, cost_eur: 0,"
        + " format: online, grants: {winding: 2}, lheo: {formation: F-WIND}}\n"
    )
    path = tmp_path / "one.yaml"
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog(path, use_cache=False)
    result = sync(
        catalog,
        read_offers(
            write_feed(tmp_path / "feed.xml", formation("F-WIND", action("A", hours="14")))
        ),
        "feed.xml",
        gazetteer(),
    )
    assert write(path, catalog_files(path), catalog, result) == (str(path),)
    assert path.read_text(encoding="utf-8") == text.replace("hours: 7,", "hours: 14,")


def test_a_result_that_would_not_lint_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    root = catalog_dir(tmp_path)
    files = sorted(root.rglob("*.yaml"))
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    bad = SyncResult(
        feed="feed.xml",
        updated=(CourseUpdate("winding-basics", (Change("sessions", [], [], [{"start": 7}]),)),),
        unchanged=(),
        missing=(),
        candidates=(),
        new_sites=(),
        warnings=(),
        offers=1,
    )
    with pytest.raises(SyncRefusedError) as refused:
        apply(root, bad)
    assert refused.value.exit_code == 1
    (error,) = refused.value.diagnostics
    assert error.path == str(root / "courses" / "academy.yaml")
    assert error.code == "PF104"  # not a date
    assert {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files} == before
    assert sorted(root.rglob("*")) == sorted([*files, root / "courses"])  # no temporary left


def test_a_catalog_that_does_not_lint_refuses_every_write(tmp_path: Path) -> None:
    root, result = synced(tmp_path, action("A-CLEON", hours="21"))
    meta = root / "catalog.yaml"
    meta.write_text(META.replace("requires: {winding: 2}", "requires: {winding: 3}"), "utf-8")
    with pytest.raises(SyncRefusedError) as refused:
        apply(root, result)
    assert [e.code for e in refused.value.diagnostics if e.is_error] == [
        "PF202"
    ]  # level 3 is granted by nothing
    assert "hours: 35" in (root / "courses" / "academy.yaml").read_text(encoding="utf-8")


def test_nothing_to_change_writes_nothing(tmp_path: Path) -> None:
    root, result = synced(tmp_path, action("A-CLEON", hours="35"))
    assert result.updated == ()
    mtime = (root / "courses" / "academy.yaml").stat().st_mtime_ns
    assert apply(root, result) == ()
    assert (root / "courses" / "academy.yaml").stat().st_mtime_ns == mtime


def test_written_files_keep_their_permissions(tmp_path: Path) -> None:
    root, result = synced(tmp_path, action("A-CLEON", hours="21"))
    courses = root / "courses" / "academy.yaml"
    os.chmod(courses, 0o640)
    apply(root, result)
    assert courses.stat().st_mode & 0o777 == 0o640


def test_each_updated_entry_is_edited_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def whole(*args: object) -> str:
        raise AssertionError("edited whole")

    monkeypatch.setattr(apply_module, "_edited_whole", whole)
    root, result = synced(
        tmp_path,
        action("A-CLEON", places=(place(insee="76660"),), hours="21"),
        action("A-ADV", funders=("2",)),
    )
    assert len(apply(root, result)) == 2


def test_an_unusual_layout_is_edited_whole_with_the_same_care(tmp_path: Path) -> None:
    """A dash alone on its line: the file goes through the round trip whole; everything stays
    but that dash, which ruamel.yaml joins to the entry's first key."""
    root = catalog_dir(tmp_path)
    courses = root / "courses" / "academy.yaml"
    odd = COURSES.replace("- id: winding-advanced\n", "-\n  id: winding-advanced\n")
    courses.write_text(odd, encoding="utf-8")
    catalog = load_catalog(root, use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", formation("F-WIND", action("A-ADV", hours="77")))
    write(root, catalog_files(root), catalog, sync(catalog, read_offers(feed), "f", gazetteer()))
    assert courses.read_text(encoding="utf-8") == odd.replace(
        "  hours: 70\n", "  hours: 77\n"
    ).replace("-\n  id: winding-advanced\n", "- id: winding-advanced\n")


PLACES = (
    place(insee="76178"),  # Cléon: the site cleon
    place(insee="76660"),  # Sandouville: a new site
    place(postal="59500", town="Douai"),  # the site douai
    place(lat="49.378", lon="1.105"),  # by coordinates alone: a new site after its commune
    place(postal="99999"),  # nowhere
)
DATES = st.sampled_from(
    ["20270111", "20270301", "20270412", "20270200", "00000000", "20261130", "2027-05-03"]
)


@st.composite
def feed_actions(draw: st.DrawFn) -> tuple[str, ...]:
    actions = []
    for number in ("A-CLEON", "A-ADV"):
        if draw(st.booleans()):
            continue  # missing from the feed
        sessions = draw(st.lists(st.tuples(DATES, DATES), max_size=4))
        actions.append(
            action(
                number,
                places=tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True))),
                sessions=tuple(sessions),
                funders=tuple(draw(st.lists(st.sampled_from(["2", "4", "5", "10", "16", "13"])))),
                hours=draw(st.sampled_from([None, "7", "35", "70,5", "zero"])),
                price=draw(st.sampled_from([None, "900", "1 250,50 €", "Gratuit", "sur devis"])),
            )
        )
    return tuple(actions)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(feed_actions())
def test_a_written_sync_is_clean_and_leaves_nothing_to_do(actions: tuple[str, ...]) -> None:
    """Whatever the feed says: after --write the catalog lints without errors, a second sync of
    the same feed changes nothing, and only the files with changes were touched."""
    with tempfile.TemporaryDirectory() as temp:
        tmp_path = Path(temp)
        root, result = synced(tmp_path, *actions)
        before = {f: f.read_bytes() for f in root.rglob("*.yaml")}
        written = apply(root, result)
        changed = {str(f) for f in before if f.read_bytes() != before[f]}
        assert changed == set(written)
        assert bool(written) == bool(result.updated)
        catalog = load_catalog(root, use_cache=False)
        again = sync(catalog, read_offers(tmp_path / "feed.xml"), "feed.xml", gazetteer())
        assert again.updated == ()
        assert again.new_sites == ()
        assert run_lint(root).returncode == 0


def test_windows_line_endings_and_a_byte_order_mark_are_kept(tmp_path: Path) -> None:
    root = catalog_dir(tmp_path)
    courses = root / "courses" / "academy.yaml"
    courses.write_bytes(b"\xef\xbb\xbf" + COURSES.replace("\n", "\r\n").encode())
    catalog = load_catalog(root, use_cache=False)
    feed = write_feed(
        tmp_path / "feed.xml",
        formation(
            "F-WIND",
            action(
                "A-CLEON",
                places=(place(insee="76178"),),
                sessions=(("20270111", "20270112"),),
                hours="21",
            ),
        ),
    )
    write(root, catalog_files(root), catalog, sync(catalog, read_offers(feed), "f", gazetteer()))
    expected = (
        COURSES.replace("hours: 35 ", "hours: 21 ")
        .replace(
            "  - {start: 2027-01-11, site: cleon, seats: 8}   # the first one\n"
            "  - start: 2027-03-01\n    site: cleon\n",
            "  - {start: 2027-01-11, end: 2027-01-12, site: cleon, seats: 8}\n",
        )
        .replace("\n", "\r\n")
    )
    assert courses.read_bytes() == b"\xef\xbb\xbf" + expected.encode()


def test_an_entry_that_cannot_stand_alone_is_edited_with_its_file(tmp_path: Path) -> None:
    """An alias to an anchor of another entry: the entry alone is not a document, the file is."""
    root = catalog_dir(tmp_path)
    courses = root / "courses" / "academy.yaml"
    aliased = COURSES.replace("  grants: {winding: 1}\n", "  grants: &basic {winding: 1}\n", 1)
    aliased = aliased.replace("  requires: {winding: 1}\n", "  requires: *basic\n")
    courses.write_text(aliased, encoding="utf-8")
    catalog = load_catalog(root, use_cache=False)
    feed = write_feed(tmp_path / "feed.xml", formation("F-WIND", action("A-ADV", hours="77")))
    write(root, catalog_files(root), catalog, sync(catalog, read_offers(feed), "f", gazetteer()))
    assert courses.read_text(encoding="utf-8") == aliased.replace("  hours: 70\n", "  hours: 77\n")


def test_a_file_ruamel_cannot_edit_is_named_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ruamel.yaml.error import YAMLError

    from pathfinder.errors import PathfinderError

    def refuse(*args: object) -> str:
        raise YAMLError("found something\n  it does not round-trip")

    monkeypatch.setattr(apply_module, "_edited_by_entry", refuse)
    monkeypatch.setattr(apply_module, "_edited_whole", refuse)
    root, result = synced(tmp_path, action("A-CLEON", hours="21"))
    before = (root / "courses" / "academy.yaml").read_bytes()
    with pytest.raises(PathfinderError) as error:
        apply(root, result)
    assert error.value.message("en") == (
        f"{root / 'courses' / 'academy.yaml'}: cannot be edited in place by ruamel.yaml (found"
        " something it does not round-trip); no file changed."
    )
    assert (root / "courses" / "academy.yaml").read_bytes() == before


def test_sessions_come_in_the_catalogs_order_so_a_second_sync_finds_nothing(
    tmp_path: Path,
) -> None:
    # Same start and place; the one with no end known ends first (the course's 7 days).
    root, result = synced(
        tmp_path,
        action(
            "A-CLEON",
            places=(place(insee="76178"),),
            sessions=(("20270111", "20270120"), ("20270111", "00000000")),
        ),
    )
    (change,) = [c for c in result.updated[0].changes if c.field == "sessions"]
    assert [s["end"] for s in change.new] == ["2027-01-17", "2027-01-20"]
    apply(root, result)
    catalog = load_catalog(root, use_cache=False)
    again = sync(catalog, read_offers(tmp_path / "feed.xml"), "feed.xml", gazetteer())
    assert again.updated == ()


def test_a_file_that_cannot_be_written_is_refused_before_any_is_written(tmp_path: Path) -> None:
    from pathfinder.errors import WriteError

    root, result = synced(tmp_path, action("A-CLEON", places=(place(insee="76660"),)))
    sites = root / "sites.yaml"
    real = tmp_path / "sites-real.yaml"
    sites.rename(real)
    sites.symlink_to(real)  # the sites file is a link: not written through
    courses = (root / "courses" / "academy.yaml").read_bytes()
    with pytest.raises(WriteError):
        apply(root, result)
    assert (root / "courses" / "academy.yaml").read_bytes() == courses
    assert real.read_text(encoding="utf-8") == SITES
