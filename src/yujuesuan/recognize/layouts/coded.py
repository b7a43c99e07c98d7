"""功能分类 tables (F02, F03, F05, F08, F09): 合计 then 类/款/项 rows keyed by code."""

from __future__ import annotations

from yujuesuan.ingest.raw import RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Level, Row
from yujuesuan.recognize.layouts.common import Tok, cells_of, code_level, make_cells, tokens
from yujuesuan.recognize.specs import TableSpec, Variant
from yujuesuan.recognize.text import CODE, is_amount, join_wrapped, norm, parse_cell


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
            if texts and not (
                code_free_total(names) and all(_is_header_word(v.text, variant) for v in texts)
            ):
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


def _coded_stream(
    toks: list[Tok], k: int
) -> list[tuple[str | None, list[Tok], list[Tok | None], Provenance]]:
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
            code_parts, names, values, prov = (
                ([t] if CODE.match(t) else []),
                ([] if CODE.match(t) else [tok]),
                [],
                tok.prov,
            )
        elif prov is not None and not names and not values and code_parts and t.isdigit() and len(t) == 2:
            code_parts.append(t)
        elif is_amount(t) and prov is not None:
            values.append(tok)
        elif prov is not None and not values:
            names.append(tok)
    flush()
    return out


def starts_body(texts: list[str], spec: TableSpec) -> bool:
    if "合计" in texts[:4]:  # SH24 prints 合计 on the 类 款 项 sub-header line
        return set(texts[: texts.index("合计")]) <= {"类", "款", "项"}
    return texts[0] == "总计" or bool(CODE.match(texts[0]))
