"""项目（单位）自评汇总表 (A03) read into ``Disclosure.performance.project_scores``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.rules.mutate import problems, seed
from yujuesuan.export.tablesxlsx import write_xlsx
from yujuesuan.model.facts import facts


def test_seed_002_scores() -> None:
    rows = seed("002").performance.project_scores
    assert [
        (r.name, r.value("budget"), r.value("executed"), r.value("score"), r.prov and r.prov.line)
        for r in rows
    ] == [
        ("各项社会保险市级统筹数据整合及软件维护", Decimal("1.76"), Decimal("1.76"), Decimal("100"), 562),
        ("社会保障卡系统运行维护费", Decimal("3.52"), Decimal("3.52"), Decimal("100"), 563),
        ("2023金保工程线路租金", Decimal("38"), Decimal("38"), Decimal("100"), 564),
        ("金保工程运转经费", Decimal("7.04"), Decimal("7.04"), Decimal("100"), 565),
    ]
    first = rows[0]
    assert (first.agency, first.unit_name, first.department, first.kind) == (
        "302304", "焦作市居民卡服务中心", "焦作市人力资源和社会保障局", "可执行项目",
    )  # fmt: skip
    assert (
        first.rate("预算执行率") == "100%" and first.rate("成本指标得分率") == "-%" and first.deviates == "否"
    )
    assert sum((r.value("budget") or Decimal(0) for r in rows), Decimal(0)) == Decimal("50.32")


def test_seed_002_annex_belongs_to_another_unit() -> None:
    """The 单位决算 of 焦作市人力资源社会保障电子政务中心 annexes the self-evaluations of
    焦作市居民卡服务中心 (302304), a unit its 概况 does not name."""
    [f] = problems(seed("002"), select=["P16"]).findings
    assert (f.actual, f.expected) == ("焦作市居民卡服务中心", "焦作市人力资源社会保障电子政务中心")
    assert f.location is not None and f.location.line == 562 and len(f.related) == 3


def test_other_seeds_have_no_score_summary() -> None:
    assert all(not seed(k).performance.project_scores for k in ("000", "003", "004"))


def test_scores_in_facts_and_workbook(tmp_path: Path) -> None:
    d = seed("002")
    scores = [f for f in facts(d) if f.table == "A03" and f.column == "score"]
    assert [(f.label, f.amount, f.unit, f.line) for f in scores][:1] == [
        ("各项社会保险市级统筹数据整合及软件维护", Decimal("100"), "分", 562)
    ]
    assert len(scores) == 4
    write_xlsx(d, tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["自评汇总"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 4 and rows[2][3:9] == ("2023金保工程线路租金", "可执行项目", 38, 38, 38, 100)
