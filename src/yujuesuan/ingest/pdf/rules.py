"""Ruling lines of a page: horizontal and vertical rules from its path objects.

Exists because pdfium has no notion of a table: stroked lines, thin filled rectangles
and rectangle edges (inside form XObjects too) are read here, snapped and joined into
clean rules that ``grid`` turns into tables.
"""

from __future__ import annotations

import ctypes
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yujuesuan.ingest.pdf.glyphs import Transform

# Rules closer than this (points) are the same rule: a 1.5 pt stroke, or the two long
# edges of a thin filled rectangle, or a double line.
SNAP = 3.0
# Collinear rule pieces separated by at most this gap are one rule.
_JOIN = 3.0
# A rectangle thinner than this is a drawn line, not a box.
_THIN = 3.0


class Seg(NamedTuple):
    """A horizontal (``pos`` = y, span in x) or vertical (``pos`` = x, span in y) rule."""

    pos: float
    lo: float
    hi: float


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """inner then outer, PDF row-vector convention."""
    a, b, c, d, e, f = inner
    aa, bb, cc, dd, ee, ff = outer
    return (
        a * aa + b * cc,
        a * bb + b * dd,
        c * aa + d * cc,
        c * bb + d * dd,
        e * aa + f * cc + ee,
        e * bb + f * dd + ff,
    )


class _RuleReader:
    """Collects horizontal and vertical rules from a page's visible path objects.

    One instance per page; the ctypes out-parameters are made once and reused, since a
    table page has hundreds of path objects.
    """

    def __init__(self, tf: Transform) -> None:
        self.tf = tf
        self.h: list[Seg] = []
        self.v: list[Seg] = []
        self._fs = pdfium_c.FS_MATRIX()
        self._fl = [ctypes.c_float() for _ in range(4)]
        self._fl_refs = [ctypes.byref(f) for f in self._fl]
        self._ci = [ctypes.c_int() for _ in range(2)]
        self._ci_refs = [ctypes.byref(c) for c in self._ci]
        self._cu = [ctypes.c_uint() for _ in range(4)]
        self._cu_refs = [ctypes.byref(c) for c in self._cu]

    def page(self, page: pdfium.PdfPage) -> None:
        count = pdfium_c.FPDFPage_CountObjects(page.raw)
        self._walk([pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(max(count, 0))], _IDENTITY, 0)

    def _walk(self, objs: list[pdfium_c.FPDF_PAGEOBJECT], parent: _Matrix, depth: int) -> None:
        """Descend into form XObjects, composing their matrices."""
        get_type = pdfium_c.FPDFPageObj_GetType
        path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
        for obj in objs:
            kind = get_type(obj)
            if kind == path_type:
                self._path(obj, parent, depth)
            elif kind == form_type and depth < 8:
                matrix = self._matrix(obj)
                if matrix is None:
                    continue
                n = pdfium_c.FPDFFormObj_CountObjects(obj)
                children = [pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(max(n, 0))]
                self._walk(children, _mul(matrix, parent), depth + 1)

    def _matrix(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> _Matrix | None:
        fs = self._fs
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(fs)):
            return None
        return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)

    def _visible(self, obj: pdfium_c.FPDF_PAGEOBJECT) -> bool:
        """Whether the path paints something other than white (white draws no rule)."""
        fill_mode, stroke = self._ci
        if not pdfium_c.FPDFPath_GetDrawMode(obj, *self._ci_refs):
            return False
        r, g, b, a = self._cu
        if stroke.value and pdfium_c.FPDFPageObj_GetStrokeColor(obj, *self._cu_refs):
            if a.value > 0 and (r.value, g.value, b.value) != (255, 255, 255):
                return True
        elif stroke.value:
            return True
        if fill_mode.value and pdfium_c.FPDFPageObj_GetFillColor(obj, *self._cu_refs):
            return a.value > 0 and (r.value, g.value, b.value) != (255, 255, 255)
        return bool(fill_mode.value)

    def _path(self, obj: pdfium_c.FPDF_PAGEOBJECT, parent: _Matrix, depth: int) -> None:
        if not self._visible(obj):
            return
        if depth == 0:
            # Fast path: most rules are one stroked line or one thin rectangle, and the
            # object's bounds (page space, stroke width included) already say where.
            left, bottom, right, top = self._fl
            if pdfium_c.FPDFPageObj_GetBounds(obj, *self._fl_refs):
                x0, y0, x1, y1 = self.tf.box(left.value, bottom.value, right.value, top.value)
                w, h = x1 - x0, y1 - y0
                if w < _THIN and h < _THIN:
                    return
                if h < _THIN:
                    self.h.append(Seg((y0 + y1) / 2, x0, x1))
                    return
                if w < _THIN:
                    self.v.append(Seg((x0 + x1) / 2, y0, y1))
                    return
        matrix = self._matrix(obj)
        if matrix is None:
            return
        self._segments(obj, _mul(matrix, parent))

    def _segments(self, obj: pdfium_c.FPDF_PAGEOBJECT, m: _Matrix) -> None:
        """Walk a path's segments: polylines and rectangles, curves skipped."""
        n = pdfium_c.FPDFPath_CountSegments(obj)
        x, y = self._fl[0], self._fl[1]
        xr, yr = self._fl_refs[0], self._fl_refs[1]
        a, b, c, d, e, f = m
        point = self.tf.point
        subpaths: list[list[tuple[float, float]]] = []
        current: list[tuple[float, float]] = []
        for k in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, xr, yr):
                continue
            px, py = x.value, y.value
            pt = point(px * a + py * c + e, px * b + py * d + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_LINETO:
                current.append(pt)
            else:  # moveto starts a subpath; a curve is no rule, so it breaks the polyline
                if len(current) > 1:
                    subpaths.append(current)
                current = [pt]
            if pdfium_c.FPDFPathSegment_GetClose(seg) and current:
                current.append(current[0])
        if len(current) > 1:
            subpaths.append(current)
        for pts in subpaths:
            _polyline(pts, self.h, self.v)


def read_rules(page: pdfium.PdfPage, tf: Transform) -> tuple[list[Seg], list[Seg]]:
    """Horizontal and vertical rules drawn on the page, merged."""
    reader = _RuleReader(tf)
    reader.page(page)
    # Rules wholly off the page (spreadsheet exports) would make grids of blank rows.
    w, h = tf.width, tf.height
    hs = [s for s in reader.h if -SNAP <= s.pos <= h + SNAP and s.hi >= 0.0 and s.lo <= w]
    vs = [s for s in reader.v if -SNAP <= s.pos <= w + SNAP and s.hi >= 0.0 and s.lo <= h]
    return _merge(hs), _merge(vs)


def _polyline(pts: list[tuple[float, float]], hraw: list[Seg], vraw: list[Seg]) -> None:
    """Segments of one subpath; a thin rectangle counts as one line along its middle."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if len(pts) >= 4 and _is_rect(pts, x0, x1, y0, y1):
        w, h = x1 - x0, y1 - y0
        if w < _THIN and h < _THIN:
            return  # a dot
        if h < _THIN:
            hraw.append(Seg((y0 + y1) / 2, x0, x1))
            return
        if w < _THIN:
            vraw.append(Seg((x0 + x1) / 2, y0, y1))
            return
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if abs(ay - by) < 0.5 and abs(ax - bx) >= 1.0:
            hraw.append(Seg((ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) < 0.5 and abs(ay - by) >= 1.0:
            vraw.append(Seg((ax + bx) / 2, min(ay, by), max(ay, by)))


def _is_rect(pts: list[tuple[float, float]], x0: float, x1: float, y0: float, y1: float) -> bool:
    """True when every vertex is a corner of the bounding box (an axis-parallel rectangle)."""
    if len(pts) > 6:
        return False
    for px, py in pts:
        if not ((abs(px - x0) < 0.5 or abs(px - x1) < 0.5) and (abs(py - y0) < 0.5 or abs(py - y1) < 0.5)):
            return False
    return True


def _merge(segs: list[Seg]) -> list[Seg]:
    """Snap nearly equal positions together and join collinear pieces that touch."""
    if not segs:
        return []
    segs.sort()
    groups: list[list[Seg]] = [[segs[0]]]
    for s in segs[1:]:
        if s.pos - groups[-1][-1].pos <= SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    out: list[Seg] = []
    for group in groups:
        pos = sum(s.pos for s in group) / len(group)
        spans = sorted((s.lo, s.hi) for s in group)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + _JOIN:
                hi = max(hi, b)
            else:
                out.append(Seg(pos, lo, hi))
                lo, hi = a, b
        out.append(Seg(pos, lo, hi))
    return out
