"""`yjs template`, `yjs parse --format template` and `yjs render` as a preparer runs them:
real files give a document, data that break a rule are refused, bad input gets one line."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import BUDGET_SEED, FINAL_SEEDS, JIANGSU, SEEDS, corpus_file
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
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts


def test_the_budget_seed_becomes_a_workbook_and_a_document(tmp_path: Path) -> None:
    book = tmp_path / "budget.xlsx"
    r = yjs("parse", corpus_file(SEEDS / BUDGET_SEED), "-f", "template", "-o", book)
    assert r.returncode == 0, r.stderr
    # seed 001's 预算04表 does not balance (收入 11493.11, 支出 12593.11): render refuses …
    out = tmp_path / "budget.pdf"
    r = yjs("render", book, "-o", out)
    assert r.returncode == 1
    assert "B04-03" in r.stdout and "nothing was written" in r.stderr and not out.exists()
    r = yjs("render", book, "-o", out, "--force")
    assert r.returncode == 0, r.stderr
    assert "written despite 3 error(s)" in r.stderr
    # … and the document it writes restates every figure right: only the tables' own findings
    r = yjs("check", out)
    assert r.returncode == 1
    assert r.stdout.count("B04-03") == 1 and r.stdout.count("BX-04") == 2
    assert "3 errors, 2 warnings" in r.stdout and r.stdout.count("P17") == 2


def test_a_jiangsu_budget_is_not_written_as_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "js.xlsx"
    pdf = next(p for p in sorted(corpus_file(JIANGSU).rglob("*.pdf")))
    r = yjs("parse", pdf, "-f", "template", "-o", book)
    assert r.returncode == 2
    assert "budget/henan layout only" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and not book.exists()


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
    for options, said in (
        (("--kind", "概算"), "choose 决算 or 预算"),
        (("--kind", "预算", "--unit", "元"), "budgets are published in 万元"),
        (("--scope", "科室"), "choose 部门 or 单位"),
    ):
        r = yjs("template", "-o", tmp_path / "t.xlsx", *options)
        assert r.returncode == 2 and said in r.stderr
