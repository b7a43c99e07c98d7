"""Run the rulebook over a disclosure: select rules, skip what lacks its data, collect."""

from __future__ import annotations

from dataclasses import dataclass, field

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity
from yujuesuan.rules.registry import Rule, all_rules, selected


@dataclass
class Result:
    """One document's findings, and the rules that ran or were skipped, and why."""

    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # code → reason

    def count(self, severity: Severity, rounding: bool | None = None) -> int:
        return sum(
            1
            for f in self.findings
            if f.severity is severity and (rounding is None or f.rounding == rounding)
        )


def run(d: Disclosure, select: list[str] | None = None, ignore: list[str] | None = None) -> Result:
    result = Result(d)
    present = {t.id for t in d.tables}
    for r in selected(all_rules(), select, ignore):
        if d.meta.kind.value not in r.kinds:
            continue  # a final-account rule on a budget, or the other way round
        reason = _skip_reason(r, present, d)
        if reason:
            result.skipped[r.code] = reason
            continue
        result.ran.append(r.code)
        result.findings.extend(r.check(d))
    return result


def _skip_reason(r: Rule, present: set[str], d: Disclosure) -> str | None:
    if r.needs != "D":
        return f"needs {r.needs} data, which was not supplied"
    missing = [t for t in r.tables if t not in present]
    if missing:
        return f"table {', '.join(missing)} not in this disclosure"
    return None
