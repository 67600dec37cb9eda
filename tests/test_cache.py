"""The catalog cache: never runs a planted entry, refuses what others could write, stays bounded,
and ``pathfinder cache info|clear``."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import warnings
from pathlib import Path

import pytest
from support.catalogs import MINI_CATALOG
from support.cli import run_cli

import pathfinder.loader as loader
from pathfinder import cache
from pathfinder.loader import load_catalog, loads_catalog


@pytest.fixture(autouse=True)
def _fresh_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test is a new process as far as the once-per-process warning goes."""
    monkeypatch.setattr(cache, "_off", None)


def cache_path() -> Path:
    return Path(os.environ["PATHFINDER_CACHE_DIR"])


def key_path() -> Path:
    return Path(os.environ["XDG_STATE_HOME"]) / "pathfinder" / "cache.key"


def loader_key(path: Path) -> str:
    """The key the loader uses for a one-file catalog."""
    return cache.cache_key([(str(path.resolve()), hashlib.sha256(path.read_bytes()).hexdigest())])


class Payload:
    """Unpickling this creates ``marker``: what an attacker's entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = loader.check_parsed

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "check_parsed", counting)
    return calls


def entries() -> list[str]:
    return sorted(p.name for p in cache_path().iterdir() if p.name.endswith(".pfcache"))


# --- (a) a planted entry never runs -------------------------------------------------------------


@pytest.mark.parametrize("form", ["wrong-hmac", "raw-pickle", "legacy-name", "no-key-yet"])
def test_a_planted_entry_is_never_unpickled(form: str, mini_catalog: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = pickle.dumps(("x", (Payload(marker), ())))
    key = loader_key(mini_catalog)
    if form != "no-key-yet":
        cache.write("0" * 64, "creates the directory and the key")
    cache_path().mkdir(exist_ok=True)
    if form in ("wrong-hmac", "no-key-yet"):
        data = cache.HEADER.pack(cache.MAGIC, cache.FORMAT, b"\0" * 32) + payload
        (cache_path() / cache.entry_name(key)).write_bytes(data)
    elif form == "raw-pickle":
        (cache_path() / cache.entry_name(key)).write_bytes(payload)
    else:  # the name format 1 used
        (cache_path() / f"{key}.pickle").write_bytes(payload)
    catalog = load_catalog(mini_catalog)
    assert not marker.exists()
    assert catalog.sha256 == loads_catalog(MINI_CATALOG).sha256 and catalog.info.name == "Mini"
    # The unauthentic entry was replaced by a genuine one, which is then served.
    assert load_catalog(mini_catalog) == catalog
    assert not marker.exists()


def test_the_payload_used_above_is_live(tmp_path: Path) -> None:
    """A control: unpickled naively, the planted payload does create its marker."""
    marker = tmp_path / "pwned"
    pickle.loads(pickle.dumps(Payload(marker))).close()
    assert marker.exists()


def test_an_entry_from_another_key_or_tampered_with_is_a_miss(
    mini_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(mini_catalog)
    entry = cache_path() / cache.entry_name(loader_key(mini_catalog))
    genuine = entry.read_bytes()
    # Copied from someone else's cache: the same bytes under another user's key do not verify.
    cache._keys.clear()
    key_path().write_bytes(b"k" * 32)
    calls = count_parses(monkeypatch)
    entry.write_bytes(genuine)
    load_catalog(mini_catalog)
    assert calls == [1]
    # One byte changed in the payload of an entry made with the right key.
    tampered = bytearray(entry.read_bytes())
    tampered[-5] ^= 1
    entry.write_bytes(bytes(tampered))
    load_catalog(mini_catalog)
    assert calls == [1, 1]
    # Moved under another key: the key is authenticated too.
    other = "f" * 64
    (cache_path() / cache.entry_name(other)).write_bytes(entry.read_bytes())
    assert cache.read(other) is None
    assert not (cache_path() / cache.entry_name(other)).exists()  # an unauthentic entry is removed


# --- (b) what others could write is refused, once, and loading still works ------------------------


def assert_refused_once(
    mini_catalog: Path, caught: list[warnings.WarningMessage], reason: str
) -> None:
    cache_warnings = [w for w in caught if issubclass(w.category, cache.CacheWarning)]
    assert len(cache_warnings) == 1
    message = str(cache_warnings[0].message)
    assert message.startswith("ignoring the cache: ") and reason in message


def test_a_world_writable_directory_is_refused(
    mini_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.chmod(cache_path(), 0o777)
    calls = count_parses(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = load_catalog(mini_catalog)
        second = load_catalog(mini_catalog)
    assert first == second and first.info.name == "Mini"
    assert calls == [1, 1]  # no cache: parsed twice
    assert_refused_once(
        mini_catalog, caught, f"{cache_path()}: other users can write to it (mode 0777)"
    )
    assert list(cache_path().iterdir()) == []
    assert not key_path().exists()
    os.chmod(cache_path(), 0o700)  # fixed, but this process has turned the cache off
    load_catalog(mini_catalog)
    assert calls == [1, 1, 1] and list(cache_path().iterdir()) == []


def test_a_group_writable_directory_is_refused(mini_catalog: Path) -> None:
    os.chmod(cache_path(), 0o770)
    with pytest.warns(cache.CacheWarning, match="mode 0770"):
        load_catalog(mini_catalog)
    assert list(cache_path().iterdir()) == []


def test_a_directory_of_another_user_is_refused(
    mini_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(mini_catalog)  # a genuine entry, made while we were its owner
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    calls = count_parses(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_catalog(mini_catalog).info.name == "Mini"
        load_catalog(mini_catalog)
    assert calls == [1, 1]
    assert_refused_once(mini_catalog, caught, f"it belongs to another user (uid {real})")


def test_a_symlinked_directory_or_entry_is_refused(
    mini_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_dir = tmp_path / "elsewhere"
    real_dir.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real_dir)
    monkeypatch.setenv("PATHFINDER_CACHE_DIR", str(link))
    with pytest.warns(cache.CacheWarning, match="it is a symbolic link"):
        load_catalog(mini_catalog)
    assert list(real_dir.iterdir()) == []

    monkeypatch.setenv("PATHFINDER_CACHE_DIR", str(real_dir))
    monkeypatch.setattr(cache, "_off", None)
    load_catalog(mini_catalog)
    entry = real_dir / cache.entry_name(loader_key(mini_catalog))
    target = tmp_path / "target"
    entry.rename(target)
    entry.symlink_to(target)
    calls = count_parses(monkeypatch)
    with pytest.warns(cache.CacheWarning, match="it is a symbolic link"):
        load_catalog(mini_catalog)
    assert calls == [1]


def test_a_key_others_can_read_is_refused(
    mini_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(mini_catalog)
    cache._keys.clear()
    os.chmod(key_path(), 0o644)
    calls = count_parses(monkeypatch)
    with pytest.warns(
        cache.CacheWarning, match=r"cache\.key: other users can read it \(mode 0644\)"
    ):
        load_catalog(mini_catalog)
    assert calls == [1]


def test_the_warning_is_one_line_on_stderr_in_the_command_language(mini_catalog: Path) -> None:
    os.chmod(cache_path(), 0o777)
    result = run_cli("catalog", "stats", "--catalog", str(mini_catalog), "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"pathfinder: avertissement: cache ignoré : {cache_path()} : "
        "d'autres utilisateurs peuvent y écrire (mode 0777)\n"
    )
    assert "Mini" in result.stdout


# --- (c) modes ----------------------------------------------------------------------------------


def test_directory_entries_and_key_are_private(
    mini_catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATHFINDER_CACHE_DIR", str(tmp_path / "new" / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    load_catalog(mini_catalog)
    mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
    directory = tmp_path / "new" / "cache"
    assert mode(directory) == 0o700
    assert [mode(p) for p in directory.iterdir()] == [0o600]
    key = tmp_path / "state" / "pathfinder" / "cache.key"
    assert mode(key) == 0o600 and mode(key.parent) == 0o700
    assert len(key.read_bytes()) == 32
    assert not key.is_relative_to(directory)
    assert [p.name for p in key.parent.iterdir()] == ["cache.key"]


# --- (d) a real hit -----------------------------------------------------------------------------


def test_a_hit_is_served_without_parsing(
    mini_catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_parses(monkeypatch)
    first = load_catalog(mini_catalog)
    second = load_catalog(mini_catalog)
    assert calls == [1]
    assert second == first and second.sha256 == first.sha256
    entry = cache_path() / cache.entry_name(loader_key(mini_catalog))
    assert entry.read_bytes()[:8] == cache.MAGIC


# --- (e) bounds ---------------------------------------------------------------------------------

KEYS = [f"{i:064x}" for i in range(6)]


def set_age(key: str, seconds: int) -> None:
    os.utime(cache_path() / cache.entry_name(key), (seconds, seconds))


def survivors() -> list[str]:
    return sorted(name.removesuffix(cache.SUFFIX) for name in entries())


def test_least_recently_used_evicted_by_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for age, key in enumerate(KEYS[:3]):
        cache.write(key, key)
        set_age(key, 1_000_000 + age)
    assert cache.read(KEYS[0]) == KEYS[0]  # a hit makes it the most recently used
    cache.write(KEYS[3], "new")
    assert survivors() == [KEYS[0], KEYS[2], KEYS[3]]
    cache.write(KEYS[4], "newer")
    assert survivors() == [KEYS[0], KEYS[3], KEYS[4]]


def test_least_recently_used_evicted_by_size(monkeypatch: pytest.MonkeyPatch) -> None:
    cache.write(KEYS[5], b"x" * 10_000)
    size = (cache_path() / cache.entry_name(KEYS[5])).stat().st_size
    (cache_path() / cache.entry_name(KEYS[5])).unlink()
    monkeypatch.setattr(cache, "MAX_BYTES", 3 * size + size // 2)
    for age, key in enumerate(KEYS[:3]):
        cache.write(key, b"x" * 10_000)
        set_age(key, 1_000_000 + age)
    assert survivors() == KEYS[:3]
    cache.write(KEYS[3], b"y" * 10_000)
    assert survivors() == KEYS[1:4]
    cache.write(KEYS[4], b"z" * 20_000)  # twice as large: the two oldest go
    assert survivors() == [KEYS[3], KEYS[4]]
    assert sum(p.stat().st_size for p in cache_path().iterdir()) <= cache.MAX_BYTES
    cache.write(
        KEYS[5], b"w" * 4 * size
    )  # larger than the whole cache: not stored, nothing evicted
    assert survivors() == [KEYS[3], KEYS[4]]


def test_the_size_limit_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, mini_catalog: Path
) -> None:
    monkeypatch.setenv("PATHFINDER_CACHE_MAX_MB", "7")
    assert cache.limits() == (16, 7 * 2**20)
    monkeypatch.setenv("PATHFINDER_CACHE_MAX_MB", "lots")
    assert cache.limits() == (16, 512 * 2**20)
    monkeypatch.setenv("PATHFINDER_CACHE_MAX_MB", "0")  # off
    calls = count_parses(monkeypatch)
    load_catalog(mini_catalog)
    load_catalog(mini_catalog)
    assert calls == [1, 1] and entries() == []
    assert cache.info().usable is False


# --- (f), (g) the command -----------------------------------------------------------------------


def test_cache_info_and_clear_end_to_end(mini_catalog: Path, tmp_path: Path) -> None:
    directory = cache_path()
    empty = run_cli("cache", "info", "--format", "json")
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout) == {
        "directory": str(directory),
        "key_file": str(key_path()),
        "usable": True,
        "refused": None,
        "entries": 0,
        "bytes": 0,
        "max_entries": 16,
        "max_bytes": 512 * 2**20,
    }
    assert run_cli("catalog", "stats", "--catalog", str(mini_catalog)).returncode == 0
    cache.write(KEYS[0], b"x" * 5000)
    sizes = sorted(p.stat().st_size for p in directory.iterdir())
    assert len(sizes) == 2
    foreign = {
        "notes.txt": b"mine",
        "catalog.pickle": b"mine too",
        f"{KEYS[1]}.pfcache.bak": b"keep",
    }
    for name, data in foreign.items():
        (directory / name).write_bytes(data)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"outside")
    (directory / cache.entry_name(KEYS[2])).symlink_to(outside)  # named like an entry, but a link
    (directory / cache.entry_name(KEYS[3])).mkdir()  # and a directory

    info = run_cli("cache", "info", "--format", "json", env={"PATHFINDER_CACHE_MAX_MB": "64"})
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout) == {
        "directory": str(directory),
        "key_file": str(key_path()),
        "usable": True,
        "refused": None,
        "entries": 2,
        "bytes": sum(sizes),
        "max_entries": 16,
        "max_bytes": 64 * 2**20,
    }
    text = run_cli("cache", "info")
    assert text.stdout.splitlines() == [
        f"directory  {directory}",
        "entries    2",
        f"size       {sum(sizes) / 2**20:.1f} MB",
        "limit      512.0 MB, 16 entries",
        f"key        {key_path()}",
        "status     in use",
    ]

    cleared = run_cli("cache", "clear", "--format", "json")
    assert cleared.returncode == 0, cleared.stderr
    assert json.loads(cleared.stdout) == {
        "directory": str(directory),
        "removed": 2,
        "bytes_freed": sum(sizes),
        "refused": None,
    }
    for name, data in foreign.items():
        assert (directory / name).read_bytes() == data
    assert (
        directory / cache.entry_name(KEYS[2])
    ).is_symlink() and outside.read_bytes() == b"outside"
    assert (directory / cache.entry_name(KEYS[3])).is_dir()
    assert json.loads(run_cli("cache", "info", "--format", "json").stdout)["entries"] == 0

    again = run_cli("cache", "clear", "--lang", "fr")
    assert (
        again.returncode == 0
        and again.stdout == f"0 fichier(s) supprimé(s), 0,0 Mo, de {directory}.\n"
    )
    assert run_cli("cache", "clear").stdout == f"Removed 0 file(s), 0.0 MB, from {directory}.\n"


def test_cache_info_says_why_a_cache_is_refused() -> None:
    os.chmod(cache_path(), 0o757)
    result = run_cli("cache", "info", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["usable"] is False
    assert (
        data["refused"]
        == f"ignoring the cache: {cache_path()}: other users can write to it (mode 0757)"
    )
    text = run_cli("cache", "info", "--lang", "fr").stdout.splitlines()
    assert (
        text[-1]
        == f"état        non utilisé : {cache_path()} : d'autres utilisateurs peuvent y écrire (mode 0757)"
    )
    cleared = run_cli("cache", "clear")
    assert (
        cleared.stdout
        == f"Nothing removed: {cache_path()}: other users can write to it (mode 0757)\n"
    )


def test_cache_command_rejects_a_bad_format() -> None:
    result = run_cli("cache", "info", "--format", "xml")
    assert result.returncode == 2 and "--format" in result.stderr


def test_clear_in_the_library_removes_only_the_cache_s_own_files(tmp_path: Path) -> None:
    cache.write(KEYS[0], "a")
    legacy = cache_path() / f"{KEYS[1]}.pickle"  # an entry of format 1: the cache's own, never read
    legacy.write_bytes(b"old")
    stale = cache_path() / f".{KEYS[2]}.pfcache.abc123.tmp"  # an interrupted write
    stale.write_bytes(b"half")
    keep = {
        cache_path() / "README": b"x",
        cache_path() / f"{KEYS[3]}.pfcache~": b"y",
        cache_path() / "ab.pfcache": b"z",
    }
    for path, data in keep.items():
        path.write_bytes(data)
    entry_size = (cache_path() / cache.entry_name(KEYS[0])).stat().st_size
    removed = cache.clear()
    assert (removed.files, removed.bytes) == (3, entry_size + 3 + 4)
    assert sorted(p.name for p in cache_path().iterdir()) == sorted(p.name for p in keep)
    assert cache.clear().files == 0
