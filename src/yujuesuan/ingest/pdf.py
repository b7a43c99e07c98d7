"""PDF reader: pages → prose lines and ruled-table rows, straight from pdfium.

Why not pdfplumber: its pdfminer parsing costs ~1 s for a 25-page disclosure, while
pdfium hands us every character box and every path object in ~0.1 s. We rebuild what
we need from those two sources:

* **Ruled tables.** Path objects (stroked lines, thin filled rectangles, rectangle
  edges) become horizontal and vertical rules. Rules that touch form a table. Each
  band between two consecutive horizontal rules is a row; the vertical rules that cross
  that band are its cell boundaries, so merged header cells come out as fewer, wider
  cells and body rows as one cell per column. Blank cells stay as ``""`` because a
  blank in these tables usually means zero, and position must mean column.
* **Prose.** Characters outside tables are grouped into visual lines by vertical
  overlap (CJK and Latin glyphs sit on slightly different baselines, so an exact
  baseline would split "收入2,940.05万元" in three).

All coordinates handed out are PDF points from the top-left corner of the page as a
viewer shows it (``/Rotate`` applied).
"""

from __future__ import annotations

import bisect
import ctypes
import hashlib
import math
import pathlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yujuesuan.ingest.raw import InputError, RawCell, RawDocument, RawLine, grid_row, prose
from yujuesuan.model.disclosure import SourceFile
from yujuesuan.model.provenance import Provenance

__all__ = ["read_pdf"]

# Rules closer than this (points) are the same rule: a 1.5 pt stroke, or the two long
# edges of a thin filled rectangle, or a double line.
_SNAP = 3.0
# Collinear rule pieces separated by at most this gap are one rule.
_JOIN = 3.0
# A rectangle thinner than this is a drawn line, not a box.
_THIN = 3.0
# Two glyphs are on the same visual line when their boxes overlap vertically by at least
# this fraction of the smaller glyph's height.
_LINE_OVERLAP = 0.5

_LATIN = re.compile(r"[A-Za-z]")


class _Char(NamedTuple):
    """One glyph in display coordinates (top grows downwards).

    x0..x1 is the glyph's advance (pdfium's loose box), so the gap between neighbours is
    the real white space, not the glyphs' side bearings. top..bottom is the line box,
    baseline - 0.8 em .. baseline + 0.2 em: the same for every glyph of a line whatever
    its shape (a comma, a "一", a digit), which is what grouping into lines needs.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


class _Seg(NamedTuple):
    """A horizontal (``pos`` = y, span in x) or vertical (``pos`` = x, span in y) rule."""

    pos: float
    lo: float
    hi: float


@dataclass(slots=True)
class _Cell:
    """A cell of one row band; its text is built from the glyphs whose centre it holds."""

    x0: float
    x1: float
    top: float
    bottom: float
    chars: list[_Char] = field(default_factory=list)
    owner: _Cell | None = None  # set when this cell continues a row-spanning cell above


@dataclass(slots=True)
class _Band:
    """One row band of a table: between two consecutive horizontal rules."""

    top: float
    bottom: float
    bounds: list[float]  # x of the vertical rules crossing the band, sorted
    cells: list[_Cell]


@dataclass(slots=True)
class _Table:
    x0: float
    top: float
    x1: float
    bottom: float
    ys: list[float]  # the horizontal rules; band k lies between ys[k] and ys[k + 1]
    bands: list[_Band]


class _Transform:
    """Maps pdfium page coordinates (origin bottom-left, unrotated) to display coordinates."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        left, bottom, right, top = page.get_cropbox()
        self.l, self.b, self.r, self.t = float(left), float(bottom), float(right), float(top)
        self.rot = int(page.get_rotation()) % 360
        w, h = self.r - self.l, self.t - self.b
        self.width, self.height = (h, w) if self.rot in (90, 270) else (w, h)

    def visible(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether a display box's centre lies on the page (generators that export a
        whole spreadsheet leave text far outside the page box, which no viewer shows)."""
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return 0.0 <= cx <= self.width and 0.0 <= cy <= self.height

    def point(self, x: float, y: float) -> tuple[float, float]:
        rot = self.rot
        if rot == 0:
            return x - self.l, self.t - y
        if rot == 90:
            return y - self.b, x - self.l
        if rot == 180:
            return self.r - x, y - self.b
        return self.t - y, self.r - x

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) in display coordinates of a page-space rectangle."""
        xa, ya = self.point(left, bottom)
        xb, yb = self.point(right, top)
        return (min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))


# --------------------------------------------------------------------------- public


def read_pdf(path: pathlib.Path, display_name: str) -> RawDocument:
    """Read a PDF with a text layer into prose lines and table rows, page by page.

    Raises InputError (one line for a user) for unreadable, encrypted or image-only PDFs.
    """
    try:
        data = pathlib.Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{display_name}: cannot be read ({exc.strerror or exc}); check the path") from None
    if not data:
        raise InputError(
            f"{display_name}: not a readable PDF (the file is empty); check that the file is complete"
        )
    source_sha = hashlib.sha256(data).hexdigest()
    doc = _open(data, display_name)
    try:
        n_pages = len(doc)
        lines: list[RawLine] = []
        any_text = False
        for index in range(n_pages):
            page_lines, has_text = _read_page(doc, index, display_name)
            lines.extend(page_lines)
            any_text = any_text or has_text
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"{display_name}: not a readable PDF ({str(exc).rstrip('.')}); check that the file is complete"
        ) from None
    finally:
        doc.close()
    if n_pages == 0:
        raise InputError(
            f"{display_name}: not a readable PDF (it has no pages); check that the file is complete"
        )
    if not any_text:
        raise InputError(
            f"{display_name}: the PDF has no text layer (scanned images); OCR is not supported yet "
            "— use a PDF exported with text"
        )
    source = SourceFile(name=display_name, format="pdf", sha256=source_sha, pages=n_pages)
    return RawDocument(source=source, lines=lines)


def _open(data: bytes, display_name: str) -> pdfium.PdfDocument:
    """Open the document, turning pdfium's load errors into user messages."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        # pdfium's error code is global state and can be stale (e.g. a file with no
        # pages fails without setting it), so a password error must also show an
        # /Encrypt dictionary before we blame a password.
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
            raise InputError(
                f"{display_name}: the PDF is password-protected; remove the password and try again"
            ) from None
        if code == pdfium_c.FPDF_ERR_FORMAT or not data.lstrip().startswith(b"%PDF"):
            reason = "not a PDF, or damaged"
        else:
            reason = "pdfium cannot load it"
        raise InputError(
            f"{display_name}: not a readable PDF ({reason}); check that the file is complete"
        ) from None


# --------------------------------------------------------------------------- per page


def _read_page(doc: pdfium.PdfDocument, index: int, file: str) -> tuple[list[RawLine], bool]:
    """All lines of one page in reading order, and whether the page had any text."""
    page = doc[index]
    try:
        tf = _Transform(page)
        textpage = page.get_textpage()
        try:
            chars = _chars(textpage, tf)
        finally:
            textpage.close()
        hsegs, vsegs = _rules(page, tf)
    finally:
        page.close()
    tables = _tables(hsegs, vsegs)
    loose = _assign(chars, tables)
    return _lines(file, index + 1, loose, tables), bool(chars)


def _chars(textpage: pdfium.PdfTextPage, tf: _Transform) -> list[_Char]:
    """Every real glyph of the page (pdfium's generated spaces and line breaks dropped).

    Raw calls with reused out-parameters, because this loop runs for every character
    and is most of the reading time.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    get_unicode = pdfium_c.FPDFText_GetUnicode
    is_generated = pdfium_c.FPDFText_IsGenerated
    get_loose = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    get_size = pdfium_c.FPDFText_GetFontSize
    get_matrix = pdfium_c.FPDFText_GetMatrix
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    box, point, visible = tf.box, tf.point, tf.visible
    out: list[_Char] = []
    seen: set[tuple[str, int, int]] = set()
    last_by, last_right = float("nan"), float("nan")
    size, upright = 0.0, False
    i = 0
    while i < count:
        code = get_unicode(raw, i)
        step = 1
        if code < 0x20:
            # pdfium marks a hyphen that ends a line as 0x02; other controls (its line
            # breaks among them) carry no text. A tab is a space.
            if code not in (0x02, 0x09):
                i += 1
                continue
            code = 0x2D if code == 0x02 else 0x20
        elif code == 0x20 and is_generated(raw, i) == 1:
            i += 1
            continue
        elif 0xD800 <= code < 0xE000:  # UTF-16 surrogates: join a pair, drop a stray half
            low = get_unicode(raw, i + 1) if i + 1 < count else 0
            if code < 0xDC00 and 0xDC00 <= low < 0xE000:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                step = 2
            else:
                code = 0xFFFD
        elif code in (0xFFFE, 0xFFFF):
            i += 1
            continue
        if not get_loose(raw, i, rect_ref):
            i += step
            continue
        x0, top, x1, bottom = box(rect.left, rect.bottom, rect.right, rect.top)
        if not visible(x0, top, x1, bottom):
            i += step
            continue
        if not get_origin(raw, i, ox_ref, oy_ref):
            i += step
            continue
        bx, by = point(ox.value, oy.value)
        # Font size and orientation change only with the text run: a glyph that starts
        # where the previous one ended, on the same baseline, reuses them (two calls
        # saved for nearly every glyph).
        if not (by == last_by and abs(rect.left - last_right) < 0.01):
            # The size scaled by the text matrix (generators that write "1 Tf" and scale
            # the matrix are common); the matrix also says which way is up.
            size = get_size(raw, i)
            upright = False
            if get_matrix(raw, i, matrix_ref):
                c, d = matrix.c, matrix.d  # the text's "up" axis, scaled
                size *= math.hypot(c, d)
                ux, uy = point(ox.value + c, oy.value + d)
                upright = uy < by and abs(ux - bx) < 0.1 * (by - uy)
        last_by, last_right = by, rect.right
        if upright and size > 0:
            top, bottom = by - 0.8 * size, by + 0.2 * size
            em = size
        else:
            em = bottom - top if size <= 0 else size
        text = chr(code)
        # Fake bold prints a glyph twice at (almost) the same spot; keep one.
        key = (text, int(x0), int(top))
        if key not in seen:
            seen.add(key)
            out.append(_Char(text, x0, top, x1, bottom, em))
        i += step
    return out


# --------------------------------------------------------------------------- rules


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

    def __init__(self, tf: _Transform) -> None:
        self.tf = tf
        self.h: list[_Seg] = []
        self.v: list[_Seg] = []
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
                    self.h.append(_Seg((y0 + y1) / 2, x0, x1))
                    return
                if w < _THIN:
                    self.v.append(_Seg((x0 + x1) / 2, y0, y1))
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


def _rules(page: pdfium.PdfPage, tf: _Transform) -> tuple[list[_Seg], list[_Seg]]:
    """Horizontal and vertical rules drawn on the page, merged."""
    reader = _RuleReader(tf)
    reader.page(page)
    # Rules wholly off the page (spreadsheet exports) would make grids of blank rows.
    w, h = tf.width, tf.height
    hs = [s for s in reader.h if -_SNAP <= s.pos <= h + _SNAP and s.hi >= 0.0 and s.lo <= w]
    vs = [s for s in reader.v if -_SNAP <= s.pos <= w + _SNAP and s.hi >= 0.0 and s.lo <= h]
    return _merge(hs), _merge(vs)


def _polyline(pts: list[tuple[float, float]], hraw: list[_Seg], vraw: list[_Seg]) -> None:
    """Segments of one subpath; a thin rectangle counts as one line along its middle."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if len(pts) >= 4 and _is_rect(pts, x0, x1, y0, y1):
        w, h = x1 - x0, y1 - y0
        if w < _THIN and h < _THIN:
            return  # a dot
        if h < _THIN:
            hraw.append(_Seg((y0 + y1) / 2, x0, x1))
            return
        if w < _THIN:
            vraw.append(_Seg((x0 + x1) / 2, y0, y1))
            return
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if abs(ay - by) < 0.5 and abs(ax - bx) >= 1.0:
            hraw.append(_Seg((ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) < 0.5 and abs(ay - by) >= 1.0:
            vraw.append(_Seg((ax + bx) / 2, min(ay, by), max(ay, by)))


def _is_rect(pts: list[tuple[float, float]], x0: float, x1: float, y0: float, y1: float) -> bool:
    """True when every vertex is a corner of the bounding box (an axis-parallel rectangle)."""
    if len(pts) > 6:
        return False
    for px, py in pts:
        if not ((abs(px - x0) < 0.5 or abs(px - x1) < 0.5) and (abs(py - y0) < 0.5 or abs(py - y1) < 0.5)):
            return False
    return True


def _merge(segs: list[_Seg]) -> list[_Seg]:
    """Snap nearly equal positions together and join collinear pieces that touch."""
    if not segs:
        return []
    segs.sort()
    groups: list[list[_Seg]] = [[segs[0]]]
    for s in segs[1:]:
        if s.pos - groups[-1][-1].pos <= _SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    out: list[_Seg] = []
    for group in groups:
        pos = sum(s.pos for s in group) / len(group)
        spans = sorted((s.lo, s.hi) for s in group)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + _JOIN:
                hi = max(hi, b)
            else:
                out.append(_Seg(pos, lo, hi))
                lo, hi = a, b
        out.append(_Seg(pos, lo, hi))
    return out


# --------------------------------------------------------------------------- tables


def _tables(hsegs: list[_Seg], vsegs: list[_Seg]) -> list[_Table]:
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

    vpos = [v.pos for v in vsegs]  # sorted by _merge
    for i, h in enumerate(hsegs):
        start = bisect.bisect_left(vpos, h.lo - _SNAP)
        stop = bisect.bisect_right(vpos, h.hi + _SNAP)
        for j in range(start, stop):
            v = vsegs[j]
            if v.lo - _SNAP <= h.pos <= v.hi + _SNAP:
                ri, rj = find(i), find(nh + j)
                if ri != rj:
                    parent[ri] = rj
    comps: dict[int, tuple[list[_Seg], list[_Seg]]] = {}
    for i, h in enumerate(hsegs):
        comps.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vsegs):
        comps.setdefault(find(nh + j), ([], []))[1].append(v)
    tables = [t for hs, vs in comps.values() if (t := _table(hs, vs)) is not None]
    tables.sort(key=lambda t: (t.top, t.x0))
    return tables


def _table(hs: list[_Seg], vs: list[_Seg]) -> _Table | None:
    """One table from its rules, or None when the rules make no real grid.

    A frame with no inner vertical rule (a boxed paragraph, a three-line table drawn
    with side borders) is not a grid: position would not mean column, so its text is
    left to the prose lines.
    """
    if len(hs) < 2 or len(vs) < 2:
        return None
    ys = sorted({h.pos for h in hs})  # _merge has snapped near-equal rules together
    rules_at: dict[float, list[_Seg]] = defaultdict(list)
    for h in hs:
        rules_at[h.pos].append(h)
    bands: list[_Band] = []
    for ya, yb in zip(ys, ys[1:], strict=False):
        xs: list[float] = []
        for x in sorted({v.pos for v in vs if v.lo <= ya + _SNAP and v.hi >= yb - _SNAP}):
            if not xs or x - xs[-1] > _SNAP:
                xs.append(x)
        bands.append(_Band(ya, yb, xs, [_Cell(xa, xb, ya, yb) for xa, xb in zip(xs, xs[1:], strict=False)]))
    if max(len(b.cells) for b in bands) < 2:
        return None
    _link_spans(bands, rules_at)
    return _Table(min(h.lo for h in hs), ys[0], max(h.hi for h in hs), ys[-1], ys, bands)


def _link_spans(bands: list[_Band], rules_at: dict[float, list[_Seg]]) -> None:
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
                if abs(up.x0 - cell.x0) <= _SNAP and abs(up.x1 - cell.x1) <= _SNAP:
                    owner = up.owner or up
                    owner.bottom = cell.bottom
                    cell.owner = owner
                    break


def _assign(chars: list[_Char], tables: list[_Table]) -> list[_Char]:
    """Put each character into the table cell holding its centre; return the rest."""
    if not tables:
        return chars
    loose: list[_Char] = []
    for ch in chars:
        cx = (ch.x0 + ch.x1) / 2
        cy = (ch.top + ch.bottom) / 2
        cell = None
        for t in tables:
            if t.top <= cy <= t.bottom and t.x0 - _SNAP <= cx <= t.x1 + _SNAP:
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


# --------------------------------------------------------------------------- lines


def _lines(file: str, page: int, loose: list[_Char], tables: list[_Table]) -> list[RawLine]:
    """Prose lines and table rows of a page, ordered top to bottom, with provenance."""
    texts: list[tuple[str, list[_Char]]] = []
    order: list[tuple[float, float, int, int]] = []  # (top, x0, kind, index); kind 0 prose, 1 row
    for group in _visual_lines(loose):
        text = _join_line(group)
        if text:
            order.append((min(c.top for c in group), min(c.x0 for c in group), 0, len(texts)))
            texts.append((text, group))
    rows = [band for t in tables for band in t.bands if band.cells]
    order.extend((band.top, band.bounds[0], 1, k) for k, band in enumerate(rows))
    order.sort()
    out: list[RawLine] = []
    for number, (_, _, kind, index) in enumerate(order, start=1):
        if kind == 1:
            out.append(_row_line(file, page, number, rows[index]))
        else:
            text, group = texts[index]
            out.append(prose(text, Provenance(file=file, page=page, line=number, bbox=_bbox(group))))
    return out


def _row_line(file: str, page: int, number: int, band: _Band) -> RawLine:
    """One grid row; blanks (and continuations of row-spanning cells) stay as ""."""
    cells: list[RawCell] = []
    for k, cell in enumerate(band.cells, start=1):
        text = "" if cell.owner is not None else _cell_text(cell.chars)
        bbox = (_r(cell.x0), _r(cell.top), _r(cell.x1), _r(cell.bottom))
        cells.append(RawCell(text, Provenance(file=file, page=page, line=number, cell=f"c{k}", bbox=bbox)))
    bbox = (_r(band.bounds[0]), _r(band.top), _r(band.bounds[-1]), _r(band.bottom))
    return grid_row(cells, Provenance(file=file, page=page, line=number, bbox=bbox))


def _r(v: float) -> float:
    return round(v, 2)


def _bbox(chars: Sequence[_Char]) -> tuple[float, float, float, float]:
    return (
        _r(min(c.x0 for c in chars)),
        _r(min(c.top for c in chars)),
        _r(max(c.x1 for c in chars)),
        _r(max(c.bottom for c in chars)),
    )


def _visual_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Group glyphs into visual lines by vertical overlap of their line boxes.

    Not by exact baseline: CJK and Latin fonts often sit a little apart, and a number
    must stay inside its sentence.
    """
    ordered = sorted(chars, key=lambda c: (c.top, c.x0))
    lines: list[list[_Char]] = []
    top = bottom = 0.0
    for ch in ordered:
        if lines:
            overlap = min(bottom, ch.bottom) - max(top, ch.top)
            if overlap > 0 and overlap >= _LINE_OVERLAP * min(ch.bottom - ch.top, bottom - top):
                lines[-1].append(ch)
                top = min(top, ch.top)
                bottom = max(bottom, ch.bottom)
                continue
        lines.append([ch])
        top, bottom = ch.top, ch.bottom
    return lines


def _join_line(chars: list[_Char]) -> str:
    """Characters of one visual line in x order; a gap wider than 1 em becomes a space,
    and the text's own runs of whitespace become one space."""
    chars = sorted(chars, key=lambda c: c.x0)
    parts: list[str] = []
    pending = False
    prev: _Char | None = None
    for ch in chars:
        if ch.text.isspace():
            pending = True
            continue
        if prev is not None and ch.x0 - prev.x1 > max(ch.size, prev.size):
            pending = True
        if pending and parts:
            parts.append(" ")
        pending = False
        parts.append(ch.text)
        if prev is None or ch.x1 > prev.x1:
            prev = ch
    return "".join(parts)


def _cell_text(chars: list[_Char]) -> str:
    """Text of a cell: its visual lines joined without a separator (Chinese wraps mid-word),
    except a space between two Latin letters."""
    if not chars:
        return ""
    text = ""
    for group in _visual_lines(chars):
        piece = _join_line(group)
        if not piece:
            continue
        if text and _LATIN.fullmatch(text[-1]) and _LATIN.fullmatch(piece[0]):
            text += " "
        text += piece
    return text
