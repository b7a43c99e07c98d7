"""The whole 决算 disclosure as blocks, in the standard part order (TABLES.md §5):
封面, 目录, 第一部分 概况, 第二部分 决算表, 第三部分 情况说明, 第四部分 名词解释, 第五部分 附件."""

from __future__ import annotations

from functools import cache

from yujuesuan.model.disclosure import Disclosure, Scope
from yujuesuan.model.supplement import Annex, Supplement, Term
from yujuesuan.narrative.final_sentences import Written, final_narrative
from yujuesuan.refdata import load
from yujuesuan.render.blocks import Document, Grid, PageBreak, Style, placeholder
from yujuesuan.render.numbers import money
from yujuesuan.render.tables import order, print_spec, table_blocks

ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


@cache
def standard_glossary() -> tuple[Term, ...]:
    return tuple(Term(term=t["term"], definition=t["definition"]) for t in load("glossary_final")["term"])


def compose(d: Disclosure, s: Supplement) -> Document:
    m = d.meta
    scope = m.scope.value
    entity = m.entity or ""
    y = m.fiscal_year
    doc = Document(title=f"{entity}{y}年度{scope}决算")
    narrative = final_narrative(d, s)
    tables = [t for tid in order(m.profile) if (t := d.table(tid)) is not None]
    # 封面
    doc.add(f"{y}年度", Style.COVER)
    doc.add(f"{entity}{scope}决算", Style.COVER)
    doc.blocks.append(PageBreak())
    # 目录
    doc.add("目 录", Style.PART)
    parts: tuple[tuple[str, list[str]], ...] = (
        (f"第一部分 {entity}概况", [f"一、{scope}职责", "二、机构设置"]),
        (
            f"第二部分 {y}年度{scope}决算表",
            [f"{ordinal(i + 1)}、{print_spec(m.profile, t.id).title}" for i, t in enumerate(tables)],
        ),
        (f"第三部分 {y}年度{scope}决算情况说明", [w.heading for w in narrative]),
        ("第四部分 名词解释", []),
        ("第五部分 附件", []),
    )
    for part, entries in parts:
        doc.add(part, Style.CONTENTS)
        for e in entries:
            doc.add(e, Style.CONTENTS)
    doc.blocks.append(PageBreak())
    # 第一部分
    doc.add(parts[0][0], Style.PART)
    for heading, key in ((f"一、{scope}职责", "duties"), ("二、机构设置", "organisation")):
        doc.add(heading, Style.HEADING)
        body = s.texts.get(key, "").strip()
        for para in body.split("\n") if body else [placeholder(heading.split("、", 1)[1])]:
            if para.strip():
                doc.add(para.strip())
    if m.scope is Scope.UNIT:
        doc.add(f"{entity}单位决算为本级决算。")
    else:
        doc.add(f"从决算单位构成看，{entity}部门决算包括：本级决算、所属事业单位决算。")
        if s.units:
            doc.add(f"{y}年度，纳入本部门决算编制范围的单位共{len(s.units)}个，其中二级预算单位包括：")
            for i, name in enumerate(s.units, start=1):
                doc.add(f"{i}. {name}")
    doc.blocks.append(PageBreak())
    # 第二部分
    doc.add(parts[1][0], Style.PART)
    for t in tables:
        doc.blocks.extend(table_blocks(t, m))
        doc.blocks.append(PageBreak())
    narrative_part(doc, parts[2][0], narrative)
    glossary_part(doc, "第四部分 名词解释", s.glossary or standard_glossary())
    # 第五部分
    doc.add("第五部分 附件", Style.PART)
    if s.annexes:
        for annex in s.annexes:
            _annex(doc, annex)
    elif s.projects:
        _projects(doc, s)
    else:
        doc.add("无。")
    return doc


def narrative_part(doc: Document, heading: str, narrative: list[Written]) -> None:
    """情况说明: each section's heading, its （一） sub-headings and its paragraphs."""
    doc.add(heading, Style.PART)
    for section in narrative:
        doc.add(section.heading, Style.HEADING)
        for line in section.lines:
            doc.add(line.text, Style.HEADING if line.sub else Style.BODY)
    doc.blocks.append(PageBreak())


def glossary_part(doc: Document, heading: str, terms: tuple[Term, ...]) -> None:
    doc.add(heading, Style.PART)
    for i, term in enumerate(terms):
        doc.add(f"{ordinal(i + 1)}、{term.term}：{term.definition}")
    doc.blocks.append(PageBreak())


def _annex(doc: Document, annex: Annex) -> None:
    """An annex as given: its title, its prose lines, its table rows as one grid per run."""
    doc.add(annex.title, Style.TABLE_TITLE)
    run: list[list[str]] = []

    def flush() -> None:
        if run:
            width = max(len(r) for r in run)
            rows = tuple(tuple(r + [""] * (width - len(r))) for r in run)
            doc.blocks.append(Grid(rows, header=0, wide=width > 8, span_blanks=True))
            run.clear()

    for line in annex.lines:
        if "\t" in line:
            run.append(line.split("\t"))
        else:
            flush()
            if line.strip():
                doc.add(line.strip(), Style.PLAIN)
    flush()
    doc.blocks.append(PageBreak())


def _projects(doc: Document, s: Supplement) -> None:
    doc.add("项目支出绩效自评结果汇总表", Style.TABLE_TITLE)
    rows = [("序号", "项目名称", "全年预算数", "全年执行数", "自评得分", "自评等级")]
    for i, p in enumerate(s.projects, start=1):
        rows.append(
            (
                str(i),
                p.name,
                money(p.budget) if p.budget is not None else "",
                money(p.spent) if p.spent is not None else "",
                f"{p.score}" if p.score is not None else "",
                p.grade,
            )
        )
    doc.blocks.append(Grid(tuple(rows), header=1, numeric_from=2))


def ordinal(n: int) -> str:
    """1 → 一, 18 → 十八, 21 → 二十一."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else ORDINALS[tens - 1] + "十")
    return head + (ORDINALS[ones - 1] if ones else "") if n >= 10 else ORDINALS[n - 1]
