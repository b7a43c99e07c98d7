"""Table bodies → typed rows, one reader per layout family of refdata.

Each reader accepts the body either as grid rows (cells known, blanks kept: tab text,
PDF, DOCX, XLSX) or as token streams (space-separated text, where blanks are lost and
labels wrap over lines). Token streams are parsed by grammar, not by line, so a label
broken over two lines or a row split by a page break still lands in one row.

Each module holds one family: its reader and ``starts_body``, which tells the first
body line from the header block above it.
"""

from __future__ import annotations

from collections.abc import Callable

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.tables import Row
from yujuesuan.recognize.layouts import (
    blocks,
    coded,
    econ,
    fiscal,
    listing,
    procurement,
    single,
    stat,
    two_sided,
    units,
)
from yujuesuan.recognize.layouts.common import cells_of, tokens
from yujuesuan.recognize.layouts.econ import PERSONNEL_TOTAL, PUBLIC_TOTAL
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import as_int, is_amount

Layout = Callable[[TableSpec, Variant, list[RawLine], bool, str], list[Row]]

LAYOUTS: dict[str, Layout] = {
    "two_sided": lambda spec, variant, body, grid, header: two_sided.two_sided(spec, body, grid, header),
    "coded": coded.coded,
    "econ": econ.econ,
    "single": single.single,
    "stat": stat.stat,
    "blocks": blocks.blocks,
    "listing": listing.listing,
    "units": units.units,
    "fiscal": fiscal.fiscal,
    "procurement": procurement.procurement,
}

_STARTS_BODY: dict[str, Callable[[list[str], TableSpec], bool]] = {
    "two_sided": two_sided.starts_body,
    "coded": coded.starts_body,
    "econ": econ.starts_body,
    "single": single.starts_body,
    "stat": stat.starts_body,
    "blocks": blocks.starts_body,
    "listing": listing.starts_body,
    "units": units.starts_body,
    "fiscal": fiscal.starts_body,
    "procurement": procurement.starts_body,
}


def is_data(layout: str, line: RawLine, spec: TableSpec) -> bool:
    """Does this line start the body (as opposed to the header block)?"""
    if layout == "single" and line.grid and len(line.cells) >= 12 and not any(c.text for c in line.cells):
        return True  # an unfilled template prints its data row blank
    toks = cells_of(line) if line.grid else tokens([line])
    texts = [t.text for t in toks if t.text]
    if not texts:
        return False
    if any(is_amount(t) for t in texts) and not all(as_int(t) is not None for t in texts):
        return True
    return _STARTS_BODY[layout](texts, spec)


__all__ = ["LAYOUTS", "PERSONNEL_TOTAL", "PUBLIC_TOTAL", "is_data"]
