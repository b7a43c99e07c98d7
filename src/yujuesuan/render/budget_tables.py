"""The 预算 tables as printed blocks in the budget/henan-2025 layout (refdata
``print_budget.toml``): 预算NN表, the title with its year, 部门名称 and 单位 lines, the
grid. Rows grouped by unit print as the published tables do: 合计, each unit's row,
then its lines; codes in their 类 · 款 · 项 cells, which `yjs parse` joins again."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from yujuesuan.model.disclosure import Meta
from yujuesuan.model.tables import Level, Row, Table
from yujuesuan.refdata import load
from yujuesuan.render.blocks import Block, Grid, Paragraph, Style
from yujuesuan.render.tables import cell_text

# budget/henan-2025 prints its figures without thousands separators (12593.11)

BUDGET = "budget/henan"
BUDGET_PROFILES = (BUDGET,)


@dataclass(frozen=True)
class BudgetSpec:
    id: str
    label: str
    title: str  # with {year}
    lead: str
    header: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[str, str], ...]
    note: str = ""

    def printed_title(self, year: int | None) -> str:
        """The title as printed: 2025年部门收支预算表 (without a year when none is known)."""
        return self.title.replace("{year}年", "") if year is None else self.title.format(year=year)


@cache
def _recognition(table_id: str) -> dict[str, Any]:
    """The henan entry of a table in budget_tables.toml: its column ids and headers."""
    return next(
        t
        for t in load("budget_tables")["table"]
        if t["id"] == table_id and any(v["name"] == "henan" for v in t.get("variants", ()))
    )


@cache
def budget_spec(table_id: str) -> BudgetSpec:
    t = next(x for x in load("print_budget")["table"] if x["id"] == table_id)
    return BudgetSpec(
        id=table_id,
        label=t["label"],
        title=t["title"],
        lead=t["lead"],
        header=tuple(tuple(r) for r in t["header"]),
        columns=tuple((a, b) for a, b in _recognition(table_id)["columns"]),
        note=t.get("note", ""),
    )


def budget_order() -> tuple[str, ...]:
    return tuple(load("print_budget")["order"])


def budget_classes() -> tuple[str, ...]:
    return tuple(load("print_budget")["classes"])


def government_name(code: str | None) -> str:
    names: dict[str, str] = load("print_budget")["government"]
    return names.get(code or "", "")


def fixed_rows(table_id: str) -> list[tuple[str, str]]:
    """The (key, name) fixed rows of B01 or B04 as budget_tables.toml lists them."""
    t = _recognition(table_id)
    if "blocks" in t:
        return [(r[0], r[1]) for b in t["blocks"] for r in b["rows"]]
    return [(r[0], r[1]) for r in t["rows"]]


def budget_table_blocks(t: Table, meta: Meta) -> list[Block]:
    spec = budget_spec(t.id)
    blocks: list[Block] = [
        Paragraph(spec.label, Style.TABLE_META),
        Paragraph(spec.printed_title(meta.fiscal_year), Style.TABLE_TITLE),
        Paragraph(f"部门名称：{meta.entity or ''}", Style.TABLE_META),
        Paragraph(f"单位：{t.unit.value}", Style.TABLE_META),
        _grid(t, spec),
    ]
    if spec.note:
        blocks.append(Paragraph(spec.note, Style.NOTE))
    return blocks


def _grid(t: Table, spec: BudgetSpec) -> Grid:
    if spec.lead == "blocks":
        rows = _blocks(t)
    elif spec.lead == "fiscal":
        rows = _fiscal(t)
    else:
        names = {r.agency: r.label for r in t.rows if r.level is Level.UNIT and r.agency}
        rows = [lead_cells(spec.lead, r, names) + _figures(t, r) for r in t.rows]
    width = len(spec.header[0])
    lead = width - len(spec.columns) if spec.lead not in ("blocks", "fiscal") else 0
    return Grid(spec.header + tuple(rows), header=len(spec.header), numeric_from=lead, wide=width > 8)


def _figures(t: Table, r: Row | None) -> tuple[str, ...]:
    return tuple(cell_text(r.cell(c.id) if r else None, separators=False) for c in t.columns)


def lead_cells(lead: str, r: Row, unit_names: dict[str, str]) -> tuple[str, ...]:
    """The cells before a row's figures, by the table's lead (print_budget.toml)."""
    total = r.level is Level.TOTAL
    unit = r.level is Level.UNIT
    code = r.code or ""
    if lead == "none":
        return ()
    if lead == "units":
        return ("", "合计") if total else (r.agency or "", r.label)
    if lead == "function":
        if total:
            return ("", "", "", "", "合计")
        if unit:
            return ("", "", "", r.agency or "", r.label)
        return (code[:3], code[3:5], code[5:7], "", r.label)
    if lead == "pair":
        if total:
            return ("合计", "", "", "")
        return (code, r.label, r.gov_code or "", government_name(r.gov_code))
    if lead == "split":
        if total:
            return ("合计", "", "", "", "", "")
        if unit:
            return (r.agency or "", "", r.label, "", "", "")
        gov = r.gov_code or ""
        return (code[:3], code[3:5], r.label, gov[:3], gov[3:5], government_name(r.gov_code))
    if lead == "typed":
        if total:
            return ("合计", "", "")
        if unit:
            return (r.agency or "", "", r.label)
        return ("", r.category or "", r.label)
    if lead == "project":
        if total:
            return ("合计", "", "")
        if unit:
            return (r.agency or "", "", r.label)
        return (r.category or "", r.label, unit_names.get(r.agency or "", ""))
    if lead == "econ":
        return ("", "合计") if total else (code, r.label)
    raise ValueError(f"unknown lead {lead}")


def _pair(r: Row | None, columns: list[str]) -> tuple[str, ...]:
    if r is None:
        return ("",) * (1 + len(columns))
    return (r.label,) + tuple(cell_text(r.cell(c), separators=False) for c in columns)


def _blocks(t: Table) -> list[tuple[str, ...]]:
    """B01: the income lines beside the 类 lines, then the three totals side by side."""
    foot = {"in.subtotal", "in.carry", "in.total", "out.subtotal", "out.carry", "out.total"}
    left = [r for r in t.rows if r.key.startswith("in.") and r.key not in foot]
    right = [r for r in t.rows if r.code]
    rows = [
        _pair(left[i] if i < len(left) else None, ["c1"])
        + _pair(right[i] if i < len(right) else None, ["c1"])
        for i in range(max(len(left), len(right)))
    ]
    for a, b in (("in.subtotal", "out.subtotal"), ("in.carry", "out.carry"), ("in.total", "out.total")):
        ra, rb = t.row(a), t.row(b)
        if ra or rb:
            rows.append(_pair(ra, ["c1"]) + _pair(rb, ["c1"]))
    return rows


def _fiscal(t: Table) -> list[tuple[str, ...]]:
    """B04: 收入合计 | 支出合计, 本年收入 | 本年支出, then the income lines beside the 类
    lines, and 年终结转结余 last."""
    out_cols = [c.id for c in t.columns if c.id != "in"]
    rows = [
        _pair(t.row(a), ["in"]) + _pair(t.row(b), out_cols)
        for a, b in (("in.total", "out.total"), ("in.current", "out.current"))
    ]
    head = {"in.total", "in.current", "out.total", "out.current"}
    left = [r for r in t.rows if r.key.startswith("in.") and r.key not in head]
    right = [r for r in t.rows if r.code] + [r for r in t.rows if r.key == "out.carry"]
    for i in range(max(len(left), len(right))):
        rows.append(
            _pair(left[i] if i < len(left) else None, ["in"])
            + _pair(right[i] if i < len(right) else None, out_cols)
        )
    return rows
