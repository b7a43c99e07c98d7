"""The budget performance target tables (预算14/15表) read into ``Disclosure.performance``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import BUDGET_SEED, SEEDS
from tests.rules.mutate import pdf
from yujuesuan.export.tablesxlsx import write_xlsx
from yujuesuan.ingest.raw import prose
from yujuesuan.model.facts import facts
from yujuesuan.model.provenance import Provenance
from yujuesuan.recognize.targets import read_project_targets, read_unit_target


def _lines(text: str) -> list:  # type: ignore[type-arg]
    return [prose(t, Provenance(file="t.txt", line=i + 1)) for i, t in enumerate(text.splitlines())]


def test_seed_001_unit_targets() -> None:
    targets = pdf(SEEDS / BUDGET_SEED).performance.unit_targets
    assert [t.entity for t in targets] == ["焦作市解放区人力资源和社会保障局", "焦作市解放区就业创业服务中心"]
    first, second = targets
    assert [(c.column, c.value) for c in first.cells] == [
        ("total", Decimal("11486.24")),
        ("gov", Decimal("11486.24")),
        ("special", None),
        ("unit", None),
        ("basic", Decimal("253.35")),
        ("project", Decimal("11232.89")),
    ]
    assert second.value("total") == Decimal("1106.87") and second.value("project") == Decimal("956.03")
    assert [(t.name, t.content) for t in first.tasks] == [
        ("落实城乡居民保险工作", "发放城乡居民基本养老保险")
    ]
    assert first.duties.startswith("贯彻执行国家、省、市人力资源和社会保障工作法律法规规章和政策；")
    assert len(first.indicators) == len(second.indicators) == 23
    by_name = {i.name: i for i in first.indicators}
    assert (by_name["预算执行率"].category, by_name["预算执行率"].group, by_name["预算执行率"].target) == (
        "投入管理指标",
        "预算和财务管理",
        "≥95%",
    )
    assert by_name["年度履职目标相关性"].target == "相关"
    assert by_name["预算执行率"].note == (
        "预算执行率=（预算完成数/预算数）×100%。预算完成数指部门实际执行的预算数；"
        "预算数指财政部门批复的本年度部门的（调整）预算数。"
    )
    last = first.indicators[-1]
    assert (last.category, last.name, last.target, last.note) == (
        "满意度",
        "直接服务对象满意指标",
        "≥90%",
        None,
    )
    assert second.indicators[-1].name == "服务对象满意度"


def test_seed_001_project_targets() -> None:
    perf = pdf(SEEDS / BUDGET_SEED).performance
    rows = perf.project_targets
    assert [(r.agency, r.name) for r in rows if r.project is None] == [
        ("503", "焦作市解放区人力资源和社会保障局"),
        ("503001", "焦作市解放区人力资源和社会保障局"),
        ("704", "焦作市解放区就业创业服务中心"),
        ("704001", "焦作市解放区就业创业服务中心"),
    ]
    projects = perf.projects
    assert len(projects) == 26
    assert sum((p.value("total") or Decimal(0) for p in projects), Decimal(0)) == Decimal("12188.92")
    first = projects[0]
    assert (first.project, first.name, first.value("total"), first.value("gov")) == (
        "410802250000000018801",
        "2025年城乡居民养老保险",
        Decimal("628.00"),
        Decimal("628.00"),
    )
    assert [(i.category, i.name, i.target) for i in first.indicators] == [
        ("成本指标", "预算执行率", "≥90%"),
        ("产出指标", "城乡居民养老保险财政补贴发放到位率", "≥90%"),
        ("效益指标", "待遇发放人员覆盖率", "≥90%"),
        ("满意度指标", "直接服务对象满意度", "≥90%"),
        (None, "享受城乡居民养老保险财政补贴人数", "≥11401人"),  # the unit printed on the next line
        (None, "城乡居民养老保险财政补贴发放准确率", "≥90%"),
    ]
    named = {p.name: p for p in projects}
    assert [(i.name, i.target) for i in named["2025年薛中华补贴"].indicators][:2] == [
        ("补贴人员数量", "1人"),
        ("信访事件", "不发生"),
    ]
    assert "焦财预【2024】383号提前下达2025年三支一扶中央财政补助资金" in named


def test_project_figures_fill_the_sources_the_unit_funds() -> None:
    """The text drops blank cells: a second figure is 政府预算资金 unless the unit's
    预算14表 funds it from 单位资金 only."""
    text = "503001\n某某局\n12.00 12.00\n41080225000000002\n2050\n某项目\n12.00 12.00\n预算执\n行率\n≥90 %"
    gov = read_project_targets(_lines(text))
    assert [(r.value("gov"), r.value("unit")) for r in gov] == [(Decimal("12.00"), None)] * 2
    own = read_project_targets(_lines(text), lambda name: ("unit",))
    assert [(r.value("gov"), r.value("unit")) for r in own] == [(None, Decimal("12.00"))] * 2
    assert [(i.name, i.target) for i in gov[1].indicators] == [("预算执行率", "≥90%")]


def test_values_wrapped_with_their_units() -> None:
    text = "41080225000000002\n2050\n甲项目 1.00 1.00\n响应时\n间\n≤2 小\n时\n人数\n≥\n90％\n质量\n按月足\n额"
    (p,) = read_project_targets(_lines(text))
    assert [(i.name, i.target) for i in p.indicators] == [
        ("响应时间", "≤2小时"),
        ("人数", "≥90％"),
        ("质量", "按月足额"),
    ]


def test_unit_target_without_a_name_is_not_read() -> None:
    assert (
        read_unit_target(Provenance(file="t.txt", line=1), _lines("预算情况\n部门预算总额（万元） 1.00"))
        is None
    )


def test_targets_in_facts_and_workbook(tmp_path: Path) -> None:
    d = pdf(SEEDS / BUDGET_SEED)
    b15 = [f for f in facts(d) if f.table == "B15" and f.column == "total" and f.code]
    assert len(b15) == 26 and sum(f.amount for f in b15) == Decimal("12188.92")
    (b14,) = [f for f in facts(d) if f.table == "B14" and f.column == "basic" and f.row.endswith("服务中心")]
    assert (b14.amount, b14.line) == (Decimal("150.84"), 2433)
    path = tmp_path / "t.xlsx"
    write_xlsx(d, path)
    wb = load_workbook(path)
    funds = list(wb["绩效目标 金额"].iter_rows(min_row=2, values_only=True))
    assert len(funds) == 2 + 30 and funds[0][:5] == (
        "B14",
        None,
        "焦作市解放区人力资源和社会保障局",
        None,
        11486.24,
    )
    indicators = list(wb["绩效指标"].iter_rows(min_row=2, values_only=True))
    assert len(indicators) == 46 + 147
    assert indicators[46][2:8] == (
        "2025年城乡居民养老保险", "410802250000000018801", "成本指标", None, "预算执行率", "≥90%",
    )  # fmt: skip


def test_budget_amount_wrapped_under_its_label() -> None:
    text = "部门（单位）名称：某某局\n预算情况\n部门预算总额（万元）\n5.00\n1、资金来源：（1）政府预算资金 5.00\n（2）财政专户管理资金"
    target = read_unit_target(Provenance(file="t.txt", line=1), _lines(text))
    assert target is not None and target.entity == "某某局"
    assert (target.value("total"), target.value("gov"), target.value("special")) == (
        Decimal("5.00"), Decimal("5.00"), None,
    )  # fmt: skip
    cell = target.cell("total")
    assert cell is not None and cell.prov is not None and cell.prov.line == 4
