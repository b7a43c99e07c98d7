"""Shared fixtures: where the real corpus is, and how to run the CLI in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
SHANGHAI = CORPUS / "pdf" / "shanghai-2024-final"
JIANGSU = CORPUS / "pdf" / "jiangsu-budget"
GOLDEN = Path(__file__).parent / "golden"

FINAL_SEEDS = {
    "000": "000_eb1650b63de363c3.txt",
    "002": "002_35a5629310af1d92.txt",
    "003": "003_565532f530cb80ee.txt",
    "004": "004_eabaa33cc3394ff7.txt",
}
SHANGHAI_PDFS = {
    "shanghai-putuo": "上海市普陀区财政局2024年度部门决算.pdf",
    "shanghai-template": "附件2：部门决算模板.pdf",
}

# Jiangsu budgets: the files that carry the tables (one per department and year)
JIANGSU_PDFS = {
    "js-rd-2017": "江苏省人大办公厅/江苏省人大办公厅2017年度预算公开.pdf",
    "js-rd-2018": "江苏省人大办公厅/省人大办公厅2018预算公开.pdf",
    "js-rd-2019": "江苏省人大办公厅/江苏省人大常委会办公厅2019年部门预算公开表.pdf",
    "js-jcy-2017": "江苏省人民检察院/2017年省检察院部门预算.pdf",
    "js-jcy-2018": "江苏省人民检察院/2018年省检察院部门预算公开.pdf",
    "js-jcy-2019": "江苏省人民检察院/2019年度部门预算公开.pdf",
    "js-sw-2017": "江苏省委办公厅/江苏省委办公厅2017年预算公开表格.pdf",
    "js-sw-2018": "江苏省委办公厅/江苏省委办公厅2018年度部门预算公开表.pdf",
    "js-sw-2019": "江苏省委办公厅/江苏省委办公厅2019年度部门预算公开表格.pdf",
}


BUDGET_SEED = "001_b36b569784039dee.txt"  # 焦作市解放区人社局 2025年部门预算 (Henan)


def golden_sources() -> dict[str, Path]:
    """Every document with a golden model: key → source file."""
    return (
        {k: SEEDS / v for k, v in FINAL_SEEDS.items()}
        | {"001": SEEDS / BUDGET_SEED}
        | {k: SHANGHAI / v for k, v in SHANGHAI_PDFS.items()}
        | {k: JIANGSU / v for k, v in JIANGSU_PDFS.items()}
    )


def corpus_file(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (the tests expect ../shared/corpus beside the repository)")
    return path
