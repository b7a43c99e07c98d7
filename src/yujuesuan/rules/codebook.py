"""K rules: classification codes — names against the codebook, hierarchy, order, detail."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.tables import CellState, Row, Table
from yujuesuan.recognize.text import label_key
from yujuesuan.refdata import load
from yujuesuan.rules.registry import rule

FUNCTION_TABLES = ("F02", "F03", "F05", "F08", "F09")
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@cache
def _book() -> dict[str, dict[str, object]]:
    return load("codebook")


def codebook_name(code: str, year: int | None) -> str | None:
    """The name a code carries in fiscal year ``year`` (renames apply up to their year)."""
    book = _book()
    renamed: dict[str, dict[str, str]] = book.get("renamed", {})  # type: ignore[assignment]
    if year is not None:
        for until in sorted(renamed, key=int):
            if year <= int(until) and code in renamed[until]:
                return renamed[until][code]
    table = "economic" if code.startswith("3") else "function"
    names: dict[str, str] = book.get(table, {})  # type: ignore[assignment]
    return names.get(code) or (_class_names().get(code) if len(code) == 3 else None)


@cache
def _class_names() -> dict[str, str]:
    """类 names from the fixed class lines (refdata/classes.toml), newest name first."""
    return {c["code"]: c["names"][0] for c in load("classes")["class"]}


def aliases(code: str) -> list[str]:
    found: dict[str, list[str]] = _book().get("aliases", {})  # type: ignore[assignment]
    return found.get(code, [])


def _coded_rows(d: Disclosure, ids: tuple[str, ...]) -> Iterator[tuple[Table, Row]]:
    for t in d.tables:
        if t.id in ids:
            yield from ((t, r) for r in t.rows if r.code)


@rule("K02", "编码存在", WARNING)
def unknown_code(d: Disclosure) -> Iterator[Finding]:
    """Each code exists in the codebook of the fiscal year."""
    for t, r in _coded_rows(d, (*FUNCTION_TABLES, "F06")):
        if r.code and codebook_name(r.code, d.meta.fiscal_year) is None:
            yield Finding(
                code="K02", severity=WARNING, title="编码存在",
                message=f"{t.id}: code {r.code} {r.label} is not in the codebook", location=r.prov,
                actual=r.code, table=t.id, row=r.key,
            )  # fmt: skip


@rule("K03", "编码—名称", ERROR)
def code_name(d: Disclosure) -> Iterator[Finding]:
    """The printed name of a known code equals its codebook name of that year (spaces,
    bracket widths and list markers aside); a listed alias is info, any other name an error."""
    for t, r in _coded_rows(d, (*FUNCTION_TABLES, "F06")):
        if not r.code or not r.label:
            continue
        want = codebook_name(r.code, d.meta.fiscal_year)
        if want is None or label_key(want) == label_key(r.label):
            continue
        alias = any(label_key(a) == label_key(r.label) for a in aliases(r.code))
        yield Finding(
            code="K03", severity=INFO if alias else ERROR, title="编码—名称",
            message=f"{t.id}: {r.code} is printed as “{r.label}”; its name is “{want}”"
            + (" (an accepted alias)" if alias else ""),
            expected=want, actual=r.label, location=r.prov, table=t.id, row=r.key,
        )  # fmt: skip


@rule("K04", "层级完整", ERROR)
def orphans(d: Disclosure) -> Iterator[Finding]:
    """Every 项 row has its 款 and 类 rows, and every 款 its 类: no orphans."""
    for t in d.tables:
        if t.id not in (*FUNCTION_TABLES, "F06"):
            continue
        codes = {r.code for r in t.rows if r.code}
        for r in t.rows:
            c = r.code or ""
            parent = c[:-2] if len(c) in (5, 7) else None
            if parent and parent not in codes:
                yield Finding(
                    code="K04", severity=ERROR, title="层级完整",
                    message=f"{t.id}: {c} {r.label} has no parent row {parent}", expected=parent, actual="absent",
                    location=r.prov, table=t.id, row=r.key,
                )  # fmt: skip


@rule("K05", "编码顺序", WARNING)
def code_order(d: Disclosure) -> Iterator[Finding]:
    """Function-code rows ascend by code (合计 aside)."""
    for t in d.tables:
        if t.id not in FUNCTION_TABLES:
            continue
        codes = [r for r in t.rows if r.code]
        for a, b in zip(codes, codes[1:], strict=False):
            if (b.code or "") < (a.code or ""):
                yield Finding(
                    code="K05", severity=WARNING, title="编码顺序",
                    message=f"{t.id}: {b.code} follows {a.code}", location=b.prov, table=t.id, row=b.key,
                    expected=f"after {b.code}", actual=f"after {a.code}",
                )  # fmt: skip


@rule("K07", "同码同名", WARNING)
def same_code_same_name(d: Disclosure) -> Iterator[Finding]:
    """One code has one name across all tables of the document (for codes the codebook
    does not know; for known codes K03 reports each wrong name)."""
    seen: dict[str, list[tuple[str, Row]]] = defaultdict(list)
    for t, r in _coded_rows(d, FUNCTION_TABLES):
        if r.code:
            seen[r.code].append((t.id, r))
    for code, uses in seen.items():
        names = {label_key(r.label) for _, r in uses}
        if len(names) > 1 and codebook_name(code, d.meta.fiscal_year) is None:  # else K03 says it
            first_tid, first = uses[0]
            for tid, r in uses[1:]:
                if label_key(r.label) != label_key(first.label):
                    yield Finding(
                        code="K07", severity=WARNING, title="同码同名",
                        message=f"{code} is “{first.label}” in {first_tid} but “{r.label}” in {tid}",
                        expected=first.label, actual=r.label, location=r.prov, table=tid, row=r.key,
                    )  # fmt: skip


@rule("K08", "重复编码", ERROR)
def duplicate_codes(d: Disclosure) -> Iterator[Finding]:
    """No code appears twice in one table (within one unit, and with one 政府 economic
    code beside it, in the tables grouped by unit)."""
    for t in d.tables:
        seen: set[tuple[str | None, str, str | None]] = set()
        for r in t.rows:
            if r.code and t.id not in ("F01", "F04"):
                if (r.agency, r.code, r.gov_code) in seen:
                    yield Finding(
                        code="K08", severity=ERROR, title="重复编码", message=f"{t.id}: {r.code} appears twice",
                        location=r.prov, table=t.id, row=r.key, actual=r.code,
                    )  # fmt: skip
                seen.add((r.agency, r.code, r.gov_code))


@rule("K11", "科目细化程度", ERROR)
def detail_level(d: Disclosure) -> Iterator[Finding]:
    """Function tables reach 项 level: every non-zero 款 row has at least one 项 row."""
    for t in d.tables:
        if t.id not in FUNCTION_TABLES:
            continue
        codes = [r.code for r in t.rows if r.code]
        for r in t.rows:
            code = r.code or ""
            nonzero = any(c.state is CellState.NUMBER and c.value for c in r.cells)
            has_items = any(c and len(c) == 7 and c.startswith(code) for c in codes)
            if len(code) == 5 and nonzero and not has_items:
                yield Finding(
                    code="K11", severity=ERROR, title="科目细化程度",
                    message=f"{t.id}: 款 {code} {r.label} has amounts but no 项 rows",
                    location=r.prov, table=t.id, row=r.key, expected="项 rows", actual="none",
                )  # fmt: skip
