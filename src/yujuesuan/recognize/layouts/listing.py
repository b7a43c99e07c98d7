"""One amount per printed row, under group labels (Jiangsu 收入预算总表).

A row prints ``group · 小计 · amount`` or ``· item · amount``; the amount is the last cell,
the label the last text before it, and 小计 names the group it totals.
"""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import cells_of, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import join_wrapped, label_key, parse_cell


def _key(spec: TableSpec, label: str) -> str:
    key = label_key(label)
    return next((r.key for r in spec.listing if key in r.labels), f"x:{key}")


def listing(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    cols = [c for c, _ in variant.columns]
    rows: list[Row] = []
    group = ""
    for line in body:
        toks = [t for t in (cells_of(line) if grid else tokens([line]))]
        texts = [t for t in toks if t.text and parse_cell(t.text)[0] is CellState.TEXT]
        if not texts:
            continue
        amount = toks[-1] if toks and parse_cell(toks[-1].text)[0] is not CellState.TEXT else None
        if grid and toks and toks[0].text and parse_cell(toks[0].text)[0] is CellState.TEXT:
            group = toks[0].text
        label = texts[-1].text
        if label_key(label) in ("小计", "合计") and group:
            label = group
        key = _key(spec, label)
        rows.append(
            Row(
                key=key,
                label=join_wrapped([label]),
                level=Level.TOTAL if key in ("total", *spec.groups) else Level.FIXED,
                cells=make_cells(cols, [amount], line.prov),
                prov=texts[-1].prov,
            )
        )
    return rows


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return _key(spec, texts[0]).startswith("x:") is False
