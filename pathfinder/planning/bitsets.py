"""Sets of small integers as Python ints (bit ``i`` set: ``i`` is a member)."""

from __future__ import annotations

from functools import lru_cache


def members_once(mask: int) -> list[int]:
    """The members of ``mask``, smallest first, uncached: for masks seen once (keeps them out of
    the shared cache of :func:`members`)."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


@lru_cache(maxsize=8192)
def members(mask: int) -> list[int]:
    """The members of ``mask``, smallest first. Cached, since the same sets come back often: do
    not change the list returned."""
    return members_once(mask)
