"""The Jiangsu 政府采购支出预算表 (B18): its tree of rows, read from the printed grid or
from words separated by spaces."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.conftest import JIANGSU, corpus_file
from yujuesuan.model import Disclosure, Level, Table
from yujuesuan.pipeline import parse

ROWS = [
    ("合计", "", "", "", "", "300.00"),
    ("一、货物A", "", "", "", "", "100.00"),
    ("", "办公设备购置费", "办公设备购置", "", "", "100.00"),
    ("", "", "", "台式计算机（20万以下）", "分散自行组织", "60.00"),
    ("", "", "", "家具用具", "政府集中采购", "40.00"),
    ("三、服务C", "", "", "", "", "200.00"),
    ("", "会议经费", "会议费", "", "", "150.00"),
    ("", "", "", "会议服务", "分散自行组织", "150.00"),
    ("", "", "培训费", "", "", "50.00"),
    ("", "", "", "教育服务", "分散自行组织", "50.00"),
]
HEAD = "2019年政府采购预算表\n部门：江苏省某某厅 单位：万元\n"
COLUMNS = ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计")


def b18(d: Disclosure) -> Table:
    t = d.table("B18")
    assert t is not None
    return t


def pdf(department: str, name: str) -> Table:
    return b18(parse([corpus_file(JIANGSU / department / name)]))


def shape(t: Table) -> list[tuple[str, Level, str, str | None, str | None, Decimal | None]]:
    return [(r.key, r.level, r.label, r.project, r.category, r.value("c1")) for r in t.rows]


WANT = [
    ("total", Level.TOTAL, "合计", None, None, Decimal("300.00")),
    ("A", Level.CLASS, "一、货物A", None, None, Decimal("100.00")),
    ("A/1", Level.SECTION, "办公设备购置", "办公设备购置费", None, Decimal("100.00")),
    ("A/1/1", Level.ITEM, "台式计算机（20万以下）", None, "分散自行组织", Decimal("60.00")),
    ("A/1/2", Level.ITEM, "家具用具", None, "政府集中采购", Decimal("40.00")),
    ("C", Level.CLASS, "三、服务C", None, None, Decimal("200.00")),
    ("C/1", Level.SECTION, "会议费", "会议经费", None, Decimal("150.00")),
    ("C/1/1", Level.ITEM, "会议服务", None, "分散自行组织", Decimal("150.00")),
    ("C/2", Level.SECTION, "培训费", "会议经费", None, Decimal("50.00")),  # 专项 merged from above
    ("C/2/1", Level.ITEM, "教育服务", None, "分散自行组织", Decimal("50.00")),
]


def test_tab_separated_rows(tmp_path: Path) -> None:
    path = tmp_path / "b18.txt"
    body = "".join("\t".join(r) + "\n" for r in (COLUMNS, *ROWS))
    path.write_text(HEAD + body, encoding="utf-8")
    assert shape(b18(parse([path]))) == WANT


def test_space_separated_rows(tmp_path: Path) -> None:
    """Blank cells are lost: a 组织形式 word marks a 品目, the last word of a subtotal is its
    经济科目 and the words before it its 专项."""
    path = tmp_path / "b18.txt"
    body = "".join(" ".join(x for x in r if x) + "\n" for r in (COLUMNS, *ROWS))
    path.write_text(HEAD + body, encoding="utf-8")
    assert shape(b18(parse([path]))) == WANT


def test_merged_item_name_carries_down() -> None:
    """检察院 2018 p.22: 物业管理服务 spans two rows, 部门集中采购 330.00 and 分散自行组织 20.00."""
    t = pdf("江苏省人民检察院", "2018年省检察院部门预算公开.pdf")
    assert [r for r in shape(t) if r[0].startswith("C/8/")] == [
        ("C/8/1", Level.ITEM, "物业管理服务", None, "部门集中采购", Decimal("330.00")),
        ("C/8/2", Level.ITEM, "物业管理服务", None, "分散自行组织", Decimal("20.00")),
        ("C/8/3", Level.ITEM, "其他服务", None, "分散自行组织", Decimal("20.00")),
    ]


def test_labels_repeated_after_a_page_break_are_one_subtotal() -> None:
    """省委办公厅 2017: page 13 repeats 机要及电子政务业务费 · 办公设备购置 beside its next 品目."""
    t = pdf("江苏省委办公厅", "江苏省委办公厅2017年预算公开表格.pdf")
    a2 = [r for r in t.rows if r.key == "A/2" or r.key.startswith("A/2/")]
    assert [r.key for r in a2] == ["A/2", *(f"A/2/{i}" for i in range(1, 9))]
    assert a2[2].label == "便携式计算机（20万以下）" and a2[2].prov is not None and a2[2].prov.page == 13


def test_header_wrapped_into_the_total_row() -> None:
    """省委办公厅 2019: “采购组织形” / “式” — the 式 lands on the 合计 row and is not a value."""
    t = pdf("江苏省委办公厅", "江苏省委办公厅2019年度部门预算公开表格.pdf")
    total = t.row("total")
    assert total is not None and total.label == "合计" and total.value("c1") == Decimal("1422.50")
    assert total.category is None


def test_workbook_prints_the_tree_in_its_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from yujuesuan.export.tablesxlsx import write_xlsx

    d = parse([corpus_file(JIANGSU / "江苏省人民检察院" / "2019年度部门预算公开.pdf")])
    write_xlsx(d, tmp_path / "j.xlsx")
    wb = load_workbook(tmp_path / "j.xlsx")
    (name,) = [n for n in wb.sheetnames if n.startswith("B18")]
    rows = list(wb[name].iter_rows(min_row=3, max_row=7, values_only=True))
    assert rows[0] == ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计")
    assert rows[3] == (None, "办公设备购置", "办公设备购置", None, None, 9)
    assert rows[4] == (None, None, None, "台式计算机（20万以下）", "分散自行组织", 9)
