"""收入 | 支出 tables side by side (F01, F04): rows keyed by 行次, printed or looked up."""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, find_fixed, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, class_names
from yujuesuan.recognize.text import as_int, is_amount, join_wrapped, label_key, norm


def two_sided(spec: TableSpec, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """收入 block left, 支出 block right; rows keyed by 行次 (printed or looked up)."""
    left_cols = [c for c, _ in spec.left_columns]
    right_cols = [c for c, _ in spec.right_columns]
    sides: list[tuple[str, int | None, list[Tok], list[Tok], Provenance]] = []  # side, 行次, label, values
    if grid:
        has_no = "行次" in norm(header) or any(
            len(line.cells) > 1 and as_int(line.cells[1].text) is not None for line in body
        )
        lw = 1 + has_no + len(left_cols)
        for line in body:
            cells = cells_of(line)
            for side, part in (("L", cells[:lw]), ("R", cells[lw : lw + 1 + has_no + len(right_cols)])):
                if not part:
                    continue
                no = as_int(part[1].text) if has_no and len(part) > 1 else None
                values = part[1 + has_no :]
                printed = [part[0]] if part[0].text else []
                if not printed and no is None and not any(v.text for v in values):
                    continue
                sides.append((side, no, printed, values, line.prov))
    else:
        sides = _two_sided_stream(spec, tokens(body))
    rows: list[Row] = []
    last = {"L": 0, "R": 0}
    for side, no, label_toks, values, prov in sides:
        fixed_rows = spec.left_rows if side == "L" else spec.right_rows
        label = join_wrapped([t.text for t in label_toks])
        fixed = None
        if no is None:
            fixed = find_fixed(fixed_rows, label, last[side])
            no = fixed.line_no if fixed else None
        else:
            fixed = next((r for r in fixed_rows if r.line_no == no), None)
        if no is not None:
            last[side] = no
        code = fixed.code if fixed else None
        if code is None and side == "R" and label:
            code = class_names().get(label_key(label))
        cols = left_cols if side == "L" else right_cols
        rows.append(
            Row(
                key=f"r{no}" if no is not None else f"{side}:{label_key(label)}",
                label=label,
                level=Level.TOTAL if "总计" in label or "合计" in label else Level.FIXED,
                code=code,
                line_no=no,
                cells=make_cells(cols, values, prov),
                prov=label_toks[0].prov if label_toks else prov,
            )
        )
    rows.sort(key=lambda r: (r.line_no is None, r.line_no or 0))
    return rows


def _two_sided_stream(
    spec: TableSpec, toks: list[Tok]
) -> list[tuple[str, int | None, list[Tok], list[Tok], Provenance]]:
    """Anchor on the printed 行次: left i pairs with right on the same printed line."""
    (l0, l1), (r0, r1) = spec.left_range, spec.right_range
    out: list[tuple[str, int | None, list[Tok], list[Tok], Provenance]] = []
    pending: list[Tok] = []
    current: tuple[str, int | None, list[Tok], list[Tok], Provenance] | None = None
    last = {"L": 0, "R": r0 - 1}
    for tok in toks:
        n = int(tok.text) if tok.text.isdigit() else None  # amounts always print decimals here
        side = None
        if n is not None:
            if l0 <= n <= l1 and n > last["L"]:
                side = "L"
            elif r0 <= n <= r1 and n > last["R"]:
                side = "R"
        if side is not None and n is not None:
            if current is not None:
                out.append(current)
            current = (side, n, pending, [], tok.prov)
            pending = []
            last[side] = n
        elif is_amount(tok.text) and current is not None and not pending:
            current[3].append(tok)
        else:
            pending.append(tok)
    if current is not None:
        out.append(current)
    return out


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    return as_int(texts[0]) is not None or find_fixed(spec.left_rows, texts[0], 0) is not None
