"""Speed of `yjs parse` on PDFs, as a ratio to plain pypdfium2 text extraction.

Both are measured in the same run on the same files (machines here are noisy, so only
the ratio means anything). Target: a 25-page disclosure parses in less than 10× the
time pdfium takes just to extract its text.

    python bench/parse_speed.py [PDF ...]     # default: the Shanghai 2024 决算 PDFs
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from yujuesuan.pipeline import parse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
TARGET = 10.0


def plain_text(path: Path) -> int:
    """The baseline: open the PDF and extract every page's text with pdfium."""
    doc = pdfium.PdfDocument(str(path))
    try:
        n = 0
        for page in doc:
            tp = page.get_textpage()
            n += len(tp.get_text_range())
            tp.close()
            page.close()
        return n
    finally:
        doc.close()


def full_parse(path: Path) -> int:
    return len(parse([path]).tables)


def best_of(fn: Callable[[Path], int], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((CORPUS / "shanghai-2024-final").glob("*.pdf"))
    if not files:
        print(f"no PDFs found under {CORPUS}", file=sys.stderr)
        return 2
    ratios = []
    print(f"{'file':48} {'pages':>5} {'pdfium text':>12} {'yjs parse':>10} {'ratio':>6}")
    for f in files:
        pages = len(pdfium.PdfDocument(str(f)))
        full_parse(f)  # warm up imports and caches
        base = best_of(plain_text, f, 7)
        ours = best_of(full_parse, f, 7)
        ratio = ours / base
        ratios.append(ratio)
        print(f"{f.name[:48]:48} {pages:5d} {base * 1000:10.1f}ms {ours * 1000:8.1f}ms {ratio:6.1f}")
    worst = max(ratios)
    print(f"median ratio {statistics.median(ratios):.1f}, worst {worst:.1f} (target < {TARGET:.0f})")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
