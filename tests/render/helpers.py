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


# Free text of the annex forms: a PDF wraps a long line, and the 自评表 reader keeps what
# the first printed line holds (goal, outcome) and drops spaces at line ends.
FREE_TEXT = frozenset({"goal", "outcome", "explanation", "reason", "text", "duties"})


def performance(d: Disclosure, free_text: bool = True) -> Any:
    """The performance material; without ``free_text``, its figures, names and grades only."""
    dumped = without_prov(d.performance.model_dump())
    return dumped if free_text else _drop(dumped)


def _drop(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop(v) for k, v in value.items() if k not in FREE_TEXT}
    if isinstance(value, list):
        return [_drop(v) for v in value]
    return value


def meta(d: Disclosure) -> tuple[object, ...]:
    m = d.meta
    return (m.entity, m.fiscal_year, m.kind, m.scope, m.unit, m.profile)


def finding_codes(d: Disclosure) -> Counter[str]:
    """Errors and warnings by rule code (rounding notes left out)."""
    result = run(d)
    return Counter(
        f.code for f in result.findings if f.severity.value in ("error", "warning") and not f.rounding
    )
