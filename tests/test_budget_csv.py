"""The parsed 收支预算总表 of every Jiangsu budget agrees with the CSV published beside it."""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import cache

import pytest

from tests.conftest import JIANGSU, corpus_file
from yujuesuan.model import Disclosure
from yujuesuan.pipeline import parse
from yujuesuan.recognize.layouts.blocks import _key
from yujuesuan.recognize.specs import budget_specs

DEPARTMENTS = ["江苏省人大办公厅", "江苏省人民检察院", "江苏省委办公厅"]


@cache
def by_year(department: str) -> dict[int, Disclosure]:
    """The disclosure of each year whose file holds the tables."""
    out: dict[int, Disclosure] = {}
    for pdf in sorted(corpus_file(JIANGSU / department).glob("*.pdf")):
        d = parse([pdf])
        if d.table("B01") is not None and d.meta.fiscal_year is not None:
            out[d.meta.fiscal_year] = d
    return out


def csv_rows(department: str) -> list[dict[str, str]]:
    with corpus_file(JIANGSU / department / "收支预算总表.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


CASES = [(dep, row) for dep in DEPARTMENTS for row in csv_rows(dep)] if JIANGSU.exists() else []


@pytest.mark.parametrize(("department", "row"), CASES, ids=[f"{d}-{r['']}" for d, r in CASES])
def test_b01_agrees_with_published_csv(department: str, row: dict[str, str]) -> None:
    year = int(row[""][:4])
    d = by_year(department)[year]
    b01 = d.table("B01")
    assert b01 is not None
    spec = next(s for s in budget_specs() if s.id == "B01")
    for column, printed in row.items():
        if not column:
            continue
        key = _key(spec, column)
        assert key is not None, column
        value = b01.value(key, "c1")
        want = Decimal(printed) if printed else Decimal(0)
        assert (value or Decimal(0)) == want, (year, column, value, printed)


def test_every_year_of_every_department_is_read() -> None:
    assert {dep: sorted(by_year(dep)) for dep in DEPARTMENTS} == {
        dep: [2017, 2018, 2019] for dep in DEPARTMENTS
    }
