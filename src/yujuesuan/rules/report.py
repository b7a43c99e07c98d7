"""Check reports: text for the terminal, JSON close to Frictionless's validation report,
and one self-contained HTML page a reviewer can send on."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from yujuesuan.model.findings import Finding, Severity
from yujuesuan.model.provenance import Provenance
from yujuesuan.rules.engine import Result

ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
HEADINGS = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def shown(result: Result, min_severity: Severity) -> list[Finding]:
    """Findings at or above the threshold; rounding notes only when info is asked for."""
    return [f for f in result.findings if f.severity.rank >= min_severity.rank]


def where(p: Provenance | None) -> str:
    if p is None:
        return ""
    bits = []
    if p.page is not None:
        bits.append(f"p.{p.page}")
    if p.line is not None:
        bits.append(f"l.{p.line}")
    if p.cell is not None and p.page is None and p.line is None:
        bits.append(p.cell)
    return " ".join(bits)


def title_of(result: Result) -> str:
    m = result.disclosure.meta
    return f"{m.entity or '?'} {m.fiscal_year or '?'}年度{m.scope.value}{m.kind.value}"


def stats(result: Result) -> dict[str, int]:
    return {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO, rounding=False),
        "rounding": result.count(Severity.INFO, rounding=True),
        "rules_run": len(result.ran),
        "rules_skipped": len(result.skipped),
    }


# ---------------------------------------------------------------- text


def to_text(results: Sequence[Result], min_severity: Severity) -> str:
    out: list[str] = []
    for r in results:
        source = ", ".join(s.name for s in r.disclosure.meta.sources)
        out.append(f"{source} — {title_of(r)}")
        findings = shown(r, min_severity)
        for sev in ORDER:
            group = [f for f in findings if f.severity is sev]
            if not group:
                continue
            out.append(f"  {HEADINGS[sev]} ({len(group)})")
            for f in group:
                loc = where(f.location)
                out.append(f"    {loc + '  ' if loc else ''}{f.code} {f.title}: {f.message}")
        s = stats(r)
        hidden = (
            ""
            if min_severity is Severity.INFO
            else f"; {s['rounding']} rounding and {s['infos']} info notes hidden"
        )
        out.append(
            f"  summary: {s['errors']} errors, {s['warnings']} warnings{hidden}; "
            f"{s['rules_run']} rules run, {s['rules_skipped']} skipped"
        )
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- json


def _finding(f: Finding) -> dict[str, Any]:
    d = f.model_dump(mode="json", exclude_none=True)
    d["type"] = f.code  # Frictionless names the error kind `type`
    return d


def to_json(results: Sequence[Result], min_severity: Severity) -> str:
    tasks: list[dict[str, Any]] = []
    for r in results:
        s = stats(r)
        tasks.append(
            {
                "name": ", ".join(x.name for x in r.disclosure.meta.sources),
                "title": title_of(r),
                "valid": s["errors"] == 0,
                "stats": s,
                "meta": r.disclosure.meta.model_dump(mode="json"),
                "errors": [_finding(f) for f in shown(r, min_severity)],
                "skipped": [{"code": c, "reason": why} for c, why in r.skipped.items()],
            }
        )
    total = {k: sum(t["stats"][k] for t in tasks) for k in ("errors", "warnings", "infos", "rounding")}
    report = {
        "valid": all(t["valid"] for t in tasks),
        "stats": {**total, "tasks": len(tasks)},
        "tasks": tasks,
    }
    return json.dumps(report, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------- html

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.92em}td,th{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4}table{table-layout:fixed}th:nth-child(1){width:6%}th:nth-child(2){width:10%}
th:nth-child(3){width:7%}th:nth-child(4){width:37%}th:nth-child(5),th:nth-child(6){width:15%}th:nth-child(7){width:10%}
td{overflow-wrap:anywhere}.error td:first-child{border-left:4px solid #c0392b}.warning td:first-child{border-left:4px solid #e1a100}
.info td:first-child{border-left:4px solid #7f8c8d}.num{font-variant-numeric:tabular-nums}
.sum{margin:.5em 0}.ok{color:#27ae60}.bad{color:#c0392b}small{color:#666}
"""


def to_html(results: Sequence[Result], min_severity: Severity) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang='zh'><head><meta charset='utf-8'>",
        "<title>yujuesuan check report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>预决算公开检查报告 · Disclosure check report</h1>",
    ]
    for r in results:
        s = stats(r)
        verdict = (
            "<span class='ok'>no errors</span>"
            if s["errors"] == 0
            else f"<span class='bad'>{s['errors']} errors</span>"
        )
        source = ", ".join(x.name for x in r.disclosure.meta.sources)
        parts.append(f"<h2>{e(title_of(r))}</h2><div><small>{e(source)}</small></div>")
        parts.append(
            f"<p class='sum'>{verdict}, {s['warnings']} warnings, {s['rounding']} rounding notes; "
            f"{s['rules_run']} rules run, {s['rules_skipped']} skipped.</p>"
        )
        findings = shown(r, min_severity)
        if findings:
            parts.append(
                "<table><tr><th>severity</th><th>rule</th><th>where</th><th>finding</th>"
                "<th>expected</th><th>found</th><th>difference</th></tr>"
            )
            for f in findings:
                parts.append(
                    f"<tr class='{f.severity.value}'><td>{f.severity.value}</td>"
                    f"<td><b>{e(f.code)}</b><br><small>{e(f.title)}</small></td>"
                    f"<td>{e(where(f.location))}</td><td>{e(f.message)}</td>"
                    f"<td class='num'>{e(f.expected or '')}</td><td class='num'>{e(f.actual or '')}</td>"
                    f"<td class='num'>{e(f.difference or '')}</td></tr>"
                )
            parts.append("</table>")
        if r.skipped:
            items = "".join(f"<li><b>{e(c)}</b> {e(why)}</li>" for c, why in r.skipped.items())
            parts.append(
                f"<details><summary>{len(r.skipped)} rules skipped</summary><ul>{items}</ul></details>"
            )
    parts.append(
        "<p><small>yujuesuan — differences within the rounding allowance of the printed precision are notes, not errors.</small></p>"
    )
    parts.append("</body></html>\n")
    return "".join(parts)
