"""Each real disclosure parses to exactly its golden model (checked by hand once).

The whole model is compared — every table, row, cell, note, section and provenance —
not a sample. Regenerate with `python tests/regen_golden.py` only after reading the
difference against the source document.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.conftest import FINAL_SEEDS, GOLDEN, SEEDS, corpus_file, golden_sources
from yujuesuan.export.jsonfile import from_json, to_json
from yujuesuan.model import CellState
from yujuesuan.pipeline import parse

CASES = golden_sources()


@pytest.mark.parametrize("key", sorted(CASES))
def test_parses_to_golden(key: str) -> None:
    golden = GOLDEN / f"{key}.json"
    d = parse([corpus_file(CASES[key])])
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = json.loads(to_json(d))
    for name in ("meta", "profile", "narrative", "glossary", "attachments"):
        assert actual[name] == expected[name], name
    assert [t["id"] for t in actual["tables"]] == [t["id"] for t in expected["tables"]]
    for got, want in zip(actual["tables"], expected["tables"], strict=True):
        assert got == want, got["id"]
    assert actual == expected


@pytest.mark.parametrize("key", sorted(CASES))
def test_golden_round_trips_through_json(key: str) -> None:
    text = (GOLDEN / f"{key}.json").read_text(encoding="utf-8")
    assert to_json(from_json(text)) == text


def test_seed_000_values_are_exact_decimals() -> None:
    d = parse([corpus_file(SEEDS / FINAL_SEEDS["000"])])
    f01 = d.table("F01")
    assert f01 is not None
    assert f01.value("r1", "c1") == Decimal("22828.10")
    assert f01.value("r62", "c2") == Decimal("56441.14")
    row = f01.row("r9")
    assert row is not None and row.cells[0].state is CellState.BLANK
    f06 = d.table("F06")
    assert f06 is not None
    assert f06.value("39908", "b") == Decimal("0.00")  # its label wraps over three lines
    assert f06.row("39908").label == "对民间非营利组织和群众性自治组织补贴"  # type: ignore[union-attr]
    assert f06.value("personnel_total", "b") == Decimal("11337.86")
    f04 = d.table("F04")
    assert f04 is not None
    assert f04.row("r3").label == "三、国有资本经营预算财政拨款"  # type: ignore[union-attr]
    assert f04.row("r54").label == "二十二、灾害防治及应急管理支出"  # type: ignore[union-attr]
    assert f04.value("r64", "c4") == Decimal("32836.00")


def test_seed_004_blank_is_not_zero_and_na_is_kept() -> None:
    d = parse([corpus_file(SEEDS / FINAL_SEEDS["004"])])
    f01 = d.table("F01")
    assert f01 is not None
    r2 = f01.row("r2")
    assert r2 is not None and r2.cells[0].state is CellState.BLANK and r2.cells[0].value is None
    f06 = d.table("F06")
    assert f06 is not None
    r309 = f06.row("309")
    assert r309 is not None
    assert [c.state for c in r309.cells] == [CellState.BLANK, CellState.NOT_APPLICABLE]
    f10 = d.table("F10")
    assert f10 is not None
    assert f10.value("r7", "c1") == Decimal("5") and f10.row("r7").unit == "辆"  # type: ignore[union-attr]
