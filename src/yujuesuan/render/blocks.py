"""The rendered document as a flat list of blocks, so that DOCX, HTML and PDF are one
document printed three ways and cannot drift apart."""

from __future__ import annotations

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


PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = "【待填写：", "】"


def placeholder(what: str) -> str:
    """A visible gap for a figure or reason the workbook does not give; `yjs check`
    reports it (C09)."""
    return f"{PLACEHOLDER_OPEN}{what}{PLACEHOLDER_CLOSE}"
