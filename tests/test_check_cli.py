"""`yjs check` and `yjs rules` as a reviewer runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FINAL_SEEDS, SEEDS, SHANGHAI, SHANGHAI_PDFS, corpus_file
from tests.test_cli import yjs


def test_errors_exit_1_with_located_findings() -> None:
    r = yjs("check", corpus_file(SEEDS / FINAL_SEEDS["004"]))
    assert r.returncode == 1, r.stderr
    assert "l.491  N02 占比重算" in r.stdout
    assert "84,386,179.09/84,968,418.97 is 99.31%, printed 100.00%" in r.stdout
    assert "rounding and" in r.stdout.strip().splitlines()[-1]  # the summary counts the hidden notes


def test_no_errors_exit_0() -> None:
    # 003's tables and narrative hold no error; its annex does (tests/rules/test_evaluation_rules.py)
    r = yjs("check", corpus_file(SEEDS / FINAL_SEEDS["003"]), "--ignore", "N29,P")
    assert r.returncode == 0, r.stdout
    assert "0 errors, 0 warnings" in r.stdout


def test_select_and_min_severity() -> None:
    r = yjs("check", corpus_file(SEEDS / FINAL_SEEDS["000"]), "--select", "F01", "--min-severity", "info")
    assert r.returncode == 0
    lines = [x for x in r.stdout.splitlines() if x.startswith("    ")]
    assert lines and all(" F01-0" in x for x in lines)
    assert "F01-01 本年收入合计 = Σ 收入" in r.stdout and "difference 0.01" in r.stdout


def test_json_report_has_the_frictionless_shape(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = yjs("check", corpus_file(SHANGHAI / SHANGHAI_PDFS["shanghai-putuo"]), "-f", "json", "-o", out)
    assert r.returncode == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["valid"] is False and report["stats"]["tasks"] == 1
    [task] = report["tasks"]
    assert task["valid"] is False and task["stats"]["errors"] >= 1
    n13 = next(e for e in task["errors"] if e["code"] == "N13")
    assert n13["type"] == "N13" and n13["severity"] == "error"
    assert (n13["expected"], n13["actual"]) == ("2,961.7", "0.3")
    assert n13["location"]["page"] == 21


def test_html_report_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    r = yjs("check", corpus_file(SEEDS / FINAL_SEEDS["002"]), "-f", "html", "-o", out)
    assert r.returncode == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<style>" in page
    assert "src=" not in page and "href=" not in page  # nothing to fetch
    assert "焦作市人力资源社会保障电子政务中心" in page and "N19" in page


def test_rules_lists_every_rule_with_its_formula() -> None:
    r = yjs("rules")
    assert r.returncode == 0
    assert "FX-07  error    一般公共预算支出 04↔05" in r.stdout
    assert "F04.r59.c3 = F05[合计].c1" in r.stdout
    one = yjs("rules", "C09")
    assert one.stdout.startswith("C09  error    占位符与模板残留")
    assert yjs("rules", "Z99").returncode == 2


def test_unreadable_input_exit_2() -> None:
    r = yjs("check", "nothere.pdf")
    assert r.returncode == 2
    assert r.stderr == "yjs: error: nothere.pdf: no such file\n"


def test_many_files_one_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    files = [corpus_file(SEEDS / FINAL_SEEDS["004"]), corpus_file(SHANGHAI / SHANGHAI_PDFS["shanghai-putuo"])]
    r = yjs("check", *files, "-f", "html", "-o", out)
    assert r.returncode == 1, r.stderr
    page = out.read_text(encoding="utf-8")
    assert "忻州市人力资源和社会保障局" in page and "上海市普陀区财政局" in page
