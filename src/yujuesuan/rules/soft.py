"""S rules: soft plausibility. Never errors: things a reviewer should glance at."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.tables import Unit
from yujuesuan.narrative.claims import Claim
from yujuesuan.rules.narrative import expected_value, reads
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import fmt, percent

WARNING, INFO = Severity.WARNING, Severity.INFO


def _claim_finding(code: str, sev: Severity, title: str, c: Claim, message: str, **kw: str | None) -> Finding:
    return Finding(code=code, severity=sev, title=title, message=message, location=c.prov, **kw)


def _stated(d: Disclosure, ending: tuple[str, ...], unit: str | None = None) -> Claim | None:
    for r in reads(d):
        for c in r.claims:
            if c.before.endswith(ending) and (unit is None or c.unit == unit):
                return c
    return None


@rule("S01", "机关运行经费 ≤ 公用经费", WARNING, tables=("F06",))
def admin_within_public(d: Disclosure) -> Iterator[Finding]:
    """机关运行经费 (as the narrative states it) ≤ F06.公用经费合计.b: it is paid from the
    basic 公用经费 of 行政单位 and 参公 units."""
    c = _stated(d, ("机关运行经费支出",))
    if c is None or not c.is_money:
        return
    exp = expected_value("F06.public_total.b", d, c.unit)
    if exp is not None and abs(c.value) > exp[0]:
        yield _claim_finding("S01", WARNING, "机关运行经费 ≤ 公用经费", c,
                             f"机关运行经费 {c.raw}{c.unit} exceeds 公用经费 {fmt(exp[0])}{c.unit} of F06",
                             expected=f"≤ {fmt(exp[0])}", actual=c.raw)  # fmt: skip


@rule("S03", "车辆数", WARNING)
def vehicles_held(d: Disclosure) -> Iterator[Finding]:
    """The 公务用车保有量 of the “三公” section is not more than the 车辆总数 of 国有资产占用."""
    held = _stated(d, ("公务用车保有量为", "公务用车保有量共", "公务用车保有量"), "辆")
    total = _stated(d, ("共有车辆",), "辆")
    if held is not None and total is not None and held.value > total.value:
        yield _claim_finding("S03", WARNING, "车辆数", held,
                             f"公务用车保有量 {held.raw}辆 is more than the {total.raw}辆 of 国有资产占用",
                             expected=f"≤ {total.raw}", actual=held.raw)  # fmt: skip


@rule("S04", "三公超预算", WARNING, tables=("F07",))
def three_public_over_budget(d: Disclosure) -> Iterator[Finding]:
    """“三公” 决算 above its 预算 (c7 > c1, or an item's 决算 above its 预算): the budgets are ceilings."""
    t = d.table("F07")
    row = t.row("total") if t else None
    if row is None:
        return
    for spent, budget, name in (("c7", "c1", "合计"), ("c8", "c2", "因公出国（境）费"), ("c9", "c3", "公务用车购置及运行维护费"),
                                ("c12", "c6", "公务接待费")):  # fmt: skip
        a, b = row.value(spent), row.value(budget)
        if a is not None and a > (b or Decimal(0)):
            cell = row.cell(spent)
            yield Finding(code="S04", severity=WARNING, title="三公超预算", table="F07", row="total", column=spent,
                          message=f"“三公” {name}: 决算 {fmt(a)} exceeds 预算 {fmt(b or Decimal(0))}",
                          expected=f"≤ {fmt(b or Decimal(0))}", actual=fmt(a), location=cell.prov if cell else None)  # fmt: skip


@rule("S05", "零变动措辞", INFO)
def zero_change(d: Disclosure) -> Iterator[Finding]:
    """A zero change written with a verb (“增加0.00万元，增长0.00%”): write “持平”."""
    for r in reads(d):
        for c in r.claims:
            if c.is_money and c.is_change and c.direction and c.value == 0:
                yield _claim_finding("S05", INFO, "零变动措辞", c, f"“{c.before[-10:]}{c.raw}{c.unit}” for no change",
                                     expected="持平", actual=c.raw)  # fmt: skip


@rule("S06", "极端比例", INFO)
def extreme_rates(d: Disclosure) -> Iterator[Finding]:
    """A completion rate above 300% or below 30%, or a year-on-year change beyond ±50%."""
    for r in reads(d):
        for i, c in enumerate(r.claims):
            p = c if c.is_percent else None
            if p is None:
                continue
            completion = "完成" in p.before and "预算" in p.before
            change = p.direction is not None and not p.before.endswith(("占", "占比"))
            if (completion and p.value and (p.value > 300 or p.value < 30)) or (change and abs(p.value) > 50):
                yield _claim_finding("S06", INFO, "极端比例", p, f"“{p.before[-12:]}{p.raw}%” is far from the usual range",
                                     actual=f"{p.raw}%")  # fmt: skip
            _ = i


@rule("S07", "负数金额", WARNING)
def negative_amounts(d: Disclosure) -> Iterator[Finding]:
    """A negative amount in a table cell."""
    for t in d.tables:
        for r in t.rows:
            for c in r.cells:
                if c.value is not None and c.value < 0:
                    yield Finding(code="S07", severity=WARNING, title="负数金额", table=t.id, row=r.key, column=c.column,
                                  message=f"{t.id} {r.code or r.key} prints a negative amount {c.raw}",
                                  expected="≥ 0", actual=c.raw, location=c.prov)  # fmt: skip


@rule("S08", "元文件尾差", INFO)
def rounding_in_yuan(d: Disclosure) -> Iterator[Finding]:
    """Differences explained by rounding in a document kept in 元, where figures should be exact."""
    if d.meta.unit is not Unit.YUAN:
        return
    from yujuesuan.rules.registry import all_rules

    for r in all_rules():
        if r.code.startswith(("F0", "F1", "FX")) and r.code != "S08":
            for f in r.check(d):
                if f.rounding:
                    yield f.model_copy(update={"code": "S08", "title": "元文件尾差", "rounding": False,
                                               "message": f"{f.code}: {f.message} — a document in 元 should be exact"})  # fmt: skip


@rule("S10", "绩效覆盖率", WARNING, tables=("F03",))
def coverage_claims(d: Disclosure) -> Iterator[Finding]:
    """“实现绩效自评100%” while the funds evaluated, over F03[合计].c3, are less than 100%."""
    for r in reads(d):
        for c in r.claims:
            if not (c.is_money and c.before.endswith(("涉及预算资金", "共涉及资金"))):
                continue
            exp = expected_value("F03.total.c3", d, c.unit)
            if exp is None or not exp[0]:
                continue
            real = percent(abs(c.value), exp[0], 2)
            # “占…项目支出总额的p%” printed wrongly is N26's; this is the “实现绩效自评100%” slogan
            claims_full = "实现绩效自评" in c.sentence and "100%" in c.sentence
            if claims_full and real < 100:
                yield _claim_finding("S10", WARNING, "绩效覆盖率", c,
                                     f"coverage is claimed as 100% but {c.raw}/{fmt(exp[0])} is {fmt(real)}%",
                                     expected=f"{fmt(real)}%", actual="100%")  # fmt: skip


# function 项 whose spending is the social-insurance item of the same name (RULES.md S02)
_PAIRS = (
    ("2080505", ("30108",)),
    ("2080506", ("30109",)),
    ("2210201", ("30113",)),
    ("21011", ("30110", "30111")),
)


@rule("S02", "社保缴费对应", INFO, tables=("F05", "F06"))
def insurance_pairs(d: Disclosure) -> Iterator[Finding]:
    """F05[2080505].c2 ≈ F06[30108]; F05[2080506].c2 ≈ F06[30109]; Σ F05[21011xx].c2 ≈
    F06[30110] + F06[30111]; F05[2210201].c2 ≈ F06[30113] (basic parts). Often equal in budgets,
    not necessarily in 决算: a note only."""
    f05, f06 = d.table("F05"), d.table("F06")
    if f05 is None or f06 is None:
        return
    for code, econ in _PAIRS:
        row = f05.row(code) or next((r for r in f05.rows if r.code == code), None)
        spent = row.value("c2") if row else None
        paid = [f06.value(e, "b") for e in econ]
        if spent is None or any(p is None for p in paid):
            continue
        total = sum((p for p in paid if p is not None), Decimal(0))
        if spent != total:
            yield Finding(code="S02", severity=INFO, title="社保缴费对应", table="F05", row=code,
                          message=f"F05 {code} 基本支出 {fmt(spent)} vs F06 {'+'.join(econ)} {fmt(total)}",
                          expected=fmt(total), actual=fmt(spent), difference=fmt(spent - total),
                          location=row.prov if row else None)  # fmt: skip
