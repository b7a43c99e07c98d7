"""预算14表 and 预算15表 in the preparer's workbook, a row per item, and read back.

B14 (部门整体绩效目标): per unit, its 年度履职目标, each 年度主要任务, the six 预算情况 amounts
and each indicator (一级 · 二级 · 三级 · 指标值 · 说明); the unit's name carries down.
B15 (项目绩效目标): a row per department, unit or project (单位编码, 项目编码, 名称, the four
amounts), and under it one row per further 三级指标 · 指标值 (a row's first indicator may
sit on the row itself)."""

from __future__ import annotations

from openpyxl.comments import Comment
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model.performance import Indicator, Performance, ProjectTarget, Task, UnitTarget
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState
from yujuesuan.recognize.targets import BUDGET_LABELS
from yujuesuan.template.cells import Reader
from yujuesuan.template.workbook import AMOUNT_FORMAT, BOLD, FIXED, amount_into, put_text, shape

UNIT_SHEET = "B14 部门整体绩效目标"
PROJECT_SHEET = "B15 项目绩效目标"
UNIT_COLUMNS = ("部门（单位）名称", "栏目", "一级指标", "二级指标", "名称", "内容或指标值", "指标值说明")
KINDS = ("年度履职目标", "年度主要任务", "预算情况", "绩效指标")
PROJECT_COLUMNS = (
    "单位编码", "项目编码", "名称", "资金总额", "政府预算资金", "财政专户管理资金", "单位资金",
    "指标类别", "三级指标", "指标值",
)  # fmt: skip
FUNDS = ("total", "gov", "special", "unit")


def write_targets(wb: Workbook, p: Performance) -> None:
    _unit_sheet(wb.create_sheet(UNIT_SHEET), p.unit_targets)
    _project_sheet(wb.create_sheet(PROJECT_SHEET), p.project_targets)


def _header(ws: Worksheet, columns: tuple[str, ...], note: str) -> None:
    ws.append(list(columns))
    for c in ws[1]:
        c.font, c.fill = BOLD, FIXED
    ws.cell(1, 1).comment = Comment(note, "yjs")


def _unit_sheet(ws: Worksheet, targets: tuple[UnitTarget, ...]) -> None:
    _header(
        ws,
        UNIT_COLUMNS,
        "预算14表，每个单位一组行：栏目选“年度履职目标”“年度主要任务”“预算情况”或“绩效指标”。",
    )
    kinds = DataValidation(type="list", formula1='"' + ",".join(KINDS) + '"')
    ws.add_data_validation(kinds)
    rows: list[tuple[object, ...]] = []
    for t in targets:
        rows.append((t.entity, "年度履职目标", None, None, None, t.duties, None))
        rows += [(t.entity, "年度主要任务", None, None, task.name, task.content, None) for task in t.tasks]
        rows += [(t.entity, "预算情况", None, None, label, t.cell(c), None) for c, label in BUDGET_LABELS]
        rows += [(t.entity, "绩效指标", x.category, x.group, x.name, x.target, x.note) for x in t.indicators]
    for i, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            if isinstance(value, Cell):
                amount_into(ws.cell(i, col), value)
                ws.cell(i, col).number_format = AMOUNT_FORMAT
            else:
                put_text(ws, i, col, value if isinstance(value, str) and value else None)
    kinds.add(f"B2:B{len(rows) + 200}")
    shape(ws, (30, 14, 14, 14, 30, 30, 40))


def _project_sheet(ws: Worksheet, targets: tuple[ProjectTarget, ...]) -> None:
    _header(
        ws,
        PROJECT_COLUMNS,
        "预算15表：部门（3位编码）、单位（6位）和项目（21位项目编码）各一行，其下每行一个三级指标。",
    )
    row = 2
    for t in targets:
        put_text(ws, row, 1, t.agency)
        put_text(ws, row, 2, t.project)
        put_text(ws, row, 3, t.name)
        for col, column in enumerate(FUNDS, start=4):
            amount_into(ws.cell(row, col), t.cell(column))
            ws.cell(row, col).number_format = AMOUNT_FORMAT
        for k, x in enumerate(t.indicators):
            if k:
                row += 1
            put_text(ws, row, 8, x.category)
            put_text(ws, row, 9, x.name)
            put_text(ws, row, 10, x.target)
        row += 1
    shape(ws, (10, 24, 40, 12, 12, 12, 12, 12, 30, 14))


def read_targets(r: Reader) -> Performance:
    return Performance(unit_targets=_read_units(r), project_targets=_read_projects(r))


def _prov(r: Reader, ws: Worksheet, row: int) -> Provenance:
    return Provenance(file=r.name, line=row, cell=f"{ws.title}!A{row}")


def _read_units(r: Reader) -> tuple[UnitTarget, ...]:
    ws = r.sheet(UNIT_SHEET)
    if ws is None:
        return ()
    out: list[UnitTarget] = []
    entity = ""
    for row in range(2, ws.max_row + 1):
        name, kind, category, group, item, value, note = (r.text(ws, row, c) for c in range(1, 8))
        if not kind and not item and not value:
            continue
        if kind not in KINDS:
            raise r.bad(
                ws, f"B{row}", f"“{kind}” is not a 栏目 of 预算14表", f"choose one of {', '.join(KINDS)}"
            )
        if (name and name != entity) or not out:
            entity = name or entity
            if not entity:
                raise r.bad(ws, f"A{row}", "no 部门（单位）名称", "give the unit's name on its first row")
            out.append(UnitTarget(entity=entity, prov=_prov(r, ws, row)))
        t = out[-1]
        if kind == "年度履职目标":
            t = t.model_copy(update={"duties": value})
        elif kind == "年度主要任务":
            t = t.model_copy(update={"tasks": (*t.tasks, Task(name=item, content=value))})
        elif kind == "预算情况":
            column = next((c for c, label in BUDGET_LABELS if label == item), None)
            if column is None:
                raise r.bad(
                    ws, f"E{row}", f"“{item}” is not a 预算情况 item", "use 部门预算总额, 政府预算资金 …"
                )
            t = t.model_copy(update={"cells": (*t.cells, r.amount(ws, row, 6, column))})
        else:
            x = Indicator(name=item, target=value, category=category or None, group=group or None,
                          note=note or None, prov=_prov(r, ws, row))  # fmt: skip
            t = t.model_copy(update={"indicators": (*t.indicators, x)})
        out[-1] = t
    return tuple(_all_cells(t) for t in out)


def _all_cells(t: UnitTarget) -> UnitTarget:
    """The six 预算情况 cells in order, a missing one blank."""
    cells = [t.cell(c) or Cell(column=c, raw="", state=CellState.BLANK) for c, _ in BUDGET_LABELS]
    return t.model_copy(update={"cells": tuple(cells)})


def _read_projects(r: Reader) -> tuple[ProjectTarget, ...]:
    ws = r.sheet(PROJECT_SHEET)
    if ws is None:
        return ()
    out: list[ProjectTarget] = []
    for row in range(2, ws.max_row + 1):
        agency, project, name = (r.text(ws, row, c) for c in (1, 2, 3))
        category, indicator, target = (r.text(ws, row, c) for c in (8, 9, 10))
        if name:
            if not (agency.isdigit() and len(agency) in (3, 6)):
                raise r.bad(
                    ws,
                    f"A{row}",
                    f"“{agency}” is not a 单位编码",
                    "type the 3-digit department or 6-digit unit code",
                )
            if project and not (project.isdigit() and len(project) == 21):
                raise r.bad(
                    ws, f"B{row}", f"“{project}” is not a 项目编码", "type the project's 21-digit code"
                )
            cells = tuple(r.amount(ws, row, col, c) for col, c in enumerate(FUNDS, start=4))
            out.append(ProjectTarget(agency=agency, name=name, project=project or None, cells=cells,
                                     prov=_prov(r, ws, row)))  # fmt: skip
        elif not indicator:
            continue
        if indicator:
            if not out:
                raise r.bad(ws, f"I{row}", "an indicator before any project", "start with the project's row")
            x = Indicator(name=indicator, target=target, category=category or None, prov=_prov(r, ws, row))
            out[-1] = out[-1].model_copy(update={"indicators": (*out[-1].indicators, x)})
    return tuple(out)
