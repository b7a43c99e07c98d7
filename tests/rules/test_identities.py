"""Every identity rule: real seeds pass; the same seed with one number changed fails."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import BUDGET_SEED, JIANGSU, SEEDS, SHANGHAI, SHANGHAI_PDFS
from tests.rules.mutate import codes, pdf, problems, seed, shift
from yujuesuan.model import Disclosure
from yujuesuan.model.findings import Severity
from yujuesuan.rules.identities import specs
from yujuesuan.rules.tolerance import Outcome, judge

ONE = Decimal("1.00")
IDENTITY_CODES = sorted({s.code for s in specs() if s.profile != "budget/henan"})
HENAN_CODES = sorted(
    {s.code for s in specs() if s.profile in ("budget/henan", None) and s.code.startswith("B")}
)


def putuo() -> Disclosure:
    return pdf(SHANGHAI / SHANGHAI_PDFS["shanghai-putuo"])


def rows_printed_in(d: Disclosure, source: str, target: str, variant: str | None = None) -> Disclosure:
    """``d`` with table ``source``'s rows printed in table ``target`` (which had none)."""
    rows = d.table(source)
    assert rows is not None and d.table(target) is not None
    moved = rows.model_copy(update={"id": target, "variant": variant or rows.variant})
    return d.model_copy(update={"tables": tuple(moved if t.id == target else t for t in d.tables)})


def f09_with_rows() -> Disclosure:
    """Seed 000 with its 政府性基金 rows printed in a 6-column 国有资本经营 table."""
    return rows_printed_in(seed("000"), "F08", "F09", "income-and-expenditure")


def jiangsu() -> Disclosure:
    """江苏省委办公厅 2019: eleven budget tables, all identities hold."""
    return pdf(JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2019年度部门预算公开表格.pdf")


def b10_with_rows() -> Disclosure:
    """The Jiangsu tables with the 一般公共预算 rows printed in the (empty) 政府性基金 table."""
    return rows_printed_in(jiangsu(), "B05", "B10")


def henan() -> Disclosure:
    """Seed 001 (Henan 2025 budget) with its one real table error mended: the income side
    of 预算04表 prints 11,493.11 where 12,593.11 balances it (B04-03, BX-04)."""
    d = pdf(SEEDS / BUDGET_SEED)
    for row in ("in.total", "in.current", "in.gpb", "in.gpb.fiscal"):
        d = shift(d, "B04", row, "in", Decimal("1100.00"))
    return d


def henan_b10() -> Disclosure:
    return rows_printed_in(henan(), "B05", "B10")


def henan_b11() -> Disclosure:
    return rows_printed_in(henan(), "B05", "B11")


# code: (document, table, row, column, change), on the Henan tables (keys: unit/code)
HENAN_BREAK: dict[str, tuple[object, str, str, str, Decimal]] = {
    "B01-01": (henan, "B01", "in.subtotal", "c1", ONE),
    "B01-02": (henan, "B01", "in.total", "c1", ONE),
    "B01-03": (henan, "B01", "208", "c1", ONE),
    "B01-04": (henan, "B01", "out.total", "c1", ONE),
    "B01-05": (henan, "B01", "out.total", "c1", ONE),
    "B02-01": (henan, "B02", "total", "c2", ONE),
    "B02-02": (henan, "B02", "503001", "c1", ONE),
    "B03-01": (henan, "B03", "503001/2080101", "c4", ONE),
    "B03-02": (henan, "B03", "503001/2080101", "c1", ONE),
    "B04-01": (henan, "B04", "in.gpb", "in", ONE),
    "B04-02": (henan, "B04", "208", "c1", ONE),
    "B04-03": (henan, "B04", "out.total", "c1", ONE),
    "B04-04": (henan, "B04", "208", "c5", ONE),
    "B05-01": (henan, "B05", "503001/2080101", "c3", ONE),
    "B05-02": (henan, "B05", "503001/2080101", "c1", ONE),
    "B06-01": (henan, "B06", "30101/50101", "c2", ONE),
    "B06-02": (henan, "B06", "30101/50101", "c1", ONE),
    "B07-01": (henan, "B07", "503001/1", "c1", ONE),
    "B08-01": (henan, "B08", "503001/30101/50101", "c4", ONE),
    "B08-02": (henan, "B08", "503001/30101/50101", "c1", ONE),
    "B09-01": (henan, "B09", "total", "c3", ONE),
    "B10-01": (henan_b10, "B10", "503001/2080101", "c3", ONE),
    "B10-02": (henan_b10, "B10", "503001/2080101", "c1", ONE),
    "B11-01": (henan_b11, "B11", "503001/2080101", "c3", ONE),
    "B11-02": (henan_b11, "B11", "503001/2080101", "c1", ONE),
    "B12-01": (henan, "B12", "503001/1", "c2", ONE),
    "B12-02": (henan, "B12", "503001/1", "c1", ONE),
    "B13-01": (henan, "B13", "30201", "c1", ONE),
    "BX-01": (henan, "B02", "total", "c6", ONE),
    "BX-02": (henan, "B03", "503001/2101101", "c1", ONE),
    "BX-03": (henan, "B03", "503001", "c1", ONE),
    "BX-04": (henan, "B04", "in.gpb", "in", ONE),
    "BX-05": (henan, "B05", "total", "c1", ONE),
    "BX-06": (henan, "B05", "503001/2080101", "c1", ONE),
    "BX-07": (henan, "B06", "total", "c1", ONE),
    "BX-08": (henan, "B07", "503001/1", "c1", ONE),
    "BX-09": (henan, "B08", "503001", "c1", ONE),
    "BX-10": (henan, "B09", "total", "c7", ONE),
    "BX-11": (henan, "B10", "total", "c1", ONE),
    "BX-12": (henan, "B12", "503001/1", "c1", ONE),
    "BX-13": (henan, "B13", "30201", "c1", Decimal("1000.00")),
}


# code: (document, table, row, column, change)
BREAK: dict[str, tuple[object, str, str, str, Decimal]] = {
    "B01-01": (jiangsu, "B01", "in.subtotal", "c1", ONE),
    "B01-02": (jiangsu, "B01", "in.total", "c1", ONE),
    "B01-03": (jiangsu, "B01", "201", "c1", ONE),
    "B01-04": (jiangsu, "B01", "out.total", "c1", ONE),
    "B01-05": (jiangsu, "B01", "out.total", "c1", ONE),
    "B02-03": (jiangsu, "B02", "gpb.grant", "c1", ONE),
    "B03-01": (jiangsu, "B03", "total", "c5", ONE),
    "B04-01": (jiangsu, "B04", "in.fund", "c1", ONE),
    "B04-02": (jiangsu, "B04", "use.reserve", "c1", ONE),
    "B04-03": (jiangsu, "B04", "use.total", "c1", ONE),
    "B05-02": (jiangsu, "B05", "2013101", "c1", ONE),
    "B06-02": (jiangsu, "B06", "30101", "b", ONE),
    "B09-01": (jiangsu, "B09", "total", "c3", ONE),
    "B09-02": (jiangsu, "B09", "total", "c8", ONE),
    "B10-02": (b10_with_rows, "B10", "2013101", "c1", ONE),
    "B13-01": (jiangsu, "B13", "30201", "b", ONE),
    "B16-01": (jiangsu, "B16", "2013101", "c1", ONE),
    "B17-01": (jiangsu, "B17", "30101", "b", ONE),
    "B18-01": (jiangsu, "B18", "C/1/1", "c1", ONE),  # a 品目 row: its subtotal no longer adds up
    "BX-01": (jiangsu, "B02", "special", "c1", ONE),
    "BX-04": (jiangsu, "B04", "in.gpb", "c1", ONE),
    "BX-05": (jiangsu, "B05", "total", "c1", ONE),
    "BX-10": (jiangsu, "B06", "30217", "b", Decimal("1000.00")),
    "BX-11": (jiangsu, "B10", "total", "c1", ONE),
    "BX-13": (jiangsu, "B13", "30201", "b", Decimal("1000.00")),
    "BX-16": (jiangsu, "B16", "total", "c1", ONE),
    "BX-17": (jiangsu, "B06", "30101", "b", Decimal("10000.00")),
    "BX-18": (jiangsu, "B03", "total", "c2", ONE),
    "F01-01": ("000", "F01", "r27", "c1", ONE),
    "F01-02": ("000", "F01", "r31", "c1", ONE),
    "F01-03": ("000", "F01", "r58", "c2", ONE),
    "F01-04": ("000", "F01", "r62", "c2", ONE),
    "F01-05": ("000", "F01", "r62", "c2", ONE),
    "F02-01": ("000", "F02", "2050302", "c2", ONE),
    "F02-02": ("000", "F02", "2050302", "c1", ONE),
    "F03-01": ("000", "F03", "2050302", "c2", ONE),
    "F03-02": ("000", "F03", "2050302", "c1", ONE),
    "F04-01": ("000", "F04", "r27", "c1", ONE),
    "F04-02": ("000", "F04", "r28", "c1", ONE),
    "F04-03": ("000", "F04", "r32", "c1", ONE),
    "F04-04": ("000", "F04", "r37", "c3", ONE),
    "F04-05": ("000", "F04", "r59", "c3", ONE),
    "F04-06": ("000", "F04", "r64", "c4", ONE),
    "F04-07": ("000", "F04", "r64", "c2", ONE),
    "F04-08": ("000", "F04", "r29", "c1", ONE),
    "F05-01": ("000", "F05", "2050302", "c2", ONE),
    "F05-02": ("000", "F05", "205", "c1", ONE),
    "F06-01": ("000", "F06", "30101", "b", ONE),
    "F06-02": ("000", "F06", "personnel_total", "b", ONE),
    "F06-03": ("000", "F06", "public_total", "b", ONE),
    "F06-04": ("004", "F06", "30101", "b", Decimal("1000000.00")),
    "F07-01": ("000", "F07", "total", "c1", ONE),
    "F07-02": ("000", "F07", "total", "c4", ONE),
    "F08-01": ("000", "F08", "2120815", "c4", ONE),
    "F08-02": ("000", "F08", "2120815", "c6", ONE),
    "F08-03": ("000", "F08", "212", "c2", ONE),
    "F09-01": ("000", "F09", "total", "c4", ONE),
    "F09-02": (putuo, "F09", "total", "c1", ONE),
    "F09-03": (f09_with_rows, "F09", "212", "c2", ONE),
    "F10-01": ("004", "F10", "r2", "c1", ONE),
    "F10-02": ("004", "F10", "r8", "c1", Decimal("1")),
    "FX-01": ("000", "F02", "total", "c1", ONE),
    "FX-02": ("000", "F01", "r8", "c1", ONE),
    "FX-03": ("000", "F03", "total", "c1", ONE),
    "FX-04": ("000", "F03", "205", "c1", ONE),
    "FX-05": ("000", "F04", "r1", "c1", ONE),
    "FX-06": ("000", "F04", "r27", "c1", ONE),
    "FX-07": ("000", "F05", "total", "c1", ONE),
    "FX-08": ("000", "F08", "total", "c2", ONE),
    "FX-09": ("000", "F09", "total", "c3", ONE),
    "FX-10": ("000", "F05", "total", "c2", ONE),
    "FX-11": ("000", "F05", "2050302", "c1", Decimal("1000.00")),
    "FX-13": ("000", "F04", "r27", "c1", Decimal("100000.00")),
    "FX-14": ("000", "F06", "30217", "b", Decimal("100.00")),
}


WARNINGS = {"FX-14", "BX-10", "BX-13"}


def test_every_identity_has_a_failing_fixture() -> None:
    assert sorted(BREAK) == sorted(IDENTITY_CODES)


def test_every_henan_identity_has_a_failing_fixture() -> None:
    assert sorted(HENAN_BREAK) == HENAN_CODES


CASES = [(code, BREAK[code]) for code in sorted(BREAK)] + [
    (code, HENAN_BREAK[code]) for code in sorted(HENAN_BREAK)
]


@pytest.mark.parametrize(
    ("code", "case"),
    CASES,
    ids=[f"{c}-{'henan' if i >= len(BREAK) else 'x'}" for i, (c, _) in enumerate(CASES)],
)
def test_identity_fails_when_one_number_changes(
    code: str, case: tuple[object, str, str, str, Decimal]
) -> None:
    doc, table, row, column, change = case
    d = seed(doc) if isinstance(doc, str) else doc()  # type: ignore[operator]
    before = problems(d, select=[code])
    assert code not in codes(before)
    broken = problems(shift(d, table, row, column, change), select=[code])
    hits = [f for f in broken.findings if f.code == code and not f.rounding]
    assert hits, f"{code} did not fire"
    want = Severity.WARNING if code in WARNINGS else Severity.ERROR
    assert all(f.severity is want for f in hits)
    assert hits[0].expected is not None and hits[0].actual is not None and hits[0].difference is not None
    assert hits[0].location is not None


@pytest.mark.parametrize("doc", ["000", "002", "003", "004", "putuo", "jiangsu", "henan"])
def test_real_documents_balance_within_rounding(doc: str) -> None:
    d = {"putuo": putuo, "jiangsu": jiangsu, "henan": henan}.get(doc, lambda: seed(doc))()
    result = problems(d, select=sorted(set(IDENTITY_CODES) | set(HENAN_CODES)))
    assert [f.message for f in result.findings if not f.rounding] == []


def test_rounding_difference_is_info_with_values() -> None:
    result = problems(seed("000"), select=["F01-01"])
    [f] = result.findings
    assert f.rounding and f.severity is Severity.INFO
    assert (f.actual, f.expected, f.difference) == ("55,675.62", "55,675.61", "0.01")
    assert f.location is not None and f.location.line == 217


def test_tolerance_worked_example() -> None:
    """RULES.md §2: 100.01 against 33.33 × 3 is rounding (n = 4, τ = 0.02); 100.05 is not."""
    parts = [Decimal("33.33")] * 3
    ok = judge(Decimal("100.01"), sum(parts, Decimal(0)), [Decimal("100.01"), *parts])
    assert ok[0] is Outcome.ROUNDING and ok[2] == Decimal("0.020")
    bad = judge(Decimal("100.05"), sum(parts, Decimal(0)), [Decimal("100.05"), *parts])
    assert bad[0] is Outcome.FAIL and bad[1] == Decimal("0.06")


def test_inequality_allows_less() -> None:
    assert (
        judge(Decimal("5.00"), Decimal("9.00"), [Decimal("5.00"), Decimal("9.00")], "<=")[0] is Outcome.PASS
    )
    assert (
        judge(Decimal("9.00"), Decimal("5.00"), [Decimal("5.00"), Decimal("9.00")], "<=")[0] is Outcome.FAIL
    )


def test_since_year_skips_an_older_definition() -> None:
    """BX-13 holds from 2018; the 2017 Jiangsu 机关运行经费 table also counted project funds."""
    d17 = pdf(JIANGSU / "江苏省委办公厅" / "江苏省委办公厅2017年预算公开表格.pdf")
    assert d17.meta.fiscal_year == 2017
    assert "BX-13" not in codes(problems(d17, select=["BX-13"]))
    as_2019 = d17.model_copy(update={"meta": d17.meta.model_copy(update={"fiscal_year": 2019})})
    assert "BX-13" in codes(problems(as_2019, select=["BX-13"]))


def test_henan_b04_income_error_is_found() -> None:
    """预算04表 prints 收入合计 11,493.11 against 支出合计 12,593.11 (and B01's 12,593.11)."""
    found = problems(pdf(SEEDS / BUDGET_SEED), select=["B04-03", "BX-04"]).findings
    assert {(f.code, f.actual, f.expected) for f in found} == {
        ("B04-03", "11,493.11", "12,593.11"),
        ("BX-04", "11,493.11", "12,593.11"),
        ("BX-04", "12,593.11", "11,493.11"),
    }
