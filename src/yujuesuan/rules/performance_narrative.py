"""Grades (P08) and the performance narrative against its annex (P15): RULES.md §5.1, §8 P.

The 预算绩效 narrative (十三, *S* 十（四）, *SH24* 十) counts the projects it evaluated,
their grades and funds, and restates each project's score; the annex prints the tables
those sentences come from. Sentences are read from the rejoined section text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.performance import SelfEvaluation
from yujuesuan.model.provenance import Provenance
from yujuesuan.model.tables import CellState, Unit
from yujuesuan.narrative.claims import Claim
from yujuesuan.rules.evaluations import as_scores, named
from yujuesuan.rules.narrative import Read, in_unit, reads
from yujuesuan.rules.registry import rule
from yujuesuan.rules.tolerance import Outcome, fmt, judge, quantum

ERROR = Severity.ERROR
INFO = Severity.INFO
_NUMBER = r"(\d+(?:\.\d+)?)"
_GRADE = r"[“\"]?(优|良|中|差|合格|不合格)[”\"]?"
# “得分为94.57分，等级为优”, “得分96.76分，属于“优””, “得分98.64分，评价结论为优”
SCORE_GRADE = re.compile(_NUMBER + r"\s*分[，,]?\s*(?:等级为|属于|评价结论为|评价等级为|绩效等级为)" + _GRADE)
# The number of projects the annex evaluates, as the sentences count them.
PROJECT_COUNT = re.compile(
    r"(?:自评项目共计|涵盖项目|涉及项目共|一级项目绩效自评个数|涵盖一级项目)(\d+)个|(\d+)个项目支出绩效自评中"
)
GRADE_COUNT = re.compile(r"(\d+)个项目自评等级为" + _GRADE)
AT_LEAST = re.compile(r"(?:全部|均)在" + _NUMBER + r"分(?:及|以)以?上")
ALL_GRADE = re.compile(r"(?:均为|全部为|均属于|均评为)" + _GRADE)
ALL_FULL = re.compile(r"均为满分")
FUNDS = re.compile(r"涉及(?:预算)?资金" + r"([\d,]+(?:\.\d+)?)\s*(万元|元)")
OVERALL_SCORE = re.compile(
    r"(?:部门整体支出绩效自评结果为|整体绩效自评得分为|整体支出绩效自评得分为)" + _NUMBER + "分"
)
OVERALL_FUNDS = re.compile(r"整体支出绩效自评[，,]涉及(?:预算)?资金([\d,]+(?:\.\d+)?)\s*(万元|元)")
ANNEX_REF = re.compile(r"详见附件(\d+)")
# In a project's paragraph (*S*): its score, 全年预算, 执行数 and 执行率.
NAMED_SCORE = re.compile(r"得分" + _NUMBER + r"分")
NAMED_BUDGET = re.compile(r"全年预算(?:数为|为)?([\d,]+(?:\.\d+)?)\s*(万元|元)")
NAMED_EXECUTED = re.compile(r"执行数(?:为)?([\d,]+(?:\.\d+)?)\s*(万元|元)")
NAMED_RATE = re.compile(r"执行率(?:为)?" + _NUMBER + "%")

LABELS = {"default": ("优", "良", "中", "差"), "final/shanghai-2024": ("优", "良", "合格", "不合格")}


def band(score: Decimal, profile: str = "") -> str:
    """RULES.md §5.1: 90, 80 and 60 are inclusive lower bounds."""
    good, fair, pass_, fail = LABELS.get(profile, LABELS["default"])
    return good if score >= 90 else fair if score >= 80 else pass_ if score >= 60 else fail


def _canon(grade: str) -> str:
    """合格 and 中 name the same band, as do 不合格 and 差."""
    return {"合格": "中", "不合格": "差"}.get(grade, grade)


def _same_grade(printed: str, score: Decimal, profile: str) -> bool:
    return _canon(printed) == _canon(band(score, profile))


def converted(value: Decimal, source: Unit, target: str) -> Decimal:
    """``value`` in the other unit, keeping its printed precision (100.794万元 → 1007940元,
    precise to 10元), so a rounding allowance computed from it is the source's."""
    out = in_unit(value, source, target)
    exponent = value.as_tuple().exponent
    if source.value == target or not isinstance(exponent, int):
        return out
    shift = 4 if target == "元" else -4
    return out.quantize(Decimal(1).scaleb(exponent + shift))


def _located(r: Read, offset: int) -> Provenance | None:
    """The line of the figure printed nearest to ``offset`` of the section text."""
    best: Claim | None = min(r.claims, key=lambda c: abs(c.start - offset), default=None)
    return best.prov if best is not None else (r.section.lines[0].prov if r.section.lines else None)


def _performance_reads(d: Disclosure) -> list[Read]:
    return [r for r in reads(d) if "绩效" in r.section_text and "自评" in r.section_text]


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for m in re.finditer(r"[^。]+。?", text):
        yield m.start(), m.group(0)


class Said(NamedTuple):
    """A sentence of a section: where it starts in the section text, and its text."""

    read: Read
    start: int
    text: str

    def at(self, offset: int) -> Provenance | None:
        return _located(self.read, self.start + offset)


class AnnexScore(NamedTuple):
    """A project the annex scores: how findings name it, its 总分 (None if blank), its
    printed grade and where its table is."""

    name: str
    score: Decimal | None
    grade: str | None
    at: Provenance | None


def _scores(d: Disclosure) -> list[AnnexScore]:
    """(name, total, printed grade, where) of every project the annex scores: the A02 tables,
    else the 自评汇总表 rows. A blank 总分 is None."""
    projects = [e for e in d.performance.evaluations if e.form == "A02"]
    if projects:
        return [AnnexScore(named(e), _total(e), e.grade, e.prov) for e in projects]
    return [
        AnnexScore(f"A03 “{r.name}”", r.value("score"), None, r.prov) for r in d.performance.project_scores
    ]


def _total(e: SelfEvaluation) -> Decimal | None:
    return e.total.value if e.total is not None and e.total.state is CellState.NUMBER else None


@rule("P08", "等级", ERROR, kinds=("决算",))
def grades(d: Disclosure) -> Iterator[Finding]:
    """等级 = band(总分) (≥90 优, ≥80 良, ≥60 中, else 差; *SH24* 合格/不合格) wherever a
    score and its grade are printed together: a self-evaluation's 总分 and 等级, an
    evaluation report's 表3-1 rows and headline, and a sentence “得分为{s}分，等级为{g}” / “属于“{g}”” / “评价结论为{g}”."""
    profile = d.meta.profile
    for e in d.performance.evaluations:
        score = _total(e)
        if e.grade and score is not None and not _same_grade(e.grade, score, profile):
            yield Finding(
                code="P08", severity=ERROR, title="等级", table=e.form,
                message=f"{named(e)}: 总分 {fmt(score)} is {band(score, profile)}, printed {e.grade}",
                expected=band(score, profile), actual=e.grade, location=e.total.prov if e.total else e.prov,
            )  # fmt: skip
    for report in d.performance.reports:
        graded = [(x.score.value, x.grade, x.prov) for x in report.results]
        graded += [(s.score.value, s.grade, s.prov) for s in report.statements if s.grade and s.score]
        for value, printed, at in graded:
            if value is not None and printed and not _same_grade(printed, value, profile):
                yield Finding(
                    code="P08", severity=ERROR, title="等级", table="A04", location=at,
                    message=f"{report.title}: {fmt(value)}分 is {band(value, profile)}, printed {printed}",
                    expected=band(value, profile), actual=printed,
                )  # fmt: skip
    for r in _performance_reads(d):
        for m in SCORE_GRADE.finditer(r.section_text):
            score, printed = Decimal(m.group(1)), m.group(2)
            if not _same_grade(printed, score, profile):
                yield Finding(
                    code="P08", severity=ERROR, title="等级",
                    message=f"“{m.group(0)}”: {fmt(score)}分 is {band(score, profile)}, printed {printed}",
                    expected=band(score, profile), actual=printed, location=_located(r, m.start()),
                )  # fmt: skip


def _p15(message: str, at: Provenance | None, **kw: str) -> Finding:
    return Finding(code="P15", severity=ERROR, title="叙述 ↔ 附件", message=message, location=at, **kw)


@rule("P15", "叙述 ↔ 附件", ERROR, kinds=("决算",))
def narrative_against_annex(d: Disclosure) -> Iterator[Finding]:
    """The performance narrative against its annex: the project count (“自评项目共计n个”,
    “涵盖项目n个”, “n个项目支出绩效自评中”, *S* “一级项目绩效自评个数n个”) = the A02 tables (or
    the A03 rows); the 优/良/中/差 counts of that sentence = the bands of their 总分; its
    “涉及资金X” = Σ 全年预算数 (or Σ 年初预算数); universal claims (“全部在90分及以上”,
    “均为优”, “均为满分”) hold for every printed 总分; a project's paragraph that points to
    附件k restates that table's 总分, 全年预算数, 全年执行数 and 执行率; the 部门整体 score and
    涉及资金 = the A01 总分 and its 全年预算数 (or 年初预算数). Without the annex table a claim
    is not checked."""
    scores = _scores(d)
    overall = next((e for e in d.performance.evaluations if e.form == "A01"), None)
    projects = [e for e in d.performance.evaluations if e.form == "A02"]
    profile = d.meta.profile
    for r in _performance_reads(d):
        text = r.section_text
        for start, sentence in _sentences(text):
            said = Said(r, start, sentence)
            counts = list(PROJECT_COUNT.finditer(sentence))
            if scores and len(counts) == 1 and "二级项目" not in sentence:
                m = counts[0]
                n = int(m.group(1) or m.group(2))
                at = _located(r, start + m.start())
                if n != len(scores):
                    yield _p15(f"“{m.group(0)}”: the annex holds {len(scores)} project tables",
                               at, expected=str(len(scores)), actual=str(n))  # fmt: skip
                yield from _grade_counts(said, scores, profile)
                yield from _annex_funds(said, projects, d)
            if scores:
                yield from _universal(said, scores, profile)
            if overall is not None:
                yield from _overall(said, overall)
        yield from _named_projects(r, projects)


def _grade_counts(said: Said, scores: Sequence[AnnexScore], profile: str) -> Iterator[Finding]:
    graded = [_canon(band(s, profile)) if s is not None else None for _, s, _, _ in scores]
    if None in graded:
        return  # a 总分 left blank: P07 reports it
    for m in GRADE_COUNT.finditer(said.text):
        n, grade = int(m.group(1)), m.group(2)
        have = graded.count(_canon(grade))
        if n != have:
            yield _p15(f"“{m.group(0)}”: {have} of the annex's {len(scores)} projects score {grade}",
                       said.at(m.start()), expected=str(have), actual=str(n))  # fmt: skip


def _annex_funds(said: Said, projects: Sequence[SelfEvaluation], d: Disclosure) -> Iterator[Finding]:
    """“涉及资金X” of the counting sentence = Σ 全年预算数 of the tables, or Σ 年初预算数."""
    if not projects and not d.performance.project_scores:
        return
    for m in FUNDS.finditer(said.text):
        stated, unit = Decimal(m.group(1).replace(",", "")), m.group(2)
        if projects:
            sums = {
                column: [f.cell(column) for e in projects if (f := e.funding_total) is not None]
                for column in ("budget", "initial")
            }
            annex_unit = projects[0].unit
        else:
            sums = {"budget": [s.cell("budget") for s in d.performance.project_scores]}
            annex_unit = d.meta.unit
        best: tuple[Outcome, Decimal, str] | None = None
        for column, cells in sums.items():
            values = [c.value for c in cells if c is not None and c.value is not None]
            if not values:
                continue
            finest = min(quantum(v) for v in values)  # 40 in a column of 158.774 is 40.000
            addends = [converted(v.quantize(finest), annex_unit, unit) for v in values]
            total = sum(addends, Decimal(0))
            outcome, delta, _ = judge(stated, total, [stated, *addends])
            if best is None or outcome is not Outcome.FAIL or abs(delta) < abs(stated - best[1]):
                best = (outcome, total, column)
            if outcome is not Outcome.FAIL:
                break
        if best is None or best[0] is Outcome.PASS:
            continue
        outcome, total, column = best
        header = "全年预算数" if column == "budget" else "年初预算数"
        rounding = outcome is Outcome.ROUNDING
        yield Finding(
            code="P15", severity=INFO if rounding else ERROR, title="叙述 ↔ 附件", rounding=rounding,
            message=f"“{m.group(0)}”: Σ {header} of the annex is {fmt(total)}{unit}",
            expected=f"{fmt(total)}{unit}", actual=f"{m.group(1)}{unit}", difference=fmt(stated - total),
            location=said.at(m.start()),
        )  # fmt: skip


def _universal(said: Said, scores: Sequence[AnnexScore], profile: str) -> Iterator[Finding]:
    printed = [(name, s, at) for name, s, _, at in scores if s is not None]
    claims: list[tuple[re.Match[str], list[tuple[str, Decimal, Provenance | None]]]] = []
    for m in AT_LEAST.finditer(said.text):
        claims.append((m, [x for x in printed if x[1] < Decimal(m.group(1))]))
    for m in ALL_GRADE.finditer(said.text):
        claims.append((m, [x for x in printed if not _same_grade(m.group(1), x[1], profile)]))
    for m in ALL_FULL.finditer(said.text):
        claims.append((m, [x for x in printed if x[1] != 100]))
    for m, against in claims:
        if against:
            listed = "; ".join(f"{name} {fmt(s)}" for name, s, _ in against)
            yield Finding(
                code="P15", severity=ERROR, title="叙述 ↔ 附件",
                message=f"“{m.group(0)}” does not hold for {len(against)} of the {len(printed)} annex tables with a printed 总分: {listed}",
                expected=m.group(0), actual=listed, location=said.at(m.start()),
                related=tuple(at for _, _, at in against if at is not None),
            )  # fmt: skip


def _overall(said: Said, overall: SelfEvaluation) -> Iterator[Finding]:
    """The 部门整体 score and funds against the A01 table."""
    total = _total(overall)
    for m in OVERALL_SCORE.finditer(said.text):
        stated = Decimal(m.group(1))
        if total is not None and stated != total:
            yield _p15(f"“{m.group(0)}”: the 部门整体支出绩效自评表 gives 总分 {fmt(total)}",
                       said.at(m.start()), expected=fmt(total), actual=fmt(stated))  # fmt: skip
    funding = overall.funding_total
    if funding is None:
        return
    for m in OVERALL_FUNDS.finditer(said.text):
        stated = in_unit(Decimal(m.group(1).replace(",", "")), Unit(m.group(2)), overall.unit.value)
        candidates = [v for c in ("budget", "initial", "executed") if (v := funding.value(c)) is not None]
        if candidates and all(
            judge(stated, v, as_scores([stated, v]))[0] is Outcome.FAIL for v in candidates
        ):
            shown = ", ".join(
                f"{h} {fmt(v)}"
                for h, v in zip(("全年预算数", "年初预算数", "全年执行数"), candidates, strict=False)
            )
            yield _p15(f"“{m.group(0)}”: the 部门整体支出绩效自评表 prints {shown}{overall.unit.value}",
                       said.at(m.start()), expected=shown, actual=m.group(1) + m.group(2))  # fmt: skip


def _named_projects(r: Read, projects: Sequence[SelfEvaluation]) -> Iterator[Finding]:
    """A paragraph ending “（项目自评表详见附件k）” restates table k."""
    text = r.section_text
    previous = 0
    for ref in ANNEX_REF.finditer(text):
        k = int(ref.group(1))
        segment_start, segment = previous, text[previous : ref.start()]
        previous = ref.end()
        if not 1 <= k <= len(projects):
            continue
        e = projects[k - 1]
        funding = e.funding_total
        checks: list[tuple[re.Pattern[str], Decimal | None, str, bool]] = [
            (NAMED_SCORE, _total(e), "总分", False),
            (NAMED_BUDGET, funding.value("budget") if funding else None, "全年预算数", True),
            (NAMED_EXECUTED, funding.value("executed") if funding else None, "全年执行数", True),
            (NAMED_RATE, funding.value("rate") if funding else None, "执行率", False),
        ]
        for pattern, want, header, money in checks:
            matches = list(pattern.finditer(segment))
            if not matches or want is None:
                continue
            m = matches[-1]
            stated = Decimal(m.group(1).replace(",", ""))
            if money:
                unit = m.group(2)
                want_in = converted(want, e.unit, unit)
                outcome, delta, _ = judge(stated, want_in, [stated, want_in])
                shown = f"{fmt(want)}{e.unit.value}"
            else:
                outcome = Outcome.PASS if stated == want else Outcome.FAIL
                delta, shown = stated - want, fmt(want)
            if outcome is Outcome.PASS:
                continue
            rounding = outcome is Outcome.ROUNDING
            yield Finding(
                code="P15", severity=INFO if rounding else ERROR, title="叙述 ↔ 附件", rounding=rounding,
                message=f"“{m.group(0)}” (附件{k}): {named(e)} prints {header} {shown}",
                expected=shown, actual=m.group(0), difference=fmt(delta),
                location=_located(r, segment_start + m.start()), related=tuple(p for p in (e.prov,) if p),
            )  # fmt: skip
