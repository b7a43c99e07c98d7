"""`yjs` as a user runs it: real files give output, bad files one line and exit 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FINAL_SEEDS, SEEDS, SHANGHAI, SHANGHAI_PDFS, corpus_file


def yjs(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yujuesuan", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_no_arguments_parses_the_bundled_example() -> None:
    r = yjs("parse")
    assert r.returncode == 0, r.stderr
    assert "bundled example" in r.stderr
    assert "焦作市人力资源社会保障电子政务中心" in r.stdout
    assert "收入支出决算总表" in r.stdout


def test_parse_seed_to_json_file(tmp_path: Path) -> None:
    out = tmp_path / "000.json"
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["000"]), "-o", out)
    assert r.returncode == 0, r.stderr
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["meta"]["entity"] == "焦作市人力资源和社会保障局"
    f01 = next(t for t in d["tables"] if t["id"] == "F01")
    r1 = next(r for r in f01["rows"] if r["key"] == "r1")
    assert r1["cells"][0]["value"] == "22828.10"


def test_parse_to_csv_facts() -> None:
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["002"]), "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    hit = [x for x in rows if x["table"] == "F05" and x["row"] == "total" and x["column"] == "c1"]
    assert len(hit) == 1
    assert hit[0]["amount"] == "217.46" and hit[0]["unit"] == "万元" and hit[0]["line"] == "260"


def test_parse_to_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["003"]), "-f", "xlsx", "-o", out)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["F01 公开01表", "F02 公开02表", "F03 公开03表"]
    ws = wb["F01 公开01表"]
    assert ws["A1"].value == "收入支出决算总表"
    assert [c.value for c in ws[4]] == ["项目", "行次", "决算数", "项目", "行次", "决算数"]
    assert [ws["A5"].value, ws["B5"].value, str(ws["C5"].value), ws["C5"].number_format] == [
        "一、一般公共预算财政拨款收入",
        "1",
        "12705.06",
        "#,##0.00",
    ]
    assert [ws["D5"].value, ws["E5"].value, str(ws["F5"].value)] == ["一、一般公共服务支出", "32", "4.17"]
    assert ws["C13"].value is None and ws["B13"].value == "9"  # a blank cell stays blank
    f07 = wb["F07 公开09表"]
    assert [f07["A3"].value, f07["G3"].value, f07["B4"].value] == ["预算数", "决算数", "因公出国（境）费"]
    assert str(f07["F5"].value) == "0.5"  # 公务接待费 预算数 0.50


def test_many_files_into_a_folder_with_progress(tmp_path: Path) -> None:
    files = [corpus_file(SEEDS / v) for v in FINAL_SEEDS.values()]
    r = yjs("parse", *files, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{f.stem}.json" for f in files)


def test_schema_is_json_schema() -> None:
    r = yjs("schema")
    assert r.returncode == 0
    s = json.loads(r.stdout)
    assert s["title"] == "yujuesuan Disclosure"
    assert "Table" in s["$defs"] and "Cell" in s["$defs"]


# ---------------------------------------------------------------- bad input


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter(clone_from=str(corpus_file(SHANGHAI / SHANGHAI_PDFS["shanghai-template"])))
    w.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as f:
        w.write(f)


def _image_only_pdf(path: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    doc.save(str(path))


BAD: dict[str, tuple[str, object, str]] = {
    "empty": ("empty.pdf", b"", "the file is empty"),
    "corrupt": ("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "not a readable PDF"),
    "encrypted": ("locked.pdf", _encrypted_pdf, "password"),
    "no-text-layer": ("scan.pdf", _image_only_pdf, "no text layer"),
    "not-a-disclosure": (
        "letter.txt",
        "尊敬的用户：您好！这是一封普通的信。\n谢谢。\n".encode(),
        "no 部门决算/预算 public table found",
    ),
    "unsupported": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "unsupported file type"),
    "old-office": ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Office format"),
    "corrupt-docx": ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable"),
    "corrupt-xlsx": ("broken.xlsx", b"this is text", "not a readable"),
    "missing": ("nothere.pdf", None, "no such file"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_one_line_exit_2_no_output(case: str, tmp_path: Path) -> None:
    name, content, message = BAD[case]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif callable(content):
        content(path)
    out = tmp_path / "out.json"
    r = yjs("parse", path, "-o", out)
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"yjs: error: {name}") and message in lines[0], lines[0]
    assert "Traceback" not in r.stderr
    assert not out.exists() and not any(p.name.startswith(".yjs-") for p in tmp_path.iterdir())


def test_budget_of_unknown_layout_is_named(tmp_path: Path) -> None:
    text = tmp_path / "budget.txt"
    text.write_text(
        "某某局2026年部门预算公开\n预算01表\n2026年部门预算总览\n项目 金额\n收入 1.00\n", encoding="utf-8"
    )
    r = yjs("parse", text)
    assert r.returncode == 2
    assert "部门预算 (budget) disclosure whose tables are not recognised" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_one_bad_file_among_many_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["002"]), bad, "-o", out)
    assert r.returncode == 2
    assert "empty.txt: the file is empty" in r.stderr
    assert "nothing was written" in r.stderr
    assert not out.exists()


# ---------------------------------------------------------------- outputs


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    src = tmp_path / "seed.txt"
    src.write_bytes(corpus_file(SEEDS / FINAL_SEEDS["002"]).read_bytes())
    before = src.read_bytes()
    r = yjs("parse", src, "-o", src)
    assert r.returncode == 2
    assert r.stderr.strip() == f"yjs: error: {src}: is one of the inputs; choose another output name"
    assert src.read_bytes() == before


def test_two_inputs_with_one_name_are_refused(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_bytes(corpus_file(SEEDS / FINAL_SEEDS["002"]).read_bytes())
    r = yjs("parse", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "-o", tmp_path / "out")
    assert r.returncode == 2
    assert "would both write x.json" in r.stderr
    assert not (tmp_path / "out").exists()


def test_unwritable_output_is_one_line_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["002"]), "-o", blocker / "x.json")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "cannot write" in r.stderr and "Traceback" not in r.stderr


def test_xlsx_without_output_is_refused_before_parsing() -> None:
    r = yjs("parse", "does-not-exist.pdf", "-f", "xlsx")
    assert r.returncode == 2
    assert "--format xlsx writes a file" in r.stderr  # the missing input was not even read


def test_csv_into_a_folder_writes_facts_csv(tmp_path: Path) -> None:
    r = yjs("parse", corpus_file(SEEDS / FINAL_SEEDS["002"]), "-f", "csv", "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "facts.csv").read_text(encoding="utf-8").startswith("entity,fiscal_year,kind,table")


def test_many_inputs_without_output_are_json_lines() -> None:
    files = [corpus_file(SEEDS / FINAL_SEEDS[k]) for k in ("002", "003")]
    r = yjs("parse", *files)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert [json.loads(x)["meta"]["entity"] for x in lines] == [
        "焦作市人力资源社会保障电子政务中心",
        "济源产城融合示范区人力资源和社会保障局",
    ]


def test_usage_error_is_one_line() -> None:
    r = yjs("parse", "--bogus")
    assert r.returncode == 2
    assert r.stderr == "yjs: error: No such option: --bogus (see `yjs parse --help`)\n"


def test_pipe_is_not_a_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = yjs("parse", fifo)
    assert r.returncode == 2
    assert "is not a regular file" in r.stderr
