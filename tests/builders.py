"""Test builders: write a Disclosure's tables to .docx / .xlsx cell by cell.

Not a product renderer. They lay each table out the way the public table prints it
(two-sided F01/F04, side-by-side groups in F06, the 三公 row of F07, merged headers in
the software's Excel export; for budgets the side-by-side blocks of 收支预算总表, the
tables grouped by unit of Henan 2025) so that reading the file back exercises the
readers, and the recogniser, on realistic layouts with known content. A budget table is
a real grid: codes, names and figures each in their own cell, blanks left empty, every
header row written with its merges, the grid ruled in Excel.

Cell text is each model cell's ``raw``, exactly. In .xlsx a NUMBER cell is written as a
real number (its Decimal value, never a float made here) with a number format that
prints the raw's decimals, with separators when the raw had them; the XLSX reader
gives it back as the raw without separators ("22,828.10" → "22828.10").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import TypeAlias

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Border, Side
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.export.tablesxlsx import procurement_texts
from yujuesuan.model import Cell, CellState, Disclosure, Level, Row, Table
from yujuesuan.recognize.layouts import PERSONNEL_TOTAL, PUBLIC_TOTAL
from yujuesuan.recognize.specs import TableSpec, spec_of

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

BLOCK_HEADS = {"in": ("收入", "收入"), "out": ("支出", "功能分类"), "use": ("支出", "支出用途")}
"""The two header rows over each label · 金额 block of a 收支预算总表."""

UNIT_FRONTS: dict[str, tuple[tuple[str, str], ...]] = {
    "B02": (("部门（单位）代码", "agency"), ("部门（单位）名称", "name")),
    "B03": (
        ("科目编码 类", "class"),
        ("科目编码 款", "section"),
        ("科目编码 项", "item"),
        ("单位代码", "agency"),
        ("单位（科目名称）", "name"),
    ),
    "B06": (
        ("部门预算支出经济分类科目 科目编码", "code"),
        ("部门预算支出经济分类科目 科目名称", "name"),
        ("政府预算支出经济分类科目 科目编码", "gov"),
        ("政府预算支出经济分类科目 科目名称", "gov_name"),
    ),
    "B07": (("项目单位", "unit_name"), ("类型", "category"), ("项目名称", "name")),
    "B08": (
        ("部门预算经济分类 类", "class"),
        ("部门预算经济分类 款", "section"),
        ("部门预算经济分类 科目名称", "name"),
        ("政府预算经济分类 类", "gov_class"),
        ("政府预算经济分类 款", "gov_section"),
        ("政府预算经济分类 科目名称", "gov_name"),
    ),
    "B09": (),
    "B12": (("类型", "category"), ("项目名称", "name"), ("项目单位", "unit_name")),
    "B13": (("部门预算支出经济分类科目 科目编码", "code"), ("部门预算支出经济分类科目 科目名称", "name")),
}
"""Henan 2025 tables grouped by unit: the cells before the figures, as (header, what the
cell holds). A unit's row prints its 单位代码 in the ``agency`` cell (else the first) and
its name in the ``name`` cell; the 合计 row prints 合计 in the first cell."""
for _same in ("B05", "B10", "B11"):
    UNIT_FRONTS[_same] = UNIT_FRONTS["B03"]

GOV_ECONOMIC_NAMES = {
    "50101": "工资奖金津补贴",
    "50102": "社会保障缴费",
    "50103": "住房公积金",
    "50201": "办公经费",
    "50206": "公务接待费",
    "50299": "其他商品和服务支出",
    "50501": "工资福利支出",
    "50502": "商品和服务支出",
    "50901": "社会福利和救助",
    "50905": "离退休费",
    "50999": "其他对个人和家庭的补助",
    "51002": "对社会保险基金补助",
    "59999": "其他支出",
}
"""政府预算支出经济分类 款 names printed beside the codes (the model keeps only the code)."""

THIN = Side(style="thin")
RULED = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

Out: TypeAlias = str | Cell
"""A printed cell: fixed text, or a model cell printed from its raw."""
Head: TypeAlias = tuple[str, ...]
"""A column's header texts, top header row first."""


@dataclass(frozen=True)
class Layout:
    """A table as printed: each column's header texts and the body.

    Every column has one text per header row. A text repeated down a column is one cell
    merged down; equal neighbours in a row, under the same texts above, merge across.
    Word gets the bottom header row only, except where the public table itself prints
    the whole header block (F07, the budget tables).
    """

    heads: list[Head]
    body: list[list[Out]]
    full_header_in_word: bool = False

    @property
    def sub(self) -> list[str]:
        """The bottom header row."""
        return [head[-1] for head in self.heads]

    @property
    def width(self) -> int:
        return len(self.heads)


def build_docx(d: Disclosure, path: Path) -> None:
    """Write every table of ``d`` as a Word document with its header block and notes."""
    entity, year = d.meta.entity or "", d.meta.fiscal_year
    doc = Document()
    doc.add_paragraph(f"{entity}{year}年度{d.meta.scope.value}{d.meta.kind.value}")
    for table in d.tables:
        doc.add_paragraph(table.title)
        if table.label:
            doc.add_paragraph(table.label)
        doc.add_paragraph(f"部门：{entity}")
        doc.add_paragraph(f"{year}年度")
        doc.add_paragraph(f"单位：{table.unit.value}")
        layout = layout_of(table)
        heads = layout.heads if layout.full_header_in_word else [(text,) for text in layout.sub]
        depth = len(heads[0]) if heads else 0
        word_table = doc.add_table(rows=depth, cols=layout.width)
        for top, left, bottom, right, text in header_cells(heads, merge_across=layout.full_header_in_word):
            word_table.cell(top, left).text = text
            if (bottom, right) != (top, left):
                word_table.cell(top, left).merge(word_table.cell(bottom, right))
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
        _write_xlsx_header(sheet, layout.heads, first_row=4)
        row_number = 4 + (len(layout.heads[0]) if layout.heads else 0)
        for body_row in layout.body:
            for j, out in enumerate(body_row, start=1):
                _write_xlsx_cell(sheet, row_number, j, out)
            row_number += 1
        _rule(sheet, range(4, row_number), n)
        for text in (*table.notes, *table.statements):
            sheet.cell(row=row_number, column=1, value=text)
            row_number += 1
    if default is not None and d.tables:
        workbook.remove(default)
    workbook.save(str(path))


def layout_of(table: Table) -> Layout:
    """The printed layout of ``table``, chosen by its canonical id (budgets: by layout)."""
    spec = spec_of(table.id, table.variant)
    if table.id.startswith("B") and spec is not None:
        return BUDGET_LAYOUTS[spec.layout](table, spec)
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
        return Layout(heads=_down(["项目", "行次", *headers]), body=stat)
    body: list[list[Out]] = [[r.label, *_cells(r, [c.id for c in table.columns])] for r in table.rows]
    return Layout(heads=_down(["项目", *headers]), body=body)


def _down(texts: Iterable[str]) -> list[Head]:
    """Two header rows, each column one cell merged down."""
    return [(text, text) for text in texts]


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
    heads = [("收入", h) for h in left_head] + [("支出", h) for h in right_head]
    return Layout(heads=heads, body=body)


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
    heads: list[Head] = [("项目", "功能分类科目编码"), ("项目", "科目名称")]
    for column in table.columns:
        top = group[0] if group and column.id in group[1] else column.header
        heads.append((top, column.header))
    body: list[list[Out]] = [[r.code or "", r.label, *_cells(r, ids)] for r in table.rows]
    return Layout(heads=heads, body=body)


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
    heads = [("人员经费", h) for h in head] + [("公用经费", h) for h in head * (len(groups) - 1)]
    return Layout(heads=heads, body=body)


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
    heads = [("预算数" if i < 6 else "决算数", headers.get(c, "")) for i, c in enumerate(ids)]
    body: list[list[Out]] = [_cells(r, ids) for r in table.rows[:1]]
    return Layout(heads=heads, body=body, full_header_in_word=True)


# ---------------------------------------------------------------- budget tables


def _levels(headers: Iterable[str]) -> list[Head]:
    """Header texts from refdata, where a space separates the header rows
    (“本年收入 一般公共预算 小计”), every column as deep as the deepest; a column with
    fewer rows is merged down from its last."""
    split = [tuple(h.split()) or ("",) for h in headers]
    depth = max((len(s) for s in split), default=0)
    return [s + (s[-1],) * (depth - len(s)) for s in split]


def _budget(heads: list[Head], body: list[list[Out]]) -> Layout:
    return Layout(heads=heads, body=body, full_header_in_word=True)


def _blocks(table: Table, spec: TableSpec) -> Layout:
    """收支预算总表 and 财政拨款收支预算总表: label · 金额 blocks side by side, each block's
    rows from the top, and the 小计/合计 lines of all blocks together at the foot."""
    names = [b.name for b in spec.blocks]
    where = {r.key: (b.name, i) for b in spec.blocks for i, r in enumerate(b.rows)}
    foot_at = {
        b.name: next((i for i, r in enumerate(b.rows) if r.key.endswith("total")), len(b.rows))
        for b in spec.blocks
    }
    tops: dict[str, list[Row]] = {n: [] for n in names}
    feet: dict[str, dict[int, Row]] = {n: {} for n in names}
    for row in table.rows:
        name, at = where.get(row.key, (spec.class_block or names[-1], -1))
        if at >= foot_at[name]:
            feet[name][at - foot_at[name]] = row
        else:
            tops[name].append(row)
    lines: list[Sequence[Row | None]] = list(zip_longest(*tops.values()))
    foot_lines = max((max(f) + 1 for f in feet.values() if f), default=0)
    lines += [[feet[n].get(i) for n in names] for i in range(foot_lines)]
    ids = [c.id for c in table.columns]
    body: list[list[Out]] = [
        [out for row in line for out in ([row.label, *_cells(row, ids)] if row else ["", ""])]
        for line in lines
    ]
    heads = [(*BLOCK_HEADS[n], h) for n in names for h in ("项目名称", "金额")]
    return _budget(heads, body)


def _listing(table: Table, spec: TableSpec) -> Layout:
    """收入预算总表: group · 小计 · 金额, its items under it as · item · 金额."""
    ids = [c.id for c in table.columns]
    body: list[list[Out]] = []
    for row in table.rows:
        if row.key == "total":
            front = [row.label, ""]
        elif row.key in spec.groups:
            front = [row.label, "小计"]
        else:
            front = ["", row.label]
        body.append([*front, *_cells(row, ids)])
    return _budget(_levels(["项目名称", "项目名称", *(c.header for c in table.columns)]), body)


def _single_row(table: Table, spec: TableSpec) -> Layout:
    """支出预算总表, “三公”经费预算表: the header, then one row of figures."""
    variant = next(v for v in spec.variants if v.name == table.variant)
    order = list(variant.order) or [c for c, _ in variant.columns]
    headers = dict(variant.columns)
    return _budget(_levels(headers[c] for c in order), [_cells(r, order) for r in table.rows])


def _code_name_amount(table: Table, spec: TableSpec) -> Layout:
    """Jiangsu 功能/经济分类 tables: code · name · 金额, 合计 first with no code."""
    ids = [c.id for c in table.columns]
    names = ("功能科目代码", "功能科目名称") if spec.layout == "coded" else ("科目编码", "科目名称")
    body: list[list[Out]] = [[r.code or "", r.label, *_cells(r, ids)] for r in table.rows]
    return _budget(_levels([*names, *(c.header for c in table.columns)]), body)


def _procurement(table: Table, spec: TableSpec) -> Layout:
    """Jiangsu 政府采购 (B18): 大类 · 专项 · 经济科目 · 品名 · 组织形式 · 总计, each text in its cell."""
    ids = [c.id for c in table.columns]
    body: list[list[Out]] = [[*procurement_texts(r), *_cells(r, ids)] for r in table.rows]
    heads = [
        "采购品目大类",
        "专项名称",
        "经济科目",
        "采购物品名称",
        "采购组织形式",
        *(c.header for c in table.columns),
    ]
    return _budget(_levels(heads), body)


def _by_unit(table: Table, spec: TableSpec) -> Layout:
    """Henan 2025 tables grouped by unit: front cells (UNIT_FRONTS), then the figures."""
    front = UNIT_FRONTS[table.id]
    ids = [c.id for c in table.columns]
    unit_names = {r.agency: r.label for r in table.rows if r.level is Level.UNIT}
    body: list[list[Out]] = [
        [*_front_cells(r, [role for _, role in front], unit_names), *_cells(r, ids)] for r in table.rows
    ]
    return _budget(_levels([*(h for h, _ in front), *(c.header for c in table.columns)]), body)


def _front_cells(row: Row, roles: list[str], unit_names: dict[str | None, str]) -> list[Out]:
    out: list[Out] = [""] * len(roles)
    if not roles:
        return out
    if row.level is Level.TOTAL:
        out[0] = row.label
    elif row.level is Level.UNIT:
        out[roles.index("agency") if "agency" in roles else 0] = row.agency or ""
        out[roles.index("name")] = row.label
    else:
        code, gov = row.code or "", row.gov_code or ""
        parts = {
            "code": code,
            "class": code[:3],
            "section": code[3:5],
            "item": code[5:7],
            "gov": gov,
            "gov_class": gov[:3],
            "gov_section": gov[3:5],
            "gov_name": GOV_ECONOMIC_NAMES.get(gov, ""),
            "category": row.category or "",
            "unit_name": unit_names.get(row.agency, ""),
            "name": row.label,
        }
        out = [parts.get(role, "") for role in roles]
    return out


def _fiscal(table: Table, spec: TableSpec) -> Layout:
    """Henan 财政拨款收支预算表: 收入 项目 · 金额, then 支出 项目 · 合计 · one column per fund."""
    variant = next(v for v in spec.variants if v.name == table.variant)
    headers = dict(variant.columns)
    ids = [c for c in headers if c != "in"]
    income = [r for r in table.rows if r.key.startswith("in.")]
    spending = [r for r in table.rows if not r.key.startswith("in.")]
    body: list[list[Out]] = []
    for left, right in zip_longest(income, spending):
        line: list[Out] = [left.label, *_cells(left, ["in"])] if left else ["", ""]
        line += [right.label, *_cells(right, ids)] if right else [""] * (1 + len(ids))
        body.append(line)
    heads = _levels(["收入 项目", headers["in"], "支出 项目", *(headers[c] for c in ids)])
    return _budget(heads, body)


BUDGET_LAYOUTS: dict[str, Callable[[Table, TableSpec], Layout]] = {
    "blocks": _blocks,
    "listing": _listing,
    "single": _single_row,
    "coded": _code_name_amount,
    "econ": _code_name_amount,
    "units": _by_unit,
    "fiscal": _fiscal,
    "procurement": _procurement,
}
"""The printed layout of each budget table, by the layout family that reads it."""


# ---------------------------------------------------------------- writing cells


def _cells(row: Row, columns: Sequence[str]) -> list[Out]:
    """The row's cells in ``columns`` order; a column the row lacks prints blank."""
    return [row.cell(c) or "" for c in columns]


def header_cells(heads: list[Head], merge_across: bool = True) -> list[tuple[int, int, int, int, str]]:
    """Each header cell as (top row, left column, bottom row, right column, text), 0-based.

    A text repeated down a column is one cell; with ``merge_across``, equal neighbours
    under the same texts above and as deep are one cell too.
    """
    depth = len(heads[0]) if heads else 0
    out: list[tuple[int, int, int, int, str]] = []
    for level in range(depth):
        j = 0
        while j < len(heads):
            head = heads[j]
            if level and head[level] == head[level - 1]:
                j += 1  # merged down from the row above
                continue
            bottom = level
            while bottom + 1 < depth and head[bottom + 1] == head[level]:
                bottom += 1
            right = j
            while (
                merge_across
                and head[level]
                and right + 1 < len(heads)
                and heads[right + 1][: bottom + 1] == head[: bottom + 1]
                and (bottom + 1 == depth or heads[right + 1][bottom + 1] != head[bottom])
            ):
                right += 1
            if head[level]:
                out.append((level, j, bottom, right, head[level]))
            j = right + 1
    return out


def _write_xlsx_header(sheet: Worksheet, heads: list[Head], first_row: int) -> None:
    """The header rows, each header cell written once and merged over what it covers."""
    for top, left, bottom, right, text in header_cells(heads):
        sheet.cell(row=first_row + top, column=left + 1, value=text)
        if (bottom, right) != (top, left):
            sheet.merge_cells(
                start_row=first_row + top,
                start_column=left + 1,
                end_row=first_row + bottom,
                end_column=right + 1,
            )


def _rule(sheet: Worksheet, rows: range, width: int) -> None:
    """Rule every cell of the table grid, as a real export does (titles and notes are not)."""
    for row in rows:
        for column in range(1, width + 1):
            sheet.cell(row=row, column=column).border = RULED


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


def text_rows(path: Path) -> list[str | list[str]]:
    """A text disclosure's lines: prose as a string, a tab-separated row as its cells
    (blank cells kept); blank lines are dropped."""
    out: list[str | list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        if sum(1 for c in cells if c) > 1:
            out.append(cells)
        elif line.strip():
            out.append(line.strip())
    return out


def text_docx(source: Path, path: Path) -> None:
    """The text disclosure as Word: prose as paragraphs, each run of tab rows as one table
    (as wide as its widest row), every cell's text as printed."""
    doc = Document()
    rows = text_rows(source)
    i = 0
    while i < len(rows):
        item = rows[i]
        if isinstance(item, str):
            doc.add_paragraph(item)
            i += 1
            continue
        block: list[list[str]] = []
        while i < len(rows) and not isinstance(rows[i], str):
            block.append(rows[i])  # type: ignore[arg-type]
            i += 1
        width = max(len(r) for r in block)
        table = doc.add_table(rows=len(block), cols=width)
        for r, cells in enumerate(block):
            for c, text in enumerate(cells):
                if text:
                    table.cell(r, c).text = text
    doc.save(str(path))


def text_xlsx(source: Path, path: Path) -> None:
    """The text disclosure as one sheet: a row per line, a tab row's cells in its columns
    (as text), prose in column A."""
    wb = Workbook()
    sheet = wb.active
    for r, item in enumerate(text_rows(source), start=1):
        for c, text in enumerate([item] if isinstance(item, str) else item, start=1):
            if text:
                cell = sheet.cell(r, c, text)
                cell.data_type = "s"  # “=3个” is text, not a formula
    wb.save(str(path))
