"""DOCX and XLSX readers: layout, merged cells, number text, provenance and errors.

Round trips write a small hand-made Disclosure with the test builders and read it
back. The XLSX number decision under test: a numeric cell comes back as the text it
displays *without* thousands separators (Decimal 22828.10 formatted ``#,##0.00`` reads
"22828.10"); DOCX cells are text and keep the raw exactly ("22,828.10").
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from tests.builders import (
    PERSONNEL_TOTAL_KEY,
    PUBLIC_TOTAL_KEY,
    build_docx,
    build_xlsx,
    layout_of,
    number_format_for,
)
from yujuesuan.ingest.docx import read_docx
from yujuesuan.ingest.raw import InputError, RawDocument
from yujuesuan.ingest.xlsx import cell_text, read_xlsx
from yujuesuan.model import (
    Cell,
    CellState,
    Column,
    Disclosure,
    Kind,
    Level,
    Meta,
    Row,
    Scope,
    Table,
    Unit,
)

ENTITY = "焦作市测试局"
Line = str | tuple[str, ...]
"""A RawLine in short: prose as its text, a grid row as the tuple of its cell texts."""


# --- a small disclosure -------------------------------------------------------------


def num(column: str, raw: str) -> Cell:
    return Cell(column=column, raw=raw, state=CellState.NUMBER, value=Decimal(raw.replace(",", "")))


def blank(column: str) -> Cell:
    return Cell(column=column, raw="", state=CellState.BLANK)


def dash(column: str) -> Cell:
    return Cell(column=column, raw="—", state=CellState.DASH)


def fixed(line: int, label: str, cell: Cell) -> Row:
    return Row(key=f"r{line}", label=label, level=Level.FIXED, line_no=line, cells=(cell,))


def f01() -> Table:
    """Two-sided fragment, rows deliberately interleaved: the builder pairs by 行次."""
    rows = (
        fixed(1, "一、一般公共预算财政拨款收入", num("c1", "22,828.10")),
        fixed(32, "一般公共服务支出", num("c2", "20,000.00")),
        fixed(27, "本年收入合计", num("c1", "22,828.10")),
        fixed(58, "本年支出合计", num("c2", "22,828.10")),
        fixed(31, "总计", num("c1", "23,000.00")),
        fixed(60, "年末结转和结余", blank("c2")),
        fixed(62, "总计", num("c2", "23,000.00")),
    )
    return Table(
        id="F01",
        title="收入支出决算总表",
        label="公开01表",
        variant="henan-2023",
        unit=Unit.WAN_YUAN,
        columns=(Column(id="c1", header="决算数"), Column(id="c2", header="决算数")),
        rows=rows,
        notes=("注：本表反映部门本年度的总收支和年末结转结余情况。",),
    )


def f05() -> Table:
    columns = (
        Column(id="c1", header="小计"),
        Column(id="c2", header="基本支出"),
        Column(id="c3", header="项目支出"),
    )

    def row(key: str, code: str | None, label: str, level: Level, *cells: Cell) -> Row:
        return Row(key=key, label=label, level=level, code=code, cells=cells)

    rows = (
        row(
            "total",
            None,
            "合计",
            Level.TOTAL,
            num("c1", "22,828.10"),
            num("c2", "20,000.00"),
            num("c3", "2,828.10"),
        ),
        row("201", "201", "一般公共服务支出", Level.CLASS, num("c1", "12.3"), blank("c2"), dash("c3")),
        row(
            "2010101",
            "2010101",
            "行政运行",
            Level.ITEM,
            num("c1", "0.00"),
            num("c2", "-5.50"),
            num("c3", "38"),
        ),
    )
    return Table(
        id="F05",
        title="一般公共预算财政拨款支出决算表",
        label="公开05表",
        variant="henan-2023",
        unit=Unit.WAN_YUAN,
        columns=columns,
        rows=rows,
    )


def f06() -> Table:
    def row(code: str, label: str, raw: str) -> Row:
        level = Level.CLASS if len(code) == 3 else Level.SECTION
        return Row(
            key=code, label=label, level=level, code=code, cells=(num("b", raw) if raw else blank("b"),)
        )

    rows = (
        row("301", "工资福利支出", "1,000.00"),
        row("30101", "基本工资", "600.00"),
        row("302", "商品和服务支出", "300.00"),
        row("30201", "办公费", ""),
        row("310", "资本性支出", "50.00"),
        Row(key=PERSONNEL_TOTAL_KEY, label="人员经费合计", level=Level.TOTAL, cells=(num("b", "1,000.00"),)),
        Row(key=PUBLIC_TOTAL_KEY, label="公用经费合计", level=Level.TOTAL, cells=(num("b", "350.00"),)),
    )
    return Table(
        id="F06",
        title="一般公共预算财政拨款基本支出决算明细表",
        label="公开06表",
        variant="henan-2023",
        unit=Unit.WAN_YUAN,
        columns=(Column(id="b", header="决算数"),),
        rows=rows,
    )


F07_HEADERS = ("合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费")
F07_RAWS = ("10.00", "0.00", "8.00", "", "8.00", "2.00", "9.50", "0.00", "7.50", "—", "7.50", "2.00")


def f07() -> Table:
    columns = tuple(Column(id=f"c{i}", header=F07_HEADERS[(i - 1) % 6]) for i in range(1, 13))
    cells = tuple(
        Cell(column=f"c{i}", raw=raw, state=CellState.NUMBER, value=Decimal(raw))
        if raw not in ("", "—")
        else Cell(column=f"c{i}", raw=raw, state=CellState.BLANK if not raw else CellState.DASH)
        for i, raw in enumerate(F07_RAWS, start=1)
    )
    return Table(
        id="F07",
        title="财政拨款“三公”经费支出决算表",
        label="公开09表",
        variant="henan-2023",
        unit=Unit.WAN_YUAN,
        columns=columns,
        rows=(Row(key="total", label="财政拨款“三公”经费", level=Level.FIXED, cells=cells),),
    )


def f08_empty() -> Table:
    headers = ("年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余")
    return Table(
        id="F08",
        title="政府性基金预算财政拨款收入支出决算表",
        label="公开07表",
        variant="henan-2023",
        unit=Unit.WAN_YUAN,
        columns=tuple(Column(id=f"c{i}", header=h) for i, h in enumerate(headers, start=1)),
        rows=(),
        statements=("说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",),
    )


def disclosure(*tables: Table) -> Disclosure:
    meta = Meta(
        entity=ENTITY,
        fiscal_year=2023,
        kind=Kind.FINAL,
        scope=Scope.DEPARTMENT,
        unit=Unit.WAN_YUAN,
        profile="final/henan-2023",
        sources=(),
    )
    return Disclosure(meta=meta, tables=tables)


def short(raw: RawDocument) -> list[Line]:
    return [tuple(c.text for c in line.cells) if line.grid else line.text for line in raw.lines]


def word_head(table: Table) -> list[Line]:
    """The paragraphs build_docx prints above a table."""
    label = [table.label] if table.label else []
    return [table.title, *label, f"部门：{ENTITY}", "2023年度", "单位：万元"]


# --- DOCX round trip ----------------------------------------------------------------

F05_WORD: list[Line] = [
    ("功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"),
    ("", "合计", "22,828.10", "20,000.00", "2,828.10"),
    ("201", "一般公共服务支出", "12.3", "", "—"),
    ("2010101", "行政运行", "0.00", "-5.50", "38"),
]
F01_WORD: list[Line] = [
    ("项目", "行次", "决算数", "项目", "行次", "决算数"),
    ("一、一般公共预算财政拨款收入", "1", "22,828.10", "一般公共服务支出", "32", "20,000.00"),
    ("本年收入合计", "27", "22,828.10", "本年支出合计", "58", "22,828.10"),
    ("总计", "31", "23,000.00", "年末结转和结余", "60", ""),
    ("", "", "", "总计", "62", "23,000.00"),
]


def test_docx_round_trip_keeps_raw_text_blanks_and_order(tmp_path: Path) -> None:
    d = disclosure(f05(), f01(), f08_empty())
    path = tmp_path / "决算.docx"
    build_docx(d, path)

    raw = read_docx(path, "决算.docx")

    f08_head = (
        "功能分类科目编码",
        "科目名称",
        "年初结转和结余",
        "本年收入",
        "小计",
        "基本支出",
        "项目支出",
        "年末结转和结余",
    )
    assert short(raw) == [
        f"{ENTITY}2023年度部门决算",
        *word_head(f05()),
        *F05_WORD,
        *word_head(f01()),
        *F01_WORD,
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
        *word_head(f08_empty()),
        f08_head,
        "说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
    ]
    assert raw.source.format == "docx"
    assert raw.source.pages is None
    assert raw.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_docx_provenance_counts_blocks_tables_rows_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "d.docx"
    build_docx(disclosure(f05(), f01()), path)

    raw = read_docx(path, "shown.docx")

    assert raw.lines[0].prov.model_dump(exclude_none=True) == {"file": "shown.docx", "line": 1}
    f01_total = next(line for line in raw.lines if line.grid and line.cells[0].text == "本年收入合计")
    # blocks: cover, 5 lines + table (F05, block 7), 5 lines + table (F01, block 13)
    assert f01_total.prov.line == 13
    assert f01_total.prov.cell == "t2.r3"
    assert [c.prov.cell for c in f01_total.cells[:2]] == ["t2.r3.c1", "t2.r3.c2"]
    assert all(c.prov.page is None for c in f01_total.cells)


def test_docx_f06_groups_and_totals(tmp_path: Path) -> None:
    path = tmp_path / "f06.docx"
    build_docx(disclosure(f06()), path)

    grid = [line for line in short(read_docx(path, "f06.docx")) if isinstance(line, tuple)]

    assert grid == [
        ("经济分类科目编码", "科目名称", "决算数") * 3,
        ("301", "工资福利支出", "1,000.00", "302", "商品和服务支出", "300.00", "310", "资本性支出", "50.00"),
        ("30101", "基本工资", "600.00", "30201", "办公费", "", "", "", ""),
        ("人员经费合计", "", "1,000.00", "", "", "", "公用经费合计", "", "350.00"),
    ]


def test_docx_f07_merged_header_repeats_as_blanks(tmp_path: Path) -> None:
    path = tmp_path / "f07.docx"
    build_docx(disclosure(f07()), path)

    grid = [line for line in short(read_docx(path, "f07.docx")) if isinstance(line, tuple)]

    assert grid == [
        ("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
        F07_HEADERS * 2,
        F07_RAWS,
    ]


def test_f06_with_total_column_prints_four_groups_of_four() -> None:
    table = f06().model_copy(
        update={
            "columns": (Column(id="t", header="金额"), Column(id="b", header="其中：基本支出")),
            "rows": (
                Row(
                    key="30101",
                    label="基本工资",
                    level=Level.SECTION,
                    code="30101",
                    cells=(num("t", "1.00"), num("b", "1.00")),
                ),
                Row(
                    key="31011",
                    label="地上附着物和青苗补偿",
                    level=Level.SECTION,
                    code="31011",
                    cells=(num("t", "2.00"), dash("b")),
                ),
                Row(
                    key="31002",
                    label="办公设备购置",
                    level=Level.SECTION,
                    code="31002",
                    cells=(num("t", "3.00"), dash("b")),
                ),
            ),
        }
    )

    layout = layout_of(table)

    assert layout.sub == ["科目编码", "科目名称", "金额", "其中：基本支出"] * 4
    first = [out if isinstance(out, str) else out.raw for out in layout.body[0]]
    assert first[0:2] == ["30101", "基本工资"]
    assert first[8:10] == ["31002", "办公设备购置"]
    assert first[12:16] == ["31011", "地上附着物和青苗补偿", "2.00", "—"]


# --- DOCX merged cells, written directly ---------------------------------------------


def test_docx_merges_title_rows_empty_rows_and_interleaving(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("  封面  ")
    doc.add_paragraph("")  # empty: no line, but still a block
    table = doc.add_table(rows=5, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = "收入支出决算总表"  # title merged across
    table.cell(1, 0).text = "项目"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge over two header rows
    table.cell(1, 1).text = "本年支出"
    table.cell(1, 1).merge(table.cell(1, 3))  # horizontal merge over three columns
    for j, text in enumerate(("小计", "基本支出", "项目支出"), start=1):
        table.cell(2, j).text = text
    # row 4 (index 3) stays empty and is skipped
    cell = table.cell(4, 0)
    cell.text = "上缴"
    cell.add_paragraph("上级支出")  # a label wrapped into two paragraphs
    table.cell(4, 1).text = " 1,234.50 "
    doc.add_paragraph("注：中间的段落。")
    doc.add_table(rows=1, cols=2).cell(0, 1).text = "x"
    path = tmp_path / "m.docx"
    doc.save(str(path))

    raw = read_docx(path, "m.docx")

    assert short(raw) == [
        "封面",
        "收入支出决算总表",
        ("项目", "本年支出", "", ""),
        ("", "小计", "基本支出", "项目支出"),
        ("上缴上级支出", "1,234.50", "", ""),
        "注：中间的段落。",
        ("", "x"),
    ]
    title = raw.lines[1]
    assert not title.grid
    assert title.prov.model_dump(exclude_none=True) == {"file": "m.docx", "line": 3, "cell": "t1.r1"}
    assert raw.lines[4].prov.cell == "t1.r5"
    assert raw.lines[4].cells[1].prov.cell == "t1.r5.c2"
    assert raw.lines[6].prov.model_dump(exclude_none=True) == {"file": "m.docx", "line": 5, "cell": "t2.r1"}


# --- XLSX round trip ----------------------------------------------------------------


def test_xlsx_round_trip_numbers_merges_and_header_block(tmp_path: Path) -> None:
    d = disclosure(f05(), f01(), f08_empty())
    path = tmp_path / "决算.xlsx"
    build_xlsx(d, path)

    raw = read_xlsx(path, "决算.xlsx")

    assert short(raw) == [
        "一般公共预算财政拨款支出决算表",
        "公开05表",
        (f"部门：{ENTITY}", "", "2023年度", "", "单位：万元"),
        ("项目", "", "本年支出", "", ""),
        ("功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"),
        ("", "合计", "22828.10", "20000.00", "2828.10"),
        ("201", "一般公共服务支出", "12.3", "", "—"),
        ("2010101", "行政运行", "0.00", "-5.50", "38"),
        "收入支出决算总表",
        "公开01表",
        (f"部门：{ENTITY}", "", "2023年度", "", "", "单位：万元"),
        ("收入", "", "", "支出", "", ""),
        ("项目", "行次", "决算数", "项目", "行次", "决算数"),
        ("一、一般公共预算财政拨款收入", "1", "22828.10", "一般公共服务支出", "32", "20000.00"),
        ("本年收入合计", "27", "22828.10", "本年支出合计", "58", "22828.10"),
        ("总计", "31", "23000.00", "年末结转和结余", "60", ""),
        ("", "", "", "总计", "62", "23000.00"),
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
        "政府性基金预算财政拨款收入支出决算表",
        "公开07表",
        (f"部门：{ENTITY}", "", "", "2023年度", "", "", "", "单位：万元"),
        ("项目", "", "年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"),
        ("功能分类科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""),
        "说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
    ]
    assert raw.source.format == "xlsx"
    assert raw.source.pages == 3
    assert raw.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_xlsx_builder_writes_real_numbers_with_formats(tmp_path: Path) -> None:
    path = tmp_path / "f05.xlsx"
    build_xlsx(disclosure(f05()), path)

    sheet = load_workbook(path)["公开05表"]

    assert sheet["C6"].value == 22828.1  # a number cell, not the text "22,828.10"
    assert sheet["C6"].number_format == "#,##0.00"
    assert (sheet["C7"].value, sheet["C7"].number_format) == (12.3, "0.0")
    assert sheet["D7"].value is None  # blank stays empty
    assert sheet["E7"].value == "—"  # a dash stays text
    assert (sheet["E8"].value, sheet["E8"].number_format) == (38, "0")
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:E1", "A4:B4", "C4:E4"}


def test_xlsx_provenance_names_sheet_row_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    build_xlsx(disclosure(f05(), f01()), path)

    raw = read_xlsx(path, "shown.xlsx")

    title = raw.lines[8]
    assert title.prov.model_dump(exclude_none=True) == {
        "file": "shown.xlsx",
        "page": 2,
        "line": 1,
        "cell": "公开01表!A1",
    }
    total = next(line for line in raw.lines if line.grid and line.cells[1].text == "合计")
    assert total.prov.model_dump(exclude_none=True) == {
        "file": "shown.xlsx",
        "page": 1,
        "line": 6,
        "cell": "公开05表!A6:E6",
    }
    assert total.cells[2].prov.cell == "公开05表!C6"


def test_xlsx_rows_prose_only_for_a_single_text_cell(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "S"
    sheet["B1"] = "  标题\n第二行 "  # single text, not in column A
    sheet["A2"] = 42.0  # single number: still a grid row
    sheet["A4"] = "a"
    sheet["C4"] = 1.5
    sheet["F9"].number_format = "0.00"  # formatted but empty: adds no column
    path = tmp_path / "s.xlsx"
    workbook.save(str(path))

    raw = read_xlsx(path, "s.xlsx")

    assert short(raw) == ["标题第二行", ("42", "", ""), ("a", "", "1.5")]
    assert raw.lines[0].prov.cell == "S!B1"


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (22828.1, "#,##0.00", "22828.10"),
        (22828.1, "0.00", "22828.10"),
        (1234567.891, "#,##0.00;[Red]-#,##0.00", "1234567.89"),
        (0.125, "0.00", "0.13"),  # half up on the decimal, not on the binary float
        (2.5, "0", "3"),
        (-0.001, "0.00", "0.00"),  # no negative zero
        (-5.5, "#,##0.00_);(#,##0.00)", "-5.50"),
        (38, "General", "38"),
        (38.0, "General", "38"),
        (12.3, "General", "12.3"),
        (0.1 + 0.2, "General", "0.3"),  # as Excel shows it: 15 significant digits
        (1e16, "General", "10000000000000000"),
        (0.1234, "0.00%", "12.34%"),
        (7, '0.00"元"', "7.00"),
        (7, "@", "7"),
    ],
)
def test_number_text_follows_number_format(value: float, number_format: str, text: str) -> None:
    assert cell_text(value, number_format) == text


def test_builder_number_format_prints_the_raw() -> None:
    assert number_format_for("22,828.10") == "#,##0.00"
    assert number_format_for("22828.10") == "0.00"
    assert number_format_for("12.3") == "0.0"
    assert number_format_for("38") == "0"


# --- errors -------------------------------------------------------------------------

OLE_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip_with(*members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in members:
            archive.writestr(member, "<x/>")
    return buffer.getvalue()


def _damaged(real: bytes) -> bytes:
    """A package whose content types part is not XML: zip intact, content broken."""
    source = zipfile.ZipFile(io.BytesIO(real))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = b"<broken" if info.filename == "[Content_Types].xml" else source.read(info)
            archive.writestr(info.filename, data)
    return buffer.getvalue()


def _error(reader: Callable[[Path, str], RawDocument], path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        reader(path, path.name)
    message = str(caught.value)
    assert "\n" not in message
    # no library exception is chained on (it would print as a second traceback)
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    return message


def _real_docx(tmp_path: Path) -> bytes:
    path = tmp_path / "real.docx"
    build_docx(disclosure(f05()), path)
    return path.read_bytes()


def _real_xlsx(tmp_path: Path) -> bytes:
    path = tmp_path / "real.xlsx"
    build_xlsx(disclosure(f05()), path)
    return path.read_bytes()


def test_docx_errors(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    fix = "check the file is complete and is .docx, not .doc"
    assert _error(read_docx, p, b"") == f"a.docx: the file is empty (0 bytes); {fix}"
    assert _error(read_docx, p, b"%PDF-1.7 not a zip") == (
        f"a.docx: not a readable Word document (not a zip archive); {fix}"
    )
    truncated = _real_docx(tmp_path)[:2000]
    assert (
        _error(read_docx, p, truncated) == f"a.docx: not a readable Word document (not a zip archive); {fix}"
    )
    assert _error(read_docx, p, OLE_BYTES) == (
        "a.docx: not a readable Word document (it is password-protected, or an old .doc file); "
        "remove the password, or open it in Word and save it as .docx"
    )
    assert _error(read_docx, p, _zip_with("hello.txt")) == (
        f"a.docx: not a readable Word document (a zip archive, but not an Office document); {fix}"
    )
    assert _error(read_docx, p, _zip_with("[Content_Types].xml", "ppt/presentation.xml")) == (
        f"a.docx: not a readable Word document (an Office file, but not a Word document); {fix}"
    )
    message = _error(read_docx, p, _damaged(_real_docx(tmp_path)))
    assert message.startswith("a.docx: not a readable Word document (damaged content: ")
    assert message.endswith(f"); {fix}")
    assert _error(read_docx, p, _real_xlsx(tmp_path)) == (
        "a.docx: not a readable Word document (it is an Excel workbook); read it as .xlsx"
    )
    with pytest.raises(InputError, match=r"^missing\.docx: cannot open the file \(.*\); check the path$"):
        read_docx(tmp_path / "missing.docx", "missing.docx")


def test_xlsx_errors(tmp_path: Path) -> None:
    p = tmp_path / "b.xlsx"
    fix = "check the file is complete and is .xlsx (.xls is not supported: save it as .xlsx)"
    assert _error(read_xlsx, p, b"") == f"b.xlsx: the file is empty (0 bytes); {fix}"
    assert _error(read_xlsx, p, b"garbage, not a zip") == (
        f"b.xlsx: not a readable Excel workbook (not a zip archive); {fix}"
    )
    truncated = _real_xlsx(tmp_path)[:3000]
    assert (
        _error(read_xlsx, p, truncated) == f"b.xlsx: not a readable Excel workbook (not a zip archive); {fix}"
    )
    assert _error(read_xlsx, p, OLE_BYTES) == (
        "b.xlsx: not a readable Excel workbook (it is password-protected, or an old .xls file); "
        "remove the password, or open it in Excel and save it as .xlsx (.xls is not supported)"
    )
    assert _error(read_xlsx, p, _zip_with("hello.txt")) == (
        f"b.xlsx: not a readable Excel workbook (a zip archive, but not an Office document); {fix}"
    )
    assert _error(read_xlsx, p, _zip_with("[Content_Types].xml", "ppt/presentation.xml")) == (
        f"b.xlsx: not a readable Excel workbook (an Office file, but not an Excel workbook); {fix}"
    )
    message = _error(read_xlsx, p, _damaged(_real_xlsx(tmp_path)))
    assert message.startswith("b.xlsx: not a readable Excel workbook (damaged content: ")
    assert message.endswith(f"); {fix}")
    assert _error(read_xlsx, p, _real_docx(tmp_path)) == (
        "b.xlsx: not a readable Excel workbook (it is a Word document); read it as .docx"
    )


def test_xlsx_with_another_extension_is_still_read(tmp_path: Path) -> None:
    """openpyxl refuses unknown extensions given a file name; the reader passes bytes."""
    path = tmp_path / "export.dat"
    path.write_bytes(_real_xlsx(tmp_path))

    assert read_xlsx(path, "export.dat").source.pages == 1
