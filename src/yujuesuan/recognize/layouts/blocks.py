"""label · amount blocks side by side (Jiangsu 收支预算总表, 财政拨款收支预算总表).

A printed row holds up to one pair per block; merged cells make rows shorter, so a pair
is placed by its label, not its position: the block whose fixed rows know the label, or
the class-line block for 一般公共服务支出 and the like.

Rows come block by block (收入, then 支出 …), each block top to bottom. Which rows of
different blocks share a printed line is layout, not content: one file prints 当年支出小计
beside 当年收入小计, another a line lower; a preparer's sheet pairs the lines as it likes.
"""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant, class_of
from yujuesuan.recognize.text import is_amount, join_wrapped, label_key, parse_cell


def _key(spec: TableSpec, label: str) -> str | None:
    key = label_key(label)
    for block in spec.blocks:
        for r in block.rows:
            if key in r.labels:
                return r.key
    if spec.class_block:
        code = class_of(label)
        if code is not None:
            return code
    return None


def _block_of(spec: TableSpec, key: str) -> int:
    """The block a row belongs to, counted left to right; a class line to the class block."""
    names = [b.name for b in spec.blocks]
    for i, block in enumerate(spec.blocks):
        if any(r.key == key for r in block.rows):
            return i
    return names.index(spec.class_block) if spec.class_block in names else len(names)


def _pairs(cells: list[Tok]) -> list[tuple[int, Tok, Tok | None]]:
    """(position, label, amount) pairs, left to right: a label cell and the cell after it."""
    out: list[tuple[int, Tok, Tok | None]] = []
    i = 0
    while i < len(cells):
        c = cells[i]
        if c.text and parse_cell(c.text)[0] is CellState.TEXT:
            amount = cells[i + 1] if i + 1 < len(cells) else None
            if amount is not None and amount.text and parse_cell(amount.text)[0] is CellState.TEXT:
                amount = None  # two labels in a row: this one printed no amount
                out.append((i, c, amount))
                i += 1
                continue
            out.append((i, c, amount))
            i += 2
        else:
            i += 1
    return out


def _letter_spaced(toks: list[Tok]) -> list[Tok]:
    """“本 年 收 入 合 计” printed with a space between letters is one label."""
    out: list[Tok] = []
    run = False  # the last token out is a run of single letters
    for t in toks:
        letter = len(t.text) == 1 and not t.text.isdigit()
        if letter and run:
            out[-1] = Tok(out[-1].text + t.text, out[-1].prov)
        else:
            out.append(t)
        run = letter
    return out


def blocks(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    cols = [c for c, _ in variant.columns]
    rows: list[Row] = []
    seen: set[str] = set()
    pending: dict[int, tuple[Tok, Tok | None]] = {}  # a label cut by a page break, by position
    for line in body:
        toks = cells_of(line) if grid else _letter_spaced(tokens([line]))
        for at, label, amount in _pairs(toks):
            text = label.text
            key = _key(spec, text)
            if key is None and at in pending:  # “八、社会保障和就” + “业支出” on the next page
                first, first_amount = pending.pop(at)
                text = first.text + text
                key = _key(spec, text)
                if first_amount is not None and first_amount.text:
                    amount = first_amount
                label = first
            if key is None:
                pending[at] = (label, amount)
                continue
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                Row(
                    key=key,
                    label=join_wrapped([text]),
                    level=Level.TOTAL if key.endswith(("total", "subtotal")) else Level.FIXED,
                    code=key if key.isdigit() else None,
                    cells=make_cells(cols, [amount], label.prov),
                    prov=label.prov,
                )
            )
    rows.sort(key=lambda r: _block_of(spec, r.key))
    return rows


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return _key(spec, texts[0]) is not None or any(is_amount(t) for t in texts)
