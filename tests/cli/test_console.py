"""Output environments: legacy encodings, a closed, full or broken standard output, odd widths.

The tests drive the real console script in a subprocess, since what is tested is how the
process meets its file descriptors and encodings; only the width, read from ``COLUMNS`` when
the command draws, is checked in-process.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from support.catalogs import COMPLETE_PROFILE
from support.cli import pathfinder_command, run_cli

PLAN = [
    "plan",
    "--from",
    "ice-assembly-operator",
    "--to",
    "battery-pack-assembler",
    "--home",
    "douai",
    "--radius",
    "60",
]
EXPLORE = ["explore", "--from", "ice-assembly-operator", "--home", "douai", "--radius", "60"]
STATS = ["catalog", "stats"]
COMMANDS = {
    "plan": PLAN,
    "plan-json": [*PLAN, "--format", "json"],
    "explore": EXPLORE,
    "stats": STATS,
}


def environment(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "PYTHONIOENCODING")
    }
    env.update({"NO_COLOR": "1", "COLUMNS": "80", **extra})
    return env


def run(
    args: list[str], *, stdout: int | object = subprocess.PIPE, preexec: object = None, **extra: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*pathfinder_command(), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,  # type: ignore[arg-type]
        env=environment(**extra),
        timeout=60,
        preexec_fn=preexec,  # type: ignore[arg-type]
    )


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "anna.yaml"
    path.write_text(json.dumps(COMPLETE_PROFILE), encoding="utf-8")  # JSON is YAML
    return path


@pytest.mark.parametrize(
    ("lang", "command", "encoding"),
    [  # each command, language and encoding twice, in every pairing of two of them
        ("en", "plan", "latin-1"),
        ("fr", "plan", "ascii"),
        ("en", "explore", "ascii"),
        ("fr", "explore", "latin-1"),
        ("fr", "stats", "latin-1"),
        ("en", "stats", "ascii"),
    ],
)
def test_a_legacy_output_encoding_degrades_gracefully(
    encoding: str, command: str, lang: str
) -> None:
    done = run([*COMMANDS[command], "--lang", lang], PYTHONIOENCODING=encoding)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    text = done.stdout.decode(encoding)  # strict: every byte is valid in that encoding
    assert text.strip()


def test_an_ascii_terminal_gets_the_usual_stand_ins() -> None:
    """Euros as EUR, dashes and arrows in ASCII, accents dropped: readable, not a row of '?'."""
    text = run([*PLAN, "--lang", "fr"], PYTHONIOENCODING="ascii").stdout.decode("ascii")
    assert "EUR" in text and "Point de depart" in text and "->" in text
    assert "Point de d?part" not in text
    latin = run([*PLAN, "--lang", "fr"], PYTHONIOENCODING="latin-1").stdout.decode("latin-1")
    assert "Point de départ" in latin and "EUR" in latin  # Latin-1 has é, not €


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_advise_with_a_legacy_output_encoding(encoding: str, profile_file: Path) -> None:
    done = run(["advise", "--profile", str(profile_file)], PYTHONIOENCODING=encoding)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "battery" in done.stdout.decode(encoding).lower()


def close_stdout() -> None:
    os.close(1)


def assert_one_line_output_error(done: subprocess.CompletedProcess[bytes], reason: str) -> None:
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 3, stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.endswith("\n")
    assert stderr == f"pathfinder: error: cannot write the output: {reason}\n"


@pytest.mark.parametrize("command", [*COMMANDS, "show", "version"])
def test_a_closed_stdout_is_exit_3_with_one_line(command: str) -> None:
    args = {"show": ["catalog", "show", "flins"], "version": ["--version"]}.get(
        command
    ) or COMMANDS[command]
    done = run(args, stdout=None, preexec=close_stdout)
    assert_one_line_output_error(done, "Bad file descriptor")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", [*COMMANDS, "show"])
def test_a_full_device_is_exit_3_with_one_line(command: str) -> None:
    args = ["catalog", "show", "flins"] if command == "show" else COMMANDS[command]
    with open("/dev/full", "wb") as full:
        done = run(args, stdout=full)
    assert_one_line_output_error(done, "No space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_the_output_error_is_said_in_french() -> None:
    with open("/dev/full", "wb") as full:
        done = run([*PLAN, "--lang", "fr"], stdout=full)
    assert done.returncode == 3
    assert done.stderr.decode("utf-8").startswith(
        "pathfinder: erreur: impossible d'écrire la sortie : "
    )


@pytest.mark.parametrize("command", ["show", "plan"])
def test_a_broken_pipe_is_exit_3_without_a_traceback(command: str) -> None:
    args = ["catalog", "show", "flins"] if command == "show" else PLAN
    process = subprocess.Popen(
        [*pathfinder_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environment(),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written (like `| head -0`)
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 3
    assert stderr == ""  # quiet, as for other commands in a pipeline


@pytest.mark.parametrize("columns", ["0", "-3", "abc", "", "5", "100000000"])
@pytest.mark.parametrize("command", ["plan", "explore", "stats"])
def test_a_bad_columns_value_still_prints(columns: str, command: str) -> None:
    done = run_cli(*COMMANDS[command], env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert len(text.strip().splitlines()) > 3
    assert max(len(line) for line in text.splitlines()) <= 500
