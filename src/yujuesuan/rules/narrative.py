"""N rules: every figure the 情况说明 states, against the tables and against itself.

Claims come from narrative/claims.py and are bound to cells by narrative/binding.py.
Without prior-year or budget data (PY, AB) only what the document itself implies is
checked: a growth rate against its own change and current value, a share against the
table's whole, a completion rate against the two amounts of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from yujuesuan.model.disclosure import Disclosure, Section
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Unit
from yujuesuan.narrative.binding import (
    BUDGET_CLASS_HEAD,
    BUDGET_ITEM,
    CLASS_MENTION,
    CLASS_SENTENCE,
    ITEM,
    Binder,
    binder_for,
    budget_class_binder,
    class_binder,
    item_binder,
    section_topic,
)
from yujuesuan.narrative.claims import Claim, claims, section_text
from yujuesuan.recognize.specs import class_of
from yujuesuan.recognize.text import label_key
from yujuesuan.rules.identities import value_of
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge, percent_outcome, quantum

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SHARE_WORDS = ("占", "占比")


@dataclass(frozen=True)
class Read:
    """A section's claims, each with the binder that names its cell (or None)."""

    section: Section
    topic: str
    claims: tuple[Claim, ...]
    binders: tuple[Binder | None, ...]
    items: tuple[Item, ...] = ()
    section_text: str = ""


@dataclass(frozen=True)
class Item:
    """An item of 五（三）具体情况: “3.教育支出（类）职业教育（款）技校教育（项）”."""

    number: str
    names: tuple[str, str, str]  # 类, 款, 项 as printed
    code: str | None  # the F05 项 row it names, if any
    start: int  # offset in the section text
    prov: Provenance | None


def item_headers(s: Section, d: Disclosure) -> list[Item]:
    st = section_text(s)
    return [
        Item(
            m.group(1),
            (m.group(2), m.group(3), m.group(4)),
            item_code(d, m.group(2), m.group(3), m.group(4)),
            m.start(),
            st.prov_at(m.start()),
        )
        for m in ITEM.finditer(st.text)
    ]


def item_code(d: Disclosure, cls: str, section: str, item: str, table: str = "F05") -> str | None:
    """The 项 code whose 类, 款 and 项 names are these (names repeat, so all three count).
    A name printed with or without 支出 matches."""
    t = d.table(table)
    code = class_of(cls)
    if t is None or code is None:
        return None
    for r in t.rows:
        c = r.code or ""
        if len(c) == 5 and c.startswith(code) and _same_name(r.label, section):
            for it in t.rows:
                ic = it.code or ""
                if len(ic) == 7 and ic.startswith(c) and _same_name(it.label, item):
                    return ic
    return None


def _same_name(label: str, printed: str) -> bool:
    a, b = label_key(label), label_key(printed)
    return a == b or a.removesuffix("支出") == b.removesuffix("支出")


BUDGET_ITEM_TABLES = {"b_fiscal": "B16", "b_gpb": "B05"}  # the table a Jiangsu 五/七 item restates


def budget_item_headers(s: Section, d: Disclosure, table: str) -> list[Item]:
    """The items of a Jiangsu budget's 五 (or 七), each under the 类 heading above it."""
    text = section_text(s)
    heads = [(m.start(), m.group(1)) for m in BUDGET_CLASS_HEAD.finditer(text.text)]
    out = []
    for m in BUDGET_ITEM.finditer(text.text):
        cls = next((name for at, name in reversed(heads) if at < m.start()), None)
        names = (cls or "", m.group(2), m.group(3))
        code = item_code(d, cls, m.group(2), m.group(3), table) if cls else None
        out.append(Item(m.group(1), names, code, m.start(), text.prov_at(m.start())))
    return out


def _bind(d: Disclosure, topic: str, c: Claim, items: list[Item]) -> Binder | None:
    """The cell a money figure restates: 五（二） class lines and 五（三） items by name, the
    rest by the subject phrases of narrative/binding.py."""
    if topic == "gpb" and c.sub == "二" and (m := CLASS_MENTION.search(c.before)):
        code = class_of(m.group(1))
        if code is not None:
            return class_binder(code, m.group(1))
    if topic == "h_gpb" and (m := BUDGET_CLASS.search(c.before)):
        code = class_of(m.group(1))
        if code is not None:
            return budget_class_binder(code, m.group(1))
    if topic == "gpb" and c.sub == "三" and "决算" in c.before[-8:]:
        owner = next((it for it in reversed(items) if it.start < c.start), None)
        if owner is not None:
            return item_binder(owner.code, "".join(owner.names)) if owner.code else None
        m = CLASS_SENTENCE.search(c.sentence)
        code = class_of(m.group(1)) if m else None
        if m and code:
            return class_binder(code, m.group(1))
    if topic in BUDGET_ITEM_TABLES and ITEM_AMOUNT.search(c.before):
        owner = next((it for it in reversed(items) if it.start < c.start), None)
        if owner is not None and owner.code:
            return item_binder(owner.code, "".join(owner.names), BUDGET_ITEM_TABLES[topic], topic)
        return None
    return binder_for(topic, c.sub, c.before, c.sentence)


ITEM_AMOUNT = re.compile(r"[（(]项[）)](?:支出)?(?:预算)?$")  # the figure right after an item's name
BUDGET_CLASS = re.compile(r"(?:^|[：；，。])\s*([^，；：、。]{2,20}?支出)$")

_CACHE: dict[int, tuple[Disclosure, list[Read]]] = {}


def reads(d: Disclosure) -> list[Read]:
    """Claims of every section, bound; computed once per disclosure."""
    hit = _CACHE.get(id(d))
    if hit is not None and hit[0] is d:
        return hit[1]
    out = []
    for s in d.narrative:
        topic = section_topic(d.meta.profile, s.key, s.heading)
        cs = tuple(claims(s))
        if topic == "gpb":
            items = item_headers(s, d)
        elif topic in BUDGET_ITEM_TABLES:
            items = budget_item_headers(s, d, BUDGET_ITEM_TABLES[topic])
        else:
            items = []
        bs = tuple(_bind(d, topic, c, items) if c.is_money and not c.is_change else None for c in cs)
        out.append(Read(s, topic, cs, bs, tuple(items), section_text(s).text))
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[id(d)] = (d, out)
    return out


def _unit_of(ref: str, d: Disclosure) -> Unit:
    table = d.table(ref.split(".", 1)[0])
    return table.unit if table else d.meta.unit


def in_unit(value: Decimal, source: Unit, target: str) -> Decimal:
    """Exact conversion between 元 and 万元 (factor 10⁴)."""
    if source.value == target:
        return value
    return value / 10000 if target == "万元" else value * 10000


def expected_value(ref: str, d: Disclosure, unit: str) -> tuple[Decimal, Decimal] | None:
    """(value of ``ref`` in the claim's unit, its precision) or None when not in the tables."""
    figures = value_of(ref, d)
    if figures is None:
        return None
    source = _unit_of(ref, d)
    q = max((quantum(v) for v in figures.printed.values()), default=Decimal("0.01"))
    return in_unit(figures.value, source, unit), in_unit(q, source, unit)


def _finding(code: str, sev: Severity, title: str, c: Claim, message: str, **kw: str | None) -> Finding:
    """A narrative finding at the figure's line; info from these rules means a rounding note."""
    return Finding(
        code=code, severity=sev, title=title, message=message, location=c.prov, rounding=sev is INFO, **kw
    )


# ---------------------------------------------------------------- N01 amounts


# The section rules of RULES.md §8 that bind a stated amount to a cell; amounts of other
# sections are N01's.
AMOUNT_CODES = {
    ("totals", None): ("N10", "一 收支总计"),
    ("income", None): ("N11", "二 收入构成"),
    ("expense", None): ("N12", "三 支出构成"),
    ("fiscal_totals", None): ("N13", "四 财政拨款收支总计"),
    ("gpb", "一"): ("N14", "五（一）总体"),
    ("gpb", "二"): ("N15", "五（二）结构"),
    ("gpb", "三"): ("N17", "五（三）具体情况 金额"),
    ("basic", None): ("N18", "六 基本支出"),
    ("fund", None): ("N20", "七/八 基金、国资"),
    ("soe", None): ("N20", "七/八 基金、国资"),
    ("three", None): ("N21", "九 三公"),
    ("performance", None): ("N26", "十三 预算绩效"),
    ("admin_cost", None): ("N23", "十 机关运行经费"),
    ("other", "一"): ("N23", "十 机关运行经费"),
    ("b_totals", None): ("N30", "一 收支总计"),
    ("b_fiscal_totals", None): ("N33", "四 财政拨款"),
    ("b_income", None): ("N31", "二 收入"),
    ("b_expense", None): ("N32", "三 支出"),
    ("b_fiscal", None): ("N34", "五 一般公共预算支出"),
    ("b_gpb", None): ("N34", "五 一般公共预算支出"),
    ("b_basic_fiscal", None): ("N35", "六 基本支出"),
    ("b_basic_gpb", None): ("N35", "六 基本支出"),
    ("b_three", None): ("N37", "九 三公"),
    ("b_admin", None): ("N38", "十（一）机关运行经费"),
    ("b_procurement", None): ("N39", "十（二）政府采购"),
    ("h_totals", None): ("N30", "一 收支总计"),
    ("h_income", None): ("N31", "二 收入"),
    ("h_expense", None): ("N32", "三 支出"),
    ("h_fiscal_totals", None): ("N33", "四 财政拨款"),
    ("h_gpb", None): ("N34", "五 一般公共预算支出"),
    ("h_basic", None): ("N35", "六 基本支出"),
    ("h_three", None): ("N37", "九 三公"),
    ("h_other", "一"): ("N38", "十（一）机关运行经费"),
    ("h_other", "三"): ("N40", "十（三）绩效目标"),
}


def _amount_code(topic: str, sub: str | None) -> tuple[str, str]:
    return (
        AMOUNT_CODES.get((topic, sub)) or AMOUNT_CODES.get((topic, None)) or ("N01", "叙述金额 = 表格单元格")
    )


def amounts_of(d: Disclosure, code: str) -> Iterator[Finding]:
    return (f for f in _amounts(d) if f.code == code)


@rule("N01", "叙述金额 = 表格单元格", ERROR)
def amounts(d: Disclosure) -> Iterator[Finding]:
    """Every amount a sentence states for a table quantity equals that cell after exact
    unit conversion, at the narrative's printed precision; a difference the two roundings
    explain is a note. Amounts of the sections with a rule of their own (N10–N26) are
    reported under that rule's code."""
    return amounts_of(d, "N01")


@rule("N30", "一 收支总计 (预算)", ERROR, kinds=("预算",))
def budget_totals(d: Disclosure) -> Iterator[Finding]:
    """收入（支出）预算总计 = B01.收入合计 (支出合计); 财政拨款, 一般公共预算, 政府性基金, 财政专户管理资金
    and 其他资金 收入预算 = the B01 line of the same name."""
    return amounts_of(d, "N30")


@rule("N31", "二 收入 (预算)", ERROR, kinds=("预算",))
def budget_income(d: Disclosure) -> Iterator[Finding]:
    """收入预算合计 = B01.本年收入小计; 一般公共预算, 政府性基金, 财政专户管理资金, 其他资金 收入 = the
    B01 line of the same name; shares of 收入合计 are N02."""
    return amounts_of(d, "N31")


@rule("N32", "三 支出 (预算)", ERROR, kinds=("预算",))
def budget_expense(d: Disclosure) -> Iterator[Finding]:
    """支出预算合计 = B01.本年支出小计; 基本支出 = B03[合计].c2, 项目支出 = c3, 单位预留机动经费 = c4;
    shares of 支出合计 are N02."""
    return amounts_of(d, "N32")


@rule("N34", "五 财政拨款、一般公共预算支出 (预算)", ERROR, kinds=("预算",))
def budget_spending(d: Disclosure) -> Iterator[Finding]:
    """财政拨款预算支出 = B16[合计] (五); 一般公共预算财政拨款支出预算 = B05[合计] (七); each
    item “1．人大事务（款）行政运行（项）支出x万元” = its B16 项 row (B05 in 七), found by its
    类, 款 and 项 names; Henan: 一般公共预算支出 = B05[合计] and each 类 line = Σ its B05 项 rows."""
    return amounts_of(d, "N34")


@rule("N35", "六 基本支出 (预算)", ERROR, kinds=("预算",))
def budget_basic(d: Disclosure) -> Iterator[Finding]:
    """基本支出 = B17[合计] (财政拨款, 六) or B06[合计] (一般公共预算, 八); 人员经费 = [301] + [303];
    公用经费 = [302] + [310]."""
    return amounts_of(d, "N35")


@rule("N33", "四 财政拨款 (预算)", ERROR, kinds=("预算",))
def budget_fiscal_totals(d: Disclosure) -> Iterator[Finding]:
    """财政拨款收、支总预算 = B04.收入合计."""
    return amounts_of(d, "N33")


@rule("N37", "九 三公 (预算)", ERROR, kinds=("预算",))
def budget_three(d: Disclosure) -> Iterator[Finding]:
    """因公出国（境）费 = B09.c3; 公务用车购置及运行费 = c4 (购置 c5, 运行维护 c6); 公务接待费 = c7;
    会议费 = c8; 培训费 = c9 (Jiangsu)."""
    return amounts_of(d, "N37")


@rule("N38", "十（一）机关运行经费 (预算)", ERROR, kinds=("预算",))
def budget_admin_cost(d: Disclosure) -> Iterator[Finding]:
    """机关运行经费 = B13.合计."""
    return amounts_of(d, "N38")


@rule("N10", "一 收支总计", ERROR)
def totals(d: Disclosure) -> Iterator[Finding]:
    """收、支总计 (收入总计, 支出总计) = F01.r31 (= r62)."""
    return amounts_of(d, "N10")


@rule("N11", "二 收入构成", ERROR)
def income(d: Disclosure) -> Iterator[Finding]:
    """收入合计 = F01.r27; 财政拨款收入 = F02[合计].c2; 上级补助 c3; 事业 c4; 经营 c5; 附属单位上缴 c6;
    其他 c7. Shares of F01.r27 are N02."""
    return amounts_of(d, "N11")


@rule("N12", "三 支出构成", ERROR)
def expense(d: Disclosure) -> Iterator[Finding]:
    """支出合计 = F01.r58; 基本 = F03[合计].c2; 项目 c3; 上缴上级 c4; 经营 c5; 对附属单位补助 c6."""
    return amounts_of(d, "N12")


@rule("N13", "四 财政拨款收支总计", ERROR)
def fiscal_totals(d: Disclosure) -> Iterator[Finding]:
    """财政拨款收、支总计 = F04.r32 (= F04.r64.c2)."""
    return amounts_of(d, "N13")


@rule("N14", "五（一）总体", ERROR)
def gpb_total(d: Disclosure) -> Iterator[Finding]:
    """一般公共预算财政拨款支出 = F05[合计].c1, its share of F01.r58 (N02); Shanxi: 人员经费 =
    F06.人员经费合计.b and 日常公用经费 = F06.公用经费合计.b."""
    return amounts_of(d, "N14")


@rule("N20", "七/八 基金、国资", ERROR)
def fund_amounts(d: Disclosure) -> Iterator[Finding]:
    """With data: 支出决算 = F08[合计].c3 (F09 likewise); the null form (没有…收入，也没有…支出 /
    本年度无此项支出 / 无…收入和支出) appears only when the table is all zero."""
    yield from amounts_of(d, "N20")
    yield from _null_forms(d)


@rule("N21", "九 三公", ERROR)
def three_public(d: Disclosure) -> Iterator[Finding]:
    """预算 = F07.c1, 决算 = F07.c7; items 出国 c8/c2, 公务用车 c9/c3 (购置 c10, 运行维护 c11),
    接待 c12/c6. Completion rates are N07, shares N02."""
    return amounts_of(d, "N21")


def _amounts(d: Disclosure) -> list[Finding]:
    hit = _AMOUNTS.get(id(d))
    if hit is not None and hit[0] is d:
        return hit[1]
    found = list(_amount_findings(d))
    _AMOUNTS[id(d)] = (d, found)
    return found


_AMOUNTS: dict[int, tuple[Disclosure, list[Finding]]] = {}


def _amount_findings(d: Disclosure) -> Iterator[Finding]:
    for r in reads(d):
        for c, b in zip(r.claims, r.binders, strict=True):
            if b is None:
                continue
            exp = expected_value(b.ref, d, c.unit)
            if exp is None:
                continue
            value, q = exp
            stated = abs(c.value)
            outcome, delta, _ = judge(stated, value, [stated, q])
            if outcome is Outcome.PASS or value.quantize(quantum(stated), ROUND_HALF_UP) == stated:
                continue
            other = "元" if c.unit == "万元" else "万元"
            swapped = expected_value(b.ref, d, other)
            mislabelled = swapped is not None and swapped[0] == stated
            note = f"; it is the {other} figure labelled {c.unit}" if mislabelled else ""
            code, title = _amount_code(r.topic, c.sub)
            yield _finding(
                code,
                INFO if outcome is Outcome.ROUNDING else ERROR,
                title,
                c,
                f"§{r.section.key} “{_excerpt(c)}”: {b.name} is stated as {c.raw}{c.unit}, "
                f"the table ({b.ref}) gives {fmt(value.quantize(quantum(stated), ROUND_HALF_UP))}{c.unit}{note}",
                expected=fmt(value.quantize(quantum(stated), ROUND_HALF_UP)),
                actual=c.raw,
                difference=fmt(stated - value.quantize(quantum(stated), ROUND_HALF_UP)),
                table=b.ref.split(".", 1)[0],
            )


def _excerpt(c: Claim, width: int = 30) -> str:
    return (c.before[-width:] + c.raw + c.unit).strip()


def _next_percent(r: Read, i: int) -> Claim | None:
    """The percentage that follows claim i in its sentence, before any other amount."""
    for c in r.claims[i + 1 :]:
        if c.sentence_no != r.claims[i].sentence_no or (c.is_money and not c.is_change):
            return None
        if c.is_percent:
            return c
    return None


# ---------------------------------------------------------------- N02 shares


@rule("N02", "占比重算", ERROR)
def shares(d: Disclosure) -> Iterator[Finding]:
    """Every “占（…的）p%” / “占比p%” after an amount: p = ROUND_HALF_UP(100·amount/whole)
    at the printed precision, with the whole the template names (收入合计 for income
    sources, 支出合计 for spending, the 一般公共预算 total for its classes, the “三公” total
    for its items)."""
    for r in reads(d):
        for i, (c, b) in enumerate(zip(r.claims, r.binders, strict=True)):
            whole_ref = b.share_of if b else None
            if whole_ref is None:
                continue
            p = _next_percent(r, i)
            if p is None or not p.before.endswith(SHARE_WORDS) and not p.before.startswith("占"):
                continue
            exp = expected_value(whole_ref, d, c.unit)
            if exp is None:
                continue
            yield from _judge_percent("N02", "占比重算", p, abs(c.value), exp[0], f"{c.raw}/{fmt(exp[0])}")


def _judge_percent(
    code: str, title: str, p: Claim, part: Decimal, whole: Decimal, what: str
) -> Iterator[Finding]:
    outcome, expected = percent_outcome(abs(p.value), part, whole)
    if outcome is Outcome.PASS:
        return
    yield _finding(
        code,
        INFO if outcome is Outcome.ROUNDING else ERROR,
        title,
        p,
        f"“{_excerpt(p)}”: {what} is {fmt(expected)}%, printed {p.raw}%",
        expected=f"{fmt(expected)}%",
        actual=f"{p.raw}%",
        difference=fmt(abs(p.value) - expected),
    )


# ---------------------------------------------------------------- N04 / N06 growth


def _level_for(r: Read, i: int) -> Claim | None:
    """The current value a change at claim i refers to: the latest level figure before it
    whose subject the change repeats (收入总计 … 收入总计减少Δ), else the latest level."""
    change = r.claims[i]
    levels = [
        (j, c)
        for j, c in enumerate(r.claims[:i])
        if c.is_money
        and not c.is_change
        and c.sentence_no >= change.sentence_no - 1
        and "预算" not in c.before[-6:]
    ]
    for _j, c in reversed(levels):
        b = r.binders[r.claims.index(c)]
        if b is not None and b.subject.pattern and b.name and b.name in change.before:
            return c
    return levels[-1][1] if levels else None


@rule("N04", "同比内部一致", ERROR)
def growth(d: Disclosure) -> Iterator[Finding]:
    """“X…增加Δ…增长p%”: the prior value is X − Δ (减少: X + Δ) and p = 100·Δ/prior at the
    printed precision, where X is the current value the sentence (or the one before) states."""
    for r in reads(d):
        for i, c in enumerate(r.claims):
            if not (c.is_money and c.is_change and c.direction):
                continue
            p = _next_percent(r, i)
            if p is None or p.direction is None:
                continue
            level = _level_for(r, i)
            if level is None or level.unit != c.unit:
                continue
            x, delta = abs(level.value), abs(c.value)
            prior = x - delta if c.direction == "up" else x + delta
            if prior <= 0:
                continue
            yield from _judge_percent(
                "N04",
                "同比内部一致",
                p,
                delta,
                prior,
                f"{c.raw}/({level.raw} {'−' if c.direction == 'up' else '+'} {c.raw})",
            )


@rule("N06", "方向词", ERROR)
def direction_words(d: Disclosure) -> Iterator[Finding]:
    """The amount verb and the percentage verb of one clause agree (增加…增长, 减少…下降);
    magnitudes are unsigned (no “减少-5万元”); “持平/不存在差异” needs 决算 = 预算 and “存在差异”
    needs 决算 ≠ 预算."""
    for r in reads(d):
        for i, c in enumerate(r.claims):
            if c.direction and c.value < 0:
                yield _finding(
                    "N06", ERROR, "方向词", c, f"“{_excerpt(c)}”: a signed figure after a direction word",
                    expected=c.raw.lstrip("-"), actual=c.raw,
                )  # fmt: skip
            if c.is_money and c.is_change and c.direction:
                p = _next_percent(r, i)
                if p is not None and p.direction and p.direction != c.direction:
                    yield _finding(
                        "N06", ERROR, "方向词", p,
                        f"“{_excerpt(c)}…{_excerpt(p)}”: the amount goes {c.direction}, the rate {p.direction}",
                        expected=c.direction, actual=p.direction,
                    )  # fmt: skip
        yield from _equal_words(r)


def _equal_words(r: Read) -> Iterator[Finding]:
    for budget, actual, p in _completions(r):
        follow = _following_text(r, p)
        same = abs(budget.value) == abs(actual.value)
        if ("持平" in follow or "不存在差异" in follow) and not same:
            word = "持平" if "持平" in follow else "不存在差异"
            yield _finding(
                "N06", ERROR, "方向词", p, f"“{word}” but 决算 {actual.raw} ≠ 预算 {budget.raw}",
                expected="存在差异", actual=word,
            )  # fmt: skip
        elif "存在差异" in follow and "不存在差异" not in follow and same:
            yield _finding(
                "N06", ERROR, "方向词", p, f"“存在差异” but 决算 {actual.raw} = 预算 {budget.raw}",
                expected="持平", actual="存在差异",
            )  # fmt: skip


def _following_text(r: Read, p: Claim) -> str:
    """From the figure to the end of the next sentence: where 持平/存在差异 and reasons are said."""
    text = r.section_text
    start = p.start
    ends = [i for i, ch in enumerate(text[start:], start) if ch == "。"]
    end = ends[1] if len(ends) > 1 else (ends[0] if ends else len(text))
    return text[start : end + 1]


# ---------------------------------------------------------------- N07 completion


def _completions(r: Read) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(预算 amount, 决算 amount, completion %) of every “完成…预算的p%” with both amounts
    stated in its sentence."""
    for i, p in enumerate(r.claims):
        if not (p.is_percent and "完成" in p.before and "预算" in p.before):
            continue
        same = [c for c in r.claims[:i] if c.sentence_no == p.sentence_no and c.is_money and not c.is_change]
        actual = next(
            (c for c in reversed(same) if "决算" in c.before[-12:] or "支出" in c.before[-4:]), None
        )
        budget = next(
            (c for c in reversed(same) if "预算" in c.before[-10:] and "决算" not in c.before[-6:]), None
        )
        if actual is not None and budget is not None and budget is not actual:
            yield budget, actual, p


@rule("N07", "完成预算率", ERROR)
def completion(d: Disclosure) -> Iterator[Finding]:
    """“完成（年初/全年）预算的p%”: p = ROUND_HALF_UP(100·决算/预算) with the two amounts of
    the same sentence (or the item's budget in the “三公” table); 预算 = 0 allows only 0%."""
    for r in reads(d):
        paired: set[int] = set()
        for budget, actual, p in _completions(r):
            paired.add(id(p))
            yield from _judge_percent(
                "N07", "完成预算率", p, abs(actual.value), abs(budget.value), f"{actual.raw}/{budget.raw}"
            )
        for i, (c, b) in enumerate(zip(r.claims, r.binders, strict=True)):
            if b is None or b.budget is None:
                continue
            rate = _next_percent(r, i)
            if rate is None or id(rate) in paired or not ("完成" in rate.before and "预算" in rate.before):
                continue
            exp = expected_value(b.budget, d, c.unit)
            if exp is not None:
                yield from _judge_percent(
                    "N07", "完成预算率", rate, abs(c.value), exp[0], f"{c.raw}/{fmt(exp[0])}"
                )


# ---------------------------------------------------------------- 五 lists: classes and items


def _gpb(d: Disclosure) -> Read | None:
    return next((r for r in reads(d) if r.topic == "gpb"), None)


def _nonzero_rows(d: Disclosure, digits: int) -> list[tuple[str, str]]:
    """(code, label) of the F05 rows of one level with 小计 ≠ 0, in code order."""
    f05 = d.table("F05")
    rows = [r for r in f05.rows if r.code and len(r.code) == digits] if f05 else []
    return sorted((r.code or "", r.label) for r in rows if r.value("c1"))


@rule("N15", "五（二）结构", ERROR, tables=("F05",))
def class_list(d: Disclosure) -> Iterator[Finding]:
    """The 类 listed in 五（二） are exactly the 类 rows of F05 with 小计 ≠ 0, in code order
    (a missing or an extra class is an error, another order a warning)."""
    yield from amounts_of(d, "N15")
    r = _gpb(d)
    if r is None:
        return
    listed = [(b.code, c) for c, b in zip(r.claims, r.binders, strict=True) if b and b.code and c.sub == "二"]
    if not listed:
        return
    codes = [code for code, _ in listed]
    want = [code for code, _ in _nonzero_rows(d, 3)]
    where = listed[0][1]
    for code, label in _nonzero_rows(d, 3):
        if code not in codes:
            yield _finding("N15", ERROR, "五（二）结构", where, f"class {code} {label} has spending in F05 but is not listed",
                           expected=f"{code} {label}", actual="absent")  # fmt: skip
    for code, c in listed:
        if code not in want:
            yield _finding("N15", ERROR, "五（二）结构", c, f"class {code} is listed but F05 has no spending under it",
                           expected="not listed", actual=code)  # fmt: skip
    present = [x for x in codes if x in want]
    if present != sorted(present):
        yield _finding("N15", WARNING, "五（二）结构", where, f"classes are listed in the order {' '.join(present)}",
                       expected=" ".join(sorted(present)), actual=" ".join(present))  # fmt: skip


@rule("N16", "五（三）具体情况 覆盖", ERROR, tables=("F05",))
def item_coverage(d: Disclosure) -> Iterator[Finding]:
    """五（三） lists every 项 row of F05 with 小计 ≠ 0, in code order, numbered 1…n; each item
    names a real F05 项 by its 类, 款 and 项 names."""
    r = _gpb(d)
    if r is None or not r.items:
        return
    for it in r.items:
        if it.code is None:
            yield Finding(
                code="N16", severity=ERROR, title="五（三）具体情况 覆盖", location=it.prov,
                message=f"item {it.number} “{'/'.join(it.names)}” names no 项 row of F05",
                expected="a 项 of F05", actual="".join(it.names),
            )  # fmt: skip
    listed = [it.code for it in r.items if it.code]
    for code, label in _nonzero_rows(d, 7):
        if code not in listed:
            yield Finding(
                code="N16", severity=ERROR, title="五（三）具体情况 覆盖", location=r.items[-1].prov,
                message=f"项 {code} {label} has spending in F05 but is not among the items",
                expected=f"{code} {label}", actual="absent",
            )  # fmt: skip
    if listed != sorted(listed):
        yield Finding(
            code="N16", severity=WARNING, title="五（三）具体情况 覆盖", location=r.items[0].prov,
            message="items are not in code order", expected=" ".join(sorted(listed)), actual=" ".join(listed),
        )  # fmt: skip
    numbers = [it.number for it in r.items]
    if numbers != [str(i) for i in range(1, len(numbers) + 1)]:
        yield Finding(
            code="N16", severity=WARNING, title="五（三）具体情况 覆盖", location=r.items[0].prov,
            message=f"items are numbered {'、'.join(numbers)}", expected=f"1…{len(numbers)}", actual="、".join(numbers),
        )  # fmt: skip


def _item_amounts(r: Read) -> tuple[list[Claim], list[Claim]]:
    """(budgets, actuals) stated by the items of 五（三）, in order."""
    budgets: list[Claim] = []
    actuals: list[Claim] = []
    if not r.items:
        return budgets, actuals
    first = r.items[0].start
    for c in r.claims:
        if c.start > first and c.is_money and c.sub == "三":
            if "决算" in c.before[-8:]:
                actuals.append(c)
            elif "预算" in c.before[-8:]:
                budgets.append(c)
    return budgets, actuals


def _opening(r: Read) -> tuple[Claim | None, Claim | None]:
    """(年初预算 B, 支出决算 X) of the 五（三） opening sentence."""
    first = r.items[0].start if r.items else None
    opening = [c for c in r.claims if c.sub == "三" and c.is_money and (first is None or c.start < first)]
    budget = next((c for c in opening if "预算" in c.before[-8:]), None)
    actual = next((c for c in opening if "决算" in c.before[-8:]), None)
    return budget, actual


@rule("N17", "五（三）具体情况 金额", ERROR, tables=("F05",))
def item_sum(d: Disclosure) -> Iterator[Finding]:
    """Each item's 支出决算 = its 项 row of F05 (c1), and Σ item 决算 = the stated total 决算 of
    the opening sentence (= F05[合计].c1)."""
    yield from amounts_of(d, "N17")
    r = _gpb(d)
    if r is None or not r.items:
        return
    _, total = _opening(r)
    _, actuals = _item_amounts(r)
    if total is None or not actuals:
        return
    yield from _stated_sum(
        "N17", "五（三）具体情况 金额", total, actuals, "the items' 支出决算 against the opening"
    )


@rule("N29", "五（三）年初预算合计", WARNING)
def item_budget_sum(d: Disclosure) -> Iterator[Finding]:
    """Σ item 年初预算 = the stated total 年初预算 B. A shortfall can be legitimate (a 项 with a
    budget but no spending has no F05 row), so this is a warning."""
    r = _gpb(d)
    if r is None or not r.items:
        return
    total, _ = _opening(r)
    budgets, _ = _item_amounts(r)
    if total is None or not budgets:
        return
    yield from _stated_sum(
        "N29", "五（三）年初预算合计", total, budgets, "the items' 年初预算 against the opening", WARNING
    )


# ---------------------------------------------------------------- sums stated in one sentence


def _stated_sum(
    code: str, title: str, total: Claim, parts: list[Claim], what: str, severity: Severity = ERROR
) -> Iterator[Finding]:
    """A total stated next to its parts: total = Σ parts, within the rounding allowance."""
    stated = abs(total.value)
    summed = sum((abs(c.value) for c in parts), Decimal(0))
    counts = not total.is_money
    printed = [] if counts else [stated] + [abs(c.value) for c in parts]
    outcome, delta, _ = judge(stated, summed, printed)
    if outcome is Outcome.PASS:
        return
    yield _finding(
        code, INFO if outcome is Outcome.ROUNDING else severity, title, total,
        f"{what}: the parts add up to {fmt(summed)}{total.unit}, the total is stated as {total.raw}{total.unit}",
        expected=fmt(summed), actual=total.raw, difference=fmt(delta),
    )  # fmt: skip


def _after(r: Read, c: Claim, words: tuple[str, ...], unit: str | None = None) -> list[Claim]:
    """Claims of c's sentence after c whose words end with one of ``words``."""
    return [
        x
        for x in r.claims
        if x.sentence_no == c.sentence_no
        and x.start > c.start
        and x.before.endswith(words)
        and (unit is None or x.unit == unit)
    ]


@rule("N18", "六 基本支出", ERROR)
def basic_split(d: Disclosure) -> Iterator[Finding]:
    """基本支出 = F05[合计].c2; 人员经费 = F06.人员经费合计.b; 公用经费 = F06.公用经费合计.b; and
    人员经费 + 公用经费 = 基本支出 as the section states them."""
    yield from amounts_of(d, "N18")
    for r in reads(d):
        if r.topic != "basic":
            continue
        total = next(
            (c for c, b in zip(r.claims, r.binders, strict=True) if b and b.ref == "F05.total.c2"), None
        )
        parts = [c for c, b in zip(r.claims, r.binders, strict=True) if b and b.ref.startswith("F06.")]
        if total is not None and len(parts) == 2:
            yield from _stated_sum("N18", "六 基本支出", total, parts, "人员经费 + 公用经费 = 基本支出")


@rule("N22", "九（二）三公 具体", ERROR)
def reception_split(d: Disclosure) -> Iterator[Finding]:
    """外宾接待支出 + 其他国内公务接待支出 = 公务接待费 决算 (F07.c12)."""
    for r in reads(d):
        if r.topic != "three":
            continue
        foreign = next((c for c in r.claims if c.is_money and c.before.endswith("外宾接待支出")), None)
        domestic = next((c for c in r.claims if c.is_money and c.before.endswith("国内公务接待支出")), None)
        if foreign is None or domestic is None or "含外宾" in domestic.sentence:
            continue
        exp = expected_value("F07.total.c12", d, domestic.unit)
        if exp is None:
            continue
        summed = abs(foreign.value) + abs(domestic.value)
        outcome, delta, _ = judge(exp[0], summed, [abs(foreign.value), abs(domestic.value), exp[1]])
        if outcome is not Outcome.PASS:
            yield _finding(
                "N22", INFO if outcome is Outcome.ROUNDING else ERROR, "九（二）三公 具体", domestic,
                f"外宾接待 {foreign.raw} + 国内接待 {domestic.raw} = {fmt(summed)}, 公务接待费 is {fmt(exp[0])}",
                expected=fmt(exp[0]), actual=fmt(summed), difference=fmt(summed - exp[0]),
            )  # fmt: skip


_PROCUREMENT_TOTAL = ("政府采购支出总额", "政府采购金额（以合同签订为准）为", "政府采购金额为")
_PROCUREMENT_PARTS = ("货物支出", "工程支出", "服务支出", "货物采购金额", "工程采购金额", "服务采购金额")


@rule("N24", "十一 政府采购", ERROR)
def procurement(d: Disclosure) -> Iterator[Finding]:
    """政府采购 总额 = 货物 + 工程 + 服务 as the sentence states them; with the Shanxi
    statistics table, each equals F10 r1…r4 (N01)."""
    for r in reads(d):
        for c in r.claims:
            if c.is_money and c.before.endswith(_PROCUREMENT_TOTAL):
                parts = _after(r, c, _PROCUREMENT_PARTS, c.unit)
                if len(parts) == 3:
                    yield from _stated_sum(
                        "N24", "十一 政府采购", c, parts, "货物 + 工程 + 服务 = 政府采购总额"
                    )


@rule("N25", "十二 国有资产占用", ERROR)
def vehicles(d: Disclosure) -> Iterator[Finding]:
    """车辆总数 = Σ the categories listed after it (an unlisted category counts 0)."""
    for r in reads(d):
        for c in r.claims:
            if c.unit == "辆" and c.before.endswith(("共有车辆", "共有车辆合计")):
                parts: list[Claim] = []
                seen: set[str] = set()
                for x in r.claims:
                    if x.unit != "辆" or x.start <= c.start or x.sentence_no > c.sentence_no + 1:
                        continue
                    category = _VEHICLE.search(x.before)
                    if category is None or category.group(0) in seen:
                        continue  # not a category, or a breakdown of one already counted
                    seen.add(category.group(0))
                    parts.append(x)
                if parts:
                    yield from _stated_sum("N25", "十二 国有资产占用", c, parts, "车辆 categories = 车辆总数")


_VEHICLE = re.compile(
    r"(?:部级|副部（省）级及以上|省级)?领导(?:干部)?用车$|主要领导干部用车$|一般公务用车$|机要通信用车$|应急保障用车$|执法执勤用车$"
    r"|特种专业技术用车$|离退休干部(?:服务)?用车$|其他用车$"
)
_GRADES = ("优", "良", "中", "差", "合格", "不合格")


@rule("N26", "十三 预算绩效", ERROR)
def performance_counts(d: Disclosure) -> Iterator[Finding]:
    """The project count of the self-evaluation equals the sum of its grade counts
    (优 + 良 + 中 + 差, or 优 + 良 + 合格 + 不合格); the coverage “占…项目支出总额的p%” is
    the funds it states over F03[合计].c3; 纳入预算绩效管理的支出总额 = F03[合计].c1 (基本 c2, 项目 c3)."""
    yield from amounts_of(d, "N26")
    for r in reads(d):
        if r.topic not in ("performance", "other"):
            continue
        for i, c in enumerate(r.claims):
            if c.unit == "个" and (
                "项目支出绩效自评中" in r.section_text[c.start : c.start + 20]
                or c.before.endswith(
                    ("绩效自评的2024年度项目", "绩效自评的2023年度项目", "绩效自评的2022年度项目")
                )
            ):
                grades = [x for x in r.claims[i + 1 : i + 12] if x.unit == "个" and x.sentence_no == c.sentence_no
                          and any(g in r.section_text[x.start : x.start + 16] or x.before.endswith(f"“{g}”的项目") for g in _GRADES)]  # fmt: skip
                if len(grades) >= 3:
                    yield from _stated_sum(
                        "N26", "十三 预算绩效", c, grades, "projects by grade = projects evaluated"
                    )
        for i, c in enumerate(r.claims):
            if c.is_money and c.before.endswith(("涉及预算资金", "共涉及资金")):
                p = _next_percent(r, i)
                if p is not None and "项目支出总额" in p.before:
                    exp = expected_value("F03.total.c3", d, c.unit)
                    if exp is not None:
                        yield from _judge_percent(
                            "N26", "十三 预算绩效", p, abs(c.value), exp[0], f"{c.raw}/{fmt(exp[0])}"
                        )


_NULL_FORM = re.compile(
    r"没有[^。]{0,12}收入[^。]{0,6}也没有|本年度无此项支出|无[^。]{0,20}收入和支出|没有使用[^。]{0,16}安排的支出"
)


def _null_forms(d: Disclosure) -> Iterator[Finding]:
    """The “no such spending” sentence of 七/八 appears only when F08/F09 are all zero."""
    for r in reads(d):
        table = {"fund": "F08", "soe": "F09"}.get(r.topic)
        t = d.table(table) if table else None
        if t is None:
            continue
        m = _NULL_FORM.search(r.section_text)
        nonzero = [(row.key, c.raw) for row in t.rows for c in row.cells if c.value]
        if m and nonzero:
            yield Finding(
                code="N20", severity=ERROR, title="七/八 基金、国资",
                message=f"§{r.section.key} says “{m.group(0)}” but {t.id} prints {nonzero[0][1]} in row {nonzero[0][0]}",
                expected="no amounts", actual=nonzero[0][1], table=t.id,
                location=r.section.lines[0].prov if r.section.lines else None,
            )  # fmt: skip


# ---------------------------------------------------------------- N19 lists of economic items

_LIST = re.compile(
    r"(人员经费|公用经费)[^，；。：]*?(?:\d[\d,]*(?:\.\d+)?)(?:万元|元)[，,]?主要包括[：:]?(?P<items>[^；。]+)"
)
_PERSONNEL_CLASSES = ("301", "303")
_OPEN_END = re.compile(r"(?:等支出|等|……)\s*$")


def _split_and(name: str, names: dict[str, str]) -> list[str]:
    """“办公设备购置费和无形资产购置费” is two items; “其他商品和服务支出” is one."""
    if label_key(name) in names or "和" not in name:
        return [name]
    parts = name.split("和")
    return parts if all(label_key(p) in names for p in parts) else [name]


def _economic_names(d: Disclosure) -> dict[str, str]:
    """Printed name (normalised) → 款 code, from F06 and the codebook aliases. Names repeat
    (30902 and 31002 are both 办公设备购置): a 款 with a basic amount wins the name."""
    from yujuesuan.rules.codebook import aliases

    f06 = d.table("F06")
    names: dict[str, str] = {}
    rows = sorted(f06.rows if f06 else (), key=lambda r: not r.value("b"))
    for r in rows:
        if r.code and len(r.code) == 5:
            names.setdefault(label_key(r.label), r.code)
            for a in aliases(r.code):
                names.setdefault(label_key(a), r.code)
    return names


@rule("N19", "六 主要包括", ERROR, tables=("F06",))
def included_items(d: Disclosure) -> Iterator[Finding]:
    """The “主要包括” lists of 六 name 款 of F06 with a non-zero basic amount: 人员经费 from
    301/303, 公用经费 from the other 类, in code order. A closed list (no 等) must name all
    of them; a listed item that is zero or absent is an error; order is a warning."""
    f06 = d.table("F06")
    if f06 is None:
        return
    names = _economic_names(d)
    for r in reads(d):
        if r.topic != "basic":
            continue
        for m in _LIST.finditer(r.section_text):
            which, raw = m.group(1), m.group("items")
            raw = re.split(r"主要包括[：:]?", raw)[-1]  # “…主要包括人员经费…主要包括A、B” printed twice
            open_list = bool(_OPEN_END.search(raw))
            listed = [
                n
                for x in re.split(r"[、，,]", _OPEN_END.sub("", raw))
                if x.strip()
                for n in _split_and(x, names)
            ]
            at = r.claims[0] if r.claims else None
            personnel = which == "人员经费"
            want = [
                row.code
                for row in f06.rows
                if row.code and len(row.code) == 5 and row.value("b")
                and row.code.startswith(_PERSONNEL_CLASSES) == personnel
            ]  # fmt: skip
            codes: list[str] = []
            for name in listed:
                code = names.get(label_key(name))
                if code is None:
                    if at is not None and not any(g in name for g in ("各项", "社会保险", "住房公积金")):
                        yield _finding("N19", WARNING, "六 主要包括", at, f"{which}: “{name}” names no 款 of F06",
                                       expected="an F06 item", actual=name)  # fmt: skip
                    continue
                codes.append(code)
                if code not in want and at is not None:
                    yield _finding("N19", ERROR, "六 主要包括", at,
                                   f"{which}: “{name}” ({code}) is listed but its basic amount is zero or it belongs to the other list",
                                   expected="not listed", actual=name)  # fmt: skip
            if not open_list and at is not None:
                for code in want:
                    if code not in codes:
                        label = next((row.label for row in f06.rows if row.code == code), code)
                        yield _finding("N19", ERROR, "六 主要包括", at, f"{which}: {code} {label} has a basic amount but is not listed",
                                       expected=label, actual="absent")  # fmt: skip
            known = [c for c in codes if c in want]
            if known != sorted(known) and at is not None:
                yield _finding("N19", WARNING, "六 主要包括", at, f"{which}: items are not in code order",
                               expected=" ".join(sorted(known)), actual=" ".join(known))  # fmt: skip


@rule("N03", "列举占比之和", WARNING, tables=("F05",))
def shares_sum(d: Disclosure) -> Iterator[Finding]:
    """The shares printed for the classes of 五（二） sum to 100, within n·0.5·10^−d for n
    shares printed with d decimals."""
    r = _gpb(d)
    if r is None:
        return
    shares: list[Claim] = []
    for i, (c, b) in enumerate(zip(r.claims, r.binders, strict=True)):
        if b is not None and b.code and c.sub == "二":
            p = _next_percent(r, i)
            if p is not None and p.before.startswith("占"):
                shares.append(p)
    if len(shares) < 2:
        return
    total = sum((abs(p.value) for p in shares), Decimal(0))
    allowance = sum((quantum(abs(p.value)) / 2 for p in shares), Decimal(0))
    if abs(total - 100) > allowance:
        yield _finding(
            "N03", WARNING, "列举占比之和", shares[0],
            f"the {len(shares)} class shares of 五（二） sum to {fmt(total)}%, not 100% (allowance {fmt(allowance)})",
            expected="100%", actual=f"{fmt(total)}%", difference=fmt(total - 100),
        )  # fmt: skip


@rule("N23", "十 机关运行经费", ERROR)
def admin_cost(d: Disclosure) -> Iterator[Finding]:
    """机关运行经费 = F10.r5 + F10.r6 where the statistics table is printed (Shanxi); its
    year-on-year change follows N04."""
    return amounts_of(d, "N23")


@rule("N05", "同比与上年数据", ERROR, needs="PY")
def against_prior_year(d: Disclosure) -> Iterator[Finding]:
    """prior = X ∓ Δ equals last year's figure: F01.r31, F04.r32, F05[合计].c1, 机关运行经费,
    F07.c7 and its items of the Y−1 disclosure."""
    return iter(())


@rule("N09", "年初预算 = 当年预算公开", WARNING, needs="AB")
def against_budget(d: Disclosure) -> Iterator[Finding]:
    """The 年初预算 figures of the narrative equal the same year's budget disclosure
    (五（三） total = B05[合计]; items = B05 of that 项; 七 = B10[合计])."""
    return iter(())


_REASON = re.compile(r"原因|由于|因为|主要是|用于|新增(?:的)?科目")


def _opens_a_breakdown(r: Read, c: Claim) -> bool:
    """The claim's sentence is followed by “其中：”: the items below give the reasons."""
    text = r.section_text
    end = text.find("。", c.start)
    return end >= 0 and text[end + 1 :].lstrip().startswith("其中")


@rule("N08", "差异须说明原因", WARNING)
def reasons(d: Disclosure) -> Iterator[Finding]:
    """A stated change (增加/减少 Δ ≠ 0) or a 决算 that differs from its 预算 comes with a reason
    (“主要原因（是）…”, “此项为今年新增科目”) in the same or the next sentence; an unchanged
    figure needs none, nor does a total whose sentence is followed by its breakdown (“其中：”)."""
    for r in reads(d):
        for c in r.claims:
            differs = c.is_money and c.is_change and c.direction and c.value != 0
            if not differs or "原因" in c.sentence[: max(0, c.sentence.find(c.raw))]:
                continue  # a change told inside a reason needs no reason of its own
            if not _REASON.search(_following_text(r, c)) and not _opens_a_breakdown(r, c):
                yield _finding("N08", WARNING, "差异须说明原因", c, f"“{_excerpt(c)}” gives no reason for the change",
                               expected="主要原因…", actual="none")  # fmt: skip
        for budget, actual, p in _completions(r):
            follow = _following_text(r, p)
            if follow[len(p.raw) + 1 :].lstrip("。").startswith("其中"):
                continue  # an opening sentence (五（三）): the items below give the reasons
            if abs(budget.value) != abs(actual.value) and budget.value and not _REASON.search(follow):
                yield _finding("N08", WARNING, "差异须说明原因", p,
                               f"决算 {actual.raw} differs from 预算 {budget.raw} but no reason is given",
                               expected="主要原因…", actual="none")  # fmt: skip


@rule("N28", "预算绩效 (上海 2024)", ERROR)
def performance_sh24(d: Disclosure) -> Iterator[Finding]:
    """已经完成整改 + 正在整改 = 发现问题数; 平均得分 lies in [0, 100]."""
    for r in reads(d):
        found = next((c for c in r.claims if c.unit == "个" and c.before.endswith("共发现问题")), None)
        done = next((c for c in r.claims if c.unit == "个" and c.before.endswith("已经完成整改的")), None)
        doing = next((c for c in r.claims if c.unit == "个" and c.before.endswith("正在整改的")), None)
        if found and done and doing:
            yield from _stated_sum(
                "N28", "预算绩效 (上海 2024)", found, [done, doing], "完成整改 + 正在整改 = 发现问题"
            )


_PROJECT_COUNT = ("涵盖项目", "涉及项目", "涉及项目共", "自评项目共计", "项目共计")


@rule("N27", "叙述内部一致", ERROR)
def one_value_everywhere(d: Disclosure) -> Iterator[Finding]:
    """A quantity stated in more than one place has one value everywhere: the number of
    projects of the performance self-evaluation (“涵盖项目N个”, “涉及项目共N个”, “N个项目支出
    绩效自评中”) in 十三."""
    counts: list[Claim] = []
    for r in reads(d):
        for c in r.claims:
            text_after = r.section_text[c.start + len(c.raw) : c.start + len(c.raw) + 12]
            if c.unit == "个" and (
                c.before.endswith(_PROJECT_COUNT) or text_after.startswith("个项目支出绩效自评中")
            ):
                counts.append(c)
    values = {c.value for c in counts}
    if len(values) > 1:
        first = counts[0]
        for c in counts[1:]:
            if c.value != first.value:
                yield _finding("N27", ERROR, "叙述内部一致", c,
                               f"{c.raw} projects here, {first.raw} in “{_excerpt(first)}”",
                               expected=first.raw, actual=c.raw)  # fmt: skip


@rule("S11", "复制粘贴", INFO)
def copied_changes(d: Disclosure) -> Iterator[Finding]:
    """The same change and rate (Δ, p) stated for two quantities whose current values differ:
    one of them was probably copied."""
    seen: dict[tuple[Decimal, Decimal], tuple[Claim, Decimal]] = {}
    for r in reads(d):
        for i, c in enumerate(r.claims):
            if not (c.is_money and c.is_change):
                continue
            p = _next_percent(r, i)
            level = _level_for(r, i)
            if p is None or level is None:
                continue
            key = (abs(c.value), abs(p.value))
            if key in seen and seen[key][1] != abs(level.value):
                other = seen[key][0]
                yield Finding(
                    code="S11", severity=INFO, title="复制粘贴", location=c.prov, actual=f"{c.raw}, {p.raw}%",
                    message=f"“{_excerpt(c)}…{p.raw}%” repeats “{_excerpt(other)}” for a different total",
                )  # fmt: skip
            seen.setdefault(key, (c, abs(level.value)))
