"""Read a 预算 workbook's table sheets and supplement back (the other half of
``budget_workbook.py``). A row the preparer added has no hidden key: it is keyed as
`yjs parse` keys the printed row, from its 单位代码, codes and place, so a rendered
budget reads back to the same tables."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model.disclosure import Meta
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.supplement import KeyProject
from yujuesuan.model.tables import Cell, CellState, Column, Level, Row, Table
from yujuesuan.recognize.layouts.common import code_level
from yujuesuan.render.budget_tables import budget_spec
from yujuesuan.template import layout as L
from yujuesuan.template.blank import level_of
from yujuesuan.template.budget_fields import KEY_PROJECTS_SHEET
from yujuesuan.template.cells import Reader

CODE_LENGTHS = {
    "function": (3, 5, 7),
    "pair": (3, 5),
    "split": (3, 5),
    "econ": (3, 5),
    "blocks": (3,),
    "fiscal": (3,),
}


def read_budget_table(r: Reader, ws: Worksheet, tid: str, meta: Meta) -> Table:
    spec = budget_spec(tid)
    markers = [r.text(ws, L.MARKER_ROW, col) for col in range(1, ws.max_column + 1)]
    columns = [c for c, _ in spec.columns]
    first = L.HEADER_ROW + len(spec.header)
    rows: list[Row] = []
    agency: str | None = None
    counters: dict[str | None, int] = {}
    seen: dict[str, int] = {}
    for row in range(first, ws.max_row + 1):
        got: dict[str, str] = {}
        cells: list[Cell] = []
        for i, m in enumerate(markers):
            if m in columns:
                cells.append(r.amount(ws, row, i + 1, m))
            elif m:
                got[m] = r.text(ws, row, i + 1)
        if spec.lead == "fiscal":  # B04: an income row has the 收入 figure, a 支出 row the others
            income = got.get(L.KEY, "").startswith("in.")
            cells = [c for c in cells if (c.column == "in") == income]
        made = _row(r, ws, row, spec.lead, got, tuple(cells), agency, counters)
        if made is None:
            continue
        if made.level is Level.UNIT:
            agency = made.agency
        seen[made.key] = seen.get(made.key, 0) + 1
        if seen[made.key] > 1 and not got.get(L.KEY):
            made = made.model_copy(update={"key": f"{made.key}#{seen[made.key]}"})
        rows.append(made)
    return Table(
        id=tid, title=spec.printed_title(meta.fiscal_year), label=spec.label, variant="henan", unit=meta.unit,
        columns=tuple(Column(id=i, header=h) for i, h in spec.columns), rows=tuple(rows),
        entity=meta.entity, year=meta.fiscal_year, prov=Provenance(file=r.name, cell=f"{ws.title}!A1"),
    )  # fmt: skip


def _row(
    r: Reader, ws: Worksheet, row: int, lead: str, got: dict[str, str], cells: tuple[Cell, ...],
    agency: str | None, counters: dict[str | None, int],
) -> Row | None:  # fmt: skip
    key, code, label = got.get(L.KEY, ""), got.get(L.CODE, ""), got.get(L.LABEL, "")
    own_agency, gov, category = got.get(L.AGENCY, ""), got.get(L.GOV, ""), got.get(L.CATEGORY, "")
    prov = Provenance(file=r.name, line=row, cell=f"{ws.title}!B{row}")
    if not any(got.get(m) for m in (L.CODE, L.LABEL, L.AGENCY, L.GOV, L.CATEGORY)):
        if lead == "none" and key:
            return Row(key=key, label="合计", level=Level.TOTAL, cells=cells, prov=prov)
        if any(c.state is not CellState.BLANK for c in cells):
            raise r.bad(
                ws,
                f"B{row}",
                "figures without a code or a name",
                "give the row its code and name, or clear it",
            )
        return None
    _check(r, ws, row, lead, code, own_agency, gov)
    if lead in ("blocks", "fiscal"):
        if not key and not code:
            raise r.bad(
                ws,
                f"B{row}",
                f"“{label}” is not a row of this table",
                "keep the rows as written, or give a 类 code",
            )
        level = (Level.FIXED if lead == "blocks" else Level.CLASS) if code else level_of(label)
        return Row(key=key or code, label=label, level=level, code=code or None, cells=cells, prov=prov)
    if not code and not own_agency and not category and label in ("合计", "总计"):
        return Row(key="total", label="合计", level=Level.TOTAL, cells=cells, prov=prov)
    owner = own_agency or agency
    if own_agency and not code and not category:
        return Row(
            key=key or own_agency, label=label, level=Level.UNIT, agency=own_agency, cells=cells, prov=prov
        )
    if lead in ("typed", "project"):
        counters[owner] = counters.get(owner, 0) + 1
        own = str(counters[owner])
        level = Level.FIXED
    else:
        if not code:
            raise r.bad(
                ws,
                f"B{row}",
                f"“{label}” has no code",
                "give the row its 科目编码, or a 单位代码 for a unit's row",
            )
        own = code + (f"/{gov}" if gov else "")
        level = code_level(code)
    return Row(
        key=key or (f"{owner}/{own}" if owner else own), label=label, level=level, code=code or None,
        agency=owner, category=category or None, gov_code=gov or None, cells=cells, prov=prov,
    )  # fmt: skip


def _check(r: Reader, ws: Worksheet, row: int, lead: str, code: str, agency: str, gov: str) -> None:
    lengths = CODE_LENGTHS.get(lead, ())
    if code and not (code.isdigit() and len(code) in lengths):
        raise r.bad(
            ws, f"B{row}", f"“{code}” is not a code of this table",
            f"type the code as text, {' or '.join(str(n) for n in lengths)} digits",
        )  # fmt: skip
    if agency and not (agency.isdigit() and len(agency) == 6):
        raise r.bad(
            ws, f"B{row}", f"“{agency}” is not a 单位代码", "type the unit's 6-digit code, such as 503001"
        )
    if gov and not (gov.isdigit() and len(gov) in (3, 5)):
        raise r.bad(ws, f"B{row}", f"“{gov}” is not a 政府经济分类 code", "type 3 or 5 digits, such as 50101")


def read_key_projects(r: Reader) -> tuple[KeyProject, ...]:
    ws = r.sheet(KEY_PROJECTS_SHEET)
    out: list[KeyProject] = []
    if ws is None:
        return ()
    for row in range(2, ws.max_row + 1):
        name, amount, uses = (r.text(ws, row, c) for c in (1, 2, 3))
        if not name:
            continue
        budget: Decimal | None = r.decimal(ws, row, 2, amount) if amount else None
        out.append(KeyProject(name=name, budget=budget, uses=uses))
    return tuple(out)
