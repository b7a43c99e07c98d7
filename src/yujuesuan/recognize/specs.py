"""Typed view of the table templates in refdata: what recognition matches against."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from yujuesuan.recognize.text import label_key, norm
from yujuesuan.refdata import load


@dataclass(frozen=True)
class FixedRow:
    line_no: int
    labels: tuple[str, ...]  # label keys (normalised, ordinal stripped)
    code: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class LabelledRow:
    """A budget row known by its label: key (in.gpb, use.basic …) and printed labels."""

    key: str
    labels: tuple[str, ...]  # label keys (normalised, ordinal stripped)


@dataclass(frozen=True)
class Block:
    """One label · amount block of a blocks table (收入, 支出 by function, 支出 by use)."""

    name: str
    rows: tuple[LabelledRow, ...]


@dataclass(frozen=True)
class Variant:
    name: str
    columns: tuple[tuple[str, str], ...]
    order: tuple[str, ...] = ()
    when_title: str | None = None
    when_header: str | None = None
    when_interleaved: bool = False


@dataclass(frozen=True)
class TableSpec:
    id: str
    titles: tuple[str, ...]
    layout: str
    variants: tuple[Variant, ...]
    left_columns: tuple[tuple[str, str], ...] = ()
    right_columns: tuple[tuple[str, str], ...] = ()
    left_rows: tuple[FixedRow, ...] = ()
    right_rows: tuple[FixedRow, ...] = ()
    left_range: tuple[int, int] = (0, 0)
    right_range: tuple[int, int] = (0, 0)
    stat_rows: tuple[FixedRow, ...] = field(default=())
    blocks: tuple[Block, ...] = ()
    class_block: str | None = None  # the block whose class lines (一般公共服务支出 …) it prints
    listing: tuple[LabelledRow, ...] = ()
    groups: tuple[str, ...] = ()  # listing rows that head a group and are printed as 小计
    header_has: tuple[str, ...] = ()  # one of these must be in the header, else it is another table
    # Tables whose text drops blank cells (layout ``units``, ``fiscal``): see budget_tables.toml.
    row_identities: tuple[str, ...] = ()
    funds: tuple[tuple[str, str], ...] = ()  # (column, fund)
    grammar: str = "coded"
    econ_split: tuple[str, ...] = ()  # (人员经费 column, 公用经费 column)
    forms: tuple[str, ...] = ()  # layout ``procurement``: the 采购组织形式 that mark a 品目 row

    def fits(self, header: str) -> bool:
        h = norm(header)
        return not self.header_has or any(norm(x) in h for x in self.header_has)

    def variant(self, title: str, header: str) -> Variant:
        """The first variant whose condition holds for this printed title and header."""
        t, h = norm(title), "\n".join(norm(line) for line in header.split("\n"))
        for v in self.variants:
            if v.when_title is not None and norm(v.when_title) not in t:
                continue
            if v.when_header is not None and norm(v.when_header) not in h:
                continue
            if v.when_interleaved and not _interleaved(h):
                continue
            return v
        return self.variants[-1]


def _interleaved(header: str) -> bool:
    """SH24 “三公”: one header line alternates 预算数 决算数 预算数 决算数 … under the items."""
    return any("预算数决算数预算数决算数" in line for line in header.split("\n"))


def _pairs(raw: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in raw)


def _fixed(raw: list[list[Any]]) -> tuple[FixedRow, ...]:
    return tuple(FixedRow(int(r[0]), tuple(label_key(x) for x in r[1:])) for r in raw)


@cache
def class_rows(column: str) -> tuple[FixedRow, ...]:
    """The 类 lines of F01 (``f01``) or F04 (``f04``), with their 行次 and code."""
    rows = []
    for c in load("classes")["class"]:
        if column in c:
            rows.append(FixedRow(int(c[column]), tuple(label_key(n) for n in c["names"]), code=c["code"]))
    return tuple(rows)


@cache
def class_names() -> dict[str, str]:
    """Label key → 类 code, over every name a class has been printed with."""
    out: dict[str, str] = {}
    for c in load("classes")["class"]:
        for n in c["names"]:
            out.setdefault(label_key(n), c["code"])
    return out


def class_of(label: str) -> str | None:
    """The 类 code of a printed class label, with or without its trailing 支出 (“二十四、灾害
    防治及应急管理” is 224)."""
    key = label_key(label)
    names = class_names()
    return names.get(key) or names.get(key + "支出") or names.get(key.removesuffix("支出"))


def _range(raw: list[int] | None) -> tuple[int, int]:
    return (int(raw[0]), int(raw[1])) if raw else (0, 0)


def _spec(t: dict[str, Any]) -> TableSpec:
    base_columns = _pairs(t.get("columns", []))
    variants = tuple(
        Variant(
            name=v["name"],
            columns=_pairs(v["columns"]) if "columns" in v else base_columns,
            order=tuple(v.get("order", ())),
            when_title=v.get("when_title"),
            when_header=v.get("when_header"),
            when_interleaved=bool(v.get("when_interleaved", False)),
        )
        for v in t.get("variants", [])
    ) or (Variant(name="standard", columns=base_columns),)
    right_rows = _fixed(t.get("right_rows", []))
    if "class_rows" in t:
        right_rows = tuple(sorted(class_rows(t["class_rows"]) + right_rows, key=lambda r: r.line_no))
    return TableSpec(
        id=t["id"],
        titles=tuple(t["titles"]),
        layout=t["layout"],
        variants=variants,
        left_columns=_pairs(t.get("left_columns", [])),
        right_columns=_pairs(t.get("right_columns", [])),
        left_rows=_fixed(t.get("left_rows", [])),
        right_rows=right_rows,
        left_range=_range(t.get("left_range")),
        right_range=_range(t.get("right_range")),
        stat_rows=tuple(
            FixedRow(int(r[0]), (label_key(r[1]),), unit=r[2] or None) for r in t.get("stat_rows", [])
        ),
        blocks=tuple(Block(b["name"], _labelled(b["rows"])) for b in t.get("blocks", [])),
        class_block=t.get("class_block"),
        listing=_labelled(t.get("rows", [])) if t.get("layout") in _LABELLED_LAYOUTS else (),
        groups=tuple(t.get("groups", ())),
        header_has=tuple(t.get("header_has", ())),
        row_identities=tuple(t.get("row_identities", ())),
        funds=tuple(t.get("funds", {}).items()),
        grammar=t.get("grammar", "coded"),
        econ_split=tuple(t.get("econ_split", ())),
        forms=tuple(norm(f) for f in t.get("forms", ())),
    )


_LABELLED_LAYOUTS = ("listing", "fiscal", "procurement")  # layouts whose `rows` are known by label


def _labelled(raw: list[list[str]]) -> tuple[LabelledRow, ...]:
    return tuple(LabelledRow(r[0], tuple(label_key(x) for x in r[1:])) for r in raw)


@cache
def final_specs() -> tuple[TableSpec, ...]:
    return tuple(_spec(t) for t in load("final_tables")["table"])


@cache
def budget_specs() -> tuple[TableSpec, ...]:
    return tuple(_spec(t) for t in load("budget_tables")["table"])


@cache
def title_index() -> tuple[tuple[str, tuple[TableSpec, ...]], ...]:
    """(normalised title, the specs printed with it), longest titles first so 支出决算表
    never wins over a longer one. Profiles share some titles (一般公共预算支出预算表);
    the header then tells their specs apart (``header_has``)."""
    by_title: dict[str, list[TableSpec]] = {}
    for s in final_specs() + budget_specs():
        for title in s.titles:
            by_title.setdefault(norm(title), []).append(s)
    return tuple(sorted(((t, tuple(v)) for t, v in by_title.items()), key=lambda p: -len(p[0])))


def spec_of(table_id: str, variant: str) -> TableSpec | None:
    """The spec that reads a table of this id and variant (profiles share ids)."""
    return next(
        (
            s
            for s in final_specs() + budget_specs()
            if s.id == table_id and any(v.name == variant for v in s.variants)
        ),
        None,
    )
