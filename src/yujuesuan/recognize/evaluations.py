"""项目支出绩效自评表 (A02) → ``SelfEvaluation``: the Henan 2023 项目单位自评表 (A02-H) and
the Shanxi 2022 项目支出绩效自评表 (A02-S). TABLES.md §3, docs/performance-forms.md §2.4–2.5.

Both print merged cells that a text copy spreads over tab runs of any width, with labels
drifting between columns, so a row is read as its non-empty cells (the same cells in the
wide and the narrow layout) and recognised by what it holds: a funding label, a 资金管理
item, the 总分, or an indicator anchored from the right on ``分值 · 得分 [· 偏差度] [· reason]``.
一级/二级 labels are taken from the fixed vocabulary wherever they are printed and carried
to the rows below them (or back to the rows above the first label, A02-S 附件3).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.performance import FundingLine, ScoreLine, SelfEvaluation
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState, Unit
from yujuesuan.recognize.layouts.common import Tok, make_cell
from yujuesuan.recognize.text import norm

H_TITLE = "项目单位自评表"
S_TITLE = re.compile(r"项目支出绩效自评表(?:[（(]\d{4}年度[）)])?$")
_YEAR_LINE = re.compile(r"^[（(]\d{4}年度[）)]$")
_ATTACHED = re.compile(r"^附件\d+[：:]?$")
_CODED = re.compile(r"^(\d{3,6})[-－](.+)$")
_PERCENT = re.compile(r"^(-?\d+(?:\.\d+)?)\s*[%％]$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_DASH = frozenset({"-", "—", "－", "--"})
_GRADES = ("优", "良", "中", "差", "合格", "不合格")

# Funding rows: the printed label (normalised, without its unit) → source (None: the total).
_FUNDING = (
    ("年度资金总额", None),
    ("资金总额", None),
    ("政府性预算资金", "gov"),
    ("财政拨款", "gov"),
    ("市县区财政资金", "gov"),
    ("市区区财政资金", "gov"),
    ("财政专户管理资金", "special"),
    ("单位资金", "unit"),
    ("其他资金", "other"),
)
_FUND_ITEMS = ("安排科学性", "拨付合规性", "使用规范性", "预算绩效管理情况")
_HEADER_WORDS = ("年初预算数", "全年预算数", "全年执行数", "执行率", "目标申报数", "预算编制数")
_BLOCK_LABELS = (
    "项目资金（万元）",
    "项目资金（元）",
    "资金管理情况",
    "绩效指标",
    "年度总体目标",
    "项目年度绩效目标",
)

# 一级 labels, and 二级 → 一级 for each form (A02-S files 成本指标 under 产出指标).
_CATEGORIES = ("成本指标", "产出指标", "效益指标", "满意度指标")
_GROUPS_H = {
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}
_GROUPS_S = {k: v for k, v in _GROUPS_H.items() if v != "成本指标"} | {
    "成本指标": "产出指标",
    "可持续影响指标": "效益指标",
    "可持续发展指标": "效益指标",
}


# 二级 labels also printed short (003: 1603, 1634); a label only where the row has a name after it.
_GROUP_ALIASES = {"服务对象满意度": "服务对象满意度指标"}


def is_title(text: str) -> bool:
    """The line that starts a table: 项目单位自评表, or “{项目}项目支出绩效自评表 (2022年度)”."""
    t = norm(text)
    return t == H_TITLE or (bool(S_TITLE.search(t)) and len(t) <= 90 and "。" not in t)


def _cells(line: RawLine) -> list[Tok]:
    """The non-empty cells of a row: merged cells print as tab runs of any width."""
    if line.grid:
        return [Tok(c.text.strip(), c.prov) for c in line.cells if c.text.strip()]
    return [Tok(line.text.strip(), line.prov)] if line.text.strip() else []


def _num(text: str) -> bool:
    return bool(_NUMBER.match(text.strip()))


def _percent_cell(column: str, tok: Tok | None, fallback: Provenance | None) -> Cell:
    """A rate or deviation printed with or without its % (``87.08 %``, ``100``, ``-9.50%``):
    the value is the number of per cent."""
    if tok is None:
        return make_cell(column, None, fallback)
    m = _PERCENT.match(tok.text.strip())
    if m is None:
        return make_cell(column, tok, fallback)
    return make_cell(column, Tok(m.group(1), tok.prov), fallback).model_copy(update={"raw": tok.text.strip()})


def _blank(column: str, fallback: Provenance | None) -> Cell:
    return Cell(column=column, raw="", state=CellState.BLANK, prov=fallback)


@dataclass
class _Table:
    """One table being read."""

    title: str
    prov: Provenance
    shanxi: bool
    lines: list[RawLine] = field(default_factory=list)


def split_tables(lines: Sequence[RawLine]) -> list[_Table]:
    """The annex lines cut at each title; a title wrapped before its “(2022年度)” is joined."""
    out: list[_Table] = []
    for line in lines:
        text = norm(line.text)
        if is_title(text) and not line.grid:
            out.append(_Table(line.text.strip(), line.prov, shanxi=text != H_TITLE))
        elif out and _YEAR_LINE.match(text) and not out[-1].lines:
            out[-1].title += line.text.strip()
        elif out and not _ATTACHED.match(text):
            out[-1].lines.append(line)
    return out


def read_evaluations(lines: Sequence[RawLine]) -> tuple[SelfEvaluation, ...]:
    """Every A02 table among the annex lines, in printed order."""
    return tuple(e for t in split_tables(lines) if (e := _read(t)) is not None)


def _read(t: _Table) -> SelfEvaluation | None:
    project = department = agency = ""
    department_code = agency_code = None
    funds: list[FundingLine] = []
    fund_items: list[ScoreLine] = []
    indicators = _Indicators(_GROUPS_S if t.shanxi else _GROUPS_H, shanxi=t.shanxi)
    goal = outcome = ""
    total: Cell | None = None
    grade: str | None = None
    unit = Unit.WAN_YUAN
    state = "head"
    for line in t.lines:
        cells = _cells(line)
        if not cells:
            continue
        texts = [norm(c.text) for c in cells]
        first = texts[0]
        if state == "done":
            break
        if first == "项目名称" and len(cells) > 1:
            project = cells[1].text.strip()
            continue
        if first.startswith("主管部门"):
            department, department_code, agency, agency_code = _subjects(cells)
            continue
        if any(x.startswith("项目资金") for x in texts[:2]):
            unit = Unit.YUAN if "（元）" in texts[0] else Unit.WAN_YUAN
        funding = _funding_label(texts)
        if funding is not None and state in ("head", "funding"):
            state = "funding"
            funds.append(_funding_line(cells, texts, funding, line.prov, t.shanxi))
            continue
        if first == "总分":
            total, grade = _total(cells, line.prov)
            state = "done"
            continue
        item = next((i for i, x in enumerate(texts) if x in _FUND_ITEMS), None)
        if item is not None and state in ("head", "funding", "funds"):
            state = "funds"
            fund_items.append(_fund_item(cells, item, line.prov))
            continue
        if "情况说明" in texts and state in ("funding", "funds", "head"):
            state = "funds"
            continue
        if texts[0] in ("年度总体目标", "项目年度绩效目标") or "预期目标" in texts or "年度目标" in texts:
            state = "goal"
            continue
        if (
            state == "goal"
            and not any(x in ("一级指标", "三级指标") for x in texts)
            and not _labels_only(texts)
        ):
            values = [c.text.strip() for c in cells if norm(c.text) not in _BLOCK_LABELS]
            if values and not _anchor(values, t.shanxi):
                goal, outcome = values[0], " ".join(values[1:])
                state = "indicators"
                continue
        if "一级指标" in texts or "三级指标" in texts:
            state = "indicators"
            continue
        if state in ("goal", "indicators"):
            state = "indicators"
            indicators.add(cells, line.prov)
    if not project and not funds:
        return None
    return SelfEvaluation(
        form="A02",
        title=t.title,
        project=project,
        department=department,
        department_code=department_code,
        agency=agency,
        agency_code=agency_code,
        unit=unit,
        funds=tuple(funds),
        lines=(*fund_items, *indicators.rows()),
        goal=goal,
        outcome=outcome,
        total=total,
        grade=grade,
        prov=t.prov,
    )


def _subjects(cells: list[Tok]) -> tuple[str, str | None, str, str | None]:
    """主管部门 · {dept} · 实施单位 · {unit}; the label may share its cell (“实施单位 某某局”)
    and A02-S prints codes (“304-忻州市…”, “304006-忻州市…”)."""
    texts = [c.text.strip() for c in cells[1:]]
    department = texts[0] if texts else ""
    agency = ""
    for i, x in enumerate(texts[1:], start=1):
        nx = norm(x)
        for label in ("实施单位", "预算单位", "实施单位/预算单位"):
            if nx == label and i + 1 < len(texts):
                agency = texts[i + 1]
            elif nx.startswith(label) and len(nx) > len(label):
                agency = nx[len(label) :].lstrip("：:")
    department, department_code = _coded(department)
    agency, agency_code = _coded(agency)
    return department, department_code, agency, agency_code


def _coded(text: str) -> tuple[str, str | None]:
    m = _CODED.match(norm(text))
    return (m.group(2), m.group(1)) if m else (norm(text), None)


def _funding_label(texts: list[str]) -> str | None:
    """The source of a funding row (``""`` for the total), or None."""
    for x in texts[:2]:
        key = re.sub(r"（[^）]*）|[：:]", "", x)
        for label, source in _FUNDING:
            if key == label:
                return source or ""
    return None


def _funding_line(
    cells: list[Tok], texts: list[str], source: str, at: Provenance, shanxi: bool
) -> FundingLine:
    """The figures after the label. A02-H: 年初 · 全年 · 执行 · 分值 · 执行率 · 得分, a
    source row printing ``-`` for 分值/得分; some copies repeat 全年执行数 as a fourth amount,
    one prints no 得分, and two merge the column header into the total row (年初 and 执行率
    lost). A02-S: 目标申报数 · 预算编制数 · 全年 · 执行 · 结余 · 执行率 · 得分."""
    label_at = next(i for i, x in enumerate(texts) if _funding_label([x]) is not None)
    label = cells[label_at].text.strip().rstrip("：:")
    rest = cells[label_at + 1 :]
    merged_header = any(norm(c.text).startswith(_HEADER_WORDS) for c in rest)
    values = [c for c in rest if not norm(c.text).startswith(_HEADER_WORDS)]
    columns: list[tuple[str, Tok | None]]
    names: tuple[str, ...]
    if shanxi:
        names = ("declared", "initial", "budget", "executed", "balance", "rate", "score")
        columns = list(zip(names, values, strict=False))
    elif merged_header:
        columns = list(zip(("budget", "executed", "weight", "score"), values, strict=False))
    else:
        amounts = []
        for c in values:
            if not _num(c.text):
                break
            amounts.append(c)
        if len(amounts) == len(values):  # the total row: every cell a number
            if len(values) >= 7:
                values = values[:3] + values[4:]  # the fourth amount repeats 全年执行数
            names = ("initial", "budget", "executed", "weight", "rate", "score")
        else:
            if len(amounts) > 3:
                values = values[:3] + values[len(amounts) :]
            names = ("initial", "budget", "executed", "weight", "rate", "score")
        columns = list(zip(names, values, strict=False))
    by_name = dict(columns)
    order = (
        ("declared", "initial", "budget", "executed", "balance", "rate", "score")
        if shanxi
        else ("initial", "budget", "executed", "weight", "rate", "score")
    )
    out = []
    for name in order:
        tok = by_name.get(name)
        out.append(_percent_cell(name, tok, at) if name == "rate" else make_cell(name, tok, at))
    return FundingLine(label=label, source=source or None, cells=tuple(out), prov=at)


def _fund_item(cells: list[Tok], item: int, at: Provenance) -> ScoreLine:
    """安排科学性 · 情况说明 · 分值 · 得分 · [存在问题和改进措施]."""
    rest = cells[item + 1 :]
    explanation = ""
    if rest and not _num(rest[0].text):
        explanation, rest = rest[0].text.strip(), rest[1:]
    numbers: list[Tok] = []
    while rest and _num(rest[0].text) and len(numbers) < 2:
        numbers.append(rest.pop(0))
    return ScoreLine(
        block="funds",
        name=norm(cells[item].text),
        explanation=explanation,
        reason=" ".join(c.text.strip() for c in rest),
        cells=(
            make_cell("weight", numbers[0] if numbers else None, at),
            make_cell("score", numbers[1] if len(numbers) > 1 else None, at),
        ),
        prov=at,
    )


def _total(cells: list[Tok], at: Provenance) -> tuple[Cell, str | None]:
    """总分 · [100] · {score} · [等级]: A02-H prints 100 and the score, A02-S the score and
    its grade; a 总分 with nothing after it is a blank total."""
    numbers = [c for c in cells[1:] if _num(c.text)]
    grade = next((norm(c.text) for c in cells[1:] if norm(c.text) in _GRADES), None)
    if not numbers:
        return _blank("score", at), grade
    return make_cell("score", numbers[-1], at), grade


def _labels_only(texts: list[str]) -> bool:
    return all(x in _CATEGORIES or x in _GROUPS_H or x in _GROUPS_S or x in _BLOCK_LABELS for x in texts)


def _anchor(values: list[str], shanxi: bool) -> int | None:
    """Where 分值 sits in an indicator row, read from the right: A02-H ``分值 · 得分 ·
    偏差度%``, A02-S ``分值 · 得分``, each followed by an optional reason."""
    for j in range(len(values) - 2, 0, -1):
        if not (_num(values[j]) and _num(values[j + 1])):
            continue
        tail = values[j + 2 :]
        if shanxi and not any(_num(x) or _PERCENT.match(x) for x in tail):
            return j
        if not shanxi and tail and _PERCENT.match(tail[0]) and not any(_PERCENT.match(x) for x in tail[1:]):
            return j
    return None


class _Indicators:
    """Indicator rows with their 一级/二级 carried down (and back, above the first label)."""

    def __init__(self, groups: dict[str, str], shanxi: bool) -> None:
        self.groups = groups
        self.shanxi = shanxi
        self.category: str | None = None
        self.group: str | None = None
        self.out: list[ScoreLine] = []

    def _label(self, text: str) -> bool:
        t = _GROUP_ALIASES.get(norm(text), norm(text))
        if t in self.groups:
            self.group, self.category = t, self.groups[t]
            return True
        if t in _CATEGORIES:
            if t != self.category:
                self.group = None
            self.category = t
            return True
        return t == "绩效指标"  # the block's label

    def add(self, cells: list[Tok], at: Provenance) -> None:
        values = [c.text.strip() for c in cells]
        j = _anchor(values, self.shanxi)
        if j is None:
            for v in values:
                self._label(v)  # an empty slot: its labels still set the group
            return
        head = values[:j]
        width = 4 if self.shanxi else 3  # name · target [· adjusted] · actual
        while len(head) > width and norm(head[0]) in (
            *self.groups,
            *_GROUP_ALIASES,
            *_CATEGORIES,
            "绩效指标",
        ):
            self._label(head.pop(0))
        name, *values_ = head if head else [""]
        actual = values_[-1] if values_ else ""
        targets = values_[:-1]
        adjusted = None
        if self.shanxi and len(targets) >= 2:
            adjusted = targets[-1]
            targets = targets[:-1]
        after = cells[j:]
        deviation = None if self.shanxi else after[2]
        reason_from = 2 if self.shanxi else 3
        self.out.append(
            ScoreLine(
                block="indicators",
                name=name.strip(),
                category=self.category,
                group=self.group,
                target=" ".join(targets),
                adjusted=adjusted,
                actual=actual,
                reason=" ".join(c.text.strip() for c in after[reason_from:]),
                cells=(
                    make_cell("weight", after[0], at),
                    make_cell("score", after[1], at),
                    *(() if deviation is None else (_percent_cell("deviation", deviation, at),)),
                ),
                prov=at,
            )
        )

    def rows(self) -> Iterator[ScoreLine]:
        """Rows printed above the first label take that label (A02-S 附件3)."""
        first = next((r for r in self.out if r.group or r.category), None)
        for r in self.out:
            if first is not None and r.category is None and r.group is None:
                r = r.model_copy(update={"category": first.category, "group": first.group})
            yield r
