"""The public tables as printed blocks, in the layout of the disclosure's profile
(refdata ``print_final.toml``: final/henan-2023, final/shanxi-2022): title, 公开NN表,
entity, year and unit lines, the grid, the note and, for an empty table, its 说明."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from yujuesuan.model.disclosure import Meta
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

HENAN = "final/henan-2023"
SHANXI = "final/shanxi-2022"
PROFILES = (HENAN, SHANXI)


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
    sections: tuple[tuple[Any, ...], ...] = ()  # F10: the printed lines, 行次 rows as [n]


@dataclass(frozen=True)
class PrintProfile:
    name: str
    order: tuple[str, ...]
    entity: str  # the word before the entity on the header line; {scope}: 部门 or 单位
    unit: str  # 单位 or 金额单位


def printable(profile: str) -> str:
    """The print profile for a disclosure's profile; others print as final/henan-2023."""
    return profile if profile in PROFILES else HENAN


@cache
def print_profile(profile: str) -> PrintProfile:
    name = printable(profile)
    p = load("print_final")["profiles"][name]
    return PrintProfile(name, tuple(p["order"]), p["entity"], p["unit"])


@cache
def _entries() -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for t in load("print_final")["table"]:
        profile = t.get("profile", HENAN)
        base = dict(out.get((HENAN, t["id"]), {}))
        base.update(t)
        out[(profile, t["id"])] = base
    return out


@cache
def print_spec(profile: str, table_id: str) -> PrintSpec:
    name = printable(profile)
    t = _entries().get((name, table_id)) or _entries()[(HENAN, table_id)]
    return PrintSpec(
        id=t["id"],
        label=t["label"],
        title=t["title"],
        header=tuple(tuple(r) for r in t["header"]),
        note=t["note"],
        variant=t["variant"],
        columns=tuple((a, b) for a, b in t["columns"]),
        empty=t.get("empty", ""),
        groups=tuple(tuple(g) for g in t.get("groups", ())),
        not_printed=tuple(t.get("not_printed", ())),
        sections=tuple(tuple(s) for s in t.get("sections", ())),
    )


def order(profile: str) -> tuple[str, ...]:
    return print_profile(profile).order


def words(meta: Meta) -> dict[str, str]:
    scope = meta.scope.value
    return {"scope": scope, "we": f"我{scope}"}


def cell_text(c: Cell | None, whole: bool = False, separators: bool = True) -> str:
    """A cell as printed: a figure at two decimals, with separators unless the profile
    prints none (a count as a whole number), a dash kept, a blank left blank."""
    if c is None or c.state is CellState.BLANK:
        return ""
    if c.state is CellState.NUMBER and c.value is not None:
        return f"{c.value:f}" if whole else money(c.value, separators)
    return c.raw


def table_blocks(t: Table, meta: Meta) -> list[Block]:
    prof = print_profile(meta.profile)
    spec = print_spec(meta.profile, t.id)
    w = words(meta)
    who = prof.entity.format(**w)
    if t.id == "F10":
        who = "单位名称"
    blocks: list[Block] = [
        Paragraph(spec.title, Style.TABLE_TITLE),
        Paragraph(spec.label, Style.TABLE_META),
        Paragraph(f"{who}：{meta.entity or ''}", Style.TABLE_META),
        Paragraph(f"{meta.fiscal_year}年度", Style.TABLE_META),
        Paragraph(f"{prof.unit}：{t.unit.value}", Style.TABLE_META),
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
    if t.id == "F10":
        return _statistics(t, spec)
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


def economic_groups(rows: tuple[Row, ...], spec: PrintSpec) -> list[list[Row]]:
    """The coded rows of F06 in their printed groups: an entry ``31001-31010`` takes the
    款 in that range, an entry ``310`` the 类 and its 款 that no range takes."""
    coded = [r for r in rows if r.code]
    ranges = [tuple(e.split("-")) for g in spec.groups for e in g if "-" in e]

    def ranged(code: str) -> bool:
        return any(lo <= code <= hi for lo, hi in ranges)

    out: list[list[Row]] = []
    for group in spec.groups:
        cells: list[Row] = []
        for entry in group:
            if "-" in entry:
                lo, hi = entry.split("-")
                cells += [r for r in coded if r.code and len(r.code) == 5 and lo <= r.code <= hi]
            else:
                cells += [r for r in coded if r.code == entry]
                cells += [
                    r
                    for r in coded
                    if r.code and len(r.code) == 5 and r.code.startswith(entry) and not ranged(r.code)
                ]
        out.append(cells)
    return out


def _economic(t: Table, spec: PrintSpec) -> Grid:
    """Side-by-side groups of (code, name, amounts…), each 类 followed by its 款."""
    columns = [c.id for c in t.columns]
    width = 2 + len(columns)
    groups = [
        [(r.code or "", r.label) + tuple(cell_text(r.cell(c)) for c in columns) for r in g]
        for g in economic_groups(t.rows, spec)
    ]
    height = max((len(g) for g in groups), default=0)
    rows: list[tuple[str, ...]] = []
    for i in range(height):
        row: tuple[str, ...] = ()
        for g in groups:
            row += g[i] if i < len(g) else ("",) * width
        rows.append(row)
    personnel, public = t.row("personnel_total"), t.row("public_total")
    figures = [cell_text(personnel.cell(c) if personnel else None) for c in columns]
    public_figures = [cell_text(public.cell(c) if public else None) for c in columns]
    if len(columns) == 1:  # final/henan-2023: the labels sit in the name columns
        last = (
            ["", "人员经费合计", *figures]
            + [""] * (width * (len(groups) - 2))
            + ["", "公用经费合计", *public_figures]
        )
    else:  # final/shanxi-2022: 人员经费合计 in the first cell, 公用经费合计 in the second group's
        last = ["人员经费合计", "", *figures, "公用经费合计"]
        last += [""] * (width * len(groups) - len(last) - len(columns)) + public_figures
    rows.append(tuple(last))
    return Grid(spec.header + tuple(rows), header=len(spec.header), wide=True)


def _statistics(t: Table, spec: PrintSpec) -> Grid:
    """F10: 行次 rows between the printed section lines."""
    by_line = {r.line_no: r for r in t.rows if r.line_no is not None}
    rows: list[tuple[str, ...]] = []
    for line in spec.sections:
        if line[0] == 0:
            rows.append(tuple(str(x) for x in line[1:]))
            continue
        r = by_line.get(int(line[0]))
        if r is not None:
            rows.append((r.label, str(line[0]), cell_text(r.cell("c1"), whole=r.unit is not None)))
    return Grid(tuple(rows), header=0, numeric_from=2)


def raw_table(table_id: str) -> dict[str, Any]:
    """The recognition template of a 决算 table (refdata ``final_tables.toml``)."""
    return next(t for t in load("final_tables")["table"] if t["id"] == table_id)
