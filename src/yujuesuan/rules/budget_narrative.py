"""Budget narrative rules that are not one stated amount against one cell: N36 (the
null form of 七/八 against B10/B11), N39 (政府采购: the stated amounts through N01's
binding, and the null form against B18), N40 (十（三）: the stated amounts through N01's
binding, and the project count against B12), N41 (十（四）国有资产: the parts of a stated
total add up). RULES.md §8."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure, Section
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Level
from yujuesuan.narrative.binding import section_topic
from yujuesuan.narrative.claims import claims, section_text
from yujuesuan.rules.narrative import amounts_of
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import fmt

ERROR = Severity.ERROR
NULL_FORM = re.compile(
    r"没有使用[^。]{0,20}(?:政府性基金|国有资本经营)预算拨款安排的支出|无[^。]{0,10}(?:政府性基金|国有资本经营)[^。]{0,10}支出"
)
PROJECTS = re.compile(r"涉及项目(\d+)个")
ASSETS = re.compile(
    r"固定资产总额(\d[\d,]*\.?\d*)万元[，,]其中[：:，,]?房屋建筑物(\d[\d,]*\.?\d*)万元[，,]车辆(\d[\d,]*\.?\d*)万元[，,]"
    r"办公设备(\d[\d,]*\.?\d*)万元[，,]专用设备(\d[\d,]*\.?\d*)万元[，,]其他资产(\d[\d,]*\.?\d*)万元"
)
VEHICLES = re.compile(r"车辆共有(\d+)辆[，,]其中[：:]?((?:[^。；]*?\d+辆[，,、]?)+)")
VEHICLE_PART = re.compile(r"([^，,、：:]+?)(\d+)辆")


def _sections(d: Disclosure, topics: tuple[str, ...]) -> Iterator[tuple[Section, str]]:
    for s in d.narrative:
        topic = section_topic(d.meta.profile, s.key, s.heading)
        if topic in topics:
            yield s, topic


def _lines_total(d: Disclosure, table: str) -> Decimal | None:
    t = d.table(table)
    if t is None:
        return None
    total = t.row("total")
    return (total.value("c1") if total else None) or Decimal(0)


@rule("N36", "七/八 基金、国资 (预算)", ERROR, kinds=("预算",))
def budget_fund_null_form(d: Disclosure) -> Iterator[Finding]:
    """The null form (“没有使用政府性基金预算拨款安排的支出”) appears iff B10 (B11 for
    国有资本经营) is empty: B10[合计].合计 = 0."""
    for s, topic in _sections(d, ("h_fund", "h_soe")):
        table = "B10" if topic == "h_fund" else "B11"
        total = _lines_total(d, table)
        st = section_text(s)
        m = NULL_FORM.search(st.text)
        if total is None or m is None or total == 0:
            continue
        yield Finding(
            code="N36", severity=ERROR, title="七/八 基金、国资 (预算)",
            message=f"§{s.key} says there is no such spending, but {table}[合计] is {fmt(total)}",
            expected=fmt(total), actual="0", table=table, row="total", column="c1", location=st.prov_at(m.start()),
        )  # fmt: skip


@rule("N40", "十（三）绩效目标 (预算)", ERROR, kinds=("预算",))
def budget_performance(d: Disclosure) -> Iterator[Finding]:
    """纳入预算绩效管理的支出总额 = B03[合计].总计; 基本 and 项目 = the B03 columns;
    涉及项目个数 = the number of B12 projects = the number of 预算15表 projects."""
    yield from amounts_of(d, "N40")
    counts: list[tuple[int, str, str]] = []  # (count, table, what lists them)
    b12 = d.table("B12")
    if b12 is not None:
        n12 = sum(1 for r in b12.rows if r.level not in (Level.TOTAL, Level.UNIT))
        counts.append((n12, "B12", "项目支出预算表 (B12)"))
    n15 = len(d.performance.projects)
    if n15 and all(n15 != n for n, _, _ in counts):
        counts.append((n15, "B15", "项目绩效目标表 (预算15表)"))
    for s, _ in _sections(d, ("h_other",)):
        st = section_text(s)
        for m in PROJECTS.finditer(st.text):
            for count, table, what in counts:
                if int(m.group(1)) != count:
                    yield Finding(
                        code="N40", severity=ERROR, title="十（三）绩效目标 (预算)",
                        message=f"“{m.group(0)}” but the {what} lists {count} projects",
                        expected=str(count), actual=m.group(1), table=table, location=st.prov_at(m.start()),
                    )  # fmt: skip


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _assets_finding(
    message: str, expected: str, actual: str, difference: str, at: Provenance | None
) -> Finding:
    return Finding(
        code="N41", severity=ERROR, title="十（四）国有资产 (预算)", message=message,
        expected=expected, actual=actual, difference=difference, location=at,
    )  # fmt: skip


@rule("N41", "十（四）国有资产 (预算)", ERROR, kinds=("预算",))
def budget_assets(d: Disclosure) -> Iterator[Finding]:
    """固定资产总额 = 房屋建筑物 + 车辆 + 办公设备 + 专用设备 + 其他资产; 车辆共有 = Σ the
    categories listed after it."""
    for s, _ in _sections(d, ("h_other",)):
        st = section_text(s)
        for m in ASSETS.finditer(st.text):
            total = _amount(m.group(1))
            parts = sum((_amount(m.group(i)) for i in range(2, 7)), Decimal(0))
            if total != parts:
                yield _assets_finding(
                    f"固定资产总额 {fmt(total)}万元, but its five parts add up to {fmt(parts)}万元",
                    fmt(parts),
                    fmt(total),
                    fmt(total - parts),
                    st.prov_at(m.start()),
                )
        for m in VEHICLES.finditer(st.text):
            stated = int(m.group(1))
            listed = sum(int(n) for _, n in VEHICLE_PART.findall(m.group(2)))
            if stated != listed:
                yield _assets_finding(
                    f"“车辆共有{stated}辆” but the categories after it add up to {listed}辆",
                    str(listed),
                    str(stated),
                    str(stated - listed),
                    st.prov_at(m.start()),
                )


# “我部门2019年没有安排政府采购支出预算” / “本部门无政府采购预算”
PROCUREMENT_NULL = re.compile(r"(?:没有|未|无)(?:安排)?[^。，；]{0,10}?政府采购(?:支出)?预算")


def _procurement_finding(message: str, expected: str, actual: str, at: Provenance | None) -> Finding:
    return Finding(
        code="N39", severity=ERROR, title="十（二）政府采购 (预算)", message=message,
        expected=expected, actual=actual, table="B18", row="total", column="c1", location=at,
    )  # fmt: skip


@rule("N39", "十（二）政府采购 (预算)", ERROR, kinds=("预算",))
def budget_procurement(d: Disclosure) -> Iterator[Finding]:
    """政府采购支出预算总额 = B18[合计]; 拟采购货物、工程、服务 = the B18 大类 货物 (A), 工程 (B),
    服务 (C), 0 where the 大类 is not printed; the null form (“没有安排政府采购支出预算”)
    appears iff B18[合计] = 0."""
    yield from amounts_of(d, "N39")
    total = _lines_total(d, "B18")
    if total is None:
        return  # the tables were published apart and not given
    for s, _ in _sections(d, ("b_procurement",)):
        st = section_text(s)
        m = PROCUREMENT_NULL.search(st.text)
        if m is not None and total != 0:
            yield _procurement_finding(
                f"“{m.group(0)}” but the 政府采购支出预算表 (B18) totals {fmt(total)}",
                fmt(total), "0", st.prov_at(m.start()),
            )  # fmt: skip
        elif m is None and total == 0 and not any(c.is_money for c in claims(s)):
            yield _procurement_finding(
                f"§{s.key} neither says there is no procurement budget nor states its amount, "
                "and the 政府采购支出预算表 (B18) is empty",
                "没有安排政府采购支出预算", "no statement", st.prov_at(0),
            )  # fmt: skip
