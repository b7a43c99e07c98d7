"""Tables as a workbook: one sheet per table, laid out like the public table.

Two-sided tables (收入 | 支出) print side by side with their 行次, classified tables as
code · name · measures, the “三公” table as its 预算数 and 决算数 blocks. Numbers are
written as numbers with the printed precision; blank and "—" stay as printed.
"""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.export.cells import Printed, put
from yujuesuan.export.performancexlsx import add_performance_sheets
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.tables import Level, Row, Table
from yujuesuan.recognize.specs import TableSpec, final_specs

_BOLD = Font(bold=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _spec(t: Table) -> TableSpec | None:
    return next((s for s in final_specs() if s.id == t.id), None)


def _cells(r: Row | None, columns: list[str]) -> list[Printed]:
    return [None if r is None else r.cell(c) for c in columns]


def _layout(t: Table) -> tuple[list[list[str]], list[list[Printed]]]:
    """(header rows, body rows) of the printed table."""
    spec = _spec(t)
    headers = [c.header for c in t.columns]
    ids = [c.id for c in t.columns]
    if spec is not None and spec.layout == "two_sided":
        split = spec.left_range[1]
        left_ids = [c for c, _ in spec.left_columns]
        right_ids = [c for c, _ in spec.right_columns]
        left = [r for r in t.rows if r.line_no is not None and r.line_no <= split]
        right = [r for r in t.rows if r not in left]
        head = [
            "项目",
            "行次",
            *(h for c, h in spec.left_columns),
            "项目",
            "行次",
            *(h for c, h in spec.right_columns),
        ]
        body: list[list[Printed]] = []
        for a, b in zip_longest(left, right):
            body.append(
                [
                    a.label if a else "",
                    str(a.line_no) if a and a.line_no is not None else "",
                    *_cells(a, left_ids),
                    b.label if b else "",
                    str(b.line_no) if b and b.line_no is not None else "",
                    *_cells(b, right_ids),
                ]
            )
        return [["收入"] * (2 + len(left_ids)) + ["支出"] * (2 + len(right_ids)), head], body
    if spec is not None and spec.layout == "single":
        return (
            [[h.split(" ", 1)[0] for h in headers], [h.split(" ", 1)[-1] for h in headers]],
            [_cells(r, ids) for r in t.rows],
        )
    if spec is not None and spec.layout == "stat":
        return [["项目", "行次", *headers]], [
            [r.label, str(r.line_no or ""), *_cells(r, ids)] for r in t.rows
        ]
    if t.id == "B18":  # 政府采购: the tree's texts in their printed columns
        return [["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", *headers]], [
            [*procurement_texts(r), *_cells(r, ids)] for r in t.rows
        ]
    code_header = "经济分类科目编码" if spec is not None and spec.layout == "econ" else "功能分类科目编码"
    return [[code_header, "科目名称", *headers]], [[r.code or "", r.label, *_cells(r, ids)] for r in t.rows]


def procurement_texts(r: Row) -> list[str]:
    """A B18 row's 大类 · 专项 · 经济科目 · 品名 · 组织形式, as the table prints them."""
    if r.level in (Level.TOTAL, Level.CLASS):
        return [r.label, "", "", "", ""]
    if r.level is Level.SECTION:
        return ["", r.project or "", r.label, "", ""]
    return ["", "", "", r.label, r.category or ""]


def _merge_runs(ws: Worksheet, row: int, texts: list[str]) -> None:
    """Merge equal neighbouring header texts into one spanning cell, as printed."""
    start = 0
    for i in range(1, len(texts) + 1):
        if i == len(texts) or texts[i] != texts[start]:
            if i - start > 1 and texts[start]:
                ws.merge_cells(start_row=row, start_column=start + 1, end_row=row, end_column=i)
            start = i


def write_xlsx(d: Disclosure, path: Path) -> None:
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    for t in d.tables:
        ws = wb.create_sheet(f"{t.id} {t.label or t.title}"[:31])
        headers, body = _layout(t)
        width = max(len(h) for h in headers)
        ws.cell(1, 1, t.title).font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = _CENTER
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(2, 1, f"{d.meta.scope.value}：{d.meta.entity or ''}")
        ws.cell(2, max(2, width // 2), f"{d.meta.fiscal_year or ''}年度")
        ws.cell(2, width, f"{t.label}  单位：{t.unit.value}" if t.label else f"单位：{t.unit.value}")
        for i, texts in enumerate(headers, start=3):
            for j, text in enumerate(texts, start=1):
                c = ws.cell(i, j, text)
                c.font, c.alignment = _BOLD, _CENTER
            _merge_runs(ws, i, texts)
        first = 3 + len(headers)
        for i, printed in enumerate(body, start=first):
            for j, value in enumerate(printed, start=1):
                put(ws, i, j, value)
        for i, note in enumerate((*t.notes, *t.statements), start=first + len(body) + 1):
            ws.cell(i, 1, note)
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 30
    add_performance_sheets(wb, d)
    wb.save(path)
