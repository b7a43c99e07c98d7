"""Typed public tables: Table → Row → Cell, every cell exact and located.

The same shapes hold final-account (F01…F10), budget (B01…B18) and performance
tables; what differs between them is data in ``refdata``, not classes here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.provenance import Provenance


class Unit(StrEnum):
    """Money unit printed in a table header (单位：万元 / 金额单位：元)."""

    YUAN = "元"
    WAN_YUAN = "万元"


class CellState(StrEnum):
    """What a printed cell held, so that blank and "—" stay distinct from 0.00."""

    NUMBER = "number"  # a numeral, including 0.00
    BLANK = "blank"  # nothing printed
    DASH = "dash"  # "-", "—" or "--": zero or not applicable, as the profile says
    NOT_APPLICABLE = "na"  # "——": the cell must stay empty (S F06 basic column of 309 …)
    TEXT = "text"  # something else (a count with a unit, an indicator value)


class Cell(BaseModel):
    """One printed value. ``value`` is exact, in the table's unit; None unless NUMBER."""

    model_config = ConfigDict(frozen=True)

    column: str
    raw: str
    state: CellState
    value: Decimal | None = None
    prov: Provenance | None = None


class Level(StrEnum):
    """Where a row sits in a classification or table structure."""

    TOTAL = "total"  # 合计 / 总计 / 人员经费合计
    CLASS = "class"  # 类 (3 digits)
    SECTION = "section"  # 款 (5 digits)
    ITEM = "item"  # 项 (7 digits)
    FIXED = "fixed"  # a fixed row of a template (行次 rows, 三公 row)
    UNIT = "unit"  # a unit's subtotal in a table grouped by unit (503001 某某局)


class Row(BaseModel):
    """A table row keyed so that the same row has the same key in every profile.

    ``key`` is ``r27`` for a 行次 row (assigned from refdata where the document prints
    no 行次), the classification code for classified rows (``2080101``, ``30101``),
    ``total`` for 合计, and a named key for other fixed rows. Rows that nest without codes
    (B18 政府采购) are keyed by their path: ``A`` (货物), ``A/2`` (its second subtotal),
    ``A/2/1`` (that subtotal's first 品目).
    """

    model_config = ConfigDict(frozen=True)

    key: str
    label: str
    level: Level
    code: str | None = None
    line_no: int | None = None
    unit: str | None = None  # set when the row counts things (辆, 台（套）), not money
    cells: tuple[Cell, ...] = ()
    prov: Provenance | None = None
    agency: str | None = None  # the unit (单位代码) a row of a table grouped by unit belongs to
    # 类型 of a budget line: 人员类, 公用经费, 其他运转类, 特定目标类; of a B18 品目: its 采购组织形式
    category: str | None = None
    project: str | None = None  # the 专项 a B18 专项/经济科目 subtotal is budgeted under
    gov_code: str | None = None  # 政府预算支出经济分类 code printed beside the 部门 code
    # Other readings of a row whose text dropped its blank cells, when the identities
    # could not choose between them (recognize/placement.py); None when the row is sure.
    alternatives: tuple[tuple[Cell, ...], ...] | None = None

    @property
    def ambiguous(self) -> frozenset[str]:
        """The columns whose value differs between this row's possible readings."""
        if not self.alternatives:
            return frozenset()
        return frozenset(
            c.column
            for alt in self.alternatives
            for c, a in zip(self.cells, alt, strict=True)
            if (c.value or 0) != (a.value or 0)
        )

    def cell(self, column: str) -> Cell | None:
        for c in self.cells:
            if c.column == column:
                return c
        return None

    def value(self, column: str) -> Decimal | None:
        c = self.cell(column)
        return None if c is None else c.value


def unit_groups(rows: Sequence[Row]) -> list[tuple[int, list[int]]]:
    """In a table grouped by unit, (parent, its parts) by row index: 合计 over the units (or
    over the lines when there are no units), and each unit over its lines."""
    total = next((i for i, r in enumerate(rows) if r.level is Level.TOTAL), None)
    units = [i for i, r in enumerate(rows) if r.level is Level.UNIT]
    lines = [i for i, r in enumerate(rows) if r.level not in (Level.TOTAL, Level.UNIT)]
    out: list[tuple[int, list[int]]] = []
    if total is not None:
        out.append((total, units or lines))
    for u in units:
        out.append((u, [i for i in lines if rows[i].agency == rows[u].agency]))
    return [(p, kids) for p, kids in out if kids]


class Column(BaseModel):
    """A measure column: canonical id (``c1``) and the header printed for it."""

    model_config = ConfigDict(frozen=True)

    id: str
    header: str


class Table(BaseModel):
    """One recognised public table."""

    model_config = ConfigDict(frozen=True)

    id: str  # canonical id from TABLES.md (F01 …)
    title: str  # as printed
    label: str | None = None  # 公开01表 / 预算01表, when printed
    variant: str  # which refdata layout variant matched
    unit: Unit
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    entity: str | None = None  # as its header block prints it (部门：…), for consistency checks
    year: int | None = None  # as its header block prints it (2023年度)
    notes: tuple[str, ...] = ()  # 注：… lines under the table
    statements: tuple[str, ...] = ()  # 说明：… (empty-table statements)
    prov: Provenance | None = None  # where the title is

    def row(self, key: str) -> Row | None:
        for r in self.rows:
            if r.key == key:
                return r
        return None

    def value(self, key: str, column: str) -> Decimal | None:
        r = self.row(key)
        return None if r is None else r.value(column)
