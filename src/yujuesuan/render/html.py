"""The document as one self-contained HTML page (A4 print styles), also the source of
the PDF."""

from __future__ import annotations

from html import escape

from yujuesuan.render.blocks import (
    PLACEHOLDER_CLOSE,
    PLACEHOLDER_OPEN,
    Document,
    Grid,
    Paragraph,
    column_weights,
    is_figure,
    pages,
)

# TrueType faces first: WeasyPrint subsets them in a fraction of the time the CFF faces of
# Noto CJK take (3 s against 12 s for a 20-page disclosure here).
FONTS = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", "Songti SC", sans-serif'

CSS = f"""
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
        @bottom-center {{ content: counter(page); font-size: 9pt; font-family: {FONTS}; }} }}
body {{ font-family: {FONTS}; font-size: 11pt; line-height: 1.6; color: #000; }}
p {{ margin: 0 0 0.4em 0; }}
.cover {{ text-align: center; font-size: 22pt; font-weight: bold; margin-top: 4em; }}
.part {{ text-align: center; font-size: 16pt; font-weight: bold; margin: 0.6em 0 0.8em 0; }}
.heading {{ font-weight: bold; margin-top: 0.6em; }}
.body {{ text-indent: 2em; text-align: justify; }}
.contents {{ margin-left: 2em; }}
.table-title {{ text-align: center; font-size: 14pt; font-weight: bold; margin-top: 0.4em; }}
.table-meta {{ text-align: right; font-size: 9.5pt; margin: 0; }}
.note {{ font-size: 9.5pt; margin-top: 0.3em; }}
.plain {{ font-size: 10.5pt; }}
.gap {{ background: #ffe08a; color: #8a3b00; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; margin-top: 0.3em; }}
table.wide {{ font-size: 7.5pt; }}
td, th {{ border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; }}
th {{ font-weight: normal; text-align: center; }}
td.num {{ text-align: right; }}
td.code {{ white-space: nowrap; }}
td, th {{ overflow-wrap: anywhere; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
@page wide {{ size: A4 landscape; margin: 18mm 18mm 18mm 18mm;
        @bottom-center {{ content: counter(page); font-size: 9pt; font-family: {FONTS}; }} }}
section {{ break-after: page; }}
section:last-child {{ break-after: auto; }}
section.wide {{ page: wide; }}
"""


def _text(text: str) -> str:
    """Escape, and mark placeholders so they stand out on the page."""
    out = escape(text)
    open_, close = escape(PLACEHOLDER_OPEN), escape(PLACEHOLDER_CLOSE)
    return out.replace(open_, f'<span class="gap">{open_}').replace(close, f"{close}</span>")


def _grid(g: Grid) -> str:
    def cells(row: tuple[str, ...], tag: str, body: bool) -> str:
        out = []
        for first, n in g.spans(row):
            text = row[first]
            span = f' colspan="{n}"' if n > 1 else ""
            cls = ""
            if body and ((g.numeric_from and first >= g.numeric_from) or is_figure(text)):
                cls = ' class="num"'
            elif body and text.isdigit():
                cls = ' class="code"'
            out.append(f"<{tag}{span}{cls}>{_text(text)}</{tag}>")
        return "<tr>" + "".join(out) + "</tr>"

    head = "".join(cells(row, "th", False) for row in g.rows[: g.header])
    body = "".join(cells(row, "td", True) for row in g.rows[g.header :])
    cls = ' class="wide"' if g.wide else ""
    weights = column_weights(g) if g.rows else []
    cols = "".join(f'<col style="width:{100 * w / sum(weights):.1f}%">' for w in weights)
    return f"<table{cls}><colgroup>{cols}</colgroup><thead>{head}</thead><tbody>{body}</tbody></table>"


def to_html(doc: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title><style>{CSS}</style></head><body>",
    ]
    for landscape, blocks in pages(doc):
        parts.append('<section class="wide">' if landscape else "<section>")
        for b in blocks:
            if isinstance(b, Paragraph):
                parts.append(f'<p class="{b.style.value}">{_text(b.text)}</p>')
            elif isinstance(b, Grid):
                parts.append(_grid(b))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
