"""Writing one printed value into a worksheet cell, shared by the workbook writers."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model.tables import Cell, CellState

Printed = str | Cell | None


def put(ws: Worksheet, row: int, col: int, value: Printed) -> None:
    """A number as a number with its printed decimals and separators; other text as printed."""
    if value is None:
        return
    if isinstance(value, str):
        if value:
            ws.cell(row, col, value)
        return
    if value.state is CellState.NUMBER and value.value is not None:
        cell = ws.cell(row, col, value.value)
        exponent = value.value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        cell.number_format = ("#,##0" if "," in value.raw else "0") + ("." + "0" * places if places else "")
    elif value.raw:
        ws.cell(row, col, value.raw)
