"""Long facts as CSV: one amount per row (table, row, column, amount, unit, page …)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from yujuesuan.model.disclosure import Disclosure
from yujuesuan.model.facts import FACT_FIELDS, facts


def to_csv(disclosures: Iterable[Disclosure]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(FACT_FIELDS)
    for d in disclosures:
        for f in facts(d):
            w.writerow(["" if v is None else str(v) for v in f.model_dump().values()])
    return buf.getvalue()
