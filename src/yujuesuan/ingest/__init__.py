"""Readers: one per format, each producing a RawDocument with provenance."""

from __future__ import annotations

from pathlib import Path

from yujuesuan.ingest.ooxml import OLE_MAGIC
from yujuesuan.ingest.raw import InputError, RawDocument

MAX_BYTES = 200 * 1024 * 1024

_MAGIC_PDF = b"%PDF"
_MAGIC_ZIP = b"PK\x03\x04"


def read(path: Path, display_name: str | None = None) -> RawDocument:
    """Read any supported file; raise InputError with one line for a person otherwise."""
    name = display_name or path.name
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder; give the files in it")
    if not path.is_file():
        raise InputError(f"{name}: is not a regular file (a pipe or a device); save it to a file first")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{name}: the file is empty")
    if size > MAX_BYTES:
        raise InputError(
            f"{name}: {size // (1024 * 1024)} MB is larger than the {MAX_BYTES // (1024 * 1024)} MB limit"
        )
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise InputError(f"{name}: cannot be read ({e.strerror or e}); check its permissions") from None
    suffix = path.suffix.lower()
    if head.startswith(_MAGIC_PDF) or suffix == ".pdf":
        from yujuesuan.ingest.pdf import read_pdf

        return read_pdf(path, name)
    if suffix == ".docx":
        from yujuesuan.ingest.docx import read_docx

        return read_docx(path, name)
    if suffix in (".xlsx", ".xlsm"):
        from yujuesuan.ingest.xlsx import read_xlsx

        return read_xlsx(path, name)
    if suffix in (".txt", ".text", ".csv", ".tsv") or suffix == "":
        from yujuesuan.ingest.text import read_text

        return read_text(path, name)
    if suffix in (".doc", ".xls", ".wps", ".et") or head.startswith(OLE_MAGIC[:4]):
        raise InputError(
            f"{name}: old Office format ({suffix or 'OLE'}) is not supported; save it as .docx or .xlsx"
        )
    if head.startswith(_MAGIC_ZIP):
        raise InputError(
            f"{name}: a {suffix} archive is not a disclosure; give PDF, DOCX, XLSX or text files"
        )
    raise InputError(f"{name}: unsupported file type {suffix!r}; give PDF, DOCX, XLSX or .txt files")


__all__ = ["InputError", "RawDocument", "read"]
