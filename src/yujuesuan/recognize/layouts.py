"""Table bodies → typed rows, one reader per layout family of refdata.

Each reader accepts the body either as grid rows (cells known, blanks kept: tab text,
PDF, DOCX, XLSX) or as token streams (space-separated text, where blanks are lost and
labels wrap over lines). Token streams are parsed by grammar, not by line, so a label
broken over two lines or a row split by a page break still lands in one row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState, Level, Row
from yujuesuan.recognize.specs import FixedRow, TableSpec, Variant, class_names
from yujuesuan.recognize.text import CODE, as_int, is_amount, join_wrapped, label_key, norm, parse_cell


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


def make_cells(columns: Sequence[str], toks: Sequence[Tok | None], fallback: Provenance | None) -> tuple[Cell, ...]:
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


# ---------------------------------------------------------------- two-sided (F01, F04)


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


# ---------------------------------------------------------------- coded (F02, F03, F05, F08, F09)


def _split_code(parts: list[str]) -> str | None:
    """'201 06 01' printed in three cells → '2010601'."""
    code = "".join(parts)
    return code if CODE.match(code) else None


def coded(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """功能分类 rows: 合计 then 类/款/项, keyed by code."""
    cols = [c for c, _ in variant.columns]
    k = len(cols)
    records: list[tuple[str | None, list[Tok], list[Tok | None], Provenance]] = []
    if grid:
        header_front = _front_width(header)
        for line in body:
            cells: list[Tok] = cells_of(line)
            name_at = next((i for i, c in enumerate(cells) if _is_name(c.text)), None)
            if name_at is None:
                continue
            front = max(name_at + 1, header_front)
            if len(cells) - front < k:  # a merged 合计 cell spans code and name
                front = max(name_at + 1, len(cells) - k)
            head, measures = cells[:front], cells[front : front + k]
            digits = [c.text for c in head if c.text.isdigit()]
            names = [c for c in head if _is_name(c.text)]
            if any("栏次" in c.text for c in head):
                continue
            texts = [v for v in measures if v.text and parse_cell(v.text)[0] is CellState.TEXT]
            if texts and not (code_free_total(names) and all(_is_header_word(v.text, variant) for v in texts)):
                continue  # a header line, not data
            code = _split_code(digits) if digits else None
            # SH24 template: sub-headers share the 合计 band; they are not values
            records.append((code, names, [None if v in texts else v for v in measures], line.prov))
    else:
        records = _coded_stream(tokens(body), k)
    rows = []
    for code, names, values, prov in records:
        label = join_wrapped([t.text for t in names])
        total = code is None and ("合计" in label or "总计" in label)
        if code is None and not total:
            continue
        rows.append(
            Row(
                key=code or "total",
                label="合计" if total else label,
                level=Level.TOTAL if total else code_level(code),
                code=code,
                cells=make_cells(cols, values, prov),
                prov=names[0].prov if names else prov,
            )
        )
    return rows


def code_free_total(names: list[Tok]) -> bool:
    return any(n.text in ("合计", "总计") for n in names)


def _is_header_word(text: str, variant: Variant) -> bool:
    words = {w for _, header in variant.columns for w in header.split()} | {"合计", "小计"}
    return norm(text) in {norm(w) for w in words}


def _is_name(text: str) -> bool:
    """A label cell: not a code part, not empty, not the 类 款 项 sub-header."""
    return bool(text) and not text.isdigit() and text not in ("类", "款", "项")


def _front_width(header: str) -> int:
    """Cells before the measures: code (one cell, or 类 款 项) and name."""
    return 4 if "类款项" in norm(header) else 2


def _coded_stream(toks: list[Tok], k: int) -> list[tuple[str | None, list[Tok], list[Tok | None], Provenance]]:
    out: list[tuple[str | None, list[Tok], list[Tok | None], Provenance]] = []
    code_parts: list[str] = []
    names: list[Tok] = []
    values: list[Tok | None] = []
    prov: Provenance | None = None

    def flush() -> None:
        if prov is not None and (code_parts or names):
            out.append((_split_code(code_parts) if code_parts else None, names, values, prov))

    for tok in toks:
        t = tok.text
        starts_row = prov is None or len(values) >= k
        if starts_row and (CODE.match(t) or t in ("合计", "总计")):
            flush()
            code_parts, names, values, prov = ([t] if CODE.match(t) else []), ([] if CODE.match(t) else [tok]), [], tok.prov
        elif prov is not None and not names and not values and code_parts and t.isdigit() and len(t) == 2:
            code_parts.append(t)
        elif is_amount(t) and prov is not None:
            values.append(tok)
        elif prov is not None and not values:
            names.append(tok)
    flush()
    return out


# ---------------------------------------------------------------- economic groups (F06)

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
            at = next((i for i, c in enumerate(cells) if "人员经费合计" in c.text), None)
            if at is not None:
                after = cells[at + 1 : at + 1 + m]
                skipped = cells[at + 2 : at + 2 + m]
                if after and not after[0].text and skipped and parse_cell(skipped[0].text)[0] is not CellState.TEXT:
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
                if CODE.match(code) and code.startswith(("3", "5")):
                    name = ch[1 + split] if len(ch) > 1 + split else None
                    records.append((code, [name] if name and name.text else [], list(ch[2 + split :]), ch[0].prov))
    else:
        records = _econ_stream(tokens(body), m)
    rows = []
    for key, names, values, prov in records:
        total = key in (PERSONNEL_TOTAL, PUBLIC_TOTAL)
        rows.append(
            Row(
                key=key,
                label=join_wrapped([t.text for t in names]),
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
        if complete and (CODE.match(t) and t.startswith("3") and len(t) in (3, 5)):
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


# ---------------------------------------------------------------- single row (F07)


def single(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """The one data row of the “三公” table, mapped through the variant's print order."""
    order = list(variant.order) or [c for c, _ in variant.columns]
    values: list[Tok | None] = []
    prov: Provenance | None = None
    for line in body:
        toks = cells_of(line) if grid else tokens([line])
        if any(is_amount(t.text) for t in toks) or (grid and len(toks) >= len(order) and not any(t.text for t in toks)):
            values = list(toks)
            prov = line.prov
            break
    if prov is None:
        return []
    by_column = dict(zip(order, values, strict=False))
    cols = [c for c, _ in variant.columns]
    return [
        Row(
            key="total",
            label="",  # the data row prints no label
            level=Level.FIXED,
            cells=make_cells(cols, [by_column.get(c) for c in cols], prov),
            prov=prov,
        )
    ]


# ---------------------------------------------------------------- statistics (F10)


def stat(spec: TableSpec, variant: Variant, body: list[RawLine], grid: bool, header: str) -> list[Row]:
    """label · 行次 · value rows; counts carry their own unit."""
    cols = [c for c, _ in variant.columns]
    units = {r.line_no: r.unit for r in spec.stat_rows}
    rows = []
    for line in body:
        toks = cells_of(line) if grid else tokens([line])
        idx = next((i for i, t in enumerate(toks) if i > 0 and as_int(t.text) is not None), None)
        if idx is None:
            continue
        no = as_int(toks[idx].text)
        label = join_wrapped([t.text for t in toks[:idx]])
        rows.append(
            Row(
                key=f"r{no}",
                label=label,
                level=Level.TOTAL if label == "合计" else Level.FIXED,
                line_no=no,
                unit=units.get(no) if no is not None else None,
                cells=make_cells(cols, toks[idx + 1 : idx + 2], line.prov),
                prov=line.prov,
            )
        )
    return rows


Layout = Callable[[TableSpec, Variant, list[RawLine], bool, str], list[Row]]

LAYOUTS: dict[str, Layout] = {
    "two_sided": lambda spec, variant, body, grid, header: two_sided(spec, body, grid, header),
    "coded": coded,
    "econ": econ,
    "single": single,
    "stat": stat,
}


def is_data(layout: str, line: RawLine, spec: TableSpec) -> bool:
    """Does this line start the body (as opposed to the header block)?"""
    if layout == "single" and line.grid and len(line.cells) >= 12 and not any(c.text for c in line.cells):
        return True  # an unfilled template prints its data row blank
    toks = cells_of(line) if line.grid else tokens([line])
    texts = [t.text for t in toks if t.text]
    if not texts:
        return False
    if any(is_amount(t) for t in texts) and not all(as_int(t) is not None for t in texts):
        return True
    first = texts[0]
    if layout == "two_sided":
        return as_int(first) is not None or find_fixed(spec.left_rows, first, 0) is not None
    if layout == "coded":
        if "合计" in texts[:4]:  # SH24 prints 合计 on the 类 款 项 sub-header line
            return set(texts[: texts.index("合计")]) <= {"类", "款", "项"}
        return first == "总计" or bool(CODE.match(first))
    if layout == "econ":
        return bool(CODE.match(first)) and first.startswith("3")
    if layout == "stat":
        return len(texts) >= 2 and as_int(texts[1]) is not None
    return False
