"""C rules: required parts, tables and sections; empty-table statements; placeholders;
year, entity and unit consistency; table notes; glossary terms."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from yujuesuan.model.disclosure import Disclosure, Section, TextLine
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Table
from yujuesuan.recognize.text import norm
from yujuesuan.refdata import profile_entry
from yujuesuan.rules.registry import rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
NAMES = {
    "F01": "收入支出决算总表",
    "F02": "收入决算表",
    "F03": "支出决算表",
    "F04": "财政拨款收入支出决算总表",
    "F05": "一般公共预算财政拨款支出决算表",
    "F06": "一般公共预算财政拨款基本支出决算表",
    "F07": "财政拨款“三公”经费支出决算表",
    "F08": "政府性基金预算财政拨款收入支出决算表",
    "F09": "国有资本经营预算财政拨款支出决算表",
    "F10": "部门决算公开相关信息统计表",
}


def profile_of(d: Disclosure) -> dict[str, Any]:
    return profile_entry(d.meta.profile)


def _finding(
    code: str, sev: Severity, title: str, message: str, where: Provenance | None = None, **kw: Any
) -> Finding:
    return Finding(code=code, severity=sev, title=title, message=message, location=where, **kw)


@rule("C01", "必备部分", ERROR)
def required_parts(d: Disclosure) -> Iterator[Finding]:
    """Present: 概况 (职能/职责 and 机构设置 or 单位构成), the tables, 情况说明 and 名词解释."""
    parts = {
        "第一部分 概况 (职责与机构设置)": bool(d.profile.sections),
        "情况说明": bool(d.narrative),
        "名词解释": bool(d.glossary),
    }
    for name, present in parts.items():
        if not present:
            yield _finding(
                "C01", ERROR, "必备部分", f"the part {name} was not found", expected=name, actual="absent"
            )


@rule("C02", "必备表格", ERROR, kinds=("决算",))
def required_tables(d: Disclosure) -> Iterator[Finding]:
    """Every table of the profile is recognised, by title and header: F01–F09 (+F10 in Shanxi)."""
    present = {t.id for t in d.tables}
    for tid in profile_of(d)["tables"]:
        if tid not in present:
            yield _finding(
                "C02",
                ERROR,
                "必备表格",
                f"{tid} {NAMES[tid]} was not found",
                expected=NAMES[tid],
                actual="absent",
                table=tid,
            )


@rule("C03", "表格顺序", WARNING, kinds=("决算",))
def table_order(d: Disclosure) -> Iterator[Finding]:
    """Tables appear in the profile's order (e.g. Henan 2023 prints “三公” ninth)."""
    order = [t for t in profile_of(d)["tables"] if d.table(t)]
    printed = [t.id for t in d.tables if t.id in order]
    if printed != order:
        first = next(i for i, (a, b) in enumerate(zip(printed, order, strict=False)) if a != b)
        t = d.table(printed[first])
        yield _finding(
            "C03",
            WARNING,
            "表格顺序",
            f"tables are printed in the order {' '.join(printed)}; the profile's order is {' '.join(order)}",
            t.prov if t else None,
            expected=" ".join(order),
            actual=" ".join(printed),
        )


EMPTY_STATEMENT = re.compile(r"无数据|此表为空|本表为空表|无此项")


def _amounts(t: Table) -> list[tuple[str, str]]:
    return [(r.key, c.raw) for r in t.rows for c in r.cells if c.state is CellState.NUMBER and c.value]


@rule("C04", "空表说明", ERROR)
def empty_table_statement(d: Disclosure) -> Iterator[Finding]:
    """A table whose amounts are all zero or blank carries an empty-table statement
    (“说明：…故本表无数据。”, “注：…本表无数据”); a table with such a statement has no
    non-zero amount."""
    for t in d.tables:
        if t.id not in ("F07", "F08", "F09"):
            continue
        stated = [s for s in (*t.statements, *t.notes) if EMPTY_STATEMENT.search(s)]
        amounts = _amounts(t)
        if not amounts and not stated and t.rows:
            yield _finding(
                "C04",
                ERROR,
                "空表说明",
                f"{t.id} {t.title} has no amounts but no statement that it is empty (说明：…故本表无数据)",
                t.prov,
                expected="说明：…本表无数据",
                actual="no statement",
                table=t.id,
            )
        if amounts and stated:
            key, raw = amounts[0]
            yield _finding(
                "C04",
                ERROR,
                "空表说明",
                f"{t.id} says “{stated[0]}” but prints {raw} in row {key}",
                t.prov,
                expected="no amounts",
                actual=raw,
                table=t.id,
                row=key,
            )


@rule("C05", "情况说明章节", ERROR, kinds=("决算",))
def narrative_sections(d: Disclosure) -> Iterator[Finding]:
    """Every section of the profile's list (TABLES.md §4.1) is present, in order; a missing
    section is an error, a section out of order a warning."""
    if not d.narrative:
        return  # C01 reports the missing part
    expected = profile_of(d)["sections"]
    printed = [s.key for s in d.narrative if s.key]
    for key in expected:
        if key not in printed:
            yield _finding(
                "C05",
                ERROR,
                "情况说明章节",
                f"section {key}、 of 情况说明 is missing",
                expected=key,
                actual="absent",
            )
    seen = [k for k in printed if k in expected]
    if seen != [k for k in expected if k in seen]:
        yield _finding(
            "C05",
            WARNING,
            "情况说明章节",
            f"sections are printed in the order {'、'.join(seen)}",
            expected="、".join(k for k in expected if k in seen),
            actual="、".join(seen),
        )


PLACEHOLDER = re.compile(
    r"X{2,}|X万元|（综述内容）|\(综述内容\)|（如持平作持平表述）|（不涉及的不列）|待补充|待填写|TODO|TBD|【\s*】|。。。"
    r"|按上述格式依次说明|由主管部门[^。]{0,20}填写"
    # a template sentence filled with 0 or 无 where the profile has a null form
    r"|对0等0个|选取[^。]{0,12}0项目|等级为无(?=[。，；]|$)"
)


def _texts(d: Disclosure) -> Iterator[tuple[str, TextLine]]:
    for where, sections in (("情况说明", d.narrative), ("概况", d.profile.sections)):
        for s in sections:
            yield f"{where} {s.heading}", TextLine(text=s.heading, prov=s.lines[0].prov if s.lines else None)
            yield from ((f"{where} {s.heading}", ln) for ln in s.lines)
    for g in d.glossary:
        yield "名词解释", TextLine(text=f"{g.term}：{g.definition}", prov=g.prov)


@rule("C09", "占位符与模板残留", ERROR)
def placeholders(d: Disclosure) -> Iterator[Finding]:
    """No unfilled placeholder or template instruction remains: XX, X万元, （综述内容）,
    （如持平作持平表述）, （不涉及的不列）, 待补充, 待填写, TODO, 【】, 。。。, “按上述格式依次说明…”,
    “由主管部门…填写”."""
    for where, line in _texts(d):
        found = [m.group(0) for m in PLACEHOLDER.finditer(line.text)]
        if found:  # one finding per printed line, naming every placeholder on it
            first = PLACEHOLDER.search(line.text)
            yield _finding(
                "C09",
                ERROR,
                "占位符与模板残留",
                f"{where}: unfilled {'、'.join(dict.fromkeys(found))} in “{_around(line.text, first.start() if first else 0)}”",
                line.prov,
                expected="filled text",
                actual="、".join(found),
            )


def _around(text: str, at: int, width: int = 24) -> str:
    return text[max(0, at - width) : at + width].strip()


@rule("C10", "年度一致", ERROR)
def year_consistency(d: Disclosure) -> Iterator[Finding]:
    """Every table header names the fiscal year of the disclosure (“2023年度”); a templated
    sentence of 情况说明 that opens with “{YYYY}年度” names year Y or Y−1 (else a warning)."""
    y = d.meta.fiscal_year
    if y is not None:
        for s in d.narrative:
            for line in s.lines:
                for m in re.finditer(r"(?:^|[。；])\s*(\d{4})年度", line.text):
                    if int(m.group(1)) not in (y, y - 1):
                        yield _finding("C10", WARNING, "年度一致", f"§{s.key} opens a sentence with {m.group(1)}年度; the disclosure is for {y}",
                                       line.prov, expected=f"{y}年度", actual=f"{m.group(1)}年度")  # fmt: skip
    for t in d.tables:
        if y is not None and t.year is not None and t.year != y:
            yield _finding(
                "C10",
                ERROR,
                "年度一致",
                f"{t.id} header says {t.year}年度, the disclosure is for {y}",
                t.prov,
                expected=str(y),
                actual=str(t.year),
                table=t.id,
            )


_ORG = r"(?:局|厅|院|委员会|中心|办公室|管理处|队|学校|学院)"


@rule("C11", "主体名称一致", ERROR)
def entity_consistency(d: Disclosure) -> Iterator[Finding]:
    """The entity in every table header (部门：/部门名称：/单位：) is the disclosure's entity, and
    the 情况说明 names no other body of the same place as its subject (“2023年{name}…”) unless
    第一部分 lists it as one of the units."""
    e = d.meta.entity
    region = re.match(r"^.{2,6}?[省市区县州盟旗]", e or "")
    if e and region:
        known = {norm(e), *(norm(n) for n in d.profile.unit_names)}
        subject = re.compile(
            rf"\d{{4}}年度?({re.escape(region.group(0))}[\u4e00-\u9fa5（）]{{2,24}}?{_ORG})(?=[\u4e00-\u9fa5，]|$)"
        )
        for where, line in _texts(d):
            for m in subject.finditer(line.text):
                if norm(m.group(1)) not in known:
                    yield _finding("C11", ERROR, "主体名称一致", f"{where}: “{m.group(1)}” is not {e} nor one of its units",
                                   line.prov, expected=e, actual=m.group(1))  # fmt: skip
    for t in d.tables:
        a, b = norm(t.entity or ""), norm(e or "")
        if a and b and not (a == b or a.startswith(b) or b.startswith(a)):  # a wrapped or short form
            yield _finding(
                "C11",
                ERROR,
                "主体名称一致",
                f"{t.id} header names {t.entity}, the disclosure is for {e}",
                t.prov,
                expected=e,
                actual=t.entity,
                table=t.id,
            )


@rule("C12", "计量单位一致", ERROR)
def unit_consistency(d: Disclosure) -> Iterator[Finding]:
    """All public tables share one unit (万元 or 元)."""
    unit = d.meta.unit
    for t in d.tables:
        if t.unit is not unit:
            yield _finding(
                "C12",
                ERROR,
                "计量单位一致",
                f"{t.id} is in {t.unit.value}, the other tables in {unit.value}",
                t.prov,
                expected=unit.value,
                actual=t.unit.value,
                table=t.id,
            )


@rule("C13", "表注", WARNING, kinds=("决算",))
def table_notes(d: Disclosure) -> Iterator[Finding]:
    """Each table carries its note “注：本表反映…”."""
    for t in d.tables:
        if not any("本表反映" in n for n in t.notes):
            yield _finding(
                "C13",
                WARNING,
                "表注",
                f"{t.id} {t.title} has no note “注：本表反映…”",
                t.prov,
                expected="注：本表反映…",
                actual="no note",
                table=t.id,
            )


@rule("C19", "名词解释", WARNING, kinds=("决算",))
def glossary_terms(d: Disclosure) -> Iterator[Finding]:
    """The profile's fixed glossary terms are present (TABLES.md §5)."""
    if not d.glossary:
        return  # C01
    terms = [norm(g.term) for g in d.glossary]
    for want in profile_of(d)["glossary"]:
        w = norm(want)
        if not any(w in t or t in w for t in terms):
            yield _finding(
                "C19",
                WARNING,
                "名词解释",
                f"the glossary has no entry for {want}",
                expected=want,
                actual="absent",
            )


def section(d: Disclosure, key: str) -> Section | None:
    return next((s for s in d.narrative if s.key == key), None)


TOP_MARKER = re.compile(r"^[一二三四五六七八九十]+、")
ORDINALS = "一二三四五六七八九十"


def _ordinal(key: str) -> int:
    """一 → 1 … 十三 → 13."""
    if key == "十":
        return 10
    if key.startswith("十"):
        return 10 + ORDINALS.index(key[1]) + 1
    if key.endswith("十"):
        return (ORDINALS.index(key[0]) + 1) * 10
    if "十" in key:
        return (ORDINALS.index(key[0]) + 1) * 10 + ORDINALS.index(key[2]) + 1
    return ORDINALS.index(key) + 1


@rule("C06", "标题编号", WARNING)
def heading_numbers(d: Disclosure) -> Iterator[Finding]:
    """Section numbers run 一、二、三… without gaps or repeats, and no top-level marker
    (“一、…”) starts a line inside a section."""
    keys = [s.key for s in d.narrative if s.key]
    numbers = [_ordinal(k) for k in keys]
    if numbers != list(range(1, len(numbers) + 1)):
        yield _finding("C06", WARNING, "标题编号", f"sections are numbered {'、'.join(keys)}",
                       expected="一、二、三… in sequence", actual="、".join(keys))  # fmt: skip
    for s in d.narrative:
        for line in s.lines:
            if TOP_MARKER.match(line.text):
                yield _finding("C06", WARNING, "标题编号", f"“{line.text[:20]}” inside section {s.key} uses a top-level number",
                               line.prov, expected="（一） or 1.", actual=line.text[:8])  # fmt: skip


@rule("C07", "标题文字", ERROR, kinds=("决算",))
def heading_text(d: Disclosure) -> Iterator[Finding]:
    """Each section heading matches the canonical title of its number (TABLES.md §4.1); a
    heading that repeats another section's title is an error."""
    canonical = dict(zip(profile_of(d)["sections"], profile_of(d).get("headings", []), strict=False))
    for s in d.narrative:
        want = canonical.get(s.key)
        if want is None:
            continue
        got = norm(s.heading.split("、", 1)[-1])
        other = next((k for k, v in canonical.items() if k != s.key and norm(v) == got), None)
        if other is not None:
            yield _finding("C07", ERROR, "标题文字", f"section {s.key} is titled like section {other}: “{s.heading}”",
                           s.lines[0].prov if s.lines else None, expected=want, actual=s.heading)  # fmt: skip
        elif difflib.SequenceMatcher(None, got, norm(want)).ratio() < 0.75:
            yield _finding("C07", ERROR, "标题文字", f"section {s.key} is titled “{s.heading}”",
                           s.lines[0].prov if s.lines else None, expected=want, actual=s.heading)  # fmt: skip


@rule("C14", "单位数与名单", ERROR)
def unit_count(d: Disclosure) -> Iterator[Finding]:
    """“纳入…编制范围的单位共N个” (or “有N个预算单位”) equals the length of the unit list."""
    p = d.profile
    if p.units is not None and p.unit_names and len(p.unit_names) != p.units:
        yield _finding("C14", ERROR, "单位数与名单", f"the profile states {p.units} units but lists {len(p.unit_names)}",
                       expected=str(p.units), actual=str(len(p.unit_names)))  # fmt: skip


@rule("C15", "数字格式", WARNING)
def number_format(d: Disclosure) -> Iterator[Finding]:
    """Table amounts carry two decimals (warning); narrative percentages carry two decimals
    (info: a coarser one is checked at its own precision)."""
    from yujuesuan.narrative.claims import claims

    for t in d.tables if d.meta.kind.value == "决算" else ():  # budgets print 12.3 and 38 as well
        for r in t.rows:
            for c in r.cells:
                if r.unit is None and c.value is not None and c.value.as_tuple().exponent != -2:
                    yield _finding("C15", WARNING, "数字格式", f"{t.id} {r.code or r.key} prints {c.raw}", c.prov,
                                   expected="two decimals", actual=c.raw, table=t.id, row=r.key, column=c.column)  # fmt: skip
    for s in d.narrative:
        for claim in claims(s):
            if claim.is_percent and claim.value.as_tuple().exponent != -2:
                yield _finding(
                    "C15", INFO, "数字格式", f"§{s.key} prints {claim.raw}% at another precision than two decimals",
                    claim.prov, expected="two decimals", actual=f"{claim.raw}%",
                )  # fmt: skip


@rule("C16", "截断与空节", ERROR)
def empty_sections(d: Disclosure) -> Iterator[Finding]:
    """No section of 情况说明 is empty."""
    for s in d.narrative:
        if s.key and not s.text.strip():
            yield _finding(
                "C16",
                ERROR,
                "截断与空节",
                f"section {s.heading} has no text",
                expected="text",
                actual="empty",
            )


@rule("C17", "交叉引用", WARNING)
def cross_references(d: Disclosure) -> Iterator[Finding]:
    """“详见第五部分附件” / “详见附件” point at an annex that exists."""
    if d.attachments:
        return
    for where, line in _texts(d):
        m = re.search(r"详见[“\"]?第五部分附件|详见附件\d*", line.text)
        if m:
            yield _finding("C17", WARNING, "交叉引用", f"{where}: “{m.group(0)}” but the document has no annex",
                           line.prov, expected="an annex", actual="none")  # fmt: skip


def _reversed_quotes(text: str) -> bool:
    """A closing ” with no opening “ before it (”三公“)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                return True
            depth -= 1
    return False


REPEATED = re.compile(r"([^，。；：\d]{6,}?[，：]?)\1")


@rule("C18", "文字瑕疵", INFO)
def text_flaws(d: Disclosure) -> Iterator[Finding]:
    """A clause printed twice in a row, or reversed quotation marks (”…“)."""
    for where, line in _texts(d):
        m = REPEATED.search(line.text)
        if m:
            yield _finding("C18", INFO, "文字瑕疵", f"{where}: “{m.group(1)}” is printed twice", line.prov,
                           expected=m.group(1), actual=m.group(0))  # fmt: skip
        if _reversed_quotes(line.text):
            yield _finding("C18", INFO, "文字瑕疵", f"{where}: reversed quotation marks in “{line.text[:30]}”", line.prov,
                           expected="“…”", actual="”…“")  # fmt: skip


@rule("C20", "公开时限", INFO, needs="EXT")
def publication_delay(d: Disclosure) -> Iterator[Finding]:
    """Publication date − approval date ≤ 20 days (财预〔2016〕143号)."""
    return iter(())


@rule("C21", "重复表格", WARNING)
def duplicate_tables(d: Disclosure) -> Iterator[Finding]:
    """A canonical table appears once."""
    seen: set[str] = set()
    for t in d.tables:
        if t.id in seen:
            yield _finding("C21", WARNING, "重复表格", f"{t.id} {t.title} appears twice", t.prov,
                           expected="once", actual="twice", table=t.id)  # fmt: skip
        seen.add(t.id)


@rule("C08", "目录一致", WARNING)
def contents_match(d: Disclosure) -> Iterator[Finding]:
    """The 目录 entries of 情况说明 equal the section headings of the body, text and order."""
    if not d.contents:
        return
    entries: list[str] = []
    inside = False
    for e in d.contents:
        if e.startswith("第"):
            inside = "说明" in e and "名词" not in e
            continue
        if inside:
            entries.append(e)
    headings = [s.heading for s in d.narrative if s.key]
    for i, (entry, heading) in enumerate(zip(entries, headings, strict=False)):
        if norm(entry) != norm(heading):
            section = d.narrative[i] if i < len(d.narrative) else None
            where = section.lines[0].prov if section and section.lines else None
            yield _finding("C08", WARNING, "目录一致", f"the 目录 lists “{entry}” where the body has “{heading}”", where,
                           expected=heading, actual=entry)  # fmt: skip
    if len(entries) != len(headings) and entries:
        yield _finding("C08", WARNING, "目录一致", f"the 目录 lists {len(entries)} sections of 情况说明, the body has {len(headings)}",
                       expected=str(len(headings)), actual=str(len(entries)))  # fmt: skip
