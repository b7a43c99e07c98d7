"""The tolerance policy of RULES.md §2: exact Decimal arithmetic, and an allowance that
follows from how many rounded figures an identity holds and their printed precision."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

HALF = Decimal("0.5")


class Outcome(StrEnum):
    PASS = "pass"
    ROUNDING = "rounding"  # 0 < Δ ≤ τ
    FAIL = "fail"


def quantum(value: Decimal) -> Decimal:
    """The printed precision q = 10^-d of a figure (``12.30`` → 0.01, ``38`` → 1)."""
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) else Decimal(0)


def allowance(printed: list[Decimal]) -> Decimal:
    """τ = Σ qᵢ/2 over the printed figures of an identity (0.005·n for 2-decimal figures)."""
    return sum((quantum(v) * HALF for v in printed), Decimal(0))


def judge(
    lhs: Decimal, rhs: Decimal, printed: list[Decimal], relation: str = "="
) -> tuple[Outcome, Decimal, Decimal]:
    """Compare the two sides: (outcome, Δ, τ). For ``<=`` only an excess counts."""
    tau = allowance(printed)
    delta = lhs - rhs
    if relation == "<=":
        excess = max(delta, Decimal(0))
    elif relation == ">=":
        excess = max(-delta, Decimal(0))
    else:
        excess = abs(delta)
    if excess == 0:
        return Outcome.PASS, delta, tau
    return (Outcome.ROUNDING if excess <= tau else Outcome.FAIL), delta, tau


def percent(part: Decimal, whole: Decimal, places: int) -> Decimal:
    """ROUND_HALF_UP(100·part/whole, places): a percentage as the documents print it."""
    return (Decimal(100) * part / whole).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """A figure as the documents print it: separators, its own decimals."""
    places = max(0, -int(value.as_tuple().exponent)) if isinstance(value.as_tuple().exponent, int) else 2
    return f"{value:,.{places}f}"


def percent_outcome(printed: Decimal, part: Decimal, whole: Decimal) -> tuple[Outcome, Decimal]:
    """RULES.md §2.3: is ``printed`` (in %) the share part/whole at its printed precision?

    Returns the outcome and p* = ROUND_HALF_UP(100·part/whole, d). Within the interval
    that the rounding of part and whole allows, a different p is a rounding note.
    """
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if whole == 0:
        return (Outcome.PASS if printed == 0 else Outcome.FAIL), Decimal(0)
    expected = percent(part, whole, places)
    if expected == printed:
        return Outcome.PASS, expected
    qa, qb = quantum(part) * HALF, quantum(whole) * HALF
    ends = [percent(a, b, places) for a in (part - qa, part + qa) for b in (whole - qb, whole + qb) if b != 0]
    if ends and min(ends) <= printed <= max(ends):
        return Outcome.ROUNDING, expected
    return Outcome.FAIL, expected
