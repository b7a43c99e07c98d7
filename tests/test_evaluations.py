"""项目支出绩效自评表 (A02) read into ``Disclosure.performance.evaluations``: the 40
项目单位自评表 of seed 003 (Henan 2023) and the three 项目支出绩效自评表 of seed 004 (Shanxi
2022), every value below read in the text by hand; and the same tables from DOCX and XLSX."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.builders import text_docx, text_xlsx
from tests.conftest import FINAL_SEEDS, SEEDS
from tests.rules.mutate import seed
from yujuesuan.export.tablesxlsx import write_xlsx
from yujuesuan.model.facts import facts
from yujuesuan.model.performance import FundingLine, ScoreLine
from yujuesuan.pipeline import parse


def raws(f: FundingLine | ScoreLine) -> dict[str, str]:
    return {c.column: c.raw for c in f.cells}


def test_seed_003_has_forty_tables_with_their_totals() -> None:
    tables = seed("003").performance.evaluations
    assert len(tables) == 40 and {e.form for e in tables} == {"A02"}
    assert [e.prov.line for e in tables[:3] if e.prov] == [807, 836, 865]
    assert [e.total.raw if e.total else None for e in tables[8:12]] == ["97.83", "88.75", "", ""]
    budget = sum(
        (e.funding_total.value("budget") or Decimal(0) for e in tables if e.funding_total), Decimal(0)
    )
    assert budget == Decimal("7810.45")  # Σ 全年预算数, 万元
    same = [(e.agency, e.prov.line if e.prov else None) for e in tables if e.project == "社会保险工作经费"]
    assert same == [
        ("济源产城融合示范区人力资源和社会保障局", 1545),
        ("济源市失业保险处", 1839),
        ("济源市机关事业单位社会保险管理处", 1869),
    ]


def test_seed_003_first_table_in_full() -> None:
    e = seed("003").performance.evaluations[0]
    assert (e.project, e.department, e.agency, e.unit.value) == (
        "病退、工伤鉴定及勘验费", "济源产城融合示范区人力资源和社会保障局", "济源产城融合示范区人力资源和社会保障局", "万元",
    )  # fmt: skip
    assert [(f.label, f.source, raws(f)) for f in e.funds] == [
        ("年度资金总额(万元)", None, {"initial": "7", "budget": "6", "executed": "6", "weight": "10", "rate": "100", "score": "10"}),
        ("政府性预算资金", "gov", {"initial": "7", "budget": "6", "executed": "6", "weight": "-", "rate": "100", "score": "-"}),
        ("财政专户管理资金", "special", {"initial": "0", "budget": "0", "executed": "0", "weight": "-", "rate": "0", "score": "-"}),
        ("单位资金", "unit", {"initial": "0", "budget": "0", "executed": "0", "weight": "-", "rate": "0", "score": "-"}),
    ]  # fmt: skip
    first = e.block("funds")[0]
    assert (first.name, raws(first), first.reason) == (
        "安排科学性",
        {"weight": "5", "score": "4"},
        "开展一次鉴定活动所需费用约为两万元,存在资金不足的情况。",
    )
    assert e.goal.startswith("依据国家有关标准") and e.outcome.startswith("2023年工伤认定568起")
    rows = [
        (x.category, x.group, x.name, x.target, x.actual, raws(x), x.reason) for x in e.block("indicators")
    ]
    assert rows == [
        ("成本指标", "经济成本指标", "成本控制率", "≤100%", "100%", {"weight": "10", "score": "10", "deviation": "0.00%"}, ""),
        ("产出指标", "数量指标", "工伤、伤残,病退鉴定人数", "300-400人", "660人",
         {"weight": "5", "score": "1.75", "deviation": "65.00%"}, "指标设置值偏低"),
        ("产出指标", "质量指标", "材料申报准确性", "100%", "100%", {"weight": "10", "score": "10", "deviation": "0.00%"}, ""),
        ("产出指标", "时效指标", "审查受理时限", "≤60天", "60天", {"weight": "15", "score": "15", "deviation": "0.00%"}, ""),
        ("效益指标", "社会效益指标", "投诉处理率", "100%", "100%", {"weight": "15", "score": "15", "deviation": "0.00%"}, ""),
        ("效益指标", "社会效益指标", "有效维护用人单位和职工的合法权益", "有效", "100%",
         {"weight": "10", "score": "10", "deviation": "0.00%"}, ""),
        ("满意度指标", "服务对象满意度指标", "申请人满意度", "≥95%", "98%", {"weight": "5", "score": "5", "deviation": "0.00%"}, ""),
    ]  # fmt: skip
    assert e.total is not None and (e.total.raw, e.total.prov and e.total.prov.line) == ("95.75", 834)
    deviation = e.block("indicators")[1].cell("deviation")
    assert deviation is not None and deviation.value == Decimal("65.00")


def test_seed_003_damaged_funding_rows() -> None:
    """#3 prints 全年执行数 twice (the 执行率 82.42 says which is which); #6 prints no
    执行率得分; #14 merges the column header into its total row (年初 and 执行率 lost)."""
    tables = seed("003").performance.evaluations
    assert raws(tables[2].funds[0]) == {
        "initial": "257.4", "budget": "257.4", "executed": "212.16", "weight": "10", "rate": "82.42", "score": "8.24"
    }  # fmt: skip
    assert raws(tables[5].funds[0])["score"] == "" and raws(tables[5].funds[0])["rate"] == "40.38"
    assert raws(tables[13].funds[0]) == {
        "initial": "", "budget": "3.84", "executed": "3.84", "weight": "10", "rate": "", "score": "10"
    }  # fmt: skip
    assert raws(tables[13].funds[1])["initial"] == "60"


def test_seed_003_labels_drift_between_columns() -> None:
    """Table #9 (1053–1091): 三级 printed in the 一级 column (1083), a 二级 label with no
    一级 (1084, 1089); #3 (865–895): a page break that shifts the columns by one (884–887)."""
    tables = seed("003").performance.evaluations
    by_line = {x.prov.line: x for e in (tables[2], tables[8]) for x in e.lines if x.prov}
    assert (by_line[1083].group, by_line[1083].name, by_line[1083].target) == (
        "质量指标",
        "各项工作合法合规",
        "合法合规",
    )
    assert (by_line[1089].category, by_line[1089].group, by_line[1089].name) == (
        "效益指标",
        "生态效益指标",
        "提升社会法治性",
    )
    assert (by_line[887].category, by_line[887].group, by_line[887].name, by_line[887].actual) == (
        "产出指标", "数量指标", "补助学生人数", "5430人次",
    )  # fmt: skip
    assert (by_line[892].group, by_line[892].name) == ("社会效益指标", "学生结业率")  # no 二级: carried down
    assert len(tables[8].block("indicators")) == 19
    # #26 (1603): the 二级 printed short, 服务对象满意度, before the 三级 name
    [row] = [x for x in tables[25].lines if x.prov and x.prov.line == 1603]
    assert (row.group, row.name, row.target, row.actual) == (
        "服务对象满意度指标",
        "就业扶持政策经办服务满意度",
        "≥95%",
        "96%",
    )
    # #5 (950): a target printed as two cells, word then value, before the result
    [row] = [x for x in tables[4].lines if x.prov and x.prov.line == 950]
    assert (row.name, row.target, row.actual) == ("业务办理及时性", "及时受理 100%", "100%")


def test_seed_004_three_shanxi_tables() -> None:
    tables = seed("004").performance.evaluations
    assert [(e.project[:8], e.agency_code, e.agency, e.department_code, e.grade) for e in tables] == [
        ("金保工程信息系统", "304006", "忻州市社会保障卡服务中心", "304", "优"),
        ("采暖经费", "304007", "忻州市高级技工学校", "304", "优"),
        ("就业见习补助资金", "304005", "忻州市就业和人才服务中心", "304", "优"),
    ]
    first = tables[0]
    assert first.title == "金保工程信息系统日常运营维护项目支出绩效自评表 (2022年度)"
    assert (
        tables[2].title
        == "就业见习补助资金、失业动态监测调查费、大学生实习实训生活补贴经费 项目支出绩效自评表(2022年度)"
    )
    assert [raws(f) for f in first.funds] == [
        {"declared": "158.774", "initial": "158.774", "budget": "100.794", "executed": "78.194", "balance": "22.6",
         "rate": "77.58", "score": "7.76"},
    ] * 2  # fmt: skip
    row = first.lines[3]
    assert (row.category, row.group, row.name, row.target, row.adjusted, row.actual, raws(row), row.reason) == (
        "产出指标", "成本指标", "线路租赁成本", "≤49.88万元", "≤49.88万元", "≤25.65万元", {"weight": "3", "score": "2.9"},
        "按实际业务,年初预算已核减,稍有偏差",
    )  # fmt: skip
    assert (first.lines[6].category, first.lines[6].group) == ("效益指标", "可持续发展指标")
    assert [e.total.raw if e.total else None for e in tables] == ["96.76", "100", "99.5"]
    # 附件3: its first indicator is printed above the row with 绩效指标 · 产出指标 · 数量指标
    third = tables[2].lines[0]
    assert (third.prov and third.prov.line, third.category, third.group) == (729, "产出指标", "数量指标")
    assert (tables[2].lines[7].name, tables[2].lines[7].group) == (
        "领取失业动态监测费标准(元/人/月)",
        "成本指标",
    )


def test_other_seeds_have_no_project_tables() -> None:
    assert all(e.form != "A02" for k in ("000", "002") for e in seed(k).performance.evaluations)


def test_evaluations_in_facts_and_workbook(tmp_path: Path) -> None:
    d = seed("004")
    rows = [(f.row, f.column, f.amount, f.unit) for f in facts(d) if f.table == "A02"]
    assert ("1/total", "budget", Decimal("100.794"), "万元") in rows
    assert ("1/total", "rate", Decimal("77.58"), "%") in rows
    assert ("1/4", "score", Decimal("2.9"), "分") in rows
    assert ("3/总分", "score", Decimal("99.5"), "分") in rows
    write_xlsx(d, tmp_path / "d.xlsx")
    wb = load_workbook(tmp_path / "d.xlsx")
    tables = list(wb["自评表"].iter_rows(min_row=2, values_only=True))
    assert len(tables) == 3 and tables[0][:3] == ("1", "A02", "金保工程信息系统日常运营维护")
    lines = list(wb["自评指标"].iter_rows(min_row=2, values_only=True))
    assert len(lines) == 9 + 9 + 12 and lines[3][5:11] == (
        "线路租赁成本",
        "≤49.88万元",
        "≤49.88万元",
        "≤25.65万元",
        3,
        2.9,
    )


def _without_provenance(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _without_provenance(v) for k, v in x.items() if k != "prov"}
    if isinstance(x, list):
        return [_without_provenance(v) for v in x]
    return x


@pytest.mark.parametrize("key", ["003", "004"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_tables_read_the_same_from_docx_and_xlsx(key: str, fmt: str, tmp_path: Path) -> None:
    """The whole text written as Word (tab rows as tables) or Excel (a row per line)."""
    source = SEEDS / FINAL_SEEDS[key]
    path = tmp_path / f"{key}.{fmt}"
    (text_docx if fmt == "docx" else text_xlsx)(source, path)
    back = parse([path]).performance.model_dump(mode="json")["evaluations"]
    want = seed(key).performance.model_dump(mode="json")["evaluations"]
    assert len(back) == len(want)
    assert _without_provenance(back) == _without_provenance(want)


def test_seed_000_overall_table() -> None:
    """部门整体支出绩效自评情况表 (1487–1706): the wrapped labels and reasons rejoined; 23
    indicators worth 90 points and scoring 89.06, with 9.68 for 执行率 making 总分 98.74."""
    [e] = seed("000").performance.evaluations
    assert (e.form, e.project, e.unit.value, e.prov and e.prov.line) == (
        "A01",
        "焦作市人力资源和社会保障局",
        "万元",
        1487,
    )
    assert [(f.source, raws(f)) for f in e.funds] == [
        (None, {"initial": "12022.01", "budget": "67644.8", "executed": "58904.21", "weight": "10", "rate": "87.08 %", "score": "9.68"}),
        ("gov", {"initial": "11932.01", "budget": "67368.37", "executed": "58627.78", "weight": "-", "rate": "87.03 %", "score": "-"}),
        ("special", {"initial": "90", "budget": "90", "executed": "90", "weight": "-", "rate": "100.0 %", "score": "-"}),
        ("unit", {"initial": "0", "budget": "186.43", "executed": "186.43", "weight": "-", "rate": "100.0 %", "score": "-"}),
    ]  # fmt: skip
    rows = e.block("indicators")
    assert len(rows) == 23
    assert sum((x.value("weight") or Decimal(0) for x in rows), Decimal(0)) == 90
    assert sum((x.value("score") or Decimal(0) for x in rows), Decimal(0)) == Decimal("89.06")
    by_line = {x.prov.line: x for x in rows if x.prov}
    assert (by_line[1606].category, by_line[1606].group, by_line[1606].name, by_line[1606].target) == (
        "投入管理指标", "工作目标管理", "年度履职目标相关性", "相关",
    )  # fmt: skip
    assert by_line[1606].reason == "根据省厅工作安排，结合焦作实际，实施各项重点工作任务。"
    assert (by_line[1636].name, by_line[1636].target, raws(by_line[1636])) == (
        '"三公经费"控制率', "≤100%", {"weight": "2", "score": "2", "deviation": "0.00"},
    )  # fmt: skip
    assert by_line[1644].reason == "进一步建立健全财务管理制度，提升财务管理水平"
    assert (by_line[1652].name, by_line[1664].name, by_line[1664].group) == (
        "预决算信息公开性",
        "绩效目标编制完成率",
        "绩效管理",
    )
    assert (by_line[1702].category, by_line[1702].group, by_line[1702].name, raws(by_line[1702])["score"]) == (
        "效益指标", "履职效益", "落实全市养老保险费工作", "24.5",
    )  # fmt: skip
    assert (by_line[1704].category, by_line[1704].group, by_line[1704].name) == (
        "满意度",
        None,
        "服务对象满意度",
    )
    assert e.total is not None and e.total.raw == "98.74" and e.outcome == "圆满完成各项计划目标"
