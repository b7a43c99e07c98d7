"""The whole disclosure: meta, profile, tables, narrative, glossary, attachments."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.performance import Performance
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Table, Unit

SCHEMA_VERSION = "1"


class Kind(StrEnum):
    FINAL = "决算"
    BUDGET = "预算"


class Scope(StrEnum):
    DEPARTMENT = "部门"
    UNIT = "单位"


class SourceFile(BaseModel):
    """One input file; a disclosure may come as several (narrative + tables)."""

    model_config = ConfigDict(frozen=True)

    name: str
    format: str  # text | pdf | docx | xlsx
    sha256: str
    pages: int | None = None


class Meta(BaseModel):
    model_config = ConfigDict(frozen=True)

    entity: str | None
    fiscal_year: int | None
    kind: Kind
    scope: Scope
    unit: Unit
    profile: str  # final/henan-2023, final/shanxi-2022, final/shanghai-2024 …
    sources: tuple[SourceFile, ...]


class TextLine(BaseModel):
    """A line of prose with its location, so claims found in it can be located."""

    model_config = ConfigDict(frozen=True)

    text: str
    prov: Provenance | None = None


class Section(BaseModel):
    """A numbered narrative section (一、收入支出决算总体情况说明 …)."""

    model_config = ConfigDict(frozen=True)

    key: str  # the ordinal as printed: 一, 二 …
    heading: str
    text: str  # paragraphs joined; lines wrapped mid-sentence are rejoined
    lines: tuple[TextLine, ...] = ()


class Profile(BaseModel):
    """第一部分 概况: duties, organisation and the counts stated there."""

    model_config = ConfigDict(frozen=True)

    internal_departments: int | None = None  # 内设机构N个
    units: int | None = None  # 纳入…编制范围的单位共N个
    unit_names: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()


class GlossaryEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    term: str
    definition: str
    prov: Provenance | None = None


class Attachment(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    text: str
    prov: Provenance | None = None


class Disclosure(BaseModel):
    """Everything a published disclosure holds, exactly, with provenance."""

    model_config = ConfigDict(frozen=True)

    schema_version: str = SCHEMA_VERSION
    meta: Meta
    profile: Profile = Profile()
    tables: tuple[Table, ...] = ()
    narrative: tuple[Section, ...] = ()
    contents: tuple[str, ...] = ()  # the 目录 entries as printed (第一部分…, 一、…)
    glossary: tuple[GlossaryEntry, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    performance: Performance = Performance()

    def table(self, table_id: str) -> Table | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None

    def figure(self, table_id: str, key: str, column: str) -> Decimal:
        """A cell's amount, 0 when the table, row or figure is not there (a blank cell
        counts as zero in every sentence written from it)."""
        t = self.table(table_id)
        value = t.value(key, column) if t else None
        return value if value is not None else Decimal(0)
