"""Bounded, checked input: every number has a range, files are read only when regular and small,
unreadable directories are reported, huge input is never echoed nor searched whole.

Each test here failed on the code before the fix: an OverflowError or ValueError traceback, a read
of a 3 GB file or of /dev/zero, a FIFO blocking forever, a silently skipped directory, a graph walk
that never ended, a 1 MB id echoed on stderr.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import time
from pathlib import Path

import pytest
from support import ROOT
from support.catalogs import MINI_CATALOG
from support.cli import run_cli, run_console_script

from pathfinder import boundedread
from pathfinder.boundedread import FileTooLargeError, NotRegularFileError, read_bounded
from pathfinder.errors import PathfinderError, UnknownIdError
from pathfinder.limits import LEVEL_MAX, PROFILE_RANGES
from pathfinder.loader import check_catalog, discover, loads_catalog
from pathfinder.profile import load_profile, profile_from_data
from pathfinder.schema import FIELDS, json_schema
from pathfinder.textsearch import suggest

HUGE = "9" * 400
"""400 digits: int() takes it, float() of that int raises OverflowError."""
HUGER = "1" + "0" * 5000
"""More than 4,300 digits: int() itself raises ValueError."""

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def errors_of(text: str, tmp_path: Path) -> list[tuple[str, int, int, str, str]]:
    path = tmp_path / "cat.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_catalog(path, use_cache=False)
    return [(Path(d.path).name, d.line, d.column, d.code, d.message) for d in result.errors]


# -- 4. numbers: every one has a range -------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hours: 35\n", f"hours: {HUGE}\n"),
        ("cost_eur: 600\n", f"cost_eur: {HUGE}\n"),
        ("weeks: 0.6\n", f"weeks: {HUGE}.5\n"),
        ("hours: 35\n", f"hours: {HUGER}\n"),
        ("hours: 35\n", "hours: 1e400\n"),
        ("hours: 35\n", f"hours: 0x{'f' * 5000}\n"),
        ("hours: 35\n", "hours: 10001\n"),
        ("cost_eur: 600\n", "cost_eur: 1000001\n"),
        ("weeks: 1\n", "weeks: 521\n"),
        ("lat: 48.965", f"lat: {HUGE}"),
        ("lon: 1.035", f"lon: -{HUGE}"),
        ("max_level: 2}", f"max_level: {HUGE}}}"),
        ("max_level: 2}", "max_level: 11}"),
        ("requires: {torque-tooling: 2}", f"requires: {{torque-tooling: {HUGE}}}"),
        ("requires: {torque-tooling: 2}", f"requires: {{torque-tooling: {HUGER}}}"),
        ("requires: {torque-tooling: 2}", "requires: {torque-tooling: 0x10}"),
        ("openings: {flins: 12}", f"openings: {{flins: {HUGE}}}"),
        ("openings: {flins: 12}", "openings: {flins: 1000001}"),
        ("grants: {hv-safety-b2l: 1}", f"grants: {{hv-safety-b2l: {HUGE}}}"),
    ],
)
def test_out_of_range_numbers_are_pf104_at_their_place(old: str, new: str, tmp_path: Path) -> None:
    text = MINI_CATALOG.replace(old, new, 1)
    line = MINI_CATALOG[: MINI_CATALOG.index(old)].count("\n") + 1
    assert text != MINI_CATALOG
    found = errors_of(text, tmp_path)
    assert [(name, where, code) for name, where, _, code, _ in found] == [
        ("cat.yaml", line, "PF104")
    ], found
    message = found[0][4]
    assert "out of range" in message
    assert len(message) < 200  # the value is cut, not echoed with its hundreds of digits


def test_nan_and_inf_are_not_numbers(tmp_path: Path) -> None:
    for value in (".nan", ".inf", "-.inf"):
        found = errors_of(MINI_CATALOG.replace("hours: 35\n", f"hours: {value}\n"), tmp_path)
        assert [code for *_, code, _ in found] == ["PF103"], (value, found)


def test_numbers_at_the_bounds_are_accepted() -> None:
    text = (
        MINI_CATALOG.replace("hours: 35\n", "hours: 10000\n")
        .replace("weeks: 1\n", "weeks: 520\n")
        .replace("cost_eur: 600\n", "cost_eur: 1000000\n")
        .replace("lat: 48.965", "lat: -90")
        .replace("lon: 1.873", "lon: 180")
        .replace("max_level: 2}", f"max_level: {LEVEL_MAX}}}")
        .replace("openings: {flins: 12}", "openings: {flins: 1000000}")
    )
    catalog = loads_catalog(text)
    assert catalog.courses["electrical-upgrade"].hours == 10000
    assert catalog.skills["electrical-basics"].max_level == LEVEL_MAX


def test_huge_numbers_end_in_a_lint_report_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "cat.yaml"
    path.write_text(
        MINI_CATALOG.replace("hours: 35\n", f"hours: {HUGE}\n").replace(
            "lat: 48.965", f"lat: {HUGE}"
        ),
        encoding="utf-8",
    )
    lint = run_cli("lint", str(path))
    assert lint.returncode == 1, lint.stderr
    assert "Traceback" not in lint.stdout + lint.stderr
    assert lint.stdout.count("PF104") == 2
    plan = run_cli("plan", "--catalog", str(path), "--to", "ev-technician")
    assert plan.returncode == 2 and "Traceback" not in plan.stderr and "PF104" in plan.stderr


def test_every_numeric_field_has_both_bounds_in_the_json_schema() -> None:
    schema = json_schema()
    numeric = {"int", "number", "levels", "levels-list", "counts"}
    checked = 0
    for kind, fields in FIELDS.items():
        for field in fields:
            if field.type not in numeric:
                continue
            assert field.minimum is not None and field.maximum is not None, (kind, field.name)
            entry = schema["properties"][kind]  # type: ignore[index]
            properties = entry["properties"] if kind == "catalog" else entry["items"]["properties"]
            node = properties[field.name]
            if field.type == "levels-list":
                node = node["items"]
            if field.type in ("levels", "levels-list", "counts"):
                node = node["additionalProperties"]
            assert node["maximum"] == field.maximum, (kind, field.name)
            assert "minimum" in node or "exclusiveMinimum" in node, (kind, field.name)
            checked += 1
    assert checked >= 12


def test_committed_schema_and_docs_state_the_ranges() -> None:
    root = ROOT
    committed = json.loads((root / "docs" / "catalog.schema.json").read_text(encoding="utf-8"))
    course = committed["properties"]["courses"]["items"]["properties"]
    assert course["hours"]["maximum"] == 10_000 and course["cost_eur"]["maximum"] == 1_000_000
    doc = (root / "docs" / "catalog-format.md").read_text(encoding="utf-8")
    for needle in ("10,000", "1,000,000", "520", "−90 to 90", "−180 to 180"):
        assert needle in doc


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (f"max_hours: {HUGE}\n", "p.yaml:2:12: max_hours: expected a number from 0 to 1000000"),
        (f"mobility_km: {HUGER}\n", "p.yaml:2:14: mobility_km: expected a number from 0 to 20000"),
        ("mobility_km: 20001\n", "p.yaml:2:14: mobility_km"),
        ("budget_eur: .inf\n", "p.yaml:2:13: budget_eur"),
        ("max_weeks: .nan\n", "p.yaml:2:12: max_weeks"),
        (
            f"skills: {{plc: {HUGE}}}\n",
            "p.yaml:2:15: skills.plc: expected a level (a whole number from 0 to 10)",
        ),
        ("skills: {plc: 11}\n", "p.yaml:2:15: skills.plc"),
        (f"home: {{lat: {HUGE}, lon: 2}}\n", "p.yaml:2:13: home: latitude 999"),
        (f"home: {{lat: 50, lon: -{HUGER}}}\n", "p.yaml:2:22: home: longitude -1000"),
        ("home: {lat: 50, lon: 181}\n", "home: longitude 181.0 is out of range"),
    ],
)
def test_profile_numbers_have_ranges_and_positions(text: str, needle: str, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("jobs: [a]\n" + text, encoding="utf-8")
    with pytest.raises(PathfinderError) as info:
        load_profile(path)
    message = info.value.message("en")
    assert needle in message, message
    assert len(message) < 200
    assert info.value.message("fr")


def test_profile_ranges_hold_for_library_data_too() -> None:
    for name, (low, high) in PROFILE_RANGES.items():
        assert getattr(profile_from_data({name: high}), name) == high
        assert getattr(profile_from_data({name: low}), name) == low
        for bad in (high + 1, 10**400, float("inf"), float("nan"), -1):
            with pytest.raises(PathfinderError, match=name):
                profile_from_data({name: bad})


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--to", "x", "--radius", HUGE),
        ("plan", "--to", "x", "--max-hours", HUGE),
        ("plan", "--to", "x", "--max-weeks", "1e400"),
        ("plan", "--to", "x", "--budget", HUGE),
        ("plan", "--to", "x", "--time-limit", HUGE),
        ("plan", "--to", "x", "--alternatives", HUGE),
        ("explore", "--top", HUGE),
        ("catalog", "graph", "--around", "x", "--depth", "1000000000000"),
        ("catalog", "graph", "--around", "x", "--depth", HUGER),
    ],
)
def test_huge_flag_values_are_usage_errors(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "--help" in lines[1], result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr) < 300


def test_flag_ranges_are_said_in_french() -> None:
    result = run_cli("plan", "--to", "x", "--radius", "20001", env={"LANG": "fr_FR.UTF-8"})
    assert result.returncode == 2
    assert (
        "valeur incorrecte pour --radius : une valeur d'au plus 20000 est attendue."
        in result.stderr
    )


# -- 6. files: regular, and bounded before reading ------------------------------------------------


@pytest.mark.timeout(30)
def test_a_3gb_sparse_file_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "cat"
    directory.mkdir()
    with open(directory / "big.yaml", "wb") as handle:
        handle.truncate(3 * 2**30)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        reads.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(boundedread.os, "read", counting_read)
    result = check_catalog(directory, use_cache=False)
    assert [(d.path, d.code) for d in result.errors] == [(str(directory / "big.yaml"), "PF004")]
    assert "3072.0 MB" in result.errors[0].message
    assert reads == []


@pytest.mark.timeout(30)
def test_a_sparse_file_among_good_ones_is_reported_by_lint(tmp_path: Path) -> None:
    directory = tmp_path / "cat"
    directory.mkdir()
    (directory / "mini.yaml").write_text(MINI_CATALOG, encoding="utf-8")
    with open(directory / "zz.yaml", "wb") as handle:
        handle.truncate(3 * 2**30)
    result = run_cli("lint", str(directory))
    assert result.returncode == 1
    assert "zz.yaml:1:1: error PF004" in result.stdout
    assert (
        result.stdout.splitlines()[-1] == "1 error, 0 warnings in 2 files"
    )  # the file not read counts


def test_a_file_that_grows_while_read_is_still_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.yaml"
    path.write_bytes(b"x" * 1000)
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:  # the size when it was checked
        info = real_fstat(fd)
        fields = list(info)
        fields[stat.ST_SIZE] = 5
        return os.stat_result(fields)

    monkeypatch.setattr(boundedread.os, "fstat", small_fstat)
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(
        boundedread.os, "read", lambda fd, size: reads.append(size) or real_read(fd, size)
    )
    with pytest.raises(FileTooLargeError) as info:
        read_bounded(path, 10)
    assert info.value.size == 11
    assert sum(reads) <= 11


def test_read_bounded_reads_regular_files_and_links_to_them(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"abc")
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert read_bounded(path, 3) == b"abc"
    assert read_bounded(link, 3) == b"abc"
    with pytest.raises(FileTooLargeError):
        read_bounded(path, 2)
    with pytest.raises(NotRegularFileError) as info:
        read_bounded(tmp_path, 100)
    assert info.value.kind == "directory"


@needs_fifo
@pytest.mark.timeout(30)
def test_a_fifo_swapped_in_after_the_stat_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race: the path was a regular file at ``os.stat``, is a FIFO at ``os.open``."""
    regular = tmp_path / "regular.yaml"
    regular.write_bytes(b"a: 1\n")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(boundedread.os, "stat", lambda name, *a, **k: real_stat(regular))
    with pytest.raises(NotRegularFileError) as info:
        read_bounded(fifo, 100)
    assert info.value.kind == "fifo"


@needs_fifo
def test_fifo_profile_and_catalog_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "me.yaml"
    os.mkfifo(fifo)
    plan = run_console_script("plan", "--to", "x", "--profile", str(fifo), timeout=30)
    assert plan.returncode == 2
    assert "me.yaml:1:1: error PF010" in plan.stderr and "named pipe (FIFO)" in plan.stderr
    lint = run_console_script("lint", str(fifo), timeout=30)
    assert lint.returncode == 2 and "PF010" in lint.stdout + lint.stderr
    stats = run_console_script("catalog", "stats", "--catalog", str(fifo), timeout=30)
    assert stats.returncode == 2 and "named pipe" in stats.stderr


@needs_fifo
def test_a_fifo_in_a_catalog_directory_is_reported(tmp_path: Path) -> None:
    directory = tmp_path / "cat"
    directory.mkdir()
    (directory / "mini.yaml").write_text(MINI_CATALOG, encoding="utf-8")
    os.mkfifo(directory / "extra.yaml")
    result = check_catalog(directory, use_cache=False)
    assert [(Path(d.path).name, d.code) for d in result.errors] == [("extra.yaml", "PF010")]
    assert "named pipe" in result.errors[0].message_in("en") and "tube nommé" in result.errors[
        0
    ].message_in("fr")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_profile_is_refused() -> None:
    result = run_cli("plan", "--to", "x", "--profile", "/dev/zero")
    assert result.returncode == 2
    assert "/dev/zero:1:1: error PF010" in result.stderr and "character device" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_directory_given_as_profile_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PathfinderError, match="is a directory"):
        load_profile(tmp_path)


# -- 7. directories: nothing goes missing silently; hidden entries are not the catalog ------------


def split_catalog(root: Path) -> None:
    """MINI_CATALOG in two files: everything but the courses, and the courses in ``sub/``."""
    head, courses = MINI_CATALOG.split("courses:\n")
    root.mkdir(parents=True, exist_ok=True)
    (root / "main.yaml").write_text(head, encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "courses.yaml").write_text("courses:\n" + courses, encoding="utf-8")


def test_an_unreadable_subdirectory_is_pf010(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "cat"
    split_catalog(root)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)).name == "sub":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = check_catalog(root, use_cache=False)
    assert result.catalog is None
    assert [(d.path, d.line, d.code) for d in result.errors] == [(str(root / "sub"), 1, "PF010")]
    assert "cannot read the directory: Permission denied" in result.errors[0].message
    with pytest.raises(PermissionError):
        discover(root)  # without a list to collect them, listing errors raise


def test_an_unreadable_root_directory_is_pf010_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "cat"
    split_catalog(root)

    def scandir(path: object = ".") -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    result = check_catalog(root, use_cache=False)
    assert [(d.path, d.code) for d in result.errors] == [(str(root), "PF010")]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads a chmod 000 directory"
)
def test_an_unreadable_subdirectory_fails_the_lint(
    tmp_path: Path,
) -> None:  # pragma: no cover - not as root
    root = tmp_path / "cat"
    split_catalog(root)
    (root / "sub").chmod(0)
    try:
        result = run_cli("lint", str(root))
    finally:
        (root / "sub").chmod(0o755)
    assert result.returncode == 2  # an unreadable path, as for an unreadable file
    assert "sub:1:1: error PF010" in result.stdout


def test_hidden_entries_are_not_part_of_a_catalog_directory(tmp_path: Path) -> None:
    root = tmp_path / ".catalog"  # the root itself may be hidden
    split_catalog(root)
    (root / ".git").mkdir()
    (root / ".git" / "broken.yaml").write_text("courses: [\n", encoding="utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (root / "sub" / ".hidden.yaml").write_text("{", encoding="utf-8")
    assert [p.relative_to(root).as_posix() for p in discover(root)] == [
        "main.yaml",
        "sub/courses.yaml",
    ]
    result = check_catalog(root, use_cache=False)
    assert result.errors == () and result.catalog is not None
    assert len(result.catalog.courses) == 2


def test_symlinked_directories_are_followed_once_and_loops_end(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    split_catalog(root)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    files = [p.relative_to(root).as_posix() for p in discover(root)]
    assert files == ["again/courses.yaml", "main.yaml"]  # sub/ is the same directory as again/
    assert check_catalog(root, use_cache=False).errors == ()


def test_a_broken_link_named_yaml_is_still_reported(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    split_catalog(root)
    (root / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (root / "self.yaml").symlink_to(root / "self.yaml")
    result = check_catalog(root, use_cache=False)
    assert [(Path(d.path).name, d.code) for d in result.errors] == [
        ("gone.yaml", "PF010"),
        ("self.yaml", "PF010"),
    ]


# -- 9. graph walks end; huge input is neither echoed nor searched whole --------------------------


@pytest.mark.timeout(20)
def test_a_huge_depth_ends_when_nothing_is_left_to_visit() -> None:
    from pathfinder.graph import build_graph, neighbourhood

    graph = build_graph(loads_catalog(MINI_CATALOG))
    started = time.monotonic()
    everything = neighbourhood(graph, "hv-b2l", 10**12)
    assert time.monotonic() - started < 10
    assert set(everything.nodes) == set(neighbourhood(graph, "hv-b2l", 50).nodes)


@pytest.mark.timeout(20)
def test_a_1mb_unknown_id_is_cut_and_not_searched() -> None:
    from pathfinder.graph import build_graph, neighbourhood

    huge = "x" * 2**20 + "\x1b[2J"
    assert suggest(huge, ["x", "xx"]) == []
    with pytest.raises(UnknownIdError) as info:
        neighbourhood(build_graph(loads_catalog(MINI_CATALOG)), huge, 1)
    for lang in ("en", "fr"):
        message = info.value.message(lang)
        assert len(message) < 200 and "\x1b" not in message


def test_a_1mb_unknown_id_in_a_profile_is_cut_on_stderr(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("targets: [" + "x" * 2**20 + "]\n", encoding="utf-8")
    started = time.monotonic()
    result = run_cli("plan", "--profile", str(profile))
    assert time.monotonic() - started < 25
    assert result.returncode == 2
    assert len(result.stderr.encode()) < 300, result.stderr[:500]
    assert "unknown job 'xxx" in result.stderr


def test_long_unknown_ids_and_values_on_the_command_line_are_cut() -> None:
    long = "y" * 100_000  # near the longest single argument Linux allows
    for args in (
        ("catalog", "graph", "--around", long),
        ("catalog", "show", long),
        ("plan", "--to", "x", "--optimize", long),
        ("plan", "--to", "x", "--home", "1," + long),
        ("plan", "--to", "x", "--skill", "a=" + long),
        ("lint", "--select", "PF" + long),
        ("lint", "--explain", long),
    ):
        result = run_cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.encode()) < 300, (args, result.stderr[:500])
