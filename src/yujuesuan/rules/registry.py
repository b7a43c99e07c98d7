"""Every rule under its stable code: identities from refdata and Python checks alike.

A rule is a function from the whole Disclosure to findings (Beancount's validation
style). Its doc string is its documentation: `yjs rules` prints it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.findings import Finding, Severity

Check = Callable[[Disclosure], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    doc: str  # the formula and what it means
    severity: Severity
    check: Check
    needs: str = "D"  # D: the document alone; PY, AB, XD, EXT: other data (RULES.md §1.4)
    tables: tuple[str, ...] = field(default=())  # tables the rule names; it is skipped without them
    kinds: tuple[str, ...] = ("决算", "预算")  # the disclosures it applies to

    @property
    def family(self) -> str:
        return self.code.split("-")[0] if "-" in self.code else self.code.rstrip("0123456789")


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.code in _RULES:
        raise ValueError(f"rule {rule.code} registered twice")
    _RULES[rule.code] = rule
    return rule


def rule(
    code: str,
    title: str,
    severity: Severity,
    *,
    tables: tuple[str, ...] = (),
    needs: str = "D",
    kinds: tuple[str, ...] = ("决算", "预算"),
) -> Callable[[Check], Check]:
    """Register a Python check; its doc string becomes the rule's documentation."""

    def wrap(fn: Check) -> Check:
        register(
            Rule(
                code, title, (fn.__doc__ or "").strip(), severity, fn, needs=needs, tables=tables, kinds=kinds
            )
        )
        return fn

    return wrap


def all_rules() -> list[Rule]:
    """Every rule, loading the modules that register them, in code order."""
    from yujuesuan.rules import (  # noqa: F401  (registration)
        budget_narrative,
        codebook,
        completeness,
        evaluations,
        identities,
        indicator_scoring,
        narrative,
        performance,
        performance_narrative,
        report_scores,
        soft,
        structure,
    )

    return sorted(_RULES.values(), key=lambda r: _sort_key(r.code))


def _sort_key(code: str) -> tuple[str, int, int]:
    head, _, tail = code.partition("-")
    letters = head.rstrip("0123456789")
    number = head[len(letters) :]
    return (letters, int(number or 0), int(tail or 0))


def selected(rules: list[Rule], select: list[str] | None, ignore: list[str] | None) -> list[Rule]:
    """``--select``/``--ignore`` by code or prefix (F04, FX, N, C09)."""

    def hit(code: str, patterns: list[str]) -> bool:
        return any(code == p or code.startswith(p) for p in patterns)

    out = [r for r in rules if not select or hit(r.code, select)]
    return [r for r in out if not ignore or not hit(r.code, ignore)]
