"""第二部分 预算情况说明 of a 预算, written from the tables and the preparer's supplement with
the budget/henan-2025 templates of TABLES.md §4.4.

Amounts print at two decimals without separators, as this profile prints them; shares
and growth rates are recomputed (ROUND_HALF_UP, two decimals) and the direction words
follow the sign. A prior-year figure or a reason the supplement lacks prints as a
visible placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.supplement import Supplement
from yujuesuan.model.tables import Level
from yujuesuan.narrative.final_sentences import Line, Written, gap
from yujuesuan.refdata import load
from yujuesuan.render.numbers import money, percent, share
from yujuesuan.template.budget_fields import budget_field

ZERO = Decimal(0)

HEADINGS = (
    ("一", "收入支出预算总体情况说明"),
    ("二", "收入预算总体情况说明"),
    ("三", "支出预算总体情况说明"),
    ("四", "财政拨款收入支出预算总体情况说明"),
    ("五", "一般公共预算支出预算情况说明"),
    ("六", "一般公共预算基本支出预算情况说明"),
    ("七", "政府性基金预算支出预算情况说明"),
    ("八", "国有资本经营预算支出预算情况说明"),
    ("九", "一般公共预算“三公”经费支出预算情况说明"),
    ("十", "其他重要事项的情况说明"),
)

OTHER = (
    "（一）机关（机构）运行经费支出情况",
    "（二）政府采购支出情况",
    "（三）关于预算绩效管理工作开展情况说明",
    "（四）国有资产占用情况",
    "（五）专项转移支付项目情况",
    "（六）关于预算部门构成说明",
)

PROJECT_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def class_name(code: str) -> str:
    """A 类 as the narrative names it: 社会保障和就业支出."""
    for c in load("classes")["class"]:
        if c["code"] == code:
            name: str = next((n for n in c["names"] if n.endswith("支出")), c["names"][0])
            return name
    return code


class BudgetWriter:
    def __init__(self, d: Disclosure, s: Supplement) -> None:
        self.d, self.s = d, s
        self.y = d.meta.fiscal_year
        self.e = d.meta.entity or ""
        self.u = d.meta.unit.value
        self.head = f"{self.e}{self.y}年"

    def v(self, table: str, key: str, column: str) -> Decimal:
        return self.d.figure(table, key, column)

    def m(self, value: Decimal) -> str:
        return f"{money(value, False)}{self.u}"

    def reason(self, key: str) -> str | None:
        t = self.s.texts.get(f"b.reason.{key}", "").strip().rstrip("。；;")
        return t or None

    def change(self, key: str, now: Decimal, lead: str, same: str) -> str:
        """{lead}{增加/减少}Δ万元，{增长/下降}p%，主要原因：{reason}; ``same`` when nothing
        changed (“持平”, not “增加0.00万元”). No final stop."""
        prior = self.s.amounts.get(f"b.prior.{key}")
        if prior is None:
            return f"{lead}{gap(budget_field(f'b.prior.{key}').label)}"
        delta = now - prior
        if delta == 0:
            return same
        up = delta > 0
        text = f"{lead}{'增加' if up else '减少'}{self.m(abs(delta))}"
        p = share(abs(delta), prior)
        if p is not None:
            text += f"，{'增长' if up else '下降'}{percent(p)}"
        why = self.reason(key) or gap(budget_field(f"b.reason.{key}").label)
        return f"{text}，主要原因：{why}"

    # sections ------------------------------------------------------------------------
    def sections(self) -> list[Written]:
        makers = (self.s1, self.s2, self.s3, self.s4, self.s5, self.s6, self.s7, self.s8, self.s9, self.s10)
        return [
            Written(key, f"{key}、{title}", tuple(make()))
            for (key, title), make in zip(HEADINGS, makers, strict=True)
        ]

    def s1(self) -> Iterator[Line]:
        x1, x2 = self.v("B01", "in.total", "c1"), self.v("B01", "out.total", "c1")
        change = self.change("total", x1, "与上年相比，收、支总计各", "与上年相比，收、支总计持平")
        yield Line(
            f"{self.head}收入总计{self.m(x1)}，支出总计{self.m(x2)}，{change.replace('，主要原因', '。主要原因', 1)}。"
        )

    def s2(self) -> Iterator[Line]:
        parts = (
            ("一般公共预算收入", "in.gpb"),
            ("政府性基金预算收入", "in.fund"),
            ("国有资本经营预算收入", "in.soe"),
            ("财政专户管理资金收入", "in.special"),
        )
        listed = "；".join(f"{name}{self.m(self.v('B01', key, 'c1'))}" for name, key in parts)
        others = (
            ("事业收入", "in.business"),
            ("事业单位经营收入", "in.operating"),
            ("上级补助收入", "in.upper"),
            ("附属单位上缴收入", "in.affiliated"),
            ("其他收入", "in.other"),
        )
        more = "".join(
            f"；{name}{self.m(value)}" for name, key in others if (value := self.v("B01", key, "c1")) != 0
        )
        yield Line(f"{self.head}收入合计{self.m(self.v('B01', 'in.subtotal', 'c1'))}，其中：{listed}{more}。")

    def s3(self) -> Iterator[Line]:
        total = self.v("B03", "total", "c1")
        parts = []
        for name, column in (("基本支出", "c2"), ("项目支出", "c9")):
            value = self.v("B03", "total", column)
            p = share(value, total)
            parts.append(f"{name}{self.m(value)}" + (f"，占{percent(p)}" if p is not None else ""))
        yield Line(f"{self.head}支出合计{self.m(total)}，其中：{'；'.join(parts)}。")

    def s4(self) -> Iterator[Line]:
        funds = (
            ("一般公共预算收支预算", "c2", "gpb"),
            ("政府性基金收支预算", "c5", "fund"),
            ("国有资本经营收支预算", "c6", "soe"),
        )
        stated = "，".join(f"{name}{self.m(self.v('B04', 'out.total', c))}" for name, c, _ in funds)
        changes = "；".join(
            self.change(key, self.v("B04", "out.total", c), name, f"{name}持平") for name, c, key in funds
        )
        yield Line(f"{self.head}{stated}。与上年相比，{changes}。")

    def s5(self) -> Iterator[Line]:
        t = self.d.table("B05")
        total = self.v("B05", "total", "c1")
        by_class: dict[str, Decimal] = {}
        for r in t.rows if t else ():
            if r.code and r.level is Level.ITEM:
                by_class[r.code[:3]] = by_class.get(r.code[:3], ZERO) + (r.value("c1") or ZERO)
        parts = []
        for code in sorted(by_class):
            p = share(by_class[code], total)
            parts.append(
                f"{class_name(code)}{self.m(by_class[code])}" + (f"，占{percent(p)}" if p is not None else "")
            )
        text = f"{self.head}一般公共预算支出年初预算为{self.m(total)}。"
        if parts:
            text += f"其中支出主要用于以下方面：{'；'.join(parts)}。"
        yield Line(text)

    def s6(self) -> Iterator[Line]:
        t = self.d.table("B06")
        rows = [r for r in (t.rows if t else ()) if r.code]

        def names(classes: tuple[str, ...]) -> str:
            seen: list[str] = []
            for r in sorted(rows, key=lambda r: r.code or ""):
                if (r.code or "")[:3] in classes and r.label not in seen:
                    seen.append(r.label)
            return f"，主要包括：{'、'.join(seen)}等" if seen else ""

        personnel, public = self.v("B06", "total", "c2"), self.v("B06", "total", "c3")
        yield Line(
            f"{self.head}本年一般公共预算基本支出{self.m(self.v('B06', 'total', 'c1'))}，其中：人员经费{self.m(personnel)}"
            f"{names(('301', '303'))}；公用经费{self.m(public)}{names(('302', '310'))}。"
        )

    def _fund(self, table: str, name: str) -> Iterator[Line]:
        total = self.v(table, "total", "c1")
        if total == 0:
            yield Line(f"我{self.d.meta.scope.value}{self.y}年没有使用{name}预算拨款安排的支出。")
            return
        basic, project = self.v(table, "total", "c2"), self.v(table, "total", "c7")
        yield Line(
            f"{self.head}{name}预算拨款安排的支出预算为{self.m(total)}，其中：基本支出{self.m(basic)}，项目支出{self.m(project)}。"
        )

    def s7(self) -> Iterator[Line]:
        yield from self._fund("B10", "政府性基金")

    def s8(self) -> Iterator[Line]:
        yield from self._fund("B11", "国有资本经营")

    def s9(self) -> Iterator[Line]:
        v = {c: self.v("B09", "total", c) for c in ("c2", "c3", "c4", "c5", "c6", "c7")}
        yield Line(
            f"{self.head}一般公共预算“三公”经费支出预算为{self.m(v['c2'])}，{self.change('three', v['c2'], '比上年预算数', '与上年预算数持平')}。"
        )
        yield Line("具体支出情况如下：")
        yield Line(
            f"（一）因公出国（境）费{self.m(v['c3'])}，{self.change('abroad', v['c3'], '比上年预算数', '与上年预算数持平')}。"
        )
        yield Line(
            f"（二）公务用车购置及运行费{self.m(v['c4'])}。其中公务车辆购置费{self.m(v['c5'])}，"
            f"{self.change('car_buy', v['c5'], '比上年预算数', '与上年预算数持平')}；公务用车运行维护费{self.m(v['c6'])}，"
            f"{self.change('car_run', v['c6'], '比上年预算数', '与上年预算数持平')}。"
        )
        yield Line(
            f"（三）公务接待费{self.m(v['c7'])}，主要用于公务接待，{self.change('reception', v['c7'], '比上年预算数', '与上年预算数持平')}。"
        )

    def s10(self) -> Iterator[Line]:
        yield Line(OTHER[0], sub=True)
        admin = self.v("B13", "total", "c1")
        if admin == 0 and self.s.amounts.get("b.prior.admin") in (None, ZERO):
            yield Line(f"{self.head}没有安排机关（机构）运行经费支出预算。")
        else:
            yield Line(
                f"{self.head}机关（机构）运行经费支出预算{self.m(admin)}，主要保障机关（机构）正常运转及正常履职需要的"
                f"办公费、水电费、物业费、维修费、差旅费等支出，{self.change('admin', admin, '比上年预算数', '与上年预算数持平')}。"
            )
        yield Line(OTHER[1], sub=True)
        yield Line(self._procurement())
        yield Line(OTHER[2], sub=True)
        yield Line(self._performance())
        yield Line(OTHER[3], sub=True)
        yield Line(self._assets())
        yield Line(OTHER[4], sub=True)
        n = self.s.counts.get("b.transfers")
        yield Line(
            f"我{self.d.meta.scope.value}负责管理的专项转移支付项目共有{n if n is not None else gap('专项转移支付项目个数')}项；"
            f"我{self.d.meta.scope.value}将按照《预算法》等有关规定，积极做好项目分配前期准备工作，在规定的时间内向财政部门"
            "提出资金分配意见，根据有关要求做好项目申报公开等相关工作。"
        )
        yield Line(OTHER[5], sub=True)
        yield Line(f"{self.y}年我{self.d.meta.scope.value}按照预算公开要求，将所属单位全部纳入预算公开范围。")

    def _procurement(self) -> str:
        kinds = (("货物", "goods"), ("工程", "works"), ("服务", "services"))
        values = {k: self.s.amounts.get(f"b.purchase.{k}") or ZERO for _, k in kinds}
        total = sum(values.values(), ZERO)
        if total == 0:
            return f"我{self.d.meta.scope.value}{self.y}年没有安排政府采购支出预算。"
        listed = "、".join(f"拟采购{name}支出{self.m(values[k])}" for name, k in kinds if values[k] != 0)
        return f"{self.head}政府采购支出预算总额{self.m(total)}，其中：{listed}。"

    def _performance(self) -> str:
        b12 = self.d.table("B12")
        n = sum(1 for r in (b12.rows if b12 else ()) if r.level not in (Level.TOTAL, Level.UNIT))
        text = (
            f"{self.y}年{self.e}按要求编制了绩效目标，包括部门整体绩效目标和项目支出绩效目标，综合反映了部门整体投入管理、"
            "产出、效益指标及各项目预期完成的成本指标、产出指标、效益指标和满意度指标等情况。"
            f"{self.y}年，我{self.d.meta.scope.value}纳入预算绩效管理的支出总额为{self.m(self.v('B03', 'total', 'c1'))}。"
            f"其中：基本支出{self.m(self.v('B03', 'total', 'c2'))}；项目支出{self.m(self.v('B03', 'total', 'c9'))}，涉及项目{n}个。"
        )
        for i, p in enumerate(self.s.key_projects):
            amount = self.m(p.budget) if p.budget is not None else gap("年初预算安排")
            uses = p.uses.strip().rstrip("。") or gap("主要用途")
            text += f"重点项目{PROJECT_ORDINALS[i] if i < 10 else i + 1}：{p.name}，年初预算安排{amount}，主要用于：{uses}。"
        return text

    def _assets(self) -> str:
        parts = (
            ("房屋建筑物", "buildings"),
            ("车辆", "vehicles"),
            ("办公设备", "office"),
            ("专用设备", "special"),
            ("其他资产", "other"),
        )
        values = {k: self.s.amounts.get(f"b.assets.{k}") for _, k in parts}
        if any(v is None for v in values.values()):
            return f"上年期末，{self.e}固定资产总额{gap('固定资产（房屋建筑物、车辆、办公设备、专用设备、其他资产）')}。"
        total = sum((v for v in values.values() if v is not None), ZERO)
        listed = "，".join(f"{name}{self.m(values[k] or ZERO)}" for name, k in parts)
        text = f"上年期末，{self.e}固定资产总额{self.m(total)}，其中，{listed}。"
        kinds = (("一般公务用车", "general"), ("执法执勤车", "law"), ("其他用车", "other"))
        counts = {k: self.s.counts.get(f"b.vehicles.{k}") for _, k in kinds}
        if any(c is None for c in counts.values()):
            text += f"车辆{gap('车辆数（一般公务用车、执法执勤车、其他用车）')}；"
        else:
            n = sum(c for c in counts.values() if c is not None)
            text += f"车辆共有{n}辆，其中：" + "，".join(f"{name}{counts[k]}辆" for name, k in kinds) + "；"
        general, special = (self.s.counts.get(f"b.equipment.{k}") for k in ("general", "special"))
        text += (
            f"单位价值50万元以上通用设备{general if general is not None else gap('通用设备台（套）数')}台（套），"
            f"单位价值100万元以上专用设备{special if special is not None else gap('专用设备台（套）数')}台（套）。"
        )
        return text


def budget_narrative(d: Disclosure, s: Supplement) -> list[Written]:
    return BudgetWriter(d, s).sections()
