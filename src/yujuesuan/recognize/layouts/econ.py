"""经济分类 detail (F06): (code, name, measures) groups side by side, keyed by code."""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, code_level, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import CODE, is_amount, join_wrapped, norm, parse_cell


def is_econ_code(text: str) -> bool:
    """A 经济分类 code: 3 or 5 digits, 部门 (3xx) or 政府 (5xx) classification."""
    return len(text) in (3, 5) and bool(CODE.match(text)) and text.startswith(("3", "5"))


TOTAL = "total"
PERSONNEL_TOTAL = "personnel_total"
PUBLIC_TOTAL = "public_total"


def econ(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """(code, name, measures) groups side by side; rows keyed by economic code."""
    cols = [c for c, _ in variant.columns]
    m = len(cols)
    records: list[tuple[str, list[Tok], list[Tok | None], Provenance]] = []
    if grid:
        split = "类款" in norm(header)  # SH24 prints 301 | 01 in two cells
        g = 2 + split + m
        for line in body:
            cells = cells_of(line)
            label_at = next((i for i, c in enumerate(cells[:2]) if norm(c.text) == "合计"), None)
            if label_at is not None:  # budget tables (B06, B13, B17) open with it
                records.append((TOTAL, [cells[label_at]], list(cells[-m:]), line.prov))
                continue
            at = next((i for i, c in enumerate(cells) if "人员经费合计" in c.text), None)
            if at is not None:
                after = cells[at + 1 : at + 1 + m]
                skipped = cells[at + 2 : at + 2 + m]
                if (
                    after
                    and not after[0].text
                    and skipped
                    and parse_cell(skipped[0].text)[0] is not CellState.TEXT
                ):
                    after = skipped  # an empty name cell sits between label and amount (Shanxi)
                records.append((PERSONNEL_TOTAL, [cells[at]], list(after), line.prov))
                pub = next((i for i, c in enumerate(cells) if "公用经费合计" in c.text), None)
                if pub is not None:  # its values sit in the last group's measure columns
                    tail = cells[pub + 1 :]
                    records.append((PUBLIC_TOTAL, [cells[pub]], list(tail[-m:]) if tail else [], line.prov))
                continue
            for i in range(0, len(cells), g):
                ch = cells[i : i + g]
                code = ch[0].text + (ch[1].text if split and len(ch) > 1 else "")
                if is_econ_code(code):
                    name = ch[1 + split] if len(ch) > 1 + split else None
                    records.append(
                        (code, [name] if name and name.text else [], list(ch[2 + split :]), ch[0].prov)
                    )
    else:
        records = _econ_stream(tokens(body), m)
    rows = []
    for key, names, values, prov in records:
        total = key in (TOTAL, PERSONNEL_TOTAL, PUBLIC_TOTAL)
        rows.append(
            Row(
                key=key,
                label="合计" if key == TOTAL else join_wrapped([t.text for t in names]),
                level=Level.TOTAL if total else code_level(key),
                code=None if total else key,
                cells=make_cells(cols, values, prov),
                prov=prov,
            )
        )
    return rows


def _econ_stream(toks: list[Tok], m: int) -> list[tuple[str, list[Tok], list[Tok | None], Provenance]]:
    out: list[tuple[str, list[Tok], list[Tok | None], Provenance]] = []
    cur: tuple[str, list[Tok], list[Tok | None], Provenance] | None = None
    for tok in toks:
        t = tok.text
        complete = cur is None or len(cur[2]) >= m
        if complete and is_econ_code(t):
            cur = (t, [], [], tok.prov)
            out.append(cur)
        elif complete and ("人员经费合计" in t or "公用经费合计" in t):
            cur = (PERSONNEL_TOTAL if "人员" in t else PUBLIC_TOTAL, [tok], [], tok.prov)
            out.append(cur)
        elif cur is not None and is_amount(t) and len(cur[2]) < m:
            cur[2].append(tok)
        elif cur is not None and not cur[2]:
            cur[1].append(tok)
    return out


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return is_econ_code(texts[0])
