"""The 预算 workbook's fields beyond the tables (budget/henan-2025, TABLES.md §4.4 and §5):
上年预算数 and the reasons for the changes, 政府采购, 国有资产, 专项转移支付, 人员编制.
Keys start with ``b.`` so that a budget's supplement never reads as a 决算's."""

from __future__ import annotations

from yujuesuan.template.fields import Field, Kind, Sheet, field

MONEY_NOTE = "金额，单位与表格相同（万元），保留两位小数"
REASON_NOTE = "一句话，不写句号；与上年持平时可不填"


def _money(key: str, label: str, note: str = MONEY_NOTE) -> Field:
    return Field(key, label, Kind.MONEY, note)


def _count(key: str, label: str) -> Field:
    return Field(key, label, Kind.COUNT, "整数")


def _reason(key: str, what: str) -> Field:
    return Field(key, f"{what}与上年预算数相比变动的主要原因", Kind.TEXT, REASON_NOTE)


def _prior(key: str, label: str) -> tuple[Field, Field]:
    return _money(f"b.prior.{key}", f"上年{label}"), _reason(f"b.reason.{key}", label)


BUDGET_SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "概况",
        "第一部分 概况的文字和人数",
        (
            Field("duties", "部门职责", Kind.TEXT, "第一部分 一（二）部门职责 的正文，可分段"),
            Field(
                "organisation",
                "机构设置情况",
                Kind.TEXT,
                "第一部分 一（一）的正文（人员数之前的部分），如：某某局包括机关本级",
            ),
            _count("b.staff", "人员数量（人）"),
            _count("b.staff.admin", "其中：行政编制（人）"),
            _count("b.staff.institution", "其中：事业编制（人）"),
        ),
    ),
    Sheet(
        "上年预算数与原因",
        "情况说明 一、四、九、十（一） 与上年预算数比较所需的数和原因",
        (
            *_prior("total", "收支总计"),
            *_prior("gpb", "一般公共预算收支预算"),
            *_prior("fund", "政府性基金收支预算"),
            *_prior("soe", "国有资本经营收支预算"),
            *_prior("three", "“三公”经费支出预算"),
            *_prior("abroad", "因公出国（境）费预算"),
            *_prior("car_buy", "公务用车购置费预算"),
            *_prior("car_run", "公务用车运行维护费预算"),
            *_prior("reception", "公务接待费预算"),
            *_prior("admin", "机关（机构）运行经费支出预算"),
        ),
    ),
    Sheet(
        "政府采购",
        "情况说明 十（二）政府采购支出情况（总额为三项之和；都不填或为零时写“没有安排政府采购支出预算”）",
        (
            _money("b.purchase.goods", "政府采购货物预算"),
            _money("b.purchase.works", "政府采购工程预算"),
            _money("b.purchase.services", "政府采购服务预算"),
        ),
    ),
    Sheet(
        "国有资产",
        "情况说明 十（四）国有资产占用情况（上年期末数；固定资产总额、车辆合计由各项相加）",
        (
            _money("b.assets.buildings", "房屋建筑物"),
            _money("b.assets.vehicles", "车辆"),
            _money("b.assets.office", "办公设备"),
            _money("b.assets.special", "专用设备"),
            _money("b.assets.other", "其他资产"),
            _count("b.vehicles.general", "一般公务用车（辆）"),
            _count("b.vehicles.law", "执法执勤车（辆）"),
            _count("b.vehicles.other", "其他用车（辆）"),
            _count("b.equipment.general", "单位价值50万元以上通用设备（台、套）"),
            _count("b.equipment.special", "单位价值100万元以上专用设备（台、套）"),
        ),
    ),
    Sheet(
        "其他事项",
        "情况说明 十（五）专项转移支付项目（重点项目见“重点项目”表）",
        (_count("b.transfers", "负责管理的专项转移支付项目（项）"),),
    ),
)

KEY_PROJECTS_SHEET = "重点项目"
KEY_PROJECT_COLUMNS = ("项目名称", "年初预算安排", "主要用于")


def budget_field(key: str) -> Field:
    return field(key, BUDGET_SHEETS)
