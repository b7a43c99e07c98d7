"""PDF reader: ruled tables as grid rows (blanks kept), prose lines, provenance, errors.

The real Shanghai 2024 决算 is the main fixture: its zero amounts are printed as blank
cells, so a reader that drops blanks shifts every later number into the wrong column.
pdfplumber's ``extract_tables`` is the reference for the body rows; a synthetic PDF
drawn with pdfium checks the geometry rules (merged cells, wrapped text, gaps) without
the corpus.
"""

from __future__ import annotations

import ctypes
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from yujuesuan.ingest.pdf import read_pdf
from yujuesuan.ingest.raw import InputError, RawDocument, RawLine

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "pdf"
SHANGHAI = CORPUS / "shanghai-2024-final" / "上海市普陀区财政局2024年度部门决算.pdf"
TEMPLATE = CORPUS / "shanghai-2024-final" / "附件2：部门决算模板.pdf"
JIANGSU = sorted((CORPUS / "jiangsu-budget").glob("*/*.pdf"))
# Pages of the Shanghai instance that hold ruled tables (5 is the small 单位构成 table).
SHANGHAI_TABLE_PAGES = [5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20]
NUMBER = re.compile(r"\d")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (expects ../shared/corpus beside the repository)")
    return path


def grid(doc: RawDocument, page: int) -> list[list[str]]:
    return [[c.text for c in ln.cells] for ln in doc.lines if ln.page == page and ln.grid]


def prose_lines(doc: RawDocument, page: int) -> list[RawLine]:
    return [ln for ln in doc.lines if ln.page == page and not ln.grid]


@pytest.fixture(scope="module")
def shanghai() -> RawDocument:
    return read_pdf(_need(SHANGHAI), "putuo.pdf")


@pytest.fixture(scope="module")
def plumber_pages() -> Iterator[dict[int, list[list[str | None]]]]:
    import pdfplumber

    with pdfplumber.open(_need(SHANGHAI)) as pdf:
        yield {n: [row for t in pdf.pages[n - 1].extract_tables() for row in t] for n in SHANGHAI_TABLE_PAGES}


# --- the Shanghai instance ------------------------------------------------------------


def test_document_metadata(shanghai: RawDocument) -> None:
    assert shanghai.source.name == "putuo.pdf"
    assert shanghai.source.format == "pdf"
    assert shanghai.source.pages == 25
    assert shanghai.source.sha256 == hashlib.sha256(SHANGHAI.read_bytes()).hexdigest()
    assert [ln.page for ln in shanghai.lines] == sorted(ln.page or 0 for ln in shanghai.lines)
    assert all(ln.prov.file == "putuo.pdf" for ln in shanghai.lines)


def test_page6_rows_keep_blank_cells(shanghai: RawDocument) -> None:
    rows = grid(shanghai, 6)
    assert rows[0] == ["收入", "支出"]  # merged header: fewer, wider cells
    assert rows[1] == ["项目", "决算数", "项目", "决算数"]
    assert rows[2] == ["一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"]
    assert rows[3] == ["二、政府性基金预算财政拨款收入", "", "二、外交支出", ""]
    assert rows[9] == ["八、其他收入", "6.20", "八、社会保障和就业支出", "326.71"]
    assert rows[10] == ["", "", "九、卫生健康支出", "60.99"]
    assert rows[-1] == ["本年收入合计", "2,946.25", "本年支出合计", "2,940.05"]
    assert all(len(r) == 4 for r in rows[1:])


def test_page8_codes_split_into_columns_and_wrapped_headers_joined(shanghai: RawDocument) -> None:
    rows = grid(shanghai, 8)
    # "本年收入合\n计" and "附属单\n位上\n缴收入" wrap inside their cells.
    assert rows[0] == [
        "项目",
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    ]
    assert rows[3] == ["类", "款", "项", "合计", "2,946.25", "2,940.05", "", "", "", "", "6.20"]
    assert rows[6] == ["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "", "", "", "", "0.01"]


def test_page15_merged_total_row(shanghai: RawDocument) -> None:
    rows = grid(shanghai, 15)
    assert rows[4] == ["201", "", "", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"]
    assert rows[6] == ["201", "06", "01", "行政运行", "1,511.89", "1,503.52", "8.37"]
    assert rows[7] == ["201", "06", "02", "一般行政管理事务", "10.00", "", "10.00"]
    # 合计 spans the code and name columns: one wider cell, as printed.
    assert rows[-1] == ["合计", "2,940.05", "2,336.91", "603.14"]


def test_empty_ruled_page_gives_blank_grid(shanghai: RawDocument) -> None:
    lines = [ln for ln in shanghai.lines if ln.page == 14]
    assert lines and all(ln.grid for ln in lines)
    assert all(c.text == "" for ln in lines for c in ln.cells)


@pytest.mark.parametrize("page", SHANGHAI_TABLE_PAGES)
def test_body_rows_match_pdfplumber(
    shanghai: RawDocument, plumber_pages: dict[int, list[list[str | None]]], page: int
) -> None:
    """Rows with a number must equal pdfplumber's cells.

    pdfplumber marks the columns a merged cell covers with None; we print the merged
    cell once, so those are dropped. Whitespace is ignored: pdfplumber puts a space into
    letter-spaced text ("因 公 出 国") where we keep the gap under 1 em joined.
    """

    def norm(row: list[str]) -> list[str]:
        return ["".join(c.split()) for c in row]

    ref = [norm([c for c in row if c is not None]) for row in plumber_pages[page]]
    mine = [norm(r) for r in grid(shanghai, page)]
    ref_body = [r for r in ref if any(NUMBER.search(c) for c in r)]
    mine_body = [r for r in mine if any(NUMBER.search(c) for c in r)]
    assert mine_body == ref_body
    assert len(mine) == len(ref)
    if page in (19, 20):  # 政府性基金 / 国有资本经营: printed empty: blank rows, blank total
        assert not ref_body
        assert mine[-9:] == [[""] * 10] * 8 + [["合计"] + [""] * 6]
    else:
        assert ref_body


def test_cell_and_row_provenance(shanghai: RawDocument) -> None:
    page6 = [ln for ln in shanghai.lines if ln.page == 6]
    assert [ln.prov.line for ln in page6] == list(range(1, len(page6) + 1))
    row = next(ln for ln in page6 if ln.grid and ln.cells[0].text == "一、一般公共预算财政拨款收入")
    assert row.prov.line == 6  # title, table title, unit, two header rows, then this row
    assert row.prov.cell is None
    assert [c.prov.cell for c in row.cells] == ["c1", "c2", "c3", "c4"]
    assert all(c.prov.line == 6 and c.prov.page == 6 and c.prov.file == "putuo.pdf" for c in row.cells)
    boxes = [c.prov.bbox for c in row.cells]
    assert all(b is not None for b in boxes)
    x0, top, x1, bottom = row.prov.bbox or (0.0, 0.0, 0.0, 0.0)
    assert 0 < x0 < x1 <= 595 and 0 < top < bottom <= 842
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left is not None and right is not None
        assert left[2] == pytest.approx(right[0], abs=0.01)  # cells tile the row
        assert (left[1], left[3]) == (top, bottom)
    # The row sits below the page-6 title, which is near the top of the page.
    title = page6[0]
    assert title.text.startswith("第二部分") and title.prov.bbox is not None
    assert title.prov.bbox[3] < top


def test_prose_keeps_numbers_inside_sentences(shanghai: RawDocument) -> None:
    lines = [ln.text for p in range(21, 26) for ln in prose_lines(shanghai, p)]
    assert "上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入" in lines
    assert "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他" in lines
    amounts = [ln for ln in lines if "万元" in ln]
    assert len(amounts) >= 20
    for text in amounts:  # every 万元 follows its amount on the same line
        for m in re.finditer("万元", text):
            assert re.search(r"\d$", text[: m.start()]), text


def test_prose_lines_are_single_visual_lines(shanghai: RawDocument) -> None:
    page21 = prose_lines(shanghai, 21)
    tops = [ln.prov.bbox[1] for ln in page21 if ln.prov.bbox]
    assert tops == sorted(tops)
    assert page21[2].text == "一、收入支出决算总体情况说明"
    assert all("\n" not in ln.text and "  " not in ln.text for ln in page21)


def test_template_reads_as_blank_grids() -> None:
    doc = read_pdf(_need(TEMPLATE), "template.pdf")
    assert doc.source.pages == 23
    rows = [r for p in range(1, 24) for r in grid(doc, p)]
    assert len(rows) > 100
    assert any("" in r for r in rows)


@pytest.mark.parametrize("path", JIANGSU, ids=lambda p: p.name)
def test_jiangsu_pdfs_read(path: Path) -> None:
    doc = read_pdf(path, path.name)
    assert doc.source.pages and doc.lines
    assert all(ln.cells for ln in doc.lines)
    assert all(ln.text for ln in doc.lines if not ln.grid)


def test_jiangsu_rotated_page_grid() -> None:
    path = _need(CORPUS / "jiangsu-budget" / "江苏省委办公厅" / "江苏省委办公厅2019年度部门预算公开表格.pdf")
    doc = read_pdf(path, path.name)
    rows = grid(doc, 2)  # a landscape table page stored as portrait with /Rotate 90
    assert rows[:3] == [
        ["项目名称", "金额"],
        ["收入总计", "27,664.22"],
        ["一般公共预算资金", "小计", "27,664.22"],
    ]
    # "一般公共预算资金" spans three rows: later rows keep a blank in its place.
    assert rows[3] == ["", "公共财政拨款(补助)资金", "27,664.22"]
    assert [ln.text for ln in prose_lines(doc, 2)][:1] == ["收入预算总表"]


# --- a synthetic PDF: geometry rules without the corpus ---------------------------------

W, H = 300.0, 220.0  # the synthetic page as displayed
Matrix = tuple[float, float, float, float, float, float]


def _placement(rotation: int) -> Matrix:
    """Where content laid out on the displayed W x H page goes on a page stored with
    /Rotate ``rotation``, so that a viewer shows the same thing (as landscape tables
    stored as rotated portrait pages do)."""
    return {
        0: (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        90: (0.0, 1.0, -1.0, 0.0, H, 0.0),
        180: (-1.0, 0.0, 0.0, -1.0, W, H),
        270: (0.0, -1.0, 1.0, 0.0, 0.0, W),
    }[rotation]


class _Page:
    """Draws text and rules with pdfium's editing API, in displayed-page coordinates."""

    def __init__(self, rotation: int) -> None:
        self.pdf = pdfium.PdfDocument.new()
        self.page = self.pdf.new_page(*((H, W) if rotation in (90, 270) else (W, H)))
        self.page.set_rotation(rotation)
        self.place = _placement(rotation)

    def _insert(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> None:
        pdfium_c.FPDFPageObj_Transform(obj, *self.place)
        pdfium_c.FPDFPage_InsertObject(self.page.raw, obj)

    def text(self, s: str, x: float, y: float, size: float = 10, scale: float = 1) -> None:
        """Helvetica text at (x, y); with ``scale`` the font is set at size/scale and the
        matrix scales it back up, as generators that write "1 Tf" do."""
        obj = pdfium_c.FPDFPageObj_NewTextObj(self.pdf.raw, b"Helvetica", size / scale)
        data = (s + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, (ctypes.c_ushort * (len(data) // 2)).from_buffer_copy(data))
        pdfium_c.FPDFPageObj_Transform(obj, scale, 0, 0, scale, x, y)
        self._insert(obj)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A stroked line segment."""
        obj = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
        pdfium_c.FPDFPath_LineTo(obj, x1, y1)
        pdfium_c.FPDFPageObj_SetStrokeWidth(obj, 1.0)
        pdfium_c.FPDFPath_SetDrawMode(obj, 0, 1)
        self._insert(obj)

    def thin_box(self, x: float, y: float, w: float, h: float) -> None:
        """A rule drawn the other common way: a thin filled rectangle."""
        obj = pdfium_c.FPDFPageObj_CreateNewRect(x, y, w, h)
        pdfium_c.FPDFPageObj_SetFillColor(obj, 0, 0, 0, 255)
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_ALTERNATE, 0)
        self._insert(obj)

    def save(self, path: Path) -> Path:
        pdfium_c.FPDFPage_GenerateContent(self.page.raw)
        self.pdf.save(path)
        self.page.close()
        self.pdf.close()
        return path


@pytest.fixture(params=[0, 90, 180, 270], ids=lambda r: f"rotate{r}")
def synthetic(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A title, a 3-column ruled table and three prose lines, on a page stored with each
    /Rotate value; all four must read the same.

    Table (PDF y up): rules at y = 180, 160, 130, 110; x = 20, 120, 200, 280. The first
    band has no rule at x = 200 (a merged "Amounts" header).
    """
    p = _Page(request.param)
    p.text("Report 2024", 20, 195, 12)
    for y in (180, 160, 130):
        p.rule(20, y, 280, y)
    p.thin_box(20, 109.5, 260, 1)  # the bottom rule
    p.rule(20, 110, 20, 180)
    p.rule(120, 110, 120, 180)
    p.thin_box(199.5, 110, 1, 50)  # only below the header band
    p.rule(280, 110, 280, 180)
    p.text("Item", 25, 166)
    p.text("Amounts", 125, 166)
    p.text("Total", 25, 148)  # wraps onto a second line in the cell
    p.text("amount", 25, 136)
    p.text("1,234.50", 125, 142)
    p.text("Other", 25, 116)
    p.text("7.00", 205, 116)
    p.text("Left", 20, 80)
    p.text("Right", 120, 80)  # a gap of several em on the same line
    p.text("Income", 20, 60)
    p.text("12.5", 56, 58.5)  # a slightly lower baseline: still the same line
    # The same again drawn as "1 Tf" scaled by 10: a reader that trusted the nominal
    # font size (1) would split the two words into lines or put a space between them.
    p.text("Net", 20, 40, scale=10)
    p.text("3.5", 39.5, 38.5, scale=10)
    return p.save(tmp_path / "synthetic.pdf")


def test_synthetic_table_and_prose(synthetic: Path) -> None:
    doc = read_pdf(synthetic, "syn.pdf")
    assert doc.source.pages == 1
    assert [ln.grid for ln in doc.lines] == [False, True, True, True, False, False, False]
    assert doc.lines[0].text == "Report 2024"
    assert grid(doc, 1) == [
        ["Item", "Amounts"],
        ["Total amount", "1,234.50", ""],  # Latin wrap joined with a space; blank kept
        ["Other", "", "7.00"],
    ]
    assert doc.lines[4].text == "Left Right"
    assert doc.lines[5].text == "Income12.5"
    assert doc.lines[6].text == "Net3.5"
    # Boxes are in points from the top-left of the page as displayed, whatever /Rotate.
    merged = doc.lines[1].cells[1].prov.bbox
    assert merged == pytest.approx((120.0, 40.0, 280.0, 60.0), abs=0.6)
    assert doc.lines[2].prov.bbox == pytest.approx((20.0, 60.0, 280.0, 90.0), abs=0.6)
    title = doc.lines[0].prov.bbox
    assert title is not None and 18 < title[0] < 22 and 10 < title[1] < title[3] < 30


# --- errors -----------------------------------------------------------------------------


def _encrypted_pdf() -> bytes:
    """A minimal PDF whose trailer names a Standard security handler with a non-empty
    user password (the /U entry matches no empty password), so pdfium asks for one."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    file_id = b"ab" * 16
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        file_id,
        file_id,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _one_line(exc: pytest.ExceptionInfo[InputError]) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(_need(SHANGHAI).read_bytes()[:1000])
    with pytest.raises(InputError) as exc:
        read_pdf(path, "cut.pdf")
    message = _one_line(exc)
    assert message.startswith("cut.pdf: not a readable PDF (")
    assert message.endswith("check that the file is complete")


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("这不是PDF，只是一段文字。\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_pdf(path, "notes.pdf")
    assert _one_line(exc).startswith("notes.pdf: not a readable PDF (")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(InputError) as exc:
        read_pdf(path, "empty.pdf")
    assert _one_line(exc).startswith("empty.pdf: not a readable PDF (the file is empty)")


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf())
    with pytest.raises(InputError) as exc:
        read_pdf(path, "locked.pdf")
    assert _one_line(exc) == "locked.pdf: the PDF is password-protected; remove the password and try again"


def test_no_text_layer(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842).close()
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    pdf.close()
    with pytest.raises(InputError) as exc:
        read_pdf(path, "scan.pdf")
    message = _one_line(exc)
    assert message.startswith(
        "scan.pdf: the PDF has no text layer (scanned images); OCR is not supported yet"
    )
    assert "use a PDF exported with text" in message


def test_password_error_after_a_stale_pdfium_error(tmp_path: Path) -> None:
    """pdfium's error code is global: a later unrelated failure must not be reported as
    a password problem."""
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted_pdf())
    with pytest.raises(InputError):
        read_pdf(locked, "locked.pdf")
    empty_doc = pdfium.PdfDocument.new()
    path = tmp_path / "nopages.pdf"
    empty_doc.save(path)
    empty_doc.close()
    with pytest.raises(InputError) as exc:
        read_pdf(path, "nopages.pdf")
    assert "password" not in _one_line(exc)
