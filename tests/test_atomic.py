"""Atomic writes: all or nothing, with the requested permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pathfinder.atomic import write_atomic


def test_writes_with_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    write_atomic(target, "jobs: [welder]\n", mode=0o600)
    assert target.read_text() == "jobs: [welder]\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old")

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]
