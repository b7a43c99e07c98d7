"""A Henan-style budget workbook made by hand: blank grid cells keep their columns.

The text layer of the Henan 2025 tables drops blank cells, so figures are placed back by
the in-row identities (recognize/placement.py). A preparer's Excel file keeps every
cell: a label whose neighbours are all blank still stands in its own column, and a
figure is read from the column it is in, where the identities alone would choose wrong.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Side
from openpyxl.worksheet.worksheet import Worksheet

from yujuesuan.model import CellState, Disclosure, Kind
from yujuesuan.pipeline import parse

ENTITY = "焦作市测试局"
RULED = Border(*(Side(style="thin"),) * 4)
Grid = list[list[str | float | None]]
BLANKS = [None] * 7

B01_HEAD: Grid = [["收入", None, "支出", None], ["项目", "金额", "项目", "金额"]]
B01_BODY: Grid = [
    ["一、一般公共预算", 100.0, "一、一般公共服务", None],
    ["其中：财政拨款", 100.0, "八、社会保障和就业", 100.0],
    ["二、政府性基金预算拨款收入", 5.0, "十、卫生健康", 5.0],
    ["三、国有资本经营预算拨款收入", None, None, None],  # the label alone, in column A
    ["五、事业收入", 10.0, None, None],
    [None, None, "二十一、住房保障支出", 10.0],
    [None, None, "二十四、灾害防治及应急管理", None],  # the label alone, in column C
    ["本年收入合计", 115.0, "本年支出合计", 115.0],
    ["上年结转结余", None, "年终结转结余", None],
    ["收入总计", 115.0, "支出总计", 115.0],
]
# 政府性基金 and 单位资金 (事业收入) are both funds of this department, so a lone figure
# beside its 合计 fits either column by every identity: only its grid column tells.
B04_HEAD: Grid = [
    ["收入", None, "支出", "合计", "一般公共预算", None, None, "政府性基金", "国有资本经营预算"]
    + ["财政专户管理资金收入", "单位资金"],
    ["项目", "金额", "项目", None, "小计", "其中：财政拨款", "其中：上级专项转移支付安排支出"] + [None] * 4,
]
B04_BODY: Grid = [
    ["收入合计", 115.0, "支出合计", 115.0, 100.0, 100.0, None, 5.0, None, None, 10.0],
    ["一、本年收入", 115.0, "一、本年支出", 115.0, 100.0, 100.0, None, 5.0, None, None, 10.0],
    ["（一）一般公共预算拨款", 100.0, "（八）社会保障和就业支出", 100.0, 100.0, 100.0, *[None] * 5],
    ["其中：财政拨款", 100.0, "（十）卫生健康支出", 5.0, None, None, None, 5.0, None, None, None],
    ["（二）政府性基金预算拨款", 5.0, "（二十一）住房保障支出", 10.0, *[None] * 6, 10.0],
    ["（五）单位资金", 10.0, *[None] * 9],
]
B07_HEAD: Grid = [
    ["项目单位", "类型", "项目名称", "合计", "本年拨款", None, None, "财政拨款结转结余"]
    + [None, None, "财政专户管理资金", "单位资金"],
    [None, None, None, None, "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    + ["一般公共预算", "政府性基金预算", "国有资本经营预算", None, None],
]
B07_BODY: Grid = [
    ["合计", None, None, 10.0, *BLANKS, 10.0],
    ["503001", None, ENTITY, 10.0, *BLANKS, 10.0],
    [ENTITY, "公用经费", "公用经费项目", 10.0, *BLANKS, 10.0],
]
SHEETS = [  # label, title, header rows, their merged ranges, body
    ("预算01表", "2025年部门收支预算表", B01_HEAD, ("A4:B4", "C4:D4"), B01_BODY),
    (
        "预算04表",
        "2025年财政拨款收支预算表",
        B04_HEAD,
        ("A4:B4", "D4:D5", "E4:G4", "H4:H5", "I4:I5", "J4:J5", "K4:K5"),
        B04_BODY,
    ),
    (
        "预算07表",
        "2025年一般公共预算基本支出明细表",
        B07_HEAD,
        ("A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:G4", "H4:J4", "K4:K5", "L4:L5"),
        B07_BODY,
    ),
]


def write_sheet(sheet: Worksheet, label: str, title: str, head: Grid, body: Grid) -> None:
    """Label, title merged across, the department and unit line, then the ruled grid."""
    width = len(head[0])
    sheet["A1"] = label
    sheet["A2"] = title
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet["A3"] = f"部门名称：{ENTITY}"
    sheet.cell(row=3, column=width, value="单位：万元")
    for i, values in enumerate([*head, *body], start=4):
        for j, value in enumerate(values, start=1):
            cell = sheet.cell(row=i, column=j, value=value)
            cell.border = RULED
            if isinstance(value, float):
                cell.number_format = "0.00"


def henan_workbook(path: Path) -> None:
    workbook = Workbook()
    for label, title, head, merged, body in SHEETS:
        sheet = workbook.create_sheet(label)
        write_sheet(sheet, label, title, head, body)
        for cells in merged:
            sheet.merge_cells(cells)
    default = workbook["Sheet"]
    workbook.remove(default)
    workbook.save(str(path))


def parsed(tmp_path: Path) -> Disclosure:
    path = tmp_path / "henan.xlsx"
    henan_workbook(path)
    return parse([path])


def test_a_label_alone_in_its_row_keeps_its_column(tmp_path: Path) -> None:
    d = parsed(tmp_path)

    assert (d.meta.kind, d.meta.profile, d.meta.fiscal_year, d.meta.entity) == (
        Kind.BUDGET,
        "budget/henan",
        2025,
        ENTITY,
    )
    b01 = d.table("B01")
    assert b01 is not None
    assert {r.key: r.cells[0].raw for r in b01.rows} == {
        "in.gpb": "100.00",
        "in.gpb.fiscal": "100.00",
        "in.fund": "5.00",
        "in.soe": "",
        "in.business": "10.00",
        "in.subtotal": "115.00",
        "in.carry": "",
        "in.total": "115.00",
        "201": "",
        "208": "100.00",
        "210": "5.00",
        "221": "10.00",
        "224": "",
        "out.subtotal": "115.00",
        "out.carry": "",
        "out.total": "115.00",
    }
    assert all(
        r.cells[0].state is (CellState.NUMBER if r.cells[0].raw else CellState.BLANK) for r in b01.rows
    )
    alone = b01.row("224")
    assert alone is not None and alone.prov is not None and alone.cells[0].prov is not None
    assert (alone.prov.cell, alone.cells[0].prov.cell) == ("预算01表!C12", "预算01表!D12")


def test_figures_are_read_from_their_columns_not_placed(tmp_path: Path) -> None:
    d = parsed(tmp_path)
    b04, b07 = d.table("B04"), d.table("B07")

    assert b04 is not None and b07 is not None
    housing = b04.row("221")
    assert housing is not None and housing.alternatives is None
    assert [c.raw for c in housing.cells] == ["10.00", *[""] * 6, "10.00"]  # 单位资金, not 政府性基金
    assert [(r.key, r.category) for r in b07.rows] == [
        ("total", None),
        ("503001", None),
        ("503001/1", "公用经费"),
    ]
    for row in b07.rows:
        assert row.alternatives is None
        assert [c.raw for c in row.cells] == ["10.00", *[""] * 7, "10.00"], row.key


def test_the_same_tables_as_text_leave_that_figure_open(tmp_path: Path) -> None:
    """Printed as text, with the blanks dropped, 住房保障支出's 10.00 fits 政府性基金 and
    单位资金 alike: the row keeps both readings (and reading it does not fail)."""
    lines = []
    for label, title, head, _, body in SHEETS[:2]:
        lines += [label, title, f"部门名称：{ENTITY} 单位：万元"]
        lines += [
            " ".join(f"{v:.2f}" if isinstance(v, float) else v for v in row if v is not None)
            for row in head + body
        ]
    path = tmp_path / "henan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    b04 = parse([path]).table("B04")

    assert b04 is not None
    housing = b04.row("221")
    assert housing is not None
    assert housing.ambiguous == {"c5", "c8"}
