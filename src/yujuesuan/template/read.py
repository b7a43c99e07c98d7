"""Read the preparer's workbook back into a Disclosure (its tables) and a Supplement.

Every figure is exact: a number typed in a cell comes back as the Decimal the cell
displays (``ingest.xlsx.cell_text``). A cell that is not what its column needs (text
where an amount goes, a formula without a saved value, a year that is not a year) stops
the read with one line naming the sheet, the cell and what to do.
"""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.ingest.ooxml import EXCEL, check_package, damaged, read_bytes
from yujuesuan.ingest.raw import InputError
from yujuesuan.model.disclosure import Disclosure, Kind, Meta, Scope, SourceFile
from yujuesuan.model.performance import Performance
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.supplement import Annex, ItemBudget, ProjectResult, Supplement, Term
from yujuesuan.model.tables import Cell, CellState, Column, Level, Row, Table, Unit
from yujuesuan.render.budget_tables import BUDGET_PROFILES, budget_order
from yujuesuan.render.tables import PROFILES, order, print_spec, raw_table
from yujuesuan.template import layout as L
from yujuesuan.template.blank import level_of
from yujuesuan.template.budget_fields import BUDGET_SHEETS
from yujuesuan.template.budget_read import read_budget_table, read_key_projects
from yujuesuan.template.cells import Reader
from yujuesuan.template.fields import SHEETS, Sheet
from yujuesuan.template.fields import Kind as FieldKind
from yujuesuan.template.target_sheets import read_targets

# F10's rows that count things (辆, 台（套）), by 行次.
COUNTED = {int(n): u for n, _, u in raw_table("F10")["stat_rows"] if u}


def read_workbook(path: Path, display_name: str | None = None) -> tuple[Disclosure, Supplement]:
    name = display_name or path.name
    data = read_bytes(path, name, EXCEL)
    check_package(data, name, EXCEL)
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
        formulas = load_workbook(io.BytesIO(data))
    except Exception as exc:  # openpyxl, zipfile and lxml raise many unrelated types
        raise damaged(name, EXCEL, exc) from None
    r = Reader(wb, formulas, name)
    info = r.sheet(L.INFO_SHEET)
    if info is None:
        raise InputError(
            f"{name}: not a yjs workbook (no sheet “{L.INFO_SHEET}”); start from one written by `yjs template`"
        )
    meta = _meta(r, info, SourceFile(name=name, format="xlsx", sha256=hashlib.sha256(data).hexdigest()))
    budget = meta.kind is Kind.BUDGET
    tables = []
    printed = budget_order() if budget else order(meta.profile)
    for ws in wb.worksheets:
        tid = L.table_id_of(ws.title)
        if tid is not None and tid in printed:
            tables.append(read_budget_table(r, ws, tid, meta) if budget else _table(r, ws, tid, meta))
    tables.sort(key=lambda t: printed.index(t.id))
    targets = read_targets(r) if budget else Performance()
    d = Disclosure(meta=meta, tables=tuple(tables), performance=targets)
    return d, _supplement(r, BUDGET_SHEETS if budget else SHEETS)


def _meta(r: Reader, ws: Worksheet, source: SourceFile) -> Meta:
    values = {r.text(ws, row, 1): (row, r.text(ws, row, 3)) for row in range(2, ws.max_row + 1)}

    def need(key: str, label: str) -> tuple[int, str]:
        row, value = values.get(key, (0, ""))
        if not value:
            raise InputError(f"{r.name}: sheet “{ws.title}”: {label} is empty; fill it in")
        return row, value

    _, entity = need("entity", "单位名称")
    row, year = need("fiscal_year", "年度")
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        raise r.bad(
            ws, f"C{row}", f"“{year}” is not a year", "type the fiscal year as four digits, such as 2024"
        )
    row, kind = need("kind", "类型")
    if kind not in (Kind.FINAL.value, Kind.BUDGET.value):
        raise r.bad(ws, f"C{row}", f"“{kind}” is neither 决算 nor 预算", "choose 决算 or 预算")
    budget = kind == Kind.BUDGET.value
    known = BUDGET_PROFILES if budget else PROFILES
    row, scope = need("scope", "部门决算或单位决算")
    if scope not in ("部门", "单位"):
        raise r.bad(ws, f"C{row}", f"“{scope}” is neither 部门 nor 单位", "choose 部门 or 单位")
    row, unit = need("unit", "金额单位")
    if unit not in ("万元", "元"):
        raise r.bad(ws, f"C{row}", f"“{unit}” is not a money unit", "choose 万元 or 元")
    row, profile = values.get("profile", (0, known[0]))
    profile = profile or known[0]
    if profile not in known:
        raise r.bad(
            ws,
            f"C{row}",
            f"“{profile}” is not a {kind} format yjs prints",
            f"choose one of {', '.join(known)}",
        )
    return Meta(
        entity=entity, fiscal_year=int(year), kind=Kind(kind), scope=Scope(scope), unit=Unit(unit),
        profile=profile, sources=(source,),
    )  # fmt: skip


def _table(r: Reader, ws: Worksheet, tid: str, meta: Meta) -> Table:
    spec = print_spec(meta.profile, tid)
    markers = [r.text(ws, L.MARKER_ROW, col) for col in range(1, ws.max_column + 1)]
    first = L.HEADER_ROW + len(spec.header)
    # a row is read in blocks: each block starts at a key (or code) column
    starts = [i for i, m in enumerate(markers) if m in (L.KEY,)] or [0]
    blocks = [(s, starts[k + 1] if k + 1 < len(starts) else len(markers)) for k, s in enumerate(starts)]
    columns = {c for c, _ in spec.columns}
    rows: list[Row] = []
    for row in range(first, ws.max_row + 1):
        for a, b in blocks:
            got: dict[str, Any] = {}
            cells = []
            for i in range(a, b):
                m = markers[i]
                if m in columns:
                    cells.append(r.amount(ws, row, i + 1, m))
                elif m:
                    got[m] = r.text(ws, row, i + 1)
            made = _row(r, ws, row, tid, got, tuple(cells))
            if made is not None:
                rows.append(made)
    _check_codes(r, ws, rows)
    return Table(
        id=tid, title=spec.title, label=spec.label, variant=spec.variant, unit=meta.unit,
        columns=tuple(Column(id=i, header=h) for i, h in spec.columns),
        rows=tuple(rows), entity=meta.entity, year=meta.fiscal_year,
        prov=Provenance(file=r.name, cell=f"{ws.title}!A1"),
    )  # fmt: skip


def _row(
    r: Reader, ws: Worksheet, row: int, tid: str, got: dict[str, Any], cells: tuple[Cell, ...]
) -> Row | None:
    key, code, label, line = (
        got.get(L.KEY, ""),
        got.get(L.CODE, ""),
        got.get(L.LABEL, ""),
        got.get(L.LINE, ""),
    )
    prov = Provenance(file=r.name, line=row, cell=f"{ws.title}!A{row}")
    if L.KEY in got:  # a fixed row: its key is given
        if not key:
            return None
        line_no = int(line) if line.isdigit() else None
        level = level_of(label) if not code else (Level.CLASS if len(code) == 3 else Level.SECTION)
        if key in ("personnel_total", "public_total"):
            level = Level.TOTAL
        unit = COUNTED.get(line_no or 0) if tid == "F10" else None
        return Row(
            key=key,
            label=label,
            level=level,
            code=code or None,
            line_no=line_no,
            unit=unit,
            cells=cells,
            prov=prov,
        )
    if not code and not label:
        if any(c.state is not CellState.BLANK for c in cells):
            raise r.bad(
                ws,
                f"A{row}",
                "figures without a code or a name",
                "give the row its 科目编码 and 科目名称, or clear it",
            )
        return None
    if not code and label in ("合计", "总计"):
        return Row(key="total", label="合计", level=Level.TOTAL, cells=cells, prov=prov)
    if not (code.isdigit() and len(code) in (3, 5, 7)):
        raise r.bad(
            ws,
            f"A{row}",
            f"“{code}” is not a 功能分类 code",
            "type the 类 (3 digits), 款 (5) or 项 (7) code as text, such as 2080101",
        )
    level = {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}[len(code)]
    return Row(key=code, label=label, level=level, code=code, cells=cells, prov=prov)


def _check_codes(r: Reader, ws: Worksheet, rows: list[Row]) -> None:
    seen: set[str] = set()
    for row in rows:
        if not row.code:
            continue
        if row.code in seen:
            where = row.prov.cell.split("!")[-1] if row.prov and row.prov.cell else "A1"
            raise r.bad(ws, where, f"code {row.code} appears twice", "keep one row per code")
        seen.add(row.code)


def _supplement(r: Reader, sheets: tuple[Sheet, ...]) -> Supplement:
    amounts: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    for sheet in sheets:
        ws = r.sheet(sheet.name)
        if ws is None:
            continue
        rows = {r.text(ws, row, 1): row for row in range(2, ws.max_row + 1)}
        for f in sheet.fields:
            row = rows.get(f.key)
            if row is None:
                continue
            raw = r.text(ws, row, 3)
            if raw == "":
                continue
            if f.kind is FieldKind.MONEY:
                amounts[f.key] = r.decimal(ws, row, 3, raw)
            elif f.kind is FieldKind.COUNT:
                if not raw.isdigit():
                    raise r.bad(
                        ws, f"C{row}", f"“{raw}” is not a whole number", f"type the count for {f.label}"
                    )
                counts[f.key] = int(raw)
            elif f.kind is FieldKind.CHOICE and raw not in f.choices:
                raise r.bad(
                    ws, f"C{row}", f"“{raw}” is not one of {'/'.join(f.choices)}", "choose one from the list"
                )
            else:
                texts[f.key] = r.paragraphs(ws, row, 3) if f.kind is FieldKind.TEXT else raw
    return Supplement(
        amounts=amounts,
        counts=counts,
        texts=texts,
        items=tuple(_items(r)),
        units=tuple(v[1] for v in _rows(r, L.UNITS_SHEET, 2) if v[1]),
        projects=tuple(_projects(r)),
        glossary=tuple(Term(term=t, definition=d) for t, d in _rows(r, L.GLOSSARY_SHEET, 2) if t and d),
        annexes=tuple(_annexes(r)),
        key_projects=read_key_projects(r),
    )


def _annexes(r: Reader) -> list[Annex]:
    ws = r.sheet(L.ANNEX_SHEET)
    out: list[Annex] = []
    if ws is None:
        return out
    title, lines = "", list[str]()
    for row in range(2, ws.max_row + 1):
        kind = r.text(ws, row, 2)
        cells = [r.text(ws, row, c) for c in range(3, ws.max_column + 1)]
        while cells and not cells[-1]:
            cells.pop()
        if not kind and not cells:
            continue
        if kind not in L.ANNEX_KINDS:
            raise r.bad(
                ws, f"B{row}", f"“{kind}” is not 标题, 文字 or 表格", "choose the row's kind from the list"
            )
        if kind == "标题":
            if title:
                out.append(Annex(title=title, lines=tuple(lines)))
            title, lines = (cells[0] if cells else ""), []
        elif not title:
            raise r.bad(ws, f"B{row}", "a line before any 标题", "start each annex with a 标题 row")
        elif kind == "表格":
            lines.append("\t".join(cells))
        else:
            lines.append(cells[0] if cells else "")
    if title:
        out.append(Annex(title=title, lines=tuple(lines)))
    return out


def _rows(r: Reader, title: str, width: int) -> list[list[str]]:
    ws = r.sheet(title)
    if ws is None:
        return []
    return [[r.text(ws, row, c) for c in range(1, width + 1)] for row in range(2, ws.max_row + 1)]


def _items(r: Reader) -> list[ItemBudget]:
    ws = r.sheet(L.ITEMS_SHEET)
    out: list[ItemBudget] = []
    if ws is None:
        return out
    for row in range(2, ws.max_row + 1):
        code, budget, reason = r.text(ws, row, 1), r.text(ws, row, 4), r.text(ws, row, 5)
        if not code or not (budget or reason):
            continue  # a 项 listed for the preparer and not filled in
        if not (code.isdigit() and len(code) == 7):
            raise r.bad(
                ws,
                f"A{row}",
                f"“{code}” is not a 项 code",
                "give the 7-digit 功能分类 code of the F05 项 row",
            )
        out.append(
            ItemBudget(code=code, budget=r.decimal(ws, row, 4, budget) if budget else None, reason=reason)
        )
    return out


def _projects(r: Reader) -> list[ProjectResult]:
    ws = r.sheet(L.PROJECTS_SHEET)
    out: list[ProjectResult] = []
    if ws is None:
        return out
    for row in range(2, ws.max_row + 1):
        name = r.text(ws, row, 1)
        if not name:
            continue
        values = [r.text(ws, row, c) for c in (2, 3, 4)]
        budget, spent, score = (
            r.decimal(ws, row, c, v) if v else None for c, v in zip((2, 3, 4), values, strict=True)
        )
        grade = r.text(ws, row, 5)
        if grade and grade not in ("优", "良", "中", "差"):
            raise r.bad(ws, f"E{row}", f"“{grade}” is not a grade", "choose 优, 良, 中 or 差")
        out.append(ProjectResult(name=name, budget=budget, spent=spent, score=score, grade=grade))
    return out
