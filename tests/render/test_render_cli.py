"""`yjs template`, `yjs parse --format template` and `yjs render` as a preparer runs them:
real files give a document, data that break a rule are refused, bad input gets one line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import BUDGET_SEED, FINAL_SEEDS, SEEDS, corpus_file
from tests.test_cli import yjs


def test_template_then_render_an_empty_workbook(tmp_path: Path) -> None:
    book = tmp_path / "2024.xlsx"
    r = yjs("template", "-o", book, "--year", "2024", "--scope", "单位", "--entity", "某某中心")
    assert r.returncode == 0, r.stderr
    assert f"yjs render {book}" in r.stderr
    out = tmp_path / "2024.docx"
    r = yjs("render", book, "-o", out)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "placeholder(s)" in r.stderr and out.exists()
    r = yjs("check", out, "--select", "C09")
    assert r.returncode == 1
    assert "【待填写：单位职责】" in r.stdout and "C09" in r.stdout


def test_parse_to_template_and_render_the_bundled_example(tmp_path: Path) -> None:
    book = tmp_path / "example.xlsx"
    r = yjs("parse", "-f", "template", "-o", book)
    assert r.returncode == 0, r.stderr
    # the example's own data break two rules (its 十三 names another unit), so render refuses …
    out = tmp_path / "example.docx"
    r = yjs("render", book, "-o", out)
    assert r.returncode == 1
    assert "C11" in r.stdout and "P16" in r.stdout and "nothing was written" in r.stderr
    assert not out.exists()
    # … unless forced
    r = yjs("render", book, "-o", out, "--force")
    assert r.returncode == 0, r.stderr
    assert "written despite 2 error(s)" in r.stderr and out.exists()


def test_the_pdf_embeds_its_chinese_fonts(tmp_path: Path) -> None:
    book = tmp_path / "002.xlsx"
    assert yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["002"]), "-f", "template", "-o", book).returncode == 0
    out = tmp_path / "002.pdf"
    r = yjs("render", book, "-o", out, "--force")
    assert r.returncode == 0, r.stderr
    fonts = {}
    for page in PdfReader(out).pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts


def test_a_budget_has_no_template_yet(tmp_path: Path) -> None:
    book = tmp_path / "budget.xlsx"
    r = yjs("parse", corpus_file(SEEDS / BUDGET_SEED), "-f", "template", "-o", book)
    assert r.returncode == 2
    assert "is a 预算" in r.stderr and "Traceback" not in r.stderr
    assert not book.exists()


def test_bad_render_inputs_get_one_line(tmp_path: Path) -> None:
    book = tmp_path / "in.xlsx"
    assert yjs("template", "-o", book).returncode == 0
    for args, words in (
        ((book, "-o", tmp_path / "out.odt"), "name the output .docx, .pdf or .html"),
        ((tmp_path / "missing.xlsx", "-o", tmp_path / "out.docx"), "missing.xlsx"),
        ((corpus_file(SEEDS / FINAL_SEEDS["002"]), "-o", tmp_path / "out.docx"), "002_"),
        ((book, "-o", book), "cannot write .xlsx"),
    ):
        r = yjs("render", *args)
        assert r.returncode == 2, (args, r.stderr)
        assert words in r.stderr and "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.docx").exists()
    for args, words in ((("--kind", "预算"), "only 决算"), (("--scope", "科室"), "choose 部门 or 单位")):
        r = yjs("template", "-o", tmp_path / "t.xlsx", *args)
        assert r.returncode == 2 and words in r.stderr
