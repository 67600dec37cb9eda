"""``pathfinder advise`` as a person runs it: the installed console script in a pseudo-terminal
(pexpect), and without a terminal at all."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path

import pexpect
import pytest
import yaml
from support.catalogs import COMPLETE_PROFILE
from support.cli import pathfinder_command, run_cli, run_console_script
from support.html_report_parser import parse_report

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX-only")

DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def spawn(*args: str, term: str = "xterm") -> pexpect.spawn:
    # PROMPT_TOOLKIT_NO_CPR: pexpect answers no cursor-position request, and prompt_toolkit
    # would wait for each reply before drawing (16 s of a 20 s session).
    command = pathfinder_command()
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(
        {
            "NO_COLOR": "1",
            "TERM": term,
            "COLUMNS": "80",
            "LINES": "40",
            "LANG": "C.UTF-8",
            "PROMPT_TOOLKIT_NO_CPR": "1",
        }
    )
    return pexpect.spawn(
        command[0],
        [*command[1:], "advise", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 80),
    )


def complete_profile(path: Path, **fields: object) -> Path:
    """A profile that answers every question of the session (``fields`` override)."""
    path.write_text(yaml.safe_dump({**COMPLETE_PROFILE, **fields}), encoding="utf-8")
    return path


def answer(child: pexpect.spawn, prompt: str, keys: str, typed: bool = False) -> None:
    """Wait for ``prompt``, then press ``keys``. Typed text gets a moment for completion first."""
    child.expect(prompt)
    if typed:
        child.send(keys)
        time.sleep(0.3)
        child.send(ENTER)
    else:
        child.send(keys)


def test_a_new_user_session_end_to_end(tmp_path: Path) -> None:
    profile, report = tmp_path / "me.yaml", tmp_path / "report.html"
    child = spawn("--save-profile", str(profile), "--export", str(report))
    answer(child, "Language", ENTER)
    answer(child, "current or most recent job", "engine assembly", typed=True)
    answer(child, "Another job", ENTER)
    answer(child, "Untick what you lack", ENTER)
    answer(child, "Any other skill", ENTER)
    for _ in range(5):  # the job's multi-level skills: keep the implied levels
        answer(child, "Your level in", ENTER)
    answer(child, "Where do you live", "lens", typed=True)  # a town, not a catalog site
    answer(child, "How far", DOWN + ENTER)  # 60 km
    answer(child, "online courses", ENTER)
    answer(child, "start training", "2027-02-01", typed=True)
    answer(child, "How much time", ENTER)
    answer(child, "pay yourself", ENTER)
    answer(child, "Which funding", " " + ENTER)  # CPF
    answer(child, "What matters most", DOWN * 4 + ENTER)  # the earliest job-ready date
    answer(child, "aiming for", ENTER)
    answer(child, "Which job", "pack assembler", typed=True)
    answer(child, "Compute my path", ENTER)
    child.expect(pexpect.EOF)
    child.close()
    printed = child.before or ""
    assert child.exitstatus == 0, printed[-2000:]
    assert "Path 1" in printed and "(pack-assembly)" in printed and "Total:" in printed
    assert "Traceback" not in printed

    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert saved["jobs"] == ["ice-assembly-operator"]
    home = saved["home"]  # what was typed and where it was placed, for an identical replay
    assert (home["query"], home["kind"], home["name"]) == ("lens", "commune", "Lens")
    assert (home["postal_code"], home["insee"]) == ("62300", "62498")
    assert saved["mobility_km"] == 60 and saved["funding"] == ["cpf"]
    assert saved["start"] == "2027-02-01" and saved["optimize"] == "finish"
    assert saved["targets"] == ["battery-pack-assembler"]
    assert "Lens (62300)" in printed  # the review screen shows the resolved commune
    assert "job-ready on" in printed
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600

    parser = parse_report(report.read_text(encoding="utf-8"))
    assert "svg" in parser.tags and "pack-assembly" in parser.bars
    assert len(parser.bars) == len(set(parser.bars)) >= 2


def test_ctrl_c_mid_session_saves_the_answers_so_far(tmp_path: Path) -> None:
    profile = tmp_path / "partial.yaml"
    child = spawn("--save-profile", str(profile), "--lang", "fr")
    answer(child, "métier actuel", "montage moteur", typed=True)
    answer(child, "Un autre métier", ENTER)
    child.expect("Décochez")
    child.send(CTRL_C)
    child.expect(pexpect.EOF)
    child.close()
    printed = child.before or ""
    assert child.exitstatus == 130, printed[-2000:]
    assert "Au revoir" in printed and "Traceback" not in printed
    saved = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert saved == {"lang": "fr", "jobs": ["ice-assembly-operator"]}
    assert stat.S_IMODE(profile.stat().st_mode) == 0o600


def test_replay_from_a_complete_profile_on_a_dumb_terminal(tmp_path: Path) -> None:
    profile = complete_profile(tmp_path / "me.yaml")
    export = tmp_path / "report.json"
    child = spawn("--profile", str(profile), "--export", str(export), term="dumb")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, (child.before or "")[-2000:]
    document = json.loads(export.read_text(encoding="utf-8"))
    assert document["status"] == "ok" and document["profile"]["home"] == "douai"


def test_without_a_terminal_missing_answers_fail_at_once(tmp_path: Path) -> None:
    profile = tmp_path / "partial.yaml"
    profile.write_text("jobs: [ice-assembly-operator]\nhome: douai\n", encoding="utf-8")
    started = time.monotonic()
    result = run_console_script("advise", "--profile", str(profile), "--lang", "en", timeout=20)
    assert (
        time.monotonic() - started < 10
    )  # a generous bound for a loaded CI machine; it fails at once
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) <= 2
    for field in (
        "skills",
        "mobility_km",
        "online",
        "max_hours|max_weeks",
        "budget_eur",
        "funding",
        "targets",
    ):
        assert field in message
    assert "lang" not in message.split(":", 2)[-1].replace("language", "")


def test_without_a_terminal_a_complete_profile_runs(tmp_path: Path) -> None:
    profile = complete_profile(tmp_path / "me.yaml", lang="fr", funding=[])
    result = run_cli("advise", "--profile", str(profile), "--export", str(tmp_path / "r.md"))
    assert result.returncode == 0, result.stderr
    assert "Parcours 1" in result.stdout
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("#")
