"""Workbook → publishable file: compose the document, print it in the format the output
name asks for, and gate it on the rulebook first.

The gate checks what a reviewer would see: the document is printed as DOCX, read back
with `yjs parse`'s readers and run through every rule. An error there means the data
break a rule (a table that does not balance, a 类 total that is not the sum of its 款);
`render` then refuses unless forced. Placeholders (C09) are gaps to fill, not broken
data, and do not stop it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from yujuesuan.ingest import read
from yujuesuan.model.disclosure import Disclosure, Kind
from yujuesuan.model.findings import Severity
from yujuesuan.model.supplement import Supplement
from yujuesuan.recognize import recognize
from yujuesuan.render.blocks import Document
from yujuesuan.render.budget_compose import compose_budget
from yujuesuan.render.compose import compose
from yujuesuan.render.docx import to_docx
from yujuesuan.render.html import to_html
from yujuesuan.render.pdf import to_pdf
from yujuesuan.rules.engine import Result, run

PLACEHOLDER_RULE = "C09"


def _html(doc: Document) -> bytes:
    return to_html(doc).encode("utf-8")


PRINTERS: dict[str, Callable[[Document], bytes]] = {".docx": to_docx, ".pdf": to_pdf, ".html": _html}


def document(d: Disclosure, s: Supplement) -> Document:
    """The disclosure as blocks: a 预算 or a 决算, each in its own part order."""
    return compose_budget(d, s) if d.meta.kind is Kind.BUDGET else compose(d, s)


def printed(d: Disclosure, s: Supplement, suffix: str) -> bytes:
    return PRINTERS[suffix](document(d, s))


def reread(d: Disclosure, s: Supplement, name: str) -> Result:
    """The rulebook's findings on the document as published (printed as DOCX, read back);
    findings name the file ``name``."""
    with tempfile.TemporaryDirectory(prefix="yjs-render-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(printed(d, s, ".docx"))
        return run(recognize([read(path)]))


def blocking(result: Result) -> Result:
    """The errors that stop a render: every error but an unfilled placeholder."""
    stops = [f for f in result.findings if f.severity is Severity.ERROR and f.code != PLACEHOLDER_RULE]
    return Result(result.disclosure, stops, result.ran, result.skipped)
