"""Put a row's printed amounts back into their columns when the text dropped the blanks.

Some text layers (the Henan 2025 budget tables) print only the non-blank cells of a row,
so ``7.60 0 0 7.60 7.60`` under eleven columns says nothing about where each figure
stands. The in-row identities of the table (``总计 = 基本 + 项目`` …) decide: every
placement that keeps the printed order and satisfies them is a candidate. Placements
that give the same numbers column by column (a ``0`` here or there) are one reading;
when two readings remain, the row is ambiguous and later steps (column sums over the
table, identities with other tables) choose, or it stays ambiguous and is reported so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from yujuesuan.rules.tolerance import allowance


@dataclass(frozen=True)
class RowShape:
    """The in-row identities of a table as column indices: lhs = Σ rhs, and small ≤ big."""

    width: int
    sums: tuple[tuple[int, tuple[int, ...]], ...]
    at_most: tuple[tuple[int, int], ...] = ()


@cache
def row_shape(columns: tuple[str, ...], identities: tuple[str, ...]) -> RowShape:
    """``c1 = c2 + c9`` and ``c3 <= c2`` over the column ids of a table."""
    index = {c: i for i, c in enumerate(columns)}
    sums: list[tuple[int, tuple[int, ...]]] = []
    at_most: list[tuple[int, int]] = []
    for text in identities:
        if "<=" in text:
            small, big = (s.strip() for s in text.split("<="))
            at_most.append((index[small], index[big]))
            continue
        left, right = (s.strip() for s in text.split("="))
        sums.append((index[left], tuple(index[t] for t in right.split() if t != "+")))
    return RowShape(len(columns), tuple(sums), tuple(at_most))


Placement = tuple[int, ...]  # the column index of each printed amount, in order


def placements(values: Sequence[Decimal], shape: RowShape) -> list[Placement]:
    """Every order-keeping placement of ``values`` into the row's columns that satisfies
    the row's identities (within the rounding allowance of the figures involved).

    Zeros change no sum, so only the non-zero figures are searched; each zero then takes
    the leftmost free column of its gap, which must have room for it. Placements that
    differ only in where a zero stands are therefore found once.
    """
    n, k = len(values), shape.width
    if n > k:
        return []
    nonzero = [i for i, v in enumerate(values) if v != 0]
    zeros_before = [sum(1 for v in values[:i] if v == 0) for i in nonzero]  # cumulative
    non_negative = all(v >= 0 for v in values)
    closes_at: dict[int, list[int]] = {}  # column → identities whose last column it is
    for j, (lhs, rhs) in enumerate(shape.sums):
        closes_at.setdefault(max((lhs, *rhs)), []).append(j)
    found: list[Placement] = []
    cell: list[Decimal | None] = [None] * k

    def slack(columns: tuple[int, ...]) -> Decimal:
        """The rounding allowance of the figures placed in these columns (RULES.md §2)."""
        return allowance([v for c in columns if (v := cell[c]) is not None])

    def holds(j: int) -> bool:
        lhs, rhs = shape.sums[j]
        total = sum((cell[c] or Decimal(0) for c in rhs), Decimal(0))
        return abs((cell[lhs] or Decimal(0)) - total) <= slack((lhs, *rhs))

    def closed(lo: int, hi: int) -> bool:
        """The identities whose last column lies in [lo, hi] (all their cells now known)."""
        return all(holds(j) for c in range(lo, hi + 1) for j in closes_at.get(c, ()))

    def bounded() -> bool:
        """With no negative figures, a part never exceeds its whole."""
        for lhs, rhs in shape.sums:
            whole = cell[lhs]
            if whole is None:
                continue
            part = sum((cell[c] or Decimal(0) for c in rhs), Decimal(0))
            if part > whole + slack((lhs, *rhs)):
                return False
        return True

    def at_most_holds() -> bool:
        return all((cell[s] or Decimal(0)) <= (cell[b] or Decimal(0)) for s, b in shape.at_most)

    def place(i: int, start: int, taken: list[int]) -> None:
        if i == len(nonzero):
            trailing = n - 1 - nonzero[-1] if nonzero else n
            if k - start >= trailing and closed(start, k - 1) and at_most_holds():
                found.append(_with_zeros(values, nonzero, taken))
            return
        gap = zeros_before[i] - (zeros_before[i - 1] if i else 0)
        later = len(nonzero) - i - 1 + (n - 1 - nonzero[-1])
        for pos in range(start + gap, k - later):
            cell[pos] = values[nonzero[i]]
            if closed(start, pos) and (not non_negative or bounded()):
                place(i + 1, pos + 1, [*taken, pos])
            cell[pos] = None

    place(0, 0, [])
    return found


def _with_zeros(values: Sequence[Decimal], nonzero: list[int], taken: list[int]) -> Placement:
    """The full placement: each zero in the leftmost free column after the figure before it."""
    at = dict(zip(nonzero, taken, strict=True))
    out: list[int] = []
    last = -1
    for i in range(len(values)):
        last = at[i] if i in at else last + 1
        out.append(last)
    return tuple(out)


def reading(values: Sequence[Decimal], placement: Placement, width: int) -> tuple[Decimal, ...]:
    """The numbers column by column (blank = 0) that a placement gives."""
    out = [Decimal(0)] * width
    for v, at in zip(values, placement, strict=True):
        out[at] = v
    return tuple(out)


def readings(values: Sequence[Decimal], shape: RowShape) -> list[Placement]:
    """One placement per distinct reading, leftmost first; empty when none fits."""
    seen: dict[tuple[Decimal, ...], Placement] = {}
    for p in placements(values, shape):
        seen.setdefault(reading(values, p, shape.width), p)
    return list(seen.values())
