"""Build failing fixtures: a real seed's model with one printed value or text changed."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from tests.conftest import FINAL_SEEDS, SEEDS, corpus_file
from yujuesuan.model import Cell, CellState, Disclosure, Section, TextLine
from yujuesuan.pipeline import parse
from yujuesuan.rules.engine import Result, run
from yujuesuan.rules.tolerance import fmt


@cache
def seed(key: str) -> Disclosure:
    return parse([corpus_file(SEEDS / FINAL_SEEDS[key])])


@cache
def pdf(path: Path) -> Disclosure:
    return parse([corpus_file(path)])


def set_cell(d: Disclosure, table: str, row: str, column: str, value: Decimal | None) -> Disclosure:
    """The same disclosure with one cell printed as ``value`` (None: blank)."""
    tables = []
    hit = False
    for t in d.tables:
        if t.id != table:
            tables.append(t)
            continue
        rows = []
        for r in t.rows:
            if r.key == row or (r.code == row and table not in ("F01", "F04")):
                cells = []
                for c in r.cells:
                    if c.column == column:
                        hit = True
                        raw = "" if value is None else fmt(value)
                        state = CellState.BLANK if value is None else CellState.NUMBER
                        c = Cell(column=c.column, raw=raw, state=state, value=value, prov=c.prov)
                    cells.append(c)
                r = r.model_copy(update={"cells": tuple(cells)})
            rows.append(r)
        tables.append(t.model_copy(update={"rows": tuple(rows)}))
    assert hit, f"{table}.{row}.{column} not in the model"
    return d.model_copy(update={"tables": tuple(tables)})


def shift(d: Disclosure, table: str, row: str, column: str, by: Decimal) -> Disclosure:
    t = d.table(table)
    assert t is not None
    current = next((r for r in t.rows if r.key == row or r.code == row), None)
    assert current is not None, f"{table}.{row}"
    cell = current.cell(column)
    assert cell is not None
    base = cell.value if cell.value is not None else Decimal("0.00")
    return set_cell(d, table, row, column, base + by)


def shift_target(d: Disclosure, kind: str, index: int, column: str, by: Decimal) -> Disclosure:
    """The disclosure with one amount of a performance target moved by ``by``: ``kind`` is
    ``unit`` (预算14表 copy ``index``) or ``project`` (预算15表 row ``index``)."""
    field = "unit_targets" if kind == "unit" else "project_targets"
    targets = list(getattr(d.performance, field))
    target = targets[index]
    cells = []
    for c in target.cells:
        if c.column == column:
            value = (c.value or Decimal("0.00")) + by
            c = Cell(column=column, raw=fmt(value), state=CellState.NUMBER, value=value, prov=c.prov)
        cells.append(c)
    targets[index] = target.model_copy(update={"cells": tuple(cells)})
    return d.model_copy(update={"performance": d.performance.model_copy(update={field: tuple(targets)})})


def replace_text(d: Disclosure, old: str, new: str) -> Disclosure:
    """The disclosure with ``old`` replaced in the narrative lines (also where a line break
    falls inside ``old``: the two lines are then merged into the first)."""
    hits = 0

    def fix(s: Section) -> Section:
        nonlocal hits
        texts = [ln.text for ln in s.lines]
        for i, text in enumerate(texts):
            if old in text:
                texts[i], hits = text.replace(old, new), hits + 1
            elif i + 1 < len(texts) and old in text + texts[i + 1]:
                texts[i], texts[i + 1], hits = (text + texts[i + 1]).replace(old, new), "", hits + 1
        lines = tuple(TextLine(text=t, prov=ln.prov) for t, ln in zip(texts, s.lines, strict=True))
        return s.model_copy(update={"text": s.text.replace(old, new), "lines": lines})

    changed = d.model_copy(update={"narrative": tuple(fix(s) for s in d.narrative)})
    assert hits, f"{old!r} is not in the narrative"
    return changed


def codes(result: Result, *, include_rounding: bool = False) -> set[str]:
    return {f.code for f in result.findings if include_rounding or not f.rounding}


def problems(d: Disclosure, select: list[str] | None = None) -> Result:
    return run(d, select=select)


def change_evaluation(d: Disclosure, index: int, **update: object) -> Disclosure:
    """The disclosure with self-evaluation table ``index`` updated (fields of SelfEvaluation)."""
    tables = list(d.performance.evaluations)
    tables[index] = tables[index].model_copy(update=update)
    return d.model_copy(
        update={"performance": d.performance.model_copy(update={"evaluations": tuple(tables)})}
    )


def set_evaluation_cell(d: Disclosure, index: int, row: str | int, column: str, raw: str) -> Disclosure:
    """Self-evaluation ``index`` with one cell printed as ``raw``: ``row`` is a funding row's
    source (``"total"`` for the 资金总额 row) or the index of a scored line."""
    e = d.performance.evaluations[index]
    value = Decimal(raw.rstrip("%")) if raw else None
    state = CellState.NUMBER if raw else CellState.BLANK

    def fix(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
        assert any(c.column == column for c in cells), f"no {column} cell"
        return tuple(
            c.model_copy(update={"raw": raw, "value": value, "state": state}) if c.column == column else c
            for c in cells
        )

    if isinstance(row, int):
        lines = list(e.lines)
        lines[row] = lines[row].model_copy(update={"cells": fix(lines[row].cells)})
        return change_evaluation(d, index, lines=tuple(lines))
    funds = tuple(
        f.model_copy(update={"cells": fix(f.cells)}) if (f.source or "total") == row else f for f in e.funds
    )
    return change_evaluation(d, index, funds=funds)
