"""The preparer's workbook: what `yjs template` writes, a preparer filling it by hand, and
every way a filled workbook can be wrong (one line naming the sheet and the cell)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import FINAL_SEEDS, SEEDS, corpus_file
from yujuesuan.ingest.raw import InputError
from yujuesuan.model.disclosure import Kind, Meta, Scope
from yujuesuan.model.supplement import Supplement
from yujuesuan.model.tables import CellState, Unit
from yujuesuan.pipeline import parse
from yujuesuan.render.publish import blocking, printed, reread
from yujuesuan.template import layout as L
from yujuesuan.template.blank import blank_tables
from yujuesuan.template.read import read_workbook
from yujuesuan.template.recall import recall
from yujuesuan.template.workbook import workbook_of, write_workbook

META = Meta(
    entity="某某市某某中心", fiscal_year=2024, kind=Kind.FINAL, scope=Scope.UNIT, unit=Unit.WAN_YUAN,
    profile="final/henan-2023", sources=(),
)  # fmt: skip


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    path = tmp_path / "input.xlsx"
    path.write_bytes(write_workbook(META, blank_tables(META), Supplement()))
    return path


def sheet_of(wb: Workbook, table_id: str) -> Worksheet:
    return next(ws for ws in wb.worksheets if ws.title.startswith(table_id + " "))


def put(ws: Worksheet, key: str, column: str, value: object) -> None:
    """Type ``value`` where row ``key`` meets ``column``, as a preparer would."""
    markers = [ws.cell(L.MARKER_ROW, c).value for c in range(1, ws.max_column + 1)]
    for row in range(L.MARKER_ROW + 1, ws.max_row + 1):
        for k, m in enumerate(markers):
            if m in (L.KEY, L.CODE) and str(ws.cell(row, k + 1).value) == key:
                block_end = next((j for j in range(k + 1, len(markers)) if markers[j] == L.KEY), len(markers))
                ws.cell(row, markers.index(column, k, block_end) + 1, value)
                return
    raise KeyError(key)


def test_the_blank_workbook_has_every_table_and_topic(blank: Path) -> None:
    wb = load_workbook(blank)
    titles = wb.sheetnames
    assert titles[:2] == [L.GUIDE_SHEET, L.INFO_SHEET]
    assert [t.split(" ")[0] for t in titles[2:11]] == [
        "F01",
        "F02",
        "F03",
        "F04",
        "F05",
        "F06",
        "F08",
        "F09",
        "F07",
    ]
    for name in (
        "年初预算",
        "上年数与原因",
        "三公经费",
        "机关运行经费",
        "政府采购",
        "国有资产",
        "预算绩效",
        "所属单位",
        "绩效自评",
        "名词解释",
        "附件",
    ):
        assert name in titles
    f01 = sheet_of(wb, "F01")
    labels = [f01.cell(r, 2).value for r in range(1, f01.max_row + 1)]
    assert "一、一般公共预算财政拨款收入" in labels and "本年收入合计" in labels
    assert f01.column_dimensions["A"].hidden  # the row keys
    assert f01.data_validations.dataValidation  # amounts must be numbers
    fields = wb["三公经费"]
    assert fields.cell(2, 2).comment is not None  # every field says what goes there
    d, s = read_workbook(blank)
    assert d.meta.entity == "某某市某某中心" and d.meta.fiscal_year == 2024
    assert len(d.table("F01").rows) == 62 and len(d.table("F06").rows) == 83  # type: ignore[union-attr]
    assert all(c.state is CellState.BLANK for t in d.tables for r in t.rows for c in r.cells)
    assert len(s.glossary) == 18


def fill_a_small_unit(path: Path) -> None:
    """A unit whose 100.00万元 of 财政拨款 all went to 2080505 as basic spending on 30108."""
    wb = load_workbook(path)
    for key in ("r1", "r27", "r31"):
        put(sheet_of(wb, "F01"), key, "c1", 100)
    for key in ("r39", "r58", "r62"):
        put(sheet_of(wb, "F01"), key, "c2", 100)
    for key in ("r1", "r27", "r32"):
        put(sheet_of(wb, "F04"), key, "c1", 100)
    for key in ("r40", "r59", "r64"):
        put(sheet_of(wb, "F04"), key, "c2", 100)
        put(sheet_of(wb, "F04"), key, "c3", 100)
    for tid, columns in (("F02", ("c1", "c2")), ("F03", ("c1", "c2")), ("F05", ("c1", "c2"))):
        ws = sheet_of(wb, tid)
        first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "合计")
        for i, (code, name) in enumerate(
            (
                ("208", "社会保障和就业支出"),
                ("20805", "行政事业单位养老支出"),
                ("2080505", "机关事业单位基本养老保险缴费支出"),
            ),
            start=1,
        ):
            ws.cell(first + i, 1, code)
            ws.cell(first + i, 2, name)
        markers = [ws.cell(L.MARKER_ROW, c).value for c in range(1, ws.max_column + 1)]
        for r in range(first, first + 4):
            for c in markers[2:]:
                ws.cell(r, markers.index(c) + 1, 100 if c in columns else 0)
    for key in ("30108", "301", "personnel_total"):
        put(sheet_of(wb, "F06"), key, "b", 100)
    put(sheet_of(wb, "F06"), "public_total", "b", 0)
    items = wb["年初预算"]
    items.cell(2, 1, "2080505")
    items.cell(2, 4, 100)
    prior = wb["上年数与原因"]
    prior.cell(2, 3, 95)  # prior.total
    prior.cell(3, 3, "人员增加")
    wb.save(path)


def test_a_filled_workbook_renders_and_checks_clean(blank: Path, tmp_path: Path) -> None:
    fill_a_small_unit(blank)
    d, s = read_workbook(blank)
    assert d.table("F05").value("2080505", "c1") == Decimal("100")  # type: ignore[union-attr]
    result = reread(d, s, "out.docx")
    assert blocking(result).findings == []
    out = tmp_path / "out.docx"
    out.write_bytes(printed(d, s, ".docx"))
    again = parse([out])
    (one,) = [x for x in again.narrative if x.key == "一"]
    assert "2023" not in one.text
    assert (
        "2024年度收、支总计均为100.00万元。与上年度相比，收、支总计各增加5.00万元，增长5.26%，主要原因是：人员增加。"
        in one.text
    )
    (five,) = [x for x in again.narrative if x.key == "五"]
    assert (
        "年初预算为100.00万元，支出决算为100.00万元，完成年初预算的100.00%。决算数与年初预算数持平。"
        in five.text
    )


def test_a_broken_identity_blocks_the_render(blank: Path) -> None:
    fill_a_small_unit(blank)
    wb = load_workbook(blank)
    put(sheet_of(wb, "F01"), "r31", "c1", 120)  # 总计 is no longer 本年收入合计 + 结转
    wb.save(blank)
    d, s = read_workbook(blank)
    codes = {f.code for f in blocking(reread(d, s, "out.docx")).findings}
    assert any(c.startswith("F01") for c in codes), codes


def bad(path: Path, edit: object) -> str:
    wb = load_workbook(path)
    edit(wb)  # type: ignore[operator]
    wb.save(path)
    with pytest.raises(InputError) as e:
        read_workbook(path)
    return str(e.value)


def test_text_where_an_amount_goes(blank: Path) -> None:
    message = bad(blank, lambda wb: put(sheet_of(wb, "F01"), "r1", "c1", "一百"))
    assert "sheet “F01 收入支出决算总表” cell D" in message and "“一百” is not an amount" in message


def test_a_formula_without_a_saved_value(blank: Path) -> None:
    message = bad(blank, lambda wb: put(sheet_of(wb, "F01"), "r27", "c1", "=D5+D6"))
    assert "holds a formula with no saved value" in message and "open and save" in message


def test_a_year_that_is_not_a_year(blank: Path) -> None:
    message = bad(blank, lambda wb: wb[L.INFO_SHEET].cell(3, 3, "二〇二四"))
    assert "“二〇二四” is not a year" in message


def test_a_bad_or_repeated_code(blank: Path, tmp_path: Path) -> None:
    def codes(*values: str) -> object:
        def edit(wb: Workbook) -> None:
            ws = sheet_of(wb, "F05")
            first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "合计")
            for i, v in enumerate(values, start=1):
                ws.cell(first + i, 1, v)
                ws.cell(first + i, 2, "名称")

        return edit

    assert "“20801x” is not a 功能分类 code" in bad(blank, codes("20801x"))
    again = tmp_path / "again.xlsx"
    again.write_bytes(write_workbook(META, blank_tables(META), Supplement()))
    assert "code 208 appears twice" in bad(again, codes("208", "208"))


def test_not_a_yjs_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match="not a yjs workbook"):
        read_workbook(path)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """Seed 000's 自评表 prints “=100% 100% 1 1 0.00”; the workbook must not take it for a formula."""
    d = parse([corpus_file(SEEDS / FINAL_SEEDS["000"])])
    path = tmp_path / "000.xlsx"
    path.write_bytes(workbook_of(d, recall(d)))
    _, s = read_workbook(path)
    assert any(line.startswith("=100% 100%") for a in s.annexes for line in a.lines)
