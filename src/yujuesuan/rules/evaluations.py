"""Rules over the self-evaluation tables (A01 部门整体, A02 项目): the funding block's
arithmetic, the points and the total, the reasons (P01–P07, P11), and the soft check of
full marks on money not spent (S14). RULES.md §5 and §8 P, S."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.performance import FUNDING_HEADERS, FundingLine, ScoreLine, SelfEvaluation
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState
from yujuesuan.recognize.text import norm
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge, percent_outcome, quantum

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
HUNDRED = Decimal(100)
# 预算执行率 points where the form prints no 分值 column (A02-S: RULES.md §5.2).
EXECUTION_WEIGHT = Decimal(10)
# “指标值设置偏低”: the reason speaks of the target, not of the result (“通过率偏低”).
_TARGET_SET = r"(?:设置|设定|指标值?|目标值?|目标)[^，。,]{0,3}"
_EMPTY_REASONS = frozenset({"", "无", "-", "—", "/"})


def named(e: SelfEvaluation) -> str:
    """How a finding names a table: its form and project (A02 “就业见习补贴”)."""
    return f"{e.form} “{e.project}”"


def _where(cell: Cell | None, fallback: Provenance | None) -> Provenance | None:
    return cell.prov if cell is not None and cell.prov is not None else fallback


def _printed(cell: Cell | None) -> Decimal | None:
    return cell.value if cell is not None and cell.state is CellState.NUMBER else None


def _finding(
    code: str,
    severity: Severity,
    title: str,
    e: SelfEvaluation,
    message: str,
    at: Provenance | None,
    **kw: object,
) -> Finding:
    return Finding(
        code=code, severity=severity, title=title, message=f"{named(e)}: {message}", table=e.form,
        location=at or e.prov, **kw,
    )  # fmt: skip


CENT = Decimal("0.01")


def as_scores(values: Sequence[Decimal]) -> list[Decimal]:
    """Amounts and scores of these tables are kept to the cent: one printed as 7 or 2.5
    takes that precision (RULES.md §2.1, the column's precision), so its allowance is 0.005."""
    return [v if quantum(v) < CENT else v.quantize(CENT) for v in values]


def _judged(
    code: str,
    title: str,
    e: SelfEvaluation,
    what: str,
    found: Decimal,
    expected: Decimal,
    printed: Sequence[Decimal],
    at: Provenance | None,
    severity: Severity = ERROR,
) -> Iterator[Finding]:
    """``found = expected`` within the allowance of the printed figures."""
    outcome, delta, tau = judge(found, expected, as_scores(printed))
    if outcome is Outcome.PASS:
        return
    rounding = outcome is Outcome.ROUNDING
    yield _finding(
        code, INFO if rounding else severity, title, e,
        f"{what}: {fmt(found)} printed, {fmt(expected)} computed, difference {fmt(delta)}"
        + (f" (within the rounding allowance {fmt(tau)})" if rounding else ""),
        at, expected=fmt(expected), actual=fmt(found), difference=fmt(delta), rounding=rounding,
    )  # fmt: skip


@rule("P01", "执行率", ERROR, kinds=("决算",))
def execution_rates(d: Disclosure) -> Iterator[Finding]:
    """Every funding row of a self-evaluation table: 执行率 = pct(全年执行数, 全年预算数) at
    its printed precision (a 0 budget takes a 0 rate)."""
    for e in d.performance.evaluations:
        for f in e.funds:
            rate, budget, executed = (_printed(f.cell(c)) for c in ("rate", "budget", "executed"))
            if rate is None or budget is None or executed is None:
                continue
            outcome, expected = percent_outcome(rate, executed, budget)
            if outcome is Outcome.PASS:
                continue
            rounding = outcome is Outcome.ROUNDING
            yield _finding(
                "P01", INFO if rounding else ERROR, "执行率", e,
                f"{f.label} 执行率 {fmt(rate)}%, but {fmt(executed)}/{fmt(budget)} is {expected}%",
                _where(f.cell("rate"), f.prov), expected=f"{expected}%", actual=f"{fmt(rate)}%", rounding=rounding,
            )  # fmt: skip


@rule("P02", "资金来源汇总", ERROR, kinds=("决算",))
def funding_sources(d: Disclosure) -> Iterator[Finding]:
    """In each amount column (年初预算数, 全年预算数, 全年执行数, and 目标申报数, 资金结（转）余
    where printed): the 资金总额 row = Σ its source rows (政府性预算资金/财政拨款, 财政专户
    管理资金, 单位资金)."""
    for e in d.performance.evaluations:
        total = e.funding_total
        sources = [f for f in e.funds if f.source is not None]
        if total is None or not sources:
            continue
        for column in ("declared", "initial", "budget", "executed", "balance"):
            found = _printed(total.cell(column))
            parts = [v for f in sources if (v := _printed(f.cell(column))) is not None]
            if found is None or not parts:
                continue
            yield from _judged(
                "P02", "资金来源汇总", e, f"{FUNDING_HEADERS[column]} 资金总额 = Σ 资金来源", found,
                sum(parts, Decimal(0)), [found, *parts], _where(total.cell(column), total.prov),
            )  # fmt: skip


@rule("P03", "结转余", ERROR, kinds=("决算",))
def carry_over(d: Disclosure) -> Iterator[Finding]:
    """Where 资金结（转）余 is printed: 资金结（转）余 = 全年预算数 − 全年执行数."""
    for e in d.performance.evaluations:
        for f in e.funds:
            balance, budget, executed = (_printed(f.cell(c)) for c in ("balance", "budget", "executed"))
            if balance is None or budget is None or executed is None:
                continue
            yield from _judged(
                "P03", "结转余", e, f"{f.label} 资金结（转）余 = 全年预算数 − 全年执行数", balance,
                budget - executed, [balance, budget, executed], _where(f.cell("balance"), f.prov),
            )  # fmt: skip


def _execution_weight(total: FundingLine) -> Decimal:
    return _printed(total.cell("weight")) or EXECUTION_WEIGHT


@rule("P04", "执行率得分", WARNING, kinds=("决算",))
def execution_score(d: Disclosure) -> Iterator[Finding]:
    """The 资金总额 row: 得分 = 分值 × min(执行率, 100%), rounded at the printed precision
    of 得分 (分值 10 where the form prints none). Any score the rounding of 执行率 allows
    passes."""
    for e in d.performance.evaluations:
        total = e.funding_total
        if total is None:
            continue
        score, rate = _printed(total.cell("score")), _printed(total.cell("rate"))
        if score is None or rate is None:
            continue
        weight = _execution_weight(total)
        q = min(quantum(score), Decimal("0.01"))
        half = quantum(rate) / 2
        ends = [
            (weight * min(r, HUNDRED) / HUNDRED).quantize(q, ROUND_HALF_UP)
            for r in (rate - half, rate + half)
        ]
        expected = (weight * min(rate, HUNDRED) / HUNDRED).quantize(q, ROUND_HALF_UP)
        if min(ends) <= score <= max(ends):
            continue
        yield _finding(
            "P04", WARNING, "执行率得分", e,
            f"执行率得分 {fmt(score)}, but {fmt(weight)} × {fmt(rate)}% is {fmt(expected)}",
            _where(total.cell("score"), total.prov), expected=fmt(expected), actual=fmt(score),
            difference=fmt(score - expected),
        )  # fmt: skip


def _scored(e: SelfEvaluation) -> list[tuple[str, Cell | None, Cell | None, Provenance | None]]:
    """(name, 分值, 得分, where) of every scored row: 预算执行率, then the lines."""
    out: list[tuple[str, Cell | None, Cell | None, Provenance | None]] = []
    total = e.funding_total
    if total is not None:
        out.append(("预算执行率", total.cell("weight"), total.cell("score"), total.prov))
    out += [(x.name, x.cell("weight"), x.cell("score"), x.prov) for x in e.lines]
    return out


@rule("P05", "得分范围", ERROR, kinds=("决算",))
def score_range(d: Disclosure) -> Iterator[Finding]:
    """Every scored row: 0 ≤ 得分 ≤ 分值; 总分 ≤ 100."""
    for e in d.performance.evaluations:
        for name, weight, score, at in _scored(e):
            w, s = _printed(weight), _printed(score)
            if s is not None and (s < 0 or (w is not None and s > w)):
                yield _finding(
                    "P05", ERROR, "得分范围", e, f"{name}: 得分 {fmt(s)} is outside 0…{fmt(w or Decimal(0))}",
                    _where(score, at), expected=f"0 ≤ 得分 ≤ {fmt(w or Decimal(0))}", actual=fmt(s),
                )  # fmt: skip
        t = _printed(e.total)
        if t is not None and not 0 <= t <= HUNDRED:
            yield _finding("P05", ERROR, "得分范围", e, f"总分 {fmt(t)} is outside 0…100",
                           _where(e.total, e.prov), expected="0 ≤ 总分 ≤ 100", actual=fmt(t))  # fmt: skip


def weights(e: SelfEvaluation) -> tuple[Decimal, list[Decimal]]:
    """(Σ 分值, the printed 分值) over the scored rows; 预算执行率 counts 10 where no 分值 is printed."""
    printed = [w for _, weight, _, _ in _scored(e) if (w := _printed(weight)) is not None]
    total = e.funding_total
    implied = [EXECUTION_WEIGHT] if total is not None and _printed(total.cell("weight")) is None else []
    return sum(printed + implied, Decimal(0)), printed


@rule("P06", "分值合计", ERROR, kinds=("决算",))
def weight_sum(d: Disclosure) -> Iterator[Finding]:
    """Σ 分值 = 100 over all scored rows: 预算执行率 (10, also where the form prints no
    分值), 资金管理情况 and every indicator (RULES.md §5.2)."""
    for e in d.performance.evaluations:
        if not e.lines:
            continue
        found, _ = weights(e)
        if found != HUNDRED:  # points are set, not computed: they add up exactly
            yield _finding(
                "P06", ERROR, "分值合计", e, f"Σ 分值 of the scored rows is {fmt(found)}, not 100",
                e.prov, expected="100", actual=fmt(found), difference=fmt(found - HUNDRED),
            )  # fmt: skip


@rule("P07", "总分", ERROR, kinds=("决算",))
def total_score(d: Disclosure) -> Iterator[Finding]:
    """总分 = Σ 得分 over all scored rows (预算执行率 + 资金管理 + 指标), and both 总分 and the
    预算执行率 得分 are printed. When Σ 分值 ≠ 100 (P06) and 总分 exceeds Σ 得分 by exactly
    the missing points, the finding says so: a row was probably lost or left out."""
    for e in d.performance.evaluations:
        total = e.funding_total
        if total is not None and _printed(total.cell("score")) is None:
            yield _finding("P07", ERROR, "总分", e, "the 预算执行率 得分 is not printed",
                           _where(total.cell("score"), total.prov), expected="a 得分", actual="blank")  # fmt: skip
        scores = [s for _, _, score, _ in _scored(e) if (s := _printed(score)) is not None]
        computed = sum(scores, Decimal(0))
        found = _printed(e.total)
        if found is None:
            yield _finding("P07", ERROR, "总分", e, f"总分 is not printed; Σ 得分 is {fmt(computed)}",
                           _where(e.total, e.prov), expected=fmt(computed), actual="blank")  # fmt: skip
            continue
        findings = list(
            _judged(
                "P07",
                "总分",
                e,
                "总分 = Σ 得分",
                found,
                computed,
                as_scores([found, *scores]),
                _where(e.total, e.prov),
            )
        )
        missing = HUNDRED - weights(e)[0]
        for f in findings:
            if missing and f.severity is ERROR and found - computed == missing:
                f = f.model_copy(
                    update={
                        "message": f.message
                        + f"; that is the {fmt(missing)} points missing from Σ 分值 (P06)"
                    }
                )
            yield f


def _reason_given(text: str) -> bool:
    return norm(text) not in _EMPTY_REASONS


def _deviates(x: ScoreLine) -> bool:
    dev = _printed(x.cell("deviation"))
    w, s = _printed(x.cell("weight")), _printed(x.cell("score"))
    return bool(dev) or (w is not None and s is not None and s < w)


@rule("P11", "偏差原因", WARNING, kinds=("决算",))
def deviation_reasons(d: Disclosure) -> Iterator[Finding]:
    """An indicator whose 偏差度 ≠ 0 or 得分 < 分值 gives its 偏差原因; a 资金管理 item with
    得分 < 分值 gives its 存在问题和改进措施 (“无” gives none); a reason that calls the target
    偏低 on an under-achieved row (偏高 on an over-achieved one) contradicts the sign."""
    for e in d.performance.evaluations:
        for x in e.lines:
            if _deviates(x) and not _reason_given(x.reason):
                what = "存在问题和改进措施" if x.block == "funds" else "偏差原因分析"
                yield _finding(
                    "P11", WARNING, "偏差原因", e,
                    f"{x.name}: 得分 {x.cell('score') and x.cell('score').raw} of {x.cell('weight') and x.cell('weight').raw}"  # type: ignore[union-attr]
                    + (f", 偏差度 {x.cell('deviation').raw}" if x.cell("deviation") else "")  # type: ignore[union-attr]
                    + f", but no {what} is given",
                    x.prov, expected=f"a {what}", actual=x.reason or "blank",
                )  # fmt: skip
            dev = _printed(x.cell("deviation"))
            if dev is not None and dev != 0:
                wrong = "偏低" if dev < 0 else "偏高"
                if re.search(_TARGET_SET + wrong, x.reason):
                    yield _finding(
                        "P11", WARNING, "偏差原因", e,
                        f"{x.name}: 偏差度 {x.cell('deviation').raw} ({'under' if dev < 0 else 'over'}-achieved), "  # type: ignore[union-attr]
                        f"but the reason says the target was set {wrong}: “{x.reason}”",
                        x.prov, expected="偏高" if dev < 0 else "偏低", actual=x.reason,
                    )  # fmt: skip


# Below this 执行率 (per cent), full marks on every result indicator are implausible.
LOW_EXECUTION = Decimal(60)


@rule("S14", "零执行满分", INFO, kinds=("决算",))
def full_marks_unspent(d: Disclosure) -> Iterator[Finding]:
    """A project with 执行率 below 60% (or nothing spent) whose 产出, 效益 and 成本 indicators
    all score their full 分值."""
    for e in d.performance.evaluations:
        total = e.funding_total
        rate = _printed(total.cell("rate")) if total is not None else None
        if rate is None or rate >= LOW_EXECUTION:
            continue
        results = [x for x in e.block("indicators") if not (x.category or "").startswith("满意")]
        if results and all(
            (w := _printed(x.cell("weight"))) is not None and _printed(x.cell("score")) == w for x in results
        ):
            yield _finding(
                "S14", INFO, "零执行满分", e,
                f"执行率 {fmt(rate)}%, yet all {len(results)} 产出/效益/成本 indicators score full marks",
                total.prov if total else None, actual=f"{fmt(rate)}%",
            )  # fmt: skip


# (A01 funding row, its column, table, row, column, what the table's figure is)
_SCOPE = (
    (None, "executed", "F03", "total", "c1", "支出决算表 合计"),
    ("gov", "executed", "F04", "r59", "c2", "财政拨款 本年支出合计"),
)


@rule("S12", "附件口径", WARNING, kinds=("决算",))
def annex_scope(d: Disclosure) -> Iterator[Finding]:
    """The 部门整体 table (A01) against the tables: 全年执行数 = F03[合计].c1 and the 财政拨款
    全年执行数 = F04.r59.c2. A difference may have a scope the document does not state (a
    transfer counted in one and not the other), so it is a warning."""
    for e in d.performance.evaluations:
        if e.form != "A01":
            continue
        for source, column, tid, key, table_column, what in _SCOPE:
            row = next((f for f in e.funds if f.source == source), None)
            table = d.table(tid)
            mine = _printed(row.cell(column)) if row else None
            theirs = table.value(key, table_column) if table else None
            if mine is None or theirs is None:
                continue
            outcome, delta, _ = judge(mine, theirs, as_scores([mine, theirs]))
            if outcome is Outcome.FAIL:
                yield _finding(
                    "S12", WARNING, "附件口径", e,
                    f"{row.label if row else ''} 全年执行数 {fmt(mine)}, but the {what} ({tid}) is {fmt(theirs)}",
                    _where(row.cell(column) if row else None, e.prov), expected=fmt(theirs), actual=fmt(mine),
                    difference=fmt(delta),
                )  # fmt: skip
