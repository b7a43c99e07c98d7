"""Characters of a page from pdfium's text page, and the text of lines and cells.

Exists so that everything about glyphs lives in one place: the page-to-display
coordinate transform (shared with ``rules``), the per-character read loop that is most
of the reading time, grouping glyphs into visual lines, and joining a line's or a
cell's glyphs into text.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Two glyphs are on the same visual line when their boxes overlap vertically by at least
# this fraction of the smaller glyph's height.
_LINE_OVERLAP = 0.5

_LATIN = re.compile(r"[A-Za-z]")


class Char(NamedTuple):
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


class Transform:
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


def read_chars(textpage: pdfium.PdfTextPage, tf: Transform) -> list[Char]:
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
    out: list[Char] = []
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
            out.append(Char(text, x0, top, x1, bottom, em))
        i += step
    return out


def visual_lines(chars: list[Char]) -> list[list[Char]]:
    """Group glyphs into visual lines by vertical overlap of their line boxes.

    Not by exact baseline: CJK and Latin fonts often sit a little apart, and a number
    must stay inside its sentence.
    """
    ordered = sorted(chars, key=lambda c: (c.top, c.x0))
    lines: list[list[Char]] = []
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


def join_line(chars: list[Char]) -> str:
    """Characters of one visual line in x order; a gap wider than 1 em becomes a space,
    and the text's own runs of whitespace become one space."""
    chars = sorted(chars, key=lambda c: c.x0)
    parts: list[str] = []
    pending = False
    prev: Char | None = None
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


def cell_text(chars: list[Char]) -> str:
    """Text of a cell: its visual lines joined without a separator (Chinese wraps mid-word),
    except a space between two Latin letters."""
    if not chars:
        return ""
    text = ""
    for group in visual_lines(chars):
        piece = join_line(group)
        if not piece:
            continue
        if text and _LATIN.fullmatch(text[-1]) and _LATIN.fullmatch(piece[0]):
            text += " "
        text += piece
    return text
