"""Long facts: one amount per row, the shape of the dataset that comes later."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.performance import SCORE_HEADERS, ProjectTarget, UnitTarget, fund_header
from yujuesuan.model.tables import CellState


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
    and the amounts and scores of the 自评汇总表 (A03, keyed by project name)."""
    out: list[Fact] = []
    for t in d.tables:
        headers = {c.id: c.header for c in t.columns}
        for r in t.rows:
            for c in r.cells:
                if c.state is not CellState.NUMBER or c.value is None:
                    continue
                p = c.prov or r.prov
                out.append(
                    Fact(
                        entity=d.meta.entity,
                        fiscal_year=d.meta.fiscal_year,
                        kind=d.meta.kind.value,
                        table=t.id,
                        row=r.key,
                        code=r.code,
                        line_no=r.line_no,
                        label=r.label,
                        column=c.column,
                        header=headers.get(c.column, c.column),
                        amount=c.value,
                        unit=r.unit or t.unit.value,
                        file=p.file if p else None,
                        page=p.page if p else None,
                        line=p.line if p else None,
                    )
                )
    for table, target in d.performance.funded():
        key = target.entity if isinstance(target, UnitTarget) else target.project or target.agency
        for c in target.cells:
            if c.state is not CellState.NUMBER or c.value is None:
                continue
            p = c.prov or target.prov
            out.append(
                Fact(
                    entity=d.meta.entity,
                    fiscal_year=d.meta.fiscal_year,
                    kind=d.meta.kind.value,
                    table=table,
                    row=key,
                    code=target.project if isinstance(target, ProjectTarget) else None,
                    line_no=None,
                    label=target.entity if isinstance(target, UnitTarget) else target.name,
                    column=c.column,
                    header=fund_header(table, c.column),
                    amount=c.value,
                    unit=d.meta.unit.value,
                    file=p.file if p else None,
                    page=p.page if p else None,
                    line=p.line if p else None,
                )
            )
    for score in d.performance.project_scores:
        for c in score.cells:
            if c.state is CellState.NUMBER and c.value is not None:
                p = c.prov or score.prov
                out.append(
                    Fact(
                        entity=d.meta.entity, fiscal_year=d.meta.fiscal_year, kind=d.meta.kind.value,
                        table="A03", row=score.name, code=score.agency, line_no=None, label=score.name,
                        column=c.column, header=SCORE_HEADERS[c.column],
                        amount=c.value, unit="分" if c.column == "score" else d.meta.unit.value,
                        file=p.file if p else None, page=p.page if p else None, line=p.line if p else None,
                    )
                )  # fmt: skip
    return out
