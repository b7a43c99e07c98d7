"""The self-evaluation rules (P01–P08, P11, P15, S14): a passing and a failing fixture each
(run by tests/rules/test_rules.py through EVALUATION_CASES), and the real errors read by
hand in seeds 003 and 004 (docs/performance-forms.md §3, §4)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from tests.rules.mutate import change_evaluation, problems, replace_text, seed, set_evaluation_cell
from yujuesuan.model import Disclosure
from yujuesuan.model.findings import Severity

Change = Callable[[Disclosure], Disclosure]


def without_reason(index: int, line: int) -> Change:
    def change(d: Disclosure) -> Disclosure:
        lines = list(d.performance.evaluations[index].lines)
        lines[line] = lines[line].model_copy(update={"reason": ""})
        return change_evaluation(d, index, lines=tuple(lines))

    return change


def with_actual(index: int, line: int, actual: str) -> Change:
    def change(d: Disclosure) -> Disclosure:
        lines = list(d.performance.evaluations[index].lines)
        lines[line] = lines[line].model_copy(update={"actual": actual})
        return change_evaluation(d, index, lines=tuple(lines))

    return change


def report_mended(d: Disclosure) -> Disclosure:
    """Seed 000 with its report's headline “得分为94.94分” saying 94.57, as its tables do (P13)."""
    [report] = d.performance.reports
    statements = tuple(
        s.model_copy(update={"score": s.score.model_copy(update={"raw": "94.57", "value": Decimal("94.57")})})
        if s.dimension is None and s.score is not None
        else s
        for s in report.statements
    )
    fixed = report.model_copy(update={"statements": statements})
    return d.model_copy(update={"performance": d.performance.model_copy(update={"reports": (fixed,)})})


def wrong_group_score(d: Disclosure) -> Disclosure:
    """The report's A2 绩效目标 scored 6.9 instead of 5.9."""
    [report] = d.performance.reports
    items = tuple(
        i.model_copy(
            update={
                "cells": (i.cells[0], i.cells[1].model_copy(update={"raw": "6.9", "value": Decimal("6.9")}))
            }
        )
        if i.code == "A2"
        else i
        for i in report.items
    )
    fixed = report.model_copy(update={"items": items})
    return d.model_copy(update={"performance": d.performance.model_copy(update={"reports": (fixed,)})})


def scope_mended(d: Disclosure) -> Disclosure:
    """Seed 000 with its A01 全年执行数 equal to the tables' (F03 合计 55,753.43; F04 财政拨款
    55,664.72), which S12 finds it is not (58,904.21; 58,627.78)."""
    d = set_evaluation_cell(d, 0, "total", "executed", "55753.43")
    return set_evaluation_cell(d, 0, "gov", "executed", "55664.72")


def scoring_mended(d: Disclosure) -> Disclosure:
    """Seed 003 with the rows P09/P10 find scored by the §5.2 rule: #1 (827) 4.00 and 35.00%,
    #9 (1072) −100.00%."""
    d = set_evaluation_cell(d, 0, 5, "score", "4.00")
    d = set_evaluation_cell(d, 0, 5, "deviation", "35.00%")
    return set_evaluation_cell(d, 8, 6, "deviation", "-100.00%")


# code: (document key of tests/rules/test_rules.py's document(), change, severity)
EVALUATION_CASES: dict[str, tuple[str, Change, Severity]] = {
    "P01": ("003", lambda d: set_evaluation_cell(d, 2, "total", "rate", "82.24"), Severity.ERROR),
    "P02": ("003", lambda d: set_evaluation_cell(d, 0, "gov", "budget", "7"), Severity.ERROR),
    "P03": ("004", lambda d: set_evaluation_cell(d, 1, "total", "balance", "5"), Severity.ERROR),
    "P04": ("003", lambda d: set_evaluation_cell(d, 0, "total", "score", "9"), Severity.WARNING),
    "P05": ("003", lambda d: set_evaluation_cell(d, 0, 4, "score", "12"), Severity.ERROR),
    "P06": ("004-two-annexes", lambda d: set_evaluation_cell(d, 0, 0, "weight", "25"), Severity.ERROR),
    "P07": ("004-two-annexes", lambda d: set_evaluation_cell(d, 0, 0, "score", "19"), Severity.ERROR),
    "P08": ("004", lambda d: change_evaluation(d, 0, grade="良"), Severity.ERROR),
    "P09": ("003-scoring-mended", lambda d: set_evaluation_cell(d, 4, 5, "score", "5"), Severity.WARNING),
    "P10": (
        "003-scoring-mended",
        lambda d: set_evaluation_cell(d, 4, 5, "deviation", "0.00%"),
        Severity.WARNING,
    ),
    "P11": ("004", without_reason(0, 3), Severity.WARNING),
    "P15": (
        "004-funds-mended",
        lambda d: replace_text(d, "一级项目绩效自评个数3个", "一级项目绩效自评个数4个"),
        Severity.ERROR,
    ),
    "P12": ("003", with_actual(0, 7, "60人"), Severity.WARNING),
    "S12": (
        "000-scope-mended",
        lambda d: set_evaluation_cell(d, 0, "total", "executed", "58904.21"),
        Severity.WARNING,
    ),
    "P13": ("000-report-mended", wrong_group_score, Severity.ERROR),
    "S14": ("004", lambda d: set_evaluation_cell(d, 1, "total", "rate", "10"), Severity.INFO),
}


def found(key: str, codes: list[str], severity: Severity) -> set[tuple[str, int | None]]:
    result = problems(seed(key), select=codes)
    return {
        (f.code, f.location.line if f.location else None)
        for f in result.findings
        if f.severity is severity and not f.rounding
    }


def test_real_table_errors_of_seed_003() -> None:
    """Four tables whose 分值 do not add up to 100, their 总分 over Σ得分 by exactly the
    missing points (#9, #25, #27; #6 also lacks its 执行率得分), and two blank 总分."""
    assert found("003", ["P01", "P02", "P03", "P05", "P06", "P07"], Severity.ERROR) == {
        ("P06", 957), ("P06", 1053), ("P06", 1545), ("P06", 1606),
        ("P07", 962), ("P07", 986), ("P07", 1091), ("P07", 1575), ("P07", 1636),
        ("P07", 1152), ("P07", 1181),
    }  # fmt: skip
    [missing] = [
        f for f in problems(seed("003"), select=["P07"]).findings if f.location and f.location.line == 1575
    ]
    assert (missing.expected, missing.actual) == ("88.37", "98.37") and "10 points missing" in missing.message


def test_real_reason_warnings_of_seed_003() -> None:
    """A 0 score with a 0.00% deviation and no reason (1072), “指标值设置偏低” on an
    under-achieved row (1233), and three 资金管理 items below full marks without a problem
    stated (1341, 1432, 1850)."""
    assert found("003", ["P04", "P11"], Severity.WARNING) == {
        ("P11", 1072), ("P11", 1233), ("P11", 1341), ("P11", 1432), ("P11", 1850),
    }  # fmt: skip


def test_full_marks_on_unspent_money_in_seed_003() -> None:
    assert found("003", ["S14"], Severity.INFO) == {("S14", 962), ("S14", 1756), ("S14", 1874)}


def test_narrative_against_annex_in_seed_003() -> None:
    """“自评得分全部在90分及以上，自评结果均为优”, but 就业创业服务补助 scores 88.75 (良)."""
    result = problems(seed("003"), select=["P15"])
    assert {(f.expected, f.location.line if f.location else None) for f in result.findings} == {
        ("全部在90分及以上", 687),
        ("均为优", 687),
    }
    assert all("就业创业服务补助” 88.75" in f.actual for f in result.findings if f.actual)


def test_real_errors_of_seed_004_annex() -> None:
    """附件1 prints Σ分值 97 and a 总分 2.20 over Σ得分; the 一级 projects' “涉及资金4967700元”
    is 40元 short of Σ 年初预算数; the per-project 元 amounts restate the 万元 table within
    its 3 decimals (rounding notes)."""
    assert found("004", ["P"], Severity.ERROR) == {("P06", 639), ("P07", 659), ("P15", 590)}
    result = problems(seed("004"), select=["P15"])
    [funds] = [f for f in result.findings if not f.rounding]
    assert (funds.expected, funds.actual, funds.difference) == ("4,967,740元", "4967700元", "-40")
    notes = sorted(f.actual or "" for f in result.findings if f.rounding)
    assert notes == ["全年预算1007943.96元", "执行数781943.33元"]


def test_seed_002_summary_agrees_with_its_narrative() -> None:
    """4 projects, all 优 with full marks, 涉及预算资金50.32万元 = Σ 全年预算数."""
    assert not problems(seed("002"), select=["P08", "P15"]).findings


def test_indicator_scoring_of_seeds_003_and_004() -> None:
    """003 #1: 660人 against 300-400人 scores 1.75 and deviates 65.00% where the 30% rule
    gives 4.00 and 35.00%; #9: 0万元 against 8万元 prints a 0.00% deviation. 004: three
    targets met (≤49.88万元 → ≤25.65万元 …) that still lose points."""
    assert found("003", ["P09", "P10"], Severity.WARNING) == {("P09", 827), ("P10", 827), ("P10", 1072)}
    assert found("004", ["P09", "P10"], Severity.WARNING) == {("P09", 653), ("P09", 654), ("P09", 729)}


def test_real_errors_of_seed_000_overall_table() -> None:
    """The 执行率得分 9.68 where 10 × 87.08% is 8.71; the 部门整体 “涉及预算资金43626.93万元”
    is F03's 项目支出, none of the A01 table's figures; its 总分 98.74 is restated rightly."""
    assert found("000", ["P"], Severity.WARNING) == {("P04", 1507)}
    assert found("000", ["S12"], Severity.WARNING) == {("S12", 1507), ("S12", 1509)}
    [funds] = problems(seed("000"), select=["P15"]).findings
    assert funds.actual == "43626.93万元" and "67,644.8" in (funds.expected or "")
