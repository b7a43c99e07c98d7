"""The “三公” table (F07): one data row, mapped through the variant's print order."""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import is_amount


def single(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """The one data row of the “三公” table, mapped through the variant's print order."""
    order = list(variant.order) or [c for c, _ in variant.columns]
    values: list[Tok | None] = []
    prov: Provenance | None = None
    for line in body:
        toks = cells_of(line) if grid else tokens([line])
        if any(is_amount(t.text) for t in toks) or (
            grid and len(toks) >= len(order) and not any(t.text for t in toks)
        ):
            values = list(toks)
            prov = line.prov
            break
    if prov is None:
        return []
    by_column = dict(zip(order, values, strict=False))
    cols = [c for c, _ in variant.columns]
    return [
        Row(
            key="total",
            label="",  # the data row prints no label
            level=Level.FIXED,
            cells=make_cells(cols, [by_column.get(c) for c in cols], prov),
            prov=prov,
        )
    ]


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return False  # only amounts (or an all-blank template row) start it; see is_data
