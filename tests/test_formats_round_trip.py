"""A seed's tables written cell by cell to DOCX and XLSX parse back to the same tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import build_docx, build_xlsx
from tests.conftest import FINAL_SEEDS, SEEDS, corpus_file
from yujuesuan.model.content import tables_content
from yujuesuan.pipeline import parse


@pytest.mark.parametrize("seed", sorted(FINAL_SEEDS))
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_tables_round_trip(seed: str, fmt: str, tmp_path: Path) -> None:
    original = parse([corpus_file(SEEDS / FINAL_SEEDS[seed])])
    path = tmp_path / f"{seed}.{fmt}"
    (build_docx if fmt == "docx" else build_xlsx)(original, path)
    back = parse([path])
    assert back.meta.entity == original.meta.entity
    assert back.meta.fiscal_year == original.meta.fiscal_year
    assert back.meta.unit == original.meta.unit
    want = tables_content(original)
    got = tables_content(back)
    assert [t["id"] for t in got] == [t["id"] for t in want]
    for g, w in zip(got, want, strict=True):
        assert g == w, g["id"]
