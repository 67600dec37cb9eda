"""A cache of validated catalogs (and lint results), so that loading unchanged files again is instant.

Entries are keyed by the package version and the path and sha256 of every file read, so a changed,
added or removed file is never served from the cache. The cache is safe to delete at any time
(``pathfinder cache clear``); anything wrong with it is only a cache miss, never an error.

Where it lives: ``$PATHFINDER_CACHE_DIR``, else ``$XDG_CACHE_HOME/pathfinder``, else
``~/.cache/pathfinder``.

Why a planted entry never runs: an entry is a pickle, and unpickling runs code the pickle names.
So, like ssh with ``~/.ssh``:

* the directory is created with mode 0700 and entries with 0600. A directory or entry that is a
  symbolic link, is not owned by the current user, or is writable by the group or others, is
  refused: the whole cache is then off for the process, with one :class:`CacheWarning` naming the
  path and the reason (the command line shows it as one line on standard error). The checks are
  made on the file descriptors actually read (``O_NOFOLLOW``, ``fstat``, paths relative to the
  checked directory's descriptor), not on names that could be swapped in between. Ownership and
  mode bits are not checked where there is no ``os.getuid`` (Windows); the HMAC still is.
* every entry is authenticated: a fixed header (:data:`MAGIC`, :data:`FORMAT`, an HMAC-SHA256 of the
  key and the payload) then the pickle. The HMAC key is 32 random bytes per user, kept *outside*
  the cache directory (``$PATHFINDER_CACHE_KEY_FILE``, else ``$XDG_STATE_HOME/pathfinder/cache.key``,
  else ``~/.local/state/pathfinder/cache.key``; mode 0600 in a 0700 directory, checked like the
  cache directory, and refused when the group or others can read it), so a cache directory copied
  from elsewhere carries no valid entry. Only an entry whose HMAC verifies is unpickled; any other
  is a miss and is removed.

Bounds: at most :data:`MAX_ENTRIES` entries and :data:`MAX_BYTES` bytes in all
(``$PATHFINDER_CACHE_MAX_MB`` overrides the size, 0 turns the cache off). A hit touches the entry's
modification time; after each write the least recently used entries are removed until both bounds
hold. Only files named like the cache's own entries are ever removed.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import pickle
import re
import secrets
import stat
import struct
import tempfile
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ._version import __version__
from .atomic import write_atomic
from .i18n import lang_from_environment, t

FORMAT = 3
"""The entry format; part of every key, so entries of another format are never looked up."""
MAGIC = b"PFCACHE\0"
HEADER = struct.Struct(">8sH32s")
"""An entry's header: :data:`MAGIC`, :data:`FORMAT` and the HMAC-SHA256; the pickle follows."""
SUFFIX = ".pfcache"
MAX_ENTRIES = 16
"""At most this many entries; the least recently used go first."""
MAX_BYTES = 512 * 2**20
"""At most this many bytes of entries in all (``$PATHFINDER_CACHE_MAX_MB`` overrides it)."""
MAX_MB_ENV = "PATHFINDER_CACHE_MAX_MB"
KEY_FILE_ENV = "PATHFINDER_CACHE_KEY_FILE"
KEY_SIZE = 32
STALE_TEMP_SECONDS = 3600
"""A temporary file left by an interrupted write is removed after this long."""

_KEY_RE = re.compile(r"[0-9a-f]{64}")
# The cache's own files: entries, entries of format 1 (plain pickles, never read again) and the
# temporary files of interrupted writes. Nothing else in the directory is ever removed.
_ENTRY_RE = re.compile(r"[0-9a-f]{64}(?:\.pfcache|\.pickle)")
_TEMP_RE = re.compile(r"\.[0-9a-f]{64}\.pfcache\..*\.tmp")

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_READ = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_USE_FDS = (
    bool(_O_DIRECTORY)
    and all(f in os.supports_dir_fd for f in (os.open, os.stat, os.unlink))
    and os.listdir in os.supports_fd
)


class CacheWarning(UserWarning):
    """The cache is off for this process: a directory or file that others could have written."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message(lang_from_environment()))
        self.refusal = refusal


@dataclass(frozen=True)
class Refusal:
    """Why the cache is not used: the path and a message key for the reason (with its values)."""

    path: str
    reason: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return t("cache.refused", lang, path=self.path, reason=t(self.reason, lang, **self.params))


class _Refused(Exception):
    """The cache refused a path (see :class:`Refusal`). Internal control flow, never shown to a
    user as such: the cache is skipped and the refusal reported as a warning or by ``cache info``."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.path)
        self.refusal = refusal


@dataclass(frozen=True)
class CacheInfo:
    """What :func:`info` reports."""

    directory: str
    key_file: str
    entries: int
    total_bytes: int
    max_entries: int
    max_bytes: int
    refusal: Refusal | None = None

    @property
    def usable(self) -> bool:
        return self.refusal is None and self.max_bytes > 0

    def as_dict(self, lang: str | None = None) -> dict[str, object]:
        return {
            "directory": self.directory,
            "key_file": self.key_file,
            "usable": self.usable,
            "refused": self.refusal.message(lang) if self.refusal else None,
            "entries": self.entries,
            "bytes": self.total_bytes,
            "max_entries": self.max_entries,
            "max_bytes": self.max_bytes,
        }


@dataclass(frozen=True)
class Removed:
    """What :func:`clear` or :func:`evict` removed."""

    directory: str
    files: int = 0
    bytes: int = 0
    refusal: Refusal | None = None

    def as_dict(self, lang: str | None = None) -> dict[str, object]:
        return {
            "directory": self.directory,
            "removed": self.files,
            "bytes_freed": self.bytes,
            "refused": self.refusal.message(lang) if self.refusal else None,
        }


def cache_dir() -> Path:
    explicit = os.environ.get("PATHFINDER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pathfinder"


def key_file() -> Path:
    """Where the HMAC key lives: never inside the cache directory by default."""
    explicit = os.environ.get(KEY_FILE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(base) / "pathfinder" / "cache.key"


def limits() -> tuple[int, int]:
    """(maximum entries, maximum bytes); a bad ``$PATHFINDER_CACHE_MAX_MB`` keeps the default."""
    max_bytes = MAX_BYTES
    value = os.environ.get(MAX_MB_ENV, "").strip()
    if value.isdigit():
        max_bytes = int(value) * 2**20
    return MAX_ENTRIES, max_bytes


def cache_key(files: Sequence[tuple[str, str]]) -> str:
    """The key for a catalog made of ``files`` — (absolute path, sha256) pairs."""
    digest = hashlib.sha256(f"pathfinder {__version__} cache {FORMAT}\n".encode())
    for path, sha in sorted(files):
        digest.update(f"{path}\0{sha}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def entry_name(key: str) -> str:
    """The file name of ``key``'s entry in the cache directory."""
    return key + SUFFIX


# --- checks -------------------------------------------------------------------------------------

_off: Refusal | None = None
"""Set by the first refusal: the cache is then off for the rest of the process."""


def _warn(refusal: Refusal) -> None:
    """Turn the cache off for this process, with one warning."""
    global _off
    if _off is not None:
        return
    _off = refusal
    try:
        warnings.warn(CacheWarning(refusal), stacklevel=3)
    except Warning:  # warnings turned into errors: the cache must still never be an error
        pass


def _check(
    st: os.stat_result, path: Path | str, *, directory: bool, secret: bool = False
) -> Refusal | None:
    """Why a file or directory with status ``st`` cannot be trusted, or None."""
    shown = str(path)
    if stat.S_ISLNK(st.st_mode):
        return Refusal(shown, "cache.reason.symlink")
    if directory and not stat.S_ISDIR(st.st_mode):
        return Refusal(shown, "cache.reason.not_directory")
    if not directory and not stat.S_ISREG(st.st_mode):
        return Refusal(shown, "cache.reason.not_file")
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: no owner, and the mode bits mean nothing there
        return None
    if st.st_uid != getuid():
        return Refusal(shown, "cache.reason.not_owner", {"uid": st.st_uid})
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o022:
        return Refusal(shown, "cache.reason.writable", {"mode": f"{mode:04o}"})
    if secret and mode & 0o077:
        return Refusal(shown, "cache.reason.readable", {"mode": f"{mode:04o}"})
    return None


class _Dir:
    """A checked directory: its descriptor (paths inside are resolved against it), or only its
    path where the platform has no ``dir_fd`` support."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    def _name(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        if self.fd is None and _O_NOFOLLOW == 0 and os.path.islink(self.path / name):
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(self.path / name))
        return os.open(self._name(name), flags, mode, dir_fd=self.fd)

    def lstat(self, name: str) -> os.stat_result:
        return os.stat(self._name(name), dir_fd=self.fd, follow_symlinks=False)

    def unlink(self, name: str) -> None:
        os.unlink(self._name(name), dir_fd=self.fd)

    def names(self) -> list[str]:
        return os.listdir(self.fd if self.fd is not None else self.path)


@contextmanager
def _checked_dir(path: Path, *, create: bool) -> Iterator[_Dir | None]:
    """The directory at ``path``, checked; None when it does not exist (and ``create`` is false).
    Raises :class:`_Refused` for a directory others could write to, OSError when unusable."""
    if create:
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
        except FileExistsError:  # a file or a dangling link: refused just below
            pass
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        if create:
            raise
        yield None
        return
    refusal = _check(before, path, directory=True)
    if refusal is not None:
        raise _Refused(refusal)
    if not _USE_FDS:
        yield _Dir(path, None)
        return
    try:
        fd = os.open(path, _O_READ | _O_DIRECTORY | _O_NOFOLLOW)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):  # swapped for a link since the lstat
            raise _Refused(Refusal(str(path), "cache.reason.symlink")) from None
        raise
    try:
        refusal = _check(os.fstat(fd), path, directory=True)
        if refusal is not None:
            raise _Refused(refusal)
        yield _Dir(path, fd)
    finally:
        os.close(fd)


def _open_checked_file(
    directory: _Dir, name: str, *, secret: bool = False
) -> tuple[int, os.stat_result] | None:
    """A descriptor of ``name`` in ``directory`` and its status, checked on the descriptor;
    None when absent. Raises :class:`_Refused` for a link, a non-regular file or a foreign one."""
    shown = directory.path / name
    try:
        fd = directory.open(name, _O_READ | _O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _Refused(Refusal(str(shown), "cache.reason.symlink")) from None
        raise
    try:
        st = os.fstat(fd)
        refusal = _check(st, shown, directory=False, secret=secret)
    except BaseException:
        os.close(fd)
        raise
    if refusal is not None:
        os.close(fd)
        raise _Refused(refusal)
    return fd, st


def _read_fd(fd: int, size: int) -> memoryview:
    """Exactly ``size`` bytes from ``fd`` (fewer when the file is shorter), in one buffer."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        count = os.readv(fd, [view[done:]]) if hasattr(os, "readv") else _readinto(fd, view[done:])
        if count == 0:
            break
        done += count
    return view[:done]


def _readinto(fd: int, view: memoryview) -> int:  # pragma: no cover - platforms without readv
    chunk = os.read(fd, len(view))
    view[: len(chunk)] = chunk
    return len(chunk)


# --- the HMAC key -------------------------------------------------------------------------------

_keys: dict[str, bytes] = {}


def _secret(create: bool) -> bytes | None:
    """The per-user HMAC key (created when missing and ``create``); None when there is none.
    Raises :class:`_Refused` when it or its directory could be read or replaced by others."""
    path = key_file()
    known = _keys.get(str(path))
    if known is not None:
        return known
    with _checked_dir(path.parent, create=create) as directory:
        if directory is None:
            return None
        opened = _open_checked_file(directory, path.name, secret=True)
        if opened is None:
            if not create:
                return None
            _create_secret(directory, path.name)
            opened = _open_checked_file(directory, path.name, secret=True)
            if opened is None:
                return None
        fd, st = opened
        try:
            value = bytes(_read_fd(fd, KEY_SIZE + 1)) if st.st_size == KEY_SIZE else b""
        finally:
            os.close(fd)
    if len(value) != KEY_SIZE:
        return None
    _keys[str(path)] = value
    return value


def _create_secret(directory: _Dir, name: str) -> None:
    """A new random key, appearing whole under ``name`` or not at all (another process may win)."""
    fd, temp = tempfile.mkstemp(dir=directory.path, prefix=f".{name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_SIZE))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, directory.path / name)  # never replaces a key already in use
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system
            os.replace(temp, directory.path / name)
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass


def _mac(secret: bytes, key: str, payload: bytes | memoryview) -> bytes:
    digest = hmac.new(
        secret, MAGIC + FORMAT.to_bytes(2, "big") + key.encode("ascii"), hashlib.sha256
    )
    digest.update(payload)
    return digest.digest()


# --- reading and writing ------------------------------------------------------------------------


@contextmanager
def _session(create: bool) -> Iterator[tuple[_Dir, bytes] | None]:
    """The checked cache directory and the HMAC key, or None when the cache is off (a refusal is
    warned about once)."""
    with ExitStack() as stack:
        session: tuple[_Dir, bytes] | None = None
        try:
            directory = stack.enter_context(_checked_dir(cache_dir(), create=create))
            secret = _secret(create) if directory is not None else None
            if directory is not None and secret is not None:
                session = (directory, secret)
        except _Refused as refused:
            _warn(refused.refusal)
        except OSError:
            pass
        yield session


def read(key: str) -> object | None:
    """The cached value for ``key``, or None when absent, unauthentic, unreadable or refused."""
    if _off is not None or not _KEY_RE.fullmatch(key):
        return None
    max_bytes = limits()[1]
    if max_bytes <= 0:
        return None
    with _session(create=False) as session:
        if session is None:
            return None
        directory, secret = session
        try:
            return _read_entry(directory, key, secret, max_bytes)
        except _Refused as refused:
            _warn(refused.refusal)
        except OSError:
            pass
    return None


def _read_entry(directory: _Dir, key: str, secret: bytes, max_bytes: int) -> object | None:
    name = entry_name(key)
    opened = _open_checked_file(directory, name)
    if opened is None:
        return None
    fd, st = opened
    try:
        if not HEADER.size < st.st_size <= max_bytes:
            data = None
        else:
            data = _read_fd(fd, st.st_size)
        value = _authentic(data, key, secret) if data is not None else None
        if value is None:
            _remove(directory, name)
            return None
        try:
            os.utime(fd if os.utime in os.supports_fd else directory.path / name)  # recently used
        except OSError:
            pass
        return value[0]
    finally:
        os.close(fd)


def _authentic(data: memoryview, key: str, secret: bytes) -> tuple[object] | None:
    """(value,) when ``data`` is an entry for ``key`` whose HMAC verifies; else None. Nothing is
    unpickled before the HMAC is checked."""
    if len(data) <= HEADER.size:
        return None
    magic, version, mac = HEADER.unpack_from(data)
    if magic != MAGIC or version != FORMAT:
        return None
    payload = data[HEADER.size :]
    if not hmac.compare_digest(mac, _mac(secret, key, payload)):
        return None
    try:
        return (pickle.loads(payload),)
    except Exception:  # noqa: BLE001 - authentic but unreadable (a class changed): a miss
        return None


def _remove(directory: _Dir, name: str) -> None:
    try:
        directory.unlink(name)
    except OSError:
        pass


def write(key: str, value: object) -> None:
    """Store ``value`` atomically, then evict the least recently used entries beyond the bounds.
    Failures (read-only home, full disk, a refused directory, a value too large) are ignored."""
    if _off is not None or not _KEY_RE.fullmatch(key):
        return
    max_entries, max_bytes = limits()
    if max_bytes <= 0:
        return
    with _session(create=True) as session:
        if session is None:
            return
        directory, secret = session
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - what cannot be pickled is not cached
            return
        if HEADER.size + len(payload) > max_bytes:
            return
        name = entry_name(key)
        try:
            write_atomic(
                directory.path / name,
                HEADER.pack(MAGIC, FORMAT, _mac(secret, key, payload)) + payload,
                mode=0o600,
            )
            _evict(directory, max_entries, max_bytes, keep=name)
        except OSError:
            pass


# --- bounds, info, clear ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    name: str
    size: int
    mtime_ns: int


def _entries(directory: _Dir) -> list[_Entry]:
    """The cache's own entries (regular files named like one), most recently used first."""
    found = []
    for name in directory.names():
        if not _ENTRY_RE.fullmatch(name):
            continue
        try:
            st = directory.lstat(name)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            found.append(_Entry(name, st.st_size, st.st_mtime_ns))
    found.sort(key=lambda e: (-e.mtime_ns, e.name))
    return found


def _evict(directory: _Dir, max_entries: int, max_bytes: int, keep: str | None = None) -> Removed:
    entries = _entries(directory)
    if keep is not None:  # the entry just written stays, whatever the clocks say
        entries.sort(key=lambda e: e.name != keep)
    count = total = removed = freed = 0
    for entry in entries:
        if count < max_entries and total + entry.size <= max_bytes:
            count += 1
            total += entry.size
            continue
        try:
            directory.unlink(entry.name)
        except OSError:
            continue
        removed += 1
        freed += entry.size
    stale = time.time() - STALE_TEMP_SECONDS
    for name in directory.names():
        if _TEMP_RE.fullmatch(name):
            try:
                st = directory.lstat(name)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < stale:
                    directory.unlink(name)
                    removed += 1
                    freed += st.st_size
            except OSError:
                continue
    return Removed(str(directory.path), removed, freed)


def evict(max_entries: int | None = None, max_bytes: int | None = None) -> Removed:
    """Remove the least recently used entries until at most ``max_entries`` entries and
    ``max_bytes`` bytes remain (default: :func:`limits`)."""
    default_entries, default_bytes = limits()
    path = cache_dir()
    try:
        with _checked_dir(path, create=False) as directory:
            if directory is None:
                return Removed(str(path))
            return _evict(
                directory,
                default_entries if max_entries is None else max_entries,
                default_bytes if max_bytes is None else max_bytes,
            )
    except _Refused as refused:
        return Removed(str(path), refusal=refused.refusal)
    except OSError:
        return Removed(str(path))


def clear() -> Removed:
    """Remove every entry of the cache (and leftovers of interrupted writes); nothing else.
    A refused directory is left alone."""
    path = cache_dir()
    removed = freed = 0
    try:
        with _checked_dir(path, create=False) as directory:
            if directory is None:
                return Removed(str(path))
            for name in directory.names():
                if not (_ENTRY_RE.fullmatch(name) or _TEMP_RE.fullmatch(name)):
                    continue
                try:
                    st = directory.lstat(name)
                    if not stat.S_ISREG(st.st_mode):
                        continue
                    directory.unlink(name)
                except OSError:
                    continue
                removed += 1
                freed += st.st_size
    except _Refused as refused:
        return Removed(str(path), refusal=refused.refusal)
    except OSError:
        pass
    return Removed(str(path), removed, freed)


def info() -> CacheInfo:
    """Where the cache is, what it holds, its bounds, and whether it is used (or why not).
    Creates nothing."""
    max_entries, max_bytes = limits()
    path, key_path = cache_dir(), key_file()
    entries: list[_Entry] = []
    refusal: Refusal | None = None
    try:
        with _checked_dir(path, create=False) as directory:
            if directory is not None:
                entries = _entries(directory)
        _secret(create=False)
    except _Refused as refused:
        refusal = refused.refusal
    except OSError as error:
        refusal = Refusal(
            str(error.filename or path),
            "cache.reason.error",
            {"error": error.strerror or str(error)},
        )
    return CacheInfo(
        str(path),
        str(key_path),
        len(entries),
        sum(e.size for e in entries),
        max_entries,
        max_bytes,
        refusal,
    )
