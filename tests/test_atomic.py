"""Atomic writes: all or nothing, with the requested permissions."""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from pathfinder.atomic import PUBLIC, name_max, temp_prefix, write_atomic
from pathfinder.errors import PathfinderError, WriteError


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


# --- the policy: what is refused, which mode, which temporary name -------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")


def test_private_is_the_default_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_atomic(target, "<p>personal</p>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
@pytest.mark.parametrize(
    ("existing", "requested", "expected"),
    [
        (0o600, 0o644, 0o600),
        (0o640, 0o644, 0o640),
        (0o644, 0o600, 0o600),
        (0o755, 0o644, 0o644),
        (0o620, 0o600, 0o600),
    ],
)
def test_an_existing_file_never_gains_a_permission_bit(
    tmp_path: Path, existing: int, requested: int, expected: int
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(existing)
    write_atomic(target, "new", mode=requested)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == expected


@posix_only
@pytest.mark.parametrize("mode", [0o444, 0o400, 0o044])
def test_a_read_only_file_is_refused_and_kept(tmp_path: Path, mode: int) -> None:
    # Tests may run as root, for whom os.access always says "writable": the mode bits decide.
    target = tmp_path / "kept.yaml"
    target.write_text("old")
    target.chmod(mode)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, "new")
    assert caught.value.key == "write.read_only" and isinstance(caught.value, PathfinderError)
    assert caught.value.exit_code == 2 and str(target) in caught.value.message("en")
    assert "lecture seule" in caught.value.message("fr")
    target.chmod(0o600)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.yaml"]


@posix_only
def test_a_symlink_is_refused_even_to_a_regular_file(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("target")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(WriteError) as caught:
        write_atomic(link, "new")
    assert caught.value.key == "write.not_regular" and caught.value.params["kind"] == "symlink"
    assert "symbolic link" in caught.value.message(
        "en"
    ) and "lien symbolique" in caught.value.message("fr")
    assert link.is_symlink() and real.read_text() == "target"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]


@posix_only
def test_a_dangling_symlink_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "absent.yaml")
    with pytest.raises(WriteError):
        write_atomic(link, "new")
    assert not (tmp_path / "absent.yaml").exists() and link.is_symlink()


@posix_only
def test_a_fifo_a_directory_and_a_socket_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    directory = tmp_path / "dir"
    directory.mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        sock = tmp_path / "s.sock"
        server.bind(str(sock))
        for path, kind in ((fifo, "fifo"), (directory, "directory"), (sock, "socket")):
            with pytest.raises(WriteError) as caught:
                write_atomic(path, "new")
            assert caught.value.params["kind"] == kind
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISSOCK(os.lstat(sock).st_mode)
    assert list(directory.iterdir()) == []


@posix_only
def test_a_device_is_refused() -> None:
    # Only examined, never opened nor written: the refusal comes before any temporary file.
    with pytest.raises(WriteError) as caught:
        write_atomic("/dev/null", "new")
    assert caught.value.params["kind"] == "device"


def test_dash_writes_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic("-", "jobs: [welder]\n")
    write_atomic(Path("-"), "more\n", mode=PUBLIC)
    assert capsys.readouterr().out == "jobs: [welder]\nmore\n"
    assert list(tmp_path.iterdir()) == []


def test_a_254_character_name_works(tmp_path: Path) -> None:
    target = tmp_path / ("p" * 250 + ".yml")
    assert len(target.name) == 254
    write_atomic(target, "ok")
    assert target.read_text() == "ok"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_long_multibyte_name_works(tmp_path: Path) -> None:
    target = tmp_path / ("é" * 125 + ".yml")  # 254 bytes in UTF-8
    assert len(os.fsencode(target.name)) == 254
    write_atomic(target, "ok")
    assert target.read_text() == "ok"


def test_the_temporary_name_fits_name_max_in_bytes(tmp_path: Path) -> None:
    limit = name_max(tmp_path)
    for name in ("a" * 254, "é" * 127, "x.yaml", "€" * 80 + "a"):
        prefix = temp_prefix(tmp_path / name)
        assert len(os.fsencode(prefix)) + 8 + len(".tmp") <= limit
        assert prefix.startswith(".") and prefix.endswith(".")
        os.fsencode(prefix)  # whole characters only: it encodes without surrogates
        assert not any("\udc80" <= c <= "\udcff" for c in prefix)
    assert temp_prefix(tmp_path / "me.yaml") == ".me.yaml."


def test_a_failed_write_removes_the_temporary_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, "new")
    assert caught.value.key == "write.failed" and "No space left" in caught.value.message("en")
    assert isinstance(caught.value, OSError)  # the cache ignores failed writes as OSErrors
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


def test_a_missing_directory_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "no" / "such" / "me.yaml", "new")
    assert caught.value.key == "write.failed"


@posix_only
def test_the_data_is_never_readable_by_others_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real_replace = os.replace

    def spy(source: str, destination: object) -> None:
        seen.append(stat.S_IMODE(os.lstat(source).st_mode))
        real_replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr("os.replace", spy)
    write_atomic(tmp_path / "me.yaml", "secret", mode=0o600)
    assert seen == [0o600]
