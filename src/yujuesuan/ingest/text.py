"""Plain-text disclosures, as copied or converted from PDF or Word.

Two styles occur: tab-separated rows (every cell kept, blanks included), and rows whose
cells are separated by spaces (cell boundaries and blank cells lost). Tab rows become
grid lines; everything else becomes prose, read later as a token stream. A form feed
starts a new page; otherwise the page is unknown and the line number locates.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from yujuesuan.ingest.raw import InputError, RawCell, RawDocument, grid_row, prose
from yujuesuan.model.disclosure import SourceFile
from yujuesuan.model.provenance import Provenance


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first, then GB18030, the other encoding in use."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: not readable as text (neither UTF-8 nor GB18030); save it as UTF-8 text")


def read_text(path: Path, display_name: str) -> RawDocument:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise InputError(f"{display_name}: binary data in a .txt file; give the original PDF, DOCX or XLSX")
    text = decode(data, display_name)
    source = SourceFile(name=display_name, format="text", sha256=hashlib.sha256(data).hexdigest())
    doc = RawDocument(source=source)
    has_pages = "\f" in text
    page = 1
    # Split on newlines only: str.splitlines() would also split on form feeds (pages).
    for number, line in enumerate(text.split("\n"), start=1):
        page += line.count("\f")
        line = line.replace("\f", "").rstrip("\r")
        if not line.strip():
            continue
        prov = Provenance(file=display_name, page=page if has_pages else None, line=number)
        if "\t" in line:
            texts = [c.strip() for c in line.split("\t")]
            if sum(1 for c in texts if c) > 1:
                cells = [
                    RawCell(t, prov.model_copy(update={"cell": f"c{i}"}))
                    for i, t in enumerate(texts, start=1)
                ]
                doc.lines.append(grid_row(cells, prov))
                continue
            line = next((c for c in texts if c), "")
        doc.lines.append(prose(line.rstrip().lstrip(" "), prov))  # keep the 　　 indent: it marks paragraphs
    return doc
