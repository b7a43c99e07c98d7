"""Printing figures the way the disclosures print them: money at two decimals with
thousands separators, percentages ROUND_HALF_UP at two decimals. Exact Decimal only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def money(value: Decimal, separators: bool = True) -> str:
    """``22828.1`` → ``22,828.10``."""
    q = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{q:,.2f}" if separators else f"{q:.2f}"


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """100·part/whole at two decimals, ROUND_HALF_UP; None when ``whole`` is zero."""
    if whole == 0:
        return None
    return (Decimal(100) * part / whole).quantize(CENT, rounding=ROUND_HALF_UP)


def percent(value: Decimal) -> str:
    return f"{value:.2f}%"


def count(value: int) -> str:
    return str(value)
