"""Reading a workbook's cells exactly: the text a cell displays, an amount as the Decimal
it shows, and one clear line naming the sheet and cell when a cell is not what its
column needs (text for an amount, a formula without a saved value)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.ingest.raw import InputError
from yujuesuan.ingest.xlsx import cell_text
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState

DASHES = {"-": CellState.DASH, "—": CellState.DASH, "--": CellState.DASH, "——": CellState.NOT_APPLICABLE}


class Reader:
    """``wb`` holds the values (a formula's saved result); ``formulas`` the same workbook
    as typed, to tell an empty cell from a formula that was never calculated."""

    def __init__(self, wb: Workbook, formulas: Workbook, name: str) -> None:
        self.wb, self.formulas, self.name = wb, formulas, name

    def bad(self, ws: Worksheet, ref: str, what: str, todo: str) -> InputError:
        return InputError(f"{self.name}: sheet “{ws.title}” cell {ref}: {what}; {todo}")

    def text(self, ws: Worksheet, row: int, col: int) -> str:
        c = ws.cell(row, col)
        if c.value is None and self.formulas[ws.title].cell(row, col).data_type == "f":
            raise self.bad(
                ws,
                c.coordinate,
                "holds a formula with no saved value",
                "open and save the workbook in Excel or WPS, or type the figure",
            )
        return cell_text(c.value, c.number_format).strip()

    def paragraphs(self, ws: Worksheet, row: int, col: int) -> str:
        """A text cell with its line breaks kept: each line is a paragraph."""
        value = ws.cell(row, col).value
        if isinstance(value, str):
            return "\n".join(x.strip() for x in value.splitlines() if x.strip())
        return self.text(ws, row, col)

    def amount(self, ws: Worksheet, row: int, col: int, column: str) -> Cell:
        raw = self.text(ws, row, col)
        prov = Provenance(
            file=self.name, page=None, line=row, cell=f"{ws.title}!{ws.cell(row, col).coordinate}"
        )
        if raw == "":
            return Cell(column=column, raw="", state=CellState.BLANK, prov=prov)
        if raw in DASHES:
            return Cell(column=column, raw=raw, state=DASHES[raw], prov=prov)
        return Cell(
            column=column, raw=raw, state=CellState.NUMBER, value=self.decimal(ws, row, col, raw), prov=prov
        )

    def decimal(self, ws: Worksheet, row: int, col: int, raw: str) -> Decimal:
        try:
            return Decimal(raw.replace(",", ""))
        except InvalidOperation:
            raise self.bad(
                ws, ws.cell(row, col).coordinate, f"“{raw}” is not an amount", "type a number such as 1234.56"
            ) from None

    def sheet(self, title: str) -> Worksheet | None:
        return self.wb[title] if title in self.wb.sheetnames else None
