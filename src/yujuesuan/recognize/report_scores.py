"""绩效评价报告 (A04) → ``EvaluationReport``: its score tables and the sentences that restate
them. TABLES.md §3 A04, docs/performance-forms.md §2.2.

The tables print one row a line even in the PDF text (表3-1 序号 · 项目名称 · 得分 · 等级; 表3-2
一级指标 · 分值 · 得分 · 得分率; 表3-2-k 二级 code · name · 分值 · 得分, closed by ``合计 -- S s``),
so they are read line by line; the sentences wrap, so they are read from the report's text
rejoined, each located at the line where it starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.performance import EvaluationReport, ReportItem, ReportResult, ReportStatement
from yujuesuan.model.provenance import Provenance
from yujuesuan.recognize.layouts.common import Tok, make_cell
from yujuesuan.recognize.text import norm

_N = r"(\d+(?:\.\d+)?)"
_RESULT = re.compile(r"^\d+\s+(\S+)\s+" + _N + r"\s+(优|良|中|差)$")
_DIMENSION = re.compile(r"^(\S+?)（([A-Z])）\s+" + _N + r"\s+" + _N + r"\s+(\d+(?:\.\d+)?%)$")
_OVERALL = re.compile(r"^综合绩效\s+" + _N + r"\s+" + _N + r"\s+(\d+(?:\.\d+)?%)$")
_GROUP = re.compile(r"^([A-Z])(\d+)\s+(\S+)\s+" + _N + r"\s+" + _N + "$")
_SUBTOTAL = re.compile(r"^合计\s+-+\s+" + _N + r"\s+" + _N + "$")
_DIMENSIONS = {"决策": "A", "过程": "B", "产出": "C", "效益": "D"}
_STATEMENT = re.compile(
    r"(决策|过程|产出|效益)指标包含(\d+)个二级指标、(\d+)个三级指标，共计"
    + _N
    + "分，得"
    + _N
    + r"分，得分率(\d+(?:\.\d+)?%)"
)
_HEADLINE = re.compile(r"绩效评价得分为" + _N + r"分，得分率(\d+(?:\.\d+)?%)，绩效等级为[“\"]?(优|良|中|差)")


def is_report(heading: str) -> bool:
    return norm(heading).endswith("绩效评价报告")


def read_report(heading: str, title: Provenance | None, lines: Sequence[RawLine]) -> EvaluationReport | None:
    results: list[ReportResult] = []
    items: list[ReportItem] = []
    dimension: str | None = None
    for line in lines:
        text = " ".join(line.text.replace("\t", " ").split())
        at = line.prov
        if m := _RESULT.match(text):
            results.append(
                ReportResult(
                    name=m.group(1),
                    score=make_cell("score", Tok(m.group(2), at), at),
                    grade=m.group(3),
                    prov=at,
                )
            )
        elif m := _DIMENSION.match(text):
            items.append(_item(m.group(2), m.group(1), None, m.group(3), m.group(4), at, m.group(5)))
        elif m := _OVERALL.match(text):
            items.append(_item("total", "综合绩效", None, m.group(1), m.group(2), at, m.group(3)))
        elif m := _GROUP.match(text):
            dimension = m.group(1)
            items.append(_item(m.group(1) + m.group(2), m.group(3), dimension, m.group(4), m.group(5), at))
        elif (m := _SUBTOTAL.match(text)) and dimension is not None:
            items.append(_item(f"{dimension}/total", "合计", dimension, m.group(1), m.group(2), at))
    statements = _statements(lines)
    if not results and not items:
        return None
    return EvaluationReport(
        title=norm(heading), results=tuple(results), items=tuple(items), statements=statements, prov=title
    )


def _item(
    code: str, name: str, parent: str | None, weight: str, score: str, at: Provenance, rate: str | None = None
) -> ReportItem:
    return ReportItem(
        code=code,
        name=name,
        parent=parent,
        rate=rate,
        cells=(make_cell("weight", Tok(weight, at), at), make_cell("score", Tok(score, at), at)),
        prov=at,
    )


def _statements(lines: Sequence[RawLine]) -> tuple[ReportStatement, ...]:
    """The sentences of the report's prose, rejoined across its line breaks."""
    starts: list[int] = []
    text = ""
    for line in lines:
        starts.append(len(text))
        text += norm(line.text)

    def at(offset: int) -> Provenance | None:
        i = bisect_right(starts, offset) - 1
        return lines[i].prov if 0 <= i < len(lines) else None

    out: list[tuple[int, ReportStatement]] = []  # in reading order (PDF line numbers restart per page)
    for m in _STATEMENT.finditer(text):
        where = at(m.start())
        out.append(
            (
                m.start(),
                ReportStatement(
                    dimension=_DIMENSIONS[m.group(1)],
                    groups=int(m.group(2)),
                    indicators=int(m.group(3)),
                    weight=make_cell("weight", Tok(m.group(4), where), where) if where else None,
                    score=make_cell("score", Tok(m.group(5), where), where) if where else None,
                    rate=m.group(6),
                    text=m.group(0),
                    prov=where,
                ),
            )
        )
    for m in _HEADLINE.finditer(text):
        where = at(m.start())
        out.append(
            (
                m.start(),
                ReportStatement(
                    dimension=None,
                    score=make_cell("score", Tok(m.group(1), where), where) if where else None,
                    rate=m.group(2),
                    grade=m.group(3),
                    text=m.group(0),
                    prov=where,
                ),
            )
        )
    return tuple(s for _, s in sorted(out, key=lambda p: p[0]))
