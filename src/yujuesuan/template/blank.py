"""Empty 决算 tables with every fixed row of the final/henan-2023 templates: the rows a
new workbook shows before the preparer has filled a figure."""

from __future__ import annotations

from yujuesuan.model.disclosure import Meta
from yujuesuan.model.tables import Cell, CellState, Column, Level, Row, Table
from yujuesuan.refdata import load
from yujuesuan.render.tables import ORDINALS, PrintSpec, order, print_spec, raw_table


def blank_tables(meta: Meta) -> tuple[Table, ...]:
    return tuple(blank_table(tid, meta) for tid in order(meta.profile))


def blank_table(table_id: str, meta: Meta) -> Table:
    spec = print_spec(meta.profile, table_id)
    return Table(
        id=table_id,
        title=spec.title,
        label=spec.label,
        variant=spec.variant,
        unit=meta.unit,
        columns=tuple(Column(id=i, header=h) for i, h in spec.columns),
        rows=tuple(_rows(table_id, spec)),
        entity=meta.entity,
        year=meta.fiscal_year,
    )


def empty_cells(columns: list[str]) -> tuple[Cell, ...]:
    return tuple(Cell(column=c, raw="", state=CellState.BLANK) for c in columns)


def level_of(label: str) -> Level:
    return Level.TOTAL if ("合计" in label or "总计" in label) else Level.FIXED


def _rows(table_id: str, spec: PrintSpec) -> list[Row]:
    columns = [c for c, _ in spec.columns]
    if table_id in ("F01", "F04"):
        return _two_sided(table_id, columns)
    if table_id == "F06":
        return _economic(spec)
    if table_id == "F07":
        return [Row(key="total", label="", level=Level.FIXED, cells=empty_cells(columns))]
    return [Row(key="total", label="合计", level=Level.TOTAL, cells=empty_cells(columns))]


def _two_sided(table_id: str, columns: list[str]) -> list[Row]:
    raw = raw_table(table_id)
    column = "f01" if table_id == "F01" else "f04"
    left_end = raw["right_range"][0] - 1
    labels: dict[int, str] = {}
    for line, *names in raw["left_rows"]:
        # the income lines are numbered 一、二… up to the first blank line
        labels[line] = (
            f"{ORDINALS[line - 1]}、{names[0]}" if line <= 8 and table_id == "F01" or line <= 3 else names[0]
        )
    classes = [c for c in load("classes")["class"] if column in c]
    for i, c in enumerate(sorted(classes, key=lambda c: int(c[column]))):
        labels[int(c[column])] = f"{ORDINALS[i]}、{c['names'][0]}"
    for line, *names in raw["right_rows"]:
        labels[line] = names[0]
    if table_id == "F01":
        labels[28] = "使用非财政拨款结余和专用结余"  # as final/henan-2023 prints r28
    last = raw["right_range"][1]
    rows = []
    for line in range(1, last + 1):
        label = labels.get(line, "")
        side = columns[:1] if line <= left_end else columns[1:]
        rows.append(
            Row(key=f"r{line}", label=label, level=level_of(label), line_no=line, cells=empty_cells(side))
        )
    return rows


def _economic(spec: PrintSpec) -> list[Row]:
    names: dict[str, str] = load("codebook")["economic"]
    rows = []
    for group in spec.groups:
        for cls in group:
            for code in sorted(c for c in names if c.startswith(cls) and c not in spec.not_printed):
                level = Level.CLASS if len(code) == 3 else Level.SECTION
                rows.append(
                    Row(key=code, label=names[code], level=level, code=code, cells=empty_cells(["b"]))
                )
    rows.append(Row(key="personnel_total", label="人员经费合计", level=Level.TOTAL, cells=empty_cells(["b"])))
    rows.append(Row(key="public_total", label="公用经费合计", level=Level.TOTAL, cells=empty_cells(["b"])))
    return rows
