"""A 预算 supplement recovered from a parsed budget/henan-2025 disclosure: the prior-year
budgets from the stated changes, the reasons, 政府采购, 国有资产, 专项转移支付, 重点项目,
人员编制 and the 概况 texts, so that last year's published budget becomes the workbook a
preparer starts from. What it cannot find stays missing and renders as a placeholder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.supplement import KeyProject, Supplement, Term
from yujuesuan.narrative.claims import section_text

NUM = r"(\d[\d,]*(?:\.\d+)?)"
STAFF = re.compile(r"人员数\s*量\s*(\d+)\s*人[，,]其中行政编制\s*(\d+)\s*人[，,]\s*事业编制\s*(\d+)\s*人")
UNITS = re.compile(r"\d+[.．、]([^；;。]+)")
KEY_PROJECT = re.compile(
    rf"重点项目[一二三四五六七八九十\d]+[：:](.+?)[，,]年初预算安排{NUM}万?元[，,]主要用于[：:](.+?)。"
)
ASSETS = re.compile(
    rf"房屋建筑物{NUM}万?元[，,]车辆{NUM}万?元[，,]办公设备{NUM}万?元[，,]专用设备{NUM}万?元[，,]其他资产{NUM}万?元"
)
VEHICLES = re.compile(r"一般公务用车(\d+)辆[，,]执法执勤车(\d+)辆[，,]其他用车(\d+)辆")
EQUIPMENT = re.compile(r"50万元以上通用设备(\d+)台（套）[，,]单位价值100万元以上专用设备(\d+)台（套）")
# 增加/减少 Δ after a subject, and the reason after it (up to the next ；or 。)
CHANGE = r"(增加|减少)\s*{num}\s*万?元(?:[，,]\s*(?:增长|下降)\s*[\d.]+%)?(?:[，,。]\s*主要原因[：:](?P<why>[^；。]+))?"
SAME = r"持平"


def _num(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


@dataclass
class _Found:
    amounts: dict[str, Decimal] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def _change(text: str, subject: str, now: Decimal, key: str, s: _Found) -> None:
    """The prior-year budget from “{subject}…增加/减少Δ” and the reason after it."""
    m = re.search(re.escape(subject) + r"[^。；]*?" + CHANGE.format(num=NUM), text)
    if m is None:
        if re.search(re.escape(subject) + r"[^。；]*?" + SAME, text):
            s.amounts[f"b.prior.{key}"] = now
        return
    delta = _num(m.group(2))
    s.amounts[f"b.prior.{key}"] = now - delta if m.group(1) == "增加" else now + delta
    if m.group("why"):
        s.texts[f"b.reason.{key}"] = m.group("why").strip()


def recall_budget(d: Disclosure) -> Supplement:
    found = _Found()
    by_key = {s.key: section_text(s).text.replace("\n", "") for s in d.narrative}
    one, four, nine, ten = (by_key.get(k, "") for k in ("一", "四", "九", "十"))
    _change(one, "收、支总计", d.figure("B01", "in.total", "c1"), "total", found)
    for subject, column, key in (
        ("一般公共预算收支预算", "c2", "gpb"),
        ("政府性基金收支预算", "c5", "fund"),
        ("国有资本经营收支预算", "c6", "soe"),
    ):
        after = four.split("与上年相比", 1)[-1]
        _change(after, subject, d.figure("B04", "out.total", column), key, found)
    three = nine.split("具体支出情况如下", 1)
    _change(three[0], "“三公”经费支出预算", d.figure("B09", "total", "c2"), "three", found)
    detail = three[1] if len(three) > 1 else ""
    for subject, column, key in (
        ("因公出国（境）费", "c3", "abroad"),
        ("购置费", "c5", "car_buy"),
        ("运行维护费", "c6", "car_run"),
        ("公务接待费", "c7", "reception"),
    ):
        _change(detail, subject, d.figure("B09", "total", column), key, found)
    _change(ten, "运行经费支出预算", d.figure("B13", "total", "c1"), "admin", found)
    _other(ten, found)
    _profile(d, found)
    return Supplement(
        amounts=found.amounts,
        counts=found.counts,
        texts=found.texts,
        units=_units(d),
        glossary=tuple(Term(term=g.term, definition=g.definition) for g in d.glossary if g.definition),
        key_projects=tuple(
            KeyProject(name=m.group(1).strip(), budget=_num(m.group(2)), uses=m.group(3).strip())
            for m in KEY_PROJECT.finditer(ten)
        ),
    )


def _other(text: str, found: _Found) -> None:
    """十（二）–（五）: 政府采购, 国有资产, 专项转移支付."""
    for name, key in (("货物", "goods"), ("工程", "works"), ("服务", "services")):
        m = re.search(rf"拟(?:采购|购买){name}(?:支出)?{NUM}万?元", text)
        if m:
            found.amounts[f"b.purchase.{key}"] = _num(m.group(1))
    if m := ASSETS.search(text):
        for i, key in enumerate(("buildings", "vehicles", "office", "special", "other"), start=1):
            found.amounts[f"b.assets.{key}"] = _num(m.group(i))
    if m := VEHICLES.search(text):
        for i, key in enumerate(("general", "law", "other"), start=1):
            found.counts[f"b.vehicles.{key}"] = int(m.group(i))
    if m := EQUIPMENT.search(text):
        found.counts["b.equipment.general"], found.counts["b.equipment.special"] = (
            int(m.group(1)),
            int(m.group(2)),
        )
    if m := re.search(r"专项转移支付项目共有(\d+)项", text):
        found.counts["b.transfers"] = int(m.group(1))


def _profile(d: Disclosure, found: _Found) -> None:
    """一、主要职能: （一）机构设置情况 (the words before 人员数量, and the 编制 counts),
    （二）部门职责."""
    first = next((s for s in d.profile.sections if "职能" in s.heading or "职责" in s.heading), None)
    if first is None:
        return
    text = first.text
    org, _, duties = text.partition("（二）部门职责")
    org = org.replace("（一）机构设置情况", "").strip()
    if m := STAFF.search(org):
        found.counts["b.staff"], found.counts["b.staff.admin"], found.counts["b.staff.institution"] = (
            int(x) for x in m.groups()
        )
        org = org[: m.start()]
    org = re.sub(r"人员数\s*$", "", org.replace("\n", "")).strip().rstrip("。")
    if org:
        found.texts["organisation"] = org
    paragraphs = [p.strip() for p in duties.split("\n") if p.strip()]
    if paragraphs:
        found.texts["duties"] = "\n".join(paragraphs)


def _units(d: Disclosure) -> tuple[str, ...]:
    """二、预算部门构成: “预算单位构成：1.某某局本级；2.某某中心。”"""
    for s in d.profile.sections:
        if "构成" in s.heading:
            _, _, listed = s.text.partition("构成：")
            return tuple(m.group(1).strip() for m in UNITS.finditer(listed))
    return d.profile.unit_names
