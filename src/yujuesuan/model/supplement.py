"""What a disclosure states that its tables do not hold: prior-year figures, 年初预算 per
item, the reasons for changes, counts (团组, 人次, 车辆), 机关运行经费, 政府采购, 国有资产 and
performance results. A preparer gives them in the workbook; the narrative is written
from them and the tables together.

Values are keyed by the field keys of ``template/fields.py``; a missing key is a figure
or reason the preparer has not given, and the sentence that needs it prints a visible
placeholder instead.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class ItemBudget(BaseModel):
    """One 项 of 五（三）具体情况: its 年初预算 and why the 决算 differs from it."""

    model_config = ConfigDict(frozen=True)

    code: str  # 7-digit 功能分类 code of an F05 项 row
    budget: Decimal | None = None
    reason: str = ""


class ProjectResult(BaseModel):
    """One project's 绩效自评 result, as the 项目支出绩效自评表 gives it."""

    model_config = ConfigDict(frozen=True)

    name: str
    budget: Decimal | None = None  # 全年预算数
    spent: Decimal | None = None  # 全年执行数
    score: Decimal | None = None  # 自评得分
    grade: str = ""  # 优 / 良 / 中 / 差


class KeyProject(BaseModel):
    """A 重点项目 of a budget's 十（三）: its name, 年初预算安排 and what it pays for."""

    model_config = ConfigDict(frozen=True)

    name: str
    budget: Decimal | None = None
    uses: str = ""


class Term(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: str
    definition: str


class Annex(BaseModel):
    """One document of 第五部分 附件 (a 绩效自评表, an 评价报告): its title and its lines; a
    line holding tabs is a table row, one cell per tab-separated field."""

    model_config = ConfigDict(frozen=True)

    title: str
    lines: tuple[str, ...] = ()


class Supplement(BaseModel):
    """The preparer's figures and words beside the tables."""

    model_config = ConfigDict(frozen=True)

    amounts: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    items: tuple[ItemBudget, ...] = ()
    units: tuple[str, ...] = ()  # 二级预算单位 of a 部门决算, in order
    projects: tuple[ProjectResult, ...] = ()
    glossary: tuple[Term, ...] = ()
    annexes: tuple[Annex, ...] = ()
    key_projects: tuple[KeyProject, ...] = ()  # 预算: 十（三）重点项目

    def item(self, code: str) -> ItemBudget | None:
        return next((i for i in self.items if i.code == code), None)
