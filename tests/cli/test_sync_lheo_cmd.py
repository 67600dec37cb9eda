"""``pathfinder catalog sync-lheo``, end to end: the shipped feed against a copy of the bundled
catalog (dry run, JSON, --write, a second run with nothing left to do), French, bad feeds (exit 2)
and a refused write (exit 1, files untouched)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import ROOT
from support.cli import run_cli, run_console_script
from support.lheo_feeds import action, formation, write_catalog, write_feed

FEED = ROOT / "catalog" / "feeds" / "reknow-sample-lheo-2.3.xml"
CHANGED_FIELDS = ("    hours:", "    cost_eur:", "    sites:", "    funding:", "      - {start:")


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    copy = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", copy, ignore=shutil.ignore_patterns("feeds"))
    return copy


def snapshot(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*.yaml"))}


def test_a_dry_run_shows_the_changes_and_writes_nothing(catalog: Path) -> None:
    before = snapshot(catalog)
    done = run_cli("catalog", "sync-lheo", str(FEED), "--catalog", str(catalog))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"LHÉO feed {FEED}: 7 offer(s)\n" in out
    assert (
        f"stator-winding  ({catalog}/courses/e-mobility.yaml:38:5)\n  cost_eur: 4900 → 5100\n"
        in out
    )
    assert "    + 2027-02-01..2027-03-05  cleon\n" in out
    assert "  sites: douai, maubeuge, venissieux → douai, maubeuge, sandouville\n" in out
    assert "Linked but missing from the feed:\n  emotor-electrical-tests\n" in out
    assert "  EMA-2027-INSPECT/EMA-2027-INSPECT-CLEON  Contrôle qualité" in out
    assert out.endswith(
        "4 course(s) to update, 0 unchanged, 1 linked but missing from the feed, 1 candidate(s),"
        " 0 new site(s), 3 warning(s).\n"
        "Dry run: nothing written. Run again with --write to apply the changes.\n"
    )
    assert done.stderr == ""
    assert snapshot(catalog) == before


def test_json_output_has_the_documented_keys(catalog: Path) -> None:
    done = run_cli("catalog", "sync-lheo", str(FEED), "--catalog", str(catalog), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"feed", "updated", "unchanged", "missing", "candidates", "warnings", "written"} <= set(
        data
    )
    assert [u["course"] for u in data["updated"]] == [
        "stator-winding",
        "rotor-assembly-impregnation",
        "ev-architecture",
        "ev-maintenance",
    ]
    rotor = data["updated"][1]["changes"]
    assert rotor["hours"] == {"old": 140, "new": 147}
    assert rotor["sessions"]["new"] == [
        {"start": "2027-03-15", "end": "2027-04-09", "site": "cleon"},
        {"start": "2027-11-15", "end": "2027-12-10", "site": "cleon"},
    ]
    assert data["missing"] == ["emotor-electrical-tests"]
    assert data["candidates"] == [
        {
            "formation": "EMA-2027-INSPECT",
            "action": "EMA-2027-INSPECT-CLEON",
            "title": "Contrôle qualité des moteurs électriques en sortie de ligne",
            "rome": ["H2602"],
            "jobs": ["electromechanical-cabler", "electric-motor-winding-operator"],
        }
    ]
    assert len(data["warnings"]) == 3
    assert data["written"] is False


def test_write_changes_only_the_synced_fields_then_there_is_nothing_left(catalog: Path) -> None:
    before = snapshot(catalog)
    done = run_cli("catalog", "sync-lheo", str(FEED), "--catalog", str(catalog), "--write")
    assert done.returncode == 0, done.stderr
    courses = catalog / "courses" / "e-mobility.yaml"
    assert done.stdout.endswith(f"Written: {courses}.\n")
    after = snapshot(catalog)
    assert [p for p in after if after[p] != before[p]] == [courses]
    old = before[courses].decode().splitlines()
    new = after[courses].decode().splitlines()
    removed = [line for line in old if line not in new]
    added = [line for line in new if line not in old]
    assert removed and added
    assert all(line.startswith(CHANGED_FIELDS) for line in removed + added), removed + added
    again = run_cli(
        "catalog", "sync-lheo", str(FEED), "--catalog", str(catalog), "--format", "json"
    )
    data = json.loads(again.stdout)
    assert data["updated"] == []
    assert len(data["unchanged"]) == 4
    assert run_cli("lint", str(catalog)).returncode == 0


def test_the_review_is_in_french(catalog: Path) -> None:
    done = run_cli("catalog", "sync-lheo", str(FEED), "--catalog", str(catalog), "--lang", "fr")
    assert done.returncode == 0
    assert "Flux LHÉO" in done.stdout
    assert "Essai à blanc : rien n'est écrit." in done.stdout
    assert "n'est pas un montant en euros ; cost_eur reste 4200." in done.stdout


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<lheo xmlns='http://lheo.gouv.fr/2.3'><offres>", ":1:"),  # not closed
        (
            '<!DOCTYPE lheo [<!ENTITY a "aaaa">]><lheo xmlns="http://lheo.gouv.fr/2.3"/>',
            "declares a DTD",
        ),
        ("<catalogue/>", "not a LHÉO feed"),
    ],
)
def test_a_bad_feed_is_refused_with_where_and_exit_2(
    catalog: Path, tmp_path: Path, body: str, expected: str
) -> None:
    feed = tmp_path / "bad.xml"
    feed.write_text(body, encoding="utf-8")
    done = run_cli("catalog", "sync-lheo", str(feed), "--catalog", str(catalog))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"pathfinder: error: {feed}:1:")
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_feed_is_bad_input(catalog: Path, tmp_path: Path) -> None:
    done = run_cli("catalog", "sync-lheo", str(tmp_path / "nope.xml"), "--catalog", str(catalog))
    assert done.returncode == 2
    assert f"{tmp_path / 'nope.xml'}: no such file." in done.stderr


def test_a_write_that_would_not_lint_is_refused_with_exit_1(tmp_path: Path) -> None:
    from support.lheo_feeds import CATALOG

    # A job that asks for a level no course grants: PF202, an error of the lint.
    broken = CATALOG.replace("requires: {winding: 1}", "requires: {winding: 3}")
    root = write_catalog(tmp_path / "cat", broken).parent
    before = snapshot(root)
    feed = write_feed(tmp_path / "feed.xml", formation("F-WIND", action("A-CLEON", hours="21")))
    done = run_cli("catalog", "sync-lheo", str(feed), "--catalog", str(root), "--write")
    assert done.returncode == 1
    assert "  hours: 35 → 21\n" in done.stdout  # the review is shown
    assert "Dry run" in done.stdout
    assert "error PF202" in done.stderr
    assert done.stderr.rstrip().endswith(
        "--write refused: the catalog would have 1 error(s) after the sync, listed above;"
        " no file changed."
    )
    assert snapshot(root) == before


def test_feed_text_is_printed_as_inert_data(tmp_path: Path) -> None:
    root = write_catalog(tmp_path / "cat").parent
    feed = write_feed(
        tmp_path / "feed.xml",
        formation("F-X", action("X1"), title="Evil \u009b31mred\u009b0m title", rome=("H2602",)),
    )
    done = run_cli("catalog", "sync-lheo", str(feed), "--catalog", str(root))
    assert done.returncode == 0
    assert "\u009b" not in done.stdout
    assert "F-X/X1  Evil" in done.stdout
    as_json = run_cli("catalog", "sync-lheo", str(feed), "--catalog", str(root), "--format", "json")
    assert "\u009b" not in as_json.stdout  # escaped in the JSON text, the same string once read
    assert json.loads(as_json.stdout)["candidates"][0]["title"] == "Evil \u009b31mred\u009b0m title"


def test_the_installed_command_syncs_the_shipped_feed(catalog: Path) -> None:
    done = run_console_script(
        "catalog", "sync-lheo", str(FEED), "--catalog", str(catalog), "--format", "json"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["missing"] == ["emotor-electrical-tests"]
