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


def corpus_file(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (the tests expect ../shared/corpus beside the repository)")
    return path
