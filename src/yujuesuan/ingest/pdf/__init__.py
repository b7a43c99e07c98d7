"""PDF reader: pages → prose lines and ruled-table rows, straight from pdfium.

Why not pdfplumber: its pdfminer parsing costs ~1 s for a 25-page disclosure, while
pdfium hands us every character box and every path object in ~0.1 s. We rebuild what
we need from those two sources:

* **Ruled tables.** Path objects (stroked lines, thin filled rectangles, rectangle
  edges) become horizontal and vertical rules. Rules that touch form a table. Each
  band between two consecutive horizontal rules is a row; the vertical rules that cross
  that band are its cell boundaries, so merged header cells come out as fewer, wider
  cells and body rows as one cell per column. Blank cells stay as ``""`` because a
  blank in these tables usually means zero, and position must mean column.
* **Prose.** Characters outside tables are grouped into visual lines by vertical
  overlap (CJK and Latin glyphs sit on slightly different baselines, so an exact
  baseline would split "收入2,940.05万元" in three).

All coordinates handed out are PDF points from the top-left corner of the page as a
viewer shows it (``/Rotate`` applied).

The work is split by source: ``glyphs`` (characters and lines of text), ``rules``
(ruling lines from path objects), ``grid`` (tables, row bands and cells from the rules)
and ``lines`` (a page's prose lines and table rows in reading order). This module opens
the document and walks its pages.
"""

from __future__ import annotations

import hashlib
import pathlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yujuesuan.ingest.pdf.glyphs import Transform, read_chars
from yujuesuan.ingest.pdf.grid import assign, find_tables
from yujuesuan.ingest.pdf.lines import build_lines
from yujuesuan.ingest.pdf.rules import read_rules
from yujuesuan.ingest.raw import InputError, RawDocument, RawLine
from yujuesuan.model.disclosure import SourceFile

__all__ = ["read_pdf"]


def read_pdf(path: pathlib.Path, display_name: str) -> RawDocument:
    """Read a PDF with a text layer into prose lines and table rows, page by page.

    Raises InputError (one line for a user) for unreadable, encrypted or image-only PDFs.
    """
    try:
        data = pathlib.Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{display_name}: cannot be read ({exc.strerror or exc}); check the path") from None
    if not data:
        raise InputError(
            f"{display_name}: not a readable PDF (the file is empty); check that the file is complete"
        )
    source_sha = hashlib.sha256(data).hexdigest()
    doc = _open(data, display_name)
    try:
        n_pages = len(doc)
        lines: list[RawLine] = []
        any_text = False
        for index in range(n_pages):
            page_lines, has_text = _read_page(doc, index, display_name)
            lines.extend(page_lines)
            any_text = any_text or has_text
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"{display_name}: not a readable PDF ({str(exc).rstrip('.')}); check that the file is complete"
        ) from None
    finally:
        doc.close()
    if n_pages == 0:
        raise InputError(
            f"{display_name}: not a readable PDF (it has no pages); check that the file is complete"
        )
    if not any_text:
        raise InputError(
            f"{display_name}: the PDF has no text layer (scanned images); OCR is not supported yet "
            "— use a PDF exported with text"
        )
    source = SourceFile(name=display_name, format="pdf", sha256=source_sha, pages=n_pages)
    return RawDocument(source=source, lines=lines)


def _open(data: bytes, display_name: str) -> pdfium.PdfDocument:
    """Open the document, turning pdfium's load errors into user messages."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        # pdfium's error code is global state and can be stale (e.g. a file with no
        # pages fails without setting it), so a password error must also show an
        # /Encrypt dictionary before we blame a password.
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
            raise InputError(
                f"{display_name}: the PDF is password-protected; remove the password and try again"
            ) from None
        if code == pdfium_c.FPDF_ERR_FORMAT or not data.lstrip().startswith(b"%PDF"):
            reason = "not a PDF, or damaged"
        else:
            reason = "pdfium cannot load it"
        raise InputError(
            f"{display_name}: not a readable PDF ({reason}); check that the file is complete"
        ) from None


def _read_page(doc: pdfium.PdfDocument, index: int, file: str) -> tuple[list[RawLine], bool]:
    """All lines of one page in reading order, and whether the page had any text."""
    page = doc[index]
    try:
        tf = Transform(page)
        textpage = page.get_textpage()
        try:
            chars = read_chars(textpage, tf)
        finally:
            textpage.close()
        hsegs, vsegs = read_rules(page, tf)
    finally:
        page.close()
    tables = find_tables(hsegs, vsegs)
    loose = assign(chars, tables)
    return build_lines(file, index + 1, loose, tables), bool(chars)
