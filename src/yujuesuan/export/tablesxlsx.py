"""Tables as a workbook: one sheet per table, laid out like the public table."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.tables import CellState, Table

_BOLD = Font(bold=True)


def _sheet_name(t: Table) -> str:
    return f"{t.id} {t.title}"[:31].replace("/", "-")


def write_xlsx(d: Disclosure, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for t in d.tables:
        ws = wb.create_sheet(_sheet_name(t))
        width = 3 + len(t.columns)
        ws.cell(1, 1, t.title).font = _BOLD
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        ws.cell(2, 1, f"{d.meta.scope.value}：{d.meta.entity or ''}")
        ws.cell(2, 2, f"{d.meta.fiscal_year or ''}年度")
        ws.cell(2, 3, f"单位：{t.unit.value}")
        header = ["行次/编码", "项目", "key"] + [c.header for c in t.columns]
        for j, h in enumerate(header, start=1):
            ws.cell(3, j, h).font = _BOLD
        for i, r in enumerate(t.rows, start=4):
            ws.cell(i, 1, r.code or (str(r.line_no) if r.line_no is not None else ""))
            ws.cell(i, 2, r.label)
            ws.cell(i, 3, r.key)
            for j, col in enumerate(t.columns, start=4):
                c = r.cell(col.id)
                if c is None or c.state is CellState.BLANK:
                    continue
                if c.state is CellState.NUMBER and c.value is not None:
                    cell = ws.cell(i, j, c.value)
                    places = max(0, -int(c.value.as_tuple().exponent))
                    cell.number_format = "#,##0" + ("." + "0" * places if places else "")
                else:
                    ws.cell(i, j, c.raw)
        ws.column_dimensions["B"].width = 40
    wb.save(path)
