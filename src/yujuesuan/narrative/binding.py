"""Which table cell a narrative figure restates: subjects per section topic, as data.

A binder says: in this topic (and sub-section), a money figure whose preceding words end
with this phrase restates this cell (an equation side over the tables, as in
refdata/identities_final.toml); a share printed right after it is of that whole; a
completion rate right after it is against that budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from yujuesuan.refdata import profile_entry

# The subject must end the words before the figure, give or take a linking verb.
_LINK = r"(?:决算数?|数|总额|合计|共计|共)?(?:均为|为|是|达到?|计|共)?$"


@dataclass(frozen=True)
class Binder:
    topic: str
    subject: re.Pattern[str]
    ref: str  # what the figure equals: "F01.r31.c1", "F06.personnel_total.b + …"
    share_of: str | None = None  # a following 占 p% is of this
    budget: str | None = None  # a following 完成预算的 p% is against this
    sub: str | None = None  # only in this sub-section （一）…
    avoid: re.Pattern[str] | None = None  # not when these words come before (年初预算 …)
    name: str = ""
    sentence_has: re.Pattern[str] | None = None  # only in sentences with these words
    code: str | None = None  # the classification row it names, for list rules (N15, N16)


def _b(topic: str, phrases: str, ref: str, **kw: str | None) -> Binder:
    avoid = kw.pop("avoid", None)
    sentence_has = kw.pop("sentence_has", None)
    return Binder(
        topic=topic,
        subject=re.compile(rf"(?:{phrases}){_LINK}"),
        ref=ref,
        avoid=re.compile(avoid) if avoid else None,
        sentence_has=re.compile(sentence_has) if sentence_has else None,
        name=phrases.split("|")[0],
        **kw,
    )


_BUDGET_WORDS = r"预算(?:数|为)?$|年初预算|预算数为|预算为"

BINDERS: tuple[Binder, ...] = (
    # 一 收入支出决算总体情况
    _b("totals", r"收、支总计|收支总计|收入支出总计|收入总计", "F01.r31.c1"),
    _b("totals", r"支出总计", "F01.r62.c2"),
    # 二 收入
    _b("income", r"收入合计", "F01.r27.c1"),
    _b("income", r"财政拨款收入", "F02.total.c2", share_of="F01.r27.c1"),
    _b("income", r"上级补助收入", "F02.total.c3", share_of="F01.r27.c1"),
    _b("income", r"事业收入", "F02.total.c4", share_of="F01.r27.c1"),
    _b("income", r"经营收入", "F02.total.c5", share_of="F01.r27.c1"),
    _b("income", r"附属单位上缴收入", "F02.total.c6", share_of="F01.r27.c1"),
    _b("income", r"其他收入", "F02.total.c7", share_of="F01.r27.c1"),
    # 三 支出
    _b("expense", r"支出合计", "F01.r58.c2"),
    _b("expense", r"基本支出", "F03.total.c2", share_of="F01.r58.c2"),
    _b("expense", r"项目支出", "F03.total.c3", share_of="F01.r58.c2"),
    _b("expense", r"上缴上级支出", "F03.total.c4", share_of="F01.r58.c2"),
    _b("expense", r"经营支出", "F03.total.c5", share_of="F01.r58.c2"),
    _b("expense", r"对附属单位补助支出", "F03.total.c6", share_of="F01.r58.c2"),
    # 四 财政拨款收支总体
    _b("fiscal_totals", r"收、支总计|收支总计|收入支出总计|收入总计", "F04.r32.c1"),
    _b("fiscal_totals", r"支出总计", "F04.r64.c2"),
    # 五 一般公共预算财政拨款支出
    _b(
        "gpb",
        r"一般公共预算财政拨款支出|财政拨款决算支出|财政拨款支出|支出决算",
        "F05.total.c1",
        share_of="F01.r58.c2",
        sub="一",
        avoid=_BUDGET_WORDS,
    ),
    _b("gpb", r"人员经费", "F06.personnel_total.b", share_of="F05.total.c1", sub="一"),
    _b("gpb", r"日常公用经费|公用经费", "F06.public_total.b", share_of="F05.total.c1", sub="一"),
    _b("gpb", r"一般公共预算财政拨款支出|财政拨款支出", "F05.total.c1", sub="二", avoid=_BUDGET_WORDS),
    _b("gpb", r"支出决算数?|决算支出", "F05.total.c1", sub="三", sentence_has=r"财政拨款支出年初预算|财政拨款支出决算"),
    # 六 基本支出
    _b("basic", r"基本支出", "F05.total.c2"),
    _b("basic", r"人员经费", "F06.personnel_total.b"),
    _b("basic", r"公用经费", "F06.public_total.b"),
    # 七 / 八 基金、国资 (data form)
    _b("fund", r"支出决算|决算支出", "F08.total.c3", avoid=_BUDGET_WORDS),
    _b("soe", r"支出决算|决算支出", "F09.total.c3", avoid=_BUDGET_WORDS),
    # 九 三公
    _b("three", r"“三公”经费财政拨款支出(?:年初)?预算|“三公”经费.{0,8}预算", "F07.total.c1"),
    _b("three", r"因公出国（境）费(?:支出)?决算|因公出国（境）费支出|因公出国境费支出", "F07.total.c8",
       share_of="F07.total.c7", budget="F07.total.c2"),
    _b("three", r"公务用车购置及运行(?:维护)?费(?:支出)?决算", "F07.total.c9", share_of="F07.total.c7",
       budget="F07.total.c3"),
    _b("three", r"公务用车购置费?支出", "F07.total.c10", budget="F07.total.c4"),
    _b("three", r"公务用车运行维护费?支出|公务用车运行费支出", "F07.total.c11", budget="F07.total.c5"),
    _b("three", r"公务接待费(?:支出)?决算|公务接待费支出", "F07.total.c12", share_of="F07.total.c7",
       budget="F07.total.c6"),
    _b("three", r"因公出国（境）费预算数", "F07.total.c2"),
    _b("three", r"公务用车购置及运行(?:维护)?费预算数", "F07.total.c3"),
    _b("three", r"公务接待费预算数", "F07.total.c6"),
    _b("three", r"“三公”经费财政拨款支出决算|支出决算", "F07.total.c7", sub="一"),
    # 十 其他重要事项 (Shanxi): 机关运行经费 and 政府采购 restate 部门决算公开相关信息统计表 (F10)
    _b("other", r"机关运行经费支出", "F10.r5.c1 + F10.r6.c1", sub="一"),
    _b("other", r"政府采购支出总额", "F10.r1.c1", sub="二"),
    _b("other", r"政府采购货物支出", "F10.r2.c1", sub="二"),
    _b("other", r"政府采购工程支出", "F10.r3.c1", sub="二"),
    _b("other", r"政府采购服务支出", "F10.r4.c1", sub="二"),
    # 十三 预算绩效
    # 十三 预算绩效: only the template sentence “纳入预算绩效管理的支出总额为X，其中基本支出…；项目支出…”
    _b("performance", r"纳入预算绩效管理的支出总额", "F03.total.c1"),
    _b("performance", r"基本支出", "F03.total.c2", sentence_has=r"纳入预算绩效管理的支出总额"),
    _b("performance", r"项目支出", "F03.total.c3", sentence_has=r"纳入预算绩效管理的支出总额"),
    # Budgets (Jiangsu). 一 收支预算总体: the B01 totals and sources
    _b("b_totals", r"财政拨款收入预算总计|财政拨款收入预算", "B01.in.fiscal.c1"),
    _b("b_totals", r"一般公共预算收入预算", "B01.in.gpb.c1"),
    _b("b_totals", r"政府性基金收入预算", "B01.in.fund.c1"),
    _b("b_totals", r"财政专户管理资金收入预算总计|财政专户管理资金收入预算", "B01.in.special.c1"),
    _b("b_totals", r"其他资金收入预算总计|其他资金收入预算", "B01.in.other.c1"),
    _b("b_totals", r"收入、支出预算总计|收、支预算总计|收支预算总计|收入预算总计", "B01.in.total.c1"),
    _b("b_totals", r"支出预算总计", "B01.out.total.c1"),
    # 二 收入: B01 sources, shares of 本年收入合计
    _b("b_income", r"本年收入预算合计|收入预算合计|本年收入合计|收入合计", "B01.in.subtotal.c1"),
    _b("b_income", r"一般公共预算收入", "B01.in.gpb.c1", share_of="B01.in.subtotal.c1"),
    _b("b_income", r"政府性基金(?:预算)?收入", "B01.in.fund.c1", share_of="B01.in.subtotal.c1"),
    _b("b_income", r"财政专户管理资金(?:收入)?", "B01.in.special.c1", share_of="B01.in.subtotal.c1"),
    _b("b_income", r"其他资金(?:收入)?", "B01.in.other.c1", share_of="B01.in.subtotal.c1"),
    # 三 支出: B03 columns, shares of 本年支出合计
    _b("b_expense", r"本年支出预算合计|支出预算合计|本年支出合计|支出合计", "B01.out.subtotal.c1"),
    _b("b_expense", r"基本支出", "B03.total.c2", share_of="B01.out.subtotal.c1"),
    _b("b_expense", r"项目支出", "B03.total.c3", share_of="B01.out.subtotal.c1"),
    _b("b_expense", r"单位预留机动经费", "B03.total.c4", share_of="B01.out.subtotal.c1"),
    # 五 财政拨款支出 (B16), 七 一般公共预算支出 (B05): the totals
    _b("b_fiscal", r"财政拨款预算支出|财政拨款支出预算|财政拨款支出", "B16.total.c1", avoid=r"上年"),
    _b("b_gpb", r"一般公共预算(?:财政拨款)?支出预算|一般公共预算(?:财政拨款)?预算支出|一般公共预算(?:财政拨款)?支出",
       "B05.total.c1", avoid=r"上年"),
    # 六 财政拨款基本支出 (B17), 八 一般公共预算基本支出 (B06): 人员经费 = 301 + 303, 公用经费 = 302 + 310
    _b("b_basic_fiscal", r"基本支出预算|基本支出", "B17.total.b", avoid=r"上年"),
    _b("b_basic_fiscal", r"人员经费", "B17.301.b + B17.303.b"),
    _b("b_basic_fiscal", r"公用经费", "B17.302.b + B17.310.b"),
    _b("b_basic_gpb", r"基本支出预算|基本支出", "B06.total.b", avoid=r"上年"),
    _b("b_basic_gpb", r"人员经费", "B06.301.b + B06.303.b"),
    _b("b_basic_gpb", r"公用经费", "B06.302.b + B06.310.b"),
    # 四 财政拨款收支预算总体: B04
    _b("b_fiscal_totals", r"财政拨款收、支总预算|财政拨款收、支总计|财政拨款收支总计|财政拨款收、支预算总计", "B04.in.total.c1"),
    # 九 “三公”经费、会议费、培训费: the B09 columns
    _b("b_three", r"因公出国（境）费(?:预算)?支出|因公出国（境）费预算", "B09.total.c3", avoid=r"上年"),
    _b("b_three", r"公务用车购置及运行(?:维护)?费(?:预算)?支出", "B09.total.c4", avoid=r"上年"),
    _b("b_three", r"公务用车购置费(?:预算)?支出", "B09.total.c5", avoid=r"上年"),
    _b("b_three", r"公务用车运行(?:维护)?费(?:预算)?支出", "B09.total.c6", avoid=r"上年"),
    _b("b_three", r"公务接待费(?:预算)?支出", "B09.total.c7", avoid=r"上年"),
    _b("b_three", r"会议费(?:预算)?支出", "B09.total.c8", avoid=r"上年"),
    _b("b_three", r"培训费(?:预算)?支出", "B09.total.c9", avoid=r"上年"),
    # 十一 机关运行经费: B13
    _b("b_admin", r"机关运行经费(?:预算)?支出", "B13.total.b", avoid=r"上年"),
    # 十二 政府采购: B18 合计 and its 大类 货物 (A), 工程 (B), 服务 (C); a 大类 not printed is 0
    _b("b_procurement", r"政府采购(?:支出)?预算(?:总金额|总额)?", "B18.total.c1"),
    _b("b_procurement", r"拟(?:采购|购买)货物(?:支出)?", "B18.A.c1"),
    _b("b_procurement", r"拟(?:采购|购买)工程(?:支出)?", "B18.B.c1"),
    _b("b_procurement", r"拟(?:采购|购买)服务(?:支出)?", "B18.C.c1"),
    # Budgets (Henan 2025, seed 001). 一 收支总计, 二 收入 (B01), 三 支出 (B03)
    _b("h_totals", r"收入总计", "B01.in.total.c1"),
    _b("h_totals", r"支出总计", "B01.out.total.c1"),
    _b("h_income", r"收入合计", "B01.in.subtotal.c1"),
    _b("h_income", r"一般公共预算收入", "B01.in.gpb.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"政府性基金预算收入", "B01.in.fund.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"国有资本经营预算收入", "B01.in.soe.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"财政专户管理资金收入", "B01.in.special.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"事业单位经营收入", "B01.in.operating.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"事业收入", "B01.in.business.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"上级补助收入", "B01.in.upper.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"附属单位上缴收入", "B01.in.affiliated.c1", share_of="B01.in.subtotal.c1"),
    _b("h_income", r"其他收入", "B01.in.other.c1", share_of="B01.in.subtotal.c1"),
    _b("h_expense", r"支出合计", "B03.total.c1"),
    _b("h_expense", r"基本支出", "B03.total.c2", share_of="B03.total.c1"),
    _b("h_expense", r"项目支出", "B03.total.c9", share_of="B03.total.c1"),
    # 四 财政拨款 (B04 支出合计 by fund), 五 一般公共预算支出 (B05; its 类 lines by name)
    _b("h_fiscal_totals", r"一般公共预算收支预算", "B04.out.total.c2", avoid=r"上年"),
    _b("h_fiscal_totals", r"政府性基金收支预算", "B04.out.total.c5", avoid=r"上年"),
    _b("h_fiscal_totals", r"国有资本经营收支预算", "B04.out.total.c6", avoid=r"上年"),
    _b("h_gpb", r"一般公共预算支出年初预算|一般公共预算支出预算", "B05.total.c1"),
    # 六 基本支出 (B06), 九 三公 (B09), 十 （一）机关运行经费 (B13), （三）绩效目标 (B03)
    _b("h_basic", r"基本支出", "B06.total.c1", avoid=r"上年"),
    _b("h_basic", r"人员经费", "B06.total.c2"),
    _b("h_basic", r"公用经费", "B06.total.c3"),
    _b("h_three", r"“三公”经费支出预算|“三公”经费支出", "B09.total.c2", avoid=r"上年"),
    _b("h_three", r"因公出国（境）费", "B09.total.c3"),
    _b("h_three", r"公务用车购置及运行(?:维护)?费", "B09.total.c4"),
    _b("h_three", r"公务(?:用)?车辆?购置费", "B09.total.c5"),
    _b("h_three", r"公务用车运行(?:维护)?费", "B09.total.c6"),
    _b("h_three", r"公务接待费", "B09.total.c7"),
    _b("h_other", r"运行经费支出预算", "B13.total.c1", sub="一"),
    _b("h_other", r"纳入预算绩效管理的支出总额", "B03.total.c1", sub="三"),
    _b("h_other", r"基本支出", "B03.total.c2", sub="三", sentence_has=r"纳入预算绩效管理|其中"),
    _b("h_other", r"项目支出", "B03.total.c9", sub="三", sentence_has=r"纳入预算绩效管理|其中"),
)  # fmt: skip


@cache
def topics(profile: str) -> dict[str, str]:
    """Section key → topic, for one profile (refdata/profiles.toml)."""
    entry = profile_entry(profile)
    found = entry.get("topics", {})
    return dict(found) if isinstance(found, dict) else {}


@cache
def heading_topics(profile: str) -> tuple[tuple[str, str], ...]:
    """(phrase, topic): a section whose heading contains the phrase is about the topic, for
    profiles whose section numbers move from year to year."""
    found = profile_entry(profile).get("heading_topics", [])
    return tuple((str(p), str(t)) for p, t in found) if isinstance(found, list) else ()


def section_topic(profile: str, key: str, heading: str) -> str:
    """What a 情况说明 section is about: by its heading where the profile says so, else by its number."""
    by_heading = heading_topics(profile)
    if by_heading:
        return next((t for phrase, t in by_heading if phrase in heading), "")
    return topics(profile).get(key, "")


def binder_for(topic: str, sub: str | None, before: str, sentence: str = "") -> Binder | None:
    """The binder whose subject ends ``before`` (the words before the figure)."""
    tail = before[-40:]
    for b in BINDERS:
        if b.topic != topic or (b.sub is not None and b.sub != sub):
            continue
        if b.avoid is not None and b.avoid.search(tail):
            continue
        if b.sentence_has is not None and not b.sentence_has.search(sentence):
            continue
        if b.subject.search(tail):
            return b
    return None


CLASS_MENTION = re.compile(r"[-－]?\s*([^，；：、。\-－]+?)[（(]类[）)](?:支出)?$")
ITEM = re.compile(r"(\d+)[.、．]\s*([^。；]+?)[（(]类[）)]([^。；]+?)[（(]款[）)]([^。；]+?)[（(]项[）)]")
# A Jiangsu budget's 五 lists items under “（一）一般公共服务（类）” as “1．人大事务（款）行政
# 运行（项）支出7448.2万元”; some print the 款 as （类）.
BUDGET_CLASS_HEAD = re.compile(r"[（(][一二三四五六七八九十]+[）)]\s*([^（(。；\d]+?)[（(]类[）)]")
BUDGET_ITEM = re.compile(r"(\d+)[.、．]\s*([^。；（(\d]+?)[（(][款类][）)]([^。；]+?)[（(]项[）)]")
CLASS_SENTENCE = re.compile(
    r"(?:^|[：:。；])\s*(?:[-－]\s*|\d+[.、．]\s*)?([^，；：:。（(]{2,20}?支出)(?:年初预算|预算)"
)


def class_binder(code: str, name: str) -> Binder:
    """A 类 line of 五（二） (教育（类）支出 x，占 p%) or a 类 paragraph of the Shanxi 五（三）."""
    return Binder(
        topic="gpb",
        subject=re.compile("."),
        ref=f"F05.{code}.c1",
        share_of="F05.total.c1",
        name=name,
        code=code,
    )


def budget_class_binder(code: str, name: str) -> Binder:
    """A 类 line of the Henan 五 (社会保障和就业支出 x万元，占 p%): the 项 rows of B05 in that 类."""
    return Binder(
        topic="h_gpb", subject=re.compile("."), ref=f"sum(B05.{code}*.c1)", share_of="B05.total.c1",
        name=name, code=code,
    )  # fmt: skip


def item_binder(code: str, name: str, table: str = "F05", topic: str = "gpb") -> Binder:
    """An item of 五（三） (its 支出决算 is the F05 项 row's 小计), or of a Jiangsu budget's 五
    (its 支出 is the B16 项 row)."""
    return Binder(topic=topic, subject=re.compile("."), ref=f"{table}.{code}.c1", name=name, code=code)
