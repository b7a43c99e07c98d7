"""RawDocument → Disclosure: parts, tables, meta, profile, narrative, glossary, annexes.

Parts are found by their headings (第一部分 …) and told apart by what they are about
(概况, 表, 情况说明, 名词解释, 附件), not by their number, since budgets order them
differently. A table of contents is skipped: it repeats the headings with no body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from yujuesuan.ingest.raw import InputError, RawDocument, RawLine
from yujuesuan.model.disclosure import (
    Attachment,
    Disclosure,
    GlossaryEntry,
    Kind,
    Meta,
    Profile,
    Scope,
    Section,
    TextLine,
)
from yujuesuan.model.performance import Performance, ProjectTarget, SelfEvaluation, UnitTarget
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import Table, Unit
from yujuesuan.recognize.evaluations import read_evaluations
from yujuesuan.recognize.overall import is_overall, read_overall
from yujuesuan.recognize.report_scores import is_report, read_report
from yujuesuan.recognize.scores import is_score_table, read_project_scores
from yujuesuan.recognize.settle import settle_document
from yujuesuan.recognize.tables import PAGE_FOOTER, PART, HeaderInfo, TableSpan, find_tables, read_table
from yujuesuan.recognize.targets import SOURCES, TARGET_LAYOUTS, read_project_targets, read_unit_target
from yujuesuan.recognize.text import AMOUNT, join_wrapped, norm

BULLET = re.compile(r"^[-•·*]\s+")
HEADING = re.compile(r"^([一二三四五六七八九十]+)[、.．]\s*(.+)$")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]|^\d+[.、．](?!\d)")
T = TypeVar("T")
ORGANIZATION_WORDS = ("机构", "构成")  # 二、机构设置 / 部门决算单位构成
# The SH24 template titles its table part without "第二部分".
PART_TITLE = re.compile(r"^[^，。：]{2,40}\d{4}年度(?:部门|单位)(?:决算|预算)表$")
BUDGET = re.compile(r"预算\d+表|收支预算总表|部门收支预算表|部门预算公开|年度?部门预算")
# Performance annexes printed after the glossary without a 第五部分 heading (seed 000).
# Each starts an attachment of its own; "表3-1 …分值表" inside a report does not.
ANNEX = re.compile(r"^(?!表)[^。，]{0,30}(?:绩效自评|绩效评价|自评)[^。，]{0,20}(?:表|报告)$")
ATTACHED = re.compile(r"^附件[：:]")
TABLES_TITLE = re.compile(r"(?:部门|单位)(?:预算|决算)(?:公开)?表$")
CN_YEAR = re.compile(r"(20\d{2})\s*年度?(?:部门|单位)?(?:决算|预算)")


@dataclass
class Part:
    heading: str
    lines: list[RawLine]
    head: RawLine | None = None  # the heading's own line


def _without_page_numbers(lines: Sequence[RawLine]) -> list[RawLine]:
    """Drop a bare page number (“26”) printed as the last line of a PDF page, which would
    otherwise be read into the sentence that runs on to the next page."""
    last_of_page = {ln.prov.page: i for i, ln in enumerate(lines) if ln.prov.page is not None}
    return [
        ln
        for i, ln in enumerate(lines)
        if not (
            ln.prov.page is not None
            and last_of_page[ln.prov.page] == i
            and not ln.grid
            and re.fullmatch(r"\d{1,3}", norm(ln.text))
        )
    ]


def _split_contents(doc: RawDocument) -> tuple[list[RawLine], list[RawLine]]:
    """(the 目录 lines, all other lines): the table of contents runs from 目录 up to the
    first part heading that repeats one it listed."""
    lines = [ln for ln in _without_page_numbers(doc.lines) if not PAGE_FOOTER.match(norm(ln.text))]
    toc = next((i for i, ln in enumerate(lines[:200]) if norm(ln.text) == "目录"), None)
    if toc is None:
        return [], lines
    headings = [i for i in range(toc + 1, len(lines)) if PART.match(norm(lines[i].text))]
    if not headings:
        return [], lines
    first = _part_key(lines[headings[0]])
    again = next((i for i in headings[1:] if _part_key(lines[i]) == first), None)
    if again is None:
        return [], lines
    return lines[toc + 1 : again], lines[:toc] + lines[again:]


TOC_ENTRY = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)\s*(.*?)[\s.…·]*\d*$")


def contents(toc: list[RawLine]) -> tuple[str, ...]:
    """The 目录 entries as printed, without leader dots and page numbers."""
    out = []
    for line in toc:
        text = line.text.replace("\t", " ").strip()
        m = TOC_ENTRY.match(text)
        if m:
            out.append((m.group(1) + m.group(2)).strip())
    return tuple(out)


def _part_key(line: RawLine) -> str:
    m = PART.match(norm(line.text))
    return m.group(0) if m else ""


def split_parts(lines: Sequence[RawLine]) -> tuple[list[RawLine], list[Part]]:
    """(lines before the first part, parts). A heading wrapped onto a second line is rejoined."""
    front: list[RawLine] = []
    parts: list[Part] = []
    for line in lines:
        text = norm(line.text)
        if (
            PART.match(text)
            or PART_TITLE.match(text)
            or (parts and _kind_of_part(parts[-1].heading) == "glossary" and ATTACHED.match(text))
            or (parts and _kind_of_part(parts[-1].heading) in ("glossary", "annex") and ANNEX.match(text))
        ):
            heading = line.text.strip()
            first_half = _title_first_half(parts, text)
            if first_half is not None:
                heading = first_half.text.strip() + heading
            parts.append(Part(heading, [], first_half or line))
        elif parts:
            part = parts[-1]
            if (
                not part.lines
                and not HEADING.match(text)
                and (len(text) <= 2 or _completes(part.heading, text) or _bare(part.heading, text))
            ):
                part.heading += text  # "…局概" / "况"; "第三部分 某某厅" / "2017年度部门预算情况说明"
                continue
            part.lines.append(line)
        else:
            front.append(line)
    return front, parts


def _title_first_half(parts: list[Part], text: str) -> RawLine | None:
    """A report's title printed on two lines (“焦作市 2023 年度资源枯竭城市转型” /
    “专项转移支付资金绩效评价报告”): the first half ends the part before; it is taken off it."""
    if not (parts and parts[-1].lines and text.endswith("绩效评价报告") and len(text) <= 20):
        return None
    last = parts[-1].lines[-1]
    t = norm(last.text)
    if last.grid or not 4 <= len(t) <= 24 or re.search(r"[。，；：:]|\d+\.\d", t) or t.startswith("总分"):
        return None
    parts[-1].lines.pop()
    return last


_PART_WORDS = ("名词解释", "说明", "概况", "附件", "绩效", "自评", "表")


def _completes(heading: str, text: str) -> bool:
    """A part heading that names only the department, continued by its kind on the next line."""
    h = norm(heading)
    named = any(w in h for w in _PART_WORDS) and not (ATTACHED.match(h) and not h.endswith("表"))
    return not named and len(text) <= 24 and text.endswith(_PART_WORDS)


def _bare(heading: str, text: str) -> bool:
    """“第二部分” alone on its line, its title on the lines after (“某某局2025年度” / “预算情况说明”)."""
    return bool(PART.fullmatch(norm(heading))) and len(text) <= 40 and "。" not in text


def _kind_of_part(heading: str) -> str:
    h = norm(heading)
    if ATTACHED.match(h) and TABLES_TITLE.search(h):
        return "tables"  # 附件：某某局2025年度部门预算表
    if "名词解释" in h:
        return "glossary"
    if "情况说明" in h or h.endswith("说明"):
        return "narrative"
    if "概况" in h:
        return "profile"
    if "附件" in h or "绩效" in h or "自评" in h:
        return "annex"
    if h.endswith("表"):
        return "tables"
    return "annex"


def sections(lines: Sequence[RawLine]) -> list[Section]:
    """Numbered sections (一、…) with their text; lines wrapped mid-sentence are rejoined."""
    out: list[Section] = []
    key = ""
    heading = ""
    body: list[RawLine] = []

    def flush() -> None:
        if key or body:
            out.append(
                Section(
                    key=key,
                    heading=heading,
                    text=paragraphs([ln.text for ln in body]),
                    lines=tuple(TextLine(text=ln.text.strip(), prov=ln.prov) for ln in body),
                )
            )

    for line in lines:
        text = BULLET.sub("", line.text.strip())
        m = HEADING.match(text)
        if not body and heading.count("（") > heading.count("）"):
            heading += text  # a heading wrapped inside its bracket (SH24 template)
        elif m and len(text) <= 40 and not text.endswith(("。", "；")) and "：" not in text[:-1]:
            flush()
            key, heading, body = m.group(1), text, []
        else:
            body.append(line)
    flush()
    return out


def paragraphs(lines: Sequence[str]) -> str:
    """Join wrapped lines; a new paragraph starts at an indent or a sub-heading."""
    paras: list[list[str]] = []
    for raw in lines:
        indented = raw.startswith(("\u3000", "  "))
        text = raw.strip()
        if not text:
            continue
        new = not paras or indented or bool(SUB_HEADING.match(text)) or paras[-1][-1].endswith(("：", ":"))
        if new:
            paras.append([text])
        else:
            paras[-1].append(text)
    return "\n".join(join_wrapped(p) for p in paras)


def glossary_sections(lines: Sequence[RawLine]) -> list[GlossaryEntry]:
    """Entries print as '一、财政拨款收入：单位从…'; a long term may wrap before its colon."""
    out: list[GlossaryEntry] = []
    buf: list[str] = []
    prov = None

    def flush() -> None:
        text = join_wrapped(buf)
        term, colon, definition = text.partition("：")
        if buf and colon:
            out.append(GlossaryEntry(term=term.strip(), definition=definition.strip(), prov=prov))

    for line in lines:
        text = BULLET.sub("", line.text.strip())
        m = HEADING.match(text)
        if m:
            flush()
            buf, prov = [m.group(2)], line.prov
        elif buf:
            buf.append(text)
    flush()
    return out


COUNT_DEPTS = re.compile(r"内设(?:机构)?(\d+)个")
COUNT_UNITS = re.compile(
    r"(?:单位|预算单位)共(?:计)?(\d+|[一二两三四五六七八九十]+)(?:个|家)|有(\d+|[一二两三四五六七八九十]+)个预算单位"
)
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def count_value(text: str) -> int:
    """A count printed in figures or in Chinese numerals up to 99 (“一家”, “十二个”)."""
    if text.isdigit():
        return int(text)
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _DIGITS[text]
    return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


UNIT_LIST = re.compile(r"分别为(.+?)。")
UNIT_ITEM = re.compile(r"^\d+[.、．]\s*(.+?)[；;。，,]?$")


def listed_units(text: str, count: re.Match[str]) -> list[str] | None:
    """The unit names given right after the count sentence: a numbered list that follows
    before the sentence ends (“共13个，其中二级预算单位包括：\n1.…”), or an inline list
    (“共3家，包括：A、B、C。”, “有7个预算单位,分别为A、B…”). None when neither follows."""
    rest = text[count.end() :]
    items: list[str] = []
    for line in rest.split("\n")[1:]:
        m = UNIT_ITEM.match(line.strip())
        if m and len(m.group(1)) < 40:
            items.append(m.group(1))
        elif items or "。" in line:
            break
    if items and "。" not in rest.split("\n")[0]:
        return items
    flat = rest.replace("\n", "").replace(" ", "")
    inline = re.match(r"[^。]{0,16}?(?:包括|分别为)[：:]?([^。；，]+)", flat)
    if inline:
        return [n.strip() for n in inline.group(1).split("、") if n.strip()]
    return None


def profile(lines: Sequence[RawLine]) -> Profile:
    secs = sections(lines)
    org_secs = [s for s in secs if any(w in s.heading for w in ORGANIZATION_WORDS)]
    every = "\n".join(s.text for s in secs)
    depts = COUNT_DEPTS.search(every)
    units = COUNT_UNITS.search(every)
    anchored = listed_units(every, units) if units else None
    names = anchored or []  # a numbered list elsewhere is of 内设机构, not of units
    if not names:  # a 序号 · 单位名称 · 备注 table (SH24)
        names = [
            cells[1]
            for s in org_secs
            for ln in s.lines
            if len(cells := ln.text.split("\t")) > 1 and cells[0].isdigit() and cells[1]
        ]
    return Profile(
        internal_departments=int(depts.group(1)) if depts else None,
        units=count_value(units.group(1) or units.group(2)) if units else None,
        unit_names=tuple(names),
        sections=tuple(secs),
    )


def _profile_name(tables: Sequence[Table], kind: Kind) -> str:
    if kind is Kind.BUDGET:
        if any(t.variant == "henan" for t in tables):
            return "budget/henan"
        return (
            "budget/jiangsu"
            if any(t.id == "B16" or t.variant == "standard" and t.id == "B01" for t in tables)
            else "budget"
        )
    labelled = any(t.label for t in tables)
    if labelled and any(t.id == "F10" for t in tables):
        return "final/shanxi-2022"
    if labelled:
        return "final/henan-2023"
    return "final/shanghai-2024"


def recognize(docs: Sequence[RawDocument]) -> Disclosure:
    """One disclosure from one or more raw documents (narrative file + tables file)."""
    tables: list[Table] = []
    infos: list[HeaderInfo] = []
    unit_targets: list[UnitTarget] = []
    project_targets: list[ProjectTarget] = []
    front: list[RawLine] = []
    parts: list[Part] = []
    toc: list[RawLine] = []
    for doc in docs:
        doc_toc, lines = _split_contents(doc)
        toc += doc_toc
        doc_front, doc_parts = split_parts(lines)
        front += doc_front
        parts += doc_parts
        spans = find_tables(lines)
        units = Counter[Unit]()
        for span in spans:
            if span.specs[0].layout in TARGET_LAYOUTS:
                _read_targets(span, unit_targets, project_targets)
                continue
            if (
                not any(ln.grid for ln in span.lines)
                and not _has_numbers(span.lines)
                and not _empty_table(span.lines)
            ):
                continue  # a title listed in a 目录 or a part heading, with no table under it
            table, info = read_table(span, units.most_common(1)[0][0] if units else Unit.WAN_YUAN)
            if table is None:
                continue  # the title of a table whose header is of another profile
            units[table.unit] += 1
            tables.append(table)
            infos.append(info)
    tables = settle_document(tables)
    narrative_only = (
        not tables and bool(parts) and any("附后" in norm(ln.text) for d in docs for ln in d.lines)
    )
    if not tables and not narrative_only:
        names = ", ".join(d.source.name for d in docs)
        if any(BUDGET.search(norm(ln.text)) for d in docs for ln in d.lines[:400]):
            raise InputError(
                f"{names}: a 部门预算 (budget) disclosure whose tables are not recognised; "
                "决算 tables and the Henan 2025 and Jiangsu 2017–2019 部门预算 tables can be read"
            )
        raise InputError(f"{names}: no 部门决算/预算 public table found; is this a departmental disclosure?")
    all_text = "".join(norm(ln.text) for ln in front[:40]) + "".join(norm(p.heading) for p in parts)
    budget_tables = sum(t.id.startswith("B") for t in tables)
    if tables:
        kind = Kind.BUDGET if budget_tables * 2 > len(tables) else Kind.FINAL
    else:  # a narrative published apart from its tables (“公开表附后”)
        kind = Kind.BUDGET if "预算" in all_text and "决算" not in all_text else Kind.FINAL
    entity = _most_common([i.entity for i in infos]) or _entity_from_headings(parts)
    year = (
        _most_common([i.year for i in infos])
        or _year_from(all_text)
        or _year_from("".join(d.source.name for d in docs))  # 江苏…2019年度部门预算公开表格.pdf
    )
    scope = Scope.UNIT if "单位决算" in all_text or "单位预算" in all_text else Scope.DEPARTMENT
    unit = Counter(t.unit for t in tables).most_common(1)[0][0] if tables else Unit.WAN_YUAN
    meta = Meta(
        entity=entity,
        fiscal_year=year,
        kind=kind,
        scope=scope,
        unit=unit,
        profile=_profile_name(tables, kind),
        sources=tuple(d.source for d in docs),
    )
    by_kind: dict[str, list[Part]] = {}
    for p in parts:
        by_kind.setdefault(_kind_of_part(p.heading), []).append(p)
    narrative = [s for p in by_kind.get("narrative", []) for s in sections(p.lines)]
    return Disclosure(
        meta=meta,
        profile=profile([ln for p in by_kind.get("profile", []) for ln in p.lines]),
        tables=tuple(tables),
        narrative=tuple(narrative),
        glossary=tuple(e for p in by_kind.get("glossary", []) for e in glossary_sections(p.lines)),
        contents=contents(toc),
        performance=Performance(
            unit_targets=tuple(unit_targets),
            project_targets=tuple(project_targets),
            evaluations=_evaluations(by_kind.get("annex", [])),
            reports=tuple(
                r
                for p in by_kind.get("annex", [])
                if is_report(p.heading) and (r := read_report(p.heading, _head_prov(p), p.lines)) is not None
            ),
            project_scores=tuple(
                row
                for p in by_kind.get("annex", [])
                if is_score_table(p.heading, p.lines)
                for row in read_project_scores(p.lines)
            ),
        ),
        attachments=tuple(
            Attachment(
                title=p.heading,
                text="\n".join(ln.text.strip() for ln in p.lines),
                prov=p.lines[0].prov if p.lines else None,
            )
            for p in by_kind.get("annex", [])
            if p.lines
        ),
    )


def _read_targets(
    span: TableSpan, unit_targets: list[UnitTarget], project_targets: list[ProjectTarget]
) -> None:
    """预算14/15表 into the performance material. A 预算15表 row's sources are those its
    unit's 预算14表 funds (read before it), so its figures land in the right columns."""
    if span.specs[0].layout == "unit_targets":
        if (target := read_unit_target(span.title_line.prov, span.lines)) is not None:
            unit_targets.append(target)
        return

    def sources_of(name: str) -> tuple[str, ...]:
        target = next((t for t in unit_targets if norm(t.entity) == norm(name)), None)
        if target is None:
            return SOURCES
        return tuple(s for s in SOURCES if target.value(s))

    project_targets.extend(read_project_targets(span.lines, sources_of))


def _evaluations(parts: Sequence[Part]) -> tuple[SelfEvaluation, ...]:
    """The self-evaluation tables of the annexes: the 部门整体 table (A01) first, then the
    A02 tables; one part may hold several (附件1–3), and a table may start a part of its
    own (项目单位自评表, its heading)."""
    overall = tuple(
        e for p in parts if is_overall(p.heading) and (e := read_overall(_head_prov(p), p.lines)) is not None
    )
    lines = [ln for p in parts if not is_overall(p.heading) for ln in ([p.head] if p.head else []) + p.lines]
    return overall + read_evaluations(lines)


def _head_prov(p: Part) -> Provenance | None:
    return p.head.prov if p.head else (p.lines[0].prov if p.lines else None)


def _empty_table(lines: Sequence[RawLine]) -> bool:
    """A table printed with its header and a 合计 line but no figures (B10 with no funds)."""
    return any(norm(ln.text) == "合计" for ln in lines)


def _has_numbers(lines: Sequence[RawLine]) -> bool:
    return any(AMOUNT.match(tok) for ln in lines for tok in ln.text.split())


def _most_common(values: Sequence[T | None]) -> T | None:
    c = Counter(v for v in values if v is not None)
    return c.most_common(1)[0][0] if c else None


def _entity_from_headings(parts: Sequence[Part]) -> str | None:
    for p in parts:
        m = re.match(
            r"^第[一二三四五六七八九十]+部分\s*(.+?)(?:\d{4}年度)?(?:部门|单位)(?:决算|预算)表$", p.heading
        )
        if m:
            return norm(m.group(1))
        m = re.match(r"^第[一二三四五六七八九十]+部分\s*(.+?)概况$", norm(p.heading))
        if m and len(m.group(1)) >= 4:  # not the generic “部门概况”
            return m.group(1)
    return None


def _year_from(text: str) -> int | None:
    m = CN_YEAR.search(text)
    return int(m.group(1)) if m else None
