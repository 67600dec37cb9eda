"""Read an input file whole, but only a regular file and only up to a size limit.

``Path.read_bytes()`` on a catalog or profile path trusts it too much: a FIFO blocks until a
writer appears (forever, in CI), ``/dev/zero`` is read until memory runs out, and a 3 GB sparse
file is read whole before any size check. :func:`read_bounded` refuses all of these before reading
a byte:

1. ``os.stat`` first (symbolic links followed: a linked catalog file is legitimate), so that a
   device, FIFO, socket or directory is refused without even being opened (opening some devices
   has side effects);
2. ``os.open`` with ``O_NONBLOCK`` (a FIFO swapped in after step 1 does not block the open) and
   ``O_NOCTTY``, then ``os.fstat`` on the opened descriptor: what is read is what was checked, even
   if the path was replaced in between;
3. the size limit is checked on that ``fstat``, then blocking mode is restored and at most
   ``limit + 1`` bytes are read, so a file that grows while it is read is still refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

CHUNK = 1 << 20

NOT_REGULAR_KINDS: tuple[str, ...] = (
    "directory",
    "fifo",
    "char_device",
    "block_device",
    "socket",
    "other",
)
"""The ``kind`` of :class:`NotRegularFileError`, each with a message ``file.kind.<kind>``."""


class NotRegularFileError(OSError):
    """The path is not a regular file; ``kind`` is one of :data:`NOT_REGULAR_KINDS`.

    Internal, never shown to a user as such: readers turn it into a diagnostic (PF010) or an
    error of :mod:`pathfinder.errors`; it is an OSError, so code that handles unreadable files
    handles it."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(f"{path}: not a regular file ({kind})")
        self.path = path
        self.kind = kind


class FileTooLargeError(OSError):
    """The file holds more than ``limit`` bytes; ``size`` is its size (or what was read of it).

    Internal, never shown to a user as such: readers turn it into a diagnostic (PF004) or an
    error of :mod:`pathfinder.errors`; it is an OSError, like :class:`NotRegularFileError`."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.path = path
        self.size = size
        self.limit = limit


def file_kind(mode: int) -> str | None:
    """None for a regular file, else the kind of what ``mode`` describes."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode):
        return "char_device"
    if stat.S_ISBLK(mode):
        return "block_device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_bounded(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`NotRegularFileError` for anything but a regular file, :class:`FileTooLargeError`
    when the file is (or grows) larger than ``limit``, and ``OSError`` when it cannot be read.
    """
    name = os.fspath(path)
    kind = file_kind(os.stat(name).st_mode)
    if kind is not None:
        raise NotRegularFileError(str(name), kind)
    fd = os.open(name, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        kind = file_kind(info.st_mode)
        if kind is not None:  # replaced between the stat and the open
            raise NotRegularFileError(str(name), kind)
        if info.st_size > limit:
            raise FileTooLargeError(str(name), info.st_size, limit)
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        # The whole file in one read (one byte more shows that it grew), then chunks.
        want = info.st_size + 1
        while total <= limit:
            chunk = os.read(fd, min(max(want, CHUNK), limit + 1 - total))
            want = 0
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # grew after the fstat
            raise FileTooLargeError(str(name), total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
