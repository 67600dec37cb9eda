"""Every file the commands write goes through one writer (pathfinder.atomic): reports and profiles
are private (0600), an existing file never gains a permission bit, anything but a writable regular
file is refused (exit 2, untouched), ``-`` is standard output, and a write is all or nothing. The
real console script, with no terminal."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.catalogs import COMPLETE_PROFILE
from support.cli import pathfinder_command, run_cli, run_console_script

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(yaml.safe_dump(COMPLETE_PROFILE), encoding="utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_line_refusal(result: subprocess.CompletedProcess[str], path: Path, why: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and str(path) in message and why in message


# --- reports and profiles: private ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.html", "report.json"])
def test_an_export_is_private(tmp_path: Path, profile: Path, name: str) -> None:
    export = tmp_path / name
    result = run_cli("advise", "--profile", str(profile), "--export", str(export))
    assert result.returncode == 0, result.stderr
    assert mode(export) == 0o600


@pytest.mark.parametrize(
    ("existing", "expected"),
    [(0o600, 0o600), (0o640, 0o600), (0o644, 0o600), (0o400 | 0o200, 0o600)],
)
def test_an_existing_export_never_becomes_wider_than_private(
    tmp_path: Path, profile: Path, existing: int, expected: int
) -> None:
    export = tmp_path / "report.md"
    export.write_text("old")
    export.chmod(existing)
    result = run_cli("advise", "--profile", str(profile), "--export", str(export))
    assert result.returncode == 0, result.stderr
    assert mode(export) == expected and export.read_text(encoding="utf-8").startswith("#")


def test_a_read_only_export_is_refused_before_any_question(tmp_path: Path, profile: Path) -> None:
    export = tmp_path / "report.html"
    export.write_text("kept")
    export.chmod(0o444)
    result = run_cli("advise", "--profile", str(profile), "--export", str(export))
    one_line_refusal(result, export, "read-only")
    assert result.stdout == ""  # refused before the session ran
    assert export.read_text() == "kept" and mode(export) == 0o444


def test_save_profile_to_a_symlink_is_refused_and_its_target_untouched(
    tmp_path: Path, profile: Path
) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("target\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    result = run_cli(
        "advise", "--profile", str(profile), "--save-profile", str(link), "--lang", "fr"
    )
    one_line_refusal(result, link, "lien symbolique")
    assert link.is_symlink() and real.read_text() == "target\n"


def test_save_profile_dash_writes_the_yaml_to_standard_output(
    tmp_path: Path, profile: Path
) -> None:
    result = run_cli("advise", "--profile", str(profile), "--save-profile", "-")
    assert result.returncode == 0, result.stderr
    saved = yaml.safe_load(result.stdout)
    assert saved["home"] == "douai" and saved["targets"] == ["battery-pack-assembler"]
    assert "battery-pack-assembler" in result.stderr  # the session itself went to standard error
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_export_dash_needs_a_format_then_writes_the_report_to_standard_output(
    profile: Path,
) -> None:
    missing = run_cli("advise", "--profile", str(profile), "--export", "-")
    assert missing.returncode == 2 and "--export-format" in missing.stderr and missing.stdout == ""
    result = run_cli(
        "advise", "--profile", str(profile), "--export", "-", "--export-format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["profile"]["home"] == "douai"
    both = run_cli(
        "advise",
        "--profile",
        str(profile),
        "--export",
        "-",
        "--export-format",
        "md",
        "--save-profile",
        "-",
    )
    assert both.returncode == 2 and both.stdout == ""


def test_a_254_character_profile_name_works(tmp_path: Path, profile: Path) -> None:
    saved = tmp_path / ("p" * 249 + ".yaml")
    result = run_cli("advise", "--profile", str(profile), "--save-profile", str(saved))
    assert result.returncode == 0, result.stderr
    assert (
        yaml.safe_load(saved.read_text(encoding="utf-8"))["home"] == "douai"
        and mode(saved) == 0o600
    )


# --- catalog graph -o ---------------------------------------------------------------------------


def test_graph_output_through_a_symlink_is_refused(tmp_path: Path, mini_catalog: Path) -> None:
    real = tmp_path / "notes.txt"
    real.write_text("precious\n")
    link = tmp_path / "graph.dot"
    link.symlink_to(real)
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", str(link))
    one_line_refusal(result, link, "symbolic link")
    assert real.read_text() == "precious\n" and link.is_symlink()


def test_graph_output_to_a_fifo_is_refused_without_blocking(
    tmp_path: Path, mini_catalog: Path
) -> None:
    fifo = tmp_path / "graph.dot"
    os.mkfifo(fifo)
    result = run_console_script(
        "catalog", "graph", "--catalog", str(mini_catalog), "-o", str(fifo), timeout=30
    )
    one_line_refusal(result, fifo, "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_graph_output_to_a_device_is_refused(mini_catalog: Path) -> None:
    # /dev/null is only examined (lstat), never opened: the refusal comes first.
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", "/dev/null")
    one_line_refusal(result, Path("/dev/null"), "device")


def test_graph_output_to_a_read_only_file_is_refused(tmp_path: Path, mini_catalog: Path) -> None:
    out = tmp_path / "graph.dot"
    out.write_text("kept")
    out.chmod(0o400)
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", str(out))
    one_line_refusal(result, out, "read-only")
    assert out.read_text() == "kept"


@pytest.mark.parametrize(("existing", "expected"), [(None, 0o644), (0o600, 0o600), (0o640, 0o640)])
def test_graph_output_never_widens_an_existing_mode(
    tmp_path: Path, mini_catalog: Path, existing: int | None, expected: int
) -> None:
    out = tmp_path / "graph.dot"
    if existing is not None:
        out.write_text("old")
        out.chmod(existing)
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("digraph") and mode(out) == expected


def test_graph_output_dash_is_standard_output(tmp_path: Path, mini_catalog: Path) -> None:
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout == run_cli("catalog", "graph", "--catalog", str(mini_catalog)).stdout
    assert result.stdout.startswith("digraph")


def test_graph_output_with_a_254_character_name(tmp_path: Path, mini_catalog: Path) -> None:
    out = tmp_path / ("g" * 250 + ".dot")
    result = run_cli("catalog", "graph", "--catalog", str(mini_catalog), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("digraph")
    assert [p.name for p in tmp_path.iterdir() if p.name != mini_catalog.name] == [out.name]


def _small_file_limit() -> None:
    """In the child: files may not grow past 100 bytes (the write fails with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))


def test_graph_output_is_all_or_nothing(tmp_path: Path, mini_catalog: Path) -> None:
    out = tmp_path / "graph.dot"
    out.write_text("old graph\n")
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [
            *pathfinder_command(),
            "catalog",
            "graph",
            "--no-cache",
            "--catalog",
            str(mini_catalog),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"},
        stdin=subprocess.DEVNULL,
        timeout=60,
        preexec_fn=_small_file_limit,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "cannot write" in result.stderr and str(out) in result.stderr
    assert out.read_text() == "old graph\n"  # the old file, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [out.name, mini_catalog.name]
    )  # no temporary file


def test_in_a_terminal_save_profile_dash_keeps_the_session_off_standard_output(
    tmp_path: Path, profile: Path
) -> None:
    import shlex

    import pexpect

    out = tmp_path / "out.yaml"
    command = " ".join(shlex.quote(part) for part in pathfinder_command())
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env.update({"NO_COLOR": "1", "TERM": "xterm", "LANG": "C.UTF-8"})
    child = pexpect.spawn(
        "/bin/sh",
        [
            "-c",
            f"{command} advise --profile {shlex.quote(str(profile))} --save-profile - > {shlex.quote(str(out))}",
        ],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 80),
    )
    child.expect("Export the report")  # the questions are on the terminal, not in the file
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, (child.before or "")[-2000:]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Pathfinder profile") and yaml.safe_load(text)["home"] == "douai"
    assert "Export the report" not in text and "Total" not in text
