"""A page's output: prose lines and table rows in reading order, with provenance.

Exists to join the two streams (glyphs left outside tables, and table bands) into the
RawLines a page hands to the rest of the pipeline, with rounded bounding boxes.
"""

from __future__ import annotations

from collections.abc import Sequence

from yujuesuan.ingest.pdf.glyphs import Char, cell_text, join_line, visual_lines
from yujuesuan.ingest.pdf.grid import Band, Table
from yujuesuan.ingest.raw import RawCell, RawLine, grid_row, prose
from yujuesuan.model.provenance import Provenance


def build_lines(file: str, page: int, loose: list[Char], tables: list[Table]) -> list[RawLine]:
    """Prose lines and table rows of a page, ordered top to bottom, with provenance."""
    texts: list[tuple[str, list[Char]]] = []
    order: list[tuple[float, float, int, int]] = []  # (top, x0, kind, index); kind 0 prose, 1 row
    for group in visual_lines(loose):
        text = join_line(group)
        if text:
            order.append((min(c.top for c in group), min(c.x0 for c in group), 0, len(texts)))
            texts.append((text, group))
    rows = [band for t in tables for band in t.bands if band.cells]
    order.extend((band.top, band.bounds[0], 1, k) for k, band in enumerate(rows))
    order.sort()
    out: list[RawLine] = []
    for number, (_, _, kind, index) in enumerate(order, start=1):
        if kind == 1:
            out.append(_row_line(file, page, number, rows[index]))
        else:
            text, group = texts[index]
            out.append(prose(text, Provenance(file=file, page=page, line=number, bbox=_bbox(group))))
    return out


def _row_line(file: str, page: int, number: int, band: Band) -> RawLine:
    """One grid row; blanks (and continuations of row-spanning cells) stay as ""."""
    cells: list[RawCell] = []
    for k, cell in enumerate(band.cells, start=1):
        text = "" if cell.owner is not None else cell_text(cell.chars)
        bbox = (_r(cell.x0), _r(cell.top), _r(cell.x1), _r(cell.bottom))
        cells.append(RawCell(text, Provenance(file=file, page=page, line=number, cell=f"c{k}", bbox=bbox)))
    bbox = (_r(band.bounds[0]), _r(band.top), _r(band.bounds[-1]), _r(band.bottom))
    return grid_row(cells, Provenance(file=file, page=page, line=number, bbox=bbox))


def _r(v: float) -> float:
    return round(v, 2)


def _bbox(chars: Sequence[Char]) -> tuple[float, float, float, float]:
    return (
        _r(min(c.x0 for c in chars)),
        _r(min(c.top for c in chars)),
        _r(max(c.x1 for c in chars)),
        _r(max(c.bottom for c in chars)),
    )
