"""What a disclosure says, without where it was printed or how numbers were formatted.

Two parses of the same disclosure from different formats (PDF, DOCX, XLSX, text) have
different provenance and may print 22,828.10 or 22828.10; their content is equal.
"""

from __future__ import annotations

from typing import Any

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.tables import Table


def table_content(t: Table) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title,
        "label": t.label,
        "variant": t.variant,
        "unit": t.unit.value,
        "columns": [(c.id, c.header) for c in t.columns],
        "rows": [
            {
                "key": r.key,
                "label": r.label,
                "level": r.level.value,
                "code": r.code,
                "line_no": r.line_no,
                "unit": r.unit,
                "agency": r.agency,
                "category": r.category,
                "gov_code": r.gov_code,
                "cells": [
                    (c.column, c.state.value, None if c.value is None else str(c.value)) for c in r.cells
                ],
            }
            for r in t.rows
        ],
        "notes": list(t.notes),
        "statements": list(t.statements),
    }


def tables_content(d: Disclosure) -> list[dict[str, Any]]:
    return [table_content(t) for t in d.tables]


def content(d: Disclosure) -> dict[str, Any]:
    """Meta (without source files), tables, narrative, glossary — no provenance."""
    meta = d.meta.model_dump(exclude={"sources"}, mode="json")
    return {
        "meta": meta,
        "tables": tables_content(d),
        "narrative": [(s.key, s.heading, s.text) for s in d.narrative],
        "glossary": [(g.term, g.definition) for g in d.glossary],
    }
