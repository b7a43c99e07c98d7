"""The preparer's workbook of a 预算 (budget/henan-2025): 预算01表…预算13表 one sheet each,
a row per printed row (合计, each unit's row, its lines), the supplement sheets of
``budget_fields.py``, 所属单位, 重点项目 and 名词解释.

From a blank start the tables carry their fixed rows (B01, B04) or a 合计 row; from a
parsed budget they carry its rows, each with its hidden key so it reads back the same.
"""

from __future__ import annotations

import io

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model.disclosure import Meta
from yujuesuan.model.performance import Performance
from yujuesuan.model.supplement import Supplement
from yujuesuan.model.tables import Column, Level, Row, Table
from yujuesuan.narrative.budget_sentences import class_name
from yujuesuan.refdata import load
from yujuesuan.render.budget_compose import budget_glossary
from yujuesuan.render.budget_tables import BUDGET_PROFILES, budget_classes, budget_order, budget_spec
from yujuesuan.render.tables import ORDINALS
from yujuesuan.template import layout as L
from yujuesuan.template.blank import empty_cells, level_of
from yujuesuan.template.budget_fields import BUDGET_SHEETS, KEY_PROJECT_COLUMNS, KEY_PROJECTS_SHEET
from yujuesuan.template.target_sheets import write_targets
from yujuesuan.template.workbook import (
    AMOUNT_FORMAT,
    BOLD,
    EXTRA_ROWS,
    FIXED,
    INPUT,
    amount_into,
    fields_sheet,
    info_sheet,
    list_sheet,
    new_workbook,
    put_text,
    shape,
)

GUIDE = (
    "本工作簿是一份部门预算公开的全部数据。填好后运行：yjs render 本文件.xlsx -o 预算公开.docx（或 .pdf、.html）",
    "1. “基本信息”：部门名称、年度、部门预算或单位预算、金额单位。",
    "2. B01…B13：预算01表至预算13表，每张表一页；淡黄色单元格填写，灰色为固定内容。",
    "   按单位分组的表：先填“合计”行，再按单位填写单位行（单位代码 + 单位名称），其下逐行填写该单位的科目或项目。",
    "   科目编码按文本填写：功能分类项级 7 位（如 2080101），经济分类款级 5 位（如 30101，政府经济分类如 50101）。",
    "3. “上年预算数与原因”：情况说明与上年比较所需的上年预算数和变动原因。",
    "4. “政府采购”“国有资产”“其他事项”“重点项目”：情况说明中表格没有的数和文字。",
    "   “B14 部门整体绩效目标”“B15 项目绩效目标”：预算14表、预算15表，一行一项。",
    "   未填写的数或原因在生成的文件中显示为【待填写：…】，yjs check 会报告它们。",
    "5. “所属单位”（预算单位构成）、“名词解释”：按列填写，一行一项。",
    "情况说明中的金额、占比、增减幅度和增减方向全部由本表数据计算，无需手工填写。",
)


def blank_budget_tables(meta: Meta) -> tuple[Table, ...]:
    return tuple(_blank(tid, meta) for tid in budget_order())


def _blank(tid: str, meta: Meta) -> Table:
    spec = budget_spec(tid)
    columns = [c for c, _ in spec.columns]
    raw = next(t for t in load("print_budget")["table"] if t["id"] == tid)
    rows: list[Row] = []
    for key, label in raw.get("blank", []):
        if key == "@classes":
            rows += [_class_row(tid, code, columns) for code in budget_classes()]
            continue
        cols = columns[:1] if key.startswith("in.") else (columns[1:] if tid == "B04" else columns)
        rows.append(Row(key=key, label=label, level=level_of(label), cells=empty_cells(cols)))
    if not rows:
        rows = [Row(key="total", label="合计", level=Level.TOTAL, cells=empty_cells(columns))]
    return Table(
        id=tid, title=spec.printed_title(meta.fiscal_year), label=spec.label, variant="henan", unit=meta.unit,
        columns=tuple(Column(id=i, header=h) for i, h in spec.columns), rows=tuple(rows),
        entity=meta.entity, year=meta.fiscal_year,
    )  # fmt: skip


def _class_row(tid: str, code: str, columns: list[str]) -> Row:
    ordinal = ORDINALS[int(code) - 201] if int(code) - 201 < len(ORDINALS) else str(int(code) - 200)
    if tid == "B01":
        short = class_name(code).removesuffix("支出") or class_name(code)
        return Row(
            key=code, label=f"{ordinal}、{short}", level=Level.FIXED, code=code, cells=empty_cells(columns)
        )
    cells = empty_cells(columns[1:])
    return Row(key=code, label=f"（{ordinal}）{class_name(code)}", level=Level.CLASS, code=code, cells=cells)


def write_budget_workbook(
    meta: Meta, tables: tuple[Table, ...], s: Supplement, targets: Performance | None = None
) -> bytes:
    wb = new_workbook(GUIDE)
    info_sheet(wb.create_sheet(L.INFO_SHEET), meta, BUDGET_PROFILES)
    by_id = {t.id: t for t in tables}
    for tid in budget_order():
        if tid in by_id:
            spec = budget_spec(tid)
            sheet = wb.create_sheet(L.table_sheet(tid, spec.printed_title(meta.fiscal_year)))
            _table(sheet, by_id[tid], meta)
    for sheet in BUDGET_SHEETS:
        fields_sheet(wb.create_sheet(sheet.name), sheet.purpose, sheet.fields, s)
    list_sheet(
        wb.create_sheet(L.UNITS_SHEET), ("序号", "单位名称"), [(str(i), u) for i, u in enumerate(s.units, 1)]
    )
    write_targets(wb, targets or Performance())
    _key_projects(wb.create_sheet(KEY_PROJECTS_SHEET), s)
    terms = s.glossary or budget_glossary()
    list_sheet(wb.create_sheet(L.GLOSSARY_SHEET), L.GLOSSARY_COLUMNS, [(t.term, t.definition) for t in terms])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _key_projects(ws: Worksheet, s: Supplement) -> None:
    ws.append(list(KEY_PROJECT_COLUMNS))
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    ws.cell(1, 1).comment = Comment(
        "情况说明 十（三）的重点项目，一行一个：项目名称、年初预算安排、主要用途。", "yjs"
    )
    for i, p in enumerate(s.key_projects, start=2):
        put_text(ws, i, 1, p.name)
        ws.cell(i, 2, p.budget)
        put_text(ws, i, 3, p.uses or None)
    for row in range(2, len(s.key_projects) + 2 + EXTRA_ROWS):
        ws.cell(row, 2).number_format = AMOUNT_FORMAT
    shape(ws, (40, 16, 60))


def _table(ws: Worksheet, t: Table, meta: Meta) -> None:
    spec = budget_spec(t.id)
    lead = L.BUDGET_LEADS[spec.lead]
    columns = [c for c, _ in spec.columns]
    markers = [L.KEY] + [m for m, _ in lead] + columns
    ws.cell(L.TITLE_ROW, 1, f"{spec.printed_title(meta.fiscal_year)}（{spec.label}）").font = Font(
        bold=True, size=14
    )
    hint = f"单位：{t.unit.value}。淡黄色单元格填写，灰色为固定内容。"
    if spec.lead not in ("blocks", "fiscal", "none"):
        hint += "“合计”行之下按单位填写：单位行填单位代码和名称，其下逐行填写该单位的科目或项目。"
    ws.cell(L.HINT_ROW, 1, hint)
    for col, m in enumerate(markers, start=1):
        ws.cell(L.MARKER_ROW, col, m)
    ws.row_dimensions[L.MARKER_ROW].hidden = True
    printed_lead = 0 if spec.lead in ("blocks", "fiscal") else len(spec.header[0]) - len(columns)
    for h, printed in enumerate(spec.header):
        figures = _figure_headers(spec.lead, printed, printed_lead, len(columns))
        heads = [name if h == 0 else "" for _, name in lead] + figures
        for col, text in enumerate(heads, start=2):
            c = ws.cell(L.HEADER_ROW + h, col, text or None)
            c.font, c.fill, c.alignment = BOLD, FIXED, Alignment(horizontal="center", wrap_text=True)
    first = L.HEADER_ROW + len(spec.header)
    fixed = spec.lead in ("blocks", "fiscal", "none")
    amount_check = DataValidation(
        type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000"
    )
    amount_check.error, amount_check.errorTitle = "请填写数字金额（如 1234.56）", "不是金额"
    ws.add_data_validation(amount_check)
    categories = L.BUDGET_CATEGORIES.get(spec.lead)
    category_check = (
        DataValidation(type="list", formula1='"' + ",".join(categories) + '"') if categories else None
    )
    if category_check is not None:
        ws.add_data_validation(category_check)
    rows: list[Row | None] = list(t.rows) + ([] if fixed else [None] * EXTRA_ROWS)
    for i, r in enumerate(rows):
        row = first + i
        values = _lead_values(r, lead)
        ws.cell(row, 1, r.key if r is not None else None)
        for col, (marker, _) in enumerate(lead, start=2):
            c = ws.cell(row, col)
            put_text(ws, row, col, values[marker] or None)
            c.number_format = "@"
            c.fill = FIXED if fixed else INPUT
            if marker == L.CATEGORY and category_check is not None:
                category_check.add(c)
        for col, column in enumerate(columns, start=2 + len(lead)):
            c = ws.cell(row, col)
            cell = r.cell(column) if r is not None else None
            amount_into(c, cell)
            if r is None or cell is not None:
                c.fill = INPUT
                c.number_format = AMOUNT_FORMAT
                amount_check.add(c)
            else:
                c.fill = FIXED  # the other side's column of a two-sided table
    ws.freeze_panes = ws.cell(first, 2)
    ws.column_dimensions["A"].hidden = True
    for col, (marker, _) in enumerate(lead, start=2):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = 36 if marker == L.LABEL else 14
    for col in range(2 + len(lead), 2 + len(lead) + len(columns)):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = 14


def _figure_headers(lead: str, printed: tuple[str, ...], printed_lead: int, width: int) -> list[str]:
    """The header cells over the figures: the printed header without its lead cells; the
    two-sided B01 and B04 show each column's name."""
    if lead == "blocks":
        return ["金额"] if printed[0] == "项目" else [""]
    if lead == "fiscal":
        if printed[0] != "项目":
            return [""] * width if printed[0] == "" else ["收入", "支出"] + [""] * (width - 2)
        return ["金额", "合计", "一般公共预算 小计", "其中：财政拨款", "其中：上级专项转移支付安排支出",
                "政府性基金", "国有资本经营预算", "财政专户管理资金收入", "单位资金"]  # fmt: skip
    return list(printed[printed_lead:])


def _lead_values(r: Row | None, lead: tuple[tuple[str, str], ...]) -> dict[str, str]:
    if r is None:
        return {m: "" for m, _ in lead}
    unit = r.level is Level.UNIT
    values = {
        L.LABEL: "合计" if r.key == "total" else r.label,
        L.CODE: r.code or "",
        L.AGENCY: r.agency or "" if unit or r.level is not Level.TOTAL else "",
        L.GOV: r.gov_code or "",
        L.CATEGORY: r.category or "",
    }
    return {m: values[m] for m, _ in lead}
