"""A finding: one problem a rule found, located, with what was expected and found."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from yujuesuan.model.provenance import Provenance


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Finding(BaseModel):
    """What a rule reports. ``rounding`` marks a difference the printed precision explains."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    title: str
    message: str
    expected: str | None = None
    actual: str | None = None
    difference: str | None = None
    rounding: bool = False
    table: str | None = None
    row: str | None = None
    column: str | None = None
    location: Provenance | None = None
    related: tuple[Provenance, ...] = ()
