"""Where a preparer's workbook starts: blank for a 决算 or a 预算 (`yjs template`), or
from a parsed disclosure with what its narrative states (`yjs parse --format template`)."""

from __future__ import annotations

from yujuesuan.model.disclosure import Disclosure, Kind, Meta
from yujuesuan.model.supplement import Supplement
from yujuesuan.render.budget_tables import BUDGET_PROFILES


class NotPrintable(ValueError):
    """A parsed disclosure whose layout yjs does not print (a Jiangsu budget)."""


def blank_workbook(meta: Meta) -> bytes:
    if meta.kind is Kind.BUDGET:
        from yujuesuan.template.budget_workbook import blank_budget_tables, write_budget_workbook

        return write_budget_workbook(meta, blank_budget_tables(meta), Supplement())
    from yujuesuan.template.blank import blank_tables
    from yujuesuan.template.workbook import write_workbook

    return write_workbook(meta, blank_tables(meta), Supplement())


def workbook_from(d: Disclosure) -> bytes:
    if d.meta.kind is Kind.BUDGET:
        if d.meta.profile not in BUDGET_PROFILES:
            raise NotPrintable(
                f"is a {d.meta.profile} 预算; budgets are written in the {', '.join(BUDGET_PROFILES)} layout only"
            )
        from yujuesuan.template.budget_recall import recall_budget
        from yujuesuan.template.budget_workbook import write_budget_workbook

        return write_budget_workbook(d.meta, d.tables, recall_budget(d), d.performance)
    from yujuesuan.template.recall import recall
    from yujuesuan.template.workbook import workbook_of

    return workbook_of(d, recall(d))
