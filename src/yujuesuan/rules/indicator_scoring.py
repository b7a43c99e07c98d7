"""How an indicator's 得分 and 偏差度 follow from its 指标值 and 实际完成值 (P09, P10),
RULES.md §5.2. No form prints its scoring method, so these are warnings, and only rows
whose target and result are numbers of one unit (or a word target with a % result) are
judged; anything else is left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.performance import ScoreLine, SelfEvaluation
from yujuesuan.model.tables import CellState
from yujuesuan.recognize.text import norm
from yujuesuan.rules.evaluations import CENT, named
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import fmt, quantum

WARNING = Severity.WARNING
ONE, HUNDRED = Decimal(1), Decimal(100)
# The Henan 2023 项目单位自评表's over-achievement rule (§5.2): a 30% tolerance, then a
# deduction of up to 40% of the points, reached at 100% over the target.
TOLERANCE, CAP, SPAN = Decimal("0.30"), Decimal("0.40"), Decimal("0.70")
_VALUE = re.compile(r"^([≥≤><＞＜=]?)\s*(\d+(?:\.\d+)?)\s*([^\d\s]\S*)?$")
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[-－~～至]\s*(\d+(?:\.\d+)?)\s*([^\d\s]\S*)?$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")


@dataclass(frozen=True)
class Expected:
    """What the rule gives a row: its raw gap ``(实际 − 目标)/目标`` and the 得分, 偏差度."""

    raw: Decimal
    score: Decimal
    deviation: Decimal
    rule: str  # which case of §5.2 applied, for the message


def _number(text: str) -> tuple[str, Decimal, str] | None:
    m = _VALUE.match(norm(text))
    return (m.group(1), Decimal(m.group(2)), m.group(3) or "") if m else None


def expected(x: ScoreLine, weight: Decimal, over_rule: bool) -> Expected | None:
    """The §5.2 reading of a row, or None when its values are not comparable numbers."""
    target, actual = norm(x.adjusted or x.target), norm(x.actual)
    got = _number(actual)
    if got is None:
        return None
    comparator, value, unit = got
    t = _number(target)
    if comparator not in ("", "=") and (t is None or t[0] != comparator):
        return None  # a result “≤25.65万元” is read as 25.65 only under a target “≤49.88万元”
    r = _RANGE.match(target)
    if r is not None:
        low, high, t_unit = Decimal(r.group(1)), Decimal(r.group(2)), r.group(3) or ""
        if t_unit != unit:
            return None
        aim, sense = (high, "≥") if value > high else (low, "≥") if value < low else (value, "=")
    elif t is not None:
        sense, aim, t_unit = t
        if t_unit != unit or aim == 0:
            return None
    elif _PERCENT.match(actual) and not any(ch.isdigit() for ch in target):
        share = value / HUNDRED  # a word target (及时, 有效) scored by a % result
        return Expected(
            share - ONE, weight * min(share, ONE), value - HUNDRED, "a word target scores 分值 × 实际%"
        )
    else:
        return None
    raw = (value - aim) / aim
    if sense in ("≤", "<", "＜"):
        if value <= aim:
            return Expected(Decimal(0), weight, Decimal(0), "the target is met")
        return None  # an upper bound overrun: no form says how it is scored
    if raw < 0:
        return Expected(raw, weight * value / aim, raw * HUNDRED, "a missed target scores 分值 × 实际/目标")
    if not over_rule or raw <= TOLERANCE:
        return Expected(raw, weight, Decimal(0), "the target is met")
    excess = raw - TOLERANCE
    cut = min(CAP, CAP * excess / SPAN)
    return Expected(raw, weight * (ONE - cut), excess * HUNDRED, "over 30% above target loses up to 40%")


_DEVIATION_RULE = {
    "a word target scores 分值 × 实际%": "a word target deviates by 实际 − 100",
    "a missed target scores 分值 × 实际/目标": "a missed target deviates by (实际 − 目标)/目标",
    "the target is met": "a met target deviates by 0",
    "over 30% above target loses up to 40%": "over 30% above target the deviation is (raw − 0.30) × 100",
}


def _rows(d: Disclosure) -> Iterator[tuple[SelfEvaluation, ScoreLine, Expected]]:
    over_rule = d.meta.profile == "final/henan-2023"
    for e in d.performance.evaluations:
        for x in e.block("indicators"):
            w = x.cell("weight")
            if w is None or w.state is not CellState.NUMBER or w.value is None:
                continue
            exp = expected(x, w.value, over_rule and e.form == "A02")
            if exp is not None:
                yield e, x, exp


def _close(printed: Decimal, computed: Decimal) -> bool:
    """Equal at the cent or finer printed precision, or within a cent (truncated, not rounded)."""
    q = min(quantum(printed), CENT)  # 5 printed for a score is 5.00 (its column's precision)
    return printed == computed.quantize(q, ROUND_HALF_UP) or abs(printed - computed) < CENT


@rule("P09", "指标得分规则", WARNING, kinds=("决算",))
def indicator_scores(d: Disclosure) -> Iterator[Finding]:
    """An indicator that meets its target scores its 分值; one that misses it scores
    分值 × 实际/目标; a word target with a % result scores 分值 × 实际%; *H* 2023 项目单位
    自评表: over 30% above the target (the violated bound of a range) the score falls by
    0.40·(raw − 0.30)/0.70 of 分值, at most 40%."""
    for e, x, exp in _rows(d):
        score = x.cell("score")
        if score is None or score.value is None or _close(score.value, exp.score):
            continue
        yield Finding(
            code="P09", severity=WARNING, title="指标得分规则", table=e.form, location=x.prov,
            message=f"{named(e)}: {x.name} ({x.target} → {x.actual}): 得分 {score.raw} of {x.cell('weight').raw}"  # type: ignore[union-attr]
            f", but {exp.rule}: {fmt(exp.score.quantize(CENT, ROUND_HALF_UP))}",
            expected=fmt(exp.score.quantize(CENT, ROUND_HALF_UP)), actual=score.raw,
        )  # fmt: skip


@rule("P10", "偏差度", WARNING, kinds=("决算",))
def deviations(d: Disclosure) -> Iterator[Finding]:
    """偏差度 = (实际 − 目标)/目标 × 100 for a missed target (实际 − 100 for a word target
    with a % result), 0 for one met; *H* 2023 项目单位自评表: (raw − 0.30) × 100 for a
    result more than 30% above its target."""
    for e, x, exp in _rows(d):
        dev = x.cell("deviation")
        if dev is None or dev.value is None or _close(dev.value, exp.deviation):
            continue
        want = exp.deviation.quantize(CENT, ROUND_HALF_UP)
        yield Finding(
            code="P10", severity=WARNING, title="偏差度", table=e.form, location=x.prov,
            message=f"{named(e)}: {x.name} ({x.target} → {x.actual}): 偏差度 {dev.raw}, but {_DEVIATION_RULE[exp.rule]}: {fmt(want)}%",
            expected=fmt(want), actual=dev.raw,
        )  # fmt: skip


# Units a target and its result may be printed in, one for the other (万人 for 人 …).
_CONVERTIBLE = ({"人", "万人"}, {"元", "万元", "亿元"}, {"户", "万户"}, {"人次", "万人次"})


def _unit_of(text: str) -> str | None:
    """The unit of a number (“≥6000人次”, “300-400人”), None for a word or a percentage."""
    t = norm(text)
    m = _RANGE.match(t) or _VALUE.match(t)
    if m is None or t.endswith(("%", "％")):
        return None
    return m.groups()[-1] or ""


@rule("P12", "指标值格式与层级", WARNING, kinds=("决算",))
def value_units(d: Disclosure) -> Iterator[Finding]:
    """A numeric 指标值 and its 实际完成值 are in one unit, or in two that convert (万人 and
    人, 元 and 万元 and 亿元); a % result of a word or date target is not a unit. (The 二级 → 一级
    hierarchy is the fixed map the reader assigns labels by, TABLES.md §3.)"""
    for e in d.performance.evaluations:
        for x in e.block("indicators"):
            target, actual = _unit_of(x.adjusted or x.target), _unit_of(x.actual)
            if target is None or actual is None or target == actual:
                continue
            if not target or not actual or any({target, actual} <= group for group in _CONVERTIBLE):
                continue  # a bare number takes the other's unit
            yield Finding(
                code="P12", severity=WARNING, title="指标值格式与层级", table=e.form, location=x.prov,
                message=f"{named(e)}: {x.name}: 指标值 {x.target} is in {target}, 实际完成值 {x.actual} in {actual}",
                expected=target, actual=actual,
            )  # fmt: skip
