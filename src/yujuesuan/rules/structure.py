"""Table-structure rules that are not sums: rows that must stay empty, codes that must be
present or well formed, fixed rows a profile prints, conditional identities."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.tables import CellState, Row, Table
from yujuesuan.recognize.text import CODE, label_key
from yujuesuan.refdata import load
from yujuesuan.rules.completeness import profile_of
from yujuesuan.rules.identities import Figures, find_row
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
FUNCTION_TABLES = ("F02", "F03", "F05", "F08", "F09")


def _blank_rows(t: Table, keys: list[str], code: str, title: str) -> Iterator[Finding]:
    for key in keys:
        row = t.row(key)
        for c in row.cells if row else ():
            if c.state is CellState.NUMBER and c.value:
                yield Finding(
                    code=code, severity=WARNING, title=title, table=t.id, row=key, column=c.column,
                    message=f"{t.id} {key} has no label in the template but prints {c.raw}",
                    expected="blank", actual=c.raw, location=c.prov,
                )  # fmt: skip


@rule("F01-06", "空行次保持空白", WARNING, tables=("F01",))
def f01_blank_lines(d: Disclosure) -> Iterator[Finding]:
    """The label-less template rows carry no amount: income side r9–r26 and r30, expenditure
    side r61 (a value there means a misread or an edited template)."""
    t = d.table("F01")
    if t is not None:
        yield from _blank_rows(t, [f"r{i}" for i in (*range(9, 27), 30, 61)], "F01-06", "空行次保持空白")


@rule("F04-09", "空行次保持空白", WARNING, tables=("F04",))
def f04_blank_lines(d: Disclosure) -> Iterator[Finding]:
    """The label-less template rows carry no amount: income side r4–r26, expenditure side r61–r63."""
    t = d.table("F04")
    if t is not None:
        yield from _blank_rows(t, [f"r{i}" for i in (*range(4, 27), 61, 62, 63)], "F04-09", "空行次保持空白")


@rule("F10-03", "计数行类型", WARNING, tables=("F10",))
def f10_counts(d: Disclosure) -> Iterator[Finding]:
    """Rows r7–r17 (辆, 台（套）) hold non-negative integers."""
    t = d.table("F10")
    for r in t.rows if t else ():
        for c in r.cells:
            if r.unit and c.value is not None and (c.value < 0 or c.value != c.value.to_integral_value()):
                yield Finding(
                    code="F10-03", severity=WARNING, title="计数行类型", table="F10", row=r.key,
                    message=f"F10 {r.key} {r.label} counts {r.unit} but prints {c.raw}",
                    expected="a whole number", actual=c.raw, location=c.prov,
                )  # fmt: skip


@rule("FX-12", "科目覆盖", ERROR, tables=("F03", "F05"))
def code_coverage(d: Disclosure) -> Iterator[Finding]:
    """Every function code with a non-zero amount in F05, F08 or F09 has a row in F03."""
    f03 = d.table("F03")
    have = {r.code for r in f03.rows} if f03 else set()
    for tid in ("F05", "F08", "F09"):
        t = d.table(tid)
        for r in t.rows if t else ():
            if r.code and r.code not in have and any(c.value for c in r.cells):
                yield Finding(
                    code="FX-12", severity=ERROR, title="科目覆盖", table=tid, row=r.key,
                    message=f"{tid} spends under {r.code} {r.label}, which F03 does not list",
                    expected=f"F03 row {r.code}", actual="absent", location=r.prov,
                )  # fmt: skip


def _value(d: Disclosure, table: str, key: str, column: str, into: Figures) -> None:
    t = d.table(table)
    row = find_row(t, key) if t else None
    cell = row.cell(column) if row else None
    if cell is not None and cell.value is not None and cell.state is CellState.NUMBER:
        into.value += cell.value
        into.printed[(table, key, column)] = cell.value


@rule("FX-15", "无财政拨款结转时按科目收支一致", WARNING, tables=("F02", "F04", "F05"))
def fiscal_by_code(d: Disclosure) -> Iterator[Finding]:
    """When F04.r28 = 0 and F04.r60.c2 = 0 (no 财政拨款 carry-over), for every code k:
    F02[k].c2 = F05[k].c1 + F08[k].c3 + F09[k].c3."""
    f04 = d.table("F04")
    if f04 is None or f04.value("r28", "c1") or f04.value("r60", "c2"):
        return
    codes = sorted({r.code for tid in ("F02", "F05", "F08", "F09") for r in _rows(d, tid) if r.code})
    for k in codes:
        income, spending = Figures(Decimal(0), {}, []), Figures(Decimal(0), {}, [])
        _value(d, "F02", k, "c2", income)
        for tid, col in (("F05", "c1"), ("F08", "c3"), ("F09", "c3")):
            _value(d, tid, k, col, spending)
        outcome, delta, _ = judge(
            income.value, spending.value, [*income.printed.values(), *spending.printed.values()]
        )
        if outcome is Outcome.FAIL:
            f02 = d.table("F02")
            row = find_row(f02, k) if f02 else None
            yield Finding(
                code="FX-15", severity=WARNING, title="无财政拨款结转时按科目收支一致", table="F02", row=k, column="c2",
                message=f"{k}: 财政拨款收入 {fmt(income.value)} ≠ 财政拨款支出 {fmt(spending.value)} with no carry-over",
                expected=fmt(spending.value), actual=fmt(income.value), difference=fmt(delta),
                location=row.prov if row else None,
            )  # fmt: skip


def _rows(d: Disclosure, tid: str) -> tuple[Row, ...]:
    t = d.table(tid)
    return t.rows if t else ()


@rule("FX-16", "单位决算 ≤ 部门决算", WARNING, needs="XD")
def unit_within_department(d: Disclosure) -> Iterator[Finding]:
    """For a 单位决算 whose unit appears in the 部门决算's unit list: every code and column of
    F02, F03, F05, F08, F09 and every economic row of F06 is ≤ the department's."""
    return iter(())


@rule("K01", "编码格式", ERROR)
def code_format(d: Disclosure) -> Iterator[Finding]:
    """A function code has 3, 5 or 7 digits; an economic code 3 or 5 digits starting with 3
    (部门) or 5 (政府)."""
    for t in d.tables:
        for r in t.rows:
            if not r.code or t.id in ("F01", "F04"):
                continue
            econ = t.id == "F06"
            good = (len(r.code) in (3, 5) and r.code[0] in "35") if econ else bool(CODE.match(r.code))
            if not good or not r.code.isdigit():
                yield Finding(
                    code="K01", severity=ERROR, title="编码格式", table=t.id, row=r.key,
                    message=f"{t.id}: “{r.code}” is not a {'经济' if econ else '功能'}分类 code",
                    expected="3, 5 or 7 digits" if not econ else "3 or 5 digits, 3xx or 5xx", actual=r.code,
                    location=r.prov,
                )  # fmt: skip


@cache
def _obsolete() -> dict[str, str]:
    """Obsolete class name (normalised) → class code."""
    return {label_key(n): c["code"] for c in load("classes")["class"] for n in c.get("obsolete", [])}


@rule("K06", "类名称行", WARNING, tables=("F01",))
def class_lines(d: Disclosure) -> Iterator[Finding]:
    """The fixed class lines of F01/F04 carry the year's 类 names: an obsolete name
    (医疗卫生与计划生育支出, 文化体育与传媒支出, 国土海洋气象等支出) is a warning; an expenditure
    line that maps to no 类 is an error."""
    for tid in ("F01", "F04"):
        t = d.table(tid)
        for r in t.rows if t else ():
            if r.key.startswith("R:"):
                yield Finding(
                    code="K06", severity=ERROR, title="类名称行", table=tid, row=r.key,
                    message=f"{tid}: the expenditure line “{r.label}” is no 功能分类 class",
                    expected="a class line", actual=r.label, location=r.prov,
                )  # fmt: skip
            elif r.code and label_key(r.label) in _obsolete():
                yield Finding(
                    code="K06", severity=WARNING, title="类名称行", table=tid, row=r.key,
                    message=f"{tid}: class {r.code} is printed with its old name “{r.label}”",
                    expected="the year's name", actual=r.label, location=r.prov,
                )  # fmt: skip


@rule("K10", "经济科目固定行", WARNING, tables=("F06",))
def fixed_economic_items(d: Disclosure) -> Iterator[Finding]:
    """F06 prints the profile's fixed economic items, zero items included (TABLES.md §1 F06)."""
    t = d.table("F06")
    if t is None:
        return
    printed = {r.code for r in t.rows}
    missing = [c for c in profile_of(d).get("f06_items", []) if c not in printed]
    if missing:
        yield Finding(
            code="K10", severity=WARNING, title="经济科目固定行", table="F06",
            message=f"F06 leaves out {len(missing)} fixed item(s) of the template: {'、'.join(missing)}",
            expected="every fixed item", actual=f"{len(missing)} missing", location=t.prov,
        )  # fmt: skip
