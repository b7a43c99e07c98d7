"""The document as PDF, typeset from its HTML by WeasyPrint, which embeds (subsets) the
fonts it uses. The Chinese font comes from the system (Debian: fonts-noto-cjk)."""

from __future__ import annotations

from yujuesuan.render.blocks import Document
from yujuesuan.render.html import to_html


class RenderError(Exception):
    """The document cannot be written in this format here. One line for a user."""


def to_pdf(doc: Document) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango libraries are missing
        raise RenderError(
            f"PDF output needs WeasyPrint and the Pango libraries ({exc.__class__.__name__}); "
            "install them (pip install weasyprint; Debian: libpango-1.0-0) or render to .docx or .html"
        ) from None
    _require_cjk_font()
    pdf = HTML(string=to_html(doc)).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def _require_cjk_font() -> None:
    """Without a Chinese font the PDF would print empty boxes: refuse instead."""
    import subprocess

    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return  # no fontconfig tool to ask; WeasyPrint will use what it finds
    if not listed.strip():
        raise RenderError(
            "no Chinese font is installed, so the PDF would show empty boxes; install one "
            "(Debian: apt-get install fonts-noto-cjk) or render to .docx or .html"
        )
