"""部门整体支出绩效自评情况表 (A01, Henan 部门决算) → ``SelfEvaluation`` with form A01.

TABLES.md §3 A01, docs/performance-forms.md §2.1. The text layer of the PDF wraps every
merged cell over several lines: the 一级/二级/三级 labels of an indicator come on the lines
before the line that carries its values (``年度指标值 实际完成值 分值 得分 偏差度 [reason]``),
and a long reason runs on over the lines after it. A line is told to be the start of the
next labels, rather than more reason, when it begins an indicator or label the fixed
vocabulary knows (refdata/performance.toml ``unit_grid`` and ``overall_names``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.performance import FundingLine, ScoreLine, SelfEvaluation
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Unit
from yujuesuan.recognize.layouts.common import Tok, make_cell
from yujuesuan.recognize.targets import vocabulary
from yujuesuan.recognize.text import join_wrapped, norm
from yujuesuan.refdata import load

TITLE = "部门整体支出绩效自评情况表"
_NAME = "部门（单位）名称"
_FUNDING = (
    ("部门预算总额", None),
    ("财政拨款", "gov"),
    ("财政专户管理资金", "special"),
    ("单位资金", "unit"),
)
_FIGURE = re.compile(r"^-?\d+(?:\.\d+)?$")
# <年度指标值> <实际完成值> <分值> <得分> <偏差度> [reason]: the values line of an indicator.
_VALUES = re.compile(
    r"^(?P<pre>.*?)\s*(?P<target>\S+)\s+(?P<actual>\S+)\s+(?P<weight>\d+(?:\.\d+)?)\s+"
    r"(?P<score>\d+(?:\.\d+)?)\s+(?P<deviation>-?\d+\.\d+)(?:\s+(?P<reason>.+))?$"
)


def is_overall(heading: str) -> bool:
    return norm(heading).endswith(TITLE)


@cache
def _labels() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[str, str | None]]]:
    """(一级 labels, 二级 labels, 三级 name → (一级, 二级)), longest first."""
    grid = dict(vocabulary().grid)
    for item in load("performance").get("overall_names", []):
        grid[norm(item["name"])] = (item["category"], item["group"] or None)
    categories = {c for c, _ in grid.values()} | {"投入管理指标", "产出指标", "效益指标", "满意度"}
    groups = {g for _, g in grid.values() if g}
    return (
        tuple(sorted(categories, key=len, reverse=True)),
        tuple(sorted(groups, key=len, reverse=True)),
        grid,
    )


def _starts_label(text: str) -> bool:
    """A line that begins a label or an indicator name (“预算和财”, ““三公经费”控制”)."""
    t = norm(text)
    categories, groups, grid = _labels()
    return len(t) >= 2 and any(x.startswith(t) or t.startswith(x) for x in (*categories, *groups, *grid))


def read_overall(title: Provenance | None, lines: Sequence[RawLine]) -> SelfEvaluation | None:
    entity = ""
    funds: list[FundingLine] = []
    indicators: list[ScoreLine] = []
    goal: list[str] = []
    state = "head"
    labels: list[str] = []  # wrapped label fragments before the next values line
    category: str | None = None
    group: str | None = None
    unit = Unit.WAN_YUAN
    total = None
    for line in lines:
        text = line.text.replace("\t", " ").strip()
        t = norm(text)
        if not t:
            continue
        if t.startswith(_NAME):
            entity = t[len(_NAME) :]
            continue
        if t in ("（万", "(万"):
            unit = Unit.WAN_YUAN
        funding = next(((label, s) for label, s in _FUNDING if label in t.split("）")[-1][:12]), None)
        if state in ("head", "funding") and funding is not None and _figures(text):
            state = "funding"
            funds.append(_funding_line(text, funding[1], line.prov))
            continue
        if t == "预期目标实际完成情况":
            state = "goal"
            continue
        if t == "年度主要任务":
            state = "tasks"
            continue
        if t.startswith("一级指标二级指标三级指标"):
            state = "indicators"
            continue
        if t.startswith("总分"):
            figures = t[2:] and text.split()[1:]
            total = make_cell("score", Tok(figures[-1], line.prov) if figures else None, line.prov)
            break
        if state == "goal":
            goal.append(text)
        elif state == "indicators":
            m = _VALUES.match(text)
            if m is None:
                if labels or _starts_label(text) or not indicators:
                    labels.append(text)
                else:  # the reason of the row above runs on
                    last = indicators[-1]
                    indicators[-1] = last.model_copy(update={"reason": join_wrapped([last.reason, text])})
                continue
            head = norm("".join(labels) + m.group("pre"))
            labels = []
            category, group, name = _split_labels(head, category, group)
            indicators.append(
                ScoreLine(
                    block="indicators",
                    name=name,
                    category=category,
                    group=group,
                    target=m.group("target"),
                    actual=m.group("actual"),
                    reason=join_wrapped([m.group("reason") or ""]),
                    cells=(
                        make_cell("weight", Tok(m.group("weight"), line.prov), line.prov),
                        make_cell("score", Tok(m.group("score"), line.prov), line.prov),
                        make_cell("deviation", Tok(m.group("deviation"), line.prov), line.prov),
                    ),
                    prov=line.prov,
                )
            )
    if not funds and not indicators:
        return None
    stated = join_wrapped(goal)
    cut = stated.rfind("。") + 1
    return SelfEvaluation(
        form="A01",
        title=TITLE,
        project=entity,
        agency=entity,
        unit=unit,
        funds=tuple(funds),
        lines=tuple(indicators),
        goal=stated[:cut] if 0 < cut < len(stated) else stated,
        outcome=stated[cut:] if 0 < cut < len(stated) else "",
        total=total,
        prov=title,
    )


def _split_labels(head: str, category: str | None, group: str | None) -> tuple[str | None, str | None, str]:
    """The 一级 and 二级 printed before the 三级 name, taken off its front; a known name
    gives its own (一级, 二级), otherwise the labels carry over from the rows above."""
    categories, groups, grid = _labels()
    for c in categories:
        if head.startswith(c) and len(head) > len(c):
            category, group, head = c, None, head[len(c) :]
            break
    for g in groups:
        if head.startswith(g) and len(head) > len(g):
            group, head = g, head[len(g) :]
            break
    if head in grid:
        category, group = grid[head]
    return category, group, head


def _figures(text: str) -> list[str]:
    """The figures of a funding line: amounts, 分值, 执行率 (“87.08 %”) and 得分 or “-”."""
    out: list[str] = []
    for word in text.split():
        if word in ("%", "％") and out:
            out[-1] += " %"
        elif _FIGURE.match(word) or word in ("-", "—"):
            out.append(word)
    return out


def _funding_line(text: str, source: str | None, at: Provenance) -> FundingLine:
    """年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分."""
    figures = _figures(text)
    label = text.split()[0]
    cells = []
    for column, raw in zip(
        ("initial", "budget", "executed", "weight", "rate", "score"), figures, strict=False
    ):
        if column == "rate":
            cell = make_cell(column, Tok(raw.replace(" %", ""), at), at).model_copy(update={"raw": raw})
        else:
            cell = make_cell(column, Tok(raw, at), at)
        cells.append(cell)
    return FundingLine(label=label, source=source, cells=tuple(cells), prov=at)
