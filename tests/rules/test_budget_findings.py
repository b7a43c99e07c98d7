"""Findings on the Jiangsu budgets: the published errors found, and no false alarms."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import JIANGSU
from tests.rules.mutate import codes, pdf, problems, replace_text, set_cell
from yujuesuan.model import Disclosure
from yujuesuan.pipeline import expand, parse_each
from yujuesuan.recognize.document import count_value

PROCURATORATE = JIANGSU / "江苏省人民检察院"


def procuratorate(year: int) -> Disclosure:
    name = {
        2017: "2017年省检察院部门预算.pdf",
        2018: "2018年省检察院部门预算公开.pdf",
        2019: "2019年度部门预算公开.pdf",
    }
    return pdf(PROCURATORATE / name[year])


def test_unit_list_is_the_one_after_the_count() -> None:
    """The numbered lists of 内设机构 are not the list of 预算单位 (C14)."""
    for year in (2018, 2019):
        d = procuratorate(year)
        assert d.profile.units == 3
        assert d.profile.unit_names == ("江苏省人民检察院本级", "南京铁路运输检察院", "徐州铁路运输检察院")
        assert "C14" not in codes(problems(d, select=["C14"]))


def test_vehicles_add_up_with_general_official_cars() -> None:
    """“共有车辆55辆。其中，一般公务用车13辆、执法执勤用车40辆、其他用车2辆” (N25)."""
    d = procuratorate(2019)
    assert "N25" not in codes(problems(d, select=["N25"]))
    broken = problems(replace_text(d, "一般公务用车13辆", "一般公务用车12辆"), select=["N25"])
    [f] = [f for f in broken.findings if f.code == "N25"]
    assert (f.expected, f.actual) == ("54", "55")  # the parts, against the stated total


def test_published_rate_typo_is_found() -> None:
    """2018: 三公 “增长0.06%” where 21.8 over 3,644.2 is 0.60% (N04)."""
    found = [f for f in problems(procuratorate(2018), select=["N04"]).findings if "0.06%" in f.message]
    [f] = found
    assert f.expected == "0.60%" and f.actual == "0.06%"
    assert f.location is not None and f.location.page == 26
    assert Decimal(f.difference or "0").copy_abs() == Decimal("0.54")


def test_a_total_followed_by_its_breakdown_needs_no_reason() -> None:
    """“…各增加2214.39万元，增长10.06%。其中：” — the items below give the reasons (N08)."""
    d = procuratorate(2019)
    assert "N08" not in codes(problems(d, select=["N08"]))
    without = replace_text(d, "增长10.06%。其中：", "增长10.06%。")
    hits = [f for f in problems(without, select=["N08"]).findings if f.code == "N08"]
    assert [f.message for f in hits] == [
        "“与上年相比收、支预算总计各增加2214.39万元” gives no reason for the change"
    ]


def test_a_new_subject_is_its_own_reason() -> None:
    """“…增加743.39万元。此项级科目为今年新增科目。” states why (N08)."""
    d = pdf(JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2018年度部门预算公开文件.pdf")
    assert "N08" not in codes(problems(d, select=["N08"]))
    without = replace_text(d, "此项级科目为今年新增科目。", "")
    assert "N08" in codes(problems(without, select=["N08"]))


def test_part_heading_on_two_lines() -> None:
    """“第三部分 江苏省人大常委会办公厅” / “2017 年度部门预算情况说明”: the narrative is found (C01)."""
    d = pdf(JIANGSU / "江苏省人大办公厅" / "江苏省人大办公厅2017年度预算公开.pdf")
    assert [s.key for s in d.narrative][:3] == ["一", "二", "三"]
    assert "C01" not in codes(problems(d, select=["C01"]))


def test_a_page_number_does_not_run_into_the_next_page() -> None:
    """Page 26 ends with its number “26”; the sentence goes on at the top of page 27."""
    [expense] = [s for s in procuratorate(2019).narrative if s.key == "三"]
    assert "；单位预留机动经费3990.4万元" in expense.text
    assert "26单位" not in expense.text


def test_unit_count_in_chinese_numerals() -> None:
    """“预算单位共计一家，具体包括：江苏省人大常委会办公厅部门本级” (人大 2018)."""
    d = pdf(JIANGSU / "江苏省人大办公厅" / "省人大办公厅2018预算公开.pdf")
    assert d.profile.units == 1
    assert d.profile.unit_names == ("江苏省人大常委会办公厅部门本级",)
    assert "C14" not in codes(problems(d, select=["C14"]))


def test_counts_in_chinese_numerals() -> None:
    assert [count_value(x) for x in ("一", "两", "十", "十二", "二十", "二十三", "13")] == [
        1,
        2,
        10,
        12,
        20,
        23,
        13,
    ]


PROCUREMENT = (
    "2019年度政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2441.44万元。"
)
NO_PROCUREMENT = "我部门2019年没有安排政府采购支出预算。"


def without_procurement(d: Disclosure) -> Disclosure:
    """``d`` with a 政府采购支出预算表 that lists nothing and totals 0.00."""
    d = set_cell(d, "B18", "total", "c1", Decimal("0.00"))
    t = d.table("B18")
    assert t is not None
    empty = t.model_copy(update={"rows": tuple(r for r in t.rows if r.key == "total")})
    return d.model_copy(update={"tables": tuple(empty if x.id == "B18" else x for x in d.tables)})


def test_procurement_agrees_in_every_jiangsu_budget() -> None:
    """Every 政府采购支出预算表 adds up (B18-01) and every 十二 restates it (N39), 文件 and 表
    read together where they are published apart."""
    parsed, unreadable = parse_each(
        expand([JIANGSU / d for d in ("江苏省人大办公厅", "江苏省人民检察院", "江苏省委办公厅")])
    )
    assert unreadable == [] and len(parsed) == 9
    for p in parsed:
        d = p.disclosure
        assert d.table("B18") is not None, p.paths
        found = problems(d, select=["B18-01", "N39"]).findings
        assert found == [], [f.message for f in found]


def test_procurement_class_stated_wrong() -> None:
    """“拟购买服务支出2414.44万元” where B18 三、服务C prints 2,441.44 (N39)."""
    d = replace_text(procuratorate(2019), "拟购买服务支出2441.44万元", "拟购买服务支出2414.44万元")
    [f] = [f for f in problems(d, select=["N39"]).findings if f.code == "N39"]
    assert (f.expected, f.actual, f.table) == ("2,441.44", "2414.44", "B18")


def test_procurement_null_form_needs_an_empty_table() -> None:
    """“没有安排政府采购支出预算” while B18 totals 2,744.84 is an error; with an empty B18 it
    is what the section must say (N39)."""
    said_none = replace_text(procuratorate(2019), PROCUREMENT, NO_PROCUREMENT)
    [f] = [f for f in problems(said_none, select=["N39"]).findings if f.code == "N39"]
    assert (f.expected, f.actual) == ("2,744.84", "0")
    assert f.location is not None and f.location.page == 31
    assert "N39" not in codes(problems(without_procurement(said_none), select=["N39"]))


def test_empty_procurement_table_against_the_narrative() -> None:
    """An empty B18 under a section that states amounts (the amounts differ) or says nothing
    (the null form is missing) fails N39."""
    empty = without_procurement(procuratorate(2019))
    stated = [f for f in problems(empty, select=["N39"]).findings if f.code == "N39" and not f.rounding]
    assert {f.actual for f in stated} == {"2744.84", "303.4", "2441.44"}
    silent = replace_text(empty, PROCUREMENT, "本表反映部门年度政府采购支出预算安排情况。")
    [f] = [f for f in problems(silent, select=["N39"]).findings if f.code == "N39"]
    assert f.actual == "no statement"


def test_items_of_the_fiscal_section_are_bound_to_b16() -> None:
    """五 lists each 项 as “1．检察（款）行政运行（项）支出12,268.62万元”; each is B16's 项 row.
    Two items are named otherwise than their rows (机关事业单位基本养老保险费 for
    …保险缴费支出) and stay unbound rather than guessed."""
    from yujuesuan.rules.narrative import reads

    d = procuratorate(2019)
    (fiscal,) = [r for r in reads(d) if r.topic == "b_fiscal"]
    assert [it.code for it in fiscal.items] == [
        "2040401", "2040402", "2040410", "2040450", "2040499", "2080504", None, None, "2210201", "2210202",
    ]  # fmt: skip
    bound = [b.ref for b in fiscal.binders if b is not None and b.code]
    assert bound[0] == "B16.2040401.c1" and len(bound) == 8
    assert "N34" not in codes(problems(d, select=["N34"]))


def test_item_amount_stated_wrong() -> None:
    d = replace_text(
        procuratorate(2019), "行政运行（项）支出12,268.62万元", "行政运行（项）支出12,286.62万元"
    )
    [f] = [f for f in problems(d, select=["N34"]).findings if f.code == "N34"]
    assert (f.expected, f.actual, f.table) == ("12,268.62", "12,286.62", "B16")
