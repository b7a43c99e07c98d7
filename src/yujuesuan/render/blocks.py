"""The rendered document as a flat list of blocks, so that DOCX, HTML and PDF are one
document printed three ways and cannot drift apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Style(StrEnum):
    COVER = "cover"  # cover lines, large and centred
    PART = "part"  # 第一部分 …
    HEADING = "heading"  # 一、… and （一）…
    TABLE_TITLE = "table-title"
    TABLE_META = "table-meta"  # 公开01表, 单位：…, 2023年度, 单位：万元
    BODY = "body"  # a paragraph of prose, first line indented
    NOTE = "note"  # 注：… / 说明：… under a table
    CONTENTS = "contents"  # a 目录 entry
    PLAIN = "plain"  # a line printed as given (annexes): no indent


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = Style.BODY


@dataclass(frozen=True)
class Grid:
    """A printed table: every row has the same number of cells; the first ``header``
    rows are the column header (repeated when the table breaks across pages)."""

    rows: tuple[tuple[str, ...], ...]
    header: int
    numeric_from: int = 0  # cells from this column on are figures (right-aligned)
    wide: bool = False  # many columns: print in a smaller type
    # a cell followed by blank cells spans them (annex forms, whose long texts print merged)
    span_blanks: bool = False

    def spans(self, row: tuple[str, ...]) -> list[tuple[int, int]]:
        """(first column, columns covered) per printed cell of ``row``."""
        if not self.span_blanks:
            return [(j, 1) for j in range(len(row))]
        out: list[tuple[int, int]] = []
        for j, text in enumerate(row):
            if text or not out:
                out.append((j, 1))
            else:
                first, n = out[-1]
                out[-1] = (first, n + 1)
        return out


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Paragraph | Grid | PageBreak


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, text: str, style: Style = Style.BODY) -> None:
        self.blocks.append(Paragraph(text, style))


FIGURE = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d+|-?\d+\.\d+")


def is_figure(text: str) -> bool:
    """An amount as printed (217.46, 22,828.10): right-aligned in a table."""
    return bool(FIGURE.fullmatch(text))


def column_weights(g: Grid) -> list[int]:
    """How wide each column prints, in proportion to its longest text, none too narrow."""
    longest = [1] * len(g.rows[0])
    for r in g.rows:
        for first, n in g.spans(r):
            if n == 1:  # a spanning text says nothing about its first column's width
                longest[first] = max(longest[first], len(r[first]))
    return [min(max(n + 2, 4), 18) for n in longest]


LANDSCAPE_FROM = 9  # a table with this many columns is printed on a landscape page


def pages(doc: Document) -> list[tuple[bool, list[Block]]]:
    """The blocks between page breaks, each run marked landscape when it holds a wide
    table (F04, F06, F07 and the like print across the long side of the paper)."""
    out: list[tuple[bool, list[Block]]] = []
    run: list[Block] = []
    for block in doc.blocks + [PageBreak()]:
        if isinstance(block, PageBreak):
            if run:
                wide = any(isinstance(x, Grid) and x.rows and len(x.rows[0]) >= LANDSCAPE_FROM for x in run)
                out.append((wide, run))
            run = []
        else:
            run.append(block)
    return out


PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = "【待填写：", "】"


def placeholder(what: str) -> str:
    """A visible gap for a figure or reason the workbook does not give; `yjs check`
    reports it (C09)."""
    return f"{PLACEHOLDER_OPEN}{what}{PLACEHOLDER_CLOSE}"
