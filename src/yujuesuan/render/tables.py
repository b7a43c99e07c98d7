"""The public tables as printed blocks, in the final/henan-2023 layout (refdata
``print_final.toml``): title, 公开NN表, entity, year and unit lines, the grid, the note
and, for an empty table, its 说明."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from yujuesuan.model.disclosure import Meta, Scope
from yujuesuan.model.tables import Cell, CellState, Level, Row, Table
from yujuesuan.refdata import load
from yujuesuan.render.blocks import Block, Grid, Paragraph, Style
from yujuesuan.render.numbers import money

ORDINALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
    "二十七",
    "二十八",
    "二十九",
    "三十",
]


@dataclass(frozen=True)
class PrintSpec:
    id: str
    label: str
    title: str
    header: tuple[tuple[str, ...], ...]
    note: str
    variant: str
    columns: tuple[tuple[str, str], ...]
    empty: str = ""
    groups: tuple[tuple[str, ...], ...] = ()
    not_printed: tuple[str, ...] = ()


@cache
def print_specs() -> dict[str, PrintSpec]:
    out: dict[str, PrintSpec] = {}
    for t in load("print_final")["table"]:
        out[t["id"]] = PrintSpec(
            id=t["id"],
            label=t["label"],
            title=t["title"],
            header=tuple(tuple(r) for r in t["header"]),
            note=t["note"],
            variant=t["variant"],
            columns=tuple((a, b) for a, b in t["columns"]),
            not_printed=tuple(t.get("not_printed", ())),
            empty=t.get("empty", ""),
            groups=tuple(tuple(g) for g in t.get("groups", ())),
        )
    return out


ORDER = ("F01", "F02", "F03", "F04", "F05", "F06", "F08", "F09", "F07")


def words(meta: Meta) -> dict[str, str]:
    scope = meta.scope.value
    return {"scope": scope, "we": f"我{scope}"}


def cell_text(c: Cell | None) -> str:
    """A cell as printed: a figure at two decimals with separators, a dash kept."""
    if c is None or c.state is CellState.BLANK:
        return ""
    if c.state is CellState.NUMBER and c.value is not None:
        return money(c.value)
    return c.raw


def table_blocks(t: Table, meta: Meta) -> list[Block]:
    spec = print_specs()[t.id]
    w = words(meta)
    who = "单位" if meta.scope is Scope.UNIT else "部门"
    blocks: list[Block] = [
        Paragraph(spec.title, Style.TABLE_TITLE),
        Paragraph(spec.label, Style.TABLE_META),
        Paragraph(f"{who}：{meta.entity or ''}", Style.TABLE_META),
        Paragraph(f"{meta.fiscal_year}年度", Style.TABLE_META),
        Paragraph(f"单位：{t.unit.value}", Style.TABLE_META),
        _grid(t, spec),
        Paragraph(spec.note.format(**w), Style.NOTE),
    ]
    if spec.empty and _empty(t):
        blocks.append(Paragraph(spec.empty.format(**w), Style.NOTE))
    return blocks


def _empty(t: Table) -> bool:
    return all((c.value or Decimal(0)) == 0 for r in t.rows for c in r.cells)


def _grid(t: Table, spec: PrintSpec) -> Grid:
    if t.id in ("F01", "F04"):
        return _two_sided(t, spec)
    if t.id == "F06":
        return _economic(t, spec)
    if t.id == "F07":
        row = t.rows[0] if t.rows else None
        data = tuple(cell_text(row.cell(c.id) if row else None) for c in t.columns)
        return Grid(spec.header + (data,), header=len(spec.header), wide=True)
    return _coded(t, spec)


def _coded(t: Table, spec: PrintSpec) -> Grid:
    rows = [
        ("" if r.level is Level.TOTAL else (r.code or ""), "合计" if r.level is Level.TOTAL else r.label)
        + tuple(cell_text(r.cell(c.id)) for c in t.columns)
        for r in t.rows
    ]
    return Grid(spec.header + tuple(rows), header=len(spec.header), numeric_from=2, wide=len(t.columns) > 5)


def _two_sided(t: Table, spec: PrintSpec) -> Grid:
    split = 31 if t.id == "F01" else 32
    left_cols = [c.id for c in t.columns][:1]
    right_cols = [c.id for c in t.columns][1:]
    by_line = {r.line_no: r for r in t.rows if r.line_no is not None}
    rows = []
    for i in range(split):
        left, right = by_line.get(i + 1), by_line.get(split + i + 1)
        rows.append(_side(left, i + 1, left_cols) + _side(right, split + i + 1, right_cols))
    return Grid(spec.header + tuple(rows), header=len(spec.header), wide=t.id == "F04")


def _side(r: Row | None, line_no: int, columns: list[str]) -> tuple[str, ...]:
    if r is None:
        return ("", str(line_no)) + ("",) * len(columns)
    return (r.label, str(line_no)) + tuple(cell_text(r.cell(c)) for c in columns)


def _economic(t: Table, spec: PrintSpec) -> Grid:
    """Side-by-side groups of (code, name, amount), each 类 followed by its 款."""
    column = t.columns[0].id
    coded = [r for r in t.rows if r.code]
    groups: list[list[tuple[str, str, str]]] = []
    for classes in spec.groups:
        cells: list[tuple[str, str, str]] = []
        for cls in classes:
            for r in coded:
                if r.code is not None and r.code.startswith(cls):
                    cells.append((r.code, r.label, cell_text(r.cell(column))))
        groups.append(cells)
    height = max((len(g) for g in groups), default=0)
    rows: list[tuple[str, ...]] = []
    for i in range(height):
        row: tuple[str, ...] = ()
        for g in groups:
            row += g[i] if i < len(g) else ("", "", "")
        rows.append(row)
    personnel, public = t.row("personnel_total"), t.row("public_total")
    last = ["", "人员经费合计", cell_text(personnel.cell(column) if personnel else None)]
    last += ["", "", ""] * (len(groups) - 2)
    last += ["", "公用经费合计", cell_text(public.cell(column) if public else None)]
    rows.append(tuple(last))
    return Grid(spec.header + tuple(rows), header=1, wide=True)


def raw_table(table_id: str) -> dict[str, Any]:
    """The recognition template of a 决算 table (refdata ``final_tables.toml``)."""
    return next(t for t in load("final_tables")["table"] if t["id"] == table_id)
