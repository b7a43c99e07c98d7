"""Putting back the columns of rows whose text dropped blank cells (Henan 2025 budgets)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import BUDGET_SEED, SEEDS, corpus_file
from yujuesuan.model.tables import Cell, CellState, Level, Row
from yujuesuan.pipeline import parse
from yujuesuan.recognize.placement import reading, readings, row_shape
from yujuesuan.recognize.settle import settle_table

# 预算03表: 总计 | 基本 合计 · 人员 小计 · 工资福利 · 对个人 · 公用 小计 · 商品服务 · 资本性 | 项目 合计 · 其他运转 · 特定目标
B03 = tuple(f"c{i}" for i in range(1, 12))
B03_ROW = ("c1 = c2 + c9", "c2 = c3 + c6", "c3 = c4 + c5", "c6 = c7 + c8", "c9 = c10 + c11")


def values(text: str) -> list[Decimal]:
    return [Decimal(t) for t in text.split()]


def test_a_project_row_has_two_readings() -> None:
    """“7.60 0 0 7.60 7.60”: 项目支出 is sure; 其他运转类 or 特定目标类 is not."""
    v = values("7.60 0 0 7.60 7.60")
    found = [reading(v, p, 11) for p in readings(v, row_shape(B03, B03_ROW))]
    assert len(found) == 2
    assert {r[8] for r in found} == {Decimal("7.60")} and {r[9] for r in found} == {Decimal("7.60"), 0}


def test_the_identities_place_a_full_row_once() -> None:
    v = values("600.52 0 0 600.52 572.98 27.54")
    [p] = readings(v, row_shape(B03, B03_ROW))
    assert p == (0, 1, 2, 8, 9, 10)


def test_no_reading_when_the_figures_cannot_add_up() -> None:
    assert readings(values("10.00 3.00 3.00"), row_shape(("c1", "c2", "c3"), ("c1 = c2 + c3",))) == []


def _row(key: str, level: Level, options: list[list[str]]) -> Row:
    def cells(raw: list[str]) -> tuple[Cell, ...]:
        return tuple(
            Cell(
                column=f"c{i + 1}",
                raw=r,
                state=CellState.NUMBER if r else CellState.BLANK,
                value=Decimal(r) if r else None,
            )
            for i, r in enumerate(raw)
        )

    first, *rest = options
    return Row(
        key=key, label=key, level=level, agency="u" if level is not Level.TOTAL else None,
        cells=cells(first), alternatives=tuple(cells(o) for o in rest) or None,
    )  # fmt: skip


def test_column_sums_choose_between_readings() -> None:
    """A unit's 特定目标类 is 5.00 and one sure line holds it: the open line is 其他运转类."""
    rows = [
        _row("u", Level.UNIT, [["12.00", "7.00", "5.00"]]),
        _row("u/1", Level.ITEM, [["5.00", "", "5.00"]]),
        _row("u/2", Level.ITEM, [["7.00", "", "7.00"], ["7.00", "7.00", ""]]),
    ]
    settled = settle_table(rows)
    assert settled[2].alternatives is None
    assert settled[2].value("c2") == Decimal("7.00") and settled[2].value("c3") is None


def test_seed_001_is_settled_everywhere() -> None:
    d = parse([corpus_file(SEEDS / BUDGET_SEED)])
    assert [r.key for t in d.tables for r in t.rows if r.alternatives] == []
    b03 = d.table("B03")
    assert b03 is not None
    row = b03.row("503001/2080150")  # 事业运行: 94.80 94.80 88.76 88.76 6.04 6.04
    assert row is not None
    assert (row.value("c4"), row.value("c5"), row.value("c7"), row.value("c8")) == (
        Decimal("88.76"), None, Decimal("6.04"), None,
    )  # fmt: skip
    b09 = d.table("B09")
    assert b09 is not None and b09.value("total", "c7") == Decimal("2.12")  # 公务接待费, not 因公出国
