"""What the render tests compare: a disclosure's figures, annexes and findings, without
the provenance that necessarily differs between a source and its re-rendering."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.tables import CellState
from yujuesuan.rules.engine import run


def figures(d: Disclosure) -> dict[tuple[str, str, str], tuple[CellState, Decimal | None]]:
    """Every cell of every table: (table, row key, column) → (state, value)."""
    return {(t.id, r.key, c.column): (c.state, c.value) for t in d.tables for r in t.rows for c in r.cells}


def without_prov(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_prov(v) for k, v in value.items() if k != "prov"}
    if isinstance(value, list | tuple):
        return [without_prov(v) for v in value]
    return value


def performance(d: Disclosure) -> Any:
    return without_prov(d.performance.model_dump())


def meta(d: Disclosure) -> tuple[object, ...]:
    m = d.meta
    return (m.entity, m.fiscal_year, m.kind, m.scope, m.unit, m.profile)


def finding_codes(d: Disclosure) -> Counter[str]:
    """Errors and warnings by rule code (rounding notes left out)."""
    result = run(d)
    return Counter(f.code for f in result.findings if f.severity.value in ("error", "warning") and not f.rounding)
