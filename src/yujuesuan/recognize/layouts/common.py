"""Tokens, cells and row helpers every layout reader uses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, Level
from yujuesuan.recognize.specs import FixedRow
from yujuesuan.recognize.text import label_key, parse_cell


@dataclass(frozen=True, slots=True)
class Tok:
    """A printed token (a grid cell or a space-separated word) and where it is."""

    text: str
    prov: Provenance


def tokens(lines: Iterable[RawLine]) -> list[Tok]:
    out: list[Tok] = []
    for line in lines:
        if line.grid:
            out.extend(Tok(c.text, c.prov) for c in line.cells if c.text)
        else:
            out.extend(Tok(w, line.prov) for w in line.text.split())
    return out


def cells_of(line: RawLine) -> list[Tok]:
    return [Tok(c.text, c.prov) for c in line.cells]


def make_cell(column: str, tok: Tok | None, fallback: Provenance | None) -> Cell:
    raw = tok.text.strip() if tok else ""
    state, value = parse_cell(raw)
    return Cell(column=column, raw=raw, state=state, value=value, prov=tok.prov if tok else fallback)


def make_cells(
    columns: Sequence[str], toks: Sequence[Tok | None], fallback: Provenance | None
) -> tuple[Cell, ...]:
    padded = list(toks) + [None] * (len(columns) - len(toks))
    return tuple(make_cell(c, t, fallback) for c, t in zip(columns, padded, strict=False))


def code_level(code: str | None) -> Level:
    return {3: Level.CLASS, 5: Level.SECTION, 7: Level.ITEM}.get(len(code or ""), Level.FIXED)


def find_fixed(rows: Sequence[FixedRow], label: str, after: int) -> FixedRow | None:
    """The first fixed row past ``after`` printed with this label (SH24 repeats labels)."""
    key = label_key(label)
    for r in rows:
        if r.line_no > after and key in r.labels:
            return r
    return None
