"""RawDocument: what every reader produces and the recogniser reads.

A reader turns a file into a flat sequence of lines in reading order. A line is either
prose (one cell holding its text) or a table row (``grid=True``: its cells are the real
cells of the printed table, blanks included, so position means column). Text files
whose rows are separated by spaces cannot say where a blank cell was; their rows come
as prose lines and the recogniser reads them as token streams.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from yujuesuan.model.disclosure import SourceFile
from yujuesuan.model.provenance import Provenance


@dataclass(frozen=True, slots=True)
class RawCell:
    text: str
    prov: Provenance


@dataclass(frozen=True, slots=True)
class RawLine:
    """One line of prose or one table row, in reading order."""

    cells: tuple[RawCell, ...]
    prov: Provenance
    grid: bool = False

    @property
    def text(self) -> str:
        """The line as one string; grid cells are joined by a tab."""
        return "\t".join(c.text for c in self.cells) if self.grid else self.cells[0].text

    @property
    def page(self) -> int | None:
        return self.prov.page


@dataclass(slots=True)
class RawDocument:
    source: SourceFile
    lines: list[RawLine] = field(default_factory=list)


def prose(text: str, prov: Provenance) -> RawLine:
    """A prose line (or a space-separated row whose cell boundaries are unknown)."""
    return RawLine(cells=(RawCell(text, prov),), prov=prov, grid=False)


def grid_row(cells: list[RawCell], prov: Provenance) -> RawLine:
    """A table row whose cells are the printed cells, blanks included."""
    return RawLine(cells=tuple(cells), prov=prov, grid=True)


class InputError(Exception):
    """A file that cannot be read as a disclosure. The message is one line for a user:
    what is wrong and what to do."""
