"""The whole 预算 disclosure as blocks, in the budget/henan-2025 part order (TABLES.md §5):
封面, 目录, 第一部分 概况, 第二部分 预算情况说明, 第三部分 名词解释, 附件 预算表."""

from __future__ import annotations

from functools import cache

from yujuesuan.model.disclosure import Disclosure, Scope
from yujuesuan.model.supplement import Supplement, Term
from yujuesuan.narrative.budget_sentences import budget_narrative
from yujuesuan.refdata import load
from yujuesuan.render.blocks import Document, PageBreak, Style, placeholder
from yujuesuan.render.budget_tables import budget_order, budget_spec, budget_table_blocks
from yujuesuan.render.budget_targets import target_blocks
from yujuesuan.render.compose import glossary_part, narrative_part


@cache
def budget_glossary() -> tuple[Term, ...]:
    return tuple(Term(term=t["term"], definition=t["definition"]) for t in load("glossary_budget")["term"])


def compose_budget(d: Disclosure, s: Supplement) -> Document:
    m = d.meta
    entity, y = m.entity or "", m.fiscal_year
    doc = Document(title=f"{entity}{y}年度{m.scope.value}预算")
    narrative = budget_narrative(d, s)
    tables = [t for tid in budget_order() if (t := d.table(tid)) is not None]
    profile_part = f"第一部分 {entity}{m.scope.value}概况"
    narrative_heading = f"第二部分 {entity}{m.scope.value}{y}年度预算情况说明"
    tables_part = f"附件：{entity}{y}年度{m.scope.value}预算表"
    # 封面, 目录
    doc.add(f"{y}年度", Style.COVER)
    doc.add(f"{entity}{m.scope.value}预算", Style.COVER)
    doc.blocks.append(PageBreak())
    doc.add("目 录", Style.PART)
    contents: tuple[tuple[str, list[str]], ...] = (
        (profile_part, ["一、主要职能", "二、预算部门构成"]),
        (narrative_heading, [w.heading for w in narrative]),
        ("第三部分 名词解释", []),
        (tables_part, [f"{budget_spec(t.id).label} {budget_spec(t.id).printed_title(y)}" for t in tables]),
    )
    for part, entries in contents:
        doc.add(part, Style.CONTENTS)
        for e in entries:
            doc.add(e, Style.CONTENTS)
    doc.blocks.append(PageBreak())
    # 第一部分 概况
    doc.add(profile_part, Style.PART)
    doc.add("一、主要职能", Style.HEADING)
    doc.add("（一）机构设置情况", Style.HEADING)
    doc.add(_organisation(s))
    doc.add("（二）部门职责", Style.HEADING)
    duties = s.texts.get("duties", "").strip()
    for para in duties.split("\n") if duties else [placeholder("部门职责")]:
        if para.strip():
            doc.add(para.strip())
    doc.add("二、预算部门构成", Style.HEADING)
    doc.add(_composition(d, s))
    doc.blocks.append(PageBreak())
    narrative_part(doc, narrative_heading, narrative)
    glossary_part(doc, "第三部分 名词解释", s.glossary or budget_glossary())
    # 附件 预算表
    doc.add(tables_part, Style.PART)
    for t in tables:
        doc.blocks.extend(budget_table_blocks(t, m))
        doc.blocks.append(PageBreak())
    doc.blocks.extend(target_blocks(d.performance, m))
    return doc


def _organisation(s: Supplement) -> str:
    text = s.texts.get("organisation", "").strip().rstrip("。") or placeholder("机构设置情况")
    staff = [s.counts.get(k) for k in ("b.staff", "b.staff.admin", "b.staff.institution")]
    if all(n is None for n in staff):
        return f"{text}。"
    n, admin, institution = (str(x) if x is not None else placeholder("人数") for x in staff)
    return f"{text}。人员数量{n}人，其中行政编制{admin}人，事业编制{institution}人。"


def _composition(d: Disclosure, s: Supplement) -> str:
    if d.meta.scope is Scope.UNIT or not s.units:
        return f"本预算为{d.meta.entity or ''}本级预算。"
    units = "；".join(f"{i}.{u}" for i, u in enumerate(s.units, start=1))
    return f"本预算为包括本级预算和所属单位预算在内的汇总预算，预算单位构成：{units}。"
