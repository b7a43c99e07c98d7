"""预算14表 and 预算15表, the performance targets of a budget/henan-2025 disclosure, as
printed blocks: one 本级部门整体绩效目标表 per unit (key–value lines, then the indicator
grid), and the 部门预算项目绩效目标表 (department, unit and project rows, each project's
三级指标 · 指标值 pairs four to a row under 成本 · 产出 · 效益 · 满意度)."""

from __future__ import annotations

from yujuesuan.model.disclosure import Meta
from yujuesuan.model.performance import Performance, ProjectTarget, UnitTarget
from yujuesuan.render.blocks import Block, Grid, PageBreak, Paragraph, Style
from yujuesuan.render.tables import cell_text

BUDGET_LINES = (
    ("total", "部门预算总额（万元）"),
    ("gov", "1、资金来源：（1）政府预算资金"),
    ("special", "（2）财政专户管理资金"),
    ("unit", "（3）单位资金"),
    ("basic", "2、资金结构：（1）基本支出"),
    ("project", "（2）项目支出"),
)
PROJECT_HEADER = (
    ("单位编码（项目编码）", "项目单位（项目名称）", "项目金额（万元）", "", "", "", "绩效目标", "", "", "", "", "", "", ""),
    ("", "", "资金总额", "政府预算资金", "财政专户管理资金", "单位资金",
     "成本指标", "", "产出指标", "", "效益指标", "", "满意度指标", ""),
    ("", "", "", "", "", "", "三级指标", "指标值", "三级指标", "指标值", "三级指标", "指标值", "三级指标", "指标值"),
)  # fmt: skip


def target_blocks(p: Performance, meta: Meta) -> list[Block]:
    blocks: list[Block] = []
    for target in p.unit_targets:
        blocks += _unit(target, meta) + [PageBreak()]
    if p.project_targets:
        blocks += [
            Paragraph("预算15表", Style.TABLE_META),
            Paragraph("部门预算项目绩效目标表", Style.TABLE_TITLE),
            Paragraph(f"部门名称：{meta.entity or ''}", Style.TABLE_META),
            Paragraph("单位：万元", Style.TABLE_META),
            # the header is printed once: a header repeated on each page would read as indicators
            Grid(
                PROJECT_HEADER + tuple(_project_rows(p.project_targets)), header=0, numeric_from=2, wide=True
            ),
            PageBreak(),
        ]
    return blocks


def _unit(t: UnitTarget, meta: Meta) -> list[Block]:
    rows: list[tuple[str, ...]] = [
        ("部门（单位）名称", t.entity, "", "", ""),
        ("年度履职目标", t.duties, "", "", ""),
        ("年度主要任务", "任务名称", "主要内容", "", ""),
    ]
    rows += [("", task.name, task.content, "", "") for task in t.tasks]
    for i, (column, label) in enumerate(BUDGET_LINES):
        rows.append(
            ("预算情况" if i == 0 else "", label, cell_text(t.cell(column), separators=False), "", "")
        )
    rows.append(("一级指标", "二级指标", "三级指标", "指标值", "指标值说明"))
    shown: tuple[str | None, str | None] = (None, None)
    for x in t.indicators:
        first = (x.category, x.group) != shown
        shown = (x.category, x.group)
        rows.append(
            (
                x.category or "" if first else "",
                x.group or "" if first else "",
                x.name,
                x.target,
                x.note or "",
            )
        )
    return [
        Paragraph("预算14表", Style.TABLE_META),
        Paragraph("本级部门整体绩效目标表", Style.TABLE_TITLE),
        Paragraph(f"（{meta.fiscal_year}年度）", Style.TABLE_META),
        Grid(tuple(rows), header=0),
    ]


def _project_rows(targets: tuple[ProjectTarget, ...]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for t in targets:
        # a 21-digit 项目编码 prints as 17 + 4 digits, as the published table wraps it
        code = f"{t.project[:17]} {t.project[17:]}" if t.project else t.agency
        figures = tuple(cell_text(t.cell(c), separators=False) for c in ("total", "gov", "special", "unit"))
        pairs = [(x.name, x.target) for x in t.indicators]
        first = tuple(cell for pair in pairs[:4] for cell in pair)
        out.append((code, t.name, *figures, *first, *("",) * (8 - len(first))))
        for k in range(4, len(pairs), 4):
            more = tuple(cell for pair in pairs[k : k + 4] for cell in pair)
            out.append(("",) * 6 + more + ("",) * (8 - len(more)))
    return out
