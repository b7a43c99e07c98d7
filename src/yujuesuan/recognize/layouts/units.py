"""Tables grouped by unit (Henan 2025 budgets): 合计, then each unit's subtotal row
(``503001 某某局``), then that unit's lines.

A line is, by the table's grammar (budget_tables.toml):
  coded — a function code printed in parts (``208 01 01``) and a name;
  econ  — a 部门 economic code and name, then a 政府 code and name (``301 01 基本工资
          501 01 工资奖金津补贴``, or ``30101 … 50101 …``);
  typed — a 类型 (人员类, 公用经费, 其他运转类, 特定目标类) that holds until the next one,
          the line's name, and the unit's name again (cut into pieces by the cell width).
The text drops blank cells, so the figures are placed into columns by the table's in-row
identities (recognize/placement.py); a row that can be read more than one way keeps
its other readings as ``alternatives`` for the table and the whole document to settle.
A real grid (DOCX, XLSX, a ruled PDF) keeps its blank cells: there the last cells of a
row are the figures in their columns, and only the cells before them are read by grammar.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, code_level, make_cell, make_cells, tokens
from yujuesuan.recognize.placement import RowShape, reading, readings, row_shape
from yujuesuan.recognize.settle import settle_table
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import CODE, LABEL, is_amount, join_wrapped, parse_cell

AGENCY = re.compile(r"^\d{6}$")
CATEGORIES = ("人员类", "公用经费", "其他运转类", "特定目标类")


def is_figure(text: str) -> bool:
    """A printed figure; this text layer prints an integer zero as a bare ``0``."""
    return is_amount(text) or text == "0"


@dataclass
class _Record:
    kind: str  # total, unit, line
    prov: Provenance
    code: list[str] = field(default_factory=list)
    gov: list[str] = field(default_factory=list)
    names: list[Tok] = field(default_factory=list)
    figures: list[Tok] = field(default_factory=list)
    agency: str | None = None
    category: str | None = None
    placed: bool = False  # the figures are a grid row's cells, one per column


Figures = tuple[Tok, ...]
"""The figure cells of a grid row, one per column, blanks included."""


def _grid_items(body: list[RawLine], width: int) -> list[Tok | Figures]:
    """Each grid row as its non-blank leading cells (codes, names, 类型), then its last
    ``width`` cells: the figures, already in their columns."""
    items: list[Tok | Figures] = []
    for line in body:
        cells = cells_of(line)
        items += [c for c in cells[:-width] if c.text]
        items.append(tuple(cells[-width:]))
    return items


def _records(items: Sequence[Tok | Figures], grammar: str) -> list[_Record]:
    out: list[_Record] = []
    cur: _Record | None = None
    agency: str | None = None
    category: str | None = None

    def new(kind: str, tok: Tok) -> _Record:
        rec = _Record(kind, tok.prov, agency=agency, category=category)
        out.append(rec)
        return rec

    for item in items:
        if isinstance(item, tuple):  # a grid row's figures
            if cur is None or cur.figures:
                cur = new("total", item[0])  # a total row printed without a label
            cur.figures, cur.placed = list(item), True
            continue
        tok, t = item, item.text
        if LABEL.match(t):
            continue  # the next table's label (预算04表), printed above its title
        done = cur is None or bool(cur.figures)  # the row before is complete
        if is_figure(t):
            if cur is None:
                cur = new("total", tok)  # a total row printed without a label (B07, B09, B12)
            cur.figures.append(tok)
            continue
        if done and t in ("合计", "总计"):
            cur = new("total", tok)
            cur.names.append(tok)
        elif done and AGENCY.match(t):
            agency = t
            cur = new("unit", tok)
            cur.agency = t
        elif done and CODE.match(t) and grammar != "typed":
            cur = new("line", tok)
            cur.code.append(t)
        elif cur is not None and not cur.names and cur.code and t.isdigit() and len(t) == 2 and not cur.gov:
            cur.code.append(t)
        elif (
            cur is not None
            and grammar == "econ"
            and cur.names
            and CODE.match(t)
            and not cur.gov
            or cur is not None
            and cur.gov
            and t.isdigit()
            and len(t) == 2
            and len("".join(cur.gov)) < 5
        ):
            cur.gov.append(t)
        elif grammar == "typed" and t in CATEGORIES:
            category = t
            if done or cur is None:
                cur = new("line", tok)
            cur.category = t
            cur.names = []  # what came before the 类型 was the unit's name (B07)
        elif done:
            cur = new("line", tok)
            cur.names.append(tok)
        elif cur is not None:
            if cur.gov:
                continue  # the 政府 classification's name: the code says it
            cur.names.append(tok)
    return out


def _unit_names(records: list[_Record]) -> dict[str, str]:
    return {
        r.agency: join_wrapped([n.text for n in r.names]) for r in records if r.kind == "unit" and r.agency
    }


def _line_name(rec: _Record, unit_name: str | None) -> str:
    """The line's own name: a typed line also prints its unit's name (B12 after it)."""
    name = join_wrapped([n.text for n in rec.names])
    if unit_name and name.endswith(unit_name) and len(name) > len(unit_name):
        name = name[: -len(unit_name)]
    return name


def units(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    cols = tuple(c for c, _ in variant.columns)
    shape = row_shape(cols, spec.row_identities) if spec.row_identities else None
    records = _records(_grid_items(body, len(cols)) if grid else tokens(body), spec.grammar)
    names = _unit_names(records)
    rows: list[Row] = []
    seen: dict[str, int] = {}
    counters: dict[str | None, int] = {}
    for rec in records:
        if rec.kind == "total":
            key, label, level, code = "total", "合计", Level.TOTAL, None
        elif rec.kind == "unit":
            key, label, level, code = rec.agency or "unit", names.get(rec.agency or "", ""), Level.UNIT, None
        else:
            code = "".join(rec.code) or None
            if code is not None and not CODE.match(code):
                code = None
            gov = "".join(rec.gov) or None
            label = _line_name(rec, names.get(rec.agency or ""))
            if code is None:
                counters[rec.agency] = counters.get(rec.agency, 0) + 1
                own = str(counters[rec.agency])
            else:
                own = code + (f"/{gov}" if gov else "")
            key = f"{rec.agency}/{own}" if rec.agency else own
            level = code_level(code) if code else Level.FIXED
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        if rec.placed:
            cells, alternatives = make_cells(cols, rec.figures, rec.prov), None
        else:
            cells, alternatives = _place(cols, rec, shape, spec)
        rows.append(
            Row(
                key=key,
                label=label,
                level=level,
                code=code,
                cells=cells,
                prov=rec.names[0].prov if rec.names else rec.prov,
                agency=rec.agency,
                category=rec.category if rec.kind == "line" else None,
                gov_code="".join(rec.gov) or None,
                alternatives=alternatives,
            )
        )
    return settle_table(rows)


def _place(
    cols: tuple[str, ...], rec: _Record, shape: RowShape | None, spec: TableSpec
) -> tuple[tuple[Cell, ...], tuple[tuple[Cell, ...], ...] | None]:
    values = [parse_cell(t.text)[1] or Decimal(0) for t in rec.figures]
    split = _econ_split(rec, cols, spec)
    return place_figures(cols, rec.figures, values, shape, rec.prov, split)


def place_figures(
    cols: tuple[str, ...],
    figures: list[Tok],
    values: list[Decimal],
    shape: RowShape | None,
    fallback: Provenance,
    empty_column: int | None = None,
) -> tuple[tuple[Cell, ...], tuple[tuple[Cell, ...], ...] | None]:
    """The row's cells, and its other readings when the identities allow several.

    ``empty_column``: a column that should hold nothing, preferred when a reading keeps it so.
    """
    found = readings(values, shape) if shape is not None else []
    if not found:  # no identities, or none holds: the figures fill the first columns
        found = [tuple(range(min(len(figures), len(cols))))]
    if empty_column is not None and len(found) > 1:
        found = [p for p in found if reading(values, p, len(cols))[empty_column] == 0] or found
    built = [_cells(cols, figures, p, fallback) for p in found]
    return built[0], (tuple(built[1:]) or None)


def _econ_split(rec: _Record, cols: tuple[str, ...], spec: TableSpec) -> int | None:
    """人员经费 holds the 301 and 303 items, 公用经费 the 302 and 310 items (B06): the
    column of the other kind should be empty."""
    if not spec.econ_split or not rec.code:
        return None
    code = "".join(rec.code)
    return cols.index(spec.econ_split[1] if code[:3] in ("301", "303") else spec.econ_split[0])


def _cells(
    cols: tuple[str, ...], figures: list[Tok], placement: tuple[int, ...], fallback: Provenance
) -> tuple[Cell, ...]:
    by_column: dict[int, Tok] = dict(zip(placement, figures, strict=False))
    return tuple(make_cell(c, by_column.get(i), fallback) for i, c in enumerate(cols))


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    """The 合计 row (its figures only after it: a header row “合计 一般公共预算 …” under 总计
    is not data), a unit's row, or a row of figures."""
    total = texts[0] in ("合计", "总计") and all(is_figure(t) for t in texts[1:])
    return total or bool(AGENCY.match(texts[0])) or is_figure(texts[0])
