"""The identity engine: equations over table cells, read from refdata, judged with the
tolerance policy. One engine for every in-table and cross-table identity."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Level, Row, Table, unit_groups
from yujuesuan.refdata import load
from yujuesuan.rules.registry import Rule, register
from yujuesuan.rules.tolerance import Outcome, fmt, judge

_RELATION = re.compile(r"\s*(<=|>=|=)\s*")
_LEVELS = {"class": 3, "section": 5, "item": 7}


@dataclass(frozen=True)
class Term:
    sign: int
    table: str  # "" for a bare column of the current row
    row: str
    column: str
    total_of: str | None = None  # sum(T.LEVEL.COL): the level, or a pattern ``301*``, ``503001/*@人员类``

    def text(self) -> str:
        body = f"sum({self.table}.{self.total_of}.{self.column})" if self.total_of else self.ref()
        return ("- " if self.sign < 0 else "+ ") + body

    def ref(self) -> str:
        return ".".join(p for p in (self.table, self.row, self.column) if p)


@dataclass(frozen=True)
class Equation:
    left: tuple[Term, ...]
    relation: str
    right: tuple[Term, ...]
    text: str

    @property
    def tables(self) -> set[str]:
        return {t.table for t in self.left + self.right if t.table}


def parse_equation(text: str) -> Equation:
    parts = _RELATION.split(text.strip())
    if len(parts) != 3:
        raise ValueError(f"not an equation: {text!r}")
    left, relation, right = parts
    return Equation(_side(left), relation, _side(right), text.strip())


def _side(text: str) -> tuple[Term, ...]:
    """``a + b - c`` (operators stand apart, as refdata writes them)."""
    terms = []
    sign = 1
    for tok in text.split():
        if tok in ("+", "-"):
            sign = 1 if tok == "+" else -1
        else:
            terms.append(_term(sign, tok))
            sign = 1
    return tuple(terms)


def _term(sign: int, ref: str) -> Term:
    if ref.startswith("sum(") and ref.endswith(")"):
        table, rest = ref[4:-1].split(".", 1)
        level, column = rest.rsplit(".", 1)
        return Term(sign, table, "", column, total_of=level)
    if "." not in ref:
        return Term(sign, "", "", ref)
    table, rest = ref.split(".", 1)
    row, column = rest.rsplit(".", 1)
    return Term(sign, table, row, column)


# ---------------------------------------------------------------- evaluation


@dataclass
class Figures:
    """The value of one side and the printed figures it used (each counted once)."""

    value: Decimal
    printed: dict[tuple[str, str, str], Decimal]
    where: list[Provenance]
    counts: bool = False  # a count (辆, 台（套）): compared exactly, RULES.md §2.5
    unsettled: bool = False  # a cell whose column placement is not settled (Row.ambiguous)


def find_row(table: Table, key: str) -> Row | None:
    if key.startswith("cls(") and key.endswith(")"):
        code = key[4:-1]
        return next((r for r in table.rows if r.code == code), None)
    return table.row(key) or next((r for r in table.rows if r.code == key), None)


def _cell_value(row: Row | None, column: str, figures: Figures, sign: int, table_id: str) -> None:
    if row is None:
        return
    if column in row.ambiguous:
        figures.unsettled = True
        return
    cell = row.cell(column)
    if cell is None or cell.state is not CellState.NUMBER or cell.value is None:
        return
    figures.value += sign * cell.value
    figures.printed[(table_id, row.key, column)] = cell.value
    figures.counts = figures.counts or row.unit is not None
    if cell.prov is not None:
        figures.where.append(cell.prov)


def evaluate(terms: Iterable[Term], d: Disclosure, current: tuple[Table, Row] | None) -> Figures:
    figures = Figures(Decimal(0), {}, [])
    for t in terms:
        if not t.table:  # a bare column of the current row
            if current is not None:
                _cell_value(current[1], t.column, figures, t.sign, current[0].id)
            continue
        table = d.table(t.table)
        if table is None:
            continue
        if t.total_of and "*" in t.total_of:
            for r in _matching(table, t.total_of):
                _cell_value(r, t.column, figures, t.sign, table.id)
        elif t.total_of:
            digits = _LEVELS[t.total_of]
            for r in table.rows:
                if r.code is not None and len(r.code) == digits:
                    _cell_value(r, t.column, figures, t.sign, table.id)
        else:
            _cell_value(find_row(table, t.row), t.column, figures, t.sign, table.id)
    return figures


def _matching(table: Table, pattern: str) -> list[Row]:
    """The lines (not 合计, not a unit's row) a pattern names: ``301*`` by code prefix,
    ``503001/*`` by key prefix (a unit's lines), ``@人员类`` by 类型."""
    head, _, category = pattern.partition("@")
    prefix = head.removesuffix("*")
    out = []
    for r in table.rows:
        if r.level in (Level.TOTAL, Level.UNIT):
            continue
        if category and r.category != category:
            continue
        if prefix.isdigit() and not (r.code or "").startswith(prefix):
            continue
        if prefix and not prefix.isdigit() and not r.key.startswith(prefix):
            continue
        out.append(r)
    return out


def value_of(ref: str, d: Disclosure) -> Figures | None:
    """The value of an equation side (``F01.r31.c1``, ``a + b``); None if a table is absent."""
    terms = _side(ref)
    if any(t.table and d.table(t.table) is None for t in terms):
        return None
    return evaluate(terms, d, None)


@dataclass(frozen=True)
class Spec:
    code: str
    title: str
    doc: str
    severity: Severity
    equations: tuple[str, ...]
    class_equations: tuple[str, ...]
    variant_equations: tuple[tuple[str, str, tuple[str, ...]], ...]
    each_row: str | None
    each_column: tuple[str, ...]
    each_code: tuple[str, ...]
    each_class: tuple[str, ...]
    each_unit: str | None  # {u}: the unit codes of this table's unit rows
    each_key: str | None  # {r}: the row keys of this table's lines
    hierarchy: str | None
    when_variant: str | None
    since_year: int | None  # a definition that changed: the identity holds from this year on
    profile: str | None  # the profile whose tables it speaks of (budget/jiangsu), None for all
    units: str | None  # a table grouped by unit: every column, [u] = Σ lines of u, 合计 = Σ u
    tree: str | None  # a table keyed by path (A, A/1, A/1/1): each row = Σ the rows under it

    @property
    def tables(self) -> tuple[str, ...]:
        named = {t for e in self.equations + self.class_equations for t in parse_equation(_plain(e)).tables}
        named |= {x for x in (self.each_row, self.hierarchy, self.units, self.tree) if x}
        named |= (
            set(self.each_code) | set(self.each_class) | {x for x in (self.each_unit, self.each_key) if x}
        )
        return tuple(sorted(named))


def _plain(text: str) -> str:
    return text.replace("{c}", "c1").replace("{k}", "0").replace("{u}", "0").replace("{r}", "0")


def _spec(raw: dict[str, Any]) -> Spec:
    return Spec(
        code=raw["code"],
        title=raw["title"],
        doc=raw["doc"],
        severity=Severity(raw.get("severity", "error")),
        equations=tuple(raw.get("equations", ())),
        class_equations=tuple(raw.get("class_equations", ())),
        variant_equations=tuple(
            (key.split(":")[0], key.split(":")[1], tuple(eqs))
            for key, eqs in raw.get("variant_equations", {}).items()
        ),
        each_row=raw.get("each_row"),
        each_column=tuple(raw.get("each_column", ())),
        each_code=tuple(raw.get("each_code", ())),
        each_class=tuple(raw.get("each_class", ())),
        each_unit=raw.get("each_unit"),
        each_key=raw.get("each_key"),
        hierarchy=raw.get("hierarchy"),
        when_variant=raw.get("when_variant"),
        since_year=raw.get("since_year"),
        profile=raw.get("profile"),
        units=raw.get("units"),
        tree=raw.get("tree"),
    )


@cache
def specs() -> tuple[Spec, ...]:
    """Final-account and budget identities (refdata/identities_final.toml, identities_budget.toml)."""
    return tuple(
        _spec(raw) for name in ("identities_final", "identities_budget") for raw in load(name)["identity"]
    )


def check_spec(spec: Spec, d: Disclosure) -> Iterator[Finding]:
    """Findings of one identity spec; the spec's table is skipped by the engine if absent."""
    if spec.profile is not None and d.meta.profile != spec.profile:
        return
    if any(d.table(t) is None for t in spec.tables):
        return  # (the engine reports a rule skipped for the tables all its profiles need)
    first = d.table(spec.each_row or spec.hierarchy or spec.tables[0]) if spec.tables else None
    if spec.when_variant is not None and (first is None or first.variant != spec.when_variant):
        return
    year = d.meta.fiscal_year
    if spec.since_year is not None and year is not None and year < spec.since_year:
        return
    if spec.hierarchy:
        table = d.table(spec.hierarchy)
        if table is not None:
            yield from _hierarchy(spec, table)
        return
    if spec.units:
        table = d.table(spec.units)
        if table is not None:
            yield from _unit_sums(spec, table)
        return
    if spec.tree:
        table = d.table(spec.tree)
        if table is not None:
            yield from _tree_sums(spec, table)
        return
    for text in _expand(spec, d):
        equation = parse_equation(text)
        if spec.each_row:
            table = d.table(spec.each_row)
            for row in table.rows if table else ():
                yield from _judge(spec, equation, d, (table, row)) if table else ()
        else:
            yield from _judge(spec, equation, d, None)


def _expand(spec: Spec, d: Disclosure) -> Iterator[str]:
    """The spec's equations with {c} and {k} filled in."""
    base = list(spec.equations)
    for table_id, variant, eqs in spec.variant_equations:
        t = d.table(table_id)
        if t is not None and t.variant == variant:
            base += eqs
    for text in base:
        if "{c}" in text:
            yield from (text.replace("{c}", c) for c in spec.each_column)
        elif "{k}" in text:
            yield from (text.replace("{k}", k) for k in _codes(spec, d))
        elif "{u}" in text and spec.each_unit:
            t = d.table(spec.each_unit)
            yield from (text.replace("{u}", r.key) for r in (t.rows if t else ()) if r.level is Level.UNIT)
        elif "{r}" in text and spec.each_key:
            t = d.table(spec.each_key)
            yield from (
                text.replace("{r}", r.key) for r in (t.rows if t else ()) if r.level is not Level.TOTAL
            )
        else:
            yield text
    for text in spec.class_equations:
        yield from (text.replace("{k}", k) for k in _codes(spec, d))


def _codes(spec: Spec, d: Disclosure) -> list[str]:
    """Function codes (each_code) or 类 codes (each_class) present in the named tables."""
    wanted = spec.each_code or spec.each_class
    codes: set[str] = set()
    for tid in wanted:
        t = d.table(tid)
        for r in t.rows if t else ():
            if r.code and (not spec.each_class or len(r.code) == 3):
                codes.add(r.code)
    return sorted(codes)


def _judge(spec: Spec, eq: Equation, d: Disclosure, current: tuple[Table, Row] | None) -> Iterator[Finding]:
    left = evaluate(eq.left, d, current)
    right = evaluate(eq.right, d, current)
    if left.unsettled or right.unsettled:
        return  # excluded from column-specific checks, RULES.md §7
    printed = [] if left.counts or right.counts else list({**left.printed, **right.printed}.values())
    outcome, delta, tau = judge(left.value, right.value, printed, eq.relation)
    if outcome is Outcome.PASS:
        return
    where = current[1].prov if current else None
    first = eq.left[0]
    table_id = current[0].id if current else first.table
    row_key = current[1].key if current else first.row
    label = f"{table_id}[{current[1].code or current[1].label or current[1].key}] " if current else ""
    yield _finding(
        spec, outcome, f"{label}{eq.text}: left side {fmt(left.value)}, right side {fmt(right.value)}",
        (left.value, right.value, delta, tau), (table_id, row_key, first.column),
        (left.where[0] if left.where else where) or (right.where[0] if right.where else None), right.where,
    )  # fmt: skip


def _finding(
    spec: Spec,
    outcome: Outcome,
    text: str,
    values: tuple[Decimal, Decimal, Decimal, Decimal],
    cell: tuple[str, str, str],
    location: Provenance | None,
    related: list[Provenance],
) -> Finding:
    """An identity's finding: found (the stated side), expected (the computed side), Δ, τ."""
    found, expected, delta, tau = values
    rounding = outcome is Outcome.ROUNDING
    return Finding(
        code=spec.code,
        severity=Severity.INFO if rounding else spec.severity,
        title=spec.title,
        message=f"{text}, difference {fmt(delta)}"
        + (f" (within the rounding allowance {fmt(tau)})" if rounding else ""),
        expected=fmt(expected),
        actual=fmt(found),
        difference=fmt(delta),
        rounding=rounding,
        table=cell[0],
        row=cell[1],
        column=cell[2],
        location=location,
        related=tuple(related),
    )


def _hierarchy(spec: Spec, table: Table) -> Iterator[Finding]:
    """合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 — for every column, where the children are printed."""
    coded = [r for r in table.rows if r.code]
    total = table.row("total")
    for col in table.columns:
        groups: list[tuple[Row, list[Row]]] = []
        if total is not None:
            groups.append((total, [r for r in coded if len(r.code or "") == 3]))
        for parent in coded:
            p = parent.code or ""
            kids = [r for r in coded if r.code and r.code.startswith(p) and len(r.code) == len(p) + 2]
            if kids:
                groups.append((parent, kids))
        for parent, kids in groups:
            if not kids:
                continue
            yield from _judge_sum(spec, table, parent, kids, col.id)


def _judge_sum(
    spec: Spec,
    table: Table,
    parent: Row,
    kids: list[Row],
    column: str,
    what: str | None = None,
    name: str | None = None,
) -> Iterator[Finding]:
    stated = Figures(Decimal(0), {}, [])
    _cell_value(parent, column, stated, 1, table.id)
    summed = Figures(Decimal(0), {}, [])
    for k in kids:
        _cell_value(k, column, summed, 1, table.id)
    printed = list(stated.printed.values()) + list(summed.printed.values())
    outcome, delta, tau = judge(stated.value, summed.value, printed)
    if outcome is Outcome.PASS:
        return
    name = name or parent.code or parent.label
    what = what or ("类" if parent.key == "total" else ("款" if len(parent.code or "") == 3 else "项"))
    yield _finding(
        spec, outcome, f"{table.id}[{name}].{column} = Σ {what} ({len(kids)} rows): stated {fmt(stated.value)}, "
        f"sum {fmt(summed.value)}", (stated.value, summed.value, delta, tau), (table.id, parent.key, column),
        stated.where[0] if stated.where else parent.prov, summed.where,
    )  # fmt: skip


def _unit_sums(spec: Spec, table: Table) -> Iterator[Finding]:
    """Every column: each unit's row = Σ its lines; 合计 = Σ units (or Σ lines when the
    table has no unit rows)."""
    rows = table.rows
    for p, kids in unit_groups(rows):
        parent, parts = rows[p], [rows[k] for k in kids]
        what = "单位" if parts[0].level is Level.UNIT else "行"
        for col in table.columns:
            if col.id in parent.ambiguous or any(col.id in k.ambiguous for k in parts):
                continue  # a column whose placement is not settled is not checked
            yield from _judge_sum(spec, table, parent, parts, col.id, what)


def _tree_sums(spec: Spec, table: Table) -> Iterator[Finding]:
    """Every column: 合计 = Σ the top rows, each row = Σ the rows one step under it (the
    table prints no codes, so its keys carry the nesting: ``A/2`` is under ``A``)."""
    under: dict[str, list[Row]] = {}
    for r in table.rows:
        if r.level is not Level.TOTAL:
            under.setdefault(r.key.rpartition("/")[0] or "total", []).append(r)
    for parent in table.rows:
        kids = under.get(parent.key)
        if not kids:
            continue
        for col in table.columns:
            name = parent.label if parent.key == "total" else f"{parent.key} {parent.label}"
            yield from _judge_sum(spec, table, parent, kids, col.id, "rows under it", name)


def _register_all() -> None:
    by_code: dict[str, list[Spec]] = {}
    for spec in specs():
        by_code.setdefault(spec.code, []).append(spec)
    for code, group in by_code.items():
        tables = tuple(sorted(set.intersection(*(set(s.tables) for s in group))))
        register(
            Rule(
                code=code,
                title=group[0].title,
                doc=" ".join(s.doc for s in group),
                severity=group[0].severity,
                check=functools.partial(_check_all, tuple(group)),
                tables=tables,
                kinds=("预算",) if all(t.startswith("B") for t in tables) else ("决算",),
            )
        )


def _check_all(group: tuple[Spec, ...], d: Disclosure) -> Iterator[Finding]:
    """One rule code may hold one spec per profile (B01-01 of Henan and of Jiangsu)."""
    for spec in group:
        yield from check_spec(spec, d)


_register_all()
