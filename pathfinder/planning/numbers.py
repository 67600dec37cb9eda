"""Exact arithmetic on catalog quantities.

Hours, weeks and euros are written as decimals in the catalog and read as floats. Summing floats
in different orders gives different roundings (0.1 + 0.2 != 0.3), which would make "equal" totals
unequal and break ties arbitrarily. The planner therefore takes each value as the decimal it was
written as (``Fraction(repr(x))``) and, within one search, scales them to integers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction


def exact(value: float | int) -> Fraction:
    """The decimal a float was written as: ``exact(0.6) == Fraction(3, 5)``."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(float(value)))


def common_scale(values: Iterable[Fraction]) -> int:
    """The least common multiple of the denominators: ``value * scale`` is a whole number."""
    scale = 1
    for value in values:
        den = value.denominator
        if scale % den:
            scale = scale * den // math.gcd(scale, den)
    return scale


def scaled_cap(cap: float | None, scale: int) -> int | None:
    """A cap in a search's integer units: ``total <= cap`` iff ``total * scale <= result``."""
    if cap is None:
        return None
    return math.floor(exact(cap) * scale)


def to_float(value: Fraction) -> float:
    """A total for reports: the nearest float (so 1 + 0.6 shows as 1.6, not 1.6000000000000001)."""
    return float(value)
