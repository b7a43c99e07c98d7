"""Write the preparer's workbook: one sheet per public table laid out like the table,
sheets for what the tables do not hold, data validation and a note on every field.

From a blank start (`yjs template`) the tables carry every fixed row and empty figures;
from a parsed disclosure (`yjs parse --format template`) they carry its figures and the
supplement recovered from its narrative.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model.disclosure import Disclosure, Meta
from yujuesuan.model.supplement import Supplement
from yujuesuan.model.tables import Cell, CellState, Row, Table
from yujuesuan.render.compose import standard_glossary
from yujuesuan.render.tables import PROFILES, economic_groups, order, print_spec, printable
from yujuesuan.template import layout as L
from yujuesuan.template.fields import SHEETS, Kind

AMOUNT_FORMAT = "#,##0.00"
FIXED = PatternFill("solid", fgColor="EEEEEE")  # cells the preparer does not fill
INPUT = PatternFill("solid", fgColor="FFF8DC")
BOLD = Font(bold=True)
EXTRA_ROWS = 40  # empty rows left under a coded table for the preparer's 类/款/项 lines

GUIDE = (
    "本工作簿是一份决算公开的全部数据。填好后运行：yjs render 本文件.xlsx -o 决算公开.docx（或 .pdf、.html）",
    "1. “基本信息”：单位名称、年度、部门决算或单位决算、金额单位。",
    "2. F01…F09：公开表，每张表一页，行列与公开表相同；淡黄色单元格填金额，灰色为固定内容。",
    "   编码表（收入决算表、支出决算表、一般公共预算财政拨款支出决算表等）按“合计、类、款、项”的编码顺序逐行填写科目编码、科目名称和金额。",
    "   “-” 表示零或不适用，“——” 表示该栏不应有数；空白即未填（按零处理）。",
    "3. “年初预算”：公开05表每个项级科目的年初预算数和差异原因；“情况说明 五（三）”据此逐项生成。",
    "4. “上年数与原因”“三公经费”“机关运行经费”“政府采购”“国有资产”“预算绩效”：情况说明中表格没有的数和原因。",
    "   未填写的数或原因在生成的文件中显示为【待填写：…】，yjs check 会报告它们。",
    "5. “所属单位”（部门决算）、“绩效自评”、“名词解释”：按列填写，一行一项。",
    "情况说明中的金额、占比、增减幅度、完成率和增减方向全部由本表数据计算，无需手工填写。",
)


def new_workbook(guide_lines: tuple[str, ...]) -> Workbook:
    """A workbook whose first sheet is the 填写说明."""
    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = L.GUIDE_SHEET
    for i, line in enumerate(guide_lines, start=1):
        guide.cell(i, 1, line).font = BOLD if i == 1 else Font()
    guide.column_dimensions["A"].width = 120
    return wb


def write_workbook(meta: Meta, tables: tuple[Table, ...], s: Supplement) -> bytes:
    wb = new_workbook(GUIDE)
    info_sheet(wb.create_sheet(L.INFO_SHEET), meta)
    by_id = {t.id: t for t in tables}
    for tid in order(meta.profile):
        if tid in by_id:
            spec = print_spec(meta.profile, tid)
            _table(wb.create_sheet(L.table_sheet(tid, spec.title)), by_id[tid], meta.profile)
    _items(wb.create_sheet(L.ITEMS_SHEET), by_id.get("F05"), s)
    for sheet in SHEETS:
        fields_sheet(wb.create_sheet(sheet.name), sheet.purpose, sheet.fields, s)
    list_sheet(
        wb.create_sheet(L.UNITS_SHEET), ("序号", "单位名称"), [(str(i), u) for i, u in enumerate(s.units, 1)]
    )
    list_sheet(
        wb.create_sheet(L.PROJECTS_SHEET),
        L.PROJECT_COLUMNS,
        [(p.name, p.budget, p.spent, p.score, p.grade) for p in s.projects],
        grades=True,
    )
    terms = s.glossary or standard_glossary()
    list_sheet(wb.create_sheet(L.GLOSSARY_SHEET), L.GLOSSARY_COLUMNS, [(t.term, t.definition) for t in terms])
    _annexes(wb.create_sheet(L.ANNEX_SHEET), s)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _annexes(ws: Worksheet, s: Supplement) -> None:
    """第五部分 附件, a row per printed line: 标题 starts an annex, 文字 is a line of prose,
    表格 a table row with one cell per column from C on."""
    ws.append(["附件序号", "类型", "内容（表格行：每列一格）"])
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    ws.cell(1, 2).comment = Comment(
        "标题：附件的标题；文字：一段文字；表格：表格的一行，从C列起每格一列。", "yjs"
    )
    kinds = DataValidation(type="list", formula1='"' + ",".join(L.ANNEX_KINDS) + '"')
    ws.add_data_validation(kinds)
    row = 1
    for n, annex in enumerate(s.annexes, start=1):
        for kind, cells in [("标题", [annex.title])] + [
            ("表格", line.split("\t")) if "\t" in line else ("文字", [line]) for line in annex.lines
        ]:
            row += 1
            ws.cell(row, 1, n)
            ws.cell(row, 2, kind)
            for col, text in enumerate(cells, start=3):
                put_text(ws, row, col, text or None)
    kinds.add(f"B2:B{ws.max_row + 200}")
    for row in ws.iter_rows(min_row=2, min_col=3):
        for c in row:
            c.number_format = "@"
    shape(ws, (10, 8, 60))


def put_text(ws: Worksheet, row: int, col: int, text: str | None) -> None:
    """Text as text: openpyxl would take “=100% 100%” for a formula."""
    c = ws.cell(row, col)
    c.value = text
    if text:
        c.data_type = "s"


def workbook_of(d: Disclosure, s: Supplement) -> bytes:
    return write_workbook(d.meta, d.tables, s)


def info_sheet(ws: Worksheet, meta: Meta, profiles: tuple[str, ...] = PROFILES) -> None:
    values = {
        "entity": meta.entity or "",
        "fiscal_year": meta.fiscal_year,
        "kind": meta.kind.value,
        "scope": meta.scope.value,
        "unit": meta.unit.value,
        "profile": meta.profile if meta.profile in profiles else printable(meta.profile),
    }
    ws.append(["键", "项目", "内容", "说明"])
    for key, label, note in L.INFO_FIELDS:
        ws.append([key, label, values[key], note])
    rules = {
        "fiscal_year": DataValidation(type="whole", operator="between", formula1="2000", formula2="2100"),
        "kind": DataValidation(type="list", formula1=f'"{meta.kind.value}"'),
        "scope": DataValidation(type="list", formula1='"部门,单位"'),
        "unit": DataValidation(type="list", formula1='"万元,元"'),
        "profile": DataValidation(type="list", formula1='"' + ",".join(profiles) + '"'),
    }
    for row, (key, _, _) in enumerate(L.INFO_FIELDS, start=2):
        ws.cell(row, 3).fill = INPUT
        if key in rules:
            rules[key].add(ws.cell(row, 3))
    for dv in rules.values():
        ws.add_data_validation(dv)
    shape(ws, (0, 28, 50, 60))


def shape(ws: Worksheet, widths: tuple[int, ...]) -> None:
    for i, w in enumerate(widths):
        letter = ws.cell(1, i + 1).column_letter
        if w == 0:
            ws.column_dimensions[letter].hidden = True
        else:
            ws.column_dimensions[letter].width = w


def _markers(t: Table) -> list[str]:
    columns = [c.id for c in t.columns]
    if t.id in ("F01", "F04"):
        return [L.KEY, L.LABEL, L.LINE, columns[0], L.KEY, L.LABEL, L.LINE, *columns[1:]]
    if t.id == "F06":
        return [L.KEY, L.CODE, L.LABEL, *columns]
    if t.id == "F10":
        return [L.KEY, L.LABEL, L.LINE, *columns]
    if t.id == "F07":
        return [L.KEY, *columns]
    return [L.CODE, L.LABEL, *columns]


def _data_rows(t: Table, profile: str) -> list[list[tuple[str, object]]]:
    """Per printed row, (marker, value) per column."""

    def side(r: Row | None, columns: list[str]) -> list[tuple[str, object]]:
        if r is None:
            empty: list[tuple[str, object]] = [(L.KEY, None), (L.LABEL, None), (L.LINE, None)]
            return empty + [(c, None) for c in columns]
        filled: list[tuple[str, object]] = [(L.KEY, r.key), (L.LABEL, r.label), (L.LINE, r.line_no)]
        return filled + [(c, r.cell(c)) for c in columns]

    columns = [c.id for c in t.columns]
    if t.id in ("F01", "F04"):
        split = 31 if t.id == "F01" else 32
        left = [r for r in t.rows if (r.line_no or 0) <= split]
        right = [r for r in t.rows if (r.line_no or 0) > split]
        return [
            side(left[i] if i < len(left) else None, columns[:1])
            + side(right[i] if i < len(right) else None, columns[1:])
            for i in range(max(len(left), len(right)))
        ]
    if t.id == "F06":
        return [
            [(L.KEY, r.key), (L.CODE, r.code), (L.LABEL, r.label)] + [(c, r.cell(c)) for c in columns]
            for r in _economic_order(t, profile)
        ]
    if t.id == "F10":
        return [side(r, columns) for r in t.rows]
    if t.id == "F07":
        return [[(L.KEY, r.key)] + [(c, r.cell(c)) for c in columns] for r in t.rows]
    return [[(L.CODE, r.code or ""), (L.LABEL, r.label)] + [(c, r.cell(c)) for c in columns] for r in t.rows]


def _economic_order(t: Table, profile: str) -> list[Row]:
    """F06 as one list: the printed groups left to right, then the two totals."""
    listed = [r for g in economic_groups(t.rows, print_spec(profile, "F06")) for r in g]
    seen = {r.key for r in listed}
    return listed + [r for r in t.rows if r.key not in seen]


def _table(ws: Worksheet, t: Table, profile: str) -> None:
    spec = print_spec(profile, t.id)
    markers = _markers(t)
    ws.cell(L.TITLE_ROW, 1, f"{spec.title}（{spec.label}）").font = Font(bold=True, size=14)
    hint = f"单位：{t.unit.value}。淡黄色单元格填金额（两位小数）；灰色为固定内容，请勿修改。"
    if t.id in ("F02", "F03", "F05", "F08", "F09"):
        hint += "“合计”行之下按编码顺序逐行填写类（3位）、款（5位）、项（7位）科目。"
    ws.cell(L.HINT_ROW, 1, hint)
    for col, m in enumerate(markers, start=1):
        ws.cell(L.MARKER_ROW, col, m)
    ws.row_dimensions[L.MARKER_ROW].hidden = True
    visible = [i for i, m in enumerate(markers, start=1) if m != L.KEY]
    header_width = len(visible)
    for h, printed in enumerate(spec.header):
        cells = list(printed) + [""] * max(header_width - len(printed), 0)
        for col, text in zip(visible, cells, strict=False):
            c = ws.cell(L.HEADER_ROW + h, col, text or None)
            c.font, c.fill, c.alignment = BOLD, FIXED, Alignment(horizontal="center", wrap_text=True)
    first = L.HEADER_ROW + len(spec.header)
    rows = _data_rows(t, profile)
    coded = markers[0] == L.CODE
    amount_check = DataValidation(
        type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000"
    )
    amount_check.error, amount_check.errorTitle = "请填写数字金额（如 1234.56）", "不是金额"
    code_check = DataValidation(type="textLength", operator="between", formula1="3", formula2="7")
    code_check.error = "科目编码为3位（类）、5位（款）或7位（项）数字"
    ws.add_data_validation(amount_check)
    ws.add_data_validation(code_check)
    for i, row in enumerate(rows + ([[]] * EXTRA_ROWS if coded else [])):
        r = first + i
        values = dict(enumerate(row))
        for col, m in enumerate(markers, start=1):
            marker, value = values.get(col - 1, (m, None))
            c = ws.cell(r, col)
            if marker in (L.KEY, L.LABEL, L.LINE, L.CODE):
                c.value = value if value not in ("", None) else None
                if isinstance(c.value, str):
                    c.data_type = "s"
                if marker == L.CODE and coded:
                    c.number_format = "@"
                    c.fill = INPUT
                    code_check.add(c)
                elif marker == L.LABEL and coded:
                    c.fill = INPUT
                else:
                    c.fill = FIXED
            else:
                amount_into(c, value)
                if value is not None or coded:
                    c.fill = INPUT
                    amount_check.add(c)
    ws.freeze_panes = ws.cell(first, 1)
    for col, m in enumerate(markers, start=1):
        letter = ws.cell(1, col).column_letter
        if m == L.KEY:
            ws.column_dimensions[letter].hidden = True
        else:
            ws.column_dimensions[letter].width = {L.LABEL: 36, L.LINE: 6, L.CODE: 12}.get(m, 14)
    if coded:
        ws.cell(L.HINT_ROW, 1).comment = Comment(
            "科目编码按文本填写，如 2080101；名称与《政府收支分类科目》一致。", "yjs"
        )


def amount_into(c: object, value: object) -> None:
    cell = c  # an openpyxl cell
    if isinstance(value, Cell):
        if value.state is CellState.NUMBER and value.value is not None:
            cell.value = value.value  # type: ignore[attr-defined]
            cell.number_format = AMOUNT_FORMAT  # type: ignore[attr-defined]
        elif value.state in (CellState.DASH, CellState.NOT_APPLICABLE, CellState.TEXT):
            cell.value = value.raw  # type: ignore[attr-defined]
    elif isinstance(value, Decimal):
        cell.value = value  # type: ignore[attr-defined]
        cell.number_format = AMOUNT_FORMAT  # type: ignore[attr-defined]


def _items(ws: Worksheet, f05: Table | None, s: Supplement) -> None:
    ws.append(list(L.ITEM_COLUMNS))
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    ws.cell(1, 4).comment = Comment("年初预算数：年初批复的一般公共预算财政拨款预算，按项级科目填写。", "yjs")
    items = [r for r in (f05.rows if f05 else ()) if r.code and len(r.code) == 7]
    rows = [(r.code, r.label, r.value("c1")) for r in items]
    known = {r.code for r in items}
    rows += [(i.code, "", None) for i in s.items if i.code not in known]
    for code, label, spent in rows:
        item = s.item(code or "")
        ws.append([code, label, spent, item.budget if item else None, None])
        put_text(ws, ws.max_row, 5, item.reason if item else None)
    for r in range(2, len(rows) + 2 + EXTRA_ROWS):
        ws.cell(r, 1).number_format = "@"
        for col in (3, 4):
            ws.cell(r, col).number_format = AMOUNT_FORMAT
        ws.cell(r, 4).fill = INPUT
        ws.cell(r, 5).fill = INPUT
    shape(ws, (16, 36, 22, 14, 60))


def fields_sheet(ws: Worksheet, purpose: str, fields: tuple[object, ...], s: Supplement) -> None:
    from yujuesuan.template.fields import Field

    ws.append(["键", "项目", "内容", "说明"])
    ws.cell(1, 2).comment = Comment(purpose, "yjs")
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    money = DataValidation(
        type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000"
    )
    money.error = "请填写数字金额（如 1234.56）"
    whole = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    whole.error = "请填写不小于0的整数"
    ws.add_data_validation(money)
    ws.add_data_validation(whole)
    for row, f in enumerate(fields, start=2):
        assert isinstance(f, Field)
        value: object
        if f.kind is Kind.MONEY:
            value = s.amounts.get(f.key)
        elif f.kind is Kind.COUNT:
            value = s.counts.get(f.key)
        else:
            value = s.texts.get(f.key)
        ws.append([f.key, f.label, None, f.note])
        c = ws.cell(row, 3)
        if isinstance(value, str):
            put_text(ws, row, 3, value)
        else:
            c.value = value
        c.fill = INPUT
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if f.kind is Kind.MONEY:
            c.number_format = AMOUNT_FORMAT
            money.add(c)
        elif f.kind is Kind.COUNT:
            whole.add(c)
        elif f.kind is Kind.CHOICE:
            dv = DataValidation(type="list", formula1='"' + ",".join(f.choices) + '"')
            ws.add_data_validation(dv)
            dv.add(c)
        ws.cell(row, 2).comment = Comment(f.note, "yjs") if f.note else None
    shape(ws, (0, 40, 60, 50))


def list_sheet(
    ws: Worksheet, header: tuple[str, ...], rows: list[tuple[object, ...]], grades: bool = False
) -> None:
    ws.append(list(header))
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    for i, r in enumerate(rows, start=2):
        for col, v in enumerate(r, start=1):
            if isinstance(v, str):
                put_text(ws, i, col, v)
            else:
                ws.cell(i, col, v)
    if grades:
        dv = DataValidation(type="list", formula1='"优,良,中,差"')
        ws.add_data_validation(dv)
        dv.add(f"E2:E{len(rows) + 200}")
        for n in range(2, len(rows) + 200):
            for col in (2, 3):
                ws.cell(n, col).number_format = AMOUNT_FORMAT
    shape(ws, tuple([40] + [16] * (len(header) - 2) + [60 if len(header) == 2 else 12]))
