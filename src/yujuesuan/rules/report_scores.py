"""P13: an evaluation report's (A04) score tables add up, and its sentences restate them.
RULES.md §8 P13, TABLES.md §3 A04."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.performance import EvaluationReport, ReportItem
from yujuesuan.model.provenance import Provenance
from yujuesuan.rules.evaluations import as_scores
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge, percent_outcome

ERROR, INFO = Severity.ERROR, Severity.INFO
TITLE = "评价报告分值表"


def _p13(
    report: EvaluationReport, message: str, at: Provenance | None, rounding: bool = False, **kw: str
) -> Finding:
    return Finding(
        code="P13", severity=INFO if rounding else ERROR, title=TITLE, table="A04", rounding=rounding,
        message=f"{report.title}: {message}", location=at or report.prov, **kw,
    )  # fmt: skip


def _sum(
    report: EvaluationReport, what: str, found: ReportItem, parts: Sequence[ReportItem], column: str
) -> Iterator[Finding]:
    value = found.value(column)
    values = [v for p in parts if (v := p.value(column)) is not None]
    if value is None or not values:
        return
    expected = sum(values, Decimal(0))
    outcome, delta, _ = judge(value, expected, as_scores([value, *values]))
    if outcome is not Outcome.PASS:
        header = "分值" if column == "weight" else "得分"
        yield _p13(
            report, f"{what} {header}: {fmt(value)} printed, Σ {fmt(expected)}", found.prov,
            rounding=outcome is Outcome.ROUNDING, expected=fmt(expected), actual=fmt(value), difference=fmt(delta),
        )  # fmt: skip


def _rate(report: EvaluationReport, item: ReportItem) -> Iterator[Finding]:
    weight, score = item.value("weight"), item.value("score")
    if not item.rate or weight is None or score is None:
        return
    printed = Decimal(item.rate.rstrip("%"))
    outcome, expected = percent_outcome(printed, score, weight)
    if outcome is not Outcome.PASS:
        yield _p13(
            report, f"{item.name} 得分率 {item.rate}, {fmt(score)}/{fmt(weight)} is {expected}%", item.prov,
            rounding=outcome is Outcome.ROUNDING, expected=f"{expected}%", actual=item.rate,
        )  # fmt: skip


def _same(
    report: EvaluationReport, what: str, printed: Decimal | None, table: Decimal | None, at: Provenance | None
) -> Iterator[Finding]:
    if printed is not None and table is not None and printed != table:
        yield _p13(report, f"{what}: {fmt(printed)} stated, the table gives {fmt(table)}", at,
                   expected=fmt(table), actual=fmt(printed), difference=fmt(printed - table))  # fmt: skip


@rule("P13", TITLE, ERROR, kinds=("决算",))
def report_scores(d: Disclosure) -> Iterator[Finding]:
    """In each 绩效评价报告: Σ 二级 (分值, 得分) = their 合计 = the dimension's 表3-2 row;
    Σ dimensions = 综合绩效; 得分率 = pct(得分, 分值) at its printed precision; a sentence
    “{X}指标包含n个二级指标…共计S分，得s分，得分率r%” has n = the dimension's 二级 rows and S, s,
    r = its row; the headline “得分为s分” = 综合绩效 得分 = each 表3-1 score."""
    for report in d.performance.reports:
        by_code = {i.code: i for i in report.items}
        dimensions = [i for i in report.items if i.parent is None and i.code != "total"]
        for dim in dimensions:
            groups = [i for i in report.items if i.parent == dim.code and not i.code.endswith("/total")]
            subtotal = by_code.get(f"{dim.code}/total")
            for column in ("weight", "score"):
                if subtotal is not None:
                    yield from _sum(report, f"表3-2-k {dim.name} 合计", subtotal, groups, column)
                yield from _sum(report, f"表3-2 {dim.name}", dim, groups, column)
            yield from _rate(report, dim)
        total = by_code.get("total")
        if total is not None:
            for column in ("weight", "score"):
                yield from _sum(report, "综合绩效", total, dimensions, column)
            yield from _rate(report, total)
        overall = total.value("score") if total else None
        for result in report.results:
            yield from _same(report, f"表3-1 {result.name}", result.score.value, overall, result.prov)
        for s in report.statements:
            if s.dimension is None:
                yield from _same(
                    report, "the report's score", s.score.value if s.score else None, overall, s.prov
                )
                continue
            dim_row = by_code.get(s.dimension)
            if dim_row is None:
                continue
            count = sum(1 for i in report.items if i.parent == s.dimension and not i.code.endswith("/total"))
            if s.groups is not None and s.groups != count:
                yield _p13(report, f"“{s.text}”: {count} 二级 rows are printed", s.prov,
                           expected=str(count), actual=str(s.groups))  # fmt: skip
            for column, header, stated in (("weight", "分值", s.weight), ("score", "得分", s.score)):
                value = stated.value if stated else None
                yield from _same(report, f"{dim_row.name} {header}", value, dim_row.value(column), s.prov)
            if s.rate and dim_row.rate and s.rate != dim_row.rate:
                yield _p13(report, f"{dim_row.name} 得分率 {s.rate} stated, the table gives {dim_row.rate}", s.prov,
                           expected=dim_row.rate, actual=s.rate)  # fmt: skip
