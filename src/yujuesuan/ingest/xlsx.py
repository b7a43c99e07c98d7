"""Read an Excel (.xlsx) disclosure into a RawDocument.

The 决算 software exports one sheet per table: a title row merged across, a header
block (entity / year / unit), multi-row merged column headers, then body rows. Every
non-empty row becomes a line: prose when it holds a single piece of text outside the
ruled grid (a title, a note), otherwise a grid row with one cell per column from A to
the last used column. A merged range's value sits in its top-left cell; the other cells
it covers read "".

Numbers come back as the text the cell displays, minus thousands separators: openpyxl
returns floats, which are turned into ``Decimal(str(value))`` and rounded (half up) to
the decimals of the cell's number format, so ``22828.1`` formatted ``#,##0.00`` reads
``"22828.10"``. No float leaves this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.ingest.ooxml import EXCEL, check_package, damaged, read_bytes
from yujuesuan.ingest.raw import RawCell, RawDocument, RawLine, grid_row, prose
from yujuesuan.model.disclosure import SourceFile
from yujuesuan.model.provenance import Provenance

# Parts of a number format that print literally or pad, and so say nothing about decimals:
# "quoted text", [colour]/[condition]/[$locale], \x escapes, _x padding, *x fill.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_DECIMALS = re.compile(r"\.([0#?]+)")


def read_xlsx(path: Path, display_name: str) -> RawDocument:
    """Read ``path``; provenance names the file ``display_name``. Raises InputError."""
    data = read_bytes(path, display_name, EXCEL)
    workbook = _open(data, display_name)
    try:
        sheets = list(workbook.worksheets)
        source = SourceFile(
            name=display_name,
            format="xlsx",
            sha256=hashlib.sha256(data).hexdigest(),
            pages=len(sheets),
        )
        raw = RawDocument(source=source)
        for page, sheet in enumerate(sheets, start=1):
            raw.lines.extend(_sheet_lines(sheet, page, display_name))
        return raw
    finally:
        workbook.close()


def _open(data: bytes, name: str) -> Workbook:
    """Parse the package, turning every way it can fail into one line for a user.

    The bytes are handed over as a stream, so openpyxl does not refuse a good workbook
    for its file name's extension.
    """
    check_package(data, name, EXCEL)
    try:
        # Merged ranges are only known in the normal (not read-only) mode.
        return load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # openpyxl, zipfile and the XML parser raise many unrelated types
        raise damaged(name, EXCEL, exc) from None


def _sheet_lines(sheet: Worksheet, page: int, name: str) -> list[RawLine]:
    """The sheet's non-empty rows in order, as prose or grid lines."""
    width = _used_width(sheet)
    lines: list[RawLine] = []
    if width == 0:
        return lines
    title = sheet.title
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=width):
        values = [cell.value for cell in row]
        texts = [cell_text(v, cell.number_format) for v, cell in zip(values, row, strict=True)]
        filled = [i for i, t in enumerate(texts) if t]
        if not filled:
            continue
        row_number = row[0].row
        if len(filled) == 1 and isinstance(values[filled[0]], str) and not _ruled(row[filled[0]]):
            only = row[filled[0]]
            prov = Provenance(file=name, page=page, line=row_number, cell=f"{title}!{only.coordinate}")
            lines.append(prose(texts[filled[0]], prov))
            continue
        cells = [
            RawCell(text, Provenance(file=name, page=page, line=row_number, cell=f"{title}!{c.coordinate}"))
            for text, c in zip(texts, row, strict=True)
        ]
        span = f"{title}!{row[0].coordinate}:{row[-1].coordinate}"
        lines.append(grid_row(cells, Provenance(file=name, page=page, line=row_number, cell=span)))
    return lines


def _ruled(cell: Cell | MergedCell) -> bool:
    """A cell with a vertical rule beside it is a cell of the table grid.

    A row whose only text is such a cell is a table row with its other cells blank (“· 专项收入
    ·” with no amount, a 合计 row with no figures), not a title or a note: it stays a grid
    row, so the text keeps its column instead of being read as prose and dropped.
    """
    border = cell.border
    return bool(border.left.style or border.right.style) if border is not None else False


def _used_width(sheet: Worksheet) -> int:
    """The last column holding a value.

    ``max_column`` also counts columns that are only formatted, and a title may be
    merged wider than the table; either would add trailing blank cells to every row.
    """
    width = 0
    for row in sheet.iter_rows():
        for cell in reversed(row):
            value = cell.value
            if value is not None and not (isinstance(value, str) and not value.strip()):
                width = max(width, cell.column)
                break
    return width


def cell_text(value: Any, number_format: str = "General") -> str:
    """What a cell shows, as text: numbers by their format (no separators), text on
    one line (wrapped header lines join with "", as DOCX cell paragraphs do)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "".join(part.strip() for part in value.splitlines()).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):  # a spreadsheet double: Excel shows 15 significant digits
        return number_text(Decimal(format(value, ".15g")), number_format)
    if isinstance(value, int | Decimal):
        return number_text(Decimal(value), number_format)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    return str(value).strip()


def number_text(value: Decimal, number_format: str) -> str:
    """``value`` with the decimals ``number_format`` asks for, half up, no separators.

    General (and text/scientific formats) print an integer without decimals and any
    other value exactly. A percent format multiplies by 100 and keeps the sign ``%``.
    """
    section = _FORMAT_LITERALS.sub("", number_format.split(";")[0])
    percent = "%" in section
    if percent:
        value = value * 100
    decimals = _format_decimals(section)
    if decimals is None:
        text = _plain(value)
    else:
        try:
            rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # beyond Decimal's precision: print it as it is
            rounded = value
        text = format(abs(rounded) if rounded == 0 else rounded, "f")
    return text + "%" if percent else text


def _format_decimals(section: str) -> int | None:
    """Decimals a number-format section prints; None for General-like formats."""
    lowered = section.strip().lower()
    if lowered in ("", "general", "@") or "e+" in lowered or "e-" in lowered:
        return None
    match = _DECIMALS.search(section)
    if match:
        return len(match.group(1))
    return 0 if re.search(r"[0#?]", section) else None


def _plain(value: Decimal) -> str:
    """An exact value without exponent: ``1E+16`` prints all its digits."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value, "f")
