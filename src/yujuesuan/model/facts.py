"""Long facts: one amount per row, the shape of the dataset that comes later."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.performance import (
    FUNDING_HEADERS,
    SCORE_HEADERS,
    SCORE_LINE_HEADERS,
    SelfEvaluation,
    UnitTarget,
    fund_header,
)
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState


class Fact(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity: str | None
    fiscal_year: int | None
    kind: str
    table: str
    row: str
    code: str | None
    line_no: int | None
    label: str
    column: str
    header: str
    amount: Decimal
    unit: str
    file: str | None
    page: int | None
    line: int | None


FACT_FIELDS: tuple[str, ...] = tuple(Fact.model_fields)


def facts(d: Disclosure) -> list[Fact]:
    """Every numeric cell of every table, in table and row order, then the money of the
    performance targets (预算14表 keyed by the unit's name, 预算15表 by project or unit code)
    and the amounts and scores of the 自评汇总表 (A03, keyed by 单位编码/project name) and of
    the self-evaluation tables (A01, A02: see ``evaluation_facts``)."""
    out: list[Fact] = []
    for t in d.tables:
        headers = {c.id: c.header for c in t.columns}
        for r in t.rows:
            for c in _numbers(r.cells):
                out.append(
                    _fact(d, c, r.prov, table=t.id, row=r.key, code=r.code, line_no=r.line_no, label=r.label,
                          header=headers.get(c.column, c.column), unit=r.unit or t.unit.value)
                )  # fmt: skip
    for table, target in d.performance.funded():
        if isinstance(target, UnitTarget):
            row, code, label = target.entity, None, target.entity
        else:
            row, code, label = target.project or target.agency, target.project, target.name
        for c in _numbers(target.cells):
            out.append(
                _fact(d, c, target.prov, table=table, row=row, code=code, line_no=None, label=label,
                      header=fund_header(table, c.column), unit=d.meta.unit.value)
            )  # fmt: skip
    for score in d.performance.project_scores:
        for c in _numbers(score.cells):
            out.append(
                _fact(d, c, score.prov, table="A03", row=f"{score.agency}/{score.name}", code=None, line_no=None,
                      label=score.name, header=SCORE_HEADERS[c.column],
                      unit="分" if c.column == "score" else d.meta.unit.value)
            )  # fmt: skip
    for n, e in enumerate(d.performance.evaluations, start=1):
        out += evaluation_facts(d, n, e)
    return out


def evaluation_facts(d: Disclosure, n: int, e: SelfEvaluation) -> list[Fact]:
    """One self-evaluation table's figures, keyed by the table's ordinal ``n`` (project names
    repeat) as ``n/total`` or ``n/gov`` … for a funding row, ``n/k`` for its k-th scored
    line and ``n/总分``; money in the table's unit, 执行率 and 偏差度 in %, points in 分."""
    out: list[Fact] = []

    def add(c: Cell, fallback: Provenance | None, row: str, label: str, header: str) -> None:
        unit = (
            "%"
            if c.column in ("rate", "deviation")
            else "分"
            if c.column in ("weight", "score")
            else e.unit.value
        )
        out.append(
            _fact(d, c, fallback, table=e.form, row=f"{n}/{row}", code=e.agency_code, line_no=None,
                  label=f"{e.project} · {label}", header=header, unit=unit)
        )  # fmt: skip

    for f in e.funds:
        for c in _numbers(f.cells):
            add(c, f.prov, f.source or "total", f.label, FUNDING_HEADERS[c.column])
    for k, x in enumerate(e.lines, start=1):
        for c in _numbers(x.cells):
            add(c, x.prov, str(k), x.name, SCORE_LINE_HEADERS[c.column])
    if e.total is not None:
        for c in _numbers((e.total,)):
            add(c, e.prov, "总分", "总分", "总分")
    return out


def _numbers(cells: tuple[Cell, ...]) -> list[Cell]:
    return [c for c in cells if c.state is CellState.NUMBER and c.value is not None]


def _fact(d: Disclosure, c: Cell, fallback: Provenance | None, **where: Any) -> Fact:
    """One fact: the disclosure's meta, the cell's amount and location, and ``where`` (table,
    row, code, line_no, label, header, unit)."""
    p = c.prov or fallback
    assert c.value is not None  # _numbers keeps numbers only
    return Fact(
        entity=d.meta.entity, fiscal_year=d.meta.fiscal_year, kind=d.meta.kind.value, column=c.column,
        amount=c.value, file=p.file if p else None, page=p.page if p else None, line=p.line if p else None,
        **where,
    )  # fmt: skip
