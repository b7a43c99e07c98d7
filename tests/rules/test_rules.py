"""Every completeness (C), codebook (K) and narrative (N) rule: a real document that
passes it, and the same document with one thing changed that fails it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tests.conftest import JIANGSU, SHANGHAI, SHANGHAI_PDFS
from tests.rules.mutate import codes, pdf, problems, replace_text, seed, set_cell, shift, shift_target
from tests.rules.test_evaluation_rules import EVALUATION_CASES, report_mended, scope_mended, scoring_mended
from yujuesuan.model import Disclosure, Table, Unit
from yujuesuan.model.findings import Severity
from yujuesuan.model.performance import Indicator
from yujuesuan.rules.identities import specs
from yujuesuan.rules.registry import all_rules

Change = Callable[[Disclosure], Disclosure]


def tables(d: Disclosure, change: Callable[[list[Table]], list[Table]]) -> Disclosure:
    return d.model_copy(update={"tables": tuple(change(list(d.tables)))})


def table(d: Disclosure, tid: str, **update: object) -> Disclosure:
    return tables(d, lambda ts: [t.model_copy(update=update) if t.id == tid else t for t in ts])


def rows(d: Disclosure, tid: str, change: Callable[[list], list]) -> Disclosure:  # type: ignore[type-arg]
    t = d.table(tid)
    assert t is not None
    return table(d, tid, rows=tuple(change(list(t.rows))))


def relabel(
    d: Disclosure, tid: str, code: str, label: str | None = None, new_code: str | None = None
) -> Disclosure:
    def change(rs: list) -> list:  # type: ignore[type-arg]
        out = []
        for r in rs:
            if r.code == code:
                r = r.model_copy(
                    update={"label": label or r.label, "code": new_code or r.code, "key": new_code or r.key}
                )
            out.append(r)
        return out

    return rows(d, tid, change)


ONE = Decimal("1.00")


def shift_score(d: Disclosure, index: int, column: str, by: Decimal) -> Disclosure:
    """One 自评汇总表 amount moved by ``by`` (printed with two decimals)."""
    rows = list(d.performance.project_scores)
    cells = []
    for c in rows[index].cells:
        if c.column == column and c.value is not None:
            value = (c.value + by).quantize(Decimal("0.01"))
            c = c.model_copy(update={"raw": str(value), "value": value})
        cells.append(c)
    rows[index] = rows[index].model_copy(update={"cells": tuple(cells)})
    return d.model_copy(
        update={"performance": d.performance.model_copy(update={"project_scores": tuple(rows)})}
    )


def rename_project(d: Disclosure, index: int, name: str) -> Disclosure:
    rows = list(d.performance.project_targets)
    rows[index] = rows[index].model_copy(update={"name": name})
    return d.model_copy(
        update={"performance": d.performance.model_copy(update={"project_targets": tuple(rows)})}
    )


def text(old: str, new: str) -> Change:
    return lambda d: replace_text(d, old, new)


# code: (seed that passes, change that makes it fail, severity of the failure)
CASES: dict[str, tuple[str, Change, Severity]] = {
    "C01": ("002", lambda d: d.model_copy(update={"glossary": ()}), Severity.ERROR),
    "C02": ("002", lambda d: tables(d, lambda ts: [t for t in ts if t.id != "F07"]), Severity.ERROR),
    "C03": ("002", lambda d: tables(d, lambda ts: ts[1:] + ts[:1]), Severity.WARNING),
    "C04": ("002", lambda d: table(d, "F09", statements=()), Severity.ERROR),
    "C05": (
        "002",
        lambda d: d.model_copy(update={"narrative": d.narrative[:2] + d.narrative[3:]}),
        Severity.ERROR,
    ),
    "C09": ("003", text("厉行节约原则。", "厉行节约原则。（综述内容）"), Severity.ERROR),
    "C10": ("002", lambda d: table(d, "F03", year=2022), Severity.ERROR),
    "C11": ("003", lambda d: table(d, "F03", entity="焦作市某某局"), Severity.ERROR),
    "C12": ("002", lambda d: table(d, "F03", unit=Unit.YUAN), Severity.ERROR),
    "C13": ("002", lambda d: table(d, "F01", notes=()), Severity.WARNING),
    "C06": (
        "003",
        lambda d: d.model_copy(update={"narrative": d.narrative[:3] + d.narrative[4:]}),
        Severity.WARNING,
    ),
    "C07": (
        "003",
        lambda d: d.model_copy(
            update={
                "narrative": tuple(
                    s.model_copy(update={"heading": "六、一般公共预算财政拨款支出决算情况说明"})
                    if s.key == "六"
                    else s
                    for s in d.narrative
                )
            }
        ),
        Severity.ERROR,
    ),
    "C08": (
        "003",
        lambda d: d.model_copy(
            update={
                "narrative": tuple(
                    s.model_copy(update={"heading": "十、机关运行经费情况说明"}) if s.key == "十" else s
                    for s in d.narrative
                )
            }
        ),
        Severity.WARNING,
    ),
    "C14": (
        "000",
        lambda d: d.model_copy(update={"profile": d.profile.model_copy(update={"units": 12})}),
        Severity.ERROR,
    ),
    "C15": ("003", lambda d: set_cell(d, "F03", "205", "c1", Decimal("477.3")), Severity.WARNING),
    "C16": (
        "000",
        lambda d: d.model_copy(
            update={
                "narrative": tuple(
                    s.model_copy(update={"text": "", "lines": ()}) if s.key == "八" else s
                    for s in d.narrative
                )
            }
        ),
        Severity.ERROR,
    ),
    "C17": ("002", lambda d: d.model_copy(update={"attachments": ()}), Severity.WARNING),
    "C18": ("003", text("厉行节约原则。", "厉行节约原则厉行节约原则。"), Severity.INFO),
    "C21": ("000", lambda d: tables(d, lambda ts: ts + ts[:1]), Severity.WARNING),
    "C19": ("002", lambda d: d.model_copy(update={"glossary": d.glossary[1:]}), Severity.WARNING),
    "F01-06": ("000", lambda d: set_cell(d, "F01", "r9", "c1", Decimal("5.00")), Severity.WARNING),
    "F04-09": ("000", lambda d: set_cell(d, "F04", "r61", "c2", Decimal("5.00")), Severity.WARNING),
    "F10-03": ("004", lambda d: set_cell(d, "F10", "r12", "c1", Decimal("1.5")), Severity.WARNING),
    "FX-12": ("000", lambda d: relabel(d, "F03", "2050905", new_code="2050906"), Severity.ERROR),
    "FX-15": ("002", lambda d: shift(d, "F02", "2080150", "c2", Decimal("1.00")), Severity.WARNING),
    "K01": ("000", lambda d: relabel(d, "F02", "2050905", new_code="205090"), Severity.ERROR),
    "K06": (
        "000",
        lambda d: rows(
            d,
            "F01",
            lambda rs: [
                r.model_copy(update={"label": "九、医疗卫生与计划生育支出"}) if r.key == "r40" else r
                for r in rs
            ],
        ),
        Severity.WARNING,
    ),
    "K10": (
        "000",
        lambda d: rows(d, "F06", lambda rs: [r for r in rs if r.code != "30306"]),
        Severity.WARNING,
    ),
    "K02": ("002", lambda d: relabel(d, "F02", "2080150", new_code="2080198"), Severity.WARNING),
    "K03": ("002", lambda d: relabel(d, "F03", "2080150", label="行政运行"), Severity.ERROR),
    "K04": ("002", lambda d: rows(d, "F02", lambda rs: [r for r in rs if r.code != "206"]), Severity.ERROR),
    "K05": (
        "002",
        lambda d: rows(d, "F02", lambda rs: rs[:1] + rs[4:8] + rs[1:4] + rs[8:]),
        Severity.WARNING,
    ),
    "K07": (
        "002",
        lambda d: relabel(
            relabel(d, "F02", "2080150", new_code="2080198", label="甲"),
            "F03",
            "2080150",
            new_code="2080198",
            label="乙",
        ),
        Severity.WARNING,
    ),
    "K08": ("002", lambda d: rows(d, "F02", lambda rs: rs + rs[-1:]), Severity.ERROR),
    "K11": (
        "002",
        lambda d: rows(d, "F03", lambda rs: [r for r in rs if r.code not in ("2080150", "2080199")]),
        Severity.ERROR,
    ),
    "N01": ("004", lambda d: shift(d, "F10", "r1", "c1", Decimal("100.00")), Severity.ERROR),
    "N08": ("000", text("，主要原因是：由于经费紧张压减了办公费、差旅费等支出", ""), Severity.WARNING),
    "N23": ("004", lambda d: shift(d, "F10", "r5", "c1", Decimal("100.00")), Severity.ERROR),
    "N27": ("002", text("涵盖项目4个", "涵盖项目5个"), Severity.ERROR),
    "N28": ("putuo", text("已经完成整改的0个", "已经完成整改的1个"), Severity.ERROR),
    "S01": ("000", lambda d: set_cell(d, "F06", "public_total", "b", Decimal("400.00")), Severity.WARNING),
    "S02": ("003", lambda d: shift(d, "F05", "2210201", "c2", Decimal("1.00")), Severity.INFO),
    "S03": ("000", text("共有车辆39辆", "共有车辆19辆"), Severity.WARNING),
    "S04": ("000", lambda d: set_cell(d, "F07", "total", "c7", Decimal("70.00")), Severity.WARNING),
    "S05": ("000", text("减少77.89万元，下降15.12%", "减少0.00万元，下降0.00%"), Severity.INFO),
    "S06": ("002", text("完成年初预算的99.76%", "完成年初预算的20.00%"), Severity.INFO),
    "S07": ("000", lambda d: set_cell(d, "F02", "2050302", "c3", Decimal("-1.00")), Severity.WARNING),
    "S08": ("004", lambda d: shift(d, "F02", "total", "c7", Decimal("0.01")), Severity.INFO),
    "S11": ("000", text("各增加26,951.90万元，增长93.87%", "各增加26,925.44万元，增长91.22%"), Severity.INFO),
    "S10": (
        "000",
        text("涉及预算资金43626.93万元，占部门预算", "涉及预算资金40000.00万元，占部门预算"),
        Severity.WARNING,
    ),
    "N02": ("000", text("占99.98%", "占99.90%"), Severity.ERROR),
    "N03": ("000", text("占68.53%", "占69.53%"), Severity.WARNING),
    "N04": ("000", text("增长91.22%", "增长92.22%"), Severity.ERROR),
    "N06": ("000", text("增长91.22%", "下降91.22%"), Severity.ERROR),
    "N07": ("000", text("完成预算的85.27%", "完成预算的86.27%"), Severity.ERROR),
    "N10": ("000", text("收、支总计均为56,441.14万元", "收、支总计均为56,441.41万元"), Severity.ERROR),
    "N11": ("000", text("其他收入11.51万元", "其他收入11.15万元"), Severity.ERROR),
    "N12": ("000", text("基本支出12,126.51万元", "基本支出12,162.51万元"), Severity.ERROR),
    "N13": (
        "000",
        text("财政拨款收、支总计均为55,664.72万元", "财政拨款收、支总计均为55,664.27万元"),
        Severity.ERROR,
    ),
    "N14": ("000", text("财政拨款支出22,828.72万元，占", "财政拨款支出22,882.72万元，占"), Severity.ERROR),
    "N15": ("000", text("农林水（类）支出64.70万元，占0.28%；", ""), Severity.ERROR),
    "N16": ("000", text("（款）中等职业教育（项）", "（款）高等职业教育（项）"), Severity.ERROR),
    "N17": ("000", text("支出决算为948.36万元", "支出决算为984.36万元"), Severity.ERROR),
    "N18": ("000", text("人员经费11,337.86万元", "人员经费11,373.86万元"), Severity.ERROR),
    "N19": ("003", text("基本工资、", ""), Severity.ERROR),
    "N20": ("002", lambda d: set_cell(d, "F08", "total", "c2", Decimal("5.00")), Severity.ERROR),
    "N21": ("000", text("支出决算为52.38万元", "支出决算为52.83万元"), Severity.ERROR),
    "N22": ("000", text("外宾接待支出 0.00万元", "外宾接待支出 0.18万元"), Severity.ERROR),
    "N24": ("000", text("政府采购货物支出976.34万元", "政府采购货物支出976.43万元"), Severity.ERROR),
    "N25": ("000", text("其他用车39辆", "其他用车38辆"), Severity.ERROR),
    "N26": ("000", text("3个项目自评等级为良", "2个项目自评等级为良"), Severity.ERROR),
    "N29": ("002", text("年初预算为40.18万元", "年初预算为41.18万元"), Severity.WARNING),
    # budgets: the Jiangsu 检察院 2019 narrative restates B01, B04, B09, B13 and B18
    "N30": (
        "jiangsu",
        text("（二）支出预算总计24,169.74万元", "（二）支出预算总计24,196.74万元"),
        Severity.ERROR,
    ),
    "N31": (
        "jiangsu",
        text("一般公共预算收入24,169.74万元", "一般公共预算收入24,196.74万元"),
        Severity.ERROR,
    ),
    "N32": ("jiangsu", text("项目支出4335.3万元", "项目支出4353.3万元"), Severity.ERROR),
    "N34": (
        "jiangsu",
        text("财政拨款预算支出24,169.74万元", "财政拨款预算支出24,169.47万元"),
        Severity.ERROR,
    ),
    "N35": ("jiangsu", text("（一）人员经费13,452.12万元", "（一）人员经费13,425.12万元"), Severity.ERROR),
    "N33": ("jiangsu", text("收、支总预算24,169.74万", "收、支总预算24,169.47万"), Severity.ERROR),
    "N37": ("jiangsu", text("出158.44万元", "出185.44万元"), Severity.ERROR),
    "N38": (
        "jiangsu",
        text("2391.92 万元，与上年相比减少330.65万元", "2931.92 万元，与上年相比减少330.65万元"),
        Severity.ERROR,
    ),
    "N39": (
        "jiangsu",
        text("政府采购支出预算总额2744.84万元", "政府采购支出预算总额2747.84万元"),
        Severity.ERROR,
    ),
}
CASES |= {
    "N36": ("henan", lambda d: shift(d, "B10", "total", "c1", Decimal("5.00")), Severity.ERROR),
    "N40": ("henan", text("涉及项目26个", "涉及项目25个"), Severity.ERROR),
    "N41": ("henan", text("其他资产31.40万元", "其他资产31.04万元"), Severity.ERROR),
    # the performance targets (预算14/15表) of the same document
    "B14-01": ("henan", lambda d: shift_target(d, "unit", 0, "gov", ONE), Severity.ERROR),
    "B15-01": ("henan", lambda d: shift_target(d, "project", 2, "gov", ONE), Severity.ERROR),
    "BX-14": (
        "henan",
        lambda d: shift_target(shift_target(d, "unit", 1, "basic", ONE), "unit", 1, "project", -ONE),
        Severity.ERROR,
    ),
    "BX-15": ("henan", lambda d: rename_project(d, 5, "2025年遗属补助"), Severity.ERROR),
    "P17": ("henan", lambda d: without_satisfaction(d, 2), Severity.WARNING),
    "P14": ("002", lambda d: shift_score(d, 1, "executed", Decimal("-0.52")), Severity.WARNING),
    "P16": (
        "002-own-scores",
        lambda d: d.model_copy(update={"meta": d.meta.model_copy(update={"entity": "某某中心"})}),
        Severity.ERROR,
    ),
}
CASES |= EVALUATION_CASES
# The budget narrative rules again, on the Henan 2025 profile (its own subjects and tables).
HENAN_CASES: dict[str, Change] = {
    "N30": text("支出总计12593.11万元", "支出总计12539.11万元"),
    "N31": text("一般公共预算收入12593.11万元", "一般公共预算收入12593.01万元"),
    "N32": text("项目支出12188.92万元，占96.79%", "项目支出12188.29万元，占96.79%"),
    "N33": text("一般公共预算收支预算12593.11万元", "一般公共预算收支预算12953.11万元"),
    "N34": text("住房保障支出33.74万元", "住房保障支出33.47万元"),
    "N35": text("人员经费371.41万元", "人员经费371.14万元"),
    "N37": text("公务接待费2.12万元", "公务接待费2.21万元"),
    "N38": text("运行经费支出预算12.24万元", "运行经费支出预算12.42万元"),
    "N40": text("纳入预算绩效管理的支出总额为12593.11万元", "纳入预算绩效管理的支出总额为12593.00万元"),
    "N41": text("车辆共有1辆", "车辆共有2辆"),
}
OUTSIDE_DATA = ("FX-16", "C20", "N05", "N09")  # need another disclosure (XD, PY, AB) or records (EXT)


def test_every_rule_has_cases() -> None:
    identities = {s.code for s in specs()}
    python_rules = [r.code for r in all_rules() if r.code not in identities and r.code not in OUTSIDE_DATA]
    assert sorted(CASES) == sorted(python_rules)


@pytest.mark.parametrize("code", OUTSIDE_DATA)
def test_rules_needing_outside_data_are_skipped(code: str) -> None:
    result = problems(seed("002"), select=[code])
    assert code in result.skipped and "needs" in result.skipped[code] and not result.findings


def henan() -> Disclosure:
    """Seed 001 (Henan 2025 budget) with the errors read in it mended: 预算04表's income
    side, the growth rate 12.26% (13.26%), 卫生健康 18.35 (18.85), 基本支出 12593.11
    (404.19), 车辆共有0辆 (1)."""
    from tests.rules.test_identities import henan as tables_mended

    d = tables_mended()
    for old, new in (
        ("增长12.26%", "增长13.26%"),
        ("卫生健康支出18.35万元", "卫生健康支出18.85万元"),
        ("基本支出12593.11万元", "基本支出404.19万元"),
        ("车辆共有0辆", "车辆共有1辆"),
    ):
        d = replace_text(d, old, new)
    return with_satisfaction(d, ("2025年劳动仲裁邮寄费", "2025年网络服务费、档案建设及设备"))


def with_satisfaction(d: Disclosure, projects: tuple[str, ...]) -> Disclosure:
    """These 预算15表 projects given the 满意度 indicator the seed prints none of (P17)."""
    added = Indicator(name="服务对象满意度", target="≥90%", category="满意度指标")
    rows = tuple(
        p.model_copy(update={"indicators": (*p.indicators, added)}) if p.name in projects else p
        for p in d.performance.project_targets
    )
    return d.model_copy(update={"performance": d.performance.model_copy(update={"project_targets": rows})})


def without_satisfaction(d: Disclosure, index: int) -> Disclosure:
    rows = list(d.performance.project_targets)
    kept = tuple(i for i in rows[index].indicators if "满意" not in i.name)
    rows[index] = rows[index].model_copy(update={"indicators": kept})
    return d.model_copy(
        update={"performance": d.performance.model_copy(update={"project_targets": tuple(rows)})}
    )


def document(key: str) -> Disclosure:
    """A seed by number, the Shanghai 普陀 PDF, the Jiangsu 检察院 2019 budget (one PDF), or
    the mended Henan 2025 budget."""
    if key == "henan":
        return henan()
    if key == "002-own-scores":  # its 自评汇总表 rows given to the unit itself (P16 mended)
        d = seed("002")
        rows = tuple(r.model_copy(update={"unit_name": d.meta.entity}) for r in d.performance.project_scores)
        return d.model_copy(update={"performance": d.performance.model_copy(update={"project_scores": rows})})
    if key == "004-two-annexes":  # 附件2 and 附件3 only: 附件1 prints Σ分值 97 (P06, P07)
        d = seed("004")
        return d.model_copy(
            update={
                "performance": d.performance.model_copy(update={"evaluations": d.performance.evaluations[1:]})
            }
        )
    if key == "004-funds-mended":  # “涉及资金4967700元” is Σ 年初预算数 4967740元 (P15)
        return replace_text(seed("004"), "涉及资金4967700元", "涉及资金4967740元")
    if key == "000-report-mended":
        return report_mended(seed("000"))
    if key == "000-scope-mended":
        return scope_mended(seed("000"))
    if key == "003-scoring-mended":
        return scoring_mended(seed("003"))
    if key == "putuo":
        return pdf(SHANGHAI / SHANGHAI_PDFS["shanghai-putuo"])
    if key == "jiangsu":
        return pdf(JIANGSU / "江苏省人民检察院" / "2019年度部门预算公开.pdf")
    return seed(key)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_passes_then_fails(code: str) -> None:
    doc, change, severity = CASES[code]
    d = document(doc)
    assert code not in codes(problems(d, select=[code])), "the unchanged document must pass"
    broken = problems(change(d), select=[code])
    hits = [f for f in broken.findings if f.code == code and not f.rounding]
    assert hits, f"{code} did not fire"
    assert any(f.severity is severity for f in hits)
    assert all(f.message for f in hits)


def test_real_errors_of_seed_004() -> None:
    """The errors read by hand in 忻州 2022: a 元 amount labelled 万元, a 100% share that is
    99.31%, a growth rate of 31.25% that is 20.36%, and F02 names that differ from the codebook."""
    found = {(f.code, f.actual) for f in problems(seed("004")).findings if f.severity is Severity.ERROR}
    assert ("N17", "25552618.58") in found
    assert ("N02", "100.00%") in found
    assert ("N04", "31.25%") in found
    assert ("K03", "人力资源和社会管理事务") in found


@pytest.mark.parametrize("code", sorted(HENAN_CASES))
def test_budget_narrative_rule_on_henan(code: str) -> None:
    d = henan()
    assert code not in codes(problems(d, select=[code])), "the mended document must pass"
    hits = [
        f for f in problems(HENAN_CASES[code](d), select=[code]).findings if f.code == code and not f.rounding
    ]
    assert hits and all(f.severity is Severity.ERROR for f in hits), f"{code} did not fire"


def test_real_errors_of_seed_001() -> None:
    """The errors read by hand in 焦作市解放区人社局 2025年部门预算."""
    found = {
        (f.code, f.actual, f.expected) for f in problems(seed_001()).findings if f.severity is Severity.ERROR
    }
    assert ("N04", "12.26%", "13.26%") in found
    assert ("N34", "18.35", "18.85") in found
    assert ("N35", "12593.11", "404.19") in found
    assert ("N41", "0", "1") in found
    assert ("B04-03", "11,493.11", "12,593.11") in found
    lacking = [f.message for f in problems(seed_001(), select=["P17"]).findings]
    assert lacking == [
        "预算15表 2025年劳动仲裁邮寄费: no 满意度指标 indicator",
        "预算15表 2025年网络服务费、档案建设及设备: no 满意度指标 indicator",
    ]


def seed_001() -> Disclosure:
    from tests.conftest import BUDGET_SEED, SEEDS

    return pdf(SEEDS / BUDGET_SEED)


def test_unmeasurable_target_value_is_reported() -> None:
    d = henan()
    rows = list(d.performance.project_targets)
    first = rows[2].indicators[0].model_copy(update={"target": "待定"})
    rows[2] = rows[2].model_copy(update={"indicators": (first, *rows[2].indicators[1:])})
    d = d.model_copy(
        update={"performance": d.performance.model_copy(update={"project_targets": tuple(rows)})}
    )
    [f] = problems(d, select=["P17"]).findings
    assert (f.actual, f.severity) == ("待定", Severity.WARNING) and "预算执行率" in f.message


def test_project_without_targets_is_named_once() -> None:
    d = henan()
    rows = [p for i, p in enumerate(d.performance.project_targets) if i != 3]
    d = d.model_copy(
        update={"performance": d.performance.model_copy(update={"project_targets": tuple(rows)})}
    )
    found = [f.message for f in problems(d, select=["BX-15"]).findings if not f.rounding]
    assert (
        found[-1]
        == "预算12表 project “2025年机关事业单位退休人员养老金及相关费用拨付” (7,000.00) has no 绩效目标 in 预算15表"
    )
    assert sum("has no 绩效目标" in m for m in found) == 1
