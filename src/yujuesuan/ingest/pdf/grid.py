"""Tables of a page: row bands and cells cut from its rules, and glyphs put in cells.

Exists to turn merged rules into grids where position means column: rules that touch
form a table, each band between two horizontal rules is a row, the vertical rules
crossing it are its cell boundaries, and every glyph goes to the cell holding its centre.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from yujuesuan.ingest.pdf.glyphs import Char
from yujuesuan.ingest.pdf.rules import SNAP, Seg


@dataclass(slots=True)
class Cell:
    """A cell of one row band; its text is built from the glyphs whose centre it holds."""

    x0: float
    x1: float
    top: float
    bottom: float
    chars: list[Char] = field(default_factory=list)
    owner: Cell | None = None  # set when this cell continues a row-spanning cell above


@dataclass(slots=True)
class Band:
    """One row band of a table: between two consecutive horizontal rules."""

    top: float
    bottom: float
    bounds: list[float]  # x of the vertical rules crossing the band, sorted
    cells: list[Cell]


@dataclass(slots=True)
class Table:
    x0: float
    top: float
    x1: float
    bottom: float
    ys: list[float]  # the horizontal rules; band k lies between ys[k] and ys[k + 1]
    bands: list[Band]


def find_tables(hsegs: list[Seg], vsegs: list[Seg]) -> list[Table]:
    """Group touching rules into tables and cut each into row bands and cells."""
    if len(hsegs) < 2 or len(vsegs) < 2:
        return []
    nh = len(hsegs)
    parent = list(range(nh + len(vsegs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    vpos = [v.pos for v in vsegs]  # sorted by rules._merge
    for i, h in enumerate(hsegs):
        start = bisect.bisect_left(vpos, h.lo - SNAP)
        stop = bisect.bisect_right(vpos, h.hi + SNAP)
        for j in range(start, stop):
            v = vsegs[j]
            if v.lo - SNAP <= h.pos <= v.hi + SNAP:
                ri, rj = find(i), find(nh + j)
                if ri != rj:
                    parent[ri] = rj
    comps: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, h in enumerate(hsegs):
        comps.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vsegs):
        comps.setdefault(find(nh + j), ([], []))[1].append(v)
    tables = [t for hs, vs in comps.values() if (t := _table(hs, vs)) is not None]
    tables.sort(key=lambda t: (t.top, t.x0))
    return tables


def _table(hs: list[Seg], vs: list[Seg]) -> Table | None:
    """One table from its rules, or None when the rules make no real grid.

    A frame with no inner vertical rule (a boxed paragraph, a three-line table drawn
    with side borders) is not a grid: position would not mean column, so its text is
    left to the prose lines.
    """
    if len(hs) < 2 or len(vs) < 2:
        return None
    ys = sorted({h.pos for h in hs})  # rules._merge has snapped near-equal rules together
    rules_at: dict[float, list[Seg]] = defaultdict(list)
    for h in hs:
        rules_at[h.pos].append(h)
    bands: list[Band] = []
    for ya, yb in zip(ys, ys[1:], strict=False):
        xs: list[float] = []
        for x in sorted({v.pos for v in vs if v.lo <= ya + SNAP and v.hi >= yb - SNAP}):
            if not xs or x - xs[-1] > SNAP:
                xs.append(x)
        bands.append(Band(ya, yb, xs, [Cell(xa, xb, ya, yb) for xa, xb in zip(xs, xs[1:], strict=False)]))
    if max(len(b.cells) for b in bands) < 2:
        return None
    _link_spans(bands, rules_at)
    return Table(min(h.lo for h in hs), ys[0], max(h.hi for h in hs), ys[-1], ys, bands)


def _link_spans(bands: list[Band], rules_at: dict[float, list[Seg]]) -> None:
    """Mark cells with no rule above them as continuations of the cell in the band above.

    Such a cell spans several bands (e.g. "一般公共预算资金" beside three sub-rows); its
    text, often centred across the bands, belongs to its first band, and the later bands
    keep a blank at that position.
    """
    for above, band in zip(bands, bands[1:], strict=False):
        rules = rules_at.get(band.top, [])
        for cell in band.cells:
            covered = sum(max(0.0, min(h.hi, cell.x1) - max(h.lo, cell.x0)) for h in rules)
            if covered >= 0.5 * (cell.x1 - cell.x0):
                continue
            for up in above.cells:
                if abs(up.x0 - cell.x0) <= SNAP and abs(up.x1 - cell.x1) <= SNAP:
                    owner = up.owner or up
                    owner.bottom = cell.bottom
                    cell.owner = owner
                    break


def assign(chars: list[Char], tables: list[Table]) -> list[Char]:
    """Put each character into the table cell holding its centre; return the rest."""
    if not tables:
        return chars
    loose: list[Char] = []
    for ch in chars:
        cx = (ch.x0 + ch.x1) / 2
        cy = (ch.top + ch.bottom) / 2
        cell = None
        for t in tables:
            if t.top <= cy <= t.bottom and t.x0 - SNAP <= cx <= t.x1 + SNAP:
                k = bisect.bisect_right(t.ys, cy) - 1
                if 0 <= k < len(t.bands):
                    band = t.bands[k]
                    col = bisect.bisect_right(band.bounds, cx) - 1
                    if 0 <= col < len(band.cells):
                        cell = band.cells[col]
                break
        if cell is None:
            loose.append(ch)
        else:
            (cell.owner or cell).chars.append(ch)
    return loose
