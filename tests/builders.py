"""Test builders: write a Disclosure's tables to .docx / .xlsx cell by cell.

Not a product renderer. They lay each table out the way the public table prints it
(two-sided F01/F04, side-by-side groups in F06, the 三公 row of F07, merged headers in
the software's Excel export) so that reading the file back exercises the readers, and
later the recogniser, on realistic layouts with known content.

Cell text is each model cell's ``raw``, exactly. In .xlsx a NUMBER cell is written as a
real number (its Decimal value, never a float made here) with a number format that
prints the raw's decimals, with separators when the raw had them; the XLSX reader
gives it back as the raw without separators ("22,828.10" → "22828.10").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import TypeAlias

from docx import Document
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model import Cell, CellState, Disclosure, Row, Table
from yujuesuan.recognize.layouts import PERSONNEL_TOTAL, PUBLIC_TOTAL

# F06 row keys of 人员经费合计 / 公用经费合计, as the recogniser names them.
PERSONNEL_TOTAL_KEY = PERSONNEL_TOTAL
PUBLIC_TOTAL_KEY = PUBLIC_TOTAL

INCOME_LAST_LINE = {"F01": 31, "F04": 32}
"""Two-sided tables: rows with 行次 up to this are the income side."""
EXPENDITURE_COLUMNS = {"F01": ("c2",), "F04": ("c2", "c3", "c4", "c5")}
TWO_SIDED_HEADERS = {
    "F01": (("项目", "行次", "决算数"), ("项目", "行次", "决算数")),
    "F04": (
        ("项目", "行次", "金额"),
        (
            "项目",
            "行次",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ),
    ),
}
CLASSIFIED = frozenset({"F02", "F03", "F05", "F08", "F09"})
SPANNED_HEADERS = {"F05": ("本年支出", ("c1", "c2", "c3")), "F08": ("本年支出", ("c3", "c4", "c5"))}
SPANNED_HEADERS["F09"] = SPANNED_HEADERS["F08"]
"""A header printed over several measure columns (the Excel export merges it)."""

Out: TypeAlias = str | Cell
"""A printed cell: fixed text, or a model cell printed from its raw."""


@dataclass(frozen=True)
class Layout:
    """A table as printed: two header rows and the body.

    In Excel both header rows are written; a column whose two header texts are equal is
    one cell merged down, and equal neighbours in the top row merge across. Word gets
    the bottom header row only, except where the public table itself prints two (F07).
    """

    top: list[str]
    sub: list[str]
    body: list[list[Out]]
    two_header_rows_in_word: bool = False

    @property
    def width(self) -> int:
        return len(self.sub)


def build_docx(d: Disclosure, path: Path) -> None:
    """Write every table of ``d`` as a Word document with its header block and notes."""
    entity, year = d.meta.entity or "", d.meta.fiscal_year
    doc = Document()
    doc.add_paragraph(f"{entity}{year}年度部门决算")
    for table in d.tables:
        doc.add_paragraph(table.title)
        if table.label:
            doc.add_paragraph(table.label)
        doc.add_paragraph(f"部门：{entity}")
        doc.add_paragraph(f"{year}年度")
        doc.add_paragraph(f"单位：{table.unit.value}")
        layout = layout_of(table)
        word_table = doc.add_table(rows=0, cols=layout.width)
        if layout.two_header_rows_in_word:
            top_cells = word_table.add_row().cells
            for j, text in enumerate(layout.top):
                if j == 0 or layout.top[j - 1] != text:
                    top_cells[j].text = text
            for start, end in _runs(layout.top):
                top_cells[start].merge(top_cells[end])
        for j, cell in enumerate(word_table.add_row().cells):
            cell.text = layout.sub[j]
        for body_row in layout.body:
            cells = word_table.add_row().cells
            for j, out in enumerate(body_row):
                cells[j].text = out.raw if isinstance(out, Cell) else out
        for text in (*table.notes, *table.statements):
            doc.add_paragraph(text)
    doc.save(str(path))


def build_xlsx(d: Disclosure, path: Path) -> None:
    """Write one sheet per table, laid out like the 决算 software's export."""
    entity, year = d.meta.entity or "", d.meta.fiscal_year
    workbook = Workbook()
    default = workbook.active
    for table in d.tables:
        sheet = workbook.create_sheet(title=table.label or table.id)
        layout = layout_of(table)
        n = layout.width
        sheet.cell(row=1, column=1, value=table.title)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
        if table.label:
            sheet.cell(row=2, column=max(3, n), value=table.label)
        sheet.cell(row=3, column=1, value=f"部门：{entity}")
        sheet.cell(row=3, column=max(2, (n + 1) // 2), value=f"{year}年度")
        sheet.cell(row=3, column=max(3, n), value=f"单位：{table.unit.value}")
        _write_xlsx_header(sheet, layout, first_row=4)
        row_number = 6
        for body_row in layout.body:
            for j, out in enumerate(body_row, start=1):
                _write_xlsx_cell(sheet, row_number, j, out)
            row_number += 1
        for text in (*table.notes, *table.statements):
            sheet.cell(row=row_number, column=1, value=text)
            row_number += 1
    if default is not None and d.tables:
        workbook.remove(default)
    workbook.save(str(path))


def layout_of(table: Table) -> Layout:
    """The printed layout of ``table``, chosen by its canonical id."""
    if table.id in INCOME_LAST_LINE:
        return _two_sided(table)
    if table.id in CLASSIFIED:
        return _classified(table)
    if table.id == "F06":
        return _economic_groups(table)
    if table.id == "F07":
        return _three_public(table)
    headers = [c.header for c in table.columns]
    if table.id == "F10":  # label · 行次 · value
        stat: list[list[Out]] = [
            [r.label, str(r.line_no or ""), *_cells(r, [c.id for c in table.columns])] for r in table.rows
        ]
        return Layout(top=["项目", "行次", *headers], sub=["项目", "行次", *headers], body=stat)
    body: list[list[Out]] = [[r.label, *_cells(r, [c.id for c in table.columns])] for r in table.rows]
    return Layout(top=["项目", *headers], sub=["项目", *headers], body=body)


def _two_sided(table: Table) -> Layout:
    """F01/F04: each printed line holds an income row and an expenditure row."""
    last = INCOME_LAST_LINE[table.id]
    numbered = [(line_no(r), r) for r in table.rows]
    income = sorted((p for p in numbered if p[0] is not None and p[0] <= last), key=lambda p: p[0] or 0)
    spending = [p for p in numbered if p[0] is None or p[0] > last]
    spending.sort(key=lambda p: (p[0] is None, p[0] or 0))
    left_head, right_head = TWO_SIDED_HEADERS[table.id]
    right_columns = EXPENDITURE_COLUMNS[table.id]
    body: list[list[Out]] = []
    for left, right in zip_longest(income, spending):
        line: list[Out] = []
        line += _side(left, ("c1",)) if left else [""] * len(left_head)
        line += _side(right, right_columns) if right else [""] * len(right_head)
        body.append(line)
    top = ["收入"] * len(left_head) + ["支出"] * len(right_head)
    return Layout(top=top, sub=[*left_head, *right_head], body=body)


def _side(numbered: tuple[int | None, Row], columns: Sequence[str]) -> list[Out]:
    number, row = numbered
    return [row.label, "" if number is None else str(number), *_cells(row, columns)]


def line_no(row: Row) -> int | None:
    """The row's 行次: printed, or from its ``r27``-style key."""
    if row.line_no is not None:
        return row.line_no
    match = re.fullmatch(r"r(\d+)", row.key)
    return int(match.group(1)) if match else None


def _classified(table: Table) -> Layout:
    """F02/F03/F05/F08/F09: code, name, one column per measure."""
    ids = [c.id for c in table.columns]
    group = SPANNED_HEADERS.get(table.id)
    top = ["项目", "项目"]
    for column in table.columns:
        top.append(group[0] if group and column.id in group[1] else column.header)
    sub = ["功能分类科目编码", "科目名称", *(c.header for c in table.columns)]
    body: list[list[Out]] = [[r.code or "", r.label, *_cells(r, ids)] for r in table.rows]
    return Layout(top=top, sub=sub, body=body)


def _economic_groups(table: Table) -> Layout:
    """F06: side-by-side (code, name, measures) groups, then the two 合计 on one line.

    *H*: [301, 303] · [302] · [the rest]. With a ``t`` column (*S*: 金额 + 其中：基本支出)
    the rest splits as the public table does: [307, 309, 31001–31010] · [31011…, 311–399].
    """
    ids = [c.id for c in table.columns]
    four = "t" in ids
    groups: list[list[list[Out]]] = [[] for _ in range(4 if four else 3)]
    for row in table.rows:
        if row.code:
            groups[_f06_group(row.code, four)].append([row.code, row.label, *_cells(row, ids)])
    width = 2 + len(ids)
    body: list[list[Out]] = []
    for parts in zip_longest(*groups):
        body.append([out for part in parts for out in (part or [""] * width)])
    personnel, public = table.row(PERSONNEL_TOTAL_KEY), table.row(PUBLIC_TOTAL_KEY)
    if personnel or public:
        totals: list[Out] = [""] * (width * len(groups))
        if personnel:
            totals[0:width] = [personnel.label, "", *_cells(personnel, ids)]
        if public:
            totals[-width:] = [public.label, "", *_cells(public, ids)]
        body.append(totals)
    head = ["科目编码" if four else "经济分类科目编码", "科目名称", *(c.header for c in table.columns)]
    top = ["人员经费"] * width + ["公用经费"] * (width * (len(groups) - 1))
    return Layout(top=top, sub=head * len(groups), body=body)


def _f06_group(code: str, four: bool) -> int:
    head = code[:3]
    if head in ("301", "303"):
        return 0
    if head == "302":
        return 1
    if not four or head in ("307", "309") or (head == "310" and (len(code) == 3 or code <= "31010")):
        return 2
    return 3


def _three_public(table: Table) -> Layout:
    """F07: 预算数 over c1–c6, 决算数 over c7–c12, one data row."""
    ids = [f"c{i}" for i in range(1, 13)]
    headers = {c.id: c.header for c in table.columns}
    sub = [headers.get(i, "") for i in ids]
    top = ["预算数"] * 6 + ["决算数"] * 6
    body: list[list[Out]] = [_cells(r, ids) for r in table.rows[:1]]
    return Layout(top=top, sub=sub, body=body, two_header_rows_in_word=True)


def _cells(row: Row, columns: Sequence[str]) -> list[Out]:
    """The row's cells in ``columns`` order; a column the row lacks prints blank."""
    return [row.cell(c) or "" for c in columns]


def _runs(texts: list[str]) -> list[tuple[int, int]]:
    """(first, last) index of each run of two or more equal, non-empty neighbours."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(texts) + 1):
        if i == len(texts) or texts[i] != texts[start]:
            if i - 1 > start and texts[start]:
                runs.append((start, i - 1))
            start = i
    return runs


def _write_xlsx_header(sheet: Worksheet, layout: Layout, first_row: int) -> None:
    """Two header rows: equal top/bottom → merged down; equal top neighbours → merged across."""
    top_row, sub_row = first_row, first_row + 1
    down = [t == s for t, s in zip(layout.top, layout.sub, strict=True)]
    for j, (top, sub) in enumerate(zip(layout.top, layout.sub, strict=True), start=1):
        if down[j - 1]:
            sheet.cell(row=top_row, column=j, value=top)
            sheet.merge_cells(start_row=top_row, start_column=j, end_row=sub_row, end_column=j)
        else:
            sheet.cell(row=sub_row, column=j, value=sub)
    across = [t if not d else "" for t, d in zip(layout.top, down, strict=True)]
    for j, text in enumerate(across, start=1):
        if text and (j == 1 or across[j - 2] != text):
            sheet.cell(row=top_row, column=j, value=text)
    for start, end in _runs(across):
        sheet.merge_cells(start_row=top_row, start_column=start + 1, end_row=top_row, end_column=end + 1)


def _write_xlsx_cell(sheet: Worksheet, row: int, column: int, out: Out) -> None:
    """A NUMBER cell as a number with a format printing its raw; anything else as text."""
    target = sheet.cell(row=row, column=column)
    if isinstance(out, str):
        target.value = out or None
    elif out.state is CellState.NUMBER and out.value is not None:
        target.value = out.value
        target.number_format = number_format_for(out.raw)
    else:
        target.value = out.raw or None


def number_format_for(raw: str) -> str:
    """``#,##0.00`` for "22,828.10", ``0.0`` for "12.3", ``0`` for "38"."""
    digits = raw.strip().split(".", 1)
    decimals = len(digits[1]) if len(digits) == 2 else 0
    integer = "#,##0" if "," in raw else "0"
    return integer + ("." + "0" * decimals if decimals else "")
