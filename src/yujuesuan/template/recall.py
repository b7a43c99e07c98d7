"""A supplement recovered from a parsed disclosure: what its 情况说明 and annexes state that
its tables do not hold (prior-year figures from the stated changes, 年初预算 per item,
reasons, counts, 政府采购, 国有资产, project results), so that a published disclosure
becomes the workbook a preparer starts from.

It reads the final/henan-2023 sentence forms; what it cannot find stays missing, and
the rendered sentence shows a placeholder for it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from yujuesuan.model.disclosure import Disclosure, Section
from yujuesuan.model.supplement import Annex, ItemBudget, ProjectResult, Supplement, Term
from yujuesuan.narrative.claims import claims, section_text
from yujuesuan.rules.narrative import item_headers
from yujuesuan.rules.performance_narrative import band, converted
from yujuesuan.template.fields import VEHICLES

NUM = r"(-?\d[\d,]*(?:\.\d+)?)"
REASON = re.compile(r"主要原因(?:是|为)?[：:]?(.+?)(?:。|$)")
# Sentences the renderer writes itself, so they are not kept as the preparer's text.
GENERATED = re.compile(r"决算为本级决算|从决算单位构成看|纳入本部门.{0,12}决算编制范围|^\d+[.．、]")


def recall(d: Disclosure) -> Supplement:
    amounts: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    sections = {s.key: s for s in d.narrative}
    _profile(d, texts)
    for key, prior, reason, now in (
        ("一", "prior.total", "reason.total", d.figure("F01", "r31", "c1")),
        ("四", "prior.fiscal", "reason.fiscal", d.figure("F04", "r32", "c1")),
    ):
        if key in sections:
            _change(section_text(sections[key]).text, sections[key], now, prior, reason, amounts, texts)
    items: list[ItemBudget] = []
    if "五" in sections:
        items = _section5(d, sections["五"], amounts, texts)
    for key, name in (("七", "fund"), ("八", "soe")):
        if key in sections:
            _fund(section_text(sections[key]).text, name, amounts, texts)
    if "九" in sections:
        _three(section_text(sections["九"]).text, amounts, counts, texts)
    if "十" in sections:
        _admin(sections["十"], amounts, texts)
    # 政府采购 and 国有资产 are sections of their own (henan) or parts of 十、其他重要事项 (shanxi)
    for words, read in (("政府采购", _purchase), ("共有车辆", _assets)):
        found = next((s for s in d.narrative if words in s.text), None)
        if found is not None:
            read(section_text(found).text, amounts, counts, texts)
    if "十三" in sections:
        _performance(sections["十三"], texts)
    _statistics(d, amounts, counts, texts)
    return Supplement(
        amounts=amounts,
        counts=counts,
        texts=texts,
        items=tuple(items),
        units=d.profile.unit_names,
        projects=_projects(d),
        glossary=tuple(Term(term=g.term, definition=g.definition) for g in d.glossary),
        annexes=tuple(Annex(title=a.title, lines=tuple(a.text.split("\n"))) for a in d.attachments),
    )


def _num(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


def _profile(d: Disclosure, texts: dict[str, str]) -> None:
    for s, key in zip(d.profile.sections, ("duties", "organisation"), strict=False):
        paragraphs = [p.strip() for p in s.text.split("\n") if p.strip() and p.strip() != s.heading]
        kept = [k for k in (_own_sentences(p) for p in paragraphs) if k]
        if kept:
            texts[key] = "\n".join(kept)


def _own_sentences(paragraph: str) -> str:
    """The paragraph without the sentences the renderer writes itself."""
    sentences = re.findall(r"[^。]+(?:。|$)", paragraph)
    return "".join(x for x in sentences if not GENERATED.search(x.strip())).strip()


def _change(
    text: str, s: Section, now: Decimal, prior_key: str, reason_key: str,
    amounts: dict[str, Decimal], texts: dict[str, str],
) -> None:  # fmt: skip
    """The prior-year figure from “与上年度相比…增加/减少Δ” (or “与2021年相比”), and the
    reason after it."""
    m = re.search(r"与(?:上年度?|\d{4}年度?)相比|比上年度?|比\d{4}年度?", text)
    if m is None:
        return
    after = text[m.start() :]
    if re.match(r"(?:与[^，]*相比，|比[^，]*)[^。，]*(?:持平|相同)", after):
        amounts[prior_key] = now
        return
    at = section_text(s).text.find(after[:12])
    for c in claims(s):
        if c.is_money and c.is_change and c.direction and c.start >= at:
            amounts[prior_key] = now - c.value if c.direction == "up" else now + c.value
            break
    m = REASON.search(after)
    if m:
        texts[reason_key] = m.group(1).strip()


def _section5(
    d: Disclosure, s: Section, amounts: dict[str, Decimal], texts: dict[str, str]
) -> list[ItemBudget]:
    text = section_text(s).text
    subs = re.split(r"[（(][二三][）)]", text, maxsplit=2)
    _change(subs[0], s, d.figure("F05", "total", "c1"), "prior.gpb", "reason.gpb", amounts, texts)
    items = item_headers(s, d)
    out: list[ItemBudget] = []
    for i, item in enumerate(items):
        if item.code is None:
            continue
        end = items[i + 1].start if i + 1 < len(items) else len(text)
        body = text[item.start : end]
        budget = re.search(rf"年初预算(?:数)?为?{NUM}万?元", body)
        reason = REASON.search(body)
        out.append(
            ItemBudget(
                code=item.code,
                budget=_num(budget.group(1)) if budget else None,
                reason=reason.group(1).strip() if reason else "",
            )
        )
    return out


def _fund(text: str, name: str, amounts: dict[str, Decimal], texts: dict[str, str]) -> None:
    budget = re.search(rf"年初预算(?:数)?为?{NUM}万?元", text)
    if budget:
        amounts[f"budget.{name}"] = _num(budget.group(1))
    reason = REASON.search(text)
    if reason:
        texts[f"reason.{name}"] = reason.group(1).strip()
    uses = re.search(r"主要用于(.+?)。", text)
    if uses:
        texts[f"uses.{name}"] = uses.group(1).strip()


def _first(pattern: str, text: str) -> re.Match[str] | None:
    return re.search(pattern, text)


def _three(text: str, amounts: dict[str, Decimal], counts: dict[str, int], texts: dict[str, str]) -> None:
    found = (
        (r"团组(\d+)个，累计(\d+)人次", ("abroad.groups", "abroad.people")),
        (r"购置车辆(\d+)[辆台]", ("cars.bought",)),
        (r"保有量为?(\d+)辆", ("cars.held",)),
        (r"国（境）外来访团组(\d+)个、来访外宾(\d+)人次", ("foreign.groups", "foreign.people")),
        (r"国内来访团组(\d+)个、来宾(\d+)人次", ("domestic.groups", "domestic.people")),
    )
    for pattern, keys in found:
        m = _first(pattern, text)
        if m:
            for k, g in zip(keys, m.groups(), strict=True):
                counts[k] = int(g)
    for pattern, key in (
        (rf"外宾接待支出\s*{NUM}万?元", "reception.foreign"),
        (rf"国内公务接待支出\s*{NUM}万?元", "reception.domestic"),
    ):
        m = _first(pattern, text)
        if m:
            amounts[key] = _num(m.group(1))
    parts = re.split(r"(?=\d+[.．、]\s*\**(?:因公出国|公务用车购置及运行|公务接待费))", text)
    for part, key in zip(
        parts, ("reason.three", "reason.abroad", "reason.car", "reason.reception"), strict=False
    ):
        m = REASON.search(part)
        if m:
            texts[key] = m.group(1).strip()
    uses = _first(r"运行维护支出[^。]*?主要用于(.+?)。", text)
    if uses:
        texts["uses.car"] = uses.group(1).strip()


def _admin(s: Section, amounts: dict[str, Decimal], texts: dict[str, str]) -> None:
    text = section_text(s).text
    if "不是行政机关" in text or "没有机关运行经费" in text:
        texts["admin.applies"] = "否"
        return
    m = _first(rf"机关运行经费支出{NUM}万?元", text)
    if m:
        texts["admin.applies"] = "是"
        amounts["admin.cost"] = _num(m.group(1))
        _change(text, s, amounts["admin.cost"], "prior.admin", "reason.admin", amounts, texts)


def _purchase(text: str, amounts: dict[str, Decimal], counts: dict[str, int], texts: dict[str, str]) -> None:
    for pattern, key in (
        (rf"货物支出{NUM}万?元", "purchase.goods"),
        (rf"工程支出{NUM}万?元", "purchase.works"),
        (rf"服务支出{NUM}万?元", "purchase.services"),
        (rf"中小企业合同金额{NUM}万?元", "purchase.sme"),
        (rf"小微企业合同金额{NUM}万?元", "purchase.small"),
    ):
        m = _first(pattern, text)
        if m:
            amounts[key] = _num(m.group(1))


def _assets(text: str, amounts: dict[str, Decimal], counts: dict[str, int], texts: dict[str, str]) -> None:
    for key, name in VEHICLES:
        m = _first(rf"{name}(\d+)辆", text)
        if m:
            counts[key] = int(m.group(1))
    m = _first(r"设备（不含车辆）(\d+)台", text)
    if m:
        counts["equipment"] = int(m.group(1))
    m = _first(r"其他用车主要是(.+?)[；。]", text)
    if m:
        texts["vehicles.other_uses"] = m.group(1).strip()


# F10 (final/shanxi-2022) 行次 → the field it gives
F10_FIELDS = {2: "purchase.goods", 3: "purchase.works", 4: "purchase.services"}
F10_COUNTS = {8: "vehicles.leader", 9: "vehicles.chief", 10: "vehicles.confidential", 11: "vehicles.emergency",
              12: "vehicles.law", 13: "vehicles.special", 14: "vehicles.retired", 15: "vehicles.other", 17: "equipment"}  # fmt: skip


def _statistics(
    d: Disclosure, amounts: dict[str, Decimal], counts: dict[str, int], texts: dict[str, str]
) -> None:
    """政府采购, 机关运行经费 and 国有资产 from the 统计表 (F10) where the disclosure has one:
    a blank cell there is zero."""
    t = d.table("F10")
    if t is None:
        return

    def value(line: int) -> Decimal:
        return d.figure("F10", f"r{line}", "c1")

    for line, key in F10_FIELDS.items():
        amounts.setdefault(key, value(line))
    for line, key in F10_COUNTS.items():
        counts.setdefault(key, int(value(line)))
    admin = value(5) + value(6)
    if admin and "admin.cost" not in amounts:
        texts["admin.applies"] = "是"
        amounts["admin.cost"] = admin
        other = next((s for s in d.narrative if "机关运行经费" in s.text), None)
        if other is not None:
            text = section_text(other).text
            at = text.find("机关运行经费")
            _change(text[at:], other, admin, "prior.admin", "reason.admin", amounts, texts)


def _performance(s: Section, texts: dict[str, str]) -> None:
    """十三（一） as the preparer's text; （三） unless it is the null form."""
    parts: dict[str, list[str]] = {}
    current = ""
    for ln in s.lines:
        t = ln.text.strip()
        m = re.match(r"^[（(]([一二三])[）)]", t)
        if m:
            current = m.group(1)
            continue
        if current and t:
            lines = parts.setdefault(current, [])
            if lines and lines[-1][-1] not in "。；：！？）":
                lines[-1] += t  # a line wrapped mid-sentence
            else:
                lines.append(t)
    if parts.get("一"):
        texts["perf.work"] = "\n".join(parts["一"])
    key = "".join(parts.get("三", []))
    if key and "没有开展" not in key and not re.search(r"0项目|等级为无", key):
        texts["perf.key"] = "\n".join(parts["三"])


def _projects(d: Disclosure) -> tuple[ProjectResult, ...]:
    """Each project's result from the 自评汇总表 (A03) or the 项目支出绩效自评表 (A02)."""
    out: list[ProjectResult] = []
    for p in d.performance.project_scores:
        score = p.value("score")
        out.append(
            ProjectResult(
                name=p.name, budget=p.value("budget"), spent=p.value("executed"),
                score=score, grade=band(score) if score is not None else "",
            )
        )  # fmt: skip
    if out:
        return tuple(out)
    for e in d.performance.evaluations:
        if e.form != "A02":
            continue
        total = e.funds[0] if e.funds else None
        score = e.total.value if e.total is not None else None
        budget, spent = (total.value(c) if total else None for c in ("budget", "executed"))
        out.append(
            ProjectResult(
                name=e.project,
                budget=converted(budget, e.unit, d.meta.unit.value) if budget is not None else None,
                spent=converted(spent, e.unit, d.meta.unit.value) if spent is not None else None,
                score=score,
                grade=e.grade or (band(score) if score is not None else ""),
            )
        )
    return tuple(out)
