"""Performance material (预算绩效) as data: targets set in budgets and their indicators,
and the self-evaluation results of final accounts.

The budget target tables are a unit's 整体绩效目标表 (预算14表, one copy per unit) and
the 项目绩效目标表 (预算15表: every project with its funds and indicators). Their money is
held in ``Cell``s, exact and located like a table's, so the same rules and exports read it.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell

# The money fields of a target, with the headers the tables print for them.
FUND_HEADERS = {
    "total": "资金总额",
    "gov": "政府预算资金",
    "special": "财政专户管理资金",
    "unit": "单位资金",
    "basic": "基本支出",
    "project": "项目支出",
}
# The amounts and score of a 自评汇总表 row, with their printed headers.
SCORE_HEADERS = {
    "budget": "全年预算数",
    "executed": "全年执行数",
    "queried": "系统查询全年执行数",
    "score": "自评得分",
}


def fund_header(table: str, column: str) -> str:
    """预算14表 calls its total 部门预算总额."""
    return "部门预算总额" if table == "B14" and column == "total" else FUND_HEADERS[column]


class Indicator(BaseModel):
    """One 三级指标 with its target value as printed (≥90%, 1330元, 相关)."""

    model_config = ConfigDict(frozen=True)

    name: str  # 三级指标
    target: str  # 指标值, as printed but for spaces (≥90 % → ≥90%)
    category: str | None = None  # 一级指标 (投入管理指标, 产出指标 …); None where the text cannot tell
    group: str | None = None  # 二级指标 (工作目标管理 …), where the table prints one
    note: str | None = None  # 指标值说明
    prov: Provenance | None = None


class Task(BaseModel):
    """One 年度主要任务: its name and what it holds."""

    model_config = ConfigDict(frozen=True)

    name: str
    content: str


class Funded(BaseModel):
    """Something with money by field: ``total``, ``gov`` (政府预算资金), ``special``
    (财政专户管理资金), ``unit`` (单位资金), and for a unit's target ``basic``/``project``."""

    model_config = ConfigDict(frozen=True)

    cells: tuple[Cell, ...] = ()

    def cell(self, column: str) -> Cell | None:
        return next((c for c in self.cells if c.column == column), None)

    def value(self, column: str) -> Decimal | None:
        c = self.cell(column)
        return None if c is None else c.value


class UnitTarget(Funded):
    """预算14表 本级部门整体绩效目标表: one unit's duties, tasks, budget and indicators."""

    entity: str  # 部门（单位）名称
    duties: str = ""  # 年度履职目标
    tasks: tuple[Task, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    prov: Provenance | None = None


class ProjectTarget(Funded):
    """A row of 预算15表: a project (21-digit code) with its funds and indicators, or the
    department (``503``) and unit (``503001``) rows that sum them (``project`` is None)."""

    agency: str  # the unit code (503001); the department code on the department row
    name: str  # the project's name, or the unit's
    project: str | None = None  # 21-digit 项目编码, None on a department or unit row
    indicators: tuple[Indicator, ...] = ()
    prov: Provenance | None = None


class ProjectScore(Funded):
    """A row of 项目（单位）自评汇总表 (A03): one project's money and self-evaluation.
    Cells: ``budget`` 全年预算数, ``executed`` 全年执行数, ``queried`` 系统查询全年执行数,
    ``score`` 自评得分; rates stay as printed (``100%``, ``-%`` for not applicable)."""

    agency: str  # 单位编码
    unit_name: str  # 单位名称
    department: str  # 主管部门名称
    name: str  # 项目名称
    kind: str = ""  # 项目类型
    rates: tuple[tuple[str, str], ...] = ()  # (header, printed rate): 预算执行率, 资金管理情况得分率 …
    deviates: str = ""  # 是否有偏差项目
    prov: Provenance | None = None

    def rate(self, header: str) -> str | None:
        return next((r for h, r in self.rates if h == header), None)


class Performance(BaseModel):
    """All performance material of a disclosure."""

    model_config = ConfigDict(frozen=True)

    unit_targets: tuple[UnitTarget, ...] = ()
    project_targets: tuple[ProjectTarget, ...] = ()  # 预算15表 rows in printed order
    project_scores: tuple[ProjectScore, ...] = ()  # 项目（单位）自评汇总表 rows

    def funded(self) -> tuple[tuple[str, UnitTarget | ProjectTarget], ...]:
        """Every target with money, under the table that prints it (B14, then B15 rows)."""
        return tuple(("B14", u) for u in self.unit_targets) + tuple(("B15", p) for p in self.project_targets)

    @property
    def projects(self) -> tuple[ProjectTarget, ...]:
        return tuple(p for p in self.project_targets if p.project is not None)
