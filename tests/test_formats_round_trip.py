"""A disclosure's tables written cell by cell to DOCX and XLSX parse back to the same tables.

Final accounts: the four text seeds. Budgets: the Henan 2025 seed (001) and every Jiangsu
budget PDF that holds the tables (one per department and year). The written files are
real grids, so reading them back has nothing to guess: no row keeps other readings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.builders import build_docx, build_xlsx
from tests.conftest import BUDGET_SEED, FINAL_SEEDS, JIANGSU, JIANGSU_PDFS, SEEDS, corpus_file
from yujuesuan.model import Disclosure
from yujuesuan.model.content import tables_content
from yujuesuan.pipeline import parse

SOURCES = (
    {k: SEEDS / v for k, v in FINAL_SEEDS.items()}
    | {"001": SEEDS / BUDGET_SEED}
    | {k: JIANGSU / v for k, v in JIANGSU_PDFS.items()}
)


@cache
def original_of(key: str) -> Disclosure:
    """The document as parsed from its source, once for both formats (the model is frozen)."""
    return parse([corpus_file(SOURCES[key])])


@pytest.mark.parametrize("key", sorted(SOURCES))
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_tables_round_trip(key: str, fmt: str, tmp_path: Path) -> None:
    original = original_of(key)
    path = tmp_path / f"{key}.{fmt}"
    (build_docx if fmt == "docx" else build_xlsx)(original, path)
    back = parse([path])
    assert_same_tables(back, original)


def assert_same_tables(back: Disclosure, original: Disclosure) -> None:
    keep = {"entity", "fiscal_year", "kind", "unit", "profile"}
    assert back.meta.model_dump(include=keep) == original.meta.model_dump(include=keep)
    want = tables_content(original)
    got = tables_content(back)
    assert [t["id"] for t in got] == [t["id"] for t in want]
    for g, w in zip(got, want, strict=True):
        assert g == w, g["id"]
    assert not [r.key for t in back.tables for r in t.rows if r.alternatives]
