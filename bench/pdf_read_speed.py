"""How fast is read_pdf? Compared with plain pypdfium2 text and pdfplumber tables.

    python bench/pdf_read_speed.py [FILE.pdf ...]

Defaults to the Shanghai 2024 决算 (25 pages) in ../shared/corpus. Prints the best of
several runs for each reader, in seconds. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium

from yujuesuan.ingest.pdf import read_pdf

DEFAULT = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "corpus"
    / "pdf"
    / "shanghai-2024-final"
    / "上海市普陀区财政局2024年度部门决算.pdf"
)


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pdfium_text(path: Path) -> None:
    """The floor: every page's text from pypdfium2, no boxes, no rules."""
    doc = pdfium.PdfDocument(path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        doc.close()


def plumber_tables(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or [DEFAULT]
    for path in paths:
        print(path.name)
        print(f"  read_pdf                   {best_of(partial(read_pdf, path, path.name), 10):.3f} s")
        print(f"  pypdfium2 text only        {best_of(partial(pdfium_text, path), 10):.3f} s")
        print(f"  pdfplumber extract_tables  {best_of(partial(plumber_tables, path), 2):.3f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
