"""label · 行次 · value tables (F10); counts carry their own unit."""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.tables import Level, Row
from yujuesuan.recognize.layouts.common import cells_of, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import as_int, join_wrapped


def stat(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """label · 行次 · value rows; counts carry their own unit."""
    cols = [c for c, _ in variant.columns]
    units = {r.line_no: r.unit for r in spec.stat_rows}
    rows = []
    for line in body:
        toks = cells_of(line) if grid else tokens([line])
        idx = next((i for i, t in enumerate(toks) if i > 0 and as_int(t.text) is not None), None)
        if idx is None:
            continue
        no = as_int(toks[idx].text)
        label = join_wrapped([t.text for t in toks[:idx]])
        rows.append(
            Row(
                key=f"r{no}",
                label=label,
                level=Level.TOTAL if label == "合计" else Level.FIXED,
                line_no=no,
                unit=units.get(no) if no is not None else None,
                cells=make_cells(cols, toks[idx + 1 : idx + 2], line.prov),
                prov=line.prov,
            )
        )
    return rows


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return len(texts) >= 2 and as_int(texts[1]) is not None
