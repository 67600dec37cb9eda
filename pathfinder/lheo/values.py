"""LHÉO field values, read as the catalog needs them: dates of every precision, prices written
as free text, funders' codes.

LHÉO (Langage Harmonisé d'Échange d'informations sur l'Offre de formation, versions 2.2 and 2.3)
writes dates as ``AAAAMMJJ``, where ``00000000`` means unknown and ``AAAAMM00`` a month whose day
is not known; prices (``prix-total-TTC``) are free text in practice ("1 250,50 €", "Gratuit",
"nous consulter"); funders are codes of the ``dict-financeurs`` table of the LHÉO definition.
Each reader here keeps what the text says and no more: a month stays a month, an unreadable price
is None (the caller keeps the catalog's value and says so), an unknown funder's code is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Literal

from ..limits import COST_EUR_MAX, HOURS_MAX

Precision = Literal["day", "month", "unknown"]


@dataclass(frozen=True)
class FeedDate:
    """A date as a feed gives it: to the day, to the month (``day`` is then the 1st), or unknown
    (``day`` is None)."""

    day: date | None
    precision: Precision


UNKNOWN_DATE = FeedDate(None, "unknown")


def parse_date(text: str) -> FeedDate:
    """``AAAAMMJJ`` as a :class:`FeedDate`; ValueError when it is not eight digits naming a real
    day, a month (``JJ`` = 00) or ``00000000``."""
    value = text.strip()
    if not re.fullmatch(r"[0-9]{8}", value):
        raise ValueError(f"not a date AAAAMMJJ: {value[:40]!r}")
    if value == "00000000":
        return UNKNOWN_DATE
    year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
    if day == 0:
        return FeedDate(date(year, month, 1), "month")  # ValueError for a month 00 or 13
    return FeedDate(date(year, month, day), "day")


_NUMBER = re.compile(r"[0-9][0-9 .,]*")
_FREE = {"gratuit", "gratuite", "gratuits", "gratuites", "free", "0"}
_NOISE = re.compile(r"(€|euros?|eur|ttc|t\.t\.c\.?|net|au total|total|prix|:)", re.IGNORECASE)


def parse_price(text: str) -> Decimal | None:
    """A price in euros from free text: "1 250,50 €", "1.250,50", "1250.5 euros TTC", "Gratuit";
    None when the text holds no single readable amount ("nous consulter", "de 500 à 900 €") or one
    outside the catalog's range (0 to :data:`~pathfinder.limits.COST_EUR_MAX`)."""
    value = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).lower()
    if value in _FREE:
        return Decimal(0)
    rest = _NOISE.sub(" ", value).strip()
    numbers = _NUMBER.findall(rest)
    if len(numbers) != 1 or rest.replace(numbers[0], "", 1).strip():
        return None
    amount = _amount(numbers[0].strip())
    if amount is None or not 0 <= amount <= COST_EUR_MAX:
        return None
    return amount


def _amount(written: str) -> Decimal | None:
    """A number with French or English separators: spaces group thousands; of "," and ".", the
    last one is the decimal mark when two or fewer digits follow it, else both group thousands."""
    digits = written.replace(" ", "")
    last = max(digits.rfind(","), digits.rfind("."))
    if last >= 0 and 0 < len(digits) - last - 1 <= 2:
        whole, fraction = digits[:last], digits[last + 1 :]
    else:
        whole, fraction = digits, ""
    groups = re.split(r"[.,]", whole)
    if any(len(group) != 3 for group in groups[1:]) or not 1 <= len(groups[0]) <= (
        3 if len(groups) > 1 else 12
    ):
        return None  # thousands come in groups of three: "12,3,4" is no number
    whole = "".join(groups)
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


FUNDERS: dict[str, str | None] = {
    "2": "region",
    "4": "france-travail",
    "5": "employer",
    "16": "opco",
    "10": None,
}
"""``code-financeur`` (LHÉO ``dict-financeurs``) -> the catalog's funding source. 2: regional
council; 4: Pôle emploi, now France Travail; 5: the employer; 16: an OPCO (skills operator); 10:
the learner (no funding source: the person pays). Other codes (the State, European funds,
AGEFIPH, departments, towns…) have no source of their own in the catalog. The CPF is not a
funder code: a certification's ``code-CPF`` makes a course CPF-eligible."""


def funding_source(code: str) -> tuple[bool, str | None]:
    """``(known, source)`` for a funder's code: known codes map to a catalog source or to None
    (the learner pays); unknown codes are ``(False, None)``."""
    key = code.strip()
    if key in FUNDERS:
        return True, FUNDERS[key]
    return False, None


_HOURS = re.compile(r"([0-9]{1,6}(?:[.,][0-9]{1,2})?)\s*(?:h|heures?|hours?)?")


def parse_hours(text: str) -> Decimal | None:
    """A number of hours (``nombre-heures-total``): "35", "35,5", "35.5 h", "35 heures"; None
    when the text is anything else, or 0, or more than the catalog's limit."""
    match = _HOURS.fullmatch(" ".join(text.split()).lower())
    if match is None:
        return None
    value = Decimal(match[1].replace(",", "."))
    return value if 0 < value <= HOURS_MAX else None
