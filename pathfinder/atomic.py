"""The one writer of every file Pathfinder writes: profiles, reports, graphs, cache entries.

:func:`write_atomic` is the policy, in one place (see docs/security.md, "Files Pathfinder writes"):

* ``-`` means standard output: the data is written there and no file is touched.
* Only a regular file, or nothing, is ever replaced. A symbolic link (even to a regular file: the
  path is examined with ``lstat``, never followed), a directory, a device, a FIFO or a socket is
  refused, and so is a read-only file (no owner write bit, or no write access for this process:
  the mode bits are checked too, since ``os.access`` says yes to root).
* The data goes to a temporary file in the same directory, created by ``mkstemp`` (mode 0600,
  so never readable by others even briefly), given its final mode with ``fchmod``, written,
  ``fsync``-ed, then renamed over the path; the directory is then synced (best effort). Readers
  see the old file or the new one, never a mix; on any failure the temporary file is removed and
  the old file is untouched.
* The final mode is the requested one (0600 for anything holding personal data) without any
  permission bit the existing file does not have: replacing a 0600 file keeps 0600, a 0640 file
  never becomes 0644. The existing file's owner and group are kept when possible; when the group
  cannot be kept, the group bits are dropped.
* The temporary name is ``.{name}.XXXXXXXX.tmp`` with ``name`` shortened (whole characters) so the
  temporary name always fits the file system's ``NAME_MAX``, counted in bytes.

Every refusal or failure is a :class:`~pathfinder.errors.WriteError`: a PathfinderError (the CLI
says it in one line, exit 2) that is also an OSError (so code that tolerates failed writes, like
the cache, keeps doing so).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from .errors import WriteError

STDOUT = "-"
"""The path that means standard output."""

PRIVATE = 0o600
"""The mode of every file that may hold personal data: profiles, reports, cache entries."""

PUBLIC = 0o644
"""The mode of files with nothing personal in them (the catalog's graph, generated docs)."""

DEFAULT_NAME_MAX = 255
_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".tmp"
_RANDOM_LENGTH = 8  # tempfile's random part
_SEPARATOR = "."

_KINDS = (
    (stat.S_ISLNK, "symlink"),
    (stat.S_ISDIR, "directory"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
)


def is_stdout(path: Path | str) -> bool:
    """True when ``path`` is ``-``, standard output."""
    return str(path) == STDOUT


def write_atomic(path: Path | str, data: str | bytes, mode: int = PRIVATE) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` in one step, with at most the permissions
    ``mode``, under the policy above. Raises :class:`WriteError` on any refusal or failure."""
    if is_stdout(path):
        _write_stdout(data)
        return
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    existing = check_target(target)
    final_mode = mode & 0o777
    if existing is not None:
        final_mode &= stat.S_IMODE(existing.st_mode)
    directory = target.parent
    try:
        fd, temp = tempfile.mkstemp(dir=directory, prefix=temp_prefix(target), suffix=_TEMP_SUFFIX)
    except OSError as error:
        raise _failed(target, error) from None
    try:
        if existing is not None:
            final_mode = _keep_owner(fd, existing, final_mode)
        os.fchmod(fd, final_mode)  # mkstemp made it 0600: never wider than asked, even briefly
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        check_target(target)  # again, just before the rename: still a regular file or nothing
        os.replace(temp, target)
    except BaseException as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise _failed(target, error) from None
        raise
    _sync_directory(directory)


def check_writable(path: Path | str) -> None:
    """Refuse now what :func:`write_atomic` would refuse later (before a session asks anything):
    ``-`` and a new file pass; an existing path must be a writable regular file."""
    if not is_stdout(path):
        check_target(Path(path))


def check_target(target: Path) -> os.stat_result | None:
    """The status of the regular, writable file at ``target`` (None when there is none); a
    :class:`WriteError` for anything else. The path itself is examined: a link is not followed."""
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _failed(target, error) from None
    for test, kind in _KINDS:
        if test(status.st_mode):
            raise WriteError("write.not_regular", path=target, kind=kind)
    if not stat.S_ISREG(status.st_mode):
        raise WriteError("write.not_regular", path=target, kind="special")
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise WriteError("write.read_only", path=target, mode=f"{stat.S_IMODE(status.st_mode):04o}")
    return status


def name_max(directory: Path) -> int:
    """The longest file name, in bytes, that ``directory``'s file system takes (255 if unknown)."""
    try:
        value = os.pathconf(directory, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return DEFAULT_NAME_MAX
    return value if value and value > 0 else DEFAULT_NAME_MAX


def temp_prefix(target: Path) -> str:
    """``.{name}.`` with ``name`` cut (by whole characters) so that the whole temporary name,
    random part and ``.tmp`` included, fits the directory's NAME_MAX in bytes."""
    fixed = len(_TEMP_PREFIX) + len(_SEPARATOR) + _RANDOM_LENGTH + len(_TEMP_SUFFIX)
    budget = max(name_max(target.parent) - fixed, 0)
    name = target.name
    if len(os.fsencode(name)) > budget:
        # Cut by characters, so a multi-byte character is never split.
        low, high = 0, len(name)
        while low < high:
            middle = (low + high + 1) // 2
            if len(os.fsencode(name[:middle])) <= budget:
                low = middle
            else:
                high = middle - 1
        name = name[:low]
    return f"{_TEMP_PREFIX}{name}{_SEPARATOR}"


def _keep_owner(fd: int, existing: os.stat_result, mode: int) -> int:
    """Give the temporary file the replaced file's owner and group when allowed (root replacing a
    person's file must not lock them out); drop the group bits if the group could not be kept."""
    current = os.fstat(fd)
    if (current.st_uid, current.st_gid) != (existing.st_uid, existing.st_gid) and hasattr(
        os, "fchown"
    ):
        try:
            os.fchown(fd, existing.st_uid, existing.st_gid)
        except OSError:
            try:
                os.fchown(fd, -1, existing.st_gid)
            except OSError:
                pass
        current = os.fstat(fd)
    if current.st_gid != existing.st_gid:
        mode &= ~0o070
    return mode


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: not every system can open a directory)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_stdout(data: str | bytes) -> None:
    try:
        if isinstance(data, str):
            sys.stdout.write(data)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _failed(STDOUT, error) from None


def _failed(target: Path | str, error: OSError) -> WriteError:
    return WriteError("write.failed", path=target, reason=error.strerror or str(error))
