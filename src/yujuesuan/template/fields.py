"""The workbook's fields beyond the tables, one sheet per topic: what each holds, its
kind (so the workbook can validate it) and the note a preparer sees on it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    MONEY = "money"  # Decimal, in the disclosure's unit
    COUNT = "count"  # a whole number (个, 人次, 辆, 台（套）)
    TEXT = "text"
    CHOICE = "choice"  # one of ``choices``


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind
    note: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    purpose: str
    fields: tuple[Field, ...]


def _money(key: str, label: str, note: str = "") -> Field:
    return Field(key, label, Kind.MONEY, note or "金额，单位与表格相同（万元或元），保留两位小数")


def _count(key: str, label: str, note: str = "") -> Field:
    return Field(key, label, Kind.COUNT, note or "整数")


def _text(key: str, label: str, note: str) -> Field:
    return Field(key, label, Kind.TEXT, note)


def _reason(key: str, what: str) -> Field:
    return _text(key, f"{what}变动的主要原因", "一句话，不写句号；持平时可不填")


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "概况",
        "第一部分 概况的文字",
        (
            _text("duties", "职责", "第一部分 一、部门（单位）职责 的正文，可分段"),
            _text("organisation", "机构设置", "第一部分 二、机构设置 的正文，可分段"),
        ),
    ),
    Sheet(
        "上年数与原因",
        "情况说明 一、四、五（一）、七、八 与上年度、年初预算比较所需的数和原因",
        (
            _money("prior.total", "上年度收、支总计"),
            _reason("reason.total", "收、支总计"),
            _money("prior.fiscal", "上年度财政拨款收、支总计"),
            _reason("reason.fiscal", "财政拨款收、支总计"),
            _money("prior.gpb", "上年度一般公共预算财政拨款支出"),
            _reason("reason.gpb", "一般公共预算财政拨款支出"),
            _money("budget.fund", "政府性基金预算财政拨款支出 年初预算"),
            _reason("reason.fund", "政府性基金预算财政拨款支出决算与年初预算"),
            _text("uses.fund", "政府性基金预算财政拨款支出 主要用于", "有支出时填写用途"),
            _money("budget.soe", "国有资本经营预算财政拨款支出 年初预算"),
            _reason("reason.soe", "国有资本经营预算财政拨款支出决算与年初预算"),
            _text("uses.soe", "国有资本经营预算财政拨款支出 主要用于", "有支出时填写用途"),
        ),
    ),
    Sheet(
        "三公经费",
        "情况说明 九、财政拨款“三公”经费支出决算情况说明 所需的数和原因（金额见“三公”经费表）",
        (
            _reason("reason.three", "“三公”经费决算数与预算数"),
            _reason("reason.abroad", "因公出国（境）费决算数与预算数"),
            _count("abroad.groups", "因公出国（境）团组（个）"),
            _count("abroad.people", "因公出国（境）累计人次"),
            _reason("reason.car", "公务用车购置及运行维护费决算数与预算数"),
            _count("cars.bought", "购置车辆（辆）"),
            _count("cars.held", "期末公务用车保有量（辆）"),
            _text(
                "uses.car",
                "公务用车运行维护费 主要用于",
                "例如：开展工作所需公务用车的燃料费、维修费、保险费等",
            ),
            _reason("reason.reception", "公务接待费决算数与预算数"),
            _money("reception.foreign", "外宾接待支出"),
            _count("foreign.groups", "接待国（境）外来访团组（个）"),
            _count("foreign.people", "来访外宾（人次）"),
            _money(
                "reception.domestic",
                "国内公务接待支出",
                "外宾接待支出与国内公务接待支出之和应等于公务接待费决算数",
            ),
            _count("domestic.groups", "接待国内来访团组（个）"),
            _count("domestic.people", "国内来宾（人次）"),
        ),
    ),
    Sheet(
        "机关运行经费",
        "情况说明 十、机关运行经费支出情况说明",
        (
            Field(
                "admin.applies",
                "是否行政单位或参照公务员法管理事业单位",
                Kind.CHOICE,
                "选“否”时，说明写“不是行政机关，也不是参照公务员管理事业单位，没有机关运行经费支出”",
                ("是", "否"),
            ),
            _money("admin.cost", "本年度机关运行经费支出"),
            _money("prior.admin", "上年度机关运行经费支出"),
            _reason("reason.admin", "机关运行经费"),
        ),
    ),
    Sheet(
        "政府采购",
        "情况说明 十一、政府采购支出情况说明（支出总额为三项之和）",
        (
            _money("purchase.goods", "政府采购货物支出"),
            _money("purchase.works", "政府采购工程支出"),
            _money("purchase.services", "政府采购服务支出"),
            _money("purchase.sme", "授予中小企业合同金额"),
            _money("purchase.small", "其中：授予小微企业合同金额"),
        ),
    ),
    Sheet(
        "国有资产",
        "情况说明 十二、国有资产占用情况说明（期末数；车辆合计为各类之和）",
        (
            _count("vehicles.leader", "省级领导干部用车（辆）"),
            _count("vehicles.chief", "主要领导干部用车（辆）"),
            _count("vehicles.confidential", "机要通信用车（辆）"),
            _count("vehicles.emergency", "应急保障用车（辆）"),
            _count("vehicles.law", "执法执勤用车（辆）"),
            _count("vehicles.special", "特种专业技术用车（辆）"),
            _count("vehicles.retired", "离退休干部服务用车（辆）"),
            _count("vehicles.other", "其他用车（辆）"),
            _text("vehicles.other_uses", "其他用车主要是", "有其他用车时填写"),
            _count("equipment", "单价100万元（含）以上设备（不含车辆）（台、套）"),
        ),
    ),
    Sheet(
        "预算绩效",
        "情况说明 十三、预算绩效情况说明（项目自评结果见“绩效自评”表）",
        (
            _text("perf.work", "绩效管理工作开展情况", "十三（一）的正文"),
            _text("perf.key", "重点绩效评价结果", "十三（三）的正文；没有开展重点绩效评价时留空"),
        ),
    ),
)

VEHICLES: tuple[tuple[str, str], ...] = (
    ("vehicles.leader", "省级领导干部用车"),
    ("vehicles.chief", "主要领导干部用车"),
    ("vehicles.confidential", "机要通信用车"),
    ("vehicles.emergency", "应急保障用车"),
    ("vehicles.law", "执法执勤用车"),
    ("vehicles.special", "特种专业技术用车"),
    ("vehicles.retired", "离退休干部服务用车"),
    ("vehicles.other", "其他用车"),
)


def field(key: str, sheets: tuple[Sheet, ...] = SHEETS) -> Field:
    """The field of ``key`` among ``sheets`` (the 决算 sheets unless told)."""
    for s in sheets:
        for f in s.fields:
            if f.key == key:
                return f
    raise KeyError(key)
