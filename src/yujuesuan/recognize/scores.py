"""项目（单位）自评汇总表 (A03, Henan 单位决算) → ``ProjectScore`` rows.

One printed row per project with 18 cells (TABLES.md §3 A03): unit, 主管部门, project,
type, office, three amounts, six rates, the score and the deviation flag. Rows are found
by their 单位编码 (six digits) under the header that starts 单位编码.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.performance import ProjectScore
from yujuesuan.recognize.layouts.common import Tok, make_cell
from yujuesuan.recognize.text import norm

TITLE = "项目单位自评汇总表"
_HEADER = "单位编码"
_UNIT_CODE = re.compile(r"^\d{6}$")
_AMOUNTS = ("budget", "executed", "queried")  # 全年预算数 · 全年执行数 · 系统查询全年执行数
_RATES = (
    "预算执行率",
    "资金管理情况得分率",
    "成本指标得分率",
    "产出指标得分率",
    "效益指标得分率",
    "满意度指标得分率",
)
_WIDTH = 18


def _is_title(text: str) -> bool:
    """项目单位自评汇总表, also printed 项目（单位）自评汇总表 or after its year."""
    t = re.sub(r"[（）()]", "", norm(text))
    return t.endswith(TITLE) and len(t) <= len(TITLE) + 10


def is_score_table(heading: str, lines: Sequence[RawLine]) -> bool:
    """An annex headed by the title, or whose first lines print it."""
    return _is_title(heading) or any(_is_title(ln.text) for ln in lines[:6])


def _cells(line: RawLine) -> list[str]:
    """The printed cells: grid cells (tab-separated text is a grid too), or the words of a
    line whose blanks are lost."""
    return [c.text.strip() for c in line.cells] if line.grid else line.text.split()


def _tok(line: RawLine, k: int, cells: list[str]) -> Tok:
    """Cell ``k`` with its own location where the row is a grid (t3.r4.c8, Sheet!H5)."""
    prov = line.cells[k].prov if line.grid and k < len(line.cells) else line.prov
    return Tok(cells[k], prov)


def read_project_scores(lines: Sequence[RawLine]) -> tuple[ProjectScore, ...]:
    """The rows under the header; a row with another number of cells is not one of them."""
    out: list[ProjectScore] = []
    started = False
    for line in lines:
        cells = _cells(line)
        if not cells:
            continue
        if norm(cells[0]) == _HEADER:
            started = True
            continue
        if not started or len(cells) != _WIDTH or not _UNIT_CODE.match(cells[0]):
            continue
        out.append(
            ProjectScore(
                agency=cells[0],
                unit_name=norm(cells[1]),
                department=norm(cells[3]),
                name=cells[4],
                kind=cells[5],
                cells=(
                    *(
                        make_cell(c, _tok(line, k, cells), line.prov)
                        for c, k in zip(_AMOUNTS, (7, 8, 9), strict=True)
                    ),
                    make_cell("score", _tok(line, 16, cells), line.prov),
                ),
                rates=tuple(zip(_RATES, cells[10:16], strict=True)),
                deviates=cells[17],
                prov=line.prov,
            )
        )
    return tuple(out)
