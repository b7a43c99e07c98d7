"""The budget performance target tables → ``model.performance``.

预算14表 (本级部门整体绩效目标表) is key–value: entity, 年度履职目标, 年度主要任务, 预算情况
and an indicator grid. 预算15表 (项目绩效目标表) lists the department, unit and project rows
with their funds, each project followed by its 三级指标 · 指标值 pairs. The text layer
wraps every cell over several lines, so both are read as token streams, with the fixed
vocabulary of refdata/performance.toml telling labels, values and notes apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.performance import Indicator, ProjectTarget, Task, UnitTarget
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell
from yujuesuan.recognize.layouts.common import Tok, make_cell, tokens
from yujuesuan.recognize.text import AMOUNT, LABEL, is_amount, join_wrapped, norm
from yujuesuan.refdata import load

TARGET_LAYOUTS = ("unit_targets", "project_targets")  # budget_tables.toml layouts read here
SOURCES = ("gov", "special", "unit")  # 政府预算资金 · 财政专户管理资金 · 单位资金
# 预算情况 lines: the field each label fills.
BUDGET_LABELS = (
    ("total", "部门预算总额"),
    ("gov", "政府预算资金"),
    ("special", "财政专户管理资金"),
    ("unit", "单位资金"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
)
_HEADINGS = {"年度履职目标": "duties", "年度主要任务": "tasks", "预算情况": "budget"}
_ENTITY = "部门（单位）名称"
_NUMERIC = re.compile(r"^[≥≤><＞＜=]|^\d")
_NUMBER_HEAD = re.compile(r"^[≥≤><＞＜=]*\s*[\d.]*\s*")
_PROJECT_HEAD = re.compile(r"^\d{17}$")
_PROJECT_TAIL = re.compile(r"^\d{4}$")
_PROJECT = re.compile(r"^\d{21}$")
_GROUP = re.compile(r"^\d{3}(?:\d{3})?$")


@dataclass(frozen=True)
class Vocabulary:
    grid: dict[str, tuple[str, str | None]]  # 三级 name → (一级, 二级) in 预算14表
    labels: tuple[str, ...]  # every 一级, 二级 and 一级+二级 as printed, normalised
    categories: tuple[str, ...]  # 预算15表's four 绩效目标 columns
    qualitative: frozenset[str]
    units: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    data: dict[str, Any] = load("performance")
    grid: dict[str, tuple[str, str | None]] = {}
    labels: set[str] = set()
    for g in data["unit_grid"]:
        for name in g["names"]:
            grid[norm(name)] = (g["category"], g["group"] or None)
        labels.update(x for x in (g["category"], g["group"], g["category"] + g["group"]) if x)
    return Vocabulary(
        grid=grid,
        labels=tuple(norm(x) for x in labels),
        categories=tuple(data["project_categories"]),
        qualitative=frozenset(norm(x) for x in data["qualitative_values"]),
        units=tuple(norm(x) for x in data["value_units"]),
    )


def _is_value(token: str) -> bool:
    t = norm(token)
    return bool(_NUMERIC.match(t) and re.search(r"\d", t)) or t in vocabulary().qualitative


# ---------------------------------------------------------------------------------------
# 预算14表


@dataclass
class _GridRow:
    """An indicator being read; its note lines follow it."""

    category: str | None
    group: str | None
    name: str
    target: str
    prov: Provenance
    note: list[str] = field(default_factory=list)


@dataclass
class _Grid:
    """The indicator grid of one 预算14表 being read."""

    label: str = ""  # wrapped 一级/二级 label fragments seen since the last indicator
    category: str | None = None
    group: str | None = None
    rows: list[_GridRow] = field(default_factory=list)

    def line(self, text: str, prov: Provenance) -> None:
        voc = vocabulary()
        toks = text.split()
        if len(toks) >= 3 and toks[-1] in ("%", "％"):
            toks[-2:] = [toks[-2] + toks[-1]]
        whole = norm(text)
        if len(toks) >= 2 and _is_value(toks[-1]) and not _is_value(toks[-2]):
            self.label += "".join(norm(t) for t in toks[:-2])
            name = join_wrapped([toks[-2]])
            if self.label:
                self._labels(self.label)
            category, group = voc.grid.get(norm(name), (self.category, self.group))
            self.rows.append(_GridRow(category, group, name, join_wrapped([toks[-1]]), prov))
            self.label = ""
        elif any(lab.startswith(self.label + whole) for lab in voc.labels):
            self.label += whole
        elif self.rows:
            self.rows[-1].note.append(text.strip())

    def cells(self, cells: list[str], prov: Provenance) -> None:
        """A grid row (DOCX, XLSX): 一级 · 二级 · 三级 · 指标值 · 说明 in their own cells; a
        blank 一级 or 二级 carries down (the merged cell of the printed form)."""
        category, group, name, target, note = (cells + [""] * 5)[:5]
        if not name:
            if self.rows and note:
                self.rows[-1].note.append(note)
            return
        self.category = category or self.category
        self.group = group or (self.group if not category else None)
        voc_category, voc_group = vocabulary().grid.get(norm(name), (self.category, self.group))
        self.rows.append(
            _GridRow(voc_category, voc_group, name, join_wrapped([target]), prov, [note] if note else [])
        )

    def _labels(self, printed: str) -> None:
        """一级/二级 from the printed labels, for a 三级 name the vocabulary lacks."""
        for lab in vocabulary().grid.values():
            category, group = lab
            if printed in (category, category + (group or "")):
                self.category, self.group = category, group
                return
            if group and printed == group:
                self.group = group
                return

    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(
            Indicator(
                category=r.category, group=r.group, name=r.name, target=r.target,
                note=join_wrapped(r.note) or None, prov=r.prov,
            )
            for r in self.rows
        )  # fmt: skip


def read_unit_target(title_prov: Provenance, lines: Sequence[RawLine]) -> UnitTarget | None:
    """One copy of 预算14表; None when its 部门（单位）名称 is not printed."""
    entity: str | None = None
    section = ""
    carry = ""  # a heading wrapped over lines (年度履职目 / 标)
    duties: list[str] = []
    tasks: list[Task] = []
    cells: dict[str, Cell] = {}
    blank: str | None = None  # a 预算情况 field whose amount may be on the next line
    grid = _Grid()
    for line in lines:
        text = line.text.replace("\t", " ").strip()
        n = norm(text)
        if not n or LABEL.match(n):
            continue  # the next table's label (预算15表) printed under this one
        if n.startswith(_ENTITY):
            entity = join_wrapped([n.removeprefix(_ENTITY).lstrip("：:")]) or entity
            continue
        if section != "grid":
            heading = next((h for h in _HEADINGS if (carry + n).startswith(h)), None)
            if heading is not None:
                rest = (carry + n).removeprefix(heading)
                section, carry = _HEADINGS[heading], ""
                if rest and section == "duties":
                    duties.append(rest)
                elif rest and section == "budget":
                    blank = _budget_line(text, line, cells, blank)
                continue
            if any(h.startswith(carry + n) for h in _HEADINGS):
                carry += n
                continue
            if n.startswith("一级指标"):
                section = "grid"
                continue
        if section == "duties":
            duties.append(text)
        elif section == "tasks" and not n.startswith("任务名称"):
            name, _, content = text.partition(" ")
            tasks.append(Task(name=norm(name), content=norm(content)))
        elif section == "budget":
            blank = _budget_line(text, line, cells, blank)
        elif section == "grid" and line.grid:
            grid.cells([c.text.strip() for c in line.cells], line.prov)
        elif section == "grid":
            grid.line(text, line.prov)
    if entity is None:
        return None
    return UnitTarget(
        entity=entity,
        duties=join_wrapped(duties),
        tasks=tuple(tasks),
        cells=tuple(cells.get(c) or make_cell(c, None, title_prov) for c, _ in BUDGET_LABELS),
        indicators=grid.indicators(),
        prov=title_prov,
    )


def _budget_line(text: str, line: RawLine, cells: dict[str, Cell], blank: str | None) -> str | None:
    """Fill the field this 预算情况 line labels. An amount alone on a line belongs to the
    label just above it, printed blank (the cell wrapped); returns that label's field."""
    n = norm(text)
    last = text.split()[-1]
    if blank is not None and AMOUNT.match(n):
        cells[blank] = make_cell(blank, Tok(n, line.prov), line.prov)
        return None
    for column, label in BUDGET_LABELS:
        if label in n and column not in cells:
            tok = Tok(last, line.prov) if AMOUNT.match(last) else None
            cells[column] = make_cell(column, tok, line.prov)
            return None if tok else column
    return None


# ---------------------------------------------------------------------------------------
# 预算15表


def read_project_targets(
    lines: Sequence[RawLine], sources_of: Callable[[str], tuple[str, ...]] = lambda name: SOURCES
) -> tuple[ProjectTarget, ...]:
    """The department, unit and project rows of 预算15表 in printed order.

    The text drops blank amount cells: after 资金总额, the printed figures fill the
    sources ``sources_of(unit name)`` names first (the unit's 预算14表 says which of
    政府预算资金 / 财政专户管理资金 / 单位资金 hold money), then the rest left to right.
    """
    # words, as the text layer gives them: a grid cell may hold a wrapped 项目编码 (17 + 4 digits)
    toks = [Tok(w, t.prov) for t in tokens(lines) for w in t.text.split()]
    starts = [k for k in range(len(toks)) if _row_start(toks, k) is not None]
    out: list[ProjectTarget] = []
    agency = ""
    for begin, end in zip(starts, [*starts[1:], len(toks)], strict=True):
        start = _row_start(toks, begin)
        assert start is not None  # begin is a row start
        code, is_project, i = start
        name: list[str] = []
        while i < end and not is_amount(toks[i].text):
            name.append(toks[i].text)  # a row printed without figures ends at the next code
            i += 1
        figures: list[Tok] = []
        while i < end and is_amount(toks[i].text):
            figures.append(toks[i])
            i += 1
        label = join_wrapped(name)
        if not is_project:
            agency = code
        at = toks[i - 1].prov
        out.append(
            ProjectTarget(
                agency=agency,
                name=label,
                project=code if is_project else None,
                cells=_fund_cells(figures, sources_of(_unit_name(out) if is_project else label), at),
                indicators=_pairs(toks[i:end]) if is_project else (),
                prov=at,
            )
        )
    return tuple(out)


def _unit_name(rows: Sequence[ProjectTarget]) -> str:
    return next((r.name for r in reversed(rows) if r.project is None), "")


def _row_start(toks: Sequence[Tok], i: int) -> tuple[str, bool, int] | None:
    """(code, is a project, index after the code) when a row starts at token ``i``."""
    t = toks[i].text
    if _PROJECT.match(t):
        return t, True, i + 1
    if _PROJECT_HEAD.match(t) and i + 1 < len(toks) and _PROJECT_TAIL.match(toks[i + 1].text):
        return t + toks[i + 1].text, True, i + 2
    if _GROUP.match(t) and i + 1 < len(toks) and not _NUMERIC.match(toks[i + 1].text):
        # a 503 / 503001 row: its name, then its amounts. A department row is followed by
        # a unit of its code (503 → 503001), so a bare count under an indicator (500 人次
        # … 3.00) is not taken for one.
        ahead = toks[i + 1 : i + 8]
        if not any(is_amount(x.text) for x in ahead):
            return None
        if len(t) == 6 or any(x.text.startswith(t) and len(x.text) == 6 for x in toks[i + 1 : i + 16]):
            return t, False, i + 1
    return None


def _fund_cells(figures: Sequence[Tok], sources: tuple[str, ...], fallback: Provenance) -> tuple[Cell, ...]:
    placed: dict[str, Tok] = {}
    if figures:
        placed["total"] = figures[0]
        order = list(sources) + [s for s in SOURCES if s not in sources]
        if len(figures) - 1 == len(SOURCES):
            order = list(SOURCES)
        for column, tok in zip(order, figures[1:], strict=False):
            placed[column] = tok
    return tuple(make_cell(c, placed.get(c), fallback) for c in ("total", *SOURCES))


def _pairs(toks: Sequence[Tok]) -> tuple[Indicator, ...]:
    """三级指标 · 指标值 pairs from the wrapped cells under a project.

    A project's first printed row holds one pair per 绩效目标 column (成本 · 产出 · 效益 ·
    满意度); continuation rows hold more pairs whose column the text cannot tell.
    """
    voc = vocabulary()
    found: list[tuple[str, str, Provenance]] = []
    name: list[Tok] = []
    i = 0
    while i < len(toks):
        start = i
        value, i = _value_at(toks, i, bool(name))
        if value is None:
            name.append(toks[i])
            i += 1
            continue
        found.append((join_wrapped([t.text for t in name]), value, (name or [toks[start]])[0].prov))
        name = []
    first_row = len(found) >= 4 and "满意" in found[3][0]
    out = []
    for k, (n, v, prov) in enumerate(found):
        category = voc.categories[k] if first_row and k < 4 else ("满意度指标" if "满意" in n else None)
        out.append(Indicator(category=category, name=n, target=v, prov=prov))
    return tuple(out)


def _value_at(toks: Sequence[Tok], i: int, after_name: bool) -> tuple[str | None, int]:
    """A 指标值 starting at token ``i`` (with the unit lines wrapped under it) and the index
    after it, or (None, i)."""
    voc = vocabulary()
    t = norm(toks[i].text)
    if _NUMERIC.match(t):
        j = i + 1
        while j < len(toks):
            tail = _NUMBER_HEAD.sub("", t)
            nxt = norm(toks[j].text)
            if not re.search(r"\d", t) or any(u.startswith(tail + nxt) for u in voc.units):
                t, j = t + nxt, j + 1
                continue
            break
        return t, j
    if after_name:
        for width in (4, 3, 2, 1):  # a qualitative value wrapped over up to four lines
            if i + width > len(toks):
                continue
            joined = "".join(norm(x.text) for x in toks[i : i + width])
            following = norm(toks[i + width].text) if i + width < len(toks) else ""
            if joined in voc.qualitative and len(following) != 1:  # 及时 / 率 is a name
                return joined, i + width
    return None, i
