"""A disclosure without errors gives no findings: seed 002 with its real errors corrected.

The corrections are the errors read by hand in 焦作市人力资源社会保障电子政务中心 2023:
- 六 lists 印刷费 and 邮电费 under 公用经费 although both are 0.00 in 公开06表;
- 十三（一） numbers its paragraphs 一、二、 like top-level sections;
- 十三（二） claims “实现绩效自评100%” next to a coverage of 95.47%;
- 十三（一） names 焦作市居民卡服务中心 as its subject, a body 第一部分 never declares;
- 十三（三） fills the 重点绩效评价 template with zeros (“选取…0项目…得分为0分，等级为无”)
  instead of its null form “没有开展重点绩效评价的项目”.
"""

from __future__ import annotations

from tests.rules.mutate import problems, replace_text, seed
from yujuesuan.model import Disclosure
from yujuesuan.model.findings import Severity


def corrected_002() -> Disclosure:
    d = seed("002")
    d = replace_text(d, "办公费、印刷费、邮电费、差旅费", "办公费、差旅费")
    d = replace_text(d, "一、项目支出基本情况。", "1.项目支出基本情况。")
    d = replace_text(d, "，实现绩效自评“100%”", "")
    d = replace_text(d, "2023年焦作市居民卡服务中心按要求", "2023年焦作市人力资源社会保障电子政务中心按要求")
    d = replace_text(d, "二、总体评价结论和指标分析。", "2.总体评价结论和指标分析。")
    rows = tuple(r.model_copy(update={"unit_name": d.meta.entity}) for r in d.performance.project_scores)
    d = d.model_copy(update={"performance": d.performance.model_copy(update={"project_scores": rows})})
    return replace_text(
        d,
        "财政评价选取我单位2023年度0项目开展重点绩效评价。该项目绩效评价得分为0分，等级为无。",
        "我单位2023年度没有开展重点绩效评价的项目。",
    )


def test_seed_002_has_exactly_its_real_errors() -> None:
    found = sorted((f.code, f.actual) for f in problems(seed("002")).findings if f.severity is Severity.ERROR)
    assert found == [
        ("C09", "选取我单位2023年度0项目、等级为无"),
        ("C11", "焦作市居民卡服务中心"),
        ("N19", "印刷费"),
        ("N19", "邮电费"),
        ("P16", "焦作市居民卡服务中心"),  # the 自评汇总表 is of another unit (the narrative's C11 too)
    ]


def test_corrected_disclosure_has_no_warnings_or_errors() -> None:
    result = problems(corrected_002())
    assert [f.message for f in result.findings if f.severity is not Severity.INFO] == []
    assert result.count(Severity.INFO, rounding=True) > 0  # rounding notes remain, as they should
