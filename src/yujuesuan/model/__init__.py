"""The typed disclosure model. No I/O: everything else reads and writes it."""

from yujuesuan.model.disclosure import (
    Attachment,
    Disclosure,
    GlossaryEntry,
    Kind,
    Meta,
    Profile,
    Scope,
    Section,
    SourceFile,
    TextLine,
)
from yujuesuan.model.facts import Fact, facts
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Cell, CellState, Column, Level, Row, Table, Unit

__all__ = [
    "Attachment",
    "Cell",
    "CellState",
    "Column",
    "Disclosure",
    "Fact",
    "GlossaryEntry",
    "Kind",
    "Level",
    "Meta",
    "Profile",
    "Provenance",
    "Row",
    "Scope",
    "Section",
    "SourceFile",
    "Table",
    "TextLine",
    "Unit",
    "facts",
]
