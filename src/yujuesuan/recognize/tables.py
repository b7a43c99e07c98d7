"""Find the public tables in a RawDocument by title and read each one.

A table runs from its title line to the next table title or part heading. Inside that
span: the header block (entity, year, unit, label, column headers), the body, notes
(注：…), statements (说明：…), and page furniture to drop (footers, repeated headers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from yujuesuan.ingest.raw import RawCell, RawLine
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Column, Table, Unit
from yujuesuan.recognize.layouts import LAYOUTS, is_data
from yujuesuan.recognize.specs import TableSpec, title_index
from yujuesuan.recognize.text import LABEL, norm

_TITLE_PREFIX = re.compile(
    r"^(?:(?:公开|预算)\d+表[：:]?)?(?:[一二三四五六七八九十]+[、.．])?(?:\d{4}年度?)?$"
)
TITLE_YEAR = re.compile(r"^(?:(?:公开|预算)\d+表[：:]?)?(\d{4})年")
UNIT = re.compile(r"(?:金额)?单位[：:]\s*(万元|元)")
YEAR = re.compile(r"(\d{4})\s*年度")
ENTITY = re.compile(r"(?:部门名称|单位名称|部门|单位)[：:]\s*(?!万元|元)(\S.*?)\s*(?:\d{4}年度|单位[：:]|$)")
PAGE_FOOTER = re.compile(r"^[-—－─]\s*\d+\s*[-—－─]$|^第\s*\d+\s*页")
RUN_TOGETHER = re.compile(r"^单位[：:](?:万元|元)\d{4}年度(?:部门|单位)[：:]")
PART = re.compile(r"^第[一二三四五六七八九十]+部分")


def match_title(line: RawLine) -> tuple[tuple[TableSpec, ...], str] | None:
    """The specs whose title this line prints (longest title wins), and the printed title."""
    if line.grid and sum(1 for c in line.cells if c.text) > 1:
        return None
    text = norm(line.text)
    if len(text) > 60 or "。" in text or "，" in text:
        return None
    for title, specs in title_index():
        if text.endswith(title) and _TITLE_PREFIX.match(text[: -len(title)]):
            return specs, line.text.strip()
    return None


def _wrapped_title(lines: Sequence[RawLine], i: int) -> tuple[tuple[TableSpec, ...], str] | None:
    """A title wrapped onto a short second line (“公开 09 表：…会议费、培训费” / “支出预算表”)."""
    if i + 1 >= len(lines) or lines[i].grid or lines[i + 1].grid:
        return None
    tail = norm(lines[i + 1].text)
    if not tail or len(tail) > 12 or not tail.endswith("表") or match_title(lines[i + 1]) is not None:
        return None  # a label line (“公开01表”) above a whole title is not a wrapped title
    joined = RawLine(
        cells=(RawCell(text=lines[i].text.strip() + tail, prov=lines[i].prov),), prov=lines[i].prov
    )
    return match_title(joined)


@dataclass
class TableSpan:
    specs: tuple[TableSpec, ...]  # the specs of its title; the header chooses
    title: str
    title_line: RawLine
    lines: list[RawLine]
    before: list[RawLine] = field(default_factory=list)  # the lines just above the title


def find_tables(lines: Sequence[RawLine]) -> list[TableSpan]:
    spans: list[TableSpan] = []
    current: TableSpan | None = None
    skip = -1
    for i, line in enumerate(lines):
        if i == skip:
            continue
        m = match_title(line)
        if m is None and (m := _wrapped_title(lines, i)) is not None:
            skip = i + 1
        if m is not None:
            current = TableSpan(m[0], m[1], line, [], before=list(lines[max(0, i - 2) : i]))
            spans.append(current)
        elif PART.match(norm(line.text)):
            current = None
        elif current is not None:
            current.lines.append(line)
    return spans


@dataclass
class HeaderInfo:
    entity: str | None = None
    year: int | None = None
    unit: Unit | None = None
    label: str | None = None


def header_info(lines: Sequence[RawLine], info: HeaderInfo) -> None:
    """Entity, year, unit and label from header-block lines (fills what is still unknown)."""
    texts = [norm(c.text) for line in lines for c in line.cells if c.text]  # grid cells one by one
    for i, text in enumerate(texts):
        if LABEL.match(text) and info.label is None:
            info.label = text
            continue
        if text in ("金额单位：", "单位：") and i + 1 < len(texts) and texts[i + 1] in ("元", "万元"):
            text += texts[i + 1]
        if info.unit is None and (u := UNIT.search(text)):
            info.unit = Unit(u.group(1))
        if info.year is None and (y := YEAR.search(text)):
            info.year = int(y.group(1))
        if info.entity is None and (e := ENTITY.search(text)):
            info.entity = norm(e.group(1))


def read_table(span: TableSpan, default_unit: Unit) -> tuple[Table | None, HeaderInfo]:
    """The table under a title, read with the first of its specs whose header fits."""
    info = HeaderInfo()
    for spec in span.specs:
        table, info = _read_as(spec, span, default_unit)
        if table is not None:
            return table, info
    return None, info


def _read_as(spec: TableSpec, span: TableSpan, default_unit: Unit) -> tuple[Table | None, HeaderInfo]:
    layout = spec.layout
    info = HeaderInfo()
    header_info([ln for ln in span.before if RUN_TOGETHER.match(norm(ln.text))], info)
    header: list[RawLine] = []
    body: list[RawLine] = []
    notes: list[str] = []
    statements: list[str] = []
    in_notes = False
    repeating = False
    first_header: str | None = None
    header_norms: set[str] = set()
    for line in span.lines:
        lead = next((c.text for c in line.cells if c.text), "").strip()
        text = norm(line.text)
        if PAGE_FOOTER.match(text) or RUN_TOGETHER.match(text):
            header_info([line], info)
            continue
        if lead.startswith(("注：", "注:")):
            notes.append(lead)
            in_notes = True
            continue
        if lead.startswith(("说明：", "说明:")):
            statements.append(lead)
            in_notes = True
            continue
        if in_notes:
            if LABEL.match(text):
                continue  # the next table's label (预算10表), not the note's end
            if notes and not statements and not line.grid:
                notes[-1] += lead
            continue
        if not body:
            if is_data(layout, line, spec):
                body.append(line)
            else:
                header.append(line)
                if not _is_meta(text):
                    header_norms.add(text)
                    first_header = first_header or text
            continue
        # inside the body: drop headers repeated after a page break
        if text == first_header:
            repeating = True
            continue
        if repeating:
            if "栏次" in text or text in header_norms:
                repeating = "栏次" not in text
                continue
            repeating = False
        if "栏次" in text:
            continue
        body.append(line)
    header_info(header, info)
    if info.year is None and (y := TITLE_YEAR.match(norm(span.title))):
        info.year = int(y.group(1))  # “2025年部门收支预算表”
    header_text = "\n".join(ln.text for ln in header)
    if not spec.fits(header_text):
        return None, info
    variant = spec.variant(span.title, header_text)
    grid = sum(ln.grid for ln in body) * 2 >= len(body) > 0
    if grid:
        body = [ln for ln in body if ln.grid]
    rows = LAYOUTS[layout](spec, variant, body, grid, header_text)
    columns = spec.left_columns + spec.right_columns if layout == "two_sided" else variant.columns
    prov = span.title_line.prov
    table = Table(
        id=spec.id,
        title=span.title,
        label=info.label,
        variant=variant.name,
        unit=info.unit or default_unit,
        columns=tuple(Column(id=c, header=h) for c, h in columns),
        rows=tuple(rows),
        entity=info.entity,
        year=info.year,
        notes=tuple(notes),
        statements=tuple(statements),
        prov=Provenance(file=prov.file, page=prov.page, line=prov.line, bbox=prov.bbox),
    )
    return table, info


def _is_meta(text: str) -> bool:
    return bool(
        LABEL.match(text) or UNIT.search(text) or YEAR.fullmatch(text) or ENTITY.match(text)
    ) or text in (
        "元",
        "金额单位：",
    )
