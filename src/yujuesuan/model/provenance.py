"""Where a value came from: file, page, line, cell, box.

Every number and every row carries one, so a reviewer can jump to the spot in the
published document and the web page can highlight it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Provenance(BaseModel):
    """A location in a source file.

    ``page`` and ``line`` are 1-based. ``line`` counts lines of the file for text,
    lines of the page for PDF, paragraphs for DOCX and rows for XLSX. ``cell`` names a
    spreadsheet cell (``B12``), a DOCX table cell (``t3.r4.c2``) or a column index in a
    text row (``c5``). ``bbox`` is ``(x0, top, x1, bottom)`` in PDF points from the
    top-left corner of the page.
    """

    model_config = ConfigDict(frozen=True)

    file: str
    page: int | None = None
    line: int | None = None
    cell: str | None = None
    bbox: tuple[float, float, float, float] | None = None
