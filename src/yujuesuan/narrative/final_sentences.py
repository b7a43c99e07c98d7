"""第三部分 情况说明 of a 决算, written from the tables and the preparer's supplement with
the final/henan-2023 templates of TABLES.md §4.3.

Every figure is read from a table cell or from the supplement and printed exactly; every
share, growth rate and completion rate is recomputed (ROUND_HALF_UP, two decimals); the
direction words follow the sign. Where a sentence needs what the supplement does not give
(a prior-year figure, a reason, a count), it prints a visible placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.supplement import Supplement
from yujuesuan.model.tables import Level, Row
from yujuesuan.refdata import load
from yujuesuan.render.numbers import money, percent, share
from yujuesuan.rules.codebook import codebook_name
from yujuesuan.template.fields import VEHICLES, field

ZERO = Decimal(0)

HEADINGS = (
    ("一", "收入支出决算总体情况说明"),
    ("二", "收入决算情况说明"),
    ("三", "支出决算情况说明"),
    ("四", "财政拨款收入支出决算总体情况说明"),
    ("五", "一般公共预算财政拨款支出决算情况说明"),
    ("六", "一般公共预算财政拨款基本支出决算情况说明"),
    ("七", "政府性基金预算财政拨款支出决算情况说明"),
    ("八", "国有资本经营预算财政拨款支出决算情况说明"),
    ("九", "财政拨款“三公”经费支出决算情况说明"),
    ("十", "机关运行经费支出情况说明"),
    ("十一", "政府采购支出情况说明"),
    ("十二", "国有资产占用情况说明"),
    ("十三", "预算绩效情况说明"),
)


SUB_ORDINALS = ["一", "二", "三", "四", "五", "六"]


@cache
def _headings(profile: str) -> tuple[str, ...]:
    """Section titles of a profile; a profile without its own list uses final/henan-2023's."""
    profiles = load("profiles")["profile"]
    chosen = profiles.get(profile) if profile in ("final/henan-2023", "final/shanxi-2022") else None
    return tuple((chosen or profiles["final/henan-2023"])["headings"])


@dataclass(frozen=True)
class Line:
    """One printed paragraph of a section; ``sub`` marks a （一）… sub-heading."""

    text: str
    sub: bool = False


@dataclass(frozen=True)
class Written:
    key: str
    heading: str
    lines: tuple[Line, ...]


def gap(what: str) -> str:
    from yujuesuan.render.blocks import placeholder

    return placeholder(what)


class Writer:
    """Sentences of one disclosure; a method per section."""

    def __init__(self, d: Disclosure, s: Supplement) -> None:
        self.d, self.s = d, s
        self.y = d.meta.fiscal_year
        self.we = f"我{d.meta.scope.value}"
        self.u = d.meta.unit.value
        self.sep = True

    # figures -------------------------------------------------------------------------
    def v(self, table: str, key: str, column: str) -> Decimal:
        return self.d.figure(table, key, column)

    def m(self, value: Decimal) -> str:
        return f"{money(value, self.sep)}{self.u}"

    def amount(self, key: str) -> Decimal | None:
        return self.s.amounts.get(key)

    def n(self, key: str) -> str:
        c = self.s.counts.get(key)
        return str(c) if c is not None else gap(field(key).label)

    def text(self, key: str) -> str | None:
        t = self.s.texts.get(key, "").strip().rstrip("。；;")
        return t or None

    def reason(self, key: str) -> str:
        return self.text(key) or gap(field(key).label)

    def change(self, subject: str, now: Decimal, prior_key: str, reason_key: str, each: bool = False) -> str:
        """与上年度相比，{subject}{增加/减少}Δ，{增长/下降}p%，主要原因是：{reason}。"""
        prior = self.amount(prior_key)
        if prior is None:
            return f"与上年度相比，{subject}的变动{gap(field(prior_key).label)}。"
        delta = now - prior
        if delta == 0:
            return f"与上年度相比，{subject}持平。"
        up = delta > 0
        text = f"与上年度相比，{subject}{'各' if each else ''}{'增加' if up else '减少'}{self.m(abs(delta))}"
        p = share(abs(delta), prior)
        if p is not None:
            text += f"，{'增长' if up else '下降'}{percent(p)}"
        return text + f"，主要原因是：{self.reason(reason_key)}。"

    # sections ------------------------------------------------------------------------
    def sections(self) -> list[Written]:
        """The sections under the headings of the disclosure's profile (refdata
        ``profiles.toml``); final/shanxi-2022 gathers 十 to 十三 under 十、其他重要事项情况说明."""
        makers = (
            self.s1, self.s2, self.s3, self.s4, self.s5, self.s6, self.s7, self.s8,
            self.s9, self.s10, self.s11, self.s12, self.s13,
        )  # fmt: skip
        headings = _headings(self.d.meta.profile)
        # sections printed under the profile's own title; the rest are gathered in the last
        own = len(headings) if len(headings) >= len(HEADINGS) else len(headings) - 1
        written = [
            Written(key, f"{key}、{headings[i] if i < own else title}", tuple(make()))
            for i, ((key, title), make) in enumerate(zip(HEADINGS, makers, strict=True))
        ]
        if len(headings) >= len(HEADINGS):
            return written
        keep, gathered = written[: len(headings) - 1], written[len(headings) - 1 :]
        lines: list[Line] = []
        for n, w in enumerate(gathered):
            lines.append(Line(f"（{SUB_ORDINALS[n]}）{w.heading.split('、', 1)[1]}", sub=True))
            for line in w.lines:
                if line.sub:  # （一）… inside a gathered section becomes 1. …
                    m = re.match(r"[（(]([一二三四五六])[）)](.*)", line.text)
                    number = SUB_ORDINALS.index(m.group(1)) + 1 if m else 0
                    lines.append(Line(f"{number}. {m.group(2)}" if m else line.text))
                else:
                    lines.append(line)
        key = HEADINGS[len(headings) - 1][0]
        return keep + [Written(key, f"{key}、{headings[-1]}", tuple(lines))]

    def s1(self) -> Iterator[Line]:
        total_in, total_out = self.v("F01", "r31", "c1"), self.v("F01", "r62", "c2")
        if total_in == total_out:
            head = f"{self.y}年度收、支总计均为{self.m(total_in)}。"
        else:
            head = f"{self.y}年度收入总计{self.m(total_in)}，支出总计{self.m(total_out)}。"
        yield Line(head + self.change("收、支总计", total_in, "prior.total", "reason.total", each=True))

    def s2(self) -> Iterator[Line]:
        total = self.v("F01", "r27", "c1")
        parts = [
            (name, self.v("F02", "total", col))
            for name, col in (
                ("财政拨款收入", "c2"), ("上级补助收入", "c3"), ("事业收入", "c4"),
                ("经营收入", "c5"), ("附属单位上缴收入", "c6"), ("其他收入", "c7"),
            )
        ]  # fmt: skip
        yield Line(f"{self.y}年度收入合计{self.m(total)}" + self._shares(parts, total))

    def s3(self) -> Iterator[Line]:
        total = self.v("F01", "r58", "c2")
        parts = [
            (name, self.v("F03", "total", col))
            for name, col in (
                ("基本支出", "c2"), ("项目支出", "c3"), ("上缴上级支出", "c4"),
                ("经营支出", "c5"), ("对附属单位补助支出", "c6"),
            )
        ]  # fmt: skip
        yield Line(f"{self.y}年度支出合计{self.m(total)}" + self._shares(parts, total))

    def _shares(self, parts: list[tuple[str, Decimal]], total: Decimal) -> str:
        listed = [(name, x) for name, x in parts if x != 0]
        if not listed:
            return "。"
        out = []
        for name, x in listed:
            p = share(x, total)
            out.append(f"{name}{self.m(x)}" + (f"，占{percent(p)}" if p is not None else ""))
        return "，其中：" + "；".join(out) + "。"

    def s4(self) -> Iterator[Line]:
        total_in, total_out = self.v("F04", "r32", "c1"), self.v("F04", "r64", "c2")
        if total_in == total_out:
            head = f"{self.y}年度财政拨款收、支总计均为{self.m(total_in)}。"
        else:
            head = f"{self.y}年度财政拨款收入总计{self.m(total_in)}，支出总计{self.m(total_out)}。"
        yield Line(
            head + self.change("财政拨款收、支总计", total_in, "prior.fiscal", "reason.fiscal", each=True)
        )

    def s5(self) -> Iterator[Line]:
        x = self.v("F05", "total", "c1")
        whole = self.v("F01", "r58", "c2")
        p = share(x, whole)
        yield Line("（一）总体情况。", sub=True)
        of_all = f"，占本年支出合计的{percent(p)}" if p is not None else ""
        yield Line(
            f"{self.y}年度一般公共预算财政拨款支出{self.m(x)}{of_all}。"
            + self.change("一般公共预算财政拨款支出", x, "prior.gpb", "reason.gpb")
        )
        yield Line("（二）结构情况。", sub=True)
        classes = [r for r in self._rows("F05", Level.CLASS) if (r.value("c1") or ZERO) != 0]
        if classes:
            listed = []
            for r in classes:
                cx = r.value("c1") or ZERO
                cp = share(cx, x)
                listed.append(
                    f"{r.label.removesuffix('支出')}（类）支出{self.m(cx)}"
                    + (f"，占{percent(cp)}" if cp is not None else "")
                )
            yield Line(
                f"{self.y}年度一般公共预算财政拨款支出{self.m(x)}，主要用于以下方面："
                + "；".join(listed)
                + "。"
            )
        else:
            yield Line(f"{self.y}年度一般公共预算财政拨款支出{self.m(x)}。")
        yield Line("（三）具体情况。", sub=True)
        yield from self._items(x)

    def _rows(self, table: str, level: Level) -> list[Row]:
        t = self.d.table(table)
        return [r for r in t.rows if r.level is level] if t else []

    def _items(self, x: Decimal) -> Iterator[Line]:
        items = self._rows("F05", Level.ITEM)
        budgets = [self.s.item(r.code or "") for r in items]
        known = [b.budget for b in budgets if b is not None and b.budget is not None]
        if len(known) == len(items):
            total_budget = sum(known, ZERO)
            p = share(x, total_budget)
            done = f"，完成年初预算的{percent(p)}" if p is not None else ""
            opening = f"年初预算为{self.m(total_budget)}，支出决算为{self.m(x)}{done}"
        else:
            opening = f"年初预算为{gap('各项年初预算（见“年初预算”表）')}，支出决算为{self.m(x)}"
        yield Line(f"{self.y}年度一般公共预算财政拨款支出{opening}。" + ("其中：" if items else ""))
        for n, (r, b) in enumerate(zip(items, budgets, strict=True), start=1):
            yield Line(f"{n}. {self._path(r)}。" + self._item_budget(r, b))

    def _path(self, r: Row) -> str:
        code = r.code or ""
        cls = self._name("F05", code[:3])
        sec = self._name("F05", code[:5])
        return f"{cls}（类）{sec}（款）{r.label}（项）"

    def _name(self, table: str, code: str) -> str:
        t = self.d.table(table)
        r = t.row(code) if t else None
        return r.label if r else (codebook_name(code, self.y) or code)

    def _item_budget(self, r: Row, b: object) -> str:
        from yujuesuan.model.supplement import ItemBudget

        x = r.value("c1") or ZERO
        item = b if isinstance(b, ItemBudget) else None
        if item is None or item.budget is None:
            return f"年初预算为{gap('年初预算')}，支出决算为{self.m(x)}。"
        text = f"年初预算为{self.m(item.budget)}，支出决算为{self.m(x)}"
        p = share(x, item.budget)
        if p is not None:
            text += f"，完成年初预算的{percent(p)}"
        text += "。"
        if x == item.budget:
            return text + "决算数与年初预算数持平。"
        why = item.reason.strip().rstrip("。") or gap("决算数与年初预算数存在差异的主要原因")
        return text + f"决算数与年初预算数存在差异的主要原因是{why}。"

    def s6(self) -> Iterator[Line]:
        basic = self.v("F05", "total", "c2")
        personnel, public = self.v("F06", "personnel_total", "b"), self.v("F06", "public_total", "b")
        t = self.d.table("F06")
        items = [
            r for r in (t.rows if t else ()) if r.code and len(r.code) == 5 and (r.value("b") or ZERO) != 0
        ]
        people = [r.label for r in items if r.code and r.code[:3] in ("301", "303")]
        others = [r.label for r in items if r.code and r.code[:3] not in ("301", "303")]

        def part(name: str, value: Decimal, names: list[str]) -> str:
            return f"{name}{self.m(value)}" + (f"，主要包括：{'、'.join(names)}" if names else "")

        yield Line(
            f"{self.y}年度一般公共预算财政拨款基本支出{self.m(basic)}，其中："
            + part("人员经费", personnel, people)
            + "；"
            + part("公用经费", public, others)
            + "。"
        )

    def _fund(self, table: str, name: str, short: str, key: str) -> Iterator[Line]:
        t = self.d.table(table)
        spent = self.v(table, "total", "c3")
        if t is None or all((c.value or ZERO) == 0 for r in t.rows for c in r.cells):
            yield Line(f"{self.we}{self.y}年度没有{short}收入，也没有使用{short}安排的支出。")
            return
        budget = self.amount(f"budget.{key}")
        said = f"{self.y}年度{name}预算财政拨款支出年初预算为"
        said += self.m(budget) if budget is not None else gap(field(f"budget.{key}").label)
        said += f"，支出决算为{self.m(spent)}"
        if budget is not None and budget == spent:
            said += "，决算数与年初预算数不存在差异。"
        else:
            said += f"，决算数与年初预算数存在差异的主要原因是{self.reason(f'reason.{key}')}。"
        uses = self.text(f"uses.{key}")
        yield Line(said + (f"主要用于{uses}。" if uses else ""))

    def s7(self) -> Iterator[Line]:
        yield from self._fund("F08", "政府性基金", "政府性基金", "fund")

    def s8(self) -> Iterator[Line]:
        yield from self._fund("F09", "国有资本经营", "国有资本经营", "soe")

    def s9(self) -> Iterator[Line]:
        c = {i: self.v("F07", "total", f"c{i}") for i in range(1, 13)}
        yield Line("（一）“三公”经费财政拨款支出决算总体情况说明。", sub=True)
        text = f"{self.y}年度“三公”经费财政拨款支出预算为{self.m(c[1])}，支出决算为{self.m(c[7])}"
        text += self._done(c[7], c[1]) + "。"
        text += f"{self.y}年度“三公”经费支出决算数与预算数" + self._versus(c[7], c[1], "reason.three")
        yield Line(text)
        yield Line("（二）“三公”经费财政拨款支出决算具体情况说明。", sub=True)
        parts = []
        for name, got, plan in (
            ("因公出国（境）费", c[8], c[2]),
            ("公务用车购置及运行维护费", c[9], c[3]),
            ("公务接待费", c[12], c[6]),
        ):
            p = share(got, c[7])
            parts.append(
                f"{name}支出决算{self.m(got)}"
                + self._done(got, plan)
                + (f"，占{percent(p)}" if p is not None else "")
            )
        yield Line(f"{self.y}年度“三公”经费财政拨款支出决算中，" + "；".join(parts) + "。具体情况如下：")
        yield Line(
            f"1. 因公出国（境）费预算数为{self.m(c[2])}，支出决算数为{self.m(c[8])}{self._done(c[8], c[2])}。"
            + self._versus(c[8], c[2], "reason.abroad", "决算数与预算数")
            + f"全年因公出国（境）团组{self.n('abroad.groups')}个，累计{self.n('abroad.people')}人次。"
        )
        uses = self.text("uses.car")
        yield Line(
            f"2. 公务用车购置及运行维护费预算数为{self.m(c[3])}，支出决算数为{self.m(c[9])}{self._done(c[9], c[3])}。"
            + self._versus(c[9], c[3], "reason.car", "决算数与预算数")
            + f"其中：公务用车购置支出{self.m(c[10])}，购置车辆{self.n('cars.bought')}辆。"
            + f"公务用车运行维护支出{self.m(c[11])}"
            + (f"，主要用于{uses}" if uses else "")
            + f"。{self.y}年期末，{self.d.meta.scope.value}开支财政拨款的公务用车保有量为{self.n('cars.held')}辆。"
        )
        foreign, domestic = self.amount("reception.foreign"), self.amount("reception.domestic")
        yield Line(
            f"3. 公务接待费预算数为{self.m(c[6])}，支出决算数为{self.m(c[12])}{self._done(c[12], c[6])}。"
            + self._versus(c[12], c[6], "reason.reception", "决算数与预算数")
            + "其中：外宾接待支出"
            + (self.m(foreign) if foreign is not None else gap(field("reception.foreign").label))
            + f"，{self.y}年共接待国（境）外来访团组{self.n('foreign.groups')}个、来访外宾{self.n('foreign.people')}人次（不包括陪同人员）。"
            + "其他国内公务接待支出"
            + (self.m(domestic) if domestic is not None else gap(field("reception.domestic").label))
            + f"，{self.y}年共接待国内来访团组{self.n('domestic.groups')}个、来宾{self.n('domestic.people')}人次（不包括陪同人员）。"
        )

    def _done(self, got: Decimal, plan: Decimal) -> str:
        p = share(got, plan)
        return f"，完成预算的{percent(p)}" if p is not None else ""

    def _versus(self, got: Decimal, plan: Decimal, key: str, subject: str = "") -> str:
        if got == plan:
            return f"{subject}持平。"
        return f"{subject}存在差异的主要原因是{self.reason(key)}。"

    def s10(self) -> Iterator[Line]:
        if self.s.texts.get("admin.applies") == "否":
            yield Line(f"{self.we}不是行政机关，也不是参照公务员管理事业单位，没有机关运行经费支出。")
            return
        cost = self.amount("admin.cost")
        if cost is None:
            yield Line(f"{self.y}年度机关运行经费支出{gap(field('admin.cost').label)}。")
            return
        yield Line(
            f"{self.y}年度机关运行经费支出{self.m(cost)}。"
            + self.change("机关运行经费", cost, "prior.admin", "reason.admin")
        )

    def s11(self) -> Iterator[Line]:
        parts = [self.amount(k) for k in ("purchase.goods", "purchase.works", "purchase.services")]
        if any(p is None for p in parts):
            yield Line(
                f"{self.y}年度政府采购支出总额{gap('政府采购货物、工程、服务支出（见“政府采购”表）')}。"
            )
            return
        goods, works, services = (p or ZERO for p in parts)
        total = goods + works + services
        text = (
            f"{self.y}年度政府采购支出总额{self.m(total)}，其中：政府采购货物支出{self.m(goods)}、"
            f"政府采购工程支出{self.m(works)}、政府采购服务支出{self.m(services)}。"
        )
        sme, small = self.amount("purchase.sme"), self.amount("purchase.small")
        if sme is not None:
            p = share(sme, total)
            text += f"授予中小企业合同金额{self.m(sme)}" + (
                f"，占政府采购支出总额的{percent(p)}" if p is not None else ""
            )
            if small is not None:
                q = share(small, sme)
                text += f"，其中：授予小微企业合同金额{self.m(small)}" + (
                    f"，占授予中小企业合同金额的{percent(q)}" if q is not None else ""
                )
            text += "。"
        yield Line(text)

    def s12(self) -> Iterator[Line]:
        counts = [(name, self.s.counts.get(key)) for key, name in VEHICLES]
        equipment = self.n("equipment")
        if any(c is None for _, c in counts):
            yield Line(
                f"{self.y}年期末，{self.we}共有车辆{gap('各类车辆数（见“国有资产”表）')}辆；单价100万元（含）以上设备（不含车辆）{equipment}台（套）。"
            )
            return
        total = sum(c or 0 for _, c in counts)
        listed = "、".join(f"{name}{c}辆" for name, c in counts)
        other = self.text("vehicles.other_uses")
        yield Line(
            f"{self.y}年期末，{self.we}共有车辆{total}辆，其中：{listed}"
            + (f"，其他用车主要是{other}" if other else "")
            + f"；单价100万元（含）以上设备（不含车辆）{equipment}台（套）。"
        )

    def s13(self) -> Iterator[Line]:
        yield Line("（一）绩效管理工作开展情况。", sub=True)
        work = self.s.texts.get("perf.work", "").strip()
        for para in work.split("\n") if work else [gap(field("perf.work").label)]:
            if para.strip():
                yield Line(para.strip())
        yield Line("（二）项目绩效自评结果。", sub=True)
        total, basic, project = (self.v("F03", "total", c) for c in ("c1", "c2", "c3"))
        text = (
            f"{self.we}纳入预算绩效管理的支出总额为{self.m(total)}，其中基本支出{self.m(basic)}；"
            f"项目支出{self.m(project)}。"
        )
        projects = self.s.projects
        if projects:
            funds = sum((p.budget or ZERO for p in projects), ZERO)
            p = share(funds, project)
            text += (
                f"{self.we}对{self.y}年度项目支出进行全面自评，涵盖项目{len(projects)}个，涉及预算资金{self.m(funds)}"
                + (f"，占部门预算项目支出总额的{percent(p)}" if p is not None else "")
                + "。"
            )
            graded = [x for x in projects if x.grade in ("优", "良", "中", "差")]
            if len(graded) == len(projects):
                grades = {g: sum(1 for x in projects if x.grade == g) for g in ("优", "良", "中", "差")}
                listed = "，".join(f"{n}个项目自评等级为{g}" for g, n in grades.items())
            else:
                listed = gap(f"{len(projects) - len(graded)}个项目的自评等级（见“绩效自评”表）")
            text += f"{self.we}{self.y}年度{len(projects)}个项目支出绩效自评中，{listed}。"
        else:
            text += f"项目支出绩效自评结果{gap('绩效自评表（见“绩效自评”表）')}。"
        yield Line(text)
        yield Line("（三）重点绩效评价结果。", sub=True)
        key = self.s.texts.get("perf.key", "").strip()
        yield Line(key or f"{self.we}{self.y}年度没有开展重点绩效评价的项目。")


def final_narrative(d: Disclosure, s: Supplement) -> list[Written]:
    return Writer(d, s).sections()
