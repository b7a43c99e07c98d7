"""Choose between the readings of rows whose blank cells were dropped.

A row with ``alternatives`` could be read more than one way (recognize/placement.py).
Two kinds of evidence narrow that down, as RULES.md §7 says:
  in the table — every column of a unit's row is the sum of its lines, and the 合计 row
                 the sum of the units (B03-02, B05-02 …): ``settle_table``;
  across tables — a column of a fund that has no money in the 收支预算表 (B01) is empty;
                 the 基本支出 columns of B05 are the economic class sums of B06; B03 equals
                 B05 when all money is 一般公共预算 (BX-06); the 三公 columns are the
                 economic items 30212, 30217, 30231 of B06 (BX-10): ``settle_document``.
What stays ambiguous keeps its alternatives, and the rules skip its uncertain cells.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from yujuesuan.model.tables import Cell, Level, Row, Table, unit_groups
from yujuesuan.recognize.specs import spec_of

Option = tuple[Cell, ...]
_BRUTE_FORCE = 4096  # readings combined at most, per group of rows


def options(row: Row) -> list[Option]:
    return [row.cells, *(row.alternatives or ())]


def _cents(option: Option) -> tuple[int, ...]:
    """Exact integer hundredths of each cell (blank = 0), for fast exact sums."""
    return tuple(int((c.value or Decimal(0)) * 100) for c in option)


def _with(row: Row, kept: list[Option]) -> Row:
    return row.model_copy(update={"cells": kept[0], "alternatives": tuple(kept[1:]) or None})


def settle_table(rows: Sequence[Row]) -> list[Row]:
    """Keep, for every row, only the readings that let its group's columns add up."""
    opts = {i: options(r) for i, r in enumerate(rows)}
    if all(len(o) == 1 for o in opts.values()):
        return list(rows)
    groups = unit_groups(rows)
    changed = True
    while changed:
        changed = False
        for parent, kids in groups:
            changed |= _by_column(opts, parent, kids)
            changed |= _narrow(opts, parent, kids)
    return [_with(r, opts[i]) if len(opts[i]) != len(options(r)) else r for i, r in enumerate(rows)]


def _by_column(opts: dict[int, list[Option]], parent: int, kids: list[int]) -> bool:
    """Column by column: when the sure parts already make the whole, the open parts hold
    nothing there (no figure is negative); when one part is open, it holds the rest."""
    members = [parent, *kids]
    if any(v < 0 for m in members for o in opts[m] for v in _cents(o)):
        return False
    changed = False
    width = len(opts[parent][0])
    tolerance = len(kids) + 1
    for col in range(width):
        whole = {_cents(o)[col] for o in opts[parent]}
        if len(whole) != 1:
            continue
        target = whole.pop()
        sure = 0
        open_: list[int] = []
        for m in kids:
            values = {_cents(o)[col] for o in opts[m]}
            if len(values) == 1:
                sure += values.pop()
            else:
                open_.append(m)
        if not open_:
            continue
        if abs(target - sure) <= tolerance:
            rest, slack = 0, 0  # the sure parts make the whole: the open ones hold nothing
        elif len(open_) == 1:
            rest, slack = target - sure, tolerance  # the one open part holds the rest
        else:
            continue
        for m in open_:
            kept = [o for o in opts[m] if abs(_cents(o)[col] - rest) <= slack]
            if kept and len(kept) < len(opts[m]):
                opts[m] = kept
                changed = True
    return changed


def _narrow(opts: dict[int, list[Option]], parent: int, kids: list[int]) -> bool:
    members = [parent, *kids]
    open_ = [m for m in members if len(opts[m]) > 1]
    if not open_:
        return False
    size = 1
    for m in open_:
        size *= len(opts[m])
    if size > _BRUTE_FORCE:
        return False
    cents = {m: [_cents(o) for o in opts[m]] for m in members}
    width = len(cents[parent][0])
    fixed = [0] * width
    for m in kids:
        if len(opts[m]) == 1:
            fixed = [a + b for a, b in zip(fixed, cents[m][0], strict=True)]
    tolerance = len(kids) + 1  # half a cent per printed figure, in cents (rounded up)
    feasible: dict[int, set[int]] = {m: set() for m in open_}
    for combo in itertools.product(*(range(len(opts[m])) for m in open_)):
        chosen = dict(zip(open_, combo, strict=True))
        whole = cents[parent][chosen.get(parent, 0)]
        parts = list(fixed)
        for m in kids:
            if m in chosen:
                parts = [a + b for a, b in zip(parts, cents[m][chosen[m]], strict=True)]
        if all(abs(w - p) <= tolerance for w, p in zip(whole, parts, strict=True)):
            for m, c in chosen.items():
                feasible[m].add(c)
    if not any(feasible.values()):
        return False  # the table does not add up under any reading: the rules will say so
    changed = False
    for m in open_:
        if len(feasible[m]) < len(opts[m]):
            opts[m] = [opts[m][c] for c in sorted(feasible[m])]
            changed = True
    return changed


# ------------------------------------------------------------------ across tables


def _keep(table: Table, test: Callable[[Row, Option], bool]) -> Table:
    """The table with each open row narrowed to the readings that pass ``test`` (when any do)."""
    rows = []
    for r in table.rows:
        opts = options(r)
        kept = [o for o in opts if test(r, o)] if len(opts) > 1 else opts
        rows.append(_with(r, kept) if kept and len(kept) < len(opts) else r)
    return table.model_copy(update={"rows": tuple(rows)})


def _mapped(option: Option, columns: Iterable[str]) -> tuple[Decimal, ...]:
    return tuple(_value(option, c) for c in columns)


def _value(option: Option, column: str) -> Decimal:
    return next((c.value or Decimal(0) for c in option if c.column == column), Decimal(0))


_B01_FUNDS = {
    "in.gpb": "gpb", "in.fund": "fund", "in.soe": "soe", "in.special": "special",
    "in.business": "business", "in.operating": "operating", "in.upper": "upper",
    "in.affiliated": "affiliated", "in.other": "other", "in.carry": "carry",
}  # fmt: skip
_UNIT_FUNDS = {"business", "operating", "upper", "affiliated", "other", "carry"}  # 单位资金


def _in_funds(funds: dict[str, str], active: set[str]) -> Callable[[Row, Option], bool]:
    """A reading that puts money only in columns of funds the department has."""

    def test(r: Row, o: Option) -> bool:
        return all((c.value or 0) == 0 or funds.get(c.column, "") in ("", *active) for c in o)

    return test


def _active_funds(b01: Table) -> set[str]:
    active = {fund for key, fund in _B01_FUNDS.items() if (b01.value(key, "c1") or 0) != 0}
    if active & _UNIT_FUNDS:
        active.add("unit")
    return active


def _econ_sum(table: Table, prefixes: tuple[str, ...], column: str) -> Decimal:
    return sum(
        (r.value(column) or Decimal(0) for r in table.rows if r.code and r.code.startswith(prefixes)),
        Decimal(0),
    )


def settle_document(tables: Sequence[Table]) -> list[Table]:
    """Narrow open rows with what the other tables say, then settle each table again."""
    by_id = {t.id: t for t in tables}
    if not any(r.alternatives for t in tables for r in t.rows):
        return list(tables)
    specs = {t.id: s for t in tables if (s := spec_of(t.id, t.variant)) is not None}
    b01 = by_id.get("B01")
    if b01 is not None and b01.variant == "henan":
        active = _active_funds(b01)
        for tid, t in by_id.items():
            funds = dict(specs[tid].funds) if tid in specs else {}
            if funds:
                by_id[tid] = _keep(t, _in_funds(funds, active))
    b05, b06 = by_id.get("B05"), by_id.get("B06")
    if b05 is not None and b06 is not None:
        classes = {"c3": ("301",), "c4": ("303",), "c5": ("302",), "c6": ("310",)}
        sums = {col: _econ_sum(b06, p, "c1") for col, p in classes.items()}
        by_id["B05"] = _keep(
            b05, lambda r, o: r.level is not Level.TOTAL or all(_value(o, c) == v for c, v in sums.items())
        )
        by_id["B05"] = _resettled(by_id["B05"])
    b03, b05 = by_id.get("B03"), by_id.get("B05")
    if b03 is not None and b05 is not None and b01 is not None and _active_funds(b01) <= {"gpb"}:
        # all money is 一般公共预算: B03 and B05 print the same rows (BX-06 with equality)
        pairs = {
            "c1": "c1",
            "c2": "c2",
            "c4": "c3",
            "c5": "c4",
            "c7": "c5",
            "c8": "c6",
            "c9": "c7",
            "c10": "c8",
            "c11": "c9",
        }
        for _ in range(2):
            b05 = _resettled(_matching_rows(b05, b03, list(pairs.values()), list(pairs.keys())))
            b03 = _resettled(_matching_rows(b03, b05, list(pairs.keys()), list(pairs.values())))
        by_id["B03"], by_id["B05"] = b03, b05
    b04 = by_id.get("B04")
    if b04 is not None and b01 is not None and b01.value("in.gpb", "c1") == b01.value("in.gpb.fiscal", "c1"):
        # all 一般公共预算 is 财政拨款 (B01): the “其中：财政拨款” column repeats the 小计
        by_id["B04"] = _keep(b04, lambda r, o: _value(o, "c3") == _value(o, "c2"))
    b09 = by_id.get("B09")
    econ = by_id.get("B08") or b06
    if b09 is not None and econ is not None:
        items = {"c3": ("30212",), "c5": ("31013", "30913"), "c6": ("30231",), "c7": ("30217",)}
        sums = {col: _econ_sum(econ, p, "c1") for col, p in items.items()}
        by_id["B09"] = _keep(b09, lambda r, o: all(_value(o, c) == v for c, v in sums.items()))
    return [_resettled(by_id[t.id]) for t in tables]


def _matching_rows(table: Table, other: Table, columns: list[str], other_columns: list[str]) -> Table:
    """``table`` with each open row narrowed to the readings that some reading of the
    same row of ``other`` matches, column for column."""
    seen = {r.key: {_mapped(o, other_columns) for o in options(r)} for r in other.rows}

    def agrees(r: Row, o: Option) -> bool:
        return r.key not in seen or _mapped(o, columns) in seen[r.key]

    return _keep(table, agrees)


def _resettled(table: Table) -> Table:
    """Settle again by the unit sums, which only a table grouped by unit has: the 收入合计 of
    a 财政拨款收支预算表 (B04) is not the sum of the lines below it, nor as wide as them."""
    spec = spec_of(table.id, table.variant)
    if spec is None or spec.layout != "units":
        return table
    return table.model_copy(update={"rows": tuple(settle_table(table.rows))})
