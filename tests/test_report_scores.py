"""The 绩效评价报告 (A04) of seed 000 read into ``performance.reports`` (every value read in
the text, lines 1882–1994), and P13 on it: the report's headline says 94.94 where its tables
say 94.57."""

from __future__ import annotations

from tests.rules.mutate import problems, seed


def test_seed_000_report_tables() -> None:
    [report] = seed("000").performance.reports
    [result] = report.results
    assert (result.name, result.score.raw, result.grade, result.prov and result.prov.line) == (
        "机关事业单位养老保险缺口补助", "94.57", "优", 1888,
    )  # fmt: skip
    rows = [(i.code, i.name, i.parent, *(c.raw for c in i.cells), i.rate) for i in report.items]
    assert rows == [
        ("A", "决策", None, "22", "19.8", "90.00%"),
        ("B", "过程", None, "18", "18.00", "100.00%"),
        ("C", "产出", None, "30", "30.00", "100.00%"),
        ("D", "效益", None, "30", "26.77", "89.23%"),
        ("total", "综合绩效", None, "100", "94.57", "94.574%"),
        ("A1", "项目立项", "A", "6", "6.00", None),
        ("A2", "绩效目标", "A", "8", "5.9", None),
        ("A3", "资金投入", "A", "8", "7.9", None),
        ("A/total", "合计", "A", "22", "19.8", None),
        ("B1", "资金管理", "B", "10", "10.00", None),
        ("B2", "组织实施", "B", "8", "8.00", None),
        ("B/total", "合计", "B", "18", "18.00", None),  # after the page footer “- 46 -” and “6”
        ("C1", "产出数量", "C", "8", "8.00", None),
        ("C2", "产出质量", "C", "16", "16.00", None),
        ("C3", "产出时效", "C", "6", "6.00", None),
        ("C/total", "合计", "C", "30", "30.00", None),
        ("D1", "社会效益", "D", "18", "16.8", None),
        ("D2", "经济效益", "D", "6", "5.17", None),
        ("D4", "服务对象满意度", "D", "6", "4.80", None),  # there is no D3
        ("D/total", "合计", "D", "30", "26.77", None),
    ]
    said = [
        (s.dimension, s.groups, s.indicators, s.weight and s.weight.raw, s.score and s.score.raw, s.rate, s.grade,
         s.prov and s.prov.line)
        for s in report.statements
    ]  # fmt: skip
    assert said == [
        (None, None, None, None, "94.94", "94.94%", "优", 1893),
        ("A", 3, 6, "22", "19.8", "90.00%", None, 1915),
        ("B", 2, 4, "18", "18.00", "100.00%", None, 1935),
        ("C", 3, 4, "30", "30.00", "100.00%", None, 1958),
        ("D", 3, 5, "30", "26.77", "89.23%", None, 1978),
    ]


def test_seed_000_report_headline_contradicts_its_tables() -> None:
    result = problems(seed("000"), select=["P13"])
    [error] = [f for f in result.findings if not f.rounding]
    assert (error.expected, error.actual, error.location and error.location.line) == ("94.57", "94.94", 1893)
    [note] = [f for f in result.findings if f.rounding]
    assert note.actual == "94.574%" and note.location and note.location.line == 1911


def test_other_seeds_have_no_report() -> None:
    assert all(not seed(k).performance.reports for k in ("002", "003", "004"))
