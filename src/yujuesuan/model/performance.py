"""Performance material (预算绩效) as data: targets set in budgets and their indicators,
the self-evaluation tables of final accounts (部门整体 A01, 项目 A02, 汇总 A03) and the
score tables of an evaluation report (A04).

The budget target tables are a unit's 整体绩效目标表 (预算14表, one copy per unit) and
the 项目绩效目标表 (预算15表: every project with its funds and indicators). Their money is
held in ``Cell``s, exact and located like a table's, so the same rules and exports read it.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, Unit

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


# The cells of a self-evaluation's funding row (项目资金 / 部门整体支出情况), printed headers.
FUNDING_HEADERS = {
    "declared": "目标申报数",  # A02-S: 年初预算数 · 目标申报数
    "initial": "年初预算数",  # A02-S: 年初预算数 · 预算编制数
    "budget": "全年预算数",
    "executed": "全年执行数",
    "balance": "资金结（转）余",
    "weight": "分值",
    "rate": "执行率",
    "score": "得分",
}
# The cells of a scored row (资金管理情况 items, 绩效指标 rows), printed headers.
SCORE_LINE_HEADERS = {"weight": "分值", "score": "得分", "deviation": "偏差度"}


class FundingLine(Funded):
    """One row of a self-evaluation's funding block: the total (年度资金总额, 部门预算总额,
    资金总额: ``source`` None) or one source (政府性预算资金, 财政拨款, 财政专户管理资金,
    单位资金, 市县区财政资金). ``rate`` is 执行率 in per cent, printed without its %; the
    total's ``weight`` and ``score`` are the 预算执行率 points."""

    label: str  # as printed
    source: str | None = None  # None on the total row; gov, special, unit or other
    prov: Provenance | None = None


class ScoreLine(Funded):
    """One scored row: an item of 资金管理情况 (block ``funds``) or a 绩效指标 row (block
    ``indicators``). Cells ``weight`` 分值, ``score`` 得分, ``deviation`` 偏差度 in per cent
    (printed without its %; A02-S prints none)."""

    block: str  # "funds" (资金管理情况) or "indicators" (绩效指标)
    name: str  # 三级指标, or the 资金管理 item (安排科学性 …)
    category: str | None = None  # 一级指标
    group: str | None = None  # 二级指标
    target: str = ""  # 年度指标值 (A02-S: 年初指标值)
    adjusted: str | None = None  # A02-S 调整后指标值
    actual: str = ""  # 实际完成值
    explanation: str = ""  # 资金管理: 情况说明
    reason: str = ""  # 偏差原因分析及改进措施 / 存在问题和改进措施, as printed
    prov: Provenance | None = None


class SelfEvaluation(BaseModel):
    """A self-evaluation table: 部门整体支出绩效自评情况表 (``form`` A01) or one project's
    项目单位自评表 / 项目支出绩效自评表 (A02). Amounts are in ``unit`` (the annex's own,
    万元 in every form seen, also in a document kept in 元)."""

    model_config = ConfigDict(frozen=True)

    form: str  # A01 or A02
    title: str  # as printed
    project: str  # 项目名称; for A01 the 部门（单位）名称
    department: str = ""  # 主管部门, without its code
    department_code: str | None = None  # A02-S 主管部门及代码: 304
    agency: str = ""  # 实施单位 / 预算单位, without its code
    agency_code: str | None = None  # A02-S: 304006
    unit: Unit = Unit.WAN_YUAN
    funds: tuple[FundingLine, ...] = ()  # the total row first, then the sources
    lines: tuple[ScoreLine, ...] = ()  # 资金管理 items, then indicators, in printed order
    goal: str = ""  # 预期目标 / 年度目标 / 年度履职目标
    outcome: str = ""  # 实际完成情况
    total: Cell | None = None  # 总分 (column ``score``); None when the row is not printed
    grade: str | None = None  # 等级 as printed next to 总分 (A02-S)
    prov: Provenance | None = None  # where the table's title is

    @property
    def funding_total(self) -> FundingLine | None:
        return next((f for f in self.funds if f.source is None), None)

    def block(self, name: str) -> tuple[ScoreLine, ...]:
        return tuple(x for x in self.lines if x.block == name)


class ReportItem(Funded):
    """A row of an evaluation report's score tables (A04 表3-2, 表3-2-k): a dimension
    (``code`` A … D, 决策（A）), one of its 二级 indicators (A1 …), a table's 合计
    (``code`` ``A/total``) or 综合绩效 (``total``). Cells ``weight`` 分值, ``score`` 得分."""

    code: str
    name: str
    parent: str | None = None  # the dimension code of a 二级 row or a 合计
    rate: str | None = None  # 得分率 as printed (94.574%)
    prov: Provenance | None = None


class ReportResult(BaseModel):
    """A row of 表3-1 总体绩效评价分值表: project, score, grade."""

    model_config = ConfigDict(frozen=True)

    name: str
    score: Cell
    grade: str
    prov: Provenance | None = None


class ReportStatement(BaseModel):
    """A sentence restating a score table: “决策指标包含3个二级指标、6个三级指标，共计22分，
    得19.8分，得分率90.00%” (``dimension`` A), or the headline “得分为94.94分” (None)."""

    model_config = ConfigDict(frozen=True)

    dimension: str | None = None  # A … D; None for the headline
    groups: int | None = None  # 二级指标 count
    indicators: int | None = None  # 三级指标 count
    weight: Cell | None = None
    score: Cell | None = None
    rate: str | None = None  # 得分率 as printed
    grade: str | None = None
    text: str = ""
    prov: Provenance | None = None


class EvaluationReport(BaseModel):
    """A 绩效评价报告 (A04): its score tables and the sentences that restate them."""

    model_config = ConfigDict(frozen=True)

    title: str
    results: tuple[ReportResult, ...] = ()  # 表3-1
    items: tuple[ReportItem, ...] = ()  # 表3-2 and 表3-2-k rows in printed order
    statements: tuple[ReportStatement, ...] = ()
    prov: Provenance | None = None


class Performance(BaseModel):
    """All performance material of a disclosure."""

    model_config = ConfigDict(frozen=True)

    unit_targets: tuple[UnitTarget, ...] = ()
    project_targets: tuple[ProjectTarget, ...] = ()  # 预算15表 rows in printed order
    project_scores: tuple[ProjectScore, ...] = ()  # 项目（单位）自评汇总表 rows
    evaluations: tuple[SelfEvaluation, ...] = ()  # A01 and A02 tables in printed order
    reports: tuple[EvaluationReport, ...] = ()  # 绩效评价报告 (A04)

    def funded(self) -> tuple[tuple[str, UnitTarget | ProjectTarget], ...]:
        """Every target with money, under the table that prints it (B14, then B15 rows)."""
        return tuple(("B14", u) for u in self.unit_targets) + tuple(("B15", p) for p in self.project_targets)

    @property
    def projects(self) -> tuple[ProjectTarget, ...]:
        return tuple(p for p in self.project_targets if p.project is not None)
