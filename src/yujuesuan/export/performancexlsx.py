"""Performance material as sheets of the tables workbook: the 自评汇总表 rows, the
self-evaluation tables (one row each, then every scored line), every funded target (unit
targets of 预算14表, department, unit and project rows of 预算15表) with its money, and
every indicator with the target or project it belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.export.cells import Printed, put
from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.performance import (
    FUND_HEADERS,
    FUNDING_HEADERS,
    SCORE_HEADERS,
    Indicator,
    ProjectTarget,
    UnitTarget,
)

_BOLD = Font(bold=True)


def _identity(table: str, target: UnitTarget | ProjectTarget) -> list[str]:
    """表 · 单位编码 · 名称 · 项目编码 of a target."""
    if isinstance(target, UnitTarget):
        return [table, "", target.entity, ""]
    return [table, target.agency, target.name, target.project or ""]


def _sheet(wb: Workbook, name: str, headers: list[str]) -> Worksheet:
    """A new sheet with its header row in bold."""
    ws = wb.create_sheet(name)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = _BOLD
    return ws


def _append(ws: Worksheet, values: Sequence[Printed]) -> None:
    """A row under the last one, numbers with their printed decimals."""
    row = ws.max_row + 1
    for column, value in enumerate(values, start=1):
        put(ws, row, column, value)


def add_performance_sheets(wb: Workbook, d: Disclosure) -> None:
    """Nothing when the disclosure holds no performance material."""
    _add_scores(wb, d)
    _add_evaluations(wb, d)
    rows = d.performance.funded()
    if not rows:
        return
    funds = _sheet(wb, "绩效目标 金额", ["表", "单位编码", "名称", "项目编码", *FUND_HEADERS.values()])
    for table, target in rows:
        _append(funds, [*_identity(table, target), *(target.cell(c) for c in FUND_HEADERS)])
    indicators = _sheet(
        wb,
        "绩效指标",
        ["表", "单位编码", "名称", "项目编码", "一级指标", "二级指标", "三级指标", "指标值", "指标值说明"],
    )
    for table, target in rows:
        for i in target.indicators:
            _append(indicators, [*_identity(table, target), *_indicator(i)])
    funds.column_dimensions["C"].width = indicators.column_dimensions["C"].width = 40
    funds.column_dimensions["D"].width = indicators.column_dimensions["D"].width = 24


def _indicator(i: Indicator) -> list[str]:
    return [i.category or "", i.group or "", i.name, i.target, i.note or ""]


def _add_scores(wb: Workbook, d: Disclosure) -> None:
    """项目（单位）自评汇总表: one row per project, amounts and score before the rates."""
    scores = d.performance.project_scores
    if not scores:
        return
    rates = [h for h, _ in scores[0].rates]
    heads = [
        "单位编码",
        "单位名称",
        "主管部门名称",
        "项目名称",
        "项目类型",
        *SCORE_HEADERS.values(),
        *rates,
        "是否有偏差项目",
    ]
    ws = _sheet(wb, "自评汇总", heads)
    for r in scores:
        amounts = [r.cell(c) for c in SCORE_HEADERS]
        _append(
            ws,
            [
                r.agency,
                r.unit_name,
                r.department,
                r.name,
                r.kind,
                *amounts,
                *(v for _, v in r.rates),
                r.deviates,
            ],
        )
    ws.column_dimensions["D"].width = 40


_FUNDING_COLUMNS = ("declared", "initial", "budget", "executed", "balance", "weight", "rate", "score")


def _add_evaluations(wb: Workbook, d: Disclosure) -> None:
    """自评表: a row per table with its 资金总额 row and 总分; 自评指标: every scored line
    (资金管理情况 items and 绩效指标) under its table's number."""
    tables = d.performance.evaluations
    if not tables:
        return
    heads = ["表号", "表", "项目名称", "主管部门", "实施单位", "单位编码", "金额单位"]
    ws = _sheet(wb, "自评表", [*heads, *(FUNDING_HEADERS[c] for c in _FUNDING_COLUMNS), "总分", "等级"])
    lines = _sheet(
        wb,
        "自评指标",
        ["表号", "项目名称", "部分", "一级指标", "二级指标", "三级指标", "年度指标值", "调整后指标值",
         "实际完成值", "分值", "得分", "偏差度", "情况说明", "偏差原因分析及改进措施"],
    )  # fmt: skip
    for n, e in enumerate(tables, start=1):
        total = e.funding_total
        _append(
            ws,
            [str(n), e.form, e.project, e.department, e.agency, e.agency_code or "", e.unit.value,
             *(total.cell(c) if total else None for c in _FUNDING_COLUMNS), e.total, e.grade or ""],
        )  # fmt: skip
        for x in e.lines:
            _append(
                lines,
                [str(n), e.project, "资金管理情况" if x.block == "funds" else "绩效指标", x.category or "",
                 x.group or "", x.name, x.target, x.adjusted or "", x.actual, x.cell("weight"), x.cell("score"),
                 x.cell("deviation"), x.explanation, x.reason],
            )  # fmt: skip
    ws.column_dimensions["C"].width = lines.column_dimensions["B"].width = 40
    lines.column_dimensions["F"].width = 30
