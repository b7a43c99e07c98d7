"""政府采购支出预算表 (Jiangsu B18): 合计, the 大类 (货物 A, 工程 B, 服务 C), under each its
专项/经济科目 subtotals, under each subtotal its 品目 rows.

A printed row is 采购品目大类 · 专项名称 · 经济科目 · 采购物品名称 · 采购组织形式 · 总计, and
which cells it fills says what it is: a 大类 label, a 品名 or 组织形式 (a 品目), else a 专项
or 经济科目 (a subtotal). The table prints no codes, so rows are keyed by their place in
the tree (``A``, ``A/2``, ``A/2/1``); the identity engine sums each row's children.
Cells merged down the page print their text once: a blank 专项 is the one above, and so
is a blank 品名 beside a second 组织形式.
"""

from __future__ import annotations

from dataclasses import dataclass

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import join_wrapped, label_key, norm, parse_cell

_SLOTS = 5  # the text columns before 总计


@dataclass(frozen=True)
class _Printed:
    """One printed row: its text columns (None where blank) and its amount."""

    head: Tok | None  # 采购品目大类: 合计, 一、货物A
    project: Tok | None  # 专项名称
    econ: Tok | None  # 经济科目
    item: Tok | None  # 采购物品名称
    form: Tok | None  # 采购组织形式
    amount: Tok | None
    prov: Provenance


def _fixed(spec: TableSpec, text: str) -> str | None:
    """``total``, ``A``, ``B`` or ``C`` for a 合计 or 大类 label."""
    key = label_key(text)
    return next((r.key for r in spec.listing if key in r.labels), None)


def _is_amount(tok: Tok) -> bool:
    return parse_cell(tok.text)[0] is not CellState.TEXT


def _from_grid(line: RawLine) -> _Printed | None:
    cells = cells_of(line)
    if len(cells) < _SLOTS + 1:
        return None  # merged across columns: read it as words
    head, project, econ, item, form = (c if c.text.strip() else None for c in cells[:_SLOTS])
    amount = cells[-1] if cells[-1].text.strip() and _is_amount(cells[-1]) else None
    return _Printed(head, project, econ, item, form, amount, line.prov)


def _from_words(spec: TableSpec, line: RawLine) -> _Printed | None:
    """A row whose blank cells are lost: the amount is last, a 组织形式 word marks a 品目,
    and of a subtotal's words the last is its 经济科目."""
    toks = tokens([line])
    amount = toks[-1] if toks and _is_amount(toks[-1]) else None
    words = toks[:-1] if amount else toks
    if not words:
        return None
    joined = Tok(join_wrapped([w.text for w in words]), words[0].prov)
    if _fixed(spec, joined.text) is not None:
        return _Printed(joined, None, None, None, None, amount, line.prov)
    at = next((i for i, w in enumerate(words) if norm(w.text) in spec.forms), None)
    if at is not None:
        item = Tok(join_wrapped([w.text for w in words[:at]]), words[0].prov) if at else None
        return _Printed(None, None, None, item, words[at], amount, line.prov)
    project = Tok(join_wrapped([w.text for w in words[:-1]]), words[0].prov) if len(words) > 1 else None
    return _Printed(None, project, words[-1], None, None, amount, line.prov)


def _printed(spec: TableSpec, body: list[RawLine], grid: bool) -> list[_Printed]:
    out = []
    for line in body:
        p = (_from_grid(line) if grid else None) or _from_words(spec, line)
        if p is not None and (p.amount or any((p.head, p.project, p.econ, p.item, p.form))):
            out.append(p)
    return out


def procurement(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    cols = [c for c, _ in variant.columns]
    rows: list[Row] = []
    counts: dict[str, int] = {}
    cls = ""  # the 大类 being read
    sub = ""  # the subtotal being read
    project = econ = item = ""  # the texts a merged cell carries down

    def child(parent: str) -> str:
        counts[parent] = counts.get(parent, 0) + 1
        return f"{parent}/{counts[parent]}" if parent else str(counts[parent])

    def add(p: _Printed, key: str, label: str, level: Level, at: Tok | None, form: str | None = None) -> None:
        rows.append(
            Row(
                key=key,
                label=label,
                level=level,
                cells=make_cells(cols, [p.amount], p.prov),
                prov=at.prov if at else p.prov,
                category=form,
                project=(project or None) if level is Level.SECTION else None,
            )
        )

    for p in _printed(spec, body, grid):
        if p.head is not None:
            fixed = _fixed(spec, p.head.text)
            label = join_wrapped([p.head.text])
            if fixed == "total":
                add(p, "total", "合计", Level.TOTAL, p.head)
                continue
            cls, sub = fixed or f"x:{label_key(label)}", ""  # a 大类 the template does not name
            add(p, cls, label, Level.CLASS, p.head)
        elif p.item or p.form or not (p.project or p.econ):
            item = join_wrapped([p.item.text]) if p.item else item
            form = norm(p.form.text) if p.form else None
            add(p, child(sub or cls), item, Level.ITEM, p.item or p.form, form)
        else:
            project = join_wrapped([p.project.text]) if p.project else project
            econ = join_wrapped([p.econ.text]) if p.econ else econ
            sub, item = child(cls), ""
            add(p, sub, econ, Level.SECTION, p.project or p.econ)
    return rows


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return _fixed(spec, texts[0]) is not None
