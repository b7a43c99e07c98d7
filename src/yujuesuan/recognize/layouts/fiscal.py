"""The Henan 2025 财政拨款收支预算表 (B04): income lines with one 金额 on the left, the
expenditure lines (totals and 类) with a 合计 and one column per fund on the right.

Both sides share printed lines and the text drops blank cells, so each label is known by
name (the table's rows in budget_tables.toml, or a 类 name) and takes the figures after
it: one on the income side, the right side's figures placed by its in-row identities.
Under “二、上年结转” the fund lines repeat; they are keyed ``in.carry.gpb`` and so on.
In a real grid (DOCX, XLSX) the cells after a label, up to the next label, are its
figures in their columns, blanks included: nothing is placed by identities there.
The income lines come first, then the expenditure lines (as in blocks.py): which lines
share a printed row is layout, not content.
"""

from __future__ import annotations

from decimal import Decimal

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, make_cells, tokens
from yujuesuan.recognize.layouts.units import is_figure, place_figures
from yujuesuan.recognize.placement import row_shape
from yujuesuan.recognize.specs import TableSpec, Variant, class_of
from yujuesuan.recognize.text import LABEL, join_wrapped, label_key, parse_cell


def _key(spec: TableSpec, label: str, carry: bool) -> str | None:
    key = label_key(label)
    for r in spec.listing:
        if key in r.labels:
            if carry and r.key.startswith("in.") and r.key not in ("in.total", "in.current", "in.carry"):
                return "in.carry." + r.key[3:]
            return r.key
    return class_of(label)


def _labelled_stream(body: list[RawLine]) -> list[tuple[Tok, list[Tok]]]:
    """Each label with the figures printed after it (blank cells dropped)."""
    labelled: list[tuple[Tok, list[Tok]]] = []
    for tok in tokens(body):
        if is_figure(tok.text) and labelled:
            labelled[-1][1].append(tok)
        elif len(tok.text) == 1 and labelled and not labelled[-1][1]:
            # the last letter of a label wrapped onto a line of its own (“…预算拨” / “款”)
            labelled[-1] = (Tok(labelled[-1][0].text + tok.text, labelled[-1][0].prov), [])
        elif not is_figure(tok.text):
            labelled.append((tok, []))
    return labelled


def _labelled_grid(body: list[RawLine]) -> list[tuple[Tok, list[Tok]]]:
    """Each label cell of a grid row with the cells after it up to the next label."""
    labelled: list[tuple[Tok, list[Tok]]] = []
    for line in body:
        figures: list[Tok] | None = None  # the cells of this row's last label
        for cell in cells_of(line):
            if cell.text and parse_cell(cell.text)[0] is CellState.TEXT:
                figures = []
                labelled.append((cell, figures))
            elif figures is not None:
                figures.append(cell)
    return labelled


def fiscal(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    cols = tuple(c for c, _ in variant.columns if c != "in")  # the expenditure side
    shape = row_shape(cols, spec.row_identities)
    labelled = _labelled_grid(body) if grid else _labelled_stream(body)
    rows: list[Row] = []
    seen: dict[str, int] = {}  # key → index in rows
    carry = False
    for label, figures in labelled:
        if LABEL.match(label.text):
            continue
        key = _key(spec, label.text, carry)
        carry = carry or key == "in.carry"
        if key is None or (key in seen and not any(t.text for t in figures)):
            continue  # an old name of a 类 printed beside the new one, empty (医疗卫生与计划生育)
        income = key.startswith("in.")
        if income or grid:
            cells, alternatives = make_cells(("in",) if income else cols, figures, label.prov), None
        else:
            values = [parse_cell(t.text)[1] or Decimal(0) for t in figures]
            cells, alternatives = place_figures(cols, figures, values, shape, label.prov)
        row = Row(
            key=key,
            label=join_wrapped([label.text]),
            level=Level.TOTAL if key.endswith("total") else (Level.CLASS if key.isdigit() else Level.FIXED),
            code=key if key.isdigit() else None,
            cells=cells,
            prov=label.prov,
            alternatives=alternatives,
        )
        if key in seen:
            rows[seen[key]] = row
        else:
            seen[key] = len(rows)
            rows.append(row)
    rows.sort(key=lambda r: not r.key.startswith("in."))
    return rows


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return _key(spec, texts[0], False) in ("in.total", "out.total")
