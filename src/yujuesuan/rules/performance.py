"""Rules over the performance material: the budget target tables (B14-01, B15-01), their
agreement with the budget tables (BX-14, BX-15) and their completeness (P17). RULES.md §5–§6."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.performance import Funded, Indicator, ProjectScore, ProjectTarget
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Level, Row, Table
from yujuesuan.recognize.targets import SOURCES, vocabulary
from yujuesuan.recognize.text import norm
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge, percent_outcome

ERROR, WARNING = Severity.ERROR, Severity.WARNING
# A measurable 指标值: comparator, number, unit (≥90%, ≤2小时, 1330元, 6.1万人以上) or a range.
TARGET_FORM = re.compile(r"^[≥≤><＞＜=]?\s*\d+(?:\.\d+)?(?:\s*[-－~～至]\s*\d+(?:\.\d+)?)?\s*\S{0,8}$")
# The Henan 2025 columns BX-14 reads (TABLES.md §2 B02, B03): B03 总计 · 基本支出合计 ·
# 项目支出合计, and the B02 总计 block's 一般公共预算 · 政府性基金 · 国有资本经营预算.
B03_TOTAL, B03_BASIC, B03_PROJECT = "c1", "c2", "c9"
B02_GOVERNMENT = ("c2", "c3", "c4")


def _sum(values: Sequence[Decimal | None]) -> tuple[Decimal, list[Decimal]]:
    printed = [v for v in values if v is not None]
    return sum(printed, Decimal(0)), printed


def _check(
    code: str,
    title: str,
    text: str,
    found: Decimal | None,
    parts: Sequence[Decimal | None],
    location: Provenance | None,
    table: str,
    related: Sequence[Provenance | None] = (),
    severity: Severity = ERROR,
) -> Iterator[Finding]:
    """``found = Σ parts`` within the rounding allowance of the printed figures."""
    expected, printed = _sum(parts)
    found = found or Decimal(0)
    outcome, delta, tau = judge(found, expected, [found, *printed])
    if outcome is Outcome.PASS:
        return
    rounding = outcome is Outcome.ROUNDING
    yield Finding(
        code=code,
        severity=Severity.INFO if rounding else severity,
        title=title,
        message=f"{text}: {fmt(found)} printed, {fmt(expected)} computed, difference {fmt(delta)}"
        + (f" (within the rounding allowance {fmt(tau)})" if rounding else ""),
        expected=fmt(expected),
        actual=fmt(found),
        difference=fmt(delta),
        rounding=rounding,
        table=table,
        location=location,
        related=tuple(p for p in related if p is not None),
    )


def _located(f: Funded, column: str, fallback: Provenance | None) -> Provenance | None:
    c = f.cell(column)
    return c.prov if c is not None and c.prov is not None else fallback


@rule("B14-01", "整体绩效目标 预算情况", ERROR, kinds=("预算",))
def unit_target_funds(d: Disclosure) -> Iterator[Finding]:
    """Each 预算14表 copy: 部门预算总额 = 政府预算资金 + 财政专户管理资金 + 单位资金
    = 基本支出 + 项目支出."""
    title = "整体绩效目标 预算情况"
    for u in d.performance.unit_targets:
        at = _located(u, "total", u.prov)
        yield from _check(
            "B14-01", title, f"{u.entity}: 部门预算总额 = Σ 资金来源", u.value("total"),
            [u.value(s) for s in SOURCES], at, "B14",
        )  # fmt: skip
        yield from _check(
            "B14-01", title, f"{u.entity}: 部门预算总额 = 基本支出 + 项目支出", u.value("total"),
            [u.value("basic"), u.value("project")], at, "B14",
        )  # fmt: skip


@rule("B15-01", "项目绩效目标 金额", ERROR, kinds=("预算",))
def project_target_funds(d: Disclosure) -> Iterator[Finding]:
    """预算15表: every row 资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金; each unit
    row (503001) = Σ its projects; each department row (503) = Σ the unit rows under it."""
    title = "项目绩效目标 金额"
    rows = d.performance.project_targets
    for r in rows:
        yield from _check(
            "B15-01", title, f"{r.name}: 资金总额 = Σ 资金来源", r.value("total"),
            [r.value(s) for s in SOURCES], r.prov, "B15",
        )  # fmt: skip
    for r in rows:
        if r.project is not None:
            continue
        if len(r.agency) > 3:
            parts = [p for p in rows if p.project is not None and p.agency == r.agency]
            what = "Σ its projects"
        else:
            parts = [
                p for p in rows if p.project is None and len(p.agency) > 3 and p.agency.startswith(r.agency)
            ]
            what = "Σ its units"
        yield from _check(
            "B15-01", title, f"{r.agency} {r.name}: 资金总额 = {what}", r.value("total"),
            [p.value("total") for p in parts], r.prov, "B15",
        )  # fmt: skip


def _unit_row(table: Table, entity: str) -> Row | None:
    """The row of one unit in a table grouped by unit, by its printed name; the total row
    when the table has no unit rows (a unit's own budget)."""
    units = [r for r in table.rows if r.level is Level.UNIT]
    if not units:
        return table.row("total")
    return next((r for r in units if norm(r.label) == norm(entity)), None)


@rule("BX-14", "整体绩效目标 14↔03", ERROR, kinds=("预算",), tables=("B02", "B03"))
def unit_target_against_tables(d: Disclosure) -> Iterator[Finding]:
    """For each 预算14表 copy (unit u): 部门预算总额 = B03[u].总计; 基本支出 =
    B03[u].基本支出合计; 项目支出 = B03[u].项目支出合计; 政府预算资金 = B02[u] 总计 of
    一般公共预算 + 政府性基金 + 国有资本经营预算 (Henan tables)."""
    b02, b03 = d.table("B02"), d.table("B03")
    if b02 is None or b03 is None or b03.variant != "henan" or b02.variant != "henan":
        return
    title = "整体绩效目标 14↔03"
    for u in d.performance.unit_targets:
        r03, r02 = _unit_row(b03, u.entity), _unit_row(b02, u.entity)
        if r03 is not None:
            for field, column, name in (
                ("total", B03_TOTAL, "总计"),
                ("basic", B03_BASIC, "基本支出"),
                ("project", B03_PROJECT, "项目支出"),
            ):
                yield from _check(
                    "BX-14", title, f"{u.entity}: 预算14表 {name} = 预算03表 {name}", u.value(field),
                    [r03.value(column)], _located(u, field, u.prov), "B14", [r03.prov],
                )  # fmt: skip
        if r02 is not None:
            yield from _check(
                "BX-14", title, f"{u.entity}: 政府预算资金 = 预算02表 总计 of the three budgets", u.value("gov"),
                [r02.value(c) for c in B02_GOVERNMENT], _located(u, "gov", u.prov), "B14", [r02.prov],
            )  # fmt: skip


def _project_key(name: str) -> str:
    return norm(name).replace("，", "、").replace(",", "、")


@rule("BX-15", "项目绩效目标 15↔12", ERROR, kinds=("预算",), tables=("B12",))
def project_targets_against_b12(d: Disclosure) -> Iterator[Finding]:
    """The multiset {(project name without spaces, 资金总额)} of 预算15表 = {(name, 合计)}
    of 预算12表; so the project counts agree; and each unit's 资金总额 = its 预算12表 合计."""
    b12 = d.table("B12")
    projects = d.performance.projects
    if b12 is None or not projects:
        return
    title = "项目绩效目标 15↔12"
    rows = [r for r in b12.rows if r.level not in (Level.TOTAL, Level.UNIT)]

    def amount(x: Decimal | None) -> Decimal:
        return x or Decimal(0)

    # Pair equal (name, amount) first, then what is left by name alone: an amount that
    # differs. A name printed twice is paired once per printing.
    unpaired: list[ProjectTarget] = []
    for p in projects:
        hit = next(
            (
                r
                for r in rows
                if _project_key(r.label) == _project_key(p.name)
                and amount(r.value("c1")) == amount(p.value("total"))
            ),
            None,
        )
        if hit is None:
            unpaired.append(p)
        else:
            rows.remove(hit)
    for p in unpaired:
        row = next((r for r in rows if _project_key(r.label) == _project_key(p.name)), None)
        if row is not None:
            rows.remove(row)
        yield _unmatched(p, row, title)
    for row in rows:
        yield Finding(
            code="BX-15", severity=ERROR, title=title,
            message=f"预算12表 project “{row.label}” ({fmt(amount(row.value('c1')))}) has no 绩效目标 in 预算15表",
            expected="a 预算15表 row", actual="none", table="B12", row=row.key, location=row.prov,
        )  # fmt: skip
    for u in (r for r in d.performance.project_targets if r.project is None and len(r.agency) > 3):
        row12 = b12.row(u.agency)
        if row12 is not None:
            yield from _check(
                "BX-15", title, f"{u.agency} {u.name}: 预算15表 资金总额 = 预算12表 合计", u.value("total"),
                [row12.value("c1")], u.prov, "B15", [row12.prov],
            )  # fmt: skip


def _unmatched(p: ProjectTarget, row: Row | None, title: str) -> Finding:
    total = p.value("total") or Decimal(0)
    if row is None:
        return Finding(
            code="BX-15", severity=ERROR, title=title,
            message=f"预算15表 project “{p.name}” ({fmt(total)}) is not in 预算12表",
            expected="a 预算12表 project of this name", actual=p.name, table="B15", location=p.prov,
        )  # fmt: skip
    listed = row.value("c1") or Decimal(0)
    return Finding(
        code="BX-15", severity=ERROR, title=title,
        message=f"“{p.name}”: 预算15表 资金总额 {fmt(total)}, 预算12表 合计 {fmt(listed)}",
        expected=fmt(listed), actual=fmt(total), difference=fmt(total - listed),
        table="B15", location=p.prov, related=tuple(x for x in (row.prov,) if x is not None),
    )  # fmt: skip


def _kinds(indicators: Sequence[Indicator]) -> set[str]:
    """Which of 产出, 效益, 满意 the indicators are known to cover (by 一级, or 满意 by name)."""
    out = {k for i in indicators for k in ("产出", "效益", "满意") if (i.category or "").startswith(k)}
    return out | ({"满意"} if any("满意" in i.name for i in indicators) else set())


def _column_known(i: Indicator) -> bool:
    """A 成本/产出/效益 column given by the reader (not only a 满意 name)."""
    return bool(i.category) and not (i.category or "").startswith("满意")


def _target_parses(value: str) -> bool:
    return bool(TARGET_FORM.match(value)) or norm(value) in vocabulary().qualitative | {"不适用"}


@rule("P17", "目标表完整", WARNING, kinds=("预算",))
def targets_complete(d: Disclosure) -> Iterator[Finding]:
    """In 预算14/15表 every unit and project has at least one indicator under 产出, 效益
    and 满意度, and every 指标值 parses (a number with comparator and unit, a range, a
    percentage, or a qualitative word). Where a text file does not say a project
    indicator's column, only 满意度 (known by its name) is required."""
    title = "目标表完整"
    # (table, owner as named in a message, its indicators, where, are the columns known)
    owners: list[tuple[str, str, Sequence[Indicator], Provenance | None, bool]] = [
        ("B14", f"预算14表 {u.entity}", u.indicators, u.prov, True) for u in d.performance.unit_targets
    ]
    owners += [
        ("B15", f"预算15表 {p.name}", p.indicators, p.prov, any(_column_known(i) for i in p.indicators))
        for p in d.performance.projects
    ]
    for owner_table, owner, indicators, at, columns_known in owners:
        have = _kinds(indicators)
        wanted = ("产出", "效益", "满意") if columns_known else ("满意",)
        missing = [k for k in wanted if k not in have]
        if missing:
            yield Finding(
                code="P17", severity=WARNING, title=title,
                message=f"{owner}: no {'/'.join(k + ('度' if k == '满意' else '') + '指标' for k in missing)} indicator",
                expected="产出, 效益 and 满意度 indicators", actual=", ".join(i.name for i in indicators) or "none",
                table=owner_table, location=at,
            )  # fmt: skip
        for i in indicators:
            if not _target_parses(i.target):
                yield Finding(
                    code="P17", severity=WARNING, title=title,
                    message=f"{owner}: 指标值 “{i.target}” of {i.name} is not a measurable target",
                    expected="≥90%, 1330元, 300-400人, 提升 …", actual=i.target, table=owner_table, location=i.prov,
                )  # fmt: skip


PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]$")


@rule("P14", "自评汇总表", WARNING, kinds=("决算",))
def score_summary(d: Disclosure) -> Iterator[Finding]:
    """项目（单位）自评汇总表, every row: 预算执行率 = pct(全年执行数, 全年预算数) at its
    printed precision; 全年执行数 = 系统查询全年执行数 where both are printed."""
    title = "自评汇总表"
    for r in d.performance.project_scores:
        budget, executed = r.value("budget"), r.value("executed")
        m = PERCENT.match(r.rate("预算执行率") or "")
        if m and budget and executed is not None:
            outcome, expected = percent_outcome(Decimal(m.group(1)), executed, budget)
            if outcome is Outcome.FAIL:
                yield Finding(
                    code="P14", severity=WARNING, title=title,
                    message=f"{r.name}: 预算执行率 {m.group(0)}, but {fmt(executed)}/{fmt(budget)} is {expected}%",
                    expected=f"{expected}%", actual=m.group(0), table="A03", location=r.prov,
                )  # fmt: skip
        if r.value("queried") is None or executed is None:
            continue  # nothing printed to compare
        yield from _check(
            "P14", title, f"{r.name}: 全年执行数 = 系统查询全年执行数", executed,
            [r.value("queried")], r.prov, "A03", severity=WARNING,
        )  # fmt: skip


@rule("P16", "附件主体", ERROR)
def annex_subjects(d: Disclosure) -> Iterator[Finding]:
    """Each 项目（单位）自评汇总表 row's 单位名称 is the document's entity or a unit listed
    in 第一部分 概况."""
    known = {norm(n) for n in (d.meta.entity or "", *d.profile.unit_names) if n}
    by_unit: dict[str, list[ProjectScore]] = {}
    for r in d.performance.project_scores:
        if known and norm(r.unit_name) not in known:
            by_unit.setdefault(r.unit_name, []).append(r)
    for unit, rows in by_unit.items():
        yield Finding(
            code="P16", severity=ERROR, title="附件主体",
            message=f"自评汇总表: {len(rows)} project(s) of {unit}, which is neither "
            f"{d.meta.entity} nor a unit the 概况 lists",
            expected=d.meta.entity, actual=unit, table="A03", location=rows[0].prov,
            related=tuple(r.prov for r in rows[1:] if r.prov is not None),
        )  # fmt: skip
